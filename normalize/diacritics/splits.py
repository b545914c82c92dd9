"""Glued OCR tokens given their space back (``Tylé`` -> ``Tỷ lệ``).

English OCR drops the narrow space between two short Vietnamese syllables.  For a
token that is not a known syllable, every cut into two halves that the OCR channel can
each read as a syllable is offered as one more candidate, keyed by the syllable pair;
the decoder scores it with the language model like any other reading (both syllables
enter the trigram context), and the cut pays ``SPLIT_PENALTY`` (tuned on held-out OCR
renderings) so that a single-syllable reading wins whenever the context is equal.
The output holds a space inside the line, never a new line.
"""

from __future__ import annotations

from normalize.diacritics.syllables import apply_case

SPLIT_PENALTY = -4.0  # log-cost of a missing space (held-out OCR renderings)
HALF_FLOOR = -7.0  # a half whose best channel reading is worse than this is no syllable
MIN_HALF = 2  # letters per half: one-letter syllables glued on are too easy to invent
PER_HALF = 3  # channel readings per half
MAX_SPLITS = 6  # pair candidates kept per token
MIN_LEN = 4


def split_candidates(model, lower: str, case: str) -> list[tuple[tuple[str, str], str, float]]:
    """[((syllable, syllable), output, log channel)] for a glued letter token (lower-cased)."""
    ch = model.channel
    if ch is None or len(lower) < MIN_LEN or lower in model.syllables or not lower.isalpha():
        return []
    uni = model.lm.uni
    scored = []
    for i in range(MIN_HALF, len(lower) - MIN_HALF + 1):
        left = _half(model, lower[:i])
        right = _half(model, lower[i:]) if left else []
        for a, la in left:
            for b, lb in right:
                lp = la + lb + SPLIT_PENALTY
                scored.append((lp + uni.get(a, -20.0) + uni.get(b, -20.0), (a, b), lp))
    scored.sort(reverse=True)
    second = "lower" if case == "title" else case
    return [(k, f"{apply_case(k[0], case)} {apply_case(k[1], second)}", lp) for _t, k, lp in scored[:MAX_SPLITS]]


def _half(model, part: str) -> list[tuple[str, float]]:
    got = [(c, lp) for c, lp in model.channel.candidates(part, model.cands, model.lm.uni)
           if lp >= HALF_FLOOR and c.isalpha()]
    return got[:PER_HALF]
