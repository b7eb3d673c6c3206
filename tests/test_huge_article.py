"""A huge article costs bounded work: linear sentence splitting and a recorded cut of what the text stages read."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pysbd
import pytest
from click.testing import CliRunner
from factories import make_article, store_location

import newsbrief.facts.nlp as nlp
from newsbrief.cli.app import cli
from newsbrief.config import load_settings
from newsbrief.pipeline import build_digest
from newsbrief.store import open_store
from newsbrief.summarize.sentences import split_sentences as summary_sentences
from newsbrief.clean.text_cap import cap_article, cap_text

DAY = dt.date(2026, 11, 27)
SUBJECTS = ["The council", "Kestrel Labs", "Officials in Oslo", "Mr. Lund", "The U.S. regulator", "Analysts at Fernhill"]
OBJECTS = ["the plan would cost $4.5 million.", "revenue rose 12% in the quarter.", "the vote was delayed until Jan. 5.",
           "prices fell 3.2 per cent.", "the depot would close, the union said."]


def sentences(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} said {rng.choice(OBJECTS)[:-1]} (note {rng.randrange(10**6)})." for _ in range(n)]


def huge_text(n_chars: int) -> str:
    """Varied sentences in paragraphs of 30, about ``n_chars`` long."""
    rng = random.Random(5)
    out: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join(f"{rng.choice(SUBJECTS)} said {rng.choice(OBJECTS)}" for _ in range(30))
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)[:n_chars]


# -- splitting -------------------------------------------------------------------------------
def test_facts_splitter_reads_a_long_paragraph_in_windows_with_pysbds_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    para = " ".join(sentences(1500))  # about 90 kB without a line break
    lengths: list[int] = []
    seg = nlp._segmenter()
    real = seg.segment

    def counting(text: str) -> Any:
        lengths.append(len(text))
        return real(text)

    monkeypatch.setattr(seg, "segment", counting)
    split = nlp.split_sentences(para)
    # pysbd never sees more than a window, so the work grows with the length, not its square
    assert len(lengths) > 1 and max(lengths) <= nlp.WINDOW_CHARS
    whole = [s.strip() for s in pysbd.Segmenter(language="en", clean=False).segment(" ".join(sentences(300)))]
    assert nlp.split_sentences(" ".join(sentences(300))) == [s for s in whole if s]
    assert split == sentences(1500)


def test_facts_splitter_cuts_a_window_without_any_sentence_end() -> None:
    text = "word " * 2000 + "A" * 10_000
    parts = nlp.split_sentences(text)
    assert "".join(p.replace(" ", "") for p in parts) == text.replace(" ", "")
    assert max(len(p) for p in parts) <= nlp.WINDOW_CHARS


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", ["!" * 300_000, "." * 300_000, '."' * 150_000, "! " * 150_000, "A" * 300_000])
def test_summary_splitter_reads_runs_of_marks_once(text: str) -> None:
    assert "".join(summary_sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_summary_splitter_keeps_its_sentences() -> None:
    text = 'Hi!!! There. "Wow." He said... Then U.S. Officials left?! Mr. Lund spoke on Jan. 5 at noon. Done'
    assert summary_sentences(text) == ["Hi!!!", "There.", '"Wow."', "He said...", "Then U.S.", "Officials left?!",
                                       "Mr. Lund spoke on Jan. 5 at noon.", "Done"]


# -- the cut ---------------------------------------------------------------------------------
def test_cap_text_cuts_characters_at_a_space_and_sentences_at_their_end() -> None:
    text = "One two. Three four.\n\nFive six! Seven eight?\n\nNine."
    assert cap_text(text, max_chars=0, max_sentences=0) == (text, "")
    assert cap_text(text, max_chars=len(text), max_sentences=5) == (text, "")
    assert cap_text(text, max_chars=14, max_sentences=0) == (
        "One two.", f"read the first 8 of {len(text)} characters (digest.max_article_chars)")
    assert cap_text(text, max_chars=0, max_sentences=3) == (
        "One two. Three four.\n\nFive six!", "read the first 3 sentences (digest.max_article_sentences)")
    assert cap_text(text, max_chars=0, max_sentences=2)[0] == "One two. Three four."


def test_cap_article_returns_the_cut_as_a_skip() -> None:
    article = make_article("a1", text="x" * 50)
    same, none = cap_article(article, max_chars=100, max_sentences=10)
    assert same is article and none is None
    cut, skip = cap_article(article, max_chars=20, max_sentences=10)
    assert len(cut.text) == 20 and skip is not None
    assert (skip.stage, skip.what) == ("digest", "a1") and "of 50 characters" in skip.reason


@pytest.mark.timeout(240)
def test_a_9_mb_article_digests_with_its_cut_recorded_and_shown(tmp_path: Path) -> None:
    text = huge_text(9_000_000)
    data = tmp_path / "data"
    data.mkdir()
    settings = load_settings(data_dir=data, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"})
    with open_store(store_location(data)) as store:
        store.upsert_articles([
            (make_article("huge", title="Council publishes the full record", text=text, outlet="Archive"), 1, None),
            (make_article("small", title="Helix Quantum raises $20 million", outlet="Wire",
                          text="Helix Quantum raised $20 million in a Series A round led by Accel."), 2, None),
        ])
        digest = build_digest(store, settings, day=DAY)
        cuts = [d for d in digest.diagnostics if d.what == "huge"]
        assert [d.stage for d in cuts] == ["digest"]
        read = store.articles(["huge"])[0].text  # the cleaned text the stages read (boilerplate lines cut)
        assert len(read) > 8_900_000 and f"of {len(read):,} characters" in cuts[0].reason
        assert [(s["stage"], s["what"]) for s in store.skips()] == [("digest", "huge")]
        # what was read stayed within the limits: facts quote only sentences of the first 200,000 characters
        head = read[:200_000]
        assert all(f["sentence"] in head for f in store.facts() if "huge" in f["article_ids"] and f["sentence"])
    shown = CliRunner().invoke(cli, ["--data-dir", str(data), "stories", "--explain", "--date", DAY.isoformat()],
                               env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical"}, catch_exceptions=False)
    assert shown.exit_code == 0
    assert "digest: huge: read the first" in shown.output.replace("\n", " ")


def test_sentence_limit_bounds_what_the_summarizer_reads(tmp_path: Path) -> None:
    text = " ".join(sentences(50))
    settings = load_settings(data_dir=tmp_path, env={"NEWSBRIEF_CLUSTER_EMBEDDER": "lexical",
                                                     "NEWSBRIEF_DIGEST_MAX_ARTICLE_SENTENCES": "10"})
    with open_store(":memory:") as store:
        store.upsert_articles([(make_article("long", title="Council record", text=text), 1, None)])
        digest = build_digest(store, settings, day=DAY)
    assert [(d.what, d.reason) for d in digest.diagnostics] == [
        ("long", "read the first 10 sentences (digest.max_article_sentences)")]
    cited = [s.text for sec in digest.sections for it in sec.items for p in it.paragraphs for s in p]
    first_ten = " ".join(sentences(50)[:10])
    assert cited and all(c.rstrip(".") in first_ten for c in cited)
