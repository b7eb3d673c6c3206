"""Interests and mutes edited in the browser land in config.toml, where the next digest reads them."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.web import make_app

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

PASSWORD = "prefs admin"
CONFIG = """# my briefing
[digest]
title = "Morning notes"   # keep this comment
interests = ["battery"]

[fetch]
timeout = 12.0
"""


@pytest.fixture
def data(demo: DemoResult, tmp_path: Path) -> Path:
    with sqlite3.connect(demo.db_path) as a, sqlite3.connect(tmp_path / "newsbrief.db") as b:
        a.backup(b)
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _client(data: Path, **env: str) -> TestClient:
    settings = load_settings(data_dir=data, env={"NEWSBRIEF_WEB_ADMIN_PASSWORD": PASSWORD, **env})
    return TestClient(make_app(settings.db_path, settings=settings), base_url="https://localhost")


def _sign_in(c: TestClient) -> str:
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)  # type: ignore[union-attr]
    c.post("/login", data={"password": PASSWORD, "csrf": token, "next": "/interests"})
    return re.search(r'name="csrf" value="([^"]+)"', c.get("/interests").text).group(1)  # type: ignore[union-attr]


def test_saved_lists_are_what_the_next_digest_loads_and_the_rest_of_the_file_is_kept(data: Path) -> None:
    with _client(data) as c:
        assert "battery" in c.get("/interests").text and "<textarea" not in c.get("/interests").text  # read-only view
        token = _sign_in(c)
        r = c.post("/interests", data={"csrf": token, "interests": "battery\nsolar\n\nsolar",
                                       "mutes": " football \nKestrel\x07 AI"})
        assert r.status_code == 200 and "saved: the next digest uses these" in r.text
        assert ">battery\nsolar</textarea>" in r.text
    settings: Any = load_settings(data_dir=data, env={})
    assert settings["digest.interests"] == ["battery", "solar"]
    assert settings["digest.mutes"] == ["football", "Kestrel AI"]
    text = (data / "config.toml").read_text(encoding="utf-8")
    assert text.startswith("# my briefing\n") and "# keep this comment" in text
    assert settings["digest.title"] == "Morning notes" and settings["fetch.timeout"] == 12.0


def test_a_list_set_in_the_environment_is_not_edited_here(data: Path) -> None:
    with _client(data, NEWSBRIEF_DIGEST_MUTES='["golf"]') as c:
        token = _sign_in(c)
        page = c.get("/interests").text
        assert "Set by NEWSBRIEF_DIGEST_MUTES" in page
        c.post("/interests", data={"csrf": token, "interests": "wind", "mutes": "tennis"})
    settings: Any = load_settings(data_dir=data, env={})
    assert settings["digest.interests"] == ["wind"] and settings["digest.mutes"] == []


def test_saving_needs_the_admin_and_its_csrf_token(data: Path) -> None:
    with _client(data) as c:
        assert c.post("/interests", data={"mutes": "x"}).status_code == 401
        _sign_in(c)
        assert c.post("/interests", data={"mutes": "x", "csrf": "forged"}).status_code == 403
    assert (data / "config.toml").read_text(encoding="utf-8") == CONFIG


def test_overlong_entries_are_refused(data: Path) -> None:
    with _client(data) as c:
        token = _sign_in(c)
        r = c.post("/interests", data={"csrf": token, "mutes": "x" * 101, "interests": ""})
    assert r.status_code == 400 and "digest.mutes:" in r.text
    assert (data / "config.toml").read_text(encoding="utf-8") == CONFIG
