"""OPML import/export round-trips and clear errors."""

from __future__ import annotations

import pytest

from newsbrief.errors import ParseError
from newsbrief.model import Source
from newsbrief.ingest.opml import SkippedOutline, parse_opml, read_opml, write_opml

EXPORTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="Tech" title="Tech">
    <outline type="rss" text="Ars" title="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
    <outline type="rss" text="HN" xmlurl="https://news.ycombinator.com/rss"/>
  </outline>
  <outline type="rss" text="Ars again" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/>
  <outline text="Folder without feeds"/>
</body></opml>"""


def test_read_nested_folders_case_and_duplicates() -> None:
    assert read_opml(EXPORTED) == [
        Source(url="https://feeds.arstechnica.com/arstechnica/index", title="Ars Technica"),
        Source(url="https://news.ycombinator.com/rss", title="HN"),
    ]


def test_round_trip() -> None:
    sources = [
        Source(url="https://a.example/feed?x=1&y=<2>", title='Quotes "and" & ampersands'),
        Source(url="https://b.example/atom", title="Bé ünïcode", weight=2.5),
    ]
    text = write_opml(sources, title="Mine & yours")
    assert "<title>Mine &amp; yours</title>" in text
    assert read_opml(text.encode("utf-8")) == sources


def test_exported_local_sources_are_not_imported_back() -> None:
    text = write_opml([Source(url="/home/me/feeds/local.xml"), Source(url="https://a.example/feed")])
    feeds = parse_opml(text.encode("utf-8"))
    assert feeds.sources == [Source(url="https://a.example/feed")]
    assert [s.url for s in feeds.skipped] == ["/home/me/feeds/local.xml"]


UNSAFE = b"""<?xml version="1.0"?>
<opml version="2.0"><head/><body>
  <outline text="Good" xmlUrl="https://good.example/feed"/>
  <outline text="Secrets" xmlUrl="file:///etc/passwd"/>
  <outline text="Folder">
    <outline text="Abs path" xmlUrl="/home/me/.config/newsbrief/other.json"/>
    <outline text="Home path" xmlUrl="~/notes.xml"/>
    <outline text="Loud" xmlUrl="HTTP://Loud.example/Feed.xml"/>
  </outline>
  <outline text="JS" xmlUrl="javascript:alert(1)"/>
  <outline text="FTP" xmlUrl="ftp://files.example/feed.xml"/>
  <outline text="Relative" xmlUrl="feeds/news.xml"/>
  <outline text="Windows" xmlUrl="C:\\feeds\\news.xml"/>
  <outline text="No host" xmlUrl="http:///feed.xml"/>
  <outline text="Upper file" xmlUrl="FILE:///etc/hosts"/>
  <outline text="Secure" xmlUrl="hTTpS://secure.example/rss"/>
</body></opml>"""


def test_only_http_urls_are_imported_and_every_other_outline_is_reported() -> None:
    feeds = parse_opml(UNSAFE)
    assert [s.url for s in feeds.sources] == [
        "https://good.example/feed", "http://Loud.example/Feed.xml", "https://secure.example/rss"]
    assert read_opml(UNSAFE) == feeds.sources
    reasons = {s.title: s.reason for s in feeds.skipped}
    assert reasons == {
        "Secrets": "a local file (file://); OPML import takes only http(s) URLs",
        "Abs path": "a local file path; OPML import takes only http(s) URLs",
        "Home path": "a local file path; OPML import takes only http(s) URLs",
        "JS": "scheme 'javascript' is not http(s)",
        "FTP": "scheme 'ftp' is not http(s)",
        "Relative": "a relative URL; OPML import takes only absolute http(s) URLs",
        "Windows": "a local file path; OPML import takes only http(s) URLs",
        "No host": "the URL has no host",
        "Upper file": "a local file (file://); OPML import takes only http(s) URLs",
    }
    assert feeds.skipped[0] == SkippedOutline(2, "Secrets", "file:///etc/passwd", reasons["Secrets"])
    assert feeds.skipped[0].describe() == (
        "opml: skipped outline 2 (\"Secrets\", 'file:///etc/passwd'): a local file (file://); "
        "OPML import takes only http(s) URLs")
    assert all("\n" not in s.describe() for s in feeds.skipped)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "opml: the file is empty"),
        (b"<opml><body><outline", "opml: not well-formed XML"),
        (b"<rss version='2.0'><channel/></rss>", "opml: root element is <rss>, not <opml>"),
        (b"<opml version='2.0'><head/></opml>", "opml: the document has no <body>"),
        (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml/>', "opml: entity declarations"),
    ],
)
def test_errors_are_one_line_parse_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        read_opml(data)
    assert str(info.value).startswith(message) and "\n" not in str(info.value)


def test_empty_body_is_empty_list() -> None:
    assert read_opml(b"<opml version='2.0'><head/><body/></opml>") == []
