from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newsbrief.config import SETTINGS, default_config_text, load_settings, redact_value
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


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("fetch.proxy", "http://alice:pr0xy-pw@proxy.example:3128", "http://alice:***@proxy.example:3128"),
        ("fetch.proxy", "socks5://alice:pr0xy-pw@10.0.0.2:1080/", "socks5://alice:***@10.0.0.2:1080/"),
        ("fetch.proxy", "http://ghp_tokenonly@proxy.example:3128", "http://***@proxy.example:3128"),
        ("fetch.proxy", "http://proxy.example:3128", "http://proxy.example:3128"),
        ("fetch.proxy", "", ""),
        ("web.base_url", "https://x.example/news?api_key=k3y&lang=en", "https://x.example/news?api_key=***&lang=en"),
        ("smtp.recipients", ["a@example.org", "https://u:pw@hook.example/"], ["a@example.org", "https://u:***@hook.example/"]),
        ("plugins.api_token", "t0ken", "***"),
        ("plugins.client_secret", "s3cret", "***"),
        ("plugins.credentials", {"user": "x"}, "***"),
        ("plugins.headers", {"Authorization": "Bearer t", "Accept": "text/html"}, {"Authorization": "***", "Accept": "text/html"}),
        ("digest.source_weights", {"key.example.com": 1.5}, {"key.example.com": 1.5}),
        ("fetch.user_agent", "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)",
         "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)"),
        ("digest.title", "Monkey business", "Monkey business"),
    ],
)
def test_redact_value_hides_credentials_and_keeps_shape(name: str, value: object, shown: object) -> None:
    assert redact_value(name, value) == shown


def test_redacted_hides_proxy_credentials_from_every_layer(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[fetch]\nproxy = "http://alice:pr0xy-pw@proxy.example:3128"\n')
    from_file = load_settings(data_dir=tmp_path, env={})
    assert from_file["fetch.proxy"] == "http://alice:pr0xy-pw@proxy.example:3128"  # used as given
    assert from_file.redacted()["fetch.proxy"] == "http://alice:***@proxy.example:3128"
    from_env = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_FETCH_PROXY": "http://bob:other-pw@p:8080"})
    assert from_env.redacted()["fetch.proxy"] == "http://bob:***@p:8080"
    flagged = from_env.replace(**{"fetch.proxy": "http://carol:flag-pw@p:8080"})
    assert "flag-pw" not in repr(flagged.redacted())
    assert set(from_file.redacted()) == {s.name for s in SETTINGS}


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
