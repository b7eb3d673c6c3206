"""Upcoming events need a scheduled happening (a visit, a call, a fixture, a hearing, a vote ...)
with a date ahead; plans and states put in the future, contract terms, recurring slots, periods
under way, conditions and timestamps are not events."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import make_article
from newsbrief.facts.calendar import slot_items
from newsbrief.facts.core import extract_facts, merge_facts
from newsbrief.facts.events import extract_events
from newsbrief.model import Event

WED = dt.date(2031, 3, 12)
FRI = dt.date(2031, 3, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        # the future of a state or a plan, with no scheduled happening
        "From this week onwards, every aircraft in the fleet will feature the new cabins.",
        "The old 50 km/h signs will be replaced by 30 km/h signs starting on Monday.",
        "Brightwell will donate $1 to the school fund for every toy sold throughout the month of March.",
        # "start" and "stream" as nouns
        "Despite their 100% start, the coach said the squad will be working on finishing in training this week.",
        # the terms of a loan or a stream
        "Principal and accrued interest are due at maturity on December 31, 2033.",
        "The remaining $200 million will be drawn within 18 months.",
        "An 8% stream will apply beginning January 1, 2034, with payment of $400 per ounce of gold.",
        # a recurring slot, an ongoing period's end, a condition
        "The house is open for viewing every Saturday and Sunday from 1 p.m. to 4 p.m. until auction day.",
        "This year's river cleanup runs until Nov. 30, 2031; volunteers are still needed at many sites.",
        "If the upper house does not pass the bills within 60 days, they can be returned to the lower house for a vote.",
        # a page's timestamp
        "Budget hearing notes Mar. 12, 2031 - 04:00PM JST",
        # an offer's end
        "Special offer: serviced apartments, offer ends: 2031-03-28",
    ],
)
def test_no_event(sentence: str) -> None:
    assert extract_events(sentence, published=WED) == []


def test_a_bare_weekday_told_in_the_present_of_yesterday_is_not_next_week() -> None:
    sentence = "One of the bills that promises late-session vote-wrangling Thursday is a bill on asset seizures."
    assert extract_events(sentence, published=FRI) == []
    assert [e.start for e in extract_events("The council will vote on the bill Thursday.", published=FRI)] == [
        dt.date(2031, 3, 20)
    ]


def test_a_bare_season_far_ahead_is_a_past_reference() -> None:
    sentence = "This year the senate had a fuller debate after delaying action until after the summer recess."
    assert extract_events(sentence, published=dt.date(2031, 9, 18)) == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("The prime minister will visit Leeds on Oct. 9 for a fundraising lunch.", "2031-10-09"),
        ("The conference call will be Thursday, March 13, 2031.", "2031-03-13"),
        ("Sat 15 Mar Tonga v Fiji, Kingsholm Stadium, noon GMT", "2031-03-15"),
        ("The tennis club invites all players to play in a mixer Saturday at the school courts.", "2031-03-15"),
        ("Public hearings were scheduled at City Hall today as drivers planned a rally outside.", "2031-03-12"),
        ("A deal on the water rules is expected to be voted on today.", "2031-03-12"),
        ("The takeover needs clearance from competition authorities in the US, the EU and China and is expected to complete by the end of June.", "2031-06-30"),
    ],
)
def test_scheduled_happenings(sentence: str, start: str) -> None:
    assert [e.start.isoformat() for e in extract_events(sentence, published=WED)] == [start]


def test_potentially_hedges() -> None:
    events = extract_events("The bills are scheduled to reach a plenary vote next week, potentially becoming law.", published=WED)
    assert [e.speculative for e in events] == [True]


ADVISORY = """Media are welcome to attend the cleanup events.

Harbour Beach at Point Park

Saturday, Mar. 15; 10 a.m. to 1 p.m.

Media contact: Jo Lane

Canal Locks, Eastfield

Saturday, Mar. 15; 9:30 a.m. to 2 p.m.

Media contact: Sam Idle"""


def test_schedule_slots_are_one_event_each() -> None:
    items = slot_items(ADVISORY, published=WED, article_id="m1")
    assert [(i.line, i.event.what if i.event else None) for i in items] == [
        (4, "Harbour Beach at Point Park"),
        (10, "Canal Locks, Eastfield"),
    ]
    events = [f for f in merge_facts(extract_facts([make_article("m1", text=ADVISORY, day="2031-03-12")], use_model=False))
              if isinstance(f, Event)]
    assert sorted(e.what for e in events) == ["Canal Locks, Eastfield", "Harbour Beach at Point Park"]


def test_a_timestamp_line_is_no_slot() -> None:
    assert slot_items("[embedded content]\n11:37 am on March 12, 2031", published=WED) == []
    assert slot_items("Liberty Report\n11:37 am on March 12, 2031", published=WED) == []
