"""Stage 1, fetch: URLs -> bytes, politely and safely (httpx, asyncio).

All politeness lives here (CONVENTIONS habit 5):

* conditional GET: ``If-None-Match`` / ``If-Modified-Since`` from the stored validators (sent
  only when well-formed); a 304 gives ``FetchResult.not_modified``; new validators come only
  from successful responses (:attr:`FetchOutcome.etag`, :attr:`FetchOutcome.last_modified`);
* bounded concurrency overall (``concurrency``) and per host (``per_host_concurrency``), with
  a minimum interval between request starts to one host (``per_host_interval``);
* 429/503 with ``Retry-After``: the outcome carries ``retry_after``; later requests to that
  registrable domain (``a.tumblr.com`` and ``b.tumblr.com`` share a rate limit; PSL-private
  suffixes such as ``blogspot.com`` keep their users apart) in the same run wait when the
  delay is short (at most 2 x ``per_host_interval``) and fail fast otherwise;
  :func:`next_poll` turns it into the next poll time;
* timeouts: ``connect_timeout`` to connect, ``timeout`` per read *and* as the deadline for the
  whole body, so a server that drips one byte a second is cut off too;
* size cap: the decoded body is streamed and the request aborted past ``max_bytes`` (a
  gzip bomb is counted after decompression);
* redirects followed by hand, at most ``max_redirects``, each hop re-checked by the SSRF
  guard (:mod:`newsbrief.ingest.ssrf`); the network backend connects only to addresses the guard
  resolved and checked (no second lookup, so no DNS rebinding), for feeds, pages,
  robots.txt and redirect hops alike; loops are named as loops; when every hop was permanent
  (301/308) ``FetchResult.permanent_redirect`` is set and ``final_url`` is the new address;
* gzip/deflate/brotli (httpx, with ``httpx[brotli]``); an explicit User-Agent;
* robots.txt honoured for ``kind="page"`` requests (:mod:`newsbrief.ingest.robots`, once per host per run).

A failure for one URL is data: :class:`FetchOutcome` with a one-line ``"fetch: ..."`` error,
never an exception out of :func:`fetch_all`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import logging
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from courlan import extract_domain

from newsbrief.errors import FetchError
from newsbrief.ingest.fetch_policy import (
    DEFAULT_USER_AGENT,
    FetchOutcome,
    FetchRequest,
    FetchSettings,
    next_poll,
    parse_retry_after,
)
from newsbrief.model import FetchResult
from newsbrief.ingest.robots import ROBOTS_MAX_BYTES, RobotsCache
from newsbrief.ingest.ssrf import AddressRefused, HostGuard, check_url

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchOutcome",
    "FetchRequest",
    "FetchSettings",
    "fetch_all",
    "fetch_all_async",
    "next_poll",
    "parse_retry_after",
    "read_local",
]

LOGGER = logging.getLogger(__name__)

_readable: Callable[[Any], bool] | None
try:
    from httpcore._utils import is_socket_readable as _readable
except ImportError:  # pragma: no cover - httpcore moved it: treat idle sockets as alive
    _readable = None


def _is_socket_readable(sock: Any) -> bool:
    """Return True when an idle pooled socket has data or EOF waiting (the server closed it)."""
    return bool(_readable(sock)) if _readable is not None else False


_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.8",
}
_PAGE_TYPE = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml|rss\+xml|atom\+xml)$)")
_ETAG_OK = re.compile(r'^(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"$|^[\x21\x23-\x7e]+$')


class _HostGate:
    """Per-host politeness: a concurrency limit, a start interval and a run-level block."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self.semaphore = asyncio.Semaphore(max(1, concurrency))
        self.lock = asyncio.Lock()
        self.interval = interval
        self.next_start = 0.0
        self.blocked_until = 0.0

    async def wait_turn(self) -> None:
        async with self.lock:
            loop = asyncio.get_running_loop()
            delay = max(self.next_start, self.blocked_until) - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self.next_start = loop.time() + self.interval


