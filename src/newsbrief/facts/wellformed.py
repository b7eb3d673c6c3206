"""Which funding rounds and regulations are well formed enough for a roundup line or the lede.

A roundup line names who and what: "Company: amount round, led by X" or "Regulator: rule,
status; deadline". Its fields must hold names, not phrases:

- a round's company is a name ("Quillmark", "Bank of Ireland"): not a sentence fragment, not a
  legal form alone ("Inc"), not a ticker symbol alone (a capitalised token such as "QLRB" with no investor or round named), not a
  nationality ("an Indian has won ..."); and the round has an amount;
- a regulation's maker is a public body or official named as such ("Scottish Parliament", "Delhi
  government", "SEC", "Lawmakers in Kenya"), or else the place the rule belongs to; never a clause,
  never the rule's own text, never a bare generic noun ("Senators", "regulators"), never a church;
- its rule is a short noun phrase headed by an instrument word with its modifiers ("20-percent
  tax", "bill to ban plastic bags", "Data Act"): a longer description is cut at a clause or a
  preposition, and a bare instrument word ("legislation", "the bill") names nothing.

Facts that fail stay stored (and listed by ``newsbrief facts``); they only make no line.
"""

from __future__ import annotations

import dataclasses
import re

from newsbrief.facts.entities import COUNTRIES, PLACES
from newsbrief.facts.names import name_key
from newsbrief.facts.nlp import entities
from newsbrief.model import FundingRound, Regulation

__all__ = [
    "MAX_RULE_WORDS", "NOT_ROUNDS", "company_is_name", "regulation_for_line", "rule_maker", "short_rule", "well_formed_round",
]

MAX_RULE_WORDS = 9
"""The most words of a rule on a roundup line."""
NOT_ROUNDS = frozenset({"debt", "grant"})
"""Funding kinds that are no round (borrowed or given money): no funding roundup line."""
MAX_NAME_WORDS = 6

_LINKS = {"of", "for", "and", "&", "the", "on", "in", "de", "du", "la", "von", "van", "der", "y", "e", "del", "da"}
# ticker-like: one all-capitals token of at most five letters ("XSTOK", "QLRB")
_TICKER_LIKE = re.compile(r"[A-Z]{1,5}")
# a legal form alone is no company's name: "Inc", "Ltd.", "S.A."
_LEGAL_FORM = re.compile(r"(?:Inc|Incorporated|Ltd|Limited|LLC|LLP|LP|Corp|Corporation|Co|Company|PLC|plc|AG|SA|S\.A|"
                         r"GmbH|NV|N\.V|BV|B\.V|SE|SpA|Pty|Holdings?|Group)\.?", re.IGNORECASE)
# a rule's phrase never ends on a preposition left by a cut: "disclosure of pay through"
_TRAILING_PREPOSITIONS = frozenset("""through with by to at from into onto over under against about across via between
    within without among after before during upon toward towards per than""".split())
_SENTENCE_ADVERB = re.compile(
    r"(?:Additionally|Meanwhile|However|Also|Moreover|Furthermore|Separately|Earlier|Later|Today|Yesterday|Now|Then|"
    r"Still|Last|This|That|It|They|He|She|We|Shares|Analysts|Investors)"
)


def company_is_name(company: str, sentence: str = "", *, backed: bool = False) -> bool:
    """True when a round's company is written as a name.

    :param company: the company field of a round.
    :param sentence: the sentence the round was read from; with spaCy, a company the model calls
        a place ("Québec City") or, in one word, a nationality ("Indian") is no name.
    :param backed: the round names its investors or its round ("from Harrow Capital", "Series A"):
        then a one-word name in capitals is the startup's, not a ticker symbol alone.
    """
    words = company.split()
    if not words or len(words) > MAX_NAME_WORDS or _SENTENCE_ADVERB.fullmatch(company) or _LEGAL_FORM.fullmatch(company):
        return False
    if not re.match(r"[A-Z0-9]", words[0]) and not re.match(r"[a-z]+[A-Z]", words[0]):  # "eBay", "iZettle"
        return False
    if any(re.fullmatch(r"[a-z]+", w) and w not in _LINKS for w in words[1:]):
        return False  # "North Griffin investment has totaled": a phrase
    key = name_key(company)
    if key in COUNTRIES or key in PLACES:
        return False
    if sentence and _labelled(company, sentence) in ("GPE", "LOC", "FAC"):
        return False  # "the acquisition of a data centre in Québec City for $36 million": a place invests nothing
    if len(words) == 1:
        if _TICKER_LIKE.fullmatch(company) and not backed:
            return False
        if sentence and _labelled(company, sentence) == "NORP":
            return False
    return True


