"""Feed parsing: every format, full content over teasers, problems recorded, discovery."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsbrief.errors import ParseError
from newsbrief.ingest.feeds import discover_feeds, parse_feed

JAN9 = dt.datetime(2026, 1, 9, 10, tzinfo=dt.UTC)

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>http://o.example/</link>
<item><title>One</title><link>http://o.example/1</link><description>Desc one</description></item></channel></rss>"""
RSS10 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://r.example/"><title>RDF</title><link>http://r.example/</link></channel>
<item rdf:about="http://r.example/1"><title>One</title><link>http://r.example/1</link>
<dc:date>2026-01-09T10:00:00Z</dc:date><description>Desc</description></item></rdf:RDF>"""
RSS20 = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Two &amp; co</title><link>http://t.example/</link>
<item><title>One</title><link>/rel/1</link><guid isPermaLink="false">g-1</guid><dc:creator>Ann</dc:creator>
<pubDate>Fri, 09 Jan 2026 10:00:00 GMT</pubDate><description>Teaser text...</description>
<content:encoded><![CDATA[<p>The full text.</p><p>Second paragraph.</p>]]></content:encoded></item></channel></rss>"""
ATOM03 = b"""<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A03</title>
<link rel="alternate" href="http://a.example/"/><entry><title>One</title><link rel="alternate" href="http://a.example/1"/>
<id>tag:a,2026:1</id><issued>2026-01-09T10:00:00Z</issued><summary>Sum</summary></entry></feed>"""
ATOM10 = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A10</title>
<link href="http://b.example/"/><id>urn:b</id><updated>2026-01-09T10:00:00Z</updated>
<entry><title type="html">One &lt;em&gt;bold&lt;/em&gt;</title><link href="http://b.example/1"/><id>urn:b:1</id>
<published>2026-01-09T11:00:00+01:00</published><updated>2026-01-09T12:00:00Z</updated>
<author><name>Bo</name></author><summary>Short</summary><content type="html">&lt;p&gt;Long content&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize(
    ("body", "fmt", "title"),
    [
        (RSS091, "rss091u", "Old"),
        (RSS10, "rss10", "RDF"),
        (RSS20, "rss20", "Two & co"),
        (ATOM03, "atom03", "A03"),
        (ATOM10, "atom10", "A10"),
    ],
)
def test_xml_formats(body: bytes, fmt: str, title: str) -> None:
    parsed = parse_feed(body, url="http://x.example/feed")
    assert parsed.format == fmt and parsed.title == title
    assert len(parsed.entries) == 1 and parsed.entries[0].title.startswith("One")
    assert parsed.problems == ()


def test_rss20_prefers_full_content_and_maps_fields() -> None:
    [entry] = parse_feed(RSS20, url="http://t.example/feed").entries
    assert entry.content_html == "<p>The full text.</p><p>Second paragraph.</p>"
    assert entry.summary_html == "Teaser text..."
    assert entry.link == "http://t.example/rel/1" and entry.guid == "g-1"
    assert entry.author == "Ann" and entry.published == JAN9 and entry.feed_title == "Two & co"


def test_atom_content_over_summary_and_published_over_updated() -> None:
    [entry] = parse_feed(ATOM10, url="http://b.example/feed").entries
    assert entry.content_html == "<p>Long content</p>" and entry.summary_html == "Short"
    assert entry.title == "One bold"  # HTML titles become plain text
    assert entry.published == JAN9 and entry.author == "Bo"


@pytest.mark.parametrize(
    ("version", "fmt"),
    [("https://jsonfeed.org/version/1", "json10"), ("https://jsonfeed.org/version/1.1", "json11")],
)
def test_json_feed_versions(version: str, fmt: str) -> None:
    doc = {
        "version": version,
        "title": "J",
        "home_page_url": "http://j.example/",
        "author": {"name": "Old Style"},
        "items": [
            {
                "id": "1",
                "url": "http://j.example/1",
                "title": "One",
                "summary": "S",
                "content_html": "<p>Full</p>",
                "date_published": "2026-01-09T10:00:00Z",
                "authors": [{"name": "New"}, {"name": "Style"}],
            },
            {
                "id": "2",
                "url": "/2",
                "content_text": "Plain <text>\nline two",
                "date_modified": "2026-01-09T10:00:00Z",
            },
            "not an object",
        ],
    }
    parsed = parse_feed(json.dumps(doc).encode(), url="http://j.example/feed.json")
    assert parsed.format == fmt and parsed.site_url == "http://j.example/"
    one, two = parsed.entries
    assert one.content_html == "<p>Full</p>" and one.summary_html == "S" and one.author == "New, Style"
    assert two.content_html == "<p>Plain &lt;text></p><p>line two</p>" and two.link == "http://j.example/2"
    assert two.author == "Old Style" and two.published == JAN9
    assert any("item 2 is not an object" in p for p in parsed.problems)


