"""SSRF guard: refuse URLs that point into the machine's own network.

A feed URL comes from the user (or from an OPML file someone sent them), and a page URL comes
from a feed (anyone on the internet). Without a guard, ``newsbrief fetch`` could be made to
read ``http://169.254.169.254/`` (cloud metadata), ``http://127.0.0.1:6379/`` or a router's
admin page. :func:`check_url` refuses, by default, any URL whose host *is or resolves to* a
loopback, private (RFC 1918, unique-local), link-local, CGNAT, multicast, reserved,
unspecified or cloud-metadata address. ``fetch.py`` calls it before the first request and
again before every redirect hop.

**With a proxy** (``FetchSettings.proxy``) the proxy resolves names, so target host names are
not resolved here; literal IP addresses and ``localhost`` names are still checked. The proxy
itself is configured by the user and trusted.

Known limit: the name is resolved here and again by the HTTP client, so a DNS server that
answers differently the second time (DNS rebinding) is not caught.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from urllib.parse import urlsplit

from .errors import FetchError

__all__ = ["address_problem", "check_url"]

LOGGER = logging.getLogger(__name__)

_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def address_problem(address: str) -> str | None:
    """Return why an IP address must not be fetched from, or None when it is public.

    :param address: an IPv4 or IPv6 address (an IPv4-mapped IPv6 address is unwrapped).
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if ip.is_private:
        return "a private address"
    if ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return "a reserved address"
    return None


async def check_url(
    url: str,
    *,
    allow_private: bool,
    via_proxy: bool = False,
    cache: dict[str, asyncio.Future[str]] | None = None,
) -> None:
    """Raise FetchError when ``url`` is not http(s) or its host is, or resolves to, a private address.

    :param url: the URL about to be requested.
    :param allow_private: skip the address checks (tests, intranet feeds).
    :param via_proxy: a proxy resolves names, so only literal addresses and localhost are checked.
    :param cache: per-run memo of host lookups (``host:port`` -> "" or the refusal reason).
    :raises FetchError: with a ``"fetch: refused ..."`` message.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"fetch: unsupported URL scheme {parts.scheme or '(none)'!r} in {url}")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise FetchError(f"fetch: no host in {url}")
    if allow_private:
        return
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        problem = address_problem(host)
        if problem:
            raise FetchError(f"fetch: refused {url}: {host} is {problem} (set allow_private to fetch it)")
        return
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        raise FetchError(f"fetch: refused {url}: {host} is a loopback name (set allow_private to fetch it)")
    if via_proxy:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    key = f"{host}:{port}"
    if cache is not None:
        if key not in cache:
            cache[key] = asyncio.ensure_future(_resolve_problem(host, port))
        reason = await asyncio.shield(cache[key])  # one lookup per host per run, shared
    else:
        reason = await _resolve_problem(host, port)
    if reason:
        raise FetchError(reason.replace("{url}", url))


async def _resolve_problem(host: str, port: int) -> str:
    """Return why ``host`` must not be fetched from ("" when all its addresses are public)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        return f"fetch: cannot resolve {host} for {{url}} ({exc})"
    for info in infos:
        address = str(info[4][0])
        problem = address_problem(address)
        if problem:
            return f"fetch: refused {{url}}: {host} resolves to {address}, {problem} (set allow_private to fetch it)"
    return ""
