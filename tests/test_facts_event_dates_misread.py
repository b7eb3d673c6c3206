"""Date words that are no upcoming date: a month abbreviation inside a word ("a 1.23 mark"), a wire
release's dateline, "where I am today", a month told by a past happening ("after January, when he was
appointed") and a yearless date a few days before publication in an old report ("is scheduled for
sentencing on September 4" on September 7: stale, not next year). A release's dateline is not the
event's "what" or "who"."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.dates import find_dates
from newsbrief.facts.events import extract_events

PUB = dt.date(2031, 9, 8)  # a Monday


def test_a_month_abbreviation_inside_a_word_is_no_date() -> None:
    assert find_dates("He has won both his starts at the park with a 1.23 mark this season.", PUB) == []
    assert [d.start for d in find_dates("The vote will be held on 23 Mar.", PUB)] == [dt.date(2032, 3, 23)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Marlow Resort Group Past News Releases RSS Kestown (PRWEB) September 08, 2031",
        "I worked hard to get where I am today and I will keep working.",
        "It will be the minister's first visit abroad after January, when he was first appointed to the post.",
        "Harrow remains in custody on bond and is scheduled for sentencing on September 4 at the county court.",
        # the month "May" is no "may": this year's May 19, told in the present, is gone, not next year's
        "The Portsea index lost 88 points and is now 7 percent off the record close set on May 19.",
        "Tarn Mills shares sit 15 percent below their record close, set on May 19.",
    ],
)
def test_a_date_word_that_is_no_upcoming_date_gives_no_event(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


def test_a_releases_dateline_is_neither_what_nor_who() -> None:
    events = extract_events(
        "KESTOWN, N.J., Sept. 8, 2031 (GLOBE NEWSWIRE) -- Orland Labs today announced that its chief executive will "
        "present at the Harbour Investor Conference on Wednesday, September 10, 2031.",
        published=PUB,
    )
    assert [(e.start, e.who) for e in events] == [(dt.date(2031, 9, 10), "Orland Labs")]
    assert not events[0].what.startswith("KESTOWN")


def test_a_date_still_ahead_or_two_weeks_gone_is_read_as_before() -> None:
    assert [e.start for e in extract_events("The trial is scheduled to start on September 12.", published=PUB)] == [
        dt.date(2031, 9, 12)]
    assert [e.start for e in extract_events("The festival is scheduled for August 1.", published=PUB)] == [
        dt.date(2032, 8, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orland index fell for the first time in eight days as traders waited.",
        "The ministry has been notably quiet this week about the dispute.",
        "Some of the pictures may have run in our regular Thursday garden pages in print.",
        "Orland Paper will publish its financial information in 2032 as follows:",
        "One notable contract is the April 2032 put at the $22.50 strike, bid at 95 cents.",
        "The Marlow Spring 2032 Collection was shown on a pier.",
        "Kestown, Sep 8 : After reaching a million followers, the singer thanked her fans.",
    ],
)
def test_more_date_words_that_are_no_upcoming_date(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


def test_a_meeting_is_found_beside_a_span_of_the_past() -> None:
    events = extract_events(
        "The index fell for the first time in eight days as investors weighed whether the central bank will raise "
        "rates at a meeting Thursday.",
        published=PUB,
    )
    assert [e.start for e in events] == [dt.date(2031, 9, 11)]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Friday, September 12: The council votes on the harbour budget.", dt.date(2031, 9, 12)),
        ("Tuesday, Sep 9 : The council votes on the harbour budget.", dt.date(2031, 9, 9)),
        ("The vote has been set for Friday.", dt.date(2031, 9, 12)),
        ("The hearing has been moved to Thursday.", dt.date(2031, 9, 11)),
    ],
)
def test_week_ahead_items_and_rescheduled_dates_stay_events(sentence: str, start: dt.date) -> None:
    assert [e.start for e in extract_events(sentence, published=PUB)] == [start]


def test_later_on_a_weekday_is_the_day_the_story_was_written() -> None:
    tue = PUB + dt.timedelta(days=1)
    # Tuesday's paper: "later Monday" was yesterday, "later Tuesday" is today, never next week
    assert [s.start for s in find_dates("The board was to vote on the plan later Monday.", tue)] == [PUB]
    assert [s.start for s in find_dates("The board will vote on the plan later Tuesday.", tue)] == [tue]
    assert extract_events("The Harwick board will vote on the quay plan later Monday.", published=tue) == []
    # a weekday further off keeps its reading: "later on Friday" is this week's Friday
    assert [s.start for s in find_dates("The board will vote later on Friday.", tue)] == [PUB + dt.timedelta(days=4)]



def test_a_written_date_wins_over_a_relative_one_it_overlaps() -> None:
    # Monday 8 September: "next weekend" would be the 20th-21st; the festival's own dates say the 18th-21st
    events = extract_events("The Harbour Film Festival returns next weekend, Sept. 18-21, for its 12th year.", published=PUB)
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 9, 18), dt.date(2031, 9, 21))]


def test_a_yearless_date_far_ahead_keeps_its_event_when_the_sentence_looks_ahead() -> None:
    events = extract_events("The harbour board plans to open the new ferry terminal on May 19.", published=PUB)
    assert [e.start for e in events] == [dt.date(2032, 5, 19)]
    events = extract_events("The board may vote on the harbour plan at its meeting on September 30.", published=PUB)
    assert [e.start for e in events] == [dt.date(2031, 9, 30)]
