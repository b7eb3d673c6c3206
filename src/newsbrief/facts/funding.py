"""Funding rounds: who raised how much, in which round, from whom, at what valuation.

Rules, applied to one sentence at a time:

1. A round needs a funding verb ("raised", "secured", "closed", "landed", "led a ... in") and
   a money amount or the word "undisclosed".
2. Plans, talks, rumours and hypotheticals ("plans to raise", "in talks", "reportedly",
   "could raise", "would need to raise") are not rounds.
3. Cumulative totals ("has raised $210 million to date", "bringing its total to ...") are not
   the amount of the round; a sentence holding only a total gives no round.
4. A valuation ("at a $3.1 billion valuation", "valuing it at", "valued at") is kept apart
   from the amount raised.
5. Statements about a group ("Indian startups raised $371 million last week") become one
   ``FundingRound(aggregate=True)`` named after the group, never a company's round.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence

from newsbrief.facts.dates import month_number
from newsbrief.facts.entities import COUNTRIES
from newsbrief.facts.money import CURRENCY_PREFIX, Money, find_money
from newsbrief.facts.names import clean_name, find_names, name_key, split_names
from newsbrief.model import FundingRound

LOGGER = logging.getLogger(__name__)

__all__ = ["drop_listed", "extract_funding", "listed_companies", "merge_funding", "round_type"]

_VERB = re.compile(
    r"\b(?:has\s+|have\s+|had\s+|just\s+)?(?:(?:raised|raises|raising|secured|secures|closed|closes|landed|lands|"
    r"snagged|snags|bagged|bags|nabbed|nabs|picked\s+up|picks\s+up|announced|announces|completed|completes|"
    r"received|receives|attracted|attracts|pulled\s+in|pulls\s+in|hauled\s+in|brought\s+in|brings\s+in|scored|scores|won|wins|"
    # whole words only: "got" is not the start of "Gothenburg"
    r"obtained|obtains|drew|draws|gets|got|was\s+awarded|has\s+been\s+awarded|collected|collects)(?!\w)|"
    # "emerged from stealth with $45 million", "launched with $8 million in seed funding"
    r"(?:emerged|emerges|came|comes)\s+(?:out\s+)?(?:of|from)\s+stealth\s+with|(?:emerged|emerges)\s+(?:on\s+\w+\s+)?with(?=\s+" + CURRENCY_PREFIX + r")|"
    # "disclosed a $27 million Series A", "added €14 million to its coffers"
    r"(?:disclosed|discloses|unveiled|unveils)\s+(?=(?:a|an)\s+(?:[^.;]|\.(?=\d)){0,30}?\b(?:round|Series\s+[A-Z]|seed|funding|financing)\b)|"
    r"(?:added|adds)\s+(?=[^.;]{0,30}?\bto\s+(?:its|their)\s+(?:coffers|war\s*chest|treasury)\b)|(?:launched|launches|debuted|debuts)\s+with|"
    r"(?:agreed|agrees|signed|signs|took\s+out|takes\s+out|arranged|arranges|struck|strikes)\s+"
    r"(?=(?:a|an)\s+(?:[^.;]|\.(?=\d)){0,40}?\b(?:loan|credit\s+(?:line|facility)|(?:debt|lending|credit|revolving)\s+facility|debt\s+(?:financing|package|deal))\b)|"
    r"(?:added|adds)\s+(?=(?:another|a\s+further|an\s+additional|a\s+fresh)\b)|"
    r"(?:extended|extends|expanded|expands|topped\s+up|tops\s+up)\s+(?=(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:round|Series\s+[A-Z]|seed)\b))",
    re.IGNORECASE,
)
# "The seed round for Orrin ... came to $2.1 million": the round is the subject
_ROUND_CAME_TO = re.compile(
    r"\b(?:round|raise|financing|Series\s+[A-Z])\b[^.;]{0,120}?\b(?P<v>(?:came|comes|amounted|amounts)\s+to|totall?ed)\s+(?=" + CURRENCY_PREFIX + r"|\d)",
    re.IGNORECASE,
)
# a verb in a background clause: "Nuro, which has raised $2 billion, is cutting jobs"
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:(?:has|have|had|previously|also|once|already)\s+)*$", re.IGNORECASE)
# a round dated in an earlier year: "raised $200 million in 2023", "Twelve years ago, X raised"
_HISTORICAL = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|many)\s+(?:years?|months?|weeks?)\s+ago\b"
    r"|\blast\s+year\b|\bback\s+in\b|\bin\s+(?:(?:early|late|mid)[- ])?(?P<year>(?:19|20)\d\d)\b"
    # a round of last week or of earlier this year is retold beside today's news, not announced
    r"|\blast\s+(?:week|month)\b|\bearlier\s+(?:this|that)\s+(?:year|month)\b",
    re.IGNORECASE,
)
# a venture firm closing its own fund is not a round: "closed its fourth fund at $650 million"
_FUND_CLOSE = re.compile(
    r"\b(?:closed|closes|raised|raises|launched|launches|announced|announces|held|holds|reached|reaches|completed)\s+"
    r"(?:a\s+(?:first|final)\s+close\s+(?:of|on)\s+)?(?:its|a|an|the|their)\s+(?:[\w$€£.,-]+\s+){0,4}?funds?\b(?!ing)"
    r"|\bFund\s+(?:[IVX]+|\d+)\b"
    # headline style, no article: "Kelp Capital closes $80m debut fund" (but not "raises $5m to fund ...")
    r"|\b(?:closed|closes|launched|launches|raised|raises)\s+[$€£][\d.,]+\s*(?:million|billion|bn|m)?\s+"
    r"(?:(?!to\b)[\w-]+\s+){0,3}?funds?\b(?!ing)"
    r"|\b(?:raised|raises|closed|closes|secured|secures)\s+(?:[^.;]|\.(?=\d)){0,40}?\b(?:for|of)\s+(?:its|a|an|their)\s+(?:[\w-]+\s+){0,3}?funds?\b(?!ing)",
)
# "extended its Series A to $30 million": the new size of the round, not the money just raised
_EXTENDED_TO = re.compile(r"\b(?:extend|expand|enlarg|upsiz)\w*\s+(?:its|the|a|their)\s+[^$€£¥₹.;]{0,30}?\bto\s+$", re.IGNORECASE)
_LATER_CLAUSE = re.compile(
    r";|,?\s+and\s+(?:(?:it|the\s+company|the\s+startup|the\s+firm)\s+)?"
    r"(?:said|says|plans?|will|would|aims?|expects?|intends?|hopes?|is\s+(?:also\s+)?planning)\b",
    re.IGNORECASE,
)
_FUNDING_WORD = re.compile(
    r"\b(?:funding|round|seed|pre-seed|Series\s+[A-Z]|financing|investment|capital|grant|"
    r"credit\s+(?:facility|line)|(?:term\s+)?loan|facility|venture\s+debt|debt|backing|backers?|invested|lent|loaned|led\s+by|co-led\s+by|investors?)\b"
    # "regulators had granted their approval": a permission, not money
    r"|\b(?:granted|awarded)\b(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:approval|permission|consent|"
    r"licen[cs]es?|leave|bail|asylum|access|status|injunction|extension|patents?|contracts?)\b)",
    re.IGNORECASE,
)
_CAPEX = re.compile(
    r"\binvest(?:ment|ing|s|ed)?\b[^.;]{0,20}?\b(?:in|into)\s+(?:a|an|its|the|new|their|\d)\b", re.IGNORECASE
)
_ROUND_WORD = re.compile(r"\b(?:round|seed|Series\s+[A-Z]|funding|financing|led\s+by|raised|raises)\b", re.IGNORECASE)
# public-market and secondary deals are not venture rounds: "Figma's IPO raised $1.2 billion"
_PUBLIC_MARKET = re.compile(
    r"\b(?:IPO|initial\s+public\s+offering|listing|flotation|bond\s+sale|share\s+sale|stock\s+sale)(?:'s|’s)?\s+(?:(?:that|which)\s+(?:has\s+|had\s+)?)?(?:raised|raises|brought)\b"
    r"|\b(?:in|through|via|from)\s+(?:its|an|a|the|their)\s+(?:[\w-]+\s+){0,3}?(?:IPO|initial\s+public\s+offering|direct\s+listing|"
    r"bond\s+(?:sale|offering|issue)|share\s+(?:sale|offering)|stock\s+(?:sale|offering)|rights\s+issue|listing|flotation)\b"
    # bonds sold by the company, not a bond market it serves ("drafts municipal bond disclosures")
    r"|\b(?:sold|sells|selling|issued|issues|issuing|priced|prices|pricing|placed|places|placing)\s+[^.;]{0,40}?\bbonds?\b|\bbonds?\s+(?:sale|issue|issuance|offering)\b"
    r"|\b(?:of|in)\s+(?:[\w-]+\s+){0,2}?bonds\b"
)
# public finance: "the spectrum auction raised $560 million for the treasury"
_PUBLIC_FINANCE = re.compile(
    r"\b(?:auction|privati[sz]ation|lottery|tender\s+offer)\b[^.;]{0,100}?\b(?:raised|raises|fetched|fetches|brought\s+in|brings\s+in)\b"
    r"|\bfor\s+the\s+(?:treasury|exchequer|state(?:'s|’s)?\s+coffers|public\s+purse|national\s+budget)\b",
    re.IGNORECASE,
)
# an intention ("plans to", "hopes to") after the funding verb is about spending the money
# ("raised $5 million, money it plans to spend on ..."), unless it takes a raising verb itself
_INTENT = re.compile(
    r"\b(?:plans?\s+to|planning\s+to|seeking|seeks?\s+to|looking\s+to|aims?\s+to|hopes?\s+to|hoping\s+to|wants?\s+to|"
    r"intends?\s+to|expects?\s+to|could|would|may|might|needs?\s+to|would\s+need)\s+",
    re.IGNORECASE,
)
_RAISE_NEXT = re.compile(
    r"(?:\w+\s+){0,2}?(?:raise|raising|secure|close|land|line\s+up|bring\s+in|attract|get|obtain|tap|borrow|add)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:in\s+talks|talks\s+to|is\s+said\s+to|are\s+said\s+to|reportedly(?!\s+(?:raised|closed|secured|landed|completed)\b)|"
    r"rumou?red|rumou?rs?|people\s+familiar|sources\s+said|if\s+it\s+(?:goes|raises)|is\s+raising|"
    r"to\s+be\s+raising|in\s+discussions|contemplated|term\s+sheet|non-(?:legally\s+)?binding|if\s+(?:(?:[\w-]+\s+){1,3}?(?:is|are)\s+)?completed)\b",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+raised\s+since|to\s+date|in\s+total|so\s+far|since\s+(?:its\s+)?(?:founding|launch|inception)|"
    r"(?:total|overall)\s+(?:funding|raised|capital)|more\s+than\s+\$[\d.]+\s*\w+\s+since|"
    # money gathered over a stated period: "In the period from Jan. 1, 2011 to June 30, 2015, X raised"
    r"in\s+the\s+period\s+(?:from|between|since)|from\s+\w+\.?\s+\d{1,2},\s+\d{4},?\s+(?:to|through|until)\s+\w+\.?\s+\d{1,2})\b",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(
    # "bringing its total to", "brings Netskope's total amount of funding raised to"
    r"\b(?:total|totals|totaling|totalling|(?:bring|tak|lift|push|boost)(?:ing|es|s)\s+(?:[\w'’]+\s+){2,7}?to)\b[^$€£¥₹]{0,30}$",
    re.IGNORECASE,
)
_VALUATION_BEFORE = re.compile(
    r"(?:valu(?:ing|ed|es|ation)|values?\s+(?:it|the\s+\w+|\w+)|valuing\s+(?:it|the\s+\w+(?:\s+\w+)?))"
    r"[^$€£¥₹]{0,25}$|valuation\s+of\s+(?:about\s+|nearly\s+|roughly\s+|more\s+than\s+|over\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)
_VALUATION_AFTER = re.compile(r"^\s*(?:(?:post|pre)-money\s+)?valuation", re.IGNORECASE)
# lower-case plurals only: "Index Ventures" is an investor, "ventures" a group
_AGGREGATE_SUBJ = re.compile(
    r"\b(?:[Ss]tartups|[Ss]tart-ups|[a-z]*techs|companies|firms|founders|businesses|ventures|unicorns|sector|industry|"
    r"[Vv]enture\s+funding|VC\s+funding|[Ff]unding\s+for|[Ii]nvestors\s+poured|deals)\b"
)
_AGG_VERB = re.compile(
    r"\b(?:poured|invested|put)\b[^.]*?\binto\b|\btotal(?:ed|led|s)?\b|\ba\s+combined\b|\bcollectively\b", re.IGNORECASE
)
_LED_BY = re.compile(
    r"\b(?:co-)?led\s+by\s+(?P<who>.+?)(?=,|;|\.(?:\s|$)|\s+(?:with|at|on|in|to|which|who|as|alongside|valuing|bringing)\b|$)",
    re.IGNORECASE,
)
_X_LED = re.compile(
    r"(?P<who>(?:[A-Z][\w&.'’-]*|a16z)(?:\s+(?:and\s+)?(?:[A-Z][\w&.'’-]*|a16z))*)\s+(?:had\s+|has\s+)?(?:co-)?led\s+"
    r"(?:a|an|the|(?P<its>its|their))\b"
)
# "The Series B round in Cobway ... was co-led by Marigold Ventures": the round is the subject
_PASSIVE_LED = re.compile(r"\b(?:was|were|is|has\s+been)\s+(?:co-)?led\s+by\b", re.IGNORECASE)
# "Kiranaflow ... said on Sunday that Ashoka Crest Capital had led its ... Series B": the speaker owns the round
_SAID_THAT = re.compile(r"\b(?:said|says|announced|confirmed)\b(?:\s+on\s+\w+)?\s+that\s+$", re.IGNORECASE)
# a money amount that is a loan or a grant beside an equity round: "a $200 million debt facility with
# a bank, alongside a $40 million Series C"
_NON_EQUITY_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:debt|credit|loan|grant|facility|lending|bonds?)\b", re.IGNORECASE
)
_EQUITY_NEAR = re.compile(
    r"^\s*(?:in\s+|of\s+)?(?:a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:round|seed|pre-seed|Series\s+[A-Z]|equity|funding|financing)\b",
    re.IGNORECASE,
)
# a leading adverbial before the subject: "In one of the last deals of the year, Petrel Vision raised"
_LEAD_ADVERBIAL = re.compile(
    r"^(?:In|On|At|For|After|Amid|Among|During|As|With)\b[^,]{0,80},\s*(?=[A-Z])"
)
# the clause a round is told in ends at a semicolon or at background after it ("..., up from $700
# million in 2024", "..., its largest round since the company was spun out in 2019")
_CLAUSE_END = re.compile(
    r";|\s+[-–—]\s+|,\s+(?:up|down)\s+from\b|,\s+(?:its|their|the\s+company's|which|after|since)\b", re.IGNORECASE
)
_PARTICIPATION = re.compile(
    r"\b(?:with\s+participation\s+from|participation\s+from|alongside|"
    r"from(?:\s+(?:investors|backers)\s+(?:including|like|such\s+as))?|backed\s+by|"
    r"(?:[Ii]nvestors|[Bb]ackers)\s+(?:including|like|such\s+as))\s+"
    r"(?P<who>(?:[A-Z]|a16z|existing)[^.;]*?)(?=,\s+(?:which|who|valuing|bringing|the)|;|\.(?:\s|$)|\s+(?:to|at|in|on|as|which|valuing|bringing)\s|$)",
)
_INVEST_INTO = re.compile(
    r"\b(?:put|puts|invested|invests|poured|pours|injected|injects|pumped|pumps)\s+(?:a\s+(?:further|combined)\s+)?"
    r"" + CURRENCY_PREFIX + r"[^,;]{0,25}?\s+(?:into|in)\s+(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)"
)
# "Nabla Bio's $26 million Series A was led by ..."
_POSSESSIVE_ROUND = re.compile(
    r"(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.-]*(?:\s+[A-Z][\w&.-]*)*)(?:'s|’s|'|’)\s+(?:" + CURRENCY_PREFIX + r"[^,;]{0,20}?\s+)?"
    r"(?:(?:pre-)?seed\s+round|Series\s+[A-Z]\b|funding\s+round|financing\s+round|(?<=\s)round|raise)"
)
# "The investment ... gives Rooster a valuation of $600 million."
_GIVES_VALUATION = re.compile(
    r"\b(?:gives|giving|gave|values|valuing|valued)\s+(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+"
    r"(?:a\s+(?:post-money\s+|pre-money\s+)?valuation|at)\b"
)
_ROUND_IN = re.compile(
    r"\b(?:round|Series\s+[A-Z]|seed|funding|investment|financing)\s+(?:in|for|into)\s+(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)"
)
# "the foundation awarded a $2.75 million grant to Tessaly": the receiver follows "to"
_AWARDED_TO = re.compile(
    r"\b(?:awarded|awards|awarding|granted|grants|granting|gave|gives|given|giving|made|makes|extended|extends|provided|provides|approved|approves)\s+"
    r"(?:a|an)\s+(?:[^.;]|\.(?=\d)){0,40}?\b(?:grant|loan|award|investment|credit\s+line|facility|funding)\s+(?:on\s+\w+\s+)?to\s+"
    r"(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)"
)
# "the foundation has granted $900,000 to Pebbleworth": money handed straight to a receiver
_GRANTED_MONEY_TO = re.compile(
    r"\b(?:awarded|granted|gave|given|lent|loaned)\s+(?:" + CURRENCY_PREFIX + r")[\d.,]+(?:\s?(?:million|billion|m|bn|k))?\s+to\s+"
    r"(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)"
)
_AWARDED = re.compile(
    r"\b(?:awarded|gave|granted|handed)\s+(?P<name>(?:[A-Z]|[a-z]{1,3}[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?:a|an)\b"
)
_SUBJECT_TAIL = re.compile(
    r"(?:,?\s*(?:said|says|announced|announces|confirmed|confirms|revealed|reveals)(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:it|they)\s*)$"
    r"|(?:\s+(?:has|have|had|just|also|now|recently))+\s*$",
    re.IGNORECASE,
)
_SERIES = re.compile(r"\bSeries\s+(?P<l>[A-Z])(?:\d|\+)?\b")


def _is_seed_round(sentence: str, m: re.Match[str]) -> bool:
    """"seed" names the round unless it is a word of an investor's name ("Bosporus Seed joined")."""
    if m.group(0) == "seed" or m.start() == 0:
        return True
    if re.match(r"\s+(?:round|funding|financing|investment|stage|capital|money|extension)\b", sentence[m.end() :], re.IGNORECASE):
        return True
    return not re.search(r"[A-Z][\w&'’-]*\s+$", sentence[: m.start()])


