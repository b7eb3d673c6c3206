from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import open_store
from newsbrief.store.migrations import MIGRATIONS, apply_migrations
from newsbrief.store.sqlite import SQLiteStore

from factories import make_article


def test_migrations_recorded_and_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with open_store(db) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
    with open_store(db) as s:  # reopening applies nothing new
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_database_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    import newsbrief.store.migrations as mig

    first_only = MIGRATIONS[:1]
    original = mig.MIGRATIONS
    mig.MIGRATIONS = first_only
    try:
        apply_migrations(conn)
    finally:
        mig.MIGRATIONS = original
    conn.execute(
        "INSERT INTO articles(id, url, canonical_url, outlet, title, published, fetched, text) VALUES"
        " ('a1', 'http://x.example/1', 'http://x.example/1', 'X', 'Solar farm opens', '2026-11-27T00:00:00+00:00',"
        " '2026-11-27T00:00:00+00:00', 'A new solar farm opened in the valley.')"
    )
    conn.close()
    with pytest.raises(StoreError, match="needs migrations 0002_article_search"):
        SQLiteStore(db, migrate=False)
    with open_store(db) as s:
        assert "0002_article_search" in s.migrations()
        assert [r["id"] for r in s.search("solar")] == ["a1"]


def test_sources_are_idempotent(fresh_db: SQLiteStore) -> None:
    a, added = fresh_db.add_source("http://a.example/feed.xml", title="A")
    b, again = fresh_db.add_source("http://a.example/feed.xml")
    assert added and not again and a.id == b.id and b.title == "A"
    fresh_db.update_source(a.id, etag='"x"', error_count=2, last_error="fetch: 500", next_poll_at=dt.datetime(2026, 1, 1))
    row = fresh_db.source_rows()[0]
    assert row["etag"] == '"x"' and row["error_count"] == 2 and row["next_poll_at"].startswith("2026-01-01")
    with pytest.raises(StoreError):
        fresh_db.update_source(a.id, nonsense=1)
    assert fresh_db.remove_source("http://a.example/feed.xml")
    assert not fresh_db.remove_source("http://a.example/feed.xml")


def test_articles_upsert_no_duplicates_and_teaser_upgrade(fresh_db: SQLiteStore) -> None:
    teaser = make_article("a1", text="Short teaser…")
    teaser = dataclasses.replace(teaser, is_teaser=True)
    assert fresh_db.upsert_articles([(teaser, 5, None)]) == 1
    full = make_article("a1", text="The full text of the story, much longer than the teaser ever was.")
    assert fresh_db.upsert_articles([(full, 7, None)]) == 0
    assert fresh_db.count("articles") == 1
    stored = fresh_db.articles(["a1"])[0]
    assert stored.text.startswith("The full text") and not stored.is_teaser
    assert fresh_db.fingerprints() == [("a1", "h-a1", 7)]


def test_simhash_round_trips_unsigned_64(fresh_db: SQLiteStore) -> None:
    big = (1 << 64) - 3
    fresh_db.upsert_articles([(make_article("a1"), big, None)])
    assert fresh_db.fingerprints()[0][2] == big


def test_memberships_stories_and_merge(fresh_db: SQLiteStore) -> None:
    arts = [make_article("a1", day="2026-11-26"), make_article("a2"), make_article("a3")]
    fresh_db.upsert_articles([(a, 0, None) for a in arts])
    fresh_db.put_memberships([
        ("a1", "st1", 1.0, {"new": True}, dt.date(2026, 11, 26)),
        ("a2", "st1", 0.8, {"dense": 0.8}, dt.date(2026, 11, 27)),
        ("a3", "st2", 1.0, {}, dt.date(2026, 11, 27)),
    ])
    assert fresh_db.unclustered_articles() == []
    rows = {r["id"]: r for r in fresh_db.story_rows(day=dt.date(2026, 11, 27))}
    assert rows["st1"]["first_seen"] == "2026-11-26" and rows["st1"]["n_articles"] == 2
    fresh_db.merge_stories("st2", "st1")
    rows = {r["id"]: r for r in fresh_db.story_rows()}
    assert set(rows) == {"st1"} and rows["st1"]["n_articles"] == 3
    assert fresh_db.story_members("st1")[1]["reasons"] == {"dense": 0.8}


def test_embeddings_cache(fresh_db: SQLiteStore) -> None:
    fresh_db.upsert_articles([(make_article("a1"), 0, None)])
    vec = np.arange(4, dtype=np.float32)
    fresh_db.put_embeddings({"a1": vec}, model="m")
    assert np.array_equal(fresh_db.embeddings(["a1", "zz"], model="m")["a1"], vec)
    assert fresh_db.embeddings(["a1"], model="other") == {}


