"""Ingest throughput benchmark: fetch + parse + extract + dedup against a local server.

:func:`evaluate` generates ``n_feeds`` RSS feeds of ``n_items`` items each, with one full
HTML page per item (the feeds carry only teasers, so full-text extraction runs; with
``full_text=False`` the feeds carry the full content and no page is fetched). One item in
ten of every feed but the first is a syndicated copy of an item of the first feed, so dedup
has work to do. The corpus is served by a small asyncio HTTP/1.1 server on 127.0.0.1 in a
thread (ETag, Last-Modified and 304 support, keep-alive). The pipeline then runs twice:

1. first run: fetch feeds, parse, fetch the pages of teaser entries (robots.txt honoured),
   extract in a process pool fed as pages arrive, dedup with :class:`DedupIndex`;
2. second run: fetch the feeds again with the validators of the first run (all 304s).

Politeness limits are lifted for the local server (no per-host interval; 8 connections, as
httpx spends less CPU per request with a smaller pool): the bench measures our code, not a
crawl delay. Besides wall-clock figures it reports CPU milliseconds per article, which do not
move with the machine's load the way wall-clock throughput does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import os
import random
import resource
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsbrief.ingest.dedup import DedupIndex, simhash
from newsbrief.ingest.extract import detect_language, needs_page
from newsbrief.ingest.feeds import parse_feed
from newsbrief.ingest.fetch import FetchRequest, FetchSettings, fetch_all
from newsbrief.ingest.workers import FeedParser, PageJob, fetch_and_build, worker_pool
from ..model import Skip

__all__ = ["evaluate", "format_report", "main"]

LOGGER = logging.getLogger(__name__)

_WORDS = [
    "the",
    "government",
    "announced",
    "new",
    "plan",
    "budget",
    "city",
    "council",
    "vote",
    "market",
    "shares",
    "rose",
    "fell",
    "percent",
    "company",
    "quarterly",
    "results",
    "investors",
    "analysts",
    "said",
    "report",
    "week",
    "month",
    "year",
    "minister",
    "officials",
    "police",
    "court",
    "judge",
    "ruling",
    "appeal",
    "election",
    "campaign",
    "voters",
    "poll",
    "party",
    "leader",
    "opposition",
    "energy",
    "prices",
    "inflation",
    "bank",
    "interest",
    "rates",
    "economy",
    "growth",
    "jobs",
    "workers",
    "union",
    "strike",
    "talks",
    "agreement",
    "deal",
    "merger",
    "acquisition",
    "startup",
    "funding",
    "round",
    "million",
    "billion",
    "dollars",
    "euros",
    "technology",
    "software",
    "data",
    "privacy",
    "regulation",
    "law",
    "rules",
    "agency",
    "commission",
    "health",
    "hospital",
    "patients",
    "doctors",
    "study",
    "researchers",
    "university",
    "scientists",
    "climate",
    "weather",
    "storm",
    "flood",
    "heat",
    "drought",
    "water",
    "river",
    "school",
    "students",
    "teachers",
    "education",
    "housing",
    "rent",
    "homes",
    "building",
    "construction",
    "transport",
    "rail",
    "bus",
    "airport",
    "flights",
    "travel",
    "tourism",
    "summer",
    "winter",
    "festival",
    "music",
    "film",
    "award",
    "season",
    "team",
    "match",
    "coach",
    "players",
    "league",
    "win",
    "loss",
    "record",
    "fans",
    "stadium",
    "security",
    "military",
    "defence",
    "troops",
    "border",
    "talks",
    "peace",
    "treaty",
    "international",
    "summit",
    "president",
    "prime",
    "spokesperson",
    "statement",
    "interview",
    "sources",
    "familiar",
    "matter",
    "expected",
    "next",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "morning",
    "evening",
    "local",
    "residents",
    "community",
    "public",
    "service",
    "plans",
    "project",
    "cost",
    "delay",
    "review",
    "committee",
    "members",
    "board",
    "chief",
    "executive",
    "officer",
    "founder",
]


_LAST_MODIFIED = "Fri, 09 Jan 2026 06:00:00 GMT"


@dataclass(frozen=True)
class _Doc:
    body: bytes
    content_type: str
    etag: str
    last_modified: str = _LAST_MODIFIED


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(45, 80))]
        out.append(" ".join(words).capitalize() + ".")
    return out


def _page_html(title: str, paragraphs: Sequence[str], day: dt.date, byline: str) -> bytes:
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))
    related = "".join(f'<li><a href="/related/{i}">Related story number {i}</a></li>' for i in range(6))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Bench Daily</title>'
        f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">'
        f'<meta name="author" content="{byline}"></head><body><header><nav><ul>{nav}</ul></nav></header>'
        f'<main><article><h1>{title}</h1><p class="byline">By {byline}</p>{body}</article>'
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>"
        f"<footer><p>Copyright Bench Daily. All rights reserved.</p></footer></body></html>"
    ).encode()


def _corpus(base: str, *, n_feeds: int, n_items: int, full_text: bool, seed: int = 7) -> dict[str, _Doc]:
    rng = random.Random(seed)
    day = dt.date(2026, 1, 9)
    docs: dict[str, _Doc] = {}
    originals: list[list[str]] = []
    for f in range(n_feeds):
        items = []
        for i in range(n_items):
            syndicated = f > 0 and i % 10 == 0 and i < len(originals)
            paragraphs = list(originals[i]) if syndicated else _paragraphs(rng, rng.randint(6, 9))
            if f == 0:
                originals.append(paragraphs)
            title = " ".join(rng.choice(_WORDS) for _ in range(7)).capitalize()
            path = f"/f{f}/{day:%Y/%m/%d}/item-{i}.html"
            page = _page_html(title, paragraphs, day, f"Writer {f}-{i % 7}")
            docs[path] = _Doc(
                page, "text/html; charset=utf-8", '"' + hashlib.md5(page).hexdigest()[:16] + '"'
            )
            if full_text:
                description = f"<![CDATA[<p>{paragraphs[0][:140]}…</p>]]>"
                content = ""
            else:
                description = f"<![CDATA[<p>{paragraphs[0][:140]}…</p>]]>"
                content = (
                    "<content:encoded><![CDATA["
                    + "".join(f"<p>{p}</p>" for p in paragraphs)
                    + "]]></content:encoded>"
                )
            items.append(
                f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                f"<pubDate>Fri, 09 Jan 2026 {8 + i % 12:02d}:{i % 60:02d}:00 GMT</pubDate>"
                f"<description>{description}</description>{content}</item>"
            )
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Bench feed {f}</title><link>{base}/f{f}/</link>" + "".join(items) + "</channel></rss>"
        ).encode("utf-8")
        docs[f"/feed/{f}.xml"] = _Doc(
            feed, "application/rss+xml; charset=utf-8", '"' + hashlib.md5(feed).hexdigest()[:16] + '"'
        )
    return docs


class _LocalServer:
    """A minimal asyncio HTTP/1.1 server (GET, keep-alive, ETag/304) running in a thread."""

    def __init__(self) -> None:
        self.docs: dict[str, _Doc] = {}
        self.port = 0
        self.requests = 0
        self.cpu_seconds = 0.0  # CPU time of the server thread, set when it stops
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ingest-bench-server", daemon=True)
        self._server: asyncio.AbstractServer | None = None

    def __enter__(self) -> _LocalServer:  # noqa: PYI034 - final class
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=512)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self.cpu_seconds = time.thread_time()
            self._server.close()
            self._loop.run_until_complete(self._server.wait_closed())
            self._loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    break
                headers: dict[str, str] = {}
                while True:
                    line = await reader.readline()
                    if line in (b"\r\n", b"\n", b""):
                        break
                    key, _, value = line.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                parts = request_line.decode("latin-1").split()
                path = parts[1] if len(parts) > 1 else "/"
                self.requests += 1
                doc = self.docs.get(path)
                if doc is None:
                    head = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                    writer.write(head)
                elif _unchanged(headers, doc):
                    writer.write(
                        f"HTTP/1.1 304 Not Modified\r\nETag: {doc.etag}\r\nLast-Modified: {doc.last_modified}\r\n"
                        "Content-Length: 0\r\n\r\n".encode()
                    )
                else:
                    writer.write(
                        f"HTTP/1.1 200 OK\r\nContent-Type: {doc.content_type}\r\nETag: {doc.etag}\r\n"
                        f"Last-Modified: {doc.last_modified}\r\nContent-Length: {len(doc.body)}\r\n\r\n".encode()
                        + doc.body
                    )
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def _unchanged(headers: Mapping[str, str], doc: _Doc) -> bool:
    """Whether a conditional GET gets a 304: If-None-Match decides when sent (RFC 9110 13.2.2)."""
    if "if-none-match" in headers:
        return headers["if-none-match"] == doc.etag
    return headers.get("if-modified-since") == doc.last_modified


def _warm_up() -> None:
    """Import and initialise the heavy modules once, before forking workers."""
    detect_language("The council approved the budget after a long debate about fares and buses.")
    from newsbrief.ingest.extract import extract_page

    extract_page(
        _page_html("Warm up", _paragraphs(random.Random(0), 3), dt.date(2026, 1, 1), "W"), url="http://w/"
    )
    simhash("warm up text for the hash tables")


def _first_run(feed_urls: Sequence[str], settings: FetchSettings, workers: int) -> dict[str, Any]:
    """Ingest every feed once, as ``pipeline.ingest`` does (same stage functions, no store)."""
    now = dt.datetime.now(dt.UTC)
    counters = {"feed_errors": 0, "page_errors": 0, "skips": 0, "duplicates": 0, "entries": 0}
    phases: dict[str, float] = {}
    mark = time.perf_counter()
    with worker_pool(workers) as pool:  # the pipeline's pool: stopped at once if the run is interrupted
        phases["start_workers"] = time.perf_counter() - mark
        mark = time.perf_counter()
        parser = FeedParser(pool)
        feed_outcomes = fetch_all([FetchRequest(u) for u in feed_urls], settings=settings, on_done=parser.submit)
        validators = {o.request.url: (o.etag, o.last_modified) for o in feed_outcomes}
        jobs: list[PageJob] = []
        for outcome in feed_outcomes:
            if outcome.result is None:
                counters["feed_errors"] += 1
                continue
            parsed = parser.result(outcome.request.url, outcome.result)
            if isinstance(parsed, str):
                counters["feed_errors"] += 1
                continue
            counters["entries"] += len(parsed.entries)
            jobs.extend(PageJob(entry, parsed.title, needs_page(entry)) for entry in parsed.entries)
        phases["feeds"] = time.perf_counter() - mark
        mark = time.perf_counter()
        results = fetch_and_build(jobs, settings=settings, fetched_at=now, pool=pool)
        counters["page_errors"] = sum(1 for b in results if b.page_error)
        phases["pages_and_extract"] = time.perf_counter() - mark
        mark = time.perf_counter()

    index = DedupIndex()
    articles = 0
    for result in results:
        built, similarity = result.made, result.similarity
        if isinstance(built, Skip):
            counters["skips"] += 1
            continue
        articles += 1
        if index.find(built, similarity=similarity) is not None:
            counters["duplicates"] += 1
        else:
            index.add(built.id, built.content_hash, similarity)
    phases["dedup"] = time.perf_counter() - mark
    return {
        "articles": articles,
        "pages": sum(1 for b in results if b.page_fetched),
        "validators": validators,
        "phases": {k: round(v, 3) for k, v in phases.items()},
        **counters,
    }


def evaluate(
    *, n_feeds: int = 20, n_items: int = 50, full_text: bool = True, workers: int | None = None
) -> dict[str, Any]:
    """Generate, serve and ingest a synthetic corpus twice and return throughput figures.

    :param n_feeds: number of feeds.
    :param n_items: items per feed.
    :param full_text: feeds carry teasers and pages are fetched and extracted (else full feeds).
    :param workers: extraction processes (default: the CPU count; 0 or 1 extracts in this process).
    """
    workers = (os.cpu_count() or 1) if workers is None else workers
    settings = FetchSettings(
        allow_private=True, per_host_interval=0.0, per_host_concurrency=8, concurrency=8, timeout=30.0
    )
    _warm_up()
    with _LocalServer() as server:
        base = f"http://127.0.0.1:{server.port}"
        server.docs = _corpus(base, n_feeds=n_feeds, n_items=n_items, full_text=full_text)
        feed_urls = [f"{base}/feed/{f}.xml" for f in range(n_feeds)]
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before = time.process_time()
        started = time.perf_counter()
        first = _first_run(feed_urls, settings, workers)
        seconds_first = time.perf_counter() - started
        cpu_main = time.process_time() - cpu_before
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_workers = (
            children_after.ru_utime
            + children_after.ru_stime
            - children_before.ru_utime
            - children_before.ru_stime
        )

        started = time.perf_counter()
        validators = first.pop("validators")
        second = fetch_all(
            [FetchRequest(u, etag=validators[u][0], last_modified=validators[u][1]) for u in feed_urls],
            settings=settings,
        )
        for outcome in second:
            if outcome.result is not None and not outcome.result.not_modified:
                parse_feed(outcome.result.content, url=outcome.request.url, headers=outcome.result.headers)
        seconds_second = time.perf_counter() - started
        requests = server.requests
        pipeline = _through_pipeline(feed_urls, settings)
    server_cpu = server.cpu_seconds
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": first["articles"],
        "seconds_first": round(seconds_first, 3),
        "articles_per_second": round(first["articles"] / seconds_first, 1) if seconds_first else 0.0,
        "seconds_second": round(seconds_second, 3),
        "second_run_304s": sum(1 for o in second if o.result is not None and o.result.not_modified),
        "peak_rss_mb": round(max(own, children), 1),
        "feeds": n_feeds,
        "items_per_feed": n_items,
        "full_text": full_text,
        "workers": workers,
        "entries": first["entries"],
        "pages_fetched": first["pages"],
        "duplicates": first["duplicates"],
        "skips": first["skips"],
        "feed_errors": first["feed_errors"],
        "page_errors": first["page_errors"],
        "http_requests": requests,
        "peak_rss_mb_main": round(own, 1),
        "peak_rss_mb_worker": round(children, 1),
        "seconds_by_phase": first["phases"],
        "cpu_seconds_main": round(cpu_main, 3),  # includes the local server thread
        "cpu_seconds_workers": round(cpu_workers, 3),
        "cpu_ms_per_article": round(1000 * (cpu_main + cpu_workers) / max(1, first["articles"]), 3),
        "cpu_seconds_bench_server": round(server_cpu, 3),  # both runs; part of cpu_seconds_main
        "cpu_ms_per_article_without_server": round(
            1000 * (cpu_main + cpu_workers - server_cpu) / max(1, first["articles"]), 3
        ),
        **pipeline,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def _through_pipeline(feed_urls: Sequence[str], fetch: FetchSettings) -> dict[str, Any]:
    """Ingest the same feeds with ``pipeline.ingest`` into a new SQLite store (storage included)."""
    import tempfile
    from pathlib import Path

    from ..config import load_settings
    from ..pipeline import ingest
    from ..store import open_store

    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        settings = load_settings(data_dir=Path(tmp), env={}).replace(**{
            "fetch.allow_private": True, "fetch.per_host_interval": 0.0, "fetch.concurrency": fetch.concurrency,
            "fetch.per_host_concurrency": fetch.per_host_concurrency, "fetch.timeout": fetch.timeout,
        })
        with open_store(Path(tmp) / "bench.db") as store:
            for url in feed_urls:
                store.add_source(url)
            started = time.perf_counter()
            report = ingest(store, settings, force=True)
            seconds = time.perf_counter() - started
    return {
        "pipeline_articles": report.stored,
        "pipeline_seconds": round(seconds, 3),
        "pipeline_articles_per_second": round(report.stored / seconds, 1) if seconds else 0.0,
    }


def format_report(result: Mapping[str, Any]) -> str:
    """Return the benchmark result as aligned ``name: value`` lines.

    :param result: the dict :func:`evaluate` returned.
    """
    width = max(len(k) for k in result)
    return "\n".join(f"{key:<{width}}  {value}" for key, value in result.items())


def main(argv: Sequence[str] | None = None, *, printer: Callable[[str], None] = print) -> int:
    """Run the benchmark from the command line (``python -m newsbrief.eval.ingest``)."""
    import argparse

    parser = argparse.ArgumentParser(description="newsbrief ingest throughput benchmark")
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--no-full-text", action="store_true")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(
        n_feeds=args.feeds, n_items=args.items, full_text=not args.no_full_text, workers=args.workers
    )
    printer(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
