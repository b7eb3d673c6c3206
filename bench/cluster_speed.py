"""Clustering speed given vectors: StreamClusterer docs/s on a labelled stream, optionally against a baseline tree.

Usage (from the repo root)::

    python bench/cluster_speed.py --data /work/shared/bench/clustering/duc/stream.jsonl \
        --vectors /tmp/duc_vectors.npy [--baseline-src /path/to/old/src] [--repeat 5] [--profile]

The vectors are computed once with the default embedder and ``article_text`` and cached in
``--vectors`` (an .npy file); the timing covers ``cluster_rows`` only (add + repair every 100
articles), the protocol of ``newsbrief.eval.clustering``. With ``--baseline-src`` the same
timing runs in a subprocess whose ``PYTHONPATH`` is that directory (e.g. a copy of the old
``src``), alternating with the current tree, so both are measured under the same load; the
script also checks that both produce the same stories.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _time_once(data: Path, vectors_path: Path, split: str) -> dict[str, object]:
    """Cluster the stream once with the importable newsbrief and return timing and a digest of the result."""
    import hashlib

    import numpy as np

    import newsbrief
    from newsbrief.eval.clustering import cluster_rows, load_stream

    rows = load_stream(data)
    vectors = np.load(vectors_path)
    if split != "all":
        keep = {str(r["id"]) for r in load_stream(data, split=split)}
        idx = [i for i, r in enumerate(rows) if str(r["id"]) in keep]
        rows = [rows[i] for i in idx]
        vectors = vectors[idx]
    t0 = time.perf_counter()
    pred = cluster_rows(rows, vectors)
    seconds = time.perf_counter() - t0
    digest = hashlib.sha1(json.dumps(sorted(pred.items())).encode()).hexdigest()[:12]
    return {"src": str(Path(newsbrief.__file__).parent.parent), "docs": len(rows), "seconds": seconds,
            "docs_per_second": len(rows) / seconds, "stories": len(set(pred.values())), "digest": digest}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--vectors", type=Path, required=True, help=".npy cache of the stream's vectors")
    ap.add_argument("--split", default="all", choices=["all", "even", "odd"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--baseline-src", type=Path, help="a src directory holding the old newsbrief package")
    ap.add_argument("--profile", action="store_true", help="print the top cProfile entries of one run")
    ap.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.once:
        print(json.dumps(_time_once(args.data, args.vectors, args.split)))
        return 0
    if not args.vectors.exists():
        import numpy as np

        from newsbrief.cluster.embed import load_embedder
        from newsbrief.eval.clustering import embed_rows, load_stream

        model = load_embedder(prefer="minilm")
        np.save(args.vectors, embed_rows(load_stream(args.data), model))
        print(f"# cached {model.name} vectors in {args.vectors}")
    trees = {"current": Path(__file__).resolve().parent.parent / "src"}
    if args.baseline_src:
        trees = {"baseline": args.baseline_src.resolve(), **trees}
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in trees}
    for _ in range(args.repeat):
        for name, src in trees.items():
            env = dict(os.environ, PYTHONPATH=str(src))
            cmd = [sys.executable, __file__, "--once", "--data", str(args.data), "--vectors", str(args.vectors),
                   "--split", args.split]
            out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
            runs[name].append(json.loads(out.strip().splitlines()[-1]))
    summary = {}
    for name, rs in runs.items():
        rates = [float(r["docs_per_second"]) for r in rs]  # type: ignore[arg-type]
        summary[name] = {"src": rs[0]["src"], "docs": rs[0]["docs"], "stories": rs[0]["stories"],
                         "digest": rs[0]["digest"], "runs_docs_per_second": [round(x) for x in rates],
                         "best": round(max(rates)), "median": round(statistics.median(rates))}
        print(json.dumps({name: summary[name]}))
    if "baseline" in summary:
        b, c = summary["baseline"], summary["current"]
        print(json.dumps({"ratio_best": round(c["best"] / b["best"], 2), "ratio_median": round(c["median"] / b["median"], 2),
                          "same_stories": b["digest"] == c["digest"]}))
    if args.profile:
        sys.path.insert(0, str(trees["current"]))
        prof = cProfile.Profile()
        prof.runcall(_time_once, args.data, args.vectors, args.split)
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
