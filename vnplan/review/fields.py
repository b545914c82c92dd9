"""The fields a reviewer edits per item type, and their server-side validation.

The page builds its edit and add forms from ``FIELD_SPECS`` (so the form and the checks
never drift apart). Submitted values arrive as the strings typed; ``apply_form`` turns
them into JSON values on a copy of the item and ``validate_item`` runs the pydantic
models of vnplan.schema over the result, turning every refusal into one readable line
per field (``deadline.end: not a valid ISO date YYYY-MM-DD: '2023-02-30'``).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import ValidationError

from vnplan.io import map_leaves
from vnplan.schema import ITEM_TYPES

_DEADLINE = [
    {"path": "deadline.text", "label": "Deadline (original words)", "kind": "text"},
    {"path": "deadline.start", "label": "Deadline start", "kind": "date"},
    {"path": "deadline.end", "label": "Deadline end", "kind": "date"},
    {"path": "deadline.recurring", "label": "Recurring", "kind": "bool"},
]
_EVIDENCE = [{"path": "evidence.section", "label": "Section", "kind": "text"}]

FIELD_SPECS: dict[str, list[dict]] = {
    "targets": [
        {"path": "metric", "label": "Metric", "kind": "longtext", "required": True},
        {"path": "comparator", "label": "Comparator", "kind": "select", "options": [">", ">=", "=", "<=", "<", "range"]},
        {"path": "value", "label": "Value", "kind": "number"},
        {"path": "value_max", "label": "Value max (ranges)", "kind": "number"},
        {"path": "unit", "label": "Unit (%, count, VND, points or a measure)", "kind": "text"},
        {"path": "unit_text", "label": "Unit words (a count's noun)", "kind": "text"},
        {"path": "applies_to", "label": "Applies to", "kind": "text"},
        {"path": "adjustments", "label": "Adjustments (one a line)", "kind": "lines"},
        *_DEADLINE,
        *_EVIDENCE,
    ],
    "tasks": [
        {"path": "text", "label": "Task", "kind": "longtext", "required": True},
        {"path": "lead", "label": "Lead (one a line)", "kind": "lines"},
        {"path": "support", "label": "Support (one a line)", "kind": "lines"},
        *_DEADLINE,
        *_EVIDENCE,
    ],
    "scoring_criteria": [
        {"path": "criterion", "label": "Criterion", "kind": "longtext", "required": True},
        {"path": "group", "label": "Group", "kind": "text"},
        {"path": "level", "label": "Level", "kind": "text"},
        {"path": "kind", "label": "Kind", "kind": "select", "options": ["base", "bonus", "penalty"]},
        {"path": "max_points", "label": "Max points", "kind": "number"},
        {"path": "method", "label": "Method", "kind": "select",
         "options": ["ratio_times_max", "yes_no", "per_item", "threshold", "other"]},
        {"path": "per_item_points", "label": "Points per item", "kind": "number"},
        {"path": "threshold", "label": "Threshold", "kind": "number"},
        {"path": "formula_text", "label": "Formula (words)", "kind": "text"},
        *_EVIDENCE,
    ],
    "awards": [
        {"path": "form", "label": "Form", "kind": "text", "required": True},
        {"path": "grantor", "label": "Grantor", "kind": "text"},
        {"path": "recipient", "label": "Recipient", "kind": "text"},
        {"path": "level", "label": "Level", "kind": "text"},
        {"path": "max_count", "label": "Max count", "kind": "int"},
        {"path": "rank", "label": "Rank", "kind": "text"},
        {"path": "prize_vnd", "label": "Prize (VND)", "kind": "int"},
        *_EVIDENCE,
    ],
}
TYPE_LABELS = {"targets": "Target", "tasks": "Task", "scoring_criteria": "Scoring criterion", "awards": "Award"}
ID_PREFIX = {"targets": "t", "tasks": "k", "scoring_criteria": "s", "awards": "a"}


class FormError(ValueError):
    """Refused input: ``errors`` maps a field path to a readable message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _number(raw: str, integer: bool) -> float | int:
    s = raw.strip().replace(" ", "").replace("\u00a0", "")
    if integer and re.fullmatch(r"\d{1,3}([.,]\d{3})+", s):  # 20.000.000 đồng
        s = re.sub(r"[.,]", "", s)
    elif "," in s and "." not in s and s.count(",") == 1:  # 0,5
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise ValueError(f"{raw.strip()!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{raw.strip()!r} is not a number")
    if integer:
        if not value.is_integer():
            raise ValueError(f"{raw.strip()!r} is not a whole number")
        return int(value)
    return int(value) if value.is_integer() else value


