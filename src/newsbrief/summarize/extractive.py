"""Extractive multi-document summaries with citations.

Algorithm (deterministic, no model):

1. Split every article into sentences and repair them for standalone reading
   (:mod:`newsbrief.summarize.sentences`).
2. Concepts are stemmed content bigrams and unigrams. A concept's weight is the number of
   articles that mention it (ICSI-style document frequency), boosted when it occurs in an
   article's lead sentences; concepts found in too few articles get no weight.
3. Sentences are chosen greedily by the weight of the concepts they add, divided by their
   length to a power and multiplied by a lead-position prior and a sentence-quality prior (a
   small linear model of position, length, concept density, centroid similarity and quotes,
   fitted on DUC 2003; see ``_QUALITY_COEF``), so the same fact is never chosen twice. In budget mode (the benchmark) the last sentence may be cut at the word
   limit and only its kept words count.
4. Each chosen sentence cites every article containing a near-identical sentence.
5. :func:`newsbrief.summarize.story.summarize_story` orders the sentences (facts, then context, then quotes) and
   groups them into one to three paragraphs.
"""

from __future__ import annotations

import collections
import itertools
import math
import re
from collections.abc import Sequence, Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

from newsbrief.cluster.embed import Embedder
from newsbrief.errors import SummarizeError
from newsbrief.model import Article
from newsbrief.summarize.casing import common_words, is_shouting
from newsbrief.summarize.claims import (_MONTHS, Claim, doers_of, event_core, figures_of, retells_claim, same_act,
                                        speaker_aliases, subjects_of)
from newsbrief.summarize.faithfulness import NUMBER_WORDS, extract_claims
from newsbrief.summarize.page_matter import QUOTED_RE, lead_in_caps, not_digest_prose
from newsbrief.summarize.references import (
    Reference,
    antecedent,
    bare_person,
    described_subject,
    full_names,
    inner_reference,
    later_names,
    read_as_person,
    referring_subject,
    spelled_out,
    substitute,
    titled_name,
)
from newsbrief.summarize.sentences import is_standalone, normalise_for_match, parse_article_text, unnamed_person

