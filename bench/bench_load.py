"""Benchmark ``vnplan load``: documents per second into DuckDB and PostgreSQL.

Generates N documents' outputs (synthetic but with realistic item counts: dozens of
targets and tasks with one to three owners each, a scoring table in about half the plans,
a few award quotas), writes them as ``vnplan run`` would, then times a first load and a
repeated (unchanged) load into a fresh DuckDB file and into a fresh database of a
throwaway PostgreSQL server started on loopback the same way the tests start it (that
part is skipped, with the reason, where no server can start).

    python bench/bench_load.py [--docs 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from vnplan.database import load  # noqa: E402
from vnplan.io import write_json  # noqa: E402

PROVINCES = ["Hà Nam", "Cà Mau", "Lào Cai", "Bình Định", "Đắk Lắk", "Nghệ An", "Quảng Ninh", "Long An", "Thái Bình", "Kon Tum"]
LEVELS = ["tỉnh", "sở ngành", "cấp huyện", "cấp xã", "thôn, tổ", "cá nhân", "doanh nghiệp"]
AGENCIES = ["Công an tỉnh", "Sở Thông tin và Truyền thông", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tài chính", "UBND các huyện, thành phố", "Sở Y tế"]
FORMS = ["Bằng khen", "Giấy khen", "Cờ thi đua", "Huân chương Lao động"]


def _ev(rng: random.Random, words: str) -> dict:
    start = rng.randrange(0, 60_000)
    return {"text": words, "span": [start, start + len(words)], "section": f"{rng.choice('IVX')}.{rng.randint(1, 9)}", "page": rng.choice([None, rng.randint(1, 30)])}


def _deadline(rng: random.Random) -> dict | None:
    r = rng.random()
    if r < 0.2:
        return None
    if r < 0.3:
        return {"text": "Thường xuyên", "recurring": True, "kind": "recurring"}
    q = rng.randint(1, 4)
    end = dt.date(2024, 3 * q, 1) + dt.timedelta(days=31)
    end = end.replace(day=1) - dt.timedelta(days=1)
    return {"text": f"Trong Quý {'I' * q if q < 4 else 'IV'}/2024", "end": end.isoformat(), "kind": "quarter"}


def synthetic(i: int, rng: random.Random) -> dict:
    """One document's extraction as a JSON-ready dict."""
    doc_id = f"{i:016x}"
    targets = [
        {
            "id": f"t{j}",
            "metric": f"tỷ lệ hồ sơ trực tuyến toàn trình nhóm {j}",
            "comparator": rng.choice([">", ">=", "=", "range"]),
            "value": rng.choice([50, 70, 80, 90, 100]),
            "unit": rng.choice(["%", "count"]),
            "applies_to": rng.choice(LEVELS),
            "adjustments": ["Thành phố tăng thêm 10%"] if rng.random() < 0.1 else [],
            "deadline": _deadline(rng),
            "evidence": _ev(rng, f"Phấn đấu đạt chỉ tiêu số {j} trong năm 2024."),
            "confidence": round(rng.uniform(0.5, 1), 2),
            "warnings": [],
        }
        for j in range(1, rng.randint(5, 30) + 1)
    ]
    tasks = [
        {
            "id": f"k{j}",
            "text": f"Triển khai nhiệm vụ chuyển đổi số số {j} tại các cơ quan, đơn vị",
            "lead": rng.sample(AGENCIES, 1),
            "support": rng.sample(AGENCIES, rng.randint(0, 2)),
            "deadline": _deadline(rng),
            "evidence": _ev(rng, f"Nhiệm vụ {j}: triển khai chuyển đổi số."),
            "confidence": round(rng.uniform(0.5, 1), 2),
            "warnings": ["không rõ thời hạn"] if rng.random() < 0.05 else [],
        }
        for j in range(1, rng.randint(10, 60) + 1)
    ]
    scoring = [
        {
            "id": f"s{j}",
            "group": f"{rng.choice('IVX')}. Nhóm tiêu chí",
            "level": rng.choice(LEVELS),
            "criterion": f"Tiêu chí chấm điểm số {j}",
            "kind": rng.choice(["base", "base", "bonus", "penalty"]),
            "max_points": rng.choice([2, 5, 10, 20]),
            "method": rng.choice(["ratio_times_max", "yes_no", "per_item", "threshold", "other"]),
            "evidence": _ev(rng, f"Tiêu chí {j} (tối đa 10 điểm)"),
            "confidence": 0.8,
        }
        for j in range(1, (rng.randint(10, 40) if rng.random() < 0.5 else 0) + 1)
    ]
    awards = [
        {
            "id": f"a{j}",
            "form": rng.choice(FORMS),
            "grantor": "Chủ tịch UBND tỉnh",
            "recipient": rng.choice(["tập thể", "cá nhân"]),
            "level": rng.choice(LEVELS),
            "max_count": rng.randint(1, 20),
            "prize_vnd": rng.choice([None, 5_000_000, 20_000_000]),
            "evidence": _ev(rng, f"Tặng thưởng không quá {j} tập thể"),
            "confidence": 0.9,
        }
        for j in range(1, rng.randint(0, 12) + 1)
    ]
    province = rng.choice(PROVINCES)
    return {
        "schema_version": "1.0.0",
        "document": {
            "id": doc_id,
            "source": f"plans/{doc_id}.pdf",
            "number": f"{rng.randint(1, 400)}/KH-UBND",
            "doc_type": "Kế hoạch",
            "issuer": f"UBND tỉnh {province}",
            "province": province,
            "issued_date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": "Kế hoạch phát động phong trào thi đua",
            "signer": "Nguyễn Văn B",
            "ingest": {"method": rng.choice(["text", "pdf-text", "ocr"]), "diacritics_restored": True, "pages": rng.randint(3, 30)},
            "warnings": [],
        },
        "campaign": {
            "period": {"start": "2024-01-01", "end": "2024-11-30", "text": "Từ nay đến hết ngày 30/11/2024"},
            "milestones": [{"name": "sơ kết", "text": "Tháng 7/2024", "end": "2024-07-31"}, {"name": "tổng kết", "text": "Tháng 12/2024", "end": "2024-12-31"}],
        },
        "targets": targets,
        "tasks": tasks,
        "scoring_criteria": scoring,
        "awards": awards,
    }


