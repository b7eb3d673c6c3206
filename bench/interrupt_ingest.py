"""Kill or stop `newsbrief fetch` mid-run, run it again, and count what came back.

For each delay, a fresh data folder subscribes to the ingest benchmark's corpus (200 feeds of
teasers by default, one page per item to fetch and extract in the worker pool) served on
127.0.0.1; `newsbrief fetch` starts in its own process group and gets SIGKILL or SIGTERM
after that many seconds; then `newsbrief fetch` (no --force) runs to completion. One row per
case: articles stored at the stop, exit status, seconds from the signal to the exit,
processes of the group still alive 5 s later, articles after the re-run out of those
offered, duplicate rows, re-run seconds, and the line the stopped process printed.

Usage (from the repo root, Linux)::

    PYTHONPATH=src python bench/interrupt_ingest.py [--kill-at 1,2,3] [--term-at 2,4] \
        [--pythonpath /path/to/other/src]

``--pythonpath`` runs the commands from another tree (e.g. the code before a change);
processes it leaves behind are counted, then killed. The parts live in
:mod:`newsbrief.eval.interrupt`, which ``tests/test_interrupted_ingest.py`` also uses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsbrief.eval.interrupt import main


def _commit() -> str:
    """The commit of the tree this script runs from (and whether it has uncommitted changes)."""
    root = Path(__file__).resolve().parents[1]
    head = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    print(f"# commit: {_commit()}")
    print(f"# command: {' '.join(['python', 'bench/interrupt_ingest.py', *sys.argv[1:]])}")
    raise SystemExit(main(sys.argv[1:]))
