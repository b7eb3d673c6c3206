"""The writing half of ingest: dedup (stage 4) and storing, as each batch of articles is built.

A source's new fetch state (ETag, Last-Modified, last success, next poll) tells the next run
that its feed holds nothing new, so it is never stored before that feed's new articles.
:class:`IngestWriter` holds each polled source's state and stores it in the transaction that
stores the last of the source's new articles, or at once when the source has none to build
(it failed, answered 304, or lists only stored articles). Articles are stored as soon as
their batch is built, so a run stopped at any point (``kill -9``, SIGTERM, Ctrl-C, a crash)
keeps what it finished, and every source is either complete or still due with its old
validators: the next run fetches it again and stores what is missing, once (articles are
keyed by canonical URL).

Dedup sees every article stored before, in this run too: the index starts from the stored
fingerprints, and each article stored as an original joins it.

Only the orchestrator (:func:`newsbrief.pipeline.ingest`) uses this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsbrief.ingest.dedup import DedupIndex
from newsbrief.ingest.extract import article_key
from newsbrief.ingest.workers import Built
from newsbrief.model import Article, Entry, Skip, Source
from newsbrief.store.base import Store
from newsbrief.stopping import deferred

__all__ = ["IngestReport", "IngestWriter", "Planned"]

_VALIDATORS = ("etag", "last_modified")


@dataclass
class IngestReport:
    """What one ingest run did, for the CLI summary; filled as the run goes.

    The counts are exhaustive: ``sources == fetched + not_modified + failed`` and
    ``entries == new_articles + duplicates + known + skipped``.
    """

    sources: int = 0  # polled: due (or every source, forced)
    fetched: int = 0  # answered with a feed that parsed
    not_modified: int = 0  # answered 304 Not Modified
    failed: int = 0  # fetch or parse failed; the reason is on the source and in ``errors``
    entries: int = 0  # entries in the feeds fetched
    new_articles: int = 0  # stored as new articles
    duplicates: int = 0  # stored as a copy of another article, or repeating another entry's URL of this run
    known: int = 0  # stored by an earlier run already
    skipped: int = 0  # not made into an article; the reason is in the skips
    pages: int = 0  # article pages downloaded
    stored: int = 0  # article rows inserted (new articles and the copies kept as duplicates)
    left: int = 0  # polled sources whose outcome is not stored yet (0 unless the run was stopped)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Planned:
    """One article to build: its key (canonical URL), the entry chosen for it, and who owns it."""

    key: str
    entry: Entry
    source_id: int | None
    outlet: str


class IngestWriter:
    """Dedup and store one ingest run's results, each source's state with its last article.

    :param store: the store.
    :param report: the run's report, updated after each commit.
    :param now: the run's time; dedup looks at articles of the 30 days before it.
    """

    def __init__(self, store: Store, report: IngestReport, *, now: dt.datetime) -> None:
        self.store = store
        self.report = report
        self.now = now
        self.index = DedupIndex(store.fingerprints(since=now - dt.timedelta(days=30)))
        self.pending: dict[int, dict[str, Any]] = {}  # source id -> its new state, not stored yet
        self.waiting: dict[int, set[str]] = {}  # source id -> keys of its articles not built yet
        self.readers: dict[str, set[int]] = {}  # article key -> the sources whose feeds list it
        self.refetch: set[int] = set()  # sources with an item lost to a dead worker: keep old validators

    def hold(self, source_id: int, state: dict[str, Any]) -> None:
        """Hold a polled source's new state (health, validators, next poll) until its articles are stored.

        :param source_id: the source.
        :param state: ``sources`` columns to set; a later call for the same source overrides earlier values.
        """
        self.pending.setdefault(source_id, {}).update(state)

    def plan(self, entries: Sequence[tuple[Entry, Source, str]]) -> list[Planned]:
        """Return one article to build per new key, oldest first, and count every other entry.

        An entry whose article is stored already is ``known``; one repeating the key of another
        entry of this run is a duplicate (the entry with the longest text is built). Each
        source then waits for the articles its feed lists. Built and handed to :meth:`add` in
        this order, the earliest of several copies becomes the original whatever the timing.

        :param entries: ``(entry, source, outlet)`` for every entry of the fetched feeds (undated
            ones count as published at the run's time).
        """
        self.report.entries += len(entries)
        stored: dict[str, bool] = {}
        chosen: dict[str, tuple[Entry, Source, str]] = {}
        for entry, source, outlet in entries:
            key = article_key(entry)
            if key not in stored:
                stored[key] = self.store.has_article(key)
            if stored[key]:
                self.report.known += 1
                continue
            if source.id is not None:
                self.waiting.setdefault(source.id, set()).add(key)
                self.readers.setdefault(key, set()).add(source.id)
            prev = chosen.get(key)
            if prev is None:
                chosen[key] = (entry, source, outlet)
                continue
            self.report.duplicates += 1
            if len(entry.content_html or entry.summary_html) > len(prev[0].content_html or prev[0].summary_html):
                chosen[key] = (entry, source, outlet)
        planned = [Planned(key, entry, source.id, outlet) for key, (entry, source, outlet) in chosen.items()]
        return sorted(planned, key=lambda p: (p.entry.published or self.now, p.key))

    def store_idle(self) -> None:
        """Store the state of every source that waits for no article (failed, unchanged, nothing new)."""
        self._commit([], [sid for sid in self.pending if not self.waiting.get(sid)])

    def add(self, finished: Sequence[tuple[Planned, Built]]) -> None:
        """Dedup and store built articles, with the state of each source that now has all of its.

        :param finished: each planned article with what became of it.
        """
        ready: list[int] = []
        for planned, built in finished:
            for sid in sorted(self.readers.get(planned.key, ())):
                waiting = self.waiting[sid]
                waiting.discard(planned.key)
                if built.lost:
                    self.refetch.add(sid)
                if not waiting and sid in self.pending:
                    ready.append(sid)
        self._commit(finished, ready)

    def _commit(self, finished: Sequence[tuple[Planned, Built]], ready: Sequence[int]) -> None:
        if not finished and not ready:
            return
        skips: list[tuple[str, str, str]] = []
        made: list[tuple[Article, int, int | None]] = []
        for planned, built in finished:
            if built.page_error:
                skips.append(("extract", planned.entry.link, f"{built.page_error} (kept the feed text)"))
            if isinstance(built.made, Skip):
                skips.append((built.made.stage, built.made.what, built.made.reason))
            else:
                made.append((built.made, built.similarity, planned.source_id))
        # Dedup (stage 4) in the order given, oldest first (see plan()): a copy points at the
        # article it repeats, stored before or earlier in this batch.
        rows: list[tuple[Article, int, int | None]] = []
        copies = 0
        for article, similarity, source_id in made:
            original = self.index.find(article, similarity=similarity)
            if original is not None and original != article.id:
                article = dataclasses.replace(article, duplicate_of=original)
                copies += 1
            else:
                self.index.add(article.id, article.content_hash, similarity, article.title)
            rows.append((article, similarity, source_id))
        with deferred():  # a stop waits for the commit and the counts that describe it
            with self.store.transaction():
                inserted = self.store.upsert_articles(rows) if rows else 0
                for stage, what, reason in skips:
                    self.store.record_skip(stage, what, reason)
                for sid in ready:
                    state = self.pending[sid]
                    if sid in self.refetch:
                        state = {k: v for k, v in state.items() if k not in _VALIDATORS}
                    self.store.update_source(sid, **state)
            for sid in ready:
                del self.pending[sid]
            report = self.report
            report.stored += inserted
            report.new_articles += len(rows) - copies
            report.duplicates += copies
            report.skipped += len(finished) - len(made)
            report.pages += sum(built.page_fetched for _, built in finished)
            report.left -= len(ready)
