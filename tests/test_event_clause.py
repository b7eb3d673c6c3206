"""Calendar lines read from the parse of real-world sentence shapes: who acts, what happens, and what is no line."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.event_clause import event_clause
from newsbrief.facts.events import extract_events
from newsbrief.facts.lines import event_line
from newsbrief.facts.nlp import load_parser
from newsbrief.model import Event

pytestmark = pytest.mark.skipif(load_parser() is None, reason="spaCy's English model is not installed")

WED = dt.date(2031, 9, 10)


def _line(sentence: str, when: str, who: str = "") -> str:
    event = Event(sentence, ("a",), sentence, start=WED + dt.timedelta(days=2), when_text=when)
    return event_line(event, fallback_who=who)


@pytest.mark.parametrize(("sentence", "when", "line"), [
    # an aside and a relative clause around the subject are left out
    ("Lawmakers said on Monday that the Senate, which returns from recess this week, will vote on the harbour bill "
     "on Friday.", "on Friday", "Senate: vote on the harbour bill"),
    # the complement of "plans to" is the act, its subject the planner's
    ("Marrow County plans to reopen the Old Quay bridge on Friday after eight months of repairs.", "on Friday",
     "Marrow County: reopen the Old Quay bridge"),
    # an aspect verb keeps its complement: "begin shipping", not "ship"
    ("Tollund Audio will begin shipping its first turntable on Friday.", "on Friday",
     "Tollund Audio: begin shipping its first turntable"),
    # "starting January 1" is the start of the act it qualifies
    ("Pellmark will cut its delivery fee to two dollars starting Friday, the company said.", "Friday",
     "Pellmark: cut its delivery fee to two dollars"),
    # the date of a side phrase dates that phrase's happening, not the sentence's act
    ("Verdane Mobile will sell the phone in Chile in March, after a European launch on Friday.", "on Friday",
     "Verdane Mobile: European launch"),
])
def test_the_act_the_date_attaches_to(sentence: str, when: str, line: str) -> None:
    assert _line(sentence, when) == line


@pytest.mark.parametrize(("sentence", "when", "who", "line"), [
    # a thing as subject: the story's actor, and the thing's scheduled happening
    ("The merger is expected to close on Friday, subject to a court hearing.", "on Friday", "Quorra Foods",
     "Quorra Foods: merger to close"),
    ("Quorra Foods said the merger is expected to close on Friday.", "on Friday", "Quorra Foods",
     "Quorra Foods: merger to close"),
    # "it" after a named sayer is the sayer, not the story's actor
    ("Harwick Radio said it would broadcast the final on Friday.", "on Friday", "Dario Feld",
     "Harwick Radio: broadcast the final"),
    # an unnamed subject whose apposition names them
    ("The other two riders, Ana Ruiz and Tomas Feld, will fly to Lyon on Friday.", "on Friday", "",
     "Ana Ruiz and Tomas Feld: fly to Lyon"),
    # "this conference": which one an earlier sentence said; the story's actor is only a guess
    ("This conference will be hosted at the Kessa Law School on Friday.", "on Friday", "Dario Feld",
     "Conference hosted at the Kessa Law School"),
    # what a thing is scheduled for
    ("The next forecast is scheduled for release on Friday.", "on Friday", "Harwick Institute",
     "Harwick Institute: next forecast release"),
    # the date qualifies the subject, which is the happening
    ("Ferry fare deadline Friday, but most riders still pay cash.", "Friday", "Harwick Ferries", "Ferry fare deadline"),
    # a pronoun in the passive: the story's actor
    ("He will be sentenced at the Crown Court on Friday.", "on Friday", "Dario Feld",
     "Dario Feld: sentenced at the Crown Court"),
    # scheduled in the passive: the thing scheduled
    ("The final hearing is scheduled for Friday.", "for Friday", "", "Final hearing"),
    # an unnamed body that says which one it is acts itself; a bare "the council" is the story's actor
    ("The county council will vote on the ferry fare on Friday.", "on Friday", "Harwick Ferries",
     "County council: vote on the ferry fare"),
    ("The council will vote on the ferry fare on Friday.", "on Friday", "Harwick council",
     "Harwick council: vote on the ferry fare"),
    ("Shareholders will vote on the merger on Friday.", "on Friday", "Quorra Foods", "Shareholders: vote on the merger"),
])
def test_a_subject_that_names_no_one(sentence: str, when: str, who: str, line: str) -> None:
    assert _line(sentence, when, who) == line


@pytest.mark.parametrize(("sentence", "when"), [
    ("The index is expected to be pretty close to its record on Friday, traders said.", "on Friday"),  # a state
    ("The gauge of farm prices is expected to fall on Friday.", "on Friday"),  # a figure's move, no happening
    ("Officials said on Friday that talks had stalled.", "on Friday"),  # a saying
    ("The minister will not attend the summit on Friday.", "on Friday"),  # negated
    ("Friday, we will draw the winner of the hamper.", "Friday"),  # the writer's own plans
    ("Leeds, Corn Exchange", "Friday"),  # a tour listing: the date is not in the line
    ("The club isn't willing to risk its captain on Friday.", "on Friday"),  # negated where the act is wanted
    ("This week Pellmark announced the launch of its cargo bikes.", "This week"),  # done, not ahead
    ("They expect to raise rates on Friday, the analyst said.", "on Friday"),  # "they" is no one in particular
    ("Unions said they would reject the offer, which members must vote on by Friday.", "Friday"),  # "which members"
    ("There is no decision to close the depot on Friday, the minister said.", "on Friday"),  # "no decision"
])
def test_no_calendar_line(sentence: str, when: str) -> None:
    assert _line(sentence, when, "Acme") == ""


def test_a_date_as_subject_leaves_the_happening_it_marks() -> None:
    assert _line("This October marks Veldia's first general election since the reform.", "October") == (
        "Veldia's first general election since the reform")
    assert _line("Next week brings more rain to the valley, forecasters said.", "Next week") == ""


def test_a_relative_clause_subject_is_the_noun_it_qualifies() -> None:
    who, what = event_clause("The festival, which opens on Friday, will host 40 bands.", "on Friday") or ("?", "?")
    assert (who, what) == ("", "festival to open")


def test_without_the_date_in_the_parse_the_rules_decide() -> None:
    assert event_clause("The Senate will vote on Friday.", "") is None


def test_lines_read_from_extracted_events() -> None:
    events = extract_events("Corvane Orbital to launch its first 12 satellites on September 12", published=WED)
    assert [event_line(e) for e in events] == ["Corvane Orbital: launch its first 12 satellites"]