def round_type(sentence: str) -> str:
    """Return the round named in a sentence: pre-seed, seed, series a..k, growth, debt, grant or "".

    :param sentence: one sentence about a round.
    """
    if re.search(r"\bpre[- ]seed\b", sentence, re.IGNORECASE):
        return "pre-seed"
    m = _SERIES.search(sentence)
    if m:
        return f"series {m.group('l').lower()}"
    if any(_is_seed_round(sentence, m) for m in re.finditer(r"\bseed\b", sentence, re.IGNORECASE)):
        return "seed"
    if re.search(r"\bgrowth(?:[- ]stage)?\s+(?:round|equity|funding|investment)\b", sentence, re.IGNORECASE):
        return "growth"
    if re.search(r"\b(?:debt|credit\s+(?:facility|line)|loan|notes\s+offering)\b", sentence, re.IGNORECASE):
        return "debt"
    if re.search(r"\bgrant(?:s|ed)?\b", sentence, re.IGNORECASE):
        return "grant"  # "won a $2 million grant", "the foundation granted $900,000 to ..."
    return ""


def _classify_money(sentence: str, amounts: Sequence[Money]) -> tuple[Money | None, Money | None]:
    """Split the amounts of a sentence into (amount raised, valuation); totals are dropped."""
    raised: Money | None = None
    valuation: Money | None = None
    new_size = [m for m in amounts if _EXTENDED_TO.search(sentence[max(0, m.start - 60) : m.start])]
    if new_size and len(amounts) > len(new_size):
        amounts = [m for m in amounts if m not in new_size]
    for m in amounts:
        before = sentence[max(0, m.start - 90) : m.start]
        after = sentence[m.end : m.end + 25]
        if _VALUATION_AFTER.search(after) or _VALUATION_BEFORE.search(before):
            valuation = valuation or m
        elif (
            _TOTAL_BEFORE.search(before)
            and not re.search(r"\b(?:round|Series\s+[A-Z]|financing|raise)\b[^.;$€£]{0,40}\b(?:which|that)\s+totals?\s*$", before)
        ) or re.match(r"\s+(?:to\s+date|in\s+total|so\s+far)", after):
            continue
        elif _NOT_FUNDING_AFTER.match(after):
            continue  # "won a £220 million contract", "a $30 million settlement"
        elif raised is None:
            raised = m
        elif _NON_EQUITY_AFTER.match(sentence[raised.end : raised.end + 30]) and _EQUITY_NEAR.match(after):
            raised = m  # the equity round beside a loan or grant told first
    return raised, valuation


