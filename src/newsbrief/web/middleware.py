"""The ASGI layer in front of every route: the ``Host`` allowlist and the security headers.

Every answer, errors included, carries a strict ``Content-Security-Policy`` (no scripts,
no remote anything, forms only to this server, no framing; inline styles only), so feed
text that slipped past escaping still could not run. A request whose ``Host`` header names
no host this server is known by is answered 400 before any route runs
(:mod:`newsbrief.web.hosts`). A ``HEAD`` answer keeps its headers and drops its body.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .hosts import HostAllowlist

__all__ = ["CSP", "SECURITY_HEADERS", "GuardMiddleware"]

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
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
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
            elif message["type"] == "http.response.body" and head and message.get("body"):
                message = {**message, "body": b""}
            await send(message)

        host = Headers(scope=scope).get("host")
        if not self.hosts.allows(host):
            await self.refuse(scope, host)(scope, receive, guarded_send)
            return
        await self.app(scope, receive, guarded_send)
