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
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newsbrief.demo import DemoResult, run_demo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from faithfulness_gates import check_digest_faithful  # noqa: E402  (the gates test_demo.py applies)

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


def _twins(ext: dict[str, dict[str, Any]], flu: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """Pair each extractive section with the fluent one citing most of the same URLs (the fluent
    section may cite fewer or other articles of its story, so the sets need not be equal)."""
    pairs, taken = [], set()
    for urls in ext:
        mine = set(urls.split())
        best = max((k for k in flu if k not in taken), key=lambda k: len(mine & set(k.split())), default=None)
        if best is not None and mine & set(best.split()):
            taken.add(best)
            pairs.append((urls, best))
    return pairs


def _gates(kind: str, result: DemoResult) -> None:
    """Apply the sample days' faithfulness gates to each day's digest and print the guard's decisions."""
    with sqlite3.connect(result.db_path) as db:
        texts = {i: f"{t}\n{x}" for i, t, x in db.execute("SELECT id, title, text FROM articles")}
    for day in sorted(result.all_paths):
        data = json.loads(result.all_paths[day]["json"].read_text(encoding="utf-8"))
        try:
            verdict = f"gates passed on {check_digest_faithful(data, texts)} sentences"
        except AssertionError as exc:
            verdict = f"GATES FAILED on: {exc}"
        actions = Counter(("headline " if g.get("headline") else "") + str(g.get("action"))
                          + (" (citations recovered)" if g.get("recovered") else "")
                          for sec in data["sections"] for it in sec["items"] for g in it.get("extra", {}).get("guard", []))
        lede = [str(g.get("action")) for g in data.get("lede_guard", [])]
        print(f"{kind} {day}: {verdict} + {len(data['lede'])} lede sentences; guard {dict(actions)}; lede {lede}")


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
    _gates("extractive", extractive)
    _gates("fluent", fluent)
    rng = random.Random(args.seed)
    parts, key = [RUBRIC], []
    n = 0
    for day in sorted(extractive.all_paths):
        ext, flu = _sections(extractive.all_paths[day]["json"]), _sections(fluent.all_paths[day]["json"])
        for urls, twin in _twins(ext, flu):
            n += 1
            pair = [("extractive", ext[urls]), ("fluent", flu[twin])]
            rng.shuffle(pair)
            parts.append(f"\n## Pair {n} ({day})\n\n### A\n\n{_text(pair[0][1])}\n\n### B\n\n{_text(pair[1][1])}\n")
            key.append({"pair": n, "day": day, "story_id": flu[twin]["story_id"], "A": pair[0][0], "B": pair[1][0],
                        "identical": _text(pair[0][1]) == _text(pair[1][1])})
    args.out.write_text("".join(parts), encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"{n} pairs ({sum(k['identical'] for k in key)} identical) -> {args.out}; key -> {args.key}")


if __name__ == "__main__":
    main()
