"""How a predicted item is matched to a gold item, and when two field values are equal.

Shared by the evaluator (:mod:`vnplan.evaluation`), the HTML report and the review app, so
that all of them pair items and judge fields the same way.

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
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

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
MISSING = object()


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
    """``fold`` with one spelling of "ủy" (first, so that "Uỷ ban nhân dân" is one too), and the
    councils written as SCHEMA.md shortens them: "Ủy ban nhân dân" "UBND", "Hội đồng nhân dân" "HĐND"."""
    return fold(name).replace("uỷ", "ủy").replace("ủy ban nhân dân", "ubnd").replace("hội đồng nhân dân", "hđnd")


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
            hit = next((q for q in left if _names_eq(name, q, province)), MISSING)
            if hit is MISSING:
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
        g = get_field(gold, f, MISSING)
        if g is MISSING or f == "parent_id":  # ids differ between files: see _check_parents
            continue
        p = get_field(pred, f)
        if not field_equal(f, g, p, province):
            out[f] = [g, p]
    return out
