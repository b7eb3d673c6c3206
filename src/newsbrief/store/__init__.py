"""Storage: one interface (:class:`Store`), SQLite by default."""

from __future__ import annotations

from pathlib import Path

from .base import Store
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path, *, migrate: bool = True) -> SQLiteStore:
    """Open the store at ``path`` (a SQLite file, or ``":memory:"``).

    :param path: database location.
    :param migrate: apply pending migrations.
    """
    return SQLiteStore(path, migrate=migrate)
