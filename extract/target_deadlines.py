"""A target's deadline: its own words, its table row's date cell, its block's "Thời gian
hoàn thành", a period line over its list ("- Giai đoạn 2025-2027") or its heading's year.

Read by :mod:`extract.targets` for every target it finds.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.campaign import block_deadline, find_deadline_phrase, to_deadline
from extract.levels import heading_chain, heading_depth
from extract.numbers import fold

_HEADING_YEAR = re.compile(r"(?<![\w/])(?:năm|nam)\s+(?:19|20)\d\d\s*:?\s*$", re.IGNORECASE)
_START_PHRASE = re.compile(r"(?:bat dau\s+)?tu\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}")
_YEAR_LEAD = re.compile(r"^\W*nam\s+((?:19|20)\d\d)\s*,")


# a table cell that is only a date ("Quý III/2024", "Trước ngày 30/6/2024", "Đến hết năm 2025")
_DEADLINE_CELL = re.compile(
    r"^(?:(?:hoan thanh|xong)\s+)?(?:trong|truoc|den het|den|cham nhat|vao)?\s*(?:ngay\s+)?"
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|quy\s+(?:iv|i{1,3}|[1-4])\b|thang\s+\d|nam\s+\d{4})"
)
_ORDINAL_CELL = re.compile(r"^(?:\d{1,2}(?:[.,]\d{1,2}){0,3}\.?|[IVX]{1,5})$")


def _row_deadline(text: str, cell_end: int) -> Optional[str]:
    """The deadline cell of the table row a target cell stands in (the cells after it, up to the next row)."""
    line_end = text.find("\n", cell_end)
    for cell in text[cell_end: len(text) if line_end < 0 else line_end].split(" | ")[1:]:
        cell = cell.strip()
        if _ORDINAL_CELL.match(cell):
            break  # the next row, when rows came merged
        if len(cell) <= 60 and _DEADLINE_CELL.match(fold(cell)):
            return cell
    return None


# a list item that only names a period, over the items it dates: "- Giai đoạn 2025-2027", "- Đến năm 2030:"
_PERIOD_LINE = re.compile(r"^\W*(?:(?:[a-z]\)|\d{1,2}[.)])\s*)?(?:(?:giai doan|den het nam|den nam|nam|trong nam)\s+)(?:19|20)\d\d"
                          r"(?:\s*[-–]\s*(?:19|20)\d\d)?\s*:?\s*$")


def period_line_above(text: str, ls: int, reach: int = 40) -> Optional[str]:
    """The period a dash line over this target's list names ("- Giai đoạn 2025-2027" above "+ 100% …"),
    looked for upwards until a numbered heading; None when there is none."""
    end = ls
    for _ in range(reach):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if _PERIOD_LINE.match(fold(line)):  # "- Giai đoạn 2025-2027", "a) Giai đoạn 2026-2027:"
            return re.sub(r"^\W*(?:[a-zđ]\)|\d{1,2}[.)])?\s*", "", line).strip(" -+–•:*")
        if heading_depth(line) is not None and not line.startswith(("-", "+", "–", "•")):
            return None
        end = start
    return None


def deadline_for(ndoc, cs, ce, ls, le, warnings, year, in_table=False):
    """The target's own deadline words, else its table row's deadline cell or its block's ("Thời gian
    hoàn thành: …"), else its heading's ("… đến năm 2025"). "từ ngày …" in the sentence sets ``start``."""
    text = ndoc.text
    phrase = find_deadline_phrase(text[cs:ce]) or find_deadline_phrase(text[ls:le])
    if phrase and year:
        y = re.findall(r"(?:19|20)\d\d", phrase)
        if y and int(y[-1][:4]) < year:
            phrase = None  # "đã quá hạn trong năm 2022" in a 2023 plan is history, not a deadline
    if phrase is None:
        m = _YEAR_LEAD.match(fold(text[ls:le]))
        if m:
            phrase = text[ls + m.start(): ls + m.end(1)].strip(" -+")
    if phrase is None and in_table:
        phrase = _row_deadline(text, le)
    if phrase is None and not in_table:
        phrase = block_deadline(ndoc, le)
    if phrase is None and not in_table:
        phrase = period_line_above(text, ls)
    if phrase is None and not in_table:
        for _, head in heading_chain(ndoc, ls):
            p = find_deadline_phrase(head)
            year_m = None if p else _HEADING_YEAR.search(head)
            if p or year_m:  # "… đến năm 2025", or a targets heading that ends in its year ("Chỉ tiêu cụ thể năm 2025")
                phrase = p or year_m.group(0)
                break
    start_m = _START_PHRASE.search(fold(text[cs:ce]))
    if phrase is None:
        return None
    d = to_deadline(phrase, warnings, year)
    if d is not None and start_m and d.start is None:
        sd = to_deadline(text[cs + start_m.start(): cs + start_m.end()], [], year)
        if sd is not None and (sd.start or sd.end) and (d.end is None or (sd.start or sd.end) <= d.end):
            d.start = sd.start or sd.end
            d.text = text[cs + start_m.start(): cs + start_m.end()] + "; " + d.text
    return d
