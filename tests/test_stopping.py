"""SIGTERM stops a command like Ctrl-C does, waits for a commit, and ends an event loop cleanly."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import threading
import time

import pytest

from newsbrief.stopping import Stopped, deferred, exit_status, stop_on_signals


def test_sigterm_raises_stopped_like_ctrl_c_and_the_old_handlers_come_back() -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with pytest.raises(Stopped) as stopped, stop_on_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # interrupted at once
    assert isinstance(stopped.value, KeyboardInterrupt)
    assert stopped.value.signum == signal.SIGTERM and exit_status(stopped.value) == 143
    assert exit_status(KeyboardInterrupt()) == 130
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_a_stop_during_a_deferred_block_is_raised_when_the_block_ends() -> None:
    steps = []
    with pytest.raises(Stopped), stop_on_signals():
        with deferred():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("after the signal")  # the block is not cut in two
        steps.append("after the block")
    assert steps == ["after the signal"]


def test_a_stop_inside_an_event_loop_cancels_its_tasks_instead_of_breaking_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    cancelled = []

    async def worker() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    async def stopped_from_inside_a_task() -> None:
        await asyncio.sleep(0.01)
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs while this task runs
        await worker()

    async def main() -> None:
        await asyncio.gather(worker(), stopped_from_inside_a_task())

    with caplog.at_level(logging.ERROR, logger="asyncio"), pytest.raises(Stopped), stop_on_signals():
        asyncio.run(main())
    gc.collect()  # "Task exception was never retrieved" is logged when a broken task is collected
    assert cancelled == [True, True]
    assert not [r for r in caplog.records if r.name == "asyncio"]


def test_outside_the_main_thread_nothing_is_installed() -> None:
    seen = []

    def other() -> None:
        with stop_on_signals():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]