_NOT_FUNDING_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:contracts?|orders?|tenders?|settlement|settle|fines?|penalty|penalties|damages|restitution|"
    # the cost of a project, not money raised: "a $1.4 billion resort project remains stalled"
    r"projects?|developments?|resort|stadium|complex|budget|programme|program|revenues?|sales|profits?|"
    r"acquisition|takeover|purchase|buyout|deal\s+to\s+(?:buy|sell|supply|acquire)|"
    # money that is not a company's equity round: "a $4,000 scholarship", "a $12.34 coupon", "a $45 price target"
    r"scholarships?|bursary|bursaries|prizes?|awards?|coupons?|rebates?|discounts?|vouchers?|(?:price\s+)?targets?|"
    r"per\s+share|a\s+share|dividends?|salary|salaries|bonus(?:es)?|fee|fees|tickets?)\b",
    re.IGNORECASE,
)


def _side_money(sentence: str, amounts: Sequence[Money], raised: Money | None) -> Money | None:
    """A loan or grant told before the equity round of the same sentence: a second round of its own."""
    if raised is None:
        return None
    for m in amounts:
        if m.start < raised.start and _NON_EQUITY_AFTER.match(sentence[m.end : m.end + 30]):
            return m
        # "raised $32 million in a Series A and, separately, won a $4 million grant": a second verb
        # of its own takes a loan or grant told after the round
        if (
            m.start > raised.end
            and _NON_EQUITY_AFTER.match(sentence[m.end : m.end + 30])
            and _VERB.search(sentence[raised.end : m.start])
            and not _NOT_FUNDING_AFTER.match(sentence[m.end : m.end + 30])
        ):
            return m
    return None


