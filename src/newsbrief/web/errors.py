"""Errors the web app answers with their own HTTP status, and the status of any other error."""

from __future__ import annotations

from ..errors import ConfigError, NewsbriefError, RenderError, StoreError

__all__ = ["BadRequest", "Forbidden", "MethodNotAllowed", "NotFound", "TooManyRequests", "Unauthorized", "WebError",
           "error_status"]


class WebError(NewsbriefError):
    """An error answered with its own HTTP status (a class attribute)."""

    status = 500


class BadRequest(WebError):
    """The request's parameters are malformed (a bad date, a bad search query)."""

    status = 400


class Unauthorized(WebError):
    """The request needs a logged-in admin or a valid token."""

    status = 401


class Forbidden(WebError):
    """The request is refused (a missing or wrong CSRF token)."""

    status = 403


class NotFound(WebError):
    """No page, digest, story or resource at this address."""

    status = 404


class MethodNotAllowed(WebError):
    """The address does not answer this method."""

    status = 405


class TooManyRequests(WebError):
    """Too many attempts in a short time (logins)."""

    status = 429


# Library errors that are not WebErrors, by the status they deserve (first match in the MRO).
_LIBRARY_STATUS: dict[type[BaseException], int] = {StoreError: 503, ConfigError: 500, RenderError: 500}


def error_status(exc: BaseException) -> int:
    """Return the HTTP status an exception maps to.

    :param exc: the exception raised while answering.
    """
    status = getattr(exc, "status", None)
    if isinstance(exc, WebError) and isinstance(status, int):
        return status
    for klass in type(exc).__mro__:
        if klass in _LIBRARY_STATUS:
            return _LIBRARY_STATUS[klass]
    return 500
