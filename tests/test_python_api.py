"""The Python API, as a notebook user would call it (README "Python API")."""

import json
from pathlib import Path

import vnplan

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "corpus" / "001_3d950fac20eead32.txt"


def test_extract_returns_the_model_with_json_rows_and_frames():
    result = vnplan.extract(PLAN)
    assert isinstance(result, vnplan.Extraction) and result.status == "ok"
    assert result.document.province == "Thanh Hóa" and len(result.tasks) >= 80
    data = json.loads(result.to_json())
    assert list(data)[:3] == ["schema_version", "status", "status_reason"]  # schema order, not alphabetical
    assert list(data).index("document") < list(data).index("targets") < list(data).index("awards")
    rows = vnplan.rows(result)
    assert len(rows["tasks"]) == len(result.tasks) and rows["tasks"][0]["doc_id"] == result.document.id
    frames = vnplan.frames(result, ["targets"])
    assert len(frames["targets"]) == len(result.targets) and "value" in frames["targets"].columns


def test_run_writes_a_batch_as_the_command_does(tmp_path):
    report = vnplan.run([PLAN], tmp_path / "out")
    assert report["summary"]["ok"] == 1
    written = (tmp_path / "out" / f"{PLAN.stem}.json").read_text(encoding="utf-8")
    assert written == vnplan.extract(PLAN).to_json()
    assert json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_cli_streams_json_lines_and_can_be_quiet_or_verbose(tmp_path):
    import subprocess
    import sys

    inp = tmp_path / "in"
    inp.mkdir()
    for name in ("001_3d950fac20eead32.txt", "002_ed72dcb75bee655e.txt"):
        (inp / name).write_bytes((ROOT / "corpus" / name).read_bytes())
    cmd = [sys.executable, "-m", "vnplan.cli", "run", str(inp), "-o", str(tmp_path / "out"), "-j", "1"]
    quiet = subprocess.run(cmd + ["--quiet", "--jsonl", "-"], capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and quiet.stderr == ""
    lines = [json.loads(x) for x in quiet.stdout.splitlines()]
    assert sorted(d["document"]["province"] for d in lines) == ["Thanh Hóa", "Tuyên Quang"]
    verbose = subprocess.run(cmd + ["--verbose", "--no-progress", "--force"], capture_output=True, text=True, timeout=300)
    assert verbose.returncode == 0 and verbose.stderr.count("ok ") == 2 and "tasks=" in verbose.stderr
    assert "2 ok, 0 failed" in verbose.stdout