MAX_FIELD_CHARS = 20_000  # a field of a plan's item (a task's text is a few hundred characters)


def _checked_text(raw: Any) -> str:
    """A string as sent: no other type is turned into text, no lone surrogate, no runaway size."""
    if not isinstance(raw, str):
        raise ValueError(f"must be text, not {type(raw).__name__}")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text (a lone surrogate)") from None
    if len(raw) > MAX_FIELD_CHARS:
        raise ValueError(f"is {len(raw):,} characters long, over the limit of {MAX_FIELD_CHARS:,}")
    return raw


def _convert(spec: dict, raw: Any) -> Any:
    kind = spec["kind"]
    if kind == "bool":
        if raw not in (True, False, "true", "false", "on", "off", "1", "0", 1, 0, None, ""):
            raise ValueError(f"must be true or false, not {raw!r}"[:120])
        return raw in (True, "true", "on", "1", 1)
    if kind == "lines":
        items = raw if isinstance(raw, list) else _checked_text(raw if raw is not None else "").splitlines()
        return [_checked_text(x).strip() for x in items if _checked_text(x).strip()]
    if raw is not None and not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
        raise ValueError(f"must be text or a number, not {type(raw).__name__}")
    if isinstance(raw, str):
        _checked_text(raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and kind in ("number", "int"):
        return _number(str(raw), kind == "int")
    text = "" if raw is None else str(raw).strip()
    if text == "":
        if spec.get("required"):
            raise ValueError("must not be empty")
        return None
    if kind in ("number", "int"):
        return _number(text, kind == "int")
    return text


def _set(item: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    cur = item
    for part in parts[:-1]:
        if not isinstance(cur.get(part), dict):
            cur[part] = {}
        cur = cur[part]
    cur[parts[-1]] = value


def apply_form(kind: str, base: dict, form: dict[str, Any]) -> dict:
    """A copy of ``base`` with the submitted form values set (unknown paths are refused)."""
    specs = {s["path"]: s for s in FIELD_SPECS[kind]}
    unknown = [p for p in form if p not in specs]
    if unknown:
        raise FormError({p: "not an editable field" for p in unknown})
    item = copy.deepcopy(base)
    errors: dict[str, str] = {}
    for path, raw in form.items():
        try:
            _set(item, path, _convert(specs[path], raw))
        except ValueError as exc:
            errors[path] = str(exc)
    if errors:
        raise FormError(errors)
    dl = item.get("deadline")
    if isinstance(dl, dict):
        if not any(dl.get(k) for k in ("text", "start", "end", "recurring")):
            item["deadline"] = None
        elif dl.get("text") is None:
            dl["text"] = ""
    return item


def _whole_as_int(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def validate_item(kind: str, item: dict) -> dict:
    """``item`` checked by the schema model of ``kind``; returns it as JSON values.

    Only the keys present in ``item`` are kept (a gold file records the fields a
    reviewer checked), with whole floats written as integers for readable diffs.
    """
    model = ITEM_TYPES[kind]
    try:
        obj = model.model_validate(item)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors():
            path = ".".join(str(p) for p in err["loc"]) or "item"
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] in ("float_parsing", "int_parsing", "float_type", "int_type"):
                msg = f"{err.get('input')!r} is not a number"
            errors.setdefault(path, msg)
        raise FormError(errors) from None
    return map_leaves(obj.model_dump(mode="json", exclude_unset=True), _whole_as_int)


def item_label(kind: str, item: dict) -> str:
    """One line naming an item (its main text)."""
    main = {"targets": "metric", "tasks": "text", "scoring_criteria": "criterion", "awards": "form"}[kind]
    return str(item.get(main) or (item.get("evidence") or {}).get("text") or item.get("id") or "")
