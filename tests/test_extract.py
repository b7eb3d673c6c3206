"""Extraction: teaser detection, full text from pages, dates, language, sanitized HTML, skips."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.ingest.dates import date_from_url, reconcile_date
from newsbrief.ingest.extract import build_article, detect_language, needs_page
from newsbrief.model import Article, Entry, FetchResult, Skip

NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
LONG = " ".join(
    f"Sentence number {i} says the central bank raised rates by a quarter point." for i in range(12)
)
PARAS = "".join(
    f"<p>Paragraph {i}: the regional council approved the new transit budget after a long debate "
    f"about fares, bus lanes and the timetable for the northern line extension.</p>"
    for i in range(10)
)
PAGE = (
    f"<html><head><title>Council approves budget | Daily</title>"
    f"<meta property='article:published_time' content='2026-01-08T09:00:00Z'>"
    f"<meta name='author' content='Jane Roe'></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>Council approves budget</h1>{PARAS}</article><footer>© Daily</footer></body></html>"
).encode()


def _entry(**kw: object) -> Entry:
    base: dict[str, object] = {
        "source_url": "http://d.example/feed",
        "guid": "g1",
        "link": "http://d.example/2026/01/08/budget?utm_source=rss",
        "title": "Council approves budget",
    }
    base.update(kw)
    return Entry(**base)  # type: ignore[arg-type]


def _page(content: bytes = PAGE, status: int = 200) -> FetchResult:
    url = "http://d.example/2026/01/08/budget"
    return FetchResult(url=url, final_url=url, status=status, headers={}, content=content, fetched_at=NOW)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, True),  # no content
        ({"summary_html": "<p>The council met today and…</p>"}, True),
        ({"summary_html": "Short but complete."}, True),
        ({"summary_html": LONG + " Read more"}, True),
        ({"summary_html": LONG + " [...]"}, True),
        ({"content_html": f"<p>{LONG}</p>"}, False),
        ({"link": "", "summary_html": ""}, False),  # nothing to fetch
    ],
)
def test_needs_page(kw: dict[str, object], expected: bool) -> None:
    assert needs_page(_entry(**kw)) is expected


def test_teaser_plus_page_gives_full_text_and_page_metadata() -> None:
    entry = _entry(summary_html="<p>The council approved…</p>")
    article = build_article(entry, page=_page(), outlet="Daily", fetched_at=NOW)
    assert isinstance(article, Article)
    assert "Paragraph 9" in article.text and not article.is_teaser
    assert not article.text.startswith("Council approves budget")  # the <h1> is not repeated
    assert article.author == "Jane Roe" and article.language == "en"
    assert article.published == dt.datetime(2026, 1, 8, 12, tzinfo=dt.UTC) and article.date_source == "page"
    assert article.canonical_url == "http://d.example/2026/01/08/budget"
    assert article.html.startswith("<p>Paragraph 0") and "<script" not in article.html
    assert len(article.content_hash) == 32 and len(article.id) == 16


def test_teaser_without_page_is_flagged_and_same_id_as_full() -> None:
    entry = _entry(summary_html="<p>The council approved…</p>")
    teaser = build_article(entry, page=None, outlet="Daily", fetched_at=NOW)
    full = build_article(entry, page=_page(), outlet="Daily", fetched_at=NOW)
    assert isinstance(teaser, Article) and isinstance(full, Article)
    assert teaser.is_teaser and teaser.text == "The council approved…"
    assert teaser.id == full.id  # one item, one article


def test_full_feed_content_wins_over_page_of_similar_length() -> None:
    entry = _entry(
        content_html=f"<p>{LONG}</p><script>alert(1)</script>",
        published=dt.datetime(2026, 1, 8, 7, tzinfo=dt.UTC),
    )
    article = build_article(entry, page=None, outlet="Daily", fetched_at=NOW)
    assert isinstance(article, Article)
    assert article.text == LONG and article.html == f"<p>{LONG}</p>"
    assert article.date_source == "feed" and article.published.hour == 7


def test_failed_or_empty_page_falls_back_to_feed() -> None:
    entry = _entry(summary_html="<p>The council approved…</p>")
    for page in (_page(status=404), _page(content=b""), _page(content=b"\x00\x01\x02 binary")):
        article = build_article(entry, page=page, outlet="Daily", fetched_at=NOW)
        assert isinstance(article, Article) and article.is_teaser


def test_no_title_no_content_is_a_skip_with_reason() -> None:
    skip = build_article(_entry(title="", link="", guid="x"), page=None, outlet="", fetched_at=NOW)
    assert isinstance(skip, Skip) and skip.stage == "extract"
    assert skip.reason == "extract: entry has no title and no content"


def test_title_falls_back_to_first_line() -> None:
    article = build_article(
        _entry(title="", content_html="<p>First line here</p><p>More</p>"),
        page=None,
        outlet="",
        fetched_at=NOW,
    )
    assert isinstance(article, Article) and article.title == "First line here"


def test_entry_without_link_uses_guid_identity() -> None:
    a = build_article(
        _entry(link="", guid="urn:x:1", content_html="<p>Body</p>"), page=None, outlet="", fetched_at=NOW
    )
    b = build_article(
        _entry(link="", guid="urn:x:2", content_html="<p>Body</p>"), page=None, outlet="", fetched_at=NOW
    )
    assert isinstance(a, Article) and isinstance(b, Article) and a.id != b.id and a.url == ""


def test_language_detection() -> None:
    assert (
        detect_language(
            "Die Bundesregierung hat am Mittwoch einen neuen Haushalt beschlossen, der mehr Geld vorsieht."
        )
        == "de"
    )
    assert (
        detect_language(
            "Le gouvernement a présenté mercredi un nouveau budget qui prévoit davantage de dépenses."
        )
        == "fr"
    )
    assert detect_language("ok") == ""


# --- dates -------------------------------------------------------------------------------


def test_date_from_url() -> None:
    assert date_from_url("https://x.example/2026/01/08/story") == dt.date(2026, 1, 8)
    assert date_from_url("https://x.example/news/2026-01-08-story.html") == dt.date(2026, 1, 8)
    assert date_from_url("https://x.example/20260108/story") == dt.date(2026, 1, 8)
    assert date_from_url("https://x.example/2026/13/45/story") is None
    assert date_from_url("https://x.example/story-12345") is None


def test_reconcile_feed_wins_when_plausible() -> None:
    feed = dt.datetime(2026, 1, 9, 8, tzinfo=dt.UTC)
    r = reconcile_date(fetched_at=NOW, feed=feed, page=dt.date(2026, 1, 9), url="http://x/2026/01/09/a")
    assert (r.value, r.source, r.problems) == (feed, "feed", ())


def test_reconcile_future_feed_date_clamped_or_dropped() -> None:
    soon = NOW + dt.timedelta(hours=5)  # a local time read as UTC
    r = reconcile_date(fetched_at=NOW, feed=soon)
    assert r.value == NOW and r.source == "feed-future-clamped" and "future" in r.problems[0]
    far = NOW + dt.timedelta(days=30)
    r = reconcile_date(fetched_at=NOW, feed=far, url="http://x/2026/01/07/a")
    assert r.source == "url" and r.value == dt.datetime(2026, 1, 7, 12, tzinfo=dt.UTC)


def test_reconcile_naive_feed_date_read_as_utc() -> None:
    r = reconcile_date(fetched_at=NOW, feed=dt.datetime(2026, 1, 9, 8))
    assert r.value == dt.datetime(2026, 1, 9, 8, tzinfo=dt.UTC)


def test_reconcile_restamped_old_item_uses_page_date() -> None:
    r = reconcile_date(fetched_at=NOW, feed=NOW - dt.timedelta(hours=1), page=dt.date(2025, 6, 1))
    assert r.source == "page-over-feed" and r.value.date() == dt.date(2025, 6, 1)


def test_reconcile_falls_back_to_url_then_first_seen() -> None:
    assert reconcile_date(fetched_at=NOW, url="http://x/2026/01/10/a").value == NOW  # today: clamped
    r = reconcile_date(fetched_at=NOW, feed=dt.datetime(1970, 1, 1, tzinfo=dt.UTC), page=dt.date(2099, 1, 1))
    assert r.source == "first-seen" and r.value == NOW and len(r.problems) == 2


def test_page_in_windows_1252_without_charset() -> None:
    html = (
        PAGE.decode()
        .replace("Paragraph 0:", "Paragraph 0: café déjà vu —")
        .encode("windows-1252", errors="replace")
    )
    article = build_article(
        _entry(summary_html="<p>The council…</p>"), page=_page(content=html), outlet="D", fetched_at=NOW
    )
    assert isinstance(article, Article) and "café déjà vu" in article.text


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        ("Zürich".encode(), "", "Zürich"),
        ("Zürich".encode("latin-1"), "text/html; charset=iso-8859-1", "Zürich"),
        ('<meta charset="koi8-r">Привет'.encode("koi8-r"), "", '<meta charset="koi8-r">Привет'),
        ("Zürich".encode("latin-1"), "text/html; charset=utf-8", "Zürich"),  # lying header
        ("Zürich".encode("latin-1"), "text/html; charset=bogus-42", "Zürich"),
        ("\ufeffBOM".encode(), "", "BOM"),
    ],
)
def test_decode_page(content: bytes, content_type: str, expected: str) -> None:
    from newsbrief.ingest.extract import decode_page

    assert decode_page(content, content_type=content_type) == expected


def test_missing_extractor_is_a_run_level_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from newsbrief.errors import ExtractError
    from newsbrief.ingest.extract import extract_page

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ExtractError, match="cannot import trafilatura"):
        extract_page(b"<html><body><p>text</p></body></html>", url="http://x.example/a")
