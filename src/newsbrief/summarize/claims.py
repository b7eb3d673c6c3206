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
  ("Anderson stunned Murray" and "Murray was beaten 7-6 6-3 by Anderson").

Verbs compare by lemma ("said" is "say", a light verb); a passive subject is what the verb acts
on and a passive's agent is who acts ("was crushed by pallets" = "pallets crushed"); a time of
day ("8am") is no figure.

Predications come from the dependency parse of :func:`newsbrief.facts.nlp.parse` (spaCy's
small English model); without spaCy only the first rule applies.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Claim", "figures_of", "predications", "retells_claim"]

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


def _actors(names: Iterable[str]) -> set[str]:
    return {n.lower().removesuffix("'s").removesuffix("\u2019s") for n in names} - _NOT_ACTORS


def retells_claim(claim: Claim, told: Sequence[Claim]) -> bool:
    """Return True if a sentence tells again a claim of one of the sentences already told.

    :param claim: the candidate sentence.
    :param told: the sentences already in the summary.
    """
    if not told:
        return False
    known = set().union(*(t.figures for t in told))
    new = claim.figures - known
    actors = _actors(claim.names)
    # one figure beside a repeated claim does not make it new ("trained on 14 trillion tokens and scores 81.4%")
    if len(new) <= 1 and any(claim.figures & other.figures and actors & _actors(other.names) for other in told):
        return True
    mine = predications(claim.text)
    pairs = {p for p in mine if "=>" in p}
    if pairs and any(pairs & predications(other.text) for other in told):
        return True  # the same named party acting on the same other one: the score line is no new event
    if new:
        return False  # a new figure is a new fact
    return bool(mine) and any(mine & predications(other.text) for other in told)
