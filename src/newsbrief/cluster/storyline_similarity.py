"""How alike two events are, for merging them into storylines (:mod:`newsbrief.cluster.storylines`).

The similarity of two events is a weighted sum of the cosine of their centroid vectors, the
cosine of the TF-IDF vectors of their text and the cosine of their actors (IDF-weighted, so a
name every event carries counts little), scaled by ``exp(-days apart / decay_days)`` and zero
beyond the window. Pairs are scored in blocks of rows, so memory grows with the number of
events, not with its square; only the groups of events that some pair above the bar joins are
then scored in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from newsbrief.cluster.storylines import EventProfile, StorylineParams

__all__ = ["EventFeatures", "candidate_groups", "event_features", "pair_parts"]

_BLOCK = 256  # rows scored at once
PARTS = ("vectors", "text", "entities")


@dataclass(frozen=True)
class EventFeatures:
    """The events' rows for each part of the similarity (None: the part is not weighed)."""

    vectors: np.ndarray | None
    text: Any
    entities: Any
    first: np.ndarray
    last: np.ndarray


def _tfidf(docs: Sequence[Any], **options: Any) -> Any:
    """Unit TF-IDF rows of ``docs`` (sparse), or None when no doc has a term."""
    # imported here: scikit-learn takes a second to import, and most commands never group storylines
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped,unused-ignore]

    try:
        return TfidfVectorizer(sublinear_tf=True, dtype=np.float32, **options).fit_transform(docs).tocsr()
    except ValueError:  # no term at all (empty texts, or only stop words)
        return None


def _names(actors: Iterable[str]) -> list[str]:
    return sorted(actors)


def event_features(events: Sequence[EventProfile], params: StorylineParams) -> EventFeatures:
    """Return the rows :func:`pair_parts` compares.

    :param events: the events.
    :param params: the weights (a part weighed 0 is not computed).
    """
    vectors = None
    if params.vector_weight:
        dim = next((e.vector.shape[0] for e in events if e.vector is not None), 0)
        vectors = np.stack([np.zeros(dim, np.float32) if e.vector is None else np.asarray(e.vector, np.float32)
                            for e in events]) if dim else None
    return EventFeatures(
        vectors,
        _tfidf([e.text for e in events], stop_words="english") if params.text_weight else None,
        _tfidf([e.actors for e in events], analyzer=_names) if params.entity_weight else None,
        np.array([e.first.toordinal() for e in events]), np.array([e.last.toordinal() for e in events]))


def pair_parts(features: EventFeatures, rows: np.ndarray, cols: np.ndarray, params: StorylineParams) -> dict[str, np.ndarray]:
    """Return the similarity of each event of ``rows`` to each of ``cols``: its weighted ``total``, the
    cosine of each part weighed and the ``days`` apart (matrices of ``len(rows)`` x ``len(cols)``).

    :param features: from :func:`event_features`.
    :param rows: event indices.
    :param cols: event indices.
    :param params: the weights, decay and window.
    """
    weights = {"vectors": params.vector_weight, "text": params.text_weight, "entities": params.entity_weight}
    shape = (len(rows), len(cols))
    out: dict[str, np.ndarray] = {}
    if weights["vectors"]:
        v = features.vectors
        out["vectors"] = np.zeros(shape, np.float32) if v is None else np.clip(v[rows] @ v[cols].T, 0.0, 1.0)
    for name, matrix in (("text", features.text), ("entities", features.entities)):
        if weights[name]:
            out[name] = np.zeros(shape, np.float32) if matrix is None \
                else np.asarray((matrix[rows] @ matrix[cols].T).toarray(), dtype=np.float32)
    total = np.zeros(shape, dtype=np.float64)
    for name, part in out.items():
        total += weights[name] * part
    first, last = features.first, features.last
    days = np.maximum(0, np.maximum(first[cols][None, :] - last[rows][:, None], first[rows][:, None] - last[cols][None, :]))
    if params.decay_days > 0:
        total *= np.exp(-days / params.decay_days)
    total[days > params.window_days] = 0.0
    total[rows[:, None] == cols[None, :]] = 0.0  # an event is not its own neighbour
    return out | {"days": days, "total": total}


def candidate_groups(features: EventFeatures, params: StorylineParams) -> list[list[int]]:
    """Return the groups of events joined by pairs at least ``params.threshold`` alike (each sorted).

    No average-link merge crosses two groups: two storylines whose events are on average alike
    enough have at least one pair that is.

    :param features: from :func:`event_features`.
    :param params: the bar, weights, decay and window.
    """
    n = len(features.first)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    everyone = np.arange(n)
    for start in range(0, n, _BLOCK):
        rows, cols = everyone[start:start + _BLOCK], everyone[start:]  # each pair once: the similarity is symmetric
        r, c = np.nonzero(pair_parts(features, rows, cols, params)["total"] >= params.threshold)
        for x, y in zip(rows[r].tolist(), cols[c].tolist(), strict=True):
            ra, rb = root(x), root(y)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
