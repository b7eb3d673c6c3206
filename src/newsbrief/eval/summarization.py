"""Summarization benchmark: run the real summarizer on DUC-style clusters and score it with ROUGE.

Input is a JSON Lines file with one cluster per line,
``{"id", "docs": [{"doc_id", "title", "date", "text"}], "references": [str, ...]}`` (the format
of the shared DUC 2003/2004 files). Each cluster's documents become :class:`Article` objects
and go through :func:`newsbrief.summarize.extractive.summarize_for_budget`, the same ranking
code as :func:`newsbrief.summarize.story.summarize_story` with a word budget instead of a sentence
budget. Scores follow ROUGE-1.5.5's DUC rules (:mod:`newsbrief.eval.rouge`). Optional sumy
baselines (LexRank, TextRank) run in the same process on the same clusters, with a pysbd
sentence splitter and a regex word tokenizer, so no NLTK data is needed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsbrief.errors import EvalError
from newsbrief.eval.jsonl import read_jsonl
from newsbrief.eval.rouge import RougeScorer, RougeScores, mean_scores
from newsbrief.llm.writer import Writer
from newsbrief.model import Article, CitedSentence, Summary
from newsbrief.summarize.extractive import (
    DEFAULT_PARAMS,
    ExtractiveParams,
    summarize_for_budget,
)
from newsbrief.summarize.sentences import normalise_text

LOGGER = logging.getLogger(__name__)

__all__ = ["BASELINES", "cluster_articles", "evaluate", "format_report", "load_clusters"]

BASELINES = ("lexrank", "textrank", "lead")
_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")


def load_clusters(data_path: Path) -> list[dict[str, Any]]:
    """Read a benchmark JSONL file into a list of cluster dicts.

    :param data_path: path of the JSONL file.
    """
    clusters = [row for _, row in read_jsonl(data_path, required=("docs", "references"))]
    if not clusters:
        raise EvalError(f"eval: {data_path} holds no cluster")
    return clusters


def cluster_articles(cluster: dict[str, Any]) -> list[Article]:
    """Turn one benchmark cluster's documents into Articles, oldest first.

    :param cluster: a dict with a ``docs`` list.
    """
    out: list[Article] = []
    for n, doc in enumerate(cluster["docs"]):
        try:
            day = dt.date.fromisoformat(doc.get("date") or "1970-01-01")
        except ValueError:
            day = dt.date(1970, 1, 1)
        when = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        doc_id = str(doc.get("doc_id") or f"{cluster.get('id', 'c')}-{n}")
        out.append(
            Article(id=doc_id, url="", canonical_url="", source_url="", outlet="",
                    title=str(doc.get("title") or ""), text=str(doc.get("text") or ""),
                    published=when, fetched=when)
        )
    out.sort(key=lambda a: (a.published, a.id))
    return out


def _sumy_runner(name: str, max_words: int) -> Callable[[Sequence[Article]], list[str]]:
    """Return a function running a sumy baseline with run_sumy.py's settings."""
    if name == "lead":
        return lambda arts: _take_until(_doc_sentences(arts[-1:], min_words=0, dedupe=False), max_words)
    try:
        import pysbd
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EvalError("eval: baselines need sumy and pysbd; pip install 'newsbrief[eval]'") from exc
    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
    if name not in classes:
        raise EvalError(f"eval: unknown baseline {name!r}; choose from {', '.join(BASELINES)}")
    segmenter = pysbd.Segmenter(language="en", clean=False)

    class _Tok:
        language = "english"

        def to_sentences(self, text: str) -> list[str]:
            return [s.strip() for s in segmenter.segment(text) if s.strip()]

        def to_words(self, sentence: str) -> list[str]:
            return _WORD_RE.findall(sentence)

    tok, stemmer, stop = _Tok(), Stemmer("english"), get_stop_words("english")

    def run(arts: Sequence[Article]) -> list[str]:
        paras: list[list[str]] = []
        seen: set[str] = set()
        for art in arts:
            for para in re.split(r"\n\s*\n", normalise_text_keep_paras(art.text)):
                sents = []
                for s in tok.to_sentences(re.sub(r"\s+", " ", para)):
                    words = tok.to_words(s)
                    key = " ".join(w.lower() for w in words)
                    if len(words) < 5 or key in seen:
                        continue
                    seen.add(key)
                    sents.append(s)
                if sents:
                    paras.append(sents)
        doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in p]) for p in paras])
        summarizer = classes[name](stemmer)
        summarizer.stop_words = stop
        chosen: list[str] = []

        def select(infos: Sequence[Any]) -> list[Any]:
            out, words = [], 0
            for info in infos:
                out.append(info)
                chosen.append(str(info.sentence))
                words += len(str(info.sentence).split())
                if words >= max_words:
                    break
            return out

        summarizer(doc, select)
        return chosen

    return run


