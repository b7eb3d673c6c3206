"""Exactly once across a crash: ``newsbrief run --once`` is killed mid-send, restarted, and receipts counted.

The receivers on 127.0.0.1 hold the first message open, so the process is known to be
inside the send when it is killed (SIGKILL: no handler runs) or asked to stop (SIGTERM).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import store_location

from newsbrief.cli.app import cli
from newsbrief.model import CitedSentence, Digest
from newsbrief.render import digest_to_dict
from newsbrief.store import open_store
from webhook_receiver import Receiver

pytestmark = pytest.mark.serial

SRC = Path(__file__).resolve().parents[1] / "src"


def prepare(tmp_path: Path, delivery: str, extra: str = "") -> Path:
    """A data folder whose config has one delivery due now (00:00 UTC), with yesterday's digest stored."""
    data = tmp_path / "data"
    assert CliRunner().invoke(cli, ["--data-dir", str(data), "init"]).exit_code == 0
    (data / "config.toml").write_text(extra + "[deliveries.d]\n" + delivery + 'at = "00:00"\ntimezone = "UTC"\n', encoding="utf-8")
    day = dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=1)
    digest = Digest(day, "Brief", (CitedSentence("Leading today: a test.", ("a1",)),), (), dt.datetime.now(dt.timezone.utc))
    with open_store(store_location(data)) as store:
        store.save_digest(day, title=digest.title, data=digest_to_dict(digest), stories=[])
    return data


def start_run(data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("NEWSBRIEF_DATA_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "newsbrief", "--data-dir", str(data), "run", "--once", "--out",
                             str(data / "out")], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def statuses(data: Path) -> list[tuple[int, str]]:
    with open_store(store_location(data)) as store:
        return [(r["attempt"], r["status"]) for r in reversed(store.send_rows())]


def wait_for(event: threading.Event, proc: subprocess.Popen[str]) -> None:
    if not event.wait(60):
        proc.kill()
        raise AssertionError(f"the send never reached the receiver: {proc.communicate()[0]}")


def test_a_webhook_cut_off_by_a_crash_is_sent_again_with_the_same_idempotency_key(tmp_path: Path) -> None:
    with Receiver(hold_first=True) as receiver:
        data = prepare(tmp_path, f'to = "{receiver.url}"\n')
        proc = start_run(data)
        wait_for(receiver.arrived, proc)
        proc.kill()  # SIGKILL mid-send: the attempt stays "sending"
        proc.wait(30)
        receiver.release()
        assert statuses(data) == [(1, "sending")]
        second = start_run(data)
        out, _ = second.communicate(timeout=120)
        assert second.returncode == 0, out
        third = start_run(data)
        out3, _ = third.communicate(timeout=120)
        assert third.returncode == 0, out3
    assert statuses(data) == [(1, "interrupted"), (2, "sent")]
    assert len(receiver.requests) == 2  # at-least-once for webhooks ...
    assert len({r.headers["idempotency-key"] for r in receiver.requests}) == 1  # ... one digest for a receiver that dedupes
    assert "d " in out and ": sent (attempt 2)" in out and ": sent" not in out3


class HoldingSink:
    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.arrived = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        self.messages.append(envelope.content)
        first = len(self.messages) == 1
        self.arrived.set()
        while first and not self.release.is_set():
            await asyncio.sleep(0.05)
        return "250 OK"


def test_an_email_cut_off_by_a_crash_is_not_sent_twice(tmp_path: Path) -> None:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = HoldingSink()
    controller = controller_mod.Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        data = prepare(tmp_path, 'to = "mailto:ana@example.org"\n',
                       extra=f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsender = "brief@example.org"\n\n')
        proc = start_run(data)
        wait_for(sink.arrived, proc)
        proc.kill()
        proc.wait(30)
        sink.release.set()
        second = start_run(data)
        out, _ = second.communicate(timeout=120)
    finally:
        controller.stop()
    assert second.returncode == 0, out
    assert len(sink.messages) == 1  # at-most-once for email: the restart does not send it again
    assert statuses(data) == [(1, "interrupted")]
    assert "ana@example.org: interrupted" in out
    log = CliRunner().invoke(cli, ["--data-dir", str(data), "deliveries", "log", "--json"])
    (row,) = json.loads(log.output)
    assert (row["status"], row["recipient"], row["error"]) == (
        "interrupted", "ana@example.org", "the sending process stopped before the result was known")


def test_sigterm_mid_send_waits_for_the_send_to_be_recorded(tmp_path: Path) -> None:
    with Receiver(hold_first=True) as receiver:
        data = prepare(tmp_path, f'to = "{receiver.url}"\n')
        proc = start_run(data)
        wait_for(receiver.arrived, proc)
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert proc.poll() is None  # held while the send is under way
        receiver.release()
        proc.communicate(timeout=60)
        restart = start_run(data)
        out, _ = restart.communicate(timeout=120)
    assert statuses(data) == [(1, "sent")]
    assert len(receiver.requests) == 1
    assert restart.returncode == 0 and ": sent" not in out
