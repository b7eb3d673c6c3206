"""The distributed engine under faults: a worker process killed with SIGKILL in the middle of a task.

A real ``newsbrief fetch --engine tcp://…`` process runs against a local Dask cluster of two
worker processes and the ingest benchmark's feed server on 127.0.0.1 (teasers, so every article's
page is fetched and extracted in a task). The test watches the scheduler and, as soon as a worker
is running an extract task, kills that worker's process. The scheduler runs the task again on
the other worker (the nanny restarts the killed one); the fetch finishes with every article
stored exactly once, every source complete, nothing skipped, and the digest built from it is
the digest of an in-process fetch of the same feeds. With a PostgreSQL test store the engine's
fetch writes there (the reference stays a SQLite file), so both stores are tested under faults.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsbrief.config import load_settings
from newsbrief.eval.interrupt import Cli, FeedSite, article_urls, complete_feeds, kill_group, wait_until
from newsbrief.pipeline import build_digest
from newsbrief.render import render
from newsbrief.store import open_store

pytestmark = [
    pytest.mark.serial,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes are killed by pid"),
]

DAY = dt.date(2026, 1, 9)  # the feed server's publication day


def _digest_md(data: Path, db: Path | str) -> str:
    with open_store(db) as store:
        return render(build_digest(store, load_settings(data_dir=data, env={}), day=DAY, save=False), "md")


def _extracting(client: Any) -> tuple[str, tuple[str, ...]] | None:
    """The first worker running an extract task, with the tasks it runs (None: no such worker now)."""
    for worker, keys in client.processing().items():
        if any(str(key).startswith("_build_batch-") for key in keys):
            return worker, tuple(str(k) for k in keys)
    return None


def _rerun_after_worker_death(client: Any, keys: tuple[str, ...]) -> set[str]:
    """Those of ``keys`` the scheduler took back from a worker that left and ran again."""

    def on_scheduler(dask_scheduler: Any, keys: tuple[str, ...]) -> list[str]:
        return [str(t[0]) for t in dask_scheduler.transition_log
                if str(t[0]) in keys and t[1] == "processing" and t[2] in ("released", "waiting", "no-worker")]

    return set(client.run_on_scheduler(on_scheduler, keys=keys))


def test_a_worker_killed_in_the_middle_of_a_task_loses_nothing_and_stores_nothing_twice(
        dask_scheduler: str, tmp_path: Path, store_url: str) -> None:
    from distributed import Client

    with FeedSite(n_feeds=24, n_items=2) as site:
        in_process, on_engine = tmp_path / "in-process", tmp_path / "engine"
        for data in (in_process, on_engine):
            data.mkdir()
        stores = {in_process: site.subscribe(in_process), on_engine: site.subscribe(on_engine, store_url=store_url)}
        reference = Cli(in_process).run("fetch", "--no-progress")
        assert reference.process.returncode == 0, reference.errors()

        with Client(dask_scheduler, timeout="10s") as client:
            client.wait_for_workers(2, timeout=120)
            pids = {w: int(pid) for w, pid in client.run(os.getpid).items()}
            assert len(pids) == 2
            killed: list[tuple[str, tuple[str, ...]]] = []

            def kill_an_extracting_worker() -> bool:
                busy = _extracting(client)
                if busy is not None:  # at once: the task is still running
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy)
                return busy is not None

            running = Cli(on_engine, store_url=store_url).start("fetch", "--no-progress", "--engine", dask_scheduler)
            try:
                assert wait_until(kill_an_extracting_worker, running, timeout=180), (
                    "the fetch ended before any extract task ran on a worker: " + running.errors())
                running.process.wait(timeout=300)
            finally:
                kill_group(running.process.pid)
            [(worker, keys)] = killed
            rerun = _rerun_after_worker_death(client, keys)
            alive = set(client.run(os.getpid).values())

        assert pids[worker] not in alive
        assert rerun, f"no task of the killed worker was run again ({keys})"
        assert running.process.returncode == 0, running.errors()
        assert " 0 skipped;" in running.output(), running.output()
        for db in stores.values():
            assert Counter(article_urls(db)) == Counter(site.articles)  # each once
            assert complete_feeds(db) == set(site.offered)
        assert _digest_md(on_engine, stores[on_engine]) == _digest_md(in_process, stores[in_process])
