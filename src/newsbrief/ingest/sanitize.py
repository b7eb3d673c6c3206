"""HTML made safe for display (nh3), HTML turned into plain text, and control characters removed.

Feed and page HTML is untrusted: it is kept only after :func:`sanitize_html` has removed
scripts, event handlers, styles and dangerous URLs. :func:`html_to_text` gives the plain text
the later stages (dedup, clustering, summaries) work on. Both, and every other piece of feed or
page text, pass through :func:`strip_control_chars`, so no terminal escape sequence, NUL or
other character that XML forbids reaches the store, a terminal or a feed we publish.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from typing import Any

import nh3

from newsbrief.ingest.urls import is_http_url

__all__ = ["ALLOWED_TAGS", "html_to_text", "paragraphs_to_html", "sanitize_html", "strip_control_chars"]

LOGGER = logging.getLogger(__name__)

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl",
        "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)  # fmt: skip

_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
_URL_SCHEMES = {"http", "https", "mailto"}

_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:br|hr|p|div|li|h[1-6]|tr|blockquote|pre|section|article|header|footer|figure|"
    r"figcaption|dd|dt|table|ul|ol)\b[^>]*>",
    re.IGNORECASE,
)
_TAG_HINT = re.compile(r"<[a-zA-Z/!]")

# Whole 7-bit escape sequences, so "\x1b[31m" leaves no "[31m" behind: CSI, the string
# controls (OSC, DCS, SOS, PM, APC; payload bounded, ended by BEL or ST) and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab and newline, DEL, C1 controls, lone surrogates and the two
# non-characters XML 1.0 forbids; and the invisible marks that split a word for every later
# stage (a soft hyphen in "gov\xadern\xadment", a zero-width space, a word joiner, a stray BOM).
# Zero-width (non-)joiners stay: some scripts and emoji need them.
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b\u2060\ufeff\ud800-\udfff\ufffe\uffff]")


def strip_control_chars(text: str) -> str:
    """Return ``text`` without terminal escape sequences and control characters (tab and newline kept).

    ``\\r\\n`` and a lone ``\\r`` become ``\\n``. Lone surrogates and U+FFFE/U+FFFF, which no XML
    document may hold, are removed too.

    :param text: untrusted text from a feed, a page or the store.
    """
    if not text or not _CONTROL_CHAR.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL_CHAR.sub("", text)


def sanitize_html(html: str, *, base_url: str = "") -> str:
    """Return ``html`` with everything but a small set of formatting tags and safe URLs removed.

    :param html: untrusted HTML from a feed or a page.
    :param base_url: the article URL; relative links and images are made absolute against it.
    """
    if not html or not html.strip():
        return ""
    options: dict[str, Any] = {
        "tags": set(ALLOWED_TAGS),
        "attributes": _ALLOWED_ATTRIBUTES,
        "url_schemes": _URL_SCHEMES,
        "link_rel": "noopener noreferrer nofollow",
        "strip_comments": True,
    }
    if is_http_url(base_url):
        options["url_relative"] = ("rewrite_with_base", base_url)
    html = strip_control_chars(html)
    try:
        return strip_control_chars(nh3.clean(html, **options)).strip()
    except TypeError:  # nh3 < 0.3 has no url_relative: keep relative URLs
        options.pop("url_relative", None)
        return strip_control_chars(nh3.clean(html, **options)).strip()
    except Exception as exc:  # noqa: BLE001 - never let display HTML crash a run
        LOGGER.warning("sanitize: nh3 failed (%s); keeping escaped text", exc)
        return html_lib.escape(html_to_text(html))


def html_to_text(html: str) -> str:
    """Return the plain text of an HTML fragment, one line per block element.

    :param html: HTML (or plain text, returned with whitespace normalised).
    """
    if not html:
        return ""
    if _TAG_HINT.search(html):
        marked = _BLOCK_TAG.sub("\n", html)
        try:
            # nh3 with no allowed tags drops tags, comments and script/style bodies.
            stripped = nh3.clean(marked, tags=set(), attributes={}, strip_comments=True)
        except Exception:  # noqa: BLE001 - pragma: no cover - defensive
            stripped = re.sub(r"<[^>]*>", " ", marked)
        text = html_lib.unescape(stripped)
    else:
        text = html_lib.unescape(html)
    text = strip_control_chars(text)  # after unescaping: "&#27;" is an ESC too
    # str.split() knows every Unicode space (NBSP included) and is far faster than a regex
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraphs_to_html(text: str) -> str:
    """Return plain text as escaped ``<p>`` paragraphs, safe for display.

    :param text: plain text, paragraphs separated by newlines.
    """
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    return "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in parts)
