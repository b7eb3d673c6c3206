"""The claim-by-claim faithfulness guard for generated sentences.

A generated sentence is split into claims (clauses). Each claim is aligned to the cited source
sentence that supports it best (content-word coverage, MiniLM cosine as a tie-breaker and
similarity check), plus at most one more cited sentence when the claim fuses two. The claim
passes when:

* every number, money amount, percentage, date, name and quoted span in it is present in the
  aligned sentences (normalised: "$1.2 billion" == "1.2bn dollars", "Sept. 3" == "September 3");
* a second aligned sentence adds content of its own, not only a name (a name borrowed from a
  sentence that says something else is a wrong attribution), and does not lend a number or
  date from a sentence about someone else (a merged story);
* its negation and hedging ("not", "denied", "may", "plans to") agree with the clauses of the
  aligned sentences that share its words, and no word there says the opposite ("rose"/"fell");
* no number of the sentence sits next to the words the cited sentences give another of its
  numbers, and a quote is not given to someone other than the speaker its cited sentence names;
* it is supported: enough of its content words are in the aligned sentences, or it is close
  enough to the best one in MiniLM space.

A sentence fails when any claim fails; it is then replaced by the cited sentence best aligned
to the whole sentence.

:meth:`Guard.check_story` adds citation recovery: a sentence that cites nothing, or whose
cited sentences do not support it, is aligned the same way to every sentence of its story; the
sentences its claims align to become its citations (marked recovered) and it is checked against
them as usual. A sentence that no story sentence supports still fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from newsbrief.cluster.embed import Embedder, load_embedder
from newsbrief.summarize.faithfulness import check_numbers_names, name_stem
from newsbrief.llm.claims import (
    Facts, content_words, done_what_is_planned, facts_of, is_completed, is_hedged, is_negated, is_possible, is_unrealised, name_tokens, normalise_quote, number_words,
    opposite_of, speakers, swapped_numbers,
)

__all__ = ["ClaimCheck", "Guard", "GuardResult", "GuardSettings", "SourceSentence", "split_claims"]

_CLAUSE_SPLIT = re.compile(
    r"\s*;\s*|,\s+(?:and|but|while|whereas)\s+|\s+(?:and|but)\s+(?=(?:will|is|are|was|were|has|have|had|plans|"
    r"said|says|expects|would|could|may|also|[a-z]+ed)\b)"
)
_KINDS = ("money", "percent", "points", "date", "number", "name", "quote")  # "actor" is a subset of "name"


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """A sentence of a cited article."""

    article_id: str
    text: str


@dataclass(frozen=True, slots=True)
class GuardSettings:
    """The measured rule set's thresholds (tuned on the tuning half of the planted set)."""

    min_coverage: float = 0.5  # content words of the claim found in its aligned sentences
    min_cosine: float = 0.6  # MiniLM cosine to the best sentence that stands in for coverage
    floor_coverage: float = 0.25  # below this, no cosine rescues the claim


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """The verdict on one claim: the sources it was aligned to and why it failed, if it did."""

    claim: str
    passed: bool
    reasons: tuple[str, ...]
    aligned: tuple[int, ...]
    coverage: float
    cosine: float


