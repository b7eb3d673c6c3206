"""Retellings and dangling references in stored digests, against a hand annotation.

The annotation (``bench/summaries/sample_digest_annotations.json``) lists, per day, sentence
pairs of one story section that tell the same thing twice and sentences whose subject (a
pronoun, "the company") points at a name the sentence before them does not give. A digest is
scored three ways, reported separately:

* annotated retellings still in the digest: both sentences of a pair in one item;
* annotated dangling references still in the digest: the sentence unrepaired, first in its item
  or after a sentence that does not name the referent;
* a check that knows no rule of the summarizer: sentence pairs of one item whose MiniLM cosine is
  at least ``threshold``, and sentences that open on a pronoun or a definite description
  ("The firm ...") whose head word the sentence before them does not contain.

A sentence repaired by the summarizer ("[Brightloom] is recalling ...") matches the annotated
sentence it came from ("It is recalling ...") and is no longer dangling.

Annotations of real news hold no text: a sentence is given as ``{"index": i, "sha1": ...}`` (its
place in the annotated digest's item and the SHA-1 of its :func:`fingerprint` form), a dangling
one adds ``tail_sha1`` (the words after its subject, so a repaired form still matches) and
``referent_sha1`` (one lower-cased word of the referent, looked for among the words of the
sentence before it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from newsbrief.errors import EvalError
from newsbrief.summarize.faithfulness import substitution_pattern
from newsbrief.summarize.sentences import normalise_for_match

__all__ = ["digest_items", "evaluate", "fingerprint", "format_report", "score_digest", "tail_fingerprint",
           "word_fingerprints"]

_OPENER_RE = re.compile(
    r"^(?:(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hese|[Tt]hose)\b(?![\w-]*\s+[A-Z])|"
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b(?=[\s,]+(?:[a-z]|'s)))"
)
# "The team behind Wayfarer", "The maintainers of FerrousDB": the description names its referent
_NAMED_AFTER_RE = re.compile(r"^\S+(?:\s+\S+){0,3}\s+(?:of|behind|from|at|for|in|with)\s+[A-Z]")


def digest_items(data: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """Return (section kind, headline, sentences) for every item of a stored digest.

    :param data: a digest as :func:`newsbrief.render.digest_to_dict` stores it.
    """
    out = []
    for sec in data.get("sections", []):
        for item in list(sec.get("items", [])) + list(sec.get("more", [])):
            sents = [s["text"] for para in item.get("paragraphs", []) for s in para]
            out.append((str(sec.get("kind", "")), str(item.get("headline", "")), sents))
    return out


def fingerprint(text: str) -> str:
    """Return the SHA-1 of a sentence's :func:`normalise_for_match` form (without a final full stop)."""
    return hashlib.sha1(normalise_for_match(text).rstrip(".").encode("utf-8")).hexdigest()


def tail_fingerprint(text: str) -> str | None:
    """Return the fingerprint of the words after a sentence's referring subject or marked name.

    "On Saturday it gave ..." and "On Saturday [Orla] gave ..." share it; ``None`` when the
    sentence opens on neither.
    """
    from newsbrief.summarize.references import referring_subject

    if "[" in text and "]" in text:
        return fingerprint(text.split("]", 1)[1])
    ref = referring_subject(text.lstrip("\"'"))
    if ref is not None:
        return fingerprint(text.lstrip("\"'")[ref.end:])
    match = _OPENER_RE.match(text.lstrip("\"'"))
    return fingerprint(text.lstrip("\"'")[match.end():]) if match else None


def word_fingerprints(text: str) -> set[str]:
    """Return the fingerprints of a sentence's lower-cased words (a referent is looked up among them)."""
    return {hashlib.sha1(w.encode("utf-8")).hexdigest() for w in re.findall(r"[\w'-]+", text.lower())}


