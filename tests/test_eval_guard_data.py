"""Format of the held-out planted-error sets for the faithfulness guard (no guard is run here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import newsbrief.eval
from newsbrief.eval.jsonl import read_jsonl

DATA = Path(newsbrief.eval.__file__).parent / "data"
FIELDS = {"split", "story", "sources", "generated", "label", "kind"}
PLANTED_KINDS = {"number", "name", "date", "negation", "modality", "invented_quote", "wrong_attribution",
                 "merged_stories"}


class HeldoutSet(NamedTuple):
    """A held-out set and the bounds it was written to."""

    name: str
    min_unsupported: int
    min_sources: int
    max_sources: int


SETS = [HeldoutSet("guard_heldout.jsonl", 1, 4, 7), HeldoutSet("guard_heldout2.jsonl", 8, 5, 8)]
by_name = pytest.mark.parametrize("heldout", SETS, ids=[s.name for s in SETS])


def _rows(heldout: HeldoutSet) -> list[dict[str, Any]]:
    return [row for _, row in read_jsonl(DATA / heldout.name, required=tuple(sorted(FIELDS - {"story"})))]


@by_name
def test_heldout_rows_have_exactly_the_planted_set_fields_and_valid_values(heldout: HeldoutSet) -> None:
    rows = _rows(heldout)
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


@by_name
def test_heldout_set_has_enough_faithful_items_and_of_each_planted_error_kind(heldout: HeldoutSet) -> None:
    rows = _rows(heldout)
    kinds = Counter(r["kind"] for r in rows if r["label"] == "unfaithful")
    assert sum(r["label"] == "faithful" for r in rows) >= 60
    for kind in PLANTED_KINDS:
        assert kinds[kind] >= 10, (kind, kinds[kind])
    assert kinds["unsupported"] >= heldout.min_unsupported
    assert len({r["generated"] for r in rows}) == len(rows)  # no sentence scored twice


@by_name
def test_heldout_stories_share_their_sources_and_merged_items_add_another_story(heldout: HeldoutSet) -> None:
    by_story: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(heldout):
        by_story[row["story"]].append(row)
    assert len(by_story) >= 24
    for story, rows in by_story.items():
        own = {tuple(r["sources"]) for r in rows if r["kind"] != "merged_stories"}
        assert len(own) == 1, story  # one source list per story
        sources = list(own.pop())
        assert heldout.min_sources <= len(sources) <= heldout.max_sources, story
        assert sum(r["label"] == "faithful" for r in rows) >= 3, story
        for r in rows:
            if r["kind"] == "merged_stories":
                assert r["sources"][: len(sources)] == sources, story
                assert 3 <= len(r["sources"]) - len(sources) <= 4, story


def test_heldout_sets_are_independent_of_each_other_and_of_the_planted_set() -> None:
    def sentences(name: str) -> set[str]:
        rows = [row for _, row in read_jsonl(DATA / name)]
        return {row["generated"] for row in rows} | {s for row in rows for s in row["sources"]}

    second = sentences("guard_heldout2.jsonl")
    assert not second & sentences("guard_heldout.jsonl")
    assert not second & sentences("guard_planted.jsonl")
