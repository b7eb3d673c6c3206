"""OPML import and export of the subscribed sources.

:func:`read_opml` accepts what feed readers actually export: nested folders (categories),
``xmlUrl`` in any letter case, ``title`` or ``text`` as the name, duplicates (kept once).
:func:`write_opml` writes OPML 2.0 that :func:`read_opml` (and other readers) read back;
a source weight other than 1.0 travels in a ``newsbrief:weight`` attribute.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

from .errors import ParseError
from .model import Source

__all__ = ["read_opml", "write_opml"]

LOGGER = logging.getLogger(__name__)

_NB_NS = "https://github.com/newsbrief/newsbrief/opml"


def _attr(element: ET.Element, name: str) -> str:
    wanted = name.lower()
    for key, value in element.attrib.items():
        local = key.rsplit("}", 1)[-1].lower()
        if local == wanted:
            return value.strip()
    return ""


def read_opml(data: bytes) -> list[Source]:
    """Return the feeds listed in an OPML document, in document order, each URL once.

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
    seen: set[str] = set()
    for outline in body.iter():
        if outline.tag.rsplit("}", 1)[-1].lower() != "outline":
            continue
        url = _attr(outline, "xmlUrl")
        if not url or url in seen:
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
    return sources


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
