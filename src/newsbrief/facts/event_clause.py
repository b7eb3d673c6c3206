"""Who and what of an upcoming event, read from the dependency parse of its sentence.

A calendar line names an actor and its scheduled act ("Senate: vote on the spending bill").
Real sentences wrap that act in clauses, asides and reporting ("Lawmakers said on Monday that
the Senate, which returns from recess this week, will vote on the bill on Thursday"), so the
line is read from the parse instead of from word patterns:

- the **act** is the verb the sentence's date attaches to (climbing from the date through
  prepositions and nouns: "a vote on Thursday" belongs to the verb that has the vote);
- the **actor** is that verb's subject, or the subject it shares as the complement of "plans
  to", "is expected to" or as the second of two joined verbs; a relative pronoun stands for the
  noun it qualifies; asides, relative clauses and appositions are left out;
- the **what** is the verb in its base form and its objects and prepositional phrases, without
  the date and without side clauses; "hold"/"host" give way to their object ("its annual
  conference"); a passive act names the thing it happens to ("Verdict to be delivered").

An act that is a saying or a state ("said on Monday", "will not attend", "is likely") is no
calendar line. Without spaCy, or when the date cannot be placed in the parse, the caller keeps
its rule-based reading (:func:`newsbrief.facts.lines.event_line`).
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.facts.events import names_a_happening
from newsbrief.facts.names import find_names
from newsbrief.facts.nlp import parse

__all__ = ["GENERIC_HEADS", "event_clause"]

# verbs whose date dates a saying or a state of mind, not a scheduled happening
_NOT_AN_ACT = frozenset("""say tell add note confirm state claim write argue insist warn think believe know want need
    feel seem appear remain suggest ask report predict reckon fear hope expect estimate like love wish loom
    bind learn realize realise""".split())  # "are bound to learn when markets open": a certainty, no happening
# verbs that only carry another verb's schedule: "is scheduled to", "is expected to", "plans to"
_SCHEDULE = frozenset("""schedule set slate plan expect due intend aim hope poise prepare likely""".split())
# "hold its conference" -> "its conference": the happening is the object
_HOLD = frozenset({"hold", "host", "stage", "convene", "have"})
# a subject that names no one: the story's actor stands in for it
GENERIC_HEADS = frozenset("""company firm group startup regulator agency authority government
    ministry bank court committee council board team club side studio maker carrier operator lab band""".split())
_LEADING_DETERMINER = re.compile(r"^(?:its|their|his|her|our|a|an|the)\s+", re.IGNORECASE)
# what "will be ..." says of a scheduled happening: "be available in stores", "be open to the public"
_AVAILABLE = re.compile(r"^(?:available|open|closed|live|online|on\s+sale|back|held|released|published|announced)\b", re.IGNORECASE)
# people and bodies that act, though a sentence does not name them: "shareholders will vote"
_ACTOR_NOUNS = frozenset("""shareholder official lawmaker legislator senator minister voter investor judge jury police
    union worker leader member resident protester parliament senate congress assembly cabinet commission
    president pope pontiff king queen prince princess chancellor governor mayor premier emperor""".split())
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_WH_DETERMINERS = frozenset({"which", "whose", "what", "whichever", "whatever"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
# parts of a phrase that are not the happening's own words
_DROP = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "ccomp", "punct", "mark", "preconj", "meta", "dep",
                   "intj"})
_COMPLEMENTS = frozenset({"dobj", "prt", "dative", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "obj", "iobj"})
# prepositional phrases around the act, not part of it: "after months of talks", "amid protests"
_SIDE_PREPS = frozenset("""after before following amid despite since according including like as ahead because than
    unlike besides due""".split())
# adverbs that belong to the act: "launch first", "open back up"
_ACT_ADVERBS = frozenset({"first", "back", "up", "down", "out", "off", "together", "jointly", "publicly", "again",
                          "open", "shut"})  # "throw it open", "keep the plant shut"
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# a plan given up: "was originally scheduled to appear on Thursday", "the original opening night on Saturday"
_SUPERSEDED_ADVERBS = frozenset({"originally", "initially", "previously"})
# names of a date, not happenings: "Next week is the 40th anniversary of the march"
_DATE_NAMES = frozenset({"anniversary", "birthday", "centenary", "centennial", "bicentenary", "bicentennial", "jubilee"})
# a happening that says no more than that something happens: "the event will take place", "a number of events"
_UNNAMED_HAPPENINGS = frozenset({"event", "edition", "occasion", "happening", "activity", "thing", "function"})
_QUANTITIES = frozenset({"number", "series", "lot", "couple", "handful", "host", "range", "variety", "slew", "raft",
                         "string", "dozen", "dozens", "hundreds", "plenty", "lots"})
_MAX_WHO_WORDS = 8
_FIXTURE = re.compile(r"(?<![\w'])(?P<home>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:v|vs)\.?\s+"
                      r"(?P<away>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")
_CALENDAR_WORDS = re.compile(r"^(?:(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                             r"Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)+")
_LOOSE_ENDS = frozenset("of in on at to for from with by and or the a an its their his her".split())
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "lunchtime"})
# -ing words that modify a noun ("opening arguments", "closing ceremony"), not participles opening a clause
_ING_NOUNS = frozenset("""opening closing upcoming ongoing remaining leading ruling governing sentencing voting polling
    housing training meeting funding spending trading building planning swearing signing hearing""".split())
_DASH_ASIDE = re.compile(r"\s(?:-|\u2013|\u2014|--)\s(?:(?!\s(?:-|\u2013|\u2014|--)\s).){3,200}?\s(?:-|\u2013|\u2014|--)\s")
# a person's full name, which "he" or "she" may stand for: "Dario Feld", "Ana M. Ruiz", "Colm McCoy"
# (not "Tallbrook", nor a body: "Acme Group", "Harwick County")
_PERSON = re.compile(r"^(?!.*\b(?:Group|Inc|Corp|Company|Council|Party|Club|Bank|County|City|Department|Police|Institute|"
                     r"University|College|School|Church|Team|Board|Court|Ministry|Agency|Association|Society|Foundation)\b)"
                     r"[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’]*(?:[A-Z][a-z]+)?){1,2}$")


_CASE_NOUNS = frozenset({"case", "matter"})  # a court case set for trial or a hearing: the trial is the happening
_POSSESSIVE_LEAD = re.compile(r"^(?:their|his|her|its|our)\s+", re.IGNORECASE)  # "his sentencing" -> "sentencing"


def event_clause(sentence: str, when_text: str, *, fallback_who: str = "") -> tuple[str, str] | None:
    """Return ``(who, what)`` of the event the date ``when_text`` of ``sentence`` schedules.

    ``("", "")`` means the date dates no happening (a saying, a state, a negated or past act,
    the writer's own plans, a date that stands outside the sentence): the sentence gives no
    calendar line. None means the parse cannot tell (no spaCy, no date text, a date the parse
    does not attach to a verb): the caller keeps its own reading.

    :param sentence: the sentence, as the article writes it.
    :param when_text: the date expression as it occurs in the sentence ("on Thursday").
    :param fallback_who: the story's main actor, for a subject that names no one ("it", "the company").
    """
    if not when_text:
        return None
    if when_text not in sentence:
        return ("", "")  # the date stands outside the sentence (a listing's heading): no act of its own dated
    # an aside between dashes ("The Lock - one of the six large landscapes - will be put up for sale in
    # December") is read without it, so the subject and its verb meet; an aside holding the date stays
    sentence = _DASH_ASIDE.sub(lambda m: m.group(0) if when_text in m.group(0) else " ", sentence)
    heading = _CAPS_HEADING.match(sentence)
    if heading is not None and when_text not in heading.group(0):
        sentence = sentence[heading.end():]  # "HOW TO APPLY - Application window ...": a page's heading run in
    at = sentence.find(when_text)
    doc = parse(sentence)
    if doc is None:
        return None
    fixture = _FIXTURE.search(sentence)
    if fixture is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc):
        # a fixture list's line: "Sat 19 Sep Tonga v Georgia, Kingsholm Stadium, noon BST"
        return ("", f"{_CALENDAR_WORDS.sub('', fixture['home'])} v {fixture['away']}")
    span = {t.i for t in doc if t.idx < at + len(when_text) and t.idx + len(t.text) > at}
    if not span:
        return None
    # "Tuesday morning": the part of the day belongs to the date, not to the happening's words
    span |= {t.i for t in doc if t.lower_ in _DAY_PARTS and any(c.i in span for c in t.children)}
    found = _act_of(doc, span)
    if found is None:
        return None
    verb, side = found
    if verb is None:
        if side is None or side.lemma_.lower() in _DATE_NAMES or _original(side):
            return ("", "")  # "the 40th anniversary on Sept. 26" names a date; "the original opening" was replaced
        thing = _phrase(side, span)
        return ("", thing) if thing and names_a_happening(thing) else ("", "")
    lemma = _lemma(verb)
    if (lemma in _NOT_AN_ACT and not _before_a_court(verb)) or _negated(verb) or _superseded(verb):
        return ("", "")
    if verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return ("", "")  # "announced the launch this week": done, not ahead
    if (lemma not in _SCHEDULE and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
            and not any(c.dep_ == "aux" for c in verb.children)):
        return ("", "")  # "was killed in a strike on 21 August": done, not ahead ("was scheduled for" still schedules)
    if (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
            and any(doc[i].dep_ in ("nmod", "compound") and doc[i].head.i not in span for i in span)):
        return ("", "")  # "have plotted a summer 2016 tour": the plotting is done, the date only names the tour's season
    if (verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "attr") and verb.head.head.tag_ == "VBD"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return ("", "")  # "felt the need to raise it again on Friday": the feeling is told, and done
    if verb.dep_ in ("acl", "relcl") and verb.head.dep_ in _SUBJECTS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return ("", "")  # "the first 100 members to book by Friday will get a code": a condition of who, no happening
    if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE and c.dep_ not in _SUBJECTS for c in verb.children):
        return ("", "")  # "the offer, which members must vote on by Friday": the act's object is elsewhere
    if verb.pos_ == "ADJ" and verb.dep_ not in ("acomp", "ROOT"):
        return None  # "version 19, due in the spring": the parse seldom says what is due
    if _hypothetical(verb):
        return ("", "")  # "Victory for Wales would leave England having to beat Australia on Saturday": an if, no plan
    if _period_starts(doc, verb):
        return ("", "")  # "fiscal 2016, which begins Oct. 1": a period's turn, no happening
    subject = _subject(verb)
    if subject is not None and any(c.dep_ == "compound" and c.tag_ == "VBG" and c.i == 0 and c.lower_ not in _ING_NOUNS
                                   for c in subject.children):
        # "Briefing reporters on the Dialogue to be held ...": an opening participle read as a noun, a lost parse
        # ("Opening arguments are scheduled for Tuesday" is a noun's modifier, and stays)
        return ("", "")
    if subject is not None and (_original(subject) or (_unnamed_happening(subject) and side is None)):
        # "The original closing night on Saturday will now be a talk": replaced; "The event will take place
        # on Friday", "A number of events are planned": which happening the line cannot say
        return ("", "")
    if subject is not None and subject.i in span:
        # "This October marks Canada's federal election": the date is the subject, the happening its object
        rest = _complements(verb, span) if lemma in {"mark", "be", "see", "bring"} else ""
        if any(c.dep_ in ("attr", "dobj") and c.lemma_.lower() in _DATE_NAMES for c in verb.children):
            return ("", "")  # "Next week is the 40th anniversary of the march": the name of a date, no happening
        return ("", rest) if names_a_happening(rest) else ("", "")
    if (subject is not None and subject.pos_ in ("NOUN", "PROPN") and any(t.i in span for t in subject.subtree)
            and not any(t.i == verb.i for t in subject.subtree) and side is None):
        # "Chip and pin deadline Oct. 1, but ...": the date qualifies the subject, which is the happening
        thing = _phrase(subject, span)
        return ("", thing) if names_a_happening(thing) else ("", "")
    if sum(c.dep_ in _SUBJECTS for c in verb.children) > 1:
        return ("", "")  # two subjects: the parse lost the sentence ("His book Bread, Salt, Water will be ...")
    if subject is None and not fallback_who:
        return ("", "")  # an act without an actor: "Back air strikes against IS"
    if subject is not None and (subject.lower_ in {"i", "we", "you", "me", "us", *_RELATIVE}
                                or any(c.dep_ == "det" and c.lower_ in _WH_DETERMINERS for c in subject.children)):
        return ("", "")  # "I will draw the winner on Friday": the writer's own plans; "which associations" of what?
    if subject is not None and subject.lower_ in {"it", "he", "she"}:
        subject = _sayer(subject) or subject  # "Harbour TV said it would give him a farewell": Harbour TV
    if subject is not None and subject.lower_ in {"he", "she"} and not _PERSON.match(fallback_who):
        return ("", "")  # "She will appear in court": a person an earlier sentence named, not the story's town or firm
    if subject is not None and subject.pos_ in ("NOUN", "PROPN") and side is None and _occurs(verb):
        # "The Harbour Ball, which is coming up in March", "The fair will take place on the quay": the subject is the
        # happening, told with where it is held
        rest = _OCCUR_WORDS.sub("", _complements(verb, span)).strip()
        return ("", f"{_phrase(subject, span)} {rest}".strip())
    if (subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() in _GATHERINGS and side is None
            and lemma in _TURNS):
        # "The three-day Mackinac conference begins Friday": the subject is the happening, not a name's act
        return ("", f"{_phrase(subject, span)} to {lemma} {_complements(verb, span)}".strip())
    has_name = subject is not None and _has_name(subject)
    titled = ""  # a thing and the name an apposition gives it: "his first book, Bread, Salt, Water"
    if subject is not None and not has_name:
        appos = next((c for c in subject.children if c.dep_ == "appos" and _has_name(c)), None)  # "two members, A and B"
        if appos is not None:
            if subject.pos_ == "NOUN":
                titled = f"{_phrase(subject, span)} {_phrase(appos, span)}"
            subject, has_name = appos, True
    who = _phrase(subject, span) if subject is not None else fallback_who
    if len(who.split()) >= 3 and who.isupper():
        return ("", "")  # "CALLING ALL FANS": a promotion's shout, not an actor
    thing = ""  # a subject that is a thing, not an actor: "the deal", "replacement units"
    if subject is not None and not has_name:
        if subject.pos_ == "PRON" and subject.lower_ not in {"it", "he", "she"}:
            return ("", "")  # "they", "them", "this": who is meant is not the story's one actor
        head = subject.lemma_.lower()
        if subject.pos_ == "PRON" or (head in GENERIC_HEADS and all(c.dep_ == "det" for c in subject.children)):
            who = fallback_who  # "it", "the company"; "the county council" says which
        elif head in GENERIC_HEADS or head in _ACTOR_NOUNS or subject.dep_ == "dobj":
            pass  # "the county council", "shareholders", "asked the grievance cell to": an actor, though unnamed
        elif subject.pos_ != "NOUN":
            return ("", "")  # "the two", "many": no one named, nothing scheduled
        elif any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in subject.children):
            # "This conference will be hosted ...": which one an earlier sentence said, not the story's actor
            who, thing = "", who.split(" ", 1)[-1]
        elif _owned_by_public_body(subject):
            who, thing = "", who  # "a series of congressional hearings": Congress's, not the story's actor's
        else:
            who, thing = fallback_who, who  # a thing's happening ("the deal to close"), under the story's actor
    if side is not None:
        # "after a US launch on December 4": the launch; the sentence's actor only when it is named;
        # "due to the unrest of a fourth year in 28 months": a cause, no happening
        side_thing = _phrase(side, span)
        inside = subject is not None and any(t.i == side.i for t in subject.subtree)  # "events, including a festival"
        return (who if has_name and not inside else "", side_thing) if names_a_happening(side_thing) else ("", "")
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == verb.i)
    if passive or lemma in _SCHEDULE or lemma == "be":
        if subject is None or subject.pos_ == "PRON":
            # "He will be sentenced on Friday": the story's actor, when there is one
            return (fallback_who, f"to be {verb.text} {_complements(verb, span)}".strip()) if passive and fallback_who else ("", "")
        named = thing or (titled if passive and titled else _phrase(subject, span))
        rest = _complements(verb, span)
        if lemma == "be" and not rest and not passive and names_a_happening(named):
            return (who if thing else "", named)  # "The call will be Thursday": the subject is the happening
        if lemma == "be" and not (passive or _AVAILABLE.search(rest)):
            return ("", "")  # "will be pretty close to the consensus": a state, not a happening
        if passive and lemma in _HOLD and rest and not rest.startswith("by "):
            what = f"{named} {rest}"  # "the conference will be convened in Paris" -> "conference in Paris" (not "convened")
        elif passive and lemma not in _SCHEDULE:
            # "the verdict is expected to be delivered" -> "verdict to be delivered": ahead, not done
            what = f"{named} to be {verb.text} {rest}".strip()
        elif lemma == "due" or lemma == "be":
            out = " out" if any(c.lower_ == "out" for c in verb.children) else ""  # "due out": a book, a film
            what = f"{named} {'due' + out if lemma == 'due' else 'to be ' + rest}"
        else:
            # "The hearing is scheduled for Tuesday" -> "hearing"; "The forecast is scheduled for release" -> "forecast release"
            purpose = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                            if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in span), None)
            if purpose is not None and subject is not None and subject.lemma_.lower() in _CASE_NOUNS:
                what = purpose.text  # "Their case is set for trial": the trial
            else:
                what = _POSSESSIVE_LEAD.sub("", f"{named} {purpose.text}" if purpose is not None else named)
            if not passive and purpose is None and not names_a_happening(named):
                return ("", "")  # "270 exhibitors are preparing to exhibit in November": who prepares, not what happens
        if thing and lemma not in _SCHEDULE and not names_a_happening(what):
            return ("", "")  # "the index is expected to be revised": a figure, not a scheduled happening
        # "The results will be declared on Friday": who declares them the sentence does not say, and the
        # story's actor is only a guess; "The forecast is scheduled for release": the story's actor releases it
        return (who if thing and (lemma in _SCHEDULE or not passive) else "", what)
    base = lemma if verb.tag_ != "VB" else verb.lower_
    until = any(c.dep_ == "prep" and c.lower_ in {"until", "till"} and any(t.i in span for t in c.subtree)
                for c in verb.children)
    duty = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if lemma == "have" and until and duty is not None:
        # "Residents have until Friday to comment on the plan": a deadline, the act its purpose
        return (who, f"deadline to {_lemma(duty)} {_complements(duty, span)}".strip())
    rest = _complements(verb, span)
    if (rest and all(w in _PARTICLES for w in rest.split()) and not any(c.dep_ == "dobj" for c in verb.children)
            and any(t.dep_ == "relcl" for t in [verb, *verb.ancestors][:3])):
        # "a resolution Republicans plan to bring up later this month": what is brought up is the clause's
        # antecedent, outside the line; "Republicans: bring up" would say nothing
        return ("", "")
    if _points_back(verb, span):
        # "the central bank may hold off on such a move Thursday": which move the sentence before said
        return ("", "")
    if (lemma in _HOLD and rest and not any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)
            and not any(c.dep_ == "prt" for c in verb.children)):  # "hold off", "hold back": no hosting
        # "hold its annual conference" -> "annual conference"; "hosts Leeds in the opener" keeps its verb
        return (who, _LEADING_DETERMINER.sub("", rest))
    what = f"{base} {rest}".strip()
    if thing:
        assert subject is not None
        if not names_a_happening(f"{subject.text} to {base}"):
            return ("", "")  # "the gauge of currencies to fall": a thing's change, not a scheduled happening
        what = f"{thing} to {what}"
    if thing and who and re.search(rf"(?<!\w){re.escape(who)}(?!\w)", what, re.IGNORECASE):
        who = ""  # "the pontiff to visit Veldia" under the story's actor Veldia: the place visited, not who acts
    if _PERSON.match(fallback_who) and who.lower() != fallback_who.lower():
        # "Harbour TV said it would give him a farewell": the story's person is the one "him" stands for
        what = re.sub(r"(?<![\w'’-])him(?![\w'’-])", fallback_who, what, count=1)
    return (who, what)


def _act_of(doc: Any, span: set[int]) -> tuple[Any, Any] | None:
    """The verb the date attaches to, and the noun of a side phrase the date dates, if it does.

    From the date's head up through prepositions and nouns: "a vote on Thursday" belongs to the
    verb that has the vote. A date inside "after a launch on December 4" dates that launch, not
    the sentence's act. "starting January 1" is the start of the act it qualifies. A verb that is
    the complement of an aspect verb gives way to it ("begin shipping", "start selling").
    """
    root = next((doc[i] for i in sorted(span) if doc[i].head.i not in span or doc[i].head.i == i), None)
    if root is None:
        return None
    token = root.head if root.head.i != root.i else root
    side, last_noun, nouns = None, None, []
    for _ in range(len(doc)):
        starting = token.tag_ == "VBG" and token.lemma_.lower() in {"start", "begin"} and token.dep_ in ("prep", "acl", "advcl")
        starting = starting or (token.tag_ == "VBG" and token.dep_ == "prep")  # "including", "following": prepositions
        if (token.pos_ in ("VERB", "AUX") and not starting) or (
                token.pos_ == "ADJ" and token.lemma_.lower() == "due" and token.dep_ != "prep"):  # not "due to" a cause
            break
        if (token.lower_ == "for" and last_noun is None
                and (token.head.lower_ == "time" or [t.lower_ for t in doc[max(0, token.i - 2) : token.i]] == ["in", "time"])):
            return (None, None)  # "in time for the fourth quarter": done before the date, not on it
        if token.pos_ in ("NOUN", "PROPN"):
            last_noun = token
            nouns.append(token)
        if token.lower_ in _SIDE_PREPS and last_noun is not None and side is None:
            side = last_noun  # "ahead of a visit next week", "after a launch on December 4"
        if token.head.i == token.i:
            # no verb: a listing ("Leeds, Town Hall"), or a headline naming its happening ("Fare deadline Friday")
            # the first noun that names a happening: "Flag Ceremony on Sept. 26 09-09-2015 Front Page" is the ceremony
            return None if side is not None else (None, next(
                (n for n in nouns if names_a_happening(_phrase(n, span))), last_noun))
        token = token.head
    else:
        return None
    while (token.dep_ == "xcomp" and token.head.pos_ == "VERB" and token.head.i != token.i
           and _lemma(token.head) not in _SCHEDULE | _NOT_AN_ACT | {"be"}):
        token = token.head
    if (token.dep_ == "acl" and _lemma(token) in _NAMING and token.head.head.pos_ in ("VERB", "AUX")
            and token.head.head.i != token.head.i):
        # "deliver a keynote lecture titled 'Tissue Engineering' on September 9": the date is the delivering's
        token = token.head.head
    return token, side


_NAMING = frozenset({"title", "entitle", "call", "name", "dub", "label", "brand"})
_PERIOD_TURNS = frozenset({"begin", "start", "end", "close", "open", "run", "commence"})
_FISCAL = re.compile(r"\b(?:fiscal|financial|tax|budget|academic|school)\s+(?:year\s+)?(?:\d{2,4}|year)$", re.IGNORECASE)


# words that say a happening belongs to a public body: "congressional hearings", "a parliamentary vote"
_PUBLIC_OWNERS = frozenset("""congressional parliamentary legislative senate house federal state municipal city county
    council court judicial presidential governmental ministerial cabinet national public""".split())


def _owned_by_public_body(subject: Any) -> bool:
    """Whether a thing's happening names its public owner among its modifiers ("a series of congressional hearings")."""
    parts = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl") and t.head.dep_ not in ("relcl", "acl")]
    return any(t.lower_ in _PUBLIC_OWNERS and t.dep_ in ("amod", "compound", "nmod") for t in parts)


def _hypothetical(verb: Any) -> bool:
    """Whether ``verb`` tells what would happen if something else did: "would" in the writer's own clause.

    "The council said it would vote on Friday" reports a plan (the clause hangs from a saying); "A win
    would send them to the final on Saturday" supposes one.
    """
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in clause.children):
        return False
    return clause.dep_ == "ROOT" and not any(c.dep_ in ("advcl", "ccomp") and c.lemma_.lower() in _NOT_AN_ACT
                                            for c in clause.children)


