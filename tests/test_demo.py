"""End to end: `newsbrief demo` on the bundled sample, checked against the answer key.

The demo runs once per session (about 20 s); the tests then read its database and files.
Rendered digests are compared byte for byte with tests/golden/ (`pytest --update-golden`
rewrites them for review).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from faithfulness_gates import check_digest_faithful

from newsbrief.cli.app import cli
from newsbrief.ingest.dedup import canonical_url
from newsbrief.demo import DemoResult
from newsbrief.render import digest_from_dict, render

GOLDEN = Path(__file__).parent / "golden"
MAIN_DAY = "2026-11-27"


def _story_of_url(key: dict[str, Any]) -> dict[str, str]:
    return {canonical_url(a["url"]): a["story"] for a in key["articles"]}


def test_demo_writes_both_days_and_prints_paths(demo: DemoResult, tmp_path: Path) -> None:
    assert set(demo.stats) == {"2026-11-26", MAIN_DAY}
    main = demo.stats[MAIN_DAY]
    assert main["articles"] >= 60 and main["sources"] >= 8 and main["sections"] >= 5
    assert demo.paths["md"].name == f"digest-{MAIN_DAY}.md" and demo.paths["md"].exists()
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "d"), "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"digest (md): {tmp_path / 'd' / f'digest-{MAIN_DAY}.md'}" in result.output
    assert "digest (html):" in result.output


def test_digest_has_reference_shape(demo: DemoResult) -> None:
    md = demo.paths["md"].read_text(encoding="utf-8")
    assert md.startswith("# Daily briefing — Friday, 27 November 2026\n")
    first_para = md.split("\n\n")[1]
    # The lede opens with who did what in the lead story, in a cited sentence, then the next leads.
    assert first_para.startswith("Vireo Photonics shares surged") and "Also leading: " in first_para
    assert "[" in first_para and not first_para.startswith("Leading today, ")
    for heading in ("## Top stories", "## Funding", "## Regulation", "## In brief", "## Looking ahead"):
        assert heading in md
    stories = md.split("## Top stories")[1].split("\n## ")[0]
    assert stories.count("\n### ") >= 5 and stories.count("Sources: ") == stories.count("\n### ")


def test_ingest_folded_duplicates_teasers_and_reingest(db: sqlite3.Connection, key: dict[str, Any]) -> None:
    urls = {r["canonical_url"]: r for r in db.execute("SELECT * FROM articles")}
    story = _story_of_url(key)
    assert len(urls) == len(key["articles"]), "every sample article stored exactly once"
    for a in key["articles"]:
        row = urls[canonical_url(a["url"])]
        if a["duplicate_of"]:
            assert row["duplicate_of"] == urls[canonical_url(a["duplicate_of"])]["id"], a["url"]
        else:
            assert row["duplicate_of"] is None, a["url"]
        if "teaser-only" in a["cases"]:
            assert not row["is_teaser"] and len(row["text"].split()) >= 0.8 * a["words"], a["url"]
    assert len(story) == len(urls)
    sources = db.execute("SELECT count(*), sum(error_count) FROM sources").fetchone()
    assert sources[0] >= 8 and sources[1] == 0


def _sections(demo: DemoResult) -> list[dict[str, Any]]:
    return json.loads(demo.all_paths[MAIN_DAY]["json"].read_text())["sections"]


def test_earlier_lines_list_only_earlier_events_about_the_same_company(demo: DemoResult) -> None:
    # other companies' funding rounds (shared investor words) and another company's outage (shared places) are not
    # earlier events of a story; the recall of the company whose results are reported is. Checked on every story of
    # the day (stories --json), whether or not the digest gives it a full section, and on the sections that show it.
    result = CliRunner().invoke(cli, ["--data-dir", str(demo.db_path.parent), "stories", "--date", MAIN_DAY, "--json"],
                                env={"NEWSBRIEF_STORE": ""})  # the demo's own SQLite file, whatever store the suite runs on
    assert result.exit_code == 0, result.output
    stored = {s["title"]: [e["title"] for e in s["storyline"]["earlier"]]
              for s in json.loads(result.stdout) if s.get("storyline", {}).get("earlier")}
    assert stored == {"Brightloom cuts forecast as quarterly sales fall 6%":
                      ["Brightloom recalls 310,000 Hearth 2 smart thermostats over battery fires"]}
    shown = {it["headline"]: [e["headline"] for e in it["extra"]["earlier"]]
             for sec in _sections(demo) for it in sec.get("items", []) if it.get("extra", {}).get("earlier")}
    assert all(stored.get(headline) == earlier for headline, earlier in shown.items()), shown


def test_no_two_sections_cover_the_same_story(demo: DemoResult, db: sqlite3.Connection, key: dict[str, Any]) -> None:
    by_id = {r["id"]: r["canonical_url"] for r in db.execute("SELECT id, canonical_url FROM articles")}
    story = _story_of_url(key)
    seen: dict[str, str] = {}
    full = {it["story_id"] for sec in _sections(demo) if sec["kind"] == "stories" for it in sec["items"]}
    for sec in _sections(demo):
        if sec["kind"] == "ahead":
            continue
        for item in sec["items"]:
            if sec["kind"] in ("funding", "regulation") and item["story_id"] in full:
                continue  # the round or rule a full story is about also has its roundup line
            stories = {story[by_id[s["id"]]] for s in item["sources"]}
            for s in stories:
                assert s not in seen, f"answer-key story {s} covered by {seen.get(s)} and {item['headline']}"
                seen[s] = item["headline"]


def test_every_sentence_is_cited_and_faithful(demo: DemoResult, db: sqlite3.Connection) -> None:
    texts = {r["id"]: (r["title"] + "\n" + r["text"]) for r in db.execute("SELECT id, title, text FROM articles")}
    data = json.loads(demo.all_paths[MAIN_DAY]["json"].read_text())
    assert check_digest_faithful(data, texts) >= 30


def test_stories_continue_across_days(db: sqlite3.Connection, key: dict[str, Any]) -> None:
    story_of = {r["canonical_url"]: r["story_id"] for r in db.execute(
        "SELECT a.canonical_url, m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id")}
    by_key_story: dict[str, set[str]] = defaultdict(set)
    for a in key["articles"]:
        if canonical_url(a["url"]) in story_of:
            by_key_story[a["story"]].add(story_of[canonical_url(a["url"])])
    multi_day = [s for s in key["stories"] if len(s["days"]) > 1]
    assert multi_day
    for s in multi_day:
        assert len(by_key_story[s["id"]]) == 1, f"{s['id']} split across days: {by_key_story[s['id']]}"


def test_update_marker_and_not_repeating_yesterday(demo: DemoResult, key: dict[str, Any]) -> None:
    items = [it for sec in _sections(demo) if sec["kind"] != "ahead" for it in sec["items"]]
    markers = [it["marker"] for it in items if it["marker"].startswith("update")]
    assert markers, "a story continuing from day one is marked as an update"
    day1 = json.loads(demo.all_paths["2026-11-26"]["json"].read_text())
    day1_sentences = {s["text"] for sec in day1["sections"] for it in sec["items"] for p in it["paragraphs"] for s in p}
    for it in items:
        if it["marker"].startswith("update"):
            for p in it["paragraphs"]:
                for s in p:
                    assert s["text"] not in day1_sentences, s["text"]


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text", "json"])
def test_golden(demo: DemoResult, fmt: str, update_golden: bool) -> None:
    stored = json.loads(demo.all_paths[MAIN_DAY]["json"].read_text())
    stored["generated_at"] = "2026-11-28T06:00:00+00:00"
    out = render(digest_from_dict(stored), fmt)
    suffix = {"md": ".md", "html": ".html", "email": ".email.html", "text": ".txt", "json": ".json"}[fmt]
    golden = GOLDEN / f"digest-{MAIN_DAY}{suffix}"
    if update_golden or not golden.exists():
        golden.write_text(out, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote missing golden file {golden}; review and commit it")
    assert out == golden.read_text(encoding="utf-8"), f"{golden} differs; run pytest --update-golden and review"
