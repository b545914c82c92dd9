"""The Python API: ``vnplan.extract(path)`` for one document, ``vnplan.run(paths, out)`` for a
batch, as the command line does them.

    import vnplan
    result = vnplan.extract("plans/ke-hoach-24-kh-ubnd.txt")
    result.document.province, len(result.tasks)        # the pydantic model (vnplan.schema)
    result.to_json()                                    # the JSON vnplan run writes
    vnplan.rows(result)["tasks"]                        # one dict per task, as in the database
    vnplan.frames(result)["targets"]                    # a pandas DataFrame per table
    report = vnplan.run(["corpus/"], "out", jobs=2)     # writes OUT/<stem>.json, .txt, run-report.json

Like Docling's ``DocumentConverter().convert``, ``extract`` does not raise on a document that
is read but holds nothing: its ``status`` says so (``ok``, ``partial``, ``not_a_plan``). A file
that cannot be read raises ``ingest.model.IngestError`` with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from vnplan.schema import Extraction


def extract(path: str | Path, **options) -> Extraction:
    """Read, clean and extract one document; ``options`` as ``vnplan.pipeline.process`` takes
    them (``ingest={"lang": "vie"}``, ``normalize={"restore": False}`` …)."""
    from vnplan.pipeline import process

    extraction, _text, _warnings = process(Path(path), **options)
    return extraction


def run(paths: Iterable[str | Path], out: str | Path, jobs: int = 1, on_progress=None, **options) -> dict:
    """Process files and folders into ``out`` as ``vnplan run`` does; returns the run report
    (also written to ``out/run-report.json``)."""
    from vnplan.pipeline import run_batch

    return run_batch([Path(p) for p in paths], Path(out), on_progress=on_progress, jobs=jobs, **options)


def rows(extraction: Extraction) -> dict[str, list[dict]]:
    """The extraction as the database's tables: ``{"documents": [...], "targets": [...], …}``,
    one flat dict per row with the columns of docs/database.md."""
    from vnplan.flatten import flatten

    return flatten(extraction)


def frames(extraction: Extraction, tables: Optional[Iterable[str]] = None) -> dict:
    """``rows(extraction)`` as typed pandas DataFrames (nullable dtypes, dates as dates)."""
    from vnplan.tables import to_frame

    data = rows(extraction)
    return {name: to_frame(name, data[name]) for name in (tables or data)}
