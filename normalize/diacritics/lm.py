"""Syllable trigram language model (interpolated Witten-Bell or modified Kneser-Ney), stored backoff-style.

Counts may be fractional: the plans in corpus/ count 1 per occurrence, the general
word lists count a fraction, so that formulaic plan wording dominates and the lexicon
fills the gaps.  After :meth:`NgramLM.finish` every lookup is one or two dict gets:
``tri[(u, v, w)]`` when seen, else ``bo2[(u, v)] + bi…``, else ``bo1[v] + back[w]``.
"""

from __future__ import annotations

import math
from collections import defaultdict

BOS = "<s>"
ID_SPACE = 1 << 21  # syllable ids are below this: (u, v, w) packs into one int
EOS = "</s>"
# discounts (count <= 1: share of the count; <= 2; more), tuned leave-one-document-out on
# stripped and English-OCR'd held-out plans (vnplan eval-restore); (0.5, 1.0, 1.5) and
# (0.4, 0.7, 0.9) measured within 0.1 point of these (model.ESTIMATOR chooses the estimator)
D3 = (0.5, 0.9, 1.2)
D2 = (0.5, 0.9, 1.2)


class NgramLM:
    def __init__(self) -> None:
        self.c1: dict[str, float] = defaultdict(float)
        self.c2: dict[tuple, float] = defaultdict(float)
        self.c3: dict[tuple, float] = defaultdict(float)
        self.uni: dict[str, float] = {}
        self.bi: dict[tuple, float] = {}
        self.tri: dict[tuple, float] = {}
        self.bo1: dict[str, float] = {}
        self.bo2: dict[tuple, float] = {}
        self.back: dict[str, float] = {}
        self.unk = -20.0

    # -- counting -------------------------------------------------------------------
    def add_sequence(self, seq: list[str], weight: float = 1.0) -> None:
        """A line of plan text: counted for unigrams, bigrams and trigrams."""
        s = [BOS, BOS, *seq, EOS]
        c1, c2, c3 = self.c1, self.c2, self.c3
        for i in range(2, len(s)):
            c1[s[i]] += weight
            c2[(s[i - 1], s[i])] += weight
            c3[(s[i - 2], s[i - 1], s[i])] += weight

    def add_word(self, sylls: list[str], weight: float, pair_weight: float) -> None:
        """A lexicon word: its syllables (vocabulary, ``weight``) and its within-word
        syllable pairs (``pair_weight``).  Word lists say nothing about frequency, so
        ``weight`` is kept small: it only makes unseen syllables possible."""
        for w in sylls:
            self.c1[w] += weight
        for a, b in zip(sylls, sylls[1:]):
            self.c2[(a, b)] += pair_weight

    # -- estimation -----------------------------------------------------------------
    def finish(self, alpha: float = 0.01, cont: float = 0.5) -> None:
        """Witten-Bell interpolation (the default; see :meth:`finish_kneser_ney`).  Below the bigram the model backs off to a mix of
        the unigram frequency and the Kneser-Ney continuation probability (in how many
        different contexts a syllable occurs), weight ``cont``."""
        p1, floor, vocab = self._unigrams(alpha)
        ctx1: dict[str, float] = defaultdict(float)
        types1: dict[str, float] = defaultdict(float)
        left: dict[str, int] = defaultdict(int)
        for (v, w), c in self.c2.items():
            ctx1[v] += c
            types1[v] += 1
            left[w] += 1
        nleft = sum(left.values()) + alpha * vocab
        pb = {w: (1 - cont) * p + cont * (left.get(w, 0) + alpha) / nleft for w, p in p1.items()}
        lam1 = {v: types1[v] / (ctx1[v] + types1[v]) for v in ctx1}

        p2 = {}
        for (v, w), c in self.c2.items():
            p2[(v, w)] = (c + types1[v] * pb.get(w, floor)) / (ctx1[v] + types1[v])
        p_bi = _interpolated_bigram(p2, lam1, pb, floor)

        ctx2: dict[tuple, float] = defaultdict(float)
        types2: dict[tuple, float] = defaultdict(float)
        for (u, v, _w), c in self.c3.items():
            ctx2[(u, v)] += c
            types2[(u, v)] += 1
        tri = {}
        for (u, v, w), c in self.c3.items():
            t = types2[(u, v)]
            tri[(u, v, w)] = math.log((c + t * p_bi(v, w)) / (ctx2[(u, v)] + t))
        self._store(tri, {k: types2[k] / (ctx2[k] + types2[k]) for k in ctx2}, p2, lam1, p1, pb)

    def finish_kneser_ney(self, d3: tuple = D3, d2: tuple = D2, alpha: float = 0.01, cont: float = 0.0) -> None:
        """Interpolated modified Kneser-Ney over fractional counts.

        Each order discounts a count ``c`` by ``d[0] * c`` when ``c <= 1`` (a lexicon pair of
        weight 0.1 keeps most of its small mass), ``d[1]`` when ``c <= 2``, else ``d[2]``; the
        mass taken goes to the next lower order.  The bigram order counts continuations (in
        how many left contexts a pair occurs, each context at most 1) plus the lexicon's
        within-word pairs, which have no left context.  Below it the back-off mixes the
        unigram frequency and the continuation count (``cont``), as :meth:`finish` does.
        Stored in the same back-off form, so scoring is unchanged."""

        def disc(c: float, d: tuple) -> float:
            return min(c, d[0] * c if c <= 1.0 else d[1] if c <= 2.0 else d[2])

        p1, floor, vocab = self._unigrams(alpha)
        # bigram counts for the middle order: continuations from the trigrams + lexicon pairs
        n2: dict[tuple, float] = defaultdict(float)
        in3: dict[tuple, float] = defaultdict(float)
        for (u, v, w), c in self.c3.items():
            n2[(v, w)] += min(c, 1.0)
            in3[(v, w)] += c
        for k, c in self.c2.items():
            extra = c - in3.get(k, 0.0)
            if extra > 1e-9:
                n2[k] += extra
        left: dict[str, float] = defaultdict(float)
        for (_v, w), c in n2.items():
            left[w] += min(c, 1.0)
        nleft = sum(left.values()) + alpha * vocab
        pb = {w: (1 - cont) * p + cont * (left.get(w, 0.0) + alpha) / nleft for w, p in p1.items()}
        ctx1: dict[str, float] = defaultdict(float)
        mass1: dict[str, float] = defaultdict(float)
        for (v, w), c in n2.items():
            ctx1[v] += c
            mass1[v] += disc(c, d2)
        lam1 = {v: mass1[v] / ctx1[v] for v in ctx1}
        p2 = {(v, w): (c - disc(c, d2)) / ctx1[v] + lam1[v] * pb.get(w, floor) for (v, w), c in n2.items()}
        p_bi = _interpolated_bigram(p2, lam1, pb, floor)

        ctx2: dict[tuple, float] = defaultdict(float)
        mass2: dict[tuple, float] = defaultdict(float)
        for (u, v, _w), c in self.c3.items():
            ctx2[(u, v)] += c
            mass2[(u, v)] += disc(c, d3)
        lam2 = {k: mass2[k] / ctx2[k] for k in ctx2}
        tri = {(u, v, w): math.log((c - disc(c, d3)) / ctx2[(u, v)] + lam2[(u, v)] * p_bi(v, w))
               for (u, v, w), c in self.c3.items()}
        self._store(tri, lam2, p2, lam1, p1, pb)

    def _unigrams(self, alpha: float) -> tuple[dict, float, int]:
        """Add-alpha unigram probabilities, the unseen-syllable floor (also stored as
        ``unk``) and the vocabulary size: the bottom order of both estimators."""
        vocab = len(self.c1) + 1
        denom = sum(self.c1.values()) + alpha * vocab
        floor = alpha / denom
        self.unk = math.log(floor)
        return {w: (c + alpha) / denom for w, c in self.c1.items()}, floor, vocab

    def _store(self, tri: dict, bo2: dict, p2: dict, lam1: dict, p1: dict, pb: dict) -> None:
        """Keep the estimate in the back-off form :meth:`score` reads (logs; ``tri`` is
        already one) and drop the raw counts. The pair and triple tables are keyed by
        packed syllable ids (:meth:`key2`, :meth:`key3`), not tuples of strings: a third of
        the size, and a model that loads in a fraction of the time."""
        words = set(p1)
        for u, v, w in tri:
            words.update((u, v, w))
        for v, w in p2:
            words.update((v, w))
        for u, v in bo2:
            words.update((u, v))
        self.ids = {w: i for i, w in enumerate(sorted(words))}
        ids = self.ids
        self.tri = {(ids[u] * ID_SPACE + ids[v]) * ID_SPACE + ids[w]: x for (u, v, w), x in tri.items()}
        self.bo2 = {ids[u] * ID_SPACE + ids[v]: math.log(x) for (u, v), x in bo2.items()}
        self.bi = {ids[v] * ID_SPACE + ids[w]: math.log(x) for (v, w), x in p2.items()}
        self.bo1 = {k: math.log(x) for k, x in lam1.items()}
        self.uni = {w: math.log(x) for w, x in p1.items()}
        self.back = {w: math.log(x) for w, x in pb.items()}
        self.c2, self.c3 = {}, {}

    # -- scoring --------------------------------------------------------------------
    def score(self, u: str, v: str, w: str) -> float:
        """log P(w | u v), backing off to P(w | v) and P(w)."""
        iu, iv, iw = (self.ids.get(x, -1) for x in (u, v, w))
        x = self.tri.get((iu * ID_SPACE + iv) * ID_SPACE + iw) if min(iu, iv, iw) >= 0 else None
        if x is not None:
            return x
        b = self.bo2.get(iu * ID_SPACE + iv, 0.0) if min(iu, iv) >= 0 else 0.0
        y = self.bi.get(iv * ID_SPACE + iw) if min(iv, iw) >= 0 else None
        if y is not None:
            return b + y
        return b + self.bo1.get(v, 0.0) + self.back.get(w, self.unk)


def _interpolated_bigram(p2: dict, lam1: dict, pb: dict, floor: float):
    """P(w | v): the estimated bigram where seen, else v's back-off weight times the
    lower-order (unigram/continuation) probability of w."""

    def p_bi(v: str, w: str) -> float:
        x = p2.get((v, w))
        if x is not None:
            return x
        return lam1.get(v, 1.0) * pb.get(w, floor)

    return p_bi
