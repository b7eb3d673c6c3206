"""Headline choice: the most specific, central title of a story's articles.

A good story headline says who did what ("Acme recalls 40,000 e-bikes over battery fires").
Titles are cleaned (outlet suffixes such as ``- Outlet Name`` or ``| Site``, labels such as
``Breaking:`` and a page's time stamp such as ``21 minutes ago`` are removed), unusable ones are dropped (live blogs, questions, clickbait,
fragments), and the rest are scored by how many key terms they share with the other titles
and the articles' leads, whether they name a subject (a capitalised word after the first) and
carry a verb, and how close their length is to a typical headline. When no title survives,
the lead sentence of the most central article is trimmed into a headline. A title in Title
Case or capitals is put in sentence case, keeping its proper names.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from newsbrief.errors import SummarizeError
from newsbrief.model import Article
from newsbrief.summarize.casing import add_names, is_shouting, names_matter, sentence_case, story_casing
from newsbrief.summarize.extractive import STOPWORDS, content_tokens
from newsbrief.summarize.sentences import normalise_text, parse_article_text

LOGGER = logging.getLogger(__name__)

__all__ = ["choose_headline", "clean_title", "has_verb", "is_usable_title", "lead_sentence", "repaired_title"]

_ABBREVIATION_END_RE = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")  # "U.S.", "U.K.", "E.U."
_SUFFIX_RE = re.compile(r"\s+(?:[-\u2013\u2014|:\u00b7\u2022]|::)\s+([^-\u2013\u2014|]{2,60})$")
_PREFIX_RE = re.compile(
    r"^(?:breaking(?: news)?|update[d]?|exclusive|watch|video|live|just in|opinion|analysis|"
    r"explainer|factbox|podcast|photos?|in pictures|the latest(?: on [^:|]{1,60}?)?|(?:news |daily |weekly )?round-?up|"
    # an outlet's section label: "Tech:", "World News |", "Business -"
    r"(?:(?:us|u\.s\.|uk|world|local|national|international|european?|asia|business|tech(?:nology)?|science|"
    r"health|politics|sports?|markets?|money|finance|entertainment|culture|lifestyle|travel|climate|"
    # a dash joined to the next word is a compound ("US-trained rebels"), not a label's separator
    r"environment|crime|education|media|auto(?:s|motive)?)(?: news)?))(?:\s*[:|]|\s*[\-\u2013\u2014](?=\s))\s*",
    re.IGNORECASE,
)
# a page's time stamp glued to the end of the title: "... 12 minutes ago", "... WXN 12 mins ago",
# "... New 7:18 pm", "...: govt Sep 29, 2015"
_STAMP_RE = re.compile(
    r"\s+(?:[A-Z]{2,6}\s+)?\d{1,3}\s*(?:mins?|minutes?|hours?|hrs?)\s+ago\s*$"
    r"|\s+(?:New|Updated)\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*$"
    r"|(?<!\bof)(?<!\bon)(?<!\bin)(?<!\bby)(?<!\bsince)(?<!\bfrom)(?<!\buntil)(?<!\bbefore)(?<!\bafter)"
    r"[\s|,\u2013\u2014-]+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\s*$",
    re.IGNORECASE,
)
# a wire's or a site's credit in parentheses closing the title: "... Pentagon chief (AFP)", "... (Yahoo Sports)"
# (a news agency, a "... News/Sports/Times" site or a Yahoo section; not "(ISIS)" or "(NATO)", which are the story's),
# or a copy's number a feed gave it: "... as too little (1)"
_CREDIT_RE = re.compile(
    r"\s+\((?:\d|AFP|AP|Reuters|Bloomberg|PTI|ANI|IANS|UPI|dpa|DPA|Xinhua|Kyodo|Yonhap|EFE|ANSA|Tass|TASS|AAP|PRESS|"
    r"Yahoo!?(?:\s+[A-Z]\w+){0,2}|(?:[A-Z][\w.&!'’-]*\s+){0,2}(?:News|Sports|Sport|Times|Post|Press|Wire|Online|TV|Radio))\)\s*$")
# a wire's name run onto the end ("... as growth slows Reuters") or a credit in square brackets
# ("... 2 BCF per day [Harbour Post, Portsea]")
_BRACKET_CREDIT_RE = re.compile(r"\s+\[[^\[\]]{2,40}\]\s*$")
_WIRE_RUN_ON_RE = re.compile(r"\s(?P<word>[a-z][\w'’-]*)\s+(?:Reuters|AFP|Bloomberg)\s*$")
_LAST_ASIDE_RE = re.compile(r"\s+\(([^()]{2,60})\)\s*$")
# a bracket the feed cut before it closed: "... fallen from their tree (Part"
_OPEN_ASIDE_RE = re.compile(r"\s+\([^()]{0,20}$")


def _outlet_credit(text: str, outlet: str) -> re.Match[str] | None:
    """The outlet's own name in brackets at the end of a title, however it spaces it ("(IrishCentral)" of "Irish Central")."""
    aside = _LAST_ASIDE_RE.search(text)
    return aside if aside is not None and _squeezed(aside.group(1)) == _squeezed(outlet) else None


