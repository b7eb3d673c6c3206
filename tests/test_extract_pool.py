"""Pages fetched from a real server on 127.0.0.1 while worker processes extract them."""

from __future__ import annotations

import datetime as dt

from misbehaving_server import Route, serve

from newsbrief.dedup import simhash
from newsbrief.extract_pool import PageJob, default_workers, fetch_and_build
from newsbrief.fetch import FetchSettings
from newsbrief.model import Article, Entry, Skip

NOW = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)
FAST = FetchSettings(allow_private=True, per_host_interval=0.0, timeout=5.0, per_host_concurrency=8)


def _page(i: int) -> bytes:
    paras = "".join(
        f"<p>Paragraph {j} of story {i}: the harbour board voted on dredging plan number {i * 7 + j} "
        f"after residents of ward {j} asked for a delay to protect the oyster beds.</p>"
        for j in range(6)
    )
    return (
        f"<html><head><title>Story {i} | Harbour News</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Story {i}</h1>{paras}</article><footer>Harbour News</footer></body></html>"
    ).encode()


def _jobs(base: str, n: int) -> list[PageJob]:
    jobs = []
    for i in range(n):
        link = f"{base}/2026/01/08/s{i}"
        entry = Entry(source_url=f"{base}/feed", guid=f"g{i}", link=link, title=f"Story {i}",
                      summary_html=f"<p>Teaser for story {i}…</p>")  # fmt: skip
        jobs.append(PageJob(entry, "Harbour News", fetch_page=i % 5 != 0))  # every 5th: feed text only
    return jobs


def _routes(n: int) -> dict[str, Route]:
    routes = {f"/2026/01/08/s{i}": Route(body=_page(i), content_type="text/html; charset=utf-8") for i in range(n)}
    routes["/2026/01/08/s3"] = Route(status=404, body=b"gone", content_type="text/html")
    routes["/2026/01/08/s7"] = Route(body=b"%PDF-1.4", content_type="application/pdf")
    return routes


def test_workers_and_serial_give_the_same_articles_in_job_order() -> None:
    n = 40
    with serve(_routes(n)) as srv:
        pooled = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=2, batch=4)
        serial = fetch_and_build(_jobs(srv.base, n), settings=FAST, fetched_at=NOW, workers=1)
    assert pooled == serial
    assert [b.made.title for b in pooled] == [f"Story {i}" for i in range(n)]
    for i, built in enumerate(pooled):
        assert isinstance(built.made, Article)
        assert built.similarity == simhash(built.made.text) != 0
        assert built.page_fetched == (i % 5 != 0)
        if i in (3, 7):  # page refused or missing: the feed's teaser is kept, with the reason
            assert built.made.is_teaser and built.made.text == f"Teaser for story {i}…"
        elif i % 5:
            assert not built.made.is_teaser and f"dredging plan number {i * 7}" in built.made.text
    assert "404" in pooled[3].page_error and "not a web page (application/pdf)" in pooled[7].page_error
    assert all(not b.page_error for i, b in enumerate(pooled) if i not in (3, 7))


def test_an_entry_without_text_or_title_is_a_skip_with_a_reason() -> None:
    empty = PageJob(Entry(source_url="http://x.example/feed", guid="e1", link="", title=""), "X")
    [built] = fetch_and_build([empty], settings=FAST, fetched_at=NOW, workers=1)
    assert isinstance(built.made, Skip) and "no title and no content" in built.made.reason
    assert built.similarity == 0 and not built.page_fetched


def test_default_workers_forks_only_for_big_batches() -> None:
    assert default_workers(10) == 1
    assert default_workers(1000) >= 1
