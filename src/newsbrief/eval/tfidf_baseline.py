"""The TF-IDF single-pass baseline of the shared clustering benchmark.

Documents in stream order are TF-IDF vectors (sublinear tf, English stop words, IDF fitted
on the evaluated stream, as ``bench/clustering/baseline_tfidf_stream.py`` does). Each one
joins the cluster whose centroid (the sum of its members' unit vectors) is most alike when
the cosine exceeds a threshold, else it opens a new cluster; every cluster stays open.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped,unused-ignore]

__all__ = ["single_pass"]


def single_pass(texts: Sequence[str], threshold: float) -> list[int]:
    """Return one cluster number per text, in order.

    :param texts: the documents, in stream order.
    :param threshold: a document joins a cluster when its cosine to the centroid exceeds this.
    """
    if not texts:
        return []
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32).fit_transform(texts).tocsr()
    except ValueError:  # no term in any text: none is alike to another
        return list(range(len(texts)))
    sums = np.zeros((0, matrix.shape[1]), dtype=np.float32)
    squares: list[float] = []  # squared norm of each centroid
    labels: list[int] = []
    for i in range(matrix.shape[0]):
        row = matrix.getrow(i)
        best, best_sim, best_dot = -1, -1.0, 0.0
        if sums.shape[0] and row.nnz:
            dots = np.asarray(sums[:, row.indices] @ row.data, dtype=np.float64)
            sims = dots / np.sqrt(np.maximum(np.asarray(squares), 1e-12))
            best = int(np.argmax(sims))
            best_sim, best_dot = float(sims[best]), float(dots[best])
        own = float(row.data @ row.data)
        if best >= 0 and best_sim > threshold:
            sums[best, row.indices] += row.data
            squares[best] += 2.0 * best_dot + own
        else:
            best = sums.shape[0]
            sums = np.vstack([sums, row.toarray().astype(np.float32)])
            squares.append(own)
        labels.append(best)
    return labels
