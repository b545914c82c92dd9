"""Score an extraction against a hand-checked gold file: matching and measures.

The gold set (``gold/<stem>.json``) says what a reader finds in each plan; this module
says how close ``vnplan run`` came. Everything here is a pure function over the JSON
dicts of SCHEMA.md, so the CLI (``vnplan evaluate``), the HTML report and the review app
all compute the same figures.

Matching rule (also in gold/README.md)
--------------------------------------
Items are matched one-to-one *within a type* (targets, tasks, scoring_criteria, awards).
For every gold/pred pair a similarity in [0, 1] is computed:

    text    = 0.5 * sim(main text) + 0.5 * sim(evidence.text), where
              sim = 0.75 * word-bigram containment (share of the shorter text's
              bigrams found in the other, times (short/long length) ** 0.2)
                  + 0.25 * rapidfuzz partial_ratio / 100,
              on lower-cased, whitespace-normalized text with diacritics folded (so an
              OCR text whose restoration failed can still be found; the field accuracies
              measure the values). Bigrams keep two rows of one table that share words
              but not phrases apart; partial_ratio tolerates character noise.
    numbers = 1.0 when every key number stated on either side agrees, 0.0 when one
              disagrees, 0.5 when neither side states one
              (targets: value, value_max; scoring: max_points; awards: max_count,
              prize_vnd; tasks: deadline.end, where a disagreement counts 0.5, since
              a wrong deadline is a wrong field rather than another task)
    level   = 1 when the level (targets: applies_to; scoring, awards: level) agrees
    score   = 0.67 * text + 0.3 * numbers + 0.03 * level

Pairs scoring below ``THRESHOLD`` (0.5) never match. Among the rest, the assignment that
maximizes the total score is taken (Hungarian method, ``scipy.optimize.linear_sum_assignment``;
a greedy best-first pairing when scipy is missing). Spans are not compared: the normalized
text may change between runs. Matched pairs count as true positives, unmatched gold items
as misses (false negatives), unmatched predictions as false alarms (false positives).

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

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from rapidfuzz import fuzz

ITEM_TYPES = ("targets", "tasks", "scoring_criteria", "awards")
THRESHOLD = 0.5
FUZZY_OK = 90

MAIN_TEXT = {"targets": "metric", "tasks": "text", "scoring_criteria": "criterion", "awards": "form"}
KEY_NUMBERS = {
    "targets": ("value", "value_max"),
    "tasks": (),
    "scoring_criteria": ("max_points",),
    "awards": ("max_count", "prize_vnd"),
}
FIELDS = {
    "targets": ("comparator", "value", "value_max", "unit", "unit_text", "applies_to", "deadline.end"),
    "tasks": ("lead", "support", "deadline.end", "deadline.text"),
    "scoring_criteria": ("kind", "max_points", "method", "per_item_points", "threshold", "group", "level"),
    "awards": ("form", "recipient", "max_count", "rank", "prize_vnd", "grantor", "level", "parent_id", "max_share"),
}
# the level an item is stated for: a small tie-break between one quota stated for two levels
CONTEXT = {"targets": "applies_to", "scoring_criteria": "level", "awards": "level"}
NUMBER_FIELDS = {"value", "value_max", "max_points", "per_item_points", "threshold", "max_count", "prize_vnd", "max_share"}
EXACT_FIELDS = {"comparator", "unit", "kind", "method", "recipient", "rank", "deadline.end"}
LIST_FIELDS = {"lead", "support"}
# numbers whose exactness the "numbers exact" rate measures
RATE_NUMBERS = ("value", "max_points", "max_count", "prize_vnd")
_MISSING = object()


# ---------------------------------------------------------------- text helpers
def fold(text: Any) -> str:
    """Lower-case, NFC, whitespace-collapsed text (diacritics kept)."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).lower()
    s = re.sub(r"[*_`]+", "", s)
    return re.sub(r"\s+", " ", s).strip(" .;:,-–+")


