"""Build the digest of every day of the real-news month, each in its own process with a time limit, and report
what each took: a day whose digest crashes or hangs is found here, not on a reader's morning.

Each day gets a fresh data folder built by ``bench/prep_realnews_day.py`` (one feed file per outlet, ingest and
analysis as ``newsbrief fetch`` runs them), then ``newsbrief --data-dir ROOT/DAY/data digest --date DAY`` runs with
``--timeout`` seconds. Printed per day: articles, seconds to prepare, seconds to build the digest, its words and
"###" headings (top stories and calendar days), and the exit status ("timeout" when the limit was hit). A day
whose folder exists is not prepared again.

    PYTHONPATH=src python bench/every_day_smoke.py --data ../shared/bench/realnews/articles.jsonl.gz \\
        --root /tmp/smoke [--days 2015-09-05,2015-09-06] [--timeout 300]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def days_of(data: Path) -> Counter[str]:
    """Articles per publication day in the data file."""
    opener = gzip.open if data.suffix == ".gz" else open
    with opener(data, "rt", encoding="utf-8") as fh:
        return Counter(json.loads(line)["published"][:10] for line in fh if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="articles JSONL (optionally gzipped)")
    parser.add_argument("--root", type=Path, required=True, help="folder for one data folder per day")
    parser.add_argument("--days", default="", help="comma-separated days (default: every day in the data)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a digest may take before it counts as hung")
    args = parser.parse_args()
    counts = days_of(args.data)
    days = [d for d in args.days.split(",") if d] or sorted(counts)
    print(f"{'day':<11} {'arts':>5} {'prep s':>7} {'digest s':>8} {'words':>6} {'headings':>8}  status", flush=True)
    for day in days:
        root = args.root / day
        t0 = time.perf_counter()
        if not (root / "data" / "newsbrief.db").is_file():
            subprocess.run([sys.executable, str(HERE / "prep_realnews_day.py"), str(args.data), day, str(root)],
                           check=True, capture_output=True)
        prep = time.perf_counter() - t0
        t1 = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-m", "newsbrief", "--data-dir", str(root / "data"), "digest",
                                   "--date", day], capture_output=True, text=True, timeout=args.timeout)
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
            text = done.stdout
        except subprocess.TimeoutExpired:
            status, text = f"timeout after {args.timeout:.0f} s", ""
        took = time.perf_counter() - t1
        headings = sum(1 for line in text.splitlines() if line.startswith("### "))
        print(f"{day:<11} {counts.get(day, 0):>5} {prep:>7.1f} {took:>8.1f} {len(text.split()):>6} {headings:>8}  {status}",
              flush=True)


if __name__ == "__main__":
    main()
