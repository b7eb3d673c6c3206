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
    # the person a relative clause's title stands for, even when a word of the title parses as a verb
    ("Mr Lowe, the Stop the Cuts Campaign chairman, who is attending the Harwick march on Tuesday, declined to comment.",
     "on Tuesday", "Mr Lowe: attend the Harwick march"),
    ("Mr Lowe, the party's chairman, who is attending the Harwick march on Tuesday, declined to comment.",
     "on Tuesday", "Mr Lowe: attend the Harwick march"),
    # a place joined to the act's place but dated on its own day is another happening
    ("Mayor Ilse Brandt will travel to Marlow on Monday for the fair and Tallbrook later in the week.", "on Monday",
     "Mayor Ilse Brandt: travel to Marlow for the fair"),
    ("Mayor Ilse Brandt will visit Marlow and Tallbrook on Monday.", "on Monday",
     "Mayor Ilse Brandt: visit Marlow and Tallbrook"),
    # a page's heading in capitals run into the sentence is no part of the happening
    ("HOW TO APPLY - Entries for the Harwick Prize will be judged on Friday.", "on Friday",
     "Entries for the Harwick Prize to be judged"),
    # a happening that "takes place" or "is coming up" is the line itself
    ("Tickets for the annual Harbour Ball, which is coming up in March, sold out in a day.", "in March",
     "Annual Harbour Ball"),
    # a place whose name starts like a month or a weekday is no end of a date range
    ("The Harwick ferry will sail to Decatur on Friday.", "on Friday",
     "Harwick ferry: sail to Decatur"),
    # an aside and a relative clause around the subject are left out
    ("Lawmakers said on Monday that the Senate, which returns from recess this week, will vote on the harbour bill "
     "on Friday.", "on Friday", "Senate: vote on the harbour bill"),
    # the complement of "plans to" is the act, its subject the planner's
    ("Marrow County plans to reopen the Old Quay bridge on Friday after eight months of repairs.", "on Friday",
     "Marrow County: reopen the Old Quay bridge"),
    # an aspect verb keeps its complement: "begin shipping", not "ship"
    ("Tollund Audio will begin shipping its first turntable on Friday.", "on Friday",
     "Tollund Audio: begin shipping its first turntable"),
    # a verb keeps its "to" infinitive and an adverb of the act: "decide to raise", "throw it open"
    ("Many economists think the Kessa central bank will decide on Friday to raise its benchmark rate.", "on Friday",
     "Kessa central bank: decide to raise its benchmark rate"),
    ("Prime Minister Ana Ruiz will formally throw it open at 4 pm on Friday, in the presence of the governor.",
     "on Friday", "Prime Minister Ana Ruiz: throw it open in the presence of the governor"),
    # "starting January 1" is the start of the act it qualifies
    ("Pellmark will cut its delivery fee to two dollars starting Friday, the company said.", "Friday",
     "Pellmark: cut its delivery fee to two dollars"),
    # the date of a side phrase dates that phrase's happening, not the sentence's act
    ("Verdane Mobile will sell the phone in Chile in March, after a European launch on Friday.", "on Friday",
     "Verdane Mobile: European launch"),
    # an aside between dashes is read without it: the subject meets its verb
    ("The Harbour Barge - one of the four large river paintings that many call the height of his career - will be "
     "put up for sale by Merrow's auction house on Friday.", "on Friday",
     "Harbour Barge to be put up for sale by Merrow's auction house"),
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
     "Conference at the Kessa Law School"),
    # what a thing is scheduled for
    ("The next forecast is scheduled for release on Friday.", "on Friday", "Harwick Institute",
     "Harwick Institute: next forecast release"),
    ("Their case is tentatively set for trial in January.", "in January", "Jo Reyes", "Jo Reyes: trial"),
    ("His sentencing is scheduled for Friday.", "for Friday", "Jo Reyes", "Jo Reyes: sentencing"),
    # the date qualifies the subject, which is the happening
    ("Ferry fare deadline Friday, but most riders still pay cash.", "Friday", "Harwick Ferries", "Ferry fare deadline"),
    # a pronoun in the passive: the story's actor
    ("He will be sentenced at the Crown Court on Friday.", "on Friday", "Dario Feld",
     "Dario Feld: to be sentenced at the Crown Court"),
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
    # a period turning over is no happening
    ("The grant may slip if awards come late in the first quarter of fiscal 2032, which begins Oct. 1.", "Oct. 1"),
    ("The council's financial year starts on Friday.", "on Friday"),
    # what would follow if something else happened
    ("A win for Tarnby would leave Marrow needing to beat Quayside at home on Saturday.", "on Saturday"),
    # a certainty told, no happening
    ("As Harbour's shareholders are bound to learn when markets open on Monday, bad news costs money.", "on Monday"),
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


