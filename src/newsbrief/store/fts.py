"""What a user types into search, turned into a safe SQLite FTS5 query.

The search syntax is small and every input is valid:

- words are matched anywhere (all of them must match): ``chip export``;
- ``"two words"`` matches the phrase;
- a trailing ``*`` matches a prefix: ``regulat*``;
- ``OR`` and ``NOT`` (upper case, between two terms) combine terms: ``chip OR wafer``,
  ``chip NOT memory``; ``AND`` is allowed and is what two terms mean anyway.

Every other character is text, never syntax: each word becomes an FTS5 string, so
``Kestrel-3``, ``AT&T``, ``U.S.``, ``Freightlane's``, ``$6.8``, ``100%`` and ``C++`` are
searched as the words they contain instead of raising a syntax error.
"""

from __future__ import annotations

import re

from ..errors import StoreError

__all__ = ["OPERATORS", "fts_query"]

OPERATORS = frozenset({"AND", "OR", "NOT"})
# a quoted phrase (its closing quote may be missing) or a run of anything but spaces and quotes
_PIECE = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w")


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """Return the FTS5 query for a user's search text.

    :param text: what the user typed.
    :raises StoreError: the text has no word to search for (only punctuation or operators).
    """
    items: list[str] = []
    for found in _PIECE.finditer(text):
        phrase, word = found.group(1), found.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                items.append(_string(" ".join(phrase.split())))
            continue
        if word in OPERATORS:
            # an operator needs a term on each side: drop one at the start or after another
            if items and items[-1] not in OPERATORS:
                items.append(word)
            continue
        core = word.rstrip("*")
        if _WORD.search(core):
            items.append(_string(core) + ("*" if core != word else ""))
    while items and items[-1] in OPERATORS:
        items.pop()
    if not items:
        raise StoreError(f'search: nothing to search for in {text!r}; give words or "a phrase"')
    return " ".join(items)
