"""Per-article work of the digest, done once per article and cached by content.

Building a digest reads every article of the day twice over: the facts stage runs its rule
extractors and the spaCy entity model on each sentence (stage 7), and the summarizer embeds
each candidate sentence to tell retellings apart (stage 8). Both depend on one article alone,
as the text stages read it (title, capped cleaned text, publication date), and on the code or
model that read it. So :func:`analyse_articles` does that work once per article, stores it
(:mod:`newsbrief.store.analysis`) under a key hashing all of these, and a rebuild, or the
digest after ``newsbrief fetch`` did the work, reads it back.

The result is the same as reading each story's articles afresh:

- a story's facts are its articles' facts in order, with entities relabelled over the whole
  story (:func:`story_facts`), which is what :func:`~newsbrief.facts.extract_facts` returns for
  the story's articles read together;
- an article's candidate sentences are embedded together, in one batch of their own, so a
  sentence's vector does not depend on which other articles were embedded with it (a cold
  build, a warm rebuild and a build after ``fetch`` see the same vectors).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
import numpy as np

from newsbrief.cluster.embed import Embedder, vector_cache_key
from .facts import extract_facts, fact_from_dict, fact_to_dict, load_nlp
from .facts.nlp import MODEL_NAME
from .facts.core import relabel_entities
from .model import Article, Entity, Fact, Skip
from .store.base import Store
from .summarize.extractive import build_candidates

__all__ = ["Analysis", "CachedEmbedder", "analyse_articles", "candidate_texts", "facts_of", "story_facts", "text_hash"]

LOGGER = logging.getLogger(__name__)
_PACKAGE = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def _code_hash(folder: str) -> str:
    """Return a hash of a package's source files, so work made by older code is redone."""
    digest = hashlib.sha1()
    for path in sorted((_PACKAGE / folder).glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_hash(text: str) -> str:
    """Return the key of one sentence's vector.

    :param text: the sentence.
    """
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _article_key(article: Article, *parts: str) -> str:
    digest = hashlib.sha1()
    for part in (article.id, article.title, article.text, article.published.isoformat(), *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def candidate_texts(article: Article) -> list[str]:
    """Return the sentences of an article the summarizer may embed, once each, in article order.

    Those are its candidates that any digest summary call may keep (eligible, and with a
    referring subject only when its referent is found); every other filter only narrows them.

    :param article: the article as the text stages read it.
    """
    cands = build_candidates([article], resolve_references=True)
    return list(dict.fromkeys(c.text for c in cands if c.eligible and not (c.reference is not None and not c.referent)))


class CachedEmbedder:
    """An embedder that answers from known sentence vectors and encodes only texts it has not seen.

    :param inner: the embedder that makes missing vectors.
    :param known: sentence hash (:func:`text_hash`) to vector.
    """

    def __init__(self, inner: Embedder, known: dict[str, np.ndarray] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.cache_key = vector_cache_key(inner)
        self.known: dict[str, np.ndarray] = known if known is not None else {}
        self.encoded = 0  # texts this embedder had to encode itself

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return the vectors of ``texts``, encoding the unknown ones in one batch.

        :param texts: texts to encode.
        """
        keys = [text_hash(t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self.known))
        if missing:
            for text, vector in zip(missing, self.inner.encode(missing)):
                self.known[text_hash(text)] = vector
            self.encoded += len(missing)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self.known[k]
        return out


@dataclass
class Analysis:
    """What :func:`analyse_articles` found: each article's facts, failures, and an embedder that knows their sentences."""

    facts: dict[str, list[Fact]] = field(default_factory=dict)
    failures: dict[str, Skip] = field(default_factory=dict)  # article id -> why its facts are left out
    embedder: Embedder | None = None
    computed: dict[str, int] = field(default_factory=lambda: {"facts": 0, "vectors": 0})


def story_facts(per_article: Sequence[Sequence[Fact]]) -> list[Fact]:
    """Return a story's facts from its articles' own facts, as if its articles were read together.

    Entities come last, relabelled ORG when any article of the story shows them raising money,
    investing or regulating.

    :param per_article: each article's facts (from :func:`~newsbrief.facts.extract_facts` on it alone).
    """
    plain = [f for facts in per_article for f in facts if not isinstance(f, Entity)]
    entities = [f for facts in per_article for f in facts if isinstance(f, Entity)]
    return plain + relabel_entities(entities, plain)


def _expected_reader() -> str:
    """Name what :func:`~newsbrief.facts.load_nlp` will return, without loading spaCy (seconds)."""
    if os.environ.get("NEWSBRIEF_FACTS_NLP", "").lower() in ("rules", "none", "off"):
        return "rules"
    found = importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(MODEL_NAME) is not None
    return "spacy" if found else "rules"


def _facts(store: Store, articles: Sequence[Article], out: Analysis) -> None:
    reader = _expected_reader()  # spaCy is loaded only when some article's facts are not stored

    def keys_for(reader: str) -> dict[str, str]:
        return {a.id: _article_key(a, _code_hash("facts"), reader) for a in articles}

    keys = keys_for(reader)
    for aid, dicts in store.article_facts(keys).items():
        out.facts[aid] = [fact_from_dict(d) for d in dicts]
    todo = [a for a in articles if a.id not in out.facts]
    if not todo:
        return
    nlp = load_nlp()
    if (nlp is not None) != (reader == "spacy"):  # installed but failed to load, or the other way round
        keys = keys_for("spacy" if nlp is not None else "rules")
    rows = []
    for article in todo:
        try:
            facts = extract_facts([article], nlp=nlp)
        except Exception as exc:  # noqa: BLE001 - one article never fails the digest
            LOGGER.debug("facts: article %s failed", article.id, exc_info=True)
            out.failures[article.id] = Skip(what=article.id, reason=f"facts: {type(exc).__name__}: {exc}"[:300],
                                            stage="facts")
            continue
        out.facts[article.id] = facts
        rows.append((article.id, keys[article.id], [fact_to_dict(f) for f in facts]))
    if rows:
        store.put_article_facts(rows)
    out.computed["facts"] = len(rows)


def _vectors(store: Store, articles: Sequence[Article], embedder: Embedder, out: Analysis,
             progress: Callable[[str, int, int], None]) -> None:
    model = vector_cache_key(embedder)
    keys = {a.id: _article_key(a, _code_hash("summarize"), model) for a in articles}
    cached = store.sentence_vectors(keys, model=model)
    per_article: dict[str, tuple[list[str], np.ndarray]] = dict(cached)
    rows = []
    todo = [a for a in articles if a.id not in cached]
    for n, article in enumerate(todo, 1):
        texts = candidate_texts(article)
        vectors = embedder.encode(texts) if texts else np.zeros((0, embedder.dim), dtype=np.float32)
        hashes = [text_hash(t) for t in texts]
        per_article[article.id] = (hashes, vectors)
        rows.append((article.id, keys[article.id], hashes, vectors))
        progress("sentences", n, len(todo))
        if len(rows) >= 64:
            store.put_sentence_vectors(rows, model=model)
            rows = []
    if rows:
        store.put_sentence_vectors(rows, model=model)
    known: dict[str, np.ndarray] = {}
    for aid in sorted(per_article):  # a sentence several articles share takes one article's vector, always the same
        hashes, vectors = per_article[aid]
        for h, vector in zip(hashes, vectors):
            known.setdefault(h, vector)
    out.embedder = CachedEmbedder(embedder, known)
    out.computed["vectors"] = len(todo)


def analyse_articles(store: Store, articles: Sequence[Article], *, embedder: Embedder,
                     progress: Callable[[str, int, int], None] | None = None) -> Analysis:
    """Return the facts and sentence vectors of articles, from the store where it has them, made and stored otherwise.

    An article the facts extractors fail on has no facts and a :class:`~newsbrief.model.Skip`
    in ``failures`` (it is not stored, so the next build tries again).

    :param store: the store.
    :param articles: articles as the text stages read them (cleaned and capped), each once.
    :param embedder: the embedder of the summaries' retelling check.
    :param progress: callback ``(stage, done, total)``.
    """
    out = Analysis()
    unique = list({a.id: a for a in articles}.values())
    _facts(store, unique, out)
    _vectors(store, unique, embedder, out, progress or _noop)
    return out


def _noop(stage: str, done: int, total: int) -> None:
    return None


def facts_of(analysis: Analysis, articles: Sequence[Article]) -> list[Fact]:
    """Return the story facts of ``articles`` from an analysis (articles that failed have none).

    :param analysis: the result of :func:`analyse_articles` covering the articles.
    :param articles: one story's articles.
    """
    return story_facts([analysis.facts.get(a.id, []) for a in articles])

