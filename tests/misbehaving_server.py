"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, for ingest tests.

Usage::

    with serve({"/feed": Route(body=b"<rss/>"), "/slow": Route(delay=0.5)}) as srv:
        url = srv.url("/feed")

Each :class:`Route` describes one path: status, headers, body, plus misbehaviours (a delay
before answering, a body dripped slowly, an endless body, a connection closed mid-answer,
conditional-GET support, gzip). A callable route gets the handler and writes the answer
itself. The server also answers absolute-URI requests (``GET http://host.example/path``), so
it doubles as an HTTP proxy for tests of ``FetchSettings.proxy``; ``srv.requests`` records
what every request looked like.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import urlsplit


@dataclass
class Route:
    """How the server answers one path."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/rss+xml; charset=utf-8"
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body bytes (after the headers)
    endless: bool = False  # stream zeros until the client hangs up
    etag: str | None = None  # answer 304 when If-None-Match matches
    last_modified: str | None = None  # answer 304 when If-Modified-Since matches
    gzip: bool = False
    encoding: str = ""  # "deflate" or "br": compress the body and say so
    close_early: bool = False  # promise a body, send half, close the connection


Handler = Callable[["_Handler"], None]
RouteLike = Route | Handler


@dataclass
class RecordedRequest:
    """One request the server saw."""

    path: str
    host: str
    headers: dict[str, str]
    at: float
    absolute: bool


class Server:
    """The running server: its base URL and the requests it saw."""

    def __init__(self, httpd: ThreadingHTTPServer) -> None:
        self.httpd = httpd
        self.port = httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.requests: list[RecordedRequest] = []
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path`` on this server."""
        return self.base + path

    def hits(self, path: str) -> list[RecordedRequest]:
        """Return the requests made for ``path``."""
        with self.lock:
            return [r for r in self.requests if r.path == path]


class _Handler(BaseHTTPRequestHandler):
    server_version = "Misbehaving/1.0"
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, RouteLike]] = {}
    owner: Server

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        absolute = self.path.startswith(("http://", "https://"))
        parts = urlsplit(self.path)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        host = parts.netloc if absolute else self.headers.get("Host", "")
        owner = self.owner
        with owner.lock:
            owner.requests.append(
                RecordedRequest(
                    path, host, {k.lower(): v for k, v in self.headers.items()}, time.monotonic(), absolute
                )
            )
            owner.active += 1
            owner.max_active = max(owner.max_active, owner.active)
        try:
            route = self.routes.get(path) or self.routes.get(parts.path)
            if route is None:
                self._send(Route(status=404, body=b"not found", content_type="text/plain"))
            elif callable(route):
                route(self)
            else:
                self._send(route)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with owner.lock:
                owner.active -= 1

    def _send(self, route: Route) -> None:
        if route.delay:
            time.sleep(route.delay)
        if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.last_modified is not None and self.headers.get("If-Modified-Since") == route.last_modified:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = gzip.compress(route.body) if route.gzip else route.body
        if route.encoding == "deflate":
            body = zlib.compress(route.body)
        elif route.encoding == "br":
            import brotli

            body = brotli.compress(route.body)
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if route.etag is not None:
            self.send_header("ETag", route.etag)
        if route.last_modified is not None:
            self.send_header("Last-Modified", route.last_modified)
        if route.gzip:
            self.send_header("Content-Encoding", "gzip")
        elif route.encoding:
            self.send_header("Content-Encoding", route.encoding)
        for key, value in route.headers.items():
            self.send_header(key, value)
        if route.endless:
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<" + b"x" * 65535
            while True:
                self.wfile.write(chunk)
        if route.close_early:
            self.send_header("Content-Length", str(len(body) * 2 + 10))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if route.drip:
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(route.drip)
        else:
            self.wfile.write(body)


@contextmanager
def serve(routes: Mapping[str, RouteLike]) -> Iterator[Server]:
    """Serve ``routes`` on a random port of 127.0.0.1 in a thread, and stop it on exit.

    :param routes: path (optionally with query) -> Route or handler callable.
    """
    handler = type("BoundHandler", (_Handler,), {"routes": dict(routes)})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # type: ignore[attr-defined]
    server = Server(httpd)
    handler.owner = server  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=2)
