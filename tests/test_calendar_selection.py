"""Which upcoming events an editor keeps on the calendar, how hedged ones are marked, and the one-line shape."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.facts.calendar import MAX_CALENDAR_DAYS, hedge, is_calendar_event
from newsbrief.facts.events import extract_events
from newsbrief.facts.lines import event_line, funding_line, line_reads_alone, regulation_line
from newsbrief.model import Event, FundingRound, Regulation

TUE = dt.date(2031, 9, 9)


def _event(sentence: str) -> Event:
    events = extract_events(sentence, published=TUE)
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize("sentence", [
    "The Senate will vote on the spending bill on Thursday.",
    "Halvard will report third-quarter results on October 22.",
    "The trial of the former mayor is due to start on September 21.",
    "Brightwell will launch its new tablet next Tuesday.",
    "The appeal will be heard by the high court on October 3.",
])
def test_scheduled_things_are_kept(sentence: str) -> None:
    assert is_calendar_event(_event(sentence))


def test_a_vague_period_is_not_kept() -> None:
    wide = Event("Tarn Air expands routes", ("a",), "Tarn Air will expand routes in the first half of 2032.", who="Tarn Air",
                 start=dt.date(2032, 1, 1), end=dt.date(2032, 6, 30), when_text="in the first half of 2032")
    assert (wide.end - wide.start).days > MAX_CALENDAR_DAYS  # type: ignore[operator]
    assert not is_calendar_event(wide)


def test_a_guessed_time_is_not_a_date() -> None:
    guess = Event("Kessa will be producing up to 1.5 million barrels a day", ("a",),
                  "Kessa will be producing up to 1.5 million barrels a day in 6 months or so.", who="Kessa",
                  start=dt.date(2032, 3, 9), end=dt.date(2032, 3, 9), when_text="in 6 months")
    assert not is_calendar_event(guess)
    sure = Event("Kessa will open the pipeline", ("a",), "Kessa will open the pipeline in six months, on March 9.",
                 who="Kessa", start=dt.date(2032, 3, 9), end=dt.date(2032, 3, 9), when_text="on March 9")
    assert is_calendar_event(sure)


def test_the_end_of_a_period_is_not_a_happening() -> None:
    replay = Event("A replay of the call will be available online", ("a",),
                   "A replay of the call will be available online, starting two hours after the call and continuing until "
                   "Thursday, Sept. 25.", start=dt.date(2031, 9, 25), end=dt.date(2031, 9, 25), when_text="Thursday, Sept. 25")
    assert not is_calendar_event(replay)


def test_an_unnamed_happening_of_no_scheduled_kind_is_not_kept() -> None:
    assert not is_calendar_event(_event("The smoke would begin to clear late on Wednesday, forecasters said."))


def test_hedged_items_are_marked() -> None:
    assert hedge(_event("The board is expected to vote on the merger on Friday.")) == "expected"
    assert hedge(_event("Brightwell could reportedly unveil the tablet on Friday.")) == "unconfirmed"
    assert hedge(_event("The Senate will vote on the spending bill on Thursday.")) == ""
    assert hedge(_event("Traders are split over whether the central bank will raise rates on Thursday.")) == "undecided"


@pytest.mark.parametrize(("sentence", "line"), [
    ("The Senate will vote on the spending bill on Thursday.", "Senate: vote on the spending bill"),
    ("Brightwell will hold its annual developer conference on October 2 in Leeds, the company said.",
     "Brightwell: annual developer conference in Leeds"),
    ("Harbourline, the ferry operator owned by two councils, will hold a shareholder vote on Sept. 30.",
     "Harbourline: shareholder vote"),
    ("The board of Tinworth Software is expected to approve the buyback on Friday, after months of talks.",
     "Board of Tinworth Software: approve the buyback"),
    ("Union Harbour and Inland Waterways (HIW) Minister Ana Ruiz will open the new lock on Friday.",
     "Union Harbour and Inland Waterways Minister Ana Ruiz: open the new lock"),
])
def test_event_line_names_who_and_what_without_the_date(sentence: str, line: str) -> None:
    assert event_line(_event(sentence)) == line


def test_event_line_names_the_story_actor_for_a_generic_subject() -> None:
    assert event_line(_event("The regulator will publish its final guidance on October 1."), fallback_who="Port Authority") == (
        "Port Authority: publish its final guidance")


@pytest.mark.parametrize(("what", "line"), [
    ("Thursday afternoon that the two leaders would meet to sign the accord", "Meet to sign the accord"),
    ("One year on from the vote, and with the elections ahead, the first minister will speak in Harwick",
     "Speak in Harwick"),
    ("Talks that began in May will resume in Geneva", "Talks: resume in Geneva"),
])
def test_a_clause_before_the_auxiliary_is_never_the_who(what: str, line: str) -> None:
    # the story's actor does not stand in either: the clause may be about someone else
    assert event_line(Event(what, ("a",), what + "."), fallback_who="Harwick council") == line


def test_a_calendar_line_that_says_what_in_one_word_is_not_listed() -> None:
    from newsbrief.digest.looking_ahead import calendar_events

    day = dt.date(2026, 11, 27)
    vague = Event("the two leaders would meet", ("a",), "Aides said on Thursday that the two leaders would meet.",
                  start=dt.date(2026, 11, 30))
    clear = Event("the Harwick council will vote on the harbour budget", ("b",),
                  "The Harwick council will vote on the harbour budget on Monday.", start=dt.date(2026, 11, 30))
    assert event_line(vague).endswith("meet") and len(event_line(vague).rpartition(": ")[2].split()) == 1
    assert calendar_events([vague, clear], day) == [clear]
    for what in ("the first minister will say that voters will ask about another vote",
                 "the approach suggests the two sides will not be able to agree",
                 "or will the other members win",
                 "the Kestrel game will continue to grow in the area of multiplayer",
                 "Harwick Rovers are looking to take maximum points",
                 "Harwick Rovers will hope to take maximum points"):
        said = Event(what, ("c",), what + ".", start=dt.date(2026, 11, 30))
        assert calendar_events([said, clear], day) == [clear], event_line(said)
    release = Event("the new Kestrel phones will be available in 40 more countries", ("d",),
                    "The new Kestrel phones will be available in 40 more countries on Friday.", start=dt.date(2026, 11, 30))
    from newsbrief.digest.looking_ahead import _says_what

    assert _says_what(release), event_line(release)


def test_event_line_is_short() -> None:
    line = event_line(_event(
        "Brightwell will launch its long-awaited fourth-generation rugged outdoor tablet with a detachable keyboard, "
        "a solar charging cover and a satellite messaging module on October 14."))
    assert line.startswith("Brightwell: launch its long-awaited")
    assert len(line.split(":", 1)[1].split()) <= 12


def test_funding_line_names_company_amount_round_and_leads() -> None:
    f = FundingRound("Quillmark", 42e6, "EUR", "Series B", ("a",), "", lead_investors=("Aldergrove Ventures", "Aldergrove"),
                     investors=("Northwind Capital",), valuation=310e6)
    assert funding_line(f) == "Quillmark: €42M Series B, led by Aldergrove Ventures; valued at €310M"
    assert funding_line(FundingRound("Fernwork", 6.5e6, "USD", "seed", ("a",), "")) == "Fernwork: $6.5M seed"


def test_regulation_line_names_regulator_rule_status_and_date() -> None:
    r = Regulation("Children's App Store Code", "Online Standards Authority", ("a",), "", status="delayed",
                   deadline=dt.date(2032, 9, 1))
    assert regulation_line(r) == "Online Standards Authority: Children's App Store Code, delayed; deadline 1 Sep 2032"


def _dated(sentence: str, when: str, start: dt.date, end: dt.date | None = None, who: str = "Brightwell") -> Event:
    return Event(sentence, ("a",), sentence, who=who, start=start, end=end or start, when_text=when)


def test_the_end_of_a_reporting_period_is_not_a_happening() -> None:
    assert not is_calendar_event(_dated(
        "Brightwell reported its results and expects an impairment charge in the quarter ending September 30, 2031.",
        "September 30, 2031", dt.date(2031, 9, 30)))


def test_a_date_in_a_past_clause_is_not_a_happening() -> None:
    # a future sentence whose date belongs to a past clause: not next year's March
    assert not is_calendar_event(_dated(
        "Ross will lead the side at the Harbour Arena, where the team enjoyed loud support in the win over Fiji in March.",
        "March", dt.date(2032, 3, 1), dt.date(2032, 3, 31), who="Ross"))
    assert is_calendar_event(_dated("Ross will lead the side in the final against Fiji on October 4.", "October 4",
                                    dt.date(2031, 10, 4), who="Ross"))


def test_a_paragraph_the_splitter_missed_gives_no_calendar_line() -> None:
    long = "Brightwell will launch the tablet on October 4. " + "It has a screen and a keyboard and a pen. " * 12
    assert not is_calendar_event(_dated(long, "October 4", dt.date(2031, 10, 4)))


def test_a_rule_date_joins_the_calendar_only_as_a_deadline_or_date_of_effect() -> None:
    from newsbrief.facts.calendar import is_calendar_deadline

    assert is_calendar_deadline(Regulation("Repair Code", "Trade Commission", ("a",),
                                           "Sellers must comply with the Repair Code by March 1.", deadline=dt.date(2032, 3, 1)))
    assert not is_calendar_deadline(Regulation("bill", "Assembly", ("a",),
                                               "Writing in the Ledger (Forum, March 5, p7), she said the Assembly will require "
                                               "that clinics must suffer protests.",
                                               deadline=dt.date(2032, 3, 5)))


def test_a_period_under_way_and_a_first_person_aside_are_not_kept() -> None:
    charge = _dated("Brightwell expects to book an impairment charge in the third quarter.", "in the third quarter",
                    dt.date(2031, 7, 1), dt.date(2031, 9, 30))
    assert not is_calendar_event(charge, today=TUE)
    assert not is_calendar_event(_dated("Friday, I will draw the winner of the cookbook.", "Friday", dt.date(2031, 9, 12),
                                        who="I"))
    assert not is_calendar_event(_dated("Friday, I will draw the winner of the cookbook.", "Friday", dt.date(2031, 9, 12),
                                        who=""))


def test_an_ing_form_becomes_the_base_form_only_when_known() -> None:
    base = Event("Harbourline is holding a shareholder vote", ("a",), "", who="Harbourline", start=TUE)
    assert event_line(base) == "Harbourline: shareholder vote"
    kept = Event("The regatta is taking place in the bay", ("a",), "", start=TUE)
    assert event_line(kept) == "Regatta: taking place in the bay"


@pytest.mark.parametrize("sentence", [
    "Harbin Motors expects to open the new plant by 2033.",
    "The vote on the harbour plan will take place before the end of the year.",
])
def test_a_target_before_a_year_ends_is_not_kept(sentence: str) -> None:
    assert not is_calendar_event(_event(sentence), today=TUE)


def test_a_day_to_meet_a_target_is_kept() -> None:
    assert is_calendar_event(_event("The regulator must publish its guidance by December 3."), today=TUE)


def test_a_line_cut_to_length_leaves_out_the_phrase_it_would_cut() -> None:
    line = event_line(_event("Memorial Service for Ana Ruiz will be held Friday, October 3, 2031, at the Tarn Chapel, "
                             "with Dr. Tomas Feld officiating and burial following in Tarn Park."))
    assert line == "Memorial Service for Ana Ruiz at the Tarn Chapel"  # not "... at the Tarn Chapel with Dr"


def _rumoured(sentence: str, when: str, start: dt.date, end: dt.date) -> Event:
    return Event(sentence, ("a",), sentence, who="Brightwell", start=start, end=end, when_text=when, speculative=True)


def test_a_rumoured_period_is_not_kept_a_rumoured_day_is() -> None:
    month = _rumoured("Brightwell expects to launch the tablet soon -- possibly later this month, sources say.",
                      "later this month", dt.date(2031, 9, 10), dt.date(2031, 9, 30))
    day = _rumoured("Brightwell will reportedly launch the tablet on Friday.", "on Friday", dt.date(2031, 9, 12),
                    dt.date(2031, 9, 12))
    assert not is_calendar_event(month, today=TUE)
    assert is_calendar_event(day, today=TUE) and hedge(day) == "unconfirmed"
    # a hedge of a consequence ("could") is no rumour of the date
    could = Event("the race could tighten", ("a",), "This October brings the Veldia election, so the race could tighten.",
                  start=dt.date(2031, 10, 1), end=dt.date(2031, 10, 31), when_text="This October", speculative=True)
    assert is_calendar_event(could, today=TUE)


@pytest.mark.parametrize(("when", "start", "end"), [
    ("later this year", dt.date(2031, 9, 10), dt.date(2031, 12, 31)),  # the rest of a year
    ("in the coming weeks", dt.date(2031, 9, 10), dt.date(2031, 10, 31)),
    ("early next year", dt.date(2032, 1, 1), dt.date(2032, 4, 30)),  # a third of a year
    # a span from now read as one day is a guess, not a date
    ("sometime in the next six months", dt.date(2032, 3, 10), dt.date(2032, 3, 10)),
    ("within two weeks", dt.date(2031, 9, 24), dt.date(2031, 9, 24)),
    ("within five business days", dt.date(2031, 9, 17), dt.date(2031, 9, 17)),  # a service's promise
    ("in three months", dt.date(2031, 12, 10), dt.date(2031, 12, 10)),
    ("in two weeks", dt.date(2031, 9, 24), dt.date(2031, 9, 24)),
])
def test_the_rest_of_a_period_or_a_third_of_a_year_is_no_date(when: str, start: dt.date, end: dt.date) -> None:
    assert not is_calendar_event(_dated(f"Brightwell will release a new album {when}.", when, start, end), today=TUE)
    assert is_calendar_event(_dated("Brightwell will release a new album in October.", "in October",
                                    dt.date(2031, 10, 1), dt.date(2031, 10, 31)), today=TUE)


def test_a_period_that_has_begun_on_the_day_is_not_ahead() -> None:
    week = _dated("Brightwell is launching a fare sale this week.", "this week", TUE, TUE + dt.timedelta(days=5))
    assert not is_calendar_event(week, today=TUE)
    assert is_calendar_event(week, today=TUE - dt.timedelta(days=1))
    assert not is_calendar_event(week, today=TUE + dt.timedelta(days=1))
    # a happening that begins on the day and goes on is still ahead
    visit = _dated("The president will tour the Orrick shipyards on Tuesday and Wednesday.", "on Tuesday and Wednesday",
                   TUE, TUE + dt.timedelta(days=1))
    assert is_calendar_event(visit, today=TUE)
    weekend = _dated("The president will tour the Orrick shipyards this weekend.", "this weekend",
                     TUE, TUE + dt.timedelta(days=1))
    assert is_calendar_event(weekend, today=TUE)


def test_a_calendar_line_that_only_names_something_is_not_listed() -> None:
    from newsbrief.digest.looking_ahead import _says_what

    sentence = "The Child Meals and School Lunch Act, due for renewal by September 30, funds 12 programmes."
    named = Event(sentence, ("a",), sentence, start=dt.date(2031, 9, 30), when_text="by September 30")
    assert event_line(named) == "The Child Meals and School Lunch Act"
    assert not _says_what(named)
    told = Event("x", ("b",), "The Harwick council will vote on the harbour budget on Monday.",
                 start=dt.date(2031, 9, 15), when_text="on Monday")
    assert _says_what(told)


@pytest.mark.parametrize(("line", "context", "reads"), [
    ("Greece: general elections", "Greece holds general elections on Sunday.", True),
    ("Smith arraignment", "Smith is scheduled for arraignment on Friday. Police said Smith was held.", True),  # a name
    ("Workshop held", "A workshop will be held on Friday.", False),  # "workshop" is no name there
    ("The premiere", "The premiere is set for January. Tickets at The Lyric Hall.", False),  # whose premiere?
    ("Second edition of the Harbour Cup held", "The second edition of the Harbour Cup will be held on Friday.", True),
    ("European Commission: whose term to expire", "", False),
    ("Jo Reyes: vote for him at the gala", "", False),
    ("Council: approve it", "", False),
    ("Regis Corporation's: join forces", "", False),
    ("Healey Art &: open in Ledbury", "", False),
    ("Bill: receive its Second Reading in the Commons", "", False),
    ("Christmas: pantomime to open", "", False),
    ("rules criminalizing border crossings deadline", "The rules criminalizing border crossings apply from Tuesday.", False),
])
def test_a_calendar_line_reads_alone_when_it_names_whose_and_points_nowhere(line: str, context: str, reads: bool) -> None:
    assert line_reads_alone(line, context) is reads


def test_a_date_to_act_by_is_kept_as_a_deadline() -> None:
    assert is_calendar_event(_event("Residents have until September 12 to comment on the harbour plan."), today=TUE)


def test_a_service_that_starts_operating_on_a_date_is_kept() -> None:
    assert is_calendar_event(_event("The ride-sharing company will start operating in Tarnby from September 30."), today=TUE)


def test_a_target_within_a_month_is_no_date_but_a_deadline_in_a_month_is() -> None:
    target = _dated("Brightwell plans to hire more than 1,000 people by January.", "January",
                    dt.date(2032, 1, 31))
    assert not is_calendar_event(target, today=TUE)
    end_of = _dated("Brightwell expects to finish the new depot before the end of October.", "October",
                    dt.date(2031, 10, 31))
    assert not is_calendar_event(end_of, today=TUE)
    due = _dated("Applications for the Brightwell grants must be submitted by October.", "October",
                 dt.date(2031, 10, 31))
    assert is_calendar_event(due, today=TUE)
    day = _dated("Brightwell will open the depot by October 12.", "October 12", dt.date(2031, 10, 12))
    assert is_calendar_event(day, today=TUE)
