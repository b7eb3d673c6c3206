"""Paging of the stories, facts and sources listings: --limit, --offset and what is shown of the total."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factories import store_location

from newsbrief.store import open_store


def _rss(n: int, base: str = "http://n.example") -> bytes:
    items = "".join(
        f"<item><title>Story number {i}</title><link>{base}/{i}</link><guid>{base}/{i}</guid>"
        f"<description>{' '.join(f'word{i}x{j}' for j in range(70))}.</description>"
        f"<pubDate>Fri, 27 Nov 2026 {8 + i % 10:02d}:00:00 GMT</pubDate></item>"
        for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()


def _seed(newsbrief_cli, tmp_path: Path, n: int) -> None:
    feed = tmp_path / "many.xml"
    feed.write_bytes(_rss(n))
    newsbrief_cli("init")
    assert newsbrief_cli("sources", "add", str(feed)).exit_code == 0
    assert newsbrief_cli("fetch", "--no-progress").exit_code == 0
    with open_store(store_location(tmp_path / "data")) as store:  # one story and one fact per article
        ids = [a.id for a in store.articles_between(dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc),
                                                    dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc))]
        ids.sort()
        day = dt.date(2026, 11, 27)
        store.put_memberships([(aid, f"st_{i:03d}", 1.0, {}, day) for i, aid in enumerate(ids)])
        store.put_facts([(f"k{i:03d}", "event", f"st_{i:03d}", day, [aid], f"Fact {i:03d}.", {"what": f"Fact {i:03d}"})
                         for i, aid in enumerate(ids)])
        for i in range(n):
            store.add_source(f"https://extra{i:03d}.example/feed.xml")


def test_listings_page_with_limit_offset_and_say_what_they_show(newsbrief_cli, tmp_path: Path) -> None:
    _seed(newsbrief_cli, tmp_path, 60)
    stories = newsbrief_cli("stories").output.splitlines()
    assert stories[-1] == "showing 1-50 of 60 stories; next page: --offset 50"
    assert sum(line.startswith("st_") for line in stories) == 50
    page2 = newsbrief_cli("stories", "--offset", "50").output.splitlines()
    assert page2[-1] == "showing 51-60 of 60 stories" and page2[0].startswith("st_050 Story number ")
    assert newsbrief_cli("stories", "--limit", "5", "--offset", "10").output.splitlines()[-1] == "showing 11-15 of 60 stories; next page: --offset 15"
    assert newsbrief_cli("stories", "--offset", "70").output.splitlines()[-1] == "showing none of 60 stories (--offset 70 is past the end)"
    facts = newsbrief_cli("facts", "--limit", "3").output.splitlines()
    assert facts[-1] == "showing 1-3 of 60 facts; next page: --offset 3" and "Fact 000." in "\n".join(facts)
    sources = newsbrief_cli("sources", "list", "--offset", "55").output.splitlines()
    assert sources[-1] == "showing 56-61 of 61 sources"


def test_json_and_csv_listings_hold_everything_unless_limited(newsbrief_cli, tmp_path: Path) -> None:
    _seed(newsbrief_cli, tmp_path, 60)
    assert len(json.loads(newsbrief_cli("stories", "--json").output)) == 60
    assert len(json.loads(newsbrief_cli("facts", "--format", "json").output)) == 60
    assert len(newsbrief_cli("facts", "--format", "csv").output.splitlines()) == 61
    rows = json.loads(newsbrief_cli("sources", "list", "--json").output)
    assert len(rows) == 61 and {"id", "url", "title", "last_error", "error_count", "next_poll_at"} <= set(rows[0])
    limited = newsbrief_cli("stories", "--json", "--limit", "2", "--offset", "1")
    assert [s["id"] for s in json.loads(limited.stdout)] == ["st_001", "st_002"]
    assert limited.stderr.strip() == "showing 2-3 of 60 stories; next page: --offset 3"
    assert [s["id"] for s in json.loads(newsbrief_cli("sources", "list", "--json", "--limit", "1").stdout)] == [1]


@pytest.mark.parametrize("args", [("stories", "--limit", "-1"), ("facts", "--offset", "-2"),
                                  ("sources", "list", "--limit", "x")])
def test_bad_paging_values_are_usage_errors(newsbrief_cli, args: tuple[str, ...]) -> None:
    newsbrief_cli("init")
    result = newsbrief_cli(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output
