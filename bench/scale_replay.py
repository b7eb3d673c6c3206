"""Scale-out benchmark: replay real news (repeated with new ids) through ingest, embed, cluster and facts.

Usage (from the repo root, PYTHONPATH=src)::

    python bench/scale_replay.py --articles 8000 --workers 1,2,4 --postgresql start \
        --json /tmp/scale.json

Each worker count runs in its own process (so each has its own peak memory): a
``dask.distributed.LocalCluster(n_workers=N, threads_per_worker=1)`` does the per-article stages
on N worker processes, and this process is the single consumer that stores and clusters.
The replay goes in runs of ``--run-size`` articles, as ``newsbrief fetch`` does:

1. **ingest** workers build the stored articles (``ingest_workers.fetch_and_build``: text from
   the feed HTML, hashes); this process dedups and stores them (``IngestWriter``);
2. **clean** this process cuts boilerplate with each outlet's stored history (``pipeline.clean_new``);
3. **embed** workers embed the cleaned articles; this process stores the vectors;
4. **cluster** this process places the run's articles into stories (``pipeline.cluster_new``,
   which finds the vectors stored and embeds nothing);
5. **facts** workers run ``article_cache.analyse_articles`` (facts and summary-sentence vectors);
   this process stores the rows.

Every store given (a SQLite file, and PostgreSQL with ``--postgresql``) gets the same writes in
the same run, each timed. ``--postgresql start`` runs its own server (initdb in a temporary
folder, 127.0.0.1 on a free port) and stops it at the end. Real news must not be copied into
the repository: only figures are written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

DATA = Path("/work/shared/bench/realnews/articles.jsonl.gz")
STAGES = ("ingest", "clean", "embed", "cluster", "facts")
WORKER_STAGES = ("ingest", "embed", "facts")


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# ---------------------------------------------------------------- PostgreSQL server of the run

@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Run a PostgreSQL server in a temporary folder on 127.0.0.1 (as .ci/run does); yield its admin URL."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not bins:
        raise SystemExit("scale_replay: no PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql)")
    pg = bins[-1]
    folder = Path(tempfile.mkdtemp(prefix="scale-pg-"))
    root = os.getuid() == 0
    if root:
        shutil.chown(folder, "nobody")

    def as_pg(*cmd: str) -> None:
        subprocess.run((["runuser", "-u", "nobody", "--"] if root else []) + list(cmd), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    as_pg(str(pg / "initdb"), "-D", str(folder / "data"), "-U", "newsbrief", "--auth=trust", "-E", "UTF8",
          "--locale=C.UTF-8")
    # durable writes as a production server has them (fsync on): the store comparison is about real commits
    as_pg(str(pg / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "server.log"), "-w", "start",
          "-o", f"-h 127.0.0.1 -p {port} -k {folder} -c max_connections=50")
    try:
        yield f"postgresql://newsbrief@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            as_pg(str(pg / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _fresh_pg_database(admin_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


# ---------------------------------------------------------------- one worker count

@dataclasses.dataclass
class _Clock:
    """Seconds of each stage: wall (the stage from first task to last write), worker compute, per-store writes."""

    wall: dict[str, float] = dataclasses.field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    compute: dict[str, float] = dataclasses.field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    cpu: dict[str, float] = dataclasses.field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    done: dict[str, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    store: dict[str, dict[str, float]] = dataclasses.field(default_factory=dict)
    store_cpu: dict[str, dict[str, float]] = dataclasses.field(default_factory=dict)
    peaks: dict[int, float] = dataclasses.field(default_factory=dict)

    def write(self, store: str, stage: str, seconds: float, cpu: float = 0.0) -> None:
        self.store.setdefault(store, dict.fromkeys(STAGES, 0.0))[stage] += seconds
        self.store_cpu.setdefault(store, dict.fromkeys(STAGES, 0.0))[stage] += cpu

    def task(self, stage: str, result: Any) -> Any:
        self.compute[stage] += result.seconds
        self.cpu[stage] += result.cpu_seconds
        self.peaks[result.pid] = max(self.peaks.get(result.pid, 0.0), result.peak_mb)
        return result.value


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def _cpu_timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start, time.process_time() - cpu


def run_workers(args: argparse.Namespace, n_workers: int) -> dict[str, Any]:
    """Replay ``args.articles`` articles on ``n_workers`` workers; return the figures."""
    from dask.distributed import Client, LocalCluster

    from newsbrief.config import load_settings
    from newsbrief.cluster.embed import load_embedder, vector_cache_key
    from newsbrief.eval.replay import (analyse_task, build_task, embed_task, read_records, replay_entries,
                                       worker_memory)
    from newsbrief.ingest.writer import IngestReport, IngestWriter
    from newsbrief.model import Source
    from newsbrief.pipeline import clean_new, cluster_new
    from newsbrief.store import open_store
    from newsbrief.clean.text_cap import cap_article

    logging.getLogger("newsbrief").setLevel(logging.ERROR)
    tmp = Path(tempfile.mkdtemp(prefix="scale-replay-"))
    settings = load_settings(data_dir=tmp, env={})
    prefer = args.embedder or str(settings["cluster.embedder"])
    window = int(settings["cluster.window_days"])
    limits = {"max_chars": int(settings["digest.max_article_chars"]),
              "max_sentences": int(settings["digest.max_article_sentences"])}
    records = read_records(args.data)
    entries = list(replay_entries(records, args.articles))
    stores = {"sqlite": open_store(tmp / "newsbrief.db")}
    if args.pg_admin:
        stores["postgresql"] = open_store(_fresh_pg_database(args.pg_admin, f"scale_w{n_workers}_{os.getpid()}"))
    first = next(iter(stores.values()))
    embedder = load_embedder(prefer=prefer)
    model = vector_cache_key(embedder)
    clock = _Clock()
    consumer: list[dict[str, Any]] = []
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR, memory_limit=0)
    client = Client(cluster)
    try:
        # load the models once per worker, as a long-running engine does (not timed with the stages)
        warm_start = time.perf_counter()
        client.run(_warm, prefer)
        warm_seconds = time.perf_counter() - warm_start
        baseline = {pid: mb for pid, mb in client.run(worker_memory).values()}
        started = time.perf_counter()
        done = 0
        for run in _chunks(entries, args.run_size):
            now = max(e.published for e, _ in run if e.published) + dt.timedelta(hours=1)
            done += len(run)
            # 1. ingest: build on the workers, dedup and store here in job order
            t0 = time.perf_counter()
            writers, planned = {}, {}
            for name, store in stores.items():
                writers[name] = IngestWriter(store, IngestReport(), now=now)
                (planned[name], secs) = _timed(writers[name].plan, [(e, Source(url=e.source_url), o) for e, o in run])
                clock.write(name, "ingest", secs)
            plan = planned[next(iter(stores))]
            jobs = [(p.entry, p.outlet) for p in plan]
            futures = [client.submit(build_task, list(part), now, pure=False) for part in _chunks(jobs, args.batch)]
            clock.done["ingest"] += len(jobs)
            offset = 0
            for future in futures:
                built = clock.task("ingest", future.result())
                for name, writer in writers.items():
                    group = [(planned[name][offset + i], b) for i, b in enumerate(built)]
                    clock.write(name, "ingest", _timed(writer.add, group)[1])
                offset += len(built)
            clock.wall["ingest"] += time.perf_counter() - t0
            # 2. clean (this process: it reads each outlet's stored history)
            t0 = time.perf_counter()
            since = min(e.published for e, _ in run if e.published).date() - dt.timedelta(days=window)
            since_at = dt.datetime.combine(since, dt.time(), dt.timezone.utc)
            for name, store in stores.items():
                clock.write(name, "clean", *_cpu_timed(clean_new, store, since=since_at)[1:])
            clock.wall["clean"] += time.perf_counter() - t0
            # 3. embed on the workers, the vectors stored here
            t0 = time.perf_counter()
            new = first.unclustered_articles()
            items = [(a.id, a.title, a.text) for a in new]
            clock.done["embed"] += len(items)
            clock.done["clean"] += len(items)
            clock.done["cluster"] += len(items)
            futures = [client.submit(embed_task, list(part), prefer, pure=False) for part in _chunks(items, args.batch)]
            for future in futures:
                vectors = clock.task("embed", future.result())
                for name, store in stores.items():
                    clock.write(name, "embed", _timed(store.put_embeddings, vectors, model=model)[1])
            clock.wall["embed"] += time.perf_counter() - t0
            # 4. cluster: the single consumer, once per store
            t0 = time.perf_counter()
            per_store = {}
            for name, store in stores.items():
                placed, secs, cpu = _cpu_timed(cluster_new, store, settings, embedder=embedder)
                clock.write(name, "cluster", secs, cpu)
                per_store[name] = {"placed": placed, "seconds": round(secs, 3), "cpu_seconds": round(cpu, 3)}
            clock.wall["cluster"] += time.perf_counter() - t0
            active = len({sid for _, sid in first.memberships_since(now.date() - dt.timedelta(days=window))})
            consumer.append({"articles": done, "new": len(new), "active_stories": active, "stores": per_store})
            # 5. facts and summary-sentence vectors on the workers, the rows stored here
            t0 = time.perf_counter()
            sample = [a.id for a in new][::args.facts_every]
            capped = [cap_article(a, **limits)[0] for a in first.articles(sample)]
            clock.done["facts"] += len(capped)
            futures = [client.submit(analyse_task, list(part), prefer, pure=False)
                       for part in _chunks(capped, args.batch)]
            for future in futures:
                rows = clock.task("facts", future.result())
                for name, store in stores.items():
                    t1 = time.perf_counter()
                    store.put_article_facts(rows["facts"])
                    if rows["vectors"]:
                        store.put_sentence_vectors(rows["vectors"], model=rows["model"])
                    if rows["parses"]:
                        store.put_sentence_parses(rows["parses"], model=rows["parser"])
                    clock.write(name, "facts", time.perf_counter() - t1)
            clock.wall["facts"] += time.perf_counter() - t0
            print(f"  workers={n_workers} {done}/{len(entries)} articles, {active} active stories, "
                  f"{time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
        total = time.perf_counter() - started
        peaks = {pid: mb for pid, mb in client.run(worker_memory).values()}
        for pid, mb in clock.peaks.items():
            peaks[pid] = max(peaks.get(pid, 0.0), mb)
        counts = {name: {"articles": s.count("articles"), "stories": s.count("stories")}
                  for name, s in stores.items()}
    finally:
        client.close()
        cluster.close()
        for store in stores.values():
            store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "workers": n_workers, "articles": len(entries), "embedder": embedder.name, "run_size": args.run_size,
        "window_days": window,
        "batch": args.batch, "seconds": round(total, 2), "warmup_seconds": round(warm_seconds, 2),
        "wall_seconds": {k: round(v, 3) for k, v in clock.wall.items()},
        "stage_articles": clock.done, "facts_every": args.facts_every,
        "worker_compute_seconds": {k: round(v, 3) for k, v in clock.compute.items() if k in WORKER_STAGES},
        "worker_cpu_seconds": {k: round(v, 3) for k, v in clock.cpu.items() if k in WORKER_STAGES},
        "store_seconds": {n: {k: round(v, 3) for k, v in d.items()} for n, d in clock.store.items()},
        "consumer_cpu_seconds": {n: {k: round(d[k], 3) for k in ("clean", "cluster")} for n, d in clock.store_cpu.items()},
        "worker_peak_rss_mb": sorted(round(v, 1) for v in peaks.values()),
        "worker_rss_after_warmup_mb": sorted(round(v, 1) for v in baseline.values()),
        "consumer_peak_rss_mb": round(worker_memory()[1], 1),
        "consumer": consumer, "counts": counts,
    }


def _warm(prefer: str) -> bool:
    """Load a worker's embedder and entity model."""
    from newsbrief.eval.replay import embed_task
    from newsbrief.facts import load_nlp

    embed_task([("warm", "warm", "warm up")], prefer)
    return load_nlp() is not None


