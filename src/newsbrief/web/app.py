"""The ASGI application behind ``newsbrief serve``: pages and a JSON API over a stored database, on Starlette.

The web layer is thin (conventions, habit 10): each view reads from the store, hands the
rows to a template or to JSON, and raises; one :func:`handle_exception` turns any error
into a page or ``{"error": "..."}`` with the status the error class carries, and never
shows a traceback. Views are plain functions that Starlette runs in its thread pool;
each request opens its own read-only connection and never writes to the database. A
request whose ``Host`` header names no host this server is known by is answered 400
(DNS rebinding, :mod:`newsbrief.web.hosts`).

Every request that changes something (any method but ``GET`` and ``HEAD``) needs the admin:
a signed-in session whose CSRF token comes with the form (field ``csrf`` or header
``X-CSRF-Token``), or ``Authorization: Bearer <admin password>`` (:mod:`newsbrief.web.auth`).
Writes open their own writable connection. With ``web.public_read`` off, reading needs
the same sign-in: pages send the visitor to ``/login``, the API answers 401.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from ..config import Settings
from ..errors import NewsbriefError, StoreError
from ..render import safe_url
from ..store import SQLiteStore, is_postgres_url, open_store
from .auth import AdminPassword, LoginLimiter, new_token, same_token
from .errors import BadRequest, Forbidden, MethodNotAllowed, NotFound, TooManyRequests, Unauthorized, error_status
from .hosts import HostAllowlist
from .middleware import GuardMiddleware
from .query import Query

__all__ = ["Ctx", "View", "WebApp", "handle_exception", "html_response", "json_response", "make_app", "route"]

LOGGER = logging.getLogger(__name__)

READ_METHODS = frozenset({"GET", "HEAD"})
MAX_FORM_BYTES = 2_000_000
SESSION_COOKIE = "newsbrief_session"
SESSION_AGE = 12 * 3600
STATIC = Path(__file__).parent / "static"
"""The stylesheet, served at ``/static/``."""
NAV = (("/", "Today"), ("/digests", "Digests"), ("/calendar", "Calendar"), ("/search", "Search"),
       ("/sources", "Sources"), ("/interests", "Interests"), ("/settings", "Settings"))
_SNIPPET_MARK = re.compile(r"\[([^\[\]]*)\]")


def highlight(snippet: str) -> Markup:
    """Escape an FTS snippet and turn its ``[match]`` marks into ``<mark>`` elements.

    :param snippet: text from :meth:`SQLiteStore.search`, matches wrapped in brackets.
    """
    out, last = [], 0
    for found in _SNIPPET_MARK.finditer(snippet):
        out.append(escape(snippet[last:found.start()]))
        out.append(Markup("<mark>%s</mark>") % found.group(1))
        last = found.end()
    out.append(escape(snippet[last:]))
    return Markup("").join(out)


def pretty(value: Any) -> str:
    """Return a value as indented JSON text (escaped later by the template).

    :param value: JSON-safe data.
    """
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True, default=str)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsbrief", "templates"), autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["highlight"] = highlight
    env.filters["pretty"] = pretty
    env.globals["nav"] = NAV
    return env


def html_response(body: str, *, status: int = 200) -> Response:
    """Return an HTML page.

    :param body: the page.
    :param status: HTTP status.
    """
    return Response(body, status_code=status, media_type="text/html; charset=utf-8")


def json_response(data: Any, *, status: int = 200, content_type: str = "application/json; charset=utf-8",
                  headers: dict[str, str] | None = None) -> Response:
    """Return ``data`` as an indented JSON response.

    :param data: JSON-safe data (dates become strings).
    :param status: HTTP status.
    :param content_type: the media type, e.g. ``application/feed+json``.
    :param headers: extra headers.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return Response(text, status_code=status, media_type=content_type, headers=headers)


@dataclass
class Ctx:
    """What a view gets: the request, an open store, and the app (settings, templates)."""

    request: Query
    store: SQLiteStore
    app: WebApp
    session: dict[str, Any] = field(default_factory=dict)
    form: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    admin: bool = False
    client: str = ""

    def csrf_token(self) -> str:
        """Return the session's CSRF token, making one on first use."""
        token = self.session.get("csrf")
        if not isinstance(token, str) or not token:
            token = self.session["csrf"] = new_token()
        return token

    def field(self, name: str, default: str = "") -> str:
        """Return a form or JSON body field as stripped text.

        :param name: field name.
        :param default: value when absent.
        """
        value = self.form.get(name)
        return default if value is None else str(value).strip()

    def flash(self, message: str) -> None:
        """Keep a one-line message for the next page this visitor sees.

        :param message: the message.
        """
        self.session["flash"] = message

    @contextmanager
    def writable(self) -> Iterator[SQLiteStore]:
        """Open a writable connection for the length of a ``with`` block."""
        store = open_store(self.app.store_path, migrate=False)
        try:
            yield store
        finally:
            store.close()

    @property
    def settings(self) -> Settings:
        """The app's settings."""
        return self.app.settings

    @property
    def base_url(self) -> str:
        """Public URL of this server: ``web.base_url`` when set, else the request's own."""
        return str(self.settings["web.base_url"] or self.request.base_url)

    def page(self, template: str, *, status: int = 200, **context: Any) -> Response:
        """Render one of the ``web_*.j2`` templates into an HTML response.

        :param template: template name.
        :param status: HTTP status.
        :param context: template variables.
        """
        context.setdefault("flash", self.session.pop("flash", None))
        return html_response(self.app.render_page(template, path=self.request.path, admin=self.admin,
                                                  csrf_token=self.csrf_token, **context), status=status)


