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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Mapping, Sequence, TypeVar

from newsbrief.model import (
    Article, CitedSentence, Digest, DigestItem, DigestSection, Event, Fact, FundingRound, Regulation, Summary,
)
from newsbrief.facts.calendar import hedge, is_calendar_deadline, is_calendar_event
from newsbrief.facts.events import COURT_APPEARANCE
from newsbrief.facts.lines import event_line, funding_line, line_reads_alone, regulation_line
from newsbrief.facts.names import Name, find_names
from newsbrief.facts.wellformed import regulation_for_line, rule_maker, short_rule, well_formed_round
from newsbrief.digest.newsworthiness import COMMENTARY, NOT_LEDE_KINDS, OBITUARY
from newsbrief.digest.rank import RankedStory
from newsbrief.summarize.headline import has_verb, is_usable_title
from newsbrief.summarize.references import HONORIFIC, full_name, introduced_by

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


def _sources(bundle: StoryBundle) -> tuple[tuple[str, str, str], ...]:
    seen, out = set(), []
    for a in bundle.articles:
        if a.canonical_url not in seen:
            seen.add(a.canonical_url)
            out.append((a.id, a.outlet, a.url))
    return tuple(out)


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
        sources=_sources(bundle), marker=_marker(bundle, day), one_line=one_line,
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
    sources = tuple(s for s in _sources(bundle) if s[0] in fact.article_ids) or _sources(bundle)
    return DigestItem(
        story_id=bundle.ranked.story_id, headline=label,
        paragraphs=((CitedSentence(body, tuple(fact.article_ids)),),) if body else (),
        sources=sources, marker=_marker(bundle, day), one_line=True,
        extra=_rank_extra(bundle) | {"sentence": fact.sentence},
    )


_RoundOrRule = TypeVar("_RoundOrRule", FundingRound, Regulation)


def _subject_facts(bundle: StoryBundle, facts: Sequence[_RoundOrRule]) -> list[_RoundOrRule]:
    """The rounds and rules a story is about: named in its headline or its first summary sentence."""
    first = bundle.summary.sentences[:1]
    told = (bundle.summary.headline + " " + (first[0].text if first else "")).lower()
    out = []
    for f in facts:
        names = (f.company,) if isinstance(f, FundingRound) else (f.rule, f.regulator)
        if any(n and (n.lower() in told or n.split()[0].lower() in told.split()) for n in names):
            out.append(f)
    return out


def _subject_rounds(bundle: StoryBundle) -> list[FundingRound]:
    """The story's well-formed rounds it is about, the best of each company's (roundups and the lede alike)."""
    return _subject_facts(bundle, _best_per_key(
        [f for f in bundle.facts if isinstance(f, FundingRound) and well_formed_round(f)], _round_key))


def day_label(start: dt.date, end: dt.date, day: dt.date) -> str:
    """The heading of a calendar day or range: "Thursday 3 December", "December", "January – March 2027".

    :param start: first day of the event.
    :param end: last day of the event.
    :param day: the digest date; the year is named when it differs.
    """
    year = f" {end.year}" if end.year != day.year else ""
    if start == end:
        return f"{start.strftime('%A')} {start.day} {start.strftime('%B')}" + (f" {start.year}" if start.year != day.year else "")
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return start.strftime("%B") + year
    if whole_months:
        return f"{start.strftime('%B')} – {end.strftime('%B')}{year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} – {end.day} {start.strftime('%B')}{year}"
    return f"{start.day} {start.strftime('%B')} – {end.day} {end.strftime('%B')}{year}"


