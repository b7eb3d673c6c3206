"""``serve`` warns when it binds beyond loopback: there is no authentication."""

from __future__ import annotations

from typing import Any

import pytest

import newsbrief.cli  # noqa: F401 - the entry module loads cli_digest in its order
from newsbrief.cli_digest import is_loopback_host


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True),
                                            ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("::", False),
                                            ("192.168.1.20", False), ("10.0.0.1", False), ("localhost.", True)])
def test_is_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.sqlite_only
def test_serve_warns_when_bound_beyond_loopback(newsbrief_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("newsbrief.web.serve", lambda app, **kw: calls.append(kw))
    newsbrief_cli("init")
    exposed = newsbrief_cli("serve", "--host", "0.0.0.0", "--port", "8765")
    assert exposed.exit_code == 0 and calls[-1] == {"host": "0.0.0.0", "port": 8765, "ready": calls[-1]["ready"]}
    assert exposed.stderr.startswith("warning: 0.0.0.0 is not a loopback address and newsbrief has no authentication")
    assert "reverse proxy with authentication" in exposed.stderr and "setting" in exposed.stderr
    assert len(exposed.stderr.splitlines()) == 1
    local = newsbrief_cli("serve", "--host", "127.0.0.1")
    assert local.exit_code == 0 and local.stderr == "" and len(calls) == 2
