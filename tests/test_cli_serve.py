"""``serve`` warns when it binds beyond loopback, and hashes the admin password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.cli.digest_commands import is_loopback_host
from newsbrief.web.auth import AdminPassword


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
    assert exposed.stderr.startswith("warning: 0.0.0.0 is not a loopback address: anyone who can reach this port can "
                                     "read every digest and source")
    assert "reverse proxy with HTTPS (docs/reverse-proxy.md)" in exposed.stderr
    assert len(exposed.stderr.splitlines()) == 1
    local = newsbrief_cli("serve", "--host", "127.0.0.1")
    assert local.exit_code == 0 and local.stderr == "" and len(calls) == 2


def test_hash_password_prints_a_hash_that_signs_in(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path), "serve", "--hash-password"],
                                input="s3cret pass\ns3cret pass\n")
    assert result.exit_code == 0, result.output
    printed = result.stdout.strip().splitlines()[-1]
    assert printed.startswith("scrypt$") and "s3cret" not in result.stdout
    assert AdminPassword(printed).check("s3cret pass") and not AdminPassword(printed).check("other")
