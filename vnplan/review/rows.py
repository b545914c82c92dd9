"""What the document page shows: one row per item, the gold difference, highlight segments.

A row pairs a predicted item (OUT/<stem>.json) with the working gold item that
``vnplan.evaluation.compare_document`` matched to it, so the reviewer sees the same
verdict ``vnplan evaluate`` gives: ``match``, ``wrong`` (matched, with the fields that
differ), ``extra`` (only vnplan found it), ``missing`` (only the gold has it) or
``rejected`` (an extra the reviewer marked wrong in this session).

Row keys are stable while the reviewer works: ``<type>/g/<gold id>`` for rows that have a
gold item, else ``<type>/p/<index in the prediction>``.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from vnplan.review.fields import item_label

ITEM_TYPES = ("targets", "tasks", "scoring_criteria", "awards")


def locate(text: str, needle: Optional[str], near: int = 0) -> Optional[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (exactly, else with any run of whitespace between words)."""
    if not needle or not needle.strip():
        return None
    needle = needle.strip()
    at = text.find(needle, near)
    if at < 0:
        at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    words = needle.split()
    if len(words) > 400:
        words = words[:400]
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _squash(s: str) -> str:
    return " ".join(s.split())


def item_span(item: Optional[dict], text: str) -> Optional[tuple[int, int]]:
    """Where the item's evidence is in ``text``.

    Its span when the text there is its evidence text (gold spans may be null, [0, 0], or
    point into an older normalized text), else where the evidence text is found, else the
    span as given if it lies inside the text.
    """
    if not item:
        return None
    ev = item.get("evidence") or {}
    span, said = ev.get("span"), ev.get("text") or ""
    inside = None
    if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
        s, e = span
        if 0 <= s < e <= len(text):
            inside = (s, e)
            if not said.strip() or _squash(text[s:e]) == _squash(said):
                return inside
    return locate(text, said, inside[0] if inside else 0) or inside


def _index_of(items: list[dict], obj: dict) -> int:
    for i, it in enumerate(items):
        if it is obj:
            return i
    for i, it in enumerate(items):
        if it == obj:
            return i
    return -1


def gold_key(kind: str, item: dict) -> str:
    return f"{kind}/g/{item.get('id')}"


def pred_key(kind: str, index: int) -> str:
    return f"{kind}/p/{index}"


def build_rows(gold: dict, pred: dict, text: str, rejected: set[str] | frozenset = frozenset()) -> tuple[list[dict], dict]:
    """Rows in document order and the per-type figures of compare_document(gold, pred, text)."""
    from vnplan.evaluation import compare_document

    cmp = compare_document(gold, pred, text)
    rows: list[dict[str, Any]] = []
    summary: dict[str, dict] = {}
    for kind in ITEM_TYPES:
        res = cmp[kind]
        g_items = list(gold.get(kind) or [])
        p_items = list(pred.get(kind) or [])
        summary[kind] = {k: res[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}
        summary[kind].update(gold=len(g_items), pred=len(p_items))

        def row(status, g, p, pi, wrong=None, score=None):
            span = item_span(p, text) or item_span(g, text)
            key = gold_key(kind, g) if g is not None else pred_key(kind, pi)
            rows.append({
                "key": key, "type": kind, "status": status, "gold": g, "pred": p,
                "pred_index": pi if p is not None else None, "gold_id": g.get("id") if g else None,
                "wrong_fields": wrong or {}, "score": score, "span": list(span) if span else None,
                "label": item_label(kind, g if g is not None else p),
            })

        for m in res["matched"]:
            gi, pi = _index_of(g_items, m["gold"]), _index_of(p_items, m["pred"])
            status = "wrong" if m["wrong_fields"] else "match"
            row(status, g_items[gi], p_items[pi], pi, m["wrong_fields"], m["score"])
        for g in res["missing"]:
            row("missing", g_items[_index_of(g_items, g)], None, None)
        for p in res["extra"]:
            pi = _index_of(p_items, p)
            row("rejected" if pred_key(kind, pi) in rejected else "extra", None, p_items[pi], pi)
    rows.sort(key=lambda r: (r["span"] is None, r["span"][0] if r["span"] else 0, ITEM_TYPES.index(r["type"]), r["key"]))
    return rows, summary


def segments(text: str, rows: list[dict]) -> list[dict]:
    """The text cut at every span boundary: ``[{o: offset, t: text, k: [row keys covering it],
    s: [keys whose span starts here], e: [keys whose span ends here]}]``.

    Joining every ``t`` gives ``text`` back, so the page can map a selection to offsets; ``s``
    and ``e`` let it draw where each item begins and ends where highlights overlap.
    """
    spans = [(r["span"][0], r["span"][1], r["key"]) for r in rows if r["span"]]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        keys = [k for s, e, k in spans if s <= a and b <= e]
        out.append({"o": a, "t": text[a:b], "k": keys, "s": [k for s, _, k in spans if s == a],
                    "e": [k for _, e, k in spans if e == b]})
    return out
