"""How much of one article the text stages (clustering, facts, summaries) read.

A feed may carry a 9 MB article: a whole book, a log dump, a page of repeated widgets. The
stages that read sentences cost time in proportion to what they read, so each article is
cut to its first ``max_chars`` characters and ``max_sentences`` sentences before they see
it (``digest.max_article_chars`` and ``digest.max_article_sentences``). The cut is returned
as a :class:`~newsbrief.model.Skip`, so the orchestrator can record it and the user can see
that an article was read in part.
"""

from __future__ import annotations

import dataclasses
import re

from newsbrief.model import Article, Skip
from newsbrief.summarize.sentences import split_sentences

__all__ = ["cap_article", "cap_text"]

_PARAGRAPHS = re.compile(r"(\n\s*\n)")


def _cut_chars(text: str, max_chars: int) -> str:
    """Return the first ``max_chars`` characters of ``text``, ending at a space when one is near."""
    head = text[:max_chars]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space].rstrip() if space > max_chars // 2 else head


def _cut_sentences(text: str, max_sentences: int) -> tuple[str, int]:
    """Return the text of the first ``max_sentences`` sentences and how many sentences there were.

    Paragraphs before the cut keep their layout; the paragraph cut inside is rejoined from its
    kept sentences. The count stops one past the limit (it only tells that the text was cut).
    """
    kept: list[str] = []
    count = 0
    parts = _PARAGRAPHS.split(text)
    for i in range(0, len(parts), 2):
        sentences = split_sentences(parts[i])
        if count + len(sentences) > max_sentences:
            kept.append(" ".join(sentences[: max_sentences - count]))
            return "".join(kept).rstrip(), count + len(sentences)
        count += len(sentences)
        kept.append(parts[i] + (parts[i + 1] if i + 1 < len(parts) else ""))
    return text, count


def cap_text(text: str, *, max_chars: int, max_sentences: int) -> tuple[str, str]:
    """Return the part of ``text`` the text stages read, and why it was cut ("" when whole).

    :param text: an article body.
    :param max_chars: most characters read (0: no limit).
    :param max_sentences: most sentences read (0: no limit).
    """
    reasons: list[str] = []
    out = text
    if max_chars and len(out) > max_chars:
        out = _cut_chars(out, max_chars)
        reasons.append(f"read the first {len(out):,} of {len(text):,} characters (digest.max_article_chars)")
    # a sentence ends at a mark or a line break, so fewer of those than the limit cannot be over it
    if max_sentences and sum(map(out.count, ".!?\n")) >= max_sentences:
        cut, count = _cut_sentences(out, max_sentences)
        if count > max_sentences:
            out = cut
            reasons.append(f"read the first {max_sentences:,} sentences (digest.max_article_sentences)")
    return out, "; ".join(reasons)


def cap_article(article: Article, *, max_chars: int, max_sentences: int) -> tuple[Article, Skip | None]:
    """Return the article with its text cut to the limits, and the cut as a Skip (None if whole).

    :param article: an article.
    :param max_chars: most characters of its text read (0: no limit).
    :param max_sentences: most sentences of its text read (0: no limit).
    """
    text, reason = cap_text(article.text, max_chars=max_chars, max_sentences=max_sentences)
    if not reason:
        return article, None
    return dataclasses.replace(article, text=text), Skip(what=article.id, reason=reason, stage="digest")
