"""Deliver a digest: an email with HTML and plain-text parts over SMTP, or a webhook POST.

Delivery failures raise :class:`~newsbrief.errors.PublishError` with a one-line message
naming the server; the digest itself is already stored, so nothing is lost.

A webhook body is the digest's JSON (schema ``newsbrief.digest/1``). With a secret it is
signed: ``X-Newsbrief-Timestamp`` holds the Unix time of the request and
``X-Newsbrief-Signature`` is ``sha256=`` + hex HMAC-SHA256(secret, ``"{timestamp}." + body``);
a receiver recomputes it over the raw body (:func:`verify_webhook`) and rejects a timestamp
older than a few minutes, so a captured request cannot be replayed later. ``Idempotency-Key``,
when given, is the same on every retry of one digest to one receiver, so it can drop repeats.
"""

from __future__ import annotations

import email.utils
import hashlib
import hmac
import json
import smtplib
import ssl
import time
from email.message import EmailMessage
from typing import Any, Mapping, Sequence

import httpx

from newsbrief.errors import PublishError
from newsbrief.model import Digest
from newsbrief.render import digest_to_dict, render

__all__ = ["SIGNATURE_HEADER", "TIMESTAMP_HEADER", "build_email", "post_webhook", "send_email", "sign_webhook",
           "verify_webhook"]

SIGNATURE_HEADER = "X-Newsbrief-Signature"
TIMESTAMP_HEADER = "X-Newsbrief-Timestamp"
_RETRYABLE_STATUS = {408, 425, 429}


def build_email(digest: Digest, *, sender: str, recipients: Sequence[str], message_id: str = "") -> EmailMessage:
    """Return a multipart/alternative message: plain text first, email-safe HTML second.

    :param digest: the digest.
    :param sender: From address.
    :param recipients: To addresses.
    :param message_id: a fixed Message-ID (a retry then carries the same one); default: a new one.
    """
    msg = EmailMessage()
    msg["Subject"] = digest.title
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = email.utils.format_datetime(digest.generated_at)
    msg["Message-ID"] = message_id or email.utils.make_msgid(idstring=f"digest-{digest.date.isoformat()}",
                                                               domain="newsbrief.local")
    msg.set_content(render(digest, "text"))
    msg.add_alternative(render(digest, "email"), subtype="html")
    return msg


def send_email(digest: Digest, *, smtp: Mapping[str, Any], timeout: float = 30.0, message_id: str = "") -> list[str]:
    """Send the digest to ``smtp["recipients"]``; return the recipients accepted.

    :param digest: the digest.
    :param smtp: the ``smtp.*`` settings (host, port, username, password, sender, recipients).
    :param timeout: socket timeout in seconds.
    :param message_id: a fixed Message-ID, so a receiving system can spot a repeat.
    """
    host, port = str(smtp.get("host") or ""), int(smtp.get("port") or 587)
    recipients = [str(r) for r in (smtp.get("recipients") or [])]
    if not host:
        raise PublishError("publish: smtp.host is not set; configure [smtp] in config.toml")
    if not recipients or not smtp.get("sender"):
        raise PublishError("publish: smtp.sender and smtp.recipients must be set to send the digest")
    msg = build_email(digest, sender=str(smtp["sender"]), recipients=recipients, message_id=message_id)
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as client:
            client.ehlo()
            if client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.get("username"):
                client.login(str(smtp["username"]), str(smtp.get("password") or ""))
            refused = client.send_message(msg)
    except smtplib.SMTPResponseException as exc:
        reply = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        raise PublishError(f"publish: SMTP {host}:{port}: {exc.smtp_code} {' '.join(reply.split())}",
                           permanent=exc.smtp_code >= 500) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise PublishError(f"publish: SMTP {host}:{port} refused {', '.join(exc.recipients)}", permanent=True) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise PublishError(f"publish: SMTP {host}:{port}: {exc}") from exc
    return [r for r in recipients if r not in refused]


def sign_webhook(body: bytes, *, secret: str, timestamp: int) -> str:
    """Return the ``X-Newsbrief-Signature`` value of a webhook body: ``sha256=<hex>``.

    :param body: the raw request body.
    :param secret: the shared key.
    :param timestamp: the ``X-Newsbrief-Timestamp`` value (Unix seconds).
    """
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode("ascii") + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_webhook(body: bytes, *, secret: str, signature: str, timestamp: str, now: float | None = None,
                   tolerance: float = 300.0) -> bool:
    """Return True when a received webhook is signed with ``secret`` and recent enough.

    :param body: the raw request body, as received.
    :param secret: the shared key.
    :param signature: the ``X-Newsbrief-Signature`` header.
    :param timestamp: the ``X-Newsbrief-Timestamp`` header.
    :param now: the current Unix time (default: the clock).
    :param tolerance: the oldest (or most future) timestamp accepted, in seconds.
    """
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - stamp) > tolerance:
        return False
    return hmac.compare_digest(sign_webhook(body, secret=secret, timestamp=stamp), signature)


def post_webhook(digest: Digest, *, url: str, transport: httpx.BaseTransport | None = None, timeout: float = 30.0,
                 secret: str = "", idempotency_key: str = "", shown_url: str = "", now: float | None = None) -> int:
    """POST the digest's JSON (schema ``newsbrief.digest/1``) to ``url``; return the status.

    :param digest: the digest.
    :param url: the webhook endpoint.
    :param transport: httpx transport for tests.
    :param timeout: request timeout in seconds.
    :param secret: when set, sign the body (``X-Newsbrief-Signature``, ``X-Newsbrief-Timestamp``).
    :param idempotency_key: sent as ``Idempotency-Key``, the same on every retry.
    :param shown_url: the URL as errors may show it (default: ``url``).
    :param now: the Unix time put in the timestamp (default: the clock).
    """
    shown = shown_url or url
    body = json.dumps(digest_to_dict(digest), ensure_ascii=False).encode("utf-8")
    headers = {"User-Agent": "newsbrief", "Content-Type": "application/json"}
    if secret:
        stamp = int(time.time() if now is None else now)
        headers[TIMESTAMP_HEADER] = str(stamp)
        headers[SIGNATURE_HEADER] = sign_webhook(body, secret=secret, timestamp=stamp)
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    try:
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise PublishError(f"publish: webhook {shown}: {type(exc).__name__}: {str(exc).replace(url, shown)}") from exc
    if response.status_code >= 400:
        permanent = response.status_code < 500 and response.status_code not in _RETRYABLE_STATUS
        raise PublishError(f"publish: webhook {shown} answered {response.status_code}", permanent=permanent)
    return response.status_code
