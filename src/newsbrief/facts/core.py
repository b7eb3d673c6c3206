"""The facts stage: articles in, facts out (entities, funding rounds, regulations, events).

Each sentence of an article's title and text goes through the rule extractors for funding,
regulation and events; entities come from the spaCy model when it is installed and from
capitalisation rules otherwise. Every fact carries the ids of its articles and the sentence
it was taken from. :func:`merge_facts` then collapses the same round, rule, event or entity
reported by several articles of one story.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from typing import Any

from newsbrief.errors import FactsError
from newsbrief.facts.calendar import calendar_items, labelled_items, slot_items
from newsbrief.facts.entities import entities_rules, entities_spacy, merge_entities
from newsbrief.facts.events import extract_events, merge_events
from newsbrief.facts.funding import drop_listed, extract_funding, listed_companies, merge_funding
from newsbrief.facts.names import is_shouting, name_key
from newsbrief.facts.nlp import load_nlp, split_sentences
from newsbrief.facts.regulation import extract_regulation, merge_regulations
from newsbrief.model import Article, Entity, Event, Fact, FundingRound, Regulation

LOGGER = logging.getLogger(__name__)

__all__ = [
    "FACT_TYPES", "extract_facts", "extract_sentence_facts", "fact_from_dict", "fact_to_dict", "merge_facts",
    "relabel_entities",
]

MAX_SENTENCE_CHARS = 1000
_PLAN_CLAUSE = re.compile(
    r";|\band\s+(?:(?:it|the\s+company|the\s+startup|the\s+firm)\s+)?(?:said|says|will|would|plans?|aims?|expects?|"
    r"intends?|hopes?|is\s+(?:also\s+)?planning)\b",
    re.IGNORECASE,
)


def _pieces(text: str) -> list[str]:
    """Cut an over-long sentence at clause breaks (or spaces) into pieces under the limit."""
    out: list[str] = []
    rest = text
    while len(rest) > MAX_SENTENCE_CHARS:
        window = rest[:MAX_SENTENCE_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = cut if cut > MAX_SENTENCE_CHARS // 2 else MAX_SENTENCE_CHARS
        out.append(rest[:cut].strip())
        rest = rest[cut:].lstrip(";, ")
    if rest.strip():
        out.append(rest.strip())
    return out


# a second clause with a step of its own beside a rule: "..., and will hold a session next Thursday"
_OWN_STEP = re.compile(
    r"(?:,\s*and|;)\s+(?:(?:the|a|an|its)\s+[\w\s'’-]{0,40}?)?(?:will|is\s+(?:scheduled|set|due|expected)\s+to|plans\s+to)\s+"
    r"(?:hold|host|vote|meet|publish|hear|open|launch|run|consult)\b",
    re.IGNORECASE,
)


def extract_sentence_facts(
    sentence: str,
    *,
    published: dt.date,
    article_id: str = "",
    nlp: object | None = None,
) -> list[Fact]:
    """Return the funding, regulation and event facts of one sentence (entities too if ``nlp``).

    A rule's deadline or date of effect is reported as a regulation, not also as an event; an
    upcoming event stated beside a round or a rule ("raised $52 million and said it would
    launch its satellite in the first half of 2027", "will vote on March 18 on its proposed
    rule") is reported as well.

    :param sentence: one sentence.
    :param published: publication date of its article, for relative dates.
    :param article_id: id of its article, copied into every fact.
    :param nlp: a loaded spaCy pipeline; when given, the sentence's entities are added.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if len(sentence) > MAX_SENTENCE_CHARS:
        # an unsplit wall of text: some patterns are quadratic, so read it in clause-sized pieces
        LOGGER.debug("facts: %d-char sentence of %r read in pieces", len(sentence), article_id)
        return [
            f
            for piece in _pieces(sentence)
            for f in extract_sentence_facts(piece, published=published, article_id=article_id, nlp=nlp)
        ]
    facts: list[Fact] = []
    funding = extract_funding(sentence, published=published, article_id=article_id)
    facts.extend(funding)
    regs = extract_regulation(sentence, published=published, article_id=article_id)
    facts.extend(regs)
    events = extract_events(sentence, published=published, article_id=article_id)
    deadlines = {r.deadline for r in regs if r.deadline is not None}
    if deadlines:
        # "The AI Act takes effect on August 2": the rule's date is the regulation's deadline; a
        # step on another date told in a clause of its own ("..., and will hold an information
        # session next Thursday") is still an event
        events = [
            e
            for e in events
            if len(events) > 0
            and e.start not in deadlines
            and e.end not in deadlines
            and _OWN_STEP.search(sentence) is not None
        ]
    if funding:
        # a round is dated by its article; only a plan stated in a clause of its own ("... and
        # said it would launch its satellite in 2027") is an event, not the purpose of the money
        # ("raised $10 million to expand into Europe next year")
        own_clause = _PLAN_CLAUSE.search(sentence) is not None
        events = [e for e in events if own_clause and e.start is not None and e.start > published]
    facts.extend(events)
    if nlp is not None:
        facts.extend(entities_spacy(nlp, [(article_id, sentence)]))
    return facts


# the legal small print of a release ("This press release contains forward-looking statements within the
# meaning of Section 27A ...", "Safe Harbor Statement"): its acts, risks and dates are no news
_SMALL_PRINT = re.compile(
    r"\bforward-looking\s+(?:statements?|information)\b|\bsafe\s+harbou?r\b|\bPrivate\s+Securities\s+Litigation\s+Reform\s+Act\b",
    re.IGNORECASE,
)


# a page's furniture read as one sentence: a run of link titles, menus and offers ("Posted in: ...
# View all Special Offers The Presidential Race: A View from Ohio ..."), nearly every word capitalised
FURNITURE_MIN_WORDS = 60
FURNITURE_CAPITALISED_SHARE = 0.7


def is_page_furniture(sentence: str) -> bool:
    """True for a long "sentence" made of link titles and menu items, not prose.

    :param sentence: one sentence as split from an article's text.
    """
    words = [w for w in sentence.split() if any(c.isalnum() for c in w)]
    if len(words) < FURNITURE_MIN_WORDS:
        return False
    capitalised = sum(1 for w in words if w.lstrip("\"'‘“(").lstrip()[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= FURNITURE_CAPITALISED_SHARE


def _sentences(article: Article) -> list[str]:
    out: list[str] = []
    title = " ".join(article.title.split())
    if title:
        out.append(title)
    text = "\n".join(line for line in article.text.split("\n") if not _SMALL_PRINT.search(line))
    out.extend(s for s in split_sentences(text) if not is_page_furniture(s))
    return out


def extract_facts(articles: Sequence[Article], *, nlp: object | None = None, use_model: bool = True) -> list[Fact]:
    """Extract every fact of the articles (title and text), entities included, unmerged.

    Call :func:`merge_facts` on the facts of one story to collapse duplicates. A sentence that
    breaks an extractor is logged and skipped; the other sentences are still read.

    :param articles: the articles to read.
    :param nlp: a loaded spaCy pipeline; when None, :func:`load_nlp` supplies the cached one
        (itself None when spaCy or the model is missing, which selects the rule-based extractor).
    :param use_model: False forces the rule-based entity extractor even when spaCy is installed.
    """
    if not use_model:
        nlp = None
    elif nlp is None:
        nlp = load_nlp()
    facts: list[Fact] = []
    entity_inputs: list[tuple[str, str]] = []
    for article in articles:
        published = article.published.date()
        sentences = _sentences(article)
        # a calendar article's listed items are events of their headings' days, one per item
        listed = (calendar_items(article.text, published=published, article_id=article.id)
                  or slot_items(article.text, published=published, article_id=article.id)
                  or labelled_items(article.title, article.text, published=published, article_id=article.id))
        facts.extend(item.event for item in listed if item.event is not None)
        listed_lines = [item.text for item in listed]
        told: set[tuple[dt.date | None, dt.date | None]] = set()
        # the events of a title in Title Case or capitals do not stand for the body's: "Obama To Host Chinese President
        # At White House On September 25" makes a poorer line than the sentence telling the same happening
        titled: list[Event] = []
        for n, sentence in enumerate(sentences):
            try:
                found = extract_sentence_facts(sentence, published=published, article_id=article.id)
            except (ValueError, IndexError, KeyError) as exc:  # a bad sentence is skipped, the run goes on
                LOGGER.warning("facts: skipped a sentence of %s: %s", article.id, exc)
                continue
            if any(sentence in line for line in listed_lines):
                found = [f for f in found if not isinstance(f, Event)]
            # prose tells one happening again and again ("on Saturday", "this Saturday's match"):
            # a later sentence's event on the same dates is the same one
            found = [f for f in found if not (isinstance(f, Event) and (f.start, f.end) in told)]
            if n == 0 and is_shouting(article.title):  # held back, its dates not told: the body may tell them
                titled = [f for f in found if isinstance(f, Event)]
                found = [f for f in found if not isinstance(f, Event)]
            told.update((f.start, f.end) for f in found if isinstance(f, Event))
            facts.extend(found)
        facts.extend(f for f in titled if (f.start, f.end) not in told)
        listed_here = listed_companies(article.text)
        if listed_here:
            rounds = [f for f in facts if isinstance(f, FundingRound) and article.id in f.article_ids]
            kept = {id(r) for r in drop_listed(rounds, listed_here)}
            facts = [f for f in facts if not (isinstance(f, FundingRound) and article.id in f.article_ids and id(f) not in kept)]
        entity_inputs.extend((article.id, s) for s in sentences)
    if nlp is not None:
        try:
            entities = entities_spacy(nlp, entity_inputs)
        except Exception as exc:
            raise FactsError(f"facts: spaCy entity extraction failed: {exc}") from exc
    else:
        entities = []
        for pair in entity_inputs:
            try:
                entities.extend(entities_rules([pair]))
            except (ValueError, IndexError, KeyError) as exc:  # a bad sentence is skipped, the run goes on
                LOGGER.warning("facts: skipped a sentence of %s: %s", pair[0], exc)
    facts.extend(relabel_entities(entities, facts))
    return facts


def relabel_entities(entities: Sequence[Entity], facts: Sequence[Fact]) -> list[Entity]:
    """Label ORG every entity that raised money, invested or regulates (the model errs there)."""
    orgs: set[str] = set()
    for f in facts:
        if isinstance(f, FundingRound) and not f.aggregate:
            orgs.update(name_key(n) for n in (f.company, *f.lead_investors, *f.investors))
        elif isinstance(f, Regulation) and f.regulator:
            orgs.add(name_key(f.regulator))
    return [
        dataclasses.replace(e, label="ORG") if e.label != "ORG" and name_key(e.name) in orgs else e for e in entities
    ]


def merge_facts(facts: Sequence[Fact]) -> list[Fact]:
    """Merge the same fact reported by several articles, unioning their ``article_ids``.

    Funding rounds merge on company and amount (within 1%), regulations on rule or regulator
    and deadline, events on dates and shared words, entities on normalised names. The output
    lists funding rounds, regulations, events, then entities.

    :param facts: facts of one story (or any set of facts).
    """
    funding = [f for f in facts if isinstance(f, FundingRound)]
    regs = [f for f in facts if isinstance(f, Regulation)]
    events = [f for f in facts if isinstance(f, Event)]
    ents = [f for f in facts if isinstance(f, Entity)]
    out: list[Fact] = []
    out.extend(merge_funding(funding))
    out.extend(merge_regulations(regs))
    out.extend(merge_events(events))
    out.extend(merge_entities(ents))
    return out


# --- JSON-safe dictionaries for storage and --format json|csv -------------------------------
FACT_TYPES: dict[str, type[Any]] = {
    "entity": Entity,
    "funding": FundingRound,
    "regulation": Regulation,
    "event": Event,
}
_TYPE_OF = {cls: name for name, cls in FACT_TYPES.items()}
_DATE_FIELDS = {"date", "deadline", "start", "end"}


def fact_to_dict(f: Fact) -> dict[str, Any]:
    """Return a JSON-safe dict of a fact, with a ``"type"`` key.

    :param f: an Entity, FundingRound, Regulation or Event.
    """
    kind = _TYPE_OF.get(type(f))
    if kind is None:
        raise FactsError(f"facts: cannot serialise {type(f).__name__}")
    out: dict[str, Any] = {"type": kind}
    for field in dataclasses.fields(f):
        value = getattr(f, field.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[field.name] = value
    return out


def fact_from_dict(d: dict[str, Any]) -> Fact:
    """Rebuild a fact from :func:`fact_to_dict` output; unknown keys are ignored.

    :param d: a dict with a ``"type"`` key.
    """
    kind = d.get("type")
    cls = FACT_TYPES.get(str(kind))
    if cls is None:
        raise FactsError(f"facts: unknown fact type {kind!r}")
    kwargs: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name not in d:
            continue
        value = d[field.name]
        if field.name in _DATE_FIELDS and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError as exc:
                raise FactsError(f"facts: bad date {value!r} in field {field.name}") from exc
        elif isinstance(value, list):
            value = tuple(value)
        elif field.name in ("amount", "valuation") and isinstance(value, int):
            value = float(value)
        kwargs[field.name] = value
    try:
        fact: Fact = cls(**kwargs)
    except TypeError as exc:
        raise FactsError(f"facts: cannot build {kind} from {sorted(d)}: {exc}") from exc
    return fact
