"""The parts of a request the views read: method, path, base URL and checked query parameters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from starlette.requests import Request

from .errors import BadRequest

__all__ = ["Query"]

_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


@dataclass
class Query:
    """A request as the views see it; query parameters come out stripped and checked (400 otherwise)."""

    method: str
    path: str
    query: dict[str, list[str]]
    base_url: str
    if_none_match: str = ""

    @classmethod
    def from_request(cls, request: Request) -> Query:
        """Build from a Starlette request.

        :param request: the incoming request.
        """
        query: dict[str, list[str]] = {}
        for name, value in request.query_params.multi_items():
            query.setdefault(name, []).append(value)
        return cls(method=request.method, path=request.url.path or "/", query=query, base_url=str(request.base_url),
                   if_none_match=request.headers.get("if-none-match", ""))

    @property
    def is_api(self) -> bool:
        """Whether the request is for the JSON API (errors answered as JSON)."""
        return self.path == "/api" or self.path.startswith("/api/")

    def arg(self, name: str, default: str = "") -> str:
        """Return a query parameter's first value, stripped.

        :param name: parameter name.
        :param default: value when absent.
        """
        values = self.query.get(name)
        return values[0].strip() if values else default

    def date_arg(self, name: str) -> dt.date | None:
        """Return a ``YYYY-MM-DD`` query parameter as a date (None if absent, 400 if malformed).

        :param name: parameter name.
        """
        value = self.arg(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise BadRequest(f"{name}: {value!r} is not a date like 2026-11-27") from exc

    def int_arg(self, name: str, default: int, *, low: int, high: int) -> int:
        """Return an integer query parameter within ``[low, high]`` (400 otherwise).

        :param name: parameter name.
        :param default: value when absent.
        :param low: smallest value allowed.
        :param high: largest value allowed.
        """
        value = self.arg(name)
        if not value:
            return default
        if not _WHOLE_NUMBER.fullmatch(value):  # int() would also take "1_000", "+5" and non-ASCII digits
            raise BadRequest(f"{name}: {value!r} is not a whole number")
        number = int(value)
        if not low <= number <= high:
            raise BadRequest(f"{name}: {number} is not between {low} and {high}")
        return number
