"""Hostile feed text through the command line: Rich markup, emoji codes and control characters.

Every command prints such text as written (no MarkupError, nothing vanishing, no style taken
from the data) and nothing a feed sends reaches the store, the terminal or an XML output as a
control character.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

import pytest
from click.testing import Result
from rich.console import Console

import newsbrief.cli.app  # noqa: F401 - the entry module loads cli_digest and cli_sources in their order
from newsbrief.cli.digest_commands import snippet_text
from newsbrief.cli.source_commands import source_table

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TITLE = "[/bold] Chip [pdf] export rules [i] tightened :fire:"
OUTLET = "[/] Wire [bold]Desk"
BODY = ("Officials said on Friday that [/bold] chip exports to three countries would need a licence "
        "from January, and that [pdf] copies of the rules were published.")


def _hostile_feed(path: Path) -> Path:
    """An RSS file whose title, outlet, author and body carry markup, escape sequences and NUL."""
    title = TITLE.replace("Chip", "Chip\x1b[31m") + "\x00\x1b]0;pwned\x07"
    body = BODY.replace("chip", "chip\x00\x1b[1m") + "\r\nMore\x7f text."
    path.write_bytes((
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{OUTLET}\x1b[2J\x00</title>'
        "<link>http://wire.example/</link>"
        f"<item><title>{title}</title><link>http://wire.example/2026/11/27/chips</link>"
        "<author>desk@wire.example (Ed\x1b[0m\x07)</author>"
        f"<description>{body}</description><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    ).encode("utf-8"))
    return path


@pytest.fixture
def nb(newsbrief_cli: Callable[..., Result]) -> Callable[..., Result]:
    """``newsbrief`` on an initialised data folder, offline."""
    assert newsbrief_cli("init").exit_code == 0
    return newsbrief_cli


def _ok(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "MarkupError" not in result.output
    return result.output


@pytest.fixture
def fetched(nb, tmp_path: Path):
    feed = _hostile_feed(tmp_path / "hostile.xml")
    added = _ok(nb("sources", "add", str(feed)))
    assert "[/] Wire [bold]Desk" in added  # the feed's own title, printed as written
    _ok(nb("fetch", "--no-progress"))
    return nb


def test_markup_in_feed_text_prints_as_written(fetched) -> None:
    listing = _ok(fetched("sources", "list"))
    assert "[/] Wire" in listing and "[bold]Desk" in listing
    found = _ok(fetched("search", "licence"))
    assert TITLE[:40] in found  # "[pdf]" and "[i]" do not vanish, ":fire:" stays text
    assert "need a licence from January, and that [pdf] copies" in found  # the match kept, "[pdf]" too
    _ok(fetched("digest", "--date", "2026-11-27"))
    stories = _ok(fetched("stories", "--explain"))
    assert TITLE in stories and "ranking in the digest of 2026-11-27" in stories
    assert "🔥" not in found + stories


@pytest.mark.sqlite_only
def test_markup_in_a_stored_error_does_not_break_sources_list(fetched, tmp_path: Path) -> None:
    error = "fetch: [/] 500 [bold]Internal[/bold] error [/x] from the server, " + "with a long explanation " * 6 + "END"
    with sqlite3.connect(tmp_path / "data" / "newsbrief.db") as db:
        db.execute("UPDATE sources SET last_error = ?, error_count = 2", (error,))
    listing = _ok(fetched("sources", "list"))
    assert " ".join(listing.split()).count(" ".join(error.split())) == 1  # whole, wrapped, not cut
    assert "2 failure(s) in a row" in listing


@pytest.mark.sqlite_only
def test_control_characters_never_reach_the_store_or_the_output(fetched, tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "data" / "newsbrief.db") as db:
        row = db.execute("SELECT title, text, html, author, outlet, url FROM articles").fetchone()
        source_title = db.execute("SELECT title FROM sources").fetchone()[0]
    assert row[0] == TITLE
    assert row[1].startswith("Officials said on Friday that [/bold] chip exports")
    for value in (*row, source_title):
        assert not CONTROL.search(value), repr(value)
    for fmt in ("md", "text", "html", "json"):
        out = _ok(fetched("digest", "--date", "2026-11-27", "--format", fmt))
        assert "export rules" in out and not CONTROL.search(out.replace("\n", "")), fmt
    for args in (("stories", "--explain"), ("search", "chip"), ("sources", "list"), ("facts",)):
        assert not CONTROL.search(_ok(fetched(*args)).replace("\n", "")), args
    atom = _ok(fetched("feed", "--format", "atom"))
    root = ET.fromstring(atom.encode("utf-8"))
    assert root.find("{http://www.w3.org/2005/Atom}entry") is not None


@pytest.mark.sqlite_only
def test_control_characters_stored_before_this_release_are_stripped_on_output(fetched, tmp_path: Path) -> None:
    _ok(fetched("digest", "--date", "2026-11-27"))
    with sqlite3.connect(tmp_path / "data" / "newsbrief.db") as db:
        data = json.loads(db.execute("SELECT data FROM digests").fetchone()[0])
        data["title"] = "Briefing\x1b[2J\x00 of the day\ud800"
        next(sec for sec in data["sections"] if sec["items"])["items"][0]["headline"] = "Head\x1b]0;pwned\x07line\x0c"
        db.execute("UPDATE digests SET data = ?", (json.dumps(data),))  # JSON keeps the lone surrogate as \\ud800
        db.execute("UPDATE sources SET title = ?, last_error = ?", ("Wire\x1b[31m", "fetch: \x1b[1mbad\x00"))
    for fmt in ("md", "text", "email", "json"):
        out = _ok(fetched("digest", "--date", "2026-11-27", "--stored", "--format", fmt))
        assert "Briefing of the day" in out and not CONTROL.search(out.replace("\n", "")), fmt
    ET.fromstring(_ok(fetched("feed", "--format", "atom")).encode("utf-8"))
    json.loads(_ok(fetched("feed", "--format", "json")))
    listing = _ok(fetched("sources", "list"))
    assert "fetch: bad" in listing and not CONTROL.search(listing.replace("\n", ""))


def test_json_feed_with_a_lone_surrogate_and_controls_is_stored_clean(nb, tmp_path: Path) -> None:
    feed = tmp_path / "hostile.json"
    feed.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "JSON\u001b[2J [/bold]Desk",
        "items": [{"id": "j1", "url": "http://json.example/1", "title": "Broken \ud800 pair\u0000 [i]",
                   "content_text": "Text\u001b[31m with a lone \udfff surrogate and [/] brackets.",
                   "date_published": "2026-11-27T08:00:00Z"}]}), encoding="utf-8")
    assert "JSON [/bold]Desk" in _ok(nb("sources", "add", str(feed)))
    assert "1 new articles" in _ok(nb("fetch", "--no-progress"))
    found = _ok(nb("search", "surrogate"))
    assert "Broken pair [i]" in found and "with a lone surrogate and [/] brackets" in found


def test_search_snippet_highlights_matches_with_styles() -> None:
    article = "Intro. He said [/bold] that chips and [pdf] files [i] and [export rules] sold well […] today."
    text = snippet_text("…said [/bold] that [chips] and [pdf] files [i] and [[export] rules] sold…", article)
    assert text.plain == "…said [/bold] that chips and [pdf] files [i] and [export rules] sold…"
    assert [(text.plain[s.start:s.end], s.style) for s in text.spans] == [("chips", "bold reverse"),
                                                                           ("export", "bold reverse")]
    at_start = snippet_text("[Intro]. He said [/bold] that…", article)
    assert at_start.plain == "Intro. He said [/bold] that…" and len(at_start.spans) == 1
    # without the article text, only bracketed words are read as marks
    alone = snippet_text("said [/bold] that [chips] […] [export rules] sold")
    assert alone.plain == "said [/bold] that chips […] export rules sold"
    assert [alone.plain[s.start:s.end] for s in alone.spans] == ["chips", "export rules"]


def _column(lines: list[str], header: str, start: str, end: str | None) -> list[str]:
    head = next(line for line in lines if start in line and header in line)
    left = head.index(start)
    right = head.index(end) if end else None
    return [line[left:right].strip() for line in lines[lines.index(head) + 2:]]


def test_sources_list_reads_at_80_columns_with_url_and_whole_error() -> None:
    url = "https://www.a-rather-long-publication-name.example/feeds/section/technology/all-stories.xml"
    error = ("fetch: 503 Service Unavailable for " + url + " after 3 retries; the server asked to wait "
             "3600 seconds (Retry-After) and the next poll was moved accordingly")
    rows = [{"id": 1, "title": "A Rather Long Publication Name: Technology", "url": url, "last_fetch_at": "x",
             "error_count": 4, "http_status": 503, "item_count": 120, "last_success_at": "2026-11-27T06:00:00+00:00",
             "next_poll_at": "2026-11-27T09:30:00+00:00", "last_error": error},
            {"id": 12, "title": "", "url": "/home/me/feeds/local.xml", "last_fetch_at": None, "error_count": 0,
             "http_status": None, "item_count": 0, "last_success_at": None, "next_poll_at": None, "last_error": None}]
    console = Console(width=80, record=True, markup=False)
    console.print(source_table(rows, now=dt.datetime(2026, 11, 27, 8, 0, tzinfo=dt.timezone.utc)))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    table = lines[:lines.index("last errors") - 1]
    cells = _column(table, "url", "url", "status")
    assert "".join(cells).startswith(url + "/home/me/feeds/local.xml")  # folded, never cut
    assert any("2h ago" in line and "in 1h" in line for line in table)  # last success, next poll
    assert "never fetched" in " ".join(" ".join(table).split())
    errors = "".join("".join(lines[lines.index("last errors") + 1:]).split())
    assert errors.startswith("1" + "".join(error.split()) + "(4failure(s)inarow)")  # wrapped, not cut


def test_sources_list_at_80_columns_through_the_command(fetched, tmp_path: Path) -> None:
    lines = _ok(fetched("sources", "list", columns=80)).splitlines()
    assert max(len(line) for line in lines) <= 80
    table = lines[:lines.index("last errors") - 1] if "last errors" in lines else lines[:-1]
    assert "".join(_column(table, "url", "url", "status")) == str((tmp_path / "hostile.xml").resolve())
