"""Scheduled deliveries, each digest sent exactly once per recipient (called from the run loop's tick).

When is a digest due? A delivery's schedule is a local time of day in an IANA time zone. Its
latest occurrence at or before *now* (in that zone) is due, and it carries the digest of the
last complete UTC day at that instant: digests cover UTC days. After downtime only that latest
digest is sent, once; ``deliver.catch_up = "all"`` (``run --catch-up all``) also sends each
day missed since the delivery's last recorded send.

Exactly once: every attempt is recorded in the store's send log (:mod:`newsbrief.store.sends`)
as ``sending`` before the message leaves and ``sent``/``failed`` after, inside one claim
transaction, so a restart never sends a digest twice to one recipient. A failed attempt is
retried with back-off (``deliver.retry_after`` seconds, doubled each time, up to
``deliver.max_attempts``); a refusal that no retry can fix (HTTP 4xx, SMTP 5xx) is abandoned.

A ``sending`` row left by a process that died mid-send is the one case where the outcome is
unknown. The rule then depends on the channel:

- webhook: at-least-once. It is sent again with the same ``Idempotency-Key``, so the receiver
  can drop the repeat;
- email and chat: at-most-once. SMTP and chat services have no idempotency key, and the message
  may well have arrived, so it is not sent again; the attempt is logged as ``interrupted``
  (``newsbrief deliveries log``) for the reader to check.

SIGTERM or Ctrl-C during a send is held until the send is recorded, then handed on, so a
stop never leaves a ``sending`` row behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import secrets
import signal
import socket
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import httpx

from newsbrief.config import Settings
from newsbrief.deliveries import Delivery, recipient_key, shown_address
from newsbrief.errors import NewsbriefError, PublishError
from newsbrief.model import Digest
from newsbrief.store.base import Store
from newsbrief.store.sends import SendKey

__all__ = ["SendOutcome", "deferred_signals", "deliver_due", "digest_day", "due_days", "latest_occurrence",
           "next_occurrence"]

LOGGER = logging.getLogger(__name__)
UTC = dt.timezone.utc
LEASE = dt.timedelta(minutes=15)  # a "sending" row older than this is stale, whoever holds it
MAX_CATCH_UP_DAYS = 366
_TOKEN = secrets.token_hex(4)


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What happened to one send in one pass."""

    delivery: str
    day: dt.date
    recipient: str  # as shown: secrets redacted
    status: str  # sent, failed, abandoned, interrupted, error
    attempt: int = 0
    error: str = ""


def latest_occurrence(delivery: Delivery, now: dt.datetime) -> dt.datetime:
    """Return the latest scheduled instant of ``delivery`` at or before ``now``, in UTC.

    A local time that a daylight-saving change skips or repeats is read with ``fold=0``
    (the offset before the change), so each local day has exactly one occurrence.

    :param delivery: the delivery.
    :param now: an aware datetime.
    """
    zone = delivery.zone
    local = now.astimezone(zone)
    for back in (0, 1, 2):
        at = dt.datetime.combine(local.date() - dt.timedelta(days=back), delivery.at, tzinfo=zone)
        if at.astimezone(UTC) <= now:
            return at.astimezone(UTC)
    raise AssertionError("unreachable: an occurrence lies within two days")  # pragma: no cover


def next_occurrence(delivery: Delivery, now: dt.datetime) -> dt.datetime:
    """Return the first scheduled instant of ``delivery`` after ``now``, in UTC.

    :param delivery: the delivery.
    :param now: an aware datetime.
    """
    zone = delivery.zone
    local = now.astimezone(zone)
    for ahead in (0, 1, 2):
        at = dt.datetime.combine(local.date() + dt.timedelta(days=ahead), delivery.at, tzinfo=zone)
        if at.astimezone(UTC) > now:
            return at.astimezone(UTC)
    raise AssertionError("unreachable: an occurrence lies within two days")  # pragma: no cover