__all__ = [
    "Candidate",
    "ExtractiveParams",
    "build_candidates",
    "content_tokens",
    "described_noun",
    "display_texts",
    "noun_told",
    "select_sentences",
    "summarize_for_budget",
]

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told mr mrs ms one two also would could may might must shall s t""".split()
)
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_QUOTE_CHARS = ('"', "\u201c", "\u201d")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _stem(word: str) -> str:
    """Return a light English stem: plural first, then one of -ing, -ed, -ly, -ment, -ness."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ly", "ment", "ness"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "stopped" -> "stopp" -> "stop"
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Return lower-cased, lightly stemmed word tokens of text.

    :param text: any text.
    :param keep_stopwords: keep function words (as ``None``-free tokens) instead of dropping them.
    """
    words = _TOKEN_RE.findall(text.lower())
    if keep_stopwords:
        return [w if w in STOPWORDS else _stem(w) for w in words]
    return [_stem(w) for w in words if w not in STOPWORDS]


@dataclass(frozen=True, slots=True)
class ExtractiveParams:
    """Tunable knobs of the sentence selector (tuned on DUC 2003 only; see bench/results)."""

    min_words: int = 8  # shorter sentences are never chosen
    max_words: int = 55  # longer sentences are never chosen
    min_df: int = 3  # a concept needs this many articles (scaled for stories under 10 articles)
    unigram_weight: float = 0.0  # weight of content unigrams next to bigrams (0 = bigrams only)
    lead_sentences: int = 3  # sentences per article counted as its lead
    lead_boost: float = 0.5  # extra weight per article whose lead mentions the concept
    length_exponent: float = 0.6  # gain is divided by length ** this
    position_prior: float = 0.3  # score x (1 + prior / (1 + sentence index))
    non_standalone_factor: float = 0.3  # score factor for sentences needing their predecessor
    quote_factor: float = 0.7  # score factor for sentences with a quotation
    cite_jaccard: float = 0.6  # content-word overlap that makes another article's sentence a citation
    local_search: bool = False  # swap-based polish of the concept coverage (measured worse)
    df_power: float = 1.0  # concept weight = (df + lead boost) ** this
    centroid_weight: float = 0.0  # score x (1 + w * cosine to the story centroid)
    quality_weight: float = 2.0  # score x (1 + w * predicted quality / story mean); 0 = off
    min_novelty: float = 0.25  # skip a sentence with a smaller share of new content words
    restatement_novelty: float = 0.6  # skip a retelling: known names/figures and fewer new words
    redundancy_jaccard: float = 0.5  # skip a sentence this similar to a chosen one
    retelling_cosine: float = 0.8  # skip a sentence whose meaning (MiniLM cosine) is this close to a chosen one
    restatement_cosine: float = 0.55  # ... or this close, when it adds no name, figure or many new words
    own_restatement_cosine: float = 0.6  # an article's later sentence whose event core is this close to its told lead
    act_cosine: float = 0.6  # a sentence this close to a chosen one that tells the same act (claims.same_act)


DEFAULT_PARAMS = ExtractiveParams()


@dataclass(slots=True)
class Candidate:
    """A sentence that may enter the summary, with its concepts and provenance."""

    article_index: int
    article_id: str
    index: int
    text: str
    source: str
    n_words: int
    standalone: bool
    quote: bool
    eligible: bool
    tokens: frozenset[str]
    specifics: frozenset[str]
    concepts: frozenset[str]
    figures: frozenset[str] = frozenset()  # money and percentages, normalised ("$6.4bn" = "$6.4 billion")
    names: frozenset[str] = frozenset()
    # surnames the sentence uses bare ("Pryce said ..."): an earlier summary sentence must name them
    needs_intro: frozenset[str] = frozenset()
    mentions: frozenset[str] = frozenset()  # its capitalised words, which a later bare surname may refer to
    quantities: frozenset[str] = frozenset()  # "81.4:reasonbench", "70:parameter": a figure and what it counts
    reference: Reference | None = None  # a pronoun or "the company" as subject ...
    referent: str = ""  # ... and the name it points at in the article ("" = unresolved)
    # "Ms. Rook" with the full name its article gives ("Dana Rook"), for a summary that has not named her yet
    full_names: tuple[tuple[str, str], ...] = ()
    # "... assured Massieu ...": the full name its article gave before, and the sentence that gave it (read as a
    # person's only if the summary shows the sentence)
    later_names: tuple[tuple[str, str, str], ...] = ()
    # "IRPT" with the name its article spells out ("Islamic Renaissance Party of Tajikistan"), for a summary not yet using it
    spelled: tuple[tuple[str, str], ...] = ()
    prefix_cache: dict[int, frozenset[str]] = field(default_factory=dict)


def _concepts(text: str, *, unigrams: bool) -> frozenset[str]:
    toks = content_tokens(text, keep_stopwords=True)
    out = {
        f"{a} {b}"
        for a, b in itertools.pairwise(toks)
        if not (a in STOPWORDS and b in STOPWORDS)
    }
    if unigrams:
        out.update(t for t in toks if t not in STOPWORDS)
    return frozenset(out)


def _specifics(claims: dict[str, set[str]]) -> frozenset[str]:
    """Return the names, numbers and dates a sentence states (its fact signature).

    :param claims: the sentence's :func:`extract_claims`.
    """
    return frozenset(claims["names"] | claims["numbers"] | claims["dates"])


_NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"  # "O'Neill", "Smith-Jones", not "Pryce's"
_FULL_NAME_RE = re.compile(rf"\b([A-Z][a-z]+)\s+({_NAME})\b")
_CAPITALISED_RE = re.compile(rf"\b{_NAME}\b")
# Capitalised words before a name that are not a given name or title (sentence openers and the like).
_NOT_GIVEN_NAMES = frozenset(
    """The A An In On At For Of To From By With As After Before When While If But And Or So Yet Also
    However Meanwhile Still Some Many Most No This That These Those There Here What Who Which Why How
    His Her Its Their Our My Your He She It They We I You Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Last Next Since Until During Under Over Into About Against Between Through""".split()
)


def _surnames(text: str) -> frozenset[str]:
    """Return the words an article uses as a person's surname: those it also writes after a given name or title.

    "said Eleanor Pryce ... Pryce said" makes "Pryce" a surname; "Cartwise Analytics" makes
    "Analytics" one too, which is harmless, as a bare "Analytics" rarely opens a sentence.
    """
    return frozenset(m.group(2) for m in _FULL_NAME_RE.finditer(text) if m.group(1) not in _NOT_GIVEN_NAMES)


_PERSON_VERBS = (r"(?:said|says|told|added|noted|argued|wrote|explained|warned|insisted|recalled|declined|"
                 r"acknowledged|conceded|predicted|expects|believes|thinks|hopes|wants|plans)")
_SPEAKER_RE = re.compile(rf"\b({_NAME}),? {_PERSON_VERBS}\b|\bsaid ({_NAME})\b")


def _bare_surnames(text: str, surnames: frozenset[str]) -> frozenset[str]:
    """Return the surnames a sentence uses as a speaker or actor without a given name or title before them.

    Only "Pryce said ...", "..., said Pryce" and the like count: a place that also follows a
    capitalised word ("Metro Manila") is not a person and needs no introduction.
    """
    out = set()
    for m in _SPEAKER_RE.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word not in surnames:
            continue
        before = text[: m.start(group)].rstrip().rsplit(" ", 1)[-1]
        if not _CAPITALISED_RE.fullmatch(before) or before in _NOT_GIVEN_NAMES:
            out.add(word)
    return frozenset(out)


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
_ACRONYM_OPENING_RE = re.compile(r"^(?:The\s+)?([A-Z]{2,6})(?:'s|\u2019s)?\s+(?=[a-z])")


def _needs_intro(text: str, whole: str, surnames: frozenset[str], headlined: frozenset[str],
                 known_acronyms: AbstractSet[str], resolve_references: bool) -> frozenset[str]:
    """The names a sentence uses bare, which an earlier summary sentence must give: a surname its article also
    writes in full ("Pryce said ..."), and (for a digest) a person's one name it opens on that neither its article
    writes in full nor a title of the story gives ("Vasko met ..."), or an acronym it opens on that is not one of
    ``known_acronyms`` ("The HKFO was set up ...": the story's known ones and those the article spells out)."""
    out = _bare_surnames(text, surnames) if surnames else frozenset()
    if not resolve_references:
        return out
    bare = bare_person(text, whole, surnames, headlined)
    acronym = _ACRONYM_OPENING_RE.match(text)
    if acronym is not None and acronym.group(1) not in known_acronyms:
        out |= {acronym.group(1)}
    return out | {bare} if bare else out


def _figures(text: str) -> frozenset[str]:
    """Return the money amounts and percentages of a sentence, normalised across spellings."""
    from newsbrief.facts.money import find_money, find_percents

    money = {f"{m.currency}:{m.amount:.6g}" for m in find_money(text)}
    return frozenset(money | {f"%:{p.value:g}" for p in find_percents(text)})


_QUANTITY_RE = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?:\s*(?:%|percent|per cent|million|billion|trillion|bn|m)\b|%)?"
                          r"[\s-]*((?:[A-Za-z][\w-]*\s+){0,2}?)([A-Za-z][A-Za-z-]{2,})")
_DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow""".split())


# A death toll has many spellings: "killed 12 people", "12 dead", "the death toll rose to 19".
_TOLL_RE = re.compile(r"\b(?:death toll|toll|number of (?:dead|deaths|victims|people killed))\b[^.;]{0,40}?"
                      r"\b(?:to|at|of|is|was|reached|hit|past|passed)\s+(?:at least\s+|about\s+|around\s+|"
                      r"more than\s+|nearly\s+)?(\d[\d,]*)\b", re.IGNORECASE)
_DEATH_WORDS = frozenset(_stem(w) for w in "dead deaths died killed fatalities victims".split())
_KILLING_RE = re.compile(r"\b(?:kill(?:s|ed|ing)?|dead|died|dies|deaths?|fatalities|lost their lives)\b", re.IGNORECASE)


# Counts spelled out ("killing five people", "The death toll of eight") are read as figures, so a
# developing story's "five" and a later outlet's "8" are one quantity. "one" is left out: it is
# more often a pronoun ("one of the") than a count; so are the scale words ("hundred", "dozen").
_SPELLED = {w: d for w, d in NUMBER_WORDS.items() if w not in ("one", "hundred", "thousand", "dozen")}
_SPELLED_RE = re.compile(r"(?<![-\u2010-\u2014])\b(" + "|".join(_SPELLED) + r")\b(?![-\u2010-\u2014]\w)", re.IGNORECASE)
# "kills at least eight" ends a headline or clause with the count and no noun after it.
_KILLS_RE = re.compile(r"\bkill(?:s|ed|ing)\s+(?:at least\s+|about\s+|around\s+|more than\s+|nearly\s+)?"
                       r"(\d[\d,]*)\b(?!\s+(?:of|percent|per cent|%))", re.IGNORECASE)


# "magnitude-8.3 quake" and "8.3-magnitude earthquake" state one quantity: the magnitude.
_MAGNITUDE_RE = re.compile(r"\bmagnitude[\s-]+(\d+(?:\.\d+)?)\b", re.IGNORECASE)


def _spell_digits(text: str) -> str:
    """Write counts spelled out as digits: "killing five people" -> "killing 5 people"."""
    return _SPELLED_RE.sub(lambda m: _SPELLED[m.group(1).lower()], text)


def _quantities(text: str) -> frozenset[str]:
    """Return each figure of a sentence with the content word it counts or qualifies.

    "81.4% on ReasonBench" -> "81.4:reasonbench"; "a 70-billion-parameter model" and "70 billion
    parameters" -> "70:parameter". Two sentences sharing one state the same claim. A count of
    people in a sentence about deaths, "12 dead" and "the death toll rose to 19" all count "death".
    """
    out = set()
    text = _spell_digits(text)
    killing = _KILLING_RE.search(text) is not None
    for m in _QUANTITY_RE.finditer(text):
        number = m.group(1).replace(",", "")
        words = [w for w in (m.group(2).split() + [m.group(3)]) if w.lower() not in STOPWORDS]
        words = [w for w in words if w.lower() not in ("million", "billion", "trillion", "percent", "cent")]
        if words and not (len(number) == 4 and number.startswith(("19", "20"))):  # not a year
            word = _stem(words[0].lower())
            if word in _DEATH_WORDS or (killing and word in ("peopl", "person")):
                word = "death"
            out.add(f"{number}:{word}")
    out.update(f"{m.group(1).replace(',', '')}:death" for m in _TOLL_RE.finditer(text))
    out.update(f"{m.group(1).replace(',', '')}:death" for m in _KILLS_RE.finditer(text))
    magnitudes = {m.group(1) for m in _MAGNITUDE_RE.finditer(text)}
    out = {f"{n}:magnitud" if n in magnitudes else q for q in out for n in [q.split(":", 1)[0]]}
    out.update(f"{n}:magnitud" for n in magnitudes)
    return frozenset(out)



def build_candidates(articles: Sequence[Article], *, params: ExtractiveParams = DEFAULT_PARAMS,
                     resolve_references: bool = False) -> list[Candidate]:
    """Split articles into candidate sentences with their concepts (all sentences, flagged eligible).

    With ``resolve_references`` set, a sentence whose subject is a pronoun or "the company"
    stands alone only when the article names its referent just before it (the summary then names
    it too, see :func:`newsbrief.summarize.story.summarize_story`); without it, the splitter's standalone judgement holds.

    :param articles: the story's articles, in any order.
    :param params: selector parameters (sentence length bounds, unigram concepts).
    :param resolve_references: find the referent of each referring subject (the digest), and make ineligible
        the page matter a digest never shows (:func:`~newsbrief.summarize.page_matter.not_digest_prose`: teasers, addresses and calls to the
        reader, photo captions, a headline run into the text, glued pieces, page furniture, headings).
    """
    from newsbrief.summarize.headline import clean_title

    out: list[Candidate] = []
    unigrams = params.unigram_weight > 0
    # one outlet may name the person ("Eleanor Pryce") and another use the surname alone
    surnames = _surnames("\n".join(f"{a.title}.\n{a.text}" for a in articles))
    titles = " ".join(a.title for a in articles)
    headlined = frozenset(_CAPITALISED_RE.findall(titles))
    # "The HKFO was set up ...": an acronym one article uses, in no title of the story and no common word, is one the
    # reader has not met; an earlier summary sentence must give it
    acronyms = collections.Counter(a for art in articles for a in set(_ACRONYM_RE.findall(f"{art.title}\n{art.text}")))
    known_acronyms = frozenset(_ACRONYM_RE.findall(titles)) | {
        a for a, n in acronyms.items() if n >= 2 or a.lower() in common_words()}
    for a_index, article in enumerate(articles):
        title = clean_title(article.title, outlet=article.outlet) if article.title.strip() else ""
        if title:  # the title is never extracted, but its terms count as lead terms
            out.append(Candidate(article_index=a_index, article_id=article.id, index=-1, text=title, source=title,
                                 n_words=len(title.split()), standalone=False, quote=False, eligible=False,
                                 tokens=frozenset(content_tokens(title)), specifics=frozenset(),
                                 concepts=_concepts(title, unigrams=unigrams)))
        previous: list[str] = []
        whole = f"{article.title}.\n{article.text}"
        for sent in parse_article_text(article.text):
            text = lead_in_caps(sent.text, whole) if resolve_references else sent.text
            n_words = len(text.split())
            reference = referring_subject(text)
            referent = ""
            standalone = sent.standalone
            if reference is not None and resolve_references:
                # a benchmark summary (no references resolved) keeps the splitter's judgement: on DUC 2003
                # marking every "The company ..." as needing its predecessor cost 0.1 ROUGE-1 at 250 words
                referent = antecedent(reference, previous, text) or ""
                standalone = bool(referent) and is_standalone(substitute(text, reference, referent))
            elif resolve_references and standalone and unnamed_person(text):
                standalone = False  # "Three times she had fought back ...": she is named in a sentence before
            previous.append(text)
            first = text[:1]
            eligible = (
                params.min_words <= n_words <= params.max_words
                and not text.endswith("?")
                and (first.isalnum() or first in _QUOTE_CHARS)
                and not (resolve_references and not_digest_prose(text, title))
                # a speaker's words whose quotation marks are in an earlier sentence would read as the digest's own
                and not (resolve_references and sent.in_quotation)
            )
            claims = extract_claims(text)
            spelled = spelled_out(text, whole) if resolve_references else ()
            out.append(
                Candidate(
                    article_index=a_index,
                    article_id=article.id,
                    index=sent.index,
                    text=text,
                    source=sent.source,
                    n_words=n_words,
                    standalone=standalone,
                    quote=any(q in text for q in _QUOTE_CHARS),
                    eligible=eligible,
                    tokens=frozenset(content_tokens(text)),
                    specifics=_specifics(claims),
                    concepts=_concepts(text, unigrams=unigrams),
                    figures=_figures(text),
                    names=frozenset(claims["names"]),
                    # an acronym its article spells out goes in with that name (display_texts): no intro needed
                    needs_intro=_needs_intro(text, whole, surnames, headlined, known_acronyms | {a for a, _ in spelled},
                                             resolve_references),
                    mentions=frozenset(_CAPITALISED_RE.findall(text) + _ACRONYM_RE.findall(text)),
                    quantities=_quantities(text),
                    reference=reference,
                    referent=referent,
                    full_names=full_names(text, whole) if resolve_references else (),
                    later_names=later_names(text, whole, previous[:-1], surnames) if resolve_references else (),
                    spelled=spelled,
                )
            )
    return out


def _concept_weights(cands: Sequence[Candidate], n_docs: int, params: ExtractiveParams) -> dict[str, float]:
    docs: dict[str, set[int]] = {}
    lead_docs: dict[str, set[int]] = {}
    for c in cands:
        for concept in c.concepts:
            docs.setdefault(concept, set()).add(c.article_index)
            if c.index < params.lead_sentences:
                lead_docs.setdefault(concept, set()).add(c.article_index)
    min_df = max(1, round(params.min_df * min(n_docs, 10) / 10))
    weights: dict[str, float] = {}
    for concept, ds in docs.items():
        if len(ds) < min_df:
            continue
        w = (len(ds) + params.lead_boost * len(lead_docs.get(concept, ()))) ** params.df_power
        if " " not in concept:
            w *= params.unigram_weight
        weights[concept] = w
    return weights


def _centroid_similarity(pool: Sequence[Candidate], cands: Sequence[Candidate], n_docs: int) -> dict[int, float]:
    """Return each candidate's cosine similarity to the story centroid (terms in several articles)."""
    docs: dict[str, set[int]] = {}
    for c in pool:
        for t in c.tokens:
            docs.setdefault(t, set()).add(c.article_index)
    min_df = 2 if n_docs > 2 else 1
    centroid = {t: float(len(d)) for t, d in docs.items() if len(d) >= min_df}
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    out: dict[int, float] = {}
    for c in cands:
        dot = sum(centroid.get(t, 0.0) for t in c.tokens)
        out[id(c)] = dot / (norm * math.sqrt(len(c.tokens) or 1))
    return out


