"""What the writer asks a model, and how it reads the answer, for chat models and base models.

A chat model (any OpenAI-compatible endpoint) is asked in plain words and answers a story with
a JSON object. A base model (the local Gemma 3 270M, not instruction-tuned) only continues text,
so it gets few-shot prompts: worked examples in a fixed layout, then the task in the same
layout, cut at the first blank line. The examples are invented for the product. Every answer
is prose whose sentences end with the ``[n]`` numbers of the source sentences they use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ChatPrompts", "FewShotPrompts", "Prompt", "Prompts", "numbered"]


@dataclass(frozen=True, slots=True)
class Prompt:
    """The text sent to the model and where its answer should stop."""

    text: str
    stop: tuple[str, ...] = ()


def numbered(sentences: Sequence[str]) -> str:
    """The sentences as ``[1] ...`` lines."""
    return "\n".join(f"[{n}] {s}" for n, s in enumerate(sentences, 1))


class ChatPrompts:
    """Plain-word prompts for instruction-tuned chat models."""

    def story(self, sources: Sequence[str]) -> Prompt:
        return Prompt(
            "You write one story of a news briefing. Below are numbered sentences from the story's articles. "
            f"Write a short headline and a fused summary of at most {max(1, len(sources))} sentences in plain, "
            "fluent English. Use only facts in the numbered sentences; end every summary sentence with the numbers "
            "of the sentences it uses, like [1] or [2][3]. Answer with one JSON object: "
            '{"headline": "...", "summary": "..."}\n\n' + numbered(sources))

    def parse_story(self, answer: str) -> tuple[str, str]:
        """Return ``(headline, summary)``.

        :raises ValueError: the answer is not the asked JSON object.
        """
        match = re.search(r"\{.*\}", answer, re.DOTALL)
        try:
            data = json.loads(match.group(0) if match else answer)
            return str(data.get("headline", "")).strip(), str(data["summary"]).strip()
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            raise ValueError("the answer is not the asked JSON object") from exc

    def rewrite(self, sources: Sequence[str], sentence: str, reason: str) -> Prompt:
        return Prompt(
            "A sentence written from the numbered sentences below failed a fact check: " + reason + ".\n"
            f"Sentence: {sentence}\nRewrite it so that it states only what the numbered sentences say, and end it "
            "with the numbers of the sentences it uses, like [1]. Answer with the sentence only.\n\n" + numbered(sources))

    def lede(self, sources: Sequence[str]) -> Prompt:
        return Prompt(
            "Below are numbered sentences from the day's top news stories. Write the opening of the day's news "
            "briefing: two to four sentences on the main events, in plain, fluent English. Use only facts in the "
            "numbered sentences; end every sentence with the numbers of the sentences it uses, like [1] or [2][3]. "
            "Answer with the sentences only.\n\n" + numbered(sources))

    def parse_prose(self, answer: str) -> str:
        """The prose of a rewrite or lede answer."""
        return " ".join(answer.strip().strip('"').split())


_STORY_EXAMPLES = (
    "Sentences:\n"
    "[1] Brambleton Rail said on Monday it would cut 240 jobs at its depot in Carrow.\n"
    "[2] The operator blamed a fall in freight orders since March.\n"
    "Headline: Brambleton Rail to cut 240 jobs in Carrow\n"
    "Summary: Brambleton Rail said on Monday it would cut 240 jobs at its Carrow depot [1]. "
    "It blamed a fall in freight orders since March [2].\n\n"
    "Sentences:\n"
    "[1] Tessaly Bank raised its main interest rate to 4.5 percent on Thursday.\n"
    "[2] Governor Mira Olund said inflation was still too high.\n"
    "[3] Economists had expected the rate to stay at 4.25 percent.\n"
    "Headline: Tessaly Bank raises rate to 4.5 percent\n"
    "Summary: Tessaly Bank raised its main interest rate to 4.5 percent on Thursday, "
    "against economists' expectation of 4.25 percent [1][3]. Governor Mira Olund said inflation was still too high [2].\n\n"
)
_REWRITE_EXAMPLES = (
    "Sources:\n[1] Orvane Foods will open 12 stores in Pellis next year.\n"
    "Sentence: Orvane Foods opened 15 stores in Pellis.\n"
    "Problem: number not in the cited sentences: 15; states as done what the cited sentence only plans or expects\n"
    "Fixed: Orvane Foods will open 12 stores in Pellis next year [1].\n\n"
    "Sources:\n[1] Judge Ana Brill did not rule on the merger on Friday.\n[2] The hearing resumes on Tuesday.\n"
    "Sentence: Judge Ana Brill approved the merger, and the hearing resumes on Tuesday.\n"
    "Problem: negation differs from the cited sentence\n"
    "Fixed: Judge Ana Brill did not rule on the merger on Friday, and the hearing resumes on Tuesday [1][2].\n\n"
)
_LEDE_EXAMPLES = (
    "Stories:\n"
    "[1] Brambleton Rail said on Monday it would cut 240 jobs at its depot in Carrow.\n"
    "[2] Tessaly Bank raised its main interest rate to 4.5 percent on Thursday.\n"
    "[3] Governor Mira Olund said inflation was still too high.\n"
    "[4] Orvane Foods will open 12 stores in Pellis next year.\n"
    "Lede: Tessaly Bank raised its main interest rate to 4.5 percent, saying inflation was still too high [2][3]. "
    "Brambleton Rail will cut 240 jobs at its Carrow depot [1]. Orvane Foods plans 12 new stores in Pellis next year [4].\n\n"
)


class FewShotPrompts:
    """Few-shot prompts for base models, which continue text rather than follow instructions."""

    def story(self, sources: Sequence[str]) -> Prompt:
        # a small base model goes on in the layout after the summary line ("Headline: ...", "[6] ...") until
        # max_tokens: stop where such a line starts
        return Prompt(_STORY_EXAMPLES + "Sentences:\n" + numbered(sources) + "\nHeadline:",
                      ("\n\n", "\nSentences:", "\nHeadline:", "\n["))

    def parse_story(self, answer: str) -> tuple[str, str]:
        """Return ``(headline, summary)`` from ``<headline>\\nSummary: <summary>``; the summary is its one line.

        :raises ValueError: the answer lacks the summary line.
        """
        head, sep, summary = answer.partition("Summary:")
        if not sep:
            raise ValueError("the answer has no Summary: line")
        return " ".join(head.split()), " ".join(summary.strip().split("\n")[0].split())

    def rewrite(self, sources: Sequence[str], sentence: str, reason: str) -> Prompt:
        return Prompt(_REWRITE_EXAMPLES + "Sources:\n" + numbered(sources) + f"\nSentence: {sentence}\nProblem: {reason}\nFixed:",
                      ("\n",))

    def lede(self, sources: Sequence[str]) -> Prompt:
        return Prompt(_LEDE_EXAMPLES + "Stories:\n" + numbered(sources) + "\nLede:", ("\n",))

    def parse_prose(self, answer: str) -> str:
        """The prose of a rewrite or lede answer: its first line."""
        return " ".join(answer.strip().split("\n")[0].split())


Prompts = ChatPrompts | FewShotPrompts
