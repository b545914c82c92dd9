"""Read a ``vnplan run`` output folder: its extraction files, their hashes and times.

Both the database loader (vnplan.database) and the file exporter (vnplan.tables) start
here. A file is read and hashed at once but validated only when its rows are needed,
so that reloading an unchanged folder is cheap; ``runs_row`` describes one such read for
the ``runs`` table. Problems with the input are a LoadError with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError
from pydantic_core import from_json

from vnplan.flatten import duplicate_item_ids
from vnplan.io import map_leaves
from vnplan.schema import Extraction
from vnplan.table_defs import DOCUMENT_TABLES


class LoadError(Exception):
    """Bad input or database; the message is one line naming the reason."""


INT64_MAX = 2**63 - 1  # BIGINT in DuckDB and PostgreSQL


def _out_of_range(data, path: str = "") -> Optional[str]:
    """The dotted path of the first integer a BIGINT column cannot hold, else None."""
    if isinstance(data, bool):
        return None
    if isinstance(data, int):
        return path or "(top)" if abs(data) > INT64_MAX else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for k, v in items:
        got = _out_of_range(v, f"{path}.{k}" if path else str(k))
        if got:
            return got
    return None


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
            if big := _out_of_range(self.data):
                raise LoadError(f"{self.path}: invalid extraction at {big}: integer out of the database's range "
                                f"(±{INT64_MAX:,})")
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
    return value.replace("\x00", "") if isinstance(value, str) else value


def read_output(out_dir: Path | str, skip_invalid: bool = False, validate: bool = True) -> OutputBatch:
    """Read every ``*.json`` extraction directly in ``out_dir`` (one per document id).

    Every ``*.json`` but ``run-report.json`` must be an extraction: a JSON file without a
    ``document`` object, an invalid extraction or an integer a BIGINT column cannot hold
    raises LoadError naming the file (and field) unless ``skip_invalid``; then it is listed in
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
            # every *.json here but the run report is an extraction: anything else is an error
            kind = f"JSON {type(data).__name__}" if not isinstance(data, dict) else "JSON object without a 'document' object"
            problem = f"{path}: not a vnplan extraction (a {kind})"
            if not skip_invalid:
                raise LoadError(problem)
            batch.invalid.append(problem)
            continue
        if b"\\u0000" in raw:  # PostgreSQL text cannot hold NUL (a broken PDF can leave one)
            data = map_leaves(data, _strip_nul)
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


def rows_written(rows: dict[str, list[dict]]) -> int:
    """The ``rows_written`` of a ``runs`` row: rows of every table but ``documents``."""
    return sum(len(rows[n]) for n in DOCUMENT_TABLES if n != "documents")
