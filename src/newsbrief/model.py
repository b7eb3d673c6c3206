"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; none of them touches storage.
Datetimes are timezone-aware UTC unless a field says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = [
    "Article",
    "CitedSentence",
    "Digest",
    "DigestItem",
    "DigestSection",
    "Entity",
    "Entry",
    "Event",
    "FetchResult",
    "Fact",
    "FundingRound",
    "Regulation",
    "Skip",
    "Source",
    "Story",
    "Summary",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A feed the user subscribed to: an http(s) URL or a local file path."""

    url: str
    title: str = ""
    id: int | None = None
    weight: float = 1.0
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one HTTP request (or one local file read) returned."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    fetched_at: dt.datetime
    not_modified: bool = False
    permanent_redirect: bool = False


@dataclass(frozen=True, slots=True)
class Skip:
    """A per-item failure recorded as data: what was skipped and why."""

    what: str
    reason: str
    stage: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a parsed feed, before full-text extraction."""

    source_url: str
    guid: str
    link: str
    title: str
    author: str = ""
    published: dt.datetime | None = None
    summary_html: str = ""
    content_html: str = ""
    feed_title: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """An entry with its full text, canonical URL and fingerprint."""

    id: str
    url: str
    canonical_url: str
    source_url: str
    outlet: str
    title: str
    text: str
    published: dt.datetime
    fetched: dt.datetime
    author: str = ""
    language: str = ""
    content_hash: str = ""
    html: str = ""
    is_teaser: bool = False
    duplicate_of: str | None = None
    date_source: str = ""


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of articles about one event, stable across days."""

    id: str
    article_ids: tuple[str, ...]
    first_seen: dt.date
    last_seen: dt.date
    score: float = 0.0
    score_parts: Mapping[str, float] = field(default_factory=dict)
    title: str = ""


@dataclass(frozen=True, slots=True)
class CitedSentence:
    """A sentence of the digest and the articles it was taken from."""

    text: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """A story's headline and cited summary sentences, grouped into paragraphs."""

    story_id: str
    headline: str
    paragraphs: tuple[tuple[CitedSentence, ...], ...]

    @property
    def sentences(self) -> tuple[CitedSentence, ...]:
        return tuple(s for p in self.paragraphs for s in p)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity normalised across its aliases."""

    name: str
    label: str  # ORG, PERSON, GPE, PRODUCT
    aliases: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FundingRound:
    """Who raised how much, in what round, from whom."""

    company: str
    amount: float | None
    currency: str
    round: str
    article_ids: tuple[str, ...]
    sentence: str
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    valuation: float | None = None
    date: dt.date | None = None
    aggregate: bool = False


@dataclass(frozen=True, slots=True)
class Regulation:
    """A rule or law, who enforces it, who must comply and by when."""

    rule: str
    regulator: str
    article_ids: tuple[str, ...]
    sentence: str
    jurisdiction: str = ""
    who_must_comply: str = ""
    deadline: dt.date | None = None
    status: str = ""  # proposed, enacted, in force, delayed, withdrawn


@dataclass(frozen=True, slots=True)
class Event:
    """Something expected to happen after the article was published."""

    what: str
    article_ids: tuple[str, ...]
    sentence: str
    who: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    when_text: str = ""
    speculative: bool = False


Fact = Entity | FundingRound | Regulation | Event


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One entry of a digest section: a full story or a one-line item."""

    story_id: str
    headline: str
    paragraphs: tuple[tuple[CitedSentence, ...], ...]
    sources: tuple[tuple[str, str, str], ...]  # (article_id, outlet, url)
    marker: str = ""  # "", "new", "update since YYYY-MM-DD"
    one_line: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DigestSection:
    """A titled group of items: stories, a roundup or the calendar."""

    kind: str  # stories, funding, regulation, short, ahead
    title: str
    items: tuple[DigestItem, ...]
    more: tuple[DigestItem, ...] = ()  # ranked items past the section's bound, listed on demand


@dataclass(frozen=True, slots=True)
class Digest:
    """The briefing for one day, ready to render."""

    date: dt.date
    title: str
    lede: tuple[CitedSentence, ...]
    sections: tuple[DigestSection, ...]
    generated_at: dt.datetime
    stats: Mapping[str, int] = field(default_factory=dict)
    diagnostics: tuple[Skip, ...] = ()  # articles read in part, articles or stories a stage failed on
    lede_guard: tuple[Mapping[str, Any], ...] = ()  # the guard's decisions on an LLM-written lede
