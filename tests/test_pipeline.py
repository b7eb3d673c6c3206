"""The orchestrator against a real HTTP server on 127.0.0.1 serving the sample web."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factories import make_article

from newsbrief.cluster.stream import Split, StreamClusterer
from newsbrief.config import load_settings
from newsbrief.ingest.opml import read_opml
from newsbrief.pipeline import build_digest, cluster_new, ingest, outlet_name
from newsbrief.sample import MirrorServer, sample_root
from newsbrief.store import open_store

DAY = "2026-11-27"


@pytest.mark.serial
def test_ingest_is_idempotent_uses_304s_and_survives_a_broken_source(tmp_path: Path) -> None:
    root = sample_root()
    with MirrorServer(root, day=DAY) as server, open_store(tmp_path / "nb.db") as store:
        settings = load_settings(data_dir=tmp_path, env={}).replace(**{
            "fetch.proxy": server.proxy_url, "fetch.allow_private": True, "fetch.per_host_interval": 0.0})
        for s in read_opml((root / "sources.opml").read_bytes()):
            store.add_source(s.url, title=s.title)
        store.add_source("http://gone.example/feed.xml", title="Gone")
        now = dt.datetime(2026, 11, 27, 23, 0, tzinfo=dt.timezone.utc)
        first = ingest(store, settings, now=now, force=True)
        assert first.new_articles >= 60 and first.failed == 1
        broken = next(r for r in store.source_rows() if r["url"] == "http://gone.example/feed.xml")
        assert broken["error_count"] == 1 and "404" in broken["last_error"]
        assert broken["next_poll_at"] > now.isoformat()
        healthy = [r for r in store.source_rows() if r["url"] != "http://gone.example/feed.xml"]
        assert all(r["etag"] and r["error_count"] == 0 and r["item_count"] > 0 for r in healthy)
        counts = {t: store.count(t) for t in ("articles", "sources")}

        server.requests.clear()
        second = ingest(store, settings, now=now + dt.timedelta(hours=2), force=True)
        assert second.new_articles == 0 and second.not_modified == len(healthy)
        feeds = {s.url for s in store.sources()}
        assert set(server.requests) <= feeds, "the second run fetched no article page"
        assert {t: store.count(t) for t in ("articles", "sources")} == counts

        assert ingest(store, settings, now=now + dt.timedelta(hours=2, minutes=1)).sources == 0  # nothing due yet
        later = ingest(store, settings, now=now + dt.timedelta(days=3))
        assert later.sources == len(healthy) + 1  # back-off is capped: the failing source is retried, never dropped
        day = dt.date.fromisoformat(DAY)
        build_digest(store, settings, day=day)
        tables = ("stories", "memberships", "facts", "digests")
        after_first = {t: store.count(t) for t in tables}
        build_digest(store, settings, day=day)
        assert {t: store.count(t) for t in tables} == after_first


@pytest.mark.parametrize(("title", "outlet"), [
    ("Circuit Ledger - All stories", "Circuit Ledger"), ("Northgate Tech Review: latest", "Northgate Tech Review"),
    ("Foundry Street deals", "Foundry Street deals"), ("Signal & Noise", "Signal & Noise"),
])
def test_outlet_name(title: str, outlet: str) -> None:
    assert outlet_name(title) == outlet


def test_cluster_new_stores_the_clusterers_splits_and_merges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "The Pertola bridge collapsed during rush hour on Tuesday, and rescuers searched the river."
    texts = {"a1": ("Pertola bridge collapses", body), "a2": ("Pertola bridge collapse: rescuers search", body),
             "a3": ("Pertola bridge collapse toll", body)}
    arts = [make_article(k, title=t, text=x, hour=8 + i) for i, (k, (t, x)) in enumerate(texts.items())]
    calls: list[str] = []

    def split_last(self: StreamClusterer) -> list[Split]:
        calls.append("split")
        story_id, members = next((s, m) for s, m in self.stories().items() if "a3" in m)
        return [Split(story_id, "st_cut", ("a3",), 0.05)] if len(members) > 1 else []

    monkeypatch.setattr(StreamClusterer, "split_drifted", split_last)
    with open_store(tmp_path / "nb.db") as store:
        store.upsert_articles([(a, 0, None) for a in arts])
        settings = load_settings(data_dir=tmp_path, env={}).replace(**{
            "cluster.embedder": "lexical", "cluster.granularity": "storyline"})
        assert cluster_new(store, settings) == 3
        assert calls == ["split"]
        rows = {r["id"]: sorted(r["article_ids"].split(",")) for r in store.story_rows()}
        assert sorted(rows.values()) == [["a1", "a2"], ["a3"]] and rows["st_cut"] == ["a3"]
        reasons = store.story_members("st_cut")[0]["reasons"]
        assert reasons["decision"] == "joined" and reasons["split"]["score"] == 0.05
