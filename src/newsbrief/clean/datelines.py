"""Find datelines and a page's date stamps in an article's first lines.

A **dateline** opens the story's first paragraph and says where (and when, and through which
agency) it was filed: ``"WASHINGTON (AP) — The ..."``, ``"TALLBROOK, Minn., Sept. 8, 2026
/PRNewswire/ -- ..."``, ``"Halden, Sept. 8, HNA – ..."``. Wire releases also put
it on a line of its own (``"TALLBROOK, Minn."`` or ``"PORTSEA, Sept. 8, 2026 /PRNewswire/ --"``).
A place and a colon (``"PORTSEA: ..."``) is not taken: it reads like a label or a speaker as often.
:func:`dateline` returns the length of such a prefix.

A **date stamp** is a line holding only a date and/or a time (``"September 8, 2026 at 9:41PM"``,
``"06:12 Tuesday 8 September 2026"``, ``"12:47 a.m. CDT"``): the page's publication stamp.
:func:`is_stamp` says whether a line is one; the cleaner cuts a stamp only when the text has
one, since a live blog heads each of its entries with a time (``"7:55 p.m."``) and those stay.
"""

from __future__ import annotations

import re

from newsbrief.clean.captions import MONTH, WEEKDAY

__all__ = ["AGENCY", "DASH", "brief_dateline", "dateline", "dateline_line", "day_headings", "is_stamp"]

AGENCY = (r"(?:Reuters|AP|AFP|Associated Press|The Associated Press|PTI|IANS|ANI|Bloomberg|AAP|UPI|dpa|DPA|"
          r"Xinhua|CNN|BBC|Press Association|PA|NNA|Sputnik|TASS|Anadolu|Kyodo|Yonhap|EFE|ANSA|Agencies)")
"""A news agency's name, as regular-expression text."""
DASH = r"(?:--|-|–|—|―)"
"""A dash between a dateline and its sentence, as regular-expression text."""
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"\(?{MONTH}(?:\.\s*|\s+){_DAY}(?:,?\s+\d{{4}})?\)?"  # "Sept. 8, 2026", "Sept.9", "(September 8, 2026)"
_PLACE_CAPS = r"[A-Z][A-Z.'’&]+(?:[ /-][A-Z][A-Z.'’&]*){0,3}"  # NICOSIA/BEIRUT, ST. LOUIS
_PLACE_TITLE = r"[A-Z][a-zà-öø-ÿ]+(?:\s[A-Z][a-zà-öø-ÿ]+){0,2}"  # Tallbrook, Dead Sea, Brasília
_REGION = r"(?:\s*,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14})?)"  # ", Ariz", ", Fla.", ", New Mexico"
# The source after the place: "(Reuters)", "(KXYZ News)", "( )" (a stripped link), "/PRNewswire/", ", HNA"
_SOURCE = (rf"(?:\s*\(\s*(?:{AGENCY}(?:\s*[/,]\s*[\w .]+)?|[A-Z][\w .&'’/-]{{0,30}})?\)"
           r"|\s*/[A-Za-z][\w .-]{1,30}/\.?"
           r"|\s*,\s*[A-Z]{2,12}\b\.?)")
_CAPS_HEAD = (rf"(?:\[[\w .]{{2,30}}\]\s*{DASH}\s*)?"  # "[Wire Name] – " before the place
              rf"{_PLACE_CAPS}{_REGION}?(?:\s+and\s+{_PLACE_CAPS}{_REGION}?)?\s*"
              rf"(?:,?\s*{_DATE}\.?)?{_SOURCE}?(?:\s*{DASH}\s*{_DATE})?")
