"""Score the whole pipeline on an annotated day of real news (``newsbrief eval realnews``).

Input: a JSONL (optionally gzipped) of real articles (``id``, ``published``, ``source``,
``title``, ``content`` with paragraphs separated by newlines) and one annotation file per day
(the format of ``bench/realnews/annotations/README.md``: events, kinds, major events, a sample
of articles with their boilerplate lines).

For each day the articles become one RSS file per outlet (full text in the feed, page
fetching off), a fresh data folder subscribes to them, ``ingest`` and ``build_digest`` run as in
production, and the result is scored:

- **grouping**: pairwise and B-cubed scores of the day's stories against the annotated events
  (a syndicated copy counts in its original's story; an article that was not stored is a
  story of its own);
- **top 8**: of the first eight stories of the digest (in the order the digest shows them),
  how many are one of the editor's major events (the story's majority event), and how many are
  junk (ticker, paywall stub, promo, puzzle, satire);
- **boilerplate**: of the annotated boilerplate lines of the sampled articles, how many are
  still in the text the later stages read, and how many content lines were lost; and how many
  digest sentences come from an annotated boilerplate line;
- **length**: words of the Markdown digest, its reading time, items per section;
- **time**: seconds of ingest (stages 1-4, then the per-article work ``newsbrief fetch`` does ahead of
  the digest: cleaning, clustering, facts and sentence vectors) and of the digest build, measured in this run.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from newsbrief.errors import EvalError
from newsbrief.ingest.sanitize import strip_control_chars
from newsbrief.eval.jsonl import read_jsonl

__all__ = ["JUNK_KINDS", "evaluate_day", "format_report", "load_annotation", "read_articles", "read_articles_by_id"]

JUNK_KINDS = frozenset({"ticker", "paywall", "listicle_or_promo", "horoscope_puzzle", "satire"})
_URL_ID = re.compile(r"/item/([^/?#]+)$")


def read_articles(path: Path, days: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Return the articles of each wanted UTC day, in file order.

    :param path: JSONL or JSONL.gz of articles.
    :param days: ``YYYY-MM-DD`` days to keep.
    """
    wanted = set(days)
    out: dict[str, list[dict[str, Any]]] = {d: [] for d in wanted}
    for n, row in read_jsonl(path):
        try:
            day = str(row["published"])[:10]
        except KeyError as exc:
            raise EvalError(f"eval: {path}:{n}: not an article line (no {exc})") from exc
        if day in wanted:
            out[day].append(row)
    return out


def read_articles_by_id(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return the articles of a JSONL (or JSONL.gz) file whose ``id`` is wanted.

    :param path: the articles file.
    :param ids: the wanted ids.
    """
    wanted = set(ids)
    out: dict[str, dict[str, Any]] = {}
    for n, row in read_jsonl(path):
        if str(row.get("id")) in wanted:
            out[str(row["id"])] = row
    return out


def load_annotation(path: Path) -> dict[str, Any]:
    """Read one day's annotation and check that its events partition its articles.

    :param path: ``DAY.json``.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"eval: cannot read annotation {path}: {exc}") from exc
    for key in ("day", "events", "major_events"):
        if key not in data:
            raise EvalError(f"eval: {path}: no {key!r}")
    seen: Counter[str] = Counter(a for e in data["events"] for a in e["articles"])
    twice = [a for a, n in seen.items() if n > 1]
    if twice:
        raise EvalError(f"eval: {path}: article {twice[0]} is in more than one event")
    return dict(data)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "outlet"


def write_feeds(articles: Sequence[Mapping[str, Any]], folder: Path) -> int:
    """Write one RSS 2.0 file per outlet, full text in ``content:encoded``; return the file count.

    Each item links to ``https://<outlet>.example.com/item/<id>``, so a stored article maps
    back to its annotated id.

    :param articles: the day's articles.
    :param folder: where the files go.
    """
    by_outlet: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for a in articles:
        by_outlet[str(a.get("source") or "unknown")].append(a)
    folder.mkdir(parents=True, exist_ok=True)
    used: Counter[str] = Counter()
    for outlet, items in by_outlet.items():
        slug = _slug(outlet)
        used[slug] += 1
        name = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        parts = []
        for a in items:
            when = dt.datetime.fromisoformat(str(a["published"]).replace("Z", "+00:00"))
            paras = "".join(f"<p>{escape(p)}</p>" for p in str(a.get("content") or "").split("\n") if p.strip())
            parts.append(
                f"<item><title>{escape(str(a.get('title') or ''))}</title>"
                f"<link>https://{name}.example.com/item/{escape(str(a['id']))}</link>"
                f"<guid isPermaLink=\"false\">{escape(str(a['id']))}</guid>"
                f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"
                f"<content:encoded><![CDATA[{paras.replace(']]>', ']]&gt;')}]]></content:encoded></item>")
        (folder / f"{name}.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(outlet)}</title><link>https://{name}.example.com/</link>"
            + "".join(parts) + "</channel></rss>", encoding="utf-8")
    return len(by_outlet)


