"""Every setting's type and range is checked on load; a bad value is one line naming key, origin, value and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.config import SETTING_RULES, SETTINGS, load_settings, validate
from newsbrief.errors import ConfigError

# (config file text, the rest of the one-line error after "<key> in <file> line 2 must be ")
FILE_CASES = [
    ('[digest]\nsource_weights = {"x" = "high"}\n', "digest.source_weights",
     "a table of host = weight with finite weights >= 0, got x = 'high'"),
    ('[digest]\nsource_weights = {"a.example" = -3}\n', "digest.source_weights",
     "a table of host = weight with finite weights >= 0, got a.example = -3"),
    ("[fetch]\ntimeout = nan\n", "fetch.timeout", "a finite number > 0, got nan"),
    ("[fetch]\nconnect_timeout = inf\n", "fetch.connect_timeout", "a finite number > 0, got inf"),
    ("[fetch]\ntimeout = 0\n", "fetch.timeout", "a finite number > 0, got 0.0"),
    ("[fetch]\nconcurrency = -4\n", "fetch.concurrency", "an integer >= 1, got -4"),
    ("[fetch]\nconcurrency = 2.5\n", "fetch.concurrency", "an integer, got 2.5"),
    ("[fetch]\nper_host_concurrency = true\n", "fetch.per_host_concurrency", "an integer, got True"),
    ("[fetch]\npoll_interval = -60\n", "fetch.poll_interval", "a finite number > 0, got -60.0"),
    ("[fetch]\nper_host_interval = -1.5\n", "fetch.per_host_interval", "a finite number >= 0, got -1.5"),
    ("[fetch]\nmax_redirects = -1\n", "fetch.max_redirects", "an integer >= 0, got -1"),
    ('[fetch]\nproxy = "proxy.example:3128"\n', "fetch.proxy",
     "empty or a proxy URL such as http://proxy.example:3128, got 'proxy.example:3128'"),
    ('[fetch]\nuser_agent = "bot\\r\\nX-Extra: 1"\n', "fetch.user_agent",
     "one line of text without control characters, got 'bot\\r\\nX-Extra: 1'"),
    ('[fetch]\nfull_text = "sometimes"\n', "fetch.full_text", "true or false, got 'sometimes'"),
    ('[cluster]\ngranularity = "topic"\n', "cluster.granularity", "one of event, storyline, got 'topic'"),
    ("[cluster]\nwindow_days = -2\n", "cluster.window_days", "an integer >= 0, got -2"),
    ("[digest]\nsentences = 0\n", "digest.sentences", "an integer >= 1, got 0"),
    ("[digest]\ninterests = [1, 2]\n", "digest.interests", "a list of strings, got 1"),
    ("[digest]\nmax_article_chars = -1\n", "digest.max_article_chars", "an integer >= 0, got -1"),
    ('[web]\nbase_url = "javascript:alert(1)"\n', "web.base_url",
     "empty or an http(s) URL such as https://news.example/, got 'javascript:alert(1)'"),
    ("[smtp]\nport = 70000\n", "smtp.port", "a port number from 1 to 65535, got 70000"),
    ('[smtp]\nsender = "me"\n', "smtp.sender", "empty or an email address, got 'me'"),
    ('[smtp]\nrecipients = ["ops@example.org", "bob"]\n', "smtp.recipients", "a list of email addresses, got 'bob'"),
]
# (environment variable, value, setting, the rest of the error after "must be ")
ENV_CASES = [
    ("NEWSBRIEF_FETCH_TIMEOUT", "nan", "fetch.timeout", "a finite number > 0, got nan"),
    ("NEWSBRIEF_FETCH_CONCURRENCY", "-2", "fetch.concurrency", "an integer >= 1, got -2"),
    ("NEWSBRIEF_FETCH_MAX_REDIRECTS", "many", "fetch.max_redirects", "an integer, got 'many'"),
    ("NEWSBRIEF_DIGEST_SOURCE_WEIGHTS", '{"a.example": "high"}', "digest.source_weights",
     "a table of host = weight with finite weights >= 0, got a.example = 'high'"),
    ("NEWSBRIEF_FETCH_POLL_INTERVAL", "-inf", "fetch.poll_interval", "a finite number > 0, got -inf"),
]


def _run(data: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], env=env, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize(("text", "key", "expected"), FILE_CASES)
def test_bad_file_value_is_one_line_naming_key_file_line_and_expectation(
    tmp_path: Path, text: str, key: str, expected: str,
) -> None:
    (tmp_path / "config.toml").write_text("# settings\n" + text, encoding="utf-8")
    code, output = _run(tmp_path, "sources", "list")
    assert code == 1
    assert output.splitlines() == [f"Error: config: {key} in {tmp_path / 'config.toml'} line 3 must be {expected}"]


@pytest.mark.parametrize(("var", "value", "key", "expected"), ENV_CASES)
def test_bad_environment_value_is_one_line_naming_the_variable(
    tmp_path: Path, var: str, value: str, key: str, expected: str,
) -> None:
    code, output = _run(tmp_path, "digest", env={var: value})
    assert code == 1
    assert output.splitlines() == [f"Error: config: {key} in {var} must be {expected}"]


@pytest.mark.parametrize(("args", "message"), [
    (["sources", "add", "--no-check", "http://a.example/feed", "--weight", "-3"],
     "Invalid value for '--weight': must be a finite number >= 0, got -3.0"),
    (["sources", "add", "--no-check", "http://a.example/feed", "--weight", "nan"],
     "Invalid value for '--weight': must be a finite number >= 0, got nan"),
    (["sources", "add", "--no-check", "http://a.example/feed", "--weight", "inf"],
     "Invalid value for '--weight': must be a finite number >= 0, got inf"),
    (["run", "--once", "--interval", "0"], "Invalid value for '--interval': must be a finite number > 0, got 0.0"),
    (["run", "--once", "--interval", "nan"], "Invalid value for '--interval': must be a finite number > 0, got nan"),
])
def test_bad_flag_is_a_usage_error(tmp_path: Path, args: list[str], message: str) -> None:
    code, output = _run(tmp_path, *args)
    assert code == 2
    assert output.splitlines()[-1] == f"Error: {message}"
    assert not (tmp_path / "newsbrief.db").exists()


def test_bad_digest_minutes_flag_is_one_line(tmp_path: Path) -> None:
    assert _run(tmp_path, "init")[0] == 0
    code, output = _run(tmp_path, "digest", "--minutes", "-5")
    assert code == 1
    assert output.splitlines() == ["Error: config: digest.minutes in override must be an integer >= 0, got -5"]


def test_every_setting_has_a_rule_and_its_default_passes_it(tmp_path: Path) -> None:
    assert set(SETTING_RULES) == {s.name for s in SETTINGS}
    for s in SETTINGS:
        assert validate(s, s.default) == "", s.name
    load_settings(data_dir=tmp_path, env={})


@pytest.mark.parametrize(("key", "value"), [
    ("fetch.proxy", "http://user:pw@proxy.example:3128"), ("fetch.proxy", "socks5://127.0.0.1:1080"),
    ("web.base_url", "https://news.example/brief/"), ("digest.source_weights", {"a.example": 0, "b.example": 2.5}),
    ("smtp.recipients", ["ops@example.org"]), ("digest.max_article_chars", 0), ("fetch.per_host_interval", 0.0),
])
def test_good_values_pass(key: str, value: object) -> None:
    setting = next(s for s in SETTINGS if s.name == key)
    assert validate(setting, value) == ""


def test_settings_replace_is_validated(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, env={})
    with pytest.raises(ConfigError, match="fetch.concurrency in override must be an integer >= 1, got 0"):
        settings.replace(**{"fetch.concurrency": 0})


def test_rank_weights_name_known_parts_only() -> None:
    from newsbrief.config import RANK_PARTS, load_settings
    from newsbrief.digest.rank import WEIGHTS

    assert set(RANK_PARTS) == set(WEIGHTS)
    assert load_settings(env={"NEWSBRIEF_DIGEST_RANK_WEIGHTS": '{"magnitude": 3}'})["digest.rank_weights"] == {"magnitude": 3}
    with pytest.raises(ConfigError, match="digest.rank_weights .* got the part 'magnitud'"):
        load_settings(env={"NEWSBRIEF_DIGEST_RANK_WEIGHTS": '{"magnitud": 3}'})
