"""Bad feeds served by a real server on 127.0.0.1, fetched and parsed: each gets a reason, none crashes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from misbehaving_server import Route, serve

from newsbrief.errors import ParseError
from newsbrief.ingest.extract import build_article
from newsbrief.ingest.feeds import ParsedFeed, parse_feed
from newsbrief.ingest.fetch import FetchRequest, FetchSettings, fetch_all
from newsbrief.model import Article

SETTINGS = FetchSettings(allow_private=True, per_host_interval=0.0, per_host_concurrency=8)
NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)


def _rss(items: str, encoding: str = "utf-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>Feed</title>'
        f"<link>http://news.example/</link>{items}</channel></rss>"
    )


def _item(i: int, guid: str | None = None, date: str = "Fri, 09 Jan 2026 10:00:00 GMT") -> str:
    return (
        f"<item><title>Item {i}</title><link>http://news.example/{i}</link><guid>{guid or i}</guid>"
        f"<pubDate>{date}</pubDate><description>Body of item {i}.</description></item>"
    )


def _fetch_parse(routes: dict[str, Route], path: str) -> ParsedFeed:
    with serve(routes) as srv:
        [outcome] = fetch_all([FetchRequest(srv.url(path))], settings=SETTINGS)
    assert outcome.result is not None, outcome.error
    return parse_feed(outcome.result.content, url=srv.url(path), headers=outcome.result.headers)


def test_malformed_xml_parsed_as_far_as_possible() -> None:
    body = _rss(_item(1) + _item(2) + "<item><title>Broken & unescaped <b>tag</title>").encode()
    parsed = _fetch_parse({"/f": Route(body=body)}, "/f")
    assert [e.title for e in parsed.entries][:2] == ["Item 1", "Item 2"]
    assert any(p.startswith("parse: malformed feed") for p in parsed.problems)


def test_missing_encoding_declaration_and_charset() -> None:
    body = (
        '<rss version="2.0"><channel><title>Zürich</title>'
        + _item(1).replace("Item", "Élément")
        + "</channel></rss>"
    ).encode("utf-8")
    parsed = _fetch_parse({"/f": Route(body=body, content_type="application/xml")}, "/f")
    assert parsed.title == "Zürich" and parsed.entries[0].title == "Élément 1"


def test_wrong_charset_in_http_header() -> None:
    body = _rss(_item(1).replace("Item", "Ça")).encode("utf-8")
    parsed = _fetch_parse({"/f": Route(body=body, content_type="text/xml; charset=windows-1251")}, "/f")
    assert len(parsed.entries) == 1  # text may be mis-decoded, but the entry survives
    assert parsed.entries[0].link == "http://news.example/1"


def test_html_served_as_feed() -> None:
    with serve({"/f": Route(body=b"<!DOCTYPE html><html><body><p>Hello</p></body></html>")}) as srv:
        [outcome] = fetch_all([FetchRequest(srv.url("/f"))], settings=SETTINGS)
    assert outcome.result is not None
    with pytest.raises(ParseError, match=r"^parse: got an HTML page from .*, not a feed$"):
        parse_feed(outcome.result.content, url=srv.url("/f"), headers=outcome.result.headers)


def test_empty_body() -> None:
    with serve({"/f": Route(body=b"")}) as srv:
        [outcome] = fetch_all([FetchRequest(srv.url("/f"))], settings=SETTINGS)
    assert outcome.result is not None
    with pytest.raises(ParseError, match="^parse: empty body from"):
        parse_feed(outcome.result.content, url=srv.url("/f"))


def test_invalid_dates_recorded_and_article_dated_first_seen() -> None:
    body = _rss(_item(1, date="the day after tomorrow") + _item(2, date="Fri, 32 Foo 2026 99:99:99")).encode()
    parsed = _fetch_parse({"/f": Route(body=body)}, "/f")
    assert all(e.published is None for e in parsed.entries)
    assert sum("invalid date" in p for p in parsed.problems) == 2
    article = build_article(parsed.entries[0], page=None, outlet="News", fetched_at=NOW)
    assert isinstance(article, Article) and article.published == NOW and article.date_source == "first-seen"


def test_duplicate_guids_within_and_across_feeds() -> None:
    feed_a = _rss(_item(1, guid="same") + _item(2, guid="same") + _item(1, guid="same")).encode()
    feed_b = _rss(_item(9, guid="same")).encode()
    with serve({"/a": Route(body=feed_a), "/b": Route(body=feed_b)}) as srv:
        out_a, out_b = fetch_all(
            [FetchRequest(srv.url("/a")), FetchRequest(srv.url("/b"))], settings=SETTINGS
        )
    assert out_a.result is not None and out_b.result is not None
    pa = parse_feed(out_a.result.content, url=srv.url("/a"))
    pb = parse_feed(out_b.result.content, url=srv.url("/b"))
    # within a feed: the exact repeat is dropped, the different item under the same GUID is kept
    assert [e.link for e in pa.entries] == ["http://news.example/1", "http://news.example/2"]
    assert len({e.guid for e in pa.entries}) == 2
    assert any("repeat a GUID" in p for p in pa.problems)
    # across feeds: the same GUID does not merge different items (ids come from URLs)
    ids = {
        a.id
        for a in (build_article(e, page=None, outlet="x", fetched_at=NOW) for e in pa.entries + pb.entries)
        if isinstance(a, Article)
    }
    assert len(ids) == 3


def test_feed_with_10000_items() -> None:
    body = _rss("".join(_item(i) for i in range(10_000))).encode()
    started = time.monotonic()
    parsed = _fetch_parse({"/big": Route(body=body, gzip=True)}, "/big")
    assert len(parsed.entries) == 10_000
    assert len({e.guid for e in parsed.entries}) == 10_000
    assert time.monotonic() - started < 20


def test_json_feed_served_over_http() -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": ['
        b'{"id": "1", "url": "http://news.example/j1", "title": "J1", "content_html": "<p>x</p>",'
        b' "date_published": "2026-01-09T10:00:00+01:00"}]}'
    )
    parsed = _fetch_parse({"/j": Route(body=body, content_type="application/feed+json")}, "/j")
    assert parsed.format == "json11"
    assert parsed.entries[0].published == dt.datetime(2026, 1, 9, 9, tzinfo=dt.UTC)
