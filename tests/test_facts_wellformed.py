"""The fields a roundup line names: a company's name, a public body's name, a short rule."""

from __future__ import annotations

import pytest

from newsbrief.facts.wellformed import company_is_name, regulation_for_line, rule_maker, short_rule, well_formed_round
from newsbrief.model import FundingRound, Regulation


@pytest.mark.parametrize("company", ["Velloria", "Bank of Marwick", "Tallow Robotics", "eLedger", "3Dfab"])
def test_names_of_companies_are_names(company: str) -> None:
    assert company_is_name(company)


@pytest.mark.parametrize("company", ["QVRX", "Marwick investment has totaled", "Additionally", "Germany", "",
                                     "the company", "Inc", "Ltd.", "GmbH", "Holdings"])
def test_tickers_phrases_places_and_adverbs_are_no_company_names(company: str) -> None:
    assert not company_is_name(company)


def test_a_name_in_capitals_is_a_name_when_the_round_names_its_investors() -> None:
    assert company_is_name("QVRX", backed=True)
    assert well_formed_round(FundingRound("QVRX", 3e7, "INR", "", (), "QVRX raises Rs 3 cr from Harrow Capital",
                                          investors=("Harrow Capital",)))


def test_a_nationality_is_no_company_name() -> None:
    assert not company_is_name("Indian", "An Indian has won $1,000,000 in the latest raffle.")


def test_a_round_needs_an_amount() -> None:
    assert well_formed_round(FundingRound("Velloria", 12e6, "USD", "seed", (), "Velloria raised $12 million."))
    assert not well_formed_round(FundingRound("Velloria", None, "", "seed", (), "Velloria raised an undisclosed sum."))


@pytest.mark.parametrize(("rule", "short"), [
    ("Food safety licence mandatory for all restaurants", "Food safety licence mandatory for all restaurants"),
    ("bill that would ban single-use plastic bags in shops", "bill to ban single-use plastic bags in shops"),
    ("legislation that would hold landlords accountable for renting flats to tenants who are not checked",
     "legislation to hold landlords accountable for renting flats"),
    ("Legislation to promote the use of Marwick Sign Language (MSL)", "Legislation to promote the use of Marwick Sign Language"),
    ("contentious defence bills", "defence bills"),
    ("20-percent levy", "20-percent levy"),
    ("Data Act", "Data Act"),
    ("GDPR", "GDPR"),
    ("SB 53", "SB 53"),
    ("legislation", ""),
    ("Bill", ""),
    ("the new rules", ""),
    ("decree that declares the shrine a place of pilgrimage", ""),
    ("approves contentious", ""),
    ("rules to require reporting of fees through", "rules to require reporting of fees"),
    ("levy on ferry tickets from", "levy on ferry tickets"),
    ("legislation being introduced into Parliament", ""),  # a bare instrument once its clause is cut
    ("Drug Administration guidelines", ""),  # the maker's name cut in two, then a bare instrument
    ("Trade Commission rule on data brokers", "rule on data brokers"),
])
def test_short_rule_is_a_noun_phrase_headed_by_an_instrument(rule: str, short: str) -> None:
    assert short_rule(rule) == short


@pytest.mark.parametrize(("regulator", "jurisdiction", "maker"), [
    ("Marwick Parliament", "", "Marwick Parliament"),
    ("SEC", "", "SEC"),
    ("Delhi government", "", "Delhi government"),
    ("Lawmakers in Kenya", "", "Lawmakers in Kenya"),
    ("Kenya's upper house", "Kenya", "Kenya's upper house"),
    ("upper house", "Kenya", "Kenya"),
    ("Senators", "", ""),
    ("regulators", "", ""),
    ("state energy regulator", "", ""),
    ("Only government", "", ""),  # "Only government can ...": a sentence's opening capital
    ("Both houses", "", ""),
    ("legislation that would hold landlords accountable", "", ""),
    ("", "", ""),
])
def test_the_maker_a_line_names_is_a_body_or_its_place(regulator: str, jurisdiction: str, maker: str) -> None:
    fact = Regulation("coastal protection bill", regulator, (), "", jurisdiction=jurisdiction)
    assert rule_maker(fact) == maker


def test_a_maker_equal_to_its_rule_names_no_line() -> None:
    fact = Regulation("Coastal Protection Levy", "Coastal Protection Levy", (), "", status="enacted")
    assert regulation_for_line(fact) is None


def test_a_churchs_decree_names_no_line_even_with_a_place() -> None:
    fact = Regulation("Decree on pilgrimages", "Archdiocese of Valmora", (), "", jurisdiction="Chile", status="enacted")
    assert regulation_for_line(fact) is None


def test_a_place_is_no_company_name() -> None:
    sentence = ("The $40 million investment follows the purchase of a data centre in Quebec City for $36 million, "
                "the operator said.")
    assert not company_is_name("Quebec City", sentence)
    assert company_is_name("Tallow Robotics", "Tallow Robotics raised $40 million in a Series B round.")
