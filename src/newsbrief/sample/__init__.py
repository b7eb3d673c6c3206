"""The bundled sample corpus: two days of invented tech news from invented outlets.

``web/`` holds the full-text pages, ``days/<date>/`` the feeds as they looked that day,
``sources.opml`` the subscriptions and ``answer_key.json`` which article belongs to which
story (used by the tests and quality gates). Everything here was written for newsbrief.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from .server import MirrorServer

__all__ = ["MirrorServer", "answer_key", "sample_days", "sample_root"]


def sample_root() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files(__package__)))


def answer_key() -> dict[str, Any]:
    """Return the parsed ``answer_key.json``."""
    data: dict[str, Any] = json.loads((sample_root() / "answer_key.json").read_text(encoding="utf-8"))
    return data


def sample_days() -> list[str]:
    """Return the sample's days (ISO dates), oldest first."""
    return sorted(p.name for p in (sample_root() / "days").iterdir() if p.is_dir())