def digest_day(occurrence: dt.datetime) -> dt.date:
    """Return the digest sent at ``occurrence``: the last UTC day complete at that instant.

    :param occurrence: a scheduled instant.
    """
    return occurrence.astimezone(UTC).date() - dt.timedelta(days=1)


def due_days(store: Store, delivery: Delivery, *, now: dt.datetime, catch_up: str = "latest") -> list[dt.date]:
    """Return the digest days ``delivery`` should have sent by ``now``, oldest first.

    :param store: the store (its send log says what was already handled).
    :param delivery: the delivery.
    :param now: the current time.
    :param catch_up: ``latest`` (only the latest due digest) or ``all`` (every day since the last send).
    """
    latest = digest_day(latest_occurrence(delivery, now))
    last = store.last_send_day(delivery.name) if catch_up == "all" else None
    if last is None or last >= latest:
        return [latest]
    first = max(last, latest - dt.timedelta(days=MAX_CATCH_UP_DAYS))
    return [first + dt.timedelta(days=n) for n in range((latest - first).days + 1)]


def process_owner() -> str:
    """Return this process's claim mark: ``host:pid:token``."""
    return f"{socket.gethostname()}:{os.getpid()}:{_TOKEN}"


def _owner_alive(owner: str, started_at: str, now: dt.datetime) -> bool:
    """Return True while a ``sending`` row may still belong to a live sender."""
    if now - dt.datetime.fromisoformat(started_at) > LEASE:
        return False
    parts = owner.rsplit(":", 2)
    if owner == process_owner() or len(parts) != 3:
        return False  # our own claim left by an aborted send, or no mark at all
    host, pid_text, _ = parts
    pid = int(pid_text) if pid_text.isdigit() else -1
    if host != socket.gethostname():
        return True  # another machine's sender: trust the lease
    if pid == os.getpid():
        return False  # an earlier process that had our pid (a restarted container)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _decide(latest: dict[str, Any] | None, *, channel: str, now: dt.datetime, max_attempts: int) -> str:
    """The exactly-once rule: what to do with a send given its latest attempt."""
    if latest is None:
        return "send"
    status = latest["status"]
    if status == "sending":
        if _owner_alive(latest["owner"], latest["started_at"], now):
            return "skip"
        return "interrupt+send" if channel == "webhook" and latest["attempt"] < max_attempts else "interrupt"
    if status == "failed" and latest["attempt"] < max_attempts:
        due = latest["next_attempt_at"]
        return "send" if due is None or dt.datetime.fromisoformat(due) <= now else "skip"
    return "skip"  # sent, abandoned, interrupted


def _idempotency_key(day: dt.date, delivery: str, key: str) -> str:
    digest = hashlib.sha256(f"{day.isoformat()}|{delivery}|{key}".encode()).hexdigest()[:24]
    return f"newsbrief-{day.isoformat()}-{digest}"


@contextlib.contextmanager
def deferred_signals(signums: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT)) -> Iterator[list[int]]:
    """Hold SIGTERM and SIGINT inside the block, then hand each one received to the handler it had.

    Outside the main thread (where handlers cannot be set) the block runs as is.

    :param signums: the signals held.
    """
    if threading.current_thread() is not threading.main_thread():
        yield []
        return
    received: list[int] = []
    previous = {s: signal.getsignal(s) for s in signums}
    held = [s for s, h in previous.items() if h is not None]
    for s in held:
        signal.signal(s, lambda signum, frame: received.append(signum))
    try:
        yield received
    finally:
        for s in held:
            signal.signal(s, previous[s])
        for s in received:
            signal.raise_signal(s)


def _digest_for(store: Store, settings: Settings, delivery: Delivery, day: dt.date,
                on_built: Callable[[Digest], Any] | None) -> Digest:
    """The digest a delivery sends: the day's stored one, or one built with the delivery's own options."""
    from newsbrief.pipeline import build_digest
    from newsbrief.render import digest_from_dict

    overrides = delivery.digest_overrides()
    if overrides:
        return build_digest(store, settings.replace(**overrides), day=day, save=False)
    data = store.digest(day)
    if data is not None:
        return digest_from_dict(data)
    digest = build_digest(store, settings, day=day)
    if on_built is not None:
        on_built(digest)
    return digest


