"""Cut boilerplate out of an article's text before clustering, facts and summaries read it.

Feeds and pages carry more than the story: bylines and datelines, photo captions and credits,
subscription and newsletter prompts, share buttons and widget text, "Read more" and link
lists, copyright and legal footers, press-release footers, and lines an outlet repeats under
every article. :func:`clean_text` removes them line by line (one line per paragraph, as
:func:`newsbrief.ingest.sanitize.html_to_text` writes them) and says what it cut and why, so the
raw text can stay stored and every cut can be explained.

Two kinds of evidence:

1. **Rules** (:data:`REASONS`): patterns a line must match as a whole, or, for a dateline, the
   prefix of one of the first lines (``"WASHINGTON (AP) — The ..."`` keeps ``"The ..."``;
   :mod:`newsbrief.clean.datelines`). Some read the line's place in the text: a date stamp is
   cut only when the text has one (a live blog's entry times stay), a sign-off or a writer's
   bio only among the last lines, a press release's "About X" section (with the contacts and
   legal text under it) only when it describes what it names and ends the text.
   They are written to keep a borderline line: a quoted line is never a caption or a prompt,
   a dateline needs a sentence after it.
2. **The outlet's own template lines** (:func:`template_lines`): a line (case, spacing and
   digits folded) seen in at least :data:`TEMPLATE_MIN_ARTICLES` distinct articles of one
   outlet. Articles that share most of their lines are copies of one another (an update, a
   re-post) and count once, so a repeated paragraph of one story never becomes a template.

Everything here is plain functions over strings; the pipeline decides which articles form an
outlet's history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsbrief.clean.captions import MONTH, WEEKDAY, caption_cut
from newsbrief.clean.datelines import AGENCY, DASH, brief_dateline, dateline, dateline_line, day_headings, is_stamp
from newsbrief.clean.shouted_opening import unshout_opening
from newsbrief.clean.spacing import close_up_punctuation, unglue_sentences

__all__ = [
    "CLEANER_VERSION",
    "Cleaned",
    "Cut",
    "REASONS",
    "TEMPLATE_HISTORY",
    "TEMPLATE_MIN_ARTICLES",
    "TEMPLATE_MIN_SHARE",
    "clean_text",
    "line_key",
    "template_lines",
]

CLEANER_VERSION = "29"
"""The rules' version: stored articles cleaned by another version are cleaned again. Change it with the rules."""

REASONS = ("dateline", "byline", "caption", "prompt", "share", "widget", "related", "legal", "release",
           "separator", "template", "repeat")
"""Why a line was cut: the rule family (``template``: the outlet repeats it across its articles;
``repeat``: the article printed the paragraph before)."""

TEMPLATE_HISTORY = 50
"""An outlet's template lines are learned from at most this many of its most recent articles."""

TEMPLATE_MIN_ARTICLES = 3
"""A line is an outlet's template when at least this many distinct articles of the outlet carry it."""

TEMPLATE_MIN_SHARE = 0.15
"""... and at least this share of the outlet's distinct articles (a rare repeat stays content)."""

_COPY_JACCARD = 0.5  # two articles sharing this share of their lines are copies of one another
_DATELINE_LINES = 4  # a dateline is looked for in the first lines only ...
_BRIEF_HEAD_WORDS = 15  # ... or after a round-up brief's headline (a short line with no full stop), in capitals
_MAX_RULE_WORDS = 60  # no rule cuts a longer line


@dataclass(frozen=True, slots=True)
class Cut:
    """One cut: the line's index in the original text, why, and what was removed."""

    line: int
    why: str
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An article's text with its boilerplate removed, and the cuts that removed it."""

    text: str
    cuts: tuple[Cut, ...]


def _respaced(line: str) -> str:
    return close_up_punctuation(unglue_sentences(line))


def line_key(line: str) -> str:
    """Return the form of a line that template matching compares: lower case, single spaces, digits as 0
    (sentences a page ran together are parted first and spaces before punctuation taken out, as
    :func:`clean_text` reads them).

    :param line: one line of an article.
    """
    return re.sub(r"\d", "0", " ".join(_respaced(line).split()).lower())


def _template_candidate(key: str) -> bool:
    return len(key) >= 8 and any(c.isalpha() for c in key)


