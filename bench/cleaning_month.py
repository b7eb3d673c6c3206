"""What the cleaner cuts from every article of a real-news file, and how two versions of it differ.

    # the cuts of the code on PYTHONPATH, one JSON line per article that has any
    PYTHONPATH=OLD/src python bench/cleaning_month.py cuts --data .../realnews/articles.jsonl.gz --out /tmp/old.jsonl
    PYTHONPATH=NEW/src python bench/cleaning_month.py cuts --data .../realnews/articles.jsonl.gz --out /tmp/new.jsonl
    # cuts gained and lost by reason, with a few of each to read
    python bench/cleaning_month.py compare /tmp/old.jsonl /tmp/new.jsonl [--show 5]

A cut is (reason, text); the cleaner's template lines need an outlet's history, which a single article does not have,
so this reads each article alone (the rules, not the learned templates).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path


def _cuts(data: Path, out: Path) -> None:
    from newsbrief.clean.boilerplate import CLEANER_VERSION, clean_text
    from newsbrief.eval.jsonl import read_jsonl

    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"cleaner": CLEANER_VERSION}) + "\n")
        for _, row in read_jsonl(data):
            n += 1
            result = clean_text(str(row.get("content") or ""))
            if result.cuts:
                fh.write(json.dumps({"id": row["id"], "cuts": [[c.why, c.text] for c in result.cuts]}) + "\n")
    print(f"{n} articles, cleaner {CLEANER_VERSION}: {out}")


def _read(path: Path) -> tuple[str, dict[str, collections.Counter[tuple[str, str]]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    out = {}
    for line in lines[1:]:
        row = json.loads(line)
        out[row["id"]] = collections.Counter((why, text) for why, text in row["cuts"])
    return str(head.get("cleaner", "?")), out


def _compare(old_path: Path, new_path: Path, show: int) -> None:
    old_version, old = _read(old_path)
    new_version, new = _read(new_path)
    gained: dict[str, list[str]] = collections.defaultdict(list)
    lost: dict[str, list[str]] = collections.defaultdict(list)
    articles = 0
    for aid in sorted(set(old) | set(new)):
        a, b = old.get(aid, collections.Counter()), new.get(aid, collections.Counter())
        if a == b:
            continue
        articles += 1
        for (why, text), k in (b - a).items():
            gained[why].extend([text] * k)
        for (why, text), k in (a - b).items():
            lost[why].extend([text] * k)
    print(f"cleaner {old_version} -> {new_version}: {articles} articles cut differently")
    for label, table in (("gained", gained), ("lost", lost)):
        for why in sorted(table):
            print(f"  {label} {why}: {len(table[why])}")
            for text in table[why][:show]:
                print(f"      {text[:160]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    cuts = sub.add_parser("cuts", help="write the cuts of the code on PYTHONPATH")
    cuts.add_argument("--data", type=Path, required=True)
    cuts.add_argument("--out", type=Path, required=True)
    cmp_ = sub.add_parser("compare", help="cuts gained and lost between two runs")
    cmp_.add_argument("old", type=Path)
    cmp_.add_argument("new", type=Path)
    cmp_.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    if args.cmd == "cuts":
        _cuts(args.data, args.out)
    else:
        _compare(args.old, args.new, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
