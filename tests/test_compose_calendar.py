"""The "Looking ahead" calendar as a reader sees it, and roundups that hold every round and rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factories import make_article

from newsbrief.digest.compose import ComposeOptions, StoryBundle, compose_digest
from newsbrief.digest.looking_ahead import day_label
from newsbrief.model import CitedSentence, Event, FundingRound, Regulation, Summary
from newsbrief.digest.rank import RankedStory
from newsbrief.render import render

DAY = dt.date(2031, 9, 9)  # a Tuesday


def _bundle(sid: str, outlets: list[str], sentences: list[str], *, score: float, facts: tuple = (),
            headline: str = "") -> StoryBundle:
    arts = tuple(make_article(f"{sid}{i}", outlet=o, title=headline or f"Headline {sid}", text=" ".join(sentences))
                 for i, o in enumerate(outlets))
    cited = tuple(CitedSentence(s, (arts[i % len(arts)].id,)) for i, s in enumerate(sentences))
    return StoryBundle(RankedStory(sid, score, {"sources": 1.0}), Summary(sid, headline or f"Headline {sid}", (cited,)),
                       arts, DAY, None, facts)


def _event(sid: str, sentence: str, what: str, who: str, start: dt.date, end: dt.date | None = None) -> Event:
    return Event(what, (f"{sid}0",), sentence, who=who, start=start, end=end or start, when_text="")


def _day(offset: int) -> dt.date:
    return DAY + dt.timedelta(days=offset)


def test_calendar_lines_are_grouped_under_one_heading_per_day() -> None:
    a = _bundle("a", ["Ledger", "Wire"], ["Senate leaders set the week's votes.", "Two votes are due."], score=3, facts=(
        _event("a", "The Senate will vote on the spending bill on Thursday.", "The Senate will vote on the spending bill",
               "Senate", _day(2)),
        _event("a", "The House will vote on the farm bill on Thursday.", "The House will vote on the farm bill", "House",
               _day(2)),
    ))
    b = _bundle("b", ["Ledger"], ["Brightwell will launch a tablet on Friday."], score=2, facts=(
        _event("b", "Brightwell will launch its new tablet on Friday.", "Brightwell will launch its new tablet",
               "Brightwell", _day(3)),))
    digest = compose_digest([a, b], day=DAY, options=ComposeOptions())
    ahead = next(s for s in digest.sections if s.kind == "ahead")
    assert [i.headline for i in ahead.items] == ["Thursday 11 September", "Thursday 11 September", "Friday 12 September"]
    lines = [s.text for i in ahead.items for p in i.paragraphs for s in p]
    assert sorted(lines[:2]) == ["House: vote on the farm bill", "Senate: vote on the spending bill"]
    assert lines[2] == "Brightwell: launch its new tablet"
    md = render(digest, "md").split("## Looking ahead")[1]
    assert md.count("### Thursday 11 September") == 1 and md.count("### Friday 12 September") == 1
    assert md.index("Senate: vote") < md.index("### Friday") and md.index("House: vote") < md.index("### Friday") < md.index("Brightwell: launch")
    text = render(digest, "text").split("LOOKING AHEAD")[1]
    assert text.count("Thursday 11 September\n") == 1
    html = render(digest, "html").split("Looking ahead")[1]
    assert html.count("<h3>Thursday 11 September</h3>") == 1 and html.count("<ul>") == 2 == html.count("</ul>")


def test_hedged_lines_are_marked_in_every_format() -> None:
    a = _bundle("a", ["Ledger"], ["The Halden board meets on Friday."], score=1, facts=(
        _event("a", "The Halden board is expected to vote on the merger on Friday.",
               "The Halden board is expected to vote on the merger", "", _day(3)),))
    digest = compose_digest([a], day=DAY, options=ComposeOptions())
    item = next(s for s in digest.sections if s.kind == "ahead").items[0]
    assert item.extra["hedge"] == "expected"
    assert "(expected)" in render(digest, "md") and "(expected)" in render(digest, "text")


def test_the_calendar_is_capped_and_ranked_by_story_then_date() -> None:
    # the lead story has five dated happenings: two make the calendar before every other story gets one
    lead = _bundle("lead", ["Ledger", "Wire"], ["Lead.", "More."], score=100, facts=tuple(
        _event("lead", f"Tarn Air will open route {i} on the day.", f"Tarn Air will open route {i}", "Tarn Air", _day(20 + i))
        for i in range(5)))
    rest = [_bundle(f"s{i}", ["Daily"], [f"Item {i}."], score=50 - i, facts=(
        _event(f"s{i}", f"Council {i} will vote on the budget.", f"Council {i} will vote on the budget", f"Council {i}",
               _day(1 + i)),)) for i in range(15)]
    digest = compose_digest([lead, *rest], day=DAY, options=ComposeOptions())
    ahead = next(s for s in digest.sections if s.kind == "ahead")
    assert len(ahead.items) == 12 and len(ahead.more) == 8
    shown = [i.story_id for i in ahead.items]
    assert shown.count("lead") == 2 and set(shown) - {"lead"} == {f"s{i}" for i in range(10)}
    starts = [str(i.extra["start"]) for i in ahead.items]
    assert starts == sorted(starts)


def test_vague_and_non_calendar_events_stay_off_the_calendar() -> None:
    a = _bundle("a", ["Ledger"], ["Tarn Air grows."], score=1, facts=(
        _event("a", "Tarn Air will expand routes next year.", "Tarn Air will expand routes", "Tarn Air", dt.date(2032, 1, 1),
               dt.date(2032, 12, 31)),
        _event("a", "The fog would begin to lift late on Wednesday.", "The fog would begin to lift late", "", _day(1)),
    ))
    digest = compose_digest([a], day=DAY, options=ComposeOptions())
    assert next(s for s in digest.sections if s.kind == "ahead").items == ()


def test_a_death_notice_gives_no_calendar_line_and_a_news_story_of_a_funeral_does() -> None:
    notice = _bundle("n", ["Gazette"], ["Marta passed away on Tuesday."], score=5, facts=(
        _event("n", "The funeral of Marta Keldwick will take place at the Orrick chapel on Friday.",
               "The funeral of Marta Keldwick will take place at the Orrick chapel", "Marta Keldwick", _day(3)),))
    notice = dataclasses.replace(notice, ranked=RankedStory("n", 5, {"sources": 1.0}, kind="obituary or listing"))
    state = _bundle("s", ["Ledger", "Wire"], ["Former president Jo Reyes died on Monday."], score=4, facts=(
        _event("s", "A state funeral for former president Jo Reyes will be held on Friday.",
               "A state funeral for former president Jo Reyes will be held", "", _day(3)),))
    digest = compose_digest([notice, state], day=DAY, options=ComposeOptions())
    assert [i.story_id for i in next(s for s in digest.sections if s.kind == "ahead").items] == ["s"]


def test_day_labels() -> None:
    assert day_label(dt.date(2031, 9, 11), dt.date(2031, 9, 11), DAY) == "Thursday 11 September"
    assert day_label(dt.date(2032, 1, 6), dt.date(2032, 1, 6), DAY) == "Tuesday 6 January 2032"
    assert day_label(dt.date(2031, 10, 1), dt.date(2031, 10, 31), DAY) == "October"
    assert day_label(dt.date(2032, 1, 1), dt.date(2032, 3, 31), DAY) == "January – March 2032"
    assert day_label(dt.date(2031, 9, 22), dt.date(2031, 9, 26), DAY) == "22 – 26 September"


def test_a_round_and_a_rule_that_get_a_full_section_also_have_their_roundup_line() -> None:
    fund = FundingRound("Quillmark", 42e6, "EUR", "Series B", ("f0",), "Quillmark raised €42 million in a Series B.",
                        lead_investors=("Aldergrove Ventures",))
    rule = Regulation("Device Longevity Regulation", "European Commission", ("r0",),
                      "The European Commission proposed the Device Longevity Regulation, which would apply from 1 January 2034.",
                      status="proposed",
                      deadline=dt.date(2034, 1, 1))
    f = _bundle("f", ["Ledger", "Wire"], ["Quillmark raised €42 million in a Series B.", "It sells legal software."],
                score=3, facts=(fund,), headline="Quillmark raises €42M")
    r = _bundle("r", ["Ledger", "Wire"], ["The European Commission proposed the Device Longevity Regulation.",
                                          "Phones would get parts for eight years."], score=2, facts=(rule,),
                headline="The EU wants phones to last longer")
    digest = compose_digest([f, r], day=DAY, options=ComposeOptions())
    kinds = {s.kind: s for s in digest.sections}
    assert [i.story_id for i in kinds["stories"].items] == ["f", "r"]
    funding = kinds["funding"].items
    assert [(i.headline, i.paragraphs[0][0].text) for i in funding] == [
        ("Quillmark", "€42M Series B, led by Aldergrove Ventures")]
    assert funding[0].paragraphs[0][0].article_ids == ("f0",)
    assert [(i.headline, i.paragraphs[0][0].text) for i in kinds["regulation"].items] == [
        ("European Commission", "Device Longevity Regulation, proposed; deadline 1 Jan 2034")]


def test_a_rule_told_across_sentences_makes_one_complete_roundup_line() -> None:
    facts = (
        Regulation("rules that would make sellers list repair prices", "Trade Commission", ("q0",),
                   "The Trade Commission has proposed rules that would make sellers list repair prices.", status="proposed"),
        Regulation("Repair Price Code", "", ("q1",), "The draft Repair Price Code was published on Tuesday.",
                   status="proposed"),
        Regulation("rules", "Assembly", ("q1",), "The rules would apply from 1 March 2033 if the Assembly adopts them.",
                   status="enacted", deadline=dt.date(2033, 3, 1)),
    )
    q = _bundle("q", ["Ledger"], ["The Trade Commission has proposed rules that would make sellers list repair prices."],
                score=1, facts=facts)
    digest = compose_digest([q], day=DAY, options=ComposeOptions())
    kinds = {s.kind: s for s in digest.sections}
    (line,) = kinds["regulation"].items
    assert (line.headline, line.paragraphs[0][0].text) == ("Trade Commission", "Repair Price Code, proposed; deadline 1 Mar 2033")
    assert set(line.paragraphs[0][0].article_ids) == {"q0", "q1"}
    assert [s.text for i in kinds["ahead"].items for p in i.paragraphs for s in p] == ["Trade Commission: Repair Price Code deadline"]


def test_one_actor_s_happening_told_two_ways_on_one_day_is_one_line() -> None:
    a = _bundle("a", ["Ledger", "Wire"], ["Halvard buys Vireo.", "More."], score=1, headline="Halvard buys Vireo", facts=(
        Event("The companies expect the deal to close by the end", ("a0", "a1"),
              "The companies expect the deal to close by the end of the third quarter of 2032.", who="Vireo",
              start=dt.date(2032, 9, 30), end=dt.date(2032, 9, 30)),
        Event("Halvard will complete the purchase by the end", ("a1",),
              "Halvard will complete the purchase by the end of September 2032.", who="Halvard",
              start=dt.date(2032, 9, 30), end=dt.date(2032, 9, 30)),
    ))
    digest = compose_digest([a], day=DAY, options=ComposeOptions())
    ahead = next(s for s in digest.sections if s.kind == "ahead")
    assert [s.text for i in ahead.items for p in i.paragraphs for s in p] == ["Halvard: deal to close"]


def test_text_lists_each_source_once_when_a_story_has_a_section_and_a_roundup_line() -> None:
    fund = FundingRound("Quillmark", 42e6, "EUR", "Series B", ("f0",), "Quillmark raised €42 million in a Series B.")
    f = _bundle("f", ["Ledger", "Wire"], ["Quillmark raised €42 million in a Series B.", "It sells legal software."],
                score=3, facts=(fund,), headline="Quillmark raises €42M")
    text = render(compose_digest([f], day=DAY, options=ComposeOptions()), "text")
    sources = text.split("SOURCES\n", 1)[1].splitlines()
    assert len(sources) == len(set(sources)) and sources[0].startswith("[1] Ledger")


def test_the_story_actor_is_not_a_headline_s_common_first_word() -> None:
    from newsbrief.digest.looking_ahead import story_actor

    # "Jury" opens the headline capitalised, as every headline word is, but the articles write "jury"
    trial = _bundle("t", ["Ledger"], ["A jury was chosen on Monday in the fraud trial of Tomas Vell.", "It begins on Friday."],
                    score=1, headline="Jury chosen in Tomas Vell fraud trial")
    assert story_actor(trial) == "Tomas Vell"
    # a name that opens the headline and is never written in lower case stays the actor
    deal = _bundle("d", ["Ledger"], ["Halvard agreed to buy Vireo on Monday.", "The deal closes in June."], score=1,
                   headline="Halvard buys Vireo")
    assert story_actor(deal) == "Halvard"


def test_the_story_actor_is_a_name_its_articles_write() -> None:
    from newsbrief.digest.looking_ahead import story_actor

    # a title's capitals make one name of "New" and the institute the articles name
    forecast = _bundle("f", ["Ledger"], ["The Harwick Land Institute expects prices to rise.", "Its next forecast is due."],
                       score=1, headline="New Harwick Land Institute Forecast Less Bullish")
    assert story_actor(forecast) == "Harwick Land Institute"
    # a headline's first word that the articles only write to open a sentence is no name
    note = _bundle("n", ["Ledger"], ["Interesting fact about the market: it opened in 2021.", "A party is planned."],
                   score=1, headline="Interesting fact about the market")
    assert story_actor(note) == ""
    # nor is a date
    deadline = _bundle("d", ["Ledger"], ["Fares rise on Oct. 1 for riders of Tarn Ferries.", "Riders still pay cash."],
                       score=1, headline="Oct. 1 fare deadline for Tarn Ferries riders")
    assert story_actor(deadline) == "Tarn Ferries"


def test_one_happening_told_by_two_stories_is_one_line() -> None:
    told = "Tarn Air will open its Leeds route on Friday."
    a = _bundle("a", ["Ledger"], ["Tarn Air grows."], score=2, headline="Tarn Air grows",
                facts=(_event("a", told, "Tarn Air will open its Leeds route", "Tarn Air", _day(3)),))
    b = _bundle("b", ["Wire"], ["Tarn Air hires."], score=1, headline="Tarn Air hires",
                facts=(_event("b", told, "Tarn Air will open its Leeds route", "Tarn Air", _day(3)),))
    ahead = next(s for s in compose_digest([a, b], day=DAY, options=ComposeOptions()).sections if s.kind == "ahead")
    assert [(i.story_id, i.paragraphs[0][0].text) for i in ahead.items] == [("a", "Tarn Air: open its Leeds route")]


def test_one_titled_release_told_two_ways_by_two_stories_is_one_line() -> None:
    a = _bundle("a", ["Ledger"], ["Film news."], score=2, headline="Harbour Lights opens",
                facts=(_event("a", "\u201cHarbour Lights\u201d opens in cinemas on Friday.", "Harbour Lights opens in cinemas",
                              "Harbour Lights", _day(3)),))
    b = _bundle("b", ["Wire"], ["Studio news."], score=1, headline="Tarn Pictures goes big",
                facts=(_event("b", "Tarn Pictures will release \"Harbour Lights\" in large-format cinemas on Friday.",
                              "Tarn Pictures will release Harbour Lights in large-format cinemas", "Tarn Pictures",
                              _day(3)),))
    c = _bundle("c", ["Post"], ["Other film news."], score=0.5, headline="Quay Street opens",
                facts=(_event("c", "\"Quay Street\" opens in cinemas on Friday.", "Quay Street opens in cinemas",
                              "Quay Street", _day(3)),))
    ahead = next(s for s in compose_digest([a, b, c], day=DAY, options=ComposeOptions()).sections if s.kind == "ahead")
    assert [i.story_id for i in ahead.items] == ["a", "c"]


def test_the_story_actor_leaves_out_a_date_in_the_headline_name() -> None:
    from newsbrief.digest.looking_ahead import story_actor

    court = _bundle("c", ["Ledger"], ["The Harwick High Court on Tuesday asked the cell to rule.", "It has two days."],
                    score=1, headline="Harwick High Court on Tuesday asks cell to rule")
    assert story_actor(court) == "Harwick High Court"



def test_a_town_that_says_where_a_person_is_from_is_not_the_story_actor() -> None:
    from newsbrief.digest.looking_ahead import story_actor

    trial = _bundle("t", ["Ledger"], ["A jury was seated in the trial of a Harwick man.", "Opening arguments are Tuesday."],
                    score=1, headline="Jury seated in trial of Harwick man, opening arguments Tuesday")
    assert story_actor(trial) == ""
    named = _bundle("n", ["Ledger"], ["Tomas Vell, a Harwick man, goes on trial.", "Opening arguments are Tuesday."],
                    score=1, headline="Harwick man Tomas Vell goes on trial")
    assert story_actor(named) == "Tomas Vell"
    trio = _bundle("r", ["Ledger"], ["Three men from Harwick appeared in court.", "A trial date is set."],
                   score=1, headline="THREE men from Harwick due to enter a plea")
    assert story_actor(trio) == ""


def test_a_commentary_gives_no_roundup_line_and_stays_a_one_liner() -> None:
    rule = Regulation("Device Longevity Regulation", "European Commission", ("c0",),
                      "The European Commission proposed the Device Longevity Regulation.", status="proposed")
    news = _bundle("n", ["Ledger"], ["The European Commission proposed the Device Longevity Regulation."], score=2,
                   facts=(rule,), headline="EU proposes longer-lasting phones")
    blog = _bundle("c", ["Blog"], ["We think the Commission's rules on phones miss the point."], score=1, facts=(
        dataclasses.replace(rule, article_ids=("c0",)),), headline="Why the phone rules miss the point")
    blog = dataclasses.replace(blog, ranked=dataclasses.replace(blog.ranked, kind="opinion or commentary"))
    news = dataclasses.replace(news, ranked=dataclasses.replace(news.ranked, kind="hard news: government"))
    digest = compose_digest([news, blog], day=DAY, options=ComposeOptions(max_stories=0))
    kinds = {s.kind: s for s in digest.sections}
    assert [i.story_id for i in kinds["regulation"].items] == ["n"]
    assert [i.story_id for i in kinds["short"].items] == ["c"]


@pytest.mark.parametrize(("sentence", "what", "who"), [
    ("The launch of the new service is set for Friday.", "launch of the new service", ""),  # whose service?
    ("Fans can vote for him on Friday.", "Fans can vote for him", "Fans"),  # who is he?
    ("The club will begin to take orders for them at the hall on Friday.",
     "The club will begin to take orders for them at the hall", "The club"),
    ("Members of Regis Corporation's salons will join forces on Friday.", "join forces", "Regis Corporation's"),
])
def test_a_calendar_line_that_does_not_read_alone_is_left_out(sentence: str, what: str, who: str) -> None:
    a = _bundle("a", ["Ledger"], ["The hall reopens on Friday."], score=1, facts=(_event("a", sentence, what, who, _day(3)),))
    digest = compose_digest([a], day=DAY, options=ComposeOptions())
    assert not next(s for s in digest.sections if s.kind == "ahead").items


def test_a_rules_deadline_that_names_no_one_gives_no_calendar_line() -> None:
    rule = Regulation("rules criminalizing illegal border crossings", "", ("r0",),
                      "The rules criminalizing illegal border crossings apply from Tuesday.", status="enacted",
                      deadline=_day(4))
    r = _bundle("r", ["Ledger"], ["New rules on border crossings apply from Tuesday."], score=1, facts=(rule,))
    digest = compose_digest([r], day=DAY, options=ComposeOptions())
    assert not next(s for s in digest.sections if s.kind == "ahead").items


def test_every_item_of_a_week_ahead_listing_reaches_the_calendar() -> None:
    from newsbrief.facts.core import extract_facts, merge_facts

    listing = ("What is coming up for markets this week.\n\nWEDNESDAY, September 10\n\n"
               "Leeds - Northgate Bank trading update\n\nHull - Office for Statistics retail sales for August\n\n"
               "THURSDAY, September 11\n\nLeeds - Harbourline chief executive Ada Brook speaks at the Port Users lunch\n\n"
               "This list first ran in the Weekly Ledger.")
    article = make_article("w0", outlet="Ledger", title="Week ahead", text=listing, day=DAY.isoformat())
    facts = tuple(f for f in merge_facts(extract_facts([article], use_model=False)) if isinstance(f, Event))
    bundle = StoryBundle(RankedStory("w", 2.0, {"sources": 1.0}), Summary("w", "Week ahead", ((CitedSentence(
        "What is coming up for markets this week.", ("w0",)),),)), (article,), DAY, None, facts)
    ahead = next(s for s in compose_digest([bundle], day=DAY, options=ComposeOptions()).sections if s.kind == "ahead")
    lines = [i.paragraphs[0][0].text for i in ahead.items]
    assert len(lines) == 3, lines
    assert any("Northgate Bank" in t and "trading update" in t for t in lines)
    assert any("Ada Brook" in t and "Port Users lunch" in t for t in lines)


def test_a_calendar_line_on_a_surname_alone_names_the_person_as_the_article_does() -> None:
    talks = _bundle("t", ["Ledger"], ["Rebel leader Oren Maddak says talks will resume.", "Maddak will attend the talks in "
                                      "Tarn on Thursday, his aide said."], score=3, headline="Tarn peace talks to resume",
                    facts=(_event("t", "Maddak will attend the talks in Tarn on Thursday, his aide said.",
                                  "Maddak will attend the talks in Tarn", "Maddak", _day(2)),))
    digest = compose_digest([talks], day=DAY, options=ComposeOptions())
    ahead = next(s for s in digest.sections if s.kind == "ahead")
    assert [s.text for i in ahead.items for p in i.paragraphs for s in p] == ["Oren Maddak: attend the talks in Tarn"]
    # a surname the article gives two first names, or none, stays as it is
    from newsbrief.summarize.references import full_name

    assert full_name("Maddak", "Oren Maddak and Lia Maddak spoke. Maddak left.") == ""
    assert full_name("Maddak", "Maddak left.") == ""
    assert full_name("Maddak", "Rebel leader Oren Maddak spoke.") == "Oren Maddak"


@pytest.mark.parametrize(("intro", "sentence", "what", "who", "line"), [
    # a noun-phrase line ("Hale arraignment"), with the middle name the recogniser reads
    ("Police arrested 19-year-old Tobias Renwick Hale on Monday.", "Hale is scheduled for arraignment at 2 p.m. Friday.",
     "Hale is scheduled for arraignment at 2 p.m", "Hale", "Tobias Renwick Hale arraignment"),
    # an honorific goes, an office stays
    ("Opposition leader Elias Harrow spoke to his MPs on Monday.",
     "Mr Harrow will attend the harbour commemorations on Friday.", "Mr Harrow will attend the harbour commemorations",
     "Mr Harrow", "Elias Harrow: attend the harbour commemorations"),
    ("Migration Commissioner Dana Halvik met the ministers on Monday.",
     "Commissioner Halvik will visit the Tarn border post on Friday.", "Commissioner Halvik will visit the Tarn border post",
     "Commissioner Halvik", "Commissioner Dana Halvik: visit the Tarn border post"),
])
def test_a_calendar_line_names_a_person_as_the_article_does(intro: str, sentence: str, what: str, who: str,
                                                             line: str) -> None:
    event = Event(what, ("p0",), sentence, who=who, start=_day(4), end=_day(4), when_text="Friday")
    story = _bundle("p", ["Ledger"], [intro, sentence], score=3, headline="In the news", facts=(event,))
    ahead = next(s for s in compose_digest([story], day=DAY, options=ComposeOptions()).sections if s.kind == "ahead")
    assert [s.text for i in ahead.items for p in i.paragraphs for s in p] == [line]


def test_a_name_inside_a_quoted_title_stays_as_the_title_writes_it() -> None:
    sentence = '"Rook vs. Varga" was written by Dana Holt and is due out later this month.'
    event = Event('"Rook vs. Varga" was written by Dana Holt and is due out', ("q0",), sentence, who="",
                  start=_day(1), end=_day(21), when_text="later this month")
    book = _bundle("q", ["Ledger"], ["Quarterback Tom Rook led the Harbour Gulls to the title.", sentence], score=3,
                   headline="A book on two quarterbacks", facts=(event,))
    ahead = next(s for s in compose_digest([book], day=DAY, options=ComposeOptions()).sections if s.kind == "ahead")
    assert [s.text for i in ahead.items for p in i.paragraphs for s in p] == ["Rook vs. Varga due out"]


def test_a_full_name_takes_the_given_names_and_never_an_office() -> None:
    from newsbrief.summarize.references import full_name

    assert full_name("Hale", "Police arrested 19-year-old Tobias Renwick Hale on Monday. Hale left.") \
        == "Tobias Renwick Hale"
    assert full_name("Hale", "Defence lawyer Tobias Hale spoke on Monday. Hale left.") == "Tobias Hale"
    assert full_name("Halvik", "Commissioner Halvik met the ministers on Monday. Halvik left.") == ""
    # an office holder is not another person of that name: the president's wife is not the president
    assert full_name("Halvik", "President Halvik will fly in on Friday with Irena Halvik. Halvik spoke.") == ""
    assert full_name("Halvik", "President Tomas Halvik arrived. President Halvik spoke.") == "Tomas Halvik"


def test_one_scheduled_decision_told_in_other_words_by_two_stories_is_one_line() -> None:
    a = _bundle("a", ["Ledger"], ["Markets wait."], score=2, headline="Markets wait for the bank", facts=(
        _event("a", "At a two-day meeting starting Wednesday, Tarn Bank officials will decide whether to raise interest "
                    "rates.", "Tarn Bank officials will decide whether to raise interest rates", "Tarn Bank officials",
               _day(1), _day(2)),))
    b = _bundle("b", ["Wire"], ["Economists split."], score=1, headline="Economists split on the bank", facts=(
        _event("b", "Economists are split over whether the central bank will raise rates on Thursday for the first time "
                    "since 2021.", "the central bank will raise rates for the first time since 2021", "central bank",
               _day(2)),))
    c = _bundle("c", ["Post"], ["Games."], score=0.5, headline="Cup week", facts=(
        _event("c", "England will play Fiji in the Harbour Cup on Thursday.", "England will play Fiji in the Harbour Cup",
               "England", _day(2)),
        _event("c", "Wales will play Uruguay in the Harbour Cup on Thursday.", "Wales will play Uruguay in the Harbour Cup",
               "Wales", _day(2)),))
    d = _bundle("d", ["Post"], ["Films."], score=0.4, headline="Film week", facts=(
        _event("d", "Quay Street opens in cinemas on Thursday.", "Quay Street opens in cinemas", "Quay Street", _day(2)),))
    e = _bundle("e", ["Post"], ["Films."], score=0.3, headline="Another film", facts=(
        _event("e", "Harbour Lights opens in cinemas on Thursday.", "Harbour Lights opens in cinemas", "Harbour Lights",
               _day(2)),))
    ahead = next(s for s in compose_digest([a, b, c, d, e], day=DAY, options=ComposeOptions()).sections
                 if s.kind == "ahead")
    lines = [i.paragraphs[0][0].text for i in ahead.items]
    assert sum("rates" in line for line in lines) == 1 and any(line.startswith("Tarn Bank") for line in lines)
    assert sum("Harbour Cup" in line for line in lines) == 2
    assert sum("cinemas" in line for line in lines) == 2
