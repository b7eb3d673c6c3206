"""SSRF guard: refuse URLs that point into the machine's own network.

A feed URL comes from the user (or from an OPML file someone sent them), and a page URL comes
from a feed (anyone on the internet). Without a guard, ``newsbrief fetch`` could be made to
read ``http://169.254.169.254/`` (cloud metadata), ``http://127.0.0.1:6379/`` or a router's
admin page. By default the guard refuses any host that *is or resolves to* a loopback,
private (RFC 1918, unique-local), link-local, CGNAT, multicast, reserved, unspecified or
cloud-metadata address.

* **Every spelling of an address** is read as the address it means before it is checked:
  ``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``, ``127.0.0.1.``, full-width
  digits, ``[::ffff:127.0.0.1]``, NAT64 and 6to4 forms (:func:`ip_literal`, the URL
  Standard's IPv4 parser, which is also what ``inet_aton`` and so ``getaddrinfo`` accept).
* **Resolve once, connect to what was checked** (DNS rebinding): :class:`HostGuard` resolves
  a name once per run, checks *every* address it got, and keeps them; ``fetch.py``'s network
  backend connects only to those checked addresses (never resolving again), for feeds,
  pages, robots.txt and every redirect hop alike. :func:`check_url` runs before each
  request and hop so the refusal names the URL.
* **With a proxy** (``FetchSettings.proxy``) the client connects only to the proxy, which is
  configured by the user and trusted. Literal addresses are checked as above, and a name is
  resolved here and refused when any of its addresses is private. Known limit: the proxy
  resolves the name again, so DNS rebinding between our lookup and the proxy's is not
  caught, and a name that does not resolve here (a proxy with its own DNS) is passed on.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
from urllib.parse import urlsplit

import idna

from newsbrief.errors import FetchError

__all__ = ["AddressRefused", "HostGuard", "address_problem", "canonical_host", "check_url", "ip_literal"]

LOGGER = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_IPV4_PART = re.compile(r"^(?:0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")
_NUMERIC_LABEL = re.compile(r"^(?:[0-9]+|0[xX][0-9a-fA-F]*)$")


def _unwrap(ip: IPAddress) -> IPAddress:
    """Return the IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address (else ``ip``)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour is not None:
            return ip.sixtofour
    return ip


def address_problem(address: str) -> str | None:
    """Return why an IP address must not be fetched from, or None when it is public.

    :param address: an IPv4 or IPv6 address (IPv4-mapped, NAT64 and 6to4 addresses are unwrapped).
    """
    try:
        ip = _unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
    except ValueError:
        return f"{address!r} is not an IP address"
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


def canonical_host(host: str) -> str:
    """Return a host as resolvers see it: UTS 46 mapped, lower-case, no brackets, no trailing dots.

    :param host: a URL's host (``Example.COM.``, ``[::1]``, ``１２７.０.０.１``).
    """
    host = host.strip().removeprefix("[").removesuffix("]")
    try:
        host = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except (idna.IDNAError, ValueError):
        host = host.lower()
    return host.rstrip(".")


def _ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Parse IPv4 as the URL Standard (and ``inet_aton``) do: 1-4 parts, decimal, 0x hex or 0 octal."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(p) for p in parts):
        return None
    numbers = []
    for part in parts:
        if part[:2].lower() == "0x":
            numbers.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part[0] == "0":
            numbers.append(int(part[1:], 8))
        else:
            numbers.append(int(part))
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1] + sum(n << (8 * (3 - i)) for i, n in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


def ip_literal(host: str) -> IPAddress | None:
    """Return the address a host spells, in any form resolvers accept, or None for a name.

    :param host: a host as returned by :func:`canonical_host`.
    """
    found = _ipv4(host)
    if found is not None:
        return found
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


def _looks_numeric(host: str) -> bool:
    """Whether the host ends in a number, so the URL Standard treats it as an IPv4 address."""
    return bool(_NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]))


