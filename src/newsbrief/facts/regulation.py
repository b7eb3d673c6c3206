"""Regulation: which rule or law, who enforces it, who must comply, by when, and its status.

A sentence states a regulation fact when it names a rule ("the AI Act", "its cybersecurity
rules", "a bill", "draft codes") *and* says something about its status: proposed, enacted,
in force, delayed or withdrawn, or a compliance deadline ("must ... by June 30"). Opinions
about rules, fines, settlements, lawsuits and court rulings are not regulation facts.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence

from newsbrief.facts.dates import DateSpan, find_dates, month_number
from newsbrief.facts.entities import COUNTRIES, PLACES
from newsbrief.facts.names import clean_name, name_key
from newsbrief.facts.nlp import arc_distance, parse, token_at
from newsbrief.facts.rule_context import has_rule_maker, modifies_other_noun, requested_step
from newsbrief.model import Regulation

LOGGER = logging.getLogger(__name__)

__all__ = ["extract_regulation", "merge_regulations", "regulation_status", "superseded"]

_RULE_NOUN = (
    r"(?:minimum\s+wages?|rules?|regulations?|laws?|Act|act|bills?|statutes?|ordinances|moratori(?:um|a)|by-?laws?|Legislation|Bylaws?|By-laws?|directive|Directive|codes?|guidelines?|guidance|norms|"
    r"requirements|bans?|standards?|framework|ordinance|mandate|regime|scheme|Rules|Regulations|Guidelines|"
    r"tax|taxes|levy|levies|tariffs?|duties|obligations|exemptions?|amendments?|Levy|Tax|Tariffs?|Ban|Standards?|"
    r"Notice|Circular|Recommendations?|Directions|Measures|Amendment|Decree|Resolution|Ordinance|Framework|"
    r"Regime|Mandate|Provisions|Order|decrees?|requirement|legislation|resolutions?(?=\s+(?:on|that|requiring|allowing|banning|to|which)\b|\s*$)|"
    r"(?:orders?|decisions?|rulings?)(?=\s+(?:on\s+\w+day\s+)?(?:requiring|banning|capping|prohibiting|forcing|obliging|that\s+(?:requires?|bans?|forces?)))|deadlines?(?=\s+for\b)|"
    r"circular(?!\s+econom)|directions(?=\s+(?:on\s+\w+day\s+)?(?:on|requiring|that|to|for|banning|obliging)\b)|proposals?(?=\s+to\s+(?:ban|cap|restrict|limit|require|prohibit|impose|tax|force|oblige|mandate)\b)|caps?(?=\s+on\b)|(?<!\bin\s)charge(?=\s+(?:for|on)\b))"
)
# "rule" as a verb ("to rule on the merger", "the court will rule") names no regulation
_RULE_RX = re.compile(
    rf"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bshould\s)(?<!\bmay\s)(?<!\bmust\s)"
    # "that the government now act upon it": a verb after an adverb
    rf"(?<!\bnow\s)(?<!\bthen\s)(?<!\bnot\s)(?<!\bquickly\s)(?<!\bfinally\s)\b{_RULE_NOUN}\b"
    # "law-enforcement agency", "Standard & Poor's": the noun is part of another word or a company's name
    r"(?![-‐]\w|\s*&)"
)
# a word that names a rule on its own ("code" of "the tax code")
_RULE_WORD = re.compile(_RULE_NOUN)
_RULE_HEAD = (
    r"(?:Act|Directive|Regulations?|Bill|Law|Code|Rules?|Guidelines|Standards?|regulation|directive|Notice|"
    r"Circular|Recommendations?|Directions|Measures|Amendment|Decree|Resolution|Ordinance|Framework|Levy|Tax|"
    r"Provisions|Mandate)"
)
_NAMED_RULE = re.compile(
    # one way only to read each capitalised word ("AI-Generated" is one word, "5G" starts with a
    # digit): overlapping alternatives here backtracked exponentially on all-caps legal notices
    r"\b(?:(?:[A-Z][\w'’]*(?:-[\w'’]+)*|[0-9][A-Z0-9]+)(?:\s+(?:in|on|of|for|and|to)\s+|\s+))*?"
    rf"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|[0-9][A-Z0-9]+)(?:\s+\([A-Z][\w ]*\))?\s+{_RULE_HEAD}\b"
    # "Measures for Labelling AI-Generated Content", "Rules on Digital Platforms"
    r"|\b(?:Measures|Provisions|Rules|Regulations|Guidelines|Directions)\s+(?:for|on)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)*"
    # numbered instruments: "Resolution 512", "Decree No. 13/2023", "ISO 42077", "SB 53"
    r"|\b(?:Resolution|Decree|Circular|Order|Notice|Regulation|Directive|Ordinance|Law)\s+(?:No\.?\s*)?\d[\w/.-]*\d\b"
    r"|\b(?:Resolution|Decree|Circular|Order|Notice|Regulation|Directive|Ordinance|Law)\s+(?:No\.?\s*)?\d\b"
    # "Bill 117", "Regulation 22B", "Rule 10b"
    r"|\b(?:Bill|Regulation|Rule|Directive|Decree|Order|Law)\s+(?:No\.?\s*)?\d+[A-Za-z]{0,2}\b"
    r"|\bISO(?:/IEC)?\s+\d+(?::\d{4})?\b"
    r"|\b(?:SB|AB|HB|HR|H\.R\.|S\.)\s?\d+\b|\bNIS2\b|\bGDPR\b|\bDORA\b|\bMiCA\b|\bDSA\b|\bDMA\b|\bPart\s+\d+\b"
)
_NP_RULE = re.compile(
    rf"\b(?:(?:its|their|the|a|an|new|proposed|draft|final|sweeping|landmark)\s+)*"
    rf"(?P<np>(?:(?:\d+\.\d+|[\w'’-]+)\s+){{0,3}}?{_RULE_NOUN})\b"
    # "introduced legislation Tuesday that would ...", "legislation last month to eliminate ...": the
    # day of the step sits between the rule and what it does
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last\s+(?:week|month)|this\s+week)(?=\s+(?:that|to|which)\b))?"
    rf"(?P<tail>\s+(?:on|for|banning|requiring|that\s+would\s+require|"
    rf"that\s+requires?|that\s+(?:would\s+|will\s+)?(?!is\b|are\b|was\b|were\b|has\b|have\b|had\b|take\b|takes\b|took\b|come\b|comes\b|came\b|enter\b|enters\b|entered\b|go\b|goes\b|went\b|kick\b|kicks\b|apply\b|applies\b)[a-z]+|governing|against|[a-z]+ing|to\s+(?!be\b|the\b|a\b|an\b)[a-z]+|"
    rf"to\s+the(?=\s+(?:[\w'’-]+\s+){{0,3}}?(?:law|laws|act|Act|code|Code|rules|regulations?|directive|bill|constitution)\b))\s+[^,.;]{{0,60}})?"
)
# a game's rules and a league's discipline are not regulation ("the designated hitter rule")
_GAME_WORDS = (r"league|NFL|NBA|MLB|NHL|NCAA|FIFA|UEFA|referees?|umpires?|rosters?|hitters?|pitchers?|offside|"
               r"touchdowns?|innings")
_NOT_RULE = re.compile(
    r"\b(?:fined|fines?\s+of|settle[sd]?\s+(?:with|for|over|charges|claims|allegations|a\s+(?:lawsuit|case|suit))|"
    # a legal settlement, not the "settlement cycle" of trades
    r"settlement(?!\s+(?:cycle|period|date|system|times?|finality|layer|infrastructure|process))|"
    r"sued|sues|lawsuit|judge|court|antitrust\s+case|"
    # "By the time legislation is passed, ...": a clause of time, not a rule's step
    r"(?:by|at|until)\s+the\s+time|"
    rf"{_GAME_WORDS}|"
    # a reign ("three years into her rule", "colonial rule") and a standard of quality are not rules
    r"(?:his|her|their|colonial|military|civilian|democratic|authoritarian|martial|direct|minority|majority|one-party|communist|british|imperial|mob|"
    r"(?:junta|regime|king|queen|monarch|emperor|dynasty|party|army|president)(?:'s|’s))\s+rule(?!\s+(?:on|requiring|that|for|banning|against))|"
    # risk boilerplate: "results could be affected by ... delays or government regulation generally"
    r"uncertaint(?:y|ies)|forward-looking|"
    r"(?:high|higher|highest|exacting|rigorous|strict)\s+standards?|standards?\s+of\s+(?:quality|excellence|service|care|living|workmanship|conduct)|"
    r"argue[sd]?|critics|should|would\s+slow|debate[sd]?\s+whether|(?:has|have)\s+not\s+said|did\s+not\s+say|"
    # opinions about a rule's effects: "executives warned that the tariffs would raise prices"
    r"warn(?:s|ed|ing)?\s+that|complain(?:s|ed)?\s+that|fear(?:s|ed)?\s+that|"
    r"unclear\s+(?:when|whether)|no\s+timeline|"
    # a rule voted down or vetoed never became one: "the governor vetoed a bill that would ..."
    r"reject(?:ed|s)|voted\s+down|vetoe[sd]|"
    # a deal cleared or blocked under a rule ("has approved under the EU Merger Regulation the acquisition of ..."):
    # the rule is the legal basis, its status did not change
    # (case-sensitive: "approved the Merger Control Act" passes a rule)
    r"(?-i:(?:approved|approves|approve|cleared|clears|clear|authori[sz]ed|authori[sz]es|blocked|blocks|vetted)\s+"
    r"(?:under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:Regulation|Act|Law|Directive|rules?)\s+)?"
    r"(?:the\s+|a\s+|an\s+)?(?:proposed\s+|planned\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:acquisition|merger|takeover|purchase|deal|transaction|joint\s+venture|sale|bid)s?)|"
    # a council's yearly budget and the tax levy that funds it: "approved the budget and levy for the new fiscal year"
    r"budget\s+and\s+(?:the\s+)?(?:tax\s+)?(?:levy|levies|tax\s+rate)|"
    r"(?:levy|levies|tax\s+rate)\s+for\s+(?:the\s+)?(?:new\s+|next\s+|coming\s+|\d{4}(?:-\d{2,4})?\s+)?(?:fiscal|financial|budget)\s+year|"
    # a bill stuck in the legislature reports no change of status
    r"(?:has|have|had)\s+stalled|stalled\s+in|(?:is|are|remains?)\s+stuck)\b",
    re.IGNORECASE,
)
_STATUS: list[tuple[str, re.Pattern[str]]] = [
    (
        "withdrawn",
        re.compile(
            r"\b(?:(?:voted|agreed|decided|moved)\s+(?:\S+\s+){0,4}?to\s+(?:repeal|scrap|withdraw|revoke|rescind|abolish)|abolish(?:ed|es)|withdr[eao]w[ns]?|scrap(?:ped|s)|dropp(?:ed|s)|shelved?|abandon(?:ed|s)|repeal(?:ed|s)|rescind(?:ed|s)|pulled\s+(?:the|its|a)|roll(?:ed|s)\s+back|revok(?:ed|es))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "delayed",
        re.compile(
            r"\b(?:delay(?:ed|s|ing)?|postpon(?:ed|es|ing|e)|pushed\s+back|push\s+back|push(?:ed|es|ing)?\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){1,8}?back(?=\s+(?:by|to|until)\b)|push(?:ing|es)\s+(?:back|compliance)|defer(?:red|s)|extend(?:ed|s)\s+the\s+(?:\w+\s+)?(?:deadline|consultation|period|date)|was\s+extended|pause[sd]?|push(?:ed|es)?\s+the\s+(?:\w+\s+)?deadline|"
            r"(?:was|were|has\s+been|have\s+been|been)\s+(?:stayed|suspended|put\s+on\s+hold|frozen)|suspend(?:ed|s)|put\s+on\s+hold)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "in force",
        re.compile(
            r"\b(?:took\s+(?:full\s+)?effect|came\s+into\s+(?:force|effect)|entered\s+into\s+force|is\s+now\s+in\s+force|now\s+in\s+effect|in\s+force|began\s+enforc\w+|started\s+enforc\w+|enforc(?:es|ing)|will\s+enforce|began\s+to\s+apply|started\s+to\s+apply|now\s+appl(?:y|ies)|kicked\s+in|compl(?:y|ies)\s+with\s+(?:the\s+)?(?-i:new))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "enacted",
        re.compile(
            r"\b(?:pass(?:ed|es)(?!\s+(?:the\s+)?(?:[$€£¥]|[A-Z]{1,3}\$|\d|(?:a|the)\s+(?:milestone|mark|threshold)))|adopt(?:ed|s)|approv(?:ed|es)|signed\s+into\s+law|(?:put|puts|write|writes|wrote|written|enshrine[sd]?)\s+(?:[\w-]+\s+){1,6}?into\s+law|signed|finali[sz](?:ed|es|e)|notified|voted\s+(?:\S+\s+){0,3}?to\s+(?:adopt|approve|finali[sz]e|pass|enact|ratify|ban|cap|impose|require|restrict|limit|prohibit)|enact(?:ed|s)|issued(?!\s+(?:(?:its|a|an|the|new|revised)\s+)*(?:draft|proposed|proposals?|consultation))|(?:published|released)\s+(?:(?:its|a|an|the|new|final|revised|updated|long-awaited)\s+)*(?!draft\b|proposed\b)(?:(?-i:[A-Z])\w*|rules?\b|regulations?\b|guidelines?\b|guidance\b|standards?\b|codes?\b|decrees?\b|circulars?\b|orders?\b)|voted\s+to\s+adopt|ratified|"
            # "cleared the Senate", "published in the Official Journal"
            r"cleared\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:Senate|House|Assembly|Parliament|Congress|chamber|legislature|Diet|Bundestag|committee|council)\b|"
            # past the legislature: "sent the governor a bill", "heads to the governor", "now goes to Gov. Brown"
            r"(?:sent|sends)\s+(?:the\s+)?(?:governor|president|Gov\.)|(?:sent|sends|heads?|goes|went)\s+(?:back\s+)?to\s+(?:the\s+)?(?:governor|president|Gov\.)|"
            r"published\s+in\s+the\s+(?:Official\s+(?:Journal|Gazette)|Federal\s+Register|(?:official\s+|government\s+)?gazette)|"

            # a step named by its noun: "the passage of the act", "lawmakers' approval of the levy"
            r"(?:passage|enactment|ratification|adoption|approval)\s+of\s+(?:the|a|an|its|their|new|this)\b|(?:backed|endorsed|cleared)\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:MPs|MSPs|MEPs|TDs|AMs|lawmakers|legislators|senators|parliament|Parliament|assembly|Assembly|senate|Senate|House|Congress|council|Council)|takes?\s+(?:full\s+|partial\s+)?effect|comes?\s+into\s+(?:force|effect)|enters?\s+into\s+force|goes\s+into\s+effect|effective|becomes?\s+applicable|appl(?:y|ies)\s+from|will\s+impose|imposed|imposes|kicks?\s+in)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "proposed",
        re.compile(
            r"\b(?:(?:voted|agreed|decided|moved)\s+(?:\S+\s+){0,4}?to\s+advance|propos(?:ed|es|al)|draft(?!\s+(?:agenda|minutes|schedule|timetable|programme|program|budget|report|statement))|unveil(?:ed|s)|advanc(?:ed|es)|(?:(?<=will\s)|(?<=to\s))introduce|introduc(?:ed|es)|consult(?:ations?|s|ed|ing)|tabled|floated|would\s+require|(?:is|are)\s+(?:also\s+|now\s+|currently\s+)?(?:preparing|drafting)|(?:looking\s+at|considering|weighing)\s+introducing|(?:has|have|announced|unveiled)\s+(?:\w+\s+)?plans?\s+(?:to|for)|would\s+have\s+to|released\s+draft|revised\s+version|"
            r"(?:due|set|expected|scheduled)\s+to\s+be\s+(?:published|released|unveiled|proposed))\b",
            re.IGNORECASE,
        ),
    ),
]
_EFFECT = re.compile(
    r"\b(?:with\s+effect\s+from|takes?\s+(?:full\s+|partial\s+)?effect|comes?\s+into\s+(?:force|effect)|enters?\s+into\s+force|goes\s+into\s+effect|"
    r"effective|becomes?\s+applicable|appl(?:y|ies)\s+from|kicks?\s+in)\b",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"\b(?:to\s+be|could\s+be|may\s+be|might\s+be|would\s+be|whether\s+to|be|(?:would|will|must)\s+(?:first\s+)?have\s+to|needs?\s+to|for\s+(?:it|them|\w+\s+\w+)\s+to)\s+$"
    # "no formal proposal", "has not been tabled", "never ratified", "yet to be adopted"
    r"|\b(?:no|not|never|n't|yet\s+to\s+be|without)\s+(?:(?:been|be|yet|formally|formal|official|concrete|final)\s+)*$"
    r"|\bno\s+(?:[\w-]+\s+){1,3}(?:has|have|had|was|were)\s+(?:yet\s+)?been\s+$",
    re.IGNORECASE,
)
_MUST = re.compile(r"\b(?:must(?![-‐])|requires?|required\s+to|ordered|have\s+to|has\s+to|obliged|comply)\b", re.IGNORECASE)  # not "must-pass"
_NOT_TAIL = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)"
)
_REGULATOR = re.compile(
    r"(?P<r>(?:[A-Z][\w.-]*\s+(?:(?:of|for|and|on)\s+)?)*(?:Commission|Authority|Agency|Department|Ministry|ministry|"
    r"Office|Board|Bureau|Parliament|Council|Administration|Congress|Senate|House|Reserve|Regulator|"
    r"Committee|Assembly|(?:City|Town|County|Borough)(?=\s+of\s+[A-Z])|(?:state|national|legislative)\s+assembly|(?:Municipal|City|Metropolitan)\s+Corporation|Chamber(?=\s+of\s+[A-Z])|(?:[Ll]ower|[Uu]pper)\s+(?:[Hh]ouse|[Cc]hamber)(?:\s+panel)?|council|Bundestag|Diet|Treasury|Government|government|legislature|lawmakers|regulators?|Regulators?|Lawmakers|[Ll]egislators|"
    r"watchdog|Commissioner|senate|parliament|congress|central\s+bank|Central\s+Bank|Reserve\s+Bank|"
    r"Organi[sz]ation|Institute|Inspectorate|Ombudsman|Cabinet|cabinet|Bank(?=\s+of\s+[A-Z]))"
    # "Ministry of Electronics and Information Technology", "Central Bank of Brazil"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_NOT_TAIL}[A-Z][\w.-]*(?:\s+(?:and\s+)?{_NOT_TAIL}[A-Z][\w.-]*)*)?)\b"
    r"|\b(?P<a>SEC|FTC|FCC|FDA|CFPB|FAA|DOJ|EPA|OCC|FDIC|FINRA|CFTC|NHTSA|DFS|RBI|SEBI|MAS|FCA|CMA|ICO|Ofcom|CNIL|"
    r"BaFin|ESMA|EBA|ACCC|FSA|CAC|MeitY|EU|European\s+Union|UK|Fed|OFAC|BIS|ASIC|APRA|PBOC|PBoC|SAMR|NHS|"
    r"ECB|EDPB|EIOPA|ENISA|PRA|MHRA|HKMA|SFC|CSRC|MIIT|NDRC|CNMC|AEPD|AMF|CONSOB|Consob|AGCM|ARCEP|AGCOM|"
    r"DPC|CRTC|OSFI|ACMA|KFTC|FSC|PDPC|IMDA|TRAI|CCI|ANPD|CVM|CBN|CISA|NIST|FERC|IRS|FinCEN|USPTO|FHFA|"
    # UK departments known by their initials
    r"Defra|DEFRA|HMRC|DWP|DfT|DfE|DCMS|DECC|BEIS|DHSC)\b"
)
_JURIS = {
    "sec": "US", "ftc": "US", "fcc": "US", "fda": "US", "cfpb": "US", "faa": "US", "doj": "US",
    "epa": "US", "federal reserve": "US", "fed": "US", "senate": "US", "house": "US", "congress": "US",
    "eu": "EU", "european commission": "EU", "european parliament": "EU", "european union": "EU",
    "fca": "UK", "cma": "UK", "ico": "UK", "ofcom": "UK", "uk": "UK", "rbi": "India", "sebi": "India",
    "mas": "Singapore", "cnil": "France", "bafin": "Germany", "accc": "Australia", "cac": "China",
    "ecb": "EU", "edpb": "EU", "esma": "EU", "eba": "EU", "pra": "UK", "mhra": "UK", "hkma": "Hong Kong",
    "csrc": "China", "miit": "China", "cnmc": "Spain", "amf": "France", "consob": "Italy", "trai": "India",
}  # fmt: skip
_COMPLY = re.compile(
    r"\b(?:requir(?:e|es|ing)|forc(?:e|es|ing)|ordered|oblig(?:e|es|ing))\s+(?P<who>(?:[\w-]+\s+){0,5}?[\w-]+)\s+to\b"
    r"|(?P<who2>(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:must|will\s+have\s+to|have\s+to)\b",
    re.IGNORECASE,
)


_SUPERSEDED = re.compile(
    r"\b(?:originally|initially|previously|earlier|was\s+due|were\s+due|had\s+been\s+(?:due|set|scheduled|planned|expected)|"
    r"(?:was|were)\s+(?:set|scheduled|planned|expected|slated)|from\s+(?:the|its|an?)\s+(?:original|earlier|previous|initial))\b"
    r"[^.;]{0,30}$"
    r"|\b(?:instead\s+of|rather\s+than|replacing|in\s+place\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+\w+|stated|wrote)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_EFFECT_BEFORE = re.compile(
    r"\b(?:effect|force|effective|apply|applies|applicable|kicks?\s+in|enforc\w+|comply|compliance)\s+(?:\w+\s+)?(?:on|from|in)?\s*$",
    re.IGNORECASE,
)
_PROCEDURE = re.compile(
    r"\b(?:vote|votes|voting|hearing|hearings|debate|debates|meet|meets|meeting|discuss|discusses|consider|considers|reading)\b",
    re.IGNORECASE,
)


# "the Commission said the rules would be delayed": a body reporting its own decision, not a hedge
_REPORTED_DECISION = re.compile(
    r"^[^,;]{0,80}?\b(?:Commission|Authority|Agency|Ministry|Board|Bank|Regulator|Office|Department|Council|government|regulator)\s+"
    r"(?:said|says|announced|confirmed)\b(?:\s+on\s+\w+)?\s+(?:that\s+)?[^;]{0,100}?\bwould\s+(?:be\s+)?$"
)
# a bare weekday after the act ("passed the bill late on Thursday", "scrapped the charge on Friday")
# is the day it was done, not a compliance date
_WEEKDAY_ONLY = re.compile(
    r"(?:on\s+|late\s+on\s+|early\s+on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",
    re.IGNORECASE,
)
# a date a rule was moved to ("postponed ... to January 2029", "push back ... to January 1, 2028")
_MOVED_TO = re.compile(
    r"\b(?:delay\w*|postpon\w*|push\w*|moved?|deferr?\w*|extend\w*)\b[^.;]{0,120}?\b(?:to|until)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PROCEDURE_ANY = re.compile(
    r"\b(?:vote|votes|voting|hearing|hearings|decision|decide|debate|debates|take\s+up|takes\s+up|taking\s+up|"
    r"consider|considers|take\s+evidence|review)\b",
    re.IGNORECASE,
)


def superseded(sentence: str, span: DateSpan) -> bool:
    """True for a date the sentence says was replaced ("originally planned for May 20").

    :param sentence: one sentence.
    :param span: a date span found in it.
    """
    return _SUPERSEDED.search(sentence[max(0, span.pos - 45) : span.pos]) is not None


# "a proposed levy", "the draft rules": the adjective tells what the rule is, not a change of status
_ADJECTIVE_STATUS = re.compile(r"(?:\b(?:a|an|the|its|their|this|that)\s+(?:[\w-]+\s+)?)$", re.IGNORECASE)
# a step still to come on a proposal (a vote, a hearing, a slip) or a condition on it reports no change
_PENDING_STEP = re.compile(
    r"\b(?:will|may|might|could|is\s+(?:expected|scheduled|set|due)\s+to|are\s+(?:expected|scheduled|set|due)\s+to)\s+"
    r"(?:\w+\s+)?(?:vote|debate|consider|take\s+up|take\s+evidence|hear|review|discuss|slip|decide)\b"
    r"|\b(?:vote|debate|hearing|decision)\s+on\s+(?:the|a|an)\s+(?:draft|proposed)\b[^.;]{0,80}?\b(?:may|might|could|will)\b"
    r"|\b(?:if|unless|in\s+the\s+event\s+that)\s+(?:\w+\s+){0,4}?(?:approve|adopt|pass|back|sign)\b",
    re.IGNORECASE,
)


# "If the Senate passes the act, ...": a status in a condition has not happened
# "He'll stay in office until Congress passes the bill": a step awaited is a condition too
_CONDITIONAL = re.compile(r"\b(?:if|unless|until|in\s+the\s+event\s+that|provided\s+that)\s+[^,;]*$", re.IGNORECASE)


# a step named by its noun ("the passage of the act") and words that make it one still awaited
_STEP_NOUN = re.compile(r"(?:passage|enactment|ratification|adoption|approval)\b", re.IGNORECASE)
_AWAITED = re.compile(
    r"\b(?:pending|awaiting|awaits?|await(?:ed)?|seek(?:s|ing)?|sought|for|ahead\s+of|before|without|no|needs?|requires?|"
    r"required|subject\s+to|win|wins|won|secure|gain|get|of)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


# the most dependency arcs between a status cue and the rule it acts on: "the assembly passed a
# bill" (1), "firms must stop ... under the PSTI regime" (5); "under the rules of X, ... in connection
# with the proposed transaction" is far apart and tells no status of the rule
MAX_STATUS_ARCS = 5


def _status_attached(sentence: str, status: str) -> bool:
    """True when a cue of ``status`` is attached to a rule noun in the sentence's dependency parse.

    Without spaCy (or with ``NEWSBRIEF_FACTS_NLP=rules``) every cue counts, as the rules alone read it.
    """
    doc = parse(sentence)
    if doc is None:
        return True
    rx = dict(_STATUS).get(status)
    cues = [m.start() for m in rx.finditer(sentence)] if rx is not None else []
    cues += [m.start() for m in _MUST.finditer(sentence)] + [m.start() for m in _EFFECT.finditer(sentence)]
    rules = [m.start() for m in _RULE_RX.finditer(sentence)] + [m.end() - 1 for m in _NAMED_RULE.finditer(sentence)]
    if not cues or not rules:
        return True
    if status == "in force" and _MUST.search(sentence) and re.search(rf"\bunder\s+(?:[\w'’()-]+\s+){{0,7}}?{_RULE_NOUN}\b", sentence):
        return True  # "must display ... under the Seafood Regulations": "under" ties the duty to the rule
    # a duty reaches its rule through a preposition: "firms must stop ... under the PSTI regime" (5)
    most = MAX_STATUS_ARCS + 1 if status == "in force" else MAX_STATUS_ARCS
    return min(arc_distance(doc, c, r) for c in cues for r in rules) <= most


def regulation_status(sentence: str, *, has_date: bool = False) -> str:
    """Return proposed, enacted, in force, delayed, withdrawn or "" for a sentence about a rule.

    :param sentence: one sentence.
    :param has_date: whether the sentence holds a date (a "must ... by" deadline means in force).
    """
    for status, rx in _STATUS:
        # "is expected to be signed" or "could be delayed" is not (yet) that status
        hits = [
            m
            for m in rx.finditer(sentence)
            if (not _HEDGED.search(sentence[max(0, m.start() - 40) : m.start()]) or _REPORTED_DECISION.search(sentence[: m.start()]))
            and not _CONDITIONAL.search(sentence[: m.start()])
            and not requested_step(sentence, m.start())
            # "state-approved laws", "court-ordered": a status word inside an adjective tells no step
            and sentence[max(0, m.start() - 1) : m.start()] != "-"
            # "follow through without further delay": no delay
            and not re.search(r"\bwithout\s+(?:any\s+|further\s+|undue\s+)?$", sentence[max(0, m.start() - 20) : m.start()], re.IGNORECASE)
            # "pending approval of the rule", "ahead of the passage of the bill": a step awaited
            and not (_STEP_NOUN.match(m.group(0)) and _AWAITED.search(sentence[max(0, m.start() - 40) : m.start()]))
        ]
        # a body voting on its own proposed rule still reports the proposal ("The FTC will vote on its
        # proposed rule"); residents voting on "a proposed levy" report no rule-maker's act
        if status == "proposed" and _PENDING_STEP.search(sentence) and not _REGULATOR.search(sentence):
            hits = [m for m in hits if not _ADJECTIVE_STATUS.search(sentence[max(0, m.start() - 40) : m.start()])]
        if hits:
            if status == "enacted" and has_date and _MUST.search(sentence):
                return "in force"
            return status
    if has_date and _MUST.search(sentence):
        return "in force"
    return ""


_NP_STOP = {
    "its", "their", "the", "a", "an", "that", "to", "of", "with", "under", "new", "on", "by", "for",
    "and", "or", "is", "are", "was", "were", "has", "have", "will", "would", "which", "this", "these",
    "proposed", "final", "issued", "published", "released", "sweeping", "landmark", "requires", "than",
}  # fmt: skip


# "rules on Wednesday that would force ...": a day heading the tail is dropped, the rest kept
_LEADING_DAY = re.compile(
    r"^(?:on|late\s+on|early\s+on)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:,\s+\d{4})?)\s*"
)


def _rule_name(sentence: str) -> str:
    bodies = [m.span() for m in _REGULATOR.finditer(sentence)]
    # "State Administration for Market Regulation" is a regulator, not a rule
    # "Five Part Tax Plan", "the Resolution Foundation": a rule word modifying another noun names no rule
    named = next(
        (
            n
            for n in _NAMED_RULE.finditer(sentence)
            if not any(a < n.end() <= b for a, b in bodies) and not modifies_other_noun(sentence, n.end() - 1, _RULE_WORD)
        ),
        None,
    )
    if named:
        name = re.sub(r"^(?:The|the|Under|Under\s+the)\s+", "", named.group(0)).strip()
        return re.sub(r"^[A-Z][\w.]*(?:'s|’s)\s+", "", name)  # "EU's Data Act" -> "Data Act"
    # "major tax relief", "the top tax rate", "law enforcement": the next rule word that heads its phrase
    m = next((n for n in _NP_RULE.finditer(sentence) if not modifies_other_noun(sentence, n.end("np") - 1, _RULE_WORD)), None)
    if not m:
        return ""
    words = m.group("np").split()
    starts = [m.start("np") + w.start() for w in re.finditer(r"\S+", m.group("np"))]
    # keep the modifiers next to the rule noun; stop at a verb, a determiner or a name
    # ("Upper house panel approves contentious defense bills": the rule is "contentious defense bills")
    keep = [words[-1]]
    for w, at in zip(reversed(words[:-1]), reversed(starts[:-1])):
        lw = w.lower()
        if lw in _NP_STOP or lw.endswith(("ed", "'s", "’s")) or w.isupper() or _is_verb(sentence, at):
            break
        keep.insert(0, w)
    words = keep
    tail = (m.group("tail") or "").strip()
    if m.group("tail") and re.match(r"\w", sentence[m.end("tail") : m.end("tail") + 1]):
        tail = re.sub(r"\s*\S+$", "", tail)  # the length cap fell inside a word: "customers who p"
        tail = re.sub(r"(?:\s+(?:who|that|which|the|a|an|of|to|for|and|or|by|from|in|on|at|with))+$", "", tail)
    # "guidelines on pseudonymisation on Tuesday": the date is not part of the rule's name
    # "tax on helicopter services was not limited to ...": the rule's name stops at the verb
    tail = re.split(r"(?<!\bthat)(?<!\bwhich)\s+(?:was|were|is|are|has|have|had|will|would|could|may|might|said|says|must)\b", tail)[0]
    tail = re.split(
        r"\s+(?:on|by|from|until|in|starting|before|effective)\s+(?:the\s+)?(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|"
        r"\d|next\b|this\b|last\b|end\b|early\b|late\b|mid))",
        " " + re.sub(_LEADING_DAY, "", tail),
    )[0].strip()
    if len(words) == 1 and not tail:
        # a bare "requirements": take the "for high-risk AI systems" that names them, if any
        scope = re.search(
            r"\b(?:for|on|covering)\s+((?:[\w-]+\s+){0,4}?[\w-]*(?:systems|models|companies|firms|platforms|products|services|apps|devices|banks|providers))\b",
            sentence[m.end() :],
        )
        if scope:
            tail = f"for {scope.group(1)}"
    return " ".join(words + ([tail] if tail else []))


# a church and its officers make decrees and rules for the faithful, not regulation
_CHURCH = re.compile(
    r"\b(?:[Aa]rchbishops?|[Bb]ishops?|[Aa]rchdiocese|[Dd]iocese|[Cc]hurch|Pope|[Cc]ardinal|Vatican|[Ss]ynod|[Pp]arish|"
    r"[Ii]mam|[Mm]osque|[Rr]abbi(?:nate)?|[Pp]atriarch(?:ate)?)\b"
)


def _church_act(sentence: str, status: str, regulator: str) -> bool:
    """True when a church or its officer takes the rule's step: named before the step word, with
    no public body read as the regulator ("The Church welcomed the law Parliament passed" is Parliament's),
    or a church's officer named by one name alone in a sentence about the church ("Francis issued a law
    for bishops")."""
    if re.fullmatch(r"[A-Z][a-z]+", regulator) and not _REGULATOR.search(regulator) and _CHURCH.search(sentence):
        return True  # "Francis issued a new law regulating how bishops ...": a pope named alone
    if regulator and not _CHURCH.search(regulator):
        return False
    cue = dict(_STATUS).get(status)
    first = cue.search(sentence) if cue is not None else None
    return _CHURCH.search(sentence[: first.start() if first else len(sentence)]) is not None


def _is_verb(sentence: str, offset: int) -> bool:
    """True when the parse reads the word at ``offset`` as a verb ("approves" of "approves new bills")."""
    doc = parse(sentence)
    return doc is not None and doc[token_at(doc, offset)].pos_ in ("VERB", "AUX")


def _with_modifiers(sentence: str, offset: int) -> str:
    """The noun phrase headed by the word at ``offset``, with its compound and adjective modifiers
    ("state energy regulator", "Pune municipal council"); "" without the parser or past 5 words."""
    doc = parse(sentence)
    if doc is None:
        return ""
    head = doc[token_at(doc, offset)]
    mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if not mods:
        return ""
    words = [t for t in doc[min(c.left_edge.i for c in mods) : head.i + 1] if t.dep_ not in ("det", "punct", "case")]
    if len(words) > 5 or any(t.pos_ in ("VERB", "AUX", "ADP") for t in words):
        return ""
    return " ".join(t.text for t in words)


def _regulator(sentence: str) -> str:
    best = ""
    found = list(_REGULATOR.finditer(sentence))
    # "laid before Parliament by HM Treasury": the body a text goes before (or to) is not its author
    # "in the UK economy", "across the EU": a place where something happens is not a rule's author
    found = [
        m for m in found if not (m.group("a") and re.search(r"\b(?:in|across|throughout|within|outside)\s+the\s+$", sentence[: m.start()]))
    ]
    # "the Board approved an amendment to the Fund's By-laws": a company's board is not a rule-maker
    found = [m for m in found if not re.fullmatch(r"(?:[\w.-]+\s+)*Board(?:\s+of\s+(?:Directors|Trustees))?", m.group(0).strip())
             or re.search(r"\b(?:Regulatory|Supervisory|Securities|Control|Licensing|Review|Standards|Gaming|Planning|Protection|Safety|Health|Reserve|Labor|Relations|Tax|Revenue|Transport|Energy|Water|State|National|Federal)\s+Board\b", m.group(0))]
    authors = [m for m in found if not re.search(r"\b(?:before|to|at)\s+(?:the\s+)?$", sentence[: m.start()])]
    for m in _acting_first(sentence, authors or found):
        text = m.group(0).strip()
        text = re.sub(r"^(?:The|Under|In|By|A)\s+", "", text)
        if m.group("a"):
            return text if text != "European Union" else "EU"
        # "California's legislature": keep the owner of a generic body
        owner = re.search(r"([A-Z][\w]*(?:\s+[A-Z][\w]*)?)(?:'s|’s)\s+$", sentence[: m.start()])
        generic = (
            "upper house",
            "lower house",
            "upper chamber",
            "lower chamber",
            "legislature",
            "legislators",
            "lawmakers",
            "government",
            "regulators",
            "regulator",
            "watchdog",
            "senate",
            "parliament",
            "congress",
            "central bank",
            "cabinet",
        )
        where = re.match(r"\s+in\s+([A-Z][\w]*(?:\s+[A-Z][\w]*)?)", sentence[m.end() :])
        if text.lower() in generic and where:
            text = f"{text} in {where.group(1)}"  # "Lawmakers in Kenya"
        elif text.lower() in generic and owner:
            text = f"{owner.group(1)}'s {text}"
        elif text.lower() in ("lawmakers", "legislators", "government", "regulators", "regulator"):
            prev = re.search(r"([A-Z][\w]*)\s+$", sentence[: m.start()])
            if prev:
                text = f"{prev.group(1)} {text}"
        if text == text.lower():
            # "the state energy regulator": the body's modifiers in the parse make it a name, not a bare "regulator"
            text = _with_modifiers(sentence, m.end() - 1) or text
        if text.lower() in generic or text.lower().endswith(" regulator"):
            # "Portugal's telecoms regulator, ANACOM, approved": the name in apposition is the body
            appos = re.match(r"\s*,\s+(?:the\s+)?(?P<n>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,4}),", sentence[m.end() :])
            if appos:
                return appos.group("n")
        if "'s" in text or re.search(r"\b(?:Municipal|City|Metropolitan)\s+Corporation$", text):
            return text  # a city's corporation is a body, not a company suffix to strip
        return clean_name(text)
    owned = _OWNED_BODY.search(sentence) or _SUBJECT_BODY.match(sentence)
    if owned:
        return owned.group("body")
    return best


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _acting_first(sentence: str, bodies: list[re.Match[str]]) -> list[re.Match[str]]:
    """The bodies of a sentence, the one that takes the rule's step first.

    "The Harbour Office said that the upper house had approved the bill": the subject of the
    enacting verb (or its agent, "approved by the assembly") acts, not the first body named; then the
    body fewest dependency arcs from a step's verb. Without the parser, or with one body or no step
    word, the order is the sentence's.

    :param sentence: one sentence.
    :param bodies: matches of the regulator pattern, in sentence order.
    """
    doc = parse(sentence) if len(bodies) > 1 else None
    if doc is None:
        return bodies
    cues = [doc[token_at(doc, m.start())] for _, rx in _STATUS for m in rx.finditer(sentence)]
    if not cues:
        return bodies
    cue_ids = {t.i for t in cues}

    def rank(m: re.Match[str]) -> tuple[bool, int]:
        head = doc[token_at(doc, m.end() - 1)]
        acts = (head.dep_ in _SUBJECT_DEPS and head.head.i in cue_ids) or (
            head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i in cue_ids)
        return not acts, min(arc_distance(doc, m.end() - 1, t.idx) for t in cues)

    return sorted(bodies, key=rank)


# "Lithuania's Seimas adopted ...": a country's named body acting on a rule
_OWNED_BODY = re.compile(
    r"\b[A-Z][\w]*(?:\s+[A-Z][\w]*)?(?:'s|’s)\s+(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:has\s+|have\s+)?"
    r"(?:adopted|passed|approved|enacted|issued|published|proposed|introduced|withdrew|withdrawn|repealed|delayed|"
    r"postponed|voted|finali[sz]ed|scrapped|ratified|tabled|unveiled)\b"
)


# "Ofwat proposed new rules ...": a named subject acting on a rule, when no known body is named
_SUBJECT_BODY = re.compile(
    # "The proposed rules": an article heading the sentence is no body
    r"(?:The\s+)?(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|Under|In)\s)(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+(?:has\s+|have\s+)?"
    r"(?:adopted|passed|approved|enacted|issued|published|proposed|introduced|withdrew|repealed|delayed|"
    r"postponed|finali[sz]ed|scrapped|ratified|tabled|unveiled)\s+(?:its\s+|their\s+|a\s+|an\s+|the\s+|new\s+|draft\s+)*"
    r"(?:[\w-]+\s+){0,3}?(?:rules?|regulations?|guidelines|guidance|code|codes|decree|order|directive|standards?|framework|bill|law)\b"
)


def _jurisdiction(sentence: str, regulator: str) -> str:
    key = name_key(regulator)
    if key in _JURIS:
        return _JURIS[key]
    # "California's new law": a place owns the rule; "Cooper's", "Company's" name no jurisdiction
    for owner in re.finditer(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|’s)\s+", sentence):
        if name_key(owner.group(1)) in PLACES:
            return owner.group(1)
    # "Mexico will impose tariffs ...": a country heading the sentence acts on the rule
    subject = _PLACE_SUBJECT.match(sentence)
    if subject and (name_key(subject.group("p")) in PLACES or name_key(subject.group("p")) in COUNTRIES):
        return subject.group("p")
    return ""


_PLACE_SUBJECT = re.compile(r"\s*(?:The\s+)?(?P<p>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:will|has|have|had|is|are|was|were|would|[a-z]+(?:s|ed))\b")


_OBLIGATION = re.compile(
    r"(?P<who>(?:[\w'’-]+\s+){0,8}?[\w'’-]+)\s+(?:must|will\s+have\s+to|(?:are|is)\s+required\s+to)\s+"
    r"(?P<what>[^,.;]{3,80})",
    re.IGNORECASE,
)


_REGULATED = re.compile(
    r"\b(?:employers|providers|platforms|companies|firms|banks|lenders|insurers|carriers|operators|developers|"
    r"manufacturers|makers|retailers|airlines|app\s+stores|businesses|brokers|exchanges|issuers|utilities|"
    r"hospitals|landlords|all\s+new|sellers|importers|exporters)\b",
    re.IGNORECASE,
)


# "would bar lenders from", "bans platforms from", "prohibits insurers from": a duty on a trade
_DUTY_ON_TRADE = re.compile(
    rf"\b(?:bar|bars|barring|ban|bans|banning|prohibit|prohibits|prohibiting|forbid|forbids|forbidding|restrict|"
    rf"restricts|restricting)\s+(?:[\w'’-]+\s+){{0,4}}?{_REGULATED.pattern}\s+from\b",
    re.IGNORECASE,
)


# "Japan will require app stores to allow other payment systems starting December 18"
_REQUIRE = re.compile(
    r"\b(?:will\s+)?(?:requires?|requiring|oblig(?:es|ing)|forc(?:es|ing))\s+(?P<who>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+to\s+"
    r"(?P<what>[^,.;]{3,80})",
    re.IGNORECASE,
)


# a date told later in the sentence that still dates the duty: ", effective July 1", "with the rule applying from ..."
_DATED_DUTY_BEFORE = re.compile(
    r"(?:\b(?:effective|applying|applies|apply|starting|beginning|from|as\s+of|in\s+force|take\s+effect|takes\s+effect)\s+(?:on\s+|from\s+)?)$",
    re.IGNORECASE,
)


# a rule's reach into the past, no deadline: "retroactively suspending it back to 2004" (a date ahead told
# so is a postponement: "moving the start date back to July 1")
_BACK_TO = re.compile(r"\b(?:back\s+to|retroactive(?:ly)?\s+(?:to|from)|dating\s+back\s+to)\s+$", re.IGNORECASE)


def _deadline_dates(sentence: str, published: dt.date) -> list[DateSpan]:
    """The dates of a sentence that may be a rule's deadline.

    Not a duration ("within four business days"), a date that qualifies a noun ("today's study",
    "next year's budget") nor a reach into the past ("retroactively back to 2004").
    """
    return [
        d
        for d in find_dates(sentence, published)
        if not re.match(r"(?:within|in)\s", d.text, re.IGNORECASE) and not re.match(r"\s*['’]s\b", sentence[d.endpos :])
        and not (d.start < published and _BACK_TO.search(sentence[max(0, d.pos - 40) : d.pos]))
    ]


def _obligation(sentence: str, *, published: dt.date, article_id: str) -> list[Regulation]:
    """A dated duty with no rule named: "Starting August 2, model providers must publish ..."."""
    m = _OBLIGATION.search(sentence) or _REQUIRE.search(sentence)
    if m is None:
        return []
    if re.search(r"(?:^|\s)(?:we|i|you|us|our|one)$", m.group("who"), re.IGNORECASE) or re.match(
        r"(?:when|where|which|who|if|once|after|before|as)\b", m.group("who"), re.IGNORECASE
    ):
        return []  # "We must appreciate ...": a speaker's exhortation, not a duty a rule lays down
    regulator = _regulator(sentence)
    if not regulator and not _REGULATED.search(m.group("who")):
        return []  # "Customers must return the heaters by Friday" is a notice, not a rule
    # the deadline is told with the duty ("must publish ... by June 30", "Starting August 2, ... must"), not in a
    # later clause ("must happen now ... and cannot wait until 2020"); "today's study" dates no duty
    dates = [
        d
        for d in _deadline_dates(sentence, published)
        if d.end >= published
        and (d.pos <= m.end("what") + 20 or _DATED_DUTY_BEFORE.search(sentence[max(0, d.pos - 40) : d.pos]))
    ]
    # "issued directions on Wednesday requiring ...": the day of the act is no deadline
    dates = [
        d
        for d in dates
        if d.kind != "on" or not _WEEKDAY_ONLY.fullmatch(d.text.strip()) or _EFFECT_BEFORE.search(sentence[max(0, d.pos - 40) : d.pos])
    ]
    if not dates:
        return []
    who = re.sub(
        r"^(?:starting|from|by|beginning|on|as\s+of)\s+\S+(?:\s+\d+)?\s*", "", m.group("who"), flags=re.IGNORECASE
    )
    for d in dates:
        who = who.replace(d.text, "").strip(" ,")
    what = m.group("what")
    for d in dates:
        what = what.replace(d.text, "")
    what = re.sub(r"\s+(?:by|from|on|before|starting)\s*$", "", what.strip())
    ranked = sorted(dates, key=lambda d: (d.kind == "on", d.pos))
    return [
        Regulation(
            rule=f"requirement to {what}".strip(),
            regulator=regulator,
            article_ids=(article_id,) if article_id else (),
            sentence=sentence,
            jurisdiction=_jurisdiction(sentence, regulator),
            who_must_comply=who,
            deadline=ranked[0].deadline,
            status="in force",
        )
    ]


# a body deciding a rule with a verb, naming no rule noun: "the council voted to ban new tourist
# apartments in the old town from June 15"
_VERB_RULE = re.compile(
    # "voted unanimously Tuesday to ban", "voted 7-0 on Monday to cap", "will legalise ride-sharing from October 30"
    r"\b(?:(?:voted(?:\s+(?:unanimously|overwhelmingly|narrowly|\d{1,3}[-–]\d{1,3}|(?:on\s+|late\s+|early\s+)?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last\s+night)){0,3}|"
    r"agreed|decided|moved|approved\s+(?:a\s+)?(?:plans?|proposals?)|has\s+decided)\s+to|will)\s+"
    r"(?P<v>ban|cap|restrict|prohibit|limit|outlaw|legali[sz]e)\s+(?P<obj>[^,.;]{3,70}?)"
    r"(?=\s+(?:from|by|starting|beginning|effective|as\s+of|on|in|before)\s+(?:the\s+)?(?:[A-Z]|\d|next\b|this\b)|\s*[,.;]|$)",
    re.IGNORECASE,
)


def _verb_rule(sentence: str, *, published: dt.date, article_id: str) -> list[Regulation]:
    m = _VERB_RULE.search(sentence)
    if m is None or _HEDGED.search(sentence[max(0, m.start() - 40) : m.start()]):
        return []
    regulator = _regulator(sentence[: m.start()])
    if not regulator:
        return []  # "Parents voted to ban phones at dinner" is no regulation
    dates = [d for d in find_dates(sentence, published) if d.end >= published and d.pos > m.start()]
    dates = [d for d in dates if not re.match(r"(?:within|in)\s", d.text, re.IGNORECASE)]
    dates = [d for d in dates if d.kind != "on" or not _WEEKDAY_ONLY.fullmatch(d.text.strip())]
    obj = m.group("obj").strip()
    whom = re.match(r"\s+from\s+(?:[a-z]+ing)\b[^,.;]{0,60}", sentence[m.end("obj") :])
    if whom:
        obj = f"{obj}{whom.group(0).rstrip()}"  # "ban the city from flying Confederate flags"
    verb = m.group("v").lower()
    noun = {"ban": "ban", "prohibit": "ban", "outlaw": "ban", "cap": "cap", "limit": "limit", "restrict": "restriction",
            "legalise": "legalisation", "legalize": "legalization"}[verb]
    return [
        Regulation(
            rule=f"{noun} on {obj}" if noun in ("ban", "cap", "limit", "restriction") else f"{noun} of {obj}",
            regulator=regulator,
            article_ids=(article_id,) if article_id else (),
            sentence=sentence,
            jurisdiction=_jurisdiction(sentence, regulator),
            deadline=dates[0].deadline if dates else None,
            status="enacted",
        )
    ]


# a body putting off a duty it set, naming no rule noun: "the central bank pushed back the start of
# mandatory instalment payments to March 2"
_DELAYED_DUTY = re.compile(
    r"\b(?:pushed\s+back|postponed|delayed|deferred|put\s+off)\s+(?:the\s+)?(?:start|introduction|roll-?out|launch|"
    r"implementation|enforcement|entry\s+into\s+force)\s+of\s+(?:the\s+)?(?P<obj>(?:mandatory|compulsory|obligatory)\s+[^,.;]{3,90}?)"
    r"\s+(?:to|until)\s+(?:the\s+)?(?=[A-Z]|\d|next\b|early\b|late\b|mid)",
    re.IGNORECASE,
)


def _delayed_duty(sentence: str, *, published: dt.date, article_id: str) -> list[Regulation]:
    m = _DELAYED_DUTY.search(sentence)
    if m is None or _HEDGED.search(sentence[max(0, m.start() - 40) : m.start()]):
        return []
    regulator = _regulator(sentence[: m.start()])
    if not regulator:
        return []
    dates = [d for d in find_dates(sentence, published) if d.pos >= m.end()]
    return [
        Regulation(
            rule=m.group("obj").strip(),
            regulator=regulator,
            article_ids=(article_id,) if article_id else (),
            sentence=sentence,
            jurisdiction=_jurisdiction(sentence, regulator),
            deadline=dates[0].deadline if dates else None,
            status="delayed",
        )
    ]


# a ban told in the passive, its maker named before it: "the state government announced that the sale
# of flavoured tobacco has been banned"; an order told as one ("using his executive power to force
# contractors to offer sick leave"); a duty made mandatory ("licences will be mandatory for all food stalls")
_PASSIVE_BAN = re.compile(
    r"(?:\bthat\s+|^)(?P<obj>(?:(?!\bthat\s)[^;:]){3,150}?)\s+(?:has|have)\s+(?:now\s+)?been\s+(?:\w+ly\s+)?"
    r"(?P<v>banned|prohibited|outlawed|capped|restricted)\b",
    re.IGNORECASE,
)
_EXECUTIVE = re.compile(
    r"\bexecutive\s+(?:power|powers|order|action|authority|decree)\s+to\s+"
    r"(?P<v>force|require|oblige|compel|ban|bar)\s+(?P<what>[^,.;:]{3,100})",
    re.IGNORECASE,
)
_MANDATORY = re.compile(
    r"(?P<obj>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:will\s+be(?:come)?|(?:is|are)\s+now|becomes?|(?:has|have)\s+been\s+made|"
    r"(?:was|were)\s+made)\s+(?P<how>mandatory|compulsory|obligatory)\s+for\s+(?P<who>(?:all\s+)?[\w'’-]+(?:\s+(?!(?:in|at|from|by|on|and|as|under|across|within|to|the)\b)[\w'’-]+){0,3})",
    re.IGNORECASE,
)


def _duty_verb_rule(sentence: str, *, published: dt.date, article_id: str) -> list[Regulation]:
    """A rule stated by its verb, not its noun: a passive ban, an executive order, a duty made mandatory."""
    ids = (article_id,) if article_id else ()
    m = _PASSIVE_BAN.search(sentence)
    if m and not _HEDGED.search(sentence[max(0, m.start("v") - 40) : m.start("v")]):
        regulator = _regulator(sentence[: m.start("obj")])
        if regulator:  # "Phones have been banned at dinner" names no rule-maker
            obj = re.sub(r"^(?:the|a|an)\s+", "", m.group("obj").strip(), flags=re.IGNORECASE)
            noun = {"capped": "cap", "restricted": "restriction"}.get(m.group("v").lower(), "ban")
            return [Regulation(rule=f"{noun} on {obj}", regulator=regulator, article_ids=ids, sentence=sentence,
                               jurisdiction=_jurisdiction(sentence, regulator), status="enacted")]
    m = _EXECUTIVE.search(sentence)
    if m and not _HEDGED.search(sentence[max(0, m.start() - 40) : m.start()]) and not _CONDITIONAL.search(sentence[: m.start()]):
        regulator = _regulator(sentence[: m.start()])
        return [Regulation(rule=f"order to {m.group('v').lower()} {m.group('what').strip()}", regulator=regulator,
                           article_ids=ids, sentence=sentence, jurisdiction=_jurisdiction(sentence, regulator),
                           status="enacted")]
    m = _MANDATORY.search(sentence)
    if m and not _CONDITIONAL.search(sentence[: m.start()]):
        regulator = _regulator(sentence)
        if not regulator and not _REGULATED.search(m.group("who")):
            return []  # "Helmets will be mandatory for all riders" in a race notice names no rule-maker
        dates = [d for d in find_dates(sentence, published) if d.end > published and not _WEEKDAY_ONLY.fullmatch(d.text.strip())]
        obj = re.sub(r"^(?:the|a|an)\s+", "", m.group("obj").strip(), flags=re.IGNORECASE)
        return [Regulation(rule=f"{obj} {m.group('how').lower()} for {m.group('who').strip()}", regulator=regulator,
                           article_ids=ids, sentence=sentence, jurisdiction=_jurisdiction(sentence, regulator),
                           who_must_comply=m.group("who").strip(), deadline=dates[0].deadline if dates else None,
                           status="in force")]
    return []


def _not_rule(sentence: str) -> bool:
    """A fine, lawsuit, opinion or stalled bill told about the rule itself, in the clause naming it.

    One in a clause of its own ("..., which fined X last year, said its guidelines ...", "..., a month
    after a similar measure stalled elsewhere", "after industry groups warned that ...") is
    background and leaves the rule's own news standing.
    """
    for m in _NOT_RULE.finditer(sentence):
        if _GAME_WORD.fullmatch(m.group(0)) and _LEGISLATION.search(sentence):
            continue  # "a bill to strip the NFL of its antitrust exemption": a league is what a law is about
        start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start())) + 1
        ends = [i for i in (sentence.find(",", m.end()), sentence.find(";", m.end())) if i >= 0]
        clause = sentence[start : min(ends) if ends else len(sentence)]
        background = re.match(
            r"\s*(?:which|who|whose|after|before|following|amid|as|because|since|while|whereas|although|though|and|but|"
            r"(?:a|an|one|two|three|\w+)\s+(?:day|week|month|year)s?\s+after)\b",
            clause,
            re.IGNORECASE,
        )
        if not background:
            return True
    return False