class _Fetcher:
    def __init__(self, client: httpx.AsyncClient, settings: FetchSettings, guard: HostGuard) -> None:
        self.client = client
        self.settings = settings
        self.guard = guard  # host -> checked addresses, this run (shared with the network backend)
        self.global_limit = asyncio.Semaphore(max(1, settings.concurrency))
        self.gates: dict[str, _HostGate] = {}
        self.robots = RobotsCache(user_agent=settings.user_agent)
        # A 429/503 blocks the whole registrable domain for the run (a.tumblr.com and
        # b.tumblr.com share one rate limit), keyed by courlan's PSL-aware domain.
        self.blocks: dict[str, tuple[float, str]] = {}
        self.domains: dict[str, str] = {}

    def domain(self, url: str) -> str:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.domains:
            try:
                self.domains[host] = extract_domain(url) or host
            except (ValueError, TypeError):
                self.domains[host] = host
        return self.domains[host]

    def gate(self, url: str) -> _HostGate:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.gates:
            self.gates[host] = _HostGate(self.settings.per_host_concurrency, self.settings.per_host_interval)
        return self.gates[host]

    async def fetch(self, request: FetchRequest) -> FetchOutcome:
        gate = self.gate(request.url)
        # Wait for the host (its own limit and interval) *before* taking a global slot, so
        # many requests queued for one slow host never starve the other hosts.
        async with gate.semaphore:
            refused = self._blocked(request)
            if refused is not None:
                return refused
            gate.blocked_until = max(
                gate.blocked_until, self.blocks.get(self.domain(request.url), (0.0, ""))[0]
            )
            await gate.wait_turn()
            async with self.global_limit:
                # the domain may have answered 429 while this request waited for its slot
                refused = self._blocked(request)
                if refused is not None:
                    return refused
                until = self.blocks.get(self.domain(request.url), (0.0, ""))[0]
                delay = until - asyncio.get_running_loop().time()
                if delay > 0:
                    await asyncio.sleep(delay)
                return await self._fetch_now(request)

    def _blocked(self, request: FetchRequest) -> FetchOutcome | None:
        """Return a refusal when the request's domain asked us to wait longer than we would."""
        until, reason = self.blocks.get(self.domain(request.url), (0.0, ""))
        wait = until - asyncio.get_running_loop().time()
        if wait > max(2 * self.settings.per_host_interval, 0.0) and reason:
            return FetchOutcome(request, None, f"fetch: not fetched, {reason}", 0, wait)
        return None

    async def _fetch_now(self, request: FetchRequest) -> FetchOutcome:
        deadline = self.settings.connect_timeout + self.settings.timeout
        try:
            async with asyncio.timeout(deadline):
                if (
                    request.kind == "page"
                    and self.settings.respect_robots
                    and not await self.robots.allowed(request.url, self._fetch_robots)
                ):
                    return FetchOutcome(request, None, f"fetch: robots.txt disallows {request.url}")
                return await self._follow(request)
        except AddressRefused as exc:  # refused at connect time by the network backend
            return FetchOutcome(request, None, exc.for_url(request.url))
        except FetchError as exc:
            return FetchOutcome(request, None, str(exc))
        except TimeoutError:
            return FetchOutcome(request, None, f"fetch: timed out after {deadline:g}s for {request.url}")
        except httpx.HTTPError as exc:
            return FetchOutcome(request, None, _describe_http_error(exc, request.url, self.settings))
        except Exception as exc:  # never let one URL crash the run
            LOGGER.warning("fetch: unexpected error for %s", request.url, exc_info=True)
            return FetchOutcome(request, None, f"fetch: {type(exc).__name__}: {exc} for {request.url}")

    async def _fetch_robots(self, url: str) -> tuple[int, bytes]:
        """Return (status, body) of a robots.txt, following up to 5 redirects (RFC 9309 2.3.1.2)."""
        for _ in range(6):
            await check_url(
                url,
                allow_private=self.settings.allow_private,
                via_proxy=bool(self.settings.proxy),
                guard=self.guard,
            )
            async with self.client.stream("GET", url, headers={"Accept": "text/plain"}) as response:
                status = response.status_code
                location = response.headers.get("location")
                if status in _REDIRECTS and location:
                    url = urljoin(url, location.strip())
                    continue
                body = b""
                if 200 <= status < 300:
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) >= ROBOTS_MAX_BYTES:
                            break
                return status, body
        return 404, b""  # RFC 9309: too many redirects means "no robots.txt"

    def _headers(self, request: FetchRequest) -> dict[str, str]:
        headers = {"Accept": _ACCEPT.get(request.kind, _ACCEPT["page"])}
        etag = (request.etag or "").strip()
        if etag and _ETAG_OK.match(etag):
            headers["If-None-Match"] = etag
        modified = (request.last_modified or "").strip()
        if modified:
            try:
                email.utils.parsedate_to_datetime(modified)
            except (TypeError, ValueError):
                LOGGER.debug("fetch: not sending malformed Last-Modified %r", modified)
            else:
                headers["If-Modified-Since"] = modified
        return headers

    async def _follow(self, request: FetchRequest) -> FetchOutcome:
        settings = self.settings
        url = request.url
        seen = {url}
        permanent = True
        hops = 0
        headers = self._headers(request)
        while True:
            await check_url(
                url, allow_private=settings.allow_private, via_proxy=bool(settings.proxy), guard=self.guard
            )
            async with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in _REDIRECTS and response.headers.get("location"):
                    target = urljoin(url, response.headers["location"].strip())
                    permanent = permanent and status in _PERMANENT
                    hops += 1
                    if target in seen:
                        raise FetchError(f"fetch: redirect loop at {target} (from {request.url})")
                    if hops > settings.max_redirects:
                        raise FetchError(
                            f"fetch: more than {settings.max_redirects} redirects from {request.url}"
                        )
                    seen.add(target)
                    url = target
                    continue
                now = dt.datetime.now(dt.UTC)
                resp_headers = {k.lower(): v for k, v in response.headers.items()}
                moved = hops > 0 and permanent
                if status == 304:
                    result = FetchResult(
                        url=request.url,
                        final_url=url,
                        status=304,
                        headers=resp_headers,
                        content=b"",
                        fetched_at=now,
                        not_modified=True,
                        permanent_redirect=moved,
                    )
                    return FetchOutcome(request, result, None, 304)
                if 200 <= status < 300:
                    kind = resp_headers.get("content-type", "").split(";")[0].strip().lower()
                    if request.kind == "page" and kind and not _PAGE_TYPE.match(kind):
                        raise FetchError(f"fetch: not a web page ({kind}) at {url}, not downloaded")
                    content = await self._read_capped(response, url)
                    result = FetchResult(
                        url=request.url,
                        final_url=url,
                        status=status,
                        headers=resp_headers,
                        content=content,
                        fetched_at=now,
                        permanent_redirect=moved,
                    )
                    return FetchOutcome(request, result, None, status)
                retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
                reason = response.reason_phrase or httpx.codes.get_reason_phrase(status) or "error"
                message = f"fetch: {status} {reason} for {url}"
                if status in (429, 503):
                    delay = retry_after if retry_after is not None else max(60.0, settings.per_host_interval)
                    message += f" (retry after {delay:g}s)"
                    loop = asyncio.get_running_loop()
                    domain = self.domain(url)
                    until = max(self.blocks.get(domain, (0.0, ""))[0], loop.time() + delay)
                    why = f"{urlsplit(url).hostname} answered {status}, asked to wait {delay:g}s"
                    self.blocks[domain] = (until, f"{why} (applies to {domain} for this run)")
                return FetchOutcome(request, None, message, status, retry_after)

    async def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and "content-encoding" not in response.headers:
            raise FetchError(f"fetch: response of {int(declared)} bytes exceeds the {cap}-byte cap for {url}")
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > cap:
                raise FetchError(f"fetch: response exceeds the {cap}-byte cap for {url} (aborted)")
            chunks.append(chunk)
        return b"".join(chunks)


