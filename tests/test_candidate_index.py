"""Tests of newsbrief.cluster.candidates: the HNSW candidate index and the clusterer on it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

pytest.importorskip("faiss", reason="faiss-cpu is not installed (pip install 'newsbrief[scale]')")

from newsbrief.cluster.candidates import CandidateIndex  # noqa: E402
from newsbrief.cluster.doc import ClusterDoc  # noqa: E402
from newsbrief.cluster.state import StoryIndex, Story  # noqa: E402
from newsbrief.cluster.stream import ClusterParams, StreamClusterer  # noqa: E402
from newsbrief.errors import ClusterError  # noqa: E402

DIM = 32


def topic_vectors(rng: np.random.Generator, n: int, topics: int, spread: float) -> np.ndarray:
    """Unit vectors around ``topics`` random centres: neighbourhoods, as story centroids have."""
    centres = rng.standard_normal((topics, DIM)).astype(np.float32)
    x = centres[rng.integers(0, topics, n)] + spread * rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def near(rng: np.random.Generator, matrix: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """Queries close to some of ``rows`` (articles arrive near the stories they are about)."""
    x = matrix[rng.choice(rows, n)] + 0.1 * rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def exact_top(matrix: np.ndarray, rows: np.ndarray, q: np.ndarray, k: int) -> set[int]:
    sims = matrix[rows] @ q
    return set(rows[np.argsort(-sims)[:k]].tolist())


def test_candidates_hold_the_exact_top_k_as_centroids_move_and_close() -> None:
    rng = np.random.default_rng(3)
    matrix = topic_vectors(rng, 3000, 60, 0.3)
    index = CandidateIndex(DIM, seal_size=64)
    open_rows = set(range(3000))
    for row in range(3000):
        index.moved(row)
    index.seal(matrix)
    assert index.live == 3000 and not index.dirty
    # centroids move (some twice between seals) and stories close, as a stream does
    for step in range(600):
        row = int(rng.integers(0, 3000))
        if step % 5 == 0 and row in open_rows:
            index.removed(row)
            open_rows.discard(row)
            continue
        if row not in open_rows:
            open_rows.add(row)
        matrix[row] = near(rng, matrix, np.arange(3000), 1)[0]
        index.moved(row)
        if step % 50 == 0:
            index.seal(matrix)
    rows = np.array(sorted(open_rows))
    queries = near(rng, matrix, rows, 200)
    found = index.candidate_rows(matrix, queries, 10)
    hits = 0
    for q, cand in zip(queries, found, strict=True):
        assert set(cand.tolist()) <= open_rows, "a closed row was proposed"
        assert len(set(cand.tolist())) == cand.size, "a row was proposed twice"
        assert set(index.dirty) <= set(cand.tolist()), "moved rows are always searched exactly"
        hits += len(exact_top(matrix, rows, q, 10) & set(cand.tolist()))
    assert hits / (10 * len(queries)) >= 0.98


def test_a_moved_centroid_is_found_at_its_new_place_before_and_after_sealing() -> None:
    rng = np.random.default_rng(5)
    matrix = topic_vectors(rng, 500, 20, 0.3)
    index = CandidateIndex(DIM, seal_size=1000)
    for row in range(500):
        index.moved(row)
    index.seal(matrix)
    target = -matrix[7]  # far from everything row 7 was near
    matrix[7] = target
    index.moved(7)
    assert 7 in index.candidate_rows(matrix, target[None, :], 5)[0].tolist()  # dirty: searched exactly
    index.seal(matrix)
    assert not index.dirty
    assert 7 in index.candidate_rows(matrix, target[None, :], 5)[0].tolist()  # now from the graph
    index.removed(7)
    assert 7 not in index.candidate_rows(matrix, target[None, :], 5)[0].tolist()


def test_mostly_stale_graph_is_rebuilt_from_the_open_rows() -> None:
    rng = np.random.default_rng(9)
    matrix = topic_vectors(rng, 200, 10, 0.3)
    index = CandidateIndex(DIM, seal_size=16)
    for row in range(200):
        index.moved(row)
    index.seal(matrix)
    assert (index.entries, index.live, index.rebuilds) == (200, 200, 1)
    for _ in range(3):  # every centroid moves three times: the old entries go stale
        for row in range(200):
            index.moved(row)
        index.seal(matrix)
    assert index.live == 200
    assert index.rebuilds >= 2
    assert index.entries <= 2 * index.live + index.seal_size


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ClusterError, match="candidate index sizes"):
        CandidateIndex(DIM, seal_size=0)
    with pytest.raises(ClusterError, match="ann_min_open"):
        ClusterParams(ann_min_open=1)


def _brute(index: StoryIndex, vector: np.ndarray, k: int) -> set[str]:
    opened = [s for s in index.open_stories() if s.row >= 0]
    sims = sorted(((float(index.matrix[s.row] @ vector), s.id) for s in opened), reverse=True)
    return {sid for _, sid in sims[:k]}


def test_story_index_switches_to_the_graph_and_back_with_the_open_count() -> None:
    rng = np.random.default_rng(11)
    vectors = topic_vectors(rng, 400, 30, 0.25)
    index = StoryIndex(max_story_terms=10, ann_min_open=100)
    stories: list[Story] = []
    for i, v in enumerate(vectors):
        story = Story(id=f"s{i}", seq=i + 1)
        index.stories[story.id] = story
        index._add_vector(story, v)  # noqa: SLF001 - the row bookkeeping under test
        stories.append(story)
        if i == 50:
            index.nearest_centroids(v, 5)
            assert index.ann is None  # 51 open: exact
    q = near(rng, vectors, np.arange(400), 1)[0]
    got = {s.id for s, _ in index.nearest_centroids(q, 8)}
    assert index.ann is not None and index.ann.live + len(index.ann.dirty) == 400
    assert got == _brute(index, q, 8)
    for story in stories[:360]:  # stories close: below half the bar the graph is dropped
        index._free_row(story)  # noqa: SLF001
    index.nearest_centroids(q, 8)
    assert index.ann is None
    assert {s.id for s, _ in index.nearest_centroids(q, 8)} == _brute(index, q, 8)


def test_clusterer_on_the_graph_builds_the_same_stories_as_exact_search() -> None:
    rng = np.random.default_rng(17)
    t0 = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    topics = 80
    centres = rng.standard_normal((topics, DIM)).astype(np.float32)
    docs = []
    for i in range(900):
        t = int(rng.integers(0, topics))
        v = centres[t] + 0.35 * rng.standard_normal(DIM).astype(np.float32)
        words = " ".join(f"w{t}x{j}" for j in rng.integers(0, 12, 8))
        docs.append(ClusterDoc(f"d{i}", f"topic {t} {words}", words, t0 + dt.timedelta(minutes=10 * i),
                               v / np.linalg.norm(v)))

    def run(ann_min_open: int | None) -> tuple[dict[str, tuple[str, ...]], StreamClusterer]:
        clusterer = StreamClusterer(params=ClusterParams(ann_min_open=ann_min_open, window_days=2.0))
        for n, d in enumerate(docs, 1):
            clusterer.add(d)
            if n % 100 == 0:
                clusterer.split_drifted()
                clusterer.repair()
        clusterer.repair()
        return dict(clusterer.stories()), clusterer

    exact, _ = run(None)
    approx, clusterer = run(2)
    assert clusterer._index.ann is not None  # noqa: SLF001 - the graph was really used
    assert approx == exact
