from __future__ import annotations

import datetime as dt

import pytest

from factories import make_article

from newsbrief.digest.rank import WEIGHTS, StoryInput, rank_stories

DAY = dt.date(2026, 11, 27)


def story(sid: str, outlets: list[str], *, title: str = "Chipmaker opens plant", day: str = "2026-11-27", cited: frozenset[str] = frozenset()) -> StoryInput:
    arts = tuple(make_article(f"{sid}-{i}", outlet=o, title=title, day=day, hour=8 + i) for i, o in enumerate(outlets))
    return StoryInput(sid, arts, dt.date.fromisoformat(day), cited)


def test_more_outlets_rank_higher_and_parts_add_up() -> None:
    ranked = rank_stories([story("b", ["A"]), story("a", ["A", "B", "C", "D"])], day=DAY)
    assert [r.story_id for r in ranked] == ["a", "b"]
    top = ranked[0]
    assert set(top.parts) == set(WEIGHTS)
    assert abs(sum(WEIGHTS[k] * v for k, v in top.parts.items()) - top.score) < 1e-3


def test_novelty_drops_for_already_cited_story() -> None:
    fresh = story("s1", ["A", "B"])
    seen = story("s2", ["A", "B"], cited=frozenset({"s2-0", "s2-1"}))
    ranked = {r.story_id: r for r in rank_stories([fresh, seen], day=DAY)}
    assert ranked["s1"].parts["novelty"] == 1.0 and ranked["s2"].parts["novelty"] == 0.0
    assert ranked["s1"].score > ranked["s2"].score


def test_interests_boost_and_mutes_flag() -> None:
    a = story("a", ["A", "B"], title="Battery startup expands")
    b = story("b", ["A"], title="Quantum sensor record")
    c = story("c", ["A", "B", "C"], title="Celebrity gadget feud")
    ranked = rank_stories([a, b, c], day=DAY, interests=["quantum"], mutes=["celebrity"])
    by_id = {r.story_id: r for r in ranked}
    assert by_id["b"].matched == ("quantum",) and by_id["b"].parts["interest"] == 1.0
    assert by_id["c"].muted_by == "celebrity"
    assert by_id["a"].muted_by == ""


def test_source_weights_and_ties_are_deterministic() -> None:
    a = story("a", ["Alpha"])
    b = story("b", ["Beta"])
    ranked = rank_stories([a, b], day=DAY, source_weights={"www.beta.example": 2.0, "beta.example": 2.0})
    assert ranked[0].story_id == "b"
    assert [r.story_id for r in rank_stories([b, a], day=DAY)] == ["a", "b"]


def test_magnitude_raises_a_story_that_names_many_people_struck() -> None:
    quake = story("q", ["A"], title="Quake kills 140 and leaves thousands homeless in the north")
    crash = story("c", ["A"], title="Two injured as van hits wall")
    plant = story("p", ["A"])
    ranked = {r.story_id: r for r in rank_stories([quake, crash, plant], day=DAY)}
    assert ranked["q"].parts["magnitude"] == 1.0  # thousands homeless: the largest count
    assert 0 < ranked["c"].parts["magnitude"] < 0.2
    assert ranked["p"].parts["magnitude"] == 0.0
    assert ranked["q"].score > ranked["c"].score > ranked["p"].score


def test_part_weights_can_be_changed_and_unknown_parts_are_refused() -> None:
    quake = story("q", ["A"], title="Flood kills 40 in the valley")
    plant = story("p", ["A", "B"])
    assert rank_stories([quake, plant], day=DAY)[0].story_id == "q"
    reweighted = rank_stories([quake, plant], day=DAY, weights={"magnitude": 0.0, "kind": 0.0})
    assert reweighted[0].story_id == "p"  # two outlets against one
    assert reweighted[0].score == pytest.approx(sum(WEIGHTS[k] * v for k, v in reweighted[0].parts.items()
                                                    if k not in ("magnitude", "kind")), abs=1e-3)
    with pytest.raises(ValueError, match="no part named 'magnitud'"):
        rank_stories([quake], day=DAY, weights={"magnitud": 1.0})


def test_a_news_agency_credit_raises_a_story_and_is_read_from_the_raw_text() -> None:
    wire = StoryInput("w", (make_article("w-0", outlet="Valley Herald", title="Border crossings closed",
                                         text="HARBIN (AP) -- Officials closed seven border crossings on Thursday."),),
                      DAY)
    local = StoryInput("l", (make_article("l-0", outlet="Valley Herald", title="Border crossings closed",
                                          text="Officials closed seven border crossings on Thursday."),), DAY)
    ranked = {r.story_id: r for r in rank_stories([wire, local], day=DAY)}
    assert ranked["w"].parts["agency"] == 1.0 and ranked["w"].agencies == ("Associated Press",)
    assert ranked["l"].parts["agency"] == 0.0 and ranked["l"].agencies == ()
    assert ranked["w"].score - ranked["l"].score == pytest.approx(WEIGHTS["agency"], abs=1e-3)
    # the pipeline passes the credit read from the stored raw text, whose dateline the cleaner cut
    given = {r.story_id: r for r in rank_stories([wire, local], day=DAY, agencies={"w-0": "", "l-0": "Reuters"})}
    assert given["l"].agencies == ("Reuters",) and given["w"].parts["agency"] == 0.0


def test_a_short_wire_brief_is_not_a_stub() -> None:
    text = ("Officials closed seven border crossings on Thursday after a storm washed out two bridges, and said the "
            "crossings would reopen once engineers had checked every road.")
    wire = StoryInput("w", (make_article("w-0", outlet="Valley Herald", title="Border crossings closed",
                                         text=f"HARBIN (AP) -- {text}"),), DAY)
    local = StoryInput("l", (make_article("l-0", outlet="Valley Herald", title="Border crossings closed",
                                          text=text),), DAY)
    ranked = {r.story_id: r for r in rank_stories([wire, local], day=DAY)}
    assert ranked["w"].junk == "" and ranked["w"].parts["content"] == 0.0
    assert ranked["l"].junk == "stub (very short text)" and ranked["l"].parts["content"] == -1.0
