"""The WSGI application behind ``newsbrief serve``: pages and a JSON API over a stored database.

The web layer is thin (conventions, habit 10): each view reads from the store, hands the
rows to a template or to JSON, and raises; one :func:`handle_exception` turns any error
into a page or ``{"error": "..."}`` with the status the error class carries, and never
shows a traceback. Each request opens its own read-only connection, so the app is safe
under the threading server and never writes to the database. A request whose ``Host``
header names no host this server is known by is answered 400 (DNS rebinding,
:mod:`newsbrief.web.hosts`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

import jinja2
from markupsafe import Markup, escape

from ..config import Settings
from ..errors import NewsbriefError, StoreError
from ..render import safe_url
from ..store import SQLiteStore, open_store
from .hosts import HostAllowlist
from .http import (
    ALLOWED_METHODS,
    BadRequest,
    MethodNotAllowed,
    Request,
    Response,
    Router,
    error_status,
    json_response,
)

__all__ = ["Ctx", "WebApp", "handle_exception", "make_app"]

LOGGER = logging.getLogger(__name__)

NAV = (("/", "Today"), ("/digests", "Digests"), ("/search", "Search"), ("/sources", "Sources"), ("/settings", "Settings"))
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


@dataclass
class Ctx:
    """What a view gets: the request, an open store, and the app (settings, templates)."""

    request: Request
    store: SQLiteStore
    app: WebApp

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
        return Response(self.app.render_page(template, path=self.request.path, **context), status=status)


class WebApp:
    """The WSGI callable: routes a request to a view with its own store connection."""

    def __init__(self, store_path: Path, *, settings: Settings, bind_host: str | None = None) -> None:
        """Check the database is there and migrated, and register the routes.

        :param store_path: an existing newsbrief database.
        :param settings: resolved settings (shown redacted on ``/settings``).
        :param bind_host: the address the server listens on; its name is an allowed ``Host``.
        """
        from .api import register_api
        from .pages import register_pages

        self.store_path = Path(store_path)
        self.settings = settings
        self.hosts = HostAllowlist(bind_host=bind_host, base_url=str(settings.get("web.base_url") or ""),
                                   extra=settings.get("web.allowed_hosts") or ())
        if not self.store_path.is_file():
            raise StoreError(f"web: no database at {self.store_path}; run `newsbrief init` and `newsbrief fetch` first")
        self.open_store().close()
        self.templates = _environment()
        self.router = Router()
        register_api(self.router)
        register_pages(self.router)

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

    def respond(self, request: Request) -> Response:
        """Answer one request, errors included.

        :param request: the parsed request.
        """
        try:
            if request.method not in ALLOWED_METHODS:
                raise MethodNotAllowed(f"method {request.method} not allowed: this server is read-only")
            view, args = self.router.match(request.path)
            store = self.open_store()
            try:
                return view(Ctx(request, store, self), **args)
            finally:
                store.close()
        except Exception as exc:  # noqa: BLE001 - the one place every error becomes a response
            return handle_exception(self, request, exc)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """Serve a WSGI request.

        :param environ: the WSGI environment.
        :param start_response: the WSGI callable.
        """
        request = Request.from_environ(environ)
        host = environ.get("HTTP_HOST")
        if not self.hosts.allows(host):
            refused = BadRequest(f"web: host {host!r} is not served here; add it to web.allowed_hosts")
            return handle_exception(self, request, refused)(start_response, head=request.method == "HEAD")
        return self.respond(request)(start_response, head=request.method == "HEAD")


def handle_exception(app: WebApp, request: Request, exc: Exception) -> Response:
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
    headers = [("Allow", ", ".join(ALLOWED_METHODS))] if status == 405 else []
    if request.is_api:
        response = json_response({"error": message}, status=status)
    else:
        try:
            body = app.render_page("web_error.j2", status=status, message=message, path=request.path)
        except Exception:
            LOGGER.exception("web: error page failed")
            body = f"<!DOCTYPE html><title>Error {status}</title><p>{escape(message)}</p>"
        response = Response(body, status=status)
    response.headers.extend(headers)
    return response


def make_app(store_path: Path, *, settings: Settings, bind_host: str | None = None) -> WSGIApplication:
    """Return the WSGI app serving the digests, stories, search, sources and settings of a database.

    :param store_path: an existing newsbrief database (``settings.db_path`` usually).
    :param settings: resolved settings.
    :param bind_host: the address ``serve`` binds (``--host``); loopback when None.
    """
    return WebApp(store_path, settings=settings, bind_host=bind_host)
