"""The facts calendar and the funding and regulation roundups of a stored digest, as pages.

``/calendar`` and ``/roundups`` show those of the latest digest, ``/calendar/<date>`` and
``/roundups/<date>`` those of one day's. The calendar lists every dated line the digest
found (those it printed and the rest), by day; each citation opens the cited passage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from ..render import build_context, calendar_from_dict, digest_from_dict
from .api import load_digest
from .app import route
from .reader import MAX_PASSAGE, cite_links

if TYPE_CHECKING:
    from .app import Ctx, View, WebApp

__all__ = ["calendar_routes"]

ROUNDUP_KINDS = ("funding", "regulation")
"""The digest sections the roundups page shows."""


def _pager(ctx: Ctx, here: str) -> dict[str, Any]:
    """Return the stored digest days before and after ``here`` (None at either end)."""
    dates = [d.isoformat() for d in ctx.store.digest_dates()]
    pos = dates.index(here) if here in dates else -1
    return {"newer": dates[pos - 1] if pos > 0 else None,
            "older": dates[pos + 1] if 0 <= pos < len(dates) - 1 else None}


def _latest(ctx: Ctx, view: View) -> Response:
    dates = ctx.store.digest_dates()
    if not dates:
        return ctx.page("web_empty.j2")
    return view(ctx, dates[0].isoformat())


def calendar_days(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Return a stored digest's calendar lines grouped under their day headings, soonest first.

    Each line carries ``links``: ``(number, href)`` of its citations, opening the cited passage.

    :param data: stored digest data.
    """
    entries = sorted(calendar_from_dict(data), key=lambda e: (e["start"] or "9999", not e["shown"]))
    days: list[tuple[str, list[dict[str, Any]]]] = []
    for e in entries:
        passage = quote(e["line"][:MAX_PASSAGE], safe="")
        e["links"] = [(n, f"/articles/{quote(aid, safe='')}?passage={passage}#passage")
                      for n, aid in enumerate(e["cites"], 1)]
        if not days or days[-1][0] != e["day"]:
            days.append((e["day"], []))
        days[-1][1].append(e)
    return days


def calendar_day(ctx: Ctx, date: str) -> Response:
    """Show the dated lines (events, deadlines, rules taking effect) of one day's digest."""
    data = load_digest(ctx.store, date)
    return ctx.page("web_calendar.j2", date=date, days=calendar_days(data), **_pager(ctx, date))


def calendar_latest(ctx: Ctx) -> Response:
    """Show the calendar of the latest digest."""
    return _latest(ctx, calendar_day)


def roundups_day(ctx: Ctx, date: str) -> Response:
    """Show the funding and regulation roundups of one day's digest."""
    digest = digest_from_dict(load_digest(ctx.store, date))
    sections = [s for s in build_context(digest)["sections"] if s["kind"] in ROUNDUP_KINDS]
    return ctx.page("web_roundups.j2", date=date, sections=sections, cite_href=cite_links(digest),
                    **_pager(ctx, date))


def roundups_latest(ctx: Ctx) -> Response:
    """Show the roundups of the latest digest."""
    return _latest(ctx, roundups_day)


def calendar_routes(web: WebApp) -> list[Route]:
    """Return the calendar and roundups routes.

    :param web: the app the views run in.
    """
    table: list[tuple[str, View]] = [("/calendar", calendar_latest), ("/calendar/{date}", calendar_day),
                                     ("/roundups", roundups_latest), ("/roundups/{date}", roundups_day)]
    return [route(path, view, web) for path, view in table]
