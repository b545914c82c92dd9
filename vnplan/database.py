"""Load a ``vnplan run`` output folder into DuckDB (a file path) or PostgreSQL (a URL).

A load is one transaction: a load that fails or is killed halfway leaves the database
as it was. Documents whose extraction file is unchanged (same sha256) are left alone,
so loading the same folder twice changes nothing but adds a ``runs`` row; a document
with a different, not older, extraction has all its rows deleted and re-inserted.
PostgreSQL goes through SQLAlchemy with psycopg (rows are sent with COPY); DuckDB is
embedded and inserts Arrow tables directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError
from pydantic_core import from_json

from vnplan.schema import Extraction
from vnplan.tables import DOCUMENT_TABLES, TABLES, duplicate_item_ids, flatten, merge_rows, to_arrow

DEFAULT_DB = "out/vnplan.duckdb"
# Test hook: when set to a file path, a load writes that file after inserting about half
# of its tables and then waits, so tests can kill it mid-transaction.
PAUSE_ENV = "VNPLAN_LOAD_PAUSE_FILE"


class LoadError(Exception):
    """Bad input or database; the message is one line naming the reason."""


# ---------------------------------------------------------------- reading outputs


@dataclass
class OutputFile:
    """One extraction file; validated on first use of ``extraction`` (unchanged files never are)."""

    path: Path
    data: dict
    sha256: str  # of the file's bytes: `sha256sum OUT/<stem>.json` gives the same
    extracted_at: dt.datetime
    _extraction: Optional[Extraction] = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def doc_id(self) -> str:
        return str(self.data["document"].get("id"))

    @property
    def extraction(self) -> Extraction:
        """The validated extraction; LoadError (one line naming the file) when invalid."""
        if self._extraction is None:
            try:
                ext = Extraction.model_validate(self.data)
            except ValidationError as exc:
                err = exc.errors()[0]
                loc = ".".join(str(p) for p in err["loc"])
                raise LoadError(f"{self.path}: invalid extraction at {loc}: {err['msg']}") from None
            if dups := duplicate_item_ids(ext):
                raise LoadError(f"{self.path}: duplicate item id ({', '.join(dups[:3])})")
            self._extraction = ext
        return self._extraction


@dataclass
class OutputBatch:
    source_dir: str
    files: list[OutputFile] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # one line each
    ignored: list[str] = field(default_factory=list)  # JSON files that are not extractions
    duplicates: list[str] = field(default_factory=list)
    report_failed: int = 0

    def validate(self, files: list[OutputFile], skip_invalid: bool) -> list[OutputFile]:
        """The valid ones of ``files``; invalid ones raise LoadError, or with ``skip_invalid``
        are moved from ``self.files`` to ``self.invalid``."""
        valid = []
        for f in files:
            try:
                f.extraction
            except LoadError as exc:
                if not skip_invalid:
                    raise
                self.invalid.append(str(exc))
                self.files.remove(f)
                continue
            valid.append(f)
        return valid


def _utc_naive(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _read_report(out_dir: Path) -> tuple[Optional[dt.datetime], set[str], int]:
    path = out_dir / "run-report.json"
    if not path.is_file():
        return None, set(), 0
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        finished = _utc_naive(dt.datetime.fromisoformat(report["finished"]))
        outputs = {Path(f["output"]).name for f in report.get("files", []) if f.get("output")}
        failed = int(report.get("summary", {}).get("failed", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, set(), 0
    return finished, outputs, failed


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_strip_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_nul(v) for k, v in value.items()}
    return value


def read_output(out_dir: Path | str, skip_invalid: bool = False, validate: bool = True) -> OutputBatch:
    """Read every ``*.json`` extraction directly in ``out_dir`` (one per document id).

    JSON files without a ``document`` object (reports, other tools' files) are ignored.
    An invalid extraction raises LoadError unless ``skip_invalid``; then it is listed in
    ``invalid`` and left out. ``validate=False`` defers validation to ``batch.validate``.
    The extraction time of a file is the run report's finish time when the report lists
    it, else the file's modification time.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise LoadError(f"{out}: no such output folder (run `vnplan run … -o {out}` first)")
    finished, listed, failed = _read_report(out)
    batch = OutputBatch(source_dir=str(out), report_failed=failed)
    by_id: dict[str, OutputFile] = {}
    for path in sorted(out.glob("*.json")):
        if path.name == "run-report.json" or path.name.startswith("."):
            continue
        try:
            raw = path.read_bytes()
            data = from_json(raw)  # pydantic-core's parser: same result as json.loads, faster
        except (OSError, ValueError) as exc:
            problem = f"{path}: not readable JSON: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            if not skip_invalid:
                raise LoadError(problem) from None
            batch.invalid.append(problem)
            continue
        if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
            batch.ignored.append(path.name)
            continue
        if b"\\u0000" in raw:  # PostgreSQL text cannot hold NUL (a broken PDF can leave one)
            data = _strip_nul(data)
        when = finished if (finished and path.name in listed) else dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        item = OutputFile(path, data, hashlib.sha256(raw).hexdigest(), _utc_naive(when))
        if not isinstance(data["document"].get("id"), str):
            batch.files.append(item)  # invalid: reported by validate() below
            batch.validate([item], skip_invalid)
            continue
        if item.doc_id in by_id:
            batch.duplicates.append(f"{item.doc_id}: {by_id[item.doc_id].name} and {path.name} (keeping {path.name})")
        by_id[item.doc_id] = item
    batch.files = list(by_id.values())
    if validate:
        batch.validate(list(batch.files), skip_invalid)
    return batch


# ---------------------------------------------------------------- backends

_SQL_TYPES = {
    "duckdb": {"TEXT": "VARCHAR", "DOUBLE": "DOUBLE", "BIGINT": "BIGINT", "INTEGER": "INTEGER", "BOOLEAN": "BOOLEAN", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"},
    "postgresql": {"TEXT": "TEXT", "DOUBLE": "DOUBLE PRECISION", "BIGINT": "BIGINT", "INTEGER": "INTEGER", "BOOLEAN": "BOOLEAN", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"},
}


def create_table_sql(name: str, dialect: str) -> str:
    t = TABLES[name]
    cols = ",\n  ".join(f"{c.name} {_SQL_TYPES[dialect][c.type]}" + (" NOT NULL" if c.name in t.key else "") for c in t.columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols},\n  PRIMARY KEY ({', '.join(t.key)})\n)"


def is_url(db: str) -> bool:
    return "://" in str(db)


def _sqlalchemy_url(url: str) -> str:
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise LoadError(f"unsupported database URL {url.split('://')[0]}:// (use a file path for DuckDB or postgresql://…)")


class _DuckDB:
    dialect = "duckdb"

    def __init__(self, path: str, read_only: bool = False):
        import duckdb

        p = Path(path)
        if read_only and not p.is_file():
            raise LoadError(f"{path}: no such database file (run `vnplan load` first)")
        if not read_only:
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(p), read_only=read_only)
        except duckdb.Error as exc:
            raise LoadError(f"{path}: cannot open DuckDB database: {str(exc).splitlines()[0]}") from exc

    def begin(self) -> None:
        self.con.begin()

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        try:
            self.con.rollback()
        except Exception:
            pass

    def execute(self, sql: str, params: Any = None) -> None:
        self.con.execute(sql, params or [])

    def query(self, sql: str, params: Any = None) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall() if cols else []

    def columns(self, table: str) -> list[str]:
        _, rows = self.query("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table])
        return [r[0] for r in rows]

    def delete_docs(self, table: str, doc_ids: list[str]) -> None:
        import pyarrow as pa

        self.con.register("_vnplan_ids", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _vnplan_ids)")
        self.con.unregister("_vnplan_ids")

    def insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        data = to_arrow(table, rows)
        self.con.register("_vnplan_rows", data)
        cols = ", ".join(data.schema.names)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _vnplan_rows")
        self.con.unregister("_vnplan_rows")

    def close(self) -> None:
        self.con.close()


class _Postgres:
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        import sqlalchemy as sa

        self.engine = sa.create_engine(_sqlalchemy_url(url), poolclass=sa.pool.NullPool)
        try:
            self.conn = self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            raise LoadError(f"cannot connect to PostgreSQL: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}") from exc
        self.raw = self.conn.connection.driver_connection  # psycopg.Connection, same transaction
        self.read_only = read_only

    def begin(self) -> None:
        self.conn.begin()
        if self.read_only:
            self.execute("SET TRANSACTION READ ONLY")

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        try:
            self.conn.rollback()
        except Exception:
            pass

    def execute(self, sql: str, params: Any = None) -> None:
        self.query(sql, params)

    def query(self, sql: str, params: Any = None) -> tuple[list[str], list[tuple]]:
        # The psycopg cursor of SQLAlchemy's connection (same transaction); without
        # params psycopg leaves '%' alone, so LIKE '%x%' works as written.
        with self.raw.cursor() as cur:
            cur.execute(sql, tuple(params) if params else None)
            if cur.description is None:
                return [], []
            return [d.name for d in cur.description], [tuple(r) for r in cur.fetchall()]

    def columns(self, table: str) -> list[str]:
        _, rows = self.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
            [table],
        )
        return [r[0] for r in rows]

    def delete_docs(self, table: str, doc_ids: list[str]) -> None:
        self.execute(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [doc_ids])

    def insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        names = TABLES[table].names
        with self.raw.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row([r.get(c) for c in names])

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()


def connect(db: str, read_only: bool = False):
    """A backend for a DuckDB file path or a ``postgresql://`` URL."""
    db = str(db)
    if is_url(db):
        return _Postgres(db, read_only=read_only)
    return _DuckDB(db, read_only=read_only)


def ensure_tables(backend) -> list[str]:
    """Create missing tables; add columns a newer vnplan defines (returns ``table.column`` added).

    Columns are only ever added, never renamed or dropped, so older databases upgrade in place.
    """
    added = []
    for name in TABLES:
        backend.execute(create_table_sql(name, backend.dialect))
        have = set(backend.columns(name))
        for col in TABLES[name].columns:
            if col.name not in have:
                backend.execute(f"ALTER TABLE {name} ADD COLUMN {col.name} {_SQL_TYPES[backend.dialect][col.type]}")
                added.append(f"{name}.{col.name}")
    return added


# ---------------------------------------------------------------- loading


@dataclass
class LoadResult:
    run_id: str
    documents: int
    inserted: int
    replaced: int
    unchanged: int
    skipped_older: list[str]
    invalid: list[str]
    duplicates: list[str]
    rows_written: int
    seconds: float

    def summary(self) -> str:
        parts = [f"{self.documents} documents: {self.inserted} new, {self.replaced} replaced, {self.unchanged} unchanged"]
        if self.skipped_older:
            parts.append(f"{len(self.skipped_older)} skipped (older than loaded)")
        if self.invalid:
            parts.append(f"{len(self.invalid)} invalid skipped")
        return "; ".join(parts) + f"; {self.rows_written} rows written in {self.seconds:.2f}s"


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def runs_row(run_id: str, batch: OutputBatch, counts: dict, rows_written: int) -> dict:
    from vnplan import __version__

    versions = sorted({str(f.data.get("schema_version")) for f in batch.files})
    return {
        "run_id": run_id,
        "loaded_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "source_dir": str(Path(batch.source_dir).resolve()),
        "vnplan_version": __version__,
        "files_read": len(batch.files) + len(batch.invalid),
        "documents_inserted": counts["inserted"],
        "documents_replaced": counts["replaced"],
        "documents_unchanged": counts["unchanged"],
        "documents_skipped": counts["skipped"],
        "rows_written": rows_written,
        "report_failed": batch.report_failed,
        "schema_versions": ",".join(versions),
    }


def _pause_for_tests() -> None:
    path = os.environ.get(PAUSE_ENV)
    if path:
        Path(path).write_text(str(os.getpid()))
        time.sleep(3600)


def load(out_dir: Path | str, db: str = DEFAULT_DB, *, force: bool = False, skip_invalid: bool = False) -> LoadResult:
    """Load one output folder into ``db`` in a single transaction (see module docstring).

    ``force`` reloads every document of ``out_dir``, unchanged or older ones included.
    """
    t0 = time.perf_counter()
    batch = read_output(out_dir, skip_invalid=skip_invalid, validate=False)
    run_id = new_run_id()
    backend = connect(db)
    try:
        backend.begin()
        if backend.dialect == "postgresql":
            backend.execute("SELECT pg_advisory_xact_lock(%s)", [0x766E706C616E])  # one load at a time
        added = ensure_tables(backend)
        refill = force or any(not c.startswith("runs.") for c in added)  # fill new columns of loaded documents
        _, existing_rows = backend.query("SELECT doc_id, content_sha256, extracted_at FROM documents")
        existing = {r[0]: (r[1], r[2]) for r in existing_rows}
        new, replace, unchanged, older = [], [], [], []
        for f in list(batch.files):
            doc_id = f.doc_id
            if doc_id not in existing:
                new.append(f)
            elif existing[doc_id][0] == f.sha256 and not refill:
                unchanged.append(f)
            elif force or existing[doc_id][1] is None or f.extracted_at >= existing[doc_id][1]:
                replace.append(f)
            else:
                older.append(f"{f.name}: extraction {f.extracted_at:%Y-%m-%d %H:%M:%S} is older than the loaded one")
        valid = {id(f) for f in batch.validate(new + replace, skip_invalid)}  # unchanged files were valid when loaded
        new = [f for f in new if id(f) in valid]
        replace = [f for f in replace if id(f) in valid]
        write = new + replace
        rows = merge_rows(flatten(f.extraction, output_file=f.name, content_sha256=f.sha256, extracted_at=f.extracted_at, run_id=run_id) for f in write)
        if replace:
            ids = [f.doc_id for f in replace]
            for name in DOCUMENT_TABLES:
                backend.delete_docs(name, ids)
        for i, name in enumerate(DOCUMENT_TABLES):
            if i == len(DOCUMENT_TABLES) // 2:
                _pause_for_tests()
            backend.insert(name, rows[name])
        rows_written = sum(len(rows[n]) for n in DOCUMENT_TABLES if n != "documents")
        counts = {"inserted": len(new), "replaced": len(replace), "unchanged": len(unchanged), "skipped": len(older) + len(batch.invalid)}
        backend.insert("runs", [runs_row(run_id, batch, counts, rows_written)])
        backend.commit()
        error = None
    except LoadError as exc:
        error = str(exc)
    except Exception as exc:
        error = f"load failed, database unchanged: {_one_line(exc)}"
    except BaseException:  # interrupted: nothing was committed
        backend.rollback()
        backend.close()
        raise
    if error is not None:
        backend.rollback()
    backend.close()
    if error is not None:
        # Raised afresh, without the database objects a chained traceback would keep alive.
        del backend
        raise LoadError(error)
    return LoadResult(
        run_id,
        len(batch.files),
        len(new),
        len(replace),
        len(unchanged),
        older,
        batch.invalid,
        batch.duplicates,
        rows_written,
        time.perf_counter() - t0,
    )


def query(db: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one read-only SQL statement; returns (column names, rows)."""
    backend = connect(db, read_only=True)
    try:
        backend.begin()
        try:
            return backend.query(sql)
        except Exception as exc:
            error = f"query failed: {_one_line(exc, with_type=False)}"
        finally:
            backend.rollback()
    finally:
        backend.close()
    del backend
    raise LoadError(error)


def _one_line(exc: BaseException, with_type: bool = True) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    msg = lines[0] if lines else ""
    return f"{type(exc).__name__}: {msg}" if with_type or not msg else msg
