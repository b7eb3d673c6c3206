"""Sentences a digest never shows as its prose: page matter the cleaner left in an article's text.

A feed teaser's cut-off tail, an address or a call to the reader, a photo's note, the headline run into the first
paragraph, pieces of text glued where the page lost what was between, page furniture, a kicker in capitals, a heading
or a table row with no verb, a sentence that points at text around it, a provider's line about itself, a wire's note
on why its sources go unnamed (:func:`not_digest_prose`); and a lead whose first word a page set in capitals
(:func:`lead_in_caps`). The summarizer (:mod:`newsbrief.summarize.extractive`) leaves such sentences out of a digest's
summaries; the benchmark summaries keep their own rules.
"""

from __future__ import annotations

import re

from newsbrief.facts.nlp import parse

__all__ = ["QUOTED_RE", "lead_in_caps", "not_digest_prose"]

QUOTED_RE = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
"""A quotation in straight or curly double quotes."""


# A teaser cut off mid-sentence ("possible…") with more text after it: "…" or "..." right after a word, then a capital;
# or at its end, the ellipsis glued or spaced: "... could rise by as much as...", "... on the outskirts of Halden, the ..."
_CUT_OFF_RE = re.compile(r"\w(?:\u2026|\.{3})\s+[\"\u201c]?[A-Z]|\w[ \u00a0]?(?:\u2026|\.{3})[\"'\u201d\u2019)]*\s*$")
_SENTENCE_END_RE = re.compile(r"[.!][\"'\u201d\u2019)]*\s*$|[\"\u201d]\s*$")
# A feed teaser's tail run into the sentence: "... died at… …read more Source:: Entertainment Related Posts ...".
_TEASER_TAIL_RE = re.compile(r"(?:\u2026|\.{3})\s*(?:\u2026|\.{3})?\s*"
                             r"(?:read\s+more|continue\s+reading|full\s+(?:story|article))\b"
                             r"|\bRelated\s+Posts\b|\bSource::", re.IGNORECASE)

# A line that speaks to the reader or gives an address: "Please visit http://... or call 1-800-222-9128 for a
# free consultation.", "Follow us on Twitter", "Read more on ...". No digest sentence needs one.
_ADDRESS_RE = re.compile(r"https?://|\bwww\.[\w-]+\.\w|\b[\w.+-]+@[\w-]+\.\w[\w.]*"
                         r"|(?:\b1[-. ])?(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b")
_TO_THE_READER_RE = re.compile(
    r"^[\"'\u201c]?(?:Please|Click|Subscribe|Sign\s+up|Read\s+more|Learn\s+more|Find\s+out\s+more|Check\s+out|"
    r"Tune\s+in|Share\s+this|Don't\s+miss|(?:Follow|Like|Join|Contact|Email|E-mail)\s+us"
    r"|Follow\s+(?:him|her|them|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}\s+on)"
    r"|Call\s+(?:us|now|today|toll|\d|\()|Visit\s+(?:us|our|https?:|www\.)"
    r"|Download\s+(?:the|our|it|now)|Register\s+(?:now|here|online|today)"
    r"|Sit\s+back|Stay\s+tuned|Don't\s+forget|Be\s+sure\s+to|Make\s+sure\s+(?:to|you)|Scroll\s+down|Keep\s+reading"
    # an advertisement's label run into the text: "Advertisement September 15, 2015 Jo Reyes is ..."
    r"|(?:Advertisement|ADVERTISEMENT|Sponsored(?:\s+content)?|Story\s+continues\s+below)(?=\s+[A-Z0-9]))\b")

# A photo's caption or credit run into the text: "... FILE - Russia's U.N. Ambassador speaks ...", "(AP Photo/Alex
# Brandon)", "— AFP pic", "Dollars. image source eni The dollar ...", "In this Sept. 10, 2015, file photo, ...".
_PICTURE_NOTE_RE = re.compile(r"(?:^|\s)FILE\s*[-\u2013\u2014]\s|\((?:AP|AFP|Reuters|EPA|Getty\s+Images)\s*Photo\b"
                              r"|[-\u2013\u2014]\s*(?:Reuters|AFP|AP|EPA|Bernama|Xinhua)\s+pic\b|\bimage\s+source\b"
                              r"|\bImage\s+copyright\b|\bfile\s+photo\b|^In\s+this\s+(?:[\w.,]+\s+){0,5}?photo\b"
                              # a picture's label run into the text: "Harbour Wire Ongoing: Rescuers carry a raft ...",
                              # "Pictured: ...", a map's "Google Location: ..."
                              r"|(?:^|\s)(?:Ongoing|Pictured|Inset|(?:Google\s+)?Location)\s*:\s")


