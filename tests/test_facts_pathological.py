"""Sentences that used to make the facts stage's patterns backtrack for minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.core import extract_sentence_facts
from newsbrief.facts.regulation import extract_regulation

# All-caps legal notices, as press releases append them: every word capitalised, many of them.
NOTICE = ("HOLDERS AND INVESTORS OF NORTHWIND TELEVISION ARE URGED TO READ THE JOINT PROXY STATEMENT AND OTHER DOCUMENTS "
          "FILED WITH THE SECURITIES AND EXCHANGE COMMISSION WHEN THEY BECOME AVAILABLE BECAUSE THEY WILL CONTAIN IMPORTANT "
          "INFORMATION ABOUT NORTHWIND, HARBORVIEW MEDIA AND THE PROPOSED TRANSACTION ACT")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("sentence", [
    NOTICE,
    NOTICE.replace(" ", "-"),
    " ".join(["PRIVATE-SECTOR"] * 60) + " RULES",
])
def test_all_caps_notices_are_read_in_linear_time(sentence: str) -> None:
    assert extract_sentence_facts(sentence, published=dt.date(2026, 1, 5)) is not None


@pytest.mark.parametrize(("sentence", "rule"), [
    ("The Digital Markets Act takes effect on May 2.", "Digital Markets Act"),
    ("Regulators adopted the Anti-Money Laundering Directive on Tuesday.", "Anti-Money Laundering Directive"),
])
def test_named_rules_are_still_found(sentence: str, rule: str) -> None:
    found = extract_regulation(sentence, published=dt.date(2026, 1, 5))
    assert found and rule in found[0].rule
