"""Serve the WSGI app with the standard library: a ``wsgiref`` server with a worker pool, on 127.0.0.1.

:func:`serve` blocks until Ctrl-C and then closes the socket; :class:`ServerThread` runs
the same server in a background thread for tests (``with ServerThread(app) as srv:``).
The server is meant for one person or a small team behind a reverse proxy, not the
open internet: it binds the loopback address unless told otherwise.

Under load (:class:`PooledWSGIServer`):

* the listen backlog is the system's ``somaxconn`` (at least 1024), not socketserver's 5,
  so a burst of connections waits in the kernel instead of having its SYNs dropped and
  retried seconds later;
* the accept loop only hands each connection to a fixed pool of daemon worker threads
  (``workers``, 32 by default) through a bounded queue; past ``max_queued`` waiting
  connections a new one gets an immediate 503 instead of an unbounded thread;
* every socket read or write of a connection times out after ``timeout`` seconds (10), so
  a client that connects and sends nothing, or stops reading, frees its worker. ``wsgiref``
  answers one request per connection (HTTP/1.0, no keep-alive), so no connection holds
  a worker between requests. Known limit: the timeout is per read, so a client that
  trickles its headers one byte at a time holds a worker longer; put a reverse proxy in
  front for exposure beyond a small trusted network.
"""

from __future__ import annotations

import logging
import queue
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.types import WSGIApplication

from ..errors import NewsbriefError

__all__ = ["PooledWSGIServer", "ServeError", "ServerThread", "make_wsgi_server", "serve"]

LOGGER = logging.getLogger(__name__)

WORKERS = 32
MAX_QUEUED = 4096
TIMEOUT = 10.0
_BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
         b"Retry-After: 1\r\nContent-Length: 18\r\nConnection: close\r\n\r\nserver overloaded\n")


def listen_backlog() -> int:
    """Return the listen backlog to ask for: the system's ``somaxconn``, at least 1024."""
    try:
        system = int(Path("/proc/sys/net/core/somaxconn").read_text().strip())
    except (OSError, ValueError):
        system = socket.SOMAXCONN
    return max(1024, system)


class ServeError(NewsbriefError):
    """The web server could not start (port in use, bad address)."""


class _QuietHandler(WSGIRequestHandler):
    """Request handler that logs through :mod:`logging` instead of stderr, with socket timeouts."""

    timeout = TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        """Log one access line at debug level."""
        LOGGER.debug("web: %s " + format, self.address_string(), *args)


class PooledWSGIServer(WSGIServer):
    """A ``wsgiref`` server whose connections are answered by a fixed pool of daemon threads."""

    allow_reuse_address = True
    request_queue_size = listen_backlog()

    def __init__(self, server_address: tuple[str, int], handler: type[WSGIRequestHandler], *,
                 workers: int = WORKERS, max_queued: int = MAX_QUEUED) -> None:
        """Bind and listen, then start ``workers`` daemon threads.

        :param server_address: ``(host, port)``.
        :param handler: the request handler class.
        :param workers: threads answering requests.
        :param max_queued: accepted connections waiting for a worker before new ones get a 503.
        """
        self.address_family = socket.AF_INET6 if ":" in server_address[0] else socket.AF_INET
        super().__init__(server_address, handler)
        self._queue: queue.Queue[tuple[Any, Any] | None] = queue.Queue(maxsize=max(1, max_queued))
        self._workers = [threading.Thread(target=self._work, name=f"newsbrief-web-{i}", daemon=True)
                         for i in range(max(1, workers))]
        for thread in self._workers:
            thread.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Queue an accepted connection for the pool (503 at once when the queue is full)."""
        try:
            self._queue.put_nowait((request, client_address))
        except queue.Full:
            LOGGER.warning("serve: %d connections waiting, answering 503", self._queue.qsize())
            try:
                request.setblocking(False)
                request.send(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:  # noqa: BLE001 - one bad connection never stops a worker
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a failed connection (timeouts and resets at debug level) instead of printing to stderr."""
        LOGGER.debug("serve: connection from %s failed", client_address, exc_info=True)

    def server_close(self) -> None:
        """Close the listening socket, drop waiting connections and stop the workers."""
        super().server_close()
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self.shutdown_request(item[0])
        for _ in self._workers:
            self._queue.put(None)
        deadline = time.monotonic() + TIMEOUT + 1  # a worker mid-request finishes or times out by then
        for thread in self._workers:
            if thread is not threading.current_thread():
                thread.join(timeout=max(0.0, deadline - time.monotonic()))


def make_wsgi_server(app: WSGIApplication, *, host: str = "127.0.0.1", port: int = 8080,
                     workers: int = WORKERS, timeout: float = TIMEOUT) -> PooledWSGIServer:
    """Bind a pooled WSGI server for ``app`` (port 0 picks a free port); it serves once ``serve_forever`` runs.

    :param app: the WSGI application, e.g. from :func:`newsbrief.web.make_app`.
    :param host: address to bind.
    :param port: TCP port.
    :param workers: threads answering requests.
    :param timeout: seconds any one socket read or write of a connection may take.
    """
    handler = _QuietHandler if timeout == TIMEOUT else type("_TimedHandler", (_QuietHandler,), {"timeout": timeout})
    try:
        server = PooledWSGIServer((host, port), handler, workers=workers)
    except OSError as exc:
        raise ServeError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    server.set_app(app)
    return server


def _url(server: PooledWSGIServer) -> str:
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

    def __init__(self, app: WSGIApplication, *, host: str = "127.0.0.1", port: int = 0,
                 workers: int = WORKERS, timeout: float = TIMEOUT) -> None:
        """Remember where to listen; nothing starts before ``__enter__``.

        :param app: the WSGI application.
        :param host: address to bind.
        :param port: TCP port (0 picks a free one).
        :param workers: threads answering requests.
        :param timeout: seconds any one socket read or write of a connection may take.
        """
        self.app = app
        self.host = host
        self.port = port
        self.workers = workers
        self.timeout = timeout
        self.server: PooledWSGIServer | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, ending in ``/``."""
        if self.server is None:
            raise ServeError("serve: the server thread is not running")
        return _url(self.server)

    def __enter__(self) -> Self:
        """Bind and start serving in a daemon thread."""
        self.server = make_wsgi_server(self.app, host=self.host, port=self.port, workers=self.workers,
                                       timeout=self.timeout)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       name="newsbrief-web-accept", daemon=True)
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
