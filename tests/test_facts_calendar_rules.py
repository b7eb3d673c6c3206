"""Upcoming events as an editor's calendar keeps them: listed items, datelines, past references, vague periods."""

from __future__ import annotations

import datetime as dt

from newsbrief.facts.calendar import calendar_items
from newsbrief.facts.core import extract_facts, merge_facts
from newsbrief.facts.dates import find_dates
from newsbrief.facts.events import extract_events
from newsbrief.facts.nlp import split_sentences
from newsbrief.model import Article, Event

SUNDAY = dt.date(2031, 3, 9)

WEEK_AHEAD = """Here is what is coming up for markets this week.

MONDAY, March 10

Leeds - Northgate Bank trading update

Hull - Office for Statistics retail sales for February

TUESDAY, March 11

Leeds - Harbourline chief executive Ada Brook speaks at the Port Users lunch

Leeds - Northgate deputy governor Sam Rowe speaks at the Budget Forum

York - Tinworth Software annual conference, day one of two

WEDNESDAY, March 12

York - Tinworth Software annual conference, day two of two

Leeds - Debt Office issues $300 million of May 1, 2040 bonds

This list first ran in the Weekly Ledger."""


def _article(text: str, published: dt.date, title: str = "") -> Article:
    when = dt.datetime(published.year, published.month, published.day, 8, tzinfo=dt.timezone.utc)
    return Article(id="a1", url="", canonical_url="", source_url="", outlet="", title=title, text=text,
                   published=when, fetched=when)


def test_week_ahead_gives_one_event_per_listed_item_on_its_heading_day() -> None:
    events = [f for f in merge_facts(extract_facts([_article(WEEK_AHEAD, SUNDAY)], use_model=False)) if isinstance(f, Event)]
    by_day = sorted((e.start, e.end, e.what) for e in events)
    assert len(events) == 6  # seven listed lines, the two-day conference is one event
    assert (dt.date(2031, 3, 10), dt.date(2031, 3, 10), "Northgate Bank trading update") in by_day
    assert (dt.date(2031, 3, 11), dt.date(2031, 3, 12), "Tinworth Software annual conference") in by_day
    # the bond's maturity inside the item is not its date; two speakers of one day stay two events
    assert (dt.date(2031, 3, 12), dt.date(2031, 3, 12), "Debt Office issues $300 million of May 1, 2040 bonds") in by_day
    assert sum(1 for e in events if "speaks" in e.what) == 2


def test_week_ahead_introduction_and_closing_lines_are_not_items() -> None:
    items = calendar_items(WEEK_AHEAD, published=SUNDAY)
    texts = [i.text for i in items]
    assert not any("coming up" in t for t in texts)
    assert not any("first ran" in t for t in texts)


def test_items_led_by_their_day_are_listed() -> None:
    text = "Tuesday: Brightwell unveils its new tablet\n\nThursday - Central bank rate decision\n\nFriday: jobs report"
    items = calendar_items(text, published=SUNDAY)
    assert [(i.event.start if i.event else None) for i in items] == [
        dt.date(2031, 3, 11), dt.date(2031, 3, 13), dt.date(2031, 3, 14)
    ]


def test_a_heading_joining_the_weekday_and_the_date_by_a_dash_dates_its_items() -> None:
    text = ("The tournament's schedule is as follows:\n\nSaturday - March 22, 2031\n\n3 p.m.: Kessa Storm vs. Orrick Owls\n\n"
            "Sunday - March 23, 2031\n\n10 a.m.: Orrick Owls vs. Dunmore Dockers")
    items = calendar_items(text, published=SUNDAY)
    assert [(i.event.what, i.event.start) for i in items if i.event] == [
        ("Kessa Storm vs. Orrick Owls", dt.date(2031, 3, 22)), ("Orrick Owls vs. Dunmore Dockers", dt.date(2031, 3, 23))]
    assert not any("2031" in i.text for i in items)  # the headings are no items, nor dated by their weekday


def test_an_article_with_one_date_line_is_not_a_calendar() -> None:
    assert calendar_items("Monday, March 10\n\nThe council met and agreed the budget.", published=SUNDAY) == []


def test_cancelled_and_hedged_listed_items() -> None:
    text = "Monday, March 10\n\nDock strike, cancelled\n\nTuesday, March 11\n\nPossibly a vote on the port bill"
    items = calendar_items(text, published=SUNDAY)
    assert items[0].event is None
    assert items[1].event is not None and items[1].event.speculative


def test_dateline_and_byline_dates_are_not_events() -> None:
    wed = dt.date(2031, 3, 12)
    assert extract_events("HALIFAX, N.S., March 12, 2031 /Newswire/ -- Brightwell will open a plant.", published=wed) == []
    assert extract_events("OSLO, March 11 (Wire) - Fjordline will hold talks with unions.", published=wed) == []
    assert extract_events("by Jo Park Wednesday, March 12, 2031 - 09:40 Tarn Air will start flights to Rome.", published=wed) == []


