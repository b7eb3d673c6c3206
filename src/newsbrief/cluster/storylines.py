"""Storylines: events that continue one another (talks -> deal -> closing, a visit's stops).

An event is a story of :mod:`newsbrief.cluster.stream`. Two events are alike by a weighted sum of
three similarities (:class:`StorylineParams`): the cosine of their centroid vectors, the
cosine of the TF-IDF vectors of their text and the cosine of their named actors (entities of
their articles, IDF-weighted), damped by the days between them and zero beyond a window.
Storylines are grown by average-link agglomeration: the two storylines whose events are most
alike on average merge, as long as that average reaches a bar, the two storylines agree on
their core actors (those named by at least half of each one's events), not on one shared name,
and they share a main actor, the subject of their articles (:mod:`.storyline_actors`): a
sector's words or a region's places shared by two companies' events do not make one storyline.

Ids are stable across days: a storyline keeps the id it had when it grows; when two merge,
the older one's id wins and the other is recorded as merged into it; an event that starts a
storyline gives it an id derived from its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from newsbrief.cluster.text import capitalised_entities, entity_keys
from newsbrief.cluster.storyline_actors import Candidates, article_names, distinct_names, event_subjects, same_actor
from newsbrief.cluster.storyline_similarity import PARTS, candidate_groups, event_features, pair_parts

__all__ = ["EventProfile", "Link", "Storyline", "StorylineParams", "distinct_names", "earlier_events", "event_profile",
           "new_storyline_id", "storylines"]

_MAX_ACTORS = 30
_TEXT_CHARS = 4000  # of each article, for the event's TF-IDF text and its actors


@dataclass(frozen=True)
class StorylineParams:
    """When events are merged into one storyline.

    The defaults were tuned on the even (tuning) half of the DUC/TDT stream
    (``bench/results/storylines_duc.txt``).

    :param threshold: least average similarity between the events of two storylines that merge.
    :param vector_weight: weight of the centroid-vector cosine.
    :param text_weight: weight of the TF-IDF cosine of the events' text.
    :param entity_weight: weight of the cosine of the events' actors.
    :param decay_days: similarity is scaled by ``exp(-days apart / decay_days)`` (0: no decay).
    :param window_days: events further apart than this (end of one to start of the other) are not alike.
    :param min_agree: least number of distinct core names two merging storylines share.
    :param main_actors: merging storylines must also share a main actor: the subject of an
        article of each, or, of an article without a headline, one of its ``main_actors`` most
        salient names (0: no such rule).
    """

    threshold: float = 0.14
    vector_weight: float = 0.2
    text_weight: float = 0.6
    entity_weight: float = 0.2
    decay_days: float = 30.0
    window_days: int = 30
    min_agree: int = 3
    main_actors: int = 10


@dataclass(frozen=True)
class EventProfile:
    """What linking needs of one event."""

    id: str
    first: dt.date
    last: dt.date
    vector: np.ndarray | None
    actors: frozenset[str]
    storyline: str | None = None  # the storyline it was stored in, if any
    text: str = ""  # its articles' titles and text, for TF-IDF
    candidates: tuple[Candidates, ...] = ()  # per article, the names that may be its subject


@dataclass(frozen=True)
class Link:
    """Why an event is in its storyline: the most alike other event and the parts of their similarity."""

    a: str
    b: str
    similarity: float
    shared: tuple[str, ...]
    parts: Mapping[str, float] = field(default_factory=dict)

    def reasons(self, event_id: str) -> dict[str, Any]:
        """The link as seen from ``event_id``: the other event, the similarity and its parts, the shared actors."""
        return {"linked_to": self.b if event_id == self.a else self.a, "similarity": round(self.similarity, 4),
                "shared_actors": list(self.shared)} | {k: round(v, 4) for k, v in self.parts.items()}


@dataclass(frozen=True)
class Storyline:
    """One storyline: its events (oldest first), why each joined and the ids merged into it."""

    id: str
    event_ids: tuple[str, ...]
    first: dt.date
    last: dt.date
    links: Mapping[str, Link] = field(default_factory=dict)  # event id -> its strongest link in the storyline
    merged: tuple[str, ...] = ()


def earlier_events(events: Sequence[Mapping[str, Any]], event_id: str) -> list[Mapping[str, Any]]:
    """Return the events listed before ``event_id`` in a storyline's timeline (oldest first).

    :param events: the storyline's events, oldest first, each with an ``id``.
    :param event_id: the event whose predecessors are wanted.
    """
    ids = [e["id"] for e in events]
    return list(events[:ids.index(event_id)]) if event_id in ids else []


def new_storyline_id(event_id: str) -> str:
    """Return the deterministic id of a storyline started by an event.

    :param event_id: the founding event's id.
    """
    return "sl_" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]


def event_profile(event_id: str, articles: Iterable[tuple[str, str, dt.datetime, np.ndarray | None]], *,
                  storyline: str | None = None) -> EventProfile | None:
    """Return an event's profile from its articles, or None when it has none.

    The actors are the names most of its articles mention (in their title and text).

    :param event_id: the event (story) id.
    :param articles: ``(title, text, published, vector)`` of each member article.
    :param storyline: the storyline the event is stored in.
    """
    vectors, dates, texts, candidates = [], [], [], []
    counts: Counter[str] = Counter()
    for title, text, published, vector in articles:
        dates.append(published.date())
        if vector is not None:
            vectors.append(np.asarray(vector, dtype=np.float32))
        body = f"{title}. {text[:_TEXT_CHARS]}"
        texts.append(body)
        names = set(entity_keys(capitalised_entities(body)))
        counts.update(names)
        candidates.append(article_names(title, text[:_TEXT_CHARS], names))
    if not dates:
        return None
    centroid: np.ndarray | None = None
    if vectors:
        centroid = np.mean(np.stack(vectors), axis=0)
        norm = float(np.linalg.norm(centroid))
        centroid = centroid / norm if norm else None
    actors = frozenset(a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_ACTORS])
    return EventProfile(event_id, min(dates), max(dates), centroid, actors, storyline, "\n".join(texts),
                        tuple(candidates))


def _core(counts: Counter[str], size: int) -> set[str]:
    """The actors named by at least half of a storyline's ``size`` events."""
    return {a for a, c in counts.items() if 2 * c >= size}


