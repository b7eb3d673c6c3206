"""Storage: one interface (:class:`Store`), SQLite by default, PostgreSQL for a ``postgresql://`` URL."""

from __future__ import annotations

import logging
from pathlib import Path

from .base import Store
from .sqlite import ReadOnlyStoreError, SQLiteStore

__all__ = ["ReadOnlyStoreError", "SQLiteStore", "Store", "is_postgres_url", "open_store"]

LOGGER = logging.getLogger(__name__)


def is_postgres_url(location: object) -> bool:
    """Return whether a store location names a PostgreSQL database (``postgresql://`` or ``postgres://``).

    :param location: a path or URL.
    """
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def open_store(path: str | Path, *, migrate: bool = True, read_only: bool = False,
               read_only_fallback: bool = False, create: bool = True) -> SQLiteStore:
    """Open the store at ``path``: a SQLite file, ``":memory:"``, or a ``postgresql://`` URL.

    :param path: database location.
    :param migrate: apply pending migrations.
    :param read_only: open an existing database read-only (no migrations, no writes).
    :param read_only_fallback: when the database or its folder cannot be written, open it
        read-only instead of failing (for commands that only read).
    :param create: set up a PostgreSQL database that has no newsbrief tables yet (False: an
        error telling to run ``newsbrief init``); a SQLite file is checked by the caller.
    """
    if is_postgres_url(path):
        from .postgres import PostgresStore  # psycopg is an optional dependency

        return PostgresStore(str(path), migrate=migrate, read_only=read_only, create=create)
    if read_only:
        return SQLiteStore(path, read_only=True)
    try:
        return SQLiteStore(path, migrate=migrate)
    except ReadOnlyStoreError as exc:
        if not read_only_fallback or not Path(path).is_file():
            raise
        LOGGER.info("%s; opening it read-only", exc)
        return SQLiteStore(path, read_only=True)
