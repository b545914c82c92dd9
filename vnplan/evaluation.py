"""Score an extraction against a hand-checked gold file: matching and measures.

The gold set (``gold/<stem>.json``) says what a reader finds in each plan; this module
says how close ``vnplan run`` came. Everything here is a pure function over the JSON
dicts of SCHEMA.md, so the CLI (``vnplan evaluate``), the HTML report and the review app
all compute the same figures.

The matching rule and field equality are in :mod:`vnplan.matching`.

Field accuracy is measured on matched pairs for the fields in ``FIELDS``; a field absent
from the gold item (not checked by the reviewer) is skipped. Numbers compare exactly
(1e-6), dates exactly, enumerations (comparator, unit, kind, method, recipient, rank)
after case/space folding, free text (names, levels, deadline words) with
``token_set_ratio >= 90``, agency lists as sets of names matched that way.

Span check (pred only, needs OUT/<stem>.txt): the span lies inside the text, the text at
the span equals ``evidence.text`` (whitespace-normalized), and it contains every key
number of the item (Vietnamese forms: ``20.000.000``, ``0,5``, ``01``, ``11/11``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

from vnplan.matching import FIELDS, ITEM_TYPES, KEY_NUMBERS, MISSING, fold, get_field, match_items, wrong_fields

# numbers whose exactness the "numbers exact" rate measures
RATE_NUMBERS = ("value", "max_points", "max_count", "prize_vnd")


# ---------------------------------------------------------------- span check
_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def numbers_in(text: str) -> set[float]:
    """Every number a Vietnamese text states, in all readings (``1.251`` → 1251 and 1.251)."""
    found: set[float] = set()
    for m in _NUM_RE.finditer(text or ""):
        tok = m.group()
        cands = {tok.replace(".", "").replace(",", "."), tok.replace(".", "").replace(",", ""), tok.replace(",", "")}
        if tok.count(",") <= 1:
            cands.add(tok.replace(".", "").replace(",", "."))
        if tok.count(".") == 1 and "," not in tok:
            cands.add(tok)
        for c in cands:
            try:
                found.add(float(c))
            except ValueError:
                pass
    for w in re.findall(r"\w+", fold(text)):
        if w in _WORDS:
            found.add(float(_WORDS[w]))
    return found


def span_check(kind: str, item: dict, text: str) -> dict:
    """Does the item's evidence span point at text that holds its numbers?"""
    span = get_field(item, "evidence.span")
    res = {"in_range": False, "text_match": False, "numbers_found": False, "missing_numbers": []}
    if not span or len(span) != 2 or not (0 <= span[0] < span[1] <= len(text)):
        return res
    res["in_range"] = True
    piece = text[span[0]:span[1]]
    res["text_match"] = re.sub(r"\s+", " ", piece).strip() == re.sub(r"\s+", " ", get_field(item, "evidence.text") or "").strip()
    have = numbers_in(piece)
    want = [get_field(item, k) for k in KEY_NUMBERS[kind]]
    missing = [v for v in want if v is not None and not any(abs(float(v) - h) < 1e-6 for h in have)]
    res["missing_numbers"] = missing
    res["numbers_found"] = not missing
    return res


# ---------------------------------------------------------------- per document
def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if not fp else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def compare_document(gold: dict, pred: dict, text: str | None = None) -> dict:
    """Compare one gold and one predicted extraction (dicts of SCHEMA.md).

    Returns ``{type: {tp, fp, fn, precision, recall, f1, matched, missing, extra,
    field_accuracy, spans}}`` for each item type; ``matched`` holds
    ``{gold, pred, score, wrong_fields}``. ``text`` (OUT/<stem>.txt) enables the span check.
    """
    out: dict[str, Any] = {}
    province = ((gold or {}).get("document") or {}).get("province")
    for kind in ITEM_TYPES:
        g_items = list((gold or {}).get(kind) or [])
        p_items = list((pred or {}).get(kind) or [])
        pairs = match_items(kind, g_items, p_items)
        mg = {i for i, _, _ in pairs}
        mp = {j for _, j, _ in pairs}
        matched = [
            {"gold": g_items[i], "pred": p_items[j], "score": round(s, 3), "wrong_fields": wrong_fields(kind, g_items[i], p_items[j], province)}
            for i, j, s in pairs
        ]
        if kind == "awards":
            _check_parents(matched)
        res = _prf(len(pairs), len(p_items) - len(mp), len(g_items) - len(mg))
        res["matched"] = matched
        res["missing"] = [g for i, g in enumerate(g_items) if i not in mg]
        res["extra"] = [p for j, p in enumerate(p_items) if j not in mp]
        res["field_accuracy"] = _field_counts(kind, matched)
        if text is not None:
            checks = [span_check(kind, p, text) for p in p_items]
            res["spans"] = {
                "items": len(checks),
                "in_range": sum(c["in_range"] for c in checks),
                "text_match": sum(c["text_match"] for c in checks),
                "numbers_found": sum(c["numbers_found"] for c in checks),
                "bad": [{"id": p.get("id"), **c} for p, c in zip(p_items, checks) if not (c["in_range"] and c["numbers_found"])],
            }
        out[kind] = res
    return out


