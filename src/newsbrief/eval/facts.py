"""Score the facts stage on the annotated sentences shipped in ``eval/data/facts_*.jsonl``.

The set was written for this project: one sentence per line with its publication date and
the funding, regulation and event facts a careful reader takes from it (an empty list for
the tricky negatives: past events, plans and rumours of raises, cumulative totals,
valuations, revenue, fines, forecasts). ``dev`` is for tuning, ``test`` is for reporting.

Matching rule (one gold fact matches at most one predicted fact of the same type):

- **funding**: normalised company names equal, or one's words contained in the other's,
  *and* amount within 1% (or both undisclosed). Aggregate statements ("startups raised $371
  million") are annotated with ``"aggregate": true`` and are not scored as rounds; a
  predicted company round in such a sentence counts as a false positive. Round type, lead
  investors, valuation and currency are reported as attribute accuracy over matched pairs.
- **regulation**: (regulator words contained one in the other, *or* at least one shared
  content word in the rule name) *and* the same deadline (or both none). Status is reported
  as attribute accuracy.
- **event**: same ``start`` and ``end`` dates, same ``speculative`` flag, and at least one
  shared content word between the annotated and predicted ``what``.

Precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean (0 when undefined).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsbrief.errors import EvalError
from newsbrief.eval.jsonl import read_jsonl
from newsbrief.facts.core import extract_sentence_facts, fact_to_dict
from newsbrief.facts.names import name_key
from newsbrief.model import Event, FundingRound, Regulation

LOGGER = logging.getLogger(__name__)

__all__ = ["DATA_DIR", "evaluate", "evaluate_articles", "format_mistakes", "format_report", "load_split"]

DATA_DIR = Path(__file__).parent / "data"
TYPES = ("funding", "regulation", "event")
_GENERIC = {
    "the", "a", "an", "of", "on", "in", "for", "to", "and", "its", "new", "rule", "rules",
    "regulation", "regulations", "law", "laws", "act", "bill", "code", "codes", "directive",
    "requirements", "that", "would", "with", "will", "by", "at", "from", "is", "be", "s",
}  # fmt: skip


def load_split(split: str = "test", data_path: Path | None = None) -> list[dict[str, Any]]:
    """Load the annotated sentences of one split (or of the file ``data_path``).

    :param split: "dev" or "test".
    :param data_path: a JSONL file to read instead of the shipped split.
    """
    path = data_path or DATA_DIR / f"facts_{split}.jsonl"
    if data_path is None and split not in ("dev", "test"):
        raise EvalError(f"eval: unknown facts split {split!r} (use dev or test)")
    return [row for _, row in read_jsonl(path, required=("sentence", "published"))]


def _words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {w.rstrip("s") if len(w) > 4 else w for w in words if w not in _GENERIC and len(w) > 1}


def _contained(a: str, b: str) -> bool:
    wa, wb = set(name_key(a).split()) - _GENERIC, set(name_key(b).split()) - _GENERIC
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _match_funding(g: dict[str, Any], p: FundingRound) -> bool:
    same_company = name_key(g["company"]) == name_key(p.company) or _contained(g["company"], p.company)
    return same_company and _close(g.get("amount"), p.amount)


def _match_regulation(g: dict[str, Any], p: Regulation) -> bool:
    who = bool(g.get("regulator")) and bool(p.regulator) and _contained(g["regulator"], p.regulator)
    rule = bool(_words(g.get("rule", "")) & _words(p.rule))
    return (who or rule) and _date(g.get("deadline")) == p.deadline


def _match_event(g: dict[str, Any], p: Event) -> bool:
    return (
        _date(g.get("start")) == p.start
        and _date(g.get("end") or g.get("start")) == p.end
        and bool(g.get("speculative", False)) == p.speculative
        and bool(_words(g.get("what", "")) & _words(p.what))
    )


_MATCHERS: dict[str, Callable[[dict[str, Any], Any], bool]] = {
    "funding": _match_funding,
    "regulation": _match_regulation,
    "event": _match_event,
}
_CLASSES: dict[str, type[Any]] = {"funding": FundingRound, "regulation": Regulation, "event": Event}


def _attributes(kind: str, g: dict[str, Any], p: Any) -> dict[str, bool]:
    if kind == "funding":
        return {
            "round": (g.get("round") or "").lower() == p.round.lower(),
            "currency": (g.get("currency") or "") == p.currency,
            "valuation": _close(g.get("valuation"), p.valuation),
            "lead_investors": {name_key(x) for x in g.get("lead_investors", [])}
            == {name_key(x) for x in p.lead_investors},
        }
    if kind == "regulation":
        return {"status": (g.get("status") or "") == p.status}
    return {}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


class _Tally:
    """Counts, attribute accuracy and mistakes of one scoring run."""

    def __init__(self) -> None:
        self.counts = {k: [0, 0, 0] for k in TYPES}
        self.attrs: dict[str, dict[str, list[int]]] = {k: {} for k in TYPES}
        self.mistakes: list[dict[str, Any]] = []

    def score(self, row_id: str, gold_facts: Sequence[dict[str, Any]], predicted: Sequence[Any], context: str) -> None:
        """Match one unit's gold facts (a sentence or an article) with its predicted facts, type by type."""
        for kind in TYPES:
            gold = [g for g in gold_facts if g["type"] == kind and not g.get("aggregate")]
            preds = [p for p in predicted if isinstance(p, _CLASSES[kind]) and not getattr(p, "aggregate", False)]
            used: set[int] = set()
            for g in gold:
                hit = next((i for i, p in enumerate(preds) if i not in used and _MATCHERS[kind](g, p)), None)
                if hit is None:
                    self.counts[kind][2] += 1
                    self.mistakes.append({"id": row_id, "type": kind, "error": "fn", "gold": g,
                                          "predicted": [fact_to_dict(p) for p in preds]})
                    continue
                used.add(hit)
                self.counts[kind][0] += 1
                for name, ok in _attributes(kind, g, preds[hit]).items():
                    self.attrs[kind].setdefault(name, [0, 0])
                    self.attrs[kind][name][0] += int(ok)
                    self.attrs[kind][name][1] += 1
            for i, p in enumerate(preds):
                if i not in used:
                    self.counts[kind][1] += 1
                    self.mistakes.append({"id": row_id, "type": kind, "error": "fp", "predicted": fact_to_dict(p),
                                          "sentence": getattr(p, "sentence", "") or context})

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind in TYPES:
            tp, fp, fn = self.counts[kind]
            out[kind] = _prf(tp, fp, fn)
            out[kind]["attributes"] = {
                n: round(ok / total, 4) for n, (ok, total) in sorted(self.attrs[kind].items()) if total
            }
        return out