@pytest.mark.parametrize(("sentence", "when"), [
    # a plan given up: only "originally" set for the day, or the happening first planned and since replaced
    ("Dario Feld was originally scheduled to testify in court in Tarnby on Friday.", "on Friday"),
    ("The original opening night gala on Friday will now be a reading with the cast.", "on Friday"),
    # the name of a date is no happening
    ("Next week is the 20th anniversary of the founding of the Harwick rowing club.", "Next week"),
    # a happening that says only that something happens
    ("Next year's event will take place on Friday at the Harwick Expo centre.", "on Friday"),
    ("A number of events will be held on Friday.", "on Friday"),
    # "due to" a cause, and "in time for" a season: no act on the date
    ("Business confidence is weak partly due to the turmoil of a third mayor in 28 months.", "in 28 months"),
    ("Tarnwell sells new gadgets to reporters just in time for the busy fourth quarter.", "the busy fourth quarter"),
    # a condition of who gets something, not a happening
    ("The first 100 Harwick members to book a flight by Friday will be emailed a promo code.", "by Friday"),
    # a done plan whose date only names the season of what was planned
    ("Ana Ruiz and Tomas Feld Have Already Plotted a Summer 2032 Tour", "Summer 2032"),
])
def test_no_calendar_line_for_what_is_not_scheduled(sentence: str, when: str) -> None:
    assert _line(sentence, when, "Dario Feld") == ""


def test_he_or_she_is_the_story_actor_only_when_that_is_a_person() -> None:
    sentence = "She will testify in court in Tarnby on Friday."
    assert _line(sentence, "on Friday", "Harwick") == ""  # the story's town, or its firm, is not "she"
    assert _line(sentence, "on Friday", "Ana Ruiz") == "Ana Ruiz: testify in court in Tarnby"


def test_a_thing_told_in_the_passive_has_no_guessed_actor() -> None:
    # who declares the results the sentence does not say: the story's actor would be a guess
    assert _line("The election results will be declared on Friday.", "on Friday", "Veldia Party") == (
        "Election results to be declared")
    # what a thing is scheduled for still belongs to the story's actor
    assert _line("The next forecast is scheduled for release on Friday.", "on Friday", "Harwick Institute") == (
        "Harwick Institute: next forecast release")


@pytest.mark.parametrize(("sentence", "when", "who", "line"), [
    # the happening of a headline run into a page's date stamp and section label
    ("Harwick Legion Flag Ceremony on Sept. 12 09-09-2031 Front Page", "on Sept. 12", "", "Harwick Legion Flag Ceremony"),
    # "host" a team is a match, not a happening named by its object
    ("Harwick will host Tarnby in the league's opener on Friday.", "on Friday", "",
     "Harwick: host Tarnby in the league's opener"),
    # the time of day is the date's, the place stays
    ("The Harwick Business Summit will take place on Friday from 8:30 a.m. - 12:00 p.m. at the Corn Exchange in Leeds.",
     "on Friday", "", "Harwick Business Summit at the Corn Exchange in Leeds"),
    # a role names who acts; the story's actor named as the place visited is not the actor
    ("The pontiff will visit Veldia on Friday.", "on Friday", "Veldia", "Pontiff: visit Veldia"),
    ("The delegation will visit Veldia on Friday.", "on Friday", "Veldia", "Delegation to visit Veldia"),
    # a title in apposition keeps its commas and the thing it names
    ("His first book Bread, Salt, Water will be released on Friday.", "on Friday", "", "First book Bread, Salt, Water to be released"),
    # "due out": a book, a film
    ("The memoir is due out later this month.", "later this month", "", "Memoir due out"),
    # the happening a list includes, not the list's unnamed events
    ("A number of events have been planned for the month, including a beer festival from October 2 to October 4.",
     "from October 2 to October 4", "Harwick", "Beer festival"),
])
def test_lines_that_say_who_does_what(sentence: str, when: str, who: str, line: str) -> None:
    assert _line(sentence, when, who) == line


def test_a_line_without_an_actor_owns_nothing() -> None:
    # "its" would stand for no one the line names
    assert _line("The winners will be announced at its annual awards luncheon on Friday.", "on Friday") == (
        "Winners to be announced at the annual awards luncheon")
    # with an actor, "its" is the actor's
    assert _line("Tarn Air will hold its annual awards luncheon on Friday.", "on Friday") == "Tarn Air: annual awards luncheon"


