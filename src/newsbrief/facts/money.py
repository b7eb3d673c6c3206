"""Money amounts, percentages and quantities found in text, with currency and scale normalised.

``"$10 million"`` becomes ``10_000_000`` USD, ``"€1.5bn"`` becomes ``1_500_000_000`` EUR and
``"20-30%"`` becomes the range 20..30. Spans are found with regular expressions written for
news copy; nothing here needs spaCy.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

__all__ = ["Money", "Percent", "Quantity", "find_money", "find_percents", "find_quantities", "parse_money"]

_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
    "c$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "aud": "AUD",
    "chf": "CHF",
    "s$": "SGD",
    "sgd": "SGD",
    "hk$": "HKD",
    "cny": "CNY",
    "rmb": "CNY",
    "krw": "KRW",
    "₩": "KRW",
    "r$": "BRL",
    "brl": "BRL",
    "nok": "NOK",
    "sek": "SEK",
    "dkk": "DKK",
    "pln": "PLN",
    "zar": "ZAR",
    "mxn": "MXN",
    "nzd": "NZD",
    "nz$": "NZD",
}
_WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "yuan": "CNY",
    "won": "KRW",
    "francs": "CHF",
    "zloty": "PLN",
    "zlotys": "PLN",
    "rand": "ZAR",
    "pesos": "MXN",
}
_SCALES: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|millions?|billions?|trillion|crores?|lakh|mln|bln|mn|bn|tn|[kmbt])\b"
_PREFIX = (
    r"(?:US\$\s?|HK\$|C\$|A\$|S\$|R\$\s?|\$|€|£|¥|₹|₩|(?:USD|EUR|GBP|JPY|INR|CAD|AUD|CHF|SGD|CNY|RMB|KRW|BRL|NOK|SEK|DKK|PLN|ZAR|MXN|NZD|Rs\.?)\s?)"
)
_SUFFIX_CUR = (
    r"(?:USD|EUR|GBP|JPY|INR|CHF|NOK|SEK|DKK|PLN|ZAR|MXN|dollars?|euros?|pounds(?: sterling)?|sterling|yen|rupees|yuan|won|"
    r"francs|zlotys?|rand|pesos)\b"
)

# "$10 million", "€1.5bn", "$5-7 million", "USD 300m"
_MONEY_PREFIXED = re.compile(
    rf"(?P<cur>{_PREFIX})(?P<num>{_NUM})(?:\s?(?:-|–|to)\s?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE}))?",
    re.IGNORECASE,
)
# "10 million euros", "2.5bn dollars", "300 million USD"
_MONEY_SUFFIXED = re.compile(
    rf"(?<![\w$€£¥₹])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s(?P<cur>{_SUFFIX_CUR})",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?:\s?%?\s?(?:-|–|to)\s?(?P<num2>{_NUM}))?\s?(?:%|per ?cent\b|percent\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    """A money amount found in text: value in currency units, optional upper bound."""

    amount: float
    currency: str
    text: str
    start: int
    end: int
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage or a percentage range found in text."""

    value: float
    text: str
    start: int
    end: int
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted or measured amount that is not money: "50,000 GPUs", "1.2 gigawatts"."""

    value: float
    unit: str
    text: str
    start: int
    end: int


_UNITS = {
    "gw": "GW", "gigawatt": "GW", "gigawatts": "GW", "mw": "MW", "megawatt": "MW", "megawatts": "MW",
    "kw": "kW", "twh": "TWh", "gwh": "GWh", "mwh": "MWh", "km": "km", "kilometers": "km",
    "kilometres": "km", "miles": "mi", "tonnes": "t", "tons": "t", "kg": "kg", "nm": "nm",
    "petaflops": "PFLOPS", "exaflops": "EFLOPS", "tb": "TB", "gb": "GB", "pb": "PB",
}  # fmt: skip
_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹.,])(?P<num>{_NUM})(?:\s?(?P<scale>thousand|million|billion|trillion)\b)?\s?"
    r"(?P<unit>[A-Za-z][A-Za-z-]{1,20})\b"
)
_NOT_UNITS = {
    "percent", "per", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
    "minutes", "am", "pm", "and", "to", "or", "of", "in", "on", "the", "a", "at", "by", "for",
    "million", "billion", "trillion", "thousand", "bn", "m", "k", "mn", "tn", "dollars", "euros",
    "pounds", "yen", "rupees", "yuan", "won", "francs", "crore", "lakh", "st", "nd", "rd", "th", "times",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "q1", "q2", "q3", "q4",
}  # fmt: skip


def find_quantities(text: str) -> list[Quantity]:
    """Return counted or measured amounts that are neither money, percentages nor dates.

    Units are normalised where known ("gigawatts" -> "GW"); other units are the counted noun
    as written ("GPUs", "employees").

    :param text: any English text.
    """
    taken = [(m.start, m.end) for m in find_money(text)] + [(p.start, p.end) for p in find_percents(text)]
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        unit = m.group("unit")
        if unit.lower() in _NOT_UNITS or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        value = _num(m.group("num")) * _scale(m.group("scale"))
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not m.group("scale"):
            continue  # a year, not a count
        out.append(Quantity(value, _UNITS.get(unit.lower(), unit), m.group(0), m.start(), m.end()))
    return out


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _currency(token: str) -> str:
    key = token.strip().lower()
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if key.startswith("pounds"):
        return "GBP"
    return _WORDS.get(key, key.upper())


def _scale(token: str | None) -> float:
    if not token:
        return 1.0
    return _SCALES.get(token.lower(), 1.0)


def find_money(text: str) -> list[Money]:
    """Return the money amounts in ``text``, in order, with scale and currency normalised.

    :param text: any English text.
    """
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for rx in (_MONEY_PREFIXED, _MONEY_SUFFIXED):
        for m in rx.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            scale_tok = m.group("scale")
            # a bare single-letter scale must touch the number ("$5m", "$5 m" is too risky)
            if scale_tok and len(scale_tok) == 1 and text[m.start("scale") - 1] == " ":
                scale_tok = None
                end = m.end("num2") if m.group("num2") else m.end("num")
            scale = _scale(scale_tok)
            cur = _currency(m.group("cur"))
            low = _num(m.group("num")) * scale
            high = None
            if "num2" in m.groupdict() and m.group("num2"):
                high = _num(m.group("num2")) * scale
            taken.append((start, end))
            found.append(Money(low, cur, text[start:end].strip(), start, end, high))
    found.sort(key=lambda x: x.start)
    return found


def find_percents(text: str) -> list[Percent]:
    """Return the percentages in ``text``; ``"20-30%"`` gives ``value=20, high=30``.

    :param text: any English text.
    """
    out: list[Percent] = []
    for m in _PERCENT.finditer(text):
        high = _num(m.group("num2")) if m.group("num2") else None
        out.append(Percent(_num(m.group("num")), m.group(0), m.start(), m.end(), high))
    return out


def parse_money(text: str) -> tuple[float, str] | None:
    """Parse one money expression such as ``"$400 billion"`` into ``(amount, currency)``.

    :param text: a short span holding one amount; ``None`` when no amount is found.
    """
    found = find_money(text)
    if not found:
        return None
    return found[0].amount, found[0].currency
