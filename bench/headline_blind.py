"""Blind headline judgement: the headlines of two digests of the same days, one list for a reader, scored per version.

``build`` pairs the stories of two digest JSON files of each day (the same story: the same first
source article), draws a seeded sample of them, and writes every distinct headline of the sample,
shuffled, to one numbered list for a reader who does not know which code wrote which. ``score``
reads the reader's verdicts (``{"<number>": {"verdict": "good"|"bad", "why": "..."}}``) and counts
the bad headlines of each version over the same sampled stories.

    python bench/headline_blind.py build --day 2015-09-01 OLD.json NEW.json --day ... --out DIR
    python bench/headline_blind.py score --dir DIR --verdicts DIR/head_verdicts.json

The list holds article titles: keep DIR outside the project.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path
from typing import Any


def _headlines(path: Path) -> dict[str, str]:
    """Story key (its first source article id) -> headline, for the full sections and the one-liners."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for sec in data["sections"]:
        if sec["kind"] not in ("stories", "short"):
            continue
        for item in list(sec.get("items", [])) + list(sec.get("more", [])):
            out[min(s["id"] for s in item["sources"])] = item["headline"]
    return out


def build(days: list[tuple[str, Path, Path]], out: Path, per_day: int) -> None:
    pairs: dict[str, list[tuple[str, str, str]]] = {}
    for day, old_path, new_path in days:
        old, new = _headlines(old_path), _headlines(new_path)
        common = sorted(set(old) & set(new))
        sample = random.Random("headlines" + day).sample(common, min(per_day, len(common)))
        pairs[day] = [(k, old[k], new[k]) for k in sample]
        print(day, "stories", len(old), len(new), "paired", len(common), "sampled", len(sample),
              "changed", sum(o != n for _, o, n in pairs[day]))
    unique = sorted({h for rows in pairs.values() for _, o, n in rows for h in (o, n)})
    random.Random("shuffle").shuffle(unique)
    out.mkdir(parents=True, exist_ok=True)
    (out / "heads_key.json").write_text(json.dumps({"pairs": pairs, "headlines": unique}, indent=1), encoding="utf-8")
    lines = "".join(f"{i}\t{h}\n" for i, h in enumerate(unique))
    (out / "headlines.md").write_text("# Headlines to judge\n\nOne headline per line, numbered. Judge each on its own.\n\n"
                                      + lines, encoding="utf-8")
    print(len(unique), "distinct headlines in", out / "headlines.md")


def score(folder: Path, verdicts_path: Path) -> None:
    key: dict[str, Any] = json.loads((folder / "heads_key.json").read_text(encoding="utf-8"))
    verdicts: dict[str, dict[str, str]] = json.loads(verdicts_path.read_text(encoding="utf-8"))
    number = {h: str(i) for i, h in enumerate(key["headlines"])}
    totals = {"old": collections.Counter[str](), "new": collections.Counter[str]()}
    for day, rows in key["pairs"].items():
        for version, pos in (("old", 1), ("new", 2)):
            why = [verdicts[number[row[pos]]]["why"] for row in rows if verdicts[number[row[pos]]]["verdict"] == "bad"]
            totals[version].update(why)
            totals[version]["stories"] += len(rows)
            print(f"{day} {version}: bad {len(why)} of {len(rows)} {dict(collections.Counter(why))}")
    for version, counts in totals.items():
        bad = sum(v for k, v in counts.items() if k != "stories")
        print(f"all {version}: bad {bad} of {counts['stories']} ({bad / counts['stories']:.1%})")
    moved: collections.Counter[tuple[str, str]] = collections.Counter()
    for rows in key["pairs"].values():
        for _, old, new in rows:
            if old != new:
                moved[(verdicts[number[old]]["verdict"], verdicts[number[new]]["verdict"])] += 1
    print("changed headlines (old verdict -> new verdict):", {f"{a}->{b}": n for (a, b), n in sorted(moved.items())})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--day", nargs=3, action="append", metavar=("DAY", "OLD_JSON", "NEW_JSON"), required=True)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--per-day", type=int, default=150)
    s = sub.add_parser("score")
    s.add_argument("--dir", type=Path, required=True)
    s.add_argument("--verdicts", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "build":
        build([(d, Path(o), Path(n)) for d, o, n in args.day], args.out, args.per_day)
    else:
        score(args.dir, args.verdicts)


if __name__ == "__main__":
    main()
