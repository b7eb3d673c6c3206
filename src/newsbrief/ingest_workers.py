"""Ingest's CPU work in worker processes, overlapped with the downloads (stages 2-3).

Parsing feeds (feedparser) and extracting pages (trafilatura, language detection,
fingerprints) cost more CPU than downloading them, so they run in worker processes while the
event loop keeps fetching:

- :func:`start_pool` forks the workers before any event loop or download runs;
- :func:`parse_feed_job` is what a worker runs for one feed body (a ParseError comes back
  as its message);
- :func:`fetch_and_build` hands the workers the items whose feed already carries the text
  at once, and each page as soon as it arrives, in small batches. The workers also compute
  each article's similarity hash, which the dedup stage needs next.

Without a pool (``workers=1``) everything runs in this process, after the downloads, with
the same results.

The pipeline (:func:`newsbrief.pipeline.ingest`) and the ingest benchmark
(``newsbrief eval ingest``) both call this function, so the benchmark measures the code
that runs in production.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import httpx

from .dedup import simhash
from .errors import ParseError
from .extract import build_article
from .feeds import ParsedFeed, parse_feed
from .fetch import FetchOutcome, FetchRequest, FetchSettings, fetch_all
from .model import Article, Entry, FetchResult, Skip

LOGGER = logging.getLogger(__name__)

__all__ = ["Built", "FeedParser", "PageJob", "default_workers", "fetch_and_build", "parse_feed_job", "start_pool"]

_Job = tuple[int, Entry, FetchResult | None, str, dt.datetime]


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
    ``similarity`` is the article's :func:`newsbrief.dedup.simhash` (0 for a Skip).
    """

    made: Article | Skip
    similarity: int
    page_error: str = ""
    page_fetched: bool = False


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


def start_pool(workers: int) -> ProcessPoolExecutor | None:
    """Return a pool with its ``workers`` processes already forked, or None for ``workers <= 1``.

    Forking now, before the event loop and its threads start, keeps the children clean.

    :param workers: how many processes.
    """
    if workers <= 1:
        return None
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_fresh_std_streams)
    for future in [pool.submit(_ready) for _ in range(workers)]:
        future.result()
    return pool


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
    """
    by_url: dict[str, list[int]] = {}
    for index, job in enumerate(jobs):
        if job.fetch_page and job.entry.link:
            by_url.setdefault(job.entry.link, []).append(index)
    page_errors: dict[int, str] = {}
    results: dict[int, tuple[Article | Skip, int]] = {}
    pending: list[_Job] = []
    futures: list[tuple[Future[list[tuple[int, Article | Skip, int]]], list[_Job]]] = []
    lost: list[tuple[list[_Job], BaseException]] = []
    own_pool = pool is None and workers > 1 and len(jobs) >= 2 * batch
    if own_pool:
        pool = start_pool(workers)

    def flush(force: bool = False) -> None:
        if pool is None:
            return  # built after the downloads (below), so the event loop never stalls
        while pending and (force or len(pending) >= batch):
            chunk = pending[:batch]
            del pending[:batch]
            try:
                futures.append((pool.submit(_build_batch, chunk), chunk))
            except (BrokenProcessPool, RuntimeError) as exc:  # a worker died earlier: the pool is gone
                lost.append((chunk, exc))

    def page_done(outcome: FetchOutcome) -> None:
        for index in by_url.get(outcome.request.url, ()):
            if outcome.error:
                page_errors[index] = outcome.error
            job = jobs[index]
            pending.append((index, job.entry, outcome.result, job.outlet, fetched_at))
        flush()
        if on_page is not None:
            on_page(outcome)

    try:
        for index, job in enumerate(jobs):
            if not (job.fetch_page and job.entry.link):
                pending.append((index, job.entry, None, job.outlet, fetched_at))
        flush()
        if by_url:
            requests = [FetchRequest(url, kind="page") for url in by_url]
            fetch_all(requests, settings=settings, transport=transport, on_done=page_done)
        if pool is None:
            for index, made, similarity in _build_batch(pending):
                results[index] = (made, similarity)
        else:
            flush(force=True)
            for future, chunk in futures:
                try:
                    for index, made, similarity in future.result():
                        results[index] = (made, similarity)
                except BrokenProcessPool as broken:
                    lost.append((chunk, broken))
            for chunk, why in lost:
                # A worker process died (a crash in a parser, or killed for memory): its items are
                # recorded as skipped with the reason, and the run goes on without them.
                LOGGER.warning("extract: a worker process died; %d items skipped (%s)", len(chunk), why)
                for index, entry, _page, _outlet, _at in chunk:
                    what = entry.link or entry.guid or entry.source_url
                    results[index] = (Skip(what=what, reason=f"extract: worker process died ({why})",
                                           stage="extract"), 0)
    finally:
        if own_pool and pool is not None:
            pool.shutdown(cancel_futures=True)
    fetched = {i for indices in by_url.values() for i in indices}
    return [
        Built(made=results[i][0], similarity=results[i][1], page_error=page_errors.get(i, ""),
              page_fetched=i in fetched)
        for i in range(len(jobs))
    ]
