"""Per-article facts and sentence vectors: made once, stored by content, and the same as reading stories afresh."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np
import pytest

import newsbrief.article_cache as article_cache
from newsbrief import render
from newsbrief.article_cache import CachedEmbedder, analyse_articles, candidate_texts, story_facts, text_hash
from newsbrief.config import load_settings
from newsbrief.cluster.embed import HashingEmbedder
from newsbrief.engine import Engine
from newsbrief.facts import extract_facts, fact_to_dict, load_nlp
from newsbrief.model import Article
from newsbrief.pipeline import analyse_new, build_digest
from newsbrief.store import SQLiteStore, open_store
from newsbrief.summarize.extractive import select_sentences
from factories import make_article

DAY = dt.date(2026, 11, 27)

STORY = [
    make_article("a1", title="Helix Quantum raises $20 million for sensors", outlet="Wire",
                 text="Helix Quantum raised $20 million in a Series A round led by Accel Partners on Thursday. "
                      "The Oslo startup builds quantum sensors for bridges and tunnels.\n\n"
                      "Chief executive Ingrid Dahl said the money would double the engineering team by March 2027. "
                      "The European Commission will vote on its sensor safety rules on 14 December 2026."),
    make_article("a2", title="Oslo sensor maker Helix Quantum lands Series A", outlet="Daily Ledger", hour=11,
                 text="Helix Quantum, which Ingrid Dahl founded in 2021, has closed a $20 million Series A. "
                      "Helix Quantum expects to open an office in Berlin next year, Dahl told reporters.\n\n"
                      "Analysts at Fjord Research said demand for structural monitoring had grown by 40% this year."),
    make_article("a3", title="Ferry crews in Zanzibar strike for a third day", outlet="Coast", hour=13,
                 text="Ferry crews in Zanzibar stayed on strike for a third day on Friday, stranding 4,000 travellers. "
                      "Talks between the union and the port authority resume on Monday, officials said."),
]


def _settings(tmp_path: Path) -> Any:
    return load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"})


def _dicts(facts: Sequence[Any]) -> list[dict[str, Any]]:
    return [fact_to_dict(f) for f in facts]


@pytest.mark.parametrize("use_model", [False, True])
def test_story_facts_from_each_article_equal_the_articles_read_together(use_model: bool) -> None:
    nlp = load_nlp() if use_model else None
    if use_model and nlp is None:
        pytest.skip("spaCy model not installed")
    together = extract_facts(STORY, nlp=nlp, use_model=use_model)
    apart = story_facts([extract_facts([a], nlp=nlp, use_model=use_model) for a in STORY])
    assert _dicts(apart) == _dicts(together)
    assert any(f["type"] == "funding" for f in _dicts(apart))


def _count_articles(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Count the articles an ``article_cache`` function is called with (their ids, in call order)."""
    seen: list[str] = []
    real = getattr(article_cache, name)

    def counting(articles: Sequence[Article], **kwargs: Any) -> Any:
        seen.extend(a.id for a in articles)
        return real(articles, **kwargs)

    monkeypatch.setattr(article_cache, name, counting)
    return seen


