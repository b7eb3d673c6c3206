"""Seconds of `newsbrief digest` from the command line (start-up, model loads and build), this code against another.

Usage (from the repo root)::

    python bench/digest_rebuild_cli.py --data-dir DIR --day 2015-09-08 [--baseline-src /tmp/old/src] [--runs 3]

``DIR`` is a data folder whose day was fetched (``newsbrief eval realnews --keep`` leaves one per day under
``KEEP/DAY/data``). Each code gets its own copy of it (the stored per-article work is keyed by the code
that made it); each copy is built once to fill its caches, then the codes rebuild in turn, ``--runs``
times each, so both see the same load. The digests of the last runs are compared as JSON (without
``generated_at``). Each line is printed as it is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(src: Path, data_dir: Path, day: str, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsbrief", "--data-dir", str(data_dir), "digest", "--date", day,
                    "--format", "json", "--out", str(out)], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--day", required=True)
    ap.add_argument("--baseline-src", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    codes = {"this code": ROOT / "src"}
    if args.baseline_src:
        codes["baseline"] = args.baseline_src
    with tempfile.TemporaryDirectory(prefix="digest-cli-") as tmp:
        folders = {}
        for name, src in codes.items():
            folders[name] = Path(tmp) / name.replace(" ", "-")
            shutil.copytree(args.data_dir, folders[name])
            first = build(src, folders[name], args.day, Path(tmp) / "first.json")
            print(f"{name}: first build (fills its caches) {first:.2f} s", flush=True)
        times: dict[str, list[float]] = {name: [] for name in codes}
        for _ in range(args.runs):
            for name, src in codes.items():
                seconds = build(src, folders[name], args.day, Path(tmp) / f"{name}.json")
                times[name].append(seconds)
                print(f"{name}: rebuilt {seconds:.2f} s (load {os.getloadavg()[0]:.2f})", flush=True)
        for name, ts in times.items():
            print(f"{name}: rebuilt {' / '.join(f'{t:.2f}' for t in ts)} s, median {sorted(ts)[len(ts) // 2]:.2f} s")
        if "baseline" in codes:
            ratio = sorted(times["this code"])[args.runs // 2] / sorted(times["baseline"])[args.runs // 2]
            print(f"this code / baseline: x{ratio:.2f}")
            made = [json.loads((Path(tmp) / f"{name}.json").read_text()) for name in codes]
            for d in made:
                d.pop("generated_at", None)
            print("digests identical" if made[0] == made[1] else "digests differ (compare their sections)")


if __name__ == "__main__":
    main()
