"""Tests of the claim-by-claim faithfulness guard and its planted-error evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.eval.guard import DEFAULT_DATA, evaluate
from newsbrief.llm import Guard, SourceSentence, split_claims
from newsbrief.llm.claims import content_words, facts_of

SOURCES = [
    SourceSentence("a1", "Acme Robotics raised $1.2 billion in a round led by Sequoia, the company said on Sept. 3."),
    SourceSentence("a1", "Chief executive Jane Doe said the money would fund a new factory in Ohio."),
    SourceSentence("a2", "Rival Borel Systems said it may cut 300 jobs, finance chief Tom Reyes told analysts."),
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def test_money_and_dates_are_normalised_before_comparison() -> None:
    assert facts_of("$1.2 billion")["money"] == facts_of("1.2bn dollars")["money"]
    assert facts_of("on Sept. 3")["date"] == facts_of("on September 3")["date"]
    assert facts_of("up 12 percent")["percent"] == facts_of("up 12%")["percent"]
    assert facts_of("second-quarter revenue")["date"] == facts_of("in the second quarter")["date"] == {"q2"}


def test_claims_split_at_clause_boundaries() -> None:
    assert split_claims("Acme raised $5 million, and Jane Doe said it would hire staff.") == [
        "Acme raised $5 million", "Jane Doe said it would hire staff"]
    assert split_claims("Acme raised $5 million.") == ["Acme raised $5 million"]


def test_faithful_paraphrase_with_merged_clauses_passes(guard: Guard) -> None:
    result = guard.check("Acme Robotics raised 1.2bn dollars on September 3 in a round led by Sequoia, and Jane Doe "
                         "said the money would pay for a new Ohio factory.", SOURCES[:2])
    assert result.passed, result.reasons
    assert result.text.startswith("Acme Robotics raised 1.2bn dollars")


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Acme Robotics raised $1.5 billion in a round led by Sequoia.", "money not in the cited sentences"),
    ("Acme Robotics raised $1.2 billion on Sept. 13, the company said.", "date not in the cited sentences"),
    ("Acme Robotics raised $1.2 billion in a round led by Accel.", "name not in the cited sentences: accel"),
    ("Jane Doe said the money would not fund a new factory in Ohio.", "negation differs"),
    ("Borel Systems will cut 300 jobs, Tom Reyes told analysts.", "states as certain what the cited sentence only hedges"),
    ("Acme Robotics raised $1.2 billion, calling it \"the best day in our history\".", "quote not in the cited sentences"),
    ("Acme Robotics raised $1.2 billion in a round led by Sequoia, Tom Reyes said.", "wrong attribution"),
    ("Jane Doe said the money would fund 300 new factories in Ohio.", "merged story: 300"),
])
def test_planted_error_fails_with_its_reason_and_is_replaced(guard: Guard, sentence: str, reason: str) -> None:
    result = guard.check(sentence, SOURCES)
    assert not result.passed
    assert any(reason in r for r in result.reasons), result.reasons
    assert result.replacement is not None and result.text == result.replacement.text
    assert result.text in {s.text for s in SOURCES}


def test_sentence_without_sources_fails(guard: Guard) -> None:
    result = guard.check("Acme Robotics raised $1.2 billion.", [])
    assert not result.passed and result.text == "" and result.reasons == ("cites no source sentence",)


def test_planted_set_is_large_enough_and_split_in_halves() -> None:
    rows = [json.loads(line) for line in DEFAULT_DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == {"tuning", "test"}
    stories = {s: {r["story"] for r in rows if r["split"] == s} for s in ("tuning", "test")}
    assert not stories["tuning"] & stories["test"]  # no story's paraphrases in both halves
    kinds = {r["kind"] for r in rows if r["label"] == "unfaithful"}
    assert kinds >= {"number", "name", "date", "negation", "invented_quote", "wrong_attribution", "merged_stories"}


@pytest.mark.parametrize("split", ["tuning", "test"])
def test_guard_meets_recall_and_false_rejection_targets_on_the_planted_set(guard: Guard, split: str) -> None:
    result = evaluate(split=split, guard=guard)
    assert result["recall"] >= 0.95, result["mistakes"]
    assert result["false_rejection_rate"] <= 0.05, result["mistakes"]


def test_eval_guard_command_prints_both_rates(tmp_path: Path) -> None:
    data = tmp_path / "planted.jsonl"
    rows = [
        {"split": "test", "sources": ["Acme raised $5 million on Monday."], "generated": "Acme raised $5 million on Monday.",
         "label": "faithful", "kind": "paraphrase"},
        {"split": "test", "sources": ["Acme raised $5 million on Monday."], "generated": "Acme raised $9 million on Monday.",
         "label": "unfaithful", "kind": "number"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "guard", "--data", str(data), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["recall"] == 1.0 and result["false_rejection_rate"] == 0.0
    assert result["per_kind"]["number"] == {"label": "unfaithful", "rejected": 1, "items": 1, "rate": 1.0}
    bad = CliRunner().invoke(cli, ["eval", "guard", "--data", str(data), "--split", "tuning"])
    assert bad.exit_code != 0 and "no items in split 'tuning'" in bad.output and "Traceback" not in bad.output


STORY = [
    SourceSentence("b1", "Dockworkers at the port of Velmar ended a nine-day strike on Friday after a 6 percent pay deal."),
    SourceSentence("b2", "The union said ships would be unloaded again from Saturday."),
    SourceSentence("b3", "Port director Lena Sorvik said 37 ships were waiting to berth."),
]


@pytest.mark.parametrize(("sentence", "cites", "found"), [
    ("Ships will be unloaded again from Saturday, the union said.", (), (1,)),
    ("Ships will be unloaded again from Saturday, the union said.", (0,), (1,)),  # cites the wrong sentence
    ("Lena Sorvik, the port director, said 37 ships were waiting to berth.", (), (2,)),
])
def test_a_faithful_sentence_without_its_citation_gains_the_supporting_sentence_and_passes(
        guard: Guard, sentence: str, cites: tuple[int, ...], found: tuple[int, ...]) -> None:
    assert not guard.check(sentence, [STORY[i] for i in cites]).passed  # as cited, it fails
    result = guard.check_story(sentence, cites, STORY)
    assert result.passed and result.recovered, result.reasons
    assert result.cites == found and result.text == sentence
    assert result.to_dict()["recovered"] == [i + 1 for i in found]


def test_a_sentence_whose_own_citation_supports_it_is_not_marked_recovered(guard: Guard) -> None:
    result = guard.check_story("Ships will be unloaded again from Saturday, the union said.", (1,), STORY)
    assert result.passed and not result.recovered and result.cites == (1,)
    assert "recovered" not in result.to_dict()


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Lena Sorvik said 40 ships were waiting to berth.", "number not in the cited sentences: 40"),
    ("Dockworkers at Velmar ended their strike on Friday after a 9 percent pay deal.", "percent not in the cited sentences: 9"),
    ("Velmar plans to build a second container terminal next year.", "not supported"),
])
def test_an_uncited_invented_claim_gains_no_citation_and_fails(guard: Guard, sentence: str, reason: str) -> None:
    result = guard.check_story(sentence, (), STORY)
    assert not result.passed and not result.recovered and result.cites == ()
    assert result.reasons[0] == "cites no source sentence, and no story sentence supports it"
    assert any(reason in r for r in result.reasons[1:]), result.reasons
    assert result.text == "" and "recovered" not in result.to_dict()


def test_a_cited_wrong_number_keeps_its_citation_and_its_replacement(guard: Guard) -> None:
    result = guard.check_story("Lena Sorvik said 40 ships were waiting to berth.", (2,), STORY)
    assert not result.passed and not result.recovered and result.cites == (2,)
    assert result.replacement == STORY[2] and "number not in the cited sentences: 40" in result.reasons


def test_eval_guard_uncited_scores_the_planted_set_with_recovered_citations(tmp_path: Path) -> None:
    data = tmp_path / "planted.jsonl"
    sources = ["Acme raised $5 million on Monday.", "The money will pay for a plant in Ohio, Acme said."]
    rows = [
        {"split": "test", "sources": sources, "generated": "Acme will build a plant in Ohio with the money, it said.",
         "label": "faithful", "kind": "paraphrase"},
        {"split": "test", "sources": sources, "generated": "Acme raised $9 million on Monday.",
         "label": "unfaithful", "kind": "number"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "guard", "--data", str(data), "--uncited", "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["citations"] == "recovered"
    assert result["recall"] == 1.0 and result["false_rejection_rate"] == 0.0


def test_a_recovered_sentence_is_checked_against_the_whole_story_so_a_wrong_attribution_still_fails(
        guard: Guard) -> None:
    story = [SourceSentence("c1", "Judge Mara Quill on Monday blocked the sale of Tarrow Mills to Bexley Foods, citing competition concerns."),
             SourceSentence("c2", "Bexley Foods said it would appeal the ruling.")]
    sentence = "Tarrow Mills said it would appeal after Judge Mara Quill blocked its sale on Monday."
    assert guard.check(sentence, story[:1]).passed  # the best-aligned sentence alone does not show the error
    result = guard.check_story(sentence, (), story)
    assert not result.passed and not result.recovered
    assert any("wrong attribution" in r for r in result.reasons), result.reasons


def test_a_sentence_whose_capitalised_words_are_names_its_sources_do_not_hold_fails(guard: Guard) -> None:
    story = [SourceSentence("d1", "Shoppers on the app ordered pumpkin pie, ice and cream most often, Hungrybird said.")]
    sentence = "Hungrybird, Pie, Ice, and More: the most ordered items, the company said."
    result = guard.check_story(sentence, (), story)
    assert guard.check(sentence, story).passed  # the claim check reads names without their case
    assert not result.passed and not result.recovered
    assert "name 'more' is not in the cited sources" in result.reasons, result.reasons


@pytest.mark.parametrize("sentence", [
    "Varnholt Books opened its second shop in Leith next month, creating 12 jobs.",
    "Varnholt Books has hired 12 staff for a second shop it opens in Leith next month.",
])
def test_a_plan_told_in_the_past_fails_even_beside_a_future_time_phrase(guard: Guard, sentence: str) -> None:
    story = [SourceSentence("v1", "Varnholt Books will open a second shop in Leith next month, where it will hire 12 staff.")]
    result = guard.check(sentence, story)
    assert not result.passed
    assert any("states as done what the cited sentence only plans" in r for r in result.reasons), result.reasons


@pytest.mark.parametrize("sentence", [
    "Next month Varnholt Books will open a second shop in Leith and hire 12 staff there.",
    "Varnholt Books opens a second shop in Leith next month, where it is to hire 12 staff.",
])
def test_a_plan_told_as_a_plan_passes(guard: Guard, sentence: str) -> None:
    story = [SourceSentence("v1", "Varnholt Books will open a second shop in Leith next month, where it will hire 12 staff.")]
    result = guard.check(sentence, story)
    assert result.passed, result.reasons


def test_claim_facts_read_hyphenated_places_currency_codes_and_day_month_dates() -> None:
    facts = facts_of("Lisbon's Corvane raised EUR 40 million on 4 March.")
    assert "lisbon" in facts["name"] and "eur" not in facts["name"]  # a currency code names no one
    assert "lisbon" in facts_of("Corvane, a Lisbon-based lender, said so.")["name"]
    assert facts["date"] == facts_of("on March 4")["date"]
    assert facts_of("from 3 to 9 June")["date"] == facts_of("between 3 and 9 June.")["date"]
    assert facts_of("cut by 25 basis points")["points"] == facts_of("a quarter of a percentage point")["points"] == {"0.25"}
    assert facts_of("up 50 basis points")["points"] != facts_of("up 50 percentage points")["points"]
    assert not facts_of("cut by 25 basis points")["number"]


def test_content_words_match_across_inflections() -> None:
    assert content_words("phased cutting opened") == content_words("phase cut open")


TOOLS = [
    SourceSentence("c1", "Velmar Tools said it had opened two plants in Porto, but it did not name the sites."),
    SourceSentence("c2", "The firm's revenue rose 8 percent to $40 million, and it opened 30 stores in Spain and closed 12 in Italy."),
    SourceSentence("c3", "Velmar Tools sought court protection after failing to find a buyer for its saw unit."),
    SourceSentence("c4", "\"We kept our promise,\" said treasurer Paul Oke."),
    SourceSentence("c5", "Mayor Ines Dorr said the budget was balanced for the third year."),
    SourceSentence("c6", "Velmar Tools will cut 300 jobs in Porto."),
    SourceSentence("c7", "Velmar's founder, Rui Abreu, was cleared of fraud on Monday."),
    SourceSentence("c8", "The dispute over the quarry has simmered since 1984."),
]


@pytest.mark.parametrize(("sentence", "cites"), [
    ("Velmar Tools opened two plants in Porto.", (0,)),  # the "not" is about another clause
    ("Velmar Tools sought court protection after it failed to find a buyer for its saw unit.", (2,)),
    ("Porto-based Velmar Tools opened two plants.", (0,)),
    ("The quarry dispute dates back to 1984.", (7,)),
    ("Revenue grew 8 percent to $40 million.", (1,)),
])
def test_faithful_paraphrase_passes(guard: Guard, sentence: str, cites: tuple[int, ...]) -> None:
    result = guard.check(sentence, [TOOLS[i] for i in cites])
    assert result.passed, result.reasons


@pytest.mark.parametrize(("sentence", "cites", "reason"), [
    ("Velmar Tools did not open two plants in Porto.", (0,), "negation differs"),
    ("The firm's revenue fell 8 percent to $40 million.", (1,), "says 'fell' where the cited sentence says the opposite"),
    ("Rui Abreu, Velmar's founder, was convicted of fraud on Monday.", (6,), "says 'convicted'"),
    ("Velmar opened 12 stores in Spain and closed 30 in Italy.", (1,), "number given to something else"),
    ("Mayor Ines Dorr said \"we kept our promise.\"", (3, 4), "the cited sentence gives the quote to"),
    ("Velmar Tools may cut 300 jobs in Porto.", (5,), "hedges (may, plans to) what the cited sentence states as done"),
])
def test_error_the_claim_split_does_not_hide_fails(guard: Guard, sentence: str, cites: tuple[int, ...],
                                                   reason: str) -> None:
    result = guard.check(sentence, [TOOLS[i] for i in cites])
    assert not result.passed
    assert any(reason in r for r in result.reasons), result.reasons
