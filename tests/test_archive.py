"""``newsbrief publish --dir D``: a static archive with relative links, rewritten only where it changed."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from newsbrief.deliver.archive import publish_archive
from newsbrief.cli.app import cli
from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection
from newsbrief.render import digest_to_dict
from newsbrief.store import SQLiteStore, open_store

UTC = dt.timezone.utc


def save(store: SQLiteStore, day: dt.date, headline: str = "Harbor Labs ships a <b>chip</b>") -> None:
    items = (DigestItem("st_harbor", headline, ((CitedSentence("Harbor Labs shipped it.", ("a1",)),),),
                        (("a1", "Ledger", "https://ledger.example/1"),)),
             DigestItem(f"st_{day.day}", f"Story of the {day.day}th", ((CitedSentence("Something happened.", ("a2",)),),),
                        (("a2", "Wire", "https://wire.example/2"),)))
    digest = Digest(day, f"Brief — {day.isoformat()}", (CitedSentence("Leading today: chips.", ("a1",)),),
                    (DigestSection("stories", "Top stories", items),), dt.datetime.combine(day, dt.time(7), tzinfo=UTC))
    store.save_digest(day, title=digest.title, data=digest_to_dict(digest), stories=[])


def links(path: Path) -> list[str]:
    return re.findall(r'href="([^"]+)"', path.read_text(encoding="utf-8"))


def test_archive_pages_link_relatively_and_every_link_resolves(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with open_store(":memory:") as store:
        save(store, dt.date(2026, 11, 26))
        save(store, dt.date(2026, 11, 27))
        report = publish_archive(store, site, title="My brief")
    assert (report.days, report.stories) == (2, 3)
    names = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert names == ["digest-2026-11-26.html", "digest-2026-11-27.html", "feed.atom", "feed.json", "index.html",
                     "stories/st_26.html", "stories/st_27.html", "stories/st_harbor.html"]
    for page in site.rglob("*.html"):
        for href in links(page):
            if href.startswith(("https://", "#")):
                continue
            assert not href.startswith("/"), (page, href)
            assert (page.parent / href).resolve().is_file(), (page, href)
    day = (site / "digest-2026-11-27.html").read_text(encoding="utf-8")
    assert '<a href="stories/st_harbor.html">Harbor Labs ships a &lt;b&gt;chip&lt;/b&gt;</a>' in day
    assert '<a href="digest-2026-11-26.html">Older</a>' in day
    story = (site / "stories" / "st_harbor.html").read_text(encoding="utf-8")
    assert '<a href="../digest-2026-11-27.html">2026-11-27</a>, <a href="../digest-2026-11-26.html">2026-11-26</a>' in story
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert [i["url"] for i in feed["items"]] == ["./digest-2026-11-27.html", "./digest-2026-11-26.html"]
    atom = ET.parse(site / "feed.atom").getroot()
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 2


def test_publishing_again_rewrites_only_what_changed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with open_store(":memory:") as store:
        save(store, dt.date(2026, 11, 26))
        first = publish_archive(store, site)
        stamp = (site / "digest-2026-11-26.html").stat().st_mtime_ns
        again = publish_archive(store, site)
        untouched = (site / "digest-2026-11-26.html").stat().st_mtime_ns == stamp
        save(store, dt.date(2026, 11, 27))
        third = publish_archive(store, site)
    assert len(first.written) == 6 and first.unchanged == 0
    assert again.written == [] and again.unchanged == 6
    assert untouched
    # a new day: its page and story, the older day's "Newer" link, the shared story, the index and both feeds
    assert sorted(str(p.relative_to(site)) for p in third.written) == [
        "digest-2026-11-26.html", "digest-2026-11-27.html", "feed.atom", "feed.json", "index.html",
        "stories/st_27.html", "stories/st_harbor.html"]


def test_publish_command_reports_and_uses_the_base_url_in_feeds(tmp_path: Path, store_url: str) -> None:
    runner = CliRunner()
    data = tmp_path / "data"
    assert runner.invoke(cli, ["--data-dir", str(data), "init"]).exit_code == 0
    with open_store(store_url or data / "newsbrief.db") as store:
        save(store, dt.date(2026, 11, 27))
    args = ["--data-dir", str(data), "publish", "--dir", str(tmp_path / "site"), "--base-url", "https://brief.example.org/news/"]
    first = runner.invoke(cli, args)
    second = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert first.output.endswith("1 days, 2 stories; 6 files written, 0 unchanged\n")
    assert second.output.endswith("1 days, 2 stories; 0 files written, 6 unchanged\n")
    feed = json.loads((tmp_path / "site" / "feed.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["url"] == "https://brief.example.org/news/digest-2026-11-27.html"
