#!/usr/bin/env python3
"""Build the bundled newsbrief sample corpus from ``scripts/sample_src``.

Writes, under the output directory (default ``src/newsbrief/sample``):

- ``web/<host>/<path>``: full HTML article pages and outlet homepages (same on both days);
  a URL ending in ``/`` is stored as ``.../index.html``;
- ``days/<YYYY-MM-DD>/<host>/<feedpath>``: each feed as it looked at the end of that day;
- ``sources.opml``: every feed URL;
- ``answer_key.json``: outlets, stories, articles, funding, regulation and events;
- ``README.md``: a short description of the layout.

The output is deterministic: running the script twice gives identical bytes.
Usage: ``python scripts/build_sample.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import hashlib
import html
import json
import logging
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sample_src import day1, day2_halvard, day2_hard, day2_minor, day2_multi, day2_other
from sample_src.outlets import FEED_FORMATS, OUTLETS, WIRE_AGENCY
from sample_src.pages import render_homepage, render_page
from sample_src.stories import (
    AGGREGATES,
    EVENTS,
    FUNDING,
    NEAR_DUPLICATE_STORIES,
    NOT_FUNDING_ROUNDS,
    PAST_EVENTS,
    REGULATION,
    STORIES,
)

LOGGER = logging.getLogger("build_sample")

DAYS = ["2026-11-26", "2026-11-27"]
MAIN_DAY = "2026-11-27"
DEFAULT_OUT = HERE.parent / "src" / "newsbrief" / "sample"
GENERATED = ("web", "days", "sources.opml", "answer_key.json", "README.md")
TEASER_CHARS = 170


# ----------------------------------------------------------------------------- articles
def _tz(offset: str) -> dt.timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def load_articles() -> list[dict[str, Any]]:
    """Return every article with derived fields (url, local time, day), validated."""
    raw = (day1.ARTICLES + day2_halvard.ARTICLES + day2_multi.ARTICLES + day2_other.ARTICLES + day2_minor.ARTICLES
           + day2_hard.ARTICLES)
    story_ids = {s["id"] for s in STORIES}
    seen_keys: set[str] = set()
    seen_urls: set[str] = set()
    out = []
    for art in raw:
        a = dict(art)
        outlet = OUTLETS[a["outlet"]]
        utc = dt.datetime.fromisoformat(a["when"])
        local = utc.astimezone(_tz(outlet["offset"]))
        if local.date() != utc.date():
            raise SystemExit(f"{a['key']}: local date {local.date()} differs from UTC date {utc.date()}")
        path = outlet["path"].format(
            y=f"{local.year:04d}", m=f"{local.month:02d}", d=f"{local.day:02d}", slug=a["slug"], section=a["section"]
        )
        if not a["feeds"]:
            a["feeds"] = [next(iter(outlet["feeds"]))]
        a["url"] = f"http://{outlet['host']}{path}"
        a["utc"] = utc
        a["local"] = local
        a["day"] = utc.date().isoformat()
        if a["key"] in seen_keys or a["url"] in seen_urls:
            raise SystemExit(f"duplicate article key or url: {a['key']} {a['url']}")
        seen_keys.add(a["key"])
        seen_urls.add(a["url"])
        if a["story"] not in story_ids:
            raise SystemExit(f"{a['key']}: unknown story {a['story']}")
        if a["day"] not in DAYS:
            raise SystemExit(f"{a['key']}: day {a['day']} outside the corpus")
        if not 3 <= len(a["paragraphs"]) <= 8 and "paywall-stub" not in a["cases"]:
            raise SystemExit(f"{a['key']}: {len(a['paragraphs'])} paragraphs (want 3-8)")
        for feed in a["feeds"]:
            if feed not in outlet["feeds"]:
                raise SystemExit(f"{a['key']}: outlet {a['outlet']} has no feed {feed!r}")
        for p in a["paragraphs"]:
            if "]]>" in p:
                raise SystemExit(f"{a['key']}: ']]>' in text")
        out.append(a)
    by_key = {a["key"]: a for a in out}
    # wire copies: identical bodies, first published is canonical
    wires: dict[str, list[dict[str, Any]]] = {}
    for a in out:
        a["duplicate_of"] = None
        if a["wire"]:
            wires.setdefault(a["wire"], []).append(a)
    for group in wires.values():
        group.sort(key=lambda x: x["utc"])
        for other in group[1:]:
            if other["paragraphs"] != group[0]["paragraphs"]:
                raise SystemExit(f"wire copies differ: {group[0]['key']} vs {other['key']}")
            other["duplicate_of"] = group[0]["url"]
    for a in out:
        if a["updates"] and a["updates"] not in by_key:
            raise SystemExit(f"{a['key']}: updates unknown article {a['updates']}")
    out.sort(key=lambda x: (x["utc"], x["key"]))
    return out


def prose(a: dict[str, Any]) -> list[str]:
    """The paragraphs of an article body that are article prose (no byline, caption or prompt)."""
    lines = {b["text"] for b in a["boilerplate"]}
    return [p for p in a["paragraphs"] if p not in lines]


def words(a: dict[str, Any]) -> int:
    """Count the words of an article body's prose."""
    return sum(len(p.split()) for p in prose(a))


