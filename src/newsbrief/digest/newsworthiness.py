"""Newsworthiness signals for ranking, learned from the articles themselves.

Three signals, each explainable:

- :func:`independent_groups`: the outlets that told a story on their own. Articles of one
  outlet (by name or by host, so several feeds of one outlet count once) and near-copies of
  one text (syndicated or re-posted, by fingerprint, similarity hash or identical headline)
  are one voice.
- :func:`junk_reason`: why an article is not news, from general patterns of its title and
  text: finance-ticker templates (exchange symbols, rating changes, price targets, insider
  sales), market-research report promos, sales adverts, puzzles, horoscopes, lottery draws, satire that says
  so in its closing lines, a social-media post embedded as an item, and paywall or
  teaser stubs (very short text, subscription prompts, a text that does not tell its
  headline). No outlet is named anywhere.
- :class:`SourcePriors`: what an outlet's history in the store says about it: how often its
  stories are corroborated by an independent outlet, and how many of its items share a
  template (headline or opening shaped like its other items). A story is never its own
  evidence: its articles are left out of its outlets' history when it is scored.
- :func:`story_kind`: what kind of story an article tells, from its headline and opening: hard
  news (conflict, disaster, government, courts, markets, companies' big moves) against the kinds
  an editor ranks below it (press releases, results-call notices, analyst notes, personnel
  appointments, product promos, sports fixtures, obituaries and listings).
- :class:`ActorWeights`: how much weight the actors a story names carry, learned from the day:
  a name that many independent outlets mention (a head of state, a government, a large
  company) weighs more than one only the story's own outlets name.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsbrief.ingest.dedup import MIN_SHINGLES, fingerprint, hamming, shingle_count, simhash
from newsbrief.model import Article

__all__ = ["COMMENTARY", "ENTERTAINMENT", "LOCAL_INCIDENT", "REVIEW", "ActorWeights", "NOT_LEDE_KINDS", "SourcePriors", "actor_weights", "independent_groups", "junk_reason", "outlet_key",
           "source_priors", "story_kind"]

STUB_WORDS = 50
"""Below this many words an item is a teaser or stub, not a story."""

WIRE_BRIEF_WORDS = 20
"""A text credited to a news agency with at least this many words is a wire brief, not a stub."""

NEAR_COPY_BITS = 8
"""Similarity-hash distance under which two texts are one text told twice."""

PRIOR_STRENGTH = 20.0
"""Items of evidence an outlet needs before its own corroboration rate outweighs the average."""

_EXCHANGE = r"(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSEMKT|NYSEARCA|OTC[A-Z]*|LON|LSE|TSX|TSXV|ASX|ETR|EPA|FRA|HKG|TYO|NSE|BSE)"
_TICKER_TITLE = re.compile(r"\(\s*(?:" + _EXCHANGE + r"\s*:\s*)?([A-Z][A-Z0-9.\-]{0,5})\s*\)\s*$")
_NOT_TICKERS = frozenset({"AP", "AFP", "UPI", "VIDEO", "PHOTO", "PHOTOS", "PICS", "UPDATE", "UPDATED", "LIVE", "WATCH",
                          "LISTEN", "POLL", "GRAPHIC", "OPINION", "EXCLUSIVE", "REVIEW", "UK", "US", "USA", "EU", "UN"})
_EXCHANGE_SYMBOL = re.compile(r"\(\s*" + _EXCHANGE + r"\s*:\s*[A-Z][A-Z0-9.\-]{0,5}\s*\)")
_RATING = re.compile(
    r"\b(?:upgrade[sd]?|downgrade[sd]?|reiterat\w+|reaffirm\w+|maintain(?:s|ed)?\b.*\b(?:rating|outperform|buy|neutral)|"
    r"(?:initiat\w+|coverage\s+initiated|starts\s+coverage)|outperform|underperform|overweight|underweight|"
    r"price\s+target|\bPT\s+of\b|(?:strong[- ])?(?:buy|sell|hold|neutral)\s+rating|rating\s+(?:reaffirmed|reiterated|lowered|raised))",
    re.IGNORECASE)
_MARKET_TALK = re.compile(
    r"\b(?:(?:bearish|bullish)\s+technicals|support\s+at\s+\$|resistance\s+at\s+\$|ex-dividend|"
    r"(?:sells|buys|sold|bought)\s+[\d,.]+\s+shares|shares\s+(?:sold|bought)\s+by|\bEPS\b|"
    r"earnings\s+(?:preview|what\s+to\s+expect)|short\s+interest|unusual\s+options|52-week\s+(?:high|low)|"
    r"larger\s+than\s+s&p|market\s+movers?)\b",
    re.IGNORECASE)
_SHARES_OF = re.compile(r"^\W*(?:Shares\s+of\s+[A-Z]|[A-Z][\w.&' -]{1,60}\s+\(" + _EXCHANGE + r"\s*:)")
# A shop's or a seller's offer: "Available for JUST 99 CENTS is ...", "on sale for only $39.99", "Click here to buy",
# "get yours today" (never a report's "only $49.99" for a new device, which a news story may quote).
_SALES_ADVERT = re.compile(r"\b(?:available|on\s+sale|yours)\s+for\s+(?:just|only)\s+|\bclick\s+(?:here\s+)?(?:for|to)\b"
                           r"[^.]{0,60}\b(?:purchase|buy|order)\b|\b(?:buy|order|get)\s+(?:it|yours|a\s+copy)\s+(?:now|today|"
                           r"here)\b", re.IGNORECASE)
SALES_HEAD_CHARS = 1000
"""Characters of an item's text read for a seller's offer."""
_REPORT_PROMO = re.compile(
    r"\b(?:market\s+research\s+report|research\s+report|market\s+report|industry\s+report|"
    r"market\s+(?:size|share|analysis|outlook|forecast)s?\b.{0,60}\b(?:19|20)\d\d|"
    # a market sized in money in the headline: "Foot and Ankle Devices Market Worth USD 5.41 Billion by 2020"
    r"market\s+(?:is\s+)?(?:worth|to\s+(?:reach|be\s+worth|hit))\s+(?:USD|US\$|\$|\u20ac|\u00a3|EUR)\s?[\d.,]+\s*"
    r"(?:billion|million|trillion|bn|mn)\b|"
    r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b.{0,30}\b(?:forecast|outlook)|key\s+trends,\s+opportunities|"
    r"market\s+(?:19|20)\d\d\b.{0,40}\b(?:trends|growth|forecast|analysis)|"
    r"market\s+(?:forecasts?|research|analysis|outlook|size)\s+(?:report|study|to\s+(?:19|20)\d\d))",
    re.IGNORECASE)
# A market-research advert's lead: a growth rate ("CAGR") or a report's forecast, read with "market" in the headline.
_FORECAST_PROMO = re.compile(
    r"\bCAGR\b|compound\s+annual\s+growth\s+rate|"
    # a report's forecast told in its lead: "The global big data market size is expected to reach USD 72.38 billion
    # by 2022, according to a new report by ..."
    r"market\s+(?:size\s+)?is\s+(?:expected|projected|estimated|anticipated|forecast|poised)\s+to\s+"
    r"(?:reach|grow|be\s+worth|exceed|hit)\b.{0,80}?\bby\s+(?:19|20)\d\d\b.{0,40}?\baccording\s+to\s+"
    r"(?:a\s+)?(?:new\s+)?(?:\w+\s+){0,2}(?:report|study)", re.IGNORECASE)
_PUZZLE = re.compile(
    r"\b(?:horoscopes?|zodiac|star\s+signs?|crossword|sudoku|word\s+search|jumble|kakuro|wordle|"
    r"lottery|lotto|powerball|mega\s+millions|euromillions|winning\s+numbers|draw\s+results|pick\s+[34]\s+results|"
    r"jackpot|raffle|(?:wins?|won)\b.{0,50}\bdraw)\b",
    re.IGNORECASE)
_SIGNS = re.compile(r"\b(?:aries|taurus|gemini|cancer|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces)\b",
                    re.IGNORECASE)
_PROMPT = re.compile(
    r"\b(?:subscribe\s+(?:now|today|to\s+(?:read|continue|view|access|our|the))|already\s+a\s+(?:paid\s+)?subscriber|"
    r"(?:for|become\s+a)\s+subscribers?\b|subscribers?\s+only|sign\s+in\s+to\s+(?:read|continue)|"
    r"log\s?in\s+to\s+(?:read|continue)|to\s+continue\s+reading|click\s+to\s+continue|continue\s+reading|"
    r"read\s+more\b|read\s+the\s+full\s+(?:story|article)|this\s+feed\s+and\s+its\s+content|content\s+summary\s+only|"
    r"register\s+to\s+read|create\s+a\s+free\s+account|enable\s+(?:cookies|javascript)|you\s+were\s+a\s+bot|"
    r"discovered\s+approx)",
    re.IGNORECASE)
# a social-media post a site embeds as an item: "Vine: ...", "<user> tweeted: ...", "... - @handle"
_SOCIAL_POST = re.compile(r"^\W*(?:vine|instagram|twitter|tweet)\s*:|\btweeted\s*:|\s[-\u2013\u2014|]\s*@\w{2,}\s*$",
                          re.IGNORECASE)
_SATIRE = re.compile(
    r"\b(?:is|are)\s+(?:[\w'’]+\s+){0,3}(?:satire|satirical|parody|spoof)\b|"
    r"\bsatir(?:e|ical)\s+(?:column|site|website|blog|piece|news)\b|"
    r"\b(?:people|names|events|quotes)\b[^.]{0,40}\b(?:are|were)\s+(?:invented|fictional|fictitious|made\s+up)\b",
    re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_STOP = frozenset(
    "the a an and or but of to in on at for from by with as is are was were be been it its this that these those "
    "after before over under into about than then new says said say will would can could may might has have had "
    "not no yes his her their our your you we they he she who what when where why how all more most out up down "
    "off just now first last also".split())


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "feeds.", "feed.", "rss.", "m."):
        host = host.removeprefix(prefix)
    return host


def outlet_key(article: Article) -> str:
    """Return the name an article's outlet is counted under (casefolded; its host when unnamed).

    :param article: any article.
    """
    return (article.outlet or _host(article.url)).casefold().strip()


def _title_key(title: str) -> str:
    return " ".join(_WORD.findall(title.lower()))


def independent_groups(articles: Sequence[Article]) -> list[list[Article]]:
    """Group a story's articles into independent voices, in order of first appearance.

    Two articles are one voice when they share an outlet name or host (several feeds of one
    outlet), a text fingerprint, a near-identical text (similarity hash within
    :data:`NEAR_COPY_BITS` bits) or an identical headline (a syndicated copy, re-titled or not).

    :param articles: the story's articles.
    """
    if len(articles) < 2:
        return [list(articles)]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    seen: dict[str, int] = {}
    for i, a in enumerate(articles):
        keys = [f"o:{outlet_key(a)}", f"h:{_host(a.url)}"]
        if len(tk := _title_key(a.title)) >= 12:
            keys.append(f"t:{tk}")
        for k in keys:
            if k in seen:
                union(seen[k], i)
            else:
                seen[k] = i
    # Texts are compared only between voices still apart (the costly part, usually skipped).
    heads = {find(i) for i in range(len(articles))}
    if len(heads) > 1:
        prints: dict[str, int] = {}
        hashes: list[tuple[int, int]] = []
        for i, a in enumerate(articles):
            fp = fingerprint(a.text)
            if fp in prints:
                union(prints[fp], i)
            prints.setdefault(fp, i)
            if shingle_count(a.text) >= MIN_SHINGLES:
                h = simhash(a.text)
                for j, other in hashes:
                    if hamming(h, other) <= NEAR_COPY_BITS:
                        union(j, i)
                hashes.append((i, h))
    groups: dict[int, list[Article]] = defaultdict(list)
    for i, a in enumerate(articles):
        groups[find(i)].append(a)
    return list(groups.values())


def _content_words(text: str) -> list[str]:
    """Content words cut to five letters, so "climbs" meets "climbed" and "shoppers" meets "shopping"."""
    return [w[:5] for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 2 and w not in _STOP]


def junk_reason(title: str, text: str, *, wire: bool = False) -> str:
    """Return why an item is not news ("" when it may be news).

    :param title: the item's headline.
    :param text: its text (cleaned or raw).
    :param wire: the item credits a news agency: a short text is a wire brief (two sentences of
        news), not a teaser stub, when it has :data:`WIRE_BRIEF_WORDS` words or more.
    """
    head = text[:1500]
    words = len(text.split())
    ticker = _TICKER_TITLE.search(title)
    symbol = bool(ticker and ticker.group(1) not in _NOT_TICKERS) or bool(_EXCHANGE_SYMBOL.search(title))
    finance = bool(_EXCHANGE_SYMBOL.search(head)) or bool(_SHARES_OF.search(head))
    if _RATING.search(title) and (symbol or finance):
        return "analyst rating change"
    if _MARKET_TALK.search(title) and (symbol or finance):
        return "stock-market template"
    if symbol and (finance or _RATING.search(head) or _MARKET_TALK.search(head)):
        return "ticker symbol in the headline"
    if _REPORT_PROMO.search(title) or (_FORECAST_PROMO.search(head) and re.search(r"\bmarket\b", title, re.IGNORECASE)):
        return "market-research report promo"
    if _PUZZLE.search(title) or len(set(m.lower() for m in _SIGNS.findall(head))) >= 6:
        return "puzzle, horoscope or lottery"
    if _SALES_ADVERT.search(title) or _SALES_ADVERT.search(head[:SALES_HEAD_CHARS]):
        return "sales advert"
    if _SOCIAL_POST.search(title):
        return "social-media post"
    if _SATIRE.search(title) or _SATIRE.search(text[-600:]):
        return "satire (says so itself)"
    if words < STUB_WORDS and not (wire and words >= WIRE_BRIEF_WORDS):
        return "stub (very short text)"
    if words < 2 * STUB_WORDS and _PROMPT.search(text):
        return "stub (subscription or read-more prompt)"
    title_words = set(_content_words(title))
    if len(title_words) >= 3:
        body = set(_content_words(text[:4000]))
        if len(title_words & body) / len(title_words) < 0.25:
            return "text does not tell its headline"
    return ""


_MASK = re.compile(r"[A-Z0-9][\w.&'’-]*|\$[\d.,]+[a-zA-Z]*|\d[\d.,:%]*")


def _shape(text: str, limit: int = 60) -> tuple[str, ...]:
    """The first ``limit`` words of a text with names and numbers masked: the shape a template gives it."""
    return tuple(_MASK.sub("#", w) for w in text.split(None, limit)[:limit])


def _shape_grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _shape(text)
    grams = {words[i:i + n] for i in range(max(0, len(words) - n + 1))}
    return {g for g in grams if sum(w != "#" for w in g) >= 2}


@dataclass(frozen=True, slots=True)
class _Item:
    story_id: str
    corroborated: bool
    templated: bool


@dataclass(slots=True)
class SourcePriors:
    """Per-outlet evidence from the store's history, scored leaving out the story being ranked."""

    items: Mapping[str, Mapping[str, _Item]] = field(default_factory=dict)  # outlet key -> article id -> item
    base_rate: float = 0.0  # share of all items whose story an independent outlet corroborates

    def quality(self, outlet: str, *, exclude: Iterable[str] = ()) -> tuple[float, float]:
        """Return ``(corroboration, templated)`` of an outlet, both in [-1, 1] and [0, 1].

        Corroboration is the log-ratio of the outlet's smoothed corroboration rate to the
        average, clipped to [-1, 1] (0 without history); templated is the share of its items
        that share a template with its other items.

        :param outlet: an :func:`outlet_key`.
        :param exclude: article ids left out (the story being scored).
        """
        drop = set(exclude)
        mine = [it for aid, it in self.items.get(outlet, {}).items() if aid not in drop]
        if not mine or self.base_rate <= 0:
            return 0.0, 0.0
        rate = (sum(it.corroborated for it in mine) + PRIOR_STRENGTH * self.base_rate) / (len(mine) + PRIOR_STRENGTH)
        corroboration = max(-1.0, min(1.0, math.log2(rate / self.base_rate)))
        return corroboration, sum(it.templated for it in mine) / len(mine)