# a league's or a game's words veto a "rule" (a game's), not a bill or a law about the league
_GAME_WORD = re.compile(_GAME_WORDS, re.IGNORECASE)
_LEGISLATION = re.compile(r"\b(?:bills?|legislation|statutes?|(?:anti-?trust|federal|state)\s+laws?)\b", re.IGNORECASE)


# a second clause with a step of its own ("..., and will hold a briefing on May 19"): its date is
# that step's, not the rule's
_OWN_STEP_CLAUSE = re.compile(
    r"(?:,\s*and|;|\s+and)\s+(?:(?:it|they|the\s+\w+)\s+)?(?:will|is\s+(?:scheduled|set|due|expected)\s+to|plans\s+to)\s+"
    r"(?:hold|host|vote|meet|hear|run|brief|consult)\b[^;]*$",
    re.IGNORECASE,
)
# a procedure on a rule put off ("a hearing on the bill ... has been postponed"): the rule's own
# status is unchanged
_PROCEDURE_DELAYED = re.compile(
    r"\b(?:hearing|hearings|vote|votes|debate|debates|meeting|session|reading|ballot)\s+on\s+[^;]{0,120}?"
    r"\b(?:postponed|delayed|put\s+off|pushed\s+back|deferred|adjourned|cancell?ed|called\s+off)\b",
    re.IGNORECASE,
)
# submissions under a tender or a call ("bids must be submitted by April 30") set a deadline, not a rule
_SUBMISSION = re.compile(
    r"\b(?:bids|tenders|applications|entries|submissions|proposals|offers|nominations|expressions\s+of\s+interest)\b"
    r"[^.;]{0,80}?\bmust\s+be\s+(?:submitted|filed|lodged|received|sent|made)\b",
    re.IGNORECASE,
)


