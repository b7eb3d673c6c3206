"""Stage 2, parse: feed bytes -> entries (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1).

Transport stays out: :func:`parse_feed` takes bytes plus response headers, never a URL to
fetch. Malformed input is parsed as far as possible and what went wrong is recorded in
``ParsedFeed.problems`` (feedparser's ``bozo`` model); :class:`~newsbrief.errors.ParseError`
is raised only when nothing at all is a feed (an HTML page, an empty body, random bytes).

XML formats go through feedparser; JSON Feed has its own small parser here because
feedparser 6 does not read JSON Feed. Full content is preferred over the teaser:
``content:encoded`` / Atom ``<content>`` / ``content_html`` over ``description`` / ``summary``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser

from newsbrief.errors import ParseError
from newsbrief.model import Entry
from newsbrief.ingest.sanitize import html_to_text, strip_control_chars
from newsbrief.ingest.urls import is_http_url, lower_scheme

__all__ = ["ParsedFeed", "discover_feeds", "parse_feed", "parse_json_feed"]

LOGGER = logging.getLogger(__name__)

_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_NO_TZ_TIME = re.compile(r"(?:^|[T\s])\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*$")
_JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/(1(?:\.\d+)?)/?$")


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its metadata, its entries and what was wrong with it."""

    url: str
    title: str
    format: str
    entries: tuple[Entry, ...]
    problems: tuple[str, ...]
    site_url: str = ""


def _lower_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {k.lower(): v for k, v in (headers or {}).items()}


def _describe(content: bytes) -> str:
    head = content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        return "an empty body"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return "an HTML page"
    if head.startswith((b"{", b"[")):
        return "JSON that is not a JSON Feed"
    if head.startswith(b"<"):
        return "XML that is not RSS or Atom"
    return "neither XML nor JSON"