# ---------------------------------------------------------------- figures and projection

def rates(result: dict[str, Any]) -> dict[str, float]:
    """Articles/s of each stage of one worker count (wall time, every store written)."""
    wall, done = result["wall_seconds"], result["stage_articles"]
    return {s: done[s] / wall[s] if wall[s] else 0.0 for s in STAGES}


def model(results: Sequence[dict[str, Any]], *, articles: int, machines: int, workers: int, store: str,
          basis: str) -> dict[str, Any]:
    """Project ``articles`` on ``machines`` machines from the one-worker costs of ``results``.

    ``basis`` "cpu": the CPU seconds of each stage (what a worker costs on a core of its own),
    every worker as fast as one alone; "wall": the wall seconds as measured here, each worker
    giving what the two-worker run's worker stages gave per worker against the one-worker run.
    """
    from newsbrief.eval.replay import project

    one = next(r for r in results if r["workers"] == 1)
    done = one["stage_articles"]
    spent = one["worker_cpu_seconds"] if basis == "cpu" else one["worker_compute_seconds"]
    stage_cost = {s: spent[s] / done[s] for s in WORKER_STAGES if done[s]}
    # the consumer once the window is full: cleaning plus cluster_new over the second half of the runs
    tail = one["consumer"][len(one["consumer"]) // 2:]
    tail_new = sum(c["new"] for c in tail) or 1
    key = "cpu_seconds" if basis == "cpu" else "seconds"
    clean = one["consumer_cpu_seconds"][store]["clean"] if basis == "cpu" else one["store_seconds"][store]["clean"]
    consumer_cost = sum(c["stores"][store][key] for c in tail) / tail_new + clean / done["clean"]
    writes = one["store_seconds"][store]
    store_cost = sum(writes[s] / done[s] for s in WORKER_STAGES if done[s])
    efficiency = 1.0
    two = next((r for r in results if r["workers"] == 2), None)
    if basis == "wall" and two is not None:  # what the second worker added to the worker stages' wall rate here
        def stage_wall(r: dict[str, Any]) -> float:
            return sum(r["wall_seconds"][s] / r["stage_articles"][s] for s in WORKER_STAGES if r["stage_articles"][s])
        efficiency = min(1.0, stage_wall(one) / (2 * stage_wall(two)))
    p = project(stage_cost, consumer_seconds=consumer_cost, store_seconds=store_cost, articles=articles,
                machines=machines, workers=workers, efficiency=efficiency)
    figures = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in dataclasses.asdict(p).items()}
    return {"store": store, "basis": basis, "stage_seconds_per_article": {k: round(v, 5) for k, v in stage_cost.items()},
            "consumer_seconds_per_article": round(consumer_cost, 5), "store_write_seconds_per_article": round(store_cost, 5),
            "worker_efficiency": round(efficiency, 3), **figures}


