"""Sentence case for headlines that shout: "Corbel Recalls 220,000 Heaters" -> "Corbel recalls 220,000 heaters".

A word of a shouting title is lower-cased only on evidence: it is a function word, or the
story's articles write it (or another form of it: "recalling" for "Recalls") in lower case
inside sentences, and it is not part of a name the bundled spaCy model finds in the articles'
leads. A word the articles never write in lower case keeps its capital, so a name the text
does not repeat ("Kulhawik") is never lower-cased.

A Title Case title is left as it is when that would keep the capital of a common word the
articles write neither way ("Harbour Firms Are Failing While Their Bosses Take More Pay" would
read "Harbour firms are Failing while their bosses Take more pay"): a half-lowered title reads
worse than the outlet's own style. A common word is a whole word of the bundled MiniLM
tokenizer's vocabulary; a word written with a capital inside the articles' sentences is a name.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.facts.names import TITLE_SMALL as _SMALL, TITLE_WORD as _WORD_RE, is_shouting

__all__ = ["Casing", "add_names", "common_words", "is_shouting", "names_matter", "story_casing", "sentence_case"]

_FUNCTION = _SMALL | frozenset("""is are was were be been has have had will would can could may might must do does did
    not no its it his her their our your this that these those after before amid about against between during
    under until while when where who what why how than then there here all any new more most""".split())
NAME_LABELS = frozenset(  # the recogniser's labels of names ("Number two" is a CARDINAL)
    "PERSON ORG GPE NORP LOC PRODUCT EVENT FAC WORK_OF_ART LAW".split())
# a word not at the start of a sentence (the first letter of a sentence says nothing about a word)
_MID_SENTENCE_RE = re.compile(r"(?<![.!?:\"'\u201c(\[])\s+([A-Za-z][A-Za-z'\u2019&-]*)")
_VOCABULARY_PATH = Path(__file__).parents[1] / "_data" / "minilm_tokenizer.json"


@functools.cache
def common_words() -> frozenset[str]:
    """The whole alphabetic words of the bundled (uncased) MiniLM vocabulary: common English words and names."""
    vocab = json.loads(_VOCABULARY_PATH.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and len(w) > 1)


def _key(word: str) -> str:
    from newsbrief.summarize.extractive import _stem

    return _stem(word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s"))


@dataclass(slots=True)
class Casing:
    """What a story's articles say about how words are written: in lower case, or as names."""

    lower: set[str] = field(default_factory=set)  # stems written in lower case mid-sentence
    names: set[str] = field(default_factory=set)  # stems of words in named entities
    acronyms: set[str] = field(default_factory=set)  # all-capitals words as written ("EU")
    capitals: set[str] = field(default_factory=set)  # stems written with a capital mid-sentence (names)


def story_casing(texts: Iterable[str]) -> Casing:
    """Collect the capitalisation evidence of a story's articles (names the recogniser finds are added by :func:`add_names`).

    :param texts: the story's article texts.
    """
    out = Casing()
    for text in texts:
        for line in text.split("\n"):
            if is_shouting(line):
                continue  # a heading or the title again: its capitals say nothing of names
            for m in _MID_SENTENCE_RE.finditer(line):
                word = m.group(1)
                if word[0].islower():
                    out.lower.add(_key(word))
                elif len(word) > 1 and word.isupper():
                    out.acronyms.add(word.rstrip("."))
                else:
                    out.capitals.add(_key(word))
    return out


def add_names(casing: Casing, found: Iterable[Iterable[tuple[str, str]] | None]) -> None:
    """Add the words of named entities found in a story's leads to its casing.

    :param casing: the story's casing evidence.
    :param found: each lead's entities as (text, label) (None: not read).
    """
    for entities in found:
        for text, label in entities or ():
            if label in NAME_LABELS:
                casing.names.update(_key(w) for w in _WORD_RE.findall(text) if w[0].isupper())


def names_matter(title: str, casing: Casing) -> bool:
    """Return True if :func:`sentence_case` of a title reads ``casing.names``: a word after the first, no
    acronym it keeps, no function word, that the articles write in lower case. Otherwise the names
    of the story change nothing, and the entity model need not run.

    :param title: a shouting title.
    :param casing: the story's casing evidence (its names are not read).
    """
    all_caps = "".join(_WORD_RE.findall(title)).isupper()
    for word in _WORD_RE.findall(title)[1:]:
        if word.isupper() and len(word) <= 5 and (not all_caps or word.rstrip(".") in casing.acronyms):
            continue
        if word.lower() not in _FUNCTION and _key(word) in casing.lower:
            return True
    return False


def _half_lowered(title: str, casing: Casing) -> bool:
    """Return True if sentence case would keep the capital of a common word after the first that the
    articles write neither in lower case nor as a name ("Failing", "Take")."""
    for word in _WORD_RE.findall(title)[1:]:
        key = _key(word)
        if (word[0].isupper() and not word.isupper() and word.lower() not in _FUNCTION
                and key not in casing.lower and key not in casing.capitals
                and word.lower().rstrip(".") in common_words()):
            return True
    return False


def sentence_case(title: str, casing: Casing) -> str:
    """Return a shouting title in sentence case, keeping the capitals of names and acronyms.

    :param title: a shouting title.
    :param casing: :func:`story_casing` of the story.
    """
    all_caps = "".join(_WORD_RE.findall(title)).isupper()
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        was_first, first = first, False
        if word.isupper() and len(word) <= 5 and (not all_caps or word.rstrip(".") in casing.acronyms):
            return word
        key = _key(word)
        common = word.lower() in _FUNCTION or (key in casing.lower and key not in casing.names)
        if was_first or not common:
            return word[0] + word[1:].lower() if all_caps else word
        return word.lower()

    if not all_caps and _half_lowered(title, casing):
        return title
    out = _WORD_RE.sub(fix, title)
    # after a colon a new clause begins
    return re.sub(r"(:\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
