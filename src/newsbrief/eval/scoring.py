"""Cluster-quality metrics: pairwise (Miranda et al. 2018), B-cubed, NMI and ARI.

Computed exactly as the shared benchmark scorer ``bench/clustering/score.py`` does (a test
checks that the two agree), but returned as fractions in [0, 1] rather than percentages.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Hashable, Mapping

from newsbrief.errors import EvalError

LOGGER = logging.getLogger(__name__)

__all__ = ["cluster_scores"]


def _c2(n: int) -> int:
    """Return the number of unordered pairs among n items."""
    return n * (n - 1) // 2


def _ratio(num: float, den: float) -> float:
    """Return num/den, or 0.0 when den is 0."""
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    """Return the harmonic mean of p and r (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def cluster_scores(
    gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]
) -> dict[str, float | int]:
    """Score a predicted clustering against gold labels over the gold ids.

    Pairwise: ``TP = sum C(n_ij, 2)``, ``P = TP / sum C(|pred_j|, 2)``,
    ``R = TP / sum C(|gold_i|, 2)``. B-cubed: item-averaged precision and recall.
    NMI: ``I(G;K) / sqrt(H(G) H(K))``.

    :param gold: document id -> gold cluster label.
    :param pred: document id -> predicted cluster label; must cover every gold id.
    """
    if not gold:
        raise EvalError("eval: no gold documents to score")
    missing = [i for i in gold if i not in pred]
    if missing:
        raise EvalError(f"eval: {len(missing)} gold ids have no prediction (e.g. {missing[0]})")
    ids = list(gold)
    n = len(ids)
    cont = Counter((gold[i], pred[i]) for i in ids)
    gsize = Counter(gold[i] for i in ids)
    psize = Counter(pred[i] for i in ids)

    tp = sum(_c2(v) for v in cont.values())
    tp_fp = sum(_c2(v) for v in psize.values())
    tp_fn = sum(_c2(v) for v in gsize.values())
    total_pairs = _c2(n)
    pp, pr = _ratio(tp, tp_fp), _ratio(tp, tp_fn)

    bp = sum(v * v / psize[k] for (g, k), v in cont.items()) / n
    br = sum(v * v / gsize[g] for (g, k), v in cont.items()) / n

    hg = -sum(c / n * math.log(c / n) for c in gsize.values())
    hk = -sum(c / n * math.log(c / n) for c in psize.values())
    mi = sum(v / n * math.log(n * v / (gsize[g] * psize[k])) for (g, k), v in cont.items())
    if hg == 0 and hk == 0:
        nmi = 1.0
    elif hg == 0 or hk == 0:
        nmi = 0.0
    else:
        nmi = mi / math.sqrt(hg * hk)
    expected = tp_fp * tp_fn / total_pairs if total_pairs else 0.0
    max_index = (tp_fp + tp_fn) / 2
    ari = (tp - expected) / (max_index - expected) if max_index != expected else 1.0

    return {
        "pairwise_precision": pp,
        "pairwise_recall": pr,
        "pairwise_f1": _f1(pp, pr),
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": _f1(bp, br),
        "nmi": nmi,
        "ari": ari,
        "n_docs": n,
        "n_gold_clusters": len(gsize),
        "n_pred_clusters": len(psize),
    }