def consumer_curve(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Fit the consumer's cpu seconds per article against the active stories over every run measured (first store)."""
    from newsbrief.eval.replay import consumer_fit

    points = []
    for r in results:
        for c in r["consumer"][1:]:  # the first run starts from an empty window
            first = next(iter(c["stores"].values()))
            if c["new"]:
                points.append((c["active_stories"], first["cpu_seconds"] / c["new"]))
    if not points:
        return {}
    a, b = consumer_fit(points)
    last = results[0]["counts"]
    ratio = next(iter(last.values()))["stories"] / max(1, next(iter(last.values()))["articles"])
    window = results[0].get("window_days", 3)
    dense = round(ratio * 1_000_000 * window / 30)

    def rate(stories: float) -> float:
        cost = a + b * stories
        return 1 / cost if cost > 0 else float("inf")

    return {"intercept": a, "slope": b, "runs": len(points), "stories_per_article": ratio, "window_days": window,
            "rates": {s: rate(s) for s in (max(p[0] for p in points), 10_000, 100_000)},
            "dense_stories": dense, "dense_rate": rate(dense)}


def table(results: Sequence[dict[str, Any]], projections: Sequence[dict[str, Any]]) -> str:
    """The figures as plain text."""
    lines = ["MEASURED articles/s per stage (wall; every store written in the same run; facts on every "
             f"{results[0]['facts_every']}th article)",
             f"{'workers':>7} {'articles':>8} " + " ".join(f"{s:>8}" for s in STAGES)
             + f" {'run s':>7} {'worker peak MB':>16} {'consumer MB':>11}"]
    for r in results:
        rt = rates(r)
        lines.append(f"{r['workers']:>7} {r['articles']:>8} " + " ".join(f"{rt[s]:>8.1f}" for s in STAGES)
                     + f" {r['seconds']:>7.0f} {'/'.join(f'{m:.0f}' for m in r['worker_peak_rss_mb']):>16}"
                     + f" {r['consumer_peak_rss_mb']:>11.0f}")
    lines += ["", "MEASURED worker s/article (wall,cpu) per stage; per store, this process's wall s/article"
              " (ingest, embed, facts: the store's writes; clean, cluster: the consumer's whole work) and consumer cpu s/article"]
    for r in results:
        done = r["stage_articles"]
        comp = " ".join(f"{s}={r['worker_compute_seconds'][s] / done[s]:.4f},{r['worker_cpu_seconds'][s] / done[s]:.4f}"
                        for s in WORKER_STAGES if done[s])
        lines.append(f"  workers={r['workers']}: {comp}")
        for name, d in r["store_seconds"].items():
            cpu = r["consumer_cpu_seconds"][name]
            lines.append(f"    {name:<10} " + " ".join(f"{s}={d[s] / done[s]:.4f}" for s in STAGES if done[s])
                         + f" | consumer cpu clean={cpu['clean'] / done['clean']:.4f} cluster={cpu['cluster'] / done['cluster']:.4f}")
    lines += ["", "MEASURED clustering consumer per run: cluster_new articles/s (wall, cpu) vs active stories in the window"]
    for r in results:
        lines.append(f"  workers={r['workers']}:")
        for c in r["consumer"]:
            per = " ".join(f"{n}={c['new'] / c['stores'][n]['seconds']:.0f},{c['new'] / max(c['stores'][n]['cpu_seconds'], 1e-9):.0f}/s"
                           for n in c["stores"] if c["stores"][n]["seconds"])
            lines.append(f"    after {c['articles']:>7} articles: {c['active_stories']:>6} active stories, {per}")
    fit = consumer_curve(results)
    if fit:
        lines += ["", "PROJECTED clustering consumer (one process) vs active stories: linear fit of the measured runs,"
                  f" cpu s/article = {fit['intercept']:.5f} + {fit['slope']:.3g} x stories"
                  f" ({fit['runs']} runs, {fit['stories_per_article']:.2f} stories per article)"]
        if fit["slope"] <= 0:
            lines.append("  the cost does not grow with the active stories over the measured range: no extrapolation")
        else:
            for stories, rate in fit["rates"].items():
                lines.append(f"  {stories:>7} active stories: {rate:.0f} articles/s")
            lines.append(f"  1M articles a month at that ratio ({fit['window_days']}-day window: about"
                         f" {fit['dense_stories']} stories): {fit['dense_rate']:.0f} articles/s")
    lines += ["", "PROJECTED: whole rate = min(machines x workers x efficiency / sum of worker s/article,"
              " 1 / consumer s/article, 1 / store write s/article)"]
    for p in projections:
        lines.append(f"  [{p['basis']:<4}] {p['store']:<10} {p['machines']:>2} machine(s) x {p['workers']} workers"
                     f" (eff {p['worker_efficiency']:.2f}), {p['articles']} articles: workers {p['worker_rate']:.1f}/s,"
                     f" consumer {p['consumer_rate']:.0f}/s, store {p['store_rate']:.0f}/s -> {p['rate']:.1f}/s"
                     f" ({p['bound']}-bound), {p['hours']:.1f} h")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Replay real news through ingest, embed, cluster and facts on "
                                             "1..N local workers; print a table, write JSON.")
    ap.add_argument("--articles", type=int, default=8000, help="articles to replay (the records repeat with new ids)")
    ap.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated (default 1,2,4)")
    ap.add_argument("--data", type=Path, default=DATA, help=f"recorded articles, JSONL(.gz) (default {DATA})")
    ap.add_argument("--postgresql", metavar="URL|start",
                    help="also store in PostgreSQL: an admin URL (a database per run is made), or 'start' for a server of its own")
    ap.add_argument("--embedder", choices=["auto", "minilm", "lexical"], help="default: the cluster.embedder setting")
    ap.add_argument("--run-size", type=int, default=1000, help="articles per ingest run (default 1000)")
    ap.add_argument("--batch", type=int, default=50, help="articles per worker task (default 50)")
    ap.add_argument("--facts-every", type=int, default=1,
                    help="run the facts stage on every Nth article only (its cost is per article; default 1: all)")
    ap.add_argument("--project", type=int, default=1_000_000, help="articles to project to (default 1000000)")
    ap.add_argument("--machines", type=int, default=10, help="machines to project to (default 10)")
    ap.add_argument("--machine-workers", type=int, default=2, help="workers per projected machine (default 2)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--from-json", type=Path, help="print the table of figures written before by --json (no run)")
    ap.add_argument("--pg-admin", help=argparse.SUPPRESS)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_workers(args, args.one)))
        return 0
    if args.from_json:
        try:
            results = json.loads(args.from_json.read_text(encoding="utf-8"))["results"]
        except (OSError, ValueError, KeyError) as exc:
            print(f"scale_replay: cannot read figures from {args.from_json}: {exc}", file=sys.stderr)
            return 2
        print(f"$ {' '.join(['python', *sys.argv])}")
        print(table(results, _projections(results, args)))
        return 0
    if not args.data.is_file():
        print(f"scale_replay: no such file: {args.data}", file=sys.stderr)
        return 2
    try:
        counts = [int(w) for w in args.workers.split(",")]
    except ValueError:
        print(f"scale_replay: --workers wants numbers like 1,2,4, got {args.workers!r}", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        admin = args.postgresql
        if admin == "start":
            admin = stack.enter_context(postgres_server())
        results = []
        for n in counts:
            cmd = [sys.executable, __file__, "--one", str(n), "--articles", str(args.articles), "--data", str(args.data),
                   "--run-size", str(args.run_size), "--batch", str(args.batch), "--facts-every", str(args.facts_every)]
            cmd += ["--pg-admin", admin] if admin else []
            cmd += ["--embedder", args.embedder] if args.embedder else []
            out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    projections = _projections(results, args)
    head = (f"$ {' '.join(['python', *sys.argv])}\n# {dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ}"
            f" load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} nproc={os.cpu_count()}"
            f" python {platform.python_version()} commit {_commit()}")
    print(head)
    print(table(results, projections))
    if args.json:
        args.json.write_text(json.dumps({"command": sys.argv, "results": results, "projections": projections}, indent=1))
    return 0


def _projections(results: Sequence[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    if not any(r["workers"] == 1 for r in results):
        return []
    return [model(results, articles=args.project, machines=machines, workers=args.machine_workers, store=store,
                  basis=basis)
            for basis in ("cpu", "wall") for store in results[0]["store_seconds"] for machines in (1, args.machines)]


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True,
                              cwd=Path(__file__).parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