def evaluate(*, split: str = "test", data_path: Path | None = None, details: bool = False,
             articles_path: Path | None = None, calendar: bool = False) -> dict[str, Any]:
    """Run the extractors on an annotated split and score them per fact type.

    A file of whole articles (rows with ``text``, or with only an ``id`` to look up in
    ``articles_path``) is scored by :func:`evaluate_articles` instead.

    :param split: "dev" (tune on it) or "test" (report it).
    :param data_path: a JSONL file in the same format to score instead of the shipped split.
    :param details: add a ``"mistakes"`` list (false positives and negatives) to the result.
    :param articles_path: real articles (JSONL or JSONL.gz) that a whole-article file refers to by id.
    :param calendar: score a whole-article file's events as the digest's calendar keeps them
        (see :func:`evaluate_articles`).
    """
    if data_path is not None and _is_article_file(data_path):
        return evaluate_articles(data_path, articles_path=articles_path, details=details, calendar=calendar)
    if calendar:
        raise EvalError("eval: --calendar scores whole articles; the sentence sets have no article to clean")
    rows = load_split(split, data_path)
    tally = _Tally()
    t0 = time.perf_counter()
    for row in rows:
        published = dt.date.fromisoformat(row["published"])
        predicted = extract_sentence_facts(row["sentence"], published=published, article_id=row["id"])
        tally.score(row["id"], row["facts"], predicted, row["sentence"])
    result = tally.result()
    result["n_sentences"] = len(rows)
    result["seconds"] = round(time.perf_counter() - t0, 3)
    result["split"] = split if data_path is None else str(data_path)
    if details:
        result["mistakes"] = tally.mistakes
    return result


def _after(gold: dict[str, Any], day: dt.date) -> bool:
    """An annotated event that ends after ``day`` (undated ones count as after: the scorer decides)."""
    end = _date(gold.get("end") or gold.get("start"))
    return end is None or end > day


def _is_article_file(path: Path) -> bool:
    for _, row in read_jsonl(path):
        return "sentence" not in row
    return False