_BARE_INSTRUMENTS = {"bill", "bills", "tax", "taxes", "legislation", "law", "laws", "measure", "measures", "proposal", "act", "rule", "rules"}
_PAST_WHEN = re.compile(
    r"\b(?:in|since|back\s+in)\s+(?:(?:early|late|mid)[- ])?(?:(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)(?!\s+\d)"
    r"|(?P<y>(?:19|20)\d\d)\b)|\b(?:last\s+year|years?\s+ago|\d+\s+years\s+ago)\b"
    # "in June 2013", "in January of 2015", "on February 7, 2014": a day or month of a year gone by
    r"|\b(?:in|since|on)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:of\s+|\d{1,2},?\s+)?(?P<y2>(?:19|20)\d\d)\b"
    # "earlier this year", "earlier in the year": before the news ("earlier this month" may be the news)
    r"|\b[Ee]arlier\s+(?:this|in\s+the)\s+year\b"
)


# a rule in force for more than this many days ("took effect in 2010") is background, not news
_LONG_IN_FORCE_DAYS = 730


# an aside on the rule's past between commas: "The bill, introduced earlier this year, passed ...",
# "The ordinance, which was drafted in June, was approved ..."
_PAST_ASIDE = re.compile(
    r",\s+(?:which|that)\b[^,;]*(?=,)"
    r"|,\s+(?:(?:first|originally|initially|last)\s+)?(?:introduced|proposed|drafted|filed|tabled|unveiled|announced|floated)\b[^,;]*(?=,)",
    re.IGNORECASE,
)


