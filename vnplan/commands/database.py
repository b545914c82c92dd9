"""``vnplan load``, ``vnplan export`` and ``vnplan query``: the tables of docs/database.md.

``load`` puts a ``vnplan run`` output folder into DuckDB (a file path) or PostgreSQL
(a ``postgresql://`` URL) and can be re-run safely; ``export`` writes the same tables as
Parquet, CSV or Excel files without a database; ``query`` prints the result of one
read-only SQL statement as a small table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

FORMATS = ("parquet", "csv", "xlsx")


def _fail(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(1)


def load_cmd(
    out: Path = typer.Argument(..., help="Output folder of `vnplan run` (<stem>.json files)."),
    db: Optional[str] = typer.Option(None, "--db", help="DuckDB file path, or postgresql://user:pass@host:port/dbname "
                                     "(default: OUT/vnplan.duckdb, beside the files it holds)."),
    force: bool = typer.Option(False, "--force", help="Reload every document of OUT, even unchanged ones or ones older than what is loaded."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Load the valid files and skip invalid ones (default: refuse the load)."),
) -> None:
    """Load OUT into a database, in one transaction; re-running it changes nothing.

    A changed document replaces its older rows; unchanged ones are left alone. Exit status 1 on any error (the database is then unchanged).
    """
    from vnplan.database import LoadError, load

    from rich.console import Console

    db = db or str(out / "vnplan.duckdb")

    try:
        with Console(stderr=True).status("vnplan load") as status:
            res = load(out, db, force=force, skip_invalid=skip_invalid,
                       on_step=lambda msg: status.update(f"vnplan load: {msg}"))
    except LoadError as exc:
        _fail(str(exc))
    for line in res.invalid + res.skipped_older:
        typer.echo(f"skipped: {line}", err=True)
    for line in res.duplicates:
        typer.echo(f"warning: duplicate document id {line}", err=True)
    typer.echo(f"loaded {out} into {_safe(db)}: {res.summary()} (run {res.run_id})")


def export_cmd(
    out: Path = typer.Argument(..., help="Output folder of `vnplan run`."),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet | csv | xlsx"),
    dest: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for the files (default: OUT/tables-FORMAT)."),
) -> None:
    """Write every table (documents, targets, tasks, …): <table>.parquet or <table>.csv, or one
    workbook vnplan-tables.xlsx with a sheet per table."""
    from vnplan.database import LoadError
    from vnplan.tables import read_tables

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    try:
        frames = read_tables(out)
    except LoadError as exc:
        _fail(str(exc))
    dest = dest or out / f"tables-{fmt}"
    written = export_frames(frames, dest, fmt)
    typer.echo(f"wrote {len(written)} files to {dest}: " + ", ".join(f"{p.name} ({n} rows)" for p, n in written))


def export_frames(frames, dest: Path, fmt: str) -> list[tuple[Path, int]]:
    """Write each DataFrame to ``dest/<table>.<fmt>`` (xlsx: one workbook, a sheet per table)
    atomically, with the permissions the user's umask gives new files; returns (path, rows).
    Parquet files carry the documented Arrow type of every column, an all-empty one included."""
    import os
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    from vnplan.tables import TABLES, arrow_schema

    dest.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask

    def atomic(path: Path, write) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=dest)
        os.close(fd)
        try:
            write(tmp)
            os.chmod(tmp, mode)  # mkstemp makes 0600; an export is meant to be shared like any file
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    written = []
    if fmt == "xlsx":
        path = dest / "vnplan-tables.xlsx"
        atomic(path, lambda tmp: _write_workbook(frames, tmp))
        return [(path, sum(len(df) for df in frames.values()))]
    for name, df in frames.items():
        path = dest / f"{name}.{fmt}"
        if fmt == "parquet":
            schema = arrow_schema(name) if name in TABLES else None
            table = pa.Table.from_pandas(df, schema=schema, preserve_index=False) if schema is not None \
                else pa.Table.from_pandas(df, preserve_index=False)
            atomic(path, lambda tmp, t=table: pq.write_table(t, tmp))
        else:
            atomic(path, lambda tmp, d=df: d.to_csv(tmp, index=False, encoding="utf-8"))
        written.append((path, len(df)))
    return written


def _write_workbook(frames, path) -> None:
    """One sheet per table: header row frozen, filters on, columns as wide as their content."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for name, df in frames.items():
            _excel_safe(df).to_excel(xw, index=False, sheet_name=name[:31])
            ws = xw.sheets[name[:31]]
            ws.freeze_panes = "A2"
            if ws.max_column and ws.max_row:
                ws.auto_filter.ref = ws.dimensions
            for i, col in enumerate(df.columns, start=1):
                longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(500).tolist() if v is not None])
                ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))


def _excel_safe(df):
    """Excel refuses control characters (a stray form feed from a PDF): drop them from text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    df = df.copy()
    for col in df.columns:
        if str(df[col].dtype) == "string":
            df[col] = df[col].str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True)
    return df


def query_cmd(
    sql: str = typer.Argument(..., help="One SQL statement (read-only)."),
    db: str = typer.Option("out/vnplan.duckdb", "--db", help="DuckDB file path or postgresql:// URL."),
    csv: bool = typer.Option(False, "--csv", help="Print CSV instead of an aligned table."),
    max_rows: int = typer.Option(50, "--max-rows", help="Rows to print in table mode (0: all)."),
) -> None:
    """Run one read-only SQL statement against a loaded database and print the result."""
    import pandas as pd

    from vnplan.database import LoadError, query

    try:
        cols, rows = query(db, sql)
    except LoadError as exc:
        _fail(str(exc))
    df = pd.DataFrame(rows, columns=cols, dtype=object)  # keep ints as ints, NULL as None
    if csv:
        typer.echo(df.to_csv(index=False), nl=False)
        return
    if df.empty:
        typer.echo(" | ".join(cols) + "\n(0 rows)")
        return
    shown = df if max_rows <= 0 else df.head(max_rows)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200, "display.max_columns", None):
        typer.echo(shown.to_string(index=False))
    more = f", first {len(shown)} shown" if len(shown) < len(df) else ""
    typer.echo(f"({len(df)} rows{more})")


def _safe(db: str) -> str:
    """The database name without a password, for messages."""
    if "://" in db and "@" in db:
        scheme, rest = db.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return db


def register(app: typer.Typer) -> None:
    app.command("load")(load_cmd)
    app.command("export")(export_cmd)
    app.command("query")(query_cmd)
