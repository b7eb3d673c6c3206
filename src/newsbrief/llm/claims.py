"""What a sentence asserts: numbers, money, percentages, dates, names, quotes, negation, hedging.

Each fact is normalised so that equal values written differently compare equal:
"$1.2 billion" and "1.2bn dollars" give the same money key, "Sept. 3" and "September 3" the
same date key, "12 percent" and "12%" the same percentage.
"""

from __future__ import annotations

import datetime as dt
import re

from newsbrief.facts import find_dates, find_money, find_percents

__all__ = [
    "Facts", "done_what_is_planned", "is_possible", "opposite_of", "swapped_numbers", "is_completed", "is_unrealised", "speakers", "content_words", "facts_of", "is_hedged", "is_negated", "name_tokens", "normalise_quote", "number_words",
]

_ANCHOR = dt.date(2026, 6, 15)  # any fixed day: both sides resolve relative dates against it
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
_DAY_MONTH_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
_POINTS_RE = re.compile(
    r"\b(?:(\d+(?:\.\d+)?)|(a quarter|a half|half|three quarters))[- ](?:of[- ])?(?:an?[- ])?(basis|percentage)[- ]points?\b",
    re.IGNORECASE)
_FRACTIONS = {"quarter": 0.25, "half": 0.5, "three quarters": 0.75}
_PERIOD_RE = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)\b|\b([qh])([1-4])\b", re.IGNORECASE)
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
_NUMBER_RE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_NAME_RE = re.compile(r"\b[A-Z][\w&'’.-]*[\w]")
_NUMBER_WORDS = {
    "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
    "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0, "dozen": 12.0, "twenty": 20.0, "hundred": 100.0,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Capitalised words that open sentences or clauses without naming anyone.
_NOT_NAMES = frozenset(
    """a an the this that these those he she it they we i you his her its their our in on at for of to
    from by with as after before when while if but and or so yet also however meanwhile still some many
    most no one two three there here what who which why how mr mrs ms dr all any each both several
    other another such officials police critics analysts investors shares prices sales according under
    despite during since until without once last next earlier later today yesterday tomorrow now only
    even the company chief executive minister president""".split()
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)"
    r"|declin(?:e|es|ed|ing) to|fail(?:s|ed|ing)? to|turn(?:s|ed)? down|rul(?:e|es|ed) out|halt(?:s|ed)?"
    r"|scrap(?:s|ped)?|cancel(?:s|led|ed)?|dropp?(?:s|ed)? plans)\b|n['’]t\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"(?<!the )(?<!a )(?<!its )(?<!this )(?<!their )\b(?:may|might|could|plan(?:s|ned|ning)?|expect(?:s|ed|ing)? to|intend(?:s|ed)? to|aim(?:s|ed)? to"
    r"|seek(?:s|ing)? to|want(?:s|ed)? to|discussing|negotiating|hop(?:e|es|ed|ing) to|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|propos(?:e|es|ed|ing)"
    r"|likely|possibly|potentially|reportedly|talks? to|in talks|is exploring|are exploring|explor(?:e|es|ing))\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|is set to|are set to|is due to|are due to|to be|going to|from \d{4}"
    r"|next (?:year|month|week)|by \d{4}|over the next|(?:is|are)\s+(?!being\b)\w+ing)\b|['’]ll\b",
    re.IGNORECASE,
)
_SPEECH = (r"(?:said|says|say|told|tells|announced|added|called|calls|urged|warned|declared|described|describes"
           r"|wrote|writes|argued|insisted|claimed|stated)")
# "Jane Doe said", "Jane Doe, its chair, said" is not taken: the name must be next to the verb or
# behind one comma ("Its chair, Jane Doe, called"); "said chief executive Jane Doe" skips the title.
_SPEAKER_BEFORE = re.compile(rf"((?:[A-Z][\w'’.-]+\s+){{0,3}}[A-Z][\w'’.-]+),?\s+{_SPEECH}\b")
_SPEAKER_AFTER = re.compile(rf"\b{_SPEECH}\s+(?:(?!the\b|an?\b|his\b|her\b|its\b|their\b)[a-z]+\s+){{0,3}}?((?:[A-Z][\w'’.-]+\s+){{0,3}}[A-Z][\w'’.-]+)")
_STOP = frozenset(
    """a an the this that these those he she it they we i you his her its their our in on at for of to from by
    with as after before when while if but and or so yet also however said says say told added according
    which who whom whose what where was were is are be been being has have had will would do does did
    than then there here into onto over about more most less least per new its it's not no over up out
    about against between both each other such only own same just can could may might should must
    company firm group thousand million billion trillion bn mn dollars dollar euros euro pounds pound yen
    yuan percent cent""".split()
)

Facts = dict[str, set[str]]


def _num_key(value: float) -> str:
    """A number as plain digits, six significant: 1200000000.0 -> "1200000000", 9.750 -> "9.75"."""
    rounded = float(f"{value:.6g}")
    return f"{rounded:f}".rstrip("0").rstrip(".")


def normalise_quote(text: str) -> str:
    """Lower-case, straight quotes, punctuation removed, single spaces."""
    text = text.replace("’", "'").lower()
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


def name_tokens(text: str, *, initial: bool = True) -> set[str]:
    """Lower-cased capitalised words that name someone or something (months and weekdays excluded).

    :param initial: also count a lone capitalised word that opens a sentence ("Sweden will..."),
        which may just as well be a common word ("Striking workers..."); gerunds and adverbs
        that open a sentence never count.
    """
    out: set[str] = set()
    for m in _NAME_RE.finditer(text):
        raw = re.sub(r"['’]s$", "", m.group(0)).rstrip(".")
        if "-" in raw:  # "Stockholm-based" names Stockholm; "Mensah-Barr" stays whole
            raw = "-".join(p for p in raw.split("-") if p[:1].isupper()) or raw
        word = raw.lower()
        before = text[: m.start()].rstrip(" \"'“(")
        start = not before or before[-1] in ".!?:;"
        if word in _MONTHS or word in _DAYS or word in _NOT_NAMES:
            continue
        if start and (word in _STOP or word.endswith(("ing", "ly"))):
            continue
        if start and not initial and not _NAME_RE.match(text, m.end() + 1):
            continue
        out.add(word)
    return out


def facts_of(text: str) -> Facts:
    """Return the checkable facts of a text as sets of normalised keys, by kind."""
    money = find_money(text)
    percents = find_percents(text)
    taken = [(m.start, m.end) for m in money] + [(p.start, p.end) for p in percents]
    date_keys: set[str] = set()
    periods = []
    for m in _PERIOD_RE.finditer(text):
        if m.group(1):
            date_keys.add(("q" if m.group(2).lower() == "quarter" else "h") + _ORDINALS[m.group(1).lower()])
        else:
            date_keys.add(m.group(3).lower() + m.group(4))
        periods.append(m.span())
    taken += periods
    for d in find_dates(text, _ANCHOR):
        if any(d.pos < e and s < d.endpos for s, e in periods):
            continue
        if _MONTH_RE.search(d.text) or _DAY_MONTH_RE.search(d.text):
            date_keys.add(f"{d.start:%m-%d}/{d.end:%m-%d}")
        else:
            date_keys.add(_date_words(d.text))
        taken.append((d.pos, d.endpos))
    points = set()  # a change in percentage points: "25 basis points" == "a quarter of a percentage point"
    for m in _POINTS_RE.finditer(text):
        size = float(m.group(1)) if m.group(1) else _FRACTIONS[m.group(2).lower().removeprefix("a ")]
        points.add(_num_key(size / 100 if m.group(3).lower() == "basis" else size))
        taken.append(m.span())
    numbers: set[str] = set()
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) and not re.fullmatch(r"(?:19|20)\d\d", m.group(0)):
            continue
        value = float(m.group(0).replace(",", ""))
        tail = text[m.end(): m.end() + 10].strip().lower()
        scale = next((v for k, v in _SCALES.items() if tail.startswith(k)), 1.0)
        numbers.add(_num_key(value * scale))
    numbers |= number_words(text, skip_one=True)
    named = text  # a currency word or code inside an amount ("SEK 1.2 billion") names no one
    for amount in money:
        named = named[: amount.start] + " " * (amount.end - amount.start) + named[amount.end:]
    return {
        "money": {f"{_num_key(m.amount)} {m.currency}" for m in money},
        "points": points,
        "percent": {_num_key(p.value) for p in percents},
        "date": date_keys,
        "number": numbers,
        "name": name_tokens(named),
        "actor": name_tokens(named, initial=False),
        "quote": {normalise_quote(q) for q in _QUOTE_RE.findall(text) if len(q.split()) >= 2},
    }


