"""The JSON API (``/api/v1/...``, also at ``/api/...``) and the lookups the HTML pages share with it.

``/api/v1/openapi.json`` is its OpenAPI 3.1 document (:mod:`newsbrief.web.openapi`). Endpoints::

    /api                         the list of endpoints
    /api/digests                 [{date, title, generated_at, url}] newest first
    /api/digests/<date>          the stored digest (schema ``newsbrief.digest/1``)
    /api/stories?date=D          stories (optionally those with an article that day)
    /api/stories/<id>            one story and its articles, with membership scores and reasons
    /api/search?q=&limit=&offset=&since=&until=&source=&entity=&type=
                                 full-text search (words, "phrases", prefix*, OR, NOT); a query without words is a 400
    /api/sources                 sources and their health
    /api/facts?type=&since=      extracted facts
    /api/calendar/<date>         the digest's "Looking ahead" calendar, one entry per line
    /api/settings                settings (secrets redacted) and where each came from
    POST /api/sources, GET, PATCH and DELETE /api/sources/<id>   (:mod:`newsbrief.web.manage`; writes need the admin)

The lists of stories, sources and facts are paged: ``?limit=`` (default 100, at most 1000) and
``?offset=`` (default 0) are whole numbers, and the answer carries ``total``, ``limit`` and
``offset`` beside the page; so is the list of digests. A digest carries an ``ETag`` and answers
``If-None-Match`` with 304. Unknown ids and dates answer 404 with ``{"error": "..."}``; a bad
parameter answers 400 the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from typing import TYPE_CHECKING, Any

from starlette.responses import Response
from starlette.routing import Route

from ..config import SETTINGS
from ..errors import StoreError
from ..render import calendar_from_dict, safe_url
from ..store import SQLiteStore
from .app import json_response, route
from .errors import BadRequest, NotFound

if TYPE_CHECKING:
    from .app import Ctx, View, WebApp

__all__ = ["FACT_TYPES", "MAX_PAGE_LIMIT", "PAGE_LIMIT", "digest_list", "load_digest", "page_args", "parse_day",
           "SEARCH_FILTERS", "api_routes", "run_search", "search_filters", "settings_rows", "source_health", "story_detail"]

LOGGER = logging.getLogger(__name__)

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
STORY_ID = re.compile(r"[A-Za-z0-9_.-]{1,128}")
FACT_TYPES = ("funding", "regulation", "event", "entity")
MAX_QUERY = 500
PAGE_LIMIT = 100
"""Rows in one page of ``/api/stories``, ``/api/sources`` and ``/api/facts`` unless ``?limit=`` says."""
MAX_PAGE_LIMIT = 1000
"""The largest ``?limit=`` accepted."""
MAX_OFFSET = 10**9


def parse_day(value: str) -> dt.date:
    """Return the date in a path segment, or raise :class:`NotFound` for an impossible one.

    :param value: ``YYYY-MM-DD``.
    """
    if not DATE.fullmatch(value):
        raise NotFound(f"no digest for {value}: not a date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise NotFound(f"no digest for {value}: not a date") from exc


def load_digest(store: SQLiteStore, value: str) -> dict[str, Any]:
    """Return the stored digest data of a day, or raise :class:`NotFound`.

    :param store: an open store.
    :param value: the day, ``YYYY-MM-DD``.
    """
    data = store.digest(parse_day(value))
    if data is None:
        raise NotFound(f"no digest for {value}")
    return data


def digest_list(store: SQLiteStore) -> list[dict[str, Any]]:
    """Return ``{date, title, generated_at, stories}`` for every stored digest, newest first.

    :param store: an open store.
    """
    return store.digest_index()


def _story_summary(row: dict[str, Any]) -> dict[str, Any]:
    ids = row.get("article_ids") or ""
    return {"id": row["id"], "title": row["title"], "first_seen": row["first_seen"], "last_seen": row["last_seen"],
            "n_articles": row["n_articles"], "article_ids": ids.split(",") if ids else []}


def story_detail(store: SQLiteStore, story_id: str) -> dict[str, Any]:
    """Return a story with its articles by time (outlet, title, url, score, reasons), or raise :class:`NotFound`.

    :param store: an open store.
    :param story_id: the story id.
    """
    members = store.story_members(story_id) if STORY_ID.fullmatch(story_id) else []
    if not members:
        raise NotFound(f"no story {story_id}")
    # A story has an article on the first member's day, so that day's rows include it.
    first_day = dt.date.fromisoformat(str(members[0]["published"])[:10])
    row = next((r for r in store.story_rows(day=first_day) if r["id"] == story_id), None)
    articles = [{"id": m["article_id"], "published": m["published"], "outlet": m["outlet"], "title": m["title"],
                 "url": m["url"], "safe_url": safe_url(m["url"]), "score": m["score"], "reasons": m["reasons"]}
                for m in members]
    story = _story_summary(row) if row else {
        "id": story_id, "title": "", "first_seen": first_day.isoformat(),
        "last_seen": str(members[-1]["published"])[:10], "n_articles": len(members),
        "article_ids": [m["article_id"] for m in members]}
    story["title"] = story["title"] or members[0]["title"]
    story["articles"] = articles
    line = store.storyline_timelines([story_id]).get(story_id)
    story["storyline"] = None if line is None else {
        "id": line["storyline_id"], "reasons": line["reasons"],
        "timeline": [{"id": e["id"], "title": e["title"], "first_seen": e["first_seen"], "last_seen": e["last_seen"]}
                     for e in line["events"]]}
    return story


SEARCH_FILTERS = ("since", "until", "source", "entity", "type")
"""The query parameters that narrow a search, on the page and in the API."""


def search_filters(ctx: Ctx) -> dict[str, Any]:
    """Return the search filters of the query string as :meth:`SQLiteStore.search` keywords (400 if malformed).

    ``since``/``until`` are days (both inclusive), ``source`` a source id, ``entity`` an entity's
    name and ``type`` a fact type.

    :param ctx: the request context.
    """
    kind = ctx.request.arg("type") or None
    if kind is not None and kind not in FACT_TYPES:
        raise BadRequest(f"type: {kind!r} is not one of {', '.join(FACT_TYPES)}")
    source = ctx.request.int_arg("source", 0, low=0, high=MAX_OFFSET) or None
    entity = ctx.request.arg("entity")[:MAX_QUERY] or None
    return {"since": ctx.request.date_arg("since"), "until": ctx.request.date_arg("until"), "source_id": source,
            "entity": entity, "fact_type": kind}


def run_search(store: SQLiteStore, query: str, *, limit: int = 20, offset: int = 0,
               **filters: Any) -> list[dict[str, Any]]:
    """Run a full-text search; a malformed query raises :class:`BadRequest` with the one-line reason.

    :param store: an open store.
    :param query: search text (see :mod:`newsbrief.store.fts`).
    :param limit: most results.
    :param offset: results to skip (paging).
    :param filters: :func:`search_filters` keywords.
    """
    if not query:
        raise BadRequest("search: empty query; pass ?q=words")
    if len(query) > MAX_QUERY:
        raise BadRequest(f"search: query longer than {MAX_QUERY} characters")
    try:
        rows = store.search(query, limit=limit, offset=offset, **filters)
    except StoreError as exc:
        raise BadRequest(str(exc).splitlines()[0]) from exc
    for r in rows:
        r["safe_url"] = safe_url(r["url"] or "")
    return rows


def source_health(store: SQLiteStore, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Return the sources with a ``status`` word (paused, ok, failing, never fetched) added.

    :param store: an open store.
    :param limit: at most this many sources (None: all).
    :param offset: sources to skip (paging).
    """
    rows = store.source_rows(limit=limit, offset=offset)
    for r in rows:
        r["paused"] = bool(r.get("paused"))
        if r["paused"]:
            r["status"] = "paused"
        elif not r.get("last_fetch_at"):
            r["status"] = "never fetched"
        elif r.get("error_count"):
            r["status"] = "failing"
        else:
            r["status"] = "ok"
        r["safe_url"] = safe_url(r.get("site_url") or r["url"])
    return rows


