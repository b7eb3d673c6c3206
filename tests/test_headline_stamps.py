"""A page's time stamp, or a wire's credit in parentheses, glued to an article's title is no part of the headline."""

from __future__ import annotations

import pytest

from newsbrief.summarize.headline import clean_title


@pytest.mark.parametrize(("title", "clean"), [
    ("Two hurt after ferry strikes pier in Tallbrook 21 minutes ago", "Two hurt after ferry strikes pier in Tallbrook"),
    ("Harbour stocks slip as rates rise WXN 12 mins ago", "Harbour stocks slip as rates rise"),
    ("What the port deal means for Orrick New 7:18 pm", "What the port deal means for Orrick"),
    ("Marwick cuts 2025 growth estimate: ministry Sep 29, 2026", "Marwick cuts 2025 growth estimate: ministry"),
    ("Orrick council votes to close quay | Tuesday, Sept. 15, 2026", "Orrick council votes to close quay"),
    ("Half of Orrick's ferries need repairs: port chief (AFP)", "Half of Orrick's ferries need repairs: port chief"),
    ("Tallbrook Rovers hit by flu outbreak (Harbour Sports)", "Tallbrook Rovers hit by flu outbreak"),
])
def test_a_trailing_time_stamp_is_cut(title: str, clean: str) -> None:
    assert clean_title(title) == clean


@pytest.mark.parametrize("title", [
    "Tallbrook marks 10 years since the flood of Sep 29, 2016",
    "Ferry service resumes after 40 minutes",
    "Orrick votes on 5 hours ago rule",
    "Man charged over attack on Jo Reyes (pictured)",
    "Talks resume (AP)",
    "Kessa refused to help Orrick fight the Islamic State (ISIS)",
])
def test_a_title_without_a_stamp_keeps_its_words(title: str) -> None:
    assert clean_title(title) == title