# A news provider telling what it does: "DailyFX provides forex news and technical analysis on the trends ...",
# a syndicated item's credit line, not the story.
_PUBLISHER_LINE_RE = re.compile(r"^[A-Z][\w.&'!-]*(?:\s+[A-Z][\w.&'!-]*){0,3}\s+(?:provides|offers|delivers|brings(?:\s+you)?)"
                                r"\s+(?:[\w-]+\s+){0,5}?news\b")

# Why a source is not named, a wire report's note about its own sourcing: "The officials spoke on condition of anonymity
# because they were not authorized to speak to reporters." It tells the reader nothing about the story.
_ANONYMITY_RE = re.compile(r"\b(?:on|under)\s+(?:the\s+)?conditions?\s+of\s+anonymity\b|\b(?:requested|asked\s+for|"
                           r"declined\s+to\s+be\s+(?:named|identified)|"
                           r"not\s+authori[sz]ed\s+to\s+(?:speak|talk|discuss|comment))", re.IGNORECASE)


def _anonymity_note(text: str) -> bool:
    """A sentence that says why its sources go unnamed and reports nothing they said: a wire's note on its sourcing
    ("..., who requested anonymity, said the deal was close" reports something and stays)."""
    return (_ANONYMITY_RE.search(text) is not None and len(text.split()) <= 40
            and not re.search(r"\b(?:said|says|say|told|tells|added|according)\b", text))


# A sentence that points at text around it instead of telling: "There are two reasons that made his family suspect
# foul play." (the reasons follow), "Here's what economists are watching.", "That is why the council voted no."
_POINTER_RE = re.compile(r"^[\"'\u201c]?(?:Here(?:'s|\u2019s|\s+is|\s+are)\s|(?:This|That)\s+(?:is|was)\s+(?:why|how)\s"
                         r"|There\s+(?:are|were)\s+(?:(?:two|three|four|five|six|seven|several|many|some|a\s+few|a\s+couple\s+of|"
                         r"\d+)\s+)(?:(?:big|main|key|major|good|simple)\s+)?(?:reasons|things|ways|factors|lessons|takeaways|"
                         r"questions|steps|signs)\b)")


_GLUED_PIECES_RE = re.compile(r"\b(?!(?:etc|approx|incl|esp|viz|nos?|vol|fig|est|cent|ft|lbs|mph|sq|pts|inc|corp|ltd|co|bros|"
                              r"jr|sr|st|mt|ave|blvd|dept|govt|univ|assn)\.)[a-z]{3,}\.\s+(?:[a-z]{2,}|\d)"
                              # two links or labels run together with no space: "... got harderAnalysis: Why ...",
                              # "Previous articlePolice: ..." (a brand like "iPhone" has one lower-case letter first)
                              r"|\b[a-z]{4,}[A-Z][a-z]{3,}\b"
                              # a video's title and running time run into the text: "... Opener Against Hosts 01:14 Fiji
                              # coach ..." (a clock time in prose follows "at", "by", "until" ..., not a run of capitals)
                              r"|(?:\b[A-Z][\w'\u2019-]*\s+){3,}\d{1,2}:\d\d\s+[A-Z][a-z]")

# A link's words lost from the page, leaving a hole before the full stop: "..., she writes, per Harbour Wire and ."
_HOLE_AT_END_RE = re.compile(r"\b(?:and|or|of|by|per|via|from|the|a|an|to|with|at|in|on)\s+[.!?][\"'\u201d\u2019)]*\s*$",
                             re.IGNORECASE)

# a row of links, a breadcrumb, or a blog's post stamp: "Posted at 03:24 PM by Jo Reyes"
_FURNITURE_RE = re.compile(r"\s\|\s|\s(?:>>?|&gt;|\u00bb)\s|\b[Pp]osted (?:at|on) [^.!?]{1,40}?\bby [A-Z]")