def test_facts_are_made_once_and_read_back_until_the_text_or_the_extractors_change(
    fresh_db: SQLiteStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    calls = _count_articles(monkeypatch, "extract_facts")
    embedder = HashingEmbedder()
    first = analyse_articles(fresh_db, STORY, embedder=embedder)
    assert sorted(calls) == ["a1", "a2", "a3"]
    loads: list[int] = []
    monkeypatch.setattr(article_cache, "load_nlp", lambda: loads.append(1) or load_nlp())
    again = analyse_articles(fresh_db, STORY, embedder=embedder)
    assert sorted(calls) == ["a1", "a2", "a3"]  # nothing read again
    assert loads == []  # nor the entity model loaded (seconds) when every article's facts are stored
    assert again.computed == {"facts": 0, "vectors": 0, "parses": 0}
    assert {k: _dicts(v) for k, v in again.facts.items()} == {k: _dicts(v) for k, v in first.facts.items()}
    edited = dataclasses.replace(STORY[2], text=STORY[2].text + " The union wants a 12% pay rise.")
    analyse_articles(fresh_db, [STORY[0], edited], embedder=embedder)
    assert calls[3:] == ["a3"]  # only the changed article
    article_cache._code_hash.cache_clear()
    monkeypatch.setattr(article_cache, "_code_hash", lambda folder: "newer-" + folder)
    analyse_articles(fresh_db, [STORY[0]], embedder=embedder)
    assert calls[4:] == ["a1"]  # new extractor code: made again


def test_sentence_vectors_are_stored_and_served_without_encoding_again(fresh_db: SQLiteStore) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    first = analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    assert first.computed["vectors"] == 3
    again = analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    assert again.computed["vectors"] == 0
    assert isinstance(again.embedder, CachedEmbedder)
    texts = [t for a in STORY for t in candidate_texts(a)]
    assert len(texts) >= 5
    assert np.array_equal(again.embedder.encode(texts), HashingEmbedder().encode(texts))
    # what the summarizer asks for is all known: nothing is encoded during selection
    select_sentences(STORY[:2], max_sentences=4, embedder=again.embedder, resolve_references=True)
    assert again.embedder.encoded == 0


def test_an_articles_candidates_are_built_once_for_its_vectors_and_its_parses(
    fresh_db: SQLiteStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _count_articles(monkeypatch, "build_candidates")
    article_cache._article_candidates.cache_clear()
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    out = analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    assert out.computed["vectors"] == 3
    assert sorted(built) == sorted(a.id for a in STORY)  # once each, whether or not the parses were made too
    edited = dataclasses.replace(STORY[0], text=STORY[0].text + " A new closing line was added on Friday.")
    assert candidate_texts(edited) != candidate_texts(STORY[0])  # another text is read again
    assert built.count(STORY[0].id) == 2
    article_cache._article_candidates.cache_clear()


def test_cached_embedder_encodes_each_unknown_text_once_in_one_batch() -> None:
    batches: list[list[str]] = []

    class Recording(HashingEmbedder):
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            batches.append(list(texts))
            return super().encode(texts)

    known = {text_hash("known sentence"): np.ones(1024, dtype=np.float32)}
    embedder = CachedEmbedder(Recording(), known)
    out = embedder.encode(["known sentence", "new one", "new one", "another"])
    assert batches == [["new one", "another"]]
    assert np.array_equal(out[0], np.ones(1024, dtype=np.float32)) and np.array_equal(out[1], out[2])
    embedder.encode(["another", "known sentence"])
    assert len(batches) == 1 and embedder.encoded == 2


def test_a_digest_after_fetch_work_reads_facts_and_vectors_back_and_equals_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _settings(tmp_path)
    cold_store = open_store(tmp_path / "cold.db")
    warm_store = open_store(tmp_path / "warm.db")
    for store in (cold_store, warm_store):
        store.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    assert analyse_new(warm_store, settings) == 3
    assert analyse_new(warm_store, settings) == 0  # nothing new
    calls: list[str] = []
    real = article_cache.extract_facts
    monkeypatch.setattr(article_cache, "extract_facts",
                        lambda articles, **kw: calls.extend(a.id for a in articles) or real(articles, **kw))
    encoded: list[str] = []
    real_encode = HashingEmbedder.encode
    monkeypatch.setattr(HashingEmbedder, "encode", lambda self, texts: encoded.extend(texts) or real_encode(self, texts))
    warm = build_digest(warm_store, settings, day=DAY)
    assert calls == [] and encoded == []  # the digest only read what fetch made
    cold = build_digest(cold_store, settings, day=DAY)
    assert sorted(calls) == ["a1", "a2", "a3"] and encoded
    content = [json.dumps({k: v for k, v in render.digest_to_dict(d).items() if k != "generated_at"}, sort_keys=True)
               for d in (warm, cold)]
    assert content[0] == content[1]
    assert any(it.headline for sec in warm.sections for it in sec.items)
    for store in (cold_store, warm_store):
        store.close()


@pytest.mark.sqlite_only  # reads the SQLite file the fetch wrote
def test_fetch_clusters_new_articles_and_stores_their_facts(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsbrief.cli.app import cli

    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>http://t.example/</link>'
        "<item><title>Helix Quantum raises $20 million</title><link>http://t.example/1</link>"
        "<description>Helix Quantum raised $20 million in a Series A round led by Accel Partners on Thursday. "
        "The Oslo startup builds quantum sensors for bridges.</description>"
        "<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>")
    runner = CliRunner()
    env = {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"}

    def run(*args: str) -> Any:
        return runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), *args], env=env, catch_exceptions=False)

    assert run("init").exit_code == 0
    assert run("sources", "add", str(feed)).exit_code == 0
    fetched = run("fetch", "--no-progress")
    assert fetched.exit_code == 0, fetched.output
    conn = sqlite3.connect(tmp_path / "data" / "newsbrief.db")
    try:
        articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
        clustered = [r[0] for r in conn.execute("SELECT article_id FROM memberships")]
        facts = conn.execute("SELECT article_id, facts FROM article_facts").fetchall()
        vectors = [r[0] for r in conn.execute("SELECT article_id FROM sentence_vectors")]
    finally:
        conn.close()
    assert len(articles) == 1 and clustered == articles and vectors == articles
    assert [aid for aid, _ in facts] == articles
    assert any(f["type"] == "funding" for f in json.loads(facts[0][1]))


class _WorkersWithTwoReaders(Engine):
    """A distributed-shaped engine whose first batch runs where spaCy is missing (rules), the rest where it is not."""

    distributed = True

    def imap(self, fn: Any, items: Sequence[Any], *args: Any) -> Iterator[Any]:
        for n, item in enumerate(items):
            if fn is article_cache.facts_batch and n == 0:
                yield "rules", [article_cache._facts_one(a, None) for a in item]
            else:
                yield fn(item, *args)


def test_facts_made_by_workers_with_different_readers_are_each_stored_under_their_own_reader(
        fresh_db: SQLiteStore) -> None:
    if load_nlp() is None:
        pytest.skip("spaCy model not installed")
    articles = [dataclasses.replace(STORY[n % 3], id=f"r{n}", url=f"http://wire.example/r{n}",
                                    canonical_url=f"http://wire.example/r{n}") for n in range(12)]
    fresh_db.upsert_articles([(a, 0, None) for a in articles])
    analyse_articles(fresh_db, articles, embedder=HashingEmbedder(), engine=_WorkersWithTwoReaders())
    code = article_cache._code_hash("facts")
    by_reader = {reader: set(fresh_db.article_facts({a.id: article_cache._article_key(a, code, reader)
                                                     for a in articles}))
                 for reader in ("rules", "spacy")}
    first = {a.id for a in articles[:8]}  # one task's batch
    assert by_reader == {"rules": first, "spacy": {a.id for a in articles} - first}