_TITLE_HEAD = rf"{_PLACE_TITLE}{_REGION}?(?:\s*,?\s*{_DATE}\.?)?{_SOURCE}?"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT|HKT|JST|SGT|WIB|EAT|WAT|CAT)"
_TIME = rf"\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*{_ZONE})?|\d{{1,2}}\s*[ap]\.?m\.?(?:\s*{_ZONE})?"
# the page's stamp before the dateline: "Sep 9, 4:20 pm   Tallbrook, Sept.9 (ANI): ...", or its time alone, even cut
# to the minutes ("20 pm Tallbrook, Sept.9 (ANI): ...")
_LEAD_STAMP = rf"(?:(?:{MONTH}\.?\s+{_DAY},?\s+)?(?:{_TIME})\s+)"
_PREFIX = re.compile(
    r"^(?:By\s+(?:[A-Z][\w.'’-]+\s+){0,4}?"  # a byline in front: "By Jo Reyes WASHINGTON (Reuters) -", "By LISBON ..."
    r"|[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?=[A-Z]{3}))?"  # or glued to the place: "Jo R. ReyesWASHINGTON, ..."
    rf"{_LEAD_STAMP}?"
    rf"(?:\({AGENCY}\)|\([A-Z]{{2,6}}\)"  # "(CNN) -", "(HN) -" alone
    rf"|{_CAPS_HEAD}|{_TITLE_HEAD}|{_DATE}{_SOURCE}?)"  # ... or a date alone: "Sept. 13-- Lantern Foods raised ..."
    rf"(?P<sep>(?:\s+{DASH}|--|–|—|―|-(?=\s))(?:\s*{DASH})*\s*|\s*>>\s*|(?<=\))\s*:\s+|(?<=\))\s+|(?<=/)\s+|(?<=/\.)\s+)"
    rf"(?=[\"“‘'(\dA-Z])",
)
_AGENCY_END = re.compile(rf"\(\s*{AGENCY}\s*\)$")
_CAPS_PLACE_SOURCE = re.compile(rf"^[A-Z]{{2,}}[A-Z.'’&]*(?:[ /-][A-Z][A-Z.'’&]*){{0,3}}{_REGION}?\s*\([A-Z][\w .&'’/-]{{0,30}}?[a-z][\w .&'’/-]{{0,30}}\)\s")  # a name, not a ticker
# Words that open a line as a label, not a place: "Review - The ...", "UPDATE".
_LABELS = frozenset({"note", "update", "updated", "summary", "editor", "editors", "warning", "breaking", "watch",
                     "photo", "photos", "video", "source", "sources", "question", "answer", "abstract",
                     "background", "objective", "objectives", "methods", "results", "conclusion", "conclusions",
                     "introduction", "disclaimer", "correction", "clarification", "advertisement", "related",
                     "read", "see", "listen", "live", "exclusive", "opinion", "analysis", "review", "comment",
                     "editorial", "what", "why", "how", "when", "who", "where", "the", "and", "but", "so",
                     "also", "plus", "tip", "tips", "step", "quote", "fact"})
_WORDS = re.compile(r"\b[a-z]{2,}\b")
# A dateline alone on its line, as wire releases print it above the first paragraph.
_ALONE = re.compile(
    rf"^(?:{_PLACE_CAPS}{_REGION}?(?:\s+and\s+{_PLACE_CAPS}{_REGION}?)?"
    rf"(?:\s*,?\s*{_DATE}\.?)?{_SOURCE}?\s*(?:{DASH}+\s*(?:\(.{{2,40}})?)?"  # "TALLBROOK--(Wire Name"
    rf"|{_PLACE_TITLE}{_REGION}?\s*,?\s*{_DATE}{_SOURCE}?\s*{DASH}*)$")

_BARE = re.compile(rf"^{_PLACE_CAPS}$")

_STAMP_TOKEN = re.compile(
    rf"\s*(?:{_TIME}|{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|{MONTH}\.?|{_DAY}|\d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|{_ZONE}|at|on|[,|@/·•-]"
    r"|\(\s*[+-]\d{1,2}\s*\))", re.IGNORECASE)
_STAMP_DATE = re.compile(rf"(?i:{MONTH})\.?\s+\d|\d\s+(?i:{MONTH})\b|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
                         rf"|\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?\s?m\.?|{_ZONE})|\d{{1,2}}:\d\d")


