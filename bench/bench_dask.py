"""Scale-out: files per second of ``vnplan run`` on a Dask LocalCluster of 1 and 2 workers,
beside the process pool (-j 1, -j 2), on the same files, on this machine.

    python bench/bench_dask.py [--copies 10]

The files are the corpus text plans copied ``--copies`` times under other names; every
run starts from an empty output folder (no reuse), the restorer model already built.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    from normalize.diacritics import load_model
    from vnplan.pipeline import run_batch

    load_model()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in"
        inp.mkdir()
        plans = sorted((ROOT / "corpus").glob("*.txt"))
        for k in range(args.copies):
            for p in plans:
                shutil.copy(p, inp / f"{p.stem}-{k}{p.suffix}")
        n = len(list(inp.iterdir()))
        for label, kw in (("process pool, -j 1", {"jobs": 1}), ("process pool, -j 2", {"jobs": 2}),
                          ("Dask LocalCluster, 1 worker", {"jobs": 1, "dask": "local"}),
                          ("Dask LocalCluster, 2 workers", {"jobs": 2, "dask": "local"})):
            out = Path(tmp) / f"out-{len(label)}-{kw['jobs']}"
            t0 = time.perf_counter()
            report = run_batch([inp], out, force=True, **kw)
            dt = time.perf_counter() - t0
            print(f"{label:<30} {n} files ({report['summary']['ok']} ok) in {dt:5.1f} s = {n / dt:4.1f} files/s "
                  f"(cluster start included)")


if __name__ == "__main__":
    main()