# Sentence-quality prior: a ridge regression (lambda = 1) of a sentence's unigram precision
# against the reference summaries (clipped reference-unigram hits / sentence tokens, Porter
# stems) on DUC 2003 task 2 only (30 clusters, 6,984 eligible sentences). Features, in order:
# bias, 1/(1 + index), first sentence, min(index, 20)/20, words/40, concept weight per word / n
# articles, concept weight per word**0.6 / n articles, cosine to the story centroid, quotation.
# Leave-one-cluster-out on DUC 2003 with quality_weight=2: R-1 40.35 -> 40.76, R-2 11.54 -> 11.63
# (the DUC 2003 tuning log of commit 890ec2a: ``git show 890ec2a -- bench/results/``). DUC 2004 was
# not used.
_QUALITY_COEF = (0.437, -0.095, 0.085, -0.063, -0.028, 0.719, -0.116, 0.775, -0.043)


def _quality(cands: Sequence[Candidate], pool: Sequence[Candidate], weights: dict[str, float],
             n_docs: int) -> dict[int, float]:
    """Return each candidate's predicted quality divided by the mean over ``cands`` (>= 0)."""
    centrality = _centroid_similarity(pool, cands, n_docs)
    docs = max(1, n_docs)
    raw: dict[int, float] = {}
    for c in cands:
        total = sum(weights.get(k, 0.0) for k in c.concepts)
        words = max(1, c.n_words)
        feats = (1.0, 1.0 / (1.0 + c.index), float(c.index == 0), min(c.index, 20) / 20, words / 40,
                 total / words / docs, total / words**0.6 / docs, centrality[id(c)], float(c.quote))
        raw[id(c)] = max(0.0, sum(w * f for w, f in zip(_QUALITY_COEF, feats, strict=True)))
    mean = sum(raw.values()) / len(raw) if raw else 0.0
    if mean <= 0:
        return {k: 0.0 for k in raw}
    return {k: v / mean for k, v in raw.items()}


def _prefix_concepts(cand: Candidate, n_words: int, unigrams: bool) -> frozenset[str]:
    if n_words >= cand.n_words:
        return cand.concepts
    cached = cand.prefix_cache.get(n_words)
    if cached is None:
        cached = _concepts(" ".join(cand.text.split()[:n_words]), unigrams=unigrams)
        cand.prefix_cache[n_words] = cached
    return cached


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


_FIRST_PERSON_RE = re.compile(
    r"\b(?:me|my|myself)\b|\bI(?:'m|\u2019m|'ve|\u2019ve|'d|\u2019d|'ll|\u2019ll)|\bI\s+(?:am|was|have|had|will|would|"
    r"can|could|think|thought|make|made|believe|want|wanted|know|knew|do|did|don't|really|just|feel|felt|"
    r"love|hope|say|said|went|got|see|saw|remember|need)\b")


# Nouns a report uses for one thing it told by another name: "the wildfire" then "The blaze erupted on Saturday".
_SAME_THING = tuple(frozenset(_stem(w) for w in group.split()) for group in (
    "fire blaze wildfire bushfire inferno", "earthquake quake tremor temblor", "storm hurricane typhoon cyclone",
    "blast explosion bombing bomb", "ship vessel boat ferry", "vote ballot referendum", "deal agreement accord pact",
    "killing murder slaying homicide", "outage failure disruption breakdown blackout", "crash wreck accident collision",
    "plan project programme program scheme",
))


_MIN_HEAD_CHARS = 5  # a noun shorter than this ends too many other words ("car" in "scar") to count as their head


def noun_told(noun: str, covered_tokens: AbstractSet[str]) -> bool:
    """Whether the chosen sentences say a description's noun (its stem), a word ending in it ("airstrikes" tell
    "the strikes"), or a word for the same thing."""
    return (noun in covered_tokens or any(noun in group and not group.isdisjoint(covered_tokens) for group in _SAME_THING)
            or (len(noun) >= _MIN_HEAD_CHARS and any(t.endswith(noun) for t in covered_tokens)))


def described_noun(cand: Candidate) -> str:
    """Return the stem of a candidate's definite-description subject noun ("The new claims": "claim"), or ""."""
    found = described_subject(cand.text) if cand.reference is None else None
    return _stem(found[1]) if found else ""


