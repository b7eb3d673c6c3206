"""Funding precision and event recall classes, each a general rule with invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.core import extract_sentence_facts
from newsbrief.model import Event, FundingRound

PUB = dt.date(2026, 7, 15)  # a Wednesday


def _rounds(sentence: str, published: dt.date = PUB) -> list[FundingRound]:
    facts = extract_sentence_facts(sentence, published=published)
    return [f for f in facts if isinstance(f, FundingRound) and not f.aggregate]


def _events(sentence: str, published: dt.date = PUB) -> list[Event]:
    return [f for f in extract_sentence_facts(sentence, published=published) if isinstance(f, Event)]


# --- funding ------------------------------------------------------------------------------------


# a side clause about the subject holding money of its own (an earlier round, revenue) is background:
# the round is the amount of the main clause, and its stage comes from the main clause
@pytest.mark.parametrize(
    ("sentence", "amount", "kind"),
    [
        (
            "Brindlewick, the Leeds tutoring app that took a £3 million seed round in 2024, has now raised £18 million "
            "in a Series A led by Aire Valley Capital.",
            18_000_000,
            "series a",
        ),
        (
            "Cobaltine Systems, whose sales rose to $40 million last year, has raised $60 million in growth funding led by "
            "Ridgeback Partners, the company said on Wednesday.",
            60_000_000,
            "growth",
        ),
        (
            "Oslo's Skarvik Health, which took $500,000 in pre-seed money from angels in 2025, said on Wednesday it had raised "
            "a $6 million seed round led by Fjellstad Ventures.",
            6_000_000,
            "seed",
        ),
    ],
)
def test_side_clause_money_is_background(sentence: str, amount: float, kind: str) -> None:
    rounds = _rounds(sentence)
    assert [(r.amount, r.round) for r in rounds] == [(amount, kind)]


# "N months after it raised ..., X did something else": the round is only the time reference
@pytest.mark.parametrize(
    "sentence",
    [
        "Eight months after it raised $22 million in a Series A led by Quarry Hill, Dovetail Freight said on Wednesday it had opened a Lisbon office.",
        "Two years after it closed a €9 million seed round, Marlowe Robotics named a new chief executive.",
        "Shortly after it secured £4 million from Ashgrove Angels, Tessellate Foods said it would double its staff.",
    ],
)
def test_round_in_a_time_after_lead_is_background(sentence: str) -> None:
    assert _rounds(sentence) == []


# a month named without a year that lies well before publication dates an old round retold
@pytest.mark.parametrize(
    "sentence",
    [
        "In March, Gullwing Analytics closed a $12 million Series A led by Plover Capital; on Wednesday it announced a deal with a retailer.",
        "In February, Kestrelworks raised €5 million in seed funding led by Merlin Seed; this week it opened a factory.",
        "Back in January, Sandpiper Bio secured $30 million in a Series B led by Curlew Partners, and it is now hiring.",
    ],
)
def test_round_in_a_past_month_is_background(sentence: str) -> None:
    assert _rounds(sentence) == []


def test_round_this_month_still_counts() -> None:
    rounds = _rounds("In July, Gullwing Analytics closed a $12 million Series A led by Plover Capital.")
    assert [r.amount for r in rounds] == [12_000_000]


# public finance is not a company round: IPO proceeds, sovereign loans, auctions for the treasury
@pytest.mark.parametrize(
    "sentence",
    [
        "Shares of Velamar Foods rose 12% on their debut in Madrid on Wednesday after an initial public offering that raised €400 million.",
        "Trading in Orrisdale Power began on Wednesday after an IPO which raised $250 million.",
        "The Asian Development Bank approved a $200 million loan to Nepal on Wednesday to upgrade rural roads.",
        "A regional development bank extended a €150 million loan to Moldova to modernise its power grid.",
        "The IMF approved a $1.1 billion loan to Sri Lanka on Wednesday.",
        "Ghana's auction of mobile spectrum was held on Wednesday and raised $310 million for the treasury.",
        "The privatisation of the state airline raised $900 million, the finance ministry said.",
        "A sale of mining licences raised $75 million for the state's coffers on Wednesday.",
    ],
)
def test_public_finance_is_not_a_round(sentence: str) -> None:
    assert _rounds(sentence) == []


# verbs that tell a round: "disclosed a ... Series A", "collected", "emerged on Tuesday with", "added ... to its coffers",
# and a grant "awarded ... on Wednesday to" a company
@pytest.mark.parametrize(
    ("sentence", "company", "amount"),
    [
        ("Austin-based Bramblecore disclosed a $14 million Series A co-led by Pecan Partners and Mesquite Ventures.", "Bramblecore", 14_000_000),
        ("Porto-based Azulejo Data collected €2.5 million in pre-seed funding, with Douro Angels leading the round.", "Azulejo Data", 2_500_000),
        ("Turin-based Fonderia Blu emerged on Tuesday with €6 million in seed funding from investors led by Po Valley Capital.", "Fonderia Blu", 6_000_000),
        ("Kelpworks has added $9 million to its coffers through a Series A extension led by Tidewater Deep Tech.", "Kelpworks", 9_000_000),
        ("A national research agency awarded a £1.2 million grant on Wednesday to Cardiff-based Slatepoint Materials.", "Slatepoint Materials", 1_200_000),
    ],
)
def test_more_round_verbs(sentence: str, company: str, amount: float) -> None:
    rounds = _rounds(sentence)
    assert [(r.company, r.amount) for r in rounds] == [(company, amount)]


# a lower-case plural "-techs" subject ("African insurtechs raised ...") is an aggregate, not a company
@pytest.mark.parametrize(
    "sentence",
    [
        "Nordic fintechs raised $900 million in the first quarter, according to a tracker.",
        "European insurtechs raised €1.2 billion last year, a report showed.",
        "Indian edtechs raised $300 million in the second quarter, data from a tracker showed.",
    ],
)
def test_tech_plural_subject_is_aggregate(sentence: str) -> None:
    assert _rounds(sentence) == []


# --- events ---------------------------------------------------------------------------------------


# a hedged or expected act with a date is an upcoming event ("could lay off", "might name", "expects to receive")
@pytest.mark.parametrize(
    ("sentence", "start", "end", "speculative"),
    [
        ("Hollowmere Games could lay off a tenth of its staff later this month, two employees said.", "2026-07-16", "2026-07-31", True),
        ("Corran Foods might name a new chief executive by the end of the year, two directors said.", "2026-12-31", "2026-12-31", True),
        ("Brackwater Motors may confirm next week that it is closing its Derby plant, people briefed on the plan said.", "2026-07-20", "2026-07-26", True),
        ("Tern Airways expects to receive its first widebody jets in the second half of 2027, its finance chief said.", "2027-07-01", "2027-12-31", False),
        ("Palmyra Homes expects to hand over the first flats at its Dubai tower in the first half of 2027.", "2027-01-01", "2027-06-30", False),
        ("Opposition parties said on Wednesday that they would file a no-confidence motion within 10 days.", "2026-07-25", "2026-07-25", False),
    ],
)
def test_hedged_or_expected_acts_are_events(sentence: str, start: str, end: str, speculative: bool) -> None:
    events = _events(sentence)
    assert [(e.start.isoformat(), e.end.isoformat(), e.speculative) for e in events] == [(start, end, speculative)]


# "expects <someone> to <act> in mid-September", "are due to <act> on <date>": the date lies ahead
@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        ("Larchfield Bio expects the regulator's advisory panel to give an opinion on its drug in mid-September, its chief executive said.", PUB, "2026-09-11", "2026-09-20"),
        ("Rate-setters at the central bank are due to unveil their decision on interest rates on January 29.", dt.date(2026, 1, 21), "2026-01-29", "2026-01-29"),
        ("The panel is due to deliver its findings on March 3, officials said.", dt.date(2026, 2, 24), "2026-03-03", "2026-03-03"),
    ],
)
def test_expected_and_due_acts_resolve_forward(sentence: str, published: dt.date, start: str, end: str) -> None:
    events = _events(sentence, published)
    assert [(e.start.isoformat(), e.end.isoformat()) for e in events] == [(start, end)]


# "has given X 14 days to explain": an answer due publication + N days
@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The telecoms regulator has given Corvid Mobile 14 days to explain a network outage, it said on Wednesday.", "2026-07-29"),
        ("The competition board gave Larkspur Grocers 30 days to respond to its findings, the board said.", "2026-08-14"),
        ("The ministry has given the operator 10 days to submit a repair plan.", "2026-07-25"),
    ],
)
def test_n_days_to_respond_is_dated_from_publication(sentence: str, due: str) -> None:
    events = _events(sentence)
    assert [(e.start.isoformat(), e.end.isoformat()) for e in events] == [(due, due)]


# "will strike on Monday and again on March 4": the second date repeats the happening
@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Port workers in Gdansk will strike on Monday and again on August 3, their union said.", "2026-08-03"),
        ("Junior doctors will walk out on Friday and again on July 28, the union said on Wednesday.", "2026-07-28"),
        ("Rail staff will hold a stoppage on Thursday and once more on August 10.", "2026-08-10"),
    ],
)
def test_and_again_gives_a_second_event(sentence: str, second: str) -> None:
    events = _events(sentence)
    assert len(events) == 2
    assert events[1].start.isoformat() == second and events[1].end.isoformat() == second


# a duty put off to a new date is a rule's deadline, not an event
@pytest.mark.parametrize(
    "sentence",
    [
        "The tax authority delayed to January 1, 2027, a requirement that delivery platforms withhold tax from couriers' pay.",
        "The insurance regulator extended by three months, to October 31, the deadline for insurers to settle flood claims.",
        "The media regulator has given broadcasters an extra year, to January 1, 2028, to meet new subtitling quotas.",
        "The accounting authority has deferred mandatory climate reporting for mid-sized firms to financial years starting on or after January 1, 2028.",
    ],
)
def test_deferred_duty_is_not_an_event(sentence: str) -> None:
    assert _events(sentence) == []


def test_postponed_summit_is_still_an_event() -> None:
    events = _events("Organisers postponed the summit to September 14, they said on Wednesday.")
    assert [e.start.isoformat() for e in events] == ["2026-09-14"]


# a plan to go to investors for money is no dated happening
@pytest.mark.parametrize(
    "sentence",
    [
        "Fernhill Bio will look to tap investors for fresh capital once its trial data are in, probably in the first half of next year.",
        "Quayside Robotics expects to go back to investors for more money early next year, its founder said.",
        "The company plans to approach its backers for new funding in the fourth quarter.",
    ],
)
def test_plan_to_tap_investors_is_not_an_event(sentence: str) -> None:
    assert _events(sentence) == []


# an effect someone warns of ("warned that the levy would push up prices next year") is not a schedule
@pytest.mark.parametrize(
    "sentence",
    [
        "Retailers warned that the tariff would push up prices next year.",
        "Unions fear that the merger could cut jobs in the first half of 2027.",
        "Economists cautioned that the reform might slow hiring next year.",
    ],
)
def test_warned_effect_is_not_an_event(sentence: str) -> None:
    assert _events(sentence) == []


def test_act_beside_a_warning_is_still_an_event() -> None:
    events = _events(
        "Lockhart Chips may begin production at its new fab in the first half of 2027, executives said, though they cautioned that the timeline could slip."
    )
    assert [(e.start.isoformat(), e.speculative) for e in events] == [("2027-01-01", True)]


# an apposition mentioning "businesses" or "firms" does not make the company a group
@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Rabat-based Ledgerly, which sells invoicing software to small businesses, raised 40 million dirhams in a Series A led by Oasis Ventures.", "Ledgerly"),
        ("Perth's Quokkasure, an insurer for small firms, raised A$20 million in a Series B led by Swan River Partners.", "Quokkasure"),
        ("Tallinn-based Vaskor, a supplier to logistics companies, raised €8 million in seed funding led by Baltic Pine Capital.", "Vaskor"),
    ],
)
def test_apposition_plural_is_not_aggregate(sentence: str, company: str) -> None:
    assert [r.company for r in _rounds(sentence)] == [company]


# a verb is a whole word: "Got" opening a place name ("Gothenburg-based") is no funding verb
@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Gothenburg-based Havsbris Marine has raised 80 million kronor in a Series A led by Kattegat Kapital.", "Havsbris Marine"),
        ("Gotland-based Kalkvind raised 30 million kronor in seed funding led by Visby Angels.", "Kalkvind"),
        ("Wonderbrook Labs has raised $7 million in a seed round led by Hollis Ventures.", "Wonderbrook Labs"),
    ],
)
def test_funding_verbs_are_whole_words(sentence: str, company: str) -> None:
    assert [r.company for r in _rounds(sentence)] == [company]
