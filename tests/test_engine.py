"""The engine: the sample corpus on a Dask cluster gives the in-process stories and digest; its
address in config, env and flag; ``newsbrief cluster up``; and the hint when the extra is missing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pytest

from newsbrief.config import load_settings
from newsbrief.engine import MISSING_EXTRA, EngineError, engine_address, open_engine
from newsbrief.errors import ConfigError

if TYPE_CHECKING:
    from click.testing import Result

    from newsbrief.demo import DemoResult


def _stories(db: Path) -> list[tuple[str, ...]]:
    """Each story's article ids (the stories themselves, whatever their ids)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT story_id, article_id FROM memberships ORDER BY article_id").fetchall()
    stories: dict[str, list[str]] = {}
    for story_id, article_id in rows:
        stories.setdefault(story_id, []).append(article_id)
    return sorted(tuple(ids) for ids in stories.values())


def test_the_sample_corpus_on_the_engine_gives_the_in_process_stories_and_digests(
        dask_scheduler: str, demo: DemoResult, tmp_path: Path) -> None:
    from newsbrief.demo import run_demo

    with open_engine(dask_scheduler) as engine:
        assert engine.distributed
        on_engine = run_demo(tmp_path / "engine", formats=("md",), engine=engine)
    assert on_engine.all_paths.keys() == demo.all_paths.keys()
    for day, paths in demo.all_paths.items():
        assert on_engine.all_paths[day]["md"].read_text() == paths["md"].read_text(), day
    assert _stories(on_engine.db_path) == _stories(demo.db_path)
    assert len(_stories(demo.db_path)) > 10


def test_the_engine_address_comes_from_the_flag_else_the_config_or_newsbrief_engine(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_ENGINE": "tcp://10.0.0.5:8786"})
    assert engine_address(settings) == "tcp://10.0.0.5:8786"
    assert engine_address(settings, "local:3") == "local:3"
    assert engine_address(settings, "") == ""  # the flag can ask for this process
    assert engine_address(load_settings(data_dir=tmp_path, env={})) == ""
    with pytest.raises(EngineError, match="local:N"):
        engine_address(settings, "local:0")
    with pytest.raises(ConfigError, match="NEWSBRIEF_ENGINE"):
        load_settings(data_dir=tmp_path, env={"NEWSBRIEF_ENGINE": "somewhere"})


def test_a_bad_engine_flag_is_one_line_naming_it(newsbrief_cli: Callable[..., Result]) -> None:
    assert newsbrief_cli("init").exit_code == 0
    assert newsbrief_cli("sources", "add", "http://127.0.0.1:9/feed.xml", "--no-check").exit_code == 0
    result = newsbrief_cli("fetch", "--engine", "cluster-one", "--no-progress")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        'Error: engine: the address must be empty (this process), "local:N" (N >= 1 worker processes) or a scheduler '
        "URL such as tcp://host:8786, got 'cluster-one'"]


def test_without_the_extra_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra looks like
    with pytest.raises(EngineError) as raised:
        with open_engine("local:1"):
            pass
    assert str(raised.value) == MISSING_EXTRA == "engine: the distributed engine needs Dask: pip install 'newsbrief[distributed]'"
    with open_engine("") as engine:  # this process needs nothing more
        assert not engine.distributed and engine.pool is None


@pytest.mark.serial
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="child processes are read from /proc")
def test_cluster_up_prints_an_address_that_runs_tasks_and_ctrl_c_stops_every_process() -> None:
    pytest.importorskip("distributed", reason="the distributed engine needs the extra: pip install 'newsbrief[distributed]'")
    import psutil
    from distributed import Client

    up = subprocess.Popen([sys.executable, "-m", "newsbrief", "cluster", "up", "--workers", "1", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    children: list[Any] = []
    try:
        assert up.stdout is not None
        first = up.stdout.readline()
        assert first.startswith("scheduler: tcp://127.0.0.1:"), first + (up.stderr.read() if up.poll() is not None else "")
        address = first.split()[1]
        assert up.stdout.readline().split() == ["use", "it:", "newsbrief", "fetch", "--engine", address,
                                                "(or", f"NEWSBRIEF_ENGINE={address})"]
        with Client(address, timeout="10s") as client:
            worker_pid = client.submit(os.getpid, pure=False).result(timeout=60)
        children = psutil.Process(up.pid).children(recursive=True)
        assert worker_pid in {c.pid for c in children}
        up.send_signal(signal.SIGINT)
        assert up.wait(timeout=30) == 130
        deadline = time.monotonic() + 10
        while any(c.is_running() and c.status() != psutil.STATUS_ZOMBIE for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    finally:
        if up.poll() is None:
            up.kill()
            up.wait()
        for child in children:
            if child.is_running():
                child.kill()


@pytest.mark.serial
@pytest.mark.sqlite_only  # the feed site subscribes and checks a SQLite file
def test_run_on_the_engine_stores_each_poll_with_its_stories_facts_and_vectors(dask_scheduler: str, tmp_path: Path) -> None:
    from newsbrief.eval.interrupt import Cli, FeedSite, article_urls

    with FeedSite(n_feeds=3, n_items=2) as site:
        site.subscribe(tmp_path)
        running = Cli(tmp_path).run("run", "--once", "--engine", dask_scheduler)
        assert running.process.returncode == 0, running.errors()
        assert sorted(article_urls(tmp_path / "newsbrief.db")) == sorted(site.articles)
    with sqlite3.connect(tmp_path / "newsbrief.db") as conn:
        originals = {r[0] for r in conn.execute("SELECT id FROM articles WHERE duplicate_of IS NULL")}
        placed = {r[0] for r in conn.execute("SELECT article_id FROM memberships")}
        with_facts = {r[0] for r in conn.execute("SELECT article_id FROM article_facts")}
        with_vectors = {r[0] for r in conn.execute("SELECT article_id FROM sentence_vectors")}
        cleaned = {r[0] for r in conn.execute("SELECT id FROM articles WHERE clean_text IS NOT NULL")}
    assert originals and placed == with_facts == with_vectors == originals <= cleaned


@pytest.mark.serial
def test_a_task_whose_workers_keep_dying_fails_as_worker_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the distributed engine needs the extra: pip install 'newsbrief[distributed]'")
    from concurrent.futures.process import BrokenProcessPool

    from newsbrief import engine as engine_mod

    monkeypatch.setattr(engine_mod, "ALLOWED_FAILURES", 0)  # the first death is one too many
    with engine_mod.local_cluster(1, quiet=True) as address, open_engine(address) as engine:
        assert isinstance(engine, engine_mod.Distributed)
        lost = engine.tasks.submit(os._exit, 3).exception(timeout=120)
        # ingest handles it as a dead worker of its own pool: the items are lost, their feeds read again
        assert isinstance(lost, engine_mod.WorkerLost) and isinstance(lost, BrokenProcessPool)
        with pytest.raises(EngineError, match="its results are not stored; the next run makes them again"):
            engine.map(os._exit, [3])
        assert engine.map(abs, [-2, 5]) == [2, 5]  # the nanny restarted the worker


def test_cluster_up_on_a_port_in_use_says_so_in_one_line() -> None:
    pytest.importorskip("distributed", reason="the distributed engine needs the extra: pip install 'newsbrief[distributed]'")
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "newsbrief", "cluster", "up", "--workers", "1", "--port", str(port)],
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"Error: engine: cannot start a scheduler on 127.0.0.1:{port}: ") and "in use" in line, line