@dataclass(frozen=True, slots=True)
class GuardResult:
    """The verdict on one generated sentence and the text to print in its place."""

    sentence: str
    passed: bool
    claims: tuple[ClaimCheck, ...]
    replacement: SourceSentence | None = None
    reasons: tuple[str, ...] = field(default=())
    cites: tuple[int, ...] = ()  # the story sentences it was checked against (check_story; 0-based)
    recovered: bool = False  # cites were found by the guard, not given by the writer

    @property
    def text(self) -> str:
        """The sentence when it passed, else its extractive replacement ("" when none)."""
        if self.passed:
            return self.sentence
        return self.replacement.text if self.replacement else ""

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form for the digest data and ``stories --explain``."""
        return {
            "sentence": self.sentence,
            "passed": self.passed,
            "reasons": list(self.reasons),
            "replacement": None if self.replacement is None else
            {"article_id": self.replacement.article_id, "text": self.replacement.text},
        } | ({"recovered": [i + 1 for i in self.cites]} if self.recovered else {})


def split_claims(sentence: str) -> list[str]:
    """Split a sentence into claims at clause boundaries (semicolons, ", and", "and will"...)."""
    parts = [p.strip(" ,.") for p in _CLAUSE_SPLIT.split(sentence.strip())]
    return [p for p in parts if len(p.split()) >= 2] or [sentence.strip()]


@dataclass(slots=True)
class _Source:
    text: str
    facts: Facts
    words: set[str]
    spelled: set[str]


def _missing(claim: Facts, sources: Sequence[_Source]) -> dict[str, set[str]]:
    """Facts of the claim that none of ``sources`` holds, by kind."""
    out: dict[str, set[str]] = {}
    for kind in _KINDS:
        have: set[str] = set()
        for s in sources:
            have |= s.facts[kind]
            if kind == "number":
                have |= s.spelled | s.facts["percent"] | {k.split()[0] for k in s.facts["money"]}
            elif kind == "date":  # "since 1961" gives a year as a number only
                have |= {n for n in s.facts["number"] if re.fullmatch(r"(?:19|20)\d\d", n)}
        if kind == "name":
            words = set(re.findall(r"[\w&'’.-]+", " ".join(s.text.lower() for s in sources)))
            words |= {part for w in words if "-" in w for part in w.split("-")}  # "Leeds-based"
            gone = {n for n in claim[kind] if not any(_same_name(n, w) for w in words)}
        elif kind == "quote":
            text = " ".join(normalise_quote(s.text) for s in sources)
            gone = {q for q in claim[kind] if q not in text}
        else:
            gone = claim[kind] - have
        if gone:
            out[kind] = gone
    return out


def _same_name(a: str, b: str) -> bool:
    """Equal name words, or one the stem of the other ("Asia", "Asian"), at least four letters."""
    a, b = re.sub(r"['’]s$", "", a).strip("."), re.sub(r"['’]s$", "", b).strip(".")
    return a == b or name_stem(a) == name_stem(b)


def _claim_words(claim: str, sentence: Facts) -> set[str]:
    """Content words of a claim; a capitalised word that only opens it ("Turnout fell") counts as one."""
    return content_words(claim, skip=facts_of(claim)["actor"] | sentence["actor"])


_SOURCE_CLAUSE = re.compile(r"\s*[;:]\s*|,\s+|\s+(?:but|while|whereas)\s+")


def _support_span(words: set[str], text: str, *, first: bool) -> str:
    """The clauses of an aligned sentence that speak of a claim with content words ``words``.

    A clause counts when two or most of its content words are the claim's; the first (best
    aligned) sentence gives at least its clause sharing the most words with the claim, or all of
    it when none shares any. Negation and modality are compared on these clauses only, so a "not"
    or a "will" in another part of a cited sentence does not count against the claim.
    """
    picked: list[str] = []
    scored = []
    for part in (p for p in _SOURCE_CLAUSE.split(text) if p.strip()):
        cw = content_words(part, skip=name_tokens(part, initial=False))
        shared = len(cw & words)
        scored.append((shared, part))
        if shared >= 2 or (cw and shared / len(cw) > 0.5):
            picked.append(part)
    if first and not picked:
        best = max(scored, default=(0, text))
        picked.append(best[1] if best[0] else text)
    return " ".join(picked)


def _coverage(words: set[str], srcs: Sequence[_Source], idx: Sequence[int]) -> float:
    """Share of a claim's content words found in the source sentences ``idx``."""
    if not words:
        return 1.0
    have: set[str] = set().union(*(srcs[i].words for i in idx))
    return len(words & have) / len(words)


def _order(facts: Facts, words: set[str], srcs: Sequence[_Source], cosines: np.ndarray) -> list[int]:
    """Source sentences best aligned first: coverage less a penalty per kind of fact missing, then cosine."""
    def score(i: int) -> tuple[float, float]:
        n_missing = len(_missing(facts, [srcs[i]]))  # per kind: a two-word name is one missing fact
        return (_coverage(words, srcs, [i]) - 0.25 * n_missing, float(cosines[i]))

    return sorted(range(len(srcs)), key=score, reverse=True)


def _foreign(source: _Source, sentence: Facts) -> set[str]:
    """Actors of a source sentence that the generated sentence does not name."""
    return {a for a in source.facts["actor"] if not any(_same_name(a, n) for n in sentence["name"])}


def _unrelated(source: _Source, sentence: Facts) -> bool:
    """A source sentence about other actors, sharing no name with the generated sentence."""
    shared = any(_same_name(a, n) for a in source.facts["name"] for n in sentence["name"])
    return bool(_foreign(source, sentence)) and not shared


def _quote_speaker(sentence: str, facts: Facts, srcs: Sequence[_Source]) -> tuple[str, ...]:
    """A quote the sentence gives to one speaker that every cited sentence holding it gives to another."""
    said = speakers(sentence)
    out = []
    for quote in facts["quote"] if said else ():
        holders = [speakers(s.text) for s in srcs if quote in normalise_quote(s.text)]
        if holders and all(h and not any(_same_name(a, b) for a in h for b in said) for h in holders):
            others = ", ".join(sorted(set().union(*holders)))
            out.append(f"wrong attribution: the cited sentence gives the quote to {others}")
    return tuple(out)


