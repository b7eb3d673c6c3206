"""Market wraps: reports of how a stock market as a whole moved on a trading day.

A day's market reports ("Asian stocks slump on China worries", "Wall Street ends mixed", "Sensex
down 400 points", "GLOBAL MARKETS-Stocks recover ...") are one happening for a reader, the day's
markets, however differently each region's report is worded: an editor gives them one section.
Their words and embeddings agree little (Tokyo's open and New York's close share neither names
nor figures), so the event granularity joins them by what they are (:func:`is_market_wrap`) and
the day they were published, not by similarity.

A wrap is told by its headline and its lead together: the headline names a market as a whole (a
region's stocks, shares or markets, an index, a wire's market slug) and the headline or lead tells
it moving; the lead speaks of stocks, shares, an index or trading. One company's shares, analyst
notes, ratings, market-research adverts and explainers are no wrap.
"""

from __future__ import annotations

import re

__all__ = ["is_market_wrap"]

_INDEX = (r"(?:Dow(?:\s+Jones)?|S&P(?:\s*500|\s*/\s*ASX\s*200|\s*/\s*TSX)?|Nasdaq(?:\s+Composite)?|FTSE(?:\s*100)?|DAX|"
          r"CAC(?:\s*40)?|Nikkei(?:\s*225)?|Hang\s+Seng|Shanghai\s+Composite|Sensex|Nifty|Kospi|ASX(?:\s*200)?|TSX|"
          r"(?:Euro\s*)?Stoxx(?:\s*(?:50|600|Europe\s+600))?|All\s+Ordinaries|Straits\s+Times\s+Index|Topix|Jakarta\s+Composite|"
          r"KLCI|PSEi|Bovespa|IBEX(?:\s*35)?|FTSE\s*MIB|SMI|MSCI\b[\w\s-]{0,30}?\bindex)")
_REGION = (r"(?:Asian?|Europe(?:an)?|U\.\s?S\.|US|American|Global|World|Japanese|Japan|Chinese|China|Hong\s+Kong|Indian|India|"
           r"Australian|Australia|London|UK|British|German|French|Canadian|Emerging|Gulf|Mideast|Middle\s+East|Wall\s+Street|"
           r"Tokyo|Shanghai|Mumbai|Sydney|Toronto|Frankfurt|Paris|Seoul|Singapore|Taiwan|Korean|Brazilian|Russian|"
           r"Dubai|Saudi|Egyptian|African|Latin\s+American|Nordic)")
_MARKETS = r"(?:stocks|shares|equities|markets|stock\s+markets|bourses|indexes|indices|stock\s+indexes)"
_MARKETS_RE = re.compile(_MARKETS, re.IGNORECASE)
_SLUG = re.compile(r"^\W*(?:GLOBAL\s+MARKETS|(?:MIDEAST|EMERGING|EUROPE|ASIA|US|INDIA|CHINA)\s+(?:STOCKS|MARKETS)|"
                   r"STOCKS|MARKETS|EMERGING\s+MARKETS)\s*[-:]")
_HEADLINE = re.compile(rf"\b{_REGION}\s+(?:\w+\s+)?{_MARKETS}\b|\b{_INDEX}\b|^\W*(?:[A-Z][a-z]+day\s+\w+\s+)?(?:Stocks|Shares|"
                       r"Markets|Equities|Wall\s+Street)\b", re.IGNORECASE)
_MOVE = (r"(?:rise[sn]?|rose|fall(?:s|en)?|fell|gain(?:s|ed)?|los(?:e|es|t)|climb(?:s|ed)?|drop(?:s|ped)?|slip(?:s|ped)?|"
         r"add(?:s|ed)|edge[sd]?|jump(?:s|ed)?|tumble[sd]?|slide[sd]?|slid|decline[sd]?|advance[sd]?|close[sd]?|"
         r"end(?:s|ed)?|finish(?:es|ed)?|open(?:s|ed)?|plunge[sd]?|surge[sd]?|soar(?:s|ed)?|rall(?:y|ies|ied)|"
         r"rebound(?:s|ed)?|recover(?:s|ed)?|sink(?:s)?|sank|dive[sd]?|slump(?:s|ed)?|sag(?:s|ged)?|dip(?:s|ped)?|"
         r"pare[sd]?|extend(?:s|ed)?|steady|mixed|flat|higher|lower|up|down|rout|sell-?off|tumble|losses|gains)")
_MOVES = re.compile(rf"\b{_MOVE}\b", re.IGNORECASE)
# a region's market moving, named by the region alone: "Europe pares losses", "Asia rebounds" (the lead says stocks)
_REGION_MOVES = re.compile(rf"^\W*{_REGION}\s+{_MOVE}\b", re.IGNORECASE)
_LEAD = re.compile(rf"\b(?:{_MARKETS}|stock\s+market|trading|trade|investors|{_INDEX})\b", re.IGNORECASE)
# One company's shares, a rating, a research advert, an explainer: no market wrap.
_NOT_A_WRAP = re.compile(
    r"\((?:NYSE|NASDAQ|NYSEMKT|TSE|LON|ASX|BSE|NSE|OTC\w*)\s*:|\b(?:NYSE|NASDAQ)\s*:|\([A-Z]{1,5}\)\s*$|"
    r"\b(?:to\s+watch|to\s+buy|picks?|ratings?|upgrade[sd]?|downgrade[sd]?|price\s+target|target\s+price|analysts?|"
    r"research|report\s+20\d\d|forecasts?\s+to|market\s+(?:size|share|study|worth|analysis|research|report|outlook\s+for)|"
    r"20\d\d\s*-\s*20\d\d|CAGR|insider|52-week|shares?\s+of|buys?\s+back|repurchase[sd]?|dividend|IPO|Q&A|what\s+is|"
    r"how\s+to|why\s+(?:the\s+)?(?:stock|market)|bear\s+market\b.{0,20}\?|components?|larger\s+than|smaller\s+than)",
    re.IGNORECASE)


def is_market_wrap(title: str, lead: str) -> bool:
    """Return whether an article reports a stock market's moves for a trading day.

    :param title: the headline.
    :param lead: the opening of the text (its first few hundred characters are read).
    """
    head = " ".join(title.split())
    opening = " ".join(lead[:400].split())
    named = _SLUG.match(head) is not None or _HEADLINE.search(head) is not None or (
        _REGION_MOVES.match(head) is not None and _MARKETS_RE.search(opening[:250]) is not None)
    if not named or _NOT_A_WRAP.search(head) or _NOT_A_WRAP.search(opening[:160]):
        return False  # the headline is asked first: most articles name no market and are done there
    moving = _MOVES.search(head) is not None or _MOVES.search(opening[:250]) is not None
    return moving and _LEAD.search(opening) is not None
