"""The ``newsbrief`` command line: parses arguments, calls the library, maps errors.

Each command is thin. Errors from the library (:class:`~newsbrief.errors.NewsbriefError`)
become one line on stderr and exit status 1; usage errors exit 2 (click's default).

Output goes through two Rich consoles with markup and emoji codes turned off: feed text such as
"[/bold]" or ":fire:" prints as written, never as a style. Data is handed to Rich as
:class:`rich.text.Text` made by :func:`safe_text` (control characters removed), and styles are
Text styles, never markup strings. Every command but ``init`` needs an existing data folder with
a database, so a mistyped ``--data-dir`` is an error instead of a new empty folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import shlex
import sys
from typing import Any, Callable, Iterator, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsbrief import __version__
from newsbrief.cli.logs import configure_logging, forget_notices, remember_notices_in
from newsbrief.config import SETTINGS, Settings, default_config_text, load_settings
from newsbrief.errors import NewsbriefError
from newsbrief.ingest.sanitize import strip_control_chars
from newsbrief.store import SQLiteStore, open_store

F = TypeVar("F", bound=Callable[..., Any])
console = Console(stderr=False, highlight=False, soft_wrap=True, markup=False, emoji=False)
err_console = Console(stderr=True, highlight=False, markup=False, emoji=False)


def safe_text(value: object, style: str = "") -> Text:
    """Return ``value`` as Rich text printed as written: no markup, no control characters.

    :param value: anything; feed titles, URLs and errors included.
    :param style: a Rich style for the whole text (e.g. ``"bold"``).
    """
    return Text(strip_control_chars(str(value)), style=style)


def _one_line(message: str) -> str:
    return " ".join(strip_control_chars(message).split())


def handle_errors(func: F) -> F:
    """Turn library errors into a one-line ``click.ClickException`` (feed text in it made printable)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except click.ClickException as exc:
            if type(exc) is not click.ClickException or exc.message == _one_line(exc.message):
                raise
            raise click.ClickException(_one_line(exc.message)) from exc  # the message quoted feed text
        except NewsbriefError as exc:
            raise click.ClickException(_one_line(str(exc))) from exc
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


def paging_options(noun: str, default: int) -> Callable[[F], F]:
    """Add ``--limit`` and ``--offset`` to a listing command.

    Without ``--limit`` a table shows ``default`` rows and JSON or CSV output holds them all, so
    an export is never cut short silently.

    :param noun: what is listed, for the help text ("stories").
    :param default: rows a table shows by default.
    """

    def decorate(func: F) -> F:
        func = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                            help=f"Skip this many {noun} first.")(func)
        return click.option("--limit", type=click.IntRange(min=0), default=None,
                            help=f"Show at most this many {noun} (default: {default} in the table, all in JSON/CSV).")(func)

    return decorate


def page_note(noun: str, *, offset: int, shown: int, total: int) -> str:
    """Return the line under a listing: "showing 1-50 of 312 stories; next page: --offset 50".

    :param noun: what is listed, plural.
    :param offset: rows skipped.
    :param shown: rows printed.
    :param total: rows in all.
    """
    if shown == 0:
        return f"0 {noun}" if total == 0 else f"showing none of {total} {noun} (--offset {offset} is past the end)"
    line = f"showing {offset + 1}-{offset + shown} of {total} {noun}"
    return line + (f"; next page: --offset {offset + shown}" if offset + shown < total else "")