def _bare_credit(text: str) -> int | None:
    """Where a credit without round brackets starts: "[Harbour Post, Portsea]", or a wire's name after a lower-case word."""
    bracket = _BRACKET_CREDIT_RE.search(text)
    if bracket is not None:
        return bracket.start()
    wire = _WIRE_RUN_ON_RE.search(text)
    return wire.end("word") if wire is not None else None


def _squeezed(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).lower()


# a wire's desk slug: "MIDEAST STOCKS-Dubai property ...", "UPDATE 1-Airbus says ...", "RPT-Contrarian CEOs ...",
# "TRINIDAD-POLITICS-Prime Minister ..." (never "US-trained" or "UAW-Ford": a slug is all capitals and ends in a desk word
# or a count)
_SLUG_RE = re.compile(
    r"^(?:[A-Z]{2,}(?:\s+[A-Z]{2,})?-)?(?:(?:GLOBAL|MIDEAST|EMERGING|EUROPEAN|ASIAN|US|INDIA|CHINA|JAPAN)\s+)?"
    r"(?:STOCKS|MARKETS|FOREX|SHARES|BONDS|TREASURIES|METALS|PRECIOUS|OIL|GRAINS|SOFTS|POLITICS|BRIEF|COLUMN|"
    r"UPDATE|WRAPUP|CORRECTED|REFILE|RPT|INSIGHT|EXCLUSIVE|BREAKINGVIEWS)(?:\s*\d+)?(?:\s*-\s*RPT)?\s*[-:]\s*(?=[A-Z0-9$\"'])")
# a feed that ran the title into the story: "Police question 2 Indians in Thai bombing caseTwo Indians have been ..."
# (only in a title too long to be one, so "Ramsay MacDonald says ..." keeps its name)
# (or after an acronym: "... marking the end of WWIIThe general ...")
_RUN_ON_GLUE_RE = re.compile(r"(?<=[a-z]{3}|[A-Z]{3})(?=[A-Z][a-z]+(?:\s+\S+){7})")
RUN_ON_TITLE_CHARS = 120
# a credit glued to the title by its colon: "... had 7 offences:province"
_GLUED_COLON_RE = re.compile(r"(?<=[a-z]{2}):(?=[a-z]{2})")
# a page's widget heading glued to the title: "Story highlights Japan's ...", a place's news section
# ("Tarnshire news: Woman hurt ..."), a marker ("*Mayor ...")
_WIDGET_RE = re.compile(
    # a page list's day label glued on: "Yesterday Harbour council votes ..." ("Yesterday's ..." is the title's own)
    r"^(?:Yesterday\s+(?=[A-Z])|[Ss]tory [Hh]ighlights\s+(?=\S)|\*+\s*"
    r"|(?!(?:Good|Bad|Fake|Great|Big|Sad|More|Other|Breaking|Latest|Top|Old|No)\s)[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s+"
    r"[Nn]ews\s*:\s+(?=[A-Z\d\"'‘“]))")
# a page's date where the title should be: "Wednesday, 09 Sep 2015"
_DATE_ONLY_RE = re.compile(
    r"^(?:[\s,./:-]|\d+(?:st|nd|rd|th)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|"
    r"feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?|[ap]\.?m\.?"
    r"|posted|published|updated|ago|hours?|hrs?|minutes?|mins?|days?)+$", re.IGNORECASE)  # "Posted: 10 hours ago"
