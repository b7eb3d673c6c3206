"""Write the first word of a story in the case the rest of the text uses: "THE council voted" -> "The council voted".

Many regional papers print a story's first word (or first name) in capitals: "THE tax office should ...",
"TOM Reyes is confident ...", "HARWICK'S refinery is ...". Left so, the word reads as an acronym to the
entity recogniser, the headline and calendar lines built from the lead shout ("KYNAN Reyes: host ..."),
and a one-liner opens on it. :func:`unshout_opening` rewrites that word only on evidence:

- the text writes it elsewhere in capitals ("NASA ... NASA's probe"): an acronym, kept;
- the text writes it elsewhere in another case ("Startek", "the"): that spelling;
- a function word ("THE", "WHEN"): capitalised;
- a word of four letters or more that reads as a word (a vowel among its first three letters), not
  written elsewhere: capitalised ("SLIMBRIDGE", "KYNAN"); a shorter one, or one that is spelled out
  ("NMMU"), is kept, since "LSU", "IBD" or "NAB" are acronyms more often than not.

A line in capitals throughout (a shouted headline, a heading) is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["unshout_opening"]

# one to three words in capitals opening the line, then a word in lower or title case
_OPENING_RE = re.compile(r"^([\"'\u201c\u2018]?)((?:[A-Z][A-Z-]*[A-Z](?:['\u2019]S)?\s+){1,3})(?=[A-Za-z]?[a-z])")
_WORD_RE = re.compile(r"([A-Z][A-Z-]*[A-Z])(['\u2019]S)?(\s+)")
_FUNCTION = frozenset("""a an and as at but by for from in into of on or over the to up with after before amid
    about against during under until while when where what why how this that these those there here all
    any every each some many more most few no not its his her their our your we they he she if once
    since though although despite two three four five six seven eight nine ten twenty thirty forty fifty
    hundreds thousands millions dozens one is are was were be been has have had will would can could""".split())
# a word read out, not spelled: a vowel among its first three letters and in every run of four ("NMMU", "NSWRL" are spelled)
_SPOKEN_RE = re.compile(r"^(?=[A-Z-]{0,2}[AEIOUY])(?!.*[B-DF-HJ-NP-TV-XZ]{4})")
_LONG_ENOUGH = 4  # a shorter capitalised word with no evidence stays: an acronym more often than not


def _spellings(word: str, text: str) -> set[str]:
    # a word of the text, not of an address ("stc.com", "@stc")
    return {m.group(0) for m in re.finditer(rf"(?<![\w'\u2019@/.-]){re.escape(word)}(?![\w-]|\.\w)", text, re.IGNORECASE)}


def _written(word: str, rest: str) -> str | None:
    """How the text writes a word it opens on in capitals; None: keep it in capitals."""
    seen = _spellings(word, rest)
    if word in seen:
        return None  # "NASA ... NASA's probe": an acronym
    others = sorted(w for w in seen if not w.isupper())
    if others:
        spelled = next((w for w in others if w[:1].isupper()), others[0])
    elif word.lower() in _FUNCTION or (len(word) >= _LONG_ENOUGH and _SPOKEN_RE.match(word)):
        spelled = word
    else:
        return None
    if spelled.isupper() or spelled.islower():
        spelled = spelled[:1].upper() + spelled[1:].lower()
    return spelled


def unshout_opening(line: str, rest: str) -> str:
    """Return ``line`` with its first words in capitals written as the text writes them (see the module's rules).

    :param line: the story's first line of prose.
    :param rest: the rest of the article (its other lines): the evidence of how a word is written.
    """
    found = _OPENING_RE.match(line)
    if found is None:
        return line
    words = re.findall(r"[A-Za-z]{2,}", line[found.end():][:120])
    if not words or sum(w.isupper() for w in words) * 2 >= len(words):
        return line  # a heading or headline in capitals: not a shouted opening
    out = []
    for n, part in enumerate(_WORD_RE.finditer(found.group(2))):
        spelled = _written(part.group(1), rest)
        if spelled is None:
            return line  # "IT IS one day ...": an acronym, or a word the text gives no reading of
        if n == 0:
            spelled = spelled[:1].upper() + spelled[1:]
        elif spelled.lower() in _FUNCTION:
            spelled = spelled.lower()
        out.append(f"{spelled}{(part.group(2) or '').lower()}{part.group(3)}")
    return f"{found.group(1)}{''.join(out)}{line[found.end():]}"
