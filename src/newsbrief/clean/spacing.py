"""Spacing a page got wrong: sentences run together, and spaces put before punctuation.

Sentences a page ran together: "... from their homes.The government ordered ...".

Some feeds and extractors drop the break between two paragraphs, so a sentence's full stop runs
straight into the next sentence's first word. The sentence splitters need the space to see the
boundary; without it two sentences (or a sentence and the page's "Related" label) read as one.
:func:`unglue_sentences` puts the space back where a word of prose ends a sentence and a
capitalised word follows at once. A web address ("Caribbean News.Net", "www.cnn.Com", "Quarry.Cloud":
after a capitalised word only a word that opens sentences, "The", "It", parts it), an
initialism ("U.S.The" is left alone: one letter before the stop) and a product name written
in capitals ("ASP.NET") are not sentence ends.

Spaces before punctuation: an extractor that keeps a link's or a bold run's text apart from the text
around it writes "Mexico , and Turkey .", "Jim Carrey 's girlfriend", "Sirius XM ( NASDAQ: SIRI )", "\u201c Lost River ,\u201d".
:func:`close_up_punctuation` takes those spaces out. A space before a colon, a semicolon, "!" or "?"
is left alone (French typography sets one), and so is a spaced ellipsis (". . .").
"""

from __future__ import annotations

import re

__all__ = ["close_up_punctuation", "unglue_sentences"]

# a word of two letters or more, a number of three digits or more, or a closing percent sign or bracket; then
# the stop and an optional closing quotation mark; then a capitalised word (after an opening quotation mark) that
# ends there
_GLUED = re.compile(r"(?<![\w./@:-])((?P<word>[A-Za-z][a-z]+|\d{3,}|\d+%|[a-z]\))[.!?][\"\u201d\u2019]?)"
                    r"(?P<next>[\u201c\u2018]?[A-Z][a-z]*)(?=[\s,;:'\u2019]|$)")
# domain endings written with a capital after a site's name: "News.Net", "Booking.Com"
_DOMAIN_ENDINGS = frozenset("Net Com Org Gov Edu Info Biz Io Js Tv Ly Uk Au Ca Nz Ie Co".split())
# after a capitalised word ("Quarry.Cloud" may be a site's name) only a word that opens sentences parts it
_OPENERS = frozenset(
    "The A An In It Its This That These Those He She They We I You His Her Their Our But And Or So Yet On At For If "
    "As Now Then What When While Where Why How Who After Before However Meanwhile According There Here Some Many "
    "Most One Two Three Last Next Earlier Later Police Officials".split())


def _part(m: re.Match[str]) -> str:
    nxt = m.group("next").lstrip("\u201c\u2018")
    if nxt in _DOMAIN_ENDINGS or (m.group("word")[0].isupper() and nxt not in _OPENERS):
        return m.group(0)
    return f"{m.group(1)} {m.group('next')}"


def unglue_sentences(line: str) -> str:
    """Return ``line`` with a space after each sentence end that runs into the next sentence.

    >>> unglue_sentences("forcing a million from their homes.The government ordered evacuations.")
    'forcing a million from their homes. The government ordered evacuations.'
    >>> unglue_sentences("Read it on Caribbean News.Net today.")
    'Read it on Caribbean News.Net today.'

    :param line: one paragraph of an article's text.
    """
    if "." not in line and "!" not in line and "?" not in line:
        return line
    return _GLUED.sub(_part, line)


# a space after a word, a number or a closing bracket or quotation mark, before a comma or a full stop that a
# space, a closing quotation mark or the line's end follows; never one of a spaced ellipsis (". . .")
_SPACE_BEFORE_STOP = re.compile(r"(?<=[\w)\"\u201d\u2019%])\s+(?=[,.](?:[\s\"\u201d\u2019)]|$))(?!\.\s+\.)")
# a possessive set apart from its noun: "Carrey 's", "Times ’s"
_SPACE_BEFORE_POSSESSIVE = re.compile(r"(?<=[A-Za-z0-9.])\s+(?=['\u2019]s\b)")
# a space after an opening curly quotation mark: "\u201c Lost River,\u201d"
_SPACE_AFTER_QUOTE = re.compile(r"(?<=\u201c)\s+(?=\w)")
# spaces inside brackets: "( NASDAQ: SIRI )"
_SPACE_AFTER_OPEN = re.compile(r"\(\s+(?=[^\s)])")
_SPACE_BEFORE_CLOSE = re.compile(r"(?<=[^\s(])\s+\)")


def close_up_punctuation(line: str) -> str:
    """Return ``line`` without the spaces an extractor put before punctuation and inside brackets.

    >>> close_up_punctuation("driven by Brazil , Mexico , and Turkey . Jim Carrey 's film ( 2015 ) opens.")
    "driven by Brazil, Mexico, and Turkey. Jim Carrey's film (2015) opens."
    >>> close_up_punctuation("Wait . . . for it : really ?")
    'Wait . . . for it : really ?'

    :param line: one paragraph of an article's text.
    """
    line = _SPACE_BEFORE_STOP.sub("", line)
    line = _SPACE_BEFORE_POSSESSIVE.sub("", line)
    if "\u201c" in line:
        line = _SPACE_AFTER_QUOTE.sub("", line)
    if "(" in line or ")" in line:
        line = _SPACE_BEFORE_CLOSE.sub(")", _SPACE_AFTER_OPEN.sub("(", line))
    return line