def template_lines(texts: Iterable[str]) -> frozenset[str]:
    """Return the template lines (as :func:`line_key` keys) of one outlet's articles.

    A line counts once per article; repeated lines a rule cuts anyway do not count. Articles
    whose line sets overlap by half or more (Jaccard) are copies and form one group; a line is a
    template when it is found in at least :data:`TEMPLATE_MIN_ARTICLES` groups and in at least
    :data:`TEMPLATE_MIN_SHARE` of them.

    :param texts: the outlet's recent article texts (raw), the ones being cleaned included.
    """
    sample: dict[str, str] = {}  # key -> one line as written (the rules read case)
    sets: list[frozenset[str]] = []
    for text in texts:
        keys: set[str] = set()
        for line in text.split("\n"):
            key = line_key(line)
            if _template_candidate(key):
                keys.add(key)
                sample.setdefault(key, line.strip())
        if keys:
            sets.append(frozenset(keys))
    where: dict[str, list[int]] = {}
    for i, found in enumerate(sets):
        for k in found:
            where.setdefault(k, []).append(i)
    # Only repeated lines go through the rules (the costly part): the others cannot be templates.
    ruled = {k for k, ids in where.items() if len(ids) > 1 and _line_reason(sample[k], last=False) is not None}
    if ruled:
        sets = [found - ruled for found in sets]
        where = {k: ids for k, ids in where.items() if k not in ruled}
    if len(sets) < TEMPLATE_MIN_ARTICLES:
        return frozenset()
    repeated = {k: ids for k, ids in where.items() if len(ids) >= TEMPLATE_MIN_ARTICLES}
    if not repeated:
        return frozenset()
    parent = list(range(len(sets)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only articles that share a line can be copies; compare those pairs once.
    pairs = {(a, b) for ids in where.values() if len(ids) > 1 for n, a in enumerate(ids) for b in ids[n + 1:]}
    for a, b in pairs:
        shared = len(sets[a] & sets[b])
        if shared >= _COPY_JACCARD * (len(sets[a]) + len(sets[b]) - shared):
            parent[root(a)] = root(b)
    groups = len({root(i) for i in range(len(sets))})
    need = max(TEMPLATE_MIN_ARTICLES, TEMPLATE_MIN_SHARE * groups)
    return frozenset(k for k, ids in repeated.items() if len({root(i) for i in ids}) >= need)


# -- rules -----------------------------------------------------------------------------------
_I = re.IGNORECASE
_QUOTE_START = re.compile(r"^[\"“”‘’'«]")
_SAID = re.compile(r"[\"”’]\s*,?\s*(?:\w+\s+){0,3}(?:said|says|added|told|wrote|asked)\b|"
                   r"\b(?:said|says|added|told \w+|wrote|asked)\s*[:,]?\s*[\"“]", _I)
_URL = re.compile(r"(?:https?://|www\.)\S+", _I)
_DATELINE_WORDS = re.compile(r"\b[a-z]{2,}\b")
_SENTENCE_REASONS = frozenset({"prompt", "legal", "related"})  # rules that may match one sentence of a line
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(A-Z0-9©])")

# "(Reporting by ...; Editing by ...)", alone or closing the last paragraph (then only it goes)
_REPORTING = re.compile(r"(?:^|(?<=[.!?\"”]\s))\((?:Additional\s+)?(?:Reporting|Writing|Written|Editing|Edited|"
                        r"Compiled|Produced|Research)\s+by\b[^()]{0,300}\)?\s*$", _I)
_BYLINE = [
    re.compile(r"^By$", _I),
    # "By Jo Reyes", "By ANI | Posted 7 minutes ago", "By By | Reuters - By ..."
    # "BY JO REYES", "by Jo Reyes, Harbour Fund", "9 minutes ago BY GAZETTE STAFF"
    re.compile(rf"^(?:\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\s+)?(?:By|BY|by):?\s+"
               rf"(?!(?:{WEEKDAY}|{MONTH}|Far|Contrast|Comparison|Law)\b)[A-Z][\w.'’-]*\.?"
               r"(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)(?:[A-Z][\w.'’-]*\.?|de|da|van|von|der|del|la|le|bin|al))"
               r"{0,6}\s*(?:[|/•·–—-][^.!?]{0,80}[.!?]?)?$"),
    _REPORTING,
    re.compile(r"^(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced)\s+by\s+[A-Z][\w.'’-]*"
               r"(?:\s+\S+){0,12}$", _I),
    re.compile(rf"^{AGENCY}\s*{DASH}?\s*:?$"),
    re.compile(r"^(?:(?:Source|Via|Credits?|Courtesy|Author|Byline|Information from)\s*:|Posted by|Written by|Story by|Words by|"
               r"Contributed by|via\s+[#@])\s*\S+(?:\s+\S+){0,7}$", _I),
    re.compile(r"^Source:?$", _I),
    # a writer's title alone on a line: "Contributing Writer", "Harbour Gazette Staff Writer"
    re.compile(r"^(?:[A-Z][\w.&'’-]*\s+){0,3}(?:Staff|Contributing|Senior|Guest|Special|Freelance)\s+"
               r"(?:Writer|Reporter|Correspondent|Columnist|Editor|Contributor)s?$"),
    # "Published: Thursday, May 7, 2026 at 6:01 a.m.", "Last Modified: ... 11:28 p.m. EDT"
    re.compile(r"^(?:Updated|Posted|Published|Last updated|Last modified)(?:\s+(?:on|at))?\s*:?\s*.{0,40}"
               r"(?:\d|ago)\S*(?:\s*[ap]\.?\s?m\.?)?(?:\s+\(?(?:[ECMP][SD]?T|GMT|BST|UTC|AE[SD]T|IST|CES?T)\)?)?$", _I),
    re.compile(r"^(?:Posted|Published|Updated)\b.{0,60}\bby\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$"),
    # a byline whose name the page lost, with its stamp (and a button's label): "By Sept. 14, 2026, 12:03 p.m. exit"
    re.compile(rf"^By\s+{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}},?\s+\d{{1,2}}(?::\d\d)?\s*[ap]\.?\s?m\.?(?:\s+exit)?$"),
    re.compile(r"^To contact (?:the |a |an |this )?(?:reporters?|editors?|writers?|authors?)\b", _I),
    re.compile(r"^.{0,200}\bAll times (?:are )?local\b.{0,20}:?$", _I),
]
_END_CREDIT = re.compile(  # "- Northern Advocate" closing the text: an outlet's name, not a quote's author
    rf"^{DASH}\s*(?:[A-Z][\w&'’.]*\s+){{0,4}}(?:Advocate|Herald|News|Times|Post|Press|Journal|Tribune|Gazette|Star|"
    r"Mail|Telegraph|Observer|Chronicle|Standard|Express|Guardian|Reporter|Review|Wire|Agencies|Bulletin|Courier|"
    rf"Examiner|Independent|Mirror|Record|Sun|Today|{AGENCY})\.?$")

# The text's last lines: a writer's sign-off ("— Jo Reyes", "- HNA", "HNA") or a bio ("Jo Reyes is a reporter ...").
_SIGNOFF = re.compile(rf"^(?:{DASH}\s*[A-Z][\w&'’.]*(?:\s+(?:[A-Z][\w&'’.]*|of|the|de|van|von)){{0,4}}\.?|[A-Z]{{2,6}})$")
_BIO = re.compile(r"^(?:Dr\.?\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){1,3},?(?:\s+[\w.]+,)?\s+(?:is|was)\s+(?:a|an|the)\s+"
                  r"(?:[\w'’&-]+\s+){0,5}(?i:writer|reporter|columnist|correspondent|editor|contributor|journalist|"
                  r"blogger|author|freelancer|fellow|analyst|commentator)\b")
_LIST_ITEM = re.compile(rf"^(?:{DASH}|[•*·])\s")  # "- Acme" after "- Harbourline" is a list's last item
_CLOSING_LINES = 3  # a bio is looked for in the text's last lines only

_CAPTION = [
    re.compile(r"^(?:Logo|Photos?|Images?|Photograph|Pictures?|Video|Graphic|Infographic|Illustration|Multimedia)"
               r"(?:\s+(?:credit|courtesy|source|available))?\s*(?:[-–—:]|\(s\))\s*.{0,160}$", _I),
    re.compile(r"^\(?(?:Photos?|Images?|Pictures?|Video|Illustration)s?\s+(?:by|courtesy(?:\s+of)?|via|from|credit)\b"
               r".{0,80}$", _I),
    # a credit alone on its line: "Courtesy of the Harbour Trust", "Dana Holt/Photo"
    re.compile(r"^\(?courtesy\s+of\b.{0,60}$", _I),
    re.compile(r"^[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*/\s*(?:Photo|Staff|Contributed|Courtesy)\s*\.?$"),
    re.compile(r"^(?:FILE|File photo|File picture)\s*[-–—:.,]"),
    re.compile(r"\bin this (?:[\w.,]+\s+){0,4}(?:file|handout)\s+(?:photo|picture|image)\b", _I),
    re.compile(r"\((?:not (?:seen|pictured|shown))\)", _I),
    re.compile(r"(?:\(|\s)(?:AP Photos?|AFP(?: PHOTO)?|REUTERS|Reuters|EPA|Getty Images|Photo|Picture|Image)\s*/\s*"
               r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[\w ]+)?\)?\s*\.?$"),
    re.compile(r"\b(?:Getty Images|Shutterstock|iStockphoto|iStock|Fotolia)\)?\s*\.?$", _I),
    # a gallery's teaser: "Here's a look at the leadership vote, in pictures."
    re.compile(r"^(?:Here'?s|Here is|Take) a look at\b.{0,120}\b(?:in|through) (?:pictures|photos|images)\b.{0,20}$", _I),
    # a caption with its credit on one line and no stop between: "... extended to the new models Photo: 2015"
    re.compile(r"^[^.!?\"“”]{10,200}\s(?:Photo|Picture|Image)s?\s*:\s*[\w .,/&'’-]{1,40}$"),
    re.compile(r"\bdata by YCharts\s*\.?$", _I),
    # a caption closing with its photographer and agency: "... at the gala (Jo Reyes/PA)"
    re.compile(r"\((?:[A-Z0-9][\w.'’-]*\s+){0,3}[A-Z0-9][\w.'’-]*\s*/\s*(?:[A-Z][\w&.'’-]*\s*){1,3}\)\s*\.?$"),
    re.compile(r"^(?:Getty(?: Images)?|PHOTOS?|Photo|Shutterstock|iStock)\s*\.?$"),
    re.compile(r"^(?:Buy photo|Show (?:thumbnails|captions)|Last slide next slide|Hide caption|Toggle caption|"
               r"Enlarge this image|Click to enlarge|View gallery|Photo gallery)\b.{0,40}$", _I),
]

