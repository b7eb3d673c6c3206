"""Tests of the clustering benchmark harness and its scorer (newsbrief.eval.clustering / scoring)."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from newsbrief.errors import EvalError
from newsbrief.eval.clustering import evaluate, format_report, load_stream, memory_benchmark, synthetic_stream
from newsbrief.eval.scoring import cluster_scores

SHARED_SCORER = next(
    (p for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared"))
     if (p / "bench" / "clustering" / "score.py").is_file()),
    Path("/work/shared"),
) / "bench" / "clustering" / "score.py"


def test_scores_on_hand_computed_case() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    s = cluster_scores(gold, pred)
    # TP = C(2,2) + C(1,2) + C(2,2) = 2; pred pairs = 1 + 3 = 4; gold pairs = 3 + 1 = 4
    assert s["pairwise_precision"] == pytest.approx(0.5)
    assert s["pairwise_recall"] == pytest.approx(0.5)
    assert s["bcubed_precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert s["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    perfect = cluster_scores(gold, gold)
    assert perfect["pairwise_f1"] == perfect["bcubed_f1"] == perfect["nmi"] == pytest.approx(1.0)
    singletons = cluster_scores(gold, {k: k for k in gold})
    assert singletons["pairwise_f1"] == 0.0 and singletons["bcubed_precision"] == 1.0
    with pytest.raises(EvalError, match="^eval: 1 gold ids have no prediction"):
        cluster_scores(gold, {k: 0 for k in list(gold)[:-1]})


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="shared benchmark scorer not present")
def test_scores_agree_with_shared_benchmark_scorer() -> None:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    assert spec is not None and spec.loader is not None
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    rng = random.Random(3)
    for _ in range(20):
        ids = [f"d{i}" for i in range(rng.randint(2, 60))]
        gold = {i: str(rng.randint(0, 6)) for i in ids}
        pred = {i: str(rng.randint(0, rng.randint(0, 10))) for i in ids}
        ours = cluster_scores(gold, pred)
        theirs = shared.scores(gold, pred)
        assert ours["pairwise_precision"] * 100 == pytest.approx(theirs["pairwise"]["P"], abs=1e-9)
        assert ours["pairwise_recall"] * 100 == pytest.approx(theirs["pairwise"]["R"], abs=1e-9)
        assert ours["pairwise_f1"] * 100 == pytest.approx(theirs["pairwise"]["F1"], abs=1e-9)
        assert ours["bcubed_precision"] * 100 == pytest.approx(theirs["bcubed"]["P"], abs=1e-9)
        assert ours["bcubed_recall"] * 100 == pytest.approx(theirs["bcubed"]["R"], abs=1e-9)
        assert ours["bcubed_f1"] * 100 == pytest.approx(theirs["bcubed"]["F1"], abs=1e-9)
        assert ours["nmi"] * 100 == pytest.approx(theirs["nmi"], abs=1e-9)
        assert ours["ari"] * 100 == pytest.approx(theirs["ari"], abs=1e-9)


STORIES = {
    "quake": ["Earthquake of magnitude 7 strikes Velmora province", "Velmora earthquake death toll climbs",
              "Rescuers dig through rubble after Velmora earthquake",
              "Aid for Velmora earthquake victims arrives in the province"],
    "vote": ["Parliament of Ostrava passes pension reform vote", "Ostrava pension reform vote passes parliament",
             "Pension reform approved by Ostrava parliament vote"],
    "final": ["Harbour City wins the rugby cup final", "Rugby cup final: Harbour City crowned champions",
              "Harbour City celebrate rugby cup final win"],
}


def write_stream(path: Path) -> None:
    lines = []
    n = 0
    for day in range(4):
        for story, titles in STORIES.items():
            if day < len(titles):
                lines.append({"id": f"{story}{day}", "title": titles[day], "text": "", "date": f"2026-05-0{day + 1}",
                              "cluster": story, "seq": n})
                n += 1
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")


def test_evaluate_runs_the_stream_clusterer(tmp_path: Path) -> None:
    data = tmp_path / "stream.jsonl"
    write_stream(data)
    preds = tmp_path / "pred.jsonl"
    result = evaluate(data, embedder="lexical", predictions_out=preds, compare_hdbscan=True)
    for key in ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_precision", "bcubed_recall",
                "bcubed_f1", "nmi", "n_docs", "n_pred_clusters", "seconds", "embed_seconds", "cluster_seconds",
                "docs_per_second"):
        assert key in result
    assert result["n_docs"] == 10 and result["embedder"] == "hashing-tf-1024"
    assert result["pairwise_f1"] == pytest.approx(1.0)
    assert result["hdbscan"]["n_docs"] == 10
    lines = [json.loads(x) for x in preds.read_text().splitlines()]
    assert len(lines) == 10 and {"id", "cluster"} <= set(lines[0])
    report = format_report(result)
    assert "pairwise" in report and "hdbscan" in report


def test_split_halves_partition_the_stories(tmp_path: Path) -> None:
    data = tmp_path / "stream.jsonl"
    write_stream(data)
    even = {r["cluster"] for r in load_stream(data, split="even")}
    odd = {r["cluster"] for r in load_stream(data, split="odd")}
    assert even == {"final", "vote"} and odd == {"quake"}
    with pytest.raises(EvalError, match="^eval: split"):
        load_stream(data, split="third")


def test_load_stream_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="needs 'id' and 'cluster'"):
        load_stream(bad)
    with pytest.raises(EvalError, match="^eval: cannot read"):
        load_stream(tmp_path / "missing.jsonl")


def test_synthetic_stream_and_memory_benchmark() -> None:
    docs = list(synthetic_stream(50, n_stories=5, dim=16))
    assert len(docs) == 50 and docs[0][0].vector is not None and docs[0][0].vector.shape == (16,)
    assert [d.id for d, _ in docs] == [d.id for d, _ in synthetic_stream(50, n_stories=5, dim=16)]
    result = memory_benchmark(400, n_stories=10)
    assert result["n_docs"] == 400 and result["peak_rss_mb"] > 0
    assert result["pairwise_f1"] > 0.9


def test_read_jsonl_errors_name_file_and_line(tmp_path) -> None:
    from newsbrief.eval.jsonl import read_jsonl

    path = tmp_path / "x.jsonl"
    path.write_text('{"id": 1, "cluster": "a"}\n\n{"id": 2}\n')
    rows = read_jsonl(path, required=("id", "cluster"))
    assert next(rows) == (1, {"id": 1, "cluster": "a"})
    with pytest.raises(EvalError, match=r"x.jsonl:3: every line needs 'id' and 'cluster'"):
        next(rows)
    with pytest.raises(EvalError, match="cannot read"):
        list(read_jsonl(tmp_path / "missing.jsonl"))
