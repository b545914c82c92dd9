"""Targets set out in a table by year: "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026".

Plans that run over several years very often list their targets this way: one row per
indicator, its unit in a column of its own, and one column per year. A cell of such a
table holds only a number ("80", "≥ 70", "Trên 90", "100%"), so the sentence reader of
``extract.targets`` — which needs a number and its words in one clause — finds nothing
there. This module reads the table by its header instead:

- a header cell naming the indicator (chỉ tiêu, nội dung, tiêu chí, danh mục, "Nhiệm vụ,
  chỉ tiêu"; with a unit column, whatever the first text column is called), optionally
  one naming the unit (đơn vị tính, ĐVT, a bare "Đơn vị"), and at least one naming a year ("Năm 2025",
  "2025", "Kế hoạch năm 2025", "Đến năm 2025");
- a column of a year before the plan's own year, or headed as a result ("Thực hiện năm
  2024", "Ước thực hiện", "Kết quả") is history, not a target;
- each value cell of a data row becomes one target: metric from the indicator cell,
  comparator from the cell's sign or words (≥, >, trên, tối thiểu, ít nhất, không dưới,
  tối đa, không quá, dưới; "70 - 80" is a range), unit from the unit column ("%" or the
  counted noun, lower-cased), deadline the end of the column's year;
- group rows (no value in a year column) and empty or non-numeric cells ("-", "x") are skipped.
"""

from __future__ import annotations

import re
from itertools import zip_longest
from typing import Optional

from extract.campaign import plan_year, to_deadline
from extract.evidence import evidence_for
from extract.levels import TINH, level_at, named_level
from extract.numbers import NUMBER_RE, clean_value, fold, parse_number
from normalize.model import NormalizedDocument
from normalize.tables import column_numbers
from vnplan.lang import alternation, phrases, vocabulary
from vnplan.schema import Target

_METRIC_HEAD = re.compile(r"^(?:ten\s+)?(?:chi tieu|noi dung|tieu chi|chi so|danh muc|nhiem vu|muc tieu)\b")
_INDEX_HEAD = re.compile(r"^(?:s\s*t\s*t|t\s*t|so\s+tt|so thu tu|#)\.?$")
_UNIT_HEAD = re.compile(r"^(?:don vi tinh|dvt|don vi do)\b|^don vi$")  # a bare "Đơn vị" beside a year column
_YEAR_HEAD = re.compile(r"^(?:(?:ke hoach|muc tieu|chi tieu|den|den het|giao)\s+)?(?:nam\s+)?((?:19|20)\d\d)\b")
_HISTORY_HEAD = re.compile(r"\b(?:thuc hien|uoc|ket qua|hien trang|da dat)\b")

_SYMBOLS = {">=": "=>", "<=": "=<", ">": "", "<": ""}  # besides the symbols of comparators.tsv
# a table cell's comparator words (vnplan/lang/vi/comparators.tsv; "Từ 70%" in a cell is ">=")
_CMP_WORDS = tuple(
    (c, "|".join(x for x in (_SYMBOLS[c], alternation(phrases("comparators", comparator=c, position="symbol")),
                                 alternation(phrases("comparators", comparator=c, position="before")
                                             + phrases("comparators", comparator=c, position="cell"))) if x))
    for c in (">=", "<=", ">", "<")
)
_VALUE = re.compile(
    rf"^(?P<cmp>(?:[^\d\s]+\s*){{0,3}}?)\s*(?P<v>{NUMBER_RE})\s*(?P<pct>%)?"
    rf"(?:\s*(?:-|–|den)\s*(?P<vmax>{NUMBER_RE})\s*%?)?\s*(?P<after>tro len|tro xuong)?\s*$"
)


def _comparator(words: str, after: Optional[str], ranged: bool) -> Optional[str]:
    if ranged:
        return "range"
    if after == "tro len":
        return ">="
    if after == "tro xuong":
        return "<="
    words = words.strip()
    if words in ("", "dat"):
        return "="
    for cmp, rx in _CMP_WORDS:
        if re.fullmatch(rf"(?:dat\s+)?(?:{rx})", words):
            return cmp
    return None  # words we do not know: not a plain value cell


def _columns(header: list[str], year: Optional[int], measured: bool = False):
    """(metric column, unit column or None, [(column, year)]) or None when this is not a by-year table."""
    heads = [fold(c).strip() for c in header]
    unit = next((i for i, h in enumerate(heads) if _UNIT_HEAD.match(h)), None)
    named = [i for i, h in enumerate(heads) if i != unit and not _YEAR_HEAD.match(h)]
    metric = next((i for i in named if _METRIC_HEAD.match(heads[i])), None)
    if metric is None and (unit is not None or measured):
        # "STT | Danh mục | ĐVT | Năm 2025": with a unit column (or units in the header) the indicator
        # is the first text column
        metric = next((i for i in named if heads[i] and not _INDEX_HEAD.match(heads[i])), None)
    years = []
    for i, h in enumerate(heads):
        m = _YEAR_HEAD.match(h)
        if not m or _HISTORY_HEAD.search(h) or (year and int(m.group(1)) < year):
            continue
        years.append((i, int(m.group(1))))
    if metric is None or not years:
        return None
    return metric, unit, years


