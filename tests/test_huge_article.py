"""Sentence splitting costs work in proportion to the text, however long one paragraph is."""

from __future__ import annotations

import random
from typing import Any

import pysbd
import pytest

import newsbrief.facts.nlp as nlp
from newsbrief.summarize.sentences import split_sentences as summary_sentences

SUBJECTS = ["The council", "Kestrel Labs", "Officials in Oslo", "Mr. Lund", "The U.S. regulator", "Analysts at Fernhill"]
OBJECTS = ["the plan would cost $4.5 million.", "revenue rose 12% in the quarter.", "the vote was delayed until Jan. 5.",
           "prices fell 3.2 per cent.", "the depot would close, the union said."]


def sentences(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} said {rng.choice(OBJECTS)[:-1]} (note {rng.randrange(10**6)})." for _ in range(n)]


# -- splitting -------------------------------------------------------------------------------
def test_facts_splitter_reads_a_long_paragraph_in_windows_with_pysbds_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    para = " ".join(sentences(1500))  # about 90 kB without a line break
    lengths: list[int] = []
    seg = nlp._segmenter()
    real = seg.segment

    def counting(text: str) -> Any:
        lengths.append(len(text))
        return real(text)

    monkeypatch.setattr(seg, "segment", counting)
    split = nlp.split_sentences(para)
    # pysbd never sees more than a window, so the work grows with the length, not its square
    assert len(lengths) > 1 and max(lengths) <= nlp.WINDOW_CHARS
    whole = [s.strip() for s in pysbd.Segmenter(language="en", clean=False).segment(" ".join(sentences(300)))]
    assert nlp.split_sentences(" ".join(sentences(300))) == [s for s in whole if s]
    assert split == sentences(1500)


def test_facts_splitter_cuts_a_window_without_any_sentence_end() -> None:
    text = "word " * 2000 + "A" * 10_000
    parts = nlp.split_sentences(text)
    assert "".join(p.replace(" ", "") for p in parts) == text.replace(" ", "")
    assert max(len(p) for p in parts) <= nlp.WINDOW_CHARS


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", ["!" * 300_000, "." * 300_000, '."' * 150_000, "! " * 150_000, "A" * 300_000])
def test_summary_splitter_reads_runs_of_marks_once(text: str) -> None:
    assert "".join(summary_sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_summary_splitter_keeps_its_sentences() -> None:
    text = 'Hi!!! There. "Wow." He said... Then U.S. Officials left?! Mr. Lund spoke on Jan. 5 at noon. Done'
    assert summary_sentences(text) == ["Hi!!!", "There.", '"Wow."', "He said...", "Then U.S.", "Officials left?!",
                                       "Mr. Lund spoke on Jan. 5 at noon.", "Done"]
