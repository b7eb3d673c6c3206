"""Storage: one interface (:class:`Store`), SQLite by default."""

from __future__ import annotations

import logging
from pathlib import Path

from .base import Store
from .sqlite import ReadOnlyStoreError, SQLiteStore

__all__ = ["ReadOnlyStoreError", "SQLiteStore", "Store", "open_store"]

LOGGER = logging.getLogger(__name__)


def open_store(path: str | Path, *, migrate: bool = True, read_only: bool = False,
               read_only_fallback: bool = False) -> SQLiteStore:
    """Open the store at ``path`` (a SQLite file, or ``":memory:"``).

    :param path: database location.
    :param migrate: apply pending migrations.
    :param read_only: open an existing database read-only (no migrations, no writes).
    :param read_only_fallback: when the database or its folder cannot be written, open it
        read-only instead of failing (for commands that only read).
    """
    if read_only:
        return SQLiteStore(path, read_only=True)
    try:
        return SQLiteStore(path, migrate=migrate)
    except ReadOnlyStoreError as exc:
        if not read_only_fallback or not Path(path).is_file():
            raise
        LOGGER.info("%s; opening it read-only", exc)
        return SQLiteStore(path, read_only=True)
