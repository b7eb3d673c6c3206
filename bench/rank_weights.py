"""Rank a kept real-news day's stories again under other ranking weights and count the editor's major events in the top 8.

The stored ranking parts of each story (``newsbrief stories --json``, written by the digest run) are
summed again with the weights given, so a weight is compared on the same stories, parts and day in one run:

    newsbrief --data-dir DAY_DIR/data stories --date DAY --json > /tmp/stories.json
    python bench/rank_weights.py --stories /tmp/stories.json --annotations bench/realnews/annotations/DAY.json \\
        --weights '{}' --weights '{"sources": 2.0}' [-v]

With ``--data DAY_DIR/data`` the "kind" part is computed again by the working tree's ``story_kind`` from the
stored articles' texts, so a change of the kind rules is measured on the same stories without rebuilding the
digest (the stored part is what the digest run's code gave).

Stories marked not-news are left out, as the digest leaves them out of its top stories. A story counts
as the annotated event most of its articles belong to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
from collections import Counter
from typing import Any

from newsbrief.digest.newsworthiness import independent_groups
from newsbrief.digest.rank import WEIGHTS, _kind
from newsbrief.eval.realnews import _gold_id
from newsbrief.model import Article


def rekind(stories: list[dict[str, Any]], db_path: str) -> int:
    """Replace each story's stored "kind" part by the working tree's; return how many changed."""
    db = sqlite3.connect(db_path)
    rows = {r[0]: r for r in db.execute(
        "SELECT id, url, canonical_url, outlet, title, COALESCE(clean_text, text), published FROM articles")}
    changed = 0
    for s in stories:
        parts = (s.get("ranking") or {}).get("parts")
        arts = []
        for a in s["articles"]:
            if (r := rows.get(a["article_id"])) is not None:
                when = dt.datetime.fromisoformat(r[6])
                arts.append(Article(r[0], r[1], r[2] or r[1], "", r[3] or "", r[4] or "", r[5] or "", when, when))
        if parts is None or not arts:
            continue
        kind, value = _kind(independent_groups(arts))
        if abs(value - parts.get("kind", 0.0)) > 1e-3:
            changed += 1
            s["ranking"]["kind"] = kind
        parts["kind"] = value
    return changed


def top8(stories: list[dict[str, Any]], ann: dict[str, Any], weights: dict[str, float]) -> list[tuple[float, str, str, int]]:
    """The eight best stories under ``weights``: (score, annotated event, title, articles)."""
    gold = {a: e["id"] for e in ann["events"] for a in e["articles"]}
    rows = []
    for s in stories:
        r = s.get("ranking") or {}
        if not r or r.get("not_news"):
            continue
        score = sum(weights.get(k, 0.0) * v for k, v in (r.get("parts") or {}).items())
        event = Counter(gold.get(_gold_id(a["url"]) or "") for a in s["articles"]).most_common(1)[0][0] or ""
        rows.append((score, event, s["title"], len(s["articles"])))
    return sorted(rows, key=lambda t: -t[0])[:8]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", required=True, help="stories --json of the day")
    ap.add_argument("--annotations", required=True, help="the day's annotation (bench/realnews/annotations/DAY.json)")
    ap.add_argument("--weights", action="append", default=[], help="JSON overrides of the default weights (repeatable)")
    ap.add_argument("--data", help="the day's data folder: compute the kind part again with this code")
    ap.add_argument("-v", action="store_true", help="list each top 8")
    args = ap.parse_args()
    stories = json.load(open(args.stories, encoding="utf-8"))
    if args.data:
        print(f"kind computed again from {args.data}: {rekind(stories, args.data + '/newsbrief.db')} stories changed")
    ann = json.load(open(args.annotations, encoding="utf-8"))
    major = set(ann["major_events"])
    for override in args.weights or ["{}"]:
        weights = {**WEIGHTS, **json.loads(override)}
        top = top8(stories, ann, weights)
        print(f"{ann['day']} weights {override}: top8 major {sum(t[1] in major for t in top)}/8")
        if args.v:
            for score, event, title, n in top:
                print(f"    {'major' if event in major else '     '} {score:6.2f} {n:3d} arts  {event}")


if __name__ == "__main__":
    main()
