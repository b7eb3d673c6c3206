#!/usr/bin/env python3
"""Tune newsbrief's extractive selector on DUC 2003 only (never on DUC 2004).

    nice python bench/summarization/tune.py --data /work/shared/bench/summarization/duc2003/test.jsonl \
        --grid 'length_exponent=0.4,0.6,0.8' --grid 'lead_boost=0,0.5,1'

Each --grid NAME=V1,V2 varies one ExtractiveParams field; all combinations are run from
--base (NAME=V pairs) and printed as one line each, best last.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

from newsbrief.eval.summarization import evaluate
from newsbrief.summarize.extractive import DEFAULT_PARAMS, ExtractiveParams


def _parse(value: str) -> float | int:
    return int(value) if value.lstrip("-").isdigit() else float(value)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--max-words", type=int, default=100)
    ap.add_argument("--base", action="append", default=[], help="NAME=VALUE fixed for every run")
    ap.add_argument("--grid", action="append", default=[], help="NAME=V1,V2,... to vary")
    a = ap.parse_args(argv)
    if "duc2004" in str(a.data):
        ap.error("tune on DUC 2003 only; DUC 2004 is the report set")
    base = dataclasses.replace(DEFAULT_PARAMS, **{k: _parse(v) for k, v in (b.split("=", 1) for b in a.base)})
    names, values = [], []
    for g in a.grid:
        name, vals = g.split("=", 1)
        names.append(name)
        values.append([_parse(v) for v in vals.split(",")])
    rows = []
    for combo in itertools.product(*values) if names else [()]:
        params: ExtractiveParams = dataclasses.replace(base, **dict(zip(names, combo)))
        r = evaluate(a.data, max_words=a.max_words, params=params)
        label = " ".join(f"{n}={v}" for n, v in zip(names, combo)) or "base"
        rows.append((r["rouge1_recall"], r["rouge2_recall"], label))
        print(f"R-1 {r['rouge1_recall']:6.2f}  R-2 {r['rouge2_recall']:6.2f}  {label}", flush=True)
    print("base:", base)
    best = max(rows, key=lambda x: x[0] + x[1])
    print(f"best (R-1 + R-2): R-1 {best[0]:.2f} R-2 {best[1]:.2f} {best[2]}")


if __name__ == "__main__":
    main(sys.argv[1:])