def _same(digest_text: str, annotated: str | dict[str, Any]) -> bool:
    """Return True if a digest sentence is the annotated one, maybe with a marked name substitution."""
    if isinstance(annotated, dict):
        return fingerprint(digest_text) == annotated["sha1"] or (
            "tail_sha1" in annotated and "[" in digest_text and tail_fingerprint(digest_text) == annotated["tail_sha1"])
    if normalise_for_match(digest_text) == normalise_for_match(annotated):
        return True
    if "[" not in digest_text:
        return False
    return re.fullmatch(substitution_pattern(digest_text), normalise_for_match(annotated).rstrip(".")) is not None


def _find(items: list[tuple[str, str, list[str]]], text: str | dict[str, Any]) -> tuple[int, int] | None:
    for n, (_, _, sents) in enumerate(items):
        for k, s in enumerate(sents):
            if _same(s, text):
                return n, k
    return None


def _names(text: str, ref: dict[str, Any]) -> bool:
    if "referent_sha1" in ref:
        return ref["referent_sha1"] in word_fingerprints(text)
    return normalise_for_match(ref["referent"].split()[0]) in normalise_for_match(text)


def _label(entry: dict[str, Any]) -> str:
    return str(entry.get("story") or entry.get("event") or "")


def _shown(sentence: str | dict[str, Any]) -> str:
    return sentence if isinstance(sentence, str) else f"item {sentence.get('item', '?')} sentence {sentence['index']}"


