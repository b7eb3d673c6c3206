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
