from __future__ import annotations

import datetime as dt
import html.parser
import json

import pytest
from factories import make_article

from newsbrief.digest.compose import ComposeOptions, StoryBundle, compose_digest
from newsbrief.model import CitedSentence, Entity, Event, FundingRound, Summary
from newsbrief.digest.rank import RankedStory
from newsbrief.render import FORMATS, digest_from_dict, digest_to_dict, render
from newsbrief.summarize.references import introduced_by

DAY = dt.date(2026, 11, 27)


def bundle(sid: str, outlets: list[str], sentences: list[str], *, score: float = 1.0, facts: tuple = (), first_seen: dt.date = DAY,
           last_digest: dt.date | None = None, headline: str | None = None) -> StoryBundle:
    arts = tuple(make_article(f"{sid}{i}", outlet=o, title=headline or f"Headline {sid}", text=" ".join(sentences))
                 for i, o in enumerate(outlets))
    cited = tuple(CitedSentence(s, (arts[i % len(arts)].id,)) for i, s in enumerate(sentences))
    summary = Summary(sid, headline or f"Headline {sid}", (cited,))
    return StoryBundle(RankedStory(sid, score, {"sources": 1.0}), summary, arts, first_seen, last_digest, facts)


def sample_bundles() -> list[StoryBundle]:
    fund = FundingRound("Lumen Grid", 12e6, "USD", "Series A", ("f0",), "Lumen Grid raised $12 million in a Series A round.")
    ev = Event("launch of the Vela probe", ("b0",), "The launch of the Vela probe is set for December 9.", start=dt.date(2026, 12, 9), end=dt.date(2026, 12, 9))
    past = Event("old", ("b0",), "It opened on November 2.", start=dt.date(2026, 11, 2))
    ent = Entity("Orbital Forge", "ORG")
    return [
        bundle("a", ["Ledger", "Wire", "Daily"], ["Orbital Forge opened a plant.", "It employs 400 people.", "Critics object."],
               score=3, facts=(ent,), headline="Orbital Forge opens a plant in Ohio"),
        bundle("b", ["Ledger", "Daily"], ["Orbital Forge will launch a probe.", "The launch is set for December 9."], score=2,
               facts=(ev, past, ent), first_seen=dt.date(2026, 11, 26), last_digest=dt.date(2026, 11, 26)),
        bundle("f", ["Ledger"], ["Lumen Grid raised $12 million in a Series A round."], score=1, facts=(fund,)),
        bundle("m", ["Daily"], ["A minor item <b>happened</b>."], score=0.5),
    ]


def test_layout_each_story_once() -> None:
    digest = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions(title="Brief"))
    kinds = {s.kind: s for s in digest.sections}
    assert [i.story_id for i in kinds["stories"].items] == ["a", "b"]
    assert [i.story_id for i in kinds["funding"].items] == ["f"]
    assert [i.story_id for i in kinds["short"].items] == ["m"]
    assert [i.headline for i in kinds["ahead"].items] == ["Wednesday 9 December"]
    assert kinds["stories"].items[0].marker == "new"
    assert kinds["stories"].items[1].marker == "update since 2026-11-26"
    covered = [i.story_id for s in digest.sections if s.kind != "ahead" for i in s.items]
    assert len(covered) == len(set(covered))
    assert digest.title == "Brief — Friday, 27 November 2026"
    assert digest.lede and all(s.article_ids for s in digest.lede)
    assert digest.lede[-1] == CitedSentence("Also today: funding for Lumen Grid.", ("f0",))


def test_reading_budget_turns_stories_into_one_liners() -> None:
    digest = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions(minutes=0, max_stories=1))
    kinds = {s.kind: s for s in digest.sections}
    assert [i.story_id for i in kinds["stories"].items] == ["a"]
    assert "b" in [i.story_id for i in kinds["short"].items]
    assert all(i.one_line for i in kinds["short"].items)


def test_every_sentence_is_cited_in_every_format() -> None:
    digest = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions())
    for sec in digest.sections:
        for it in sec.items:
            assert all(s.article_ids for p in it.paragraphs for s in p)
    md = render(digest, "md")
    assert "Orbital Forge opened a plant. [1]" in md
    # the placeholder headline "Headline b" names no actor the articles write: the line goes without one
    assert "## Looking ahead" in md and "### Wednesday 9 December\n\n- Launch of the Vela probe [" in md
    assert "&lt;b&gt;happened&lt;/b&gt;" in md