_PROMPT = re.compile(
    r"\b(?:(?:subscribe|sign up|sign in|log in|register)\s+(?:now|today|here)\b|subscribe\s*(?:$|[.!])|"
    r"(?:subscribe|sign up) (?:to|for) (?:our|my|the|a free|free)\s+(?:\w+\s+){0,2}(?:newsletters?|blog|channel|"
    r"mailing list|feed|podcast|e-?mails?|alerts|updates)\b|(?:log|sign) ?in to (?:view|read|continue|comment)\b|"
    r"enter your e-?mail|your e-?mail address|e-?mail (?:updates|alerts)\b|"
    r"(?:daily|weekly|free|our)\s+(?:e-?mail\s+)?newsletters?\b|receive news (?:&|and) ratings|"
    r"(?:we|this (?:site|website))\s+uses? cookies|accept (?:the use of )?cookies|cookie (?:policy|settings)|"
    r"privacy policy|terms (?:of use|of service|and conditions)|create (?:an|your|a free) account|"
    r"need an account|already (?:a )?(?:subscriber|registered|have an account)|print subscribers|"
    r"subscription (?:required|needed)|subscribers only|(?:only )?available to subscribers|"
    r"continue reading|you must (?:be )?log(?:ged)?\s?in|(?:leave|post|add|write) a comment|"
    r"(?:submit|send|write) (?:a|your) letter to the editor|"
    r"let us know (?:your thoughts|what you think|in the comments)|comments? (?:are|is) closed|"
    r"(?:enable|turn on) javascript|your browser does not support|update your browser|"
    r"to view (?:this|the full|the rest of this) (?:article|content|story)|online service is needed|"
    r"click here to (?:subscribe|sign|register|read|continue|receive|download|view|see|watch|learn|get)|"
    r"(?:image|audio) captcha|a link has been (?:sent|posted)|"
    r"stay in the know|get (?:the latest|our) (?:news|headlines|updates) (?:in|delivered)|"
    r"get (?:the |our )?(?:daily|weekly|latest|breaking) (?:news|headlines|updates) (?:by|via|in your) e-?mail|"
    r"forgot (?:your )?password|reset your password|"
    r"follow (?:us|me) on (?:twitter|facebook|instagram)|like (?:us|our (?:\w+ )?page) on facebook|"
    r"like our (?:official )?facebook page|official facebook page|"
    r"(?:^|[.!?,]\s+)download (?:the |our )?(?:new |free )?(?:\S+\s+){0,5}?apps?\b|"
    r"logged[- ]in (?:users|members|readers|reporters|subscribers)|use your linked account|\b\d+ free articles\b|"
    r"home delivery of the (?:news)?paper|javascript is (?:required|disabled|needed)|view full (?:essay|article|story)|"
    r"in your (?:mailbox|inbox)\b|never be shared with (?:any )?third part|check your (?:inbox|spam)|"
    r"you received this (?:message|e-?mail) because you are subscribed|to unsubscribe from this (?:group|list)|"
    r"to post to this group|for more options,? visit|"
    r"^404 not found\b|\bwas not found on this server\b|\b30[12] moved (?:permanently|temporarily)\b|\berrordocument\b|"
    r"\bwith a free (?:practice|demo|trial) account\b|\bopen a (?:free )?(?:demo|practice) account\b|"
    r"\b(?:start|get) (?:your|a) free trial\b|"
    r"^(?:more details|details) (?:to follow|soon|awaited)|^(?:this|the) (?:story|article|report) (?:is developing|"
    r"will be updated|is being updated)|^check back (?:later|soon)\b)",
    _I,
)
_PROMPT_LINE = re.compile(r"^(?:Login|Log in|Sign in|Sign up|Register|Subscribe(?: now| today)?|Sent!|Posted!|"
                          r"Try another|Cancel send|Comments?(?:\s*\(\d+\))?|\d+\s+Comments?|Exit|Help|Search)$", _I)

_SHARE = re.compile(
    r"^(?:share(?:\s+(?:this|article|story|on \w+(?:\s+\w+)?|via \w+))?|\d+\s*shares?|tweet|pin it|e-?mail|print|"
    r"e-?mail\s*print|facebook|twitter|linkedin|google\+|whatsapp|reddit|pinterest|share on facebook|"
    r"share on twitter|post to facebook|post to twitter|close|\[embedded content\]|like us on facebook.{0,80}|"
    r"follow (?:us|me)(?: on (?:twitter|facebook|instagram|linkedin|google\+|pinterest|youtube)).{0,120}|"
    r"follow (?:us|me)|follow on twitter.{0,20}|share this (?:link|page|article|story)\s*:.{0,100}|"
    r"let friends in your social network know what you are reading about)$",
    _I,
)

