"""Ordinary search text (hyphens, ampersands, dots, apostrophes, $, %, +) finds its articles in the CLI and the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from factories import make_article

from newsbrief.cli.app import cli
from newsbrief.config import load_settings
from newsbrief.errors import StoreError
from newsbrief.store import open_store
from newsbrief.store.fts import fts_query
from newsbrief.web import ServerThread, make_app

ARTICLES = {
    "kestrel": ("Kestrel-3 satellite launch slips to spring", "The Kestrel-3 satellite will launch in April."),
    "bird": ("Kestrel count rises", "Birders counted 3 more kestrels than last year, a kestrel survey found."),
    "opensrc": ("Lab releases an open-source weather model", "The open-source model runs on one laptop."),
    "us": ("U.S. regulators open a rail inquiry", "U.S. officials asked rail firms for safety records."),
    "freight": ("Freightlane's new depot opens", "Freightlane's depot in Leeds opened on Monday."),
    "att": ("AT&T raises phone prices", "AT&T said monthly prices rise by two dollars."),
    "deal": ("Mining deal worth $6.8 billion", "The deal is worth $6.8 billion including debt."),
    "shares": ("Shares of Tamber jump 100% on debut", "Tamber shares rose 100% in their first hour of trading."),
    "cpp": ("C++ committee ships a new standard", "The C++ committee approved the draft in Sofia."),
}

# query -> the article ids it must return (and nothing else)
CASES = [
    ("Kestrel-3", {"kestrel"}),
    ("open-source", {"opensrc"}),
    ("U.S.", {"us"}),
    ("Freightlane's", {"freight"}),
    ("AT&T", {"att"}),
    ("$6.8 billion", {"deal"}),
    ("100%", {"shares"}),
    ("C++", {"cpp"}),
    ('"new depot opens"', {"freight"}),
    ("kestrel*", {"kestrel", "bird"}),
    ("AT&T OR C++", {"att", "cpp"}),
    ("kestrel NOT Kestrel-3", {"bird"}),
    ("OR AT&T NOT", {"att"}),
    ('"U.S. regulators', {"us"}),
    ("Freightlane's (depot)", {"freight"}),
    ("depot: Leeds", {"freight"}),
]
BAD = ['"', "&", "OR NOT", "- * %"]


def _add_articles(location: str | Path) -> None:
    with open_store(location) as store:
        store.upsert_articles([(make_article(aid, title=title, text=text, url=f"http://news.example/{aid}"), n, None)
                               for n, (aid, (title, text)) in enumerate(ARTICLES.items(), 1)])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("search") / "data"
    _add_articles(load_settings(data_dir=data, env={}).db_path)
    return data


@pytest.fixture
def cli_data(data_dir: Path, store_url: str, tmp_path: Path) -> Path:
    """The data folder the CLI searches: the module's SQLite file, or this test's PostgreSQL schema."""
    if not store_url:
        return data_dir
    _add_articles(store_url)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[httpx.Client]:
    settings = load_settings(data_dir=data_dir, env={})
    with ServerThread(make_app(settings.db_path, settings=settings)) as srv:
        with httpx.Client(base_url=srv.url, timeout=10, trust_env=False) as client:
            yield client


def _titles(ids: set[str]) -> set[str]:
    return {ARTICLES[i][0] for i in ids}


@pytest.mark.parametrize(("query", "ids"), CASES)
def test_search_in_the_cli(cli_data: Path, query: str, ids: set[str]) -> None:
    result = CliRunner().invoke(cli, ["--data-dir", str(cli_data), "search", "--", query], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    found = {title for title, _ in ARTICLES.values() if title[:60] in result.output}
    assert found == _titles(ids)
    assert f"{len(ids)} result(s)" in result.output


@pytest.mark.serial
@pytest.mark.sqlite_only
@pytest.mark.parametrize(("query", "ids"), CASES)
def test_search_in_the_api(server: httpx.Client, query: str, ids: set[str]) -> None:
    r = server.get("/api/search", params={"q": query})
    assert r.status_code == 200, r.text
    assert {row["id"] for row in r.json()["results"]} == ids


@pytest.mark.parametrize("query", BAD)
def test_search_without_words_is_one_line_in_the_cli(cli_data: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["--data-dir", str(cli_data), "search", "--", query], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: search: nothing to search for in {query!r}; give words or \"a phrase\""]


@pytest.mark.serial
@pytest.mark.sqlite_only
@pytest.mark.parametrize("query", BAD)
def test_search_without_words_is_a_400_in_the_api(server: httpx.Client, query: str) -> None:
    r = server.get("/api/search", params={"q": query})
    assert r.status_code == 400
    assert r.json() == {"error": f"search: nothing to search for in {query!r}; give words or \"a phrase\""}


@pytest.mark.parametrize(("text", "query"), [
    ("Kestrel-3", '"Kestrel-3"'),
    ('say "hi there" now', '"say" "hi there" "now"'),
    ('he said "yes', '"he" "said" "yes"'),
    ("regulat* OR ban NOT", '"regulat"* OR "ban"'),
    ("NOT AND chip", '"chip"'),
    ("a OR OR b", '"a" OR "b"'),
    ('x"y', '"x" "y"'),
])
def test_fts_query_quotes_every_term(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_fts_query_without_words_raises() -> None:
    with pytest.raises(StoreError, match="nothing to search for"):
        fts_query("  ")

