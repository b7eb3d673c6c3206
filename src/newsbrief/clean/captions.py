"""Find photo captions and picture references inside an article's lines, credit line or not.

A caption describes a picture, not the story: "Jo Reyes, left, talks with Sam Ode during the
debate at the Town Hall on Wednesday, Sept. 16, 2015, in Tallbrook, Calif." Pages and feeds
leave them in the text, alone on a line, glued to the paragraph before, or glued to the next
sentence without a full stop. :func:`caption_cut` reads one line sentence by sentence (with the
summarizer's splitter, so both see the same sentences) and says what to cut:

- a **caption sentence** (:func:`is_caption`), cut whole: one opening like a caption
  ("Pictured is ...", "(L-R) ...", "Seen here ...", "The image shows ..."; when such an opening
  runs into the next sentence without a full stop, the glued sentence goes with it), or a scene
  told in the present tense ("... poses", "... looks on as ...", "... speaks during ...") with
  what places it in a picture: a position ("Jo Reyes, left,", "(C)"), a full date and place
  ("on Tuesday, Sept. 15, 2015, in Tallbrook"), or a scene ("as she arrives", "during the
  debate at the hall");
- a **photo credit** ("(Photo: name / outlet)", "Photo: agency"); a short line that ends in
  one (two sentences at most) is the photo's caption and goes whole; a credit in parentheses in
  the middle of a line closes the caption before it (up to 15 words), and the line's text after
  it is the story's;
- a **picture reference** inside a story sentence ("Jo Reyes (pictured) said ...",
  "Sam Ode, left, and ... won"), cut from the sentence, which stays.

A quotation is never a caption: a sentence inside quotation marks or reporting speech stays,
losing only an editor's "(pictured)". Present tense alone is not enough ("Jo Reyes arrives as
finance chief", "the club plays at home on Sunday"): the rules want a scene or a position with it.
"""

from __future__ import annotations

import functools
import re

from newsbrief.summarize.sentences import split_sentences

__all__ = ["MONTH", "WEEKDAY", "caption_cut", "is_caption"]

_I = re.IGNORECASE
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
"""A month's name, in full or cut ("Sept", "Aug"), as regular-expression text."""
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A weekday's name, as regular-expression text."""
_YEAR_DATE = rf"{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
# "Kessa", "the Kessa region"; "northern Kessa", "south-western Kessa": a direction before the name;
# "the town of Kessa", "the outskirts of Kessa": what kind of place, before its name
_PLACE = (r"(?:the\s+(?:town|city|village|district|region|province|state|county|port|island|capital|outskirts|"
          r"suburb|border town|border city)\s+of\s+)?"
          r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
          r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|de|du|la|el|al))*")
_CREDIT_TAIL = r"\s*(?:\([^()]{0,80}\))?\s*[.!]?\s*$"  # "(AP Photo/Jo Reyes)" after the date

# "on Thursday, Aug. 27, 2015, in San Francisco, Calif." / "in Budapest, Hungary, September 4, 2015."
_DATE_PLACE = re.compile(
    rf"(?:(?:\bon\s+)?(?:{WEEKDAY},?\s+)?{_YEAR_DATE},?\s+in\s+{_PLACE}(?:,\s*{_PLACE}){{0,2}}"
    rf"|\bin\s+{_PLACE}(?:,\s*{_PLACE}){{0,2}},?\s+(?:on\s+)?(?:{WEEKDAY},?\s+)?{_YEAR_DATE})"
    rf"{_CREDIT_TAIL}")

