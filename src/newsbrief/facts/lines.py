"""One short line per fact, as an editor writes it in a calendar or a roundup.

- an event: "Who: what", the happening without its date, its attribution or the rest of the
  sentence ("Corvane Space: launch its first 24 broadband satellites");
- a funding round: "Company: amount round, led by investors" ("Quillmark: €42M Series B, led
  by Aldergrove Ventures");
- a regulation: "Regulator: rule, status, date" ("Online Standards Authority: Children's App
  Store Code, delayed; deadline 1 Sep 2027").
"""

from __future__ import annotations

import re

from newsbrief.facts.event_clause import GENERIC_HEADS, event_clause
from newsbrief.facts.names import find_names
from newsbrief.model import Event, FundingRound, Regulation

__all__ = ["MAX_LINE_WORDS", "event_line", "funding_line", "line_reads_alone", "regulation_line", "shown_status"]

MAX_LINE_WORDS = 12
"""The most words of the "what" of an event line."""

# the auxiliaries between a subject and its happening: "will", "is expected to", "plans to", "to"
_AUX = re.compile(
    r"\s+(?:(?:is|are)\s+(?:also\s+)?(?:expected|scheduled|set|due|slated|poised|going|planning|preparing|likely|about)\s+to"
    r"|(?:also\s+)?(?:plans?|aims?|intends?|hopes?|expects?)\s+to|will|would|could|may|might|shall"
    r"|(?:is|are)(?=\s+(?:also\s+)?[a-z]+ing\b)|to(?=\s+[A-Z][a-z]+\s))(?:\s+(?:also|then|formally|officially|first|now))?\s+(?=[A-Za-z])",
)
# "Dubbed Heart of Stone, the expansion ...", "Greece, a key transit point for migrants, is ...": asides
_LEAD_ASIDE = re.compile(r"^(?:[A-Z][a-z]+ed\b[^,]{0,60},\s*)")
_ASIDE = re.compile(r",\s[^,]*,?\s*$")
# "he added that ...": the telling, not the happening
_REPORTED = re.compile(r"^(?:[\w'’-]+\s+){1,4}?(?:added|said|says|noted|announced|confirmed|told\s+\w+)\s+(?:that\s+)?", re.IGNORECASE)
# "hold its iPhone event" -> "iPhone event": the happening is the object
_HOLD = re.compile(r"^(?:hold|host|stage|convene|have)\s+(?:(?:its|their|his|her|a|an|the)\s+)?(?=\S)", re.IGNORECASE)
# "Corvane Space to launch first satellites": a headline's subject and its "to"
_HEADLINE_TO = re.compile(r"^(?P<subject>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s+to\s+(?=[a-z])")
# "the phone ... and says it": the subject of a reported plan is what follows the reporting verb
_REPORTING = re.compile(r"^.*\b(?:says|said|say|announced|confirmed|added|told\s+\w+)\s+(?:that\s+)?", re.IGNORECASE)
# what is left of a cut date: "close by the end (of the third quarter)", "in the first half"
_DATE_REMNANT = re.compile(
    r"\s+(?:by|at|in|before|after|around|until|from|during)\s+the\s+(?:end|start|beginning|middle|first|second|third|fourth|"
    r"last|latest|earliest)\b.*$|\s+(?:later|earlier|early|late|no\s+later\s+than)$",
    re.IGNORECASE,
)
# "The companies expect the deal to close": the happening is the object's
_EXPECTS_OBJECT = re.compile(r"^(?P<subject>[^,]{2,60}?)\s+expects?\s+(?:the|its|their)\s+(?P<object>[\w-]+)\s+to\s+(?=[a-z])")
_PASSIVE = re.compile(r"^(?:be\s+)?(?:held|staged|convened|heard|decided|announced|released|published|unveiled|launched)\b\s*")
_GENERIC_SUBJECT = re.compile(rf"^(?:it|they|he|she|we|the\s+(?:{'|'.join(sorted(GENERIC_HEADS))}))$", re.IGNORECASE)
# where the happening's own words end: a side clause, an aside, a purpose, a reporting tail
_TAIL = re.compile(
    r"\s*(?:,(?!\s*(?:19|20)\d\d\b)|[;:(]|\s[-–—]\s)|\s+(?:after|as|which|where|while|when|because|but|although|though|if|unless|amid|"
    r"before|following|according|said|says|added|the\s+company\s+said|subject\s+to|including|with\s+(?:the\s+)?aim)\b",
    re.IGNORECASE,
)
_STOP_END = re.compile(
    r"(?:\s+(?:a|an|the|of|on|in|at|to|for|from|by|with|and|or|its|their|his|her|this|that|its|as|into|over))+$",
    re.IGNORECASE,
)
_LEAD_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# What a sentence puts before its auxiliary is not always who acts: a clause ("Thursday afternoon
# that the two"), a time ("One year on"), a list ("the ballot, and with the elections").
_NOT_A_NAME = re.compile(
    r",|\b(?:that|which|whether|if|when|where|while|because|says?|said|suggests?|suggested|believes?|thinks?|"
    r"argues?|claims?|hopes?|fears?)\b|^(?:or|and|but|so)\b|^(?:(?:one|two|this|next|last|every)\s+(?:day|week|month|"
    r"year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|\d)\b",
    re.IGNORECASE,
)


