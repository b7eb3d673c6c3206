"""The API answers as its own OpenAPI document says: every operation called, every answer validated."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from newsbrief.config import load_settings
from newsbrief.store import open_store
from newsbrief.web import make_app

if TYPE_CHECKING:
    from newsbrief.demo import DemoResult

PASSWORD = "openapi admin"


@pytest.fixture(scope="module")
def app(demo: DemoResult, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("openapi")
    with sqlite3.connect(demo.db_path) as a, sqlite3.connect(folder / "newsbrief.db") as b:
        a.backup(b)
    settings = load_settings(data_dir=folder, env={"NEWSBRIEF_WEB_ADMIN_PASSWORD": PASSWORD})
    return make_app(settings.db_path, settings=settings)


@pytest.fixture(scope="module")
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def doc(client: TestClient) -> dict[str, Any]:
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    return dict(r.json())


def _check(doc: dict[str, Any], path: str, method: str, response: Any) -> None:
    """Validate one answer against the document's schema for its status."""
    spec = doc["paths"][path][method]["responses"]
    assert str(response.status_code) in spec, (path, method, response.status_code, response.text[:200])
    content = spec[str(response.status_code)].get("content")
    if content is None:
        assert response.content == b""
        return
    schema = {**content["application/json"]["schema"], "components": doc["components"]}
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(response.json())


def _ids(client: TestClient) -> dict[str, str]:
    story = client.get("/api/v1/stories", params={"limit": 1}).json()["stories"][0]
    article = client.get(f"/api/v1/stories/{story['id']}").json()["articles"][0]
    return {"date": client.get("/api/v1/digests").json()["digests"][0]["date"], "story_id": story["id"],
            "article_id": article["id"],
            "source_id": str(client.get("/api/v1/sources").json()["sources"][0]["id"])}


def test_the_document_is_openapi_3_1_and_covers_every_v1_route(app: Any, doc: dict[str, Any]) -> None:
    assert doc["openapi"].startswith("3.1") and doc["info"]["title"]
    for schema in doc["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    routes = {(r.path, m.lower()) for r in app.routes if isinstance(r, Route) and r.path.startswith("/api/v1")
              and not r.path.endswith(("/", ".json")) for m in (r.methods or ()) if m != "HEAD"}
    documented = {(p, m) for p, ops in doc["paths"].items() for m in ops}
    assert routes == documented


def test_every_read_answers_as_documented(client: TestClient, doc: dict[str, Any]) -> None:
    ids = _ids(client)
    for path, ops in doc["paths"].items():
        if "get" not in ops:
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
        params = {"q": "chip"} if path.endswith("/search") else {}
        _check(doc, path, "get", client.get(url, params=params))
        for p in ops["get"].get("parameters", []):  # and each documented query parameter, at a valid value
            if p["in"] == "query" and p["name"] != "q":
                value = {"date": ids["date"], "since": ids["date"], "type": "funding"}.get(p["name"], "2")
                _check(doc, path, "get", client.get(url, params={**params, p["name"]: value}))


@pytest.mark.parametrize("path, url", [
    ("/api/v1/digests/{date}", "/api/v1/digests/2001-01-01"), ("/api/v1/stories/{story_id}", "/api/v1/stories/st_nope"),
    ("/api/v1/sources/{source_id}", "/api/v1/sources/99999"), ("/api/v1/articles/{article_id}", "/api/v1/articles/nope"), ("/api/v1/search", "/api/v1/search?q=%22"),
    ("/api/v1/facts", "/api/v1/facts?type=bogus"), ("/api/v1/stories", "/api/v1/stories?limit=-1"),
    ("/api/v1/digests", "/api/v1/digests?offset=x"),
])
def test_errors_have_the_one_documented_shape(client: TestClient, doc: dict[str, Any], path: str, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404)
    _check(doc, path, "get", r)


def test_source_writes_answer_as_documented(client: TestClient, doc: dict[str, Any], app: Any) -> None:
    auth = {"Authorization": f"Bearer {PASSWORD}"}
    denied = client.post("/api/v1/sources", json={"url": "http://a.example/feed.xml"})
    _check(doc, "/api/v1/sources", "post", denied)
    bad = client.post("/api/v1/sources", json={"url": "file:///etc/passwd"}, headers=auth)
    assert bad.status_code == 400
    _check(doc, "/api/v1/sources", "post", bad)
    with open_store(app.state.web.store_path, migrate=False) as store:
        source, _ = store.add_source("http://gone.example/feed.xml")
    for body in ({"paused": True, "weight": 2}, {"paused": "no"}):
        _check(doc, "/api/v1/sources/{source_id}", "patch", client.patch(f"/api/v1/sources/{source.id}", json=body,
                                                                         headers=auth))
    _check(doc, "/api/v1/sources/{source_id}", "patch", client.patch(f"/api/v1/sources/{source.id}", json={}))
    gone = client.delete(f"/api/v1/sources/{source.id}", headers=auth)
    assert gone.status_code == 204
    _check(doc, "/api/v1/sources/{source_id}", "delete", gone)
    _check(doc, "/api/v1/sources/{source_id}", "delete", client.delete(f"/api/v1/sources/{source.id}", headers=auth))


def test_digests_carry_an_etag_and_answer_304(client: TestClient, doc: dict[str, Any]) -> None:
    day = _ids(client)["date"]
    for url in (f"/api/v1/digests/{day}", f"/digests/{day}.md", f"/digests/{day}.json"):
        first = client.get(url)
        tag = first.headers["etag"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', tag)
        again = client.get(url, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    _check(doc, "/api/v1/digests/{date}", "get", client.get(f"/api/v1/digests/{day}", headers={"If-None-Match": tag}))


def test_digest_list_is_paged(client: TestClient) -> None:
    whole = client.get("/api/v1/digests").json()
    assert whole["total"] == len(whole["digests"]) >= 2 and (whole["limit"], whole["offset"]) == (100, 0)
    second = client.get("/api/v1/digests", params={"limit": 1, "offset": 1}).json()
    assert second["digests"] == whole["digests"][1:2]
    assert whole["digests"][0]["url"].startswith("http://localhost/api/v1/digests/")
