"""The replay of a recorded stream (new ids per repeat) and the projection arithmetic of the scale benchmark."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.eval.replay import DEDUP_DAYS, build_task, consumer_fit, project, repeat_id, repeat_period, replay_entries
from newsbrief.ingest.extract import article_key
from newsbrief.ingest.writer import IngestReport, IngestWriter
from newsbrief.model import Source
from newsbrief.store.base import Store

WORDS = ("harbour", "council", "budget", "vote", "river", "bridge", "school", "museum", "tram", "market", "festival",
         "library", "station", "garden", "tower")


def _record(n: int, day: int, outlet: str = "Valley Courier") -> dict[str, object]:
    body = " ".join(f"{WORDS[(n + i) % len(WORDS)]}{i % 7}" for i in range(60))
    return {"id": f"a{n}", "published": f"2015-09-{day:02d}T08:00:00Z", "source": outlet,
            "title": f"Item {n} on the {WORDS[n % len(WORDS)]}", "content": f"{body}.\nSecond paragraph {n} & more."}


RECORDS = [_record(1, 1), _record(2, 3, "Hill Gazette"), _record(3, 28)]


def test_repeat_id_keeps_the_first_pass_and_suffixes_each_repeat() -> None:
    assert repeat_id("a1", 0) == "a1"
    assert repeat_id("a1", 17) == "a1#r17"


def test_replay_gives_each_repeat_its_own_id_url_and_stored_key() -> None:
    entries = list(replay_entries(RECORDS, 8))
    assert len(entries) == 8
    assert [e.guid for e, _ in entries[:4]] == ["a1", "a2", "a3", "a1#r1"]
    assert entries[3][0].link.endswith("/item/a1/r1") and entries[0][0].link.endswith("/item/a1")
    assert len({article_key(e) for e, _ in entries}) == 8  # a fragment would collapse repeats into one article
    assert [o for _, o in entries[:2]] == ["Valley Courier", "Hill Gazette"]
    assert "<p>Second paragraph 1 &amp; more.</p>" in entries[0][0].content_html


def test_each_repeat_moves_by_whole_weeks_beyond_the_span_and_the_dedup_window() -> None:
    period = repeat_period(RECORDS)
    assert period == dt.timedelta(weeks=9)  # span 27 days + 1 + 30 = 58 days -> 9 weeks
    entries = [e for e, _ in replay_entries(RECORDS, 6)]
    assert entries[3].published is not None and entries[0].published is not None
    assert entries[3].published - entries[0].published == period
    assert entries[3].published.weekday() == entries[0].published.weekday()
    last_of_first, first_of_second = entries[2].published, entries[3].published
    assert last_of_first is not None and first_of_second is not None
    assert first_of_second - last_of_first > dt.timedelta(days=DEDUP_DAYS)
    assert [e.published for e in entries] == sorted(e.published for e in entries if e.published)


def test_a_repeat_is_stored_as_a_new_original_not_a_copy(fresh_db: Store) -> None:
    entries = list(replay_entries(RECORDS, 6))
    stored = 0
    for run in (entries[:3], entries[3:]):
        now = max(e.published for e, _ in run if e.published) + dt.timedelta(hours=1)
        report = IngestReport()
        writer = IngestWriter(fresh_db, report, now=now)
        planned = writer.plan([(e, Source(url=e.source_url), outlet) for e, outlet in run])
        built = build_task([(p.entry, p.outlet) for p in planned], now).value
        writer.add(list(zip(planned, built)))
        assert (report.new_articles, report.duplicates, report.known) == (3, 0, 0)
        stored += report.stored
    assert stored == 6 and len(fresh_db.unclustered_articles()) == 6


def test_projection_is_bound_by_the_slowest_of_workers_consumer_and_store() -> None:
    p = project({"ingest": 0.01, "embed": 0.03}, consumer_seconds=0.002, store_seconds=0.001, articles=1_000_000,
                machines=10, workers=2, efficiency=0.5)
    assert p.worker_rate == pytest.approx(10 * 2 * 0.5 / 0.04)  # 250 articles/s
    assert p.consumer_rate == pytest.approx(500) and p.store_rate == pytest.approx(1000)
    assert (p.bound, p.rate) == ("workers", pytest.approx(250))
    assert p.hours == pytest.approx(1_000_000 / 250 / 3600)
    more = project({"ingest": 0.01, "embed": 0.03}, consumer_seconds=0.002, store_seconds=0.001, articles=1_000_000,
                   machines=100, workers=2, efficiency=0.5)
    assert (more.bound, more.rate) == ("consumer", pytest.approx(500))
    assert more.hours == pytest.approx(1_000_000 / 500 / 3600)


def test_projection_rejects_no_machines_or_a_bad_efficiency() -> None:
    with pytest.raises(ValueError, match="machines and workers"):
        project({"embed": 0.01}, consumer_seconds=0.001, store_seconds=0.001, articles=10, machines=0, workers=2)
    with pytest.raises(ValueError, match="efficiency"):
        project({"embed": 0.01}, consumer_seconds=0.001, store_seconds=0.001, articles=10, machines=1, workers=2,
                efficiency=1.5)


def test_consumer_fit_recovers_the_cost_per_active_story() -> None:
    points = [(100, 0.002 + 100 * 1e-6), (400, 0.002 + 400 * 1e-6), (900, 0.002 + 900 * 1e-6)]
    intercept, slope = consumer_fit(points)
    assert intercept == pytest.approx(0.002) and slope == pytest.approx(1e-6)
    assert consumer_fit([(50, 0.01), (50, 0.03)]) == (pytest.approx(0.02), 0.0)
