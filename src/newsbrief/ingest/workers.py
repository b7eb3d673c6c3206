"""Ingest's CPU work in worker processes, overlapped with the downloads (stages 2-3).

Parsing feeds (feedparser) and extracting pages (trafilatura, language detection,
fingerprints) cost more CPU than downloading them, so they run in worker processes while the
event loop keeps fetching:

- :func:`worker_pool` (or :func:`start_pool`) forks the workers before any event loop or
  download runs; each worker dies with the process that forked it (on Linux the kernel
  kills it when its parent dies, even by ``kill -9``), ignores Ctrl-C (the parent handles
  it) and is terminated, with the pending work cancelled, when the run is interrupted;
- :func:`parse_feed_job` is what a worker runs for one feed body (a ParseError comes back
  as its message);
- :func:`fetch_and_build` hands the workers the items whose feed already carries the text
  at once, and each page as soon as it arrives, in small batches, and passes each finished
  batch to ``on_built`` right away (so the caller can store it). The workers also compute
  each article's similarity hash, which the dedup stage needs next.

Without a pool (``workers=1``) everything runs in this process, after the downloads, with
the same results.

The pipeline (:func:`newsbrief.pipeline.ingest`) and the ingest benchmark
(``newsbrief eval ingest``) both call this function, so the benchmark measures the code
that runs in production.
"""

from __future__ import annotations

import contextlib
import ctypes
import concurrent.futures.process
import datetime as dt
import logging
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import httpx

from newsbrief.ingest.dedup import simhash
from newsbrief.errors import ParseError
from newsbrief.ingest.extract import build_article
from newsbrief.ingest.feeds import ParsedFeed, parse_feed
from newsbrief.ingest.fetch import FetchOutcome, FetchRequest, FetchSettings, fetch_all
from newsbrief.model import Article, Entry, FetchResult, Skip
from newsbrief.stopping import check as check_stop
from newsbrief.stopping import requested as stop_requested

LOGGER = logging.getLogger(__name__)

__all__ = [
    "Built", "FeedParser", "PageJob", "default_workers", "fetch_and_build", "parse_feed_job", "start_pool", "stop_pool",
    "worker_pool",
]

_Job = tuple[int, Entry, FetchResult | None, str, dt.datetime]
_BatchFuture = Future[list[tuple[int, Article | Skip, int]]]


@dataclass(frozen=True, slots=True)
class PageJob:
    """One entry to turn into an article; ``fetch_page`` asks for its page first."""

    entry: Entry
    outlet: str
    fetch_page: bool = False


@dataclass(frozen=True, slots=True)
class Built:
    """What became of one :class:`PageJob`, in the order of the jobs given.

    ``page_error`` says why its page could not be used (the feed text was kept);
    ``similarity`` is the article's :func:`newsbrief.ingest.dedup.simhash` (0 for a Skip);
    ``lost`` marks a Skip because the worker process building it died: the item itself was
    never tried, so its feed should be read again next time.
    """

    made: Article | Skip
    similarity: int
    page_error: str = ""
    page_fetched: bool = False
    lost: bool = False


def default_workers(n_items: int, *, minimum: int = 64) -> int:
    """Return how many extraction processes to use: the CPU count for big batches, else 1.

    :param n_items: how many items the run will extract.
    :param minimum: below this many items, forking workers costs more than it saves.
    """
    return max(1, os.cpu_count() or 1) if n_items >= minimum else 1


def _ready() -> int:
    return os.getpid()


