"""Source leases: two schedulers sharing a store never fetch the same source at once.

Before fetching, a run takes a lease on each source it means to poll (a row of
``source_leases``, migration ``0005_source_leases``): the lease names its owner and expires.
A source is leased only when it is not paused, is still due (its ``next_poll_at`` is unset or past) and
no other owner holds an unexpired lease on it; both checks and the write run in one write
transaction of the store, so of two runs racing for a source exactly one gets it. The run
releases its leases when it ends; the expiry frees those of a run that died on another
machine, and a run on the same machine frees at once those of a process that is gone (an
owner is ``host:pid:token``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

__all__ = ["LEASE_SECONDS", "Leases", "lease_owner"]

# Long enough for one run to fetch and store every source it leased; a lease of a run that
# died blocks its sources for at most this long (a source the run completed is not due anyway).
LEASE_SECONDS = 1800.0


def lease_owner() -> str:
    """Return a new owner name for this process's run: ``host:pid:token``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _owner_gone(owner: str) -> bool:
    """Whether ``owner`` names a process of this machine that has exited (or is a zombie)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # killed but not yet reaped by its parent: gone all the same
        return Path(f"/proc/{pid_text}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except (OSError, IndexError):
        return False


class Leases:
    """Lease queries, mixed into the stores."""

    if TYPE_CHECKING:
        def transaction(self) -> contextlib.AbstractContextManager[Any]: ...

    def take_leases(self, source_ids: Sequence[int], *, owner: str, now: dt.datetime,
                    seconds: float = LEASE_SECONDS, due_only: bool = True) -> list[int]:
        """Lease the given sources to ``owner``; return the ids it got, in the given order.

        :param source_ids: sources the caller means to fetch.
        :param owner: who fetches (``host:pid:token``), unique per run.
        :param now: the current time.
        :param seconds: how long the lease lasts.
        :param due_only: lease only sources whose ``next_poll_at`` is unset or not after ``now``
            (False: a forced poll of every source).
        """
        stamp, until = now.isoformat(), (now + dt.timedelta(seconds=seconds)).isoformat()
        due = " AND (next_poll_at IS NULL OR next_poll_at <= ?)" if due_only else ""
        got = []
        with self.transaction() as c:
            holders = [r[0] for r in c.execute("SELECT DISTINCT owner FROM source_leases WHERE expires_at > ?", (stamp,))]
            for gone in filter(_owner_gone, holders):
                c.execute("DELETE FROM source_leases WHERE owner = ?", (gone,))
            for source_id in source_ids:
                cur = c.execute(
                    "INSERT INTO source_leases(source_id, owner, expires_at)"
                    f" SELECT id, ?, ? FROM sources WHERE id = ? AND paused = 0{due}"
                    " ON CONFLICT(source_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
                    " WHERE source_leases.expires_at <= ? OR source_leases.owner = excluded.owner",
                    (owner, until, source_id, *((stamp,) if due_only else ()), stamp))
                if cur.rowcount == 1:
                    got.append(source_id)
        return got

    def release_leases(self, owner: str) -> int:
        """Drop every lease ``owner`` holds; return how many.

        :param owner: the owner given to :meth:`take_leases`.
        """
        with self.transaction() as c:
            return int(c.execute("DELETE FROM source_leases WHERE owner = ?", (owner,)).rowcount)
