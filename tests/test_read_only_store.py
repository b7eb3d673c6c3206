"""A read-only database still serves the read commands; writes and ``init`` fail with one line naming the file or folder.

The suite runs as root in CI, where chmod does not stop writes: the permission checks are
driven by injecting what a read-only file system reports (``os.access``, SQLite's "attempt to
write a readonly database"), and the ``mode=ro`` connection is checked directly, since SQLite
enforces it for root too. One test uses chmod and runs only as an ordinary user.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import make_article
from starlette.testclient import TestClient

import newsbrief.store.sqlite as sqlite_store
from newsbrief.cli.app import cli
from newsbrief.config import load_settings
from newsbrief.errors import StoreError
from newsbrief.store import ReadOnlyStoreError, SQLiteStore, open_store
from newsbrief.web import make_app

READ_COMMANDS = [
    (["sources", "list"], "Wire"),
    (["sources", "export-opml"], "http://wire.example/feed.xml"),
    (["search", "battery"], "Quarry Labs opens a battery plant"),
    (["facts"], "0 facts"),
    (["stories"], "0 stories"),
    (["feed"], "<feed"),
]

pytestmark = pytest.mark.sqlite_only  # read-only files and folders of the SQLite store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder / "newsbrief.db") as store:
        store.add_source("http://wire.example/feed.xml", title="Wire")
        store.upsert_articles([(make_article("a1", title="Quarry Labs opens a battery plant",
                                             text="Quarry Labs opened a battery plant in Ohio."), 1, None)])
    (folder / "config.toml").write_text("# written by init\n", encoding="utf-8")
    return folder


@pytest.fixture
def read_only_files(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    """Make everything under the data folder report itself read-only, as a read-only mount would."""
    real: Callable[..., bool] = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and str(path).startswith(str(data)):
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(sqlite_store.os, "access", access)


def _run(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize(("args", "shown"), READ_COMMANDS)
def test_read_commands_work_on_a_read_only_database(read_only_files: None, data: Path, args: list[str], shown: str) -> None:
    code, output = _run(data, *args)
    assert code == 0, output
    assert shown in output


@pytest.mark.parametrize("args", [
    ["sources", "add", "--no-check", "http://other.example/feed.xml"],
    ["sources", "remove", "http://wire.example/feed.xml"],
    ["fetch"],
    ["digest", "--date", "2026-11-27"],
    ["init"],
])
def test_write_commands_fail_in_one_line_naming_the_file(read_only_files: None, data: Path, args: list[str]) -> None:
    code, output = _run(data, *args)
    assert code == 1
    lines = [line for line in output.splitlines() if not line.startswith("kept ")]
    assert lines == [f"Error: store: cannot write {data / 'newsbrief.db'}: the file is read-only"]


def test_serve_reads_a_read_only_database(read_only_files: None, data: Path) -> None:
    settings = load_settings(data_dir=data, env={})
    with TestClient(make_app(settings.db_path, settings=settings), base_url="http://localhost:8080") as client:
        assert client.get("/api/sources").json()["sources"][0]["url"] == "http://wire.example/feed.xml"
        assert client.get("/api/search", params={"q": "battery"}).json()["results"][0]["id"] == "a1"


def test_mode_ro_connection_refuses_writes_even_for_root(data: Path) -> None:
    with SQLiteStore(data / "newsbrief.db", read_only=True) as store:
        assert [s.url for s in store.sources()] == ["http://wire.example/feed.xml"]
        assert store.migrations()[:2] == ["0001_initial", "0002_article_search"]
        with pytest.raises(ReadOnlyStoreError, match=f"store: cannot write {data / 'newsbrief.db'}: it was opened read-only"):
            store.add_source("http://other.example/feed.xml")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("INSERT INTO skips(at, stage, what, reason) VALUES ('t', 's', 'w', 'r')")


def test_a_write_sqlite_refuses_is_one_line_naming_the_file(data: Path) -> None:
    db = data / "newsbrief.db"
    with SQLiteStore(db) as store:
        store.conn.close()
        # what SQLite answers when the file turns out read-only only once a write starts
        store.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        with pytest.raises(ReadOnlyStoreError) as info:
            store.add_source("http://other.example/feed.xml")
        assert str(info.value) == f"store: cannot write {db}: attempt to write a readonly database"
        assert not store.conn.in_transaction


def test_read_commands_fall_back_when_sqlite_refuses_a_write_on_open(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    def refuse(conn: sqlite3.Connection) -> list[str]:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite_store, "apply_migrations", refuse)
    with pytest.raises(ReadOnlyStoreError, match="cannot write"):
        open_store(data / "newsbrief.db")
    with open_store(data / "newsbrief.db", read_only_fallback=True) as store:
        assert store.read_only and store.source_rows()[0]["title"] == "Wire"
    code, output = _run(data, "sources", "list")
    assert code == 0 and "Wire" in output


def test_read_only_folder_opens_the_database_immutable(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    real = sqlite3.connect
    tried: list[str] = []

    def connect(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        tried.append(str(target))
        if "immutable=1" not in str(target):  # what mode=ro meets when the -shm file cannot be created
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(target, *args, **kwargs)

    monkeypatch.setattr(sqlite_store.sqlite3, "connect", connect)
    with SQLiteStore(data / "newsbrief.db", read_only=True) as store:
        assert store.search("battery")[0]["id"] == "a1"
    assert [t.rsplit("?", 1)[1] for t in tried] == ["mode=ro", "mode=ro&immutable=1"]


def test_read_only_database_missing_migrations_says_so(data: Path) -> None:
    with sqlite3.connect(data / "newsbrief.db") as conn:
        conn.execute("DELETE FROM _migrations WHERE name = '0002_article_search'")
    with pytest.raises(StoreError, match="needs migrations 0002_article_search; make it writable and run `newsbrief init`"):
        SQLiteStore(data / "newsbrief.db", read_only=True)


def test_init_in_a_folder_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, output = _run(blocker / "data", "init")
    assert code == 1
    assert output.splitlines() == [f"Error: init: the data folder {blocker / 'data'} is not writable (Not a directory)"]


def test_init_in_an_unwritable_folder_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "locked" / "data"
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    code, output = _run(target, "init")
    assert code == 1
    assert output.splitlines() == [f"Error: init: the data folder {target} is not writable (Permission denied)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod does not stop root from writing")
def test_chmod_read_only_database_and_folder(data: Path) -> None:
    db = data / "newsbrief.db"
    db.chmod(0o444)
    data.chmod(0o555)
    try:
        code, output = _run(data, "sources", "list")
        assert code == 0 and "Wire" in output
        code, output = _run(data, "sources", "add", "--no-check", "http://other.example/feed.xml")
        assert code == 1 and output.splitlines() == [f"Error: store: cannot write {db}: the file is read-only"]
    finally:
        data.chmod(0o755)
        db.chmod(0o644)
