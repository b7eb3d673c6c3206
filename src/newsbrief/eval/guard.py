"""Score the faithfulness guard on the planted-error set.

Each item is a generated sentence, the cited source sentences, a label (faithful or
unfaithful) and the kind of planted error. Recall is the share of unfaithful sentences the
guard rejects; the false-rejection rate is the share of faithful ones it rejects. The set is
split into a tuning and a test half (the ``split`` field of each item). With ``uncited`` the
sentences are checked as if they cited nothing, so the guard must recover their citations from
the item's sources (:meth:`~newsbrief.llm.guard.Guard.check_story`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsbrief.errors import EvalError
from newsbrief.eval.jsonl import read_jsonl
from newsbrief.llm.guard import Guard, SourceSentence

__all__ = ["DEFAULT_DATA", "evaluate", "format_report"]

DEFAULT_DATA = Path(__file__).parent / "data" / "guard_planted.jsonl"
LABELS = ("faithful", "unfaithful")


def evaluate(path: Path = DEFAULT_DATA, *, split: str = "test", guard: Guard | None = None,
             uncited: bool = False) -> dict[str, Any]:
    """Run the guard on every item of ``split`` ("tuning", "test" or "all") and count its verdicts.

    :param path: the planted-error set (JSONL: sources, generated, label, kind, split).
    :param split: which half to score.
    :param guard: the guard to score (default: the bundled settings).
    :param uncited: check each sentence with no citations, the guard recovering them from its sources.
    """
    guard = guard or Guard()
    started = time.perf_counter()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [rejected, total]
    mistakes: list[dict[str, Any]] = []
    for n, row in read_jsonl(path, required=("sources", "generated", "label", "kind")):
        if split != "all" and row.get("split") != split:
            continue
        if row["label"] not in LABELS:
            raise EvalError(f"eval: {path}:{n}: label must be faithful or unfaithful, not {row['label']!r}")
        sources = [SourceSentence(str(i), str(t)) for i, t in enumerate(row["sources"])]
        result = (guard.check_story(str(row["generated"]), (), sources) if uncited
                  else guard.check(str(row["generated"]), sources))
        rejected = not result.passed
        for key in (row["label"], f"{row['label']}:{row['kind']}"):
            counts[key][0] += rejected
            counts[key][1] += 1
        if rejected != (row["label"] == "unfaithful"):
            mistakes.append({"line": n, "kind": row["kind"], "generated": row["generated"],
                             "reasons": list(result.reasons)})
    if not counts:
        raise EvalError(f"eval: {path}: no items in split {split!r}")
    unf, fai = counts.get("unfaithful", [0, 0]), counts.get("faithful", [0, 0])
    per_kind = {
        key.split(":", 1)[1]: {"label": key.split(":", 1)[0], "rejected": r, "items": t, "rate": round(r / t, 3)}
        for key, (r, t) in sorted(counts.items()) if ":" in key
    }
    return {
        "data": str(path),
        "split": split,
        "citations": "recovered" if uncited else "given",
        "items": unf[1] + fai[1],
        "recall": round(unf[0] / unf[1], 3) if unf[1] else None,
        "false_rejection_rate": round(fai[0] / fai[1], 3) if fai[1] else None,
        "unfaithful": unf[1],
        "faithful": fai[1],
        "per_kind": per_kind,
        "mistakes": mistakes,
        "seconds": round(time.perf_counter() - started, 2),
    }


def format_report(result: dict[str, Any]) -> str:
    """Render an :func:`evaluate` result as plain text: the two rates, then one line per kind."""
    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    lines = [
        f"guard eval: split={result['split']} citations={result['citations']} items={result['items']} "
        f"seconds={result['seconds']}",
        f"recall={pct(result['recall'])} (unfaithful caught, of {result['unfaithful']})  "
        f"false_rejection_rate={pct(result['false_rejection_rate'])} (faithful rejected, of {result['faithful']})",
        f"{'kind':<20}{'label':<12}{'rejected':>9}{'items':>7}{'rate':>7}",
    ]
    for kind, r in result["per_kind"].items():
        lines.append(f"{kind:<20}{r['label']:<12}{r['rejected']:>9}{r['items']:>7}{r['rate']:>7.3f}")
    for m in result["mistakes"]:
        lines.append(f"missed line {m['line']} ({m['kind']}): {m['generated']} {'; '.join(m['reasons'])}")
    return "\n".join(lines)
