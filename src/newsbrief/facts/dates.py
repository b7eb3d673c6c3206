"""Find date expressions in a sentence and resolve them against the publication date.

Spans are found with our own patterns (``dateparser.search_dates`` reads "$68.7 billion" as
the year 2068), then resolved to a ``(start, end)`` range of dates:

- absolute: "December 9, 2026", "Dec. 9", "9 December", "2026-12-09", "March 2027", "in 2027";
- relative: "today", "tomorrow", "next week", "later this month", "next month", "early next
  year", "in Q3", "the second half of 2027", "in two weeks", "within 30 days", "this fall";
- weekdays: "next Tuesday" is the Tuesday of the week after publication (Monday-based weeks);
  "this Tuesday" the one of the publication week; a bare "Tuesday" is the next one when the
  sentence speaks of the future and the last one (or the same day) otherwise.

A year-less "December 9" takes the year that puts it on or after publication when the
sentence speaks of the future, on or before it when it does not mark the future but is
past-tense, and the nearest one otherwise. "by X" gives ``kind="by"`` (a deadline: the end of X).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

__all__ = ["DateSpan", "find_dates", "is_future_sentence", "is_strong_future", "month_number", "resolve_date", "sentence_tense"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18,
}  # fmt: skip
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![A-Za-z])"  # not "1.23 mark"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_FULL_YEAR = r"(?:1[5-9]|20)\d\d"  # after a month and day a year may be old: "April 15, 1897"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)"
_N = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)"

_FUTURE = re.compile(
    r"\b(will|won't|'ll|shall|is\s+set\s+to|are\s+set\s+to|set\s+to|scheduled|slated|due\s+to\s+(?:be|start|begin|open|launch|close|take|report|arrive|hold|vote|end|expire|ship|go|come|release|meet|decide|rule|finish|complete|resume)\b|"
    r"due\s+(?:on|in|by)|expected\s+to|(?:is|are)\s+due\s+to\s+(?!the\b|an?\b|its\b|their\b|his\b|her\b|this\b|that\b)[a-z]{3,}|"
    r"expects?\s+(?:the|its|an?)\s+(?:[\w'’-]+\s+){0,6}?to\s+(?!date\b)[a-z]{3,}|(?:is|are)\s+expected\b(?!\s+(?:that|as)\b)|plans?\s+to|planned|planning|upcoming|is\s+to|are\s+to|"
    r"going\s+to|next|later\s+this|takes\s+effect|take\s+effect|comes?\s+into\s+(?:force|effect)|go(?:es)?\s+into\s+effect|"
    r"enters?\s+into\s+force|kicks?\s+off|must|deadline|aims?\s+to|intends?\s+to|"
    r"coming|tomorrow|starting|beginning|opens|begins|starts|launches|expire|expires|"
    r"would|could|(?-i:may)|might|should|hopes?\s+to|prepares?\s+to|preparing|effective|expects?\s+to|expecting\s+to|"
    r"as\s+soon\s+as|as\s+early\s+as)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression and the range of dates it resolves to."""

    start: dt.date
    end: dt.date
    text: str
    pos: int
    endpos: int
    kind: str = "on"  # "on", "by" (deadline: on or before end), "from"

    @property
    def deadline(self) -> dt.date:
        """The single date a deadline reading gives: the end for "by", the start otherwise."""
        return self.end if self.kind == "by" else self.start


_STRONG_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|is\s+set\s+to|are\s+set\s+to|scheduled|slated|due\s+to\s+(?:be|start|begin|open|launch|close|take|report|arrive|hold|vote|end|expire|ship|go|come|release|meet|decide|rule|finish|complete|resume)\b|is\s+to|are\s+to|"
    r"going\s+to|next|later\s+this|tomorrow|upcoming)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(was|were|had|did|said|told|announced|launched|held|took|came|began|went|became|"
    r"ago|last|earlier|yesterday|drew|rose|fell|grew|won|lost|made|gave|got|saw|sold|bought|met|left|"
    r"ran|told|brought|paid|spent|hit|cut|kept|showed|shown|wrote|spoke|led|struck|sank|swung|laid|"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


