"""The orchestrator: the only place that sequences the stages and touches the store.

:func:`run` executes, in order:

1. **fetch**     sources due for a poll -> responses (conditional GET, politeness in ingest/fetch.py)
2. **parse**     responses -> feed entries (RSS, Atom, JSON Feed)
3. **extract**   entries (+ their pages when the feed only has a teaser) -> articles
4. **dedup**     articles -> new originals, or copies attached to the article they repeat
5. **cluster**   new articles, boilerplate cut (clean/boilerplate.py, raw text kept) -> stories (streaming, stable ids)
6. **rank**      the day's stories -> ordered, with the parts of each score
7. **facts**     the day's articles -> entities, funding rounds, regulation, events
8. **summarize** each story -> headline and cited sentences
9. **compose**   ranked stories + summaries + facts -> the digest
10. **render**   digest -> Markdown, HTML, email HTML, text, JSON files

:func:`ingest` runs 1-4 and :func:`build_digest` runs 5-9, so ``newsbrief fetch`` and
``newsbrief digest`` can be scheduled separately. A failure of one source, page or
article is recorded (on the source row or as a skip) and the run goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Sequence, Set as AbstractSet
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from . import render as render_mod
from .article_cache import analyse_articles, facts_of
from newsbrief.clean.boilerplate import CLEANER_VERSION, TEMPLATE_HISTORY, Cleaned, clean_text, template_lines
from newsbrief.cluster.stream import ClusterDoc, ClusterParams, Split, StreamClusterer
from newsbrief.digest.agency import agency_credit
from newsbrief.digest.compose import ComposeOptions, StoryBundle, compose_digest
from .config import Settings
from newsbrief.cluster.embed import Embedder, article_text, load_embedder, vector_cache_key
from .engine import EmbedderRef, Engine, InProcess, resolve_embedder
from .errors import FetchError, NoArticlesError, ParseError
from newsbrief.ingest.extract import needs_page
from .facts import fact_to_dict, merge_facts
from newsbrief.ingest.feeds import parse_feed
from newsbrief.ingest.fetch import (
    FetchOutcome,
    FetchRequest,
    FetchSettings,
    fetch_all,
    next_poll,
    read_local,
)
from newsbrief.ingest.workers import (
    FeedParser,
    PageJob,
    default_workers,
    fetch_and_build,
    worker_pool,
)
from newsbrief.ingest.writer import IngestReport, IngestWriter
from .model import Article, Digest, DigestItem, Entry, Regulation, Skip, Source, Summary
from newsbrief.digest.newsworthiness import COMMENTARY, source_priors
from newsbrief.digest.rank import RankedStory, StoryInput, rank_stories
from newsbrief.digest.window import first_window, window_suffices
from .store.base import Store
from .store.leases import lease_owner
from .llm.lede import with_written_lede
from .llm.writer import backend_from_settings, writer_from_settings
from newsbrief.cluster.storylines import StorylineParams, earlier_events, event_profile, storylines
from .summarize import summarize_story
from newsbrief.summarize.extractive import DEFAULT_PARAMS
from newsbrief.summarize.headline import choose_headline
from newsbrief.clean.text_cap import cap_article, cap_text
from newsbrief.ingest.urls import is_http_url

__all__ = ["IngestReport", "Progress", "analyse_new", "outlet_name", "build_digest", "feed_files", "fetch_settings", "ingest",
           "no_articles_message", "run",
           "write_outputs"]

LOGGER = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed"}


_POOL_MIN_FEEDS = 8  # fewer remote feeds than this: parse and extract in this process
EARLIER_EVENTS = 3  # most earlier events of its storyline a digest story lists


def _noop(stage: str, done: int, total: int) -> None:
    return None


def fetch_settings(settings: Settings) -> FetchSettings:
    """Return the fetch stage's slice of the settings.

    :param settings: resolved settings.
    """
    values = settings.section("fetch")
    values.pop("full_text", None)
    values["proxy"] = values.get("proxy") or None
    names = {f.name for f in dataclasses.fields(FetchSettings)}
    return FetchSettings(**{k: v for k, v in values.items() if k in names})


def _is_local(url: str) -> bool:
    return not is_http_url(url)


def _local_files(path: str) -> list[str]:
    p = Path(path)
    if p.is_dir():
        return sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FEED_SUFFIXES)
    return [path]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def ingest(
    store: Store, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress = _noop, now: dt.datetime | None = None, force: bool = False,
    report: IngestReport | None = None, engine: Engine | None = None,
) -> IngestReport:
    """Run stages 1-4 for every source due for a poll and store the new articles.

    Articles are stored as each batch is built, and a source's new state (validators, last
    success, next poll) in the same transaction as its last new article
    (:mod:`newsbrief.ingest.writer`): a run stopped at any point leaves every source either
    complete or due again, and the next run brings back what is missing, once. When the run
    is interrupted (Ctrl-C, SIGTERM) the worker processes are terminated.

    :param store: the store.
    :param settings: resolved settings.
    :param transport: httpx transport (tests inject one); default: the network.
    :param progress: callback ``(stage, done, total)``.
    :param now: the current time (tests pin it).
    :param force: poll every source, even those not yet due.
    :param report: the report to fill as the run goes (a caller that catches an interruption
        reads what was stored from it); default: a new one.
    :param engine: where feeds are parsed and articles built (:mod:`newsbrief.engine`); default:
        worker processes forked for the run.
    """
    now = now or _now()
    fset = fetch_settings(settings)
    report = report if report is not None else IngestReport()
    sources = store.sources()
    rows = {r["id"]: r for r in store.source_rows()}
    due = [s for s in sources if force or not rows[s.id]["next_poll_at"] or rows[s.id]["next_poll_at"] <= now.isoformat()]
    # another scheduler on the same store may be polling: fetch only the sources leased to this run
    owner = lease_owner()
    leased = set(store.take_leases([s.id for s in due if s.id is not None], owner=owner, now=now, due_only=not force))
    due = [s for s in due if s.id in leased]
    report.sources = report.left = len(due)
    writer = IngestWriter(store, report, now=now)

    # 1. fetch: remote feeds with their validators; local files read directly.
    remote = [s for s in due if not _is_local(s.url)]
    requests = [FetchRequest(s.url, etag=s.etag, last_modified=s.last_modified) for s in remote]
    done = [0]
    # Worker processes parse feeds as they arrive, then extract pages (newsbrief.ingest.workers).
    with _leases_held(store, owner), _ingest_pool(engine, default_workers(len(remote), minimum=_POOL_MIN_FEEDS)) as pool:
        parser = FeedParser(pool)

        def tick(outcome: FetchOutcome) -> None:
            done[0] += 1
            progress("fetch", done[0], len(due))
            parser.submit(outcome)

        outcomes = fetch_all(requests, settings=fset, transport=transport, on_done=tick) if requests else []
        # 2. parse: each source's entries; its new state waits in the writer for its articles.
        entries: list[tuple[Entry, Source, str]] = []
        for source, outcome in zip(remote, outcomes):
            polled = [_handle_feed(store, source, outcome, parser, fset=fset, now=now,
                                   errors=int(rows[source.id]["error_count"]))]
            entries.extend(_settle(source, polled, writer=writer, report=report))
        for source in (s for s in due if _is_local(s.url)):
            files = _local_files(source.url)
            polled = [_handle_feed(store, source, _read_local(path), parser, fset=fset, now=now,
                                   errors=int(rows[source.id]["error_count"]), local=True) for path in files]
            if not files:
                missing = FetchOutcome(FetchRequest(source.url), None,
                                       f"fetch: no feed files (*.xml, *.rss, *.atom, *.json) in {source.url}")
                polled.append(_handle_feed(store, source, missing, parser, fset=fset, now=now,
                                           errors=int(rows[source.id]["error_count"]), local=True))
            entries.extend(_settle(source, polled, writer=writer, report=report))
            tick(FetchOutcome(FetchRequest(source.url), None, None))

        # 3. extract: fetch pages for teasers, then build articles (stored as each batch is done).
        planned = writer.plan(entries)
        writer.store_idle()
        # Pages download while worker processes extract (newsbrief.ingest.workers).
        want_pages = bool(settings["fetch.full_text"])
        jobs = [
            PageJob(p.entry, p.outlet, want_pages and p.entry.link.startswith(("http://", "https://")) and needs_page(p.entry))
            for p in planned
        ]
        n_pages = sum(job.fetch_page for job in jobs)
        page_done = [0]

        def page_tick(_: FetchOutcome) -> None:
            page_done[0] += 1
            progress("pages", page_done[0], n_pages)

        # 4. dedup and store each batch as it is built (newsbrief.ingest.writer).
        fetch_and_build(jobs, settings=fset, fetched_at=now, transport=transport, workers=default_workers(len(jobs)),
                        pool=pool, on_page=page_tick,
                        on_built=lambda group: writer.add([(planned[i], built) for i, built in group]))
        progress("extract", len(jobs), len(jobs))
    return report


@contextlib.contextmanager
def _ingest_pool(engine: Engine | None, workers: int) -> Iterator[Executor | None]:
    """Yield the engine's task pool, or worker processes forked for this run (none: ``workers <= 1``).

    When the block raises, the engine's tasks still running are cancelled.
    """
    if engine is None or engine.pool is None:
        with worker_pool(workers) as pool:
            yield pool
        return
    try:
        yield engine.pool
    except BaseException:
        engine.pool.shutdown(wait=False, cancel_futures=True)
        raise


@contextlib.contextmanager
def _leases_held(store: Store, owner: str) -> Iterator[None]:
    """Release the run's source leases when the block ends, however it ends."""
    try:
        yield
    finally:
        store.release_leases(owner)


