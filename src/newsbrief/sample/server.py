"""A small real HTTP server that serves a web mirror from disk, used by the demo and tests.

It answers proxy-style requests (``GET http://host/path``) and ordinary ones (by the
``Host`` header), looking files up as ``<root>/days/<day>/<host>/<path>`` first (feeds
change from day to day) and ``<root>/web/<host>/<path>`` second (pages). It sends
``ETag`` and ``Last-Modified`` and honours conditional requests, so the fetch stage's
304 handling is exercised for real. It binds 127.0.0.1 only.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["MirrorServer"]

LOGGER = logging.getLogger(__name__)
_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
          ".json": "application/feed+json", ".rdf": "application/rdf+xml", ".opml": "text/x-opml", ".txt": "text/plain"}
_FIXED_MTIME = "Fri, 27 Nov 2026 06:00:00 GMT"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        LOGGER.debug("mirror: " + format, *args)

    def _locate(self) -> Path | None:
        parts = urlsplit(self.path)
        host = parts.hostname or (self.headers.get("Host") or "").split(":")[0]
        path = parts.path or "/"
        if path.endswith("/"):
            path += "index.html"
        mirror = self.server.mirror
        for base in (mirror.root / "days" / mirror.day / host, mirror.root / "web" / host):
            candidate = (base / path.lstrip("/")).resolve()
            if candidate.is_file() and base.resolve() in candidate.parents:
                return candidate
        return None

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.server.mirror.requests.append(self.path)
        target = self._locate()
        if target is None:
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        data = target.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        ctype = _TYPES.get(target.suffix, "text/html; charset=utf-8")
        head = data[:500].lstrip()
        if target.suffix not in _TYPES and head.startswith(b"<?xml"):
            ctype = "application/xml"  # an extensionless feed such as /rss
        if ctype == "application/xml" and b"<feed" in head:
            ctype = "application/atom+xml"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", _FIXED_MTIME)
        self.send_header("Date", email.utils.formatdate(usegmt=True))
        self.end_headers()
        self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    mirror: "MirrorServer"


class MirrorServer:
    """Serve a mirror folder on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, root: Path, *, day: str) -> None:
        """Prepare the server (not started yet).

        :param root: folder holding ``web/`` and ``days/<day>/``.
        :param day: which ``days/`` folder answers feed requests.
        """
        self.root = Path(root)
        self.day = day
        self.requests: list[str] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def proxy_url(self) -> str:
        """The ``http://127.0.0.1:PORT`` URL to use as an HTTP proxy."""
        if self._server is None:
            raise RuntimeError("mirror: server not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "MirrorServer":
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.mirror = self
        self._thread = threading.Thread(target=self._server.serve_forever, name="newsbrief-mirror", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "MirrorServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
