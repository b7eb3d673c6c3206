"""Sentence case of shouting headlines: the entity model runs only when a story's names can change the result."""

from __future__ import annotations

import pytest

from newsbrief.facts import nlp as facts_nlp
from newsbrief.summarize import choose_headline
from newsbrief.summarize.casing import Casing, _key, _WORD_RE, names_matter, sentence_case, story_casing

from factories import make_article

TEXTS = ["Corbel Home, the Denver maker of Ember space heaters, is recalling units sold through Hartline stores.",
         "The US regulator said the recall covers EU models, and Corbel Home will refund buyers in full."]
TITLES = ["Corbel Home Recalls 220,000 Ember Heaters Sold At Hartline Stores",
          "CORBEL HOME RECALLS EMBER HEATERS IN THE US AND EU",
          "Corbel Home Plans Refund For Buyers",
          "Kestrel Unveils Quill On Monday",
          "KESTREL UNVEILS QUILL ON MONDAY",
          "Denver Maker Of Space Heaters Issues Recall",
          "Corbel Home Models Covered By Regulator"]


@pytest.mark.parametrize("title", TITLES)
def test_names_change_a_sentence_cased_title_only_when_names_matter_says_so(title: str) -> None:
    casing = story_casing(TEXTS)
    assert casing.names == set()
    # the most the names can do: every word of the title is a name
    named = Casing(lower=set(casing.lower), names={_key(w) for w in _WORD_RE.findall(title)},
                   acronyms=set(casing.acronyms))
    if not names_matter(title, casing):
        assert sentence_case(title, named) == sentence_case(title, casing)


def test_names_matter_for_a_title_word_the_articles_write_in_lower_case() -> None:
    casing = story_casing(TEXTS)
    assert names_matter(TITLES[0], casing)  # "heaters", "stores" are written in lower case
    named = Casing(lower=set(casing.lower), names={_key("heaters")}, acronyms=set(casing.acronyms))
    assert sentence_case(TITLES[0], named) != sentence_case(TITLES[0], casing)  # and a name would keep a capital
    assert not names_matter(TITLES[3], casing)  # no word of it is: every capital stays
    assert not names_matter("Home Of Corbel", casing)  # only a function word and the first word
    # a word that keeps its capital as an acronym ("US") does not read the names
    assert not names_matter("CORBEL US EU", Casing(lower={_key("us")}, acronyms={"US", "EU"}))
    assert names_matter("CORBEL US EU", Casing(lower={_key("us")}, acronyms={"EU"}))


class _Recogniser:
    """A stand-in for the spaCy pipeline that records what it is asked to read and finds no entity."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def pipe(self, texts: list[str]) -> list[object]:
        self.read.extend(texts)
        return [type("Doc", (), {"ents": ()})() for _ in texts]


def test_a_shouting_headline_runs_the_entity_model_only_when_names_can_change_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    recogniser = _Recogniser()
    loads: list[int] = []

    def load() -> _Recogniser:
        loads.append(1)
        return recogniser

    monkeypatch.setattr(facts_nlp, "load_nlp", load)
    text = "Kestrel has released a language model it calls Quill. Kestrel said Quill would ship to partners first."
    # no word of the title is written in lower case in the article: the model is neither loaded nor run
    assert choose_headline([make_article("a", title="Kestrel Unveils Quill Software Today", text=text)]) \
        == "Kestrel Unveils Quill Software Today"
    assert loads == [] and recogniser.read == []
    # "model" is: whether it stays capitalised is the model's to say (here it finds no name, so it is lowered)
    assert choose_headline([make_article("b", title="Kestrel Releases Quill Language Model", text=text)]) \
        == "Kestrel releases Quill language model"
    assert loads == [1] and recogniser.read == [text.split(". ")[0] + "."]
