"""``newsbrief demo``: the whole pipeline on the bundled sample, served from 127.0.0.1.

The sample web (feeds and pages of invented outlets) is served by a real local HTTP
server acting as a proxy, so the demo goes through the same fetch, parse, extract and
dedup code as a real deployment, with no network. Day one is ingested and digested
first, then day two, so the second digest shows memory across days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .config import load_settings
from newsbrief.ingest.opml import read_opml
from .engine import Engine
from .pipeline import Progress, analyse_new, build_digest, ingest, write_outputs
from .sample import MirrorServer, sample_days, sample_root
from .store import open_store

__all__ = ["DemoResult", "run_demo"]


@dataclass
class DemoResult:
    """Where the demo wrote its outputs and what each day's digest holds."""

    db_path: Path
    paths: dict[str, Path] = field(default_factory=dict)
    stats: dict[str, dict[str, int]] = field(default_factory=dict)
    all_paths: dict[str, dict[str, Path]] = field(default_factory=dict)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def run_demo(out_dir: Path, *, progress: Progress = _noop, formats: tuple[str, ...] = ("md", "html"),
             engine: Engine | None = None,
             overrides: Mapping[str, Any] | None = None) -> DemoResult:
    """Ingest and digest each sample day into ``out_dir``; return the main day's paths.

    :param out_dir: folder for ``newsbrief.db`` and the digests; its demo database is replaced.
    :param progress: callback ``(stage, done, total)``.
    :param formats: formats written for each day.
    :param engine: where the parallel stages run (:mod:`newsbrief.engine`); default: this process.
    :param overrides: settings to change from the defaults, e.g. ``{"llm.mode": "local"}``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "newsbrief.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    root = sample_root()
    days = sample_days()
    result = DemoResult(db_path=db)
    with MirrorServer(root, day=days[0]) as server, open_store(db) as store:
        settings = load_settings(data_dir=out_dir, env={}).replace(**{
            **(overrides or {}), "fetch.proxy": server.proxy_url, "fetch.allow_private": True, "fetch.per_host_interval": 0.0,
        })
        for source in read_opml((root / "sources.opml").read_bytes()):
            store.add_source(source.url, title=source.title)
        for day_text in days:
            server.day = day_text
            day = dt.date.fromisoformat(day_text)
            now = dt.datetime.combine(day, dt.time(23, 30), dt.timezone.utc)
            ingest(store, settings, progress=progress, now=now, force=True, engine=engine)
            if engine is not None:
                analyse_new(store, settings, progress=progress, engine=engine)
            digest = build_digest(store, settings, day=day, progress=progress)
            paths = write_outputs(digest, out_dir, formats=formats)
            result.all_paths[day_text] = paths
            result.stats[day_text] = dict(digest.stats)
            result.paths = paths
    return result
