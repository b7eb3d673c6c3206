from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsbrief.config import load_settings
from newsbrief.errors import NewsbriefError
from newsbrief.schedule import parse_time_of_day, run_forever, tick
from newsbrief.store import open_store


def test_parse_time_of_day() -> None:
    assert parse_time_of_day("06:30") == dt.time(6, 30)
    with pytest.raises(NewsbriefError, match="not a time of day"):
        parse_time_of_day("6h")


def test_tick_builds_previous_day_once_after_digest_time(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>http://t.example/</link>'
        "<item><title>Quarry Labs opens a battery plant</title><link>http://t.example/1</link>"
        "<description>Quarry Labs opened a battery plant in Ohio on Thursday. The plant employs 300 people. "
        "It will make cells for delivery vans.</description>"
        "<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"
    )
    settings = load_settings(data_dir=tmp_path, env={})
    delivered: list[object] = []
    with open_store(tmp_path / "nb.db") as store:
        store.add_source(str(feed))
        early = tick(store, settings, now=dt.datetime(2026, 11, 27, 5, 0, tzinfo=dt.timezone.utc),
                     digest_at=dt.time(6), out_dir=tmp_path / "out")
        assert early.report.new_articles == 1 and early.digest_day is None
        due = tick(store, settings, now=dt.datetime(2026, 11, 27, 6, 5, tzinfo=dt.timezone.utc), digest_at=dt.time(6),
                   out_dir=tmp_path / "out", deliver=lambda d: delivered.append(d) or ["a@example.org"])
        assert due.digest_day == dt.date(2026, 11, 26) and due.delivered == ["a@example.org"]
        assert due.paths["md"].read_text().count("Quarry Labs") >= 1
        again = tick(store, settings, now=dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone.utc), digest_at=dt.time(6),
                     out_dir=tmp_path / "out")
        assert again.digest_day is None and len(delivered) == 1
        ticks: list[object] = []
        run_forever(store, settings, interval=0, digest_at=dt.time(23, 59), out_dir=tmp_path / "out",
                    on_tick=ticks.append, max_ticks=2)
        assert len(ticks) == 2


def test_each_poll_report_is_handed_out_before_the_poll_fills_it(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        "<item><title>Quarry Labs opens a battery plant</title><link>http://t.example/1</link>"
        "<description>Quarry Labs opened a battery plant in Ohio.</description></item></channel></rss>"
    )
    settings = load_settings(data_dir=tmp_path, env={})
    polls: list[object] = []
    seen_empty: list[bool] = []
    ticks: list[object] = []

    def on_poll(report: object) -> None:
        seen_empty.append(getattr(report, "sources") == 0)
        polls.append(report)

    with open_store(tmp_path / "nb.db") as store:
        store.add_source(str(feed))
        run_forever(store, settings, interval=0, digest_at=dt.time(23, 59), out_dir=tmp_path / "out",
                    on_tick=ticks.append, max_ticks=2, on_poll=on_poll)
    assert seen_empty == [True, True]
    assert [t.report for t in ticks] == polls and all(t.report is p for t, p in zip(ticks, polls))  # type: ignore[attr-defined]
    assert polls[0].stored == 1  # type: ignore[attr-defined]
