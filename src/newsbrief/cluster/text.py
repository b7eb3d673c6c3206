"""Text features shared by the clustering stage and the lexical embedder.

Pure functions: word terms for TF-IDF (lowercased, stop words removed, light
stemming), capitalised-token entities for overlap, and a stable string hash
(Python's ``hash`` is salted per process, so it must never reach stored data).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterable

LOGGER = logging.getLogger(__name__)

__all__ = [
    "STOP_WORDS",
    "capitalised_entities",
    "entity_keys",
    "stable_hash",
    "term_counts",
    "terms",
]

# A compact English stop list: function words plus reporting verbs and newsroom filler
# that say nothing about which event an article covers.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against ago all almost also although always am among an and
    another any are around as at away be became because become been before being below
    between both but by can cannot could did do does doing done down during each either
    else ever every few for from further get gets got had has have having he her here hers
    herself him himself his how however i if in including into is it its itself just last
    least less like made make many may me might more most much must my myself near neither
    never new next no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps please put rather really said same say says see seen
    several shall she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to today told too
    toward towards two under until up upon us use used very via was we week well were what
    whatever when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves year years time times mr mrs ms dr
    according reported reports reuters ap afp news monday tuesday wednesday thursday
    friday saturday sunday yesterday tomorrow tonight going want wants wanted three four
    five first second third another between s t re ve ll d m don didn doesn isn wasn
    aren weren won wouldn couldn shouldn hasn haven hadn let lets
    """.split()
)

_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'&.\-]*[A-Za-z0-9]|[A-Za-z0-9]")
_SENTENCE_END_RE = re.compile(r"[.!?:;\"\u201c\u201d]\s*$")
_CAP_STOP = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "If", "As", "It",
        "He", "She", "They", "We", "I", "This", "That", "These", "Those", "There", "His",
        "Her", "Their", "Its", "Our", "When", "While", "After", "Before", "Mr", "Mrs",
        "Ms", "Dr", "By", "With", "From", "To", "Of", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Today", "Yesterday", "New", "What", "Who", "Why", "How", "Where",
    }
)


def stable_hash(text: str) -> int:
    """Return a process-independent 32-bit hash of a string.

    :param text: the string to hash.
    """
    return zlib.crc32(text.encode("utf-8"))