# A caption's opening: the picture is named before anything else.
_LEAD = re.compile(
    r"^(?:(?:Pictured|Pic|Inset|Main (?:image|picture|photo)|Top (?:image|picture|photo)|Seen here|"
    r"Shown (?:here|above|below))\s*[:,–—-]|(?:Above|Below|PICTURED|ABOVE|BELOW)\s*[:–—-]"
    r"|Pictured\s+(?:is|are|was|were|here|above|below|left|right|from left|with|at|on|in|during)\b"
    r"|(?:Seen|Shown)\s+(?:here|above|below|in this (?:photo|picture|image))\b"
    r"|\((?:L-R|L to R|R-L|[Ff]rom left|[Ll]eft to right)\)"
    r"|(?:L-R|L to R|R-L|From left|Left to right|Clockwise from (?:top )?(?:left|right))\s*[:,]"
    r"|(?:The|This|That) (?:image|photo|picture|photograph|screenshot|screen grab)s?"
    r"(?: above| below)? (?:shows?|depicts?|features?)\b"
    r"|In this (?:[\w.,]+\s+){0,3}?(?:photo|picture|image|photograph|screenshot|screen grab)\b"
    r"|\((?:Photo|Picture|Image|Credit)s?\s*:[^()]*\)\.?$)",  # a credit alone: "(Photo: Jo Reyes, Harbour Gazette)"
)
# Picture words anywhere in the sentence: "... is seen in this undated handout photo."
_IN_PICTURE = re.compile(r"\b(?i:in this) (?:[\w.,-]+\s+){0,4}?(?:photo|picture|image|photograph|screenshot|"
                         r"screen grab|video still|aerial view)s?\b|\b(?:is|are) pictured\b(?! as\b)|"
                         r"\b(?i:image|photo|picture)s?\s*:\s*\S+\s*$")
_FILE_PHOTO = re.compile(r"\b(?:File|FILE) (?:photo|picture|image|PHOTO)\b")
# A past or a reported scene is the story's, even with a date and place ("announced ... on Tuesday, ...").
_PAST = re.compile(r"\b(?:was|were|had|did|has|have)\b|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\ba )(?<!\ban )(?<!\bthe )\b[a-z]{3,}ed\b")

# Where someone stands in the picture, right after their name: "Jo Reyes, left," "Sam Ode (C)".
_SIDE_PLACED = (r"(?:(?:far |second |third |second from |third from |front |back |top |bottom )?(?:left|right)|"
                r"cent(?:er|re)|foreground|background|front row|back row)")  # in parentheses: "(back)" is an injury
_SIDE = (r"(?:(?:far |second |third |second from |third from |front |back |top |bottom )?(?:left|right)|"
         r"cent(?:er|re)|front|rear|back|foreground|background|top|bottom|middle|front row|back row)")
_NAME_END = r"(?<=[A-Za-z.'’)])"
_POSITION = re.compile(
    rf"{_NAME_END}(?:,\s+{_SIDE},|\s+\(\d+,\s*{_SIDE}\)"
    rf"|\s+\((?:{_SIDE_PLACED}|L|R|C|above|below|inset|pictured|pictured (?:above|below|left|right|here))\))"
    rf"|{_NAME_END}\s+\((?:L|R|C)\)(?=\s+(?:and|&|[a-z]+s)\b)",
)
_PICTURED = re.compile(r",\s+pictured(?:\s+(?:here|above|below|left|right|center|centre))?,"
                       r"|\s+\(pictured(?:\s+(?:here|above|below|left|right|center|centre))?\)"
                       r"|\s+\((?:above|below|inset)\)"
                       r"|(?:,?\s+as)?\s+pictured\s+(?:above|below|here)\b")
_TRADEMARK = re.compile(r"\((?:R|C|TM)\)\s*(?:,|\d)")  # "Acme (R), the ...", "(C) 2015"

# Verbs a caption tells its scene with, in the present tense. The first kind are scene words
# (a story rarely says someone "smiles" or "looks on" in the present); the second need more.
_SCENE_VERBS = (r"poses?|gestures?|smiles?|looks on|look on|waves?|reacts?|listens?|cheers?|applauds?|"
                r"laughs?|prays?|hugs?|embraces?|kisses?|salutes?|greets?|shakes hands|shake hands|"
                r"is (?:seen|pictured|shown|greeted|escorted|led|helped|congratulated|tackled|interviewed)|"
                r"are (?:seen|pictured|shown|greeted|escorted|led|helped|congratulated)")
