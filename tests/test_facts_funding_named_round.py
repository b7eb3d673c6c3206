"""A round named without its amount ("closed a Series A round led by ...", "completed a significant
capital raise") is a round of undisclosed size; a round of layoffs or of voting is not."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.funding import extract_funding

PUB = dt.date(2031, 9, 30)


@pytest.mark.parametrize(
    ("sentence", "company", "kind", "leads"),
    [
        ("Orbita closed a Series A round led by Harbour Point Capital.", "Orbita", "series a", ("Harbour Point Capital",)),
        ("Kestrel Drones completed a significant capital raise and will become an independent company.", "Kestrel Drones", "", ()),
        ("Marlow Labs has closed a seed round to build its first sensor.", "Marlow Labs", "seed", ()),
    ],
)
def test_a_named_round_without_an_amount_is_an_undisclosed_round(
    sentence: str, company: str, kind: str, leads: tuple[str, ...]
) -> None:
    rounds = extract_funding(sentence, published=PUB)
    assert [(r.company, r.round, r.amount, r.lead_investors) for r in rounds] == [(company, kind, None, leads)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbita closed a round of layoffs at its Kestown plant.",
        "The party closed the first round of voting with a narrow lead.",
        "Orbita raised its Series B shares price for employees.",
    ],
)
def test_other_rounds_are_no_funding(sentence: str) -> None:
    assert extract_funding(sentence, published=PUB) == []
