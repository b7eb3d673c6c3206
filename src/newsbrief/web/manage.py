"""What the admin changes in the browser or through the API: signing in and out, and the sources
(add, import, check, re-check, pause and resume, weight, remove).

Every change goes through the same store and pipeline functions as ``newsbrief sources``:
a URL is checked with :func:`newsbrief.pipeline.probe_source` (whose fetch applies the
SSRF guard and ``fetch.allow_private``), OPML files are read with
:func:`newsbrief.ingest.opml.parse_opml`, and a URL typed in the browser must be http(s): never a
local path. Page forms answer with a redirect (303) and a one-line message on the next page.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..errors import NewsbriefError
from newsbrief.ingest.opml import feed_url_problem, parse_opml
from ..pipeline import SourceProbe, probe_source
from newsbrief.ingest.sanitize import strip_control_chars
from .api import source_health
from .app import handle_exception, json_response, route
from .auth import new_token, safe_next
from .errors import BadRequest, NotFound, TooManyRequests

if TYPE_CHECKING:
    from .app import Ctx, View, WebApp

__all__ = ["check_url", "manage_routes"]

LOGGER = logging.getLogger(__name__)

MAX_URL = 2000


def _see(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


# -- signing in ------------------------------------------------------------------------------
def login_form(ctx: Ctx) -> Response:
    """Show the sign-in form."""
    return ctx.page("web_login.j2", next=safe_next(ctx.request.arg("next")), enabled=ctx.app.password.enabled)


def login(ctx: Ctx) -> Response:
    """Sign in with the admin password, then go to ``next`` (a path on this server only)."""
    wait = ctx.app.limiter.retry_after(ctx.client)
    if wait:
        response = handle_exception(ctx.app, ctx.request,
                                    TooManyRequests(f"login: too many failed attempts; try again in {wait} s"))
        response.headers["Retry-After"] = str(wait)
        return response
    if not ctx.app.password.check(ctx.field("password")):
        ctx.app.limiter.failed(ctx.client)
        LOGGER.warning("web: failed sign-in from %s", ctx.client)
        return ctx.page("web_login.j2", status=401, next=safe_next(ctx.field("next")),
                        enabled=ctx.app.password.enabled, error="Wrong password.")
    ctx.app.limiter.succeeded(ctx.client)
    ctx.session.clear()
    ctx.session.update(admin=True, csrf=new_token())
    return _see(safe_next(ctx.field("next")))


def logout(ctx: Ctx) -> Response:
    """Sign out."""
    ctx.session.clear()
    return _see("/")


# -- sources ---------------------------------------------------------------------------------
def check_url(ctx: Ctx, url: str) -> SourceProbe:
    """Fetch a URL typed by the admin once (http(s) only; the SSRF guard applies) and return the probe.

    :param ctx: the request context.
    :param url: the URL.
    """
    if not url:
        raise BadRequest("url: empty; give a feed or page URL")
    if len(url) > MAX_URL:
        raise BadRequest(f"url: longer than {MAX_URL} characters")
    problem = feed_url_problem(url)
    if problem:
        raise BadRequest(f"url: {problem}")
    probe = probe_source(url, settings=ctx.settings)
    if probe.error and probe.discovered:
        probe = probe_source(probe.discovered[0], settings=ctx.settings)
    return probe


def _weight(value: Any) -> float:
    try:
        weight = float(value if value not in (None, "") else 1.0)
    except (TypeError, ValueError) as exc:
        raise BadRequest(f"weight: {value!r} is not a number") from exc
    if not 0 <= weight <= 100:
        raise BadRequest(f"weight: {weight:g} is not between 0 and 100")
    return weight


def _subscribe(ctx: Ctx) -> tuple[dict[str, Any], bool]:
    probe = check_url(ctx, ctx.field("url"))
    if probe.error:
        raise BadRequest(f"{probe.error.splitlines()[0]}")
    title = strip_control_chars(ctx.field("title") or probe.title)
    with ctx.writable() as store:
        source, added = store.add_source(probe.url, title=title, weight=_weight(ctx.form.get("weight")))
        row = next(r for r in source_health(store) if r["url"] == source.url)
    row.pop("safe_url", None)
    return row, added


def sources_check(ctx: Ctx) -> Response:
    """Check a URL without subscribing: show what feed it holds."""
    probe = check_url(ctx, ctx.field("url"))
    return ctx.page("web_sources.j2", sources=source_health(ctx.store), probe=probe, url=ctx.field("url"))


def sources_add(ctx: Ctx) -> Response:
    """Subscribe to a feed URL (or the first feed a page links)."""
    row, added = _subscribe(ctx)
    ctx.flash(f"{'added' if added else 'already subscribed'}: {row['title'] or row['url']}")
    return _see("/sources")


def sources_import(ctx: Ctx) -> Response:
    """Subscribe to every http(s) feed of an uploaded OPML file."""
    data = ctx.files.get("opml") or b""
    if not data:
        raise BadRequest("opml: choose an OPML file to upload")
    try:
        feeds = parse_opml(data)
    except NewsbriefError as exc:
        raise BadRequest(str(exc).splitlines()[0]) from exc
    with ctx.writable() as store:
        added = store.add_sources([(s.url, strip_control_chars(s.title), 1.0) for s in feeds.sources])
    ctx.flash(f"{len(feeds.sources)} feed(s) in the file: {added} added, {len(feeds.sources) - added} already "
              f"subscribed, {len(feeds.skipped)} skipped")
    return _see("/sources")


def _source(ctx: Ctx, source_id: str) -> dict[str, Any]:
    if source_id.isdigit():
        for row in source_health(ctx.store):
            if row["id"] == int(source_id):
                return row
    raise NotFound(f"no source {source_id}")


def sources_remove(ctx: Ctx, source_id: str) -> Response:
    """Unsubscribe (the source's articles stay)."""
    row = _source(ctx, source_id)
    with ctx.writable() as store:
        store.remove_source(row["url"])
    ctx.flash(f"removed: {row['title'] or row['url']}")
    return _see("/sources")


def sources_recheck(ctx: Ctx, source_id: str) -> Response:
    """Make a source due now: the next fetch polls it whatever its back-off."""
    row = _source(ctx, source_id)
    with ctx.writable() as store:
        store.update_source(row["id"], next_poll_at=dt.datetime.now(dt.UTC))
    ctx.flash(f"due now: {row['title'] or row['url']} is polled by the next fetch")
    return _see("/sources")


def _edit(ctx: Ctx, row: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Set ``paused`` and/or ``weight`` of a source; return its row as the API shows it."""
    with ctx.writable() as store:
        store.update_source(row["id"], **fields)
        fresh = next(r for r in source_health(store) if r["id"] == row["id"])
    fresh.pop("safe_url", None)
    return fresh


def sources_pause(ctx: Ctx, source_id: str) -> Response:
    """Pause a source: fetches leave it out until it is resumed."""
    row = _edit(ctx, _source(ctx, source_id), paused=True)
    ctx.flash(f"paused: {row['title'] or row['url']} is not fetched until resumed")
    return _see("/sources")


def sources_resume(ctx: Ctx, source_id: str) -> Response:
    """Resume a paused source: the next fetch polls it when it is due."""
    row = _edit(ctx, _source(ctx, source_id), paused=False)
    ctx.flash(f"resumed: {row['title'] or row['url']}")
    return _see("/sources")


def sources_weight(ctx: Ctx, source_id: str) -> Response:
    """Set a source's ranking weight (0 to 100)."""
    row = _source(ctx, source_id)
    if not ctx.field("weight"):
        raise BadRequest("weight: empty; give a number between 0 and 100")
    row = _edit(ctx, row, weight=_weight(ctx.field("weight")))
    ctx.flash(f"weight {row['weight']:g}: {row['title'] or row['url']}")
    return _see("/sources")


# -- the API ---------------------------------------------------------------------------------
SOURCE_EDITS = ("paused", "weight")
"""The fields ``PATCH /api/v1/sources/<id>`` changes."""


def api_source_update(ctx: Ctx, source_id: str) -> Response:
    """Change ``{"paused"?: bool, "weight"?: number}`` of a source; answer the source."""
    row = _source(ctx, source_id)
    unknown = sorted(set(ctx.form) - {*SOURCE_EDITS, "csrf"})
    if unknown:
        raise BadRequest(f"body: unknown field(s) {', '.join(unknown)}; give paused and/or weight")
    fields: dict[str, Any] = {}
    if "paused" in ctx.form:
        if not isinstance(ctx.form["paused"], bool):
            raise BadRequest(f"paused: {ctx.form['paused']!r} is not true or false")
        fields["paused"] = ctx.form["paused"]
    if "weight" in ctx.form:
        value = ctx.form["weight"]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise BadRequest(f"weight: {value!r} is not a number")
        fields["weight"] = _weight(value)
    if not fields:
        raise BadRequest("body: nothing to change; give paused and/or weight")
    return json_response(_edit(ctx, row, **fields))
def api_source_create(ctx: Ctx) -> Response:
    """Subscribe to ``{"url", "title"?, "weight"?}``; 201 when added, 200 when already subscribed."""
    row, added = _subscribe(ctx)
    return json_response(row, status=201 if added else 200)


def api_source(ctx: Ctx, source_id: str) -> Response:
    """Return one source and its health."""
    row = _source(ctx, source_id)
    row.pop("safe_url", None)
    return json_response(row)


def api_source_delete(ctx: Ctx, source_id: str) -> Response:
    """Unsubscribe; 204."""
    row = _source(ctx, source_id)
    with ctx.writable() as store:
        store.remove_source(row["url"])
    return Response(status_code=204)


def manage_routes(web: WebApp) -> list[Route]:
    """Return the sign-in and source-management routes.

    :param web: the app the views run in.
    """
    post = ("POST",)
    writes: list[tuple[str, View]] = [
        ("/logout", logout), ("/sources/check", sources_check), ("/sources/add", sources_add),
        ("/sources/import", sources_import), ("/sources/{source_id}/remove", sources_remove),
        ("/sources/{source_id}/recheck", sources_recheck), ("/sources/{source_id}/pause", sources_pause),
        ("/sources/{source_id}/resume", sources_resume), ("/sources/{source_id}/weight", sources_weight)]
    return [route("/login", login_form, web, open_route=True),
            route("/login", login, web, methods=post, open_route=True),
            *(route(path, view, web, methods=post) for path, view in writes),
            *(r for api in ("/api/v1", "/api") for r in (
                route(f"{api}/sources", api_source_create, web, methods=post),
                route(f"{api}/sources/{{source_id}}", api_source, web),
                route(f"{api}/sources/{{source_id}}", api_source_update, web, methods=("PATCH",)),
                route(f"{api}/sources/{{source_id}}", api_source_delete, web, methods=("DELETE",))))]
