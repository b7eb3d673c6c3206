"""A rule told with no rule-maker beside it still counts when its instrument or its step names one.

A law, a bill, a statute, a levy or a tariff is made only by a public body; officials,
policymakers and voters are rule-makers named by their role; a step may be told by its noun
("the passage of", "approval of"); a duty laid on a regulated trade is a rule's. Counts of
bills, banknotes and asked-for steps stay out.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation, merge_regulations
from newsbrief.model import Regulation

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    ("sentence", "rule", "status"),
    [
        # an instrument only a public body makes stands for its maker
        ("The new data-retention law was signed into law last week.", "data-retention law", "enacted"),
        ("The tariff on imported solar panels was approved on Friday.", "tariff on imported solar panels", "enacted"),
        ("The sugar tax on soft drinks was approved by a vote of 7-2.", "sugar tax on soft drinks", "enacted"),
        ("The new privacy law was passed by a wide margin.", "privacy law", "enacted"),
        # "statute" is an instrument
        ("The statute was ratified by the legislature in a 30-9 vote.", "statute", "enacted"),
        # rule-makers named by their role
        ("Health officials adopted a rule requiring calorie labels on menus.", "rule requiring calorie labels on menus", "enacted"),
        ("Policymakers proposed new capital requirements for crypto custodians.", "capital requirements for crypto custodians", "proposed"),
        ("Voters approved a measure raising the minimum wage to $18.", "minimum wage", "enacted"),
        # a step told by its noun
        ("The passage of the Clean Harbours Act clears the way for a ban on bunker fuel.", "Clean Harbours Act", "enacted"),
        ("Approval of the plastic bag levy means shoppers will pay 10 cents a bag.", "plastic bag levy", "enacted"),
        # a duty laid on a regulated trade
        ("The proposed rules would require lenders to verify a borrower's income.", "rules for lenders", "proposed"),
    ],
)
def test_rule_whose_instrument_role_or_step_names_its_maker(sentence: str, rule: str, status: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert (r.rule, r.status) == (rule, status)


def test_an_article_heading_the_sentence_is_no_regulator() -> None:
    (r,) = extract_regulation("The proposed directive would oblige platforms to remove illegal content.", published=PUB)
    assert r.regulator == ""


def test_nominal_step_names_who_took_it() -> None:
    (r,) = extract_regulation("Lawmakers' approval of the online safety bill came after months of debate.", published=PUB)
    assert (r.rule, r.regulator, r.status) == ("online safety bill", "Lawmakers", "enacted")


@pytest.mark.parametrize(
    "sentence",
    [
        # a step still sought or awaited
        "Campaigners are seeking passage of the tenant protection bill before the summer.",
        "The merger still awaits approval of the new licensing rules by the regulator.",
        # anyone may call for a law; only a public body enacts one
        "The candidate proposed a law banning drones over schools.",
        # a banknote and a count of bills are no rule
        "The candidate dropped his idea of putting a poet on the $10 bill.",
        "They have introduced over 100 bills in the past two sessions.",
        # a company's officials and a company's duties make no regulation
        "Company officials adopted new rules for the staff canteen.",
        "The board breached its fiduciary duties, the lawsuit claims.",
    ],
)
def test_not_a_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def _reg(rule: str, regulator: str = "", status: str = "enacted") -> Regulation:
    return Regulation(rule=rule, regulator=regulator, article_ids=("a",), sentence=rule, status=status)


def test_two_names_of_one_rule_merge() -> None:
    merged = merge_regulations(
        [
            _reg("Legislation to promote the use of Welsh Sign Language"),
            _reg("Welsh Sign Language (Wales) Bill", regulator="Senedd"),
        ]
    )
    assert [(m.rule, m.regulator) for m in merged] == [("Legislation to promote the use of Welsh Sign Language", "Senedd")]


def test_rules_on_other_subjects_stay_apart() -> None:
    merged = merge_regulations([_reg("ban on single-use vapes"), _reg("levy on single-use cups")])
    assert len(merged) == 2


@pytest.mark.parametrize(
    ("sentence", "regulator"),
    [
        # a change to a rule is the rule's news
        ("The FCC approved rule changes allowing drones to fly over crowds.", "FCC"),
        ("The Senate approved a tax cut for small businesses on Tuesday.", "Senate"),
    ],
)
def test_change_to_a_rule_is_a_regulation(sentence: str, regulator: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert (r.regulator, r.status) == (regulator, "enacted")


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill, introduced earlier this year, passed the Senate on Tuesday.",
        "The ordinance, which was drafted in June 2030, was approved by the council on Tuesday.",
        "The FDA finalized the rule, which it first proposed in 2029, on Friday.",
    ],
)
def test_past_date_in_an_aside_leaves_the_step_news(sentence: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert r.status == "enacted"


def test_past_date_of_the_step_itself_is_background() -> None:
    assert extract_regulation("The Senate passed the bill, a farm subsidy measure, in June 2030.", published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # a duty laid on a regulated trade, or a code written for one
        ("The draft guidelines would bar lenders from using AI to set credit limits.", "proposed"),
        ("The updated code of practice for AI model providers was approved last week.", "enacted"),
        # steps only a public body takes
        ("The new rules on crypto staking were published in the Official Journal on Tuesday.", "enacted"),
        ("The legislation, which passed the House in January, cleared the Senate on Thursday.", "enacted"),
    ],
)
def test_trade_duty_or_public_step_names_a_rule(sentence: str, status: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert r.status == status
