"""A speaker's "we must ..." and a duty dated only by another clause ("must happen now ... and cannot wait
until 2030") or by a possessive ("today's study must be read") are no rule; a yearless date after a past
act ("signed a decree on August 13 that will ...") is the act's day, not next year's deadline. Duties
dated where they are told ("Starting October 1, lenders must ...", "..., effective July 1") stay rules."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 9, 8)


@pytest.mark.parametrize(
    "sentence",
    [
        "We must remember that the veterans of today were the recruits of yesterday, whatever the Government decides.",
        "The Harbour Trust's director said: \"The housing programme must speed up as families are waiting in camps "
        "and cannot wait until 2030 to find a home.\"",
        "All hospitals that reuse instruments are covered by guidance from the health regulator, and today's study "
        "must be considered by every hospital board.",
    ],
)
def test_an_exhortation_or_a_duty_dated_elsewhere_is_no_rule(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_a_past_acts_yearless_date_is_not_next_years_deadline() -> None:
    regs = extract_regulation(
        "The president of Orland signed a decree on August 13 that will introduce new import tariffs on grain.",
        published=PUB,
    )
    assert [(r.status, r.deadline) for r in regs] == [("enacted", None)]


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Starting October 1, lenders must publish their fees on their websites, the regulator said.", dt.date(2031, 10, 1)),
        ("The central bank issued a notice on Wednesday requiring e-wallet operators to cap unverified balances at "
         "1,000 crowns, effective July 1.", dt.date(2032, 7, 1)),
    ],
)
def test_a_duty_dated_where_it_is_told_is_a_rule(sentence: str, deadline: dt.date) -> None:
    assert [r.deadline for r in extract_regulation(sentence, published=PUB)] == [deadline]


@pytest.mark.parametrize(
    "sentence",
    [
        "The top bracket, enacted by the Orland Taxpayer Relief Act of 2027, will still apply to high earners.",
        "As per Rule 8 of the Companies (Board Meetings) Rules, 2026, an auditor is required to be appointed by the board.",
        "It is vital that the government of Orland now act upon this support and follow the approved framework "
        "without further delay.",
        "Marlow Drinks was told by the tax office that it owes $3.3 billion more in federal taxes for 2025 to 2027.",
        "He is free to rely on the opposition to push through must-pass legislation without a leadership crisis.",
        "The donors were urged to give before Sept. 30, when the campaign must report its totals to the Orland "
        "Election Commission.",
    ],
)
def test_background_rules_verbs_and_amounts_are_no_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_a_bills_reading_date_is_no_deadline() -> None:
    regs = extract_regulation(
        "The Bill, which receives its Second Reading in the Commons tomorrow, introduces a 50% threshold for strike ballots.",
        published=PUB,
    )
    assert [(r.status, r.deadline) for r in regs] == [("proposed", None)]


def test_a_rule_named_with_this_years_date_is_still_news() -> None:
    regs = extract_regulation("Parliament passed the Data Protection Act of 2031 on Tuesday.", published=PUB)
    assert [(r.rule, r.status) for r in regs] == [("Data Protection Act", "enacted")]


def test_a_rules_reach_into_the_past_is_no_deadline_but_a_postponement_is() -> None:
    (back,) = extract_regulation(
        "A bill passed Thursday by the Kessa legislature suspends the exam through 2033, while also retroactively "
        "suspending it back to 2019.", published=PUB)
    assert back.deadline != dt.date(2019, 1, 1)
    (later,) = extract_regulation(
        "The Central Bank of Kessa pushed back a requirement for exchange houses to screen payments, moving the "
        "start date back to July 1, 2033.", published=PUB)
    assert later.deadline == dt.date(2033, 7, 1)