# A row of share buttons and their counters: "3 Shares Twitter 2 Facebook 1 Pin It Share"
_SHARE_WORDS = frozenset({"share", "shares", "tweet", "email", "e-mail", "print", "reprint", "reddit", "facebook", "twitter",
                          "google+", "google", "plus", "pinterest", "pin", "it", "linkedin", "whatsapp", "stumbleupon",
                          "flares", "flare", "filament.io", "×", "comment", "comments", "add", "to", "favorites",
                          "del.icio.us", "digg", "tumblr", "save", "like", "+1", "on", "this", "messenger", "sms"})
_SHARE_HANDLE = re.compile(r"^follow\s+@\w+\.?$|^follow\s+.{1,40}\s+on\s+(?:twitter|facebook|instagram)\b.{0,60}$|"
                           r"^connect with us\W*$|^add to (?:del\.icio\.us|digg|favorites)\W*$", _I)

_WIDGET = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: (?:content|links|stories|post))?(?: by .{1,30})?|promoted(?: stories| content)?|"
    r"paid (?:content|post)|recommended(?: for you| stories)?|intraday stock chart(?: today)?|"
    r"stock quotes supplied by .{0,60}|nasdaq quotes delayed.{0,120}|markets are closed on certain holidays.{0,80}|"
    r"stock market (?:xml|data).{0,120}|related stocks|autoplay|up next.{0,10}|loading\W*|"
    r"story highlights\b.{0,400}|"  # a page's bullet points run into one line before the story
    r"please enable javascript to watch this video|use your .{0,5}\(arrows\) to browse|"
    r"(?:\S+\s+){0,6}(?:stock|share) (?:price )?chart(?: today)?|"
    r"pages?\s*:?\s*(?:\d+\s*)+(?:view (?:full|all))?|page\s+\d+\s+of\s+\d+\s*[-\u2013\u2014]?|\{\{[^{}]{1,60}\}\}|\d+\s+of\s+\d+|show (?:more|less|all)\b.{0,40})$",
    _I,
)

_RELATED = [
    re.compile(r"^(?:related|related (?:stories|articles|posts|content|coverage|links|news|topics|videos?)|"
               r"see also|also read|also see|read also|read more|more from .{1,60}|more on (?:this|that) story|"
               r"you (?:may|might) also like|recommended reading|most (?:read|popular|viewed)|trending(?: now)?|"
               r"top stories|more stories|more news|latest news|tags|click to continue|continue reading|"
               r"and more|(?:read|see|watch) (?:the )?(?:full|whole|original) (?:story|article|report|release|video))"
               r"\b\s*(?::.{0,200}|[»›>…].{0,20}|\W{0,3})$", _I),
    re.compile(r"^(?:read|see|watch) (?:the )?(?:full|more|whole|original)\b.{0,80}(?:https?://\S+|»|on \S+\.\w{2,4})"
               r"\s*\.?$", _I),
    re.compile(r"^More\s+.{1,60}\s+(?:News|Stories|Articles|Videos)\s*:", _I),
    re.compile(r"«\s*Older Post|Newer Post\s*»|^Post navigation\b|^(?:Previous|Next) (?:post|article|story)\b", _I),
    re.compile(r"^\(?\s*(?:continue reading|read more|more)\s*(?:\.\.\.|…|»|›)?\s*\)?$", _I),
    re.compile(r"\bclick here to read (?:the )?full (?:story|article)\b", _I),
    re.compile(r"(?:^|\s)(?:read|continue reading|more|full story)\s*(?:»|›)\s*$", _I),
    re.compile(r"^(?:the )?(?:article|post|story) (?:\S+\s+){0,30}(?:originally )?appeared (?:first )?on\b.{0,120}$", _I),
    re.compile(r"^(?:this|the) (?:article|story|post) (?:was )?(?:originally|first) (?:published|appeared|posted)"
               r"\b.{0,120}$", _I),
    re.compile(r"(?:^|(?<=[.!?\"”]\s))(?:follow us on twitter\s+)?the story first appeared on\b.{0,80}$", _I),
]
# A call to go elsewhere: "To learn more about Acme, visit www.acme.example.", "For the full story, click here."
_ELSEWHERE = re.compile(
    r"^(?:(?:for|to) [^.]{0,100}?,?\s*)?(?:please\s+)?(?:visit|click|go to|read|see|watch|browse|discuss)\b[^.]{0,140}?"
    r"(?:https?://\S+|www\.\S+|\b\S+\.(?:com|org|net|co\.uk|edu|gov)\b|\bhere|\bwebsite|\bsite|\bblog|\bforum)"
    r"\s*[.!:]?\s*$", _I)
# ... but a campaign's own social page is what a release is about ("enter the contest at facebook.com/...")
_SOCIAL_PAGE = re.compile(r"\b(?:visit|at|on)\s+(?:(?:their|its|the)\s+(?:official\s+)?(?:page|account)\s+at\s+)?"
                          r"(?:https?://)?(?:www\.)?(?:facebook|twitter|instagram)\.com/", _I)
_MORE_LINKS = re.compile(r"^(?:read (?:more|the rest)\b[^.]{0,80}\.?|continue to (?:the )?next (?:part|page|slide)\b.{0,20}|"
                         r"browse this series\b.{0,40}|all [\d,]+ news articles\b.{0,20}|news from our partners\W*|"
                         r"(?:related )?(?:keywords|tags|topics)(?:\s*\(optional\))?\s*:?(?:\s+[^.!?]{0,200})?|"
                         # a data service's index lines: "Industries: Bank", "Referenced Companies: Acme (Key: 42)"
                         r"(?:industries|sectors?|(?:referenced|related|mentioned) companies|companies mentioned|tickers?)"
                         r"\s*:\s+(?-i:[A-Z(])(?!.*\b(?:said|says)\b).{0,400})$"
                         # a news aggregator's entry: "Harbour Gazette 4 hours ago - Sport ...", "Also reported by ..."
                         r"|^(?-i:(?:[A-Z][\w.&'’-]*\s+){1,4})\d+\s+(?:minutes?|hours?|days?)\s+ago\s+-\s"
                         r"|\balso reported by\b", _I)