def strip_diacritics(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def _tokens(text: Any) -> tuple[str, ...]:
    return _tokens_of("" if text is None else str(text))


@functools.lru_cache(maxsize=65536)
def _tokens_of(text: str) -> tuple[str, ...]:
    # cached: matching compares every gold item with every predicted one of its type
    return tuple(re.findall(r"\w+", strip_diacritics(fold(text))))


@functools.lru_cache(maxsize=65536)
def _bigrams(tokens: tuple[str, ...]) -> frozenset:
    return frozenset(zip(tokens, tokens[1:])) if len(tokens) > 1 else frozenset(tokens)


def _bigram_sim(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of the shorter text's word bigrams found in the other, damped by length ratio."""
    ga, gb = _bigrams(a), _bigrams(b)
    contained = len(ga & gb) / min(len(ga), len(gb))
    return contained * (min(len(a), len(b)) / max(len(a), len(b))) ** 0.2


def text_sim(a: Any, b: Any, char: float | None = None) -> float:
    """Similarity in [0, 1] of two texts, robust to one being a wider cut of the other.

    Word-bigram containment (damped when one text is much shorter) carries 3/4: it
    separates two rows of one table that share many words but no phrases. rapidfuzz
    ``partial_ratio`` carries 1/4, so character-level noise (OCR, a failed diacritics
    restoration) still scores.
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    if char is None:
        char = fuzz.partial_ratio(" ".join(ta), " ".join(tb)) / 100.0
    return 0.75 * _bigram_sim(ta, tb) + 0.25 * char


def get_field(item: dict, path: str, default: Any = None) -> Any:
    """``item["a"]["b"]`` for "a.b"; ``default`` when a key is absent, None below an explicit null."""
    cur: Any = item
    for part in path.split("."):
        if cur is None:
            return None
        if not isinstance(cur, dict) or part not in cur:
            return default
        cur = cur[part]
    return cur


# ---------------------------------------------------------------- matching
def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return fold(a) == fold(b)


def _numbers_agreement(kind: str, gold: dict, pred: dict) -> float:
    keys = KEY_NUMBERS[kind] or ("deadline.end",)
    stated = [(get_field(gold, k), get_field(pred, k)) for k in keys]
    stated = [(g, p) for g, p in stated if g is not None or p is not None]
    if not stated:
        return 0.5
    if all(_num_eq(g, p) for g, p in stated):
        return 1.0
    return 0.5 if kind == "tasks" else 0.0  # a wrong deadline is a wrong field, not another task


def similarity(kind: str, gold: dict, pred: dict, chars: tuple[float, float] | None = None) -> float:
    """Similarity of one gold and one predicted item of type ``kind`` (see module doc).

    ``chars``: the character-level scores of (main text, evidence), when computed in bulk.
    """
    main = MAIN_TEXT[kind]
    c_main, c_ev = chars if chars else (None, None)
    t = 0.5 * text_sim(gold.get(main), pred.get(main), c_main) + 0.5 * text_sim(
        get_field(gold, "evidence.text"), get_field(pred, "evidence.text"), c_ev
    )
    ctx = CONTEXT.get(kind)
    same_level = bool(ctx) and get_field(gold, ctx) is not None and _names_eq(get_field(gold, ctx), get_field(pred, ctx))
    return 0.67 * t + 0.3 * _numbers_agreement(kind, gold, pred) + 0.03 * same_level


def match_items(kind: str, gold: list[dict], pred: list[dict], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, pred index, score) with score >= threshold."""
    if not gold or not pred:
        return []
    # The character-level part (rapidfuzz partial_ratio, slow on long texts) is computed
    # only for pairs that could reach the threshold with it; the others score as with 1.0,
    # which is still below the threshold, so the matching is the same.
    scores = []
    for g in gold:
        row = []
        for p in pred:
            s = similarity(kind, g, p, (1.0, 1.0))
            row.append(similarity(kind, g, p) if s >= threshold else s)
        scores.append(row)
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError:  # greedy best-first
        cand = sorted(((s, i, j) for i, row in enumerate(scores) for j, s in enumerate(row) if s >= threshold), reverse=True)
        used_g, used_p, pairs = set(), set(), []
        for s, i, j in cand:
            if i not in used_g and j not in used_p:
                used_g.add(i), used_p.add(j), pairs.append((i, j, s))
        return sorted(pairs)
    m = np.array(scores)
    rows, cols = linear_sum_assignment(np.where(m >= threshold, m, 0.0), maximize=True)
    return [(int(i), int(j), float(m[i, j])) for i, j in zip(rows, cols) if m[i, j] >= threshold]


# ---------------------------------------------------------------- field comparison
# One body, two writings (gold/README.md, "The matching rule"): the canonical level names
# ("UBND cấp xã") and the units as written ("UBND các xã, phường, đặc khu"); a centrally-run
# city's provincial bodies written "… thành phố" or, as the gazetteer has them, "… tỉnh";
# a body of the document's own province named with it ("Báo Hà Tĩnh", "UBND thành phố Hà
# Nội") or by its generic name ("Báo tỉnh", "UBND tỉnh"). Another province's body keeps its name.
_COMMUNES = re.compile(r"^ubnd (?:các )?(?:xã|phường|thị trấn|đặc khu)(?:(?:\s*,\s*|\s+và\s+|\s+)(?:các )?(?:xã|phường|thị trấn|đặc khu))*$")
_DISTRICTS = re.compile(r"^ubnd (?:các )?(?:huyện|quận|thị xã)(?:(?:\s*,\s*|\s+và\s+|\s+)(?:các )?(?:huyện|quận|thị xã|thành phố))*$")


def fold_name(name: Any) -> str:
    """``fold`` with "Ủy ban nhân dân" written "UBND" and one spelling of "ủy"."""
    return fold(name).replace("ủy ban nhân dân", "ubnd").replace("uỷ", "ủy")


@functools.lru_cache(maxsize=64)
def _own_province(province: str) -> re.Pattern:
    words = r"[\s-]+".join(re.escape(w) for w in fold(province).replace("-", " ").split())
    return re.compile(rf"(?:\b(?:tỉnh|thành phố|tp\.?)\s+)?\b{words}\b")


def _agency_form(name: Any, province: str | None = None) -> str:
    f = fold_name(name)
    if province and f:
        f = re.sub(r"\btỉnh(?:\s+tỉnh)+\b", "tỉnh", _own_province(province).sub("tỉnh", f))
    if _COMMUNES.match(f):
        return "ubnd cấp xã"
    if _DISTRICTS.match(f):
        return "ubnd cấp huyện"
    return re.sub(r"\s+thành phố$", " tỉnh", f)


def _names_eq(a: Any, b: Any, province: str | None = None) -> bool:
    fa, fb = _agency_form(a, province), _agency_form(b, province)
    if not fa or not fb:
        return fa == fb
    return fa == fb or fuzz.token_set_ratio(fa, fb) >= FUZZY_OK


def field_equal(field: str, gold_value: Any, pred_value: Any, province: str | None = None) -> bool:
    """Whether a predicted field value counts as right (rules in the module doc); ``province``
    is the document's own, whose bodies may be named with it or generically."""
    if field in NUMBER_FIELDS:
        return _num_eq(gold_value, pred_value)
    if field in LIST_FIELDS:
        g = [x for x in (gold_value or []) if fold(x)]
        p = [x for x in (pred_value or []) if fold(x)]
        if len(g) != len(p):
            return False
        left = list(p)
        for name in g:
            hit = next((q for q in left if _names_eq(name, q, province)), _MISSING)
            if hit is _MISSING:
                return False
            left.remove(hit)
        return True
    if gold_value is None or pred_value is None:
        return (gold_value is None or fold(gold_value) == "") and (pred_value is None or fold(pred_value) == "")
    if field in EXACT_FIELDS:
        return fold(gold_value) == fold(pred_value)
    return _names_eq(gold_value, pred_value, province)


def wrong_fields(kind: str, gold: dict, pred: dict, province: str | None = None) -> dict[str, list]:
    """{field: [gold value, pred value]} for the checked fields that differ."""
    out = {}
    for f in FIELDS[kind]:
        g = get_field(gold, f, _MISSING)
        if g is _MISSING or f == "parent_id":  # ids differ between files: see _check_parents
            continue
        p = get_field(pred, f)
        if not field_equal(f, g, p, province):
            out[f] = [g, p]
    return out


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
        g = m["gold"].get("parent_id", _MISSING)
        if g is _MISSING:
            continue
        want = to_pred.get(g, "?unmatched") if g is not None else None
        if m["pred"].get("parent_id") != want:
            m["wrong_fields"]["parent_id"] = [g, m["pred"].get("parent_id")]


def _field_counts(kind: str, matched: list[dict]) -> dict:
    counts = {}
    for f in FIELDS[kind]:
        checked = [m for m in matched if get_field(m["gold"], f, _MISSING) is not _MISSING]
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
                if kind == "tasks" and get_field(m["gold"], "deadline.end", _MISSING) is not _MISSING:
                    dl_n += 1
                    dl_ok += "deadline.end" not in m["wrong_fields"]
                for f in RATE_NUMBERS:
                    if f in FIELDS[kind] and get_field(m["gold"], f, _MISSING) is not _MISSING:
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