def _describe_http_error(exc: httpx.HTTPError, url: str, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"fetch: connect timeout after {settings.connect_timeout:g}s for {url}"
    if isinstance(exc, httpx.ReadTimeout):
        return f"fetch: read timeout after {settings.timeout:g}s for {url}"
    if isinstance(exc, httpx.TimeoutException):
        return f"fetch: timed out for {url}"
    if isinstance(exc, httpx.ConnectError):
        return f"fetch: cannot connect for {url} ({exc or type(exc).__name__})"
    if isinstance(exc, httpx.DecodingError):
        return f"fetch: bad content encoding from {url} ({exc})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"fetch: server broke the HTTP protocol for {url} ({exc or 'connection closed'})"
    if isinstance(exc, httpx.ProxyError):
        return f"fetch: proxy error for {url} ({exc})"
    detail = str(exc) or type(exc).__name__
    return f"fetch: {detail} for {url}"


class _CachedInfoStream(httpcore.AsyncNetworkStream):
    """An httpcore stream that answers ``get_extra_info`` without anyio's per-call dict building.

    httpcore asks every pooled connection ``is_readable`` on each request assignment; with
    anyio that lookup dominated the client's CPU time in the ingest bench.
    """

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket = inner.get_extra_info("socket")
        self._info: dict[str, object] = {}

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _CachedInfoStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return _is_socket_readable(self._socket)
        if info not in self._info:
            self._info[info] = self._inner.get_extra_info(info)
        return self._info[info]


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's anyio backend that connects only to addresses the SSRF guard checked.

    Every TCP connection except the one to the user's proxy goes through
    :meth:`HostGuard.addresses`: the host is resolved once per run, every address is
    checked, and the connection is made to a checked address (tried in the resolver's
    order), never to a second lookup's answer. TLS still verifies and sends SNI for the
    host name (httpcore passes it to ``start_tls``). Streams are wrapped in
    :class:`_CachedInfoStream`.
    """

    def __init__(self, guard: HostGuard | None = None, proxy: str | None = None) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._guard = guard
        self._proxy: tuple[str, int] | None = None
        if proxy:
            url = httpx.URL(proxy)
            self._proxy = (url.host.lower(), url.port or (443 if url.scheme == "https" else 80))

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        if self._guard is None or (host.lower(), port) == self._proxy:  # the proxy is the user's choice
            addresses: tuple[str, ...] = (host,)
        else:
            addresses = await self._guard.addresses(host, port)
        for i, address in enumerate(addresses):
            try:
                stream = await _open_tcp(
                    self._inner, address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                if i == len(addresses) - 1:
                    raise
                continue
            return _CachedInfoStream(stream)
        raise httpcore.ConnectError(f"no address for {host}")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _open_tcp(
    backend: httpcore.AsyncNetworkBackend, address: str, port: int, **options: Any
) -> httpcore.AsyncNetworkStream:
    """Open one TCP connection to a checked address."""
    return await backend.connect_tcp(address, port, **options)


def _make_transport(settings: FetchSettings, limits: httpx.Limits, guard: HostGuard) -> httpx.AsyncBaseTransport:
    transport = httpx.AsyncHTTPTransport(proxy=settings.proxy, limits=limits, trust_env=False)
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):
        # The guarded backend is what pins connections to checked addresses: without it
        # (an httpcore that moved its private attribute) refuse to run rather than fetch unguarded.
        raise FetchError("fetch: this httpcore version cannot take newsbrief's guarded network backend")
    pool._network_backend = _Backend(guard, settings.proxy)  # private in httpcore 1.x
    return transport


async def fetch_all_async(
    requests: Sequence[FetchRequest],
    *,
    settings: FetchSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    on_done: Callable[[FetchOutcome], None] | None = None,
) -> list[FetchOutcome]:
    """Fetch every request concurrently (async form of :func:`fetch_all`).

    :param requests: what to fetch.
    :param settings: limits, politeness and safety.
    :param transport: an httpx transport to use instead of the network (tests).
    :param on_done: called with each outcome as it completes (progress bars).
    """
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(
        max_connections=max(1, settings.concurrency), max_keepalive_connections=max(1, settings.concurrency)
    )
    guard = HostGuard(allow_private=settings.allow_private)
    client = httpx.AsyncClient(
        transport=transport if transport is not None else _make_transport(settings, limits, guard),
        timeout=timeout,
        limits=limits,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
        trust_env=False,
    )
    async with client:
        fetcher = _Fetcher(client, settings, guard)

        async def one(request: FetchRequest) -> FetchOutcome:
            outcome = await fetcher.fetch(request)
            if outcome.error:
                LOGGER.info("%s", outcome.error)
            if on_done is not None:
                try:
                    on_done(outcome)
                except Exception:  # a progress bar must not break fetching
                    LOGGER.warning("fetch: on_done callback failed", exc_info=True)
            return outcome

        return list(await asyncio.gather(*(one(r) for r in requests)))


def fetch_all(
    requests: Sequence[FetchRequest],
    *,
    settings: FetchSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    on_done: Callable[[FetchOutcome], None] | None = None,
) -> list[FetchOutcome]:
    """Fetch every request with bounded concurrency and return the outcomes in request order.

    Runs its own asyncio loop (in a helper thread when called from inside a running loop).

    :param requests: what to fetch.
    :param settings: limits, politeness and safety.
    :param transport: an httpx transport to use instead of the network (tests).
    :param on_done: called with each outcome as it completes (progress bars).
    """
    if not requests:
        return []

    def run() -> list[FetchOutcome]:
        return asyncio.run(fetch_all_async(requests, settings=settings, transport=transport, on_done=on_done))

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def read_local(path: str, *, max_bytes: int = 10_000_000) -> FetchResult:
    """Read a local feed file as if it had been fetched (``file://`` URLs accepted).

    :param path: the file path or ``file://`` URL.
    :param max_bytes: refuse files larger than this.
    :raises FetchError: when the file is missing, unreadable or too large.
    """
    local = path.removeprefix("file://")
    file = Path(local).expanduser()
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise FetchError(f"fetch: {path} is {size} bytes, over the {max_bytes}-byte cap")
        content = file.read_bytes()
    except FetchError:
        raise
    except IsADirectoryError as exc:
        raise FetchError(f"fetch: {path} is a directory, not a feed file") from exc
    except FileNotFoundError as exc:
        raise FetchError(f"fetch: no such file {path}") from exc
    except OSError as exc:
        raise FetchError(f"fetch: cannot read {path} ({exc.strerror or exc})") from exc
    now = dt.datetime.now(dt.UTC)
    return FetchResult(url=path, final_url=path, status=200, headers={}, content=content, fetched_at=now)
