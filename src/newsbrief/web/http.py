"""The small HTTP toolkit under the web app: requests, responses, regex routes and errors.

The app is read-only: only ``GET`` and ``HEAD`` are answered, anything else is a 405.
Every response carries ``X-Content-Type-Options: nosniff`` and a strict
``Content-Security-Policy`` (no scripts, no remote anything; inline styles only), so
feed text that slipped past escaping still could not run.
"""

from __future__ import annotations

import datetime as dt
import http
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import StartResponse, WSGIEnvironment
from wsgiref.util import application_uri

from ..errors import ConfigError, NewsbriefError, RenderError, StoreError

__all__ = [
    "CSP",
    "BadRequest",
    "MethodNotAllowed",
    "NotFound",
    "Request",
    "Response",
    "Router",
    "WebError",
    "error_status",
    "json_response",
]

LOGGER = logging.getLogger(__name__)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
)
ALLOWED_METHODS = ("GET", "HEAD")
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


class WebError(NewsbriefError):
    """An error answered with its own HTTP status (a class attribute)."""

    status = 500


class BadRequest(WebError):
    """The request's parameters are malformed (a bad date, a bad search query)."""

    status = 400


class NotFound(WebError):
    """No page, digest, story or resource at this address."""

    status = 404


class MethodNotAllowed(WebError):
    """The app is read-only: only GET and HEAD are allowed."""

    status = 405


# Library errors that are not WebErrors, by the status they deserve (first match in the MRO).
_LIBRARY_STATUS: dict[type[BaseException], int] = {StoreError: 503, ConfigError: 500, RenderError: 500}


def error_status(exc: BaseException) -> int:
    """Return the HTTP status an exception maps to.

    :param exc: the exception raised while answering.
    """
    status = getattr(exc, "status", None)
    if isinstance(exc, WebError) and isinstance(status, int):
        return status
    for klass in type(exc).__mro__:
        if klass in _LIBRARY_STATUS:
            return _LIBRARY_STATUS[klass]
    return 500


@dataclass
class Request:
    """The parts of a WSGI request the views need."""

    method: str
    path: str
    query: dict[str, list[str]]
    base_url: str

    @classmethod
    def from_environ(cls, environ: WSGIEnvironment) -> Request:
        """Build a request from the WSGI environment.

        :param environ: the WSGI environ mapping.
        """
        raw = environ.get("PATH_INFO", "") or "/"
        path = raw.encode("latin-1", "replace").decode("utf-8", "replace")
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        return cls(method=environ.get("REQUEST_METHOD", "GET").upper(), path=path, query=query,
                   base_url=application_uri(environ))

    @property
    def is_api(self) -> bool:
        """Whether the request is for the JSON API (errors answered as JSON)."""
        return self.path == "/api" or self.path.startswith("/api/")

    def arg(self, name: str, default: str = "") -> str:
        """Return a query parameter's first value, stripped.

        :param name: parameter name.
        :param default: value when absent.
        """
        values = self.query.get(name)
        return values[0].strip() if values else default

    def date_arg(self, name: str) -> dt.date | None:
        """Return a ``YYYY-MM-DD`` query parameter as a date (None if absent, 400 if malformed).

        :param name: parameter name.
        """
        value = self.arg(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise BadRequest(f"{name}: {value!r} is not a date like 2026-11-27") from exc

    def int_arg(self, name: str, default: int, *, low: int, high: int) -> int:
        """Return an integer query parameter within ``[low, high]`` (400 otherwise).

        :param name: parameter name.
        :param default: value when absent.
        :param low: smallest value allowed.
        :param high: largest value allowed.
        """
        value = self.arg(name)
        if not value:
            return default
        if not _WHOLE_NUMBER.fullmatch(value):  # int() would also take "1_000", "+5" and non-ASCII digits
            raise BadRequest(f"{name}: {value!r} is not a whole number")
        number = int(value)
        if not low <= number <= high:
            raise BadRequest(f"{name}: {number} is not between {low} and {high}")
        return number


@dataclass
class Response:
    """A complete response: status, content type, body and extra headers."""

    body: bytes | str
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, start_response: StartResponse, *, head: bool = False) -> Iterable[bytes]:
        """Send the response through ``start_response``; return the body iterable.

        :param start_response: the WSGI callable.
        :param head: leave the body out (a HEAD request) but keep its length.
        """
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        phrase = http.HTTPStatus(self.status).phrase
        headers = [("Content-Type", self.content_type), ("Content-Length", str(len(body))), *SECURITY_HEADERS,
                   *self.headers]
        start_response(f"{self.status} {phrase}", headers)
        return [] if head else [body]


def json_response(data: Any, *, status: int = 200, content_type: str = "application/json; charset=utf-8") -> Response:
    """Return ``data`` as an indented JSON response.

    :param data: JSON-safe data (dates become strings).
    :param status: HTTP status.
    :param content_type: the media type, e.g. ``application/feed+json``.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return Response(text, status=status, content_type=content_type)


View = Callable[..., Response]


class Router:
    """Regex routes, matched in order against the whole path; groups become view arguments."""

    def __init__(self) -> None:
        """Start with no routes."""
        self.routes: list[tuple[re.Pattern[str], View]] = []

    def add(self, pattern: str, view: View) -> None:
        """Register a view for a path pattern (anchored at both ends).

        :param pattern: regular expression with named groups, e.g. ``/stories/(?P<story_id>[\\w-]+)``.
        :param view: called as ``view(request, **groups)``.
        """
        self.routes.append((re.compile(rf"\A{pattern}\Z"), view))

    def match(self, path: str) -> tuple[View, Mapping[str, str]]:
        """Return the view and its arguments for a path, or raise :class:`NotFound`.

        :param path: the decoded request path.
        """
        for regex, view in self.routes:
            found = regex.match(path)
            if found:
                return view, found.groupdict()
        raise NotFound(f"not found: {path}")
