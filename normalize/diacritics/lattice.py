"""The decoding lattice on integer syllable ids: trigram scores, Viterbi, local confidence.

Decoding scores every (state, candidate) pair of a line, a hundred trigram lookups a
word for English-OCR'd text.  Done on strings, each lookup built a tuple, hashed it and
looked up three ids; here every candidate key is turned into its id once per token, a
Viterbi state is the packed pair ``u * N + v`` and a trigram the packed triple
``(u * N + v) * N + w`` (``N`` = :data:`lm.ID_SPACE`), which is both the memo key and
the language model's own table key.  Keys the model has never seen get ids after its
vocabulary for the length of one call, so they miss every table and back off exactly as
:meth:`NgramLM.score` does.  Outputs are the same, bit for bit, as scoring on strings.
"""

from __future__ import annotations

import heapq
import math
import weakref

from normalize.diacritics.lm import BOS, EOS, ID_SPACE

N = ID_SPACE
BEAM = 8
PRUNE = 8.0  # drop Viterbi states this much (log) worse than the best one
PLACE_BONUS = 3.0  # log-bonus for a place-name syllable pair between two capitalized tokens

_BY_ID: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _tables(lm) -> tuple[list, list, list]:
    """(names, back-off weight of v, back-off probability of w), indexed by id; built once per model."""
    got = _BY_ID.get(lm)
    if got is None:
        names: list = [None] * len(lm.ids)
        for w, i in lm.ids.items():
            names[i] = w
        got = (names, [lm.bo1.get(w, 0.0) for w in names], [lm.back.get(w, lm.unk) for w in names])
        _BY_ID[lm] = got
    return got


class Scorer:
    """``log P(w | u v)`` on ids, memoized for one restoration call.

    ``scorer(u, v, w)`` scores one triple; :func:`viterbi` and :func:`local_confidence`
    read ``memo`` and call :meth:`slow` themselves, which saves a call per lookup."""

    def __init__(self, lm) -> None:
        names, bo1, back = _tables(lm)
        self.lm, self.ids = lm, lm.ids
        self.names, self.bo1, self.back = list(names), list(bo1), list(back)
        self.extra: dict = {}
        self.unk = lm.unk
        self.tri_get, self.bo2_get, self.bi_get = lm.tri.get, lm.bo2.get, lm.bi.get
        self.memo: dict[int, float] = {}
        self.bos, self.eos = self.id(BOS), self.id(EOS)

    def id(self, key):
        """The id of an LM key; a pair of keys (a glued token split in two) gives a pair of ids."""
        if type(key) is tuple:
            return tuple(self.id(k) for k in key)
        i = self.ids.get(key)
        if i is None:
            i = self.extra.get(key)
            if i is None:
                i = self.extra[key] = len(self.names)
                self.names.append(key)
                self.bo1.append(0.0)
                self.back.append(self.unk)
        return i

    def slow(self, k: int) -> float:
        """Score the packed triple ``k`` from the tables and remember it."""
        uv, w = divmod(k, N)
        v = uv % N
        x = self.tri_get(k)
        if x is None:
            b = self.bo2_get(uv, 0.0)
            y = self.bi_get(v * N + w)
            x = b + y if y is not None else b + self.bo1[v] + self.back[w]
        self.memo[k] = x
        return x

    def unigram(self, w: int) -> float:
        """log P(w), the bottom order."""
        return self.lm.uni.get(self.names[w], self.unk)

    def bigram(self, v: int, w: int) -> float:
        """log P(w | v), the bigram order alone (``v``'s back-off where the pair is unseen)."""
        y = self.bi_get(v * N + w)
        return y if y is not None else self.bo1[v] + self.back[w]

    def __call__(self, u: int, v: int, w: int) -> float:
        k = (u * N + v) * N + w
        x = self.memo.get(k)
        return self.slow(k) if x is None else x


