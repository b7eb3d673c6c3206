"""Replay a recorded article stream through the per-article stages, and project the measured costs.

The scale-out benchmark (``bench/scale_replay.py``) repeats a JSONL of real articles (``id``,
``published``, ``source``, ``title``, ``content`` with paragraphs separated by newlines) until
it reaches the size asked for, and feeds each article to the ingest stage as a feed entry
whose full text is in the feed, as after a download: no network.

- :func:`replay_entries` gives repeat ``r`` of an article the id ``<id>#r<r>``, its own URL
  (``.../<id>/r<r>``: a URL fragment would be cut by the canonical URL, and the repeat would
  be the same stored article) and a publication time ``r`` periods later, so that no repeat
  is a copy of another within the dedup window, and each repeat meets the density of stories
  the recorded stream has;
- :func:`build_task`, :func:`embed_task` and :func:`analyse_task` are what a worker process
  runs on one batch: the stage functions the pipeline runs (``fetch_and_build``, the embedder's
  ``encode`` on ``article_text``, ``analyse_articles``), timed, with the worker's peak memory;
- :func:`project` is the arithmetic that turns measured per-article costs into throughput and
  hours for more articles, workers and machines.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
import re
import resource
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np

from ..article_cache import analyse_articles
from newsbrief.cluster.embed import Embedder, article_text, load_embedder
from newsbrief.ingest.fetch import FetchSettings
from newsbrief.ingest.workers import Built, PageJob, fetch_and_build
from ..model import Article, Entry
from ..store.base import Store
from .jsonl import read_jsonl

__all__ = ["DEDUP_DAYS", "Projection", "TaskResult", "analyse_task", "build_task", "consumer_fit", "embed_task", "project",
           "read_records", "repeat_id", "repeat_period", "replay_entries", "worker_memory"]

DEDUP_DAYS = 30
"""Days of stored articles an ingest run's dedup compares new articles with (``IngestWriter``)."""


def read_records(path: Path) -> list[dict[str, Any]]:
    """Return the articles of a JSONL (or JSONL.gz) file, oldest first.

    :param path: the recorded articles.
    """
    rows = [row for _, row in read_jsonl(path)]
    return sorted(rows, key=lambda r: (str(r["published"]), str(r["id"])))


def repeat_id(ident: str, repeat: int) -> str:
    """Return the id of repeat ``repeat`` of a recorded article (repeat 0 keeps its id).

    :param ident: the recorded id.
    :param repeat: 0 for the first pass over the records, 1 for the second, ...
    """
    return ident if repeat == 0 else f"{ident}#r{repeat}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "outlet"


def _when(value: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.timezone.utc)


