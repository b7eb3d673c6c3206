"""The HTML pages: today's digest, past digests, a story's timeline, search, sources, settings, feeds.

Every page extends ``web_base.j2`` (one layout, one nav) and goes through Jinja2
autoescaping; links come only from :func:`newsbrief.render.safe_url`. A digest is also
served as Markdown, plain text, JSON or the standalone HTML file by a path suffix
(``/digests/2026-11-27.md``), and the stored digests as Atom and JSON feeds.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.responses import Response
from starlette.routing import Route

from ..render import build_context, digest_from_dict, render
from ..render.feeds import digest_feed
from .api import (
    FACT_TYPES,
    SEARCH_FILTERS,
    digest_list,
    load_digest,
    run_search,
    search_filters,
    settings_rows,
    source_health,
    story_detail,
    with_etag,
)
from .app import route
from .errors import NotFound
from .middleware import csp_allowing_styles
from .reader import article_page, cite_links

if TYPE_CHECKING:
    from .app import Ctx, View, WebApp

__all__ = ["page_routes"]

LOGGER = logging.getLogger(__name__)

FEED_LIMIT = 20
_VARIANTS = {
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
_RENDER_FORMAT = {"md": "md", "txt": "text", "json": "json", "html": "html"}
_DIGEST_NAME = re.compile(r"(?P<date>[^.]+)(?:\.(?P<fmt>md|txt|json|html))?")


def _digest_page(ctx: Ctx, data: dict[str, Any]) -> Response:
    digest = digest_from_dict(data)
    dates = [d.isoformat() for d in ctx.store.digest_dates()]
    here = digest.date.isoformat()
    pos = dates.index(here) if here in dates else -1
    newer = dates[pos - 1] if pos > 0 else None
    older = dates[pos + 1] if 0 <= pos < len(dates) - 1 else None
    return ctx.page("web_digest.j2", digest=build_context(digest), newer=newer, older=older, latest=pos == 0,
                    cite_href=cite_links(digest))


def index(ctx: Ctx) -> Response:
    """Show the latest digest (or how to make one)."""
    dates = ctx.store.digest_dates()
    if not dates:
        return ctx.page("web_empty.j2")
    return _digest_page(ctx, load_digest(ctx.store, dates[0].isoformat()))


def digests(ctx: Ctx) -> Response:
    """List the stored digests."""
    return ctx.page("web_digests.j2", digests=digest_list(ctx.store))


def digest(ctx: Ctx, name: str) -> Response:
    """Show one digest (``2026-11-27``), or one of its text formats when the name has a suffix (``2026-11-27.md``)."""
    found = _DIGEST_NAME.fullmatch(name)
    if not found:
        raise NotFound(f"no digest for {name}")
    fmt = found.group("fmt")
    data = load_digest(ctx.store, found.group("date"))
    if fmt is None:
        return _digest_page(ctx, data)
    text = render(digest_from_dict(data), _RENDER_FORMAT[fmt])
    # the standalone HTML file carries its own <style>: allowed by hash, nothing else inline
    headers = {"Content-Security-Policy": csp_allowing_styles(text)} if fmt == "html" else None
    return with_etag(ctx, Response(text, media_type=_VARIANTS[fmt], headers=headers))


def story(ctx: Ctx, story_id: str) -> Response:
    """Show a story's timeline: its articles by time, with membership scores and reasons."""
    detail = story_detail(ctx.store, story_id)
    since = dt.date.fromisoformat(detail["first_seen"][:10])
    facts = [f for f in ctx.store.facts(since=since) if f["story_id"] == story_id]
    outlets = sorted({a["outlet"] for a in detail["articles"] if a["outlet"]})
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in detail["articles"]:
        by_outlet.setdefault(a["outlet"] or "unknown outlet", []).append(a)
    return ctx.page("web_story.j2", story=detail, facts=facts, outlets=outlets,
                    by_outlet=sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0])),
                    ranked=ranking_of(ctx, story_id, since))


RANKING_LOOKBACK = 14
"""Stored digests searched, newest first, for the latest ranking of a story."""


