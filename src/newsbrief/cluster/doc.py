"""The clusterer's input: one article as plain data.

Apart from :mod:`newsbrief.cluster.stream` (the decisions) and :mod:`newsbrief.cluster.state`
(the story profiles), so both can name it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

__all__ = ["ClusterDoc"]


@dataclass(frozen=True)
class ClusterDoc:
    """One article as the clusterer sees it; ``outlet`` names its publisher ("" when unknown)."""

    id: str
    title: str
    text: str
    published: datetime | None
    vector: np.ndarray | None
    entities: tuple[str, ...] = ()
    outlet: str = ""
