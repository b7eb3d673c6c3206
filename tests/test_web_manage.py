"""Signing in and managing sources in the web app: auth on every change, CSRF, rate limit, SSRF guard."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from feed_server import FeedServer, rss
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.store import open_store
from newsbrief.web import make_app
from newsbrief.web.preferences import read_lists
from newsbrief.web.auth import LOGIN_ATTEMPTS, AdminPassword, hash_password, safe_next

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

PASSWORD = "correct horse battery staple"
OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="A" xmlUrl="http://a.example/feed.xml"/><outline text="B" xmlUrl="file:///etc/passwd"/>
</body></opml>"""


@pytest.fixture
def db(demo: DemoResult, tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    with sqlite3.connect(demo.db_path) as a, sqlite3.connect(path) as b:
        a.backup(b)
    return path


def _app(db: Path, tmp_path: Path, **env: str) -> Any:
    env = {"NEWSBRIEF_WEB_ADMIN_PASSWORD": PASSWORD, "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true", **env}
    return make_app(db, settings=load_settings(data_dir=tmp_path, env=env))


@pytest.fixture
def client(db: Path, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(_app(db, tmp_path), base_url="https://localhost", raise_server_exceptions=False) as c:
        yield c


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _sign_in(c: TestClient) -> str:
    token = _csrf(c.get("/login").text)
    r = c.post("/login", data={"password": PASSWORD, "csrf": token, "next": "/sources"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sources"
    return _csrf(c.get("/sources").text)


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    body = rss("Quokka Wire", [("Quokkas vote on a harbour bridge", "http://127.0.0.1/q1", "<p>Quokkas.</p>")])
    with FeedServer({"/feed.xml": ("application/rss+xml", body),
                     "/page.html": ("text/html", b"<html><body>no feed here</body></html>")}) as srv:
        yield srv


# -- the password ----------------------------------------------------------------------------
def test_the_password_is_kept_only_as_its_scrypt_hash() -> None:
    admin = AdminPassword(PASSWORD)
    assert admin.hash.startswith("scrypt$16384$8$1$") and PASSWORD not in admin.hash
    assert admin.check(PASSWORD) and not admin.check(PASSWORD + "x") and not admin.check("")
    given = hash_password("s3cret", salt=b"0" * 16)
    assert AdminPassword(given).hash == given and AdminPassword(given).check("s3cret")
    assert not AdminPassword("").enabled and not AdminPassword("").check("")


@pytest.mark.parametrize("target, safe", [("/sources", "/sources"), ("/search?q=a", "/search?q=a"), ("//evil.example/", "/"),
                                          ("https://evil.example/", "/"), ("/\\evil.example", "/"), ("", "/"),
                                          ("/a\nLocation: x", "/"), ("javascript:alert(1)", "/")])
def test_next_is_a_path_on_this_server_only(target: str, safe: str) -> None:
    assert safe_next(target) == safe


# -- signing in ------------------------------------------------------------------------------
def test_sign_in_sets_a_strict_http_only_secure_cookie_and_redirects_only_locally(client: TestClient) -> None:
    token = _csrf(client.get("/login").text)
    r = client.post("/login", data={"password": PASSWORD, "csrf": token, "next": "//evil.example/x"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"].lower()
    assert "newsbrief_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie
    assert "Sign out" in client.get("/").text


def test_a_wrong_password_is_401_and_repeated_failures_are_rate_limited(client: TestClient) -> None:
    token = _csrf(client.get("/login").text)
    for _ in range(LOGIN_ATTEMPTS):
        r = client.post("/login", data={"password": "guess", "csrf": token})
        assert r.status_code == 401 and "Wrong password." in r.text
    blocked = client.post("/login", data={"password": PASSWORD, "csrf": token})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "too many failed attempts" in blocked.text


def test_sign_in_needs_the_csrf_token(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"password": PASSWORD, "csrf": "forged"}, follow_redirects=False)
    assert r.status_code == 403 and "csrf:" in r.text and "set-cookie" not in r.headers


def test_sign_out(client: TestClient) -> None:
    token = _sign_in(client)
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert "Sign in" in client.get("/").text and "Sign out" not in client.get("/").text


# -- every change needs the admin ------------------------------------------------------------
@pytest.mark.parametrize("path", ["/sources/add", "/sources/check", "/sources/import", "/sources/1/remove",
                                  "/sources/1/recheck", "/sources/1/pause", "/sources/1/resume", "/sources/1/weight",
                                  "/logout"])
def test_page_writes_need_sign_in(client: TestClient, path: str) -> None:
    r = client.post(path, data={"url": "http://a.example/"})
    assert r.status_code == 401 and "auth: sign in first" in r.text


def test_api_writes_need_the_token(client: TestClient, db: Path) -> None:
    assert client.post("/api/sources", json={"url": "http://a.example/"}).status_code == 401
    assert client.delete("/api/sources/1").status_code == 401
    assert client.patch("/api/sources/1", json={"paused": True}).status_code == 401
    wrong = client.delete("/api/sources/1", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json() == {"error": "auth: wrong token"}
    assert wrong.headers["www-authenticate"] == "Bearer"
    with open_store(db, migrate=False) as store:
        assert store.count("sources") == len(client.get("/api/sources").json()["sources"])


def test_without_a_password_nothing_can_be_changed(db: Path, tmp_path: Path) -> None:
    with TestClient(_app(db, tmp_path, NEWSBRIEF_WEB_ADMIN_PASSWORD=""), base_url="https://localhost") as c:
        assert "Signing in is off" in c.get("/login").text
        r = c.post("/sources/1/remove", data={})
        assert r.status_code == 401 and "set web.admin_password" in r.text
        assert c.delete("/api/sources/1", headers={"Authorization": "Bearer "}).status_code == 401


def test_a_signed_in_form_without_its_csrf_token_is_refused(client: TestClient, db: Path) -> None:
    _sign_in(client)
    r = client.post("/sources/1/remove", data={"csrf": "forged"})
    assert r.status_code == 403
    with open_store(db, migrate=False) as store:
        assert store.source_rows()[0]["id"] == 1


def test_private_reading_sends_pages_to_sign_in_and_the_api_401(db: Path, tmp_path: Path) -> None:
    with TestClient(_app(db, tmp_path, NEWSBRIEF_WEB_PUBLIC_READ="false"), base_url="https://localhost") as c:
        page = c.get("/search?q=chip", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/search"
        assert c.get("/api/digests").status_code == 401
        assert c.get("/login").status_code == 200
        _sign_in(c)
        assert c.get("/api/digests").status_code == 200 and "Daily briefing" in c.get("/").text


# -- sources ---------------------------------------------------------------------------------
def test_add_a_source_by_url_after_checking_it(client: TestClient, feeds: FeedServer, db: Path) -> None:
    token = _sign_in(client)
    check = client.post("/sources/check", data={"csrf": token, "url": feeds.url + "/feed.xml"})
    assert check.status_code == 200 and "Quokka Wire" in check.text and "1 item(s)" in check.text
    with open_store(db, migrate=False) as store:
        assert store.get_source(feeds.url + "/feed.xml") is None  # checking does not subscribe
    added = client.post("/sources/add", data={"csrf": token, "url": feeds.url + "/feed.xml", "weight": "2"})
    assert added.status_code == 200 and "added: Quokka Wire" in added.text  # followed the 303 to /sources
    with open_store(db, migrate=False) as store:
        source = store.get_source(feeds.url + "/feed.xml")
        assert source is not None and source.title == "Quokka Wire" and source.weight == 2.0


@pytest.mark.parametrize("url, reason", [("/etc/passwd", "local file path"), ("file:///etc/passwd", "file://"),
                                         ("javascript:alert(1)", "is not http(s)"), ("", "url: empty")])
def test_only_http_urls_can_be_added(client: TestClient, url: str, reason: str) -> None:
    token = _sign_in(client)
    r = client.post("/sources/add", data={"csrf": token, "url": url})
    assert r.status_code == 400 and reason in r.text


def test_the_ssrf_guard_applies_to_urls_added_in_the_browser(db: Path, tmp_path: Path, feeds: FeedServer) -> None:
    app = _app(db, tmp_path, NEWSBRIEF_FETCH_ALLOW_PRIVATE="false")
    with TestClient(app, base_url="https://localhost") as c:
        token = _sign_in(c)
        r = c.post("/sources/add", data={"csrf": token, "url": feeds.url + "/feed.xml"})
    assert r.status_code == 400 and "127.0.0.1 is a loopback address" in r.text and "allow_private" in r.text
    with open_store(db, migrate=False) as store:
        assert store.get_source(feeds.url + "/feed.xml") is None


def test_a_page_without_a_feed_is_not_added(client: TestClient, feeds: FeedServer) -> None:
    token = _sign_in(client)
    r = client.post("/sources/add", data={"csrf": token, "url": feeds.url + "/page.html"})
    assert r.status_code == 400 and "Traceback" not in r.text


def test_opml_upload_adds_the_http_feeds(client: TestClient, db: Path) -> None:
    token = _sign_in(client)
    r = client.post("/sources/import", data={"csrf": token}, files={"opml": ("subs.opml", OPML, "text/xml")})
    assert r.status_code == 200 and "2 feed(s) in the file" not in r.text and "1 feed(s) in the file: 1 added" in r.text
    assert "1 skipped" in r.text
    with open_store(db, migrate=False) as store:
        assert store.get_source("http://a.example/feed.xml") is not None


def test_recheck_and_remove(client: TestClient, db: Path) -> None:
    token = _sign_in(client)
    with open_store(db, migrate=False) as store:
        first = store.source_rows()[0]
    assert "due now:" in client.post(f"/sources/{first['id']}/recheck", data={"csrf": token}).text
    with open_store(db, migrate=False) as store:
        assert store.source_rows()[0]["next_poll_at"] != first["next_poll_at"]
    assert "removed:" in client.post(f"/sources/{first['id']}/remove", data={"csrf": token}).text
    with open_store(db, migrate=False) as store:
        assert store.get_source(first["url"]) is None
    assert client.post("/sources/999999/remove", data={"csrf": token}).status_code == 404


def test_pause_resume_and_weight_in_the_browser(client: TestClient, db: Path) -> None:
    token = _sign_in(client)
    with open_store(db, migrate=False) as store:
        first = store.source_rows()[0]
    paused = client.post(f"/sources/{first['id']}/pause", data={"csrf": token}).text
    assert "paused:" in paused and f'action="/sources/{first["id"]}/resume"' in paused
    with open_store(db, migrate=False) as store:
        assert store.source_rows()[0]["paused"] == 1
    assert client.get("/api/sources").json()["sources"][0]["status"] == "paused"
    resumed = client.post(f"/sources/{first['id']}/resume", data={"csrf": token}).text
    assert "resumed:" in resumed and f'action="/sources/{first["id"]}/pause"' in resumed
    assert "weight 2.5:" in client.post(f"/sources/{first['id']}/weight", data={"csrf": token, "weight": "2.5"}).text
    with open_store(db, migrate=False) as store:
        assert (store.source_rows()[0]["paused"], store.source_rows()[0]["weight"]) == (0, 2.5)
    too_big = client.post(f"/sources/{first['id']}/weight", data={"csrf": token, "weight": "101"})
    assert too_big.status_code == 400 and "weight: 101 is not between 0 and 100" in too_big.text
    assert client.post(f"/sources/{first['id']}/pause", data={"csrf": "forged"}).status_code == 403
    assert client.post("/sources/999999/pause", data={"csrf": token}).status_code == 404


def test_api_patch_pauses_and_weighs_a_source(client: TestClient, db: Path) -> None:
    auth = {"Authorization": f"Bearer {PASSWORD}"}
    with open_store(db, migrate=False) as store:
        first = store.source_rows()[0]
    r = client.patch(f"/api/v1/sources/{first['id']}", json={"paused": True, "weight": 3}, headers=auth)
    assert r.status_code == 200 and (r.json()["paused"], r.json()["weight"], r.json()["status"]) == (True, 3.0, "paused")
    r = client.patch(f"/api/v1/sources/{first['id']}", json={"paused": False}, headers=auth)
    assert r.json()["paused"] is False and r.json()["weight"] == 3.0
    for body, error in [({"paused": "yes"}, "paused: 'yes' is not true or false"),
                        ({"weight": "2"}, "weight: '2' is not a number"),
                        ({"weight": -1}, "weight: -1 is not between 0 and 100"),
                        ({"url": "http://x.example/"}, "body: unknown field(s) url; give paused and/or weight"),
                        ({}, "body: nothing to change; give paused and/or weight")]:
        bad = client.patch(f"/api/v1/sources/{first['id']}", json=body, headers=auth)
        assert bad.status_code == 400 and bad.json() == {"error": error}, body
    assert client.patch("/api/v1/sources/999999", json={"paused": True}, headers=auth).status_code == 404


def test_api_create_read_delete_a_source_with_the_token(client: TestClient, feeds: FeedServer) -> None:
    auth = {"Authorization": f"Bearer {PASSWORD}"}
    made = client.post("/api/sources", json={"url": feeds.url + "/feed.xml", "weight": 1.5}, headers=auth)
    assert made.status_code == 201 and made.json()["title"] == "Quokka Wire" and made.json()["weight"] == 1.5
    again = client.post("/api/sources", json={"url": feeds.url + "/feed.xml"}, headers=auth)
    assert again.status_code == 200
    one = client.get(f"/api/sources/{made.json()['id']}")
    assert one.status_code == 200 and one.json()["url"] == feeds.url + "/feed.xml"
    assert client.delete(f"/api/sources/{made.json()['id']}", headers=auth).status_code == 204
    assert client.get(f"/api/sources/{made.json()['id']}").status_code == 404
    bad = client.post("/api/sources", content=b"[1]", headers={**auth, "Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json() == {"error": "body: a JSON object is expected"}


def test_wrong_bearer_tokens_are_rate_limited_like_sign_ins(client: TestClient) -> None:
    for _ in range(LOGIN_ATTEMPTS):
        assert client.get("/api/v1/digests", headers={"Authorization": "Bearer guess"}).status_code == 401
    blocked = client.get("/api/v1/digests", headers={"Authorization": f"Bearer {PASSWORD}"})
    assert blocked.status_code == 429 and blocked.json()["error"].startswith("auth: too many wrong tokens")


def test_api_reads_and_replaces_interests_and_mutes_for_the_next_digest(client: TestClient, tmp_path: Path) -> None:
    auth = {"Authorization": f"Bearer {PASSWORD}"}
    before = client.get("/api/v1/interests").json()
    assert set(before) == {"interests", "mutes", "locked"} and before["locked"] == []
    assert client.put("/api/v1/interests", json={"mutes": ["crypto"]}).status_code == 401  # writes need the admin
    r = client.put("/api/v1/interests", json={"interests": ["grid storage", "grid storage"], "mutes": ["crypto"]},
                   headers=auth)
    assert r.status_code == 200 and (r.json()["interests"], r.json()["mutes"]) == (["grid storage"], ["crypto"])
    assert client.get("/api/v1/interests").json()["mutes"] == ["crypto"]
    assert read_lists(load_settings(data_dir=tmp_path, env={}).config_path)["digest.mutes"] == ["crypto"]
    for body, error in [({"mutes": "crypto"}, "mutes: must be a list of strings"),
                        ({"topics": []}, "body: unknown field(s) topics; give interests and/or mutes"),
                        ({}, "body: nothing to change; give interests and/or mutes")]:
        bad = client.put("/api/v1/interests", json=body, headers=auth)
        assert bad.status_code == 400 and bad.json() == {"error": error}, body


def test_api_article_gives_the_stored_text_and_404_for_an_unknown_id(client: TestClient, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        some_id = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    with open_store(db, migrate=False) as store:
        some = store.articles([some_id])[0]
    r = client.get(f"/api/v1/articles/{some.id}")
    assert r.status_code == 200
    assert (r.json()["id"], r.json()["title"], r.json()["text"]) == (some.id, some.title, some.text)
    assert client.get("/api/v1/articles/no-such-article").json() == {"error": "no article no-such-article"}
