"""Facts stage: entities, money, funding rounds, regulations and upcoming events.

Public API (see each module for the rules it applies)::

    extract_facts(articles, *, nlp=None, use_model=True) -> list[Fact]
    extract_sentence_facts(sentence, *, published, article_id="") -> list[Fact]
    merge_facts(facts)                            -> list[Fact]
    merge_funding(rounds)                         -> list[FundingRound]
    fact_to_dict(f) / fact_from_dict(d)           JSON-safe round trip
    load_nlp()                                    cached spaCy loader, None without spaCy
"""

from __future__ import annotations

import logging

from newsbrief.facts.core import extract_facts, extract_sentence_facts, fact_from_dict, fact_to_dict, merge_facts
from newsbrief.facts.dates import DateSpan, find_dates, resolve_date
from newsbrief.facts.entities import merge_entities
from newsbrief.facts.funding import merge_funding
from newsbrief.facts.money import Money, Percent, Quantity, find_money, find_percents, find_quantities, parse_money
from newsbrief.facts.nlp import load_nlp, split_sentences

LOGGER = logging.getLogger(__name__)

__all__ = [
    "DateSpan",
    "Money",
    "Percent",
    "Quantity",
    "extract_facts",
    "extract_sentence_facts",
    "fact_from_dict",
    "fact_to_dict",
    "find_dates",
    "find_money",
    "find_percents",
    "find_quantities",
    "load_nlp",
    "merge_entities",
    "merge_facts",
    "merge_funding",
    "parse_money",
    "resolve_date",
    "split_sentences",
]
