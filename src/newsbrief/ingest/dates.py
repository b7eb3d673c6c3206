"""Publish-date reconciliation: one stated rule for which date an article gets.

Candidates, each turned into an aware UTC datetime:

* **feed**: the entry's date from the feed (``published``, else ``updated``). Feeds that give a
  time without a timezone are read as UTC by the parser (recorded as a problem by ``feeds.py``).
* **page**: the publication date found in the page's metadata by htmldate (``original_date``,
  so a "last updated" stamp does not win over the first publication). Day precision. Looked
  up only when a page was fetched and it can matter: the feed gave no date, or the URL has no
  date to cross-check the feed date against (``extract.py``).
* **url**: a ``/YYYY/MM/DD/``, ``/YYYY-MM-DD`` or ``/YYYYMMDD/`` date in the article URL. Day
  precision.
* **first-seen**: when we fetched the item (always available).

A candidate is *plausible* when it lies between :data:`EARLIEST` (1995-01-01) and
``fetched_at + FUTURE_TOLERANCE`` (15 minutes, for clock skew). Day-precision dates (page, url)
become 12:00 UTC of that day; today's date is clamped to ``fetched_at`` so it never lies in the
future, and a later day is implausible.

**The rule.** The first plausible candidate in the order feed, page, url wins, with one
cross-check: when a day-precision source (page, else url) exists and the feed date is more than
:data:`REPUBLISH_GAP` (2 days) *after* it, the feed is re-stamping an old item (feeds rewritten
by their server, newsboat #1419) and the day-precision date wins (``date_source`` records
``page-over-feed`` or ``url-over-feed``). A feed date in the future by more than the tolerance
but less than :data:`FUTURE_REPAIR` (26 hours) is the classic timezone-less-local-time bug
(Miniflux #1906): it is clamped to ``fetched_at`` (``feed-future-clamped``). Farther future
dates and pre-1995 dates are discarded with a problem recorded. When nothing is plausible the
article is dated when first seen (``first-seen``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

__all__ = [
    "EARLIEST",
    "FUTURE_REPAIR",
    "FUTURE_TOLERANCE",
    "REPUBLISH_GAP",
    "ReconciledDate",
    "as_utc",
    "date_from_url",
    "page_date",
    "reconcile_date",
]

LOGGER = logging.getLogger(__name__)

EARLIEST = dt.datetime(1995, 1, 1, tzinfo=dt.UTC)
FUTURE_TOLERANCE = dt.timedelta(minutes=15)
FUTURE_REPAIR = dt.timedelta(hours=26)
REPUBLISH_GAP = dt.timedelta(days=2)

_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/._-]|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/._-]|$)"
)


@dataclass(frozen=True, slots=True)
class ReconciledDate:
    """The date an article gets, which rule chose it, and what was wrong with the others."""

    value: dt.datetime
    source: str
    problems: tuple[str, ...] = ()


def as_utc(value: dt.datetime) -> dt.datetime:
    """Return ``value`` as an aware UTC datetime, reading a naive one as UTC.

    :param value: any datetime.
    """
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def date_from_url(url: str) -> dt.date | None:
    """Return the date written in a URL path (``/2024/05/17/``, ``/2024-05-17``, ``/20240517/``).

    :param url: an article URL.
    """
    for match in _URL_DATE.finditer(url):
        groups = [g for g in match.groups() if g]
        try:
            return dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
        except ValueError:
            continue
    return None


def page_date(html: bytes | str, *, url: str | None = None) -> dt.date | None:
    """Return the original publication date htmldate finds in a page, or None.

    :param html: the page.
    :param url: the page URL (htmldate also looks at it).
    """
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=False, url=url)
    except Exception as exc:  # noqa: BLE001 - htmldate can raise on odd markup; a missing date is fine
        LOGGER.debug("dates: htmldate failed on %s: %s", url, exc)
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found[:10])
    except ValueError:
        return None


def _day_to_datetime(day: dt.date, fetched_at: dt.datetime) -> dt.datetime:
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    if day == fetched_at.date():
        return min(noon, fetched_at)  # today's date never lies in the future
    return noon


def reconcile_date(
    *,
    fetched_at: dt.datetime,
    feed: dt.datetime | None = None,
    page: dt.date | None = None,
    url: str = "",
) -> ReconciledDate:
    """Return the article date chosen by the rule in this module's docstring.

    :param fetched_at: when the item was first seen (aware or naive UTC).
    :param feed: the date the feed gave, if any.
    :param page: the date found in the page metadata, if any.
    :param url: the article URL (searched for a date).
    """
    fetched_at = as_utc(fetched_at)
    latest = fetched_at + FUTURE_TOLERANCE
    problems: list[str] = []

    day_candidates: list[tuple[str, dt.datetime]] = []
    if page is not None:
        value = _day_to_datetime(page, fetched_at)
        if EARLIEST <= value <= latest:
            day_candidates.append(("page", value))
        else:
            problems.append(f"dates: page date {page.isoformat()} is implausible, ignored")
    url_day = date_from_url(url) if url else None
    if url_day is not None:
        value = _day_to_datetime(url_day, fetched_at)
        if EARLIEST <= value <= latest and value.date() <= fetched_at.date():
            day_candidates.append(("url", value))
        else:
            problems.append(f"dates: URL date {url_day.isoformat()} is implausible, ignored")

    if feed is not None:
        value = as_utc(feed)
        source = "feed"
        if value > latest:
            if value - fetched_at <= FUTURE_REPAIR:
                problems.append(
                    f"dates: feed date {value.isoformat()} is in the future (timezone missing?),"
                    " clamped to the fetch time"
                )
                value, source = fetched_at, "feed-future-clamped"
            else:
                problems.append(f"dates: feed date {value.isoformat()} is in the future, ignored")
                value = None  # type: ignore[assignment]
        elif value < EARLIEST:
            problems.append(f"dates: feed date {value.isoformat()} is before 1995, ignored")
            value = None  # type: ignore[assignment]
        if value is not None:
            if day_candidates:
                day_source, day_value = day_candidates[0]
                if value - day_value > REPUBLISH_GAP:
                    problems.append(
                        f"dates: feed date {value.date().isoformat()} is long after the {day_source}"
                        f" date {day_value.date().isoformat()} (re-stamped item), using the {day_source} date"
                    )
                    return ReconciledDate(day_value, f"{day_source}-over-feed", tuple(problems))
            return ReconciledDate(value, source, tuple(problems))

    if day_candidates:
        day_source, day_value = day_candidates[0]
        return ReconciledDate(day_value, day_source, tuple(problems))
    return ReconciledDate(fetched_at, "first-seen", tuple(problems))
