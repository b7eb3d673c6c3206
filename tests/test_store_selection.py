"""Choosing the store (SQLite by default, PostgreSQL by URL) and what both dialects share."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from newsbrief.config import load_settings
from newsbrief.errors import ConfigError, StoreError
from newsbrief.store import migrations, migrations_pg, open_store
from newsbrief.store.fts import tsquery_sql


def test_both_dialects_have_the_same_migrations_in_the_same_order() -> None:
    assert [n for n, _ in migrations_pg.MIGRATIONS] == [n for n, _ in migrations.MIGRATIONS]


def test_the_store_is_the_sqlite_file_unless_a_url_is_set(tmp_path: Path) -> None:
    assert load_settings(data_dir=tmp_path, env={}).store == str(tmp_path / "newsbrief.db")
    url = "postgresql://nb:pw@127.0.0.1:5432/news"
    settings = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_STORE": url})
    assert (settings.store, settings.origins["store.url"]) == (url, "env")


def test_a_store_that_is_not_a_postgresql_url_is_one_line_naming_it_without_its_password(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(data_dir=tmp_path, env={"NEWSBRIEF_STORE": "mysql://nb:hunter2@db/news"})
    message = str(info.value)
    assert "NEWSBRIEF_STORE" in message and "postgresql://" in message and "\n" not in message
    assert "hunter2" not in message


def test_config_show_hides_the_store_password(newsbrief_cli: Callable[..., Any]) -> None:
    assert newsbrief_cli("init", env={"NEWSBRIEF_STORE": ""}).exit_code == 0
    shown = newsbrief_cli("config", "show", "--json", env={"NEWSBRIEF_STORE": "postgresql://nb:hunter2@db.example/news"})
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["settings"]["store.url"] == "postgresql://nb:***@db.example/news"


def test_the_store_flag_overrides_the_environment(newsbrief_cli: Callable[..., Any], tmp_path: Path) -> None:
    assert newsbrief_cli("init", env={"NEWSBRIEF_STORE": ""}).exit_code == 0
    shown = newsbrief_cli("--store", "postgresql://nb@db.example/other", "config", "show", "--json",
                          env={"NEWSBRIEF_STORE": "postgresql://nb@db.example/news"})
    assert json.loads(shown.output)["settings"]["store.url"] == "postgresql://***@db.example/other"  # a lone user name is hidden like a token


def test_a_missing_psycopg_is_a_one_line_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    monkeypatch.delitem(sys.modules, "newsbrief.store.postgres", raising=False)
    with pytest.raises(StoreError, match=r"pip install 'newsbrief\[postgresql\]'"):
        open_store("postgresql://nb@127.0.0.1:1/news")


def test_an_unreachable_server_is_one_line_naming_it_without_its_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as info:
        open_store("postgresql://nb:hunter2@127.0.0.1:1/news?connect_timeout=2")
    assert str(info.value).startswith("store: cannot connect to postgresql://nb:***@127.0.0.1:1/news")
    assert "\n" not in str(info.value) and "hunter2" not in str(info.value)


def test_search_operators_keep_their_precedence_in_a_tsquery() -> None:
    sql, params = tsquery_sql('chip "open source" NOT memory OR wafer*')
    assert sql == ("(phraseto_tsquery('english', %s) && phraseto_tsquery('english', %s)"
                   " && !!phraseto_tsquery('english', %s)) || (to_tsquery('english', %s))")
    assert params == ["chip", "open source", "memory", "'wafer':*"]


def test_question_marks_in_sql_text_are_not_placeholders() -> None:
    pytest.importorskip("psycopg")
    from newsbrief.store.postgres import _pg_sql

    assert _pg_sql("SELECT '?', x FROM t WHERE a = ? AND b LIKE '50%'") == "SELECT '?', x FROM t WHERE a = %s AND b LIKE '50%%'"


def test_serve_with_an_unreachable_postgresql_store_is_one_line_naming_it(newsbrief_cli: Callable[..., Any],
                                                                           tmp_path: Path) -> None:
    # The web UI opens the same store as every other command; a PostgreSQL server that is not
    # there is one line naming the URL (password hidden), not a traceback.
    pytest.importorskip("psycopg")
    (tmp_path / "data").mkdir()
    result = newsbrief_cli("--store", "postgresql://nb:secret@127.0.0.1:1/news", "serve")
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("Error: store: cannot connect to postgresql://nb:***@127.0.0.1:1/news")
    assert "secret" not in result.output


def test_read_only_options_keep_the_options_a_url_already_has() -> None:
    pytest.importorskip("psycopg")
    from urllib.parse import parse_qsl, urlsplit

    from newsbrief.store.postgres import _with_options

    url = _with_options("postgresql://nb@127.0.0.1:5432/db?options=-csearch_path%3Dt_one", "-c default_transaction_read_only=on")
    # libpq reads '+' in a URI as a plus sign, not a space: the options must be joined with %20
    assert "+" not in urlsplit(url).query
    assert dict(parse_qsl(urlsplit(url).query))["options"] == "-csearch_path=t_one -c default_transaction_read_only=on"


def test_a_read_only_store_opens_the_schema_its_url_names(store_url: str, tmp_path: Path) -> None:
    if not store_url:
        pytest.skip("the suite runs on SQLite: the schema in a URL is a PostgreSQL matter")
    open_store(store_url).close()
    store = open_store(store_url, read_only=True)
    try:
        assert store.read_only
    finally:
        store.close()