_TEASER_LABEL = re.compile(r"^(?:SLIDESHOW|GALLERY|PHOTOS|WATCH|LISTEN|RELATED|MORE)\s*:\s*[^.!?]{1,100}$")
_LINK_LEAD = re.compile(r"^.{0,120}(?:\bat|\bvisit|\bhere|\bclick|\bfollow(?:ing)? link|\bwebsite|\bdetails|"
                        r"\binformation|\breport|\bTOC)\s*:\s*$", _I)
_LIST_DATE_LINE = re.compile(rf"^[A-Z][\w.&'’ -]{{1,40}}\s+-\s+{WEEKDAY}\s+\d{{1,2}}(?:st|nd|rd|th)?\s+"
                             rf"{MONTH}\s*,?\s+\d{{4}}$")
_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*$")
# A labelled link to another story: the whole line is the link, full stops and all ("Related: TOKYO, Sept. 15
# (Xinhua) -- All 15 people ..."); the teaser may go on in the next paragraph up to "Full story".
_LABEL_LINK = re.compile(r"^(?:related|see also|also read|read also|also see)\s*:\s*\S", _I)
# A list of links to other stories under its label, run into one line of any length: "Related posts: <title>
# <teaser>... <title> <teaser>..."; the label names a list, so nothing after it is this story's text.
_LINK_LIST = re.compile(r"^(?:related|more|recent|popular|latest|other) (?:posts|stories|articles|links|headlines)\s*:"
                        r"\s*\S(?=.*(?:\.\.\.|\u2026))", _I)
_TEASER_REST = re.compile(r"[.!?\"”]\s*(?:full story|read more|more)\s*(?:»|›|\.\.\.|…)?$", _I)
_REPEAT_WORDS = 8  # a paragraph printed twice in one text is cut the second time when it has this many words

_LEGAL = [
    re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", _I),
    re.compile(r"\ball rights reserved\b", _I),
    re.compile(r"\bthis material may not be published, broadcast, rewritten", _I),
    re.compile(r"\b(?:should not be construed as (?:investment|legal|financial|tax|an offer|a recommendation|indicating)|do(?:es)? not necessarily (?:reflect|represent)|"
               r"for (?:general )?informational purposes only|has a disclosure policy|"
               r"is solely responsible for the content|accepts? (?:no )?responsibility for the adequacy)\b", _I),
    re.compile(r"^(?:forward[- ]looking statements?|safe harbou?r statement|disclaimer|legal notice)\s*:?$", _I),
    re.compile(r"^by (?:accessing|using|visiting) this (?:page|site|website|service),? you agree\b", _I),
    re.compile(r"\b(?:this|the) (?:press )?release (?:contains|may (?:contain|include)|includes) forward-looking\b|"
               r"\bforward-looking statements within the meaning\b|\bare (?:registered )?trademarks (?:of|owned by)\b|"
               r"\bmember FINRA\b|\bmember SIPC\b|^copyright\b.{0,60}\b(?:19|20)\d\d\.?$", _I),
]

_RELEASE = [
    re.compile(r"^(?:to view the original version|view (?:the )?source version|for the original version|"
               r"view the full release here|this (?:smart )?news release features multimedia)\b", _I),
    re.compile(r"^SOURCE\s*:?\s+[A-Z0-9]"),
    re.compile(r"^(?:Release\s?ID|HUG#|ReleaseID|(?:News|Press|Release)?-?ID)\s*[:#]?\s*\d+$", _I),
    re.compile(r"^(?:(?:media|press|investor|company|email|e-mail|contact)\s+)?contacts?(?:\s+info(?:rmation)?|"
               r"\s+details)?\s*:?.{0,120}$", _I),
    re.compile(r"^for (?:further|more) information,?\s*(?:please\s+)?contact\s*:?.{0,120}$", _I),
    re.compile(r"^(?:tel(?:ephone)?|phone|fax|mobile|cell|e-?mail|website|web)\s*[.:]\s*\S.{0,80}$", _I),
    # "Office: (555) 010-0100"; "Office: Regional Procurement Agency" names who buys, in a tender notice
    re.compile(r"^(?:office|direct)\s*[.:]\s*[+(]?\d[\d\s().+/-]{6,}\d(?:\s*(?:ext\.?|x)\s*\d+)?$", _I),
    re.compile(r"^[TPFM]\s*[.:]\s*[+(]?\d[\d\s().+/-]{6,}\d$"),  # "T: +1 555 0100"
    re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"),  # an e-mail address on its own line
    re.compile(r"^[+(]?\d[\d\s().+/-]{6,}\d$"),  # a phone number on its own line
    re.compile(r"^(?:#\s*){3}$|^-?\s*(?:ends|end)\s*-?$", _I),
    re.compile(r"^(?:press release (?:service|distributed) (?:provided )?by|news distributed by|"
               r"distributed by)\b.{0,100}$", _I),
]
_ABOUT = re.compile(r"^About\s+(?:the\s+)?[A-Z\"“].{0,80}$")
_ABOUT_NAME = re.compile(r"^About\s+(?:the\s+)?(?P<name>(?:[A-Z\"“]|\d+[A-Za-z]|[a-z][A-Z])[\w&'’.\"”-]*)"
                         r"(?P<colon>[^:.!?]{0,60}:\s+\S)?")
_CONTACT_HEAD = re.compile(r"^(?:[\w&.,'’-]+\s+){0,3}(?:contacts?|enquiries|inquiries|requests|relations)\s*:?$"
                           r"|^for (?:more|further|additional) information\s*:?$|^(?:media|press|investors?)\s*:$", _I)
_CONTACT_WORDS = 10  # a line under a contact heading that is longer is prose again
_RELEASE_END = re.compile(r"^(?:to view the original version|view source version|for the original version|"
                          r"SOURCE\s|Release\s?ID|media contact|contact|###|# # #)", _I)


def _quoted(line: str) -> bool:
    """A quotation (or a line reporting one) is content, whatever it mentions."""
    return bool(_QUOTE_START.match(line) or _SAID.search(line))