def _labelled(name: str, sentence: str) -> str:
    """The spaCy entity label of ``name`` in ``sentence`` ("" without spaCy or when not an entity)."""
    return next((label for text, label in entities(sentence) or () if text == name), "")


MIN_ROUND_AMOUNT = 10_000
"""The least amount (in its own currency) a round of a roundup line has; a smaller one is a misread figure."""


def well_formed_round(fact: FundingRound) -> bool:
    """True for a round that may make a roundup line: equity raised by a named company, with an amount.

    A loan, a credit facility or a grant the company took (round "debt" or "grant") stays a funding
    fact of its story but is no funding round, so it makes no roundup line.

    :param fact: a funding round (aggregates never make a company's line).
    """
    if fact.aggregate or not fact.amount or fact.amount < MIN_ROUND_AMOUNT or fact.round in NOT_ROUNDS:
        return False  # "2 MYR" is a figure misread, not a round
    backed = bool(fact.lead_investors or fact.investors or fact.round)
    return company_is_name(fact.company, fact.sentence, backed=backed)


# words a public body's name may hold in lower case: "Delhi government", "Pune municipal council",
# "Japan's upper house", "Lawmakers in Kenya"
_BODY_WORDS = {
    "government", "ministry", "department", "parliament", "assembly", "council", "legislature", "senate", "congress",
    "house", "chamber", "cabinet", "regulator", "regulators", "watchdog", "authority", "authorities", "agency",
    "commission", "committee", "panel", "board", "bank", "office", "corporation", "municipality", "administration",
    "lawmakers", "legislators", "senators", "officials", "state", "federal", "national", "city", "county", "municipal",
    "provincial", "regional", "local", "upper", "lower", "central", "legislative", "diet", "mayor", "governor",
}  # fmt: skip
# a body named by its kind alone names no one: "Senators introduced ...", "regulators said ..."
_GENERIC_BODY = re.compile(
    r"(?:the\s+)?(?:lawmakers|legislators|senators|regulators?|officials|authorities|government|watchdog|agency|"
    r"ministry|department|committee|panel|board|MPs|MEPs|ministers|policymakers)",
    re.IGNORECASE,
)
# a church's, a club's or a company's rules are not regulation
_PRIVATE_BODY = re.compile(
    r"\b(?:archbishops?|archdiocese|dioceses?|bishops?|church|parish|pope|cardinal|synod|vatican|imam|mosque|rabbi|"
    r"temple|club|league|inc|ltd|plc|llc)\b",
    re.IGNORECASE,
)


def _body_name(who: str, rule: str) -> bool:
    words = who.replace("'s", "").replace("’s", "").split()
    if not words or len(words) > MAX_NAME_WORDS or name_key(who) == name_key(rule):
        return False
    if _GENERIC_BODY.fullmatch(who.strip()) or _PRIVATE_BODY.search(who):
        return False
    if not any(w[:1].isupper() for w in words):
        return False  # "state energy regulator": which state's is not said
    if words[0].lower() in _NOT_NAME_OPENERS:
        return False  # "Only government can ...": a sentence's opening capital, not a body's name
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINKS or w.lower() in _BODY_WORDS for w in words)


_NOT_NAME_OPENERS = frozenset("only even also just both all every each no some many most other".split())


def rule_maker(fact: Regulation) -> str:
    """The name a regulation line starts with: its regulator when that is a body's name, else the
    place the rule belongs to, else "" (no line).

    :param fact: the regulation.
    """
    if _body_name(fact.regulator, fact.rule):
        return fact.regulator
    place = fact.jurisdiction.strip()
    if place and (name_key(place) in PLACES or name_key(place) in COUNTRIES or place.isupper()):
        return place
    return ""