def _average_link(total: np.ndarray, actors: Sequence[frozenset[str]], subjects: Sequence[frozenset[str]],
                  params: StorylineParams) -> list[list[int]]:
    """Merge events (indices into ``total``) by average link until no agreeing pair reaches the bar."""
    n = len(total)
    sums = total.astype(np.float64, copy=True)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    blocked = np.zeros((n, n), dtype=bool)  # pairs whose actors disagree (until either changes)
    members = [[i] for i in range(n)]
    counts = [Counter(a) for a in actors]
    main = [set(s) for s in subjects]
    while True:
        mean = sums / np.outer(size, size)
        mean[~np.outer(alive, alive) | blocked] = -1.0
        np.fill_diagonal(mean, -1.0)
        i, j = divmod(int(np.argmax(mean)), n)
        if mean[i, j] < params.threshold:
            break
        i, j = min(i, j), max(i, j)
        if len(distinct_names(_core(counts[i], int(size[i])) & _core(counts[j], int(size[j])))) < params.min_agree \
                or (params.main_actors and not same_actor(main[i], main[j])):
            blocked[i, j] = blocked[j, i] = True
            continue
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[i, i] = 0.0
        size[i] += size[j]
        alive[j] = False
        members[i] += members[j]
        counts[i] += counts[j]
        main[i] |= main[j]
        blocked[i, :] = blocked[:, i] = False
    return [sorted(members[i]) for i in range(n) if alive[i]]


def _groups(order: Sequence[EventProfile], params: StorylineParams) -> list[tuple[list[int], dict[str, Link]]]:
    """The storylines of ``order``: indices (oldest first, groups by their oldest event) and each event's link."""
    if not order:
        return []
    features = event_features(order, params)
    subjects = event_subjects([e.candidates for e in order], [e.actors for e in order], params.main_actors)
    out: list[tuple[list[int], dict[str, Link]]] = []
    for candidates in candidate_groups(features, params):
        if len(candidates) == 1:
            out.append((candidates, {}))
            continue
        index = np.array(candidates)
        parts = pair_parts(features, index, index, params)
        for group in _average_link(parts["total"], [order[i].actors for i in candidates],
                                   [subjects[i] for i in candidates], params):
            links = {order[candidates[i]].id: _link(order, candidates, parts, i, group) for i in group if len(group) > 1}
            out.append(([candidates[i] for i in group], links))
    return sorted(out, key=lambda g: g[0])


def _link(order: Sequence[EventProfile], candidates: Sequence[int], parts: Mapping[str, np.ndarray], i: int,
          group: Sequence[int]) -> Link:
    """The strongest link of event ``candidates[i]`` to another of its storyline (``group``: indices into ``parts``)."""
    j = max((k for k in group if k != i), key=lambda k: (float(parts["total"][i, k]), -k))
    a, b = order[candidates[i]], order[candidates[j]]
    detail = {name: float(parts[name][i, j]) for name in PARTS if name in parts}
    detail["days_apart"] = float(parts["days"][i, j])
    return Link(a.id, b.id, float(parts["total"][i, j]), tuple(sorted(a.actors & b.actors)), detail)


def storylines(events: Sequence[EventProfile], params: StorylineParams | None = None, *,
               taken: Iterable[str] = ()) -> list[Storyline]:
    """Group events into storylines (average link), keeping stored ids stable.

    Each group keeps the oldest stored storyline id among its events (oldest by its earliest
    event here, then by id); the other stored ids in the group are listed as merged into it.
    A stored id is kept by one group only: when a stored storyline falls apart, the part with
    its oldest event keeps the id and the rest start new storylines.

    :param events: the events to group, each with the storyline it was stored in.
    :param params: the merging bars.
    :param taken: ids no new storyline may use (storylines outside ``events``).
    """
    params = params or StorylineParams()
    order = sorted(events, key=lambda e: (e.first, e.id))
    age: dict[str, tuple[dt.date, str]] = {}
    for e in order:
        if e.storyline is not None and e.storyline not in age:
            age[e.storyline] = (e.first, e.storyline)
    used = set(taken)
    claimed: set[str] = set()
    out = []
    for group, links in _groups(order, params):  # in order of each group's oldest event
        members = [order[i] for i in group]
        stored = sorted({e.storyline for e in members if e.storyline is not None}, key=lambda s: age[s])
        free = [s for s in stored if s not in claimed]
        if free:
            line_id = free[0]
        else:
            line_id = new_storyline_id(members[0].id)
            n = 1
            while line_id in used or line_id in claimed or line_id in age:
                line_id = new_storyline_id(f"{members[0].id}#{n}")
                n += 1
        claimed.add(line_id)
        merged = tuple(s for s in free if s != line_id)
        claimed.update(merged)
        out.append(Storyline(line_id, tuple(e.id for e in members), min(e.first for e in members),
                             max(e.last for e in members), links, merged))
    return out
