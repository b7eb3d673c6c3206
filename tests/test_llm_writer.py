"""The OpenAI-compatible client and the guarded writer, against a real chat-completions server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from factories import make_article, store_location
from newsbrief.config import load_settings
from newsbrief.errors import LLMError
from newsbrief.llm import Guard
from newsbrief.llm.client import ChatClient
from newsbrief.llm.writer import AnswerCache, TokenBudget, Writer
from newsbrief.model import CitedSentence, Summary
from newsbrief.pipeline import build_digest
from newsbrief.store import open_store

Answer = Callable[[str], str]


class ChatServer:
    """A chat-completions endpoint answering every prompt with ``answer(prompt)``, streamed or not."""

    def __init__(self, answer: Answer, *, delay: float = 0.0, status: int = 200) -> None:
        self.answer, self.delay, self.status = answer, delay, status
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
                time.sleep(server.delay)
                if server.status != 200:
                    self.send_response(server.status)
                    self.end_headers()
                    self.wfile.write(b'{"error": "overloaded"}')
                    return
                text = server.answer(body["messages"][-1]["content"])
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in re.findall(r".{1,7}", text, re.DOTALL):
                        chunk = {"choices": [{"index": 0, "delta": {"content": piece}}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                payload = json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}],
                                      "usage": {"prompt_tokens": 90, "completion_tokens": 30, "total_tokens": 120}})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload.encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "ChatServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


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
        again = writer.write(SUMMARY)  # from the cache: no second request
        writer.client.close()
    assert len(server.requests) == 1 and again.summary == written.summary
    assert "[1]" in server.requests[0]["messages"][0]["content"]
    texts = [s.text for s in written.summary.sentences]
    assert texts[0] == "Accel Partners led a $20 million Series A round for Helix Quantum on Thursday."
    assert texts[1] == "Ingrid Dahl said the money would double the engineering team by March 2027."
    assert texts[2] == SUMMARY.sentences[2].text  # "300 staff" is in no source: the cited sentence stands instead
    assert [s.article_ids for s in written.summary.sentences] == [("a1",), ("a1",), ("a2",)]
    assert written.summary.headline == "Helix Quantum raises $20 million"
    failed = [d for d in written.decisions if not d["passed"]]
    assert len(failed) == 1 and "number not in the cited sentences: 300" in failed[0]["reasons"]


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


def _wrong_number_answer(prompt: str) -> str:
    """A fluent answer: the first cited sentence as is, and the second with its first number changed."""
    numbered = re.findall(r"^\[(\d+)\] (.+)$", prompt, re.MULTILINE)
    first, second = numbered[0][1], numbered[-1][1]
    altered = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 7), second, count=1)
    return json.dumps({"headline": "Helix Quantum raises $20 million",
                       "summary": f"{first} [{numbered[0][0]}] {altered} [{numbered[-1][0]}]"})


@pytest.fixture
def llm_store(tmp_path: Path) -> Iterator[Any]:
    store = open_store(store_location(tmp_path))  # the store the CLI opens: SQLite, or the suite's PostgreSQL schema
    store.upsert_articles([(a, n, None) for n, a in enumerate(STORY, 1)])
    yield store
    store.close()


def test_digest_with_llm_mode_openai_stores_guard_decisions_and_stories_explain_shows_them(
        tmp_path: Path, llm_store: Any, newsbrief_cli: Callable[..., Any]) -> None:
    with ChatServer(_wrong_number_answer) as server:
        env = {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical", "NEWSBRIEF_LLM_MODE": "openai",
               "NEWSBRIEF_LLM_BASE_URL": server.url, "NEWSBRIEF_LLM_MODEL": "tiny"}
        settings = load_settings(data_dir=tmp_path, env=env)
        digest = build_digest(llm_store, settings, day=DAY)
    assert len(server.requests) == 1
    item = next(it for sec in digest.sections for it in sec.items if it.extra.get("guard"))
    decisions = item.extra["guard"]
    assert [d["passed"] for d in decisions if not d.get("headline")] == [True, False]
    assert decisions[1]["replacement"]["text"] in " ".join(a.text for a in STORY)
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
    env = {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical", "NEWSBRIEF_LLM_MODE": "openai",
           "NEWSBRIEF_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1", "NEWSBRIEF_LLM_MODEL": "tiny"}
    on = newsbrief_cli("digest", "--llm", "on", "--date", str(DAY), data=tmp_path, env=env)
    off = newsbrief_cli("digest", "--llm", "off", "--date", str(DAY), data=tmp_path, env=env)
    assert on.exit_code == 0 and off.exit_code == 0, on.output + off.output
    assert "Helix Quantum raised $20 million in a Series A round" in on.output
    assert on.output.split("\n", 3)[3:] == off.output.split("\n", 3)[3:]  # same extractive digest
