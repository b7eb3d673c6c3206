"""The SSRF guard: every spelling of an address, names through a proxy, and DNS rebinding.

Servers run on 127.0.0.1; names are answered by a patched ``socket.getaddrinfo`` (the
system resolver the guard and, before the guard pinned addresses, the HTTP client used).
"""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from misbehaving_server import Route, serve

import newsbrief.ingest.fetch as fetch_module
from newsbrief.ingest.fetch import FetchRequest, FetchSettings, fetch_all
from newsbrief.ingest.ssrf import AddressRefused, HostGuard, address_problem, canonical_host, ip_literal

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
PUBLIC = "93.184.216.34"  # stands for any public address; nothing is ever sent to it

LOOPBACK_SPELLINGS = [
    "2130706433",  # decimal
    "0x7f000001",  # hex
    "0X7F000001",
    "0177.0.0.1",  # octal
    "017700000001",
    "0x7f.0.0.1",
    "127.1",  # short dotted forms
    "127.0.1",
    "127.0.0.1.",  # trailing dot
    "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
    "[::ffff:7f00:1]",
    "[64:ff9b::7f00:1]",  # NAT64
    "[2002:7f00:1::1]",  # 6to4
    "\uff11\uff12\uff17.\uff10.\uff10.\uff11",  # full-width digits
    "LOCALHOST.",
]


class _ProxyHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        owner: RecordingProxy = self.server.owner  # type: ignore[attr-defined]
        with owner.lock:
            owner.connections += 1
        line = self.rfile.readline(65536).decode("latin-1").strip()
        while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
            pass
        with owner.lock:
            owner.requests.append(line)
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                         b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(RSS), RSS))


