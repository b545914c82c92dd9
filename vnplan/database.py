"""Load a ``vnplan run`` output folder into DuckDB (a file path) or PostgreSQL (a URL).

A load is one transaction: a load that fails or is killed halfway leaves the database
as it was. Documents whose extraction file is unchanged (same sha256) are left alone,
so loading the same folder twice changes nothing but adds a ``runs`` row; a document
with a different, not older, extraction has all its rows deleted and re-inserted.
``query`` runs one read-only statement. The folder is read by vnplan.outputs, turned
into rows by vnplan.flatten and written through a backend of vnplan.backends; their
public names are importable from here too, as they always were.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from vnplan.backends import connect, create_table_sql, ensure_tables, is_url
from vnplan.flatten import flatten, merge_rows
from vnplan.outputs import LoadError, OutputBatch, OutputFile, new_run_id, read_output, rows_written, runs_row
from vnplan.table_defs import DOCUMENT_TABLES

__all__ = [
    "DEFAULT_DB", "PAUSE_ENV", "LoadError", "LoadResult", "OutputBatch", "OutputFile", "connect",
    "create_table_sql", "ensure_tables", "is_url", "load", "new_run_id", "query", "read_output", "runs_row",
]

DEFAULT_DB = "out/vnplan.duckdb"
# Test hook: when set to a file path, a load writes that file after inserting about half
# of its tables and then waits, so tests can kill it mid-transaction.
PAUSE_ENV = "VNPLAN_LOAD_PAUSE_FILE"


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


def _pause_for_tests() -> None:
    path = os.environ.get(PAUSE_ENV)
    if path:
        Path(path).write_text(str(os.getpid()))
        time.sleep(3600)


def load(out_dir: Path | str, db: str = DEFAULT_DB, *, force: bool = False, skip_invalid: bool = False,
         on_step: Optional[Callable[[str], None]] = None) -> LoadResult:
    """Load one output folder into ``db`` in a single transaction (see module docstring).

    ``force`` reloads every document of ``out_dir``, unchanged or older ones included.
    ``on_step`` is told what the load is doing (for a progress display).
    """
    step = on_step or (lambda _msg: None)
    t0 = time.perf_counter()
    step(f"reading {out_dir}")
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
        step(f"validating {len(new) + len(replace)} new or changed document(s) of {len(batch.files)}")
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
            step(f"writing {name} ({len(rows[name])} rows, table {i + 1}/{len(DOCUMENT_TABLES)})")
            backend.insert(name, rows[name])
        written = rows_written(rows)
        counts = {"inserted": len(new), "replaced": len(replace), "unchanged": len(unchanged), "skipped": len(older) + len(batch.invalid)}
        backend.insert("runs", [runs_row(run_id, batch, counts, written)])
        step("committing")
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
        written,
        time.perf_counter() - t0,
    )


# what a read-only query may start with; anything else (COPY, EXPORT, ATTACH, INSTALL, LOAD,
# SET, PRAGMA, CALL, COMMIT, DDL and DML) is refused before the database is opened
READ_STATEMENTS = ("select", "with", "values", "table", "show", "describe", "explain", "summarize", "from")


def statements(sql: str) -> list[str]:
    """The statements of ``sql`` split at semicolons outside quotes, comments and $$ bodies."""
    out, cur, i, n = [], [], 0, len(sql)
    while i < n:
        ch = sql[i]
        if sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            cur.append(" ")
            i = j
            continue
        if sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j < 0 else j + 2
            cur.append(" ")
            i = j
            continue
        if ch in "'\"":
            j = i + 1
            while j < n and not (sql[j] == ch and not sql.startswith(ch * 2, j)):
                j += 2 if sql.startswith(ch * 2, j) else 1
            cur.append(sql[i:j + 1])
            i = j + 1
            continue
        if ch == "$":
            import re

            m = re.match(r"\$[A-Za-z_]*\$", sql[i:])
            if m:
                j = sql.find(m.group(0), i + len(m.group(0)))
                j = n if j < 0 else j + len(m.group(0))
                cur.append(sql[i:j])
                i = j
                continue
        if ch == ";":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return [x.strip() for x in out if x.strip()]


def read_only_statement(sql: str) -> str:
    """``sql`` when it is exactly one statement that only reads, else a LoadError saying why."""
    parts = statements(sql)
    if len(parts) != 1:
        raise LoadError(f"query refused: one SQL statement only ({len(parts)} given)")
    first = parts[0].split(None, 1)[0].lower().lstrip("(")
    if first not in READ_STATEMENTS:
        raise LoadError(f"query refused: '{first.upper()}' is not a read-only statement "
                        f"(allowed: {', '.join(w.upper() for w in READ_STATEMENTS)})")
    return parts[0]


def query(db: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one read-only SQL statement; returns (column names, rows). The statement is checked
    (one statement, a reading one), and the connection itself is read-only: a DuckDB file opened
    read-only with no access to other files, a PostgreSQL session whose transactions are all
    read-only."""
    sql = read_only_statement(sql)
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