def _fresh_std_streams() -> None:
    """Give a forked worker its own stdout/stderr objects (and point log handlers at them).

    A parent thread (a progress bar) may have held the buffer lock of ``sys.stderr`` at the
    moment of the fork; that lock would stay held for ever in the child, and the worker's
    first warning would hang it. New file objects on duplicated descriptors have fresh locks.
    """
    sys.stdout = open(os.dup(1), "w", buffering=1, encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open(os.dup(2), "w", buffering=1, encoding="utf-8", errors="replace")  # noqa: SIM115
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            handler.setStream(sys.stderr)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when ``parent`` dies (Linux), and exit if it already has.

    Without this, a parent killed with ``kill -9`` leaves its workers waiting for work for
    ever. The kernel signal is armed first, then ``getppid`` closes the race of a parent that
    died between the fork and the ``prctl`` call.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            LOGGER.debug("workers: prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))
    except (OSError, AttributeError) as exc:  # no prctl in this libc
        LOGGER.debug("workers: cannot arm the parent-death signal: %s", exc)
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(parent: int | None) -> None:
    """Prepare a forked worker: die with ``parent`` (Linux), leave Ctrl-C and SIGTERM to it, new std streams."""
    if parent is not None:
        _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through the fork
    _fresh_std_streams()


def start_pool(workers: int) -> ProcessPoolExecutor | None:
    """Return a pool with its ``workers`` processes already forked, or None for ``workers <= 1``.

    Forking now, before the event loop and its threads start, keeps the children clean. On
    Linux the workers are forked (whatever Python's default start method) and each one dies
    with this process; elsewhere the platform's default start method is used.

    :param workers: how many processes.
    """
    if workers <= 1:
        return None
    if sys.platform.startswith("linux"):
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker, initargs=(os.getpid(),))
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(None,))
    try:
        for future in [pool.submit(_ready) for _ in range(workers)]:
            future.result()
    except BaseException:
        stop_pool(pool)
        raise
    return pool


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel the pool's pending work and terminate its workers now, without waiting for their work.

    A worker terminated while it sends a result leaves half a message in the result pipe, and
    the pool's manager thread would wait for the rest for ever (and this process, at exit, for
    that thread). Once the workers are gone, this process closes its own copy of the pipe's
    writing end, so that wait ends at once, and waits for that thread to end. (The pool's
    internals are read defensively; without them, Python 3.14's ``terminate_workers`` is used.)

    :param pool: a pool from :func:`start_pool`.
    """
    processes = getattr(pool, "_processes", None)
    results = getattr(pool, "_result_queue", None)
    if processes is None:
        terminate = getattr(pool, "terminate_workers", None)
        if terminate is not None:
            terminate()
        else:
            pool.shutdown(wait=False, cancel_futures=True)
        return
    workers = list(processes.values())  # shutdown() forgets them
    manager = getattr(pool, "_executor_manager_thread", None)  # and its manager thread
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    writer = getattr(results, "_writer", None)
    if writer is not None and not any(process.is_alive() for process in workers):
        writer.close()
    if manager is not None:
        # The manager thread closes its wake-up pipe as it ends. Python's exit hook writes to that
        # pipe; racing with the close, it printed "OSError: Bad file descriptor" on a stopped fetch.
        manager.join(timeout=5)
        # A manager still ending on a loaded machine: the exit hook must not write to its pipe at all
        # (the interpreter still joins the thread at exit, as it joins every non-daemon thread).
        wakeups = getattr(concurrent.futures.process, "_threads_wakeups", None)
        if wakeups is not None:
            wakeups.pop(manager, None)


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """Yield :func:`start_pool`'s pool; shut it down after the block, stopping it at once on an error.

    When the block ends normally the pool finishes its work and exits; when it raises
    (Ctrl-C, SIGTERM, a store error) pending work is cancelled and the workers terminated.

    :param workers: how many processes (1 or fewer: no pool, None is yielded).
    """
    pool = start_pool(workers)
    if pool is None:
        yield None
        return
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def parse_feed_job(content: bytes, url: str, headers: Mapping[str, str]) -> ParsedFeed | str:
    """Parse one feed body; return the ParseError's message instead of raising it.

    :param content: the body as fetched.
    :param url: the feed's final URL.
    :param headers: the HTTP response headers.
    """
    try:
        return parse_feed(content, url=url, headers=headers)
    except ParseError as exc:
        return str(exc)


class FeedParser:
    """Parse fetched feeds in the pool as they arrive; :meth:`result` waits for one.

    Without a pool, or when the worker died, the feed is parsed in this process instead.

    :param pool: a running pool (from :func:`start_pool`), or None.
    """

    def __init__(self, pool: Executor | None) -> None:
        self.pool = pool
        self.pending: dict[str, Future[ParsedFeed | str]] = {}

    def submit(self, outcome: FetchOutcome) -> None:
        """Start parsing a fetched feed (an ``on_done`` callback of :func:`fetch_all`)."""
        result = outcome.result
        if self.pool is None or result is None or result.not_modified or not result.content:
            return
        try:
            self.pending[outcome.request.url] = self.pool.submit(
                parse_feed_job, result.content, result.final_url, dict(result.headers)
            )
        except (BrokenProcessPool, RuntimeError):  # the pool is gone: result() parses it here
            return

    def result(self, url: str, result: FetchResult) -> ParsedFeed | str:
        """Return the parsed feed fetched from ``url`` (a string: the parse error).

        :param url: the requested URL (the key :meth:`submit` used).
        :param result: what was fetched.
        """
        future = self.pending.pop(url, None)
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool as exc:
                LOGGER.warning("parse: a worker process died (%s); parsing %s in this process", exc, url)
        return parse_feed_job(result.content, result.final_url, result.headers)


def _build_batch(jobs: Sequence[_Job]) -> list[tuple[int, Article | Skip, int]]:
    out: list[tuple[int, Article | Skip, int]] = []
    for index, entry, page, outlet, fetched_at in jobs:
        made = build_article(entry, page=page, outlet=outlet, fetched_at=fetched_at)
        out.append((index, made, simhash(made.text) if isinstance(made, Article) and made.text else 0))
    return out


def fetch_and_build(
    jobs: Sequence[PageJob],
    *,
    settings: FetchSettings,
    fetched_at: dt.datetime,
    transport: httpx.AsyncBaseTransport | None = None,
    workers: int = 1,
    pool: Executor | None = None,
    batch: int = 16,
    on_page: Callable[[FetchOutcome], None] | None = None,
    on_built: Callable[[list[tuple[int, Built]]], None] | None = None,
) -> list[Built]:
    """Fetch the pages the jobs ask for and build every job's article, overlapping the two.

    :param jobs: the entries, with whether each one's page should be downloaded.
    :param settings: fetch limits, politeness and safety for the page downloads.
    :param fetched_at: when the entries were first seen (UTC).
    :param transport: an httpx transport to use instead of the network (tests).
    :param workers: extraction processes when no ``pool`` is given; 1 extracts in this process.
    :param pool: a running pool (from :func:`start_pool`) to use and leave running.
    :param batch: items sent to a worker at a time.
    :param on_page: called with each page outcome as it completes (progress bars).
    :param on_built: called in this thread with the finished jobs as ``(job index, Built)``, in
        job order: each call continues where the previous one stopped, as soon as the jobs next
        in line are done, so the caller can store them before the rest is done (and sees them
        in the same order whatever the timing). An exception it raises stops the building and
        is raised here once the page downloads have ended.
    """
    if pool is None and workers > 1 and len(jobs) >= 2 * batch:
        with worker_pool(workers) as own:
            return _Builder(jobs, fetched_at=fetched_at, pool=own, batch=batch, on_page=on_page,
                            on_built=on_built).run(settings, transport)
    return _Builder(jobs, fetched_at=fetched_at, pool=pool, batch=batch, on_page=on_page,
                    on_built=on_built).run(settings, transport)


class _Builder:
    """One :func:`fetch_and_build` call: the jobs in flight and the ones finished."""

    def __init__(
        self, jobs: Sequence[PageJob], *, fetched_at: dt.datetime, pool: Executor | None, batch: int,
        on_page: Callable[[FetchOutcome], None] | None, on_built: Callable[[list[tuple[int, Built]]], None] | None,
    ) -> None:
        self.jobs, self.fetched_at, self.pool, self.batch = jobs, fetched_at, pool, batch
        self.on_page, self.on_built = on_page, on_built
        self.by_url: dict[str, list[int]] = {}
        for index, job in enumerate(jobs):
            if job.fetch_page and job.entry.link:
                self.by_url.setdefault(job.entry.link, []).append(index)
        self.with_page = {i for indices in self.by_url.values() for i in indices}
        self.page_errors: dict[int, str] = {}
        self.results: dict[int, Built] = {}
        self.delivered = 0  # jobs before this index went to on_built
        self.pending: list[_Job] = []
        self.running: dict[_BatchFuture, list[_Job]] = {}  # batches in the pool
        self.finished: queue.SimpleQueue[_BatchFuture] = queue.SimpleQueue()  # done, not handed on yet
        self.failure: Exception | None = None

    def run(self, settings: FetchSettings, transport: httpx.AsyncBaseTransport | None) -> list[Built]:
        for index, job in enumerate(self.jobs):
            if not (job.fetch_page and job.entry.link):
                self.pending.append((index, job.entry, None, job.outlet, self.fetched_at))
        self.flush()
        if self.by_url:
            requests = [FetchRequest(url, kind="page") for url in self.by_url]
            fetch_all(requests, settings=settings, transport=transport, on_done=self.page_done)
        check_stop()  # a stop requested while the downloads ended
        if self.failure is not None:
            raise self.failure
        if self.pool is None:
            # built after the downloads, so the event loop never stalls
            for start in range(0, len(self.pending), self.batch):
                self.deliver([(index, self.built(index, made, similarity))
                              for index, made, similarity in _build_batch(self.pending[start:start + self.batch])])
        else:
            self.flush(force=True)
            while self.running:
                future = self.finished.get()
                self.deliver(self.harvest(future, self.running.pop(future)))
        return [self.results[i] for i in range(len(self.jobs))]

    def built(self, index: int, made: Article | Skip, similarity: int, *, lost: bool = False) -> Built:
        return Built(made=made, similarity=similarity, page_error=self.page_errors.get(index, ""),
                     page_fetched=index in self.with_page, lost=lost)

    def deliver(self, group: list[tuple[int, Built]]) -> None:
        for index, built in group:
            self.results[index] = built
        start = self.delivered
        while self.delivered in self.results:
            self.delivered += 1
        if self.delivered > start and self.on_built is not None:
            self.on_built([(i, self.results[i]) for i in range(start, self.delivered)])

    def lose(self, chunk: Sequence[_Job], why: BaseException) -> list[tuple[int, Built]]:
        # A worker process died (a crash in a parser, or killed for memory): its items are recorded
        # as skipped with the reason, marked lost so their feeds are read again, and the run goes on.
        # When the run is being stopped (SIGTERM reaches the workers too), the stop wins: nothing is recorded.
        check_stop()
        LOGGER.warning("extract: a worker process died; %d items skipped (%s)", len(chunk), why)
        return [
            (index, self.built(index, Skip(what=entry.link or entry.guid or entry.source_url,
                                           reason=f"extract: worker process died ({why})", stage="extract"), 0,
                               lost=True))
            for index, entry, _page, _outlet, _at in chunk
        ]

    def harvest(self, future: _BatchFuture, chunk: Sequence[_Job]) -> list[tuple[int, Built]]:
        try:
            return [(index, self.built(index, made, similarity)) for index, made, similarity in future.result()]
        except BrokenProcessPool as broken:
            return self.lose(chunk, broken)

    def flush(self, force: bool = False) -> None:
        """Send full batches (all of them with ``force``) to the pool."""
        if self.pool is None:
            return
        while self.pending and (force or len(self.pending) >= self.batch):
            chunk = self.pending[:self.batch]
            del self.pending[:self.batch]
            try:
                future = self.pool.submit(_build_batch, chunk)
            except (BrokenProcessPool, RuntimeError) as exc:  # a worker died earlier: the pool is gone
                self.deliver(self.lose(chunk, exc))
                continue
            self.running[future] = chunk
            future.add_done_callback(self.finished.put)

    def page_done(self, outcome: FetchOutcome) -> None:
        """Queue the items of a downloaded page, and hand on what the workers finished meanwhile."""
        for index in self.by_url.get(outcome.request.url, ()):
            if outcome.error:
                self.page_errors[index] = outcome.error
            job = self.jobs[index]
            self.pending.append((index, job.entry, outcome.result, job.outlet, self.fetched_at))
        if self.failure is None and not stop_requested():  # stopping: build and store nothing more
            try:
                self.flush()
                while True:
                    future = self.finished.get_nowait()
                    self.deliver(self.harvest(future, self.running.pop(future)))
            except queue.Empty:
                pass
            except Exception as exc:  # raised by run() once the downloads end (fetch_all would only log it)
                self.failure = exc
        if self.on_page is not None:
            self.on_page(outcome)