def teaser(text: str, ellipsis: str) -> str:
    """Cut a paragraph at a word boundary before TEASER_CHARS and add an ellipsis."""
    if len(text) <= TEASER_CHARS:
        cut = text.rsplit(" ", 3)[0]
    else:
        cut = text[:TEASER_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.- ") + ellipsis


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph (naive split on '. ')."""
    head, sep, _ = text.partition(". ")
    return head + "." if sep else text


def summary_of(a: dict[str, Any]) -> str:
    """The short summary an outlet puts in its feed: the dek, else the first sentence."""
    return a["dek"] or first_sentence(a["paragraphs"][0])


def body_html(a: dict[str, Any]) -> str:
    """The article body as feed HTML (one <p> per paragraph)."""
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a["paragraphs"])


def stable_id(key: str, digits: int = 6) -> str:
    """A deterministic numeric id derived from an article key."""
    return str(int(hashlib.sha1(key.encode()).hexdigest(), 16) % 10**digits).zfill(digits)


def guid_of(a: dict[str, Any]) -> tuple[str, bool]:
    """Return (guid, is_permalink) as the outlet's feed would publish it."""
    o = a["outlet"]
    if o == "sl":
        return f"stackline-post-{stable_id(a['key'])}", False
    if o == "fs":
        return f"foundrystreet:deal:{stable_id(a['key'], 8)}", False
    if o in ("bw", "ng", "oi"):
        host = OUTLETS[o]["host"]
        return f"tag:{host},{a['local'].date().isoformat()}:{urlsplit(a['url']).path}", False
    if o == "pb":
        return f"pb-{stable_id(a['key'], 7)}", False
    return a["url"], True


# ----------------------------------------------------------------------------- feeds
def feed_items(articles: list[dict[str, Any]], outlet_key: str, feed_key: str, day: str) -> list[dict[str, Any]]:
    """The items a feed shows at the end of ``day``: that day's items, newest first, plus a few older ones."""
    cfg = OUTLETS[outlet_key]["feeds"][feed_key]
    mine = [a for a in articles if a["outlet"] == outlet_key and feed_key in a["feeds"]]
    today = sorted((a for a in mine if a["day"] == day), key=lambda x: x["utc"], reverse=True)
    older = sorted((a for a in mine if a["day"] < day), key=lambda x: x["utc"], reverse=True)
    return (today + older[: cfg["keep_prev"]])[: cfg["max"]]


def _x(text: str) -> str:
    return html.escape(text, quote=True)


def _rfc822(d: dt.datetime) -> str:
    return email.utils.format_datetime(d)


def _iso(d: dt.datetime) -> str:
    return d.isoformat()


def render_rss2(outlet_key: str, feed_key: str, items: list[dict[str, Any]]) -> str:
    """Render an RSS 2.0 feed in one of the three RSS flavours of the corpus."""
    o = OUTLETS[outlet_key]
    cfg = o["feeds"][feed_key]
    fmt = cfg["format"]
    url = f"http://{o['host']}{cfg['url']}"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        ),
        "<channel>",
        f"  <title>{_x(cfg['title'])}</title>",
        f"  <link>http://{o['host']}/</link>",
        f"  <description>{_x(o['tagline'])}</description>",
        f"  <language>{o['lang'].lower()}</language>",
    ]
    if items:
        lines.append(f"  <lastBuildDate>{_rfc822(items[0]['local'])}</lastBuildDate>")
    lines += [
        f'  <atom:link href="{_x(url)}" rel="self" type="application/rss+xml"/>',
        "  <generator>Ledgerpress 4.2</generator>" if outlet_key == "cl" else "  <generator>Inkwell CMS</generator>",
        "  <ttl>30</ttl>",
    ]
    for a in items:
        guid, perma = guid_of(a)
        lines.append("  <item>")
        lines.append(f"    <title>{_x(a['title'])}</title>")
        lines.append(f"    <link>{_x(a['url'])}</link>")
        lines.append(f'    <guid isPermaLink="{"true" if perma else "false"}">{_x(guid)}</guid>')
        lines.append(f"    <pubDate>{_rfc822(a['local'])}</pubDate>")
        if o["author_in_feed"]:
            lines.append(f"    <dc:creator>{_x(a['author'])}</dc:creator>")
        lines.append(f"    <category>{_x(a['section'].replace('-', ' ').title())}</category>")
        if fmt == "rss2-content":
            lines.append(f"    <description>{_x(summary_of(a))}</description>")
            lines.append(f"    <content:encoded><![CDATA[{body_html(a)}]]></content:encoded>")
        elif fmt == "rss2-teaser":
            lines.append(f"    <description>{_x(teaser(a['paragraphs'][0], '…'))}</description>")
        elif fmt == "rss2-teaser-content":
            lines.append(f"    <description>{_x(teaser(a['paragraphs'][0], '...'))}</description>")
            lines.append(f"    <content:encoded><![CDATA[{body_html(a)}]]></content:encoded>")
        else:
            raise ValueError(fmt)
        lines.append("  </item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def render_atom(outlet_key: str, feed_key: str, items: list[dict[str, Any]]) -> str:
    """Render an Atom 1.0 feed with full content or summaries only."""
    o = OUTLETS[outlet_key]
    cfg = o["feeds"][feed_key]
    url = f"http://{o['host']}{cfg['url']}"
    updated = items[0]["local"] if items else dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{o["lang"]}">',
        f"  <title>{_x(cfg['title'])}</title>",
        f"  <subtitle>{_x(o['tagline'])}</subtitle>",
        f'  <link rel="self" type="application/atom+xml" href="{_x(url)}"/>',
        f'  <link rel="alternate" type="text/html" href="http://{o["host"]}/"/>',
        f"  <id>tag:{o['host']},2019:feed{cfg['url']}</id>",
        f"  <updated>{_iso(updated)}</updated>",
        f"  <rights>© 2026 {_x(o['name'])}</rights>",
    ]
    for a in items:
        guid, _ = guid_of(a)
        lines += [
            "  <entry>",
            f"    <title type=\"text\">{_x(a['title'])}</title>",
            f'    <link rel="alternate" type="text/html" href="{_x(a["url"])}"/>',
            f"    <id>{_x(guid)}</id>",
            f"    <published>{_iso(a['local'])}</published>",
            f"    <updated>{_iso(a['local'])}</updated>",
            f"    <author><name>{_x(a['author'])}</name></author>",
            f'    <category term="{_x(a["section"])}"/>',
            f'    <summary type="text">{_x(summary_of(a))}</summary>',
        ]
        if cfg["format"] == "atom-content":
            lines.append(f'    <content type="html">{_x(body_html(a))}</content>')
        lines.append("  </entry>")
    lines += ["</feed>", ""]
    return "\n".join(lines)