_SCALES = {fold(r["phrase"]): float(r["factor"]) for r in vocabulary("unit_scales")}
_YEAR_PART = re.compile(r"\s*\u2016.*$")  # "Kế hoạch 2026 ‖ Lượng (Tấn)": the year part is before the mark


def _numbering_row(cells: list[str]) -> bool:
    """"1 | 2 | 3 | … | 11": a row that numbers the columns (as the table reader tells them)."""
    return bool(cells) and column_numbers(cells) == len(cells)


def _spanned_header(top: list[str], sub: list[str], body) -> Optional[tuple[list[str], dict[int, str]]]:
    """A two-row header whose last top cells each span ``k`` sub-header cells, the same measures
    under every year ("Kế hoạch 2026 | … | Kế hoạch 2030" over "Lượng | Giá trị" five times): the
    flat header with one column per (year, measure), and the measure of each such column."""
    widths = [len(cells) for _, _, cells in body if not _numbering_row(cells)]
    if not widths or len(sub) < 2:
        return None
    width = max(set(widths), key=widths.count)
    for spans in range(1, len(top)):
        if (width - (len(top) - spans)) != len(sub) or len(sub) % spans:
            continue
        k = len(sub) // spans
        if any(_YEAR_HEAD.match(fold(c).strip()) for c in sub):
            return top[: len(top) - spans] + sub, {}  # "GIAI ĐOẠN 2026 - 2030" over "Năm 2026 | … | Năm 2030"
        if k < 2 or not all(_YEAR_HEAD.match(fold(c).strip()) for c in top[len(top) - spans:]):
            continue
        if len({fold(c) for c in sub[:k]}) != k or any(fold(sub[i]) != fold(sub[i % k]) for i in range(len(sub))):
            continue  # the same measures under every year
        head = top[: len(top) - spans]
        measures = {}
        for j, year_cell in enumerate(top[len(top) - spans:]):
            for i in range(k):
                measures[len(head)] = sub[j * k + i]
                head.append(f"{year_cell} \u2016 {sub[j * k + i]}")
        return head, measures
    return None


def _measure(cell: str) -> tuple[str, str, float]:
    """"Lượng (Tấn)" → ("Lượng", "tấn", 1); "Giá trị tham gia xuất khẩu (Nghìn USD)" → (…, "USD", 1000)."""
    m = re.match(r"^(?P<name>.*?)\s*\((?P<unit>[^()]+)\)\s*$", cell.strip())
    if not m:
        return cell.strip(), "count", 1.0
    unit, factor = m.group("unit").strip(), 1.0
    first = fold(unit).split()[0] if unit.split() else ""
    if first in _SCALES and len(unit.split()) > 1:
        factor, unit = _SCALES[first], unit.split(None, 1)[1]
    return m.group("name").strip(), (unit if unit.isupper() else unit.lower()), factor


def _cell_value(cell: str, unit_cell: str):
    """(match, comparator, value, unit words) for a value cell ("≥ 70", "Trên 90", "100%"), or None
    when the cell holds no plain value."""
    m = _VALUE.match(fold(cell).strip())
    if not m:
        return None
    cmp = _comparator(m.group("cmp"), m.group("after"), bool(m.group("vmax")))
    value = parse_number(m.group("v"))
    if cmp is None or value is None:
        return None
    unit = "%" if m.group("pct") or "%" in unit_cell else (unit_cell.strip().lower() or "count")
    return m, cmp, value, unit


def _row_lines(ndoc: NormalizedDocument, start: int, end: int):
    pos = start
    for line in ndoc.text[start:end].split("\n"):
        yield pos, pos + len(line), [c.strip() for c in line.split("|")]
        pos += len(line) + 1