def normalise_text_keep_paras(text: str) -> str:
    """Replace newswire quote marks (`` '') with plain ones, keeping line breaks.

    :param text: article body.
    """
    return text.replace("``", '"').replace("''", '"')


def _doc_sentences(arts: Sequence[Article], *, min_words: int, dedupe: bool) -> list[str]:
    from newsbrief.summarize.sentences import split_sentences

    out, seen = [], set()
    for art in arts:
        for s in split_sentences(art.text):
            key = normalise_text(s).lower()
            if len(s.split()) < min_words or (dedupe and key in seen):
                continue
            seen.add(key)
            out.append(s)
    return out


def _take_until(sents: Sequence[str], max_words: int) -> list[str]:
    out, words = [], 0
    for s in sents:
        out.append(s)
        words += len(s.split())
        if words >= max_words:
            break
    return out


def _ci95(values: Sequence[float]) -> float:
    """Return the half-width of a normal 95% confidence interval of the mean of values."""
    n = len(values)
    if n < 2:
        return 0.0
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return float(1.96 * math.sqrt(var / n))


def _run_system(
    clusters: Sequence[dict[str, Any]],
    summarize: Callable[[Sequence[Article]], list[str]],
    scorer: RougeScorer,
) -> dict[str, Any]:
    per_cluster: dict[str, RougeScores] = {}
    outputs: dict[str, str] = {}
    n_words = 0
    seconds = 0.0
    for cluster in clusters:
        arts = cluster_articles(cluster)
        n_words += sum(len(a.text.split()) for a in arts)
        start = time.perf_counter()
        sents = summarize(arts)
        seconds += time.perf_counter() - start
        text = "\n".join(sents)
        outputs[str(cluster["id"])] = text
        per_cluster[str(cluster["id"])] = scorer.score(text, cluster["references"])
    agg = mean_scores(list(per_cluster.values()))
    half_widths = {key: _ci95([v[key][0] * 100 for v in per_cluster.values()]) for key in ("rouge1", "rouge2")}
    return {
        "rouge1_recall": round(agg["rouge1"]["R"], 2),
        "rouge2_recall": round(agg["rouge2"]["R"], 2),
        "rougeL_recall": round(agg["rougeL"]["R"], 2),
        "rougeSU4_recall": round(agg["rougeSU4"]["R"], 2),
        "rouge1_ci95": round(half_widths["rouge1"], 2),
        "rouge2_ci95": round(half_widths["rouge2"], 2),
        "rouge1_f1": round(agg["rouge1"]["F"], 2),
        "rouge2_f1": round(agg["rouge2"]["F"], 2),
        "n_clusters": len(clusters),
        "seconds": round(seconds, 3),
        "words_per_second": round(n_words / seconds, 1) if seconds else 0.0,
        "input_words": n_words,
        "per_cluster": {k: {m: round(v[m][0] * 100, 2) for m in ("rouge1", "rouge2")} for k, v in per_cluster.items()},
        "outputs": outputs,
    }


def _llm_runner(writer: Writer, max_words: int, params: ExtractiveParams,
                stats: Counter[str]) -> Callable[[Sequence[Article]], list[str]]:
    """The extractive summary rewritten by the language model, every sentence through the guard."""
    def run(arts: Sequence[Article]) -> list[str]:
        sents = summarize_for_budget(arts, max_words=max_words, params=params)
        story = Summary(arts[0].id if arts else "", arts[0].title if arts else "",
                        (tuple(CitedSentence(t, (f"s{n}",)) for n, t in enumerate(sents)),))
        written = writer.write(story)
        stats["stories"] += 1
        stats["written" if written.used else "kept extractive"] += 1
        stats.update(str(d.get("action", "")) for d in written.decisions if not d.get("headline"))
        return [s.text for s in written.summary.sentences]

    return run


