"""The article reader: a stored article's text with the passage a digest sentence cites marked.

A digest cites articles by number (``[3]``); on the web each number links to
``/articles/<id>?passage=<the citing sentence>#passage``, and this page marks the article
sentence closest to the citing one (most shared words), so the reader lands on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.responses import Response

from ..model import Digest
from ..render import safe_url
from ..summarize.sentences import split_paragraphs, split_sentences
from .api import STORY_ID
from .app import json_response
from .errors import NotFound

if TYPE_CHECKING:
    from .app import Ctx

__all__ = ["api_article", "article_page", "cite_links", "mark_passage"]

_WORD = re.compile(r"\w+")
MAX_PASSAGE = 1000


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def mark_passage(text: str, passage: str) -> list[list[tuple[str, bool]]]:
    """Split an article into paragraphs of sentences, flagging the one sentence closest to ``passage``.

    :param text: the article's stored text (split as the summarizer splits it).
    :param passage: the citing sentence (empty: nothing is flagged).
    """
    paragraphs = [split_sentences(p) for p in split_paragraphs(text)]
    best, best_score = (-1, -1), 0.0
    wanted = _words(passage)
    if wanted:
        for i, para in enumerate(paragraphs):
            for j, sentence in enumerate(para):
                have = _words(sentence)
                score = len(wanted & have) / len(wanted | have) if have else 0.0
                if score > best_score:
                    best, best_score = (i, j), score
    return [[(s, (i, j) == best) for j, s in enumerate(para)] for i, para in enumerate(paragraphs)]


def cite_links(digest: Digest) -> Callable[[int, str], str]:
    """Return ``href(n, sentence)``: the reader URL of citation number ``n`` of a digest.

    The numbers are those :func:`newsbrief.render.build_context` gives: article ids in order of
    first citation, the lede first, then every section's items.

    :param digest: the digest being shown.
    """
    numbers: dict[int, str] = {}
    seen: set[str] = set()
    sentences = [*digest.lede, *(s for sec in digest.sections for it in sec.items for p in it.paragraphs for s in p)]
    for sentence in sentences:
        for aid in sentence.article_ids:
            if aid not in seen:
                seen.add(aid)
                numbers[len(seen)] = aid

    def href(n: int, sentence: str) -> str:
        aid = numbers.get(n)
        if aid is None:
            return f"#src-{n}"
        return f"/articles/{quote(aid, safe='')}?passage={quote(sentence[:MAX_PASSAGE], safe='')}#passage"

    return href


def _article(ctx: Ctx, article_id: str) -> Any:
    found = ctx.store.articles([article_id]) if STORY_ID.fullmatch(article_id) else []
    if not found:
        raise NotFound(f"no article {article_id}")
    return found[0]


def api_article(ctx: Ctx, article_id: str) -> Response:
    """Return one stored article: its outlet, link, day and cleaned text."""
    article = _article(ctx, article_id)
    return json_response({"id": article.id, "title": article.title, "outlet": article.outlet,
                          "url": safe_url(article.url) or None, "published": article.published.isoformat(),
                          "duplicate_of": article.duplicate_of, "text": article.text})


def article_page(ctx: Ctx, article_id: str) -> Response:
    """Show a stored article, the cited passage (``?passage=``) marked."""
    article = _article(ctx, article_id)
    passage = ctx.request.arg("passage")[:MAX_PASSAGE]
    info: dict[str, Any] = {"id": article.id, "title": article.title, "outlet": article.outlet,
                            "published": article.published.isoformat(), "url": safe_url(article.url)}
    return ctx.page("web_article.j2", article=info, paragraphs=mark_passage(article.text, passage), passage=passage)
