#!/usr/bin/env bash
# Re-runs the session-2 clustering figures (title + lead embedding, faster clusterer, retuned defaults).
# Usage (from the repo root):
#   bash bench/results/clustering_session2_commands.sh [/path/to/shared/bench/clustering] [/path/to/baseline/src]
# The optional second argument is a copy of src/ from before session 2; with it the clustering speed
# file also times that tree in the same run. Make one with:
#   git worktree add /tmp/newsbrief-before-s2 b388e01   # then pass /tmp/newsbrief-before-s2/src Each output file starts with its command, date and load.
set -euo pipefail
TAG=${TAG:-session2}  # output files are clustering_$TAG_*.txt (clustering_session3_commands.sh sets session3)
B=${1:-/work/shared/bench/clustering}
BASE=${2:-}
OUT=$(dirname "$0")
header() {
  echo "\$ $*"
  echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') nproc=$(nproc)"
}
run() {
  local name=$1; shift
  { header PYTHONPATH=src nice python -m newsbrief.eval.clustering "$@"
    PYTHONPATH=src nice python -m newsbrief.eval.clustering "$@"; } > "$OUT/clustering_${TAG}_$name.txt" 2>&1
  echo "wrote $OUT/clustering_${TAG}_$name.txt"
}
script() {
  local name=$1; shift
  { header PYTHONPATH=src nice python "$@"
    PYTHONPATH=src nice python "$@"; } > "$OUT/clustering_${TAG}_$name.txt" 2>&1
  echo "wrote $OUT/clustering_${TAG}_$name.txt"
}
run duc_even --data "$B/duc/stream.jsonl" --split even --relabel : --hdbscan
run duc_odd  --data "$B/duc/stream.jsonl" --split odd  --relabel : --hdbscan
run duc_all  --data "$B/duc/stream.jsonl" --relabel : --hdbscan
run news_t   --data "$B/googlenews/news_t.jsonl"
run duc_even_lexical --data "$B/duc/stream.jsonl" --split even --relabel : --embedder lexical
run news_t_lexical   --data "$B/googlenews/news_t.jsonl" --embedder lexical
script embed_speed bench/embed_speed.py --data "$B/duc/stream.jsonl" --n 300 --repeat 3
VEC=${TMPDIR:-/tmp}/newsbrief_duc_${TAG}_vectors.npy
script cluster_speed bench/cluster_speed.py --data "$B/duc/stream.jsonl" --vectors "$VEC" --repeat 5 \
  ${BASE:+--baseline-src "$BASE"}
run news      --data "$B/googlenews/news.jsonl"
script memory_100k -m newsbrief.eval.clustering --memory 100000