_ACT_VERBS = (r"speaks?|talks?|arrives?|walks?|stands?|sits?|holds?|performs?|delivers?|addresses|leaves?|enters?|"
              r"departs?|answers?|watches|waits?|rides?|carries|throws?|takes? part|attends?|visits?|inspects?|"
              r"gathers?|chats?|participates?|competes?|sings?|celebrates?|prepares?|looks? at|looks? out|"
              r"shouts?|mourns?|lays|wears?")
# The subject: names and titles ("Harbour club striker Jo Reyes, left,"), a few lower-case words
# only before a capitalised one, and up to three appositives between commas.
_DESCRIBER = (r"(?:(?!(?:is|are|was|were|has|have|had|be|been|do|does|did|who|which|that)\b)"
              r"[a-z][a-z'’-]*+(?<!ed)\s+)")
_TOKEN = (rf"(?:{_DESCRIBER}{{0,3}}[A-Z][\w.'’&-]*+|\((?:L|R|C|\d+)\)|&|"
          r"(?:of|the|and|de|van|von|al|bin|da|del|la|le|left|right|cent(?:er|re))\b)")
_SUBJECT_VERB = re.compile(
    rf"^(?:{_TOKEN}(?:\s*+,\s*+|\s++)){{1,12}}?(?<!\bThe )(?<!\bthe )(?<!\bA )(?<!\bAn )(?<!\bof )"
    r"(?:[^,]{3,80},\s*+){0,3}?(?:(?:also|then|again)\s+)?"
    rf"(?P<verb>{_SCENE_VERBS}|{_ACT_VERBS})\b")
_SCENE_VERB = re.compile(rf"^(?:{_SCENE_VERBS})$")
_SCENE = re.compile(r"\b(?:as (?:he|she|they|his|her|their)\b|during\b|ahead of\b|in front of\b|outside\b)")
_VIEWED = re.compile(r"^(?:is|are) (?:seen|shown)$")
# Where a picture was taken: "... are shown at the scene of a shooting", "... is seen outside the court on Friday".
_AT_SCENE = re.compile(r"^\s+(?:at the scene\b|(?:at|outside|inside|near|in front of)\s+(?:the\s+)?\S+[^.;:!?]*"
                       rf"\b(?:{WEEKDAY}|morning|afternoon|evening|night)\b)")
# A scene at a gathering, placed and dated the way a caption is: "... speaks at a campaign rally in Dallas on Monday."
_AT_GATHERING = re.compile(rf"^\s+at\s+(?:an?|the)\s+[^,.;:!?]{{3,60}}?\bin\s+[A-Z][\w.'’-]+(?:,\s+[A-Z][\w.'’-]+)?,?\s+"
                           rf"(?:on\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\.?$")
_WHILE_DOING = re.compile(r"\bwhile [a-z]{3,}ing\b")  # a pictured moment: "... wears a helmet while flying the plane"
_PLACE_OR_DAY = re.compile(rf"\b(?:at|in|on|outside|near|inside)\s+(?:the\s+)?(?!{MONTH}\b)[A-Z][\w.'’-]+"
                           rf"|\b{WEEKDAY}\b|\b{MONTH}\.?\s+\d{{1,2}}\b")
# Present tense is news too when it reports, announces or plans: none of that is a caption.
_NOT_SCENE = re.compile(r"\b(?:said|says|say|told|tells|according to|will|would|could|should|may|might|"
                        r"must|can|tonight|tomorrow|next (?:week|month|year)|this (?:week|month|year)|"
                        r"I|we|you|my|our|your)\b")
_TOLD_PAST = re.compile(r"\b(?:was|were|had)\b")
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|We|I|You|This|That|These|Those|There|Here|Who|What|Which|"
                            r"One|Each|Every|Some|Many|Most|All)\b")

