"""A day without articles gets no digest: nothing stored, written, sent or shown, and one line says which days have articles."""

from __future__ import annotations

import datetime as dt
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from factories import make_article, store_location

from newsbrief.cli.app import cli
from newsbrief.digest.compose import ComposeOptions, compose_digest
from newsbrief.config import load_settings
from newsbrief.errors import NoArticlesError
from newsbrief.pipeline import build_digest
from newsbrief.render import digest_to_dict
from newsbrief.schedule import tick
from newsbrief.store import SQLiteStore, open_store
from newsbrief.web import ServerThread, make_app

ENV = {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"}


def _seed(db: Path | str) -> None:
    with open_store(db) as store:
        store.upsert_articles([
            (make_article("a1", day="2026-12-01", title="Quarry Labs opens a battery plant",
                          text="Quarry Labs opened a battery plant in Ohio on Tuesday. It employs 300 people."), 1, None),
            (make_article("a2", day="2026-12-03", title="Ferry strike enters third day",
                          text="Ferry crews stayed on strike for a third day on Thursday."), 2, None),
            (make_article("a3", day="2026-12-03", outlet="Coast", title="Ferry talks resume",
                          text="Talks between ferry crews and owners resume on Monday."), 3, None),
        ])


def _run(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], env=ENV, catch_exceptions=False)
    return result.exit_code, result.output


def test_digest_of_an_empty_day_is_one_line_naming_the_days_with_articles(tmp_path: Path) -> None:
    _seed(store_location(tmp_path))
    out = tmp_path / "out" / "digest.md"
    code, output = _run(tmp_path, "digest", "--date", "2026-12-04", "--out", str(out))
    assert code == 1
    assert output.splitlines() == [
        "Error: digest: no articles on 2026-12-04; articles are stored for 2026-12-01..2026-12-03 (3): "
        "try --date 2026-12-03"]
    assert not out.exists()
    with open_store(store_location(tmp_path)) as store:
        assert store.count("digests") == 0 and store.count("stories") == 0
    # an empty day between two full ones points at the day before it
    code, output = _run(tmp_path, "digest", "--date", "2026-12-02")
    assert code == 1 and output.rstrip().endswith("try --date 2026-12-01")


def test_digest_with_no_articles_at_all_says_to_fetch(tmp_path: Path) -> None:
    assert _run(tmp_path, "init")[0] == 0
    code, output = _run(tmp_path, "digest", "--date", "2026-12-04")
    assert code == 1
    assert output.splitlines() == ["Error: digest: no articles on 2026-12-04; none are stored yet: run `newsbrief fetch`"]


def test_run_skips_an_empty_day_with_a_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings(data_dir=tmp_path, env=ENV)
    sent: list[object] = []
    with open_store(settings.db_path) as store, caplog.at_level(logging.INFO, logger="newsbrief.schedule"):
        _seed(settings.db_path)
        result = tick(store, settings, now=dt.datetime(2026, 12, 5, 7, 0, tzinfo=dt.timezone.utc),
                      digest_at=dt.time(6), out_dir=tmp_path / "out", deliver=lambda d: sent.append(d) or ["x@example.org"])
        assert result.digest_day is None and result.paths == {} and result.delivered == [] and sent == []
        assert result.no_digest == "no articles on 2026-12-04"
        assert store.count("digests") == 0
        built = tick(store, settings, now=dt.datetime(2026, 12, 4, 7, 0, tzinfo=dt.timezone.utc),
                     digest_at=dt.time(6), out_dir=tmp_path / "out", deliver=lambda d: sent.append(d) or ["x@example.org"])
        assert built.digest_day == dt.date(2026, 12, 3) and len(sent) == 1
    assert not (tmp_path / "out" / "digest-2026-12-04.md").exists()
    assert any("no articles on 2026-12-04" in r.getMessage() for r in caplog.records)


def test_run_once_prints_why_no_digest_was_built(tmp_path: Path) -> None:
    yesterday = dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=1)
    assert _run(tmp_path, "init")[0] == 0
    code, output = _run(tmp_path, "run", "--once", "--digest-at", "00:00", "--out", str(tmp_path / "out"))
    assert code == 0
    assert output.rstrip().endswith(f"; no digest built: no articles on {yesterday}")
    assert not (tmp_path / "out").exists()


def test_build_digest_raises_before_writing(fresh_db: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(NoArticlesError, match="no articles on 2026-12-04"):
        build_digest(fresh_db, load_settings(data_dir=tmp_path, env=ENV), day=dt.date(2026, 12, 4))
    assert fresh_db.count("digests") == 0 and fresh_db.count("skips") == 0


@pytest.mark.serial
@pytest.mark.sqlite_only
def test_empty_digests_stored_by_earlier_versions_are_not_shown(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, env=ENV)
    _seed(settings.db_path)
    with open_store(settings.db_path) as store:
        build_digest(store, settings, day=dt.date(2026, 12, 3))
        # what earlier versions stored for a day without articles
        empty = compose_digest([], day=dt.date(2026, 12, 4), options=ComposeOptions(), stats={"articles": 0, "sources": 0})
        store.save_digest(dt.date(2026, 12, 4), title=empty.title, data=digest_to_dict(empty), stories=[])
        assert store.count("digests") == 2
        assert store.digest_dates() == [dt.date(2026, 12, 3)]
        assert store.digest(dt.date(2026, 12, 4)) is None
        assert [r["date"] for r in store.digest_index()] == ["2026-12-03"]
    with ServerThread(make_app(settings.db_path, settings=settings)) as srv:
        with httpx.Client(base_url=srv.url, timeout=10, trust_env=False) as client:
            home = client.get("/")
            assert home.status_code == 200 and "Ferry" in home.text and "0 articles from 0 sources" not in home.text
            feed = ET.fromstring(client.get("/feed.atom").content)
            ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
            assert "urn:newsbrief:digest:2026-12-03" in ids and "urn:newsbrief:digest:2026-12-04" not in ids
            assert [d["date"] for d in client.get("/api/digests").json()["digests"]] == ["2026-12-03"]
            assert client.get("/api/digests/2026-12-04").status_code == 404
    code, output = _run(tmp_path, "feed")
    assert code == 0 and "digest:2026-12-04" not in output and "digest:2026-12-03" in output
