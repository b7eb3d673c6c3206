#!/usr/bin/env python3
"""Time bulk subscriptions: ``sources add DIR`` of N feed files and ``sources import-opml`` of N feeds.

    python bench/bulk_add.py [--feeds 1000]

Each command runs once as a real ``newsbrief`` process on a fresh data folder (the time
includes start-up). The feed files are small generated RSS files; the OPML lists N http URLs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr


def _run(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "newsbrief", *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, out.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=1000)
    n = ap.parse_args().feeds
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "feeds"
        folder.mkdir()
        for i in range(n):
            items = "".join(
                f"<item><title>Item {j} of outlet {i}</title><link>http://o{i}.example/{j}</link>"
                f"<description>Outlet {i} reports item {j}.</description></item>" for j in range(5))
            (folder / f"outlet-{i:05d}.xml").write_text(
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {i}</title>'
                f"<link>http://o{i}.example/</link>{items}</channel></rss>", encoding="utf-8")
        outlines = "".join(f"<outline type=\"rss\" text=\"Feed {i}\" xmlUrl={quoteattr(f'http://f{i}.example/rss')}/>"
                           for i in range(n))
        (root / "subs.opml").write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>',
                                        encoding="utf-8")
        for name, args in (("sources add DIR", ("sources", "add", str(folder))),
                           ("sources import-opml", ("sources", "import-opml", str(root / "subs.opml")))):
            data = root / f"data-{name.split()[-1]}"
            subprocess.run([sys.executable, "-m", "newsbrief", "--data-dir", str(data), "init"], check=True,
                           capture_output=True)
            seconds, last = _run("--data-dir", str(data), *args)
            print(f"{name:<20} {n} feeds  {seconds:6.2f} s   ({last})")


if __name__ == "__main__":
    main()
