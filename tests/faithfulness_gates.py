"""The sample days' faithfulness gates, applied to a digest's JSON data (extractive or fluent).

Every sentence cites; a roundup or calendar line and the lede state only numbers, names and
dates of the articles they cite; a story sentence is an article's sentence (marked name
substitutions allowed) unless the language model wrote it, in which case the guard must have
passed it (as written or as rewritten) and its numbers, names and dates are the cited articles'.
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.summarize import check_numbers_names
from newsbrief.summarize.faithfulness import marked_names, substitution_pattern
from newsbrief.summarize.sentences import normalise_for_match


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')).strip()


def _guard_passed(item: dict[str, Any]) -> set[str]:
    """Sentences of an item that the guard let stand as the model wrote or rewrote them."""
    out = set()
    for d in item.get("extra", {}).get("guard", []):
        if d.get("action") == "kept" and not d.get("headline"):
            out.add(d["sentence"])
        elif d.get("action") == "rewritten":
            out.add(d["rewrite"]["sentence"])
    return out


def check_digest_faithful(data: dict[str, Any], texts: dict[str, str]) -> int:
    """Assert the gates on one digest; return the number of story and roundup sentences checked.

    :param data: the digest's JSON data.
    :param texts: article id -> title and text.
    """
    checked = 0
    for sec in data["sections"]:
        for item in sec["items"]:
            written = _guard_passed(item)
            for para in item["paragraphs"]:
                for s in para:
                    assert s["cites"], s["text"]
                    sources = [_norm(texts[c]) for c in s["cites"]]
                    if sec["kind"] in ("funding", "regulation", "ahead"):
                        # a roundup or calendar line is written from a fact: its numbers, names and dates are the articles'
                        assert check_numbers_names(s["text"], [texts[c] for c in s["cites"]]) == [], s["text"]
                    elif s["text"] in written:  # the model's sentence, passed by the guard
                        assert check_numbers_names(s["text"], [texts[c] for c in s["cites"]]) == [], s["text"]
                    elif "[" in s["text"]:  # a marked name put in for "It" / "The company": the article gives it
                        assert all(any(n in src for src in sources) for n in marked_names(s["text"])), s["text"]
                        assert any(re.search(substitution_pattern(s["text"]), normalise_for_match(src))
                                   for src in sources), s["text"]
                    else:
                        assert any(_norm(s["text"]) in src for src in sources), s["text"]
                    checked += 1
    for s in data["lede"]:
        assert s["cites"]
        assert check_numbers_names(s["text"], [texts[c] for c in s["cites"]]) == [], s["text"]
    return checked
