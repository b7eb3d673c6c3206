"""Dependency parses and named entities made ahead of the digest, read back by :mod:`newsbrief.facts.nlp`.

The summarizer's checks parse the sentences its selection reaches, and its reference and
headline checks run the entity recogniser on some, one at a time, while the digest is built.
Each article's sentences are read once instead, together (``nlp.pipe``: half the time of a call
per sentence, and the same parses and entities), when ``fetch`` does its per-article work
(:mod:`newsbrief.article_cache`), and stored compactly: the parses of its summary candidates as
one spaCy ``DocBin``, their hashes beside it, and the entities of all its candidate sentences
and its lead, by hash. A build hands the stored rows of its articles to :func:`use_parses`
once; :func:`stored_parse` and :func:`stored_entities` then answer from them (an article's
parses decoded one sentence at a time, when asked for), and any other sentence is read live
as before.

Rows are keyed by :func:`parser_key` (the model's name and version, spaCy's version and the
entity ruler's patterns), so a new model is never served an old model's reading; a sentence is
found by the hash of its text (:func:`text_hash`), so a changed splitter only leaves its new
sentences to be read live.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["Entities", "pack_sentences", "parser_key", "stored_count", "stored_entities", "stored_parse", "text_hash",
           "use_parses"]

Entities = tuple[tuple[str, str], ...]
"""A sentence's named entities as (text, label), in order."""


def text_hash(text: str) -> str:
    """Return the key of one sentence's stored vector and parse.

    :param text: the sentence.
    """
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def parser_key() -> str | None:
    """Name the reader of stored sentences (model, spaCy, ruler patterns) without loading it (None: no spaCy).

    It changes with the model's version, spaCy's and the entity ruler's patterns, so another
    reader's parses and entities are not read.
    """
    if os.environ.get("NEWSBRIEF_FACTS_NLP", "").lower() in ("rules", "none", "off"):
        return None
    return _installed_key()


@functools.lru_cache(maxsize=1)
def _installed_key() -> str | None:
    from newsbrief.facts.nlp import MODEL_NAME, money_patterns

    try:
        versions = f"{MODEL_NAME}=={importlib.metadata.version(MODEL_NAME)} spacy=={importlib.metadata.version('spacy')}"
    except importlib.metadata.PackageNotFoundError:
        return None
    ruler = hashlib.sha1(json.dumps(money_patterns(), sort_keys=True).encode()).hexdigest()[:8]
    return f"{versions} ruler={ruler}"


def pack_sentences(parsed: Sequence[str], recognised: Sequence[str]) -> tuple[bytes, dict[str, Entities]] | None:
    """Parse sentences together and recognise the entities of others; None without spaCy's parser or recogniser.

    :param parsed: one article's sentences to parse.
    :param recognised: its sentences to run the entity recogniser on.
    :returns: the parses as one ``DocBin``, and sentence hash -> its entities.
    """
    from spacy.tokens import DocBin

    from newsbrief.facts.nlp import load_nlp, load_parser, recognise

    parser: Any = load_parser()
    ner: Any = load_nlp()
    if parser is None or ner is None:
        return None
    docs = DocBin(store_user_data=False)
    for doc in parser.pipe(list(parsed)):
        docs.add(doc)
    texts = list(dict.fromkeys(recognised))
    found = {text_hash(t): ents for t, ents in zip(texts, recognise(ner, texts))}
    return bytes(docs.to_bytes()), found


class _Known:
    """The stored sentences a build may read: hash -> (article's blob, position) and hash -> entities."""

    def __init__(self) -> None:
        self.where: dict[str, tuple[int, int]] = {}
        self.blobs: list[bytes] = []
        self.entities: dict[str, Entities] = {}
        self.read: dict[int, Any] = {}  # blob -> its DocBin, whose strings are in ``vocab``
        self.vocab: Any = None


_KNOWN = _Known()


def use_parses(per_article: Iterable[tuple[Sequence[str], bytes, Mapping[str, Entities]]]) -> None:
    """Make these stored rows the ones :func:`stored_parse` and :func:`stored_entities` answer from (those given
    before are dropped).

    :param per_article: each article's parsed sentence hashes, their ``DocBin`` and its entities by
        sentence hash (:func:`pack_sentences`), in order.
    """
    global _KNOWN
    known = _Known()
    for hashes, blob, entities in per_article:
        known.blobs.append(blob)
        for position, h in enumerate(hashes):
            known.where.setdefault(h, (len(known.blobs) - 1, position))
        for h, found in entities.items():
            known.entities.setdefault(h, found)
    _KNOWN = known


def stored_entities(sentence: str) -> Entities | None:
    """Return the stored entities of a sentence, or None if there are none.

    :param sentence: one sentence.
    """
    return _KNOWN.entities.get(text_hash(sentence))


def stored_parse(sentence: str, vocab: Any) -> Any:
    """Return the stored parse of a sentence (a spaCy ``Doc`` on ``vocab``), or None if there is none.

    Only that sentence's ``Doc`` is made (``DocBin.get_docs`` would make every sentence of the article,
    and a lexeme of each of its strings).

    :param sentence: one sentence.
    :param vocab: the loaded parser's vocabulary.
    """
    from spacy.attrs import ORTH
    from spacy.tokens import Doc, DocBin

    known = _KNOWN
    found = known.where.get(text_hash(sentence))
    if found is None:
        return None
    blob, position = found
    if known.vocab is not vocab:
        known.read, known.vocab = {}, vocab
    docs: Any = known.read.get(blob)
    if docs is None:
        docs = known.read[blob] = DocBin().from_bytes(known.blobs[blob])
        for string in docs.strings:
            vocab.strings.add(string)
    tokens = docs.tokens[position]
    spaces = None if docs.flags[position].get("has_unknown_spaces") else docs.spaces[position]
    doc = Doc(vocab, words=tokens[:, docs.attrs.index(ORTH)], spaces=spaces).from_array(docs.attrs, tokens)
    return doc if doc.text == sentence else None


def stored_count() -> Mapping[str, int]:
    """How many sentences and articles the stored parses in use cover (for tests and benchmarks)."""
    return {"sentences": len(_KNOWN.where), "articles": len(_KNOWN.blobs), "recognised": len(_KNOWN.entities)}