def _backshift(claim: str, support: str) -> str:
    """The claim with a reported "could" read as the "can" its support says ("said the bank could now")."""
    return re.sub(r"\bcould\b", "can", claim) if re.search(r"\bcan\b", support, re.IGNORECASE) else claim


class Guard:
    """Checks generated sentences against the sentences of the articles they cite."""

    def __init__(self, embedder: Embedder | None = None, settings: GuardSettings | None = None) -> None:
        self._embedder = embedder
        self.settings = settings or GuardSettings()

    @property
    def embedder(self) -> Embedder:
        """The sentence embedder (the bundled MiniLM model, loaded on first use)."""
        if self._embedder is None:
            self._embedder = load_embedder()
        return self._embedder

    def check(self, sentence: str, sources: Sequence[SourceSentence]) -> GuardResult:
        """Check one generated sentence against the cited sentences ``sources``."""
        if not sources:
            return GuardResult(sentence, False, (), None, ("cites no source sentence",))
        srcs = [_Source(s.text, facts_of(s.text), set(), number_words(s.text)) for s in sources]
        claims = split_claims(sentence)
        vectors = self.embedder.encode([sentence, *claims, *(s.text for s in sources)])
        whole, claim_vecs, src_vecs = vectors[0], vectors[1: 1 + len(claims)], vectors[1 + len(claims):]
        sent_facts = facts_of(sentence)
        for s in srcs:
            s.words = content_words(s.text)  # names too: a claim may open on one ("Turnout fell")
        pairs = list(zip(claims, claim_vecs, strict=True))
        anchors = {_order(facts_of(c), _claim_words(c, sent_facts), srcs, src_vecs @ v)[0] for c, v in pairs}
        checks = tuple(self._check_claim(c, v, sent_facts, srcs, src_vecs, anchors) for c, v in pairs)
        reasons = tuple(r for c in checks for r in c.reasons) + _quote_speaker(sentence, sent_facts, srcs)
        if swapped := swapped_numbers(sentence, [srcs[i].text for i in sorted({i for c in checks for i in c.aligned})]):
            reasons += (f"number given to something else in the cited sentences: {', '.join(sorted(swapped))}",)
        passed = not reasons
        replacement = None if passed else sources[int(np.argmax(src_vecs @ whole))]
        return GuardResult(sentence, passed, checks, replacement, reasons)

    def check_story(self, sentence: str, cites: Sequence[int], story: Sequence[SourceSentence]) -> GuardResult:
        """Check a sentence against the story sentences it cites, recovering its citations when needed.

        When ``cites`` is empty or the cited sentences do not support the sentence, it is checked
        against all of ``story`` (so a contradiction in any story sentence counts); when that passes,
        its citations are the fewest sentences its claims align to there that pass as usual: each
        claim's best sentence, else also the one more a claim fuses in; the result says
        ``recovered``. Otherwise the verdict on the given citations stands, with its cited
        replacement, or, when it cited nothing, the whole-story check's reasons and no replacement.

        :param sentence: the generated sentence.
        :param cites: its citations, 0-based indices into ``story`` (others are ignored).
        :param story: the sentences the writer was shown and could cite.
        """
        given = tuple(dict.fromkeys(i for i in cites if 0 <= i < len(story)))
        first = self._digest_gate(replace(self.check(sentence, [story[i] for i in given]), cites=given),
                                  story) if given else None
        if (first is not None and first.passed) or not story:
            return first or self.check(sentence, [])
        whole = self.check(sentence, story)  # every story sentence in view: a contradiction anywhere counts
        why = whole.reasons
        if whole.passed:
            best = tuple(sorted({c.aligned[0] for c in whole.claims}))
            fused = tuple(sorted({i for c in whole.claims for i in c.aligned}))
            for found in dict.fromkeys((best, fused)):  # the fewest sentences that support it
                again = self._digest_gate(replace(self.check(sentence, [story[i] for i in found]), cites=found), story)
                if again.passed and found != tuple(sorted(given)):
                    return replace(again, recovered=True)
                why = again.reasons
        if first is not None:
            return first
        return replace(whole, passed=False, replacement=None, cites=(),
                       reasons=("cites no source sentence, and no story sentence supports it", *why))

    @staticmethod
    def _digest_gate(result: GuardResult, story: Sequence[SourceSentence]) -> GuardResult:
        """Fail a passing result whose numbers, names or dates (as the digest's faithfulness check reads
        them, case and all) are not in its cited sentences."""
        if not result.passed:
            return result
        problems = check_numbers_names(result.sentence, [story[i].text for i in result.cites])
        if not problems:
            return result
        best = story[result.cites[0]] if result.cites else None
        return replace(result, passed=False, replacement=best, reasons=tuple(problems))

    def _check_claim(self, claim: str, vec: np.ndarray, sent_facts: Facts, srcs: Sequence[_Source],
                     src_vecs: np.ndarray, anchors: set[int]) -> ClaimCheck:
        """Check one claim; ``anchors`` are the sentences best aligned to the sentence's claims."""
        facts = facts_of(claim)
        words = _claim_words(claim, sent_facts)
        cosines = src_vecs @ vec

        def cov(idx: Sequence[int]) -> float:
            return _coverage(words, srcs, idx)

        order = _order(facts, words, srcs, cosines)
        aligned = [order[0]]
        reasons: list[str] = []
        missing = _missing(facts, [srcs[order[0]]])
        extra: tuple[int, dict[str, set[str]], float] | None = None
        lent_words = False  # whether the extra sentence supports words of the claim, not only facts
        if missing or cov(aligned) < 1.0:
            extras = []
            for j in order[1:]:
                gain_facts = {k: v - _missing(facts, [srcs[j]]).get(k, set()) for k, v in missing.items()}
                gained = {k: v for k, v in gain_facts.items() if v}
                gain_words = cov([*aligned, j]) - cov(aligned)
                if gained or gain_words > 0:
                    extras.append((j, gained, gain_words))
            # the sentence that holds a missing number, name or date before one that only adds words
            extra = next((e for e in extras if e[1]), extras[0] if extras else None)
        if extra is not None:
            j, gained, gain_words = extra
            lent_words = gain_words > 0
            other = srcs[j]
            foreign = _foreign(srcs[order[0]], sent_facts)
            # a name lent by a sentence that says something else: wrong when it is the claim's
            # speaker and that sentence supports no other claim of the sentence, or the best sentence has an actor of its own the generated one leaves out
            if gained and set(gained) <= {"name"} and gain_words <= 0 and (
                    foreign or (gained["name"] & speakers(claim) and j not in anchors)):
                names = ", ".join(sorted(gained["name"]))
                reasons.append(f"wrong attribution: {names} appears only in a cited sentence that says something else")
            elif gained and set(gained) - {"name"} and gain_words <= 0 and _unrelated(other, sent_facts):
                lent = ", ".join(sorted(set().union(*(v for k, v in gained.items() if k != "name"))))
                reasons.append(f"merged story: {lent} comes from a cited sentence about someone else")
            aligned.append(j)
            missing = _missing(facts, [srcs[i] for i in aligned])
        for kind, values in missing.items():
            reasons.append(f"{kind} not in the cited sentences: {', '.join(sorted(values))}")
        spans = [_support_span(words, srcs[i].text, first=k == 0) for k, i in enumerate(aligned[: 2 if lent_words else 1])]
        support = " ".join(spans)
        flipped = [f for f in (opposite_of(claim, span) for span in spans) if f]
        if is_negated(claim) != is_negated(support):
            reasons.append("negation differs from the cited sentence")
        elif flipped:
            reasons.append(f"says '{flipped[0]}' where the cited sentence says the opposite")
        as_said = _backshift(claim, support)
        hedged = is_hedged(as_said)
        if is_hedged(support) and not (hedged or re.search(r"\bwould\b", claim)):
            reasons.append("states as certain what the cited sentence only hedges (may, plans to)")
        elif hedged and (not is_unrealised(support) or (is_possible(as_said) and not is_hedged(support))):
            reasons.append("hedges (may, plans to) what the cited sentence states as done")
        elif (is_unrealised(support) and is_completed(claim) and not is_unrealised(claim)) or done_what_is_planned(claim, support):
            reasons.append("states as done what the cited sentence only plans or expects")
        said = speakers(claim)
        src_said = set().union(*(speakers(srcs[i].text) for i in aligned))
        if said and src_said and not said & src_said and any(
                not any(_same_name(a, n) for n in sent_facts["name"]) for a in src_said):
            reasons.append(f"wrong attribution: the cited sentence quotes {', '.join(sorted(src_said))}")
        coverage = cov(aligned)
        cosine = float(cosines[order[0]])
        st = self.settings
        if coverage < st.floor_coverage or (coverage < st.min_coverage and cosine < st.min_cosine):
            reasons.append(f"not supported: {coverage:.0%} of its words in the cited sentences, similarity {cosine:.2f}")
        return ClaimCheck(claim, not reasons, tuple(reasons), tuple(aligned), coverage, cosine)