def year_tables(ndoc: NormalizedDocument) -> list[tuple[int, int, list[Target]]]:
    """(start, end, targets) for every by-year target table of the document."""
    year = plan_year(ndoc)
    out = []
    for table in ndoc.tables:
        rows = list(_row_lines(ndoc, table.start, table.end))
        if not rows:
            continue
        header, first = rows[0][2], 1
        measures: dict[int, str] = {}
        if len(rows) > 2:
            spanned = _spanned_header(header, rows[1][2], rows[2:])
            if spanned is not None:  # "Kế hoạch 2026" over "Lượng (Tấn) | Giá trị (Nghìn USD)"
                header, measures = spanned
                first = 3 if _numbering_row(rows[2][2]) else 2
        cols = _columns(header, year, bool(measures))
        if cols is None and len(rows) > 2:
            # "Chỉ tiêu | Đơn vị | Kế hoạch" over " | | Năm 2025 | Năm 2026": a header split over two rows
            lower = rows[1][2]
            header = [b or a for a, b in zip_longest(header, lower, fillvalue="")]
            cols, first = _columns(header, year), 2
        if cols is None:
            grouped = _period_grouped(ndoc, table, rows, year)
            if grouped:
                out.append((table.start, table.end, grouped))
            continue
        metric_col, unit_col, year_cols = cols
        width = len(header)
        targets: list[Target] = []
        for ls, le, cells in rows[first:]:
            # a header with a spanning cell ("GIAI ĐOẠN 2026 - 2030" over the years) is wider than its
            # rows: the year columns are then the row's last cells, counted from the right
            shift = width - len(cells) if len(cells) > max(metric_col, unit_col or 0) + len(year_cols) else 0
            cells = cells + [""] * (width - len(cells))  # empty last cells are not written out
            if len(cells) != width or not cells[metric_col]:
                continue
            metric = cells[metric_col].rstrip(" .:;")
            unit_cell = cells[unit_col] if unit_col is not None else ""
            for hcol, y in year_cols:
                col = hcol - shift if hcol - shift > max(metric_col, unit_col or 0) else hcol
                read = _cell_value(cells[col], unit_cell)
                if read is None:
                    continue
                m, cmp, value, unit = read
                row_metric = metric
                if hcol in measures:  # the measure's own name and unit: "Lượng (Tấn)" → "Lượng Xoài", tấn
                    name, unit, factor = _measure(measures[hcol])
                    value, row_metric = value * factor, f"{name} {metric[:1].lower() + metric[1:]}"
                warnings: list[str] = []
                head_text = _YEAR_PART.sub("", header[hcol]).strip()
                deadline = to_deadline(head_text, warnings, year)
                if deadline is not None and deadline.end is None:  # "Kế hoạch 2028": the end of that year
                    deadline = to_deadline(f"Năm {y}", warnings, year)
                    if deadline is not None:
                        deadline.text = head_text
                level = named_level(metric) or level_at(ndoc, table.start) or TINH
                targets.append(Target(
                    id="t0", metric=row_metric, comparator=cmp, value=clean_value(value),
                    value_max=clean_value(parse_number(m.group("vmax"))) if m.group("vmax") else None,
                    unit=unit, applies_to=level, deadline=deadline,
                    evidence=evidence_for(ndoc, ls, le, widen=False), confidence=0.85, warnings=warnings,
                ))
        out.append((table.start, table.end, targets))
    return out


_RESULT_HEAD = re.compile(r"^(?:ket qua|muc tieu|gia tri|chi tieu)(?:\s+(?:can dat|dat duoc|phan dau))?$")


def _period_grouped(ndoc: NormalizedDocument, table, rows, year: Optional[int]) -> list[Target]:
    """"TT | Chỉ tiêu | Đơn vị | Kết quả | …" whose group rows name the period the rows below are
    for ("I | Giai đoạn 2025-2027"): each result cell is a target due at the end of its group's
    period. Only periods that end in or after the plan's year count: a table of past results
    grouped by year is history."""
    header = rows[0][2]
    heads = [fold(c).strip() for c in header]
    metric = next((i for i, h in enumerate(heads) if _METRIC_HEAD.match(h)), None)
    unit = next((i for i, h in enumerate(heads) if _UNIT_HEAD.match(h)), None)
    value = next((i for i, h in enumerate(heads) if i != metric and _RESULT_HEAD.match(h)), None)
    if metric is None or value is None:
        return []
    out: list[Target] = []
    deadline = None
    for ls, le, cells in rows[1:]:
        filled = [c for c in cells if c]
        if len(filled) <= 2 and not (len(cells) > value and cells[value]):
            warnings: list[str] = []  # a group row: "I | Giai đoạn 2025-2027", "I.1 | Cung cấp dịch vụ số …"
            found = to_deadline(filled[-1], warnings, year) if filled and re.search(r"\b(?:19|20)\d\d\b", filled[-1]) else None
            if found is not None and found.end:
                deadline = found if not year or int(found.end[:4]) >= year else None
            continue
        if deadline is None or len(cells) <= max(metric, value) or not cells[metric]:
            continue
        read = _cell_value(cells[value], cells[unit] if unit is not None and unit < len(cells) else "")
        if read is None:
            continue
        m, cmp, v, unit_words = read
        out.append(Target(
            id="t0", metric=cells[metric].rstrip(" .:;"), comparator=cmp, value=clean_value(v),
            value_max=clean_value(parse_number(m.group("vmax"))) if m.group("vmax") else None,
            unit=unit_words,
            applies_to=named_level(cells[metric]) or level_at(ndoc, table.start) or TINH,
            deadline=deadline.model_copy(), evidence=evidence_for(ndoc, ls, le, widen=False), confidence=0.8,
        ))
    return out
