"""DuckDB and PostgreSQL behind one small interface, and the tables' DDL in each dialect.

The loader (vnplan.database) needs only: begin, commit, rollback, execute, query, the
columns of a table, deleting a set of documents' rows and inserting rows. DuckDB is
embedded and inserts Arrow tables directly; PostgreSQL goes through SQLAlchemy with
psycopg and receives rows with COPY. Tables are created when missing and gain the
columns a newer vnplan defines; columns are never renamed or dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vnplan.outputs import LoadError
from vnplan.table_defs import TABLES
from vnplan.tables import to_arrow

_SQL_TYPES = {
    "duckdb": {"TEXT": "VARCHAR", "DOUBLE": "DOUBLE", "BIGINT": "BIGINT", "INTEGER": "INTEGER", "BOOLEAN": "BOOLEAN", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"},
    "postgresql": {"TEXT": "TEXT", "DOUBLE": "DOUBLE PRECISION", "BIGINT": "BIGINT", "INTEGER": "INTEGER", "BOOLEAN": "BOOLEAN", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"},
}


def create_table_sql(name: str, dialect: str) -> str:
    t = TABLES[name]
    cols = ",\n  ".join(f"{c.name} {_SQL_TYPES[dialect][c.type]}" + (" NOT NULL" if c.name in t.key else "") for c in t.columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols},\n  PRIMARY KEY ({', '.join(t.key)})\n)"


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


def is_url(db: str) -> bool:
    return "://" in str(db)


def _sqlalchemy_url(url: str) -> str:
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise LoadError(f"unsupported database URL {url.split('://')[0]}:// (use a file path for DuckDB or postgresql://…)")


class _Backend:
    """What the two backends share: one connection, one transaction at a time."""

    dialect: str
    con: Any  # DuckDB's connection, or SQLAlchemy's for PostgreSQL

    def begin(self) -> None:
        self.con.begin()

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        try:
            self.con.rollback()
        except Exception:
            pass

    def close(self) -> None:
        self.con.close()


class _DuckDB(_Backend):
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
            if read_only:  # no file outside the database is read or written (COPY … TO, read_csv)
                self.con.execute("SET enable_external_access = false")
                self.con.execute("SET lock_configuration = true")
        except duckdb.Error as exc:
            raise LoadError(f"{path}: cannot open DuckDB database: {str(exc).splitlines()[0]}") from exc

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


class _Postgres(_Backend):
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        import sqlalchemy as sa

        self.engine = sa.create_engine(_sqlalchemy_url(url), poolclass=sa.pool.NullPool)
        try:
            self.con = self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            raise LoadError(f"cannot connect to PostgreSQL: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}") from exc
        self.raw = self.con.connection.driver_connection  # psycopg.Connection, same transaction
        self.read_only = read_only
        if read_only:  # every transaction of this session is read-only, one ended by a COMMIT too
            self.raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            self.raw.execute("SET default_transaction_read_only = on")

    def begin(self) -> None:
        super().begin()
        if self.read_only:
            self.execute("SET TRANSACTION READ ONLY")

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
        super().close()
        self.engine.dispose()


def connect(db: str, read_only: bool = False) -> _Backend:
    """A backend for a DuckDB file path or a ``postgresql://`` URL."""
    db = str(db)
    if is_url(db):
        return _Postgres(db, read_only=read_only)
    return _DuckDB(db, read_only=read_only)
