"""SQLite vs PostgreSQL in the same run: ingest, cluster and digest on the same data.

Two workloads, each run on a fresh SQLite file and on a fresh PostgreSQL schema:

- the sample corpus, as ``newsbrief demo`` runs it (served on 127.0.0.1, every day ingested,
  clustered and digested);
- a replay of the first N real articles of ``../shared/bench/realnews/articles.jsonl.gz``
  (read in place, never copied), written as local feed files and ingested, then clustered,
  and the digest of its busiest day built.

Each stage is timed alone (``cluster_new`` before ``build_digest``, so the digest time is
ranking, facts and summaries); the digest's story ids are compared between the stores.

    python bench/store_compare.py --pg postgresql://user@127.0.0.1:5432/db [--n 2000] \
        > bench/results/store_compare.txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg

from newsbrief.config import Settings, load_settings
from newsbrief.ingest.opml import read_opml
from newsbrief.pipeline import build_digest, cluster_new, feed_files, ingest
from newsbrief.sample import MirrorServer, sample_days, sample_root
from newsbrief.store import SQLiteStore, open_store

REALNEWS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "realnews" / "articles.jsonl.gz"


def _schema_url(base: str) -> tuple[str, str]:
    schema = "bench_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    parts = urlsplit(base)
    query = [*parse_qsl(parts.query), ("options", f"-csearch_path={schema}")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment)), schema


def _drop(base: str, schema: str) -> None:
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _timed(times: Counter[str], stage: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    out = fn()
    times[stage] += time.perf_counter() - started
    return out


def _story_ids(digest: Any) -> list[str]:
    return [it.story_id for sec in digest.sections for it in sec.items if getattr(it, "story_id", None)]


def sample_run(store: SQLiteStore, settings: Settings) -> tuple[Counter[str], list[str]]:
    times: Counter[str] = Counter()
    root = sample_root()
    days = sample_days()
    stories: list[str] = []
    with MirrorServer(root, day=days[0]) as server:
        settings = settings.replace(**{"fetch.proxy": server.proxy_url, "fetch.allow_private": True,
                                       "fetch.per_host_interval": 0.0})
        for source in read_opml((root / "sources.opml").read_bytes()):
            store.add_source(source.url, title=source.title)
        for day_text in days:
            server.day = day_text
            day = dt.date.fromisoformat(day_text)
            now = dt.datetime.combine(day, dt.time(23, 30), dt.timezone.utc)
            _timed(times, "ingest", lambda: ingest(store, settings, now=now, force=True))
            _timed(times, "cluster", lambda: cluster_new(store, settings))
            digest = _timed(times, "digest", lambda: build_digest(store, settings, day=day))
            stories += _story_ids(digest)
    return times, stories


def realnews_run(store: SQLiteStore, settings: Settings, feeds: Path, day: dt.date) -> tuple[Counter[str], list[str]]:
    times: Counter[str] = Counter()
    store.add_sources([(f, "", 1.0) for f in feed_files(str(feeds))])
    _timed(times, "ingest", lambda: ingest(store, settings, force=True))
    _timed(times, "cluster", lambda: cluster_new(store, settings))
    digest = _timed(times, "digest", lambda: build_digest(store, settings, day=day))
    return times, _story_ids(digest)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", required=True, help="postgresql:// URL of a database to make schemas in")
    parser.add_argument("--n", type=int, default=2000, help="real articles replayed (0: skip the replay)")
    parser.add_argument("--embedder", default="lexical", choices=("lexical", "auto"),
                        help="cluster.embedder (lexical keeps the run about the store)")
    args = parser.parse_args()
    env = {"NEWSBRIEF_FETCH_FULL_TEXT": "false", "NEWSBRIEF_CLUSTER_EMBEDDER": args.embedder}
    print(f"# store_compare: {platform.python_version()}, {platform.machine()}, embedder={args.embedder},"
          f" {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    with psycopg.connect(args.pg) as conn:
        print(f"# {conn.execute('SELECT version()').fetchone()[0]}")  # type: ignore[index]
    workloads: list[tuple[str, Callable[[SQLiteStore, Settings], tuple[Counter[str], list[str]]]]] = [
        ("sample corpus", sample_run)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.n:
            from newsbrief.eval.jsonl import read_jsonl
            from newsbrief.eval.realnews import write_feeds

            rows = [row for _, row in zip(range(args.n), (r for _, r in read_jsonl(REALNEWS)))]
            busiest = dt.date.fromisoformat(Counter(str(r["published"])[:10] for r in rows).most_common(1)[0][0])
            feeds = Path(tmp) / "feeds"
            n_files = write_feeds(rows, feeds)
            label = f"realnews replay ({len(rows)} articles, {n_files} feeds, digest of {busiest})"
            workloads.append((label, lambda s, st: realnews_run(s, st, feeds, busiest)))
        print(f"{'workload':58} {'store':10} {'ingest s':>9} {'cluster s':>10} {'digest s':>9} {'total s':>8} "
              f"{'articles':>8} {'stories':>7}")
        for label, run in workloads:
            shown: dict[str, list[str]] = {}
            for kind in ("sqlite", "postgresql"):
                data = Path(tempfile.mkdtemp(dir=tmp))
                settings = load_settings(data_dir=data, env=env)
                schema = ""
                if kind == "sqlite":
                    location = str(data / "newsbrief.db")
                else:
                    location, schema = _schema_url(args.pg)
                try:
                    with open_store(location) as store:
                        times, shown[kind] = run(store, settings)
                        articles, stories = store.count("articles"), store.story_count()
                finally:
                    if schema:
                        _drop(args.pg, schema)
                total = sum(times.values())
                print(f"{label:58} {kind:10} {times['ingest']:9.2f} {times['cluster']:10.2f} {times['digest']:9.2f}"
                      f" {total:8.2f} {articles:8d} {stories:7d}", flush=True)
            same = "same" if shown["sqlite"] == shown["postgresql"] else "DIFFERENT"
            print(f"{'':58} digests: {same} story ids on both stores ({len(shown['sqlite'])} items)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
