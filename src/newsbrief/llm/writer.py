"""The LLM writer: a story's headline and fused summary, and the day's lede, every sentence through the guard.

The model sees the story's extractive summary sentences numbered ``[1]``..``[n]`` and answers
with a headline and summary (:mod:`newsbrief.llm.prompts`: a JSON object from a chat model,
a few-shot layout from a base model) whose sentences cite those numbers. Each sentence is
checked by :class:`~newsbrief.llm.guard.Guard` against the sentences it cites; a sentence that
cites none, or cites sentences that do not support it, gets as citations the story sentences
the guard aligns it to (marked recovered) and is checked against those. One that fails is sent
back once with the guard's reasons, and when the rewrite fails too the best-aligned cited
sentence stands in its place; a sentence citing nothing that no story sentence supports is
dropped. The lede is written the same way from the top stories' summary sentences, and kept
only when every sentence passes. On any failure (endpoint down or slow, token budget spent, an
answer out of the asked layout) the extractive summary or lede is kept. Answers are cached per
story and content hash in a folder of the data directory, so a rebuild costs no tokens.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from newsbrief.config import Settings
from newsbrief.digest.compose import MIN_SECTION_SENTENCES
from newsbrief.cluster.embed import Embedder
from newsbrief.errors import LLMError
from newsbrief.llm.client import ChatClient, Completion
from newsbrief.llm.guard import Guard, SourceSentence
from newsbrief.llm.prompts import ChatPrompts, FewShotPrompts, Prompt, Prompts
from newsbrief.model import CitedSentence, Summary

LOGGER = logging.getLogger(__name__)

__all__ = ["AnswerCache", "Backend", "Lede", "TokenBudget", "Writer", "Written", "backend_from_settings", "writer_from_settings"]

MIN_LEDE_SENTENCES, MAX_LEDE_SENTENCES = 2, 4
_T = TypeVar("_T")

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
    """Model answers kept as JSON files named by the hash of story, model and prompt (with its stops and length)."""

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


class Backend(Protocol):
    """What the writer needs of a model: :class:`ChatClient` or :class:`~newsbrief.llm.local.LocalClient`."""

    url: str
    model: str
    base_model: bool

    def complete(self, messages: list[dict[str, str]], *, max_tokens: int = ..., temperature: float = ...,
                 stop: list[str] | None = ...) -> Completion: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Lede:
    """A written lede (empty: the extractive lede stays) and the guard's decisions on it."""

    sentences: tuple[CitedSentence, ...]
    decisions: tuple[dict[str, Any], ...] = field(default=())
    note: str = ""


def _ids(picked: Sequence[CitedSentence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for c in picked for i in c.article_ids))


def _sources(picked: Sequence[CitedSentence]) -> list[SourceSentence]:
    return [SourceSentence(",".join(c.article_ids), c.text) for c in picked]


