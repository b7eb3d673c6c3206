"""Claim-level retellings: a sentence telling a chosen sentence's fact again in other words.

Sentence embeddings miss many retellings whose wording differs ("X has taken its platform offline
after a ransomware attack" and "A ransomware attack on X could delay deliveries"), so a
candidate is also compared claim by claim with the sentences already told. It retells one of
them when it

* names an actor of that sentence and repeats one of its figures, adding at most one figure the
  summary has not given ("1,800 shippers" and "about 1,800 businesses": the same actor and the
  same figure are the same claim; "trained on 14 trillion tokens, it scores 81.4%" after "it
  scored 81.4%"), or
* adds no figure and shares a predication with it: the same subject doing the same thing ("the dentist returned
  to work" and "a dentist ... as he returns to work"), or the same thing done to the same
  object ("the funding values the company at ..." and "the deal values the company at ..."), or
* names the same party acting on the same other party, whatever the verb and the figures
  ("Anderson stunned Murray" and "Murray was beaten 7-6 6-3 by Anderson"), or
* adds no figure and repeats one of its amounts with the same verb ("The round values X at
  €310m" and "The deal values the company at €310m"), or
* adds no figure and has the same speaker say the same thing, whatever the speech verb: most
  content words of the reported clauses shared ("Holding a vote this year would be reckless, the
  First Minister insisted" and "Orla Dempsey said holding a vote this year would be reckless").
  A speaker named once by title and once by name is one speaker when the story's articles link
  the two (:func:`speaker_aliases`: "First Minister Orla Dempsey", "Orla Dempsey, the first minister,",
  a lead quoting "the First Minister" followed by "Orla Dempsey said ...").

Verbs compare by lemma ("said" is "say", a light verb); a passive subject is what the verb acts
on and a passive's agent is who acts ("was crushed by pallets" = "pallets crushed"); a time of
day ("8am") is no figure.

Predications come from the dependency parse of :func:`newsbrief.facts.nlp.parse` (spaCy's
small English model); without spaCy only the first rule applies.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Claim", "doers_of", "event_core", "figures_of", "predications", "retells_claim", "scores_of",
           "speaker_aliases", "statements", "subjects_of"]

# Digits that are part of a name ("Kestrel-3", "F-35") are no figure, nor is a time of day ("8am", "9:39 pm").
_FIGURE_RE = re.compile(r"(?<![\w.:])(?<![A-Za-z]-)\d++(?:[.,]\d+)*+(?!\s?(?:[ap]\.?m\b|:\d))")
# Verbs that any sentence of a story may share with another without telling the same thing.
_LIGHT_VERBS = frozenset("""be have do say tell add note report announc confirm stat accord get make go come
    take give includ show seem becom remain continu expect want need plan tri use""".split())
_RELATIVE = frozenset("who which that".split())
_PERSONAL = frozenset("he she it they".split())
_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
_MONTHS = _MONTH_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Capitalised words that are not an actor: days, months and the like.
_NOT_ACTORS = _MONTH_NAMES | frozenset("monday tuesday wednesday thursday friday saturday sunday the a an".split())


@dataclass(frozen=True, slots=True)
class Claim:
    """What a sentence states, for the comparison: its text, the names it gives and its figures."""

    text: str
    names: frozenset[str]
    figures: frozenset[str]


_WORD_BEFORE_RE = re.compile(r"(?:^|\s)([A-Z][\w&'-]*)[ -]$")
# A match score or a set score: "won 3-1", "5-7, 4-6, 6-1", "a 2–0 lead". Not a season or a range of
# years ("2014-15", "1939-45"): two numbers of at most two digits each, with no digit or dash around them.
_SCORE_RE = re.compile(r"(?<![\w.,/-])(\d{1,2})\s?[-\u2013](\d{1,2})(?![\w.,/-]\d|[\w/-])")


def scores_of(text: str) -> frozenset[str]:
    """Return the match or set scores a sentence gives, as "a-b" ("6–1" -> "6-1").

    :param text: one sentence.
    """
    return frozenset(f"{m.group(1)}-{m.group(2)}" for m in _SCORE_RE.finditer(text))


def figures_of(text: str) -> frozenset[str]:
    """Return the numbers a sentence states, without separators ("1,800" -> "1800").

    Digits that belong to a name are no figure: "Kestrel-3", and a number after a capitalised word
    that does not open the sentence and is not a month ("the Ember 3 heater", but "December 3").

    :param text: one sentence.
    """
    out = set()
    for m in _FIGURE_RE.finditer(text):
        before = _WORD_BEFORE_RE.search(text, 0, m.start())
        if before and before.start(1) > 0 and before.group(1).lower().rstrip(".") not in _MONTHS:
            continue
        out.add(m.group(0).replace(",", ""))
    return frozenset(out)


def _stem(word: str) -> str:
    from newsbrief.summarize.extractive import _stem as stem

    return stem(word)


def _key(token: Any) -> str | None:
    """Return the word a subject or object token stands for (its stem), following relative and personal pronouns."""
    head = _referent(token)
    return None if head is None else _stem(head.text.lower())


def _referent(token: Any) -> Any:
    """Return the noun a subject or object token stands for, following relative and personal pronouns."""
    low = token.text.lower()
    if low in _RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head  # "the dentist who hunted": the dentist
    elif low in _PERSONAL:
        # "A dentist is drawing support as he returns": in a subordinate clause, the subject of the
        # nearest clause above it ("a man was found, crushed as he tried ..., officials said": the man)
        above = next((subjects for anc in token.head.ancestors
                      if (subjects := [t for t in anc.children if t.dep_ in ("nsubj", "nsubjpass")])), None)
        if not above or above[0].text.lower() in _PERSONAL | _RELATIVE:
            return None
        token = above[0]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    # "top seed Mara Quill", "the company, Corbel,": the name in apposition is who it is
    named = [t for t in token.children if t.dep_ == "appos" and t.pos_ == "PROPN"]
    return named[0] if token.pos_ == "NOUN" and named else token


@functools.lru_cache(maxsize=4096)
def predications(text: str) -> frozenset[str]:
    """Return a sentence's predications: "subject>verb" and "verb>object" stems of its clauses.

    Light verbs (be, have, say, report ...) are left out: two sentences sharing them need not
    state the same thing. Empty without spaCy.

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return frozenset()
    out = set()
    roles: dict[int, tuple[set[Any], set[Any]]] = {}  # per verb: who does it, to whom
    for token in doc:
        verb = token.head
        if verb.pos_ != "VERB" or token is verb:
            continue
        v = _stem(verb.lemma_.lower() or verb.text.lower())  # "said" is "say", a light verb; "found" is "find"
        if v in _LIGHT_VERBS:
            continue
        doers, undergoers = roles.setdefault(verb.i, (set(), set()))
        if token.dep_ == "nsubj":
            head = _referent(token)
            if head is not None:
                out.add(f"{_stem(head.text.lower())}>{v}")
                doers.add(head)
        elif token.dep_ in ("dobj", "nsubjpass"):
            # "was found dead" undergoes the finding as "found a man" does: both are the object
            head = _referent(token)
            if head is not None:
                out.add(f"{v}>{_stem(head.text.lower())}")
                undergoers.add(head)
        elif token.dep_ == "agent":
            # "crushed by pallets": the pallets do the crushing, as in "pallets crushed him"
            agents = [t for t in token.children if t.dep_ == "pobj"]
            head = _referent(agents[0]) if agents else None
            if head is not None:
                out.add(f"{_stem(head.text.lower())}>{v}")
                doers.add(head)
    # one named party acting on another ("Anderson stunned Murray", "Murray was beaten by Anderson"): one event,
    # whatever the verb
    for doers, undergoers in roles.values():
        out.update(f"{a.text.lower()}=>{b.text.lower()}" for a in doers for b in undergoers
                   if a.pos_ == b.pos_ == "PROPN" and a.text.lower() != b.text.lower())
    return frozenset(out)