def _stem(word: str) -> str:
    """Return a light stem: possessives and common plural/verb endings are stripped."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4:
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("sses"):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
    return word


_LOWER_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'&.\-]*[a-z0-9]|[a-z0-9]")
_TERM_CACHE_MAX = 200_000


def _term(raw: str) -> str:
    """Return the term for a lowercased token ("" when it is a stop word or too short)."""
    word = raw.strip(".'-&")
    if len(word) < 2 or word in STOP_WORDS:
        return ""
    word = _stem(word)
    if len(word) < 2 or word in STOP_WORDS:
        return ""
    return word


class _TermCache(dict[str, str]):
    """Lowercased token -> term ("" for none); a miss computes and stores the term."""

    def __missing__(self, raw: str) -> str:
        # _term and _stem inlined: every distinct token of a stream misses once.
        word = raw.strip(".'-&")
        term = ""
        if len(word) >= 2 and word not in STOP_WORDS:
            if word[-1] != "s":  # no stemming rule applies
                self[raw] = word
                return word
            word = word.removesuffix("'s")
            if len(word) > 4:
                if word.endswith("ies"):
                    word = word[:-3] + "y"
                elif word.endswith("sses"):
                    word = word[:-2]
                elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
                    word = word[:-1]
            if len(word) >= 2 and word not in STOP_WORDS:
                term = word
        self[raw] = term
        return term


_TERM_CACHE = _TermCache()


_TOKEN_RE = re.compile(r"[a-z0-9'&.\-]+")
# ASCII text: one translate lowercases A-Z and blanks every character that cannot be part of
# a token, so split() yields exactly the runs _TOKEN_RE finds in the lowercased text.
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789'&.-"
_ASCII_TOKENS = str.maketrans(
    {chr(c): (chr(c).lower() if chr(c).isupper() else " ") for c in range(128) if chr(c) not in _TOKEN_CHARS}
)


def terms(text: str) -> list[str]:
    """Return the content terms of a text: lowercased, stop words removed, lightly stemmed.

    A token is a lowercased run of letters, digits and ``'&.-`` trimmed to letters or digits
    at both ends (the same runs ``_LOWER_WORD_RE`` finds: ``_term`` does the trimming).

    :param text: any text (title, body or both).
    """
    cache = _TERM_CACHE
    if len(cache) > _TERM_CACHE_MAX:
        cache.clear()
    runs = text.translate(_ASCII_TOKENS).split() if text.isascii() else _TOKEN_RE.findall(text.lower())
    # Runs map to their terms at C speed once seen; "" (a stop word, no word) is filtered out.
    return list(filter(None, map(cache.__getitem__, runs)))


def term_counts(text: str) -> Counter[str]:
    """Return term frequencies of a text (see :func:`terms`).

    :param text: any text.
    """
    return Counter(terms(text))


_CAP_RUN_RE = re.compile(r"[A-Z][A-Za-z0-9'&.\-]*[A-Za-z0-9]|[A-Z]")
_CAP_SEQ_RE = re.compile(r"(?:[A-Z][A-Za-z0-9'&.\-]*[A-Za-z0-9]|[A-Z])(?:[ \t]+(?:[A-Z][A-Za-z0-9'&.\-]*[A-Za-z0-9]))*")
_OPENER_RE = re.compile(r"(?:^|[.!?:;\"\u201c\u201d\n]\s*)$")
# Memos of the single-word rules: span -> (lowercased name or "" to skip, all capitals),
# and the three characters before a word -> whether they end a sentence.
_CAP_CACHE_MAX = 100_000
_CAP_WORDS: dict[str, tuple[str, bool]] = {}
_OPENERS: dict[str, bool] = {}
_CAP_RUNS: dict[tuple[str, bool], tuple[str, ...]] = {}


def _span_names(span: str, opener: bool) -> tuple[str, ...]:
    """Return the names of a run of several capitalised words, in order (repeats kept).

    :param span: words separated by spaces or tabs.
    :param opener: whether the span opens a sentence.
    """
    names: list[str] = []
    run: list[str] = []
    at_start = opener
    for position, raw in enumerate(span.split() + [""]):
        word = raw[:-2] if raw.endswith("'s") else raw.rstrip(".")
        if raw and len(word) >= 2 and word not in _CAP_STOP:
            if not run:
                at_start = opener and position == 0
            run.append(word)
            continue
        if run and not (len(run) == 1 and at_start and not run[0].isupper()):
            names.append(" ".join(w.lower() for w in run))
        run = []
    return tuple(names)


def _after_opener(text: str, start: int) -> bool:
    """Return True if the text before ``start`` ends a sentence (so a capital there proves nothing)."""
    before = text[max(0, start - 3) : start]
    opener = _OPENERS.get(before)
    if opener is None:
        opener = _OPENER_RE.search(before) is not None
        if len(_OPENERS) < _CAP_CACHE_MAX:
            _OPENERS[before] = opener
    return opener


def capitalised_entities(text: str, *, max_entities: int = 40) -> tuple[str, ...]:
    """Return name-like spans (runs of capitalised words, acronyms), lowercased and deduplicated.

    A capitalised word that opens a sentence counts only when it is part of a longer run
    or is an acronym, so "Police said ..." does not make "police" an entity.

    :param text: any text.
    :param max_entities: keep at most this many, in order of first appearance.
    """
    found: dict[str, None] = {}
    word_cache = _CAP_WORDS
    words_get = word_cache.get
    runs_cache = _CAP_RUNS
    runs_get = runs_cache.get
    for match in _CAP_SEQ_RE.finditer(text):
        span = match.group(0)
        start = match.start()
        names: tuple[str, ...]
        if " " not in span and "\t" not in span:
            # Fast path for a single word, the common case: the rules of _span_names for one word.
            info = words_get(span)
            if info is None:
                word = span[:-2] if span.endswith("'s") else span.rstrip(".")
                info = ("", True) if len(word) < 2 or word in _CAP_STOP else (word.lower(), word.isupper())
                if len(word_cache) < _CAP_CACHE_MAX:
                    word_cache[span] = info
            name, upper = info
            if not name or (not upper and _after_opener(text, start)):
                continue
            names = (name,)
        else:
            opener = _after_opener(text, start)
            cached = runs_get((span, opener))
            if cached is None:
                cached = _span_names(span, opener)
                if len(runs_cache) < _CAP_CACHE_MAX:
                    runs_cache[(span, opener)] = cached
            names = cached
        for name in names:
            if name not in found:
                found[name] = None
                if len(found) >= max_entities:
                    return tuple(found)
    return tuple(found)


_GENERIC_NAME_WORDS = frozenset(
    "corp corporation inc ltd llc plc co company group holdings bank university party "
    "president minister prime secretary chief executive officer senator governor judge "
    "general director chairman king queen prince state states united national federal "
    "new north south east west central city county republic".split()
)


def entity_keys(entities: Iterable[str]) -> tuple[str, ...]:
    """Return entities plus the distinctive single words of multi-word ones ("acme corp" -> "acme").

    :param entities: lowercased entity strings.
    """
    out: dict[str, None] = {}
    for entity in entities:
        out[entity] = None
        words = entity.split()
        if len(words) > 1:
            for word in words:
                if len(word) > 2 and word not in _GENERIC_NAME_WORDS and word not in STOP_WORDS:
                    out[word] = None
    return tuple(out)


def iter_pairs(items: Iterable[str]) -> Iterable[str]:
    """Yield adjacent pairs of terms joined by a space (bigrams).

    :param items: terms in text order.
    """
    prev: str | None = None
    for item in items:
        if prev is not None:
            yield prev + " " + item
        prev = item
