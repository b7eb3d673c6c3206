"""Scheduled deliveries against real servers on 127.0.0.1, with a pinned clock.

SMTP goes to aiosmtpd, webhooks and Apprise's ``json://`` to a local HTTP receiver; the
send log in the store decides what is due, retried or already sent.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import signal
import socket
from pathlib import Path

import pytest

from newsbrief.deliver.channels import chat_messages
from newsbrief.config import load_settings
from newsbrief.deliver.scheduled import deferred_signals, deliver_due, digest_day, due_days, latest_occurrence, next_occurrence
from newsbrief.deliveries import Delivery
from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection
from newsbrief.deliver.publish import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_webhook, verify_webhook
from newsbrief.render import digest_to_dict
from newsbrief.store import open_store

from webhook_receiver import Receiver

UTC = dt.timezone.utc
DAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # 08:00 in Paris: a 07:00 Paris delivery of the 27th is due


def sample_digest(day: dt.date = DAY, stories: int = 3) -> Digest:
    items = tuple(
        DigestItem(f"st{n}", f"Headline number {n} about batteries", ((CitedSentence(f"Fact {n}.", (f"a{n}",)),),),
                   ((f"a{n}", "Ledger", f"https://ledger.example/{n}"),))
        for n in range(1, stories + 1))
    short = DigestSection("short", "In brief", (DigestItem("sx", "A short one", (), (("ax", "Wire", "https://wire.example/x"),),
                                                         one_line=True),))
    return Digest(day, f"Brief — {day.isoformat()}", (CitedSentence("Leading today: batteries and chips.", ("a1",)),),
                  (DigestSection("stories", "Top stories", items), short), dt.datetime(2026, 11, 28, 6, tzinfo=UTC))


def make(tmp_path: Path, deliveries: str, env: dict[str, str] | None = None, extra: str = ""):
    (tmp_path / "config.toml").write_text(extra + deliveries, encoding="utf-8")
    settings = load_settings(data_dir=tmp_path, env=env or {})
    store = open_store(tmp_path / "nb.db")
    digest = sample_digest()
    store.save_digest(DAY, title=digest.title, data=digest_to_dict(digest), stories=[])
    return settings, store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- schedule --------------------------------------------------------------------------------

def delivery(at: str, tz: str) -> Delivery:
    hours, minutes = at.split(":")
    return Delivery(name="d", to="mailto:a@example.org", channel="email", at=dt.time(int(hours), int(minutes)), timezone=tz)


@pytest.mark.parametrize(("at", "tz", "now", "occurrence", "day"), [
    # Paris in winter is UTC+1: 07:00 local is 06:00 UTC, the 27th is complete.
    ("07:00", "Europe/Paris", NOW, dt.datetime(2026, 11, 28, 6, 0, tzinfo=UTC), DAY),
    # before today's 07:00 in Paris the latest occurrence is yesterday's
    ("07:00", "Europe/Paris", dt.datetime(2026, 11, 28, 5, 59, tzinfo=UTC), dt.datetime(2026, 11, 27, 6, 0, tzinfo=UTC),
     dt.date(2026, 11, 26)),
    # New York (UTC-5): 07:00 local is 12:00 UTC
    ("07:00", "America/New_York", dt.datetime(2026, 11, 28, 12, 0, tzinfo=UTC), dt.datetime(2026, 11, 28, 12, 0, tzinfo=UTC), DAY),
    # Tokyo (UTC+9): 07:00 on the 28th is 22:00 UTC on the 27th, when the 27th is not over yet
    ("07:00", "Asia/Tokyo", dt.datetime(2026, 11, 27, 22, 30, tzinfo=UTC), dt.datetime(2026, 11, 27, 22, 0, tzinfo=UTC),
     dt.date(2026, 11, 26)),
    # the day Paris moves to summer time (29 March 2026) 07:00 is 05:00 UTC
    ("07:00", "Europe/Paris", dt.datetime(2026, 3, 29, 5, 0, tzinfo=UTC), dt.datetime(2026, 3, 29, 5, 0, tzinfo=UTC),
     dt.date(2026, 3, 28)),
])
def test_latest_occurrence_follows_the_local_clock(at: str, tz: str, now: dt.datetime, occurrence: dt.datetime,
                                                    day: dt.date) -> None:
    d = delivery(at, tz)
    assert latest_occurrence(d, now) == occurrence
    assert digest_day(occurrence) == day
    assert next_occurrence(d, now) > now
    assert next_occurrence(d, now) - latest_occurrence(d, now) <= dt.timedelta(hours=25)


def test_catch_up_sends_the_latest_missed_digest_unless_all_are_asked(tmp_path: Path) -> None:
    settings, store = make(tmp_path, '[deliveries.d]\nto = "mailto:a@example.org"\nat = "07:00"\ntimezone = "UTC"\n')
    d = settings.deliveries[0]
    from newsbrief.store.sends import SendKey

    key = SendKey(dt.date(2026, 11, 23), "d", "email", "a@example.org", "k", "i")
    _, row = store.claim_send(key, now=NOW, owner="h:1:t", decide=lambda latest: "send")
    assert row is not None
    store.finish_send(row["id"], status="sent", now=NOW)
    later = dt.datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # four days missed: the 24th to the 27th
    assert due_days(store, d, now=later, catch_up="latest") == [DAY]
    assert due_days(store, d, now=later, catch_up="all") == [dt.date(2026, 11, d) for d in range(23, 28)]
    store.close()


# -- channels ----------------------------------------------------------------------------------

def test_chat_text_is_lede_and_headlines_with_links_split_to_the_limit() -> None:
    digest = sample_digest(stories=8)
    whole = chat_messages(digest, limit=10_000)
    assert len(whole) == 1
    assert whole[0].startswith("Leading today: batteries and chips.")
    assert "1. Headline number 1 about batteries\nhttps://ledger.example/1" in whole[0]
    assert whole[0].endswith("And 1 more stories.")
    parts = chat_messages(digest, limit=120, title_in_body=True)
    assert len(parts) > 1 and all(len(p) <= 120 for p in parts)
    assert parts[0].startswith("Brief — 2026-11-27 (2026-11-27)")
    joined = "\n\n".join(parts)
    for n in range(1, 9):  # every headline whole, with its link, in order
        assert f"{n}. Headline number {n} about batteries\nhttps://ledger.example/{n}" in joined
    assert [joined.index(f"{n}. Headline") for n in range(1, 9)] == sorted(joined.index(f"{n}. Headline") for n in range(1, 9))


class Sink:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def test_email_delivery_sends_one_message_per_address_once(tmp_path: Path) -> None:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    sink, port = Sink(), free_port()
    controller = controller_mod.Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings, store = make(
            tmp_path, '[deliveries.morning]\nto = "mailto:ana@example.org,ben@example.org"\nat = "07:00"\ntimezone = "Europe/Paris"\n',
            extra=f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsender = "brief@example.org"\n\n')
        first = deliver_due(store, settings, now=NOW)
        again = deliver_due(store, settings, now=NOW + dt.timedelta(hours=3))
    finally:
        controller.stop()
    assert [(o.recipient, o.status, o.day) for o in first] == [("ana@example.org", "sent", DAY), ("ben@example.org", "sent", DAY)]
    assert again == []
    assert [(m[0], m[1]) for m in sink.messages] == [("brief@example.org", ["ana@example.org"]),
                                                     ("brief@example.org", ["ben@example.org"])]
    msg = email.message_from_bytes(sink.messages[0][2], policy=email.policy.default)
    assert msg["Subject"] == "Brief — 2026-11-27" and msg["To"] == "ana@example.org"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Message-ID"].startswith("<newsbrief-2026-11-27-") and msg["Message-ID"].endswith("@example.org>")
    assert [r["status"] for r in store.send_rows()] == ["sent", "sent"]
    store.close()


def test_webhook_is_signed_retried_with_back_off_and_keeps_its_idempotency_key(tmp_path: Path) -> None:
    with Receiver(statuses=[503, 502]) as receiver:
        settings, store = make(tmp_path, f'[deliveries.hook]\nto = "{receiver.url}"\nat = "07:00"\ntimezone = "Europe/Paris"\n'
                               'secret = {"$env" = "HOOK_SECRET"}\n',
                               env={"HOOK_SECRET": "k3y"}, extra="[deliver]\nretry_after = 60.0\nmax_attempts = 5\n\n")
        first = deliver_due(store, settings, now=NOW)
        too_soon = deliver_due(store, settings, now=NOW + dt.timedelta(seconds=59))
        second = deliver_due(store, settings, now=NOW + dt.timedelta(seconds=60))
        not_yet = deliver_due(store, settings, now=NOW + dt.timedelta(seconds=60 + 119))
        third = deliver_due(store, settings, now=NOW + dt.timedelta(seconds=60 + 120))
        after = deliver_due(store, settings, now=NOW + dt.timedelta(hours=5))
    assert [(o.status, o.attempt) for o in first + second + third] == [("failed", 1), ("failed", 2), ("sent", 3)]
    assert first[0].error == "publish: webhook http://127.0.0.1:%d/*** answered 503" % int(receiver.url.split(":")[2].split("/")[0])
    assert too_soon == not_yet == after == []
    assert len(receiver.requests) == 3
    keys = {r.headers["idempotency-key"] for r in receiver.requests}
    assert len(keys) == 1 and keys.pop().startswith("newsbrief-2026-11-27-")
    for r in receiver.requests:
        assert json.loads(r.body)["schema"] == "newsbrief.digest/1"
        assert r.headers[SIGNATURE_HEADER.lower()] == sign_webhook(r.body, secret="k3y", timestamp=int(r.headers[TIMESTAMP_HEADER.lower()]))
        assert verify_webhook(r.body, secret="k3y", signature=r.headers[SIGNATURE_HEADER.lower()],
                              timestamp=r.headers[TIMESTAMP_HEADER.lower()])
        assert not verify_webhook(r.body + b" ", secret="k3y", signature=r.headers[SIGNATURE_HEADER.lower()],
                                  timestamp=r.headers[TIMESTAMP_HEADER.lower()])
        assert not verify_webhook(r.body, secret="other", signature=r.headers[SIGNATURE_HEADER.lower()],
                                  timestamp=r.headers[TIMESTAMP_HEADER.lower()])
    log = store.send_rows()
    assert [(r["attempt"], r["status"]) for r in log] == [(3, "sent"), (2, "failed"), (1, "failed")]
    assert all("s3cr3t-path-token" not in r["recipient"] + r["error"] for r in log)
    store.close()


def test_a_replayed_webhook_is_rejected_by_its_timestamp() -> None:
    body = b'{"schema": "newsbrief.digest/1"}'
    sig = sign_webhook(body, secret="k", timestamp=1_000_000)
    assert verify_webhook(body, secret="k", signature=sig, timestamp="1000000", now=1_000_100)
    assert not verify_webhook(body, secret="k", signature=sig, timestamp="1000000", now=1_000_301)
    assert not verify_webhook(body, secret="k", signature=sig, timestamp="soon", now=1_000_000)


def test_a_refused_webhook_is_abandoned_at_once(tmp_path: Path) -> None:
    with Receiver(statuses=[410]) as receiver:
        settings, store = make(tmp_path, f'[deliveries.hook]\nto = "{receiver.url}"\nat = "00:00"\n')
        outcomes = deliver_due(store, settings, now=NOW) + deliver_due(store, settings, now=NOW + dt.timedelta(days=0, hours=2))
    assert [(o.status, o.attempt) for o in outcomes] == [("abandoned", 1)]
    assert len(receiver.requests) == 1 and "x-newsbrief-signature" not in receiver.requests[0].headers
    store.close()


def test_attempts_stop_at_max_attempts(tmp_path: Path) -> None:
    with Receiver(statuses=[500, 500, 500]) as receiver:
        settings, store = make(tmp_path, f'[deliveries.hook]\nto = "{receiver.url}"\nat = "00:00"\n',
                               extra="[deliver]\nretry_after = 1.0\nmax_attempts = 2\n\n")
        outcomes = [o for n in range(4) for o in deliver_due(store, settings, now=NOW + dt.timedelta(seconds=10 * n))]
    assert [(o.status, o.attempt) for o in outcomes] == [("failed", 1), ("abandoned", 2)]
    assert len(receiver.requests) == 2
    store.close()


def test_a_delivery_with_its_own_options_gets_its_own_digest(tmp_path: Path) -> None:
    with Receiver() as receiver:
        settings, store = make(tmp_path, f'[deliveries.hook]\nto = "{receiver.url}"\nat = "00:00"\nminutes = 1\n')
        from factories import make_article

        store.upsert_articles([(make_article("a1", title="Harbour ferry strike ends",
                                             text="The harbour ferry strike ended on Friday after talks."), 0, None)])
        outcomes = deliver_due(store, settings, now=NOW)
    assert [o.status for o in outcomes] == ["sent"]
    sent = json.loads(receiver.requests[0].body)
    assert sent["date"] == "2026-11-27" and sent["title"] != "Brief — 2026-11-27"  # built, not the stored digest
    assert json.loads(json.dumps(store.digest(DAY)))["title"] == "Brief — 2026-11-27"  # the stored one is untouched
    store.close()


def test_apprise_chat_goes_to_a_local_json_receiver(tmp_path: Path) -> None:
    pytest.importorskip("apprise", reason="Apprise (extra `deliver`) is not installed")
    with Receiver() as receiver:
        port = int(receiver.url.split(":")[2].split("/")[0])
        settings, store = make(tmp_path, f'[deliveries.chat]\nto = "json://user:chatpass@127.0.0.1:{port}/chat"\nat = "00:00"\n')
        outcomes = deliver_due(store, settings, now=NOW)
        again = deliver_due(store, settings, now=NOW + dt.timedelta(hours=1))
    assert [o.status for o in outcomes] == ["sent"] and again == []
    assert len(receiver.requests) == 1
    payload = json.loads(receiver.requests[0].body)
    assert payload["title"] == "Brief — 2026-11-27"
    assert payload["message"].startswith("Leading today: batteries and chips.")
    assert "1. Headline number 1 about batteries\nhttps://ledger.example/1" in payload["message"]
    assert "chatpass" not in store.send_rows()[0]["recipient"]
    store.close()


def test_apprise_failure_is_recorded_without_the_token(tmp_path: Path) -> None:
    pytest.importorskip("apprise", reason="Apprise (extra `deliver`) is not installed")
    port = free_port()  # nothing listens there
    settings, store = make(tmp_path, f'[deliveries.chat]\nto = "json://user:chatpass@127.0.0.1:{port}/chat"\nat = "00:00"\n')
    outcomes = deliver_due(store, settings, now=NOW)
    assert [o.status for o in outcomes] == ["failed"]
    assert outcomes[0].error.startswith("publish: json://user:")
    assert outcomes[0].error.endswith(": A Connection error occurred sending JSON notification to 127.0.0.1.")
    assert "chatpass" not in outcomes[0].error and "chatpass" not in store.send_rows()[0]["recipient"]
    store.close()


def test_signals_during_a_send_wait_for_its_record() -> None:
    seen: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
    try:
        with deferred_signals() as held:
            signal.raise_signal(signal.SIGTERM)
            assert seen == [] and held == [signal.SIGTERM]  # held inside the block
        assert seen == [signal.SIGTERM]  # handed on after it
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_chat_delivery_without_apprise_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "apprise", None)  # import apprise now raises ImportError
    settings, store = make(tmp_path, '[deliveries.chat]\nto = "tgram://bottoken/chatid"\nat = "00:00"\n')
    outcomes = deliver_due(store, settings, now=NOW)
    assert [(o.status, o.error) for o in outcomes] == [
        ("abandoned", "publish: tgram://***: chat deliveries need Apprise: pip install 'newsbrief[deliver]'")]
    store.close()


def test_run_email_sends_each_digest_once_and_records_it(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from factories import make_article, store_location

    from newsbrief.cli.app import cli

    controller_mod = pytest.importorskip("aiosmtpd.controller")
    sink, port = Sink(), free_port()
    controller = controller_mod.Controller(sink, hostname="127.0.0.1", port=port)
    data = tmp_path / "data"
    runner = CliRunner()
    assert runner.invoke(cli, ["--data-dir", str(data), "init"]).exit_code == 0
    (data / "config.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsender = "brief@example.org"\nrecipients = ["ana@example.org"]\n',
        encoding="utf-8")
    yesterday = (dt.datetime.now(UTC) - dt.timedelta(days=1)).date()
    with open_store(store_location(data)) as store:
        store.upsert_articles([(make_article("a1", day=yesterday.isoformat(), title="Harbour ferry strike ends",
                                             text="The harbour ferry strike ended after talks, the union said."), 0, None)])
    env = {"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"}
    controller.start()
    try:
        runs = [runner.invoke(cli, ["--data-dir", str(data), "run", "--once", "--email", "--digest-at", "00:00",
                                    "--out", str(tmp_path / "out")], env=env) for _ in range(2)]
    finally:
        controller.stop()
    assert [r.exit_code for r in runs] == [0, 0], runs[0].output
    assert [m[1] for m in sink.messages] == [["ana@example.org"]]  # once, though run went twice
    log = runner.invoke(cli, ["--data-dir", str(data), "deliveries", "log", "--json"])
    rows = json.loads(log.output)
    rows = rows["sends"] if isinstance(rows, dict) else rows
    assert [(r["delivery"], r["status"]) for r in rows] == [("smtp.recipients", "sent")]
