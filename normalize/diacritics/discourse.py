"""A document repeats its own wording: a second look at the tokens the first pass was unsure of.

The language model knows the wording of the texts it was built from; a plan of another
province writes its own terms many times ("Cơ sở chấm điểm" under every criterion of a
scoring table, "hạng Nhất, Nhì, Ba" in every award line) that those texts hold rarely or
never. Where the first pass is sure of such a pair somewhere in the document (``chấm
điểm`` after ``bị``, where no rival fits), the same pair is likelier wherever the
document is read again: a document cache, as in cache language models (Kuhn and De Mori,
1990), kept to pairs both of whose syllables the first pass decided with confidence, so
that its unsure guesses do not vote for themselves.

:func:`rescore` gives each candidate of an unsure column a bonus when the document wrote
it surely elsewhere (a syllable) or, with a sure neighbour of the first pass, the pair
they form; the blocks where a bonus could change a choice are decoded again.

Chosen on ``vnplan eval-restore`` (stripped plans left out one at a time, and the
hand-restored Hậu Giang scan): SURE 0.8 of 0.8/0.9/0.95/0.98 and WEIGHT 0.1 of
0.03/0.1/0.3; counting a pair only once written sure twice did worse on both. The five
OCR renderings of the held-out plans, measured after the choice, all gained (per
document 96.72 -> 96.91 %).
"""

from __future__ import annotations

import math

SURE = 0.8  # a first-pass choice at least this likely is a fact of the document; below it, read again
WEIGHT = 0.1  # the cache's weight: log(1 + WEIGHT P_cache / P_lm), the gain of mixing it in (1 - WEIGHT left out)


def chosen(d) -> list[tuple[int, float]]:
    """(id, posterior) of each column's first-pass choice; -1 for a split token (a pair of ids)."""
    out = []
    for i, (col, ci) in enumerate(zip(d.ids, d.path)):
        w = col[ci][0]
        # a column of one candidate is certain; a block decoded without posteriors tells nothing
        p = 0.0 if d.probs is None else 1.0 if d.probs[i] is None else d.probs[i][ci]
        out.append((w if type(w) is int else -1, p))
    return out


def confident_counts(choices: list, is_word) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """How often the document writes each syllable, and each pair of adjacent syllables,
    decided with confidence (``choices``: :func:`chosen` of each block; ``is_word(id)``: a
    syllable, not a number or a mark)."""
    words: dict[int, int] = {}
    pairs: dict[tuple[int, int], int] = {}
    for ch in choices:
        for a, pa in ch:
            if a >= 0 and pa >= SURE and is_word(a):
                words[a] = words.get(a, 0) + 1
        for (a, pa), (b, pb) in zip(ch, ch[1:]):
            if a >= 0 and b >= 0 and pa >= SURE and pb >= SURE and is_word(a) and is_word(b):
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return words, pairs


def rescore(decoded: list, is_word, unigram, bigram, pack) -> list[int]:
    """Add the document bonus to the channel scores of unsure columns (``bigram(v, w)``: the
    language model's log P(w | v); ``pack`` re-packs a column for the C lattice); returns
    the indices of the blocks to decode again.

    The bonus of a candidate ``w`` after a confident ``v`` is ``log(1 + WEIGHT *
    P_cache(w | v) / P_lm(w | v))`` (and the same for ``w`` before a confident neighbour):
    about what interpolating the cache adds (an approximation: the syllable's and both pairs' bonuses
    are summed), so that a pair the model already expects (``của Thủ``) gains little and a pair
    it has hardly seen (``chấm điểm``) gains much."""
    choices = [chosen(d) for d in decoded]
    words, pairs = confident_counts(choices, is_word)
    if not words:
        return []
    total = sum(words.values())
    after: dict[int, int] = {}
    for (a, _b), k in pairs.items():
        after[a] = after.get(a, 0) + k

    def bonus(v: int, w: int) -> float:
        k = pairs.get((v, w))
        return math.log1p(WEIGHT * k / after[v] / math.exp(bigram(v, w))) if k else 0.0

    again = []
    for n, (d, ch) in enumerate(zip(decoded, choices)):
        news, changed = {}, False
        for i in d.ambiguous:
            if ch[i][1] >= SURE or len(d.ids[i]) < 2:
                continue
            left = ch[i - 1] if i > 0 else (-1, 0.0)
            right = ch[i + 1] if i + 1 < len(ch) else (-1, 0.0)
            gain = []
            for w, _c in d.ids[i]:
                b = 0.0
                if type(w) is int:
                    k = words.get(w)
                    if k:
                        b += math.log1p(WEIGHT * k / total / math.exp(unigram(w)))
                    if left[1] >= SURE and left[0] >= 0:
                        b += bonus(left[0], w)
                    if right[1] >= SURE and right[0] >= 0:
                        b += bonus(w, right[0])
                gain.append(b)
            news[i] = gain
            # a rival gains more than the choice: the path may change (where no column has
            # one, the first path gains the most of any path and stays the best)
            changed = changed or max(gain) > gain[d.path[i]]
        if changed:
            for i, gain in news.items():
                d.ids[i] = [(w, c + b) for (w, c), b in zip(d.ids[i], gain)]
                d.flat[i] = pack(d.ids[i])
            again.append(n)
    return again