# words that open a phrase: a cut after one of them leaves the phrase half told ("held at the church with Dr")
_PHRASE_OPENERS = frozenset("""in at on for with from to by of during into over under near via including after before
    against between through and or but""".split())


# "its", "their" in a line without an actor own nothing the reader sees: "Winners announced at its gala"
_OWNER = re.compile(r"(?<![\w'’-])(?:its|their|Its|Their)(?![\w'’-])")


def _cap(text: str, words: int = MAX_LINE_WORDS) -> str:
    """At most ``words`` words, a cut phrase left out whole ("held at the church", not "held at the church with Dr")."""
    parts = text.split()
    if len(parts) > words:
        parts = parts[:words]
        opener = max((n for n, w in enumerate(parts) if w.lower() in _PHRASE_OPENERS), default=0)
        text = " ".join(parts[:opener] if opener >= 3 else parts)
    return _STOP_END.sub("", text).strip(" ,;:.-–—")


_BASE_FORMS = {
    "holding": "hold", "hosting": "host", "staging": "stage", "launching": "launch", "releasing": "release",
    "opening": "open", "meeting": "meet", "voting": "vote", "starting": "start", "beginning": "begin",
    "shipping": "ship", "publishing": "publish", "unveiling": "unveil", "reporting": "report", "closing": "close",
    "presenting": "present", "debating": "debate", "announcing": "announce", "introducing": "introduce",
}


def _base(verb_phrase: str) -> str:
    """"holding general elections" -> "hold general elections"; an -ing form not listed stays as it is."""
    first, _, rest = verb_phrase.partition(" ")
    base = _BASE_FORMS.get(first.lower())
    return f"{base} {rest}".strip() if base else verb_phrase


def event_line(event: Event, *, fallback_who: str = "") -> str:
    """Return the one-line calendar entry of an event: "Who: what".

    The "what" is the happening's own words (subject and auxiliaries such as "will" or "is
    expected to" dropped, the date, attribution and side clauses cut) in at most
    :data:`MAX_LINE_WORDS` words. A subject such as "the company" or "it" is replaced by
    ``fallback_who``, and so is the owner in "its campaign" ("Ukraine's campaign"); a line opening
    on a person's "his" or "her" loses it when the rest names something ("First book Bread, Salt, Water
    released") and is not made ("") when not ("His trial to begin").

    :param event: the event.
    :param fallback_who: the story's main actor, for an event whose subject names no one.
    """
    line = _event_line(event, fallback_who)
    if _PERSON_OWNER.match(line.partition(": ")[2]):
        return ""  # "Acme: his trial to begin": whose trial, the line cannot say
    owner = _POSSESSIVE_HEAD.match(line)
    if owner is None:
        return line
    rest = line[owner.end():]
    if owner.group("thing") and fallback_who and not _SAID.match(fallback_who):
        return f"{fallback_who}\u2019s {rest}" if "\u2019" in line else f"{fallback_who}'s {rest}"
    # "His first book Bread, Salt, Water released": the thing is named, the owner can go
    return rest[:1].upper() + rest[1:] if not owner.group("thing") and find_names(rest) else ""


