#!/usr/bin/env bash
# Re-runs the clustering benchmarks whose output is stored beside this file (clustering_<name>.txt).
# Usage (from the repo root):
#   bash bench/results/clustering_commands.sh [/path/to/shared/bench/clustering] [/path/to/baseline/src]
# The optional second argument is a copy of src/ from an earlier commit; with it the clustering speed
# file also times that tree in the same run. The stored speed file used the code from before repair
# split and absorbed stories:
#   git worktree add /tmp/nb-base 7570777   # then pass /tmp/nb-base/src
# Each output file starts with its command, date and load.
# Not re-run here: clustering_cli.txt (bench/run_clustering_cli.sh), clustering_granularity.txt
# (bench/cluster_granularity.py plus an ad-hoc sure_dense check) and clustering_news_headline_merge.txt
# (an ad-hoc check); each names its own command.
set -euo pipefail
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
    PYTHONPATH=src nice python -m newsbrief.eval.clustering "$@"; } > "$OUT/clustering_$name.txt" 2>&1
  echo "wrote $OUT/clustering_$name.txt"
}
script() {
  local name=$1; shift
  { header PYTHONPATH=src nice python "$@"
    PYTHONPATH=src nice python "$@"; } > "$OUT/clustering_$name.txt" 2>&1
  echo "wrote $OUT/clustering_$name.txt"
}
run duc_even --data "$B/duc/stream.jsonl" --split even --relabel : --hdbscan
run duc_odd  --data "$B/duc/stream.jsonl" --split odd  --relabel : --hdbscan
run duc_all  --data "$B/duc/stream.jsonl" --relabel : --hdbscan
run news_t   --data "$B/googlenews/news_t.jsonl"
run duc_even_lexical --data "$B/duc/stream.jsonl" --split even --relabel : --embedder lexical
run duc_odd_lexical  --data "$B/duc/stream.jsonl" --split odd --embedder lexical
run duc_all_lexical  --data "$B/duc/stream.jsonl" --embedder lexical --relabel :
run news_t_lexical   --data "$B/googlenews/news_t.jsonl" --embedder lexical
script embed_speed bench/embed_speed.py --data "$B/duc/stream.jsonl" --n 300 --repeat 3
# cluster_speed.py caches the vectors here; remove the file after a change to what is embedded
VEC=${TMPDIR:-/tmp}/newsbrief_duc_vectors.npy
script cluster_speed bench/cluster_speed.py --data "$B/duc/stream.jsonl" --vectors "$VEC" --repeat 5 \
  ${BASE:+--baseline-src "$BASE"}
run news      --data "$B/googlenews/news.jsonl"
script memory_100k -m newsbrief.eval.clustering --memory 100000
script repair_ablation bench/cluster_repair_ablation.py "$B"