@pytest.mark.parametrize(("sentence", "when", "line"), [
    # "asked the cell to decide": the one asked acts, not the one asking nor the story's actor
    ("The Harwick court asked the grievance cell to decide the plea within two days.", "within two days",
     "Grievance cell: decide the plea"),
    # the other end of the range is the date's, not the happening's
    ("The Harwick Rowing Regatta will take place from 28 September to 3 October on the Tarn.", "28 September",
     "Harwick Rowing Regatta on the Tarn"),
])
def test_who_acts_and_what_without_the_date(sentence: str, when: str, line: str) -> None:
    assert _line(sentence, when, "Dario Feld") == line


@pytest.mark.parametrize(("sentence", "when"), [
    ("Ana Ruiz was killed in a strike on 21 August.", "on 21 August"),  # a past act told in the passive
    ("With another debate looming next week, the candidates are busy.", "next week"),  # a state, not an act
])
def test_no_line_for_a_past_act_or_a_state(sentence: str, when: str) -> None:
    assert _line(sentence, when, "Dario Feld") == ""


def test_an_act_a_past_feeling_names_is_no_line() -> None:
    assert _line("But then, the new host felt the need to address her remarks again on Friday, writing:", "on Friday",
                 "Ana Ruiz") == ""


def test_him_in_a_line_is_the_story_s_person() -> None:
    sentence = "Harwick Radio said it would give him a sendoff on Friday during his last broadcast."
    assert _line(sentence, "on Friday", "Dario Feld") == "Harwick Radio: give Dario Feld a sendoff during his last broadcast"
    assert _line(sentence, "on Friday", "Harwick") == "Harwick Radio: give him a sendoff during his last broadcast"


@pytest.mark.parametrize(("sentence", "when", "who", "line"), [
    # "the said company" is legal wording for the story's actor; "is going to launch" schedules a launch
    ("The said company is going to launch its service and its website on the 1st day of October, 2031.",
     "on the 1st day of October, 2031", "Hoverline", "Hoverline: launch its service and its website"),
    # "go on sale" is the act itself
    ("The Kestrel 3 phones will go on sale in Dunmore on Friday.", "on Friday", "", "Kestrel 3 phones: go on sale in Dunmore"),
    # "go to the polls" is the going itself, not "the polls"
    ("Voters in Dunmore will go to the polls on Friday.", "on Friday", "", "Voters in Dunmore: go to the polls"),
    # "hopes to join": the joining is the act (the parser reads "hopes" as "hop")
    ("The Velloria Group hopes to join the Dunmore exchange on Friday with shares at 20 cents.", "on Friday", "",
     "Velloria Group: join the Dunmore exchange with shares at 20 cents"),
    # a brand's "'s" is its name
    ("McDonald's will open a new restaurant in Dunmore on Friday.", "on Friday", "",
     "McDonald's: open a new restaurant in Dunmore"),
])
def test_legal_wording_and_intentions_read_as_the_actor_and_the_act(sentence: str, when: str, who: str, line: str) -> None:
    assert _line(sentence, when, who) == line


@pytest.mark.parametrize(("sentence", "when", "who", "line"), [
    # "its campaign": the story's actor owns it
    ("Varnholt intends to pursue its campaign to strip Dunmore of its council veto at the assembly on Friday.",
     "on Friday", "Varnholt", "Varnholt's campaign: strip Dunmore of its council veto at the assembly"),
    ("Varnholt intends to pursue its campaign to strip Dunmore of its council veto at the assembly on Friday.",
     "on Friday", "", ""),  # no actor to own it: no line
    # a person's "his trial": whose, the line cannot say, whatever the story's actor
    ("His trial is scheduled to begin on Friday.", "on Friday", "Harwick Radio", ""),
    ("His trial is scheduled to begin on Friday.", "on Friday", "", ""),
])
def test_a_line_never_opens_on_an_owner_it_does_not_name(sentence: str, when: str, who: str, line: str) -> None:
    assert _line(sentence, when, who) == line


def test_a_meeting_to_be_held_is_told_by_its_name_and_place_not_a_past_participle() -> None:
    assert _line("The Tarn Valley Investment Forum, which will be convened on Friday in Lisbon, drew 40 firms.",
                 "on Friday") == "Tarn Valley Investment Forum in Lisbon"
    assert _line("The harbour summit will be hosted by Marrow County on Friday.", "on Friday") == (
        "Harbour summit to be hosted by Marrow County")


