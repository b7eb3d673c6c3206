"""``newsbrief eval ...``: benchmarks of each fuzzy stage on real or generated data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from newsbrief.cli.app import console, handle_errors, safe_text


def _emit(result: dict[str, Any], as_json: bool, report: str) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        console.print(safe_text(report), soft_wrap=True)  # the report quotes titles from the data


@click.group("eval")
def evaluate() -> None:
    """Benchmark clustering, summarization, facts and ingest."""


@evaluate.command("clustering")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False), help="JSONL: id, title, text, date, cluster.")
@click.option("--embedder", type=click.Choice(["auto", "lexical"]), default="auto", show_default=True)
@click.option("--predictions", type=click.Path(dir_okay=False), help="Write predicted clusters (JSONL) here.")
@click.option("--hdbscan", "compare_hdbscan", is_flag=True, help="Also run HDBSCAN over the same embeddings.")
@click.option("--granularity", type=click.Choice(["storyline", "event"]), default="storyline", show_default=True,
              help="Story granularity: storyline is the benchmark protocol's tuning, event the digest default.")
@click.option("--split", type=click.Choice(["all", "even", "odd"]), default="all", show_default=True,
              help="Score all stories, or the even (tuning) or odd (held-out) half.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_clustering(data: str, embedder: str, predictions: str | None, compare_hdbscan: bool, granularity: str,
                    split: str, as_json: bool) -> None:
    """Run the story clusterer in stream order and score it (pairwise, B-cubed, NMI)."""
    from newsbrief.eval.clustering import evaluate as run, format_report

    result = run(Path(data), embedder=embedder, predictions_out=Path(predictions) if predictions else None,
                 compare_hdbscan=compare_hdbscan, granularity=granularity, split=split)
    _emit(result, as_json, format_report(result))


@evaluate.command("storylines")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False), help="JSONL: id, title, text, date, cluster.")
@click.option("--split", type=click.Choice(["all", "even", "odd"]), default="all", show_default=True,
              help="Score all stories, or the even (tuning) or odd (held-out) half.")
@click.option("--threshold", type=float, multiple=True, help="Least average similarity of merging storylines (repeat to sweep).")
@click.option("--vector-weight", type=float, multiple=True, help="Weight of the centroid-vector cosine (repeat to sweep).")
@click.option("--text-weight", type=float, multiple=True, help="Weight of the TF-IDF text cosine (repeat to sweep).")
@click.option("--entity-weight", type=float, multiple=True, help="Weight of the actor cosine (repeat to sweep).")
@click.option("--decay-days", type=float, multiple=True, help="Days over which similarity decays by 1/e; 0: none (repeat to sweep).")
@click.option("--window-days", type=int, multiple=True, help="Most days between alike events (repeat to sweep).")
@click.option("--min-agree", type=int, multiple=True, help="Least core actors merging storylines share (repeat to sweep).")
@click.option("--main-actors", type=int, multiple=True,
              help="Names of a headline-less article taken as its main actors; 0: no shared one needed (repeat to sweep).")
@click.option("--baselines", is_flag=True, help="Also score the TF-IDF single-pass baseline and HDBSCAN in the same run.")
@click.option("--baseline-threshold", type=float, default=0.2, show_default=True, help="The TF-IDF baseline's cosine bar.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_storylines(data: str, split: str, threshold: tuple[float, ...], vector_weight: tuple[float, ...],
                    text_weight: tuple[float, ...], entity_weight: tuple[float, ...], decay_days: tuple[float, ...],
                    window_days: tuple[int, ...], min_agree: tuple[int, ...], main_actors: tuple[int, ...], baselines: bool,
                    baseline_threshold: float, as_json: bool) -> None:
    """Cluster events, merge them into storylines and score both levels (pairwise, B-cubed, NMI)."""
    from newsbrief.eval.storylines import evaluate_storylines, format_storylines, grid

    params = grid({"threshold": threshold, "vector_weight": vector_weight, "text_weight": text_weight,
                   "entity_weight": entity_weight, "decay_days": decay_days, "window_days": window_days,
                   "min_agree": min_agree, "main_actors": main_actors})
    result = evaluate_storylines(Path(data), split=split, params=params, baselines=baselines,
                                 baseline_threshold=baseline_threshold)
    _emit(result, as_json, format_storylines(result))


@evaluate.command("summarization")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False), help="JSONL clusters with references.")
@click.option("--max-words", default=100, show_default=True, help="Summary length limit in words.")
@click.option("--baselines", is_flag=True, help="Also score sumy LexRank and TextRank in the same run.")
@click.option("--no-stem", is_flag=True, help="Score without stemming (MultiLing's official style).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Write the summaries here as JSONL (the input of the benchmark's score.py).")
@click.option("--llm", type=click.Choice(["local", "openai"]),
              help="Also rewrite each summary with this language model (llm.* settings) through the guard.")
@click.option("--limit", default=0, show_default=True, help="Score only the first N clusters (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_summarization(data: str, max_words: int, baselines: bool, no_stem: bool, out: str | None, llm: str | None,
                       limit: int, as_json: bool) -> None:
    """Run the extractive summarizer on each cluster and score ROUGE-1/2 recall."""
    from newsbrief.eval.summarization import evaluate as run, format_report

    writer = None
    if llm:
        import os

        from newsbrief.config import load_settings
        from newsbrief.llm.writer import TokenBudget, writer_from_settings

        writer = writer_from_settings(load_settings(env=os.environ).replace(**{"llm.mode": llm}))
        if writer is not None:
            writer.cache, writer.budget = None, TokenBudget(10**9)  # a benchmark: no cache, no budget
    try:
        result = run(Path(data), max_words=max_words, baselines=("lexrank", "textrank") if baselines else (),
                     stem=not no_stem, summaries_out=Path(out) if out else None, writer=writer, limit=limit)
    finally:
        if writer is not None:
            writer.client.close()
    _emit(result, as_json, format_report(result))


@evaluate.command("facts")
@click.option("--split", type=click.Choice(["dev", "test"]), default="test", show_default=True, help="Annotated split.")
@click.option("--data", type=click.Path(exists=True, dir_okay=False),
              help="Another annotated JSONL file: sentences, or whole articles.")
@click.option("--articles", type=click.Path(exists=True, dir_okay=False),
              help="Real articles (JSONL or JSONL.gz) that a whole-article file names by id.")
@click.option("--calendar", is_flag=True,
              help="Whole articles: clean them and score only the events the digest's calendar lists.")
@click.option("--errors", "error_kinds", multiple=True, type=click.Choice(["funding", "regulation", "event"]),
              help="Also list the false positives and misses of this fact type (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_facts(split: str, data: str | None, articles: str | None, calendar: bool, error_kinds: tuple[str, ...],
               as_json: bool) -> None:
    """Score funding, regulation and event extraction (precision/recall/F1 per type), on
    annotated sentences or on whole articles."""
    from newsbrief.eval.facts import evaluate as run, format_mistakes, format_report

    result = run(split=split, data_path=Path(data) if data else None, articles_path=Path(articles) if articles else None,
                 calendar=calendar, details=bool(error_kinds))
    text = format_report(result)
    if error_kinds:
        text += "\n" + format_mistakes(result, error_kinds)
    _emit(result, as_json, text)


@evaluate.command("ingest")
@click.option("--feeds", default=20, show_default=True, help="Generated feeds.")
@click.option("--items", default=50, show_default=True, help="Items per feed.")
@click.option("--no-full-text", is_flag=True, help="Skip page fetching and extraction.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_ingest(feeds: int, items: int, no_full_text: bool, as_json: bool) -> None:
    """Serve generated feeds and pages on 127.0.0.1 and measure ingest throughput."""
    from newsbrief.eval.ingest import evaluate as run, format_report

    result = run(n_feeds=feeds, n_items=items, full_text=not no_full_text)
    _emit(result, as_json, format_report(result))


@evaluate.command("cleaning")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Real articles, JSONL or JSONL.gz: id, published, source, title, content.")
@click.option("--annotations", "annotation_files", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="An annotated day (DAY.json); repeat for more days.")
@click.option("--history-days", default=0, show_default=True, type=click.IntRange(min=0),
              help="Days before each day whose articles are the outlets' history.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_cleaning(data: str, annotation_files: tuple[str, ...], history_days: int, as_json: bool) -> None:
    """Clean the annotated boilerplate sample of real-news days and score removed and lost lines."""
    from newsbrief.eval.cleaning import evaluate as run, format_report

    results = [run(Path(data), Path(f), history_days=history_days) for f in annotation_files]
    _emit({"days": results}, as_json, format_report(results))


@evaluate.command("realnews")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Real articles, JSONL or JSONL.gz: id, published, source, title, content.")
@click.option("--annotations", "annotation_files", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="An annotated day (DAY.json); repeat for more days.")
@click.option("--keep", type=click.Path(file_okay=False), help="Keep each day's feeds and data folder under this folder.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_realnews(data: str, annotation_files: tuple[str, ...], keep: str | None, as_json: bool) -> None:
    """Run the whole pipeline on annotated days of real news and score grouping, top stories,
    boilerplate, digest length and build time."""
    from pathlib import Path

    from newsbrief.eval.realnews import evaluate_day, format_report, load_annotation, read_articles

    anns = [load_annotation(Path(f)) for f in annotation_files]
    days = read_articles(Path(data), [a["day"] for a in anns])
    results = [evaluate_day(days[a["day"]], a, workdir=Path(keep) / a["day"] if keep else None) for a in anns]
    _emit({"days": results}, as_json, format_report(results))


@evaluate.command("regroup")
@click.option("--keep", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder that `eval realnews --keep` filled (one subfolder per day).")
@click.option("--annotations", "annotation_files", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="An annotated day (DAY.json); repeat for more days.")
@click.option("--errors", is_flag=True, help="List every false and lost pair.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_regroup(keep: str, annotation_files: tuple[str, ...], errors: bool, as_json: bool) -> None:
    """Cluster kept real-news days again from their stored texts and vectors, and score the grouping."""
    from pathlib import Path

    from newsbrief.eval.realnews import load_annotation
    from newsbrief.eval.regroup import format_regroup, regroup_day

    anns = [load_annotation(Path(f)) for f in annotation_files]
    results = [regroup_day(Path(keep) / a["day"], a, errors=errors) for a in anns]
    _emit({"days": results}, as_json, format_regroup(results))


@evaluate.command("retellings")
@click.option("--dir", "demo_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder holding newsbrief.db with the digests (as `newsbrief demo --dir` writes it).")
@click.option("--annotations", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Annotated retellings and dangling references per day (JSON).")
@click.option("--day", "days", multiple=True, help="Score only this annotated day (repeatable).")
@click.option("--threshold", default=0.8, show_default=True, help="MiniLM cosine that counts as a retelling.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_retellings(demo_dir: str, annotations: str, days: tuple[str, ...], threshold: float, as_json: bool) -> None:
    """Count retold facts and dangling references in stored digests, against an annotation and by
    sentence similarity."""
    from newsbrief.eval.retellings import evaluate as run, format_report

    result = run(Path(demo_dir) / "newsbrief.db", Path(annotations), days=days, threshold=threshold)
    _emit(result, as_json, format_report(result))


@evaluate.command("guard")
@click.option("--data", type=click.Path(exists=True, dir_okay=False),
              help="Planted-error JSONL: sources, generated, label, kind, split (default: the bundled set).")
@click.option("--split", type=click.Choice(["tuning", "test", "all"]), default="test", show_default=True,
              help="Which half of the set to score.")
@click.option("--uncited", is_flag=True, help="Check each sentence as citing nothing: the guard recovers its citations.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def eval_guard(data: str | None, split: str, uncited: bool, as_json: bool) -> None:
    """Run the faithfulness guard on planted errors and faithful paraphrases; print recall
    (unfaithful caught) and false_rejection_rate (faithful rejected), overall and per kind."""
    from newsbrief.eval.guard import DEFAULT_DATA, evaluate as run, format_report

    result = run(Path(data) if data else DEFAULT_DATA, split=split, uncited=uncited)
    _emit(result, as_json, format_report(result))
