"""OPML import/export round-trips and clear errors."""

from __future__ import annotations

import pytest

from newsbrief.errors import ParseError
from newsbrief.model import Source
from newsbrief.opml import read_opml, write_opml

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
        Source(url="/home/me/feeds/local.xml", title=""),
        Source(url="https://b.example/atom", title="Bé ünïcode", weight=2.5),
    ]
    text = write_opml(sources, title="Mine & yours")
    assert "<title>Mine &amp; yours</title>" in text
    assert read_opml(text.encode("utf-8")) == sources


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
