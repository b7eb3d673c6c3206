"""Streaming, incremental story clustering with explainable assignments.

Each new article either joins the best-matching open story or founds a new one. The match
score mixes four signals (all in ``reasons`` of every :class:`Assignment`):

* **dense**: cosine between the article's embedding and the story's mean embedding;
* **lexical**: TF-IDF cosine between the article and the story's term profile, with
  document frequencies maintained incrementally (each article is weighted with the IDF
  known when it arrived, so stored stories never need re-weighting);
* **entities**: IDF-weighted share of the article's names (given entities, else
  capitalised tokens) that the story's members mention;
* **time**: a penalty that grows with the gap to the story's time span; stories idle for
  more than ``window_days`` are closed.

Names alone never carry a match: a story about "Acme recalls devices" and one about
"Acme reports earnings" share the entity but not the event words, so dense and lexical
stay low and the entity weight is too small to reach the threshold.

Periodic repair keeps stories whole and apart: :meth:`StreamClusterer.split_drifted` cuts a
story whose members divide into two groups that score low against each other (two events
that shared names early on), and :meth:`StreamClusterer.repair` merges open stories whose
profiles converged and folds one-article stories that stayed alone for days into the story
they match best. Everything is deterministic for the same input order (ties go to the older
story).
"""

from __future__ import annotations

import hashlib
import logging
import math
from operator import mul
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsbrief.cluster.doc import ClusterDoc
from newsbrief.cluster.state import (
    DocFeatures,
    MemberFeatures,
    Story,
    StoryIndex,
    doc_features,
    two_means,
)
from newsbrief.errors import ClusterError

LOGGER = logging.getLogger(__name__)

__all__ = [
    "Assignment",
    "ClusterDoc",
    "ClusterParams",
    "Split",
    "StreamClusterer",
    "new_story_id",
]


@dataclass(frozen=True)
class Assignment:
    """The decision for one article: the story it joined (or founded), and why.

    ``score`` is the combined similarity to the story joined; for a new story it is the
    best score an existing story reached (below the threshold), 0.0 when there was none.
    """

    doc_id: str
    story_id: str
    score: float
    new_story: bool
    reasons: Mapping[str, Any]


_ABSORB_CANDIDATES = 4  # stories nearest a fragment's embedding that it is scored against


