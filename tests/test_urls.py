"""URL schemes are case-insensitive wherever newsbrief tells a URL from a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from misbehaving_server import Route, serve

from newsbrief.ingest.extract import needs_page
from newsbrief.ingest.feeds import discover_feeds, parse_feed
from newsbrief.model import Entry
from newsbrief.pipeline import _is_local
from newsbrief.ingest.sanitize import sanitize_html
from newsbrief.ingest.urls import is_http_url, lower_scheme


@pytest.mark.parametrize("value, expected", [
    ("http://a.example/", True), ("HTTP://Example.com/feed", True), ("Https://a.example", True),
    ("hTtPs://a.example/x", True), ("/home/me/feed.xml", False), ("feeds/http://x", False), ("ftp://a/", False),
    ("HTTP:/missing-slash", False), ("", False),
])
def test_is_http_url(value: str, expected: bool) -> None:
    assert is_http_url(value) is expected
    assert _is_local(value) is not expected


def test_lower_scheme_changes_only_the_scheme() -> None:
    assert lower_scheme("HTTP://Example.com/Feed.XML") == "http://Example.com/Feed.XML"
    assert lower_scheme("HTTPS://a.example/?q=HTTP://b") == "https://a.example/?q=HTTP://b"
    assert lower_scheme("/Local/HTTP://path") == "/Local/HTTP://path"


def test_feed_links_with_upper_case_schemes_are_web_links() -> None:
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>HTTP://Site.example/</link>'
           b"<item><title>A</title><link>HTTP://Site.example/a</link><description>Short.</description></item>"
           b"<item><title>B</title><guid isPermaLink='true'>HTTPS://Site.example/b</guid></item></channel></rss>")
    parsed = parse_feed(rss, url="/home/me/feeds/local.xml")  # a local file: links are not joined to it
    assert [e.link for e in parsed.entries] == ["http://Site.example/a", "https://Site.example/b"]
    assert parsed.site_url == "http://Site.example/"
    assert needs_page(parsed.entries[0])  # a teaser with a web link: its page is fetched
    shouting = Entry(source_url="/f.xml", guid="g", link="HTTP://Site.example/c", title="C", summary_html="Short.")
    assert needs_page(shouting)


def test_page_feed_links_and_base_urls_with_upper_case_schemes() -> None:
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="HTTP://Site.example/rss.xml"></head></html>'
    assert discover_feeds(page, base_url="http://site.example/") == ["http://Site.example/rss.xml"]
    assert 'href="https://n.example/about"' in sanitize_html('<a href="/about">a</a>', base_url="HTTPS://n.example/news/1")


def _rss(n: int, base: str = "http://n.example") -> bytes:
    items = "".join(
        f"<item><title>Story number {i}</title><link>{base}/{i}</link><guid>{base}/{i}</guid>"
        f"<description>{' '.join(f'word{i}x{j}' for j in range(70))}.</description>"
        f"<pubDate>Fri, 27 Nov 2026 {8 + i % 10:02d}:00:00 GMT</pubDate></item>"
        for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()


# -- upper-case URL schemes ------------------------------------------------------------------
def test_upper_case_scheme_is_a_url_in_add_check_fetch_and_opml(newsbrief_cli, tmp_path: Path) -> None:
    with serve({"/feed.xml": Route(body=_rss(2))}) as srv:
        url = srv.url("/feed.xml")
        shouted = "HTTP://" + url.removeprefix("http://")
        newsbrief_cli("init")
        checked = newsbrief_cli("sources", "check", shouted)
        assert checked.exit_code == 0, checked.output
        assert "items:    2" in checked.output
        added = newsbrief_cli("sources", "add", shouted)
        assert added.exit_code == 0, added.output
        assert f"added: {url}" in added.output  # stored with the scheme in lower case
        assert "2 new articles" in newsbrief_cli("fetch", "--no-progress").output
        assert newsbrief_cli("sources", "remove", shouted).exit_code == 0
        opml = tmp_path / "subs.opml"
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="S" '
                        f'xmlUrl="{shouted}"/></body></opml>')
        assert newsbrief_cli("sources", "import-opml", str(opml)).exit_code == 0
        fetched = newsbrief_cli("fetch", "--no-progress", "--force")
        assert fetched.exit_code == 0 and "1 fetched" in fetched.output and "0 failed" in fetched.output
        assert sum(r.path == "/feed.xml" for r in srv.requests) == 4  # check, add, fetch, fetch of the OPML source
