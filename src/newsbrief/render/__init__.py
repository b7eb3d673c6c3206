"""Stage 10: render a digest as Markdown, web HTML, email HTML, plain text or JSON.

All formats share one context (:func:`build_context`): articles are numbered in order of
first citation, every sentence carries its numbers, every section lists its sources.
HTML goes through Jinja2 autoescaping and only http(s) links are emitted, so feed text
can never inject markup into a page or an email; control characters are removed from every
output, so none reaches a terminal or an XML document (text stored before they were removed
at ingest included).

Beside it: :mod:`.feeds` (the digests as RSS/Atom/JSON feeds) and :mod:`.snippets` (search
snippets split into plain and matched parts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import jinja2

from ..errors import RenderError
from ..model import CitedSentence, Digest, DigestItem
from newsbrief.ingest.sanitize import strip_control_chars
from .data import calendar_from_dict, digest_from_dict, digest_to_dict

__all__ = ["FORMATS", "build_context", "calendar_from_dict", "digest_from_dict", "digest_to_dict", "render"]

FORMATS = ("md", "html", "email", "text", "json")
_TEMPLATES = {"md": "digest.md.j2", "html": "digest.html.j2", "email": "digest.email.html.j2", "text": "digest.txt.j2"}


@dataclass
class _Refs:
    numbers: dict[str, int] = field(default_factory=dict)
    info: dict[str, tuple[str, str]] = field(default_factory=dict)

    def cite(self, s: CitedSentence) -> dict[str, Any]:
        nums = []
        for aid in s.article_ids:
            if aid not in self.numbers:
                self.numbers[aid] = len(self.numbers) + 1
            nums.append(self.numbers[aid])
        return {"text": s.text, "cites": sorted(set(nums))}


def md_escape(text: str) -> str:
    """Escape Markdown and HTML syntax in feed text so it renders as written.

    :param text: plain text from an article.
    """
    out = text.replace("\\", "\\\\")
    for ch in "*_[]`":
        out = out.replace(ch, "\\" + ch)
    return out.replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str) -> str:
    """Return ``url`` if it is http(s), else ``""`` (no ``javascript:`` links).

    :param url: a URL from a feed.
    """
    return url if urlsplit(url).scheme in {"http", "https"} else ""


def _entry(refs: _Refs, it: DigestItem) -> dict[str, Any]:
    paragraphs = [[refs.cite(s) for s in p] for p in it.paragraphs]
    cited = {n for p in paragraphs for s in p for n in s["cites"]}
    sources = []
    for aid, outlet, url in it.sources:
        num = refs.numbers.get(aid)
        sources.append({"n": num, "outlet": outlet, "url": safe_url(url), "cited": num in cited})
    sources.sort(key=lambda src: (not src["cited"], src["n"] or 10**9))
    return {"headline": it.headline, "marker": it.marker, "one_line": it.one_line,
            "paragraphs": paragraphs, "sources": sources, "story_id": it.story_id, "extra": dict(it.extra),
            "earlier": "; ".join(f"{e['headline']} ({e['date']})" for e in it.extra.get("earlier", ()))}


_MORE_NOUN = {"stories": "stories", "short": "stories", "funding": "funding rounds", "regulation": "regulatory items",
              "ahead": "dates"}


def _more_entry(it: DigestItem) -> dict[str, Any]:
    """An item past a section's bound: its headline and first source, no numbered citations."""
    first = next(((outlet, safe_url(url)) for _, outlet, url in it.sources), ("", ""))
    # a calendar line past the bound: its day and its line ("Thursday 3 December: Senate: vote on the bill")
    headline = f"{it.headline}: {it.extra['what']}" if it.extra.get("what") and it.extra.get("start") else it.headline
    return {"headline": headline, "story_id": it.story_id, "outlet": first[0], "url": first[1],
            "outlets": len({outlet for _, outlet, _ in it.sources})}


def build_context(digest: Digest) -> dict[str, Any]:
    """Return the template context shared by every format.

    :param digest: the digest to render.
    """
    refs = _Refs()
    for sec in digest.sections:
        for it in sec.items:
            for aid, outlet, url in it.sources:
                refs.info.setdefault(aid, (outlet, safe_url(url)))
    lede = [refs.cite(s) for s in digest.lede]
    sections = []
    for sec in digest.sections:
        items = [_entry(refs, it) for it in sec.items]
        sections.append({"kind": sec.kind, "title": sec.title, "entries": items,
                         "more": [_more_entry(it) for it in sec.more],
                         "more_label": f"{len(sec.more)} more {_MORE_NOUN.get(sec.kind, 'items')}"})
    lede_sources = sorted({n for s in lede for n in s["cites"]})
    inv = {n: a for a, n in refs.numbers.items()}
    return {
        "title": digest.title, "date": digest.date.isoformat(), "lede": lede, "sections": sections,
        "stats": dict(digest.stats), "generated_at": digest.generated_at.isoformat(),
        "lede_sources": [{"n": n, "outlet": refs.info.get(inv[n], ("", ""))[0], "url": refs.info.get(inv[n], ("", ""))[1]}
                         for n in lede_sources],
    }


def _printable(value: Any) -> Any:
    """Return JSON-like data with control characters removed from every string in it."""
    if isinstance(value, str):
        return strip_control_chars(value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable(v) for v in value]
    return value


_ENV: dict[bool, jinja2.Environment] = {}


def _env(html: bool) -> jinja2.Environment:
    if html not in _ENV:
        _ENV[html] = jinja2.Environment(
            loader=jinja2.PackageLoader("newsbrief", "templates"), autoescape=html,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        _ENV[html].filters["mdesc"] = md_escape
    return _ENV[html]


def render(digest: Digest, fmt: str, *, page: dict[str, Any] | None = None) -> str:
    """Render a digest in one of :data:`FORMATS`.

    :param digest: the digest.
    :param fmt: ``md``, ``html``, ``email``, ``text`` or ``json``.
    :param page: extra template values of a published page (``html``): ``nav`` links
        (``index``, ``newer``, ``older``) and ``story_href`` (story id to its page).
    """
    if fmt == "json":
        return json.dumps(_printable(digest_to_dict(digest)), indent=2, ensure_ascii=False) + "\n"
    if fmt not in _TEMPLATES:
        raise RenderError(f"render: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        # Cleaned before the templates escape it: "\x1b[2J" escaped for Markdown would no longer
        # be one escape sequence, and its "[2J" would be left behind.
        context = _printable(build_context(digest))
        text = _env(fmt in {"html", "email"}).get_template(_TEMPLATES[fmt]).render(**context, **(page or {}))
    except jinja2.TemplateError as exc:
        raise RenderError(f"render: template {_TEMPLATES[fmt]}: {exc}") from exc
    return strip_control_chars(text)