_CUT_SHORT_RE = re.compile(r"(?:\.\.\.|\u2026)[\s\"'\u201d]*$")
# a section label after a title the feed cut short: "Rebels gave arms to Nusra, Washington... Middle East"
_LABEL_AFTER_CUT_RE = re.compile(r"(\.\.\.|\u2026)\s+(?:[A-Z][\w&'\u2019-]*\s+){0,2}[A-Z][\w&'\u2019-]*$")
# a list's number before the title: "6/ King meets ...", "3) Port reopens ..."
_NUMBERED_RE = re.compile(r"^\d{1,2}\s*[/)]\s+(?=[A-Z\"'\u201c])")
# a title cut after a word that cannot end one: "Observer's editor receives key to"
_DANGLING_END_WORDS = frozenset("to of the a an and or for with at by from".split())
_BAD_RE = re.compile(
    r"live updates?|live blog|as it happened|\blive:|:\s*live\s*$|\blive\b.*\bupdates\b|you won'?t believe|"
    r"here'?s (?:why|what|how)|this is (?:why|what|how)|what (?:we|you) know|everything you need|"
    r"need to know|things to know|will shock|what happens next|\bmust[- ]see\b|\bquiz\b|"
    r"^\d+ (?:things|ways|reasons)\b|^(?:morning|evening|daily|weekly) (?:briefing|brief|digest|newsletter)|"
    r"\bround-?up\b",
    re.IGNORECASE,
)
# A title that opens, or goes on after a label, with a question word asks instead of telling who
# did what: "Debate: What they missed", "How the vote went", "Why Acme is selling".
_INDIRECT_QUESTION_RE = re.compile(r"(?:^|[:\u2013\u2014|]\s*)(what|why|how|who|where|when|which|whose)\b", re.IGNORECASE)
_VERB_HINT_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|wins?|won|says?|said|plans?|buys?|bought|sells?|sold|"
    r"raises?|raised|cuts?|launch(?:es|ed)?|files?|filed|sues?|sued|ban(?:s|ned)?|hits?|falls?|fell|"
    r"rises?|rose|jumps?|jumped|drops?|dropped|agrees?|agreed|approves?|approved|rejects?|rejected|"
    r"announces?|announced|unveils?|unveiled|warns?|warned|quits?|resigns?|resigned|names?|named|"
    r"kills?|killed|dies|died|arrests?|arrested|charges?|charged|sets?|gets?|got|makes?|made|"
    r"takes?|took|signs?|signed|delays?|delayed|recalls?|recalled|opens?|opened|closes?|closed|"
    r"\w+s|\w+ed)\b"
)
_TYPICAL_WORDS = 10
_LOWER_IN_NAMES = frozenset("of the and on for in at de du la le des &".split())


def clean_title(title: str, *, outlet: str = "") -> str:
    """Strip outlet suffixes ("- Outlet", "| Site", "(AFP)"), labels ("Breaking:") and a page's time
    stamp ("21 minutes ago", "Sep 29, 2015") from a title.

    :param title: the article title as published.
    :param outlet: the article's outlet name, removed wherever it appears as a suffix.
    """
    text = _GLUED_COLON_RE.sub(": ", normalise_text(title))
    if len(text) > RUN_ON_TITLE_CHARS:
        glue = next((m for m in _RUN_ON_GLUE_RE.finditer(text) if len(text[: m.start()].split()) >= 4), None)
        if glue is not None:
            text = text[: glue.start()]
    for _ in range(3):
        before = text
        text = _WIDGET_RE.sub("", _PREFIX_RE.sub("", _SLUG_RE.sub("", _NUMBERED_RE.sub("", text))))
        text = _LABEL_AFTER_CUT_RE.sub(r"\1", text)
        stamp = _STAMP_RE.search(text)
        if stamp is not None and len(text[: stamp.start()].split()) >= 3:
            text = text[: stamp.start()].rstrip(" :,|")
        credit = _CREDIT_RE.search(text) or (_outlet_credit(text, outlet) if outlet else None)
        cut_at = credit.start() if credit is not None else _bare_credit(text)
        if cut_at is not None and len(text[:cut_at].split()) >= 3:
            text = text[:cut_at].rstrip()
        match = _SUFFIX_RE.search(text)
        if match:
            suffix = match.group(1).strip()
            head = text[: match.start()].strip()
            looks_like_outlet = (
                (outlet and suffix.lower() == outlet.lower())
                or len(suffix.split()) <= 4
                and all(w[:1].isupper() or w[:1].isdigit() or w in _LOWER_IN_NAMES for w in suffix.split())
            )
            # "... the annual U.S. - China summit": a spaced dash after an abbreviation joins two names
            compound = _ABBREVIATION_END_RE.search(head) is not None and match.group(0).lstrip()[:1] in "-\u2013\u2014"
            if looks_like_outlet and not compound and len(head.split()) >= 3:
                text = head
        aside = _OPEN_ASIDE_RE.search(text)
        if aside is not None and len(text[: aside.start()].split()) >= 3:
            text = text[: aside.start()]
        if outlet and text.lower().endswith(outlet.lower()) and len(text) > len(outlet) + 10:
            text = text[: -len(outlet)].rstrip(" -|:\u2013\u2014")
        if text == before:
            break
    return text.strip()