def evaluate_articles(data_path: Path, *, articles_path: Path | None = None, details: bool = False,
                      calendar: bool = False) -> dict[str, Any]:
    """Score fact extraction on whole annotated articles, as the digest reads them.

    Each article (title and text) goes through :func:`~newsbrief.facts.core.extract_facts`
    and :func:`~newsbrief.facts.core.merge_facts`, as one story's article does in the
    pipeline; its predicted funding, regulation and event facts are matched with its gold
    facts by the rules above. Most sentences of real articles state no fact, so false
    positives count here as they do in a digest.

    :param data_path: JSONL: ``id``, ``published``, ``facts`` and either ``text`` (and ``title``)
        or nothing more, when the article is looked up by ``id`` in ``articles_path``.
    :param articles_path: real articles (JSONL or JSONL.gz: ``id``, ``published``, ``title``, ``content``).
    :param details: add a ``"mistakes"`` list.
    :param calendar: read each article as the digest does (its text cleaned of boilerplate) and keep
        only the events its calendar would list (:func:`newsbrief.digest.looking_ahead.calendar_events`:
        after the article's day, dated precisely enough, with a line that says what happens);
        funding and regulation facts are scored from the cleaned text too. Annotated events that end
        on or before the article's day are left out of the score and counted in ``events_not_ahead``:
        the article's day is its digest's, whose calendar lists only what comes after it.
    """
    from newsbrief.clean.boilerplate import clean_text
    from newsbrief.digest.looking_ahead import calendar_events
    from newsbrief.facts.core import extract_facts, merge_facts
    from newsbrief.ingest.sanitize import html_to_text
    from newsbrief.model import Article

    rows = [row for _, row in read_jsonl(data_path, required=("id", "published"))]
    needed = {str(r["id"]) for r in rows if "text" not in r}
    found: dict[str, dict[str, Any]] = {}
    if needed:
        if articles_path is None:
            raise EvalError(f"eval: {data_path} refers to articles by id; give the articles file with --articles")
        from newsbrief.eval.realnews import read_articles_by_id

        found = read_articles_by_id(articles_path, needed)
        missing = sorted(needed - set(found))
        if missing:
            raise EvalError(f"eval: {len(missing)} article ids of {data_path} are not in {articles_path} (e.g. {missing[0]})")
    tally = _Tally()
    same_day = 0
    t0 = time.perf_counter()
    for row in rows:
        source = found.get(str(row["id"]), row)
        text = str(source.get("text") if "text" in source else source.get("content") or "")
        if calendar:
            text = clean_text(html_to_text(text) if "<" in text else text).text
        published = dt.datetime.fromisoformat(str(source.get("published", row["published"])).replace("Z", "+00:00"))
        if published.tzinfo is None:
            published = published.replace(tzinfo=dt.timezone.utc)
        article = Article(id=str(row["id"]), url="", canonical_url="", source_url="", outlet="",
                          title=str(source.get("title") or ""), text=text, published=published, fetched=published)
        predicted = merge_facts(extract_facts([article], use_model=False))
        gold = row["facts"]
        if calendar:
            listed = calendar_events(predicted, published.date())
            predicted = [p for p in predicted if not isinstance(p, Event) or p in listed]
            # a happening of the article's own day is over when its day's digest is read: no calendar lists it
            ahead = [g for g in gold if g["type"] != "event" or _after(g, published.date())]
            same_day += len(gold) - len(ahead)
            gold = ahead
        tally.score(str(row["id"]), gold, predicted, "")
    result = tally.result()
    result["n_articles"] = len(rows)
    result["seconds"] = round(time.perf_counter() - t0, 3)
    result["split"] = str(data_path)
    result["calendar"] = calendar
    if calendar:
        result["events_not_ahead"] = same_day
    if details:
        result["mistakes"] = tally.mistakes
    return result


def format_report(result: dict[str, Any]) -> str:
    """Render an :func:`evaluate` result as a small plain-text table.

    :param result: the dict returned by :func:`evaluate`.
    """
    lines = [
        f"facts eval: split={result['split']} "
        + (f"articles={result['n_articles']} " if "n_articles" in result else f"sentences={result['n_sentences']} ")
        + f"seconds={result['seconds']}"
        + (f" (calendar: {result['events_not_ahead']} annotated events on or before their article's day left out)"
           if "events_not_ahead" in result else ""),
        f"{'type':<11}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>5}{'fp':>5}{'fn':>5}  attributes (accuracy on matches)",
    ]
    for kind in TYPES:
        r = result[kind]
        attrs = ", ".join(f"{k}={v:.2f}" for k, v in r.get("attributes", {}).items())
        lines.append(
            f"{kind:<11}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}  {attrs}"
        )
    return "\n".join(lines)


_KEY_FIELDS = {
    "funding": ("company", "amount", "currency", "round"),
    "regulation": ("regulator", "rule", "status", "deadline"),
    "event": ("what", "start", "end", "speculative"),
}


def _fields(kind: str, fact: dict[str, Any]) -> str:
    return " | ".join(f"{k}={fact.get(k)!s}" for k in _KEY_FIELDS[kind])


def format_mistakes(result: dict[str, Any], kinds: Sequence[str] = TYPES) -> str:
    """One line per false positive (``fp``: what was extracted, from which sentence) and false
    negative (``fn``: the annotated fact and its line), for reading while tuning.

    :param result: an :func:`evaluate` result made with ``details=True``.
    :param kinds: the fact types to list.
    """
    lines = []
    for m in result.get("mistakes", []):
        if m["type"] not in kinds:
            continue
        if m["error"] == "fp":
            sentence = " ".join(str(m.get("sentence") or "").split())
            lines.append(f"fp {m['type']:<10} {str(m['id'])[:8]}  {_fields(m['type'], m['predicted'])}  <- {sentence[:240]}")
        else:
            g = m["gold"]
            lines.append(f"fn {m['type']:<10} {str(m['id'])[:8]}  {_fields(m['type'], g)}  (line {g.get('line', '-')}; "
                         f"extracted {len(m['predicted'])} of this type)")
    return "\n".join(lines)
