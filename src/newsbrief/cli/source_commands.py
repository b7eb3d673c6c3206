"""``newsbrief sources ...``: manage subscriptions and see their health."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typing import Any

import click
from rich import box
from rich.console import Group, RenderableType
from rich.table import Table

from newsbrief.cli.app import Ctx, console, handle_errors, page_note, paging_options, pass_ctx, safe_text
from newsbrief.config import value_problem
from newsbrief.errors import FetchError
from newsbrief.ingest.opml import parse_opml, write_opml
from newsbrief.pipeline import feed_files, probe_source
from newsbrief.ingest.sanitize import strip_control_chars
from newsbrief.ingest.urls import is_http_url, lower_scheme


@click.group()
def sources() -> None:
    """Add, list, remove, import and export sources, and check their health."""


def _resolve_target(target: str) -> str:
    if is_http_url(target):
        return lower_scheme(target)
    if "://" in target:
        raise click.ClickException(f"sources: unsupported URL scheme in {target!r}; use http(s) or a local path")
    path = Path(target).expanduser()
    if not path.exists():
        raise click.ClickException(f"sources: no such file or folder: {target}")
    return str(path.resolve())


def _weight(ctx: click.Context, param: click.Parameter, value: float) -> float:
    problem = value_problem("number>=0", value)
    if problem:
        raise click.BadParameter(f"must be {problem}")
    return value


@sources.command("add")
@click.argument("target")
@click.option("--title", default="", help="Display name (default: the feed's own title).")
@click.option("--weight", default=1.0, type=float, show_default=True, callback=_weight,
              help="Ranking weight of this source (>= 0).")
@click.option("--no-check", is_flag=True, help="Add without fetching it first.")
@pass_ctx
@handle_errors
def sources_add(ctx: Ctx, target: str, title: str, weight: float, no_check: bool) -> None:
    """Subscribe to TARGET: a feed URL, a web page that links its feed, a feed file, or a folder
    (each feed file in it becomes its own source, named after its feed)."""
    url = _resolve_target(target)
    if Path(url).is_dir():
        _add_folder(ctx, url, title=title, weight=weight, no_check=no_check)
        return
    if not no_check:
        probe = probe_source(url, settings=ctx.settings)
        if probe.error and probe.discovered:
            console.print(safe_text(f"{url} is a web page; it links {len(probe.discovered)} feed(s): using {probe.discovered[0]}"))
            url = probe.discovered[0]
            probe = probe_source(url, settings=ctx.settings)
        if probe.error:
            raise click.ClickException(f"{probe.error} (use --no-check to add it anyway)")
        title = title or probe.title
    source, added = ctx.store.add_source(url, title=strip_control_chars(title), weight=weight)
    console.print(safe_text(f"{'added' if added else 'already subscribed'}: {source.url}"
                            + (f" ({source.title})" if source.title else "")))


def _add_folder(ctx: Ctx, folder: str, *, title: str, weight: float, no_check: bool) -> None:
    """Add each feed file of ``folder`` as its own source, in one transaction; report files that are not feeds."""
    if title:
        raise click.ClickException("sources: --title names one feed; each file of a folder keeps its own feed title")
    files = feed_files(folder)
    if not files:
        raise click.ClickException(f"sources: no feed files (*.xml, *.rss, *.atom, *.json) in {folder}")
    items: list[tuple[str, str, float]] = []
    rejected = 0
    for path in files:
        if no_check:
            items.append((path, "", weight))
            continue
        probe = probe_source(path, settings=ctx.settings)
        if probe.error:
            rejected += 1
            console.print(safe_text(f"skipped {path}: {probe.error}", style="yellow"))
        else:
            items.append((path, probe.title, weight))
    added = ctx.store.add_sources(items)
    console.print(safe_text(f"{len(files)} feed file(s) in {folder}: {added} added, {len(items) - added} already subscribed"
                            + (f", {rejected} skipped (not a readable feed; --no-check adds them anyway)" if rejected else "")))


def _when(value: str | None, now: dt.datetime) -> str:
    """Return a stored UTC time relative to now ("3h ago", "in 40m"), or its date when far off."""
    if not value:
        return "-"
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    seconds = (when - now).total_seconds()
    size = abs(seconds)
    if size >= 30 * 86400:
        return when.strftime("%Y-%m-%d")
    amount = (f"{size // 86400:.0f}d" if size >= 86400 else f"{size // 3600:.0f}h" if size >= 3600
              else f"{size // 60:.0f}m" if size >= 60 else "now")
    if amount == "now":
        return amount
    return f"in {amount}" if seconds > 0 else f"{amount} ago"


def _status(row: dict[str, Any]) -> str:
    if not row["last_fetch_at"]:
        return "never fetched"
    return f"{'failing' if row['error_count'] else 'ok'} {row['http_status'] or ''}".strip()


def source_table(rows: list[dict[str, Any]], *, now: dt.datetime | None = None) -> RenderableType:
    """Return the sources as a table that reads at 80 columns, then each last error in full.

    Titles and URLs wrap inside their columns (a URL folds anywhere); an error is never cut.

    :param rows: :meth:`~newsbrief.store.SQLiteStore.source_rows` rows.
    :param now: the time the last success and next poll are counted from (default: now).
    """
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("source", ratio=2, min_width=8)
    table.add_column("url", ratio=3, min_width=12, overflow="fold")
    table.add_column("status", min_width=6)
    table.add_column("items", justify="right", no_wrap=True)
    table.add_column("last ok", no_wrap=True)
    table.add_column("next poll", no_wrap=True)
    errors = Table.grid(padding=(0, 1))
    errors.add_column(justify="right", no_wrap=True)
    errors.add_column(overflow="fold")
    now = dt.datetime.now(dt.timezone.utc) if now is None else now
    for r in rows:
        table.add_row(str(r["id"]), safe_text(r["title"] or "-"), safe_text(r["url"]), _status(r), str(r["item_count"]),
                      _when(r["last_success_at"], now), _when(r["next_poll_at"], now))
        if r["last_error"]:
            failures = f" ({r['error_count']} failure(s) in a row)" if r["error_count"] else ""
            errors.add_row(str(r["id"]), safe_text(f"{r['last_error']}{failures}"))
    if not errors.row_count:
        return table
    return Group(table, "", safe_text("last errors", style="bold"), errors, "")


@sources.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with every health column.")
@paging_options("sources", default=50)
@pass_ctx
@handle_errors
def sources_list(ctx: Ctx, as_json: bool, limit: int | None, offset: int) -> None:
    """List sources with their health: URL, status, last success, next poll, and each last error in full.

    Times are relative to now; --json gives them as ISO 8601 (UTC).
    """
    shown = limit if limit is not None else (None if as_json else 50)
    rows = ctx.read_store.source_rows(limit=shown, offset=offset)
    total = ctx.read_store.count("sources")
    note = page_note("sources", offset=offset, shown=len(rows), total=total)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        if len(rows) < total:
            click.echo(note, err=True)
        return
    if rows:
        console.print(source_table(rows))
    console.print(note)


def _find_source(ctx: Ctx, target: str) -> tuple[int, str] | None:
    """Return (id, url) of the source that ``target`` names: its id as listed, its URL or its path."""
    rows = ctx.store.source_rows()
    if target.isdigit():
        found = [r for r in rows if r["id"] == int(target)]
        if found:
            return found[0]["id"], found[0]["url"]
    if is_http_url(target):
        candidates = {target, lower_scheme(target)}
    else:
        candidates = {target, str(Path(target).expanduser().resolve())}
    found = [r for r in rows if r["url"] in candidates]
    return (found[0]["id"], found[0]["url"]) if found else None


@sources.command("remove")
@click.argument("source")
@pass_ctx
@handle_errors
def sources_remove(ctx: Ctx, source: str) -> None:
    """Unsubscribe from SOURCE: its id as `sources list` shows it, or its URL or path (its stored articles stay)."""
    found = _find_source(ctx, source)
    if found is None or not ctx.store.remove_source(found[1]):
        what = "id or URL" if source.isdigit() else "URL"
        raise click.ClickException(f"sources: no source with {what} {source!r}; see `newsbrief sources list`")
    console.print(safe_text(f"removed {found[0]}: {found[1]}"))


@sources.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_ctx
@handle_errors
def sources_import(ctx: Ctx, file: str) -> None:
    """Subscribe to every http(s) feed listed in an OPML FILE (other outlines are reported and skipped)."""
    feeds = parse_opml(Path(file).read_bytes())
    for skip in feeds.skipped:
        console.print(skip.describe(), markup=False)
    found = feeds.sources
    added = ctx.store.add_sources([(s.url, s.title, 1.0) for s in found])
    console.print(f"{len(found)} feed(s) in {file}: {added} added, {len(found) - added} already subscribed, "
                  f"{len(feeds.skipped)} skipped", markup=False)


@sources.command("export-opml")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@pass_ctx
@handle_errors
def sources_export(ctx: Ctx, out: str | None) -> None:
    """Write every source as OPML 2.0."""
    text = write_opml(ctx.read_store.sources())
    if out:
        Path(out).write_text(text, encoding="utf-8")
        console.print(f"wrote {out}")
    else:
        click.echo(text, nl=False)


@sources.command("check")
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@handle_errors
def sources_check(ctx: Ctx, target: str, as_json: bool) -> None:
    """Fetch TARGET once and report what it holds: format, items, problems."""
    probe = probe_source(_resolve_target(target), settings=ctx.settings)
    if as_json:
        click.echo(json.dumps(probe.__dict__, indent=2))
    else:
        lines = [f"url:      {probe.url}"]
        if probe.final_url and probe.final_url != probe.url:
            lines.append(f"final:    {probe.final_url}")
        lines += [f"status:   {probe.status or '-'}", f"format:   {probe.format or '-'}", f"title:    {probe.title or '-'}",
                  f"items:    {probe.entries}  newest: {probe.newest or '-'}"]
        lines += [f"problem:  {p}" for p in probe.problems]
        lines += [f"feed link: {d}" for d in probe.discovered]
        for line in lines:
            console.print(safe_text(line))
    if probe.error:
        raise FetchError(probe.error) if not probe.discovered else click.ClickException(
            f"{probe.error}; this page links feed(s): {', '.join(probe.discovered)}")
