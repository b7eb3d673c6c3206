"""A regulation needs an instrument heading its phrase, a rule-maker (or a binding date), and a step taken."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.regulation import extract_regulation

PUB = dt.date(2031, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        # the instrument word only modifies another noun
        "The candidate unveiled a plan that would bring major tax relief to families with children.",
        "Analysts asked how the proposal would affect the top tax rate paid by landlords.",
        "As the Resolution Trust said, the region must lift its output, which is why it launched a plan in May.",
        # no government, regulator or place acts on the rule, and no date binds anyone
        "The startup has introduced a powerful software framework for factory robots.",
        "The candidate proposed a flat tax on every household in a campaign video.",
        # a step asked for is not a step taken
        "Two trade groups urged the agency to immediately adopt the new drone rules.",
        "Farmers have asked the ministry to delay the new fertiliser rules.",
        # a form of government is not a rule
        "The vote pushed back any return to civilian rule in the country.",
        # a step dated in a month of a past year is background
        "The parliament passed a law banning plastic straws in June 2029.",
    ],
)
def test_not_a_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "rule_word", "status"),
    [
        # the instrument heads its phrase and a rule-maker acts on it
        ("The state assembly passed a bill capping rents for student housing.", "bill", "enacted"),
        ("The governor proposed a tax on sugary drinks in her budget speech.", "tax", "proposed"),
        ("Ohio's senate introduced a bill requiring clinics to publish prices.", "bill", "proposed"),
        # the rule word modifies another instrument: "the tax code"
        ("The finance ministry adopted the revised tax code for small firms.", "code", "enacted"),
        # a named statute needs no body in the sentence
        ("The Clean Harbours Act was signed into law.", "Clean Harbours Act", "enacted"),
        # no body, but a date from which it binds
        ("The levy on single-use cups takes effect on July 1.", "levy", "enacted"),
        # backed by a legislature: passed
        ("Legislation to protect urban beekeepers has been unanimously backed by MSPs.", "Legislation", "enacted"),
        # a government's plan is a proposal; a bylaw is an instrument
        ("The City of Dunmore has plans to license e-scooter rentals with new regulations.", "regulations", "proposed"),
        ("The town council introduced a bylaw limiting leaf blowers to weekday mornings.", "bylaw", "proposed"),
    ],
)
def test_regulation_with_instrument_maker_and_step(sentence: str, rule_word: str, status: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert rule_word in r.rule
    assert r.status == status


def test_uk_department_known_by_initials_is_the_regulator() -> None:
    (r,) = extract_regulation("Defra has launched a consultation on new rules for badger cull licences.", published=PUB)
    assert r.regulator == "Defra"
    assert r.status == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        # a status word inside a hyphenated adjective
        "The governor wants to override state-approved laws allowing the sale of fireworks.",
        # a step awaited ("until") is a condition
        "She says she will stay in office until the parliament passes a single bill on campaign finance.",
        # a company's board adopting its own by-laws is no regulation
        "The Fund's Board of Directors approved an amendment to the Fund's By-laws on majority voting.",
        # background: long in force, or done earlier this year or on a day of a past year
        "Federal regulations that took effect in 2026 were meant to make textbooks cheaper.",
        "Earlier this year, voters rescinded an ordinance the city council had passed.",
        "The president signed the farm bill into law on February 7, 2029, the agency said.",
    ],
)
def test_background_or_non_step_is_not_a_regulation(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


def test_a_public_board_is_still_a_regulator() -> None:
    (r,) = extract_regulation("The Gaming Control Board adopted new rules on sports betting kiosks.", published=PUB)
    assert r.regulator == "Gaming Control Board"


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        (
            "The senator introduced legislation Tuesday that would require bike lanes on state roads.",
            "legislation that would require bike lanes on state roads",
        ),
        ("Senators introduced legislation last month to cap ticket resale prices.", "legislation to cap ticket resale prices"),
    ],
)
def test_day_of_the_step_between_rule_and_what_it_does(sentence: str, rule: str) -> None:
    (r,) = extract_regulation(sentence, published=PUB)
    assert (r.rule, r.status) == (rule, "proposed")


def test_passed_earlier_this_month_is_news_not_background() -> None:
    (r,) = extract_regulation(
        "The noise ordinance was approved by the city council earlier this month and awaits the mayor's signature.",
        published=PUB,
    )
    assert r.status == "enacted"
