"""Dedup: canonical URLs, exact fingerprints, near duplicates vs. updates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from newsbrief.ingest.dedup import (
    DedupIndex,
    article_id,
    canonical_url,
    find_duplicate,
    fingerprint,
    hamming,
    simhash,
)
from newsbrief.model import Article

NOW = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
RNG = random.Random(42)
VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "po", "ru", "si", "ta") for b in range(300)]
STORY = " ".join(RNG.choice(VOCAB) for _ in range(400))


def _article(text: str, ident: str = "new", url: str = "http://b.example/x") -> Article:
    return Article(
        id=ident,
        url=url,
        canonical_url=url,
        source_url="s",
        outlet="o",
        title="t",
        text=text,
        published=NOW,
        fetched=NOW,
        content_hash=fingerprint(text),
    )


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM:80/a/b/?utm_source=rss&id=3&fbclid=zz#comments", "http://example.com/a/b?id=3"),
        ("https://example.com/a?b=2&a=1&utm_medium=x&gclid=1&mc_cid=2", "https://example.com/a?a=1&b=2"),
        ("https://example.com/story.html?ref=rss&ocid=x", "https://example.com/story.html"),
        ("https://example.com", "https://example.com/"),
        ("/local/file.xml", "/local/file.xml"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_article_id_stable_and_short() -> None:
    assert article_id("https://example.com/a") == article_id("https://example.com/a")
    assert len(article_id("x")) == 16 and article_id("a") != article_id("b")


def test_fingerprint_ignores_case_punctuation_whitespace() -> None:
    assert fingerprint("Hello,  World!\n") == fingerprint("hello world")
    assert fingerprint("hello world") != fingerprint("hello there world")


def test_simhash_is_signed_64_bit_and_stable() -> None:
    value = simhash(STORY)
    assert -(2**63) <= value < 2**63 and value == simhash(STORY) and simhash("") == 0


def test_syndicated_copy_is_near_duplicate() -> None:
    copy = "By Wire Staff. " + STORY + " Copyright 2026 Wire. All rights reserved."
    assert hamming(simhash(STORY), simhash(copy)) <= 3
    known = [("orig", fingerprint(STORY), simhash(STORY))]
    assert find_duplicate(_article(copy), known=known) == "orig"


def test_exact_copy_under_other_url() -> None:
    known = [("orig", fingerprint(STORY), simhash(STORY))]
    assert find_duplicate(_article(STORY.upper()), known=known) == "orig"


def test_update_with_new_facts_is_not_a_duplicate() -> None:
    words = STORY.split()
    update = " ".join(words[:150] + [RNG.choice(VOCAB) for _ in range(150)] + words[150:])
    known = [("orig", fingerprint(STORY), simhash(STORY))]
    assert find_duplicate(_article(update), known=known) is None


def test_unrelated_and_short_texts_are_not_duplicates() -> None:
    other = " ".join(RNG.choice(VOCAB) for _ in range(400))
    known = [("orig", fingerprint(STORY), simhash(STORY))]
    assert find_duplicate(_article(other), known=known) is None
    short = "Markets rose today."
    assert (
        find_duplicate(
            _article(short), known=[("s", fingerprint("Markets fell today."), simhash("Markets fell today."))]
        )
        is None
    )
    assert find_duplicate(_article(""), known=known) is None


def test_same_id_is_not_its_own_duplicate() -> None:
    known = [("same", fingerprint(STORY), simhash(STORY))]
    assert find_duplicate(_article(STORY, ident="same"), known=known) is None


def test_closest_known_wins() -> None:
    copy = STORY + " Extra footer line here."
    variants = [" ".join(STORY.split()[: 400 - n] + ["zz"] * n) for n in (0, 4, 8, 12)]
    known = [(f"v{i}", "", simhash(v)) for i, v in enumerate(variants)]
    mine = simhash(copy)
    best = min(known, key=lambda k: hamming(mine, k[2]))
    expected = best[0] if hamming(mine, best[2]) <= 3 else None
    assert expected is not None and find_duplicate(_article(copy), known=known) == expected


def test_index_agrees_with_linear_scan() -> None:
    from newsbrief.ingest.dedup import DedupIndex

    texts = [" ".join(RNG.choice(VOCAB) for _ in range(300)) for _ in range(50)]
    known = [(f"k{i}", fingerprint(t), simhash(t)) for i, t in enumerate(texts)]
    index = DedupIndex(known)
    probes = [
        texts[3] + " Copyright Wire.",
        texts[7].upper(),
        " ".join(RNG.choice(VOCAB) for _ in range(300)),
        " ".join(texts[9].split()[:290] + ["new"] * 10),
    ]
    for probe in probes:
        article = _article(probe)
        assert index.find(article) == find_duplicate(article, known=known)
    assert index.find(_article(texts[3] + " Copyright Wire.")) == "k3"


def test_ingest_modules_all_is_sorted_and_resolves() -> None:
    import importlib

    for name in (
        "ingest.fetch",
        "ingest.ssrf",
        "ingest.robots",
        "ingest.feeds",
        "ingest.opml",
        "ingest.extract",
        "ingest.dates",
        "ingest.dedup",
        "ingest.sanitize",
        "eval.ingest",
    ):
        module = importlib.import_module(f"newsbrief.{name}")
        assert module.__all__ == sorted(module.__all__), name
        assert all(hasattr(module, n) for n in module.__all__), name


def test_same_body_under_unrelated_headlines_is_not_a_copy() -> None:
    index = DedupIndex()
    first = dataclasses.replace(_article(STORY, "a"), title="Harbour ferry fares rise in spring")
    index.add(first.id, first.content_hash, simhash(STORY), first.title)
    other_item = dataclasses.replace(_article(STORY, "b"), title="Storm closes mountain pass overnight")
    assert index.find(other_item) is None  # a template page served under another item's headline
    credited = dataclasses.replace(_article(STORY, "g"), title="Four growth stocks to watch as biotech slides CNBC")
    index.add(credited.id, credited.content_hash, simhash(STORY), credited.title)
    also = dataclasses.replace(_article(STORY, "h"), title="Europe pares losses as Glencore soars 17% CNBC 49 mins ago")
    assert index.find(also) is None  # only the credit is shared with "g" (and no word with "a"): not a copy
    short = dataclasses.replace(_article(STORY, "i"), title="Ferry strike")
    assert index.find(short) == "a"  # one word of a two-word headline is the item
    retitled = dataclasses.replace(_article(STORY + " Updated.", "c"), title="Ferry fares to rise in spring")
    assert index.find(retitled) == "a"
    untitled = dataclasses.replace(_article(STORY, "d"), title="")
    assert index.find(untitled) == "a"
    index.add("e", fingerprint("other text"), simhash("other text"))  # headline unknown: any may copy it
    assert index.find(dataclasses.replace(_article("other text", "f"), title="Anything at all")) == "e"
