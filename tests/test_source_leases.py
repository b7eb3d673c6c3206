"""Source leases: two schedulers on one store never fetch the same source (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

from newsbrief.store import SQLiteStore, open_store
from newsbrief.store.leases import lease_owner

NOW = dt.datetime(2026, 11, 27, 8, 0, tzinfo=dt.timezone.utc)
N_FEEDS = 12


def _sources(store: SQLiteStore, n: int) -> list[int]:
    ids = []
    for i in range(n):
        source, _ = store.add_source(f"http://127.0.0.1:1/feed/{i}.xml")
        assert source.id is not None
        ids.append(source.id)
    return ids


def test_a_leased_source_is_not_leased_to_another_owner_until_released(fresh_db: SQLiteStore) -> None:
    ids = _sources(fresh_db, 3)
    first, second = lease_owner(), lease_owner()
    assert fresh_db.take_leases(ids[:2], owner=first, now=NOW) == ids[:2]
    assert fresh_db.take_leases(ids, owner=second, now=NOW) == ids[2:]
    assert fresh_db.take_leases(ids, owner=first, now=NOW) == ids[:2]  # the holder renews its own
    assert fresh_db.release_leases(first) == 2
    assert fresh_db.take_leases(ids, owner=second, now=NOW) == ids


def test_an_expired_lease_is_taken_over(fresh_db: SQLiteStore) -> None:
    ids = _sources(fresh_db, 1)
    fresh_db.take_leases(ids, owner=lease_owner(), now=NOW, seconds=60)
    other = lease_owner()
    assert fresh_db.take_leases(ids, owner=other, now=NOW + dt.timedelta(seconds=59)) == []
    assert fresh_db.take_leases(ids, owner=other, now=NOW + dt.timedelta(seconds=60)) == ids


def test_a_source_not_due_is_not_leased_unless_forced(fresh_db: SQLiteStore) -> None:
    ids = _sources(fresh_db, 2)
    fresh_db.update_source(ids[0], next_poll_at=NOW + dt.timedelta(hours=1))
    fresh_db.update_source(ids[1], next_poll_at=NOW)
    assert fresh_db.take_leases(ids, owner=lease_owner(), now=NOW) == [ids[1]]
    assert fresh_db.take_leases(ids[:1], owner=lease_owner(), now=NOW, due_only=False) == ids[:1]


def test_the_leases_of_a_process_that_died_on_this_machine_are_free_at_once(fresh_db: SQLiteStore) -> None:
    ids = _sources(fresh_db, 1)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    host = lease_owner().split(":", 1)[0]
    fresh_db.take_leases(ids, owner=f"{host}:{int(dead.stdout)}:gone", now=NOW)
    assert fresh_db.take_leases(ids, owner=lease_owner(), now=NOW) == ids


def test_a_lease_held_by_a_live_process_of_another_machine_is_respected(fresh_db: SQLiteStore) -> None:
    ids = _sources(fresh_db, 1)
    fresh_db.take_leases(ids, owner=f"other-host:{os.getpid()}:x", now=NOW)
    assert fresh_db.take_leases(ids, owner=lease_owner(), now=NOW) == []


class _HeldFeeds(ThreadingHTTPServer):
    """Feeds on 127.0.0.1 whose answers wait until ``release`` is set; counts requests per path."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _FeedHandler)
        self.release = threading.Event()
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()


class _FeedHandler(BaseHTTPRequestHandler):
    server: _HeldFeeds

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        with self.server.lock:
            self.server.hits[self.path] += 1
        self.server.release.wait(60)
        n = self.path.rsplit("/", 1)[-1].split(".")[0]
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
                f"<link>http://127.0.0.1/</link><item><title>Item of feed {n}</title>"
                f"<link>http://127.0.0.1/a/{n}</link><guid>a-{n}</guid><pubDate>Fri, 27 Nov 2026 07:00:00 GMT</pubDate>"
                f"<description>Feed {n} says something new happened today in the town of Leeds.</description>"
                "</item></channel></rss>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def held_feeds() -> Iterator[_HeldFeeds]:
    server = _HeldFeeds()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


def _fetch(data: Path, engine: str = "") -> subprocess.Popen[str]:
    env = {**os.environ, "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true", "NEWSBRIEF_FETCH_FULL_TEXT": "false",
           "NEWSBRIEF_FETCH_PER_HOST_INTERVAL": "0", "NEWSBRIEF_FETCH_PER_HOST_CONCURRENCY": "16"}
    on = ["--engine", engine] if engine else []
    return subprocess.Popen([sys.executable, "-m", "newsbrief", "--data-dir", str(data), "fetch", "--no-progress", *on],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def _wait(until: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        time.sleep(0.05)
    return bool(until())


@pytest.mark.serial
@pytest.mark.parametrize("engine", ["in-process", "distributed"])
def test_two_fetch_processes_never_fetch_the_same_source(tmp_path: Path, store_url: str, held_feeds: _HeldFeeds,
                                                         engine: str, request: pytest.FixtureRequest) -> None:
    # on the distributed engine both commands send their parse and extract tasks to one Dask cluster
    address = "" if engine == "in-process" else str(request.getfixturevalue("dask_scheduler"))
    data = tmp_path / "data"
    data.mkdir()
    base = f"http://127.0.0.1:{held_feeds.server_address[1]}"
    with open_store(store_url or data / "newsbrief.db") as store:
        for i in range(N_FEEDS):
            store.add_source(f"{base}/feed/{i}.xml")
    first = _fetch(data, address)
    try:
        # the first run has leased every source and its requests are held by the server
        assert _wait(lambda: sum(held_feeds.hits.values()) >= 1, 60), "the first fetch sent no request"
        second = _fetch(data, address)
        # without leases the second run would ask for the held feeds again
        _wait(lambda: second.poll() is not None or max(held_feeds.hits.values()) > 1, 60)
        held_feeds.release.set()
        out2, err2 = second.communicate(timeout=120)
        out1, err1 = first.communicate(timeout=120)
    finally:
        for process in (first, locals().get("second")):
            if process is not None and process.poll() is None:
                process.kill()
    assert (first.returncode, second.returncode) == (0, 0), (err1, err2)
    assert held_feeds.hits == Counter({f"/feed/{i}.xml": 1 for i in range(N_FEEDS)})
    with open_store(store_url or data / "newsbrief.db") as store:
        rows = store.source_rows()
        assert all(r["last_success_at"] for r in rows)
        assert store.count("articles") == N_FEEDS
        assert store.take_leases([r["id"] for r in rows], owner=lease_owner(), now=NOW, due_only=False) == [r["id"] for r in rows]