def sentence_tense(sentence: str) -> bool | None:
    """Return True for a sentence in the future, False for the past, None when it does not say.

    :param sentence: one sentence.
    """
    return _tense(sentence)


def is_strong_future(sentence: str) -> bool:
    """Return True when the sentence puts something firmly ahead ("will", "is set to", "next", "tomorrow").

    :param sentence: one sentence.
    """
    return _STRONG_FUTURE.search(sentence) is not None


def is_future_sentence(sentence: str) -> bool:
    """Return True when the sentence marks the future ("will", "is set to", "next", ...).

    :param sentence: one sentence.
    """
    return _FUTURE.search(sentence) is not None


_COMPARISON = re.compile(
    r"(?:\b(?:a|an|one|two|three|\d+)\s+\w+\s+(?:earlier|later|sooner)\s+)?"
    r"\b(?:than|from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+\w+|"
    r"the\s+(?:previous|prior|same)\s+\w+(?:\s+\w+)?|a\s+year\s+earlier)",
    re.IGNORECASE,
)


def _tense(sentence: str) -> bool | None:
    """True for future, False for past, None when the wording does not say."""
    sentence = _COMPARISON.sub("", sentence)  # "a week earlier than last year" says nothing of tense
    if _FUTURE.search(sentence):
        return True
    if _PAST.search(sentence):
        return False
    return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = _last_day(year, month)
    p = (part or "").lower()
    if p.startswith("early") or "start" in p or "beginning" in p:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if p.startswith("mid") or "middle" in p:
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if p.startswith("late"):
        return dt.date(year, month, 21), last
    if "end" in p:
        return last, last
    return dt.date(year, month, 1), last


