"""Page boilerplate from real feeds through the facts stage without spaCy.

Real article texts carry menu and share-bar lines ("Sign In / Register", "Share / Tweet /
Email"), lone punctuation, all-caps navigation and runs of characters without spaces. None of
them may raise.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from factories import make_article

from newsbrief.facts import extract_facts
from newsbrief.facts.names import find_names
from newsbrief.facts.nlp import load_nlp
from newsbrief.model import FundingRound

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
