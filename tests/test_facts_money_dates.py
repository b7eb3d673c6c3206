"""Money normalisation and date resolution of the facts stage."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.dates import find_dates, resolve_date
from newsbrief.facts.money import find_money, find_percents, parse_money

FRIDAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$10 million", 10_000_000, "USD"),
        ("$400 billion", 400_000_000_000, "USD"),
        ("€1.5bn", 1_500_000_000, "EUR"),
        ("£40m", 40_000_000, "GBP"),
        ("USD 300m", 300_000_000, "USD"),
        ("12 million euros", 12_000_000, "EUR"),
        ("$1,250,000", 1_250_000, "USD"),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("¥2 trillion", 2_000_000_000_000, "JPY"),
    ],
)
def test_money_is_normalised(text: str, amount: float, currency: str) -> None:
    assert parse_money(f"The firm got {text} last year.") == (pytest.approx(amount), currency)


def test_money_range_and_offsets() -> None:
    sentence = "It expects to spend $5-7 million on chips."
    (m,) = find_money(sentence)
    assert (m.amount, m.high, m.currency) == (5_000_000, 7_000_000, "USD")
    assert sentence[m.start : m.end] == "$5-7 million"


def test_percent_range() -> None:
    (p,) = find_percents("Power bills jumped 20-30% this year.")
    assert (p.value, p.high) == (20, 30)
    assert [x.value for x in find_percents("up 4.5 percent and 12%")] == [4.5, 12]


def test_no_money_in_plain_numbers() -> None:
    assert find_money("The company has 300 employees and 2 offices in 2026.") == []


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The vote is next Tuesday.", "2026-12-01", "2026-12-01"),  # next Tuesday from a Friday
        ("The launch is next week.", "2026-11-30", "2026-12-06"),
        ("It ships later this month.", "2026-11-28", "2026-11-30"),
        ("Deliveries will begin in Q3.", "2027-07-01", "2027-09-30"),  # Q3 already past: next year
        ("The phone will arrive early next year.", "2027-01-01", "2027-04-30"),
        ("The hearing will be on December 9.", "2026-12-09", "2026-12-09"),
        ("Trials will start in March.", "2027-03-01", "2027-03-31"),
        ("It opens tomorrow.", "2026-11-28", "2026-11-28"),
        ("It will close in two weeks.", "2026-12-11", "2026-12-11"),
        ("The summit runs from December 7 to December 9.", "2026-12-07", "2026-12-09"),
        ("Sales begin in the second half of 2027.", "2027-07-01", "2027-12-31"),
        ("The show opens mid-December.", "2026-12-11", "2026-12-20"),
        ("The release is set for 2027-02-03.", "2027-02-03", "2027-02-03"),
    ],
)
def test_relative_dates_resolve(sentence: str, start: str, end: str) -> None:
    spans = find_dates(sentence, FRIDAY)
    assert spans, sentence
    assert (spans[0].start.isoformat(), spans[0].end.isoformat()) == (start, end)


def test_by_deadline_is_the_end_and_lies_ahead() -> None:
    (span,) = find_dates("Banks were told to comply by November 1st.", dt.date(2026, 10, 14))
    assert span.kind == "by"
    assert span.deadline == dt.date(2026, 11, 1)
    (span,) = find_dates("Firms must file by the end of the year.", FRIDAY)
    assert span.deadline == dt.date(2026, 12, 31)


def test_past_tense_picks_the_past_year() -> None:
    (span,) = find_dates("It launched on March 3.", FRIDAY)
    assert span.start == dt.date(2026, 3, 3)
    (span,) = find_dates("The company said on Tuesday it was done.", FRIDAY)
    assert span.start == dt.date(2026, 11, 24)


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("Regulators may act soon.", FRIDAY) == []
    assert resolve_date("in May 2027", FRIDAY) == (dt.date(2027, 5, 1), dt.date(2027, 5, 31))


def test_within_days_of_something_else_is_not_a_date() -> None:
    assert find_dates("Carriers must unlock phones within 60 days of activation.", FRIDAY) == []


def test_quantities_are_not_money_dates_or_percents() -> None:
    from newsbrief.facts.money import find_quantities

    qs = find_quantities(
        "It will ship 50,000 GPUs and 1.2 gigawatts to 3 million users on 12 March 2027 for $5m, up 20%."
    )
    assert [(q.value, q.unit) for q in qs] == [(50_000, "GPUs"), (1.2, "GW"), (3_000_000, "users")]


def test_named_days_are_not_weekdays() -> None:
    spans = find_dates("The Black Friday sale starts on November 27.", dt.date(2026, 11, 11))
    assert [(s.text, s.start) for s in spans] == [("November 27", dt.date(2026, 11, 27))]


def test_bare_weekday_of_publication_day_is_that_day() -> None:
    from newsbrief.facts import extract_sentence_facts
    from newsbrief.model import Event

    friday = dt.date(2026, 11, 27)
    facts = extract_sentence_facts("The company said on Friday that it would open the plant.", published=friday)
    assert not [f for f in facts if isinstance(f, Event) and f.start and f.start > friday]


def test_a_date_something_has_lasted_since_lies_behind_the_statement() -> None:
    published = dt.date(2031, 9, 26)
    spans = find_dates("The keeper has a 2.10 average since Aug. 18 and just two clean-sheet starts in his last 13 games.", published)
    assert [(s.start, s.end) for s in spans] == [(dt.date(2031, 8, 18), dt.date(2031, 8, 18))]
    # the same day after "from" or "on" in a sentence about the future lies ahead
    assert find_dates("The ferry will sail again on Aug. 18.", published)[0].start == dt.date(2032, 8, 18)


@pytest.mark.parametrize(("text", "amounts"), [
    ("The food drive raised 11,376 pounds of food and $100,006 for the bank.", [100006.0]),
    ("He lost 30 pounds before the season started.", []),
    ("The crate weighs 300 pounds.", []),
    ("The club raised 5 million pounds from investors.", [5e6]),
    ("The UK pledged 100 million pounds of aid to Jordan.", [1e8]),
    ("Velloria raised 2 million pounds of new funding.", [2e6]),
])
def test_pounds_of_a_thing_are_a_weight(text: str, amounts: list[float]) -> None:
    assert [m.amount for m in find_money(text)] == amounts
