"""The send log: one row per attempt to deliver a digest to one recipient (migration ``0003_sends``).

A send is keyed by ``(digest_date, delivery, recipient_key)``; its attempts are numbered from 1.
The latest attempt's ``status`` is the state of the send:

- ``sending``: recorded before the message leaves, so a crash mid-send leaves a trace;
- ``sent``: the channel accepted it;
- ``failed``: it did not, and a retry is due at ``next_attempt_at``;
- ``abandoned``: it failed for good (attempts used up, or the channel refused it);
- ``interrupted``: a ``sending`` row whose process died; whether it is sent again is the
  caller's rule (:mod:`newsbrief.deliver.scheduled`).

The claim (read the latest attempt, decide, record the next) runs in one ``BEGIN IMMEDIATE``
transaction, so two processes never both send the same digest to the same recipient.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

__all__ = ["SendKey", "SendLog"]


@dataclass(frozen=True, slots=True)
class SendKey:
    """What one send is: a digest day, a delivery and one recipient on its channel."""

    digest_date: dt.date
    delivery: str
    channel: str
    recipient: str  # as shown: secrets redacted
    recipient_key: str  # a digest of the full address, unique per recipient
    idempotency_key: str


class SendLog:
    """Send-log queries, mixed into :class:`~newsbrief.store.SQLiteStore`."""

    conn: sqlite3.Connection
    if TYPE_CHECKING:
        def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...
        def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
        def _limit(self, limit: int | None) -> int | None: ...

    def claim_send(self, key: SendKey, *, now: dt.datetime, owner: str,
                   decide: Callable[[dict[str, Any] | None], str]) -> tuple[str, dict[str, Any] | None]:
        """Read the latest attempt of ``key``, let ``decide`` choose, and record the choice, atomically.

        ``decide`` gets the latest attempt row (or None) and returns ``"skip"``, ``"send"``,
        ``"interrupt"`` (mark the latest attempt interrupted) or ``"interrupt+send"``.

        :param key: the send.
        :param now: the current time.
        :param owner: who claims it (``host:pid:token``), to tell a live sender from a dead one.
        :param decide: the rule.
        :returns: the action and, when a new attempt was recorded, its row.
        """
        stamp = now.isoformat()
        with self.transaction() as c:
            latest = _latest(c, key)
            action = decide(latest)
            if "interrupt" in action and latest is not None:
                c.execute("UPDATE sends SET status = 'interrupted', finished_at = ?, error = ? WHERE id = ?",
                          (stamp, "the sending process stopped before the result was known", latest["id"]))
            if "send" not in action:
                return action, None
            attempt = (latest["attempt"] if latest else 0) + 1
            cur = c.execute(
                "INSERT INTO sends(digest_date, delivery, channel, recipient, recipient_key, attempt, status, started_at,"
                " idempotency_key, owner) VALUES (?,?,?,?,?,?, 'sending', ?,?,?) RETURNING *",
                (key.digest_date.isoformat(), key.delivery, key.channel, key.recipient, key.recipient_key, attempt,
                 stamp, key.idempotency_key, owner),
            )
            row = dict(cur.fetchone())
        return action, row

    def finish_send(self, send_id: int, *, status: str, now: dt.datetime, error: str = "",
                    next_attempt_at: dt.datetime | None = None) -> None:
        """Record the outcome of an attempt claimed with :meth:`claim_send`.

        :param send_id: the attempt's row id.
        :param status: ``sent``, ``failed`` or ``abandoned``.
        :param now: when it finished.
        :param error: the one-line error (secrets already removed).
        :param next_attempt_at: when a ``failed`` send is retried.
        """
        with self.transaction() as c:
            c.execute("UPDATE sends SET status = ?, finished_at = ?, error = ?, next_attempt_at = ? WHERE id = ?",
                      (status, now.isoformat(), error, next_attempt_at.isoformat() if next_attempt_at else None, send_id))

    def latest_send(self, key: SendKey) -> dict[str, Any] | None:
        """Return the latest attempt of a send, or None.

        :param key: the send.
        """
        return _latest(self.conn, key)

    def last_send_day(self, delivery: str) -> dt.date | None:
        """Return the newest digest day any attempt of ``delivery`` was recorded for.

        :param delivery: the delivery's name.
        """
        rows = self._all("SELECT max(digest_date) AS day FROM sends WHERE delivery = ?", (delivery,))
        return dt.date.fromisoformat(rows[0]["day"]) if rows and rows[0]["day"] else None

    def send_rows(self, *, delivery: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return attempts, newest first.

        :param delivery: only this delivery's.
        :param limit: at most this many (None: all).
        :param offset: rows to skip (paging).
        """
        where, params = (" WHERE delivery = ?", [delivery]) if delivery else ("", [])
        return self._all(f"SELECT * FROM sends{where} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
                         [*params, self._limit(limit), offset])

    def send_count(self, *, delivery: str | None = None) -> int:
        """Return how many attempts are recorded.

        :param delivery: only this delivery's.
        """
        where, params = (" WHERE delivery = ?", [delivery]) if delivery else ("", [])
        return int(self._all(f"SELECT count(*) AS n FROM sends{where}", params)[0]["n"])


def _latest(c: sqlite3.Connection, key: SendKey) -> dict[str, Any] | None:
    row = c.execute(
        "SELECT * FROM sends WHERE digest_date = ? AND delivery = ? AND recipient_key = ? ORDER BY attempt DESC LIMIT 1",
        (key.digest_date.isoformat(), key.delivery, key.recipient_key),
    ).fetchone()
    return dict(row) if row else None
