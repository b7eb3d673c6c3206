"""Sentence case for headlines that shout: "Brightloom Recalls 310,000 Thermostats" -> "Brightloom recalls ...".

A word keeps its capital only if it is a proper name: a word the story's articles write
capitalised inside sentences and never in lower case, or a word of a name the bundled spaCy
model finds in the articles' lead sentences (people, organisations, places, products, events).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["is_shouting", "proper_words", "sentence_case"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019.&-]*")
_SMALL = frozenset("a an and as at but by for from in into of on or over the to up via vs with".split())
_ENTITY_LABELS = frozenset("PERSON ORG GPE NORP LOC PRODUCT EVENT FAC WORK_OF_ART LAW".split())
# the first letter of a sentence (after an opening quote or bracket) says nothing about a word
_MID_SENTENCE_RE = re.compile(r"(?<![.!?:\"'\u201c(\[])\s+([A-Za-z][A-Za-z'\u2019&-]*)")


def _key(word: str) -> str:
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")


def is_shouting(title: str) -> bool:
    """Return True for an all-capitals title or Title Case (every longer word capitalised).

    :param title: a cleaned title.
    """
    words = _WORD_RE.findall(title)
    if len(words) < 3:
        return False
    letters = "".join(words)
    if letters.isupper() and len(letters) > 12:
        return True
    long_words = [w for w in words[1:] if len(w) > 3 and w.lower() not in _SMALL]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def proper_words(texts: Iterable[str], *, leads: Sequence[str] = (), nlp: object | None = None) -> set[str]:
    """Return the words that are proper names in these texts: lower-cased, and acronyms as written ("EU").

    :param texts: the story's article texts.
    :param leads: sentences to run the spaCy model on (its entities' words are names).
    :param nlp: a spaCy pipeline (``None`` = the capitalisation evidence only).
    """
    upper: set[str] = set()
    lower: set[str] = set()
    acronyms: set[str] = set()
    for text in texts:
        for m in _MID_SENTENCE_RE.finditer(text):
            word = m.group(1)
            (upper if word[0].isupper() else lower).add(_key(word))
            if len(word) > 1 and word.isupper():
                acronyms.add(word.rstrip("."))
    out = (upper - lower) | acronyms
    if nlp is not None and leads:
        for doc in nlp.pipe(list(leads)):  # type: ignore[attr-defined]
            for ent in doc.ents:
                if ent.label_ in _ENTITY_LABELS:
                    out.update(_key(w) for w in _WORD_RE.findall(ent.text) if w[0].isupper())
    return out


def sentence_case(title: str, proper: set[str]) -> str:
    """Return the title in sentence case, keeping the capitals of proper names.

    An all-capitals word stays so when the title is otherwise mixed case ("EU", "AI") or the
    articles write it so; the first word keeps its capital.

    :param title: a shouting title.
    :param proper: :func:`proper_words` of the story (lower-cased).
    """
    all_caps = "".join(_WORD_RE.findall(title)).isupper()
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        was_first, first = first, False
        if was_first:
            return word if not all_caps else word[0] + word[1:].lower()
        key = _key(word)
        if word.isupper() and len(word) <= 5 and (not all_caps or word.rstrip('.') in proper):
            return word
        if key in proper:
            return word if not all_caps else word[0] + word[1:].lower()
        return word.lower()

    out = _WORD_RE.sub(fix, title)
    # after a colon a new clause begins
    return re.sub(r"(:\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
