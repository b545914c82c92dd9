"""Blank forms an annex reproduces: a model decision, a report to fill in.

A procedure list often prints, after its own text, the forms the procedure uses; one of
them may be a whole model decision ("Số: ……. /QĐ-BNNMT", "Điều 2. Ủy ban nhân dân các tỉnh
(tên)….. có trách nhiệm: 1. Chỉ đạo …"). Its duties belong to the decision someone will
issue one day by filling it in, not to this document. The mark of such a form is its own
number line left blank ("Số: ……/QĐ-…", "Số: /BC-…") a few lines under an annex or form heading
("Phụ lục 11", "Mẫu số 03"), or inside an annex right under its issuer's name when forms
follow one another without headings; the form runs from there to the next annex or form
heading. A draft that leaves its own number blank is in no annex and keeps its duties.
"""

from __future__ import annotations

import re

from normalize.model import NormalizedDocument
from normalize.patterns import APPENDIX, NUMBER_LINE
from normalize.text import fold, is_upper_line

HEADING_ABOVE = 8  # how far above the blank number line the form's heading may stand
ISSUER_LINES = 3  # a form without a heading of its own starts at its issuer's lines in capitals
# "……. /qd-bnnmt", " /bc-ubnd", "…/20…/qd-ubnd", " /2025/nq-hdnd": no number before the (year and) code
_BLANK_NUMBER = re.compile(r"^[\s.…_·]*/\s*(?:[\d.…_·]*\s*/\s*)?[a-z]")
_FORM_HEADING = re.compile(r"^\W*mẫu(?:\s+số)?\b(?!\s+giáo)", re.I)  # "Mẫu số 02", "MẪU QUYẾT ĐỊNH …" (not "Mẫu giáo")


def _heading(line: tuple[int, str, str]) -> bool:
    _off, raw, folded = line
    return bool(APPENDIX.match(folded) or _FORM_HEADING.match(raw))


def blank_form_spans(ndoc: NormalizedDocument) -> list[tuple[int, int]]:
    """(start, end) offsets of the blank forms in ``ndoc.text``."""
    lines = [(off, text, fold(text)) for off, text in ndoc.lines() if text.strip()]  # (offset, as written, folded)
    spans: list[tuple[int, int]] = []
    for i, (off, _raw, f) in enumerate(lines):
        if spans and off < spans[-1][1]:
            continue
        m = NUMBER_LINE.match(f)
        if not m or not _BLANK_NUMBER.match(m.group(2)):
            continue
        above = range(i - 1, max(i - HEADING_ABOVE, 0) - 1, -1)
        start = next((lines[j][0] for j in above if _heading(lines[j])), None)
        if start is None:  # a form among forms: from the issuer's lines in capitals above its number
            if not any(APPENDIX.match(g) for _, _r, g in lines[:i]):
                continue  # not in an annex: the document's own number, left blank in a draft
            top = i
            while top > max(i - ISSUER_LINES, 0) and is_upper_line(lines[top - 1][1]):
                top -= 1
            start = lines[top][0]
        end = next((ln[0] for ln in lines[i + 1:] if _heading(ln)), len(ndoc.text))
        spans.append((start, end))
    return spans
