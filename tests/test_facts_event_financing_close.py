"""A financing's closing date is a step of its paperwork, no calendar event; a deal's closing, an IPO's
pricing and a bridge's closure still are."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.events import extract_events

PUB = dt.date(2031, 6, 13)


@pytest.mark.parametrize(
    "sentence",
    [
        "The financing, arranged by two banks, is expected to close on or about June 18, 2031.",
        "The private placement is expected to close on June 20.",
        "The notes offering will close on June 24, subject to customary conditions.",
    ],
)
def test_a_financing_closing_is_no_event(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("The acquisition is expected to close on June 30.", dt.date(2031, 6, 30)),
        ("Orla will price its IPO on June 20 and the offering is expected to close on June 24.", dt.date(2031, 6, 20)),
        ("The Marlow bridge will close on June 20 for repairs.", dt.date(2031, 6, 20)),
    ],
)
def test_other_closings_stay_events(sentence: str, start: dt.date) -> None:
    assert [e.start for e in extract_events(sentence, published=PUB)] == [start]
