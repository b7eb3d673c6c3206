"""A tiny HTTP server on 127.0.0.1 serving fixed documents (feeds, pages) by path, for web tests."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self


def rss(title: str, items: list[tuple[str, str, str]], *, link: str = "http://127.0.0.1/") -> bytes:
    """Return an RSS 2.0 document with ``(title, link, description)`` items (description as raw HTML)."""
    parts = [f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>"
             f"<description><![CDATA[{d}]]></description></item>" for t, u, d in items]
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{link}</link>'
            f"<description>test feed</description>{''.join(parts)}</channel></rss>").encode()


class FeedServer:
    """Serve ``{path: (content_type, body)}`` until the ``with`` block ends; 404 for anything else."""

    def __init__(self, documents: dict[str, tuple[str, bytes]]) -> None:
        self.documents = documents
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                found = outer.documents.get(self.path.split("?")[0])
                if found is None:
                    self.send_error(404)
                    return
                kind, body = found
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        """Base URL without a trailing slash."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
