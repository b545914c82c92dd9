"""Scoring of the document block (number, type, issuer, province, date, title, signer).

The item scores say whether vnplan found the targets and tasks; a data team also needs
every row keyed to the right document, so the header fields are scored on their own.
Comparisons are stricter than for item fields: a predicted title that runs on into the
grounds ("… Căn cứ Luật …") is wrong, so free text compares by whole-string similarity
(rapidfuzz ``ratio`` >= 90 on folded text), not by token-set containment.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from vnplan.matching import fold_name

DOC_FIELDS = ("number", "doc_type", "issuer", "province", "issued_date", "title", "signer")
_EXACT = {"number", "doc_type", "province", "issued_date"}


def _norm(field: str, value: Any) -> str:
    s = fold_name(value)
    if field == "number":
        s = re.sub(r"\s+", "", s)
    return s.strip(" .\"“”")


def doc_field_equal(field: str, gold: Any, pred: Any) -> bool:
    g, p = _norm(field, gold), _norm(field, pred)
    if not g or not p:
        return g == p
    if field in _EXACT:
        return g == p
    return g == p or fuzz.ratio(g, p) >= 90


def compare_document_block(gold: dict, pred: dict) -> dict[str, list]:
    """{field: [gold, pred, right]} for every document field the gold states (null included)."""
    g_doc, p_doc = (gold or {}).get("document") or {}, (pred or {}).get("document") or {}
    out = {}
    for f in DOC_FIELDS:
        if f not in g_doc:
            continue
        out[f] = [g_doc.get(f), p_doc.get(f), doc_field_equal(f, g_doc.get(f), p_doc.get(f))]
    return out


def total_document_block(per_doc: list[dict]) -> dict:
    """Per-field and overall accuracy over the documents' ``compare_document_block`` results."""
    fields = {}
    for f in DOC_FIELDS:
        vals = [d[f][2] for d in per_doc if f in d]
        fields[f] = {"checked": len(vals), "right": sum(vals), "accuracy": round(sum(vals) / len(vals), 4) if vals else None}
    n = sum(v["checked"] for v in fields.values())
    ok = sum(v["right"] for v in fields.values())
    return {"fields": fields, "checked": n, "right": ok, "accuracy": round(ok / n, 4) if n else None}