def _actor(bundle: StoryBundle) -> str:
    """The story's main actor, for an event told of "the company": the company that raised money,
    the regulator of its rule, else the first name of its headline."""
    rounds = [f.company for f in bundle.facts if isinstance(f, FundingRound) and not f.aggregate and f.company]
    if rounds:
        return rounds[0]
    rule = _story_rule(bundle)
    if rule is not None and rule.regulator:
        return rule.regulator
    headline = bundle.summary.headline
    for name in find_names(headline):
        if _common_opening_word(bundle, name) or _DATE_WORD.match(name.text):
            continue
        if _RESIDENT.match(headline, name.end) or _FROM_TOWN.search(headline[: name.start]):
            continue  # "trial of New Bedford man": the town says where the man is from; he, not it, is the actor
        # the name as the articles write it: "New Urban Land Institute Forecast" in a title is their "Urban Land
        # Institute" (the longest run of two words or more that they write, else the name itself)
        words = name.text.split()
        runs = [" ".join(words[k:k + n]) for n in range(len(words), 1, -1) for k in range(len(words) - n + 1)
                if words[k][:1].isupper() and words[k + n - 1][:1].isupper()
                and not any(_DATE_WORD.match(w) for w in words[k:k + n])]  # "Delhi High Court on Tuesday": the court
        written = next((run for run in runs or [name.text] if _written(bundle, run)), "")
        if written:
            return written
    return ""


# a person named by the town they are from: "New Bedford man", "Tarn teen", "Leeds couple"
_PERSON_NOUNS = (r"(?:man|woman|men|women|teen|teenager|boy|girl|resident|residents|couple|family|student|"
                 r"mother|father|son|daughter|wife|husband|driver|pensioner|child|baby|officer|teacher|nurse|doctor|"
                 r"priest|pastor|worker|workers|firefighter|soldier|veteran|victim|suspect|inmate|native)")
_RESIDENT = re.compile(rf"\s+{_PERSON_NOUNS}\b")
_FROM_TOWN = re.compile(rf"\b{_PERSON_NOUNS}\s+(?:from|of)\s+$", re.IGNORECASE)  # "THREE men from Luton"


# a month or a weekday opening a headline's name: "Oct. 1 deadline", "Sept 26 rally" name no actor
_DATE_WORD = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
                        r"(?:[a-z]*day|uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?(?:\s|$)")


def _written(bundle: StoryBundle, name: str) -> bool:
    """Whether the story's articles write ``name`` as the headline does: a title's capitals make
    names of words that are none ("New Urban Land Institute" where the articles say "Urban Land
    Institute", "Liberal Leadership"); a single word that opens a sentence counts only as the
    subject of a verb ("Interesting fact ..." is no name, "Acme agreed to ..." and "shares of Acme" are)."""
    pattern = re.compile(rf"(?<![\w'’&-]){re.escape(name)}(?![\w&-]|['’][a-rt-z])")
    for article in bundle.articles:
        for m in pattern.finditer(article.text):
            if (" " in name or re.search(r"[\w,;’']\s*$", article.text[max(0, m.start() - 3):m.start()])
                    or _VERB_AFTER.match(article.text, m.end())):
                return True
    return False


_VERB_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+(?:ed|es|s)|will|would|has|had|is|was|are|were|can|could|may|might|must|"
                         r"said|says|told|took|made|won|lost|left|became|began|gave)\b")


def _common_opening_word(bundle: StoryBundle, name: Name) -> bool:
    """A headline's first word, capitalised as every headline's is, that the story's articles write in lower case
    ("Jury selected ...", "Interesting times ..."): a common word, not the story's actor."""
    if name.start != 0 or " " in name.text:
        return False
    word = re.compile(rf"\b{re.escape(name.text.lower())}\b")
    return any(word.search(a.text) for a in bundle.articles)


_PROPER_RULE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|for|on|the|to))*\s+[A-Z][\w'’-]*")


def _story_rule(bundle: StoryBundle) -> Regulation | None:
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
                                      r.rule.lower() in told, len(r.article_ids), _completeness(r)))
    # a regulator written as a body's name over a phrase or a generic noun read from another sentence
    by = max([r for r in rules if r.regulator] or [named], key=lambda r: (
        bool(rule_maker(r)), r.regulator.lower() in told, len(r.regulator.split()) > 1, r is named,
        len(r.article_ids), _completeness(r)))
    dated = next((r for r in (named, by, *sorted(rules, key=lambda r: -len(r.article_ids)))
                  if r.deadline and is_calendar_deadline(r)), None)
    used = [named, by] + ([dated] if dated is not None else [])
    return Regulation(
        rule=named.rule, regulator=by.regulator, article_ids=tuple(dict.fromkeys(i for r in used for i in r.article_ids)),
        sentence=named.sentence, jurisdiction=named.jurisdiction or by.jurisdiction,
        who_must_comply=named.who_must_comply or by.who_must_comply,
        deadline=dated.deadline if dated is not None else None, status=by.status or named.status)