def source_priors(memberships: Iterable[tuple[Article, str]]) -> SourcePriors:
    """Learn each outlet's prior from stored ``(article, story_id)`` history.

    :param memberships: every clustered article of the window with its story.
    """
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article, story_id in memberships:
        by_story[story_id].append(article)
    corroborated: dict[str, bool] = {}
    by_outlet: dict[str, list[tuple[Article, str]]] = defaultdict(list)
    for story_id, arts in by_story.items():
        corroborated[story_id] = len(independent_groups(arts)) >= 2
        for a in arts:
            by_outlet[outlet_key(a)].append((a, story_id))
    items: dict[str, dict[str, _Item]] = {}
    for outlet, told in by_outlet.items():
        titles: dict[tuple[str, ...], int] = defaultdict(int)
        grams: dict[tuple[str, ...], int] = defaultdict(int)
        shapes = []
        for a, _ in told:
            t, g = _shape(a.title), _shape_grams(a.text)
            shapes.append((t, g))
            titles[t] += 1
            for x in g:
                grams[x] += 1
        items[outlet] = {}
        for (a, story_id), (t, g) in zip(told, shapes):
            shared_title = titles[t] > 1 and sum(w != "#" for w in t) >= 2
            shared_text = bool(g) and sum(grams[x] > 1 for x in g) >= max(3, len(g) // 3)
            items[outlet][a.id] = _Item(story_id, corroborated[story_id], shared_title or shared_text)
    total = sum(len(v) for v in items.values())
    hits = sum(it.corroborated for v in items.values() for it in v.values())
    return SourcePriors(items, hits / total if total else 0.0)


# What kind of story: hard news raises it, the kinds an editor ranks below hard news lower it.
_HARD = {
    "conflict": r"(?<!star\s)wars?|attacks?|attacked|air\s?strikes?|bomb\w*|militants?|troops|army|military|soldiers|rebels|"
                r"insurgents?|terror\w*|ceasefire|offensive|islamic\s+state|taliban|drones?|missiles?|invasion|clashes",
    "disaster": r"earthquake|floods?|flooding|storms?|hurricane|typhoon|cyclone|wildfires?|tsunami|disaster|crash(?:es|ed)?|"
                r"explosion|outbreak|epidemic|killed|dead|deaths?|death\s+toll|dies|died|injured|victims|rescued?|evacuat\w+",
    "government": r"presidents?|presidential|prime\s+minister|ministers?|government|parliament|congress|senate|lawmakers|"
                  r"MPs|elections?|referendum|campaign\w*|cabinet|chancellor|EU|European\s+Union|United\s+Nations|UN|NATO|"
                  r"summit|sanctions|treaty|diplomat\w*|refugees?|migrants?|asylum|border|White\s+House|Kremlin|Pentagon|"
                  r"governor|legislation|nuclear|state\s+visit|queen|king|pope",
    "courts": r"courts?|judge|jury|trial|convicted|sentenced|jail\w*|prison|lawsuit|sued|ruling|charged|arrest\w*|"
              r"indicted|prosecutors?|police|investigation|probe|antitrust|regulators?|fined|settlement",
    "markets": r"stocks|wall\s+street|dow|s&p\s*500|ftse|nikkei|federal\s+reserve|fed|central\s+bank|interest\s+rates?|"
               r"inflation|economy|economic|gdp|recession|oil\s+prices?|currency|yuan|merger|acquisitions?|acquires?|acquired|"
               r"takeover|buyout|buys|to\s+buy|stake|\$?\d+(?:\.\d+)?\s*(?:billion|bn)|bankrupt\w*|layoffs?|job\s+cuts|resigns?|resignation|steps\s+down|ousted|recalls?|"
               r"scandal|emissions",
}
# A county's, a city's or a school board's business is local news, not government at large: "County Government
# representatives will embark on a trade mission", "the city council approved the levy".
_LOCAL_BODY = r"(?<!county\s)(?<!city\s)(?<!town\s)(?<!village\s)(?<!borough\s)(?<!township\s)(?<!parish\s)(?<!municipal\s)(?<!local\s)"
_HARD_RE = {k: re.compile(r"(?<![\w-])" + (_LOCAL_BODY if k == "government" else "") + r"(?:" + v + r")(?![\w-])",
                          re.IGNORECASE) for k, v in _HARD.items()}
OBITUARY = "obituary or listing"
"""The kind (:func:`story_kind`) of an obituary, a death notice or a listing."""
_SOFT_TITLE = (
    ("results-call notice", re.compile(
        r"\b(?:conference\s+call|earnings\s+call|webcast|investor\s+(?:conference|day)|to\s+present\s+at|"
        r"(?:to\s+(?:report|announce|release|host)|schedules?|sets?\s+date\s+for)\b.{0,60}\b(?:results|earnings|call))\b",
        re.IGNORECASE)),
    ("analyst note", re.compile(
        r"\b(?:research\s+notes?|analysts?'?\s+(?:notes?|reports?|ratings?|estimates?)|stocks?\s+to\s+watch|top\s+picks|"
        r"(?:buy|sell)\s+signals?|technical\s+(?:analysis|outlook)|stock\s+(?:report|update|watch)|equity\s+research|"
        # a wire's daily list of the stocks that moved: "Meredith and Walt Disney are big market movers"
        r"market\s+movers|(?:biggest|top)\s+(?:stock\s+)?(?:gainers|losers))\b",
        re.IGNORECASE)),
    ("personnel appointment", re.compile(
        r"\b(?:appoints?|appointed|appointment\s+of|names?|named|hires?|hired|promotes?|promoted|welcomes?|taps|adds|joins)\b"
        r".{0,80}\b(?:CEO|CFO|COO|CTO|CMO|CIO|chief\s+\w+\s+officer|(?:vice[- ])?president\s+of\s+\w+|VP|directors?|"
        r"head\s+of|chair(?:man|woman)?|board|partner|managing\s+director|general\s+manager|executive)\b")),
    ("sports fixture or preview", re.compile(
        r"\b(?:fixtures?|schedule|preview|predictions?|how\s+to\s+watch|live\s+stream(?:ing)?|tv\s+channel|kick-?off|"
        r"line-?ups?|team\s+news|betting|odds)\b.{0,80}\b(?:cup|league|match|game|season|rugby|football|soccer|cricket|"
        r"nfl|nba|mlb|nhl|championship|tournament|derby|grand\s+prix)\b|\b(?:cup|league|rugby|football|soccer|cricket|nfl|"
        r"nba|championship|tournament)\b.{0,80}\b(?:fixtures?|schedule|preview|predictions?|how\s+to\s+watch|odds)\b",
        re.IGNORECASE)),
    ("news roundup", re.compile(
        r"^\W*(?:(?:today'?s|your|the|our|this\s+(?:week|morning)'?s?|morning|evening|daily|weekly|top)\s+)*(?:news\s+)?"
        r"(?:headlines|briefing|digest|news\s+in\s+brief|(?:daily|quick)\s+look|\d{1,2}\s+at\s+\d{1,2}|"
        r"things\s+to\s+(?:know|read|watch))\b|\b(?:news|link|links)\s+round-?up\b|"
        # a blog's list of links: "... and more: Links 1 on Sept. 14", "Morning links", "Links for Friday"
        r"\band\s+more:\s+links?\b|\blinks?\s+(?:\d+\s+)?(?:for|on)\s+(?:[a-z]{3,9}\.?\s+\d{1,2}|\w+day)\W*$|"
        r"\b(?:morning|daily|weekend|sunday|saturday|friday)\s+links\s*(?::|$)|"
        r"\b(?:morning|evening|daily)\s+(?:briefing|digest|headlines)\b|\bwhat\s+you\s+need\s+to\s+know\s+(?:today|this\s+"
        r"(?:morning|week))\b|"
        # a wire's daily list of the day's stories: "Obama pushes ...; ... (10 things to know for Tuesday)"
        r"\b\d+\s+things\s+to\s+know\s+(?:for|today|this|on)\b", re.IGNORECASE)),
    (OBITUARY, re.compile(
        r"\b(?:obituar(?:y|ies)|funeral|in\s+memoriam|death\s+notices?|police\s+(?:log|blotter)|calendar|"
        r"things\s+to\s+do|open\s+house|job\s+fair|classifieds?|real\s+estate\s+transactions|what'?s\s+on)\b",
        re.IGNORECASE)),
)
# What only a family's death notice writes (a news report of a death may say "survived by" too).
_DEATH_NOTICE = re.compile(r"\b(?:in\s+lieu\s+of\s+flowers|preceded\s+in\s+death|celebration\s+of\s+(?:his|her|their|"
                           r"[A-Z][\w-]*['\u2019]s)\s+life|visitation\s+will\s+be|(?:funeral|memorial)\s+(?:services?|mass)\s+"
                           r"will\s+be)\b", re.IGNORECASE)
KIND_TEXT_CHARS = 4000
"""Characters of a story's text read for what kind of work or notice it is (a death notice, a review, a promo)."""
# A review of a film, book, album or show: "Review: ...", "... | Film review", or a title ending in the
# work's year, "(1983)", whose text says what the work is ("is a 1983 Italian science fiction film").
_REVIEW_TITLE = re.compile(r"^\W*(?:(?:film|movie|book|album|theatre|theater|tv|game|concert)\s+)?review\s*[:|\-\u2013\u2014]|"
                           r"[:|\-\u2013\u2014]\s*(?:(?:film|movie|book|album|theatre|theater|tv|game|concert)\s+)?review\W*$",
                           re.IGNORECASE)
_YEAR_IN_PARENS = re.compile(r"\(\s*(?:19|20)\d\d\s*\)\W*$")
_WORK_OF = re.compile(r"\bis\s+an?\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,5}(?:film|movie|novel|book|album|documentary|"
                      r"series|sitcom|musical|play|opera|video\s+game)\b", re.IGNORECASE)
# An outlet's label for its opinion pages, opening the headline or as one of its " | " parts: "Editorial: ...",
# "Letter: ...", "Opinion: ...", "Guest column - ...", "... | Editorial | Somerset Reporter", a wire's "COLUMN-" slug.
_OPINION_TITLE = re.compile(
    r"^\W*(?i:opinion|editorial|letters?(?:\s+to\s+the\s+editor)?|letter\s+of\s+the\s+day|column|commentary|op-ed|"
    r"(?:our|my|your)\s+view|viewpoint|guest\s+(?:column|opinion|view|commentary))\s*[:|\-\u2013\u2014]|"
    r"\|\s*(?i:opinion|editorial|column|commentary|letters?(?:\s+to\s+the\s+editor)?)\s*(?:\||$)|^COLUMN-")
REVIEW = "review"
"""The kind (:func:`story_kind`) of a review of a film, book, album or show."""
# A crash, shooting or fire told as a local report: counties, sheriffs, troopers, road numbers, lanes.
_LOCAL = re.compile(
    r"(?<![\w-])(?:count(?:y|ies)|township|parish|borough|sheriff'?s?|deputies|troopers?|state\s+police|highway\s+patrol|"
    r"fire\s+(?:department|chief|crews?)|firefighters|officer-involved|motorists?|lanes|mile\s+markers?|MM|"
    r"(?:US|I|SR|Route|Hwy|Highway|Interstate)[ -]\d{1,3}|police\s+(?:said|say|says)|coroner|medical\s+examiner|"
    # a local police or rescue report: "the East Greenwich Police Department", "EMS", "booked into", "West precinct"
    r"police\s+department|EMS|paramedics|(?:first\s+)?responders|responded\s+to\s+the\s+scene|precinct|"
    r"detectives|booked\s+(?:him|her|them)?\s*into|dispatchers?)(?![\w-])",
    re.IGNORECASE)
# a natural disaster is often regional news, however local its words: it is never a local incident
_NATURAL = re.compile(r"\b(?:[A-Z]\w+\s+Fire|(?i:wildfires?|bushfires?|floods?|flooding|storms?|hurricane|typhoon|"
                      r"cyclone|tornado(?:es)?|earthquake|quake|tsunami|landslides?|volcano|drought|heat\s?wave))\b")
LOCAL_MIN_MARKERS = 5
"""Local-report words (:data:`_LOCAL`) in an incident's headline and opening that make it a local incident."""
LOCAL_HEAD_CHARS = 1500
_PRESS_RELEASE = re.compile(
    r"\((?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|Marketwired|ACCESSWIRE|BPT|StatePoint|NewsUSA|PRWEB|PRLog|Newswire\.com)\)|"
    r"/PRNewswire(?:-[\w-]+)?/|\bSource:\s+PR\s+Newswire\b|\u00a9\s+PR\s+Newswire\b|"
    r"\bPRNewswire\b|^SOURCE\s+[A-Z]|forward-looking\s+statements|^(?:Media|Investor|Press)\s+(?:Contacts?|Relations)\b|"
    r"To\s+view\s+the\s+original\s+version|^About\s+[A-Z][\w&.,' -]{1,60}$|^Contact:|\bsponsored\s+(?:content|post)\b|"
    # a release's dateline credit and header, a wire's source note, its media contact and its closing call to the site
    r"\((?:SBWIRE|EmailWire|openPR)\)|\b(?i:for\s+immediate\s+release)\b|\bView\s+source\s+version\s+on\s+businesswire\.com\b|"
    r"\bFor\s+(?:media|press)\s+(?:enquiries|inquiries)\b|"
    r"\b(?:[Vv]isit|[Gg]o\s+to|[Ll]og\s+on\s+to)\s+(?:us\s+(?:at|online\s+at)\s+|the\s+website\s+at\s+)?(?:https?://)?www\.[\w.-]+"
    r"\.[a-z]{2,}(?:/\S*)?\s+(?:for\s+(?:more\s+)?(?:information|details|info)|to\s+learn\s+more)|"
    r"\b[Ff]or\s+more\s+(?:updates\s+and\s+)?information,?\s+(?:please\s+)?visit\s+(?:the\s+website\s+at\s+)?(?:https?://)?www\.",
    re.MULTILINE)
_PRODUCT = re.compile(r"\b(?:launch(?:es|ed)?|unveils?|introduces?|debuts?|now\s+available|available\s+now|rolls\s+out|"
                      r"new\s+(?:line|collection|range|menu|flavou?rs?|look))\b", re.IGNORECASE)
_SALES_CUE = re.compile(r"\b(?:available\s+(?:at|in\s+stores|online|now)|order\s+(?:now|online)|visit\s+(?:www\.|us\s+at)|"
                        r"priced\s+at|retail\s+price|MSRP|suggested\s+price|pre-?orders?|free\s+shipping|"
                        r"for\s+more\s+information,?\s+(?:visit|call|contact))\b", re.IGNORECASE)
# A writer's own voice outside quotation marks: "we must", "our friends", "Imagine ...", "Let's join ...".
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|(?<!\w)'[^']*'(?!\w)")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|I'm|I've|we're|We're|we've|We've)\b")
_EXHORTATION = re.compile(r"^(?:Imagine|Let's|Let us|Consider|Think about|Don't forget|Remember)\b")
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|added|adds|according|claimed|claims|insisted|explained|"
                       r"stated|wrote|writes|asked|recalled|warned|announced)\b")
