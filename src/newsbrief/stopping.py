"""Ctrl-C and SIGTERM stop a long command the same way, and never in the middle of a commit.

``newsbrief fetch`` and ``newsbrief run`` wrap their work in :func:`stop_on_signals`: SIGINT
(Ctrl-C) and SIGTERM (``kill``, ``systemctl stop``) then both raise :class:`Stopped`, a
:class:`KeyboardInterrupt`, in the main thread. The ingest unwinds as for Ctrl-C: the
downloads are cancelled, the worker pool is terminated, an open transaction rolls back, the
store is closed, and the command exits with ``128 + signal number`` (130 for Ctrl-C, 143 for
SIGTERM).

While an asyncio event loop runs (the downloads), the stop is raised from a callback of the
loop rather than inside whichever task was running, so asyncio cancels its tasks cleanly on
the way out. A block that must not be cut in two (a commit and the counts that describe it)
runs inside :func:`deferred`: a stop requested meanwhile is raised when the block ends.
Without :func:`stop_on_signals` (the library used from Python) :func:`deferred` changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Stopped", "check", "deferred", "exit_status", "requested", "stop_on_signals"]

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(KeyboardInterrupt):
    """The process was asked to stop (``signum``: SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _State:
    """How many :func:`deferred` blocks are open, and the stop signal not raised yet."""

    depth = 0
    requested: int | None = None


def _raise_requested() -> None:
    signum, _State.requested = _State.requested, None
    if signum is not None:
        raise Stopped(signum)


def _stop_now() -> None:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        _raise_requested()
    else:
        loop.call_soon_threadsafe(_raise_requested)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _State.requested = signum
    if not _State.depth:
        _stop_now()


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Stopped` in the main thread.

    The previous handlers come back when the block ends. Outside the main thread (where
    Python cannot install handlers) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _on_signal) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        waiting, _State.requested = _State.requested, None
    if waiting is not None:  # requested, but the loop it was scheduled on ended first
        raise Stopped(waiting)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold back a stop requested during the block; raise it as :class:`Stopped` when the block ends."""
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        if not _State.depth and _State.requested is not None:
            _stop_now()


def requested() -> bool:
    """Return whether a stop was requested and is not raised yet (work may end early)."""
    return _State.requested is not None


def check() -> None:
    """Raise the stop requested, if any, now (call it outside an event loop)."""
    _raise_requested()


def exit_status(stop: BaseException) -> int:
    """Return the conventional exit status for a stop: 128 + the signal number (130 for Ctrl-C).

    :param stop: the :class:`Stopped` (or plain :class:`KeyboardInterrupt`) caught.
    """
    return 128 + int(getattr(stop, "signum", signal.SIGINT))
