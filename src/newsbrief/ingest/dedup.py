"""Stage 4, dedup: canonical URLs, exact fingerprints and near-duplicate detection.

Three layers, from cheapest to fuzziest:

1. **Same item.** :func:`canonical_url` strips tracking parameters and normalises the URL;
   :func:`article_id` hashes it. A teaser and the full text of one item share a URL, so they
   get the same id and are one article (the store upserts by id).
2. **Exact copy.** :func:`fingerprint` hashes the normalised text (case, punctuation and
   whitespace folded), so the same wire story under another URL is caught.
3. **Near copy.** :func:`simhash` is a 64-bit similarity hash (a one-bit MinHash over word
   3-shingles); two texts within ``threshold`` differing bits (default 3, about Jaccard 0.9)
   are syndicated copies of one another (a changed byline, a different footer). A re-titled
   update that adds facts changes many shingles and stays a separate article; joining it to
   its story is the clusterer's job.

Texts shorter than :data:`MIN_SHINGLES` shingles are only matched exactly: a similarity hash
is too noisy on a sentence or two.

A copy tells the same item, so its headline shares words with the original's: two pages with
one body under headlines that share no word, or only one word of many (a template outlet's link
list or stub served under each item's headline, both ending on the same credit: "... CNBC"), are
different items, and :class:`DedupIndex` keeps both.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from courlan import normalize_url

from newsbrief.cluster.text import terms
from newsbrief.model import Article

__all__ = [
    "DedupIndex",
    "MIN_SHINGLES",
    "TRACKING_PARAMS",
    "article_id",
    "canonical_url",
    "find_duplicate",
    "fingerprint",
    "hamming",
    "normalize_text",
    "shingle_count",
    "simhash",
]

LOGGER = logging.getLogger(__name__)

_SHARED_TITLE_SHARE = 0.25
"""With one headline word in common, the share of the shorter headline's words it must be (a short headline)."""

MIN_SHINGLES = 12
"""Below this many word shingles a text is matched by exact fingerprint only."""

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
        "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_conv", "vero_id", "wickedid", "rb_clickid", "s_cid", "cmpid", "ocid", "ncid",
        "sr_share", "spm", "share", "smid", "cmp", "at_medium", "at_campaign", "ito", "src",
        "ref", "ref_src", "ref_url", "referrer", "feature", "guccounter", "guce_referrer",
        "guce_referrer_sig", "taid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname",
        "ns_fee", "rss", "from", "xtor", "__twitter_impression", "soc_src", "soc_trk",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hsa_", "itm_", "at_")

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1
_WORD_CACHE: dict[str, int] = {}
_WORD_CACHE_MAX = 200_000
# 64 fixed odd seeds (stable across runs and machines: the hashes are stored).
_SEEDS = np.array(
    [
        int.from_bytes(hashlib.blake2b(b"newsbrief-minhash-%d" % i, digest_size=8).digest(), "little") | 1
        for i in range(64)
    ],
    dtype=np.uint64,
)