def _gold_id(url: str) -> str | None:
    m = _URL_ID.search(url)
    return m.group(1) if m else None


def _norm(text: str) -> str:
    """A line as ingest stores it (control characters and invisible marks dropped), case folded and without
    spaces: the cleaner may part two sentences a page ran together ("homes.The"), which loses no text."""
    return "".join(strip_control_chars(text).split()).lower()


def _boilerplate_scores(ann: Mapping[str, Any], raw: Mapping[str, Mapping[str, Any]],
                        texts: Mapping[str, str]) -> dict[str, Any]:
    """How much annotated boilerplate survives into stored text, and how much content is lost."""
    kept_bp = total_bp = lost_content = total_content = 0
    missing = 0
    by_kind: Counter[str] = Counter()
    kept_kind: Counter[str] = Counter()
    for aid in ann.get("boilerplate_sample", []):
        article = raw.get(aid)
        if article is None:
            continue
        text = texts.get(aid)
        if text is None:
            missing += 1
            continue
        stored = _norm(text)
        marks = {int(m["line"]): m for m in ann.get("boilerplate", {}).get(aid, [])}
        for i, line in enumerate(str(article.get("content") or "").split("\n")):
            line = line.strip()
            if not line:
                continue
            mark = marks.get(i)
            if mark is None:
                total_content += 1
                lost_content += _norm(line) not in stored
                continue
            span = line[mark["chars"][0]:mark["chars"][1]] if mark.get("chars") else line
            if len(span.strip()) < 3:
                continue
            total_bp += 1
            by_kind[mark["kind"]] += 1
            if _norm(span) in stored:
                kept_bp += 1
                kept_kind[mark["kind"]] += 1
    return {
        "sampled_articles": len(ann.get("boilerplate_sample", [])), "sampled_not_stored": missing,
        "boilerplate_lines": total_bp, "boilerplate_kept": kept_bp,
        "boilerplate_kept_share": kept_bp / total_bp if total_bp else 0.0,
        "content_lines": total_content, "content_lost": lost_content,
        "content_lost_share": lost_content / total_content if total_content else 0.0,
        "kept_by_kind": {k: f"{kept_kind[k]}/{n}" for k, n in sorted(by_kind.items())},
    }


def _boilerplate_hashes(ann: Mapping[str, Any]) -> set[str]:
    return {m["sha1"] for marks in ann.get("boilerplate", {}).values() for m in marks if not m.get("chars")}


