"""Signing in to ``newsbrief serve``: the admin password (scrypt-hashed), CSRF tokens and the login rate limit.

The password comes from ``web.admin_password`` (usually ``NEWSBRIEF_WEB_ADMIN_PASSWORD`` in
the environment). It may be given as an scrypt hash (``newsbrief serve --hash-password``
prints one), which is what a config file should hold; a plain value is hashed when the app
starts and only the hash is kept. The same password, sent as ``Authorization: Bearer ...``,
authenticates API clients; a browser signs in once and then carries a session cookie
(HttpOnly, SameSite=Strict, Secure unless ``web.secure_cookies`` is off) and sends the
session's CSRF token with every form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

__all__ = ["LOGIN_ATTEMPTS", "LOGIN_WINDOW", "AdminPassword", "LoginLimiter", "hash_password", "new_token",
           "same_token", "safe_next"]

_N, _R, _P = 2**14, 8, 1
LOGIN_ATTEMPTS = 5
"""Failed sign-ins one client may make within :data:`LOGIN_WINDOW` seconds before it gets 429s."""
LOGIN_WINDOW = 300.0


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p + 2), dklen=32)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """Return ``scrypt$n$r$p$salt$hash`` for a password (a random salt unless given).

    :param password: the password.
    :param salt: 16 bytes of salt (tests pin it).
    """
    salt = salt if salt is not None else secrets.token_bytes(16)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(_scrypt(password, salt, _N, _R, _P))}"


def is_hash(value: str) -> bool:
    """Whether ``value`` looks like a hash made by :func:`hash_password`.

    :param value: a configured password or hash.
    """
    parts = value.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(x.isdigit() for x in parts[1:4])


class AdminPassword:
    """The admin password, kept only as its scrypt hash."""

    def __init__(self, configured: str) -> None:
        """Hash a plain password now, or keep a given hash.

        :param configured: ``web.admin_password``: empty (no sign-in), a hash, or a plain password.
        """
        configured = configured.strip()
        self.hash = configured if not configured or is_hash(configured) else hash_password(configured)

    @property
    def enabled(self) -> bool:
        """Whether a password is set (without one nobody can sign in, so nothing can be changed)."""
        return bool(self.hash)

    def check(self, password: str) -> bool:
        """Return whether ``password`` is the admin password (in constant time).

        :param password: what the client sent.
        """
        if not self.hash or not password:
            return False
        _, n, r, p, salt, digest = self.hash.split("$")
        return hmac.compare_digest(_scrypt(password, _unb64(salt), int(n), int(r), int(p)), _unb64(digest))


class LoginLimiter:
    """At most ``attempts`` failed sign-ins per client within ``window`` seconds."""

    def __init__(self, *, attempts: int = LOGIN_ATTEMPTS, window: float = LOGIN_WINDOW) -> None:
        """Start with no failures.

        :param attempts: failures allowed in the window.
        :param window: seconds a failure counts.
        """
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.setdefault(client, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, client: str) -> int:
        """Return the seconds ``client`` must wait before trying again (0: may try now).

        :param client: the client's address.
        """
        now = time.monotonic()
        with self._lock:
            times = self._recent(client, now)
            return int(times[0] + self.window - now) + 1 if len(times) >= self.attempts else 0

    def failed(self, client: str) -> None:
        """Count one failed sign-in.

        :param client: the client's address.
        """
        now = time.monotonic()
        with self._lock:
            self._recent(client, now).append(now)

    def succeeded(self, client: str) -> None:
        """Forget a client's failures.

        :param client: the client's address.
        """
        with self._lock:
            self._failures.pop(client, None)


def new_token() -> str:
    """Return a fresh random token (CSRF, session secret)."""
    return secrets.token_urlsafe(32)


def same_token(sent: str | None, expected: str | None) -> bool:
    """Compare a sent token with the expected one in constant time (both must be present).

    :param sent: from the form or header.
    :param expected: from the session.
    """
    return bool(sent) and bool(expected) and hmac.compare_digest(str(sent).encode(), str(expected).encode())


def safe_next(target: str | None) -> str:
    """Return ``target`` when it is a path on this server, else ``/`` (no open redirects).

    :param target: the ``next`` parameter of a sign-in.
    """
    if (not target or not target.startswith("/") or target.startswith("//") or "\\" in target
            or any(ord(c) < 0x21 for c in target)):
        return "/"
    return target
