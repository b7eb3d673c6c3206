"""Page boilerplate from real feeds through the facts stage without spaCy, and per-item failures in the digest.

Real article texts carry menu and share-bar lines ("Sign In / Register", "Share / Tweet /
Email"), lone punctuation, all-caps navigation and runs of characters without spaces. None of
them may raise, and a failure the extractors still hit on one article or one story is recorded
and leaves the rest of the digest intact.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from factories import make_article

import newsbrief.article_cache as article_cache
import newsbrief.pipeline as pipeline
from newsbrief.config import load_settings
from newsbrief.facts import extract_facts, regulation
from newsbrief.facts.names import find_names
from newsbrief.facts.nlp import load_nlp
from newsbrief.model import Article, FundingRound, Regulation
from newsbrief.store import SQLiteStore

DAY = dt.date(2026, 11, 27)

BOILERPLATE = [
    "Sign In / Register",
    "Log In",
    "Share / Tweet / Email",
    "Subscribe Now | Sign In | Terms Of Use | Privacy Policy And",
    "HOME | NEWS | SPORT | WEATHER | SIGN IN | MORE",
    "The Latest From Our Partners In",
    "Read More Of",
    "!",
    "—",
    "...",
    "| | |",
    "A" * 5000,
    "Kestrel" * 900,
    "x." * 3000,
    "$$$ 100% %%% &&& ### @@@",
]


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Force the rule-based extractors (the default install has no spaCy)."""
    monkeypatch.setenv("NEWSBRIEF_FACTS_NLP", "rules")
    load_nlp.cache_clear()
    assert load_nlp() is None
    yield
    load_nlp.cache_clear()


@pytest.mark.parametrize(("text", "names"), [
    ("Sign In / Register", ["Sign", "Register"]),
    ("Log In", ["Log"]),
    ("The Bank of England and", ["Bank of England"]),
    ("Subscribe Now | Terms Of Use | Privacy Policy And", ["Subscribe Now", "Terms Of Use", "Privacy Policy"]),
    ("In The Know", ["Know"]),
    ("Nairobi's Mkopo Finance of", ["Nairobi", "Mkopo Finance"]),
])
def test_find_names_trims_both_ends_and_keeps_offsets(text: str, names: list[str]) -> None:
    found = find_names(text)
    assert [n.text for n in found] == names
    assert all(text[n.start:n.end] == n.text for n in found)


@pytest.mark.parametrize("text", BOILERPLATE)
def test_find_names_never_raises_on_boilerplate(text: str) -> None:
    for n in find_names(text):
        assert text[n.start:n.end] == n.text


@pytest.mark.timeout(120)
def test_facts_stage_reads_boilerplate_without_spacy(rules_only: None, caplog: pytest.LogCaptureFixture) -> None:
    text = "\n\n".join([*BOILERPLATE, "Helix Quantum raised $20 million in a Series A round led by Accel."])
    article = make_article("b1", title="Sign In / Register", text=text)
    with caplog.at_level(logging.WARNING, logger="newsbrief.facts"):
        facts = extract_facts([article])
    # no sentence was skipped: every extractor read all of them
    assert not [r for r in caplog.records if "skipped a sentence" in r.getMessage()]
    rounds = [f for f in facts if isinstance(f, FundingRound)]
    assert [(r.company, r.amount) for r in rounds] == [("Helix Quantum", 20_000_000.0)]


def hyphenated_run(words: int) -> str:
    """Capitalised words joined by hyphens, as in tag clouds and menus, with no rule name after them."""
    names = ["Harbor", "Lantern", "Festival", "Night", "Market", "Blue", "Ridge", "Tide", "Pass", "Owl", "Copper", "Gate"]
    run = " ".join(f"{names[i % 12]}-{names[(i * 5 + 3) % 12]}-{names[(i * 7 + 1) % 12]}" for i in range(words))
    return f"{run} #Moons #Phosphorus"


@pytest.mark.timeout(30)
def test_a_run_of_hyphenated_capitalised_words_is_read_in_linear_time(rules_only: None) -> None:
    # the regulation name pattern could split each hyphenated word in every way: 12 words took
    # over 20 s, 30 words would never end
    text = hyphenated_run(30)
    assert regulation.extract_regulation(text, published=dt.date(2026, 11, 27)) == []
    facts = extract_facts([make_article("tags", title="Tags", text=text + "\n\nThe Digital Markets Act takes effect on May 2.")])
    assert [f.rule for f in facts if isinstance(f, Regulation)] == ["Digital Markets Act"]


