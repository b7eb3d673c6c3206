"""Real ``newsbrief fetch`` and ``newsbrief run`` processes killed or stopped at seeded random points.

A feed server on 127.0.0.1 (the ingest benchmark's: ETag, Last-Modified, 304s) serves 200 feeds
of teasers, so every article needs its page fetched and extracted in the worker pool. Each
command runs in a process group of its own and is interrupted while fetching feeds, while
fetching pages or while storing: SIGKILL to the main process, SIGTERM to it or to the whole
group (``systemctl stop``), SIGINT to the group (Ctrl-C in a terminal). Several interruptions
follow one another on the same database, each run picking up what the previous one left.
After each one: no process of the group is alive; every source whose validators are stored
has all its articles; after SIGTERM/Ctrl-C the process exited within a few seconds, with
status 128 + signal and the one-line summary, whose count matches the database. Finally a
plain ``newsbrief fetch`` (no ``--force``) brings back every article the server offers, once.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsbrief.eval.interrupt import (
    Cli,
    FeedSite,
    Running,
    article_urls,
    complete_feeds,
    kill_group,
    wait_group_gone,
    wait_until,
)

pytestmark = [
    pytest.mark.serial,
    pytest.mark.sqlite_only,  # the feed site subscribes and checks a SQLite file
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups are read from /proc"),
]

SEED = 20261127
STOP_SECONDS = 5.0  # longest wait from SIGTERM/SIGINT to exit
LAST_MODIFIED = "Fri, 09 Jan 2026 06:00:00 GMT"  # what the feed server sends
STOPPED = re.compile(r"^stopped: (\d+) articles stored, (\d+) sources left for the next run$")


@pytest.fixture(scope="module")
def site() -> Iterator[FeedSite]:
    with FeedSite(n_feeds=200, n_items=1) as served:
        yield served


def _due(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return int(conn.execute("SELECT count(*) FROM sources WHERE next_poll_at IS NULL").fetchone()[0])


def _phase_reached(phase: str, site: FeedSite, db: Path, rng: random.Random) -> Callable[[], bool]:
    """A seeded point inside ``phase`` of the run about to start (measured from its start)."""
    requests, stored, due = site.requests, len(article_urls(db)), _due(db)
    left = len(site.articles) - stored  # each needs its page
    if phase == "feeds":  # the feeds come first, the pages only once every feed is in
        feeds = rng.randint(1, max(1, due // 2))
        return lambda: site.requests - requests >= feeds
    if phase == "pages":
        pages = due + rng.randint(1, max(1, min(60, left // 2)))
        return lambda: site.requests - requests >= pages
    articles = rng.randint(1, max(1, min(40, left // 3)))
    return lambda: len(article_urls(db)) - stored >= articles


def _interrupt(running: Running, signum: int, *, group: bool) -> float:
    """Send the signal to the main process (or its whole group); return when it was sent."""
    sent = time.monotonic()
    if group:
        os.killpg(running.process.pid, signum)
    else:
        running.process.send_signal(signum)
    return sent


def _check_after(running: Running, signum: int, sent: float, *, db: Path, site: FeedSite, stored_before: int) -> None:
    try:
        try:
            status = running.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            running.process.send_signal(signal.SIGABRT)  # the stacks of every thread, to stderr
            time.sleep(2)
            pytest.fail(f"still running 60 s after {signal.Signals(signum).name}:\n{running.errors()}")
        waited = time.monotonic() - sent
        left = wait_group_gone(running.process.pid, timeout=5.0)
    finally:
        kill_group(running.process.pid)
    assert left == [], f"processes of the stopped command still alive: {left}"
    urls = article_urls(db)
    assert len(urls) == len(set(urls)), "an article was stored twice"
    stored = set(urls)
    for feed in complete_feeds(db):
        assert site.offered[feed] <= stored, f"{feed} has its validators stored but misses articles"
    if signum == signal.SIGKILL:
        assert status == -signal.SIGKILL
        return
    assert status == 128 + signum, running.errors()
    assert waited < STOP_SECONDS, f"took {waited:.1f}s to stop"
    assert "Traceback" not in running.errors(), running.errors()
    lines = running.output().strip().splitlines()
    match = STOPPED.match(lines[-1]) if lines else None
    assert match, running.output()
    assert int(match[1]) == len(urls) - stored_before  # what this run stored, exactly
    assert int(match[2]) == _due(db)  # the sources the next run will poll


def _interrupted(cli: Cli, site: FeedSite, db: Path, rng: random.Random, command: tuple[str, ...],
                 phase: str, signum: int, *, group: bool) -> None:
    stored_before = len(article_urls(db))
    if phase in ("pages", "storing") and _due(db) == 0:
        # The previous stop landed after its last article was stored (storing can finish between
        # two 20 ms looks at the database; fetch was then reading the new articles, run waiting
        # for its next poll): every source is complete, so there is nothing left to interrupt.
        return
    reached = _phase_reached(phase, site, db, rng)
    running = cli.start(*command)
    try:
        landed = wait_until(reached, running)
        assert landed, f"{command[0]} ended before the {phase} point: {running.output()}{running.errors()}"
        sent = _interrupt(running, signum, group=group)
    except BaseException:
        kill_group(running.process.pid)
        raise
    _check_after(running, signum, sent, db=db, site=site, stored_before=stored_before)


def _completes(cli: Cli, db: Path, site: FeedSite) -> None:
    done = cli.run("fetch", "--no-progress")
    assert done.process.returncode == 0, done.errors()
    urls = article_urls(db)
    assert sorted(urls) == sorted(site.articles), "missing or doubled articles after the re-run"
    assert complete_feeds(db) == set(site.offered)
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT last_modified FROM sources")} == {LAST_MODIFIED}


def test_fetch_killed_or_stopped_anywhere_loses_and_doubles_nothing(site: FeedSite, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = site.subscribe(tmp_path)
    cli = Cli(tmp_path)
    fetch = ("fetch", "--no-progress")
    _interrupted(cli, site, db, rng, fetch, "feeds", signal.SIGKILL, group=False)
    _interrupted(cli, site, db, rng, fetch, "pages", signal.SIGTERM, group=False)
    _interrupted(cli, site, db, rng, fetch, "storing", signal.SIGINT, group=True)  # Ctrl-C in a terminal
    _interrupted(cli, site, db, rng, fetch, "storing", signal.SIGTERM, group=True)  # systemctl stop
    _completes(cli, db, site)
    again = cli.run("fetch", "--force", "--no-progress")  # the stored validators are the right ones
    assert again.output().startswith("200 source(s) polled: 0 fetched, 200 unchanged, 0 failed; 0 entries")
    assert sorted(article_urls(db)) == sorted(site.articles)


def test_run_killed_or_stopped_inside_or_between_polls_loses_nothing(site: FeedSite, tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    db = site.subscribe(tmp_path)
    cli = Cli(tmp_path)
    run = ("run", "--interval", "3600", "--digest-at", "23:59")
    _interrupted(cli, site, db, rng, run, "storing", signal.SIGKILL, group=False)
    _interrupted(cli, site, db, rng, run, "pages", signal.SIGTERM, group=True)

    # Between polls: the poll finishes (its line is printed), then SIGTERM arrives during the wait.
    stored_before = len(article_urls(db))
    running = cli.start(*run)
    try:
        assert wait_until(lambda: " polled " in running.output(), running), running.errors()
        sent = _interrupt(running, signal.SIGTERM, group=False)
    except BaseException:
        kill_group(running.process.pid)
        raise
    _check_after(running, signal.SIGTERM, sent, db=db, site=site, stored_before=stored_before)
    assert running.output().strip().endswith("0 sources left for the next run")
    _completes(cli, db, site)
