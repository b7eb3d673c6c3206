"""The web UI and JSON API, in process through Starlette's test client, plus one real-server smoke test."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from factories import make_article
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.errors import StoreError
from newsbrief.store import open_store
from newsbrief.web import ServerThread, make_app
from newsbrief.web.app import route
from newsbrief.web.middleware import CSP

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

EVIL = "<script>alert('x')</script>"


def _client(app: Any) -> TestClient:
    return TestClient(app, base_url="http://localhost:8080", raise_server_exceptions=False)


@pytest.fixture(scope="module")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_settings(data_dir=tmp_path_factory.mktemp("web"), env={
        "NEWSBRIEF_SMTP_PASSWORD": "hunter2-secret",
        "NEWSBRIEF_FETCH_PROXY": "http://alice:pr0xy-pw@proxy.example:3128",
    })


@pytest.fixture(scope="module")
def client(demo: DemoResult, web_settings: Any) -> Iterator[httpx.Client]:
    with _client(make_app(demo.db_path, settings=web_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def facts_db(demo: DemoResult) -> dict[str, Any]:
    """Known ids and dates from the demo database."""
    with open_store(demo.db_path, migrate=False) as store:
        dates = store.digest_dates()
        latest = store.digest(dates[0])
        assert latest is not None
        story = next(it for sec in latest["sections"] if sec["kind"] == "stories" for it in sec["items"])
        members = store.story_members(story["story_id"])
        return {"dates": [d.isoformat() for d in dates], "latest": latest, "story": story, "members": members,
                "sources": store.source_rows()}


# -- pages -----------------------------------------------------------------------------------
def test_index_shows_the_latest_digest(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert facts_db["latest"]["title"] in r.text
    assert f'href="/stories/{facts_db["story"]["story_id"]}"' in r.text
    assert '<a href="/digests"' in r.text and 'href="/sources"' in r.text  # the shared nav
    assert f'href="/digests/{facts_db["dates"][1]}"' in r.text  # link to the older digest


@pytest.mark.parametrize("path, needle", [
    ("/digests", "Digests"),
    ("/search", "Full-text search"),
    ("/search?q=chip", "<mark>"),
    ("/sources", "Circuit Ledger"),
    ("/settings", "fetch.timeout"),
])
def test_pages_answer_200_with_content(client: httpx.Client, path: str, needle: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert needle in r.text
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"


def test_digest_list_and_each_digest(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    listing = client.get("/digests").text
    for day in facts_db["dates"]:
        assert f'href="/digests/{day}"' in listing
        page = client.get(f"/digests/{day}")
        assert page.status_code == 200
        assert day in page.text


@pytest.mark.parametrize("suffix, ctype, needle", [
    ("md", "text/markdown", "# Daily briefing"),
    ("txt", "text/plain", "Daily briefing"),
    ("json", "application/json", '"schema": "newsbrief.digest/1"'),
    ("html", "text/html", "<!DOCTYPE html>"),
])
def test_digest_variants(client: httpx.Client, facts_db: dict[str, Any], suffix: str, ctype: str, needle: str) -> None:
    r = client.get(f"/digests/{facts_db['dates'][0]}.{suffix}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(ctype)
    assert needle in r.text


def test_story_timeline(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    r = client.get(f"/stories/{facts_db['story']['story_id']}")
    assert r.status_code == 200
    members = facts_db["members"]
    positions = [r.text.index(f'id="article-{m["article_id"]}"') for m in members]
    assert positions == sorted(positions)  # by time
    for m in members:
        assert f"membership score {m['score']:.3f}" in r.text
        assert f'href="{m["url"]}"' in r.text
    assert "all reasons" in r.text and m["reasons"]["decision"].replace("_", " ") in r.text


def test_feeds(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    atom = client.get("/feed.atom")
    assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(facts_db["dates"])
    feed = client.get("/feed.json").json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["items"][0]["title"] == facts_db["latest"]["title"]
    link = httpx.URL(feed["items"][0]["url"])
    assert link.host == "localhost"
    assert client.get(link.path).status_code == 200  # entry links resolve on this server


def test_feed_links_use_the_configured_base_url(demo: DemoResult, web_settings: Any) -> None:
    settings = web_settings.replace(**{"web.base_url": "https://briefs.example.org/news/",
                                       "web.allowed_hosts": ["other-name.example"]})
    with _client(make_app(demo.db_path, settings=settings)) as c:
        feed = c.get("/feed.json", headers={"Host": "other-name.example"}).json()
        atom = c.get("/feed.atom", headers={"Host": "other-name.example"}).text
    assert feed["items"][0]["url"].startswith("https://briefs.example.org/news/")
    assert "other-name.example" not in json.dumps(feed) and "other-name.example" not in atom


def test_settings_page_redacts_secrets(client: httpx.Client) -> None:
    for path in ("/settings", "/api/settings"):
        r = client.get(path)
        assert "hunter2-secret" not in r.text and "pr0xy-pw" not in r.text
        assert "***" in r.text
        assert "alice:***@proxy.example:3128" in r.text
    rows = {s["name"]: s for s in client.get("/api/settings").json()["settings"]}
    assert rows["smtp.password"]["origin"] == "env" and rows["fetch.timeout"]["origin"] == "default"
    assert rows["fetch.proxy"]["value"] == "http://alice:***@proxy.example:3128"


# -- Host header (DNS rebinding) --------------------------------------------------------------
@pytest.mark.parametrize("host", ["localhost:8080", "LOCALHOST.", "127.0.0.1:8080", "127.0.0.2", "[::1]:8080",
                                  "app.localhost:8080", "[::ffff:127.0.0.1]:80"])
def test_loopback_hosts_are_answered(client: httpx.Client, host: str) -> None:
    assert client.get("/api/digests", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["rebind.attacker.example:8080", "evil.example", "10.0.0.5:8080", "localhost.evil.example",
                                  "127.0.0.1.nip.io", "bad host", "user@localhost", ""])
def test_unknown_hosts_get_400(client: httpx.Client, host: str) -> None:
    api = client.get("/api/settings", headers={"Host": host})
    assert api.status_code == 400 and "not served here" in api.json()["error"]
    assert "hunter2" not in api.text and "proxy.example" not in api.text
    page = client.get("/settings", headers={"Host": host})
    assert page.status_code == 400 and "web.allowed_hosts" in page.text and "proxy.example" not in page.text


def test_bind_host_base_url_and_allowed_hosts_are_answered(demo: DemoResult, web_settings: Any) -> None:
    settings = web_settings.replace(**{"web.base_url": "https://briefs.example.org/news/",
                                       "web.allowed_hosts": ["reader.lan", ".corp.example"]})
    with _client(make_app(demo.db_path, settings=settings, bind_host="192.168.1.20")) as c:
        for host in ("192.168.1.20:8080", "briefs.example.org", "reader.lan:8080", "corp.example", "a.corp.example"):
            assert c.get("/api/digests", headers={"Host": host}).status_code == 200, host
        for host in ("192.168.1.21:8080", "reader.lan.evil.example", "notcorp.example"):
            assert c.get("/api/digests", headers={"Host": host}).status_code == 400, host
    with _client(make_app(demo.db_path, settings=web_settings, bind_host="0.0.0.0")) as c:
        assert c.get("/api/digests", headers={"Host": "192.168.1.21:8080"}).status_code == 200  # an address cannot rebind
        assert c.get("/api/digests", headers={"Host": "rebind.attacker.example"}).status_code == 400
    anything = web_settings.replace(**{"web.allowed_hosts": ["*"]})
    with _client(make_app(demo.db_path, settings=anything)) as c:
        assert c.get("/api/digests", headers={"Host": "rebind.attacker.example"}).status_code == 200


# -- API -------------------------------------------------------------------------------------
def test_api_digests(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    listing = client.get("/api/digests").json()["digests"]
    assert [d["date"] for d in listing] == facts_db["dates"]
    assert listing[0]["title"] == facts_db["latest"]["title"]
    one = client.get(f"/api/digests/{facts_db['dates'][0]}")
    assert one.headers["content-type"] == "application/json; charset=utf-8"
    data = one.json()
    assert data["schema"] == "newsbrief.digest/1"
    assert data == facts_db["latest"]
    assert {"date", "title", "generated_at", "lede", "stats", "sections"} <= set(data)


def test_api_stories(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    day = facts_db["dates"][0]
    stories = client.get(f"/api/stories?date={day}").json()["stories"]
    assert facts_db["story"]["story_id"] in {s["id"] for s in stories}
    assert all(s["n_articles"] == len(s["article_ids"]) for s in stories)
    assert len(client.get("/api/stories").json()["stories"]) >= len(stories)
    story = client.get(f"/api/stories/{facts_db['story']['story_id']}").json()
    assert [a["id"] for a in story["articles"]] == [m["article_id"] for m in facts_db["members"]]
    assert {"published", "outlet", "title", "url", "score", "reasons"} <= set(story["articles"][0])
    assert story["title"]


def test_api_search_sources_facts(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    results = client.get("/api/search", params={"q": "chip", "limit": 3}).json()["results"]
    assert 0 < len(results) <= 3 and {"id", "title", "snippet", "story_id"} <= set(results[0])
    sources = client.get("/api/sources").json()["sources"]
    assert [s["url"] for s in sources] == [s["url"] for s in facts_db["sources"]]
    assert {"status", "item_count", "last_success_at", "error_count", "last_error", "next_poll_at"} <= set(sources[0])
    facts = client.get("/api/facts", params={"type": "funding", "since": facts_db["dates"][-1]}).json()["facts"]
    assert facts and {f["type"] for f in facts} == {"funding"}
    assert all(f["day"] >= facts_db["dates"][-1] for f in facts)


def test_api_calendar_lists_the_digest_calendar_by_day(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    day = facts_db["dates"][0]
    calendar = client.get(f"/api/calendar/{day}").json()["calendar"]
    ahead = next(sec for sec in facts_db["latest"]["sections"] if sec["kind"] == "ahead")
    shown = [e for e in calendar if e["shown"]]
    assert shown and [e["line"] for e in shown] == [it["paragraphs"][0][0]["text"] for it in ahead["items"]]
    assert [e["day"] for e in shown] == [it["headline"] for it in ahead["items"]]
    assert all(e["start"] > day and e["end"] >= e["start"] and e["cites"] and e["story_id"] for e in calendar)
    assert len(calendar) == len(ahead["items"]) + len(ahead.get("more", []))
    assert client.get("/api/calendar/2001-01-01").status_code == 404


# -- errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/nope", "/digests/2001-01-01", "/digests/2026-13-45", "/stories/st_missing",
                                  "/digests/2026-11-27.exe"])
def test_page_404(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html") and "Not found" in r.text
    assert r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("path", ["/api/nope", "/api/digests/2001-01-01", "/api/stories/st_missing"])
def test_api_404(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert set(r.json()) == {"error"}


@pytest.mark.parametrize("path, status", [
    ("/search?q=%26+-+%22%25%22", 400), ("/api/search?q=%22", 400), ("/api/search", 400), ("/api/stories?date=bad", 400),
    ("/api/facts?type=bogus", 400), ("/api/facts?since=yesterday", 400), ("/api/search?q=chip&limit=0", 400),
])
def test_bad_requests(client: httpx.Client, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert "Traceback" not in r.text
    if path.startswith("/api/"):
        assert r.json()["error"]
    else:
        assert "search: nothing to search for" in r.text and "\n" not in r.text.split('class="error">')[1].split("</p>")[0]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_writes_are_refused(client: httpx.Client, method: str) -> None:
    for path in ("/", "/api/digests"):
        r = client.request(method, path)
        assert r.status_code == 405
        assert r.headers["allow"] == "GET, HEAD"


def test_head(client: httpx.Client) -> None:
    r = client.head("/")
    assert r.status_code == 200 and r.content == b"" and int(r.headers["content-length"]) > 1000


def test_unexpected_error_hides_details(demo: DemoResult, web_settings: Any) -> None:
    app = make_app(demo.db_path, settings=web_settings)

    def boom(ctx: Any) -> Any:
        raise RuntimeError("secret internal detail")

    app.router.routes[:0] = [route("/boom", boom, app.state.web), route("/api/boom", boom, app.state.web)]
    with _client(app) as c:
        page, api = c.get("/boom"), c.get("/api/boom")
    assert page.status_code == api.status_code == 500
    assert "secret internal detail" not in page.text + api.text and "Traceback" not in page.text
    assert api.json() == {"error": "internal error; see the server log"}


# -- escaping, empty and missing stores ------------------------------------------------------
def _copy_db(src: Path, dest: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)
    return dest


def test_feed_text_is_escaped(demo: DemoResult, web_settings: Any, tmp_path: Path) -> None:
    path = _copy_db(demo.db_path, tmp_path / "evil.db")
    with open_store(path) as store:
        store.add_source("http://evil.example/feed.xml", title=EVIL)
        src = store.get_source("http://evil.example/feed.xml")
        assert src is not None and src.id is not None
        store.update_source(src.id, last_error=EVIL, error_count=3, last_fetch_at="2026-11-28T00:00:00+00:00",
                            site_url="javascript:alert(1)")
        art = make_article("evil1", title=f"Zanzibarquux {EVIL}", text="Zanzibarquux <b>bold</b> claims.",
                           day="2026-11-28", url="javascript:alert(1)")
        store.upsert_articles([(art, 0, src.id)])
        store.put_memberships([("evil1", "st_evil", 0.9, {"decision": EVIL}, dt.date(2026, 11, 28))])
        data = json.loads(json.dumps(store.digest(store.digest_dates()[0])))
        data["date"], data["title"] = "2026-11-28", f"Briefing {EVIL}"
        item = data["sections"][0]["items"][0]
        item["headline"] = EVIL
        item["sources"][0]["url"] = "javascript:alert(1)"
        store.save_digest(dt.date(2026, 11, 28), title=data["title"], data=data, stories=[])
    with _client(make_app(path, settings=web_settings)) as c:
        pages = {p: c.get(p) for p in ("/", "/digests", "/stories/st_evil", "/search?q=Zanzibarquux", "/sources",
                                       "/articles/evil1")}
    for p, r in pages.items():
        assert r.status_code == 200, p
        assert "<script>" not in r.text, p
        assert "javascript:" not in r.text, p
    assert "&lt;script&gt;" in pages["/"].text and "&lt;script&gt;" in pages["/stories/st_evil"].text
    assert "&lt;b&gt;bold&lt;/b&gt;" in pages["/search?q=Zanzibarquux"].text


def test_empty_and_missing_store(web_settings: Any, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        make_app(tmp_path / "missing.db", settings=web_settings)
    assert not (tmp_path / "missing.db").exists()
    open_store(tmp_path / "empty.db").close()
    with _client(make_app(tmp_path / "empty.db", settings=web_settings)) as c:
        assert "No digest has been made yet" in c.get("/").text
        assert c.get("/api/digests").json() == {"total": 0, "limit": 100, "offset": 0, "digests": []}
        assert c.get("/sources").status_code == 200
        assert c.get("/feed.atom").status_code == 200


# -- the real server -------------------------------------------------------------------------
@pytest.mark.serial
def test_real_server_smoke(demo: DemoResult, web_settings: Any) -> None:
    app = make_app(demo.db_path, settings=web_settings)
    with ServerThread(app) as srv:
        url = srv.url
        assert url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=url, timeout=10, trust_env=False) as c:
            home = c.get("/")
            assert home.status_code == 200 and "Daily briefing" in home.text
            assert home.headers["content-security-policy"] == CSP
            digests = c.get("/api/digests")
            assert digests.status_code == 200 and digests.json()["digests"]
            rebound = c.get("/api/settings", headers={"Host": f"rebind.attacker.example:{httpx.URL(url).port}"})
            assert rebound.status_code == 400 and "pr0xy-pw" not in rebound.text
    with pytest.raises(httpx.TransportError):  # stopped and closed on exit
        httpx.get(url, timeout=2, trust_env=False)


# -- paging ----------------------------------------------------------------------------------
@pytest.mark.parametrize("route, key", [("/api/stories", "stories"), ("/api/sources", "sources"), ("/api/facts", "facts")])
def test_api_lists_are_paged_with_their_total(client: httpx.Client, route: str, key: str) -> None:
    whole = client.get(route).json()
    total = whole["total"]
    assert len(whole[key]) == min(total, 100) and total > 3 and (whole["limit"], whole["offset"]) == (100, 0)
    first = client.get(route, params={"limit": 2}).json()
    second = client.get(route, params={"limit": 2, "offset": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (total, 2, 0)
    assert first[key] + second[key] == whole[key][:4]
    past = client.get(route, params={"offset": total}).json()
    assert past[key] == [] and past["total"] == total
    assert client.get(route, params={"limit": 0}).json()[key] == []


def test_api_paging_keeps_the_filters(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    day = facts_db["dates"][0]
    stories = client.get("/api/stories", params={"date": day, "limit": 1}).json()
    assert stories["total"] == len(client.get("/api/stories", params={"date": day}).json()["stories"])
    assert len(stories["stories"]) == 1
    funding = client.get("/api/facts", params={"type": "funding", "limit": 1}).json()
    assert funding["total"] == len(client.get("/api/facts", params={"type": "funding"}).json()["facts"]) >= 1
    assert [f["type"] for f in funding["facts"]] == ["funding"]


@pytest.mark.parametrize("query", ["limit=-1", "limit=1001", "limit=abc", "limit=1.5", "limit=1_0", "limit=%2B5",
                                   "limit=%D9%A2", "offset=-3", "offset=x", "offset=99999999999999999999"])
@pytest.mark.parametrize("route", ["/api/stories", "/api/sources", "/api/facts"])
def test_api_paging_rejects_bad_numbers(client: httpx.Client, route: str, query: str) -> None:
    r = client.get(f"{route}?{query}")
    assert r.status_code == 400
    assert set(r.json()) == {"error"} and r.json()["error"].split(":")[0] in {"limit", "offset"}


def test_digest_page_lists_what_did_not_fit(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    # The demo's first day has more upcoming dates than the calendar shows: the rest are listed, linked to their stories.
    more = len(next(s for s in facts_db["latest"]["sections"] if s["kind"] == "ahead")["more"])
    assert more >= 1
    page = client.get("/digests/2026-11-27").text
    listed = page.split("<summary>And ", 1)[1].split("</details>", 1)[0]
    assert listed.startswith(f"{more} more dates</summary>")
    assert listed.count('<li><a href="/stories/') == more


# -- citations open the cited passage --------------------------------------------------------
def test_each_citation_opens_its_article_at_the_cited_passage(client: httpx.Client, facts_db: dict[str, Any]) -> None:
    import html
    import re

    from newsbrief.web.reader import _words

    page = client.get("/").text
    stories = page.split('<section class="stories">', 1)[1]  # the lede's sentences are composed, not quoted
    links = re.findall(r'<a class="cite" href="([^"]+)"[^>]*>\[(\d+)\]</a>', stories)
    assert len(links) > 10
    outlets = dict(re.findall(r'<span id="src-(\d+)">\[\d+\] <a [^>]*>([^<]+)</a>', page))
    verbatim = 0
    for href, n in links[:12]:
        href = html.unescape(href)
        assert href.startswith("/articles/") and href.endswith("#passage")
        article = client.get(href.split("#")[0])
        assert article.status_code == 200
        if n in outlets:  # the number points at the article the source list names under it
            assert f"{outlets[n]} · " in article.text
        cited = httpx.URL(href).params["passage"]
        marked = re.search(r'<mark id="passage" tabindex="-1">([^<]+)</mark>', article.text)
        assert marked, href
        text = html.unescape(marked.group(1))
        assert len(_words(cited) & _words(text)) >= 2
        verbatim += text == cited
    assert verbatim >= 6  # most summary sentences are extracted: they land on the very sentence


def test_article_page_errors(client: httpx.Client) -> None:
    assert client.get("/articles/nope-missing").status_code == 404
    assert client.get("/articles/a%20b").status_code == 404


def test_story_page_groups_sources_by_outlet_and_says_why_it_ranked(client: httpx.Client,
                                                                    facts_db: dict[str, Any]) -> None:
    import html

    item = facts_db["story"]
    page = client.get(f"/stories/{item['story_id']}").text
    ranking = page.split("<h2>Why it ranked</h2>", 1)[1].split("</table>", 1)[0]
    assert f"In the digest of <a href=\"/digests/{facts_db['dates'][0]}\">" in ranking
    for name, value in item["extra"]["score_parts"].items():
        assert f"<td>{name}</td><td class=\"num\">{value:+.3f}</td>" in ranking
    grouped = page.split("<h2>Sources by outlet</h2>", 1)[1].split("</ul>", 1)[0]
    outlets = {m["outlet"] for m in facts_db["members"]}
    assert all(f"<strong>{html.escape(o, quote=False)}</strong>" in grouped for o in outlets if o)
    assert grouped.count('href="#article-') == len(facts_db["members"])


def test_search_pages_walk_the_results_in_order(client: httpx.Client) -> None:
    import re

    everything = [r["id"] for r in client.get("/api/search", params={"q": "the", "limit": 200}).json()["results"]]
    assert len(everything) > 5
    seen: list[str] = []
    url = "/search?q=the&limit=2"
    while url:
        page = client.get(url).text
        seen += re.findall(r'<li><div><a href="/articles/([^"]+)">', page)
        found = re.search(r'<a rel="next" href="([^"]+)">', page)
        url = found.group(1).replace("&amp;", "&") if found else ""
        assert len(seen) <= len(everything)
    assert seen == everything
    last = client.get("/search", params={"q": "the", "limit": 2, "page": 2}).text
    assert 'rel="prev" href="/search?q=the&amp;limit=2&amp;page=1"' in last and "Results 3–4 for" in last
    assert client.get("/search", params={"q": "the", "page": 0}).status_code == 400
    assert "No more results" in client.get("/search", params={"q": "the", "limit": 200, "page": 5}).text


def test_pages_start_with_a_skip_link_to_the_main_content(client: httpx.Client) -> None:
    page = client.get("/").text
    assert page.index('<a class="skip" href="#main">') < page.index("<nav") < page.index('<main id="main"')
