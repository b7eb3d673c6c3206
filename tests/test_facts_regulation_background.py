"""Regulation on whole articles: steps told as background (a month or a year gone by), clauses that
are no rule's name, bare instruments with no rule named, and a release's legal small print."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import make_article
from newsbrief.facts.core import extract_facts, merge_facts
from newsbrief.facts.regulation import extract_regulation
from newsbrief.model import Regulation

SEPT = dt.date(2031, 9, 18)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill passed the state senate in June with a bare majority, 21 to 16.",
        "The proposed legislation sailed through the lower house in July.",
        "The exam is out of date with the state's Common Core Standards adopted in 2010.",
        "State Sen. Jane Roe has said her bill would extend protection to employees after a previous law took effect.",
        "The bills also include a carve-out so the city can continue to enforce regulations approved by voters.",
        "Insurers have been negotiating with lawmakers to settle on a tax proposal, but no consensus has emerged.",
    ],
)
def test_not_a_regulation_fact(sentence: str) -> None:
    assert extract_regulation(sentence, published=SEPT) == []


def test_a_bill_with_its_content_is_still_a_regulation() -> None:
    regs = extract_regulation("A bill introduced in the House on Wednesday would ban federal agencies from buying drones.", published=SEPT)
    assert [(r.regulator, r.status) for r in regs] == [("House", "proposed")]


def test_a_release_small_print_gives_no_facts() -> None:
    text = (
        "The city council passed an ordinance banning plastic bags from January 1, 2032.\n"
        "This press release contains forward-looking statements within the meaning of the Private Securities "
        "Litigation Reform Act of 1995. Among the risks: the new capital rules were delayed until January 1, 2032."
    )
    facts = merge_facts(extract_facts([make_article("r1", text=text, day="2031-09-18")], use_model=False))
    regs = [f for f in facts if isinstance(f, Regulation)]
    assert [r.status for r in regs] == ["enacted"]
    assert all("plastic" in r.rule for r in regs)
