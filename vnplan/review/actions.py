"""The reviewer's actions on a working gold: accept, edit, delete, add.

Each action finds the row it acts on by key (see vnplan.review.rows), changes the working
copy held by the GoldStore, records the change (before/after) for the audit log, and
returns the key of the row to show next. Refusals raise ``ActionError`` (one line) or
``FormError`` (a message per field).
"""

from __future__ import annotations

import copy
from typing import Any, Optional

from vnplan.review.fields import FormError, apply_form, validate_item
from vnplan.review.rows import ITEM_TYPES, build_rows, gold_key, item_span, pred_key
from vnplan.review.store import GoldStore, new_id


class ActionError(ValueError):
    """An action that cannot be done (unknown item, bad selection); the message says why."""


def _row(store: GoldStore, stem: str, key: str) -> dict:
    d = store.draft(stem)
    rows, _ = build_rows(d.gold, store.pred(stem), store.text(stem), d.rejected)
    for r in rows:
        if r["key"] == key:
            return r
    raise ActionError(f"no item {key!r} in {stem}")


def _gold_index(items: list[dict], item_id: str) -> int:
    for i, it in enumerate(items):
        if it.get("id") == item_id:
            return i
    raise ActionError(f"no gold item {item_id!r}")


def _with_span(item: dict, text: str) -> dict:
    """A gold item whose evidence span is null or [0, 0] gets the span of its evidence text."""
    ev = item.get("evidence")
    if not isinstance(ev, dict):
        ev = item["evidence"] = {"text": "", "span": [0, 0]}
    else:
        span = item_span(item, text)
        ev["span"] = list(span) if span else [0, 0]
        ev["text"] = ev.get("text") or ""
    return item


def accept(store: GoldStore, stem: str, key: str) -> str:
    """Copy the predicted item of row ``key`` into the working gold (replacing its matched gold item)."""
    r = _row(store, stem, key)
    kind, d = r["type"], store.draft(stem)
    if r["pred"] is None:
        raise ActionError("this item is only in the gold file; there is no vnplan item to accept")
    items = d.gold[kind]
    new = copy.deepcopy(r["pred"])
    d.rejected.discard(pred_key(kind, r["pred_index"]))
    if r["gold"] is not None:
        i = _gold_index(items, r["gold_id"])
        new["id"] = r["gold_id"]
        before = items[i]
        items[i] = new
    else:
        if not new.get("id") or any(it.get("id") == new["id"] for it in items):
            new["id"] = new_id(kind, items)
        before = None
        items.append(new)
    store.record(stem, "accept", kind, new["id"], before, new)
    return gold_key(kind, new)


def edit(store: GoldStore, stem: str, key: str, form: dict[str, Any]) -> str:
    """Set the fields in ``form`` on the gold item of row ``key`` (made from the prediction if none)."""
    r = _row(store, stem, key)
    kind, d = r["type"], store.draft(stem)
    items = d.gold[kind]
    base = r["gold"] if r["gold"] is not None else r["pred"]
    item = _with_span(apply_form(kind, base, form), store.text(stem))
    item = validate_item(kind, item)
    if r["gold"] is not None:
        i = _gold_index(items, r["gold_id"])
        before = items[i]
        items[i] = item
        action = "edit"
    else:
        if not item.get("id") or any(it.get("id") == item["id"] for it in items):
            item["id"] = new_id(kind, items)
        before = None
        items.append(item)
        action = "accept-edited"
        d.rejected.discard(pred_key(kind, r["pred_index"]))
    store.record(stem, action, kind, item["id"], before, item)
    return gold_key(kind, item)


def delete(store: GoldStore, stem: str, key: str) -> Optional[str]:
    """Remove the gold item of row ``key``; a vnplan-only item is marked rejected instead."""
    r = _row(store, stem, key)
    kind, d = r["type"], store.draft(stem)
    if r["gold"] is None:
        pk = pred_key(kind, r["pred_index"])
        if pk in d.rejected:
            return pk
        d.rejected.add(pk)
        store.record(stem, "reject", kind, r["pred"].get("id"), r["pred"], None)
        return pk
    items = d.gold[kind]
    i = _gold_index(items, r["gold_id"])
    before = items.pop(i)
    store.record(stem, "delete", kind, before.get("id"), before, None)
    return pred_key(kind, r["pred_index"]) if r["pred"] is not None else None


def add(store: GoldStore, stem: str, kind: str, span: list[int], form: dict[str, Any]) -> str:
    """A new gold item of ``kind`` whose evidence is the selected text ``span`` of the document."""
    if kind not in ITEM_TYPES:
        raise ActionError(f"unknown item type {kind!r}; one of {', '.join(ITEM_TYPES)}")
    text = store.text(stem)
    if not (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise ActionError("the selection must be two character offsets [start, end]")
    start, end = span
    if not (0 <= start < end <= len(text)):
        raise ActionError(f"selection [{start}, {end}] is outside the document text (0..{len(text)})")
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    start, end = start + lead, end - trail
    if start >= end:
        raise ActionError("the selection is empty")
    d = store.draft(stem)
    items = d.gold[kind]
    base = {"id": new_id(kind, items), "evidence": {"text": text[start:end], "span": [start, end]}, "confidence": 1.0, "warnings": []}
    item = validate_item(kind, apply_form(kind, base, form))
    items.append(item)
    store.record(stem, "add", kind, item["id"], None, item)
    return gold_key(kind, item)


__all__ = ["ActionError", "FormError", "accept", "edit", "delete", "add"]
