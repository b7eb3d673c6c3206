"""Hostile stored text served by a real ``newsbrief serve`` on 127.0.0.1: markup and control characters."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from factories import make_article

from newsbrief.config import load_settings
from newsbrief.store import open_store
from newsbrief.web import ServerThread, make_app

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MARKUP = "[/bold] Chip [pdf] rules [i]"


@pytest.fixture
def hostile_db(demo: DemoResult, tmp_path: Path) -> Path:
    """A copy of the demo database with markup and control characters in stored titles, errors and a digest."""
    path = tmp_path / "hostile.db"
    with sqlite3.connect(demo.db_path) as a, sqlite3.connect(path) as b:
        a.backup(b)
    with open_store(path) as store:
        store.add_source("http://wire.example/feed.xml", title=f"Wire\x1b[31m {MARKUP}\x00")
        src = store.get_source("http://wire.example/feed.xml")
        assert src is not None and src.id is not None
        store.update_source(src.id, last_error="fetch: \x1b[1m[/] 500\x00 [bold]boom", error_count=1,
                            last_fetch_at="2026-11-28T00:00:00+00:00")
        store.upsert_articles([(make_article("h1", title=f"{MARKUP}\x1b[2J", text="Quuxword text\x07 here.",
                                             day="2026-11-28"), 0, src.id)])
        data = json.loads(json.dumps(store.digest(store.digest_dates()[0])))
        data["date"], data["title"] = "2026-11-28", "Briefing\x1b[2J\x00 of the day"
        item = next(sec for sec in data["sections"] if sec["items"])["items"][0]
        item["headline"] = f"{MARKUP}\x1b]0;pwned\x07"
        store.save_digest(dt.date(2026, 11, 28), title="Briefing of the day", data=data, stories=[])
    return path


@pytest.mark.serial
def test_real_server_serves_hostile_text_as_valid_feeds_and_json(hostile_db: Path, tmp_path: Path) -> None:
    app = make_app(hostile_db, settings=load_settings(data_dir=tmp_path, env={}))
    with ServerThread(app) as srv, httpx.Client(base_url=srv.url, timeout=10, trust_env=False) as c:
        got: dict[str, Any] = {p: c.get(p) for p in ("/feed.atom", "/feed.json", "/digests/2026-11-28.md",
                                                     "/digests/2026-11-28.txt", "/api/sources", "/sources",
                                                     "/api/search?q=Quuxword", "/")}
    for path, r in got.items():
        assert r.status_code == 200, (path, r.text[:200])
        assert "Traceback" not in r.text
    root = ET.fromstring(got["/feed.atom"].content)  # one ESC or NUL would make this raise
    entry = root.find("{http://www.w3.org/2005/Atom}entry")
    assert entry is not None and entry.findtext("{http://www.w3.org/2005/Atom}title") == "Briefing of the day"
    assert MARKUP in (entry.findtext("{http://www.w3.org/2005/Atom}content") or "")
    assert json.loads(got["/feed.json"].text)["items"][0]["title"] == "Briefing of the day"
    for path in ("/feed.json", "/digests/2026-11-28.md", "/digests/2026-11-28.txt"):
        assert not CONTROL.search(got[path].text.replace("\n", "")), path
    sources = {s["url"]: s for s in got["/api/sources"].json()["sources"]}
    assert sources["http://wire.example/feed.xml"]["title"] == f"Wire\x1b[31m {MARKUP}\x00"  # JSON: data as stored
    assert "[/] 500" in got["/sources"].text and "[bold]boom" in got["/sources"].text
    assert got["/api/search?q=Quuxword"].json()["results"][0]["title"].startswith(MARKUP)