def _read_local(path: str) -> FetchOutcome:
    try:
        return FetchOutcome(FetchRequest(path), read_local(path), None)
    except FetchError as exc:
        return FetchOutcome(FetchRequest(path), None, str(exc))


@dataclass
class _Polled:
    """One feed read for a source: how it went, the source's new state, and its entries."""

    status: str  # "fetched", "not_modified" or "failed"
    state: dict[str, Any]
    entries: list[tuple[Entry, Source, str]]
    error: str = ""


def _settle(source: Source, polled: Sequence[_Polled], *, writer: IngestWriter,
            report: IngestReport) -> list[tuple[Entry, Source, str]]:
    """Count a polled source once, hand its new state to the writer and return its entries.

    A local folder is one source read as several files: it failed when any file failed.
    """
    assert source.id is not None
    statuses = {p.status for p in polled}
    if "failed" in statuses:
        report.failed += 1
    elif statuses == {"not_modified"}:
        report.not_modified += 1
    else:
        report.fetched += 1
    out: list[tuple[Entry, Source, str]] = []
    for p in polled:
        writer.hold(source.id, p.state)
        if p.error:
            report.errors.append(f"{source.url}: {p.error}")
        out.extend(p.entries)
    return out


def _handle_feed(
    store: Store, source: Source, outcome: FetchOutcome, parser: FeedParser, *, fset: FetchSettings,
    now: dt.datetime, errors: int, local: bool = False,
) -> _Polled:
    """Return a source's new state after one fetch outcome, and its parsed entries (stage 2)."""
    assert source.id is not None
    health: dict[str, Any] = {"last_fetch_at": now}
    result = outcome.result
    if outcome.error or result is None:
        error = outcome.error or "fetch: no response"
        health.update(error_count=errors + 1, last_error=error,
                      next_poll_at=next_poll(now=now, outcome=outcome, error_count=errors + 1, settings=fset))
        return _Polled("failed", health, [], error)
    health.update(http_status=result.status, next_poll_at=next_poll(now=now, outcome=outcome, error_count=0, settings=fset))
    if result.not_modified:
        health.update(error_count=0, last_success_at=now, last_error=None)
        return _Polled("not_modified", health, [])
    parsed = parser.result(outcome.request.url, result)
    if isinstance(parsed, str):
        health.update(error_count=errors + 1, last_error=parsed,
                      next_poll_at=next_poll(now=now, outcome=FetchOutcome(outcome.request, None, parsed),
                                             error_count=errors + 1, settings=fset))
        return _Polled("failed", health, [], parsed)
    if not local:
        health.update(etag=result.headers.get("etag"), last_modified=result.headers.get("last-modified"))
        if result.permanent_redirect and result.final_url != source.url and store.get_source(result.final_url) is None:
            health["url"] = result.final_url
    health.update(error_count=0, last_success_at=now, format=parsed.format, item_count=len(parsed.entries),
                  last_error=("parse: " + "; ".join(parsed.problems))[:500] if parsed.problems else None)
    if not source.title and parsed.title:
        health["title"] = parsed.title
    if parsed.site_url:
        health["site_url"] = parsed.site_url
    outlet = outlet_name(source.title or parsed.title or (httpx.URL(source.url).host if not local else Path(source.url).stem))
    return _Polled("fetched", health, [(e, source, outlet) for e in parsed.entries])


