"""A real HTTP receiver on 127.0.0.1 for delivery tests: records each request, answers from a script.

``statuses`` are answered in turn (then 200); ``hold_first`` keeps the first request open
until :meth:`Receiver.release` is called, to stand for a send cut off mid-way.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    statuses: list[int] = field(default_factory=list)
    hold_first: bool = False
    requests: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    _release: threading.Event = field(default_factory=threading.Event)
    _server: Any = None
    _thread: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hook/s3cr3t-path-token"

    def start(self) -> "Receiver":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server hook name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                owner.requests.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                first = len(owner.requests) == 1
                owner.arrived.set()
                if first and owner.hold_first:
                    owner._release.wait(60)
                status = owner.statuses.pop(0) if owner.statuses else 200
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # the sender is gone

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def release(self) -> None:
        self._release.set()

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> "Receiver":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
