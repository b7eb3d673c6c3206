"""Email goes to a real SMTP server on 127.0.0.1 (aiosmtpd); webhooks to MockTransport."""

from __future__ import annotations

import datetime as dt
import email
import email.header
import json
import socket
from email.message import Message

import httpx
import pytest

from newsbrief.errors import PublishError
from newsbrief.model import CitedSentence, Digest, DigestItem, DigestSection
from newsbrief.deliver.publish import build_email, post_webhook, send_email

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


def digest() -> Digest:
    item = DigestItem("st1", "Harbor Labs ships a <b>chip</b>", ((CitedSentence("Harbor Labs shipped it.", ("a1",)),),),
                      (("a1", "Ledger", "http://ledger.example/1"),))
    return Digest(dt.date(2026, 11, 27), "Brief — 27 November", (CitedSentence("Leading today: chips.", ("a1",)),),
                  (DigestSection("stories", "Top stories", (item,)),), dt.datetime(2026, 11, 27, 7, tzinfo=dt.timezone.utc))


class Sink:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def test_email_has_text_and_html_parts() -> None:
    msg = build_email(digest(), sender="brief@example.org", recipients=["a@example.org"])
    assert msg.get_content_type() == "multipart/alternative"
    kinds = [p.get_content_type() for p in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    html = msg.get_body(("html",)).get_content()
    assert "&lt;b&gt;chip&lt;/b&gt;" in html and "<script" not in html


def test_send_to_real_smtp_server() -> None:
    sink = Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        sent = send_email(digest(), smtp={"host": "127.0.0.1", "port": port, "sender": "brief@example.org",
                                          "recipients": ["a@example.org", "b@example.org"]})
    finally:
        controller.stop()
    assert sent == ["a@example.org", "b@example.org"]
    mail_from, rcpts, content = sink.messages[0]
    assert mail_from == "brief@example.org" and rcpts == ["a@example.org", "b@example.org"]
    parsed: Message = email.message_from_bytes(content)
    assert str(email.header.make_header(email.header.decode_header(parsed["Subject"]))) == "Brief — 27 November"
    assert parsed.get_content_type() == "multipart/alternative"


def test_smtp_errors_are_one_line() -> None:
    with pytest.raises(PublishError, match="smtp.host is not set"):
        send_email(digest(), smtp={"host": ""})
    with pytest.raises(PublishError, match=r"SMTP 127.0.0.1:1"):
        send_email(digest(), smtp={"host": "127.0.0.1", "port": 1, "sender": "x@example.org", "recipients": ["y@example.org"]},
                   timeout=2)


def test_webhook_posts_digest_json() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(204 if len(seen) == 1 else 500)

    transport = httpx.MockTransport(handler)
    assert post_webhook(digest(), url="http://hooks.example/in", transport=transport) == 204
    assert seen[0]["schema"] == "newsbrief.digest/1"
    with pytest.raises(PublishError, match="answered 500"):
        post_webhook(digest(), url="http://hooks.example/in", transport=transport)
