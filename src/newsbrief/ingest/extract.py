"""Stage 3, extract: entry (+ its page when the feed only has a teaser) -> article.

:func:`needs_page` decides whether the entry's own content is enough; :func:`build_article`
turns an entry and the fetched page (or ``None``) into an :class:`~newsbrief.model.Article`:

1. text: trafilatura on the page when one was fetched and it gives more than the feed, else
   the feed's content (``content:encoded`` over ``description``) as plain text;
2. metadata: title and author from the feed, falling back to the page;
3. date: :func:`newsbrief.ingest.dates.reconcile_date` (feed, page metadata found by trafilatura's
   htmldate pass, URL, first seen);
4. language: py3langid on the text;
5. display HTML: the feed's HTML after nh3, or the extracted paragraphs, escaped;
6. identity: canonical URL, article id, content fingerprint (:mod:`newsbrief.ingest.dedup`).

Nothing here raises for one bad item: an entry that yields neither text nor a title becomes a
:class:`~newsbrief.model.Skip` with the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from newsbrief.ingest.dates import as_utc, date_from_url, reconcile_date
from newsbrief.ingest.dedup import article_id, canonical_url, fingerprint
from newsbrief.errors import ExtractError
from newsbrief.model import Article, Entry, FetchResult, Skip
from newsbrief.ingest.sanitize import html_to_text, paragraphs_to_html, sanitize_html, strip_control_chars
from newsbrief.ingest.urls import is_http_url

__all__ = [
    "PageText",
    "TEASER_WORDS",
    "article_key",
    "build_article",
    "decode_page",
    "detect_language",
    "extract_page",
    "needs_page",
]

LOGGER = logging.getLogger(__name__)

TEASER_WORDS = 60
"""Feed content shorter than this many words counts as a teaser."""

_TEASER_END = re.compile(
    r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|"
    r"read more|continue reading|read the full (?:story|article)|more\s*»|»)\W*$",
    re.IGNORECASE,
)


def needs_page(entry: Entry) -> bool:
    """Return True when the entry has no content or only a teaser, so its page should be fetched.

    A teaser is content under :data:`TEASER_WORDS` words, or content ending in an ellipsis or
    a "read more" link. Entries without a link return False: there is no page to fetch.

    :param entry: the parsed feed entry.
    """
    if not is_http_url(entry.link):
        return False
    text = html_to_text(entry.content_html or entry.summary_html)
    if not text:
        return True
    if _TEASER_END.search(text[-80:]):
        return True
    return len(text.split()) < TEASER_WORDS


@dataclass(frozen=True, slots=True)
class PageText:
    """What trafilatura found in a page: text and metadata (empty strings when missing)."""

    text: str = ""
    title: str = ""
    author: str = ""
    date: dt.date | None = None
    problem: str = ""


_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_ATTR = re.compile(r"""(name|property|itemprop|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")


def _head_metadata(head: str) -> tuple[str, str]:
    """Return (title, author) from a page's <meta> tags and <title>, cheaply by regex."""
    import html as html_lib

    title = author = ""
    for tag in _META_TAG.findall(head):
        attrs = {
            m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3))
            for m in _META_ATTR.finditer(tag)
        }
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        value = html_lib.unescape(attrs.get("content") or "").strip()
        if not value or is_http_url(value):
            continue
        if not author and key in _AUTHOR_KEYS:
            author = value.removeprefix("By ").removeprefix("by ")
        elif not title and key in _TITLE_KEYS:
            title = value
    if not title:
        match = _TITLE_TAG.search(head)
        if match:
            title = " ".join(html_lib.unescape(match.group(1)).split())
    return title, author


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def decode_page(content: bytes, *, content_type: str = "") -> str:
    """Return a page as text: HTTP charset, else ``<meta charset>``, else UTF-8, else windows-1252.

    A declared charset that fails to decode the bytes is ignored (servers lie). The final
    fallback is windows-1252, the HTML standard's default for undeclared Western pages; it
    decodes any byte string, so this never raises.

    :param content: the page bytes.
    :param content_type: the HTTP ``Content-Type`` header, if any.
    """
    candidates: list[str] = []
    header = _HEADER_CHARSET.search(content_type or "")
    if header:
        candidates.append(header.group(1))
    meta = _META_CHARSET.search(content[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", errors="ignore"))
    candidates.append("utf-8")
    if content.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    for name in candidates:
        try:
            return strip_control_chars(content.decode(name))
        except (LookupError, UnicodeDecodeError):
            continue
    return strip_control_chars(content.decode("windows-1252", errors="replace"))


@functools.cache
def _extractor() -> Any:
    """One trafilatura Extractor per process (building one reads its config file each time)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, precision=True, comments=False, tables=True,
                     with_metadata=False)


def _options(url: str) -> Any:
    """Return the extraction options (fast mode, precision first, no comments) for ``url``."""
    options = _extractor()
    options.url = options.source = url
    return options


def extract_page(content: bytes | str, *, url: str, want_date: bool = True) -> PageText:
    """Return the main text and metadata of an HTML page (never raises).

    Text comes from trafilatura (fast mode, precision first, no comments); the date from
    htmldate (original publication date, quick search); title and author from the
    ``<meta>`` tags. Running trafilatura's own metadata pass would double the cost per page.

    :param content: the page bytes (or decoded text).
    :param url: the page URL.
    :param want_date: look for the publication date (skipped when the caller has enough).
    """
    if not content:
        return PageText(problem=f"extract: empty page at {url}")
    try:
        import trafilatura
        from htmldate import find_date
    except ImportError as exc:  # a broken install is a run-level failure, not one bad page
        raise ExtractError(f"extract: cannot import trafilatura ({exc}); reinstall newsbrief") from exc
    try:
        doc = trafilatura.bare_extraction(content, options=_options(url))
        raw_date = (
            find_date(content, extensive_search=False, original_date=True, url=url)
            if doc and want_date
            else None
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/htmldate raise assorted errors on odd markup
        return PageText(problem=f"extract: trafilatura failed on {url}: {type(exc).__name__}: {exc}")
    if doc is None:
        return PageText(problem=f"extract: no main text found in {url}")
    if isinstance(doc, dict):  # trafilatura 1.x returns a dict
        text = str(doc.get("text") or "").strip()
    else:
        text = (getattr(doc, "text", None) or "").strip()
    raw = content if isinstance(content, str) else content[:200_000].decode("utf-8", errors="replace")
    head = raw[: raw.lower().find("</head>")] if "</head>" in raw.lower() else raw[:20_000]
    title, author = _head_metadata(head)
    if title and text.startswith(title.split(" | ")[0].split(" - ")[0][:40]):
        first, _, rest = text.partition("\n")
        if first.strip() and first.strip() in title:
            text = rest.strip()  # trafilatura keeps the <h1>; the title is a field already
    found_date: dt.date | None = None
    if raw_date:
        try:
            found_date = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            found_date = None
    text, title, author = strip_control_chars(text), strip_control_chars(title), strip_control_chars(author)
    return PageText(
        text=text,
        title=title,
        author=author,
        date=found_date,
        problem="" if text else f"extract: no main text found in {url}",
    )


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language, or "" when too short to tell.

    :param text: plain text.
    """
    sample = text[:500]
    if len(sample.strip()) < 40:
        return ""
    try:
        import py3langid

        lang, _score = py3langid.classify(sample)
    except Exception as exc:  # noqa: BLE001 - pragma: no cover - defensive
        LOGGER.debug("extract: language detection failed: %s", exc)
        return ""
    return str(lang)


def _identity(entry: Entry) -> tuple[str, str]:
    if is_http_url(entry.link):
        canonical = canonical_url(entry.link)
    elif is_http_url(entry.guid):
        canonical = canonical_url(entry.guid)
    else:
        canonical = f"{entry.source_url}#guid={entry.guid}"
    return canonical, article_id(canonical)


def article_key(entry: Entry) -> str:
    """Return the canonical URL the entry's article is stored under (what ``build_article`` gives it).

    :param entry: the parsed feed entry.
    """
    return _identity(entry)[0]


def build_article(
    entry: Entry, *, page: FetchResult | None, outlet: str, fetched_at: dt.datetime
) -> Article | Skip:
    """Turn an entry (and its page, when fetched) into an article, or a Skip saying why not.

    :param entry: the parsed feed entry.
    :param page: the fetched article page, or None (feed content only).
    :param outlet: the publication name shown with the article.
    :param fetched_at: when the item was first seen (UTC).
    """
    what = entry.link or entry.guid or entry.title or entry.source_url
    try:
        return _build(entry, page=page, outlet=outlet, fetched_at=fetched_at)
    except Exception as exc:  # one bad item is data, not a crash of the run
        LOGGER.warning("extract: failed on %s: %s", what, exc, exc_info=True)
        return Skip(what=what, reason=f"extract: {type(exc).__name__}: {exc}", stage="extract")


def _build(entry: Entry, *, page: FetchResult | None, outlet: str, fetched_at: dt.datetime) -> Article | Skip:
    fetched_at = as_utc(fetched_at)
    feed_html = entry.content_html or entry.summary_html
    feed_text = html_to_text(feed_html)
    teaser = needs_page(entry) if entry.link else not feed_text
    page_text = PageText()
    if page is not None and page.content and not page.not_modified and 200 <= page.status < 300:
        # The page date only matters when the feed has no date, or to catch a re-stamped item
        # when the URL carries no date of its own (see dates.py): skip htmldate otherwise.
        want_date = entry.published is None or date_from_url(entry.link) is None
        html = decode_page(page.content, content_type=page.headers.get("content-type", ""))
        page_text = extract_page(html, url=page.final_url or page.url, want_date=want_date)
        if page_text.problem:
            LOGGER.debug("%s", page_text.problem)

    use_page = bool(page_text.text) and (
        (teaser and len(page_text.text) >= len(feed_text)) or len(page_text.text) > 1.5 * len(feed_text)
    )
    if use_page:
        text, html, is_teaser = page_text.text, paragraphs_to_html(page_text.text), False
    else:
        text, html, is_teaser = feed_text, sanitize_html(feed_html, base_url=entry.link), teaser

    title = strip_control_chars(entry.title or page_text.title)
    if not title and text:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    if not text and not title:
        reason = "extract: entry has no title and no content"
        if page_text.problem:
            reason += f" ({page_text.problem})"
        elif teaser and page is None and entry.link:
            reason += " and its page was not fetched"
        return Skip(what=entry.link or entry.guid or entry.source_url, reason=reason, stage="extract")

    url = entry.link if is_http_url(entry.link) else ""
    if not url and is_http_url(entry.guid):
        url = entry.guid
    reconciled = reconcile_date(
        fetched_at=fetched_at,
        feed=entry.published,
        page=page_text.date if use_page or page_text.text else None,
        url=url,
    )
    for problem in reconciled.problems:
        LOGGER.debug("%s (%s)", problem, url or entry.guid)
    canonical, ident = _identity(entry)
    return Article(
        id=ident,
        url=url,
        canonical_url=canonical,
        source_url=entry.source_url,
        outlet=strip_control_chars(outlet or entry.feed_title),
        title=title,
        text=text,
        published=reconciled.value,
        fetched=fetched_at,
        author=strip_control_chars(entry.author or page_text.author),
        language=detect_language(text or title),
        content_hash=fingerprint(text) if text else "",
        html=html,
        is_teaser=is_teaser,
        date_source=reconciled.source,
    )
