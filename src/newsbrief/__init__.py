"""newsbrief: a self-hosted news briefing engine.

Typical use from Python::

    from newsbrief import load_settings, open_store, run
    settings = load_settings()
    with open_store(settings.db_path) as store:
        report, digest, paths = run(store, settings, day=datetime.date.today(), out_dir=Path("out"))
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .config import Settings, load_settings  # noqa: E402
from .errors import (  # noqa: E402
    ClusterError, ConfigError, EvalError, ExtractError, FactsError, FetchError, NewsbriefError, NoArticlesError,
    ParseError, PublishError, RenderError, StoreError, SummarizeError,
)
from .model import (  # noqa: E402
    Article, CitedSentence, Digest, DigestItem, DigestSection, Entity, Entry, Event, FetchResult, FundingRound,
    Regulation, Skip, Source, Story, Summary,
)
from .store import open_store  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {"build_digest": "pipeline", "ingest": "pipeline", "run": "pipeline", "render": "render"}


def __getattr__(name: str) -> object:
    """Import the heavy pipeline parts only when first used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Article",
    "CitedSentence",
    "ClusterError",
    "ConfigError",
    "Digest",
    "DigestItem",
    "DigestSection",
    "Entity",
    "Entry",
    "EvalError",
    "Event",
    "ExtractError",
    "FactsError",
    "FetchError",
    "FetchResult",
    "FundingRound",
    "NewsbriefError",
    "NoArticlesError",
    "ParseError",
    "PublishError",
    "Regulation",
    "RenderError",
    "Settings",
    "Skip",
    "Source",
    "StoreError",
    "Story",
    "SummarizeError",
    "Summary",
    "__version__",
    "build_digest",
    "ingest",
    "load_settings",
    "open_store",
    "render",
    "run",
]
