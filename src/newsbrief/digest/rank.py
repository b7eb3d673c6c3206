"""Stage 6: order stories by an explainable score.

The score is a weighted sum of named parts, each kept so ``newsbrief stories --explain``
can show why a story ranks where it does:

=============  ==========================================================  ======
part           what it measures                                            weight
=============  ==========================================================  ======
sources        independent outlets covering the story, log-scaled          2.0
weight         mean configured weight of those outlets, minus 1            1.0
velocity       share of the story's articles published on the digest day   0.5
recency        decay with hours between the latest article and day's end   0.5
novelty        1 for a new story, the share of new articles for an update  1.0
interest       configured interests matched in titles/texts                1.5
corroboration  how often the outlets' other stories are corroborated,     1.0
               -1..1 against the average (their history in the store)
templated      share of the outlets' items that share a template, negated  1.0
content        share of the story's voices that are not news, negated      3.0
kind           hard news up to 1; press releases, results-call notices,    2.0
               analyst notes, appointments, product promos, fixtures,
               obituaries and listings -1 (:func:`story_kind`, mean of
               the voices)
actors         weight of the actors the story names: how many other        2.0
               outlets of the day name them (:class:`ActorWeights`), 0..1
magnitude      how many people the event killed, injured or displaced,     2.0
               log-scaled 0..1, from headlines and openings
               (:func:`newsbrief.digest.magnitude.harm_magnitude`)
agency         1 when one of the story's articles credits a news agency   0.75
               (AP, Reuters, AFP, national agencies) in its stored text
               (:func:`newsbrief.digest.agency.agency_credit`)
=============  ==========================================================  ======

Independent outlets: several feeds of one outlet and near-copies of one text count once
(:func:`newsbrief.digest.newsworthiness.independent_groups`). A story whose voices are mostly not
news (ticker templates, rating changes, report promos, puzzles, stubs: see
:func:`newsbrief.digest.newsworthiness.junk_reason`) carries the reason in ``junk``; the digest keeps
it out of its top stories, its roundups and its lede. ``outlets`` counts only the voices that
are news: a real article with a paywall teaser from a second outlet is told by one outlet.

Muted stories (a configured mute matches the title or text) are kept out of the digest
and counted, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from newsbrief.model import Article
from newsbrief.digest.agency import agency_credit
from newsbrief.digest.magnitude import harm_magnitude
from newsbrief.digest.newsworthiness import COMMENTARY, ActorWeights, SourcePriors, actor_weights, independent_groups, junk_reason, outlet_key, story_kind

__all__ = ["RankedStory", "StoryInput", "WEIGHTS", "rank_stories"]

WEIGHTS: Mapping[str, float] = {
    "sources": 2.0, "weight": 1.0, "velocity": 0.5, "recency": 0.5, "novelty": 1.0, "interest": 1.5,
    "corroboration": 1.0, "templated": 1.0, "content": 3.0, "kind": 2.0, "actors": 2.0,
    "magnitude": 2.0, "agency": 0.75,
}


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What ranking needs to know about one story."""

    story_id: str
    articles: tuple[Article, ...]
    first_seen: dt.date
    previously_cited: frozenset[str] = frozenset()
    last_digest: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RankedStory:
    """A story with its score, the parts of the score and whether it is muted."""

    story_id: str
    score: float
    parts: Mapping[str, float] = field(default_factory=dict)
    matched: tuple[str, ...] = ()
    muted_by: str = ""
    outlets: int = 0  # independent outlets that tell the story (a stub's teaser is no corroboration)
    junk: str = ""  # why most of the story is not news ("" when it is)
    kind: str = ""  # what kind of story its lead voice tells (:func:`newsbrief.digest.newsworthiness.story_kind`)
    actors: tuple[str, ...] = ()  # its weightiest actors, the ones the ``actors`` part counts
    agencies: tuple[str, ...] = ()  # the news agencies its articles credit, the ones the ``agency`` part counts


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _matches(terms: Sequence[str], text: str) -> list[str]:
    return [t for t in terms if t and re.search(r"(?<!\w)" + re.escape(t.lower()) + r"(?!\w)", text)]


def _fullest(voice: Sequence[Article]) -> Article:
    return max(voice, key=lambda a: len(a.text))


def _voice_junk(voice: Sequence[Article], credit_of: Callable[[Article], str]) -> str:
    """Why one independent voice is not news, judged on its fullest article (a wire brief is short)."""
    best = _fullest(voice)
    return junk_reason(best.title, best.text, wire=bool(credit_of(best)))


def _kind(groups: Sequence[Sequence[Article]]) -> tuple[str, float]:
    """The kind of the story's fullest voice and the mean :func:`story_kind` value of its
    independent voices, each judged on its fullest article."""
    kinds = [story_kind(best.title, best.text) for best in (_fullest(g) for g in groups if g)]
    if not kinds:
        return "", 0.0
    # one outlet's column about a story others report does not make the story commentary
    reports = [kg for kg in zip(kinds, groups) if kg[0][0] != COMMENTARY] or list(zip(kinds, groups))
    lead = max(reports, key=lambda kg: len(_fullest(kg[1]).text))[0][0]
    return lead, sum(v for _, v in kinds) / len(kinds)