_QUOTES = "\"“”‘’'«»"
_REPORTED = re.compile(r"\b(?:said|says|told|added|asked|wrote)\b", _I)
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\s)")  # "... the mayor said.Jo Reyes listens ..."
_MAX_WORDS = 70  # a longer sentence is prose, or several run together
_CREDIT = re.compile(r"^\((?:Photo|Picture|Image|Credit)s?\s*:[^()]*\)\.?$|^(?:Photo|Picture|Image|Credit)s?\s*:\s*\S.{0,60}$"
                     r"|^(?:File|FILE) (?:photo|picture|image|PHOTO)\b")
_CREDITED_SENTENCES = 2  # at most this many sentences before a credit make one caption
_CREDITED_WORDS = 45


def _in_quotation(sentence: str, before: str) -> bool:
    """Whether a sentence opens or continues a quotation (``before``: the line's text before it)."""
    return sentence[:1] in _QUOTES or before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# A caption's unnamed subject at a place on a weekday: "A volunteer hands over care bags to refugees at the
# registration office in Berlin Monday." (a story says "on Monday", and mostly in the past tense)
_PLACED_TODAY = re.compile(
    rf"^(?:An?|Two|Three|Four|Several|Some)\s+(?:[a-z][\w-]*\s+){{1,3}}?(?:{_SCENE_VERBS}|{_ACT_VERBS}|hands?\s+(?:over|out))\b"
    rf"[^.;:!?]*\bin\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)?,?\s+{WEEKDAY}\.?$")


def _scene(sentence: str) -> bool:
    """A scene told in the present tense, placed in a picture by a position, a dated place or a scene."""
    if (_PRONOUN_START.match(sentence) or _NOT_SCENE.search(sentence) or _TOLD_PAST.search(sentence)
            or sentence.endswith("?")):
        return False
    if _PLACED_TODAY.match(sentence):
        return True
    found = _SUBJECT_VERB.match(sentence)
    if found is None:
        return False
    if _POSITION.search(sentence[:found.start("verb")]):
        return True
    rest = sentence[found.end("verb"):]
    if _VIEWED.match(found.group("verb")) and _AT_SCENE.match(rest):
        return True  # "Police are shown at the scene of a shooting on Elm Court early Saturday morning."
    if len(re.findall(r"\b[A-Z][\w'’-]", sentence[:found.start("verb")])) < 2:
        return False  # a caption names its people in full ("President Jo Reyes", not "Reyes")
    if _DATE_PLACE.search(sentence):
        return True
    if _SCENE_VERB.match(found.group("verb")):
        return bool(_SCENE.search(rest) or _PLACE_OR_DAY.search(rest))
    if _AT_GATHERING.match(rest):
        return True  # "Senator Jo Reyes speaks at a town hall in Marlow on Monday."
    if found.group("verb").endswith("s") and _WHILE_DOING.search(rest):
        return True  # "Jo Reyes wears a helmet while flying ...", not "Jo Reyes's visit ... while expanding ..."
    return bool(_SCENE.search(rest) and _PLACE_OR_DAY.search(rest))


_LIST_WORDS = frozenset({"and", "&", "of", "the", "de", "van", "von", "al", "bin", "da", "del", "la", "le"})
_LIST_HEAD = re.compile(r"\s(?:pictured|at|in|with|during|on|after|before)\s|:")


def _name_list(sentence: str) -> bool:
    """Names with positions and no verb: "Jo Reyes (left) and Sam Ode (right) pictured at the gala"."""
    head = _LIST_HEAD.split(_POSITION.sub(" ", sentence), maxsplit=1)[0]
    return all(w[:1].isupper() or w[:1].isdigit() or w in _LIST_WORDS for w in re.findall(r"[\w'’&-]+", head))


