"""The PostgreSQL store (psycopg 3): the same interface, schema and semantics as SQLite.

:class:`PostgresStore` runs the queries of :class:`~newsbrief.store.SQLiteStore`, written in
SQL both databases accept, through a thin connection that speaks sqlite3's
``execute(sql, (params,))`` with ``?`` placeholders; it overrides what differs: connecting,
migrations (:mod:`newsbrief.store.migrations_pg`), transactions, full-text search (a GIN
index on a ``tsvector``) and a few spellings (``least``/``greatest``, ``string_agg``, JSON).

Transactions keep the SQLite store's semantics, which the ingest writer relies on: a write
transaction takes one transaction-scoped advisory lock first, so writers run one at a time
as under SQLite's ``BEGIN IMMEDIATE`` (a read-decide-write such as a send claim or a lease
is atomic), readers never wait, and a transaction opened inside another is a savepoint.
Story vectors are stored as ``BYTEA`` and compared in process, as with SQLite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from typing import Any, Callable, Iterator, Sequence, cast
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ..config import redact_value
from ..errors import StoreError
from .fts import tsquery_sql
from .migrations_pg import MIGRATIONS, SEARCH_CONFIG, SEARCH_DOCUMENT, apply_migrations, applied_migrations
from .sqlite import ReadOnlyStoreError, SQLiteStore

try:
    import psycopg
    from psycopg.pq import TransactionStatus
except ImportError as exc:  # pragma: no cover - exercised by an install without the extra
    raise StoreError("store: a postgresql:// store needs psycopg; install it with "
                     "`pip install 'newsbrief[postgresql]'`") from exc

__all__ = ["PostgresStore"]

_WRITE_LOCK = 0x6E62_7772  # "nbwr": the advisory lock key every write transaction takes first
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\?")


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """Return ``sql`` with sqlite3's ``?`` placeholders as psycopg's ``%s`` (and ``%`` escaped)."""
    sql = sql.replace("%", "%%")
    return _PLACEHOLDER.sub(lambda m: "%s" if m.group() == "?" else m.group(), sql)


class Row(dict[str, Any]):
    """A result row read by column name (like a dict) or by position (like ``sqlite3.Row``)."""

    __slots__ = ("_values",)

    def __init__(self, names: Sequence[str], values: Sequence[Any]) -> None:
        super().__init__(zip(names, values))
        self._values = tuple(values)

    def __getitem__(self, key: Any) -> Any:
        return self._values[key] if isinstance(key, int) else super().__getitem__(key)


def _rows(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = [c.name for c in cursor.description] if cursor.description else []
    return lambda values: Row(names, values)


def _no_nul(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; SQLite keeps it, but nothing downstream needs it
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class PgConnection:
    """A psycopg connection with sqlite3's calling convention (``?`` placeholders, ``executemany``)."""

    def __init__(self, raw: "psycopg.Connection[Row]") -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> "psycopg.Cursor[Row]":
        return self.raw.execute(_pg_sql(sql), tuple(map(_no_nul, params)) if params else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> "psycopg.Cursor[Row]":
        cur = self.raw.cursor()
        cur.executemany(_pg_sql(sql), [tuple(map(_no_nul, r)) for r in rows])
        return cur

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


def _shown(url: str) -> str:
    """The URL as it may appear in messages: password hidden."""
    return str(redact_value("store.url", url))


def _with_options(url: str, options: str) -> str:
    """Add server options (``-c name=value``) to a connection URL, after any it has."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    given = " ".join(v for k, v in query if k == "options")
    query = [(k, v) for k, v in query if k != "options"] + [("options", f"{given} {options}".strip())]
    # libpq percent-decodes URI parameters but reads '+' as a plus sign, so spaces must be %20
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), parts.fragment))


class PostgresStore(SQLiteStore):
    """newsbrief's storage on a PostgreSQL database, selected by a ``postgresql://`` URL."""

    _NO_LIMIT = None
    _LEAST, _GREATEST = "least", "greatest"
    _NOT_EMPTY = "coalesce((data::jsonb #>> '{stats,articles}')::numeric, 1) > 0"
    _GROUP_IDS = "string_agg(m.article_id, ',' ORDER BY m.article_id)"
    _SET_SPLIT = "(reasons::jsonb || jsonb_build_object('split', (?)::jsonb))::text"
    _FACT_NAME = "(f.data::jsonb ->> 'name')"
    _INTEGRITY_ERRORS = (psycopg.IntegrityError,)

    def __init__(self, url: str, *, migrate: bool = True, read_only: bool = False, create: bool = True) -> None:
        """Connect to (and by default migrate) the database at ``url``.

        :param url: ``postgresql://user:password@host:port/database`` (libpq URL parameters allowed).
        :param migrate: apply pending migrations; when False an outdated database raises.
        :param read_only: open read-only: no migrations, every transaction read-only.
        :param create: when False, a database without newsbrief's tables is an error
            (``run newsbrief init``) instead of being set up.
        """
        self.path = _shown(url)
        self.read_only = read_only
        self._depth = 0
        if read_only:
            url = _with_options(url, "-c default_transaction_read_only=on")
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_rows, connect_timeout=30)
        except psycopg.Error as exc:
            raise StoreError(f"store: cannot connect to {self.path}: {_reason(exc)}") from exc
        self.pg = PgConnection(raw)
        self.conn = cast(Any, self.pg)  # the inherited queries call conn.execute as on sqlite3
        try:
            if read_only or not migrate or not (create or applied_migrations(raw)):
                self._require_migrations()
            else:
                apply_migrations(raw)
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"store: cannot open {self.path}: {_reason(exc)}") from exc
        except StoreError:
            raw.close()
            raise

    def _require_migrations(self) -> None:
        done = set(applied_migrations(self.pg.raw))
        missing = [n for n, _ in MIGRATIONS if n not in done]
        if missing:
            raise StoreError(f"store: {self.path} needs migrations {', '.join(missing)}; run `newsbrief init`")

    def __enter__(self) -> "PostgresStore":
        return self

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Run the block as one write transaction; inside another it is a savepoint of it.

        The transaction takes the store's write lock (a transaction-scoped advisory lock)
        before its first statement, so write transactions run one at a time, as in SQLite.
        """
        if self.read_only:
            raise ReadOnlyStoreError(f"store: cannot write {self.path}: it was opened read-only")
        if self._depth:
            yield from self._savepoint()
            return
        try:
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))
        except psycopg.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"store: cannot start a write on {self.path}: {_reason(exc)}") from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction and not self.pg.raw.closed:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def migrations(self) -> list[str]:
        """Return the applied migration names."""
        return applied_migrations(self.pg.raw)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(r) for r in self.conn.execute(sql, params)]
        except psycopg.Error as exc:
            raise StoreError(f"store: {_reason(exc)}") from exc

    def search(self, query: str, *, limit: int = 20, offset: int = 0, since: dt.date | None = None,
               until: dt.date | None = None, source_id: int | None = None, entity: str | None = None,
               fact_type: str | None = None) -> list[dict[str, Any]]:
        """Full-text search over titles and texts, with the syntax and filters of the SQLite store.

        :param query: what the user typed.
        :param limit: most rows returned.
        :param offset: matching rows to skip (paging), best first.
        :param since: only articles published on this UTC day or later.
        :param until: only articles published on this UTC day or earlier.
        :param source_id: only articles fetched from this source.
        :param entity: only articles a stored entity fact of this name (any case) cites.
        :param fact_type: only articles a stored fact of this type cites.
        :raises StoreError: the query has no word to search for.
        """
        match, params = tsquery_sql(query, config=SEARCH_CONFIG)
        where, filters = self._search_filters(since, until, source_id, entity, fact_type)
        sql = (
            f"WITH q AS (SELECT {match} AS q)"
            " SELECT a.id, a.title, a.outlet, a.url, a.published, m.story_id,"
            f" ts_headline('{SEARCH_CONFIG}', a.text, q.q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4,"
            " MaxFragments=1, FragmentDelimiter=…') AS snippet"
            " FROM q, articles a LEFT JOIN memberships m ON m.article_id = a.id"
            f" WHERE {SEARCH_DOCUMENT} @@ q.q{_pg_sql(where)} ORDER BY ts_rank({SEARCH_DOCUMENT}, q.q) DESC, a.id"
            " LIMIT %s OFFSET %s")
        try:
            return [dict(r) for r in self.pg.raw.execute(sql, (*params, *filters, limit, offset))]
        except psycopg.Error as exc:
            raise StoreError(f"search: bad query {query!r}: {_reason(exc)}") from exc

    def digest_index(self, *, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """Return ``{date, title, generated_at, stories}`` per stored digest, newest first.

        :param limit: at most this many rows.
        :param offset: rows to skip (paging).
        """
        return self._all(
            "SELECT d.date, d.title, d.generated_at, (SELECT count(*) FROM jsonb_array_elements(d.data::jsonb -> 'sections') AS s,"
            " jsonb_array_elements(s.value -> 'items') AS i WHERE s.value ->> 'kind' = 'stories') AS stories"
            f" FROM digests AS d WHERE {self._NOT_EMPTY} ORDER BY d.date DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

