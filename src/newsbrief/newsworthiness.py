"""Newsworthiness signals for ranking, learned from the articles themselves.

Three signals, each explainable:

- :func:`independent_groups`: the outlets that told a story on their own. Articles of one
  outlet (by name or by host, so several feeds of one outlet count once) and near-copies of
  one text (syndicated or re-posted, by fingerprint, similarity hash or identical headline)
  are one voice.
- :func:`junk_reason`: why an article is not news, from general patterns of its title and
  text: finance-ticker templates (exchange symbols, rating changes, price targets, insider
  sales), market-research report promos, puzzles, horoscopes, lottery draws, and paywall or
  teaser stubs (very short text, subscription prompts, a text that does not tell its
  headline). No outlet is named anywhere.
- :class:`SourcePriors`: what an outlet's history in the store says about it: how often its
  stories are corroborated by an independent outlet, and how many of its items share a
  template (headline or opening shaped like its other items). A story is never its own
  evidence: its articles are left out of its outlets' history when it is scored.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dedup import MIN_SHINGLES, fingerprint, hamming, shingle_count, simhash
from .model import Article

__all__ = ["SourcePriors", "independent_groups", "junk_reason", "outlet_key", "source_priors"]

STUB_WORDS = 50
"""Below this many words an item is a teaser or stub, not a story."""

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
_REPORT_PROMO = re.compile(
    r"\b(?:market\s+research\s+report|research\s+report|market\s+report|industry\s+report|"
    r"market\s+(?:size|share|analysis|outlook|forecast)s?\b.{0,40}\b(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b.{0,30}\b(?:forecast|outlook)|key\s+trends,\s+opportunities|"
    r"market\s+(?:19|20)\d\d\b.{0,40}\b(?:trends|growth|forecast|analysis))",
    re.IGNORECASE)
_CAGR = re.compile(r"\bCAGR\b|compound\s+annual\s+growth\s+rate", re.IGNORECASE)
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


def junk_reason(title: str, text: str) -> str:
    """Return why an item is not news ("" when it may be news).

    :param title: the item's headline.
    :param text: its text (cleaned or raw).
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
    if _REPORT_PROMO.search(title) or (_CAGR.search(head) and re.search(r"\bmarket\b", title, re.IGNORECASE)):
        return "market-research report promo"
    if _PUZZLE.search(title) or len(set(m.lower() for m in _SIGNS.findall(head))) >= 6:
        return "puzzle, horoscope or lottery"
    if words < STUB_WORDS:
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