View = Callable[..., Response]


class WebApp:
    """What every view shares: the database path, the settings, the templates and the allowed hosts."""

    def __init__(self, store_path: str | Path, *, settings: Settings, bind_host: str | None = None) -> None:
        """Check the database is there and migrated.

        :param store_path: an existing newsbrief database.
        :param settings: resolved settings (shown redacted on ``/settings``).
        :param bind_host: the address the server listens on; its name is an allowed ``Host``.
        """
        self.store_path: str | Path = store_path if is_postgres_url(store_path) else Path(store_path)
        self.settings = settings
        self.hosts = HostAllowlist(bind_host=bind_host, base_url=str(settings.get("web.base_url") or ""),
                                   extra=settings.get("web.allowed_hosts") or ())
        if isinstance(self.store_path, Path) and not self.store_path.is_file():
            raise StoreError(f"web: no database at {self.store_path}; run `newsbrief init` and `newsbrief fetch` first")
        self.open_store().close()
        self.templates = _environment()
        self.password = AdminPassword(str(settings.get("web.admin_password") or ""))
        self.public_read = bool(settings.get("web.public_read", True))
        self.limiter = LoginLimiter()

    def open_store(self) -> SQLiteStore:
        """Open a read-only connection to the database (no migrations, no writes)."""
        return open_store(self.store_path, read_only=True)

    def render_page(self, template: str, **context: Any) -> str:
        """Render an HTML template with the shared layout variables.

        :param template: template name.
        :param context: template variables.
        """
        context.setdefault("site_title", self.settings["digest.title"])
        context.setdefault("path", "/")
        return self.templates.get_template(template).render(**context)

    def _is_admin(self, request: Request, session: dict[str, Any]) -> tuple[bool, bool]:
        """Return ``(admin, by_token)``: signed in by session, or by a bearer token."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token:
            client = request.client.host if request.client else ""
            wait = self.limiter.retry_after(client)
            if wait:
                raise TooManyRequests(f"auth: too many wrong tokens; try again in {wait} s")
            if not self.password.check(token.strip()):
                self.limiter.failed(client)
                raise Unauthorized("auth: wrong token")
            self.limiter.succeeded(client)
            return True, True
        return session.get("admin") is True and self.password.enabled, False

    def respond(self, request: Request, view: View, *, open_route: bool = False, form: dict[str, Any] | None = None,
                files: dict[str, bytes] | None = None) -> Response:
        """Answer one request with ``view`` and its own store connection, errors and sign-in included.

        :param request: the incoming request.
        :param view: called as ``view(ctx, **path_params)``.
        :param open_route: whether anyone may use the route (the sign-in page itself).
        :param form: the parsed form or JSON body of a write.
        :param files: uploaded files by field name.
        """
        query = Query.from_request(request)
        try:
            session: dict[str, Any] = request.session if "session" in request.scope else {}
            admin, by_token = self._is_admin(request, session)
            writing = request.method not in READ_METHODS
            if not open_route and not admin:
                if writing:
                    raise Unauthorized("auth: sign in first" if self.password.enabled
                                       else "auth: set web.admin_password to make changes in the browser")
                if not self.public_read:
                    if query.is_api:
                        raise Unauthorized("auth: reading needs sign-in (web.public_read is off)")
                    return RedirectResponse("/login?next=" + quote(query.path, safe="/"), status_code=303)
            if writing and not by_token and not same_token(
                    (form or {}).get("csrf") or request.headers.get("x-csrf-token"), session.get("csrf")):
                raise Forbidden("csrf: the form is out of date or from elsewhere; reload the page and try again")
            store = self.open_store()
            try:
                ctx = Ctx(query, store, self, session=session, form=form or {}, files=files or {}, admin=admin,
                          client=request.client.host if request.client else "")
                return view(ctx, **request.path_params)
            finally:
                store.close()
        except Exception as exc:  # noqa: BLE001 - the one place every view error becomes a response
            return handle_exception(self, query, exc)

    def endpoint(self, view: View, *, open_route: bool = False) -> Callable[[Request], Any]:
        """Return the Starlette endpoint running ``view`` in Starlette's thread pool (forms read first).

        :param view: the view.
        :param open_route: whether anyone may use the route.
        """
        async def run(request: Request) -> Response:
            form: dict[str, Any] = {}
            files: dict[str, bytes] = {}
            if request.method not in READ_METHODS:
                try:
                    form, files = await _read_body(request)
                except (ValueError, BadRequest) as exc:
                    return handle_exception(self, Query.from_request(request),
                                            exc if isinstance(exc, BadRequest) else BadRequest(f"body: {exc}"))
            return await run_in_threadpool(self.respond, request, view, open_route=open_route, form=form, files=files)

        run.__name__ = run.__qualname__ = view.__name__
        run.__doc__ = view.__doc__
        return run

    def refuse_host(self, scope: Scope, host: str | None) -> Response:
        """Answer a request whose ``Host`` header is not allowed.

        :param scope: the ASGI scope.
        :param host: the header (None when absent).
        """
        refused = BadRequest(f"web: host {host!r} is not served here; add it to web.allowed_hosts")
        return handle_exception(self, Query.from_request(Request(scope)), refused)

    def http_error(self, request: Request, exc: Exception) -> Response:
        """Answer the router's own 404 and 405 in the app's error shape.

        :param request: the request.
        :param exc: the :class:`HTTPException` the router raised.
        """
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        query = Query.from_request(request)
        if status == 405:
            allowed = sorted(m.strip() for m in (getattr(exc, "headers", None) or {}).get("Allow", "").split(","))
            response = handle_exception(self, query, MethodNotAllowed(f"method {request.method} not allowed here"))
            response.headers["Allow"] = ", ".join(m for m in allowed if m)
            return response
        if status == 404:
            return handle_exception(self, query, NotFound(f"not found: {query.path}"))
        return handle_exception(self, query, BadRequest(str(getattr(exc, "detail", "")) or "bad request"))


async def _read_body(request: Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Return the fields and uploaded files of a form, or the object of a JSON body."""
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        raise BadRequest(f"body: larger than {MAX_FORM_BYTES} bytes")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        data = json.loads(await request.body() or b"{}")
        if not isinstance(data, dict):
            raise BadRequest("body: a JSON object is expected")
        return data, {}
    if kind not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return {}, {}
    fields: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    async with request.form(max_files=1, max_fields=50) as form:
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                files[name] = await value.read(MAX_FORM_BYTES + 1)
                if len(files[name]) > MAX_FORM_BYTES:
                    raise BadRequest(f"{name}: file larger than {MAX_FORM_BYTES} bytes")
            else:
                fields.setdefault(name, value)
    return fields, files