def _looks_like_json(content: bytes, content_type: str) -> bool:
    if "json" in content_type:
        return True
    return content[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def parse_feed(content: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed document into entries, recording problems instead of raising.

    :param content: the body as fetched (any encoding; the XML declaration and the HTTP
        charset are both considered).
    :param url: where the feed came from; relative links resolve against it.
    :param headers: the HTTP response headers (Content-Type, Content-Location matter).
    :raises ParseError: when the body is not a feed at all (message says what it was).
    """
    hdrs = _lower_headers(headers)
    if not content or not content.strip():
        raise ParseError(f"parse: empty body from {url}")
    if _looks_like_json(content, hdrs.get("content-type", "")):
        try:
            data = json.loads(content.decode("utf-8-sig", errors="replace"))
        except ValueError as exc:
            if "json" in hdrs.get("content-type", "") and not content.lstrip().startswith(b"<"):
                raise ParseError(f"parse: invalid JSON from {url}: {exc}") from exc
        else:
            if isinstance(data, dict) and ("jsonfeed.org" in str(data.get("version", "")) or "items" in data):
                return parse_json_feed(data, url=url)
            raise ParseError(f"parse: got {_describe(content)} from {url}, not a feed")
    return _parse_xml_feed(content, url=url, headers=hdrs)


def _struct_to_datetime(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    except (OverflowError, ValueError, TypeError, OSError):
        return None


def _entry_date(item: Any, problems: list[str], counters: dict[str, int]) -> dt.datetime | None:
    tried: set[str] = set()
    for key in ("published", "updated", "created"):
        raw = dict.get(item, key)  # plain dict access: no feedparser key aliasing (and no warning)
        if not raw or str(raw) in tried:
            continue
        tried.add(str(raw))
        parsed = _struct_to_datetime(dict.get(item, f"{key}_parsed"))
        if parsed is None:
            counters["invalid_dates"] += 1
            if counters["invalid_dates"] <= 3:
                problems.append(f"parse: invalid date {str(raw)[:60]!r}, entry left undated")
            continue
        if _NO_TZ_TIME.search(str(raw).strip()):
            counters["naive_dates"] += 1
        return parsed
    return None


def _best_content(item: Any) -> str:
    best = ""
    for part in item.get("content") or ():
        value = part.get("value") or ""
        kind = part.get("type") or ""
        if kind == "text/plain":
            value = value.replace("&", "&amp;").replace("<", "&lt;")
        if len(value) > len(best):
            best = value
    return best


def _text(value: Any) -> str:
    raw = strip_control_chars(str(value or ""))
    if "<" not in raw and "&" not in raw:
        return " ".join(raw.split())  # plain text: the common case for titles and names
    return " ".join(html_to_text(raw).split())


def _url(value: Any) -> str:
    """Return a URL from a feed without control characters or spaces around it, its scheme lower-cased."""
    return lower_scheme(strip_control_chars(str(value or "")).strip())


def _same_text(a: str, b: str) -> bool:
    """Return True when two HTML fragments carry the same text (cheap length check first)."""
    if a.strip() == b.strip():
        return True
    if abs(len(a) - len(b)) > 0.2 * max(len(a), len(b)):
        return False
    return html_to_text(a) == html_to_text(b)


def _fallback_guid(*parts: str) -> str:
    return "sha1:" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _parse_xml_feed(content: bytes, *, url: str, headers: Mapping[str, str]) -> ParsedFeed:
    try:
        result = feedparser.parse(content, response_headers=dict(headers), sanitize_html=False)
    except Exception as exc:  # feedparser is tolerant; this guards against its rare crashes
        raise ParseError(f"parse: feed parser crashed on {url}: {type(exc).__name__}: {exc}") from exc
    problems: list[str] = []
    version = result.get("version") or ""
    meta = result.get("feed") or {}
    raw_entries = result.get("entries") or []
    if result.get("bozo"):
        bozo = result.get("bozo_exception")
        name = type(bozo).__name__ if bozo is not None else "error"
        if name == "CharacterEncodingOverride":
            problems.append(f"parse: declared encoding was wrong, read as {result.get('encoding')}")
        elif name == "NonXMLContentType":
            problems.append(f"parse: served as {headers.get('content-type', '?')!r}, not an XML type")
        else:
            problems.append(f"parse: malformed feed ({name}: {str(bozo)[:160]}); parsed what could be read")
    if not version and not raw_entries:
        what = _describe(content)
        # A channel with metadata but no items is still a feed (e.g. CDF); HTML or junk is not.
        if what == "an HTML page" or not meta or (result.get("bozo") and not meta.get("title")):
            raise ParseError(f"parse: got {what} from {url}, not a feed")

    feed_title = _text(meta.get("title"))
    site_url = _url(meta.get("link"))
    counters = {"invalid_dates": 0, "naive_dates": 0, "dup_guids": 0, "no_link": 0}
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for item in raw_entries:
        try:
            link = _url(item.get("link"))
            if link:
                link = urljoin(url, link) if not url.startswith("/") else link
            content_html = strip_control_chars(_best_content(item))
            summary_html = strip_control_chars(str(item.get("summary") or ""))
            if content_html and summary_html and _same_text(content_html, summary_html):
                summary_html = ""
            title = _text(item.get("title"))
            guid = strip_control_chars(str(item.get("id") or "")) or link or _fallback_guid(title, summary_html, content_html)
            if not link and is_http_url(guid) and item.get("guidislink", True):
                link = lower_scheme(guid)
            if not link:
                counters["no_link"] += 1
            if guid in seen:
                counters["dup_guids"] += 1
                if seen[guid] == link:
                    continue  # the same item twice: keep the first
                guid = f"{guid}#{counters['dup_guids']}"
            seen[guid] = link
            entries.append(
                Entry(
                    source_url=url,
                    guid=guid,
                    link=link,
                    title=title,
                    author=_text(item.get("author")),
                    published=_entry_date(item, problems, counters),
                    summary_html=summary_html,
                    content_html=content_html,
                    feed_title=feed_title,
                )
            )
        except Exception as exc:  # noqa: BLE001 - one odd entry must not lose the feed
            problems.append(f"parse: skipped an entry ({type(exc).__name__}: {exc})")
    if counters["invalid_dates"] > 3:
        problems.append(f"parse: {counters['invalid_dates']} entries had invalid dates in all")
    if counters["naive_dates"]:
        problems.append(
            f"parse: {counters['naive_dates']} entries have dates without a timezone (read as UTC)"
        )
    if counters["dup_guids"]:
        problems.append(f"parse: {counters['dup_guids']} entries repeat a GUID already in this feed")
    if counters["no_link"]:
        problems.append(f"parse: {counters['no_link']} entries have no link")
    return ParsedFeed(
        url=url,
        title=feed_title,
        format=version or "unknown",
        entries=tuple(entries),
        problems=tuple(problems),
        site_url=site_url,
    )


def _json_date(value: Any, problems: list[str]) -> dt.datetime | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        struct = feedparser._parse_date(text)  # the same tolerant date handlers as XML feeds
        parsed_struct = _struct_to_datetime(struct)
        if parsed_struct is None:
            problems.append(f"parse: invalid date {text[:60]!r}, entry left undated")
        return parsed_struct
    if parsed.tzinfo is None:
        problems.append(f"parse: date {text[:40]!r} has no timezone (read as UTC)")
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _json_author(obj: Mapping[str, Any]) -> str:
    authors = obj.get("authors")
    if isinstance(authors, list):  # JSON Feed 1.1
        names = [str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")]
        if names:
            return ", ".join(names)
    author = obj.get("author")  # JSON Feed 1.0
    if isinstance(author, dict) and author.get("name"):
        return str(author["name"])
    return ""


def parse_json_feed(data: Mapping[str, Any], *, url: str) -> ParsedFeed:
    """Map a decoded JSON Feed 1.0/1.1 document to a :class:`ParsedFeed`.

    :param data: the decoded JSON object.
    :param url: where the feed came from.
    """
    problems: list[str] = []
    version_url = str(data.get("version", ""))
    match = _JSON_FEED_VERSION.match(version_url)
    if match:
        fmt = "json" + match.group(1).replace(".", "")
        if fmt == "json1":
            fmt = "json10"
    else:
        fmt = "json"
        problems.append(f"parse: JSON Feed without a known version ({version_url[:60]!r})")
    items = data.get("items")
    if not isinstance(items, list):
        problems.append("parse: JSON Feed has no items list")
        items = []
    feed_title = _text(data.get("title"))
    entries: list[Entry] = []
    seen: set[str] = set()
    dups = 0
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(f"parse: JSON Feed item {index} is not an object, skipped")
            continue
        link = _url(item.get("url") or item.get("external_url"))
        if link:
            link = urljoin(url, link)
        content_html = strip_control_chars(str(item.get("content_html") or ""))
        if not content_html and item.get("content_text"):
            text = strip_control_chars(str(item["content_text"]))
            content_html = "".join(
                f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>"
                for p in text.split("\n")
                if p.strip()
            )
        summary_html = strip_control_chars(str(item.get("summary") or ""))
        title = _text(item.get("title"))
        guid = strip_control_chars(str(item.get("id") or "")) or link or _fallback_guid(title, content_html)
        if guid in seen:
            dups += 1
            guid = f"{guid}#{dups}"
        seen.add(guid)
        entries.append(
            Entry(
                source_url=url,
                guid=guid,
                link=link,
                title=title,
                author=_text(_json_author(item) or _json_author(data)),
                published=_json_date(item.get("date_published") or item.get("date_modified"), problems),
                summary_html=summary_html,
                content_html=content_html,
                feed_title=feed_title,
            )
        )
    if dups:
        problems.append(f"parse: {dups} entries repeat a GUID already in this feed")
    return ParsedFeed(
        url=url,
        title=feed_title,
        format=fmt,
        entries=tuple(entries),
        problems=tuple(problems),
        site_url=_url(data.get("home_page_url")),
    )


_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ANCHOR_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_BASE_TAG = re.compile(r"<base\b[^>]*>", re.IGNORECASE)
_FEEDISH_HREF = re.compile(
    r"(?:\.rss|\.atom|\.rdf|/feed/?|/rss/?|/atom/?|feed\.xml|rss\.xml|atom\.xml|feed\.json)$", re.IGNORECASE
)


def _attrs(tag: str) -> dict[str, str]:
    import html as html_lib

    return {
        m.group(1).lower(): html_lib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(tag)
    }


def discover_feeds(html: bytes, *, base_url: str) -> list[str]:
    """Return the feed URLs an HTML page advertises, best first (``<link rel=alternate>``).

    Falls back to ``<a href>`` links that look like feeds when the page declares none.

    :param html: the page.
    :param base_url: the page URL, for relative links (a ``<base href>`` overrides it).
    """
    text = html[:2_000_000].decode("utf-8", errors="replace")
    base = base_url
    base_tag = _BASE_TAG.search(text)
    if base_tag:
        href = _attrs(base_tag.group(0)).get("href")
        if href:
            base = urljoin(base_url, href)
    found: list[str] = []
    for tag in _LINK_TAG.findall(text):
        attrs = _attrs(tag)
        rels = attrs.get("rel", "").lower().split()
        kind = attrs.get("type", "").lower().split(";")[0].strip()
        href = attrs.get("href", "").strip()
        if href and ("alternate" in rels or "feed" in rels) and kind in _FEED_TYPES:
            # Generic types are feeds only when the link says so: WordPress puts
            # rel=alternate type=application/json (its REST API) on every page.
            generic = kind in ("application/json", "application/xml", "text/xml")
            if generic and "feed" not in rels and not _FEEDISH_HREF.search(href.split("?")[0]):
                continue
            found.append(urljoin(base, href))
    if not found:
        for tag in _ANCHOR_TAG.findall(text):
            href = _attrs(tag).get("href", "").strip()
            if href and _FEEDISH_HREF.search(href.split("?")[0]):
                found.append(urljoin(base, href))
    return list(dict.fromkeys(lower_scheme(u) for u in found if is_http_url(u)))
