"""``newsbrief deliveries [log]`` and ``newsbrief publish``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
from rich.table import Table

from newsbrief.cli.app import Ctx, console, handle_errors, page_note, paging_options, pass_ctx, safe_text

__all__ = ["deliveries", "publish_cmd"]


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@handle_errors
def deliveries(click_ctx: click.Context, as_json: bool) -> None:
    """List the configured deliveries (addresses with secrets hidden) and when each is next due."""
    if click_ctx.invoked_subcommand is not None:
        return
    from newsbrief.deliver.scheduled import digest_day, next_occurrence

    ctx = click_ctx.find_object(Ctx)
    assert ctx is not None
    now = dt.datetime.now(dt.timezone.utc)
    rows = []
    for d in ctx.settings.deliveries:
        nxt = next_occurrence(d, now)
        rows.append({**d.shown(), "next": nxt.isoformat(), "next_digest": digest_day(nxt).isoformat()})
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        console.print(safe_text(f"no deliveries; add a [deliveries.NAME] table to {ctx.settings.config_path}"))
        return
    table = Table("name", "channel", "to", "at", "digest options", "next (UTC)")
    for r in rows:
        options = " ".join(f"{k}={json.dumps(r[k])}" for k in ("minutes", "interests", "mutes") if r[k] is not None)
        table.add_row(safe_text(r["name"]), r["channel"], safe_text("\n".join(r["to"])), f"{r['at']} {r['timezone']}",
                      safe_text(options or "[digest] settings"), f"{r['next'][:16]} ({r['next_digest']})")
    console.print(table)


@deliveries.command("log")
@click.option("--delivery", "name", metavar="NAME", help="Only this delivery's sends.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@paging_options("sends", default=50)
@pass_ctx
@handle_errors
def deliveries_log(ctx: Ctx, name: str | None, as_json: bool, limit: int | None, offset: int) -> None:
    """List sends and failures, newest first: digest day, delivery, recipient, attempt, result, error."""
    rows = ctx.store.send_rows(delivery=name, limit=limit if limit is not None else (None if as_json else 50), offset=offset)
    total = ctx.store.send_count(delivery=name)
    note = page_note("sends", offset=offset, shown=len(rows), total=total)
    keys = ("digest_date", "delivery", "channel", "recipient", "attempt", "status", "started_at", "finished_at",
            "next_attempt_at", "error", "idempotency_key")
    if as_json:
        click.echo(json.dumps([{k: r[k] for k in keys} for r in rows], indent=2))
        if len(rows) < total:
            click.echo(note, err=True)
        return
    table = Table("day", "delivery", "to", "try", "result", "at (UTC)", "error")
    for r in rows:
        result = r["status"] + (f" (retry {r['next_attempt_at'][:16]})" if r["status"] == "failed" and r["next_attempt_at"] else "")
        table.add_row(r["digest_date"], safe_text(r["delivery"]), safe_text(r["recipient"]), str(r["attempt"]), result,
                      (r["finished_at"] or r["started_at"])[:19], safe_text(r["error"]))
    console.print(table)
    console.print(note)


@click.command("publish")
@click.option("--dir", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the static site.")
@click.option("--base-url", default="", help="Public URL of the folder, for absolute links in the feeds (default: relative).")
@click.option("--limit", default=30, show_default=True, help="Most recent digests put in the feeds.")
@pass_ctx
@handle_errors
def publish_cmd(ctx: Ctx, out_dir: str, base_url: str, limit: int) -> None:
    """Write a static HTML archive of the stored digests: index, one page per day and story, Atom and JSON feeds."""
    from newsbrief.deliver.archive import publish_archive

    report = publish_archive(ctx.store, Path(out_dir), title=ctx.settings["digest.title"], base_url=base_url,
                             feed_limit=limit)
    console.print(safe_text(f"{out_dir}: {report.days} days, {report.stories} stories; "
                            f"{len(report.written)} files written, {report.unchanged} unchanged"))
