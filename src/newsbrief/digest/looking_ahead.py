"""The digest's "Looking ahead": an editor's calendar of the scheduled things the stories tell.

Each ranked story gives its upcoming events (:func:`calendar_events`: after the digest day, on a calendar
date, saying what happens) and the deadline of the rule it is about, as one short line each, "Who: what",
headed by its day (:func:`day_label`) and citing the articles that state it. :func:`calendar_lines` ranks the
lines by their story's rank (at most :data:`PER_STORY_EVENTS` of one story before every other story's) and
keeps one line per happening across stories.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Hashable, Sequence

from newsbrief.model import CitedSentence, DigestItem, Event, Fact, FundingRound, Regulation
from newsbrief.facts.calendar import hedge, is_calendar_event
from newsbrief.facts.events import COURT_APPEARANCE
from newsbrief.facts.lines import event_line, line_reads_alone
from newsbrief.facts.names import Name, find_names
from newsbrief.digest.bundle import StoryBundle, cited_sources, story_rule
from newsbrief.digest.newsworthiness import OBITUARY
from newsbrief.summarize.references import HONORIFIC, full_name

__all__ = ["PER_STORY_EVENTS", "calendar_events", "calendar_lines", "day_label", "story_actor"]


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


def story_actor(bundle: StoryBundle) -> str:
    """The story's main actor, for an event told of "the company": the company that raised money,
    the regulator of its rule, else the first name of its headline."""
    rounds = [f.company for f in bundle.facts if isinstance(f, FundingRound) and not f.aggregate and f.company]
    if rounds:
        return rounds[0]
    rule = story_rule(bundle)
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


def _calendar_item(bundle: StoryBundle, line: str, fact: Event | Regulation, start: dt.date, end: dt.date,
                   day: dt.date, hedged: str) -> DigestItem:
    """One calendar line: headed by its day, naming who and what, citing the articles that state it."""
    sources = tuple(s for s in cited_sources(bundle) if s[0] in fact.article_ids) or cited_sources(bundle)
    return DigestItem(
        story_id=bundle.ranked.story_id, headline=day_label(start, end, day),
        paragraphs=((CitedSentence(line, tuple(fact.article_ids)),),), sources=sources, one_line=True,
        extra={"speculative": bool(hedged), "hedge": hedged, "what": line, "start": start.isoformat(),
               "end": end.isoformat(), "sentence": fact.sentence})


def _event_item(bundle: StoryBundle, event: Event, day: dt.date, actor: str) -> DigestItem:
    """One event's calendar line; ``actor`` is the story's (:func:`story_actor`), for a subject that names no one."""
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


PER_STORY_EVENTS = 2  # calendar lines of one story before the other stories get theirs


def calendar_lines(bundles: Sequence[StoryBundle], day: dt.date) -> list[DigestItem]:
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
        actor = story_actor(b) if events else ""  # read once per story: it scans the story's articles
        items = []
        for e in events:
            item = _event_item(b, e, day, actor)
            # a line that does not read alone ("Workshop held", "X: vote for him") is left out; its fact stays stored
            if line_reads_alone(str(item.extra["what"]), _context(b, e)):
                items.append(item)
        rule = story_rule(b)
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