def _head_word(prefix: str) -> str:
    words = re.findall(r"[A-Za-z]+", prefix)
    return words[0].lower() if len(words) == 1 else " ".join(words).lower()


def is_stamp(line: str) -> bool:
    """Return whether a line holds only a date and/or a time of day (a page's stamp).

    :param line: one stripped line.
    """
    if not line or len(line) > 60 or not _STAMP_DATE.search(line):
        return False
    pos = 0
    while pos < len(line):
        found = _STAMP_TOKEN.match(line, pos)
        if found is None or found.end() == pos:
            return False
        pos = found.end()
        if pos < len(line) and line[pos - 1].isalnum() and line[pos].isalpha():
            return False  # "5pm" is a token; "5pmx" is not
    return True


# A byline and the page's time stamp run into the first paragraph: "by Jo Reyes Tuesday, September 8, 2015 - 05:00
# Story Tuesday marks ..." (a page's "Story" or "Audio" label may close it), or a byline whose name the page lost
# before its stamp: "By Sept. 19, 2015, 10 p.m. Living the dream: ..." (then the time is required: "By Sept. 30, 2015
# the firm must file ..." is a sentence)
_BYLINE_STAMP = re.compile(
    rf"^(?:By|BY|by)\s+(?:(?:[A-Z][\w.'’-]+\s+){{1,4}}?(?:{WEEKDAY},?\s+)?{MONTH}\.?\s+{_DAY},?\s+\d{{4}}"
    rf"(?:\s*(?:{DASH}|,|at)?\s*(?:{_TIME}))?|(?:{WEEKDAY},?\s+)?{MONTH}\.?\s+{_DAY},?\s+\d{{4}}\s*(?:{DASH}|,|at)?\s*"
    rf"(?:{_TIME}))(?:\s+(?:Story|Audio|Video|Article|Listen))?\s+(?=[\"“‘'A-Z])")


# a syndicating site's credit to the outlet it took the story from, with the day: "Harbour Post Wednesday 2nd
# September, 2026 The council ..."
_SOURCE_STAMP = re.compile(rf"^(?:[A-Z][\w.&'’-]*\s+){{1,5}}?{WEEKDAY}\s+{_DAY}\s+{MONTH},?\s+\d{{4}}\s+(?=[\"“‘'A-Z])")


# a place, a date and an agency in capitals, closed by a full stop: "TALLBROOK, SEPTEMBER 30, HARBOURPRESS. The ..."
_CAPS_AGENCY_STOP = re.compile(rf"^{_PLACE_CAPS},\s+(?i:{MONTH})\.?\s+{_DAY}(?:,\s+\d{{4}})?,\s+[A-Z]{{2,16}}\.\s+"
                               r"(?=[\"“‘'A-Z])")


# a place in capitals and a date with no dash before the sentence: "TALLBROOK, Sept 7 Port workers walked out ..."
_CAPS_DATE_BARE = re.compile(rf"^{_PLACE_CAPS}{_REGION}?,\s*{_DATE}\s+(?=[A-Z][a-z])")
# two or more places in capitals, with no dash: "TALLBROOK/HALDEN Police in ..." (four letters or more each: "ICS/SCADA
# Vulnerabilities" is no dateline)
_CAPS_PLACES_BARE = re.compile(r"^[A-Z]{4,}(?:/[A-Z]{4,})+\s+(?=[A-Z][a-z]+\s)")


# a video page's headline and stamp run into the agency's dateline, with no full stop between them: "Children fall
# sick after a meal 00:42 Lucknow, Sep 02 (ANI): ...", "... at02:57 PM ISTunderNation Malda, Sept 08 (ANI): ..."
_GLUED_HEAD = re.compile(rf"^[^.!?]{{10,240}}?\s+(?={_PLACE_TITLE}{_REGION}?,\s*{_DATE}\.?\s*\(\s*{AGENCY}\s*\)\s*:\s)")


