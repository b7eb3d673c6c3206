"""The one test of "is this a web URL", shared by the CLI, the parsers and the pipeline.

URL schemes are case-insensitive (RFC 3986, section 3.1): ``HTTP://Example.com/feed`` is a web
URL like ``http://example.com/feed``, never a local path.
"""

from __future__ import annotations

__all__ = ["is_http_url", "lower_scheme"]

_HTTP_PREFIXES = ("http://", "https://")


def is_http_url(value: str) -> bool:
    """Return True when ``value`` starts with ``http://`` or ``https://``, in any letter case.

    :param value: a URL, a path or any text.
    """
    return value[:8].lower().startswith(_HTTP_PREFIXES)


def lower_scheme(url: str) -> str:
    """Return ``url`` with its scheme in lower case (``HTTP://Host/A`` -> ``http://Host/A``); other text unchanged.

    Only the scheme changes: the host may differ in case in what the user typed and the path is
    case-sensitive, so both are left as given.

    :param url: a URL or a path.
    """
    if not is_http_url(url):
        return url
    scheme, sep, rest = url.partition("://")
    return scheme.lower() + sep + rest
