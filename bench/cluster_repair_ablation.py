"""Post-hoc ablation of repair's two additions, splitting drifted stories and absorbing idle
one-article stories, on every set (information only: the defaults were fixed on duc-even and
news_t before this ran and were not changed after it). Output: bench/results/clustering_repair_ablation.txt.

    PYTHONPATH=src python bench/cluster_repair_ablation.py [shared/bench/clustering]
"""
import sys
from pathlib import Path

from newsbrief.cluster.stream import ClusterParams
from newsbrief.cluster.embed import load_embedder
from newsbrief.eval.clustering import cluster_rows, embed_rows, load_stream
from newsbrief.eval.scoring import cluster_scores

B = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/bench/clustering")
SETS = [("duc even (TDT)", B / "duc/stream.jsonl", "even", True), ("duc odd", B / "duc/stream.jsonl", "odd", False),
        ("duc all", B / "duc/stream.jsonl", "all", False), ("duc all (TDT)", B / "duc/stream.jsonl", "all", True),
        ("news_t", B / "googlenews/news_t.jsonl", "all", False), ("news", B / "googlenews/news.jsonl", "all", False)]
VARIANTS = {"merge-only repair (neither)": dict(split_threshold=None, absorb_threshold=None),
            "split only": dict(absorb_threshold=None), "absorb only": dict(split_threshold=None), "both (default)": {}}
model = load_embedder(prefer="auto")
print(f"{'set':<16} " + " ".join(f"{v:>28}" for v in VARIANTS))
for name, path, split, tdt in SETS:
    rows = load_stream(path, split=split)
    vectors = embed_rows(rows, model)
    gold = {str(r["id"]): str(r["cluster"]).split(":")[-1] if tdt else str(r["cluster"]) for r in rows}
    cells = []
    for kw in VARIANTS.values():
        s = cluster_scores(gold, cluster_rows(rows, vectors, params=ClusterParams(**kw)))
        cells.append(f"pw {s['pairwise_f1']:.3f} b3 {s['bcubed_f1']:.3f} nmi {s['nmi']:.3f}")
    print(f"{name:<16} " + " ".join(f"{c:>28}" for c in cells), flush=True)
