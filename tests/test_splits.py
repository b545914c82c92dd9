"""The fixed split of the gold set: which documents are held out (``test``) never changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from vnplan.splits import split_of_stems, stems_in

ROOT = Path(__file__).resolve().parents[1]
TEST = {"1a3950726cd8511f", "2d563450d5a57ad1", "4e39af96b6891368", "556b2fb4a0149576", "72f18ee047b71e9a",
        "8b9a38d6a8f8c20f", "a49ef8a0da1f62dd", "ad5aff6c13929815", "c5d930a5fc8373cd", "f069c23c942c1ec6"}


def test_the_test_split_is_every_third_real_document_by_name():
    split = split_of_stems(ROOT / "gold")
    assert {s for s, v in split.items() if v == "test"} == TEST
    assert {s for s, v in split.items() if v == "seeds"} == {p.stem for p in (ROOT / "corpus").glob("[0-9][0-9][0-9]_*.txt")}
    real = {p.stem for folder in ("real", "admin") for p in (ROOT / "corpus" / folder).glob("*.md")
            if p.name.lower() != "readme.md"}
    assert stems_in(ROOT / "gold", "real") == real  # dev + test: every real document with gold


def test_adding_documents_outside_corpus_real_moves_nothing_into_or_out_of_test(tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(ROOT / "gold", gold, ignore=shutil.ignore_patterns(".history", "*.txt", "*.md"))
    for name in ("0000000000000000", "ffffffffffffffff"):
        (gold / f"{name}.json").write_text(json.dumps({"document": {"source": f"corpus/admin/{name}.md"}}), encoding="utf-8")
    split = split_of_stems(gold)
    assert {s for s, v in split.items() if v == "test"} == TEST
    assert split["0000000000000000"] == split["ffffffffffffffff"] == "dev"
