"""Robustness bench: parse + map-to-articles over feedparser's 2,107 real-world fixture feeds.

Reads the files from /work/shared/bench/feeds/feedparser-fixtures at run time (never copied),
runs :func:`newsbrief.ingest.feeds.parse_feed` on each and :func:`newsbrief.ingest.extract.build_article`
(``page=None``) on every entry, and prints what happened. A crash is any exception other
than the documented ``ParseError`` ("not a feed at all"); the target is 0.

Usage::

    python bench/ingest_fixtures.py [--root DIR] [--show-crashes]
"""

from __future__ import annotations

import argparse
import ast
import collections
import datetime as dt
import re
import sys
import time
import traceback
import warnings
from pathlib import Path

from newsbrief.errors import ParseError
from newsbrief.ingest.extract import build_article
from newsbrief.ingest.feeds import ParsedFeed, parse_feed
from newsbrief.model import Article
from newsbrief.ingest.sanitize import html_to_text

DEFAULT_ROOT = Path("/work/shared/bench/feeds/feedparser-fixtures")


_HEADER = re.compile(r"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.MULTILINE)
_EXPECT = re.compile(r"^Expect:\s*(.*)$", re.MULTILINE)
_CLAUSE = re.compile(r"""^(feed|entries\[0\])\[['"](title|link|id)['"]\]\s*==\s*(u?(['"]).*\4)$""")


def _norm(value: str) -> str:
    return " ".join(html_to_text(value).split())


def cross_check(data: bytes, parsed: ParsedFeed) -> tuple[int, int, list[str]]:
    """Compare our mapping with the fixture's own ``Expect:`` clauses on title, link and id.

    Only clauses of the form ``feed['title'] == '...'`` / ``entries[0]['link'|'id'|'title'] ==
    '...'`` are checked (our plain text against the expected value read as text or as HTML);
    returns (checked, agreed, misses). Fixtures' ``Header:`` lines are passed as HTTP headers;
    the document URI is ours (``http://fixtures.example/...``), not feedparser's test server.
    """
    match = _EXPECT.search(data[:4000].decode("utf-8", errors="replace"))
    if not match:
        return 0, 0, []
    checked = agreed = 0
    misses: list[str] = []
    for clause in match.group(1).split(" and "):
        found = _CLAUSE.match(clause.strip())
        if not found:
            continue
        where, field, literal = found.group(1), found.group(2), found.group(3)
        try:
            expected = str(ast.literal_eval(literal.removeprefix("u")))
        except (ValueError, SyntaxError):
            continue
        if where == "feed":
            if field != "title":
                continue
            ours = parsed.title
        else:
            if not parsed.entries:
                checked += 1
                misses.append(f"{clause} (no entries)")
                continue
            entry = parsed.entries[0]
            ours = {"title": entry.title, "link": entry.link, "id": entry.guid}[field]
        checked += 1
        # our titles are plain text: compare with the expected value as text and as HTML-as-text
        mine = " ".join(ours.split())
        if mine in {" ".join(expected.split()), _norm(expected)} or (
            field == "link" and ours.endswith(expected)
        ):
            agreed += 1
        else:
            misses.append(f"{clause} (ours: {ours!r})")
    return checked, agreed, misses


def run(root: Path, *, show_crashes: bool = False) -> dict[str, object]:
    """Run the bench over every file under ``root`` and return the counters."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith((".", "README")))
    counts: collections.Counter[str] = collections.Counter()
    by_folder: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    date_sources: collections.Counter[str] = collections.Counter()
    not_feed_reasons: collections.Counter[str] = collections.Counter()
    crashes: list[str] = []
    misses: list[str] = []
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    for path in files:
        folder = path.relative_to(root).parts[0]
        by_folder[folder]["files"] += 1
        counts["files"] += 1
        url = f"http://fixtures.example/{path.relative_to(root).as_posix()}"
        data = path.read_bytes()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # fixtures that test HTTP behaviour state their headers in the comment
                head = data[:2000].decode("utf-8", errors="replace")
                headers = {k: v for k, v in _HEADER.findall(head)}
                parsed = parse_feed(data, url=url, headers=headers)
        except ParseError as exc:
            counts["not_a_feed"] += 1
            counts["files_with_problems"] += 1
            by_folder[folder]["not_a_feed"] += 1
            not_feed_reasons[str(exc).split(" from ")[0]] += 1
            continue
        except Exception:  # noqa: BLE001
            counts["crashes"] += 1
            crashes.append(f"{path}: {traceback.format_exc(limit=3)}")
            continue
        counts["feeds"] += 1
        counts["entries"] += len(parsed.entries)
        checked, agreed, missed = cross_check(data, parsed)
        counts["expect_checked"] += checked
        counts["expect_agreed"] += agreed
        misses.extend(f"{path.relative_to(root)}: {m}" for m in missed)
        if parsed.problems:
            counts["files_with_problems"] += 1
            by_folder[folder]["with_problems"] += 1
        for entry in parsed.entries:
            try:
                built = build_article(entry, page=None, outlet=parsed.title or "fixture", fetched_at=now)
            except Exception:  # noqa: BLE001
                counts["crashes"] += 1
                crashes.append(f"{path} (entry {entry.guid}): {traceback.format_exc(limit=3)}")
                continue
            if isinstance(built, Article):
                counts["articles"] += 1
                date_sources[built.date_source] += 1
            else:
                counts["skips"] += 1
    seconds = time.perf_counter() - started
    if show_crashes:
        for crash in crashes:
            print(crash, file=sys.stderr)
    return {
        "counts": counts,
        "by_folder": by_folder,
        "date_sources": date_sources,
        "not_feed_reasons": not_feed_reasons,
        "seconds": seconds,
        "crashes": crashes,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the bench report; exit 1 when anything crashed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--show-crashes", action="store_true")
    parser.add_argument("--show-misses", action="store_true", help="list Expect clauses we disagree with")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"bench: fixture folder {args.root} not found", file=sys.stderr)
        return 2
    report = run(args.root, show_crashes=args.show_crashes)
    if args.show_misses:
        for miss in report["misses"]:  # type: ignore[attr-defined]
            print("miss:", miss)
    counts = report["counts"]
    assert isinstance(counts, collections.Counter)
    print(f"fixture root: {args.root}")
    print(f"files:                     {counts['files']}")
    print(f"parsed as feeds:           {counts['feeds']}")
    print(f"not a feed (ParseError):   {counts['not_a_feed']}")
    print(f"entries:                   {counts['entries']}")
    print(f"articles built:            {counts['articles']}")
    print(f"entries skipped (Skip):    {counts['skips']}")
    print(f"files with recorded problems: {counts['files_with_problems']}")
    print(f"crashes:                   {counts['crashes']}")
    print(
        f"Expect: title/link/id clauses checked against our mapping: {counts['expect_checked']},"
        f" agreed: {counts['expect_agreed']}"
    )
    print(f"seconds:                   {report['seconds']:.1f}")
    print("per folder (files / with problems / not a feed):")
    by_folder = report["by_folder"]
    assert isinstance(by_folder, dict)
    for folder, c in sorted(by_folder.items()):
        print(f"  {folder:<10} {c['files']:>5} / {c['with_problems']:>4} / {c['not_a_feed']:>4}")
    print("ParseError reasons:", dict(report["not_feed_reasons"]))  # type: ignore[arg-type]
    print("article date_source:", dict(report["date_sources"]))  # type: ignore[arg-type]
    return 1 if counts["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
