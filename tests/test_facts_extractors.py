"""Funding, regulation and event extractors, one sentence at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts import extract_sentence_facts, merge_facts, merge_funding
from newsbrief.facts.events import extract_events
from newsbrief.facts.funding import extract_funding
from newsbrief.facts.regulation import extract_regulation
from newsbrief.model import Event, FundingRound, Regulation

PUB = dt.date(2026, 11, 27)  # a Friday


def one_round(sentence: str) -> FundingRound:
    rounds = extract_funding(sentence, published=PUB, article_id="a1")
    assert len(rounds) == 1, rounds
    return rounds[0]


def test_funding_round_fields() -> None:
    r = one_round(
        "Oslo-based Brightfjord raised $18 million in a Series A round led by Atomico and Creandum, "
        "with participation from Seedcamp."
    )
    assert (r.company, r.amount, r.currency, r.round) == ("Brightfjord", 18_000_000, "USD", "series a")
    assert r.lead_investors == ("Atomico", "Creandum")
    assert r.investors == ("Seedcamp",)
    assert r.article_ids == ("a1",) and r.date == PUB and not r.aggregate
    assert r.sentence.startswith("Oslo-based Brightfjord")


def test_valuation_is_kept_apart_from_amount() -> None:
    r = one_round("Tidewell closed a $250 million Series D at a $3.1 billion valuation.")
    assert (r.amount, r.valuation, r.round) == (250_000_000, 3_100_000_000, "series d")
    r = one_round("Payments app Quirra raised €60 million, valuing the company at €900 million.")
    assert (r.amount, r.valuation, r.currency) == (60_000_000, 900_000_000, "EUR")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Marlowe raised $3 million in pre-seed funding.", "pre-seed"),
        ("Marlowe landed a $7 million seed round.", "seed"),
        ("Marlowe secured $150 million in debt financing from HSBC.", "debt"),
        ("The agency awarded Marlowe a $2 million grant.", "grant"),
        ("Marlowe raised $90 million in a growth round.", "growth"),
        ("Index led a $40 million Series B in Marlowe.", "series b"),
    ],
)
def test_round_types(sentence: str, kind: str) -> None:
    r = one_round(sentence)
    assert (r.company, r.round) == ("Marlowe", kind)


def test_investor_led_phrasing_names_the_company() -> None:
    r = one_round("Accel and Index Ventures co-led a $45 million Series B for Linefold, a design startup.")
    assert r.company == "Linefold"
    assert r.lead_investors == ("Accel", "Index Ventures")


@pytest.mark.parametrize("sentence", [
    "Linefold has picked up nearly 400K Euro from backers like Halden Ventures, Kessa Capital, and a private backer.",
    "Linefold raised $2 million from backers such as Halden Ventures and Kessa Capital.",
    "Linefold raised $2 million from investors including Halden Ventures and Kessa Capital.",
])
def test_backers_like_or_such_as_are_the_rounds_investors(sentence: str) -> None:
    r = one_round(sentence)
    assert (r.company, r.investors, r.lead_investors) == ("Linefold", ("Halden Ventures", "Kessa Capital"), ())


def test_aggregate_is_not_a_company_round() -> None:
    (r,) = extract_funding("Startups in Vietnam raised $212 million last week.", published=PUB)
    assert r.aggregate is True
    assert r.amount == 212_000_000
    assert "Startups in Vietnam" in r.company


@pytest.mark.parametrize(
    "sentence",
    [
        "Zentrix plans to raise $50 million next year.",
        "Orca AI is reportedly in talks to raise money at a $5 billion valuation.",
        "Halden Labs has raised $210 million to date.",
        "Revenue at Strivo grew to $48 million, up 60%.",
        "The regulator fined the bank $16 million.",
        "Kivo raised its full-year revenue forecast to $2 billion.",
        "If the deal fails, Brightwave would need to raise another $100 million.",
        "Clearpath's valuation dropped to $1.2 billion.",
    ],
)
def test_funding_negatives(sentence: str) -> None:
    assert extract_funding(sentence, published=PUB) == []


def test_total_after_the_round_is_not_the_amount() -> None:
    r = one_round("Vantix raised $85 million in Series C funding, bringing its total raised to $140 million.")
    assert r.amount == 85_000_000


def test_merge_funding_unions_sources() -> None:
    a = one_round("Tidewell closed a $250 million Series D led by Thrive Capital.")
    b = extract_funding("Tidewell raised $250m in a round at a $3.1bn valuation.", published=PUB, article_id="b2")[0]
    c = extract_funding("Ostra raised $250 million.", published=PUB, article_id="c3")[0]
    merged = merge_funding([a, b, c])
    assert len(merged) == 2
    assert merged[0].article_ids == ("a1", "b2")
    assert merged[0].valuation == 3_100_000_000 and merged[0].lead_investors == ("Thrive Capital",)


@pytest.mark.parametrize(
    ("sentence", "status", "deadline"),
    [
        ("The FCC proposed rules that would require carriers to unlock phones.", "proposed", None),
        ("The Senate passed the Stablecoin Clarity Act on Tuesday.", "enacted", None),
        ("The Data Resilience Act took effect on January 17.", "in force", "2026-01-17"),
        ("Lenders must comply with the new KYC norms by June 30.", "in force", "2027-06-30"),
        ("The Commission delayed the AI Act until December 2027.", "delayed", "2027-12-01"),
        ("The CFPB scrapped a proposed rule capping overdraft fees.", "withdrawn", None),
        ("The labeling rules take effect on January 1, 2027.", "enacted", "2027-01-01"),
    ],
)
def test_regulation_status_and_deadline(sentence: str, status: str, deadline: str | None) -> None:
    (r,) = extract_regulation(sentence, published=PUB, article_id="a1")
    assert r.status == status
    assert (r.deadline.isoformat() if r.deadline else None) == deadline
    assert r.article_ids == ("a1",)


def test_regulation_fields() -> None:
    (r,) = extract_regulation(
        "New York's Department of Financial Services began enforcing its cybersecurity rules on November 1, "
        "requiring banks and insurers to test their defences.",
        published=PUB,
    )
    assert r.regulator == "Department of Financial Services"
    assert r.jurisdiction == "New York"
    assert "cybersecurity rules" in r.rule
    assert r.who_must_comply == "banks and insurers"
    assert r.deadline == dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics say the AI Act is too vague.",
        "Google was fined €2.9 billion by the European Commission.",
        "A federal judge blocked the state's social media law.",
        # a filing's list of the laws it complies with: items of a legal list, not news of a rule
        "(iv) Board meeting standards set by the Orrick Governance Council and approved by the Finance Ministry.",
        "(c) The Kessa Trusts Act, passed by the Kessa Parliament, and the codes made under it.",
    ],
)
def test_regulation_negatives(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_event_next_tuesday_from_friday() -> None:
    (e,) = extract_events("Lumen will launch its new tablet next Tuesday.", published=PUB, article_id="a1")
    assert e.start == e.end == dt.date(2026, 12, 1)
    assert e.who == "Lumen" and "launch its new tablet" in e.what
    assert e.when_text == "next Tuesday" and not e.speculative


def test_past_events_are_not_upcoming() -> None:
    assert extract_events("Nvidia reported earnings on November 19.", published=PUB) == []
    assert extract_events("The hearing took place last Tuesday.", published=PUB) == []
    assert extract_events("Last month, the company launched its first satellite.", published=PUB) == []


def test_speculative_flag() -> None:
    (e,) = extract_events("Valve could unveil new hardware later this month.", published=PUB)
    assert e.speculative and (e.start, e.end) == (dt.date(2026, 11, 28), dt.date(2026, 11, 30))
    (e,) = extract_events("Apple reportedly plans to launch a foldable phone in Q3 2027.", published=PUB)
    assert e.speculative
    (e,) = extract_events("The conference opens on December 9.", published=PUB)
    assert not e.speculative


def test_forecasts_and_cancelled_events_are_not_events() -> None:
    assert extract_events("The market will reach $400 billion by 2030.", published=PUB) == []
    assert extract_events("The hearing set for December 10 has been cancelled.", published=PUB) == []


def test_sentence_facts_do_not_double_count() -> None:
    facts = extract_sentence_facts(
        "Banks must comply with the new KYC norms by June 30.", published=PUB, article_id="x"
    )
    assert [type(f) for f in facts] == [Regulation]
    facts = extract_sentence_facts("Tidewell closed a $250 million Series D on Monday.", published=PUB)
    assert [type(f) for f in facts] == [FundingRound]


def test_merge_events_and_regulations() -> None:
    e1 = extract_sentence_facts("Meta will host its Connect conference next week.", published=PUB, article_id="a")
    e2 = extract_sentence_facts(
        "Meta's Connect conference opens next week in Menlo Park.", published=PUB, article_id="b"
    )
    r1 = extract_sentence_facts("The EU delayed the AI Act until December 2027.", published=PUB, article_id="a")
    r2 = extract_sentence_facts("The AI Act was postponed until December 2027.", published=PUB, article_id="c")
    merged = merge_facts([*e1, *e2, *r1, *r2])
    events = [f for f in merged if isinstance(f, Event)]
    regs = [f for f in merged if isinstance(f, Regulation)]
    assert len(events) == 1 and events[0].article_ids == ("a", "b")
    assert len(regs) == 1 and regs[0].article_ids == ("a", "c")