def _past_act(sentence: str, published: dt.date, status: str = "") -> bool:
    """The rule's step is dated in a month or a year gone by: "passed the Senate in June" in a September paper.

    A date in an aside on the rule's past ("The bill, introduced earlier this year, passed the
    Senate on Tuesday") dates that past, not the step the sentence tells.
    """
    cue = dict(_STATUS).get(status)
    told = _PAST_ASIDE.sub("", sentence)
    if cue is not None and cue.search(told):
        sentence = told
    for m in _PAST_WHEN.finditer(sentence):
        if m.group("y") or m.group("y2"):
            if int(m.group("y") or m.group("y2")) < published.year:
                return True
        elif m.group("m"):
            month = month_number(m.group("m"))
            if month < published.month - 1:
                return True
        else:
            return True
    return False


# a legislature live blog's or round-up's entry labelled with its step: "Passed: Hearing tests for school bus
# drivers", "Signed: Bill to cap rents The governor ..."
_STEP_LABEL = re.compile(r"(?:Passed|Approved|Signed(?:\s+into\s+law)?|Enacted|Adopted)\s*:\s+(?=[A-Z\d'‘\"“])")
# the label's headline ends at a bracket, a clock time or the next sentence run into it (a capitalised word
# after a lower-case one: "... at clinics The Assembly has passed ...")
_HEADLINE_END = re.compile(r"\s+\(|\s+\d{1,2}:\d\d\b|(?<=[a-z0-9’'”])\s+(?=[A-Z])|[.;:!?](?:\s|$)")
_MIN_HEADLINE_WORDS = 2


