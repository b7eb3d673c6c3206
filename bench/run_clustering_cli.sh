#!/usr/bin/env bash
# The clustering benchmarks through the CLI, both granularities, in one run.
# Tuning sets: googlenews and the even half of duc/stream.jsonl; reported: the odd half and the whole.
set -u
D=${BENCH_DIR:-../shared/bench/clustering}
for g in storyline event; do
  for spec in "duc/stream.jsonl odd" "duc/stream.jsonl all" "googlenews/news_t.jsonl all"; do
    set -- $spec
    echo "\$ newsbrief eval clustering --data $D/$1 --split $2 --granularity $g"
    newsbrief eval clustering --data "$D/$1" --split "$2" --granularity "$g" --json | python3 -c '
import json,sys; r=json.load(sys.stdin)
print({k: r[k] for k in ("pairwise_f1","bcubed_f1","nmi","n_docs","n_pred_clusters","seconds","docs_per_second") if k in r})'
  done
done
