"""The clusterer's state: per-article features, story profiles and the open-story index.

Kept apart from :mod:`newsbrief.cluster.stream` so the decision logic there reads on its own.
Memory is bounded per story (a capped term profile, one centroid row), and stories idle
for longer than the window are closed: their members stay listed but their profiles go.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import compress, repeat
from operator import itemgetter, mul
from typing import TYPE_CHECKING

import numpy as np

from newsbrief.cluster.candidates import CandidateIndex
from newsbrief.cluster.market import is_market_wrap
from newsbrief.cluster.text import capitalised_entities, entity_keys, terms
from newsbrief.errors import ClusterError

if TYPE_CHECKING:
    from newsbrief.cluster.doc import ClusterDoc

LOGGER = logging.getLogger(__name__)

__all__ = ["DocFeatures", "MemberFeatures", "Story", "StoryIndex", "doc_features", "two_means"]

_MAX_STORY_ENTITIES = 200
_TF_TABLE = 256
_TF_WEIGHT = [0.0] + [1.0 + math.log(tf) for tf in range(1, _TF_TABLE)]  # 1 + log(tf), as computed inline
_TITLE_REPEAT = 2


@dataclass(frozen=True)
class DocFeatures:
    """What the clusterer keeps of one article while deciding."""

    id: str
    published: datetime | None
    vector: np.ndarray | None
    terms: Mapping[int, float]
    entities: tuple[str, ...]
    entity_weights: tuple[float, ...] = ()
    headline_only: bool = False
    title_terms: tuple[int, ...] = ()
    subject: str = ""
    outlet: str = ""
    market_wrap: bool = False


@dataclass(frozen=True, eq=False)
class MemberFeatures:
    """A compact copy of one open member's features, kept so that repair can split a story.

    About 2.5 kB per article (the unit vector, shared with the features, and the term weights
    as two arrays); dropped when the story closes.
    """

    arrival: int
    id: str
    published: datetime | None
    vector: np.ndarray | None
    term_ids: np.ndarray
    term_weights: np.ndarray
    entities: tuple[str, ...]
    headline_only: bool
    title_terms: tuple[int, ...] = ()
    subject: str = ""
    outlet: str = ""

    @classmethod
    def of(cls, arrival: int, features: DocFeatures) -> MemberFeatures:
        """Return the compact copy of ``features`` for the member that arrived ``arrival``-th."""
        ids = np.fromiter(features.terms.keys(), dtype=np.int32, count=len(features.terms))
        weights = np.fromiter(features.terms.values(), dtype=np.float32, count=len(features.terms))
        return cls(arrival, features.id, features.published, features.vector, ids, weights, features.entities,
                   features.headline_only, features.title_terms, features.subject, features.outlet)


def two_means(feats: Sequence[MemberFeatures], *, iterations: int = 10) -> tuple[list[MemberFeatures], list[MemberFeatures]] | None:
    """Split members into two groups by their embeddings (spherical 2-means); None if it cannot.

    Deterministic: the seeds are the oldest member and the member least like it, and the
    group holding the oldest member comes first. None when a member has no vector or the
    members do not separate.

    :param feats: the members, oldest first.
    :param iterations: most reassignment rounds.
    """
    if len(feats) < 2 or any(f.vector is None for f in feats):
        return None
    m = np.stack([f.vector for f in feats if f.vector is not None]).astype(np.float32, copy=False)
    first = m[0]
    second = m[int(np.argmin(m @ first))]
    assign: np.ndarray | None = None
    for _ in range(iterations):
        moved = (m @ second) > (m @ first)
        if assign is not None and np.array_equal(moved, assign):
            break
        assign = moved
        if not assign.any() or assign.all():
            return None
        first, second = m[~assign].sum(axis=0), m[assign].sum(axis=0)
        first /= float(np.linalg.norm(first)) or 1.0
        second /= float(np.linalg.norm(second)) or 1.0
    if assign is None:
        return None
    keep = [f for f, x in zip(feats, assign.tolist(), strict=True) if not x]
    move = [f for f, x in zip(feats, assign.tolist(), strict=True) if x]
    if not keep or not move:
        return None
    return (keep, move) if keep[0].arrival < move[0].arrival else (move, keep)


@dataclass(eq=False)
class Story:
    """One story: its members and, while open, its profiles."""

    id: str
    seq: int
    members: list[tuple[int, str]] = field(default_factory=list)
    first: datetime | None = None
    last: datetime | None = None
    row: int = -1
    dense_norm: float = 0.0
    lex: dict[int, float] = field(default_factory=dict)
    lex_norm2: float = 0.0
    ents: Counter[str] = field(default_factory=Counter)
    n_open: int = 0
    n_body: int = 0
    open: bool = True
    version: int = 0
    feats: list[MemberFeatures] = field(default_factory=list)
    split_checked_n: int = 0
    titles: Counter[int] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)

    @property
    def n(self) -> int:
        """Number of member articles."""
        return len(self.members)


def _utc(value: datetime | None) -> datetime | None:
    """Return an aware datetime (naive values are taken as UTC)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _top_weights(weights: Mapping[int, float], k: int) -> list[tuple[int, float]]:
    """Return the k largest ``(term id, weight)`` items, largest first, ties to the smaller id.

    The same items in the same order as ``heapq.nlargest(k, items, key=(w, -id))``, which is
    slower when k is close to the number of items, as it is here.
    """
    # Sorted by id, then stably by weight descending (reverse keeps ties in order): the same
    # order as the key (-weight, id), with C-level keys.
    return sorted(sorted(weights.items()), key=itemgetter(1), reverse=True)[:k]


