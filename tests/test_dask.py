"""``vnplan run --dask local``: a real Dask LocalCluster with two worker processes on
loopback reads each file as one task; the client writes the same outputs as a local run,
and a bad file is one failed line while the others are written."""

import json
import shutil
from pathlib import Path

import pytest

from vnplan.pipeline import run_batch

pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_local_cluster_writes_what_a_local_run_writes(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for name in ("001_3d950fac20eead32.txt", "002_ed72dcb75bee655e.txt", "003_d4f7ed5afff7d63e.txt"):
        shutil.copy(ROOT / "corpus" / name, inp / name)
    (inp / "empty.txt").write_bytes(b"")
    report = run_batch([inp], tmp_path / "dask", jobs=2, dask="local")
    status = {Path(f["source"]).name: f["status"] for f in report["files"]}
    assert status == {"001_3d950fac20eead32.txt": "ok", "002_ed72dcb75bee655e.txt": "ok",
                      "003_d4f7ed5afff7d63e.txt": "ok", "empty.txt": "failed"}
    local = run_batch([inp], tmp_path / "local", jobs=1)
    assert local["summary"] == report["summary"]
    for f in (tmp_path / "local").glob("00*"):
        assert (tmp_path / "dask" / f.name).read_bytes() == f.read_bytes(), f.name
    doc = json.loads((tmp_path / "dask" / "002_ed72dcb75bee655e.json").read_text(encoding="utf-8"))["document"]
    assert doc["source"] == str(inp / "002_ed72dcb75bee655e.txt")  # the client's file, not the worker's copy
