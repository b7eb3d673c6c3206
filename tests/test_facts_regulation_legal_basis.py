"""A deal cleared or blocked under a rule ("approved under the Merger Regulation the acquisition of ...") is
news about the deal: the rule is its legal basis and its status did not change. A rule a body itself passes or
brings into force stays a rule, also beside a deal told in a background clause."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 9, 16)


@pytest.mark.parametrize("sentence", [
    "The Marwick Commission has approved under the Marwick Merger Regulation the acquisition of Tallow Bank of "
    "Dunmore by Velloria Holdings of Varnholt.",
    "The competition regulator cleared the proposed takeover of Harbourline by Orrick Ferries under the Competition Act.",
    "The ministry blocked the sale of the Dunmore port to a foreign operator under the new investment law.",
])
def test_a_deal_cleared_under_a_rule_is_no_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_a_rule_passed_by_a_body_stays_a_rule() -> None:
    found = extract_regulation("The Marwick parliament approved the Merger Control Act on Tuesday, which takes effect "
                               "on January 1, 2032.", published=PUB)
    assert [r.rule for r in found] == ["Merger Control Act"]
    # a deal in a clause of its own is background: the rule's own news stands, as for a fine or a lawsuit
    found = extract_regulation("The Marwick parliament passed the Merger Control Act on Tuesday, a week after the "
                               "regulator blocked the sale of Harbourline to Orrick Ferries.", published=PUB)
    assert [r.rule for r in found] == ["Merger Control Act"]