def _period_starts(doc: Any, verb: Any) -> bool:
    """Whether ``verb`` is a period turning over: "fiscal 2016, which begins Oct. 1", "the tax year starts on ..."."""
    if _lemma(verb) not in _PERIOD_TURNS:
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if subject.lower_ in _RELATIVE:  # the noun written before ", which": the parse may hang the clause elsewhere
        before = [t for t in doc[max(0, subject.i - 5):subject.i] if not t.is_punct]
        return bool(before) and _FISCAL.search(" ".join(t.text for t in before)) is not None
    return _FISCAL.search(" ".join(t.text for t in subject.subtree)) is not None


def _superseded(verb: Any) -> bool:
    """Whether the act, or the verb that schedules it, was set only "originally" ("was originally
    scheduled to appear on Thursday", "had initially planned to vote on Friday"): a plan given up."""
    token = verb
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in _SUPERSEDED_ADVERBS for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "conj", "acomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _original(noun: Any) -> bool:
    """A happening named as the one first planned ("the original closing night reception"): it was replaced."""
    return any(c.dep_ == "amod" and c.lower_ == "original" for c in noun.children)


def _unnamed_happening(subject: Any) -> bool:
    """A subject that says only that something happens, not what: "the event", "next year's event",
    "a number of events" (without a name or a kind: "the charity event" says which)."""
    head = subject
    if head.lemma_.lower() in _QUANTITIES:
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"), head)
    return (head.pos_ == "NOUN" and head.lemma_.lower() in _UNNAMED_HAPPENINGS
            and not any(c.dep_ in ("compound", "amod", "nmod") or c.pos_ == "PROPN" for c in head.children))


