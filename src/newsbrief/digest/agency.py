"""A news agency's report: the story reaches the reader through a wire service.

Agencies (the Associated Press, Reuters, AFP and the national agencies) carry what they judge
news beyond one town, and local outlets print their copy under a credit: a dateline's "(AP)",
"Copyright ... The Associated Press", "told Reuters", "-- Xinhua". An outlet that relays an
agency's report tells a story of national or international reach far more often than its own
local items. Ranking counts such a credit (the ``agency`` part); the credit is read from the
stored raw text, since the cleaner cuts datelines, bylines and copyright lines out of the text
the other stages read.
"""

from __future__ import annotations

import re

__all__ = ["agency_credit"]

_AGENCIES: tuple[tuple[str, str], ...] = (
    ("Associated Press", r"\(AP\)|\bAssociated\s+Press\b"),
    ("Reuters", r"\bReuters\b"),
    ("AFP", r"\(AFP\)|\bAFP\b|\bAgence\s+France[-\s]Presse\b"),
    ("dpa", r"\(dpa\)|\bDeutsche\s+Presse-Agentur\b"),
    ("UPI", r"\(UPI\)|\bUnited\s+Press\s+International\b"),
    ("Xinhua", r"\bXinhua\b"),
    ("PTI", r"\bPTI\b|\bPress\s+Trust\s+of\s+India\b"),
    ("IANS", r"\bIANS\b"),
    ("Canadian Press", r"\bCanadian\s+Press\b|\bTHE\s+CANADIAN\s+PRESS\b"),
    ("Australian Associated Press", r"\bAustralian\s+Associated\s+Press\b"),
    ("Press Association", r"\bPress\s+Association\b"),
    ("Kyodo", r"\bKyodo\b"),
    ("Yonhap", r"\bYonhap\b"),
    ("EFE", r"\bEFE\b"),
    ("ANSA", r"\bANSA\b"),
    ("TASS", r"\bTASS\b"),
    ("Anadolu", r"\bAnadolu\s+(?:News\s+)?Agency\b"),
    ("Bernama", r"\bBernama\b"),
    ("Antara", r"\bAntara\b"),
)
_CREDIT = re.compile("|".join(f"(?P<a{i}>{rx})" for i, (_, rx) in enumerate(_AGENCIES)))


def agency_credit(text: str) -> str:
    """Return the news agency an article credits or names as its source ("" when none).

    >>> agency_credit("SANTIAGO, Chile (AP) -- Strong aftershocks rippled through Chile on Thursday ...")
    'Associated Press'
    >>> agency_credit("Michael Bloomberg spoke at the AP exam centre.")
    ''
    >>> agency_credit("A still from the 1960 film, shown at the archive. (AP)\\nThe archive opens a new season.")
    ''

    :param text: the article's stored raw text (datelines, bylines and copyright lines included).
    """
    for found in _CREDIT.finditer(text):
        if found.lastgroup is None or _photo_credit(text, found):
            continue
        return _AGENCIES[int(found.lastgroup[1:])][0]
    return ""


def _photo_credit(text: str, found: re.Match[str]) -> bool:
    """Whether a credit in parentheses closes a caption line ('... in the famous shower scene. (AP)'): the agency
    took the picture; it did not write the story."""
    if not found.group().startswith("("):
        return False
    end = text.find("\n", found.end())
    rest = text[found.end():] if end < 0 else text[found.end():end]
    start = text.rfind("\n", 0, found.start()) + 1
    return not rest.strip(" .;:)\u201d\"'") and bool(text[start:found.start()].strip())