def _seed(store: SQLiteStore, articles: Sequence[Article]) -> None:
    store.upsert_articles([(a, n, None) for n, a in enumerate(articles, 1)])


def _settings(tmp_path: Any) -> Any:
    return load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"})


@pytest.mark.timeout(120)
def test_digest_of_boilerplate_articles_without_spacy(rules_only: None, fresh_db: SQLiteStore, tmp_path: Any) -> None:
    _seed(fresh_db, [
        make_article("m1", title="Sign In / Register", text="Sign In / Register\n\nShare / Tweet / Email\n\nLog In"),
        make_article("m2", title="Helix Quantum raises $20 million", outlet="Wire",
                     text="Helix Quantum raised $20 million in a Series A round led by Accel. The Oslo startup "
                          "builds quantum sensors. Sign In / Register"),
    ])
    digest = pipeline.build_digest(fresh_db, _settings(tmp_path), day=DAY)
    assert digest.diagnostics == ()
    assert fresh_db.count("skips") == 0
    assert [f["data"]["company"] for f in fresh_db.facts(type="funding")] == ["Helix Quantum"]


@pytest.mark.timeout(120)
def test_an_article_that_breaks_facts_is_recorded_and_the_digest_goes_on(
    fresh_db: SQLiteStore, tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = article_cache.extract_facts

    def failing(articles: Sequence[Article], **kwargs: Any) -> Any:
        if any(a.id == "bad" for a in articles):
            raise RuntimeError("extractor broke on this text")
        return real(articles, use_model=False)

    monkeypatch.setattr(article_cache, "extract_facts", failing)
    text = "Helix Quantum raised $20 million in a Series A round led by Accel. The Oslo startup builds sensors."
    _seed(fresh_db, [make_article("good", title="Helix Quantum raises $20 million", text=text),
                     make_article("bad", title="Helix Quantum raises $20 million", outlet="Other", text=text)])
    digest = pipeline.build_digest(fresh_db, _settings(tmp_path), day=DAY)
    assert [(d.stage, d.what) for d in digest.diagnostics] == [("facts", "bad")]
    assert "RuntimeError: extractor broke on this text" in digest.diagnostics[0].reason
    assert [(s["stage"], s["what"]) for s in fresh_db.skips()] == [("facts", "bad")]
    funding = fresh_db.facts(type="funding")
    assert [f["article_ids"] for f in funding] == [["good"]]
    assert any(it.headline for sec in digest.sections for it in sec.items)
    stored = fresh_db.digest(DAY)
    assert stored is not None and stored["diagnostics"][0]["what"] == "bad"


@pytest.mark.timeout(120)
def test_a_story_the_summarizer_fails_on_is_left_out_and_recorded(
    fresh_db: SQLiteStore, tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = pipeline.summarize_story

    def failing(articles: Sequence[Article], **kwargs: Any) -> Any:
        if any("Zanzibar" in a.title for a in articles):
            raise ValueError("no sentence survived")
        return real(articles, **kwargs)

    monkeypatch.setattr(pipeline, "summarize_story", failing)
    _seed(fresh_db, [
        make_article("s1", title="Helix Quantum raises $20 million for sensors",
                     text="Helix Quantum raised $20 million in a Series A round led by Accel. It builds sensors."),
        make_article("s2", title="Zanzibar ferry strike enters third day", outlet="Coast",
                     text="Ferry crews in Zanzibar stayed on strike for a third day on Friday. Talks resume Monday."),
    ])
    digest = pipeline.build_digest(fresh_db, _settings(tmp_path), day=DAY)
    assert [(d.stage, d.reason) for d in digest.diagnostics] == [("summarize", "summarize: ValueError: no sentence survived")]
    headlines = [it.headline for sec in digest.sections for it in sec.items]
    assert any("Helix" in h for h in headlines) and not any("Zanzibar" in h for h in headlines)
    assert [s["stage"] for s in fresh_db.skips()] == ["summarize"]