def _sayer(pronoun: Any) -> Any:
    """The named subject of the reporting verb a pronoun's clause depends on ("Harbour TV said it would ..."), or None."""
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "conj", "aux") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _NOT_AN_ACT:
        return None
    sayer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return sayer if sayer is not None and _has_name(sayer) else None


# where "appear" is a scheduled act, not a seeming: "will appear at Leeds Crown Court", "appear before the committee"
_HEARING_PLACES = frozenset("""court courts tribunal magistrates judge committee panel inquiry hearing senate congress
    parliament commission board""".split())


def _before_a_court(verb: Any) -> bool:
    """Whether ``verb`` is "appear" in, at or before a court or hearing ("is due to appear at Horsham Magistrates
    Court on October 8"): a court date."""
    if _lemma(verb) != "appear":
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at", "before"}:
            if any(t.lower_ in _HEARING_PLACES for t in prep.subtree):
                return True
    return False


def _negated(verb: Any) -> bool:
    """Whether the act or a verb it completes is negated ("aren't willing to risk", "will not attend",
    "there is no decision to ...")."""
    token = verb
    for _ in range(6):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               or (c.dep_ != "prep" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))
               for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "acomp", "conj", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return False


# the small English model's lemmas gone wrong: "hopes" -> "hop"
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


