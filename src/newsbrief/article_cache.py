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
  build, a warm rebuild and a build after ``fetch`` see the same vectors);
- the same sentences are parsed together, and the entities of all its candidate sentences and
  its lead recognised together (:mod:`newsbrief.facts.parses`); a parse or entity made in a
  batch is the one a sentence read alone gets (every such sentence of a real day's 442
  articles compared), so the summarizer's checks read the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
import numpy as np

from newsbrief.cluster.embed import Embedder, vector_cache_key
from .engine import EmbedderRef, Engine, InProcess, resolve_embedder
from .facts import extract_facts, fact_from_dict, fact_to_dict, load_nlp
from .facts.nlp import MODEL_NAME
from .facts.parses import Entities, pack_sentences, parser_key, text_hash, use_parses
from .facts.core import relabel_entities
from .model import Article, Entity, Fact, Skip
from .store.base import Store
from .summarize.extractive import Candidate, build_candidates
from .summarize.headline import lead_sentence

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
    return _candidate_texts(_article_candidates(article, parser_key()))


CANDIDATE_CACHE = 1024
"""Articles whose summary candidates are kept: the sentence vectors and then the parses of a day's articles
read the same candidates (:func:`candidate_texts`, :func:`sentence_parses_batch`), built once."""


@functools.lru_cache(maxsize=CANDIDATE_CACHE)
def _article_candidates(article: Article, reader: str | None) -> tuple[Candidate, ...]:
    """The candidates of an article as the current sentence reader (:func:`parser_key`, None: rules) reads them."""
    return tuple(build_candidates([article], resolve_references=True))


def _candidate_texts(cands: Sequence[Candidate]) -> list[str]:
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
    computed: dict[str, int] = field(default_factory=lambda: {"facts": 0, "vectors": 0, "parses": 0})


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


def _facts_one(article: Article, nlp: object | None) -> list[Fact] | Skip:
    """Return one article's facts, or a Skip saying why the extractors failed on it."""
    try:
        return extract_facts([article], nlp=nlp)
    except Exception as exc:  # noqa: BLE001 - one article never fails the digest
        LOGGER.debug("facts: article %s failed", article.id, exc_info=True)
        return Skip(what=article.id, reason=f"facts: {type(exc).__name__}: {exc}"[:300], stage="facts")


def facts_batch(articles: Sequence[Article]) -> tuple[str, list[list[Fact] | Skip]]:
    """Return which entity reader was used (``"spacy"`` or ``"rules"``) and each article's facts (a task of the engine).

    The spaCy model is loaded once per process.

    :param articles: articles as the text stages read them.
    """
    nlp = load_nlp()
    return ("spacy" if nlp is not None else "rules"), [_facts_one(a, nlp) for a in articles]


def sentence_vectors_batch(articles: Sequence[Article],
                           embedder: Embedder | EmbedderRef) -> list[tuple[list[str], np.ndarray]]:
    """Return each article's candidate sentence hashes and their vectors (a task of the engine).

    Each article's sentences are embedded in one batch of their own (see the module's notes).

    :param articles: articles as the text stages read them.
    :param embedder: the embedder, or a reference a worker loads it from.
    """
    model = resolve_embedder(embedder)
    out = []
    for article in articles:
        texts = candidate_texts(article)
        vectors = model.encode(texts) if texts else np.zeros((0, model.dim), dtype=np.float32)
        out.append(([text_hash(t) for t in texts], vectors))
    return out


_TASK_ARTICLES = 8  # articles per task on a distributed engine
_STORE_ROWS = 64  # made rows stored together


def _make_missing(todo: Sequence[Article], keys: Mapping[str, str], task: Callable[..., list[Any]], engine: Engine,
                  stage: str, progress: Callable[[str, int, int], None], put: Callable[[list[tuple[Any, ...]]], None],
                  *args: Any) -> dict[str, Any]:
    """Make the rows of the articles the store does not have, store them as they come; return them by article id.

    :param todo: the articles to make rows for.
    :param keys: article id -> the key its row is made for.
    :param task: a batch task of the engine returning one row per article (None: none made, nothing stored).
    :param engine: where the tasks run (one article per task here, :data:`_TASK_ARTICLES` on a distributed engine).
    :param stage: the progress stage's name.
    :param progress: callback ``(stage, done, total)``.
    :param put: stores ``(article id, key, *row)`` rows, :data:`_STORE_ROWS` at a time.
    :param args: passed to every task after its articles.
    """
    size = _TASK_ARTICLES if engine.distributed else 1
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    made: dict[str, Any] = {}
    rows: list[tuple[Any, ...]] = []
    done = 0
    for batch, results in zip(batches, engine.imap(task, batches, *args), strict=True):
        for article, row in zip(batch, results, strict=True):
            done += 1
            progress(stage, done, len(todo))
            if row is None:  # the task could not make it where it ran (spaCy failed to load there)
                continue
            made[article.id] = row
            rows.append((article.id, keys[article.id], *row))
        if len(rows) >= _STORE_ROWS:
            put(rows)
            rows = []
    if rows:
        put(rows)
    return made


