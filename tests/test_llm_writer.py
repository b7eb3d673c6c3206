"""The OpenAI-compatible client and the guarded writer, against a real chat-completions server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chat_server import Answer, ChatServer
from factories import make_article, store_location

from newsbrief.config import load_settings
from newsbrief.errors import LLMError
from newsbrief.llm import Guard
from newsbrief.llm.client import ChatClient
from newsbrief.llm.writer import AnswerCache, TokenBudget, Writer
from newsbrief.model import CitedSentence, Summary
from newsbrief.pipeline import build_digest
from newsbrief.store import open_store

SUMMARY = Summary("s1", "Helix Quantum raises money", ((
    CitedSentence("Helix Quantum raised $20 million in a Series A round led by Accel Partners on Thursday.", ("a1",)),
    CitedSentence("Chief executive Ingrid Dahl said the money would double the engineering team by March 2027.", ("a1",)),
    CitedSentence("Helix Quantum expects to open an office in Berlin next year, Dahl told reporters.", ("a2",)),
),))
FLUENT = json.dumps({
    "headline": "Helix Quantum raises $20 million",
    "summary": "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday [1]. "
               "Ingrid Dahl said the money would double the engineering team by March 2027 [2]. "
               "Helix Quantum expects to open an office in Berlin with 300 staff next year [3].",
})


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize("stream", [False, True])
def test_client_reads_plain_and_streamed_answers(stream: bool) -> None:
    with ChatServer(lambda prompt: f"echo: {prompt}") as server:
        client = ChatClient(server.url, "tiny-model", api_key="k-123", stream=stream)
        done = client.complete([{"role": "user", "content": "hello there"}], max_tokens=50)
        client.close()
    assert done.text == "echo: hello there"
    assert done.tokens == (6 if stream else 120)  # a stream carries no usage: 4 characters a token
    req = server.requests[0]
    assert req["path"] == "/v1/chat/completions" and req["model"] == "tiny-model" and req["stream"] is stream
    assert req["auth"] == "Bearer k-123" and req["max_tokens"] == 50


def test_client_turns_a_slow_or_failing_endpoint_into_one_line_errors() -> None:
    with ChatServer(lambda p: "late", delay=1.5) as server:
        client = ChatClient(server.url, "m", timeout=0.3)
        with pytest.raises(LLMError, match=r"^llm: http://127\.0\.0\.1:\d+/v1/chat/completions: timed out"):
            client.complete([{"role": "user", "content": "x"}])
        client.close()
    with ChatServer(lambda p: "", status=503) as server:
        client = ChatClient(server.url, "m", stream=True)
        with pytest.raises(LLMError, match="HTTP 503"):
            client.complete([{"role": "user", "content": "x"}])
        client.close()


@pytest.mark.parametrize("stream", [False, True])
def test_writer_keeps_faithful_sentences_and_replaces_a_planted_wrong_number(
        guard: Guard, tmp_path: Path, stream: bool) -> None:
    with ChatServer(lambda p: FLUENT) as server:
        writer = Writer(ChatClient(server.url, "m", stream=stream), guard, budget=TokenBudget(10_000),
                        cache=AnswerCache(tmp_path / "cache"))
        written = writer.write(SUMMARY)
        again = writer.write(SUMMARY)  # from the cache: no more requests
        writer.client.close()
    assert len(server.requests) == 2 and again.summary == written.summary  # the story, then the one rewrite
    assert "[1]" in server.requests[0]["messages"][0]["content"]
    texts = [s.text for s in written.summary.sentences]
    assert texts[0] == "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday."
    assert texts[1] == "Ingrid Dahl said the money would double the engineering team by March 2027."
    assert texts[2] == SUMMARY.sentences[2].text  # "300 staff" is in no source: the cited sentence stands instead
    assert [s.article_ids for s in written.summary.sentences] == [("a1",), ("a1",), ("a2",)]
    assert written.summary.headline == "Helix Quantum raises $20 million"
    failed = [d for d in written.decisions if not d["passed"]]
    assert len(failed) == 1 and "number not in the cited sentences: 300" in failed[0]["reasons"]


REWRITE_PROMPT = "failed a fact check"


def _story_then(rewrite: str) -> Answer:
    """The fluent story answer, and ``rewrite`` when a sentence is sent back."""
    return lambda prompt: rewrite if REWRITE_PROMPT in prompt else FLUENT


def test_a_failing_sentence_is_sent_back_once_with_the_guard_reason_and_its_passing_rewrite_stands(
        guard: Guard) -> None:
    fixed = "Helix Quantum plans an office in Berlin next year, Dahl told reporters [3]."
    with ChatServer(_story_then(fixed)) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        written = writer.write(SUMMARY)
        writer.client.close()
    assert len(server.requests) == 2
    sent_back = server.requests[1]["messages"][0]["content"]
    assert "number not in the cited sentences: 300" in sent_back
    assert "Sentence: Helix Quantum expects to open an office in Berlin with 300 staff next year." in sent_back
    texts = [s.text for s in written.summary.sentences]
    assert texts[2] == "Helix Quantum plans an office in Berlin next year, Dahl told reporters."
    assert written.summary.sentences[2].article_ids == ("a2",)
    decision = [d for d in written.decisions if not d.get("headline")][2]
    assert decision["action"] == "rewritten" and not decision["passed"]
    assert decision["rewrite"] == {"sentence": texts[2], "cites": [3], "passed": True, "reasons": []}


def test_a_rewrite_that_fails_again_gives_way_to_the_cited_sentence(guard: Guard) -> None:
    still_wrong = "Helix Quantum expects to open an office in Berlin with 400 staff next year [3]."
    with ChatServer(_story_then(still_wrong)) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        written = writer.write(SUMMARY)
        writer.client.close()
    assert len(server.requests) == 2  # sent back once, never twice
    assert written.summary.sentences[2] == SUMMARY.sentences[2]
    decision = [d for d in written.decisions if not d.get("headline")][2]
    assert decision["action"] == "replaced"
    assert "number not in the cited sentences: 400" in decision["rewrite"]["reasons"]


def test_a_rewrite_the_budget_cannot_pay_for_leaves_the_cited_sentence(guard: Guard) -> None:
    with ChatServer(_story_then("unused")) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(120))  # one answer's worth
        written = writer.write(SUMMARY)
        writer.client.close()
    assert len(server.requests) == 1
    decision = [d for d in written.decisions if not d.get("headline")][2]
    assert decision["action"] == "replaced" and "token budget of 120 spent" in decision["rewrite"]["error"]
    assert written.summary.sentences[2] == SUMMARY.sentences[2]


OTHER = Summary("s2", "Port strike ends", ((
    CitedSentence("Dockworkers at the port of Velmar ended a nine-day strike on Friday after a 6 percent pay deal.", ("b1",)),
    CitedSentence("The union said ships would be unloaded again from Saturday.", ("b2",)),
),))


def _lede_server(lede: str, rewrite: str = "") -> ChatServer:
    return ChatServer(lambda p: rewrite if REWRITE_PROMPT in p else lede)


def test_the_written_lede_stands_when_every_sentence_cites_and_passes(guard: Guard) -> None:
    lede = ("Helix Quantum raised $20 million in a Series A round led by Accel Partners [1]. "
            "Dockworkers at the port of Velmar ended a nine-day strike after a 6 percent pay deal [3].")
    with _lede_server(lede) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        out = writer.lede("2026-11-27", [SUMMARY.sentences, OTHER.sentences])
        writer.client.close()
    prompt = server.requests[0]["messages"][0]["content"]
    assert "two to four sentences" in prompt and "[4] The union said" in prompt  # two sentences of each story
    assert "Berlin" not in prompt
    assert [s.text for s in out.sentences] == [
        "Helix Quantum raised $20 million in a Series A round led by Accel Partners.",
        "Dockworkers at the port of Velmar ended a nine-day strike after a 6 percent pay deal."]
    assert [s.article_ids for s in out.sentences] == [("a1",), ("b1",)]
    assert [d["action"] for d in out.decisions] == ["kept", "kept"] and not out.note


@pytest.mark.parametrize(("lede", "rewrite", "note"), [
    ("Helix Quantum raised $20 million in a Series A round [1]. Dockworkers ended a 12-day strike at Velmar [3].",
     "Dockworkers ended a 14-day strike at Velmar [3].", "1 lede sentence(s) failed the guard twice"),
    ("Helix Quantum raised $20 million in a Series A round led by Accel Partners [1].", "", "has 1 sentence(s), not 2 to 4"),
    ("Helix Quantum raised $20 million in a Series A round [1]. Velmar's dockworkers won a four-day week.",
     "Velmar's dockworkers won a four-day week.", "1 lede sentence(s) failed the guard twice"),
])
def test_the_extractive_lede_stays_unless_every_written_sentence_passes(
        guard: Guard, lede: str, rewrite: str, note: str) -> None:
    with _lede_server(lede, rewrite) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        out = writer.lede("2026-11-27", [SUMMARY.sentences, OTHER.sentences])
        writer.client.close()
    assert out.sentences == () and note in out.note


def test_writer_keeps_the_extractive_summary_when_the_endpoint_fails_or_the_budget_is_spent(
        guard: Guard, tmp_path: Path) -> None:
    with ChatServer(lambda p: "Sure! Here is a summary without JSON.") as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        bad = writer.write(SUMMARY)
        writer.client.close()
    assert bad.summary == SUMMARY and not bad.used and "not the asked JSON" in bad.note
    with ChatServer(lambda p: FLUENT, delay=1.0) as server:
        slow = Writer(ChatClient(server.url, "m", timeout=0.2), guard, budget=TokenBudget(10_000)).write(SUMMARY)
    assert slow.summary == SUMMARY and "timed out" in slow.note
    with ChatServer(lambda p: FLUENT) as server:
        budget = TokenBudget(100)
        writer = Writer(ChatClient(server.url, "m"), guard, budget=budget)
        first, second = writer.write(SUMMARY), writer.write(Summary("s2", "Other", SUMMARY.paragraphs))
        writer.client.close()
    assert first.used and budget.spent == 120
    assert second.summary.story_id == "s2" and not second.used and "token budget of 100 spent" in second.note
    assert len(server.requests) == 1


DAY = dt.date(2026, 11, 27)
STORY = [
    make_article("a1", title="Helix Quantum raises $20 million for sensors", outlet="Wire",
                 text="Helix Quantum raised $20 million in a Series A round led by Accel Partners on Thursday. "
                      "The Oslo startup builds quantum sensors for bridges and tunnels."),
    make_article("a2", title="Oslo sensor maker Helix Quantum lands Series A", outlet="Daily Ledger", hour=11,
                 text="Helix Quantum, which Ingrid Dahl founded in 2021, has closed a $20 million Series A. "
                      "Helix Quantum expects to open an office in Berlin next year, Dahl told reporters."),
]


def _altered(sentence: str) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + 7), sentence, count=1)


def _wrong_number_answer(prompt: str) -> str:
    """A fluent answer: the first cited sentence as is, and the second with its first number changed;
    asked to rewrite, the same wrong number again."""
    numbered = re.findall(r"^\[(\d+)\] (.+)$", prompt, re.MULTILINE)
    first, second = numbered[0][1], numbered[-1][1]
    if "failed a fact check" in prompt:
        return f"{_altered(second)} [{numbered[-1][0]}]"
    return json.dumps({"headline": "Helix Quantum raises $20 million",
                       "summary": f"{first} [{numbered[0][0]}] {_altered(second)} [{numbered[-1][0]}]"})


def _llm_env(base_url: str) -> dict[str, str]:
    """The environment of a digest written by the model at ``base_url`` (lexical clustering, so no model load)."""
    return {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical", "NEWSBRIEF_LLM_MODE": "openai",
            "NEWSBRIEF_LLM_BASE_URL": base_url, "NEWSBRIEF_LLM_MODEL": "tiny"}


def _llm_digest(store: Any, data_dir: Path, answer: Answer) -> tuple[Any, Any, list[str]]:
    """The day's digest of ``store`` with a chat server on 127.0.0.1 answering ``answer``: the digest,
    its settings and the prompts the server got."""
    with ChatServer(answer) as server:
        settings = load_settings(data_dir=data_dir, env=_llm_env(server.url))
        digest = build_digest(store, settings, day=DAY)
    return digest, settings, [r["messages"][0]["content"] for r in server.requests]


@pytest.fixture
def llm_store(tmp_path: Path) -> Iterator[Any]:
    store = open_store(store_location(tmp_path))  # the store the CLI opens: SQLite, or the suite's PostgreSQL schema
    store.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    yield store
    store.close()


def test_digest_with_llm_mode_openai_stores_guard_decisions_and_stories_explain_shows_them(
        tmp_path: Path, llm_store: Any, newsbrief_cli: Callable[..., Any]) -> None:
    digest, _, prompts = _llm_digest(llm_store, tmp_path, _wrong_number_answer)
    assert len(prompts) == 2  # the story, then its failing sentence once more (a one-sentence story gets no section, so no lede)
    assert "You write one story" in prompts[0] and "failed a fact check" in prompts[1]
    item = next(it for sec in digest.sections for it in sec.items if it.extra.get("guard"))
    decisions = item.extra["guard"]
    assert [d["passed"] for d in decisions if not d.get("headline")] == [True, False]
    assert [d["action"] for d in decisions if not d.get("headline")] == ["kept", "replaced"]
    assert decisions[1]["replacement"]["text"] in " ".join(a.text for a in STORY)
    assert not decisions[1]["rewrite"]["passed"] and "not in the cited sentences" in decisions[1]["rewrite"]["reasons"][0]
    assert digest.lede_guard == ()
    shown = [s.text for p in item.paragraphs for s in p]
    assert decisions[1]["sentence"] not in shown and decisions[1]["replacement"]["text"] in shown
    llm_store.close()
    out = newsbrief_cli("stories", "--explain", "--date", str(DAY), data=tmp_path)
    assert out.exit_code == 0, out.output
    assert "guard, " in out.output and "sentence replaced: " in out.output and "not in the cited sentences" in out.output


def test_digest_llm_on_without_an_endpoint_is_one_clear_error(
        tmp_path: Path, llm_store: Any, newsbrief_cli: Callable[..., Any]) -> None:
    llm_store.close()
    out = newsbrief_cli("digest", "--llm", "on", "--date", str(DAY), data=tmp_path)
    assert out.exit_code != 0
    assert "--llm on needs llm.mode" in out.output and "Traceback" not in out.output


def test_an_unreachable_endpoint_never_fails_the_digest(
        tmp_path: Path, llm_store: Any, newsbrief_cli: Callable[..., Any]) -> None:
    llm_store.close()
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = _llm_env(f"http://127.0.0.1:{port}/v1")
    on = newsbrief_cli("digest", "--llm", "on", "--date", str(DAY), data=tmp_path, env=env)
    off = newsbrief_cli("digest", "--llm", "off", "--date", str(DAY), data=tmp_path, env=env)
    assert on.exit_code == 0 and off.exit_code == 0, on.output + off.output
    assert "Helix Quantum raised $20 million in a Series A round" in on.output
    assert on.output.split("\n", 3)[3:] == off.output.split("\n", 3)[3:]  # same extractive digest


STRIKE = [
    make_article("p1", title="Velmar dockworkers end nine-day strike", outlet="Harbour Times",
                 text="Dockworkers at the port of Velmar ended a nine-day strike on Friday after accepting a 6 percent pay rise. "
                      "The union said 2,400 members voted on the deal and 81 percent backed it. "
                      "Ships queued outside the harbour will be unloaded from Saturday, port director Lena Sorvik said. "
                      "The stoppage had halted most container traffic through Velmar since the start of last week. "
                      "Exporters of timber and paper said the delays had cost them orders from buyers abroad."),
    make_article("p2", title="Velmar port strike ends with 6 percent pay deal", outlet="Coastal Wire", hour=11,
                 text="The strike at Velmar, the country's second-largest container port, ended on Friday with a 6 percent pay deal. "
                      "Port director Lena Sorvik said 37 ships were waiting to berth. "
                      "The union had asked for a 9 percent rise before the strike began. "
                      "Velmar handles most of the country's container trade with the rest of the continent. "
                      "Shipping lines had diverted several vessels to smaller ports along the coast during the walkout."),
]


def _rewriting_answer(prompt: str) -> str:
    """The story with one number changed, put right when sent back; a lede of the first two sentences."""
    numbered = re.findall(r"^\[(\d+)\] (.+)$", prompt, re.MULTILINE)
    if "failed a fact check" in prompt:
        sent = re.search(r"^Sentence: (.+)$", prompt, re.MULTILINE)
        n, text = next((n, t) for n, t in numbered if sent and _altered(t) == sent.group(1))
        return f"{text} [{n}]"
    if "opening of the day" in prompt:
        return f"{numbered[0][1]} [{numbered[0][0]}] {numbered[1][1]} [{numbered[1][0]}]"
    wrong = next(n for n, t in numbered if re.search(r"\d", t))
    prose = " ".join(f"{_altered(t) if n == wrong else t} [{n}]" for n, t in numbered)
    return json.dumps({"headline": "Velmar dockworkers end strike", "summary": prose})


def test_digest_rewrites_a_failing_sentence_writes_the_lede_and_shows_both_in_explain_and_on_the_story_page(
        tmp_path: Path, newsbrief_cli: Callable[..., Any]) -> None:
    from starlette.testclient import TestClient

    from newsbrief.web import make_app

    store = open_store(store_location(tmp_path))
    store.upsert_articles([(a, n, None) for n, a in enumerate(STRIKE, 1)])
    digest, settings, prompts = _llm_digest(store, tmp_path, _rewriting_answer)
    store.close()
    kinds = [("story" if "You write one story" in p else "rewrite" if "failed a fact check" in p else "lede")
             for p in prompts]
    assert kinds == ["story", "rewrite", "lede"]
    item = next(it for sec in digest.sections if sec.kind == "stories" for it in sec.items)
    actions = [d["action"] for d in item.extra["guard"] if not d.get("headline")]
    assert actions.count("rewritten") == 1 and set(actions) == {"kept", "rewritten"}
    rewritten = next(d for d in item.extra["guard"] if d.get("action") == "rewritten")
    assert rewritten["rewrite"]["sentence"] in [s.text for p in item.paragraphs for s in p]
    lede_source = [s for p in item.paragraphs for s in p][:2]
    assert [s.text for s in digest.lede] == [s.text for s in lede_source]
    assert [s.article_ids for s in digest.lede] == [s.article_ids for s in lede_source]
    assert [d["action"] for d in digest.lede_guard] == ["kept", "kept"]

    out = newsbrief_cli("stories", "--explain", "--date", str(DAY), data=tmp_path)
    assert out.exit_code == 0, out.output
    assert "sentence rewritten: " in out.output and "; rewritten: " in out.output
    assert "guard, lede:" in out.output and out.output.count("  sentence kept: ") >= 3
    with TestClient(make_app(store_location(tmp_path), settings=settings), base_url="http://localhost:8080") as web:
        page = web.get(f"/stories/{item.story_id}")
    assert page.status_code == 200
    assert "<h2>Faithfulness guard</h2>" in page.text and "<td>rewritten</td>" in page.text
    assert "not in the cited sentences" in rewritten["reasons"][0] and rewritten["reasons"][0] in page.text


UNCITED = json.dumps({
    "headline": "Helix Quantum raises $20 million",
    "summary": "Ingrid Dahl said the money would double the engineering team by March 2027. "
               "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday [3]. "
               "Helix Quantum will open a factory in Munich in 2028.",
})


def test_sentences_without_or_with_wrong_citations_get_the_supporting_sentence_and_an_invented_one_is_dropped(
        guard: Guard) -> None:
    invented = "Helix Quantum will open a factory in Munich in 2028."
    with ChatServer(lambda p: invented if REWRITE_PROMPT in p else UNCITED) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        written = writer.write(SUMMARY)
        writer.client.close()
    assert [s.text for s in written.summary.sentences] == [
        "Ingrid Dahl said the money would double the engineering team by March 2027.",
        "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday."]
    assert [s.article_ids for s in written.summary.sentences] == [("a1",), ("a1",)]
    decisions = [d for d in written.decisions if not d.get("headline")]
    assert [d["action"] for d in decisions] == ["kept", "kept", "dropped"]
    assert [d["cites"] for d in decisions] == [[], [3], []]  # what the model wrote
    assert [d.get("recovered") for d in decisions] == [[2], [1], None]  # what the guard found
    assert decisions[2]["reasons"][0] == "cites no source sentence, and no story sentence supports it"
    assert "recovered" not in decisions[2]["rewrite"] and not decisions[2]["rewrite"]["passed"]
    assert len(server.requests) == 2  # the story, then the invented sentence once more


def test_a_story_the_model_shrinks_to_one_sentence_keeps_its_extractive_section(guard: Guard) -> None:
    one = json.dumps({"headline": "Helix Quantum raises $20 million",
                      "summary": "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday [1]."})
    with ChatServer(lambda p: one) as server:
        writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000))
        written = writer.write(SUMMARY)
        writer.client.close()
    # one passing sentence would demote a three-sentence story to an "In brief" line
    assert written.summary == SUMMARY and not written.used
    assert written.note == "llm: 1 sentence(s) kept, fewer than the 3 extractive ones"
    assert [d["action"] for d in written.decisions] == ["kept"]


def _uncited_answer(prompt: str) -> str:
    """The story's sentences as they are but without any [n] marker, last first; a lede the same way."""
    numbered = re.findall(r"^\[(\d+)\] (.+)$", prompt, re.MULTILINE)
    if "opening of the day" in prompt:
        return f"{numbered[1][1]} {numbered[0][1]}"
    return json.dumps({"headline": "Velmar dockworkers end strike", "summary": " ".join(t for _, t in reversed(numbered))})


