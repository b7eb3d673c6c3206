"""``newsbrief eval realnews`` on a small day written for the test (the real data is not shipped)."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.errors import EvalError
from newsbrief.eval.realnews import load_annotation, read_articles, write_feeds

DAY = "2026-03-10"
BYLINE = "By Ada Moreno, Staff Writer"
PROMPT = "Subscribe to our newsletter for the morning headlines."


def _articles() -> list[dict[str, object]]:
    bridge = ("The Tallbrook river bridge reopened to traffic on Tuesday after eight months of repairs costing "
              "$42 million. City engineers said the new deck can carry heavier trucks. Commuters welcomed the end of "
              "long detours through the old town.")
    rows = [
        ("b1", "Harbour Gazette", "Tallbrook bridge reopens after repairs", f"{BYLINE}\n{bridge}\n{PROMPT}"),
        ("b2", "Valley Radio", "Bridge in Tallbrook open again",
         "Tallbrook's river bridge is open again, eight months and $42 million after repairs began. Engineers said "
         "the rebuilt deck carries heavier trucks, ending detours through the old town."),
        ("b3", "Metro Wire", "Tallbrook bridge back in service",
         "Traffic crossed the repaired Tallbrook river bridge on Tuesday for the first time in eight months. The "
         "$42 million repair gave the bridge a stronger deck, city engineers said."),
        ("f1", "Harbour Gazette", "Lantern Foods raises $9 million",
         "Lantern Foods, a maker of frozen dumplings, raised $9 million in a Series A round led by Orchard "
         "Capital. The company will open a second kitchen in Marlow."),
        ("f2", "Metro Wire", "Dumpling maker Lantern Foods gets $9 million",
         "Orchard Capital led a $9 million Series A investment in Lantern Foods. The dumpling maker plans a second "
         "kitchen in Marlow, its founder said."),
        ("t1", "Ticker Times", "Quarry Corp (QRY) shares trade lower",
         "Shares of Quarry Corp traded lower on Tuesday. Receive news and ratings for Quarry Corp daily."),
    ]
    return [{"id": i, "published": f"{DAY}T0{n}:00:00Z", "source": s, "media_type": "News", "title": t, "content": c}
            for n, (i, s, t, c) in enumerate(rows, 1)]


def _annotation(articles: list[dict[str, object]]) -> dict[str, object]:
    sha = lambda line: hashlib.sha1(line.strip().encode()).hexdigest()  # noqa: E731
    return {
        "day": DAY, "articles": len(articles),
        "events": [{"id": "e1", "label": "bridge reopens", "articles": ["b1", "b2", "b3"]},
                   {"id": "e2", "label": "food startup raises", "articles": ["f1", "f2"]},
                   {"id": "e3", "label": "ticker item", "articles": ["t1"]}],
        "kinds": {"t1": "ticker"}, "major_events": ["e1", "e2"],
        "boilerplate_sample": ["b1"],
        "boilerplate": {"b1": [{"line": 0, "kind": "byline", "sha1": sha(BYLINE)},
                               {"line": 2, "kind": "newsletter", "sha1": sha(PROMPT)}]},
    }


@pytest.fixture
def day_files(tmp_path: Path) -> tuple[Path, Path]:
    articles = _articles()
    data = tmp_path / "articles.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a) + "\n")
    ann = tmp_path / f"{DAY}.json"
    ann.write_text(json.dumps(_annotation(articles)))
    return data, ann


def _eval_day(command: str, data: Path, ann: Path) -> dict[str, Any]:
    out = CliRunner().invoke(cli, ["eval", command, "--data", str(data), "--annotations", str(ann), "--json"],
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return dict(json.loads(out.output)["days"][0])


def test_feeds_are_one_file_per_outlet_and_map_back_to_ids(tmp_path: Path) -> None:
    assert write_feeds(_articles(), tmp_path / "feeds") == 4
    text = (tmp_path / "feeds" / "harbour-gazette.xml").read_text()
    assert "https://harbour-gazette.example.com/item/b1" in text and "<title>Harbour Gazette</title>" in text


def test_eval_realnews_scores_a_day(day_files: tuple[Path, Path]) -> None:
    day = _eval_day("realnews", *day_files)
    assert day["articles"] == 6 and day["stored"] == 6 and day["outlets"] == 4
    g = day["grouping"]
    assert g["n_docs"] == 6 and 0.0 <= g["pairwise_f1"] <= 1.0
    assert g["pairwise_f1"] == pytest.approx(
        2 * g["pairwise_precision"] * g["pairwise_recall"] / (g["pairwise_precision"] + g["pairwise_recall"]))
    top = day["top8"]["stories"]
    assert top and all(t["event"] in {"e1", "e2", "e3"} for t in top)
    assert day["top8"]["major"] == sum(t["event"] in {"e1", "e2"} for t in top)
    # The scores read the text the later stages read: the byline and the prompt are cut, the story stays.
    bp = day["boilerplate"]
    assert (bp["boilerplate_lines"], bp["boilerplate_kept"], bp["content_lines"], bp["content_lost"]) == (2, 0, 1, 0)
    assert bp["kept_by_kind"] == {"byline": "0/1", "newsletter": "0/1"}
    assert day["length"]["words"] > 0 and day["seconds"]["digest"] >= 0


def test_annotation_with_an_article_in_two_events_is_refused(tmp_path: Path) -> None:
    bad = _annotation(_articles())
    bad["events"][1]["articles"].append("b1")  # type: ignore[index]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(EvalError, match="more than one event"):
        load_annotation(path)


def test_unreadable_article_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "published": "2026-03-10T00:00:00Z"}\nnot json\n')
    with pytest.raises(EvalError, match=r"a\.jsonl:2"):
        read_articles(path, [DAY])


def test_eval_cleaning_scores_the_sample_line_by_line(day_files: tuple[Path, Path]) -> None:
    data, ann = day_files
    day = _eval_day("cleaning", data, ann)
    assert (day["boilerplate_lines"], day["removed"], day["cut_lines"], day["content_lines"], day["content_lost"]) == (
        2, 2, 2, 1, 0)
    assert day["precision"] == 1.0 and day["removed_by_kind"] == {"byline": "1/1", "newsletter": "1/1"}
    assert day["cuts_by_reason"] == {"byline": {"cuts": 1, "on_content": 0}, "prompt": {"cuts": 1, "on_content": 0}}
    text = CliRunner().invoke(cli, ["eval", "cleaning", "--data", str(data), "--annotations", str(ann)]).output
    assert "removed by annotated kind: byline 1/1, newsletter 1/1" in text


def test_eval_regroup_of_a_kept_day_scores_as_the_pipeline_did(day_files: tuple[Path, Path], tmp_path: Path) -> None:
    data, ann = day_files
    keep = tmp_path / "keep"
    run = CliRunner().invoke(cli, ["eval", "realnews", "--data", str(data), "--annotations", str(ann), "--keep",
                                   str(keep), "--json"], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    piped = json.loads(run.output)["days"][0]["grouping"]
    again = CliRunner().invoke(cli, ["eval", "regroup", "--keep", str(keep), "--annotations", str(ann), "--json",
                                     "--errors"], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    day = json.loads(again.output)["days"][0]
    assert day["grouping"] == piped and day["stored"] == 6
    wrong = day["errors"]
    assert len(wrong["false"]) == day["false_pairs"] and len(wrong["lost"]) == day["lost_pairs"]
    assert all(e["events"][0] != e["events"][1] for e in wrong["false"])
    assert all(e["events"][0] == e["events"][1] for e in wrong["lost"])


def test_eval_regroup_without_a_kept_day_says_where(day_files: tuple[Path, Path], tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["eval", "regroup", "--keep", str(tmp_path), "--annotations", str(day_files[1])])
    assert out.exit_code != 0
    assert "no kept day here" in out.output and DAY in out.output and "Traceback" not in out.output


def test_a_line_with_an_invisible_mark_ingest_drops_is_still_found_in_the_stored_text() -> None:
    from newsbrief.eval.realnews import _boilerplate_scores

    ann = {"boilerplate_sample": ["a1"], "boilerplate": {"a1": [{"line": 1, "kind": "share"}]}}
    raw = {"a1": {"content": "The council voted\u200b on Tuesday to close the quay.\nShare this story"}}
    scores = _boilerplate_scores(ann, raw, {"a1": "The council voted on Tuesday to close the quay."})
    assert (scores["content_lost"], scores["boilerplate_kept"]) == (0, 0)
