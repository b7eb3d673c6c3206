"""A mistyped --data-dir is a one-line error for every command but init, which creates the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli

DATA_COMMANDS = [
    ("config", "show"), ("sources", "list"), ("sources", "add", "http://feeds.example/rss.xml", "--no-check"),
    ("sources", "remove", "1"), ("sources", "export-opml"), ("sources", "check", "http://feeds.example/rss.xml"),
    ("fetch",), ("digest",), ("feed",), ("stories",), ("search", "chips"), ("facts",), ("run", "--once"), ("serve",),
]


@pytest.mark.parametrize("args", DATA_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_missing_data_folder_is_a_one_line_error(newsbrief_cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    typo = tmp_path / "dta"
    result = newsbrief_cli(*args, data=typo)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"Error: data folder {typo} does not exist; check --data-dir, or create it with `newsbrief --data-dir {typo} init`"]
    assert not typo.exists()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("args", DATA_COMMANDS[:6], ids=lambda a: " ".join(a[:2]))
def test_folder_without_database_is_a_one_line_error(newsbrief_cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "docs").mkdir()
    result = newsbrief_cli(*args, data=tmp_path / "docs")
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and "has no newsbrief database" in result.output
    assert list((tmp_path / "docs").iterdir()) == []


def test_default_data_folder_error_names_plain_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsbrief.config.platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "platform"))
    monkeypatch.delenv("NEWSBRIEF_DATA_DIR", raising=False)
    result = CliRunner().invoke(cli, ["sources", "list"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: data folder {tmp_path / 'platform'} does not exist; check --data-dir, or create it with `newsbrief init`"]


def test_init_creates_the_folder_and_then_commands_work(newsbrief_cli, tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "new" / "nested"
    assert newsbrief_cli("init", data=folder).exit_code == 0
    assert store_url or (folder / "newsbrief.db").is_file()
    listed = newsbrief_cli("sources", "list", data=folder)
    assert listed.exit_code == 0 and listed.output.strip() == "0 sources"


def test_environment_data_dir_is_checked_too(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stories"], env={"NEWSBRIEF_DATA_DIR": str(tmp_path / "gone")})
    assert result.exit_code == 1 and "data folder" in result.output and "does not exist" in result.output
    assert not (tmp_path / "gone").exists()