_MAX_TITLE_WORDS = 30  # a headline is rarely half as long


def is_usable_title(title: str) -> bool:
    """Return False for empty titles, questions (also indirect ones: "What they missed"), live
    blogs, clickbait, fragments and titles a feed cut short ("... no chance against...").

    :param title: a cleaned title.
    """
    if len(title.split()) < 3 or title.rstrip().endswith("?") or _DATE_ONLY_RE.match(title):
        return False  # "Wednesday, 09 Sep 2015" is the page's date, not a headline
    if len(title.split()) > _MAX_TITLE_WORDS:
        return False  # the story's first paragraph run into its title
    if _CUT_SHORT_RE.search(title) or title.split()[-1].lower() in _DANGLING_END_WORDS:
        return False  # a feed cut it short: "Carter: North Korea has no chance against...", "... receives key to"
    # "WHO warns ..." names the World Health Organization
    if any(m.group(1) != "WHO" for m in _INDIRECT_QUESTION_RE.finditer(title)):
        return False
    return not _BAD_RE.search(title)


def has_verb(title: str) -> bool:
    """Return True if a title seems to carry a verb ("Acme recalls ...", "Council voted ..."), so
    it tells what happened rather than naming a topic ("The disrupter", "Debate night").

    :param title: a cleaned title.
    """
    return _VERB_HINT_RE.search(title.lower()) is not None


def _has_subject(title: str) -> bool:
    words = title.split()
    return any(w[:1].isupper() for w in words[1:]) or any(ch.isdigit() for ch in title)


def _score(title: str, tokens: set[str], term_df: Counter[str], n_sources: int) -> float:
    if not tokens:
        return 0.0
    central = sum(term_df[t] for t in tokens) / (len(tokens) * max(1, n_sources))
    score = 2.0 * central
    score += 0.6 if _has_subject(title) else 0.0
    score += 0.5 if has_verb(title) else 0.0
    score -= 0.04 * abs(len(title.split()) - _TYPICAL_WORDS)
    score -= 0.3 if title.isupper() else 0.0
    return score


_CUT_WORDS = frozenset("to after as in on for with amid while when at from by because since despite over".split())
# a cut before one of these ends a clause ("... in June when the club needed him"): better than one before a preposition
_CLAUSE_CUTS = frozenset(
    "when while as after because since amid despite following before until although though but if unless who which "
    "where".split())
# a word that cannot end a headline without its preposition: "due (to)", "according (to)", "seems (to)"
_NEEDS_ITS_PREPOSITION = frozenset(
    "due according able set seem seems seemed come comes relates related going likely prior close next thanks compared "
    "opposed subject".split())
# a main clause opening on one of these needs what came before it ("After twenty years in the shop, we have ...")
_PRONOUN_OPENERS = frozenset(
    "i we you he she it they i'm we've we're you're you've he's she's it's they're your my our and but or so".split())

_SUBJECT_RELATIVE_RE = re.compile(r"^(?=[^,;]{3,80},)(?P<subject>[^,;]*?),\s+(?:who|which)\s[^,;]*,\s+(?=[a-z])")
# a clause before the subject: "As Norland struggles with ..., there is ...", "Having lost the vote, the council leaders ..."
_FRONTED_RE = re.compile(
    r"^(?:As|While|With|Having|After|Although|Though|Despite|If|When|Since|Because|Following|Amid|Ahead\s+of|"
    r"In\s+the\s+wake\s+of|For\s+the\s+first\s+time|Earlier|Last\s+(?:week|month|year))\b[^;:]{3,160}?,\s+"
    r"(?=\S+(?:\s+\S+){4})")
# a credit or a dash the feed set before the lead: "( Wire Name ) - Few things ...", "—Friday's game ..."
_LEAD_CREDIT_RE = re.compile(r"^(?:\(\s*[^()]{2,40}\)\s*[-\u2013\u2014:]\s*|[-\u2013\u2014]+\s*)")
_SEPARATOR_RE = re.compile(r"\s+[-\u2013\u2014|]\s+|;\s+")