def settings_rows(ctx: Ctx) -> list[dict[str, Any]]:
    """Return ``{name, value, origin, help, secret}`` per setting, secrets redacted.

    :param ctx: the request context.
    """
    values = ctx.settings.redacted()
    return [{"name": s.name, "value": values.get(s.name), "origin": ctx.settings.origins.get(s.name, "default"),
             "help": s.help, "secret": s.secret} for s in SETTINGS]


def page_args(ctx: Ctx) -> tuple[int, int]:
    """Return ``(limit, offset)`` from the query string; 400 unless both are whole numbers in range.

    :param ctx: the request context.
    """
    limit = ctx.request.int_arg("limit", PAGE_LIMIT, low=0, high=MAX_PAGE_LIMIT)
    return limit, ctx.request.int_arg("offset", 0, low=0, high=MAX_OFFSET)


# -- views -----------------------------------------------------------------------------------
def _prefix(ctx: Ctx) -> str:
    return "/api/v1" if ctx.request.path.startswith("/api/v1") else "/api"


def api_index(ctx: Ctx) -> Response:
    """List the endpoints."""
    api = _prefix(ctx)
    return json_response({"openapi": "/api/v1/openapi.json",
                          "endpoints": [f"{api}/digests?limit=&offset=", f"{api}/digests/<date>",
                                        f"{api}/stories?date=&limit=&offset=", f"{api}/stories/<id>", f"{api}/search?q=&since=&until=&source=&entity=&type=&limit=&offset=",
                                        f"{api}/sources?limit=&offset=", f"{api}/sources/<id>",
                                        f"{api}/facts?type=&since=&limit=&offset=", f"{api}/calendar/<date>", f"{api}/articles/<id>", f"{api}/interests",
                                         f"{api}/settings"]})


