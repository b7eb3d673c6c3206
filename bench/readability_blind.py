"""A blind readability comparison of the extractive and the fluent digest on the two sample days.

Runs ``newsbrief demo`` twice (extractive; ``llm.mode = local``), pairs each full story section
of a day with its twin, shuffles each pair with a fixed seed and labels the two only A and B.
The annotators' file starts with the rubric; the key (which label is which) goes to another
file. Citations are left out of both texts, so they do not tell the two apart.

    python bench/readability_blind.py --out readability_blind.md --key readability_key.json --work /tmp/rb
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from newsbrief.demo import run_demo

RUBRIC = """# Readability comparison: story sections A and B

For each pair below, read section A and section B (the same story, the same day) and score
each from 1 (poor) to 5 (excellent) on:

- **clarity**: each sentence is easy to understand on first reading;
- **flow**: the sentences follow one another naturally, as one text, not a list of clippings;
- **redundancy**: 5 = nothing is said twice, 1 = much is repeated;
- **dangling references**: 5 = every "he", "it", "the company", "the deal" has a clear referent, 1 = many do not.

Do not try to guess how the sections were made. Fill in the table under each pair:

| | clarity | flow | redundancy | dangling references |
|---|---|---|---|---|
| A | | | | |
| B | | | | |
"""


def _sections(path: Path) -> dict[str, dict[str, Any]]:
    """Full story sections of a digest by their source URLs (the same in both runs, unlike ids)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {" ".join(sorted(s["url"] for s in it["sources"])): it
            for sec in data["sections"] if sec["kind"] == "stories" for it in sec["items"]}


def _text(item: dict[str, Any]) -> str:
    body = " ".join(" ".join(s["text"] for p in item["paragraphs"] for s in p).split())
    return f"**{item['headline']}**\n\n{body}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="the annotators' file (markdown)")
    ap.add_argument("--key", type=Path, required=True, help="the key: which of A and B is fluent (JSON)")
    ap.add_argument("--work", type=Path, required=True, help="folder for the two demo runs")
    ap.add_argument("--model-path", default="", help="GGUF file (default: the local extra's Gemma 3 270M)")
    ap.add_argument("--max-stories", type=int, default=8, help="full story sections per day (digest.max_stories)")
    ap.add_argument("--token-budget", type=int, default=50_000, help="model tokens per day (llm.token_budget)")
    ap.add_argument("--seed", type=int, default=20261205)
    args = ap.parse_args()
    extractive = run_demo(args.work / "extractive", formats=("json",), overrides={"digest.max_stories": args.max_stories})
    fluent = run_demo(args.work / "fluent", formats=("json",),
                      overrides={"digest.max_stories": args.max_stories, "llm.mode": "local",
                                 "llm.model_path": args.model_path, "llm.token_budget": args.token_budget})
    rng = random.Random(args.seed)
    parts, key = [RUBRIC], []
    n = 0
    for day in sorted(extractive.all_paths):
        ext, flu = _sections(extractive.all_paths[day]["json"]), _sections(fluent.all_paths[day]["json"])
        for urls in [u for u in ext if u in flu]:
            n += 1
            pair = [("extractive", ext[urls]), ("fluent", flu[urls])]
            rng.shuffle(pair)
            parts.append(f"\n## Pair {n} ({day})\n\n### A\n\n{_text(pair[0][1])}\n\n### B\n\n{_text(pair[1][1])}\n")
            key.append({"pair": n, "day": day, "story_id": flu[urls]["story_id"], "A": pair[0][0], "B": pair[1][0],
                        "identical": _text(pair[0][1]) == _text(pair[1][1])})
    args.out.write_text("".join(parts), encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"{n} pairs ({sum(k['identical'] for k in key)} identical) -> {args.out}; key -> {args.key}")


if __name__ == "__main__":
    main()
