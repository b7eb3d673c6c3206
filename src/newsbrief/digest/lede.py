"""The digest's lede: who did what in the lead stories, in their own cited words, then what the roundups hold.

Two to four sentences: the first lead story that tells who did what opens with its first summary sentence (or
"Leading today: <headline>."), the next add theirs or an "Also leading:" line of headlines, and an "Also today:"
line names who raised money and which regulators moved, only from rounds and rules a story is about. Junk and
kinds that are never news enough (:data:`~newsbrief.digest.newsworthiness.NOT_LEDE_KINDS`) are not named.
"""

from __future__ import annotations

import re
from typing import Sequence

from newsbrief.model import CitedSentence
from newsbrief.digest.bundle import StoryBundle, best_per_key, line_rule, subject_facts, subject_rounds
from newsbrief.digest.newsworthiness import NOT_LEDE_KINDS
from newsbrief.summarize.headline import has_verb, is_usable_title

__all__ = ["LEDE_FOLLOW_WORDS", "LEDE_SENTENCE_WORDS", "LEDE_STORIES", "compose_lede"]


def _headline_cites(bundle: StoryBundle) -> tuple[str, ...]:
    head = bundle.summary.headline.lower()
    ids = tuple(a.id for a in bundle.articles if a.title and (a.title.lower() in head or head in a.title.lower()))
    return ids[:3] or tuple(a.id for a in bundle.articles[:1])


def _join(names: Sequence[str]) -> str:
    """"A, B and C"; "A as well as B and C" when a name holds an "and" itself ("House and Senate")."""
    if len(names) == 1:
        return names[0]
    last = " as well as " if any(" and " in n for n in names) else " and "
    return ", ".join(names[:-1]) + last + names[-1]


_NAME = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*|\b[A-Z]{2,}\b")
_COMMON = frozenset("the a an and or but is are was were be of to in on at for from with as by after before over "
                    "into new says said say how why what who when where will would can could may this that "
                    "his her their its it he she they we you our your not no all more most".split())
LEDE_SENTENCE_WORDS = 40  # a lead story's first sentence longer than this gives way to its headline
LEDE_FOLLOW_WORDS = 30  # the same for the next stories, so the lede stays a paragraph
LEDE_STORIES = 3  # stories the lede tells


def _story_sentence(bundle: StoryBundle, max_words: int) -> CitedSentence | None:
    """Who did what in a story: its first summary sentence when it is short and names an actor of
    the headline, quoted with its citations; ``None`` when it does not."""
    first = bundle.summary.sentences[:1]
    head = bundle.summary.headline.strip()
    actors = {m.group(0) for m in _NAME.finditer(head) if m.group(0).lower() not in _COMMON}
    if first:
        text = first[0].text.strip()
        if (len(text.split()) <= max_words and text.endswith((".", '"', "”"))
                and any(re.search(r"\b" + re.escape(n) + r"\b", text) for n in actors)):
            return first[0]
    return None


def _tells(headline: str) -> bool:
    """A headline the lede may quote: it tells who did what (no question, teaser or label)."""
    return is_usable_title(headline) and has_verb(headline)


def _lead_sentences(lead: Sequence[StoryBundle]) -> list[CitedSentence]:
    """The lede's account of the top stories, in rank order and in their own cited words.

    The first story that tells who did what opens the lede with its first sentence (or, when that
    is long or names none of the headline's actors, "Leading today: <headline>."); each of the
    next stories adds its first sentence when short, else its headline to an "Also leading:"
    line. A story whose headline asks or teases ("Debate: what they missed") and whose first
    sentence does not tell is left out rather than quoted.
    """
    out: list[CitedSentence] = []
    heads: list[StoryBundle] = []

    def flush() -> None:
        if heads:
            text = "; ".join(b.summary.headline.strip().rstrip(".") for b in heads)
            out.append(CitedSentence(f"Also leading: {text}.",
                                     tuple(dict.fromkeys(i for b in heads for i in _headline_cites(b)))))
            heads.clear()

    told = 0
    for bundle in lead:
        if told >= LEDE_STORIES:
            break
        sentence = _story_sentence(bundle, LEDE_SENTENCE_WORDS if not told else LEDE_FOLLOW_WORDS)
        if sentence is not None:
            flush()
            out.append(sentence)
        elif not _tells(bundle.summary.headline):
            continue
        elif not told:
            out.append(CitedSentence(f"Leading today: {bundle.summary.headline.strip().rstrip('.')}.",
                                     _headline_cites(bundle)))
        else:
            heads.append(bundle)
        told += 1
    flush()
    return out


def _lede_worthy(bundle: StoryBundle) -> bool:
    """A story the lede may name: news (not junk) and not a kind that is never news enough (a
    product promo's "funding", an analyst note's "deal", a fixture list)."""
    return not bundle.ranked.junk and bundle.ranked.kind not in NOT_LEDE_KINDS


def compose_lede(lead: Sequence[StoryBundle], everything: Sequence[StoryBundle]) -> tuple[CitedSentence, ...]:
    """Two to four cited sentences from the lead stories' own words, then what the roundups hold."""
    lead = [b for b in lead if _lede_worthy(b)]
    if not lead:
        return ()
    sentences = _lead_sentences(lead)
    # The roundups in one line: who raised money, which rules moved; every name from a cited fact
    # of a story that is news (a ticker item's "price target" is not a funding round).
    rest = [b for b in everything if b not in lead and _lede_worthy(b)]
    # Only well-formed facts are named (facts.wellformed): no ticker, clause or wrong body reaches the lede.
    # only rounds and rules a story is about, as in the roundups (not one named in passing)
    rounds = [f for b in rest for f in subject_rounds(b)]
    rules = [f for b in rest for f in subject_facts(b, best_per_key(
        [f for f in map(line_rule, b.facts) if f is not None and len(f.regulator.split()) > 1], lambda f: "rule"))]
    companies = list(dict.fromkeys(f.company for f in rounds if f.company))[:4]
    regulators = list(dict.fromkeys(f.regulator for f in rules if f.regulator))[:2]
    parts = []
    if companies:
        parts.append("funding for " + _join(companies))
    if regulators:
        parts.append("regulatory moves by " + _join(regulators))
    if parts:
        cites = [i for f in rounds if f.company in companies for i in f.article_ids[:1]]
        cites += [i for f in rules if f.regulator in regulators for i in f.article_ids[:1]]
        sentences.append(CitedSentence("Also today: " + "; ".join(parts) + ".", tuple(dict.fromkeys(cites))))
    return tuple(sentences)
