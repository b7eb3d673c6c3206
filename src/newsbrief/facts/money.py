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

# every active ISO 4217 code; matched in upper case only ("ALL", "TOP" and "CUP" are words too)
ISO_CODES = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF
IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK
MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS
VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL RMB
""".split())
# symbols and prefixed-dollar forms, longest first when matched
_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD",
    "hk$": "HKD", "s$": "SGD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₦": "NGN", "₱": "PHP", "₺": "TRY", "₽": "RUB", "₫": "VND", "฿": "THB", "₪": "ILS",
    "₴": "UAH", "₵": "GHS", "₸": "KZT", "₡": "CRC", "rs": "INR", "rs.": "INR", "r": "ZAR", "rp": "IDR", "rm": "MYR",
    "ksh": "KES", "ksh.": "KES", "kes": "KES", "zł": "PLN", "kč": "CZK", "tk": "BDT", "rmb": "CNY", "fr.": "CHF",
    "e£": "EGP", "le": "EGP",
}  # fmt: skip
# currency names (singular and plural); a nationality before a shared name picks the country
_WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "rupee": "INR",
    "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "franc": "CHF", "zloty": "PLN", "zlotych": "PLN",
    "rand": "ZAR", "peso": "MXN", "naira": "NGN", "lira": "TRY", "lire": "TRY", "dirham": "AED",
    "shilling": "KES", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "koruna": "CZK",
    "korun": "CZK", "forint": "HUF", "ringgit": "MYR", "baht": "THB", "dong": "VND", "rupiah": "IDR",
    "reais": "BRL", "riyal": "SAR", "rial": "IRR", "dinar": "KWD", "leu": "RON", "lei": "RON", "lev": "BGN",
    "leva": "BGN", "hryvnia": "UAH", "hryvnias": "UAH", "rouble": "RUB", "ruble": "RUB", "shekel": "ILS",
    "cedi": "GHS", "kwacha": "ZMW", "birr": "ETB", "taka": "BDT", "tenge": "KZT", "soles": "PEN",
    "quetzal": "GTQ", "quetzales": "GTQ", "rupees": "INR", "kip": "LAK", "riel": "KHR", "kyat": "MMK",
}  # fmt: skip
_NATIONAL: dict[tuple[str, str], str] = {
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD", ("new zealand", "dollar"): "NZD",
    ("hong kong", "dollar"): "HKD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD", ("u.s.", "dollar"): "USD", ("us", "dollar"): "USD",
    ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP", ("philippine", "peso"): "PHP",
    ("argentine", "peso"): "ARS", ("argentinian", "peso"): "ARS", ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP", ("mexican", "peso"): "MXN", ("uruguayan", "peso"): "UYU",
    ("dominican", "peso"): "DOP", ("pakistani", "rupee"): "PKR", ("sri lankan", "rupee"): "LKR",
    ("nepalese", "rupee"): "NPR", ("indian", "rupee"): "INR", ("moroccan", "dirham"): "MAD",
    ("emirati", "dirham"): "AED", ("uae", "dirham"): "AED", ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS", ("kenyan", "shilling"): "KES", ("swiss", "franc"): "CHF",
    ("swedish", "krona"): "SEK", ("norwegian", "krone"): "NOK", ("danish", "krone"): "DKK",
    ("icelandic", "krona"): "ISK", ("qatari", "riyal"): "QAR", ("saudi", "riyal"): "SAR",
    ("omani", "rial"): "OMR", ("iranian", "rial"): "IRR", ("kuwaiti", "dinar"): "KWD",
    ("bahraini", "dinar"): "BHD", ("jordanian", "dinar"): "JOD", ("tunisian", "dinar"): "TND",
    ("algerian", "dinar"): "DZD", ("iraqi", "dinar"): "IQD", ("serbian", "dinar"): "RSD",
    ("brazilian", "real"): "BRL", ("romanian", "leu"): "RON", ("moldovan", "leu"): "MDL",
    ("czech", "koruna"): "CZK", ("turkish", "lira"): "TRY", ("peruvian", "sol"): "PEN",
    ("chinese", "yuan"): "CNY", ("south african", "rand"): "ZAR", ("nigerian", "naira"): "NGN",
    ("cfa", "franc"): "XOF", ("rwandan", "franc"): "RWF", ("congolese", "franc"): "CDF",
    ("ghanaian", "cedi"): "GHS", ("zambian", "kwacha"): "ZMW", ("malawian", "kwacha"): "MWK",
}  # fmt: skip
_SCALES: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "billions": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12,
    "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|millions?|billions?|trillion|crores?|lakhs?|lacs?|cr|mln|bln|mio|mn|bn|tn|[kmbt])\b"
# codes that are also English words ("ALL", "TOP", "CUP") are read as currencies only after a number
_CODES = "|".join(sorted(ISO_CODES - {"ALL", "TOP", "CUP", "SOS", "MOP"}))
_ALL_CODES = "|".join(sorted(ISO_CODES))
# a currency written before the number: "$", "C$", "US$ ", "CZK ", "Rs ", "R65", "KSh 650", "Rp 160"
CURRENCY_PREFIX = (
    r"(?:(?:US|U\.S\.|CA|AU|NZ|HK|NT|MX|C|A|S|R)\$\s?|\$|[€£¥₹₩₦₱₺₽₫฿₪₴₵₸₡]\s?|E£\s?|"
    rf"(?-i:(?:{_CODES})\s?)(?=\d)|(?-i:Rs\.?|Rp\.?|RM|KSh\.?|Ksh\.?|Tk\.?|Fr\.|zł)\s?(?=\d)|(?-i:R)(?=(?:{_NUM})\s?{_SCALE}))"
)
_PREFIX = CURRENCY_PREFIX
_NAMES = "|".join(sorted({*(_WORDS), *(f"{w}s" for w in _WORDS if not w.endswith(("s", "a", "i"))), "pesos", "liras", "dollars", "euros", "pounds"}, key=len, reverse=True))
_NATIONS = "|".join(sorted({re.escape(n) for n, _ in _NATIONAL}, key=len, reverse=True))
_SUFFIX_CUR = (
    rf"(?:(?-i:(?:{_ALL_CODES}))\b|(?:(?P<nation>{_NATIONS})\s+)?(?:pounds\s+sterling|(?P<name>{_NAMES}))\b|(?-i:Brazilian)\s+real\b|(?-i:Peruvian)\s+sol(?:es)?\b)"
)

# "$10 million", "€1.5bn", "$5-7 million", "USD 300m", "CZK 120 million", "R65 million", "KSh 650 million"
_MONEY_PREFIXED = re.compile(
    rf"(?<![\w$])(?P<cur>{_PREFIX})(?P<num>{_NUM})(?:\s?(?:-|–|to)\s?(?P<num2>{_NUM}))?"
    # "$540-million" is hyphenated like an adjective: the scale still belongs to the number
    rf"(?:(?:\s|-)?(?P<scale>{_SCALE}))?",
    re.IGNORECASE,
)
# "10 million euros", "2.5bn dollars", "300 million USD", "4.2 billion naira", "900 million peso credit line"
_MONEY_SUFFIXED = re.compile(
    rf"(?<![\w$€£¥₹])(?P<num>{_NUM})(?:\s?(?:-|–|to)\s?(?P<num2>{_NUM}))?(?:\s?(?P<scale>{_SCALE}))?[\s-](?P<cur>{_SUFFIX_CUR})",
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
    key = re.sub(r"\s+", " ", token.strip().lower())
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if key.upper() in ISO_CODES:
        return "CNY" if key == "rmb" else key.upper()
    words = key.split()
    name = _singular(words[-1]) if words else key
    nation = " ".join(words[:-1])
    if key.startswith("pounds sterling") or name == "sterling":
        return "GBP"
    name = _CANON.get(name, name)
    if nation and (nation, name) in _NATIONAL:
        return _NATIONAL[(nation, name)]
    if name in ("real", "reais"):
        return "BRL"
    if name in ("sol", "soles"):
        return "PEN"
    return _WORDS.get(name, key.upper())


# plural and inflected names to the singular the nationality table uses
_CANON = {
    "kroner": "krone", "kronor": "krona", "rupees": "rupee", "lire": "lira", "lei": "leu", "leva": "lev",
    "zlotych": "zloty", "korun": "koruna", "reais": "real", "soles": "sol", "quetzales": "quetzal",
}  # fmt: skip


def _singular(word: str) -> str:
    if word in _WORDS:
        return word
    for cut in ("es", "s"):
        if word.endswith(cut) and word[: -len(cut)] in _WORDS:
            return word[: -len(cut)]
    return word


def _scale(token: str | None) -> float:
    if not token:
        return 1.0
    return _SCALES.get(token.lower(), 1.0)


# "11,376 pounds of food", "lost 30 pounds": pounds that are a weight; "pounds of funding" stays money
_POUNDS_OF_THINGS = re.compile(r"\s+of\s+(?!(?:funding|investment|capital|cash|debt|revenue|sales|profits?|spending|"
                               r"support|aid|savings|taxpayers'?|public|new|fresh|extra|additional)\b)[a-z]", re.IGNORECASE)
_WEIGHED = re.compile(r"\b(?:weigh(?:s|ed|ing)?|lost|lose|losing|gained|gain|shed|shedding|tons?|lbs?)\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)


def _weight(m: re.Match[str], text: str) -> bool:
    """Whether a suffixed "pounds" amount is a weight ("11,376 pounds of food", "lost 30 pounds")."""
    name = (m.groupdict().get("name") or "").lower()
    if name not in ("pound", "pounds") or m.groupdict().get("nation"):
        return False
    return bool(_POUNDS_OF_THINGS.match(text, m.end()) or _WEIGHED.search(text, 0, m.start()))


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
            if _weight(m, text):
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