def repeat_period(records: Sequence[Mapping[str, Any]]) -> dt.timedelta:
    """Return how far each repeat is moved in time: the records' span and the dedup window, in whole weeks.

    Whole weeks keep each weekday's load; the dedup window keeps a repeat from being found as
    a copy of the one before it.

    :param records: the recorded articles.
    """
    times = [_when(str(r["published"])) for r in records]
    span = (max(times) - min(times)) if times else dt.timedelta()
    days = span.days + 1 + DEDUP_DAYS
    return dt.timedelta(weeks=-(-days // 7))


def replay_entries(records: Sequence[Mapping[str, Any]], count: int,
                   period: dt.timedelta | None = None) -> Iterator[tuple[Entry, str]]:
    """Yield ``count`` feed entries with their outlet: the records, then their repeats, oldest first.

    :param records: the recorded articles, oldest first (:func:`read_records`).
    :param count: how many entries in all.
    :param period: how far each repeat is moved in time (default: :func:`repeat_period`).
    """
    if not records:
        return
    period = repeat_period(records) if period is None else period
    for n in range(count):
        repeat, record = divmod(n, len(records))[0], records[n % len(records)]
        outlet = str(record.get("source") or "unknown")
        ident = repeat_id(str(record["id"]), repeat)
        suffix = f"/r{repeat}" if repeat else ""
        paras = "".join(f"<p>{html.escape(p.strip())}</p>" for p in str(record.get("content") or "").split("\n")
                        if p.strip())
        link = f"https://{_slug(outlet)}.example.com/item/{record['id']}{suffix}"
        yield Entry(source_url=f"https://{_slug(outlet)}.example.com/feed", guid=ident, link=link,
                    title=str(record.get("title") or ""), published=_when(str(record["published"])) + repeat * period,
                    content_html=paras, feed_title=outlet), outlet


def worker_memory() -> tuple[int, float]:
    """Return this process's id and its peak resident memory so far, in MB (Linux ``ru_maxrss``)."""
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class TaskResult:
    """One batch done by a worker: what it made, its wall and CPU seconds, and the worker's peak memory."""

    value: Any
    seconds: float
    cpu_seconds: float
    pid: int
    peak_mb: float


def _done(value: Any, start: tuple[float, float]) -> TaskResult:
    seconds, cpu = time.perf_counter() - start[0], time.process_time() - start[1]
    pid, peak = worker_memory()
    return TaskResult(value, seconds, cpu, pid, peak)


def _start() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


@functools.lru_cache(maxsize=4)
def _embedder(prefer: str) -> Embedder:
    return load_embedder(prefer=prefer, threads=1)  # one thread per worker process


def build_task(jobs: Sequence[tuple[Entry, str]], fetched_at: dt.datetime) -> TaskResult:
    """Build the stored articles of a batch of entries (text, hashes) as the ingest workers do.

    :param jobs: ``(entry, outlet)`` pairs; their full text is in the feed, so no page is fetched.
    :param fetched_at: when the entries were seen.
    """
    start = _start()
    built: list[Built] = fetch_and_build([PageJob(entry, outlet) for entry, outlet in jobs], settings=FetchSettings(),
                                         fetched_at=fetched_at, workers=1)
    return _done(built, start)


def embed_task(items: Sequence[tuple[str, str, str]], prefer: str) -> TaskResult:
    """Embed a batch of articles as clustering does (``article_text`` of title and cleaned text).

    :param items: ``(article id, title, cleaned text)``.
    :param prefer: the ``cluster.embedder`` setting.
    """
    start = _start()
    vectors = _embedder(prefer).encode([article_text(title, text) for _, title, text in items])
    return _done({ident: vectors[i] for i, (ident, _, _) in enumerate(items)}, start)


@dataclass
class _Captured:
    """The rows ``analyse_articles`` stores, kept in memory for the caller to store itself."""

    facts: list[tuple[str, str, Sequence[Mapping[str, Any]]]] = field(default_factory=list)
    vectors: list[tuple[str, str, Sequence[str], np.ndarray]] = field(default_factory=list)
    model: str = ""
    parses: list[tuple[str, str, Sequence[str], bytes, Mapping[str, Sequence[tuple[str, str]]]]] = field(
        default_factory=list)
    parser: str = ""

    def article_facts(self, keys: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
        return {}

    def put_article_facts(self, rows: Sequence[tuple[str, str, Sequence[Mapping[str, Any]]]]) -> None:
        self.facts.extend(rows)

    def sentence_vectors(self, keys: Mapping[str, str], *, model: str) -> dict[str, tuple[list[str], np.ndarray]]:
        return {}

    def put_sentence_vectors(self, rows: Sequence[tuple[str, str, Sequence[str], np.ndarray]], *, model: str) -> None:
        self.vectors.extend(rows)
        self.model = model

    def sentence_parses(self, keys: Mapping[str, str], *,
                        model: str) -> dict[str, tuple[list[str], bytes, dict[str, tuple[tuple[str, str], ...]]]]:
        return {}

    def put_sentence_parses(self, rows: Sequence[tuple[str, str, Sequence[str], bytes,
                                                       Mapping[str, Sequence[tuple[str, str]]]]], *, model: str) -> None:
        self.parses.extend(rows)
        self.parser = model


def analyse_task(articles: Sequence[Article], prefer: str) -> TaskResult:
    """Make the facts, summary-sentence vectors and parses of a batch of articles (``analyse_articles``).

    The worker has no store: the rows ``analyse_articles`` would store come back as
    ``{"facts": rows, "vectors": rows, "model": name, "parses": rows, "parser": name}`` for the
    caller to store.

    :param articles: articles as the text stages read them (cleaned and capped).
    :param prefer: the ``cluster.embedder`` setting.
    """
    start = _start()
    captured = _Captured()
    analyse_articles(cast(Store, captured), articles, embedder=_embedder(prefer))
    return _done({"facts": captured.facts, "vectors": captured.vectors, "model": captured.model,
                  "parses": captured.parses, "parser": captured.parser}, start)


@dataclass(frozen=True)
class Projection:
    """Throughput and time to process ``articles`` on ``machines`` x ``workers`` workers, from per-article costs."""

    articles: int
    machines: int
    workers: int  # worker processes per machine
    worker_rate: float  # articles/s all workers give through the parallel stages
    consumer_rate: float  # articles/s the single clustering consumer takes
    store_rate: float  # articles/s the one store takes (all stages' writes)
    rate: float  # articles/s of the whole: the smallest of the three
    bound: str  # which one: "workers", "consumer" or "store"
    hours: float


def project(stage_seconds: Mapping[str, float], *, consumer_seconds: float, store_seconds: float, articles: int,
            machines: int, workers: int, efficiency: float = 1.0) -> Projection:
    """Project the rate and duration of a replay from measured per-article costs.

    The parallel stages (``stage_seconds``: worker seconds per article of each) run on every
    worker of every machine, each worker giving ``efficiency`` of one worker alone; the
    clustering consumer (``consumer_seconds`` per article) and the store's writes
    (``store_seconds`` per article) each run once, whatever the number of machines. The whole
    goes at the smallest of the three rates.

    :param stage_seconds: stage name -> worker seconds per article.
    :param consumer_seconds: seconds per article of the clustering consumer.
    :param store_seconds: seconds per article of the store's writes.
    :param articles: how many articles.
    :param machines: how many machines.
    :param workers: worker processes per machine.
    :param efficiency: each worker's rate relative to one worker alone (0-1).
    """
    if machines < 1 or workers < 1 or not 0 < efficiency <= 1:
        raise ValueError("project: machines and workers must be >= 1, efficiency in (0, 1]")
    per_article = sum(stage_seconds.values())
    worker_rate = machines * workers * efficiency / per_article if per_article > 0 else float("inf")
    consumer_rate = 1 / consumer_seconds if consumer_seconds > 0 else float("inf")
    store_rate = 1 / store_seconds if store_seconds > 0 else float("inf")
    rates = {"workers": worker_rate, "consumer": consumer_rate, "store": store_rate}
    bound = min(rates, key=lambda k: rates[k])
    rate = rates[bound]
    return Projection(articles, machines, workers, worker_rate, consumer_rate, store_rate, rate, bound,
                      articles / rate / 3600 if rate not in (0, float("inf")) else 0.0)


def consumer_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Fit the consumer's seconds per article as ``a + b * active stories`` (least squares); return ``(a, b)``.

    Placing an article compares it with the stories of the window, so its cost grows with
    them; with a single distinct story count the slope is 0 and ``a`` is the mean.

    :param points: ``(active stories, seconds per article)`` of each measured run.
    """
    if not points:
        raise ValueError("consumer_fit: no measured runs")
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.array([p[1] for p in points], dtype=float)
    if len(set(xs.tolist())) < 2:
        return float(ys.mean()), 0.0
    slope, intercept = np.polyfit(xs, ys, 1)
    return float(intercept), float(slope)