def test_facts_and_digests_are_upserts(fresh_db: SQLiteStore) -> None:
    row = ("k1", "funding", "st1", dt.date(2026, 11, 27), ["a1"], "X raised $5 million.", {"company": "X"})
    fresh_db.put_facts([row, row])
    assert fresh_db.count("facts") == 1
    assert fresh_db.facts(type="funding")[0]["data"] == {"company": "X"}
    day = dt.date(2026, 11, 26)
    fresh_db.save_digest(day, title="t", data={"v": 1}, stories=[("st1", 1, ["a1"])])
    fresh_db.save_digest(day, title="t", data={"v": 2}, stories=[("st1", 1, ["a1", "a2"])])
    assert fresh_db.digest(day) == {"v": 2} and fresh_db.count("digests") == 1
    assert fresh_db.previously_covered(dt.date(2026, 11, 27)) == {"st1": (day, {"a1", "a2"})}
    assert fresh_db.previously_covered(day) == {}


def test_skips_recorded_once(fresh_db: SQLiteStore) -> None:
    fresh_db.record_skip("extract", "http://x.example/a", "extract: empty page")
    fresh_db.record_skip("extract", "http://x.example/a", "extract: empty page")
    assert fresh_db.count("skips") == 1


def test_search_without_words_is_one_line(fresh_db: SQLiteStore) -> None:
    for query in ('"', "&", "OR NOT", '"" * -'):
        with pytest.raises(StoreError, match="search: nothing to search for") as info:
            fresh_db.search(query)
        assert "\n" not in str(info.value)


def test_digest_index_counts_story_sections_in_sqlite_and_pages(fresh_db: SQLiteStore) -> None:
    import datetime as dt

    for n, day in enumerate((dt.date(2026, 11, 26), dt.date(2026, 11, 27))):
        data = {"sections": [{"kind": "stories", "items": [{}] * (2 + n)}, {"kind": "short", "items": [{}] * 5}]}
        fresh_db.save_digest(day, title=f"Briefing {day}", data=data, stories=[])
    rows = fresh_db.digest_index()
    assert [(r["date"], r["title"], r["stories"]) for r in rows] == [
        ("2026-11-27", "Briefing 2026-11-27", 3), ("2026-11-26", "Briefing 2026-11-26", 2)]
    assert [r["date"] for r in fresh_db.digest_index(limit=1, offset=1)] == ["2026-11-26"]


def test_split_story_moves_articles_and_keeps_their_reasons(fresh_db: SQLiteStore) -> None:
    arts = [make_article("a1", day="2026-11-25"), make_article("a2", day="2026-11-26"), make_article("a3")]
    fresh_db.upsert_articles([(a, 0, None) for a in arts])
    fresh_db.put_memberships([
        ("a1", "st1", 1.0, {"decision": "new_story"}, dt.date(2026, 11, 25)),
        ("a2", "st1", 0.5, {"decision": "joined"}, dt.date(2026, 11, 26)),
        ("a3", "st2", 1.0, {}, dt.date(2026, 11, 27)),
    ])
    fresh_db.merge_stories("st2", "st1")  # st2 now names a merged-away story
    fresh_db.split_story("st1", "st2", ["a2", "a3"], {"from_story": "st1", "score": 0.1})
    rows = {r["id"]: r for r in fresh_db.story_rows()}
    assert set(rows) == {"st1", "st2"}  # the merged-away id is revived
    assert rows["st1"]["n_articles"] == 1 and rows["st1"]["first_seen"] == "2026-11-25"
    assert rows["st2"]["n_articles"] == 2 and rows["st2"]["first_seen"] == "2026-11-26"
    moved = {m["article_id"]: m["reasons"] for m in fresh_db.story_members("st2")}
    assert moved["a2"] == {"decision": "joined", "split": {"from_story": "st1", "score": 0.1}}
    fresh_db.split_story("st1", "st3", [], {})  # nothing to move: no empty story
    assert "st3" not in {r["id"] for r in fresh_db.story_rows()}


def test_writes_grouped_in_a_transaction_commit_together_or_not_at_all(tmp_path: Path) -> None:
    with open_store(tmp_path / "nb.db") as store:
        source, _ = store.add_source("http://a.example/feed.xml")
        assert source.id is not None
        with pytest.raises(KeyboardInterrupt), store.transaction():
            store.upsert_articles([(make_article("a1"), 5, source.id)])
            store.update_source(source.id, etag='"v1"')
            raise KeyboardInterrupt  # stopped between the articles and the commit
        assert store.count("articles") == 0 and store.get_source(source.url).etag is None  # type: ignore[union-attr]

        with store.transaction():
            store.upsert_articles([(make_article("a1"), 5, source.id)])
            with pytest.raises(StoreError), store.transaction():  # a failed inner write undoes only itself
                store.update_source(source.id, etag='"v2"')
                store.update_source(source.id, nonsense=1)
            store.update_source(source.id, etag='"v1"')
        with open_store(tmp_path / "nb.db") as other:  # committed: another connection sees both
            assert other.count("articles") == 1 and other.get_source(source.url).etag == '"v1"'  # type: ignore[union-attr]