def viterbi(scorer: Scorer, columns: list[list[tuple]], pairs=None, bonus_at=(), compound_at=()) -> list[int]:
    """Best candidate index per column (beam-pruned trigram Viterbi).

    ``columns``: per token, its candidates as ``(id, log channel)``; at the columns in
    ``compound_at`` an id may be a pair of ids (a glued token split in two syllables).
    At the columns in ``bonus_at`` a (previous, current) pair of keys found in ``pairs``
    earns PLACE_BONUS (place names between capitalized tokens)."""
    memo_get, slow = scorer.memo.get, scorer.slow
    states = {scorer.bos * N + scorer.bos: (0.0, None, -1)}
    history = []
    for i, col in enumerate(columns):
        new: dict = {}
        new_get = new.get
        if i in compound_at or i in bonus_at:
            names, bonus = scorer.names, i in bonus_at and i not in compound_at
            for s, (sc, _bp, _ci) in states.items():
                u, v = divmod(s, N)
                for ci, (w, cl) in enumerate(col):
                    if type(w) is tuple:
                        t, nk = sc + scorer(u, v, w[0]) + scorer(v, w[0], w[1]) + cl, w[0] * N + w[1]
                    else:
                        t, nk = sc + scorer(u, v, w) + cl, v * N + w
                        if bonus and (names[v], names[w]) in pairs:
                            t += PLACE_BONUS
                    old = new_get(nk)
                    if old is None or t > old[0]:
                        new[nk] = (t, s, ci)
        else:
            for s, (sc, _bp, _ci) in states.items():
                base, vb = s * N, (s % N) * N
                for ci, (w, cl) in enumerate(col):
                    k = base + w
                    x = memo_get(k)
                    if x is None:
                        x = slow(k)
                    t = sc + x + cl
                    nk = vb + w
                    old = new_get(nk)
                    if old is None or t > old[0]:
                        new[nk] = (t, s, ci)
        if len(col) > 1 and len(new) > 1:
            floor = max(v[0] for v in new.values()) - PRUNE
            new = {k: v for k, v in new.items() if v[0] >= floor}
            if len(new) > BEAM:
                new = dict(heapq.nlargest(BEAM, new.items(), key=lambda kv: kv[1][0]))
        history.append(new)
        states = new
    best_key, best = None, -math.inf
    for s, (sc, _bp, _ci) in states.items():
        t = sc + scorer(s // N, s % N, scorer.eos)
        if t > best:
            best, best_key = t, s
    path = []
    key = best_key
    for hist in reversed(history):
        _sc, bp, ci = hist[key]
        path.append(ci)
        key = bp
    path.reverse()
    return path


def _parts(k) -> tuple:
    return k if type(k) is tuple else (k,)


def _context(keys: list, i: int, bos: int, eos: int) -> tuple[list, list]:
    """The two syllables before and after position i (pairs of split tokens flattened)."""
    left: list = []
    j = i - 1
    while len(left) < 2 and j >= 0:
        left[:0] = _parts(keys[j])
        j -= 1
    right: list = []
    j = i + 1
    while len(right) < 2 and j < len(keys):
        right.extend(_parts(keys[j]))
        j += 1
    return ([bos, bos] + left)[-2:], (right + [eos, eos])[:2]


def local_confidence(scorer: Scorer, keys: list, i: int, col: list[tuple]) -> list[float]:
    """Posterior of each candidate at position i given the chosen neighbours."""
    (l2, l1), (r1, r2) = _context(keys, i, scorer.bos, scorer.eos)
    memo_get, slow = scorer.memo.get, scorer.slow
    left = (l2 * N + l1) * N
    scores = []
    for w, cl in col:
        if type(w) is tuple:
            a, b = w
            s = cl + scorer(l2, l1, a) + scorer(l1, a, b) + scorer(a, b, r1) + scorer(b, r1, r2)
        else:
            k1, k2, k3 = left + w, (l1 * N + w) * N + r1, (w * N + r1) * N + r2
            x1, x2, x3 = memo_get(k1), memo_get(k2), memo_get(k3)
            s = (cl + (slow(k1) if x1 is None else x1) + (slow(k2) if x2 is None else x2)
                 + (slow(k3) if x3 is None else x3))
        scores.append(s)
    m = max(scores)
    exps = [math.exp(s - m) for s in scores]
    z = 0.0
    for e in exps:  # left to right, as lattice.c adds (sum() compensates its rounding from Python 3.12)
        z += e
    return [e / z for e in exps]