# A row of share buttons run into a paragraph, as a page's text extraction glues them: "... New York. Share Share
# on Facebook Share on Twitter Share on Google+ Email to a Friend Ukraine intends to ...". A run needs one button
# only a widget says ("Share on Facebook", "Email to a Friend", "Print this article") and one more beside it
# ("Share", "Tweet" or another such button).
_BUTTON = (r"(?:Share|Post)(?:\s+this)?(?:\s+(?:on|via|to))?\s+(?:Facebook|Twitter|Google\s?\+|Google\s+Plus|LinkedIn|"
           r"Pinterest|Reddit|WhatsApp|Tumblr|Digg|StumbleUpon|Mixx|Technorati)"
           r"|Tweet\s+this(?:\s+on\s+Twitter)?|Pin\s+(?:this|it)(?:\s+on\s+Pinterest)?"
           r"|E-?mail\s+(?:to\s+a\s+Friend|this\s+(?:article|story|page))|Print\s+this\s+(?:article|page|story)"
           r"|(?:Increase|Decrease)\s+(?:font\s+|text\s+)?size")
_LOOSE_BUTTON = r"(?:Share|Tweet|E-?mail|Print|Comments?(?:\s*\(\d*\))?)"
_INLINE_SHARE = re.compile(rf"(?:\b{_LOOSE_BUTTON}\s+)*\b(?:{_BUTTON})(?!\w)(?:\s+(?:{_BUTTON}|{_LOOSE_BUTTON})(?!\w))*")
_ONE_BUTTON = re.compile(rf"(?:{_BUTTON}|{_LOOSE_BUTTON})(?!\w)")
_INLINE_SHARE_REST = 4  # words of prose a line keeps once its buttons are out (fewer: a row of buttons)


def _inline_share(line: str) -> tuple[str, str] | None:
    """Return ``(buttons cut, text kept)`` of a paragraph with a row of share buttons run into it, or None."""
    runs = [m for m in _INLINE_SHARE.finditer(line) if len(_ONE_BUTTON.findall(m.group(0))) >= 2]
    if not runs:
        return None  # one button alone may be prose ("print this article's claims")
    rest = " ".join(_INLINE_SHARE.sub(" ", line).split())
    if len(rest.split()) < _INLINE_SHARE_REST:
        return None
    return " ".join(m.group(0) for m in runs), rest


# A page's navigation run onto the end of the last paragraph: "... at 800-472-0646. « Previous post Related Blogs
# The Rules Concerning ... Plan"; only titles follow, so the tail has at most one full stop. The post's tags may come
# first ("... to go. Tags: IFA 2015 Mobile Sony Previous Story ...") and its author's note last (_AUTHOR_NOTE).
_RELATED_TAIL = re.compile(r"(?<=[.!?\"\u201d])\s+(?:Tags?:\s+[^.!?:]{1,120}?\s+)?(?:[\u00ab\u2039]\s*)?"
                           r"(?:(?:Previous|Next|Older|Newer) (?:[Pp]ost|[Aa]rticle|"
                           r"[Ss]tory|[Ee]ntry)|Related (?:Blogs?|Posts?|Articles?|Stories|Links|Content|News))\b"
                           r"(?=\s*[\u00bb\u203a:]?\s*[A-Z])")
# "... Next Story <title> About the author Roger Cheng Roger Cheng is the executive editor ...": the writer's note
# after the links is the page's too, whatever its full stops
_AUTHOR_NOTE = re.compile(r"\s(?:About the [Aa]uthor|About [Tt]he [Ww]riter)\b")


# A page's label run onto the end of the last paragraph: "... a tsunami that killed hundreds. Related".
_TRAILING_LABEL = re.compile(r"(?<=[.!?\"\u201d])\s*(?:Related(?:\s+(?:Stories|Articles|Posts|Content|News|Links|Coverage))?|"
                             r"Advertisement|Read\s+[Mm]ore|Continue\s+[Rr]eading|Share\s+this(?:\s+article)?)\s*$")

# An advertisement's label between two sentences of a paragraph: "... with addiction. Advertisement This ..."
_AD_LABEL = re.compile(r"(?<=[.!?\"\u201d])\s+Advertisement\s+(?=[A-Z\u201c\"])")
# a picture's credit in brackets inside a paragraph: "... the old mill. (Image courtesy Dana Holt via Flickr.) The ..."
_INLINE_CREDIT = re.compile(r"\s*\((?:Image|Photo|Picture|Video)s?\s+(?:courtesy(?:\s+of)?|via|by|credit\s*:?|from)\s"
                            r"[^()]{1,80}\)", _I)


def _related_tail(line: str) -> tuple[str, str] | None:
    """Return ``(navigation cut, text kept)`` of a paragraph ending in the page's links to other posts, or None."""
    found = _RELATED_TAIL.search(line)
    if found is None:
        return None
    note = _AUTHOR_NOTE.search(line, found.end())
    if line.count(".", found.end(), note.start() if note is not None else len(line)) > 1:
        return None
    return line[found.start():].strip(), line[:found.start()].rstrip()


def _share_row(line: str) -> bool:
    words = [w for w in line.lower().split() if not w.isdigit()]
    return len(words) >= 2 and all(w in _SHARE_WORDS for w in words) and bool({"share", "tweet", "facebook", "twitter",
                                                                               "reddit", "print", "flares"} & set(words))


def _url_heavy(line: str) -> bool:
    urls = _URL.findall(line)
    if not urls:
        return False
    return _URL.match(line) is not None or sum(map(len, urls)) >= 0.6 * len(line)


def _caption_pattern(line: str) -> bool:
    return any(p.search(line) for p in _CAPTION)


def _line_reason(line: str, *, last: bool) -> str | None:
    """Return why one whole line is boilerplate, or None for content."""
    if not any(c.isalnum() for c in line):
        return "separator"
    if len(line.split()) > _MAX_RULE_WORDS:  # a long paragraph is prose, whatever it mentions
        return None
    if _url_heavy(line):
        return "related"
    if _SHARE.match(line) or _SHARE_HANDLE.match(line) or _share_row(line):
        return "share"
    if _WIDGET.match(line):
        return "widget"
    if any(p.search(line) for p in _LEGAL):
        return "legal"
    if any(p.search(line) for p in _RELEASE):
        return "release"
    quoted = _quoted(line)
    if not quoted and any(p.search(line) for p in _BYLINE):
        return "byline"
    if last and _END_CREDIT.match(line):
        return "byline"
    if not quoted and (any(p.search(line) for p in _RELATED) or _MORE_LINKS.match(line) or _TEASER_LABEL.match(line)
                       or len(line.split()) <= 40 and _ELSEWHERE.match(line) and not _SOCIAL_PAGE.search(line)):
        return "related"
    if not quoted and (_PROMPT_LINE.match(line) or (len(line.split()) <= 45 and _PROMPT.search(line))):
        return "prompt"
    if not quoted and _caption_pattern(line):
        return "caption"
    captions = caption_cut(line)
    if captions is not None and not captions[1]:  # every sentence of the line is a caption
        return "caption"
    return None


