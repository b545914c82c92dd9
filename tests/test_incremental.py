"""Incremental runs: a second run over the same files reuses their outputs; a changed file,
a changed vnplan, a missing output or --force makes it read again."""

import json
import shutil
from pathlib import Path

from vnplan import incremental
from vnplan.pipeline import run_batch

ROOT = Path(__file__).resolve().parents[1]
PLANS = ["001_3d950fac20eead32.txt", "002_ed72dcb75bee655e.txt"]


def setup(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for name in PLANS:
        shutil.copy(ROOT / "corpus" / name, inp / name)
    return inp, tmp_path / "out"


def test_unchanged_files_are_reused_and_changed_ones_redone(tmp_path):
    inp, out = setup(tmp_path)
    first = run_batch([inp], out)
    assert first["summary"]["reused"] == 0 and first["summary"]["ok"] == 2
    written = (out / f"{Path(PLANS[0]).stem}.json").read_text(encoding="utf-8")
    second = run_batch([inp], out)
    assert second["summary"]["reused"] == 2 and second["summary"]["ok"] == 2
    assert [f["counts"] for f in second["files"]] == [f["counts"] for f in first["files"]]
    assert (out / f"{Path(PLANS[0]).stem}.json").read_text(encoding="utf-8") == written
    with open(inp / PLANS[1], "a", encoding="utf-8") as fh:
        fh.write("\nPhụ lục bổ sung.\n")
    third = run_batch([inp], out)
    assert third["summary"]["reused"] == 1
    assert [f["reused"] for f in third["files"]] == [True, False]


def test_force_a_missing_output_or_another_vnplan_redo_the_file(tmp_path, monkeypatch):
    inp, out = setup(tmp_path)
    run_batch([inp], out)
    assert run_batch([inp], out, force=True)["summary"]["reused"] == 0
    (out / f"{Path(PLANS[0]).stem}.txt").unlink()
    assert run_batch([inp], out)["summary"]["reused"] == 1
    monkeypatch.setattr(incremental, "fingerprint", lambda: "another-vnplan")
    assert run_batch([inp], out)["summary"]["reused"] == 0
    state = json.loads((out / incremental.STATE_NAME).read_text(encoding="utf-8"))
    assert {e["fingerprint"] for e in state.values()} == {"another-vnplan"}
