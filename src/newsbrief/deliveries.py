"""Named deliveries (subscriptions) from the ``[deliveries.NAME]`` tables of the config file.

Each delivery sends the digest to one channel at a local time of day::

    [deliveries.morning]
    to = "mailto:ana@example.org,ben@example.org"   # email, through the [smtp] server
    at = "07:00"
    timezone = "Europe/Paris"
    minutes = 5                                      # digest options; default: the [digest] settings
    interests = ["battery", "chips"]
    mutes = ["football"]

    [deliveries.team]
    to = "https://hooks.example.org/newsbrief"       # a webhook: the digest's JSON, signed
    secret = {"$env" = "NEWSBRIEF_HOOK_SECRET"}       # default: webhook.secret
    at = "08:30"
    timezone = "America/New_York"

    [deliveries.chat]
    to = "tgram://BOT_TOKEN/CHAT_ID"                 # any other scheme: an Apprise URL (extra `deliver`)
    at = "07:30"

The channel follows from ``to``: ``mailto:`` is email, ``http(s)://`` a webhook, anything
else an Apprise URL. Each table is checked when the config is loaded; an error is one line
naming the key (``config: deliveries.morning.timezone: unknown time zone 'Europe/Pariss'``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import unquote, urlsplit

from .errors import ConfigError

__all__ = ["CHANNELS", "Delivery", "parse_deliveries", "shown_address"]

CHANNELS = ("email", "webhook", "apprise")
_KEYS = ("to", "at", "timezone", "interests", "mutes", "minutes", "secret")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_EMAIL = re.compile(r"^[^@\s,]+@[^@\s,]+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True, slots=True)
class Delivery:
    """One subscription: where the digest goes, when, and with which digest options."""

    name: str
    to: str = field(repr=False)  # the full address; may hold tokens, never shown
    channel: str
    at: dt.time
    timezone: str = "UTC"
    interests: tuple[str, ...] | None = None
    mutes: tuple[str, ...] | None = None
    minutes: int | None = None
    secret: str = field(default="", repr=False)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def recipients(self) -> list[str]:
        """Return the full addresses sent to: each address of a ``mailto:``, else ``to`` itself."""
        if self.channel == "email":
            return [unquote(a).strip() for a in self.to[len("mailto:"):].split("?")[0].split(",") if a.strip()]
        return [self.to]

    def digest_overrides(self) -> dict[str, Any]:
        """Return the ``digest.*`` settings this delivery changes (empty: the day's shared digest)."""
        out: dict[str, Any] = {}
        if self.interests is not None:
            out["digest.interests"] = list(self.interests)
        if self.mutes is not None:
            out["digest.mutes"] = list(self.mutes)
        if self.minutes is not None:
            out["digest.minutes"] = self.minutes
        return out

    def shown(self) -> dict[str, Any]:
        """Return the delivery as it may be printed: addresses with their secrets hidden."""
        return {"name": self.name, "channel": self.channel,
                "to": [shown_address(self.channel, r) for r in self.recipients()],
                "at": self.at.strftime("%H:%M"), "timezone": self.timezone,
                "interests": list(self.interests) if self.interests is not None else None,
                "mutes": list(self.mutes) if self.mutes is not None else None,
                "minutes": self.minutes, "secret": "***" if self.secret else ""}


def recipient_key(address: str) -> str:
    """Return a stable key for one full address (the send log never stores the address itself)."""
    return hashlib.sha256(address.encode("utf-8")).hexdigest()[:32]


def shown_address(channel: str, address: str) -> str:
    """Return an address as it may be shown: an email address as is, a URL with its secrets hidden.

    A webhook keeps its scheme and host (``https://hooks.example.org/***``): paths and queries
    of webhook URLs often carry tokens. An Apprise URL is shown in Apprise's own privacy form
    when Apprise is installed, else as ``scheme://***``.

    :param channel: ``email``, ``webhook`` or ``apprise``.
    :param address: the full address.
    """
    if channel == "email":
        return address
    if channel == "webhook":
        parts = urlsplit(address)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        tail = "/***" if (parts.path.strip("/") or parts.query) else "/"
        return f"{parts.scheme}://{host}{port}{tail}"
    scheme = (_SCHEME.match(address) or re.match(r"^([^:]*)", address))
    prefix = scheme.group(1) if scheme else ""
    try:
        import apprise

        plugin = apprise.Apprise.instantiate(address, suppress_exceptions=True)
        if plugin:
            return str(plugin.url(privacy=True)).split("?")[0]  # type: ignore[no-untyped-call,unused-ignore]
    except ImportError:
        pass
    return f"{prefix}://***"


def _channel(to: str) -> str:
    if to.lower().startswith("mailto:"):
        return "email"
    if to.lower().startswith(("http://", "https://")):
        return "webhook"
    return "apprise"


def _resolve(value: Any, where: str, env: Mapping[str, str]) -> Any:
    if isinstance(value, dict) and set(value) == {"$env"}:
        name = value["$env"]
        if name not in env:
            raise ConfigError(f"config: {where} refers to environment variable {name}, which is not set")
        return env[name]
    return value


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"config: {where} must be a list of strings, got {value!r}")
    return tuple(value)