def dateline(line: str) -> int:
    """Return the length of the dateline prefix of ``line`` (0: none); a sentence must follow it.

    A headline and a time stamp run into an agency's dateline ("... dengue patients 02:01 New Delhi, Sep 14
    (ANI): ...") are part of the prefix.

    :param line: one of the article's first lines, stripped.
    """
    glued = _GLUED_HEAD.match(line)
    if glued is not None and (cut := dateline(line[glued.end():])):
        return glued.end() + cut
    stamped = (_BYLINE_STAMP.match(line) or _SOURCE_STAMP.match(line) or _CAPS_AGENCY_STOP.match(line)
               or _CAPS_DATE_BARE.match(line) or _CAPS_PLACES_BARE.match(line))
    if stamped is not None and len(line[stamped.end():].split()) >= 4:
        return stamped.end()
    found = _PREFIX.match(line)
    if found is None or _head_word(line[:found.end()]) in _LABELS:
        return 0
    sep = found.groupdict().get("sep")
    if sep is not None and sep.strip() == ":" and not _AGENCY_END.search(line[:found.start("sep")].rstrip()):
        return 0  # "Acme (ACME): ...": only an agency's name in parentheses ends a dateline with a colon
    if sep is not None and not sep.strip() and line[found.start("sep") - 1] == ")" \
            and not _AGENCY_END.search(line[:found.start("sep")]) and not _CAPS_PLACE_SOURCE.match(line):
        # "Acme (ACME) Shares rose": only an agency's name in parentheses, or a source after a place in capitals
        # ("LOS ANGELES (Top40 Charts) Lakeshore Records will ..."), ends a dateline without a dash
        return 0
    rest = line[found.end():]
    if len(rest.split()) < 4 or len(_WORDS.findall(rest)) < 2:
        return 0
    return found.end()


# a day's heading of a listing: "MONDAY, September 7", "Tuesday - Sept. 8", "Wednesday:"
_DAY_HEADING = re.compile(rf"^{WEEKDAY}(?:,?\s+|\s+[-–—]\s+){MONTH}\.?\s+{_DAY}(?:,?\s+\d{{4}})?\s*[:.]?$", re.IGNORECASE)


def day_headings(lines: list[str]) -> int:
    """Return how many distinct day headings the lines hold (two or more: a calendar's listing, whose
    headings and first items are not datelines).

    :param lines: the article's stripped lines.
    """
    return len({line.lower() for line in lines if len(line) <= 40 and _DAY_HEADING.match(line)})


def dateline_line(line: str, *, bare: bool = True) -> bool:
    """Return whether a whole line is a dateline printed apart from its paragraph.

    :param line: one of the article's first lines, stripped.
    :param bare: whether a place alone counts (``"TALLBROOK"``); after the story's first paragraph
        a subhead in capitals reads the same, so a region, a date or a source must come with it.
    """
    if len(line) > 80 or _ALONE.match(line) is None or line.lower() in _LABELS:
        return False
    return bare or _BARE.match(line) is None


# a place in capitals (a region and a source may follow) and a dash: "TALLBROOK, Minn. (AP) -- ", "DURHAM — "
_CAPS_DASH = re.compile(rf"^[A-Z]{{3,}}[A-Z.'’&]*(?:[ /-][A-Z][A-Z.'’&]*){{0,3}}{_REGION}?"
                        rf"(?:\s*\(\s*[A-Z][\w .&'’/-]{{0,30}}\))?\s*{DASH}\s")


def brief_dateline(line: str) -> int:
    """Return the length of the dateline opening a later brief of a round-up page (0: none).

    Pages that carry several stories open each with a headline and a dateline in capitals and a dash
    ("DURHAM — The Duke women's ..."); only that strong form counts this far into a text.

    :param line: a line of the text after its first lines, stripped.
    """
    if _CAPS_DASH.match(line) is None or _head_word(line.split()[0]) in _LABELS:
        return 0
    return dateline(line)
