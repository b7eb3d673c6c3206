"""Headlines made when no title is usable: the lead's main clause, cut where a phrase ends, or a cut-short title repaired."""

from __future__ import annotations

import pytest

from newsbrief.summarize import choose_headline
from newsbrief.summarize.headline import _trim_lead, repaired_title

from factories import make_article


@pytest.mark.parametrize(("lead", "headline"), [
    # a clause set before the subject goes; the main clause says who did what
    ("After a ten-hour standoff at the depot, police arrested a man who had held two drivers hostage on Tuesday.",
     "Police arrested a man who had held two drivers hostage on Tuesday"),
    ("As Norland struggles with its worst drought in forty years, there is growing anger at the failure of the water "
     "companies to fix leaking pipes across the region.",
     "There is growing anger at the failure of the water companies to fix leaking pipes across the region"),
    ("Having lost the vote on the harbour plan, the council leaders are now working to win back the business owners "
     "who opposed them at every meeting this year.",
     "The council leaders are now working to win back the business owners"),
    # the comma ending the opening clause is the first one outside a quotation or brackets
    ("Despite a long (and, some say, costly) campaign by the traders, the Harwick council voted to close the old "
     "market hall on Tuesday.", "The Harwick council voted to close the old market hall on Tuesday"),
])
def test_the_main_clause_of_the_lead_is_the_headline(lead: str, headline: str) -> None:
    assert _trim_lead(lead)[0] == headline


@pytest.mark.parametrize("lead", [
    # the main clause opens on a pronoun or a conjunction: it needs what came before it
    "After twenty years of running the shop together, we have learned a few things about what keeps customers coming back.",
    "While baking bread is pretty satisfying, and the smell of it on a cold morning in January is the best thing there is.",
])
def test_a_main_clause_that_needs_its_opening_keeps_it(lead: str) -> None:
    assert _trim_lead(lead)[0].startswith(lead.split()[0])


def test_a_cut_never_leaves_a_quotation_open_nor_a_word_without_its_preposition() -> None:
    lead = ('Premier Dana Holt has declined to rule out sending Norland "troops on the ground" \u2013 meaning combat units '
            '\u2013 in the fight against the rebels as she announced more air patrols.')
    assert _trim_lead(lead) == ('Premier Dana Holt has declined to rule out sending Norland "troops on the ground"', False)
    lead = ("Normal trading was not disrupted in the port city of Aldmouth on Thursday due to the strike called by the "
            "dock unions across the whole of the country.")
    headline, cut = _trim_lead(lead)
    assert cut and headline == "Normal trading was not disrupted in the port city of Aldmouth"
    # a cut keeps a verb: not "The outcome of the council debate"
    lead = ("The outcome of the council debate on the harbour tax was clear to most traders long before the vote on "
            "Monday evening at the town hall.")
    assert _trim_lead(lead)[0] == "The outcome of the council debate on the harbour tax was clear"


@pytest.mark.parametrize(("title", "repaired"), [
    ("Harbourside Airport adopts Corvel's cloud check-in to...", "Harbourside Airport adopts Corvel's cloud check-in"),
    ("Mill closure divides Aldmouth traders; some say council poor partner ...", "Mill closure divides Aldmouth traders"),
    ("Dog finds owner's lost ring - now watch her reaction...", "Dog finds owner's lost ring"),
    ("Kessel optimistic about returning...", ""),  # too little is left
    ("Harbourside Airport adopts Corvel's cloud check-in", ""),  # not cut short
])
def test_a_title_cut_short_is_repaired_to_its_last_whole_phrase(title: str, repaired: str) -> None:
    assert repaired_title(title) == repaired


@pytest.mark.parametrize(("title", "repaired"), [
    # a space before the ellipsis, and the text writes the word whole: the word stays
    ("Rowe signs deal to call Harbourside games, set to take over from Dana Holt ...",
     "Rowe signs deal to call Harbourside games, set to take over from Dana Holt"),
    ("Court to hear pleas seeking relaxation \u2026", "Court to hear pleas seeking relaxation"),
    # a space, but the text never writes the word: the feed cut it ("tourism" -> "touris")
    ("Aldmouth harbour upgrade gives a boost for touris ...", "Aldmouth harbour upgrade gives a boost"),
    # no space: the word may be cut
    ("Aldmouth harbour upgrade gives a boost for tourism...", "Aldmouth harbour upgrade gives a boost"),
])
def test_a_word_set_apart_from_the_ellipsis_stays_when_the_text_writes_it(title: str, repaired: str) -> None:
    text = ("Rowe will take over from Dana Holt next season. The court will hear pleas seeking relaxation of the order. "
            "The upgrade is a boost for tourism in Aldmouth.")
    assert repaired_title(title, text=text) == repaired


def test_a_cut_short_title_gives_way_to_a_lead_that_needs_no_cut() -> None:
    short_lead = "Harbourside Airport has moved its check-in desks to Corvel's cloud service."
    arts = [make_article("a", title="Harbourside Airport adopts Corvel's cloud check-in to...", text=short_lead)]
    assert choose_headline(arts) == "Harbourside Airport has moved its check-in desks to Corvel's cloud service"
    long_lead = ("Harbourside Airport is moving its check-in desks, baggage drop and gate systems to Corvel's cloud service "
                 "over the winter, in a contract that runs for seven years and covers both terminals.")
    arts = [make_article("b", title="Harbourside Airport adopts Corvel's cloud check-in to...", text=long_lead)]
    assert choose_headline(arts) == "Harbourside Airport adopts Corvel's cloud check-in"


def test_a_cut_backs_out_of_a_quotation_it_cannot_close() -> None:
    # the opening clause holds a quotation with commas and the main clause opens on "it": no cut closes the quote
    lead = ('Despite strong opposition to the Harbour deal ("just 21% approve of the agreement reached between the '
            'Kessa States, Tarn and other nations"), it looks like the council will prevail and the deal will pass.')
    headline, cut = _trim_lead(lead)
    assert headline == "Despite strong opposition to the Harbour deal" and cut
