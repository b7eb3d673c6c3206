"""Fault injection for ingest: interrupt real ``newsbrief`` processes, then count what survived.

:class:`FeedSite` serves the ingest benchmark's corpus (:mod:`newsbrief.eval.ingest`: RSS feeds
of teasers, one HTML page per item, ETag, Last-Modified and 304s) on 127.0.0.1 and subscribes a
data folder to its feeds. :class:`Cli` starts ``newsbrief`` commands on that folder as
subprocesses, each in a process group of its own (its worker processes included), and
:func:`group_processes` lists what is still alive in a group (read from ``/proc``, Linux).
:func:`article_urls` and :func:`complete_feeds` read what the database holds.

:func:`main` (``python bench/interrupt_ingest.py``) stops ``newsbrief fetch`` with SIGKILL or
SIGTERM after given delays, runs ``newsbrief fetch`` again to completion and prints one row
per case: articles after the re-run out of those offered, duplicates, processes left behind,
seconds from SIGTERM to exit, and the line the stopped process printed.
``tests/test_interrupted_ingest.py`` uses the same parts with seeded points in each phase.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .ingest import _corpus, _LocalServer

__all__ = [
    "Case", "Cli", "FeedSite", "Running", "article_urls", "complete_feeds", "format_table", "group_processes",
    "kill_group", "main", "run_case", "wait_group_gone", "wait_until",
]

# Politeness limits lifted for the local server, as in the ingest benchmark.
FETCH_ENV = {
    "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1",
    "NEWSBRIEF_FETCH_PER_HOST_INTERVAL": "0",
    "NEWSBRIEF_FETCH_PER_HOST_CONCURRENCY": "8",
    "NEWSBRIEF_FETCH_CONCURRENCY": "8",
}


class FeedSite:
    """The benchmark corpus served on 127.0.0.1: ``n_feeds`` feeds of ``n_items`` teasers each.

    :param n_feeds: number of feeds.
    :param n_items: items per feed, each with its own page to fetch and extract.
    """

    def __init__(self, *, n_feeds: int = 200, n_items: int = 2) -> None:
        self.n_feeds, self.n_items = n_feeds, n_items
        self._server = _LocalServer()
        self.base = ""
        self.offered: dict[str, set[str]] = {}  # feed URL -> the article URLs it lists

    def __enter__(self) -> FeedSite:
        self._server.__enter__()
        self.base = f"http://127.0.0.1:{self._server.port}"
        docs = _corpus(self.base, n_feeds=self.n_feeds, n_items=self.n_items, full_text=True)
        self._server.docs = docs
        self.offered = {
            f"{self.base}/feed/{f}.xml": {self.base + path for path in docs if path.startswith(f"/f{f}/")}
            for f in range(self.n_feeds)
        }
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.__exit__(*exc)

    @property
    def requests(self) -> int:
        """Requests served so far (feeds first, then robots.txt and pages)."""
        return self._server.requests

    @property
    def articles(self) -> set[str]:
        """Every article URL the feeds list."""
        return {url for urls in self.offered.values() for url in urls}

    def subscribe(self, data_dir: Path, *, store_url: str = "") -> Path | str:
        """Create the database with every feed as a source; return where it is.

        :param data_dir: the ``--data-dir`` the commands will use (its SQLite file by default).
        :param store_url: a ``postgresql://`` URL to use instead of the SQLite file.
        """
        from ..store import open_store

        db: Path | str = store_url or data_dir / "newsbrief.db"
        with open_store(db) as store:
            for url in self.offered:
                store.add_source(url)
        return db


@dataclass
class Running:
    """A ``newsbrief`` command started by :meth:`Cli.start` (its pid is also its group id)."""

    process: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path
    started: float = field(default_factory=time.monotonic)

    def output(self) -> str:
        """What it printed on stdout so far."""
        return self.stdout.read_text(errors="replace")

    def errors(self) -> str:
        """What it printed on stderr so far."""
        return self.stderr.read_text(errors="replace")


class Cli:
    """Run ``newsbrief`` commands on one data folder, each in a new process group.

    :param data_dir: the ``--data-dir``.
    :param pythonpath: where to import newsbrief from (default: as this process does).
    :param store_url: a ``postgresql://`` store for the commands (default: the folder's SQLite file).
    """

    def __init__(self, data_dir: Path, *, pythonpath: str | None = None, store_url: str = "") -> None:
        self.data_dir = data_dir
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")} | FETCH_ENV
        if store_url:
            self.env["NEWSBRIEF_STORE"] = store_url
        self.env["PYTHONFAULTHANDLER"] = "1"  # SIGABRT to a hung command prints every thread's stack
        if pythonpath is not None:
            self.env["PYTHONPATH"] = pythonpath
        self._count = 0

    def start(self, *args: str) -> Running:
        """Start ``newsbrief --data-dir DIR ARGS...``; its output goes to files in the data folder.

        :param args: the command and its options, e.g. ``"fetch", "--no-progress"``.
        """
        self._count += 1
        out, err = (self.data_dir / f"command-{self._count}.{kind}" for kind in ("out", "err"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "newsbrief", "--data-dir", str(self.data_dir), *args],
                env=self.env, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        return Running(process, out, err)

    def run(self, *args: str, timeout: float = 300) -> Running:
        """Run a command to completion (see :meth:`start`).

        :param args: the command and its options.
        :param timeout: seconds before it is killed and ``subprocess.TimeoutExpired`` raised.
        """
        running = self.start(*args)
        try:
            running.process.wait(timeout=timeout)
        finally:
            kill_group(running.process.pid)
        return running


def group_processes(pgid: int) -> list[int]:
    """Return the live (not zombie) processes of process group ``pgid``, read from ``/proc``.

    :param pgid: the group id (the pid of a command started by :meth:`Cli.start`).
    """
    alive = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state not in ("Z", "X"):
            alive.append(int(entry.name))
    return alive


def wait_group_gone(pgid: int, *, timeout: float = 5.0) -> list[int]:
    """Wait until no process of group ``pgid`` is alive; return those still alive after ``timeout``.

    :param pgid: the group id.
    :param timeout: seconds to wait.
    """
    deadline = time.monotonic() + timeout
    while (alive := group_processes(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def kill_group(pgid: int) -> None:
    """SIGKILL whatever is left of group ``pgid`` (cleanup; nothing when it is empty).

    :param pgid: the group id.
    """
    if group_processes(pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _rows(db: Path | str, sql: str) -> list[tuple[object, ...]]:
    """Run a read-only query on a SQLite file or a ``postgresql://`` store."""
    if isinstance(db, str) and db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return list(conn.execute(sql).fetchall())
    with sqlite3.connect(db, timeout=30) as conn:
        return list(conn.execute(sql))


