"""A story's summary as a reader gets it: the chosen sentences in an editor's order, in paragraphs.

:func:`summarize_story` asks the selector (:mod:`newsbrief.summarize.extractive`) for the sentences, opens on the
sentence that says who did what (:func:`_lead_sentence`), then gives facts and figures, context, and quotes and
reactions (:func:`_role`), never a sentence before the one that introduces what it names, and groups them into one to
three paragraphs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from newsbrief.cluster.embed import Embedder
from newsbrief.errors import SummarizeError
from newsbrief.model import Article, CitedSentence, Summary
from newsbrief.summarize.extractive import (DEFAULT_PARAMS, Candidate, ExtractiveParams, build_candidates,
                                            content_tokens, described_noun, display_texts, noun_told, select_sentences)
from newsbrief.summarize.references import opens_on_reference

LOGGER = logging.getLogger(__name__)

__all__ = ["summarize_story"]

_DIGIT_RE = re.compile(r"\d")


def _after_introductions(items: list[tuple[Candidate, tuple[str, ...]]]) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Move each sentence with a bare surname to just after the first sentence naming it (if it came before)."""
    out = list(items)
    for _ in range(len(out)):
        seen: set[str] = set()
        for pos, (cand, _ids) in enumerate(out):
            missing = cand.needs_intro - seen
            intro = next((j for j in range(pos + 1, len(out)) if missing & out[j][0].mentions), None)
            if missing and intro is not None:
                out.insert(intro, out.pop(pos))
                break
            seen.update(cand.mentions)
        else:
            return out
    return out


