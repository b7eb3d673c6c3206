"""The calendar and roundups pages show a stored digest's dated lines and funding/regulation lines, each cited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.render import calendar_from_dict
from newsbrief.store import open_store
from newsbrief.web import make_app

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult


@pytest.fixture(scope="module")
def stored(demo: DemoResult) -> dict[str, Any]:
    with open_store(demo.db_path, migrate=False) as store:
        return {d.isoformat(): store.digest(d) for d in store.digest_dates()}


@pytest.fixture(scope="module")
def client(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = load_settings(data_dir=tmp_path_factory.mktemp("calendar"), env={})
    with TestClient(make_app(demo.db_path, settings=settings), base_url="http://localhost") as c:
        yield c


def _main(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def test_calendar_lists_every_dated_line_under_its_day_with_cited_passages(client: TestClient,
                                                                           stored: dict[str, Any]) -> None:
    day, data = next(iter(stored.items()))
    lines = calendar_from_dict(data)
    assert lines
    page = client.get(f"/calendar/{day}")
    assert page.status_code == 200
    for e in lines:
        assert f"<h2>{e['day']}</h2>" in page.text
        assert e["line"].replace("'", "&#39;").replace('"', "&#34;") in page.text
    cites = re.findall(r'<a class="cite" href="(/articles/[^"]+)"', page.text)
    assert len(cites) == sum(len(e["cites"]) for e in lines)
    article = client.get(cites[0].replace("&amp;", "&"))
    assert article.status_code == 200 and '<mark id="passage"' in article.text
    assert _main(client.get("/calendar").text) == _main(page.text)  # the latest digest's calendar
    assert 'href="/calendar" class="here"' in page.text


def test_calendar_days_come_soonest_first(client: TestClient, stored: dict[str, Any]) -> None:
    day, data = next(iter(stored.items()))
    starts = {e["day"]: e["start"] for e in calendar_from_dict(data)}
    headings = re.findall(r"<h2>([^<]+)</h2>", client.get(f"/calendar/{day}").text)
    assert [starts[h] for h in headings] == sorted(starts[h] for h in headings)


def test_roundups_show_the_funding_and_regulation_lines(client: TestClient, stored: dict[str, Any]) -> None:
    day, data = next(iter(stored.items()))
    page = client.get(f"/roundups/{day}")
    assert page.status_code == 200
    sections = {s["kind"]: s for s in data["sections"] if s["kind"] in ("funding", "regulation")}
    assert sections["funding"]["items"]
    for sec in sections.values():
        assert f"<h2>{sec['title']}</h2>" in page.text
        for item in sec["items"]:
            assert item["headline"] in page.text
    cite = re.search(r'<a class="cite" href="([^"]+)"', page.text)
    assert cite and unquote(cite.group(1)).startswith("/articles/")
    assert "<h2>Top stories</h2>" not in page.text
    assert _main(client.get("/roundups").text) == _main(page.text)


def test_older_day_pages_link_to_their_neighbours(client: TestClient, stored: dict[str, Any]) -> None:
    newest, older = list(stored)[:2]
    assert f'href="/calendar/{older}"' in client.get(f"/calendar/{newest}").text
    assert f'href="/roundups/{newest}"' in client.get(f"/roundups/{older}").text


@pytest.mark.parametrize("path", ["/calendar/2001-01-01", "/roundups/2001-01-01", "/calendar/yesterday", "/roundups/x"])
def test_unknown_or_malformed_days_are_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and f"no digest for {path.rsplit('/', 1)[1]}" in r.text
