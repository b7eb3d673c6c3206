"""How many people an event struck, read from a headline and its opening sentence.

Magnitude is one of the oldest news values: an earthquake that killed ten and displaced a
million outranks a crash that injured two. :func:`harm_magnitude` finds counts of people
killed, dead, injured, missing, displaced or evacuated ("20 killed", "Ten killed more than a
million displaced", "kills five", "killing at least 131", "death toll rises to 717") and maps
the largest to 0..1 on a log scale: one person 0, ten about 0.33, a hundred 0.67, a thousand
or more 1. Money, percentages and points are never counts of people.
"""

from __future__ import annotations

import math
import re

__all__ = ["HARM_HEAD_CHARS", "harm_count", "harm_magnitude"]

HARM_HEAD_CHARS = 300
"""Characters of the text, after the headline, read for a count (about the opening sentence)."""

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
    "millions": 2_000_000,
}
_SCALE = {"hundred": 100, "thousand": 1000, "k": 1000, "million": 1_000_000, "m": 1_000_000,
          "billion": 1_000_000_000}
_NUMBER = (r"(?<![$€£¥\w.,])(?P<n{i}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|"
           + "|".join(sorted(_WORDS, key=len, reverse=True))
           + r")(?:\s+(?P<s{i}>hundred|thousand|million|billion)\b|(?P<t{i}>k|m)\b)?(?!\s*(?:%|percent|per\s?cent|points?\b|pts\b))")
_HARM_AFTER = r"(?:dead|killed|die[ds]?|deaths|injured|hurt|wounded|missing|displaced|evacuated|homeless|casualties)"
# "the millions who have died", "untold thousands": a writer's sweep, not a report's count; nor does a relative
# clause ("20 who had been killed in earlier wars"), a negation ("150 M was not injured") or a span of time ("58 years
# of hurt") tell how many this event struck
_BEFORE = re.compile(r"(?<!\bthe\s)(?<!\buntold\s)(?<!\bcountless\s)" + _NUMBER.format(i=0)
                     + r"\s+(?:(?!and\b|or\b|but\b|that\b|who\b|which\b|have\b|has\b|had\b|not\b|no\b|never\b|years?\b|months?\b|"
                     r"weeks?\b|days?\b|hours?\b|minutes?\b)[A-Za-z'’-]+\s+){0,3}?"
                     + _HARM_AFTER + r"\b", re.I)
_AFTER = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)|death\s+toll\s+(?:\w+\s+){0,2}?(?:to|at|of|hits|reaches|tops))"
    r"\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+|up\s+to\s+)?" + _NUMBER.format(i=1),
    re.I)


def _value(number: str, scale: str | None, suffix: str | None) -> float:
    word = number.lower()
    if word in _WORDS:
        base = float(_WORDS[word])
    elif len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100 and not (scale or suffix):
        return 0.0  # a year ("the 2015 dead pool")
    else:
        base = float(number.replace(",", ""))
    factor = _SCALE.get((scale or suffix or "").lower(), 1)
    return base * factor


def harm_count(title: str, text: str = "") -> float:
    """Return the largest count of people struck that the headline or the opening names (0: none).

    :param title: the headline.
    :param text: the article's text; its first :data:`HARM_HEAD_CHARS` characters are read.
    """
    best = 0.0
    for part in (title, text[:HARM_HEAD_CHARS]):
        for rx, i in ((_BEFORE, 0), (_AFTER, 1)):
            for m in rx.finditer(part):
                best = max(best, _value(m.group(f"n{i}"), m.group(f"s{i}"), m.group(f"t{i}")))
    return best


def harm_magnitude(title: str, text: str = "") -> float:
    """Return :func:`harm_count` on a log scale, 0..1 (one person or none 0, a thousand or more 1)."""
    count = harm_count(title, text)
    return 0.0 if count <= 1 else round(min(1.0, math.log10(count) / 3), 4)