def _calendar_item(bundle: StoryBundle, line: str, fact: Event | Regulation, start: dt.date, end: dt.date,
                   day: dt.date, hedged: str) -> DigestItem:
    """One calendar line: headed by its day, naming who and what, citing the articles that state it."""
    sources = tuple(s for s in _sources(bundle) if s[0] in fact.article_ids) or _sources(bundle)
    return DigestItem(
        story_id=bundle.ranked.story_id, headline=day_label(start, end, day),
        paragraphs=((CitedSentence(line, tuple(fact.article_ids)),),), sources=sources, one_line=True,
        extra={"speculative": bool(hedged), "hedge": hedged, "what": line, "start": start.isoformat(),
               "end": end.isoformat(), "sentence": fact.sentence})


def _event_item(bundle: StoryBundle, event: Event, day: dt.date, actor: str) -> DigestItem:
    """One event's calendar line; ``actor`` is the story's (:func:`_actor`), for a subject that names no one."""
    assert event.start is not None
    return _calendar_item(bundle, _in_full(event_line(event, fallback_who=actor), bundle, event), event, event.start,
                          event.end or event.start, day, hedge(event))


_ONE_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?")


def _in_full(line: str, bundle: StoryBundle, event: Event) -> str:
    """A line whose actor is a surname alone ("Machar: attend the talks") names the person as the event's article
    does ("Riek Machar: attend the talks"), when that article gives the surname one first name; so does a line
    made of a noun phrase ("Smith arraignment", "Court date for Law") for each capitalised word standing alone."""
    who, sep, what = line.partition(": ")
    titled = _TITLED_RE.fullmatch(who)  # "Mr Corbyn: attend ..."
    if sep and not _ONE_NAME_RE.fullmatch(who) and titled is None:
        return line
    texts = [f"{a.title}\n{a.text}" for a in bundle.articles if a.id in event.article_ids]

    def named(word: str) -> str:
        return next((full for text in texts if (full := full_name(word, text))), word)

    if sep:
        if titled is not None:  # "Mr Corbyn" is "Jeremy Corbyn"; "Commissioner Avramopoulos" keeps the office
            full = named(titled.group("surname"))
            if full == titled.group("surname"):
                return line
            office = titled.group("office")
            return f"{'' if _HONORIFIC_RE.fullmatch(office) else office + ' '}{full}: {what}"
        return f"{named(who)}: {what}"
    words = list(_WORD_RE.finditer(line))
    # a word of a quoted title is the title's ('"Brady vs. Manning" is due out'), not a person to name in full
    quoted = {w for q in _QUOTED_TITLE.finditer(event.sentence) for w in _WORD_RE.findall(q.group(1))}
    out, at = [], 0
    for n, m in enumerate(words):
        beside = [w.group(0) for w in words[max(0, n - 1):n + 2] if w is not m]
        if _ONE_NAME_RE.fullmatch(m.group(0)) and not any(w[:1].isupper() for w in beside) \
                and m.group(0) not in quoted:
            out += [line[at:m.start()], named(m.group(0))]  # "Smith" in "Smith arraignment", not "Victor Frankenstein"
            at = m.end()
    return "".join(out) + line[at:]


_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")
_HONORIFIC_RE = re.compile(rf"{HONORIFIC}\.?")
_TITLED_RE = re.compile(rf"(?P<office>{HONORIFIC}\.?|(?:Vice[- ])?(?:President|Commissioner|Governor|Senator|"
                        r"Minister|Chancellor|Secretary|Judge|Justice|Mayor|Coach|Premier|Prime Minister|Rep\.|Sen\.|"
                        r"Gov\.|Gen\.|General|Ambassador|Chairman|Chairwoman|Director|Inspector|Sheriff|Chief))"
                        r"\s+(?P<surname>[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)")


def _deadline_item(bundle: StoryBundle, rule: Regulation, day: dt.date) -> DigestItem:
    assert rule.deadline is not None
    who = rule.regulator if rule.regulator and rule.regulator != rule.rule else ""
    line = f"{who}: {rule.rule} deadline" if who and rule.rule else f"{rule.rule or who} deadline"
    return _calendar_item(bundle, line, rule, rule.deadline, rule.deadline, day, "")


