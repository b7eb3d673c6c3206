"""Checks on the bundled sample corpus (src/newsbrief/sample), using feedparser and the stdlib only."""

from __future__ import annotations

import datetime as dt
import html as html_mod
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsbrief" / "sample"
WEB = SAMPLE / "web"
DAYS_DIR = SAMPLE / "days"
NOT_GENERATED = {"__init__.py", "server.py"}


def url_to_path(url: str) -> Path:
    """Map a sample URL to its page file (a trailing '/' means index.html)."""
    parts = urlsplit(url)
    rel = parts.path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    return WEB / parts.netloc / rel


def feed_path(day: str, url: str) -> Path:
    parts = urlsplit(url)
    return DAYS_DIR / day / parts.netloc / parts.path.lstrip("/")


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    return json.loads((SAMPLE / "answer_key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def feed_docs(key: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Every feed file, normalised to {"format", "items": [{id, link, title, summary, content, published}]}."""
    docs = {}
    for outlet in key["outlets"]:
        for feed in outlet["feeds"]:
            for day in key["days"]:
                raw = feed_path(day, feed["url"]).read_bytes()
                docs[(day, feed["url"])] = parse_feed(raw, feed["format"])
    return docs


def parse_feed(raw: bytes, fmt: str) -> dict[str, Any]:
    """Parse XML feeds with feedparser and JSON Feed with json (feedparser 6 has no JSON support)."""
    if fmt == "jsonfeed":
        doc = json.loads(raw)
        assert doc["version"] == "https://jsonfeed.org/version/1.1"
        items = []
        for it in doc["items"]:
            assert it["id"] and it["url"] and it["title"]
            assert "content_html" in it or "content_text" in it
            items.append({
                "id": it["id"], "link": it["url"], "title": it["title"], "summary": it.get("summary", ""),
                "content": it.get("content_html", ""), "published": dt.datetime.fromisoformat(it["date_published"]),
            })
        return {"format": fmt, "items": items}
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    expected = {"rss2": "rss20", "rss1": "rss10", "atom": "atom10"}[fmt]
    assert parsed.version == expected
    items = []
    for e in parsed.entries:
        assert e.get("title") and e.get("link") and e.get("id")
        stamp = e.get("published_parsed") or e.get("updated_parsed")  # RSS 1.0 dc:date -> updated
        assert stamp, e.get("link")
        content = e["content"][0]["value"] if e.get("content") else ""
        items.append({
            "id": e["id"], "link": e["link"], "title": e["title"], "summary": e.get("summary", ""),
            "content": content, "published": dt.datetime(*stamp[:6], tzinfo=dt.UTC),
        })
    return {"format": fmt, "items": items}


def page_text(html_text: str) -> str:
    """Crude visible text of the page's paragraphs, for containment checks."""
    paras = re.findall(r"<p>(.*?)</p>", html_text, flags=re.DOTALL)
    return " ".join(html_mod.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras)


# ----------------------------------------------------------------------------- feeds and pages
def test_every_feed_parses_and_is_nonempty(feed_docs: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert len(feed_docs) >= 20
    for (day, url), doc in feed_docs.items():
        assert doc["items"], f"{day} {url} is empty"


def test_every_item_link_has_a_page(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    key_urls = {a["url"] for a in key["articles"]}
    for (day, url), doc in feed_docs.items():
        for item in doc["items"]:
            assert url_to_path(item["link"]).is_file(), item["link"]
            assert item["link"] in key_urls, item["link"]
            assert item["published"].date().isoformat() <= day


def test_every_key_article_has_a_full_page(key: dict[str, Any]) -> None:
    for a in key["articles"]:
        path = url_to_path(a["url"])
        html_text = path.read_text(encoding="utf-8")
        assert html_text.startswith("<!DOCTYPE html>")
        assert re.search(r'<html lang="en', html_text)
        assert f'<link rel="canonical" href="{a["url"]}">' in html_text
        assert f'<meta property="article:published_time" content="{a["published"]}">' in html_text
        assert '<meta name="author"' in html_text and '<meta property="og:title"' in html_text
        assert "<article" in html_text and "<nav" in html_text and "<footer" in html_text
        assert "<h1" in html_text and html_mod.escape(a["title"]) in html_text
        body = page_text(html_text)
        for para in a["text"].split("\n\n") + [b["text"] for b in a.get("boilerplate", [])]:
            assert para in body, (a["url"], para[:60])
        for b in a.get("boilerplate", []):  # shown on the page, never part of the article's text
            assert b["kind"] in {"byline", "caption", "prompt"} and b["text"] not in a["text"]
        if "paywall-stub" in a["cases"]:
            assert len(a["text"].split()) < 50 and any(b["kind"] == "prompt" for b in a["boilerplate"])
        else:
            assert 3 <= len(a["text"].split("\n\n")) <= 8


def test_real_news_hard_cases_are_in_the_sample(key: dict[str, Any]) -> None:
    cases = {c for a in key["articles"] if a["day"] == key["main_day"] for c in a["cases"]}
    assert {"ticker-spam", "paywall-stub", "satire", "byline", "caption"} <= cases
    kinds = {s["id"]: s["kind"] for s in key["stories"]}
    for a in key["articles"]:
        if {"ticker-spam", "paywall-stub", "satire"} & set(a["cases"]):
            assert kinds[a["story"]] == "not-news", a["key"]


def test_feed_dates_match_pages(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    published = {a["url"]: dt.datetime.fromisoformat(a["published"]) for a in key["articles"]}
    for doc in feed_docs.values():
        for item in doc["items"]:
            assert item["published"] == published[item["link"]]


def test_day_two_feeds_repeat_some_day_one_items(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    day1, day2 = key["days"]
    overlaps = 0
    for outlet in key["outlets"]:
        for feed in outlet["feeds"]:
            ids1 = {i["id"] for i in feed_docs[(day1, feed["url"])]["items"]}
            items2 = feed_docs[(day2, feed["url"])]["items"]
            ids2 = {i["id"] for i in items2}
            overlaps += bool(ids1 & ids2)
            # newest first
            dates = [i["published"] for i in items2]
            assert dates == sorted(dates, reverse=True)
    assert overlaps >= 8


def test_opml_lists_every_feed(key: dict[str, Any]) -> None:
    tree = ET.parse(SAMPLE / "sources.opml")
    assert tree.getroot().get("version") == "2.0"
    outlines = [o for o in tree.iter("outline") if o.get("xmlUrl")]
    feeds = {f["url"] for o in key["outlets"] for f in o["feeds"]}
    assert {o.get("xmlUrl") for o in outlines} == feeds
    assert len(outlines) == len(feeds)
    for o in outlines:
        assert o.get("htmlUrl", "").startswith("http://") and o.get("title")


def test_homepage_offers_feed_autodiscovery() -> None:
    home = (WEB / "www.circuitledger.example" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]+href="http://www.circuitledger.example/feed.xml"', home)


def test_all_hosts_are_reserved_and_http(key: dict[str, Any]) -> None:
    for o in key["outlets"]:
        assert o["host"].endswith(".example")
    for a in key["articles"]:
        assert a["url"].startswith("http://") and urlsplit(a["url"]).netloc.endswith(".example")


# ----------------------------------------------------------------------------- counts
def test_counts(key: dict[str, Any]) -> None:
    main = key["main_day"]
    assert key["days"] == ["2026-11-26", "2026-11-27"] and main == "2026-11-27"
    main_articles = [a for a in key["articles"] if a["day"] == main]
    day1 = [a for a in key["articles"] if a["day"] == key["days"][0]]
    assert len(main_articles) >= 60
    assert 20 <= len(day1) <= 25
    assert len(key["outlets"]) >= 8
    assert len({a["story"] for a in main_articles}) >= 12
    urls = [a["url"] for a in key["articles"]]
    assert len(urls) == len(set(urls))


def test_each_article_in_exactly_one_known_story(key: dict[str, Any]) -> None:
    stories = {s["id"]: s for s in key["stories"]}
    assert len(stories) == len(key["stories"])
    for a in key["articles"]:
        assert a["story"] in stories
        assert a["day"] in stories[a["story"]]["days"]
        assert dt.datetime.fromisoformat(a["published"]).astimezone(dt.UTC).date().isoformat() == a["day"]
    used = {a["story"] for a in key["articles"]}
    assert used == set(stories)


def test_feed_format_mix(key: dict[str, Any]) -> None:
    outlets_by_format: dict[str, set[str]] = defaultdict(set)
    for o in key["outlets"]:
        for f in o["feeds"]:
            outlets_by_format[f["format"]].add(o["host"])
    for fmt in ("rss2", "atom", "jsonfeed"):
        assert len(outlets_by_format[fmt]) >= 2, fmt
    variants = {f["variant"] for o in key["outlets"] for f in o["feeds"]}
    assert {"rss2-content", "rss2-teaser", "atom-content", "atom-summary", "json-content", "json-summary"} <= variants


# ----------------------------------------------------------------------------- hard cases
def test_big_story_covered_by_many_outlets(key: dict[str, Any]) -> None:
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in key["articles"]:
        if a["day"] == key["main_day"]:
            by_story[a["story"]].append(a)
    big = max(by_story.values(), key=lambda arts: len({a["outlet"] for a in arts}))
    assert len({a["outlet"] for a in big}) >= 8
    assert len({a["title"] for a in big}) == len(big)
    for a in big:  # consistent figures
        assert "6.8" in a["text"] and "38.50" in a["text"]


def test_wire_copy(key: dict[str, Any]) -> None:
    by_url = {a["url"]: a for a in key["articles"]}
    copies = [a for a in key["articles"] if a["duplicate_of"]]
    assert copies
    for c in copies:
        canon = by_url[c["duplicate_of"]]
        assert "wire-copy" in c["cases"] and "wire-copy" in canon["cases"]
        assert c["text"] == canon["text"] and c["story"] == canon["story"]
        assert c["outlet"] != canon["outlet"] and c["title"] != canon["title"]
        assert canon["duplicate_of"] is None


def test_teaser_only_items(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    by_url = {a["url"]: a for a in key["articles"]}
    seen = 0
    for doc in feed_docs.values():
        for item in doc["items"]:
            a = by_url[item["link"]]
            if "teaser-only" in a["cases"]:
                assert not item["content"]
                assert item["summary"].endswith(("…", "...")), item["summary"]
                assert len(item["summary"]) < len(a["text"]) / 2
                assert a["text"].startswith(item["summary"].rstrip("….").rstrip())
                seen += 1
    assert seen >= 1


def test_teaser_plus_content_items(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    by_url = {a["url"]: a for a in key["articles"]}
    seen = 0
    for doc in feed_docs.values():
        for item in doc["items"]:
            a = by_url[item["link"]]
            if "teaser+content" in a["cases"]:
                assert item["summary"].endswith(("…", "..."))
                content_text = re.sub(r"<[^>]+>", " ", item["content"])
                assert a["text"].split("\n\n")[-1][:40] in content_text.replace("&#x27;", "'").replace("&quot;", '"')
                seen += 1
    assert seen >= 1


def test_shared_item_across_two_feeds_of_one_outlet(feed_docs: dict[tuple[str, str], dict[str, Any]], key: dict[str, Any]) -> None:
    shared = [a for a in key["articles"] if "shared-guid" in a["cases"]]
    assert shared
    for a in shared:
        assert len(a["feeds"]) >= 2
        ids = set()
        for f in a["feeds"]:
            for day in key["days"]:
                ids |= {i["id"] for i in feed_docs[(day, f)]["items"] if i["link"] == a["url"]}
        assert len(ids) == 1


def test_update_continues_day_one_story(key: dict[str, Any]) -> None:
    updates = [a for a in key["articles"] if "update" in a["cases"]]
    assert updates
    by_url = {a["url"]: a for a in key["articles"]}
    for u in updates:
        old = by_url[u["updates"]]
        assert old["story"] == u["story"] and old["url"] != u["url"] and old["title"] != u["title"]
        assert old["day"] < u["day"] == key["main_day"]
    multi_day = [s for s in key["stories"] if len(s["days"]) == 2]
    assert multi_day


def test_funding_regulation_aggregates(key: dict[str, Any]) -> None:
    by_url = {a["url"]: a for a in key["articles"]}
    main_funding = [f for f in key["funding"] if any(by_url[u]["day"] == key["main_day"] for u in f["urls"])]
    assert len(main_funding) >= 3
    assert any(f["valuation"] for f in key["funding"])
    for f in key["funding"]:
        assert f["currency"] in {"USD", "EUR"} and f["amount"] > 0 and f["round"] and f["lead_investors"]
        for u in f["urls"]:
            assert by_url[u]["story"] == f["story"] and f["company"].split()[0] in by_url[u]["text"]
    assert {f["currency"] for f in key["funding"]} >= {"USD", "EUR"}
    assert key["aggregates"] and all(ag["amount"] > 0 for ag in key["aggregates"])
    statuses = {r["status"] for r in key["regulation"]}
    assert len(key["regulation"]) >= 2 and "proposed" in statuses and statuses & {"delayed", "in force"}
    for r in key["regulation"]:
        assert r["regulator"] and r["jurisdiction"] and r["who_must_comply"]
        dt.date.fromisoformat(r["deadline"])


def test_events(key: dict[str, Any]) -> None:
    by_url = {a["url"]: a for a in key["articles"]}
    upcoming = [e for e in key["events"] if not e["speculative"]]
    assert len(upcoming) >= 5
    assert len({e["expression"] for e in upcoming}) >= 5
    assert any(e["speculative"] for e in key["events"])
    assert key["past_events_not_upcoming"]
    for e in key["events"]:
        start, end = dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"])
        assert start <= end
        pubs = [dt.datetime.fromisoformat(by_url[u]["published"]).date() for u in e["urls"]]
        assert end >= min(pubs), e["what"]
        assert any(e["expression"].lower() in by_url[u]["text"].lower() for u in e["urls"]), e["what"]
    for p in key["past_events_not_upcoming"]:
        pubs = [dt.datetime.fromisoformat(by_url[u]["published"]).date() for u in p["urls"]]
        assert dt.date.fromisoformat(p["date"]) <= min(pubs)


def test_one_source_items_and_near_duplicate_pair(key: dict[str, Any]) -> None:
    main = [a for a in key["articles"] if a["day"] == key["main_day"]]
    per_story = Counter(a["story"] for a in main)
    all_story_counts = Counter(a["story"] for a in key["articles"])
    singles = [s for s, n in per_story.items() if n == 1 and all_story_counts[s] == 1]
    assert len(singles) >= 6
    pairs = key["near_duplicate_stories"]
    assert pairs
    for s1, s2 in pairs:
        assert s1 != s2 and per_story[s1] and per_story[s2]


def test_lengths_vary(key: dict[str, Any]) -> None:
    counts = [a["words"] for a in key["articles"]]
    assert min(counts) <= 130 and max(counts) >= 500


# ----------------------------------------------------------------------------- determinism
def test_build_is_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "sample"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_sample.py"), "--out", str(out), "--quiet"], check=True)

    def files(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in NOT_GENERATED and "__pycache__" not in p.parts
        }

    built, committed = files(out), files(SAMPLE)
    assert sorted(built) == sorted(committed)
    changed = [name for name in built if built[name] != committed[name]]
    assert not changed, changed[:5]
