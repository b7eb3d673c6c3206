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

from newsbrief.facts.dates import DateSpan, find_dates
from newsbrief.facts.names import find_names
from newsbrief.model import Event, Regulation

__all__ = ["MAX_CALENDAR_DAYS", "MAX_SENTENCE_WORDS", "CalendarItem", "calendar_items", "labelled_items", "slot_items", "hedge", "is_calendar_deadline", "is_calendar_event"]

_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# a whole line that is only a day: "MONDAY, September 7", "Tuesday:", "Sept. 9", "Wednesday 9 September 2015",
# "Saturday - September 19, 2015"
_HEADING = re.compile(
    rf"^(?:{_WD}(?:(?:,?\s+|\s+[-–—]\s+)(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})(?:,?\s+\d{{4}})?)?|(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})(?:,?\s+\d{{4}})?)\s*[:.-]?$",
    re.IGNORECASE,
)
# an item led by its day: "Tuesday - Apple shows its new phones", "Wed Sept 9: Fed minutes"
_LEAD = re.compile(
    rf"^(?P<day>{_WD}(?:,?\s+(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON}))?|(?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON}))\s*(?::|\s[-–—]|\.)\s+(?P<item>\S.*)$",
    re.IGNORECASE,
)
_PLACE_LEAD = re.compile(r"^(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s+[-–—]\s+(?=\S)")
# a listed item's time of day before its name: "12:00 p.m. – 1:00p.m. Comic Book Signing", "7pm: Quiz night"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|noon)"
# a row of a results or standings table: a name and three figures or more ("Alvord 0-0 0-2 39 82")
_TABLE_ROW = re.compile(r"(?:\s\d+(?:[-–:]\d+)?){3,}\s*$")
# a day's timetable on one line: "09h30, A v B; 13h00, C v D" (times as clocks or as "09h30")
_TIMETABLE = re.compile(rf"(?:{_CLOCK}|\b\d{{1,2}}h\d\d\b)[^;]*;\s*(?:{_CLOCK}|\d{{1,2}}h\d\d\b)", re.IGNORECASE)
_TIME_LEAD = re.compile(rf"^(?:{_CLOCK})(?:\s*(?:-|–|—|to)\s*(?:{_CLOCK}))?\s*[-–—:,|]?\s*(?=[A-Z\"“‘'])", re.IGNORECASE)
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


LISTING_HORIZON_DAYS = 200
"""A listing's heading without a year that falls further ahead than this is a day gone by ("Aug. 26" in September)."""


def _day_of(text: str, published: dt.date) -> dt.date | None:
    spans = find_dates(text, published, future=True)
    if len(spans) != 1 or spans[0].start != spans[0].end:
        return None
    day = spans[0].start
    if (day - published).days > LISTING_HORIZON_DAYS and not re.search(rf"\b{day.year}\b", text):
        return dt.date.min  # a past day read forward a year: its items are no events (callers drop days before published)
    return day


def _is_item(line: str) -> bool:
    """A listed item is a short line, not a paragraph of prose."""
    if len(line) > 240:
        return False
    # prose ends a sentence and runs on; an item is a label ("Westpac strategy update")
    return not (line.endswith((".", "!", "?", '"', "”")) and len(line.split()) > 12)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _NUM[word.lower()]


def _event(item: str, day: dt.date, published: dt.date, article_id: str) -> Event | None:
    if day < published or _CANCELLED.search(item) or _TIMETABLE.search(item) or _TABLE_ROW.search(item[-120:]):
        return None  # a day's timetable of several slots, a results table's row: no one happening
    start = end = day
    span = _SPAN.search(item)
    if span is not None:
        k, n = _num(span["k"]), _num(span["n"])
        if 1 <= k <= n:
            start = day - dt.timedelta(days=k - 1)
            end = start + dt.timedelta(days=n - 1)
        item = (item[: span.start()] + item[span.end() :]).strip(" ,;")
    what = _PLACE_LEAD.sub("", _TIME_LEAD.sub("", item)).strip(" ,;:.")
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


def _lines(text: str) -> list[str]:
    """The text's lines, each with its spaces collapsed (line indices stay those of ``text.split("\\n")``)."""
    return [" ".join(line.split()) for line in text.split("\n")]


