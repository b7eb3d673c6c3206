"""Quality gate for the facts stage on the annotated dev split, and the eval harness itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import EvalError
from newsbrief.eval.facts import evaluate, format_report, load_split

# Floors pinned slightly below the dev figures measured on 2026-11-28 (all 1.000 on 248
# sentences); lower one only with a reason in the commit message.
DEV_F1_FLOOR = {"funding": 0.95, "regulation": 0.95, "event": 0.95}


def test_dev_split_f1_stays_above_floor() -> None:
    result = evaluate(split="dev")
    assert result["n_sentences"] >= 100
    for kind, floor in DEV_F1_FLOOR.items():
        assert result[kind]["f1"] >= floor, (kind, result[kind])


def test_shipped_splits_are_well_formed() -> None:
    dev, test = load_split("dev"), load_split("test")
    assert len(dev) + len(test) >= 150
    assert not {r["sentence"] for r in dev} & {r["sentence"] for r in test}
    for row in dev + test:
        assert set(row) == {"id", "sentence", "published", "facts"}
        for fact in row["facts"]:
            assert fact["type"] in {"funding", "regulation", "event"}
    negatives = [r for r in dev + test if not r["facts"]]
    assert len(negatives) >= 30


def test_report_and_result_shape() -> None:
    result = evaluate(split="test")
    assert result["split"] == "test"
    for kind in ("funding", "regulation", "event"):
        assert set(result[kind]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    report = format_report(result)
    assert report.splitlines()[0].startswith("facts eval: split=test")
    assert len(report.splitlines()) == 5
    json.dumps(result)


def test_custom_file_and_counting(tmp_path: Path) -> None:
    rows = [
        {
            "id": "x1",
            "sentence": "Brightfjord raised $18 million in a seed round.",
            "published": "2026-11-27",
            "facts": [
                {
                    "type": "funding",
                    "company": "Brightfjord",
                    "amount": 18000000,
                    "currency": "USD",
                    "round": "seed",
                    "lead_investors": [],
                    "valuation": None,
                }
            ],
        },
        {"id": "x2", "sentence": "Ostra raised $5 million.", "published": "2026-11-27", "facts": []},
        {
            "id": "x3",
            "sentence": "Nothing happens here.",
            "published": "2026-11-27",
            "facts": [
                {"type": "event", "what": "launch", "start": "2026-12-01", "end": "2026-12-01", "speculative": False}
            ],
        },
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = evaluate(data_path=path, details=True)
    assert (result["funding"]["tp"], result["funding"]["fp"], result["funding"]["fn"]) == (1, 1, 0)
    assert (result["event"]["tp"], result["event"]["fn"], result["event"]["recall"]) == (0, 1, 0.0)
    assert result["funding"]["precision"] == 0.5
    assert {m["error"] for m in result["mistakes"]} == {"fp", "fn"}


def test_unknown_split_is_an_eval_error() -> None:
    with pytest.raises(EvalError):
        evaluate(split="train")


def test_whole_article_file_is_scored_per_article(tmp_path: Path) -> None:
    import json as _json

    from newsbrief.eval.facts import evaluate

    rows = [
        {"id": "w1", "published": "2026-11-27", "title": "Orchard Foods raises money",
         "text": "By Staff Writer\nOrchard Foods raised $9 million in a Series A round led by Beacon Capital.\n"
                 "The company was founded in 2019 and sells frozen dumplings in 400 shops.",
         "facts": [{"type": "funding", "company": "Orchard Foods", "amount": 9000000.0, "currency": "USD",
                    "round": "series a", "lead_investors": ["Beacon Capital"], "valuation": None, "line": 1}]},
        {"id": "w2", "published": "2026-11-27", "title": "Council meets",
         "text": "The council met on Tuesday. Shares of Harrow Mining rose 4% to $12.34.", "facts": []},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(_json.dumps(r) for r in rows) + "\n")
    result = evaluate(data_path=path, details=True)
    assert result["n_articles"] == 2
    assert result["funding"]["tp"] == 1 and result["funding"]["fn"] == 0
    assert result["funding"]["attributes"]["round"] == 1.0


def test_article_file_by_id_needs_the_articles(tmp_path: Path) -> None:
    from newsbrief.errors import EvalError
    from newsbrief.eval.facts import evaluate

    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": "x1", "published": "2015-09-08T10:00:00Z", "facts": []}\n')
    with pytest.raises(EvalError, match="--articles"):
        evaluate(data_path=path)
    real = tmp_path / "real.jsonl"
    real.write_text('{"id": "x1", "published": "2015-09-08T10:00:00Z", "title": "T", "content": "Nothing here."}\n')
    assert evaluate(data_path=path, articles_path=real)["n_articles"] == 1


def test_calendar_scoring_keeps_only_the_events_the_calendar_lists(tmp_path: Path) -> None:
    import json as _json

    from newsbrief.eval.facts import evaluate

    text = ("The Tarnby council will vote on the harbour budget on Thursday, the mayor said.\n"
            "Harbour Foods will open a new plant in the next six months.")
    rows = [{"id": "c1", "published": "2026-11-24", "title": "Tarnby council to vote on harbour budget", "text": text,
             "facts": [{"type": "event", "what": "Tarnby council vote on the harbour budget", "start": "2026-11-26",
                        "end": "2026-11-26", "speculative": False, "line": 0}]}]
    path = tmp_path / "articles.jsonl"
    path.write_text(_json.dumps(rows[0]) + "\n")
    raw = evaluate(data_path=path)
    listed = evaluate(data_path=path, calendar=True)
    assert raw["event"]["tp"] == listed["event"]["tp"] == 1
    assert raw["event"]["fp"] == 1 and listed["event"]["fp"] == 0  # "in the next six months" is no calendar date
    assert listed["calendar"] is True
    with pytest.raises(EvalError, match="whole articles"):
        evaluate(split="dev", calendar=True)


def test_errors_list_each_false_positive_and_miss(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsbrief.cli.app import cli
    from newsbrief.eval.facts import format_mistakes

    text = ("The Tarnby council will vote on the harbour budget on Thursday, the mayor said.\n"
            "Harbour Foods will open a new plant in the next six months.")
    row = {"id": "c1", "published": "2026-11-24", "title": "Tarnby council to vote on harbour budget", "text": text,
           "facts": [{"type": "event", "what": "Ferry timetable change", "start": "2026-12-01", "end": "2026-12-01",
                      "speculative": False, "line": 1}]}
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(row) + "\n")
    lines = format_mistakes(evaluate(data_path=path, details=True), ["event"]).splitlines()
    assert any(line.startswith("fn event") and "what=Ferry timetable change" in line and "(line 1;" in line
               for line in lines)
    assert any(line.startswith("fp event") and "start=2026-11-26" in line and "<- The Tarnby council" in line
               for line in lines)
    assert format_mistakes(evaluate(data_path=path, details=True), ["funding"]) == ""
    out = CliRunner().invoke(cli, ["eval", "facts", "--data", str(path), "--errors", "event"])
    assert out.exit_code == 0, out.output
    assert "fn event" in out.output and "fp event" in out.output


def test_calendar_scoring_leaves_out_annotated_events_of_the_articles_own_day(tmp_path: Path) -> None:
    text = "The Tarnby council meets tonight to vote on the harbour budget."
    row = {"id": "c2", "published": "2026-11-24", "title": "Tarnby council votes tonight", "text": text,
           "facts": [{"type": "event", "what": "Tarnby council vote on the harbour budget", "start": "2026-11-24",
                      "end": "2026-11-24", "speculative": False, "line": 0}]}
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(row) + "\n")
    raw, listed = evaluate(data_path=path), evaluate(data_path=path, calendar=True)
    assert raw["event"]["tp"] + raw["event"]["fn"] == 1 and "events_not_ahead" not in raw
    assert listed["event"]["tp"] == listed["event"]["fn"] == 0  # over when the day's digest is read
    assert listed["events_not_ahead"] == 1
    assert "1 annotated events on or before their article's day left out" in format_report(listed)