def not_digest_prose(text: str, title: str) -> bool:
    """Whether a sentence is page matter a digest never shows, though a benchmark summary keeps its own rules.

    A feed's cut-off teaser run into the article's text ("... and possible… Harlow - The mayor ...") or its
    "…read more" tail; an address or a call to the reader ("Please visit http://... or call 1-800-...");
    a photo's caption or credit; the headline run into the first paragraph with the page's stamp and byline;
    two pieces of text glued where the page lost what was between ("... wrongdoing. in 2011 to find ...") or the
    space between them ("Comment: Labor's fight just got harderAnalysis: Why ..."), or a link's words lost before
    the full stop ("..., she writes, per Harbour Wire and .");
    page furniture ("2015 | Reader Comments", "Home > Latest > News"); a sentence in capitals, in title case or
    with no verb (a kicker, a heading, a caption naming who is in a photo); a sentence that points at text around it
    instead of telling ("There are two reasons that ...", "Here's what ...", "That is why ..."); a news provider's
    line about itself ("DailyFX provides forex news ..."); a heading, a table row or a label
    on a line of its own ("Conservative ($10,000 max): $2,146,095"); a wire's note on why its sources go unnamed.

    :param text: the sentence.
    :param title: its article's cleaned headline.
    """
    bare = QUOTED_RE.sub(" ", text)  # what the writer says, not whom they quote
    return bool(_CUT_OFF_RE.search(bare) or _TEASER_TAIL_RE.search(text) or _ADDRESS_RE.search(text)
                or _TO_THE_READER_RE.match(text) or _POINTER_RE.match(text) or _PUBLISHER_LINE_RE.match(text)
                or _PICTURE_NOTE_RE.search(text) or _anonymity_note(text)
                or _headline_run_in(text, title)
                or _GLUED_PIECES_RE.search(bare) or _FURNITURE_RE.search(bare) or _HOLE_AT_END_RE.search(text)
                or not _SENTENCE_END_RE.search(text) or _in_capitals(text) or _in_title_case(text) or _verbless(text))


def _in_capitals(text: str) -> bool:
    """A sentence set in capitals ("SHORTLY BEFORE DAWN, THE ..."): a page's kicker, not the story's prose."""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 20


_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor by with from as vs via per into".split())
_WORD_OF_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
TITLE_CASE_MIN_WORDS = 6
"""Words of a line with every word but the small ones capitalised that make it a heading, not prose."""


def _in_title_case(text: str) -> bool:
    """A line with every word capitalised but the small ones ("Like Other UN Bodies, The IAEA Too Is Now
    Politicized.", "Copyright (c) 2015 Harbour Media, Inc. - All Rights Reserved."): a heading, a pull quote set as
    one, a signature or a page's footer. Prose always has a lower-case word, if only its verb."""
    words = _WORD_OF_RE.findall(text)
    return len(words) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)


# words that show a sentence has a verb without parsing it: auxiliaries, speech verbs, "-ed" and "-ing" forms
_PLAIN_VERB_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|shall|should|"
                            r"must|do|does|did|said|says|told|say|gave|took|made|won|lost|met|went|came|saw|found|left|"
                            r"began|became|brought|bought|held|kept|led|paid|sold|got|get|gets|make|makes|take|takes|"
                            r"give|gives|include|includes|[a-z]{2,}ed|[a-z]{3,}ing|[a-z]+n't|[a-z]+'(?:s|re|ve|ll|d))\b")


def _verbless(text: str) -> bool:
    """A sentence of six words or more with no verb ("Jo Reyes, Ana Ruiz and Tom Marr at the harbour on Monday."):
    a photo's caption, a list or a label, which tells no event. Without the parser nothing is; a sentence with an
    auxiliary, a speech verb or an "-ed"/"-ing" word is not parsed (a digest reads some 10,000 sentences)."""
    if _PLAIN_VERB_RE.search(text) or len(text.split()) < 6:
        return False
    doc = parse(text)
    return doc is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc)


_CAPS_LEAD_RE = re.compile(r"^([A-Z]{2,}(?:['\u2019][A-Z]+)?)(?=\s+[a-z])")


def lead_in_caps(text: str, whole: str) -> str:
    """A paragraph's first word set in capitals as a newspaper's style ("AUSTRALIAN businesses are ..."), written
    as the article writes it elsewhere ("Australian"); an acronym the article never writes otherwise stays ("NASA")."""
    found = _CAPS_LEAD_RE.match(text)
    if found is None:
        return text
    word = found.group(1)
    spelled = next((m.group(0) for m in re.finditer(rf"(?<![\w'\u2019-])(?i:{re.escape(word)})(?![\w'\u2019-])", whole)
                    if m.group(0) != word and not m.group(0).isupper()), None)
    if spelled is None:
        return text
    return spelled[:1].upper() + spelled[1:] + text[found.end():]


def _headline_run_in(text: str, title: str) -> bool:
    """Whether a sentence opens on its article's own headline and goes on with a stamp, a byline or another sentence.

    A lead that only begins like the headline and goes on in lower case ("Thousands of prisoners could be moved
    ... after legislators agreed ...") is the article's first sentence, not a headline glued to it.
    """
    if len(title.split()) < 3:
        return False
    words = text.split()
    head, rest = " ".join(words[: len(title.split())]), " ".join(words[len(title.split()):])
    if not rest or head.lower().rstrip(".:,;!") != " ".join(title.split()).lower().rstrip(".:,;!"):
        return False
    return rest[0].isdigit() or rest[0].isupper() or rest[0] in "|\u2013\u2014-\u2022\u00b7("