# happenings that begin and end on their own, and the verbs that say so
_GATHERINGS = frozenset("""conference summit festival convention congress session meeting talks fair expo exhibition
    tournament championship championships games olympics season trial hearing inquiry strike sale forum symposium
    show""".split())
_TURNS = frozenset({"begin", "start", "open", "end", "close", "conclude", "resume", "kick"})


def _occurs(verb: Any) -> bool:
    """Whether a verb says that its subject happens: "take place", "come up", "happen", "occur"."""
    lemma = _lemma(verb)
    if lemma in {"happen", "occur"}:
        return True
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" and not list(c.children) for c in verb.children)
    return lemma == "come" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


_OCCUR_WORDS = re.compile(r"^(?:place|up)\b\s*")


_CAPS_HEADING = re.compile(r"^(?:[A-Z][A-Z'’&/]+\s+){1,5}[A-Z][A-Z'’&/]+\s*[-–—:|]\s+(?=[A-Z][a-z])"
                           # a dateline's place before a dash: "HARWICK — The festival will move ..."
                           r"|^[A-Z][A-Z'’&/.]{2,}(?:,\s+[A-Z][A-Za-z.]{1,14})?\s+[-–—]{1,2}\s+(?=[A-Z][a-z])")


def _lemma(token: Any) -> str:
    """A token's lemma, lower-cased, with the parser's known slips put right ("hopes" is "hope", not "hop")."""
    return _LEMMA_FIXES.get(token.lower_) or str(token.lemma_).lower()


