"""What a user types into search, turned into a safe SQLite FTS5 query or PostgreSQL tsquery.

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

__all__ = ["OPERATORS", "fts_query", "tsquery_sql"]

OPERATORS = frozenset({"AND", "OR", "NOT"})
# a quoted phrase (its closing quote may be missing) or a run of anything but spaces and quotes
_PIECE = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _terms(text: str) -> list[tuple[str, str]]:
    """Return the search as ``(kind, value)`` items: ``("text", words)``, ``("prefix", words)`` or ``("op", OR|AND|NOT)``.

    :raises StoreError: the text has no word to search for (only punctuation or operators).
    """
    items: list[tuple[str, str]] = []
    for found in _PIECE.finditer(text):
        phrase, word = found.group(1), found.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                items.append(("text", " ".join(phrase.split())))
            continue
        if word in OPERATORS:
            # an operator needs a term on each side: drop one at the start or after another
            if items and items[-1][0] != "op":
                items.append(("op", word))
            continue
        core = word.rstrip("*")
        if _WORD.search(core):
            items.append(("prefix" if core != word else "text", core))
    while items and items[-1][0] == "op":
        items.pop()
    if not items:
        raise StoreError(f'search: nothing to search for in {text!r}; give words or "a phrase"')
    return items


def fts_query(text: str) -> str:
    """Return the FTS5 query for a user's search text.

    :param text: what the user typed.
    :raises StoreError: the text has no word to search for (only punctuation or operators).
    """
    return " ".join(value if kind == "op" else _string(value) + ("*" if kind == "prefix" else "")
                    for kind, value in _terms(text))


def tsquery_sql(text: str, *, config: str = "english") -> tuple[str, list[str]]:
    """Return a PostgreSQL ``tsquery`` expression (with its parameters) for a user's search text.

    The same syntax as :func:`fts_query`, with FTS5's precedence (NOT binds tightest, then
    AND, then OR): each term is a phrase of its words (``phraseto_tsquery``); a prefix term's
    last word matches as a prefix. Words reach PostgreSQL only as parameters.

    :param text: what the user typed.
    :param config: the text search configuration (the one the search index is built with).
    :raises StoreError: the text has no word to search for.
    """
    groups: list[list[str]] = [[]]  # OR of ANDs
    params: list[str] = []
    negate = False
    for kind, value in _terms(text):
        if kind == "op":
            if value == "OR":
                groups.append([])
            negate = value == "NOT"
            continue
        if kind == "prefix":
            words = _WORDS.findall(value.lower())
            term = f"to_tsquery('{config}', %s)"
            params.append(" <-> ".join(f"'{w}'" for w in words) + ":*")
        else:
            term = f"phraseto_tsquery('{config}', %s)"
            params.append(value)
        groups[-1].append(f"!!{term}" if negate else term)
        negate = False
    return " || ".join("(" + " && ".join(g) + ")" for g in groups if g), params