def _labelled_step(sentence: str, label: re.Match[str], *, article_id: str) -> list[Regulation]:
    """The rule of an entry labelled with its step: the headline names the rule; the body that acted is
    named in the text run into it, when there is one."""
    rest = sentence[label.end() :]
    end = _HEADLINE_END.search(rest)
    headline = (rest[: end.start()] if end else rest).strip(" '‘’\"“”")
    if len(headline.split()) < _MIN_HEADLINE_WORDS:
        return []
    body = rest[end.start() :] if end else ""
    regulator = _regulator(body) if body.strip() else ""
    return [
        Regulation(
            rule=headline,
            regulator=regulator,
            article_ids=(article_id,) if article_id else (),
            sentence=sentence,
            jurisdiction=_jurisdiction(body, regulator) if body.strip() else "",
            status="enacted",
        )
    ]


_PAST_ACT_BEFORE = re.compile(
    r"\b(?:signed|issued|adopted|passed|approved|enacted|published|announced|introduced|unveiled|imposed)\b[^,.;]{0,40}$",
    re.IGNORECASE,
)
_PAST_ACT_ROLLED_DAYS = 183
"""A yearless date after a past act that resolves further ahead than this was the act's own day."""


# a rule named with its year: "the American Taxpayer Relief Act of 2012", "the Companies Rules, 2014"
_OLD_YEAR_NAMED = re.compile(r"(?:\bof|,)\s+((?:19|20)\d\d)\b")


