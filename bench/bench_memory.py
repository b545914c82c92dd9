"""Memory of a batch run with one and with two workers: the peak of the summed PSS
(proportional set size: a page shared by n processes counts 1/n in each) of ``vnplan run``
and all its child processes, sampled every 0.1 s from /proc (Linux).

    python bench/bench_memory.py [PATH ...] [--jobs 1 2]

Default input: the project's corpus/. The restorer model is built first (not measured).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.procs import descendants, pss_kib  # noqa: E402


def peak_pss(cmd: list[str]) -> tuple[float, float]:
    """(peak summed PSS in MiB, seconds) of ``cmd`` and its descendants."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(pss_kib(p) for p in {proc.pid} | descendants(proc.pid)))
        time.sleep(0.1)
    return peak / 1024, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpus")])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    vnplan = [sys.executable, "-m", "vnplan.cli"]
    subprocess.run([sys.executable, "-c", "from normalize.diacritics import load_model; load_model()"], check=False)
    base = None
    for jobs in args.jobs:
        with tempfile.TemporaryDirectory() as out:
            mib, secs = peak_pss(vnplan + ["run", *args.paths, "-o", out, "-j", str(jobs), "--no-progress"])
        base = base or mib
        print(f"-j {jobs}: peak memory {mib:,.0f} MiB (PSS, all processes), {secs:.1f}s; {mib / base:.2f}x -j {args.jobs[0]}")


if __name__ == "__main__":
    main()