def _balanced(text: str) -> bool:
    """Return True if a text closes every quotation and bracket it opens."""
    return (text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")
            and text.count("(") == text.count(")"))


def _good_cut(words: Sequence[str], n: int) -> bool:
    """Return True if a headline may end before ``words[n]``: at a clause or a preposition, with a whole phrase before it."""
    word, before = words[n].lower(), words[n - 1].lower().rstrip(",;:")
    if word not in _CLAUSE_CUTS:
        if word not in _CUT_WORDS or before in _NEEDS_ITS_PREPOSITION:
            return False
        if word in ("to", "by") and before.endswith(("ed", "ing")):
            return False  # "declined (to rule out)", "triggered (by)", "wanting (to)"
    return _balanced(" ".join(words[:n]))


def _fronted_end(text: str) -> int:
    """Where a clause set before the subject ends ("After a ten-hour standoff, "), or 0 for none.

    A comma inside a quotation or brackets ("Despite ... ("the US, Iran and others"), it looks ...") ends nothing:
    the clause ends at the next comma outside them, if the sentence goes on long enough after it.
    """
    fronted = _FRONTED_RE.match(text)
    if fronted is None:
        return 0
    end = fronted.end()
    while not _balanced(text[:end]):
        comma = text.find(", ", end)
        if not (0 <= comma <= 200 and len(text[comma + 2:].split()) >= 5):
            return 0
        end = comma + 2
    return end


def _trim_lead(sentence: str, *, max_words: int = 14, slack: int = 4) -> tuple[str, bool]:
    """Trim a lead sentence into a headline: its main clause, cut at a clause or before a preposition if long.

    Returns the headline and whether it had to be cut inside its clause. A clause set before the
    subject goes ("After a ten-hour standoff, police arrested ..." -> "Police arrested ..."); a clause
    up to ``slack`` words over ``max_words`` stays whole; a cut keeps a verb and never leaves a
    quotation or a bracket open, nor a word that needs its preposition ("due", "declined").
    """
    text = _LEAD_CREDIT_RE.sub("", sentence.strip()).rstrip(". ")
    end = _fronted_end(text)
    if end and text[end:].split()[0].lower() not in _PRONOUN_OPENERS:
        text = text[end:]
        text = text[:1].upper() + text[1:]
    # "Acme, which was fined last year, faces new charges": the subject's relative clause goes, the verb stays
    text = _SUBJECT_RELATIVE_RE.sub(r"\g<subject> ", text, count=1)
    clause = re.split(r",\s+(?:who|which|where|while|after|as|but|according)\b|;\s+|\s+[\u2014\u2013_]\s+", text)[0]
    words = clause.split()
    if len(words) <= max_words + slack:
        return " ".join(words).rstrip(",;:"), False
    cuts = [n for n in range(5, max_words + 1) if _good_cut(words, n) and has_verb(" ".join(words[:n]))]
    clause_cuts = [n for n in cuts if n >= 6 and words[n].lower() in _CLAUSE_CUTS]
    words = words[:max(clause_cuts or cuts or [max_words])]
    while len(words) > 1 and not _balanced(" ".join(words)):
        words.pop()  # no cut leaves a quotation or a bracket open: back to before it opened
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words).rstrip(",;:"), True


# A title longer than this loses the clause that explains it, when one can go. Read blind on three report days, titles of
# 19-20 words read better whole ("... sued by a fan who claims to have been shot ..."), those of 23 words and more cut.
_LONG_TITLE_WORDS = 22


def _shortened(title: str) -> str:
    """Return a long title without its trailing clause ("Up to 30,000 savers can claim refunds after a court ruled
    the tax unfair on holiday homes ..." -> "Up to 30,000 savers can claim refunds"): cut before the last clause word
    ("after", "as", "because" ..., in lower case: in a Title Case title "After Bone Marrow Transplant" may be a name;
    not the "as" of "used as") that leaves six words or more with a verb and every quotation closed; an ellipsis left
    at the end goes."""
    words = title.split()
    if len(words) <= _LONG_TITLE_WORDS:
        return title
    cuts = [n for n in range(6, _LONG_TITLE_WORDS + 1)
            if words[n] in _CLAUSE_CUTS and _balanced(" ".join(words[:n])) and has_verb(" ".join(words[:n]))
            and not (words[n] == "as" and words[n - 1].lower().endswith(("ed", "en")))]  # "used as", "seen as"
    return " ".join(words[:cuts[-1]]).rstrip(",;:").removesuffix("...").rstrip("\u2026 ") if cuts else title