def test_date_before_the_reporting_verb_is_the_telling() -> None:
    wed = dt.date(2031, 3, 12)
    assert extract_events("The minister on Tuesday said the country will hold talks with its neighbour.", published=wed) == []


def test_bare_month_long_past_is_not_next_year() -> None:
    sept = dt.date(2031, 9, 22)
    assert extract_events("The pitcher had the worst month of his career in August, posting a 6.1 ERA in five starts.", published=sept) == []
    assert extract_events("The museum said in August it would welcome visitors to the new wing.", published=sept) == []
    # a near month ahead is still read ahead
    dec = dt.date(2031, 12, 4)
    assert [e.start for e in extract_events("The jury is expected to deliver its verdict in January.", published=dec)] == [
        dt.date(2032, 1, 1)
    ]


def test_this_year_is_not_a_date() -> None:
    sept = dt.date(2031, 9, 22)
    assert extract_events("Halden could close its north shaft this year, the chief executive said.", published=sept) == []


def test_weekday_qualifying_a_noun_is_not_a_date() -> None:
    wed = dt.date(2031, 3, 12)
    assert extract_events("Firefighters put out an early Tuesday morning blaze that could spread to the docks.", published=wed) == []


def test_headcount_target_is_not_an_event() -> None:
    assert extract_events("Quillpay has 35 employees and plans to expand to 60 by the end of the year.", published=SUNDAY) == []


def test_negation_with_a_curly_apostrophe() -> None:
    assert extract_events("The changes won’t come into force until next year.", published=SUNDAY) == []


def test_day_first_range() -> None:
    spans = find_dates("Meridian hosts the Ocean Energy Week 26-30 Oct in Lisbon", dt.date(2031, 9, 1))
    assert (spans[0].start, spans[0].end) == (dt.date(2031, 10, 26), dt.date(2031, 10, 30))


def test_match_against_a_side_is_an_event() -> None:
    sept = dt.date(2031, 9, 3)
    events = extract_events("Several players are being rested ahead of the first game against Samoa on September 23.", published=sept)
    assert [e.start for e in events] == [dt.date(2031, 9, 23)]


def test_results_before_the_opening_bell_are_dated() -> None:
    events = extract_events("Brightwell is scheduled to report quarterly results before the opening bell on March 13, 2031.",
                            published=dt.date(2031, 3, 12))
    assert [e.start for e in events] == [dt.date(2031, 3, 13)]


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = "Brightwell is scheduled to report results \n\n before the opening bell on March 13. The question \n\n is growth."
    assert split_sentences(text)[0] == "Brightwell is scheduled to report results before the opening bell on March 13."


def test_a_happening_told_twice_in_one_article_is_one_event() -> None:
    text = ("Captain Ross will lead the side against Samoa on Saturday.\n\n"
            "\"Saturday is a big match for us,\" Ross said.\n\nHis deputies for Saturday will be Lee and Park.")
    events = [f for f in extract_facts([_article(text, dt.date(2031, 3, 12))], use_model=False) if isinstance(f, Event)]
    assert len(events) == 1


def test_a_weekday_with_its_date_picks_the_year_where_they_agree() -> None:
    # 7 September 2031 is a Sunday: "Sunday September 7" read on the 9th is two days ago, not next year
    tue = dt.date(2031, 9, 9)
    assert [(s.start, s.end) for s in find_dates("Prayers will be Sunday September 7 at the chapel.", tue)] == [
        (dt.date(2031, 9, 7), dt.date(2031, 9, 7))
    ]
    assert extract_events("The memorial service will be Sunday September 7 at the chapel.", published=tue) == []


def test_a_possessive_weekday_is_a_past_reference() -> None:
    wed = dt.date(2031, 3, 12)
    assert extract_events("Shares could extend Tuesday's gains as traders wait for the rate decision.", published=wed) == []


def test_eventually_dates_nothing() -> None:
    assert extract_events("Brightwell will eventually launch the tablet in Europe.", published=SUNDAY) == []


def test_a_postponed_happening_keeps_only_its_new_date() -> None:
    events = extract_events("The hearing, originally set for March 14, has been postponed to April 2.", published=SUNDAY)
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 4, 2), dt.date(2031, 4, 2))]
    assert extract_events("The dock strike planned for March 20 has been called off.", published=SUNDAY) == []


