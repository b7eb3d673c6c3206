"""The OpenAPI 3.1 document of the JSON API, served at ``/api/v1/openapi.json``.

Written by hand beside the views (the app is Starlette, which does not derive one); the
tests call every documented operation and validate each answer against its schema here,
and check that every ``/api/v1`` route is documented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import Response

from .api import FACT_TYPES, MAX_PAGE_LIMIT, PAGE_LIMIT
from .app import json_response

if TYPE_CHECKING:
    from .app import Ctx

__all__ = ["api_openapi", "openapi_document"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = _json(_ref("Error"), "Error")
_NULLABLE_TEXT = {"type": ["string", "null"]}
_PAGE = {"total": {"type": "integer", "minimum": 0}, "limit": {"type": "integer", "minimum": 0},
         "offset": {"type": "integer", "minimum": 0}}


def _paged(key: str, item: str, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "required": ["total", "limit", "offset", key],
            "properties": {**_PAGE, key: {"type": "array", "items": _ref(item)}, **extra}}


def _param(name: str, where: str, schema: dict[str, Any], description: str, *, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required or where == "path", "schema": schema,
            "description": description}


_LIMIT = _param("limit", "query", {"type": "integer", "minimum": 0, "maximum": MAX_PAGE_LIMIT, "default": PAGE_LIMIT},
                "Rows in one page.")
_OFFSET = _param("offset", "query", {"type": "integer", "minimum": 0, "default": 0}, "Rows to skip.")
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_SOURCE_ID = _param("source_id", "path", {"type": "string", "pattern": r"^[0-9]+$"}, "The source's id.")

SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "additionalProperties": False,
              "properties": {"error": {"type": "string", "minLength": 1}}},
    "DigestSummary": {"type": "object", "required": ["date", "title", "generated_at", "stories", "url"],
                      "properties": {"date": _DATE, "title": {"type": "string"}, "generated_at": {"type": "string"},
                                     "stories": {"type": "integer"}, "url": {"type": "string"}}},
    "Digest": {"type": "object", "required": ["schema", "date", "title", "generated_at", "lede", "stats", "sections"],
               "properties": {"schema": {"const": "newsbrief.digest/1"}, "date": _DATE, "title": {"type": "string"},
                              "generated_at": {"type": "string"}, "lede": {"type": "array"},
                              "stats": {"type": "object"},
                              "sections": {"type": "array", "items": {
                                  "type": "object", "required": ["kind", "title", "items"],
                                  "properties": {"kind": {"type": "string"}, "title": {"type": "string"},
                                                 "items": {"type": "array"}}}}}},
    "StorySummary": {"type": "object", "required": ["id", "title", "first_seen", "last_seen", "n_articles", "article_ids"],
                     "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                                    "first_seen": {"type": "string"}, "last_seen": {"type": "string"},
                                    "n_articles": {"type": "integer"},
                                    "article_ids": {"type": "array", "items": {"type": "string"}}}},
    "Story": {"allOf": [_ref("StorySummary"), {"type": "object", "required": ["articles"], "properties": {
        "articles": {"type": "array", "items": {
            "type": "object", "required": ["id", "published", "outlet", "title", "url", "score", "reasons"],
            "properties": {"id": {"type": "string"}, "published": {"type": "string"}, "outlet": {"type": "string"},
                           "title": {"type": "string"}, "url": {"type": "string"}, "score": {"type": "number"},
                           "reasons": {"type": "object"}}}},
        "storyline": {"type": ["object", "null"], "required": ["id", "reasons", "timeline"], "properties": {
            "id": {"type": "string"}, "reasons": {"type": "object"},
            "timeline": {"type": "array", "items": {
                "type": "object", "required": ["id", "title", "first_seen", "last_seen"],
                "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                               "first_seen": {"type": "string"}, "last_seen": {"type": "string"}}}}}}}}]},
    "SearchResult": {"type": "object", "required": ["id", "title", "outlet", "url", "published", "story_id", "snippet"],
                     "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
                                    "url": {"type": "string"}, "published": {"type": "string"},
                                    "story_id": _NULLABLE_TEXT, "snippet": {"type": "string"}}},
    "Source": {"type": "object", "required": ["id", "url", "title", "weight", "paused", "status", "error_count",
                                              "item_count"],
               "properties": {"id": {"type": "integer"}, "url": {"type": "string"}, "title": {"type": "string"},
                              "site_url": {"type": "string"}, "format": {"type": "string"},
                              "weight": {"type": "number"}, "status": {"enum": ["ok", "failing", "never fetched", "paused"]},
                              "paused": {"type": "boolean", "description": "Left out of fetches until resumed."},
                              "last_fetch_at": _NULLABLE_TEXT, "last_success_at": _NULLABLE_TEXT,
                              "http_status": {"type": ["integer", "null"]}, "error_count": {"type": "integer"},
                              "last_error": _NULLABLE_TEXT, "next_poll_at": _NULLABLE_TEXT,
                              "item_count": {"type": "integer"}}},
    "SourceCreate": {"type": "object", "required": ["url"], "properties": {
        "url": {"type": "string", "description": "http(s) URL of a feed, or of a page that links one"},
        "title": {"type": "string"}, "weight": {"type": "number", "minimum": 0, "maximum": 100}}},
    "Interests": {"type": "object", "required": ["interests", "mutes", "locked"], "properties": {
        "interests": {"type": "array", "items": {"type": "string"}}, "mutes": {"type": "array", "items": {"type": "string"}},
        "locked": {"type": "array", "items": {"enum": ["interests", "mutes"]}}}},
    "SourceUpdate": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {
        "paused": {"type": "boolean", "description": "true: left out of fetches; false: fetched again"},
        "weight": {"type": "number", "minimum": 0, "maximum": 100, "description": "ranking weight"}}},
    "Fact": {"type": "object", "required": ["id", "type", "story_id", "day", "article_ids", "sentence", "data"],
             "properties": {"id": {"type": "integer"}, "type": {"enum": list(FACT_TYPES)}, "story_id": _NULLABLE_TEXT,
                            "day": {"type": "string"}, "article_ids": {"type": "array", "items": {"type": "string"}},
                            "sentence": {"type": "string"}, "data": {"type": "object"}}},
    "Setting": {"type": "object", "required": ["name", "value", "origin", "help", "secret"],
                "properties": {"name": {"type": "string"}, "origin": {"type": "string"}, "help": {"type": "string"},
                               "secret": {"type": "boolean"}, "value": {}}},
}

_READ_ERRORS = {"400": _ERROR, "401": _ERROR}


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document of ``/api/v1``."""
    paths: dict[str, Any] = {
        "/api/v1": {"get": {"operationId": "index", "summary": "The endpoints.", "responses": {"200": _json(
            {"type": "object", "required": ["endpoints"], "properties": {
                "openapi": {"type": "string"}, "endpoints": {"type": "array", "items": {"type": "string"}}}})}}},
        "/api/v1/digests": {"get": {"operationId": "listDigests", "summary": "Stored digests, newest first.",
                                    "parameters": [_LIMIT, _OFFSET],
                                    "responses": {"200": _json(_paged("digests", "DigestSummary")), **_READ_ERRORS}}},
        "/api/v1/digests/{date}": {"get": {
            "operationId": "getDigest", "summary": "One stored digest; answers If-None-Match with 304.",
            "parameters": [_param("date", "path", _DATE, "The digest's day.")],
            "responses": {"200": {**_json(_ref("Digest")), "headers": {"ETag": {"schema": {"type": "string"}}}},
                          "304": {"description": "Not modified"}, "404": _ERROR, **_READ_ERRORS}}},
        "/api/v1/calendar/{date}": {"get": {
            "operationId": "getCalendar", "summary": "The stored digest's Looking ahead calendar, one entry per line.",
            "parameters": [_param("date", "path", _DATE, "The digest's day.")],
            "responses": {"200": _json({"type": "object", "required": ["date", "calendar"], "properties": {
                "date": {"type": "string"}, "calendar": {"type": "array", "items": {"type": "object"}}}}),
                "404": _ERROR, **_READ_ERRORS}}},
        "/api/v1/stories": {"get": {
            "operationId": "listStories", "summary": "Stories, optionally those with an article on a day.",
            "parameters": [_param("date", "query", _DATE, "Only stories with an article this day."), _LIMIT, _OFFSET],
            "responses": {"200": _json(_paged("stories", "StorySummary", date=_NULLABLE_TEXT)), **_READ_ERRORS}}},
        "/api/v1/stories/{story_id}": {"get": {
            "operationId": "getStory", "summary": "One story and its articles, with membership scores and reasons.",
            "parameters": [_param("story_id", "path", {"type": "string"}, "The story's id.")],
            "responses": {"200": _json(_ref("Story")), "404": _ERROR, **_READ_ERRORS}}},
        "/api/v1/search": {"get": {
            "operationId": "search", "summary": "Full-text search of articles.",
            "parameters": [_param("q", "query", {"type": "string", "minLength": 1, "maxLength": 500},
                                  'Words, "phrases", prefix*, OR, NOT.', required=True),
                           _param("since", "query", _DATE, "Only articles published this day or later."),
                           _param("until", "query", _DATE, "Only articles published this day or earlier."),
                           _param("source", "query", {"type": "integer", "minimum": 0},
                                  "Only articles from the source with this id (0: any)."),
                           _param("entity", "query", {"type": "string"}, "Only articles an entity of this name is found in."),
                           _param("type", "query", {"enum": list(FACT_TYPES)}, "Only articles a fact of this type comes from."),
                           _param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 200, "default": 20},
                                  "Most results."), _OFFSET],
            "responses": {"200": _json({"type": "object", "required": ["query", "limit", "offset", "more", "results"],
                                        "properties": {
                "query": {"type": "string"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
                "more": {"type": "boolean", "description": "Whether results follow this page."},
                "results": {"type": "array", "items": _ref("SearchResult")}}}),
                **_READ_ERRORS}}},
        "/api/v1/sources": {
            "get": {"operationId": "listSources", "summary": "Sources and their health.", "parameters": [_LIMIT, _OFFSET],
                    "responses": {"200": _json(_paged("sources", "Source")), **_READ_ERRORS}},
            "post": {"operationId": "createSource", "summary": "Subscribe (the URL is fetched once to check it).",
                     "security": [{"bearer": []}],
                     "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("SourceCreate")}}},
                     "responses": {"201": _json(_ref("Source"), "Added"), "200": _json(_ref("Source"), "Already there"),
                                   "400": _ERROR, "401": _ERROR, "403": _ERROR}}},
        "/api/v1/sources/{source_id}": {
            "get": {"operationId": "getSource", "summary": "One source and its health.", "parameters": [_SOURCE_ID],
                    "responses": {"200": _json(_ref("Source")), "404": _ERROR, **_READ_ERRORS}},
            "patch": {"operationId": "updateSource", "summary": "Pause or resume a source, or set its weight.",
                      "parameters": [_SOURCE_ID], "security": [{"bearer": []}],
                      "requestBody": {"required": True,
                                      "content": {"application/json": {"schema": _ref("SourceUpdate")}}},
                      "responses": {"200": _json(_ref("Source")), "400": _ERROR, "401": _ERROR, "403": _ERROR,
                                    "404": _ERROR}},
            "delete": {"operationId": "deleteSource", "summary": "Unsubscribe (its articles stay).",
                       "parameters": [_SOURCE_ID], "security": [{"bearer": []}],
                       "responses": {"204": {"description": "Removed"}, "401": _ERROR, "404": _ERROR}}},
        "/api/v1/facts": {"get": {
            "operationId": "listFacts", "summary": "Extracted facts.",
            "parameters": [_param("type", "query", {"enum": list(FACT_TYPES)}, "Only facts of this type."),
                           _param("since", "query", _DATE, "Only facts from this day on."), _LIMIT, _OFFSET],
            "responses": {"200": _json(_paged("facts", "Fact", type=_NULLABLE_TEXT, since=_NULLABLE_TEXT)),
                          **_READ_ERRORS}}},
        "/api/v1/articles/{article_id}": {"get": {
            "operationId": "getArticle", "summary": "One stored article: outlet, link, day and cleaned text.",
            "parameters": [_param("article_id", "path", {"type": "string"}, "The article's id.")],
            "responses": {"200": _json({"type": "object", "required": ["id", "title", "outlet", "url", "published",
                                                                      "duplicate_of", "text"], "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
                "url": _NULLABLE_TEXT, "published": {"type": "string"}, "duplicate_of": _NULLABLE_TEXT,
                "text": {"type": "string"}}}), "404": _ERROR, **_READ_ERRORS}}},
        "/api/v1/interests": {
            "get": {"operationId": "getInterests", "summary": "The interests and mutes the next digest uses.",
                    "responses": {"200": _json(_ref("Interests")), **_READ_ERRORS}},
            "put": {"operationId": "updateInterests", "summary": "Replace the interests and/or the mutes.",
                    "security": [{"bearer": []}],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {
                        "type": "object", "additionalProperties": False, "properties": {
                            "interests": {"type": "array", "items": {"type": "string"}},
                            "mutes": {"type": "array", "items": {"type": "string"}}}}}}},
                    "responses": {"200": _json(_ref("Interests")), "400": _ERROR, "401": _ERROR, "403": _ERROR}}},
        "/api/v1/settings": {"get": {
            "operationId": "getSettings", "summary": "Settings, secrets redacted, and where each came from.",
            "responses": {"200": _json({"type": "object", "required": ["data_dir", "settings"], "properties": {
                "data_dir": {"type": "string"}, "settings": {"type": "array", "items": _ref("Setting")}}}),
                **_READ_ERRORS}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "newsbrief API", "version": "1",
                 "description": "Digests, stories, articles, sources and facts of one newsbrief database. Every error "
                                "is {\"error\": \"one line\"}. Writes need Authorization: Bearer <admin password>."},
        "paths": paths,
        "components": {"schemas": SCHEMAS, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }


def api_openapi(ctx: Ctx) -> Response:
    """Serve the OpenAPI document."""
    return json_response(openapi_document())
