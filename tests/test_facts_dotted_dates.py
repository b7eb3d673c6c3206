"""Day-first numeric dates of European notices ("22.10.2031") are read as dates."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.dates import find_dates

PUB = dt.date(2031, 9, 16)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Tenders must reach the council by 22.10.2031.", dt.date(2031, 10, 22)),
        ("Time limit for receipt of tenders 01.02.2032 – 12:00", dt.date(2032, 2, 1)),
    ],
)
def test_dotted_day_month_year(sentence: str, day: dt.date) -> None:
    assert [(d.start, d.end) for d in find_dates(sentence, PUB)] == [(day, day)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Version 10.11.2031.3 of the app was released.",  # a version number
        "Applications close on 31.02.2032.",  # no such day
    ],
)
def test_not_a_dotted_date(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []
