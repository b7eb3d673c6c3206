"""``newsbrief fetch | digest | stories | search | facts | demo | eval``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import ipaddress
import json
import socket
import time
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from newsbrief.cli.app import Ctx, _parse_day, console, handle_errors, page_note, paging_options, pass_ctx, progress_bars, safe_text
from newsbrief.cli.logs import forget_notices, remember_notices_in
from newsbrief.pipeline import IngestReport, analyse_new, build_digest, ingest, write_outputs
from newsbrief.stopping import exit_status, stop_on_signals
from newsbrief.config import Settings, value_problem
from newsbrief.render import FORMATS, calendar_from_dict, digest_from_dict, render
from newsbrief.render.snippets import snippet_parts
from newsbrief.cluster.storylines import earlier_events
from newsbrief.engine import engine_address, open_engine


_ENGINE_HELP = "Run the parallel stages on local:N worker processes or a Dask scheduler tcp://HOST:PORT [engine.address]."


@click.command()
@click.option("--force", is_flag=True, help="Poll every source now, even those not yet due.")
@click.option("--engine", "engine_flag", metavar="ADDRESS", help=_ENGINE_HELP)
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@pass_ctx
@handle_errors
def fetch(ctx: Ctx, force: bool, engine_flag: str | None, no_progress: bool) -> None:
    """Fetch the sources that are due, extract full text, store new articles and read them for the digest.

    New articles are cleaned, grouped into stories, and their facts and sentence vectors
    stored, so `newsbrief digest` only reads them back.

    Ctrl-C or SIGTERM stops it; what was stored stays, and the next fetch gets the rest
    (exit status 130 after Ctrl-C, 143 after SIGTERM).
    """
    if not ctx.store.sources():
        raise click.ClickException("fetch: no sources yet; add one with `newsbrief sources add URL`")
    address = engine_address(ctx.settings, engine_flag)
    report = IngestReport()
    try:
        with stop_on_signals(), open_engine(address) as engine, progress_bars(not no_progress) as bar:
            ingest(ctx.store, ctx.settings, progress=bar, force=force, report=report, engine=engine)
            # the digest's per-article work, done once here
            analyse_new(ctx.store, ctx.settings, progress=bar, engine=engine)
    except KeyboardInterrupt as stop:
        _stopped(stop, stored=report.stored, left=report.left)
    console.print(
        f"{report.sources} source(s) polled: {report.fetched} fetched, {report.not_modified} unchanged, {report.failed} failed; "
        f"{report.entries} entries: {report.new_articles} new articles, {report.duplicates} duplicates, "
        f"{report.known} already stored, {report.skipped} skipped; {report.pages} pages"
    )
    for line in report.errors[:20]:
        console.print(safe_text(f"  {line}"))


def _stopped(stop: BaseException, *, stored: int, left: int) -> None:
    """Say what an interrupted command kept, then exit with 128 + the signal number."""
    click.echo(f"stopped: {stored} articles stored, {left} sources left for the next run")
    click.get_current_context().exit(exit_status(stop))


@click.command()
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Digest day (UTC); default today.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--minutes", type=int, help="Reading-time budget; lower stories become one-liners.")
@click.option("--stored", is_flag=True, help="Re-render the stored digest of that day instead of rebuilding it.")
@click.option("--email", "send_mail", is_flag=True, help="Also email it to smtp.recipients (HTML + plain text).")
@click.option("--webhook", metavar="URL", help="Also POST its JSON to this URL (signed with webhook.secret when set).")
@click.option("--llm", type=click.Choice(["off", "on"]), help="Write summaries and the lede with the configured language model "
              "behind the faithfulness guard (on), or extractive only (off); default: llm.mode.")
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@pass_ctx
@handle_errors
def digest(ctx: Ctx, date_: str | None, fmt: str, out: str | None, minutes: int | None, stored: bool,
           send_mail: bool, webhook: str | None, llm: str | None, no_progress: bool) -> None:
    """Build the digest of a day from the stored articles and print or write it."""
    day = _parse_day(date_)
    if stored:
        data = ctx.read_store.digest(day)
        if data is None:
            raise click.ClickException(f"digest: no stored digest for {day}; run `newsbrief digest --date {day}`")
        result = digest_from_dict(data)
    else:
        settings = ctx.settings if minutes is None else ctx.settings.replace(**{"digest.minutes": minutes})
        if llm == "off":
            settings = settings.replace(**{"llm.mode": "off"})
        elif llm == "on" and settings["llm.mode"] == "off":
            raise click.ClickException("digest: --llm on needs llm.mode = \"local\", or \"openai\" with llm.base_url "
                                       "and llm.model, in the config")
        with progress_bars(not no_progress) as bar:
            result = build_digest(ctx.store, settings, day=day, progress=bar)
        if result.diagnostics:
            click.echo(f"digest: {len(result.diagnostics)} article(s) or story(ies) read in part or left out; "
                       f"see `newsbrief stories --explain --date {day}`", err=True)
    text = render(result, fmt)
    if send_mail:
        from newsbrief.deliver.publish import send_email

        sent = send_email(result, smtp=ctx.settings.section("smtp"))
        click.echo(f"emailed to {', '.join(sent)}", err=True)
    if webhook:
        from newsbrief.deliver.publish import post_webhook

        status = post_webhook(result, url=webhook, secret=str(ctx.settings["webhook.secret"]))
        click.echo(f"webhook answered {status}", err=True)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        console.print(safe_text(f"wrote {out}"))
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
    from newsbrief.render.feeds import digest_feed

    digests = [digest_from_dict(d) for d in (ctx.read_store.digest(day) for day in ctx.read_store.digest_dates()[:limit]) if d]
    text = digest_feed(digests, fmt=fmt, base_url=base_url, title=ctx.settings["digest.title"])
    if out:
        Path(out).write_text(text, encoding="utf-8")
        console.print(safe_text(f"wrote {out} ({len(digests)} digests)"))
    else:
        click.echo(text, nl=False)


@click.command()
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Only stories with an article that day.")
@click.option("--explain", is_flag=True, help="Show each article's membership score and reasons.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@paging_options("stories", default=50)
@pass_ctx
@handle_errors
def stories(ctx: Ctx, date_: str | None, explain: bool, as_json: bool, limit: int | None, offset: int) -> None:
    """List stories with their articles; --explain shows why each article joined."""
    day = _parse_day(date_) if date_ else None
    rows = ctx.read_store.story_rows(day=day, limit=limit if limit is not None else (None if as_json else 50), offset=offset)
    total = ctx.read_store.story_count(day=day)
    note = page_note("stories", offset=offset, shown=len(rows), total=total)
    out: list[dict[str, Any]] = []
    picked = _picked_digest(ctx, day) if as_json else ("", {})
    ranking = _ranking(*picked) if as_json else {}
    calendar: dict[str, list[dict[str, Any]]] = {}
    for entry in calendar_from_dict(picked[1]):
        calendar.setdefault(entry["story_id"], []).append({k: v for k, v in entry.items() if k != "story_id"})
    lines = ctx.read_store.storyline_timelines([r["id"] for r in rows])
    for r in rows:
        members = ctx.read_store.story_members(r["id"])
        out.append({"id": r["id"], "title": r["title"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                    "articles": members} | ({"ranking": ranking[r["id"]]} if r["id"] in ranking else {})
                   | ({"calendar": calendar[r["id"]]} if r["id"] in calendar else {})
                   | ({"storyline": _storyline(r["id"], lines[r["id"]])} if r["id"] in lines else {}))
    if as_json:
        click.echo(json.dumps(out, indent=2, default=str))
        if len(out) < total:
            click.echo(note, err=True)
        return
    for s in out:
        title = s["title"] or (s["articles"][0]["title"] if s["articles"] else "")
        console.print(Text.assemble(safe_text(s["id"], style="bold"), " ", safe_text(title),
                                    f"  ({len(s['articles'])} articles, {s['first_seen']} → {s['last_seen']})"))
        if explain and "storyline" in s:
            console.print(safe_text(_storyline_line(s["storyline"])), soft_wrap=True)
        for m in s["articles"]:
            console.print(safe_text(f"   {m['published'][:16]}  {m['outlet'][:22]:<22} {m['title'][:70]}"))
            if explain:
                reasons = ", ".join(f"{k}={v}" for k, v in sorted(m["reasons"].items()))
                console.print(safe_text(f"      score={m['score']:.3f} {reasons}"), soft_wrap=True)
                if m["cuts"]:
                    kinds = Counter(c["why"] for c in m["cuts"])
                    console.print(safe_text(f"      cut {len(m['cuts'])} lines: "
                                            + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))), soft_wrap=True)
    if explain:
        _explain_ranking(ctx, day)
    console.print(note)


def _storyline(story_id: str, line: dict[str, Any]) -> dict[str, Any]:
    """A story's storyline for ``stories --json``: id, why it was linked, and its earlier events."""
    earlier = earlier_events(line["events"], story_id)
    return {"id": line["storyline_id"], "reasons": line["reasons"], "events": len(line["events"]),
            "earlier": [{"id": e["id"], "title": e["title"], "first_seen": e["first_seen"]} for e in earlier]}