def evaluate_day(articles: Sequence[Mapping[str, Any]], ann: Mapping[str, Any], *,
                 workdir: Path | None = None) -> dict[str, Any]:
    """Run the pipeline on one annotated day and score it (see the module docstring).

    :param articles: the day's articles (from :func:`read_articles`).
    :param ann: the day's annotation (from :func:`load_annotation`).
    :param workdir: keep the data folder here (default: a temporary folder, removed after).
    """
    from newsbrief import render as render_mod
    from newsbrief.config import load_settings
    from newsbrief.pipeline import analyse_new, build_digest, feed_files, ingest
    from newsbrief.store import open_store

    day = dt.date.fromisoformat(ann["day"])
    raw = {str(a["id"]): a for a in articles}
    gold = {aid: e["id"] for e in ann["events"] for aid in e["articles"] if aid in raw}
    if len(gold) != len(raw):
        raise EvalError(f"eval: {ann['day']}: {len(raw) - len(gold)} articles of the day have no annotated event")
    kinds = dict(ann.get("kinds", {}))
    major = list(ann["major_events"])
    labels = {e["id"]: str(e.get("label", "")) for e in ann["events"]}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(workdir) if workdir else Path(tmp)
        feeds = root / "feeds"
        n_files = write_feeds(articles, feeds)
        settings = load_settings(data_dir=root / "data", env={"NEWSBRIEF_FETCH_FULL_TEXT": "false"})
        (root / "data").mkdir(parents=True, exist_ok=True)
        store = open_store(root / "data" / "newsbrief.db")
        try:
            store.add_sources([(f, "", 1.0) for f in feed_files(str(feeds))])
            t0 = time.perf_counter()
            report = ingest(store, settings, force=True)
            analyse_new(store, settings)  # as `newsbrief fetch` does: clean, cluster, per-article facts and vectors
            t1 = time.perf_counter()
            digest = build_digest(store, settings, day=day)
            t2 = time.perf_counter()
            stored = store.articles_between(
                dt.datetime.combine(day, dt.time(), dt.timezone.utc) - dt.timedelta(days=1),
                dt.datetime.combine(day, dt.time(), dt.timezone.utc) + dt.timedelta(days=2), originals_only=False)
            by_gold = {gid: a for a in stored if (gid := _gold_id(a.url))}
            story_of: dict[str, str] = {}
            for row in store.story_rows(day=day):
                for aid in str(row["article_ids"]).split(","):
                    story_of[aid] = row["id"]
        finally:
            store.close()
    # Grouping: every annotated article gets a predicted label.
    pred: dict[str, str] = {}
    for gid in gold:
        art = by_gold.get(gid)
        label = None
        if art is not None:
            label = story_of.get(art.duplicate_of or art.id) or story_of.get(art.id)
        pred[gid] = label or f"alone:{gid}"
    from newsbrief.eval.scoring import cluster_scores

    grouping = cluster_scores(gold, pred)
    # Top 8 in the order the digest shows them.
    order: list[str] = []
    for sec in digest.sections:
        if sec.kind == "ahead":
            continue
        for it in sec.items:
            if it.story_id not in order:
                order.append(it.story_id)
    members: dict[str, list[str]] = defaultdict(list)
    for gid, label in pred.items():
        members[label].append(gid)
    top = []
    for sid in order[:8]:
        ids = members.get(sid, [])
        event = Counter(gold[g] for g in ids).most_common(1)[0][0] if ids else ""
        junk = sum(kinds.get(g, "news") in JUNK_KINDS for g in ids)
        top.append({"story_id": sid, "event": event, "label": labels.get(event, ""), "major": event in major,
                    "articles": len(ids), "junk": bool(ids) and junk * 2 >= len(ids)})
    # Boilerplate in the text later stages read, and in the digest's sentences.
    texts = {gid: a.text for gid, a in by_gold.items()}
    boiler = _boilerplate_scores(ann, raw, texts)
    bp_hashes = _boilerplate_hashes(ann)
    sentences = [s.text for sec in digest.sections for it in sec.items for p in it.paragraphs for s in p]
    sentences += [s.text for s in digest.lede]
    bp_lines = {_norm(line) for aid in ann.get("boilerplate", {}) if aid in raw
                for line in str(raw[aid].get("content") or "").split("\n")
                if hashlib.sha1(line.strip().encode()).hexdigest() in bp_hashes}
    digest_bp = [s for s in sentences if _norm(s) and any(_norm(s) in line for line in bp_lines)]
    md = render_mod.render(digest, "md")
    sections = {sec.kind: len(sec.items) for sec in digest.sections}
    return {
        "day": ann["day"], "articles": len(raw), "outlets": n_files, "stored": len(by_gold),
        "ingest": {"new": report.new_articles, "duplicates": report.duplicates, "skipped": report.skipped},
        "grouping": grouping,
        "top8": {"major": sum(t["major"] for t in top), "junk": sum(t["junk"] for t in top), "stories": top},
        "boilerplate": boiler | {"digest_sentences": len(sentences), "digest_sentences_from_annotated_boilerplate":
                                 len(digest_bp), "digest_boilerplate_sentences": digest_bp},
        "length": {"words": len(md.split()), "reading_minutes": digest.stats.get("reading_minutes", 0),
                   "sections": sections, "more_items": digest.stats.get("more_items", 0)},
        "seconds": {"ingest": round(t1 - t0, 2), "digest": round(t2 - t1, 2)},
    }


def format_report(results: Sequence[Mapping[str, Any]]) -> str:
    """Return a plain-text table of :func:`evaluate_day` results.

    :param results: one result per day.
    """
    lines = [f"{'day':<11} {'arts':>5} {'pairP':>6} {'pairR':>6} {'pairF1':>6} {'b3F1':>6} {'top8maj':>7} "
             f"{'junk':>4} {'bp kept':>9} {'lost':>7} {'words':>6} {'min':>4} {'ingest s':>8} {'digest s':>8}"]
    for r in results:
        g, b = r["grouping"], r["boilerplate"]
        lines.append(
            f"{r['day']:<11} {r['articles']:>5} {g['pairwise_precision']:>6.3f} {g['pairwise_recall']:>6.3f} "
            f"{g['pairwise_f1']:>6.3f} {g['bcubed_f1']:>6.3f} {r['top8']['major']:>5}/8 {r['top8']['junk']:>4} "
            f"{b['boilerplate_kept']:>4}/{b['boilerplate_lines']:<4} {b['content_lost']:>3}/{b['content_lines']:<3} "
            f"{r['length']['words']:>6} {r['length']['reading_minutes']:>4} {r['seconds']['ingest']:>8} "
            f"{r['seconds']['digest']:>8}")
    for r in results:
        lines.append(f"\n{r['day']}: top 8 as shown (the annotated event each story mostly holds)")
        for t in r["top8"]["stories"]:
            flag = "major" if t["major"] else ("JUNK " if t["junk"] else "     ")
            lines.append(f"  {flag} {t['articles']:>3} arts  {t['event']}: {t['label'][:80]}")
        lines.append(f"  sections: {r['length']['sections']}, more: {r['length']['more_items']}; "
                     f"digest sentences from annotated boilerplate: "
                     f"{r['boilerplate']['digest_sentences_from_annotated_boilerplate']}"
                     f"/{r['boilerplate']['digest_sentences']}; boilerplate kept by kind: "
                     f"{r['boilerplate']['kept_by_kind']}")
    return "\n".join(lines)
