"""Stage 9: assemble ranked stories, summaries and facts into one :class:`Digest`.

Layout, mirroring an editor's briefing:

1. a lede of two to four sentences: who did what in the lead stories (a lead story's first summary
   sentence or the stories' headlines, quoted) and what the roundups hold, every sentence citing the
   articles it draws on and naming no one who is not in them;
2. story sections, best first: headline, cited summary paragraphs, sources, and a
   ``new`` / ``update`` marker from the story's memory across digests;
3. roundups of funding rounds and regulation, one cited line each naming company, amount, round and
   lead investors, or regulator, rule, status and date; a round or rule that a full story is about
   has its line here too, so the roundups are complete;
4. short items: every other story, one line each, so nothing ranked is silently lost;
5. "Looking ahead": an editor's calendar of the scheduled things (launches, hearings, votes, trials,
   results, deadlines) of the most important stories, at most ``max_events`` lines, grouped by
   day, each line "Who: what" with its citations and hedged items marked.

Apart from those roundup lines, a story appears in exactly one of sections 2-4. A story that ranking found to be mostly not news
(``RankedStory.junk``: ticker templates, promos, stubs) gets no full section, no roundup line, no calendar date and no
place in the lede; it is listed, ranked low, among the one-liners. Every section is bounded: what does not fit
is kept, ranked, as the section's ``more`` ("and N more"), never dropped. A reading-time
budget bounds the whole digest and turns lower-ranked full sections into one-liners.

The lede is written by :mod:`.lede`, the calendar's lines by :mod:`.looking_ahead`; this module lays out the sections
and the roundups and spends the budget.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection, FundingRound, Regulation
from newsbrief.facts.lines import funding_line, regulation_line
from newsbrief.digest.bundle import StoryBundle, cited_sources, line_rule, story_rule, subject_facts, subject_rounds
from newsbrief.digest.lede import compose_lede
from newsbrief.digest.looking_ahead import calendar_lines
from newsbrief.digest.newsworthiness import COMMENTARY
from newsbrief.digest.rank import RankedStory
from newsbrief.summarize.headline import is_usable_title
from newsbrief.summarize.references import introduced_by

__all__ = ["MIN_SECTION_SENTENCES", "ComposeOptions", "StoryBundle", "compose_digest", "item_words", "reading_minutes",
           "section_fits"]

WORDS_PER_MINUTE = 230
MIN_SECTION_SENTENCES = 2  # a story told in fewer summary sentences gets a one-line item, not a section


@dataclass(frozen=True, slots=True)
class ComposeOptions:
    """Knobs of the composition (from the ``digest.*`` settings)."""

    title: str = "Daily briefing"
    max_stories: int = 8
    minutes: int = 0
    min_outlets: int = 2
    max_short: int = 25  # "In brief" one-liners shown; the rest are counted and listed on demand
    max_roundup: int = 12  # lines of each roundup (funding, regulation)
    max_events: int = 12  # "Looking ahead" items


def reading_minutes(words: int) -> float:
    """Return the reading time of ``words`` words at 230 words per minute.

    :param words: word count.
    """
    return words / WORDS_PER_MINUTE


def item_words(item: DigestItem) -> int:
    """Words a reader reads in an item: its headline and its sentences."""
    return len(item.headline.split()) + sum(len(s.text.split()) for p in item.paragraphs for s in p)


def _outlets(bundle: StoryBundle) -> int:
    """Independent outlets that tell the story, as ranking counted them (near-copies, one outlet's
    feeds and stubs not counted again); 0 means ranking did not count them."""
    return bundle.ranked.outlets or len({a.outlet for a in bundle.articles})


def _rank_extra(bundle: StoryBundle) -> dict[str, Any]:
    extra: dict[str, Any] = {"score": bundle.ranked.score, "score_parts": dict(bundle.ranked.parts)}
    if bundle.ranked.kind:
        extra["kind"] = bundle.ranked.kind
    if bundle.ranked.actors:
        extra["actors"] = list(bundle.ranked.actors)
    if bundle.ranked.agencies:
        extra["agencies"] = list(bundle.ranked.agencies)
    if bundle.ranked.junk:
        extra["not_news"] = bundle.ranked.junk
    if bundle.guard:
        extra["guard"] = list(bundle.guard)
    return extra


def _marker(bundle: StoryBundle, day: dt.date) -> str:
    if bundle.last_digest is not None:
        return f"update since {bundle.last_digest.isoformat()}"
    if bundle.first_seen < day:
        return f"update to a story first seen {bundle.first_seen.isoformat()}"
    return "new"


_LINE_WORD = re.compile(r"[\w'’]+")


def _adds_to(sentence: str, headline: str) -> bool:
    """Whether a sentence tells the reader more than its headline: a few words the headline lacks."""
    told = {w.lower() for w in _LINE_WORD.findall(headline)}
    return len({w.lower() for w in _LINE_WORD.findall(sentence)} - told) >= MIN_NEW_LINE_WORDS


MIN_NEW_LINE_WORDS = 2
"""Words a one-liner's sentence must add to its headline; a line whose first sentence only repeats its
headline ("Today's headlines: Today's headlines") is the headline alone (a later sentence might open on
a reference the line never names), and so is one whose sentence opens on something its headline does not introduce
("Their co-workers see them ...", "The valves, which ...": :func:`~newsbrief.summarize.references.introduced_by`)."""


def _story_item(bundle: StoryBundle, day: dt.date, *, one_line: bool) -> DigestItem:
    paragraphs = bundle.summary.paragraphs
    if one_line:
        first = bundle.summary.sentences[:1]
        paragraphs = (first,) if first and _adds_to(first[0].text, bundle.summary.headline) \
            and introduced_by(first[0].text, bundle.summary.headline) else ()
    return DigestItem(
        story_id=bundle.ranked.story_id, headline=bundle.summary.headline, paragraphs=paragraphs,
        sources=cited_sources(bundle), marker=_marker(bundle, day), one_line=one_line,
        extra=_rank_extra(bundle),
    )


def _add_line(short: list[DigestItem], item: DigestItem) -> None:
    """Add a one-liner that says something: a headline alone must read as one ("17-Sep-2015 01:07" does not)."""
    if item.paragraphs or is_usable_title(item.headline):
        short.append(item)


def _fact_item(bundle: StoryBundle, fact: FundingRound | Regulation, day: dt.date) -> DigestItem:
    """A roundup line: the company or regulator, then what the fact holds (amount, round and lead
    investors; rule, status and date), citing the articles that state it."""
    if isinstance(fact, FundingRound):
        who, line = fact.company, funding_line(fact)
    else:
        who = fact.regulator if fact.regulator and fact.regulator != fact.rule else ""
        line = regulation_line(fact)
    body = line[len(who) + 2:] if who and line.startswith(who + ": ") else line
    label = who or (fact.rule if isinstance(fact, Regulation) else "") or line
    if not who:
        body = line if label != line else ""
    sources = tuple(s for s in cited_sources(bundle) if s[0] in fact.article_ids) or cited_sources(bundle)
    return DigestItem(
        story_id=bundle.ranked.story_id, headline=label,
        paragraphs=((CitedSentence(body, tuple(fact.article_ids)),),) if body else (),
        sources=sources, marker=_marker(bundle, day), one_line=True,
        extra=_rank_extra(bundle) | {"sentence": fact.sentence},
    )


def compose_digest(
    bundles: Sequence[StoryBundle], *, day: dt.date, options: ComposeOptions, muted: Sequence[RankedStory] = (),
    stats: Mapping[str, int] | None = None,
) -> Digest:
    """Build the day's digest from ranked story bundles (best first).

    Every section is bounded (:class:`ComposeOptions`); what does not fit is kept, ranked, in
    the section's ``more`` so the renderers can say "and N more" and list it on demand. A
    reading budget (``minutes``) bounds the whole digest: full sections may take up to
    :data:`SECTION_SHARE` of it (the lead story always gets one), then the roundups, the
    one-liners and the calendar share what is left, in that order.

    :param bundles: ranked stories with summaries, articles and facts, best first.
    :param day: the digest date.
    :param options: title, bounds of each section, reading budget.
    :param muted: stories kept out by a mute (counted in the stats).
    :param stats: counts to carry into the digest (sources, articles ...).
    """
    budget = _budget(options)
    full: list[StoryBundle] = []
    rest: list[StoryBundle] = []
    section_cap = budget.share(SECTION_SHARE)
    for b in bundles:
        # One outlet's story earns a section by being hard news (ranking's ``kind`` part above 0).
        told = _outlets(b) >= options.min_outlets or b.ranked.parts.get("kind", 0.0) > 0
        eligible = not b.ranked.junk and told and len(b.summary.sentences) >= MIN_SECTION_SENTENCES
        words = item_words(_story_item(b, day, one_line=False))
        if eligible and len(full) < options.max_stories and (not full or budget.fits(words, cap=section_cap)):
            full.append(b)
            budget.spend(words)
        else:
            rest.append(b)
    funding: list[DigestItem] = []
    regulation: list[DigestItem] = []
    short: list[DigestItem] = []
    # A round or rule a full story is about is also a roundup line, so the roundups are complete.
    # Only well-formed facts make lines: a named company with an amount, a body's name with a short
    # rule (facts.wellformed); the others stay stored and listed by `newsbrief facts`.
    for b in full:
        funding.extend(_fact_item(b, f, day) for f in subject_rounds(b))
        rule = story_rule(b)
        for f in subject_facts(b, [rule] if rule is not None else []):
            shown = line_rule(f)
            if shown is not None:
                regulation.append(_fact_item(b, shown, day))
    for b in rest:
        listed = bool(b.summary.sentences) or not b.summarized  # a story with no usable sentence is no line
        if b.ranked.junk:
            if listed:
                _add_line(short, _story_item(b, day, one_line=True))
            continue
        # a commentary's rounds and rules are what its writer mentions in passing, not news of a round or a rule
        reports = b.ranked.kind != COMMENTARY
        # a round or rule named in passing ("after lawmakers passed a ban on ...") is no roundup line: the story is a
        # one-liner, as one about anything else
        rounds = subject_rounds(b) if reports else []
        rule = story_rule(b) if reports else None
        shown = line_rule(rule) if rule is not None else None
        rules = subject_facts(b, [shown]) if shown is not None else []
        if rounds:
            funding.extend(_fact_item(b, f, day) for f in rounds)
        elif rules:
            regulation.extend(_fact_item(b, f, day) for f in rules)
        elif listed:
            _add_line(short, _story_item(b, day, one_line=True))
    # The calendar: events of the most important stories first, then shown in date order.
    upcoming = calendar_lines(bundles, day)
    # The calendar spends only the share set aside for it, so long roundups cannot crowd it out;
    # what it leaves of that share goes to the roundups, then to the one-liners.
    ahead_shown, ahead_more = budget.take(upcoming, options.max_events, reserved=True)
    ahead_shown.sort(key=lambda it: (str(it.extra["start"]), str(it.extra["end"]), it.story_id))
    budget.release()
    funding_shown, funding_more = budget.take(funding, options.max_roundup)
    regulation_shown, regulation_more = budget.take(regulation, options.max_roundup)
    short_shown, short_more = budget.take(short, options.max_short)
    sections = [
        DigestSection("stories", "Top stories", tuple(_story_item(b, day, one_line=False) for b in full)),
        DigestSection("funding", "Funding", tuple(funding_shown), tuple(funding_more)),
        DigestSection("regulation", "Regulation", tuple(regulation_shown), tuple(regulation_more)),
        DigestSection("short", "In brief", tuple(short_shown), tuple(short_more)),
        DigestSection("ahead", "Looking ahead", tuple(ahead_shown), tuple(ahead_more)),
    ]
    all_stats = dict(stats or {})
    all_stats.update({
        "stories": len(bundles), "sections": len(full),
        "short_items": len(short_shown) + len(funding_shown) + len(regulation_shown),
        "muted": len(muted), "events": len(ahead_shown),
        "more_items": sum(len(s.more) for s in sections),
        "reading_minutes": round(reading_minutes(budget.used)),
    })
    date_text = f"{day.strftime('%A')}, {day.day} {day.strftime('%B %Y')}"
    return Digest(
        date=day, title=f"{options.title} — {date_text}", lede=compose_lede(full, bundles), sections=tuple(sections),
        generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), stats=all_stats,
    )


SECTION_SHARE = 0.75  # of a reading budget, the most that full story sections may take
CALENDAR_SHARE = 0.1  # of a reading budget, set aside for "Looking ahead"


def section_fits(options: ComposeOptions, sections: Sequence[DigestItem], words: int) -> bool:
    """Whether one more full section of ``words`` words fits the reading budget once ``sections`` are spent (the
    test :func:`compose_digest` puts to every section after the first).

    :param options: the digest's bounds and reading budget.
    :param sections: the full sections taken so far.
    :param words: the words of the further section (:func:`item_words`).
    """
    budget = _budget(options)
    budget.spend(sum(item_words(it) for it in sections))
    return budget.fits(words, cap=budget.share(SECTION_SHARE))


def _budget(options: ComposeOptions) -> _Budget:
    return _Budget(options.minutes * WORDS_PER_MINUTE if options.minutes > 0 else None)


class _Budget:
    """Words left in a reading budget (``None``: no budget), spent section by section."""

    def __init__(self, words: float | None) -> None:
        self.total = words
        self.used = 0
        self.reserved = 0.0 if words is None else words * CALENDAR_SHARE

    def share(self, fraction: float) -> float | None:
        return None if self.total is None else self.total * fraction

    def fits(self, words: int, *, cap: float | None = None) -> bool:
        if self.total is None:
            return True
        limit = min(self.total - self.reserved, cap if cap is not None else self.total)
        return self.used + words <= limit

    def spend(self, words: int) -> None:
        self.used += words

    def release(self) -> None:
        """Give what is left of the calendar's set-aside to the other sections."""
        self.reserved = 0.0

    def room(self, *, reserved: bool) -> float:
        if self.total is None:
            return float("inf")
        return self.reserved if reserved else self.total - self.reserved - self.used

    def take(self, items: Sequence[DigestItem], limit: int, *,
             reserved: bool = False) -> tuple[list[DigestItem], list[DigestItem]]:
        """Split ranked ``items`` into those shown (at most ``limit``, within the budget) and the rest.

        :param reserved: spend from the calendar's set-aside instead of the common budget.
        """
        shown: list[DigestItem] = []
        for n, it in enumerate(items):
            words = item_words(it)
            if len(shown) >= limit or words > self.room(reserved=reserved):
                return shown, list(items[n:])
            shown.append(it)
            self.used += words
            if reserved and self.total is not None:
                self.reserved -= words
        return shown, []