def _date_words(text: str) -> str:
    """A date without its preposition, article or possessive: "on Sunday's" -> "sunday"."""
    words = re.sub(r"['’]s\b", "", text.lower().rstrip(".")).replace("-", " ").split()
    return " ".join(w for w in words if w not in {"on", "by", "from", "in", "the", "of", "since", "until", "at"})


def number_words(text: str, *, skip_one: bool = False) -> set[str]:
    """Numbers spelled out in a text ("three" -> "3", "six-year" -> "6").

    :param skip_one: leave out "one", which a claim often uses as a pronoun ("one of the").
    """
    low = text.lower()
    return {_num_key(v) for w, v in _NUMBER_WORDS.items()
            if re.search(rf"\b{w}\b", low) and not (skip_one and w == "one")}


_DIGITS_RE = re.compile(r"(?<![\w.,:])\d(?:[\d,]*\d)?(?:\.\d+)?(?![\d:])")  # not a time ("6:40")
_CLAUSE_END = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|whereas|against|from|to|than)\b")


def _windows(text: str) -> list[tuple[str, set[str], set[str]]]:
    """Each number written in digits with the content words just before (two) and after (three) it,
    within its clause: ("35000", {"lost"}, {"mobil", "subsc"})."""
    out = []
    for m in _DIGITS_RE.finditer(text):
        near = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 10): m.end() + 10])
        if any(w.lower() in _MONTHS and (w.lower() != "may" or w == "May") for w in near):
            continue  # a day of a date: the date check compares it
        before_text = _CLAUSE_END.split(text[: m.start()])[-1]
        after_text = _CLAUSE_END.split(text[m.end():])[0]
        before = [w for w in re.findall(r"[a-z][a-z'-]+", before_text.lower()) if w not in _STOP and len(w) > 2]
        after = [w for w in re.findall(r"[a-z][a-z'-]+", after_text.lower()) if w not in _STOP and len(w) > 2]
        key = m.group(0).replace(",", "")
        out.append((key, {_stem(w) for w in before[-2:]}, {_stem(w) for w in after[:3]}))
    return out


