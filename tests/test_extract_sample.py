"""End to end over the bundled sample corpus: OPML -> fetch (via proxy) -> parse -> extract -> dedup.

The sample's answer key says what every article's text, date and duplicate status must be;
the mirror server is a real HTTP server on 127.0.0.1 used as a proxy for the .example hosts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.ingest.dedup import DedupIndex, canonical_url, normalize_text, simhash
from newsbrief.ingest.extract import build_article, needs_page
from newsbrief.ingest.feeds import parse_feed
from newsbrief.ingest.fetch import FetchRequest, FetchSettings, fetch_all
from newsbrief.model import Article
from newsbrief.ingest.opml import read_opml

sample = pytest.importorskip("newsbrief.sample")


def _ingest(day: str) -> tuple[dict[str, Article], dict[str, str | None], list[str]]:
    root = sample.sample_root()
    sources = read_opml((root / "sources.opml").read_bytes())
    problems: list[str] = []
    with sample.MirrorServer(root, day=day) as mirror:
        settings = FetchSettings(proxy=mirror.proxy_url, per_host_interval=0.0)  # allow_private stays False
        outcomes = fetch_all([FetchRequest(s.url) for s in sources], settings=settings)
        problems += [o.error for o in outcomes if o.error]
        entries = []
        for outcome in outcomes:
            if outcome.result is not None:
                parsed = parse_feed(
                    outcome.result.content, url=outcome.request.url, headers=outcome.result.headers
                )
                problems += parsed.problems
                entries += [(entry, parsed.title) for entry in parsed.entries]
        wanted = list(dict.fromkeys(e.link for e, _ in entries if needs_page(e)))
        pages = {
            o.request.url: o
            for o in fetch_all([FetchRequest(u, kind="page") for u in wanted], settings=settings)
        }
        problems += [o.error for o in pages.values() if o.error]
        assert mirror.requests and all(r.startswith("http://") for r in mirror.requests)  # proxy-style
    fetched_at = dt.datetime.fromisoformat(f"{day}T23:00:00+00:00")
    articles: dict[str, Article] = {}
    for entry, outlet in entries:
        page = pages.get(entry.link)
        built = build_article(entry, page=page.result if page else None, outlet=outlet, fetched_at=fetched_at)
        assert isinstance(built, Article), built
        articles.setdefault(built.id, built)
    index = DedupIndex()
    duplicates: dict[str, str | None] = {}
    for article in sorted(articles.values(), key=lambda a: a.published):
        duplicates[article.id] = index.find(article)
        if duplicates[article.id] is None:
            index.add(article.id, article.content_hash, simhash(article.text))
    return articles, duplicates, problems


@pytest.mark.parametrize("day", ["2026-11-26", "2026-11-27"])
def test_sample_day_matches_answer_key(day: str) -> None:
    key = sample.answer_key()
    expected = {canonical_url(a["url"]): a for a in key["articles"] if a["day"] <= day}
    articles, duplicates, problems = _ingest(day)
    assert problems == []
    for article in articles.values():
        truth = expected[article.canonical_url]  # nothing outside the key
        words, truth_words = (
            set(normalize_text(article.text).split()),
            # Extraction keeps the page's whole text; bylines, captions and prompts go at cleaning.
            set(normalize_text(" ".join([truth["text"], *(b["text"] for b in truth.get("boilerplate", []))])).split()),
        )
        assert len(words & truth_words) / len(words | truth_words) >= 0.9, truth["key"]
        assert not article.is_teaser, truth["key"]
        published = dt.datetime.fromisoformat(truth["published"])
        assert abs((article.published - published).total_seconds()) <= 60, (truth["key"], article.date_source)
        assert article.language == "en"
    todays = [a for a in expected.values() if a["day"] == day]
    assert {canonical_url(a["url"]) for a in todays} <= {a.canonical_url for a in articles.values()}
    assert any(a["duplicate_of"] for a in todays) or day != "2026-11-27"
    for article in articles.values():
        truth = expected[article.canonical_url]
        if truth["duplicate_of"]:
            original = next(
                a.id for a in articles.values() if a.canonical_url == canonical_url(truth["duplicate_of"])
            )
            assert duplicates[article.id] == original, truth["key"]
        else:
            assert duplicates[article.id] is None, truth["key"]  # updates and teasers included
