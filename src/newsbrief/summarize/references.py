"""Referring subjects: a sentence opening on "It", "He" or "The company" needs its referent named.

An extracted sentence whose subject is a pronoun or a definite description points back at a
name its article gave earlier. :func:`referring_subject` finds such a subject (after an
introductory phrase: "On Saturday it gave ..."), and :func:`antecedent` finds the name it
points at in the sentences before it in the article. The summarizer then uses the sentence
only right after a summary sentence naming that referent, or puts the name in as a marked,
cited substitution ("[Brightloom] is recalling ..."), or leaves the sentence out. A title ("The
president", "the chief executive") stands for the one person the article calls by it ("President
Tomas Brenner", "Tomas Brenner, the president": :func:`title_holder`), never for the name the
sentence before happens to give (the chamber the president writes to); a name the entity
recogniser reads as a place or a body is no one's name for "he".

Any other definite description as subject ("The new claims follow ...", "The pope will ...",
:func:`described_subject`) needs its noun said by an earlier sentence of the summary; else the
name the article gives it goes in ("[Pope Ambrose] will ...", :func:`titled_name`), or the
sentence is not used. A person the article introduces by full name but a sentence only by
honorific and surname ("Ms. Rook") gets the full name (:func:`full_names`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence, Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from newsbrief.facts.nlp import entities, parse
from newsbrief.summarize.casing import NAME_LABELS, common_words
from newsbrief.summarize.sentences import BACK_CONNECTIVES, split_sentences

__all__ = ["HONORIFIC", "Reference", "antecedent", "bare_person", "described_subject", "full_name", "full_names", "inner_reference",
           "introduced_by", "later_names", "read_as_person", "opens_on_reference",
           "referring_subject", "spelled_out", "substitute", "title_holder", "titled_name"]

# Introductory phrases before the subject: "On Saturday", "In a statement,", "Last week".
# A subordinate clause's subject counts too: "Although the 21-year-old scored, the club lost".
_OPENER = (r"(?:(?:On|In|At|By|For|After|Before|Later|Earlier|Last|Since|During|Early|Late|Separately|Meanwhile|"
           r"Overnight|Yesterday|Today|Now)\b[^,.;:\"]{0,40}?(?:,\s*|\s+(?=(?:he|she|it|they|the)\b))|"
           r"(?:Although|Though|Even\s+(?:though|if|as)|While|When|Because|Once|Until|Whereas)\s+"
           r"(?=(?:he|she|it|they|the)\s)|"
           r"(?:However|Meanwhile|Still|Also|Separately),\s*)?")
# "His trial begins ...", "Its market has grown ...": a possessive pronoun points back just the same
_PRONOUN_RE = re.compile(rf"^{_OPENER}(?P<np>[Hh]e|[Ss]he|[Ii]t|[Tt]hey|(?P<possessive>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?=\s+[a-z]))"
                         r"(?P<contraction>(?:'|\u2019)(?:s|re|ll|d|ve))?\s+(?=[a-z])")
# Definite descriptions of an actor: "the company", "the Boston firm", "the analytics firm".
_ACTOR_NOUNS = (
    "company|firm|startup|start-up|group|lab|maker|manufacturer|carmaker|chipmaker|retailer|regulator|agency|"
    "authority|watchdog|ministry|government|bank|lender|insurer|airline|carrier|operator|provider|developer|"
    "studio|publisher|magazine|newspaper|paper|broadcaster|network|outlet|site|platform|service|app|brand|"
    "business|conglomerate|giant|team|club|league|party|union|organisation|organization|charity|court|"
    "investor|fund|university|school|hospital|city|country|state|council|committee|board|band|"
    r"\d+-year-old|"  # "the 21-year-old was arrested": a person the reader has to have met
)
# Descriptions of a person: "he" resolves to the full name of the sentence before, not to "it"'s subject.
_PERSON_NOUNS = (
    "judge|minister|president|official|spokesman|spokeswoman|spokesperson|executive|chief|founder|singer|actor|"
    "actress|player|coach|man|woman|suspect|victim|boy|girl|teenager|driver|officer|soldier|pilot|student|teacher|"
    "mother|father|son|daughter|wife|husband|star|striker|goalkeeper|quarterback|pitcher|rapper|dentist|doctor|"
    "lawyer|senator|governor|mayor|candidate|prosecutor|defendant|gunman|attacker|shooter|billionaire|"
    "entrepreneur|chairman|chairwoman|leader|chancellor|premier|manager|champion|veteran|winner|holder|runner|"
    "athlete|cyclist|swimmer|boxer|golfer|midfielder|defender|captain|skipper|monarch|queen|king|prince|princess|"
    "comedian|musician|artist|author|writer|director|presenter|journalist|activist|migrant|refugee|passenger|"
    "patient|owner|survivor|witness"
)
_ACTOR_NOUNS += _PERSON_NOUNS
_PERSON_RE = re.compile(rf"(?:{_PERSON_NOUNS}|\d+-year-old)$")
_DESCRIPTION_RE = re.compile(
    rf"^{_OPENER}(?P<np>[Tt]he\s+"
    r"(?:(?!(?:and|or|its|his|her|their|the|a|an)\s)[a-z][\w-]*\s+|[A-Z][a-z]+(?:-[a-z]+)?\s+|\d+-year-old\s+){0,3}"
    rf"(?:{_ACTOR_NOUNS})"
    # "The marathon record holder and three-time winner issued ...": both descriptions are one subject
    rf"(?:\s+and\s+(?!(?:the|a|an|its|his|her|their)\s)(?:[\w-]+\s+){{0,4}}?(?:{_ACTOR_NOUNS}))?)\b"
    # "The city of Varnholt", "the team behind Wayfarer" name their referent themselves
    # "the city's turnout": a possessive description points back just the same
    r"(?!\s+(?:of|in|at|behind|from|for)\s+(?:the\s+)?[A-Z])(?=(?:'s|\u2019s)?[\s,]+(?:[a-z]|'s))"
)
_NAME_RUN = r"[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|of|de|and|&)){0,4}"
_NAME_RUN_RE = re.compile(_NAME_RUN)
_NOT_ANTECEDENT = frozenset(
    """The A An In On At For Of To From By With As After Before When While If But And Or So Yet Also He She It
    They We I You His Her Its Their This That These Those There Here What Who Which Why How Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Mr Mrs Ms Dr According Some Many Most No""".split()
)


@dataclass(frozen=True, slots=True)
class Reference:
    """The referring subject of a sentence: its words, where they are, and whether it is a person."""

    text: str
    start: int
    end: int
    person: bool
    plural: bool
    contracted: bool = False  # "She's", "They're": a name cannot stand in for it without changing the verb
    possessive: bool = False  # "Its market", "His trial": the name goes in as "[Brightloom]'s"


# "It" that points at nothing: "It wasn't immediately clear whether ...", "It is only the second time ...".
_EXPLETIVE_IT_RE = re.compile(
    rf"^{_OPENER}[Ii]t(?:'s|\u2019s|\s+(?:is|was|isn't|wasn't|remains|remained|seems|seemed|appears|appeared|"
    r"has been|had been|will be|would be|may be|might be|could be))\s+(?:not\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:(?:clear|unclear|true|time|too early|too soon|unknown)\b|(?:possible|impossible|important|hard|difficult|"
    r"easy)\s+to\b|(?:likely|unlikely|understood|believed|thought|expected|reported|known|feared|hoped|estimated|"
    r"said)\s+(?:that|whether|how|why|what|when|who|if)\b)"
)


def referring_subject(sentence: str) -> Reference | None:
    """Return the pronoun or definite-description subject of a sentence, if it has one.

    An "it" that points at nothing ("It was not clear whether ...", "It is the first time ...")
    is no referring subject.

    :param sentence: one (repaired) sentence.
    """
    if _EXPLETIVE_IT_RE.match(sentence) or re.match(r"(?:When|If|Once)\s+it\s+(?:comes|came)\s+to\b", sentence):
        return None
    # the subject is the first of the two ("On Sunday the 35-year-old said he ...": the 35-year-old)
    found = [m for m in (_PRONOUN_RE.match(sentence), _DESCRIPTION_RE.match(sentence)) if m is not None]
    if not found:
        return None
    match = min(found, key=lambda m: m.start("np"))
    np = match.group("np")
    low = np.lower()
    person = low in ("he", "she", "his", "her") or _PERSON_RE.match(low.split()[-1]) is not None
    groups = match.groupdict()
    contracted = groups.get("contraction") is not None
    return Reference(np, match.start("np"), match.end("np"), person, low in ("they", "their"), contracted,
                     groups.get("possessive") is not None)


# Any opening that points back: a pronoun or "That" (with their contractions), a connective that
# concludes from what came before ("Thus"), or "The" + lower-case words
# + a lower-case verb ("The new phones are ...", "The issue is ..."); "The European Commission" names itself.
_BACK_OPENER_RE = re.compile(
    r"^[\"'\u201c]?(?:(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]his|[Tt]hese|[Tt]hose|[Tt]hat)(?:'s|\u2019s|'re|\u2019re|'ve|\u2019ve)?\s+"
    r"(?=[a-z])|[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*(?:\s+|,)(?=[a-z])"
    # "Thus ...", "Instead, ...": a conclusion or a contrast drawn from what came before
    rf"|(?:{'|'.join(w.capitalize() for w in BACK_CONNECTIVES)})\b)"
)


def opens_on_reference(sentence: str) -> bool:
    """Return True if a sentence opens on a pronoun or a description that points at something earlier.

    :param sentence: one sentence.
    """
    match = _BACK_OPENER_RE.match(sentence)
    if match is None:
        return False
    return not _NAMES_ITS_REFERENT_RE.match(sentence)


# "The team behind Wayfarer ...": the description names its referent itself
_NAMES_ITS_REFERENT_RE = re.compile(r"\S+(?:\s+\S+){0,3}\s+(?:of|behind|from|at|for|in|with)\s+[A-Z]")


# A sentence's opening that needs something said before it: a pronoun (possessives too) or a description
# ("The valves, which ...", "The double-masked, placebo-controlled trial is ...").
_ALONE_OPENER_RE = re.compile(
    # "Overall, the poll exposed ...": a linking adverb before the reference changes nothing
    r"^[\"'\u201c]?(?:(?:Overall|However|Meanwhile|Still|Also|Separately|Instead|Indeed|Nevertheless|Moreover|"
    r"Furthermore|Yet|Now|Later|Earlier|Previously|Initially|Ultimately|Eventually|Currently),\s+)?"
    r"(?:(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hese|[Tt]hose)\b(?![\w-]*\s+[A-Z])|"
    # "The American-born 66-year-old was ...": a described person, capitalised adjective and age included
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?P<words>(?:(?:[a-z][\w-]*|[A-Z][a-z]+-[a-z][\w-]*|\d+-year-old),?\s+){0,3}"
    r"(?:[a-z][\w-]*|\d+-year-old))\b(?=[\s,]+(?:[a-z]|'s)))"
)


_ALSO_SAID_RE = re.compile(r"^[^,.;:]{0,80}?\b(?:also|too)\s+(?:said|says|told|noted|added|warned|confirmed|stressed)\b")


def introduced_by(sentence: str, headline: str) -> bool:
    """Whether a sentence shown alone under its headline (a one-liner) opens on nothing the headline leaves unsaid.

    It does not when it opens on a pronoun ("It", "Their co-workers") or on a description none of whose
    words the headline has ("The valves, which ..." under a headline about a supplier's results); a
    description the headline names ("The trial ..." under "... begins trial ..."), a noun with one referent
    anywhere ("The police") and one that names its referent ("The team behind Wayfarer") are introduced.

    :param sentence: the one-liner's sentence.
    :param headline: its headline.
    """
    if _ALSO_SAID_RE.match(sentence):
        return False  # "The fire investigator also said ...": the rest of what someone said, told before it
    match = _ALONE_OPENER_RE.match(sentence)
    if match is None or _EXPLETIVE_IT_RE.match(sentence) or _NAMES_ITS_REFERENT_RE.match(sentence):
        return True
    if match.group("words") is None:
        return False  # a pronoun: whose, the headline does not say
    said = {w.rstrip("s") for w in re.findall(r"[a-z][\w-]*", headline.lower())}
    words = [w for w in re.findall(r"[a-z0-9][\w-]*", match.group("words").lower()) if w not in _LINKING_WORDS]
    return not words or words[0] in _UNIQUE_NOUNS or any(w.rstrip("s") in said for w in words)


# Verbs and small words the greedy description match above may run into ("The trial is being ...")
_LINKING_WORDS = frozenset("""is are was were be been being has have had will would can could may might should must do does
    did said says a an the of to in on at for and or but as by with that which who""".split())


# "A courthouse clerk says he failed to pay the fine": an unnamed speaker's "he" may be the speaker or
# the person the article named before; a reader cannot tell which.
_REPORTED_PRONOUN_RE = re.compile(
    rf"^{_OPENER}(?:[Aa]n?|[Tt]he|One|[Aa]nother)\s+(?:[\w'-]+,?\s+){{0,5}}?(?:says|said|told|tells|adds|added|claims|"
    r"claimed|alleges|alleged|testified|explained|noted|confirmed|confirms)(?:\s+[a-z]+)?,?\s+(?:that\s+)?"
    r"(?:he|she)\s+(?=[a-z])")
# "would need to have those diesel cars refitted": a plural description pointing at what an earlier
# sentence counted; "those who ...", "these cars of ..." say themselves what they are.
_DEMONSTRATIVE_RE = re.compile(
    r"\b(?:these|those)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*s)\b(?![\w-])"
    r"(?!\s+(?:who|whom|whose|that|which|where|when|of|in|at|on|from|with|for|by|under|over|to|involved|affected|"
    r"named|called|listed|mentioned)\b)")
# "Iraq says it belongs to this group too": a singular "this" description of an actor, a plan or a
# happening an earlier sentence spoke of; "this week", "this group of ten" and a noun the sentence used
# before say themselves what they are.
_THIS_RE = re.compile(
    r"\bthis\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"({_ACTOR_NOUNS}|coalition|alliance|plan|deal|agreement|move|decision|proposal|policy|measure|law|bill|"
    r"case|project|programme|program|scheme|initiative|effort|approach|strategy|idea|incident|attack|crisis|"
    r"situation|problem|event|meeting|visit|trip|announcement|report|claim|lawsuit|suit|ruling|verdict|"
    r"admiration|hypocrisy|development|change|campaign|operation)\b(?![\w-])"
    r"(?!\s+(?:who|whom|whose|that|which|where|of|called|named|known|led|behind|in|at|from|with)\b)")
# "... all spoke on the issue": an abstract noun that only stands for what an earlier sentence said;
# "the issue of pay", "the matter that ..." say themselves what it is.
_ABSTRACT_OBJECT_RE = re.compile(
    r"(?<!^)(?<![.!?]\s)\b(?:the|this|that)\s+(issue|matter|topic|controversy|row)\b"
    r"(?!\s+(?:of|that|which|who|whose|surrounding|over|around|about|between|with)\b)(?!-)")
_QUOTE_RE = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
# '"...," he said.': a quotation whose only speaker is a pronoun
_PRONOUN_SPEAKER_RE = re.compile(
    r"[\"\u201d]\s*(?:(?:he|she|they)\s+(?:said|says|added|adds|told|tells|wrote|writes|explained|noted|insisted|"
    r"argued|continued|warned)|(?:said|says|added|adds|wrote)\s+(?:he|she|they))\b")


def inner_reference(sentence: str) -> bool:
    """Return True if a sentence points, after its subject, at someone or something it does not name.

    Five shapes: an unnamed speaker reporting what "he" or "she" did ("A clerk says he failed to
    pay": the speaker, or the person named earlier?), a quotation only a pronoun speaks ('"...,"
    he said.' with no name outside the quotation marks), a plural "these"/"those" description
    outside quotation marks ("customers would need to have those diesel cars refitted"), unless
    the sentence itself says what they are ("those who ...", "these days", a noun it used before),
    a singular "this" description of an actor, a plan or a happening ("belongs to this group too"), unless
    it says which ("this group of ten") or the sentence used its noun before,
    and "the issue", "the matter" after the subject ("three senators spoke on the issue"),
    unless it says which ("the issue of pay") or its own earlier words name it.
    No name can be put in for any of them without guessing, so the digest leaves such a sentence out.

    :param sentence: one (repaired) sentence.
    """
    if _REPORTED_PRONOUN_RE.match(sentence.lstrip("\"'\u201c")):
        return True
    bare = _QUOTE_RE.sub(" ", sentence)
    named = [w for w in re.findall(r"[A-Z][a-z]+", bare) if w not in _NOT_ANTECEDENT]  # "on Monday" names no one
    if _PRONOUN_SPEAKER_RE.search(sentence) and not named:
        return True  # nobody outside the quotation marks is named
    for match in _DEMONSTRATIVE_RE.finditer(bare):
        noun = match.group(1).lower()
        if noun in ("days", "years", "times") or noun[:-1] in bare[: match.start()].lower():
            continue
        return True
    for match in _THIS_RE.finditer(bare):
        if match.group(1).lower() not in bare[: match.start()].lower():
            return True  # "it belongs to this group too": which group?
    for match in _ABSTRACT_OBJECT_RE.finditer(bare):
        if match.group(1) not in bare[: match.start()].lower():
            return True  # "three senators spoke on the issue": which issue?
    return False


_OPENING_WORD_RE = re.compile(r"[A-Z][a-z]+(?:ed|ing|ly)")


def _names(sentence: str) -> list[str]:
    """Return the capitalised name runs of a sentence, in order ("Brightloom Home", "Boston")."""
    out = []
    for m in _NAME_RUN_RE.finditer(sentence):
        words = m.group(0).split()
        if not sentence[: m.start()].strip("\"'\u201c ") and len(words) == 1 and _OPENING_WORD_RE.fullmatch(words[0]):
            continue  # "Based in Lafayette, ...", "Speaking on Monday, ...": a participle opening the sentence
        while words and words[0] in _NOT_ANTECEDENT:
            words.pop(0)
        while words and words[-1] in ("of", "de", "and", "&"):
            words.pop()
        name = " ".join(words).removesuffix("'s").removesuffix("\u2019s").removesuffix("'").removesuffix("\u2019")
        if name and not name.isdigit():
            out.append(name)
    return out


def antecedent(reference: Reference, before: Sequence[str], sentence: str = "") -> str | None:
    """Return the name a referring subject points at, from the sentences before it (nearest first).

    A person ("he", "the 35-year-old") is the last full name ("Reuben Castile") of the nearest
    sentence giving one that the entity recogniser (with spaCy) reads as a person; a title ("the
    president") is whom the article calls by it (:func:`title_holder`); "the company" is the name
    the sentence before calls a company ("Corbel, a Denver company, ..."); "it" is the name that sentence opens on, unless that sentence
    also introduces another named thing ("... released a new model, Kestrel-3,"). Anything else, and
    "they" (the verb would not agree with one name), stays unresolved, so the sentence is not used.

    A person the sentence itself names after its subject is not whom the subject points at: in "He
    brought the retired leader a book by Castro's teacher", "he" is not Castro (a name in its own clause
    is never its subject pronoun's referent); such a subject stays unresolved.

    :param reference: the referring subject.
    :param before: the article's sentences before this one, in article order.
    :param sentence: the sentence the subject opens, when known.
    """
    if reference.plural or reference.contracted:
        return None  # "They" would not agree with one name; "[Orla]'s" would read as a possessive
    words = reference.text.lower().split()
    if reference.person and len(words) > 1 and words[-1] in _TITLE_NOUNS:
        return title_holder(reference.text.split()[1:], before)  # "the president": only whom the article calls so
    for prior in reversed(before[-2:]):
        if reference.person:
            if _opens_on_surname(prior, before):
                return None  # "Drell died after he met Governor Anton Vasko. ... his son": Drell's, named bare
            person = _person(prior)
            if person:
                rest = sentence[reference.end:]
                return None if re.search(rf"\b{re.escape(person.split()[-1])}\b", rest) else person
            continue
        if referring_subject(prior) is not None:
            continue  # "It ... . It ...": look further back
        if " " in reference.text:
            # "the company" only after a sentence that calls someone that: "Corbel, a Denver company,"
            return _described(prior, reference.text.split()[-1])
        names = _names(prior)
        lead = prior.lstrip("\"'")
        introduced = _INTRODUCED_RE.search(prior)
        if introduced and _names(introduced.group(1))[:1] != names[:1]:
            return None  # "X released a new model, Kestrel-3, ... . It is big": X or the model?
        if names and lead.startswith(names[0]) and not _common_opening(names[0], prior):
            return names[0]  # "It" is the subject of the sentence before
        return None
    return None


def _common_opening(name: str, sentence: str) -> bool:
    """Whether a one-word name a sentence opens on is a common word that names nothing there.

    "Number two Federer, ...": "Number" is capitalised only because it opens the sentence; a common
    word the recogniser reads inside a name ("Apple said ...") is a name. Without the recogniser the
    word is taken as a name.
    """
    if " " in name or name.lower() not in common_words():
        return False
    found = entities(sentence)
    return found is not None and not any(name in text.split() for text, label in found if label in NAME_LABELS)


# "a new model, Kestrel-3,": a named thing the sentence introduces, which a following "It" may be
_INTRODUCED_RE = re.compile(rf"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*,\s+({_NAME_RUN})")


# last words of a capitalised run that make it a place or a body, not a person ("Health Care Center")
_NOT_PERSON_ENDS = frozenset(
    """Center Centre Church Hospital Home Homes Hall School University College Institute Street Road Avenue Park
    Way Lane Drive Place Close Crescent Boulevard Terrace Row Gardens Grove Walk Quay Wharf
    Company Corp Inc Ltd Group Bank Court House Department Office Services Service News Times Post Club Party
    Council Ministry Agency Authority Association Foundation Fund Trust Board Committee Commission Museum
    Library Airport Station Stadium Arena Hotel Cathedral Chapel Mosque Temple Prison County City State
    Valley River Lake Mountain Island Islands Square Bridge Capital Partners Holdings Media Network""".split()
)
_PERSON_WORD_RE = re.compile(r"(?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?|[A-Z]\.)")


# A sentence whose subject is a person named by title and surname ("Mr Cameron told ...", "Dr Ruiz said ...")
_STYLED_SUBJECT_RE = re.compile(r"^((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)"
                                r"(?=,?\s+[a-z])")


# Heads of a subject that is a person left unnamed ("The prime minister told ...", "The 35-year-old, who ...").
_PERSON_HEADS = frozenset(
    """man woman boy girl official officer spokesman spokeswoman spokesperson lawyer attorney mother father son
    daughter wife husband victim suspect driver teenager student worker resident witness source old""".split()
)


def _unnamed_person_subject(sentence: str) -> bool:
    """Whether the main clause's subject is a person the sentence does not name ("The minister said ...")."""
    doc = parse(sentence)
    if doc is None:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in _PERSON_HEADS | _TITLE_NOUNS:
        return False
    return not any(t.pos_ == "PROPN" for t in subject.subtree)


def _person(sentence: str) -> str | None:
    """Return the person a sentence names: the full name it opens on, else the last one it gives;
    a subject named by title and surname ("Mr Cameron told MPs ...") is that person.

    A person's name is two or more capitalised words ("Victor William Ringhouse", "Lena Ortiz")
    whose last word is not that of a place or body ("Montebello Health Care Center"), and which
    the entity recogniser, when spaCy is installed, reads as a person: "the Upper Chamber" and
    "New York" are no one.
    """
    lead = sentence.lstrip("\"'")
    styled = _STYLED_SUBJECT_RE.match(lead)
    if styled is not None:
        return styled.group(1)  # "Mr Cameron told MPs ... the forces of Bashar Assad": the subject, not the last name
    people = []
    persons: list[str] | None = None
    recognised = False  # the parse and the recogniser read the sentence only once a name could be a person's
    for name in _names(sentence):
        words = name.split()
        if not (len(words) >= 2 and all(_PERSON_WORD_RE.fullmatch(w) for w in words)
                and words[-1] not in _NOT_PERSON_ENDS and words[0] not in _NOT_ANTECEDENT):
            continue
        if not recognised:
            if _unnamed_person_subject(sentence):
                return None  # "The prime minister told reporters he had met Jo Reyes": "he" next is the minister
            persons, recognised = _person_entities(sentence), True
        if persons is None or any(name in p or p in name for p in persons):
            if lead.startswith(name):
                return name
            people.append(name)
    return people[-1] if people else None


def _person_entities(sentence: str) -> list[str] | None:
    """Return the names the entity recogniser reads as persons in a sentence (None without it)."""
    found = entities(sentence)
    return None if found is None else [text for text, label in found if label == "PERSON"]


# Titles one person holds at a time: "the president" is the one the article calls president,
# not whoever the sentence before names (that may be the chamber the president writes to).
_TITLE_NOUNS = frozenset(
    """president minister chairman chairwoman chancellor premier governor mayor senator king queen prince princess
    monarch judge prosecutor chief executive leader captain coach manager director spokesman spokeswoman
    spokesperson""".split()
)
_OFFICES = _TITLE_NOUNS | frozenset("""commissioner secretary justice ambassador general sheriff inspector officer
    sergeant detective lieutenant colonel major admiral bishop archbishop cardinal pope rabbi imam professor
    councillor councilman councilwoman superintendent constable deputy representative rep sen gov gen""".split())
_HOLDER_NAME = r"[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?){0,2}"
_AFTER_TITLE_RE = re.compile(rf"^(,\s+)?({_HOLDER_NAME})\b")  # "President Tomas Brenner", "the Speaker, Ana Lopes"
_BEFORE_TITLE_RE = re.compile(  # "Tomas Brenner, the president", "Ana Lopes, Varnholt's premier"
    rf"({_HOLDER_NAME}),\s+(?:(?:the|a|an|its|his|her|their)\s+|[A-Z][\w-]*(?:'s|\u2019s)\s+)?$")
# Lower-case words that make another title of a title ("chief executive", "deputy minister", "former president").
_QUALIFIERS = frozenset(
    """chief deputy vice prime first foreign finance interior home defence defense health education justice trade
    general attorney acting interim assistant associate senior junior former managing executive head team club
    state federal regional""".split()
)
_TITLE_WORD_RE = re.compile(r"[A-Z][\w.-]*|[a-z]+")


def _qualifier(word: str) -> bool:
    return _TITLE_WORD_RE.fullmatch(word) is not None and (word[0].isupper() or word in _QUALIFIERS)


def _title_modifiers(text: str) -> list[str]:
    """Return the words right before a title in ``text`` (its end) that qualify it: "Senate", "chief", "US"."""
    out: list[str] = []
    for word in reversed(text.split()):
        if len(out) == 3 or not _qualifier(word) or word in _NOT_ANTECEDENT:
            break
        out.insert(0, word)
    return out


def title_holder(description: Sequence[str], before: Sequence[str]) -> str | None:
    """Return the person an article calls by a title ("president" -> "Tomas Brenner"), if it is one person.

    The article must give the title with the name: "President Tomas Brenner", "The Speaker, Ana
    Lopes,", "Tomas Brenner, the president". A title with other qualifying words is another title
    ("Senate President Ana Lopes" is not "the president"), unless the words name a country or
    nationality ("US President ...", with spaCy's recogniser). Two different holders, or none: None.

    :param description: the words of the description after "the" ("chief", "executive").
    :param before: the article's sentences before the one to repair, in order.
    """
    noun = description[-1].lower()
    wanted = {w.lower() for w in description[:-1] if _qualifier(w)}  # "the embattled president" is the president
    found: dict[str, str] = {}  # surname -> fullest name
    for sentence in before:
        places: set[str] | None = None
        for m in re.finditer(rf"\b{re.escape(noun)}\b", sentence, re.IGNORECASE):
            head = sentence[: m.start()]
            mods = _title_modifiers(head)
            extra = {w.lower() for w in mods} - wanted
            if wanted - {w.lower() for w in mods}:
                continue  # "the chief executive" is not any "executive"
            if extra:
                if places is None:
                    places = {w.lower() for text, label in (entities(sentence) or ()) if label in ("GPE", "NORP")
                              for w in text.split()}
                if not extra <= places:
                    continue
            lead_in = head.rstrip()
            lead_in = lead_in[: len(lead_in) - len(" ".join(mods))].rstrip() if mods else lead_in
            after = _AFTER_TITLE_RE.match(sentence[m.end():].lstrip(" "))
            if after and (not after.group(1) or lead_in.lower().endswith("the")):
                name = after.group(2)  # "President Tomas Brenner", "the president, Tomas Brenner,"
            else:
                before_name = _BEFORE_TITLE_RE.search(lead_in + " ")
                name = before_name.group(1) if before_name else None  # "Tomas Brenner, the president"
            if name is None:
                continue
            words = [w for w in name.removesuffix("'s").removesuffix("\u2019s").split() if w not in _NOT_ANTECEDENT]
            if not words or words[-1] in _NOT_PERSON_ENDS:
                continue
            full = " ".join(words) if len(words) > 1 else f"{noun.capitalize()} {words[0]}"
            key = words[-1].lower()
            if len(full.split()) >= len(found.get(key, "").split()):
                found[key] = full
    return next(iter(found.values())) if len(found) == 1 else None


def _described(sentence: str, noun: str) -> str | None:
    """Return the name a sentence calls ``noun``: "Corbel, the Denver company", "a group called Sable Lynx"."""
    n = re.escape(noun)
    for pattern in (rf"({_NAME_RUN}),\s+(?:a|an|the)\s+(?:[\w'-]+\s+){{0,3}}?{n}\b",
                    rf"\b{n}\s+(?:called|named|known as)\s+({_NAME_RUN})"):
        match = re.search(pattern, sentence)
        if match:
            names = _names(match.group(1))
            if names:
                return names[-1] if pattern.startswith("\\b") else names[0]
    return None


def substitute(sentence: str, reference: Reference, name: str) -> str:
    """Return the sentence with its referring subject replaced by a marked name ("[Brightloom] is ...").

    :param sentence: the sentence.
    :param reference: its referring subject.
    :param name: the referent, as the article names it.
    """
    head = sentence[: reference.start]
    owner = ("\u2019s" if "\u2019" in sentence else "'s") if reference.possessive else ""
    out = f"{head}[{name}]{owner}{sentence[reference.end:]}"
    return out[0].upper() + out[1:] if not head else out


# Nouns with one referent in any story ("The police said", "The dollar fell"): no antecedent needed.
_UNIQUE_NOUNS = frozenset(
    """police public economy weather world market markets dollar euro yen pound sterling greenback sun moon
    military internet administration cabinet""".split()
)
_DEFINITE_OPENER_RE = re.compile(rf"^{_OPENER}(?P<det>[Tt]he|[Tt]hese)\s+[a-z]")
# a reported clause opening on a description: "Police say the killing was revenge ...", "Egyptian authorities said
# the four-car convoy had entered ..."; the speaker is a short run of words before the verb of saying
_REPORTED_DEFINITE_RE = re.compile(
    rf"^{_OPENER}[^,;:\"\u201c\u201d]{{1,60}}?\b(?:say|says|said|believe|believes|believed|add|adds|added|confirm|confirms|"
    r"confirmed|report|reports|reported|state|states|stated|claim|claims|claimed|allege|alleges|alleged|explain|explains|"
    r"explained|note|notes|noted|insist|insists|insisted|warn|warns|warned|estimate|estimates|estimated)"
    r"\s+(?:that\s+)?(?P<det>[Tt]he|[Tt]hese)\s+[a-z]")
_ACTOR_NOUN_RE = re.compile(_ACTOR_NOUNS.rstrip("|"))
# What a story is about, which a reported clause may speak of as "the project", "the deal" without a reader asking which
_UNDERTAKINGS = frozenset("""plan plans project programme program scheme deal agreement proposal bill law measure
    measures move decision talks probe investigation case""".split())


def described_subject(sentence: str) -> tuple[Reference, str, bool] | None:
    """Return a definite description subject that is not an actor's ("The new claims", "The pope").

    Returns the description (the words up to its noun), its noun, and whether a name can replace
    it: "The pope will" can become "[Pope Ambrose] will", but "The claims for injury follow"
    cannot (words after the noun belong to the description).
    Only a description opening the sentence (after an introductory phrase) and heading the subject
    of the main clause, or of the quoted clause before its speaker ("The chain begins ..., the
    official said"), counts; so does one opening what a named speaker reports ("Police say the
    killing was ...") when it is no actor's and no words after its noun say which. Descriptions of actors and
    persons are :func:`referring_subject`'s; a noun with one referent anywhere ("the police", "the
    dollar") is none, nor is one naming itself ("The second phase of the Leeds line"). Uses the dependency parse (``None`` without spaCy).

    :param sentence: one sentence.
    """
    among = _AMONG_RE.match(sentence)
    if among is not None:
        return _among(sentence, among)
    opener = _DEFINITE_OPENER_RE.match(sentence)
    reported = _REPORTED_DEFINITE_RE.match(sentence) if opener is None else None
    if (opener is None and reported is None) or referring_subject(sentence) is not None:
        return None
    from newsbrief.facts.nlp import parse

    doc = parse(sentence)
    if doc is None:
        return None
    match = opener or reported
    assert match is not None
    start = match.start("det")
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN":
            continue
        clause = token.head.dep_ == "ccomp" and token.head.head.dep_ == "ROOT"  # what the main verb's speaker says
        if opener is not None and token.head.dep_ != "ROOT" and not (clause and token.head.i < token.head.head.i):
            continue  # the main clause's subject, or the quoted clause's before its speaker ("The chain begins ..., the official said")
        if reported is not None and not (clause and token.left_edge.idx == start):
            continue  # the reported clause's subject, not the speaker ("Police say the killing was ...")
        first = token.left_edge
        if first.lower_ not in ("the", "these") or first.idx != start or not token.text.islower():
            return None
        if token.lower_ in _UNIQUE_NOUNS or _names_itself(token):
            return None  # "the police"; "the second phase of the Leeds line" names what it is
        if reported is not None and (_ACTOR_NOUN_RE.fullmatch(token.lower_) or token.lower_ in _UNDERTAKINGS
                                     or token.right_edge.i != token.i):
            # "Officials said the company ...": an actor, whose name :func:`antecedent` finds; "Analysts estimate
            # the project will cost ...": what the story is about; "the decision to close the plant": the words
            # after the noun say which
            return None
        end = token.idx + len(token.text)
        plural = token.tag_ in ("NNS", "NNPS") or first.lower_ == "these"
        return Reference(sentence[first.idx:end], first.idx, end, False, plural), token.lower_, token.right_edge.i == token.i
    return None


# "Among the outlandish theories floated were ...": a group (a plural noun) the text spoke of before;
# "Among the injured" (no noun) and "Among the winners of the Kessa prize" (it names itself) are not.
_AMONG_RE = re.compile(r"^[\"'\u201c]?Among\s+(?P<det>[Tt]he|[Tt]hese|[Tt]hose)\s+(?:(?!(?:were|was|are|is|had|have|has)\b)[a-z][\w-]*\s+){0,3}?"
                       r"(?P<noun>[a-z][\w-]*[^s\W]s)\b(?!\s+(?:\w+\s+){0,2}?(?:of|from|at|in|behind)\s+(?:the\s+)?[A-Z])")


def _among(sentence: str, match: re.Match[str]) -> tuple[Reference, str, bool]:
    """The description an "Among the ..." opening points back with; no name can replace it."""
    start, end = match.start("det"), match.end("noun")
    return Reference(sentence[start:end], start, end, False, True), match.group("noun").lower(), False


_NAMING_PREPOSITIONS = frozenset(
    "of behind from at for in with off on near outside over against between inside by".split())


def _names_itself(token: Any) -> bool:
    """Return True if a description's own words name what it is: "the Leeds tram line", "the phase of the Leeds line".

    A name in a preposition or relative clause of the noun counts; one further off, in a participle
    ("the claims filed in Dunmore"), says where, not which.
    """
    # a capitalised word, whatever its tag (the tagger reads "FerrousDB" as a number)
    for child in token.children:
        if child.i < token.i and child.dep_ != "det" and any(t.text[:1].isupper() for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ in _NAMING_PREPOSITIONS and any(t.text[:1].isupper() for t in child.subtree):
            return True  # "the phase of the Leeds line", "The headline number from Thanksgiving"
        if child.dep_ == "relcl" and any(t.text[:1].isupper() for t in child.subtree):
            return True  # "The attackers who encrypted Freightlane's platform"
    return False


def titled_name(noun: str, before: Sequence[str]) -> str | None:
    """Return the name an article gives a described noun: the nearest name containing it ("Pope Ambrose" for "pope").

    :param noun: the description's noun, lower-cased.
    :param before: the article's text before the sentence (title and earlier sentences), in order.
    """
    title = noun[:1].upper() + noun[1:]
    for sentence in reversed(before):
        for name in reversed(_names(sentence)):
            words = name.split()
            if len(words) >= 2 and title in words:
                return name
    return None


HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)"
"""A courtesy title before a surname, as regular-expression text (without its full stop)."""
_HONORIFIC_RE = re.compile(rf"\b{HONORIFIC}\.?\s+([A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)\b(?!\s+[A-Z])")
_GIVEN_RE = r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?"


# a sentence opening on a bare surname as its subject: "Quillon, of Harwick, sued ...", "Quillon sued ..."
_OPENING_SURNAME_RE = re.compile(r"^([A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)(?=(?:,\s[^,]{2,150},)?\s+[a-z])")


def _opens_on_surname(sentence: str, before: Sequence[str]) -> bool:
    """Whether a sentence's subject is a person called by surname alone, one an earlier sentence gives in full
    ("Tomas Brenner ... . Brenner signed ..."): a pronoun after it is that person's, whom the full name there may
    not be (a relative shares it)."""
    opening = _OPENING_SURNAME_RE.match(sentence.lstrip("\"'\u201c"))
    if opening is None or opening.group(1) in _NOT_ANTECEDENT:
        return False
    surname = re.escape(opening.group(1))
    return any(re.search(rf"\b[A-Z][a-z]+\s+{surname}\b", prior) for prior in before[:-1])


# what a person does as the subject of a sentence: "Vasko met with ...", "Orrin told ..."
_PERSON_ACT_RE = re.compile(r"\s+(?:said|says|told|tells|met|meets|spoke|speaks|added|wrote|urged|warned|visited|"
                            r"insisted|argued|recalled|replied|tweeted)\b")


_SUBORDINATORS = frozenset("Although Though While When Because Since After Before Once If".split())
# a one-word subject after a subordinating word or an opening phrase: "Although Tamsin claims ...",
# "Yesterday, after months of planning, Oriel managed ..."
_SUBJECT_AFTER_OPENER_RE = re.compile(
    rf"^(?:(?:{'|'.join(sorted(_SUBORDINATORS))})\s+|[^,\"\u201c]{{2,60}},\s+(?:[^,\"\u201c]{{2,60}},\s+)?)"
    r"([A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)(?=\s+[a-z])")


def bare_person(sentence: str, article: str, surnames: AbstractSet[str] = frozenset(),
                headlined: AbstractSet[str] = frozenset()) -> str | None:
    """Return the name a sentence opens on when it is a person's one name and its article never gives it in full.

    "Vasko met with ..." in an article that never writes "Anton Vasko" points at a person the reader has not
    met; the summary may use it only after a sentence naming her. So does a one-word subject after a
    subordinating word or an opening phrase ("Although Tamsin claims ...", "Yesterday, after months of work,
    Oriel ..."). The name is a person's when the entity recogniser reads it so, when another article of the
    story writes it after a given name (``surnames``), or when the recogniser gives it no label and a person's
    act follows it ("met", "told"). A word the article
    also writes in lower case, a name the article gives in full, and a name a title of the story gives (the
    reader meets it in the headline: "Corbel recalls ..." over "Corbel is recalling ...") is none.

    :param sentence: one sentence.
    :param article: its article's title and text.
    :param surnames: words the story's articles write after a given name.
    :param headlined: the capitalised words of the story's titles.
    """
    opening = _OPENING_SURNAME_RE.match(sentence) or _SUBJECT_AFTER_OPENER_RE.match(sentence)
    if opening is None or opening.group(1) in _NOT_ANTECEDENT or opening.group(1) in headlined:
        return None
    name = opening.group(1)
    lower = (name.lower(), name[:1].lower() + name[1:])  # "al-Qasra" is a place's name, written so
    given = (m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b", article))
    if (any(re.search(rf"\b{re.escape(w)}\b", article) for w in lower)
            or any(g not in _NOT_ANTECEDENT and g not in _SUBORDINATORS for g in given)):
        return None
    if name in surnames:
        return name
    found = entities(sentence)
    if found is None:
        return None
    if (name, "PERSON") in found:
        return name
    unlabelled = not any(name in text.split() for text, _label in found)
    return name if unlabelled and _PERSON_ACT_RE.match(sentence, opening.end()) else None


def _given_name(surname: str, article: str, before: int, *, alone: bool = False) -> str:
    """The "Dana Rook" an article writes for "Rook" before ``before``, if it gives that surname one first name only
    (``alone``: and never as part of a longer name, "George Washington University")."""
    full, start = _written_in_full(surname, article, alone)
    return full if full and start < before else ""


@functools.lru_cache(maxsize=4096)
def _written_in_full(surname: str, article: str, alone: bool) -> tuple[str, int]:
    """The full name an article gives a surname (see :func:`_given_name`) and where it first does; ("", -1): none.
    Cached: a story's sentences ask the same article about the same surname many times."""
    # on one line: "... the Harbour Times\nAuthorities said" names nobody
    given_re = _GIVEN_RE.replace(r"\s+", "[ \t]+") if alone else _GIVEN_RE
    if alone and re.search(given_re + re.escape(surname) + r"\s+[A-Z][a-z]", article):
        return "", -1
    given = {g.group(1) for g in re.finditer(given_re + re.escape(surname) + r"\b", article)
             if g.group(1) not in _NOT_ANTECEDENT and not re.fullmatch(HONORIFIC, g.group(1))}
    offices = {g for g in given if g.lower() in _OFFICES}  # "Commissioner Avramopoulos" gives no first name
    given -= offices
    if len(given) != 1:
        return "", -1
    # an office holder is that person only where the article says so: "President Obama" is not "Michelle Obama"
    # unless it writes "President Michelle Obama"
    if any(not re.search(rf"\b{o}\s+{next(iter(given))}\s+{re.escape(surname)}\b", article) for o in offices):
        return "", -1
    full = re.search(given_re.replace("([A-Z][a-z]+)", re.escape(next(iter(given)))) + re.escape(surname), article)
    return (" ".join(full.group(0).split()), full.start()) if full is not None else ("", -1)


def full_name(surname: str, article: str) -> str:
    """Return the "Dana Rook" an article writes for a person it also calls "Rook", or "" when it gives that surname
    no first name, two different ones, or only inside a longer name ("George Washington University"), or when the
    entity recogniser does not read the full name as a person's where the article gives it. A person the
    recogniser names with more given names there is named so ("Steven Scott Smith", not "Scott Smith").

    :param surname: one capitalised word.
    :param article: the article's title and text.
    """
    full = _given_name(surname, article, len(article), alone=True) if surname not in _NOT_ANTECEDENT else ""
    if not full:
        return ""
    giving = next((s for s in split_sentences(article.replace("\n", " \n")) if full in s), "")
    if not giving or not read_as_person(full, giving):
        return ""  # "Chipmaker Halvard" is no person's name
    longer = [text for text, label in entities(giving) or () if label == "PERSON" and text.endswith(" " + full)
              and len(text.split()) <= _MOST_NAME_WORDS and all(w[:1].isupper() for w in text.split())]
    return max(longer, key=len, default=full)


_MOST_NAME_WORDS = 4  # "Trey Alexander Gwathney Law"


def _may_be_person(name: str, sentence: str) -> bool:
    """Whether the entity recogniser reads a name of a sentence as a person's, or gives it no label."""
    found = entities(sentence)
    return found is not None and all(label == "PERSON" for text, label in found if name in text.split())


def _family_name(given: str, article: str, before: int) -> str:
    """The "Teodor Halvik" an article writes before ``before`` for a person it then calls "Teodor", if it gives that
    first name one surname only."""
    found = [m for m in re.finditer(rf"\b{re.escape(given)}[ \t]+([A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)\b(?![ \t]+[A-Z])", article)
             if m.group(1) not in _NOT_PERSON_ENDS]
    if len({m.group(1) for m in found}) != 1 or found[0].start() >= before:
        return ""
    # the full name must read as a person's where the article gives it ("Brightloom Hearth 2" is a product)
    start = max(article.rfind(". ", 0, found[0].start()), article.rfind("\n", 0, found[0].start())) + 1
    ends = [n for n in (article.find(". ", found[0].end()), article.find("\n", found[0].end())) if n >= 0]
    where = entities(article[start:min(ends) + 1 if ends else len(article)].strip())
    return found[0].group(0) if where is not None and (found[0].group(0), "PERSON") in where else ""


def full_names(sentence: str, article: str) -> tuple[tuple[str, str], ...]:
    """Return each "Ms. Rook" of a sentence with the full name its article gives that person ("Dana Rook").

    A sentence opening on the bare surname ("Rook, of Dunmore, sued ...") counts too, when its article
    names the person in full before that sentence, and so does one opening on a person's first name alone
    ("Dana was ..."). A surname the article gives with two different first names, or never with one, and a
    first name it gives with two surnames, are left out.

    :param sentence: one sentence.
    :param article: its article's title and text.
    """
    out = []
    for m in _HONORIFIC_RE.finditer(sentence):
        full = _given_name(m.group(1), article, len(article))
        if full:
            out.append((m.group(0), full))
    opening = _OPENING_SURNAME_RE.match(sentence)
    # "Authorities said ...": a word the article also writes in lower case is no name
    if (opening is not None and opening.group(1) not in _NOT_ANTECEDENT
            and not re.search(rf"\b{re.escape(opening.group(1).lower())}\b", article)):
        at = article.find(sentence[:60])
        full = _given_name(opening.group(1), article, at, alone=True) if at > 0 else ""
        if not full and at > 0 and _may_be_person(opening.group(1), sentence):
            full = _family_name(opening.group(1), article, at)  # "Teodor was showing ..." after "Teodor Halvik"
        if full:
            out.append((opening.group(1), full))
    return tuple(out)


_ACRONYM_WORD_RE = re.compile(r"(?<![\w&-])[A-Z]{2,6}(?![\w&-])")
_SPELLING_WORDS = 12  # words before "(ACR)" searched for the name it shortens


def spelled_out(sentence: str, article: str) -> tuple[tuple[str, str], ...]:
    """Return each acronym of a sentence that its article spells out, with the name it shortens:
    ("IRPT", "Islamic Renaissance Party of Tajikistan") when the article writes "the Islamic Renaissance
    Party of Tajikistan (IRPT)". The name's capitalised words must give the acronym's letters in order
    ("Multinational Force and Observers (MFO)"); an acronym the sentence itself spells out, or one that is
    part of a longer name ("CCA Bahamas"), is left out.

    :param sentence: one sentence.
    :param article: its article's title and text.
    """
    out = []
    for acronym in dict.fromkeys(_ACRONYM_WORD_RE.findall(sentence)):
        if f"({acronym})" in sentence or _in_longer_name(acronym, sentence):
            continue
        for m in re.finditer(rf"\(\s*{acronym}\s*\)", article):
            words = article[: m.start()].split()[-_SPELLING_WORDS:]
            name = next((" ".join(words[-k:]) for k in range(1, len(words) + 1)
                         if words[-k][:1].isupper() and _initials(words[-k:]) == acronym), "")
            if name and name not in sentence:
                out.append((acronym, name))
                break
    return tuple(out)


def _in_longer_name(acronym: str, sentence: str) -> bool:
    """Whether an acronym is part of a longer name in a sentence: "CCA Bahamas", "Kessa KPA" ("The KPA" is not)."""
    after = re.search(rf"(?<![\w&-]){acronym}\s+[A-Z]", sentence)
    before = [m.group(1) for m in re.finditer(rf"([A-Z][\w&'\u2019.-]*)\s+{acronym}(?![\w&-])", sentence)]
    return after is not None or any(w not in _NOT_ANTECEDENT for w in before)


def _initials(words: Sequence[str]) -> str:
    """The capitals that open a name's words, hyphenated parts included ("Anti-Doping Agency": "ADA")."""
    return "".join(part[0] for w in words for part in w.split("-") if part[:1].isupper())


def later_names(sentence: str, article: str, before: Sequence[str],
                surnames: AbstractSet[str] | None = None) -> tuple[tuple[str, str, str], ...]:
    """Return each person a sentence calls by surname after a lower-case word ("... assured Massieu that ..."), with the
    full name its article gives before it ("Claudia Massieu") and the earlier sentence that gives it.

    Whether that full name is a person's is left to :func:`read_as_person` on the earlier sentence, for the
    sentences a summary shows: the recogniser is not run for every sentence of every article.

    :param sentence: one sentence.
    :param article: its article's title and text.
    :param before: the article's sentences before it, in order.
    :param surnames: the words the story's articles write after a capitalised word, if known (only those are looked up).
    """
    at = article.find(sentence[:60])
    if at <= 0:
        return ()
    out: list[tuple[str, str, str]] = []
    for m in _MID_SURNAME_RE.finditer(sentence):
        word = m.group(1)
        if (word in _NOT_ANTECEDENT or any(word == short for short, _, _ in out)
                or (surnames is not None and word not in surnames)):
            continue
        full = _given_name(word, article, at, alone=True)
        giving = next((b for b in before if full in b), None) if full else None
        if giving is not None:
            out.append((word, full, giving))
    return tuple(out)


def read_as_person(full: str, sentence: str) -> bool:
    """Whether the entity recogniser reads a full name as a person's in a sentence that gives it.

    :param full: a full name ("Dana Rook").
    :param sentence: a sentence containing it.
    """
    found = entities(sentence) or ()
    return any(label == "PERSON" and full.split()[-1] in re.findall(r"[A-Za-z][\w-]*", text) for text, label in found)


# a capitalised word after a word in lower case, and not before another capitalised word: a surname alone
_MID_SURNAME_RE = re.compile(r"(?<!\S)[a-z][^\s]*\s+([A-Z][a-z]+(?:[-'\u2019][A-Z][a-z]+)?)\b(?![-'\u2019]?\s*[A-Z0-9])")