def line_reads_alone(line: str, context: str = "") -> bool:
    """Whether a calendar line ("Who: what") reads without the sentence it was cut from.

    It does not when its actor is cut inside a phrase ("Regis Corporation's: join forces", "Healey Art &: open") or
    is a bare instrument or a season ("Bill: receive its Second Reading", "Christmas: pantomime to open"),
    when its "what" opens a relative clause or a conjunction ("whose term to expire", "and meet"), points at
    someone it never names ("vote for him", "begin to accept orders for them", "approve it"), or when the line
    names no one and nothing ("Workshop held", "Launch the service officially"): a reader cannot tell whose. A
    line's first word names someone when its text writes it with a capital inside a sentence ("Smith arraignment"
    from "Smith is scheduled for arraignment ...", where the article also writes "... said Smith").

    :param line: a line as :func:`event_line` makes it.
    :param context: the sentence it was cut from and the text of its articles.
    """
    who, sep, what = line.partition(": ")
    if not sep:
        who, what = "", line
    if _CUT_ACTOR.search(who) or _NOT_AN_ACTOR.fullmatch(who) or _OPENS_CLAUSE.match(what) or _POINTS_OUT.search(what):
        return False
    if _UNNAMED_HAPPENING.match(what):
        return False  # "attend the meeting", "discuss the situation", "movie to open": which one, the line cannot say
    words = what.split()
    if who or any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]):
        return True
    first = words[0].strip("'\u2019\"") if words else ""
    if first.lower() in _DETERMINERS:
        return False  # "The premiere": whose, the line cannot say (a capitalised "The" inside a sentence is no name)
    return bool(first) and first[:1].isupper() and re.search(rf"(?<=[\w,;:] ){re.escape(first)}\b", context) is not None


_DETERMINERS = frozenset("the a an this that these those its their his her our my your some any each every no".split())
_CUT_ACTOR = re.compile(r"(?:['’]s|\b(?:and|of|the|for|with)|&)$", re.IGNORECASE)
# an instrument or a season is no one's name: "Bill: receive its Second Reading", "Christmas: pantomime to open"
_NOT_AN_ACTOR = re.compile(r"(?:the\s+)?(?:bill|act|law|rule|plan|deal|report|event|party|meeting|christmas|easter|"
                           r"thanksgiving|halloween|weekend|week|summer|winter|spring|autumn|fall|season)", re.IGNORECASE)
# a happening the line names only by its kind, pointing back at it: "attend the meeting", "Moby Dick: movie to open"
# ("hold an event" is a new one, and its actor says whose)
_GENERIC_HAPPENING = r"(?:meeting|event|situation|issue|matter|game|match|movie|film|show|special|episode|talks|session|ceremony)"
_UNNAMED_HAPPENING = re.compile(rf"^(?:[a-z]+\s+){{1,2}}?(?:the|this|that)\s+{_GENERIC_HAPPENING}$"
                                rf"|^(?:the\s+)?{_GENERIC_HAPPENING}\s+to\s+[a-z]+$", re.IGNORECASE)
_OPENS_CLAUSE = re.compile(r"^(?:whose|which|who|whom|that|where|and|or|but|while|as)\b", re.IGNORECASE)
_POINTS_OUT = re.compile(r"\b(?:him|them|us|me)\b|\b(?:it|her)\W*$")


# "Its campaign: ...", "His trial": a line whose first words point back at an owner the line never names
_POSSESSIVE_HEAD = re.compile(r"^(?:(?P<thing>Its|Their)|His|Her)\s+(?=[a-z])")
_PERSON_OWNER = re.compile(r"^(?:[Hh]is|[Hh]er)\s+(?=[a-z])")


_LISTED = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # the date of a listing's heading (facts.calendar): the item is the happening


