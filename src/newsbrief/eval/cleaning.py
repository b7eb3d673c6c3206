"""Score the boilerplate cleaner on the annotated sample of a real-news day (``newsbrief eval cleaning``).

Input: the real articles (JSONL or JSONL.gz) and a day's annotation whose ``boilerplate_sample``
lists 40 articles and ``boilerplate`` marks every line of them that is not article prose (with
its kind; ``chars`` marks a dateline prefix). Every other non-empty line is content.

Each sampled article is cleaned as the pipeline cleans it: its text one paragraph per line,
its outlet's template lines learned from the outlet's articles of the day and of the
``history_days`` before it (at most :data:`~newsbrief.clean.boilerplate.TEMPLATE_HISTORY`, newest first).
Scores, per line:

- **removed** (recall): annotated boilerplate lines (or dateline spans) the cleaner cut;
- **precision**: of the lines the cleaner cut from (whole or in part), those that are boilerplate;
- **lost**: content lines the cleaner cut from, whole or in part (a dateline cut that stays in
  its annotated span loses nothing);
- per annotated kind (removed/total) and per cleaner reason (cuts, and cuts on content).

No pipeline run: this takes seconds, so it is the loop to tune the cleaner in (on the tuning day).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsbrief.clean.boilerplate import TEMPLATE_HISTORY, Cleaned, clean_text, template_lines
from newsbrief.clean.spacing import close_up_punctuation
from newsbrief.errors import EvalError

__all__ = ["evaluate", "format_report", "score_sample"]


def _paragraphs(content: str) -> str:
    """The text as the pipeline stores it: one paragraph per line, spaces folded (line numbers kept)."""
    return "\n".join(" ".join(line.split()) for line in content.split("\n"))


def _norm(text: str) -> str:
    """A line as compared with what the cleaner cut: the cleaner takes spaces before punctuation out."""
    return " ".join(close_up_punctuation(text).split()).lower()


def score_sample(ann: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]],
                 cleaned: Mapping[str, Cleaned]) -> dict[str, Any]:
    """Score cleaned sample articles against the annotation's boilerplate lines.

    :param ann: the day's annotation.
    :param articles: the sampled articles by id (``content`` as in the data).
    :param cleaned: each sampled article's :func:`~newsbrief.clean.boilerplate.clean_text` result.
    """
    total: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    by_reason: Counter[str] = Counter()
    on_content: Counter[str] = Counter()
    content = lost = cut_units = cut_boiler = 0
    for aid in ann.get("boilerplate_sample", []):
        if aid not in articles or aid not in cleaned:
            raise EvalError(f"eval: sampled article {aid} is not in the articles file")
        marks: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
        for m in ann.get("boilerplate", {}).get(aid, []):
            marks[int(m["line"])].append(m)
        cuts = {c.line: c for c in cleaned[aid].cuts}
        for i, raw in enumerate(str(articles[aid].get("content") or "").split("\n")):
            line = raw.strip()
            if not line:
                continue
            cut = cuts.get(i)
            whole = cut is not None and _norm(cut.text) == _norm(line)
            if cut is not None:
                by_reason[cut.why] += 1
                cut_units += 1
            if i not in marks:
                content += 1
                if cut is not None:
                    lost += 1
                    on_content[cut.why] += 1
                continue
            spans = [line[m["chars"][0]:m["chars"][1]] if m.get("chars") else line for m in marks[i]]
            for m, span in zip(marks[i], spans):
                total[m["kind"]] += 1
                removed[m["kind"]] += cut is not None and (whole or _norm(span) in _norm(cut.text))
            cut_boiler += cut is not None
            if all(m.get("chars") for m in marks[i]):  # the rest of a dateline's line is content
                content += 1
                if cut is not None and (whole or len(_norm(cut.text)) > len(_norm(" ".join(spans))) + 3):
                    lost += 1
                    on_content[cut.why] += 1
    n_bp = sum(total.values())
    n_removed = sum(removed.values())
    return {
        "sampled_articles": len(ann.get("boilerplate_sample", [])),
        "boilerplate_lines": n_bp, "removed": n_removed, "recall": n_removed / n_bp if n_bp else 0.0,
        "cut_lines": cut_units, "precision": cut_boiler / cut_units if cut_units else 1.0,
        "content_lines": content, "content_lost": lost, "content_lost_share": lost / content if content else 0.0,
        "boilerplate_kept_share": 1 - n_removed / n_bp if n_bp else 0.0,
        "removed_by_kind": {k: f"{removed[k]}/{n}" for k, n in sorted(total.items())},
        "cuts_by_reason": {k: {"cuts": n, "on_content": on_content[k]} for k, n in sorted(by_reason.items())},
    }


def evaluate(data: Path, annotation: Path, *, history_days: int = 0) -> dict[str, Any]:
    """Clean the annotated sample of a day as the pipeline would and score it.

    :param data: the real articles, JSONL or JSONL.gz.
    :param annotation: the day's annotation (``DAY.json``).
    :param history_days: days before the annotated day whose articles count as outlet history.
    """
    from newsbrief.eval.realnews import load_annotation, read_articles

    ann = load_annotation(annotation)
    day = dt.date.fromisoformat(ann["day"])
    days = [(day - dt.timedelta(days=n)).isoformat() for n in range(history_days + 1)]
    by_day = read_articles(data, days)
    outlets: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for rows in by_day.values():
        for row in rows:
            outlets[str(row.get("source") or "")].append(row)
    raw = {str(a["id"]): a for a in by_day[day.isoformat()]}
    cleaned: dict[str, Cleaned] = {}
    for aid in ann.get("boilerplate_sample", []):
        article = raw.get(aid)
        if article is None:
            raise EvalError(f"eval: sampled article {aid} is not in {data} on {day}")
        history = sorted(outlets[str(article.get("source") or "")], key=lambda a: str(a["published"]), reverse=True)
        templates = template_lines(_paragraphs(str(a.get("content") or "")) for a in history[:TEMPLATE_HISTORY])
        cleaned[aid] = clean_text(_paragraphs(str(article.get("content") or "")), templates=templates)
    return {"day": ann["day"], "history_days": history_days} | score_sample(ann, raw, cleaned)


def format_report(results: Sequence[Mapping[str, Any]]) -> str:
    """Return a plain-text table of :func:`evaluate` results.

    :param results: one result per day.
    """
    lines = [f"{'day':<11} {'hist':>4} {'bp lines':>8} {'removed':>7} {'recall':>6} {'cut':>5} {'prec':>6} "
             f"{'content':>7} {'lost':>5} {'lost %':>6}"]
    for r in results:
        lines.append(f"{r['day']:<11} {r['history_days']:>4} {r['boilerplate_lines']:>8} {r['removed']:>7} "
                     f"{r['recall']:>6.3f} {r['cut_lines']:>5} {r['precision']:>6.3f} {r['content_lines']:>7} "
                     f"{r['content_lost']:>5} {100 * r['content_lost_share']:>6.2f}")
    for r in results:
        lines.append(f"\n{r['day']}: removed by annotated kind: "
                     + ", ".join(f"{k} {v}" for k, v in r["removed_by_kind"].items()))
        lines.append("  cuts by reason (on content): "
                     + ", ".join(f"{k} {v['cuts']} ({v['on_content']})" for k, v in r["cuts_by_reason"].items()))
    return "\n".join(lines)
