"""Funding rounds on whole articles: totals, background rounds, money that is not a round, names."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.funding import extract_funding
from newsbrief.facts.names import find_names

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "The new round brings Quorra's total amount of funding raised to more than $130 million.",
        "Two weeks ago, Lyft closed a $1 billion round of funding in Brazil.",
        "Three months ago, Tarnby raised $40 million in a Series B.",
        "Ana Ruiz, a senior at Lakeside High, won a $4,000 scholarship from the Rotary Club.",
        "Brill & Co raised its price target on Kestrel to $45 from $38.",
        "Holders of the notes received a $12.34 coupon on Monday.",
    ],
)
def test_not_a_round(sentence: str) -> None:
    assert extract_funding(sentence, published=PUB) == []


def test_a_round_reported_as_done_is_a_round() -> None:
    rounds = extract_funding("Kestrel has reportedly raised $12 million in a round led by Orbit Ventures.", published=PUB)
    assert [(r.company, r.amount, r.lead_investors) for r in rounds] == [("Kestrel", 12_000_000.0, ("Orbit Ventures",))]
    assert extract_funding("Kestrel is reportedly raising $12 million from Orbit Ventures.", published=PUB) == []


def test_company_is_a_name_not_a_phrase() -> None:
    rounds = extract_funding("Shares of Kestrel Inc rose after it raised $5 million from investors in a round.", published=PUB)
    assert [r.company for r in rounds] == ["Kestrel"]
    assert [n.text for n in find_names("Shares of Kestrel rose")] == ["Kestrel"]


def test_a_round_in_each_contrasted_clause() -> None:
    rounds = extract_funding(
        "Delivery app maker Zipli has raised $40 million in a Series B round led by Northgate Ventures, "
        "while its biggest rival in the region, Parcelo, has raised $65 million.",
        published=dt.date(2031, 3, 12),
    )
    assert [(r.company, r.amount, r.lead_investors) for r in rounds] == [
        ("Zipli", 40_000_000.0, ("Northgate Ventures",)),
        ("Parcelo", 65_000_000.0, ()),
    ]
    # a contrasted clause with no round of its own adds nothing
    (one,) = extract_funding(
        "Zipli has raised $40 million in a Series B round led by Northgate Ventures, while it plans to hire 50 engineers.",
        published=dt.date(2031, 3, 12),
    )
    assert one.company == "Zipli"


def test_money_paid_to_settle_charges_is_no_round() -> None:
    sentence = (
        "The Securities and Exchange Commission announced that a Boston advisory firm has agreed to pay more than "
        "$12 million to settle charges that it kept fees belonging to its debt fund clients."
    )
    assert extract_funding(sentence, published=PUB) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a person in a money trail, not a company raising a round
        "Investigators said Mr Tanaka received 17 million yen of the 9.9 billion yen loan through a relative.",
        # the cost of a project
        "Palmview 4860 A $1.4 billion resort project at Coral Bay near Palmview remains stalled due to a lack of "
        "investors.Before the Marlin resort in Cairns was announced, ...",
        # a second clause that values the round told first
        "Lumora secured $20 million in a Series B led by Northgate Ventures; the round values Lumora at $200 million, up from $90 million in 2029.",
    ],
)
def test_not_a_second_or_a_wrong_round(sentence: str) -> None:
    rounds = extract_funding(sentence, published=PUB)
    assert [(r.company, r.amount) for r in rounds] in ([], [("Lumora", 20_000_000.0)])


@pytest.mark.parametrize(
    "sentence",
    [
        "Delivery app maker Zipli has raised $40 million in a Series B round led by Northgate Ventures, "
        "while its biggest rival in the region, Parcelo, has raised $65 million.",
        "Kitchenly has raised almost $20 million in venture funding from Box Ventures, Spark Partners and angel investors.",
        "Berlin-based Lumora, a maker of smart thermostats, raised a $12 million seed round led by Pine Capital on Tuesday.",
    ],
)
def test_roundup_company_fields_are_names_not_phrases(sentence: str) -> None:
    rounds = extract_funding(sentence, published=PUB)
    assert rounds
    for r in rounds:
        assert r.company[:1].isupper() and len(r.company.split()) <= 4
        assert all(len(n.split()) <= 4 and n[:1].isupper() for n in r.lead_investors)