# nouns whose "to" clause is an act of whoever has them: "the opportunity to tour", "a chance to win"
_CHANCE_NOUNS = frozenset("opportunity chance right ability option freedom time money means power".split())
_PARTICLES = frozenset("up down out off in on over back away".split())


def _points_back(verb: Any, span: set[int]) -> bool:
    """Whether the act's object is a description pointing back to a sentence before: "such a move", "such steps"."""
    return any(t.lower_ == "such" and t.head.i not in span and t.i + 1 < len(t.doc)
               and not any(x.lower_ == "as" for x in t.head.subtree)  # "phones such as the X" lists, points nowhere
               and (t.nbor().lower_ in ("a", "an") or t.nbor().i == t.head.i)
               for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree)


def _subject(verb: Any) -> Any:
    """The subject of ``verb``, or the one it shares with the verb it complements or is joined to."""
    token = verb
    for _ in range(6):
        found = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if found is not None:
            if found.lower_ in _RELATIVE:  # "the summit, which opens on Monday": the summit
                clause = next((t for t in [token, *token.ancestors] if t.dep_ == "relcl"), None)
                return _whole_name(clause.head) if clause is not None else found  # no antecedent: the caller drops it
            return found
        controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if token.dep_ == "xcomp" and controller is not None and token.head.lemma_.lower() != "promise":
            return controller  # "the court asked the cell to decide the plea": the cell decides
        if token.dep_ in ("xcomp", "conj", "acomp") and token.head.i != token.i:
            token = token.head
        elif (token.dep_ == "acl" and token.head.lemma_.lower() in _CHANCE_NOUNS and token.head.dep_ == "dobj"
              and token.head.head.lemma_.lower() in {"have", "get", "take", "seize", "need", "want", "lose", "miss"}):
            token = token.head.head  # "delegates will have the chance to tour the expo": the delegates tour it
        elif token.dep_ in ("relcl", "acl") and token.head.i != token.i:
            return token.head  # "Corvane Space to launch ...": a headline's subject and its "to"
        else:
            return None
    return None