def _event_line(event: Event, fallback_who: str) -> str:
    listed = _LISTED.match(event.when_text) is not None and event.when_text not in event.sentence
    if listed:
        fallback_who = ""  # a listing's item names its own actor or none: the story's actor is the list's maker
    parsed = event_clause(event.sentence, event.when_text, fallback_who=fallback_who) if event.sentence and not listed else None
    if parsed is not None:
        who, what = parsed
        if not what:
            return ""  # the date dates a saying or a state: no calendar line
        if _SAID.match(who):
            who = fallback_who  # "The said company is going to launch ...": legal wording for the story's actor
        what = _GOING_TO.sub("", what)  # "is going to launch" schedules a launch: "launch", not "go launch"
        who, what = _cap(who, 8), _cap(what)
        if not who:
            what = _OWNER.sub(lambda m: "the" if m.group(0).islower() else "The", what)
        return _join(who, _after_who(who, what))
    what = _REPORTED.sub("", " ".join(event.what.split()).strip(" ."))
    if listed:
        what = re.sub(r"\s*\([^()]{1,40}\)", "", what)  # "assistant governor (financial markets) Guy Debelle speaks"
    who = event.who
    headline = _HEADLINE_TO.match(what)
    if headline is not None:
        return _join(headline["subject"], _cap(_DATE_REMNANT.sub("", what[headline.end() :])))
    expects = _EXPECTS_OBJECT.match(what)
    if expects is not None:
        subject = _LEAD_ARTICLE.sub("", expects["subject"])
        who = fallback_who or who if _GENERIC_SUBJECT.match(expects["subject"]) or subject.lower().endswith("companies") else subject
        return _join(who, _cap(_DATE_REMNANT.sub("", f"{expects['object']} to {what[expects.end():]}")))
    aux = _AUX.search(what)
    if aux is not None:
        subject = _REPORTING.sub("", _LEAD_ASIDE.sub("", what[: aux.start()].strip(" ,")))
        subject = _ASIDE.sub("", subject).strip(" ,")
        rest = what[aux.end() :]
        passive = _PASSIVE.match(rest)
        if passive is not None:
            rest = rest[passive.end() :]
            tail = _TAIL.match(rest)
            what = _LEAD_ARTICLE.sub("", subject) if not rest or tail else f"{_LEAD_ARTICLE.sub('', subject)} {rest}"
            subject = ""
        else:
            what = _HOLD.sub("", _base(rest))
        if subject and _NOT_A_NAME.search(subject):
            head = re.split(r"\s+(?:that|which|who)\b", subject, maxsplit=1)[0]
            # "Talks that began in May" -> "Talks"; a time or a list names no one: the line goes without
            who = _LEAD_ARTICLE.sub("", head) if head != subject and not _NOT_A_NAME.search(head) else ""
        elif subject and _GENERIC_SUBJECT.match(subject):
            who = fallback_who or who
        elif subject:
            who = _LEAD_ARTICLE.sub("", subject)
    elif who and what.startswith(who):
        what = what[len(who) :].strip(" ,")
    else:
        generic = re.match(r"^(?:it|the\s+\w+)\s+(?=[a-z])", what, re.IGNORECASE)
        if generic and _GENERIC_SUBJECT.match(generic.group(0).strip()) and fallback_who:
            who, what = fallback_who, what[generic.end() :]
        elif not who:
            who = fallback_who
    tail = _TAIL.search(what, 1)
    if tail is not None and len(what[: tail.start()].split()) >= 2:
        what = what[: tail.start()]
    what = _cap(_DATE_REMNANT.sub("", what))
    who = _cap(re.sub(r"\s*\([^()]*\)", "", who), 8)  # "Development (HRD) Minister Ana Ruiz": the aside goes first
    if who and what.lower().startswith(who.lower() + " "):
        what = what[len(who) :].strip(" ,:")
    what = _after_who(who, what)
    if what.count('"') % 2:
        what = what.replace('"', "")  # a quotation cut in two
    if not what or (who and who.lower() in what.lower()):
        what, who = what or who, ""
    return _join(who, what)


def _after_who(who: str, what: str) -> str:
    """The what as it reads after "Who:": "vote on the bill", while a name keeps its capital."""
    if not who or not what[:1].isupper():
        return what
    first = find_names(what[:60])
    return what if first and first[0].start == 0 else what[:1].lower() + what[1:]


_SAID = re.compile(r"(?i)(?:the\s+)?(?:said|aforesaid|aforementioned)\s+[a-z]")
# "go launch" (from "is going to launch"), not "go on sale", "go public", "go ahead"
_GOING_TO = re.compile(r"^go(?:ing)?\s+(?:to\s+)?(?!(?:on|ahead|into|in|off|out|up|down|through|over|back|public|live|bust|"
                       r"bankrupt|under|away|forward|home|missing|dark|viral|global|private|head|to|for|with|after|"
                       r"before|unpaid|free|the|a|an|its|his|her|their|our|court|trial|war|jail|prison|church|school|"
                       r"work|sea|polls)\b)(?=[a-z])")  # "go to the polls", "go to trial": a going, no other verb


