"""Ruled tables on a scanned page, read cell by cell from tesseract's word boxes.

Tesseract reads a page in text lines; on a ruled table its lines run across the cells, so a
task table's "Tên nhiệm vụ | Cơ quan chủ trì | Thời gian" comes out as fragments of three
columns interleaved. The rules themselves are easy to see in the image: long runs of dark
pixels across (the row rules) and down (the column rules). The grid they draw decides which
cell each word box falls in; each cell's words are put back in reading order and the row is
written as one line with its cells between `` | ``, as the PDF text-layer reader writes its
tables. No second OCR pass: the words are those of the page's one tesseract call.

A row rule is a run of dark pixels at least :data:`MIN_RULE` of the page width long; the rows
of one table are the rules that share their left and right ends; a column rule is a column of
pixels dark over most of a row's height. A row whose column rules are missing (a group row
merged across the table) is one cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_RULE = 0.12  # a row rule is at least this share of the page width
DARK = 140  # gray level below which a pixel is ink
SAME_END = 25  # px: row rules of one table begin and end within this of each other
COLUMN_COVER = 0.85  # a column rule darkens this share of a row's height
SAME_RULE = 15  # px: column rules closer than this are one (a cell border drawn by both cells)
_RULE_GLYPHS = "|[]!"  # what tesseract reads a column rule as, glued to a word or alone


@dataclass
class Grid:
    """One ruled table: its row rules (y), left and right ends, and per row band the x of the column rules."""

    rules: list[int]
    x0: int
    x1: int
    columns: list[list[int]] = field(default_factory=list)  # one list per band between two rules

    @property
    def top(self) -> int:
        return self.rules[0]

    @property
    def bottom(self) -> int:
        return self.rules[-1]


def _runs(mask_1d) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in a 1-d boolean array."""
    import numpy as np

    d = np.diff(np.concatenate(([0], mask_1d.view(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))


def _row_rules(ink, min_len: int) -> list[tuple[int, int, int]]:
    """(y, x0, x1) of each horizontal rule at least ``min_len`` pixels long."""
    import numpy as np

    h, w = ink.shape
    cs = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(ink, axis=1, out=cs[:, 1:])
    full = (cs[:, min_len:] - cs[:, :-min_len]) >= min_len - 2  # windows of min_len pixels nearly all ink
    rows = np.flatnonzero(full.any(axis=1))
    rules: list[tuple[int, int, int]] = []
    for a, b in _runs(np.isin(np.arange(h), rows)):  # a rule is a few pixels thick: one rule per run of rows
        xs = np.flatnonzero(full[a:b].any(axis=0))
        if b - a <= 12 and len(xs):
            rules.append(((a + b) // 2, int(xs[0]), int(xs[-1]) + min_len))
    return rules


def find_grids(image) -> list[Grid]:
    """The ruled tables of a page image (PIL, grayscale)."""
    import numpy as np

    ink = np.asarray(image) < DARK
    h, w = ink.shape
    rules = _row_rules(ink, max(int(w * MIN_RULE), 40))
    grids: list[Grid] = []
    for y, x0, x1 in rules:
        g = grids[-1] if grids else None
        if g is not None and abs(g.x0 - x0) <= SAME_END and abs(g.x1 - x1) <= SAME_END:
            g.rules.append(y)
        else:
            grids.append(Grid([y], x0, x1))
    out = []
    for g in grids:
        if len(g.rules) < 2:
            continue
        for a, b in zip(g.rules, g.rules[1:]):
            band = ink[a + 4:b - 3, max(g.x0 - 4, 0):min(g.x1 + 4, w)]
            if band.shape[0] < 8:
                g.columns.append([])
                continue
            cover = band.mean(axis=0) >= COLUMN_COVER
            xs = [max(g.x0 - 4, 0) + (s + e) // 2 for s, e in _runs(cover)]
            merged: list[int] = []
            for x in xs:  # a double rule (each cell drawing its own border) is one rule
                if merged and x - merged[-1] <= SAME_RULE:
                    merged[-1] = (merged[-1] + x) // 2
                else:
                    merged.append(x)
            g.columns.append(merged)
        if any(len(c) >= 3 for c in g.columns):  # at least one band cut in two cells between its side rules
            out.append(g)
    return out


def _cell_text(words: list[tuple[int, int, int, str]]) -> str:
    """Words (top, left, height, text) of one cell in reading order: line by line, left to right."""
    lines: list[list[tuple[int, int, int, str]]] = []
    for wd in sorted(words):
        if lines and abs(wd[0] - lines[-1][0][0]) <= max(lines[-1][0][2], wd[2]) // 2:
            lines[-1].append(wd)
        else:
            lines.append([wd])
    return " ".join(" ".join(t for _, _, _, t in sorted(line, key=lambda x: x[1])) for line in lines)


def table_rows(grid: Grid, words: list[tuple[int, int, int, int, str]]) -> list[list[str]]:
    """The rows of ``grid`` from word boxes (left, top, width, height, text) whose centres fall in it."""
    rows: list[list[str]] = []
    for (a, b), cols in zip(zip(grid.rules, grid.rules[1:]), grid.columns):
        edges = sorted(set([grid.x0] + [c for c in cols if grid.x0 + 8 < c < grid.x1 - 8] + [grid.x1]))
        cells: list[list[tuple[int, int, int, str]]] = [[] for _ in range(len(edges) - 1)]
        for left, top, width, height, text in words:
            text = text.strip(_RULE_GLYPHS)
            if not text:
                continue
            cx, cy = left + width // 2, top + height // 2
            if a <= cy < b and edges[0] <= cx <= edges[-1]:
                k = next(i for i in range(len(edges) - 1) if cx <= edges[i + 1] or i == len(edges) - 2)
                cells[k].append((top, left, height, text))
        row = [_cell_text(c) for c in cells]
        if any(row):
            rows.append(row)
    return rows