_SECTION_WORDS = {"all", "stories", "latest", "news", "feed", "rss", "atom", "top", "home", "headlines", "posts", "articles",
                  "everything", "main", "full", "updates", "blog"}


def outlet_name(feed_title: str) -> str:
    """Return the outlet's name from a feed title: ``"Circuit Ledger - AI"`` -> ``"Circuit Ledger"``.

    A trailing part after `` - ``, `` | ``, `` — `` or ``: `` is dropped when it is a short
    section label (up to three words); ``"Foundry Street deals"`` stays as it is.

    :param feed_title: the source's or the feed's title.
    """
    import re

    parts = re.split(r"\s+[-|\u2013\u2014:]\s+|:\s+", feed_title.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0] and len(parts[1].split()) <= 3:
        return parts[0].strip()
    return feed_title.strip()


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
    return start, start + dt.timedelta(days=1)


_CLEAN_BATCH = 32  # articles cleaned per task
_ID_BATCH = 500  # article ids per query (far below SQLite's bound on a statement's parameters)


def clean_batch(items: Sequence[tuple[str, frozenset[str]]]) -> list[Cleaned]:
    """Return :func:`~newsbrief.clean.boilerplate.clean_text` of each ``(text, template lines)`` (a task of the engine).

    :param items: each article's text and its outlet's template lines.
    """
    return [clean_text(text, templates=templates) for text, templates in items]


def encode_batch(texts: Sequence[str], embedder: Embedder | EmbedderRef) -> Any:
    """Return the embedder's vectors of ``texts`` (a task of the engine).

    :param texts: texts to embed, in one batch.
    :param embedder: the embedder, or a reference a worker loads it from.
    """
    return resolve_embedder(embedder).encode(texts)


