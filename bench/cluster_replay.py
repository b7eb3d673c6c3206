"""The single clustering consumer at scale: real news replayed to 1M articles, exact vs HNSW candidates.

The parallel stages scale with workers (``bench/scale_replay.py``); the clusterer is one sequential
consumer, and what limits it is the number of stories open at once. This bench feeds
:class:`newsbrief.cluster.stream.StreamClusterer` (event granularity, the pipeline's 3-day window,
``split_drifted`` + ``repair`` every ``--repair-every`` articles, as ``eval clustering`` does)
with ``--copies`` copies of the month of real news, interleaved in time: each article appears
``copies`` times at its own timestamp, as if ``copies`` times more outlets reported the month.
Each copy gets its own random rotation of the embedding space (vectors of one copy keep their
exact geometry, copies are mutually far apart), so the copies form separate stories and the
number of open stories grows with ``copies``: a newsroom following ``copies`` times 650 outlets.

Vectors are the real MiniLM vectors of the articles (title + lead), computed once and cached
in ``--vectors`` (an ``.npy`` file; nothing from the articles is written into the repository).
Printed per block of ``--report-every`` articles: articles/s of the block, open stories, the
candidate index's size, peak resident memory. ``--ann-min-open 0`` runs exact search; the
default is the shipped ``cluster.ann_min_open``. ``--check-exact N`` first runs both on the
first N articles and compares the stories.

Usage::

    PYTHONPATH=src python bench/cluster_replay.py --copies 126 --vectors /tmp/realvecs.npy
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import resource
import time
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.cluster.doc import ClusterDoc
from newsbrief.cluster.embed import article_text, load_embedder
from newsbrief.cluster.stream import ClusterParams, StreamClusterer

DATA = Path("/work/shared/bench/realnews/articles.jsonl.gz")


def _when(value: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def load(data: Path, vectors_path: Path) -> tuple[list[dict[str, Any]], np.ndarray]:
    """Return the records in file order and their vectors (embedded once, then cached)."""
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    if vectors_path.exists():
        vectors = np.load(vectors_path)
    else:
        embedder = load_embedder(prefer="auto")
        texts = [article_text(str(r.get("title") or ""), str(r.get("content") or "")) for r in records]
        vectors = np.concatenate([embedder.encode(texts[i:i + 256]) for i in range(0, len(texts), 256)])
        np.save(vectors_path, vectors.astype(np.float32))
    if len(vectors) != len(records):
        raise SystemExit(f"{vectors_path}: {len(vectors)} vectors for {len(records)} articles")
    return records, vectors.astype(np.float32)


def rotations(copies: int, dim: int, seed: int) -> list[np.ndarray]:
    """Return ``copies`` random orthogonal matrices (the first is the identity)."""
    rng = np.random.default_rng(seed)
    out = [np.eye(dim, dtype=np.float32)]
    for _ in range(1, copies):
        q, r = np.linalg.qr(rng.standard_normal((dim, dim)))
        out.append((q * np.sign(np.diag(r))).astype(np.float32))
    return out


def stream(records: list[dict[str, Any]], vectors: np.ndarray, copies: int, limit: int, seed: int):  # type: ignore[no-untyped-def]
    """Yield ``limit`` ClusterDocs: every record ``copies`` times, oldest first."""
    order = sorted(range(len(records)), key=lambda i: (str(records[i]["published"]), str(records[i]["id"])))
    rots = rotations(copies, vectors.shape[1], seed)
    n = 0
    for i in order:
        r = records[i]
        published = _when(str(r["published"]))
        for c in range(copies):
            if n >= limit:
                return
            v = rots[c] @ vectors[i]
            yield ClusterDoc(f"{r['id']}~{c}", str(r.get("title") or ""), str(r.get("content") or "")[:6000],
                             published, v / np.linalg.norm(v))
            n += 1


def run(records: list[dict[str, Any]], vectors: np.ndarray, args: argparse.Namespace, *, ann_min_open: int | None,
        limit: int, label: str, report: bool) -> dict[str, tuple[str, ...]]:
    params = ClusterParams.for_embedder("minilm-l6-int8", granularity="event", window_days=3, ann_min_open=ann_min_open)
    clusterer = StreamClusterer(params=params)
    index = clusterer._index  # noqa: SLF001 - read-only figures
    start = block_start = time.perf_counter()
    for n, doc in enumerate(stream(records, vectors, args.copies, limit, args.seed), 1):
        clusterer.add(doc)
        if n % args.repair_every == 0:
            clusterer.split_drifted()
            clusterer.repair()
        if report and n % args.report_every == 0:
            now = time.perf_counter()
            ann = index.ann
            print(json.dumps({
                "run": label, "articles": n, "block_articles_per_s": round(args.report_every / (now - block_start), 1),
                "total_s": round(now - start, 1), "open_stories": index._n_open_rows,  # noqa: SLF001
                "ann_live": ann.live if ann else None, "ann_entries": ann.entries if ann else None,
                "ann_rebuilds": ann.rebuilds if ann else None,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "when": dt.datetime.now(dt.UTC).strftime("%H:%M:%S")}), flush=True)
            block_start = now
            if now - start > args.max_seconds:
                print(json.dumps({"run": label, "stopped": f"time limit {args.max_seconds} s at {n} articles"}), flush=True)
                break
    clusterer.split_drifted()
    clusterer.repair()
    return dict(clusterer.stories())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--vectors", type=Path, required=True, help="cache of the records' vectors (.npy)")
    parser.add_argument("--copies", type=int, default=126)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--ann-min-open", type=int, default=ClusterParams().ann_min_open or 0)
    parser.add_argument("--repair-every", type=int, default=500)
    parser.add_argument("--report-every", type=int, default=25_000)
    parser.add_argument("--max-seconds", type=float, default=4 * 3600)
    parser.add_argument("--check-exact", type=int, default=0, help="first compare exact and HNSW stories on N articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    records, vectors = load(args.data, args.vectors)
    ann = args.ann_min_open or None
    if args.check_exact:
        t = time.perf_counter()
        exact = run(records, vectors, args, ann_min_open=None, limit=args.check_exact, label="exact", report=True)
        exact_s = time.perf_counter() - t
        t = time.perf_counter()
        approx = run(records, vectors, args, ann_min_open=ann, limit=args.check_exact, label="hnsw", report=True)
        approx_s = time.perf_counter() - t
        a_of = {d: s for s, docs in approx.items() for d in docs}
        same = sum(1 for docs in exact.values() if len({a_of[d] for d in docs}) == 1
                   and len(approx[a_of[docs[0]]]) == len(docs))
        print(json.dumps({"check_articles": args.check_exact, "exact_s": round(exact_s, 1), "hnsw_s": round(approx_s, 1),
                          "speedup": round(exact_s / approx_s, 2), "exact_stories": len(exact),
                          "hnsw_stories": len(approx), "identical_stories": same}), flush=True)
    run(records, vectors, args, ann_min_open=ann, limit=args.articles, label="hnsw" if ann else "exact", report=True)


if __name__ == "__main__":
    main()
