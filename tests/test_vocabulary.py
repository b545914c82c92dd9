"""Language data kept as data (vnplan/lang/vi/*.tsv): well-formed, and what the extractors read."""

from __future__ import annotations

import pytest

from vnplan.lang import DATA, fold, phrases, vocabulary

FILES = sorted(p.stem for p in DATA.glob("*.tsv"))


@pytest.mark.parametrize("name", FILES)
def test_every_entry_says_where_it_was_seen_and_none_is_listed_twice(name):
    rows = vocabulary(name)
    assert rows, name
    assert all(r.get("phrase") and r.get("seen_in") for r in rows), name
    keys = [(fold(r["phrase"]), r.get("position", "")) for r in rows]
    assert len(keys) == len(set(keys)), name


def test_one_fold_for_every_stage():
    import extract.numbers
    import normalize.text

    assert extract.numbers.fold is fold and normalize.text.fold is fold
    assert fold("Đạt TRÊN 70%") == "dat tren 70%" and len(fold("Hậu Giang")) == len("Hậu Giang")


@pytest.mark.parametrize("words, cmp", [("trên", ">"), ("tối thiểu", ">="), ("không quá", "<="), ("dưới", "<")])
def test_comparators_follow_the_schema_conventions(words, cmp):
    assert fold(words) in phrases("comparators", comparator=cmp)


def test_extractors_read_the_vocabularies():
    from extract.awards import _FORM_RE, _RANK, _SHARE
    from extract.target_metrics import CMP_BEFORE
    from normalize.patterns import DOC_TYPES

    assert _FORM_RE.search(fold("tặng Kỷ niệm chương cho")) and _RANK.search(fold("giải Khuyến khích"))
    assert _SHARE.search(fold("không vượt quá 10% tổng số"))
    assert any(c == ">=" and __import__("re").search(p, fold("đạt ít nhất là")) for p, c in CMP_BEFORE)
    assert DOC_TYPES[fold("Chỉ thị")] == "Chỉ thị"
