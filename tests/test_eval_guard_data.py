"""Format of the held-out planted-error set for the faithfulness guard (no guard is run here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import newsbrief.eval
from newsbrief.eval.jsonl import read_jsonl

HELDOUT = Path(newsbrief.eval.__file__).parent / "data" / "guard_heldout.jsonl"
FIELDS = {"split", "story", "sources", "generated", "label", "kind"}
PLANTED_KINDS = {"number", "name", "date", "negation", "modality", "invented_quote", "wrong_attribution",
                 "merged_stories"}


def _rows() -> list[dict[str, Any]]:
    return [row for _, row in read_jsonl(HELDOUT, required=tuple(sorted(FIELDS - {"story"})))]


def test_heldout_rows_have_exactly_the_planted_set_fields_and_valid_values() -> None:
    rows = _rows()
    assert rows
    for row in rows:
        assert set(row) == FIELDS, row
        assert row["split"] == "test"
        assert isinstance(row["story"], int) and not isinstance(row["story"], bool)
        assert isinstance(row["generated"], str) and row["generated"].strip()
        assert all(isinstance(s, str) and s.strip() for s in row["sources"])
        if row["label"] == "faithful":
            assert row["kind"] == "paraphrase"
        else:
            assert row["label"] == "unfaithful"
            assert row["kind"] in PLANTED_KINDS | {"unsupported"}, row["kind"]


def test_heldout_set_has_enough_faithful_items_and_of_each_planted_error_kind() -> None:
    rows = _rows()
    kinds = Counter(r["kind"] for r in rows if r["label"] == "unfaithful")
    assert sum(r["label"] == "faithful" for r in rows) >= 60
    for kind in PLANTED_KINDS:
        assert kinds[kind] >= 10, (kind, kinds[kind])
    assert kinds["unsupported"] >= 1
    assert len({r["generated"] for r in rows}) == len(rows)  # no sentence scored twice


def test_heldout_stories_share_their_sources_and_merged_items_add_another_story() -> None:
    by_story: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows():
        by_story[row["story"]].append(row)
    assert len(by_story) >= 24
    for story, rows in by_story.items():
        own = {tuple(r["sources"]) for r in rows if r["kind"] != "merged_stories"}
        assert len(own) == 1, story  # one source list per story
        sources = list(own.pop())
        assert 4 <= len(sources) <= 7, story
        assert sum(r["label"] == "faithful" for r in rows) >= 3, story
        for r in rows:
            if r["kind"] == "merged_stories":
                assert r["sources"][: len(sources)] == sources, story
                assert 3 <= len(r["sources"]) - len(sources) <= 4, story