def doc_features(
    doc: ClusterDoc,
    index: StoryIndex,
    *,
    max_terms: int,
    entity_term_weight: float,
    body_chars: int = 1500,
    entity_chars: int = 1000,
    subjects: bool = False,
    markets: bool = False,
) -> DocFeatures:
    """Compute an article's features and record its terms in the incremental document frequencies.

    :param doc: the article.
    :param index: the index whose vocabulary and document frequencies are updated.
    :param max_terms: keep this many highest-weighted terms.
    :param entity_term_weight: factor on terms that belong to names.
    :param body_chars: read terms from this many leading characters of the body.
    :param entity_chars: look for capitalised names in this many leading characters of the body.
    :param subjects: also find the article's subject (the name it is most about).
    :param markets: also tell whether the article is a market wrap (:func:`~newsbrief.cluster.market.is_market_wrap`).
    """
    body = doc.text[:body_chars]
    body_terms = terms(body)
    title_terms = terms(doc.title)
    counts = Counter(body_terms)
    if title_terms:
        for _ in range(_TITLE_REPEAT):
            counts.update(title_terms)

    head = f"{doc.title}.\n{body[:entity_chars]}"
    if doc.entities:
        entities = tuple(dict.fromkeys(e.strip().lower() for e in doc.entities if e.strip()))
    else:
        entities = capitalised_entities(head)
    entities = entity_keys(entities)
    name_words = set(terms(" ".join(entities)))
    weights = index.observe_weighted(counts, entities, name_words, entity_term_weight)
    if len(weights) > max_terms:
        weights = dict(_top_weights(weights, max_terms))
    values = list(weights.values())
    norm = math.sqrt(sum(map(mul, values, values))) or 1.0
    unit = {t: w / norm for t, w in weights.items()}
    vector: np.ndarray | None = None
    if doc.vector is not None:
        vector = np.asarray(doc.vector, dtype=np.float32).reshape(-1)
        length = math.sqrt(float(vector @ vector))
        if not math.isfinite(length):
            raise ClusterError(f"cluster: vector of {doc.id!r} is not finite")
        vector = vector / length if length > 0 else None
    ent_weights = index.entity_weights(entities)
    title_ids = tuple(sorted({index.vocab[t] for t in title_terms}))
    subject = _subject(doc.title, body[:entity_chars], index) if subjects else ""
    wrap = markets and is_market_wrap(doc.title, body)
    return DocFeatures(doc.id, _utc(doc.published), vector, unit, entities, ent_weights, not body.strip(), title_ids,
                       subject, doc.outlet, wrap)


# job titles a headline writes in capitals ("Harbin appoints new CFO"): who is appointed, never whom it is about
_ROLE_WORDS = frozenset(
    "ceo cfo coo cto cio cmo cso evp svp vp md chairman chairwoman chief president director".split())


def _subject(title: str, lead: str, index: StoryIndex) -> str:
    """Return the name an article is about: the headline's name its lead repeats, the rarest first ("" if none).

    Only names that the lead also writes as names count.
    A name scores its mentions in the lead written as a name (capitalised; at most three) times the
    mean IDF of its words, so a rating word the lead writes in lower case ("an “outperform”
    rating") loses to the company's name even when both are new to the stream, and so
    a title-case common word ("Conference Call", "Market") loses to a company's name; ties go
    to the first. A headline opens on its subject, so its first word counts as a name (a
    sentence's first word otherwise does not); a job title ("CFO") is never the subject.

    :param title: the headline.
    :param lead: the leading characters of the body (the headline itself when there is no body).
    :param index: the index whose name frequencies weigh ties.
    """
    source = lead or title
    text = source.lower()
    named = set(entity_keys(capitalised_entities(lead))) if lead else None
    best, best_score = "", 0.0
    vocab, idf = index.vocab, index.idf
    for name in entity_keys(capitalised_entities("- " + title)):
        if (named is not None and name not in named) or name in _ROLE_WORDS:
            continue  # a title-case word the lead writes in lower case is no name; nor is a job title ("CFO")
        mentions = _name_mentions(name, source, text)
        ids = [vocab[t] for t in terms(name) if t in vocab]
        if not mentions or not ids:
            continue
        score = mentions * sum(map(idf, ids)) / len(ids)
        if score > best_score:
            best, best_score = name, score
    if not best and lead:
        # the lead names none of the headline's names ("Las Vegas Sands to Participate in ..." over a lead that
        # only gives the webcast's address): a name of two words or more opening the headline is its subject
        runs = capitalised_entities("- " + title)
        first = runs[0] if runs else ""
        if len(first.split()) >= 2 and title.lower().lstrip("\"'‘“ ").startswith(first):
            best = first
    return best


