"""Flatten extraction JSON files into the tables data teams load and export.

The database loader (``vnplan load``) and the file exporter (``vnplan export``) both write
exactly the tables defined here, so the column names and types below are the contract of
docs/database.md: add columns freely, never rename one. One extraction becomes one
``documents`` row, one row per item in ``targets``, ``tasks``, ``scoring_criteria`` and
``awards`` (keyed by document id + item id), one row per owner in ``task_agencies`` and
one per campaign milestone in ``milestones``; ``runs`` records each load or export.
Nested fields are flattened (``deadline_*``, ``evidence_*``); lists of strings and any
field this version does not know are kept as JSON text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

import pandas as pd
import pyarrow as pa

from vnplan.schema import Extraction

TABLES_VERSION = "1"
TYPES = ("TEXT", "DOUBLE", "BIGINT", "INTEGER", "BOOLEAN", "DATE", "TIMESTAMP")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of TYPES
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str = ""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(*specs: tuple[str, str, str] | tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)


_DEADLINE = _cols(
    ("deadline_text", "TEXT", "deadline in the plan's own words"),
    ("deadline_start", "DATE", "start of the deadline period, if any"),
    ("deadline_end", "DATE", "last day of the deadline period (quarter/month → its last day)"),
    ("deadline_recurring", "BOOLEAN", "true for recurring deadlines (hằng năm, hằng quý…)"),
    ("deadline_kind", "TEXT", "date, month, quarter, year, range, recurring, conditional, reference, other"),
)
_EVIDENCE = _cols(
    ("evidence_text", "TEXT", "the sentence(s) the item came from"),
    ("evidence_start", "INTEGER", "start offset into <stem>.txt"),
    ("evidence_end", "INTEGER", "end offset (exclusive) into <stem>.txt"),
    ("section", "TEXT", 'heading path, e.g. "III.1.2"'),
    ("page", "INTEGER", "1-based page where the input had pages"),
)
_ITEM_HEAD = _cols(
    ("doc_id", "TEXT", "documents.doc_id"),
    ("item_id", "TEXT", "item id within the document (t1, k1, s1, a1…)"),
    ("position", "INTEGER", "1-based order of the item in its list"),
)
_ITEM_TAIL = _EVIDENCE + _cols(
    ("confidence", "DOUBLE", "0..1"),
    ("warnings", "TEXT", "JSON array of strings"),
    ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            _cols(
                ("doc_id", "TEXT", "document.id: sha256 of the raw bytes, first 16 hex"),
                ("schema_version", "TEXT", "schema_version of the extraction file"),
                ("source", "TEXT", "input path as given to vnplan run"),
                ("output_file", "TEXT", "name of the <stem>.json file loaded"),
                ("number", "TEXT", "số hiệu, e.g. 186/KH-UBND"),
                ("doc_type", "TEXT", "Kế hoạch, Quyết định…"),
                ("issuer", "TEXT", "issuing body"),
                ("province", "TEXT", "canonical province name"),
                ("issued_date", "DATE", ""),
                ("title", "TEXT", ""),
                ("signer", "TEXT", ""),
                ("ingest_method", "TEXT", "text, pdf-text, ocr, docx, mixed"),
                ("diacritics_restored", "BOOLEAN", ""),
                ("pages", "INTEGER", "page count where the input had pages"),
                ("encoding", "TEXT", "detected text encoding"),
                ("ocr_confidence", "DOUBLE", ""),
                ("campaign_start", "DATE", "emulation period start"),
                ("campaign_end", "DATE", "emulation period end"),
                ("campaign_text", "TEXT", "emulation period in the plan's words"),
                ("n_targets", "INTEGER", "item counts of this document"),
                ("n_tasks", "INTEGER", ""),
                ("n_scoring_criteria", "INTEGER", ""),
                ("n_awards", "INTEGER", ""),
                ("warnings", "TEXT", "JSON array of document warnings"),
                ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
                ("content_sha256", "TEXT", "sha256 of the <stem>.json file's bytes: unchanged files are not reloaded"),
                ("extracted_at", "TIMESTAMP", "UTC time the extraction was written (run-report or file time)"),
                ("run_id", "TEXT", "runs.run_id of the load that wrote this document's rows"),
            ),
            ("doc_id",),
            "one row per extraction file",
        ),
        Table(
            "targets",
            _ITEM_HEAD
            + _cols(
                ("metric", "TEXT", "what is measured"),
                ("comparator", "TEXT", "> >= = <= < range"),
                ("value", "DOUBLE", ""),
                ("value_max", "DOUBLE", "upper bound for ranges"),
                ("unit", "TEXT", "%, count, VND, points, free text"),
                ("applies_to", "TEXT", "tỉnh, sở ngành, cấp huyện, cấp xã, …, free text"),
                ("adjustments", "TEXT", "JSON array of strings"),
            )
            + _DEADLINE
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "chỉ tiêu: one measurable target per row",
        ),
        Table(
            "tasks",
            _ITEM_HEAD + _cols(("text", "TEXT", "the task")) + _DEADLINE + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "nhiệm vụ; owners are in task_agencies",
        ),
        Table(
            "task_agencies",
            _cols(
                ("doc_id", "TEXT", "documents.doc_id"),
                ("task_id", "TEXT", "tasks.item_id"),
                ("role", "TEXT", "lead, support"),
                ("position", "INTEGER", "1-based order within the role"),
                ("agency", "TEXT", "agency name as extracted"),
            ),
            ("doc_id", "task_id", "role", "position"),
            "one row per lead or supporting agency of a task",
        ),
        Table(
            "scoring_criteria",
            _ITEM_HEAD
            + _cols(
                ("criterion_group", "TEXT", "the criterion's group heading (JSON field `group`)"),
                ("level", "TEXT", "who is scored: cấp huyện, sở ngành…"),
                ("criterion", "TEXT", ""),
                ("kind", "TEXT", "base, bonus, penalty"),
                ("max_points", "DOUBLE", ""),
                ("method", "TEXT", "ratio_times_max, yes_no, per_item, threshold, other"),
                ("per_item_points", "DOUBLE", ""),
                ("threshold", "DOUBLE", ""),
                ("formula_text", "TEXT", ""),
            )
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "rows of a scoring table (thang điểm)",
        ),
        Table(
            "awards",
            _ITEM_HEAD
            + _cols(
                ("form", "TEXT", "Bằng khen, Giấy khen, …"),
                ("grantor", "TEXT", ""),
                ("recipient", "TEXT", "tập thể, cá nhân"),
                ("level", "TEXT", ""),
                ("max_count", "BIGINT", "quota: không quá N → N"),
                ("rank", "TEXT", "Nhất, Nhì, Ba where ranked"),
                ("prize_vnd", "BIGINT", "prize in đồng"),
            )
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "khen thưởng quotas",
        ),
        Table(
            "milestones",
            _cols(
                ("doc_id", "TEXT", "documents.doc_id"),
                ("position", "INTEGER", "1-based order in campaign.milestones"),
                ("name", "TEXT", "sơ kết, tổng kết…"),
                ("text", "TEXT", "the milestone in the plan's words"),
                ("start_date", "DATE", ""),
                ("end_date", "DATE", ""),
                ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
            ),
            ("doc_id", "position"),
            "campaign milestones",
        ),
        Table(
            "runs",
            _cols(
                ("run_id", "TEXT", "unique id of one load (or export)"),
                ("loaded_at", "TIMESTAMP", "UTC time of the load"),
                ("source_dir", "TEXT", "the output folder read"),
                ("vnplan_version", "TEXT", ""),
                ("files_read", "INTEGER", "extraction files found"),
                ("documents_inserted", "INTEGER", "documents new to the database"),
                ("documents_replaced", "INTEGER", "documents whose rows were replaced by a newer extraction"),
                ("documents_unchanged", "INTEGER", "documents already loaded with the same content"),
                ("documents_skipped", "INTEGER", "older than the loaded extraction, or invalid and skipped"),
                ("rows_written", "BIGINT", "rows inserted into all item tables by this load"),
                ("report_failed", "INTEGER", "files run-report.json lists as failed"),
                ("schema_versions", "TEXT", "distinct schema_version values read, comma separated"),
            ),
            ("run_id",),
            "one row per load",
        ),
    )
}
ITEM_TABLES = ("targets", "tasks", "scoring_criteria", "awards")
DOCUMENT_TABLES = ("documents", "targets", "tasks", "task_agencies", "scoring_criteria", "awards", "milestones")

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


def markdown_columns(table: str) -> str:
    """The column table of docs/database.md for one table (a test keeps the doc in sync)."""
    lines = ["| column | type | notes |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in TABLES[table].columns]
    return "\n".join(lines)


def markdown_tables() -> str:
    """The "Tables" part of docs/database.md: ``python -m vnplan.tables`` prints it."""
    parts = []
    for t in TABLES.values():
        parts.append(f"### {t.name}\n\n{t.doc[0].upper()}{t.doc[1:]}. Key: `({', '.join(t.key)})`.\n\n{markdown_columns(t.name)}\n")
    return "\n".join(parts)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name, _ARROW[c.type]) for c in TABLES[table].columns])


# ---------------------------------------------------------------- flattening


def _date(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# Fields the schema declares beyond the columns of the tables: kept, with undeclared
# extras, in each row's ``extra`` JSON column so that nothing in an extraction is lost.
_EXTENSION_FIELDS = {
    "DocumentInfo": ("issued_date_text", "issued_year", "issued_month"),
    "Campaign": ("warnings",),
    "Period": ("phases", "evidence"),
    "Milestone": ("evidence",),
    "Target": ("numerator", "denominator"),
    "Task": ("layout", "group"),
    "ScoringCriterion": ("target_value", "min_ratio"),
    "Award": ("notes", "per_unit_limit"),
}


def _extra(model, prefix: str = "") -> dict:
    out = {}
    for name in _EXTENSION_FIELDS.get(type(model).__name__, ()):
        value = getattr(model, name, None)
        if value not in (None, [], ""):
            out[f"{prefix}{name}"] = value.model_dump() if hasattr(value, "model_dump") else value
    out.update({f"{prefix}{k}": v for k, v in (model.model_extra or {}).items()})
    return out


def _extra_json(extra: dict) -> Optional[str]:
    return _json(extra) if extra else None


def _deadline(d) -> dict:
    if d is None:
        return {"deadline_text": None, "deadline_start": None, "deadline_end": None, "deadline_recurring": None, "deadline_kind": None}
    return {
        "deadline_text": d.text,
        "deadline_start": _date(d.start),
        "deadline_end": _date(d.end),
        "deadline_recurring": d.recurring,
        "deadline_kind": d.kind,
    }


def _item(doc_id: str, position: int, item) -> tuple[dict, dict]:
    ev = item.evidence
    head = {"doc_id": doc_id, "item_id": item.id, "position": position}
    tail = {
        "evidence_text": ev.text,
        "evidence_start": ev.span[0],
        "evidence_end": ev.span[1],
        "section": ev.section,
        "page": ev.page,
        "confidence": item.confidence,
        "warnings": _json(item.warnings),
    }
    extra = _extra(item)
    extra.update(_extra(ev, "evidence."))
    if getattr(item, "deadline", None) is not None:
        extra.update(_extra(item.deadline, "deadline."))
    tail["extra"] = _extra_json(extra)
    return head, tail


def flatten(
    extraction: Extraction,
    *,
    output_file: Optional[str] = None,
    content_sha256: Optional[str] = None,
    extracted_at: Optional[dt.datetime] = None,
    run_id: Optional[str] = None,
) -> dict[str, list[dict]]:
    """Rows of every document table for one extraction (keys: DOCUMENT_TABLES)."""
    ext = extraction
    d = ext.document
    doc_id = d.id
    period = ext.campaign.period if ext.campaign else None
    extra = _extra(ext)
    extra.update(_extra(d, "document."))
    extra.update(_extra(d.ingest, "document.ingest."))
    if ext.campaign:
        extra.update(_extra(ext.campaign, "campaign."))
        if period is not None:
            extra.update(_extra(period, "campaign.period."))
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    rows["documents"].append(
        {
            "doc_id": doc_id,
            "schema_version": ext.schema_version,
            "source": d.source,
            "output_file": output_file,
            "number": d.number,
            "doc_type": d.doc_type,
            "issuer": d.issuer,
            "province": d.province,
            "issued_date": _date(d.issued_date),
            "title": d.title,
            "signer": d.signer,
            "ingest_method": d.ingest.method,
            "diacritics_restored": d.ingest.diacritics_restored,
            "pages": d.ingest.pages,
            "encoding": d.ingest.encoding,
            "ocr_confidence": d.ingest.ocr_confidence,
            "campaign_start": _date(period.start) if period else None,
            "campaign_end": _date(period.end) if period else None,
            "campaign_text": period.text if period else None,
            "n_targets": len(ext.targets),
            "n_tasks": len(ext.tasks),
            "n_scoring_criteria": len(ext.scoring_criteria),
            "n_awards": len(ext.awards),
            "warnings": _json(d.warnings),
            "extra": _extra_json(extra),
            "content_sha256": content_sha256,
            "extracted_at": extracted_at,
            "run_id": run_id,
        }
    )
    for i, t in enumerate(ext.targets, 1):
        head, tail = _item(doc_id, i, t)
        body = {
            "metric": t.metric,
            "comparator": t.comparator,
            "value": t.value,
            "value_max": t.value_max,
            "unit": t.unit,
            "applies_to": t.applies_to,
            "adjustments": _json(t.adjustments),
        }
        rows["targets"].append(head | body | _deadline(t.deadline) | tail)
    for i, k in enumerate(ext.tasks, 1):
        head, tail = _item(doc_id, i, k)
        rows["tasks"].append(head | {"text": k.text} | _deadline(k.deadline) | tail)
        for role, names in (("lead", k.lead), ("support", k.support)):
            for j, agency in enumerate(names, 1):
                rows["task_agencies"].append({"doc_id": doc_id, "task_id": k.id, "role": role, "position": j, "agency": agency})
    for i, s in enumerate(ext.scoring_criteria, 1):
        head, tail = _item(doc_id, i, s)
        body = {
            "criterion_group": s.group,
            "level": s.level,
            "criterion": s.criterion,
            "kind": s.kind,
            "max_points": s.max_points,
            "method": s.method,
            "per_item_points": s.per_item_points,
            "threshold": s.threshold,
            "formula_text": s.formula_text,
        }
        rows["scoring_criteria"].append(head | body | tail)
    for i, a in enumerate(ext.awards, 1):
        head, tail = _item(doc_id, i, a)
        body = {
            "form": a.form,
            "grantor": a.grantor,
            "recipient": a.recipient,
            "level": a.level,
            "max_count": a.max_count,
            "rank": a.rank,
            "prize_vnd": a.prize_vnd,
        }
        rows["awards"].append(head | body | tail)
    for i, m in enumerate(ext.campaign.milestones if ext.campaign else [], 1):
        rows["milestones"].append(
            {
                "doc_id": doc_id,
                "position": i,
                "name": m.name,
                "text": m.text,
                "start_date": _date(m.start),
                "end_date": _date(m.end),
                "extra": _extra_json(_extra(m)),
            }
        )
    return rows


def duplicate_item_ids(extraction: Extraction) -> list[str]:
    """``"targets t1"`` for every item id used twice in one list (the tables' keys forbid it)."""
    dups = []
    for name in ITEM_TABLES:
        seen: set[str] = set()
        for item in getattr(extraction, name):
            if item.id in seen:
                dups.append(f"{name} {item.id}")
            seen.add(item.id)
    return dups


def merge_rows(parts: Iterable[dict[str, list[dict]]]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    for part in parts:
        for name, rows in part.items():
            out[name].extend(rows)
    return out


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Rows → an Arrow table with exactly the documented columns and types."""
    schema = arrow_schema(table)
    return pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in schema.names}, schema=schema)


def to_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows → a DataFrame with nullable dtypes (string, Int32/Int64, Float64, boolean);
    DATE columns hold ``datetime.date`` objects, TIMESTAMP columns ``datetime64[us]``."""
    return to_arrow(table, rows).to_pandas(types_mapper=_PANDAS.get, date_as_object=True)


# ---------------------------------------------------------------- whole folders


def read_tables(out_dir: Path | str, run_id: Optional[str] = None) -> dict[str, pd.DataFrame]:
    """Every table (``runs`` with one row describing this read) for a ``vnplan run`` folder.

    Raises ``vnplan.database.LoadError`` (one line) for a missing folder or an invalid file.
    """
    from vnplan.database import new_run_id, read_output, runs_row

    batch = read_output(out_dir)
    run_id = run_id or new_run_id()
    parts = [flatten(f.extraction, output_file=f.name, content_sha256=f.sha256, extracted_at=f.extracted_at, run_id=run_id) for f in batch.files]
    rows = merge_rows(parts)
    frames = {name: to_frame(name, rows[name]) for name in DOCUMENT_TABLES}
    counts = {"inserted": len(batch.files), "replaced": 0, "unchanged": 0, "skipped": len(batch.invalid)}
    frames["runs"] = to_frame("runs", [runs_row(run_id, batch, counts, sum(len(rows[n]) for n in DOCUMENT_TABLES if n != "documents"))])
    return frames


if __name__ == "__main__":
    print(markdown_tables())
