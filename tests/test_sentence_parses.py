"""Summary-sentence parses and entities: made with the per-article work, stored per reader, read back instead of made again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

import newsbrief.article_cache as article_cache
from newsbrief import render
from newsbrief.article_cache import analyse_articles, candidate_texts
from newsbrief.cluster.embed import HashingEmbedder
from newsbrief.config import load_settings
from newsbrief.facts import nlp as nlp_mod
from newsbrief.facts.parses import pack_sentences, parser_key, stored_count, text_hash, use_parses
from newsbrief.summarize.headline import lead_sentence
from newsbrief.pipeline import analyse_new, build_digest
from newsbrief.store import SQLiteStore, open_store
from newsbrief.summarize.extractive import select_sentences
from test_article_cache import DAY, STORY


@pytest.fixture(autouse=True)
def _no_parses_left() -> Iterator[None]:
    use_parses([])
    nlp_mod.parse.cache_clear()
    nlp_mod.entities.cache_clear()
    yield
    use_parses([])
    nlp_mod.parse.cache_clear()
    nlp_mod.entities.cache_clear()


@pytest.fixture
def parser() -> Any:
    loaded = nlp_mod.load_parser()
    if loaded is None or parser_key() is None:
        pytest.skip("spaCy model not installed")
    return loaded


def _signature(doc: Any) -> list[tuple[Any, ...]]:
    """What the summarizer's rules read of a parse."""
    return [(t.i, t.idx, t.text, t.pos_, t.tag_, t.dep_, t.lemma_, t.head.i, t.is_stop, t.is_punct, t.lower_,
             t.left_edge.i, t.right_edge.i, t.is_sent_start) for t in doc]