def calendar_items(text: str, *, published: dt.date, article_id: str = "") -> list[CalendarItem]:
    """Return the listed items of a calendar article (empty for any other article).

    An article is a calendar when at least two lines are date headings of distinct days, or
    at least two items are led by distinct days. Lines before the first heading (the
    introduction) and after a line of prose that closes the list are not items.

    :param text: the article text, lines separated by newlines.
    :param published: publication date; the days of the list resolve forward from it.
    :param article_id: id copied into each event.
    """
    lines = _lines(text)
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


# a line that holds only a day and a time: "Saturday, Sept. 19; 10 a.m. to 1 p.m.", "Tue 6 Oct, 7pm"
_TIME = rf"{_CLOCK}|noon|midday"
_SLOT_REST = re.compile(rf"^[\s,;:|@-]*(?:(?:from\s+)?(?:{_TIME})(?:\s*(?:to|until|-|–)\s*(?:{_TIME}))?(?:\s+[A-Z]{{2,4}})?)?[\s,;.|-]*$", re.IGNORECASE)


_SLOT_DAY = re.compile(rf"\b(?:{_WD}|{_MON})(?!\w)", re.IGNORECASE)


def slot_items(text: str, *, published: dt.date, article_id: str = "") -> list[CalendarItem]:
    """Return the schedule slots of an article: a short name line ("Woodbine Beach Park") followed
    by a line that is only its day and time ("Saturday, Sept. 19; 10 a.m. to 1 p.m."), as media
    advisories and event listings print them. Each slot is one event named by its name line.

    :param text: the article text, lines separated by newlines.
    :param published: publication date; the days resolve forward from it.
    :param article_id: id copied into each event.
    """
    lines = _lines(text)
    items: list[CalendarItem] = []
    previous = ""
    for i, line in enumerate(lines):
        if not line:
            continue
        if len(line) > 80 or not _SLOT_DAY.search(line) or not previous:
            previous = line
            continue  # only a short line naming a day can be a slot (dates are costly to resolve)
        spans = find_dates(line, published, future=True)
        if len(spans) == 1 and spans[0].start == spans[0].end and previous:
            before, after = line[: spans[0].pos], line[spans[0].endpos :]
            name_line = (
                previous[:1].isalnum() and not previous.endswith((".", "!", "?", ":")) and len(previous.split()) <= 10
            )
            # the day comes first ("11:37 am on September 17, 2015" is a post's timestamp)
            if not before.strip(" ,;:|-") and _SLOT_REST.match(after) and name_line and not find_dates(previous, published):
                items.append(CalendarItem(i, line, _event(previous, spans[0].start, published, article_id)))
        previous = line
    return items


# a labelled date of the page's one happening: "Date: Thursday, October 1", "When: Oct. 3, 2015, 9 a.m. to 4 p.m."
_DATE_LABEL = re.compile(r"^(?:Date|When|Dates|Date\s+(?:and|&)\s+time)\s*:\s*(?P<value>\S.{2,70})$", re.IGNORECASE)
# a section's word before a headline: "Preview: France v Canada"
_TITLE_LABEL = re.compile(r"^(?:(?:Match\s+)?Preview|Media\s+Advisory|Advisory|Event|Save\s+the\s+date|Reminder)\s*[:|-]\s*",
                          re.IGNORECASE)


