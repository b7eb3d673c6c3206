"""`stories --json` and `stories --explain` show every part of each story's ranking score."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

from click.testing import CliRunner

from newsbrief.cli.app import cli
from newsbrief.digest.rank import WEIGHTS

ENV = {"NEWSBRIEF_FETCH_FULL_TEXT": "false"}

BRIDGE = (
    "The Tamsin river bridge in Orrick reopened to traffic on Friday after eight months of repairs, the county "
    "roads department said. Engineers replaced two corroded steel girders and resurfaced the deck. The detour "
    "through the industrial estate had added twenty minutes to commutes, and shop owners on the high street "
    "said trade fell by a third while it was closed. The county said the repairs cost 4.6 million pounds, "
    "less than the first estimate, and that the weight limit on the bridge has been lifted."
)
BRIDGE_2 = (
    "Drivers crossed the Orrick bridge over the river Tamsin again on Friday as it reopened after repairs that "
    "took eight months. County engineers swapped two rusted girders and laid a new road surface. Traders on "
    "the high street, who blamed the long detour for a sharp fall in customers, welcomed the reopening. The "
    "work came in under budget at 4.6 million pounds, the roads department said, and lorries may use the "
    "bridge again now that the weight limit is gone."
)
TICKER = (
    "Morrow Foods (NYSE:MRWF) had its rating downgraded by analysts at Penfold Capital from a buy rating to a "
    "hold rating in a note issued to investors on Friday. The brokerage now has a price target of $18.00 on "
    "the stock. Shares of Morrow Foods opened at $16.40 on Friday. The company has a market capitalization of "
    "$2.3 billion. Receive news and ratings for Morrow Foods daily by entering your email address below."
)


def _feed(outlet: str, items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>http://{outlet.lower().replace(' ', '')}.example/{n}</link>"
        f"<description>{escape(x)}</description><pubDate>Fri, 27 Nov 2026 0{8 + n}:00:00 GMT</pubDate></item>"
        for n, (t, x) in enumerate(items))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{outlet}</title>{body}</channel></rss>'


def test_stories_json_and_explain_show_every_ranking_part(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "courier.xml").write_text(_feed("Orrick Courier", [("Orrick bridge reopens after repairs", BRIDGE)]))
    (folder / "radio.xml").write_text(_feed("Valley Radio", [("Drivers return to reopened Tamsin bridge", BRIDGE_2)]))
    (folder / "ratings.xml").write_text(_feed("Ratings Desk", [
        ("Morrow Foods (MRWF) Downgraded to Hold at Penfold Capital", TICKER)]))
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), *args], env=ENV, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("init")
    run("sources", "add", str(folder))
    run("fetch", "--no-progress")
    run("digest", "--date", "2026-11-27", "--no-progress", "--out", str(tmp_path / "d.md"))
    stories = json.loads(run("stories", "--date", "2026-11-27", "--json"))
    ranking = {s["articles"][0]["title"]: s["ranking"] for s in stories}
    ticker = ranking["Morrow Foods (MRWF) Downgraded to Hold at Penfold Capital"]
    bridge = next(r for t, r in ranking.items() if "bridge" in t.lower())
    for r in (ticker, bridge):
        assert set(r["parts"]) == set(WEIGHTS)
        assert abs(sum(WEIGHTS[k] * v for k, v in r["parts"].items()) - r["score"]) < 1e-3
    assert ticker["not_news"] == "analyst rating change" and ticker["parts"]["content"] == -1.0
    assert bridge["not_news"] == "" and bridge["rank"] < ticker["rank"]
    assert bridge["kind"] == "other news" and bridge["actors"] == []
    explained = run("stories", "--date", "2026-11-27", "--explain")
    assert "content=" in explained and "corroboration=" in explained and "templated=" in explained
    assert "kind=" in explained and "actors=" in explained
    assert "(kind: other news)" in re.sub(r"[│\s]+", " ", explained)
    assert "(not news: analyst rating change)" in re.sub(r"[│\s]+", " ", explained)


def test_stories_json_carries_each_story_calendar(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    toll = " The county council will vote on a bridge toll on December 3, the roads department said."
    (folder / "courier.xml").write_text(_feed("Orrick Courier", [("Orrick bridge reopens after repairs", BRIDGE + toll)]))
    (folder / "radio.xml").write_text(_feed("Valley Radio", [("Drivers return to reopened Tamsin bridge", BRIDGE_2)]))
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), *args], env=ENV, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("init")
    run("sources", "add", str(folder))
    run("fetch", "--no-progress")
    run("digest", "--date", "2026-11-27", "--no-progress", "--out", str(tmp_path / "d.md"))
    stories = json.loads(run("stories", "--date", "2026-11-27", "--json"))
    calendar = [e for s in stories for e in s.get("calendar", [])]
    assert [(e["day"], e["start"], e["line"], e["shown"]) for e in calendar] == [
        ("Thursday 3 December", "2026-12-03", "County council: vote on a bridge toll", True)]
    assert calendar[0]["cites"]
