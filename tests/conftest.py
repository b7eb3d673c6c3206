"""Shared fixtures: a fresh store, isolated settings, the golden-file flag and an offline CLI runner.

With ``NEWSBRIEF_TEST_STORE=postgresql://user@127.0.0.1:port/db`` (or ``--store-url``) the
suite runs on PostgreSQL: each test gets a schema of its own in that database, which the
``fresh_db`` fixture opens and which ``NEWSBRIEF_STORE`` hands to every ``newsbrief`` command
the test runs (in process or as a subprocess); the schema is dropped after the test. Tests that
need the SQLite store (its journal, read-only files, raw ``sqlite3`` reads, the web UI) are
marked ``sqlite_only`` and skipped there.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import pytest

from newsbrief.config import Settings, load_settings
from newsbrief.store import SQLiteStore, is_postgres_url, open_store

if TYPE_CHECKING:
    from click.testing import Result

    from newsbrief.demo import DemoResult


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")
    parser.addoption("--store-url", default=os.environ.get("NEWSBRIEF_TEST_STORE", ""),
                     help="Run the store-backed tests on this postgresql:// database (env NEWSBRIEF_TEST_STORE).")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: needs the SQLite store (its file, or the web UI, which reads only "
                                       "SQLite); skipped on PostgreSQL")
    url = config.getoption("--store-url")
    if url and not is_postgres_url(url):
        raise pytest.UsageError(f"--store-url / NEWSBRIEF_TEST_STORE must be a postgresql:// URL, got {url!r}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store-url"):
        skip = pytest.mark.skip(reason="needs the SQLite store")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


def _with_schema(url: str, schema: str) -> str:
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"] + [("options", f"-csearch_path={schema}")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


@pytest.fixture(autouse=True)
def store_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The PostgreSQL URL of this test's own schema (also in ``NEWSBRIEF_STORE``), or "" on SQLite."""
    base = str(request.config.getoption("--store-url"))
    if not base or request.node.get_closest_marker("sqlite_only"):
        monkeypatch.delenv("NEWSBRIEF_STORE", raising=False)
        yield ""
        return
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = _with_schema(base, schema)
    monkeypatch.setenv("NEWSBRIEF_STORE", url)
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(autouse=True)
def _no_dns_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests reach 127.0.0.1 only: a name other than localhost does not resolve (tests may patch their own)."""
    real = socket.getaddrinfo

    def offline(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or name in ("localhost", "ip6-localhost") or str(name).endswith(".localhost"):
            return real(host, *args, **kwargs)
        try:  # an address in any spelling the C library reads (127.1, 0x7f000001) needs no DNS
            real(host, None, 0, 0, 0, socket.AI_NUMERICHOST)
        except socket.gaierror:
            raise socket.gaierror(socket.EAI_NONAME, f"Name or service not known ({name}: tests resolve no names)")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", offline)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fresh_db(store_url: str) -> Iterator[SQLiteStore]:
    store = open_store(store_url or ":memory:")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path, env={})


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> "DemoResult":
    """The demo run once per session, in every output format."""
    from newsbrief.demo import run_demo

    return run_demo(tmp_path_factory.mktemp("demo"), formats=("md", "html", "email", "text", "json"))


@pytest.fixture(scope="session")
def db(demo: "DemoResult") -> sqlite3.Connection:
    """A read connection to the demo database."""
    conn = sqlite3.connect(demo.db_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


@pytest.fixture(scope="session")
def key() -> dict[str, Any]:
    """The sample corpus answer key."""
    from newsbrief.sample import answer_key

    return answer_key()


@pytest.fixture
def newsbrief_cli(tmp_path: Path) -> Callable[..., Result]:
    """Run ``newsbrief --data-dir <tmp>/data ...`` in process, offline: no article pages are fetched.

    Call it as ``newsbrief_cli("sources", "list", data=other_folder, env={...}, columns=80)``.
    """
    from click.testing import CliRunner

    from newsbrief.cli.app import cli

    runner = CliRunner()

    def invoke(*args: str, data: Path | None = None, env: dict[str, str] | None = None, columns: int = 100) -> Result:
        folder = tmp_path / "data" if data is None else data
        return runner.invoke(cli, ["--data-dir", str(folder), *args],
                             env={"NEWSBRIEF_FETCH_FULL_TEXT": "false", "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true",
                                  "COLUMNS": str(columns), **(env or {})})

    return invoke
