"""Regulations on whole articles: clauses of time, game rules, jurisdictions that are places."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time legislation is passed, most of the mills will have closed.",
        "The designated hitter rule will take effect in both leagues next season.",
        "The league's new roster rule takes effect on Saturday.",
    ],
)
def test_not_a_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_jurisdiction_is_a_place_not_any_possessive() -> None:
    mayor = extract_regulation("Cooper's office said the new law requires landlords to register by June 1.", published=PUB)
    place = extract_regulation("California's new law requires landlords to register by June 1.", published=PUB)
    assert [r.jurisdiction for r in mayor] == [""]
    assert [r.jurisdiction for r in place] == ["California"]