def render_jsonfeed(outlet_key: str, feed_key: str, items: list[dict[str, Any]]) -> str:
    """Render a JSON Feed 1.1 document with content_html or summary-only items."""
    o = OUTLETS[outlet_key]
    cfg = o["feeds"][feed_key]
    doc: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": cfg["title"],
        "home_page_url": f"http://{o['host']}/",
        "feed_url": f"http://{o['host']}{cfg['url']}",
        "description": o["tagline"],
        "language": o["lang"],
        "icon": f"http://{o['host']}/static/icon-512.png",
        "items": [],
    }
    for a in items:
        guid, _ = guid_of(a)
        item: dict[str, Any] = {"id": guid, "url": a["url"], "title": a["title"]}
        if cfg["format"] == "json-content":
            item["content_html"] = body_html(a)
            item["summary"] = summary_of(a)
        else:
            item["content_text"] = summary_of(a)
            item["summary"] = summary_of(a)
        item["date_published"] = _iso(a["local"])
        if o["author_in_feed"]:
            item["authors"] = [{"name": a["author"]}]
            item["author"] = {"name": a["author"]}
        item["tags"] = [a["section"]]
        doc["items"].append(item)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_rss1(outlet_key: str, feed_key: str, items: list[dict[str, Any]]) -> str:
    """Render an RSS 1.0 (RDF) feed with Dublin Core dates and creators."""
    o = OUTLETS[outlet_key]
    cfg = o["feeds"][feed_key]
    url = f"http://{o['host']}{cfg['url']}"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        ),
        f'  <channel rdf:about="{_x(url)}">',
        f"    <title>{_x(cfg['title'])}</title>",
        f"    <link>http://{o['host']}/</link>",
        f"    <description>{_x(o['tagline'])}</description>",
        f"    <dc:language>{o['lang']}</dc:language>",
    ]
    if items:
        lines.append(f"    <dc:date>{_iso(items[0]['local'])}</dc:date>")
    lines.append("    <items>")
    lines.append("      <rdf:Seq>")
    for a in items:
        lines.append(f'        <rdf:li rdf:resource="{_x(a["url"])}"/>')
    lines += ["      </rdf:Seq>", "    </items>", "  </channel>"]
    for a in items:
        lines += [
            f'  <item rdf:about="{_x(a["url"])}">',
            f"    <title>{_x(a['title'])}</title>",
            f"    <link>{_x(a['url'])}</link>",
            f"    <description>{_x(summary_of(a))}</description>",
            f"    <dc:creator>{_x(a['author'])}</dc:creator>",
            f"    <dc:date>{_iso(a['local'])}</dc:date>",
            f"    <dc:subject>{_x(a['section'])}</dc:subject>",
            "  </item>",
        ]
    lines += ["</rdf:RDF>", ""]
    return "\n".join(lines)


