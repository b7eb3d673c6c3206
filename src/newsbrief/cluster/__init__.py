"""Cluster: articles -> stories (events) -> storylines.

Input: cleaned article text, title, publish date and entities, as
:class:`~newsbrief.cluster.doc.ClusterDoc` records (plain data, one per article). Output:
:class:`~newsbrief.cluster.stream.Assignment` records (the story each article joined, with the
score parts that explain why) and, over stories, storyline groups; the orchestrator stores them.
Nothing here reads or writes the store.

Modules:

- :mod:`.doc`: the input record.
- :mod:`.embed`: text -> vectors (the bundled MiniLM model, or a lexical fallback).
- :mod:`.text`: word terms and capitalised-entity features shared with the embedder and dedup.
- :mod:`.stream`: the streaming clusterer's decisions (join the best open story or found one);
  :mod:`.state`: its per-article features, story profiles and open-story index;
  :mod:`.candidates`: an HNSW index of open-story centroids for when many stories are open;
  :mod:`.market`: market wraps (a stock market's day), which the event granularity joins by day.
- :mod:`.storylines`: events that continue one another, linked into storylines (average link);
  :mod:`.storyline_similarity`: the similarity of two events (vectors, text, actors, days apart);
  :mod:`.storyline_actors`: the main actors of events (the subjects of their articles) that merging storylines share.
"""