def _facts(store: Store, articles: Sequence[Article], out: Analysis, engine: Engine) -> None:
    reader = _expected_reader()  # spaCy is loaded only when some article's facts are not stored

    def keys_for(reader: str) -> dict[str, str]:
        return {a.id: _article_key(a, _code_hash("facts"), reader) for a in articles}

    keys = keys_for(reader)
    for aid, dicts in store.article_facts(keys).items():
        out.facts[aid] = [fact_from_dict(d) for d in dicts]
    todo = [a for a in articles if a.id not in out.facts]
    if not todo:
        return
    # each batch's facts are keyed by the reader its process used (installed but failed to load,
    # or the other way round: not the one expected)
    size = _TASK_ARTICLES if engine.distributed else len(todo)
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    rows = []
    keyed = {reader: keys}
    for batch, (used, results) in zip(batches, engine.imap(facts_batch, batches), strict=True):
        if used not in keyed:
            keyed[used] = keys_for(used)
        for article, facts in zip(batch, results, strict=True):
            if isinstance(facts, Skip):
                out.failures[article.id] = facts
                continue
            out.facts[article.id] = facts
            rows.append((article.id, keyed[used][article.id], [fact_to_dict(f) for f in facts]))
    if rows:
        store.put_article_facts(rows)
    out.computed["facts"] = len(rows)


def _vectors(store: Store, articles: Sequence[Article], embedder: Embedder, out: Analysis,
             progress: Callable[[str, int, int], None], engine: Engine) -> None:
    model = vector_cache_key(embedder)
    keys = {a.id: _article_key(a, _code_hash("summarize"), model) for a in articles}
    cached = store.sentence_vectors(keys, model=model)
    per_article: dict[str, tuple[list[str], np.ndarray]] = dict(cached)
    todo = [a for a in articles if a.id not in cached]
    per_article.update(_make_missing(todo, keys, sentence_vectors_batch, engine, "sentences", progress,
                                     lambda rows: store.put_sentence_vectors(rows, model=model),
                                     engine.embedder_arg(embedder)))
    known: dict[str, np.ndarray] = {}
    for aid in sorted(per_article):  # a sentence several articles share takes one article's vector, always the same
        hashes, vectors = per_article[aid]
        for h, vector in zip(hashes, vectors):
            known.setdefault(h, vector)
    out.embedder = CachedEmbedder(embedder, known)
    out.computed["vectors"] = len(todo)


def analyse_articles(store: Store, articles: Sequence[Article], *, embedder: Embedder,
                     progress: Callable[[str, int, int], None] | None = None, engine: Engine | None = None) -> Analysis:
    """Return the facts and sentence vectors of articles, from the store where it has them, made and stored otherwise.

    The parses of their summary sentences are read or made the same way and handed to
    :func:`~newsbrief.facts.nlp.parse` (:func:`~newsbrief.facts.parses.use_parses`).

    An article the facts extractors fail on has no facts and a :class:`~newsbrief.model.Skip`
    in ``failures`` (it is not stored, so the next build tries again).

    :param store: the store.
    :param articles: articles as the text stages read them (cleaned and capped), each once.
    :param embedder: the embedder of the summaries' retelling check.
    :param progress: callback ``(stage, done, total)``.
    :param engine: where the facts and vectors are made (:mod:`newsbrief.engine`; default: this
        process); they are stored here.
    """
    out = Analysis()
    engine = engine or InProcess()
    unique = list({a.id: a for a in articles}.values())
    _facts(store, unique, out, engine)
    _vectors(store, unique, embedder, out, progress or _noop, engine)
    _parses(store, unique, out, progress or _noop, engine)
    return out


def sentence_parses_batch(articles: Sequence[Article]) -> list[tuple[list[str], bytes, dict[str, Entities]] | None]:
    """Return each article's parses and entities, made together (a task of the engine; None without spaCy).

    The summary candidates (:func:`candidate_texts`) are parsed; every candidate sentence and the
    lead (what the reference and headline checks may run the recogniser on) are recognised.

    :param articles: articles as the text stages read them.
    """
    out: list[tuple[list[str], bytes, dict[str, Entities]] | None] = []
    for article in articles:
        cands = _article_candidates(article, parser_key())
        texts = _candidate_texts(cands)
        lead = lead_sentence(article)
        packed = pack_sentences(texts, [c.text for c in cands] + ([lead] if lead else []))
        out.append(None if packed is None else ([text_hash(t) for t in texts], *packed))
    return out


def _parses(store: Store, articles: Sequence[Article], out: Analysis, progress: Callable[[str, int, int], None],
            engine: Engine) -> None:
    """Read the articles' stored parses and entities, make and store the missing ones, hand them all to ``facts.nlp``."""
    model = parser_key()
    if model is None:  # no spaCy: nothing is parsed, in the build or here
        return
    keys = {a.id: _article_key(a, _code_hash("summarize"), model) for a in articles}
    per_article = dict(store.sentence_parses(keys, model=model))
    todo = [a for a in articles if a.id not in per_article]
    per_article.update(_make_missing(todo, keys, sentence_parses_batch, engine, "parses", progress,
                                     lambda rows: store.put_sentence_parses(rows, model=model)))
    use_parses(per_article[aid] for aid in sorted(per_article))
    out.computed["parses"] = len(todo)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def facts_of(analysis: Analysis, articles: Sequence[Article]) -> list[Fact]:
    """Return the story facts of ``articles`` from an analysis (articles that failed have none).

    :param analysis: the result of :func:`analyse_articles` covering the articles.
    :param articles: one story's articles.
    """
    return story_facts([analysis.facts.get(a.id, []) for a in articles])

