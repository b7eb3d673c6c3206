"""Money on real days' funding roundups that is no round: a lender's loans, a newspaper's desk, a rating
agency's assumptions, a permission "granted", an epithet in quotation marks; and a loan or grant a company took makes no roundup line."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.funding import extract_funding
from newsbrief.facts.wellformed import well_formed_round
from newsbrief.model import FundingRound

PUB = dt.date(2031, 5, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        # a lender's book: loans it made to borrowers
        "Harlowe Capital Closes $64 Million in Bridge Loans for Office Buildings in Ohio and Utah",
        "Marlin Street Lending closed $1.2 billion of agency mortgages during the quarter.",
        "Pellham Bank closed $40 million worth of construction-to-permanent loans on Tuesday.",
        "Harlowe Capital said it provided $64,000,000 for two bridge loans on offices in Dayton and Provo.",
        # a newspaper's desk or section as the actor
        "Courier Business received $3.1 million from the Ashgrove Foundation to fund its reporting.",
        "The Westbury Herald Metro Desk received $250,000 from the Ashgrove Foundation for its reporting.",
        # a rating agency's assumptions and rating actions
        "The rating case assumes Dorwin Chemicals raises $200 million of debt next year to fund the plant.",
        "Moody's affirmed the rating after Dorwin Chemicals secured a $600 million term loan.",
        # an epithet in quotation marks is no company's name
        "Plastics ‘Miracle Maker’ Gets $12M Cash Injection",
        # a permission granted, with money told later in the sentence
        "Orland Holdings received word that regulators had granted their approval, with $9 million to come from "
        "its parent.",
    ],
)
def test_not_a_round(sentence: str) -> None:
    assert extract_funding(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "company", "amount", "kind"),
    [
        ("Lendwise, an online lender to students, raised $35 million in a Series C led by Arbor Peak Ventures.",
         "Lendwise", 35e6, "series c"),
        ("Tessora Credit has secured a $20 million loan facility from Corran Bank to expand its lending.",
         "Tessora Credit", 20e6, "debt"),
        ("The Halden Foundation granted $900,000 to Pebblewright to test its water filters.", "Pebblewright", 9e5, "grant"),
        ("Business Kite, a payroll start-up, raised $8 million in seed funding from Ostler Ventures.",
         "Business Kite", 8e6, "seed"),
        ('Orbit Foods, the "Netflix of snacks", raised $5 million in seed funding.', "Orbit Foods", 5e6, "seed"),
    ],
)
def test_rounds_and_company_debt_are_still_read(sentence: str, company: str, amount: float, kind: str) -> None:
    rounds = extract_funding(sentence, published=PUB)
    assert [(r.company, r.amount, r.round) for r in rounds] == [(company, amount, kind)]


def test_a_loan_or_grant_makes_no_roundup_line_but_an_equity_round_does() -> None:
    loan = FundingRound("Tessora Credit", 20e6, "USD", "debt", (), "Tessora Credit has secured a $20 million loan.")
    grant = FundingRound("Pebblewright", 9e5, "USD", "grant", (), "Pebblewright won a $900,000 grant.")
    seed = FundingRound("Business Kite", 8e6, "USD", "seed", (), "Business Kite raised $8 million in seed funding.")
    unnamed = FundingRound("Velloria", 12e6, "USD", "", (), "Velloria raised $12 million.")
    assert not well_formed_round(loan)
    assert not well_formed_round(grant)
    assert well_formed_round(seed)
    assert well_formed_round(unnamed)


def test_a_round_of_a_few_units_is_a_misread_figure_and_makes_no_roundup_line() -> None:
    misread = FundingRound("Working Capital Scheme", 2, "MYR", "", (), "The scheme raised 2 in MYR terms.")
    small_seed = FundingRound("Metrikea", 4e5, "EUR", "seed", (), "Metrikea raised €400,000 in seed funding.")
    assert not well_formed_round(misread)
    assert well_formed_round(small_seed)