def clean_new(store: Store, *, since: dt.datetime, engine: Engine | None = None) -> dict[str, str]:
    """Cut the boilerplate of every article the later stages will read and have not yet; return the new texts.

    Those are the unclustered articles, and the articles published since ``since`` that have no
    cleaned text made from their current text by this version of the cleaner (a teaser filled in
    later, a database from before cleaning or from an older cleaner).
    Each outlet's template lines come from its :data:`~newsbrief.clean.boilerplate.TEMPLATE_HISTORY` most
    recent stored articles and the articles being cleaned, so the first batch of a new source
    already learns from itself. The cleaned text and the cuts are stored; the raw text stays.

    :param store: the store.
    :param since: oldest publication time of a clustered article that may still need cleaning.
    :param engine: where the texts are cleaned (default: this process).
    """
    pending = store.uncleaned_articles(since=since, cleaner=CLEANER_VERSION)
    if not pending:
        return {}
    history = store.outlet_texts([a.outlet for a in pending if a.outlet], limit=TEMPLATE_HISTORY)
    texts: dict[str, dict[str, str]] = {}
    for a in pending:
        texts.setdefault(a.outlet, dict(history.get(a.outlet, [])))[a.id] = a.text
    templates = {outlet: template_lines(t.values()) if outlet else frozenset() for outlet, t in texts.items()}
    out: dict[str, str] = {}
    rows = []
    items = [(a.text, templates[a.outlet]) for a in pending]
    batches = [items[i:i + _CLEAN_BATCH] for i in range(0, len(items), _CLEAN_BATCH)]
    results = [r for batch in (engine or InProcess()).map(clean_batch, batches) for r in batch]
    for a, result in zip(pending, results, strict=True):
        out[a.id] = result.text
        rows.append((a.id, result.text, [{"line": c.line, "why": c.why, "text": c.text} for c in result.cuts]))
    store.put_cleaned(rows, cleaner=CLEANER_VERSION)
    return out


def cluster_new(store: Store, settings: Settings, *, progress: Progress = _noop, embedder: Embedder | None = None,
                engine: Engine | None = None) -> int:
    """Run stage 5 on every stored article that has no story yet; return how many were placed.

    Cleaning and embedding the new articles are tasks of the engine; placing them into stories
    is sequential, here, from the stored articles and vectors.

    :param store: the store.
    :param settings: resolved settings.
    :param progress: callback ``(stage, done, total)``.
    :param embedder: the loaded embedder (default: loaded here, as ``cluster.embedder`` says).
    :param engine: where the cleaning and embedding run (default: this process).
    """
    engine = engine or InProcess()
    new = store.unclustered_articles()
    if not new:
        return 0
    window = int(settings["cluster.window_days"])
    since = min(a.published for a in new).date() - dt.timedelta(days=window)
    cleaned = clean_new(store, since=dt.datetime.combine(since, dt.time(), dt.timezone.utc), engine=engine)
    new = [dataclasses.replace(a, text=cleaned[a.id]) if a.id in cleaned else a for a in new]
    embedder = embedder or load_embedder(prefer=settings["cluster.embedder"])
    seeded = store.memberships_since(since)
    everything = [a for a, _ in seeded] + new
    vectors = store.embeddings([a.id for a in everything], model=vector_cache_key(embedder))
    missing = [a for a in everything if a.id not in vectors]
    batches = [missing[i:i + 64] for i in range(0, len(missing), 64)]
    texts = [[article_text(a.title, a.text) for a in batch] for batch in batches]
    encoded_batches = engine.imap(encode_batch, texts, engine.embedder_arg(embedder))
    done = 0
    for batch, encoded in zip(batches, encoded_batches, strict=True):
        fresh = {a.id: encoded[j] for j, a in enumerate(batch)}
        store.put_embeddings(fresh, model=vector_cache_key(embedder))
        vectors.update(fresh)
        done += len(batch)
        progress("embed", done, len(missing))

    placed = place_articles(seeded, new, vectors, settings, embedder.name, progress=progress)
    store.put_memberships(placed.rows)
    for cut in placed.splits:
        store.split_story(cut.story_id, cut.new_story_id, cut.doc_ids,
                          {"from_story": cut.story_id, "score": cut.score, "threshold": placed.params.split_threshold})
    for source_id, target_id in placed.merges:
        store.merge_stories(source_id, target_id)
    line_params = StorylineParams()
    first_new = min(a.published for a in new).date()
    link_storylines(store, first_new - dt.timedelta(days=line_params.window_days), vectors,
                    model=vector_cache_key(embedder), params=line_params)
    return len(placed.rows)


@dataclass(frozen=True)
class Placement:
    """What stage 5 decided for new articles: memberships, then the splits and merges of repair.

    ``rows`` are ``(article id, story id, score, reasons, day)`` as placed (before the splits
    and merges); ``stories`` are the stories after them (story id -> member ids).
    """

    rows: list[tuple[str, str, float, dict[str, Any], dt.date]]
    splits: list[Split]
    merges: list[tuple[str, str]]
    stories: dict[str, tuple[str, ...]]
    params: ClusterParams