def test_a_listed_item_loses_its_time_of_day_before_its_name() -> None:
    text = ("Harbour festival programme\n\nFRIDAY, March 14\n\n12:00 p.m. – 1:00p.m. Lantern Comic Book Signing\n\n"
            "7pm: Quay Street quiz night\n\nSATURDAY, March 15\n\n10:30 a.m. Harbour choir concert")
    items = calendar_items(text, published=SUNDAY)
    assert [i.event.what for i in items if i.event] == ["Lantern Comic Book Signing", "Quay Street quiz night",
                                                         "Harbour choir concert"]


def test_a_list_under_days_gone_by_gives_no_events() -> None:
    # a blog's notes under the days they were written, newest first: published on Sunday 9 March, "February 14th"
    # and "February 13th" are days gone by, not next year's
    text = ("Harbour sports notes\n\nFebruary 14th\n\nTarn College names freshman Jo Reyes starting quarterback\n\n"
            "February 13th\n\nQuay Rovers sign two defenders")
    assert [i.event for i in calendar_items(text, published=SUNDAY) if i.event is not None] == []


def test_a_day_s_timetable_of_several_slots_on_one_line_is_no_one_event() -> None:
    text = ("Harbour youth cup fixtures\n\nSATURDAY, March 15\n\n09h30, Tarn v Quay Rovers; 13h00, Harwick v Marlow\n\n"
            "SUNDAY, March 16\n\n10:30 a.m. Harbour choir concert")
    items = calendar_items(text, published=SUNDAY)
    assert [i.event.what for i in items if i.event] == ["Harbour choir concert"]


def test_rows_of_a_results_table_under_a_day_are_no_events() -> None:
    text = ("Harbour league standings\n\nFRIDAY, March 14\n\nTarn 0-0 0-2 39 82\n\nQuay Rovers 0-0 2-0 94 27\n\n"
            "SATURDAY, March 15\n\n10:30 a.m. Harbour choir concert")
    items = calendar_items(text, published=SUNDAY)
    assert [i.event.what for i in items if i.event] == ["Harbour choir concert"]


def test_a_labelled_date_dates_the_pages_headline() -> None:
    from newsbrief.facts.calendar import labelled_items
    from newsbrief.facts.lines import event_line

    text = "Team news and the view from both camps.\nDate: Thursday, October 2\nVenue: Harbour Park\nKick-off: 20:00"
    (item,) = labelled_items("Preview: Tarnby v Kelso", text, published=dt.date(2031, 9, 29))
    assert item.event is not None and item.event.start == item.event.end == dt.date(2031, 10, 2)
    assert event_line(item.event) == "Tarnby v Kelso"
    # labelled dates of different days list several happenings; a date with more after it is not a plain label
    assert labelled_items("Open days", "Date: Thursday, October 2\nDate: Friday, October 3",
                          published=dt.date(2031, 9, 29)) == []
    assert labelled_items("Fair", "When: Thursday, October 2 and every weekend after", published=dt.date(2031, 9, 29)) == []


def test_a_title_case_headline_does_not_stand_for_the_sentence_telling_the_same_happening() -> None:
    title = "Governor To Host Harbour Summit At Riverside Hall On March 20"
    text = "Governor Ada Brook will host the Harbour Summit at Riverside Hall on March 20. Delegates from nine ports attend."
    events = [f for f in extract_facts([_article(text, SUNDAY, title)], use_model=False) if isinstance(f, Event)]
    assert [e.sentence for e in events] == [text.split(". ")[0] + "."]
    assert events[0].start == dt.date(2031, 3, 20)


def test_a_headline_keeps_its_event_when_no_sentence_dates_it() -> None:
    title = "Harbour Summit set for March 20"
    text = "Delegates from nine ports are expected to attend the summit at Riverside Hall."
    events = [f for f in extract_facts([_article(text, SUNDAY, title)], use_model=False) if isinstance(f, Event)]
    assert [(e.sentence, e.start) for e in events] == [(title, dt.date(2031, 3, 20))]


def test_a_weekday_opening_a_name_is_no_date() -> None:
    wednesday = dt.date(2031, 3, 12)
    for sentence in ["Riders can request the 'Friday Night Flights' option through the Tarn Air app for a chance to win.",
                     "Fans will watch Monday Night Football at the Harbour Inn."]:
        assert extract_events(sentence, published=wednesday) == [], sentence
    told = extract_events("The \u201cFriday\u201d show opens at the Harbour Hall on Friday.", published=wednesday)
    assert [e.start for e in told] == [dt.date(2031, 3, 14)]


def test_a_title_case_headline_alone_keeps_its_event() -> None:
    title = "Governor To Host Harbour Summit At Riverside Hall On March 20"
    events = [f for f in extract_facts([_article("", SUNDAY, title)], use_model=False) if isinstance(f, Event)]
    assert [(e.sentence, e.start) for e in events] == [(title, dt.date(2031, 3, 20))]