_INSTRUMENT = re.compile(
    r"(?:rules?|regulations?|laws?|acts?|bills?|statutes?|ordinances?|by-?laws?|directives?|codes?|guidelines?|"
    r"guidance|norms|requirements?|bans?|standards?|framework|mandate|regime|scheme|tax|taxes|levy|levies|tariffs?|"
    r"duties|duty|obligations?|exemptions?|amendments?|decrees?|resolutions?|orders?|legislation|caps?|charges?|"
    r"limits?|restrictions?|moratori(?:um|a)|wages?|measures?|proposals?|circulars?|notices?|provisions|deadlines?|"
    r"licen[cs]es?|permits?|registration)",
    re.IGNORECASE,
)
# words that only say the rule is new or where it stands: "the new rules", "draft bill"
_EMPTY_MODIFIER = {"the", "a", "an", "new", "proposed", "draft", "final", "its", "their", "this", "that", "these",
                   "such", "some", "any", "contentious", "controversial", "landmark", "sweeping", "revised"}  # fmt: skip
# where a rule's own words end: a relative clause or a finite verb ("that was passed", "which critics say")
_CLAUSE = re.compile(
    r"\s+(?:that|which|who|whose|where|when|while|because|after|before|as|if|is|are|was|were|has|have|had|will|"
    r"would|could|should|may|might|must|can|said|says|being|been)\b|\s*[,;:(]|\s+[-–—]\s",
    re.IGNORECASE,
)
# a rule that opens on the end of its maker's name ("[Food and] Drug Administration guidelines")
_AGENCY_TAIL = re.compile(r"^(?:[A-Z][\w-]*\s+){0,3}(?:Administration|Commission|Agency|Authority|Department|Ministry|"
                          r"Office|Board|Bureau|Service|Council)\s+(?=[a-z])")
_PURPOSE = re.compile(r"\s+(?:that|which)\s+(?:would|will)\s+(?=[a-z])", re.IGNORECASE)
_CUT_AT = re.compile(r"\s+(?=(?:of|for|on|to|in|at|by|with|from|and|or|against|about|during|under|over|between)\b)",
                     re.IGNORECASE)


def short_rule(rule: str) -> str:
    """The rule as a short noun phrase for a roundup line, or "" when it names no particular rule.

    "bill that would ban plastic bags" -> "bill to ban plastic bags"; a tail past
    :data:`MAX_RULE_WORDS` words is cut at a preposition ("legislation to hold gun dealers
    accountable for selling ..." -> "legislation to hold gun dealers accountable"); "the new
    rules", "legislation" and a phrase headed by no instrument word give "".

    :param rule: the rule field of a regulation.
    """
    text = " ".join(rule.split())
    text = _PURPOSE.sub(" to ", text, count=1)  # "that would require" -> "to require"
    clause = _CLAUSE.search(text)
    if clause is not None:
        text = text[: clause.start()]
    words = text.split()
    while len(words) > MAX_RULE_WORDS:
        cuts = [m.start() for m in _CUT_AT.finditer(text) if len(text[: m.start()].split()) <= MAX_RULE_WORDS]
        if not cuts:
            return ""
        text = text[: cuts[-1]]
        words = text.split()
    agency = _AGENCY_TAIL.match(" ".join(words))
    if agency is not None:
        words = words[len(agency.group(0).split()):]  # "Drug Administration guidelines": the maker's name, cut in two
    while words and words[0].lower() in _EMPTY_MODIFIER:
        words = words[1:]
    while words and (words[-1].lower() in _LINKS or words[-1].lower() in _TRAILING_PREPOSITIONS):
        words = words[:-1]
    if not words:
        return ""
    if all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINKS for w in words):
        # a named instrument ("Data Act", "GDPR", "SB 53"), but not a bare "Bill"
        return "" if len(words) == 1 and _INSTRUMENT.fullmatch(words[0]) else " ".join(words)
    if len(words) == 1 or not any(_INSTRUMENT.fullmatch(w.strip("'’\"")) for w in words):
        return ""  # "legislation", "the new rules", "contentious defense": no particular rule named
    return " ".join(words)


def regulation_for_line(fact: Regulation) -> Regulation | None:
    """The regulation as its roundup line shows it (maker's name, short rule), or None when it
    has no well-formed line.

    :param fact: a regulation, as extracted and merged.
    """
    if _PRIVATE_BODY.search(fact.regulator):
        return None  # a church's decree or a club's rule is not regulation, whatever the place
    who = rule_maker(fact)
    rule = short_rule(fact.rule)
    if not who or not rule or name_key(who) == name_key(rule):
        return None
    return dataclasses.replace(fact, regulator=who, rule=rule)
