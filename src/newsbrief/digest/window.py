"""Which ranked stories a digest must summarize: those it may show, not the hundreds it only lists.

A 400-article day ranks about 400 stories; the digest shows 8 sections and 25 one-liners, and
lists the rest under "and N more" by headline. Summarizing every story took most of a build, so
the build summarizes the best-ranked stories (a window), gives the others their headline only,
composes, and checks that no shown part could have changed had every story been summarized
(:func:`window_suffices`); when it could, the window grows and the digest is composed again.
Under "more", a story past the window is named by its headline only, and one whose headline does not
read as one ("(CHOURS)") is left out of that list.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsbrief.digest.compose import MIN_SECTION_SENTENCES, ComposeOptions, section_fits
from newsbrief.model import Digest

SLACK = 2
"""The first window holds this many times the stories the digest may show (sections and one-liners)."""


def first_window(options: ComposeOptions) -> int:
    """Return how many of the best-ranked stories to summarize first.

    :param options: the digest's bounds.
    """
    return max(1, SLACK * (options.max_stories + options.max_short))


def window_suffices(digest: Digest, listed_only: Mapping[str, str], options: ComposeOptions, *,
                    min_sentence_words: int | None = None) -> bool:
    """Whether a digest composed with ``listed_only`` stories unsummarized is the one full summaries give.

    A story with no summary never takes a full section (it has no sentences) and its one-liner is its
    headline, never longer than with its first sentence. So the shown parts stand when no such story
    could have taken a section and no shown one-liner is one: a summarized story could not have taken a
    section or a line from a better-ranked one. No story could take a section when the sections are full
    (``max_stories`` of them) or, under a reading budget, when even its headline and two of the shortest
    sentences a summary may hold (``min_sentence_words`` each) would not fit what the sections left (the
    first section is taken whatever its length).
    The roundups and the calendar are read from facts and headlines, which every story has; a story whose
    rule the regulation roundup reads from its summary is summarized whatever its rank (the caller's part).

    :param digest: the composed digest.
    :param listed_only: the stories given their headline only: id -> headline.
    :param options: the bounds it was composed with.
    :param min_sentence_words: the fewest words of a summary sentence; None when unknown (a writer's).
    """
    if not listed_only:
        return True
    for sec in digest.sections:
        if sec.kind == "short" and any(it.story_id in listed_only for it in sec.items):
            return False
        if sec.kind == "stories" and len(sec.items) < options.max_stories:
            if options.minutes <= 0 or min_sentence_words is None or not sec.items:
                return False
            shortest = min(len(h.split()) for h in listed_only.values()) + MIN_SECTION_SENTENCES * min_sentence_words
            if section_fits(options, sec.items, shortest):
                return False
    return True
