"""The tables data teams load and export, in memory: rows → Arrow tables and DataFrames.

The database loader (``vnplan load``, vnplan.database) and the file exporter (``vnplan
export``, :func:`read_tables` here) both write exactly the tables of vnplan.table_defs,
filled by vnplan.flatten; runs records each load or export. The names of those modules
are importable from here too, as they always were. ``python -m vnplan.tables`` prints
the "Tables" part of docs/database.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pandas as pd
import pyarrow as pa

from vnplan.flatten import duplicate_item_ids, flatten, merge_rows
from vnplan.outputs import new_run_id, read_output, rows_written, runs_row
from vnplan.table_defs import (
    DOCUMENT_TABLES,
    ITEM_TABLES,
    TABLES,
    TABLES_VERSION,
    TYPES,
    Column,
    Table,
    markdown_columns,
    markdown_tables,
)

__all__ = [
    "DOCUMENT_TABLES", "ITEM_TABLES", "TABLES", "TABLES_VERSION", "TYPES", "Column", "Table",
    "arrow_schema", "duplicate_item_ids", "flatten", "markdown_columns", "markdown_tables",
    "merge_rows", "read_tables", "to_arrow", "to_frame",
]

_ARROW = {
    "TEXT": pa.string(),
    "DOUBLE": pa.float64(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}
_PANDAS = {
    pa.string(): pd.StringDtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name, _ARROW[c.type]) for c in TABLES[table].columns])


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Rows → an Arrow table with exactly the documented columns and types."""
    schema = arrow_schema(table)
    return pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in schema.names}, schema=schema)


def to_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a DataFrame with nullable dtypes (string, Int32/Int64, Float64, boolean);
    DATE columns hold ``datetime.date`` objects, TIMESTAMP columns ``datetime64[us]``."""
    return to_arrow(table, rows).to_pandas(types_mapper=_PANDAS.get, date_as_object=True)


def read_tables(out_dir: Path | str, run_id: Optional[str] = None) -> dict[str, pd.DataFrame]:
    """Every table (``runs`` with one row describing this read) for a ``vnplan run`` folder.

    Raises ``vnplan.database.LoadError`` (one line) for a missing folder or an invalid file.
    """
    batch = read_output(out_dir)
    run_id = run_id or new_run_id()
    parts = [flatten(f.extraction, output_file=f.name, content_sha256=f.sha256, extracted_at=f.extracted_at, run_id=run_id) for f in batch.files]
    rows = merge_rows(parts)
    frames = {name: to_frame(name, rows[name]) for name in DOCUMENT_TABLES}
    counts = {"inserted": len(batch.files), "replaced": 0, "unchanged": 0, "skipped": len(batch.invalid)}
    frames["runs"] = to_frame("runs", [runs_row(run_id, batch, counts, rows_written(rows))])
    return frames


if __name__ == "__main__":
    print(markdown_tables())