def _whole_name(token: Any) -> Any:
    """The name a noun ends or describes: "Change" in "the Convention on Climate Change" stands for the
    Convention, "the party's chairman" in "Mr Lowe, the party's chairman, who ..." for Mr Lowe."""
    while (token.dep_ == "pobj" and token.text[:1].isupper() and token.head.lower_ in {"of", "on", "for"}
           and token.head.head.pos_ == "PROPN"):
        token = token.head.head
    if token.dep_ == "dobj" and token.head.dep_ == "appos" and token.head.pos_ == "VERB" and token.head.head.pos_ == "PROPN":
        return token.head.head  # "Mr Lowe, the Stop the Cuts chairman, who ...": "Stop" read as a verb in the aside
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        token = token.head
    return token


def _has_name(token: Any) -> bool:
    """Whether a subject names someone ("Vireo shareholders", "the Senate"), not only a thing ("the deal")."""
    tokens = _tokens(token, set())  # the phrase without its relative clause or aside
    return any(t.pos_ == "PROPN" for t in tokens) or bool(find_names(_text([t for t in tokens if t.i > 0])))


# a word that makes a prepositional phrase a date's ("in the week", "by tomorrow"), not a part of the happening
# (names of days and months only as names: "the march", "may" are other words)
_DATE_NOUN = re.compile(r"(?i:tomorrow|tonight|week|weekend|month)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|"
                        r"February|March|April|June|July|August|September|October|November|December")
