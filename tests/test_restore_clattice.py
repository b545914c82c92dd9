"""The C lattice (``normalize/diacritics/lattice.c``) decodes exactly as the Python one:
the same restored text, the same confidences and alternatives, on place names (the
bonus columns) and glued tokens split in two (the compound columns) too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from normalize.diacritics import clattice
from normalize.diacritics import lexicon as lexmod
from normalize.diacritics.decode import restore_text, strip_candidates
from normalize.diacritics.model import build_model, corpus_texts
from normalize.diacritics.syllables import strip_marks

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not clattice.available(), reason="no C compiler: the Python lattice runs")


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    texts = corpus_texts(ROOT / "corpus")
    assert texts, "no diacritized plan in corpus/"
    return build_model(texts, lexmod.load_lexicon(tmp_path_factory.mktemp("cache")), running=lexmod.load_running_text())


def both(model, text, fn, monkeypatch):
    fast = restore_text(model, text, fn)
    with monkeypatch.context() as m:
        m.setattr(clattice, "_LIB", [None])
        assert not clattice.available()
        slow = restore_text(model, text, fn)
    as_tuples = lambda res: (res[0], [(c.start, c.end, c.output, c.confidence, c.alternatives) for c in res[1]])  # noqa: E731
    return as_tuples(fast), as_tuples(slow)


def test_stripped_plans_decode_the_same_in_c_and_in_python(model, monkeypatch):
    texts = corpus_texts(ROOT / "corpus")
    text = strip_marks("\n\n".join(texts[k] for k in sorted(texts)))[:40_000]
    fast, slow = both(model, text, strip_candidates, monkeypatch)
    assert fast == slow
    assert len(fast[1]) > 3000 and "ủy ban nhân dân" in fast[0].lower()


def test_place_names_and_split_tokens_decode_the_same(model, monkeypatch):
    def glued(model, tok):
        """A glued ``tyle`` may be ``tỷ lệ`` (a pair of syllables), as the OCR channel offers it."""
        if tok.lower() == "tyle":
            return [("tyle", tok, -2.0), (("tỷ", "lệ"), "tỷ lệ", -1.0), (("tý", "lê"), "tý lê", -1.5)]
        return strip_candidates(model, tok)

    text = ("Nang cao tyle ho so truc tuyen tai tinh Hau Giang va thanh pho Can Tho\n"
            "phan dau tyle nguoi dan kich hoat tai khoan dat 80% o huyen Chau Thanh\n\n"
            "So Thong tin va Truyen thong chu tri, tyle 100% xa co diem phuc vu")
    fast, slow = both(model, text, glued, monkeypatch)
    assert fast == slow
    assert fast[0].count("tỷ lệ") == 3 and "Hậu Giang" in fast[0]


def test_the_library_is_built_into_the_cache_folder_once(tmp_path, monkeypatch):
    if not shutil.which("cc") and not shutil.which("gcc"):
        pytest.skip("no C compiler")
    monkeypatch.setenv("VNPLAN_CACHE", str(tmp_path))
    monkeypatch.setattr(clattice, "_LIB", [])
    assert clattice.available()
    built = list(tmp_path.glob("lattice-*.so"))
    assert len(built) == 1
    monkeypatch.setattr(clattice, "_LIB", [])
    stamp = built[0].stat().st_mtime_ns
    assert clattice.available() and built[0].stat().st_mtime_ns == stamp  # not built again


def test_pure_python_can_be_asked_for(monkeypatch):
    monkeypatch.setenv("VNPLAN_PURE_PYTHON", "1")
    monkeypatch.setattr(clattice, "_LIB", [])
    assert not clattice.available()


def test_random_lattices_give_the_same_paths_and_posteriors(model):
    """Columns of random syllables, some of them pairs, with place-name pairs that decide."""
    import random

    from normalize.diacritics.decode import Decoded, _packed
    from normalize.diacritics.lattice import Scorer, local_confidence, viterbi

    from normalize.diacritics.evaluate import words

    rng = random.Random(7)
    vocab = sorted(model.lm.uni)[:3000] + ["chưa-thấy-bao-giờ"]
    texts = corpus_texts(ROOT / "corpus")
    running = [w.lower() for w in words(texts[sorted(texts)[0]])]  # real runs: seen trigrams and back-offs
    scorer = Scorer(model.lm)
    blocks, pairs = [], set()
    for _ in range(60):
        ids, compound_at, bonus_at = [], set(), set()
        at = rng.randrange(len(running) - 20)
        for i in range(rng.randint(1, 14)):
            col = [(running[at + i], rng.uniform(-3, 0))]
            for _c in range(rng.choice((0, 0, 2, 7, 16))):
                if rng.random() < 0.1:
                    col.append(((rng.choice(vocab), rng.choice(vocab)), rng.uniform(-9, 0)))
                    compound_at.add(i)
                else:
                    col.append((rng.choice(vocab), rng.uniform(-9, 0)))
            rng.shuffle(col)
            if i and rng.random() < 0.4:
                bonus_at.add(i)
                prev = ids[-1][rng.randrange(len(ids[-1]))][0]
                if type(prev) is not tuple and type(col[-1][0]) is not tuple:
                    pairs.add((prev, col[-1][0]))
            ids.append(col)
        id_cols = [[(scorer.id(w), c) for w, c in col] for col in ids]
        blocks.append(Decoded("", 0, [], id_cols, id_cols, [_packed(c) for c in id_cols], [], compound_at, bonus_at))
    pairs = frozenset(pairs)
    clattice.decode(scorer, blocks, pairs)
    for d in blocks:
        path = viterbi(scorer, d.ids, pairs, d.bonus_at, d.compound_at)
        assert d.path == path
        keys = [col[ci][0] for col, ci in zip(d.ids, path)]
        for i, col in enumerate(d.ids):
            if len(col) > 1:
                assert d.probs[i] == local_confidence(scorer, keys, i, col)


def test_without_a_compiler_the_python_lattice_restores_the_same(model, tmp_path, monkeypatch):
    fast = restore_text(model, "Ke hoach thuc hien chuyen doi so tai tinh Hau Giang", strip_candidates)
    monkeypatch.setenv("VNPLAN_CACHE", str(tmp_path))
    monkeypatch.setattr(clattice, "_LIB", [])
    monkeypatch.setattr(clattice, "_compilers", lambda: ["no-such-compiler-here"])
    assert not clattice.available() and not list(tmp_path.glob("*.so*"))
    assert restore_text(model, "Ke hoach thuc hien chuyen doi so tai tinh Hau Giang", strip_candidates)[0] == fast[0]


def test_a_candidate_function_that_offers_nothing_leaves_the_token_as_written(model):
    def shy(model, tok):
        return [] if tok == "xyz" else strip_candidates(model, tok)

    out, _choices = restore_text(model, "ke hoach xyz chuyen doi so", shy)
    assert out == "kế hoạch xyz chuyển đổi số"


def test_the_c_lattice_declines_a_column_without_candidates(model):
    from normalize.diacritics.decode import Decoded, _packed
    from normalize.diacritics.lattice import Scorer

    scorer = Scorer(model.lm)
    empty = Decoded("", 0, [], [[]], [[]], [_packed([])], [], set(), set())
    assert clattice.decode(scorer, [empty], None) is False  # a column without candidates: no path