# an item of a legal list, numbered in roman numerals or letters: "(iv) Listing Standards issued by the institute and
# approved by the government", "(b) the Securities Act and the rules made under it": a filing's list of the laws it
# complies with, not news of a rule
_LIST_ITEM = re.compile(r"^\s*\(?(?:[ivx]{1,5}|[a-h])\)\s")


def extract_regulation(sentence: str, *, published: dt.date, article_id: str = "") -> list[Regulation]:
    """Return the regulation fact stated in one sentence (at most one).

    :param sentence: one sentence.
    :param published: publication date, to resolve the deadline.
    :param article_id: id of the article the sentence comes from.
    """
    label = _STEP_LABEL.match(sentence)
    if label is not None:
        return _labelled_step(sentence, label, article_id=article_id)
    if _not_rule(sentence) or _SUBMISSION.search(sentence) or _LIST_ITEM.match(sentence):
        return []
    if not _RULE_RX.search(sentence) and not _NAMED_RULE.search(sentence):
        return (
            _verb_rule(sentence, published=published, article_id=article_id)
            or _duty_verb_rule(sentence, published=published, article_id=article_id)
            or _delayed_duty(sentence, published=published, article_id=article_id)
            or _obligation(sentence, published=published, article_id=article_id)
        )
    dates = _deadline_dates(sentence, published)
    status = regulation_status(sentence, has_date=bool(dates))
    if not status:
        # a rule noun with no status word may still carry a dated duty ("a decree ... requiring ... by July 1"),
        # or the rule is a body's verb ("will legalise ride-sharing from October 30, with new regulations ...")
        return _verb_rule(sentence, published=published, article_id=article_id) or _obligation(
            sentence, published=published, article_id=article_id)
    if status == "delayed" and _PROCEDURE_DELAYED.search(sentence):
        return []
    if not _status_attached(sentence, status):
        return []  # the status word qualifies something else ("the proposed transaction")
    rule = _rule_name(sentence)
    if not rule:
        return []
    regulator = _regulator(sentence)
    if _church_act(sentence, status, regulator):
        return []  # "the Archbishop has issued a decree that declares ...": a church's decree is no regulation
    step = _OWN_STEP_CLAUSE.search(sentence)
    if step:
        dates = [d for d in dates if d.pos < step.start()]
    # a date the rule was moved away from ("was due to take effect in April", "from the original
    # October deadline") is not its deadline
    dates = [d for d in dates if not superseded(sentence, d)]
    if status == "proposed":
        # the date of a vote or hearing on a proposal is an event, not a compliance date
        dates = [d for d in dates if d.kind != "on" or not _PROCEDURE.search(sentence[max(0, d.pos - 30) : d.pos])]
    # "the Senate is scheduled to vote on it on May 12", "a final decision is expected next spring"
    dates = [
        d
        for d in dates
        if d.kind != "on"
        or not _PROCEDURE_ANY.search(sentence[max(0, d.pos - 30) : d.pos])
        or _EFFECT_BEFORE.search(sentence[max(0, d.pos - 40) : d.pos])
    ]
    dates = [
        d
        for d in dates
        if d.kind != "on" or not _WEEKDAY_ONLY.fullmatch(d.text.strip()) or _EFFECT_BEFORE.search(sentence[max(0, d.pos - 40) : d.pos])
    ]
    # a past date is when something was done ("passed on Tuesday"), not a deadline, unless the
    # rule is already in force or was delayed to it
    if status == "enacted" and _EFFECT.search(sentence) and any(d.end < published for d in dates):
        status = "in force"  # "becomes applicable on <a past date>"
    if status not in ("in force", "delayed"):
        effect = _EFFECT.search(sentence) is not None
        dates = [d for d in dates if d.end > published or (effect and d.end == published)]
    # the day it was announced ("said Friday", "on Tuesday announced") is not a deadline
    dates = [d for d in dates if not _REPORTED.search(sentence[max(0, d.pos - 30) : d.pos])]
    # "signed a decree on August 13 that will introduce ...": the day of a past act, not next year's August 13
    dates = [
        d
        for d in dates
        if not (
            (d.start - published).days > _PAST_ACT_ROLLED_DAYS
            and not re.search(r"\d{4}|\bnext\b", d.text, re.IGNORECASE)
            and _PAST_ACT_BEFORE.search(sentence[max(0, d.pos - 50) : d.pos])
        )
    ]
    # the compliance date ("by June 30", "take effect on January 1") over the announcement ("on Tuesday")
    ranked = sorted(
        dates,
        key=lambda d: (
            d.end < published,
            not _MOVED_TO.search(sentence[max(0, d.pos - 140) : d.pos]),
            d.kind == "on" and not _EFFECT_BEFORE.search(sentence[max(0, d.pos - 40) : d.pos]),
            d.pos,
        ),
    )
    deadline = ranked[0].deadline if ranked else None
    who = ""
    cm = _COMPLY.search(sentence)
    if cm:
        who = (cm.group("who") or cm.group("who2") or "").strip()
        who = re.sub(r"^(?:the|all|that|which|to|and)\s+", "", who, flags=re.IGNORECASE)
        who = re.sub(r"\s+(?:would|will|must|may|might|could|should)$", "", who)  # "towns would have to"
    if status in ("enacted", "proposed", "withdrawn") and deadline is None and _past_act(sentence, published, status):
        return []  # "passed the state Senate in June", "standards adopted in 2010": background, not news
    if status == "in force" and deadline is not None and deadline < published - dt.timedelta(days=_LONG_IN_FORCE_DAYS):
        return []  # "Federal regulations that took effect in 2010 ...": long in force, background
    if re.fullmatch(r"[$€£¥]?\d[\d.,]*\s+bills?", rule):
        return []  # "his $10 bill": a banknote
    if re.match(r"(?:over|more\s+than|nearly|almost|about|some|at\s+least)?\s*\d[\d,]*\s+(?:[\w-]+\s+)?(?:bills|laws|acts|statutes|ordinances|regulations)\b", rule):
        return []  # "introduced over 100 bills": a count of rules, no one rule
    if re.match(r"(?:said|says|enforce[sd]?|her|his|its|their|our)\b", rule, re.IGNORECASE):
        return []  # "said her bill", "enforce regulations": a clause, not a rule's name
    if re.search(r"\b(?:now|then|not|must|to)\s+act$", rule):
        return []  # "that the government now act upon it": "act" is the verb
    if re.match(r"(?:more|less|higher|lower|fewer|extra|additional)\s+(?:in\s+)?(?:[\w-]+\s+)?(?:tax|taxes|fees|duties|tariffs)$", rule, re.IGNORECASE):
        return []  # "owes $3.3 billion more in federal taxes", "would face higher taxes": an amount, no rule
    at = max(0, sentence.find(rule))
    if status in ("enacted", "in force") and deadline is None and any(
        int(y.group(1)) < published.year for y in _OLD_YEAR_NAMED.finditer(sentence[at : at + len(rule) + 90])
    ):
        return []  # "enacted by the Taxpayer Relief Act of 2012", "Rule 8 of the ... Rules, 2014": a standing rule, background
    if re.fullmatch(r"[a-z]+", rule) and rule in _BARE_INSTRUMENTS and not who and regulator.islower() and deadline is None:
        return []  # "the bill", "a tax proposal", "the legislation": no particular rule named
    jurisdiction = _jurisdiction(sentence, regulator)
    named = any(rule.endswith(n.group(0)) or n.group(0).endswith(rule) for n in _NAMED_RULE.finditer(sentence))
    binds_from = deadline is not None and (deadline > published or _EFFECT.search(sentence) is not None)
    head = _RULE_RX.search(rule)
    instrument = rule[head.start() :] if head else ""
    # "the proposed rules would require lenders to ...", "would bar lenders from", "code of practice for
    # AI model providers": a duty laid on a regulated trade is a rule's
    binds_trade = (
        (bool(who) and _REGULATED.search(who) is not None)
        or _DUTY_ON_TRADE.search(sentence) is not None
        or re.search(rf"\bfor\s+(?:[\w'’-]+\s+){{0,3}}?{_REGULATED.pattern}", rule, re.IGNORECASE) is not None
    )
    if not binds_from and not binds_trade and not has_rule_maker(
        sentence, regulator=regulator, jurisdiction=jurisdiction, named=named, instrument=instrument, status=status
    ):
        # "his tax plan", "a powerful software framework": no government, regulator or place acts on
        # it, and no date it binds from ("The tax on digital services takes effect on July 1")
        return []
    if re.fullmatch(r"[a-z]+", rule) and not regulator:
        # a bare "the new tariffs" / "the rules" names no particular regulation unless the
        # sentence says whom it binds ("Under the new rules, crypto exchanges must ...")
        if not who and not jurisdiction:
            return []
        if who:
            rule = f"{rule} for {who}"
    return [
        Regulation(
            rule=rule,
            regulator=regulator,
            article_ids=(article_id,) if article_id else (),
            sentence=sentence,
            jurisdiction=jurisdiction,
            who_must_comply=who,
            deadline=deadline,
            status=status,
        )
    ]


