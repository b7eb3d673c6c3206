"""Candidate search of the clusterer: numpy brute force (today's code) vs an ANN index (usearch HNSW).

For each number of open stories N, it fills a matrix of N random unit vectors (384 dims,
MiniLM's width), then times ``--queries`` look-ups of the ``k`` nearest centroids the way
:meth:`newsbrief.cluster.state.StoryIndex.nearest_centroids` does them (one matrix-vector
product and ``argpartition``), and the same look-ups in a usearch HNSW index (when usearch is
installed), with its build time and its recall of the exact top k. The clusterer also adds and
moves centroids after each article, which an ANN index pays for again; this bench only times
the look-up.

Usage::

    PYTHONPATH=src python bench/candidate_search.py [--sizes 10000 50000 100000 200000]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000, 200_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--k", type=int, default=10)  # ClusterParams.candidates
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--ann-max", type=int, default=50_000, help="largest N to build an ANN index for (it is slow to build)")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    try:
        from usearch.index import Index
    except ImportError:
        Index = None
    for n in args.sizes:
        matrix = rng.standard_normal((n, args.dim), dtype=np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        queries = matrix[rng.integers(0, n, args.queries)] + 0.05 * rng.standard_normal((args.queries, args.dim), dtype=np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        t = time.perf_counter()
        exact = []
        for q in queries:
            sims = matrix @ q
            exact.append(set(np.argpartition(-sims, args.k - 1)[: args.k].tolist()))
        brute_ms = (time.perf_counter() - t) / args.queries * 1000
        row: dict[str, object] = {"open_stories": n, "numpy_ms_per_query": round(brute_ms, 3)}
        if Index is not None and n <= args.ann_max:
            t = time.perf_counter()
            index = Index(ndim=args.dim, metric="cos", dtype="f32")
            index.add(np.arange(n), matrix)
            build = time.perf_counter() - t
            t = time.perf_counter()
            found = [set(index.search(q, args.k).keys.tolist()) for q in queries]
            ann_ms = (time.perf_counter() - t) / args.queries * 1000
            recall = sum(len(a & b) for a, b in zip(found, exact)) / (args.k * args.queries)
            row |= {"usearch_build_s": round(build, 2), "usearch_ms_per_query": round(ann_ms, 3),
                    "usearch_recall_at_k": round(recall, 4)}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