# Verbs that report what someone said; the reported clause is the claim, whichever of them tells it.
_SPEECH_VERBS = frozenset("""say insist tell warn claim argue state add stress declare maintain announce suggest
    predict confirm deny admit indicate write note explain reiterate vow pledge promise acknowledge concede urge
    contend assert""".split())
_CONTENT_POS = frozenset("NOUN PROPN VERB ADJ ADV NUM".split())
# Titles that stand for one person ("the First Minister", "Prime Minister", "the pope").
_ROLES = (r"(?:[Mm]inister|[Pp]resident|[Ss]ecretary|[Cc]hancellor|[Gg]overnor|[Ss]enator|[Mm]ayor|[Pp]remier|"
          r"[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Cc]ommissioner|[Aa]mbassador|[Pp]ope|[Kk]ing|[Qq]ueen|[Pp]rince|"
          r"[Pp]rincess|[Cc]hief [Ee]xecutive|[Cc]hief|[Dd]irector|[Pp]rosecutor|[Jj]udge|[Ss]peaker|[Ll]eader|"
          r"[Ss]pokesman|[Ss]pokeswoman|[Ss]pokesperson|[Cc]oach|[Mm]anager|[Cc]aptain)")
_PERSON = r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}"
_TITLE = rf"(?:[A-Z][a-z]+\s+){{0,2}}{_ROLES}"
_ALIAS_RES = (
    # "First Minister Orla Dempsey", "Scotland's First Minister, Orla Dempsey,"
    re.compile(rf"\b(?P<title>{_TITLE}),?\s+(?P<name>{_PERSON})\b"),
    # "Orla Dempsey, Varnholt's first minister," "Orla Dempsey, the first minister"
    re.compile(rf"\b(?P<name>{_PERSON}),\s+(?:the\s+|[A-Z][\w-]*(?:'s|\u2019s)\s+)?"
               rf"(?P<title>(?:[A-Za-z-]+\s+){{0,2}}?{_ROLES})\b"),
)
_NOT_TITLE_WORDS = frozenset("the a an of and in on at for former then new".split())


