"""The ASGI layer in front of every route: the ``Host`` allowlist and the security headers.

Every answer, errors included, carries a strict ``Content-Security-Policy`` (no scripts,
no remote anything, forms only to this server, no framing; styles only from this server's
stylesheet, ``/static/newsbrief.css``), so feed text that slipped past escaping still could
not run or restyle the page. A self-contained HTML file (the standalone digest) names its own
inline styles by hash (:func:`csp_allowing_styles`); nothing else is inline. A request whose ``Host`` header names
no host this server is known by is answered 400 before any route runs
(:mod:`newsbrief.web.hosts`). A ``HEAD`` answer keeps its headers and drops its body.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .hosts import HostAllowlist

__all__ = ["CSP", "SECURITY_HEADERS", "GuardMiddleware", "csp_allowing_styles"]

_STYLE_SRC = "style-src 'self'"
CSP = (f"default-src 'none'; {_STYLE_SRC}; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)
_HEAD, _TAIL = CSP.split(_STYLE_SRC)
# the only policy a view may set instead: CSP plus the hashes of inline styles
_HASHED_CSP = re.compile(re.escape(_HEAD + _STYLE_SRC) + r"(?: 'sha256-[A-Za-z0-9+/]+=*')*" + re.escape(_TAIL))


def csp_allowing_styles(html: str) -> str:
    """Return :data:`CSP` that also allows exactly the inline ``<style>`` blocks of ``html`` (by SHA-256).

    :param html: a complete HTML document.
    """
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"
              for block in _STYLE_BLOCK.findall(html)]
    return CSP.replace(_STYLE_SRC, " ".join([_STYLE_SRC, *hashes]), 1)

SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
)


class GuardMiddleware:
    """Refuse unknown ``Host`` headers, add the security headers, drop ``HEAD`` bodies."""

    def __init__(self, app: ASGIApp, *, hosts: HostAllowlist, refuse: Callable[[Scope, str | None], Response]) -> None:
        """Wrap ``app``.

        :param app: the ASGI app behind.
        :param hosts: the allowed ``Host`` names.
        :param refuse: builds the 400 answer for a refused ``Host`` header.
        """
        self.app = app
        self.hosts = hosts
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                own = headers.get("content-security-policy", "")
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
                if _HASHED_CSP.fullmatch(own):
                    headers["content-security-policy"] = own
            elif message["type"] == "http.response.body" and head and message.get("body"):
                message = {**message, "body": b""}
            await send(message)

        host = Headers(scope=scope).get("host")
        if not self.hosts.allows(host):
            await self.refuse(scope, host)(scope, receive, guarded_send)
            return
        await self.app(scope, receive, guarded_send)
