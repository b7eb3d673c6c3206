"""Money that looks like a funding round in whole articles but is not one: rounds of earlier weeks,
planned investments, money gathered over a period, debt nouns, listed companies' corporate finance."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import make_article
from newsbrief.facts.core import extract_facts, merge_facts
from newsbrief.facts.funding import extract_funding, listed_companies
from newsbrief.facts.money import find_money
from newsbrief.model import FundingRound

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        # a round of last week or of earlier this year, retold beside today's news
        "Velloro, which sells bus tickets online, closed a $2 billion round just last week.",
        "Earlier this year, Quillon invested $80 million into Harbi as part of a $400 million funding round.",
        "Tamsin Health raised $30 million last month in a round led by Ordway Capital.",
        # a planned investment under a non-binding term sheet
        "Arkwell and Denby signed a non-binding term sheet for a contemplated investment of $90 million in Corvel.",
        "Corvel will receive $90 million from the two investors if the deal is completed.",
        # money gathered over a stated period
        "In the period from Jan. 1, 2029 to June 30, 2031, Senator Hale raised $4.2 million.",
        # a participle qualifying a debt noun is no verb
        "Senior Secured Loan facility of US$200 million;",
    ],
)
def test_not_a_round(sentence: str) -> None:
    assert extract_funding(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "company", "amount"),
    [
        ("Kestrel has secured $20 million of venture debt from Arbor Bank.", "Kestrel", 20_000_000.0),
        ("Kestrel secured debt financing of $20 million from Arbor Bank.", "Kestrel", 20_000_000.0),
        ("Tamsin Health raised $30 million in a Series B led by Ordway Capital.", "Tamsin Health", 30_000_000.0),
    ],
)
def test_rounds_still_found(sentence: str, company: str, amount: float) -> None:
    assert [(r.company, r.amount) for r in extract_funding(sentence, published=PUB)] == [(company, amount)]


def test_hyphenated_scale_belongs_to_the_number() -> None:
    assert [m.amount for m in find_money("a $540-million package and a US$75-billion budget")] == [540e6, 75e9]
    assert [(m.amount, m.high) for m in find_money("a $5-7 million round")] == [(5e6, 7e6)]


def test_listed_companies_are_read_from_tickers() -> None:
    text = "Harrow Realty Trust, Inc. (NYSE: HRT), an owner of warehouses, and Ombra Corp (NASDAQ: OMB) said."
    assert listed_companies(text) >= {"harrow realty trust", "hrt", "ombra", "omb"}
    assert listed_companies("Harrow raised $5 million (about 4% of its budget).") == set()
    assert listed_companies("Elmbrook Green Farms (TSX VENTURE: EGF) received subscriptions.") >= {"elmbrook green farms", "egf"}


def test_a_listed_company_loan_is_not_a_round() -> None:
    text = (
        "CHICAGO -- Harrow Realty Trust, Inc. (NYSE: HRT), an owner of warehouses, today announced the closing "
        "of a new $300 million unsecured term loan.\nThe loan bears interest at LIBOR plus 150 basis points."
    )
    article = make_article("a1", title="Harrow Realty Trust Closes New $300 Million Term Loan", text=text)
    facts = merge_facts(extract_facts([article], use_model=False))
    assert [f for f in facts if isinstance(f, FundingRound)] == []


def test_a_start_up_round_beside_a_listed_investor_is_kept() -> None:
    text = "Corvel, a payments start-up, raised $12 million in a Series A led by Ombra Corp (NASDAQ: OMB)."
    article = make_article("a2", title="Corvel raises $12 million", text=text)
    rounds = [f for f in merge_facts(extract_facts([article], use_model=False)) if isinstance(f, FundingRound)]
    assert [(r.company, r.amount) for r in rounds] == [("Corvel", 12_000_000.0)]
