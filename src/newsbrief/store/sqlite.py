"""The embedded SQLite store (WAL, FTS5), the default backend.

All writes go through :meth:`SQLiteStore.transaction`, which takes the write lock up
front (``BEGIN IMMEDIATE``) so two processes never interleave half-written runs.
Every write is an upsert keyed on a natural key (source URL, canonical article URL,
fact key, digest date), so re-running any command adds no duplicate rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from ..errors import StoreError
from ..model import Article, Source
from .fts import fts_query
from .analysis import AnalysisCache
from .leases import Leases
from .migrations import apply_migrations, applied_migrations
from .sends import SendLog
from .storylines import StorylineStore

__all__ = ["ReadOnlyStoreError", "SQLiteStore", "is_read_only_error"]

LOGGER = logging.getLogger(__name__)


def _reason(exc: BaseException) -> str:
    """Return the one-line cause of an OS or SQLite error."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= (1 << 63) else value


def _unsigned64(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


_READ_ONLY_ERRORS = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")


def is_read_only_error(exc: BaseException) -> bool:
    """Return True if ``exc`` says the database or its folder cannot be written.

    :param exc: an error raised while opening or writing a database.
    """
    if isinstance(exc, PermissionError):
        return True
    if isinstance(exc, sqlite3.Error):
        name = str(getattr(exc, "sqlite_errorname", ""))
        return name.startswith(_READ_ONLY_ERRORS) or "readonly database" in str(exc)
    return False


class ReadOnlyStoreError(StoreError):
    """The database (or the folder it lives in) cannot be written."""


# Earlier versions stored a digest for a day without articles ("0 articles from 0 sources"); such
# a digest is never shown, listed or put in a feed. A digest without stats counts as not empty.
_NOT_EMPTY = "coalesce(json_extract(data, '$.stats.articles'), 1) > 0"


class SQLiteStore(SendLog, Leases, AnalysisCache, StorylineStore):
    """newsbrief's storage on one SQLite file (or ``":memory:"`` in tests).

    Its queries are written in SQL that PostgreSQL runs too; the few that differ read the
    dialect's spelling from the class attributes below, which
    :class:`~newsbrief.store.postgres.PostgresStore` overrides.
    """

    _NO_LIMIT: int | None = -1  # the LIMIT value meaning "all rows"
    _LEAST, _GREATEST = "min", "max"  # the two-argument minimum and maximum
    _NOT_EMPTY = _NOT_EMPTY
    _GROUP_IDS = "group_concat(m.article_id)"  # a story's article ids, comma-separated
    _SET_SPLIT = "json_set(reasons, '$.split', json(?))"  # reasons with "split" set to a JSON parameter
    _FACT_NAME = "json_extract(f.data, '$.name')"  # the name in a fact's JSON data
    _INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, path: str | Path, *, migrate: bool = True, read_only: bool = False) -> None:
        """Open (and by default migrate) the database at ``path``.

        :param path: database file, created with its parent folder if missing, or ``":memory:"``.
        :param migrate: apply pending migrations; when False an outdated database raises.
        :param read_only: open an existing file read-only (SQLite ``mode=ro``, or ``immutable``
            when its folder cannot be written either): nothing is created, migrated or written.
        """
        self.path = str(path)
        self.read_only = read_only
        self._depth = 0  # open transaction() blocks: 0 none, 1 a transaction, more: savepoints in it
        if read_only:
            self.conn = self._connect_read_only()
            return
        try:
            if self.path != ":memory:":
                self._check_writable()
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            if migrate:
                apply_migrations(self.conn)
            else:
                self._require_migrations()
        except (sqlite3.Error, OSError) as exc:
            if is_read_only_error(exc):
                raise ReadOnlyStoreError(f"store: cannot write {self.path}: {_reason(exc)}") from exc
            raise StoreError(f"store: cannot open {self.path}: {_reason(exc)}") from exc

    def _check_writable(self) -> None:
        """Raise PermissionError when the file, or the folder that must hold its journal, is read-only."""
        path = Path(self.path)
        folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), None)
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(errno.EACCES, "the file is read-only", str(path))
        if folder is not None and not os.access(folder, os.W_OK):
            raise PermissionError(errno.EACCES, f"the folder {folder} is not writable", str(folder))

    def _connect_read_only(self) -> sqlite3.Connection:
        if not Path(self.path).is_file():
            raise StoreError(f"store: no database at {self.path}; run `newsbrief init`")
        uri = Path(self.path).resolve().as_uri()
        # mode=ro still needs the folder writable for a WAL database's -shm file; immutable does not
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn: sqlite3.Connection | None = None
            try:
                conn = sqlite3.connect(uri + query, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA query_only = ON")
                self.conn = conn
                self._require_migrations()
                return conn
            except sqlite3.Error as exc:
                if conn is not None:
                    conn.close()
                if not is_read_only_error(exc) or "immutable" in query:
                    raise StoreError(f"store: cannot read {self.path}: {_reason(exc)}") from exc
        raise AssertionError("unreachable")

    def _require_migrations(self) -> None:
        from .migrations import MIGRATIONS

        has_table = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")} if has_table else set()
        missing = [n for n, _ in MIGRATIONS if n not in done]
        if missing:
            fix = "make it writable and run `newsbrief init`" if self.read_only else "run `newsbrief init`"
            raise StoreError(f"store: {self.path} needs migrations {', '.join(missing)}; {fix}")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one write transaction (``BEGIN IMMEDIATE``).

        Inside another transaction of this store the block becomes a savepoint of it, so a
        caller can group several writes (say, a source's articles and its new validators)
        into one commit: all of them are stored, or none.
        """
        if self.read_only:
            raise ReadOnlyStoreError(f"store: cannot write {self.path}: it was opened read-only")
        if self._depth:
            yield from self._savepoint()
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"store: cannot start a write on {self.path}: {exc}") from exc
        self._depth = 1
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            if is_read_only_error(exc):
                raise ReadOnlyStoreError(f"store: cannot write {self.path}: {_reason(exc)}") from exc
            raise
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        name = f"nested_{self._depth}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def migrations(self) -> list[str]:
        """Return the applied migration names."""
        if self.read_only:
            return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        return applied_migrations(self.conn)

    def _limit(self, limit: int | None) -> int | None:
        """Return the ``LIMIT`` value for at most ``limit`` rows (None: all)."""
        return self._NO_LIMIT if limit is None else limit

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(r) for r in self.conn.execute(sql, params)]
        except sqlite3.Error as exc:
            raise StoreError(f"store: {exc}") from exc

    # -- sources ---------------------------------------------------------------------------
    def add_source(self, url: str, *, title: str = "", weight: float = 1.0) -> tuple[Source, bool]:
        """Add a source if its URL is new; return it and whether it was added.

        :param url: feed URL or absolute local path.
        :param title: display title (kept if the source exists).
        :param weight: ranking weight.
        """
        added = self.add_sources([(url, title, weight)]) == 1
        src = self.get_source(url)
        assert src is not None
        return src, added

    def add_sources(self, items: Sequence[tuple[str, str, float]]) -> int:
        """Add every ``(url, title, weight)`` whose URL is new, in one transaction; return how many were added.

        An existing source keeps its settings; it only gains a title if it had none.

        :param items: sources to add.
        """
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        added = 0
        with self.transaction() as c:
            for url, title, weight in items:
                cur = c.execute(
                    "INSERT INTO sources(url, title, weight, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO NOTHING",
                    (url, title, weight, now),
                )
                added += cur.rowcount == 1
                if cur.rowcount != 1 and title:
                    c.execute("UPDATE sources SET title = ? WHERE url = ? AND title = ''", (title, url))
        return added

    def get_source(self, url: str) -> Source | None:
        """Return the source with this URL, or None.

        :param url: the source URL as stored.
        """
        rows = self._all("SELECT * FROM sources WHERE url = ?", (url,))
        return self._source(rows[0]) if rows else None

    @staticmethod
    def _source(row: dict[str, Any]) -> Source:
        return Source(
            url=row["url"], title=row["title"], id=row["id"], weight=row["weight"],
            etag=row["etag"], last_modified=row["last_modified"],
        )

    def sources(self) -> list[Source]:
        """Return every source, oldest first."""
        return [self._source(r) for r in self._all("SELECT * FROM sources ORDER BY id")]

    def source_rows(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return the sources with their health columns, oldest first.

        :param limit: at most this many rows (None: all).
        :param offset: rows to skip (paging).
        """
        return self._all("SELECT * FROM sources ORDER BY id LIMIT ? OFFSET ?", (self._limit(limit), offset))

    def remove_source(self, url: str) -> bool:
        """Remove a source (its articles stay); return whether it existed.

        :param url: the source URL as stored.
        """
        with self.transaction() as c:
            return c.execute("DELETE FROM sources WHERE url = ?", (url,)).rowcount == 1

    def update_source(self, source_id: int, **fields: Any) -> None:
        """Set columns of a source: health (``last_error``, ``etag``, ``next_poll_at`` ...) or settings.

        A paused source (``paused=True``) is never leased for a fetch; ``weight`` is its ranking weight.

        :param source_id: the source's id.
        :param fields: column values; datetimes are stored as ISO strings, booleans as 0/1.
        """
        allowed = {
            "url", "title", "site_url", "format", "last_fetch_at", "last_success_at", "http_status", "etag",
            "last_modified", "error_count", "last_error", "next_poll_at", "item_count", "weight", "paused",
        }
        bad = set(fields) - allowed
        if bad:
            raise StoreError(f"store: unknown source fields {sorted(bad)}")
        values = [_iso(v) if isinstance(v, (dt.date, dt.datetime)) else int(v) if isinstance(v, bool) else v
                  for v in fields.values()]
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as c:
            try:
                c.execute(f"UPDATE sources SET {sets} WHERE id = ?", (*values, source_id))
            except self._INTEGRITY_ERRORS as exc:
                raise StoreError(f"store: cannot update source {source_id}: {exc}") from exc

    # -- articles --------------------------------------------------------------------------
    def upsert_articles(self, articles: Sequence[tuple[Article, int, int | None]]) -> int:
        """Insert new articles (keyed by canonical URL); fill a stored teaser with full text.

        :param articles: ``(article, simhash, source_id)`` triples.
        :returns: how many rows were inserted.
        """
        inserted = 0
        with self.transaction() as c:
            for a, sh, source_id in articles:
                row = c.execute("SELECT id, is_teaser, length(text) AS n FROM articles WHERE canonical_url = ?", (a.canonical_url,)).fetchone()
                if row is None:
                    cur = c.execute(
                        "INSERT INTO articles(id, url, canonical_url, source_id, outlet, title, author, published, fetched,"
                        " text, html, language, content_hash, simhash, is_teaser, duplicate_of, date_source)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                        (a.id, a.url, a.canonical_url, source_id, a.outlet, a.title, a.author, _iso(a.published), _iso(a.fetched),
                         a.text, a.html, a.language, a.content_hash, _signed64(sh), int(a.is_teaser), a.duplicate_of, a.date_source),
                    )
                    inserted += cur.rowcount
                elif (row["is_teaser"] and not a.is_teaser) or len(a.text) > (row["n"] or 0) * 1.5:
                    c.execute(
                        "UPDATE articles SET text = ?, html = ?, content_hash = ?, simhash = ?, is_teaser = ?, title = ? WHERE id = ?",
                        (a.text, a.html, a.content_hash, _signed64(sh), int(a.is_teaser), a.title, row["id"]),
                    )
        return inserted

    def has_article(self, canonical_url: str) -> bool:
        """Return whether an article with this canonical URL is stored.

        :param canonical_url: the canonical URL.
        """
        return bool(self._all("SELECT 1 FROM articles WHERE canonical_url = ?", (canonical_url,)))

    def count(self, table: str) -> int:
        """Return the number of rows of a table.

        :param table: one of the store's tables.
        """
        if table not in {"sources", "articles", "stories", "memberships", "facts", "digests", "skips", "embeddings"}:
            raise StoreError(f"store: no table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def fingerprints(self, *, since: dt.datetime | None = None) -> list[tuple[str, str, int]]:
        """Return ``(id, content_hash, simhash)`` of original articles, for dedup.

        :param since: only articles published after this time.
        """
        sql = "SELECT id, content_hash, simhash FROM articles WHERE duplicate_of IS NULL"
        params: tuple[Any, ...] = ()
        if since is not None:
            sql += " AND published >= ?"
            params = (_iso(since),)
        return [(r["id"], r["content_hash"], _unsigned64(r["simhash"])) for r in self._all(sql, params)]

    @staticmethod
    def _cleaned(row: dict[str, Any]) -> bool:
        """Whether the row's cleaned text was made from its current text (a teaser filled later is not).

        ``clean_hash`` is the content hash the text was cleaned from, then ``@`` and the cleaner's
        version (none before versions were kept); text an older cleaner made is still read until
        the article is cleaned again.
        """
        made_from = row.get("clean_hash") or ""
        return row.get("clean_text") is not None and (made_from == row["content_hash"]
                                                       or made_from.startswith(row["content_hash"] + "@"))

    @staticmethod
    def _article(row: dict[str, Any], *, raw: bool = False) -> Article:
        """The article of a row; its text is the cleaned text once :mod:`newsbrief.clean.boilerplate` ran on it.

        :param raw: give the stored raw text, cleaned or not.
        """
        return Article(
            id=row["id"], url=row["url"], canonical_url=row["canonical_url"], source_url=row.get("source_url") or "",
            outlet=row["outlet"], title=row["title"],
            text=row["clean_text"] if not raw and SQLiteStore._cleaned(row) else row["text"],
            published=dt.datetime.fromisoformat(row["published"]), fetched=dt.datetime.fromisoformat(row["fetched"]),
            author=row["author"], language=row["language"], content_hash=row["content_hash"], html=row["html"],
            is_teaser=bool(row["is_teaser"]), duplicate_of=row["duplicate_of"], date_source=row["date_source"],
        )

    _ARTICLE_SQL = "SELECT a.*, s.url AS source_url FROM articles a LEFT JOIN sources s ON s.id = a.source_id"

    def articles(self, ids: Sequence[str], *, raw: bool = False) -> list[Article]:
        """Return the articles with these ids, in the given order.

        :param ids: article ids.
        :param raw: give each article's stored raw text, not its cleaned text.
        """
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        by_id = {r["id"]: self._article(r, raw=raw) for r in self._all(f"{self._ARTICLE_SQL} WHERE a.id IN ({marks})", tuple(ids))}
        return [by_id[i] for i in ids if i in by_id]

    def articles_between(self, start: dt.datetime, end: dt.datetime, *, originals_only: bool = True) -> list[Article]:
        """Return articles published in ``[start, end)``, oldest first.

        :param start: inclusive lower bound.
        :param end: exclusive upper bound.
        :param originals_only: leave out articles marked as duplicates.
        """
        sql = f"{self._ARTICLE_SQL} WHERE a.published >= ? AND a.published < ?"
        if originals_only:
            sql += " AND a.duplicate_of IS NULL"
        return [self._article(r) for r in self._all(sql + " ORDER BY a.published, a.id", (_iso(start), _iso(end)))]

    def duplicates_of(self, ids: Sequence[str]) -> dict[str, list[Article]]:
        """Return the stored copies (syndicated duplicates) of each original id.

        :param ids: original article ids.
        """
        out: dict[str, list[Article]] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            for r in self._all(f"{self._ARTICLE_SQL} WHERE a.duplicate_of IN ({marks}) ORDER BY a.published", tuple(ids)):
                out.setdefault(r["duplicate_of"], []).append(self._article(r))
        return out

    def article_days(self) -> list[tuple[dt.date, int]]:
        """Return each UTC day with stored articles and how many it has, oldest first."""
        rows = self._all("SELECT substr(published, 1, 10) AS day, count(*) AS n FROM articles GROUP BY day ORDER BY day")
        return [(dt.date.fromisoformat(r["day"]), int(r["n"])) for r in rows]

    def unclustered_articles(self) -> list[Article]:
        """Return original articles without a story, oldest first."""
        sql = f"{self._ARTICLE_SQL} LEFT JOIN memberships m ON m.article_id = a.id WHERE m.article_id IS NULL AND a.duplicate_of IS NULL"
        return [self._article(r) for r in self._all(sql + " ORDER BY a.published, a.id")]

    def uncleaned_articles(self, *, since: dt.datetime, cleaner: str) -> list[Article]:
        """Return the articles, with their raw text, not yet cleaned from their current text by this cleaner.

        Only those published since ``since`` or that are unclustered originals.

        :param since: the oldest publication time of an article that still needs its text cleaned.
        :param cleaner: the cleaner's version (:data:`~newsbrief.clean.boilerplate.CLEANER_VERSION`).
        """
        sql = (f"{self._ARTICLE_SQL} WHERE (a.clean_text IS NULL"
               " OR a.clean_hash IS DISTINCT FROM (a.content_hash || CAST(? AS TEXT)))"
               " AND (a.published >= ? OR (a.duplicate_of IS NULL"
               " AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_id = a.id)))")
        rows = self._all(sql + " ORDER BY a.published, a.id", (f"@{cleaner}", _iso(since)))
        return [self._article(r, raw=True) for r in rows]

    def outlet_texts(self, outlets: Sequence[str], *, limit: int) -> dict[str, list[tuple[str, str]]]:
        """Return ``(id, raw text)`` of each outlet's most recent articles, newest first.

        :param outlets: outlet names as stored.
        :param limit: at most this many articles per outlet.
        """
        out: dict[str, list[tuple[str, str]]] = {}
        names = sorted(set(outlets))
        for chunk in range(0, len(names), 500):
            part = tuple(names[chunk:chunk + 500])
            marks = ",".join("?" * len(part))
            for r in self._all(
                    "SELECT id, outlet, text FROM (SELECT id, outlet, text, row_number() OVER (PARTITION BY outlet"
                    f" ORDER BY published DESC, id) AS n FROM articles WHERE outlet IN ({marks})) AS recent WHERE n <= ?"
                    " ORDER BY outlet, n", (*part, limit)):
                out.setdefault(r["outlet"], []).append((r["id"], r["text"]))
        return out

    def put_cleaned(self, rows: Sequence[tuple[str, str, Sequence[dict[str, Any]]]], *, cleaner: str) -> None:
        """Store the cleaned text of articles and what was cut from them (the raw text stays).

        :param rows: ``(article_id, cleaned text, cuts)``; each cut is ``{"line", "why", "text"}``.
        :param cleaner: the version of the cleaner that made them.
        """
        with self.transaction() as c:
            c.executemany("UPDATE articles SET clean_text = ?, cuts = ?, clean_hash = content_hash || CAST(? AS TEXT)"
                          " WHERE id = ?",
                          [(text, json.dumps(list(cuts), ensure_ascii=False), f"@{cleaner}", aid)
                           for aid, text, cuts in rows])

    def search(self, query: str, *, limit: int = 20, offset: int = 0, since: dt.date | None = None,
               until: dt.date | None = None, source_id: int | None = None, entity: str | None = None,
               fact_type: str | None = None) -> list[dict[str, Any]]:
        """Full-text search over titles and texts: words, "phrases", prefix*, OR, NOT.

        Any text is a valid query (see :mod:`newsbrief.store.fts`): ``AT&T`` or ``Kestrel-3``
        are searched as words, never read as FTS5 syntax.

        :param query: what the user typed, e.g. ``chip export`` or ``"open-source" OR AT&T``.
        :param limit: most rows returned.
        :param offset: matching rows to skip (paging), best first.
        :param since: only articles published on this UTC day or later.
        :param until: only articles published on this UTC day or earlier.
        :param source_id: only articles fetched from this source.
        :param entity: only articles a stored entity fact of this name (any case) cites.
        :param fact_type: only articles a stored fact of this type cites.
        :raises StoreError: the query has no word to search for.
        """
        match = fts_query(query)
        where, params = self._search_filters(since, until, source_id, entity, fact_type)
        try:
            return [dict(r) for r in self.conn.execute(
                "SELECT a.id, a.title, a.outlet, a.url, a.published, m.story_id,"
                " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
                " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " LEFT JOIN memberships m ON m.article_id = a.id"
                f" WHERE articles_fts MATCH ?{where} ORDER BY rank, a.id LIMIT ? OFFSET ?",
                (match, *params, limit, offset))]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search: bad query {query!r}: {exc}") from exc

    def _search_filters(self, since: dt.date | None, until: dt.date | None, source_id: int | None,
                        entity: str | None, fact_type: str | None) -> tuple[str, list[Any]]:
        """Return the ``AND ...`` conditions on article ``a`` (``?`` parameters) that narrow a search."""
        sql, params = "", list[Any]()
        if since:
            sql += " AND a.published >= ?"
            params.append(since.isoformat())
        if until:
            sql += " AND a.published < ?"
            params.append((until + dt.timedelta(days=1)).isoformat())
        if source_id is not None:
            sql += " AND a.source_id = ?"
            params.append(source_id)
        # facts keep the ids of the articles they came from as a JSON list of strings
        cited = "EXISTS (SELECT 1 FROM facts f WHERE f.article_ids LIKE '%\"' || a.id || '\"%' AND "
        if fact_type:
            sql += f" AND {cited}f.type = ?)"
            params.append(fact_type)
        if entity:
            sql += f" AND {cited}f.type = 'entity' AND lower({self._FACT_NAME}) = lower(?))"
            params.append(entity)
        return sql, params

    # -- skips -----------------------------------------------------------------------------
    def record_skip(self, stage: str, what: str, reason: str) -> None:
        """Record why an item was skipped (kept once per stage/item/reason).

        :param stage: pipeline stage name.
        :param what: the URL or id skipped.
        :param reason: one-line reason.
        """
        with self.transaction() as c:
            c.execute(
                "INSERT INTO skips(at, stage, what, reason) VALUES (?,?,?,?) ON CONFLICT(stage, what, reason) DO UPDATE SET at = excluded.at",
                (dt.datetime.now(dt.timezone.utc).isoformat(), stage, what, reason),
            )

    def skips(self, *, limit: int = 100) -> list[dict[str, Any]]:
        """Return the most recent skip records.

        :param limit: most rows returned.
        """
        return self._all("SELECT * FROM skips ORDER BY at DESC, id DESC LIMIT ?", (limit,))

    # -- embeddings ------------------------------------------------------------------------
    def embeddings(self, ids: Sequence[str], *, model: str) -> dict[str, np.ndarray]:
        """Return cached vectors for these article ids and model.

        :param ids: article ids.
        :param model: embedder name the vectors were made with.
        """
        out: dict[str, np.ndarray] = {}
        for chunk in range(0, len(ids), 500):
            part = tuple(ids[chunk:chunk + 500])
            marks = ",".join("?" * len(part))
            for r in self._all(f"SELECT article_id, dim, vector FROM embeddings WHERE model = ? AND article_id IN ({marks})", (model, *part)):
                out[r["article_id"]] = np.frombuffer(r["vector"], dtype=np.float32).reshape(r["dim"])
        return out

    def put_embeddings(self, vectors: dict[str, np.ndarray], *, model: str) -> None:
        """Cache vectors for article ids.

        :param vectors: article id to vector.
        :param model: embedder name.
        """
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO embeddings(article_id, model, dim, vector) VALUES (?,?,?,?) ON CONFLICT(article_id, model)"
                " DO UPDATE SET dim = excluded.dim, vector = excluded.vector",
                [(k, model, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
            )

    # -- stories ---------------------------------------------------------------------------
    def memberships_since(self, day: dt.date) -> list[tuple[Article, str]]:
        """Return ``(article, story_id)`` for articles published on or after ``day``, oldest first.

        :param day: first day of the window.
        """
        start = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
        rows = self._all(
            "SELECT a.*, s.url AS source_url, m.story_id FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
            " JOIN memberships m ON m.article_id = a.id WHERE a.published >= ? ORDER BY a.published, a.id",
            (_iso(start),),
        )
        return [(self._article(r), r["story_id"]) for r in rows]

    def put_memberships(self, rows: Sequence[tuple[str, str, float, dict[str, Any], dt.date]]) -> None:
        """Store story memberships and create or extend their stories.

        :param rows: ``(article_id, story_id, score, reasons, day)``.
        """
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        with self.transaction() as c:
            for article_id, story_id, score, reasons, day in rows:
                c.execute(
                    "INSERT INTO stories(id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                    f" first_seen = {self._LEAST}(stories.first_seen, excluded.first_seen),"
                    f" last_seen = {self._GREATEST}(stories.last_seen, excluded.last_seen)",
                    (story_id, day.isoformat(), day.isoformat()),
                )
                c.execute(
                    "INSERT INTO memberships(article_id, story_id, score, reasons, assigned_at) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score,"
                    " reasons = excluded.reasons",
                    (article_id, story_id, float(score), json.dumps(reasons, default=str, sort_keys=True), now),
                )

    def merge_stories(self, source_id: str, target_id: str) -> None:
        """Move every article of one story into another and mark the first merged.

        :param source_id: story that disappears.
        :param target_id: story that absorbs it.
        """
        with self.transaction() as c:
            c.execute("UPDATE memberships SET story_id = ? WHERE story_id = ?", (target_id, source_id))
            c.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (target_id, source_id))
            c.execute(
                f"UPDATE stories SET first_seen = {self._LEAST}(first_seen, (SELECT first_seen FROM stories WHERE id = ?)) WHERE id = ?",
                (source_id, target_id),
            )

    def split_story(self, source_id: str, new_id: str, article_ids: Sequence[str], reason: dict[str, Any]) -> None:
        """Move some articles of a story into a new story (the clusterer found it drifted).

        Each moved membership keeps its original reasons and gains ``reasons.split``.

        :param source_id: story that keeps its other articles.
        :param new_id: the new story.
        :param article_ids: the articles that move.
        :param reason: why, stored under ``split`` in each moved membership's reasons.
        """
        if not article_ids:
            return
        marks = ",".join("?" * len(article_ids))
        with self.transaction() as c:
            span = c.execute(
                f"SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM articles WHERE id IN ({marks})",
                tuple(article_ids)).fetchone()
            # the id may name a story merged away earlier (founded by the same article): revive it
            c.execute("INSERT INTO stories(id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                      " first_seen = excluded.first_seen, last_seen = excluded.last_seen, merged_into = NULL",
                      (new_id, span[0], span[1]))
            c.execute(
                f"UPDATE memberships SET story_id = ?, reasons = {self._SET_SPLIT}"
                f" WHERE story_id = ? AND article_id IN ({marks})",
                (new_id, json.dumps(reason, sort_keys=True), source_id, *article_ids))
            c.execute(
                "UPDATE stories SET first_seen = coalesce((SELECT min(substr(a.published, 1, 10)) FROM memberships m"
                " JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id), first_seen) WHERE id = ?",
                (source_id,))

    @staticmethod
    def _story_filter(day: dt.date | None) -> tuple[str, tuple[Any, ...]]:
        sql = (" FROM stories s JOIN memberships m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id"
               " WHERE s.merged_into IS NULL")
        if day is None:
            return sql, ()
        sql += " AND s.id IN (SELECT m2.story_id FROM memberships m2 JOIN articles a2 ON a2.id = m2.article_id WHERE substr(a2.published, 1, 10) = ?)"
        return sql, (day.isoformat(),)

    def story_rows(self, *, day: dt.date | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return stories (with article counts), optionally those with an article published on ``day``.

        :param day: UTC day filter.
        :param limit: at most this many stories (None: all).
        :param offset: stories to skip (paging).
        """
        where, params = self._story_filter(day)
        sql = f"SELECT s.*, count(m.article_id) AS n_articles, {self._GROUP_IDS} AS article_ids" + where
        return self._all(sql + " GROUP BY s.id ORDER BY s.first_seen, s.id LIMIT ? OFFSET ?",
                         (*params, self._limit(limit), offset))

    def story_count(self, *, day: dt.date | None = None) -> int:
        """Return how many stories :meth:`story_rows` lists with the same filter.

        :param day: UTC day filter.
        """
        where, params = self._story_filter(day)
        return int(self._all("SELECT count(DISTINCT s.id) AS n" + where, params)[0]["n"])

    def story_members(self, story_id: str) -> list[dict[str, Any]]:
        """Return a story's memberships with scores, reasons and cut lines, oldest article first.

        :param story_id: the story.
        """
        rows = self._all(
            "SELECT m.*, a.title, a.outlet, a.published, a.url, a.cuts FROM memberships m JOIN articles a"
            " ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.published, a.id", (story_id,))
        for r in rows:
            r["reasons"] = json.loads(r["reasons"])
            r["cuts"] = json.loads(r["cuts"]) if r["cuts"] else []
        return rows

    def set_story_title(self, story_id: str, title: str) -> None:
        """Remember the headline chosen for a story.

        :param story_id: the story.
        :param title: its headline.
        """
        with self.transaction() as c:
            c.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    # -- facts -----------------------------------------------------------------------------
    def put_facts(self, rows: Sequence[tuple[str, str, str | None, dt.date, Sequence[str], str, dict[str, Any]]]) -> None:
        """Upsert facts keyed by a stable key.

        :param rows: ``(key, type, story_id, day, article_ids, sentence, data)``.
        """
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO facts(key, type, story_id, day, article_ids, sentence, data) VALUES (?,?,?,?,?,?,?)"
                " ON CONFLICT(key) DO UPDATE SET story_id = excluded.story_id, article_ids = excluded.article_ids, data = excluded.data",
                [(k, t, s, d.isoformat(), json.dumps(list(a)), sent, json.dumps(data, default=str, sort_keys=True))
                 for k, t, s, d, a, sent, data in rows],
            )

    @staticmethod
    def _fact_filter(type: str | None, since: dt.date | None, day: dt.date | None) -> tuple[str, list[Any]]:
        sql, params = " FROM facts WHERE 1=1", []
        if type:
            sql += " AND type = ?"
            params.append(type)
        if since:
            sql += " AND day >= ?"
            params.append(since.isoformat())
        if day:
            sql += " AND day = ?"
            params.append(day.isoformat())
        return sql, params

    def facts(self, *, type: str | None = None, since: dt.date | None = None, day: dt.date | None = None,
              limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return stored facts as dicts (``data`` and ``article_ids`` decoded).

        :param type: only this type (funding, regulation, event, entity).
        :param since: only facts from articles of this day or later.
        :param day: only facts of this day.
        :param limit: at most this many facts (None: all).
        :param offset: facts to skip (paging).
        """
        where, params = self._fact_filter(type, since, day)
        rows = self._all("SELECT *" + where + " ORDER BY day, id LIMIT ? OFFSET ?", [*params, self._limit(limit), offset])
        for r in rows:
            r["data"] = json.loads(r["data"])
            r["article_ids"] = json.loads(r["article_ids"])
        return rows

    def fact_count(self, *, type: str | None = None, since: dt.date | None = None, day: dt.date | None = None) -> int:
        """Return how many facts :meth:`facts` lists with the same filters.

        :param type: only this type.
        :param since: only facts of this day or later.
        :param day: only facts of this day.
        """
        where, params = self._fact_filter(type, since, day)
        return int(self._all("SELECT count(*) AS n" + where, params)[0]["n"])

    # -- digests ---------------------------------------------------------------------------
    def save_digest(self, day: dt.date, *, title: str, data: dict[str, Any], stories: Sequence[tuple[str, int, Sequence[str]]]) -> None:
        """Store (or replace) the digest of a day and the stories it covered.

        :param day: digest date.
        :param title: digest title.
        :param data: the digest as JSON-safe data.
        :param stories: ``(story_id, rank, article_ids)`` shown in it.
        """
        with self.transaction() as c:
            c.execute(
                "INSERT INTO digests(date, generated_at, title, data) VALUES (?,?,?,?) ON CONFLICT(date) DO UPDATE SET"
                " generated_at = excluded.generated_at, title = excluded.title, data = excluded.data",
                (day.isoformat(), dt.datetime.now(dt.timezone.utc).isoformat(), title, json.dumps(data, sort_keys=True)),
            )
            c.execute("DELETE FROM digest_stories WHERE date = ?", (day.isoformat(),))
            c.executemany(
                "INSERT INTO digest_stories(date, story_id, rank, article_ids) VALUES (?,?,?,?)",
                [(day.isoformat(), s, r, json.dumps(list(a))) for s, r, a in stories],
            )

    def digest(self, day: dt.date) -> dict[str, Any] | None:
        """Return a stored digest's data, or None (also for a digest of a day without articles).

        :param day: digest date.
        """
        rows = self._all(f"SELECT data FROM digests WHERE date = ? AND {self._NOT_EMPTY}", (day.isoformat(),))
        return json.loads(rows[0]["data"]) if rows else None

    def digest_index(self, *, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """Return ``{date, title, generated_at, stories}`` per stored digest, newest first.

        The story count is read inside SQLite (JSON1), so listing never loads whole digests.

        :param limit: at most this many rows.
        :param offset: rows to skip (paging).
        """
        return self._all(
            "SELECT d.date, d.title, d.generated_at, (SELECT count(*) FROM json_each(d.data, '$.sections') AS s,"
            " json_each(s.value, '$.items') AS i WHERE json_extract(s.value, '$.kind') = 'stories') AS stories"
            f" FROM digests AS d WHERE {self._NOT_EMPTY} ORDER BY d.date DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )

    def digest_dates(self) -> list[dt.date]:
        """Return the dates with a stored digest, newest first (days without articles left out)."""
        rows = self._all(f"SELECT date FROM digests WHERE {self._NOT_EMPTY} ORDER BY date DESC")
        return [dt.date.fromisoformat(r["date"]) for r in rows]

    def previously_covered(self, before: dt.date) -> dict[str, tuple[dt.date, set[str]]]:
        """Return, per story, the last digest date before ``before`` and the articles it cited.

        :param before: the digest date being built.
        """
        out: dict[str, tuple[dt.date, set[str]]] = {}
        for r in self._all("SELECT * FROM digest_stories WHERE date < ? ORDER BY date", (before.isoformat(),)):
            day = dt.date.fromisoformat(r["date"])
            prev = out.get(r["story_id"], (day, set()))[1]
            out[r["story_id"]] = (day, prev | set(json.loads(r["article_ids"])))
        return out
