"""The regulator of a rule is the body that takes its step, the rule a noun phrase without that
step's verb; a church's decree is no regulation and a prize draw's winner raised no round."""

from __future__ import annotations

import datetime as dt

from newsbrief.facts.funding import extract_funding
from newsbrief.facts.regulation import extract_regulation

DAY = dt.date(2026, 3, 5)


def test_the_body_that_approves_the_bill_is_its_regulator_not_an_office_named_earlier() -> None:
    sentence = ("Jobs: Recruitment Consultant (Harbour Office) Eastwind Staffing. More in Politics: Upper house "
                "panel approves contentious defence bills amid chaos")
    [rule] = extract_regulation(sentence, published=DAY)
    assert rule.regulator == "Upper house panel"
    assert rule.rule == "contentious defence bills"  # "approves" is the step, not part of the rule's name


def test_the_subject_of_the_enacting_verb_wins_over_the_body_that_reports_it() -> None:
    sentence = "The Harbour Office said on Tuesday that Marwick's upper house had approved the coastal protection bill."
    [rule] = extract_regulation(sentence, published=DAY)
    assert rule.regulator == "Marwick's upper house"
    assert rule.status == "enacted"


def test_the_agent_of_a_passive_step_is_the_regulator() -> None:
    sentence = "The Port Authority welcomed the coastal protection bill approved by the Marwick Assembly on Tuesday."
    [rule] = extract_regulation(sentence, published=DAY)
    assert rule.regulator == "Marwick Assembly"


def test_a_church_decree_is_no_regulation() -> None:
    sentence = ("Archbishop Tomas Reyes of the Archdiocese of Valmora has issued a decree that declares the shrine "
                "a place of pilgrimage.")
    assert extract_regulation(sentence, published=DAY) == []
    # a pope named by one name alone: the law is the church's
    sentence = "Benedict issued a new law governing how bishops across the world rule on annulments."
    assert extract_regulation(sentence, published=DAY) == []


def test_a_law_a_parliament_passed_stays_a_regulation_when_a_church_welcomes_it() -> None:
    sentence = "The Church of Marwick welcomed the law passed by Parliament on Tuesday banning fur farms."
    [rule] = extract_regulation(sentence, published=DAY)
    assert rule.regulator == "Parliament"


def test_a_country_heading_the_sentence_is_the_jurisdiction_of_its_tariffs() -> None:
    sentence = "Chile will impose tariffs of up to 40% on steel imported from Ostland starting in January."
    [rule] = extract_regulation(sentence, published=DAY)
    assert rule.jurisdiction == "Chile"
    assert rule.rule == "tariffs"
    assert rule.deadline == dt.date(2027, 1, 1)


def test_a_millionaire_draw_is_no_funding_round() -> None:
    sentence = "Marwick: A Briton has won $1,000,000 in the latest Harbour Duty Free dollar millionaire draw promotion."
    assert extract_funding(sentence, published=DAY) == []