def _one(name: str, table: Any, env: Mapping[str, str]) -> Delivery:
    where = f"deliveries.{name}"
    if not _NAME.match(name):
        raise ConfigError(f"config: {where}: a delivery name has letters, digits, '-' and '_' only")
    if not isinstance(table, dict):
        raise ConfigError(f"config: {where} must be a table ([deliveries.{name}])")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"config: {where}.{unknown[0]} is not a delivery key (keys: {', '.join(_KEYS)})")
    to = _resolve(table.get("to", ""), f"{where}.to", env)
    if not isinstance(to, str) or not to.strip():
        raise ConfigError(f"config: {where}.to is missing: a mailto:, http(s):// or Apprise URL")
    to = to.strip()
    channel = _channel(to)
    if channel == "email":
        addresses = [unquote(a).strip() for a in to[len("mailto:"):].split("?")[0].split(",") if a.strip()]
        bad = [a for a in addresses if not _EMAIL.match(a)]
        if not addresses or bad:
            raise ConfigError(f"config: {where}.to: {bad[0] if bad else to!r} is not an email address")
    elif channel == "apprise" and not _SCHEME.match(to):
        raise ConfigError(f"config: {where}.to: not a mailto:, http(s):// or Apprise URL (scheme://...)")
    elif channel == "webhook" and not urlsplit(to).hostname:
        raise ConfigError(f"config: {where}.to: the webhook URL has no host")
    at_text = table.get("at", "")
    try:
        hours, minutes = str(at_text).split(":")
        at = dt.time(int(hours), int(minutes))
    except ValueError as exc:
        raise ConfigError(f"config: {where}.at must be a local time of day like \"07:00\", got {at_text!r}") from exc
    tz = table.get("timezone", "UTC")
    try:
        if not isinstance(tz, str):
            raise ValueError(tz)
        zoneinfo.ZoneInfo(tz)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError) as exc:
        raise ConfigError(f"config: {where}.timezone: unknown IANA time zone {tz!r} (e.g. \"Europe/Paris\")") from exc
    secret_raw = table.get("secret", "")
    if isinstance(secret_raw, str) and secret_raw:
        raise ConfigError(f'config: {where}.secret is a secret; put {{"$env" = "NAME"}} in the file, not the value')
    secret = _resolve(secret_raw, f"{where}.secret", env)
    if secret and channel != "webhook":
        raise ConfigError(f"config: {where}.secret only applies to webhooks (http:// or https:// in `to`)")
    minutes_value = table.get("minutes")
    if minutes_value is not None and (isinstance(minutes_value, bool) or not isinstance(minutes_value, int) or minutes_value < 0):
        raise ConfigError(f"config: {where}.minutes must be a whole number of minutes, got {minutes_value!r}")
    return Delivery(
        name=name, to=to, channel=channel, at=at, timezone=tz,
        interests=_words(table["interests"], f"{where}.interests") if "interests" in table else None,
        mutes=_words(table["mutes"], f"{where}.mutes") if "mutes" in table else None,
        minutes=minutes_value, secret=str(secret or ""),
    )


def parse_deliveries(data: Any, *, env: Mapping[str, str]) -> tuple[Delivery, ...]:
    """Check and return the deliveries of the config file's ``deliveries`` table.

    :param data: the parsed ``[deliveries]`` value (a table of tables, one per name).
    :param env: the environment, for ``{"$env" = "NAME"}`` values.
    :raises ConfigError: one line naming the first bad key.
    """
    if not isinstance(data, dict):
        raise ConfigError("config: deliveries must be tables named [deliveries.NAME]")
    return tuple(_one(str(name), table, env) for name, table in data.items())