def _company_from_subject(prefix: str) -> str:
    prefix = _SUBJECT_TAIL.sub("", prefix.rstrip())
    prefix = _SUBJECT_TAIL.sub("", prefix.rstrip())
    names = find_names(prefix)
    if not names:
        return ""
    head = re.match(r"(?P<head>[^,]*),", prefix)
    if head and _apposition(prefix[head.end("head") :]) and not any(n.end <= head.end("head") for n in names):
        return ""  # "The startup, founded in 2021 by former Google engineers, raised": no name given
    # "Lumora, a Lisbon-based maker of ..., raised": the name before the apposition
    for first in names:
        if _apposition(prefix[first.end :]):
            return clean_name(first.text)
    last = names[-1]
    if prefix[last.end :].strip(" ,"):
        # the name is not next to the verb ("... startup said it ..."): still the best guess
        LOGGER.debug("facts: loose funding subject %r", prefix)
    return clean_name(last.text)


def _apposition(rest: str) -> bool:
    return bool(re.match(
        r"\s*,\s*(?:a|an|the|which|who|whose|one|maker|developer|provider|based|founded|co-founded|spun|backed|"
        r"headquartered|launched|created|started|set\s+up|incubated|owned|known|formerly|now|part)\b",
        rest,
    ))


_MONTH_ONLY = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Bb]ack\s+in)\s+(?:(?:early|late|mid)[- ])?(?P<next>next\s+)?"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
)


def _past_month(text: str, published: dt.date) -> bool:
    """A bare month named in ``text`` that lies more than a month before ``published``."""
    for mm in _MONTH_ONLY.finditer(text):
        month = month_number(mm.group("m"))
        if month < published.month - 1 or (month > published.month and not mm.group("next")):
            return True
    return False


def _historical(sentence: str, published: dt.date | None, verb_start: int) -> bool:
    """A time marker after the funding verb, or heading the sentence ("Years ago, X raised ...").

    One inside an apposition ("X, founded last year, has raised ...") dates something else.
    """
    lead = re.match(r"[^,]*,", sentence[:verb_start])
    end = _CLAUSE_END.search(sentence, verb_start)
    sentence = sentence[: end.start()] if end else sentence
    if published is not None:
        # "In March, X closed a Series A" in a July paper: a month gone by, told as background
        for mm in _MONTH_ONLY.finditer(sentence):
            if mm.start() >= verb_start and not (lead and mm.end() <= lead.end()) and mm.start() > verb_start + 80:
                continue
            if _past_month(mm.group(0), published):
                return True
    for m in _HISTORICAL.finditer(sentence):
        if m.start() < verb_start and not (lead and m.end() <= lead.end() and sentence.count(",", 0, verb_start) == 1):
            continue
        if not m.group("year"):
            return True
        if published is not None and int(m.group("year")) < published.year:
            return True
    return False


def _round_clause(sentence: str, pos: int) -> str:
    """The semicolon-delimited clause holding ``pos`` (a total "to date" in another clause is background)."""
    start = sentence.rfind(";", 0, pos) + 1
    end = sentence.find(";", pos)
    return sentence[start : end if end >= 0 else len(sentence)]