def _prose_sentences(line: str) -> tuple[str, str] | None:
    """Split a boilerplate-bearing line into (cut, kept) when some of its sentences are prose.

    A prompt glued to a report ("Shares fell 2%. Receive news and ratings daily.") loses the
    prompt only. A kept sentence must have no rule of its own and read like prose (five words
    or more, some in lower case). None: cut the whole line.
    """
    parts = [p for p in _SENTENCE.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    keep = [_line_reason(p, last=False) is None and len(p.split()) >= 5 and len(_DATELINE_WORDS.findall(p)) >= 2
            for p in parts]
    # A short sentence before a kept one is the story's too ("Not yet. The council said ...").
    keep = [k or _line_reason(p, last=False) is None and len(_DATELINE_WORDS.findall(p)) >= 1 and any(keep[n + 1:])
            for n, (p, k) in enumerate(zip(parts, keep))]
    if not any(keep) or all(keep):
        return None
    return (" ".join(p for p, k in zip(parts, keep) if not k), " ".join(p for p, k in zip(parts, keep) if k))


_LONE_DASH = re.compile(r"^[-\u2013\u2014]\s+(?=[\"\u201c\u2018A-Z])")
_LONE_DASH_WORDS = 12  # a paragraph's length, not a list item's


def _lone_dash(stripped: Sequence[str], nonempty: Sequence[int], i: int) -> int:
    """Return the length of the dash a stripped dateline left before the first paragraph ("- Qualifier Mara Quill
    reached ..."), 0 when there is none, the line opens a list (the next line opens on a dash or a bullet too) or
    a dash closes it too (a subhead)."""
    found = _LONE_DASH.match(stripped[i])
    if found is None or len(stripped[i].split()) < _LONE_DASH_WORDS or stripped[i].endswith(("-", "\u2013", "\u2014")):
        return 0  # "- Company on track to ... this year -" is a release's subhead
    after = next((stripped[j] for j in nonempty if j > i), "")
    return 0 if _LONE_DASH.match(after) or after[:1] in "\u2022*" else found.end()


def _closing_credits(stripped: Sequence[str], nonempty: Sequence[int], why: dict[int, str]) -> None:
    """Mark the writer's sign-off and bio among the text's last lines left (not after a quotation)."""
    left = [i for i in nonempty if i not in why]
    for n, i in enumerate(reversed(left[-_CLOSING_LINES:])):
        line = stripped[i]
        before = stripped[left[-n - 2]] if len(left) > n + 1 else ""
        if n == 0 and _SIGNOFF.match(line) and not _quoted(before) and not _LIST_ITEM.match(before):
            why[i] = "byline"
        elif _BIO.match(line) and not _quoted(line):
            why[i] = "byline"


def _prose(line: str) -> bool:
    """A line of running text: eight words or more, most of them in lower case."""
    words = line.split()
    return len(words) >= 8 and len(_DATELINE_WORDS.findall(line)) >= len(words) // 2


def _about_section(lines: Sequence[str], i: int) -> bool:
    """Whether ``lines[i]`` opens a description of a company or subject ("About Acme" and "Acme is ...").

    The heading names it and the description names it again first: on the next line ("About
    Acme Corp" / "Acme Corp is a ..."), or on the same line ("About Acme: Acme makes ...",
    "About Acme Acme makes ..."). A heading with a colon needs no repeat ("About the author: ...").
    """
    found = _ABOUT_NAME.match(lines[i])
    if found is None:
        return False
    name = found.group("name").strip("\"“”").lower()
    rest = lines[i][found.end():]
    if found.group("colon"):
        return True
    if len(lines[i].split()) <= 12:
        follow = lines[i + 1] if i + 1 < len(lines) else ""
        return follow.lower().startswith(name) or bool(rest) and rest.lower().lstrip(" ,").startswith(name)
    return name in " ".join(rest.lower().split()[:8])


def _release_footer(lines: Sequence[str]) -> int | None:
    """Return where a press release's closing "About ..." section starts, or None.

    An "About" heading in the last lines of a text that ends like a press release (source,
    contacts, "To view the original version"), or one that opens a description of what it names
    (:func:`_about_section`) in the text's second half, or earlier when the tail it starts is
    shorter than the text before it; elsewhere it is a subhead.
    """
    ends = [i for i, line in enumerate(lines) if _RELEASE_END.match(line)]
    for i, line in enumerate(lines):
        if ends and len(lines) - i <= 9 and _ABOUT.match(line) and len(line.split()) <= 10 and i < ends[-1]:
            return i
        if i > 0 and (i >= len(lines) // 2 or _shorter_than_body(lines, i)) and _about_section(lines, i):
            return i
    return None


def _shorter_than_body(lines: Sequence[str], i: int) -> bool:
    """Whether the text from line ``i`` on is shorter than the text before it (a footer, not a section)."""
    return sum(map(len, lines[i:])) <= sum(map(len, lines[:i]))


def _contact_blocks(lines: Sequence[str]) -> list[int]:
    """Return the lines of a press contact block: its heading and the short lines under it (names, phones)."""
    out: list[int] = []
    for i, line in enumerate(lines):
        if i < len(lines) // 2 or not _CONTACT_HEAD.match(line):
            continue
        out.append(i)
        for j in range(i + 1, len(lines)):
            if len(lines[j].split()) > _CONTACT_WORDS and not _url_heavy(lines[j]):
                break
            out.append(j)
    return out


def _repeats(stripped: Sequence[str], nonempty: Sequence[int], why: dict[int, str],
             partial: dict[int, tuple[str, str, str]]) -> None:
    """Mark paragraphs the text printed before (a page that carries its body twice), with or without a dateline."""
    seen: set[str] = set()
    for i in nonempty:
        if i in why:
            continue
        kept = partial[i][2] if i in partial else stripped[i]
        cut = dateline(kept)
        keys = {line_key(kept), line_key(kept[cut:])} if cut else {line_key(kept)}
        if len(kept.split()) >= _REPEAT_WORDS and keys & seen:
            why[i] = "repeat"
            partial.pop(i, None)
        seen |= keys


def clean_text(text: str, *, templates: frozenset[str] | set[str] = frozenset()) -> Cleaned:
    """Return ``text`` without its boilerplate lines, and what was cut.

    :param text: the article's plain text, one paragraph per line.
    :param templates: the outlet's template lines (:func:`template_lines`).
    """
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    inline: list[Cut] = []  # share buttons or trailing links cut out of a paragraph; the rest is read on as the line
    for i, line in enumerate(stripped):
        if line and (parted := _respaced(line)) != line:
            # "homes.The government": two sentences, as the page meant; "Mexico , and Turkey .": "Mexico, and Turkey."
            lines[i] = stripped[i] = line = parted
        if (line and (credits := _INLINE_CREDIT.findall(line)) and (rest := _INLINE_CREDIT.sub("", line).strip())
                and not _caption_pattern(line)):  # a caption line goes whole, credit and all
            inline.append(Cut(i, "caption", " ".join(c.strip() for c in credits)))
            lines[i] = stripped[i] = line = rest
        if line and (ad := _AD_LABEL.search(line)) is not None:
            inline.append(Cut(i, "widget", "Advertisement"))
            lines[i] = stripped[i] = line = f"{line[:ad.start()]} {line[ad.end():]}"
        if line and (label := _TRAILING_LABEL.search(line)) is not None and label.start() > 0:
            inline.append(Cut(i, "related", label.group(0).strip()))
            lines[i] = stripped[i] = line = line[:label.start()].rstrip()
        if line and (buttons := _inline_share(line)) is not None:
            inline.append(Cut(i, "share", buttons[0]))
            lines[i] = stripped[i] = buttons[1]
        if stripped[i] and (links := _related_tail(stripped[i])) is not None:
            inline.append(Cut(i, "related", links[0]))
            lines[i] = stripped[i] = links[1]
    why: dict[int, str] = {}
    keep_from: dict[int, int] = {}
    nonempty = [i for i, s in enumerate(stripped) if s]
    last = nonempty[-1] if nonempty else -1
    # Link lists of headline, "Outlet - Tuesday 8th September, 2015", teaser.
    listed = [i for i in nonempty if _LIST_DATE_LINE.match(stripped[i])]
    for i in listed:
        why[i] = "related" if len(listed) > 1 else "byline"
        if len(listed) > 1:
            n = nonempty.index(i)
            before = nonempty[n - 1] if n > 0 else None
            after = nonempty[n + 1] if n + 1 < len(nonempty) else None
            if before is not None and len(stripped[before].split()) <= 20:
                why[before] = "related"
            if after is not None and _TEASER_END.search(stripped[after]):
                why[after] = "related"
    footer = _release_footer([stripped[i] for i in nonempty])
    if footer is not None:
        for i in nonempty[footer:]:
            why.setdefault(i, "release")
    for n in _contact_blocks([stripped[i] for i in nonempty]):
        why.setdefault(nonempty[n], "release")
    partial: dict[int, tuple[str, str, str]] = {}  # line -> (why, text cut, text kept)
    for n, i in enumerate(nonempty):
        if i in why:
            continue
        line = stripped[i]
        if _LABEL_LINK.match(line) and len(line.split()) <= _MAX_RULE_WORDS or _LINK_LIST.match(line):
            why[i] = "related"
            follow = nonempty[n + 1] if n + 1 < len(nonempty) else None
            if follow is not None and _TEASER_REST.search(stripped[follow]):
                why[follow] = "related"
            continue
        reason = _line_reason(line, last=i == last)
        if reason in _SENTENCE_REASONS or reason == "byline" and _REPORTING.search(line):
            split = _prose_sentences(line)
            if split is not None:
                partial[i] = (reason, *split)
                continue
        if reason is None and line_key(line) in templates:
            reason = "template"
        if reason is None and _LINK_LEAD.match(line) and not _quoted(line):
            follow = nonempty[n + 1] if n + 1 < len(nonempty) else None
            if follow is not None and _url_heavy(stripped[follow]):
                reason = "related"
        if reason is not None:
            why[i] = reason
    _closing_credits(stripped, nonempty, why)
    # A page's date stamp alone on a line; several are a live blog's entry times, and stay.
    stamps = [i for i in nonempty if i not in why and is_stamp(stripped[i])]
    if len(stamps) == 1:
        why[stamps[0]] = "dateline"
    # A dateline opens one of the first lines left (after a subhead or two at most); a wire
    # release may print it on a line of its own before the first paragraph.
    prose_seen = False
    # a calendar's day headings ("MONDAY, September 7") and its first items ("Sydney - ANZ job ads") open its lines
    listing = day_headings([stripped[i] for i in nonempty]) >= 2
    for i in [i for i in nonempty if i not in why and i not in partial and not listing][:_DATELINE_LINES]:
        if dateline_line(stripped[i], bare=not prose_seen):
            why[i] = "dateline"
            continue
        cut = dateline(stripped[i]) or (0 if prose_seen else _lone_dash(stripped, nonempty, i))
        if cut:
            partial[i] = ("dateline", stripped[i][:cut].strip(), stripped[i][cut:].strip())
            break
        prose_seen = prose_seen or _prose(stripped[i])
    # A round-up's later briefs each open with a headline and a dateline: "DURHAM — The Duke women's ..."
    for n, i in enumerate(nonempty[1:], 1):
        headline = stripped[nonempty[n - 1]]
        if i in why or i in partial or len(headline.split()) > _BRIEF_HEAD_WORDS or headline.endswith((".", "!", "?")):
            continue
        cut = brief_dateline(stripped[i])
        if cut:
            partial[i] = ("dateline", stripped[i][:cut].strip(), stripped[i][cut:].strip())
    # A caption or a picture reference inside a line of prose (a line with a dateline keeps the dateline's cut).
    for i in nonempty:
        if i not in why and i not in partial and (captions := caption_cut(stripped[i])) is not None:
            partial[i] = ("caption", *captions)
    _repeats(stripped, nonempty, why, partial)
    out: list[str] = []
    cuts: list[Cut] = list(inline)
    for i, line in enumerate(lines):
        if not stripped[i]:
            continue
        if i in why:
            cuts.append(Cut(i, why[i], stripped[i]))
        elif i in partial:
            reason, removed, rest = partial[i]
            cuts.append(Cut(i, reason, removed))
            out.append(rest)
        else:
            out.append(line)
    first = next((n for n, line in enumerate(out) if line.strip()), None)
    if first is not None:  # "THE council voted ...": the first word as the rest of the text writes it
        out[first] = unshout_opening(out[first], "\n".join(out[:first] + out[first + 1:]))
    return Cleaned("\n".join(out), tuple(cuts))
