"""Upcoming events: what happens, who is involved, and when, resolved to dates.

A sentence states an upcoming event when it holds an event word ("launch", "hearing",
"vote", "conference", "release", "earnings") and a date expression that resolves to a range
ending after the publication date (or on it, when the sentence speaks of the future).
Past events, forecasts of figures ("will reach $400 billion by 2030") and cancelled events are
not listed. "reportedly", "rumoured", "could", "may", "might" and "people familiar" mark an
event ``speculative=True``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import re
from collections.abc import Sequence

from newsbrief.facts.dates import (
    DateSpan,
    find_dates,
    is_future_sentence,
    is_strong_future,
    sentence_tense,
)
from newsbrief.facts.entities import PLACES as _PLACES
from newsbrief.facts.money import CURRENCY_PREFIX
from newsbrief.facts.names import Name, find_names, name_key
from newsbrief.facts.nlp import parse, token_at
from newsbrief.model import Event

LOGGER = logging.getLogger(__name__)

__all__ = ["COURT_APPEARANCE", "extract_events", "is_speculative", "merge_events"]

# a court date: "will appear at Horsham Magistrates Court", "is due to appear before the committee"
_APPEARANCE = r"appear(?:s|ing)?\s+(?:in|at|before)\s+(?:[\w'’.-]+\s+){0,4}?(?:court|courts|tribunal|magistrates|judge|committee|inquiry)\b"
COURT_APPEARANCE = re.compile(_APPEARANCE, re.IGNORECASE)
_HAPPENING = re.compile(
    r"\b(?:launch(?:es|ed|ing)?|releas(?:e|es|ing)|unveil(?:s|ing)?|debut(?:s|ing)?|ship(?:s|ping)?|"
    r"deliver(?:y|ies|s)?|begin(?:s|ning)?|(?<!%\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)(?:re)?start(?:s|ing(?!\s+(?:on|from)\b))?|resum(?:e|es|ing)|must\s+be\s+(?:submitted|filed|lodged|received)|(?<!the\s)(?<!\ban\s)(?<!its\s)open(?:s|ing)?|kick(?:s)?\s+off|hold(?:s|ing)?|"
    r"(?:has|have)\s+until\s+[^,;]{3,30}?\s+to\s+(?:respond|comment|apply|register|object|submit|file|appeal|enter|vote)|"
    r"host(?:s|ing)?|hearings?|votes?|voting|meet(?:s|ing)?|conference|summit|keynote|event|earnings|"
    r"report(?:s|ing)?\s+(?:results|earnings|\w+-quarter)|rul(?:e|es|ing)\s+on|trial|trials|testify|"
    r"question|present(?:s|ing)?|shut(?:s|ting)?\s+down|stop(?:s|ping)?|end(?:s|ing)?\s+support|expand(?:s|ing)?|"
    r"expansion|roll(?:s|ing)?\s+out|arriv(?:e|es|ing)|take\s+place|takes\s+place|stream(?:s|ing)?\s+(?:live|online|on|the|its)\b|decid(?:e|es)|"
    r"decision|IPO|go\s+public|list\s+(?:its|on)|demonstrations?|demo|deadline|expir(?:e|es)|sale\s+(?:begins|starts)|"
    r"go(?:es)?\s+on\s+sale|go(?:es)?\s+live|reopen(?:s)?|revisit(?:s)?|debate|move\s+into|announce|sign(?:s|ing)?(?=\s+(?:a|an|the|its|their|into|off|up|with|on|deals?|agreements?|contracts?|treaty|treaties)\b)|close\s+(?:the|its)\s+deal|"
    r"close|closing|(?:is|are)\s+due|verdict|publish(?:es)?|(?:scheduled|slated|set|planned|due)\s+(?:for|to)|"
    r"takes?\s+effect|goes\s+into\s+effect|strike|walkout|protest|election|referendum|auction|showcase|livestream|"
    r"webcast|presentation|exhibition|fair|expo|festival|ceremony|premiere|polls|walk\s+out|results|"
    r"mark\s+up|markup|(?:game|match|fixture|clash|final|Test)\s+(?:against|with|versus|vs\.?)\s+(?-i:[A-Z])\w*|flight|mission|symposium|forum|convention|speak|speech|show(?:s)?\s+off|"
    r"approv(?:e|al)|sign\s+off|ruling|switch(?:es)?\s+off|shut(?:s)?\s+off|turn(?:s)?\s+off|sunset|broadcast|airs|"
    r"be\s+(?:(?:formally|officially|finally|publicly)\s+)?(?:announced|released|unveiled|held|published|launched|revealed|decided|signed|sworn\s+in|inaugurated)|issue(?:s)?\s+(?:its|a)\s+(?:ruling|report|decision)|retire(?:s)?|phase\s+out|"
    # court dates, scheduled runs, returns, deliveries, price changes, going private, products in the works
    r"hear(?:s|ing)?\s+(?:arguments|the\s+case|an?\s+appeal|testimony)|arguments|"
    rf"{_APPEARANCE}|run(?:s)?\s+(?:on|from|through|until)|will\s+run|"
    r"return(?:s)?\s+(?:on|in|next|this)|take(?:s)?\s+delivery|"
    r"(?:raise|raises|hike|hikes|increase|increases|cut|cuts|lower|lowers)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:prices?|fees|rates)|"
    r"price\s+(?:rise|hike|increase|cut)|(?:go|goes|be\s+taken|taken|take\s+\w+)\s+private|prepar(?:es|ing)\s+(?:a|an|its|the|new)|"
    r"merger|acquisition|takeover\s+bid|completes?\s+(?:the|its)\s+(?:acquisition|purchase|merger|deal)|"
    # hearings in the passive, pricing an offering, a body's return, results with an adjective, appointments
    r"be\s+heard|initial\s+public\s+offering|price\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:IPO|offering|shares|listing)|"
    r"return(?:s)?\s+from|recess|report(?:s|ing)?\s+(?:its\s+|their\s+)?(?:annual|quarterly|half-year(?:ly)?|full-year|interim|first-half|"
    r"second-half|preliminary)\s+(?:results|earnings)|name\s+(?:a|an|its|their)\s+new|appoint\s+(?:a|an|its|their)\s+new|"
    r"closes|cut(?:s)?\s+off|switch(?:es)?\s+on|"
    # "gave the carrier 14 days to explain the outage": an answer due by a date
    r"(?:giv(?:e|es|en|ing)|gave|ha(?:s|ve))\s+(?:[\w'’-]+\s+){0,4}?(?:\d{1,3}|two|three|four|five|six|seven|ten|fourteen|thirty)\s+"
    r"(?:days?|weeks?)\s+to\s+[a-z]+|"
    # scheduled public happenings an editor's calendar keeps: visits, calls, fixtures, gatherings, sessions
    r"visit(?:s)?|(?:conference|earnings|investor|analyst)\s+calls?|the\s+call\s+will|"
    r"(?-i:[A-Z][\w.'’-]*)\s+(?:v|vs\.?|versus)\s+(?-i:[A-Z])\w*|tour|tournament|concert|gala|luncheon|dinner|fundraiser|"
    r"mixer|parade|marathon|rally|vigil|cleanup|celebrations?|workshop|seminar|webinar|screening|"
    r"(?:be\s+)?voted\s+on|(?:legislative|regular|special|plenary|parliamentary)\s+session|"
    r"arraignment|sentencing|be\s+sentenced|(?:will\s+be|are|is)\s+required\s+to|"
    # newsworthy acts put on a date: marches and ballots, take-overs, lay-offs, hand-overs, filings, opinions
    r"(?-i:march)(?:es)?(?!\s+\d)|ballot|receiv(?:e|es|ing)\s+(?:its|their|the)\s+(?:first|last|final|new)|take(?:s)?\s+over\s+as|take\s+evidence|lay(?:s)?\s+off|lay-?offs?|job\s+cuts|hand(?:s)?\s+over|handover|"
    # a road, line or station shut on a date, a sanction or curfew imposed on one
    r"be\s+(?:closed|shut)|(?:will|to)\s+shut\b|be\s+imposed|impose\s+(?:sanctions|a\s+curfew|a\s+ban)|"
    r"closures?|file\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:motion|lawsuit|suit|appeal|complaint|petition|claim|application)|motion|"
    r"(?:give|deliver|issue)(?:s)?\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:opinion|verdict|judgment|findings)|"
    r"(?:purchase|acquisition|merger|deal|takeover|sale|transaction)\b[^.;]{0,120}?\bcomplet(?:e|ed|ion)|"
    r"(?:side|team|squad|XV)\s+against\s+(?-i:[A-Z])\w*|(?:play|plays|face|faces|host|hosts|take\s+on|takes\s+on)\s+(?-i:[A-Z][a-z])\w*)\b",
    re.IGNORECASE,
)
# any action put in the future ("will march", "is expected to be completed"): a happening only beside a
# scheduled-event word of _HAPPENING; on its own it is a plan or a state ("will feature new cabins")
_FUTURE_ACT = re.compile(
    r"\b(?:"
    r"(?:will|shall|is\s+(?:expected|scheduled|set|due|slated|poised)\s+to|are\s+(?:expected|scheduled|set|due|slated|poised)\s+to|"
    # a hedged or expected act is a happening too ("could lay off", "might name", "expects to receive")
    r"could|might|(?<!\bthat\s)(?<!\bwhich\s)would|(?-i:may)|expects?\s+to|expected\s+to|"
    # "expects the agency's committee to give an opinion": an act it expects of another
    r"expects?\s+(?:the|its|an?)\s+(?:[\w'’-]+\s+){0,6}?to)\s+"
    r"(?:(?:also|then|formally|officially|finally)\s+)?(?:be\s+)?(?!(?:be|have|has|remain|cost|need|continue|require|mean|make|help|"
    r"allow|reach|become|stay|hurt|affect|entail|involve|depend|face|keep|include|add|likely|able|worth|get|see|lose|gain|pay|use|create|"
    r"generate|save|bring|double|grow|rise|fall|increase|decrease|boost|lift|weigh|benefit|cover|apply|know|want|"
    r"hit|top|beat|exceed|miss|surpass|outpace|outperform|trail|set|break|total|climb|drop|decline|shrink|slow|"
    r"probably|not|never|still)\b)[a-z]{3,})\b",
    re.IGNORECASE,
)
_TRIGGER = re.compile(f"{_HAPPENING.pattern}|{_FUTURE_ACT.pattern}", re.IGNORECASE)
_SPECULATIVE = re.compile(
    r"(?i:\b(?:reportedly|rumou?r(?:s|ed)?|could|might|is\s+said\s+to|are\s+said\s+to|is\s+believed\s+to|"
    r"people\s+familiar|people\s+briefed|according\s+to\s+(?:a\s+report|reports|sources|people)|sources\s+say|"
    r"sources\s+said|possibly|potentially|perhaps|unconfirmed|leak(?:ed|s)?|speculat\w+|insiders?|leakers?|tipsters?)\b)|\bmay\b"
)
_NEGATED = re.compile(
    r"\b(?:will\s+not|won['’]t|would\s+not|does\s+not\s+plan|has\s+no\s+plans?|no\s+longer\s+plans?|never|unlikely|"
    r"(?:is|are)\s+not\s+(?:expected|scheduled|due|set)|(?:has|have)\s+not\s+said\s+when)\b",
    re.IGNORECASE,
)
# a plan to raise a round names no date of anything: "intends to raise a Series C next year"
_RAISE_PLAN = re.compile(
    r"\b(?:plans?|planning|intends?|intending|hopes?|hoping|aims?|aiming|expects?|seeks?|seeking|looking|wants?|is\s+preparing)\s+"
    r"to\s+raise\s+(?:a|an|its|new|more|fresh|additional|further|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:Series\s+[A-H]\b|seed|round|funding|capital|money|cash|financing)"
    # "will look to tap investors for fresh capital", "plans to go back to investors for more money"
    r"|\b(?:tap|approach|go\s+back\s+to|return\s+to)\s+(?:\w+\s+){0,2}?(?:investors|backers|shareholders|the\s+markets?)\s+for\s+"
    r"(?:\w+\s+){0,2}?(?:capital|money|cash|funding|funds|financing)\b",
    re.IGNORECASE,
)
_MONEY_PLAN = re.compile(
    r"\b(?:raise|raising|spend|spending|invest|investing|borrow|(?:plans?|hopes?|aims?|seeks?|wants?|intends?|expects?|looking|"
    r"hoping|planning|aiming)\s+to\s+(?:\w+\s+){1,2}?(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?)\b[^.;]{0,40}(?:" + CURRENCY_PREFIX + r"|\b\d[\d.,]*\s*(?:million|billion))",
    re.IGNORECASE,
)
# a forecast of a figure, not a happening: "shipments to grow 3% next year", "will reach $400 billion"
_FIGURE_FORECAST = re.compile(
    r"\b(?:grow|grows|rise|rises|fall|falls|decline|declines|increase|increases|drop|drops|reach|reaches|climb|climbs|"
    r"shrink|shrinks|expand|expands|jump|jumps|surge|surges|top|tops|exceed|exceeds|hit|hits|double|doubles)\s+"
    r"(?:by\s+|to\s+)?(?:about\s+|roughly\s+|nearly\s+|around\s+|almost\s+|more\s+than\s+|over\s+)?"
    r"(?:\d[\d.,]*\s?(?:%|percent|per\s+cent)|" + CURRENCY_PREFIX + r"\s?\d|\d[\d.,]*\s+(?:million|billion|trillion))"
    # "plans to expand to 60 (staff)", "will grow to 200 stores": a headcount or size target
    r"|\b(?:grow|expand|increase|rise|climb|shrink)\s+(?:to|by)\s+(?:about\s+|around\s+|more\s+than\s+)?\d[\d,]*\b(?!\s*(?:[ap]\.?m\b|o'clock))",
    re.IGNORECASE,
)
_CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|called\s+off|scrapped|scrubbed|aborted|axed|postponed\s+indefinitely)\b", re.IGNORECASE
)
_ATTRIBUTION = re.compile(
    r",?\s+(?:according\s+to\s+[^,.;]+|people\s+(?:familiar|briefed)\s+[^,.;]*?said|analysts\s+said|"
    r"sources\s+said|the\s+company\s+said|it\s+said)\s*$",
    re.IGNORECASE,
)


def is_speculative(sentence: str) -> bool:
    """Return True when the sentence hedges ("reportedly", "could", "may", "rumoured").

    :param sentence: one sentence; "May" with a capital is read as the month, not the verb.
    """
    return _SPECULATIVE.search(sentence) is not None


# "..., and has warned that some bills may be delayed": a hedge in a side remark about something else
_SIDE_REMARK = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:it|they|the\s+\w+)\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    r"(?:warned|cautioned|said|added|noted|acknowledged|admitted|conceded)\s+that\b",
    re.IGNORECASE,
)


def _own_statement(sentence: str) -> str:
    """The sentence up to a side remark joined by "and has warned that ...", whose hedges are its own."""
    m = _SIDE_REMARK.search(sentence)
    return sentence[: m.start()] if m else sentence


# a duty put off to a new date ("delayed to January 1 a requirement that ...", "gave broadcasters an extra
# year, to January 1, to meet quotas", "extended by six months, to September 30, the deadline for ..."):
# the new date is the rule's deadline, not a happening
_DEFERRED_TO = re.compile(
    r"(?:\b(?:extend(?:s|ed)?|defer(?:s|red)?|delay(?:s|ed)?|push(?:es|ed)\s+back|postpone(?:s|d)?|put\s+off|mov(?:es|ed))\b"
    r"[^.;]{0,110}?|\b(?:extra|additional|further|more)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|time)\b,?\s+)"
    r"\b(?:to|until)\s+(?:[^.;]{0,50}?\b(?:on\s+or\s+after|from|starting)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_DUTY_NOUN = re.compile(
    r"\b(?:deadline|requirements?|obligations?|rules?|regulations?|reporting|disclosures?|quotas?|compliance|mandate|"
    r"duty|duties|levy|tax|cap|ban|standards?|guidelines?|regime|licen[cs]e)\b",
    re.IGNORECASE,
)
_HAPPENING_NOUN = re.compile(
    r"\b(?:summit|vote|voting|hearings?|conference|launch|auction|election|meeting|strike|trial|IPO|listing|sale|"
    r"release|debut|opening|ceremony|referendum|talks|match|race|show|festival|flight|mission)\b",
    re.IGNORECASE,
)


_WARNED_EFFECT = re.compile(
    r"\b(?:warn(?:s|ed)?|caution(?:s|ed)?|fear(?:s|ed)?|predict(?:s|ed)?|argu(?:e|es|ed)|worr(?:y|ies|ied)|complain(?:s|ed)?)\s+"
    r"(?:that\s+)?[^.;]{0,80}?\b(?:would|could|might|(?-i:may))\b",
    re.IGNORECASE,
)


def _what(sentence: str, span: DateSpan) -> str:
    """The sentence without its date expression, attribution and reporting verb."""
    head = re.sub(
        r"(?:\b(?:on|in|by|from|for|during|until|at|the|of|starting|between|as\s+early\s+as|no\s+later\s+than)\s+)+$",
        "",
        sentence[: span.pos],
    )
    text = (head.rstrip() + " " + sentence[span.endpos :].lstrip()).strip()
    text = _WIRE_DATELINE.sub("", text)
    # "closed overnight (Sep 17)": an aside that only repeated the date
    text = re.sub(r"\s*\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)\)", "", text)
    text = re.sub(r"^[,\s]+|\s+(?=[,.;])", "", text)
    text = _ATTRIBUTION.sub("", text.rstrip(" ."))
    # "X's chief executive said the plant will open" -> "the plant will open"
    text = re.sub(r"^[^,;]{0,80}?\b(?:said|says|told\s+\w+|announced|confirmed)\s+(?:that\s+)?(?=\S+\s+\S+)", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;")
    return text[:1].upper() + text[1:] if text else text


_AFTER_SUBJECT = re.compile(
    r"\s*(?:'s|’s|will|is|are|has|have|plans|said|says|could|may|might|would|reportedly|expects|announced|to|and|,)\b|\s*(?:'s|’s|,)"
)


def _subject_like(sentence: str, n: Name) -> bool:
    """A sentence-initial single word is a name only if a verb follows ("Meta will", not "Public comments")."""
    if n.start > 0 or " " in n.text:
        return True
    if n.text.endswith("s") and not n.text.isupper() and not n.text.endswith("ss"):
        return False
    return _AFTER_SUBJECT.match(sentence[n.end :]) is not None


# a verb told in the past that still sets a date ahead: "the sentencing was scheduled for Nov. 6"
_SCHEDULE_VERB = re.compile(
    r"(?:schedul|set|due|slat|plann|expect|postpon|mov|delay|reschedul|push|resched|announc|confirm|book|fix|agre|call)\w*$",
    re.IGNORECASE,
)


# a weekday with nothing saying which one ("on Saturday", "late Monday"): resolved forward unless told in the past
_BARE_WEEKDAY = re.compile(
    r"(?:(?:on|late|early|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


def _told_in_past(sentence: str, span: DateSpan) -> bool:
    """True when the verb the date hangs on, in the dependency parse, is in the simple past
    ("on Sunday inaugurated", "was held late Monday") and sets no date ahead; False without spaCy."""
    doc = parse(sentence)
    if doc is None:
        return False
    verb = doc[token_at(doc, span.pos)]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or _SCHEDULE_VERB.match(verb.text):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "would", "'ll", "shall", "to", "going", "is", "are", "am") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _upcoming(span: DateSpan, published: dt.date, future: bool, tense: bool | None = None) -> bool:
    if span.end > published:
        return True
    # "Microsoft reports results on Wednesday" in Wednesday's paper: the present schedules it
    return span.end == published and (future or (tense is None and span.text.lower() not in ("today", "yesterday")))


# a second clause with its own event: "... will hold its conference May 5-7 and plans to ship ..."
_CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+and\s+(?!will\s+(?:close|end|finish|conclude|wrap\s+up)\b)(?=(?:then\s+)?(?:plans?|will|is|are|expects?|aims?|intends?|hopes?|said|says|is\s+set|"
    r"would|could|may|might)\b)",
    re.IGNORECASE,
)
_MOVED = re.compile(
    r"\b(?:postponed|moved|pushed\s+back|delayed|rescheduled|adjourned|deferred|put\s+off|brought\s+forward)\b"
    r"[^.;]{0,60}\b(?:to|until|till)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_UNTIL = re.compile(
    r"^[^.;]{0,30}\b(?:last|lasts|lasting|run|runs|running|continue|continues|go\s+on)\s+(?:\w+\s+)?(?:until|through|till)\s+(?:the\s+)?$"
    r"|^,?\s+(?:and\s+)?(?:(?:will|is\s+due\s+to|is\s+set\s+to)\s+)?(?:closes?|ends?|finish(?:es)?|concludes?|wraps?\s+up)\s+(?:on\s+)?$"
    # "will run from Thursday until Saturday": the second date closes the range
    r"|^\s*(?:until|till|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SUPERSEDED = re.compile(
    r"\b(?:originally|initially|previously|was\s+due|were\s+due|had\s+been\s+(?:due|set|scheduled|planned|expected)|"
    r"from\s+(?:the|its|an?)\s+(?:original|earlier|previous|initial))\b[^.;]{0,30}$"
    # "had been due to release its sequel on March 4, but ...": a plan given up
    r"|\b(?:had\s+been|was|were)\s+(?:due|set|scheduled|planned|expected|slated)\s+to\s+[^.;,]{0,80}$",
    re.IGNORECASE,
)


# a date that dates a past market reference, not a happening: "a 27% premium to the stock's
# closing price on Wednesday", "the last full trading session before the holiday"
_PAST_REFERENCE = re.compile(
    r"(?<!\bbefore\sthe\s)(?<!\bafter\sthe\s)\b(?:closing|close|opening)\s+(?:price|level|bell|auction)s?(?:\s+(?:on|of))?\s+(?:the\s+)?$"
    r"|\b(?:premium|discount|above|below|versus|compared\s+(?:with|to)|relative\s+to)\b[^.;]{0,40}"
    r"\b(?:price|level|close|high|low|session)s?(?:\s+(?:on|of))?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PAST_REFERENCE_AFTER = re.compile(
    r"^,?\s+(?:the|its)\s+(?:last|final|previous|most\s+recent)\s+(?:full\s+)?(?:trading\s+)?(?:session|day)\b"
    # a weekday used as a modifier: "27% more than the stock's Wednesday close", "Tuesday's closing price"
    r"|^(?:'s|’s)?\s+(?:closing\s+|opening\s+)?(?:close|price|level|high|low|session|trading\s+session)\b",
    re.IGNORECASE,
)
# "the open model to beat, at least this week": a qualifier of a judgment, not a date something happens
_QUALIFIER = re.compile(r"\b(?:at\s+least|for\s+now|at\s+least\s+for|for\s+the\s+time\s+being)\s+$", re.IGNORECASE)
# a past verb of the subject dating the act ("proposed a rule on Tuesday" in Tuesday's paper)
_PAST_ACT = re.compile(
    r"^(?:[\w'’.-]+\s+){1,8}?(?:proposed|announced|unveiled|published|released|adopted|approved|passed|filed|"
    r"introduced|launched|issued|signed|said|confirmed|disclosed|reported|opened|held|voted)\s+[^,;]{0,80}$",
    re.IGNORECASE,
)
# "If the council approves, Marlin would start building": a hypothetical, not a schedule
_HYPOTHETICAL = re.compile(r"^\s*(?:if|unless|were)\b[^,;]{3,120},\s*[^;]*\bwould\b", re.IGNORECASE)
# a date inside a condition: "if the upper chamber does not pass the bills within 60 days, ..."
_IN_CONDITION = re.compile(r"\b(?:if|unless)\b[^,;.]{3,120}$", re.IGNORECASE)
# "said on Monday it had raised", "the airline said on Friday": the date of the telling
_REPORTING_DATE = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)"
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+(?:\w+\s+){0,2}?\w+|stated|wrote|disclosed|"
    r"revealed|reported|added|explained|noted|saying|telling\s+(?:\w+\s+){0,2}?\w+|announcing|confirming)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
# a past main verb ("opened a consultation on Wednesday", "withdrew a decree on Friday"): a done act
_PAST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|withdrew|took|held|began|made|gave|won|sold|bought|told|wrote|brought|chose|drew|ran|rose|fell|"
    r"met|left|sent|spent|struck|put|set|shut|cut|hit|led|saw|got|went|came|became|paid|kept|lost|sought|threw|"
    r"broke|spoke|froze|rode|stood|swore|tore|wore|bore|bid|quit|split|spread|shed|slid|hung|fought|caught|taught|"
    r"bought|built|dealt|felt|found|heard|knew|laid|lent|meant|read|said|sat|sank|shot|slept|sold|sped|stuck|swung|"
    r"understood|won|withheld|overturned|undertook|oversaw|rebuilt|redrew)\b"
)
_NOT_PAST_CONTEXT = re.compile(
    r"\b(?:will|to|is|are|be|due|set\s+to|scheduled|expected|planned|planning|plans?|slated|would|'ll)\b", re.IGNORECASE
)
# a trailing attribution does not make the statement past: "closes within 90 days, the ministry said"
_TAIL_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+){0,5}?(?:said|says|showed|shows|told\s+\w+|reported)"
    r"(?:\s+(?:on|late|early)\s+\w+|\s+in\s+a\s+\w+(?:\s+\w+)?)?\s*\.?$",
    re.IGNORECASE,
)


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DURATION_FROM = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[\s-]+days?\b[^.;,]{0,40}?"
    # "a two-day strike starting Monday", "the three-day conference begins Friday"
    r"\b(?:from|starting|beginning|begins|starts|opens|kicks\s+off|gets\s+under\s*way)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


# a dateline or byline: "ALLENTOWN, Pa., Sept. 3, 2015 /PRNewswire/ --", "BEIJING, Sept. 22 (Reuters) -",
# "by Jo Smith Tuesday, September 1, 2015 - 14:17": the day of the telling, never of a happening
# "ROSELAND, N.J.,", "Past News Releases RSS Las Vegas (PRWEB)": the place, outlet or wire before a dateline
_DATELINE_BEFORE = re.compile(r"^(?:(?:by|and|of|the|[A-Z][\w.'’&-]*|\([A-Z][A-Za-z .]{1,30}\))[,\s]+){0,10}$")
# a release's dateline opening the sentence: "ROSELAND, N.J., Sept. 2, 2015 (GLOBE NEWSWIRE) -- "
_WIRE_DATELINE = re.compile(r"^[^()]{0,80}?\b(?:19|20)\d\d\s*(?:/\s*)?\((?:[A-Z][A-Za-z .]{1,30})\)\s*(?:/\s*)?(?:--|[-–—])\s*")
# "where I am today", "who we are today": the present state, not a date
_PRESENT_STATE = re.compile(r"\b(?:where|who|what)\s+(?:I|we|you|he|she|it|they)\s+(?:am|are|is)\s+$", re.IGNORECASE)
# "his first visit abroad after January, when he was appointed": a past month told by its happening
# the news itself, not a date ahead: "Beginning today, users can download the app"
_FROM_TODAY = re.compile(r"\b(?:beginning|starting|effective|as\s+of|from)\s+$", re.IGNORECASE)
# a date that is an anniversary, not a happening: "Next week is the 40th anniversary of the march"
_ANNIVERSARY = re.compile(r"\b(?:is|marks?|marking)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?anniversary\b", re.IGNORECASE)
_COMMEMORATION = re.compile(r"\b(?:ceremon(?:y|ies)|service|memorial|commemorat\w+|celebrat\w+|parade|vigil|concert|unveil\w*)\b",
                            re.IGNORECASE)
# a weather forecast: "The big change comes Wednesday with the chance for showers and storms"
_WEATHER = re.compile(
    r"\bchance\s+(?:for|of)\s+(?:[\w-]+\s+){0,2}?(?:showers|storms|thunderstorms|rain|snow|drizzle|sleet|frost)\b"
    r"|\b(?:highs|lows|temperatures)\s+(?:will\s+)?(?:in|near|around|of|reach\w*|climb\w*|drop\w*|fall\w*)\s+(?:the\s+)?(?:upper|lower|mid|\d)",
    re.IGNORECASE,
)
_WHEN_PAST_AFTER = re.compile(r"^,?\s+when\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had|did)\b", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^\s*(?:/[^/]{2,30}/|\((?:[A-Z][\w .]{1,30})\)|[-–—]{1,2}\s|,?\s*\d{1,2}[:.]\d\d\b)")
# "Mumbai, Sep 13 : After ...": a dateline with its day of the month closed by a colon (not a list's "Tuesday: ...")
_DATELINE_COLON_AFTER = re.compile(r"^\s+:\s")
# "Sartaj Aziz on Tuesday said ...": the date of the telling put before the reporting verb
_REPORTING_AFTER = re.compile(
    r"^\s+(?:said|says|told|announced|confirmed|stated|wrote|disclosed|revealed|reported|added|noted)\b", re.IGNORECASE
)
# a date used to qualify a noun: "an early Tuesday morning blaze", "the Monday session"
# "an early Tuesday morning blaze", "our regular Thursday pet pages": the weekday qualifies a noun
_MODIFIER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|our|their|its|his|her|my|your)\s+(?:early|late|regular|usual|weekly|traditional|normal)?\s*$",
    re.IGNORECASE,
)
_BARE_MONTH = re.compile(
    r"^(?:in\s+|during\s+|since\s+)?(?:early\s+|mid-?|late\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_MODIFIER_AFTER = re.compile(r"^\s+(?:(?:morning|afternoon|evening|night)\s+)?[a-z]{3,}\b(?<!\bat)(?<!\bin)(?<!\bon)")
# the current period, already begun: "this year", "this month", "the current quarter" dates nothing an editor keeps
# a forecast of a figure or a market: "gold prices may plunge ...", "we expect profit will be higher in the second half"
_MARKET_FORECAST = re.compile(
    r"\b(?:prices?|profits?|sales|revenues?|earnings|inflation|growth|rates|yields?|demand|the\s+economy|shares|stocks?|"
    r"the\s+(?:dollar|euro|pound|yen|rupee|market)|(?:sales|profit)\s+contribution)\s+"
    r"(?:(?:may|might|could|will|would|should|(?:is|are)\s+(?:likely|expected|forecast|set)\s+to)\s+)"
    r"(?:\w+\s+)?(?:plunge|fall|rise|drop|trade|climb|soar|slump|slide|remain|stay|recover|rebound|be\s+(?:higher|lower|negative|positive|flat|weaker|stronger))\b"
    r"|\b(?:forecasts?|predicts?|expects?|expect|anticipates?|sees?)\s+(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:prices?|profits?|sales|revenues?|earnings|inflation|growth|rates|contribution|margins?)\b[^.;]{0,40}?"
    r"\b(?:will|to)\s+(?:be\s+(?:higher|lower|negative|positive|flat)|trade|rise|fall|grow|decline|improve|remain)\b",
    re.IGNORECASE,
)
_RELEASE_HEADER = re.compile(r"\s*for\s+immediate\s+release\b", re.IGNORECASE)
_AVAILABLE_UNTIL = re.compile(
    r"\b(?:available|valid|good|redeemable|off|on\s+view|accessible|archived)\b[^.;]{0,40}?\b(?:through|until|till|thru|to)\s+$"
    # the end of a permission or a grace period: "lets shops open on Sundays, but only until the end of August"
    r"|\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|let(?:s|ting)?|exempt(?:s|ed|ing)?)\b[^.;]{0,160}?\b(?:until|till|through)\s+$"
    r"|\bonly\s+(?:until|till|through)\s+$"
    r"|\boffers?\s+(?:ends?|expires?|closes?):?\s*$",
    re.IGNORECASE,
)
_EXPLICIT_RANGE = re.compile(r"\d\s*(?:to|through|until|till|[-–])\s*(?:[A-Z][a-z]+\s+)?\d|\d\s+(?:to|through|until|till)\s+[A-Z]", re.IGNORECASE)
# terms of a loan or a streaming contract, not happenings: "principal is due at maturity on December 31",
# "the remaining $200 million will be drawn within 18 months", "with payment of $400 per ounce"
_CONTRACT_TERMS = re.compile(
    r"\b(?:maturity|matures?|principal\s+(?:amount|and)|accrued\s+interest|payable|coupons?|redemption|repurchase|"
    r"prepayment|be\s+drawn|drawn\s+down|advanced\s+at\s+closing|payment\s+of\s+" + CURRENCY_PREFIX + r"|"
    # a financing's closing is a step of its paperwork: "the private placement is expected to close on June 20"
    r"(?:financing|placement|offering|debentures?|notes|tranche|facility)\b[^.;]{0,60}?\bclos(?:e|es|ing)\b)",
    re.IGNORECASE,
)
# an ongoing period's end: "This year's cleanup runs until Nov. 30" (a run with a start ahead says "from")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
_RUNS_UNTIL = re.compile(r"\b(?:runs?|running|continues?|continuing|lasts?|lasting)\s+(?:\w+\s+)?(?:until|through|till)\s+$", re.IGNORECASE)
# the days and hours a place keeps: "open Tuesday – Saturday 3:00 p.m. to midnight", "Mon-Fri 9am-5pm"
_OPENING_HOURS = re.compile(
    r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\s*(?:-|–|—|to|through|thru)\s*"
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b,?\s*(?:from\s+)?"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|am\b|pm\b|noon\b|-|–|to\b)",
    re.IGNORECASE,
)
# a recurring slot, not a date: "every Saturday and Sunday"
_RECURRING = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
# a weekday opening a name: "the 'Friday Night Flights' option", "Monday Night Football"
_WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_QUOTE_BEFORE = re.compile(r"[\"'\u2018\u201c]$")
_NAME_TO_QUOTE = re.compile(r"(?:\s+[A-Z][\w'-]*)*[\"'\u2019\u201d]")  # the name's capitalised words to its closing quote
_NIGHT_NAME_AFTER = re.compile(r"\s+Night\s+[A-Z]")
# "meets on the first Saturday of each month": a monthly slot
_MONTHLY_AFTER = re.compile(r"^\s+(?:of\s+)?(?:each|every)\s+month\b|^\s+of\s+the\s+month\b", re.IGNORECASE)
_NTH_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last)\s+$", re.IGNORECASE)
# a yearly custom told in the present: "Every year, salons host the event during October"
_YEARLY = re.compile(r"^\W*(?:every|each)\s+year\b|\b(?:annually|every\s+year|each\s+year)\s*[.!]?\s*$", re.IGNORECASE)
# a season that only qualifies a noun: "the summer weather starting to fade", "her autumn wardrobe"
_SEASON_NOUN_AFTER = re.compile(
    r"^\s+(?:weather|heat|sun|sunshine|rains?|fashions?|collections?|wardrobes?|styles?|looks?|menus?|reading|"
    r"crops?|clothes|clothing|colou?rs?|produce|vegetables|fruits?|flowers|skin|hair|trends?|staples?|essentials)\b",
    re.IGNORECASE,
)
# a web address: "visit:http://example.com/news/event--saturday-october-17-2015.html" holds no date of the text
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# a timestamp: "Sep. 17, 2015 - 04:00PM JST", "September 18, 2015 at 8:02 am"
_TIMESTAMP_AFTER = re.compile(r"^\s*(?:[-–—|]|at)?\s*\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?")
_SEASON_WORD = re.compile(r"\b(?:spring|summer|fall|autumn|winter)\b", re.IGNORECASE)
_VAGUE = re.compile(r"^(?:(?:in|during|for|over|throughout)\s+)?(?:this|the\s+current)\s+year$", re.IGNORECASE)


def is_dateline(sentence: str, span: DateSpan, published: dt.date) -> bool:
    """Return True when ``span`` is the dateline or byline date at the head of a sentence.

    :param sentence: one sentence.
    :param span: a date span found in it.
    :param published: the article's publication date; a dateline dates the telling, at most
        a few days before it.
    """
    if span.pos > 90 or not _DATELINE_BEFORE.match(sentence[: span.pos]):
        return False
    colon = _DATELINE_COLON_AFTER.match(sentence[span.endpos :]) is not None and re.search(r"\d", span.text) is not None
    if not _DATELINE_AFTER.match(sentence[span.endpos :]) and not colon and not re.search(r"\d{4}", span.text):
        return False
    past = find_dates(span.text, published, future=False)
    return bool(past) and 0 <= (published - past[0].start).days <= 3


def extract_events(sentence: str, *, published: dt.date, article_id: str = "") -> list[Event]:
    """Return the upcoming events stated in one sentence (at most one per clause).

    A sentence joining two plans ("will hold its conference May 5-7 and plans to start
    shipping in the autumn") gives one event per clause; the second clause borrows the
    subject of the first.

    :param sentence: one sentence.
    :param published: publication date of the article; events before it are not upcoming.
    :param article_id: id of the article the sentence comes from.
    """
    cuts = list(_CLAUSE_BREAK.finditer(sentence))
    # "will unveil its phones on January 22 and begin shipping them in February": an "and"
    # between two dates joins two happenings (a range such as "July 14 and 15" is one date)
    spans = find_dates(sentence, published)
    for a, b in itertools.pairwise(spans):
        # "opens on November 16 and closes on November 18" is one happening, not two
        joins = [
            j
            # "... will be closed on Thursday while its exit road will shut on Friday": two happenings too
            for j in re.finditer(r",?\s+(?:and|while|whereas)\s+(?=[a-z])", sentence[a.endpos : b.pos])
            if not _UNTIL.match(sentence[a.endpos + j.start() : b.pos])
        ]
        if joins and not re.search(r"\b(?:until|through|till|to)\s+(?:the\s+)?$", sentence[: b.pos]):
            j = joins[-1]
            cut = re.compile(re.escape(j.group(0))).search(sentence, a.endpos + j.start())
            if cut is not None and all(c.start() != cut.start() for c in cuts):
                cuts.append(cut)
    cuts.sort(key=lambda c: c.start())
    if not cuts:
        return _clause_event(sentence, published=published, article_id=article_id)
    out: list[Event] = []
    start = 0
    subject = ""
    first_head = ""
    for cut in [*cuts, None]:
        end = cut.start() if cut is not None else len(sentence)
        clause = sentence[start:end].strip()
        again = re.match(r"(?:again|once\s+more|then\s+again)\b", clause, re.IGNORECASE)
        if start and again and first_head:
            # "will strike on Monday and again on March 4": the second date repeats the first happening
            clause = f"{first_head} {clause[again.end() :].strip()}"
        elif start and subject and not re.match(r"[A-Z]|(?:its|the|their|his|her|an?)\s", clause):
            clause = f"{subject} {clause}"
        events = _clause_event(clause, published=published, article_id=article_id, full=sentence)
        if not first_head:
            first_dates = find_dates(clause, published)
            first_head = clause[: first_dates[0].pos].strip() if first_dates else ""
        if not subject:
            names = find_names(clause)
            subject = names[0].text if names and names[0].start == 0 else ""
        out.extend(e for e in events if all((e.start, e.end) != (o.start, o.end) for o in out))
        start = cut.end() if cut is not None else len(sentence)
    if len(out) <= 1:
        # one event after all: read it off the whole sentence, as without clauses, unless the
        # whole sentence dates it by a clause that held no event ("adopted a rule from January 1,
        # and will hold a session next Thursday")
        whole = _clause_event(sentence, published=published, article_id=article_id)
        if out and whole and (whole[0].start, whole[0].end) != (out[0].start, out[0].end):
            return [dataclasses.replace(out[0], what=whole[0].what)]
        return whole
    return out


def _clause_event(sentence: str, *, published: dt.date, article_id: str = "", full: str = "") -> list[Event]:
    """The upcoming event of one clause (``full`` is the whole sentence it comes from)."""
    full = full or sentence
    if not _HAPPENING.search(sentence) or _CANCELLED.search(full) or _NEGATED.search(sentence):
        return []
    warned = [(w.start(), w.end()) for w in _WARNED_EFFECT.finditer(sentence)]
    if warned and all(any(a <= t.start() < b for a, b in warned) for t in _TRIGGER.finditer(sentence)):
        return []  # "groups warned that the levy would push up prices next year": a feared effect
    if _MONEY_PLAN.search(sentence) or _RAISE_PLAN.search(sentence) or _FIGURE_FORECAST.search(sentence) or _HYPOTHETICAL.search(sentence):
        return []
    if _MARKET_FORECAST.search(sentence) or _RELEASE_HEADER.match(full):
        return []  # "gold prices may plunge by next year", "FOR IMMEDIATE RELEASE: September 4": no happening
    if _CONTRACT_TERMS.search(sentence) and not _HAPPENING_NOUN.search(sentence):
        return []  # the dates of a loan's or a stream's terms
    if re.search(r"\?\W*$", full):
        return []  # "Is there a certain Saturday that promises ...?": a question schedules nothing
    if _WEATHER.search(sentence) or (_ANNIVERSARY.search(sentence) and not _COMMEMORATION.search(sentence)):
        return []  # a forecast's weather, an anniversary's date: no happening to put in a calendar
    if re.search(r":\s*$", full):
        return []  # "will publish its financial information in 2016 as follows:": a list's introduction
    if _OPENING_HOURS.search(sentence):
        return []  # "open Tuesday - Saturday 3 p.m. to midnight": a weekly timetable, no happening
    future = is_future_sentence(sentence)
    tense = sentence_tense(sentence)
    urls = [(u.start(), u.end()) for u in _URL.finditer(sentence)]
    dated = find_dates(sentence, published)
    long_ago = any((published - d.start).days > 730 for d in dated)  # a date the story looks back to: "April 15, 1897"
    spans = [s for s in dated if not _SUPERSEDED.search(sentence[max(0, s.pos - 110) : s.pos])]
    # the most precise date wins: "on November 19" over "in the fourth quarter"; a date something lasts until is
    # its end, not its date: "will close in December and stay shut until June 2017" closes in December
    spans.sort(key=lambda s: (_UNTIL_BEFORE.search(sentence[max(0, s.pos - 30) : s.pos]) is not None, (s.end - s.start).days))
    # "returns next weekend, Sept. 10-13": a date the sentence writes out wins over a relative one it overlaps
    if spans and not re.search(r"\d", spans[0].text):
        written = next((s for s in spans[1:] if re.search(r"\d", s.text) and s.start <= spans[0].end
                        and spans[0].start <= s.end), None)
        if written is not None:
            spans.remove(written)
            spans.insert(0, written)
    strong = is_strong_future(sentence)
    for span in spans:
        if is_dateline(sentence, span, published):
            continue
        if any(a <= span.pos < b for a, b in urls):
            continue  # a date inside a web address
        if re.match(r"in\s", span.text) and re.search(
            r"\b(?:first|second|third|only)\s+time\s+$|\b(?:highest|lowest|biggest|best|worst|longest|strongest|weakest)\s+(?:\w+\s+)?$",
            sentence[max(0, span.pos - 40) : span.pos], re.IGNORECASE,
        ):
            continue  # "fell for the first time in eight days": a span of the past
        if re.match(r"\s+(?:\$[\d.,]+\s+)?(?:puts?|calls?|options?|futures|contracts?|expiry|expiration)\b", sentence[span.endpos :], re.IGNORECASE):
            continue  # "the April 2016 put at the $22.50 strike": an option's expiry, no happening
        if span.text.strip().lower() == "today" and _PRESENT_STATE.search(sentence[max(0, span.pos - 30) : span.pos]):
            continue  # "worked hard to get where I am today"
        if span.start == published and span.text.strip().lower() == "today" and _FROM_TODAY.search(sentence[max(0, span.pos - 20) : span.pos]):
            continue  # "Beginning today, users can ...": what the story reports, not a date ahead
        if _WHEN_PAST_AFTER.match(sentence[span.endpos :]):
            continue  # "after January, when he was first appointed"
        if (_BARE_MONTH.match(span.text) or _SEASON_WORD.fullmatch(re.sub(r"^(?:the|this|in|during)\s+|\s+(?:19|20)\d\d$", "", span.text.strip(), flags=re.IGNORECASE))) and (
            _YEARLY.search(sentence) or _SEASON_NOUN_AFTER.match(sentence[span.endpos :])
        ):
            continue  # "every year ... during October", "the summer weather": no date of a happening
        if (
            re.search(r"\d{4}", span.text)
            and 0 <= (published - span.start).days <= 3
            and _TIMESTAMP_AFTER.match(sentence[span.endpos :])
        ):
            continue  # "Sep. 17, 2015 - 04:00PM JST": when the page was posted
        before_span = sentence[max(0, span.pos - 40) : span.pos]
        if _IN_CONDITION.search(sentence[max(0, span.pos - 120) : span.pos]):
            continue  # the date of a condition, not of a schedule
        if _RECURRING.search(before_span):
            continue  # "every Saturday and Sunday": a recurring slot
        if _WEEKDAY_WORD.fullmatch(span.text.strip()) and (
                (_QUOTE_BEFORE.search(before_span) and _NAME_TO_QUOTE.match(sentence[span.endpos :]))
                or _NIGHT_NAME_AFTER.match(sentence[span.endpos :])):
            continue  # "the 'Friday Night Flights' option", "Thursday Night Football": a name, not a date
        if _NTH_BEFORE.search(before_span) and _MONTHLY_AFTER.match(sentence[span.endpos :]):
            continue  # "on the first Saturday of each month": a monthly slot
        if long_ago and _BARE_WEEKDAY.fullmatch(span.text.strip()):
            continue  # "The paper noted on April 15, 1897: he will start Thursday": that Thursday is long gone
        if _RUNS_UNTIL.search(before_span) and not re.search(r"\bfrom\b", sentence[max(0, span.pos - 80) : span.pos], re.IGNORECASE):
            continue  # "runs until Nov. 30": the end of a period under way
        if (
            _BARE_WEEKDAY.fullmatch(span.text.strip())
            and not re.match(r"(?:on|this|next)\b", span.text.strip(), re.IGNORECASE)
            and not is_future_sentence(sentence[max(0, span.pos - 60) : span.endpos + 15])
            and (span.start - published).days >= 6
        ):
            continue  # "vote-wrangling Thursday" in Friday's paper, told in the present: yesterday, not next week
        if not _upcoming(span, published, future, tense):
            continue
        if _BARE_WEEKDAY.fullmatch(span.text.strip()) and _told_in_past(sentence, span):
            continue  # "Merkel on Saturday spoke by phone with ...": a weekday of the past, not the next one
        if _VAGUE.match(span.text.strip()) and span.start < published:
            continue  # "this year": a period already under way, not a date
        aside = next((p for p in re.finditer(r"\([^()]*\)", sentence) if p.start() < span.pos < p.end()), None)
        if aside is not None and not _TRIGGER.search(aside.group(0)):
            continue  # "(10 things to know for Tuesday)": the date of an aside, not of the happening
        if span.kind == "on" and (published - span.start).days >= 7 and _EXPLICIT_RANGE.search(span.text):
            continue  # "the open season, June 1 to November 30": a period under way, not one ahead
        if span.kind == "on" and span.start < published and (span.end - span.start).days >= (27 if not future else 35):
            continue  # "this autumn", or "this month" told of no future happening: a period under way
        if re.search(r"\bearlier\s+$", sentence[max(0, span.pos - 10) : span.pos], re.IGNORECASE):
            continue  # "earlier this week": past
        if _AVAILABLE_UNTIL.search(sentence[max(0, span.pos - 60) : span.pos]):
            continue  # "the webcast is available through October 17", "25% off through December 16": an offer's end
        if (
            (span.start - published).days > 183
            and (_BARE_MONTH.match(span.text) or (_SEASON_WORD.search(span.text) and not re.search(r"\d{4}|\bnext\b", span.text, re.IGNORECASE)))
            and not strong
        ):
            continue  # "in August it would welcome", "had his worst month in August": not next year's August
        if (
            (span.start - published).days > 183 and not future and not strong
            and re.search(r"\d", span.text) and not re.search(r"\d{4}|\bnext\b", span.text, re.IGNORECASE)
        ):
            continue  # "a record high set on May 19" in September: this year's day gone, not next year's
        if _REPORTING_AFTER.match(sentence[span.endpos :]):
            continue  # "X on Tuesday said ...": the day of the statement
        if _WEEKDAY.search(span.text) and _MODIFIER_BEFORE.search(sentence[max(0, span.pos - 20) : span.pos]) and _MODIFIER_AFTER.match(
            sentence[span.endpos :]
        ) and not strong:
            continue  # "an early Tuesday morning blaze": the weekday qualifies a noun
        # a date that only qualifies a figure ("revenue in Q3") is not an event date; a new
        # date ("the summit was postponed to January 14") still lies ahead
        moved = _MOVED.search(sentence[: span.pos]) is not None
        body = _TAIL_ATTRIBUTION.sub("", sentence)
        scheduled = re.search(r"\b(?:was|were)\s+(?:scheduled|set|slated|due|planned)\b", body, re.IGNORECASE) is not None
        if not future and not moved and not scheduled and re.search(
            r"\b(?:was|were|had|did|(?:has|have)\s+been(?!\s+(?:scheduled|rescheduled|set|slated|planned|moved|pushed|postponed|delayed|brought|called|confirmed|fixed|booked|pencilled|penciled|put\s+back))|rose|fell|grew|jumped|doubled|reported|said|went|took\s+place|happened|occurred)\b", body
        ):
            continue
        before = sentence[max(0, span.pos - 60) : span.pos]
        if _PAST_REFERENCE.search(before) or _PAST_REFERENCE_AFTER.search(sentence[span.endpos :]):
            continue
        if _QUALIFIER.search(before):
            continue
        if (
            _DEFERRED_TO.search(sentence[max(0, span.pos - 200) : span.pos])
            and _DUTY_NOUN.search(sentence)
            and not _HAPPENING_NOUN.search(sentence)
        ):
            continue  # a rule's new deadline, not an event
        if _REPORTING_DATE.search(before):
            continue  # "X said on Friday (that) ...": the day of the statement
        if re.match(r"(?:'s|’s)\s", sentence[span.endpos :]):
            continue  # "next year's dates", "Friday's vote was moved": the date modifies a noun
        clause_before = re.split(r"[,;]\s+|\s+(?:and|but)\s+", sentence[: span.pos])[-1]
        if (
            span.end <= published
            and _PAST_VERB.search(clause_before)
            and not _NOT_PAST_CONTEXT.search(clause_before)
        ):
            continue  # "opened a consultation on Wednesday" in Wednesday's paper
        if re.match(
            r"[^;]{0,40}?\b(?:went\s+ahead|took\s+place|(?:was|were)\s+(?:held|completed|carried\s+out)|happened|occurred|passed\s+off)\b",
            sentence[span.endpos :],
            re.IGNORECASE,
        ):
            continue  # "the launch, scheduled for March 9, went ahead": done, not ahead
        if span.end <= published and _PAST_ACT.search(sentence[: span.pos]) and not re.search(
            r"\b(?:will|to|is|are|be|due|set|scheduled|expected)\b", sentence[: span.pos], re.IGNORECASE
        ):
            continue  # "proposed a rule on Tuesday" in Tuesday's paper dates a done act
        start, end = (span.end, span.end) if span.kind == "by" else (span.start, span.end)
        # "walk out for three days from July 18", "a two-day strike starting Monday": the span runs N days
        days = _DURATION_FROM.search(sentence[max(0, span.pos - 80) : span.pos])
        if days and start == end:
            n_text = days.group("n").lower()
            n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text, 1)
            if 1 < n <= 31:
                end = start + dt.timedelta(days=n - 1)
        # "will begin on Monday and last until Friday": the happening runs to the later date
        for later in spans:
            if later.pos <= span.endpos or not _UNTIL.search(sentence[span.endpos : later.pos]):
                continue
            until = later.end
            if until < start and (start - until).days < 7:
                until += dt.timedelta(days=7)  # "on Monday and last until Friday": the Friday after
            end = max(end, until)
        trigger = _TRIGGER.search(sentence)
        cut = trigger.start() if trigger else len(sentence)
        wire = _WIRE_DATELINE.match(sentence)
        opens = wire.end() if wire else 0  # the release's dateline names a place, not who acts
        names = [n for n in find_names(sentence) if opens <= n.start < cut and not (span.pos <= n.start < span.endpos)]
        names = [n for n in names if name_key(n.text) not in _PLACES and _subject_like(sentence, n)] or []
        who = names[0].text if names else ""
        return [
            Event(
                what=_what(sentence, span),
                article_ids=(article_id,) if article_id else (),
                sentence=full,
                who=who,
                start=start,
                end=end,
                when_text=span.text,
                speculative=is_speculative(_own_statement(full)),
            )
        ]
    return []


def _words(text: str) -> set[str]:
    stop = {"the", "a", "an", "of", "on", "in", "to", "will", "its", "and", "for", "is", "be", "at", "with"}
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop and len(w) > 2}


def _capitalised(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"(?<![\w'’])[A-Z][\w'’-]+", text)[1:]}


def _distinct_names(a: str, b: str) -> bool:
    """Both texts name something the other does not: "Woodbine Beach Park", "Iona Beach Park"."""
    ca, cb = _capitalised(" " + a), _capitalised(" " + b)
    return bool(ca - cb) and bool(cb - ca)


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Merge the same event reported by several articles: same dates and overlapping words.

    :param events: events from the articles of one story.
    """
    merged: list[Event] = []
    for e in events:
        for i, m in enumerate(merged):
            same_when = m.start == e.start and m.end == e.end
            same_who = bool(m.who) and name_key(m.who) == name_key(e.who)
            words_m, words_e = _words(m.what), _words(e.what)
            overlap = len(words_m & words_e)
            if set(m.article_ids) & set(e.article_ids):
                # one article names two happenings of a day ("the deputy governor speaks", "the
                # assistant governor speaks"): the same one only when most words are shared
                same = overlap >= max(2, min(len(words_m), len(words_e)) / 2) and not _distinct_names(m.what, e.what)
            else:
                same = same_who or overlap >= 2
            if same_when and same:
                merged[i] = Event(
                    what=m.what,
                    article_ids=tuple(dict.fromkeys(m.article_ids + e.article_ids)),
                    sentence=m.sentence,
                    who=m.who or e.who,
                    start=m.start,
                    end=m.end,
                    when_text=m.when_text,
                    speculative=m.speculative and e.speculative,
                )
                break
        else:
            merged.append(e)
    return merged


def names_a_happening(text: str) -> bool:
    """Whether ``text`` names a scheduled kind of happening ("vote on the bill", "deal to close", "launch").

    :param text: a short phrase, such as a calendar line's what.
    """
    return _HAPPENING.search(text) is not None
