"""Dependency parses made ahead of the digest and read back by :func:`newsbrief.facts.nlp.parse`.

The summarizer's checks parse the sentences its selection reaches, one at a time, while the
digest is built. Each article's summary candidates are parsed once instead, together
(``nlp.pipe``: half the time of a call per sentence, and the same parses), when ``fetch`` does
its per-article work (:mod:`newsbrief.article_cache`), and stored compactly: one spaCy
``DocBin`` per article, its sentences' hashes beside it. A build hands the stored parses of its
articles to :func:`use_parses` once; :func:`stored_parse` then answers from them, decoding an
article's parses the first time one of its sentences is asked for, and a sentence not among
them is parsed as before.

Parses are keyed by :func:`parser_key` (the model's name and version and spaCy's version), so a
new model is never served an old model's parses; a sentence is found by the hash of its text
(:func:`text_hash`), so a changed splitter only leaves its new sentences to be parsed live.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["pack_parses", "parser_key", "stored_count", "stored_parse", "text_hash", "use_parses"]


def text_hash(text: str) -> str:
    """Return the key of one sentence's stored vector and parse.

    :param text: the sentence.
    """
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def parser_key() -> str | None:
    """Name the parser whose parses :func:`newsbrief.facts.nlp.parse` gives, without loading it (None: no parser).

    It changes with the model's version and spaCy's, so stored parses of another parser are not read.
    """
    from newsbrief.facts.nlp import MODEL_NAME

    if os.environ.get("NEWSBRIEF_FACTS_NLP", "").lower() in ("rules", "none", "off"):
        return None
    try:
        return f"{MODEL_NAME}=={importlib.metadata.version(MODEL_NAME)} spacy=={importlib.metadata.version('spacy')}"
    except importlib.metadata.PackageNotFoundError:
        return None


def pack_parses(texts: Sequence[str]) -> bytes | None:
    """Parse sentences together and return their parses as one ``DocBin`` (None without the parser).

    :param texts: one article's sentences.
    """
    from spacy.tokens import DocBin

    from newsbrief.facts.nlp import load_parser

    nlp: Any = load_parser()
    if nlp is None:
        return None
    docs = DocBin(store_user_data=False)
    for doc in nlp.pipe(list(texts)):
        docs.add(doc)
    return bytes(docs.to_bytes())


class _Known:
    """The stored parses a build may read: sentence hash -> (article's blob, position), decoded on first use."""

    def __init__(self) -> None:
        self.where: dict[str, tuple[int, int]] = {}
        self.blobs: list[bytes] = []
        self.decoded: dict[int, list[Any]] = {}


_KNOWN = _Known()


def use_parses(per_article: Iterable[tuple[Sequence[str], bytes]]) -> None:
    """Make these stored parses the ones :func:`stored_parse` answers from (those given before are dropped).

    :param per_article: each article's sentence hashes and their ``DocBin`` (:func:`pack_parses`), in order.
    """
    global _KNOWN
    known = _Known()
    for hashes, blob in per_article:
        known.blobs.append(blob)
        for position, h in enumerate(hashes):
            known.where.setdefault(h, (len(known.blobs) - 1, position))
    _KNOWN = known


def stored_parse(sentence: str, vocab: Any) -> Any:
    """Return the stored parse of a sentence (a spaCy ``Doc`` on ``vocab``), or None if there is none.

    :param sentence: one sentence.
    :param vocab: the loaded parser's vocabulary.
    """
    known = _KNOWN
    found = known.where.get(text_hash(sentence))
    if found is None:
        return None
    blob, position = found
    if blob not in known.decoded:
        from spacy.tokens import DocBin

        known.decoded[blob] = list(DocBin().from_bytes(known.blobs[blob]).get_docs(vocab))
    doc = known.decoded[blob][position]
    return doc if doc.text == sentence else None


def stored_count() -> Mapping[str, int]:
    """How many sentences and articles the stored parses in use cover (for tests and benchmarks)."""
    return {"sentences": len(_KNOWN.where), "articles": len(_KNOWN.blobs)}
