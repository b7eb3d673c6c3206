"""Time ``newsbrief digest`` on a day whose articles include one huge article.

Seeds a fresh data folder with three ordinary articles and one article of about 9 MB of
varied, generated sentences (under the 10 MB ``fetch.max_bytes`` cap), then runs
``python -m newsbrief digest --date 2026-11-27`` in a subprocess with the ``newsbrief`` found on
``PYTHONPATH`` and reports the wall time. With ``--mb`` smaller articles can be timed.

Usage::

    PYTHONPATH=src python bench/huge_article.py [--mb 9] [--one-paragraph] [--timeout 3600] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DAY = "2026-11-27"
SUBJECTS = ["The council", "Kestrel Labs", "Officials in Oslo", "A spokesperson for Fernhill", "The U.S. regulator",
            "Analysts at Marlowe Capital", "Mr. Lund", "The ministry", "Helix Quantum", "Residents of Tromsø"]
VERBS = ["said on Tuesday that", "announced that", "reported that", "warned that", "confirmed that", "wrote that"]
OBJECTS = ["the plan would cost $4.5 million", "revenue rose 12% in the third quarter", "the vote was delayed until March",
           "the depot would close in 2027", "prices fell 3.2 per cent", "a hearing is set for Jan. 5",
           "the ferry service would resume", "the Series B round was led by Accel", "the rule takes effect next year"]


def huge_text(n_bytes: int, *, one_paragraph: bool = False, seed: int = 7) -> str:
    """Return about ``n_bytes`` of varied sentences in paragraphs of 5 to 40 sentences (or one paragraph)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < n_bytes:
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (item {rng.randrange(10**6)})."
                     for _ in range(rng.randint(5, 40))]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return ("\n\n" if not one_paragraph else " ").join(paragraphs)[:n_bytes]


def seed(data_dir: Path, n_bytes: int, *, one_paragraph: bool = False) -> None:
    """Store the day's articles in a new database under ``data_dir``."""
    from newsbrief.model import Article
    from newsbrief.store import open_store

    published = dt.datetime.fromisoformat(f"{DAY}T09:00:00+00:00")

    def article(aid: str, title: str, text: str, outlet: str) -> Article:
        url = f"http://{outlet.lower()}.example/{aid}"
        return Article(id=aid, url=url, canonical_url=url, source_url="", outlet=outlet, title=title, text=text,
                       published=published, fetched=published, content_hash=f"h-{aid}")

    ordinary = [
        article("a1", "Helix Quantum raises $20 million", "Helix Quantum raised $20 million in a Series A round led by "
                "Accel. The Oslo startup builds quantum sensors for ships.", "Wire"),
        article("a2", "Ferry strike enters third day", "Ferry crews stayed on strike for a third day on Friday. Talks "
                "resume on Monday, the union said.", "Coast"),
        article("a3", "Council delays depot vote", "The council delayed its vote on the new depot until March. "
                "Residents had asked for more time.", "Ledger"),
    ]
    with open_store(data_dir / "newsbrief.db") as store:
        store.upsert_articles([(a, n, None) for n, a in enumerate(
            [*ordinary, article("huge", "Council publishes the full record", huge_text(n_bytes, one_paragraph=one_paragraph), "Archive")], 1)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=9.0, help="size of the huge article in MB (10^6 characters)")
    parser.add_argument("--one-paragraph", action="store_true", help="no blank lines in the huge article")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before the digest is stopped")
    parser.add_argument("--out", type=Path, help="append the result line to this file")
    args = parser.parse_args()
    import newsbrief

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data, int(args.mb * 1_000_000), one_paragraph=args.one_paragraph)
        env = {**os.environ, "NEWSBRIEF_DATA_DIR": str(data)}
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-m", "newsbrief", "digest", "--date", DAY, "--no-progress"],
                                  env=env, capture_output=True, text=True, timeout=args.timeout)
            outcome = f"exit {done.returncode}"
            notes = [line for line in done.stderr.splitlines() if line.strip()][-2:]
        except subprocess.TimeoutExpired:
            outcome, notes = f"stopped after {args.timeout:.0f} s (did not finish)", []
        elapsed = time.perf_counter() - started
    line = (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC  newsbrief from {Path(newsbrief.__file__).parent}  "
            f"article {args.mb:g} MB{' in one paragraph' if args.one_paragraph else ''}  digest {elapsed:.1f} s  {outcome}")
    print(line)
    for note in notes:
        print(f"    stderr: {note}")
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n" + "".join(f"    stderr: {n}\n" for n in notes))


if __name__ == "__main__":
    main()