def test_recovered_citations_are_stored_and_shown_in_explain_and_on_the_story_page(
        tmp_path: Path, newsbrief_cli: Callable[..., Any]) -> None:
    from starlette.testclient import TestClient

    from newsbrief.web import make_app

    store = open_store(store_location(tmp_path))
    store.upsert_articles([(a, n, None) for n, a in enumerate(STRIKE, 1)])
    digest, settings, prompts = _llm_digest(store, tmp_path, _uncited_answer)
    store.close()
    assert not any("failed a fact check" in p for p in prompts)
    item = next(it for sec in digest.sections if sec.kind == "stories" for it in sec.items)
    decisions = [d for d in item.extra["guard"] if not d.get("headline")]
    shown = [s for p in item.paragraphs for s in p]
    assert len(decisions) == len(shown) >= 2 and all(d["action"] == "kept" and d["cites"] == [] for d in decisions)
    n = len(shown)
    assert [d["recovered"] for d in decisions] == [[n - k] for k in range(n)]  # written last first
    by_text = {s.text: s.article_ids for s in shown}
    assert len(set(by_text.values())) == 2  # both articles are cited, each sentence by its own
    assert [d["action"] for d in digest.lede_guard] == ["kept", "kept"]
    assert all(d["recovered"] for d in digest.lede_guard)

    out = newsbrief_cli("stories", "--explain", "--date", str(DAY), data=tmp_path)
    assert out.exit_code == 0, out.output
    assert f"sentence kept: {decisions[0]['sentence']} [citations recovered: {n}]" in " ".join(out.output.split())
    with TestClient(make_app(store_location(tmp_path), settings=settings), base_url="http://localhost:8080") as web:
        page = web.get(f"/stories/{item.story_id}")
    assert page.status_code == 200 and f"<td>kept (citations recovered: {n})</td>" in page.text


