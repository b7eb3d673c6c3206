"""Search narrowed by day, source, entity and fact type, paged by the store, in the store, the API and the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from factories import make_article

from newsbrief.config import load_settings
from newsbrief.store import SQLiteStore, open_store
from newsbrief.web import ServerThread, make_app

DAY = dt.date(2026, 11, 27)


def _fill(store: SQLiteStore) -> dict[str, int]:
    """Store seven "rail" articles over three days from two sources, two of them cited by facts."""
    wire = store.add_source("http://wire.example/feed.xml", title="Wire")[0].id
    post = store.add_source("http://post.example/feed.xml", title="Post")[0].id
    assert wire is not None and post is not None
    rows = []
    for n, (aid, day, source) in enumerate([("r1", "2026-11-25", wire), ("r2", "2026-11-26", wire),
                                            ("r3", "2026-11-26", post), ("r4", "2026-11-27", post),
                                            ("r5", "2026-11-27", wire), ("r6", "2026-11-27", wire),
                                            ("r7", "2026-11-27", post)], 1):
        rows.append((make_article(aid, title=f"Rail strike update {aid}", text="The rail strike goes on.", day=day), n, source))
    store.upsert_articles(rows)
    store.put_facts([
        ("k-ent", "entity", None, DAY, ["r2", "r4"], "", {"type": "entity", "name": "Kestrel Rail", "label": "ORG"}),
        ("k-fund", "funding", None, DAY, ["r4"], "Kestrel Rail raised $5m.", {"type": "funding", "company": "Kestrel Rail"}),
        # an id that only starts like another must not match it
        ("k-other", "regulation", None, DAY, ["r10"], "", {"type": "regulation"}),
    ])
    return {"wire": wire, "post": post}


@pytest.fixture
def filled(fresh_db: SQLiteStore) -> tuple[SQLiteStore, dict[str, int]]:
    return fresh_db, _fill(fresh_db)


def _ids(rows: list[dict[str, object]]) -> set[str]:
    return {str(r["id"]) for r in rows}


def test_search_filters_by_day_range(filled: tuple[SQLiteStore, dict[str, int]]) -> None:
    store, _ = filled
    assert _ids(store.search("rail", since=dt.date(2026, 11, 26), until=dt.date(2026, 11, 26))) == {"r2", "r3"}
    assert _ids(store.search("rail", since=DAY)) == {"r4", "r5", "r6", "r7"}
    assert _ids(store.search("rail", until=dt.date(2026, 11, 25))) == {"r1"}


def test_search_filters_by_source(filled: tuple[SQLiteStore, dict[str, int]]) -> None:
    store, sources = filled
    assert _ids(store.search("rail", source_id=sources["post"])) == {"r3", "r4", "r7"}
    assert _ids(store.search("rail", source_id=sources["wire"], since=DAY)) == {"r5", "r6"}


def test_search_filters_by_entity_and_fact_type(filled: tuple[SQLiteStore, dict[str, int]]) -> None:
    store, _ = filled
    assert _ids(store.search("rail", entity="kestrel rail")) == {"r2", "r4"}
    assert _ids(store.search("rail", fact_type="funding")) == {"r4"}
    assert _ids(store.search("rail", entity="Kestrel Rail", fact_type="funding")) == {"r4"}
    assert _ids(store.search("rail", fact_type="regulation")) == set()
    assert store.search("rail", entity="Nobody") == []


def test_search_pages_are_cut_by_the_store(filled: tuple[SQLiteStore, dict[str, int]]) -> None:
    store, _ = filled
    everything = [r["id"] for r in store.search("rail", limit=100)]
    assert len(everything) == 7
    pages = [[r["id"] for r in store.search("rail", limit=3, offset=off)] for off in (0, 3, 6, 9)]
    assert pages == [everything[0:3], everything[3:6], everything[6:7], []]
    assert [r["id"] for r in store.search("rail", limit=2, offset=1, source_id=filled[1]["wire"])] == \
        [r for r in everything if r in {"r1", "r2", "r5", "r6"}][1:3]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[httpx.Client, dict[str, int]]]:
    settings = load_settings(data_dir=tmp_path / "data", env={})
    with open_store(settings.db_path) as store:
        sources = _fill(store)
    with ServerThread(make_app(settings.db_path, settings=settings)) as srv:
        with httpx.Client(base_url=srv.url, timeout=10, trust_env=False) as c:
            yield c, sources


@pytest.mark.sqlite_only
def test_api_search_takes_the_filters_and_pages(client: tuple[httpx.Client, dict[str, int]]) -> None:
    c, sources = client
    body = c.get("/api/v1/search", params={"q": "rail", "source": sources["post"], "since": "2026-11-26",
                                           "until": "2026-11-27", "limit": 2}).json()
    assert (body["limit"], body["offset"], body["more"]) == (2, 0, True)
    rest = c.get("/api/v1/search", params={"q": "rail", "source": sources["post"], "since": "2026-11-26",
                                           "limit": 2, "offset": 2}).json()
    assert rest["more"] is False
    assert _ids(body["results"]) | _ids(rest["results"]) == {"r3", "r4", "r7"}
    assert _ids(c.get("/api/v1/search", params={"q": "rail", "entity": "Kestrel Rail"}).json()["results"]) == {"r2", "r4"}
    assert _ids(c.get("/api/v1/search", params={"q": "rail", "type": "funding"}).json()["results"]) == {"r4"}
    bad = c.get("/api/v1/search", params={"q": "rail", "type": "gossip"})
    assert bad.status_code == 400 and bad.json() == {"error": "type: 'gossip' is not one of funding, regulation, event, entity"}
    assert c.get("/api/v1/search", params={"q": "rail", "since": "soon"}).json() == {
        "error": "since: 'soon' is not a date like 2026-11-27"}


@pytest.mark.sqlite_only
def test_search_page_keeps_the_filters_across_pages(client: tuple[httpx.Client, dict[str, int]]) -> None:
    c, sources = client
    first = c.get("/search", params={"q": "rail", "source": sources["wire"], "limit": 3}).text
    assert "Results 1–3 for" in first
    assert f'<option value="{sources["wire"]}" selected>Wire</option>' in first
    nxt = f'href="/search?q=rail&amp;source={sources["wire"]}&amp;limit=3&amp;page=2"'
    assert nxt in first
    second = c.get("/search", params={"q": "rail", "source": sources["wire"], "limit": 3, "page": 2}).text
    assert "Results 4–4 for" in second and 'rel="next"' not in second
    assert c.get("/search", params={"q": "rail", "entity": "Kestrel Rail"}).text.count("<li><div>") == 2
