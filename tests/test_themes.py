"""Story themes for the lede: word patterns, first match wins, headline before summary."""

from __future__ import annotations

import pytest

from newsbrief.themes import join_themes, story_theme


@pytest.mark.parametrize(
    ("headline", "theme"),
    [
        ("Marlow Foods agrees to buy Pennant Dairy for $2.1bn", "deals"),
        ("Ransomware gang leaks files stolen from a Dutch port operator", "security"),
        ("Brussels proposes rules on right to repair for e-bikes", "regulation"),
        ("Calloway Robotics raises $40 million Series B", "funding"),
        ("Quarry Labs releases an open-weight language model for code", "AI"),
        ("Hexfield Games lays off 200 staff", "jobs"),
        ("Oven maker recalls 90,000 units over door glass", "recalls"),
        ("Budget carrier adds three routes to Lisbon", None),
    ],
)
def test_story_theme_from_headline(headline: str, theme: str | None) -> None:
    assert story_theme(headline) == theme


def test_summary_decides_when_the_headline_says_nothing() -> None:
    assert story_theme("A rough week for Tarn Bank", "Hackers broke into the bank's payment system.") == "security"
    assert story_theme("Buyback plans at Orwell Mills") is None  # "buy" + "back" is not a deal


def test_join_themes_drops_duplicates_and_keeps_order() -> None:
    assert join_themes([]) == ""
    assert join_themes(["deals"]) == "deals"
    assert join_themes(["deals", "AI", "deals"]) == "deals and AI"
    assert join_themes(["deals", "AI", "security"]) == "deals, AI and security"
