"""``newsbrief fetch | digest | stories | search | facts | demo | eval``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from .cli import Ctx, _parse_day, console, handle_errors, pass_ctx, progress_bars
from .config import value_problem
from .pipeline import build_digest, ingest, write_outputs
from .render import FORMATS, digest_from_dict, render


@click.command()
@click.option("--force", is_flag=True, help="Poll every source now, even those not yet due.")
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@pass_ctx
@handle_errors
def fetch(ctx: Ctx, force: bool, no_progress: bool) -> None:
    """Fetch the sources that are due, extract full text and store new articles."""
    if not ctx.store.sources():
        raise click.ClickException("fetch: no sources yet; add one with `newsbrief sources add URL`")
    with progress_bars(not no_progress) as bar:
        report = ingest(ctx.store, ctx.settings, progress=bar, force=force)
    console.print(
        f"{report.sources} source(s) polled: {report.fetched} fetched, {report.not_modified} unchanged, {report.failed} failed; "
        f"{report.entries} entries, {report.pages} pages, {report.new_articles} new articles, {report.duplicates} duplicates, "
        f"{report.skipped} skipped"
    )
    for line in report.errors[:20]:
        console.print(f"  {line}")


@click.command()
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Digest day (UTC); default today.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--minutes", type=int, help="Reading-time budget; lower stories become one-liners.")
@click.option("--stored", is_flag=True, help="Re-render the stored digest of that day instead of rebuilding it.")
@click.option("--email", "send_mail", is_flag=True, help="Also email it to smtp.recipients (HTML + plain text).")
@click.option("--webhook", metavar="URL", help="Also POST its JSON to this URL.")
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@pass_ctx
@handle_errors
def digest(ctx: Ctx, date_: str | None, fmt: str, out: str | None, minutes: int | None, stored: bool,
           send_mail: bool, webhook: str | None, no_progress: bool) -> None:
    """Build the digest of a day from the stored articles and print or write it."""
    day = _parse_day(date_)
    if stored:
        data = ctx.read_store.digest(day)
        if data is None:
            raise click.ClickException(f"digest: no stored digest for {day}; run `newsbrief digest --date {day}`")
        result = digest_from_dict(data)
    else:
        settings = ctx.settings if minutes is None else ctx.settings.replace(**{"digest.minutes": minutes})
        with progress_bars(not no_progress) as bar:
            result = build_digest(ctx.store, settings, day=day, progress=bar)
        if result.diagnostics:
            click.echo(f"digest: {len(result.diagnostics)} article(s) or story(ies) read in part or left out; "
                       f"see `newsbrief stories --explain --date {day}`", err=True)
    text = render(result, fmt)
    if send_mail:
        from .publish import send_email

        sent = send_email(result, smtp=ctx.settings.section("smtp"))
        click.echo(f"emailed to {', '.join(sent)}", err=True)
    if webhook:
        from .publish import post_webhook

        click.echo(f"webhook answered {post_webhook(result, url=webhook)}", err=True)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        console.print(f"wrote {out}")
    else:
        click.echo(text, nl=False)


@click.command("feed")
@click.option("--format", "fmt", type=click.Choice(["atom", "json"]), default="atom", show_default=True)
@click.option("--limit", default=30, show_default=True, help="Most recent digests included.")
@click.option("--base-url", default="http://localhost:8080/", show_default=True, help="Where the HTML digests are published.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@pass_ctx
@handle_errors
def feed(ctx: Ctx, fmt: str, limit: int, base_url: str, out: str | None) -> None:
    """Write an Atom or JSON Feed of the stored digests, newest first, to subscribe to."""
    from .render.feeds import digest_feed

    digests = [digest_from_dict(d) for d in (ctx.read_store.digest(day) for day in ctx.read_store.digest_dates()[:limit]) if d]
    text = digest_feed(digests, fmt=fmt, base_url=base_url, title=ctx.settings["digest.title"])
    if out:
        Path(out).write_text(text, encoding="utf-8")
        console.print(f"wrote {out} ({len(digests)} digests)")
    else:
        click.echo(text, nl=False)


@click.command()
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Only stories with an article that day.")
@click.option("--explain", is_flag=True, help="Show each article's membership score and reasons.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@handle_errors
def stories(ctx: Ctx, date_: str | None, explain: bool, as_json: bool) -> None:
    """List stories with their articles; --explain shows why each article joined."""
    day = _parse_day(date_) if date_ else None
    rows = ctx.read_store.story_rows(day=day)
    out: list[dict[str, Any]] = []
    for r in rows:
        members = ctx.read_store.story_members(r["id"])
        out.append({"id": r["id"], "title": r["title"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                    "articles": members})
    if as_json:
        click.echo(json.dumps(out, indent=2, default=str))
        return
    for s in out:
        console.print(f"[bold]{s['id']}[/bold] {s['title'] or s['articles'][0]['title']}  "
                      f"({len(s['articles'])} articles, {s['first_seen']} → {s['last_seen']})")
        for m in s["articles"]:
            console.print(f"   {m['published'][:16]}  {m['outlet'][:22]:<22} {m['title'][:70]}")
            if explain:
                reasons = ", ".join(f"{k}={v}" for k, v in sorted(m["reasons"].items()))
                console.print(f"      score={m['score']:.3f} {reasons}", soft_wrap=True)
    if explain:
        _explain_ranking(ctx, day)
    console.print(f"{len(out)} stories")


def _explain_ranking(ctx: Ctx, day: dt.date | None) -> None:
    dates = ctx.read_store.digest_dates()
    pick = day if day in dates else (dates[0] if dates else None)
    if pick is None:
        return
    data = ctx.read_store.digest(pick) or {}
    table = Table("rank", "headline", "score", "parts", title=f"ranking in the digest of {pick}")
    rank = 0
    for sec in data.get("sections", []):
        for it in sec["items"]:
            if "score" in it.get("extra", {}):
                rank += 1
                parts = " ".join(f"{k}={v:.2f}" for k, v in it["extra"]["score_parts"].items())
                table.add_row(str(rank), it["headline"][:60], f"{it['extra']['score']:.2f}", parts)
    console.print(table)
    for note in data.get("diagnostics", []):
        console.print(f"{note['stage']}: {note['what']}: {note['reason']}", soft_wrap=True)


@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="Most results.")
@pass_ctx
@handle_errors
def search(ctx: Ctx, query: str, limit: int) -> None:
    """Full-text search of stored articles: words, "a phrase", prefix*, OR, NOT."""
    rows = ctx.read_store.search(query, limit=limit)
    for r in rows:
        console.print(f"{r['published'][:10]}  {r['outlet'][:20]:<20} {r['title'][:80]}")
        console.print(f"            {r['snippet']}", soft_wrap=True)
    console.print(f"{len(rows)} result(s)")


@click.command("facts")
@click.option("--type", "type_", type=click.Choice(["funding", "regulation", "event", "entity"]), help="Only this type.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only facts from this day on.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@pass_ctx
@handle_errors
def facts_cmd(ctx: Ctx, type_: str | None, since: str | None, fmt: str) -> None:
    """List extracted facts (funding rounds, regulation, events, entities) with their sources."""
    rows = ctx.read_store.facts(type=type_, since=_parse_day(since) if since else None)
    flat = [{"type": r["type"], "day": r["day"], "story_id": r["story_id"], "sentence": r["sentence"],
             "article_ids": r["article_ids"], **{k: v for k, v in r["data"].items() if k not in {"type", "sentence", "article_ids"}}}
            for r in rows]
    if fmt == "json":
        click.echo(json.dumps(flat, indent=2, default=str))
    elif fmt == "csv":
        keys = sorted({k for f in flat for k in f})
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=keys)
        writer.writeheader()
        for f in flat:
            writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in f.items()})
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table("type", "day", "what", "source sentence")
        for f in flat:
            what = f.get("company") or f.get("rule") or f.get("what") or f.get("name") or ""
            table.add_row(f["type"], f["day"], str(what)[:40], f["sentence"][:90])
        console.print(table)
        console.print(f"{len(flat)} fact(s)")


@click.command()
@click.option("--dir", "out_dir", default="newsbrief-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and digests (its demo database is replaced).")
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@handle_errors
def demo(out_dir: str, no_progress: bool) -> None:
    """Run the whole pipeline on the bundled two-day sample corpus, offline, and write the digests."""
    from .demo import run_demo

    started = time.perf_counter()
    with progress_bars(not no_progress) as bar:
        result = run_demo(Path(out_dir), progress=bar)
    table = Table("day", "sources", "articles", "stories", "sections", "short items", "events")
    for day, stats in result.stats.items():
        table.add_row(day, *(str(stats.get(k, 0)) for k in ("sources", "articles", "stories", "sections", "short_items", "events")))
    console.print(table)
    for fmt, path in result.paths.items():
        click.echo(f"digest ({fmt}): {path}")
    click.echo(f"done in {time.perf_counter() - started:.1f}s; database: {result.db_path}")


from .cli_eval import evaluate  # noqa: E402

__all__ = ["demo", "digest", "evaluate", "facts_cmd", "feed", "fetch", "run_cmd", "search", "serve_cmd", "stories", "write_outputs"]


def _positive(value: float) -> float:
    problem = value_problem("number>0", value)
    if problem:
        raise click.BadParameter(f"must be {problem}")
    return value


@click.command("run")
@click.option("--interval", default=300.0, show_default=True, callback=lambda c, p, v: _positive(v),
              help="Seconds between polls.")
@click.option("--digest-at", default="06:00", show_default=True, metavar="HH:MM",
              help="UTC time after which the previous day's digest is built.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder for digests (default: <data-dir>/digests).")
@click.option("--email", "send_mail", is_flag=True, help="Email each new digest to smtp.recipients.")
@click.option("--once", is_flag=True, help="Run one poll (and digest if due), then exit.")
@pass_ctx
@handle_errors
def run_cmd(ctx: Ctx, interval: float, digest_at: str, out_dir: str | None, send_mail: bool, once: bool) -> None:
    """Keep polling sources and build each morning's digest, until Ctrl-C."""
    from .schedule import Tick, parse_time_of_day, run_forever

    at = parse_time_of_day(digest_at)
    out = Path(out_dir) if out_dir else ctx.settings.data_dir / "digests"
    deliver = None
    if send_mail:
        from .publish import send_email

        deliver = lambda digest: send_email(digest, smtp=ctx.settings.section("smtp"))  # noqa: E731

    def report(t: Tick) -> None:
        r = t.report
        line = (f"{t.at:%Y-%m-%d %H:%M} polled {r.sources}: {r.new_articles} new, {r.not_modified} unchanged, "
                f"{r.failed} failed")
        if t.digest_day:
            line += f"; digest {t.digest_day} -> {', '.join(str(p) for p in t.paths.values())}"
        elif t.no_digest:
            line += f"; no digest built: {t.no_digest}"
        click.echo(line)

    try:
        run_forever(ctx.store, ctx.settings, interval=interval, digest_at=at, out_dir=out, on_tick=report,
                    deliver=deliver, max_ticks=1 if once else None)
    except KeyboardInterrupt:
        click.echo("stopped")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8080, show_default=True, type=int, help="TCP port (0: any free port).")
@pass_ctx
@handle_errors
def serve_cmd(ctx: Ctx, host: str, port: int) -> None:
    """Serve the web UI and JSON API (read-only) until Ctrl-C."""
    from .web import make_app, serve

    try:
        serve(make_app(ctx.settings.db_path, settings=ctx.settings), host=host, port=port,
              ready=lambda url: click.echo(f"serving on {url} (Ctrl-C to stop)"))
    except KeyboardInterrupt:
        click.echo("stopped")
