"""The storyline benchmark's settings grid, its TF-IDF single-pass baseline and its report."""

from __future__ import annotations

from newsbrief.eval.storylines import format_storylines, grid
from newsbrief.eval.tfidf_baseline import single_pass
from newsbrief.cluster.storylines import StorylineParams


def test_grid_tries_every_combination_and_keeps_the_defaults_of_settings_not_given() -> None:
    assert grid({}) == [StorylineParams()]
    params = grid({"threshold": (0.1, 0.2), "min_agree": (1, 2), "text_weight": ()})
    assert [(p.threshold, p.min_agree) for p in params] == [(0.1, 1), (0.1, 2), (0.2, 1), (0.2, 2)]
    assert {p.text_weight for p in params} == {StorylineParams().text_weight}


def test_single_pass_joins_a_document_to_the_most_alike_cluster_above_the_threshold() -> None:
    texts = ["volcano erupts island ash villagers flee", "storm floods coast towns evacuated",
             "volcano ash cloud island flights grounded", "storm floods coast rivers rise", "parliament passes budget"]
    assert single_pass(texts, 0.1) == [0, 1, 0, 1, 2]
    assert single_pass(texts, 0.99) == [0, 1, 2, 3, 4]  # nothing is that alike: all apart
    assert single_pass([], 0.2) == []
    assert single_pass(["the", "and", "volcano erupts"], 0.2) == [0, 1, 2]  # a text with no term opens its own cluster
    assert single_pass(["the", "and"], 0.2) == [0, 1]  # no term at all


def test_format_lists_events_each_setting_and_the_baselines() -> None:
    scores = {"n_docs": 4, "n_gold_clusters": 2, "n_pred_clusters": 2, "pairwise_precision": 1.0, "pairwise_recall": 0.5,
              "pairwise_f1": 0.6667, "bcubed_precision": 1.0, "bcubed_recall": 0.75, "bcubed_f1": 0.8571, "nmi": 0.9}
    p = StorylineParams()
    result = {"data": "d.jsonl", "split": "even", "embedder": "m", "events": scores,
              "storylines": [{"threshold": p.threshold, "vector_weight": 0.2, "text_weight": 0.6, "entity_weight": 0.2,
                              "decay_days": 30.0, "window_days": 30, "min_agree": 3, "main_actors": 10, **scores}],
              "baselines": {"tfidf single-pass t=0.20": scores}}
    text = format_storylines(result).splitlines()
    assert text[0] == "data=d.jsonl split=even embedder=m docs=4 gold_clusters=2"
    assert text[2].startswith(f"storylines t={p.threshold:.2f} w=0.20/0.60/0.20 decay=30d window=30d agree>=3 main=10  clusters=2 ")
    assert text[3].startswith("baseline tfidf single-pass t=0.20") and "pairwise P=1.0000 R=0.5000 F1=0.6667" in text[3]
