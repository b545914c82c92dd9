"""Targets stated year by year in one sentence: "… : năm 2025 đạt tối thiểu 600 tin, bài; năm 2026 đạt tối thiểu 800 tin, bài."

Plans spanning two or more years give each year its own figure in prose as often as in a
table ("Chỉ tiêu | Năm 2025 | Năm 2026", read by ``extract.target_tables``):

- "Tin, bài … trên báo chí của tỉnh: năm 2025 đạt tối thiểu 600 tin, bài; năm 2026 …"
- "Cán bộ … được tập huấn kỹ năng an toàn thông tin. Năm 2025: 70%; năm 2026: 90%."
- "Năm 2025: 100% cổng thông tin điện tử … có chuyên mục; năm 2026: duy trì 100%."

A line is read this way when it names two or more years, each followed in its own
segment (up to the next year) by one quantity.  Every quantity becomes a target due at
the end of its year, measured by the words the line gives its subject: the words before
the first year, else the words after the first quantity.
"""

from __future__ import annotations

import re

from extract.campaign import to_deadline
from extract.evidence import evidence_for
from extract.levels import TINH, level_at, named_level
from extract.numbers import clean_value, find_counts, find_percents, fold, mask_references
from extract.target_metrics import comparator
from normalize.model import NormalizedDocument
from vnplan.schema import Target

_YEAR = re.compile(r"(?<![\w/])[Nn]ăm\s+((?:19|20)\d\d)\s*:?\s*")
_LEAD = re.compile(r"^[\s\-+•*]*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.)?\s*")


def _quantity(masked: str, start: int, end: int):
    """The one percentage or count of a segment (None when it holds none or several)."""
    seg = masked[start:end]
    found = find_percents(seg) or find_counts(seg)
    if len(found) != 1:
        return None
    q = found[0]
    q.start += start
    q.end += start
    return q


def _clean(words: str) -> str:
    words = _LEAD.sub("", words)
    return re.sub(r"\s+", " ", words).strip(" ,;:.-–")


def year_lines(ndoc: NormalizedDocument, skip: list[tuple[int, int]] = ()) -> list[tuple[int, int, list[Target]]]:
    """(line start, line end, targets) for every line that states its targets year by year."""
    text = ndoc.text
    masked = mask_references(text)
    out = []
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if line.count("|") >= 2 or any(s <= ls < e for s, e in skip):
            continue
        years = list(_YEAR.finditer(line))
        if len(years) < 2 or len({m.group(1) for m in years}) < 2:
            continue
        found = []
        for k, m in enumerate(years):
            seg_end = years[k + 1].start() if k + 1 < len(years) else len(line)
            q = _quantity(masked, ls + m.end(), ls + seg_end)
            if q is None:
                break
            found.append((m, q, ls + seg_end))
        else:
            subject = _clean(line[: years[0].start()])
            if not subject:
                first_q, first_end = found[0][1], found[0][2]
                subject = _clean(text[first_q.end:first_end].split(";")[0])
            if len(subject) < 4:
                continue
            targets = []
            for m, q, _seg_end in found:
                before_f = fold(text[ls + m.end(): q.start])
                after_f = fold(text[q.end: q.end + 30])
                warnings: list[str] = []
                targets.append(Target(
                    id="t0", metric=subject, comparator=comparator(before_f, after_f, q), value=clean_value(q.value),
                    value_max=clean_value(q.value_max), unit=q.unit,
                    applies_to=named_level(subject) or level_at(ndoc, ls) or TINH,
                    deadline=to_deadline(f"năm {m.group(1)}", warnings, None),
                    evidence=evidence_for(ndoc, q.start, q.end), confidence=0.8, warnings=warnings,
                ))
            out.append((ls, le, targets))
    return out
