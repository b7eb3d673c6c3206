"""Newsworthiness in ranking: independent outlets, items that are not news, outlets' history."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from factories import make_article

from newsbrief.digest.newsworthiness import independent_groups, junk_reason, source_priors
from newsbrief.digest.rank import WEIGHTS, StoryInput, rank_stories

DAY = dt.date(2026, 11, 27)

PORT_TEXT = (
    "The harbour authority of Calder Bay voted on Thursday to close the old container port by 2029 and move "
    "its cranes to a new deep-water terminal north of the city. Mayor Ines Varga said the move would cut "
    "truck traffic through the old town by half. Dock workers' unions said they had not been consulted and "
    "called a meeting for Monday. The terminal will cost 1.2 billion euros, paid in part by a port levy on "
    "shipping lines, and the authority expects the first ships to berth there in the spring of 2029."
)
PORT_TEXT_2 = (
    "Calder Bay will shut its old container port by 2029, the harbour authority decided on Thursday, moving "
    "cargo to a deep-water terminal being built north of the city. The unions representing dock workers "
    "criticised the decision and Mayor Ines Varga defended it, saying fewer trucks would cross the old town. "
    "Shipping lines will pay part of the 1.2 billion euro cost through a levy, and the first berths are due "
    "to open in 2029 if construction stays on schedule through two more winters."
)
TICKER_TEXT = (
    "Quillon Robotics (NASDAQ:QLRB) had its rating upgraded by analysts at Hartwell Securities from a hold "
    "rating to a buy rating in a note issued to investors on Thursday. The brokerage now has a price target "
    "of $42.00 on the stock. Shares of Quillon Robotics opened at $35.10 on Thursday. The company has a "
    "market capitalization of $1.9 billion and a price-to-earnings ratio of 31.4. Receive news and ratings "
    "for Quillon Robotics daily by entering your email address below to get the latest analyst ratings."
)


def _story(sid: str, items: list[tuple[str, str, str]]) -> StoryInput:
    arts = tuple(make_article(f"{sid}-{i}", outlet=o, title=t, text=x, hour=8 + i) for i, (o, t, x) in enumerate(items))
    return StoryInput(sid, arts, DAY)


def test_a_ticker_item_ranks_below_a_two_outlet_story_and_is_marked_not_news() -> None:
    port = _story("port", [("Calder Courier", "Calder Bay to close old container port by 2029", PORT_TEXT),
                           ("Coastline Radio", "Harbour authority moves cargo to new terminal", PORT_TEXT_2)])
    ticker = _story("tick", [("Ratings Digest", "Quillon Robotics (QLRB) Upgraded to Buy at Hartwell Securities",
                              TICKER_TEXT)])
    ranked = rank_stories([ticker, port], day=DAY)
    assert [r.story_id for r in ranked] == ["port", "tick"]
    by_id = {r.story_id: r for r in ranked}
    assert by_id["tick"].junk == "analyst rating change" and by_id["tick"].parts["content"] == -1.0
    assert by_id["port"].junk == "" and by_id["port"].parts["content"] == 0.0 and by_id["port"].outlets == 2
    for r in ranked:
        assert set(r.parts) == set(WEIGHTS)
        assert abs(sum(WEIGHTS[k] * v for k, v in r.parts.items()) - r.score) < 1e-3


def test_a_teaser_from_a_second_outlet_is_not_corroboration() -> None:
    story = _story("port", [("Calder Courier", "Calder Bay to close old container port by 2029", PORT_TEXT),
                            ("Headline Hub", "Calder Bay to shut port", "Calder Bay will shut its port. Read more.")])
    ranked = rank_stories([story], day=DAY)[0]
    assert ranked.outlets == 1 and ranked.parts["content"] == -0.5 and ranked.junk == ""


def test_near_copies_and_feeds_of_one_outlet_are_one_voice() -> None:
    copy = PORT_TEXT.replace("on Thursday", "on Thursday evening")
    arts = (
        make_article("a", outlet="Calder Courier", title="Calder Bay to close old container port", text=PORT_TEXT),
        make_article("b", outlet="Calder Courier", title="Port closure: what it means", text=PORT_TEXT_2,
                     url="http://caldercourier.example/business/b"),
        make_article("c", outlet="Valley Wire", title="Old port to close", text=copy),
    )
    groups = independent_groups(arts)
    assert [[a.id for a in g] for g in groups] == [["a", "b", "c"]]
    other = make_article("d", outlet="Coastline Radio", title="Harbour authority moves cargo", text=PORT_TEXT_2 + " More.")
    assert len(independent_groups(arts[:1] + (other,))) == 2
    ranked = rank_stories([StoryInput("s", arts, DAY)], day=DAY)
    assert ranked[0].outlets == 1 and ranked[0].parts["sources"] == 1.0


def test_paywall_stubs_and_prompts_are_not_news() -> None:
    assert junk_reason("Council approves budget", "The council approved the budget. Subscribe to read more.") == \
        "stub (very short text)"
    teaser = " ".join(["The council met on Tuesday night and talked about the new budget for the coming year."] * 5)
    assert junk_reason("Council approves budget", teaser + " Already a subscriber? Log in to continue reading.") == \
        "stub (subscription or read-more prompt)"
    assert junk_reason("Calder Bay to close old container port by 2029", PORT_TEXT) == ""


def test_a_short_wire_brief_is_news_but_an_empty_one_is_a_stub() -> None:
    brief = ("Twelve people were hurt when a ferry struck the pier at Calder Bay on Tuesday, port officials said. "
             "Two of them were taken to hospital in the city with serious injuries.")
    assert junk_reason("Twelve hurt as ferry hits pier", brief) == "stub (very short text)"
    assert junk_reason("Twelve hurt as ferry hits pier", brief, wire=True) == ""
    assert junk_reason("Twelve hurt as ferry hits pier", "Port officials said.", wire=True) == "stub (very short text)"


@pytest.mark.parametrize(("title", "opening"), [
    ("99 CENT BOOK FIND: The Captain's Earl by J. Reyes", "Available for JUST 99 CENTS is The Captain's Earl, a novel."),
    ("Harbour Mart: 8-piece bed sets", "Bed sets are on sale for only $39.99 this week at Harbour Mart."),
    ("Marine sonar fish finder with LCD display", "A waterproof sonar unit for boats. Click here to buy."),
    ("Saints power rankings for week one", "Season tickets are going fast, get yours today."),
])
def test_a_sellers_offer_is_a_sales_advert(title: str, opening: str) -> None:
    filler = " ".join(["Numbers and trends for readers who follow the field closely every single week."] * 6)
    assert junk_reason(title, opening + " " + filler) == "sales advert"


def test_a_report_that_quotes_a_price_is_no_sales_advert() -> None:
    text = ("Quarry unveiled six new devices on Thursday, including a tablet that sells for just $49.99, and said "
            "it has a plan for its hardware business. " + PORT_TEXT)
    assert junk_reason("Quarry has six new devices and a plan for hardware", text) == ""


def test_general_patterns_of_items_that_are_not_news() -> None:
    filler = " ".join(["Numbers and trends for readers who follow the field closely every single week."] * 6)
    assert junk_reason("Global Smart Valve Market Research Report 2015-2020", filler) == "market-research report promo"
    assert junk_reason("Your horoscope for Friday", filler) == "puzzle, horoscope or lottery"
    assert junk_reason("Winning numbers drawn in Saturday's lottery", filler) == "puzzle, horoscope or lottery"
    assert junk_reason("Pellworth Mining (PWM) Showing Bearish Technicals With Support at $4.10",
                       "Shares of Pellworth Mining (NYSE:PWM) " + filler) == "stock-market template"
    # A headline with a wire or format label in parentheses is not a ticker item.
    assert junk_reason("Storm closes coastal road (VIDEO)", PORT_TEXT.replace("harbour", "storm")) != \
        "ticker symbol in the headline"
    # A page whose text tells another story than its headline (a link list, a gallery).
    assert junk_reason("Minister resigns over hospital contracts", PORT_TEXT) == "text does not tell its headline"


def _varied(seed: int) -> str:
    words = (PORT_TEXT + " " + PORT_TEXT_2).lower().replace(".", "").replace(",", "").split()
    random.Random(seed).shuffle(words)
    return " ".join(words[:80]) + "."


def _history(outlet: str, n: int, *, corroborated: bool, template: bool) -> list:
    rows = []
    for i in range(n):
        title = f"Firm{i} Co (FC{i}) Rating Reaffirmed at Bank{i}" if template else " ".join(_varied(100 + i).split()[:7])
        text = (f"Firm{i} Co had its rating reaffirmed by analysts at Bank{i} in a note issued on Monday. " * 3
                if template else _varied(i))
        a = make_article(f"{outlet}-{i}", outlet=outlet, title=title, text=text)
        rows.append((a, f"{outlet}-s{i}"))
        if corroborated:
            rows.append((make_article(f"{outlet}-{i}-x", outlet="Elsewhere", title=f"Other {i}", text=PORT_TEXT_2),
                         f"{outlet}-s{i}"))
    return rows


def test_source_priors_learn_corroboration_and_templates_from_history() -> None:
    history = _history("Template Wire", 30, corroborated=False, template=True)
    history += _history("City Desk", 30, corroborated=True, template=False)
    history += _history("Small Blog", 30, corroborated=False, template=False)
    priors = source_priors(history)
    spam, desk, blog = (priors.quality(k) for k in ("template wire", "city desk", "small blog"))
    assert spam[0] < 0 and spam[1] == 1.0
    assert desk[0] > 0 and desk[1] == 0.0
    assert blog[0] < 0 and blog[1] == 0.0
    assert priors.quality("unknown outlet") == (0.0, 0.0)
    # A story is not its own evidence: leaving its articles out removes their weight.
    assert priors.quality("city desk", exclude=[a.id for a, _ in history if a.outlet == "City Desk"]) == (0.0, 0.0)
    story = StoryInput("t", (make_article("new", outlet="Template Wire", title="Acme Co (ACM) news", text=PORT_TEXT),), DAY)
    ranked = rank_stories([story], day=DAY, priors=priors)[0]
    assert ranked.parts["corroboration"] < 0 and ranked.parts["templated"] == -1.0


def test_satire_that_says_so_is_not_news() -> None:
    text = ("Local founder Barnaby Quist closed a $12 seed round led by his mother on Friday, valuing his company "
            "at a billion dollars. He will hire a chief vibes officer with the money and buy a second whiteboard. "
            "The family dog takes a board seat. " * 2 + "\n\nWeekend Chuckles is the Harbour Post's satire column: "
            "the people and quotes in it are invented.")
    assert junk_reason("Founder raises $12 seed round from his mum", text) == "satire (says so itself)"
    news = ("Comedians gathered in Orrick on Friday to discuss the history of political satire, and the festival "
            "director said ticket sales had doubled. " * 4)
    assert junk_reason("Orrick comedy festival doubles ticket sales", news) == ""


@pytest.mark.parametrize("title", [
    "Vine: Harbour council announces the vote result - @harbourpost",
    "DanaHolt tweeted: Will you read this, please? It's two lines long. @OrrickAid",
    "Photo: Flooding on the Aldmouth quay \u2013 @quaywatch",
])
def test_a_social_media_post_embedded_as_an_item_is_not_news(title: str) -> None:
    text = "The harbour council counted the votes on Tuesday and the new quay plan passed by nine to three. " * 3
    assert junk_reason(title, text) == "social-media post"


@pytest.mark.parametrize("title", [
    "Singer posts a photo on Instagram and answers her critics",
    "Harbour council replies to critics on Twitter after quay vote",
    "Orrick mayor: we will rebuild the quay",
])
def test_a_story_about_social_media_is_news(title: str) -> None:
    text = f"{title}, the Harbour Post reported on Tuesday. " + "The quay plan passed by nine votes to three. " * 12
    assert junk_reason(title, text) == ""


def test_market_forecast_report_without_a_year_is_a_promo() -> None:
    text = ("The report covers drivers, restraints and vendors of the smart lighting industry across regions, "
            "with profiles of leading companies and a chapter on pricing. " * 3)
    assert junk_reason("Smart lighting market forecast report published", text) == "market-research report promo"
    assert junk_reason("Smart lighting market to grow, says new research study", text) == ""


@pytest.mark.parametrize(("title", "lead"), [
    ("Harbour Cranes Market Worth USD 3.2 Billion by 2021", "The report covers vendors and regions."),
    ("Quarry Sensors Market Analysis -Size, Share, Growth, Trends and Forecasts To 2024: Orrick Research",
     "The report covers vendors and regions."),
    ("Tide gauge market set for strong growth", "The global tide gauge market size is expected to reach USD 1.2 billion by "
     "2024, according to a new report by Orrick Research, Inc."),
])
def test_market_research_adverts_told_by_size_and_forecast(title: str, lead: str) -> None:
    text = lead + " " + "It profiles leading companies and covers pricing across regions in detail. " * 4
    assert junk_reason(title, text) == "market-research report promo"


def test_a_market_report_of_news_is_no_advert() -> None:
    text = ("Shares in Quarry rose 4% after the harbour cranes market leader said orders were worth $2 billion, "
            "analysts said, and the company expects to hire 300 people by 2024. ") * 3
    assert junk_reason("Crane maker's orders lift its shares", text) == ""
