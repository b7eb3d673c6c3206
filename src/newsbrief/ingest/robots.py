"""robots.txt for article pages, fetched once per host per run (RFC 9309 semantics).

Feeds are meant to be polled, so robots.txt applies only to ``kind="page"`` requests.
Status handling follows RFC 9309 section 2.3.1: a 2xx body is parsed; a 4xx (no robots.txt)
allows everything; a 429, a 5xx or a network failure means "unreachable", which disallows the host's
pages for this run (the next run asks again).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

__all__ = ["ROBOTS_MAX_BYTES", "RobotsCache", "RobotsFetcher"]

LOGGER = logging.getLogger(__name__)

ROBOTS_MAX_BYTES = 500_000
"""RFC 9309 asks crawlers to read at least 500 KiB; the rest is ignored."""

RobotsFetcher = Callable[[str], Awaitable[tuple[int, bytes]]]
"""Fetches a robots.txt URL and returns ``(status, body)``; status 0 means the network failed."""


class RobotsCache:
    """Per-run cache of parsed robots.txt files, one fetch per scheme+host+port."""

    def __init__(self, *, user_agent: str) -> None:
        """Create an empty cache.

        :param user_agent: the User-Agent whose product token is matched against the rules.
        """
        self._agent = user_agent.split("/", 1)[0].strip() or user_agent
        self._rules: dict[str, RobotFileParser | bool] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str, fetcher: RobotsFetcher) -> bool:
        """Return whether robots.txt lets us fetch ``url``, fetching it on first use per host.

        :param url: the page URL.
        :param fetcher: how to fetch robots.txt (the same client, guard and size cap as pages).
        """
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                self._rules[origin] = await self._load(origin, fetcher)
        rules = self._rules[origin]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self._agent, url)

    async def _load(self, origin: str, fetcher: RobotsFetcher) -> RobotFileParser | bool:
        robots_url = origin + "/robots.txt"
        try:
            status, body = await fetcher(robots_url)
        except Exception as exc:  # noqa: BLE001 - any failure to fetch is "unreachable"
            LOGGER.info("robots: %s unreachable (%s); pages disallowed this run", robots_url, exc)
            return False
        if 200 <= status < 300:
            parser = RobotFileParser(robots_url)
            parser.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace").splitlines())
            return parser
        if 400 <= status < 500 and status != 429:
            return True
        LOGGER.info("robots: %s returned %s; pages disallowed this run", robots_url, status)
        return False