def test_a_participle_the_parse_reads_as_a_noun_gives_no_line() -> None:
    # "Briefing reporters on the Forum to be held next week": the forum, not "reporters", is to be held
    line = _line("Briefing reporters on the Tarn Valley Investment Forum to be held in Lisbon next week, the envoy "
                 "said the talks will examine trade.", "next week")
    assert "reporters" not in line


def test_a_relative_clause_after_a_name_with_of_or_on_belongs_to_the_whole_name() -> None:
    line = _line("The envoy leads the delegation to the Assembly of Coastal Towns, which meets in Tarnby on Friday.",
                 "on Friday")
    assert line.startswith("Assembly")
    assert "meet in Tarnby" in line


def test_people_preparing_for_a_date_are_no_happening() -> None:
    assert _line("More than 200 growers from the valley are preparing to show their apples at the fair in November",
                 "in November", "Acme") == ""


def test_a_plan_reported_with_would_is_still_a_line() -> None:
    assert _line("The council said it would vote on the harbour budget on Friday.", "on Friday", "Tarnby") != ""


def test_a_long_subject_cut_to_length_does_not_end_on_a_link_word() -> None:
    line = _line("The westbound entry slip road of the A31 in Tarnby will be closed overnight on Thursday.", "on Thursday")
    assert line and not line.split(" to be ")[0].endswith((" in", " of", " the"))


@pytest.mark.parametrize(("sentence", "when", "line"), [
    ("Residents have until Friday to comment on the harbour plan.", "Friday",
     "Residents: deadline to comment on the harbour plan"),
    ("Tarn Mining has until Oct. 1 to file its response with the court.", "Oct. 1",
     "Tarn Mining: deadline to file its response with the court"),
])
def test_having_until_a_date_to_act_is_a_deadline(sentence: str, when: str, line: str) -> None:
    assert _line(sentence, when) == line


def test_a_happening_of_a_public_body_does_not_take_the_story_actor() -> None:
    line = _line("A series of congressional hearings on the harbour spill will begin on Friday.", "on Friday", "Ana Ruiz")
    assert line.startswith("Series of congressional hearings") and "Ana Ruiz" not in line
    # a business's deal still goes under the story's actor
    assert _line("The deal is expected to close on Friday.", "on Friday", "Tarn Mining") == "Tarn Mining: deal to close"


def test_a_date_after_a_title_belongs_to_the_act_not_to_the_naming() -> None:
    line = _line("Ana Ruiz will deliver a keynote lecture titled 'Harbour Futures' on September 12 in the main hall.",
                 "on September 12")
    assert line.startswith("Ana Ruiz: deliver a keynote lecture"), line


def test_a_datelines_place_before_a_dash_is_no_actor() -> None:
    sentence = "HARWICK — Harbour Sound will move to Aldmouth in May 2016."
    assert event_clause(sentence, "in May 2016", fallback_who="Tarn Council") == ("Harbour Sound", "move to Aldmouth")
    sentence = "HARWICK, Tarn. — Harbour Sound will move to Aldmouth in May 2016."
    assert event_clause(sentence, "in May 2016") == ("Harbour Sound", "move to Aldmouth")


def test_the_chance_to_act_is_taken_by_who_has_it() -> None:
    # not "Opportunity: tour the expo"
    who, what = event_clause("Delegates will have the opportunity to tour the Portsea Trade Expo on 13 September.",
                             "on 13 September", fallback_who="Harbour Forum")
    assert (who, what) == ("Harbour Forum", "Delegates to tour the Portsea Trade Expo")


def test_an_act_whose_object_is_the_clause_before_gives_no_line() -> None:
    # "Republicans: bring up" says nothing: what they bring up is the resolution, outside the clause
    sentence = ("The senator backed the deal, giving the governor the votes to sustain his veto of a resolution "
                "Harbour Republicans are planning to bring up later this month.")
    assert event_clause(sentence, "later this month", fallback_who="Harbour Senate") == ("", "")
    # a particle after a verb of the main clause still says what happens
    assert event_clause("The Tarn mill will close down on Friday.", "on Friday", fallback_who="Tarn Mills")[1].endswith(
        "close down")