def _after_supporters(items: list[tuple[Candidate, tuple[str, ...]]]) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Move each sentence opening on "The claims ..." to just after the first sentence that speaks of claims.

    Selection chose it only with such a sentence in the summary; a sentence with no such one
    before or after it is left out.
    """
    out = list(items)
    moved: set[int] = set()
    pos = 0
    while pos < len(out):
        noun = described_noun(out[pos][0])
        # each sentence moves once: two that each speak of what the other names ("the album" / "the singer")
        # would otherwise trade places for ever
        if noun and id(out[pos][0]) not in moved and not any(noun_told(noun, c.tokens) for c, _ in out[:pos]):
            item = out.pop(pos)
            supporter = next((j for j in range(pos, len(out)) if noun_told(noun, out[j][0].tokens)), None)
            if supporter is not None:
                moved.add(id(item[0]))
                out.insert(supporter + 1, item)
            continue
        pos += 1
    return out


_REACTION_RE = re.compile(
    r"\b(?:warn|criticis|criticiz|condemn|prais|welcom|urg|cautio|complain|protest|object|oppos|"
    r"analyst|critic|opponent|skeptic|sceptic|fear|concern|worr)\w*",
    re.IGNORECASE,
)


_REACTION_VERB_RE = re.compile(
    r"\b(?:welcomed|criticised|criticized|condemned|praised|slammed|hailed|decried|applauded|denounced|"
    r"reacted|responded)\b", re.IGNORECASE)


def _index(cand: Candidate) -> int:
    return cand.index


def _lead_sentence(leads: Sequence[Candidate], headline: str,
                   position: Callable[[Candidate], int] = _index) -> Candidate:
    """Return the sentence that opens a summary: who did what.

    First choice: an article's lead stating a fact (its first sentence, else its second), the one chosen first.
    But a sentence that says clearly more of what the headline (the story's best title) says opens instead, whatever
    its role: an outlet's reaction put first ("X says the change changes nothing") shares less of the headline than
    "Markets cheered news that Y has ousted Z", and a market report's figure line less than "Asian shares edged
    higher ...". A sentence opening on a quotation or on a link to what came before it ("Separately, ..."), or one
    naming what another sentence must introduce first ("IRIS is ..."), opens only when nothing else can, or when it
    is an article's attributed opening quotation that says clearly more of the headline than the sentence chosen.

    :param leads: the chosen sentences that may open, in the order they were chosen.
    :param headline: the story's headline.
    :param position: a sentence's place among its article's sentences (0: the lead).
    """
    unquoted = [c for c in leads if not _QUOTE_OPENING_RE.match(c.text) and not _LINKED_OPENING_RE.match(c.text)
                and not c.needs_intro]  # "IRIS is a group ...": what it names is introduced by a later sentence
    unquoted = unquoted or list(leads)
    first = next((c for c in unquoted if position(c) == 0 and _role(c, position) == 0),
                 next((c for c in unquoted if position(c) <= 1 and _role(c, position) == 0), unquoted[0]))
    said = set(content_tokens(headline))
    best = max(unquoted, key=lambda c: (len(c.tokens & said), position(c) == 0, -unquoted.index(c)))
    margin = len(best.tokens & said) - len(first.tokens & said)
    top = best if margin >= _LEAD_MARGIN else first
    # an article that opens on a quotation saying what the headline says, with its speaker ('"Government forces
    # killed four militants ...," a ministry spokesman told AFP'), opens the summary rather than a sentence of
    # background that says none of it
    told = [c for c in leads if position(c) == 0 and _QUOTE_OPENING_RE.match(c.text) and _ATTRIBUTED_RE.search(c.text)]
    quoted = max(told, key=lambda c: (len(c.tokens & said), -leads.index(c)), default=None)
    if quoted is not None and len(quoted.tokens & said) - len(top.tokens & said) >= _LEAD_MARGIN:
        return quoted
    return top


_QUOTE_OPENING_RE = re.compile(r"^\s*[\"\u201c\u201e\u00ab']")
# "Separately, the agency reported ...", "Also on Friday, ...": a sentence that links to something told before it
_LINKED_OPENING_RE = re.compile(r"^(?:Separately|Meanwhile|However|Also|Still|Moreover|Furthermore|Additionally|"
                                r"In addition|Besides|Likewise|Similarly|Instead|Elsewhere|Nevertheless|But|And|Yet)\b")
_LEAD_MARGIN = 2  # headline words a sentence must share beyond the first choice's to open instead
# a quotation's close and its speaker: '...," an MVD spokesperson told AFP', '...," police said.'
_ATTRIBUTED_RE = re.compile(r"[\"\u201d]\s*,?\s*[^\"\u201c\u201d.]{0,60}?\b(?:said|says|told|tells|according)\b")


def _role(cand: Candidate, position: Callable[[Candidate], int] = _index) -> int:
    """Return 0 for a fact (lead or figures), 1 for context, 2 for a quote, reaction or caveat.

    An article's lead can be a reaction too ("Publisher groups welcomed a ruling that ..."): its
    verb comes in the first words.
    """
    opening = " ".join(cand.text.split()[:6])
    if cand.quote or (position(cand) > 0 and _REACTION_RE.search(cand.text)) or _REACTION_VERB_RE.search(opening):
        return 2
    if position(cand) <= 1 or _DIGIT_RE.search(cand.text):
        return 0
    return 1


def _paragraphs(items: Sequence[tuple[int, CitedSentence]]) -> tuple[tuple[CitedSentence, ...], ...]:
    """Group role-tagged sentences into one to three paragraphs of at most three sentences."""
    groups: list[list[CitedSentence]] = [[], [], []]
    for role, sent in items:
        groups[role].append(sent)
    # facts beyond three sentences spill into the context paragraph
    while len(groups[0]) > 3:
        groups[1].insert(0, groups[0].pop())
    paras = [tuple(g) for g in groups if g]
    if len(paras) == 1 and len(paras[0]) > 3:
        paras = [paras[0][:2], paras[0][2:]]
    return tuple(paras)


def summarize_story(
    articles: Sequence[Article],
    *,
    story_id: str,
    max_sentences: int = 5,
    max_words: int | None = 120,
    params: ExtractiveParams = DEFAULT_PARAMS,
    embedder: Embedder | None = None,
) -> Summary:
    """Summarize one story's articles into 2-6 cited sentences grouped into 1-3 paragraphs.

    Facts (lead sentences, figures) come first, then context, then quotes and reactions. A
    fact stated by several outlets appears once and cites every article that states it.

    :param articles: the story's articles (any order; duplicates of one text are fine).
    :param story_id: id of the story, copied to the summary.
    :param max_sentences: at most this many sentences (clamped to 2-6).
    :param max_words: word budget for the whole summary (``None`` = sentence budget only);
        sentences are never cut, and the first two are kept even if they exceed it.
    :param params: selector parameters.
    :param embedder: sentence embedder, so a sentence retelling a chosen one in other words is left out.
    """
    if not articles:
        raise SummarizeError(f"summarize: story {story_id} has no article")
    from newsbrief.summarize.headline import choose_headline, clean_title

    headline = choose_headline(articles)
    limit = min(6, max(2, max_sentences))
    pool = build_candidates(articles, params=params, resolve_references=True)  # shared by the fallbacks below
    chosen = select_sentences(articles, max_sentences=limit, max_words=max_words, require_standalone=True,
                              require_specific=True, params=params, embedder=embedder, resolve_references=True,
                              pool=pool)
    if len(chosen) < 2:
        # a short story or a tight budget: relax the word budget, then standalone-ness
        chosen = select_sentences(articles, max_sentences=min(limit, 2), require_standalone=True, params=params,
                                  embedder=embedder, resolve_references=True, pool=pool)
    if len(chosen) < 2:
        chosen = select_sentences(articles, max_sentences=min(limit, 2), params=params, embedder=embedder,
                                  resolve_references=True, pool=pool)
    if not chosen:
        titled = [(a, clean_title(a.title, outlet=a.outlet)) for a in articles if a.title.strip()]
        if not titled:
            raise SummarizeError(f"summarize: story {story_id} has no text to summarize")
        LOGGER.info("summarize: story %s has no usable sentence; citing its title", story_id)
        text = titled[0][1]
        ids = tuple(a.id for a, t in titled if t.lower() == text.lower())
        return Summary(story_id=story_id, headline=headline,
                       paragraphs=((CitedSentence(text=text, article_ids=ids),),))
    published = {a.id: a.published for a in articles}
    order = {a.id: n for n, a in enumerate(articles)}
    # the lead: the best-ranked article-lead sentence stating a fact, else the best-ranked sentence;
    # one that opens on what the reader has not met ("The new phones ...", "It's ...") only if no other
    leads = [c for c, _ in chosen if not opens_on_reference(c.text)] or [c for c, _ in chosen]
    # an article's lead is its first sentence of prose: a credit line ("AFP/New York") or a page's stamp before it
    # does not make the lead its second sentence
    prose_from: dict[int, int] = {}
    for c in pool:
        if c.index >= 0 and c.eligible:
            prose_from[c.article_index] = min(c.index, prose_from.get(c.article_index, c.index))

    def position(cand: Candidate) -> int:
        return max(0, cand.index - prose_from.get(cand.article_index, 0))

    top = _lead_sentence(leads, headline, position)

    def key(item: tuple[Candidate, tuple[str, ...]]) -> tuple[int, int, bool, Any, int, int]:
        cand = item[0]
        return (0 if cand is top else 1, _role(cand, position), cand.quote, published[cand.article_id],
                order[cand.article_id], cand.index)

    ordered = _after_supporters(_after_introductions(sorted(chosen, key=key)))
    roles = [_role(c, position) for c, _ in ordered]
    if ordered[0][0] is top:
        roles[0] = 0  # the lead opens the first paragraph whatever its role, or a reference opener would
    for n in range(1, len(roles)):  # a sentence moved after its introduction keeps to that paragraph or later
        moved = ordered[n][0].needs_intro or described_noun(ordered[n][0])
        roles[n] = max(roles[n], roles[n - 1]) if moved else roles[n]
    texts = display_texts([c for c, _ in ordered])
    items = [(role, CitedSentence(text=text, article_ids=ids))
             for role, text, (_c, ids) in zip(roles, texts, ordered, strict=True)]
    return Summary(story_id=story_id, headline=headline, paragraphs=_paragraphs(items))
