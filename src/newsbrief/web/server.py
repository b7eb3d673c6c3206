"""Serve the WSGI app with the standard library: a threading ``wsgiref`` server on 127.0.0.1.

:func:`serve` blocks until Ctrl-C and then closes the socket; :class:`ServerThread` runs
the same server in a background thread for tests (``with ServerThread(app) as srv:``).
The server is meant for one person or a small team behind a reverse proxy, not the
open internet: it binds the loopback address unless told otherwise.
"""

from __future__ import annotations

import logging
import socketserver
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from wsgiref.types import WSGIApplication

from ..errors import NewsbriefError

__all__ = ["ServeError", "ServerThread", "make_wsgi_server", "serve"]

LOGGER = logging.getLogger(__name__)


class ServeError(NewsbriefError):
    """The web server could not start (port in use, bad address)."""


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """A ``wsgiref`` server answering each request in its own daemon thread."""

    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    """Request handler that logs through :mod:`logging` instead of stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Log one access line at debug level."""
        LOGGER.debug("web: %s " + format, self.address_string(), *args)


def make_wsgi_server(app: WSGIApplication, *, host: str = "127.0.0.1", port: int = 8080) -> ThreadingWSGIServer:
    """Bind a threading WSGI server for ``app`` (port 0 picks a free port).

    :param app: the WSGI application, e.g. from :func:`newsbrief.web.make_app`.
    :param host: address to bind.
    :param port: TCP port.
    """
    try:
        server = make_server(host, port, app, server_class=ThreadingWSGIServer, handler_class=_QuietHandler)
    except OSError as exc:
        raise ServeError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    assert isinstance(server, ThreadingWSGIServer)
    return server


def _url(server: ThreadingWSGIServer) -> str:
    raw, port = server.server_address[:2]
    host = raw.decode() if isinstance(raw, bytes) else str(raw)
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(app: WSGIApplication, *, host: str = "127.0.0.1", port: int = 8080,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve ``app`` until interrupted (Ctrl-C), then close the socket and return.

    :param app: the WSGI application.
    :param host: address to bind (loopback by default).
    :param port: TCP port (0 picks a free one).
    :param ready: called with the server's URL once it listens (the CLI prints it).
    """
    server = make_wsgi_server(app, host=host, port=port)
    url = _url(server)
    LOGGER.info("serve: listening on %s", url)
    if ready is not None:
        ready(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        LOGGER.info("serve: interrupted, shutting down")
    finally:
        server.server_close()


class ServerThread:
    """Run the app on a real socket in a background thread; stop it on exit.

    ::

        with ServerThread(app) as srv:
            httpx.get(srv.url + "api/digests")
    """

    def __init__(self, app: WSGIApplication, *, host: str = "127.0.0.1", port: int = 0) -> None:
        """Remember where to listen; nothing starts before ``__enter__``.

        :param app: the WSGI application.
        :param host: address to bind.
        :param port: TCP port (0 picks a free one).
        """
        self.app = app
        self.host = host
        self.port = port
        self.server: ThreadingWSGIServer | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, ending in ``/``."""
        if self.server is None:
            raise ServeError("serve: the server thread is not running")
        return _url(self.server)

    def __enter__(self) -> Self:
        """Bind and start serving in a daemon thread."""
        self.server = make_wsgi_server(self.app, host=self.host, port=self.port)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       name="newsbrief-web", daemon=True)
        self.thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop serving, close the socket and wait for the thread."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)
        self.server = None
        self.thread = None
