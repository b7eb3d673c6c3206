"""Helpers to declare articles compactly as structured data."""

from __future__ import annotations

import re
from typing import Any

_MARK = re.compile(r"^\[(byline|caption|prompt)\]\s*")


def article(
    key: str,
    outlet: str,
    when: str,
    slug: str,
    title: str,
    author: str,
    story: str,
    body: str,
    *,
    dek: str = "",
    feeds: tuple[str, ...] = (),
    cases: tuple[str, ...] = (),
    section: str = "news",
    wire: str | None = None,
    updates: str | None = None,
) -> dict[str, Any]:
    """Return one article record; ``when`` is an ISO 8601 UTC timestamp ("2026-11-27T13:05Z").

    ``body`` holds paragraphs separated by blank lines; empty ``feeds`` means the
    outlet's first (main) feed. A paragraph that starts with ``[kind]`` (``[byline]``,
    ``[caption]``, ``[prompt]``) is shown on the page and in the feed but is not article prose:
    it is listed in ``boilerplate`` and left out of the answer key's text.
    """
    paragraphs, boilerplate = [], []
    for p in (" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()):
        m = _MARK.match(p)
        if m:
            p = p[m.end():]
            boilerplate.append({"kind": m.group(1), "text": p})
        paragraphs.append(p)
    return {
        "key": key,
        "outlet": outlet,
        "when": when,
        "slug": slug,
        "title": title,
        "author": author,
        "story": story,
        "paragraphs": paragraphs,
        "boilerplate": boilerplate,
        "dek": " ".join(dek.split()),
        "feeds": list(feeds),
        "cases": list(cases),
        "section": section,
        "wire": wire,
        "updates": updates,
    }
