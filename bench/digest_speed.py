"""Digest build seconds on a real day: after ``fetch`` did the per-article work, on a rebuild, with no cache, and the old code.

Usage (from the repo root)::

    python bench/digest_speed.py --data /work/shared/bench/realnews/articles.jsonl.gz --day 2015-09-08 \
        [--baseline-src /tmp/old/src [--baseline-prepared DIR]] [--workdir /tmp/digest-speed] [--from-prepared DIR] [--skip-uncached]

Steps, all on one data folder made from the day's articles (one RSS file per outlet, as
``newsbrief eval realnews`` does):

1. ``ingest``: stages 1-4 (timed);
2. ``analyse_new``: what ``newsbrief fetch`` now does after ingest: cleaning, clustering, each new
   article's facts and sentence vectors (timed, also per article);
3. ``digest``: ``build_digest`` after that (the figure the product promises, <= 10 s);
4. ``rebuild``: ``build_digest`` again (everything cached);
5. ``no cache``: ``build_digest`` on a copy with the per-article cache emptied (the digest does
   the per-article work itself, as a database filled before this change does once);
6. ``old code`` (with ``--baseline-src``, a copy of the previous ``src``): ``build_digest`` of that
   code on a copy of the folder after step 2 (or of ``--baseline-prepared``, a folder the old code
   prepared: the stored per-article work is keyed by the code that made it, so a folder the new
   code prepared makes the old code redo it), in a subprocess, then again in that process.

Every build's digest is compared with step 3's (its JSON without ``generated_at``), so a speed-up
that changed the content shows. ``--from-prepared`` starts at step 3 from a copy of a folder that
steps 1-2 left (``WORKDIR/prepared`` of an earlier run); ``--skip-uncached`` leaves out step 5.
Each line is printed as soon as it is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_BUILD = """
import datetime as dt, json, sys, time
from newsbrief import render
from newsbrief.config import load_settings
from newsbrief.pipeline import build_digest
from newsbrief.store import open_store
root, day, out = sys.argv[1], dt.date.fromisoformat(sys.argv[2]), sys.argv[3]
settings = load_settings(data_dir=root, env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
store = open_store(root + "/newsbrief.db")
t0 = time.perf_counter()
digest = build_digest(store, settings, day=day)
seconds = time.perf_counter() - t0
t0 = time.perf_counter()
again = build_digest(store, settings, day=day)
rebuilt = time.perf_counter() - t0
store.close()
json.dump({"seconds": seconds, "digest": render.digest_to_dict(digest), "rebuilt": rebuilt,
           "again": render.digest_to_dict(again)}, open(out, "w"))
"""


def _content(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if k != "generated_at"}, sort_keys=True)


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Name the parts of two digests that differ (sections by kind, items by story id)."""
    out = []
    for key in sorted(set(a) | set(b)):
        if key in ("generated_at", "sections"):
            continue
        if json.dumps(a.get(key), sort_keys=True) != json.dumps(b.get(key), sort_keys=True):
            out.append(key)
    sections_a = {s["kind"]: s for s in a.get("sections", [])}
    sections_b = {s["kind"]: s for s in b.get("sections", [])}
    for kind in sorted(set(sections_a) | set(sections_b)):
        sa, sb = sections_a.get(kind, {}), sections_b.get(kind, {})
        for part in ("items", "more"):
            ia = [json.dumps(i, sort_keys=True) for i in sa.get(part, [])]
            ib = [json.dumps(i, sort_keys=True) for i in sb.get(part, [])]
            if ia != ib:
                changed = sum(x != y for x, y in zip(ia, ib)) + abs(len(ia) - len(ib))
                out.append(f"{kind}.{part}: {changed} of {max(len(ia), len(ib))} items")
    return out


def _build(src: Path, root: Path, day: dt.date) -> tuple[float, dict[str, Any], float, dict[str, Any]]:
    """Run build_digest of the newsbrief under ``src`` on the folder, twice, in a subprocess: seconds and digest of each."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, "-c", _BUILD, str(root), day.isoformat(), str(out)], env=env, check=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return float(result["seconds"]), dict(result["digest"]), float(result["rebuilt"]), dict(result["again"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="JSONL(.gz) of real articles")
    ap.add_argument("--day", required=True, help="YYYY-MM-DD")
    ap.add_argument("--baseline-src", type=Path, help="a src directory holding the old newsbrief package")
    ap.add_argument("--baseline-prepared", type=Path,
                    help="a data folder the old code left after steps 1-2 (default: the one of this run)")
    ap.add_argument("--workdir", type=Path, help="keep the data folders here (default: a temporary folder)")
    ap.add_argument("--from-prepared", type=Path, help="a data folder after steps 1-2: start at step 3 on a copy")
    ap.add_argument("--skip-uncached", action="store_true", help="leave out the build with no cache (step 5)")
    args = ap.parse_args()

    from newsbrief import render
    from newsbrief.config import load_settings
    from newsbrief.eval.realnews import read_articles, write_feeds
    from newsbrief.pipeline import analyse_new, build_digest, feed_files, ingest
    from newsbrief.store import open_store

    day = dt.date.fromisoformat(args.day)
    src = Path(__file__).resolve().parent.parent / "src"
    tmp = tempfile.TemporaryDirectory()
    work = args.workdir or Path(tmp.name)
    root = work / "data"
    shutil.rmtree(root, ignore_errors=True)
    settings = load_settings(data_dir=root, env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
    print(f"# {args.day}; cpu_count={os.cpu_count()}; load={os.getloadavg()}", flush=True)

    def show(name: str, seconds: float | None, note: str) -> None:
        print(f"{name:<40} {'' if seconds is None else f'{seconds:8.2f} s'}  {note}", flush=True)

    if args.from_prepared:
        prepared_copy = args.from_prepared
        shutil.copytree(prepared_copy, root)
        show("ingest + fetch's per-article work", None, f"not run: from {prepared_copy}")
    else:
        articles = read_articles(args.data, [args.day])[args.day]
        write_feeds(articles, work / "feeds")
        root.mkdir(parents=True)
        store = open_store(root / "newsbrief.db")
        store.add_sources([(f, "", 1.0) for f in feed_files(str(work / "feeds"))])
        t0 = time.perf_counter()
        report = ingest(store, settings, force=True)
        t1 = time.perf_counter()
        prepared = analyse_new(store, settings)
        t2 = time.perf_counter()
        store.close()
        show("ingest (stages 1-4)", t1 - t0, f"{len(articles)} articles, {report.new_articles} new")
        show("fetch's per-article work (analyse_new)", t2 - t1,
             f"{prepared} articles, {1000 * (t2 - t1) / max(1, prepared):.0f} ms per article")
        prepared_copy = work / "prepared"
        shutil.rmtree(prepared_copy, ignore_errors=True)
        shutil.copytree(root, prepared_copy)

    store = open_store(root / "newsbrief.db")
    t0 = time.perf_counter()
    first = render.digest_to_dict(build_digest(store, settings, day=day))
    show("digest after fetch", time.perf_counter() - t0, "the reference digest")
    t0 = time.perf_counter()
    again = render.digest_to_dict(build_digest(store, settings, day=day))
    show("digest rebuilt", time.perf_counter() - t0, "; ".join(_differences(first, again)) or "same digest")
    store.close()

    if not args.skip_uncached:
        uncached = work / "uncached"
        shutil.rmtree(uncached, ignore_errors=True)
        shutil.copytree(prepared_copy, uncached)
        with sqlite3.connect(uncached / "newsbrief.db") as conn:
            conn.execute("DELETE FROM article_facts")
            conn.execute("DELETE FROM sentence_vectors")
            conn.execute("DELETE FROM sentence_parses")
        seconds, data, _, _ = _build(src, uncached, day)
        show("digest with no cache", seconds, "; ".join(_differences(first, data)) or "same digest")

    if args.baseline_src:
        old = work / "old"
        shutil.rmtree(old, ignore_errors=True)
        shutil.copytree(args.baseline_prepared or prepared_copy, old)
        seconds, data, rebuilt, again = _build(args.baseline_src, old, day)
        show("digest, old code", seconds, f"{args.baseline_src}: " + ("; ".join(_differences(first, data)) or "same digest"))
        show("digest rebuilt, old code", rebuilt, "; ".join(_differences(first, again)) or "same digest")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
