"""Fetch policy as data: settings, requests, outcomes, and when to poll a source next.

Split from :mod:`newsbrief.ingest.fetch` (which re-exports every name here) so the transport code
and the politeness rules can be read separately. :func:`next_poll` is the back-off rule:
never "never" (a failing source is retried at most ``max_backoff`` later), Retry-After and
Cache-Control respected, jitter so failing sources do not retry in lockstep.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsbrief.model import FetchResult

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchOutcome",
    "FetchRequest",
    "FetchSettings",
    "next_poll",
    "parse_retry_after",
]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsbrief")
    except Exception:  # noqa: BLE001
        return "0.1.0"


DEFAULT_USER_AGENT = f"newsbrief/{_version()} (+https://github.com/newsbrief/newsbrief)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch: identity, limits, politeness and safety (one object passed down).

    ``timeout`` is the per-read timeout and, added to ``connect_timeout``, the deadline for a
    whole request (body included). With ``proxy`` set, the SSRF guard still checks every
    address spelling and resolves names here to refuse private ones; the proxy resolves them
    again (a limit documented in ``ssrf.py``).
    """

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    connect_timeout: float = 10.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    concurrency: int = 16
    per_host_concurrency: int = 2
    per_host_interval: float = 1.0
    allow_private: bool = False
    proxy: str | None = None
    respect_robots: bool = True
    poll_interval: float = 3600.0
    max_backoff: float = 86400.0


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One URL to fetch, with the validators stored from its last successful fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    kind: str = "feed"  # "feed" or "page" (robots.txt applies to pages)


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """What happened to one request: a result, or a one-line stage-prefixed error."""

    request: FetchRequest
    result: FetchResult | None
    error: str | None
    status: int = 0  # last HTTP status seen (also for errors); 0 when no response came
    retry_after: float | None = None  # seconds the server asked us to wait (429/503)

    @property
    def ok(self) -> bool:
        """Return True when a result came back (200 or 304)."""
        return self.error is None and self.result is not None

    @property
    def etag(self) -> str | None:
        """Return the ETag to store after this outcome (the old one unless a success brought a new one)."""
        if self.result is not None and self.error is None:
            new = self.result.headers.get("etag")
            if new or not self.result.not_modified:
                return new or None
        return self.request.etag

    @property
    def last_modified(self) -> str | None:
        """Return the Last-Modified value to store after this outcome."""
        if self.result is not None and self.error is None:
            new = self.result.headers.get("last-modified")
            if new or not self.result.not_modified:
                return new or None
        return self.request.last_modified


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Return the delay in seconds a ``Retry-After`` header asks for (seconds or HTTP date).

    :param value: the header value.
    :param now: the current time, for HTTP-date values.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    current = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - current).total_seconds())


def _max_age(headers: Mapping[str, str]) -> float | None:
    cache = headers.get("cache-control", "") or ""
    match = re.search(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", cache, re.IGNORECASE)
    return float(match.group(1)) if match else None


def next_poll(
    *,
    now: dt.datetime,
    outcome: FetchOutcome,
    error_count: int,
    settings: FetchSettings,
    rng: random.Random | None = None,
) -> dt.datetime:
    """Return when to poll this source next: soon after success, backing off after failures.

    Success: ``max(poll_interval, Cache-Control max-age, Expires - now)``. Failure: the
    server's ``Retry-After`` when given, else ``poll_interval * 2**(error_count - 1)`` with
    jitter (half fixed, half random) so failing sources spread out. Always capped at
    ``max_backoff`` and never below a minute: a source is never given up on.

    :param now: the current time (aware UTC).
    :param outcome: the outcome of the fetch that just happened.
    :param error_count: consecutive failures including this one (0 after a success).
    :param settings: ``poll_interval`` and ``max_backoff``.
    :param rng: the random source for jitter (tests pass a seeded one).
    """
    rng = rng or random.Random()
    cap = max(60.0, settings.max_backoff)
    if outcome.error is None and outcome.result is not None:
        delay = settings.poll_interval
        headers = outcome.result.headers
        max_age = _max_age(headers)
        if max_age is not None:
            delay = max(delay, max_age)
        expires = headers.get("expires")
        if expires:
            try:
                when = email.utils.parsedate_to_datetime(expires)
                if when.tzinfo is None:
                    when = when.replace(tzinfo=dt.UTC)
                delay = max(delay, (when - now).total_seconds())
            except (TypeError, ValueError):
                pass
    elif outcome.retry_after is not None:
        delay = max(outcome.retry_after, 60.0)
    else:
        exponent = min(max(error_count, 1) - 1, 30)
        full = settings.poll_interval * math.pow(2, exponent)
        full = min(full, cap)
        delay = full / 2 + rng.uniform(0, full / 2)
    delay = min(max(delay, 60.0), cap)
    return now + dt.timedelta(seconds=delay)