# a word that dates a conjunct on its own: "to Pittsburgh on Monday and New York later in the week"
_OWN_DATE = re.compile(rf"{_DATE_NOUN.pattern}|(?i:later|next)|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")


def _dated_conj(conj: Any, span: set[int]) -> bool:
    """Whether a conjunct carries a date of its own (another happening on another day)."""
    if any(t.i not in span and _OWN_DATE.fullmatch(t.text.rstrip(".")) for t in conj.subtree):
        return True
    after = conj.right_edge.i + 1  # "... and New York later in the week": the date follows the conjunct
    return after < len(conj.doc) and after not in span and bool(_OWN_DATE.fullmatch(conj.doc[after].text))


def _tokens(token: Any, span: set[int]) -> list[Any]:
    """The tokens of a phrase without its side parts and without the date."""
    out = [token] if token.i not in span else []
    for child in token.children:
        if child.i in span or (child.dep_ in _DROP and not _inner_hyphen(child) and not _list_comma(child, token)):
            continue
        if child.dep_ == "conj" and (child.pos_ in ("VERB", "AUX") or _dated_conj(child, span)):
            continue  # "deadline Friday, but riders still pay cash": another clause; "and New York later in the week"
        if child.dep_ == "cc" and not any(c.dep_ == "conj" and c.i > child.i and c.pos_ not in ("VERB", "AUX")
                                          and not _dated_conj(c, span) for c in token.children):
            continue  # "deadline Oct. 1, but ...": a "but" that joins nothing in the phrase
        if child.dep_ == "prep" and _clock(child):
            out.extend(_past_clock(child, span))  # "from 9 a.m. at the town hall": the place stays
            continue
        part = _tokens(child, span)
        if child.dep_ == "prep" and (len(part) <= 1 or any(t.i in span for t in _own_subtree(child))):
            continue  # "on Thursday", "by the end of the quarter": the date's own phrase
        out.extend(part)
    return sorted(out, key=lambda t: t.i)