def place_articles(seeded: Sequence[tuple[Article, str]], new: Sequence[Article], vectors: dict[str, Any],
                   settings: Settings, embedder_name: str, *, progress: Progress = _noop) -> Placement:
    """Place new articles into stories, seeded with the stored memberships of the window (stage 5 in memory).

    :param seeded: stored ``(article, story id)`` of the window, oldest first.
    :param new: the articles to place (their cleaned text).
    :param vectors: article id -> its vector (every seeded and new article).
    :param settings: resolved settings (granularity, window, text caps).
    :param embedder_name: the embedder's name, which picks the calibrated parameters.
    :param progress: callback ``(stage, done, total)``.
    """
    window = int(settings["cluster.window_days"])
    limits = {"max_chars": int(settings["digest.max_article_chars"]),
              "max_sentences": int(settings["digest.max_article_sentences"])}

    def doc(a: Article) -> ClusterDoc:
        text = cap_text(a.text, **limits)[0]  # the cut is noted when build_digest reads the article
        return ClusterDoc(id=a.id, title=a.title, text=text, published=a.published, vector=vectors[a.id],
                          outlet=a.outlet)

    ann_min_open = int(settings["cluster.ann_min_open"])
    params = ClusterParams.for_embedder(embedder_name, granularity=settings["cluster.granularity"], window_days=window,
                                        ann_min_open=max(2, ann_min_open) if ann_min_open else None)
    clusterer = StreamClusterer(params=params)
    for article, story_id in seeded:
        clusterer.seed(doc(article), story_id)
    rows = []
    for n, article in enumerate(sorted(new, key=lambda a: (a.published, a.id)), 1):
        a = clusterer.add(doc(article))
        rows.append((article.id, a.story_id, a.score, dict(a.reasons), article.published.date()))
        progress("cluster", n, len(new))
    splits = clusterer.split_drifted()
    merges = clusterer.repair()
    return Placement(rows, splits, merges, dict(clusterer.stories()), params)


def link_storylines(store: Store, since: dt.date, vectors: dict[str, Any], *, model: str | None = None,
                    params: StorylineParams | None = None) -> int:
    """Group the stories with articles since ``since`` into storylines and store them; return how many.

    :param store: the store.
    :param since: first day of the stories looked at (the storyline window before the new articles).
    :param vectors: article id -> its vector.
    :param model: the embedder's cache key: vectors of articles missing from ``vectors`` are read from the store.
    :param params: the storyline settings.
    """
    by_story: dict[str, list[Article]] = {}
    for article, story_id in store.memberships_since(since):
        by_story.setdefault(story_id, []).append(article)
    missing = [a.id for arts in by_story.values() for a in arts if a.id not in vectors]
    if missing and model is not None:
        vectors = vectors | store.embeddings(missing, model=model)
    stored = store.storyline_of(list(by_story))
    events = [e for sid, arts in by_story.items()
              if (e := event_profile(sid, [(a.title, a.text, a.published, vectors.get(a.id)) for a in arts],
                                     storyline=stored.get(sid, {}).get("storyline_id"))) is not None]
    lines = storylines(events, params, taken=store.storyline_ids())
    store.put_storylines([(line.id, line.first, line.last,
                           {e: line.links[e].reasons(e) if e in line.links else {} for e in line.event_ids})
                          for line in lines], merged={m: line.id for line in lines for m in line.merged})
    return len(lines)


def analyse_new(store: Store, settings: Settings, *, progress: Progress = _noop, embedder: Embedder | None = None,
                engine: Engine | None = None) -> int:
    """Do the digest's per-article work on newly stored articles ahead of it; return how many were read.

    The new articles are cleaned and placed into stories (stage 5, :func:`cluster_new`), then
    their facts and the vectors, parses and entities of their summary sentences are made and stored
    (:mod:`newsbrief.article_cache`), so :func:`build_digest` only reads them back.
    ``newsbrief fetch`` runs it after :func:`ingest`; a digest built without it does the same
    work itself.

    :param store: the store.
    :param settings: resolved settings.
    :param progress: callback ``(stage, done, total)``.
    :param embedder: the loaded embedder (default: loaded here, as ``cluster.embedder`` says).
    :param engine: where the per-article work runs (:mod:`newsbrief.engine`; default: this process);
        the clustering itself runs here.
    """
    ids = [a.id for a in store.unclustered_articles()]
    if not ids:
        return 0
    embedder = embedder or load_embedder(prefer=settings["cluster.embedder"])
    cluster_new(store, settings, progress=progress, embedder=embedder, engine=engine)
    limits = {"max_chars": int(settings["digest.max_article_chars"]),
              "max_sentences": int(settings["digest.max_article_sentences"])}
    articles = [cap_article(a, **limits)[0] for a in store.articles(ids)]
    analyse_articles(store, articles, embedder=embedder, progress=progress, engine=engine)
    return len(articles)


def _fact_key(fact_dict: dict[str, Any], story_id: str) -> str:
    raw = json.dumps({k: v for k, v in fact_dict.items() if k != "article_ids"}, sort_keys=True, default=str)
    return hashlib.sha1(f"{story_id}|{raw}".encode()).hexdigest()[:20]


PRIOR_DAYS = 30
"""Days of an outlet's history that its source prior is learned from."""


def no_articles_message(store: Store, day: dt.date) -> str:
    """Return the one line that says ``day`` has no articles and names the days that do.

    :param store: the store.
    :param day: the day asked for.
    """
    days = store.article_days()
    if not days:
        return f"digest: no articles on {day}; none are stored yet: run `newsbrief fetch`"
    first, last = days[0][0], days[-1][0]
    span = str(first) if first == last else f"{first}..{last}"
    earlier = [d for d, _ in days if d < day]
    return (f"digest: no articles on {day}; articles are stored for {span} ({sum(n for _, n in days)}): "
            f"try --date {earlier[-1] if earlier else last}")