class Writer:
    """Asks the model for a story's headline and summary, or the day's lede, and guards every sentence.

    A sentence that fails the guard is sent back once with the guard's reasons; the rewrite is
    checked again, and when it fails too the cited sentence best aligned to the first attempt
    stands in its place. Each sentence's decision (kept, rewritten, replaced, dropped) is kept.
    """

    def __init__(self, client: Backend, guard: Guard, *, budget: TokenBudget, cache: AnswerCache | None = None,
                 max_tokens: int = 400, prompts: Prompts | None = None) -> None:
        self.client, self.guard, self.budget, self.cache, self.max_tokens = client, guard, budget, cache, max_tokens
        self.prompts: Prompts = prompts or (FewShotPrompts() if client.base_model else ChatPrompts())

    def write(self, summary: Summary) -> Written:
        """Return the fluent summary, or the extractive one with the reason it was kept."""
        cited = list(summary.sentences)
        if not cited:
            return Written(summary, note="no sentences")
        try:
            answer = self._ask(summary.story_id, self.prompts.story([c.text for c in cited]))
            headline, prose = self._parse(self.prompts.parse_story, answer)
        except LLMError as exc:
            LOGGER.warning("%s; %s keeps its extractive summary", exc, summary.story_id)
            return Written(summary, note=str(exc))
        sentences: list[CitedSentence] = []
        decisions: list[dict[str, Any]] = []
        for text, refs in split_cited(prose):
            kept, decision = self._settle(summary.story_id, text, refs, cited)
            decisions.append(decision)
            if kept is not None and kept not in sentences:
                sentences.append(kept)
        if len(sentences) < min(MIN_SECTION_SENTENCES, len(cited)):
            # a story the extractive summary tells in a section must not shrink to a one-line item
            return Written(summary, tuple(decisions),
                           note=f"llm: {len(sentences)} sentence(s) kept, fewer than the {len(cited)} extractive ones")
        head_check = self.guard.check(headline, _sources(cited)) if headline else None
        if head_check is not None:
            decisions.append(head_check.to_dict() | {"headline": True, "action": "kept" if head_check.passed else "replaced"})
        new_headline = headline if head_check is not None and head_check.passed else summary.headline
        return Written(Summary(summary.story_id, new_headline, (tuple(sentences),)), tuple(decisions), used=True)

    def lede(self, key: str, stories: Sequence[Sequence[CitedSentence]], *, per_story: int = 2) -> Lede:
        """Write the day's lede, two to four sentences, from the top stories' (guarded) summary sentences.

        Every sentence must pass the guard, with its own or recovered citations, after at most
        one rewrite; otherwise the result is empty and the extractive lede stays.

        :param key: names the lede in the answer cache (the digest's day).
        :param stories: the lead stories' summary sentences, best story first.
        :param per_story: sentences of each story shown to the model.
        """
        cited = list(dict.fromkeys(s for story in stories for s in list(story)[:per_story]))
        if not cited:
            return Lede((), note="no story sentences")
        try:
            prose = self._parse(lambda a: self.prompts.parse_prose(a), self._ask(f"lede:{key}", self.prompts.lede([c.text for c in cited])))
        except LLMError as exc:
            LOGGER.warning("%s; the lede stays extractive", exc)
            return Lede((), note=str(exc))
        written = split_cited(prose)[:MAX_LEDE_SENTENCES]
        sentences: list[CitedSentence] = []
        decisions: list[dict[str, Any]] = []
        for text, refs in written:
            kept, decision = self._settle(f"lede:{key}", text, refs, cited)
            decisions.append(decision)
            if kept is not None:
                sentences.append(kept)
        if len(written) < MIN_LEDE_SENTENCES:
            return Lede((), tuple(decisions), note=f"llm: the lede has {len(written)} sentence(s), not 2 to 4")
        failed = [d for d in decisions if d["action"] not in ("kept", "rewritten")]
        if failed:
            return Lede((), tuple(decisions), note=f"llm: {len(failed)} lede sentence(s) failed the guard twice")
        return Lede(tuple(sentences), tuple(decisions))

    def _settle(self, key: str, text: str, refs: tuple[int, ...],
                cited: Sequence[CitedSentence]) -> tuple[CitedSentence | None, dict[str, Any]]:
        """Check one generated sentence; rewrite it once if it fails; return what stands and the decision.

        A sentence citing nothing, or citing sentences that do not support it, is checked against
        the story sentences the guard aligns it to (recovered citations, marked in the decision).
        """
        story = _sources(cited)
        first = self.guard.check_story(text, [r - 1 for r in refs], story)
        decision: dict[str, Any] = first.to_dict() | {"cites": list(refs)}
        if first.passed:
            return CitedSentence(text, _ids([cited[i] for i in first.cites])), decision | {"action": "kept"}
        try:
            answer = self._ask(key, self.prompts.rewrite([c.text for c in cited], text, "; ".join(first.reasons)))
            again, again_refs = (split_cited(self.prompts.parse_prose(answer)) or [("", ())])[0]
        except LLMError as exc:
            decision["rewrite"] = {"error": str(exc)}
        else:
            again_refs = again_refs or refs
            second = self.guard.check_story(again, [r - 1 for r in again_refs], story) if again else None
            decision["rewrite"] = {"sentence": again, "cites": list(again_refs),
                                   "passed": bool(second and second.passed),
                                   "reasons": list(second.reasons) if second else ["the rewrite is empty"]}
            if second is not None and second.recovered:
                decision["rewrite"]["recovered"] = [i + 1 for i in second.cites]
            if second is not None and second.passed:
                return CitedSentence(again, _ids([cited[i] for i in second.cites])), decision | {"action": "rewritten"}
        if first.replacement is not None:
            match = next(cited[i] for i in first.cites if cited[i].text == first.replacement.text)
            return match, decision | {"action": "replaced"}
        return None, decision | {"action": "dropped"}

    def _ask(self, key: str, prompt: Prompt) -> str:
        shaped = "\0".join((prompt.text, *prompt.stop, str(self.max_tokens)))  # all that shapes the answer
        cache_key = self.cache.key(key, self.client.model, shaped) if self.cache else ""
        if self.cache and (hit := self.cache.get(cache_key)) is not None:
            return hit
        if not self.budget.allows():
            raise LLMError(f"llm: token budget of {self.budget.limit} spent")
        done = self.client.complete([{"role": "user", "content": prompt.text}], max_tokens=self.max_tokens,
                                    stop=list(prompt.stop) or None)
        self.budget.charge(done.tokens)
        if self.cache:
            self.cache.put(cache_key, done.text)
        return done.text

    def _parse(self, parse: Callable[[str], _T], answer: str) -> _T:
        try:
            out = parse(answer)
        except ValueError as exc:
            raise LLMError(f"llm: {self.client.url}: {exc}") from exc
        if not out or (isinstance(out, tuple) and not out[-1]):
            raise LLMError(f"llm: {self.client.url}: empty answer")
        return out


