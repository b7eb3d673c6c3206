"""The lede says who did what in the top stories, in their own cited words, and names no junk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from factories import make_article

from newsbrief.digest.compose import ComposeOptions, StoryBundle, compose_digest
from newsbrief.model import CitedSentence, FundingRound, Summary
from newsbrief.digest.rank import RankedStory

DAY = dt.date(2026, 11, 27)


def bundle(sid: str, headline: str, sentences: list[str], *, outlets: int = 2, score: float = 1.0, junk: str = "",
           facts: tuple = ()) -> StoryBundle:
    arts = tuple(make_article(f"{sid}{i}", outlet=f"Outlet {sid}{i}", title=headline, text=" ".join(sentences))
                 for i in range(outlets))
    cited = tuple(CitedSentence(s, (arts[i % len(arts)].id,)) for i, s in enumerate(sentences))
    ranked = RankedStory(sid, score, {"sources": 1.0, "content": -1.0 if junk else 0.0}, outlets=outlets, junk=junk)
    return StoryBundle(ranked, Summary(sid, headline, (cited,)), arts, DAY, None, facts)


def stories() -> list[StoryBundle]:
    fake_round = FundingRound("Quillon Robotics", 42e6, "USD", "", ("t0",), "Quillon Robotics raised a $42 price target.")
    real_round = FundingRound("Brightmoss", 8e6, "USD", "seed", ("f0",), "Brightmoss raised $8 million in a seed round.")
    return [
        bundle("t", "Quillon Robotics (QLRB) Upgraded to Buy", ["Quillon Robotics had its rating upgraded.",
               "The brokerage set a price target."], outlets=3, score=9.0, junk="analyst rating change",
               facts=(fake_round,)),
        bundle("p", "Pope Leo arrives in Valmora for a four-day visit",
               ["Pope Leo landed in Valmora on Friday and was greeted by President Ana Ruiz at the airport.",
                "Crowds lined the road into the capital."], score=5.0),
        bundle("e", "Ostrava floods force 3,000 from their homes",
               ["Rising rivers forced 3,000 people in Ostrava from their homes overnight.", "Rain is forecast."],
               score=4.0),
        bundle("s", "Keldwick council votes to keep the library open",
               ["The Keldwick council voted 7-2 to keep the central library open.", "A petition had 4,000 names."],
               score=3.0),
        bundle("f", "Brightmoss raises $8 million", ["Brightmoss raised $8 million in a seed round."], outlets=1,
               score=1.0, facts=(real_round,)),
    ]


def _names(text: str) -> set[str]:
    return {m.group(0) for m in re.finditer(r"\b[A-Z][a-z]+\b", text)} - {"Also", "Leading", "The", "Rain", "Crowds"}


def test_junk_gets_no_section_no_roundup_line_and_no_place_in_the_lede() -> None:
    digest = compose_digest(stories(), day=DAY, options=ComposeOptions())
    kinds = {s.kind: s for s in digest.sections}
    assert [i.story_id for i in kinds["stories"].items] == ["p", "e", "s"]
    assert [i.story_id for i in kinds["funding"].items] == ["f"]
    assert "t" in [i.story_id for i in kinds["short"].items]
    junk_item = next(i for i in kinds["short"].items if i.story_id == "t")
    assert junk_item.extra["not_news"] == "analyst rating change"
    lede = " ".join(s.text for s in digest.lede)
    assert "Quillon" not in lede and "t0" not in {i for s in digest.lede for i in s.article_ids}


def test_lede_tells_who_did_what_from_cited_sentences_and_headlines() -> None:
    bundles = stories()
    digest = compose_digest(bundles, day=DAY, options=ComposeOptions())
    lede = digest.lede
    assert 2 <= len(lede) <= 4
    assert lede[0] == CitedSentence(
        "Pope Leo landed in Valmora on Friday and was greeted by President Ana Ruiz at the airport.", ("p0",))
    # the next stories tell who did what in their own short first sentences
    assert lede[1] == CitedSentence("Rising rivers forced 3,000 people in Ostrava from their homes overnight.", ("e0",))
    assert lede[2] == CitedSentence("The Keldwick council voted 7-2 to keep the central library open.", ("s0",))
    assert lede[-1] == CitedSentence("Also today: funding for Brightmoss.", ("f0",))
    # Extractive: every name in the lede is in a sentence or headline of an article it cites.
    words = {i: f"{a.title} {a.text}" for b in bundles for a in b.articles for i in [a.id]}
    for s in lede:
        assert s.article_ids
        cited = " ".join(words[i] for i in s.article_ids)
        assert _names(s.text) <= _names(cited), s.text
    # No keyword themes: the lede does not label the visit with words its stories do not use.
    assert not re.search(r"\b(?:AI|regulation|deals|security|themes?)\b", " ".join(s.text for s in lede))


def test_a_long_first_sentence_gives_way_to_the_headline_in_one_also_leading_line() -> None:
    long_first = ("Rising rivers forced 3,000 people in Ostrava from their homes overnight, after two days of rain "
                  "that the regional weather office said was the heaviest it had measured in the town since records "
                  "began, and the army was sent to help.")
    bundles = stories()
    bundles[2] = bundle("e", "Ostrava floods force 3,000 from their homes", [long_first, "Rain is forecast."], score=4.0)
    bundles[3] = bundle("s", "Keldwick council votes to keep the library open",
                        ["A petition had 4,000 names.", "The Keldwick council voted 7-2 to keep it open."], score=3.0)
    lede = compose_digest(bundles, day=DAY, options=ComposeOptions()).lede
    assert lede[1].text == ("Also leading: Ostrava floods force 3,000 from their homes; "
                            "Keldwick council votes to keep the library open.")
    assert set(lede[1].article_ids) == {"e0", "e1", "s0", "s1"}


def test_the_lede_tells_the_stories_in_rank_order() -> None:
    bundles = stories()
    bundles[2] = bundle("e", "Ostrava floods force 3,000 from their homes",
                        ["Rain is forecast for the rest of the week across the region, and the army has been asked to "
                         "send trucks, boats and field kitchens to the worst hit streets of the old town.",
                         "Rising rivers forced 3,000 people in Ostrava from their homes."], score=4.0)
    lede = compose_digest(bundles, day=DAY, options=ComposeOptions()).lede
    assert [s.text[:20] for s in lede[:3]] == ["Pope Leo landed in V", "Also leading: Ostrav", "The Keldwick council"]


def test_a_teasing_headline_is_never_quoted_in_the_lede() -> None:
    tease = bundle("d", "Senate debate: What they missed",
                   ["From the opening statements to the closing minutes, the night had plenty for everyone, and the "
                    "viewers who tuned in late still saw the sharpest exchanges of the whole campaign so far, "
                    "observers said.", "Ratings were high."], score=9.0)
    question = bundle("w", "Will Orrick reopen its bridge?", ["Repairs continue.", "Traffic is slow."], score=8.0)
    bundles = [tease, question, *stories()[1:3]]
    lede = compose_digest(bundles, day=DAY, options=ComposeOptions()).lede
    text = " ".join(s.text for s in lede)
    assert "missed" not in text and "Orrick" not in text and "Leading today" not in text
    assert lede[0].text.startswith("Pope Leo landed in Valmora")
    assert lede[1].text.startswith("Rising rivers forced 3,000 people")


def test_lead_headline_stands_in_when_the_first_sentence_names_no_actor() -> None:
    b = bundle("q", "Harbin Steel halts two blast furnaces", ["Output fell sharply in the third quarter.",
               "Workers were sent home."], score=2.0)
    digest = compose_digest([b], day=DAY, options=ComposeOptions())
    assert digest.lede == (CitedSentence("Leading today: Harbin Steel halts two blast furnaces.", ("q0", "q1")),)


def test_a_story_told_by_one_outlet_plus_a_teaser_gets_no_full_section() -> None:
    told = bundle("w", "Orrick bridge reopens", ["The Orrick bridge reopened on Friday.", "Repairs took eight months."],
                  score=2.0)
    teased = dataclasses.replace(told, ranked=dataclasses.replace(told.ranked, outlets=1))
    full = {s.kind: [i.story_id for i in s.items] for s in
            compose_digest([teased], day=DAY, options=ComposeOptions()).sections}
    assert full["stories"] == [] and full["short"] == ["w"]
    full = {s.kind: [i.story_id for i in s.items] for s in
            compose_digest([told], day=DAY, options=ComposeOptions()).sections}
    assert full["stories"] == ["w"]


def test_one_outlet_story_that_is_hard_news_gets_a_full_section() -> None:
    told = bundle("w", "Orrick bridge collapses, two dead", ["The Orrick bridge collapsed on Friday.",
                  "Two drivers died."], outlets=1, score=2.0)
    hard = dataclasses.replace(told, ranked=dataclasses.replace(told.ranked, parts={"sources": 1.0, "kind": 0.5}))
    soft = dataclasses.replace(told, ranked=dataclasses.replace(told.ranked, parts={"sources": 1.0, "kind": 0.0}))
    sections = {s.kind: [i.story_id for i in s.items] for s in
                compose_digest([hard], day=DAY, options=ComposeOptions()).sections}
    assert sections["stories"] == ["w"]
    sections = {s.kind: [i.story_id for i in s.items] for s in
                compose_digest([soft], day=DAY, options=ComposeOptions()).sections}
    assert sections["stories"] == [] and sections["short"] == ["w"]


def test_lede_names_no_promo_and_no_promo_funding() -> None:
    promo_round = FundingRound("Crunchlet Bites", 5e6, "USD", "", ("m0",), "Crunchlet Bites gets $5 million in funding.")
    promo = bundle("m", "Crunchlet launches new Bites treats for dogs",
                   ["Crunchlet launched Bites, available at pet stores.", "Each bag is priced at $4."], score=6.0,
                   facts=(promo_round,))
    promo = dataclasses.replace(promo, ranked=dataclasses.replace(promo.ranked, kind="product promo"))
    digest = compose_digest([promo, *stories()[1:]], day=DAY, options=ComposeOptions())
    lede = " ".join(s.text for s in digest.lede)
    assert "Crunchlet" not in lede and "Pope Leo" in lede
    assert "funding for Brightmoss" in lede


def test_names_that_hold_an_and_are_joined_without_ambiguity() -> None:
    from newsbrief.digest.lede import _join

    assert _join(["Orrick"]) == "Orrick"
    assert _join(["Orrick", "Marwick", "Tallbrook"]) == "Orrick, Marwick and Tallbrook"
    assert _join(["New Orrick", "House and Senate"]) == "New Orrick as well as House and Senate"


def test_the_lede_names_no_regulator_of_a_rule_a_story_only_mentions() -> None:
    from newsbrief.model import Regulation

    passing = Regulation("ban on Russian engines", "U.S. lawmakers", ("r0",),
                         "Work gained urgency after U.S. lawmakers passed a ban on Russian engines.", status="enacted")
    about = Regulation("Harbour Data Act", "Tarn Data Authority", ("h0",),
                       "The Tarn Data Authority proposed the Harbour Data Act on Friday.", status="proposed")
    bundles = [*stories(),
               bundle("r", "Harbour Launch picks Leeds for engine plant",
                      ["Harbour Launch will build a new engine at its Leeds plant."], outlets=1, score=0.9,
                      facts=(passing,)),
               bundle("h", "Harbour Data Act proposed", ["The Tarn Data Authority proposed the Harbour Data Act on Friday."],
                      outlets=1, score=0.8, facts=(about,))]
    lede = compose_digest(bundles, day=DAY, options=ComposeOptions()).lede
    assert "Tarn Data Authority" in lede[-1].text and "lawmakers" not in lede[-1].text