def labelled_items(title: str, text: str, *, published: dt.date, article_id: str = "") -> list[CalendarItem]:
    """Return the one happening of a page that labels its date ("Date: Thursday, October 1"), named by the
    page's headline ("Preview: France v Canada" -> "France v Canada"), as event pages and match previews
    print it. A page with labelled dates of different days lists several happenings and gives none here.

    :param title: the article's headline.
    :param text: the article text, lines separated by newlines.
    :param published: publication date; the day resolves forward from it.
    :param article_id: id copied into the event.
    """
    found: list[tuple[int, str, DateSpan]] = []
    for i, line in enumerate(_lines(text)):
        label = _DATE_LABEL.match(line)
        if label is None:
            continue
        spans = find_dates(label["value"], published, future=True)
        if len(spans) != 1 or _SLOT_REST.match(label["value"][spans[0].endpos :]) is None:
            return []  # a date with more than a time after it, or none: not a plain labelled date
        found.append((i, line, spans[0]))
    what = _TITLE_LABEL.sub("", " ".join(title.split())).strip(" .")
    if not found or len({(f[2].start, f[2].end) for f in found}) > 1 or not what or what.endswith("?"):
        return []
    i, line, span = found[0]
    if span.start < published or (span.end - span.start).days > MAX_CALENDAR_DAYS:
        return []
    # the headline is the line: "France v Canada" has no one actor
    event = Event(what=what, article_ids=(article_id,) if article_id else (), sentence=line, who="", start=span.start, end=span.end,
                  when_text=span.start.isoformat(), speculative=False)
    return [CalendarItem(i, line, event)]


# a target somewhere before a year's end: "by 2017", "by the end of next year", "before late 2016"
_BY_A_YEAR = re.compile(
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+(?:end|close)\s+of\s+)?(?:(?:early|mid|late)[-\s]?)?"
    r"(?:(?:19|20)\d{2}|next\s+year|this\s+year|the\s+year)$",
    re.IGNORECASE,
)
# a target within a month, no day set: "plans to hire 1,000 people by January", "before the end of October"
_BY_A_MONTH = re.compile(
    rf"\b(?:by|before|no\s+later\s+than)\s+(?:the\s+(?:end|close|middle)\s+of\s+)?(?:(?:early|mid|late)[-\s]?)?"
    rf"{_MON}(?:,?\s+(?:19|20)\d{{2}})?$",
)
# a deadline's words: a month is then the date it falls due ("applications must be in by October")
_DUE = re.compile(r"\b(?:deadline|due|must|required?|comply|submit\w*|appl(?:y|ications?)|regist\w+|fil(?:e|ed|ing)|"
                  r"expires?|entries|nominations|closes)\b", re.IGNORECASE)
MAX_CALENDAR_DAYS = 92
"""The widest date range a calendar keeps (a month, a quarter); "early next year" and "this year" are not dates."""
# the rest of a period, no date of its own: "later this year", "in the coming weeks", "over the next few months"
_REST_OF_PERIOD = re.compile(
    r"\blater\s+(?:this|in\s+the|next)\s+year\b|\b(?:the\s+)?(?:coming|next\s+(?:few|several|couple\s+of))\s+(?:weeks|months)\b"
    # a span from now, no day named: "in the next six months", "within two weeks", "in three months"
    r"|\b(?:within|(?:in|over|during)\s+the\s+(?:next|coming))\s+(?:a\s+)?(?:[\w-]+\s+)?(?:business\s+|working\s+)?(?:days|weeks?|months?|years?)\b"
    r"|\bin\s+(?:a\s+few|[\w-]+)\s+(?:weeks|months|years)\b",
    re.IGNORECASE,
)
# a calendar period named as such, not days of a happening: "this week", "this month", "the current quarter"
# ("this weekend" read on the Saturday is the happening's two days, still going on)
_PERIOD = re.compile(r"\b(?:this|the\s+current|the\s+present)\s+(?:week|month|quarter|season|year)\b", re.IGNORECASE)
# a date someone rumours or hopes for, not one set: "possibly later this month", "sources say ... in the second quarter"
_RUMOUR = re.compile(
    r"\b(?:reportedly|rumou?r(?:s|ed)?|possibly|potentially|perhaps|unconfirmed|leak(?:ed|s)?|speculat\w+|insiders?|"
    r"tipsters?|sources\s+(?:say|said|claim\w*)|people\s+(?:familiar|briefed)|(?:is|are)\s+(?:said|believed|rumou?red)\s+to|"
    r"(?:report|reports)\s+(?:claims?|says?|suggests?))\b",
    re.IGNORECASE,
)

