"""The digest's lede written by the language model, from the top stories' guarded summaries.

The lead stories are the digest's first full sections that may open it (news, and not of a
kind that is never lede news: the same rule as the extractive lede). Their summary sentences,
already through the guard, are what the model may use. The written lede replaces the
extractive one only when every one of its two to four sentences passes the guard, with the
citations it gives or, when it gives none or they do not support it, the ones the guard
recovers (:meth:`~newsbrief.llm.guard.Guard.check_story`); the guard's decisions are kept on
the digest either way.
"""

from __future__ import annotations

import dataclasses

from newsbrief.llm.writer import Writer
from newsbrief.model import Digest, DigestItem
from newsbrief.digest.newsworthiness import NOT_LEDE_KINDS

__all__ = ["LEAD_STORIES", "with_written_lede"]

LEAD_STORIES = 3
"""Top stories whose summaries the model sees."""


def _lede_worthy(item: DigestItem) -> bool:
    return not item.extra.get("not_news") and item.extra.get("kind", "") not in NOT_LEDE_KINDS


def with_written_lede(digest: Digest, writer: Writer) -> Digest:
    """Return ``digest`` with the model's lede when every sentence of it passes the guard.

    :param digest: the composed digest (extractive lede).
    :param writer: the run's writer.
    """
    lead = [it for sec in digest.sections if sec.kind == "stories" for it in sec.items
            if not it.one_line and _lede_worthy(it)][:LEAD_STORIES]
    if not lead or not digest.lede:
        return digest
    written = writer.lede(digest.date.isoformat(), [[s for p in it.paragraphs for s in p] for it in lead])
    decisions = tuple(written.decisions)
    if written.note:
        decisions += ({"note": written.note, "action": "extractive lede kept"},)
    return dataclasses.replace(digest, lede=written.sentences or digest.lede, lede_guard=decisions)