# What a server should send as Content-Type for each feed format.
CONTENT_TYPES = {
    "rss2": "application/rss+xml; charset=utf-8",
    "rss1": "application/rdf+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "jsonfeed": "application/feed+json; charset=utf-8",
}

# The hard case each feed variant represents for its items.
FEED_CASES = {
    "rss2-content": "full-content",
    "rss2-teaser": "teaser-only",
    "rss2-teaser-content": "teaser+content",
    "atom-content": "full-content",
    "atom-summary": "summary-only",
    "json-content": "full-content",
    "json-summary": "summary-only",
    "rss1": "summary-only",
}

RENDERERS = {"rss2": render_rss2, "atom": render_atom, "jsonfeed": render_jsonfeed, "rss1": render_rss1}


# ----------------------------------------------------------------------------- output
def url_to_path(root: Path, url: str) -> Path:
    """Map an http URL to its file under ``root`` (a trailing '/' becomes index.html)."""
    parts = urlsplit(url)
    rel = parts.path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    return root / parts.netloc / rel


def write(path: Path, text: str) -> None:
    """Write UTF-8 text with LF newlines, creating parent directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise SystemExit(f"path written twice: {path}")
    path.write_bytes(text.encode("utf-8"))


def feed_urls() -> list[tuple[str, str, str]]:
    """Return (outlet key, feed key, feed URL) for every feed, in a stable order."""
    return [(ok, fk, f"http://{o['host']}{f['url']}") for ok, o in OUTLETS.items() for fk, f in o["feeds"].items()]


def render_opml() -> str:
    """An OPML 2.0 subscription list with one outline per feed."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        "    <title>newsbrief sample sources</title>",
        "    <dateCreated>Wed, 25 Nov 2026 12:00:00 GMT</dateCreated>",
        "    <ownerName>newsbrief</ownerName>",
        "  </head>",
        "  <body>",
        '    <outline text="Tech news" title="Tech news">',
    ]
    for ok, fk, url in feed_urls():
        o = OUTLETS[ok]
        f = o["feeds"][fk]
        kind = {"rss2": "rss", "rss1": "rss", "atom": "atom", "jsonfeed": "json"}[FEED_FORMATS[f["format"]]]
        lines.append(
            f'      <outline type="{kind}" text="{_x(f["title"])}" title="{_x(f["title"])}" '
            f'xmlUrl="{_x(url)}" htmlUrl="http://{o["host"]}/"/>'
        )
    lines += ["    </outline>", "  </body>", "</opml>", ""]
    return "\n".join(lines)