def _fresh(story: StoryInput, start: dt.datetime) -> list[Article]:
    """The articles a story's summary and facts read: those of the day not cited before (all of the day if none)."""
    todays = [a for a in story.articles if a.published >= start] or list(story.articles)
    return [a for a in todays if a.id not in story.previously_cited] or todays


def build_digest(store: Store, settings: Settings, *, day: dt.date, progress: Progress = _noop, save: bool = True) -> Digest:
    """Run stages 5-9 for ``day`` (UTC), store the digest and return it.

    Only the stories the digest may show are summarized (:mod:`newsbrief.digest.window`); the others are
    listed under "more" by their headline. Each article's text is read up to ``digest.max_article_chars`` characters and
    ``digest.max_article_sentences`` sentences. An article read in part, an article the facts
    stage fails on and a story the summarizer fails on are logged, recorded as skips and listed
    in the digest's ``diagnostics``; the digest is built from the rest.

    :param store: the store.
    :param settings: resolved settings.
    :param day: the digest date; articles published that day are covered.
    :param progress: callback ``(stage, done, total)``.
    :param save: store it as the day's digest; False for a variant (a delivery's own interests, mutes, minutes).
    :raises NoArticlesError: no article is stored for ``day`` (nothing is built or stored).
    """
    start, end = _day_bounds(day)
    day_articles = store.articles_between(start, end, originals_only=False)
    if not day_articles:
        raise NoArticlesError(no_articles_message(store, day))
    backend = backend_from_settings(settings)  # None unless llm.mode is set; a bad llm.* setting stops here, not after clustering
    diagnostics: list[Skip] = []

    def note(skip: Skip) -> None:
        if skip.stage == "digest":
            LOGGER.info("digest: %s: %s", skip.what, skip.reason)
        else:
            LOGGER.warning("%s: left out %s: %s", skip.stage, skip.what, skip.reason)
        store.record_skip(skip.stage, skip.what, skip.reason)
        diagnostics.append(skip)

    limits = {"max_chars": int(settings["digest.max_article_chars"]),
              "max_sentences": int(settings["digest.max_article_sentences"])}
    read: dict[str, Article] = {}

    def text_of(article: Article) -> Article:
        """The article as the text stages read it (cut to the limits; the cut noted once)."""
        if article.id not in read:
            read[article.id], cut = cap_article(article, **limits)
            if cut is not None:
                note(cut)
        return read[article.id]

    # 5. cluster: place every new article into a story.
    embedder = load_embedder(prefer=settings["cluster.embedder"])  # clusters, and tells retold sentences apart
    cluster_new(store, settings, progress=progress, embedder=embedder)
    covered = store.previously_covered(day)
    stories = store.story_rows(day=day)
    inputs, members = [], {}
    for row in stories:
        arts = tuple(a for a in store.articles(row["article_ids"].split(",")) if a.published < end)
        arts = tuple(sorted(arts, key=lambda a: (a.published, a.id)))
        members[row["id"]] = arts
        prev = covered.get(row["id"])
        inputs.append(StoryInput(row["id"], arts, dt.date.fromisoformat(row["first_seen"]),
                                 frozenset(prev[1]) if prev else frozenset(), prev[0] if prev else None))
    # 6. rank, with each outlet's record over the last PRIOR_DAYS as its prior
    history = [(a, s) for a, s in store.memberships_since(day - dt.timedelta(days=PRIOR_DAYS)) if a.published < end]
    # a news agency's credit is read from the raw text: the cleaner cuts datelines, bylines and copyright lines
    ids = [a.id for i in inputs for a in i.articles]
    agencies = {a.id: agency_credit(a.text) for n in range(0, len(ids), _ID_BATCH)
                for a in store.articles(ids[n:n + _ID_BATCH], raw=True)}
    ranked = rank_stories(inputs, day=day, interests=settings["digest.interests"], mutes=settings["digest.mutes"],
                          source_weights=settings["digest.source_weights"], priors=source_priors(history),
                          weights=settings["digest.rank_weights"], agencies=agencies)
    by_input = {i.story_id: i for i in inputs}
    copies = store.duplicates_of([a.id for arts in members.values() for a in arts])
    fresh_of = {r.story_id: _fresh(by_input[r.story_id], start) for r in ranked if not r.muted_by}
    # 7-8, per article: facts and sentence vectors, read from the store or made once and stored
    analysis = analyse_articles(store, [cap_article(a, **limits)[0] for arts in fresh_of.values() for a in arts],
                                embedder=embedder, progress=progress)
    muted: list[RankedStory] = []
    stories_in: list[tuple[RankedStory, list[Article], list[Any]]] = []  # each shown story: texts and facts
    for r in ranked:
        if r.muted_by:
            muted.append(r)
            continue
        fresh = fresh_of[r.story_id]
        texts = [text_of(a) for a in fresh]
        # 7. facts, from the story's articles of the day, merged across outlets.
        for a in fresh:
            if a.id in analysis.failures:
                note(analysis.failures[a.id])
        stories_in.append((r, texts, merge_facts(facts_of(analysis, texts))))
    writer = writer_from_settings(settings, embedder=analysis.embedder, backend=backend) if backend else None
    made: dict[str, StoryBundle | None] = {}  # summarized
    headlined: dict[str, StoryBundle] = {}  # given their headline only

    def bundle(r: RankedStory, texts: list[Article], facts: list[Any], *, summarize: bool) -> StoryBundle | None:
        """The story with its summary (8; None when the summarizer fails on it), or with its headline only."""
        if r.story_id in made:
            return made[r.story_id]
        inp = by_input[r.story_id]
        fresh = fresh_of[r.story_id]
        listed = tuple(fresh) + tuple(c for a in fresh for c in copies.get(a.id, []))
        if not summarize:
            if r.story_id not in headlined:
                headlined[r.story_id] = StoryBundle(r, Summary(r.story_id, choose_headline(texts), ()), listed,
                                                    inp.first_seen, inp.last_digest, tuple(facts), summarized=False)
            return headlined[r.story_id]
        try:
            summary = summarize_story(texts, story_id=r.story_id, max_sentences=int(settings["digest.sentences"]),
                                      embedder=analysis.embedder)
        except Exception as exc:  # noqa: BLE001 - one story never fails the digest
            note(Skip(what=r.story_id, reason=f"summarize: {type(exc).__name__}: {exc}"[:300], stage="summarize"))
            made[r.story_id] = None
            return None
        decisions: tuple[dict[str, Any], ...] = ()
        if writer is not None:  # fluent prose behind the guard; the extractive summary on any failure
            written = writer.write(summary)
            summary, decisions = written.summary, written.decisions
        made[r.story_id] = StoryBundle(r, summary, listed, inp.first_seen, inp.last_digest, tuple(facts), decisions)
        progress("summarize", len(made), wanted)
        return made[r.story_id]

    stats = {"articles": len(day_articles), "sources": len({a.outlet for a in day_articles})}
    # 9. compose; its bounds say which stories step 8 must summarize
    options = ComposeOptions(title=settings["digest.title"], max_stories=int(settings["digest.max_stories"]),
                             minutes=int(settings["digest.minutes"]), max_short=int(settings["digest.max_short"]),
                             max_roundup=int(settings["digest.max_roundup"]), max_events=int(settings["digest.max_events"]))
    # 8. summarize the stories the digest may show (digest.window); the others are listed by headline.
    # A story with a rule is summarized wherever it ranks: its roundup line reads the summary's first sentence.
    always = {r.story_id for r, _, facts in stories_in if any(isinstance(f, Regulation) for f in facts)}
    window = first_window(options)
    # the fewest words a summary sentence may have, with room for a shortened display (a writer's: unknown)
    shortest = None if writer is not None else DEFAULT_PARAMS.min_words // 2
    while True:
        summarize = [n < window or r.story_id in always for n, (r, _, _) in enumerate(stories_in)]
        wanted = sum(summarize)
        bundles = [b for todo, (r, texts, facts) in zip(summarize, stories_in, strict=True)
                   if (b := bundle(r, texts, facts, summarize=todo)) is not None]
        digest = compose_digest(bundles, day=day, options=options, muted=muted, stats=stats)
        listed_only = {b.ranked.story_id: b.summary.headline for b in bundles if not b.summarized}
        if window >= len(stories_in) or window_suffices(digest, listed_only, options, min_sentence_words=shortest):
            break
        window *= 2
    LOGGER.info("digest: summarized %d of %d stories", len(bundles) - len(listed_only), len(bundles))
    fact_rows = []
    for b in bundles:
        store.set_story_title(b.ranked.story_id, b.summary.headline)
        for f in b.facts:
            d = fact_to_dict(f)
            fact_rows.append((_fact_key(d, b.ranked.story_id), d["type"], b.ranked.story_id, day, d.get("article_ids", []),
                              d.get("sentence", ""), d))
    store.put_facts(fact_rows)
    # today's columns and non-news are no happenings of a storyline (earlier days' are not ranked here)
    digest = with_earlier_events(store, digest, not_events=frozenset(
        b.ranked.story_id for b in bundles if b.ranked.junk or b.ranked.kind == COMMENTARY))
    if writer is not None:  # the lede in the model's words when every sentence passes the guard
        digest = with_written_lede(digest, writer)
        writer.client.close()
    digest = dataclasses.replace(digest, diagnostics=tuple(diagnostics))
    shown = [(it.story_id, rank, [i for p in it.paragraphs for s in p for i in s.article_ids])
             for rank, it in enumerate((it for sec in digest.sections if sec.kind != "ahead" for it in sec.items), 1)]
    unique = {s: (s, r, a) for s, r, a in reversed(shown)}
    if save:
        store.save_digest(day, title=digest.title, data=render_mod.digest_to_dict(digest), stories=list(unique.values()))
    return digest


