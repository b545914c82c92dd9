"""Flatten one extraction into rows of the tables of vnplan.table_defs.

One extraction becomes one ``documents`` row, one row per item in ``targets``, ``tasks``,
``scoring_criteria`` and ``awards`` (keyed by document id + item id), one row per owner
in ``task_agencies`` and one per campaign milestone in ``milestones``. Nested fields are
flattened (``deadline_*``, ``evidence_*``); lists of strings are kept as JSON text, and
so is every field this version has no column for (in ``extra``), so nothing is lost.
An item table's own columns are filled from the JSON fields of the same name, so a
column added to its definition is filled without a change here.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Optional

from vnplan.schema import Extraction
from vnplan.table_defs import DOCUMENT_TABLES, ITEM_TABLES, RENAMED_FIELDS, SHARED_ITEM_COLUMNS, TABLES


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


# item table → its own columns (see SHARED_ITEM_COLUMNS), in table order
_OWN_COLUMNS = {name: [c for c in TABLES[name].names if c not in SHARED_ITEM_COLUMNS] for name in ITEM_TABLES}
_WITH_DEADLINE = {name for name in ITEM_TABLES if "deadline_text" in TABLES[name].names}


def _item_row(table: str, doc_id: str, position: int, item) -> dict:
    """The row of one item of ``table``: shared columns, its own ones, evidence and extra."""
    row: dict[str, Any] = {"doc_id": doc_id, "item_id": item.id, "position": position}
    for col in _OWN_COLUMNS[table]:
        value = getattr(item, RENAMED_FIELDS.get(col, col))
        row[col] = _json(value) if isinstance(value, list) else value
    if table in _WITH_DEADLINE:
        row |= _deadline(item.deadline)
    ev = item.evidence
    row |= {
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
    row["extra"] = _extra_json(extra)
    return row


def _document_row(ext: Extraction) -> dict:
    d = ext.document
    period = ext.campaign.period if ext.campaign else None
    extra = _extra(ext)
    extra.update(_extra(d, "document."))
    extra.update(_extra(d.ingest, "document.ingest."))
    if ext.campaign:
        extra.update(_extra(ext.campaign, "campaign."))
        if period is not None:
            extra.update(_extra(period, "campaign.period."))
    return {
        "doc_id": d.id,
        "schema_version": ext.schema_version,
        "source": d.source,
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
        **{f"n_{name}": len(getattr(ext, name)) for name in ITEM_TABLES},
        "warnings": _json(d.warnings),
        "status": ext.status,
        "status_reason": ext.status_reason,
        "errors": _json([e.model_dump() for e in ext.errors]) if ext.errors else None,
        "extra": _extra_json(extra),
    }


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
    doc_id = ext.document.id
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    about_the_file = {"output_file": output_file, "content_sha256": content_sha256, "extracted_at": extracted_at, "run_id": run_id}
    rows["documents"].append(_document_row(ext) | about_the_file)
    for name in ITEM_TABLES:
        rows[name] = [_item_row(name, doc_id, i, item) for i, item in enumerate(getattr(ext, name), 1)]
    for k in ext.tasks:
        for role, names in (("lead", k.lead), ("support", k.support)):
            for j, agency in enumerate(names, 1):
                rows["task_agencies"].append({"doc_id": doc_id, "task_id": k.id, "role": role, "position": j, "agency": agency})
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
    """The rows of several extractions, table by table."""
    out: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    for part in parts:
        for name, rows in part.items():
            out[name].extend(rows)
    return out
