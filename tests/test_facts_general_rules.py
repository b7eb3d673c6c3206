"""General rules of the facts extractors, one class of news phrasing per test (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts import extract_sentence_facts, find_dates, merge_facts
from newsbrief.facts.events import extract_events
from newsbrief.facts.funding import extract_funding
from newsbrief.facts.regulation import extract_regulation
from newsbrief.model import Event, FundingRound, Regulation

PUB = dt.date(2026, 11, 25)  # a Wednesday


def rounds(sentence: str, published: dt.date = PUB) -> list[FundingRound]:
    return [r for r in extract_funding(sentence, published=published) if not r.aggregate]


def one_round(sentence: str) -> FundingRound:
    found = rounds(sentence)
    assert len(found) == 1, found
    return found[0]


def one_reg(sentence: str, published: dt.date = PUB) -> Regulation:
    regs = extract_regulation(sentence, published=published)
    assert len(regs) == 1, regs
    return regs[0]


def one_event(sentence: str, published: dt.date = PUB) -> Event:
    events = extract_events(sentence, published=published)
    assert len(events) == 1, events
    return events[0]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- funding -----------------------------------------------------------------------------------


def test_round_with_a_taking_its_total_clause_is_kept() -> None:
    r = one_round("Parcelbox raised $30 million in a Series B, taking its total funding to $70 million.")
    assert (r.company, r.amount, r.round) == ("Parcelbox", 30_000_000, "series b")
    r = one_round("Gridwise landed €12m in seed funding, lifting its total raised to €15m.")
    assert (r.company, r.amount) == ("Gridwise", 12_000_000)


def test_participle_apposition_does_not_hide_the_company() -> None:
    r = one_round(
        "Fintech startup Moneta, founded in 2023 by two former Stripe engineers, has raised $9 million in a seed round."
    )
    assert r.company == "Moneta"
    r = one_round("Quarry, backed by Y Combinator, raised $5 million in pre-seed funding.")
    assert r.company == "Quarry"


def test_nameless_subject_with_apposition_gives_no_round() -> None:
    assert rounds("The startup, founded in 2021 by former Google engineers, raised $14 million in a Series A.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Venture firm Northgate Partners has closed its third fund at $400 million.",
        "Harborlight Capital raised $1.2 billion for its new growth fund.",
        "The firm held a first close of its climate fund at €150 million.",
    ],
)
def test_a_venture_firm_closing_its_fund_is_not_a_round(sentence: str) -> None:
    assert rounds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Loopwave, which has raised $80 million from investors, is laying off 15% of its staff.",
        "Tessel, which raised $40 million last year, said it would shut down its hardware unit.",
    ],
)
def test_a_raise_in_a_background_relative_clause_is_not_a_round(sentence: str) -> None:
    assert rounds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Five years ago, Brindle raised a $2 million seed round from angels.",
        "Kerrow raised $60 million in 2022 before the downturn hit.",
        "Solvane raised $25 million last year in a Series A.",
    ],
)
def test_old_rounds_told_as_background_are_not_news(sentence: str) -> None:
    assert rounds(sentence) == []


def test_this_years_round_is_kept_when_the_year_is_named() -> None:
    r = one_round("Kerrow raised $60 million in 2026 in a round led by Atomico.")
    assert r.amount == 60_000_000


def test_money_poured_into_a_group_is_an_aggregate() -> None:
    found = extract_funding("Investors poured $4.1 billion into Brazilian climate startups in 2026.", published=PUB)
    assert found and all(r.aggregate for r in found)


def test_round_as_subject_with_came_to() -> None:
    r = one_round("The Series A for Pellucid, a maker of lab robots, came to $11 million.")
    assert (r.company, r.amount, r.round) == ("Pellucid", 11_000_000, "series a")


def test_emerged_from_stealth_with_funding() -> None:
    r = one_round("Arborix emerged from stealth with $22 million in seed funding led by Lux Capital.")
    assert (r.company, r.amount, r.round, r.lead_investors) == ("Arborix", 22_000_000, "seed", ("Lux Capital",))


def test_round_extension_reports_the_new_money() -> None:
    r = one_round("Calyx Grid extended its Series A to $35 million with a $10 million extension led by Khosla Ventures.")
    assert (r.company, r.amount, r.round) == ("Calyx Grid", 10_000_000, "series a")


# --- regulation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule", "regulator", "deadline", "status"),
    [
        (
            "The Bank of Ghana published Directive 17, which requires mobile money operators to hold reserves by July 1.",
            "Directive 17",
            "Bank of Ghana",
            "2027-07-01",
            "in force",
        ),
        (
            "The Monetary Authority of Ruritania said its revised Cloud Outsourcing Notice will come into effect on March 3.",
            "Cloud Outsourcing Notice",
            "Monetary Authority of Ruritania",
            "2027-03-03",
            "enacted",
        ),
        (
            "Freedonia's Ministry of Transport and Digital Infrastructure released draft Measures for Drone Delivery Safety.",
            "Measures for Drone Delivery Safety",
            "Ministry of Transport and Digital Infrastructure",
            None,
            "proposed",
        ),
        (
            "The Ministry of Finance has scrapped the proposed Streaming Services Levy.",
            "Streaming Services Levy",
            "Ministry of Finance",
            None,
            "withdrawn",
        ),
        (
            "The International Organisation for Standardisation has adopted ISO 31099, a standard for battery passports.",
            "ISO 31099",
            "International Organisation for Standardisation",
            None,
            "enacted",
        ),
    ],
)
def test_other_instruments_and_regulators_of_other_countries(
    sentence: str, rule: str, regulator: str, deadline: str | None, status: str
) -> None:
    r = one_reg(sentence)
    assert (r.rule, r.regulator, r.status) == (rule, regulator, status)
    assert r.deadline == (d(deadline) if deadline else None)


def test_parenthesised_rule_name_and_the_author_after_by() -> None:
    r = one_reg(
        "Under the draft Consumer Credit (Amendment) Regulations laid before Parliament by HM Treasury on Monday, "
        "lenders would have to cap fees."
    )
    assert r.rule == "Consumer Credit (Amendment) Regulations"
    assert r.regulator == "HM Treasury"
    assert r.status == "proposed" and r.deadline is None


def test_a_regulator_is_not_a_rule_name() -> None:
    r = one_reg("The State Administration for Industry Regulation issued rules on smart meters that take effect on May 1.")
    assert r.regulator == "State Administration for Industry Regulation"
    assert "smart meters" in r.rule and r.deadline == d("2027-05-01")


def test_rule_as_a_verb_is_an_event_not_a_regulation() -> None:
    facts = extract_sentence_facts(
        "The competition authority has set a deadline of January 9 to rule on the proposed takeover.", published=PUB
    )
    assert not [f for f in facts if isinstance(f, Regulation)]
    (event,) = [f for f in facts if isinstance(f, Event)]
    assert event.start == event.end == d("2027-01-09")


def test_settlement_cycle_is_not_a_legal_settlement() -> None:
    r = one_reg("The regulator adopted rules that shorten the settlement cycle for equity trades, effective June 2.")
    assert r.status == "enacted" and r.deadline == d("2027-06-02")


@pytest.mark.parametrize(
    "sentence",
    [
        "Retailers warned that the proposed levies would raise prices for shoppers.",
        "Officials have been discussing stricter rules for ride-hailing apps, but no formal proposal has been tabled.",
        "The governor vetoed a bill that would have capped rents.",
        "Lawmakers rejected the proposed data retention law.",
        "The agency is still weighing whether to introduce rules on smart glasses.",
    ],
)
def test_opinions_negated_and_failed_rules_are_not_facts(sentence: str) -> None:
    assert extract_regulation(sentence, published=PUB) == []


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The House Energy Committee advanced a bill to ban lithium battery imports.", "proposed"),
        ("The agency's gig worker rule has been stayed pending a review.", "delayed"),
        ("Norway's battery recycling act takes full effect on February 1.", "enacted"),
        ("The Telecom Authority will introduce new spectrum rules for satellite operators.", "proposed"),
    ],
)
def test_status_words(sentence: str, status: str) -> None:
    assert one_reg(sentence).status == status


def test_a_date_the_rule_was_moved_away_from_is_not_its_deadline() -> None:
    r = one_reg("The FAA's drone remote ID rule, which was due to take effect in March, has been stayed pending review.")
    assert (r.status, r.deadline) == ("delayed", None)
    r = one_reg(
        "The central bank postponed the implementation of its new card tokenisation rules by four months, to February 1."
    )
    assert (r.status, r.deadline) == ("delayed", d("2027-02-01"))


def test_vote_on_a_proposal_is_an_event_not_a_deadline() -> None:
    facts = extract_sentence_facts(
        "The Federal Trade Commission will vote on December 9 on its proposed Subscription Renewal Rule.", published=PUB
    )
    (reg,) = [f for f in facts if isinstance(f, Regulation)]
    (event,) = [f for f in facts if isinstance(f, Event)]
    assert (reg.status, reg.deadline) == ("proposed", None)
    assert event.start == d("2026-12-09")


def test_bare_rule_noun_is_an_event_unless_the_sentence_says_whom_it_binds() -> None:
    facts = extract_sentence_facts("The new levies will take effect on March 1.", published=PUB)
    assert not [f for f in facts if isinstance(f, Regulation)]
    assert next(f for f in facts if isinstance(f, Event)).start == d("2027-03-01")
    r = one_reg("Under the new rules, payment apps in Peru must verify merchants by April 30.")
    assert "payment apps" in r.rule and r.deadline == d("2027-04-30")


def test_given_until_and_months_to_comply_deadlines() -> None:
    r = one_reg("The ministry notified the Drone Registration Rules, giving operators until March 31 to register.")
    assert r.deadline == d("2027-03-31")
    published = dt.date(2026, 6, 17)  # a Wednesday
    r = one_reg(
        "The authority issued its new Data Broker Code on Wednesday, giving brokers six months to comply.", published
    )
    assert r.deadline == d("2026-12-17")
    # counted from an unknown day ("notified", when?): no deadline
    r = one_reg("The government notified the Data Broker Rules, giving firms 12 months to comply.", published)
    assert r.deadline is None


def test_require_someone_to_with_a_start_date_is_an_obligation() -> None:
    r = one_reg("Brazil will require ride-hailing platforms to share trip data starting January 15.")
    assert r.deadline == d("2027-01-15") and r.status == "in force"


def test_published_draft_is_proposed_published_instrument_is_enacted() -> None:
    assert one_reg("The Bank of Spain published draft guidelines for crypto custody.").status == "proposed"
    assert one_reg("The Bank of Spain published Circular 4/2026 on crypto custody.").status == "enacted"


def test_date_is_trimmed_from_the_rule_name() -> None:
    r = one_reg("The data protection board adopted new guidelines on voice assistants on Tuesday.")
    assert r.rule == "guidelines on voice assistants"


# --- events ------------------------------------------------------------------------------------


def test_future_plan_beside_a_round_is_an_event() -> None:
    facts = extract_sentence_facts(
        "Rover startup Lunaris raised $30 million in a Series A and said it would launch its first rover in the "
        "second half of next year.",
        published=PUB,
    )
    assert [f.company for f in facts if isinstance(f, FundingRound)] == ["Lunaris"]
    (event,) = [f for f in facts if isinstance(f, Event)]
    assert (event.start, event.end) == (d("2027-07-01"), d("2027-12-31"))


@pytest.mark.parametrize(
    ("sentence", "start", "end", "speculative"),
    [
        ("Corvid Air said it expects to take delivery of its first jets in the second quarter.", "2027-04-01", "2027-06-30", False),
        ("Halvard said the merger should close by the end of February.", "2027-02-28", "2027-02-28", False),
        ("Brightwell could list its shares in London as soon as March, people familiar said.", "2027-03-01", "2027-03-31", True),
        ("The Supreme Court will hear arguments in the patent case next Monday.", "2026-11-30", "2026-11-30", False),
        ("The motor show returns on February 4 and 5.", "2027-02-04", "2027-02-05", False),
        ("Netflix might raise subscription prices in Europe next month.", "2026-12-01", "2026-12-31", True),
        ("Palisade Media could be taken private before the end of the month.", "2026-11-30", "2026-11-30", True),
        ("The cyber sale will run on December 1 and 2.", "2026-12-01", "2026-12-02", False),
        ("The FDA is expected to decide on the implant by the end of the quarter.", "2026-12-31", "2026-12-31", False),
    ],
)
def test_event_phrasings(sentence: str, start: str, end: str, speculative: bool) -> None:
    e = one_event(sentence)
    assert (e.start, e.end, e.speculative) == (d(start), d(end), speculative)


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect tablet shipments to grow 4% next year.",
        "The expo, which ran from Monday to Wednesday last week in Lyon, drew 20,000 visitors.",
        "Consultants forecast the market will reach $80 billion by 2030.",
    ],
)
def test_forecasts_and_past_events_are_not_upcoming_events(sentence: str) -> None:
    assert extract_events(sentence, published=PUB) == []


def test_originally_planned_date_gives_way_to_the_new_one() -> None:
    e = one_event("The carmaker's battery day, originally planned for December 2, will now take place in January.")
    assert (e.start, e.end) == (d("2027-01-01"), d("2027-01-31"))


def test_present_tense_schedule_on_publication_day() -> None:
    e = one_event("Dellbrook reports third-quarter results on Wednesday after the close.")
    assert e.start == e.end == PUB


def test_two_clauses_give_two_events() -> None:
    events = extract_events(
        "Orion Devices will hold its developer conference June 3-5 and plans to start shipping its headset in the autumn.",
        published=dt.date(2026, 3, 2),
    )
    assert [(e.start, e.end) for e in events] == [
        (d("2026-06-03"), d("2026-06-05")),
        (d("2026-09-01"), d("2026-11-30")),
    ]
    events = extract_events(
        "Pallas will unveil its new tablets on January 20 and begin shipping them in February.", published=PUB
    )
    assert [e.start for e in events] == [d("2027-01-20"), d("2027-02-01")]


def test_postponed_to_a_new_date_is_upcoming() -> None:
    e = one_event("The product summit was postponed to January 12.")
    assert e.start == d("2027-01-12")


def test_begin_on_and_last_until_is_a_range() -> None:
    e = one_event("The strike will begin on Monday and last until Friday.")
    assert (e.start, e.end) == (d("2026-11-30"), d("2026-12-04"))


def test_end_of_the_quarter_and_weekday_with_last_week() -> None:
    (span,) = find_dates("Filings are due by the end of the quarter.", PUB)
    assert span.deadline == d("2026-12-31")
    spans = find_dates("It ran from Monday to Wednesday last week.", PUB)
    assert (spans[0].start, spans[0].end) == (d("2026-11-16"), d("2026-11-18"))


def test_announcement_day_and_replaced_date_are_not_the_deadline() -> None:
    r = one_reg(
        "The Telecoms Authority said Wednesday that its Spam Filtering Code will now take effect on June 1, 2027, "
        "instead of January 1."
    )
    assert r.deadline == d("2027-06-01")


def test_published_needs_a_rule_as_its_object() -> None:
    sentence = (
        "In a report published early Monday, the hosting firm said a malformed rule caused its routers to drop traffic."
    )
    assert extract_regulation(sentence, published=PUB) == []


def test_and_between_adjectives_does_not_split_an_event() -> None:
    events = extract_events(
        "Velto will start selling its phone in Chile and Peru in January, after a US and Canadian launch on December 8.",
        published=PUB,
    )
    assert len(events) == 1


def test_merged_regulation_keeps_the_named_form_and_the_dated_sentence() -> None:
    headline = extract_regulation("Watchdog delays children's game rating code by a year", published=PUB)
    body = extract_regulation(
        "The Games Standards Board has pushed back its Game Rating Code, giving publishers until 1 March 2028 to comply.",
        published=PUB,
    )
    assert headline and body
    (merged,) = merge_facts([*headline, *body])
    assert isinstance(merged, Regulation)
    assert merged.rule == "Game Rating Code" and merged.deadline == d("2028-03-01")
    assert merged.regulator == "Games Standards Board"
    assert merged.sentence.startswith("The Games Standards Board")


def test_purpose_of_the_money_is_not_an_event_but_a_stated_plan_is() -> None:
    facts = extract_sentence_facts("Tarnwell raised $10 million to expand into Mexico next year.", published=PUB)
    assert [type(f) for f in facts] == [FundingRound]
    facts = extract_sentence_facts(
        "Tarnwell raised $10 million; it plans to open an office in Monterrey in March.", published=PUB
    )
    assert [type(f) for f in facts] == [FundingRound, Event]
    assert facts[0].company == "Tarnwell"  # the plan in the later clause does not undo the round


def test_a_period_well_under_way_is_not_an_upcoming_event() -> None:
    pub = dt.date(2031, 9, 2)
    assert extract_events("The exhibition runs from August 3 to October 30 at the museum.", published=pub) == []
    assert extract_events("Shooting is allowed only within the open season, June 1 to November 30, under the licence.", published=pub) == []
    (ahead,) = extract_events("The festival will run from September 10 to September 14 in the old town.", published=pub)
    assert (ahead.start, ahead.end) == (dt.date(2031, 9, 10), dt.date(2031, 9, 14))


def test_a_date_in_an_aside_without_the_happening_dates_nothing() -> None:
    pub = dt.date(2031, 9, 2)
    title = "Mayor pushes rent freeze; Rivals may block budget vote (5 things to know for Tuesday)"
    assert extract_events(title, published=pub) == []
    (vote,) = extract_events("The council will vote on the budget (on Thursday, after the hearing).", published=pub)
    assert vote.start == dt.date(2031, 9, 4)


def test_time_left_to_respond_is_a_dated_deadline() -> None:
    pub = dt.date(2031, 9, 2)
    (due,) = extract_events("Residents have until October 14 to respond to the planning consultation, the council said.", published=pub)
    assert (due.start, due.end, due.speculative) == (dt.date(2031, 10, 14), dt.date(2031, 10, 14), False)
    assert extract_events("Fans had until August 14 to respond to the survey.", published=pub) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a period under way told of no future happening
        "This month, the Harbour Bank newsletter takes a close look at the benefits of cloud storage.",
        "The new version of the operating system is due to go live this autumn.",
        # past
        "The Lisbon weekly, which reported the plan earlier this week, said the navy will buy 12 patrol drones.",
        # an offer's or an archive's end
        "The webcast will be available on the company's website through October 17, 2031.",
        "You can also get 25% off your next flight through December 16 with code FLY25.",
        # forecasts of figures and markets
        "Copper prices may plunge to $6,000 a tonne by the end of next year, analysts said.",
        "We expect underlying profit before tax will be higher in the second half of 2031 than the first.",
        # a press release header
        "FOR IMMEDIATE RELEASE: September 8, 2031",
    ],
)
def test_not_an_upcoming_event_on_whole_articles(sentence: str) -> None:
    assert extract_events(sentence, published=dt.date(2031, 9, 8)) == []


def test_a_future_happening_this_month_is_still_an_event() -> None:
    (e,) = extract_events("Rumours say Valdor may announce new hardware this month.", published=dt.date(2031, 9, 8))
    assert (e.start, e.end, e.speculative) == (dt.date(2031, 9, 1), dt.date(2031, 9, 30), True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chancellor Anna Weber on Saturday spoke by phone with Prime Minister Jan Smit, who has said his country would welcome more refugees.",
        "Prime Minister Rao on Sunday inaugurated a metro line connecting the two towns and said it would be extended to the airport.",
    ],
)
def test_a_weekday_told_in_the_past_tense_is_not_next_week(sentence: str) -> None:
    assert extract_events(sentence, published=dt.date(2031, 9, 7)) == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("The company said it would launch the phone on Thursday.", dt.date(2031, 9, 11)),
        ("The sentencing was scheduled for Thursday.", dt.date(2031, 9, 11)),
        ("The trial was adjourned until next week.", dt.date(2031, 9, 8)),
    ],
)
def test_a_date_set_ahead_in_a_past_tense_sentence_is_still_an_event(sentence: str, start: dt.date) -> None:
    (e,) = extract_events(sentence, published=dt.date(2031, 9, 7))
    assert e.start == start