def route(path: str, view: View, web: WebApp, *, methods: Sequence[str] = ("GET",), open_route: bool = False) -> Route:
    """Return a Starlette route for ``view`` (``GET`` routes answer ``HEAD`` too).

    :param path: Starlette path, e.g. ``/stories/{story_id}``.
    :param view: called as ``view(ctx, **path_params)``.
    :param web: the app the view runs in.
    :param methods: HTTP methods answered.
    :param open_route: whether anyone may use it (the sign-in page).
    """
    return Route(path, web.endpoint(view, open_route=open_route), methods=list(methods))


def handle_exception(app: WebApp, request: Query, exc: Exception) -> Response:
    """Map an exception to an error page or ``{"error": ...}`` with its status; never a traceback.

    :param app: the app (for the error template).
    :param request: the request that failed.
    :param exc: what was raised.
    """
    status = error_status(exc)
    if isinstance(exc, NewsbriefError):
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        LOGGER.log(logging.WARNING if status >= 500 else logging.DEBUG, "web: %s %s -> %d: %s",
                   request.method, request.path, status, message)
    else:
        message = "internal error; see the server log"
        LOGGER.exception("web: %s %s failed", request.method, request.path)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 and request.is_api else None
    if request.is_api:
        return json_response({"error": message}, status=status, headers=headers)
    try:
        body = app.render_page("web_error.j2", status=status, message=message, path=request.path)
    except Exception:
        LOGGER.exception("web: error page failed")
        body = f"<!DOCTYPE html><title>Error {status}</title><p>{escape(message)}</p>"
    return html_response(body, status=status)


def make_app(store_path: str | Path, *, settings: Settings, bind_host: str | None = None) -> Starlette:
    """Return the ASGI app serving the digests, stories, search, sources and settings of a database.

    :param store_path: an existing newsbrief store (``settings.store``: a SQLite file or a ``postgresql://`` URL).
    :param settings: resolved settings.
    :param bind_host: the address ``serve`` binds (``--host``); loopback when None.
    """
    from .api import api_routes
    from .calendar import calendar_routes
    from .manage import manage_routes
    from .pages import page_routes
    from .preferences import preference_routes

    web = WebApp(store_path, settings=settings, bind_host=bind_host)
    routes: list[BaseRoute] = [*api_routes(web), *manage_routes(web), *preference_routes(web), *calendar_routes(web),
                                 *page_routes(web), Mount("/static", StaticFiles(directory=STATIC), name="static")]
    session = Middleware(SessionMiddleware, secret_key=new_token(), session_cookie=SESSION_COOKIE, max_age=SESSION_AGE,
                         same_site="strict", https_only=bool(settings.get("web.secure_cookies", True)))
    app = Starlette(routes=routes, exception_handlers={HTTPException: web.http_error},
                    middleware=[Middleware(GuardMiddleware, hosts=web.hosts, refuse=web.refuse_host), session])
    app.router.redirect_slashes = False
    app.state.web = web
    return app
