"""Serve the ASGI app with uvicorn on 127.0.0.1.

:func:`serve` blocks until Ctrl-C (or SIGTERM) and then closes the socket;
:class:`ServerThread` runs the same server in a background thread for tests
(``with ServerThread(app) as srv:``). The socket is bound here, before uvicorn starts,
so a port in use is one clear :class:`ServeError` and port 0 gives a known free port.

Under load: one event loop answers every connection (keep-alive included) and runs the
views in Starlette's thread pool, so a slow or idle client holds no thread; the listen
backlog is the system's ``somaxconn`` (at least 1024), and past ``MAX_CONNECTIONS`` open
connections a new request gets an immediate 503. Behind a reverse proxy on the same host,
uvicorn trusts ``X-Forwarded-Proto`` and ``X-Forwarded-For`` from 127.0.0.1 only
(docs/reverse-proxy.md).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

import uvicorn
from starlette.types import ASGIApp

from ..errors import NewsbriefError

__all__ = ["ServeError", "ServerThread", "bind", "make_server", "serve"]

LOGGER = logging.getLogger(__name__)

MAX_CONNECTIONS = 1000
KEEP_ALIVE = 5


def listen_backlog() -> int:
    """Return the listen backlog to ask for: the system's ``somaxconn``, at least 1024."""
    try:
        system = int(Path("/proc/sys/net/core/somaxconn").read_text().strip())
    except (OSError, ValueError):
        system = socket.SOMAXCONN
    return max(1024, system)


class ServeError(NewsbriefError):
    """The web server could not start (port in use, bad address)."""


def bind(host: str, port: int) -> socket.socket:
    """Return a listening TCP socket on ``host:port`` (port 0 picks a free one).

    :param host: address to bind.
    :param port: TCP port.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(listen_backlog())
    except OSError as exc:
        sock.close()
        raise ServeError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def make_server(app: ASGIApp) -> uvicorn.Server:
    """Return a uvicorn server for ``app`` (quiet: access lines at debug level through :mod:`logging`).

    :param app: the ASGI application, e.g. from :func:`newsbrief.web.make_app`.
    """
    config = uvicorn.Config(app, lifespan="off", log_config=None, access_log=False, server_header=False,
                            limit_concurrency=MAX_CONNECTIONS, timeout_keep_alive=KEEP_ALIVE,
                            backlog=listen_backlog(), proxy_headers=True, forwarded_allow_ips="127.0.0.1")
    return uvicorn.Server(config)


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(app: ASGIApp, *, host: str = "127.0.0.1", port: int = 8080,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve ``app`` until interrupted (Ctrl-C or SIGTERM), then close the socket and return.

    :param app: the ASGI application.
    :param host: address to bind (loopback by default).
    :param port: TCP port (0 picks a free one).
    :param ready: called with the server's URL once it listens (the CLI prints it).
    """
    sock = bind(host, port)
    try:
        url = _url(sock)
        LOGGER.info("serve: listening on %s", url)
        if ready is not None:
            ready(url)
        make_server(app).run(sockets=[sock])
    finally:
        sock.close()


class ServerThread:
    """Run the app on a real socket in a background thread; stop it on exit.

    ::

        with ServerThread(app) as srv:
            httpx.get(srv.url + "api/digests")
    """

    def __init__(self, app: ASGIApp, *, host: str = "127.0.0.1", port: int = 0) -> None:
        """Remember where to listen; nothing starts before ``__enter__``.

        :param app: the ASGI application.
        :param host: address to bind.
        :param port: TCP port (0 picks a free one).
        """
        self.app = app
        self.host = host
        self.port = port
        self.server: uvicorn.Server | None = None
        self.sock: socket.socket | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, ending in ``/``."""
        if self.sock is None:
            raise ServeError("serve: the server thread is not running")
        return _url(self.sock)

    def __enter__(self) -> Self:
        """Bind, start serving in a daemon thread and wait until it answers."""
        self.sock = bind(self.host, self.port)
        self.server = make_server(self.app)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       name="newsbrief-web", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise ServeError("serve: the server thread did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop serving, close the socket and wait for the thread."""
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=10)
        if self.sock is not None:
            self.sock.close()
        self.server = None
        self.sock = None
        self.thread = None