def _check_facts(by_key: dict[str, dict[str, Any]]) -> None:
    """Fail when a fact names an article whose text does not support it."""

    def text(k: str) -> str:
        if k not in by_key:
            raise SystemExit(f"fact names unknown article {k}")
        return " ".join(by_key[k]["paragraphs"]).lower()

    for f in FUNDING:
        for k in f["keys"]:
            t = text(k)
            for name in [f["company"].split()[0], *f["lead_investors"]]:
                if name.lower() not in t:
                    raise SystemExit(f"funding {f['company']}: {name!r} not in {k}")
    for r in REGULATION:
        for k in r["keys"]:
            if r["rule"].lower().split()[0] not in text(k):
                raise SystemExit(f"regulation {r['rule']}: not in {k}")
    for ev in EVENTS:
        if not any(ev["expression"].lower() in text(k) for k in ev["keys"]):
            raise SystemExit(f"event {ev['what']}: expression {ev['expression']!r} in none of {ev['keys']}")
        if ev["start"] > ev["end"]:
            raise SystemExit(f"event {ev['what']}: start after end")
        for k in ev["keys"]:
            if by_key[k]["story"] != ev["story"]:
                raise SystemExit(f"event {ev['what']}: {k} is not in story {ev['story']}")
    for nf in NOT_FUNDING_ROUNDS:
        pieces = [piece.strip().lower() for piece in nf["text"].split("...")]
        if not any(all(piece in text(k) for piece in pieces) for k in nf["keys"]):
            raise SystemExit(f"not-funding text {nf['text']!r} not found")
    for ag in AGGREGATES:
        for k in ag["keys"]:
            if ag["text"].lower() not in text(k):
                raise SystemExit(f"aggregate text not verbatim in {k}")


def _urls(keys: list[str], by_key: dict[str, dict[str, Any]]) -> list[str]:
    return [by_key[k]["url"] for k in keys]


def build_key(articles: list[dict[str, Any]], listed: dict[str, list[str]]) -> dict[str, Any]:
    """Assemble the machine-readable answer key."""
    by_key = {a["key"]: a for a in articles}
    outlets = []
    for ok, o in OUTLETS.items():
        outlets.append({
            "name": o["name"],
            "host": o["host"],
            "key": ok,
            "feeds": [
                {"url": f"http://{o['host']}{f['url']}", "format": FEED_FORMATS[f["format"]], "variant": f["format"],
                 "title": f["title"], "content_type": CONTENT_TYPES[FEED_FORMATS[f["format"]]]}
                for f in o["feeds"].values()
            ],
        })
    stories = []
    for s in STORIES:
        days = sorted({a["day"] for a in articles if a["story"] == s["id"]})
        if not days:
            raise SystemExit(f"story {s['id']} has no article")
        stories.append({"id": s["id"], "title": s["title"], "days": days, "kind": s["kind"], "notes": s["notes"]})
    arts = []
    for a in articles:
        if not listed.get(a["url"]):
            raise SystemExit(f"{a['key']}: not listed in any feed")
        cases = list(a["cases"])
        for fk in a["feeds"]:
            cases.append(FEED_CASES[OUTLETS[a["outlet"]]["feeds"][fk]["format"]])
        if len(listed[a["url"]]) > 1:
            cases.append("shared-guid")
        if a["wire"]:
            cases.append("wire-copy")
        cases = sorted(set(cases))
        arts.append({
            "url": a["url"],
            "key": a["key"],
            "outlet": OUTLETS[a["outlet"]]["name"],
            "host": OUTLETS[a["outlet"]]["host"],
            "day": a["day"],
            "story": a["story"],
            "title": a["title"],
            "author": a["author"],
            "published": _iso(a["local"]),
            "feeds": listed[a["url"]],
            "cases": cases,
            "duplicate_of": a["duplicate_of"],
            "updates": by_key[a["updates"]]["url"] if a["updates"] else None,
            "words": words(a),
            "text": "\n\n".join(prose(a)),
        } | ({"boilerplate": a["boilerplate"]} if a["boilerplate"] else {}))

    _check_facts(by_key)

    def facts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for r in rows:
            r = dict(r)
            r["urls"] = _urls(r.pop("keys"), by_key)
            out.append(r)
        return out

    return {
        "main_day": MAIN_DAY,
        "days": DAYS,
        "wire_agency": WIRE_AGENCY,
        "outlets": outlets,
        "stories": stories,
        "near_duplicate_stories": NEAR_DUPLICATE_STORIES,
        "articles": arts,
        "funding": facts(FUNDING),
        "aggregates": facts(AGGREGATES),
        "regulation": facts(REGULATION),
        "events": facts(EVENTS),
        "past_events_not_upcoming": facts(PAST_EVENTS),
        "not_funding_rounds": facts(NOT_FUNDING_ROUNDS),
    }