def repaired_title(title: str, *, text: str = "") -> str:
    """Return a title a feed cut short back to its last whole phrase, or "" if too little is left.

    "Harbourside Airport adopts Corvel's cloud check-in to..." -> "Harbourside Airport adopts Corvel's cloud
    check-in": the word before the ellipsis may be cut, so it goes (unless a space sets it apart from the ellipsis
    and the article's text writes it whole: "... to take over from Dana Holt ..." keeps "Holt"); then a trailing
    preposition or function word, or the part after a dash ("Dog finds owner's lost ring - now watch her
    reaction...").

    :param title: a cleaned title.
    :param text: the article's text, where a word set apart from the ellipsis is looked up.
    """
    if not _CUT_SHORT_RE.search(title):
        return ""
    body = _CUT_SHORT_RE.sub("", title)
    words = body.split()
    last = words[-1].strip(",;:.!\"'\u201c\u201d\u2018\u2019") if words else ""
    whole = bool(last and body[-1:].isspace() and text
                 and re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text, re.IGNORECASE))
    if not whole:
        words = words[:-1]
    parts = _SEPARATOR_RE.split(" ".join(words))
    if len(parts) > 1 and len(parts[0].split()) >= 4:
        words = parts[0].split()
    while words and (words[-1].lower().rstrip(",;:") in STOPWORDS or words[-1].lower() in _CUT_WORDS
                     or not any(ch.isalnum() for ch in words[-1])):
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text if len(words) >= 4 and _balanced(text) and has_verb(text) else ""


def _calm(title: str, articles: Sequence[Article], leads: dict[str, str]) -> str:
    """Return a shouting title (Title Case, capitals) in sentence case, keeping its proper names."""
    if not is_shouting(title):
        return title
    from newsbrief.facts.nlp import entities_of

    casing = story_casing(a.text for a in articles)
    if names_matter(title, casing):  # else the entity model is not run on the leads (nor loaded)
        add_names(casing, entities_of([x for x in leads.values() if x]))
    return sentence_case(title, casing)


def lead_sentence(article: Article) -> str:
    """Return an article's lead: its first standalone sentence ("" if none).

    :param article: the article as the text stages read it.
    """
    return next((s.text for s in parse_article_text(article.text) if s.standalone), "")


def choose_headline(articles: Sequence[Article]) -> str:
    """Choose a specific (who + what) headline for a story from its articles' titles.

    :param articles: the story's articles.
    """
    if not articles:
        raise SummarizeError("summarize: cannot choose a headline for a story without articles")
    leads = {a.id: lead_sentence(a) for a in articles}
    term_df: Counter[str] = Counter()
    cleaned: list[tuple[Article, str, set[str]]] = []
    for art in articles:
        title = clean_title(art.title, outlet=art.outlet)
        toks = set(content_tokens(title))
        term_df.update(toks | set(content_tokens(leads[art.id])))
        cleaned.append((art, title, toks))
    n_sources = len(articles)
    best: tuple[float, int, str] | None = None
    seen: set[str] = set()
    for n, (_, title, toks) in enumerate(cleaned):
        if not is_usable_title(title) or title.lower() in seen:
            continue
        seen.add(title.lower())
        score = _score(title, toks, term_df, n_sources)
        if best is None or score > best[0] + 1e-9:
            best = (score, n, title)
    if best is not None:
        return _calm(_shortened(best[2]), articles, leads)
    # no usable title: the lead of the article whose lead shares most terms with the others, if it needs no cut
    # inside its clause; else a title the feed cut short, back to its last whole phrase; else the lead, cut
    ranked = sorted(
        (a for a in articles if leads[a.id]),
        key=lambda a: -sum(term_df[t] for t in set(content_tokens(leads[a.id]))) / (1 + len(leads[a.id].split())),
    )
    trimmed, cut = _trim_lead(leads[ranked[0].id]) if ranked else ("", True)
    if trimmed and not cut:
        return trimmed
    repaired = next((r for art, title, _ in cleaned if (r := repaired_title(title, text=art.text))), "")
    if repaired:
        return _calm(repaired, articles, leads)
    if trimmed:
        return trimmed
    fallback = next((normalise_text(a.title) for a in articles if a.title.strip()), "")
    if not fallback:
        raise SummarizeError("summarize: no title and no text to make a headline from")
    return fallback.rstrip("?")
