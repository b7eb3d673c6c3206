"""End to end in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a real server.

Read the digest, follow a citation, search, sign in, add a source served on 127.0.0.1 and see
its articles after a fetch; a feed item carrying script, event-handler and javascript: payloads
never runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from feed_server import FeedServer, rss

from newsbrief.cli.app import cli
from newsbrief.config import load_settings
from newsbrief.web import ServerThread, make_app

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.serial, pytest.mark.sqlite_only, pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed "
                                                     "(apt-get install -y chromium)")]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "e2e admin password"
ENV = {"NEWSBRIEF_WEB_ADMIN_PASSWORD": PASSWORD, "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true",
       "NEWSBRIEF_FETCH_FULL_TEXT": "false"}
HOSTILE_TITLE = "Wombatquux council <script>window.__xss = 'title'</script> vote"
HOSTILE_BODY = ("<p>Wombatquux councillors met <img src=x onerror=\"window.__xss = 'onerror'\"> on Friday and "
                "<a href=\"javascript:window.__xss = 'link'\">voted</a> for a new wombat crossing."
                "<script>window.__xss = 'body'</script> The crossing opens in spring, the council said.</p>"
                "<svg onload=\"window.__xss = 'svg'\"></svg>")


@pytest.fixture(scope="module")
def data_dir(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    with sqlite3.connect(demo.db_path) as a, sqlite3.connect(folder / "newsbrief.db") as b:
        a.backup(b)
    return folder


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[str]:
    settings = load_settings(data_dir=data_dir, env=ENV)
    with ServerThread(make_app(settings.db_path, settings=settings)) as srv:
        yield srv.url.rstrip("/")


@pytest.fixture(scope="module")
def feeds() -> Iterator[FeedServer]:
    body = rss("Wombat <b>Gazette</b>", [(HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;"),
                                          "http://127.0.0.1:9/wombat-vote", HOSTILE_BODY)])
    with FeedServer({"/wombat.xml": ("application/rss+xml", body)}) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()


def _sign_in(page: Any, server: str, *, to: str = "/sources") -> None:
    page.goto(f"{server}/login?next={to}")
    page.get_by_label("Admin password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server}{to}")


def test_read_the_digest_and_follow_a_citation(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text().startswith("Daily briefing")
    first = page.locator("section.stories a.cite").first
    first.click()
    page.wait_for_url("**/articles/**#passage")
    passage = page.locator("mark#passage")
    assert passage.is_visible() and len(passage.inner_text()) > 20
    assert page.evaluate("location.hash") == "#passage"


def test_search_from_the_nav(page: Any, server: str) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="Search articles")
    box.fill("chip")
    box.press("Enter")
    page.wait_for_url(f"{server}/search?q=chip")
    assert page.locator("main mark").count() > 0


def test_sign_in_add_a_source_and_see_its_articles_after_a_fetch(page: Any, server: str, data_dir: Path,
                                                                 feeds: FeedServer) -> None:
    _sign_in(page, server)
    page.get_by_label("Feed or page URL").fill(feeds.url + "/wombat.xml")
    page.get_by_role("button", name="Check first").click()
    assert "1 item(s)" in page.locator(".probe").inner_text()
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_url(f"{server}/sources")
    assert page.locator(".flash").inner_text() in {"added: Wombat Gazette", "already subscribed: Wombat Gazette"}
    fetched = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "fetch", "--no-progress"], env=ENV)
    assert fetched.exit_code == 0, fetched.output
    page.goto(f"{server}/search?q=Wombatquux")
    assert "Wombatquux council" in page.locator("main").inner_text()
    assert page.dialogs == [] and page.evaluate("window.__xss") is None


def test_hostile_feed_item_never_executes(page: Any, server: str, data_dir: Path, feeds: FeedServer) -> None:
    test_sign_in_add_a_source_and_see_its_articles_after_a_fetch(page, server, data_dir, feeds)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if m.type == "error" else None)
    result = page.locator("main a[href^='/articles/']").first
    result.click()
    page.wait_for_url("**/articles/**")
    text = page.locator("main").inner_text()
    assert "<script>" in text or "Wombatquux" in text  # shown as text
    for path in ("/sources", "/search?q=Wombatquux", page.url.removeprefix(server)):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("script, [onerror], [onload], a[href^='javascript:'], svg").count() == 0, path
    assert page.dialogs == []


def test_signed_out_visitors_see_no_forms_and_cannot_post(page: Any, server: str) -> None:
    page.goto(server + "/sources")
    assert page.locator("form[action='/sources/add']").count() == 0
    answer = page.request.post(server + "/sources/1/remove", form={"csrf": "x"})
    assert answer.status == 401


def test_mute_a_topic_and_see_it_gone_from_the_next_digest(page: Any, server: str, data_dir: Path) -> None:
    page.goto(server + "/")
    headlines = page.locator("section.stories h3").all_inner_texts()
    muted = next(h for h in headlines if "Kestrel" in h)
    _sign_in(page, server, to="/interests")
    page.get_by_label("Mutes").fill("Kestrel")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{server}/interests")
    assert page.locator(".flash").inner_text().startswith("saved:")
    day = page.request.get(server + "/api/v1/digests").json()["digests"][0]["date"]
    built = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "digest", "--date", day, "--no-progress"], env=ENV)
    assert built.exit_code == 0, built.output
    page.goto(server + "/")
    assert muted not in page.locator("section.stories h3").all_inner_texts()
    assert "Kestrel" not in " ".join(page.locator("section.stories h3").all_inner_texts())


def test_pause_a_source_and_resume_it(page: Any, server: str, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "newsbrief.db") as db:
        source_id, title = db.execute("SELECT id, title FROM sources ORDER BY id LIMIT 1").fetchone()
    _sign_in(page, server)
    page.get_by_role("button", name=f"Pause {title}", exact=True).click()
    page.wait_for_url(f"{server}/sources")
    assert page.locator(".flash").inner_text() == f"paused: {title} is not fetched until resumed"
    row = page.locator("tr", has=page.get_by_role("button", name=f"Resume {title}", exact=True))
    assert "paused" in row.inner_text()
    with sqlite3.connect(data_dir / "newsbrief.db") as db:
        assert db.execute("SELECT paused FROM sources WHERE id = ?", (source_id,)).fetchone() == (1,)
    page.get_by_role("button", name=f"Resume {title}", exact=True).click()
    page.wait_for_url(f"{server}/sources")
    assert page.locator(".flash").inner_text() == f"resumed: {title}"
    with sqlite3.connect(data_dir / "newsbrief.db") as db:
        assert db.execute("SELECT paused FROM sources WHERE id = ?", (source_id,)).fetchone() == (0,)


def test_the_stylesheet_applies_under_the_policy_with_the_dark_theme_and_phone_layout(browser: Any, server: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 800})
    tab = context.new_page()
    refused: list[str] = []
    tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    tab.goto(server + "/")
    tab.wait_for_load_state("load")
    assert tab.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 20, 20)"
    box = tab.get_by_role("searchbox", name="Search articles").bounding_box()
    assert box is not None and box["width"] > 300  # full width on a phone
    assert refused == []
    context.close()
