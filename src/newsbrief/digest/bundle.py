"""What composition knows of one ranked story, and the funding rounds and rules a story is about.

A :class:`StoryBundle` holds a ranked story with its summary, articles and facts. The helpers here read a
bundle for the digest's sections alike (:mod:`.compose`'s roundups, :mod:`.lede`, :mod:`.looking_ahead`):
the sources it cites, the rule it is about (its fields gathered from several facts) and the rounds and
rules it is about rather than names in passing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence, TypeVar

from newsbrief.model import Article, Fact, FundingRound, Regulation, Summary
from newsbrief.facts.calendar import is_calendar_deadline
from newsbrief.facts.wellformed import regulation_for_line, rule_maker, short_rule, well_formed_round
from newsbrief.digest.rank import RankedStory

__all__ = ["StoryBundle", "best_per_key", "cited_sources", "completeness", "line_rule", "round_key", "story_rule",
           "subject_facts", "subject_rounds"]


@dataclass(frozen=True, slots=True)
class StoryBundle:
    """Everything composition needs about one ranked story."""

    ranked: RankedStory
    summary: Summary
    articles: tuple[Article, ...]  # originals first, then syndicated copies
    first_seen: dt.date
    last_digest: dt.date | None = None
    facts: tuple[Fact, ...] = ()
    guard: tuple[dict[str, Any], ...] = ()  # the LLM writer's guard decisions, when it wrote the summary
    summarized: bool = True  # False: ranked past what the digest shows, given its headline only (digest.window)


def cited_sources(bundle: StoryBundle) -> tuple[tuple[str, str, str], ...]:
    """The story's articles as (id, outlet, url), one per canonical address, in the bundle's order."""
    seen, out = set(), []
    for a in bundle.articles:
        if a.canonical_url not in seen:
            seen.add(a.canonical_url)
            out.append((a.id, a.outlet, a.url))
    return tuple(out)


_RoundOrRule = TypeVar("_RoundOrRule", FundingRound, Regulation)


def subject_facts(bundle: StoryBundle, facts: Sequence[_RoundOrRule]) -> list[_RoundOrRule]:
    """The rounds and rules a story is about: named in its headline or its first summary sentence."""
    first = bundle.summary.sentences[:1]
    told = (bundle.summary.headline + " " + (first[0].text if first else "")).lower()
    out = []
    for f in facts:
        names = (f.company,) if isinstance(f, FundingRound) else (f.rule, f.regulator)
        if any(n and (n.lower() in told or n.split()[0].lower() in told.split()) for n in names):
            out.append(f)
    return out


def subject_rounds(bundle: StoryBundle) -> list[FundingRound]:
    """The story's well-formed rounds it is about, the best of each company's (roundups and the lede alike)."""
    return subject_facts(bundle, best_per_key(
        [f for f in bundle.facts if isinstance(f, FundingRound) and well_formed_round(f)], round_key))


_PROPER_RULE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|for|on|the|to))*\s+[A-Z][\w'’-]*")


def story_rule(bundle: StoryBundle) -> Regulation | None:
    """The rule a story is about, its fields gathered from the story's regulation facts.

    Articles name a rule in one sentence ("proposed the Device Longevity Regulation"), its
    regulator in another and its date of effect in a third: the line takes the rule's proper
    name, the regulator the story's lead names, that regulator's step as the status and the
    best-cited date told as a deadline or a date of effect, and cites every fact it draws on.
    """
    rules = [f for f in bundle.facts if isinstance(f, Regulation)]
    if not rules:
        return None
    first = bundle.summary.sentences[:1]
    told = (bundle.summary.headline + " " + (first[0].text if first else "")).lower()
    named = max(rules, key=lambda r: (bool(short_rule(r.rule)), _PROPER_RULE.fullmatch(r.rule) is not None,
                                      r.rule.lower() in told, len(r.article_ids), completeness(r)))
    # a regulator written as a body's name over a phrase or a generic noun read from another sentence
    by = max([r for r in rules if r.regulator] or [named], key=lambda r: (
        bool(rule_maker(r)), r.regulator.lower() in told, len(r.regulator.split()) > 1, r is named,
        len(r.article_ids), completeness(r)))
    dated = next((r for r in (named, by, *sorted(rules, key=lambda r: -len(r.article_ids)))
                  if r.deadline and is_calendar_deadline(r)), None)
    used = [named, by] + ([dated] if dated is not None else [])
    return Regulation(
        rule=named.rule, regulator=by.regulator, article_ids=tuple(dict.fromkeys(i for r in used for i in r.article_ids)),
        sentence=named.sentence, jurisdiction=named.jurisdiction or by.jurisdiction,
        who_must_comply=named.who_must_comply or by.who_must_comply,
        deadline=dated.deadline if dated is not None else None, status=by.status or named.status)


def line_rule(fact: Fact) -> Regulation | None:
    """A regulation fact as its line names it, or None for another fact or an ill-formed one."""
    return regulation_for_line(fact) if isinstance(fact, Regulation) else None


def completeness(fact: FundingRound | Regulation) -> tuple[int, int]:
    """Rank facts by how many fields they fill, then prefer body sentences over headlines."""
    filled = sum(1 for v in dataclasses.asdict(fact).values() if v not in (None, "", (), []))
    return filled, int(fact.sentence.rstrip().endswith((".", '"', "”")))


def round_key(fact: FundingRound) -> str:
    if fact.amount:
        return f"{fact.currency}:{round(fact.amount, -4)}"
    return fact.company.lower()


def best_per_key(facts: Sequence[Any], key: Callable[[Any], str]) -> list[Any]:
    """Keep the most complete fact per key, e.g. one line per funding round of a story."""
    best: dict[str, Any] = {}
    for f in facts:
        k = key(f)
        if k not in best or completeness(f) > completeness(best[k]):
            best[k] = f
    return list(best.values())