def calendar_events(facts: Sequence[Fact], day: dt.date) -> list[Event]:
    """Upcoming events of one story that belong on a calendar, one per span of dates.

    Events that end on or before ``day`` are not upcoming, and only those
    :func:`~newsbrief.facts.calendar.is_calendar_event` keeps are listed. Several outlets often
    date the same milestone differently ("by the end of September 2027", "in the third quarter
    of 2027"): events of one story whose date ranges overlap are one calendar line, the best
    corroborated (most articles) and then the most precise (shortest range) wins; two named
    actors' happenings of one day stay two lines.
    """
    events = [e for e in facts if isinstance(e, Event) and e.start is not None and (e.end or e.start) > day
              and is_calendar_event(e, today=day) and _says_what(e)]
    events.sort(key=lambda e: (-len(e.article_ids), ((e.end or e.start) - e.start).days, e.start, e.sentence))  # type: ignore[operator]
    kept: list[Event] = []
    for e in events:
        end = e.end or e.start
        if not any(e.start <= (k.end or k.start) and k.start <= end and not _two_actors(e, k) for k in kept):  # type: ignore[operator]
            kept.append(e)
    return kept


def _says_what(event: Event) -> bool:
    """An event whose calendar line tells what happens in two words or more ("vote on the budget"):
    not one ("meet") that says nothing without the sentence it was cut from, not a name alone
    ("Judge Mary Staley"), not a saying or a state ("say that ...", "not be ..."), not a question."""
    what = event_line(event).rpartition(": ")[2]
    words = what.split()
    # a name alone ("Judge Mary Staley", "The Child Nutrition and WIC Reauthorization Act") tells no happening
    told = [w for w in words[1:] if w[:1].islower() and w.lower() not in _LINK_WORDS]
    if len(words) > 1 and not words[1][:1].isupper() and words[0].lower() not in _LINK_WORDS:
        told.append(words[0])  # the line's capitalised first word, when no name runs on from it ("Vote on ...")
    elif words and words[0][:1].islower() and words[0] not in _LINK_WORDS:
        told.append(words[0])  # an act on a name: "visit Seattle", "face Leeds"
    return (len(words) >= 2 and bool(told) and (words[0].lower() not in _NO_HAPPENING or bool(COURT_APPEARANCE.match(what)))
            and not what.rstrip().endswith("?"))


_LINK_WORDS = frozenset("the a an and or of for in on at to with by from".split())


# First words of a calendar line's "what" that tell no scheduled happening: a saying, a state, a trend ("continue to
# grow"), an aim ("hope to take maximum points") or an infinitive whose verb was cut ("to take").
_NO_HAPPENING = frozenset("""not never say tell ask claim argue suggest insist warn know think believe want need
    feel seem appear remain have get do become continue keep hope hoping look looking aim aiming try trying seek
    seeking to""".split())


def _two_actors(a: Event, b: Event) -> bool:
    """Two happenings of one day by different named actors ("the Senate votes", "the House votes")."""
    return a.start == a.end == b.start == b.end and bool(a.who) and bool(b.who) and a.who.lower() != b.who.lower()


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


def _line_rule(fact: Fact) -> Regulation | None:
    """A regulation fact as its line names it, or None for another fact or an ill-formed one."""
    return regulation_for_line(fact) if isinstance(fact, Regulation) else None


def _lede_worthy(bundle: StoryBundle) -> bool:
    """A story the lede may name: news (not junk) and not a kind that is never news enough (a
    product promo's "funding", an analyst note's "deal", a fixture list)."""
    return not bundle.ranked.junk and bundle.ranked.kind not in NOT_LEDE_KINDS


