"""Name the theme of a story from its headline and summary, for the digest's lede.

A theme is a short plural noun phrase a briefing editor would use ("deals", "security",
"regulation"): the lede says which themes lead the day instead of only listing headlines.
Themes come from word patterns, checked in order (the first match wins), so the result is
explainable and deterministic; a story that matches none has no theme and the lede names it
by its headline alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["THEMES", "join_themes", "story_theme"]

# (theme, pattern) in priority order: "Halvard buys Vireo after a chip shortage" is a deal first.
THEMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("deals", r"\b(?:acqui(?:re|res|red|ring|sition)|buy(?:s|ing)?\s+(?!back)|bought|takeover|merger|merg(?:e|es|ing)\s+with|"
                  r"to\s+buy|agreed\s+to\s+buy|deal\s+valued)\b"),
        ("security", r"\b(?:ransomware|breach(?:ed)?|hack(?:ed|ers?)?|cyber-?attack|malware|vulnerabilit(?:y|ies)|"
                     r"attackers?|phishing|data\s+leak)\b"),
        ("outages", r"\b(?:outage|went\s+down|downtime|service\s+disruption)\b"),
        ("regulation", r"\b(?:regulat(?:or|ors|ion|ions|ory)|rules?\b|law(?:makers)?|legislation|antitrust|"
                       r"commission\s+(?:proposed|fined)|ban(?:s|ned)?\b|compliance|fined?)\b"),
        ("funding", r"\b(?:raises?|raised|funding\s+round|series\s+[a-f]\b|seed\s+round|venture\s+capital)\b"),
        ("AI", r"\b(?:AI|artificial\s+intelligence|language\s+model|LLM|open-weight|machine\s+learning|chatbot)\b"),
        ("chips", r"\b(?:chips?|semiconductors?|wafers?|foundry|fab)\b"),
        ("jobs", r"\b(?:lay(?:s|ing)?\s+off|layoffs?|job\s+cuts|cuts?\s+\d[\d,]*\s+jobs|redundanc(?:y|ies))\b"),
        ("earnings", r"\b(?:quarterly\s+(?:results|revenue|sales|profit)|earnings|forecast|outlook|guidance|"
                     r"revenue\s+(?:rose|fell))\b"),
        ("recalls", r"\b(?:recall(?:s|ed|ing)?)\b"),
        ("shopping", r"\b(?:shoppers|online\s+(?:sales|spending)|black\s+friday|cyber\s+monday|retail\s+sales|"
                     r"thanksgiving)\b"),
        ("launches", r"\b(?:launch(?:es|ed)?|unveil(?:s|ed)?|releas(?:es|ed)|introduc(?:es|ed)|rolls?\s+out|"
                     r"announced\s+the)\b"),
        ("space", r"\b(?:satellites?|rocket|orbit|spacecraft)\b"),
        ("open source", r"\b(?:open-source|open\s+source|fork(?:ed)?|maintainers)\b"),
    )
)


def story_theme(headline: str, text: str = "") -> str | None:
    """Return the story's theme, or None when no pattern matches.

    The headline decides when it matches; otherwise the summary text is read.

    :param headline: the story's headline.
    :param text: its summary (optional).
    """
    for source in (headline, text):
        if not source:
            continue
        for name, pattern in THEMES:
            if pattern.search(source):
                return name
    return None


def join_themes(themes: Sequence[str]) -> str:
    """Return "deals", "deals and AI" or "deals, AI and security" (duplicates dropped, order kept).

    :param themes: theme names, most important first.
    """
    names = list(dict.fromkeys(themes))
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
