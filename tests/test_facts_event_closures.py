"""A road or line closed on a date and a sanction imposed on one are upcoming events; two closures on
two days joined by "while" are two events, the second with its own subject; an aside that only repeats
the date ("(Sep 17)") leaves the event's description. A closure told in the past is none."""

from __future__ import annotations

import datetime as dt

from newsbrief.facts.events import extract_events

PUB = dt.date(2031, 9, 15)  # a Monday


def test_two_closures_on_two_days_are_two_events() -> None:
    events = extract_events(
        "The northbound slip road of the B412 in Marlow will be closed overnight on Thursday (Sep 18) while its "
        "southbound exit road will shut on Friday (Sep 19).",
        published=PUB,
    )
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 9, 18),) * 2, (dt.date(2031, 9, 19),) * 2]
    assert events[0].what == "The northbound slip road of the B412 in Marlow will be closed overnight"
    assert events[1].what.startswith("Its southbound exit road will shut")


def test_a_sanction_imposed_next_week_is_an_event() -> None:
    events = extract_events("Sanctions against Orland could be imposed as early as next week.", published=PUB)
    assert [(e.start, e.end, e.speculative) for e in events] == [(dt.date(2031, 9, 22), dt.date(2031, 9, 28), True)]


def test_a_closure_told_in_the_past_is_no_event() -> None:
    assert extract_events("The bakery was closed on Thursday after a fire.", published=PUB) == []


def test_a_closure_is_dated_by_when_it_starts_not_by_how_long_it_lasts() -> None:
    events = extract_events("Harwick Road will close in December as work gets underway, and remain shut until June 2033.",
                            published=PUB)
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 12, 1), dt.date(2031, 12, 31))]
    # a date after "from" still starts the range it opens
    events = extract_events("The fair runs from Oct. 3 through Oct. 10 at the Harwick hall.", published=PUB)
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 10, 3), dt.date(2031, 10, 10))]
