from __future__ import annotations

import pytest

from newsbrief.digest.magnitude import harm_count, harm_magnitude


@pytest.mark.parametrize(("title", "count"), [
    ("20 killed in car bomb blast near market", 20),
    ("Ten killed, more than a million displaced as quake hits coast", 1_000_000),
    ("Airstrike hits wedding party, killing at least 131", 131),
    ("Nightclub fire kills five women", 5),
    ("Death toll rises to 717 in stampede", 717),
    ("Nepal quake: 8,000 dead", 8000),
    ("Three people injured in shooting at housing complex", 3),
    ("15 die in flash floods", 15),
    ("Storm leaves 2.5 million without shelter, 40,000 evacuated", 40_000),
])
def test_counts_of_people_struck(title: str, count: float) -> None:
    assert harm_count(title) == count


@pytest.mark.parametrize("title", [
    "Stocks fall 300 points as 2 percent drop kills rally",
    "$5 million deal killed by regulators",
    "Company cuts 2,000 jobs",
    "The 2015 dead pool: who made the list",
    "Fed holds rates steady",
])
def test_money_percentages_points_years_and_no_count_give_nothing(title: str) -> None:
    assert harm_count(title) == 0


def test_the_opening_counts_and_the_scale_is_logarithmic() -> None:
    assert harm_count("Bus plunges into gorge", "Officials said 32 people were killed when the bus left the road.") == 32
    assert harm_count("Bus plunges into gorge", "x" * 400 + " 32 people were killed") == 0  # past the opening
    assert harm_magnitude("One dead after shooting") == 0.0
    assert harm_magnitude("10 killed in blast") == pytest.approx(1 / 3, abs=1e-3)
    assert harm_magnitude("100 killed in blast") == pytest.approx(2 / 3, abs=1e-3)
    assert harm_magnitude("5,000 dead after floods") == 1.0


@pytest.mark.parametrize("text", [
    "FOR THE MILLIONS THAT HAVE DIED AND THE UNTOLD MILLIONS WHO LOST LOVED ONES!",  # a writer's sweep, no count
    "Fans want a party, but after 58 years of hurt the players stay calm",  # a span of time
    "The pilot of the 150 M was not injured",  # a negation
])
def test_sweeps_spans_of_time_and_negations_are_no_count(text: str) -> None:
    assert harm_count(text) == 0
