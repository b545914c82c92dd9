"""The ``vnplan`` command line (typer).

Core commands live here; each later feature (restore, evaluate, load, review) keeps its
commands in ``vnplan/commands/<name>.py`` with a ``register(app)`` function, listed in
``COMMAND_MODULES`` below.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from vnplan import __version__

app = typer.Typer(
    name="vnplan",
    help="Turn Vietnamese provincial plans (Kế hoạch …/KH-UBND) into structured, versioned JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = ["restore", "evaluate", "database", "review"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnplan {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """vnplan: ingest, clean, restore diacritics and extract targets, tasks, scoring and awards."""


@app.command()
def run(
    paths: List[Path] = typer.Argument(..., help="Plan files or folders (searched recursively)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder for <stem>.json, <stem>.txt and run-report.json."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
    max_text_mb: float = typer.Option(20.0, "--max-text-mb", help="Refuse text files larger than this many MB (a plan is well under 1 MB)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Files processed in parallel (worker processes); 0: one per CPU core."),
    max_seconds: float = typer.Option(600.0, "--max-seconds", help="Give up on a file after this many seconds (0: no limit)."),
    max_expanded_mb: float = typer.Option(200.0, "--max-expanded-mb", help="Refuse a .docx that unpacks to more than this many MB."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", help="Refuse a file whose text runs over this many characters."),
    max_memory_mb: float = typer.Option(2048.0, "--max-memory-mb", help="Give up on a file whose worker grows by more than "
                                        "this many MB while reading it (0: no limit; with -j 2 or more)."),
    force: bool = typer.Option(False, "--force", help="Process every file again, even those whose outputs are up to date."),
    dask: Optional[str] = typer.Option(None, "--dask", help="'local': run the files on a Dask LocalCluster of --jobs "
                                       "worker processes on this machine."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run the files on an existing Dask cluster, "
                                            "e.g. tcp://host:8786 (files are sent to the workers; outputs written here)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line; failures are still printed."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per file: status, name, seconds and item counts."),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Also write each document's extraction as one JSON line "
                                         "to this file as it finishes ('-': standard output), for streaming."),
) -> None:
    """Process plans: write OUT/<stem>.json (schema-valid), OUT/<stem>.txt (normalized text) and OUT/run-report.json.

    A file whose bytes and whose vnplan are unchanged since its outputs were written is not
    read again (OUT/.vnplan-state; --force redoes everything).

    Exit status: 0 when every file was processed, 1 when any file failed (each failure is
    one line in the report and on stderr), 2 when there was nothing to process. A page that
    is not an administrative document is no failure: status not_a_plan, no items, the
    reason in the report. A file where one extractor failed is written with the rest
    (status partial, the stage and its error in the report and on stderr).

    Examples:

      vnplan run corpus/ -o out/ -j 2

      vnplan run plans/ -o out/ --quiet --jsonl - | jq .document.title

      vnplan run scans/ -o out/ --max-seconds 300 --verbose

      vnplan run plans/ -o out/ --scheduler tcp://10.0.0.5:8786
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from vnplan.pipeline import run_batch

    if dask not in (None, "local"):
        typer.echo(f"error: --dask takes 'local' (for a cluster elsewhere give --scheduler tcp://host:port), not {dask!r}",
                   err=True)
        raise typer.Exit(2)
    if out.exists() and not out.is_dir():
        typer.echo(f"error: {out}: exists and is not a folder (give -o a folder for the outputs)", err=True)
        raise typer.Exit(2)
    try:
        out_real = out.resolve()
        inputs = [p.resolve() for p in paths if p.is_dir()]
    except (OSError, RuntimeError):
        out_real, inputs = None, []
    if out_real is not None and out_real in inputs:
        typer.echo(f"error: {out}: the output folder is an input folder; outputs would mix with the plans "
                   f"(give -o another folder, e.g. {out / 'out'})", err=True)
        raise typer.Exit(2)

    console_err = sys.stderr
    printed: set[str] = set()
    progress = progress and not quiet
    stream = None
    if jsonl is not None:
        stream = sys.stdout if str(jsonl) == "-" else open(jsonl, "w", encoding="utf-8")  # noqa: SIM115
    with Progress(
        TextColumn("[bold]vnplan run"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        disable=not progress,
        transient=False,
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("", total=None)

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def on_progress(path: Path, res) -> None:
            bar.update(task, advance=1, description=path.name)
            if stream is not None and res.output:
                stream.write(json.dumps(json.loads(Path(res.output).read_text(encoding="utf-8")), ensure_ascii=False) + "\n")
                stream.flush()
            if verbose:
                counts = " ".join(f"{k}={v}" for k, v in res.counts.items() if v)
                bar.console.print(f"{res.status:<10} {path} ({res.seconds:.2f}s{', ' + counts if counts else ''})",
                                  highlight=False, markup=False)
            if res.status == "failed" and progress:
                bar.console.print(f"[red]FAILED[/red] {res.error}", highlight=False, markup=True)
                printed.add(res.source)
            elif res.status == "partial" and progress:
                bar.console.print(f"[yellow]PARTIAL[/yellow] {res.source}: {res.note}", highlight=False, markup=True)
                printed.add(res.source)

        try:
            report = run_batch(paths, out, on_progress=on_progress, on_start=on_start, jobs=jobs or os.cpu_count() or 1,
                               ingest={"max_text_mb": max_text_mb, "max_expanded_mb": max_expanded_mb,
                                       "max_chars": max_chars}, max_seconds=max_seconds or None, force=force,
                               max_memory_mb=max_memory_mb or None,
                               dask=scheduler or dask)
        except KeyboardInterrupt as exc:  # Ctrl+C or SIGTERM: the report of what finished is written
            bar.stop()
            typer.echo(f"interrupted ({exc or 'stopped'}); report: {Path(out) / 'run-report.json'}", err=True)
            raise typer.Exit(130) from None
    s = report["summary"]
    for f in report["files"]:  # once per failure, missing paths included
        if f["source"] in printed:
            continue
        if f["status"] == "failed":
            print(f"FAILED {f['error']}", file=console_err)
        elif f["status"] == "partial":
            print(f"PARTIAL {f['source']}: {f['note']}", file=console_err)
    if stream is not None and stream is not sys.stdout:
        stream.close()
    extra = "".join(f", {s[k]} {k.replace('_', ' ')}" for k in ("partial", "not_a_plan") if s.get(k))
    extra += f" ({s['reused']} of them reused: unchanged since the last run; --force redoes them)" if s.get("reused") else ""
    if not quiet:
        typer.echo(f"{s['ok']} ok{extra}, {s['failed']} failed; report: {Path(out) / 'run-report.json'}",
                   err=stream is sys.stdout)
    if s["files"] == 0:
        raise typer.Exit(2)
    if s["failed"]:
        raise typer.Exit(1)


@app.command()
def schema(out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to a file instead of stdout.")) -> None:
    """Print the JSON Schema of the extraction output (SCHEMA.md)."""
    from vnplan.io import write_atomic
    from vnplan.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if out:
        write_atomic(out, text + "\n")
    else:
        typer.echo(text)


def _fail(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(1)


@app.command()
def ingest(
    file: Path = typer.Argument(..., help="A plan file: text, PDF, image or .docx."),
    max_text_mb: float = typer.Option(20.0, "--max-text-mb", help="Refuse text files larger than this many MB."),
) -> None:
    """Print the raw text of FILE page by page, with how it was read."""
    from ingest import IngestError, ingest_file

    try:
        doc = ingest_file(file, max_text_mb=max_text_mb)
    except IngestError as exc:
        _fail(f"{file}: {exc}")
    typer.echo(f"# {doc.source} method={doc.method} encoding={doc.encoding} sha256={doc.sha256[:16]}", err=True)
    for w in doc.warnings:
        typer.echo(f"# warning: {w}", err=True)
    for page in doc.pages:
        if doc.has_pages:
            conf = f" confidence={page.confidence:.2f}" if page.confidence is not None else ""
            typer.echo(f"--- page {page.number} ({page.method}{conf}) ---")
        typer.echo(page.text)


@app.command()
def normalize(
    file: Path = typer.Argument(..., help="A plan file."),
    sections: bool = typer.Option(False, "--sections", help="Print the section tree instead of the text."),
    restore: bool = typer.Option(True, "--restore/--no-restore", help="Restore lost diacritics where detected."),
) -> None:
    """Print the normalized text of FILE (the text evidence offsets point into)."""
    from ingest import IngestError, ingest_file
    from normalize import normalize_document

    try:
        ndoc = normalize_document(ingest_file(file), restore=restore)
    except IngestError as exc:
        _fail(f"{file}: {exc}")
    for w in ndoc.warnings:
        typer.echo(f"# warning: {w}", err=True)
    if sections:
        for s in ndoc.sections:
            typer.echo(f"{'  ' * s.level}{s.path}\t{s.heading[:90]}")
    else:
        typer.echo(ndoc.text)


def _register_optional() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"vnplan.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"vnplan.commands.{name}":
                continue
            raise
        module.register(app)


_register_optional()

if __name__ == "__main__":
    app()
