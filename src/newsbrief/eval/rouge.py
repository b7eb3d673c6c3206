"""ROUGE recall as the DUC/TAC tables report it (ROUGE-1.5.5 rules on top of ``rouge-score``).

Rules, identical to ``bench/summarization/score.py`` of the shared benchmark folder:

* tokens: ``rouge-score``'s tokenizer (lower-case, non-alphanumerics to spaces, Porter stemming
  of tokens longer than 3 characters when ``stem`` is on);
* sentences: one per line, or a simple punctuation rule when the text has no newline;
* length limit (``-l N``): the summary and every reference keep whole sentences while under
  ``N`` words, the next sentence is cut to fill the limit;
* several references (``-f A``): hits and counts are pooled over the references of a cluster,
  ``R = sum hits / sum |ref|``; the corpus score is the mean over clusters;
* ROUGE-N counts n-grams over the whole (flattened) summary; ROUGE-L is the summary-level union
  LCS; ROUGE-SU4 adds skip-bigrams with at most 4 words between, plus unigrams minus the last.

``rouge-score`` is an optional dependency (``pip install 'newsbrief[eval]'``).
"""

from __future__ import annotations

import collections
import logging
import re
from collections.abc import Sequence
from typing import Protocol

from newsbrief.errors import EvalError

LOGGER = logging.getLogger(__name__)

__all__ = ["RougeScorer", "RougeScores", "mean_scores", "split_sentences", "truncate"]

RougeScores = dict[str, tuple[float, float, float]]
_SENT_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[\"'(\[]?[A-Z0-9])")
_KEYS = ("rouge1", "rouge2", "rougeL", "rougeSU4")


class _Tokenizer(Protocol):
    def tokenize(self, text: str) -> list[str]: ...


def split_sentences(text: str) -> list[str]:
    """Split a summary into sentences: at newlines if it has any, else at end punctuation.

    :param text: summary or reference text.
    """
    text = text.replace("\r", "")
    if "\n" in text.strip():
        sents = [s.strip() for s in text.split("\n")]
    else:
        sents = [s.strip() for s in _SENT_RE.split(text)]
    return [s for s in sents if s]


def truncate(sents: Sequence[str], *, max_words: int = 0, max_bytes: int = 0) -> list[str]:
    """Keep whole sentences while under the limit and cut the next one (ROUGE-1.5.5 ``-l``/``-b``).

    :param sents: sentences in order.
    :param max_words: word limit (0 = none).
    :param max_bytes: byte limit (0 = none); ignored when ``max_words`` is set.
    """
    if not max_words and not max_bytes:
        return list(sents)
    out: list[str] = []
    used = 0
    for s in sents:
        if max_words:
            toks = s.split()
            if used + len(toks) < max_words:
                out.append(s)
                used += len(toks)
            else:
                out.append(" ".join(toks[: max_words - used]))
                break
        else:
            if used + len(s) < max_bytes:
                out.append(s)
                used += len(s)
            else:
                out.append(s[: max_bytes - used])
                break
    return [s for s in out if s.strip()]


def _ngrams(tokens: Sequence[str], n: int) -> collections.Counter[tuple[str, ...]]:
    return collections.Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _skip_grams(tokens: Sequence[str], skip: int) -> collections.Counter[tuple[str, ...]]:
    c: collections.Counter[tuple[str, ...]] = collections.Counter()
    for i in range(len(tokens) - 1):
        c[(tokens[i],)] += 1
        for j in range(i + 1, min(len(tokens), i + skip + 2)):
            c[(tokens[i], tokens[j])] += 1
    return c