def with_earlier_events(store: Store, digest: Digest, *, most: int = EARLIER_EVENTS,
                        not_events: AbstractSet[str] = frozenset()) -> Digest:
    """Return ``digest`` with each full story's earlier events of its storyline under ``extra["earlier"]``.

    Each is ``{"story_id", "headline", "date"}`` (the day it started); the ``most`` latest, oldest first. An event
    shown as a section of this digest is not listed again under another ("Earlier: Fed holds rates" under the
    markets' section, right below the Fed's own), nor is a story in ``not_events`` (a column or a stub that
    ranking found to be no news: a storyline's events are happenings).

    :param store: the store.
    :param digest: the composed digest.
    :param most: most earlier events per story.
    :param not_events: stories never listed as earlier events.
    """
    ids = [it.story_id for sec in digest.sections if sec.kind == "stories" for it in sec.items if not it.one_line]
    lines = store.storyline_timelines(ids)

    def item(it: DigestItem) -> DigestItem:
        line = lines.get(it.story_id)
        earlier = [e for e in earlier_events(line["events"], it.story_id)
                   if e["id"] not in ids and e["id"] not in not_events][-most:] \
            if line and not it.one_line else []
        if not earlier:
            return it
        shown = [{"story_id": e["id"], "headline": e["title"], "date": e["first_seen"]} for e in earlier]
        return dataclasses.replace(it, extra={**it.extra, "earlier": shown})

    sections = tuple(dataclasses.replace(sec, items=tuple(item(it) for it in sec.items)) if sec.kind == "stories" else sec
                     for sec in digest.sections)
    return dataclasses.replace(digest, sections=sections)


