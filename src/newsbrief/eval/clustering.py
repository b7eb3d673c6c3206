"""Story-clustering benchmark: run the real embedder and StreamClusterer over a labelled stream.

Input is JSON Lines, one article per line, ``{"id", "title", "text", "date", "cluster"}``;
line order is the stream order (the shared ``bench/clustering`` files). Articles are embedded
with :func:`newsbrief.cluster.embed.article_text` (title + lead), fed to :class:`StreamClusterer` in order, with
:meth:`StreamClusterer.repair` after every ``repair_every`` articles (as the pipeline repairs
after each run), and scored with :mod:`newsbrief.eval.scoring`. Optionally HDBSCAN
(scikit-learn) clusters the same vectors in batch, for a side-by-side comparison.

``split`` selects half of the stories for tuning and the other half for reporting: stories
are sorted by label, the even positions (0, 2, ...) form ``"even"`` and the rest ``"odd"``.

:func:`synthetic_stream` and :func:`memory_benchmark` measure memory and speed with a large
invented stream (random vectors around story centres plus invented words).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import random
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.cluster.stream import ClusterDoc, ClusterParams, StreamClusterer
from newsbrief.cluster.embed import LEAD_CHARS, Embedder, article_text, load_embedder
from newsbrief.errors import ClusterError, EvalError
from newsbrief.eval.jsonl import read_jsonl
from newsbrief.eval.scoring import cluster_scores

LOGGER = logging.getLogger(__name__)

__all__ = [
    "cluster_rows",
    "embed_rows",
    "evaluate",
    "format_report",
    "embed_benchmark",
    "load_stream",
    "memory_benchmark",
    "run_hdbscan",
    "synthetic_stream",
]

SPLITS = ("all", "even", "odd")


def load_stream(data_path: Path, *, split: str = "all") -> list[dict[str, Any]]:
    """Read a labelled JSONL stream, keeping line order, optionally one half of its stories.

    :param data_path: the JSONL file.
    :param split: ``"all"``, ``"even"`` or ``"odd"`` (stories at even/odd positions in label order).
    """
    if split not in SPLITS:
        raise EvalError(f"eval: split must be one of {SPLITS}, got {split!r}")
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, row in read_jsonl(data_path, required=("id", "cluster")):
        key = str(row["id"])
        if key in seen:
            raise EvalError(f"eval: {data_path}:{n}: duplicate id {key}")
        seen.add(key)
        rows.append(row)
    if not rows:
        raise EvalError(f"eval: {data_path} holds no articles")
    if split != "all":
        labels = sorted({str(r["cluster"]) for r in rows})
        keep = set(labels[0 if split == "even" else 1 :: 2])
        rows = [r for r in rows if str(r["cluster"]) in keep]
    return rows


def _date(value: Any) -> dt.datetime | None:
    """Parse an ISO date or datetime into an aware UTC datetime (None when absent)."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise EvalError(f"eval: bad date {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def embed_rows(rows: Sequence[dict[str, Any]], embedder: Embedder, *, max_chars: int = LEAD_CHARS) -> np.ndarray:
    """Embed each row's title and lead with an embedder.

    :param rows: rows from :func:`load_stream`.
    :param embedder: the embedder.
    :param max_chars: passed to :func:`article_text`.
    """
    texts = [article_text(str(r.get("title") or ""), str(r.get("text") or ""), max_chars=max_chars) for r in rows]
    return embedder.encode(texts)


def cluster_rows(
    rows: Sequence[dict[str, Any]],
    vectors: np.ndarray | None,
    *,
    params: ClusterParams | None = None,
    repair_every: int = 100,
) -> dict[str, str]:
    """Run the StreamClusterer over rows in order and return doc id -> story id.

    :param rows: rows from :func:`load_stream`, in stream order.
    :param vectors: one vector per row, or None for lexical and entity signals only.
    :param params: clusterer parameters.
    :param repair_every: call split_drifted() and repair() after this many articles (0: only at the end).
    """
    clusterer = StreamClusterer(params=params)
    for i, row in enumerate(rows):
        doc = ClusterDoc(
            id=str(row["id"]),
            title=str(row.get("title") or ""),
            text=str(row.get("text") or ""),
            published=_date(row.get("date")),
            vector=None if vectors is None else vectors[i],
            entities=tuple(row.get("entities") or ()),
        )
        clusterer.add(doc)
        if repair_every and (i + 1) % repair_every == 0:
            clusterer.split_drifted()
            clusterer.repair()
    clusterer.split_drifted()
    clusterer.repair()
    return {doc: sid for sid, docs in clusterer.stories().items() for doc in docs}


def run_hdbscan(vectors: np.ndarray, *, min_cluster_size: int = 3) -> tuple[list[int], float]:
    """Cluster vectors in one batch with scikit-learn's HDBSCAN; noise points become singletons.

    :param vectors: unit vectors, one per article.
    :param min_cluster_size: HDBSCAN's smallest cluster.
    """
    from sklearn.cluster import HDBSCAN  # type: ignore[import-untyped,unused-ignore]

    started = time.perf_counter()
    labels = HDBSCAN(min_cluster_size=min_cluster_size, metric="euclidean", copy=True).fit_predict(vectors)
    out: list[int] = []
    next_label = int(labels.max()) + 1 if len(labels) else 0
    for label in labels:
        if label < 0:
            out.append(next_label)
            next_label += 1
        else:
            out.append(int(label))
    return out, time.perf_counter() - started


def evaluate(
    data_path: Path,
    *,
    embedder: str = "auto",
    predictions_out: Path | None = None,
    params: ClusterParams | None = None,
    compare_hdbscan: bool = False,
    split: str = "all",
    repair_every: int = 100,
    max_chars: int = LEAD_CHARS,
    relabel: str | None = None,
    granularity: str = "storyline",
) -> dict[str, Any]:
    """Embed and cluster a labelled stream in order and score the result.

    :param data_path: JSONL with ``id, title, text, date, cluster`` per line.
    :param embedder: ``"auto"``, ``"minilm"``, ``"lexical"`` or ``"none"`` (no vectors).
    :param predictions_out: write ``{"id", "cluster"}`` lines here when given.
    :param params: clusterer parameters (``ClusterParams.for_embedder`` of the embedder when None).
    :param compare_hdbscan: also cluster the same vectors with HDBSCAN and score it.
    :param split: ``"all"``, or ``"even"``/``"odd"`` for one half of the stories.
    :param repair_every: articles between repair() calls.
    :param max_chars: characters of title + lead to embed.
    :param relabel: also score against gold labels cut after this separator (``":"`` turns
        ``"duc2003:D30048"`` into the TDT topic ``"D30048"``), reported under ``"relabelled"``.
    :param granularity: ``"storyline"`` (the benchmark protocol's tuned defaults) or ``"event"``
        (the digest's default); ignored when ``params`` is given.
    """
    started = time.perf_counter()
    rows = load_stream(data_path, split=split)
    vectors: np.ndarray | None = None
    embedder_name = "none"
    embed_seconds = 0.0
    if embedder != "none":
        try:
            model = load_embedder(prefer=embedder)
        except ClusterError as exc:
            raise EvalError(f"eval: {exc}") from exc
        embedder_name = model.name
        t0 = time.perf_counter()
        vectors = embed_rows(rows, model, max_chars=max_chars)
        embed_seconds = time.perf_counter() - t0
    if params is None:
        try:
            params = ClusterParams.for_embedder(embedder_name, granularity=granularity)
        except ClusterError as exc:
            raise EvalError(f"eval: {exc}") from exc
    t0 = time.perf_counter()
    pred = cluster_rows(rows, vectors, params=params, repair_every=repair_every)
    cluster_seconds = time.perf_counter() - t0
    gold = {str(r["id"]): str(r["cluster"]) for r in rows}
    result: dict[str, Any] = dict(cluster_scores(gold, pred))
    result.update(
        {
            "data": str(data_path),
            "split": split,
            "embedder": embedder_name,
            "seconds": round(time.perf_counter() - started, 3),
            "embed_seconds": round(embed_seconds, 3),
            "cluster_seconds": round(cluster_seconds, 3),
            "docs_per_second": round(len(rows) / cluster_seconds, 1) if cluster_seconds else 0.0,
            "embed_docs_per_second": round(len(rows) / embed_seconds, 1) if embed_seconds else 0.0,
        }
    )
    if relabel:
        regold = {k: v.split(relabel)[-1] for k, v in gold.items()}
        result["relabelled"] = dict(cluster_scores(regold, pred), separator=relabel)
    if predictions_out is not None:
        with predictions_out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({"id": str(row["id"]), "cluster": pred[str(row["id"])]}) + "\n")
    if compare_hdbscan:
        if vectors is None:
            raise EvalError("eval: HDBSCAN needs vectors (embedder must not be 'none')")
        labels, hdb_seconds = run_hdbscan(vectors)
        hdb: dict[str, Any] = dict(cluster_scores(gold, {str(r["id"]): labels[i] for i, r in enumerate(rows)}))
        if relabel:
            regold = {k: v.split(relabel)[-1] for k, v in gold.items()}
            hdb["relabelled"] = dict(cluster_scores(regold, {str(r["id"]): labels[i] for i, r in enumerate(rows)}))
        hdb["seconds"] = round(hdb_seconds, 3)
        hdb["note"] = "sklearn HDBSCAN(min_cluster_size=3), batch over all vectors, noise as singletons"
        result["hdbscan"] = hdb
    return result