def _title_key(title: str) -> str:
    words = [w for w in title.lower().split() if w not in _NOT_TITLE_WORDS]
    return " ".join(words[-3:])


_SAYS = (r"(?:say|says|said|insist|insists|insisted|warn|warns|warned|tell|tells|told|argue|argues|argued|claim|claims|"
         r"claimed|state|states|stated|add|adds|added|stress|stresses|stressed|declare|declares|declared)")
# "..., Varnholt's First Minister has insisted.": a speaker given by title only, ...
_TITLE_SPEAKER_RE = re.compile(rf"(?:^|\s)(?:the\s+|[A-Z][\w-]*(?:'s|\u2019s)\s+)?(?P<title>{_TITLE})\s+"
                               rf"(?:has\s+|had\s+|have\s+)?{_SAYS}\b")
# ... whom the next sentence names as a speaker ("Orla Dempsey said ...") or the headline does ("Dempsey: ...")
_NAMED_SPEAKER_RE = re.compile(rf"^[\"\u201c]?(?P<name>{_PERSON})\s+(?:has\s+|had\s+)?{_SAYS}\b")
_HEADLINE_SPEAKER_RE = re.compile(rf"^(?P<name>[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?):|"
                                  rf",\s+(?P<name2>{_PERSON})\s+{_SAYS}\s*$")


def _surname(name: str) -> str:
    return name.split()[-1].lower().removesuffix("'s").removesuffix("\u2019s")


def speaker_aliases(articles: Iterable[Sequence[str]]) -> dict[str, str]:
    """Return the titles a story's articles give a named person, each with that person's surname.

    An article links a title to a name by apposition ("First Minister Orla Dempsey", "Orla
    Dempsey, Varnholt's first minister,") or by naming the speaker its lead gave by title only
    ("..., Varnholt's First Minister has insisted." then "Orla Dempsey said ..." in the next
    sentence, or a headline "Dempsey: ..."). Both give ``{"first minister": "dempsey"}``. A title
    linked to two different people is left out.

    :param articles: each article's headline, then its sentences in order.
    """
    found: dict[str, set[str]] = {}
    for sentences in articles:
        sentences = list(sentences)
        for n, text in enumerate(sentences):
            for pattern in _ALIAS_RES:
                for m in pattern.finditer(text):
                    key = _title_key(m.group("title"))
                    if key and m.group("name").split()[0].lower() not in _NOT_TITLE_WORDS:
                        found.setdefault(key, set()).add(_surname(m.group("name")))
            if n == 0:
                continue
            titled = _TITLE_SPEAKER_RE.search(text)
            if titled is None:
                continue
            nxt = _NAMED_SPEAKER_RE.match(sentences[n + 1]) if n + 1 < len(sentences) else None
            head = _HEADLINE_SPEAKER_RE.search(sentences[0]) if n <= 2 else None
            name = nxt.group("name") if nxt else (head.group("name") or head.group("name2")) if head else None
            if name:
                found.setdefault(_title_key(titled.group("title")), set()).add(_surname(name))
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


