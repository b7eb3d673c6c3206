"""Storylines: linking events, stable ids across days, and their rows in the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from factories import make_article, store_location
from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection
from newsbrief.pipeline import link_storylines, with_earlier_events
from newsbrief.render import digest_from_dict, digest_to_dict, render
from newsbrief.store import SQLiteStore, open_store
from newsbrief.eval.storylines import storyline_labels
from newsbrief.web.api import story_detail
from newsbrief.cluster.storyline_actors import article_names, event_subjects, same_actor
from newsbrief.cluster.storylines import (EventProfile, StorylineParams, distinct_names, event_profile, new_storyline_id,
                                  storylines)

if TYPE_CHECKING:
    from click.testing import Result

D = dt.date(2026, 3, 1)


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def ev(eid: str, day: int, vec: np.ndarray | None, actors: str, line: str | None = None, days: int = 0,
       text: str = "") -> EventProfile:
    return EventProfile(eid, D + dt.timedelta(days=day), D + dt.timedelta(days=day + days), vec,
                        frozenset(actors.split()), line, text)


def by_vectors(threshold: float, *, min_agree: int = 1, window_days: int = 14, decay_days: float = 0.0) -> StorylineParams:
    """Bars that weigh the centroid vectors only."""
    return StorylineParams(threshold=threshold, vector_weight=1.0, text_weight=0.0, entity_weight=0.0,
                           decay_days=decay_days, window_days=window_days, min_agree=min_agree)


def groups(lines: list) -> set[tuple[str, ...]]:
    return {line.event_ids for line in lines}


def test_events_merge_only_when_alike_agreeing_on_actors_and_within_the_window() -> None:
    p = by_vectors(0.6)
    talks = ev("talks", 0, unit(1, 0.2, 0), "acme globex")
    deal = ev("deal", 5, unit(1, 0.3, 0), "acme globex regulator")
    lines = storylines([talks, deal], p)
    assert groups(lines) == {("talks", "deal")}
    link = lines[0].links["deal"]
    assert link.shared == ("acme", "globex") and link.similarity > 0.9 and link.parts["days_apart"] == 5
    assert len(storylines([talks, ev("other", 5, unit(1, 0.3, 0), "initech")], p)) == 2  # no shared actor
    assert len(storylines([talks, ev("far", 5, unit(0, 1, 0), "acme")], p)) == 2  # not alike
    assert len(storylines([talks, ev("late", 20, unit(1, 0.2, 0), "acme")], p)) == 2  # 20 days apart
    # the window runs from the end of the earlier event, not its start
    assert len(storylines([ev("long", 0, unit(1, 0, 0), "acme", days=10), ev("next", 20, unit(1, 0, 0), "acme")], p)) == 1
    # with a decay, similarity fades with the days between events: 5 days at 10 days' decay scale it by exp(-0.5)
    assert len(storylines([talks, deal], by_vectors(0.6, decay_days=10.0))) == 1
    assert len(storylines([talks, deal], by_vectors(0.7, decay_days=10.0))) == 2


def test_average_link_does_not_chain_an_event_that_is_alike_only_to_the_storyline_s_newest_event() -> None:
    # c is close to b but far from a: single link would chain a-b-c; the average of c to {a, b} is below the bar
    a, b, c = (ev("a", 0, unit(1, 0, 0), "acme"), ev("b", 2, unit(1, 0.9, 0), "acme"), ev("c", 4, unit(0, 1, 0), "acme"))
    assert a.vector is not None and b.vector is not None and c.vector is not None
    assert float(a.vector @ b.vector) > 0.7 and float(b.vector @ c.vector) > 0.6 and float(a.vector @ c.vector) < 0.1
    lines = storylines([c, b, a], by_vectors(0.6))
    assert groups(lines) == {("a", "b"), ("c",)}
    assert lines[0].id == new_storyline_id("a") and lines[0].first == D and lines[0].last == D + dt.timedelta(days=2)
    assert lines[0].links["a"].reasons("a") == {"linked_to": "b", "shared_actors": ["acme"], "vectors": 0.7433,
                                                "similarity": 0.7433, "days_apart": 2.0}
    assert lines[0].merged == () and lines[1].links == {}


def test_storylines_merge_only_when_their_core_actors_agree_not_on_one_shared_name() -> None:
    # two alike events that share one name (a city) but are about different actors stay apart at two core actors
    flood = ev("flood", 0, unit(1, 0.1, 0), "paris seine flood")
    strike = ev("strike", 1, unit(1, 0.2, 0), "paris rail unions")
    assert len(storylines([flood, strike], by_vectors(0.6, min_agree=2))) == 2
    assert len(storylines([flood, strike], by_vectors(0.6, min_agree=1))) == 1
    # the core of a storyline is what at least half of its events name: a third event joins on the shared core
    toll = ev("toll", 2, unit(1, 0.15, 0), "paris seine")
    assert groups(storylines([flood, strike, toll], by_vectors(0.6, min_agree=2))) == {("flood", "toll"), ("strike",)}


def test_text_and_entity_similarity_join_events_whose_vectors_are_missing() -> None:
    p = StorylineParams(threshold=0.3, vector_weight=0.0, text_weight=0.5, entity_weight=0.5, decay_days=0.0, min_agree=1)
    quake = ev("quake", 0, None, "chile santiago", text="earthquake magnitude chile santiago collapsed buildings")
    toll = ev("toll", 1, None, "chile santiago", text="earthquake toll rises chile santiago rescuers buildings")
    vote = ev("vote", 1, None, "ohio senate", text="senate vote ohio ballots counted")
    lines = storylines([quake, toll, vote], p)
    assert groups(lines) == {("quake", "toll"), ("vote",)}
    why = lines[0].links["toll"].reasons("toll")
    assert why["linked_to"] == "quake" and why["text"] > 0 and why["entities"] > 0 and "vectors" not in why


def test_a_storyline_keeps_its_id_when_it_grows_and_the_older_id_wins_a_merge() -> None:
    p = by_vectors(0.8)
    older = ev("visit-1", 0, unit(1, 0, 0), "pope", line="sl_old")
    newer = ev("visit-3", 4, unit(1, 0.2, 0), "pope", line="sl_new")
    bridge = ev("visit-2", 2, unit(1, 0.1, 0), "pope")
    lines = storylines([newer, bridge, older], p)
    assert len(lines) == 1
    assert lines[0].id == "sl_old" and lines[0].merged == ("sl_new",)
    assert lines[0].event_ids == ("visit-1", "visit-2", "visit-3")


def test_a_storyline_that_falls_apart_keeps_its_id_on_the_part_with_its_oldest_event() -> None:
    a = ev("a", 0, unit(1, 0, 0), "acme", line="sl_x")
    b = ev("b", 3, unit(0, 1, 0), "acme", line="sl_x")  # no longer close to a
    lines = storylines([b, a], by_vectors(0.8), taken=["sl_x", new_storyline_id("b")])
    by_event = {line.event_ids: line.id for line in lines}
    assert by_event[("a",)] == "sl_x"
    assert by_event[("b",)] not in ("sl_x", new_storyline_id("b"))


def test_event_profile_takes_actors_from_titles_and_text_and_a_unit_centroid() -> None:
    t = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    body = "The deal was signed in Paris. " + "Lawyers read the terms. " * 30 + "The regulator in Brussels approved it."
    profile = event_profile("e", [("Acme Corp agrees to buy Globex", body, t, np.array([2.0, 0.0])),
                                  ("Globex shareholders back sale", "Shareholders voted.", t + dt.timedelta(days=2),
                                   np.array([0.0, 2.0]))])
    assert profile is not None
    assert {"acme", "globex", "paris", "brussels"} <= profile.actors  # Brussels is named past the lead
    assert "Globex shareholders back sale" in profile.text and "Brussels" in profile.text
    assert profile.vector is not None and abs(float(np.linalg.norm(profile.vector)) - 1.0) < 1e-6
    assert (profile.first, profile.last) == (dt.date(2026, 3, 1), dt.date(2026, 3, 3))
    assert event_profile("none", []) is None


def _stories(store: SQLiteStore) -> None:
    arts = [make_article("a1", title="Talks open between Acme Corp and Globex Inc", day="2026-11-20"),
            make_article("a2", title="Shareholders back sale of Globex Inc to Acme Corp", day="2026-11-24"),
            make_article("a3", title="Storm hits Florida", day="2026-11-24")]
    store.upsert_articles([(a, 0, None) for a in arts])
    store.put_memberships([("a1", "st1", 1.0, {}, dt.date(2026, 11, 20)), ("a2", "st2", 1.0, {}, dt.date(2026, 11, 24)),
                           ("a3", "st3", 1.0, {}, dt.date(2026, 11, 24))])


def test_store_keeps_storylines_their_events_and_merges(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    why = {"linked_to": "st1", "similarity": 0.71, "shared_actors": ["acme", "globex"]}
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": why}),
                             ("sl_b", dt.date(2026, 11, 24), dt.date(2026, 11, 24), {"st3": {}})])
    assert fresh_db.storyline_of(["st2", "st3", "nope"]) == {"st2": {"storyline_id": "sl_a", "reasons": why},
                                                            "st3": {"storyline_id": "sl_b", "reasons": {}}}
    assert [(e["id"], e["reasons"]) for e in fresh_db.storyline_events("sl_a")] == [("st1", {}), ("st2", why)]
    # sl_b is absorbed: its story moves, the row records where it went, and a re-run does not move first_seen later
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 22), dt.date(2026, 11, 24), {"st3": {}})], merged={"sl_b": "sl_a"})
    assert [e["id"] for e in fresh_db.storyline_events("sl_a")] == ["st1", "st2", "st3"]
    assert fresh_db.storyline_events("sl_b") == []
    rows = {r["id"]: r for r in fresh_db._all("SELECT * FROM storylines")}
    assert rows["sl_b"]["merged_into"] == "sl_a" and rows["sl_a"]["first_seen"] == "2026-11-20"
    assert fresh_db.storyline_ids() == ["sl_a", "sl_b"]
    # an event merged away in clustering drops out of its storyline's events
    fresh_db.merge_stories("st2", "st1")
    assert [e["id"] for e in fresh_db.storyline_events("sl_a")] == ["st1", "st3"]


def test_link_storylines_stores_linked_events_and_keeps_ids_when_rerun(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    vectors = {"a1": unit(1, 0.1, 0), "a2": unit(1, 0.2, 0), "a3": unit(0, 0, 1)}
    p = by_vectors(0.9, min_agree=2)  # the two stories share two names: Acme Corp and Globex Inc
    assert link_storylines(fresh_db, dt.date(2026, 11, 1), vectors, params=p) == 2
    line = fresh_db.storyline_of(["st1", "st2", "st3"])
    assert line["st1"]["storyline_id"] == line["st2"]["storyline_id"] == new_storyline_id("st1")
    assert line["st3"]["storyline_id"] == new_storyline_id("st3")
    assert line["st2"]["reasons"]["linked_to"] == "st1" and "globex" in line["st2"]["reasons"]["shared_actors"]
    link_storylines(fresh_db, dt.date(2026, 11, 1), vectors, params=p)
    assert fresh_db.storyline_of(["st1", "st2", "st3"]) == line


def test_stories_json_and_explain_show_the_storyline_and_why(tmp_path: Path, newsbrief_cli: Callable[..., Result]) -> None:
    (tmp_path / "data").mkdir()
    with open_store(store_location(tmp_path / "data")) as store:
        _stories(store)
        why = {"linked_to": "st1", "similarity": 0.71, "shared_actors": ["acme", "globex"]}
        store.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": why}),
                              ("sl_b", dt.date(2026, 11, 24), dt.date(2026, 11, 24), {"st3": {}})])
    result = newsbrief_cli("stories", "--json")
    assert result.exit_code == 0, result.output
    by_id = {s["id"]: s["storyline"] for s in json.loads(result.stdout)}
    assert by_id["st2"] == {"id": "sl_a", "reasons": why, "events": 2,
                            "earlier": [{"id": "st1", "title": "Talks open between Acme Corp and Globex Inc", "first_seen": "2026-11-20"}]}
    assert by_id["st1"]["earlier"] == [] and by_id["st3"] == {"id": "sl_b", "reasons": {}, "events": 1, "earlier": []}
    text = newsbrief_cli("stories", "--explain", columns=200).output
    assert ("storyline sl_a (2 events, 1 earlier): linked to st1 (similarity 0.71; shared actors: acme, globex)"
            in text)
    assert "storyline sl_a (2 events, 0 earlier): its first event" in text
    assert "storyline sl_b" in text


def _digest() -> Digest:
    def item(sid: str, headline: str, *, one_line: bool = False) -> DigestItem:
        return DigestItem(sid, headline, ((CitedSentence(f"{headline}.", ("a2",)),),), (("a2", "Wire", "http://wire.example/a2"),),
                          one_line=one_line)
    sections = (DigestSection("stories", "Top stories", (item("st2", "Acme buys Globex"), item("st3", "Storm"))),
                DigestSection("short", "In brief", (item("st2", "Acme buys Globex", one_line=True),)))
    return Digest(dt.date(2026, 11, 24), "Brief", (), sections, dt.datetime(2026, 11, 24, 6, tzinfo=dt.UTC))


def test_a_digest_story_lists_its_storyline_s_earlier_events_in_every_format(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": {}}),
                             ("sl_b", dt.date(2026, 11, 24), dt.date(2026, 11, 24), {"st3": {}})])
    digest = with_earlier_events(fresh_db, _digest())
    top, short = digest.sections
    assert top.items[0].extra["earlier"] == [{"story_id": "st1", "headline": "Talks open between Acme Corp and Globex Inc",
                                              "date": "2026-11-20"}]
    assert "earlier" not in top.items[1].extra and "earlier" not in short.items[0].extra  # first event; one-liner
    line = "Earlier: Talks open between Acme Corp and Globex Inc (2026-11-20)"
    for fmt in ("md", "text", "html", "email"):
        out = render(digest, fmt)
        assert out.count(line) == 1, (fmt, out)
        assert out.index("Acme buys Globex.") < out.index(line) < out.index("Storm.")
    assert line not in render(_digest(), "md")
    assert line in render(digest_from_dict(digest_to_dict(digest)), "md")  # kept in the stored digest


def test_an_event_shown_as_a_section_is_not_listed_as_earlier_under_another(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": {}})])
    sections = (DigestSection("stories", "Top stories", (
        DigestItem("st1", "Talks open", ((CitedSentence("Talks open.", ("a1",)),),), (("a1", "Wire", "http://w/a1"),)),
        DigestItem("st2", "Acme buys Globex", ((CitedSentence("Acme buys.", ("a2",)),),), (("a2", "Wire", "http://w/a2"),)))),)
    digest = with_earlier_events(fresh_db, Digest(dt.date(2026, 11, 24), "Brief", (), sections,
                                                  dt.datetime(2026, 11, 24, 6, tzinfo=dt.UTC)))
    assert ["earlier" in it.extra for it in digest.sections[0].items] == [False, False]  # st1 is a section above



def test_a_column_is_not_listed_as_an_earlier_event(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": {}})])
    assert "earlier" in with_earlier_events(fresh_db, _digest()).sections[0].items[0].extra
    told = with_earlier_events(fresh_db, _digest(), not_events={"st1"})  # st1: a column, no happening
    assert "earlier" not in told.sections[0].items[0].extra


def test_api_story_detail_carries_the_storyline_timeline(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    why = {"linked_to": "st1", "similarity": 0.71, "shared_actors": ["acme", "globex"]}
    fresh_db.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": why})])
    detail = story_detail(fresh_db, "st2")
    assert detail["storyline"] == {"id": "sl_a", "reasons": why, "timeline": [
        {"id": "st1", "title": "Talks open between Acme Corp and Globex Inc", "first_seen": "2026-11-20", "last_seen": "2026-11-20"},
        {"id": "st2", "title": "Shareholders back sale of Globex Inc to Acme Corp", "first_seen": "2026-11-24", "last_seen": "2026-11-24"}]}
    assert story_detail(fresh_db, "st3")["storyline"] is None


def test_storyline_labels_merge_events_of_a_stream_into_storylines() -> None:
    rows = [{"id": "1", "title": "", "text": "Acme Corp and Globex Inc open talks in Paris.", "date": "2026-03-01"},
            {"id": "2", "title": "", "text": "Acme Corp agrees to buy Globex Inc.", "date": "2026-03-05"},
            {"id": "3", "title": "", "text": "Acme Corp opens a plant in Ohio.", "date": "2026-03-05"}]
    vectors = np.stack([unit(1, 0.1, 0), unit(1, 0.2, 0), unit(0, 1, 0)])
    events = {"1": "e1", "2": "e2", "3": "e3"}
    lines = storyline_labels(rows, vectors, events, by_vectors(0.8, min_agree=2))
    assert lines["1"] == lines["2"] != lines["3"]


@pytest.mark.sqlite_only
def test_story_page_shows_its_storyline_timeline_with_links_to_the_other_events(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from newsbrief.config import load_settings
    from newsbrief.web import make_app

    db = tmp_path / "newsbrief.db"
    with open_store(db) as store:
        _stories(store)
        why = {"linked_to": "st1", "similarity": 0.71, "shared_actors": ["acme", "globex"]}
        store.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": why})])
    settings = load_settings(data_dir=tmp_path, env={})
    with TestClient(make_app(db, settings=settings), base_url="http://localhost") as client:
        page = client.get("/stories/st2").text
        alone = client.get("/stories/st3").text
    block = page.split("<h2>Storyline</h2>", 1)[1].split("</ol>", 1)[0]
    assert '<a href="/stories/st1">Talks open between Acme Corp and Globex Inc</a>' in block
    assert '<strong aria-current="page">Shareholders back sale of Globex Inc to Acme Corp</strong>' in block
    assert block.index("st1") < block.index("Shareholders")  # oldest event first
    assert "Linked by shared actors: acme, globex (similarity 0.71)" in page
    assert "<h2>Storyline</h2>" not in alone


def test_link_storylines_reads_the_vectors_of_older_articles_from_the_store(fresh_db: SQLiteStore) -> None:
    _stories(fresh_db)
    fresh_db.put_embeddings({"a1": unit(1, 0.1, 0), "a2": unit(1, 0.2, 0), "a3": unit(0, 0, 1)}, model="test-model")
    p = by_vectors(0.9)
    assert link_storylines(fresh_db, dt.date(2026, 11, 1), {"a3": unit(0, 0, 1)}, model="test-model", params=p) == 2
    line = fresh_db.storyline_of(["st1", "st2"])
    assert line["st1"]["storyline_id"] == line["st2"]["storyline_id"]
    assert line["st2"]["reasons"]["vectors"] > 0.9


def test_explain_shows_the_parts_of_the_similarity_that_joined_a_story(
        tmp_path: Path, newsbrief_cli: Callable[..., Result]) -> None:
    (tmp_path / "data").mkdir()
    with open_store(store_location(tmp_path / "data")) as store:
        _stories(store)
        why = {"linked_to": "st1", "similarity": 0.31, "shared_actors": ["acme"], "vectors": 0.45, "text": 0.2,
               "entities": 0.3, "days_apart": 4.0}
        store.put_storylines([("sl_a", dt.date(2026, 11, 20), dt.date(2026, 11, 24), {"st1": {}, "st2": why})])
    text = newsbrief_cli("stories", "--explain", columns=250).output
    assert ("storyline sl_a (2 events, 1 earlier): linked to st1 (similarity 0.31 from vectors 0.45, text 0.20,"
            " entities 0.30, 4 days apart; shared actors: acme)") in text


def test_clustering_links_a_new_event_to_a_storyline_older_than_the_clustering_window(tmp_path: Path) -> None:
    from newsbrief.config import load_settings
    from newsbrief.pipeline import cluster_new

    body = ("Mayor Anna Kordt said the Pertola Bridge Authority and the Vessa River Board will review the collapse of"
            " the Pertola bridge over the Vessa River, with engineers from Halden Works.")
    old = [make_article("o1", title="Pertola bridge collapses into the Vessa River", text=body, day="2026-11-10"),
           make_article("o2", title="Pertola bridge collapse: Anna Kordt orders review", text=body, day="2026-11-10", hour=11)]
    new = make_article("n1", title="Pertola bridge review: Halden Works engineers report to Anna Kordt", text=body,
                       day="2026-11-22")
    with open_store(tmp_path / "nb.db") as store:
        settings = load_settings(data_dir=tmp_path, env={}).replace(**{"cluster.embedder": "lexical"})
        assert int(settings["cluster.window_days"]) < 12  # the old event is outside the clustering window
        store.upsert_articles([(a, 0, None) for a in old])
        cluster_new(store, settings)
        store.upsert_articles([(new, 0, None)])
        cluster_new(store, settings)
        story = {a.id: sid for a, sid in store.memberships_since(dt.date(2026, 11, 1))}
        assert story["n1"] != story["o1"]  # a new event, twelve days after the first
        lines = store.storyline_of([story["o1"], story["n1"]])
        assert lines[story["n1"]]["storyline_id"] == lines[story["o1"]]["storyline_id"]
        assert lines[story["n1"]]["reasons"]["linked_to"] == story["o1"]


def test_one_long_name_counts_once_when_storylines_must_agree_on_core_actors() -> None:
    assert distinct_names(["hollis road ventures", "hollis", "road", "ventures", "chicago"]) == {"hollis road ventures",
                                                                                               "chicago"}
    assert distinct_names(["acme", "globex", "acme corp"]) == {"acme corp", "globex"}
    # a fund and a start-up it backs share one investor's name and a city: two names, not five
    fund = EventProfile("fund", D, D, unit(1, 0.1, 0), frozenset({"hollis road ventures", "hollis", "road", "ventures",
                                                                 "chicago", "limited partners"}))
    seed = EventProfile("seed", D, D, unit(1, 0.2, 0), frozenset({"hollis road ventures", "hollis", "road", "ventures",
                                                                 "chicago", "fernwork"}))
    assert len(storylines([fund, seed], by_vectors(0.6, min_agree=3))) == 2
    assert len(storylines([fund, seed], by_vectors(0.6, min_agree=2))) == 1


def _event(eid: str, day: int, vec: np.ndarray, *articles: tuple[str, str]) -> EventProfile:
    published = dt.datetime(2026, 3, 1 + day, 9, tzinfo=dt.UTC)
    profile = event_profile(eid, [(title, text, published, vec) for title, text in articles])
    assert profile is not None
    return profile


def test_funding_rounds_of_different_companies_sharing_investor_words_are_not_one_storyline() -> None:
    quill = _event("quill", 0, unit(1, 0.1, 0), (
        "Quillmark raises $40 million Series B",
        "Quillmark, a maker of contract software, raised $40 million in a Series B led by Aldergrove Ventures, with "
        "Northwind Capital and Fernhill Partners joining. The money lets Quillmark hire in Europe, said the head of Quillmark."))
    arc = _event("arc", 1, unit(1, 0.2, 0), (
        "Arclight raises $60 million Series C",
        "Arclight, a security start-up, raised $60 million in a Series C led by Osprey Point Capital, with Tarn Ventures "
        "and Holm Partners joining. The round values Arclight at $900 million; buyers of Arclight are in Europe."))
    params = by_vectors(0.6, min_agree=3)
    assert groups(storylines([quill, arc], params)) == {("quill",), ("arc",)}
    # the agreement on sector words alone would have joined them
    assert len(storylines([quill, arc], dataclasses.replace(params, main_actors=0))) == 1


def test_incidents_at_two_companies_sharing_places_are_not_one_storyline_but_two_events_of_one_company_are() -> None:
    place = "It hit shops in Europe, Germany and the Netherlands before Black Friday, the Resilience Institute said."
    outage = _event("outage", 0, unit(1, 0.1, 0), ("Tessellate outage knocks shops offline",
                                                  f"Tessellate said a configuration error took its cloud down. {place}"))
    attack = _event("attack", 0, unit(1, 0.2, 0), ("Ransomware attack on Freightlane halts bookings",
                                                  f"Freightlane took its booking system offline after an attack. {place}"))
    recall = _event("recall", 0, unit(1, 0.15, 0), ("Tessellate refunds customers after outage",
                                                   f"Tessellate will refund a quarter of a month's fees. {place}"))
    lines = storylines([outage, attack, recall], by_vectors(0.6, min_agree=3))
    assert groups(lines) == {("outage", "recall"), ("attack",)}


def test_an_article_s_subject_is_its_headline_name_its_text_repeats_and_few_events_carry() -> None:
    text = "Quillmark closed a Series B. Northwind Capital joined. Quillmark plans an office in Germany, Quillmark said."
    headline, names = article_names("Quillmark raises Series B in Germany", text,
                                    ["quillmark", "series", "northwind capital", "northwind", "capital", "germany"])
    assert headline and dict(names) == {"quillmark": 3, "series": 1}  # places and names not in the headline are left out
    # where a longer name matches, its words are not mentions of their own
    assert dict(article_names("", "Northwind Capital led it. Capital flowed.", ["northwind capital", "capital"])[1]) == \
        {"northwind capital": 1, "capital": 1}
    # "series" named as often as the company loses to it when many events carry it
    tie = [(True, (("quillmark", 2), ("series", 2)))]
    assert event_subjects([tie, [], []], [{"quillmark", "series"}, {"series"}, {"series"}], 10) == \
        [frozenset({"quillmark"}), frozenset(), frozenset()]
    # an article without a headline gives its few most salient names
    wire = [(False, (("ocalan", 4), ("rome", 3), ("pkk", 2), ("april", 1)))]
    assert event_subjects([wire], [{"ocalan", "rome", "pkk", "april"}], 2) == [frozenset({"ocalan", "rome"})]
    assert same_actor({"brightloom"}, {"brightloom home"}) and not same_actor({"quillmark"}, {"arclight"})
    assert same_actor(set(), {"arclight"})  # a storyline with no main actor is judged on its core names alone