def swapped_numbers(claim: str, sources: list[str]) -> set[str]:
    """Numbers of the claim that the sources give to something else ("35,000 broadband customers"
    where they say "48,000 broadband customers" and "35,000 mobile subscribers").

    A number counts as swapped when the words next to it in the claim (before or after) are next to
    another number of the claim in the sources and not next to any occurrence of its own.
    """
    theirs = [w for text in sources for w in _windows(text)]
    windows = _windows(claim)
    keys = {k for k, _, _ in windows}
    out = set()
    for key, before, after in windows:
        own = [(b, a) for k, b, a in theirs if k == key]
        if not own:
            continue
        for side, mine in ((0, before), (1, after)):
            if mine and all(o[side] and not mine & o[side] for o in own) and any(
                    mine & (b, a)[side] for k, b, a in theirs if k != key and k in keys):
                out.add(key)
    return out


def is_negated(text: str) -> bool:
    """Whether the text denies, refuses or negates what it reports."""
    return bool(_NEGATION.search(text))


# Pairs of word groups that say opposite things of the same event (a rise and a fall, a win and a loss).
_OPPOSITES = tuple(
    (re.compile(rf"\b(?:{a})\b", re.IGNORECASE), re.compile(rf"\b(?:{b})\b", re.IGNORECASE)) for a, b in (
        (r"rose|rise|rises|risen|rising|jump(?:s|ed)?|gain(?:s|ed)?|climb(?:s|ed)?|increas(?:e|es|ed|ing)"
         r"|rais(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed)|soar(?:s|ed)?|surg(?:e|es|ed)|hik(?:e|es|ed)|higher",
         r"fell|fall|falls|fallen|falling|drop(?:s|ped)?|slip(?:s|ped)?|declin(?:e|es|ed)|cut|cuts|cutting|lower(?:s|ed)?"
         r"|reduc(?:e|es|ed|ing)|eased|slow(?:s|ed)|halv(?:e|es|ed)|slash(?:es|ed)?|plung(?:e|es|ed)|tumbl(?:e|es|ed)|sank"),
        (r"acquit(?:s|ted)?|cleared|not guilty", r"convict(?:s|ed)?|(?<!not )guilty"),
        (r"voted for|vote for|votes for|backed|in favou?r", r"voted against|vote against|votes against|opposed"),
        (r"won|wins?|winning", r"lost|lose|loses|losing"),
        (r"open|opens|opened|reopen(?:s|ed)?|stay open|remain open", r"close|closes|closed|closing|shut(?:s|ting)?"),
    ))


