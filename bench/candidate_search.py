"""Candidate search of the clusterer: numpy brute force vs HNSW indexes, on story-like vectors.

The clusterer asks, for each article, for the ``k`` open stories whose centroids are nearest the
article's vector (:meth:`newsbrief.cluster.state.StoryIndex.nearest_centroids`). This bench
measures that look-up with N open stories, for:

- ``numpy``: one matrix-vector product and ``argpartition`` (exact; today's default);
- ``faiss``: a faiss ``IndexHNSWFlat`` (inner product), at several ``efSearch`` values;
- ``usearch``: a usearch HNSW index, at several ``expansion_search`` values.

Each ANN is asked for ``overfetch * k`` candidates, which are then re-scored exactly, as
:class:`newsbrief.cluster.candidates.CandidateIndex` does; recall is the share of the exact top
``k`` among them.

Vectors are story-like, not random: ``--vectors`` is an ``(n, 384)`` float32 ``.npy`` of real
article vectors (MiniLM, title + lead); each centroid is the normalised mean of a real vector and
0-2 of its near neighbours, plus a little noise so that repeated draws differ (random Gaussian
vectors have no neighbourhood structure, which no ANN index can exploit and no news stream has);
queries are other real vectors with the same noise.

Usage::

    PYTHONPATH=src python bench/candidate_search.py --vectors VECS.npy [--sizes 30000 100000 300000]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np


def story_centroids(base: np.ndarray, n: int, rng: np.random.Generator, noise: float) -> np.ndarray:
    """Return ``n`` unit vectors: means of a base vector and 0-2 of its 20 nearest, plus noise."""
    sample = base[rng.integers(0, len(base), min(len(base), 4000))]
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 4096):
        stop = min(n, start + 4096)
        picks = base[rng.integers(0, len(base), stop - start)]
        near = np.argsort(-(picks @ sample.T), axis=1)[:, 1:21]
        extra = rng.integers(0, 3, stop - start)
        block = picks.copy()
        for i, k in enumerate(extra.tolist()):
            if k:
                block[i] += sample[near[i, rng.choice(20, k, replace=False)]].sum(axis=0)
        block += noise * rng.standard_normal(block.shape, dtype=np.float32)
        out[start:stop] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def exact_top(matrix: np.ndarray, queries: np.ndarray, k: int) -> tuple[list[set[int]], float]:
    t = time.perf_counter()
    found = []
    for q in queries:
        sims = matrix @ q
        found.append(set(np.argpartition(-sims, k - 1)[:k].tolist()))
    return found, (time.perf_counter() - t) / len(queries) * 1000


def rescored(matrix: np.ndarray, q: np.ndarray, keys: np.ndarray, k: int) -> set[int]:
    keys = keys[(keys >= 0) & (keys < len(matrix))]  # -1: none; >= n: the timed extra adds
    sims = matrix[keys] @ q
    return set(keys[np.argsort(-sims)[:k]].tolist())


def recall(found: list[set[int]], exact: list[set[int]], k: int) -> float:
    return sum(len(a & b) for a, b in zip(found, exact, strict=True)) / (k * len(exact))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", required=True, help="(n, dim) float32 .npy of real article vectors")
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000, 300_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--k", type=int, default=10)  # ClusterParams.candidates
    parser.add_argument("--overfetch", type=int, default=4)
    parser.add_argument("--noise", type=float, default=0.02)
    parser.add_argument("--ef", type=int, nargs="+", default=[32, 64, 128, 256])
    parser.add_argument("--m", type=int, default=32, help="HNSW links per node (faiss M, usearch connectivity)")
    parser.add_argument("--libraries", nargs="+", default=["faiss", "usearch"])
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    base = np.load(args.vectors).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    for n in args.sizes:
        matrix = story_centroids(base, n, rng, args.noise)
        queries = base[rng.integers(0, len(base), args.queries)]
        queries = queries + args.noise * rng.standard_normal(queries.shape, dtype=np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        exact, brute_ms = exact_top(matrix, queries, args.k)
        print(json.dumps({"open_stories": n, "system": "numpy", "ms_per_query": round(brute_ms, 3), "recall": 1.0}),
              flush=True)
        fetch = args.k * args.overfetch
        if "faiss" in args.libraries:
            import faiss

            faiss.omp_set_num_threads(1)
            t = time.perf_counter()
            index = faiss.IndexHNSWFlat(matrix.shape[1], args.m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.add(matrix)
            build = time.perf_counter() - t
            t = time.perf_counter()
            extra = np.ascontiguousarray(queries[:50])
            for q in extra:  # one-at-a-time adds, as the clusterer would make them
                index.add(q[None, :])
            add_ms = (time.perf_counter() - t) / len(extra) * 1000
            for ef in args.ef:
                index.hnsw.efSearch = max(ef, fetch)
                t = time.perf_counter()
                found = [rescored(matrix, q, index.search(q[None, :], fetch)[1][0], args.k) for q in queries]
                ms = (time.perf_counter() - t) / len(queries) * 1000
                print(json.dumps({"open_stories": n, "system": f"faiss M={args.m} efSearch={index.hnsw.efSearch}",
                                  "build_s": round(build, 2), "add_ms": round(add_ms, 3), "ms_per_query": round(ms, 3),
                                  "recall": round(recall(found, exact, args.k), 4)}), flush=True)
            del index
        if "usearch" in args.libraries:
            from usearch.index import Index

            t = time.perf_counter()
            uindex = Index(ndim=matrix.shape[1], metric="ip", dtype="f32", connectivity=args.m, expansion_add=80)
            uindex.add(np.arange(n), matrix, threads=1)
            build = time.perf_counter() - t
            for ef in args.ef:
                uindex.expansion_search = max(ef, fetch)
                t = time.perf_counter()
                found = [rescored(matrix, q, uindex.search(q, fetch, threads=1).keys.astype(np.int64), args.k)
                         for q in queries]
                ms = (time.perf_counter() - t) / len(queries) * 1000
                print(json.dumps({"open_stories": n, "system": f"usearch M={args.m} expansion={uindex.expansion_search}",
                                  "build_s": round(build, 2), "ms_per_query": round(ms, 3),
                                  "recall": round(recall(found, exact, args.k), 4)}), flush=True)
            del uindex


if __name__ == "__main__":
    main()
