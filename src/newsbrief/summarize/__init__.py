"""Summarize stage: cited extractive story summaries, headlines and a faithfulness guard.

Pure functions over :mod:`newsbrief.model` dataclasses; nothing here touches storage.
"""

from __future__ import annotations

from newsbrief.summarize.extractive import ExtractiveParams, select_sentences, summarize_for_budget
from newsbrief.summarize.faithfulness import check_faithfulness, check_numbers_names
from newsbrief.summarize.headline import choose_headline, clean_title
from newsbrief.summarize.sentences import repair_sentence, split_sentences
from newsbrief.summarize.story import summarize_story

__all__ = [
    "ExtractiveParams",
    "check_faithfulness",
    "check_numbers_names",
    "choose_headline",
    "clean_title",
    "repair_sentence",
    "select_sentences",
    "split_sentences",
    "summarize_for_budget",
    "summarize_story",
]