@functools.lru_cache(maxsize=4096)
def statements(text: str) -> frozenset[tuple[str, frozenset[str]]]:
    """Return what a sentence reports someone said: (speaker, content-word stems of the reported clause).

    The speaker is the subject of a speech verb (say, insist, warn ...) as its words read, lower-cased:
    "orla dempsey", "first minister" ("Varnholt's First Minister": the possessive is left out); a
    pronoun speaker is none. Empty without spaCy.

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return frozenset()
    out = set()
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SPEECH_VERBS:
            continue
        subjects = [t for t in verb.children if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")]
        clauses = [t for t in verb.children if t.dep_ == "ccomp"]
        if not subjects or not clauses:
            continue
        head = subjects[0]
        speaker = " ".join(t.text.lower() for t in head.subtree
                           if t.i == head.i or (t.dep_ in ("compound", "amod") and t.head.i == head.i))
        words = frozenset(_stem(t.lemma_.lower() or t.text.lower()) for c in clauses for t in c.subtree
                          if t.pos_ in _CONTENT_POS and not t.is_stop and t.text.isalnum())
        if words:
            out.add((speaker, words))
    return frozenset(out)


def _who(speaker: str, aliases: Mapping[str, str]) -> str:
    """Return who a speaker is: the surname a title stands for, else the speaker's last word."""
    key = _title_key(speaker)
    return aliases.get(key) or aliases.get(" ".join(key.split()[-2:])) or (key.split() or [speaker])[-1]


def _same_statement(mine: frozenset[tuple[str, frozenset[str]]], other: frozenset[tuple[str, frozenset[str]]],
                    aliases: Mapping[str, str]) -> bool:
    """Return True if one speaker says the same in both: 3+ content words shared, 60% of the shorter clause."""
    for speaker, words in mine:
        for their_speaker, theirs in other:
            shared = len(words & theirs)
            if (shared >= 3 and shared >= 0.6 * min(len(words), len(theirs))
                    and _who(speaker, aliases) == _who(their_speaker, aliases)):
                return True
    return False


# Detail that adds no fact to an event already told: a time of day, an age.
_MINOR_DETAIL_RE = re.compile(
    r"\b(?:(?:at|around|about|shortly (?:before|after)|just (?:before|after))\s+)?\d{1,2}(?:[:.]\d\d)?\s*"
    r"(?:[ap]\s?\.?\s?m\b\.?|o'clock\b)|,?\s*\b(?:aged\s+)?\d{1,3}\s*-?\s*years?\s*-?\s*old\b",
    re.IGNORECASE)


def _doers(verb: Any) -> list[Any]:
    """Return who does what a verb says: its subject, or the agent of a passive ("hit by a train": the train)."""
    out = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            out.append(_referent(child))
        elif child.dep_ == "agent":
            out.extend(_referent(t) for t in child.children if t.dep_ == "pobj")
    return [t for t in out if t is not None]


