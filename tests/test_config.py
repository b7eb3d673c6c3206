from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newsbrief.config import SETTINGS, default_config_text, load_settings
from newsbrief.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_and_data_dir(tmp_path: Path) -> None:
    s = load_settings(data_dir=tmp_path, env={})
    assert s["fetch.timeout"] == 20.0
    assert s.db_path == tmp_path / "newsbrief.db"
    assert all(origin == "default" for origin in s.origins.values())


def test_file_then_env_then_flag_precedence(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[fetch]\ntimeout = 5\nconcurrency = 3\n[digest]\ninterests = ["chips"]\n')
    s = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_FETCH_CONCURRENCY": "7"})
    assert s["fetch.timeout"] == 5.0 and isinstance(s["fetch.timeout"], float)
    assert s["fetch.concurrency"] == 7 and s.origins["fetch.concurrency"] == "env"
    assert s["digest.interests"] == ["chips"]
    flagged = s.replace(**{"fetch.concurrency": 2})
    assert flagged["fetch.concurrency"] == 2 and flagged.origins["fetch.concurrency"] == "flag"


def test_env_list_and_bool(tmp_path: Path) -> None:
    s = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_DIGEST_MUTES": "crypto, celebrity", "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "yes"})
    assert s["digest.mutes"] == ["crypto", "celebrity"]
    assert s["fetch.allow_private"] is True


def test_secret_from_env_is_redacted(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[smtp]\npassword = {"$env" = "MY_SMTP_PW"}\n')
    s = load_settings(data_dir=tmp_path, env={"MY_SMTP_PW": "hunter2"})
    assert s["smtp.password"] == "hunter2"
    assert s.redacted()["smtp.password"] == "***"


def test_secret_in_clear_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[smtp]\npassword = "hunter2"\n')
    with pytest.raises(ConfigError, match="smtp.password is a secret"):
        load_settings(data_dir=tmp_path, env={})


def test_missing_env_secret_names_variable(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[smtp]\npassword = {"$env" = "NOPE_VAR"}\n')
    with pytest.raises(ConfigError, match="NOPE_VAR"):
        load_settings(data_dir=tmp_path, env={})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch]\ntimeout = 'soon'\n", "fetch.timeout"),
        ("[fetch]\nbogus = 1\n", "unknown setting 'fetch.bogus'"),
        ("timeout = 1\n", r"must be a \[section\]"),
        ("[fetch\n", "config.toml"),
    ],
)
def test_bad_file_gives_one_line_error(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "config.toml").write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(data_dir=tmp_path, env={})
    assert "\n" not in str(info.value)


def test_explicit_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(data_dir=tmp_path, config_file=tmp_path / "nope.toml", env={})


def test_default_config_text_is_valid_toml_listing_every_setting() -> None:
    text = default_config_text()
    tomllib.loads(text)
    for s in SETTINGS:
        assert f"# {s.name.split('.', 1)[1]} = " in text


def test_every_setting_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert not missing, f"settings missing from README: {missing}"


def test_choices_are_enforced(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cluster.granularity in NEWSBRIEF_CLUSTER_GRANULARITY must be one of event, storyline"):
        load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_GRANULARITY": "topic"})
