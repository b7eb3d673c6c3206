"""Tests of the summarization benchmark harness and its ROUGE scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newsbrief.errors import EvalError

pytest.importorskip("rouge_score")

from newsbrief.eval.rouge import RougeScorer, split_sentences, truncate
from newsbrief.eval.summarization import evaluate, format_report

SCORE_PY = next(
    (p for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared"))
     if (p / "bench" / "summarization" / "score.py").is_file()),
    Path("/work/shared"),
) / "bench" / "summarization" / "score.py"

SUMMARY = ("The river flooded the old town on Sunday.\nRescuers evacuated 300 residents by boat.\n"
           "Officials said the water would recede by Wednesday, and schools stayed closed.")
REFERENCES = [
    ("Heavy rain made the river flood the old town on Sunday. About 300 residents were evacuated by boat. "
     "Schools were closed."),
    "Floods hit the old town. Rescuers used boats to move 300 people. Water should recede by Wednesday.",
]


def _load_score_py() -> ModuleType:
    if not SCORE_PY.exists():
        pytest.skip("shared benchmark folder is absent")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("max_words", [0, 12, 25])
def test_rouge_matches_shared_score_py(max_words: int) -> None:
    shared = _load_score_py()
    theirs = shared.Rouge(stem=True, max_words=max_words).score_cluster(SUMMARY, REFERENCES)
    ours = RougeScorer(stem=True, max_words=max_words).score(SUMMARY, REFERENCES)
    for key in ("rouge1", "rouge2", "rougeL", "rougeSU4"):
        assert ours[key] == pytest.approx(theirs[key], abs=1e-12), key


def test_rouge_hand_computed_case() -> None:
    scorer = RougeScorer(stem=False, max_words=0)
    scores = scorer.score("the cat sat", ["the cat sat down", "a dog sat"])
    # unigram hits: 3 of 4 + 1 of 3 -> 4/7 pooled; bigram hits: 2 of 3 + 0 of 2 -> 2/5
    assert scores["rouge1"][0] == pytest.approx(4 / 7)
    assert scores["rouge2"][0] == pytest.approx(2 / 5)


def test_truncate_and_split_follow_rouge_rules() -> None:
    assert split_sentences("One two. Three four.") == ["One two.", "Three four."]
    assert truncate(["a b c", "d e f"], max_words=4) == ["a b c", "d"]
    assert truncate(["abc", "def"], max_bytes=4) == ["abc", "d"]


def _write_bench(path: Path) -> Path:
    docs = [
        {"doc_id": f"d{n}", "title": "", "date": f"2026-01-0{n + 1}", "text": text}
        for n, text in enumerate([
            ("The river Aldwen flooded the old town of Brask on Sunday after three days of rain.\n\n"
             "Rescuers evacuated 300 residents by boat from the lower streets of the old town."),
            ("Floods in Brask forced rescuers to evacuate 300 residents by boat on Sunday.\n\n"
             "Officials said the water of the river Aldwen would recede by Wednesday."),
            ("Schools in Brask stayed closed on Monday as the river Aldwen kept rising through the town.\n\n"
             "The mayor of Brask asked the national government for emergency funds for the old town."),
        ])
    ]
    row = {"id": "C1", "docs": docs, "references": REFERENCES}
    path.write_text(json.dumps(row) + "\n" + json.dumps({**row, "id": "C2"}) + "\n", encoding="utf-8")
    return path


def test_evaluate_runs_real_summarizer_and_reports(tmp_path: Path) -> None:
    data = _write_bench(tmp_path / "bench.jsonl")
    result = evaluate(data, max_words=30, baselines=("lead",), keep_outputs=True)
    assert result["n_clusters"] == 2
    assert 0 < result["rouge1_recall"] <= 100
    assert 0 <= result["rouge2_recall"] <= result["rouge1_recall"]
    assert result["seconds"] >= 0 and result["words_per_second"] > 0
    assert set(result["baselines"]) == {"lead"}
    summary = result["outputs"]["C1"]
    assert all(line.strip() for line in summary.splitlines())
    assert "outputs" not in evaluate(data, max_words=30)
    report = format_report(result)
    assert "newsbrief" in report and "lead" in report


def test_evaluate_sumy_baselines(tmp_path: Path) -> None:
    pytest.importorskip("sumy")
    data = _write_bench(tmp_path / "bench.jsonl")
    result = evaluate(data, max_words=30, baselines=("lexrank", "textrank"))
    for name in ("lexrank", "textrank"):
        assert 0 < result["baselines"][name]["rouge1_recall"] <= 100


def test_evaluate_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="^eval: "):
        evaluate(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="^eval: "):
        evaluate(bad)
    with pytest.raises(EvalError, match="^eval: unknown baseline"):
        evaluate(_write_bench(tmp_path / "ok.jsonl"), baselines=("nope",))


@pytest.mark.parametrize("stem", [True, False])
def test_written_summaries_score_the_same_with_the_benchmarks_score_py(tmp_path: Path, stem: bool) -> None:
    shared = _load_score_py()
    data = _write_bench(tmp_path / "bench.jsonl")
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    rows[1]["docs"][0]["date"] = None  # MultiLing has undated documents
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "summaries.jsonl"
    result = evaluate(data, max_words=30, baselines=("lead",), stem=stem, summaries_out=out)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((w["system"], w["id"]) for w in written) == [("lead", "C1"), ("lead", "C2"),
                                                                ("newsbrief", "C1"), ("newsbrief", "C2")]
    scorer = shared.Rouge(stem=stem, max_words=30)
    for w in written:
        mine = result if w["system"] == "newsbrief" else result["baselines"]["lead"]
        theirs = scorer.score_cluster(w["summary"], rows[0]["references"])
        assert mine["per_cluster"][w["id"]]["rouge1"] == pytest.approx(round(theirs["rouge1"][0] * 100, 2))
    assert result["stemmed"] is stem
    assert ("not stemmed" in format_report(result)) is not stem
    with pytest.raises(EvalError, match="^eval: cannot write summaries to "):
        evaluate(data, max_words=30, summaries_out=tmp_path / "no" / "such" / "dir.jsonl")


def test_cli_writes_summaries_and_prints_json(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsbrief.cli.app import cli

    data = _write_bench(tmp_path / "bench.jsonl")
    out = tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "d"), "eval", "summarization", "--data", str(data),
                                      "--max-words", "30", "--no-stem", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["stemmed"] is False and report["n_clusters"] == 2
    assert {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()} == {"C1", "C2"}


def test_the_language_model_through_the_guard_is_scored_in_the_same_run(tmp_path: Path) -> None:
    from chat_server import ChatServer

    from newsbrief.llm import Guard
    from newsbrief.llm.client import ChatClient
    from newsbrief.llm.writer import TokenBudget, Writer

    def answer(prompt: str) -> str:
        first = next(line for line in prompt.splitlines() if line.startswith("[1] "))[4:]
        second = next(line for line in prompt.splitlines() if line.startswith("[2] "))[4:]
        invented = "Brask will get 900 million euros in flood aid [1]."
        if "failed a fact check" in prompt:
            return invented
        # two sentences stand, so the summary is the model's (one alone would leave the extractive one)
        return json.dumps({"headline": "Floods in Brask", "summary": f"{first} [1] {second} [2] {invented}"})

    data = _write_bench(tmp_path / "bench.jsonl")
    with ChatServer(answer) as server:
        writer = Writer(ChatClient(server.url, "tiny"), Guard(), budget=TokenBudget(10**6))
        result = evaluate(data, max_words=30, writer=writer, limit=1, keep_outputs=True)
        writer.client.close()
    assert result["n_clusters"] == 1 and set(result["baselines"]) == {"llm+guard"}
    llm = result["baselines"]["llm+guard"]
    assert llm["n_clusters"] == 1 and 0 < llm["rouge1_recall"] <= 100
    assert "900" not in llm["outputs"]["C1"]  # the invented sentence failed twice and gave way to its source
    assert result["llm_guard"] == {"stories": 1, "written": 1, "kept": 2, "replaced": 1, "model": "tiny", "tokens": 240}
    assert "llm+guard: tiny, 1 summaries (1 written, 0 kept extractive); generated sentences: 2 passed, 0 rewritten, " \
           "1 replaced by their source, 0 dropped; 240 tokens" in format_report(result)
