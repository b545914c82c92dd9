"""Loading extractions into DuckDB and a real PostgreSQL server, and exporting tables.

Every database test runs twice: on an embedded DuckDB file and on a fresh database of a
PostgreSQL server started on loopback by tests/pg_server.py (skipped, with the reason,
only where no server can start). The extractions are built here, covering every item
type and field, and written the way ``vnplan run`` writes them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pg_server import pg_server, pg_url  # noqa: F401  (pytest fixtures)
from vnplan.cli import app
from vnplan.database import PAUSE_ENV, LoadError, load, query
from vnplan.io import write_json
from vnplan.schema import Extraction
from vnplan.tables import DOCUMENT_TABLES, TABLES, flatten, markdown_columns, markdown_tables, read_tables, to_frame

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "database.md"
T0 = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------- test data


def _ev(text: str, start: int, section: str, page=None) -> dict:
    return {"text": text, "span": [start, start + len(text)], "section": section, "page": page}


def plan(doc_id: str, province: str, *, n_tasks: int = 3, quarter_end: str = "2024-03-31", extra_target: bool = False) -> Extraction:
    """A complete extraction: every item type, every field, a campaign with milestones."""
    tasks = []
    for i in range(1, n_tasks + 1):
        text = f"Rà soát, cập nhật dữ liệu dân cư đợt {i}"
        tasks.append(
            {
                "id": f"k{i}",
                "text": text,
                "lead": ["Công an tỉnh"] if i % 2 else ["Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh"],
                "support": ["UBND các huyện, thành phố"] if i != 2 else [],
                "deadline": {"text": "Trong Quý I/2024", "end": quarter_end, "kind": "quarter"}
                if i != 3
                else {"text": "Thường xuyên", "recurring": True, "kind": "recurring"},
                "evidence": _ev(text + ".", 400 + 90 * i, f"III.{i}", page=2),
                "confidence": 0.85,
                "warnings": [] if i != 2 else ["không rõ cơ quan phối hợp"],
            }
        )
    targets = [
        {
            "id": "t1",
            "metric": "tỷ lệ hồ sơ thủ tục hành chính được số hóa",
            "comparator": ">=",
            "value": 80,
            "unit": "%",
            "applies_to": "cấp huyện",
            "adjustments": ["Thành phố tăng thêm 10%"],
            "deadline": {"text": "Đến hết năm 2024", "end": "2024-12-31", "kind": "year"},
            "evidence": _ev("Phấn đấu 80% hồ sơ được số hóa.", 120, "II.1"),
            "confidence": 0.9,
        },
        {
            "id": "t2",
            "metric": "số điểm cung cấp dịch vụ công trực tuyến",
            "comparator": "range",
            "value": 20,
            "value_max": 30,
            "unit": "count",
            "applies_to": "cấp xã",
            "deadline": {"text": "Từ tháng 3 đến tháng 6/2024", "start": "2024-03-01", "end": "2024-06-30", "kind": "range"},
            "evidence": _ev("Mỗi xã có từ 20 đến 30 điểm.", 180, "II.2"),
            "confidence": 0.4,
            "warnings": ["khoảng giá trị chưa rõ"],
            "source_table": 2,  # a field this version of the tables does not know
        },
    ]
    if extra_target:
        targets.append(
            {"id": "t3", "metric": "tỷ lệ hộ gia đình có tài khoản", "value": 50, "evidence": _ev("Đạt 50% hộ gia đình.", 230, "II.3")}
        )
    data = {
        "schema_version": "1.0.0",
        "document": {
            "id": doc_id,
            "source": f"plans/{doc_id}.pdf",
            "number": "25/KH-UBND",
            "doc_type": "Kế hoạch",
            "issuer": f"UBND tỉnh {province}",
            "province": province,
            "issued_date": "2024-01-15",
            "title": "Kế hoạch phát động phong trào thi đua chuyển đổi số",
            "signer": "Trần Văn A",
            "ingest": {"method": "pdf-text", "diacritics_restored": True, "pages": 6, "encoding": None, "ocr_confidence": None},
            "warnings": ["ngày 31/11/2024 không tồn tại"],
        },
        "campaign": {
            "period": {"start": "2024-01-15", "end": "2024-11-30", "text": "Từ ngày ký đến hết ngày 30/11/2024"},
            "milestones": [
                {"name": "sơ kết", "text": "Dự kiến tháng 7/2024", "end": "2024-07-31"},
                {"name": "tổng kết", "text": "Tháng 12/2024", "start": "2024-12-01", "end": "2024-12-31"},
            ],
        },
        "targets": targets,
        "tasks": tasks,
        "scoring_criteria": [
            {
                "id": "s1",
                "group": "I. Hạ tầng số",
                "level": "cấp huyện",
                "criterion": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                "kind": "base",
                "max_points": 20,
                "method": "ratio_times_max",
                "formula_text": "Điểm = Tỷ lệ x điểm tối đa",
                "evidence": _ev("Tỷ lệ hồ sơ trực tuyến toàn trình (20 điểm)", 900, "Phụ lục 1/I/1", page=5),
                "confidence": 0.8,
            },
            {
                "id": "s2",
                "group": "II. Điểm thưởng",
                "level": "cấp huyện",
                "criterion": "Mỗi mô hình mới được công nhận",
                "kind": "bonus",
                "max_points": 5,
                "method": "per_item",
                "per_item_points": 1,
                "evidence": _ev("Mỗi mô hình được cộng 01 điểm, tối đa 05 điểm", 960, "Phụ lục 1/II", page=6),
            },
            {
                "id": "s3",
                "criterion": "Không hoàn thành chỉ tiêu dưới 50%",
                "kind": "penalty",
                "max_points": 10,
                "method": "threshold",
                "threshold": 50,
                "evidence": _ev("Dưới 50% trừ 10 điểm", 1010, "Phụ lục 1/III", page=6),
            },
        ],
        "awards": [
            {
                "id": "a1",
                "form": "Bằng khen",
                "grantor": "Chủ tịch UBND tỉnh",
                "recipient": "tập thể",
                "level": "cấp huyện",
                "max_count": 3,
                "evidence": _ev("Tặng Bằng khen cho không quá 03 tập thể", 1100, "V.1"),
            },
            {
                "id": "a2",
                "form": "Giấy khen",
                "grantor": "Giám đốc Sở Nội vụ",
                "recipient": "cá nhân",
                "max_count": 10,
                "rank": "Nhất",
                "prize_vnd": 20_000_000,
                "evidence": _ev("Giải Nhất: 20.000.000 đồng", 1150, "V.2"),
            },
        ],
    }
    return Extraction.model_validate(data)


def write_output(folder: Path, plans: dict[str, Extraction], finished: dt.datetime = T0) -> Path:
    """Write ``<stem>.json`` files and ``run-report.json`` the way ``vnplan run`` does."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, ext in plans.items():
        write_json(folder / f"{stem}.json", ext.model_dump(mode="json", exclude_none=False))
    report = {
        "schema_version": "1.0.0",
        "started": finished.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "summary": {"files": len(plans), "ok": len(plans), "failed": 0},
        "files": [{"output": str(folder / f"{stem}.json"), "status": "ok"} for stem in plans],
    }
    write_json(folder / "run-report.json", report)
    return folder