class _Counting:
    """The parser, counting the sentences it parses."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.vocab, self.parsed = inner, inner.vocab, 0
        self.alone: list[str] = []  # the sentences parsed one by one

    def __call__(self, text: str) -> Any:
        self.parsed += 1
        self.alone.append(text)
        return self.inner(text)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        self.parsed += len(texts)
        return self.inner.pipe(texts, **kwargs)


def test_store_keeps_parses_per_article_key_and_parser(fresh_db: SQLiteStore) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    found = {"h1": (("Helix Quantum", "ORG"), ("Oslo", "GPE")), "h3": ()}
    fresh_db.put_sentence_parses([("a1", "k1", ["h1", "h2"], b"\x00parses\xff", found)], model="m1")
    assert fresh_db.sentence_parses({"a1": "k1"}, model="m1") == {"a1": (["h1", "h2"], b"\x00parses\xff", found)}
    assert fresh_db.sentence_parses({"a1": "k0"}, model="m1") == {}  # made for another text or code
    assert fresh_db.sentence_parses({"a1": "k1"}, model="m2") == {}  # made by another reader
    fresh_db.put_sentence_parses([("a1", "k2", ["h3"], b"new", {})], model="m1")
    assert fresh_db.sentence_parses({"a1": "k2"}, model="m1") == {"a1": (["h3"], b"new", {})}


def test_parses_are_made_once_stored_and_read_back_without_parsing(
    fresh_db: SQLiteStore, parser: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    texts = list(dict.fromkeys(t for a in STORY for t in candidate_texts(a)))
    live = {t: _signature(parser(t)) for t in texts}
    first = analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    assert first.computed["parses"] == 3
    use_parses([])  # a new process: nothing known until the build reads the store
    counting = _Counting(parser)
    monkeypatch.setattr(nlp_mod, "load_parser", lambda: counting)
    again = analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    assert again.computed["parses"] == 0
    assert stored_count()["sentences"] == len(texts) and stored_count()["articles"] == 3
    assert {t: _signature(nlp_mod.parse(t)) for t in texts} == live  # the parses a sentence alone gets
    assert counting.parsed == 0  # none made again, neither at analysis nor in parse()
    nlp_mod.parse("A sentence no article holds was parsed here.")
    assert counting.parsed == 1  # any other sentence is parsed as before


def test_entities_are_stored_and_read_back_without_the_recogniser(
    fresh_db: SQLiteStore, parser: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    leads = [lead_sentence(a) for a in STORY]
    texts = list(dict.fromkeys([t for a in STORY for t in candidate_texts(a)] + leads))
    live = {t: nlp_mod.entities(t) for t in texts}
    assert any(live.values())
    analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    use_parses([])
    nlp_mod.entities.cache_clear()
    analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())  # read from the store
    assert stored_count()["recognised"] >= len(texts)
    monkeypatch.setattr(nlp_mod, "load_nlp", lambda: pytest.fail("the recogniser was loaded"))
    assert {t: nlp_mod.entities(t) for t in texts} == live
    assert nlp_mod.entities_of(leads) == [live[t] for t in leads]


def test_parses_of_another_parser_version_are_made_again(
    fresh_db: SQLiteStore, parser: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    assert analyse_articles(fresh_db, STORY, embedder=HashingEmbedder()).computed["parses"] == 3
    current = parser_key()
    assert current is not None and "==" in current  # the model's and spaCy's versions
    monkeypatch.setattr(article_cache, "parser_key", lambda: current.replace("==", "==9.9.9+"))
    assert analyse_articles(fresh_db, STORY, embedder=HashingEmbedder()).computed["parses"] == 3
    monkeypatch.setattr(article_cache, "parser_key", lambda: current)
    assert analyse_articles(fresh_db, STORY, embedder=HashingEmbedder()).computed["parses"] == 0


def test_without_the_parser_nothing_is_parsed_or_stored(fresh_db: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_FACTS_NLP", "rules")
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    assert parser_key() is None
    assert analyse_articles(fresh_db, STORY, embedder=HashingEmbedder()).computed["parses"] == 0
    assert stored_count() == {"sentences": 0, "articles": 0, "recognised": 0}


def test_a_summary_reads_the_same_from_stored_parses_as_from_live_ones(fresh_db: SQLiteStore, parser: Any) -> None:
    live = select_sentences(STORY[:2], max_sentences=4, embedder=HashingEmbedder(), resolve_references=True)
    fresh_db.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    analyse_articles(fresh_db, STORY, embedder=HashingEmbedder())
    nlp_mod.parse.cache_clear()
    stored = select_sentences(STORY[:2], max_sentences=4, embedder=HashingEmbedder(), resolve_references=True)
    assert stored == live


def test_a_stored_parse_is_only_served_for_its_own_text(parser: Any) -> None:
    packed = pack_sentences(["The ferry sailed at noon."], [])
    assert packed is not None
    use_parses([([text_hash("Another sentence entirely.")], packed[0], {})])  # a hash that does not hold its sentence
    assert nlp_mod.parse("Another sentence entirely.").text == "Another sentence entirely."


def test_a_digest_from_stored_parses_and_entities_equals_one_read_live(
    tmp_path: Path, parser: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"})
    stored_db, live_db = open_store(tmp_path / "stored.db"), open_store(tmp_path / "live.db")
    for store in (stored_db, live_db):
        store.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    assert analyse_new(stored_db, settings) == 3  # fetch's per-article work
    counting = _Counting(parser)
    monkeypatch.setattr(nlp_mod, "load_parser", lambda: counting)
    use_parses([])
    nlp_mod.parse.cache_clear()
    from_store = build_digest(stored_db, settings, day=DAY)
    candidates = {t for a in STORY for t in candidate_texts(a)}
    assert not candidates & set(counting.alone)  # no summary candidate parsed during the build
    monkeypatch.setattr(article_cache, "parser_key", lambda: None)  # nothing stored nor read: all parsed live
    use_parses([])
    nlp_mod.parse.cache_clear()
    nlp_mod.entities.cache_clear()
    live = build_digest(live_db, settings, day=DAY)
    assert candidates & set(counting.alone)
    content = [json.dumps({k: v for k, v in render.digest_to_dict(d).items() if k != "generated_at"}, sort_keys=True)
               for d in (from_store, live)]
    assert content[0] == content[1]
    for store in (stored_db, live_db):
        store.close()


class _CountingRecogniser:
    """The recogniser, counting the texts it reads."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.read = inner, 0

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        self.read += len(texts)
        return self.inner.pipe(texts, **kwargs)


def test_the_recogniser_reads_each_text_once_and_answers_as_alone(parser: Any) -> None:
    ner = nlp_mod.load_nlp()
    assert ner is not None
    texts = ["Orla Dempsey said Brightloom raised $12 million in Boston on Tuesday.",
             "The European Commission fined Kestrel Labs €40m.", "No names here at all."]
    alone = [tuple((e.text, e.label_) for e in ner(t).ents) for t in texts]
    counting = _CountingRecogniser(ner)
    assert nlp_mod.recognise(counting, texts + texts[:1]) == alone + alone[:1]
    assert counting.read == 3  # a text given twice is read once
    assert nlp_mod.recognise(counting, list(reversed(texts))) == list(reversed(alone))
    assert counting.read == 3  # read before: answered from what was kept
    assert ("Orla Dempsey", "PERSON") in alone[0] and ("$12 million", "MONEY") in alone[0]


def test_the_recognisers_pipeline_runs_no_layer_nothing_listens_to(parser: Any) -> None:
    ner: Any = nlp_mod.load_nlp()
    assert "ner" in ner.pipe_names and "entity_ruler" in ner.pipe_names
    assert "tok2vec" not in ner.pipe_names  # the bundled model's recogniser embeds tokens itself