def _send_once(store: Store, settings: Settings, delivery: Delivery, address: str, key: SendKey, digest: Digest, *,
               now: dt.datetime, transport: httpx.BaseTransport | None) -> SendOutcome | None:
    from newsbrief.deliver.channels import send_to

    max_attempts = max(1, int(settings["deliver.max_attempts"]))
    with deferred_signals():
        action, row = store.claim_send(key, now=now, owner=process_owner(),
                                       decide=lambda latest: _decide(latest, channel=delivery.channel, now=now,
                                                                     max_attempts=max_attempts))
        if row is None:
            return (SendOutcome(delivery.name, key.digest_date, key.recipient, "interrupted")
                    if action == "interrupt" else None)
        attempt = int(row["attempt"])
        try:
            send_to(delivery, address, digest, settings=settings, idempotency_key=key.idempotency_key, transport=transport)
        except Exception as exc:  # a per-send failure is data: recorded, retried, the pass goes on
            error = str(exc) if isinstance(exc, PublishError) else f"publish: {type(exc).__name__}"
            permanent = isinstance(exc, PublishError) and exc.permanent
            if permanent or attempt >= max_attempts:
                store.finish_send(row["id"], status="abandoned", now=now, error=error)
                return SendOutcome(delivery.name, key.digest_date, key.recipient, "abandoned", attempt, error)
            wait = float(settings["deliver.retry_after"]) * 2 ** (attempt - 1)
            store.finish_send(row["id"], status="failed", now=now, error=error,
                              next_attempt_at=now + dt.timedelta(seconds=wait))
            return SendOutcome(delivery.name, key.digest_date, key.recipient, "failed", attempt, error)
        store.finish_send(row["id"], status="sent", now=now)
        return SendOutcome(delivery.name, key.digest_date, key.recipient, "sent", attempt)


def deliver_due(store: Store, settings: Settings, *, now: dt.datetime, transport: httpx.BaseTransport | None = None,
                on_built: Callable[[Digest], Any] | None = None,
                should_stop: Callable[[], bool] | None = None) -> list[SendOutcome]:
    """Send every delivery's due digest to each recipient that has not had it; return what happened.

    :param store: the store.
    :param settings: resolved settings (``settings.deliveries``, ``deliver.*``, ``smtp.*``, ``webhook.secret``).
    :param now: the current time (aware).
    :param transport: httpx transport for webhook tests.
    :param on_built: called with a day's digest when this pass had to build it (the run loop writes its files).
    :param should_stop: checked before each send; True ends the pass (what is left is sent next time).
    """
    max_attempts = max(1, int(settings["deliver.max_attempts"]))
    outcomes: list[SendOutcome] = []
    for delivery in settings.deliveries:
        for day in due_days(store, delivery, now=now, catch_up=str(settings["deliver.catch_up"])):
            keys = []
            for address in delivery.recipients():
                rkey = recipient_key(address)
                key = SendKey(day, delivery.name, delivery.channel, shown_address(delivery.channel, address), rkey,
                              _idempotency_key(day, delivery.name, rkey))
                if _decide(store.latest_send(key), channel=delivery.channel, now=now, max_attempts=max_attempts) != "skip":
                    keys.append((address, key))
            if not keys:
                continue
            try:
                digest = _digest_for(store, settings, delivery, day, on_built)
            except NewsbriefError as exc:
                LOGGER.error("deliver: %s, digest of %s: %s", delivery.name, day, exc)
                outcomes += [SendOutcome(delivery.name, day, key.recipient, "error", 0, str(exc)) for _, key in keys]
                continue
            for address, key in keys:
                if should_stop is not None and should_stop():
                    return outcomes
                outcome = _send_once(store, settings, delivery, address, key, digest, now=now, transport=transport)
                if outcome is not None:
                    outcomes.append(outcome)
    return outcomes