def opposite_of(claim: str, support: str) -> str:
    """The word of ``claim`` whose opposite alone the support says ("rose" against "fell"), or ""."""
    for a, b in _OPPOSITES:
        for mine, theirs in ((a, b), (b, a)):
            said = mine.search(claim)
            other = {w.lower() for w in theirs.findall(support)} - {w.lower() for w in theirs.findall(claim)}
            if said and other and not mine.search(support):  # "rose after the cut" against "fell"
                return said.group(0)
    return ""


_POSSIBLE = re.compile(r"\b(?:may|might|could|possibly|potentially|likely|perhaps)\b", re.IGNORECASE)


def is_possible(text: str) -> bool:
    """Whether the text reports only a possibility ("may cut", "could close"), not a plan or a fact."""
    return bool(_POSSIBLE.search(text))


def is_hedged(text: str) -> bool:
    """Whether the text reports a plan, a possibility or an expectation rather than a fact."""
    return bool(_HEDGE.search(text))


_COMPLETED = re.compile(r"\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|un|ught|t)\b", re.IGNORECASE)


def is_completed(text: str) -> bool:
    """Whether the text reports something as already done ("has hired", "had cut")."""
    return bool(_COMPLETED.search(text))


def is_unrealised(text: str) -> bool:
    """Whether the text speaks of what is planned, expected or possible, not of what happened."""
    return is_hedged(text) or bool(_FUTURE.search(text))


_PLANNED_VERB = re.compile(r"\b(?:will|would|shall|to|['’]ll)\s+(?:\w+ly\s+)?([a-z]{3,})\b", re.IGNORECASE)
_FUTURE_FORM = re.compile(
    r"\b(?:will|would|shall|is to|are to|(?:is|are) (?:set|due|expected|scheduled) to|going to)\b|['’]ll\b", re.IGNORECASE)
_PAST_FORM = re.compile(r"\b[a-z]{2,}(?:ed|d)\b", re.IGNORECASE)


def _bases(past: str) -> set[str]:
    """Possible base forms of a regular past form: opened/open, hired/hire, stopped/stop, applied/apply."""
    out = {past[:-2], past[:-1]}
    if past.endswith("ied"):
        out.add(past[:-3] + "y")
    if len(past) > 4 and past[-3] == past[-4]:
        out.add(past[:-3])
    return out


def done_what_is_planned(claim: str, support: str) -> set[str]:
    """Verbs the claim puts in the past that the support only plans or announces ("will open" -> "opened").

    A future or hedged verb form in the claim itself ("will be opened", "plans to") clears it; a
    time phrase does not ("opened ... next month" is still told as done).
    """
    if is_hedged(claim) or _FUTURE_FORM.search(claim):
        return set()
    planned = {m.group(1).lower() for m in _PLANNED_VERB.finditer(support)}
    low_support = support.lower()
    out = set()
    for match in _PAST_FORM.finditer(claim):
        past = match.group(0).lower()
        if planned & _bases(past) and not re.search(rf"\b{past}\b", low_support):
            out.add(past)
    return out


def speakers(text: str) -> set[str]:
    """Name words of whoever the text quotes or reports: "Jane Doe said", "said Jane Doe"."""
    out: set[str] = set()
    for rx in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in rx.finditer(text):
            out |= name_tokens(" " + m.group(1))
    return out


def _stem(word: str) -> str:
    """Five letters after an inflection is taken off: "opened", "opens" and "open" give "open";
    "phased" and "phase" give "phas"."""
    word = re.sub(r"'s?$", "", word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and (word.endswith("e") or (word[-1] == word[-2] and word[-1] not in "aeiouls")):
        word = word[:-1]  # "phase"/"phased", "cutting"/"cut"
    return word[:5]


def content_words(text: str, *, skip: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Stemmed content words of a text: no stop words, no numbers, none of ``skip`` (names)."""
    words = re.findall(r"[a-z][a-z'-]+", text.lower().replace("’", "'"))
    return {_stem(w) for w in words if len(w) > 2 and w not in _STOP and w not in skip and w not in _MONTHS}

