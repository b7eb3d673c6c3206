"""The ingest benchmark runs end to end on a small corpus (real local server, two runs)."""

from __future__ import annotations

from newsbrief.eval.ingest import evaluate, format_report


def test_evaluate_small_corpus_in_process() -> None:
    result = evaluate(n_feeds=3, n_items=12, workers=0)
    assert result["articles"] == 36 and result["pages_fetched"] == 36
    assert result["second_run_304s"] == 3
    assert result["duplicates"] == 4  # items 0 and 10 of feeds 1 and 2 copy feed 0
    assert result["skips"] == 0 and result["page_errors"] == 0 and result["feed_errors"] == 0
    assert result["pipeline_articles"] == 36  # the same corpus through pipeline.ingest into SQLite
    assert result["articles_per_second"] > 0 and result["peak_rss_mb"] > 0
    report = format_report(result)
    assert "articles_per_second" in report and "second_run_304s" in report


def test_evaluate_full_feeds_with_worker_pool() -> None:
    result = evaluate(n_feeds=2, n_items=20, full_text=False, workers=2)
    assert result["articles"] == 40 and result["pages_fetched"] == 0
    assert result["second_run_304s"] == 2 and result["duplicates"] == 2


def test_the_bench_server_answers_304_to_either_validator_if_none_match_first() -> None:
    from newsbrief.eval.ingest import _Doc, _unchanged

    doc = _Doc(b"<rss/>", "application/rss+xml", '"v1"', "Fri, 09 Jan 2026 06:00:00 GMT")
    assert _unchanged({"if-none-match": '"v1"'}, doc)
    assert _unchanged({"if-modified-since": "Fri, 09 Jan 2026 06:00:00 GMT"}, doc)
    assert not _unchanged({"if-none-match": '"v0"', "if-modified-since": "Fri, 09 Jan 2026 06:00:00 GMT"}, doc)
    assert not _unchanged({}, doc)