README = """\
# newsbrief sample corpus (generated: do not edit by hand)

Invented tech news for two consecutive days, 2026-11-26 and 2026-11-27 (the main day).
Every outlet, company and person is fictional; all hosts use the reserved `.example` TLD.
Regenerate with `python scripts/build_sample.py` (sources in `scripts/sample_src/`).

- `web/<host>/<path>`: article pages and homepages for `http://<host>/<path>`, the same on
  both days; a URL ending in `/` is stored as `.../index.html`.
- `days/<YYYY-MM-DD>/<host>/<feedpath>`: each feed as served at the end of that day. The
  main-day feeds list the new items first and keep a few of the previous day's items.
- `sources.opml`: one outline per feed URL.
- `answer_key.json`: outlets and feeds (with the Content-Type to serve), stories, every
  article (URL, story, day, feeds, hard cases, duplicate_of, full body text), funding rounds
  (`investors` lists the non-lead investors), aggregates, regulation, upcoming events (dates
  resolved against the publication date), past events that must not be listed as upcoming,
  money figures that are not funding rounds, and story pairs that must stay separate.

Pages without an extension are HTML (`text/html; charset=utf-8`); `robots.txt` is plain text.
Hard-case tags in `articles[].cases`: full-content, summary-only, teaser-only (truncated first
paragraph ending in an ellipsis, full text only on the page), teaser+content (truncated
description plus full content:encoded), shared-guid (one item in two feeds of one outlet),
wire-copy (verbatim agency copy; the later copy names `duplicate_of`), update (re-titled
follow-up at a new URL; `updates` names the earlier article), and the real-news hard cases:
ticker-spam (a finance-ticker template item), paywall-stub (one teaser paragraph and subscription
prompts), satire (a humour column that says it is satire), byline and caption (lines that are not
article prose, listed in `boilerplate` with their kind and left out of `text`). Stories of kind
`not-news` must never reach the top stories, the roundups or the lede.
"""


def build(out: Path) -> dict[str, int]:
    """Generate the whole corpus under ``out`` and return a few counts."""
    out.mkdir(parents=True, exist_ok=True)
    for name in GENERATED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    articles = load_articles()
    web = out / "web"
    # pages
    for a in articles:
        same_outlet = [b for b in articles if b["outlet"] == a["outlet"] and b["key"] != a["key"]]
        write(url_to_path(web, a["url"]), render_page(a, same_outlet, OUTLETS[a["outlet"]]))
    for ok, o in OUTLETS.items():
        mine = sorted((a for a in articles if a["outlet"] == ok), key=lambda x: x["utc"], reverse=True)
        write(web / o["host"] / "index.html", render_homepage(ok, o, mine, FEED_FORMATS))
        write(web / o["host"] / "robots.txt", "User-agent: *\nDisallow: /search\nDisallow: /account/\n")
    # feeds
    listed: dict[str, list[str]] = {}
    n_feed_files = 0
    for day in DAYS:
        for ok, fk, url in feed_urls():
            items = feed_items(articles, ok, fk, day)
            fmt = OUTLETS[ok]["feeds"][fk]["format"]
            text = RENDERERS[FEED_FORMATS[fmt]](ok, fk, items)
            parts = urlsplit(url)
            write(out / "days" / day / parts.netloc / parts.path.lstrip("/"), text)
            n_feed_files += 1
            for a in items:
                if url not in listed.setdefault(a["url"], []):
                    listed[a["url"]].append(url)
    write(out / "sources.opml", render_opml())
    key = build_key(articles, listed)
    write(out / "answer_key.json", json.dumps(key, ensure_ascii=False, indent=2) + "\n")
    write(out / "README.md", README)
    return {
        "articles": len(articles),
        "main_day_articles": sum(a["day"] == MAIN_DAY for a in articles),
        "feed_files": n_feed_files,
        "outlets": len(OUTLETS),
        "main_day_stories": len({a["story"] for a in articles if a["day"] == MAIN_DAY}),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    counts = build(args.out)
    if not args.quiet:
        print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
