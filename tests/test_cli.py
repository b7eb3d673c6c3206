from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli


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


def test_init_writes_config_and_database(run, tmp_path: Path, store_url: str) -> None:
    result = run("init")
    assert result.exit_code == 0
    assert (tmp_path / "data" / "config.toml").exists()
    assert store_url or (tmp_path / "data" / "newsbrief.db").exists()
    assert "0001_initial" in result.output
    again = run("init")
    assert "kept" in again.output


def test_config_show_redacts_secrets(run, tmp_path: Path) -> None:
    run("init")
    (tmp_path / "data" / "config.toml").write_text('[smtp]\npassword = {"$env" = "PW_FOR_TEST"}\n')
    result = run("config", "show", "--json", env={"PW_FOR_TEST": "s3cret"})
    data = json.loads(result.output)
    assert data["settings"]["smtp.password"] == "***"
    assert "s3cret" not in result.output


def test_config_show_redacts_proxy_credentials(run, tmp_path: Path) -> None:
    assert run("init").exit_code == 0
    (tmp_path / "data" / "config.toml").write_text('[fetch]\nproxy = "http://alice:pr0xy-pw@proxy.example:3128"\n')
    as_json = run("config", "show", "--json")
    assert as_json.exit_code == 0 and "pr0xy-pw" not in as_json.output
    data = json.loads(as_json.output)
    assert data["settings"]["fetch.proxy"] == "http://alice:***@proxy.example:3128"
    assert isinstance(data["settings"]["fetch.timeout"], float)  # the --json shape is unchanged
    table = run("config", "show")
    assert table.exit_code == 0 and "pr0xy-pw" not in table.output
    assert "***" in table.output  # the table wraps long values, so only the mask is looked for


def test_import_opml_skips_local_and_non_http_outlines(run, tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "private.json"
    secret.parent.mkdir()
    secret.write_text('{"version": "https://jsonfeed.org/version/1.1", "title": "Private", "items": []}')
    opml = tmp_path / "sent-to-me.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="Private" xmlUrl="file://{secret}"/>'
        f'<outline text="Path" xmlUrl="{secret}"/>'
        '<outline text="JS" xmlUrl="javascript:alert(1)"/>'
        '<outline text="News [bold]x[/bold]" xmlUrl="HTTPS://News.example/feed"/>'
        "</body></opml>")
    assert run("init").exit_code == 0
    result = run("sources", "import-opml", str(opml))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[:3] == [
        f"opml: skipped outline 1 (\"Private\", 'file://{secret}'): a local file (file://); OPML import takes only http(s) URLs",
        f"opml: skipped outline 2 (\"Path\", '{secret}'): a local file path; OPML import takes only http(s) URLs",
        "opml: skipped outline 3 (\"JS\", 'javascript:alert(1)'): scheme 'javascript' is not http(s)",
    ]
    assert lines[3] == f"1 feed(s) in {opml}: 1 added, 0 already subscribed, 3 skipped"
    assert [r["url"] for r in json.loads(run("sources", "list", "--json").output)] == ["https://News.example/feed"]


def test_user_errors_are_one_line(run, tmp_path: Path) -> None:
    run("init")
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
    run("init")
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
    imported = run("sources", "import-opml", str(opml))  # a local file is never taken from an OPML file
    assert imported.exit_code == 0 and "0 added" in imported.output and "1 skipped" in imported.output
    assert json.loads(run("sources", "list", "--json").output) == []
    assert run("sources", "add", str(feed)).exit_code == 0  # typed by the user: allowed
    fetched = run("fetch", "--no-progress")
    assert fetched.exit_code == 0 and "1 new articles" in fetched.output


def _rss(title: str, item: str) -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>http://t.example/</link>'
            f"<item><title>{item}</title><link>http://t.example/{item.replace(' ', '-')}</link>"
            f"<description>{title} reports: {item}, officials said on Friday.</description>"
            "<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>")


def test_sources_add_folder_adds_each_feed_file_as_its_own_outlet(run, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    (folder / "sub").mkdir(parents=True)
    (folder / "valley.xml").write_text(_rss("Valley Radio", "Bridge reopens"))
    (folder / "sub" / "harbour.rss").write_text(_rss("Harbour Gazette - Local", "Ferry strike ends"))
    (folder / "broken.xml").write_text("<html><body>not a feed</body></html>")
    (folder / "notes.txt").write_text("ignored: not a feed suffix")
    assert run("init").exit_code == 0
    out = run("sources", "add", str(folder))
    assert out.exit_code == 0, out.output
    assert "3 feed file(s)" in out.output and "2 added" in out.output and "1 skipped" in out.output
    assert "broken.xml" in out.output
    listing = {Path(r["url"]).name: r["title"] for r in json.loads(run("sources", "list", "--json").output)}
    assert listing == {"valley.xml": "Valley Radio", "harbour.rss": "Harbour Gazette - Local"}
    again = run("sources", "add", str(folder))
    assert "0 added, 2 already subscribed" in again.output
    assert run("fetch", "--no-progress").exit_code == 0
    assert run("digest", "--date", "2026-11-27", "--no-progress", "--out", str(tmp_path / "d.md")).exit_code == 0
    stories = json.loads(run("stories", "--date", "2026-11-27", "--json").output)
    outlets = {a["outlet"] for s in stories for a in s["articles"]}
    assert outlets == {"Valley Radio", "Harbour Gazette"}


def test_sources_add_folder_refuses_a_single_title(run, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "a.xml").write_text(_rss("A", "One"))
    assert run("init").exit_code == 0
    out = run("sources", "add", str(folder), "--title", "Same")
    assert out.exit_code != 0 and "each file of a folder keeps its own feed title" in out.output