def _storyline_line(line: dict[str, Any]) -> str:
    """One ``stories --explain`` line: the storyline, and why the story joined it."""
    why = line["reasons"]
    head = f"   storyline {line['id']} ({line['events']} events, {len(line['earlier'])} earlier)"
    if not why:
        return head + (": its first event" if not line["earlier"] else "")
    parts = [f"{name} {why[name]:.2f}" for name in ("vectors", "text", "entities") if name in why]
    if "days_apart" in why:
        parts.append(f"{why['days_apart']:g} days apart")
    actors = ", ".join(why["shared_actors"]) or "none"
    return (head + f": linked to {why['linked_to']} (similarity {why['similarity']:.2f}"
            + (f" from {', '.join(parts)}" if parts else "") + f"; shared actors: {actors})")


def _picked_digest(ctx: Ctx, day: dt.date | None) -> tuple[str, dict[str, Any]]:
    """The stored digest of ``day`` (else the latest) and its date, or ``("", {})`` when none is stored."""
    dates = ctx.read_store.digest_dates()
    pick = day if day in dates else (dates[0] if dates else None)
    if pick is None:
        return "", {}
    return str(pick), ctx.read_store.digest(pick) or {}


def _ranking(pick: str, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each story's place in the digest ``data`` of day ``pick``: rank, score, its parts, the
    kind of story, the actors and news agencies ranking weighed and, for a story kept out of the top as not news, why."""
    out: dict[str, dict[str, Any]] = {}
    for sec in data.get("sections", []):
        shown = len(sec["items"])
        for n, it in enumerate(list(sec["items"]) + list(sec.get("more", []))):
            extra = it.get("extra", {})
            if "score" in extra and it["story_id"] not in out:
                out[it["story_id"]] = {"digest": pick, "rank": len(out) + 1, "shown": n < shown,
                                       "headline": it["headline"],
                                       "score": extra["score"], "parts": extra["score_parts"],
                                       "kind": extra.get("kind", ""), "actors": extra.get("actors", []),
                                       "agencies": extra.get("agencies", []),
                                       "not_news": extra.get("not_news", ""), "guard": extra.get("guard", [])}
    return out


def _explain_ranking(ctx: Ctx, day: dt.date | None) -> None:
    pick, data = _picked_digest(ctx, day)
    if not pick:
        return
    table = Table("rank", "headline", "score", "parts", title=f"ranking in the digest of {pick}")
    for r in (r for r in _ranking(pick, data).values() if r["shown"]):
        parts = " ".join(f"{k}={v:.2f}" for k, v in r["parts"].items())
        if r["kind"]:
            parts += f" (kind: {r['kind']})"
        if r["actors"]:
            parts += f" (actors: {', '.join(r['actors'])})"
        if r["agencies"]:
            parts += f" (agency: {', '.join(r['agencies'])})"
        if r["not_news"]:
            parts += f" (not news: {r['not_news']})"
        table.add_row(str(r["rank"]), safe_text(r["headline"][:60]), f"{r['score']:.2f}", safe_text(parts))
    console.print(table)
    for r in (r for r in _ranking(pick, data).values() if r["guard"]):
        _explain_guard(f"guard, {r['headline'][:60]}:", r["guard"])
    if data.get("lede_guard"):
        _explain_guard("guard, lede:", data["lede_guard"])
    for note in data.get("diagnostics", []):
        console.print(safe_text(f"{note['stage']}: {note['what']}: {note['reason']}"), soft_wrap=True)


def guard_lines(decisions: list[dict[str, Any]]) -> list[str]:
    """One line per guard decision: what was written, what stands (kept, rewritten, replaced, dropped) and why.

    :param decisions: the ``guard`` of a digest item, or the digest's ``lede_guard``.
    """
    lines = []
    for d in decisions:
        if "sentence" not in d:
            lines.append(f"  {d.get('action', '')}: {d.get('note', '')}")
            continue
        what = "headline" if d.get("headline") else "sentence"
        verdict = d.get("action") or ("kept" if d["passed"] else "replaced" if d.get("replacement") else "dropped")
        line = f"  {what} {verdict}: {d['sentence']}{_recovered(d)}"
        if not d["passed"]:
            line += f" ({'; '.join(d['reasons'])})"
        again = d.get("rewrite")
        if again and "error" in again:
            line += f"; rewrite failed: {again['error']}"
        elif again:
            line += f"; rewritten: {again['sentence']}{_recovered(again)}"
            if not again["passed"]:
                line += f" ({'; '.join(again['reasons'])})"
        if verdict == "replaced" and d.get("replacement"):
            line += f"; stands: {d['replacement']['text']}"
        lines.append(line)
    return lines


def _recovered(decision: dict[str, Any]) -> str:
    """" [citations recovered: 2, 3]" when the guard found the sentence's citations, else ""."""
    found = decision.get("recovered")
    return f" [citations recovered: {', '.join(map(str, found))}]" if found else ""


def _explain_guard(title: str, decisions: list[dict[str, Any]]) -> None:
    console.print(safe_text(title), soft_wrap=True)
    for line in guard_lines(decisions):
        console.print(safe_text(line), soft_wrap=True)


@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="Most results.")
@pass_ctx
@handle_errors
def search(ctx: Ctx, query: str, limit: int) -> None:
    """Full-text search of stored articles: words, "a phrase", prefix*, OR, NOT."""
    rows = ctx.read_store.search(query, limit=limit)
    texts = {a.id: a.text for a in ctx.read_store.articles([r["id"] for r in rows])}
    for r in rows:
        console.print(safe_text(f"{r['published'][:10]}  {r['outlet'][:20]:<20} {r['title'][:80]}"))
        console.print(Text.assemble("            ", snippet_text(r["snippet"], texts.get(r["id"]))), soft_wrap=True)
    console.print(f"{len(rows)} result(s)")


