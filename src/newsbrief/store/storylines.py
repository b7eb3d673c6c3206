"""Storylines in the store (migration ``0008_storylines``).

``storylines`` holds one row per storyline (its span, and ``merged_into`` once another
absorbed it); ``story_storylines`` maps each story (event) to its storyline with the reasons it
was linked (:mod:`newsbrief.cluster.storylines`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from typing import TYPE_CHECKING, Any, Mapping, Sequence

__all__ = ["StorylineStore"]

_CHUNK = 500


class StorylineStore:
    """Storyline rows and the story -> storyline map, mixed into :class:`~newsbrief.store.SQLiteStore`."""

    conn: sqlite3.Connection
    _LEAST: str
    if TYPE_CHECKING:
        def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...
        def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def put_storylines(self, lines: Sequence[tuple[str, dt.date, dt.date, Mapping[str, Mapping[str, Any]]]],
                       merged: Mapping[str, str] | None = None) -> None:
        """Store storylines and map their stories to them.

        :param lines: ``(storyline_id, first_day, last_day, {story_id: reasons})``.
        :param merged: ``{absorbed_storyline_id: storyline_id}``, recorded on the absorbed rows.
        """
        with self.transaction() as c:
            for line_id, first, last, members in lines:
                c.execute("INSERT INTO storylines(id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE"
                          f" SET first_seen = {self._LEAST}(storylines.first_seen, excluded.first_seen),"
                          " last_seen = excluded.last_seen, merged_into = NULL",
                          (line_id, first.isoformat(), last.isoformat()))
                for story_id, reasons in members.items():
                    c.execute("INSERT INTO story_storylines(story_id, storyline_id, reasons) VALUES (?, ?, ?)"
                              " ON CONFLICT(story_id) DO UPDATE SET storyline_id = excluded.storyline_id,"
                              " reasons = excluded.reasons",
                              (story_id, line_id, json.dumps(dict(reasons), default=str, sort_keys=True)))
            for source, target in (merged or {}).items():
                c.execute("UPDATE storylines SET merged_into = ? WHERE id = ?", (target, source))

    def storyline_of(self, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return ``{story_id: {"storyline_id", "reasons"}}`` for the stories that have a storyline.

        :param story_ids: the stories.
        """
        out: dict[str, dict[str, Any]] = {}
        ids = list(story_ids)
        for start in range(0, len(ids), _CHUNK):
            part = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(part))
            for r in self._all(f"SELECT story_id, storyline_id, reasons FROM story_storylines WHERE story_id IN ({marks})",
                               part):
                out[r["story_id"]] = {"storyline_id": r["storyline_id"], "reasons": json.loads(r["reasons"])}
        return out

    def storyline_events(self, storyline_id: str) -> list[dict[str, Any]]:
        """Return a storyline's live events, oldest first: id, title, first_seen, last_seen, reasons.

        The title is the story's headline, else its first article's title.

        :param storyline_id: the storyline.
        """
        rows = self._all(
            "SELECT s.id, coalesce(nullif(s.title, ''), (SELECT a.title FROM memberships m JOIN articles a"
            " ON a.id = m.article_id WHERE m.story_id = s.id ORDER BY a.published, a.id LIMIT 1), '') AS title,"
            " s.first_seen, s.last_seen, l.reasons FROM story_storylines l JOIN stories s"
            " ON s.id = l.story_id WHERE l.storyline_id = ? AND s.merged_into IS NULL ORDER BY s.first_seen, s.id",
            (storyline_id,))
        for r in rows:
            r["reasons"] = json.loads(r["reasons"])
        return rows

    def storyline_timelines(self, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return ``{story_id: {"storyline_id", "reasons", "events"}}``: each story's storyline, why it
        was linked and the storyline's live events, oldest first (see :meth:`storyline_events`).

        :param story_ids: the stories.
        """
        found = self.storyline_of(story_ids)
        events = {line: self.storyline_events(line) for line in {v["storyline_id"] for v in found.values()}}
        return {sid: v | {"events": events[v["storyline_id"]]} for sid, v in found.items()}

    def storyline_ids(self) -> list[str]:
        """Return the id of every storyline ever stored, merged ones included."""
        return [r["id"] for r in self._all("SELECT id FROM storylines ORDER BY id")]