def _lcs_positions(a: Sequence[str], b: Sequence[str]) -> list[int]:
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        ai, ti, ti1 = a[i], t[i], t[i + 1]
        for j in range(m):
            ti1[j + 1] = ti[j] + 1 if ai == b[j] else max(ti[j + 1], ti1[j])
    i, j, pos = n, m, []
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            pos.append(i - 1)
            i -= 1
            j -= 1
        elif t[i - 1][j] >= t[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pos


def _lcs_hits(ref_sents: Sequence[Sequence[str]], sys_sents: Sequence[Sequence[str]]) -> int:
    ref_cnt = collections.Counter(t for s in ref_sents for t in s)
    sys_cnt = collections.Counter(t for s in sys_sents for t in s)
    hits = 0
    for r in ref_sents:
        union: set[int] = set()
        for s in sys_sents:
            union.update(_lcs_positions(r, s))
        for p in sorted(union):
            tok = r[p]
            if ref_cnt[tok] > 0 and sys_cnt[tok] > 0:
                hits += 1
                ref_cnt[tok] -= 1
                sys_cnt[tok] -= 1
    return hits


def _prf(hit: int, ref_total: int, sys_total: int) -> tuple[float, float, float]:
    r = hit / ref_total if ref_total else 0.0
    p = hit / sys_total if sys_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return r, p, f


class RougeScorer:
    """Score summaries against pooled references with ROUGE-1.5.5's rules (see module doc)."""

    def __init__(self, *, stem: bool = True, max_words: int = 0, max_bytes: int = 0,
                 with_lcs: bool = True, skip: int = 4) -> None:
        """Build a scorer.

        :param stem: Porter-stem tokens (ROUGE-1.5.5 ``-m``).
        :param max_words: word limit applied to summary and references (``-l``; 0 = none).
        :param max_bytes: byte limit (``-b``; 0 = none).
        :param with_lcs: also compute ROUGE-L (the slowest part).
        :param skip: maximum gap of ROUGE-SU skip-bigrams.
        """
        try:
            from rouge_score import tokenizers
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise EvalError("eval: rouge-score is not installed; pip install 'newsbrief[eval]'") from exc
        if max_words and max_bytes:
            raise EvalError("eval: use max_words or max_bytes, not both")
        self._tok: _Tokenizer = tokenizers.DefaultTokenizer(use_stemmer=stem)
        self.max_words, self.max_bytes, self.with_lcs, self.skip = max_words, max_bytes, with_lcs, skip

    def prepare(self, text: str) -> list[list[str]]:
        """Split, cut to the limit and tokenise a text; return its non-empty sentences' tokens.

        :param text: summary or reference.
        """
        sents = truncate(split_sentences(text), max_words=self.max_words, max_bytes=self.max_bytes)
        toks = [self._tok.tokenize(s) for s in sents]
        return [t for t in toks if t]

    def score(self, summary: str, references: Sequence[str]) -> RougeScores:
        """Return ``{"rouge1"|"rouge2"|"rougeL"|"rougeSU4": (recall, precision, f1)}`` for one cluster.

        :param summary: the system summary, one sentence per line preferred.
        :param references: the cluster's reference summaries (pooled, ``-f A``).
        """
        if not references:
            raise EvalError("eval: a cluster has no reference summary")
        sys_s = self.prepare(summary)
        sys_flat = [t for s in sys_s for t in s]
        pooled: dict[str, list[int]] = {k: [0, 0, 0] for k in _KEYS}
        for ref in references:
            ref_s = self.prepare(ref)
            ref_flat = [t for s in ref_s for t in s]
            triples: dict[str, tuple[int, int, int]] = {}
            for key, n in (("rouge1", 1), ("rouge2", 2)):
                rc, sc = _ngrams(ref_flat, n), _ngrams(sys_flat, n)
                triples[key] = (sum((rc & sc).values()), sum(rc.values()), sum(sc.values()))
            rc, sc = _skip_grams(ref_flat, self.skip), _skip_grams(sys_flat, self.skip)
            triples["rougeSU4"] = (sum((rc & sc).values()), sum(rc.values()), sum(sc.values()))
            lcs = _lcs_hits(ref_s, sys_s) if self.with_lcs else 0
            triples["rougeL"] = (lcs, len(ref_flat), len(sys_flat))
            for key, (h, r, s) in triples.items():
                acc = pooled[key]
                acc[0] += h
                acc[1] += r
                acc[2] += s
        return {k: _prf(*v) for k, v in pooled.items()}


def mean_scores(per_cluster: Sequence[RougeScores]) -> dict[str, dict[str, float]]:
    """Average per-cluster scores into ``{key: {"R", "P", "F"}}`` (x100), as ROUGE-1.5.5 does.

    :param per_cluster: one score dict per cluster.
    """
    if not per_cluster:
        raise EvalError("eval: no cluster was scored")
    out: dict[str, dict[str, float]] = {}
    for key in _KEYS:
        vals = [c[key] for c in per_cluster]
        out[key] = {m: 100 * sum(v[i] for v in vals) / len(vals) for i, m in enumerate("RPF")}
    return out
