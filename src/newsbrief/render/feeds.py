"""Atom 1.0 and JSON Feed 1.1 of stored digests, so readers can subscribe to the briefing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Sequence

from ..errors import RenderError
from ..model import Digest

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
        feed = {
            "version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": base_url,
            "items": [
                {"id": f"urn:newsbrief:digest:{d.date.isoformat()}", "url": _link(base_url, d), "title": d.title,
                 "summary": _summary(d), "content_html": render(d, "email"), "content_text": render(d, "text"),
                 "date_published": d.generated_at.isoformat()}
                for d in ordered
            ],
        }
        return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"
    if fmt != "atom":
        raise RenderError(f"render: unknown feed format {fmt!r}; choose atom or json")
    ET.register_namespace("", ATOM_NS)
    root = ET.Element(f"{{{ATOM_NS}}}feed")
    ET.SubElement(root, f"{{{ATOM_NS}}}title").text = title
    ET.SubElement(root, f"{{{ATOM_NS}}}id").text = f"urn:newsbrief:feed:{base_url}"
    ET.SubElement(root, f"{{{ATOM_NS}}}link", href=base_url)
    updated = ordered[0].generated_at.isoformat() if ordered else "1970-01-01T00:00:00+00:00"
    ET.SubElement(root, f"{{{ATOM_NS}}}updated").text = updated
    ET.SubElement(ET.SubElement(root, f"{{{ATOM_NS}}}author"), f"{{{ATOM_NS}}}name").text = "newsbrief"
    for d in ordered:
        entry = ET.SubElement(root, f"{{{ATOM_NS}}}entry")
        ET.SubElement(entry, f"{{{ATOM_NS}}}title").text = d.title
        ET.SubElement(entry, f"{{{ATOM_NS}}}id").text = f"urn:newsbrief:digest:{d.date.isoformat()}"
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", href=_link(base_url, d), rel="alternate", type="text/html")
        ET.SubElement(entry, f"{{{ATOM_NS}}}updated").text = d.generated_at.isoformat()
        ET.SubElement(entry, f"{{{ATOM_NS}}}summary").text = _summary(d)
        ET.SubElement(entry, f"{{{ATOM_NS}}}content", type="html").text = render(d, "email")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
