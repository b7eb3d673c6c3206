"""``sources remove`` takes the id ``sources list`` shows, or the URL."""

from __future__ import annotations

import json


def test_sources_remove_by_listed_id_or_url(newsbrief_cli) -> None:
    newsbrief_cli("init")
    for n in (1, 2, 3):
        assert newsbrief_cli("sources", "add", f"https://s{n}.example/feed.xml", "--no-check").exit_code == 0
    ids = {r["url"]: r["id"] for r in json.loads(newsbrief_cli("sources", "list", "--json").output)}
    removed = newsbrief_cli("sources", "remove", str(ids["https://s2.example/feed.xml"]))
    assert removed.exit_code == 0 and removed.output.strip() == f"removed {ids['https://s2.example/feed.xml']}: https://s2.example/feed.xml"
    assert newsbrief_cli("sources", "remove", "HTTPS://s3.example/feed.xml").exit_code == 0  # by URL, scheme in any case
    assert [r["url"] for r in json.loads(newsbrief_cli("sources", "list", "--json").output)] == ["https://s1.example/feed.xml"]
    for unknown, what in (("99", "id or URL '99'"), ("https://nope.example/", "URL 'https://nope.example/'")):
        result = newsbrief_cli("sources", "remove", unknown)
        assert result.exit_code == 1
        assert result.output.splitlines() == [f"Error: sources: no source with {what}; see `newsbrief sources list`"]
