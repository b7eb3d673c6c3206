"""Settings: declared once as data, layered defaults < file < environment < flags.

Every setting lives in :data:`SETTINGS` with its default, type and help text; the
commented default file written by ``newsbrief init``, ``newsbrief config show`` and the
README's config reference are all generated from that table (a test checks the README).

Secrets never sit in the file in clear: a value may be ``{"$env": "NAME"}``, resolved
from the environment at load time, and secret settings are redacted when shown.
Environment overrides are named ``NEWSBRIEF_<SECTION>_<KEY>`` (``NEWSBRIEF_FETCH_TIMEOUT``).
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import platformdirs

from .deliveries import Delivery, parse_deliveries
from .errors import ConfigError

__all__ = [
    "SETTINGS", "SETTING_RULES", "Setting", "Settings", "default_config_text", "default_data_dir",
    "load_settings", "redact_value", "validate", "value_problem",
]

APP_NAME = "newsbrief"
CONFIG_FILE = "config.toml"


@dataclass(frozen=True, slots=True)
class Setting:
    """One configurable value: dotted name, default, type and a one-line help."""

    name: str
    default: Any
    help: str
    secret: bool = False
    choices: tuple[str, ...] = ()
    env: str = ""  # its environment variable when not NEWSBRIEF_<SECTION>_<KEY>

    @property
    def type(self) -> type:
        return type(self.default) if self.default is not None else str

    @property
    def env_var(self) -> str:
        return self.env or "NEWSBRIEF_" + self.name.replace(".", "_").upper()


RANK_PARTS: tuple[str, ...] = (
    "sources", "weight", "velocity", "recency", "novelty", "interest", "corroboration", "templated", "content", "kind",
    "actors", "magnitude", "agency",
)
"""The parts of a story's ranking score (:data:`newsbrief.digest.rank.WEIGHTS`), for ``digest.rank_weights``."""

