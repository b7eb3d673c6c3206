"""The end of a permission or a grace period ("..., but only until the end of August") is no upcoming
event; a happening held until a date still is one."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.events import extract_events

PUB = dt.date(2031, 6, 13)


@pytest.mark.parametrize(
    "sentence",
    [
        "Stores will be able to open on Sundays, but only until the end of August.",
        "The exemption lets venues open late until the end of August.",
        "The new rule allows shops to open on public holidays until the end of September.",
    ],
)
def test_the_end_of_a_permission_is_no_event(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The Orla festival will be held in the park until June 20.", dt.date(2031, 6, 20), dt.date(2031, 6, 20)),
        ("The museum will host the exhibition from July 1 until September 30.", dt.date(2031, 7, 1), dt.date(2031, 9, 30)),
    ],
)
def test_a_happening_held_until_a_date_is_still_an_event(sentence: str, start: dt.date, end: dt.date) -> None:
    assert [(e.start, e.end) for e in extract_events(sentence, published=PUB)] == [(start, end)]
