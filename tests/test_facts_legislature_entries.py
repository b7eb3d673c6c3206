"""A legislature's day told entry by entry (a live blog): entries split at their stamps, entries labelled
with their step ("Passed: ..."), bills sent to the governor, and one body's several bills kept apart."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import make_article
from newsbrief.facts.core import extract_facts, merge_facts
from newsbrief.facts.nlp import split_sentences
from newsbrief.facts.regulation import extract_regulation, merge_regulations
from newsbrief.model import Event, Regulation

PUB = dt.date(2031, 6, 13)


def test_a_live_blog_stamp_starts_an_entry() -> None:
    # the apostrophes of "'70s" and "'luxury'" leave the segmenter inside a quotation: it splits nothing here
    text = (
        "Ortiz said landlords are making \"wild claims of a return to the rents of the '70s\" in fighting the cap. "
        "-- Lee Marsh 10:42 A.M. Bill to cap 'luxury' rents heads to governor If the governor signs the measure, "
        "rents could rise 3% a year at most."
    )
    assert split_sentences(text)[-1] == (
        "Bill to cap 'luxury' rents heads to governor If the governor signs the measure, rents could rise 3% a year at most."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The committee will vote at 3:30 P.M. Tuesday on the plan.",
        "Doors open 7:30 P.M. Friday at the Orchard Hall.",
        "The hearing starts 10:00 A.M. on June 20 in Room 4.",
    ],
)
def test_a_time_in_prose_keeps_its_day(text: str) -> None:
    assert split_sentences(text) == [text]


def test_an_event_at_a_time_and_a_day_is_read_whole() -> None:
    article = make_article("a1", text="The Marlow council will vote on the budget at 3:30 P.M. Tuesday.", day=PUB.isoformat())
    events = [f for f in merge_facts(extract_facts([article], use_model=False)) if isinstance(f, Event)]
    assert [(e.start, e.end) for e in events] == [(dt.date(2031, 6, 17), dt.date(2031, 6, 17))]


@pytest.mark.parametrize(
    ("sentence", "rule", "regulator"),
    [
        ("Passed: Hearing tests for school bus drivers", "Hearing tests for school bus drivers", ""),
        ("Passed: Bill to track wait times at clinics The Assembly has passed a proposal that would require clinics "
         "to publish wait times.", "Bill to track wait times at clinics", "Assembly"),
        ("Signed: Cap on payday loan fees (Ana Ruiz / Staff)", "Cap on payday loan fees", ""),
    ],
)
def test_an_entry_labelled_passed_names_its_rule(sentence: str, rule: str, regulator: str) -> None:
    regs = extract_regulation(sentence, published=PUB)
    assert [(r.rule, r.regulator, r.status, r.deadline) for r in regs] == [(rule, regulator, "enacted", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Failed: Plan to merge two school districts",
        "Passed: Marsh",
        "He passed: the ball went wide.",
    ],
)
def test_other_labels_and_one_word_headlines_are_no_rule(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Senate has sent the governor a bill that would cap insulin co-pays at $35 a month.",
        "The rent cap bill, which cleared the Assembly 50-22, now goes to Gov. Ruth Alder for her signature.",
    ],
)
def test_a_bill_sent_to_the_governor_is_enacted(sentence: str) -> None:
    regs = extract_regulation(sentence, published=PUB)
    assert [r.status for r in regs] == ["enacted"]


def test_one_bodys_bills_on_different_subjects_stay_apart() -> None:
    a = Regulation("bill to license tattoo parlours", "Senate", ("x",), "", status="enacted")
    b = Regulation("bill to cap insulin co-pays", "Senate", ("x",), "", status="enacted")
    assert len(merge_regulations([a, b])) == 2


def test_one_bodys_rule_told_twice_is_merged() -> None:
    a = Regulation("Clean Rivers Act", "Senate", ("x",), "", status="enacted")
    b = Regulation("bill", "Senate", ("y",), "", status="enacted")
    c = Regulation("Clean Rivers bill", "Senate", ("z",), "", status="enacted")
    assert len(merge_regulations([a, b, c])) == 1
