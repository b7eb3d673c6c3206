"""What makes a sentence with a rule noun a regulation: an instrument that heads its phrase, a
rule-maker, and a step that is taken, not asked for.

- "tax relief", "income tax brackets", "the Resolution Foundation": the instrument word only
  modifies another noun (read from the dependency parse), so the phrase names no rule.
- A rule-maker: a government, legislature, regulator, official, the voters or a jurisdiction
  acts on the rule ("the state assembly passed", "Texas's new law", "the governor proposed"),
  or the rule is a named statute ("the Data Act") or an instrument only a public body makes
  ("the new privacy law was passed"); "his tax plan", "a software framework" have none.
- "urged the agency to adopt the rule", "asked lawmakers to delay it": a request for a step
  is not the step.
"""

from __future__ import annotations

import re

from newsbrief.facts.entities import PLACES
from newsbrief.facts.names import name_key
from newsbrief.facts.nlp import parse, token_at

__all__ = ["has_rule_maker", "modifies_other_noun", "requested_step"]

# the head nouns a rule word may modify and still name a rule: "tax code", "ban order", "rule changes"
_INSTRUMENT_HEADS = re.compile(
    r"(?:rules?|regulations?|laws?|act|bill|directive|codes?|guidelines?|guidance|ordinances?|bylaws?|"
    r"ban|bans|standards?|mandate|regime|tax|taxes|levy|levies|tariffs?|decree|order|amendments?|legislation|"
    r"requirements?|provisions|measures?|framework|scheme|limits?|caps?|obligations?|"
    # a change to a rule is the rule's news: "rule changes", "a tax cut", "the tariff hike"
    r"changes?|cuts?|hikes?|increases?|rises?|reforms?|overhaul|exemptions?|credits?|breaks?)",
    re.IGNORECASE,
)


def modifies_other_noun(sentence: str, offset: int, rule_word: re.Pattern[str]) -> bool:
    """True when the word at ``offset`` only modifies another noun, so that noun heads the phrase.

    "major tax relief", "the top tax rate", "law enforcement", "the Resolution Foundation" name
    no rule; in "the tax code" the rule is "code" (a word ``rule_word`` reads), and in "tax
    measures" the modified instrument is one ``rule_word`` does not read, so "tax" stands for it.
    Without the parser nothing is ruled out.

    :param sentence: one sentence.
    :param offset: a character offset inside the rule word.
    :param rule_word: the words that name a rule on their own.
    """
    doc = parse(sentence)
    if doc is None:
        return False
    tok = doc[token_at(doc, offset)]
    if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i:
        return False
    head = tok.head
    # "Tax Plan" and "tax rate brackets": walk up a compound chain to its real head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not _INSTRUMENT_HEADS.fullmatch(head.text) or rule_word.fullmatch(head.text) is not None


# officials, bodies and public levels that make rules ("Gov. Brown", "the state assembly",
# "federal regulators", "the city council", "the bloc", "the ministry")
_MAKER = re.compile(
    r"\b(?:president|governor|gov\.|prime\s+minister|premier|ministers?|ministry|chancellor|treasurer|mayor|"
    r"council(?:lors?|men|man|woman)?|coun\.|senators?|sen\.|lawmakers?|legislat(?:ors?|ures?|ive)|MPs|MSPs|MEPs|"
    r"congress(?:man|woman)?|parliament(?:ary)?|assembly|senate|cabinet|government|administration|"
    r"department|agency|agencies|regulators?|regulatory\s+(?:body|authority|agency)|authorit(?:y|ies)|commission|"
    r"watchdog|(?:data\s+protection|protection|regulatory|supervisory|licensing|planning|zoning|school|health|"
    r"gaming|transport|energy|privacy|medical|state|federal|national|county|city)\s+board|bloc|federal|municipal(?:ity)?|city|county|provinc(?:e|ial)|state(?=\s*(?:'s|’s|\s+(?!of\b)[a-z]))|"
    r"public\s+bodies|(?<!company\s)(?<!club\s)(?<!team\s)(?<!league\s)officials|policy-?makers|voters|electorate|referendum|"
    r"White\s+House|Downing\s+Street|Whitehall|Kremlin|"
    # only a public body publishes in its official journal
    r"Official\s+(?:Journal|Gazette)|Federal\s+Register|gazette)\b",
    re.IGNORECASE,
)
# instruments only a public body drafts: a bill, a statute, an ordinance, a regulation or a decree
# names its maker even in a proposal ("a bill requiring ... was introduced"); rules, codes,
# standards and frameworks are also made by companies, leagues and projects
_DRAFTED_INSTRUMENT = re.compile(
    r"(?:legislation|bills?|acts?|statutes?|regulations?|ordinances?|by-?laws?|decrees?|directives?)\b",
    re.IGNORECASE,
)
# instruments anyone may call for but only a public body enacts: a law, a levy, a tariff, a tax on
# something ("The new privacy law was passed", "the tax on sugary drinks was approved"; not "the
# candidate proposed a flat tax on every household"); "income taxes", "fiduciary duties" are none
_ENACTED_INSTRUMENT = re.compile(
    r"(?:laws?|levy|levies|tariffs?|minimum\s+wages?)\b|(?:tax|taxes|duty|duties)\s+on\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")
# a place acts on or owns a rule: "Texas's new law", "UK firms must", "Russia passed", "in Kenya must"
_PLACE_ROLE = re.compile(r"\s*(?:'s|’s|\s+(?!(?:in|on|at|as|and|or|to|for|of|with|by|from|the|a|an)\b)[a-z])")


def has_rule_maker(
    sentence: str, *, regulator: str, jurisdiction: str, named: bool, instrument: str = "", status: str = ""
) -> bool:
    """True when someone who can make the rule is in the sentence, or the rule is a named statute
    or an instrument only a public body makes.

    :param sentence: one sentence.
    :param regulator: the regulator read from it ("" for none).
    :param jurisdiction: the jurisdiction read from it ("" for none).
    :param named: whether the rule is a named instrument ("Data Act", "SB 172").
    :param instrument: the rule's name from the word heading its phrase on ("law" of "the new
        privacy law", "tax on sugary drinks").
    :param status: the step taken on it ("proposed", "enacted", ...).
    """
    if _DRAFTED_INSTRUMENT.match(instrument) or (status != "proposed" and _ENACTED_INSTRUMENT.match(instrument)):
        return True
    if regulator or jurisdiction or named or _MAKER.search(sentence):
        return True
    for m in _CAPITALISED.finditer(sentence):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            if name_key(" ".join(words[:n])) in PLACES and _PLACE_ROLE.match(sentence, m.start() + len(" ".join(words[:n]))):
                return True
    return False


# "urged the administration to immediately adopt", "request that the department delay",
# "calling on lawmakers to pass": the step is asked for
_REQUEST = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on|upon)|request(?:s|ed|ing)?|press(?:es|ed|ing)?|"
    r"lobby(?:ing)?|lobbie[sd]|petition(?:s|ed|ing)?|want(?:s|ed)?|recommend(?:s|ed|ing)?|demand(?:s|ed|ing)?)\s+"
    r"(?:[\w’'.-]+\s+){0,6}?(?:to|that)\s+(?:[\w’'-]+\s+){0,3}?[\s“\"']*$",
    re.IGNORECASE,
)


def requested_step(sentence: str, cue: int) -> bool:
    """True when the status word at ``cue`` is a step someone asks for, not one taken.

    :param sentence: one sentence.
    :param cue: character offset of the status word.
    """
    return _REQUEST.search(sentence[max(0, cue - 90) : cue]) is not None
