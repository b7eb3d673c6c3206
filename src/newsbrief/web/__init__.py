"""The web UI and JSON API of ``newsbrief serve``: a Starlette app served by uvicorn."""

from __future__ import annotations

from .app import make_app
from .errors import BadRequest, MethodNotAllowed, NotFound, WebError
from .server import ServeError, ServerThread, serve

__all__ = ["BadRequest", "MethodNotAllowed", "NotFound", "ServeError", "ServerThread", "WebError", "make_app", "serve"]