def ranking_of(ctx: Ctx, story_id: str, since: dt.date) -> dict[str, Any] | None:
    """Return ``{date, section, score, parts, guard}``: how the newest stored digest that has the story scored it and,
    when the language model wrote its summary, the guard's decisions (None: no digest has it).

    :param ctx: the request context.
    :param story_id: the story.
    :param since: the story's first day (older digests cannot have it).
    """
    for day in [d for d in ctx.store.digest_dates() if d >= since][:RANKING_LOOKBACK]:
        data = ctx.store.digest(day) or {}
        for section in data.get("sections", []):
            for item in [*section.get("items", []), *section.get("more", [])]:
                extra = item.get("extra") or {}
                if item.get("story_id") == story_id and "score_parts" in extra:
                    parts = sorted(extra["score_parts"].items(), key=lambda kv: -abs(kv[1]))
                    return {"date": day.isoformat(), "section": section.get("title", ""), "score": extra.get("score"),
                            "parts": parts, "guard": extra.get("guard", [])}
    return None


SEARCH_PAGE = 20
"""Search results on one page unless ``?limit=`` says."""
MAX_SEARCH_PAGE = 10**6
"""The highest ``?page=`` accepted."""


def search(ctx: Ctx) -> Response:
    """Search articles, a page at a time (``?page=``), narrowed by the filters of :func:`search_filters`.

    An empty query shows the form, a malformed one a 400.
    """
    query = ctx.request.arg("q")
    per = ctx.request.int_arg("limit", SEARCH_PAGE, low=1, high=200)
    page = ctx.request.int_arg("page", 1, low=1, high=MAX_SEARCH_PAGE)
    filters = search_filters(ctx)
    shown = {name: ctx.request.arg(name) for name in SEARCH_FILTERS}
    form: dict[str, Any] = {"query": query, "filters": shown, "sources": ctx.store.source_rows(), "fact_types": FACT_TYPES}
    if not query:
        return ctx.page("web_search.j2", results=None, **form)
    first = (page - 1) * per
    rows = run_search(ctx.store, query, limit=per + 1, offset=first, **filters)
    # the pager links keep the query, the filters and a page size other than the default
    kept = [("q", query), *((k, v) for k, v in shown.items() if v), *([("limit", str(per))] if per != SEARCH_PAGE else [])]
    return ctx.page("web_search.j2", results=rows[:per], first=first + 1, page=page, more=len(rows) > per,
                    here="/search?" + urlencode(kept), **form)


def sources(ctx: Ctx) -> Response:
    """Show every source's health."""
    return ctx.page("web_sources.j2", sources=source_health(ctx.store))


def settings(ctx: Ctx) -> Response:
    """Show the settings, secrets redacted, and where each came from."""
    return ctx.page("web_settings.j2", settings=settings_rows(ctx), data_dir=str(ctx.settings.data_dir))


def digest_file(ctx: Ctx, date: str) -> Response:
    """Show one digest at the address the feeds link to (``/digest-2026-11-27.html``)."""
    return _digest_page(ctx, load_digest(ctx.store, date))


def feed(ctx: Ctx, kind: str) -> Response:
    """Serve the latest digests as an Atom or JSON feed."""
    stored = [ctx.store.digest(day) for day in ctx.store.digest_dates()[:FEED_LIMIT]]
    items = [digest_from_dict(d) for d in stored if d]
    text = digest_feed(items, fmt=kind, base_url=ctx.base_url, title=ctx.settings["digest.title"])
    kind_type = "application/atom+xml" if kind == "atom" else "application/feed+json"
    return Response(text, media_type=f"{kind_type}; charset=utf-8")


def _feed(kind: str) -> Callable[[Ctx], Response]:
    def view(ctx: Ctx) -> Response:
        return feed(ctx, kind)

    view.__name__ = f"feed_{kind}"
    view.__doc__ = f"Serve the latest digests as a{'n Atom' if kind == 'atom' else ' JSON'} feed."
    return view


def page_routes(web: WebApp) -> list[Route]:
    """Return the HTML and feed routes.

    :param web: the app the views run in.
    """
    table: list[tuple[str, View]] = [("/", index), ("/digests", digests), ("/digests/", digests), ("/digests/{name}", digest),
             # The links inside the feeds (``digest_feed``) point at ``<base>/digest-<date>.html``.
             ("/digest-{date}.html", digest_file),
             ("/stories/{story_id}", story), ("/articles/{article_id}", article_page), ("/search", search), ("/sources", sources), ("/settings", settings),
             ("/feed.atom", _feed("atom")), ("/feed.json", _feed("json"))]
    return [route(path, view, web) for path, view in table]