def write_outputs(digest: Digest, out_dir: Path, *, formats: Sequence[str] = ("md", "html")) -> dict[str, Path]:
    """Stage 10: render the digest in each format into ``out_dir``; return the paths.

    :param digest: the digest.
    :param out_dir: folder for the files (created).
    :param formats: formats from :data:`newsbrief.render.FORMATS`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = {"md": ".md", "html": ".html", "email": ".email.html", "text": ".txt", "json": ".json"}
    paths = {}
    for fmt in formats:
        path = out_dir / f"digest-{digest.date.isoformat()}{suffix[fmt]}"
        path.write_text(render_mod.render(digest, fmt), encoding="utf-8")
        paths[fmt] = path
    return paths


def run(
    store: Store, settings: Settings, *, day: dt.date, out_dir: Path, formats: Sequence[str] = ("md", "html"),
    transport: httpx.AsyncBaseTransport | None = None, progress: Progress = _noop, force: bool = False,
) -> tuple[IngestReport, Digest, dict[str, Path]]:
    """Run the whole pipeline (stages 1-10) for ``day``.

    :param store: the store.
    :param settings: resolved settings.
    :param day: digest date.
    :param out_dir: where rendered files go.
    :param formats: output formats.
    :param transport: httpx transport for tests.
    :param progress: callback ``(stage, done, total)``.
    :param force: poll every source, even those not yet due.
    """
    report = ingest(store, settings, transport=transport, progress=progress, force=force)  # 1-4
    digest = build_digest(store, settings, day=day, progress=progress)  # 5-9
    return report, digest, write_outputs(digest, out_dir, formats=formats)  # 10


@dataclass
class SourceProbe:
    """What one fetch of a would-be source found (``sources check``/``sources add``)."""

    url: str
    final_url: str = ""
    status: int = 0
    format: str = ""
    title: str = ""
    entries: int = 0
    problems: list[str] = field(default_factory=list)
    discovered: list[str] = field(default_factory=list)
    error: str = ""
    newest: str = ""


def feed_files(path: str) -> list[str]:
    """Return the feed files of a folder (recursively, by suffix), or ``[path]`` for a file.

    :param path: a local file or folder.
    """
    return _local_files(path)


def probe_source(url: str, *, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> SourceProbe:
    """Fetch a URL (or read a local file) once and report what feed, if any, it holds.

    When the URL is a web page, the feeds it advertises are listed in ``discovered``.

    :param url: feed URL, web page URL or local path.
    :param settings: resolved settings.
    :param transport: httpx transport for tests.
    """
    from newsbrief.ingest.feeds import discover_feeds

    probe = SourceProbe(url)
    try:
        if _is_local(url):
            files = _local_files(url)
            if not files:
                probe.error = f"fetch: no feed files (*.xml, *.rss, *.atom, *.json) in {url}"
                return probe
            result = read_local(files[0])
        else:
            outcome = fetch_all([FetchRequest(url)], settings=fetch_settings(settings), transport=transport)[0]
            if outcome.error or outcome.result is None:
                probe.error = outcome.error or "fetch: no response"
                return probe
            result = outcome.result
    except FetchError as exc:
        probe.error = str(exc)
        return probe
    probe.final_url, probe.status = result.final_url, result.status
    try:
        parsed = parse_feed(result.content, url=result.final_url, headers=result.headers)
    except ParseError as exc:
        probe.error = str(exc)
        if not _is_local(url):
            probe.discovered = discover_feeds(result.content, base_url=result.final_url)
        return probe
    probe.format, probe.title, probe.entries = parsed.format, parsed.title, len(parsed.entries)
    probe.problems = list(parsed.problems)
    dates = [e.published for e in parsed.entries if e.published]
    probe.newest = max(dates).isoformat() if dates else ""
    return probe