def format_report(result: dict[str, Any]) -> str:
    """Return a short human-readable report of :func:`evaluate`'s result.

    :param result: the dict returned by :func:`evaluate`.
    """

    def block(name: str, r: dict[str, Any]) -> list[str]:
        return [
            f"{name}: docs={r['n_docs']} gold_clusters={r.get('n_gold_clusters', '?')} "
            f"pred_clusters={r['n_pred_clusters']}",
            f"  pairwise  P={r['pairwise_precision']:.4f} R={r['pairwise_recall']:.4f} "
            f"F1={r['pairwise_f1']:.4f}",
            f"  B-cubed   P={r['bcubed_precision']:.4f} R={r['bcubed_recall']:.4f} "
            f"F1={r['bcubed_f1']:.4f}",
            f"  NMI={r['nmi']:.4f} ARI={r.get('ari', float('nan')):.4f}",
        ]

    lines = [f"data={result.get('data')} split={result.get('split')} embedder={result.get('embedder')}"]
    lines += block("stream clusterer", result)
    lines.append(
        f"  time: total {result['seconds']:.2f} s, embed {result['embed_seconds']:.2f} s "
        f"({result.get('embed_docs_per_second', 0)} docs/s), cluster {result['cluster_seconds']:.2f} s "
        f"({result['docs_per_second']} docs/s)"
    )
    if "relabelled" in result:
        lines += block(f"stream clusterer, gold cut after {result['relabelled']['separator']!r}", result["relabelled"])
    if "hdbscan" in result:
        hdb = result["hdbscan"]
        lines += block("hdbscan", hdb)
        if "relabelled" in hdb:
            lines += block("hdbscan, relabelled gold", hdb["relabelled"])
        lines.append(f"  time: cluster {hdb['seconds']:.2f} s ({hdb['note']})")
    return "\n".join(lines)