def evaluate(
    data_path: Path,
    *,
    max_words: int = 100,
    baselines: Sequence[str] = (),
    params: ExtractiveParams = DEFAULT_PARAMS,
    keep_outputs: bool = False,
    stem: bool = True,
    summaries_out: Path | None = None,
    writer: Writer | None = None,
    limit: int = 0,
) -> dict[str, Any]:
    """Summarize every cluster of a benchmark file and return ROUGE recall, speed and baselines.

    :param data_path: benchmark JSONL (``id``, ``docs``, ``references`` per line).
    :param max_words: summary length limit in words (ROUGE ``-l``); DUC uses 100.
    :param baselines: names from :data:`BASELINES` to run in the same pass.
    :param params: selector parameters (for tuning runs).
    :param keep_outputs: include each cluster's summary text under ``"outputs"``.
    :param stem: Porter-stem tokens (DUC style); False for MultiLing's official unstemmed scores.
    :param summaries_out: write ``{"id", "system", "summary"}`` lines here (one sentence per
        line, the input format of the benchmark's own ``score.py``), ours and the baselines'.
    :param writer: also run the language model over each extractive summary, through the guard
        (system ``llm+guard``), in the same run on the same clusters.
    :param limit: score only the first ``limit`` clusters (0: all).
    """
    if max_words <= 0:
        raise EvalError("eval: max_words must be positive")
    clusters = load_clusters(data_path)
    if limit > 0:
        clusters = clusters[:limit]
    scorer = RougeScorer(stem=stem, max_words=max_words)
    result = _run_system(clusters, lambda arts: summarize_for_budget(arts, max_words=max_words, params=params),
                         scorer)
    result["system"] = "newsbrief"
    result["data"] = str(data_path)
    result["max_words"] = max_words
    result["stemmed"] = stem
    result["baselines"] = {}
    for name in baselines:
        LOGGER.info("eval: running baseline %s", name)
        result["baselines"][name] = _run_system(clusters, _sumy_runner(name, max_words), scorer)
    if writer is not None:
        stats: Counter[str] = Counter()
        result["baselines"]["llm+guard"] = _run_system(clusters, _llm_runner(writer, max_words, params, stats), scorer)
        result["llm_guard"] = dict(stats) | {"model": writer.client.model, "tokens": writer.budget.spent}
    if summaries_out is not None:
        _write_summaries(summaries_out, {"newsbrief": result, **result["baselines"]})
    if not keep_outputs:
        for r in (result, *result["baselines"].values()):
            r.pop("outputs", None)
    return result


def _write_summaries(path: Path, systems: dict[str, dict[str, Any]]) -> None:
    """Write every system's summaries as JSONL for the benchmark's ``score.py``."""
    try:
        with path.open("w", encoding="utf-8") as fh:
            for system, r in systems.items():
                for cluster_id, text in r["outputs"].items():
                    fh.write(json.dumps({"id": cluster_id, "system": system, "summary": text}) + "\n")
    except OSError as exc:
        raise EvalError(f"eval: cannot write summaries to {path}: {exc.strerror or exc}") from exc


def format_report(result: dict[str, Any]) -> str:
    """Render an :func:`evaluate` result as a fixed-width table (recall x100).

    :param result: the dict returned by :func:`evaluate`.
    """
    lines = [
        (f"summarization benchmark: {result.get('data', '?')} ({result['n_clusters']} clusters, "
         f"{result.get('max_words', '?')} words, ROUGE recall x100, "
         f"{'stemmed' if result.get('stemmed', True) else 'not stemmed'}, references pooled)"),
        (f"{'system':<12} {'R-1':>6} {'+-95%':>6} {'R-2':>6} {'+-95%':>6} {'R-L':>6} {'R-SU4':>6} "
         f"{'seconds':>8} {'words/s':>9}"),
    ]
    rows = [("newsbrief", result)] + sorted(result.get("baselines", {}).items())
    for name, r in rows:
        lines.append(
            f"{name:<12} {r['rouge1_recall']:6.2f} {r['rouge1_ci95']:6.2f} {r['rouge2_recall']:6.2f} "
            f"{r['rouge2_ci95']:6.2f} {r['rougeL_recall']:6.2f} {r['rougeSU4_recall']:6.2f} "
            f"{r['seconds']:8.2f} {r['words_per_second']:9.0f}"
        )
    if "llm_guard" in result:
        g = result["llm_guard"]
        lines.append(f"llm+guard: {g['model']}, {g.get('stories', 0)} summaries ({g.get('written', 0)} written, "
                     f"{g.get('kept extractive', 0)} kept extractive); generated sentences: {g.get('kept', 0)} passed, "
                     f"{g.get('rewritten', 0)} rewritten, {g.get('replaced', 0)} replaced by their source, "
                     f"{g.get('dropped', 0)} dropped; {g['tokens']} tokens")
    return "\n".join(lines)
