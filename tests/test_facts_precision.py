"""Precision classes for regulation and event facts, each as a general rule with invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.core import extract_sentence_facts
from newsbrief.model import Event, Regulation

PUB = dt.date(2026, 3, 4)  # a Wednesday


def _facts(sentence: str, published: dt.date = PUB) -> tuple[list[Regulation], list[Event]]:
    facts = extract_sentence_facts(sentence, published=published)
    return [f for f in facts if isinstance(f, Regulation)], [f for f in facts if isinstance(f, Event)]


# "passed" a figure is no vote: a company whose name ends in a rule noun stays a company
@pytest.mark.parametrize(
    "sentence",
    [
        "Oslo-based Fjordline Code raised $4 million in seed funding, and said its revenue had passed $1 million.",
        "Harbour Standards, a testing lab, said sales passed 2 million units last year.",
        "Quillon Framework said its user base passed the 10,000 mark in February.",
    ],
)
def test_passed_a_figure_is_not_enactment(sentence: str) -> None:
    assert _facts(sentence)[0] == []


# a regulator's name in apposition ("the energy regulator, Voltra,") is the body
@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Freedonia's energy regulator, Voltra, proposed a rule on Wednesday that would require suppliers to refund customers.", "Voltra"),
        ("Ruritania's telecoms regulator, Telkom Authority Board, approved a regulation obliging carriers to publish coverage maps.", "Telkom Authority Board"),
        ("The country's banking regulator, Finstat, adopted rules requiring lenders to cap overdraft fees.", "Finstat"),
    ],
)
def test_appositive_regulator(sentence: str, body: str) -> None:
    regs, _ = _facts(sentence)
    assert [r.regulator for r in regs] == [body]


# a duty's start stated after the act ("with the obligation applying from June 1", "compliance due
# from", "making X mandatory ... from") is the deadline, ahead of the act, not the act's day
@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("The regulator approved a regulation on Tuesday obliging carriers to refund customers, with the obligation applying from June 1.", dt.date(2026, 6, 1)),
        ("The central bank issued directions on Wednesday requiring lenders to disclose all fees, with compliance due from April 1.", dt.date(2026, 4, 1)),
        ("The Senate passed the Grocery Pricing Bill on Wednesday, making the code mandatory for large retailers from February 1.", dt.date(2027, 2, 1)),
    ],
)
def test_duty_start_after_the_act_is_the_deadline(sentence: str, deadline: dt.date) -> None:
    regs, _ = _facts(sentence)
    assert [r.deadline for r in regs] == [deadline]


# the date of a separate step ("..., and will hold a briefing on May 19") is an event, not the deadline
@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry published draft guidelines on Wednesday requiring app makers to label ads, and will hold a briefing for industry on May 19.",
        "The agency proposed rules on Wednesday requiring drone makers to log flights, and will host a workshop for operators on April 22.",
        "The authority issued draft standards requiring insurers to report claims data, and is expected to hold a hearing on June 9.",
    ],
)
def test_own_step_date_is_an_event_not_a_deadline(sentence: str) -> None:
    regs, events = _facts(sentence)
    assert len(regs) == 1 and regs[0].deadline is None
    assert len(events) == 1 and events[0].start > PUB


# a procedure on a rule (a vote, a hearing) scheduled or put off is no change to the rule's status
@pytest.mark.parametrize(
    "sentence",
    [
        "A Senate committee hearing on the Rural Water Bill, which had been scheduled for May 4, has been postponed indefinitely.",
        "Lawmakers are expected to vote on the Harbour Safety Regulation on April 21, according to the parliament's draft agenda.",
        "A debate on the Coastal Fishing Bill has been delayed, the committee's chair said.",
    ],
)
def test_procedure_on_a_rule_is_not_a_status(sentence: str) -> None:
    assert _facts(sentence)[0] == []


# tenders and calls: "bids must be submitted by" is a deadline event, not a rule
@pytest.mark.parametrize(
    "sentence",
    [
        "Bids for the contract to build the new ferry terminal must be submitted by April 30, the city government said.",
        "Applications for the grant scheme must be submitted by May 15, the ministry said.",
        "Tenders for the airport expansion must be lodged by June 1, the transport department said.",
    ],
)
def test_submission_deadline_is_not_a_rule(sentence: str) -> None:
    regs, events = _facts(sentence)
    assert regs == []
    assert len(events) == 1


# putting off a mandatory duty, with no rule noun, is a delayed regulation dated by the new date
@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank has pushed back the start of mandatory instant refunds on its payment system to March 2, 2027.",
        "The Transport Ministry postponed the introduction of mandatory speed limiters for trucks until January 1, 2028.",
        "The Data Protection Authority has delayed the rollout of mandatory breach registers to September 1, 2027.",
    ],
)
def test_delayed_mandatory_duty(sentence: str) -> None:
    regs, events = _facts(sentence)
    assert len(regs) == 1 and regs[0].status == "delayed" and regs[0].deadline is not None
    assert events == []


# the day of a statement ("saying on Wednesday that", "telling reporters on Friday") is not an event
@pytest.mark.parametrize(
    "sentence",
    [
        "The authority has abandoned its planned levy on insurers, saying on Wednesday that it would revisit the idea later.",
        "The airline scrapped its loyalty overhaul, telling staff on Wednesday that it would return to the old scheme.",
        "The council dropped the parking plan, announcing on Wednesday that it would consult residents again.",
    ],
)
def test_reporting_participle_date_is_not_an_event(sentence: str) -> None:
    assert _facts(sentence)[1] == []


# a weekday that qualifies a noun ("Sunday working") is not a date; "this week" dates the vote
@pytest.mark.parametrize(
    "sentence",
    [
        "Staff at Kestrel Buses will vote this week on a pay offer that would end a dispute over Sunday working, their union said.",
        "Shop workers will ballot this week on a deal about Saturday shifts, the union said.",
        "Drivers will vote this week on a proposal against Sunday deliveries, their union said.",
    ],
)
def test_weekday_as_modifier(sentence: str) -> None:
    monday = dt.date(2026, 3, 2)
    events = _facts(sentence, monday)[1]
    assert [(e.start, e.end) for e in events] == [(monday, dt.date(2026, 3, 8))]


# "for three days from July 18" runs three days
@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("Pilots at Gannet Air may walk out for three days from July 18 if talks fail, their union warned.", dt.date(2026, 7, 20)),
        ("Dock workers will strike for two days starting July 18, the union said.", dt.date(2026, 7, 19)),
        ("The festival will run for 4 days from July 18, organisers said.", dt.date(2026, 7, 21)),
    ],
)
def test_duration_from_a_date(sentence: str, end: dt.date) -> None:
    events = _facts(sentence)[1]
    assert [(e.start, e.end) for e in events] == [(dt.date(2026, 7, 18), end)]


# "by the end of next March" is one day, the month's last
@pytest.mark.parametrize(
    "sentence",
    [
        "Kite Mobile will switch off its 3G network by the end of next March, it said.",
        "The operator will shut down its old exchange by the end of next March.",
        "The museum will reopen its east wing by the end of next March.",
    ],
)
def test_end_of_next_month(sentence: str) -> None:
    events = _facts(sentence, dt.date(2026, 11, 27))[1]
    assert [(e.start, e.end) for e in events] == [(dt.date(2027, 3, 31), dt.date(2027, 3, 31))]


# invented negatives: lawsuits, probes, fines, opinions, past events, vague plans, unlikely votes
NEGATIVES = [
    "Rivermint Labs intends to raise a Series C next year to fund its expansion, its chief executive said.",
    "Copperleaf plans to raise a new funding round later this year, people close to the company said.",
    "Tallow Robotics hopes to raise fresh capital next spring, its founder said in an interview.",
    "A bill that would cap overdraft fees has stalled in committee and is unlikely to get a vote this year, aides said.",
    "The measure is not expected to reach the floor before the summer recess, staff said.",
    "The regulator fined three brokers on Wednesday for failing to segregate client money.",
    "The competition authority opened an investigation on Tuesday into the grocery chain's pricing.",
    "Consumer groups sued the agency on Monday over its new labelling rules.",
    "A court struck down the city's short-let ban on Tuesday, ruling that it exceeded the council's powers.",
    "The company settled claims with the regulator last month for $3 million.",
    "Critics argue the new rules will raise costs for small lenders.",
    "Industry groups warned that the levy would push up prices next year.",
    "Analysts said the tariffs should be scrapped before they take effect.",
    "The summit, held in Lisbon last month, drew more than 4,000 delegates.",
    "The launch, which had been scheduled for March 9, has been postponed indefinitely.",
    "The concert planned for Saturday was cancelled because of the storm.",
    "The conference took place in Berlin in January and will not return next year.",
    "The company has no plans to list its shares next year, its chairman said.",
    "The chief executive said in a speech last week that the firm 'will grow' in Asia.",
    "The consultation closed in August, and ministers have not said when they will respond.",
    "The regulator said on Wednesday it had opened 14 inquiries into gambling adverts.",
    "Its revenue passed $2 million last quarter, the startup said.",
    "The deal, announced on Monday, values the company at $1.2 billion.",
    "Ministers debated whether the tax should apply to small firms.",
    "Lawmakers voted down a bill on Tuesday that would have required platforms to verify ages.",
    "The governor vetoed the bill that would have banned sales of gas stoves.",
    "The watchdog said in January that it was looking into the merger.",
    "It is unclear when the rules will be finalised, officials said.",
    "The union said strikes held in January had cost the airline $40 million.",
    "A spokesperson said the plant was opened in 2019 and employs 300 people.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_invented_negatives_give_no_regulation_or_event(sentence: str) -> None:
    regs, events = _facts(sentence)
    assert regs == [] and events == []


@pytest.mark.parametrize(
    ("sentence", "rounds"),
    [
        ("Hollow Pine Ventures closes $120 million third fund", 0),  # headline style, a VC's own fund
        ("Kelp Capital launches $80m debut fund for climate startups", 0),
        ("Tarnfield raises $12 million to fund expansion into Spain", 1),  # "to fund" is a verb
        ("Tarnfield raises $12 million Series A to fund its expansion", 1),
    ],
)
def test_a_headline_fund_close_is_not_a_round(sentence: str, rounds: int) -> None:
    from newsbrief.model import FundingRound

    found = [f for f in extract_sentence_facts(sentence, published=PUB, article_id="a") if isinstance(f, FundingRound)]
    assert len(found) == rounds
