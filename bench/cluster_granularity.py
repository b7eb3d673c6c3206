"""Split/merge counts on the sample answer key for a range of join thresholds, per embedder.

This is how the ``event`` granularity thresholds in ``ClusterParams.for_embedder`` were set:
midway between the highest wrong join and the lowest right one on the sample corpus (the
project's own annotated gate). Run: ``python bench/cluster_granularity.py``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import defaultdict
from pathlib import Path

from newsbrief.cluster.stream import ClusterDoc, ClusterParams, StreamClusterer
from newsbrief.ingest.dedup import canonical_url
from newsbrief.demo import run_demo
from newsbrief.cluster.embed import article_text, load_embedder
from newsbrief.sample import answer_key
from newsbrief.store import open_store


def main() -> None:
    key = answer_key()
    gold = {canonical_url(a["url"]): a["story"] for a in key["articles"]}
    with tempfile.TemporaryDirectory() as tmp:
        result = run_demo(Path(tmp))
        with open_store(result.db_path) as store:
            start = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
            articles = store.articles_between(start, dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc))
    print(f"articles={len(articles)} stories={len(set(gold[a.canonical_url] for a in articles))}")
    print("embedder\tgranularity\tthreshold\tmin_lexical\tmerge_thr\tsplits\tmerges")
    for prefer, thresholds in (("auto", (0.27, 0.35, 0.45, 0.49, 0.55)), ("lexical", (0.10, 0.15, 0.20, 0.25, 0.30))):
        embedder = load_embedder(prefer=prefer)
        vectors = embedder.encode([article_text(a.title, a.text) for a in articles])
        for granularity in ("storyline", "event"):
            base = ClusterParams.for_embedder(embedder.name, granularity=granularity, window_days=3)
            for thr in thresholds:
                params = ClusterParams.for_embedder(embedder.name, granularity=granularity, window_days=3, threshold=thr)
                clusterer = StreamClusterer(params=params)
                pred = {a.canonical_url: clusterer.add(ClusterDoc(a.id, a.title, a.text, a.published, v)).story_id
                        for a, v in zip(articles, vectors)}
                merged = dict(clusterer.repair())

                def final(story: str) -> str:
                    while story in merged:
                        story = merged[story]
                    return story

                g2p: dict[str, set[str]] = defaultdict(set)
                p2g: dict[str, set[str]] = defaultdict(set)
                for url, story in pred.items():
                    g2p[gold[url]].add(final(story))
                    p2g[final(story)].add(gold[url])
                mark = " <- default" if abs(thr - base.threshold) < 1e-9 else ""
                print(f"{embedder.name}\t{granularity}\t{thr:.2f}\t{params.min_lexical:.2f}\t{params.merge_threshold:.2f}\t"
                      f"{sum(len(v) > 1 for v in g2p.values())}\t{sum(len(v) > 1 for v in p2g.values())}{mark}")


if __name__ == "__main__":
    main()