def _year_range(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    p = (part or "").lower()
    if p.startswith("early") or "start" in p or "beginning" in p:
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if p.startswith("mid") or "middle" in p:
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if p.startswith("late"):
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    if "end" in p:
        return dt.date(year, 12, 31), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


STALE_DAYS = 14
"""A yearless date this many days before publication, told as ahead, is a stale report's date, not next year's."""


def _pick_year(
    make: Callable[[int], tuple[dt.date, dt.date]], pub: dt.date, future: bool | None
) -> tuple[dt.date, dt.date]:
    cands = [make(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if future:
        # "is scheduled for sentencing on September 4" in a page of September 7: an old report's date,
        # days gone, not next year's
        recent = [c for c in cands if c[1] < pub and (pub - c[1]).days <= STALE_DAYS]
        if recent:
            return recent[-1]
        return next(c for c in cands if c[1] >= pub)
    if future is False:
        return [c for c in cands if c[0] <= pub][-1]
    return min(cands, key=lambda c: abs((c[0] - pub).days))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def month_number(name: str) -> int:
    """Return the month (1-12) a name or abbreviation stands for: "Sept." -> 9, "June" -> 6.

    :param name: a month name or its abbreviation, any case, with or without a full stop.
    :raises KeyError: ``name`` is no month.
    """
    return _MONTHS[name.lower().rstrip(".")]


def _week_monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _weekday(word: str, which: str, pub: dt.date, future: bool | None) -> tuple[dt.date, dt.date]:
    wd = _WEEKDAYS[word.lower()]
    monday = _week_monday(pub)
    if which == "next":
        d = monday + dt.timedelta(days=7 + wd)
    elif which == "last":
        d = monday + dt.timedelta(days=wd - 7)
    elif which == "this":
        d = monday + dt.timedelta(days=wd)
    elif wd == pub.weekday():
        d = pub  # a bare "on Friday" in Friday's paper is that day, not a week later
    elif future:
        delta = (wd - pub.weekday()) % 7
        d = pub + dt.timedelta(days=delta)
    else:
        d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    return d, d


def _quarter(q: int, year: int) -> tuple[dt.date, dt.date]:
    m = 3 * (q - 1) + 1
    return dt.date(year, m, 1), _last_day(year, m + 2)


def _rel_year(word: str | None, pub: dt.date) -> int | None:
    if not word:
        return None
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if "next" in w:
        return pub.year + 1
    if "last" in w:
        return pub.year - 1
    return pub.year


_Handler = Callable[[re.Match[str], dt.date, bool | None], tuple[dt.date, dt.date] | None]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        _RULES.append((re.compile(pattern, flags), fn))
        return fn

    return deco


@_rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")
def _iso(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


# "22.10.2015", "01.02.2016": the day-first numeric dates of European notices
@_rule(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]*\d)")
def _dotted(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


# "Saturday, September 19", and "Saturday - September 19, 2015" as a schedule's heading writes it
@_rule(rf"\b(?:(?P<wd>{_WD})(?:,?\s+|\s+[-–—]\s+))?(?P<mon>{_MON})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_FULL_YEAR})\b)?")
def _mon_day(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    month, day = month_number(m["mon"]), _day(m["day"])
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
        return (d, d) if d else None
    if _safe_date(2024, month, day) is None:
        return None
    if m["wd"]:
        # "Monday September 7": the year in which that date is that weekday, nearest the publication
        weekday = _WEEKDAYS[m["wd"].lower()]
        fits = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday]
        if fits:
            best = min(fits, key=lambda d: abs((d - pub).days))
            return best, best

    def make(y: int) -> tuple[dt.date, dt.date]:
        d = _safe_date(y, month, day) or _last_day(y, month)
        return d, d

    return _pick_year(make, pub, fut)


@_rule(
    rf"\b(?:from\s+|between\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY})\s*(?:-|–|to|through|until|and)\s*"
    rf"(?:(?P<mon2>{_MON})\s+)?(?P<day2>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
)
def _mon_day_range(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    month, day = month_number(m["mon"]), _day(m["day"])
    month2, day2 = (month_number(m["mon2"]) if m["mon2"] else month), _day(m["day2"])
    if m["year"]:
        d0, d1 = _safe_date(int(m["year"]), month, day), _safe_date(int(m["year"]), month2, day2)
        return (d0, d1) if d0 and d1 and d0 <= d1 else None

    def make(y: int) -> tuple[dt.date, dt.date]:
        d0 = _safe_date(y, month, day) or _last_day(y, month)
        d1 = _safe_date(y + (1 if month2 < month else 0), month2, day2) or _last_day(y, month2)
        return d0, d1

    start, end = _pick_year(make, pub, fut)
    return (start, end) if start <= end else None


@_rule(
    # "26-30 Oct", "from 5 to 7 May 2027": a day-first range
    rf"\b(?:from\s+|between\s+)?(?P<day>{_DAY})\s*(?:-|–|to|until|and)\s*(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR})\b)?"
)
def _day_mon_range(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    month, day, day2 = month_number(m["mon"]), _day(m["day"]), _day(m["day2"])
    if day2 <= day:
        return None

    def make(y: int) -> tuple[dt.date, dt.date]:
        return _safe_date(y, month, day) or _last_day(y, month), _safe_date(y, month, day2) or _last_day(y, month)

    if m["year"]:
        return make(int(m["year"]))
    return _pick_year(make, pub, fut)


# "8 September 2015", "the 8th of September", and "8-September-2015" as forms write it
@_rule(rf"\b(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+(?:of\s+)?|-(?={_MON}-\d))(?P<mon>{_MON})(?:(?:,?\s+|-)(?P<year>{_FULL_YEAR})\b)?")
def _day_mon(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    return _mon_day(m, pub, fut)


# "from January to April this year", "between March and May": the months from the first to the last
@_rule(rf"\b(?:from\s+|between\s+)?(?P<mon>{_MON})\s*(?:to|through|until|till|and|-|–)\s*(?P<mon2>{_MON})(?:\s+(?:of\s+)?(?P<year>{_YEAR}|next\s+year|this\s+year))?\b")
def _month_span(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    if any(name.lower().startswith("may") and not name[0].isupper() for name in (m["mon"], m["mon2"])):
        return None  # "March and may": a modal, not a month
    first, last = month_number(m["mon"]), month_number(m["mon2"])
    if first == last:
        return None

    def make(y: int) -> tuple[dt.date, dt.date]:
        return dt.date(y, first, 1), _last_day(y + (last < first), last)  # "November to February": into the next year

    year = _rel_year(m["year"], pub)
    return make(year) if year is not None else _pick_year(make, pub, fut)


@_rule(rf"\b(?:(?P<part>{_PART})[\s-]+)?(?:(?P<nx>next)\s+)?(?P<mon>{_MON})(?:\s+(?:of\s+)?(?P<year>{_YEAR}|next\s+year|this\s+year))?\b")
def _month(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    # a bare month needs a qualifier: "in March", "early March", "March 2027" (and not modal "may")
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    has_prep = re.search(
        r"\b(in|by|until|till|from|since|before|after|during|through|of|next|this|last|for|around|as\s+soon\s+as|as\s+early\s+as|as\s+late\s+as)\s+$",
        m.string[max(0, m.start() - 20) : m.start()].lower(),
    )
    if m["mon"].lower().startswith("may") and not m["mon"][0].isupper():
        return None
    if not (m["part"] or m["year"] or has_prep or m["nx"]):
        return None
    month = month_number(m["mon"])
    year = _rel_year(m["year"], pub)
    if year is not None:
        return _month_range(year, month, m["part"])
    nxt = "next" in before[-6:] or bool(m["nx"])
    if nxt:
        y = pub.year + 1 if month <= pub.month else pub.year
        return _month_range(y, month, m["part"])
    return _pick_year(lambda y: _month_range(y, month, m["part"]), pub, fut)


@_rule(
    rf"\b(?:(?P<qa>Q[1-4])|(?:the\s+)?(?P<qb>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter)"
    rf"(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<year>{_YEAR}|next\s+year|this\s+year))?\b"
)
def _quarter_rule(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    q = int(m["qa"][1]) if m["qa"] else _ORD[m["qb"].lower()]
    # "third-quarter earnings" names a reporting period, not the date of anything
    if re.match(
        r"[\s-]+(?:earnings|results|revenue|sales|profits?|loss|numbers|figures|guidance)\b",
        m.string[m.end() :],
        re.IGNORECASE,
    ):
        return None
    year = _rel_year(m["year"], pub)
    if year is not None:
        return _quarter(q, year)
    start, end = _quarter(q, pub.year)
    if fut and end < pub:
        return _quarter(q, pub.year + 1)
    return start, end


@_rule(
    rf"\b(?:(?P<ha>H[12])|(?:the\s+)?(?P<hb>first|second)\s+half)(?:\s+of)?(?:\s+(?P<year>{_YEAR}|next\s+year|this\s+year|the\s+year))?\b"
)
def _half(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    h = int(m["ha"][1]) if m["ha"] else (1 if m["hb"].lower() == "first" else 2)
    year = _rel_year(m["year"], pub) or pub.year
    if not m["year"] and fut and h == 1 and pub.month > 6:
        year += 1
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if h == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


@_rule(
    rf"\b(?:(?P<part>{_PART})[\s-]+)?(?P<which>next|this|last)\s+year\b|\blater\s+this\s+year\b|\byear[\s-]end\b|\bthe\s+end\s+of\s+the\s+year\b"
)
def _rel_year_rule(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    text = m.group(0).lower()
    if text.startswith("later"):
        return pub + dt.timedelta(days=1), dt.date(pub.year, 12, 31)
    if "end" in text and not m["which"]:
        return dt.date(pub.year, 12, 31), dt.date(pub.year, 12, 31)
    year = _rel_year(m["which"], pub)
    assert year is not None
    return _year_range(year, m["part"])


@_rule(
    rf"\b(?:(?P<part>{_PART})[\s-]+)(?P<year>{_YEAR})\b|\b(?<=in\s)(?P<y2>{_YEAR})\b|\b(?<=by\s)(?P<y3>{_YEAR})\b"
    rf"|\b(?:(?<=to\s)|(?<=until\s)|(?<=from\s)|(?<=before\s))(?P<y4>{_YEAR})\b(?!\s*(?:-|–|units|points|people|\w+s\b))"
)
def _year_rule(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    year = int(m["year"] or m["y2"] or m["y3"] or m["y4"])
    return _year_range(year, m["part"])


@_rule(
    r"\b(?:(?P<later>later)\s+)?(?P<which>next|this|last)\s+(?P<unit>week|month|quarter|weekend)\b|\bthe\s+end\s+of\s+the\s+(?P<eunit>month|week|quarter)\b"
)
def _rel_unit(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    if m["eunit"]:
        if m["eunit"].lower() == "month":
            d = _last_day(pub.year, pub.month)
        elif m["eunit"].lower() == "quarter":
            d = _quarter((pub.month - 1) // 3 + 1, pub.year)[1]
        else:
            d = _week_monday(pub) + dt.timedelta(days=4)
        return d, d
    which, unit = m["which"].lower(), m["unit"].lower()
    shift = {"next": 1, "this": 0, "last": -1}[which]
    if unit in ("week", "weekend"):
        monday = _week_monday(pub) + dt.timedelta(days=7 * shift)
        if unit == "weekend":
            return max(monday + dt.timedelta(days=5), pub) if shift == 0 else monday + dt.timedelta(
                days=5
            ), monday + dt.timedelta(days=6)
        start = monday
        if shift == 0:
            start = pub + dt.timedelta(days=1) if m["later"] else pub
        return start, monday + dt.timedelta(days=6)
    if unit == "month":
        idx = pub.year * 12 + pub.month - 1 + shift
        y, mo = divmod(idx, 12)
        start, end = dt.date(y, mo + 1, 1), _last_day(y, mo + 1)
        if shift == 0:
            start = pub + dt.timedelta(days=1) if m["later"] else start
        return start, end
    q = (pub.month - 1) // 3 + 1 + shift
    y = pub.year + (q - 1) // 4
    q = (q - 1) % 4 + 1
    return _quarter(q, y)


@_rule(
    r"\b(?:(?P<which>next|this|last)\s+)?(?:(?P<season>spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b"
)
def _season(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    if not (m["which"] or m["year"]):
        before = m.string[max(0, m.start() - 8) : m.start()].lower()
        if not re.search(r"\b(in|by|until|this|the)\s+$", before):
            return None
    start_month = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[m["season"].lower()]
    year = int(m["year"]) if m["year"] else pub.year + (1 if (m["which"] or "").lower() == "next" else 0)
    if (m["which"] or "").lower() == "last":
        year -= 1
    if not m["year"] and not m["which"] and fut and _last_day(year, start_month) < pub and start_month != 12:
        year += 1
    end_month = start_month + 2
    if end_month > 12:
        return dt.date(year, 12, 1), _last_day(year + 1, 2)
    return dt.date(year, start_month, 1), _last_day(year, end_month)


# "on the 28th": a day of the current month (or of the next, once it has passed)
@_rule(
    r"\b(?:on|by|from|until)\s+the\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|at|when|while|with|after|before|of\s+(?:this|next|the)\s+month)\b)"
)
def _day_of_month(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    day = int(m["day"])
    if fut is False:
        d = _safe_date(pub.year, pub.month, day)
        if d is None or d > pub:
            y, mo = divmod(pub.year * 12 + pub.month - 2, 12)
            d = _safe_date(y, mo + 1, day)
    else:
        d = _safe_date(pub.year, pub.month, day)
        if d is None or d < pub:
            y, mo = divmod(pub.year * 12 + pub.month, 12)
            d = _safe_date(y, mo + 1, day)
    return (d, d) if d else None


@_rule(r"\b(?P<w>later\s+today|today|tonight|tomorrow|yesterday)\b")
def _day_word(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    w = m["w"].lower()
    delta = {"tomorrow": 1, "yesterday": -1}.get(w, 0)
    d = pub + dt.timedelta(days=delta)
    return d, d


@_rule(
    rf"\b(?P<within>within|in|in\s+the\s+next)\s+(?P<n>{_N})\s+(?:business\s+)?(?P<unit>days?|weeks?|months?)\b(?!\s+(?:of|after|from)\b)"
)
def _in_n(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    n_text = m["n"].lower()
    n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
    unit = m["unit"].lower()
    if unit.startswith("day"):
        d = pub + dt.timedelta(days=n)
    elif unit.startswith("week"):
        d = pub + dt.timedelta(days=7 * n)
    else:
        idx = pub.year * 12 + pub.month - 1 + n
        y, mo = divmod(idx, 12)
        d = _safe_date(y, mo + 1, pub.day) or _last_day(y, mo + 1)
    return d, d


@_rule(
    rf"\b(?:giv(?:e|es|en|ing)|gave|allow(?:s|ed|ing)?|grant(?:s|ed|ing)?|ha(?:ve|s|d))\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?P<n>{_N})\s+(?:more\s+|additional\s+|further\s+|business\s+)?(?P<unit>days?|weeks?|months?|years?)\s+to\s+"
    rf"(?!be\b)[a-z]+"
)
def _n_to_comply(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    d = _shift_span(m.group(0) + " ", pub)
    return (d, d) if d else None


@_rule(
    # "Black Friday", "Cyber Monday", "Good Friday", "Super Tuesday" are names, not weekdays
    rf"(?<!Black\s)(?<!Cyber\s)(?<!Good\s)(?<!Super\s)(?<!Ash\s)(?<!Easter\s)"
    # "a dispute over Sunday working", "a ban on Sunday trading": the weekday qualifies a noun
    rf"(?<!\bover\s)(?<!\babout\s)(?<!\bagainst\s)(?<!\bban\s)(?<!\bof\s)(?<!\bon\s(?=\w+\s(?:trading|working|shopping|opening|deliveries|services|shifts)\b))"
    rf"\b(?:(?P<which>next|this|last|on|coming)\s+)?(?P<wd>{_WD})(?:\s+(?:and|to|through)\s+(?P<wd2>{_WD}))?\b"
    rf"(?!,?\s+(?:the\s+)?(?:{_MON}|\d))"
)
def _weekday_rule(m: re.Match[str], pub: dt.date, fut: bool | None) -> tuple[dt.date, dt.date] | None:
    if re.match(r"\s+(?:mornings|afternoons|evenings|nights)\b", m.string[m.end() :], re.IGNORECASE):
        return None  # "Friday and Saturday evenings": a weekly slot, no one day
    which = (m["which"] or "").lower()
    if which in ("", "on") and re.search(r"\blater\s+$", m.string[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
        # "later Thursday" is the day the story was written: the day of the paper or the one before, never next week
        d = pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS[m["wd"].lower()]) % 7)
        if (pub - d).days <= 1:
            return d, d
    # "from Monday to Wednesday last week", "on Thursday next week"
    week = re.match(r"\s*(?:of\s+)?(?P<w>last|next|this)\s+week\b", m.string[m.end() :], re.IGNORECASE)
    if week and which in ("", "on"):
        which = week["w"].lower()
    if which in ("on", "coming"):
        which = "" if which == "on" else "coming"
    if fut is None:
        fut = True
    if which == "coming":
        start, end = _weekday(m["wd"], "", pub, True)
    else:
        start, end = _weekday(m["wd"], which, pub, fut)
    if m["wd2"]:  # "next Monday and Tuesday"
        end = start + dt.timedelta(days=(_WEEKDAYS[m["wd2"].lower()] - start.weekday()) % 7)
    return start, end


_MOVED_TO = re.compile(
    r"\b(?:pushed\s+back|push(?:es|ed)?|moved|postponed|delayed|rescheduled|deferred|extended|brought\s+forward)\b"
    r"[^.;]{0,90}?\b(?:to|until|till)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BY = re.compile(
    r"\b(by|before|no\s+later\s+than|deadline\s+of|ahead\s+of|(?:have|has|had|given|giving|get|gets)\s+until)\s+(the\s+)?"
    # "by the end of the third quarter": the end of the period named after it
    r"(?:(?:end|close)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "giving online platforms until November 30": a date that lies ahead of the statement
_GIVEN_UNTIL = re.compile(
    r"\b(?:giv(?:e|es|en|ing)|gave|allow(?:s|ed|ing)?|grant(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){1,4}?until\s+(the\s+)?$",
    re.IGNORECASE,
)
_DURATION_TO = re.compile(
    r"(?:giv|gave|allow|grant|ha[vsd]).*\b(?:days?|weeks?|months?|years?)\s+to\s", re.IGNORECASE
)
_DUTY_FROM = re.compile(
    r"\b(?:requir(?:e|es|ing)|order(?:s|ing)|oblig(?:e|es|ing)|forc(?:e|es|ing)|must|(?<!began\s)(?<!started\s)(?<!continued\s)to\s+(?:ban|stop|pay|offer|"
    r"disclose|register|report|cap|limit|restrict|charge|prohibit|impose|require|apply|publish|provide|comply))\b[^.;]{0,90}?"
    r"\b(?:from|starting|effective|as\s+of|beginning)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\b(from|starting|beginning|effective|as\s+of|as\s+from|since)\s+(the\s+)?$", re.IGNORECASE)


def _shift_span(text: str, anchor: dt.date) -> dt.date | None:
    """The date ``text`` ("six months to comply") gives when counted from ``anchor``."""
    m = re.search(rf"\b(?P<n>{_N})\s+(?:\w+\s+)?(?P<unit>days?|weeks?|months?|years?)\s+to\s", text, re.IGNORECASE)
    if m is None:
        return None
    n_text = m["n"].lower()
    n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
    unit = m["unit"].lower()
    if unit.startswith("day"):
        return anchor + dt.timedelta(days=n)
    if unit.startswith("week"):
        return anchor + dt.timedelta(days=7 * n)
    months = n * (12 if unit.startswith("year") else 1)
    y, mo = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    return _safe_date(y, mo + 1, anchor.day) or _last_day(y, mo + 1)


def _local_tense(before: str, sentence_tense: bool | None, strong: bool) -> bool | None:
    """A past verb right before the date ("introduced on Wednesday") dates that verb, unless
    the sentence clearly speaks of the future ("will list its tokenized stocks on Thursday")."""
    near = " ".join(before.split()[-6:])
    # "a 2.10 average since Aug. 18": a date that something has lasted since lies behind the statement
    if re.search(r"\bsince(?:\s+the)?\s*$", near, re.IGNORECASE):
        return False
    # "X, which reports results on February 20, declined to comment": a present-tense
    # relative clause schedules its date whatever the main verb's tense
    if re.search(r"\b(?:which|who)\s+(?!is\b|was\b|has\b|does\b)[a-z]{3,}s\s+(?:[\w-]+\s+){0,3}(?:on|in)\s*$", near):
        return True
    # "The fair returns to Riga from April 24 to 27, organisers said": a present verb of schedule
    # dates what it tells, whatever tense the attribution is in
    if not _PAST.search(near) and re.search(
        r"\b(?:returns|opens|reopens|begins|starts|resumes|runs|arrives|launches|holds|hosts|kicks\s+off|meets|heads|"
        r"comes|goes|moves|tours|visits|debuts|premieres|lands|sails|departs|takes\s+place)\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:on|in|from|at|between|until|through)?\s*$",
        near,
    ):
        return True
    # "being rested ahead of the game against Fiji on September 23": the date is the fixture's,
    # not the main verb's; read it as the nearest such day
    if re.search(r"\b(?:game|match|fixture|clash|final|Test)\s+(?:against|with|versus|vs\.?)\s+[^,;]{1,40}?\b(?:on|in)\s*$", near):
        return None if sentence_tense is False else sentence_tense
    if not strong and _PAST.search(near) and not _FUTURE.search(near):
        return False
    return sentence_tense


def find_dates(sentence: str, published: dt.date, *, future: bool | None = None) -> list[DateSpan]:
    """Return the date expressions of a sentence resolved against ``published``, in order.

    :param sentence: one sentence.
    :param published: the article's publication date.
    :param future: whether the sentence speaks of the future; guessed from its wording if None.
    """
    fut = _tense(sentence) if future is None else future
    strong = future is not None or _STRONG_FUTURE.search(sentence) is not None
    cands: list[tuple[int, int, tuple[dt.date, dt.date]]] = []
    for rx, fn in _RULES:
        for m in rx.finditer(sentence):
            # a deadline ("comply by June 30") lies ahead of the statement that sets it
            before = sentence[max(0, m.start() - 120) : m.start()]
            # a deadline ("comply by June 30") or a new date ("pushed back to May 14") lies ahead
            deadline = _BY.search(before[-48:]) is not None or _GIVEN_UNTIL.search(before) is not None or _MOVED_TO.search(before) is not None
            # "requiring aggregators to pay a levy from October 1": a duty starts ahead of the act setting it
            deadline = deadline or _DUTY_FROM.search(before) is not None
            # "adopted the amendments on Monday, with effect from March 1": the date of effect lies ahead
            deadline = deadline or re.search(
                r"\b(?:with\s+effect\s+from|(?:taking|to\s+take)\s+effect\s+(?:on|from)|in\s+force\s+from|"
                # "with the obligation applying from June 1", "with compliance due from April 1"
                r"appl(?:y|ies|ying)\s+from|(?:compliance|obligations?|duty|duties|requirements?)\s+(?:is\s+|are\s+)?due\s+(?:from|by|on))\s+(?:the\s+)?$"
                # "making the code mandatory for large retailers from April 1"
                r"|\b(?:mandatory|compulsory|obligatory)\b[^.;]{0,80}?\b(?:from|starting|as\s+of|by)\s+(?:the\s+)?$",
                before,
                re.IGNORECASE,
            ) is not None
            tense = True if deadline else _local_tense(sentence[max(0, m.start() - 40) : m.start()], fut, strong)
            try:
                res = fn(m, published, tense)
            except (ValueError, KeyError) as exc:  # a malformed span is skipped, not fatal
                LOGGER.debug("facts: cannot resolve %r: %s", m.group(0), exc)
                continue
            if res is not None:
                cands.append((m.start(), m.end(), res))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateSpan] = []
    last_end = -1
    for start, end, (d0, d1) in cands:
        if start < last_end:
            continue
        before = sentence[max(0, start - 48) : start]
        kind = "by" if _BY.search(before) else "from" if _FROM.search(before) else "on"
        if re.match(r"within|in\s+the\s+next", sentence[start:end], re.IGNORECASE):
            kind = "by"
        if _DURATION_TO.match(sentence[start:end]):
            # "giving operators six months to comply" counts from the dated act before it
            # ("issued on Tuesday, giving ..."); with no such date the starting point is unknown
            if not out and not re.search(r"\b(?:days?|weeks?)\s+to\s", sentence[start:end], re.IGNORECASE):
                continue
            if not out:
                # "has given the carrier 14 days to explain": a short order counts from the day it is told
                out.append(DateSpan(d0, d1, sentence[start:end], start, end, "by"))
                last_end = end
                continue
            shift = (d0 - published).days
            anchor = out[-1].start
            d0 = d1 = _shift_span(sentence[start:end], anchor) or (anchor + dt.timedelta(days=shift))
            kind = "by"
        out.append(DateSpan(d0, d1, sentence[start:end], start, end, kind))
        last_end = end
    return out


def resolve_date(text: str, published: dt.date, *, future: bool = True) -> tuple[dt.date, dt.date] | None:
    """Resolve one date expression such as ``"early next year"`` to a ``(start, end)`` range.

    :param text: the date expression.
    :param published: the date it is relative to.
    :param future: read ambiguous expressions as future (the default) or past.
    """
    spans = find_dates(text, published, future=future)
    if not spans:
        return None
    return spans[0].start, spans[0].end
