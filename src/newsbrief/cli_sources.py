"""``newsbrief sources ...``: manage subscriptions and see their health."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
from rich.table import Table

from .cli import Ctx, console, handle_errors, pass_ctx
from .config import value_problem
from .errors import FetchError
from .opml import read_opml, write_opml
from .pipeline import probe_source


@click.group()
def sources() -> None:
    """Add, list, remove, import and export sources, and check their health."""


def _resolve_target(target: str) -> str:
    if target.startswith(("http://", "https://")):
        return target
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
    """Subscribe to TARGET: a feed URL, a web page that links its feed, a feed file or a folder of feed files."""
    url = _resolve_target(target)
    if not no_check:
        probe = probe_source(url, settings=ctx.settings)
        if probe.error and probe.discovered:
            console.print(f"{url} is a web page; it links {len(probe.discovered)} feed(s): using {probe.discovered[0]}")
            url = probe.discovered[0]
            probe = probe_source(url, settings=ctx.settings)
        if probe.error:
            raise click.ClickException(f"{probe.error} (use --no-check to add it anyway)")
        title = title or probe.title
    source, added = ctx.store.add_source(url, title=title, weight=weight)
    console.print(f"{'added' if added else 'already subscribed'}: {source.url}" + (f" ({source.title})" if source.title else ""))


def _ago(value: str | None) -> str:
    if not value:
        return "-"
    when = dt.datetime.fromisoformat(value)
    return when.strftime("%Y-%m-%d %H:%M")


@sources.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with every health column.")
@pass_ctx
@handle_errors
def sources_list(ctx: Ctx, as_json: bool) -> None:
    """List sources with their health: status, last success, last error, next poll."""
    rows = ctx.read_store.source_rows()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    table = Table("id", "source", "status", "items", "last success", "errors", "last error", "next poll")
    for r in rows:
        status = "never fetched" if not r["last_fetch_at"] else ("failing" if r["error_count"] else "ok")
        table.add_row(str(r["id"]), r["title"] or r["url"], f"{status} {r['http_status'] or ''}".strip(), str(r["item_count"]),
                      _ago(r["last_success_at"]), str(r["error_count"]), (r["last_error"] or "")[:60], _ago(r["next_poll_at"]))
    console.print(table)
    console.print(f"{len(rows)} source(s)")


@sources.command("remove")
@click.argument("url")
@pass_ctx
@handle_errors
def sources_remove(ctx: Ctx, url: str) -> None:
    """Unsubscribe from URL (its stored articles stay)."""
    target = url if url.startswith(("http://", "https://")) else str(Path(url).expanduser().resolve())
    if not ctx.store.remove_source(target):
        raise click.ClickException(f"sources: not subscribed to {url}")
    console.print(f"removed: {target}")


@sources.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_ctx
@handle_errors
def sources_import(ctx: Ctx, file: str) -> None:
    """Subscribe to every feed listed in an OPML FILE."""
    found = read_opml(Path(file).read_bytes())
    added = sum(ctx.store.add_source(s.url, title=s.title)[1] for s in found)
    console.print(f"{len(found)} feed(s) in {file}: {added} added, {len(found) - added} already subscribed")


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
        console.print(f"url:      {probe.url}")
        if probe.final_url and probe.final_url != probe.url:
            console.print(f"final:    {probe.final_url}")
        console.print(f"status:   {probe.status or '-'}")
        console.print(f"format:   {probe.format or '-'}")
        console.print(f"title:    {probe.title or '-'}")
        console.print(f"items:    {probe.entries}  newest: {probe.newest or '-'}")
        for p in probe.problems:
            console.print(f"problem:  {p}")
        for d in probe.discovered:
            console.print(f"feed link: {d}")
    if probe.error:
        raise FetchError(probe.error) if not probe.discovered else click.ClickException(
            f"{probe.error}; this page links feed(s): {', '.join(probe.discovered)}")
