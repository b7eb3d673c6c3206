"""Unit tests of fetch policy (MockTransport, no network): validators, back-off, local files, SSRF."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import httpx
import pytest

from newsbrief.errors import FetchError
from newsbrief.ingest.fetch import (
    FetchOutcome,
    FetchRequest,
    FetchSettings,
    fetch_all,
    next_poll,
    parse_retry_after,
    read_local,
)
from newsbrief.model import FetchResult
from newsbrief.ingest.ssrf import address_problem

NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
SETTINGS = FetchSettings(poll_interval=3600.0, max_backoff=86400.0)


def _ok(headers: dict[str, str] | None = None) -> FetchOutcome:
    result = FetchResult(
        url="u", final_url="u", status=200, headers=headers or {}, content=b"x", fetched_at=NOW
    )
    return FetchOutcome(FetchRequest("u"), result, None, 200)


def _failed(retry_after: float | None = None) -> FetchOutcome:
    return FetchOutcome(FetchRequest("u"), None, "fetch: 500 Internal Server Error for u", 500, retry_after)


def test_next_poll_after_success_uses_max_age_when_longer() -> None:
    assert next_poll(now=NOW, outcome=_ok(), error_count=0, settings=SETTINGS) == NOW + dt.timedelta(hours=1)
    cached = _ok({"cache-control": "public, max-age=7200"})
    assert next_poll(now=NOW, outcome=cached, error_count=0, settings=SETTINGS) == NOW + dt.timedelta(hours=2)
    short = _ok({"cache-control": "max-age=10"})
    assert next_poll(now=NOW, outcome=short, error_count=0, settings=SETTINGS) == NOW + dt.timedelta(hours=1)


def test_next_poll_backs_off_exponentially_with_jitter_and_cap() -> None:
    rng = random.Random(1)
    delays = [
        (
            next_poll(now=NOW, outcome=_failed(), error_count=n, settings=SETTINGS, rng=rng) - NOW
        ).total_seconds()
        for n in range(1, 12)
    ]
    for n, delay in enumerate(delays, start=1):
        full = min(3600 * 2 ** (n - 1), 86400)
        assert full / 2 <= delay <= full
    assert max(delays) <= 86400  # capped, never "never"
    assert next_poll(now=NOW, outcome=_failed(), error_count=10_000, settings=SETTINGS) <= NOW + dt.timedelta(
        days=1
    )


def test_next_poll_honours_retry_after() -> None:
    when = next_poll(now=NOW, outcome=_failed(retry_after=7200), error_count=1, settings=SETTINGS)
    assert when == NOW + dt.timedelta(hours=2)
    capped = next_poll(now=NOW, outcome=_failed(retry_after=10**9), error_count=1, settings=SETTINGS)
    assert capped == NOW + dt.timedelta(days=1)


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Sat, 10 Jan 2026 12:05:00 GMT", now=NOW) == 300.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_read_local(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_bytes(b"<rss/>")
    assert read_local(str(feed)).content == b"<rss/>"
    assert read_local(f"file://{feed}").status == 200
    with pytest.raises(FetchError, match="^fetch: no such file"):
        read_local(str(tmp_path / "missing.xml"))
    with pytest.raises(FetchError, match="directory"):
        read_local(str(tmp_path))
    with pytest.raises(FetchError, match="cap"):
        read_local(str(feed), max_bytes=3)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.1", "a private address"),
        ("172.16.5.5", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("169.254.1.1", "a link-local address"),
        ("100.64.0.1", "a carrier-grade NAT address"),
        ("::1", "a loopback address"),
        ("fd12::1", "a private address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("0.0.0.0", "a private address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_ssrf_refuses_localhost_names_and_schemes() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"x"))
    outcomes = fetch_all(
        [
            FetchRequest("http://localhost/x"),
            FetchRequest("file:///etc/passwd"),
            FetchRequest("http://[::1]/x"),
        ],
        settings=FetchSettings(),
        transport=transport,
    )
    assert "loopback name" in (outcomes[0].error or "")
    assert outcomes[1].error == "fetch: unsupported URL scheme 'file' in file:///etc/passwd"
    assert "loopback address" in (outcomes[2].error or "")


def test_mock_transport_headers_and_validators() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"abc"':
            return httpx.Response(304, headers={"etag": '"abc"'})
        return httpx.Response(
            200,
            headers={"etag": '"abc"', "last-modified": "Sat, 10 Jan 2026 10:00:00 GMT"},
            content=b"<rss/>",
        )

    settings = FetchSettings(allow_private=True, per_host_interval=0.0)
    transport = httpx.MockTransport(handler)
    [first] = fetch_all([FetchRequest("http://a.test/feed")], settings=settings, transport=transport)
    assert first.etag == '"abc"' and first.last_modified == "Sat, 10 Jan 2026 10:00:00 GMT"
    [second] = fetch_all(
        [FetchRequest("http://a.test/feed", etag=first.etag, last_modified=first.last_modified)],
        settings=settings,
        transport=transport,
    )
    assert second.result is not None and second.result.not_modified and second.result.content == b""
    assert second.last_modified == "Sat, 10 Jan 2026 10:00:00 GMT"  # kept from the request
    assert "application/rss+xml" in seen[0].headers["accept"]
    assert seen[0].headers["user-agent"].startswith("newsbrief/")


def test_fetch_all_inside_running_loop() -> None:
    import asyncio

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok"))

    async def main() -> list[FetchOutcome]:
        return fetch_all(
            [FetchRequest("http://a.test/")], settings=FetchSettings(allow_private=True), transport=transport
        )

    [outcome] = asyncio.run(main())
    assert outcome.ok


def test_on_done_errors_do_not_break_fetching() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok"))

    def boom(outcome: FetchOutcome) -> None:
        raise RuntimeError("progress bar broke")

    [outcome] = fetch_all(
        [FetchRequest("http://a.test/")],
        settings=FetchSettings(allow_private=True),
        transport=transport,
        on_done=boom,
    )
    assert outcome.ok


def test_empty_request_list() -> None:
    assert fetch_all([], settings=FetchSettings()) == []


def test_names_resolving_to_private_addresses_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    calls: list[str] = []

    def fake_getaddrinfo(
        host: str, port: object, *args: object, **kwargs: object
    ) -> list[tuple[object, ...]]:
        calls.append(host)
        address = "10.0.0.5" if host == "intranet.test" else "93.184.216.34"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 80))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok"))
    outcomes = fetch_all(
        [
            FetchRequest("http://intranet.test/a"),
            FetchRequest("http://intranet.test/b"),
            FetchRequest("http://public.test/a"),
            FetchRequest("http://public.test/b"),
        ],
        settings=FetchSettings(per_host_interval=0.0),
        transport=transport,
    )
    assert outcomes[0].error == (
        "fetch: refused http://intranet.test/a: intranet.test resolves to 10.0.0.5, a private address"
        " (set allow_private to fetch it)"
    )
    assert outcomes[1].error is not None and "http://intranet.test/b" in outcomes[1].error
    assert outcomes[2].ok and outcomes[3].ok
    assert sorted(calls) == ["intranet.test", "public.test"]  # resolved once per host per run


def test_next_poll_after_304_is_a_normal_poll() -> None:
    result = FetchResult(
        url="u", final_url="u", status=304, headers={}, content=b"", fetched_at=NOW, not_modified=True
    )
    outcome = FetchOutcome(FetchRequest("u", etag='"e"'), result, None, 304)
    assert next_poll(now=NOW, outcome=outcome, error_count=0, settings=SETTINGS) == NOW + dt.timedelta(
        hours=1
    )
    assert outcome.etag == '"e"'
