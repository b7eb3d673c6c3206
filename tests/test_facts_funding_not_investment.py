"""A funding round's company is a name, and its money buys a stake: no prizes, gifts, prices or benefits."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.funding import extract_funding

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "A Lotto ticket sold in Dunedin has won $25,000.",
        "Baker man wins $2m in airport lucky draw",
        "Priya has already passed her fundraising target of $500, raising $900 for a hospice.",
        "The bake sale raised $4,200 for the families of the flood victims.",
        "Harbor Tools Inc. ( HRBT ) of the Hand Tools sector closed out the day Monday at $14.20, a gain of 2%.",
        "Analysts at Keel Securities raised their price target on Vantor from $40 to $48.",
        "The fraud charge says Dalton received $52,300 in Social Security payments while working.",
        "Additionally, the clerk got a $300 credit toward a desk of its own.",
        "Ostrava Gold Inc. has secured a $310 million construction financing package from two lenders.",
        "Harlan Air announces conclusion of USD 250 million Term Loan",
        "As well as claiming £46,000 as runner-up, Reyes picked up a US$5000 bonus through a sponsor promotion.",
        "Corvel Foods entered into a $75 million revolving credit facility with its banks.",
        "Kestrel won a $119.6 million jury verdict in May 2014 against Orvex, which was found to have infringed its patents.",
        "The annual Tallbrook Accounting Food Fight raised 11,376 pounds of food and $100,006.",
        "A Briton has won $1,000,000 in the latest Harbour Duty Free dollar millionaire draw promotion.",
        ("Clocking one round a day, the first stage of the Radio Phase II licence allocation has been closed with 40 channels in 21 cities at a provisional "
         "winning price of about Rs 356.2 crore against a reserve price of about Rs 120.5 crore."),
        # a phrase, not a company's name
        "The Riverside redevelopment investment has totaled approximately $4.1 million with $2 million from city funding.",
    ],
)
def test_not_a_funding_round(sentence: str) -> None:
    assert [r for r in extract_funding(sentence, published=PUB) if not r.aggregate] == []


@pytest.mark.parametrize(
    ("sentence", "company", "amount"),
    [
        ("Loomtide has raised $1.5 billion in an ongoing fundraising round led by Harbor Ventures.", "Loomtide", 1.5e9),
        ("Kettle Labs closed a $12 million Series A led by Northway Capital.", "Kettle Labs", 12e6),
        ("Bank of Tallis Fintech raised $8 million in seed funding.", "Bank of Tallis Fintech", 8e6),
    ],
)
def test_company_rounds_still_found(sentence: str, company: str, amount: float) -> None:
    (r,) = extract_funding(sentence, published=PUB)
    assert (r.company, r.amount) == (company, amount)