def _opens_on_reference(sent: str, previous: str | None) -> bool:
    """Return True if a sentence opens on a pronoun or definite description its predecessor does not support."""
    body = sent.lstrip("\"'")
    if body.startswith("["):
        return False  # the summarizer put the name in
    match = _OPENER_RE.match(body)
    if not match:
        return False
    head = match.group(1)
    if head is not None and _NAMED_AFTER_RE.match(body):
        return False
    if previous is None:
        return True
    if head is None:  # a pronoun: the sentence before must name someone
        return not re.search(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+", previous)
    return head.lower() not in previous.lower()


def score_digest(data: dict[str, Any], annotation: dict[str, Any], *, embedder: Any = None,
                 threshold: float = 0.8) -> dict[str, Any]:
    """Score one stored digest against one day's annotation.

    :param data: the stored digest.
    :param annotation: ``{"retellings": [...], "dangling": [...]}`` for that day.
    :param embedder: an embedder for the cosine check (``None`` skips it).
    :param threshold: cosine at or above which two sentences of one item count as a retelling.
    """
    items = digest_items(data)
    retold = []
    for pair in annotation.get("retellings", []):
        a, b = _find(items, pair["first"]), _find(items, pair["second"])
        if a and b and a[0] == b[0]:
            retold.append({"story": _label(pair), "first": _shown(pair["first"]), "second": _shown(pair["second"])})
    dangling = []
    for ref in annotation.get("dangling", []):
        target = ref["sentence"] if "sentence" in ref else ref
        at = _find(items, target)
        if at is None:
            continue
        sents = items[at[0]][2]
        text = sents[at[1]]
        repaired = "[" in text and not (isinstance(target, str)
                                        and normalise_for_match(text) == normalise_for_match(target))
        if repaired and _names(text[text.index("["):text.index("]") + 1], ref):
            continue  # repaired with the name (a wrong name leaves it dangling)
        if at[1] > 0 and _names(sents[at[1] - 1], ref):
            continue
        dangling.append({"story": _label(ref), "sentence": _shown(target)})
    similar = []
    openers = []
    for kind, headline, sents in items:
        for k, s in enumerate(sents):
            if _opens_on_reference(s, sents[k - 1] if k else None):
                openers.append({"section": kind, "headline": headline, "sentence": s})
        if embedder is None or len(sents) < 2:
            continue
        vecs = embedder.encode(sents)
        sims = vecs @ vecs.T
        for i in range(len(sents)):
            for j in range(i + 1, len(sents)):
                if float(sims[i, j]) >= threshold:
                    similar.append({"headline": headline, "first": sents[i], "second": sents[j],
                                    "cosine": round(float(sims[i, j]), 3)})
    return {
        "annotated_retellings": len(annotation.get("retellings", [])),
        "retellings": retold,
        "annotated_dangling": len(annotation.get("dangling", [])),
        "dangling": dangling,
        "dangling_in_stories": [d for d in dangling if not _in_ahead(d, annotation)],
        "cosine_pairs": similar if embedder is not None else None,
        "reference_openers": openers,
        "sentences": sum(len(s) for _, _, s in items),
    }


def _in_ahead(found: dict[str, Any], annotation: dict[str, Any]) -> bool:
    return any(_shown(r.get("sentence", r)) == found["sentence"] and r.get("section") == "ahead"
               for r in annotation.get("dangling", []))


def evaluate(db_path: Path, annotations_path: Path, *, days: tuple[str, ...] = (), threshold: float = 0.8,
             embedder_name: str = "auto") -> dict[str, Any]:
    """Score the digests stored in a database against the annotated days.

    :param db_path: a newsbrief database (``newsbrief demo --dir D`` writes ``D/newsbrief.db``).
    :param annotations_path: the annotation file.
    :param days: only these days (default: every annotated day).
    :param threshold: cosine threshold of the model check.
    :param embedder_name: ``auto``, ``minilm`` or ``lexical``; the check is meant for MiniLM.
    """
    from newsbrief.cluster.embed import load_embedder
    from newsbrief.store import open_store

    try:
        ann = json.loads(annotations_path.read_text(encoding="utf-8"))["days"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"eval retellings: cannot read annotations {annotations_path}: {exc}") from exc
    if not db_path.is_file():
        raise EvalError(f"eval retellings: no database at {db_path}")
    embedder = load_embedder(prefer=embedder_name)
    out: dict[str, Any] = {"db": str(db_path), "annotations": str(annotations_path), "threshold": threshold,
                           "embedder": embedder.name, "days": {}}
    with open_store(db_path) as store:
        for day in days or tuple(ann):
            if day not in ann:
                raise EvalError(f"eval retellings: {day} is not an annotated day in {annotations_path}")
            data = store.digest(dt.date.fromisoformat(day))
            if data is None:
                raise EvalError(f"eval retellings: {db_path} has no digest for {day}")
            out["days"][day] = score_digest(data, ann[day], embedder=embedder, threshold=threshold)
    return out


def format_report(result: dict[str, Any]) -> str:
    """Return a plain-text report of :func:`evaluate`."""
    lines = [f"retellings and dangling references: {result['db']} against {result['annotations']}",
             f"{'day':<12}{'retold':>10}{'dangling':>11}{'(stories)':>11}{'cos>=' + str(result['threshold']):>10}"
             f"{'openers':>9}{'sentences':>11}"]
    for day, r in result["days"].items():
        cos = "-" if r["cosine_pairs"] is None else str(len(r["cosine_pairs"]))
        lines.append(f"{day:<12}{len(r['retellings']):>5}/{r['annotated_retellings']:<4}"
                     f"{len(r['dangling']):>6}/{r['annotated_dangling']:<4}{len(r['dangling_in_stories']):>11}"
                     f"{cos:>10}{len(r['reference_openers']):>9}{r['sentences']:>11}")
    for day, r in result["days"].items():
        for x in r["retellings"]:
            lines.append(f"  {day} retold [{x['story']}]: {x['first'][:70]} | {x['second'][:70]}")
        for x in r["dangling"]:
            lines.append(f"  {day} dangling [{x['story']}]: {x['sentence'][:100]}")
        for x in r["cosine_pairs"] or []:
            lines.append(f"  {day} cosine {x['cosine']}: {x['first'][:70]} | {x['second'][:70]}")
        for x in r["reference_openers"]:
            lines.append(f"  {day} opener ({x['section']}): {x['sentence'][:100]}")
    return "\n".join(lines)