def _lede(lead: Sequence[StoryBundle], everything: Sequence[StoryBundle]) -> tuple[CitedSentence, ...]:
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
    rounds = [f for b in rest for f in _subject_rounds(b)]
    rules = [f for b in rest for f in _subject_facts(b, _best_per_key(
        [f for f in map(_line_rule, b.facts) if f is not None and len(f.regulator.split()) > 1], lambda f: "rule"))]
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
        funding.extend(_fact_item(b, f, day) for f in _subject_rounds(b))
        rule = _story_rule(b)
        for f in _subject_facts(b, [rule] if rule is not None else []):
            shown = _line_rule(f)
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
        rounds = _subject_rounds(b) if reports else []
        rule = _story_rule(b) if reports else None
        shown = _line_rule(rule) if rule is not None else None
        rules = _subject_facts(b, [shown]) if shown is not None else []
        if rounds:
            funding.extend(_fact_item(b, f, day) for f in rounds)
        elif rules:
            regulation.extend(_fact_item(b, f, day) for f in rules)
        elif listed:
            _add_line(short, _story_item(b, day, one_line=True))
    # The calendar: events of the most important stories first, then shown in date order.
    upcoming = _calendar(bundles, day)
    # The calendar spends only the share set aside for it, so long roundups cannot crowd it out;
    # what it leaves of that share goes to the roundups, then to the one-liners.
    ahead_shown, ahead_more = budget.take(_dedupe_events(upcoming), options.max_events, reserved=True)
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
        date=day, title=f"{options.title} — {date_text}", lede=_lede(full, bundles), sections=tuple(sections),
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


def _completeness(fact: FundingRound | Regulation) -> tuple[int, int]:
    """Rank facts by how many fields they fill, then prefer body sentences over headlines."""
    filled = sum(1 for v in dataclasses.asdict(fact).values() if v not in (None, "", (), []))
    return filled, int(fact.sentence.rstrip().endswith((".", '"', "”")))


def _round_key(fact: FundingRound) -> str:
    if fact.amount:
        return f"{fact.currency}:{round(fact.amount, -4)}"
    return fact.company.lower()


def _best_per_key(facts: Sequence[Any], key: Callable[[Any], str]) -> list[Any]:
    """Keep the most complete fact per key, e.g. one line per funding round of a story."""
    best: dict[str, Any] = {}
    for f in facts:
        k = key(f)
        if k not in best or _completeness(f) > _completeness(best[k]):
            best[k] = f
    return list(best.values())


PER_STORY_EVENTS = 2  # calendar lines of one story before the other stories get theirs


def _calendar(bundles: Sequence[StoryBundle], day: dt.date) -> list[DigestItem]:
    """The calendar's lines, ranked: by the importance of their story (at most
    :data:`PER_STORY_EVENTS` of one story before every other story's), then day-precise before
    ranges, then soonest first. Stories ranking found not to be news, and obituaries, give no line."""
    ranked: list[tuple[tuple[int, int, int, str], DigestItem]] = []
    for n, b in enumerate(bundles):
        if b.ranked.junk:  # a story that is not news (a stub's "this week", a ticker's earnings date) dates nothing
            continue
        if b.ranked.kind == OBITUARY:  # a family's notice: its visitation and service are no editor's calendar
            continue
        events = calendar_events(b.facts, day)
        actor = _actor(b) if events else ""  # read once per story: it scans the story's articles
        items = []
        for e in events:
            item = _event_item(b, e, day, actor)
            # a line that does not read alone ("Workshop held", "X: vote for him") is left out; its fact stays stored
            if line_reads_alone(str(item.extra["what"]), _context(b, e)):
                items.append(item)
        rule = _story_rule(b)
        if rule is not None and rule.deadline and rule.deadline > day:
            deadline = _deadline_item(b, rule, day)
            if line_reads_alone(str(deadline.extra["what"]), rule.sentence):
                items.append(deadline)
        items.sort(key=lambda it: (str(it.extra["start"]) != str(it.extra["end"]), str(it.extra["start"])))
        for k, it in enumerate(_dedupe_events(items)):
            ranked.append(((int(k >= PER_STORY_EVENTS), n, k, str(it.extra["start"])), it))
    ranked.sort(key=lambda pair: pair[0])
    # two stories telling one happening in the same words are one line: the higher-ranked story's
    lines = _first_per_key([it for _, it in ranked], lambda it: (it.headline, str(it.extra.get("what", "")).lower()))
    return _one_per_happening(_one_per_title(lines))


# a film's, a book's or a show's title in quotation marks: "The Walk", 'Victor Frankenstein'
_QUOTED_TITLE = re.compile(r"[\"\u201c\u2018']([A-Z0-9][^\"\u201c\u201d\u2018\u2019']{1,60})[\"\u201d\u2019']")


