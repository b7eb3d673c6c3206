"""Send one digest to one recipient of a delivery, in the format its channel suits.

- email: the HTML + plain-text message of :func:`newsbrief.deliver.publish.send_email`, one message
  per address, through the ``[smtp]`` server, with a Message-ID fixed per digest and address;
- webhook: the digest's JSON, signed, with an ``Idempotency-Key`` (:func:`newsbrief.deliver.publish.post_webhook`);
- chat (any Apprise URL): the lede and the top headlines with their links as plain text,
  split at line breaks into messages no longer than the service accepts (:func:`chat_messages`).

Apprise is the optional extra ``deliver``; without it a chat delivery fails with the install hint.
"""

from __future__ import annotations

import logging
import textwrap
from typing import Any, Mapping

import httpx

from newsbrief.deliveries import Delivery, shown_address
from newsbrief.errors import PublishError
from newsbrief.model import Digest
from newsbrief.render import safe_url
from newsbrief.ingest.sanitize import strip_control_chars

__all__ = ["APPRISE_HINT", "chat_messages", "send_chat", "send_to"]

APPRISE_HINT = "chat deliveries need Apprise: pip install 'newsbrief[deliver]'"


def _scrub(text: str, secrets: list[str], shown: str) -> str:
    """Replace every secret (the full address and its parts) in an error text by the shown address."""
    out = " ".join(strip_control_chars(text).split())
    for secret in sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True):
        out = out.replace(secret, shown)
    return out


def chat_messages(digest: Digest, *, limit: int, title_in_body: bool = False) -> list[str]:
    """Return the digest as chat text: the lede, then the top headlines each with its link.

    Lines are packed into messages of at most ``limit`` characters, split only between
    blocks (the lede, one headline and its link); a block longer than ``limit`` is wrapped.

    :param digest: the digest.
    :param limit: the channel's largest message, in characters.
    :param title_in_body: start the first message with the title (channels without titles).
    """
    limit = max(limit, 40)
    blocks: list[str] = []
    if title_in_body:
        blocks.append(f"{digest.title} ({digest.date.isoformat()})")
    lede = " ".join(s.text for s in digest.lede)
    if lede:
        blocks.append(lede)
    stories = next((sec for sec in digest.sections if sec.kind == "stories"), None)
    items = stories.items if stories else ()
    for n, item in enumerate(items, 1):
        url = next((safe_url(u) for _, _, u in item.sources if safe_url(u)), "")
        blocks.append(f"{n}. {item.headline}" + (f"\n{url}" if url else ""))
    more = (len(stories.more) if stories else 0) + sum(len(s.items) + len(s.more) for s in digest.sections if s.kind == "short")
    if more:
        blocks.append(f"And {more} more stories.")
    if not items and not lede:
        blocks.append("No stories today.")
    parts: list[str] = []
    current = ""
    for block in (strip_control_chars(b) for b in blocks):
        pieces = [block] if len(block) <= limit else textwrap.wrap(block, limit, break_long_words=True,
                                                                   replace_whitespace=False)
        for piece in pieces:
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) <= limit:
                current = joined
            else:
                parts.append(current)
                current = piece
    if current:
        parts.append(current)
    return parts


def send_chat(digest: Digest, *, url: str) -> int:
    """Send the digest's chat text to an Apprise URL; return how many messages were sent.

    :param digest: the digest.
    :param url: the Apprise URL (``tgram://...``, ``slack://...``, ``json://host/path`` ...).
    """
    shown = shown_address("apprise", url)
    try:
        import apprise
    except ImportError as exc:
        raise PublishError(f"publish: {shown}: {APPRISE_HINT}", permanent=True) from exc
    plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
    if not plugin:
        raise PublishError(f"publish: {shown}: not a URL Apprise can send to", permanent=True)
    with_title = int(getattr(plugin, "title_maxlen", 0) or 0) > 0
    parts = chat_messages(digest, limit=int(getattr(plugin, "body_maxlen", 0) or 4000), title_in_body=not with_title)
    secrets = [url, url.split("://", 1)[-1], *url.split("://", 1)[-1].split("/")]
    for part in parts:
        with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as log:  # type: ignore[no-untyped-call,unused-ignore]
            ok = plugin.notify(body=part, title=digest.title if with_title else "", body_format=apprise.NotifyFormat.TEXT)
            lines = [line for line in log.getvalue().splitlines() if line.strip()]
        if not ok:
            reason = _scrub(lines[-1], secrets, shown) if lines else "the service did not accept the message"
            raise PublishError(f"publish: {shown}: {reason}")
    return len(parts)


def send_to(delivery: Delivery, address: str, digest: Digest, *, settings: Mapping[str, Any], idempotency_key: str,
            transport: httpx.BaseTransport | None = None) -> None:
    """Send ``digest`` to one full ``address`` of ``delivery`` on its channel.

    :param delivery: the delivery.
    :param address: one of ``delivery.recipients()``.
    :param digest: the digest, built with the delivery's options.
    :param settings: resolved settings (``smtp.*`` for email, ``webhook.secret``).
    :param idempotency_key: the same for every attempt of this digest to this address.
    :param transport: httpx transport for webhook tests.
    :raises PublishError: one line, secrets removed; ``permanent`` when a retry cannot help.
    """
    if delivery.channel == "email":
        from newsbrief.deliver.publish import send_email

        smtp = {k[len("smtp."):]: v for k, v in settings.items() if k.startswith("smtp.")}
        smtp["recipients"] = [address]
        domain = str(smtp.get("sender") or "newsbrief.local").rpartition("@")[2] or "newsbrief.local"
        send_email(digest, smtp=smtp, message_id=f"<{idempotency_key}@{domain}>")
    elif delivery.channel == "webhook":
        from newsbrief.deliver.publish import post_webhook

        secret = delivery.secret or str(settings.get("webhook.secret") or "")
        post_webhook(digest, url=address, transport=transport, secret=secret, idempotency_key=idempotency_key,
                     shown_url=shown_address("webhook", address))
    else:
        send_chat(digest, url=address)