def backend_from_settings(settings: Settings) -> Backend | None:
    """The model ``llm.*`` settings ask for, ready to use, or None when ``llm.mode`` is off.

    :raises LLMError: ``llm.mode`` is openai but the base URL or model is missing, or local but
        the ``local`` extra is not installed or its model cannot be loaded.
    """
    mode = settings["llm.mode"]
    if mode == "local":
        from newsbrief.llm.local import LocalClient, bundled_model, missing_extra

        if hint := missing_extra():
            raise LLMError(f"llm: llm.mode = local needs the local extra: {hint}")
        path = Path(settings["llm.model_path"]).expanduser() if settings["llm.model_path"] else bundled_model(
            settings.data_dir / "models")
        return LocalClient(path)
    if mode == "openai":
        if not settings["llm.base_url"] or not settings["llm.model"]:
            raise LLMError("llm: llm.mode = openai needs llm.base_url and llm.model")
        key_env = settings["llm.api_key_env"]
        return ChatClient(settings["llm.base_url"], settings["llm.model"], api_key=os.environ.get(key_env, "") if key_env else "",
                          timeout=float(settings["llm.timeout"]), stream=bool(settings["llm.stream"]))
    return None


def writer_from_settings(settings: Settings, *, embedder: Embedder | None = None,
                         backend: Backend | None = None) -> Writer | None:
    """The writer ``llm.*`` settings ask for, or None when ``llm.mode`` is off.

    :param embedder: the guard's sentence embedder (loaded on first use when None).
    :param backend: the model from :func:`backend_from_settings`, when already made.
    :raises LLMError: as :func:`backend_from_settings`.
    """
    client = backend or backend_from_settings(settings)
    if client is None:
        return None
    return Writer(client, Guard(embedder), budget=TokenBudget(int(settings["llm.token_budget"])),
                  cache=AnswerCache(settings.data_dir / "llm_cache"))