def article_urls(db: Path | str) -> list[str]:
    """Return the URL of every stored article row (duplicates show up as repeats).

    :param db: the SQLite file, or a ``postgresql://`` URL.
    """
    return [str(row[0]) for row in _rows(db, "SELECT url FROM articles")]


def complete_feeds(db: Path | str) -> set[str]:
    """Return the sources whose new validators are stored (the next run may skip them).

    :param db: the SQLite file, or a ``postgresql://`` URL.
    """
    return {str(row[0]) for row in _rows(db, "SELECT url FROM sources WHERE etag IS NOT NULL")}


def wait_until(condition: Callable[[], bool], running: Running, *, timeout: float = 120) -> bool:
    """Poll ``condition`` every 20 ms while the command runs; return False if it ended first.

    :param condition: what to wait for.
    :param running: the command.
    :param timeout: seconds before giving up (``TimeoutError``).
    """
    deadline = time.monotonic() + timeout
    while running.process.poll() is None:
        if condition():
            return True
        if time.monotonic() > deadline:
            raise TimeoutError("interrupt: the condition was not met in time")
        time.sleep(0.02)
    return False


@dataclass
class Case:
    """One row of :func:`main`'s table."""

    signal: str
    after: float
    stored_at_stop: int = 0
    exit_status: int | None = None
    seconds_to_exit: float = 0.0
    message: str = ""
    processes_left: int = 0
    articles: int = 0
    offered: int = 0
    duplicates: int = 0
    rerun_seconds: float = 0.0


