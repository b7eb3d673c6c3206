"""Faithfulness guard: a digest sentence must come from, and only state what is in, its sources.

Two checks, each returning a list of human-readable problems (empty = faithful):

* :func:`check_faithfulness` for an extracted :class:`CitedSentence`: it cites at least one
  known article, its text is contained in one cited article after normalisation (quotes,
  spacing, case, a dropped dateline or leading connective, and a marked name put in for a
  pronoun or description, "[Brightloom]", that the article itself gives, are tolerated), and every
  number, capitalised name and date in it appears in the cited articles;
* :func:`check_numbers_names` for generated text (the lede, an LLM rewrite): every number,
  name and date must appear in at least one of the given source texts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

from newsbrief.model import Article, CitedSentence
from newsbrief.summarize.sentences import normalise_for_match, normalise_text

LOGGER = logging.getLogger(__name__)

__all__ = ["check_faithfulness", "check_numbers_names", "extract_claims", "substitution_pattern"]

# A marked substitution: the summarizer put a name in place of a pronoun or description ("[Brightloom]").
_MARKED_RE = re.compile(r"\[([^\[\]]{1,80})\]")


def substitution_pattern(text: str) -> str:
    """Return a regex matching the source form of a sentence with marked substitutions.

    Each ``[Name]`` stands for the one to six words it replaced ("It", "The Boston company"); the
    rest must match word for word. Text and source are compared in :func:`normalise_for_match` form.

    :param text: a sentence, maybe with ``[Name]`` substitutions.
    """
    parts = []
    last = 0
    for match in _MARKED_RE.finditer(text):
        parts.append(re.escape(normalise_for_match(text[last:match.start()])))
        parts.append(r"\s*[\w'\-]+(?:\s+[\w'\-]+){0,5}\s*")
        last = match.end()
    parts.append(re.escape(normalise_for_match(text[last:]).rstrip(".")))
    return "".join(parts)


def marked_names(text: str) -> list[str]:
    """Return the names a sentence puts in with marked substitutions ("[Brightloom]" -> "Brightloom")."""
    return [m.group(1) for m in _MARKED_RE.finditer(text)]

_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\.\d+)?")
_NAME_RE = re.compile(r"\b[A-Z][a-zA-Z'\u2019&.\-]*[a-zA-Z]\b|\b[A-Z]\b(?=\.)")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "hundred": "100", "thousand": "1000", "dozen": "12",
}
# Capitalised words that are not names (sentence openers, function words, titles of address).
_NOT_NAMES = frozenset(
    """a an the this that these those he she it they we i you his her its their our my your
    in on at for of to from by with as after before when while if but and or so yet also
    however meanwhile still some many most no one two three there here what who which why how
    mr mrs ms dr all any each both several other another such""".split()
)


def _canon_number(token: str) -> str:
    """Return a number with thousands separators removed and trailing ``.0`` dropped."""
    text = token.replace(",", "")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return text


def extract_claims(text: str) -> dict[str, set[str]]:
    """Return the numbers, capitalised names and dates a text asserts, lower-cased.

    :param text: a sentence or paragraph.
    """
    text = normalise_text(text)
    numbers = {_canon_number(m.group(0)) for m in _NUMBER_RE.finditer(text)}
    names: set[str] = set()
    dates: set[str] = set()
    for sent_start, match in _iter_capitalised(text):
        word = match.group(0).rstrip(".")
        low = word.lower()
        if low in _MONTHS or low in _DAYS:
            dates.add(low)
            continue
        if low in _NOT_NAMES or (sent_start and low in _NOT_NAMES):
            continue
        if sent_start and not _looks_like_name(word):
            continue
        names.add(low)
    return {"numbers": numbers, "names": names, "dates": dates}


def _looks_like_name(word: str) -> bool:
    """A sentence-initial capitalised word counts as a name only if it is not a common word."""
    return word.isupper() or any(ch.isupper() for ch in word[1:]) or word.lower() not in _COMMON_OPENERS


_COMMON_OPENERS = frozenset(
    """the a an in on at for after before when while if but and or so yet also however
    meanwhile still some many most no one two three there here what who which why how this that
    these those he she it they we i you his her its their officials police critics analysts
    investors shares prices sales according under despite during since until without with
    once last next earlier later today yesterday tomorrow now only even leading top""".split()
)


def _iter_capitalised(text: str) -> list[tuple[bool, re.Match[str]]]:
    out: list[tuple[bool, re.Match[str]]] = []
    for match in _NAME_RE.finditer(text):
        before = text[: match.start()].rstrip(" \"'(")
        sent_start = not before or before[-1] in ".!?:"
        out.append((sent_start, match))
    return out


def _source_claims(sources: Sequence[str]) -> tuple[set[str], str]:
    numbers: set[str] = set()
    for src in sources:
        numbers.update(_canon_number(m.group(0)) for m in _NUMBER_RE.finditer(normalise_text(src)))
    low = " ".join(normalise_text(s).lower() for s in sources)
    for word, digit in NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", low):
            numbers.add(digit)
    return numbers, low


_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")


def name_stem(word: str) -> str:
    """A place name and its demonym share a stem: Sweden/Swedish, Asia/Asian, Kenya/Kenyan.

    :param word: a lower-cased word.
    """
    for suffix in ("ish", "ian", "ese", "an", "en", "ia", "a", "y", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _opening_gerund(text: str) -> str:
    """Return the lower-cased first word of a text that opens on a verb in -ing before a lower-case word."""
    match = re.match(r"\W*([A-Z][a-z]{2,}ing)\s+[a-z]", text)
    return match.group(1).lower() if match else ""


def check_numbers_names(text: str, sources: Sequence[str]) -> list[str]:
    """Return problems for numbers, names and dates in text that no source text contains.

    :param text: generated or extracted text.
    :param sources: the texts it may draw on (article titles and bodies).
    """
    claims = extract_claims(text)
    numbers, low = _source_claims(sources)
    problems: list[str] = []
    for num in sorted(claims["numbers"]):
        if num not in numbers:
            problems.append(f"number {num} is not in the cited sources")
    stems = {name_stem(w.lower()) for src in sources for w in re.findall(r"\b[A-Z][a-z]+", src)}
    opener = _opening_gerund(normalise_text(text))
    for name in sorted(claims["names"]):
        base = _POSSESSIVE_RE.sub("", name)  # "Tarrow's" claims "Tarrow"; "Sunday's" a date
        if base in _DAYS or base in _MONTHS:
            claims["dates"].add(base)
        elif base == opener:
            continue  # "Saying inflation was easing, ..." opens with a verb, not a name
        elif not (re.search(rf"(?<![a-z0-9]){re.escape(base)}(?![a-z0-9])", low) or name_stem(base) in stems):
            problems.append(f"name {name!r} is not in the cited sources")
    for date in sorted(claims["dates"]):
        if not re.search(rf"\b{re.escape(date)}", low):
            problems.append(f"date {date!r} is not in the cited sources")
    return problems


def _contained(text: str, source: str) -> bool:
    """Return True if text is in source; a marked ``[Name]`` stands for the words it replaced and must be in source."""
    hay = normalise_for_match(source)
    if _MARKED_RE.search(text):
        return (all(normalise_for_match(n) in hay for n in marked_names(text))
                and re.search(substitution_pattern(text), hay) is not None)
    needle = normalise_for_match(text).rstrip(".")
    return bool(needle) and needle in hay


def check_faithfulness(sentence: CitedSentence, articles: Mapping[str, Article]) -> list[str]:
    """Return problems that make an extracted sentence unfaithful to its cited articles.

    :param sentence: the sentence and the ids of the articles it cites.
    :param articles: known articles by id.
    """
    if not sentence.article_ids:
        return ["sentence cites no article"]
    problems = [f"cited article {aid} is unknown" for aid in sentence.article_ids if aid not in articles]
    cited = [articles[aid] for aid in sentence.article_ids if aid in articles]
    if not cited:
        return problems
    sources = [f"{a.title}\n\n{a.text}" for a in cited]
    if not any(_contained(sentence.text, src) for src in sources):
        problems.append("text is not contained in any cited article")
    problems.extend(check_numbers_names(sentence.text, sources))
    return problems
