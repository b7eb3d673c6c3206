"""Styles come only from the served stylesheet: the policy has no 'unsafe-inline', and no page has inline styles."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.store import open_store
from newsbrief.web import make_app
from newsbrief.web.middleware import CSP, csp_allowing_styles

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult


@pytest.fixture(scope="module")
def client(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = load_settings(data_dir=tmp_path_factory.mktemp("styles"), env={})
    with TestClient(make_app(demo.db_path, settings=settings), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def day(demo: DemoResult) -> str:
    with open_store(demo.db_path, migrate=False) as store:
        return store.digest_dates()[0].isoformat()


def test_the_policy_allows_styles_from_this_server_only() -> None:
    assert "style-src 'self';" in CSP and "unsafe-inline" not in CSP and "script-src" not in CSP


def test_the_stylesheet_is_served_with_the_dark_theme_and_phone_layout(client: TestClient) -> None:
    r = client.get("/static/newsbrief.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert r.headers["content-security-policy"] == CSP
    assert "@media (prefers-color-scheme: dark)" in r.text and "@media (max-width: 40rem)" in r.text
    assert client.get("/static/missing.css").status_code == 404


@pytest.mark.parametrize("path", ["/", "/digests", "/calendar", "/roundups", "/search?q=chip", "/sources", "/settings",
                                  "/login", "/interests", "/nope"])
def test_pages_link_the_stylesheet_and_carry_no_inline_style(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert '<link rel="stylesheet" href="/static/newsbrief.css">' in r.text
    assert "<style" not in r.text and not re.search(r"\sstyle=", r.text)


def test_the_standalone_digest_allows_exactly_its_own_inline_style(client: TestClient, day: str) -> None:
    r = client.get(f"/digests/{day}.html")
    blocks = re.findall(r"<style>(.*?)</style>", r.text, re.S)
    assert blocks
    hashes = [base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in blocks]
    policy = r.headers["content-security-policy"]
    assert policy == CSP.replace("style-src 'self'", "style-src 'self' " + " ".join(f"'sha256-{h}'" for h in hashes))
    assert "unsafe-inline" not in policy


def test_a_policy_other_than_a_hashed_one_is_replaced_by_the_strict_one() -> None:
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    from newsbrief.web.hosts import HostAllowlist
    from newsbrief.web.middleware import GuardMiddleware

    weak = "default-src *; style-src 'unsafe-inline'"
    hashed = csp_allowing_styles("<style>p{}</style>")
    app = Starlette(routes=[Route("/weak", lambda r: Response("x", headers={"Content-Security-Policy": weak})),
                            Route("/hashed", lambda r: Response("x", headers={"Content-Security-Policy": hashed}))])
    guarded = GuardMiddleware(app, hosts=HostAllowlist(extra=["localhost"]), refuse=lambda s, h: Response(status_code=400))
    with TestClient(guarded, base_url="http://localhost") as c:
        assert c.get("/weak").headers["content-security-policy"] == CSP
        assert c.get("/hashed").headers["content-security-policy"] == hashed != CSP