class Ctx:
    """Lazily opened settings and store shared by the commands.

    Settings are only handed out for a data folder holding a database (``init`` sets
    ``creating`` to make one), so no command but ``init`` creates a folder.
    """

    def __init__(self, data_dir: str | None, config: str | None, *, verbose: int = 0, dir_given: bool = False,
                 store: str | None = None) -> None:
        self._data_dir = data_dir
        self._config = config
        self._store_url = store
        self._settings: Settings | None = None
        self._store: SQLiteStore | None = None
        self.verbose = verbose
        self.dir_given = dir_given
        self.creating = False

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            settings = load_settings(data_dir=self._data_dir, config_file=self._config)
            if self._store_url is not None:
                settings = settings.replace(**{"store.url": self._store_url})
            if not self.creating:
                self._require_database(settings)
            remember_notices_in(settings.data_dir, verbose=self.verbose > 0)
            self._settings = settings
        return self._settings

    def _require_database(self, settings: Settings) -> None:
        folder = settings.data_dir
        init = "newsbrief " + (f"--data-dir {shlex.quote(str(folder))} " if self.dir_given else "") + "init"
        if not folder.is_dir():
            raise click.ClickException(f"data folder {folder} does not exist; check --data-dir, or create it with `{init}`")
        if not settings["store.url"] and not settings.db_path.is_file():
            raise click.ClickException(f"data folder {folder} has no newsbrief database; check --data-dir, "
                                       f"or create one with `{init}`")

    @property
    def store(self) -> SQLiteStore:
        """The store opened for writing; a read-only database is a one-line error naming it."""
        if self._store is None or self._store.read_only:
            if self._store is not None:
                self._store.close()
            self._store = open_store(self.settings.store, create=self.creating)
        return self._store

    @property
    def read_store(self) -> SQLiteStore:
        """The store for commands that only read: opened read-only when it cannot be written."""
        if self._store is None:
            self._store = open_store(self.settings.store, read_only_fallback=True, create=False)
        return self._store

    def close(self) -> None:
        forget_notices()
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
@click.option("--store", metavar="URL",
              help="Database: postgresql://user@host/db (default: SQLite in the data folder; env NEWSBRIEF_STORE).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, config_file: str | None, store: str | None, verbose: int) -> None:
    """newsbrief: one cited daily briefing from hundreds of news sources."""
    configure_logging(verbose)
    given = ctx.get_parameter_source("data_dir") not in (None, click.core.ParameterSource.DEFAULT)
    ctx.obj = Ctx(data_dir, config_file, verbose=verbose, dir_given=given, store=store)
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@pass_ctx
@handle_errors
def init(ctx: Ctx) -> None:
    """Create the data folder, a commented config file and the database."""
    ctx.creating = True
    settings = ctx.settings
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        if not settings.config_path.exists():
            settings.config_path.write_text(default_config_text(), encoding="utf-8")
            console.print(safe_text(f"wrote {settings.config_path}"))
        else:
            console.print(safe_text(f"kept {settings.config_path}"))
    except OSError as exc:
        raise click.ClickException(
            f"init: the data folder {settings.data_dir} is not writable ({exc.strerror or exc})") from exc
    applied = ctx.store.migrations()
    console.print(safe_text(f"database {ctx.store.path} (migrations: {', '.join(applied)})"))


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
    shown = [d.shown() for d in ctx.settings.deliveries]
    if as_json:
        click.echo(json.dumps({"data_dir": str(ctx.settings.data_dir), "settings": values, "deliveries": shown}, indent=2))
        return
    table = Table("setting", "value", "from")
    for s in SETTINGS:
        table.add_row(s.name, safe_text(json.dumps(values[s.name])), safe_text(ctx.settings.origins[s.name]))
    for d in shown:
        table.add_row(f"deliveries.{d['name']}", safe_text(json.dumps({k: v for k, v in d.items() if k != "name"})),
                      safe_text(str(ctx.settings.config_path)))
    console.print(safe_text(f"data dir: {ctx.settings.data_dir}"))
    console.print(table)


from newsbrief.cli.source_commands import sources  # noqa: E402  (registers on import)
from newsbrief.cli.digest_commands import demo, digest, evaluate, facts_cmd, feed, fetch, run_cmd, search, serve_cmd, stories  # noqa: E402
from newsbrief.cli.delivery_commands import deliveries, publish_cmd  # noqa: E402

cli.add_command(sources)
cli.add_command(deliveries)
cli.add_command(publish_cmd)
for _cmd in (fetch, digest, feed, stories, search, facts_cmd, run_cmd, serve_cmd, demo, evaluate):
    cli.add_command(_cmd)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="newsbrief")
