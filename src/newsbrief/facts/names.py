"""Proper names found by capitalisation, and the normalisation that merges their aliases.

This is the rule-based layer every extractor can rely on without spaCy: capitalised n-grams
("Helix Quantum", "Department of Financial Services"), split at possessives ("Nairobi's Mkopo
Finance" gives "Nairobi" and "Mkopo Finance") and at adjectives such as "Berlin-based".
``name_key`` maps "Nvidia", "NVIDIA Corp." and "Nvidia's" to the same key.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

__all__ = ["Name", "clean_name", "find_names", "is_shouting", "name_key", "split_names"]

# one token of a name: "Helix", "xAI", "a16z" is handled by split_names only, "AT&T", "O'Neil"
_TOKEN = r"(?:[A-Z][\w&'’.+-]*|[a-z]{1,3}[A-Z][\w&-]*|\d+[A-Z][\w-]*)"
_CONNECT = r"(?:of|for|and|de|du|von|van|der|la|in|on|&)"
_NAME_RX = re.compile(rf"{_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_TOKEN})*")

_SUFFIXES = re.compile(
    r"[,\s]+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|GmbH|AG|SA|S\.A|NV|N\.V|BV|Holdings|Group)\.?$",
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# capitalised words that start sentences or qualify names but are not names themselves
_STOP_FIRST = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Under", "After", "Before",
    "If", "As", "But", "And", "Or", "Its", "It", "This", "That", "These", "Those", "Their", "Some",
    "Last", "Next", "Earlier", "Later", "Meanwhile", "Today", "Tomorrow", "Yesterday", "Shares",
    "Rumors", "Rumours", "Analysts", "Critics", "According", "When", "While", "Since",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "Series", "He", "She", "They",
    "We", "I", "Our", "His", "Her", "Web3", "Fintech", "Healthtech", "Agritech", "Insurtech",
}  # fmt: skip
_ADJ = re.compile(r"^[A-Z][\w]*-(?:based|headquartered|backed|born|focused|owned|listed|state|stage|era|led|era)$")
_ACRONYM_CASE = re.compile(r"^[A-Z0-9&]{2,}$")


@dataclass(frozen=True, slots=True)
class Name:
    """A capitalised name found in text, with its character offsets."""

    text: str
    start: int
    end: int


def _trim(tokens: list[str]) -> tuple[int, int]:
    """Return the ``[lo, hi)`` range of ``tokens`` left once leading stop words and adjectives
    and trailing connectors are dropped (``lo == hi`` when nothing is left)."""
    lo, hi = 0, len(tokens)
    # "Shares of Kestrel": a stop word and the connector after it go
    while lo < hi and (tokens[lo] in _STOP_FIRST or _ADJ.match(tokens[lo]) or tokens[lo].lower() in ("of", "for", "and", "&")):
        lo += 1
    while lo < hi and tokens[hi - 1].lower() in ("of", "for", "and", "de", "in", "on", "&", "du", "la"):
        hi -= 1
    return lo, hi


def find_names(text: str) -> list[Name]:
    """Return the capitalised names in ``text`` in order, split at possessives and adjectives.

    :param text: one sentence or a title.
    """
    out: list[Name] = []
    for m in _NAME_RX.finditer(text):
        pieces: list[list[tuple[str, int]]] = [[]]
        for tm in re.finditer(r"\S+", m.group(0)):
            tok, pos = tm.group(0), m.start() + tm.start()
            if _ADJ.match(tok):
                pieces.append([])
                continue
            if _POSSESSIVE.search(tok) and len(tok) > 2:
                base = _POSSESSIVE.sub("", tok)
                pieces[-1].append((base, pos))
                pieces.append([])
                continue
            pieces[-1].append((tok.rstrip(".,") if tok.endswith(",") else tok, pos))
        for piece in pieces:
            lo, hi = _trim([t for t, _ in piece])
            if lo >= hi:
                continue
            first_pos = piece[lo][1]
            last_tok, last_pos = piece[hi - 1]
            end = last_pos + len(last_tok)
            name = text[first_pos:end].rstrip(".")
            end = first_pos + len(name)
            if name:
                out.append(Name(name, first_pos, end))
    return out


def clean_name(name: str) -> str:
    """Strip a possessive, a leading "the" and a corporate suffix: "NVIDIA Corp.'s" -> "NVIDIA".

    :param name: a surface form.
    """
    n = name.strip().strip(",;:").strip()
    n = _POSSESSIVE.sub("", n)
    n = re.sub(r"^(?:the|The)\s+", "", n)
    prev = None
    while prev != n:
        prev = n
        n = _SUFFIXES.sub("", n).strip()
    if n.endswith(".") and not re.search(r"\b[A-Z]\.$", n):  # "Marlowe." but not "U.S."
        n = n[:-1]
    return n


def name_key(name: str) -> str:
    """Return the key under which aliases of one name are merged (case and suffix folded).

    :param name: a surface form such as "Nvidia's" or "NVIDIA Corp.".
    """
    n = clean_name(name).lower()
    n = re.sub(r"[^\w\s&]", "", n)
    return re.sub(r"\s+", " ", n).strip()


def split_names(text: str) -> tuple[str, ...]:
    """Split an investor list such as "Accel, Index Ventures and others" into names.

    :param text: a list of names joined by commas and "and".
    """
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s+(?=[A-Z])", text)
    out: list[str] = []
    for part in parts:
        p = re.sub(
            r"^(?:the|existing investors?|investors?|new investor|firms?)\s+", "", part.strip(), flags=re.IGNORECASE
        )
        p = p.strip(" .;:")
        if (
            not p
            or p.lower() in ("others", "other investors", "several angels", "angels")
            or not re.search(r"[A-Z0-9]", p[:3])
        ):
            continue
        if p.lower().startswith(("other ", "several ", "a group", "existing")):
            continue
        out.append(clean_name(p))
    return tuple(out)


TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.&-]*")
TITLE_SMALL = frozenset("a an and as at but by for from in into of on or over the to up via vs with".split())


def is_shouting(title: str) -> bool:
    """Return True for an all-capitals title or Title Case (every longer word capitalised).

    :param title: a cleaned title.
    """
    words = TITLE_WORD.findall(title)
    if len(words) < 3:
        return False
    letters = "".join(words)
    if letters.isupper() and len(letters) > 12:
        return True
    long_words = [w for w in words[1:] if len(w) > 3 and w.lower() not in TITLE_SMALL]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)
