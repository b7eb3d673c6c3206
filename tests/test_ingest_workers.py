"""Pages fetched from a real server on 127.0.0.1 while worker processes extract them."""

from __future__ import annotations

import concurrent.futures.process
import datetime as dt
import sys
import time

import pytest
from misbehaving_server import Route, serve

from newsbrief.ingest.dedup import simhash
from newsbrief.ingest.fetch import FetchSettings
from newsbrief.ingest.workers import PageJob, default_workers, fetch_and_build
from newsbrief.model import Article, Entry, Skip

NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
FAST = FetchSettings(allow_private=True, per_host_interval=0.0, timeout=5.0, per_host_concurrency=8)


def _page(i: int) -> bytes:
    paras = "".join(
        f"<p>Paragraph {j} of story {i}: the harbour board voted on dredging plan number {i * 7 + j} "
        f"after residents of ward {j} asked for a delay to protect the oyster beds.</p>"
        for j in range(6)
    )
    return (
        f"<html><head><title>Story {i} | Harbour News</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Story {i}</h1>{paras}</article><footer>Harbour News</footer></body></html>"
    ).encode()


def _jobs(base: str, n: int) -> list[PageJob]:
    jobs = []
    for i in range(n):
        link = f"{base}/2026/01/08/s{i}"
        entry = Entry(source_url=f"{base}/feed", guid=f"g{i}", link=link, title=f"Story {i}",
                      summary_html=f"<p>Teaser for story {i}…</p>")  # fmt: skip
        jobs.append(PageJob(entry, "Harbour News", fetch_page=i % 5 != 0))  # every 5th: feed text only
    return jobs


def _routes(n: int) -> dict[str, Route]:
    routes = {f"/2026/01/08/s{i}": Route(body=_page(i), content_type="text/html; charset=utf-8") for i in range(n)}
    routes["/2026/01/08/s3"] = Route(status=404, body=b"gone", content_type="text/html")
    routes["/2026/01/08/s7"] = Route(body=b"%PDF-1.4", content_type="application/pdf")
    return routes


def test_workers_and_serial_give_the_same_articles_in_job_order() -> None:
    n = 40
    with serve(_routes(n)) as srv:
        pooled = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=2, batch=4)
        serial = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=1)
    assert pooled == serial
    assert [b.made.title for b in pooled] == [f"Story {i}" for i in range(n)]
    for i, built in enumerate(pooled):
        assert isinstance(built.made, Article)
        assert built.similarity == simhash(built.made.text) != 0
        assert built.page_fetched == (i % 5 != 0)
        if i in (3, 7):  # page refused or missing: the feed's teaser is kept, with the reason
            assert built.made.is_teaser and built.made.text == f"Teaser for story {i}…"
        elif i % 5:
            assert not built.made.is_teaser and f"dredging plan number {i * 7}" in built.made.text
    assert "404" in pooled[3].page_error and "not a web page (application/pdf)" in pooled[7].page_error
    assert all(not b.page_error for i, b in enumerate(pooled) if i not in (3, 7))


def test_an_entry_without_text_or_title_is_a_skip_with_a_reason() -> None:
    empty = PageJob(Entry(source_url="http://x.example/feed", guid="e1", link="", title=""), "X")
    [built] = fetch_and_build([empty], settings=FAST, fetched_at=NOW, workers=1)
    assert isinstance(built.made, Skip) and "no title and no content" in built.made.reason
    assert built.similarity == 0 and not built.page_fetched


def test_default_workers_forks_only_for_big_batches() -> None:
    assert default_workers(10) == 1
    assert default_workers(1000) >= 1


def test_parse_feed_job_returns_the_parse_error_as_text() -> None:
    from newsbrief.ingest.feeds import ParsedFeed
    from newsbrief.ingest.workers import parse_feed_job

    html = parse_feed_job(b"<!doctype html><html><body>Hi</body></html>", "http://x.example/feed", {})
    assert isinstance(html, str) and "an HTML page" in html and "http://x.example/feed" in html
    rss = b'<rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid></item></channel></rss>'
    parsed = parse_feed_job(rss, "http://x.example/feed", {})
    assert isinstance(parsed, ParsedFeed) and [e.title for e in parsed.entries] == ["A"]


def test_ingest_parses_many_feeds_in_workers_and_records_a_bad_one(tmp_path: object) -> None:
    from pathlib import Path

    from newsbrief.config import load_settings
    from newsbrief.pipeline import ingest
    from newsbrief.store import open_store

    def rss(f: int) -> bytes:
        items = "".join(
            f"<item><title>Feed {f} item {i} about the tram depot vote</title><guid>f{f}-{i}</guid>"
            f"<description>Feed {f} reports item {i}: the council counted {100 + 10 * f + i} votes "
            f"for the tram depot plan, with a second reading set for spring.</description></item>"
            for i in range(3)
        )
        return f'<rss version="2.0"><channel><title>Feed {f}</title>{items}</channel></rss>'.encode()

    routes = {f"/feed{f}.xml": Route(body=rss(f)) for f in range(9)}
    routes["/broken.xml"] = Route(body=b"<html><body>Not a feed</body></html>", content_type="text/html")
    tmp = Path(str(tmp_path))
    with serve(routes) as srv, open_store(tmp / "nb.db") as store:
        settings = load_settings(data_dir=tmp, env={}).replace(
            **{"fetch.allow_private": True, "fetch.per_host_interval": 0.0, "fetch.full_text": False}
        )
        for path in routes:
            store.add_source(srv.url(path))
        report = ingest(store, settings, now=NOW, force=True)
        rows = {r["url"]: r for r in store.source_rows()}
    assert report.new_articles == 27 and report.failed == 1
    assert "an HTML page" in rows[srv.url("/broken.xml")]["last_error"]
    assert all(rows[srv.url(f"/feed{f}.xml")]["item_count"] == 3 for f in range(9))


