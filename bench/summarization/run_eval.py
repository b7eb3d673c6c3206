#!/usr/bin/env python3
"""Run newsbrief's summarization benchmark (and sumy baselines) and save the report.

    nice python bench/summarization/run_eval.py --data /work/shared/bench/summarization/duc2004/test.jsonl \
        --max-words 100 --baselines lexrank,textrank,lead --json bench/results/summarization_duc2004.json

Prints the table of :func:`newsbrief.eval.summarization.format_report`. The JSON keeps scores
and timings only: summaries are DUC text and must not be stored in the project.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsbrief.eval.summarization import evaluate, format_report


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--max-words", type=int, default=100)
    ap.add_argument("--baselines", default="", help="comma-separated: lexrank,textrank,lead")
    ap.add_argument("--json", type=Path, help="write scores (no summaries) to this file")
    a = ap.parse_args(argv)
    names = [b for b in a.baselines.split(",") if b]
    result = evaluate(a.data, max_words=a.max_words, baselines=names)
    print(format_report(result))
    if a.json:
        a.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
