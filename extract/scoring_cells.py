"""Scoring tables as streams of cells, and the level each table scores.

Tables reach the extractors flattened (one cell per line between ``|`` lines), rebuilt by
normalize (one row per line, cells joined by `` | ``) or as " | " rows of a word-processor
export. The scoring reader takes them as a *stream of cells* — a row number, the
criterion, then optional max points and method — so misaligned rows and empty result
columns do not matter. A stream is cut at appendix titles ("PHỤ LỤC 3 …"), and the level
a table scores comes from its title ("… CHO CẤP XÃ", "Bảng chấm điểm đối với UBND cấp xã").
Targets stated in table cells are read from the same cells (``table_cells``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.levels import detect_level, heading_chain
from extract.numbers import fold
from normalize.model import NormalizedDocument
from normalize.patterns import PREFIX_LABEL


@dataclass
class Cell:
    text: str
    start: int
    end: int
    first: Optional[bool] = None  # the first filled cell of its row, where rows are known
    column: Optional[str] = None  # the header of its column (the table's first row), for a row of three cells or more


def _cells_from_tables(ndoc: NormalizedDocument) -> list[tuple[list[Cell], int]]:
    out = []
    text = ndoc.text
    for t in ndoc.tables:
        cells: list[Cell] = []
        pos = t.start
        header = [(c or "").strip() for c in t.rows[0]] if t.rows else []
        for row in t.rows:
            first = True
            for j, c in enumerate(row):
                c = (c or "").strip()
                if not c:
                    continue
                i = text.find(c, pos, t.end + 1)
                if i < 0:
                    i = text.find(c.split()[0], pos, t.end + 1) if c.split() else -1
                    s, e = (i, i + len(c)) if i >= 0 else (pos, pos)
                else:
                    s, e = i, i + len(c)
                pos = max(pos, e)  # past this cell: a row number "1" is not found inside "15"
                # (a header row may run on into a group row: its first cells still name the columns)
                column = header[j] if j < len(header) and len(row) >= 3 and row is not t.rows[0] else None
                # (a group row, "1. Tổ chức bộ máy (10 điểm)" across the table, keeps its number: no criterion)
                lab = PREFIX_LABEL.match(c) if first and j == 0 and row is not t.rows[0] \
                    and sum(1 for x in row if (x or "").strip()) >= 2 else None
                if lab:  # "1.1. Có đủ các chức danh …": a table with no TT column keeps the number in the text
                    cells.append(Cell(lab.group("lab"), s, s + len(lab.group("lab")), True, column))
                    cells.append(Cell(c[lab.end():], s + lab.end(), e, False, column))
                else:
                    cells.append(Cell(c, s, e, first, column))
                first = False
        out.append((cells, t.start))
    return out


def _cells_from_text(ndoc: NormalizedDocument) -> list[tuple[list[Cell], int]]:
    """Table regions of the text: runs of lines with ``|`` (raw flattened cells or
    rebuilt rows). A raw region (lines that are only ``|``) splits cells on ``|``;
    a rebuilt region on ``|`` and line ends."""
    text = ndoc.text
    lines = ndoc.lines()
    regions, cur, gap = [], [], 0
    for off, line in lines:
        if "|" in line:
            cur.append((off, line))
            gap = 0
        elif cur:
            gap += 1
            if gap > 8:
                regions.append(cur)
                cur, gap = [], 0
            else:
                cur.append((off, line))
    if cur:
        regions.append(cur)
    out = []
    for reg in regions:
        while reg and "|" not in reg[-1][1]:
            reg.pop()
        if len(reg) < 3:
            continue
        start, end = reg[0][0], reg[-1][0] + len(reg[-1][1])
        raw = any(l.strip() == "|" for _, l in reg)
        splitter = re.compile(r"\|" if raw else r"\||\n")
        cells: list[Cell] = []
        pos = start
        for m in list(splitter.finditer(text, start, end)) + [None]:
            e = m.start() if m else end
            seg = text[pos:e]
            stripped = seg.strip()
            if stripped:
                s = pos + (len(seg) - len(seg.lstrip()))
                cells.append(Cell(re.sub(r"\s+", " ", stripped), s, s + len(seg.strip())))
            if m:
                pos = m.end()
        out.append((cells, start))
    return out



def cell_streams(ndoc: NormalizedDocument) -> list[tuple[list[Cell], int]]:
    """(cells, start offset) of every table, from normalize's tables or else the text."""
    return _cells_from_tables(ndoc) if ndoc.tables else _cells_from_text(ndoc)


def title_level(ndoc: NormalizedDocument, start: int) -> Optional[str]:
    """Level named by the table's title ("PHỤ LỤC 3 … CÁCH TÍNH ĐIỂM CHO CẤP XÃ", "… CỦA
    CÁC SỞ, NGÀNH") in the lines just before it; "(Kèm theo Kế hoạch … của UBND tỉnh)" is
    not part of the title."""
    before = re.sub(r"\([^()]*\)", " ", ndoc.text[max(0, start - 400): start])
    f = fold(before)
    cut = f.rfind("phu luc")
    if cut >= 0:
        before, f = before[cut:], f[cut:]
    for m in re.finditer(r"\b(?:cho|doi voi|cua)\s+([^\n|]{3,60})", f):
        lvl = detect_level(before[m.start(1): m.end(1)])
        if lvl:
            return lvl
    if cut >= 0:
        lvl = detect_level(before)
        if lvl:
            return lvl
    for _, h in heading_chain(ndoc, start):
        lvl = detect_level(re.sub(r"\([^()]*\)", " ", h))
        if lvl:
            return lvl
    return None



def appendix_level(title: str, default: Optional[str]) -> Optional[str]:
    """Level an appendix title names ("PHỤ LỤC 3 … CHO CẤP XÃ (Kèm theo …)"), else ``default``."""
    lvl = None
    for m in re.finditer(r"(?:cho|doi voi)\s+(.{3,60})", fold(title)):
        lvl = lvl or detect_level(title[m.start(1):m.end(1)])
    return lvl or detect_level(re.split(r"\(", title)[0]) or default


def split_appendices(cells: list[Cell]) -> list[list[Cell]]:
    """Cut a cell stream at appendix titles ("PHỤ LỤC 3 …"): each appendix is its own table."""
    segs: list[list[Cell]] = [[]]
    for c in cells:
        if re.search(r"\bphu luc\s+(?:\d|[ivx]+\b)", fold(c.text)) and segs[-1]:
            segs.append([])
        segs[-1].append(c)
    return [s for s in segs if s]


def table_cells(ndoc: NormalizedDocument) -> tuple[list[tuple[Cell, Optional[str]]], list[tuple[int, int]]]:
    """Every cell of every table with the level its appendix title names, and the
    (start, end) spans of the tables. Targets stated inside tables are read from here."""
    streams = cell_streams(ndoc)
    cells: list[tuple[Cell, Optional[str]]] = []
    spans = []
    for stream, start in streams:
        if not stream:
            continue
        spans.append((start, stream[-1].end))
        level = title_level(ndoc, start)
        for seg in split_appendices(stream):
            t = seg[0].text
            if re.search(r"\bphu luc\b", fold(t)):
                level = appendix_level(t, level)
            cells.extend((c, level) for c in seg)
    return cells, spans

