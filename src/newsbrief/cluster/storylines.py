"""Storylines: events that continue one another (talks -> deal -> closing, a visit's stops).

An event is a story of :mod:`newsbrief.cluster.stream`. Two events are linked when their centroid
vectors are close (a bar looser than the one that joins an article to an event), they share
named actors (entities of their titles and leads) and they lie within a time window of each
other. Storylines are the connected groups of linked events (single-link agglomeration).

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

__all__ = ["EventProfile", "Link", "Storyline", "StorylineParams", "earlier_events", "event_profile", "link_events",
           "new_storyline_id", "storylines"]

_LEAD_CHARS = 400
_MAX_ACTORS = 30


@dataclass(frozen=True)
class StorylineParams:
    """When two events are linked.

    The defaults were tuned on the even (tuning) half of the DUC/TDT stream
    (``bench/results/storylines_duc.txt``).

    :param similarity: least cosine of the two events' centroid vectors.
    :param min_shared: least number of named actors both events mention.
    :param window_days: most days between the end of one event and the start of the other.
    """

    similarity: float = 0.5
    min_shared: int = 2
    window_days: int = 14


@dataclass(frozen=True)
class EventProfile:
    """What linking needs of one event."""

    id: str
    first: dt.date
    last: dt.date
    vector: np.ndarray | None
    actors: frozenset[str]
    storyline: str | None = None  # the storyline it was stored in, if any


@dataclass(frozen=True)
class Link:
    """Why two events are in one storyline."""

    a: str
    b: str
    similarity: float
    shared: tuple[str, ...]

    def reasons(self, event_id: str) -> dict[str, Any]:
        """The link as seen from ``event_id``: the other event, the similarity, the shared actors."""
        return {"linked_to": self.b if event_id == self.a else self.a, "similarity": round(self.similarity, 4),
                "shared_actors": list(self.shared)}


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

    :param event_id: the event (story) id.
    :param articles: ``(title, text, published, vector)`` of each member article.
    :param storyline: the storyline the event is stored in.
    """
    vectors, dates = [], []
    counts: Counter[str] = Counter()
    for title, text, published, vector in articles:
        dates.append(published.date())
        if vector is not None:
            vectors.append(np.asarray(vector, dtype=np.float32))
        counts.update(set(entity_keys(capitalised_entities(f"{title}. {text[:_LEAD_CHARS]}"))))
    if not dates:
        return None
    centroid: np.ndarray | None = None
    if vectors:
        centroid = np.mean(np.stack(vectors), axis=0)
        norm = float(np.linalg.norm(centroid))
        centroid = centroid / norm if norm else None
    actors = frozenset(a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_ACTORS])
    return EventProfile(event_id, min(dates), max(dates), centroid, actors, storyline)


def _gap_days(a: EventProfile, b: EventProfile) -> int:
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


def link_events(a: EventProfile, b: EventProfile, params: StorylineParams, similarity: float | None = None) -> Link | None:
    """Return the link between two events, or None when they do not continue one another.

    :param a: one event.
    :param b: the other.
    :param params: the bars.
    :param similarity: their centroid cosine when already computed.
    """
    if _gap_days(a, b) > params.window_days:
        return None
    shared = a.actors & b.actors
    if len(shared) < params.min_shared:
        return None
    if similarity is None:
        if a.vector is None or b.vector is None:
            return None
        similarity = float(a.vector @ b.vector)
    if similarity < params.similarity:
        return None
    return Link(a.id, b.id, similarity, tuple(sorted(shared)))


def _links(events: Sequence[EventProfile], params: StorylineParams) -> list[Link]:
    """Every link among ``events`` (their vectors compared as one matrix product)."""
    with_vec = [i for i, e in enumerate(events) if e.vector is not None]
    if len(with_vec) < 2:
        return []
    matrix = np.stack([v for v in (events[i].vector for i in with_vec) if v is not None])
    sims = matrix @ matrix.T
    out = []
    for x, y in zip(*np.nonzero(np.triu(sims >= params.similarity, k=1)), strict=True):
        found = link_events(events[with_vec[x]], events[with_vec[y]], params, float(sims[x, y]))
        if found is not None:
            out.append(found)
    return out


def storylines(events: Sequence[EventProfile], params: StorylineParams | None = None, *,
               taken: Iterable[str] = ()) -> list[Storyline]:
    """Group events into storylines (single-link), keeping stored ids stable.

    Each group keeps the oldest stored storyline id among its events (oldest by its earliest
    event here, then by id); the other stored ids in the group are listed as merged into it.
    A stored id is kept by one group only: when a stored storyline falls apart, the part with
    its oldest event keeps the id and the rest start new storylines.

    :param events: the events to group, each with the storyline it was stored in.
    :param params: the linking bars.
    :param taken: ids no new storyline may use (storylines outside ``events``).
    """
    params = params or StorylineParams()
    order = sorted(events, key=lambda e: (e.first, e.id))
    index = {e.id: i for i, e in enumerate(order)}
    parent = list(range(len(order)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[str, Link] = {}
    for found in _links(order, params):
        ra, rb = root(index[found.a]), root(index[found.b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root is the group's oldest event
        for eid in (found.a, found.b):
            if eid not in best or found.similarity > best[eid].similarity:
                best[eid] = found
    groups: dict[int, list[EventProfile]] = {}
    for i, e in enumerate(order):
        groups.setdefault(root(i), []).append(e)
    age: dict[str, tuple[dt.date, str]] = {}
    for e in order:
        if e.storyline is not None and e.storyline not in age:
            age[e.storyline] = (e.first, e.storyline)
    used = set(taken)
    claimed: set[str] = set()
    out = []
    for members in groups.values():  # in order of each group's oldest event
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
        ids = {e.id for e in members}
        out.append(Storyline(line_id, tuple(e.id for e in members), min(e.first for e in members),
                             max(e.last for e in members), {k: v for k, v in best.items() if k in ids}, merged))
    return out