def _join(who: str, what: str) -> str:
    if _SAID.match(who):
        who = ""  # legal wording for "it": no one named
    if not who:
        return what[:1].upper() + what[1:]
    if _NAME_GOES_ON.match(what):
        return who[:1].upper() + who[1:] + what  # "National Australia Bank's monthly business survey": one phrase
    return f"{who[:1].upper() + who[1:]}: {what}" if what else who


# the "what" goes on from the name: a possessive ("'s monthly survey") or a joint name ("/Melbourne Institute survey")
_NAME_GOES_ON = re.compile(r"^(?:['’]s\b|/\S)")


def _amount(value: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}.get(currency, "")
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            number = f"{value / scale:.1f}".rstrip("0").rstrip(".")
            return f"{symbol}{number}{suffix}" if symbol else f"{number}{suffix} {currency}".strip()
    number = f"{value:,.0f}"
    return f"{symbol}{number}" if symbol else f"{number} {currency}".strip()


def _round_name(kind: str) -> str:
    if kind.lower().startswith("series "):
        return "Series " + kind[7:].upper()
    return kind


def _distinct_names(names: tuple[str, ...]) -> list[str]:
    """Names without the short forms of another ("Aldergrove" beside "Aldergrove Ventures")."""
    out: list[str] = []
    for n in names:
        if not any(n != m and m.lower().startswith(n.lower() + " ") for m in names) and n not in out:
            out.append(n)
    return out


def funding_line(fact: FundingRound) -> str:
    """Return the roundup line of a funding round: "Company: amount round, led by investors".

    :param fact: the round; empty fields are left out.
    """
    parts = []
    if fact.amount:
        parts.append(_amount(fact.amount, fact.currency))
    if fact.round:
        parts.append(_round_name(fact.round) if parts else _round_name(fact.round)[:1].upper() + _round_name(fact.round)[1:])
    body = " ".join(parts) or "funding round"
    if fact.lead_investors:
        leads = _distinct_names(fact.lead_investors)
        body += ", led by " + (leads[0] if len(leads) == 1 else ", ".join(leads[:-1]) + " and " + leads[-1])
    elif fact.investors:
        body += ", from " + ", ".join(_distinct_names(fact.investors)[:3])
    if fact.valuation:
        body += f"; valued at {_amount(fact.valuation, fact.currency)}"
    return f"{fact.company}: {body}" if fact.company else body[:1].upper() + body[1:]


def regulation_line(fact: Regulation) -> str:
    """Return the roundup line of a regulation: "Regulator: rule, status; deadline D".

    :param fact: the regulation; empty fields are left out.
    """
    parts = [p for p in (fact.rule, shown_status(fact)) if p]
    body = ", ".join(parts)
    if fact.deadline is not None:
        when = f"{fact.deadline.day} {fact.deadline.strftime('%b %Y')}"
        body += ("; " if body else "") + f"deadline {when}"
    if fact.regulator and fact.regulator != fact.rule:
        return f"{fact.regulator}: {body}" if body else fact.regulator
    return body or fact.regulator


# a legislature or one of its chambers: its vote passes a bill, which is law only once signed or assented to
_CHAMBER = re.compile(r"\b(?:Senate|House|Assembly|Congress|Parliament|Legislature|legislat(?:ure|ors|ive)|lawmakers|MPs|MSPs|"
                      r"MEPs|senators|representatives|Lok\s+Sabha|Rajya\s+Sabha|Bundestag|Diet|Dail|panel|committee)\b")
_BECAME_LAW = re.compile(r"\b(?:signed|into\s+law|bec[oa]me\s+law|royal\s+assent|enacted|t(?:akes?|ook)\s+effect|in\s+force|"
                         r"came\s+into)\b", re.IGNORECASE)


def shown_status(fact: Regulation) -> str:
    """The status a roundup line shows: "passed", not "enacted", for a chamber's or a legislature's vote that the
    sentence does not say became law ("California lawmakers on Friday approved a bill ...", "has passed the
    Senate and is heading to the state assembly"). The stored status keeps the annotation convention (enacted)."""
    if fact.status == "enacted" and _CHAMBER.search(fact.regulator) and not _BECAME_LAW.search(fact.sentence):
        return "passed"
    return fact.status
