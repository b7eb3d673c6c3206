"""Listed events of calendar articles ("week ahead", "what's on this week", "diary").

A calendar article lists its items under date headings ("MONDAY, September 7", "Tuesday:",
"Wed, Sept 9") or leads each item with its day ("Tuesday - Apple shows its new phones").
Each listed item is one event on its heading's day; the introduction line before the first
heading is not an item, a date inside an item ("issues $150 million of 2018 bonds") is not
its date, and "day one of two" / "day two of two" make one event over both days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from newsbrief.facts.dates import find_dates
from newsbrief.facts.names import find_names
from newsbrief.model import Event

__all__ = ["CalendarItem", "calendar_items"]

_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# a whole line that is only a day: "MONDAY, September 7", "Tuesday:", "Sept. 9", "Wednesday 9 September 2015"
_HEADING = re.compile(
    rf"^(?:{_WD}(?:,?\s+(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})(?:,?\s+\d{{4}})?)?|(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})(?:,?\s+\d{{4}})?)\s*[:.-]?$",
    re.IGNORECASE,
)
# an item led by its day: "Tuesday - Apple shows its new phones", "Wed Sept 9: Fed minutes"
_LEAD = re.compile(
    rf"^(?P<day>{_WD}(?:,?\s+(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON}))?|(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON}))\s*(?::|\s[-–—]|\.)\s+(?P<item>\S.*)$",
    re.IGNORECASE,
)
_PLACE_LEAD = re.compile(r"^(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s+[-–—]\s+(?=\S)")
_BULLET = re.compile(r"^[-–—*•·]\s*")
_SPAN = re.compile(r",?\s*\(?\bday\s+(?P<k>one|two|three|four|1|2|3|4)\s+of\s+(?P<n>two|three|four|five|2|3|4|5)\b\)?", re.IGNORECASE)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_CANCELLED = re.compile(r"\b(?:cancel(?:l)?ed|called\s+off|postponed|scrapped)\b", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:tentative|tentatively|TBC|to\s+be\s+confirmed|possibly|may|might|could|expected)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class CalendarItem:
    """One listed item: its line index, its text and the event it gives (None for a past day)."""

    line: int
    text: str
    event: Event | None


def _day_of(text: str, published: dt.date) -> dt.date | None:
    spans = find_dates(text, published, future=True)
    if len(spans) != 1 or spans[0].start != spans[0].end:
        return None
    return spans[0].start


def _is_item(line: str) -> bool:
    """A listed item is a short line, not a paragraph of prose."""
    if len(line) > 240:
        return False
    # prose ends a sentence and runs on; an item is a label ("Westpac strategy update")
    return not (line.endswith((".", "!", "?", '"', "”")) and len(line.split()) > 12)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _NUM[word.lower()]


def _event(item: str, day: dt.date, published: dt.date, article_id: str) -> Event | None:
    if day < published or _CANCELLED.search(item):
        return None
    start = end = day
    span = _SPAN.search(item)
    if span is not None:
        k, n = _num(span["k"]), _num(span["n"])
        if 1 <= k <= n:
            start = day - dt.timedelta(days=k - 1)
            end = start + dt.timedelta(days=n - 1)
        item = (item[: span.start()] + item[span.end() :]).strip(" ,;")
    what = _PLACE_LEAD.sub("", item).strip(" ,;:.")
    if not what:
        return None
    names = find_names(what)
    return Event(
        what=what,
        article_ids=(article_id,) if article_id else (),
        sentence=item,
        who=names[0].text if names and names[0].start == 0 else "",
        start=start,
        end=end,
        when_text=day.isoformat(),
        speculative=_HEDGED.search(item) is not None,
    )


def calendar_items(text: str, *, published: dt.date, article_id: str = "") -> list[CalendarItem]:
    """Return the listed items of a calendar article (empty for any other article).

    An article is a calendar when at least two lines are date headings of distinct days, or
    at least two items are led by distinct days. Lines before the first heading (the
    introduction) and after a line of prose that closes the list are not items.

    :param text: the article text, lines separated by newlines.
    :param published: publication date; the days of the list resolve forward from it.
    :param article_id: id copied into each event.
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    headings: dict[int, dt.date] = {}
    leads: dict[int, tuple[dt.date, str]] = {}
    for i, line in enumerate(lines):
        bare = _BULLET.sub("", line)
        if not bare:
            continue
        if _HEADING.match(bare):
            heading_day = _day_of(bare, published)
            if heading_day is not None:
                headings[i] = heading_day
            continue
        lead = _LEAD.match(bare)
        if lead is not None and _is_item(lead["item"]):
            lead_day = _day_of(lead["day"], published)
            if lead_day is not None:
                leads[i] = (lead_day, lead["item"])
    items: list[CalendarItem] = []
    if len(set(headings.values())) >= 2:
        day: dt.date | None = None
        stops: bool | None = None  # whether the list's items end with a full stop
        for i, line in enumerate(lines):
            if i in headings:
                day = headings[i]
                continue
            if day is None or not line:
                continue
            ends = line.endswith((".", "!", "?"))
            if not _is_item(line) or (stops is False and ends):
                day = None  # prose after the list closes it
                continue
            stops = ends if stops is None else stops
            item = _BULLET.sub("", line)
            items.append(CalendarItem(i, line, _event(item, day, published, article_id)))
    elif len({d for d, _ in leads.values()}) >= 2:
        for i, (day, item) in sorted(leads.items()):
            items.append(CalendarItem(i, lines[i], _event(item, day, published, article_id)))
    return items