def _investors(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    leads: list[str] = []
    for m in _LED_BY.finditer(sentence):
        leads.extend(split_names(re.sub(r"\s+(?:and|or)\s*$", "", m.group("who"))))
    m2 = _X_LED.search(sentence)
    if m2 and not leads:
        leads.extend(split_names(m2.group("who")))
    others: list[str] = []
    for m in _PARTICIPATION.finditer(sentence):
        others.extend(n for n in split_names(m.group("who")) if n not in leads and n[:1].isalpha())
    return tuple(dict.fromkeys(leads)), tuple(dict.fromkeys(others))


# a sentence-initial adverbial or participial phrase: background to the main clause
_BACKGROUND_LEAD = re.compile(
    r"^(?:(?:[\w-]+\s+){0,3}?(?:after|before|following)\b|(?:In|On|At|For|After|Before|Amid|Among|During|As|With|"
    r"Despite|Unlike|Like|Following|Fresh\s+(?:off|from)|Having)\b|[A-Z][a-z]+ing\b)"
    r"[^,;]{0,140},\s*(?=(?:[A-Z]|[a-z]{1,3}[A-Z]))"
)


def extract_funding(sentence: str, *, published: dt.date | None = None, article_id: str = "") -> list[FundingRound]:
    """Return the funding rounds (or aggregate funding statements) stated in one sentence.

    A leading background phrase ("Three years after a $2 million seed round, ...", "Having raised
    $41 million, ...") is set aside when the main clause states a round of its own.

    :param sentence: one sentence.
    :param published: publication date of the article, used as the round's date.
    :param article_id: id of the article the sentence comes from.
    """
    lead = _BACKGROUND_LEAD.match(sentence)
    if lead is not None and published is not None and _past_month(sentence[: lead.end()], published):
        return []  # "In March, X closed a Series A; on Wednesday it announced ...": an old round retold
    if lead is not None:
        main = _extract_funding(sentence[lead.end() :], published=published, article_id=article_id)
        if main and not any(r.aggregate for r in main):
            return [dataclasses.replace(r, sentence=sentence) for r in main]
        if (
            not main
            and _TIME_AFTER_LEAD.match(sentence)
            and find_money(sentence[: lead.end()])
            and not find_money(sentence[lead.end() :])
        ):
            return []  # "Eleven months after it raised $35 million, X hired a CFO": the round is background
    side = _background_money_clause(sentence)
    if side is not None:
        # "X, which took $800,000 in pre-seed money last year, has raised a $4 million seed round":
        # the money in the side clause is an earlier round (or revenue), the main clause tells the news
        main = _extract_funding(sentence[: side[0]] + sentence[side[1] :], published=published, article_id=article_id)
        if main:
            return [dataclasses.replace(r, sentence=sentence) for r in main]
    rounds = _extract_funding(sentence, published=published, article_id=article_id)
    contrast = _CONTRAST_CLAUSE.search(sentence)
    if contrast is not None and rounds:
        # "X has raised $1.2 billion ..., while its rival Y has raised $3 billion": a round in each clause
        first = _extract_funding(sentence[: contrast.start()], published=published, article_id=article_id)
        rest = sentence[contrast.end() :]
        # the second clause must tell a raise of its own, not value the first ("; the round values X at ...")
        second = (
            _extract_funding(rest, published=published, article_id=article_id)
            if re.search(r"\b(?:raised|raises|has\s+raised|secured|closed|landed)\b", rest, re.IGNORECASE)
            else []
        )
        if first and second and not any(r.aggregate for r in first + second):
            return [dataclasses.replace(r, sentence=sentence) for r in first + second]
    return rounds


# a second clause set against the first: "..., while its rival has raised ...", "...; Y raised ..."
_CONTRAST_CLAUSE = re.compile(r",\s+(?:while|whereas)\s+|;\s+")


# "Eleven months after", "Two years after", "Shortly after", "Having", "Since": a lead that dates a past act
_TIME_AFTER_LEAD = re.compile(
    r"^(?:(?:[\w-]+\s+){0,3}?(?:after|since|following)\b|Having\b|Since\b|Following\b)", re.IGNORECASE
)
# a comma-delimited side clause about the subject ("..., which took ...,", "..., whose revenue doubled to ...,",
# "..., the London payroll platform that took ...,") holding money of its own
_SIDE_CLAUSE = re.compile(
    r",\s*(?:(?:the|a|an)\s+[^,;]{0,60}?\s+)?(?:which|that|whose|who)\s+(?:[^,;]|,(?=\d))*?,(?!\d)"
)


_MAIN_VERB_NEXT = re.compile(
    r"\s*(?:(?:has|have|had|now|just|also|recently|on\s+\w+)\s+)*(?:has|have|had|said|says|announced|announces|"
    r"raised|raises|secured|secures|closed|closes|landed|lands|collected|collects|received|receives|took|takes|"
    r"won|wins|got|gets|drew|draws|added|adds|completed|completes|is|are|was|were)\b",
    re.IGNORECASE,
)


def _background_money_clause(sentence: str) -> tuple[int, int] | None:
    """The span of a side clause with money, when money is also told outside it."""
    for m in _SIDE_CLAUSE.finditer(sentence):
        if not _MAIN_VERB_NEXT.match(sentence, m.end()):
            continue  # "..., which has raised $95 million to date, including a new $40 million round": one clause
        inside = find_money(m.group(0))
        later = find_money(sentence[m.end() :])
        if inside and later and not find_money(sentence[: m.start()]):
            return m.start(), m.end() - 1
    return None


# a participle that qualifies a debt noun is an adjective, not the verb of a raise: "Senior Secured Loan
# facility of US$350 million", "the secured notes"
_ADJECTIVE_BEFORE_DEBT = re.compile(
    r"\s+(?:(?:term|revolving|bridge)\s+)?(?:loans?|notes|debt|credit|facilit(?:y|ies)|bonds?|lenders?|creditors?|debentures?)\b",
    re.IGNORECASE,
)

_QUALIFIER_BEFORE = re.compile(r"\b(?:senior|junior|first-lien|second-lien|the|a|an|its|their|of|fully|partially)\s+$", re.IGNORECASE)


def _funding_verb(sentence: str, start: int = 0) -> re.Match[str] | None:
    """The first funding verb of ``sentence`` at or after ``start`` that is used as a verb."""
    for m in _VERB.finditer(sentence, start):
        if not (_ADJECTIVE_BEFORE_DEBT.match(sentence, m.end()) and _QUALIFIER_BEFORE.search(sentence, 0, m.start())):
            return m
    return None


_NAMED_ROUND_NEXT = re.compile(
    r"\s+(?:a|an|its|their|the)\s+(?:(?:significant|new|first|second|third|latest|oversubscribed|strategic|major|substantial)\s+)?"
    r"(?:(?:Series\s+[A-H]\d?|seed|pre-seed|angel)(?:\s+(?:funding|financing|investment))?\s+round|Series\s+[A-H]\d?\b(?!\s+(?:shares|stock|notes|bonds))|"
    r"capital\s+raise|(?:funding|financing|investment)\s+round|round\s+of\s+(?:funding|financing|investment))\b",
    re.IGNORECASE,
)


_NAMED_ROUND_VERB = re.compile(r"(?:closed|closes|completed|completes|raised|raises|secured|secures|announced|announces)\b",
                               re.IGNORECASE)


def _named_round_verb(sentence: str, start: int) -> re.Match[str] | None:
    """The first funding verb at or after ``start`` that a named round follows ("closed a Series A round")."""
    for m in _VERB.finditer(sentence, start):
        if _NAMED_ROUND_VERB.match(m.group(0).split()[-1]) and _NAMED_ROUND_NEXT.match(sentence, m.end()):
            return m
    return None


def _extract_funding(sentence: str, *, published: dt.date | None = None, article_id: str = "") -> list[FundingRound]:
    if _CAPEX.search(sentence) and not _ROUND_WORD.search(sentence):
        return []  # "a $10 billion investment in a new data center" is spending, not funding
    verb = _funding_verb(sentence)
    x_led = _X_LED.search(sentence)
    awarded = (
        _AWARDED_TO.search(sentence)
        or _GRANTED_MONEY_TO.search(sentence)
        or _AWARDED.search(sentence)
        or _INVEST_INTO.search(sentence)
        or _POSSESSIVE_ROUND.search(sentence)
        or _GIVES_VALUATION.search(sentence)
    )
    came = None
    passive = None
    if verb is None and x_led is None and awarded is None:
        passive = _PASSIVE_LED.search(sentence)
        if passive is not None and _ROUND_IN.search(sentence[: passive.start()]) is not None:
            verb = passive
        else:
            passive = None
    if verb is None and x_led is None and awarded is None:
        came = _ROUND_CAME_TO.search(sentence)
        if came is not None:
            verb = re.compile(re.escape(came.group("v"))).search(sentence, came.start("v"))
    if verb is None and x_led is None and awarded is None and not _AGG_VERB.search(sentence):
        return []
    # a plan stated in a later clause ("raised $5 million; it plans to hire ...") leaves the round done
    first = sentence
    if verb is not None:
        later = _LATER_CLAUSE.search(sentence, verb.end())
        first = sentence[: later.start()] if later else sentence
    if _NOT_DONE.search(first) or _PUBLIC_MARKET.search(sentence) or _FUND_CLOSE.search(sentence) or _PUBLIC_FINANCE.search(sentence):
        return []
    for m in _INTENT.finditer(first):
        if verb is None or m.start() < verb.start() or _RAISE_NEXT.match(first, m.end()):
            return []
    relative_round = (
        verb is not None
        and re.search(r",\s*(?:which|who)\s+$", sentence[: verb.start()]) is not None
        and re.match(r"(?:raised|secured|closed|landed)\b", verb.group(0), re.IGNORECASE) is not None
        and re.search(r"\b(?:led\s+by|Series\s+[A-Z]|seed\s+round|pre-seed)\b", sentence[verb.end() :]) is not None
        and re.search(r",\s+(?:is|are|was|were|has|have|had|will|would|said|says|plans?|[a-z]+ed)\b", sentence[verb.end() :]) is None
    )
    if relative_round and verb is not None:
        # "..., chief executive of Tidemark, which raised $21 million in a Series A led by ...": the
        # clause closes the sentence and tells the round, it is not background to other news
        names = [n for n in find_names(sentence[: verb.start()]) if not sentence[n.end : verb.start()].strip(" ,").split()[1:]]
        if names:
            subject_name = clean_name(names[-1].text)
        else:
            relative_round = False
    if verb is not None and not relative_round and _RELATIVE_BEFORE.search(sentence[: verb.start()]):
        # the raise is background to another piece of news; a later verb may still state a round
        later = _funding_verb(sentence, verb.end())
        verb = later if later is not None and not _RELATIVE_BEFORE.search(sentence[: later.start()]) else None
        if verb is None and x_led is None and awarded is None:
            return []

    amounts = find_money(sentence)
    # "closed a Series A round led by ...", "completed a significant capital raise": a named round with no
    # amount told is a round of undisclosed size
    named = _named_round_verb(sentence, verb.start()) if not amounts and verb is not None else None
    if named is not None:
        verb = named  # "... announced today that Measure completed a capital raise": the round's own verb
    undisclosed = named is not None or re.search(r"\bundisclosed\b", sentence, re.IGNORECASE) is not None
    if not amounts and not undisclosed:
        return []
    # "raised $5 million" is enough; "raised its forecast to $2 billion" is not
    money_next = verb is not None and re.match(
        r"\s*(?:a\s+|an\s+|another\s+|a\s+further\s+|an\s+additional\s+|fresh\s+|new\s+)?(?:" + CURRENCY_PREFIX + r"|\d)",
        sentence[verb.end() :],
    )
    if not _FUNDING_WORD.search(sentence) and not money_next:
        return []
    raised, valuation = _classify_money(sentence, amounts)
    if raised is None and not undisclosed:
        return []
    told = _round_clause(sentence, raised.start if raised else 0)
    if _CUMULATIVE.search(told) and not re.search(
        r"\b(?:bring|tak|lift|push|boost)(?:ing|es|s)\s+(?:its|their|the)\b", sentence, re.IGNORECASE
    ):
        return []
    ids = (article_id,) if article_id else ()
    anchor = verb.start() if verb else x_led.start() if x_led else awarded.start() if awarded else len(sentence)
    subject = _LEAD_ADVERBIAL.sub("", sentence[:anchor])
    into = re.search(r"\binto\s+(?P<g>[^,.;]+)", sentence[awarded.start() :]) if awarded is not None else None
    group_target = into is not None and _AGGREGATE_SUBJ.search(into.group("g")) is not None
    if (
        # "Atlasbyte, which sells software to small businesses, raised": the apposition is no group
        _AGGREGATE_SUBJ.search(subject.split(",")[0])
        or group_target
        or (verb is None and awarded is None and _AGG_VERB.search(sentence))
    ):
        group = re.sub(r"^(?:The|the)\s+", "", subject.strip(" ,"))
        if verb is None or group_target:
            into = re.search(r"\binto\s+(?P<g>[^,.;]+?)(?=\s+(?:in|last|this|during|over)\b|[,.;]|$)", sentence)
            group = into.group("g") if into else group
        return [
            FundingRound(
                company=group.strip(),
                amount=raised.amount if raised else None,
                currency=raised.currency if raised else "",
                round="",
                article_ids=ids,
                sentence=sentence,
                date=published,
                aggregate=True,
            )
        ]
    if _historical(sentence, published, verb.start() if verb is not None else anchor):
        return []  # an old round retold as background ("raised $200 million in 2023 before ...")
    company = ""
    m_in = _ROUND_IN.search(sentence)
    # "X said that Y had led its / a ... round in the company": the speaker owns the round
    owns = x_led is not None and (
        x_led.group("its")
        or re.search(r"\b(?:in|into|for)\s+(?:the\s+(?:company|start-?up|firm|business)|it)\b", sentence[x_led.end() :])
    )
    said = _SAID_THAT.search(sentence[: x_led.start()]) if owns and x_led is not None else None
    if relative_round:
        company = subject_name
    elif (came is not None or passive is not None) and m_in:
        company = clean_name(m_in.group("name"))  # "The Series A for Pellucid ... came to $11 million"
    elif awarded:
        company = clean_name(awarded.group("name"))
    elif x_led and (verb is None or x_led.start() < verb.start()) and m_in:
        company = clean_name(m_in.group("name"))
    elif said is not None and x_led is not None and (verb is None or x_led.start() < verb.start()):
        company = _company_from_subject(_LEAD_ADVERBIAL.sub("", sentence[: said.start()]))
    elif verb is not None:
        company = _company_from_subject(subject)
    if not company and m_in:
        company = clean_name(m_in.group("name"))
    if not company:
        return []
    company = re.sub(r"^(?:[A-Z][\w'’.-]*\s+)?[A-Z][\w'’.]*-based\s+(?=[A-Z])", "", company)  # "Cardiff-based Slatepoint" -> "Slatepoint"
    if name_key(company) in COUNTRIES or re.search(r"\b(?:government|treasury|republic|kingdom)\b", company, re.IGNORECASE):
        return []  # "approved a $300 million loan to <country>": a sovereign loan, not a company round
    if re.match(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s", company):
        return []  # "Mr Tanaka received ... of the loan": a person, not a company raising a round
    if not _is_name(company):
        return []  # "North Griffin investment has totaled ...", "Additionally": a phrase, not a company's name
    if _NOT_INVESTMENT.search(sentence) or _LENDERS_BOOK.search(sentence) or _RATING_VIEW.search(sentence):
        return []  # a prize, a stock's close, a lender's loans, a rating's assumption: money that buys no stake
    if re.search(rf"[‘'\"“]{re.escape(company)}[’'\"”]", sentence[:anchor]):
        return []  # "Plastics 'Miracle Maker' Gets $12M": an epithet in quotation marks, not a company's name
    if _NEWS_SECTION.search(company):
        return []  # "Courier Business received $3.1 million ...": a newspaper's desk, not a company raising money
    leads, others = _investors(sentence)
    leads = tuple(n for n in leads if name_key(n) != name_key(company))
    side = _side_money(sentence, amounts, raised)
    if side is not None and (
        (verb is not None and side.start < verb.end())
        or _HISTORICAL.search(sentence[side.end : side.end + 60])
    ):
        side = None  # a loan told as background ("which took a $5 million loan last year, raised ...")
    extra: list[FundingRound] = []
    if side is not None:
        kind = round_type(sentence[side.end : side.end + 30])
        extra.append(
            FundingRound(
                company=company,
                amount=side.amount,
                currency=side.currency,
                round=kind if kind in ("debt", "grant") else "",
                article_ids=ids,
                sentence=sentence,
                date=published,
            )
        )
    return extra + [
        FundingRound(
            company=company,
            amount=raised.amount if raised else None,
            currency=raised.currency if raised else "",
            round=round_type(
                sentence if side is None else sentence[side.end :] if raised is None or side.start < raised.start
                else sentence[: side.start]
            ),
            article_ids=ids,
            sentence=sentence,
            lead_investors=leads,
            investors=others,
            valuation=valuation.amount if valuation else None,
            date=published,
        )
    ]


# the small words a company's name may hold ("Bank of America", "Marks & Spencer", "Dell Technologies")
_NAME_LINKS = {"of", "and", "&", "de", "du", "la", "le", "the", "for", "von", "van", "der", "y", "e", "del", "da"}
_MAX_NAME_WORDS = 6
_LEAD_ADVERB = re.compile(
    r"(?:Additionally|Meanwhile|However|Also|Moreover|Furthermore|Separately|Earlier|Later|Today|Yesterday|Now|Then|Still|Last|This|That|It|They)$"
)


def _is_name(company: str) -> bool:
    """True for a name ("Kitchen Labs", "Bank of Ireland"), not a phrase or a clause.

    A name has at most six words, starts with a capital or a digit, and its lower-case words are the
    links of names ("of", "and", "&"); "North Griffin investment has totaled approximately" and a
    sentence adverb ("Additionally") are no names.
    """
    words = company.split()
    if not words or len(words) > _MAX_NAME_WORDS or _LEAD_ADVERB.fullmatch(company):
        return False
    if not re.match(r"[A-Z0-9$]", words[0]) and not re.match(r"[a-z]+[A-Z]", words[0]):  # "eBay", "iZettle"
        return False
    return all(not re.fullmatch(r"[a-z]+", w) or w in _NAME_LINKS for w in words[1:])


# money that buys no stake: winnings, gifts and charity, a share's price, benefits, a shop's credit,
# project finance
_NOT_INVESTMENT = re.compile(
    r"\b(?:lott(?:o|ery)|jackpot|sweepstakes?|raffle|prize\s+(?:money|draw)|(?:Duty\s+Free|lucky|millionaire|prize)\s+(?:[\w-]+\s+){0,2}?draw|"
    # a player's winnings: "claiming £46,000 as runner-up", "a US$5000 bonus", "the winner's purse"
    r"as\s+(?:runner-up|winner|champion)|winnings|purse|sign-?on\s+bonus|"
    r"charitable\s+(?:donation|gift|contribution)s?|(?:for|to)\s+(?:a\s+|the\s+)?charit(?:y|ies)|donations?|fundraisers?|fundraising\s+(?:target|goal|event|campaign|drive|dinner|appeal|total)|raised\s+[^.;]{0,40}?\bfor\s+(?:the\s+)?(?:victims|families|charity|cancer|research\s+into)|"
    r"closed\s+(?:out\s+)?(?:the\s+(?:day|session)\s+|today\s+|\w+day\s+){0,2}(?:at|up|down|higher|lower)(?=\s)|(?:stock|shares?)\s+(?:last\s+)?(?:traded|closed|opened)\b|"
    r"price\s+target|target\s+price|"
    # an auction's result: "provisional winning price of Rs 1,156 crore against a reserve price of ..."
    r"(?:winning|reserve)\s+(?:prices?|bids?)|"
    # a mine's or a plant's construction loan: project finance, not a round in the company
    r"(?:construction|project)\s+(?:financing|finance|loans?)|"
    # a company's bank borrowing: "announces conclusion of USD 300 million Term Loan"
    r"term\s+loans?|revolving\s+(?:credit|loan)|"
    # a court's award: "won a $119.6 million jury verdict against ...", "was awarded $2m in damages"
    r"(?:jury\s+)?verdicts?|(?:in|for)\s+(?:punitive\s+|compensatory\s+)?damages|judgment\s+against|"
    # a food drive's or a charity event's takings: "raised 11,376 pounds of food and $100,006"
    r"pounds\s+of\s+food|food\s+(?:drive|bank)|canned\s+goods|"
    r"social\s+security|welfare|benefit\s+payments|(?:store|shop|tax)\s+credit|credit\s+toward)\b",
    re.IGNORECASE,
)


# a lender's book, not money raised: "Harlowe Capital closes $64 million in bridge loans", "originated $2 billion of
# mortgages"; the money is loans made to borrowers (a company's own "$20 million loan facility" is singular)
_LENDERS_BOOK = re.compile(
    r"(?:\d|\b(?:million|billion|mln|bn|mn|m|k|crores?|lakhs?))\s+(?:in|of|worth\s+of)\s+"
    r"(?:(?!to\b|for\b|from\b|with\b)[\w-]+\s+){0,3}?(?:loans|mortgages|originations)\b"
    # "said it provided $64,000,000 for two bridge loans on offices in ...": the lender's act
    r"|\b(?:provided|provides|originated|originates|funded|funds|arranged|arranges|made|makes|extended|extends)\s+"
    r"[^.;]{0,30}?\bfor\s+(?:[\w-]+\s+){0,3}?(?:loans|mortgages)\b",
    re.IGNORECASE,
)
# a rating agency's view of a company's money, not a round: "the rating case assumes X raises $200 million of
# debt", "Moody's affirmed the rating after X secured a $600 million term loan"
_RATING_VIEW = re.compile(
    r"\bassum(?:ed|es|ing|ptions?)\b|\b(?:Fitch|Moody['’]s|S&P|Standard\s*&\s*Poor['’]s|DBRS|Kroll)\s+(?:Ratings\s+|Investors\s+Service\s+)?"
    r"(?:rates|rated|has\s+rated|affirms|affirmed|assigns|assigned|upgrades|upgraded|downgrades|downgraded|expects|places|placed)\b",
    re.IGNORECASE,
)
# a newspaper's desk or section named as the actor: "Courier Business", "Herald Metro Desk", "Investigations Desk: $40,000"
_NEWS_SECTION = re.compile(
    r"\b(?:Desk|Newsroom|Bureau|Staff|Editors?|Reporters?|Correspondents?)$"
    r"|\b(?:Tribune|Times|Post|Journal|Herald|Gazette|Telegraph|Chronicle|Courier|Observer|Guardian|Mail|Express|Star|"
    r"Standard|Press|News|Daily|Weekly|Register|Sentinel|Examiner|Inquirer|Independent)\s+"
    r"(?:Business|Money|Markets|Finance|Sport|Sports|Tech|Technology|Metro|City|Politics|Opinion|Lifestyle)$"
)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


# "First Industrial Realty Trust, Inc. (NYSE: FR)", "Sino Agro Food, Inc. (OTCQX: SIAF)"
_TICKER = re.compile(
    r"(?P<name>(?:[A-Z][\w&.'’-]*,?\s+){0,6}?[A-Z][\w&.'’-]*),?\s*(?:\(\s*[\"“]?[A-Z][\w&.-]*[\"”]?\s*\)\s*)?"
    r"\(\s*(?:NYSE(?:\s?(?:MKT|American|Arca))?|NASDAQ|Nasdaq(?:GS|GM|CM)?|AMEX|TSX(?:-?V)?|ASX|LSE|AIM|OTC(?:QB|QX|BB)?|"
    r"SEHK|HKEX|SGX|JSE|BSE|NSE|Euronext|TSX\s+VENTURE|TSX\s+Venture)\s*:\s*(?P<ticker>[A-Z0-9][A-Z0-9.]{0,7})\b"
)


def listed_companies(text: str) -> set[str]:
    """Name keys (and tickers) of the companies that ``text`` gives a stock-exchange ticker."""
    out: set[str] = set()
    for m in _TICKER.finditer(text):
        name = re.sub(r",?\s+(?:Inc|Corp|Co|Ltd|Plc|LLC|SA|AG|NV)\.?$", "", m.group("name").strip(), flags=re.IGNORECASE)
        out.update(k for k in (name_key(name), name_key(m.group("ticker"))) if k)
    return out


def drop_listed(rounds: Sequence[FundingRound], listed: set[str]) -> list[FundingRound]:
    """Leave out the "rounds" of listed companies: their loans, placements and share issues are
    corporate finance, not venture funding ("First Industrial Realty Trust closes a $260 million
    term loan" in a release that gives its NYSE ticker). Aggregates are kept.

    :param rounds: rounds found in one article.
    :param listed: :func:`listed_companies` of that article's text.
    """
    def is_listed(company: str) -> bool:
        key = name_key(company)
        words = set(key.split())
        return bool(key) and any(key == k or (words and words <= set(k.split())) for k in listed)

    return [r for r in rounds if r.aggregate or not is_listed(r.company)]


def merge_funding(rounds: Sequence[FundingRound]) -> list[FundingRound]:
    """Merge the same round reported by several articles, unioning article ids and investors.

    Two rounds are the same when their company keys match, their amounts agree within 1%
    (or one is unknown) and their round types do not conflict.

    :param rounds: rounds extracted from the articles of one story (or more).
    """
    merged: list[FundingRound] = []
    for r in rounds:
        for i, m in enumerate(merged):
            same = (
                name_key(m.company) == name_key(r.company)
                and m.aggregate == r.aggregate
                and _close(m.amount, r.amount)
                and (not m.round or not r.round or m.round == r.round)
            )
            if not same:
                continue
            merged[i] = FundingRound(
                company=m.company,
                amount=m.amount if m.amount is not None else r.amount,
                currency=m.currency or r.currency,
                round=m.round or r.round,
                article_ids=tuple(dict.fromkeys(m.article_ids + r.article_ids)),
                sentence=m.sentence,
                lead_investors=tuple(dict.fromkeys(m.lead_investors + r.lead_investors)),
                investors=tuple(dict.fromkeys(m.investors + r.investors)),
                valuation=m.valuation if m.valuation is not None else r.valuation,
                date=min((d for d in (m.date, r.date) if d), default=None),
                aggregate=m.aggregate,
            )
            break
        else:
            merged.append(r)
    return merged