@functools.lru_cache(maxsize=4096)
def event_core(text: str) -> tuple[frozenset[str], str] | None:
    """Return who does a sentence's main event and the event's clause without its minor detail.

    The event is the main verb, or the clause a speech verb reports ('"A train hit a man at 1 a.m.,"
    said the spokesman': the hitting). Its clause is kept without what adds no fact to an event
    already told: the speaker, a time of day, an age, and a label set after a named doer
    ("Orla Dempsey, OPP, Varnholt North, raised ..."). Returns the doers' stems and that clause's text;
    None without spaCy or a main verb.

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    verb = root
    if root.lemma_.lower() in _SPEECH_VERBS:
        verb = next((t for t in root.children if t.dep_ == "ccomp"), root)
    doers = _doers(verb)
    drop: set[int] = set()
    for doer in doers:
        for child in doer.children:
            if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN":
                drop.update(t.i for t in child.subtree)  # "Orla Dempsey, OPP, Varnholt North,": her party and seat
    words = " ".join(t.text for t in verb.subtree if t.i not in drop and not t.is_punct)
    core = " ".join(_MINOR_DETAIL_RE.sub(" ", words).split())
    return frozenset(_stem(t.text.lower()) for t in doers), core


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
_SUBJECT_DEPS = frozenset("nsubj nsubjpass csubj expl".split())


@functools.lru_cache(maxsize=4096)
def main_act(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the stems of a sentence's main verbs and of the nouns that complete them.

    The main verbs are the root and the verbs joined to it ("was arrested and led out"), or the
    clause a speech verb reports; light verbs are left out. The nouns are those under these verbs
    outside their subjects: objects, places, instruments, the clause that says why ("led out of his
    school in handcuffs after ... a bomb": school, handcuff, bomb); weekdays and months are no part
    of the act. Two empty sets without spaCy or a main verb.

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    root = None if doc is None else next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return frozenset(), frozenset()
    verb = root
    if root.lemma_.lower() in _SPEECH_VERBS:
        verb = next((t for t in root.children if t.dep_ == "ccomp"), root)
    verbs = [verb, *(t for t in verb.children if t.dep_ == "conj" and t.pos_ == "VERB")]
    subjects = {t.i for v in verbs for child in v.children if child.dep_ in _SUBJECT_DEPS for t in child.subtree}
    stems = frozenset(v for t in verbs if (v := _stem(t.lemma_.lower() or t.text.lower())) not in _LIGHT_VERBS)
    nouns = frozenset(_stem(t.lemma_.lower() or t.text.lower()) for v in verbs for t in v.subtree
                      if t.pos_ in ("NOUN", "PROPN") and t.i not in subjects
                      and t.text.lower() not in _WEEKDAYS | _MONTH_NAMES)
    return stems, nouns


def same_act(text: str, other: str) -> bool:
    """Whether two sentences tell one act: a main verb in common and two or more of the nouns that complete it
    ("was arrested and led out of his school in handcuffs ... a bomb" and "was led out of a Texas school in
    handcuffs after a teacher mistook his clock for a bomb"). Who does it is not compared: one outlet names
    the doer, another describes them. Meaning alone cannot tell these apart from two steps of one story, so
    the selector asks this only of sentences whose vectors are already close.

    :param text: one sentence.
    :param other: another sentence.
    """
    verbs, nouns = main_act(text)
    other_verbs, other_nouns = main_act(other)
    return bool(verbs & other_verbs) and len(nouns & other_nouns) >= 2


@functools.lru_cache(maxsize=4096)
def subjects_of(text: str) -> frozenset[str]:
    """Return the stems of every clause's grammatical subject, passive ones included ("Jo Marr is expected
    to speak": Marr), following pronouns as :func:`doers_of` does (empty without spaCy).

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return frozenset()
    return frozenset(k for t in doc if t.dep_ in ("nsubj", "nsubjpass") and (k := _key(t)) is not None)


@functools.lru_cache(maxsize=4096)
def doers_of(text: str) -> frozenset[str]:
    """Return the stems of every clause's doer in a sentence (subjects and passive agents; empty without spaCy).

    :param text: one sentence.
    """
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return frozenset()
    return frozenset(_stem(d.text.lower()) for t in doc if t.pos_ in ("VERB", "AUX") for d in _doers(t))


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


@functools.lru_cache(maxsize=4096)
def _verbs(text: str) -> frozenset[str]:
    """Return the lemmas of a sentence's verbs, light verbs left out (empty without spaCy)."""
    from newsbrief.facts.nlp import parse

    doc = parse(text)
    if doc is None:
        return frozenset()
    return frozenset(v for t in doc if t.pos_ == "VERB" and (v := _stem(t.lemma_.lower() or t.text.lower()))
                     not in _LIGHT_VERBS)


def _actors(names: Iterable[str]) -> set[str]:
    return {n.lower().removesuffix("'s").removesuffix("\u2019s") for n in names} - _NOT_ACTORS


def retells_claim(claim: Claim, told: Sequence[Claim], aliases: Mapping[str, str] | None = None) -> bool:
    """Return True if a sentence tells again a claim of one of the sentences already told.

    :param claim: the candidate sentence.
    :param told: the sentences already in the summary.
    :param aliases: the story's titles of named speakers (:func:`speaker_aliases`).
    """
    if not told:
        return False
    known = set().union(*(t.figures for t in told))
    new = claim.figures - known
    actors = _actors(claim.names)
    # one figure beside a repeated claim does not make it new ("trained on 14 trillion tokens and scores 81.4%")
    if len(new) <= 1 and any(claim.figures & other.figures and actors & _actors(other.names) for other in told):
        return True
    scores = scores_of(claim.text)
    if scores and any(scores & scores_of(other.text) and actors & _actors(other.names) for other in told):
        return True  # the same player or team with the same score: the result told again, whatever else it adds
    mine = predications(claim.text)
    pairs = {p for p in mine if "=>" in p}
    if pairs and any(pairs & predications(other.text) for other in told):
        return True  # the same named party acting on the same other one: the score line is no new event
    if new:
        return False  # a new figure is a new fact
    if mine and any(mine & predications(other.text) for other in told):
        return True
    amounts = {f for f in claim.figures if not _YEAR_RE.fullmatch(f)}
    if amounts and any(amounts & other.figures and _verbs(claim.text) & _verbs(other.text) for other in told):
        return True  # "The round values Quillmark at 310m" after "The deal values the company at 310m"
    said = statements(claim.text)
    return bool(said) and any(_same_statement(said, statements(other.text), aliases or {}) for other in told)