def _name_mentions(name: str, source: str, lower: str, most: int = 3) -> int:
    """Return how often ``source`` writes a lowercased name with a capital first letter (at most ``most``).

    :param name: the lowercased name.
    :param source: the text as written.
    :param lower: ``source.lower()``.
    :param most: stop counting here.
    """
    if len(lower) != len(source):  # lowercasing moved offsets (rare letters): count every mention
        return min(most, lower.count(name))
    n = start = 0
    while n < most:
        at = lower.find(name, start)
        if at < 0:
            break
        n += source[at].isupper() or not source[at].isalpha()
        start = at + 1
    return n


class StoryIndex:
    """Vocabulary, document frequencies, stories and the matrix of open-story centroids."""

    def __init__(self, *, max_story_terms: int, ann_min_open: int | None = None) -> None:
        """Create an empty index.

        :param max_story_terms: cap on each story's term profile.
        :param ann_min_open: open stories with centroids from which candidates come from a
            :class:`~newsbrief.cluster.candidates.CandidateIndex` (HNSW) instead of one exact
            matrix product (None: always exact). The index is dropped again below half of it.
        """
        self.max_story_terms = max_story_terms
        self.ann_min_open = ann_min_open
        self.ann: CandidateIndex | None = None
        self._ann_missing = False
        self.vocab: dict[str, int] = {}
        self.words: list[str] = []
        self.df: list[int] = []
        self.n_docs = 0
        self._log_n = 0.0
        self.ent_df: Counter[str] = Counter()
        self._ent_weights: dict[str, float] = {}
        self.stories: dict[str, Story] = {}
        self.aliases: dict[str, str] = {}
        self._seq = 0
        self._arrivals = 0
        self.now: datetime | None = None
        self._expiry: list[tuple[datetime, int, str]] = []
        self.dim = 0
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.row_open = np.zeros(0, dtype=bool)
        self._row_mask = np.zeros(0, dtype=np.float32)  # 0.0 for open rows, -inf for the others
        self._n_open_rows = 0
        self.row_story: list[Story | None] = []
        self._free: list[int] = []
        self._n_rows = 0
        self._no_row_open: dict[str, Story] = {}
        self.dirty: set[int] = set()

    # -- vocabulary --------------------------------------------------------------------

    def term_id(self, term: str) -> int:
        """Return the id of a term, adding it to the vocabulary if new."""
        tid = self.vocab.get(term)
        if tid is None:
            tid = len(self.words)
            self.vocab[term] = tid
            self.words.append(term)
            self.df.append(0)
        return tid

    def observe(self, unique_terms: Iterable[str], entities: Iterable[str]) -> list[int]:
        """Count one more document containing these terms and entities; return the term ids in order."""
        self.n_docs += 1
        self._log_n = math.log(1.0 + self.n_docs)
        vocab = self.vocab
        df = self.df
        tids: list[int] = []
        for term in unique_terms:
            tid = vocab.get(term)
            if tid is None:
                tid = self.term_id(term)
            df[tid] += 1
            tids.append(tid)
        self.ent_df.update(set(entities))
        self._ent_weights.clear()
        return tids

    def observe_weighted(
        self, counts: Mapping[str, int], entities: Iterable[str], name_words: set[str], name_factor: float
    ) -> dict[int, float]:
        """Do :meth:`observe` for a document's term counts and return its TF-IDF weights by term id.

        A term's weight is ``(1 + log tf) * idf`` at the updated counts, times ``name_factor``
        for terms in ``name_words``; one pass over the terms.
        """
        self.n_docs += 1
        self._log_n = math.log(1.0 + self.n_docs)
        self.ent_df.update(set(entities))
        self._ent_weights.clear()
        vocab = self.vocab
        get = vocab.get
        words = self.words
        df = self.df
        log = math.log
        docs = 1.0 + self.n_docs
        tf_table = _TF_WEIGHT
        table_size = _TF_TABLE
        weights: dict[int, float] = {}
        for term, tf in counts.items():
            tid = get(term)
            if tid is None:  # a new term (as term_id, inlined)
                tid = len(words)
                vocab[term] = tid
                words.append(term)
                df.append(1)
                n = 1
            else:
                n = df[tid] + 1
                df[tid] = n
            weights[tid] = (tf_table[tf] if tf < table_size else 1.0 + log(tf)) * (log(docs / (1.0 + n)) + 1.0)
        for term in name_words:
            if term in counts:  # a name word among the document's terms: in the vocabulary now
                weights[vocab[term]] *= name_factor
        return weights

    def idf(self, tid: int) -> float:
        """Return the smoothed IDF of a term id at the current document count."""
        return math.log((1.0 + self.n_docs) / (1.0 + self.df[tid])) + 1.0

    def entity_weight(self, entity: str) -> float:
        """Return an entity's IDF scaled to [0, 1] (memoised until the next document is observed)."""
        weight = self._ent_weights.get(entity)
        if weight is None:
            top = self._log_n
            if top <= 0:
                weight = 1.0
            else:
                weight = max(0.0, math.log((1.0 + self.n_docs) / (1.0 + self.ent_df[entity])) / top)
            self._ent_weights[entity] = weight
        return weight

    def entity_weights(self, entities: Iterable[str]) -> tuple[float, ...]:
        """Return :meth:`entity_weight` of each entity (computed directly, not memoised)."""
        top = self._log_n
        if top <= 0:
            return tuple(1.0 for _ in entities)
        docs = 1.0 + self.n_docs
        ent_df = self.ent_df
        log = math.log
        return tuple([max(0.0, log(docs / (1.0 + ent_df[e])) / top) for e in entities])

    # -- stories -----------------------------------------------------------------------

    def resolve(self, story_id: str) -> str:
        """Follow merge aliases to the current id of a story."""
        seen = 0
        while story_id in self.aliases and seen < 1000:
            story_id = self.aliases[story_id]
            seen += 1
        return story_id

    @property
    def arrivals(self) -> int:
        """Number of articles added or seeded so far (the undated stream's clock)."""
        return self._arrivals

    def get(self, story_id: str) -> Story | None:
        """Return a story by id (or None)."""
        return self.stories.get(story_id)

    def memberships(self) -> dict[str, tuple[str, ...]]:
        """Return story id -> member ids in arrival order."""
        return {s.id: tuple(doc for _, doc in s.members) for s in self.stories.values()}

    def _alloc_row(self, story: Story) -> None:
        """Give a story a row of the centroid matrix."""
        if self._free:
            row = self._free.pop()
        else:
            if self._n_rows == self.matrix.shape[0]:
                grown = np.zeros((max(64, 2 * self._n_rows), self.dim), dtype=np.float32)
                grown[: self._n_rows] = self.matrix[: self._n_rows]
                self.matrix = grown
                flags = np.zeros(grown.shape[0], dtype=bool)
                flags[: self._n_rows] = self.row_open[: self._n_rows]
                self.row_open = flags
                mask = np.full(grown.shape[0], -np.inf, dtype=np.float32)
                mask[: self._n_rows] = self._row_mask[: self._n_rows]
                self._row_mask = mask
                self.row_story.extend([None] * (grown.shape[0] - len(self.row_story)))
            row = self._n_rows
            self._n_rows += 1
        story.row = row
        self.row_story[row] = story
        self.row_open[row] = True
        self._row_mask[row] = 0.0
        self._n_open_rows += 1
        self.matrix[row] = 0.0

    def _set_centroid(self, row: int, centroid: np.ndarray) -> None:
        """Write a row's centroid (and report the move to the candidate index, if one is in use)."""
        self.matrix[row] = centroid
        if self.ann is not None:
            self.ann.moved(row)

    def _free_row(self, story: Story) -> None:
        """Release a story's matrix row."""
        if story.row >= 0:
            if self.ann is not None:
                self.ann.removed(story.row)
            self.row_open[story.row] = False
            self._row_mask[story.row] = -np.inf
            self._n_open_rows -= 1
            self.row_story[story.row] = None
            self._free.append(story.row)
            story.row = -1
            story.dense_norm = 0.0

    def add_member(self, story_id: str, features: DocFeatures) -> Story:
        """Add an article to a story, creating or reopening the story when needed."""
        story = self.stories.get(story_id)
        if story is None:
            self._seq += 1
            story = Story(id=story_id, seq=self._seq)
            self.stories[story_id] = story
            self._no_row_open[story_id] = story
        elif not story.open:
            story.open = True
            self._no_row_open[story_id] = story
        self._arrivals += 1
        story.members.append((self._arrivals, features.id))
        story.feats.append(MemberFeatures.of(self._arrivals, features))
        story.n_open += 1
        if not features.headline_only:
            story.n_body += 1
        story.version += 1
        self.dirty.add(story.seq)
        if features.published is not None:
            if story.first is None or features.published < story.first:
                story.first = features.published
            if story.last is None or features.published > story.last:
                story.last = features.published
                heapq.heappush(self._expiry, (story.last, story.seq, story.id))
        if features.vector is not None:
            self._add_vector(story, features.vector)
        lex = story.lex
        get = lex.get
        norm2 = story.lex_norm2
        for tid, w in features.terms.items():
            old = get(tid, 0.0)
            new = old + w
            lex[tid] = new
            norm2 += new * new - old * old
        story.lex_norm2 = norm2
        if len(story.lex) > self.max_story_terms * 3 // 2:
            keep = _top_weights(story.lex, self.max_story_terms)
            story.lex = dict(keep)
            story.lex_norm2 = sum(w * w for w in story.lex.values())
        story.ents.update(features.entities)
        story.titles.update(features.title_terms)
        if features.subject:
            story.subjects[features.subject] += 1
        if features.outlet:
            story.outlets[features.outlet] += 1
        if len(story.ents) > _MAX_STORY_ENTITIES * 3 // 2:
            story.ents = Counter(dict(story.ents.most_common(_MAX_STORY_ENTITIES)))
        return story

    def _add_vector(self, story: Story, vector: np.ndarray) -> None:
        """Fold an article's unit vector into a story's centroid row."""
        if self.dim == 0:
            self.dim = int(vector.shape[0])
            self.matrix = np.zeros((0, self.dim), dtype=np.float32)
        if vector.shape[0] != self.dim:
            raise ClusterError(f"cluster: vector has {vector.shape[0]} dims, expected {self.dim}")
        if story.row < 0:
            self._alloc_row(story)
            self._no_row_open.pop(story.id, None)
        total = self.matrix[story.row] * story.dense_norm + vector
        norm = float(np.sqrt(total.dot(total)))  # np.linalg.norm's own computation, without its overhead
        story.dense_norm = norm
        self._set_centroid(story.row, total / norm if norm > 0 else total)

    def expire(self, published: datetime | None, window_days: float) -> None:
        """Advance the stream clock and close stories idle for longer than the window."""
        if published is None:
            return
        if self.now is not None and published <= self.now:
            return
        self.now = published
        cutoff = published.timestamp() - window_days * 86400.0
        while self._expiry and self._expiry[0][0].timestamp() < cutoff:
            last, _, story_id = heapq.heappop(self._expiry)
            story = self.stories.get(story_id)
            if story is None or not story.open or story.last is None or story.last != last:
                continue
            self.close(story)

    def close(self, story: Story) -> None:
        """Close a story: keep its members, drop its profiles."""
        story.open = False
        story.n_open = 0
        self._free_row(story)
        self._no_row_open.pop(story.id, None)
        story.lex = {}
        story.lex_norm2 = 0.0
        story.ents = Counter()
        story.feats = []

    def merge(self, src: Story, into: Story) -> None:
        """Move every member and profile of ``src`` into ``into``; ``src`` disappears."""
        into.members = sorted(into.members + src.members)
        into.feats = sorted(into.feats + src.feats, key=lambda f: f.arrival)
        into.n_open += src.n_open
        into.n_body += src.n_body
        into.version += 1
        self.dirty.add(into.seq)
        for value in (src.first, src.last):
            if value is not None:
                into.first = value if into.first is None or value < into.first else into.first
                into.last = value if into.last is None or value > into.last else into.last
        if into.last is not None:
            heapq.heappush(self._expiry, (into.last, into.seq, into.id))
        if src.row >= 0:
            if into.row < 0:
                self._alloc_row(into)
                self._no_row_open.pop(into.id, None)
            total = self.matrix[into.row] * into.dense_norm + self.matrix[src.row] * src.dense_norm
            norm = float(np.linalg.norm(total))
            into.dense_norm = norm
            self._set_centroid(into.row, total / norm if norm > 0 else total)
        for tid, w in src.lex.items():
            into.lex[tid] = into.lex.get(tid, 0.0) + w
        if len(into.lex) > self.max_story_terms:
            into.lex = dict(_top_weights(into.lex, self.max_story_terms))
        into.lex_norm2 = sum(w * w for w in into.lex.values())
        into.ents.update(src.ents)
        into.titles.update(src.titles)
        into.subjects.update(src.subjects)
        into.outlets.update(src.outlets)
        self._free_row(src)
        self._no_row_open.pop(src.id, None)
        del self.stories[src.id]
        self.aliases[src.id] = into.id

    def profile(self, feats: Sequence[MemberFeatures], *, story_id: str = "", seq: int = 0) -> tuple[Story, np.ndarray | None]:
        """Return an unregistered story built from members' features, and its unit centroid.

        :param feats: the members, oldest first.
        :param story_id: id of the story built.
        :param seq: its sequence number (memo key of entity norms).
        """
        story = Story(id=story_id, seq=seq)
        story.members = [(f.arrival, f.id) for f in feats]
        story.feats = list(feats)
        story.n_open = len(feats)
        story.n_body = sum(not f.headline_only for f in feats)
        dates = [f.published for f in feats if f.published is not None]
        story.first, story.last = (min(dates), max(dates)) if dates else (None, None)
        lex: dict[int, float] = {}
        if feats:
            ids, inverse = np.unique(np.concatenate([f.term_ids for f in feats]), return_inverse=True)
            sums = np.bincount(inverse, weights=np.concatenate([f.term_weights for f in feats]))
            top = np.argsort(-sums, kind="stable")[: self.max_story_terms]  # ties to the smaller id
            lex = dict(zip(ids[top].tolist(), sums[top].tolist(), strict=True))
        story.lex = lex
        story.lex_norm2 = sum(w * w for w in lex.values())
        for f in feats:
            story.ents.update(f.entities)
            story.titles.update(f.title_terms)
            if f.subject:
                story.subjects[f.subject] += 1
            if f.outlet:
                story.outlets[f.outlet] += 1
        if len(story.ents) > _MAX_STORY_ENTITIES:
            story.ents = Counter(dict(story.ents.most_common(_MAX_STORY_ENTITIES)))
        vectors = [f.vector for f in feats if f.vector is not None]
        centroid: np.ndarray | None = None
        if vectors:
            total = np.sum(np.stack(vectors).astype(np.float32), axis=0)
            story.dense_norm = float(np.linalg.norm(total))
            centroid = total / story.dense_norm if story.dense_norm > 0 else total
        return story, centroid

    def split(self, story: Story, moved: Sequence[MemberFeatures], new_id: str) -> Story:
        """Move some open members of ``story`` into a new story ``new_id``; rebuild both profiles.

        :param story: an open story.
        :param moved: members of ``story`` (from its ``feats``) that leave.
        :param new_id: id of the new story (unused so far).
        """
        if new_id in self.stories or new_id in self.aliases:
            raise ClusterError(f"cluster: story id {new_id!r} already exists")
        gone = {f.arrival for f in moved}
        story.members = [m for m in story.members if m[0] not in gone]
        self._rebuild(story, [f for f in story.feats if f.arrival not in gone])
        self._seq += 1
        fresh = Story(id=new_id, seq=self._seq, members=[(f.arrival, f.id) for f in moved])
        self.stories[new_id] = fresh
        self._rebuild(fresh, list(moved))
        return fresh

    def _rebuild(self, story: Story, feats: list[MemberFeatures]) -> None:
        """Replace a story's open profiles by those built from ``feats`` (its members list stays)."""
        built, centroid = self.profile(feats, story_id=story.id, seq=story.seq)
        story.feats = built.feats
        story.n_open, story.n_body = built.n_open, built.n_body
        story.first, story.last = built.first, built.last
        story.lex, story.lex_norm2, story.ents, story.titles = built.lex, built.lex_norm2, built.ents, built.titles
        story.subjects, story.outlets = built.subjects, built.outlets
        story.split_checked_n = len(feats)
        story.version += 1
        story.open = True
        self.dirty.add(story.seq)
        if story.last is not None:
            heapq.heappush(self._expiry, (story.last, story.seq, story.id))
        if centroid is None:
            self._free_row(story)
            self._no_row_open[story.id] = story
        else:
            if story.row < 0:
                self._alloc_row(story)
                self._no_row_open.pop(story.id, None)
            self._set_centroid(story.row, centroid)
            story.dense_norm = built.dense_norm

    # -- retrieval and similarities ----------------------------------------------------

    def open_stories(self) -> list[Story]:
        """Return the open stories in creation order."""
        return [s for s in self.stories.values() if s.open]

    def candidates(self, features: DocFeatures, k: int) -> list[Story]:
        """Return the open stories worth scoring: the k nearest centroids (all when no vector)."""
        return [story for story, _ in self.candidate_cosines(features, k)]

    def candidate_cosines(self, features: DocFeatures, k: int) -> list[tuple[Story, float | None]]:
        """Return :meth:`candidates` with each one's embedding cosine (None without a centroid).

        The cosines come from the one matrix product that picks the candidates.
        """
        if features.vector is None or self._n_rows == 0:
            return [(s, None) for s in self.open_stories()]
        if features.vector.shape[0] != self.dim:
            raise ClusterError(f"cluster: vector has {features.vector.shape[0]} dims, expected {self.dim}")
        out = self.nearest_centroids(features.vector, k)
        out.extend((s, None) for s in self._no_row_open.values())
        return out

    def nearest_centroids(self, vector: np.ndarray, k: int) -> list[tuple[Story, float | None]]:
        """Return the (at most) k open stories whose centroids are nearest ``vector``, with cosines."""
        if self._n_rows == 0:
            return []
        ann = self._candidate_index()
        if ann is not None:
            [(rows, sims)] = self._ann_nearest(ann, vector[None, :], k)
        else:
            sims = self.matrix[: self._n_rows] @ vector
            sims += self._row_mask[: self._n_rows]  # closed rows get -inf, open ones are unchanged
            take = min(k, self._n_open_rows)
            rows = np.argpartition(-sims, take - 1)[:take] if take > 0 else np.zeros(0, dtype=np.int64)
            sims = sims[rows]
        out: list[tuple[Story, float | None]] = []
        for row, sim in zip(rows.tolist(), sims.tolist(), strict=True):
            story = self.row_story[row]
            if story is not None:
                out.append((story, sim))
        return out

    def _ann_nearest(self, ann: CandidateIndex, vectors: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        """Return, per query vector, the (at most) k nearest of the index's candidate rows and their cosines."""
        out = []
        for vector, cand in zip(vectors, ann.candidate_rows(self.matrix, vectors, k), strict=True):
            sims = self.matrix[cand] @ vector
            top = np.argpartition(-sims, k - 1)[:k] if sims.shape[0] > k else np.arange(sims.shape[0])
            out.append((cand[top], sims[top]))
        return out

    def _candidate_index(self) -> CandidateIndex | None:
        """Return the HNSW candidate index when enough stories are open (building it once), else None."""
        limit = self.ann_min_open
        if limit is None or self._ann_missing:
            return None
        if self.ann is not None:
            if self._n_open_rows < limit // 2:
                self.ann = None  # few open stories again: exact search is cheap
            return self.ann
        if self._n_open_rows < limit:
            return None
        try:
            ann = CandidateIndex(self.dim)
        except ClusterError as exc:
            LOGGER.warning("%s; candidates stay exact (slower with %d open stories)", exc, self._n_open_rows)
            self._ann_missing = True
            return None
        for row in np.flatnonzero(self.row_open[: self._n_rows]).tolist():
            ann.moved(row)
        ann.seal(self.matrix)
        self.ann = ann
        return ann

    def dense_cosine(self, vector: np.ndarray | None, story: Story) -> float | None:
        """Return the cosine between a unit vector and a story centroid (None if either is missing)."""
        if vector is None or story.row < 0:
            return None
        return float(self.matrix[story.row] @ vector)

    def title_share(self, title_terms: Sequence[int], story: Story) -> float | None:
        """Return the IDF-weighted share of a headline's terms that the story's headlines use.

        None when the article or the story has no headline terms (nothing to compare).
        """
        if not title_terms or not story.titles:
            return None
        idf = self.idf
        total = sum(map(idf, title_terms))
        shared = sum(idf(t) for t in title_terms if t in story.titles)
        return shared / total if total > 0 else 0.0

    @staticmethod
    def subjects_conflict(subject: str, entities: Sequence[str], story: Story) -> bool:
        """Whether an article and a story are about different names.

        True when the article's subject is named by none of the story's members and no member's
        subject is the article's subject or one of its names (either side without a subject: no
        conflict).
        """
        if not subject or not story.subjects or subject in story.ents or subject in story.subjects:
            return False
        return not any(s in entities for s in story.subjects)

    @staticmethod
    def names_apart(entities: Sequence[str], story: Story) -> bool:
        """Whether an article and a story both name people, places or organisations, and none the same."""
        return bool(entities) and bool(story.ents) and not any(e in story.ents for e in entities)

    @staticmethod
    def stories_names_apart(a: Story, b: Story) -> bool:
        """Whether two stories both name people, places or organisations, and none the same."""
        return bool(a.ents) and bool(b.ents) and a.ents.keys().isdisjoint(b.ents)

    @staticmethod
    def one_outlet(outlet: str, story: Story) -> bool:
        """Whether every article of a story came from ``outlet`` (a known one)."""
        return bool(outlet) and story.outlets.keys() == {outlet} and story.outlets[outlet] == story.n

    @staticmethod
    def main_subjects(story: Story) -> set[str]:
        """Return the subjects most of a story's members are about (all tied at the top count)."""
        if not story.subjects:
            return set()
        top = max(story.subjects.values())
        return {s for s, n in story.subjects.items() if n == top}

    @classmethod
    def subjects_shared(cls, subject: str, story: Story) -> bool:
        """Whether an article's subject is one of a story's main subjects (:meth:`main_subjects`)."""
        return bool(subject) and subject in cls.main_subjects(story)

    @classmethod
    def stories_share_subject(cls, a: Story, b: Story) -> bool:
        """Whether two stories have a main subject in common."""
        return not cls.main_subjects(a).isdisjoint(cls.main_subjects(b))

    @staticmethod
    def stories_conflict(a: Story, b: Story) -> bool:
        """Whether two stories are about different names (:meth:`subjects_conflict` both ways)."""
        if not a.subjects or not b.subjects or not a.subjects.keys().isdisjoint(b.subjects):
            return False
        return not any(s in b.ents for s in a.subjects) and not any(s in a.ents for s in b.subjects)

    def story_title_share(self, a: Story, b: Story) -> float | None:
        """Return :meth:`title_share` between two stories' headlines, of the story with fewer headline terms."""
        if not a.titles or not b.titles:
            return None
        small, big = (a, b) if len(a.titles) <= len(b.titles) else (b, a)
        return self.title_share(sorted(small.titles), big)

    @staticmethod
    def lexical_score(doc_terms: Mapping[int, float], story: Story) -> float:
        """Return the TF-IDF cosine of an article and a story profile (see :meth:`lexical_cosine`)."""
        if story.lex_norm2 <= 0:
            return 0.0
        # Terms the story lacks add exactly 0.0, so this equals the sum over shared terms in doc order.
        dot = sum(map(mul, doc_terms.values(), map(story.lex.get, doc_terms.keys(), repeat(0.0))))
        return dot / math.sqrt(story.lex_norm2) if dot else 0.0

    @staticmethod
    def entity_score(entities: tuple[str, ...], story: Story, weights: tuple[float, ...]) -> float:
        """Return :meth:`entity_overlap`'s score alone; ``weights`` must match ``entities``."""
        if not entities or story.n_open == 0:
            return 0.0
        total = sum(weights)
        if total <= 0:
            return 0.0
        hit = 0.0
        n_open = story.n_open
        counts = list(map(story.ents.get, entities, repeat(0)))
        for w, count in compress(zip(weights, counts, strict=True), counts):
            hit += w * min(1.0, count / n_open)
        return hit / total

    def lexical_cosine(self, doc_terms: Mapping[int, float], story: Story) -> tuple[float, list[str]]:
        """Return the TF-IDF cosine of an article and a story profile, and the top shared terms."""
        if story.lex_norm2 <= 0:
            return 0.0, []
        lex = story.lex
        parts = [(doc_terms[t] * lex[t], t) for t in filter(lex.__contains__, doc_terms)]
        if not parts:
            return 0.0, []
        dot = sum(p for p, _ in parts)
        top = sorted(parts, reverse=True)[:8]  # (weight, id) pairs are unique: same as heapq.nlargest
        return dot / math.sqrt(story.lex_norm2), [self.words[t] for _, t in top]

    def shared_terms(self, doc_terms: Mapping[int, float], story: Story, n: int = 8) -> list[str]:
        """Return :meth:`lexical_cosine`'s top shared terms alone (at most ``n``)."""
        if story.lex_norm2 <= 0:
            return []
        lex = story.lex
        parts = [(doc_terms[t] * lex[t], t) for t in filter(lex.__contains__, doc_terms)]
        parts.sort(reverse=True)  # (weight, id) pairs are unique: the same as heapq.nlargest
        return [self.words[t] for _, t in parts[:n]]

    def shared_entities(
        self, entities: tuple[str, ...], story: Story, weights: tuple[float, ...] = ()
    ) -> list[str]:
        """Return :meth:`entity_overlap`'s shared names alone, in the same order."""
        if not entities or story.n_open == 0:
            return []
        if len(weights) != len(entities):
            weights = tuple(self.entity_weight(e) for e in entities)
        get = story.ents.get
        shared = [(w * count, entity) for entity, w in zip(entities, weights, strict=True) if (count := get(entity, 0))]
        # By name, then stably by weight descending: the order of the key (-weight, name).
        shared.sort(key=itemgetter(1))
        shared.sort(key=itemgetter(0), reverse=True)
        return [e for _, e in shared]

    def entity_overlap(
        self, entities: tuple[str, ...], story: Story, weights: tuple[float, ...] = ()
    ) -> tuple[float, list[str]]:
        """Return the IDF-weighted share of an article's names that a story's members mention."""
        if not entities or story.n_open == 0:
            return 0.0, []
        if len(weights) != len(entities):
            weights = tuple(self.entity_weight(e) for e in entities)
        total = 0.0
        hit = 0.0
        shared: list[tuple[float, str]] = []
        ents = story.ents
        for entity, w in zip(entities, weights, strict=True):
            total += w
            count = ents.get(entity, 0)
            if count:
                hit += w * min(1.0, count / story.n_open)
                shared.append((w * count, entity))
        shared.sort(key=lambda x: (-x[0], x[1]))
        return (hit / total if total > 0 else 0.0), [e for _, e in shared]

    def centroid_cosine(self, a: Story, b: Story) -> float | None:
        """Return the cosine of two story centroids (None if either has none)."""
        if a.row < 0 or b.row < 0:
            return None
        return float(self.matrix[a.row] @ self.matrix[b.row])

    @staticmethod
    def profile_cosine(a: Story, b: Story) -> float:
        """Return the cosine of two story term profiles."""
        if a.lex_norm2 <= 0 or b.lex_norm2 <= 0:
            return 0.0
        small, big = (a.lex, b.lex) if len(a.lex) <= len(b.lex) else (b.lex, a.lex)
        shared = [t for t in small if t in big]
        # The sum over shared terms in the smaller profile's order (absent terms would add 0.0).
        dot = sum(map(mul, map(small.__getitem__, shared), map(big.__getitem__, shared)))
        return float(dot) / math.sqrt(a.lex_norm2 * b.lex_norm2)

    def _entity_norm(self, story: Story, cache: dict[int, float]) -> float:
        """Return the norm of a story's weighted entity vector (memoised in ``cache``)."""
        norm = cache.get(story.seq)
        if norm is None:
            n = max(1, story.n_open)
            norm = math.sqrt(sum((c / n * self.entity_weight(e)) ** 2 for e, c in story.ents.items()))
            cache[story.seq] = norm
        return norm

    def story_entity_overlap(self, a: Story, b: Story, cache: dict[int, float] | None = None) -> float:
        """Return the IDF-weighted cosine of two stories' entity counts.

        :param cache: story seq -> entity norm, reused across the pairs of one repair.
        """
        if not a.ents or not b.ents:
            return 0.0
        small, big = (a, b) if len(a.ents) <= len(b.ents) else (b, a)
        dot = 0.0
        for entity, count in small.ents.items():
            other = big.ents.get(entity)
            if other:
                w = self.entity_weight(entity)
                dot += (count / max(1, small.n_open)) * (other / max(1, big.n_open)) * w * w
        if dot <= 0:
            return 0.0
        memo = cache if cache is not None else {}
        na, nb = self._entity_norm(a, memo), self._entity_norm(b, memo)
        return dot / (na * nb) if na > 0 and nb > 0 else 0.0

    def close_pairs(self, k: int, *, floor: float = 0.3) -> list[tuple[Story, Story]]:
        """Return pairs of open stories, at least one changed since the last call, among each other's k nearest."""
        n = self._n_rows
        dirty, self.dirty = self.dirty, set()
        if n == 0:
            return []
        open_rows = np.flatnonzero(self.row_open[:n])
        if open_rows.size < 2:
            return []
        queries = [int(r) for r in open_rows if (st := self.row_story[int(r)]) is not None and st.seq in dirty]
        pairs: set[tuple[int, int]] = set()
        take = min(k + 1, open_rows.size)
        ann = self._candidate_index()
        if ann is not None:
            for start in range(0, len(queries), 512):
                rows = queries[start : start + 512]
                for row, (near, sims) in zip(rows, self._ann_nearest(ann, self.matrix[rows], take), strict=True):
                    for other, sim in zip(near.tolist(), sims.tolist(), strict=True):
                        if other != row and sim >= floor:
                            pairs.add((min(row, other), max(row, other)))
            queries = []
        sub = self.matrix[open_rows] if queries else self.matrix[:0]
        for start in range(0, len(queries), 512):
            rows = queries[start : start + 512]
            block = self.matrix[rows] @ sub.T
            top = np.argpartition(-block, take - 1, axis=1)[:, :take]
            for i, row in enumerate(rows):
                for j in top[i]:
                    other = int(open_rows[j])
                    if other != row and block[i, j] >= floor:
                        pairs.add((min(row, other), max(row, other)))
        out: list[tuple[Story, Story]] = []
        for a, b in sorted(pairs):
            sa, sb = self.row_story[a], self.row_story[b]
            if sa is not None and sb is not None:
                out.append((sa, sb))
        return out
