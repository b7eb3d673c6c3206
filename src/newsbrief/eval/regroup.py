"""Re-cluster a day kept by ``newsbrief eval realnews --keep`` and score its grouping (``newsbrief eval regroup``).

The kept data folder holds what stage 5 read: the stored originals with their cleaned text,
their duplicates and their vectors. The day is placed into stories again in memory by
:func:`newsbrief.pipeline.place_articles` (the same call, order and parameters as
``newsbrief fetch``), so a change to the clusterer is scored in seconds instead of a whole
ingest. What ingest decided (dedup, cleaning, vectors) stays as it was stored.

With ``errors``, every wrong pair is listed: two articles of one annotated event in different
stories (lost) and two articles of different events in one story (false), with the embedding
cosine of the two articles and their headlines (for reading, never for committing).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.errors import EvalError
from newsbrief.eval.realnews import _gold_id
from newsbrief.eval.scoring import cluster_scores

__all__ = ["format_regroup", "regroup_day"]


def regroup_day(folder: Path, ann: Mapping[str, Any], *, errors: bool = False) -> dict[str, Any]:
    """Place a kept day's stored articles into stories again and score the grouping against ``ann``.

    :param folder: the day's folder under ``--keep`` (holds ``data/newsbrief.db``).
    :param ann: the day's annotation (:func:`newsbrief.eval.realnews.load_annotation`).
    :param errors: also list the false and lost pairs.
    """
    from newsbrief.cluster.embed import load_embedder, vector_cache_key
    from newsbrief.config import load_settings
    from newsbrief.pipeline import place_articles
    from newsbrief.store import open_store

    db = folder / "data" / "newsbrief.db"
    if not db.is_file():
        raise EvalError(f"eval: {folder}: no kept day here (no data/newsbrief.db)")
    day = dt.date.fromisoformat(str(ann["day"]))
    gold = {aid: e["id"] for e in ann["events"] for aid in e["articles"]}
    settings = load_settings(data_dir=folder / "data", env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
    embedder = load_embedder(prefer=settings["cluster.embedder"])
    store = open_store(db)
    try:
        start = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
        stored = store.articles_between(start - dt.timedelta(days=1), start + dt.timedelta(days=2),
                                        originals_only=False)
        originals = [a for a in stored if a.duplicate_of is None]
        vectors = store.embeddings([a.id for a in originals], model=vector_cache_key(embedder))
    finally:
        store.close()
    missing = [a.id for a in originals if a.id not in vectors]
    if missing:
        raise EvalError(f"eval: {folder}: {len(missing)} stored articles have no vector (e.g. {missing[0]})")
    placed = place_articles([], originals, vectors, settings, embedder.name)
    story_of = {doc: sid for sid, docs in placed.stories.items() for doc in docs}
    by_gold = {gid: a for a in stored if (gid := _gold_id(a.url)) in gold}
    pred = {}
    for gid in gold:
        art = by_gold.get(gid)
        label = story_of.get(art.duplicate_of or art.id) if art is not None else None
        pred[gid] = label or f"alone:{gid}"
    out: dict[str, Any] = {"day": ann["day"], "articles": len(gold), "stored": len(by_gold),
                           "grouping": cluster_scores(gold, pred)}
    wrong_pairs = [(a, b, gold[a] == gold[b]) for a, b in combinations(sorted(gold), 2)
                   if (gold[a] == gold[b]) != (pred[a] == pred[b])]
    out["false_pairs"] = sum(not same for _, _, same in wrong_pairs)
    out["lost_pairs"] = sum(same for _, _, same in wrong_pairs)
    if errors:
        def vec(gid: str) -> np.ndarray | None:
            art = by_gold.get(gid)
            v = vectors.get(art.duplicate_of or art.id) if art is not None else None
            return None if v is None else v / (float(np.linalg.norm(v)) or 1.0)

        def cos(a: str, b: str) -> float | None:
            va, vb = vec(a), vec(b)
            return None if va is None or vb is None else round(float(va @ vb), 3)

        def title(gid: str) -> str:
            art = by_gold.get(gid)
            return art.title if art is not None else "(not stored)"

        wrong: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a, b, same_gold in wrong_pairs:
            wrong["lost" if same_gold else "false"].append(
                {"events": [gold[a], gold[b]], "stories": [pred[a], pred[b]], "cosine": cos(a, b),
                 "articles": [a, b], "titles": [title(a), title(b)]})
        out["errors"] = {"false": wrong["false"], "lost": wrong["lost"]}
    return out


def format_regroup(results: Sequence[Mapping[str, Any]]) -> str:
    """Return a plain-text table of :func:`regroup_day` results (and their wrong pairs, when listed).

    :param results: one result per day.
    """
    lines = [f"{'day':<11} {'arts':>5} {'pairP':>6} {'pairR':>6} {'pairF1':>6} {'b3F1':>6} {'false':>6} {'lost':>5}"]
    for r in results:
        g = r["grouping"]
        lines.append(f"{r['day']:<11} {r['articles']:>5} {g['pairwise_precision']:>6.3f} {g['pairwise_recall']:>6.3f} "
                     f"{g['pairwise_f1']:>6.3f} {g['bcubed_f1']:>6.3f} {r['false_pairs']:>6} {r['lost_pairs']:>5}")
    for r in results:
        for kind in ("false", "lost"):
            for e in r.get("errors", {}).get(kind, []):
                lines.append(f"{r['day']} {kind:<5} {'/'.join(e['events'])} cos {e['cosine']}  "
                             f"{e['titles'][0][:70]!r} | {e['titles'][1][:70]!r}")
    return "\n".join(lines)