@dataclass(frozen=True)
class Split:
    """A story that drifted, cut in two by :meth:`StreamClusterer.split_drifted`.

    ``story_id`` keeps its oldest member; ``doc_ids`` moved to the new story ``new_story_id``.
    ``score`` is the combined score between the two parts (below ``split_threshold``).
    """

    story_id: str
    new_story_id: str
    doc_ids: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class ClusterParams:
    """Thresholds and weights of the clusterer.

    The defaults were tuned on the even half of the DUC/TDT story stream and on googlenews
    ``news_t`` with MiniLM vectors of title + lead (64 tokens, see
    ``bench/results/clustering.md``, "Title + lead embedding, a faster clusterer, retuned
    defaults"); they also serve short headlines.

    :param threshold: minimum combined score for an article to join a story.
    :param w_dense: weight of the embedding cosine.
    :param w_lexical: weight of the TF-IDF cosine.
    :param w_entity: weight of the entity overlap.
    :param min_content: an article joins only if ``max(dense, lexical)`` reaches this, so
        shared names alone never merge two events.
    :param min_lexical: an article joins only if its TF-IDF cosine with the story reaches
        this (different events about the same company share names but few other words) ...
    :param sure_dense: ... unless its embedding cosine reaches this ...
    :param actor_dense: ... or reaches this while the article and the story are about the same
        name (a subject of one is named by the other, :meth:`StoryIndex.subjects_shared`; None:
        never). Two outlets tell one event in their own words (a record and a retrospective
        of it) but name the same actor, and their embeddings agree. :meth:`StreamClusterer.repair`
        also merges two stories whose centroids reach it and whose subjects are shared when
        their combined score reaches ``threshold`` (the join bar), not only ``merge_threshold``.
    :param time_weight: largest time penalty subtracted from the score.
    :param half_life_days: gap after which half of ``time_weight`` is subtracted.
    :param window_days: stories idle longer than this (in article time) are closed.
    :param candidates: open stories scored in full per article (the nearest by embedding).
    :param max_doc_terms: highest-weighted terms kept per article for the lexical signal.
    :param body_chars: leading characters of the body read for terms (the lead carries the
        event; reading 1,500 instead of 6,000 characters doubled the speed on full-text DUC
        without a loss on the tuning sets).
    :param entity_chars: leading characters of the body searched for capitalised names.
    :param max_story_terms: terms kept per story profile (bounds memory).
    :param entity_term_weight: factor on the TF-IDF weight of terms that are part of names.
    :param merge_threshold: combined story-to-story score above which :meth:`StreamClusterer.repair` merges.
    :param merge_max_size: repair never merges two stories that both have at least this many
        members (on googlenews it kept two stories about the same people apart, see
        ``bench/results/clustering.md``, "Title + lead embedding, a faster clusterer, retuned
        defaults").
    :param headline_merge_threshold: ``merge_threshold`` for two stories whose articles are all
        headlines without a body (None: ``merge_threshold``). Story profiles built from a few
        words per article share fewer terms than full-text ones, so related headline stories
        score lower; 0.32 was chosen on googlenews ``news_t`` (``bench/results/clustering.md``,
        "A merge threshold for headline-only stories"). It does not touch stories with any body
        text, such as DUC's.
    :param absorb_threshold: repair folds a story of at most ``absorb_max_size`` articles with
        body text, idle for ``absorb_after_days`` (``absorb_after_articles`` arrivals when
        undated), into the story it scores best against when that score reaches this and the
        content floors of joining hold (None: never). A late join at a slightly lower bar
        than ``threshold``, once the article has had the time to attract its own story.
    :param absorb_after_days: idle time before a fragment is examined (once).
    :param absorb_after_articles: the same in arrivals, for streams without dates.
    :param absorb_max_size: largest story treated as a fragment.
    :param split_threshold: :meth:`StreamClusterer.split_drifted` cuts a story in two when its
        two embedding groups score below this against each other (None: never). Above the
        headline merge bar on purpose: parts it cut are never merged back.
    :param split_min_size: open members a story needs before it is examined.
    :param split_min_part: members each part needs (fewer: an outlier, not a second event).
    :param split_growth: a story is examined again once it has grown by this factor.
    :param min_title_share: an article joins a story (and repair joins two stories) only if
        this IDF-weighted share of its headline's terms occurs in the story's headlines (None:
        no such check; articles or stories without headline terms are never held back by it).
        Pages of one template outlet (link lists, stubs, ticker and report ads) share their
        body text but not their headlines; two reports of one event share a name or a word
        of the event in their headlines.
    :param outlet_title_share: ``min_title_share`` for an article joining a story whose articles
        all come from its own outlet, and for repair joining two such stories of one outlet (None:
        no such check). An aggregator or ticker outlet fills every item from one template (a
        stub saying where and when the item was found and how often it was shared) that
        differs in figures only, so its items share their words but not their headlines;
        two articles of one outlet about one event name it in both headlines.
    :param subject_conflict: an article never joins a story (nor repair two stories) when each
        is about a name the other never mentions (the subject: the headline's name that the lead
        repeats, the rarest first). Template items ("X appoints CFO", "Y upgraded at Z") are
        phrased alike but name different companies as their subject.
    :param shared_name: an article that names people, places or organisations never joins a story that
        names some too but none of the same (nor does repair join two such stories): two bus crashes
        of one day, in two countries, are told in the same words.
    :param market_day: market wraps (:func:`~newsbrief.cluster.market.is_market_wrap`: how a stock market as a
        whole moved) published on one UTC day join one story, whatever their words: Tokyo's open and New
        York's close share neither names nor figures, yet a reader gets one section of the day's markets.
        Split never cuts that story. The event granularity sets it.
    :param small_threshold: the bar a new article must reach to join a story of fewer than ``small_size`` articles
        (None: ``threshold``); :meth:`StreamClusterer.repair` merges and absorbs with its own bars.
        Two unrelated items about one subject (two market-research releases, two stories of the Fed's week) most
        often meet as two single articles; an event's many angles join a story that already has several. Set
        by the event granularity (``bench/results/clustering.md``, "A higher join bar for single-article stories").
    :param small_size: stories with fewer articles than this use ``small_threshold``.
    :param ann_min_open: open stories (with centroids) from which candidates come from an HNSW
        index (:mod:`newsbrief.cluster.candidates`, faiss) instead of one exact matrix product;
        None: always exact. Below it the exact product costs a few milliseconds per article;
        above it the index is many times faster at a measured recall of about 0.998
        (``bench/results/candidate_search.txt``). Without faiss installed, candidates stay exact.

    The absorb and split defaults were chosen on the even half of DUC (TDT topics) and on
    googlenews ``news_t`` (``bench/results/clustering.md``, "Repair that splits drifted stories
    and absorbs idle fragments").
    """

    threshold: float = 0.22
    w_dense: float = 0.4
    w_lexical: float = 0.55
    w_entity: float = 0.05
    min_content: float = 0.25
    min_lexical: float = 0.0
    sure_dense: float = 2.0
    actor_dense: float | None = None
    time_weight: float = 0.1
    half_life_days: float = 3.0
    window_days: float = 60.0
    candidates: int = 10
    max_doc_terms: int = 120
    body_chars: int = 1500
    entity_chars: int = 1000
    max_story_terms: int = 400
    entity_term_weight: float = 0.7
    merge_threshold: float = 0.4
    merge_max_size: int = 20
    headline_merge_threshold: float | None = 0.32
    absorb_threshold: float | None = 0.2
    absorb_after_days: float = 2.0
    absorb_after_articles: int = 300
    absorb_max_size: int = 1
    split_threshold: float | None = 0.33
    split_min_size: int = 6
    split_min_part: int = 3
    split_growth: float = 1.25
    min_title_share: float | None = None
    outlet_title_share: float | None = None
    subject_conflict: bool = False
    shared_name: bool = False
    sure_title_share: float | None = None
    market_day: bool = False
    ann_min_open: int | None = 10_000
    small_threshold: float | None = None
    small_size: int = 2

    @classmethod
    def for_embedder(cls, embedder_name: str, *, granularity: str = "storyline", **overrides: Any) -> ClusterParams:
        """Return the defaults calibrated for an embedder's vectors (by :attr:`Embedder.name`).

        Hashing (lexical fallback) vectors have much lower cosines than MiniLM's, so they
        get their own weights and thresholds (tuned on the same data as the defaults).

        ``granularity`` says what a story is. ``"storyline"`` (the benchmark setting, tuned
        on the DUC/TDT topics) groups every development of a topic over weeks; ``"event"``
        (the digest's default) keeps different events about the same company apart, e.g. a
        recall and a quarterly report: an article must also share enough words with the
        story (``min_lexical``), not just names. The event floor was set on the sample corpus
        answer key, the project's own annotated gate (wrong joins there had TF-IDF cosines up
        to 0.17, right ones from 0.26), and ``sure_dense`` on googlenews and the even half of
        DUC (see ``bench/results/clustering_granularity.txt``). Events also need headlines that
        agree and subjects that do not conflict (``_EVENT_HEADLINE_CHECKS``).

        :param embedder_name: e.g. ``"minilm-l6-int8"`` or ``"hashing-tf-1024"``.
        :param granularity: ``"storyline"`` or ``"event"``.
        :param overrides: field values that replace the calibrated ones.
        """
        lexical = embedder_name.startswith("hashing")
        base: dict[str, Any] = {}
        if lexical:
            base = {"w_dense": 0.2, "w_lexical": 0.75, "w_entity": 0.05, "threshold": 0.10,
                    "merge_threshold": 0.30, "min_content": 0.1, "headline_merge_threshold": None,
                    "absorb_threshold": 0.10, "split_threshold": 0.10}
        if granularity == "event":
            base.update({"threshold": 0.25} if lexical else {"min_lexical": 0.2, "sure_dense": 0.85, "actor_dense": 0.7,
                                                                    "merge_threshold": 0.6, "small_threshold": 0.3,
                                                                    "headline_merge_threshold": None})
            base.update(_EVENT_HEADLINE_CHECKS)
            base["market_day"] = True
        elif granularity != "storyline":
            raise ClusterError(f"cluster: granularity must be 'event' or 'storyline', got {granularity!r}")
        base.update(overrides)
        return cls(**base)

    def __post_init__(self) -> None:
        """Reject values that cannot work."""
        if self.actor_dense is not None and not 0.0 <= self.actor_dense <= 1.0:
            raise ClusterError(f"cluster: actor_dense must be in [0, 1], got {self.actor_dense}")
        if not 0.0 <= self.threshold <= 1.5:
            raise ClusterError(f"cluster: threshold must be in [0, 1.5], got {self.threshold}")
        if self.small_threshold is not None and not 0.0 <= self.small_threshold <= 1.5:
            raise ClusterError(f"cluster: small_threshold must be in [0, 1.5], got {self.small_threshold}")
        if min(self.w_dense, self.w_lexical, self.w_entity, self.time_weight) < 0:
            raise ClusterError("cluster: weights must be >= 0")
        if self.w_dense + self.w_lexical + self.w_entity <= 0:
            raise ClusterError("cluster: at least one weight must be > 0")
        if self.window_days <= 0 or self.half_life_days <= 0:
            raise ClusterError("cluster: window_days and half_life_days must be > 0")
        for name in ("min_title_share", "outlet_title_share", "sure_title_share"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise ClusterError(f"cluster: {name} must be in [0, 1], got {value}")
        if min(self.candidates, self.max_doc_terms, self.max_story_terms, self.body_chars, self.merge_max_size) < 1:
            raise ClusterError("cluster: candidates and term caps must be >= 1")
        if self.ann_min_open is not None and self.ann_min_open < 2:
            raise ClusterError(f"cluster: ann_min_open must be >= 2 or None, got {self.ann_min_open}")


_EVENT_HEADLINE_CHECKS: dict[str, Any] = {"subject_conflict": True, "sure_title_share": 0.4, "outlet_title_share": 0.1,
                                           "shared_name": True}
"""Headline and subject checks of the event granularity, set on the real-news tuning day 2015-09-08
(``bench/results/clustering.md``, "Events on real news: headlines and subjects"). ``min_title_share``
stays off: it split a sample answer-key story told under headlines that share no word; it applies only
among one outlet's articles (``outlet_title_share``, "Event grouping: one outlet's template, the same
actor"). ``shared_name`` came from two crashes of one day joined on their words (2015-09-06, a day without a
grouping annotation); on the six annotated dev days no right join lacked a shared name
(``bench/results/realnews_report_days.txt``, 2026-12-08)."""


def new_story_id(doc_id: str) -> str:
    """Return the deterministic id of a story founded by a document.

    :param doc_id: id of the founding document.
    """
    return "st_" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Scored:
    """Signals of one article against one story."""

    story: Story
    dense: float
    lexical: float
    entity: float
    gap_days: float | None
    penalty: float
    score: float
    shared_terms: list[str] = field(default_factory=list)
    shared_entities: list[str] = field(default_factory=list)


def _rank_key(row: tuple[Any, ...]) -> tuple[float, int]:
    """Order scored candidates best first; ties go to the older story."""
    return (-row[0], row[1])


class StreamClusterer:
    """Assigns articles, one at a time in publication order, to stories."""

    def __init__(self, *, params: ClusterParams | None = None) -> None:
        """Create an empty clusterer.

        :param params: thresholds and weights; :class:`ClusterParams` defaults if omitted.
        """
        self.params = params or ClusterParams()
        self._index = StoryIndex(max_story_terms=self.params.max_story_terms, ann_min_open=self.params.ann_min_open)
        self._seen: set[str] = set()
        self._absorb_checked: set[int] = set()
        self._split_apart: set[frozenset[str]] = set()
        self._market_days: dict[date, str] = {}  # UTC day -> the story of that day's market wraps

    # -- public API --------------------------------------------------------------------

    def seed(self, doc: ClusterDoc, story_id: str) -> None:
        """Restore an existing membership (e.g. yesterday's stories) without re-deciding it.

        :param doc: the stored article.
        :param story_id: the story it belongs to.
        """
        if doc.id in self._seen:
            raise ClusterError(f"cluster: document {doc.id!r} was already added")
        features = self._features(doc)
        self._index.expire(features.published, self.params.window_days)
        story = self._index.add_member(self._index.resolve(story_id), features)
        self._seen.add(doc.id)
        if (day := self._market_day(features)) is not None:
            self._market_days.setdefault(day, story.id)

    def add(self, doc: ClusterDoc) -> Assignment:
        """Put a new article into the best open story, or found a new story with it.

        :param doc: the article; ``vector`` may be None (lexical and entity signals only).
        """
        if doc.id in self._seen:
            raise ClusterError(f"cluster: document {doc.id!r} was already added")
        p = self.params
        features = self._features(doc)
        self._index.expire(features.published, p.window_days)
        ranked = sorted(self._score_candidates(features, self._index.candidate_cosines(features, p.candidates)),
                        key=_rank_key)
        if p.min_title_share is not None or p.outlet_title_share is not None or p.subject_conflict or p.shared_name:
            ranked = [r for r in ranked if self._may_join(features, r[2])]
        best = self._scored(features, ranked[0]) if ranked else None
        runner = self._scored(features, ranked[1]) if len(ranked) > 1 else None
        waived = None  # what lets the article join without min_lexical
        if best is not None and best.lexical < p.min_lexical:
            waived = ("dense" if best.dense >= p.sure_dense else "headlines" if self._headlines_agree(features, best.story)
                      else "subject" if self._actors_agree(features, best) else None)
        joins = (
            best is not None
            and best.score >= p.threshold
            and (p.small_threshold is None or best.story.n >= p.small_size or best.score >= p.small_threshold)
            and max(best.dense, best.lexical) >= p.min_content
            and (best.lexical >= p.min_lexical or waived is not None)
        )
        market_day = self._market_day(features)
        market = self._market_story(market_day)
        if market is not None and (not joins or best is None or best.story is not market):
            # the day's markets are one story: the wrap joins it whatever its words
            chosen_market = self._scored(features, self._score(features, market))
            competitor = best if best is not None and best.story is not market else runner
            story_id, new, score, chosen = market.id, False, chosen_market.score, chosen_market
        elif joins and best is not None:
            story_id = best.story.id
            new = False
            score = best.score
            chosen = best
            competitor = runner
        else:
            story_id = new_story_id(doc.id)
            if self._index.get(story_id) is not None:
                raise ClusterError(f"cluster: story id collision for {doc.id!r}")
            new = True
            score = best.score if best is not None else 0.0
            chosen = None
            competitor = best
        self._index.add_member(story_id, features)
        self._seen.add(doc.id)
        if market_day is not None and market is None:
            self._market_days[market_day] = story_id
        reasons = self._reasons(chosen, competitor)
        if market_day is not None and chosen is not None and chosen.story is market:
            reasons["market_day"] = market_day.isoformat()
        if chosen is not None and waived is not None:
            reasons["word_floor_waived_by"] = f"subject:{features.subject}" if waived == "subject" else waived
        return Assignment(
            doc_id=doc.id,
            story_id=story_id,
            score=round(float(score), 6),
            new_story=new,
            reasons=reasons,
        )

    def repair(self) -> list[tuple[str, str]]:
        """Merge open stories that converged; return ``(from_story_id, into_story_id)`` pairs.

        A pair merges when its combined story-to-story score reaches ``merge_threshold``
        (``headline_merge_threshold`` when neither story has an article with body text) and
        at least one of the two has fewer than ``merge_max_size`` members; the smaller
        story (the younger on a tie) goes into the other.
        """
        p = self.params
        merges: list[tuple[str, str]] = []
        for _ in range(5):
            scored = []
            norms: dict[int, float] = {}
            for a, b in self._index.close_pairs(p.candidates):
                if min(a.n, b.n) >= p.merge_max_size:
                    continue  # two established stories stay apart; repair joins fragments
                if frozenset((a.id, b.id)) in self._split_apart:
                    continue  # split_drifted cut these apart
                if not self._stories_may_join(a, b):
                    continue
                bar = p.merge_threshold
                if p.headline_merge_threshold is not None and a.n_body == 0 and b.n_body == 0:
                    bar = p.headline_merge_threshold
                if self._stories_actors_agree(a, b, self._index.centroid_cosine(a, b)):
                    bar = min(bar, p.threshold)  # the same actor and close embeddings: joined as add() would
                s = self._pair_score(a, b, norms, floor=bar)
                if s >= bar:
                    scored.append((-s, min(a.seq, b.seq), max(a.seq, b.seq), a, b))
            scored.sort(key=lambda t: (t[0], t[1], t[2]))
            touched: set[int] = set()
            merged_now = 0
            for _neg, _sa, _sb, a, b in scored:
                if a.seq in touched or b.seq in touched:
                    continue  # re-scored on the next pass with the merged profiles
                into, src = (a, b) if (a.n, -a.seq) >= (b.n, -b.seq) else (b, a)
                self._index.merge(src, into)
                touched.update((a.seq, b.seq))
                merges.append((src.id, into.id))
                merged_now += 1
                LOGGER.debug("cluster: merged %s into %s (score %.3f)", src.id, into.id, -_neg)
            if not merged_now:
                break
        if p.absorb_threshold is not None:
            merges.extend(self._absorb_fragments())
        return merges

    def _absorb_fragments(self) -> list[tuple[str, str]]:
        """Fold idle one-article stories into their best-matching story; return the merges.

        A fragment is examined once, when it has been idle for ``absorb_after_days`` of
        article time (``absorb_after_articles`` arrivals in an undated stream). It joins the
        story it scores best against when that score reaches ``absorb_threshold`` and the
        content floors of :meth:`add` hold.
        """
        p = self.params
        index = self._index
        out: list[tuple[str, str]] = []
        norms: dict[int, float] = {}
        for story in index.open_stories():
            if story.n > p.absorb_max_size or story.n_body == 0 or story.seq in self._absorb_checked or story.row < 0:
                continue  # a headline alone is too thin a profile to place
            if index.now is not None and story.last is not None:
                idle = (index.now - story.last).total_seconds() >= p.absorb_after_days * 86400.0
            else:
                idle = index.arrivals - story.members[-1][0] >= p.absorb_after_articles
            if not idle:
                continue
            self._absorb_checked.add(story.seq)
            best: tuple[float, int, Story] | None = None
            for other, _cos in index.nearest_centroids(index.matrix[story.row], _ABSORB_CANDIDATES + 1):
                if other is story:
                    continue
                signals = self._pair_signals(story, other)
                dense, lexical = signals[0] or 0.0, signals[1]
                if max(dense, lexical) < p.min_content or (lexical < p.min_lexical and dense < p.sure_dense
                                                           and not self._stories_actors_agree(story, other, dense)):
                    continue
                if not self._stories_may_join(story, other):
                    continue
                score = self._pair_score(story, other, norms, floor=p.absorb_threshold, signals=signals)
                if best is None or (score, -other.seq) > (best[0], -best[1]):
                    best = (score, other.seq, other)
            if best is not None and p.absorb_threshold is not None and best[0] >= p.absorb_threshold:
                index.merge(story, best[2])
                out.append((story.id, best[2].id))
                LOGGER.debug("cluster: absorbed %s into %s (score %.3f)", story.id, best[2].id, best[0])
        return out

    def split_drifted(self) -> list[Split]:
        """Cut open stories whose members drifted into two events; return the splits made.

        A story is examined when it has ``split_min_size`` open members and has grown by
        ``split_growth`` since it was last examined. Its members are divided in two by their
        embeddings (:func:`~newsbrief.cluster.state.two_means`); when both groups have
        ``split_min_part`` members and the two score below ``split_threshold`` against each
        other (the story-to-story score of :meth:`repair`), the group without the oldest
        member becomes a new story. :meth:`repair` never merges the two parts back (this
        memory lasts as long as the clusterer; a later run re-decides from the stored stories).
        """
        p = self.params
        if p.split_threshold is None:
            return []
        out: list[Split] = []
        markets = {self._index.resolve(sid) for sid in self._market_days.values()}
        for story in self._index.open_stories():
            size = len(story.feats)
            if size < p.split_min_size or size < story.split_checked_n * p.split_growth or story.id in markets:
                continue  # a day's market wraps are one story by what they are, not by their words
            story.split_checked_n = size
            parts = two_means(story.feats)
            if parts is None or min(len(parts[0]), len(parts[1])) < p.split_min_part:
                continue
            score = self._parts_score(*parts, bar=p.split_threshold)
            if score >= p.split_threshold:
                continue
            new_id = self._unused_story_id(parts[1][0].id)
            self._index.split(story, parts[1], new_id)
            self._split_apart.add(frozenset((story.id, new_id)))
            out.append(Split(story.id, new_id, tuple(f.id for f in parts[1]), round(score, 6)))
            LOGGER.debug("cluster: split %d articles of %s into %s (score %.3f)", len(parts[1]), story.id, new_id, score)
        return out

    def _market_day(self, features: DocFeatures) -> date | None:
        """The UTC day of a dated market wrap when ``market_day`` is on, else None."""
        if not self.params.market_day or not features.market_wrap or features.published is None:
            return None
        return features.published.date()

    def _market_story(self, day: date | None) -> Story | None:
        """The open story of a day's market wraps, if there is one."""
        if day is None or (sid := self._market_days.get(day)) is None:
            return None
        story = self._index.get(self._index.resolve(sid))
        return story if story is not None and story.open else None

    def _may_join(self, features: Any, story: Story) -> bool:
        """Whether the headline and subject checks let an article join a story (see :class:`ClusterParams`)."""
        p = self.params
        share = self._index.title_share(features.title_terms, story)
        if p.min_title_share is not None and share is not None and share < p.min_title_share:
            return False
        if (p.outlet_title_share is not None and share is not None and share < p.outlet_title_share
                and self._index.one_outlet(features.outlet, story)):
            return False  # one outlet's template items
        if p.shared_name and self._index.names_apart(features.entities, story):
            return False  # two crashes on one day, in two countries
        return not (p.subject_conflict and self._index.subjects_conflict(features.subject, features.entities, story))

    def _actors_agree(self, features: Any, scored: _Scored) -> bool:
        """Whether an article's embedding reaches ``actor_dense`` with a story about the same name."""
        bar = self.params.actor_dense
        return (bar is not None and scored.dense >= bar
                and self._index.subjects_shared(features.subject, scored.story))

    def _stories_actors_agree(self, a: Story, b: Story, dense: float | None) -> bool:
        """Whether two stories whose embedding cosine is ``dense`` reach ``actor_dense`` and share a main subject."""
        bar = self.params.actor_dense
        return bar is not None and dense is not None and dense >= bar and self._index.stories_share_subject(a, b)

    def _headlines_agree(self, features: Any, story: Story) -> bool:
        """Whether an article's headline shares ``sure_title_share`` of its terms with a story's headlines."""
        bar = self.params.sure_title_share
        if bar is None:
            return False
        share = self._index.title_share(features.title_terms, story)
        return share is not None and share >= bar

    def _stories_may_join(self, a: Story, b: Story) -> bool:
        """Whether the headline and subject checks let repair join two stories."""
        p = self.params
        share = self._index.story_title_share(a, b)
        if p.min_title_share is not None and share is not None and share < p.min_title_share:
            return False
        if (p.outlet_title_share is not None and share is not None and share < p.outlet_title_share
                and self._index.one_outlet(outlet := next(iter(a.outlets), ""), a) and self._index.one_outlet(outlet, b)):
            return False  # one outlet's template items
        if p.shared_name and self._index.stories_names_apart(a, b):
            return False
        return not (p.subject_conflict and self._index.stories_conflict(a, b))

    def _unused_story_id(self, doc_id: str) -> str:
        """Return :func:`new_story_id` of a document, or a suffixed variant if that id was ever used."""
        candidate, n = new_story_id(doc_id), 1
        while self._index.get(candidate) is not None or candidate in self._index.aliases:
            n += 1
            candidate = new_story_id(f"{doc_id}#{n}")
        return candidate

    def stories(self) -> Mapping[str, tuple[str, ...]]:
        """Return every story (open or closed) as story id -> member doc ids in arrival order."""
        return self._index.memberships()

    def _features(self, doc: ClusterDoc) -> Any:
        """Return an article's features (and count its terms in the document frequencies)."""
        p = self.params
        return doc_features(doc, self._index, max_terms=p.max_doc_terms, entity_term_weight=p.entity_term_weight,
                            body_chars=p.body_chars, entity_chars=p.entity_chars,
                            subjects=p.subject_conflict or p.actor_dense is not None, markets=p.market_day)

    # -- scoring -----------------------------------------------------------------------

    def _time(self, published: datetime | None, story: Story) -> tuple[float | None, float]:
        """Return the gap in days between an article and a story's span, and its penalty."""
        if published is None or story.first is None or story.last is None:
            return None, 0.0
        if published < story.first:
            gap = (story.first - published).total_seconds() / 86400.0
        elif published > story.last:
            gap = (published - story.last).total_seconds() / 86400.0
        else:
            gap = 0.0
        p = self.params
        penalty = p.time_weight * (1.0 - math.pow(2.0, -gap / p.half_life_days))
        return gap, penalty

    def _combine(self, dense: float | None, lexical: float, entity: float, penalty: float) -> float:
        """Return the weighted score; without a dense signal the other weights are rescaled."""
        p = self.params
        if dense is None:
            total = p.w_lexical + p.w_entity
            if total <= 0:
                return -penalty
            scale = (p.w_dense + p.w_lexical + p.w_entity) / total
            return scale * (p.w_lexical * lexical + p.w_entity * entity) - penalty
        return p.w_dense * dense + p.w_lexical * lexical + p.w_entity * entity - penalty

    def _score(self, features: Any, story: Story, dense: float | None = None) -> tuple[Any, ...]:
        """Score one article against one story: ``(score, seq, story, dense, lexical, entity, gap, penalty)``.

        A plain tuple, as every candidate is scored; :meth:`_scored` turns the two best into
        :class:`_Scored` with their shared terms and names.

        :param dense: the embedding cosine when already known (else computed here).
        """
        index = self._index
        if dense is None:
            dense = index.dense_cosine(features.vector, story)
        lexical = index.lexical_score(features.terms, story)
        weights = features.entity_weights
        if len(weights) != len(features.entities):
            weights = tuple(index.entity_weight(e) for e in features.entities)
        entity = index.entity_score(features.entities, story, weights)
        gap, penalty = self._time(features.published, story)
        score = self._combine(dense, lexical, entity, penalty)
        return (score, story.seq, story, dense if dense is not None else 0.0, lexical, entity, gap, penalty)

    def _score_candidates(self, features: Any, candidates: list[tuple[Story, float | None]]) -> list[tuple[Any, ...]]:
        """Return :meth:`_score` rows of the candidates that can rank first or second, in order.

        The same arithmetic as :meth:`_score` (and so the same floats), inlined, as this runs
        for every candidate of every article. The entity signal (in [0, 1], weight
        ``w_entity``) is computed last and only for candidates that could still reach the top
        two: a candidate whose score with full entity overlap stays below what two others
        score without any cannot be chosen or be the runner-up, so it is left out.
        """
        p = self.params
        index = self._index
        vector = features.vector
        doc_terms = features.terms
        keys = tuple(doc_terms)
        entities = features.entities
        weights = features.entity_weights
        if len(weights) != len(entities):
            weights = tuple(index.entity_weight(e) for e in entities)
        ent_total = sum(weights) if entities else 0.0
        published = features.published
        w_dense, w_lexical, w_entity = p.w_dense, p.w_lexical, p.w_entity
        time_weight, half_life = p.time_weight, p.half_life_days
        sqrt, pow_ = math.sqrt, math.pow
        partial: list[tuple[Story, float | None, float, float | None, float, float, float]] = []
        for story, dense in candidates:
            if dense is None:
                dense = index.dense_cosine(vector, story)
            norm2 = story.lex_norm2
            lexical = 0.0
            if norm2 > 0:
                lex = story.lex
                shared = [t for t in keys if t in lex]
                # The sum over shared terms in doc order (absent terms would add exactly 0.0);
                # sum() adds left to right from 0, as the plain loop did, so the floats are the same.
                dot = sum(map(mul, map(doc_terms.__getitem__, shared), map(lex.__getitem__, shared)))
                if dot:
                    lexical = dot / sqrt(norm2)
            first, last = story.first, story.last
            if published is None or first is None or last is None:
                gap: float | None = None
                penalty = 0.0
            else:
                if published < first:
                    gap = (first - published).total_seconds() / 86400.0
                elif published > last:
                    gap = (published - last).total_seconds() / 86400.0
                else:
                    gap = 0.0
                penalty = time_weight * (1.0 - pow_(2.0, -gap / half_life))
            if dense is None:
                low = self._combine(None, lexical, 0.0, penalty)
                high = self._combine(None, lexical, 1.0, penalty)
            else:
                base = w_dense * dense + w_lexical * lexical
                low = base + w_entity * 0.0 - penalty
                high = base + w_entity * 1.0 - penalty
            partial.append((story, dense, lexical, gap, penalty, low, high))
        floor = -math.inf
        if len(partial) > 2 and ent_total > 0:
            floor = sorted([row[5] for row in partial], reverse=True)[1]
        rows: list[tuple[Any, ...]] = []
        for story, dense, lexical, gap, penalty, low, high in partial:
            n_open = story.n_open
            if ent_total <= 0 or n_open == 0:
                entity = 0.0
                score = low
            elif high < floor:
                continue  # cannot rank in the top two (see above)
            else:
                hit = 0.0
                get = story.ents.get
                for w, entity_name in zip(weights, entities, strict=True):
                    count = get(entity_name)
                    if count:
                        hit += w * min(1.0, count / n_open)
                entity = hit / ent_total
                if dense is None:
                    score = self._combine(None, lexical, entity, penalty)
                else:
                    score = w_dense * dense + w_lexical * lexical + w_entity * entity - penalty
            rows.append((score, story.seq, story, 0.0 if dense is None else dense, lexical, entity, gap, penalty))
        return rows

    def _scored(self, features: Any, row: tuple[Any, ...]) -> _Scored:
        """Return a scored candidate with the shared terms and names its reasons show."""
        score, _seq, story, dense, lexical, entity, gap, penalty = row
        shared_terms = self._index.shared_terms(features.terms, story)
        shared_entities = self._index.shared_entities(features.entities, story, features.entity_weights)
        return _Scored(story, dense, lexical, entity, gap, penalty, score, shared_terms, shared_entities)

    def _pair_signals(self, a: Story, b: Story) -> tuple[float | None, float, float]:
        """Return ``(dense, lexical, time penalty)`` of two open stories."""
        return self._index.centroid_cosine(a, b), self._index.profile_cosine(a, b), self._gap_penalty(a, b)

    def _pair_score(self, a: Story, b: Story, norms: dict[int, float], *, floor: float | None = None,
                    signals: tuple[float | None, float, float] | None = None) -> float:
        """Return the combined score of two stories (for repair); ``norms`` memoises entity norms.

        With ``floor``, a pair that cannot reach it even with full entity overlap (at most 1)
        skips the entity signal and gets a score below ``floor`` instead of the exact one.
        ``signals`` are :meth:`_pair_signals` when the caller already has them.
        """
        dense, lexical, penalty = signals if signals is not None else self._pair_signals(a, b)
        if floor is not None and self._combine(dense, lexical, 1.0, penalty) < floor - 1e-9:
            return self._combine(dense, lexical, 0.0, penalty)
        entity = self._index.story_entity_overlap(a, b, norms)
        return self._combine(dense, lexical, entity, penalty)

    def _gap_penalty(self, a: Story, b: Story) -> float:
        """Return the time penalty for the gap between two stories' spans (0 when they overlap)."""
        gap = 0.0
        if a.first and a.last and b.first and b.last:
            if a.last < b.first:
                gap = (b.first - a.last).total_seconds() / 86400.0
            elif b.last < a.first:
                gap = (a.first - b.last).total_seconds() / 86400.0
        p = self.params
        return p.time_weight * (1.0 - math.pow(2.0, -gap / p.half_life_days))

    def _parts_score(self, keep: list[MemberFeatures], move: list[MemberFeatures], bar: float) -> float:
        """Return the combined story-to-story score of two groups of members, as repair scores stories.

        Exact below ``bar``; a pair that reaches ``bar`` without the entity signal gets that
        lower bound instead (the signal can only add).
        """
        a, ca = self._index.profile(keep, seq=-1)
        b, cb = self._index.profile(move, seq=-2)
        signals = (None if ca is None or cb is None else float(ca @ cb), self._index.profile_cosine(a, b),
                   self._gap_penalty(a, b))
        low = self._combine(signals[0], signals[1], 0.0, signals[2])
        return low if low >= bar else self._pair_score(a, b, {}, signals=signals)

    def _reasons(self, chosen: _Scored | None, competitor: _Scored | None) -> dict[str, Any]:
        """Return the explanation stored with an assignment."""
        p = self.params

        def parts(s: _Scored) -> dict[str, Any]:
            return {
                "story_id": s.story.id,
                "score": round(s.score, 4),
                "dense": round(s.dense, 4),
                "lexical": round(s.lexical, 4),
                "entities": round(s.entity, 4),
                "shared_entities": s.shared_entities[:5],
                "shared_terms": s.shared_terms[:8],
                "time_gap_days": None if s.gap_days is None else round(s.gap_days, 3),
                "time_penalty": round(s.penalty, 4),
            }

        reasons: dict[str, Any] = {
            "decision": "joined" if chosen is not None else "new_story",
            "threshold": p.threshold,
            "min_content": p.min_content,
            "weights": {"dense": p.w_dense, "lexical": p.w_lexical, "entities": p.w_entity},
        }
        if p.small_threshold is not None:
            reasons["small_story"] = {"threshold": p.small_threshold, "below_articles": p.small_size}
        if chosen is not None:
            reasons.update(parts(chosen))
        reasons["best_competitor"] = parts(competitor) if competitor is not None else None
        return reasons
