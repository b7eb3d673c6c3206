"""Per-article analysis cached in the store (migrations ``0006_article_analysis``, ``0009_sentence_parses``).

Three tables hold work the digest would otherwise redo on every build, one row per article
(removed with it):

- ``article_facts``: the article's facts as :func:`~newsbrief.facts.fact_to_dict` dicts;
- ``sentence_vectors``: the vectors of its summary candidate sentences, float32, one blob per
  article with the sha1 of each sentence beside it;
- ``sentence_parses``: the dependency parses of the same sentences, one spaCy ``DocBin`` per
  article, the sentences' hashes beside it, and the named entities of its candidate sentences
  and lead by sentence hash (:mod:`newsbrief.facts.parses`).

Each row carries the ``key`` it was made for (a hash of the article's text and of the code or
model that read it, see :mod:`newsbrief.article_cache`); a reader asks for the keys it wants
and gets only rows that still match, so a changed text or a new extractor is never served
stale work.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np

__all__ = ["AnalysisCache"]

_CHUNK = 500


class AnalysisCache:
    """Cached per-article facts, sentence vectors and parses, mixed into :class:`~newsbrief.store.SQLiteStore`."""

    conn: sqlite3.Connection
    if TYPE_CHECKING:
        def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...
        def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def _rows(self, table: str, columns: str, keys: Mapping[str, str], extra: str = "",
              params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        ids = list(keys)
        out: list[dict[str, Any]] = []
        for start in range(0, len(ids), _CHUNK):
            part = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(part))
            rows = self._all(f"SELECT article_id, key, {columns} FROM {table} WHERE article_id IN ({marks}){extra}",
                             (*part, *params))
            out.extend(r for r in rows if keys.get(r["article_id"]) == r["key"])
        return out

    def article_facts(self, keys: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
        """Return the cached facts of each article whose row was made for the wanted key.

        :param keys: article id to the key its facts must have been made for.
        """
        return {r["article_id"]: list(json.loads(r["facts"])) for r in self._rows("article_facts", "facts", keys)}

    def put_article_facts(self, rows: Sequence[tuple[str, str, Sequence[Mapping[str, Any]]]]) -> None:
        """Store the facts of articles, replacing older rows.

        :param rows: ``(article_id, key, facts as dicts)``.
        """
        with self.transaction() as c:
            c.executemany("INSERT INTO article_facts(article_id, key, facts) VALUES (?,?,?)"
                          " ON CONFLICT (article_id) DO UPDATE SET key = excluded.key, facts = excluded.facts",
                          [(aid, key, json.dumps(list(facts), sort_keys=True)) for aid, key, facts in rows])

    def sentence_vectors(self, keys: Mapping[str, str], *, model: str) -> dict[str, tuple[list[str], np.ndarray]]:
        """Return each article's cached sentence hashes and their ``(n, dim)`` float32 vectors.

        :param keys: article id to the key its vectors must have been made for.
        :param model: the embedder's cache key.
        """
        out: dict[str, tuple[list[str], np.ndarray]] = {}
        for r in self._rows("sentence_vectors", "texts, dim, vectors", keys, " AND model = ?", (model,)):
            hashes = list(json.loads(r["texts"]))
            out[r["article_id"]] = (hashes, np.frombuffer(r["vectors"], dtype=np.float32).reshape(len(hashes), r["dim"]))
        return out

    def put_sentence_vectors(self, rows: Sequence[tuple[str, str, Sequence[str], np.ndarray]], *, model: str) -> None:
        """Store the sentence vectors of articles, replacing older rows.

        :param rows: ``(article_id, key, sentence hashes, (n, dim) vectors)``.
        :param model: the embedder's cache key.
        """
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO sentence_vectors(article_id, model, key, texts, dim, vectors) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT (article_id, model) DO UPDATE SET key = excluded.key, texts = excluded.texts,"
                " dim = excluded.dim, vectors = excluded.vectors",
                [(aid, model, key, json.dumps(list(hashes)), int(vectors.shape[1]) if vectors.ndim == 2 else 0,
                  np.ascontiguousarray(vectors, dtype=np.float32).tobytes()) for aid, key, hashes, vectors in rows])

    def sentence_parses(self, keys: Mapping[str, str], *,
                        model: str) -> dict[str, tuple[list[str], bytes, dict[str, tuple[tuple[str, str], ...]]]]:
        """Return each article's cached parsed-sentence hashes, their parses (one ``DocBin``) and its entities.

        :param keys: article id to the key its row must have been made for.
        :param model: the reader's key (:func:`~newsbrief.facts.parses.parser_key`).
        :returns: article id -> (sentence hashes, parses, sentence hash -> its entities as (text, label)).
        """
        return {r["article_id"]: (list(json.loads(r["texts"])), bytes(r["parses"]),
                                  {h: tuple((t, label) for t, label in found)
                                   for h, found in json.loads(r["entities"]).items()})
                for r in self._rows("sentence_parses", "texts, parses, entities", keys, " AND model = ?", (model,))}

    def put_sentence_parses(self, rows: Sequence[tuple[str, str, Sequence[str], bytes,
                                                       Mapping[str, Sequence[tuple[str, str]]]]], *, model: str) -> None:
        """Store the sentence parses and entities of articles, replacing older rows.

        :param rows: ``(article_id, key, sentence hashes, DocBin bytes, sentence hash -> entities)``.
        :param model: the reader's key.
        """
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO sentence_parses(article_id, model, key, texts, parses, entities) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT (article_id, model) DO UPDATE SET key = excluded.key, texts = excluded.texts,"
                " parses = excluded.parses, entities = excluded.entities",
                [(aid, model, key, json.dumps(list(hashes)), blob,
                  json.dumps({h: [list(e) for e in found] for h, found in entities.items()}, sort_keys=True))
                 for aid, key, hashes, blob, entities in rows])
