"""Interests and mutes edited in the browser, written to the config file the next digest reads.

``digest.interests`` and ``digest.mutes`` live in ``config.toml``; this page rewrites just
those two keys with tomlkit (comments and every other setting kept) and replaces the file
atomically. ``newsbrief digest`` and ``newsbrief run`` read the file when they start, so the
next digest built applies them. A value set by an environment variable wins over the file,
so it cannot be edited here: the page says which variable to unset.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomlkit
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..config import SETTINGS, validate
from ..errors import ConfigError
from newsbrief.ingest.sanitize import strip_control_chars
from .app import json_response, route
from .errors import BadRequest

if TYPE_CHECKING:
    from .app import Ctx, WebApp

__all__ = ["EDITABLE", "preference_routes", "read_lists", "write_lists"]

_API_NAMES = {"interests": "digest.interests", "mutes": "digest.mutes"}

EDITABLE = ("digest.interests", "digest.mutes")
_BY_NAME = {s.name: s for s in SETTINGS}
MAX_ENTRIES = 200
MAX_ENTRY = 100


def read_lists(config: Path) -> dict[str, list[str]]:
    """Return the interests and mutes as the config file has them now (defaults when absent).

    :param config: the config file.
    """
    data: dict[str, Any] = {}
    if config.exists():
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(f"config: cannot read {config}: {exc}") from exc
    out = {}
    for name in EDITABLE:
        section, key = name.split(".")
        value = data.get(section, {}).get(key, _BY_NAME[name].default)
        out[name] = [str(v) for v in value] if isinstance(value, list) else []
    return out


def write_lists(config: Path, values: dict[str, list[str]]) -> None:
    """Set ``digest.interests``/``digest.mutes`` in the config file, keeping everything else; atomic.

    :param config: the config file (made if missing).
    :param values: new lists by setting name.
    """
    try:
        doc = tomlkit.parse(config.read_text(encoding="utf-8")) if config.exists() else tomlkit.document()
    except (tomlkit.exceptions.ParseError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"config: cannot read {config}: {exc}") from exc
    for name, items in values.items():
        section, key = name.split(".")
        if section not in doc:
            doc.add(section, tomlkit.table())
        table: Any = doc[section]
        table[key] = items
    config.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=config.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(tomlkit.dumps(doc))
        os.replace(tmp, config)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(f"config: cannot write {config}: {exc.strerror or exc}") from exc


def _entries(name: str, text: str) -> list[str]:
    items: list[str] = []
    for line in text.splitlines():
        item = strip_control_chars(line).strip()
        if not item or item in items:
            continue
        if len(item) > MAX_ENTRY:
            raise BadRequest(f"{name}: {item[:20]!r}... is longer than {MAX_ENTRY} characters")
        items.append(item)
    if len(items) > MAX_ENTRIES:
        raise BadRequest(f"{name}: more than {MAX_ENTRIES} entries")
    problem = validate(_BY_NAME[name], items)
    if problem:
        raise BadRequest(f"{name}: must be {problem}")
    return items


def _locked(ctx: Ctx) -> dict[str, str]:
    """The editable settings an environment variable sets, with the variable."""
    return {name: _BY_NAME[name].env_var for name in EDITABLE if ctx.settings.origins.get(name) == "env"}


def interests_page(ctx: Ctx) -> Response:
    """Show the interests and mutes the next digest will use."""
    return ctx.page("web_interests.j2", lists=read_lists(ctx.settings.config_path), locked=_locked(ctx),
                    config=str(ctx.settings.config_path))


def interests_save(ctx: Ctx) -> Response:
    """Save the interests and mutes (one per line) to the config file."""
    locked = _locked(ctx)
    values = {name: _entries(name, ctx.field(name.split(".")[1])) for name in EDITABLE if name not in locked}
    write_lists(ctx.settings.config_path, values)
    ctx.flash("saved: the next digest uses these interests and mutes")
    return RedirectResponse("/interests", status_code=303)


def _api_lists(ctx: Ctx) -> dict[str, Any]:
    lists = read_lists(ctx.settings.config_path)
    locked = _locked(ctx)
    return {"interests": lists["digest.interests"], "mutes": lists["digest.mutes"],
            "locked": sorted(key for key, name in _API_NAMES.items() if name in locked)}


def api_interests(ctx: Ctx) -> Response:
    """Return ``{"interests", "mutes", "locked"}``: the lists the next digest uses (locked: set by the environment)."""
    return json_response(_api_lists(ctx))


def api_interests_update(ctx: Ctx) -> Response:
    """Replace ``{"interests"?: [...], "mutes"?: [...]}`` in the config file; answer the lists."""
    unknown = sorted(set(ctx.form) - {*_API_NAMES, "csrf"})
    if unknown:
        raise BadRequest(f"body: unknown field(s) {', '.join(unknown)}; give interests and/or mutes")
    locked = _locked(ctx)
    values: dict[str, list[str]] = {}
    for key, name in _API_NAMES.items():
        if key not in ctx.form:
            continue
        items = ctx.form[key]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise BadRequest(f"{key}: must be a list of strings")
        if name in locked:
            raise BadRequest(f"{key}: set by the environment variable {locked[name]}; change it there")
        values[name] = _entries(name, "\n".join(items))
    if not values:
        raise BadRequest("body: nothing to change; give interests and/or mutes")
    write_lists(ctx.settings.config_path, values)
    return json_response(_api_lists(ctx))


def preference_routes(web: WebApp) -> list[Route]:
    """Return the interests page and its form.

    :param web: the app the views run in.
    """
    return [route("/interests", interests_page, web), route("/interests", interests_save, web, methods=("POST",)),
            *(r for api in ("/api/v1", "/api") for r in (
                route(f"{api}/interests", api_interests, web),
                route(f"{api}/interests", api_interests_update, web, methods=("PUT",))))]
