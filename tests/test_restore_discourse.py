"""A document's own sure wording settles its unsure tokens (normalize/diacritics/discourse.py).

The first pass decodes every block; the pairs and syllables it was sure of are the
document's wording; an unsure token is read again with a bonus for the candidates that
agree with that wording, and only the blocks where a bonus can change a choice are
decoded again."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from normalize.diacritics import discourse, restore
from normalize.diacritics.decode import Decoded

ROOT = Path(__file__).resolve().parents[1]

# ids: 0 cơ, 1 sở, 2 chấm, 3 chậm, 4 điểm, 5 bị
WORDS = {i: True for i in range(6)}


def block(cols, path, probs):
    """A decoded block of id columns (each (id, channel score)), its path and posteriors."""
    return Decoded(text="", offset=0, items=[], columns=[], ids=[list(c) for c in cols], flat=[None] * len(cols),
                   ambiguous=[i for i, c in enumerate(cols) if len(c) > 1], compound_at=set(), bonus_at=set(),
                   path=path, probs=probs)


def flat_lm(_v=None, _w=None):
    return math.log(0.01)  # every syllable and pair equally likely


def test_a_pair_written_surely_elsewhere_lifts_the_unsure_rival():
    # "bị chấm điểm", sure; later "cơ sở ? điểm" where the first pass chose chậm, unsure
    sure = block([[(5, 0.0)], [(2, 0.0), (3, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.95, 0.05], None])
    unsure = block([[(0, 0.0)], [(1, 0.0)], [(3, 0.0), (2, -0.1)], [(4, 0.0)]], [0, 0, 0, 0],
                   [None, None, [0.6, 0.4], None])
    again = discourse.rescore([sure, unsure], WORDS.get, flat_lm, flat_lm, lambda col: col)
    assert again == [1]
    (chm, c_chm), (chs, c_chs) = unsure.ids[2]
    assert (chm, chs) == (3, 2) and c_chs > c_chm  # chấm now outscores chậm before the lattice runs again


def test_unsure_guesses_do_not_vote_for_themselves():
    # chậm chosen twice, both times unsure: nothing is a fact of the document
    a = block([[(0, 0.0)], [(3, 0.0), (2, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.6, 0.4], None])
    b = block([[(1, 0.0)], [(3, 0.0), (2, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.55, 0.45], None])
    words, pairs = discourse.confident_counts([discourse.chosen(a), discourse.chosen(b)], WORDS.get)
    assert 3 not in words and (3, 4) not in pairs and (0, 3) not in pairs


def test_a_block_whose_choice_already_agrees_is_not_decoded_again():
    sure = block([[(5, 0.0)], [(2, 0.0), (3, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.95, 0.05], None])
    agrees = block([[(0, 0.0)], [(2, 0.0), (3, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.7, 0.3], None])
    assert discourse.rescore([sure, agrees], WORDS.get, flat_lm, flat_lm, lambda col: col) == []


def test_a_pair_the_model_already_expects_gains_little():
    sure = block([[(5, 0.0)], [(2, 0.0), (3, 0.0)], [(4, 0.0)]], [0, 0, 0], [None, [0.95, 0.05], None])

    def gain(bigram_logp):
        unsure = block([[(0, 0.0)], [(1, 0.0)], [(3, 0.0), (2, 0.0)], [(4, 0.0)]], [0, 0, 0, 0],
                       [None, None, [0.6, 0.4], None])
        discourse.rescore([sure, unsure], WORDS.get, flat_lm, lambda v, w: bigram_logp, lambda col: col)
        return unsure.ids[2][1][1]

    assert gain(math.log(0.001)) > 2 * gain(math.log(0.5)) > 0


def test_the_scored_plan_says_cham_diem_under_every_criterion():
    """The OCR'd Hậu Giang plan writes "Cơ sở chấm điểm" under each criterion; the shipped
    text holds "chấm điểm" once, so the first pass read "chậm" there, sure only where the
    neighbours left no rival ("bị chấm điểm thấp hơn")."""
    from normalize.diacritics import load_model

    model = load_model()
    if model.channel is None:
        pytest.skip("OCR channel not trained (run `vnplan train-restorer`)")
    out = restore((ROOT / "corpus" / "004_e8cf8ffdb6dfbfb5.txt").read_text(encoding="utf-8"), model).text
    lines = [line for line in out.splitlines() if line.startswith("* Cơ sở ch")]
    assert len(lines) == 4 and all(line.startswith("* Cơ sở chấm điểm") for line in lines), lines