def test_html_is_well_formed_and_escapes_feed_text() -> None:
    digest = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions())
    for fmt in ("html", "email"):
        out = render(digest, fmt)
        assert "<b>happened" not in out and "&lt;b&gt;happened" in out
        checker = _TagBalance()
        checker.feed(out)
        assert checker.stack == [] and not checker.errors, (fmt, checker.stack, checker.errors)
    assert "<script" not in render(digest, "email") and "style=" in render(digest, "email")


def test_javascript_links_are_dropped() -> None:
    b = sample_bundles()[0]
    evil = make_article("x", outlet="Evil", url="javascript:alert(1)")
    b = StoryBundle(b.ranked, b.summary, b.articles + (evil,), b.first_seen)
    out = render(compose_digest([b], day=DAY, options=ComposeOptions()), "html")
    assert "javascript:" not in out


def test_json_round_trip_and_schema() -> None:
    digest = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions())
    data = json.loads(render(digest, "json"))
    assert data["schema"] == "newsbrief.digest/1" and data["date"] == "2026-11-27"
    assert digest_to_dict(digest_from_dict(data)) == data
    assert set(FORMATS) == {"md", "html", "email", "text", "json"}
    text = render(digest, "text")
    assert "SOURCES" in text and "[1] Ledger" in text


VOID = {"meta", "br", "img", "link", "hr", "input"}