class AddressRefused(FetchError):
    """A host that is, or resolves to, an address the guard refuses (or cannot be resolved)."""

    def __init__(self, host: str, detail: str, *, unresolved: bool = False) -> None:
        """Keep the host and the reason; :meth:`for_url` makes the one-line message.

        :param host: the host as given.
        :param detail: why, e.g. ``"resolves to 10.0.0.5, a private address"``.
        :param unresolved: the name did not resolve (not a refusal of an address).
        """
        self.host = host
        self.detail = detail
        self.unresolved = unresolved
        super().__init__(self.for_url(host))

    def for_url(self, url: str) -> str:
        """Return the ``"fetch: ..."`` message for the URL being fetched.

        :param url: the URL whose host was refused.
        """
        if self.unresolved:
            return f"fetch: cannot resolve {self.host} for {url} ({self.detail})"
        return f"fetch: refused {url}: {self.host} {self.detail} (set allow_private to fetch it)"


def _literal_problem(host: str, ip: IPAddress) -> str | None:
    problem = address_problem(str(ip))
    if problem is None:
        return None
    return f"is {problem}" if str(ip) == host else f"is {ip}, {problem}"


async def _getaddrinfo(host: str, port: int) -> list[str]:
    """Resolve a name with the system resolver (the one seam tests replace)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class HostGuard:
    """Resolve each host once per run, check every address, and hand out only checked addresses.

    One guard serves one fetch run: :func:`check_url` asks it before each request and the
    network backend asks it again at connect time, and both get the same (pinned) answer.
    """

    def __init__(self, *, allow_private: bool) -> None:
        """Start with no lookups.

        :param allow_private: resolve and pin, but do not refuse private addresses.
        """
        self.allow_private = allow_private
        self._answers: dict[tuple[str, int], asyncio.Future[tuple[str, ...]]] = {}

    async def addresses(self, host: str, port: int) -> tuple[str, ...]:
        """Return the checked addresses to connect to for ``host``; raise :class:`AddressRefused`.

        :param host: a host name or address, in any spelling.
        :param port: the TCP port (part of the lookup key).
        """
        name = canonical_host(host)
        literal = ip_literal(name)
        if literal is not None:
            problem = None if self.allow_private else _literal_problem(name, literal)
            if problem:
                raise AddressRefused(host, problem)
            return (str(literal),)
        if not self.allow_private and (name in _LOCAL_NAMES or name.endswith(".localhost")):
            raise AddressRefused(host, "is a loopback name")
        if not self.allow_private and _looks_numeric(name):
            raise AddressRefused(host, "is not a valid IP address")
        if not name.isascii():
            try:
                name = idna.encode(name, uts46=True).decode("ascii")
            except idna.IDNAError as exc:
                raise AddressRefused(host, f"not a valid host name: {exc}", unresolved=True) from exc
        key = (name, port)
        if key not in self._answers:
            self._answers[key] = asyncio.ensure_future(self._lookup(host, name, port))
        return await asyncio.shield(self._answers[key])  # one lookup per host per run, shared

    async def _lookup(self, host: str, name: str, port: int) -> tuple[str, ...]:
        try:
            found = await _getaddrinfo(name, port)
        except (OSError, UnicodeError) as exc:
            raise AddressRefused(host, str(exc), unresolved=True) from exc
        if not found:
            raise AddressRefused(host, "no address", unresolved=True)
        if not self.allow_private:
            for address in found:
                problem = address_problem(address)
                if problem:
                    raise AddressRefused(host, f"resolves to {address}, {problem}")
        return tuple(found)


async def check_url(url: str, *, allow_private: bool, via_proxy: bool = False, guard: HostGuard | None = None) -> None:
    """Raise FetchError when ``url`` is not http(s) or its host is, or resolves to, a private address.

    :param url: the URL about to be requested.
    :param allow_private: skip the address checks (tests, intranet feeds).
    :param via_proxy: the request goes through a proxy: a name that does not resolve here is
        passed on to the proxy instead of being an error.
    :param guard: the run's :class:`HostGuard` (one lookup per host, pinned for the connection).
    :raises FetchError: with a ``"fetch: refused ..."`` or ``"fetch: cannot resolve ..."`` message.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"fetch: unsupported URL scheme {parts.scheme or '(none)'!r} in {url}")
    try:
        raw = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"fetch: bad host or port in {url} ({exc})") from exc
    if not canonical_host(raw):
        raise FetchError(f"fetch: no host in {url}")
    if allow_private:
        return
    guard = guard or HostGuard(allow_private=False)
    try:
        await guard.addresses(raw, port)
    except AddressRefused as exc:
        if exc.unresolved and via_proxy:
            LOGGER.debug("fetch: %s does not resolve here; the proxy resolves it (%s)", raw, exc.detail)
            return
        raise FetchError(exc.for_url(url)) from exc
