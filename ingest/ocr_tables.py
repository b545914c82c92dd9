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
merged across the table) is one cell; a band without its side rules ends the table (text
between two tables as wide). Where the rules do not part the rows (a table ruled by its
columns alone), or the scan is skewed so that no rule is found, the page is read as text
lines, as before. Thresholds are for 300 dpi and scale with the scan's resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MIN_RULE = 0.12  # a row rule is at least this share of the page width
DARK = 140  # gray level below which a pixel is ink
SAME_END = 25  # px: row rules of one table begin and end within this of each other
COLUMN_COVER = 0.85  # a column rule darkens this share of a row's height
SAME_RULE = 15  # px: column rules closer than this are one (a cell border drawn by both cells)
_RULE_GLYPHS = "|[]!_"  # what tesseract reads a rule as, alone or glued to a word ("9_", "Thường [")


def _unrule(word: str) -> str:
    """A word without the rule glyphs glued to it: bars and underscores at its ends, and a bracket at an
    end that no bracket closes ("[26]" stays)."""
    word = word.strip("|_")
    if word.endswith("[") and "]" not in word or word.endswith("(") and ")" not in word:
        word = word[:-1]
    if word.startswith("]") and "[" not in word:
        word = word[1:]
    return "" if not word.strip(_RULE_GLYPHS) else word


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


def _row_rules(ink, min_len: int, thick: int) -> list[tuple[int, int, int]]:
    """(y, x0, x1) of each horizontal rule at least ``min_len`` pixels long and at most ``thick`` thick; two
    rules side by side on one line (two tables) are two rules."""
    import numpy as np

    h, w = ink.shape
    cs = np.zeros((h, w + 1), dtype=np.uint16 if w < 65535 else np.int64)  # window sums stay exact modulo 2**16
    np.cumsum(ink, axis=1, out=cs[:, 1:])
    full = (cs[:, min_len:] - cs[:, :-min_len]) >= min_len - 2  # windows of min_len pixels nearly all ink
    rows = full.any(axis=1)
    rules: list[tuple[int, int, int]] = []
    for a, b in _runs(rows):  # a rule is a few pixels thick: one rule per run of rows
        if b - a > thick:
            continue  # a dark block (a photo, a stamp), not a rule
        for s, e in _runs(full[a:b].any(axis=0)):
            rules.append(((a + b) // 2, s, e + min_len))
    rules.sort()
    return rules


def find_grids(image, dpi: int = 300) -> list[Grid]:
    """The ruled tables of a page image (PIL, grayscale) scanned at ``dpi``."""
    import numpy as np

    k = dpi / 300  # the thresholds below are for 300 dpi
    ink = np.asarray(image) < DARK
    h, w = ink.shape
    same_end, same_rule, margin = round(SAME_END * k), round(SAME_RULE * k), max(round(4 * k), 2)
    open_grids: list[Grid] = []
    for y, x0, x1 in _row_rules(ink, max(int(w * MIN_RULE), 40), max(round(12 * k), 4)):
        g = next((g for g in open_grids if abs(g.x0 - x0) <= same_end and abs(g.x1 - x1) <= same_end), None)
        if g is not None:
            g.rules.append(y)
        else:
            open_grids.append(Grid([y], x0, x1))
    out = []
    for g in open_grids:
        bands: list[tuple[int, int, list[int]]] = []
        for a, b in zip(g.rules, g.rules[1:]):
            band = ink[a + margin:b - margin, max(g.x0 - margin, 0):min(g.x1 + margin, w)]
            cols: list[int] = []
            if band.shape[0] >= 8:
                cover = band.mean(axis=0) >= COLUMN_COVER
                for s, e in _runs(cover):  # a double rule (each cell drawing its own border) is one rule
                    x = max(g.x0 - margin, 0) + (s + e) // 2
                    if cols and x - cols[-1] <= same_rule:
                        cols[-1] = (cols[-1] + x) // 2
                    else:
                        cols.append(x)
            bands.append((a, b, cols))
        # a band without its side rules is not a row (text between two tables as wide), nor is a band taller
        # than a third of the page (a page frame with a column separator): the grid ends there
        run: list[tuple[int, int, list[int]]] = []
        for a, b, cols in bands + [(0, 0, [])]:
            sides = len(cols) >= 2 and abs(cols[0] - g.x0) <= same_end + margin and abs(cols[-1] - g.x1) <= same_end + margin
            if sides and b - a <= h / 3:
                run.append((a, b, cols))
                continue
            if any(len(c) >= 3 for _, _, c in run):  # at least one band cut in two cells between its side rules
                out.append(Grid([run[0][0]] + [bb for _, bb, _ in run], g.x0, g.x1, [c for _, _, c in run]))
            run = []
    return sorted(out, key=lambda g: g.top)


def _cell_text(words: list[tuple[int, int, int, str]]) -> str:
    """Words (top, left, height, text) of one cell in reading order: line by line, left to right."""
    return " ".join(" ".join(t for _, _, _, t in sorted(line, key=lambda x: x[1])) for line in _lines_of(words))


_ORDINAL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]?$")


def _lines_of(words: list[tuple[int, int, int, str]]) -> list[list[tuple[int, int, int, str]]]:
    lines: list[list[tuple[int, int, int, str]]] = []
    for wd in sorted(words):
        if lines and abs(wd[0] - lines[-1][0][0]) <= max(lines[-1][0][2], wd[2]) // 2:
            lines[-1].append(wd)
        else:
            lines.append([wd])
    return lines


def table_rows(grid: Grid, words: list[tuple[int, int, int, int, str]]) -> list[list[str]] | None:
    """The rows of ``grid`` from word boxes (left, top, width, height, text) whose centres fall in it; None where
    a band holds several rows its rules do not part (a table ruled by its columns alone between a header rule and
    a foot rule: several numbered lines in its first cell), which the page's text lines read better."""
    rows: list[list[str]] = []
    for (a, b), cols in zip(zip(grid.rules, grid.rules[1:]), grid.columns):
        edges = sorted(set([grid.x0] + [c for c in cols if grid.x0 + 8 < c < grid.x1 - 8] + [grid.x1]))
        cells: list[list[tuple[int, int, int, str]]] = [[] for _ in range(len(edges) - 1)]
        for left, top, width, height, text in words:
            text = _unrule(text)
            if not text:
                continue  # a rule read as a glyph
            cx, cy = left + width // 2, top + height // 2
            if a <= cy < b and edges[0] <= cx <= edges[-1]:
                k = next(i for i in range(len(edges) - 1) if cx <= edges[i + 1] or i == len(edges) - 2)
                cells[k].append((top, left, height, text))
        if len(cells) >= 2 and sum(1 for line in _lines_of(cells[0]) if _ORDINAL.match(sorted(line, key=lambda x: x[1])[0][3])) >= 2:
            return None
        row = [_cell_text(c) for c in cells]
        if any(row):
            rows.append(row)
    return rows