def _unsupported_description(cand: Candidate, covered_tokens: set[str], pool: Sequence[Candidate]) -> Candidate | None:
    """Return a candidate ready for a summary whose sentences give ``covered_tokens``, or None if it cannot be used.

    A sentence opening on a definite description ("The new claims follow ...") needs a summary
    sentence that says its noun or a word for the same thing ("the wildfire" for "The blaze"); without one, the name its article gives the noun goes in
    ("The pope will" -> "[Pope Ambrose] will"), or the sentence is not used.
    """
    found = described_subject(cand.text)
    if found is None or noun_told(_stem(found[1]), covered_tokens):
        return cand
    reference, noun, replaceable = found
    # a Title Case headline runs its words together into one "name" ("Class Action Lawsuit Amid Volkswagen ...")
    before = [c.text for c in pool if c.article_index == cand.article_index and c.index < cand.index
              and not (c.index < 0 and is_shouting(c.text))]
    name = titled_name(noun, before) if replaceable and not reference.plural else None
    return replace(cand, reference=reference, referent=name) if name else None


def _first_person(text: str) -> bool:
    """Return True if a sentence speaks in the first person outside quotation marks ("Before I make ...").

    A speech transcript or a blog's "I": the digest cannot say who is speaking.
    """
    return _FIRST_PERSON_RE.search(QUOTED_RE.sub("", text)) is not None