def test_json_that_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match="JSON that is not a JSON Feed"):
        parse_feed(b'{"hello": "world"}', url="u")
    with pytest.raises(ParseError, match="invalid JSON"):
        parse_feed(b'{"version": ', url="u", headers={"Content-Type": "application/feed+json"})


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (b"<html><body>x</body></html>", "an HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "neither XML nor JSON"),
        (b"<note><to>x</to></note>", "XML that is not RSS or Atom"),
    ],
)
def test_not_a_feed_raises_with_what_it_got(body: bytes, what: str) -> None:
    with pytest.raises(ParseError, match=what):
        parse_feed(body, url="http://x.example/f")


def test_truncated_feed_keeps_what_it_can() -> None:
    parsed = parse_feed(RSS20[: RSS20.index(b"</item>")], url="http://t.example/feed")
    assert len(parsed.entries) == 1 and parsed.entries[0].guid == "g-1"
    assert parsed.problems and parsed.problems[0].startswith("parse: malformed feed")


def test_timezone_less_dates_are_recorded() -> None:
    body = RSS20.replace(
        b"<pubDate>Fri, 09 Jan 2026 10:00:00 GMT</pubDate>", b"<dc:date>2026-01-09T10:00:00</dc:date>"
    )
    parsed = parse_feed(body, url="http://t.example/feed")
    assert parsed.entries[0].published == JAN9
    assert any("without a timezone" in p for p in parsed.problems)


def test_entry_without_guid_or_link_gets_stable_guid() -> None:
    body = b'<rss version="2.0"><channel><title>T</title><item><title>X</title><description>D</description></item></channel></rss>'
    first = parse_feed(body, url="u").entries[0]
    assert first.guid.startswith("sha1:") and first.guid == parse_feed(body, url="u").entries[0].guid
    assert any("no link" in p for p in parse_feed(body, url="u").problems)


def test_discover_feeds_from_link_tags() -> None:
    html = b"""<html><head><base href="http://site.example/blog/">
    <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
    <link rel="alternate" type="application/atom+xml" href="/atom">
    <link rel="alternate" type="application/feed+json" href="https://site.example/feed.json">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="stylesheet" href="/s.css"></head><body></body></html>"""
    assert discover_feeds(html, base_url="http://site.example/post/1") == [
        "http://site.example/blog/feed.xml",
        "http://site.example/atom",
        "https://site.example/feed.json",
    ]


def test_discover_feeds_falls_back_to_anchors() -> None:
    html = b'<html><body><a href="/about">About</a><a href="/rss.xml">RSS</a><a href="/feed/">Feed</a></body></html>'
    assert discover_feeds(html, base_url="http://s.example/") == [
        "http://s.example/rss.xml",
        "http://s.example/feed/",
    ]
    assert discover_feeds(b"", base_url="http://s.example/") == []


def test_discover_ignores_wordpress_rest_links() -> None:
    html = (
        b'<link rel="alternate" type="application/json" href="https://w.example/wp-json/wp/v2/posts/1">'
        b'<link rel="alternate" type="application/rss+xml" href="https://w.example/feed/">'
    )
    assert discover_feeds(html, base_url="https://w.example/p") == ["https://w.example/feed/"]


def test_utf16_feed_with_bom() -> None:
    body = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Ünï</title><item><title>Ça</title><link>http://u.example/1</link></item></channel></rss>'
    parsed = parse_feed(body.encode("utf-16"), url="http://u.example/feed")
    assert parsed.title == "Ünï" and parsed.entries[0].title == "Ça"


def test_latin1_feed_declared_as_such() -> None:
    body = '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Café</title></channel></rss>'
    parsed = parse_feed(body.encode("latin-1"), url="http://u.example/feed")
    assert parsed.title == "Café" and parsed.entries == () and parsed.problems == ()


def test_json_feed_items_not_a_list() -> None:
    parsed = parse_feed(
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": {}}', url="u"
    )
    assert parsed.entries == () and parsed.problems == ("parse: JSON Feed has no items list",)


def test_external_entities_are_not_resolved() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0">'
        b"<channel><title>T &xxe;</title><item><title>A &xxe;</title><link>http://x.example/1</link></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(body, url="http://x.example/f")
    assert "root:" not in parsed.title + parsed.entries[0].title


def test_entity_expansion_bomb_is_contained() -> None:
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 9)
    ]
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]><rss version="2.0"><channel>'
        "<title>&l8;</title></channel></rss>"
    ).encode()
    parsed = parse_feed(body, url="http://x.example/f")
    assert len(parsed.title) < 1000 and parsed.problems