# the scheduled things an editor keeps on a calendar
_SCHEDULED = re.compile(
    r"\b(?:launch\w*|releas\w*|unveil\w*|debut\w*|premiere\w*|hearings?|heard|votes?|voting|ballot|referendum|elections?|polls|"
    r"trials?|verdict|sentenc\w+|court|appeal|tribunal|ruling|rul(?:e|es)\s+on|decision|decides?|earnings|results|"
    r"(?:conference|earnings)\s+call|deadline|ha(?:s|ve)\s+until|due|expir\w+|takes?\s+effect|into\s+(?:force|effect)|comply|"
    r"meet(?:s|ing)?|summit|conference|convention|congress|forum|symposium|keynote|talks|debate|session|sitting|"
    r"IPO|listing|go(?:es)?\s+public|auction|tender|sale|on\s+sale|ship\w*|deliver\w*|pilot|opening|opens?|reopen\w*|"
    r"strike|walkout|protest|march|rally|match|game|final|fixture|race|tournament|festival|ceremony|exhibition|expo|fair|"
    r"funeral|visitation|memorial|service|inauguration|swearing|sworn\s+in|budget|report|publish\w*|announce\w*|presentation|event|"
    r"close\s+(?:the|its)\s+deal|closing|completion|merger|acquisition|takeover|testify|testimony|speech|speaks?|address|"
    r"visit|tour|flight|mission|start\s+(?:of\s+)?service|start(?:s|ing)?\s+(?:operat\w+|selling|trading|flying|running)|"
    r"go(?:es)?\s+live|roll(?:s|ing)?\s+out|switch\w*\s+(?:on|off)|"
    r"shut\w*\s+down|end\s+support|retire\w*|sign\w*|approv\w+|confirmation)\b"
    r"|(?-i:\b[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s+(?:v|vs)\.?\s+[A-Z])",  # a fixture: "Tonga v Georgia"
    re.IGNORECASE,
)
_TAKES_EFFECT = re.compile(
    r"\b(?:deadline|comply|compliance|must\s+(?:[\w-]+\s+){0,4}?(?:by|from|before|until|no\s+later)|has\s+until|have\s+until|takes?\s+effect|into\s+(?:force|effect)|"
    r"(?:apply|applies|applying)\s+(?:from|on|by)|in\s+force|effective|start\s+(?:on|from)|expir\w+|phase[sd]?\s+in)\b",
    re.IGNORECASE,
)
# "continuing until Thursday, Dec. 17": the end of a period (a replay, an offer), not a happening
_UNTIL_END = re.compile(r"\b(?:until|till|through|thru)\s+(?:the\s+)?(?:on\s+)?$", re.IGNORECASE)
# "the quarter ending September 30": the end of a reporting period qualifies a noun, it is no happening
_PERIOD_END = re.compile(
    r"\b(?:quarter|year|period|month|half|half-year|week|season|term)\s+(?:ending|ended|ends|through|to)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# the clause of the date tells a past happening: "where the team enjoyed support in the win over Fiji in March"
_PAST_CLAUSE = re.compile(r"\b(?:[a-z]{3,}ed|won|lost|held|took|began|made|was|were|had|did|beat|came|went|saw)\b")
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|would|shall|to|is|are|be|due|set|scheduled|slated|expected|planned|plans?|next|upcoming|could|may|might)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[,;:(]\s*|\s(?:where|when|which|while|after|as|and|but)\s", re.IGNORECASE)
MAX_SENTENCE_WORDS = 80
"""A longer "sentence" is a paragraph the splitter could not cut: no calendar line is read from it."""
_HEDGE = re.compile(
    r"\b(?:expected|likely|could|might|tentative(?:ly)?|possibly|probably|provisional(?:ly)?|TBC|hopes?\s+to|"
    r"aims?\s+to)\b|\b(?-i:may)\b",
    re.IGNORECASE,
)


_UNDECIDED = re.compile(r"\bwhether\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?:^|[,;:]\s*)(?:I|We)\s+(?:will|'ll|shall|am|plan|hope)\b")
_PRONOUN = re.compile(r"^(?:I|We|You|He|She|They|It|Me|Us)$")


_ROUGHLY = re.compile(r"\s*,?\s*(?:or\s+so|or\s+thereabouts|or\s+(?:more|longer|later|sooner)|give\s+or\s+take)\b",
                      re.IGNORECASE)


def is_calendar_event(event: Event, *, today: dt.date | None = None) -> bool:
    """Return True when an editor would keep ``event`` on a calendar.

    Kept: a scheduled thing (a launch, hearing, vote, trial, release, earnings, deadline, court
    date, meeting ...) or a named actor's act on one day, with a resolved date or a range of
    at most :data:`MAX_CALENDAR_DAYS` days. Not kept: vague periods ("this year", "in 2027",
    "later this year"), a period only rumoured ("possibly later this month"),
    the end of a period ("available until Thursday"), an unnamed happening of a vague kind
    ("the dust would begin to clear on Wednesday"), a guessed time ("in 6 months or so").

    :param event: an upcoming event.
    :param today: the day the calendar is for; a period already under way on it ("in the third
        quarter" read in September, "this week" read on its Wednesday) is not a date to keep.
    """
    if event.start is None:
        return False
    end = event.end or event.start
    if (end - event.start).days > MAX_CALENDAR_DAYS or _REST_OF_PERIOD.search(event.when_text):
        return False
    if event.start != end and event.speculative and _RUMOUR.search(event.sentence):
        return False  # a rumoured month or quarter is no date to keep; a rumoured day is kept, marked
    if today is not None and event.start <= today < end and (event.start < today or _PERIOD.search(event.when_text)):
        # "this week" in Tuesday's paper, "this quarter": a period under way, not ahead; a happening that begins
        # on the day and goes on ("Saturday and Sunday" read on the Saturday) is still ahead
        return False
    if _PRONOUN.match(event.who) or _FIRST_PERSON.search(event.sentence):
        return False  # "Friday, I will pull a name out of the hat": a first-person aside, not a listing
    sentence = " ".join(event.sentence.split())
    if len(sentence.split()) > MAX_SENTENCE_WORDS:
        return False
    at = sentence.find(event.when_text) if event.when_text else -1
    if at >= 0 and _BY_A_YEAR.search(sentence[max(0, at - 40) : at + len(event.when_text)]):
        return False  # "open the plant by 2017", "before the end of the year": a target, not a date
    if at >= 0 and _BY_A_MONTH.search(sentence[max(0, at - 40) : at + len(event.when_text)]) and not _DUE.search(sentence):
        return False  # "hire 1,000 people by January": a target within a month, not a date
    if at >= 0 and _ROUGHLY.match(sentence, at + len(event.when_text)):
        return False  # "in 6 months or so": a guess at a time, not a date
    if at > 0 and _UNTIL_END.search(sentence[:at]) and not re.search(r"\b(?:deadline|comply|must|has\s+until|have\s+until)\b", sentence, re.IGNORECASE):
        return False
    if at > 0 and _PERIOD_END.search(sentence[:at]):
        return False
    if at > 0:
        starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, at)]
        clause = sentence[starts[-1] if starts else 0 : at]
        if _PAST_CLAUSE.search(clause) and not _FUTURE_CLAUSE.search(clause):
            return False
    if _SCHEDULED.search(event.what) or _SCHEDULED.search(sentence):
        return True
    return bool(event.who) and (end - event.start).days < 7


def is_calendar_deadline(rule: Regulation) -> bool:
    """Return True when a rule's date is one a calendar keeps: the sentence that gives it speaks
    of a deadline or of the rule taking effect ("must comply by", "would apply from", "takes effect").

    :param rule: a regulation with a deadline.
    """
    if rule.deadline is None:
        return False
    # a date only inside brackets cites a source ("(Forum, September 5, p7)"), it sets no deadline
    bare = re.sub(r"\([^()]*\)", " ", rule.sentence)
    return _TAKES_EFFECT.search(bare) is not None and bool(find_dates(bare, rule.deadline))


def hedge(event: Event) -> str:
    """Return how an event is hedged: "unconfirmed" (reported, rumoured), "undecided" ("split over
    whether the bank will raise rates on Thursday"), "expected" ("is expected to", "could", "may")
    or "" (stated as scheduled).

    :param event: an upcoming event.
    """
    if event.speculative:
        return "unconfirmed"
    if _UNDECIDED.search(event.sentence):
        return "undecided"
    return "expected" if _HEDGE.search(event.sentence) else ""