def select_sentences(
    articles: Sequence[Article],
    *,
    max_words: int | None = None,
    max_sentences: int | None = None,
    allow_cut: bool = False,
    require_standalone: bool = False,
    require_specific: bool = False,
    params: ExtractiveParams = DEFAULT_PARAMS,
    embedder: Embedder | None = None,
    resolve_references: bool = False,
    pool: Sequence[Candidate] | None = None,
) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Choose summary sentences in order of selection, each with the ids of articles stating it.

    A sentence that tells again what a chosen one says is never chosen: by word overlap and by its
    names and figures; in a digest (``resolve_references``) also by a figure it repeats with what
    that figure counts ("81.4% on ReasonBench" twice) and, with an embedder, by meaning (cosine of
    sentence vectors).

    :param articles: the story's articles.
    :param max_words: word budget (``None`` = no word limit).
    :param max_sentences: sentence budget (``None`` = no sentence limit).
    :param allow_cut: let the last sentence overflow the word budget (it will be cut, as ROUGE's
        ``-l`` does); otherwise every sentence must fit.
    :param require_standalone: never choose a sentence that needs its predecessor.
    :param require_specific: never choose a sentence without a name, number or date.
    :param params: selector parameters.
    :param embedder: sentence embedder for the meaning check (``None`` = word and figure rules only).
    :param resolve_references: let a sentence opening on "It" or "The company" stand alone when its
        article names the referent just before it (the caller must then name it, see :func:`display_texts`);
        leave out one whose referent is not found, one speaking in the first person outside quotes and one
        pointing at someone or something it does not name (:func:`~newsbrief.summarize.references.inner_reference`).
    :param pool: the articles' :func:`build_candidates` with the same ``params`` and ``resolve_references``,
        when the caller already has them (built here otherwise).
    """
    if max_words is None and max_sentences is None:
        raise SummarizeError("summarize: give max_words or max_sentences")
    if pool is None:
        pool = build_candidates(articles, params=params, resolve_references=resolve_references)
    cands = [c for c in pool if c.eligible and (c.standalone or not require_standalone)
             and (c.specifics or not require_specific)
             and not (resolve_references and ((c.reference is not None and not c.referent)
                                              or _first_person(c.text) or inner_reference(c.text)))]
    if not cands:
        return []
    if resolve_references:  # the digest; on DUC 2003 dropping updated counts cost 0.3 ROUGE-1 (more dates, fewer updates)
        superseded = _superseded(pool, articles)
        cands = [c for c in cands if id(c) not in superseded]
    if not cands:
        return []
    texts: dict[int, list[Candidate]] = {}
    for c in pool:
        texts.setdefault(c.article_index, []).append(c)
    # "First Minister Orla Dempsey": the title is Dempsey (each article's headline, then its sentences)
    aliases = speaker_aliases([c.text for c in sorted(cs, key=lambda c: c.index)] for cs in texts.values())
    weights = _concept_weights(pool, len(articles), params)
    unigrams = params.unigram_weight > 0
    centrality = _centroid_similarity(pool, cands, len(articles)) if params.centroid_weight else {}
    quality = _quality(cands, pool, weights, len(articles)) if params.quality_weight else {}
    covered: set[str] = set()
    covered_tokens: set[str] = set()
    covered_specifics: set[str] = set()
    covered_figures: set[str] = set()
    covered_names: set[str] = set()
    covered_quantities: set[str] = set()
    covered_numbers: set[str] = set()
    mentioned: set[str] = set()
    chosen: list[Candidate] = []
    chosen_at: list[int] = []  # the chosen sentences' positions in cands (their rows of vectors)
    vectors = _sentence_vectors(cands, embedder)
    closest = [0.0] * len(cands)  # each candidate's highest cosine to a chosen sentence
    used_words = 0
    remaining = list(range(len(cands)))
    waiting: dict[int, str] = {}  # candidates opening on a description, with the noun a chosen sentence must say
    while remaining:
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        budget = None if max_words is None else max_words - used_words
        if budget is not None and budget <= 0:
            break
        best_i, best_score = -1, 0.0
        for i in remaining:
            cand = cands[i]
            n_words = cand.n_words
            if budget is not None and n_words > budget:
                if not allow_cut:
                    continue
                concepts = _prefix_concepts(cand, budget, unigrams)
                n_words = budget
            else:
                concepts = cand.concepts
            if cand.needs_intro and not cand.needs_intro <= mentioned:
                continue  # "Pryce said ...": who Pryce is comes first
            if i in waiting and not noun_told(waiting[i], covered_tokens):
                continue  # "The claims ...": a sentence speaking of claims comes first
            gain = sum(weights.get(c, 0.0) for c in concepts if c not in covered)
            if gain <= 0:
                continue
            new_share = len(cand.tokens - covered_tokens) / max(1, len(cand.tokens))
            if covered_tokens and new_share < params.min_novelty:
                continue  # restates facts already chosen in other words
            if (len(cand.specifics) >= 2 and cand.specifics <= covered_specifics
                    and new_share < params.restatement_novelty):
                continue  # the same who/what/figures as a chosen sentence: another outlet's retelling
            if (cand.figures and cand.figures <= covered_figures and len(cand.names - covered_names) <= 1
                    and new_share < params.restatement_novelty):
                continue  # the same amounts and actors in other words ("€42m" after "€42 million")
            if len(cand.figures) >= 2 and cand.figures <= covered_figures:
                continue  # two or more figures, all already stated: another outlet's retelling
            # the digest's claim and meaning checks; a benchmark summary (DUC 2004 at 100 words) lost
            # 0.24 ROUGE-1 and 0.07 ROUGE-2 to them, so the word-budget mode keeps the word and figure rules above
            if resolve_references and (_retells(cand, closest[i], covered_tokens, covered_quantities, covered_numbers,
                                                covered_names, params) or _smaller_toll(cand, chosen)):
                continue
            score = gain / (n_words ** params.length_exponent)
            score *= 1.0 + params.position_prior / (1.0 + cand.index)
            if centrality:
                score *= 1.0 + params.centroid_weight * centrality[id(cand)]
            if quality:
                score *= 1.0 + params.quality_weight * quality[id(cand)]
            if not cand.standalone:
                score *= params.non_standalone_factor
            if cand.quote:
                score *= params.quote_factor
            if score > best_score + 1e-12:
                best_i, best_score = i, score
        if best_i < 0:
            break
        cand = cands[best_i]
        # the claim check parses the sentence, so it runs on the winner only: a retelling makes way for the next best;
        # in the word-budget mode too (DUC 2003, the tuning set: 250 words unstemmed 55.92/16.96 -> 56.04/17.09,
        # 100 words 40.81/11.56 -> 40.84/11.53)
        if retells_claim(Claim(cand.text, cand.names, figures_of(cand.text)),
                         [Claim(c.text, c.names, figures_of(c.text)) for c in chosen], aliases):
            remaining.remove(best_i)
            continue
        if resolve_references and embedder is not None and _restates_own_article(cand, chosen, embedder, params):
            remaining.remove(best_i)
            continue
        if resolve_references and vectors is not None and _tells_act_again(best_i, chosen_at, cands, vectors, params):
            remaining.remove(best_i)
            continue
        if resolve_references and (_stale_preview(cand, chosen, articles) or _quotes_again(cand, chosen)):
            remaining.remove(best_i)
            continue
        if resolve_references and cand.reference is None:
            described = _unsupported_description(cand, covered_tokens, pool)
            if described is None:
                # "The new claims ..." and no sentence told of claims yet: the reader would not know which
                waiting[best_i] = described_noun(cand)
                continue
            cand = cands[best_i] = described
        chosen.append(cand)
        chosen_at.append(best_i)
        covered.update(cand.concepts)
        covered_tokens.update(cand.tokens)
        covered_specifics.update(cand.specifics)
        covered_figures.update(cand.figures)
        covered_names.update(cand.names)
        covered_names.update(_base_name(n) for n in cand.names)
        covered_quantities.update(cand.quantities)
        covered_numbers.update(_numbers(cand))
        mentioned.update(cand.mentions)
        used_words += cand.n_words
        if vectors is not None:
            sims = vectors @ vectors[best_i]
            closest = [max(c, float(x)) for c, x in zip(closest, sims, strict=True)]
        remaining = [i for i in remaining
                     if i != best_i and _jaccard(cands[i].tokens, cand.tokens) < params.redundancy_jaccard
                     and (cands[i].article_index, cands[i].index) != (cand.article_index, cand.index)]
    if params.local_search and len(chosen) > 1:
        chosen = _improve(chosen, cands, weights, max_words=max_words, allow_cut=allow_cut, params=params)
    return [(c, _citations(c, pool, params)) for c in chosen]


# Words after a figure that measure rather than count: two different values may both be true.
_UNIT_WORDS = frozenset(
    """centimetr centimet metr meter kilometr kilomet mile inch feet foot gram kilogram kg tonn ton pound ounc
    litr liter gallon hour minut second day week month year decad percent cent time degre point share
    dollar euro yen pound-sterling""".split()
)


def _superseded(pool: Sequence[Candidate], articles: Sequence[Article]) -> set[int]:
    """Return the ids of candidates whose count was updated by a later article.

    Developing stories change their figures ("at least 12 people" in the morning, "19 people" by
    evening): a sentence giving a count of something that a later-published article counts
    differently, with another content word in common (the predicate: "killed"), is dropped, so
    the newest figure is the one told.
    """
    by_key: dict[str, list[tuple[Candidate, str]]] = {}
    for cand in pool:
        if cand.index < 0:
            continue
        for q in cand.quantities:
            number, key = q.split(":", 1)
            if key not in _UNIT_WORDS and not key.isdigit():
                by_key.setdefault(key, []).append((cand, number))
    out: set[int] = set()
    for entries in by_key.values():
        for old, old_n in entries:
            when = articles[old.article_index].published
            for new, new_n in entries:
                if (new_n != old_n and articles[new.article_index].published > when
                        and len(old.tokens & new.tokens) >= 2 and new.eligible):
                    out.add(id(old))
                    break
    return out


# "... is expected to speak", "is set to appear": an act announced before it happened
_EXPECTED_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:widely|also|now)\s+)?"
                          r"(?:expected|set|due|scheduled|slated|poised)\s+to\b")


def _quoted_words(text: str) -> list[str]:
    """The words of each quotation of a sentence, lower-cased and joined by single spaces."""
    return [" ".join(re.findall(r"[\w'-]+", q.lower())) for q in QUOTED_RE.findall(text)]


def _quotes_again(cand: Candidate, chosen: Sequence[Candidate]) -> bool:
    """Return True if a sentence quotes again words a chosen sentence quotes, or the other way round.

    A report gives the gist with a few quoted words ('warned that "another failure" is not an
    option') and then the whole quotation ('"We cannot allow ourselves yet another failure on this
    path," he said'): the second tells the reader the same statement again. A shared quotation of two
    or more words, whole inside a quotation of the other sentence, makes the later one a retelling.
    """
    mine = _quoted_words(cand.text)
    if not mine:
        return False
    for told in chosen:
        theirs = _quoted_words(told.text)
        for a, b in [(x, y) for x in mine for y in theirs] + [(y, x) for x in mine for y in theirs]:
            if len(a.split()) >= 2 and re.search(rf"(?<![\w'-]){re.escape(a)}(?![\w'-])", b):
                return True
    return False


def _stale_preview(cand: Candidate, chosen: Sequence[Candidate], articles: Sequence[Article]) -> bool:
    """Return True if a sentence announces what a chosen sentence of a later article reports done.

    In a developing story an early report says "Jo Marr is expected to speak at the rally"; a later
    one reports that she spoke. Once the summary tells the act, the announcement is old news, not a
    new fact: a sentence that says its subject "is expected / set / due to" do something (outside
    quotation marks) is left out when a chosen sentence with the same subject comes from an article
    published after its own and announces nothing itself.
    """
    if not _EXPECTED_RE.search(QUOTED_RE.sub(" ", cand.text)):
        return False
    when = articles[cand.article_index].published
    later = [c for c in chosen if c.index >= 0 and articles[c.article_index].published > when
             and not _EXPECTED_RE.search(QUOTED_RE.sub(" ", c.text))]
    if not later:
        return False
    subjects = subjects_of(cand.text)
    return bool(subjects) and any(subjects & subjects_of(c.text) for c in later)


def _restates_own_article(cand: Candidate, chosen: Sequence[Candidate], embedder: Embedder,
                          params: ExtractiveParams) -> bool:
    """Return True if a sentence tells again an event that a chosen sentence of its own article tells.

    An article often restates its lead further down, with detail that is no new fact: '"Around
    1 a.m., a 20-year-old man was hit by a freight train at the depot," said a spokesman' after
    "A freight train killed a man in the tunnel". It is a retelling when its main event (the clause
    a speech verb reports; :func:`~newsbrief.summarize.claims.event_core`) has a doer the chosen
    sentence has, names nothing and states no figure the summary has not told (a time of day, an age,
    the speaker and a label after a name do not count), and reads close to that sentence (cosine
    >= ``own_restatement_cosine``), wherever either stands in the article. A new act, a new figure
    of another quantity, a reaction or a consequence reads further off or brings its own names and
    figures, and stays.
    """
    own = [c for c in chosen if c.article_id == cand.article_id and c.index >= 0]
    found = event_core(cand.text) if own else None
    if found is None:
        return False
    doers, core = found
    if figures_of(core) - set().union(*(figures_of(c.text) for c in chosen)):
        return False  # "recalled nearly 37,000 trucks" after "recalled some of its trucks": a new figure
    told = set().union(*(c.tokens for c in chosen))
    names = {w for w in _CAPITALISED_RE.findall(core) if w not in _NOT_GIVEN_NAMES}
    if any(t not in told for name in names for t in content_tokens(name)):
        return False
    others = [c for c in own if doers & doers_of(c.text)]
    if not others:
        return False
    vectors = embedder.encode([core] + [c.text for c in others])
    return max(float(vectors[0] @ v) for v in vectors[1:]) >= params.own_restatement_cosine


def _sentence_vectors(cands: Sequence[Candidate], embedder: Embedder | None) -> Any:
    """Return one L2-normalised vector per candidate (``None`` without an embedder)."""
    if embedder is None or not cands:
        return None
    return embedder.encode([c.text for c in cands])


def _numbers(cand: Candidate) -> set[str]:
    return set(figures_of(cand.text))  # "Kestrel-2" holds no figure


# what a toll counts; a toll only grows as a disaster or a conflict goes on
_TOLL_KEYS = frozenset("death injur injury wound casualty victim".split())


def _smaller_toll(cand: Candidate, chosen: Sequence[Candidate]) -> bool:
    """Return True if a sentence counts the dead (the wounded, the victims) of what a chosen sentence tells with a
    smaller number: an earlier, lower toll ("25 people were killed in the clashes" after "the clashes have killed
    40"), told again further down an article or by another. A toll grows; the larger count is the later one."""
    for q in cand.quantities:
        number, key = q.split(":", 1)
        if key not in _TOLL_KEYS or not number.isdigit():
            continue
        for told in chosen:
            if len(cand.tokens & told.tokens) < 2:
                continue
            if any(k == key and n.isdigit() and int(n) > int(number)
                   for n, k in (x.split(":", 1) for x in told.quantities)):
                return True
    return False


def _tells_act_again(i: int, chosen_at: Sequence[int], cands: Sequence[Candidate], vectors: Any,
                     params: ExtractiveParams) -> bool:
    """Whether candidate ``i`` tells the act of a chosen sentence again in other words: its vector is close to that
    sentence's (``act_cosine``) and both have a main verb and two completing nouns in common
    (:func:`~newsbrief.summarize.claims.same_act`); who does it may be named in one and described in the other."""
    return any(float(vectors[i] @ vectors[j]) >= params.act_cosine and same_act(cands[i].text, cands[j].text)
               for j in chosen_at)


def _retells(cand: Candidate, cosine: float, covered_tokens: set[str], covered_quantities: set[str],
             covered_numbers: set[str], covered_names: set[str], params: ExtractiveParams) -> bool:
    """Return True if a candidate tells again what the chosen sentences say.

    * its meaning is very close to a chosen sentence's (cosine >= ``retelling_cosine``);
    * it repeats a stated claim, a figure with what it counts, and adds at most one new figure
      or name ("Kestrel trained it on 14 trillion tokens and reports 81.4% on ReasonBench");
    * its meaning is close (cosine >= ``restatement_cosine``), it adds no name or figure (a
      weekday or a date is no new fact) and few new words ("On Thursday, its maintainers answered with a
      fork, Cirrus" after "... have launched a fork called Cirrus").
    """
    if cosine >= params.retelling_cosine:
        return True
    new_numbers = _numbers(cand) - covered_numbers - _date_numbers(cand.text)
    # a weekday is no new fact, nor is "Ad" opening "Ad tech companies ..."; "Plexa's" is "Plexa"
    new_names = {n for n in (_base_name(x) for x in cand.names)
                 if n not in covered_names and n not in _DATE_WORDS and len(n) > 2}
    if cand.quantities & covered_quantities and len(new_numbers) + len(new_names) <= 1:
        return True
    words = {t for t in cand.tokens if not t.isdigit() and t not in _SCALE_WORDS}
    novelty = len(words - covered_tokens) / max(1, len(words))
    return (cosine >= params.restatement_cosine and not new_numbers and not new_names
            and novelty < params.restatement_novelty)


_SCALE_WORDS = frozenset("million billion trillion bn m percent".split())
_MONTH = rf"(?:{'|'.join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))})\b\.?"
_DATE_NUMBER_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
                             rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)")


def _date_numbers(text: str) -> set[str]:
    """The day numbers of a sentence's dates ("starting September 27", "on 4 May"): a date beside a told event
    is no new fact, as a weekday is none."""
    return {m.group(1) or m.group(2) for m in _DATE_NUMBER_RE.finditer(text)}


def _base_name(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "\u2019s")) else name


