"""Builders of plain test data."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from newsbrief.model import Article


def store_location(data_dir: Path) -> str:
    """The store ``newsbrief --data-dir DATA_DIR`` opens in a test: its SQLite file, or the
    test's PostgreSQL schema (``NEWSBRIEF_STORE``) when the suite runs on PostgreSQL."""
    return os.environ.get("NEWSBRIEF_STORE") or str(data_dir / "newsbrief.db")


def make_article(
    aid: str, *, title: str = "A title", text: str = "Some text.", outlet: str = "Outlet", day: str = "2026-11-27",
    hour: int = 9, url: str | None = None,
) -> Article:
    """Build an article for unit tests."""
    published = dt.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")
    url = url or f"http://{outlet.lower().replace(' ', '')}.example/{aid}"
    return Article(
        id=aid, url=url, canonical_url=url, source_url=f"http://{outlet.lower()}.example/feed.xml", outlet=outlet,
        title=title, text=text, published=published, fetched=published, content_hash=f"h-{aid}",
    )