@pytest.mark.parametrize("more", ["Headline: Velmar dockworkers end strike\nSummary: The strike at Velmar ended on Friday.",
                                  "[3] The union said the strike at Velmar ended.\n[4] The union said the strike at Velmar ended."])
def test_a_base_model_answer_that_repeats_the_layout_is_cut_after_its_first_summary_line(more: str) -> None:
    from newsbrief.llm.prompts import FewShotPrompts

    prompts = FewShotPrompts()
    looping = " Velmar dockworkers end strike\nSummary: The strike at Velmar ended on Friday.\n" + more
    assert prompts.parse_story(looping) == ("Velmar dockworkers end strike", "The strike at Velmar ended on Friday.")
    stop = prompts.story(["The strike at Velmar ended on Friday."]).stop
    first_stop = min(i for i in (looping.find(s) for s in stop) if i >= 0)
    assert looping[:first_stop].endswith("Summary: The strike at Velmar ended on Friday.")  # generation stops there


def test_the_answer_cache_is_keyed_by_the_answer_length_too(guard: Guard, tmp_path: Path) -> None:
    with ChatServer(lambda p: FLUENT) as server:
        for max_tokens in (400, 400, 200):
            writer = Writer(ChatClient(server.url, "m"), guard, budget=TokenBudget(10_000),
                            cache=AnswerCache(tmp_path / "cache"), max_tokens=max_tokens)
            writer.write(SUMMARY)
            writer.client.close()
    story_requests = [r for r in server.requests if REWRITE_PROMPT not in r["messages"][0]["content"]]
    assert [r["max_tokens"] for r in story_requests] == [400, 200]  # the second 400 came from the cache
