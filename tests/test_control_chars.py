"""Control characters from feeds and pages are removed where the text enters, and again on output."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from newsbrief.ingest.extract import build_article, decode_page, extract_page
from newsbrief.ingest.feeds import parse_feed
from newsbrief.model import Article, CitedSentence, Digest, DigestItem, DigestSection, Entry, FetchResult
from newsbrief.render import render
from newsbrief.render.feeds import digest_feed
from newsbrief.ingest.sanitize import html_to_text, sanitize_html, strip_control_chars

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
NOW = dt.datetime(2026, 11, 27, 9, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("dirty, clean", [
    ("plain text", "plain text"),
    ("a\x1b[31mred\x1b[0m b", "ared b"),  # a whole CSI sequence, not just the ESC
    ("\x1b[2J\x1b[1;1Hcleared", "cleared"),
    ("\x1b]0;new window title\x07kept", "kept"),  # OSC ended by BEL
    ("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink ended by ST
    ("nul\x00 and bell\x07 and backspace\x08", "nul and bell and backspace"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("windows\r\nline\rends", "windows\nline\nends"),
    ("del\x7f c1\x85\x9b", "del c1"),
    ("lone \ud800 surrogate \ufffe\uffff", "lone  surrogate "),
    ("esc at the end\x1b", "esc at the end"),
    # invisible marks that would cut a word in two; joiners some scripts need stay
    ("gov\xadern\xadment", "government"),
    ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
    ("\u0915\u094d\u200d\u0937 and \U0001F469\u200d\U0001F4BB", "\u0915\u094d\u200d\u0937 and \U0001F469\u200d\U0001F4BB"),
])
def test_strip_control_chars(dirty: str, clean: str) -> None:
    assert strip_control_chars(dirty) == clean


def test_html_helpers_strip_raw_and_encoded_control_characters() -> None:
    assert html_to_text("<p>One&#27;[31m &#x1;two\x1b[0m</p>") == "One two"
    assert html_to_text("<p>Parlia&shy;ment&#173; voted</p>") == "Parliament voted"
    assert html_to_text("plain &#7; bell") == "plain bell"
    clean = sanitize_html("<p>Hi\x1b[1m <b>there\x00</b></p>")
    assert clean == "<p>Hi <b>there</b></p>"


def test_rss_with_raw_control_characters_parses_clean() -> None:
    raw = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire\x1b[2J Desk\x00</title>'
           "<link>http://w.example/</link><item><title>Chip\x1b[31m export\x00 rules\x1b]0;x\x07 tightened</title>"
           "<link>http://w.example/1</link><author>ed@w.example (Ed\x1b[0m\x07)</author>"
           "<description>Officials\x00 said\x1b[1m so.\r\nMore.</description></item></channel></rss>")
    parsed = parse_feed(raw.encode("utf-8"), url="http://w.example/feed.xml")
    entry = parsed.entries[0]
    assert parsed.title == "Wire Desk"
    assert (entry.title, entry.author) == ("Chip export rules tightened", "ed@w.example (Ed)")
    assert entry.summary_html == "Officials said so.\nMore."


def test_json_feed_with_escaped_control_characters_parses_clean() -> None:
    data = {"version": "https://jsonfeed.org/version/1.1", "title": "J\u001b[2Jfeed\u0000",
            "authors": [{"name": "Ann\u0007 Lee"}],
            "items": [{"id": "1\u0000", "url": "http://j.example/1", "title": "T\u0000itle \ud800 \u001b[31mred",
                       "content_text": "Body\u001b[0m text\u0007 here\r\nline two", "summary": "S\u001bc"}]}
    parsed = parse_feed(json.dumps(data).encode("utf-8"), url="http://j.example/feed.json")
    entry = parsed.entries[0]
    assert parsed.title == "Jfeed" and entry.title == "Title red" and entry.author == "Ann Lee"
    assert entry.content_html == "<p>Body text here</p><p>line two</p>"
    assert entry.guid == "1" and not CONTROL.search(entry.summary_html)


def test_pages_and_articles_are_clean() -> None:
    page = ("<html><head><title>Page\x1b[31m title</title><meta name='author' content='By Bo\x00b'></head><body>"
            "<article><h1>Head</h1>" + "<p>Long paragraph\x1b[1m with\x00 plenty of words in it, repeated. </p>" * 30
            + "</article></body></html>").encode("utf-8")
    assert not CONTROL.search(decode_page(page))
    found = extract_page(page, url="http://p.example/a")
    assert found.text and not CONTROL.search(found.text + found.title + found.author)
    entry = Entry(source_url="http://p.example/feed", guid="g", link="http://p.example/a", title="",
                  author="", summary_html="Teaser\x1b[1m…")
    result = FetchResult("http://p.example/a", "http://p.example/a", 200, {"content-type": "text/html"}, page, NOW)
    article = build_article(entry, page=result, outlet="Out\x1b[31mlet\x00", fetched_at=NOW)
    assert isinstance(article, Article)
    for value in (article.title, article.text, article.html, article.author, article.outlet):
        assert not CONTROL.search(value.replace("\n", "")), repr(value)
    assert article.outlet == "Outlet" and article.author == "Bob"


def _dirty_digest() -> Digest:
    item = DigestItem("st1", "Chip\x1b[31m rules\x00 tightened\ud800",
                      ((CitedSentence("Officials\x1b]0;x\x07 said so.\x0c", ("a1",)),),),
                      (("a1", "Wire\x1b[2J Desk", "http://w.example/1"),))
    return Digest(dt.date(2026, 11, 27), "Brief\x1b[2J\x00 of the day", (CitedSentence("Lead\x07 line.", ("a1",)),),
                  (DigestSection("stories", "Top\x1b[1m stories", (item,)),), NOW)


@pytest.mark.parametrize("fmt", ["md", "text", "html", "email", "json"])
def test_every_digest_format_is_free_of_control_characters(fmt: str) -> None:
    out = render(_dirty_digest(), fmt)
    assert not CONTROL.search(out.replace("\n", "")), fmt
    assert "[2J" not in out and "[31m" not in out
    assert "Chip rules tightened" in out or "Chip rules tightened" in out.replace("\\", "")


def test_atom_and_json_feeds_of_dirty_digests_parse() -> None:
    atom = digest_feed([_dirty_digest()], fmt="atom", base_url="http://h.example/\x1b[1m", title="Feed\x00 title")
    root = ET.fromstring(atom.encode("utf-8"))
    ns = "{http://www.w3.org/2005/Atom}"
    assert root.findtext(f"{ns}title") == "Feed title"
    assert root.findtext(f"{ns}entry/{ns}title") == "Brief of the day"
    assert "Chip rules tightened" in (root.findtext(f"{ns}entry/{ns}content") or "")
    feed = json.loads(digest_feed([_dirty_digest()], fmt="json", base_url="http://h.example/", title="T"))
    values = [feed["title"], feed["home_page_url"], *(str(v) for item in feed["items"] for v in item.values())]
    assert feed["items"][0]["title"] == "Brief of the day"
    assert not [v for v in values if CONTROL.search(v.replace("\n", ""))]
