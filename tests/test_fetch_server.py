"""Fetch against a real misbehaving server on 127.0.0.1: each bad case gets a recorded reason."""

from __future__ import annotations

import itertools
import time

import pytest
from misbehaving_server import Route, serve

from newsbrief.ingest.feeds import parse_feed
from newsbrief.ingest.fetch import FetchRequest, FetchSettings, fetch_all

RSS = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>A</title><link>http://example.com/a</link><guid>a</guid></item></channel></rss>"
)
FAST = FetchSettings(
    allow_private=True, per_host_interval=0.0, timeout=2.0, connect_timeout=1.0, per_host_concurrency=8
)


def _one(url: str, settings: FetchSettings = FAST, **kw: object):  # type: ignore[no-untyped-def]
    [outcome] = fetch_all([FetchRequest(url, **kw)], settings=settings)  # type: ignore[arg-type]
    return outcome


def test_ok_then_conditional_get_gives_304() -> None:
    with serve({"/feed": Route(body=RSS, etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")}) as srv:
        first = _one(srv.url("/feed"))
        assert first.ok and first.result is not None and first.result.content == RSS
        assert first.etag == '"v1"' and first.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"
        second = _one(srv.url("/feed"), etag=first.etag, last_modified=first.last_modified)
        assert second.ok and second.result is not None and second.result.not_modified
        assert second.status == 304 and second.etag == '"v1"'
        sent = srv.hits("/feed")[1].headers
        assert sent["if-none-match"] == '"v1"'
        assert sent["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
        assert sent["user-agent"].startswith("newsbrief/")


def test_malformed_validators_are_not_sent() -> None:
    with serve({"/feed": Route(body=RSS)}) as srv:
        outcome = _one(srv.url("/feed"), etag="bad etag\nwith newline", last_modified="yesterday-ish")
        assert outcome.ok
        sent = srv.hits("/feed")[0].headers
        assert "if-none-match" not in sent and "if-modified-since" not in sent


def test_error_keeps_old_validators() -> None:
    with serve({"/gone": Route(status=500, body=b"oops")}) as srv:
        outcome = _one(srv.url("/gone"), etag='"old"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
        assert outcome.error == f"fetch: 500 Internal Server Error for {srv.url('/gone')}"
        assert outcome.etag == '"old"' and outcome.result is None


@pytest.mark.parametrize("status", [403, 404, 410, 500, 502])
def test_http_errors_are_recorded(status: int) -> None:
    with serve({"/x": Route(status=status, body=b"no")}) as srv:
        outcome = _one(srv.url("/x"))
        assert outcome.result is None and outcome.status == status
        assert outcome.error is not None and outcome.error.startswith(f"fetch: {status} ")


def test_429_retry_after_is_reported_and_blocks_host_for_the_run() -> None:
    with serve({"/a": Route(status=429, headers={"Retry-After": "3600"}), "/b": Route(body=RSS)}) as srv:
        settings = FetchSettings(allow_private=True, per_host_interval=0.0, per_host_concurrency=1)
        first, second = fetch_all(
            [FetchRequest(srv.url("/a")), FetchRequest(srv.url("/b"))], settings=settings
        )
        assert first.status == 429 and first.retry_after == 3600.0
        assert "retry after 3600s" in (first.error or "")
        assert second.error is not None and "asked to wait" in second.error
        assert srv.hits("/b") == []  # the host was not hit again


def test_slow_server_times_out() -> None:
    settings = FetchSettings(allow_private=True, per_host_interval=0.0, timeout=0.3, connect_timeout=0.3)
    with serve({"/slow": Route(body=RSS, delay=1.0), "/drip": Route(body=RSS, drip=0.05)}) as srv:
        started = time.monotonic()
        slow, drip = fetch_all(
            [FetchRequest(srv.url("/slow")), FetchRequest(srv.url("/drip"))], settings=settings
        )
        assert time.monotonic() - started < 1.5
    assert slow.error is not None and "timeout" in slow.error or "timed out" in (slow.error or "")
    # the dripping server sends a byte every 50 ms: each read is fast, the deadline cuts it off
    assert drip.error is not None and "timed out after 0.6s" in drip.error


def test_huge_response_is_aborted() -> None:
    settings = FetchSettings(allow_private=True, per_host_interval=0.0, max_bytes=100_000)
    with serve(
        {
            "/huge": Route(endless=True),
            "/big": Route(body=b"x" * 200_000),
            "/bomb": Route(body=b"<" + b" " * 5_000_000, gzip=True),
        }
    ) as srv:
        huge, big, bomb = fetch_all(
            [FetchRequest(srv.url(p)) for p in ("/huge", "/big", "/bomb")], settings=settings
        )
    assert huge.error is not None and "100000-byte cap" in huge.error
    assert big.error is not None and "exceeds the 100000-byte cap" in big.error
    assert bomb.error is not None and "cap" in bomb.error  # counted after decompression


def test_compressed_bodies_are_decoded() -> None:
    routes = {
        "/gz": Route(body=RSS, gzip=True),
        "/deflate": Route(body=RSS, encoding="deflate"),
        "/br": Route(body=RSS, encoding="br"),
    }
    with serve(routes) as srv:
        outcomes = fetch_all([FetchRequest(srv.url(p)) for p in routes], settings=FAST)
        assert "br" in srv.hits("/br")[0].headers["accept-encoding"]
    assert [o.result.content if o.result else o.error for o in outcomes] == [RSS, RSS, RSS]


def test_pages_that_are_not_web_pages_are_not_downloaded() -> None:
    routes = {
        "/doc.pdf": Route(body=b"%PDF-1.7" + b"x" * 1000, content_type="application/pdf"),
        "/page": Route(body=b"<html><body>ok</body></html>", content_type="text/html; charset=utf-8"),
    }
    with serve(routes) as srv:
        pdf, page = fetch_all([FetchRequest(srv.url(p), kind="page") for p in routes], settings=FAST)
    assert pdf.error == f"fetch: not a web page (application/pdf) at {srv.url('/doc.pdf')}, not downloaded"
    assert page.ok


def test_redirect_loop_and_cap() -> None:
    routes = {
        "/loop1": Route(status=302, headers={"Location": "/loop2"}),
        "/loop2": Route(status=302, headers={"Location": "/loop1"}),
    }
    for i in range(10):
        routes[f"/chain{i}"] = Route(status=302, headers={"Location": f"/chain{i + 1}"})
    with serve(routes) as srv:
        loop, chain = fetch_all(
            [FetchRequest(srv.url("/loop1")), FetchRequest(srv.url("/chain0"))], settings=FAST
        )
    assert loop.error is not None and loop.error.startswith("fetch: redirect loop at")
    assert chain.error == f"fetch: more than 5 redirects from {srv.url('/chain0')}"


def test_permanent_redirect_is_flagged_temporary_is_not() -> None:
    with serve(
        {
            "/old": Route(status=301, headers={"Location": "/new"}),
            "/moved": Route(status=308, headers={"Location": "/old"}),
            "/temp": Route(status=302, headers={"Location": "/new"}),
            "/new": Route(body=RSS),
        }
    ) as srv:
        perm, chain, temp = fetch_all(
            [FetchRequest(srv.url(p)) for p in ("/old", "/moved", "/temp")], settings=FAST
        )
    assert (
        perm.result is not None
        and perm.result.permanent_redirect
        and perm.result.final_url == srv.url("/new")
    )
    assert chain.result is not None and chain.result.permanent_redirect
    assert (
        temp.result is not None
        and not temp.result.permanent_redirect
        and temp.result.final_url == srv.url("/new")
    )


def test_redirect_to_private_address_is_refused_after_hop() -> None:
    # The SSRF guard runs again on every hop: a public first hop cannot bounce us inward.
    # Through the proxy the first hop's name is not resolved here, so the redirect is what is refused.
    with serve(
        {"/r": Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})}
    ) as proxy:
        settings = FetchSettings(proxy=proxy.base, per_host_interval=0.0)
        outcome = _one("http://news.example/r", settings)
        assert len(proxy.hits("/r")) == 1 and proxy.hits("/latest/meta-data/") == []
    assert outcome.error == (
        "fetch: refused http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a cloud metadata"
        " address (set allow_private to fetch it)"
    )


def test_private_address_refused_by_default() -> None:
    with serve({"/feed": Route(body=RSS)}) as srv:
        outcome = _one(srv.url("/feed"), FetchSettings(per_host_interval=0.0))
        assert srv.requests == []
    assert outcome.error is not None and "127.0.0.1 is a loopback address" in outcome.error


def test_connection_closed_mid_body_is_recorded() -> None:
    with serve({"/cut": Route(body=RSS, close_early=True)}) as srv:
        outcome = _one(srv.url("/cut"))
    assert outcome.result is None and outcome.error is not None and outcome.error.startswith("fetch: ")


def test_connection_refused_is_recorded() -> None:
    with serve({}) as srv:
        port = srv.port
    outcome = _one(f"http://127.0.0.1:{port}/feed")
    assert outcome.error is not None and outcome.error.startswith("fetch: cannot connect")


def test_per_host_concurrency_and_interval() -> None:
    settings = FetchSettings(
        allow_private=True, per_host_concurrency=2, per_host_interval=0.1, concurrency=16
    )
    with serve({f"/s{i}": Route(body=RSS, delay=0.1) for i in range(6)}) as srv:
        outcomes = fetch_all([FetchRequest(srv.url(f"/s{i}")) for i in range(6)], settings=settings)
        starts = sorted(r.at for r in srv.requests)
        assert srv.max_active <= 2
    assert all(o.ok for o in outcomes)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.07


def test_outcomes_in_request_order_and_on_done_called() -> None:
    seen: list[str] = []
    with serve({"/a": Route(body=RSS, delay=0.2), "/b": Route(body=RSS)}) as srv:
        urls = [srv.url("/a"), srv.url("/b")]
        outcomes = fetch_all(
            [FetchRequest(u) for u in urls], settings=FAST, on_done=lambda o: seen.append(o.request.url)
        )
    assert [o.request.url for o in outcomes] == urls
    assert seen == [urls[1], urls[0]]  # completion order


def test_robots_txt_honoured_for_pages_only() -> None:
    robots = b"User-agent: *\nDisallow: /private/\n"
    with serve(
        {
            "/robots.txt": Route(body=robots, content_type="text/plain"),
            "/private/page": Route(body=b"<html>secret</html>", content_type="text/html"),
            "/public/page": Route(body=b"<html>ok</html>", content_type="text/html"),
        }
    ) as srv:
        outcomes = fetch_all(
            [
                FetchRequest(srv.url("/private/page"), kind="page"),
                FetchRequest(srv.url("/public/page"), kind="page"),
                FetchRequest(srv.url("/private/page"), kind="feed"),
            ],
            settings=FAST,
        )
        assert len(srv.hits("/robots.txt")) == 1  # cached per host per run
    assert outcomes[0].error == f"fetch: robots.txt disallows {srv.url('/private/page')}"
    assert outcomes[1].ok and outcomes[2].ok


def test_robots_txt_server_error_disallows_pages() -> None:
    with serve(
        {"/robots.txt": Route(status=503), "/p": Route(body=b"<html/>", content_type="text/html")}
    ) as srv:
        outcome = _one(srv.url("/p"), kind="page")
    assert outcome.error is not None and "robots.txt disallows" in outcome.error


def test_proxy_serves_example_hosts_without_dns() -> None:
    with serve({"/feed": Route(body=RSS)}) as proxy:
        settings = FetchSettings(proxy=proxy.base, per_host_interval=0.0)  # allow_private stays False
        outcome = _one("http://news.example/feed", settings)
        assert outcome.ok and outcome.result is not None and outcome.result.content == RSS
        [hit] = proxy.hits("/feed")
        assert hit.absolute and hit.host == "news.example"
        # literal private addresses are still refused through the proxy
        refused = _one("http://10.0.0.1/feed", settings)
        assert refused.error is not None and "private address" in refused.error


@pytest.mark.parametrize(
    ("body", "content_type", "expect"),
    [
        (b"<html><head><title>Hi</title></head><body>page</body></html>", "text/html", "HTML page"),
        (b"", "application/rss+xml", "empty body"),
    ],
)
def test_non_feeds_served_as_feeds_get_a_reason(body: bytes, content_type: str, expect: str) -> None:
    from newsbrief.errors import ParseError

    with serve({"/f": Route(body=body, content_type=content_type)}) as srv:
        outcome = _one(srv.url("/f"))
    assert outcome.result is not None
    with pytest.raises(ParseError, match=expect):
        parse_feed(outcome.result.content, url=outcome.request.url, headers=outcome.result.headers)


def test_wrong_declared_encoding_over_http() -> None:
    body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café</title><item><title>Ünïcode</title><link>http://e.com/x</link></item></channel></rss>'.encode(
        "latin-1"
    )
    with serve({"/enc": Route(body=body, content_type="application/rss+xml")}) as srv:
        outcome = _one(srv.url("/enc"))
    assert outcome.result is not None
    parsed = parse_feed(outcome.result.content, url=srv.url("/enc"), headers=outcome.result.headers)
    assert len(parsed.entries) == 1 and parsed.problems  # decoded as far as possible, problem noted


def test_a_slow_host_does_not_starve_other_hosts() -> None:
    # 8 slow requests for one host and 1 for another, 2 global slots, 1 per host: the other
    # host's request must not wait behind the whole queue of the slow one.
    settings = FetchSettings(allow_private=True, per_host_interval=0.0, per_host_concurrency=1, concurrency=2)
    with serve({"/slow": Route(body=RSS, delay=0.1), "/fast": Route(body=RSS)}) as srv:
        done: list[str] = []
        requests = [FetchRequest(srv.url("/slow")) for _ in range(8)]
        requests.append(FetchRequest(f"http://localhost:{srv.port}/fast"))
        outcomes = fetch_all(requests, settings=settings, on_done=lambda o: done.append(o.request.url))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    assert done.index(f"http://localhost:{srv.port}/fast") <= 2


def test_rate_limit_applies_to_the_registrable_domain() -> None:
    # Through the proxy, hosts need no DNS: a.tumblr.com's 429 also holds back b.tumblr.com,
    # while x.blogspot.com and y.blogspot.com (separate users on the PSL) stay independent.
    with serve(
        {"/limited": Route(status=429, headers={"Retry-After": "600"}), "/ok": Route(body=RSS)}
    ) as proxy:
        settings = FetchSettings(proxy=proxy.base, per_host_interval=0.0, concurrency=1)
        outcomes = fetch_all(
            [
                FetchRequest("http://a.tumblr.com/limited"),
                FetchRequest("http://b.tumblr.com/ok"),
                FetchRequest("http://x.blogspot.com/limited"),
                FetchRequest("http://y.blogspot.com/ok"),
            ],
            settings=settings,
        )
    assert outcomes[0].status == 429
    assert outcomes[1].error is not None and "applies to tumblr.com" in outcomes[1].error
    assert outcomes[2].status == 429
    assert outcomes[3].ok


def test_robots_txt_redirect_is_followed() -> None:
    routes = {
        "/robots.txt": Route(status=301, headers={"Location": "/real-robots.txt"}),
        "/real-robots.txt": Route(body=b"User-agent: newsbrief\nDisallow: /no/\n", content_type="text/plain"),
        "/no/page": Route(body=b"<html/>", content_type="text/html"),
        "/yes/page": Route(body=b"<html/>", content_type="text/html"),
    }
    with serve(routes) as srv:
        blocked, allowed = fetch_all(
            [FetchRequest(srv.url("/no/page"), kind="page"), FetchRequest(srv.url("/yes/page"), kind="page")],
            settings=FAST,
        )
    assert blocked.error is not None and "robots.txt disallows" in blocked.error
    assert allowed.ok