def _coverage(chosen: Sequence[Candidate], weights: dict[str, float], max_words: int | None,
              unigrams: bool) -> float:
    """Return the weight of the concepts a summary covers (only its kept words if it is cut)."""
    covered: set[str] = set()
    used = 0
    for cand in chosen:
        if max_words is not None and used + cand.n_words > max_words:
            covered.update(_prefix_concepts(cand, max_words - used, unigrams))
            break
        covered.update(cand.concepts)
        used += cand.n_words
    return sum(weights.get(c, 0.0) for c in covered)


def _introduced(sentences: Sequence[Candidate]) -> bool:
    """Return True if every bare surname in the sentences is named by an earlier one."""
    seen: set[str] = set()
    for cand in sentences:
        if cand.needs_intro and not cand.needs_intro <= seen:
            return False
        seen.update(cand.mentions)
    return True


def _improve(
    chosen: list[Candidate],
    cands: Sequence[Candidate],
    weights: dict[str, float],
    *,
    max_words: int | None,
    allow_cut: bool,
    params: ExtractiveParams,
) -> list[Candidate]:
    """Swap chosen sentences for unchosen ones while concept coverage improves (first-improvement)."""
    unigrams = params.unigram_weight > 0
    best = _coverage(chosen, weights, max_words, unigrams)
    useful = [c for c in cands if any(k in weights for k in c.concepts)]
    for _ in range(3):
        improved = False
        for pos in range(len(chosen)):
            others = chosen[:pos] + chosen[pos + 1 :]
            fixed_words = sum(c.n_words for c in others)
            for cand in useful:
                if any(cand is o or _jaccard(cand.tokens, o.tokens) >= params.redundancy_jaccard for o in others):
                    continue
                if cand is chosen[pos]:
                    continue
                if not allow_cut and max_words is not None and fixed_words + cand.n_words > max_words:
                    continue
                trial = others[:pos] + [cand] + others[pos:]
                if not _introduced(trial):
                    continue
                value = _coverage(trial, weights, max_words if allow_cut else None, unigrams)
                if value > best + 1e-9:
                    chosen, best, improved = trial, value, True
                    others = chosen[:pos] + chosen[pos + 1 :]
        if not improved:
            break
    return chosen