def test_an_act_on_what_a_sentence_before_described_gives_no_line() -> None:
    # "Central bank: off on such a move" said nothing: "hold off" is no hosting, and "such a move" is the one before
    sentence = ("While the Kessa economy has grown enough for its central bank to raise rates, the central bank may "
                "hold off on such a move Thursday to see how exports fare, said Ana Ruiz, an economist at Harbour Bank.")
    assert event_clause(sentence, "Thursday") == ("", "")
    assert event_clause("The Harwick council will take such steps on Thursday.", "on Thursday") == ("", "")
    # a list "such as ..." points nowhere; a phrasal "hold off" keeps its verb
    assert event_clause("The Harwick council will vote on Thursday on measures such as a tax on sugar.",
                        "on Thursday")[1] == "vote on measures such as a tax on sugar"
    assert event_clause("The Harwick central bank will hold off on its rate decision until Thursday.",
                        "until Thursday") == ("Harwick central bank", "hold off on its rate decision")
    assert event_clause("The Harwick council will hold its annual meeting on Thursday.",
                        "on Thursday") == ("Harwick council", "annual meeting")


@pytest.mark.parametrize(("sentence", "line", "start", "end"), [
    # "appear" at or before a court is a court date, not a seeming
    ("Neil Tarrow will appear at Horsham Magistrates Court on October 8.",
     "Neil Tarrow: appear at Horsham Magistrates Court", dt.date(2031, 10, 8), dt.date(2031, 10, 8)),
    ("Daniel Marsh is due to appear in court on Monday.",
     "Daniel Marsh: appear in court", dt.date(2031, 9, 15), dt.date(2031, 9, 15)),
    # a gathering that begins on its own is the happening, and "three-day" tells how long it runs
    ("The three-day Harbour Leadership Conference begins Friday, and five candidates still plan to attend.",
     "Three-day Harbour Leadership Conference to begin", dt.date(2031, 9, 12), dt.date(2031, 9, 14)),
    ("The Tarnby Film Festival opens on October 2.", "Tarnby Film Festival to open", dt.date(2031, 10, 2),
     dt.date(2031, 10, 2)),
    # an adverb between "be" and the act: "is to be formally unveiled"
    ("The plan will be formally unveiled on Friday.", "Plan to be unveiled", dt.date(2031, 9, 12),
     dt.date(2031, 9, 12)),
    ("The new cabinet will be sworn in on Monday.", "New cabinet to be sworn", dt.date(2031, 9, 15),
     dt.date(2031, 9, 15)),
])
def test_court_dates_gatherings_and_formal_acts_are_read(sentence: str, line: str, start: dt.date,
                                                          end: dt.date) -> None:
    from newsbrief.facts.calendar import is_calendar_event

    events = extract_events(sentence, published=WED)
    assert [(e.start, e.end) for e in events] == [(start, end)]
    assert event_line(events[0]) == line
    assert is_calendar_event(events[0], today=WED)


@pytest.mark.parametrize("sentence", [
    "The shares appear likely to fall on Monday.",
    "It will appear in stores on Friday.",
])
def test_appear_as_seeming_is_no_court_date(sentence: str) -> None:
    assert extract_events(sentence, published=WED) == []


def test_a_listings_items_read_as_whole_lines() -> None:
    from newsbrief.facts.calendar import calendar_items

    text = ("TUESDAY, September 16\nHarbourton - Tarnby Bank's monthly business survey\n"
            "Kelso - Central bank assistant governor (markets) Ana Ruiz speaks at a funding forum\n"
            "WEDNESDAY, September 17\nHarbourton - Debt office issues $900 million of April 21, 2040 bonds\n"
            "Harbourton - Tarnby/Kelso Institute survey of consumer sentiment\n")
    lines = [event_line(i.event) for i in calendar_items(text, published=WED) if i.event is not None]
    assert "Tarnby Bank's monthly business survey" in lines  # the possessive stays with its name
    assert "Tarnby/Kelso Institute survey of consumer sentiment" in lines
    assert any("April 21, 2040 bonds" in line for line in lines)  # a date inside the item is part of it
    assert any("assistant governor Ana Ruiz speaks" in line for line in lines)  # the aside goes, not the rest


@pytest.mark.parametrize(("line", "alone"), [
    ("Riek Machar: attend the meeting", False),  # which meeting, the line cannot say
    ("Football Association: discuss the situation", False),
    ("Moby Dick: movie to open", False),
    ("Apple: hold an event", True),  # a new happening, its actor says whose
    ("Senate: vote on the spending bill", True),
    ("Fed: announce the decision", True),
])
def test_a_line_naming_a_happening_only_by_its_kind_does_not_read_alone(line: str, alone: bool) -> None:
    from newsbrief.facts.lines import line_reads_alone

    assert line_reads_alone(line, "") is alone
