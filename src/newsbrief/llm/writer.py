"""The LLM writer: a story's headline and fused summary, every sentence through the guard.

The model sees the story's extractive summary sentences numbered ``[1]``..``[n]`` and answers
with a JSON object ``{"headline": ..., "summary": ...}`` whose summary sentences cite those
numbers. Each sentence is checked by :class:`~newsbrief.llm.guard.Guard` against the
sentences it cites and replaced by the best-aligned one when it fails; a sentence citing
nothing is dropped. On any failure (endpoint down or slow, token budget spent, an answer that
is not the asked JSON) the extractive summary is kept. Answers are cached per story and
content hash in a folder of the data directory, so a rebuild costs no tokens.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbrief.config import Settings
from newsbrief.cluster.embed import Embedder
from newsbrief.errors import LLMError
from newsbrief.llm.client import ChatClient
from newsbrief.llm.guard import Guard, SourceSentence
from newsbrief.model import CitedSentence, Summary

LOGGER = logging.getLogger(__name__)

__all__ = ["AnswerCache", "TokenBudget", "Writer", "Written"]

PROMPT = (
    "You write one story of a news briefing. Below are numbered sentences from the story's articles. "
    "Write a short headline and a fused summary of at most {n} sentences in plain, fluent English. "
    "Use only facts in the numbered sentences; end every summary sentence with the numbers of the "
    "sentences it uses, like [1] or [2][3]. Answer with one JSON object: "
    '{{"headline": "...", "summary": "..."}}\n\n{sources}'
)
_MARKER = re.compile(r"\s*\[(\d{1,3})\]")
_SENTENCE_END = re.compile(r"(?<=[.!?\]\"”])\s+(?=[A-Z\"“])")


@dataclass(slots=True)
class TokenBudget:
    """Tokens one run may spend; once spent, stories keep their extractive summary."""

    limit: int
    spent: int = 0

    def allows(self) -> bool:
        return self.spent < self.limit

    def charge(self, tokens: int) -> None:
        self.spent += tokens


class AnswerCache:
    """Model answers kept as JSON files named by the hash of story, model and prompt."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, story_id: str, model: str, prompt: str) -> str:
        return hashlib.sha256(f"{story_id}\0{model}\0{prompt}".encode()).hexdigest()[:32]

    def get(self, key: str) -> str | None:
        try:
            return str(json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))["answer"])
        except (OSError, ValueError, KeyError):
            return None

    def put(self, key: str, answer: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{key}.json").write_text(json.dumps({"answer": answer}), encoding="utf-8")
        except OSError as exc:
            LOGGER.warning("llm: cannot write the answer cache in %s: %s", self.folder, exc)


@dataclass(frozen=True, slots=True)
class Written:
    """The summary to print and what the writer and guard decided, for ``stories --explain``."""

    summary: Summary
    decisions: tuple[dict[str, Any], ...] = field(default=())
    used: bool = False  # False: the extractive summary was kept
    note: str = ""


def split_cited(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Split generated prose into sentences and the ``[n]`` numbers each cites."""
    out: list[tuple[str, tuple[int, ...]]] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        refs = tuple(int(m) for m in _MARKER.findall(piece))
        sentence = re.sub(r"\s+([.,;!?])", r"\1", _MARKER.sub("", piece).strip())
        if sentence:
            out.append((sentence, refs))
    return out


class Writer:
    """Asks the model for a story's headline and summary and guards every sentence."""

    def __init__(self, client: ChatClient, guard: Guard, *, budget: TokenBudget, cache: AnswerCache | None = None,
                 max_tokens: int = 400) -> None:
        self.client, self.guard, self.budget, self.cache, self.max_tokens = client, guard, budget, cache, max_tokens

    def write(self, summary: Summary) -> Written:
        """Return the fluent summary, or the extractive one with the reason it was kept."""
        cited = list(summary.sentences)
        if not cited:
            return Written(summary, note="no sentences")
        sources = "\n".join(f"[{n}] {s.text}" for n, s in enumerate(cited, 1))
        prompt = PROMPT.format(n=max(1, len(cited)), sources=sources)
        try:
            answer = self._ask(summary.story_id, prompt)
            headline, prose = self._parse(answer)
        except LLMError as exc:
            LOGGER.warning("%s; %s keeps its extractive summary", exc, summary.story_id)
            return Written(summary, note=str(exc))
        sentences: list[CitedSentence] = []
        decisions: list[dict[str, Any]] = []
        for text, refs in split_cited(prose):
            picked = [cited[r - 1] for r in refs if 1 <= r <= len(cited)]
            result = self.guard.check(text, [SourceSentence(",".join(c.article_ids), c.text) for c in picked])
            decisions.append(result.to_dict() | {"cites": list(refs)})
            if result.passed:
                ids = tuple(dict.fromkeys(i for c in picked for i in c.article_ids))
                sentences.append(CitedSentence(text, ids))
            elif result.replacement is not None:
                match = next(c for c in picked if c.text == result.replacement.text)
                if match not in sentences:
                    sentences.append(match)
        if not sentences:
            return Written(summary, tuple(decisions), note="llm: no sentence kept")
        all_sources = [SourceSentence(",".join(c.article_ids), c.text) for c in cited]
        head_check = self.guard.check(headline, all_sources) if headline else None
        if head_check is not None:
            decisions.append(head_check.to_dict() | {"headline": True})
        new_headline = headline if head_check is not None and head_check.passed else summary.headline
        return Written(Summary(summary.story_id, new_headline, (tuple(sentences),)), tuple(decisions), used=True)

    def _ask(self, story_id: str, prompt: str) -> str:
        key = self.cache.key(story_id, self.client.model, prompt) if self.cache else ""
        if self.cache and (hit := self.cache.get(key)) is not None:
            return hit
        if not self.budget.allows():
            raise LLMError(f"llm: token budget of {self.budget.limit} spent")
        done = self.client.complete([{"role": "user", "content": prompt}], max_tokens=self.max_tokens)
        self.budget.charge(done.tokens)
        if self.cache:
            self.cache.put(key, done.text)
        return done.text

    def _parse(self, answer: str) -> tuple[str, str]:
        match = re.search(r"\{.*\}", answer, re.DOTALL)
        try:
            data = json.loads(match.group(0) if match else answer)
            headline, prose = str(data.get("headline", "")).strip(), str(data["summary"]).strip()
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            raise LLMError(f"llm: {self.client.url}: the answer is not the asked JSON object") from exc
        if not prose:
            raise LLMError(f"llm: {self.client.url}: empty summary")
        return headline, prose


def writer_from_settings(settings: Settings, *, embedder: Embedder | None = None) -> Writer | None:
    """The writer ``llm.*`` settings ask for, or None when ``llm.mode`` is off.

    :raises LLMError: ``llm.mode`` is openai but the base URL or model is missing.
    """
    if settings["llm.mode"] != "openai":
        return None
    if not settings["llm.base_url"] or not settings["llm.model"]:
        raise LLMError("llm: llm.mode = openai needs llm.base_url and llm.model")
    key_env = settings["llm.api_key_env"]
    client = ChatClient(settings["llm.base_url"], settings["llm.model"], api_key=os.environ.get(key_env, "") if key_env else "",
                        timeout=float(settings["llm.timeout"]), stream=bool(settings["llm.stream"]))
    return Writer(client, Guard(embedder), budget=TokenBudget(int(settings["llm.token_budget"])),
                  cache=AnswerCache(settings.data_dir / "llm_cache"))
