"""Engine choice: Dask distributed vs Ray on ingest's extract work (build_article + simhash).

The workload is the bundled sample: every entry of every sample feed, with its page from the
sample web when there is one, cycled to ``--tasks`` one-item extract tasks (the function the
ingest workers run, :func:`newsbrief.ingest.workers._build_batch`). For each engine it measures

- start-up: a local cluster of ``--workers`` worker processes, from nothing to the first
  task's result (imports of the engine included, the project's modules imported by the workers);
- per-task overhead: ``--tasks`` no-op tasks, wall time / tasks;
- the extract workload: ``--tasks`` one-item extract tasks, wall time, and the same items
  built in this process (the floor); then the same items in tasks of 16, as ingest sends them;
- memory: resident set size of each worker process after the workload, and of every process
  the engine started (psutil).

Usage (one engine at a time, from a Python that has it installed)::

    PYTHONPATH=src python bench/engine_choice.py --engine dask
    PYTHONPATH=src python bench/engine_choice.py --engine ray
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from newsbrief.ingest.feeds import parse_feed
from newsbrief.ingest.workers import _build_batch
from newsbrief.model import FetchResult
from newsbrief.sample import sample_root

AT = dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc)


def jobs(n: int) -> list[Any]:
    root = sample_root()
    out = []
    for feed in sorted((root / "days").rglob("*")):
        if not feed.is_file():
            continue
        host = feed.relative_to(root / "days").parts[1]
        parsed = parse_feed(feed.read_bytes(), url=f"http://{host}/{feed.name}", headers={})
        for entry in parsed.entries:
            page = None
            link = entry.link or ""
            if link.startswith("http://"):
                path = root / "web" / link.removeprefix("http://")
                if path.is_file():
                    page = FetchResult(link, link, 200, {"content-type": "text/html"}, path.read_bytes(), AT)
            out.append((len(out), entry, page, host, AT))
    return [(i, *out[i % len(out)][1:]) for i in range(n)]


def batches(items: list[Any], size: int = 16) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def noop(x: int) -> int:
    return x


def pid() -> int:
    import os

    return os.getpid()


def rss_of(pids: list[int]) -> list[float]:
    import psutil

    return [round(psutil.Process(p).memory_info().rss / 2**20, 1) for p in pids]


def descendants_rss() -> float:
    """RSS of every process this one started (workers, nannies, schedulers, raylets), in MiB."""
    import psutil

    return round(sum(p.memory_info().rss for p in psutil.Process().children(recursive=True)) / 2**20, 1)


def run_dask(items: list[Any], workers: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    client.submit(noop, 0).result()
    started = time.perf_counter() - t0
    t = time.perf_counter()
    client.gather(client.map(noop, range(len(items)), pure=False))
    per_task = (time.perf_counter() - t) / len(items)
    t = time.perf_counter()
    client.gather(client.map(_build_batch, [[item] for item in items], pure=False))
    extract = time.perf_counter() - t
    t = time.perf_counter()
    client.gather(client.map(_build_batch, batches(items), pure=False))
    batched = time.perf_counter() - t
    pids = list(client.run(pid).values())
    rss = rss_of(pids)
    everything = descendants_rss()
    client.close()
    cluster.close()
    return {"start_s": started, "per_task_ms": per_task * 1000, "extract_s": extract, "extract_in_16s_s": batched, "worker_rss_mb": rss, "all_child_processes_rss_mb": everything}


def run_ray(items: list[Any], workers: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    import ray

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    rnoop = ray.remote(noop)
    rbuild = ray.remote(_build_batch)
    ray.get(rnoop.remote(0))
    started = time.perf_counter() - t0
    t = time.perf_counter()
    ray.get([rnoop.remote(i) for i in range(len(items))])
    per_task = (time.perf_counter() - t) / len(items)
    t = time.perf_counter()
    ray.get([rbuild.remote([item]) for item in items])
    extract = time.perf_counter() - t
    t = time.perf_counter()
    ray.get([rbuild.remote(batch) for batch in batches(items)])
    batched = time.perf_counter() - t
    pids = sorted(set(ray.get([ray.remote(pid).remote() for _ in range(4 * workers)])))
    rss = rss_of(pids)
    everything = descendants_rss()
    ray.shutdown()
    return {"start_s": started, "per_task_ms": per_task * 1000, "extract_s": extract, "extract_in_16s_s": batched, "worker_rss_mb": rss, "all_child_processes_rss_mb": everything}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["dask", "ray"], required=True)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    items = jobs(args.tasks)
    t = time.perf_counter()
    _build_batch(items)
    inline = time.perf_counter() - t
    result = (run_dask if args.engine == "dask" else run_ray)(items, args.workers)
    result = {"engine": args.engine, "tasks": args.tasks, "workers": args.workers,
              "in_process_extract_s": round(inline, 2), **{k: (round(v, 3) if isinstance(v, float) else v)
                                                           for k, v in result.items()}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
