"""Search snippets split into plain and matched parts, brackets in the article text kept as text.

The store's full-text search marks each match in its snippet with ``[`` and ``]``
(:meth:`~newsbrief.store.SQLiteStore.search`). Article text has brackets of its own ("[pdf]",
"[/bold]"), so the marks are found by walking the snippet along the article text it was cut
from: a bracket the text does not have at that point is a mark. Without the text, a bracketed
run that starts and ends on a word character is taken for a match.
"""

from __future__ import annotations

import re

__all__ = ["ELLIPSIS", "snippet_parts"]

ELLIPSIS = "…"
"""What the store puts where a snippet starts after or ends before the text does."""

_MARK = re.compile(r"\[(\w(?:[^\[\]]*\w)?)\]")


def _walk(snippet: str, text: str, start: int) -> list[tuple[str, bool]] | None:
    """Return the parts of ``snippet`` read as ``text[start:]`` with marks inserted, or None if it is not."""
    parts: list[tuple[str, bool]] = []
    run: list[str] = []
    inside = False
    j = start
    for ch in snippet:
        if j < len(text) and text[j] == ch:
            run.append(ch)
            j += 1
        elif ch == ("]" if inside else "["):
            if run:
                parts.append(("".join(run), inside))
            run, inside = [], not inside
        else:
            return None
    if inside:
        return None
    if run:
        parts.append(("".join(run), False))
    return parts


def _aligned(snippet: str, text: str) -> list[tuple[str, bool]] | None:
    first = next((ch for ch in snippet if ch not in "[]"), None)
    if first is None:
        return None
    at = text.find(first)
    while at != -1:
        parts = _walk(snippet, text, at)
        if parts is not None:
            return parts
        at = text.find(first, at + 1)
    return None


def snippet_parts(snippet: str, text: str | None = None) -> list[tuple[str, bool]]:
    """Return ``snippet`` as ``(text, is_match)`` parts, the store's ``[`` ``]`` marks removed.

    :param snippet: the ``snippet`` of a search row.
    :param text: the article text the snippet was cut from (the ``text`` column), when known.
    """
    if text:
        head = ELLIPSIS if snippet.startswith(ELLIPSIS) else ""
        tail = ELLIPSIS if snippet.endswith(ELLIPSIS) and len(snippet) > len(head) else ""
        for lead, end in dict.fromkeys([(head, tail), ("", tail), (head, ""), ("", "")]):
            aligned = _aligned(snippet[len(lead):len(snippet) - len(end)], text)
            if aligned is not None:
                return ([(lead, False)] if lead else []) + aligned + ([(end, False)] if end else [])
    parts: list[tuple[str, bool]] = []
    last = 0
    for found in _MARK.finditer(snippet):
        if found.start() > last:
            parts.append((snippet[last:found.start()], False))
        parts.append((found.group(1), True))
        last = found.end()
    if last < len(snippet):
        parts.append((snippet[last:], False))
    return parts