# words that name the kind of instrument or link words, not what a rule is about
_FORM_WORDS = {
    "the", "a", "an", "of", "on", "in", "for", "to", "and", "new", "proposed", "draft", "final", "that", "would",
    "will", "which", "use", "rule", "rules", "regulation", "regulations", "law", "laws", "act", "bill", "bills",
    "legislation", "code", "directive", "ban", "tax", "levy", "amendment", "amendments", "standards", "order",
    "promote", "require", "requiring", "requires", "allow", "allowing",
}  # fmt: skip
# at least this many subject words shared make two names one rule
_SHARED_SUBJECT_WORDS = 3
# a rule's name with this many subject words tells a subject of its own
_OWN_SUBJECT_WORDS = 2


def _shared_subject(a: str, b: str) -> bool:
    """True when two names of rules tell the same subject: "Legislation to promote the use of Welsh
    Sign Language" and "the Welsh Sign Language (Wales) Bill" share three subject words."""
    wa = set(name_key(a).split()) - _FORM_WORDS
    wb = set(name_key(b).split()) - _FORM_WORDS
    return len(wa & wb) >= _SHARED_SUBJECT_WORDS


def _other_subjects(a: str, b: str) -> bool:
    """True when two names of rules each tell a subject (two words or more) and share none of it: "bill
    to cap insulin co-pays" and "bill to license tattoo parlours" are two rules."""
    wa = set(name_key(a).split()) - _FORM_WORDS
    wb = set(name_key(b).split()) - _FORM_WORDS
    return len(wa) >= _OWN_SUBJECT_WORDS and len(wb) >= _OWN_SUBJECT_WORDS and not wa & wb


