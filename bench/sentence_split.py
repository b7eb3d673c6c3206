"""Time both sentence splitters on one paragraph of N generated sentences (no line breaks).

``newsbrief.facts.nlp.split_sentences`` (pysbd) feeds the facts stage and
``newsbrief.summarize.sentences.split_sentences`` (rules) feeds the summaries; both must grow
linearly with the length of a paragraph. Uses the ``newsbrief`` found on ``PYTHONPATH``.

Usage::

    PYTHONPATH=src python bench/sentence_split.py 2000 4000 8000
"""

from __future__ import annotations

import random
import sys
import time

from newsbrief.facts.nlp import split_sentences as facts_split
from newsbrief.summarize.sentences import split_sentences as summary_split

SUBJECTS = ["The council", "Kestrel Labs", "Officials in Oslo", "A spokesperson", "The U.S. regulator", "Analysts at Fernhill"]
VERBS = ["said on Tuesday that", "announced", "reported that", "warned that", "confirmed"]
OBJECTS = ["the plan would cost $4.5 million.", "revenue rose 12% in the quarter.", "the vote was delayed until March.",
           "Mr. Lund would step down.", "prices fell 3.2 per cent."]


def paragraph(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}" for _ in range(n))


def main() -> None:
    for n in [int(a) for a in sys.argv[1:]] or [2000, 4000, 8000]:
        text = paragraph(n)
        for name, split in (("facts (pysbd)", facts_split), ("summaries (rules)", summary_split)):
            started = time.perf_counter()
            found = split(text)
            print(f"{n:>6} sentences  {len(text):>9,} chars  {name:<18} {len(found):>6} found  "
                  f"{time.perf_counter() - started:7.2f} s", flush=True)
    for name, text in (("'!' x 20,000", "!" * 20_000), ("'.' x 20,000", "." * 20_000)):
        started = time.perf_counter()
        summary_split(text)
        print(f"summaries (rules) on {name}: {time.perf_counter() - started:.2f} s", flush=True)


if __name__ == "__main__":
    main()
