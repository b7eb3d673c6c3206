"""Embedding speed of the bundled MiniLM: the old setting (1000 chars, 256 tokens) against title + lead.

Usage (from the repo root)::

    python bench/embed_speed.py --data /work/shared/bench/clustering/duc/stream.jsonl [--n 300] [--repeat 3]

Both settings embed the same first ``n`` articles of the stream in the same process, one
after the other, ``repeat`` times (the machine is shared, so the best and the median of the
runs are printed, and the ratio is taken within the same run). ``old`` is what was embedded
before the title + lead change (commit 612a80d): ``article_text(max_chars=1000)`` and 256
WordPiece tokens. ``new`` is the current default: ``article_text()`` (title + lead,
``LEAD_CHARS``) and ``LEAD_TOKENS``.
Both use the same onnxruntime ``SessionOptions`` (2 intra-op threads, sequential, all graph
optimisations) and batches of 32 texts sorted by token length.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from newsbrief.cluster.embed import LEAD_CHARS, LEAD_TOKENS, MiniLMEmbedder, article_text
from newsbrief.eval.clustering import load_stream


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300, help="articles to embed per setting and run")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    rows = load_stream(args.data)[: args.n]
    settings = {"old": (1000, 256), "new": (LEAD_CHARS, LEAD_TOKENS)}
    models = {name: MiniLMEmbedder(max_tokens=tokens, batch_size=args.batch_size) for name, (_, tokens) in settings.items()}
    texts = {name: [article_text(str(r.get("title") or ""), str(r.get("text") or ""), max_chars=chars) for r in rows]
             for name, (chars, _) in settings.items()}
    tokens = {name: float(np.mean([len(e.ids) for e in models[name]._tokenizer.encode_batch(texts[name])]))
              for name in settings}
    print(f"# {len(rows)} articles of {args.data}, cpu_count={os.cpu_count()}, load={os.getloadavg()}")
    for model in models.values():
        model.encode(["warm up the session"] * 4)
    rates: dict[str, list[float]] = {name: [] for name in settings}
    for _ in range(args.repeat):
        for name in settings:
            t0 = time.perf_counter()
            models[name].encode(texts[name])
            rates[name].append(len(rows) / (time.perf_counter() - t0))
    for name, (chars, tok) in settings.items():
        print(json.dumps({"setting": name, "max_chars": chars, "max_tokens": tok, "mean_tokens": round(tokens[name], 1),
                          "docs": len(rows), "runs_docs_per_second": [round(x, 1) for x in rates[name]],
                          "best": round(max(rates[name]), 1), "median": round(statistics.median(rates[name]), 1)}))
    ratios = [n / o for n, o in zip(rates["new"], rates["old"], strict=True)]
    print(json.dumps({"ratio_new_over_old_per_run": [round(r, 2) for r in ratios],
                      "ratio_median": round(statistics.median(ratios), 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
