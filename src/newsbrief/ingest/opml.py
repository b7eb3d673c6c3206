"""OPML import and export of the subscribed sources.

:func:`read_opml` accepts what feed readers actually export: nested folders (categories),
``xmlUrl`` in any letter case, ``title`` or ``text`` as the name, duplicates (kept once).
:func:`write_opml` writes OPML 2.0 that :func:`read_opml` (and other readers) read back;
a source weight other than 1.0 travels in a ``newsbrief:weight`` attribute.

An OPML file often comes from someone else, so only absolute ``http``/``https`` feed URLs
(any letter case) are taken from it: a ``file://`` URL or a path would make newsbrief read
and index a local file, and ``javascript:``, ``ftp:`` or relative URLs are no feeds.
:func:`parse_opml` returns each such outline as a :class:`SkippedOutline` with its reason;
a local feed file stays something the user subscribes to by hand (``sources add PATH``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

from newsbrief.errors import ParseError
from newsbrief.model import Source

__all__ = ["OpmlFeeds", "SkippedOutline", "feed_url_problem", "parse_opml", "read_opml", "write_opml"]

LOGGER = logging.getLogger(__name__)

_NB_NS = "https://github.com/newsbrief/newsbrief/opml"


def _attr(element: ET.Element, name: str) -> str:
    wanted = name.lower()
    for key, value in element.attrib.items():
        local = key.rsplit("}", 1)[-1].lower()
        if local == wanted:
            return value.strip()
    return ""


@dataclass(frozen=True, slots=True)
class SkippedOutline:
    """An outline of an OPML file that was not imported, and why."""

    position: int  # 1-based, counting every <outline> in document order
    title: str
    url: str
    reason: str

    def describe(self) -> str:
        """Return one line naming the outline and the reason."""
        name = f'"{self.title}", ' if self.title else ""
        return f"opml: skipped outline {self.position} ({name}{self.url!r}): {self.reason}"


@dataclass(frozen=True, slots=True)
class OpmlFeeds:
    """What an OPML document lists: the importable feeds and the outlines skipped."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[SkippedOutline] = field(default_factory=list)


def feed_url_problem(url: str) -> str | None:
    """Return why a feed URL from an OPML file must not be imported, or None for an http(s) URL.

    :param url: the outline's ``xmlUrl``.
    """
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return "the URL contains control characters"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return None if parts.hostname else "the URL has no host"
    if scheme == "file":
        return "a local file (file://); OPML import takes only http(s) URLs"
    if not scheme:
        if url.startswith(("/", "~", "\\")):
            return "a local file path; OPML import takes only http(s) URLs"
        return "a relative URL; OPML import takes only absolute http(s) URLs"
    if len(scheme) == 1 and url[1:3] in (":\\", ":/"):
        return "a local file path; OPML import takes only http(s) URLs"
    return f"scheme {scheme!r} is not http(s)"


def read_opml(data: bytes) -> list[Source]:
    """Return the http(s) feeds listed in an OPML document, in document order, each URL once.

    Outlines with any other kind of URL are left out; :func:`parse_opml` also says which and why.

    :param data: the OPML file's bytes.
    :raises ParseError: when the document is not well-formed XML or not OPML.
    """
    return parse_opml(data).sources


def parse_opml(data: bytes) -> OpmlFeeds:
    """Return the http(s) feeds of an OPML document and the outlines skipped, with reasons.

    :param data: the OPML file's bytes.
    :raises ParseError: when the document is not well-formed XML or not OPML.
    """
    if not data or not data.strip():
        raise ParseError("opml: the file is empty")
    if b"<!ENTITY" in data[:4096]:
        raise ParseError("opml: entity declarations are not allowed in OPML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ParseError(f"opml: not well-formed XML ({exc})") from exc
    if root.tag.rsplit("}", 1)[-1].lower() != "opml":
        raise ParseError(f"opml: root element is <{root.tag}>, not <opml>")
    body = next((child for child in root if child.tag.rsplit("}", 1)[-1].lower() == "body"), None)
    if body is None:
        raise ParseError("opml: the document has no <body>")
    sources: list[Source] = []
    skipped: list[SkippedOutline] = []
    seen: set[str] = set()
    position = 0
    for outline in body.iter():
        if outline.tag.rsplit("}", 1)[-1].lower() != "outline":
            continue
        position += 1
        url = _attr(outline, "xmlUrl")
        if not url:
            continue
        problem = feed_url_problem(url)
        if problem:
            skipped.append(SkippedOutline(position, _attr(outline, "title") or _attr(outline, "text"), url, problem))
            continue
        scheme = url.split(":", 1)[0]
        url = scheme.lower() + url[len(scheme):]  # HTTP://host/feed is fine; stored as http://
        if url in seen:
            continue
        seen.add(url)
        weight = 1.0
        raw_weight = _attr(outline, "weight")
        if raw_weight:
            try:
                weight = float(raw_weight)
            except ValueError:
                LOGGER.warning("opml: ignoring weight %r of %s", raw_weight, url)
        title = _attr(outline, "title") or _attr(outline, "text")
        if title == url:
            title = ""
        sources.append(Source(url=url, title=title, weight=weight))
    return OpmlFeeds(sources, skipped)


def write_opml(sources: Sequence[Source], *, title: str = "newsbrief sources") -> str:
    """Return an OPML 2.0 document listing ``sources``.

    :param sources: the feeds to export.
    :param title: the document title.
    """
    created = dt.datetime.now(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<opml version="2.0" xmlns:newsbrief="{_NB_NS}">',
        "  <head>",
        f"    <title>{_escape(title)}</title>",
        f"    <dateCreated>{created}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for source in sources:
        attrs = f'type="rss" text={quoteattr(source.title or source.url)}'
        if source.title:
            attrs += f" title={quoteattr(source.title)}"
        attrs += f" xmlUrl={quoteattr(source.url)}"
        if source.weight != 1.0:
            attrs += f' newsbrief:weight="{source.weight:g}"'
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