_WORDS = [
    "market", "court", "storm", "vote", "strike", "merger", "recall", "launch", "trial", "summit",
    "flood", "rates", "tariff", "election", "protest", "deal", "probe", "outage", "ceasefire", "budget",
]


def synthetic_stream(
    n: int,
    *,
    n_stories: int | None = None,
    dim: int = 384,
    span_days: float = 2.0,
    vocab_size: int = 50_000,
    seed: int = 7,
) -> Iterator[tuple[ClusterDoc, int]]:
    """Yield an invented stream of ``(ClusterDoc, true_story)`` with random vectors around story centres.

    Each story has its own centre and invented key words; each body also carries 40 words
    drawn from a Zipf-like vocabulary of ``vocab_size`` words, so term profiles fill up as
    they would with real text. Documents arrive in time order over ``span_days``, so with
    the default window every story stays open.

    :param n: number of documents.
    :param n_stories: number of stories (default n // 20).
    :param dim: vector width.
    :param span_days: time covered by the stream.
    :param vocab_size: size of the background vocabulary.
    :param seed: random seed (the stream is deterministic).
    """
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    stories = n_stories or max(1, n // 20)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ranks = np.arange(1, vocab_size + 1, dtype=np.float64)
    probs = 1.0 / ranks
    probs /= probs.sum()
    for i in range(n):
        story = pyrng.randrange(stories)
        centre = np.random.default_rng(seed * 1_000_003 + story).standard_normal(dim).astype(np.float32)
        vector = centre / np.linalg.norm(centre) + 0.6 * rng.standard_normal(dim).astype(np.float32) / np.sqrt(dim)
        key = hashlib.sha1(f"{seed}-{story}".encode()).hexdigest()
        words = [f"w{key[j:j + 5]}" for j in range(0, 30, 5)]
        background = [f"v{int(k)}" for k in rng.choice(vocab_size, size=40, p=probs)]
        body = " ".join([pyrng.choice(words + _WORDS) for _ in range(30)] + background)
        title = f"Company{key[:4].upper()} {pyrng.choice(_WORDS)} {words[0]} {words[1]}"
        doc = ClusterDoc(
            id=f"syn{i:07d}",
            title=title,
            text=body,
            published=start + dt.timedelta(days=span_days * i / max(1, n)),
            vector=vector.astype(np.float32),
        )
        yield doc, story


def embed_benchmark(
    data_path: Path,
    *,
    n: int = 300,
    max_chars: Sequence[int] = (1000, 400),
    max_tokens: Sequence[int] = (256, 64),
    batch_sizes: Sequence[int] = (8, 32),
) -> list[dict[str, Any]]:
    """Time the bundled MiniLM embedder on the first n articles of a stream for several settings.

    :param data_path: JSONL stream (title + text per line).
    :param n: articles to embed per setting (after one warm-up batch).
    :param max_chars: values of ``article_text``'s cap to try.
    :param max_tokens: WordPiece truncation lengths to try.
    :param batch_sizes: batch sizes to try.
    """
    from newsbrief.cluster.embed import MiniLMEmbedder

    rows = load_stream(data_path)[:n]
    out: list[dict[str, Any]] = []
    for tokens in max_tokens:
        for batch in batch_sizes:
            model = MiniLMEmbedder(max_tokens=tokens, batch_size=batch)
            model.encode(["warm up the session"] * 4)
            for chars in max_chars:
                t0 = time.perf_counter()
                embed_rows(rows, model, max_chars=chars)
                seconds = time.perf_counter() - t0
                out.append({"max_tokens": tokens, "batch_size": batch, "max_chars": chars, "docs": len(rows),
                            "seconds": round(seconds, 2), "docs_per_second": round(len(rows) / seconds, 1)})
    return out


def _rss_mb() -> float:
    """Return the peak resident set size of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def memory_benchmark(
    n: int = 100_000, *, n_stories: int | None = None, params: ClusterParams | None = None
) -> dict[str, Any]:
    """Cluster a synthetic stream of n documents (all in the active window) and report memory and speed.

    :param n: number of documents.
    :param n_stories: number of stories (default n // 20).
    :param params: clusterer parameters.
    """
    rss_before = _rss_mb()
    clusterer = StreamClusterer(params=params)
    gold: dict[str, str] = {}
    gen_seconds = 0.0
    cluster_seconds = 0.0
    t0 = time.perf_counter()
    stream = synthetic_stream(n, n_stories=n_stories)
    checkpoints: list[dict[str, float]] = []
    for i in range(n):
        g0 = time.perf_counter()
        doc, story = next(stream)
        c0 = time.perf_counter()
        gen_seconds += c0 - g0
        clusterer.add(doc)
        cluster_seconds += time.perf_counter() - c0
        gold[doc.id] = str(story)
        if (i + 1) % max(1, n // 10) == 0:
            checkpoints.append(
                {"docs": i + 1, "cluster_seconds": round(cluster_seconds, 2), "peak_rss_mb": round(_rss_mb(), 1)}
            )
    r0 = time.perf_counter()
    merges = clusterer.repair()
    repair_seconds = time.perf_counter() - r0
    pred = {doc: sid for sid, docs in clusterer.stories().items() for doc in docs}
    scores = cluster_scores(gold, pred)
    return {
        "n_docs": n,
        "n_true_stories": len(set(gold.values())),
        "n_pred_clusters": scores["n_pred_clusters"],
        "pairwise_f1": scores["pairwise_f1"],
        "peak_rss_mb_before": round(rss_before, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "cluster_seconds": round(cluster_seconds, 2),
        "docs_per_second": round(n / cluster_seconds, 1) if cluster_seconds else 0.0,
        "repair_seconds": round(repair_seconds, 2),
        "repair_merges": len(merges),
        "generate_seconds": round(gen_seconds, 2),
        "total_seconds": round(time.perf_counter() - t0, 2),
        "checkpoints": checkpoints,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line (``python -m newsbrief.eval.clustering``).

    :param argv: arguments (default ``sys.argv[1:]``).
    """
    ap = argparse.ArgumentParser(prog="python -m newsbrief.eval.clustering", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="labelled JSONL stream")
    ap.add_argument("--embedder", default="auto", choices=["auto", "minilm", "lexical", "none"])
    ap.add_argument("--split", default="all", choices=SPLITS)
    ap.add_argument("--repair-every", type=int, default=100)
    ap.add_argument("--max-chars", type=int, default=LEAD_CHARS)
    ap.add_argument("--relabel", metavar="SEP", help="also score with gold labels cut after SEP (':' for TDT topics)")
    ap.add_argument("--hdbscan", action="store_true", help="also run HDBSCAN on the same vectors")
    ap.add_argument("--predictions", type=Path)
    ap.add_argument("--params", help="JSON object of ClusterParams overrides")
    ap.add_argument("--memory", type=int, metavar="N", help="run the synthetic memory benchmark instead")
    ap.add_argument("--embed-speed", type=int, metavar="N", help="time MiniLM on the first N articles of --data")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    params = ClusterParams(**json.loads(args.params)) if args.params else None
    if args.memory:
        print(json.dumps(memory_benchmark(args.memory, params=params), indent=1))
        return 0
    if args.data is None:
        ap.error("--data is required")
    if args.embed_speed:
        for row in embed_benchmark(args.data, n=args.embed_speed):
            print(json.dumps(row))
        return 0
    result = evaluate(
        args.data, embedder=args.embedder, predictions_out=args.predictions, params=params,
        compare_hdbscan=args.hdbscan, split=args.split, repair_every=args.repair_every, max_chars=args.max_chars,
        relabel=args.relabel,
    )
    print(json.dumps(result, indent=1) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