def _citations(cand: Candidate, pool: Sequence[Candidate], params: ExtractiveParams) -> tuple[str, ...]:
    """Return the chosen sentence's article, then every other article with a near-identical sentence.

    Near-identical: the same normalised text, or a content-word Jaccard overlap of at least
    ``params.cite_jaccard`` and no figure of the chosen sentence missing from the other one.
    """
    ids = [cand.article_id]
    norm = normalise_for_match(cand.text)
    numbers = set(_NUMBER_RE.findall(cand.text))
    for other in pool:
        if other.article_id in ids:
            continue
        if normalise_for_match(other.text) == norm or (
            _jaccard(other.tokens, cand.tokens) >= params.cite_jaccard
            and numbers <= set(_NUMBER_RE.findall(other.text))
        ):
            ids.append(other.article_id)
    return tuple(ids)


def summarize_for_budget(
    articles: Sequence[Article], *, max_words: int = 100, params: ExtractiveParams = DEFAULT_PARAMS,
    embedder: Embedder | None = None,
) -> list[str]:
    """Return summary sentences filling ``max_words`` words (last one may overflow; cut it).

    This is the benchmark mode of :func:`newsbrief.summarize.story.summarize_story`: the same ranking, a word budget
    instead of a sentence budget, and sentences in selection order.

    :param articles: the cluster's documents.
    :param max_words: the word limit of the benchmark.
    :param params: selector parameters.
    :param embedder: sentence embedder for the meaning check of retellings.
    """
    chosen = select_sentences(articles, max_words=max_words, allow_cut=True, params=params, embedder=embedder)
    return [c.text for c, _ in chosen]


def _named_in(surname: str, texts: Sequence[str]) -> bool:
    """Whether one of the summary's sentences so far names a person by ``surname``."""
    return any(re.search(rf"\b{re.escape(surname)}\b", text) for text in texts)


def display_texts(sentences: Sequence[Candidate]) -> list[str]:
    """Return the summary text of each sentence, in order, with referring subjects made clear.

    A sentence opening on "It" or "The company" keeps it only right after the sentence its article
    has before it, or after one whose subject is the referent ("Brightloom ... . The company ...");
    elsewhere the name goes in as a marked substitution, "[Brightloom] is recalling ...". So does the
    name an acronym shortens, where the article spells it out and no sentence before used the acronym:
    "[Islamic Renaissance Party of Tajikistan] (IRPT), which ...".

    :param sentences: the summary's sentences in reading order.
    """
    out: list[str] = []
    for n, cand in enumerate(sentences):
        text = cand.text
        if cand.reference is not None and cand.referent:
            prev = sentences[n - 1] if n else None
            follows = prev is not None and prev.article_id == cand.article_id and prev.index == cand.index - 1
            opens = prev is not None and out[n - 1].lstrip("\"'[").startswith(cand.referent.split()[0])
            described = described_subject(cand.text)
            if described is not None:  # "The pope ...": kept after a sentence that speaks of the pope
                keep = any(noun_told(_stem(described[1]), set(content_tokens(earlier))) for earlier in out)
            else:
                keep = follows or opens
            if not keep:
                text = substitute(text, cand.reference, cand.referent)
        for short, full in cand.full_names:
            # "Ms. Rook lost control ...": the first time the summary meets her, by the name her article gives
            if not _named_in(short.split()[-1], out):
                text = text.replace(short, f"[{full}]", 1)
        for short, full, giving in cand.later_names:
            # "... assured Massieu ...": the same, for a person the sentence calls by surname further in
            if not _named_in(short, out) and f"[{full}]" not in text and read_as_person(full, giving):
                text = re.sub(rf"(?<![\w\[-]){re.escape(short)}\b", f"[{full}]", text, count=1)
        for acronym, name in cand.spelled:
            # "IRPT, which ...": the first time the summary meets it, with the name its article spells out
            if not _named_in(acronym, out) and not any(name in earlier for earlier in out):
                text = re.sub(rf"(?<![\w&\[-]){acronym}(?![\w&-])", f"[{name}] ({acronym})", text, count=1)
        out.append(text)
    return out