def _own_subtree(token: Any) -> list[Any]:
    """The tokens of ``token``'s phrase without its side clauses: a date in the relative clause of "the Convention
    on Climate Change, which meets in Paris from November 30" is the meeting's, not the name's."""
    out = [token]
    for child in token.children:
        if child.dep_ not in _DROP:
            out.extend(_own_subtree(child))
    return out


_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b\.?|noon)|\b\d{1,2}[:.]\d\d\b|\b(?:noon|midnight)\b",
                    re.IGNORECASE)


# the other end of a range the date opens: "(from 28 September) to 3 October", "until Friday"
_DATE_END = re.compile(
    r"^(?:to|until|till|through|thru)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|"
    r"Sat(?:urday)?|Sun(?:day)?)\.?"  # whole words: "to Marlow" is a place, not "to March"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?$")


def _clock(prep: Any) -> bool:
    """A prepositional phrase of the time of day ("at 9 a.m.", "from 6pm-9pm") or of a range's other end
    ("to 3 October"): the date's, not the happening's."""
    text = prep.doc[prep.left_edge.i : prep.right_edge.i + 1].text
    return _CLOCK.search(text) is not None or _DATE_END.match(text) is not None


def _past_clock(token: Any, span: set[int]) -> list[Any]:
    """The prepositional phrases inside a phrase of the time of day that tell no time ("at the town hall")."""
    out: list[Any] = []
    for child in token.children:
        if child.dep_ == "prep" and not _clock(child) and child.i not in span:
            part = _tokens(child, span)
            out.extend(part if len(part) > 1 else [])
        else:
            out.extend(_past_clock(child, span))
    return out


def _list_comma(punct: Any, head: Any) -> bool:
    """A comma between the items of a list ("Bread, Salt, Water"), which the list keeps."""
    nxt = punct.doc[punct.i + 1] if punct.i + 1 < len(punct.doc) else punct
    return punct.text == "," and nxt.dep_ != "cc" and any(c.dep_ == "conj" and c.i > punct.i and c.pos_ not in ("VERB", "AUX")
                                     for c in head.children)


def _inner_hyphen(token: Any) -> bool:
    """A hyphen inside a word ("long-awaited"), which is no side part."""
    doc = token.doc
    return (token.text in {"-", "‐"} and not token.whitespace_ and token.i > 0
            and not doc[token.i - 1].whitespace_)


def _text(tokens: list[Any]) -> str:
    """The words of ``tokens`` as the sentence writes them ("Acme's", "co-founder"), one space at each gap."""
    out = ""
    for n, t in enumerate(tokens):
        if n and (t.i != tokens[n - 1].i + 1 or tokens[n - 1].whitespace_):
            out += " "
        out += t.text
    out = out.strip(" ,;:-–—\"“”'‘’()")
    return " ".join(out.split())


def _phrase(token: Any, span: set[int]) -> str:
    """A noun phrase without its leading article, aside or relative clause, at most eight words."""
    tokens = [t for t in _tokens(token, span) if not (t.dep_ == "det" and t.lower_ in {"the", "a", "an"} and t.i < token.i)]
    words = _text(tokens).split()
    if len(words) > _MAX_WHO_WORDS:
        words = words[:_MAX_WHO_WORDS]
        while words and words[-1].lower() in _LOOSE_ENDS:
            words.pop()  # "slip road of the A31 in": a cut phrase does not end on its link word
    return " ".join(words)


def _complements(verb: Any, span: set[int]) -> str:
    """The objects and prepositional phrases after ``verb``, without the date and side clauses."""
    tokens: list[Any] = []
    for child in verb.children:
        if child.i < verb.i or child.i in span or not (
                child.dep_ in _COMPLEMENTS or (child.dep_ == "advmod" and child.lower_ in _ACT_ADVERBS)):
            continue
        if child.dep_ == "prep" and _clock(child):
            tokens.extend(_past_clock(child, span))
            continue
        part = _tokens(child, span)
        if child.dep_ == "prep" and (len(part) <= 1 or child.lower_ in _SIDE_PREPS
                                     or any(t.i in span or _DATE_NOUN.fullmatch(t.text) for t in child.subtree)):
            continue  # the date's phrase, or another date's ("later in the week")
        tokens.extend(part)  # "decide to raise the rate": the infinitive keeps its "to"
    return _text(sorted(set(tokens), key=lambda t: t.i))