def two_plans() -> dict[str, Extraction]:
    return {"kh-25": plan("aaaa000000000001", "Hà Nam"), "kh-31": plan("bbbb000000000002", "Cà Mau", n_tasks=4, quarter_end="2024-06-30")}


def snapshot(db: str) -> dict[str, list[tuple]]:
    """Every row of every document table, in key order."""
    out = {}
    for name in DOCUMENT_TABLES:
        _, rows = query(db, f"SELECT * FROM {name} ORDER BY {', '.join(TABLES[name].key)}")
        out[name] = rows
    return out


def count(db: str, sql: str) -> int:
    return query(db, sql)[1][0][0]


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request, tmp_path) -> str:
    """A DuckDB file path, or the URL of a fresh PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "plans.duckdb")
    return request.getfixturevalue("pg_url")


# ---------------------------------------------------------------- flattening


def test_flatten_keeps_every_field_in_documented_columns():
    rows = flatten(plan("aaaa000000000001", "Hà Nam"))
    doc = rows["documents"][0]
    assert doc["province"] == "Hà Nam" and doc["issued_date"] == dt.date(2024, 1, 15)
    assert (doc["campaign_start"], doc["campaign_end"]) == (dt.date(2024, 1, 15), dt.date(2024, 11, 30))
    assert doc["campaign_text"].startswith("Từ ngày ký") and doc["pages"] == 6 and doc["ingest_method"] == "pdf-text"
    assert json.loads(doc["warnings"]) == ["ngày 31/11/2024 không tồn tại"]
    assert (doc["n_targets"], doc["n_tasks"], doc["n_scoring_criteria"], doc["n_awards"]) == (2, 3, 3, 2)

    t2 = rows["targets"][1]
    assert (t2["item_id"], t2["position"], t2["comparator"], t2["value"], t2["value_max"]) == ("t2", 2, "range", 20, 30)
    assert (t2["deadline_start"], t2["deadline_end"], t2["deadline_kind"]) == (dt.date(2024, 3, 1), dt.date(2024, 6, 30), "range")
    assert t2["evidence_end"] - t2["evidence_start"] == len(t2["evidence_text"]) and t2["section"] == "II.2"
    assert json.loads(t2["extra"]) == {"source_table": 2}  # unknown fields are kept, not dropped
    assert json.loads(rows["targets"][0]["adjustments"]) == ["Thành phố tăng thêm 10%"]

    k3 = rows["tasks"][2]
    assert k3["deadline_recurring"] is True and k3["deadline_end"] is None and k3["page"] == 2
    agencies = [(a["task_id"], a["role"], a["position"], a["agency"]) for a in rows["task_agencies"] if a["task_id"] == "k2"]
    assert agencies == [("k2", "lead", 1, "Sở Thông tin và Truyền thông"), ("k2", "lead", 2, "Văn phòng UBND tỉnh")]

    s = {r["item_id"]: r for r in rows["scoring_criteria"]}
    assert s["s1"]["criterion_group"] == "I. Hạ tầng số" and s["s2"]["per_item_points"] == 1 and s["s3"]["threshold"] == 50
    a2 = rows["awards"][1]
    assert (a2["rank"], a2["prize_vnd"], a2["max_count"]) == ("Nhất", 20_000_000, 10)
    assert [(m["name"], m["end_date"]) for m in rows["milestones"]] == [("sơ kết", dt.date(2024, 7, 31)), ("tổng kết", dt.date(2024, 12, 31))]


def test_frames_have_the_documented_columns_and_types():
    rows = flatten(plan("aaaa000000000001", "Hà Nam"))
    targets = to_frame("targets", rows["targets"])
    assert list(targets.columns) == TABLES["targets"].names
    assert str(targets["value"].dtype) == "Float64" and str(targets["position"].dtype) == "Int32"
    assert str(targets["deadline_recurring"].dtype) == "boolean" and targets["deadline_end"][0] == dt.date(2024, 12, 31)
    assert str(to_frame("awards", rows["awards"])["prize_vnd"].dtype) == "Int64"
    empty = to_frame("awards", [])  # a plan without awards still has every column
    assert list(empty.columns) == TABLES["awards"].names and len(empty) == 0


# ---------------------------------------------------------------- loading


def test_loading_twice_changes_nothing(db, tmp_path):
    plans = two_plans()
    plans["kh-31"].tasks[3].text = "Rà soát\x00 dữ liệu"
    out = write_output(tmp_path / "out", plans)
    first = load(out, db)
    assert (first.inserted, first.replaced, first.unchanged) == (2, 0, 0)
    before = snapshot(db)
    second = load(out, db)
    assert (second.inserted, second.replaced, second.unchanged, second.rows_written) == (0, 0, 2, 0)
    assert snapshot(db) == before
    # exactly one row per document and per item
    assert count(db, "SELECT count(*) FROM documents") == 2
    assert count(db, "SELECT count(*) FROM tasks") == 3 + 4
    assert count(db, "SELECT count(*) FROM task_agencies") == sum(len(k.lead) + len(k.support) for p in two_plans().values() for k in p.tasks)
    assert count(db, "SELECT count(*) FROM (SELECT DISTINCT doc_id, item_id FROM targets) x") == count(db, "SELECT count(*) FROM targets") == 4
    assert count(db, "SELECT count(*) FROM runs") == 2  # each load is recorded
    assert count(db, "SELECT count(*) FROM tasks WHERE text = 'Rà soát dữ liệu'") == 1  # NUL dropped (PostgreSQL refuses it)
    assert query(db, "SELECT documents_unchanged FROM runs ORDER BY loaded_at")[1] == [(0,), (2,)]
    assert query(db, "SELECT schema_version FROM documents")[1] == [("1.0.0",), ("1.0.0",)]


def test_newer_extraction_replaces_that_documents_rows(db, tmp_path):
    load(write_output(tmp_path / "old", two_plans()), db)
    run_b = query(db, "SELECT run_id FROM documents WHERE doc_id = 'bbbb000000000002'")[1]
    newer = two_plans()
    newer["kh-25"] = plan("aaaa000000000001", "Hà Nam", n_tasks=1, extra_target=True)  # tasks k2, k3 gone, t3 new
    res = load(write_output(tmp_path / "new", newer, finished=T0 + dt.timedelta(days=1)), db)
    assert (res.inserted, res.replaced, res.unchanged) == (0, 1, 1)
    assert query(db, "SELECT item_id FROM tasks WHERE doc_id = 'aaaa000000000001' ORDER BY item_id")[1] == [("k1",)]
    assert query(db, "SELECT item_id FROM targets WHERE doc_id = 'aaaa000000000001' ORDER BY item_id")[1] == [("t1",), ("t2",), ("t3",)]
    assert count(db, "SELECT count(*) FROM task_agencies WHERE doc_id = 'aaaa000000000001'") == 2
    assert count(db, "SELECT n_tasks FROM documents WHERE doc_id = 'aaaa000000000001'") == 1
    # the other document was not touched
    assert query(db, "SELECT run_id FROM documents WHERE doc_id = 'bbbb000000000002'")[1] == run_b
    assert count(db, "SELECT count(*) FROM tasks WHERE doc_id = 'bbbb000000000002'") == 4


def test_older_extraction_is_skipped_unless_forced(db, tmp_path):
    load(write_output(tmp_path / "new", two_plans(), finished=T0), db)
    older = {"kh-25": plan("aaaa000000000001", "Hà Nam", n_tasks=1)}
    res = load(write_output(tmp_path / "old", older, finished=T0 - dt.timedelta(days=3)), db)
    assert res.replaced == 0 and len(res.skipped_older) == 1 and "older" in res.skipped_older[0]
    assert count(db, "SELECT count(*) FROM tasks WHERE doc_id = 'aaaa000000000001'") == 3
    assert load(tmp_path / "old", db, force=True).replaced == 1
    assert count(db, "SELECT count(*) FROM tasks WHERE doc_id = 'aaaa000000000001'") == 1


def test_database_of_an_older_version_gains_the_new_columns(db, tmp_path):
    out = write_output(tmp_path / "out", two_plans())
    load(out, db)
    from vnplan.database import connect

    backend = connect(db)  # make it look like a database written before deadline_kind existed
    backend.begin()
    backend.execute("ALTER TABLE tasks DROP COLUMN deadline_kind")
    backend.commit()
    backend.close()
    res = load(out, db)
    assert res.replaced == 2  # reloaded so that the new column is filled
    assert query(db, "SELECT deadline_kind, count(*) FROM tasks GROUP BY 1 ORDER BY 1")[1] == [("quarter", 5), ("recurring", 2)]
    assert load(out, db).unchanged == 2


def test_invalid_file_refuses_the_whole_load(db, tmp_path):
    out = write_output(tmp_path / "out", two_plans())
    bad = json.loads((out / "kh-31.json").read_text())
    bad["tasks"][0]["deadline"]["end"] = "2024-02-30"
    (out / "kh-31.json").write_text(json.dumps(bad, ensure_ascii=False))
    with pytest.raises(LoadError) as err:
        load(out, db)
    assert "kh-31.json" in str(err.value) and "tasks.0.deadline.end" in str(err.value) and "\n" not in str(err.value)
    res = load(out, db, skip_invalid=True)
    assert res.inserted == 1 and len(res.invalid) == 1
    assert query(db, "SELECT doc_id FROM documents")[1] == [("aaaa000000000001",)]


def test_unreadable_json_is_named_and_can_be_skipped(tmp_path):
    out = write_output(tmp_path / "out", two_plans())
    (out / "cut-short.json").write_text('{"document": {"id": "x"', encoding="utf-8")  # a half-written file
    with pytest.raises(LoadError, match=r"cut-short\.json: not readable JSON"):
        load(out, str(tmp_path / "x.duckdb"))
    res = load(out, str(tmp_path / "x.duckdb"), skip_invalid=True)
    assert res.inserted == 2 and res.invalid[0].startswith(str(out / "cut-short.json"))
    assert count(str(tmp_path / "x.duckdb"), "SELECT documents_skipped FROM runs") == 1


def test_duplicate_item_ids_are_refused(tmp_path):
    data = plan("aaaa000000000001", "Hà Nam").model_dump(mode="json")
    data["awards"][1]["id"] = "a1"
    (tmp_path / "dup.json").write_text(json.dumps(data, ensure_ascii=False))
    with pytest.raises(LoadError, match=r"dup\.json: duplicate item id \(awards a1\)"):
        load(tmp_path, str(tmp_path / "x.duckdb"))


def test_missing_folder_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["load", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "no such output folder" in result.output


def test_killed_load_leaves_the_database_as_it_was(db, tmp_path):
    load(write_output(tmp_path / "out1", two_plans()), db)
    before = snapshot(db)
    changed = two_plans()
    changed["kh-25"] = plan("aaaa000000000001", "Hà Nam", n_tasks=1, extra_target=True)
    changed["kh-40"] = plan("cccc000000000003", "Lào Cai")
    out2 = write_output(tmp_path / "out2", changed, finished=T0 + dt.timedelta(hours=1))

    marker = tmp_path / "paused-mid-load"
    env = dict(os.environ, **{PAUSE_ENV: str(marker)})
    proc = subprocess.Popen([sys.executable, "-m", "vnplan.cli", "load", str(out2), "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()[1].decode()
            assert time.monotonic() < deadline, "the loader never reached the middle of its load"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert snapshot(db) == before  # deleted and half-inserted rows were never committed
    assert count(db, "SELECT count(*) FROM runs") == 1
    res = load(out2, db)  # the database is still usable and the load completes
    assert (res.inserted, res.replaced, res.unchanged) == (1, 1, 1)
    assert count(db, "SELECT count(*) FROM documents") == 3


# ---------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    from vnplan.pipeline import run_batch

    out = tmp_path_factory.mktemp("corpus-out")
    report = run_batch([ROOT / "corpus"], out)
    assert report["summary"]["ok"] >= 1
    return out


def test_two_loads_of_the_corpus_leave_one_row_per_document_and_item(db, corpus_out):
    load(corpus_out, db)
    load(corpus_out, db)
    expected = {name: 0 for name in ("targets", "tasks", "scoring_criteria", "awards")}
    ids = set()
    for path in corpus_out.glob("*.json"):
        if path.name != "run-report.json":
            data = json.loads(path.read_text(encoding="utf-8"))
            ids.add(data["document"]["id"])
            for name in expected:
                expected[name] += len(data[name])
    assert count(db, "SELECT count(*) FROM documents") == len(ids) >= 1
    for name, n in expected.items():
        assert count(db, f"SELECT count(*) FROM {name}") == n
        assert count(db, f"SELECT count(*) FROM (SELECT DISTINCT doc_id, item_id FROM {name}) x") == n


# ---------------------------------------------------------------- CLI, export


def test_cli_load_then_query_prints_a_table(tmp_path):
    out = write_output(tmp_path / "out", two_plans())
    dbfile = tmp_path / "db" / "vnplan.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["load", str(out), "--db", str(dbfile)])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    result = runner.invoke(app, ["query", "--db", str(dbfile), "SELECT province, n_tasks FROM documents WHERE province LIKE '%a%' ORDER BY province"])
    assert result.exit_code == 0, result.output
    assert re.search(r"Cà Mau\s+4", result.output) and re.search(r"Hà Nam\s+3", result.output) and "(2 rows)" in result.output
    result = runner.invoke(app, ["query", "--db", str(dbfile), "DELETE FROM documents"])
    assert result.exit_code == 1 and "query refused" in result.output  # queries are read-only
    assert count(str(dbfile), "SELECT count(*) FROM documents") == 2


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_export_writes_one_file_per_table(tmp_path, fmt):
    plans = two_plans()
    plans["kh-25"].tasks[0].text = "Rà soát\x0c dữ liệu"  # a form feed left over from a PDF page break
    out = write_output(tmp_path / "out", plans)
    result = CliRunner().invoke(app, ["export", str(out), "--format", fmt, "-o", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    files = sorted(p.stem for p in (tmp_path / "tables").glob(f"*.{fmt}"))
    assert files == (["vnplan-tables"] if fmt == "xlsx" else sorted(TABLES))  # Excel: one workbook, a sheet each
    path = tmp_path / "tables" / f"tasks.{fmt}"
    mode = (tmp_path / "tables" / files[0]).with_suffix(f".{fmt}").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask  # as any new file of the user, not 0600
    if fmt == "parquet":
        schema = pq.read_schema(path)
        assert schema.names == TABLES["tasks"].names and str(schema.field("deadline_end").type) == "date32[day]"
        # a column empty in every row keeps its documented type (not Arrow's null)
        assert str(pq.read_schema(tmp_path / "tables" / "milestones.parquet").field("start_date").type) == "date32[day]"
        df = pd.read_parquet(path)
    elif fmt == "csv":
        df = pd.read_csv(path)
        assert "2024-03-31" in set(df["deadline_end"].dropna())
    else:
        import openpyxl

        book = tmp_path / "tables" / "vnplan-tables.xlsx"
        wb = openpyxl.load_workbook(book)
        assert wb.sheetnames == list(TABLES) or sorted(wb.sheetnames) == sorted(TABLES)
        assert wb["tasks"].freeze_panes == "A2" and wb["tasks"].auto_filter.ref
        df = pd.read_excel(book, sheet_name="tasks")  # Excel cannot hold the form feed: it is dropped
        assert "Rà soát dữ liệu" in set(df["text"])
    assert list(df.columns) == TABLES["tasks"].names and len(df) == 7
    assert set(read_tables(out)["awards"]["form"]) == {"Bằng khen", "Giấy khen"}


def test_export_refuses_unknown_format(tmp_path):
    result = CliRunner().invoke(app, ["export", str(write_output(tmp_path / "o", two_plans())), "--format", "json"])
    assert result.exit_code == 1 and "unknown format 'json'" in result.output


# ---------------------------------------------------------------- the documentation


def doc_sql_blocks() -> list[str]:
    """Every ```sql block and `vnplan query … "SQL"` command of the docs, README and scripts."""
    found: list[str] = []
    for path in (DOCS, ROOT / "README.md", ROOT / "scripts" / "run-corpus.sh"):
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for sql in re.findall(r"```sql\n(.*?)```", text, flags=re.S) + re.findall(r'vnplan query --db \S+ "([^"]+)"', text):
            if sql not in found:
                found.append(sql)
    return found


def test_docs_list_every_table_and_column():
    text = DOCS.read_text(encoding="utf-8")
    for name in TABLES:
        assert f"### {name}\n" in text and markdown_columns(name) in text, f"docs/database.md is out of date for table {name}"
    assert markdown_tables() in text, "regenerate the Tables part of docs/database.md with `python -m vnplan.tables`"


def _norm(rows):
    def v(x):
        if isinstance(x, (Decimal, float, int)) and not isinstance(x, bool):
            return round(float(x), 6)
        return x

    return [tuple(v(x) for x in r) for r in rows]


@pytest.fixture(scope="module")
def example_dbs(request, tmp_path_factory):
    """The example plans loaded into DuckDB and (where a server can start) PostgreSQL."""
    out = write_output(tmp_path_factory.mktemp("ex") / "out", two_plans())
    duck = str(out.parent / "ex.duckdb")
    load(out, duck)
    try:
        pg = request.getfixturevalue("pg_server").create_database()
    except pytest.skip.Exception as exc:
        return duck, None, str(exc)
    load(out, pg)
    return duck, pg, None


@pytest.mark.parametrize("sql", doc_sql_blocks(), ids=lambda s: s.split("\n")[0][:40])
def test_docs_sql_examples_run_as_written_on_both_databases(sql, example_dbs):
    duck, pg, why_not = example_dbs
    cols_d, rows_d = query(duck, sql)
    assert rows_d, "every example should return rows on the example data"
    if pg is None:
        pytest.skip(f"ran on DuckDB only: {why_not}")
    cols_p, rows_p = query(pg, sql)
    assert cols_d == cols_p
    if "loaded_at" in cols_d:  # the runs table differs by run ids and times
        assert len(rows_d) == len(rows_p)
    else:
        assert _norm(rows_d) == _norm(rows_p)


def test_docs_examples_give_the_expected_numbers(example_dbs):
    duck, _, _ = example_dbs
    by_intro = {sql.split("\n")[0]: sql for sql in doc_sql_blocks()}
    quarter = next(s for s in by_intro.values() if "QUARTER" in s)
    assert _norm(query(duck, quarter)[1]) == [(2024, 1, 2), (2024, 2, 3)]  # k1, k2 of one plan; k1, k2, k4 of the other
    awards = next(s for s in by_intro.values() if "FROM awards" in s)
    assert _norm(query(duck, awards)[1]) == [("Bằng khen", "tập thể", 2, 6, None), ("Giấy khen", "cá nhân", 2, 20, 40_000_000)]
