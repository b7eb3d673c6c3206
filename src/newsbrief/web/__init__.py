"""The web UI and JSON API of ``newsbrief serve``: a small read-only WSGI app on the standard library."""

from __future__ import annotations

from .app import make_app
from .http import BadRequest, MethodNotAllowed, NotFound, WebError
from .server import ServeError, ServerThread, serve

__all__ = ["BadRequest", "MethodNotAllowed", "NotFound", "ServeError", "ServerThread", "WebError", "make_app", "serve"]
