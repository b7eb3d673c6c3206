"""Sentences that name a date but schedule nothing give no upcoming event: a question, a date inside a
web address, the end of an availability window ("continuing until"), a yearly custom told in the
present ("every year ... during October"), a season that only qualifies a noun ("the summer
weather"), a weather forecast, an anniversary and what starts on the day of the story ("beginning
today"). The same happenings told as plans still give their event."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.events import extract_events

PUB = dt.date(2031, 9, 10)  # a Wednesday


@pytest.mark.parametrize(
    "sentence",
    [
        "Is there a single Saturday this autumn that promises a better rivalry game?",
        "Will the board finally vote on the plan on Monday?\"",
        "For the full schedule, visit: https://example.org/news/harbour-fair--saturday-october-18-2031.html",
        "A recording of the call will be available on the company's site, beginning two hours after the call and "
        "continuing until Friday, Dec. 19, 2031.",
        "Every year, volunteers at 300 libraries host the Read-Along drive during October.",
        "\"With the holidays over and the summer weather starting to fade, shops will hope for a busy autumn.\"",
        # a forecast's weather, an anniversary's date, the news itself told as starting today
        "The big change comes Friday with the chance for showers and storms as cooler air moves in.",
        "Highs will reach the upper 70s on Saturday before a cold front arrives.",
        "\"Next week is the 50th anniversary of the harbour strike,\" the mayor said.",
        "Beginning today, riders can book trips in Tallbrook and Marlow through the app.",
        # a monthly slot; a weekday in an old text the story quotes
        "The breakfast club meets on the first Saturday of each month for those who want to attend.",
        "The paper noted on April 15, 1897, that Dr. Ana Ruiz will start Thursday on a tour through Kessa.",
        # a weekly slot, opening hours, months of this year already gone
        "Lantern walks along the quay take place on Friday and Saturday evenings by booking only.",
        "The Quayside Cafe is open Tuesday – Saturday 8 a.m. to 4 p.m. and Sunday 9 a.m. to 2 p.m.",
        "The first phase of Marlow Heights, launched from January to April this year, has sold 90% of its homes.",
    ],
)
def test_a_date_that_schedules_nothing_gives_no_event(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The board will vote on the plan on Monday.", dt.date(2031, 9, 15), dt.date(2031, 9, 15)),
        ("The harbour fair will be held on Saturday, October 18.", dt.date(2031, 10, 18), dt.date(2031, 10, 18)),
        ("Volunteers at 300 libraries will host the Read-Along drive in October.", dt.date(2031, 10, 1), dt.date(2031, 10, 31)),
        ("The town will mark the 50th anniversary of the strike with a ceremony on Saturday.", dt.date(2031, 9, 13),
         dt.date(2031, 9, 13)),
        ("Responses are due by 18-September-2031.", dt.date(2031, 9, 18), dt.date(2031, 9, 18)),
        ("The Harbour Museum will close from November to February for repairs.", dt.date(2031, 11, 1),
         dt.date(2032, 2, 29)),
        ("The Lantern Festival will run on Friday and Saturday next week.", dt.date(2031, 9, 19), dt.date(2031, 9, 20)),
    ],
)
def test_the_same_happenings_told_as_plans_are_events(sentence: str, start: dt.date, end: dt.date) -> None:
    assert [(e.start, e.end) for e in extract_events(sentence, published=PUB)] == [(start, end)]
