"""[deliveries.NAME] tables: checked on load with one-line errors, listed and shown with secrets hidden."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.config import load_settings
from newsbrief.deliveries import shown_address
from newsbrief.errors import ConfigError

GOOD = """
[digest]
minutes = 9

[deliveries.morning]
to = "mailto:ana@example.org,ben@example.org"
at = "07:00"
timezone = "Europe/Paris"
minutes = 5
interests = ["battery"]
mutes = ["football"]

[deliveries.team]
to = "https://hooks.example.org/services/T000/B000/XXXXSECRETXXXX"
secret = {"$env" = "HOOK_SECRET"}
at = "08:30"
timezone = "America/New_York"

[deliveries.chat]
to = "json://chatuser:chatpassword@127.0.0.1:9/notify"
at = "06:15"
"""


def settings_from(tmp_path: Path, text: str, env: dict[str, str] | None = None):
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    return load_settings(data_dir=tmp_path, env=env if env is not None else {"HOOK_SECRET": "hook-secret-value"})


def test_deliveries_load_with_channel_schedule_and_options(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, GOOD)
    morning, team, chat = settings.deliveries
    assert (morning.name, morning.channel, morning.at, morning.timezone) == ("morning", "email", dt.time(7), "Europe/Paris")
    assert morning.recipients() == ["ana@example.org", "ben@example.org"]
    assert morning.digest_overrides() == {"digest.interests": ["battery"], "digest.mutes": ["football"], "digest.minutes": 5}
    assert (team.channel, team.secret, team.digest_overrides()) == ("webhook", "hook-secret-value", {})
    assert (chat.channel, chat.timezone) == ("apprise", "UTC")
    assert settings["digest.minutes"] == 9  # the [digest] section is read as before
    assert settings.replace(**{"deliver.catch_up": "all"}).deliveries == settings.deliveries


@pytest.mark.parametrize(("table", "message"), [
    ('to = "mailto:a@example.org"\nat = "7am"', r"^config: deliveries\.d\.at must be a local time of day like \"07:00\", got '7am'$"),
    ('to = "mailto:a@example.org"\nat = "07:00"\ntimezone = "Europe/Pariss"',
     r"^config: deliveries\.d\.timezone: unknown IANA time zone 'Europe/Pariss'"),
    ('at = "07:00"', r"^config: deliveries\.d\.to is missing"),
    ('to = "mailto:not-an-address"\nat = "07:00"', r"^config: deliveries\.d\.to: 'not-an-address' is not an email address$"),
    ('to = "mailto:a@example.org"\nat = "07:00"\ntz = "UTC"', r"^config: deliveries\.d\.tz is not a delivery key \(keys: to, at,"),
    ('to = "https://h.example.org/x"\nat = "07:00"\nsecret = "plain"', r"^config: deliveries\.d\.secret is a secret; put"),
    ('to = "https://h.example.org/x"\nat = "07:00"\nsecret = {"$env" = "MISSING_SECRET"}',
     r"^config: deliveries\.d\.secret refers to environment variable MISSING_SECRET, which is not set$"),
    ('to = "mailto:a@example.org"\nat = "07:00"\nminutes = "five"', r"^config: deliveries\.d\.minutes must be a whole number"),
    ('to = "mailto:a@example.org"\nat = "07:00"\nmutes = "football"', r"^config: deliveries\.d\.mutes must be a list of strings"),
    ('to = "not a url"\nat = "07:00"', r"^config: deliveries\.d\.to: not a mailto:, http\(s\):// or Apprise URL"),
])
def test_a_bad_delivery_is_one_line_naming_the_key(tmp_path: Path, table: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        settings_from(tmp_path, f"[deliveries.d]\n{table}\n", env={})
    assert "\n" not in str(info.value)


def test_deliveries_must_be_named_tables(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^config: deliveries must be tables named \[deliveries\.NAME\]$"):
        settings_from(tmp_path, 'deliveries = ["mailto:a@example.org"]\n', env={})


def test_addresses_are_shown_without_their_tokens() -> None:
    assert shown_address("webhook", "https://hooks.example.org/services/T000/B000/XXXX?token=abc") == "https://hooks.example.org/***"
    assert shown_address("webhook", "http://127.0.0.1:8080/") == "http://127.0.0.1:8080/"
    assert shown_address("email", "ana@example.org") == "ana@example.org"
    chat = shown_address("apprise", "json://chatuser:chatpassword@127.0.0.1:9/notify")
    assert "chatpassword" not in chat and chat.startswith("json://")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    runner = CliRunner()
    assert runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), "init"]).exit_code == 0
    (tmp_path / "data" / "config.toml").write_text(GOOD, encoding="utf-8")
    return tmp_path / "data"


def test_config_show_and_deliveries_list_hide_secrets(data_dir: Path) -> None:
    runner = CliRunner()
    env = {"HOOK_SECRET": "hook-secret-value"}
    shown = runner.invoke(cli, ["--data-dir", str(data_dir), "config", "show", "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    listed = runner.invoke(cli, ["--data-dir", str(data_dir), "deliveries", "--json"], env=env)
    table = runner.invoke(cli, ["--data-dir", str(data_dir), "deliveries"], env=env)
    text = runner.invoke(cli, ["--data-dir", str(data_dir), "config", "show"], env=env)
    for out in (shown.output, listed.output, table.output, text.output):
        for secret in ("hook-secret-value", "XXXXSECRETXXXX", "chatpassword"):
            assert secret not in out
    data = json.loads(shown.output)["deliveries"]
    assert [d["name"] for d in data] == ["morning", "team", "chat"]
    assert data[1]["to"] == ["https://hooks.example.org/***"] and data[1]["secret"] == "***"
    rows = json.loads(listed.output)
    assert rows[0]["to"] == ["ana@example.org", "ben@example.org"] and rows[0]["timezone"] == "Europe/Paris"
    assert dt.datetime.fromisoformat(rows[0]["next"]).astimezone(dt.timezone.utc).minute == 0
    assert "morning" in table.output and "Europe/Paris" in table.output


def test_a_bad_delivery_stops_the_cli_with_one_line(data_dir: Path) -> None:
    (data_dir / "config.toml").write_text('[deliveries.x]\nto = "mailto:a@example.org"\nat = "25:00"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "deliveries"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: config: deliveries.x.at must be a local time of day like \"07:00\", got '25:00'"]
