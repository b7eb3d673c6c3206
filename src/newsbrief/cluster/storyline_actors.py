"""The main actors of events, for merging them into storylines (:mod:`newsbrief.cluster.storylines`).

A storyline is about the same actors (an organisation or a person that is the subject of its
events), not the same sector or region: two funding rounds of different companies share
"Capital", "Series" and "Ventures", an outage and a ransomware attack share the countries they
hit, and neither is one storyline. An article names its subject in its headline and repeats
it in its text; of the headline's names the subject is the one the text writes most often
times its rarity over the events being linked (IDF), so a name many events carry loses to the
one only this event carries. An article without a headline (wire copy) gives its few most
salient names instead. Places are never a main actor.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from newsbrief.cluster.text import capitalised_entities, entity_keys
from newsbrief.facts.entities import COUNTRIES, PLACES

__all__ = ["Candidates", "article_names", "distinct_names", "event_subjects", "is_place", "same_actor"]

Candidates = tuple[bool, tuple[tuple[str, int], ...]]
"""An article's possible subjects: whether they come from its headline, and each name with its mentions."""

_PLACES = frozenset(PLACES) | COUNTRIES


def is_place(name: str) -> bool:
    """Return whether an actor key is a country, region or city of the gazetteer.

    :param name: an actor key (:func:`newsbrief.cluster.text.entity_keys`).
    """
    return name in _PLACES


def distinct_names(actors: Iterable[str]) -> set[str]:
    """Return ``actors`` without the words of a longer name among them ("acme corp" and "acme" are one name).

    :param actors: actor keys (:func:`newsbrief.cluster.text.entity_keys`).
    """
    names = set(actors)
    words = {w for a in names if " " in a for w in a.split()}
    return {a for a in names if " " in a or a not in words}


def article_names(title: str, text: str, names: Iterable[str]) -> Candidates:
    """Return the names that may be an article's subject, each with its mentions, and whether they come from its headline.

    With a headline: the names it gives (its first word counts) among ``names``. Without one,
    or when it gives none but places: all of ``names``. Each is counted where the text writes it
    capitalised (where a longer name matches, its words are not counted); names the text never
    writes and places are left out.

    :param title: the headline ("" when none).
    :param text: the article's text (as much as should be read).
    :param names: the article's actor keys.
    """
    pool = {n for n in names if n and not is_place(n)}
    if not pool:
        return False, ()
    headed = pool & set(entity_keys(capitalised_entities("- " + title))) if title.strip() else set()
    headline = bool(headed)
    if headline:
        pool = headed
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(pool, key=len, reverse=True))) + r")(?!\w)",
                         re.IGNORECASE)
    counts = Counter(m.group(0).lower() for m in pattern.finditer(text) if m.group(0)[0].isupper())
    if headline and not counts:  # the text never writes the headline's names: read it as if it had none
        return article_names("", text, names)
    return headline, tuple(sorted(counts.items()))


def event_subjects(articles: Sequence[Sequence[Candidates]], actors: Sequence[Iterable[str]],
                   most: int) -> list[frozenset[str]]:
    """Return each event's main actors: the subject of each of its articles.

    An article's subject is its candidate (:func:`article_names`) of the most mentions times
    IDF over the events (in how many events' ``actors`` it is), ties to the first in order; an
    article without a headline gives its ``most`` best candidates.

    :param articles: per event, per article, its candidates.
    :param actors: per event, its actor keys.
    :param most: candidates kept of an article without a headline.
    """
    df: Counter[str] = Counter()
    for keys in actors:
        df.update(set(keys))
    n = len(actors)

    def score(candidate: tuple[str, int]) -> tuple[float, str]:
        name, mentions = candidate
        return -mentions * (math.log((1 + n) / (1 + df[name])) + 1.0), name

    out = []
    for event in articles:
        subjects: set[str] = set()
        for headline, names in event:
            subjects.update(name for name, _ in sorted(names, key=score)[:1 if headline else most])
        out.append(frozenset(subjects))
    return out


def same_actor(a: Iterable[str], b: Iterable[str]) -> bool:
    """Return whether two sets of main actors share one: the same name, or one a word of the other
    ("brightloom" and "brightloom home"). A side with none (its articles write no name) is not judged: True.

    :param a: main actors of one storyline.
    :param b: main actors of the other.
    """
    left, right = set(a), set(b)
    if not left or not right or not left.isdisjoint(right):
        return True
    return not left.isdisjoint({k for name in right for k in entity_keys((name,))}) \
        or not right.isdisjoint({k for name in left for k in entity_keys((name,))})