class _TagBalance(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def test_digest_feeds_atom_and_json() -> None:
    import xml.etree.ElementTree as ET

    from newsbrief.render.feeds import digest_feed

    d1 = compose_digest(sample_bundles(), day=DAY, options=ComposeOptions())
    d0 = compose_digest(sample_bundles()[:1], day=DAY - dt.timedelta(days=1), options=ComposeOptions())
    atom = digest_feed([d0, d1], fmt="atom", base_url="https://brief.example/")
    root = ET.fromstring(atom.split("\n", 1)[1])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [e.find("a:id", ns).text for e in root.findall("a:entry", ns)]
    assert ids == ["urn:newsbrief:digest:2026-11-27", "urn:newsbrief:digest:2026-11-26"]
    assert "Orbital Forge opened a plant." in root.find("a:entry/a:content", ns).text
    feed = json.loads(digest_feed([d1], fmt="json", base_url="https://brief.example/"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["items"][0]["url"] == "https://brief.example/digest-2026-11-27.html"


def test_regulation_deadlines_join_the_calendar() -> None:
    from newsbrief.model import Regulation

    rule = Regulation("Children's App Code", "Online Standards Authority", ("r0",),
                      "Operators have until 1 September 2027 to comply.", deadline=dt.date(2027, 9, 1), status="delayed")
    old = Regulation("Old rule", "Agency", ("r0",), "It took effect in March.", deadline=dt.date(2026, 3, 1))
    b = bundle("r", ["Ledger"], ["Operators have until 1 September 2027 to comply."], facts=(rule, old),
               headline="Children's App Code delayed")
    digest = compose_digest([b], day=DAY, options=ComposeOptions())
    kinds = {s.kind: s for s in digest.sections}
    assert [i.headline for i in kinds["ahead"].items] == ["Wednesday 1 September 2027"]
    assert [s.text for i in kinds["ahead"].items for p in i.paragraphs for s in p] == [
        "Online Standards Authority: Children's App Code deadline"]
    assert [i.headline for i in kinds["regulation"].items] == ["Online Standards Authority"]


def test_a_round_or_rule_named_in_passing_gives_a_one_liner_not_a_roundup_line() -> None:
    from newsbrief.model import Regulation

    rule = Regulation("ban on Russian engines", "lawmakers", ("r0",),
                      "Work gained urgency after lawmakers passed a ban on Russian engines.", status="enacted")
    fund = FundingRound("Tarn Rockets", 20e6, "USD", "Series B", ("f0",), "Tarn Rockets raised $20 million in 2029.")
    lead = bundle("a", ["Ledger", "Wire", "Post"], ["A lead story."], score=9, headline="A lead story")
    r = bundle("r", ["Ledger"], ["Harbour Launch will build a new engine at its Leeds plant."], facts=(rule,),
               headline="Harbour Launch picks Leeds for engine plant", score=0.5)
    f = bundle("f", ["Ledger"], ["A rocket maker opened an office in Hull."], facts=(fund,),
               headline="Hull gets a rocket office", score=0.4)
    digest = compose_digest([lead, r, f], day=DAY, options=ComposeOptions(max_stories=1))
    kinds = {s.kind: s for s in digest.sections}
    assert not kinds["regulation"].items and not kinds["funding"].items
    assert {"r", "f"} <= {i.story_id for i in kinds["short"].items}


@pytest.mark.parametrize(
    ("kind", "label"), [("series a", "Series A"), ("Series b-2", "Series B-2"), ("seed", "seed"), ("growth", "growth")]
)
def test_round_label_capitalises_series(kind: str, label: str) -> None:
    from newsbrief.facts.lines import funding_line

    assert funding_line(FundingRound("Lumen", 5e6, "USD", kind, (), "")) == f"Lumen: $5M {label}"


def busy_day(n_short: int = 60, n_events: int = 30) -> list[StoryBundle]:
    """A 400-article-like day: two lead stories, many one-outlet items, each with an upcoming date."""
    leads = [bundle(f"lead{i}", ["Ledger", "Wire", "Daily"], [f"Lead story {i} opened.", "It has details.", "More."],
                    score=100 - i) for i in range(2)]
    small = []
    for i in range(n_short):
        facts: tuple = ()
        if i < n_events:
            facts = (Event(f"event {i}", (f"s{i}0",), f"The vote on item {i} is due.",
                           start=DAY + dt.timedelta(days=n_events - i), end=DAY + dt.timedelta(days=n_events - i)),)
        small.append(bundle(f"s{i}", ["Daily"], [f"Small item {i} happened in town today."], score=50 - i / 10, facts=facts))
    return leads + small


def test_sections_are_bounded_and_the_rest_is_kept_ranked() -> None:
    digest = compose_digest(busy_day(), day=DAY, options=ComposeOptions())
    kinds = {s.kind: s for s in digest.sections}
    assert len(kinds["short"].items) == 25
    assert [i.story_id for i in kinds["short"].more] == [f"s{i}" for i in range(25, 60)]
    # The calendar keeps the 12 events of the best-ranked stories, shown in date order.
    assert len(kinds["ahead"].items) == 12
    assert {i.story_id for i in kinds["ahead"].items} == {f"s{i}" for i in range(12)}
    starts = [str(i.extra["start"]) for i in kinds["ahead"].items]
    assert starts == sorted(starts)
    assert len(kinds["ahead"].more) == 18
    assert digest.stats["more_items"] == 35 + 18
    # Nothing is lost: every story is shown or listed as "more".
    listed = {i.story_id for s in digest.sections if s.kind != "ahead" for i in (*s.items, *s.more)}
    assert listed == {b.ranked.story_id for b in busy_day()}


def test_reading_budget_bounds_the_whole_digest() -> None:
    unbounded = compose_digest(busy_day(), day=DAY, options=ComposeOptions())
    for minutes in (1, 2):
        digest = compose_digest(busy_day(), day=DAY, options=ComposeOptions(minutes=minutes))
        words = sum(len(i.headline.split()) + sum(len(s.text.split()) for p in i.paragraphs for s in p)
                    for sec in digest.sections for i in sec.items)
        assert words <= minutes * 230
        assert digest.stats["reading_minutes"] <= minutes
        kinds = {s.kind: s for s in digest.sections}
        assert kinds["stories"].items  # the lead story always gets its section
        assert kinds["ahead"].items  # the calendar keeps its share
        assert digest.stats["more_items"] > unbounded.stats["more_items"]
    one = compose_digest(busy_day(), day=DAY, options=ComposeOptions(minutes=1))
    two = compose_digest(busy_day(), day=DAY, options=ComposeOptions(minutes=2))
    assert one.stats["short_items"] < two.stats["short_items"]


def test_more_items_are_counted_in_every_format_and_listed_in_html() -> None:
    digest = compose_digest(busy_day(), day=DAY, options=ComposeOptions())
    assert "*And 35 more stories.*" in render(digest, "md")
    assert "And 35 more stories." in render(digest, "text")
    assert "And 18 more dates." in render(digest, "email")
    page = render(digest, "html")
    assert "<summary>And 35 more stories</summary>" in page
    listed = page.split("<summary>And 35 more stories</summary>", 1)[1].split("</details>", 1)[0]
    assert all(f"Headline s{i}<" in listed for i in range(25, 60))
    assert "Headline s24<" not in listed
    back = digest_from_dict(json.loads(render(digest, "json")))
    assert [len(s.more) for s in back.sections] == [len(s.more) for s in digest.sections]


def test_a_one_liner_whose_sentence_only_repeats_its_headline_is_the_headline_alone() -> None:
    echo = bundle("e", ["Daily"], ["Morning News Headlines"], score=0.4, headline="Morning News Headlines")
    told = bundle("t", ["Daily"], ["Orrick council closed the north quay for a month."], score=0.3,
                  headline="Orrick closes quay")
    digest = compose_digest([*sample_bundles(), echo, told], day=DAY, options=ComposeOptions())
    short = {i.story_id: i for s in digest.sections if s.kind == "short" for i in s.items}
    assert short["e"].paragraphs == () and short["e"].headline == "Morning News Headlines"
    assert [s.text for p in short["t"].paragraphs for s in p] == ["Orrick council closed the north quay for a month."]


def test_a_one_liner_never_opens_on_something_its_headline_does_not_introduce() -> None:
    owners = bundle("o", ["Daily"], ["Their co-workers often see working mothers as less dedicated, a survey finds."],
                    score=0.4, headline="Survey of Orrick employers")
    valves = bundle("v", ["Daily"], ["The valves, which cut exhaust at low pressure, will be made in Orrick from May."],
                    score=0.35, headline="Dunmore Parts reports record quarter")
    trial = bundle("t", ["Daily"], ["The double-blind trial is being run at four Orrick clinics and ends in May."],
                   score=0.3, headline="Vexa starts second trial of its pain drug")
    digest = compose_digest([*sample_bundles(), owners, valves, trial], day=DAY, options=ComposeOptions())
    short = {i.story_id: i for s in digest.sections if s.kind == "short" for i in s.items}
    assert short["o"].paragraphs == () and short["v"].paragraphs == ()  # "their", "the valves": whose?
    assert [s.text for p in short["t"].paragraphs for s in p] == [
        "The double-blind trial is being run at four Orrick clinics and ends in May."]  # the headline's trial


@pytest.mark.parametrize(("sentence", "headline", "introduced"), [
    ("It is unclear whether the quay reopens in May.", "Orrick quay closed", True),  # an "it" pointing at nothing
    ("The police said two men were held.", "Two held in Orrick", True),  # one police anywhere
    ("The team behind Wayfarer said it ships in May.", "Wayfarer delayed", True),  # names its referent
    ("Its market grew 9% last year.", "Global widget market report", False),
    ("The company reported a loss.", "Dunmore Parts results", False),  # which company: the headline has none
    # a person described by origin and age, whom the headline names only by name
    ("The Kessa-born 66-year-old was arrested in 2029.", "Ana Ruiz accuses colleagues over inquiry", False),
    ("The 66-year-old presenter was arrested in 2029.", "Presenter, 66, accuses colleagues", True),
    # a linking adverb before the description: which poll, the headline does not say
    ("Overall, the poll showed wide anger at banks.", "Jo Reyes fighting for the middle class", False),
    ("Overall, the poll showed Reyes ahead.", "New poll shows Reyes ahead in Kessa", True),
    # the rest of what someone said: "also said" follows a sentence the line does not show
    ("Fire investigator Jo Reyes also said a task force was looking into the blaze.", "Clinic attacked again", False),
])
def test_what_a_headline_introduces(sentence: str, headline: str, introduced: bool) -> None:
    assert introduced_by(sentence, headline) is introduced


def test_a_headline_alone_reads_as_a_line_or_the_story_is_not_listed() -> None:
    echo = bundle("e", ["Daily"], ["Morning News Headlines"], score=0.4, headline="Morning News Headlines")
    stamp = bundle("d", ["Daily"], ["17-Sep-2026 01:07"], score=0.35, headline="17-Sep-2026 01:07")
    digest = compose_digest([*sample_bundles(), echo, stamp], day=DAY, options=ComposeOptions())
    short = {i.story_id for s in digest.sections if s.kind == "short" for i in s.items}
    assert "e" in short and "d" not in short  # a date stamp says nothing
    for fmt in ("md", "text", "html", "email"):
        out = render(digest, fmt)
        assert "Morning News Headlines" in out
        assert "Morning News Headlines**:" not in out and "Morning News Headlines:" not in out, fmt
        assert "Morning News Headlines</strong>:" not in out, fmt
