"""Scoring rows of an OCR-interleaved table ("NỘI DUNG | CHUẨN HƯỚNG DẪN CHẤM").

When a scan is OCR'd line by line, the criterion words, the max points and the scoring
rule ("a = Tổng số …, b = …, Tỷ lệ = a/b, + Tỷ lệ >= 90%: Điểm tối đa, + < 70%: không
xét điểm") of one row end up mixed on the same lines. Such rows are read by anchoring on
"<max points> a = …" and the "Tỷ lệ = a/b" formula; the rate giving full points becomes
``threshold`` and a cut-off goes to ``warnings`` and ``min_ratio``. Patterns are written
for text without diacritics (folded), since this layout only comes from OCR.
"""

from __future__ import annotations

import re

from extract.evidence import evidence_for
from extract.numbers import clean_value, fold, parse_number
from normalize.model import NormalizedDocument
from vnplan.schema import ScoringCriterion

# "<criterion words> <max points> a = Tổng số …" (the variable may be OCR'd: "ở =", "3 =")
_A_EQ = re.compile(r"(?m)^(.{0,60}?)\s(\d{1,3})\s+\S{1,2}\s*=\s*t\w{1,4}ng\s+s")
_RATIO_FORMULA = re.compile(r"t\s*y\s*l\S{0,2}\s*=\s*a\b(?:\s*[/l1]\s*b\b)?")
# the rate giving full points ("Tỷ lệ >= 90%: Điểm tối đa") and a cut-off ("< 70%: không xét điểm",
# "dưới 80% không chấm điểm"), on folded text; the table reader uses them too
FULL_AT = re.compile(r"(?:([<>≥≤]=?)\s*)?(\d{1,3})\s*%\s*:\s*\S{1,3}i\S{0,2}m\s+t\S{1,3}\s+da")
NONE_BELOW = re.compile(r"(?:<|duoi)\s*(\d{1,3})\s*%\s*:?\s*(?:thi\s+)?khong\s+(?:xet|cham|tinh|duoc)")


def interleaved_rows(ndoc: NormalizedDocument) -> list[ScoringCriterion]:
    text = ndoc.text
    f = fold(text)
    items: list[ScoringCriterion] = []
    anchors = list(_A_EQ.finditer(f))
    for n, m in enumerate(anchors):
        block_end = anchors[n + 1].start() if n + 1 < len(anchors) else len(text)
        block_end = min(block_end, m.end() + 1500)
        fm = _RATIO_FORMULA.search(f, m.end(), block_end)
        full_any = FULL_AT.search(f, m.end(), block_end)
        if not fm and not full_any:
            continue
        if not fm:
            fm = re.compile(r"\n").search(f, m.end(), block_end) or full_any
        # criterion: the left-column words on the anchor line and the short lines before the formula
        parts = [text[m.start(1): m.end(1)].strip()]
        for line in text[m.end(): fm.start()].split("\n"):
            left = re.split(r"\s[a-z]\s*=|\bb\s*=|\(|\)\s*$", line, maxsplit=1)[0].strip()
            if left and len(left) <= 30 and not re.search(r"\d{2,}", left):
                parts.append(left)
        crit = re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip(" .:")
        crit = re.sub(r"^\(\s*\d+\s*\S*\s*\)\s*", "", crit)  # "(100 điểm)" belongs to the header
        max_points = parse_number(m.group(2))
        tail = f[fm.end(): block_end]
        full = FULL_AT.search(tail)
        below = NONE_BELOW.search(tail)
        formula_end = fm.end() + (full.end() if full else 0)
        formula = re.sub(r"\s+", " ", text[fm.start(): formula_end]).strip()
        # group and level: the nearest lettered heading "a) … cấp huyện …" before the block
        before = f[max(0, m.start() - 2500): m.start()]
        lv, group = None, None
        for hm in re.finditer(r"(?m)^\s*[a-z]\)\s*(.*\b\w{0,3}p\s+(huyen|xa)\b.*)$", before):
            off = max(0, m.start() - 2500)
            group = re.sub(r"\s+", " ", text[off + hm.start(1): off + hm.end(1)]).strip(" .:")
            lv = "cấp huyện" if hm.group(2) == "huyen" else "cấp xã"
        warnings = ["read from an OCR-interleaved table"]
        if below:
            warnings.append(f"below {below.group(1)}%: no emulation points")
        sc = ScoringCriterion(
            id="s0", group=group, level=lv, criterion=crit, kind="base", max_points=clean_value(max_points),
            method="ratio_times_max", threshold=clean_value(parse_number(full.group(2))) if full else None,
            formula_text=formula, evidence=evidence_for(ndoc, m.start(2), formula_end, widen=False),
            confidence=0.6, warnings=warnings,
        )
        if below:
            sc.min_ratio = clean_value(parse_number(below.group(1)))  # type: ignore[attr-defined]
        items.append(sc)
    return items