SETTINGS: tuple[Setting, ...] = (
    Setting("store.url", "", "Database: empty for the SQLite file in the data folder, or postgresql://user@host/db "
            "(env NEWSBRIEF_STORE, flag --store).", env="NEWSBRIEF_STORE"),
    Setting("fetch.user_agent", "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)", "User-Agent sent with every request."),
    Setting("fetch.timeout", 20.0, "Read timeout per request, in seconds."),
    Setting("fetch.connect_timeout", 10.0, "Connect timeout per request, in seconds."),
    Setting("fetch.max_bytes", 10_000_000, "Largest response body accepted, in bytes."),
    Setting("fetch.max_redirects", 5, "Redirects followed before giving up."),
    Setting("fetch.concurrency", 16, "Requests in flight at once."),
    Setting("fetch.per_host_concurrency", 2, "Requests in flight at once to one host."),
    Setting("fetch.per_host_interval", 1.0, "Minimum seconds between two requests to one host."),
    Setting("fetch.poll_interval", 3600.0, "Normal seconds between two polls of a healthy feed."),
    Setting("fetch.max_backoff", 86400.0, "Longest wait, in seconds, before retrying a failing feed."),
    Setting("fetch.allow_private", False, "Allow URLs on loopback/private/link-local addresses (intranets, tests)."),
    Setting("fetch.respect_robots", True, "Honour robots.txt when fetching article pages."),
    Setting("fetch.proxy", "", "HTTP proxy URL for all requests (empty: none)."),
    Setting("fetch.full_text", True, "Fetch the article page when a feed item is only a teaser."),
    Setting("cluster.embedder", "auto", "Embedding model: auto (bundled MiniLM, else lexical) or lexical.",
            choices=("auto", "minilm", "lexical")),
    Setting("cluster.granularity", "event", "What a story is: event (a recall and an earnings report stay apart) or storyline.",
            choices=("event", "storyline")),
    Setting("cluster.window_days", 3, "Days of earlier stories a new article may join."),
    Setting("cluster.ann_min_open", 10000, "Open stories from which candidates come from an HNSW index (needs the "
            "scale extra, faiss) instead of an exact search; 0: always exact."),
    Setting("engine.address", "", "Where fetch and run do the parallel stages: empty (this process), local:N (N worker "
            "processes) or a Dask scheduler such as tcp://host:8786 (flag --engine).", env="NEWSBRIEF_ENGINE"),
    Setting("digest.title", "Daily briefing", "Title printed above every digest."),
    Setting("digest.max_stories", 8, "Stories given a full section; the rest become one-liners."),
    Setting("digest.minutes", 0, "Reading-time budget in minutes for the whole digest (0: no budget)."),
    Setting("digest.max_short", 25, "One-line stories shown in brief; the rest are counted and listed on demand."),
    Setting("digest.max_roundup", 12, "Lines shown in each roundup (funding, regulation)."),
    Setting("digest.max_events", 12, "Calendar items shown, from the most important stories first."),
    Setting("digest.sentences", 4, "Summary sentences per story section."),
    Setting("digest.interests", [], "Keywords or names whose stories rank higher."),
    Setting("digest.mutes", [], "Keywords or names whose stories are left out (listed as muted)."),
    Setting("digest.source_weights", {}, "Per-host weight for ranking, e.g. {\"example.com\" = 1.5}."),
    Setting("digest.rank_weights", {}, "Weights of the ranking's parts to change, e.g. {magnitude = 3.0, sources = 2.5} "
            "(parts: " + ", ".join(RANK_PARTS) + "; `newsbrief stories --explain` shows them)."),
    Setting("digest.max_article_chars", 200_000, "Characters of one article the text stages read (0: all)."),
    Setting("digest.max_article_sentences", 1000, "Sentences of one article the text stages read (0: all)."),
    Setting("llm.mode", "off", "Write headlines, summaries and the lede with a language model behind the faithfulness guard: "
            "off (extractive only), openai (any OpenAI-compatible endpoint) or local (in process; "
            "pip install 'newsbrief[local]').", choices=("off", "openai", "local")),
    Setting("llm.base_url", "", "Endpoint base URL, e.g. http://127.0.0.1:8080/v1 (llama.cpp, vLLM, Ollama, OpenAI)."),
    Setting("llm.model", "", "Model name sent to the endpoint."),
    Setting("llm.api_key_env", "", "Name of the environment variable holding the API key (empty: no key)."),
    Setting("llm.timeout", 30.0, "Seconds one request may take before the story keeps its extractive summary."),
    Setting("llm.stream", False, "Ask for streamed (server-sent events) answers."),
    Setting("llm.token_budget", 50_000, "Tokens one digest run may spend; then stories stay extractive."),
    Setting("llm.model_path", "", "GGUF model file for llm.mode = local (empty: the Gemma 3 270M of the local extra)."),
    Setting("smtp.host", "", "SMTP server for `digest --email` (empty: email disabled)."),
    Setting("smtp.port", 587, "SMTP port."),
    Setting("smtp.username", "", "SMTP user name."),
    Setting("smtp.password", "", "SMTP password: use {\"$env\" = \"NAME\"}, never the value.", secret=True),
    Setting("smtp.sender", "", "From address of digest emails."),
    Setting("smtp.recipients", [], "Addresses that receive the digest."),
    Setting("webhook.secret", "", "HMAC-SHA256 key signing webhook bodies (X-Newsbrief-Signature): use {\"$env\" = \"NAME\"}.",
            secret=True),
    Setting("deliver.max_attempts", 5, "Attempts per recipient before a failing send is abandoned."),
    Setting("deliver.retry_after", 60.0, "Seconds before the first retry of a failed send; doubled each time."),
    Setting("deliver.catch_up", "latest", "After downtime: send only the latest missed digest, or all missed days.",
            choices=("latest", "all")),
    Setting("web.base_url", "", "Public URL of `newsbrief serve` for feed links (empty: the request's Host header)."),
    Setting("web.allowed_hosts", [], "Host names `newsbrief serve` answers besides loopback, the bind address and "
            "web.base_url's host (\"*\": any)."),
    Setting("web.admin_password", "", "Password that signs in to `newsbrief serve` to change sources and interests: "
            "an scrypt hash from `newsbrief serve --hash-password`, or {\"$env\" = \"NAME\"} (empty: nothing can be "
            "changed in the browser).", secret=True),
    Setting("web.public_read", True, "Whether anyone who reaches `newsbrief serve` may read it (false: sign in first)."),
    Setting("web.secure_cookies", True, "Send the sign-in cookie over HTTPS only (browsers also accept it on "
            "http://localhost); false only on a trusted network without TLS."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def default_data_dir() -> Path:
    """Return the per-platform data directory, or ``$NEWSBRIEF_DATA_DIR`` when set."""
    env = os.environ.get("NEWSBRIEF_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings(Mapping[str, Any]):
    """Resolved settings: a read-only mapping of dotted name to value, plus the data dir."""

    __slots__ = ("_values", "data_dir", "deliveries", "origins")

    def __init__(self, values: Mapping[str, Any], *, data_dir: Path, origins: Mapping[str, str],
                 deliveries: tuple[Delivery, ...] = ()) -> None:
        self._values = dict(values)
        self.data_dir = data_dir
        self.origins = dict(origins)
        self.deliveries = deliveries

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    @property
    def db_path(self) -> Path:
        return self.data_dir / "newsbrief.db"

    @property
    def store(self) -> str:
        """The store to open: ``store.url`` when set, else the SQLite file in the data folder."""
        return str(self["store.url"] or self.db_path)

    @property
    def config_path(self) -> Path:
        return self.data_dir / CONFIG_FILE

    def section(self, prefix: str) -> dict[str, Any]:
        """Return the settings under ``prefix.`` with the prefix stripped.

        :param prefix: section name such as ``"fetch"``.
        """
        head = prefix + "."
        return {k[len(head):]: v for k, v in self._values.items() if k.startswith(head)}

    def replace(self, **overrides: Any) -> "Settings":
        """Return a copy with dotted-name overrides (``replace(**{"fetch.proxy": "…"})``)."""
        values = dict(self._values)
        origins = dict(self.origins)
        for key, value in overrides.items():
            values[key] = _coerce(_BY_NAME[key], value, "override")
            origins[key] = "flag"
        return Settings(values, data_dir=self.data_dir, origins=origins, deliveries=self.deliveries)

    def redacted(self) -> dict[str, Any]:
        """Return the values as they may be shown: secrets and credentials replaced by ``"***"``.

        ``config show``, ``/settings`` and ``/api/settings`` all print this (see :func:`redact_value`).
        """
        return {k: redact_value(k, v, secret=_BY_NAME[k].secret) for k, v in self._values.items()}


REDACTED = "***"
# A key naming a secret: password, passwd, token, secret, key, api_key, credentials, auth...
_SECRET_KEY = re.compile(
    r"(?:^|[._-])(?:pass(?:word|wd|phrase)?|pwd|token|secret|credentials?|auth(?:orization)?|"
    r"(?:api|access|private|secret)?_?key|sig(?:nature)?)(?:$|[._-])",
    re.IGNORECASE,
)
_URL_WITH_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _redact_url(text: str) -> str:
    """Hide the password (or a lone user token) of a URL and the values of secret-looking query keys."""
    if not _URL_WITH_AUTHORITY.match(text):
        return text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}:{REDACTED}@{host}" if has_password else f"{REDACTED}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(_SECRET_KEY.search(name) for name, _ in pairs):
            query = urlencode([(n, REDACTED if _SECRET_KEY.search(n) and v else v) for n, v in pairs], safe="*")
    if netloc == parts.netloc and query == parts.query:
        return text
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_value(name: str, value: Any, *, secret: bool = False) -> Any:
    """Return a setting's value as it may be shown: the one place secrets are hidden.

    A secret setting, or a key that names a secret (``password``, ``token``, ``api_key``,
    ``secret``, ``credentials`` ...), is shown as ``"***"`` when set; a URL anywhere in the value
    keeps its shape with the credentials hidden (``http://user:***@proxy:3128``); lists and
    tables are redacted item by item, so the shape of ``--json`` output stays the same.

    :param name: the setting's dotted name, or a key inside a table value.
    :param value: the value.
    :param secret: whether the setting is declared secret.
    """
    if (secret or _SECRET_KEY.search(name.rsplit(".", 1)[-1])) and value not in ("", None, [], {}):
        return REDACTED
    if isinstance(value, str):
        return _redact_url(value)
    if isinstance(value, list):
        return [redact_value(name, item) for item in value]
    if isinstance(value, dict):
        # a dotted key is a host name (``source_weights``), not a field name
        return {k: redact_value(str(k), v) if "." not in str(k) else redact_value(name, v) for k, v in value.items()}
    return value


def _coerce(setting: Setting, value: Any, where: str, env: Mapping[str, str] | None = None, *,
            label: str | None = None) -> Any:
    """Return ``value`` converted to the setting's type and checked against its rule.

    :param where: ``"file"``, the environment variable's name or ``"override"``.
    :param label: where the value came from, for messages (default: ``where``).
    """
    env = os.environ if env is None else env
    label = label or where
    referenced = isinstance(value, dict) and set(value) == {"$env"}
    if referenced:
        name = value["$env"]
        if name not in env:
            raise ConfigError(f"config: {setting.name} refers to environment variable {name}, which is not set")
        value = env[name]
    if setting.secret and where == "file" and not referenced and isinstance(value, str) and value:
        raise ConfigError(f'config: {setting.name} is a secret; put {{"$env" = "NAME"}} in the file, not the value')
    want = setting.type
    try:
        if want is bool and isinstance(value, str):
            low = value.strip().lower()
            if low not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(value)
            return low in {"1", "true", "yes", "on"}
        if want in (list, dict) and isinstance(value, str):
            import json

            value = json.loads(value) if value.strip().startswith(("[", "{")) else [v.strip() for v in value.split(",") if v.strip()]
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif want in (int, float) and isinstance(value, str):
            value = want(value)
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise TypeError(type(value).__name__)
    except (ValueError, TypeError) as exc:
        raise ConfigError(
            f"config: {setting.name} in {label} must be {_TYPE_WORDS.get(want, want.__name__)}, got {_shown(value)}"
        ) from exc
    if setting.choices and value not in setting.choices:
        raise ConfigError(f"config: {setting.name} in {label} must be one of {', '.join(setting.choices)}, got {value!r}")
    problem = validate(setting, value)
    if problem:
        raise ConfigError(f"config: {setting.name} in {label} must be {problem}")
    return value


# -- validation: the range and shape every setting's value must have ----------------------------
_TYPE_WORDS = {float: "a number", int: "an integer", bool: "true or false", str: "a string", list: "a list",
               dict: "a table"}
_URL = re.compile(r"^https?://[^\s/?#@]+(?::\d{1,5})?(?:[/?#]\S*)?$")
_PROXY_URL = re.compile(r"^(?:https?|socks5h?)://(?:[^\s/?#@]+@)?[^\s/?#@]+(?::\d{1,5})?/?$")
_EMAIL = re.compile(r"^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_STORE_URL = re.compile(r"^postgres(?:ql)?://\S*$")
_ENGINE = re.compile(r"^(?:local:0*[1-9]\d*|(?:tcp|tls|ws|wss|inproc|ucx)://\S+)$")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _weights_problem(value: dict[str, Any]) -> str:
    for host, weight in value.items():
        if not isinstance(host, str) or not host.strip():
            return f"a table of host = weight, got the host {_shown(host)}"
        if not _finite(weight) or weight < 0:
            return f"a table of host = weight with finite weights >= 0, got {host} = {_shown(weight)}"
    return ""


def _rank_weights_problem(value: dict[str, Any]) -> str:
    for part, weight in value.items():
        if part not in RANK_PARTS:
            return f"a table of part = weight with parts among {', '.join(RANK_PARTS)}, got the part {_shown(part)}"
        if not _finite(weight):
            return f"a table of part = weight with finite weights, got {part} = {_shown(weight)}"
    return ""


def _strings_problem(value: list[Any], what: str = "strings", pattern: re.Pattern[str] | None = None) -> str:
    for item in value:
        if not isinstance(item, str) or (pattern is not None and not pattern.match(item)):
            return f"a list of {what}, got {_shown(item)}"
    return ""


# rule name -> (problem of a value or "", ...): every setting names one rule (a test checks)
_RULES: dict[str, Callable[[Any], str]] = {
    "number>0": lambda v: "" if _finite(v) and v > 0 else f"a finite number > 0, got {_shown(v)}",
    "number>=0": lambda v: "" if _finite(v) and v >= 0 else f"a finite number >= 0, got {_shown(v)}",
    "integer>=0": lambda v: "" if v >= 0 else f"an integer >= 0, got {_shown(v)}",
    "integer>=1": lambda v: "" if v >= 1 else f"an integer >= 1, got {_shown(v)}",
    "port": lambda v: "" if 1 <= v <= 65535 else f"a port number from 1 to 65535, got {_shown(v)}",
    "text": lambda v: "" if not _CONTROL.search(v) else f"one line of text without control characters, got {_shown(v)}",
    "url": lambda v: "" if not v or _URL.match(v) else f"empty or an http(s) URL such as https://news.example/, got {_shown(v)}",
    "proxy": lambda v: "" if not v or _PROXY_URL.match(v) else (
        f"empty or a proxy URL such as http://proxy.example:3128, got {_shown(v)}"),
    "email": lambda v: "" if not v or _EMAIL.match(v) else f"empty or an email address, got {_shown(v)}",
    "emails": lambda v: _strings_problem(v, "email addresses", _EMAIL),
    "strings": _strings_problem,
    "weights": _weights_problem,
    "rank_weights": _rank_weights_problem,
    "store": lambda v: "" if not v or _STORE_URL.match(v) else (
        f"empty (SQLite in the data folder) or a URL such as postgresql://user@host/newsbrief, got {_shown(_redact_url(v))}"),
    "engine": lambda v: "" if not v or _ENGINE.match(v) else (
        f'empty (this process), "local:N" (N >= 1 worker processes) or a scheduler URL such as tcp://host:8786, got {_shown(v)}'),
    "any": lambda v: "",
}
SETTING_RULES: dict[str, str] = {
    "store.url": "store",
    "fetch.user_agent": "text", "fetch.timeout": "number>0", "fetch.connect_timeout": "number>0",
    "fetch.max_bytes": "integer>=1", "fetch.max_redirects": "integer>=0", "fetch.concurrency": "integer>=1",
    "fetch.per_host_concurrency": "integer>=1", "fetch.per_host_interval": "number>=0",
    "fetch.poll_interval": "number>0", "fetch.max_backoff": "number>0", "fetch.allow_private": "any",
    "fetch.respect_robots": "any", "fetch.proxy": "proxy", "fetch.full_text": "any", "cluster.embedder": "any",
    "cluster.granularity": "any", "cluster.window_days": "integer>=0",
    "cluster.ann_min_open": "integer>=0", "engine.address": "engine", "digest.title": "text",
    "digest.max_stories": "integer>=0", "digest.minutes": "integer>=0", "digest.sentences": "integer>=1",
    "digest.interests": "strings", "digest.mutes": "strings", "digest.source_weights": "weights",
    "digest.rank_weights": "rank_weights",
    "digest.max_article_chars": "integer>=0", "digest.max_article_sentences": "integer>=0",
    "smtp.host": "text", "smtp.port": "port", "smtp.username": "text", "smtp.password": "any", "smtp.sender": "email",
    "smtp.recipients": "emails", "web.base_url": "url",
    "digest.max_short": "integer>=0", "digest.max_roundup": "integer>=0", "digest.max_events": "integer>=0",
    "webhook.secret": "any", "deliver.max_attempts": "integer>=1", "deliver.retry_after": "number>0",
    "deliver.catch_up": "any", "web.allowed_hosts": "strings", "web.admin_password": "any", "web.public_read": "any",
    "web.secure_cookies": "any", "llm.mode": "any", "llm.base_url": "url", "llm.model": "text",
    "llm.api_key_env": "text", "llm.timeout": "number>0", "llm.stream": "any", "llm.token_budget": "integer>=1",
    "llm.model_path": "text",
}


def validate(setting: Setting, value: Any) -> str:
    """Return what ``value`` should be when it is out of the setting's range or shape, else "".

    :param setting: the setting.
    :param value: a value already of the setting's type.
    """
    return _RULES[SETTING_RULES.get(setting.name, "any")](value)


def value_problem(rule: str, value: Any) -> str:
    """Return what ``value`` should be when it breaks ``rule`` (a key of the rules table), else "".

    The CLI checks its numeric flags (``--weight``, ``--interval``) with the same rules.

    :param rule: e.g. ``"number>=0"`` or ``"number>0"``.
    :param value: the value to check.
    """
    return _RULES[rule](value)


def _line_of(text: str, section: str, key: str) -> int | None:
    """Return the 1-based line where ``key`` is set in ``[section]`` of a TOML text, if found."""
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        head = re.match(r"^\s*\[\s*([^\]\s]+)\s*\]", line)
        if head:
            current = head.group(1).strip("\"'")
        elif current == section and re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


def load_settings(
    *, data_dir: Path | str | None = None, config_file: Path | str | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Build settings from defaults, then the TOML file, then the environment.

    Every value is checked for type and range; a bad one raises :class:`ConfigError` naming the
    setting, the file and line (or the environment variable), the value and what is expected.

    :param data_dir: where the database and config live; defaults to :func:`default_data_dir`.
    :param config_file: explicit TOML file; defaults to ``<data_dir>/config.toml`` if it exists.
    :param env: environment mapping (defaults to ``os.environ``).
    """
    env = os.environ if env is None else env
    ddir = Path(data_dir) if data_dir else (Path(env["NEWSBRIEF_DATA_DIR"]) if env.get("NEWSBRIEF_DATA_DIR") else default_data_dir())
    values = {s.name: s.default for s in SETTINGS}
    origins = {s.name: "default" for s in SETTINGS}
    deliveries: tuple[Delivery, ...] = ()
    path = Path(config_file) if config_file else (Path(env["NEWSBRIEF_CONFIG"]) if env.get("NEWSBRIEF_CONFIG") else ddir / CONFIG_FILE)
    if config_file and not path.exists():
        raise ConfigError(f"config: file not found: {path}")
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config: {path}: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"config: cannot read {path}: {exc.strerror or exc}") from exc
        if "deliveries" in data:
            deliveries = parse_deliveries(data.pop("deliveries"), env=env)
        for section, table in data.items():
            if not isinstance(table, dict):
                raise ConfigError(f"config: {path}: top-level key {section!r} must be a [section]")
            for key, value in table.items():
                name = f"{section}.{key}"
                if name not in _BY_NAME:
                    raise ConfigError(f"config: {path}: unknown setting {name!r}")
                line = _line_of(text, section, key)
                label = f"{path} line {line}" if line else str(path)
                values[name] = _coerce(_BY_NAME[name], value, "file", env, label=label)
                origins[name] = str(path)
    for setting in SETTINGS:
        if setting.env_var in env:
            values[setting.name] = _coerce(setting, env[setting.env_var], setting.env_var, env)
            origins[setting.name] = "env"
    return Settings(values, data_dir=ddir, origins=origins, deliveries=deliveries)


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def default_config_text() -> str:
    """Return the commented default config file written by ``newsbrief init``."""
    lines = [
        "# newsbrief configuration. Every setting is shown commented out with its default.",
        "# Precedence: defaults < this file < NEWSBRIEF_<SECTION>_<KEY> environment variables < flags.",
        '# Secrets: write {"$env" = "VARIABLE"} and export the variable; never the value itself.',
    ]
    current = ""
    for s in SETTINGS:
        section, key = s.name.split(".", 1)
        if section != current:
            lines += ["", f"[{section}]"]
            current = section
        lines.append(f"# {s.help}")
        lines.append(f"# {key} = {_toml_value(s.default)}")
    lines += [
        "",
        "# Deliveries: one table per subscription; `newsbrief deliveries` lists them.",
        "# to: mailto:ADDRESS (through [smtp]), an http(s):// webhook, or an Apprise URL (extra `deliver`).",
        "# [deliveries.morning]",
        '# to = "mailto:me@example.org"',
        '# at = "07:00"',
        '# timezone = "Europe/Paris"',
        "# minutes = 5",
        '# interests = ["battery"]',
        '# mutes = ["football"]',
    ]
    return "\n".join(lines) + "\n"
