#!/usr/bin/env bash
# Score the facts stage on every annotated set: the whole-article sets (tuning: factsA, factsC, factsD, factsE, factsG) and the
# sentence sets (dev, test, holdout..holdout6). The report sets factsB, factsF, factsH and the written set are left out on purpose:
# run them once per change, by hand (bench/realnews/annotations/README.md).
# Usage: bash bench/facts_all_sets.sh [path/to/articles.jsonl.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-../shared/bench/realnews/articles.jsonl.gz}"
for d in facts_factsA facts_factsC facts_factsD facts_factsE facts_factsG; do
    echo "== bench/realnews/annotations/$d.jsonl"
    python -m newsbrief eval facts --data "bench/realnews/annotations/$d.jsonl" --articles "$ARTICLES" | tail -n 3
done
for split in dev test; do
    echo "== split $split"
    python -m newsbrief eval facts --split "$split" | tail -n 3
done
for h in facts_holdout facts_holdout2 facts_holdout3 facts_holdout4 facts_holdout5 facts_holdout6; do
    echo "== $h"
    python -m newsbrief eval facts --data "src/newsbrief/eval/data/$h.jsonl" | tail -n 3
done
