"""Workers that hang, eat memory or die (issue 14, item 2: "a worker that dies or hangs is
replaced"): the file fails alone, with a one-line reason, and the files after it are read
by a new worker. The supervisor (vnplan/workers.py) is run with real processes; the
misbehaving workers below do on purpose what a C library can do by accident."""

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vnplan import procs
from vnplan.results import FileResult
from vnplan.workers import run_supervised

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "001_3d950fac20eead32.txt"


def misbehave(conn, run_pid):
    """A worker that reads its file's name: "hang" blocks with SIGALRM masked (as a call inside
    C does: the in-process time limit cannot stop it), "die" kills itself, "hog" holds 300 MB."""
    while True:
        job = conn.recv()
        if job is None:
            return
        name = Path(job[0]).name
        if name == "hang":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        elif name == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        elif name == "hog":
            hog = bytearray(300 * 1024 * 1024)
            hog[::4096] = b"x" * len(hog[::4096])  # touch every page: resident, not just reserved
            time.sleep(3600)
        conn.send(FileResult(str(job[0]), "ok"))
        if name == "dieafter":  # dies between files, after its result went out
            os.kill(os.getpid(), signal.SIGKILL)


def supervise(names, **limits):
    results = {}
    ctx = mp.get_context("forkserver")
    jobs = [(Path(n), n) for n in names]
    run_supervised(jobs, Path("."), {"max_seconds": limits.pop("max_seconds", None)}, 1,
                   lambda i, path, res: results.__setitem__(path.name, res), ctx, os.getpid(),
                   serve=misbehave, **limits)
    return results


def test_a_worker_hung_inside_c_is_killed_and_the_next_file_is_read():
    t0 = time.monotonic()
    got = supervise(["hang", "a", "b"], max_seconds=0.5, grace=0.5)
    assert got["hang"].status == "failed" and "hung: killed after" in got["hang"].error
    assert got["a"].status == got["b"].status == "ok"  # one worker: a new one took the rest
    assert time.monotonic() - t0 < 60


def test_a_worker_that_dies_fails_only_its_file():
    got = supervise(["die", "a"])
    assert got["die"].status == "failed" and "worker died (killed by signal 9)" in got["die"].error
    assert got["a"].status == "ok"


def test_a_worker_over_the_memory_limit_is_killed():
    got = supervise(["hog", "a"], max_memory_mb=100)
    assert got["hog"].status == "failed" and "over the memory limit of 100 MB" in got["hog"].error
    assert got["a"].status == "ok"


def test_run_with_a_memory_limit_reports_the_file_and_goes_on(tmp_path):
    """End to end: a 6 MB plan read by a worker allowed 40 MB fails alone; the seed beside it is read."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a_big.txt").write_text(SEED.read_text(encoding="utf-8") * 120, encoding="utf-8")
    (inp / "b_seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    before = procs.descendants(os.getpid())  # this test process's own fork server, from the tests above
    r = subprocess.run([sys.executable, "-m", "vnplan.cli", "run", str(inp), "-o", str(out), "-j", "2", "--no-progress",
                        "--max-memory-mb", "40", "--max-chars", "20000000", "--max-text-mb", "50"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 1, r.stderr
    assert "a_big.txt: over the memory limit of 40 MB" in r.stderr
    assert (out / "b_seed.json").exists() and not (out / "a_big.json").exists()
    assert not [p for p in procs.descendants(os.getpid()) - before if procs.alive(p)]  # no worker of the run left


def test_a_worker_that_dies_between_files_loses_nothing():
    got = supervise(["dieafter", "a", "b"])
    assert [got[n].status for n in ("dieafter", "a", "b")] == ["ok", "ok", "ok"]


def test_a_file_whose_hand_over_fails_is_given_to_the_new_worker(monkeypatch):
    """The pipe breaks as a file is handed over (its worker died between files and was not yet
    reaped): the file goes back to the queue, and the run goes on until every file is read."""
    import vnplan.workers as W

    real_give, broke = W._Worker.give, []

    def give(self, index, path, payload):
        if path.name == "a" and not broke:
            broke.append(path)
            raise BrokenPipeError("the worker is gone")
        return real_give(self, index, path, payload)

    monkeypatch.setattr(W._Worker, "give", give)
    got = supervise(["a", "b"])
    assert broke and [got[n].status for n in ("a", "b")] == ["ok", "ok"]
