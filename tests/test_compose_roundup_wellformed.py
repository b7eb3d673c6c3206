"""Roundup and lede lines name companies and public bodies, with short rules: a ticker, a clause, a
rule repeated as its maker or a church's decree makes no line and is not named in the lede, while
the story still has its one-liner and the fact stays among the story's facts."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import make_article

from newsbrief.digest.compose import ComposeOptions, StoryBundle, compose_digest
from newsbrief.digest.rank import RankedStory
from newsbrief.facts.lines import regulation_line
from newsbrief.model import CitedSentence, Digest, Fact, FundingRound, Regulation, Summary

DAY = dt.date(2026, 11, 27)


def bundle(sid: str, headline: str, sentences: list[str], *, score: float, facts: tuple[Fact, ...] = (),
           outlets: int = 1) -> StoryBundle:
    arts = tuple(make_article(f"{sid}{i}", outlet=f"Outlet {sid}{i}", title=headline, text=" ".join(sentences))
                 for i in range(outlets))
    cited = tuple(CitedSentence(s, (arts[i % len(arts)].id,)) for i, s in enumerate(sentences))
    ranked = RankedStory(sid, score, {"sources": 1.0}, outlets=outlets)
    return StoryBundle(ranked, Summary(sid, headline, (cited,)), arts, DAY, None, facts)


def lead() -> StoryBundle:
    return bundle("p", "Ferry strike halts crossings to Ostland",
                  ["A ferry strike halted every crossing to Ostland on Friday.", "Talks resume on Monday."],
                  score=9.0, outlets=3)


def digest_of(*stories: StoryBundle) -> Digest:
    return compose_digest([lead(), *stories], day=DAY, options=ComposeOptions())


def section(digest: Digest, kind: str) -> list[str]:
    items = next(s for s in digest.sections if s.kind == kind).items
    return [f"{i.headline}: {i.paragraphs[0][0].text}" if i.paragraphs else i.headline for i in items]


def lede(digest: Digest) -> str:
    return " ".join(s.text for s in digest.lede)


def test_a_ticker_symbol_alone_makes_no_funding_line_and_is_not_named_in_the_lede() -> None:
    ticker = FundingRound("QVRX", 3e6, "USD", "", ("q0",), "QVRX raises $3 million")
    digest = digest_of(bundle("q", "QVRX raises $3 million", ["QVRX raises $3 million."], score=2.0, facts=(ticker,)))
    assert section(digest, "funding") == []
    assert "QVRX" not in lede(digest)
    assert "q" in [i.story_id for i in next(s for s in digest.sections if s.kind == "short").items]


def test_a_named_company_with_its_round_keeps_its_line_and_its_place_in_the_lede() -> None:
    real = FundingRound("Velloria", 12e6, "USD", "series a", ("v0",),
                        "Velloria raised $12 million in a Series A led by Tallow Ventures.",
                        lead_investors=("Tallow Ventures",))
    digest = digest_of(bundle("v", "Velloria raises $12 million", ["Velloria raised $12 million in a Series A."],
                              score=2.0, facts=(real,)))
    assert section(digest, "funding") == ["Velloria: $12M Series A, led by Tallow Ventures"]
    assert "funding for Velloria" in lede(digest)


def test_a_name_in_capitals_with_its_investors_named_keeps_its_line() -> None:
    backed = FundingRound("QVRX", 3e7, "INR", "", ("q0",), "QVRX raises Rs 3 cr from Harrow Capital, others",
                          investors=("Harrow Capital",))
    digest = digest_of(bundle("q", "QVRX raises Rs 3 cr from Harrow Capital, others",
                              ["QVRX raises Rs 3 cr from Harrow Capital, others."], score=2.0, facts=(backed,)))
    assert section(digest, "funding") == ["QVRX: ₹30M, from Harrow Capital"]


def test_a_nationality_that_won_a_draw_makes_no_funding_line() -> None:
    winner = FundingRound("Indian", 1e6, "USD", "", ("w0",), "An Indian has won $1,000,000 in the latest raffle.")
    digest = digest_of(bundle("w", "Raffle winner named", ["An Indian has won $1,000,000 in the latest raffle."],
                              score=2.0, facts=(winner,)))
    assert section(digest, "funding") == []
    assert "Indian" not in lede(digest)


def test_a_clause_or_the_rule_itself_in_the_regulator_place_makes_no_regulation_line() -> None:
    clause = "legislation that would hold landlords accountable for renting flats to tenants who are not checked"
    no_body = Regulation(clause, "", ("c0",), f"The senator introduced {clause}.", status="proposed")
    long_rule = "15-percent levy on that portion of rental income attributable to short lets"
    repeated = Regulation(long_rule, long_rule, ("r0",), f"The {long_rule} was enacted.", status="enacted")
    digest = digest_of(
        bundle("c", "Senator targets landlords", [f"The senator introduced {clause}."], score=3.0, facts=(no_body,)),
        bundle("r", "Short-let levy explained", [f"The {long_rule} was enacted."], score=2.0, facts=(repeated,)),
    )
    assert section(digest, "regulation") == []
    assert "regulatory moves" not in lede(digest)


def test_a_churchs_decree_and_a_generic_or_wrong_body_make_no_regulation_line() -> None:
    decree = Regulation("decree that declares the shrine a place of pilgrimage", "Archdiocese of Valmora", ("d0",),
                        "The Archdiocese of Valmora has issued a decree that declares the shrine a place of pilgrimage.",
                        status="enacted")
    generic = Regulation("bipartisan bill targeting the cafe tax", "Senators", ("g0",),
                         "Senators introduced bipartisan bill targeting the cafe tax", status="proposed")
    digest = digest_of(
        bundle("d", "Shrine declared a place of pilgrimage", ["The shrine was declared a place of pilgrimage."],
               score=3.0, facts=(decree,)),
        bundle("g", "Senators introduce bill on cafe tax", ["Senators introduced a bill on the cafe tax."],
               score=2.0, facts=(generic,)),
    )
    assert section(digest, "regulation") == []
    assert "Archdiocese" not in lede(digest) and "Senators" not in lede(digest)


def test_a_public_body_with_a_short_rule_keeps_its_line_and_its_place_in_the_lede() -> None:
    rule = Regulation("bill that would ban single-use plastic bags in shops", "Marwick Parliament", ("m0",),
                      "Marwick Parliament passed a bill that would ban single-use plastic bags in shops.",
                      status="enacted")
    digest = digest_of(bundle("m", "Marwick bans plastic bags",
                              ["Marwick Parliament passed a bill that would ban single-use plastic bags in shops."],
                              score=2.0, facts=(rule,)))
    assert section(digest, "regulation") == [
        "Marwick Parliament: bill to ban single-use plastic bags in shops, passed"]
    assert "regulatory moves by Marwick Parliament" in lede(digest)


def test_a_rule_with_no_body_named_is_headed_by_its_country() -> None:
    rule = Regulation("tariffs on steel imported from Ostland", "", ("t0",),
                      "Chile will impose tariffs on steel imported from Ostland.", jurisdiction="Chile",
                      status="enacted")
    digest = digest_of(bundle("t", "Chile sets steel tariffs", ["Chile will impose tariffs on steel."], score=2.0,
                              facts=(rule,)))
    assert section(digest, "regulation") == ["Chile: tariffs on steel imported from Ostland, enacted"]


def test_the_story_takes_the_body_named_as_such_over_a_phrase_from_another_sentence() -> None:
    phrase = Regulation("coastal protection bill", "Lawmakers", ("k0",), "Lawmakers passed the coastal protection bill.",
                        status="enacted")
    body = Regulation("coastal protection bill", "Marwick Assembly", ("k1",),
                      "The Marwick Assembly passed the coastal protection bill.", status="enacted")
    digest = digest_of(bundle("k", "Coastal bill passes", ["Lawmakers passed the coastal protection bill."], score=2.0,
                              facts=(phrase, body), outlets=2))
    assert section(digest, "regulation") == ["Marwick Assembly: coastal protection bill, passed"]


@pytest.mark.parametrize(("regulator", "sentence", "shown"), [
    ("California lawmakers", "California lawmakers on Friday approved a bill to register voters automatically.", "passed"),
    ("Senate", "The package has passed the Senate and is heading to the state assembly.", "passed"),
    ("Scottish Parliament", "Legislation to promote sign language has been backed by MSPs.", "passed"),
    ("Congress", "Congress passed the act, which the president signed into law on Friday.", "enacted"),
    ("Harbour Securities Commission", "The Harbour Securities Commission adopted rules on fee disclosure.", "enacted"),
])
def test_a_chambers_vote_shows_as_passed_until_the_bill_becomes_law(regulator: str, sentence: str, shown: str) -> None:
    line = regulation_line(Regulation("the bill", regulator, ("a",), sentence, status="enacted"))
    assert line == f"{regulator}: the bill, {shown}"
