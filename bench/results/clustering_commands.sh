#!/usr/bin/env bash
# Re-runs every clustering benchmark whose output is stored beside this file.
# Usage (from the repo root): bash bench/results/clustering_commands.sh [/path/to/shared/bench/clustering]
# Each output file starts with the exact command, the date and the machine load.
set -euo pipefail
B=${1:-/work/shared/bench/clustering}
OUT=$(dirname "$0")
run() {
  local name=$1; shift
  {
    echo "\$ PYTHONPATH=src nice python -m newsbrief.eval.clustering $*"
    echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') nproc=$(nproc)"
    PYTHONPATH=src nice python -m newsbrief.eval.clustering "$@"
  } > "$OUT/clustering_$name.txt" 2>&1
  echo "wrote $OUT/clustering_$name.txt"
}
run duc_even  --data "$B/duc/stream.jsonl" --split even --relabel : --hdbscan
run duc_odd   --data "$B/duc/stream.jsonl" --split odd  --relabel : --hdbscan
run duc_all   --data "$B/duc/stream.jsonl" --relabel : --hdbscan
run news_t    --data "$B/googlenews/news_t.jsonl" --hdbscan
run news      --data "$B/googlenews/news.jsonl" --hdbscan
run duc_all_lexical --data "$B/duc/stream.jsonl" --embedder lexical --relabel :
run duc_odd_lexical --data "$B/duc/stream.jsonl" --split odd --embedder lexical
run news_t_lexical  --data "$B/googlenews/news_t.jsonl" --embedder lexical
run embed_speed --data "$B/duc/stream.jsonl" --embed-speed 200
run memory_100k --memory 100000
