"""Count what the caption rules cut on real-news days, and draw the samples a person reads to judge them.

Each article of the given days is cleaned as the pipeline cleans it (its outlet's template lines
learned from the outlet's articles of those days). Printed, counts only:

- articles, and sentences left after cleaning;
- caption cuts made by :mod:`newsbrief.clean.captions` (lines the older whole-line caption
  patterns of :mod:`newsbrief.clean.boilerplate` did not already cut): whole lines, caption
  sentences cut out of a line of prose, and picture references cut out of a story sentence;
- the sizes of the two samples written to ``--dump`` for reading: every cut (or ``--cut-sample``
  of them at random) and ``--kept-sample`` sentences left after cleaning, at random.

The dump holds article text: write it outside the repository (``/tmp``) and never commit it; the
judgements go into the results file as counts and short paraphrased kinds of error.

    PYTHONPATH=src python bench/caption_check.py --data ../shared/bench/realnews/articles.jsonl.gz \
        --days 2015-09-18,2015-09-28 --dump /tmp/captions
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from newsbrief.clean import boilerplate
from newsbrief.clean.boilerplate import clean_text, template_lines
from newsbrief.summarize.sentences import split_sentences


def _paragraphs(content: str) -> str:
    """The text as the pipeline stores it: one paragraph per line, spaces folded."""
    return "\n".join(" ".join(line.split()) for line in content.split("\n"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="articles JSONL(.gz): id, published, source, content")
    parser.add_argument("--days", required=True, help="comma-separated days, YYYY-MM-DD")
    parser.add_argument("--dump", type=Path, required=True, help="folder (outside the repository) for the samples")
    parser.add_argument("--cut-sample", type=int, default=60, help="cuts to read when there are more")
    parser.add_argument("--kept-sample", type=int, default=300, help="kept sentences to read")
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    days = set(args.days.split(","))
    opener = gzip.open if args.data.suffix == ".gz" else open
    articles = []
    with opener(args.data, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["published"][:10] in days:
                articles.append((row["id"], row["source"], _paragraphs(row.get("content") or "")))
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for _, outlet, text in articles:
        by_outlet[outlet].append(text)
    templates = {outlet: template_lines(texts) for outlet, texts in by_outlet.items()}
    counts: Counter[str] = Counter()
    cuts: list[dict[str, str]] = []
    kept: list[dict[str, str]] = []
    for aid, outlet, text in articles:
        result = clean_text(text, templates=templates[outlet])
        lines = text.split("\n")
        counts["articles"] += 1
        for cut in result.cuts:
            line = lines[cut.line].strip()
            if cut.why != "caption" or any(p.search(line) for p in boilerplate._CAPTION):
                continue
            kind = ("whole line" if cut.text == line else
                    "reference in a sentence" if len(cut.text.split()) <= 3 else "sentence in a line")
            counts[f"cut: {kind}"] += 1
            cuts.append({"id": aid, "kind": kind, "cut": cut.text, "line": line})
        for sentence in split_sentences(result.text.replace("\n", "\n\n")):
            counts["sentences kept"] += 1
            kept.append({"id": aid, "sentence": sentence})
    rng = random.Random(args.seed)
    cut_sample = cuts if len(cuts) <= args.cut_sample else rng.sample(cuts, args.cut_sample)
    kept_sample = rng.sample(kept, min(args.kept_sample, len(kept)))
    args.dump.mkdir(parents=True, exist_ok=True)
    with open(args.dump / "cuts.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in cut_sample)
    with open(args.dump / "kept.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(k, ensure_ascii=False) + "\n" for k in kept_sample)
    for key in ("articles", "sentences kept", "cut: whole line", "cut: sentence in a line",
                "cut: reference in a sentence"):
        print(f"{key:32} {counts[key]}")
    print(f"{'cuts in the reading sample':32} {len(cut_sample)} of {len(cuts)}")
    print(f"{'kept sentences in the sample':32} {len(kept_sample)}")


if __name__ == "__main__":
    main()
