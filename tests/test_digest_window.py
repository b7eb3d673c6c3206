"""A build summarizes only the stories its digest may show, and the digest is the one summarizing every story gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

import newsbrief.pipeline as pipeline
from newsbrief.config import load_settings
from newsbrief.demo import DemoResult
from newsbrief.digest.compose import ComposeOptions
from newsbrief.digest.window import first_window, window_suffices
from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection
from newsbrief.render.data import digest_to_dict
from newsbrief.store import open_store

DAY = dt.date(2026, 11, 27)


def _item(story_id: str) -> DigestItem:
    return DigestItem(story_id=story_id, headline=f"Story {story_id}", paragraphs=(), sources=())


def _digest(stories: list[str], short: list[str]) -> Digest:
    made = dt.datetime(2026, 11, 27, 6, tzinfo=dt.timezone.utc)
    return Digest(date=DAY, title="t", lede=(), generated_at=made, sections=(
        DigestSection("stories", "Top stories", tuple(map(_item, stories))),
        DigestSection("short", "In brief", tuple(map(_item, short)), (_item("z"),))))


OPTIONS = ComposeOptions(max_stories=2, max_short=2)


@pytest.mark.parametrize(("stories", "short", "listed_only", "enough"), [
    (["a", "b"], ["c", "d"], set(), True),
    (["a", "b"], ["c", "d"], {"z", "y"}, True),  # only what is listed under "more" is unsummarized
    (["a"], ["c", "d"], {"z"}, False),  # a free section an unsummarized story might have taken
    (["a", "b"], ["c", "z"], {"z"}, False),  # a shown one-liner with no summary behind it
    (["a"], ["c"], set(), True),  # every story summarized: nothing could change
])
def test_the_window_suffices_only_when_no_shown_part_could_change(
        stories: list[str], short: list[str], listed_only: set[str], enough: bool) -> None:
    headlines = {sid: f"Story {sid}" for sid in listed_only}
    assert window_suffices(_digest(stories, short), headlines, OPTIONS, min_sentence_words=8) is enough


def test_under_a_reading_budget_a_free_section_matters_only_when_a_story_could_fit_it() -> None:
    budget = ComposeOptions(max_stories=2, max_short=2, minutes=1)  # sections may take 0.75 x 230 words
    long_section = DigestItem(story_id="a", headline="Story a", sources=(), paragraphs=((CitedSentence(
        " ".join(["word"] * 150), ("x",)),),))
    digest = dataclasses.replace(_digest([], ["c"]), sections=(
        DigestSection("stories", "Top stories", (long_section,)),
        DigestSection("short", "In brief", (_item("c"),), (_item("z"),))))
    # 152 words spent, 20 left: a headline of two words and two sentences of at least 8 words take 18
    assert not window_suffices(digest, {"z": "Story z"}, budget, min_sentence_words=8)
    assert window_suffices(digest, {"z": "A headline of seven words in it"}, budget, min_sentence_words=8)
    # sentences of unknown length (a writer's), or no section at all: any story might have fitted
    assert not window_suffices(digest, {"z": "A headline of seven words in it"}, budget)
    empty = dataclasses.replace(digest, sections=(DigestSection("stories", "Top stories", ()),) + digest.sections[1:])
    assert not window_suffices(empty, {"z": "A headline of seven words in it"}, budget, min_sentence_words=8)


def test_the_first_window_grows_with_the_digest_bounds() -> None:
    assert first_window(ComposeOptions(max_stories=8, max_short=25)) == 66
    assert first_window(ComposeOptions(max_stories=0, max_short=0)) == 1


def _shown(digest: Digest) -> dict[str, Any]:
    """The digest as stored, without its time and the summaries of stories only listed under "more"."""
    data = digest_to_dict(digest)
    data.pop("generated_at", None)
    for sec in data["sections"]:
        for item in sec.get("more", []):
            item["paragraphs"] = []
    return data


@pytest.mark.sqlite_only
@pytest.mark.parametrize("minutes", [0, 2])
def test_a_windowed_build_equals_a_build_summarizing_every_story(
        demo: DemoResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minutes: int) -> None:
    calls: list[str] = []
    real = pipeline.summarize_story

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["story_id"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "summarize_story", counting)
    built = {}
    for name, window in (("windowed", first_window), ("every story", lambda options: 10**6)):
        path = tmp_path / f"{name}.db"
        shutil.copy(demo.db_path, path)
        settings = load_settings(data_dir=tmp_path, env={}).replace(**{
            "digest.max_stories": 2, "digest.max_short": 3, "digest.minutes": minutes})
        monkeypatch.setattr(pipeline, "first_window", window)
        calls.clear()
        with open_store(path) as store:
            digest = pipeline.build_digest(store, settings, day=DAY)
        built[name] = (digest, len(calls), digest.stats["stories"])
    windowed, every = built["windowed"], built["every story"]
    assert every[1] == every[2] > windowed[1] >= first_window(ComposeOptions(max_stories=2, max_short=3))
    assert _shown(windowed[0]) == _shown(every[0])
    shorts = next(s for s in windowed[0].sections if s.kind == "short")
    assert len(shorts.items) == 3 and shorts.more, "the sample day lists stories past the one-liners"
    assert all(not it.paragraphs for it in shorts.more[-3:]), "a story past the window is listed by headline only"