def api_digests(ctx: Ctx) -> Response:
    """List stored digests, newest first."""
    base = ctx.base_url.rstrip("/") + _prefix(ctx)
    limit, offset = page_args(ctx)
    rows = [{**d, "url": f"{base}/digests/{d['date']}"} for d in ctx.store.digest_index(limit=limit, offset=offset)]
    return json_response({"total": len(ctx.store.digest_dates()), "limit": limit, "offset": offset, "digests": rows})


def with_etag(ctx: Ctx, response: Response) -> Response:
    """Add a strong ``ETag`` (a hash of the body); answer 304 without a body when ``If-None-Match`` matches.

    :param ctx: the request context.
    :param response: a complete response.
    """
    tag = '"' + hashlib.sha256(bytes(response.body)).hexdigest()[:32] + '"'
    sent = {t.strip().removeprefix("W/") for t in ctx.request.if_none_match.split(",") if t.strip()}
    if tag in sent or "*" in sent:
        return Response(status_code=304, headers={"ETag": tag})
    response.headers["ETag"] = tag
    return response


def api_digest(ctx: Ctx, date: str) -> Response:
    """Return one stored digest as its schema ``newsbrief.digest/1`` data."""
    return with_etag(ctx, json_response(load_digest(ctx.store, date)))


def api_calendar(ctx: Ctx, date: str) -> Response:
    """Return the stored digest's calendar: each line with its day, dates, hedge, story and citations."""
    return json_response({"date": date, "calendar": calendar_from_dict(load_digest(ctx.store, date))})


def api_stories(ctx: Ctx) -> Response:
    """List stories, optionally those with an article on ``?date=``."""
    day = ctx.request.date_arg("date")
    limit, offset = page_args(ctx)
    rows = ctx.store.story_rows(day=day, limit=limit, offset=offset)
    return json_response({"date": day, "total": ctx.store.story_count(day=day), "limit": limit, "offset": offset,
                          "stories": [_story_summary(r) for r in rows]})


def api_story(ctx: Ctx, story_id: str) -> Response:
    """Return one story and its articles."""
    story = story_detail(ctx.store, story_id)
    for a in story["articles"]:
        a.pop("safe_url")
    return json_response(story)


def api_search(ctx: Ctx) -> Response:
    """Search articles, a page at a time, optionally narrowed by day, source, entity or fact type."""
    query = ctx.request.arg("q")
    limit = ctx.request.int_arg("limit", 20, low=1, high=200)
    offset = ctx.request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    rows = run_search(ctx.store, query, limit=limit + 1, offset=offset, **search_filters(ctx))
    for r in rows:
        r.pop("safe_url")
    return json_response({"query": query, "limit": limit, "offset": offset, "more": len(rows) > limit,
                          "results": rows[:limit]})


def api_sources(ctx: Ctx) -> Response:
    """List sources and their health."""
    limit, offset = page_args(ctx)
    rows = source_health(ctx.store, limit=limit, offset=offset)
    for r in rows:
        r.pop("safe_url")
    return json_response({"total": ctx.store.count("sources"), "limit": limit, "offset": offset, "sources": rows})


def api_facts(ctx: Ctx) -> Response:
    """List facts, optionally of one ``?type=`` and from ``?since=`` on."""
    kind = ctx.request.arg("type") or None
    if kind is not None and kind not in FACT_TYPES:
        raise BadRequest(f"type: {kind!r} is not one of {', '.join(FACT_TYPES)}")
    since = ctx.request.date_arg("since")
    limit, offset = page_args(ctx)
    return json_response({"type": kind, "since": since, "total": ctx.store.fact_count(type=kind, since=since),
                          "limit": limit, "offset": offset,
                          "facts": ctx.store.facts(type=kind, since=since, limit=limit, offset=offset)})


def api_settings(ctx: Ctx) -> Response:
    """Show settings, secrets redacted."""
    return json_response({"data_dir": str(ctx.settings.data_dir), "settings": settings_rows(ctx)})


def api_routes(web: WebApp) -> list[Route]:
    """Return the API routes, each under ``/api/v1`` and ``/api``, and the OpenAPI document.

    :param web: the app the views run in.
    """
    from .openapi import api_openapi
    from .reader import api_article

    table: list[tuple[str, View]] = [
        ("", api_index), ("/", api_index), ("/digests", api_digests), ("/digests/", api_digests),
        ("/digests/{date}", api_digest), ("/stories", api_stories), ("/stories/", api_stories),
        ("/stories/{story_id}", api_story), ("/search", api_search), ("/sources", api_sources), ("/facts", api_facts),
        ("/calendar/{date}", api_calendar), ("/articles/{article_id}", api_article),
        ("/settings", api_settings)]
    return [route("/api/v1/openapi.json", api_openapi, web),
            *(route(prefix + path, view, web) for prefix in ("/api/v1", "/api") for path, view in table)]
