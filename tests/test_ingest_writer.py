"""A source's validators and schedule are stored with its articles, and the run's counts add up.

Against real feed servers on 127.0.0.1 (ETag, Last-Modified, 304s).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from misbehaving_server import Route, Server, serve

from newsbrief.cli.app import cli
from newsbrief.config import Settings, load_settings
from newsbrief.ingest.writer import IngestReport, IngestWriter
from newsbrief.pipeline import ingest
from newsbrief.store import SQLiteStore, open_store

NOW = dt.datetime(2026, 1, 9, 23, 0, tzinfo=dt.UTC)
LAST_MODIFIED = "Fri, 09 Jan 2026 06:00:00 GMT"


def _item(link: str, title: str, text: str, *, hour: int, guid: str = "") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid or link}</guid>"
            f"<pubDate>Fri, 09 Jan 2026 {hour:02d}:00:00 GMT</pubDate>"
            f"<description><![CDATA[{text}]]></description></item>")


def _rss(title: str, items: list[str]) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{"".join(items)}</channel></rss>'.encode()


_WORDS = ("harbour board council budget vote tram depot ferry river bridge school hospital union strike "
          "court appeal ruling market shares energy prices rent housing mayor minister police storm flood "
          "festival museum league coach stadium airport rail station plan delay review study report").split()


def _text(topic: str) -> str:
    """About 120 words drawn for ``topic``: different topics never read as copies of each other."""
    rng = random.Random(topic)
    return " ".join(" ".join(rng.choice(_WORDS) for _ in range(12)).capitalize() + "." for _ in range(10))


@contextmanager
def _site(make_routes: Callable[[str], dict[str, Route]]) -> Iterator[Server]:
    """Serve the routes ``make_routes(base URL)`` returns (links in feeds need the port)."""
    with serve({}) as srv:
        srv.httpd.RequestHandlerClass.routes.update(make_routes(srv.base))  # type: ignore[attr-defined]
        yield srv


def _settings(tmp: Path, **extra: Any) -> Settings:
    return load_settings(data_dir=tmp, env={}).replace(
        **{"fetch.allow_private": True, "fetch.per_host_interval": 0.0, "fetch.per_host_concurrency": 8, **extra})


def _feeds(n_feeds: int, n_items: int) -> dict[str, Route]:
    """Feeds whose items carry their full text, dated so that feed 0's items come first, then feed 1's..."""
    return {
        f"/feed{f}.xml": Route(
            body=_rss(f"Feed {f}", [
                _item(f"http://news{f}.example/{i}", f"Feed {f} story {i}", _text(f"feed {f} story {i}"),
                      hour=f * n_items + i)
                for i in range(n_items)]),
            etag=f'"f{f}"', last_modified=LAST_MODIFIED)
        for f in range(n_feeds)
    }


def _urls(store: SQLiteStore) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT url FROM articles")]


def test_a_run_stopped_after_its_first_batch_keeps_it_and_leaves_the_rest_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_add = IngestWriter.add
    calls = []

    def stopped_on_second_batch(self: IngestWriter, finished: Any) -> None:
        calls.append(len(finished))
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C after the first batch was stored
        real_add(self, finished)

    with serve(_feeds(6, 4)) as srv, open_store(tmp_path / "nb.db") as store:
        for f in range(6):
            store.add_source(srv.url(f"/feed{f}.xml"))
        settings = _settings(tmp_path)
        report = IngestReport()
        monkeypatch.setattr(IngestWriter, "add", stopped_on_second_batch)
        with pytest.raises(KeyboardInterrupt):
            ingest(store, settings, now=NOW, report=report)
        monkeypatch.undo()

        assert calls == [16, 8]  # 24 articles, built and stored 16 at a time, oldest first
        assert report.stored == store.count("articles") == 16 and report.left == 2
        rows = {r["url"]: r for r in store.source_rows()}
        done = [srv.url(f"/feed{f}.xml") for f in range(4)]  # all their articles are in the first batch
        due = [srv.url(f"/feed{f}.xml") for f in (4, 5)]
        assert all(rows[u]["etag"] and rows[u]["last_modified"] == LAST_MODIFIED and rows[u]["next_poll_at"]
                   and rows[u]["last_success_at"] for u in done)
        assert all(rows[u]["etag"] is None and rows[u]["next_poll_at"] is None and rows[u]["last_success_at"] is None
                   for u in due)

        again = ingest(store, settings, now=NOW + dt.timedelta(minutes=1))  # no force: only what is due
        assert again.sources == 2 and again.stored == 8 and again.left == 0
        urls = _urls(store)
        assert len(urls) == len(set(urls)) == 24
        assert all(r["etag"] for r in store.source_rows())


def test_the_counts_of_a_mixed_run_add_up(tmp_path: Path) -> None:
    def routes(base: str) -> dict[str, Route]:
        return {
            # three stories; a second run gets 304
            "/a.xml": Route(body=_rss("A", [_item(f"{base}/a/{i}", f"A story {i}", _text(f"a{i}"), hour=i + 1)
                                            for i in range(3)]), etag='"a1"', last_modified=LAST_MODIFIED),
            # a syndicated copy of a/0 (same text, own URL) and a/1 again under its URL: two duplicates
            "/b.xml": Route(body=_rss("B", [_item(f"{base}/b/copy", "A story 0, syndicated", _text("a0"), hour=5),
                                            _item(f"{base}/a/1", "A story 1", _text("a1"), hour=6)])),
            # teasers: one page is fine, one is gone (the teaser is kept, the reason recorded); 304 next time
            "/c.xml": Route(body=_rss("C", [_item(f"{base}/c/ok", "C ok", "Teaser of the ok story…", hour=7),
                                            _item(f"{base}/c/gone", "C gone", "Teaser of the gone story…", hour=8)]),
                            etag='"c1"'),
            "/c/ok": Route(body=("<html><body><article>" + "".join(f"<p>{_text(f'c ok {n}')}</p>" for n in range(3))
                                 + "</article></body></html>").encode(), content_type="text/html"),
            "/c/gone": Route(status=404, body=b"gone", content_type="text/html"),
            # an entry with neither title nor text: skipped, with its reason
            "/d.xml": Route(body=_rss("D", ['<item><guid isPermaLink="false">empty-1</guid></item>'])),
            "/fail.xml": Route(status=500, body=b"down"),
            "/html.xml": Route(body=b"<html><body>Not a feed</body></html>", content_type="text/html"),
        }

    with _site(routes) as srv:
        base = srv.base
        with open_store(tmp_path / "nb.db") as store:
            for path in ("/a.xml", "/b.xml", "/c.xml", "/d.xml", "/fail.xml", "/html.xml"):
                store.add_source(srv.url(path))
            settings = _settings(tmp_path)
            first = ingest(store, settings, now=NOW)
            second = ingest(store, settings, now=NOW + dt.timedelta(hours=2))
            skips = {s["what"]: s["reason"] for s in store.skips()}
            stored = store.count("articles")
    for report in (first, second):
        assert report.sources == report.fetched + report.not_modified + report.failed == 6
        assert report.entries == report.new_articles + report.duplicates + report.known + report.skipped
        assert report.left == 0 and len(report.errors) == report.failed
    assert (first.fetched, first.not_modified, first.failed) == (4, 0, 2)  # the HTML page counts once, as failed
    assert (first.entries, first.new_articles, first.duplicates, first.known, first.skipped) == (8, 5, 2, 0, 1)
    assert first.stored == stored == 6 and first.pages == 2  # five new articles and the syndicated copy
    assert (second.fetched, second.not_modified, second.failed) == (2, 2, 2)
    assert (second.entries, second.new_articles, second.duplicates, second.known, second.skipped) == (3, 0, 0, 2, 1)
    assert "404" in skips[f"{base}/c/gone"] and "no title and no content" in skips["empty-1"]


def test_the_fetch_summary_adds_up(tmp_path: Path) -> None:
    with serve({**_feeds(2, 3), "/fail.xml": Route(status=500, body=b"down")}) as srv:
        env = {"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1", "NEWSBRIEF_FETCH_PER_HOST_INTERVAL": "0"}
        runner = CliRunner()
        data = ["--data-dir", str(tmp_path)]
        assert runner.invoke(cli, [*data, "init"], env=env).exit_code == 0
        for path in ("/feed0.xml", "/feed1.xml", "/fail.xml"):
            assert runner.invoke(cli, [*data, "sources", "add", "--no-check", srv.url(path)], env=env).exit_code == 0
        result = runner.invoke(cli, [*data, "fetch", "--no-progress"], env=env)
    assert result.exit_code == 0, result.output
    line = result.output.splitlines()[0]
    n = [int(x) for x in re.findall(r"\d+", line)]
    assert line == (f"{n[0]} source(s) polled: {n[1]} fetched, {n[2]} unchanged, {n[3]} failed; {n[4]} entries: "
                    f"{n[5]} new articles, {n[6]} duplicates, {n[7]} already stored, {n[8]} skipped; {n[9]} pages")
    assert n[0] == n[1] + n[2] + n[3] == 3 and n[4] == n[5] + n[6] + n[7] + n[8] == 6


def test_articles_lost_with_a_dead_worker_come_back_on_the_next_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsbrief.ingest.workers as workers

    real = workers.build_article
    crashed = tmp_path / "crashed"

    def crashing_once(entry: Any, **kw: Any) -> Any:
        if entry.title == "Feed 3 story 1" and not crashed.exists():
            crashed.touch()
            os._exit(3)  # a worker dies hard (segfault, OOM kill) in the middle of a batch
        return real(entry, **kw)

    monkeypatch.setattr(workers, "build_article", crashing_once)
    with serve(_feeds(10, 3)) as srv, open_store(tmp_path / "nb.db") as store:
        for f in range(10):  # 8 feeds or more: parsed and extracted in worker processes
            store.add_source(srv.url(f"/feed{f}.xml"))
        settings = _settings(tmp_path)
        first = ingest(store, settings, now=NOW)
        assert crashed.exists() and first.skipped > 0  # the items of the dead worker were not made
        lost = {r["url"] for r in store.source_rows() if r["etag"] is None}
        assert srv.url("/feed3.xml") in lost  # ... so their feeds keep their old validators
        second = ingest(store, settings, now=NOW + dt.timedelta(hours=2))
        urls = _urls(store)
    assert second.skipped == 0
    assert sorted(urls) == sorted(f"http://news{f}.example/{i}" for f in range(10) for i in range(3))


def test_a_local_folder_without_feeds_counts_as_one_failed_source(tmp_path: Path) -> None:
    empty = tmp_path / "feeds"
    empty.mkdir()
    both = tmp_path / "two"
    both.mkdir()
    for name in ("one.xml", "two.xml"):
        (both / name).write_bytes(_rss(name, [_item(f"http://local.example/{name}", name, _text(name), hour=1)]))
    with open_store(tmp_path / "nb.db") as store:
        store.add_source(str(empty))
        store.add_source(str(both))
        report = ingest(store, _settings(tmp_path), now=NOW)
        rows = {r["url"]: r for r in store.source_rows()}
    assert (report.sources, report.fetched, report.failed) == (2, 1, 1)  # a folder of two feeds is one source
    assert report.entries == report.new_articles == 2
    assert rows[str(empty)]["last_error"] == f"fetch: no feed files (*.xml, *.rss, *.atom, *.json) in {empty}"
    assert rows[str(empty)]["error_count"] == 1 and rows[str(both)]["last_success_at"]
