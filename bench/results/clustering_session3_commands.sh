#!/usr/bin/env bash
# Re-runs the session-3 clustering figures (repair now also splits drifted stories and absorbs idle
# one-article stories): the same runs as session 2, written to clustering_session3_*.txt.
# Usage (from the repo root):
#   bash bench/results/clustering_session3_commands.sh [/path/to/shared/bench/clustering] [/path/to/baseline/src]
# The optional second argument is a copy of src/ from before session 3, timed in the same run:
#   git worktree add /tmp/nb-base 7570777   # then pass /tmp/nb-base/src
TAG=session3 exec bash "$(dirname "$0")/clustering_session2_commands.sh" "$@"
