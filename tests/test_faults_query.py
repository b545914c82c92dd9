"""``vnplan query`` is read-only for real (issue 14, item 4): one statement, a reading one,
on a connection that cannot write — each escape a hostile user tried is refused, on DuckDB
and on a real PostgreSQL server, and the database is unchanged afterwards."""

from __future__ import annotations

import pytest

from pg_server import pg_server, pg_url  # noqa: F401  (pytest fixtures)
from test_database import snapshot, two_plans, write_output
from vnplan.backends import connect
from vnplan.database import LoadError, load, query

ESCAPES = [
    "SELECT 1; COMMIT; DROP TABLE awards",  # a second statement after ending the transaction
    "SELECT 1; DROP TABLE awards",
    "DROP TABLE awards",
    "DELETE FROM tasks",
    "COPY (SELECT * FROM tasks) TO '{out}/leak.csv'",
    "EXPORT DATABASE '{out}/dump'",
    "ATTACH '{out}/other.duckdb' AS other",
    "INSTALL httpfs",
    "SET default_transaction_read_only = off",
    "COMMIT",
]


@pytest.fixture(params=["duckdb", "postgresql"])
def loaded(request, tmp_path) -> str:
    db = str(tmp_path / "plans.duckdb") if request.param == "duckdb" else request.getfixturevalue("pg_url")
    load(write_output(tmp_path / "out", two_plans()), db)
    return db


@pytest.mark.parametrize("sql", ESCAPES)
def test_each_escape_is_refused_and_nothing_changes(loaded, tmp_path, sql):
    before = snapshot(loaded)
    with pytest.raises(LoadError, match="refused|read-only|read only"):
        query(loaded, sql.format(out=tmp_path))
    assert snapshot(loaded) == before
    assert not list(tmp_path.glob("leak*")) and not (tmp_path / "dump").exists()


def test_a_reading_statement_still_answers(loaded):
    assert query(loaded, "SELECT count(*) FROM documents")[1] == [(2,)]
    assert query(loaded, "WITH d AS (SELECT doc_id FROM documents) SELECT count(*) FROM d -- a comment; with a semicolon")[1] == [(2,)]


def test_the_connection_itself_cannot_write_even_past_the_statement_check(loaded, tmp_path):
    """What the statement check would let through is still stopped by the connection."""
    backend = connect(loaded, read_only=True)
    try:
        if backend.dialect == "postgresql":
            backend.raw.execute("COMMIT")  # end whatever transaction, then try to write
            with pytest.raises(Exception, match="read-only"):
                backend.raw.execute("DROP TABLE awards")
        else:
            with pytest.raises(Exception):
                backend.con.execute(f"COPY (SELECT 1) TO '{tmp_path}/x.csv'")
            assert not (tmp_path / "x.csv").exists()
            with pytest.raises(Exception):
                backend.con.execute("DROP TABLE awards")
    finally:
        backend.close()
    assert query(loaded, "SELECT count(*) FROM awards")[1][0][0] >= 0