def merge_regulations(regs: Sequence[Regulation]) -> list[Regulation]:
    """Merge the same rule reported by several articles: same rule or regulator and deadline.

    One body's rules on different subjects stay apart (a legislature passes several bills a day).

    :param regs: regulation facts from the articles of one story.
    """
    merged: list[Regulation] = []
    for r in regs:
        for i, m in enumerate(merged):
            same_rule = name_key(m.rule) == name_key(r.rule) or (m.status == r.status and _shared_subject(m.rule, r.rule))
            same_reg = (
                bool(m.regulator) and name_key(m.regulator) == name_key(r.regulator) and not _other_subjects(m.rule, r.rule)
            )
            same_date = m.deadline is None or r.deadline is None or m.deadline == r.deadline
            if (same_rule or same_reg) and same_date and (same_rule or m.status == r.status):
                # the longer name, and on a tie the one written as a name ("App Store Code")
                rule = max((m.rule, r.rule), key=lambda x: (len(x), sum(c.isupper() for c in x)))
                # the sentence that states the deadline supports the merged fact best
                sentence = r.sentence if m.deadline is None and r.deadline is not None else m.sentence
                merged[i] = Regulation(
                    rule=rule,
                    # the most specific body: "Online Standards Authority" over a headline's "Regulator"
                    regulator=max((m.regulator, r.regulator), key=len),
                    article_ids=tuple(dict.fromkeys(m.article_ids + r.article_ids)),
                    sentence=sentence,
                    jurisdiction=m.jurisdiction or r.jurisdiction,
                    who_must_comply=m.who_must_comply or r.who_must_comply,
                    deadline=m.deadline or r.deadline,
                    status=m.status or r.status,
                )
                break
        else:
            merged.append(r)
    return merged