def run_case(site: FeedSite, signum: int, after: float, *, pythonpath: str | None = None) -> Case:
    """Start ``newsbrief fetch`` on a fresh folder, send ``signum`` after ``after`` s, re-run it; count.

    :param site: the served corpus.
    :param signum: SIGKILL, SIGTERM or SIGINT, sent to the main process only.
    :param after: seconds after the start.
    :param pythonpath: where the commands import newsbrief from.
    """
    case = Case(signal.Signals(signum).name, after, offered=len(site.articles))
    with tempfile.TemporaryDirectory(prefix="newsbrief-interrupt-") as tmp:
        data_dir = Path(tmp)
        db = site.subscribe(data_dir)
        cli = Cli(data_dir, pythonpath=pythonpath)
        running = cli.start("fetch", "--no-progress")
        try:
            time.sleep(max(0.0, running.started + after - time.monotonic()))
            if running.process.poll() is not None:
                case.signal += " (ended first)"
            sent = time.monotonic()
            running.process.send_signal(signum)
            case.exit_status = running.process.wait(timeout=120)
            case.seconds_to_exit = round(time.monotonic() - sent, 2)
            case.processes_left = len(wait_group_gone(running.process.pid, timeout=5.0))
        finally:
            kill_group(running.process.pid)
        case.message = (running.output().strip().splitlines() or [""])[-1]
        case.stored_at_stop = len(article_urls(db))
        started = time.monotonic()
        cli.run("fetch", "--no-progress")
        case.rerun_seconds = round(time.monotonic() - started, 2)
        urls = article_urls(db)
        case.articles = len(set(urls) & site.articles)
        case.duplicates = len(urls) - len(set(urls))
    return case


def format_table(cases: Sequence[Case]) -> str:
    """Return the cases as an aligned text table.

    :param cases: what :func:`run_case` returned.
    """
    head = ("signal", "after_s", "stored_at_stop", "exit", "exit_after_s", "left_procs", "articles_after_rerun",
            "duplicates", "rerun_s", "message")
    rows = [head] + [
        (c.signal, f"{c.after:g}", str(c.stored_at_stop), str(c.exit_status), f"{c.seconds_to_exit:g}",
         str(c.processes_left), f"{c.articles}/{c.offered}", str(c.duplicates), f"{c.rerun_seconds:g}", c.message)
        for c in cases
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head) - 1)]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(r, widths)) + "  " + r[-1] for r in rows)


def main(argv: Sequence[str] | None = None, *, out: IO[str] = sys.stdout) -> int:
    """Interrupt ``newsbrief fetch`` after each given delay and print the table (Linux).

    :param argv: command-line arguments (default: ``sys.argv[1:]``).
    :param out: where the table goes.
    """
    parser = argparse.ArgumentParser(description="kill or stop `newsbrief fetch` mid-run, re-run it, count")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=2)
    parser.add_argument("--kill-at", default="1,2,3,4,5,6,8", help="seconds after the start to send SIGKILL")
    parser.add_argument("--term-at", default="2,4,6,8", help="seconds after the start to send SIGTERM")
    parser.add_argument("--pythonpath", help="import newsbrief from here in the commands (e.g. an older src)")
    args = parser.parse_args(argv)
    plan = [(signal.SIGKILL, float(t)) for t in args.kill_at.split(",") if t] + [
        (signal.SIGTERM, float(t)) for t in args.term_at.split(",") if t]
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ}: {args.feeds} feeds x {args.items} items, "
          f"load average {os.getloadavg()[0]:.2f}", file=out)
    with FeedSite(n_feeds=args.feeds, n_items=args.items) as site:
        cases = [run_case(site, signum, after, pythonpath=args.pythonpath) for signum, after in plan]
    print(format_table(cases), file=out)
    return 0
