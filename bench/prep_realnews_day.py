"""Build the data folder of one real-news day without a grouping annotation (no digest).

``newsbrief eval realnews`` needs a day's grouping annotation; a day that has none (a held-out
day for the summaries) is prepared with the same steps: one RSS file per outlet, a fresh data
folder subscribed to them, ``ingest`` and ``analyse_new`` as ``newsbrief fetch`` runs them.
The digest is then built with ``newsbrief --data-dir ROOT/data digest --date DAY``.

    PYTHONPATH=src python bench/prep_realnews_day.py \\
        /work/shared/bench/realnews/articles.jsonl.gz 2015-09-17 /tmp/keep17
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsbrief.config import load_settings
from newsbrief.eval.realnews import read_articles, write_feeds
from newsbrief.pipeline import analyse_new, feed_files, ingest
from newsbrief.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="articles JSONL (optionally gzipped)")
    parser.add_argument("day", help="the day, YYYY-MM-DD")
    parser.add_argument("root", type=Path, help="folder for feeds/ and data/")
    args = parser.parse_args()
    articles = read_articles(args.data, [args.day])[args.day]
    print("articles", len(articles), flush=True)
    write_feeds(articles, args.root / "feeds")
    settings = load_settings(data_dir=args.root / "data", env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
    (args.root / "data").mkdir(parents=True, exist_ok=True)
    store = open_store(args.root / "data" / "newsbrief.db")
    try:
        store.add_sources([(f, "", 1.0) for f in feed_files(str(args.root / "feeds"))])
        t0 = time.perf_counter()
        ingest(store, settings, force=True)
        analyse_new(store, settings)
        print("ingest+analyse s", round(time.perf_counter() - t0, 1), flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main()
