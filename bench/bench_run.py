"""Benchmark ``vnplan run``: plans per second through the whole pipeline.

Copies the plans of corpus/ ``--copies`` times into a temporary folder (each copy gets
a line of its own appended, so every file is a distinct document with its own id), runs
the same batch as ``vnplan run`` over it and prints files/s, MB/s and seconds per file
by ingest method. The diacritic restorer is loaded (and built if missing) before the
clock starts, as it is once per batch in real use.

    python bench/bench_run.py [--copies 20] [--jobs 1]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.pipeline import run_batch  # noqa: E402


def make_inputs(folder: Path, copies: int) -> int:
    size = 0
    for n in range(copies):
        for src in sorted((ROOT / "corpus").glob("*.txt")):
            data = src.read_bytes() + f"\n(bản sao {n})\n".encode()
            (folder / f"{src.stem}-{n:03d}.txt").write_bytes(data)
            size += len(data)
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20, help="copies of each corpus plan (default 20)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes, as vnplan run --jobs")
    args = ap.parse_args()

    from normalize.diacritics import load_model

    load_model()  # built/cached before timing
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        size = make_inputs(inputs, args.copies)
        t0 = time.perf_counter()
        report = run_batch([inputs], out, jobs=args.jobs)
        wall = time.perf_counter() - t0
        shutil.rmtree(out, ignore_errors=True)
    files = report["files"]
    ok = sum(f["status"] == "ok" for f in files)
    print(f"files: {len(files)} ({ok} ok), {size / 1e6:.1f} MB, jobs {args.jobs}")
    print(f"wall: {wall:.1f} s  ->  {len(files) / wall:.1f} files/s, {size / 1e6 / wall:.2f} MB/s")
    per = [f["seconds"] for f in files]
    print(f"seconds per file: median {statistics.median(per):.3f}, max {max(per):.3f}")


if __name__ == "__main__":
    main()
