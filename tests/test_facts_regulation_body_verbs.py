"""A body's vote or decision told with a verb ("voted unanimously Tuesday to ban ...", "will legalise ...
from October 30") is a regulation even when the sentence names a rule noun elsewhere or puts words
between the vote and its verb; a government "preparing" a regulatory scheme proposes one; a company
preparing a pricing scheme regulates nothing."""

from __future__ import annotations

import datetime as dt

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 9, 10)


def test_a_vote_with_words_before_its_verb_is_an_enacted_ban() -> None:
    regs = extract_regulation(
        "The Marlow Town Council voted unanimously Tuesday to ban the town from flying banners on its bridges, "
        "and will form a committee to study its street names.",
        published=PUB,
    )
    assert [(r.rule, r.regulator, r.status) for r in regs] == [
        ("ban on the town from flying banners on its bridges", "Marlow Town Council", "enacted")]


def test_a_government_that_will_legalise_a_service_from_a_date_enacts_it_with_that_deadline() -> None:
    regs = extract_regulation(
        "The Orland government will legalise ride-sharing services in Kestown from October 30, with new regulations "
        "in place for drivers.",
        published=PUB,
    )
    assert [(r.rule, r.regulator, r.status, r.deadline) for r in regs] == [
        ("legalisation of ride-sharing services", "Orland government", "enacted", dt.date(2031, 10, 30))]


def test_a_government_preparing_a_regulatory_scheme_proposes_it() -> None:
    regs = extract_regulation(
        "The Westmark state government is also preparing a ride-sharing regulatory scheme to address passenger safety.",
        published=PUB,
    )
    assert [(r.status, r.regulator) for r in regs] == [("proposed", "Westmark state government")]
    assert "scheme" in regs[0].rule


def test_a_company_preparing_a_pricing_scheme_is_no_regulation() -> None:
    assert extract_regulation("The company is preparing a new pricing scheme for its customers.", published=PUB) == []
