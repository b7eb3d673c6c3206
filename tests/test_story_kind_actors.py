"""What an editor weighs beyond outlet counts: the kind of story and the weight of its actors."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import make_article

from newsbrief.digest.newsworthiness import ENTERTAINMENT, actor_weights, story_kind
from newsbrief.digest.rank import StoryInput, rank_stories

DAY = dt.date(2026, 11, 27)

FLOOD = ("Floods forced 3,000 people from their homes in Ostrava overnight after two days of rain, and the "
         "government sent army trucks to help the evacuation, the interior minister said on Friday.")


@pytest.mark.parametrize(("title", "text", "label"), [
    ("Harrow Foods to host fourth-quarter results conference call", "Harrow Foods will host a call for analysts.",
     "results-call notice"),
    ("Research notes on shipping stocks: Calder Lines, Brume Freight", "Analysts at a brokerage wrote.",
     "analyst note"),
    ("Pell Street Bank appoints Ana Ruiz as chief financial officer", "Pell Street Bank said on Friday.",
     "personnel appointment"),
    ("Rugby league fixtures: the full schedule for the new season", "Here are the dates of every game.",
     "sports fixture or preview"),
    ("Brightmoss launches a new line of garden lamps", "The lamps are available at garden centres and priced at $40.",
     "product promo"),
    ("Obituary: Marta Keldwick, 88, of Orrick", "Marta Keldwick passed away on Tuesday.", "obituary or listing"),
    # a family's death notice under the name alone
    ("Marta Keldwick", "Marta passed away on Tuesday at home. A celebration of Marta's life will be held on Friday at "
     "the Orrick chapel. In lieu of flowers, gifts may go to the library.", "obituary or listing"),
    ("Morning News Headlines", "Court jails Orrick mayor. Floods close two roads. Stocks fall.", "news roundup"),
    ("The 7 at 7: Thursday", "Seven stories to start your day: a court, a storm and a market slide.", "news roundup"),
    ("Your daily look at late-breaking news and upcoming events", "A court, a storm, a vote.", "news roundup"),
    ("Weekend links roundup: ports, pylons and a president", "Links to read: a war, a strike.", "news roundup"),
    ("Port strike in Kessa, a storm off Orrick and more: Links 2 on May 4", "1. Dockers walk out.", "news roundup"),
    ("Friday links: pylons, ports and pies", "Some reading for the weekend.", "news roundup"),
    ("Halden Tools and Orrick Foods are big market movers", "Stocks that moved substantially or traded heavily "
     "Tuesday: Halden Tools, up $4.53 to $50.47.", "analyst note"),
    ("Kessa votes on the budget; a storm nears Orrick (10 things to know for Tuesday)",
     "Your daily look at the stories that will be talked about Tuesday: 1. The budget vote.", "news roundup"),
])
def test_kinds_an_editor_ranks_below_hard_news_score_minus_one(title: str, text: str, label: str) -> None:
    assert story_kind(title, text) == (label, -1.0)


def test_a_death_reported_as_news_is_no_death_notice() -> None:
    kind, value = story_kind("Orrick mayor Marta Keldwick dies at 88",
                             "Marta Keldwick, mayor for 20 years, died on Tuesday. A memorial service will be held Friday.")
    assert kind != "obituary or listing" and value > 0


def test_hard_news_scores_by_kinds_in_headline_and_opening() -> None:
    label, value = story_kind("Floods force 3,000 from their homes as army joins rescue", FLOOD)
    assert label == "hard news: conflict, disaster, government" and value == 1.0
    assert story_kind("Ostrava floods force 3,000 from their homes", "Rain fell for two days.") == (
        "hard news: disaster", 0.5)
    assert story_kind("A quiet weekend at the garden show", "Visitors admired roses and lilies.") == ("other news", 0.0)


def test_a_county_s_or_a_city_s_government_is_local_news_not_government() -> None:
    local = story_kind("Orrick County sends trade mission to Kessa",
                       "Orrick County Government representatives will visit two firms in Kessa next week.")
    assert local == ("other news", 0.0)
    assert story_kind("Kessa government sends trade mission abroad",
                      "The Kessa government will visit two firms next week.")[0] == "hard news: government"


COLUMN = ("Imagine a city where every bus runs on time. We have been promised it for years, and our patience is gone. "
          "I remember the last mayor saying the same thing. Let's ask the council what happened to the money. "
          "The new plan is due in March.")
REPORT = ("\"We have been promised it for years, and our patience is gone,\" said Ana Ruiz, who leads the riders' group. "
          "\"I remember the last mayor saying the same thing,\" she added. The mayor said we would see new buses in "
          "March, according to the council. The new plan is due in March.")


def test_a_writers_own_voice_makes_commentary_and_quoted_voices_do_not() -> None:
    assert story_kind("The buses of Orrick", COLUMN) == ("opinion or commentary", -1.0)
    assert story_kind("Orrick riders demand better buses", REPORT)[0] == "other news"


# A winner's words quoted over three paragraphs, the way papers print it: each paragraph reopens the quotation and
# only the last one closes it, so pairing the marks across paragraphs would leave its middle outside them.
INTERVIEW = ("Dana Okafor won the Marlow Open final in four sets on Sunday, her third title of the season.\n"
             "Okafor saved nine of eleven break points and won the last four games.\n"
             "\"My plan was simple: keep the rallies long. I expected noise from the stands.\n"
             "\"My coach and I studied her serve all week. I trusted that work. Our whole team did.\n"
             "\"In the fourth set my legs were gone. I'm glad it ended when it did,\" Okafor said.\n"
             "The title is her third of the season.")


def test_a_quotation_over_several_paragraphs_is_not_the_writers_voice() -> None:
    assert story_kind("Okafor beats Ruiz to win the Marlow Open", INTERVIEW)[0] == "other news"
    # the same sentences outside quotation marks are the writer's
    assert story_kind("My Marlow Open", INTERVIEW.replace('"', ""))[0] == "opinion or commentary"
    # a quotation mark left open at a paragraph's end quotes the rest of that paragraph only
    glued = "Okafor was asked about the crowd. She said: \"I was nervous. My family sat behind the baseline. I saw them. We all cried.\n"
    assert story_kind("Okafor on the crowd", glued + "The title is her third.")[0] == "other news"


def test_one_outlets_column_does_not_make_a_reported_story_commentary() -> None:
    from newsbrief.digest.rank import _kind

    column = make_article("c1", outlet="Orrick Opinion", title="The buses of Orrick", text=COLUMN)
    report = make_article("r1", outlet="Orrick Wire", title="Orrick riders demand better buses", text=REPORT)
    assert _kind([[column], [report]])[0] == "other news"
    assert _kind([[column]])[0] == "opinion or commentary"


def test_a_wire_press_release_loses_half() -> None:
    text = ("ORRICK, Nov. 27, 2026 /PRNewswire/ -- Halden Tools today announced its new headquarters.\n"
            "About Halden Tools\nHalden Tools makes hand tools.")
    assert story_kind("Halden Tools announces new headquarters", text) == ("press release", -0.5)


@pytest.mark.parametrize("opening", [
    "(September 27, 2031) DUNMORE, Ala. (PRWEB) September 27, 2031",
    "Varnholt, WI (PRLog) September 14, 2031",
])
def test_releases_of_other_wires_are_press_releases(opening: str) -> None:
    text = (f"{opening}\nLast week Tom Reyes filed a class action lawsuit against Korvath Motors in the district "
            "court over its diesel cars.\nPlease call the firm for a free consultation.")
    assert story_kind("Dunmore man files class action lawsuit against Korvath", text)[0] == "press release"



@pytest.mark.parametrize(("opening", "closing"), [
    ("Varnholt, UK -- (SBWIRE) -- 09/15/2031 -- Tom Reyes filed a class action lawsuit against Korvath Motors.", ""),
    ("For Immediate Release\nTom Reyes filed a class action lawsuit against Korvath Motors.", ""),
    ("Tom Reyes filed a class action lawsuit against Korvath Motors.",
     "View source version on businesswire.com: http://www.businesswire.com/news/home/1/en/"),
    ("Tom Reyes filed a class action lawsuit against Korvath Motors.", "For media enquiries, please contact: Jo Lane"),
    ("Tom Reyes filed a class action lawsuit against Korvath Motors.",
     "The firm is accepting new cases. Visit www.reyes-law.example for more information."),
    ("Tom Reyes filed a class action lawsuit against Korvath Motors.",
     "For more information, please visit www.reyes-law.example."),
])
def test_a_release_header_contact_or_call_to_the_site_makes_a_press_release(opening: str, closing: str) -> None:
    text = f"{opening}\nThe suit concerns its diesel cars.\n{closing}"
    assert story_kind("Dunmore man files class action lawsuit against Korvath", text)[0] == "press release"


def test_a_report_that_points_to_a_charity_is_no_press_release() -> None:
    text = ("The flood forced 3,000 people from their homes on Friday, the interior minister said.\n"
            "Donations can be made through the Red Cross website, www.redcross.example.")
    assert story_kind("Flood forces thousands from homes", text)[0] != "press release"

BODY = ("Officials met on Friday and talked for hours about roads, schools and the budget for next year. "
        "Residents who came to listen said they wanted answers on bus routes, on rents and on the cost of "
        "heating, and several asked when the old market hall would open again after its long repairs. ") * 2


def _day(names_by_outlet: dict[str, str]) -> list:
    return [make_article(f"a{i}", outlet=o, title=t, text=t + ". " + BODY)
            for i, (o, t) in enumerate(names_by_outlet.items())]


def test_actor_weight_counts_other_outlets_naming_the_actor() -> None:
    arts = _day({f"Outlet {i}": "Talks in Valmora stall" for i in range(6)} | {"Outlet X": "Orrick fair opens",
                                                                            "Outlet Y": "Orrick fair closes"})
    weights = actor_weights(arts)
    story = [make_article("s", outlet="Outlet 0", title="Valmora president flies home")]
    value, names = weights.weight(story)
    assert names == ("Valmora",) and value > 0
    small, small_names = weights.weight([make_article("o", outlet="Outlet X", title="Orrick fair opens")])
    # Orrick: named by one outlet besides the story's own, Valmora by five.
    assert small_names == ("Orrick",) and 0 < small < value
    # A story is not its own evidence: only the outlets that name Valmora.
    assert weights.weight([make_article(f"v{i}", outlet=f"Outlet {i}", title="Valmora") for i in range(6)]) == (0.0, ())


def test_a_sentence_opening_word_is_not_an_actor() -> None:
    arts = [make_article(f"a{i}", outlet=f"O{i}", title="Harbour news",
                         text="Meanwhile the port opened. Yesterday it rained. Still the port is busy and "
                              "still growing; ships still come.")
            for i in range(5)]
    assert "Still" not in actor_weights(arts).outlets


def test_one_outlet_hard_news_with_weighty_actors_outranks_a_two_outlet_appointment() -> None:
    others = tuple(make_article(f"o{i}", outlet=f"Paper {i}", title=f"Valmora government faces vote {i}",
                                text=f"Valmora lawmakers debated item {i}. " + BODY) for i in range(5))
    hard = StoryInput("hard", (make_article("h", outlet="Paper H", title="Valmora troops cross border as talks fail",
                                            text=FLOOD),), DAY)
    hire = StoryInput("hire", (
        make_article("p1", outlet="Wire A", title="Pell Street Bank appoints Ana Ruiz as chief financial officer",
                     text="Pell Street Bank named Ana Ruiz its chief financial officer on Friday. " * 8),
        make_article("p2", outlet="Wire B", title="Pell Street Bank names Ana Ruiz chief financial officer",
                     text="Ana Ruiz joins Pell Street Bank as chief financial officer, the bank said. " * 8)), DAY)
    filler = [StoryInput(f"f{i}", (a,), DAY) for i, a in enumerate(others)]
    ranked = {r.story_id: r for r in rank_stories([hire, hard, *filler], day=DAY)}
    assert ranked["hire"].kind == "personnel appointment" and ranked["hire"].parts["kind"] == -1.0
    assert ranked["hard"].kind.startswith("hard news") and ranked["hard"].parts["kind"] == 1.0
    assert ranked["hard"].actors[0] == "Valmora" and ranked["hard"].parts["actors"] > 0
    assert ranked["hard"].score > ranked["hire"].score


CRASH = ("Two northbound lanes of US 41 near mile marker 12 in Harlow County were blocked on Tuesday after a "
         "lorry overturned, troopers said. The county sheriff's office said one driver was taken to hospital and "
         "motorists were asked to use Route 9 while both lanes stay closed.")


def test_a_crash_told_as_a_local_report_is_a_local_incident() -> None:
    label, value = story_kind("Lorry crash blocks US 41 lanes in Harlow County", CRASH)
    assert label == "local incident" and value == -0.5
    # the same words in a story that is also about government or war are not a local incident
    assert story_kind("Minister visits crash site as army clears US 41", CRASH)[0].startswith("hard news")
    # a crash reported without the local report's words stays hard news
    assert story_kind("Lorry crash kills two in Harlow", "Two people died when a lorry overturned on Tuesday.") == (
        "hard news: disaster", 0.5)


def test_a_rescue_told_as_a_local_police_and_rescue_report_is_a_local_incident() -> None:
    text = ("Responders from the Harlow Police Department arrived at the Quayside senior community at 5:15 p.m., where a "
            "man of 81 had been pulled from the pool. Crews from the Harlow Fire Department and Marsh County EMS "
            "responded to the scene, and first responders began CPR.")
    assert story_kind("Man, 81, rescued after cardiac arrest while swimming", text)[0] == "local incident"


def test_a_local_incident_ranks_below_one_outlet_hard_news_of_the_same_strength() -> None:
    crash = make_article("l1", outlet="Harlow Radio", title="Lorry crash blocks US 41 lanes in Harlow County", text=CRASH)
    flood = make_article("f1", outlet="Ostrava Daily", title="Ostrava floods force 3,000 from their homes", text=FLOOD)
    ranked = rank_stories([StoryInput("crash", (crash,), DAY), StoryInput("flood", (flood,), DAY)], day=DAY)
    assert [r.story_id for r in ranked] == ["flood", "crash"]
    assert ranked[1].kind == "local incident"


def test_a_review_of_a_film_or_book_is_a_review_not_news() -> None:
    assert story_kind("Review: The Orrick Tapes is a slow, clever thriller", "The film follows a clerk.")[0] == "review"
    assert story_kind("The Orrick Tapes | Film review", "The film follows a clerk.")[0] == "review"
    plot = ("After a flood, a clerk and a judge hunt for missing tapes. \"The Orrick Tapes\" is a 1979 Czech "
            "crime film directed by Ana Ruiz.")
    label, value = story_kind("The Orrick Tapes (1979)", plot)
    assert label == "review" and value < 0
    # a news story about a review, or a headline ending in a year without a work, is not one
    assert story_kind("Judge orders review of flood defences in Orrick", FLOOD)[0].startswith("hard news")
    assert story_kind("Orrick flood toll (2026)", FLOOD)[0].startswith("hard news")


def test_a_film_franchise_named_for_war_is_no_conflict() -> None:
    assert story_kind("Star Wars game gets a beta before its release", "Players will get an early look in October.") == (
        "other news", 0.0)
    assert story_kind("Rebels attack army post", "Two soldiers were killed.")[0].startswith("hard news: conflict")


@pytest.mark.parametrize(("title", "kind", "value"), [
    ("Ridgeway star talks student loans with presidential candidate", ENTERTAINMENT, -0.5),
    ("Pop star dedicates song to the Pope", ENTERTAINMENT, -0.5),
    ("Singer and her boyfriend split after two years", ENTERTAINMENT, -1.0),
    ("Comedian admits his escape story was made up", ENTERTAINMENT, -1.0),
])
def test_entertainers_their_songs_and_romances_rank_below_hard_news(title: str, kind: str, value: float) -> None:
    assert story_kind(title, "") == (kind, value)


@pytest.mark.parametrize("title", [
    "Singer Jo Reyes dies at 70",  # a death is news whoever died
    "All-Star game moved to Denver",
    "Prosecutors call star witness in fraud trial",
    "Parliament passes budget after late-night vote",
])
def test_deaths_sport_and_hard_news_are_not_entertainment(title: str) -> None:
    assert story_kind(title, "")[0] != ENTERTAINMENT


@pytest.mark.parametrize("title", [
    "Editorial: Getting the budget back on track",
    "EDITORIAL: Bridges for Orrick",
    "Letter: A new council, the same potholes",
    "Opinion: Kessa should keep its trams",
    "Guest column - Why the harbour needs dredging",
    "Police chief should explain his remark | Editorial | Orrick Reporter",
    "COLUMN-RPT - As capital flees, the damage can be lasting",
])
def test_a_headline_labelled_as_opinion_is_commentary(title: str) -> None:
    kind, value = story_kind(title, "The council met on Tuesday and voted to close the depot, officials said.")
    assert kind == "opinion or commentary" and value < 0


@pytest.mark.parametrize("title", [
    "Opinion poll puts Kessa Labour ahead",
    "Columnist wins press award",
    "Letters show mayor knew of the leak",
])
def test_news_about_opinions_columns_or_letters_is_not_commentary(title: str) -> None:
    assert story_kind(title, "The council met on Tuesday and voted to close the depot, officials said.")[0] \
        != "opinion or commentary"
