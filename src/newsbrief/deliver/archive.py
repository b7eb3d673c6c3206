"""``newsbrief publish --dir D``: the stored digests as a static site any web server can host.

Layout (every link relative, so the folder works under any path)::

    index.html                    the digests, newest first
    digest-YYYY-MM-DD.html        one page per day (the HTML digest, with links to its stories)
    stories/STORY_ID.html         one page per story: the days it led and its articles
    feed.atom  feed.json          Atom 1.0 and JSON Feed 1.1 (:func:`newsbrief.render.feeds.digest_feed`)

Pages are rendered from the stored digests only, so publishing twice writes the same bytes;
a file is rewritten only when its content changed (the report lists what was written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from newsbrief.errors import RenderError
from newsbrief.model import Digest
from newsbrief.render import digest_from_dict, render, safe_url
from newsbrief.render.feeds import digest_feed
from newsbrief.ingest.sanitize import strip_control_chars
from newsbrief.store.base import Store

__all__ = ["ArchiveReport", "publish_archive"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass
class ArchiveReport:
    """What one publish did."""

    days: int = 0
    stories: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0


def _story_file(story_id: str) -> str:
    return _UNSAFE.sub("_", story_id).lstrip(".") or "_"


def _day_file(digest: Digest) -> str:
    return f"digest-{digest.date.isoformat()}.html"


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("newsbrief", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _write(path: Path, text: str, report: ArchiveReport) -> None:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        report.unchanged += 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    report.written.append(path)


def publish_archive(store: Store, out_dir: Path, *, title: str = "Daily briefing", base_url: str = "",
                    feed_limit: int = 30) -> ArchiveReport:
    """Write (or bring up to date) the static archive of every stored digest in ``out_dir``.

    :param store: the store.
    :param out_dir: the site's folder (created).
    :param title: the site's and feeds' title.
    :param base_url: the folder's public URL, for absolute links in the feeds (default: relative links).
    :param feed_limit: most recent digests put in the feeds.
    """
    report = ArchiveReport()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"publish: cannot create {out_dir}: {exc}") from exc
    digests = [digest_from_dict(d) for d in (store.digest(day) for day in store.digest_dates()) if d]
    env = _env()
    stories: dict[str, dict[str, Any]] = {}
    for digest in reversed(digests):  # oldest first: a story's headline is its latest
        for sec in digest.sections:
            for item in (*sec.items, *sec.more):
                entry = stories.setdefault(item.story_id, {"days": []})
                entry["headline"] = item.headline
                if digest.date not in entry["days"]:
                    entry["days"].append(digest.date)
    story_href = {sid: f"stories/{_story_file(sid)}.html" for sid in stories}
    try:
        for n, digest in enumerate(digests):
            nav = {"index": "index.html", "newer": _day_file(digests[n - 1]) if n > 0 else "",
                   "older": _day_file(digests[n + 1]) if n + 1 < len(digests) else ""}
            _write(out_dir / _day_file(digest), render(digest, "html", page={"nav": nav, "story_href": story_href}), report)
        for sid, entry in stories.items():
            articles = [{"published": str(m["published"])[:16].replace("T", " "), "outlet": strip_control_chars(m["outlet"]),
                         "title": strip_control_chars(m["title"]), "url": safe_url(m["url"])}
                        for m in store.story_members(sid)]
            page = env.get_template("archive_story.j2").render(
                root="../", site_title=title,
                story={"headline": strip_control_chars(entry["headline"]), "articles": articles,
                       "days": [{"date": d.isoformat(), "href": f"../digest-{d.isoformat()}.html"}
                                for d in sorted(entry["days"], reverse=True)]})
            _write(out_dir / story_href[sid], page, report)
        days = [{"date": d.date.isoformat(), "href": _day_file(d), "title": strip_control_chars(d.title),
                 "lede": strip_control_chars(" ".join(s.text for s in d.lede)),
                 "stories": sum(len(s.items) for s in d.sections if s.kind == "stories")} for d in digests]
        _write(out_dir / "index.html", env.get_template("archive_index.j2").render(root="", site_title=title, days=days),
               report)
    except jinja2.TemplateError as exc:
        raise RenderError(f"publish: template: {exc}") from exc
    except OSError as exc:
        raise RenderError(f"publish: cannot write in {out_dir}: {exc}") from exc
    feed_base = base_url or "."
    for fmt, name in (("atom", "feed.atom"), ("json", "feed.json")):
        _write(out_dir / name, digest_feed(digests[:feed_limit], fmt=fmt, base_url=feed_base, title=title), report)
    report.days, report.stories = len(digests), len(stories)
    return report
