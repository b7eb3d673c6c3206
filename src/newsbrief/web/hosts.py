"""Which ``Host`` headers ``newsbrief serve`` answers: a guard against DNS rebinding.

A web page on ``http://evil.example/`` can make its own name resolve to 127.0.0.1 a
moment later (DNS rebinding) and then read ``http://evil.example:8080/api/settings``
from the victim's browser: the browser thinks it talks to evil.example, so the
same-origin policy does not stop it, but the request arrives with
``Host: evil.example:8080``. Answering only the names this server is really known by
stops that. Allowed, whatever the port:

* loopback names and addresses (``localhost``, ``*.localhost``, ``127.0.0.0/8``, ``::1``);
* the bind address (``--host``); when it is a wildcard (``0.0.0.0``, ``::``) any IP
  address, since a bare address cannot be rebound;
* the host of ``web.base_url``;
* every entry of ``web.allowed_hosts``: a name, ``.example.org`` for a domain and its
  subdomains, or ``*`` for any host (turns the check off; only behind a proxy that checks).

A request without a ``Host`` header (HTTP/1.0) cannot come from a browser and is answered.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["HostAllowlist", "host_name"]

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_WILDCARDS = frozenset({"", "0.0.0.0", "::", "*"})
_HOST_HEADER = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[^\s:/@\[\]]+))(?::\d{0,5})?$")


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _clean(name: str) -> str:
    return name.strip().rstrip(".").lower().removeprefix("[").removesuffix("]")


def host_name(header: str) -> str | None:
    """Return the lower-case host of a ``Host`` header without port or trailing dot (None: malformed).

    :param header: the header value, e.g. ``Example.org:8080`` or ``[::1]:8080``.
    """
    found = _HOST_HEADER.match(header.strip())
    if not found:
        return None
    return _clean(found.group("v6") or found.group("name") or "") or None


class HostAllowlist:
    """The set of ``Host`` names one server answers (see the module docstring)."""

    def __init__(self, *, bind_host: str | None = None, base_url: str = "", extra: Iterable[str] = ()) -> None:
        """Collect the allowed names.

        :param bind_host: the address the server listens on (``--host``).
        :param base_url: the public URL of the server (``web.base_url``), if any.
        :param extra: the ``web.allowed_hosts`` entries.
        """
        self.names: set[str] = set(_LOOPBACK_NAMES)
        self.suffixes: list[str] = [".localhost"]
        self.any_host = False
        self.any_ip = False
        bind = _clean(bind_host or "127.0.0.1")
        if bind in _WILDCARDS:
            self.any_ip = True
        else:
            self.names.add(bind)
        if base_url:
            base_host = urlsplit(base_url).hostname
            if base_host:
                self.names.add(_clean(base_host))
        for entry in extra:
            cleaned = _clean(str(entry))
            if cleaned == "*":
                self.any_host = True
            elif cleaned.startswith("."):
                self.suffixes.append(cleaned)
                self.names.add(cleaned[1:])
            elif cleaned:
                self.names.add(cleaned)

    def allows(self, header: str | None) -> bool:
        """Return whether a request with this ``Host`` header may be answered.

        :param header: the ``Host`` header, or None when the request had none.
        """
        if header is None or self.any_host:
            return True
        name = host_name(header)
        if name is None:
            return False
        if name in self.names or any(name.endswith(s) for s in self.suffixes):
            return True
        ip = _ip(name)
        if ip is None:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return ip.is_loopback or self.any_ip or str(ip) in self.names