_OPINION_SENTENCE = re.compile(r"(?<=[.!?])\s+")
OPINION_HEAD_CHARS = 2000
"""Characters of the opening read for a writer's own voice."""
OPINION_MIN_SENTENCES = 3
"""Sentences of the opening in the writer's own voice (a "we" or "I" that no one is reported to have said, outside
quotation marks, or an exhortation: "Imagine ...", "Let's ...") that make an item commentary, not a report."""
COMMENTARY = "opinion or commentary"
"""The kind (:func:`story_kind`) of an item in its writer's own voice."""
LOCAL_INCIDENT = "local incident"
"""The kind (:func:`story_kind`) of a crash, shooting or fire reported as local news."""
ENTERTAINMENT = "entertainment"
"""The kind (:func:`story_kind`) of news about entertainers, their songs, shows and love lives."""
# An entertainer, a work or a romance in the headline: "Girls star talks student loans with ...", "Madonna dedicates
# song to the Pope", "Singer X splits from boyfriend". A show's star is "<Name> star"; "All-Star" and "star witness" are
# not. A death is news whoever died ("Singer X dies at 70"), so a headline that reports one keeps its hard-news value.
_ENTERTAINMENT = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’]*\s+(?i:star)|(?i:(?:pop|movie|film|tv|reality|hollywood|rap|country|rock|soap|"
    r"sitcom)\s+star|singer|rapper|actor|actress|comedian|celebrit(?:y|ies)|supermodel|songs?|album|concert|red\s+"
    r"carpet|music\s+video|boyfriend|girlfriend|ex-wife|ex-husband))(?![\w-])")
_DEATH_TITLE = re.compile(r"\b(?:dies|died|dead|death|killed|suicide|murder(?:ed)?|funeral|tribute)\b", re.IGNORECASE)
NOT_LEDE_KINDS = frozenset({"results-call notice", "analyst note", "sports fixture or preview", OBITUARY,
                            "product promo", "news roundup", REVIEW, COMMENTARY})
"""Kinds of story (:func:`story_kind`) that are never news enough for the digest's lede."""
KIND_HEAD_CHARS = 600
"""Characters of the opening read, beside the headline, to tell hard news (the lead paragraph)."""


_OPENING_MARKS = "\"\u201c\u2018"


def _unquoted(text: str) -> str:
    """The text outside quotation marks, paragraph by paragraph. A paragraph that opens on a quotation mark is a
    speaker's (a quotation over several paragraphs reopens each one and closes only the last), and a mark left
    open at a paragraph's end quotes the rest of it."""
    kept = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph or paragraph[0] in _OPENING_MARKS:
            continue
        paragraph = _QUOTED.sub(" ", paragraph)
        open_at = [i for i in (paragraph.find('"'), paragraph.find("\u201c")) if i >= 0]
        kept.append(paragraph[:min(open_at)] if open_at else paragraph)
    return "\n".join(kept)


def _own_voice(text: str) -> int:
    """Sentences in the writer's own voice: a first person no one is reported to say, or an exhortation."""
    count = 0
    for sentence in _OPINION_SENTENCE.split(_unquoted(text)):
        sentence = sentence.strip()
        if _EXHORTATION.match(sentence) or (_FIRST_PERSON.search(sentence) and not _REPORTED.search(sentence)):
            count += 1
    return count


def story_kind(title: str, text: str) -> tuple[str, float]:
    """Return what kind of story an item tells and its value in [-1, 1].

    Hard news scores up to 1: each kind of hard news (conflict, disaster, government, courts,
    markets and companies' big moves) counts 0.5 in the headline and 0.25 in the opening, capped
    at 1. The kinds an editor ranks below hard news score -1: results-call notices, analyst
    notes, product promos, sports fixtures, another outlet's news roundup (a digest of
    headlines), obituaries and listings; a personnel appointment, a review, commentary
    (a headline labelled as opinion, "Editorial: ...", or :data:`OPINION_MIN_SENTENCES` sentences of the
    opening in the writer's own voice) and a
    local incident (a crash, shooting or police matter whose headline and opening carry
    :data:`LOCAL_MIN_MARKERS` words of a local report: county, sheriff, troopers, road numbers;
    never one whose headline is about government, war or business, or names a natural disaster)
    and news about entertainers (:data:`ENTERTAINMENT`; never a death) take 1 off its hard-news value, a press
    release 0.5.

    :param title: the item's headline.
    :param text: its text (cleaned).
    """
    head = text[:KIND_HEAD_CHARS]
    in_title = sorted(k for k, rx in _HARD_RE.items() if rx.search(title))
    in_head = sorted(k for k, rx in _HARD_RE.items() if k not in in_title and rx.search(head))
    hard = min(1.0, (len(in_title) + 0.5 * len(in_head)) / 2)
    for name, rx in _SOFT_TITLE:
        if rx.search(title):
            # An appointment may be hard news too (a chief executive ousted); the others never are.
            return name, round(hard - 1.0, 4) if name == "personnel appointment" else -1.0
    if not in_title and _DEATH_NOTICE.search(text[:KIND_TEXT_CHARS]):
        return OBITUARY, -1.0  # a family's notice under the name of the dead ("Jo Reyes", "Obituary for ...")
    if _REVIEW_TITLE.search(title) or (_YEAR_IN_PARENS.search(title) and _WORK_OF.search(text[:KIND_TEXT_CHARS])):
        return REVIEW, round(hard - 1.0, 4)
    if _PRODUCT.search(title) and _SALES_CUE.search(text[:KIND_TEXT_CHARS]):
        return "product promo", -1.0
    if _PRESS_RELEASE.search(text):
        return "press release", round(hard - 0.5, 4)
    if _OPINION_TITLE.search(title) or _own_voice(text[:OPINION_HEAD_CHARS]) >= OPINION_MIN_SENTENCES:
        return COMMENTARY, round(hard - 1.0, 4)
    if _ENTERTAINMENT.search(title) and not _DEATH_TITLE.search(title):
        return ENTERTAINMENT, round(hard - 1.0, 4)
    if (set(in_title) <= {"disaster", "courts"} and {"disaster", "courts"} & set(in_title + in_head)
            and not _NATURAL.search(title)
            and len(_LOCAL.findall(title + " " + text[:LOCAL_HEAD_CHARS])) >= LOCAL_MIN_MARKERS):
        return LOCAL_INCIDENT, round(hard - 1.0, 4)
    return ("hard news: " + ", ".join(in_title + in_head)) if hard else "other news", round(hard, 4)


_NAME_WORD = r"(?:[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z][a-z]+)?|[A-Z]{2,5}|[A-Z]\.(?:[A-Z]\.)+)"
_NAME = re.compile(r"(?<![\w'’])" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*(?![\w'’])")
_ASIDE = re.compile(r"\([^()]{0,40}\)")  # "(Reuters)", "(NYSE: X)": credits and symbols, not actors
_WORD_ANY = re.compile(r"[A-Za-z][A-Za-z'’]*")
_NOT_ACTOR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow "
    "mr mrs ms dr st am pm edt est cdt cst pdt pst gmt bst utc inc corp corporation co ltd llc plc ag sa nv group "
    "ceo cfo coo cto chairman president minister secretary university county street news photo video tv "
    "however meanwhile nevertheless moreover although oh yes".split())
ACTOR_HEAD_CHARS = 1000
"""Characters of each article, after its headline, searched for the actors it names."""
ACTOR_TOP = 3
"""A story weighs as much as the mean of its three weightiest actors."""


def _names(title: str, text: str, vocabulary: frozenset[str]) -> set[str]:
    """Names an article gives in its headline and opening: runs of capitalized words, without
    asides in brackets, titles, calendar words and words the day mostly writes in lower case
    (``"However, President Barack Obama"`` gives ``"Barack Obama"``)."""
    out = set()
    for m in _NAME.finditer(_ASIDE.sub(" ", f"{title}\n{text[:ACTOR_HEAD_CHARS]}")):
        words = [w for w in m.group(0).replace(".", "").split()
                 if w.lower() not in _NOT_ACTOR and w.lower() not in _STOP and w not in vocabulary]
        if words and len(words[0]) > 1:
            out.add(" ".join(words))
    return out


@dataclass(frozen=True, slots=True)
class ActorWeights:
    """Which outlets of the day name each actor (see :func:`actor_weights`)."""

    outlets: Mapping[str, frozenset[str]] = field(default_factory=dict)  # name -> outlet keys naming it
    scale: float = 1.0  # log2(1 + outlets) of the weightiest actor of the day
    vocabulary: frozenset[str] = frozenset()  # capitalized words the day mostly writes in lower case

    def weight(self, articles: Sequence[Article]) -> tuple[float, tuple[str, ...]]:
        """Return the weight in [0, 1] of the actors a story names, and those actors (weightiest first).

        An actor weighs by the independent outlets of the day that name it, not counting the
        story's own outlets (a story is not its own evidence); the story weighs as much as the
        mean of its :data:`ACTOR_TOP` weightiest actors, log-scaled against the day's weightiest.

        :param articles: the story's articles.
        """
        own = {outlet_key(a) for a in articles}
        names = set().union(*(_names(a.title, a.text, self.vocabulary) for a in articles)) if articles else set()
        counts = sorted(((len(self.outlets[n] - own), n) for n in names if n in self.outlets), reverse=True)
        top = [(c, n) for c, n in counts[:ACTOR_TOP] if c > 0]
        if not top or self.scale <= 0:
            return 0.0, ()
        mean = sum(math.log2(1 + c) for c, _ in top) / ACTOR_TOP
        return round(min(1.0, mean / self.scale), 4), tuple(n for _, n in top)


def actor_weights(articles: Iterable[Article]) -> ActorWeights:
    """Learn from the day's articles which outlets name each actor.

    A word is part of a name when the day's texts write it capitalized far more often than not
    (so a sentence's first word is not an actor); items that are not news (:func:`junk_reason`)
    do not count, nor names only one outlet uses.

    :param articles: the day's articles.
    """
    arts = [a for a in articles if not junk_reason(a.title, a.text)]
    capital: dict[str, int] = defaultdict(int)
    lower: dict[str, int] = defaultdict(int)
    for a in arts:
        for m in _WORD_ANY.finditer(f"{a.title}\n{a.text[:ACTOR_HEAD_CHARS]}"):
            w = m.group(0)
            if w[0].isupper():
                capital[w] += 1
            else:
                lower[w[0].upper() + w[1:]] += 1
    vocabulary = frozenset(w for w, n in capital.items() if 3 * lower.get(w, 0) > n)
    named: dict[str, set[str]] = defaultdict(set)
    for a in arts:
        for n in _names(a.title, a.text, vocabulary):
            named[n].add(outlet_key(a))
    outlets = {n: frozenset(o) for n, o in named.items() if len(o) > 1}
    scale = max((math.log2(1 + len(o)) for o in outlets.values()), default=0.0)
    return ActorWeights(outlets, scale, vocabulary)
