"""Cleaning in the pipeline: the stages read the cleaned text, the raw text stays stored, every cut is explained."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Callable

from click.testing import Result
from factories import make_article

from newsbrief.clean.boilerplate import CLEANER_VERSION
from newsbrief.config import load_settings
from newsbrief.pipeline import build_digest, clean_new, cluster_new
from newsbrief.store import open_store
from newsbrief.store.migrations import MIGRATIONS, apply_migrations

DAY = "2026-11-27"
FOOTER = "The Harbour Gazette has served the Tallbrook valley since 1921. Tips: news@gazette.example"
STORIES = [
    ("Ferry adds a late service", "The Tallbrook ferry will run a late service on Fridays from next month, the operator "
     "said. Tickets will cost the same as the day fare."),
    ("Bakery opens on Mill Street", "A new bakery opened on Mill Street on Saturday, with queues around the corner. "
     "The owner bakes rye bread with flour from a local mill."),
    ("Rugby club wins at home", "The valley's rugby club won its first home match of the season on Sunday. Their next "
     "match is away against the league leaders."),
    ("Rain closes the Marlow road", "Heavy rain closed the road between Tallbrook and Marlow for six hours on Monday. "
     "Drivers were sent on a long detour through the hills."),
]


def _articles() -> list:
    return [make_article(f"g{n}", title=title, outlet="Harbour Gazette", hour=8 + n,
                         text=f"By Dana Whitfield\n{body}\nShare article\n{FOOTER}")
            for n, (title, body) in enumerate(STORIES)]


def _settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"})


def test_clustering_reads_the_cleaned_text_and_the_raw_text_stays(tmp_path: Path) -> None:
    with open_store(tmp_path / "nb.db") as store:
        store.upsert_articles([(a, 0, None) for a in _articles()])
        assert cluster_new(store, _settings(tmp_path)) == 4
        texts = {a.id: a.text for a in store.articles(["g0", "g1", "g2", "g3"])}
        assert texts["g0"] == STORIES[0][1]  # byline, share line and the outlet's footer cut
        raw = dict(store.conn.execute("SELECT id, text FROM articles").fetchall())
        assert raw["g0"] == _articles()[0].text
        story = store.story_rows()[0]["id"]
        cuts = store.story_members(story)[0]["cuts"]
        assert [(c["line"], c["why"]) for c in cuts] == [(0, "byline"), (2, "share"), (3, "template")]
        assert store.uncleaned_articles(since=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc),
                                        cleaner=CLEANER_VERSION) == []


def test_a_text_filled_in_later_is_cleaned_again(tmp_path: Path) -> None:
    with open_store(tmp_path / "nb.db") as store:
        first = _articles()
        teaser = dataclasses.replace(first[0], text="By Dana Whitfield\nThe ferry will run late.", is_teaser=True,
                                     content_hash="h-teaser")
        store.upsert_articles([(a, 0, None) for a in [teaser, *first[1:]]])
        since = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
        assert clean_new(store, since=since)["g0"] == "The ferry will run late."
        store.upsert_articles([(first[0], 0, None)])  # the full text arrives: a new content hash
        assert store.articles(["g0"])[0].text == first[0].text  # the stale cleaned text is not served
        assert [a.id for a in store.uncleaned_articles(since=since, cleaner=CLEANER_VERSION)] == ["g0"]
        assert clean_new(store, since=since) == {"g0": STORIES[0][1]}


def test_articles_an_older_cleaner_cleaned_are_cleaned_again_from_their_raw_text(tmp_path: Path) -> None:
    caption = "Mayor Ilse Brandt smiles as she arrives for the ferry launch at Tallbrook quay on Friday."
    article = dataclasses.replace(_articles()[0], text=f"{_articles()[0].text}\n{caption}")
    since = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    with open_store(tmp_path / "nb.db") as store:
        store.upsert_articles([(article, 0, None)])
        stale = f"{STORIES[0][1]}\n{caption}\n{FOOTER}"  # what a cleaner without the caption rules kept
        store.put_cleaned([("g0", stale, [])], cleaner="older")
        assert store.articles(["g0"])[0].text == stale  # read until it is cleaned again
        assert [a.text for a in store.uncleaned_articles(since=since, cleaner=CLEANER_VERSION)] == [article.text]
        assert clean_new(store, since=since) == {"g0": f"{STORIES[0][1]}\n{FOOTER}"}  # one article: no template
        assert store.articles(["g0"])[0].text == f"{STORIES[0][1]}\n{FOOTER}"
        assert store.uncleaned_articles(since=since, cleaner=CLEANER_VERSION) == []


def test_the_first_batch_of_a_new_outlet_learns_its_template_from_itself(tmp_path: Path) -> None:
    with open_store(tmp_path / "nb.db") as store:
        store.upsert_articles([(a, 0, None) for a in _articles()[:3]])
        cleaned = clean_new(store, since=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
        assert all(FOOTER not in text for text in cleaned.values()) and len(cleaned) == 3


def test_a_database_from_before_cleaning_is_migrated_and_still_read(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    import newsbrief.store.migrations as mig

    original = mig.MIGRATIONS
    mig.MIGRATIONS = tuple(m for m in MIGRATIONS if m[0] != "0004_article_cleaning")
    try:
        apply_migrations(conn)
    finally:
        mig.MIGRATIONS = original
    conn.execute("INSERT INTO articles(id, url, canonical_url, outlet, title, published, fetched, text, content_hash)"
                 " VALUES ('o1', 'http://x.example/o1', 'http://x.example/o1', 'X', 'Old', '2026-11-20T08:00:00+00:00',"
                 " '2026-11-20T08:00:00+00:00', 'By Dana Whitfield\nAn old story about the ferry.', 'h-o1')")
    conn.close()
    with open_store(path) as store:
        assert "0004_article_cleaning" in store.migrations()
        assert store.articles(["o1"])[0].text == "By Dana Whitfield\nAn old story about the ferry."
        clean_new(store, since=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
        assert store.articles(["o1"])[0].text == "An old story about the ferry."


def test_summaries_read_the_cleaned_text(tmp_path: Path) -> None:
    prompt = "Receive news and ratings for the Tallbrook ferry daily by entering your email address below."
    arts = [dataclasses.replace(a, text=f"{prompt}\n{a.text}") for a in _articles()]
    with open_store(tmp_path / "nb.db") as store:
        store.upsert_articles([(a, 0, None) for a in arts])
        digest = build_digest(store, _settings(tmp_path), day=dt.date.fromisoformat(DAY))
        sentences = [s.text for sec in digest.sections for it in sec.items for p in it.paragraphs for s in p]
        assert sentences and not any("ratings" in s or "Dana Whitfield" in s or "since 1921" in s for s in sentences)


def _feed(path: Path) -> Path:
    items = "".join(
        f"<item><title>{title}</title><link>http://gazette.example/2026/11/27/{n}</link>"
        f"<description><![CDATA[<p>By Dana Whitfield</p><p>{body}</p><p>Share article</p>]]></description>"
        f"<pubDate>Fri, 27 Nov 2026 0{n + 1}:00:00 GMT</pubDate></item>"
        for n, (title, body) in enumerate(STORIES))
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
                    f"<link>http://gazette.example/</link>{items}</channel></rss>", encoding="utf-8")
    return path


def test_stories_explain_counts_the_cut_lines(newsbrief_cli: Callable[..., Result], tmp_path: Path) -> None:
    assert newsbrief_cli("init").exit_code == 0
    assert newsbrief_cli("sources", "add", str(_feed(tmp_path / "gazette.xml"))).exit_code == 0
    assert newsbrief_cli("fetch", "--no-progress").exit_code == 0
    assert newsbrief_cli("digest", "--date", DAY, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"}).exit_code == 0
    out = newsbrief_cli("stories", "--explain")
    assert out.exit_code == 0, out.output
    assert out.output.count("cut 2 lines: byline 1, share 1") == 4
