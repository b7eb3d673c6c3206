"""Atom 1.0 and JSON Feed 1.1 of stored digests, so readers can subscribe to the briefing.

Every text and attribute value passes through :func:`~newsbrief.ingest.sanitize.strip_control_chars`:
ElementTree writes control characters as they are, and one ESC or NUL in a stored title would
make the whole Atom feed invalid XML (and reach the terminal of whoever reads the JSON Feed).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Sequence

from ..errors import RenderError
from ..model import Digest
from newsbrief.ingest.sanitize import strip_control_chars

__all__ = ["digest_feed"]

ATOM_NS = "http://www.w3.org/2005/Atom"


def _link(base_url: str, digest: Digest) -> str:
    return f"{base_url.rstrip('/')}/digest-{digest.date.isoformat()}.html"


def _summary(digest: Digest) -> str:
    return " ".join(s.text for s in digest.lede)


def digest_feed(digests: Sequence[Digest], *, fmt: str, base_url: str, title: str = "newsbrief digests") -> str:
    """Return a feed (``atom`` or ``json``) with one entry per digest, newest first.

    :param digests: stored digests.
    :param fmt: ``atom`` or ``json``.
    :param base_url: where the HTML digests are published (entry links point there).
    :param title: the feed's title.
    """
    from . import render

    ordered = sorted(digests, key=lambda d: d.date, reverse=True)
    if fmt == "json":
        clean = strip_control_chars
        feed = {
            "version": "https://jsonfeed.org/version/1.1", "title": clean(title), "home_page_url": clean(base_url),
            "items": [
                {"id": f"urn:newsbrief:digest:{d.date.isoformat()}", "url": clean(_link(base_url, d)),
                 "title": clean(d.title), "summary": clean(_summary(d)), "content_html": render(d, "email"),
                 "content_text": render(d, "text"), "date_published": d.generated_at.isoformat()}
                for d in ordered
            ],
        }
        return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"
    if fmt != "atom":
        raise RenderError(f"render: unknown feed format {fmt!r}; choose atom or json")
    ET.register_namespace("", ATOM_NS)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: strip_control_chars(v) for k, v in attrs.items()})
        if text is not None:
            node.text = strip_control_chars(text)
        return node

    root = ET.Element(f"{{{ATOM_NS}}}feed")
    add(root, "title", title)
    add(root, "id", f"urn:newsbrief:feed:{base_url}")
    add(root, "link", href=base_url)
    add(root, "updated", ordered[0].generated_at.isoformat() if ordered else "1970-01-01T00:00:00+00:00")
    add(add(root, "author"), "name", "newsbrief")
    for d in ordered:
        entry = add(root, "entry")
        add(entry, "title", d.title)
        add(entry, "id", f"urn:newsbrief:digest:{d.date.isoformat()}")
        add(entry, "link", href=_link(base_url, d), rel="alternate", type="text/html")
        add(entry, "updated", d.generated_at.isoformat())
        add(entry, "summary", _summary(d))
        add(entry, "content", render(d, "email"), type="html")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
