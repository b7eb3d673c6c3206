"""The ``newsbrief`` command line: parses arguments, calls the library, maps errors.

Each command is thin. Errors from the library (:class:`~newsbrief.errors.NewsbriefError`)
become one line on stderr and exit status 1; usage errors exit 2 (click's default).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import logging
import sys
from typing import Any, Callable, Iterator, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import SETTINGS, Settings, default_config_text, load_settings
from .errors import NewsbriefError
from .store import SQLiteStore, open_store

F = TypeVar("F", bound=Callable[..., Any])
console = Console(stderr=False, highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False)


def handle_errors(func: F) -> F:
    """Turn library errors into a one-line ``click.ClickException``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsbriefError as exc:
            raise click.ClickException(str(exc)) from exc
        except ImportError as exc:
            raise click.ClickException(f"missing dependency: {exc}") from exc
        except OSError as exc:  # a file or folder the command had to read or write
            where = f" {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"cannot use{where}: {exc.strerror or exc}") from exc

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def progress_bars(enabled: bool = True) -> Iterator[Callable[[str, int, int], None]]:
    """Yield a ``(stage, done, total)`` callback drawing one rich bar per stage."""
    if not enabled or not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    with Progress(TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bars:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield update


class Ctx:
    """Lazily opened settings and store shared by the commands."""

    def __init__(self, data_dir: str | None, config: str | None) -> None:
        self._data_dir = data_dir
        self._config = config
        self._settings: Settings | None = None
        self._store: SQLiteStore | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(data_dir=self._data_dir, config_file=self._config)
        return self._settings

    @property
    def store(self) -> SQLiteStore:
        """The store opened for writing; a read-only database is a one-line error naming it."""
        if self._store is None or self._store.read_only:
            if self._store is not None:
                self._store.close()
            self._store = open_store(self.settings.db_path)
        return self._store

    @property
    def read_store(self) -> SQLiteStore:
        """The store for commands that only read: opened read-only when it cannot be written."""
        if self._store is None:
            self._store = open_store(self.settings.db_path, read_only_fallback=True)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


pass_ctx: Callable[[Callable[..., Any]], Callable[..., Any]] = click.make_pass_decorator(Ctx)


def _parse_day(value: str | None) -> dt.date:
    if not value:
        return dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-27") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsbrief")
@click.option("--data-dir", envvar="NEWSBRIEF_DATA_DIR", type=click.Path(file_okay=False),
              help="Folder for the database and config (env NEWSBRIEF_DATA_DIR).")
@click.option("--config", "config_file", envvar="NEWSBRIEF_CONFIG", type=click.Path(dir_okay=False),
              help="Config file (default: <data-dir>/config.toml).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, config_file: str | None, verbose: int) -> None:
    """newsbrief: one cited daily briefing from hundreds of news sources."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = Ctx(data_dir, config_file)
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@pass_ctx
@handle_errors
def init(ctx: Ctx) -> None:
    """Create the data folder, a commented config file and the database."""
    settings = ctx.settings
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        if not settings.config_path.exists():
            settings.config_path.write_text(default_config_text(), encoding="utf-8")
            console.print(f"wrote {settings.config_path}")
        else:
            console.print(f"kept {settings.config_path}")
    except OSError as exc:
        raise click.ClickException(
            f"init: the data folder {settings.data_dir} is not writable ({exc.strerror or exc})") from exc
    applied = ctx.store.migrations()
    console.print(f"database {settings.db_path} (migrations: {', '.join(applied)})")


@cli.group()
def config() -> None:
    """Inspect settings."""


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@handle_errors
def config_show(ctx: Ctx, as_json: bool) -> None:
    """Show every setting, its value (secrets redacted) and where it came from."""
    values = ctx.settings.redacted()
    if as_json:
        click.echo(json.dumps({"data_dir": str(ctx.settings.data_dir), "settings": values}, indent=2))
        return
    table = Table("setting", "value", "from")
    for s in SETTINGS:
        table.add_row(s.name, json.dumps(values[s.name]), ctx.settings.origins[s.name])
    console.print(f"data dir: {ctx.settings.data_dir}")
    console.print(table)


from .cli_sources import sources  # noqa: E402  (registers on import)
from .cli_digest import demo, digest, evaluate, facts_cmd, feed, fetch, run_cmd, search, serve_cmd, stories  # noqa: E402

cli.add_command(sources)
for _cmd in (fetch, digest, feed, stories, search, facts_cmd, run_cmd, serve_cmd, demo, evaluate):
    cli.add_command(_cmd)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="newsbrief")