def snippet_text(snippet: str, text: str | None = None) -> Text:
    """Return a search snippet as Rich text, each match the store marked highlighted by a style.

    :param snippet: the ``snippet`` of a :meth:`~newsbrief.store.SQLiteStore.search` row.
    :param text: the article text it was cut from, so that brackets of the text stay as they are.
    """
    out = Text()
    for part, is_match in snippet_parts(snippet, text):
        out.append(safe_text(part, style="bold reverse" if is_match else ""))
    return out


@click.command("facts")
@click.option("--type", "type_", type=click.Choice(["funding", "regulation", "event", "entity"]), help="Only this type.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only facts from this day on.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@paging_options("facts", default=50)
@pass_ctx
@handle_errors
def facts_cmd(ctx: Ctx, type_: str | None, since: str | None, fmt: str, limit: int | None, offset: int) -> None:
    """List extracted facts (funding rounds, regulation, events, entities) with their sources."""
    since_day = _parse_day(since) if since else None
    rows = ctx.read_store.facts(type=type_, since=since_day, limit=limit if limit is not None else (None if fmt != "table" else 50),
                           offset=offset)
    total = ctx.read_store.fact_count(type=type_, since=since_day)
    note = page_note("facts", offset=offset, shown=len(rows), total=total)
    flat = [{"type": r["type"], "day": r["day"], "story_id": r["story_id"], "sentence": r["sentence"],
             "article_ids": r["article_ids"], **{k: v for k, v in r["data"].items() if k not in {"type", "sentence", "article_ids"}}}
            for r in rows]
    if fmt != "table" and len(flat) < total:
        click.echo(note, err=True)
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
            table.add_row(f["type"], f["day"], safe_text(str(what)[:40]), safe_text(f["sentence"][:90]))
        console.print(table)
        console.print(note)


@click.command()
@click.option("--dir", "out_dir", default="newsbrief-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and digests (its demo database is replaced).")
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars.")
@handle_errors
def demo(out_dir: str, no_progress: bool) -> None:
    """Run the whole pipeline on the bundled two-day sample corpus, offline, and write the digests."""
    from newsbrief.demo import run_demo

    started = time.perf_counter()
    parent = click.get_current_context().find_object(Ctx)
    remember_notices_in(Path(out_dir), verbose=bool(parent and parent.verbose))
    try:
        with progress_bars(not no_progress) as bar:
            result = run_demo(Path(out_dir), progress=bar)
    finally:
        forget_notices()
    table = Table("day", "sources", "articles", "stories", "sections", "short items", "events")
    for day, stats in result.stats.items():
        table.add_row(day, *(str(stats.get(k, 0)) for k in ("sources", "articles", "stories", "sections", "short_items", "events")))
    console.print(table)
    for fmt, path in result.paths.items():
        click.echo(f"digest ({fmt}): {path}")
    click.echo(f"done in {time.perf_counter() - started:.1f}s; database: {result.db_path}")


from newsbrief.cli.eval_commands import evaluate  # noqa: E402

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
@click.option("--email", "send_mail", is_flag=True, help="Email each day's digest to smtp.recipients once, recorded in `deliveries log`.")
@click.option("--once", is_flag=True, help="Run one poll (and digest if due), then exit.")
@click.option("--catch-up", type=click.Choice(["latest", "all"]), default=None,
              help="After downtime, send each delivery's latest missed digest, or every missed day [deliver.catch_up].")
@click.option("--engine", "engine_flag", metavar="ADDRESS", help=_ENGINE_HELP)
@pass_ctx
@handle_errors
def run_cmd(ctx: Ctx, interval: float, digest_at: str, out_dir: str | None, send_mail: bool, once: bool,
            catch_up: str | None, engine_flag: str | None) -> None:
    """Keep polling sources, build each morning's digest and send the due deliveries, until stopped.

    Ctrl-C or SIGTERM (systemctl stop) stops it between or inside polls: what was stored
    stays, and the next poll gets the rest. Exit status: 130 after Ctrl-C, 143 after SIGTERM.
    """
    from newsbrief.schedule import Tick, parse_time_of_day, run_forever

    settings = ctx.settings if catch_up is None else ctx.settings.replace(**{"deliver.catch_up": catch_up})

    at = parse_time_of_day(digest_at)
    out = Path(out_dir) if out_dir else ctx.settings.data_dir / "digests"
    deliver = None
    if send_mail:
        # the same exactly-once, recorded path as a configured delivery to smtp.recipients
        settings = _with_smtp_delivery(settings, at)

    stored = [0]  # articles stored by the finished polls
    polls: list[IngestReport] = []  # the poll under way

    def report(t: Tick) -> None:
        r = t.report
        stored[0] += r.stored
        polls.clear()
        line = (f"{t.at:%Y-%m-%d %H:%M} polled {r.sources}: {r.new_articles} new, {r.not_modified} unchanged, "
                f"{r.failed} failed")
        if t.digest_day:
            line += f"; digest {t.digest_day} -> {', '.join(str(p) for p in t.paths.values())}"
        elif t.no_digest:
            line += f"; no digest built: {t.no_digest}"
        click.echo(line)
        for s in t.sends:
            click.echo(safe_text(f"  {s.delivery} {s.day} -> {s.recipient}: {s.status}"
                                 + (f" (attempt {s.attempt})" if s.attempt > 1 else "") + (f": {s.error}" if s.error else "")).plain)

    def poll_started(r: IngestReport) -> None:
        stored[0] += sum(p.stored for p in polls)  # a poll that failed before its line
        polls[:] = [r]

    address = engine_address(settings, engine_flag)
    try:
        with stop_on_signals(), open_engine(address) as engine:
            run_forever(ctx.store, settings, interval=interval, digest_at=at, out_dir=out, on_tick=report,
                        deliver=deliver, max_ticks=1 if once else None, on_poll=poll_started, engine=engine)
    except KeyboardInterrupt as stop:
        _stopped(stop, stored=stored[0] + sum(r.stored for r in polls), left=sum(r.left for r in polls))


def _with_smtp_delivery(settings: Settings, at: dt.time) -> Settings:
    """Return ``settings`` with a delivery named ``smtp.recipients`` that emails them each day at ``at`` (UTC)."""
    from urllib.parse import quote

    from newsbrief.deliveries import Delivery

    recipients = list(settings["smtp.recipients"])
    if not recipients:
        raise click.UsageError("run --email: set smtp.recipients (and smtp.host) in the config first")
    out = settings.replace()
    out.deliveries = (*settings.deliveries, Delivery(
        name="smtp.recipients", to="mailto:" + ",".join(quote(r, safe="@") for r in recipients), channel="email", at=at))
    return out


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8080, show_default=True, type=int, help="TCP port (0: any free port).")
@click.option("--hash-password", is_flag=True, help="Read a password and print its hash for web.admin_password.")
@pass_ctx
@handle_errors
def serve_cmd(ctx: Ctx, host: str, port: int, hash_password: bool) -> None:
    """Serve the web UI and JSON API until Ctrl-C."""
    if hash_password:
        from newsbrief.web.auth import hash_password as make_hash

        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
        if not password.strip():
            raise click.UsageError("serve --hash-password: the password is empty")
        click.echo(make_hash(password))
        return
    from newsbrief.web import make_app, serve

    app = make_app(ctx.settings.store, settings=ctx.settings, bind_host=host)
    if not is_loopback_host(host):
        reading = ("anyone who can reach this port can read every digest and source" if ctx.settings["web.public_read"]
                   else "reading needs sign-in")
        click.echo(f"warning: {host} is not a loopback address: {reading}, and the password and session cookie "
                   "cross the network in clear without TLS. Put it behind a reverse proxy with HTTPS "
                   "(docs/reverse-proxy.md), or bind 127.0.0.1.", err=True)
    try:
        serve(app, host=host, port=port,
              ready=lambda url: click.echo(f"serving on {url} (Ctrl-C to stop)"))
    except KeyboardInterrupt:
        pass
    click.echo("stopped")


def is_loopback_host(host: str) -> bool:
    """Return True when every address ``host`` names is a loopback address (127.0.0.0/8, ::1).

    ``0.0.0.0``, ``::``, a LAN address or a name that does not resolve count as exposed.

    :param host: the ``--host`` value: an IP address or a name.
    """
    name = host.strip().strip("[]")
    if name.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None)
    except (OSError, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos)
