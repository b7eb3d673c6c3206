from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import cli


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), *args], env=env, catch_exceptions=False)

    return invoke


def test_every_command_has_help(run) -> None:
    for args in (["--help"], ["init", "--help"], ["sources", "--help"], ["sources", "add", "--help"],
                 ["sources", "list", "--help"], ["sources", "check", "--help"], ["sources", "import-opml", "--help"],
                 ["sources", "export-opml", "--help"], ["sources", "remove", "--help"], ["fetch", "--help"],
                 ["digest", "--help"], ["stories", "--help"], ["search", "--help"], ["facts", "--help"],
                 ["demo", "--help"], ["eval", "--help"], ["eval", "clustering", "--help"], ["config", "show", "--help"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.output


def test_fetch_and_run_document_how_they_stop(run) -> None:
    for command in ("fetch", "run"):
        text = " ".join(run(command, "--help").output.split())
        assert "SIGTERM" in text and "130 after Ctrl-C, 143 after SIGTERM" in text, text


def test_readme_lists_every_command() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    names = []
    for name, cmd in cli.commands.items():
        subs = getattr(cmd, "commands", None)
        names += [f"newsbrief {name} {s}" for s in subs] if subs else [f"newsbrief {name}"]
    missing = [n for n in names if f"`{n}" not in readme]
    assert not missing, missing


def test_init_writes_config_and_database(run, tmp_path: Path) -> None:
    result = run("init")
    assert result.exit_code == 0
    assert (tmp_path / "data" / "config.toml").exists()
    assert (tmp_path / "data" / "newsbrief.db").exists()
    assert "0001_initial" in result.output
    again = run("init")
    assert "kept" in again.output


def test_config_show_redacts_secrets(run, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "config.toml").write_text('[smtp]\npassword = {"$env" = "PW_FOR_TEST"}\n')
    result = run("config", "show", "--json", env={"PW_FOR_TEST": "s3cret"})
    data = json.loads(result.output)
    assert data["settings"]["smtp.password"] == "***"
    assert "s3cret" not in result.output


def test_user_errors_are_one_line(run, tmp_path: Path) -> None:
    result = run("sources", "add", str(tmp_path / "missing.xml"))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: sources: no such file or folder: {tmp_path / 'missing.xml'}"]
    bad_scheme = run("sources", "add", "ftp://example.com/feed")
    assert bad_scheme.exit_code == 1 and "unsupported URL scheme" in bad_scheme.output
    assert run("fetch").exit_code == 1
    assert run("digest", "--date", "yesterday").exit_code == 2
    (tmp_path / "data" / "config.toml").write_text("[fetch]\ntimeout = 'x'\n")
    broken = run("config", "show")
    assert broken.exit_code == 1 and broken.output.count("\n") == 1 and "fetch.timeout" in broken.output


def test_sources_add_list_remove_and_opml_round_trip(run, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test Feed</title><link>http://t.example/</link>'
        "<item><title>One</title><link>http://t.example/1</link><description>Body one.</description>"
        "<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"
    )
    added = run("sources", "add", str(feed))
    assert added.exit_code == 0, added.output
    assert "Local Test Feed" in added.output
    assert "already subscribed" in run("sources", "add", str(feed)).output
    listing = json.loads(run("sources", "list", "--json").output)
    assert [r["url"] for r in listing] == [str(feed.resolve())]
    opml = tmp_path / "subs.opml"
    assert run("sources", "export-opml", "--out", str(opml)).exit_code == 0
    assert run("sources", "remove", str(feed)).exit_code == 0
    assert json.loads(run("sources", "list", "--json").output) == []
    imported = run("sources", "import-opml", str(opml))
    assert "1 added" in imported.output
    fetched = run("fetch", "--no-progress")
    assert fetched.exit_code == 0 and "1 new articles" in fetched.output