def _check_parents(matched: list[dict]) -> None:
    """``parent_id`` of awards: ids differ between gold and prediction, so a link is right
    when the gold parent's match is the predicted parent (or both have none)."""
    to_pred = {m["gold"].get("id"): m["pred"].get("id") for m in matched}
    for m in matched:
        g = m["gold"].get("parent_id", MISSING)
        if g is MISSING:
            continue
        want = to_pred.get(g, "?unmatched") if g is not None else None
        if m["pred"].get("parent_id") != want:
            m["wrong_fields"]["parent_id"] = [g, m["pred"].get("parent_id")]


def _field_counts(kind: str, matched: list[dict]) -> dict:
    counts = {}
    for f in FIELDS[kind]:
        checked = [m for m in matched if get_field(m["gold"], f, MISSING) is not MISSING]
        right = sum(f not in m["wrong_fields"] for m in checked)
        counts[f] = {"checked": len(checked), "right": right, "accuracy": round(right / len(checked), 4) if checked else None}
    return counts


# ---------------------------------------------------------------- whole set
def _rates(docs: Iterable[dict]) -> dict:
    dl_n = dl_ok = num_n = num_ok = 0
    sp_n = sp_ok = 0
    for d in docs:
        for kind in ITEM_TYPES:
            r = d["types"][kind]
            for m in r["matched"]:
                if kind == "tasks" and get_field(m["gold"], "deadline.end", MISSING) is not MISSING:
                    dl_n += 1
                    dl_ok += "deadline.end" not in m["wrong_fields"]
                for f in RATE_NUMBERS:
                    if f in FIELDS[kind] and get_field(m["gold"], f, MISSING) is not MISSING:
                        num_n += 1
                        num_ok += f not in m["wrong_fields"]
            if "spans" in r:
                sp_n += r["spans"]["items"]
                sp_ok += r["spans"]["numbers_found"]

    def rate(a, n):
        return {"right": a, "of": n, "rate": round(a / n, 4) if n else None}

    return {"deadline_end_exact": rate(dl_ok, dl_n), "numbers_exact": rate(num_ok, num_n), "spans_hold_numbers": rate(sp_ok, sp_n)}


def evaluate_dirs(gold_dir: str | Path, pred_dir: str | Path, split: str = "all") -> dict:
    """Evaluate every ``gold_dir/<stem>.json`` of ``split`` against ``pred_dir/<stem>.json``.

    Returns ``{documents: {stem: {types, document, missing_pred}}, total: {type: P/R/F1 +
    field accuracy}, document_block, summary, rates: {deadline_end_exact, numbers_exact,
    spans_hold_numbers}}``. A gold file without a prediction counts every gold item as a
    miss. ``split`` is one of :data:`vnplan.splits.SPLITS` (the fixed seeds/dev/test rule).
    """
    from vnplan.eval_document import compare_document_block, total_document_block
    from vnplan.splits import stems_in

    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold folder not found: {gold_dir}")
    if not pred_dir.is_dir():
        raise FileNotFoundError(f"prediction folder not found: {pred_dir}")
    docs: dict[str, dict] = {}
    wanted = stems_in(gold_dir, split)
    for gpath in sorted(p for p in gold_dir.glob("*.json") if not p.name.startswith(".")):
        stem = gpath.stem
        if stem not in wanted:
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        ppath = pred_dir / f"{stem}.json"
        pred = json.loads(ppath.read_text(encoding="utf-8")) if ppath.is_file() else {}
        tpath = pred_dir / f"{stem}.txt"
        text = tpath.read_text(encoding="utf-8") if tpath.is_file() else None
        docs[stem] = {"types": compare_document(gold, pred, text), "document": compare_document_block(gold, pred),
                      "missing_pred": not ppath.is_file()}
    total = {}
    for kind in ITEM_TYPES:
        tp = sum(d["types"][kind]["tp"] for d in docs.values())
        fp = sum(d["types"][kind]["fp"] for d in docs.values())
        fn = sum(d["types"][kind]["fn"] for d in docs.values())
        res = _prf(tp, fp, fn)
        fa = {}
        for f in FIELDS[kind]:
            n = sum(d["types"][kind]["field_accuracy"][f]["checked"] for d in docs.values())
            ok = sum(d["types"][kind]["field_accuracy"][f]["right"] for d in docs.values())
            fa[f] = {"checked": n, "right": ok, "accuracy": round(ok / n, 4) if n else None}
        res["field_accuracy"] = fa
        total[kind] = res
    block = total_document_block([d["document"] for d in docs.values()])
    return {"gold_dir": str(gold_dir), "pred_dir": str(pred_dir), "split": split, "documents": docs, "total": total,
            "document_block": block, "summary": summary(total, block), "rates": _rates(docs.values())}


def summary(total: dict, block: dict) -> dict:
    """The three headline figures: mean item F1 over the item types the gold holds,
    field accuracy pooled over every checked field of matched items, document block."""
    present = [k for k in ITEM_TYPES if total[k]["tp"] + total[k]["fn"] > 0]
    f1 = [total[k]["f1"] for k in present]
    n = sum(c["checked"] for k in ITEM_TYPES for c in total[k]["field_accuracy"].values())
    ok = sum(c["right"] for k in ITEM_TYPES for c in total[k]["field_accuracy"].values())
    return {"types_present": present, "mean_item_f1": round(sum(f1) / len(f1), 4) if f1 else None,
            "field_accuracy": round(ok / n, 4) if n else None, "document_block": block["accuracy"]}
