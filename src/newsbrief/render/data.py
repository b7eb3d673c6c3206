"""Digest <-> JSON-safe data, the stored and ``--format json`` form of a digest.

The JSON schema (version 1)::

    {"schema": "newsbrief.digest/1", "date": "YYYY-MM-DD", "title": str, "generated_at": ISO8601,
     "lede": [Sentence], "stats": {str: int},
     "diagnostics": [{"stage": str, "what": str, "reason": str}]   (only when there are some)
     "sections": [{"kind": "stories|funding|regulation|short|ahead", "title": str,
                   "items": [{"story_id": str, "headline": str, "marker": str, "one_line": bool,
                              "paragraphs": [[Sentence]], "sources": [{"id", "outlet", "url"}],
                              "extra": {...}}],
                   "more": [Item]}]}      (items past the section's length bound; may be absent)
    Sentence = {"text": str, "cites": [article_id, ...]}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import CitedSentence, Digest, DigestItem, DigestSection, Skip

__all__ = ["SCHEMA", "calendar_from_dict", "digest_from_dict", "digest_to_dict"]

SCHEMA = "newsbrief.digest/1"


def _sent(s: CitedSentence) -> dict[str, Any]:
    return {"text": s.text, "cites": list(s.article_ids)}


def _item(it: DigestItem) -> dict[str, Any]:
    return {
        "story_id": it.story_id, "headline": it.headline, "marker": it.marker, "one_line": it.one_line,
        "paragraphs": [[_sent(s) for s in p] for p in it.paragraphs],
        "sources": [{"id": i, "outlet": o, "url": u} for i, o, u in it.sources],
        "extra": dict(it.extra),
    }


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    """Return the digest as JSON-safe data (schema ``newsbrief.digest/1``).

    :param digest: the digest.
    """
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "date": digest.date.isoformat(),
        "title": digest.title,
        "generated_at": digest.generated_at.isoformat(),
        "lede": [_sent(s) for s in digest.lede],
        "stats": dict(digest.stats),
        "sections": [
            {
                "kind": sec.kind, "title": sec.title,
                "items": [_item(it) for it in sec.items],
                **({"more": [_item(it) for it in sec.more]} if sec.more else {}),
            }
            for sec in digest.sections
        ],
    }
    if digest.lede_guard:
        data["lede_guard"] = [dict(d) for d in digest.lede_guard]
    if digest.diagnostics:
        data["diagnostics"] = [{"stage": d.stage, "what": d.what, "reason": d.reason} for d in digest.diagnostics]
    return data


def digest_from_dict(data: dict[str, Any]) -> Digest:
    """Rebuild a :class:`Digest` from :func:`digest_to_dict` output.

    :param data: the stored data.
    """
    def sent(d: dict[str, Any]) -> CitedSentence:
        return CitedSentence(d["text"], tuple(d["cites"]))

    def item(it: dict[str, Any]) -> DigestItem:
        return DigestItem(
            story_id=it["story_id"], headline=it["headline"], marker=it.get("marker", ""),
            one_line=it.get("one_line", False),
            paragraphs=tuple(tuple(sent(s) for s in p) for p in it["paragraphs"]),
            sources=tuple((s["id"], s["outlet"], s["url"]) for s in it["sources"]), extra=it.get("extra", {}),
        )

    return Digest(
        date=dt.date.fromisoformat(data["date"]), title=data["title"],
        generated_at=dt.datetime.fromisoformat(data["generated_at"]),
        lede=tuple(sent(s) for s in data["lede"]), stats=data.get("stats", {}),
        sections=tuple(
            DigestSection(sec["kind"], sec["title"], tuple(item(it) for it in sec["items"]),
                          tuple(item(it) for it in sec.get("more", ())))
            for sec in data["sections"]
        ),
        diagnostics=tuple(Skip(what=d["what"], reason=d["reason"], stage=d["stage"]) for d in data.get("diagnostics", [])),
        lede_guard=tuple(data.get("lede_guard", ())),
    )


def calendar_from_dict(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the "Looking ahead" calendar of stored digest data, shown lines then the rest.

    Each entry: ``{"day", "start", "end", "line", "hedge", "story_id", "cites", "shown"}``; ``day`` is
    the heading the digest groups it under, ``line`` the "Who: what" line, ``cites`` its article ids.

    :param data: a digest as :func:`digest_to_dict` gives it (or as stored).
    """
    out: list[dict[str, Any]] = []
    for sec in data.get("sections", []):
        if sec.get("kind") != "ahead":
            continue
        for shown, items in ((True, sec.get("items", [])), (False, sec.get("more", []))):
            for it in items:
                extra = it.get("extra", {})
                first = next((s for p in it.get("paragraphs", []) for s in p), {"text": "", "cites": []})
                out.append({"day": it.get("headline", ""), "start": extra.get("start", ""),
                            "end": extra.get("end") or extra.get("start", ""),
                            "line": extra.get("what") or first["text"],
                            "hedge": extra.get("hedge") or ("unconfirmed" if extra.get("speculative") else ""),
                            "story_id": it.get("story_id", ""), "cites": list(first["cites"]), "shown": shown})
    return out
