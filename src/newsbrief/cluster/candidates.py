"""An approximate nearest-neighbour index of open-story centroids, for many open stories.

The clusterer scores each new article against the ``k`` open stories whose centroids are
nearest its vector. Up to some tens of thousands of open stories one matrix product finds
them exactly and fast enough; past that (a newsroom replaying 10,000 feeds with a window of
days) it costs more than everything else per article. :class:`CandidateIndex` then proposes
candidates from an HNSW graph (faiss ``IndexHNSWFlat``, inner product on unit vectors), and the
caller re-scores them exactly against the current centroids.

Centroids move with every article that joins a story, and stories close. The index therefore
works like a log-structured store:

- a row whose centroid changed is *dirty*: its indexed version is stale (skipped by a bitmap
  filter during the graph search) and its current vector is searched exactly, with the other
  dirty rows, in one small matrix product;
- once ``seal_size`` rows are dirty their current vectors are added to the graph as new
  entries (``seal``); the stale entries stay in the graph as filtered-out waypoints;
- when the stale entries outnumber the live ones the graph is rebuilt from the open rows.

Candidates are a superset of what the graph returns for ``overfetch * k`` plus every dirty row,
so the exact top ``k`` is missed only when the graph misses it (``bench/results/candidate_search.txt``
measures that recall on story-like vectors). Inserts are single-threaded, so the same stream
builds the same graph and the same stories.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ClusterError

__all__ = ["CandidateIndex", "missing_hint"]

#: What to install for the index (the ``scale`` extra of newsbrief).
missing_hint = "pip install 'newsbrief[scale]' (faiss-cpu) for the approximate candidate index"


def _faiss() -> Any:
    """Return the faiss module, or raise :class:`ClusterError` with the install hint."""
    try:
        import faiss
    except ImportError as exc:  # the scale extra is not installed
        raise ClusterError(f"cluster: faiss is not installed; {missing_hint}") from exc
    faiss.omp_set_num_threads(1)  # one thread: the same inserts build the same graph
    return faiss


class CandidateIndex:
    """HNSW candidates for the nearest open-story centroids, kept current as centroids move.

    Rows are those of the clusterer's centroid matrix; the caller reports every change with
    :meth:`moved` (a centroid was written) and :meth:`removed` (a row was released).
    """

    def __init__(self, dim: int, *, links: int = 32, ef_search: int = 64, ef_construction: int = 80,
                 overfetch: int = 4, seal_size: int = 1024) -> None:
        """Create an empty index.

        :param dim: vector width.
        :param links: HNSW links per node (faiss ``M``).
        :param ef_search: breadth of the graph search (at least the number of entries fetched).
        :param ef_construction: breadth of the search that places a new entry.
        :param overfetch: entries fetched from the graph per candidate asked for.
        :param seal_size: dirty rows that trigger adding them to the graph.
        """
        if min(dim, links, ef_search, ef_construction, overfetch, seal_size) < 1:
            raise ClusterError("cluster: candidate index sizes must be >= 1")
        self._faiss = _faiss()
        self.dim, self.links, self.ef_construction = dim, links, ef_construction
        self.ef_search, self.overfetch, self.seal_size = ef_search, overfetch, seal_size
        self.dirty: set[int] = set()
        self.rebuilds = 0
        self._row_entry = np.zeros(0, dtype=np.int64)  # row -> its live graph entry, or -1
        self._reset()

    def _reset(self) -> None:
        """Start an empty graph (all entry bookkeeping cleared)."""
        self._graph = self._faiss.IndexHNSWFlat(self.dim, self.links, self._faiss.METRIC_INNER_PRODUCT)
        self._graph.hnsw.efConstruction = self.ef_construction
        self._id_row = np.zeros(0, dtype=np.int64)  # graph entry -> row
        self._live_bits = np.zeros(0, dtype=np.uint8)  # bit i: entry i is its row's current version
        self._row_entry[:] = -1
        self.live = 0

    # -- bookkeeping -----------------------------------------------------------------------

    @property
    def entries(self) -> int:
        """Entries in the graph, stale ones included."""
        return int(self._graph.ntotal)

    def _grow_rows(self, row: int) -> None:
        if row >= self._row_entry.shape[0]:
            entry = np.full(max(64, 2 * (row + 1)), -1, dtype=np.int64)
            entry[: self._row_entry.shape[0]] = self._row_entry
            self._row_entry = entry

    def _retire(self, row: int) -> None:
        """Mark a row's graph entry (if any) as stale."""
        entry = int(self._row_entry[row])
        if entry >= 0:
            self._live_bits[entry >> 3] &= np.uint8(0xFF ^ (1 << (entry & 7)))
            self._row_entry[row] = -1
            self.live -= 1

    def moved(self, row: int) -> None:
        """Report that a row's centroid was written (a new story, or an article joined one)."""
        self._grow_rows(row)
        if row not in self.dirty:
            self._retire(row)
            self.dirty.add(row)

    def removed(self, row: int) -> None:
        """Report that a row was released (its story closed); it is no candidate any more."""
        self._grow_rows(row)
        self._retire(row)
        self.dirty.discard(row)

    def seal(self, matrix: np.ndarray) -> None:
        """Add the dirty rows' current vectors to the graph; rebuild it when mostly stale.

        :param matrix: the centroid matrix the rows index.
        """
        if not self.dirty:
            return
        stale = self.entries - self.live
        if stale + len(self.dirty) > max(self.live, self.seal_size):
            rows = np.union1d(np.flatnonzero(self._row_entry >= 0), np.fromiter(self.dirty, dtype=np.int64))
            self.dirty.clear()
            self._reset()
            self.rebuilds += 1
            self._add(matrix, rows)
            return
        rows = np.fromiter(sorted(self.dirty), dtype=np.int64)
        self.dirty.clear()
        self._add(matrix, rows)

    def _add(self, matrix: np.ndarray, rows: np.ndarray) -> None:
        if rows.size == 0:
            return
        first = self.entries
        self._graph.add(np.ascontiguousarray(matrix[rows], dtype=np.float32))
        ids = np.arange(first, first + rows.size, dtype=np.int64)
        self._id_row = np.concatenate([self._id_row, rows])
        need = (first + rows.size + 7) >> 3
        if need > self._live_bits.shape[0]:
            bits = np.zeros(max(need, 2 * self._live_bits.shape[0]), dtype=np.uint8)
            bits[: self._live_bits.shape[0]] = self._live_bits
            self._live_bits = bits
        np.bitwise_or.at(self._live_bits, ids >> 3, (1 << (ids & 7)).astype(np.uint8))
        self._row_entry[rows] = ids
        self.live += int(rows.size)

    # -- search ----------------------------------------------------------------------------

    def candidate_rows(self, matrix: np.ndarray, vectors: np.ndarray, k: int) -> list[np.ndarray]:
        """Return, per query vector, candidate rows: the graph's nearest live entries and every dirty row.

        Seals first when enough rows are dirty. Rows may repeat across queries, never within one.

        :param matrix: the centroid matrix (current vectors of dirty rows are read from it).
        :param vectors: ``(q, dim)`` unit query vectors.
        :param k: candidates the caller keeps after exact re-scoring.
        """
        if len(self.dirty) >= self.seal_size:
            self.seal(matrix)
        dirty = np.fromiter(sorted(self.dirty), dtype=np.int64, count=len(self.dirty))
        fetch = min(self.overfetch * k, self.live)
        found: np.ndarray | None = None
        if fetch > 0:
            params = self._faiss.SearchParametersHNSW()
            selector = self._faiss.IDSelectorBitmap(self.entries, self._faiss.swig_ptr(self._live_bits))
            params.sel = selector
            params.efSearch = max(self.ef_search, fetch)
            _dist, found = self._graph.search(np.ascontiguousarray(vectors, dtype=np.float32), fetch, params=params)
        out: list[np.ndarray] = []
        for i in range(vectors.shape[0]):
            rows = dirty
            if found is not None:
                ids = found[i][found[i] >= 0]
                rows = np.concatenate([self._id_row[ids], dirty]) if dirty.size else self._id_row[ids]
            out.append(rows)
        return out