def _prior(priors: SourcePriors | None, groups: Sequence[Sequence[Article]], *,
           exclude: Sequence[str]) -> tuple[float, float]:
    """Mean corroboration and templated share of the outlets of a story's independent voices."""
    if priors is None or not groups:
        return 0.0, 0.0
    scores = [priors.quality(k, exclude=exclude) for k in (outlet_key(g[0]) for g in groups)]
    return sum(c for c, _ in scores) / len(scores), sum(t for _, t in scores) / len(scores)


def rank_stories(
    stories: Sequence[StoryInput],
    *,
    day: dt.date,
    interests: Sequence[str] = (),
    mutes: Sequence[str] = (),
    source_weights: Mapping[str, float] | None = None,
    priors: SourcePriors | None = None,
    actors: ActorWeights | None = None,
    weights: Mapping[str, float] | None = None,
    agencies: Mapping[str, str] | None = None,
) -> list[RankedStory]:
    """Score stories and return them best first (ties broken by story id).

    :param stories: the candidate stories with their articles.
    :param day: the digest day (UTC).
    :param interests: keywords or names that raise a story.
    :param mutes: keywords or names that keep a story out.
    :param source_weights: per-host weights (``www.`` ignored); default 1.0.
    :param priors: outlets' history (:func:`newsbrief.digest.newsworthiness.source_priors`); none: no prior.
    :param actors: who names which actor (:func:`newsbrief.digest.newsworthiness.actor_weights`); none: learned
        from the candidate stories' articles.
    :param weights: weights of parts to change (the setting ``digest.rank_weights``); the others stay as
        :data:`WEIGHTS`.
    :param agencies: article id -> the news agency its stored raw text credits
        (:func:`newsbrief.digest.agency.agency_credit`); none: read from the articles' texts as given.
    """
    unknown = sorted(set(weights or {}) - set(WEIGHTS))
    if unknown:
        raise ValueError(f"ranking: no part named {unknown[0]!r} (parts: {', '.join(WEIGHTS)})")
    part_weights = {**WEIGHTS, **(weights or {})}
    actors = actors if actors is not None else actor_weights(a for s in stories for a in s.articles)
    host_weights = {k.removeprefix("www."): float(v) for k, v in (source_weights or {}).items()}
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.timezone.utc)

    def credit_of(article: Article) -> str:
        return agencies.get(article.id, "") if agencies is not None else agency_credit(article.text)

    ranked = []
    for story in stories:
        arts = story.articles
        groups = independent_groups(arts)
        junk = [r for g in groups if (r := _voice_junk(g, credit_of))]
        corroboration, templated = _prior(priors, groups, exclude=[a.id for a in arts])
        hosts = [_host(a.url) for a in arts]
        text = " ".join(f"{a.title} {a.text[:2000]}" for a in arts).lower()
        today = [a for a in arts if a.published.date() == day]
        latest = max((a.published for a in arts), default=end)
        hours = max(0.0, (end - latest).total_seconds() / 3600)
        new = [a for a in arts if a.id not in story.previously_cited]
        matched = _matches(interests, text)
        muted = _matches(mutes, text)
        kind, kind_value = _kind(groups)
        actor_value, names = actors.weight(arts)
        credited = sorted({c for c in map(credit_of, arts) if c})
        parts = {
            "sources": math.log2(1 + len(groups)),
            "weight": (sum(host_weights.get(h, 1.0) for h in hosts) / len(hosts) - 1.0) if hosts else 0.0,
            "velocity": len(today) / len(arts) if arts else 0.0,
            "recency": math.exp(-hours / 24),
            "novelty": 1.0 if not story.previously_cited else len(new) / len(arts),
            "interest": float(len(matched)),
            "corroboration": corroboration,
            "templated": -templated if templated else 0.0,
            "content": -len(junk) / len(groups) if groups else 0.0,
            "kind": kind_value,
            "actors": actor_value,
            "magnitude": max((harm_magnitude(a.title, a.text) for a in arts), default=0.0),
            "agency": 1.0 if credited else 0.0,
        }
        score = sum(part_weights[k] * v for k, v in parts.items())
        reason = max(sorted(set(junk)), key=junk.count) if 2 * len(junk) > len(groups) else ""
        ranked.append(RankedStory(story.story_id, round(score, 4), {k: round(v, 4) for k, v in parts.items()},
                                  tuple(matched), muted[0] if muted else "", len(groups) - len(junk), reason,
                                  kind, names, tuple(credited)))
    ranked.sort(key=lambda r: (-r.score, r.story_id))
    return ranked
