"""Deliver a digest: an email with HTML and plain-text parts over SMTP, or a webhook POST.

Delivery failures raise :class:`~newsbrief.errors.PublishError` with a one-line message
naming the server; the digest itself is already stored, so nothing is lost.
"""

from __future__ import annotations

import email.utils
import smtplib
import ssl
from email.message import EmailMessage
from typing import Any, Mapping, Sequence

import httpx

from .errors import PublishError
from .model import Digest
from .render import digest_to_dict, render

__all__ = ["build_email", "post_webhook", "send_email"]


def build_email(digest: Digest, *, sender: str, recipients: Sequence[str]) -> EmailMessage:
    """Return a multipart/alternative message: plain text first, email-safe HTML second.

    :param digest: the digest.
    :param sender: From address.
    :param recipients: To addresses.
    """
    msg = EmailMessage()
    msg["Subject"] = digest.title
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = email.utils.format_datetime(digest.generated_at)
    msg["Message-ID"] = email.utils.make_msgid(idstring=f"digest-{digest.date.isoformat()}", domain="newsbrief.local")
    msg.set_content(render(digest, "text"))
    msg.add_alternative(render(digest, "email"), subtype="html")
    return msg


def send_email(digest: Digest, *, smtp: Mapping[str, Any], timeout: float = 30.0) -> list[str]:
    """Send the digest to ``smtp["recipients"]``; return the recipients accepted.

    :param digest: the digest.
    :param smtp: the ``smtp.*`` settings (host, port, username, password, sender, recipients).
    :param timeout: socket timeout in seconds.
    """
    host, port = str(smtp.get("host") or ""), int(smtp.get("port") or 587)
    recipients = [str(r) for r in (smtp.get("recipients") or [])]
    if not host:
        raise PublishError("publish: smtp.host is not set; configure [smtp] in config.toml")
    if not recipients or not smtp.get("sender"):
        raise PublishError("publish: smtp.sender and smtp.recipients must be set to send the digest")
    msg = build_email(digest, sender=str(smtp["sender"]), recipients=recipients)
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as client:
            client.ehlo()
            if client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.get("username"):
                client.login(str(smtp["username"]), str(smtp.get("password") or ""))
            refused = client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise PublishError(f"publish: SMTP {host}:{port}: {exc}") from exc
    return [r for r in recipients if r not in refused]


def post_webhook(digest: Digest, *, url: str, transport: httpx.BaseTransport | None = None, timeout: float = 30.0) -> int:
    """POST the digest's JSON (schema ``newsbrief.digest/1``) to ``url``; return the status.

    :param digest: the digest.
    :param url: the webhook endpoint.
    :param transport: httpx transport for tests.
    :param timeout: request timeout in seconds.
    """
    try:
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.post(url, json=digest_to_dict(digest), headers={"User-Agent": "newsbrief"})
    except httpx.HTTPError as exc:
        raise PublishError(f"publish: webhook {url}: {exc}") from exc
    if response.status_code >= 400:
        raise PublishError(f"publish: webhook {url} answered {response.status_code}")
    return response.status_code
