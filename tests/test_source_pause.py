"""A paused source is never fetched, even by a forced run; resumed, it is fetched again; its weight can be edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsbrief.config import load_settings
from newsbrief.errors import StoreError
from newsbrief.pipeline import ingest
from newsbrief.store import SQLiteStore, open_store
from newsbrief.store.leases import lease_owner

NOW = dt.datetime(2026, 11, 27, 8, 0, tzinfo=dt.timezone.utc)


def _feed(folder: Path, name: str) -> str:
    items = "".join(
        f"<item><title>{name} story {n}</title><link>http://{name}.example/{n}</link><guid>{name}-{n}</guid>"
        f"<pubDate>Fri, 27 Nov 2026 0{n}:00:00 GMT</pubDate><description>{name} reports item {n} in full: "
        "the council met and agreed the new budget for the year.</description></item>" for n in (1, 2))
    path = folder / f"{name}.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
                    f"<link>http://{name}.example/</link>{items}</channel></rss>", encoding="utf-8")
    return str(path)


def test_paused_source_is_not_leased_even_when_forced(fresh_db: SQLiteStore) -> None:
    kept, paused = (fresh_db.add_source(f"http://127.0.0.1:1/{n}.xml")[0].id for n in ("kept", "paused"))
    assert kept is not None and paused is not None
    fresh_db.update_source(paused, paused=True)
    assert fresh_db.take_leases([kept, paused], owner=lease_owner(), now=NOW) == [kept]
    assert fresh_db.take_leases([paused], owner=lease_owner(), now=NOW, due_only=False) == []
    fresh_db.update_source(paused, paused=False)
    assert fresh_db.take_leases([paused], owner=lease_owner(), now=NOW) == [paused]


def test_update_source_sets_weight_and_paused_and_refuses_other_columns(fresh_db: SQLiteStore) -> None:
    source, _ = fresh_db.add_source("http://127.0.0.1:1/feed.xml", weight=1.0)
    assert source.id is not None
    fresh_db.update_source(source.id, weight=2.5, paused=True)
    row = fresh_db.source_rows()[0]
    assert (row["weight"], row["paused"]) == (2.5, 1)
    assert fresh_db.sources()[0].weight == 2.5
    with pytest.raises(StoreError, match="unknown source fields"):
        fresh_db.update_source(source.id, added_at="2020-01-01")


def test_ingest_skips_a_paused_source_until_it_is_resumed(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, env={})
    with open_store(tmp_path / "nb.db") as store:
        kept = store.add_source(_feed(tmp_path, "kept"), title="Kept")[0]
        paused = store.add_source(_feed(tmp_path, "paused"), title="Paused")[0]
        assert paused.id is not None
        store.update_source(paused.id, paused=True)
        first = ingest(store, settings, now=NOW, force=True)
        assert first.sources == 1
        outlets = {r["source_id"] for r in store._all("SELECT source_id FROM articles")}
        assert outlets == {kept.id}
        store.update_source(paused.id, paused=False)
        ingest(store, settings, now=NOW + dt.timedelta(hours=1), force=True)
        assert {r["source_id"] for r in store._all("SELECT source_id FROM articles")} == {kept.id, paused.id}