def _is_tracking(key: str) -> bool:
    low = key.lower()
    return low in TRACKING_PARAMS or low.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url``: tracking parameters, fragment and default port gone.

    :param url: an absolute http(s) URL (anything else is returned stripped, unchanged).
    """
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return url
    try:
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
        cleaned = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
        normal = normalize_url(cleaned, strict=False, trailing_slash=True)
    except (ValueError, TypeError) as exc:  # courlan/urllib reject some malformed URLs
        LOGGER.debug("dedup: cannot normalise %r: %s", url, exc)
        return url
    # courlan keeps a trailing slash on the path; drop it (except the root) so /a and /a/ match.
    parts = urlsplit(normal)
    path = parts.path
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_id(canonical: str) -> str:
    """Return a stable 16-hex-digit id for a canonical URL (or any identifying string).

    :param canonical: the output of :func:`canonical_url`, or a feed GUID when there is no URL.
    """
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=8).hexdigest()


def normalize_text(text: str) -> str:
    """Return ``text`` case-folded, accent-normalised (NFKC), as space-separated words.

    :param text: plain text.
    """
    return " ".join(_words(text))


_LAST_WORDS: tuple[str, list[str]] = ("", [])


def _words(text: str) -> list[str]:
    """Return the normalised words of ``text`` (the last answer is reused: fingerprint then simhash)."""
    global _LAST_WORDS
    last_text, last_words = _LAST_WORDS
    if text is last_text or text == last_text:
        return last_words
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    _LAST_WORDS = (text, words)
    return words


def fingerprint(text: str) -> str:
    """Return the exact content hash (32 hex digits) of the normalised text.

    :param text: plain text; case, punctuation and whitespace do not change the result.
    """
    return hashlib.blake2b(" ".join(_words(text)).encode("utf-8"), digest_size=16).hexdigest()


def _word_hash(word: str) -> int:
    value = _WORD_CACHE.get(word)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
            _WORD_CACHE.clear()
        _WORD_CACHE[word] = value
    return value


def _shingle_hashes(words: list[str], k: int = 3) -> np.ndarray:
    get = _WORD_CACHE.get
    values = [get(w) for w in words]
    if None in values:
        values = [v if v is not None else _word_hash(w) for v, w in zip(values, words)]
    hashes = np.array(values, dtype=np.uint64)
    if len(words) < k:
        return hashes
    with np.errstate(over="ignore"):
        mixed = (
            hashes[: len(words) - k + 1] * np.uint64(0x9E3779B97F4A7C15)
            + hashes[1 : len(words) - k + 2] * np.uint64(0xC2B2AE3D27D4EB4F)
            + hashes[2:] * np.uint64(0x165667B19E3779F9)
        )
    return _mix(mixed)


def _mix(values: np.ndarray) -> np.ndarray:
    """Return the splitmix64 finaliser of ``values`` (uint64), spreading bits evenly."""
    with np.errstate(over="ignore"):
        mixed = values ^ (values >> np.uint64(30))
        mixed = mixed * np.uint64(0xBF58476D1CE4E5B9)
        mixed ^= mixed >> np.uint64(27)
        mixed = mixed * np.uint64(0x94D049BB133111EB)
        mixed ^= mixed >> np.uint64(31)
    return np.asarray(mixed, dtype=np.uint64)


def shingle_count(text: str) -> int:
    """Return how many word 3-shingles ``text`` has (0 for fewer than three words).

    :param text: plain text.
    """
    return max(0, len(_WORD.findall(text)) - 2)


def simhash(text: str) -> int:
    """Return the 64-bit similarity hash of ``text``: a one-bit MinHash over word 3-shingles.

    Bit ``i`` is the lowest bit of the minimum of the ``i``-th hash function over the set of
    shingles, so two texts differ in a bit with probability ``(1 - J) / 2`` where ``J`` is
    their Jaccard similarity: 0-1 bits for syndicated copies, about 32 for unrelated texts, 3
    bits at ``J`` about 0.9. (The name is kept from the SimHash it replaced: a one-bit MinHash
    separates near copies from updates much better at 64 bits.) The value is a *signed*
    64-bit integer so it fits an SQLite INTEGER column; 0 means "no text".

    :param text: plain text; normalised like :func:`fingerprint` first.
    """
    words = _words(text)
    if not words:
        return 0
    hashes = np.unique(_shingle_hashes(words))
    minima = _mix(hashes[:, None] ^ _SEEDS[None, :]).min(axis=0)
    value = 0
    for i in np.flatnonzero(minima & np.uint64(1)):
        value |= 1 << int(i)
    if value == 0:
        value = 1  # keep 0 for "no text"
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    """Return the number of differing bits between two 64-bit hashes.

    :param a: first hash.
    :param b: second hash.
    """
    return ((a ^ b) & _MASK64).bit_count()


def find_duplicate(
    article: Article,
    *,
    known: Sequence[tuple[str, str, int]],
    threshold: int = 3,
    similarity: int | None = None,
) -> str | None:
    """Return the id of the known article ``article`` duplicates (exact or near copy), else None.

    An entry of ``known`` with the article's own id is the same item seen again, not a
    duplicate of another one, and is ignored (the store upserts it).

    :param article: the new article (its ``content_hash`` is used when set).
    :param known: ``(article_id, content_hash, simhash)`` of stored articles, originals first.
    :param threshold: the largest number of differing SimHash bits that still counts as a copy.
    :param similarity: the article's :func:`simhash` when already computed (saves recomputing it).
    """
    text = article.text
    if not text.strip():
        return None
    content_hash = article.content_hash or fingerprint(text)
    for other_id, other_hash, _ in known:
        if other_id != article.id and other_hash and other_hash == content_hash:
            return other_id
    if shingle_count(text) < MIN_SHINGLES:
        return None
    mine = simhash(text) if similarity is None else similarity
    best: tuple[int, str] | None = None
    for other_id, _, other_simhash in known:
        if other_id == article.id or not other_simhash:
            continue
        distance = hamming(mine, other_simhash)
        if distance <= threshold and (best is None or distance < best[0]):
            best = (distance, other_id)
            if distance == 0:
                break
    return best[1] if best else None


class DedupIndex:
    """An in-memory index answering :func:`find_duplicate` without scanning every known article.

    Exact hashes go in a dict; similarity hashes are split into 4 bands of 16 bits, so any two
    hashes within 3 differing bits share at least one band (pigeonhole) and only articles
    sharing a band are compared. Answers match :func:`find_duplicate` for ``threshold <= 3``.
    """

    def __init__(self, known: Sequence[tuple[str, str, int]] = ()) -> None:
        """Create an index, optionally filled with ``(article_id, content_hash, simhash)`` rows.

        :param known: stored articles, originals first.
        """
        self._by_hash: dict[str, str] = {}
        self._titles: dict[str, frozenset[str]] = {}
        self._bands: list[dict[int, list[tuple[str, int]]]] = [{} for _ in range(4)]
        for row in known:
            self.add(*row)

    def add(self, ident: str, content_hash: str, similarity: int, title: str = "") -> None:
        """Add one article (the first article with a hash stays the original).

        :param ident: the article id.
        :param content_hash: its :func:`fingerprint` ("" when it has no text).
        :param similarity: its :func:`simhash` (0 when it has no text).
        :param title: its headline ("" when unknown: then any headline may copy it).
        """
        words = frozenset(terms(title))
        if words:
            self._titles[ident] = words
        if content_hash:
            self._by_hash.setdefault(content_hash, ident)
        if similarity:
            value = similarity & _MASK64
            for band, table in enumerate(self._bands):
                table.setdefault((value >> (16 * band)) & 0xFFFF, []).append((ident, similarity))

    def find(self, article: Article, *, threshold: int = 3, similarity: int | None = None) -> str | None:
        """Return the id of the indexed article ``article`` duplicates, else None.

        :param article: the new article.
        :param threshold: the largest number of differing bits that still counts (at most 3).
        :param similarity: the article's :func:`simhash` when already computed.
        """
        text = article.text
        if not text.strip():
            return None
        content_hash = article.content_hash or fingerprint(text)
        words = frozenset(terms(article.title))
        exact = self._by_hash.get(content_hash)
        if exact is not None and exact != article.id and self._same_headline(exact, words):
            return exact
        if shingle_count(text) < MIN_SHINGLES:
            return None
        mine = simhash(text) if similarity is None else similarity
        value = mine & _MASK64
        best: tuple[int, str] | None = None
        for band, table in enumerate(self._bands):
            for other_id, other in table.get((value >> (16 * band)) & 0xFFFF, ()):
                if other_id == article.id or not self._same_headline(other_id, words):
                    continue
                distance = hamming(mine, other)
                if distance <= min(threshold, 3) and (best is None or distance < best[0]):
                    best = (distance, other_id)
        return best[1] if best else None

    def _same_headline(self, other_id: str, words: frozenset[str]) -> bool:
        """Whether a headline's words (:func:`~newsbrief.cluster.text.terms`) allow a copy of ``other_id``."""
        theirs = self._titles.get(other_id)
        if not words or not theirs:
            return True
        # one shared word in two longer headlines is a credit or a label both carry ("... CNBC"), not the item
        shared = len(words & theirs)
        return shared >= 2 or shared >= _SHARED_TITLE_SHARE * min(len(words), len(theirs))