def test_a_worker_that_dies_costs_its_items_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import newsbrief.ingest.workers as workers

    real = workers.build_article

    def crashing(entry: Entry, **kw: object) -> object:
        if entry.guid == "g12":
            os._exit(3)  # a hard crash (segfault, OOM kill): no Python exception to catch
        return real(entry, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "build_article", crashing)
    n = 40
    with serve(_routes(n)) as srv:
        built = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=2, batch=4)
    assert len(built) == n
    died = [b for b in built if isinstance(b.made, Skip)]
    assert died and all("worker process died" in b.made.reason for b in died)  # type: ignore[union-attr]
    assert any(isinstance(b.made, Skip) and b.made.what.endswith("/s12") for b in built)


def _stream_probe(parent_stderr_id: int) -> tuple[bool, bool]:
    import logging
    import sys

    handlers = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    return id(sys.stderr) != parent_stderr_id, all(h.stream is sys.stderr for h in handlers)


def test_workers_get_their_own_stderr_so_a_lock_held_at_fork_cannot_hang_them() -> None:
    import logging
    import sys

    from newsbrief.ingest.workers import start_pool

    handler = logging.StreamHandler(sys.stderr)
    logging.getLogger().addHandler(handler)
    try:
        pool = start_pool(2)
        assert pool is not None
        with pool:
            fresh, pointed = pool.submit(_stream_probe, id(sys.stderr)).result(timeout=30)
    finally:
        logging.getLogger().removeHandler(handler)
    assert fresh and pointed


def test_feed_parser_falls_back_to_this_process_when_the_pool_is_gone() -> None:
    from newsbrief.ingest.feeds import ParsedFeed
    from newsbrief.ingest.fetch import FetchOutcome, FetchRequest
    from newsbrief.ingest.workers import FeedParser, start_pool
    from newsbrief.model import FetchResult

    rss = b'<rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid></item></channel></rss>'
    fetched = FetchResult(url="http://x.example/f", final_url="http://x.example/f", status=200, headers={},
                          content=rss, fetched_at=NOW)
    pool = start_pool(2)
    assert pool is not None
    pool.shutdown()
    parser = FeedParser(pool)
    parser.submit(FetchOutcome(FetchRequest("http://x.example/f"), fetched, None))  # refused: no exception
    parsed = parser.result("http://x.example/f", fetched)
    assert isinstance(parsed, ParsedFeed) and [e.title for e in parsed.entries] == ["A"]


def test_finished_jobs_are_handed_on_in_job_order_as_they_are_built() -> None:
    n = 40
    for workers in (1, 2):
        groups: list[list[int]] = []
        with serve(_routes(n)) as srv:
            built = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=workers, batch=4,
                                    on_built=lambda group: groups.append([i for i, _ in group]))
        assert [i for g in groups for i in g] == list(range(n))  # each job once, in order, whatever the timing
        assert len(groups) > 1  # in batches, not all at the end


def _worker_pids(pool: object) -> list[int]:
    return list(pool._processes)  # type: ignore[attr-defined]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_an_error_in_the_block_terminates_the_workers_and_cancels_their_work() -> None:
    from newsbrief.ingest.workers import worker_pool

    started = time.monotonic()
    with pytest.raises(RuntimeError), worker_pool(2) as pool:
        assert pool is not None
        pids = _worker_pids(pool)
        futures = [pool.submit(time.sleep, 60) for _ in range(6)]
        raise RuntimeError("stopped")
    assert time.monotonic() - started < 15  # not the minute the queued work would take
    assert not any(_alive(pid) for pid in pids)
    assert all(f.done() for f in futures)


def _big_result(n: int) -> str:
    return "x" * n


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_stopping_a_pool_whose_worker_dies_mid_result_does_not_hang_this_process() -> None:
    import random

    from newsbrief.ingest.workers import start_pool, stop_pool

    rng = random.Random(5)
    for _ in range(6):  # a worker is terminated while writing a 3 MB result about every other time
        pool = start_pool(2)
        assert pool is not None
        for _ in range(20):
            pool.submit(_big_result, 3_000_000)
        time.sleep(rng.uniform(0.05, 0.3))
        manager = pool._executor_manager_thread  # type: ignore[attr-defined]
        stop_pool(pool)
        # Python's exit hook no longer writes to the stopped pool's wake-up pipe (it raced with the pipe's close)
        assert manager not in concurrent.futures.process._threads_wakeups  # type: ignore[attr-defined]
        manager.join(timeout=10)  # at exit, Python waits for this thread
        assert not manager.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_die_with_a_parent_killed_by_sigkill() -> None:
    import os
    import signal
    import subprocess

    parent = subprocess.Popen(
        [sys.executable, "-c", "from newsbrief.ingest.workers import start_pool\n"
         "import time\npool = start_pool(2)\nprint(*pool._processes, flush=True)\ntime.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    pids: list[int] = []
    try:
        assert parent.stdout is not None
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(p) for p in pids), "workers outlived their parent"
    finally:
        if any(_alive(p) for p in pids):
            os.killpg(parent.pid, signal.SIGKILL)


def test_workers_leave_ctrl_c_to_their_parent() -> None:
    import os
    import signal

    from newsbrief.ingest.workers import _ready, start_pool

    pool = start_pool(2)
    assert pool is not None
    with pool:
        for pid in _worker_pids(pool):
            os.kill(pid, signal.SIGINT)  # what a terminal's Ctrl-C does to the whole process group
        pids = set(_worker_pids(pool))
        assert {pool.submit(_ready).result(timeout=30) for _ in range(4)} <= pids  # still working
        assert all(_alive(pid) for pid in pids)