def _one_per_title(items: Sequence[DigestItem]) -> list[DigestItem]:
    """One line per day and quoted title: two stories that date "The Walk" on one day tell one release
    (the higher-ranked story's line stays)."""
    seen: dict[str, list[str]] = {}
    out = []
    for it in items:
        sentence = str(it.extra.get("sentence", ""))
        titles = {m.group(1).strip().lower() for m in _QUOTED_TITLE.finditer(sentence)}
        told = seen.setdefault(it.headline, [])
        if any(t in sentence.lower() for t in told) or any(t in prior for t in titles for prior in told):
            continue
        told.extend(titles)
        out.append(it)
    return out


_PLAIN_WORD = re.compile(r"\b[a-z][a-z-]{2,}\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
_FILLER = frozenset("the and for with from its their his her will this that first time new next into over".split())


def _one_per_happening(items: Sequence[DigestItem]) -> list[DigestItem]:
    """Two stories' lines on overlapping dates telling one happening are one line, the higher-ranked story's:
    "Fed officials: decide to raise interest rates" and "US central bank: raise rates for the first time since
    2006". One happening: two or more plain words of what happens in common, no name in one's what that the other's
    sentence lacks ("play Fiji in the World Cup" and "play Uruguay in the World Cup" stay two), and not two named
    actors that neither sentence shares ("Harbour Lights: open in cinemas", "Quay Street: open in cinemas")."""
    out: list[DigestItem] = []
    for it in items:
        if not any(_one_happening(it, kept) for kept in out):
            out.append(it)
    return out


def _one_happening(a: DigestItem, b: DigestItem) -> bool:
    if a.story_id == b.story_id or not (str(a.extra["start"]) <= str(b.extra["end"])
                                        and str(b.extra["start"]) <= str(a.extra["end"])):
        return False
    (who_a, _, what_a), (who_b, _, what_b) = (str(x.extra.get("what", "")).rpartition(": ") for x in (a, b))
    sentence_a, sentence_b = (str(x.extra.get("sentence", "")).lower() for x in (a, b))
    if (_a_name(who_a) and _a_name(who_b) and who_a.lower() not in sentence_b
            and who_b.lower() not in sentence_a):  # "Apple: launch a phone", "Samsung: launch a phone"
        return False
    plain_a, plain_b = ({w for w in _PLAIN_WORD.findall(w) if w not in _FILLER} for w in (what_a, what_b))
    if len(plain_a & plain_b) < 2:
        return False
    for what, sentence in ((what_a, sentence_b), (what_b, sentence_a)):
        names = _CAPITALISED.findall(what.partition(" ")[2])  # the first word is capitalised as the line's start
        if any(name.lower() not in sentence for name in names):
            return False
    return True


def _a_name(who: str) -> bool:
    """A line's actor that is a name ("Harbour Lights"), not a description ("US central bank", "Fed officials")."""
    return bool(who) and all(w[:1].isupper() or w[:1].isdigit() for w in who.split())


CONTEXT_CHARS = 3000
"""Characters of each article that states an event read for whether its line's first word is a name."""


def _context(bundle: StoryBundle, event: Event) -> str:
    """An event's sentence and the opening of the articles that state it: where its line's words are names or not."""
    return " ".join([event.sentence, *(a.text[:CONTEXT_CHARS] for a in bundle.articles if a.id in event.article_ids)])


def _dedupe_events(items: Sequence[DigestItem]) -> list[DigestItem]:
    """One calendar line per story, day and actor ("Halvard: deal to close", "Halvard: complete the
    purchase" on one day are one happening); the first (best corroborated) wins."""
    def key(it: DigestItem) -> tuple[str, ...]:
        line = str(it.extra.get("what", ""))
        return (it.story_id, it.headline, line.split(": ", 1)[0] if ": " in line else line)

    return _first_per_key(items, key)


def _first_per_key(items: Sequence[DigestItem], key: Callable[[DigestItem], Hashable]) -> list[DigestItem]:
    """The items in order, each but the first of those with the same ``key`` left out."""
    seen: set[Hashable] = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out
