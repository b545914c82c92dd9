"""Stopping a run (issue 14, item 3): SIGTERM or SIGINT ends ``vnplan run -j 2`` with the
report of what finished and no process of it left; SIGKILL of the run leaves no worker
running either (each worker dies with the process that started it)."""

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnplan.procs import alive, descendants

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "001_3d950fac20eead32.txt"


def _start(tmp_path, n=150):
    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(n):
        shutil.copy(SEED, inp / f"plan{i:02d}.txt")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "vnplan.cli", "run", str(inp), "-o", str(out), "-j", "2",
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("plan*.json"))) < 2:  # let it get going
        seen |= descendants(proc.pid)
        time.sleep(0.1)
    seen |= descendants(proc.pid)
    assert len(seen) >= 3, "the run should have started a pool (fork server and two workers)"
    return proc, out, seen


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_run_writes_its_report_and_leaves_no_process(tmp_path, sig):
    proc, out, seen = _start(tmp_path)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    assert "interrupted" in report and 0 < report["summary"]["files"] < 150
    time.sleep(1)
    assert [p for p in seen if alive(p)] == []


@pytest.mark.slow
def test_a_killed_run_leaves_no_worker_behind(tmp_path):
    proc, out, seen = _start(tmp_path)
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.time() + 20
    while time.time() < deadline and any(alive(p) for p in seen):
        time.sleep(0.2)
    assert [p for p in seen if alive(p)] == []