def generate(folder: Path, n: int, seed: int) -> int:
    """Write N extraction files and run-report.json; returns the number of item rows."""
    rng = random.Random(seed)
    rows = 0
    files = []
    for i in range(n):
        data = synthetic(i, rng)
        rows += sum(len(data[k]) for k in ("targets", "tasks", "scoring_criteria", "awards"))
        write_json(folder / f"plan_{i:05d}.json", data)
        files.append({"output": str(folder / f"plan_{i:05d}.json"), "status": "ok"})
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    write_json(folder / "run-report.json", {"started": now, "finished": now, "summary": {"files": n, "ok": n, "failed": 0}, "files": files})
    return rows


def bench(label: str, folder: Path, db: str, n: int) -> None:
    """Time a first load and a repeated one; wall clock, and this process's CPU time
    (a busy machine slows the first, not the second; PostgreSQL's own CPU is not counted)."""
    t0, c0 = time.perf_counter(), time.process_time()
    first = load(folder, db)
    t1, c1 = time.perf_counter(), time.process_time()
    again = load(folder, db)
    t2, c2 = time.perf_counter(), time.process_time()
    assert first.inserted == n and again.unchanged == n, (first.summary(), again.summary())
    print(f"{label:<11} first load: {n / (t1 - t0):6.0f} documents/s ({t1 - t0:5.2f}s wall, {c1 - c0:5.2f}s cpu, {first.rows_written} rows)   "
          f"repeat load (unchanged): {n / (t2 - t1):6.0f} documents/s ({t2 - t1:5.2f}s wall, {c2 - c1:5.2f}s cpu)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-"))
    try:
        out = work / "out"
        out.mkdir()
        t0 = time.perf_counter()
        items = generate(out, args.docs, args.seed)
        print(f"generated {args.docs} documents, {items} items, in {time.perf_counter() - t0:.1f}s")
        bench("DuckDB", out, str(work / "bench.duckdb"), args.docs)
        try:
            from pg_server import PostgresServer, ServerUnavailable
        except ImportError as exc:
            print(f"PostgreSQL  skipped: {exc}")
            return
        try:
            server = PostgresServer().start()
        except ServerUnavailable as exc:
            print(f"PostgreSQL  skipped: server cannot start here: {exc}")
            return
        try:
            bench("PostgreSQL", out, server.create_database("bench"), args.docs)
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
