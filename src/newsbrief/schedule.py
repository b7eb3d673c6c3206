"""The ``newsbrief run`` loop: poll what is due, and build the day's digest once it is time.

One tick (:func:`tick`) is a plain function so it can be tested with a pinned clock; the
loop only sleeps between ticks. A failed tick (say, a locked database) is logged and the
loop goes on; per-source failures never reach it (they are recorded on the sources).
Ctrl-C (or SIGTERM, under ``newsbrief run``) stops the loop between or inside polls; a poll
stores as it goes (:func:`newsbrief.pipeline.ingest`), so nothing fetched is lost, and the
report handed to ``on_poll`` says how far the interrupted poll got.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .config import Settings
from newsbrief.deliver.scheduled import SendOutcome, deliver_due
from .errors import NewsbriefError, NoArticlesError
from .pipeline import IngestReport, build_digest, ingest, write_outputs
from .store.base import Store

__all__ = ["Tick", "parse_time_of_day", "run_forever", "tick"]

LOGGER = logging.getLogger(__name__)


@dataclass
class Tick:
    """What one iteration of the loop did."""

    at: dt.datetime
    report: IngestReport
    digest_day: dt.date | None = None
    paths: dict[str, Path] = field(default_factory=dict)
    delivered: list[str] = field(default_factory=list)
    sends: list[SendOutcome] = field(default_factory=list)
    no_digest: str = ""  # why a due digest was not built (a day without articles)


def parse_time_of_day(text: str) -> dt.time:
    """Parse ``HH:MM`` (UTC) into a time.

    :param text: e.g. ``"06:30"``.
    """
    try:
        hours, minutes = text.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError as exc:
        raise NewsbriefError(f"run: {text!r} is not a time of day like 06:30") from exc


def tick(
    store: Store, settings: Settings, *, now: dt.datetime, digest_at: dt.time, out_dir: Path,
    formats: Sequence[str] = ("md", "html"), deliver: Callable[[object], list[str]] | None = None,
    report: IngestReport | None = None,
) -> Tick:
    """Run one iteration: ingest due sources; after ``digest_at``, build yesterday's digest once;
    then send what the configured deliveries have due (:func:`newsbrief.deliver.scheduled.deliver_due`).

    The morning briefing covers the UTC day that just ended, so it is complete when built. A
    day without articles gets no digest: nothing is stored, written or delivered, and the
    reason is logged and kept in :attr:`Tick.no_digest`.

    :param store: the store.
    :param settings: resolved settings.
    :param now: the current time (UTC).
    :param digest_at: time of day (UTC) after which the previous day's digest is built.
    :param out_dir: where rendered digests go.
    :param formats: formats written.
    :param deliver: called with the new digest (e.g. email it); returns what it delivered to.
    :param report: the ingest report to fill as the poll goes; default: a new one.
    """
    result = Tick(at=now, report=ingest(store, settings, now=now, report=report))
    day = now.date() - dt.timedelta(days=1)
    if now.time() >= digest_at and day not in store.digest_dates():
        try:
            digest = build_digest(store, settings, day=day)
        except NoArticlesError as exc:
            # nothing to brief: nothing is stored, written or sent; a later tick tries again
            LOGGER.info("run: no digest built: %s", exc)
            result.no_digest = f"no articles on {day}"
            return result
        result.digest_day = day
        result.paths = write_outputs(digest, out_dir, formats=formats)
        if deliver is not None:
            result.delivered = deliver(digest)
    if settings.deliveries:
        result.sends = deliver_due(store, settings, now=now,
                                   on_built=lambda built: write_outputs(built, out_dir, formats=formats))
    return result


def run_forever(
    store: Store, settings: Settings, *, interval: float, digest_at: dt.time, out_dir: Path,
    on_tick: Callable[[Tick], None], deliver: Callable[[object], list[str]] | None = None,
    max_ticks: int | None = None, on_poll: Callable[[IngestReport], None] | None = None,
) -> None:
    """Tick every ``interval`` seconds until interrupted (or ``max_ticks`` ticks).

    :param store: the store.
    :param settings: resolved settings.
    :param interval: seconds between ticks.
    :param digest_at: time of day (UTC) after which the previous day's digest is built.
    :param out_dir: where rendered digests go.
    :param on_tick: called after each tick (the CLI prints a line).
    :param deliver: delivery callback for new digests.
    :param max_ticks: stop after this many ticks (tests).
    :param on_poll: called with each poll's report as the poll starts; the report fills as the
        poll stores, so after an interruption it tells what the unfinished poll stored.
    """
    count = 0
    while max_ticks is None or count < max_ticks:
        count += 1
        report = IngestReport()
        if on_poll is not None:
            on_poll(report)
        try:
            on_tick(tick(store, settings, now=dt.datetime.now(dt.timezone.utc), digest_at=digest_at,
                         out_dir=out_dir, deliver=deliver, report=report))
        except NewsbriefError as exc:
            LOGGER.error("run: tick failed: %s", exc)
        if max_ticks is None or count < max_ticks:
            time.sleep(interval)