def is_caption(sentence: str) -> bool:
    """Return whether one sentence (not a quotation) is a photo caption or describes a picture.

    :param sentence: one sentence, as the summarizer's splitter cuts it.
    """
    text = sentence.strip()
    if not text or len(text.split()) > _MAX_WORDS and not _LEAD.match(text):
        return False
    if _LEAD.match(text):
        return True
    if _TRADEMARK.search(text):
        return False
    if _IN_PICTURE.search(text) or _FILE_PHOTO.search(text):
        return True
    positions = len(_POSITION.findall(text))
    if positions >= 2 or positions and (not text.endswith((".", "!", "?", '"', "”")) or _name_list(text)):
        return True  # people placed in a picture, a caption line without a full stop, names with positions
    if _DATE_PLACE.search(text) and not _PAST.search(text) and not _NOT_SCENE.search(text):
        return True  # a present-tense scene dated and placed the way captions are: "..., Sept. 4, 2015."
    return _scene(text)


def _strip_references(sentence: str) -> tuple[str, list[str]]:
    """Return a story sentence without its picture references, and the references cut."""
    cut: list[str] = []

    def drop(found: re.Match[str]) -> str:
        if found.group(0).strip(" ()") in {"L", "R", "C"}:  # in prose more likely a trademark or a captain
            return found.group(0)
        cut.append(found.group(0).strip(" ,"))
        return ""

    out = _POSITION.sub(drop, _PICTURED.sub(drop, sentence))
    return (_tidy(out), cut) if cut else (sentence, [])


def _tidy(sentence: str) -> str:
    """A sentence a reference was cut from, without the space left before its punctuation."""
    return re.sub(r"\s+([,.;:!?])", r"\1", sentence).strip()


# A photo credit in the middle of a line, after the caption it closes and before the story's next
# sentence: "Jo Reyes at the hall (Photo: Harbour Gazette) The council voted ..."
_MID_CREDIT = re.compile(r"^(?P<caption>[^()]{1,160}?)\s*\((?:Photo|Picture|Image|Credit)s?\s*:[^()]{1,80}\)\s+"
                         r"(?=[\"“]?[A-Z][a-z])")
_MID_CREDIT_WORDS = 15  # the most words of the caption before such a credit


@functools.lru_cache(maxsize=4096)
def caption_cut(line: str) -> tuple[str, str] | None:
    """Return ``(text cut, text kept)`` of one line's captions and picture references, or None for none.

    The kept text is the line's other sentences (empty: the whole line is a caption).

    :param line: one line (a paragraph) of an article.
    """
    if not line.strip():
        return None
    credited = _MID_CREDIT.match(line)
    if credited is not None and len(credited.group("caption").split()) <= _MID_CREDIT_WORDS:
        rest = line[credited.end():]
        inner = caption_cut(rest)
        head = line[: credited.end()].strip()
        return (head, rest.strip()) if inner is None else (f"{head} {inner[0]}", inner[1])
    sentences = [s for part in _GLUED.split(line) for s in split_sentences(part)]
    cut: list[str] = []
    kept: list[str] = []
    seen = ""
    for sentence in sentences:
        quoted = _in_quotation(sentence, seen)
        if not quoted and _LEAD.match(sentence):  # "Pictured is ...", even glued to a reported sentence
            cut.append(sentence)
        elif quoted or _REPORTED.search(sentence):  # a quotation is never a caption: only "(pictured)" goes
            references = [m.group(0).strip(" ,") for m in _PICTURED.finditer(sentence)]
            cut.extend(references)
            kept.append(_tidy(_PICTURED.sub("", sentence)) if references else sentence)
        elif is_caption(sentence):
            cut.append(sentence)
        else:
            stripped, references = _strip_references(sentence)
            cut.extend(references)
            kept.append(stripped)
        seen += sentence + " "
    if not cut:
        return None
    if (_CREDIT.match(sentences[-1]) and kept and len(kept) <= _CREDITED_SENTENCES
            and len(" ".join(kept).split()) <= _CREDITED_WORDS and not any(_in_quotation(k, "") for k in kept)):
        return line.strip(), ""  # a short line ending in a photo credit is the photo's caption, credit and all
    return " ".join(cut), " ".join(kept)
