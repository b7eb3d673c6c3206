"""Storyline benchmark: events from the stream clusterer, merged into storylines, scored against gold.

The stream (``{"id", "title", "text", "date", "cluster"}`` per line, as for
:mod:`newsbrief.eval.clustering`) is embedded and clustered into events at the digest's
``event`` granularity; the events are then merged by :func:`newsbrief.cluster.storylines.storylines`
over their member articles, as the pipeline does. Both levels are scored against the gold
labels (on the DUC stream the TDT topics, which are storylines). With ``baselines`` the same
run also scores the benchmark's TF-IDF single-pass baseline (:mod:`newsbrief.eval.tfidf_baseline`)
and scikit-learn's HDBSCAN over the same article vectors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.cluster.stream import ClusterParams
from newsbrief.cluster.embed import load_embedder
from newsbrief.errors import ClusterError, EvalError
from newsbrief.eval.clustering import _date, cluster_rows, embed_rows, load_stream, run_hdbscan
from newsbrief.eval.scoring import cluster_scores
from newsbrief.eval.tfidf_baseline import single_pass
from newsbrief.cluster.storylines import StorylineParams, event_profile, storylines

__all__ = ["evaluate_storylines", "format_storylines", "grid", "storyline_labels"]

_NO_DATE = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
BASELINE_THRESHOLD = 0.2  # the benchmark README's best pairwise F1 on the whole DUC stream


def storyline_labels(rows: Sequence[dict[str, Any]], vectors: np.ndarray | None, events: dict[str, str],
                     params: StorylineParams) -> dict[str, str]:
    """Return doc id -> storyline id for events (doc id -> event id) merged into storylines.

    :param rows: the stream rows.
    :param vectors: one vector per row, or None.
    :param events: each doc's event.
    :param params: the storyline bars.
    """
    members: dict[str, list[tuple[str, str, dt.datetime, np.ndarray | None]]] = {}
    for i, row in enumerate(rows):
        doc = str(row["id"])
        members.setdefault(events[doc], []).append(
            (str(row.get("title") or ""), str(row.get("text") or ""), _date(row.get("date")) or _NO_DATE,
             None if vectors is None else vectors[i]))
    profiles = [p for eid, arts in members.items() if (p := event_profile(eid, arts)) is not None]
    line_of = {e: line.id for line in storylines(profiles, params) for e in line.event_ids}
    return {doc: line_of[event] for doc, event in events.items()}


def evaluate_storylines(data_path: Path, *, split: str = "all", params: Sequence[StorylineParams] = (StorylineParams(),),
                        embedder: str = "auto", baselines: bool = False,
                        baseline_threshold: float = BASELINE_THRESHOLD) -> dict[str, Any]:
    """Score events and, for each of ``params``, the storylines made of them.

    :param data_path: the labelled JSONL stream.
    :param split: ``"all"``, ``"even"`` (tuning) or ``"odd"`` (held-out).
    :param params: storyline bars to score (several for a sweep; the events are made once).
    :param embedder: ``"auto"`` or ``"minilm"``.
    :param baselines: also score the TF-IDF single-pass baseline and HDBSCAN on the same rows.
    :param baseline_threshold: the baseline's cosine bar.
    """
    rows = load_stream(data_path, split=split)
    try:
        model = load_embedder(prefer=embedder)
        cluster_params = ClusterParams.for_embedder(model.name, granularity="event")
    except ClusterError as exc:
        raise EvalError(f"eval: {exc}") from exc
    vectors = embed_rows(rows, model)
    events = cluster_rows(rows, vectors, params=cluster_params)
    gold = {str(r["id"]): str(r["cluster"]) for r in rows}
    out: dict[str, Any] = {"data": str(data_path), "split": split, "embedder": model.name,
                           "events": dict(cluster_scores(gold, events)), "storylines": []}
    for p in params:
        t0 = time.perf_counter()
        lines = storyline_labels(rows, vectors, events, p)
        seconds = time.perf_counter() - t0
        out["storylines"].append(dataclasses.asdict(p) | {"seconds": round(seconds, 3), **cluster_scores(gold, lines)})
    if baselines:
        texts = [f"{r.get('title') or ''} {r.get('text') or ''}" for r in rows]
        labels = single_pass(texts, baseline_threshold)
        hdbscan, _ = run_hdbscan(vectors)
        out["baselines"] = {
            f"tfidf single-pass t={baseline_threshold:.2f}": cluster_scores(gold, {str(r["id"]): labels[i] for i, r in enumerate(rows)}),
            "hdbscan min_cluster_size=3": cluster_scores(gold, {str(r["id"]): hdbscan[i] for i, r in enumerate(rows)})}
    return out


def grid(values: Mapping[str, Sequence[Any]]) -> list[StorylineParams]:
    """Every combination of the given settings; a setting not given keeps its default.

    :param values: :class:`StorylineParams` field -> the values to try.
    """
    names = [f.name for f in dataclasses.fields(StorylineParams) if values.get(f.name)]
    return [StorylineParams(**dict(zip(names, combo, strict=True)))
            for combo in itertools.product(*(values[n] for n in names))]


def format_storylines(result: dict[str, Any]) -> str:
    """Return :func:`evaluate_storylines`'s result as text: events first, then each storyline setting."""

    def scores(r: dict[str, Any]) -> str:
        return (f"clusters={r['n_pred_clusters']:<4} pairwise P={r['pairwise_precision']:.4f} R={r['pairwise_recall']:.4f}"
                f" F1={r['pairwise_f1']:.4f}  B-cubed P={r['bcubed_precision']:.4f} R={r['bcubed_recall']:.4f}"
                f" F1={r['bcubed_f1']:.4f}  NMI={r['nmi']:.4f}")

    ev = result["events"]
    lines = [f"data={result['data']} split={result['split']} embedder={result['embedder']}"
             f" docs={ev['n_docs']} gold_clusters={ev.get('n_gold_clusters', '?')}",
             f"events (cluster granularity=event)              {scores(ev)}"]
    for r in result["storylines"]:
        lines.append(f"storylines t={r['threshold']:.2f} w={r['vector_weight']:.2f}/{r['text_weight']:.2f}/{r['entity_weight']:.2f}"
                     f" decay={r['decay_days']:g}d window={r['window_days']}d agree>={r['min_agree']}"
                     f" main={r.get('main_actors', 0)}  {scores(r)}")
    for name, r in result.get("baselines", {}).items():
        lines.append(f"baseline {name:<38}  {scores(r)}")
    return "\n".join(lines)
