"""The one error tree of newsbrief.

::

    NewsbriefError
    ├── ConfigError        bad or missing settings
    ├── StoreError         database problems (unmigrated, locked, corrupt, read-only)
    ├── NoArticlesError    a digest asked for a day without stored articles
    ├── FetchError         transport failures for one URL
    ├── ParseError         input that is not a feed / OPML file
    ├── ExtractError       full-text extraction failures
    ├── ClusterError       story clustering
    ├── SummarizeError     summaries and headlines
    ├── FactsError         facts extraction
    ├── RenderError        templates and output files
    ├── PublishError       SMTP, webhooks
    └── EvalError          benchmark inputs

Messages start with the stage name (``"fetch: 403 Forbidden for https://…"``) so a
one-line error tells the user what failed and where. Third-party exceptions are
translated at the boundary with ``raise XError(...) from exc``.
"""

from __future__ import annotations

__all__ = [
    "ClusterError",
    "ConfigError",
    "EvalError",
    "ExtractError",
    "FactsError",
    "FetchError",
    "LLMError",
    "NewsbriefError",
    "NoArticlesError",
    "ParseError",
    "PublishError",
    "RenderError",
    "StoreError",
    "SummarizeError",
]


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose."""


class ConfigError(NewsbriefError):
    """A setting is missing, malformed or of the wrong type."""


class StoreError(NewsbriefError):
    """The database cannot be opened, migrated or written."""


class NoArticlesError(NewsbriefError):
    """No article is stored for the day a digest was asked for (nothing is built or stored)."""


class FetchError(NewsbriefError):
    """One URL could not be fetched."""


class ParseError(NewsbriefError):
    """Input is not a feed (or OPML document) that can be read."""


class ExtractError(NewsbriefError):
    """Full text could not be extracted from a page."""


class ClusterError(NewsbriefError):
    """Story clustering failed."""


class SummarizeError(NewsbriefError):
    """A summary or headline could not be produced."""


class FactsError(NewsbriefError):
    """Facts extraction failed."""


class RenderError(NewsbriefError):
    """A digest could not be rendered or written."""


class PublishError(NewsbriefError):
    """A digest could not be delivered (SMTP, webhook, chat).

    ``permanent`` is True when trying again cannot help (the server refused the message).
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class LLMError(NewsbriefError):
    """The language-model endpoint failed, timed out or answered out of protocol."""


class EvalError(NewsbriefError):
    """A benchmark's input is missing or malformed."""