class RecordingProxy:
    """A stand-in HTTP proxy on 127.0.0.1 that counts every TCP connection made to it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.connections = 0
        self.requests: list[str] = []
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _ProxyHandler)
        self.server.daemon_threads = True
        self.server.owner = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@contextmanager
def recording_proxy() -> Iterator[RecordingProxy]:
    proxy = RecordingProxy()
    thread = threading.Thread(target=proxy.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.server.shutdown()
        proxy.server.server_close()
        thread.join(timeout=2)


def _resolver(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """Answer the listed names in turn (the last answer repeats); addresses resolve as usual."""
    real = socket.getaddrinfo
    calls: list[str] = []

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        host = host.decode("ascii") if isinstance(host, bytes) else host  # anyio passes IDNA bytes
        if host in answers:
            calls.append(host)
            seen = calls.count(host)
            address = answers[host][min(seen, len(answers[host])) - 1]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return calls


# -- spelling ---------------------------------------------------------------------------------
@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS[:-1])
def test_every_spelling_of_loopback_is_read_as_an_address(host: str) -> None:
    ip = ip_literal(canonical_host(host))
    assert ip is not None and address_problem(str(ip)) == "a loopback address"


@pytest.mark.parametrize(
    ("host", "address"),
    [("0xa9fea9fe", "169.254.169.254"), ("10.1", "10.0.0.1"), ("3232235777", "192.168.1.1"),
     ("0x5d.0xb8.0xd8.0x22", PUBLIC), ("1.2.3.4", "1.2.3.4")],
)
def test_numeric_forms_denote_the_address_getaddrinfo_would(host: str, address: str) -> None:
    assert str(ip_literal(canonical_host(host))) == address
    assert socket.getaddrinfo(host, 80, 0, 0, 0, socket.AI_NUMERICHOST)[0][4][0] == address


@pytest.mark.parametrize("host", ["example.com", "1.2.3.999", "256.1.1.1", "0x1g", "08.1", "cafe.be", "1..2", ""])
def test_names_and_invalid_numbers_are_not_addresses(host: str) -> None:
    assert ip_literal(canonical_host(host)) is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [("64:ff9b::a00:5", "a private address"), ("2002:a9fe:a9fe::", "a cloud metadata address"),
     ("64:ff9b::5db8:d822", None)],
)
def test_embedded_ipv4_addresses_are_unwrapped(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


# -- requests, with and without a proxy --------------------------------------------------------
@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_loopback_spellings_are_refused_without_a_proxy(host: str) -> None:
    with serve({"/feed": Route(body=RSS)}) as target:
        [outcome] = fetch_all([FetchRequest(f"http://{host}:{target.port}/feed")],
                              settings=FetchSettings(per_host_interval=0.0))
        assert target.requests == []
    assert outcome.error is not None and outcome.error.startswith("fetch: refused http://")
    assert "loopback" in outcome.error


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_loopback_spellings_never_reach_the_proxy(host: str) -> None:
    with recording_proxy() as proxy:
        [outcome] = fetch_all([FetchRequest(f"http://{host}/feed")],
                              settings=FetchSettings(proxy=proxy.url, per_host_interval=0.0))
        assert proxy.connections == 0
    assert outcome.error is not None and outcome.error.startswith(f"fetch: refused http://{host}/feed: ")


def test_proxy_names_are_resolved_here_and_private_answers_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _resolver(monkeypatch, {"intranet.example": ["10.0.0.5"], "news.example": [PUBLIC]})
    with recording_proxy() as proxy:
        settings = FetchSettings(proxy=proxy.url, per_host_interval=0.0)
        refused, ok = fetch_all([FetchRequest("http://intranet.example/feed"), FetchRequest("http://news.example/feed")],
                                settings=settings)
        assert proxy.requests == ["GET http://news.example/feed HTTP/1.1"]
    assert refused.error == ("fetch: refused http://intranet.example/feed: intranet.example resolves to 10.0.0.5,"
                             " a private address (set allow_private to fetch it)")
    assert ok.ok and ok.result is not None and ok.result.content == RSS
    assert sorted(calls) == ["intranet.example", "news.example"]


def test_proxy_passes_names_that_do_not_resolve_here() -> None:
    with recording_proxy() as proxy:  # the conftest resolver knows no names
        [outcome] = fetch_all([FetchRequest("http://only-the-proxy-knows.example/feed")],
                              settings=FetchSettings(proxy=proxy.url, per_host_interval=0.0))
        assert proxy.connections == 1
    assert outcome.ok


def test_a_name_with_one_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsbrief.ingest.ssrf._getaddrinfo", _answers([PUBLIC, "127.0.0.1"]))
    guard = HostGuard(allow_private=False)
    with pytest.raises(AddressRefused, match="resolves to 127.0.0.1, a loopback address"):
        asyncio.run(guard.addresses("mixed.example", 80))


def _answers(addresses: list[str]) -> Any:
    async def resolve(host: str, port: int) -> list[str]:
        return addresses

    return resolve


# -- DNS rebinding ------------------------------------------------------------------------------
def test_rebinding_never_connects_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name answers a public address first and 127.0.0.1 after: the fetch must use the first answer.

    Nothing is sent to the public address: the connection made to it is carried to a
    stand-in server on 127.0.0.1; the "internal" server listens on the URL's own port.
    """
    connected: list[tuple[str, int]] = []
    with serve({"/robots.txt": Route(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")}) as internal, \
            serve({}) as public:
        url = f"http://rebind.example:{internal.port}"
        public.httpd.RequestHandlerClass.routes.update({  # type: ignore[attr-defined]
            "/feed": Route(body=RSS),
            "/robots.txt": Route(body=b"User-agent: *\nAllow: /\n", content_type="text/plain"),
            "/page": Route(body=b"<html><p>public page</p></html>", content_type="text/html"),
            "/hop": Route(status=302, headers={"Location": f"{url}/feed"}),
        })
        calls = _resolver(monkeypatch, {"rebind.example": [PUBLIC, "127.0.0.1"]})
        real_open = fetch_module._open_tcp

        async def open_tcp(backend: Any, address: str, port: int, **options: Any) -> Any:
            connected.append((address, port))
            if address == PUBLIC:
                return await real_open(backend, "127.0.0.1", public.port, **options)
            return await real_open(backend, address, port, **options)

        monkeypatch.setattr(fetch_module, "_open_tcp", open_tcp)
        outcomes = fetch_all(
            [FetchRequest(f"{url}/feed"), FetchRequest(f"{url}/page", kind="page"), FetchRequest(f"{url}/hop")],
            settings=FetchSettings(per_host_interval=0.0, per_host_concurrency=4),
        )
        assert internal.requests == []  # the loopback server was never reached
        assert {p.split("?")[0] for p in (r.path for r in public.requests)} == {"/feed", "/robots.txt", "/page", "/hop"}
    assert [o.error for o in outcomes] == [None, None, None]
    assert outcomes[2].result is not None and outcomes[2].result.content == RSS  # the redirect hop too
    assert connected and all(address == PUBLIC for address, _ in connected)
    assert calls == ["rebind.example"]  # resolved once for the run, checked, pinned


def test_rebinding_to_loopback_at_first_answer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolver(monkeypatch, {"rebind.example": ["127.0.0.1", PUBLIC]})
    with serve({"/feed": Route(body=RSS)}) as internal:
        [outcome] = fetch_all([FetchRequest(f"http://rebind.example:{internal.port}/feed")],
                              settings=FetchSettings(per_host_interval=0.0))
        assert internal.requests == []
    assert outcome.error is not None and "rebind.example resolves to 127.0.0.1, a loopback address" in outcome.error


def test_redirect_to_a_numeric_loopback_spelling_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolver(monkeypatch, {"news.example": [PUBLIC]})
    with serve({}) as internal, serve({}) as public:
        public.httpd.RequestHandlerClass.routes["/r"] = Route(  # type: ignore[attr-defined]
            status=302, headers={"Location": f"http://0x7f000001:{internal.port}/admin"})
        real_open = fetch_module._open_tcp

        async def open_tcp(backend: Any, address: str, port: int, **options: Any) -> Any:
            return await real_open(backend, "127.0.0.1" if address == PUBLIC else address,
                                   public.port if address == PUBLIC else port, **options)

        monkeypatch.setattr(fetch_module, "_open_tcp", open_tcp)
        [outcome] = fetch_all([FetchRequest(f"http://news.example:{internal.port}/r")],
                              settings=FetchSettings(per_host_interval=0.0))
        assert internal.requests == [] and len(public.requests) == 1
    assert outcome.error == (f"fetch: refused http://0x7f000001:{internal.port}/admin: 0x7f000001 is 127.0.0.1,"
                             " a loopback address (set allow_private to fetch it)")
