"""What the command line logs: extraction libraries only with -v, the spaCy advice once per data folder."""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from misbehaving_server import Route, serve

from newsbrief.cli.app import cli
from newsbrief.facts import nlp as nlp_mod
from newsbrief.facts.nlp import load_nlp

SRC = Path(__file__).resolve().parents[1] / "src"
EMPTY_PAGE = b"<html><head><title>x</title></head><body></body></html>"


def _feed(n: int) -> bytes:
    items = "".join(f"<item><title>Teaser {i}</title><link>/page{i}.html</link><description>Read more…"
                    f"</description><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item>" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def _newsbrief(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsbrief", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(SRC), **env})


def test_extraction_library_warnings_show_only_with_verbose(tmp_path: Path) -> None:
    pages = {f"/page{i}.html": Route(body=EMPTY_PAGE, content_type="text/html") for i in range(3)}
    # two independent data folders, each with its own SQLite store
    env = {"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true", "NEWSBRIEF_FETCH_PER_HOST_INTERVAL": "0", "NEWSBRIEF_STORE": ""}
    with serve({"/feed.xml": Route(body=_feed(3)), **pages}) as srv:
        base = srv.url("/").rstrip("/")
        out: dict[str, subprocess.CompletedProcess[str]] = {}
        for name, flags in (("quiet", ()), ("verbose", ("-v",))):
            data = str(tmp_path / name)
            for args in (("init",), ("sources", "add", f"{base}/feed.xml")):
                assert _newsbrief("--data-dir", data, *args, env=env).returncode == 0
            out[name] = _newsbrief(*flags, "--data-dir", data, "fetch", "--no-progress", env=env)
        page_requests = sum(r.path.startswith("/page") for r in srv.requests)
    assert page_requests == 6  # every teaser's page was fetched and handed to trafilatura, in both runs
    assert out["quiet"].returncode == 0 and out["verbose"].returncode == 0
    assert "trafilatura" not in out["quiet"].stderr and "htmldate" not in out["quiet"].stderr
    assert "trafilatura" in out["verbose"].stderr  # "discarding data: ..." and the like, with -v


@pytest.fixture
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make spaCy look uninstalled; each CLI run below starts with an empty loader cache, like a new process."""
    real = importlib.import_module

    def fake_import(name: str, *args: Any) -> Any:
        if name == "spacy":
            raise ImportError("No module named 'spacy'")
        return real(name, *args)

    monkeypatch.delenv("NEWSBRIEF_FACTS_NLP", raising=False)
    monkeypatch.setattr(nlp_mod.importlib, "import_module", fake_import)
    yield
    monkeypatch.undo()
    load_nlp.cache_clear()


@pytest.mark.sqlite_only  # two data folders need two stores
def test_spacy_advice_is_shown_once_per_data_folder(no_spacy: None, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    def feed(name: str, company: str) -> Path:
        path = tmp_path / f"{name}.xml"
        path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title><item><title>{company} '
                        f"raises $20 million</title><link>http://h.example/{name}</link><description>{company} raised "
                        "$20 million on Friday, led by Tidewell Capital.</description><pubDate>Fri, 27 Nov 2026 "
                        "08:00:00 GMT</pubDate></item></channel></rss>")
        return path

    runner = CliRunner()

    def run(folder: Path, *args: str, flags: tuple[str, ...] = ()) -> list[logging.LogRecord]:
        load_nlp.cache_clear()
        caplog.clear()
        result = runner.invoke(cli, [*flags, "--data-dir", str(folder), *args], env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
        assert result.exit_code == 0, result.output
        return [r for r in caplog.records if getattr(r, "notice", None) == "nlp-missing"]

    for folder in (tmp_path / "a", tmp_path / "b"):
        run(folder, "init")
        run(folder, "sources", "add", str(feed("desk", "Harbor Labs")))
    with caplog.at_level(logging.WARNING):
        first = run(tmp_path / "a", "fetch", "--no-progress")  # fetch reads the new articles' facts
        assert len(first) == 1
        assert first[0].getMessage() == ("facts: spaCy is not installed, so names and amounts are found by rules "
                                         "(fewer facts). Install it with: pip install 'newsbrief[nlp]'")
        assert run(tmp_path / "a", "digest", "--date", "2026-11-27") == []  # the next run in the same folder is quiet
        run(tmp_path / "a", "sources", "add", str(feed("wire", "Quayside Robotics")))
        assert len(run(tmp_path / "a", "fetch", "--no-progress", flags=("-v",))) == 1  # -v shows it again
        assert len(run(tmp_path / "b", "fetch", "--no-progress")) == 1  # another data folder is told once too
    notices = json.loads((tmp_path / "a" / "notices.json").read_text())
    assert set(notices) == {"nlp-missing"} and "pip install 'newsbrief[nlp]'" in notices["nlp-missing"]["message"]
    assert not logging.getLogger("newsbrief.facts.nlp").filters  # nothing left installed after the command


def test_notice_shows_every_time_when_the_folder_is_read_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from newsbrief.cli.logs import forget_notices, remember_notices_in

    missing = tmp_path / "not-a-folder" / "x"  # writing notices.json there fails like a read-only folder
    logger = logging.getLogger("newsbrief.facts.nlp")
    remember_notices_in(missing)
    try:
        with caplog.at_level(logging.WARNING, logger=logger.name):
            for _ in range(2):
                logger.warning("advice", extra={"notice": "nlp-missing"})
            logger.warning("plain warning")
    finally:
        forget_notices()
    assert [r.getMessage() for r in caplog.records] == ["advice", "advice", "plain warning"]
