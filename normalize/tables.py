"""Rebuild tables that a portal flattened to one cell per line between ``|`` lines.

Scraped HTML tables arrive as a stream of cells, each cell's text followed by a line
holding only ``|`` (an empty cell is a ``|`` line on its own); row ends are not marked.
Rows are recovered from the first column, which in Vietnamese plan tables is the
ordinal column (TT/STT): A, B / I, II / 1, 2 / 1.1, 1.2 (or ``1,2`` typed with a comma).
A cell starts a new row when its label continues that numbering, and either the current
row already has as many cells as the header, or the label is a child of the current
row's label (a group row such as "1 | Công tác tham mưu" followed by "1.1 | …").
Each table is stored as rows of cells in ``draft.tables`` and rendered as one line per
row with cells separated by " | ", so line-based extractors see rows.

Markdown pipe tables ("| TT | Nội dung | … |" rows under a "|---|---|" rule, as
converters and editors write them) are brought to the same " | " rows: the outer
pipes go, the rule line goes, empty cells stay in place. In a run of rows typed with a
leading pipe only, a row ending in "|" keeps it: that is an empty last cell.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, Line, stage
from normalize.patterns import APPENDIX, PIPE_LINE, PREFIX_LABEL, roman_value
from normalize.text import fold, is_upper_line, starts_lower

ORDINAL = re.compile(r"^(?:[IVXLC]{1,5}(?:\.\d{1,3}){0,3}|[A-Z]|[a-zđ]|\d{1,3}(?:[.,]\d{1,3}){0,3})[.)]?$")
MAX_CELL_LINES = 15
MAX_RESUMED_CELL_LINES = 80  # a longer cell only where the rows' numbering goes on after it
MIN_PIPES = 6


def norm_label(cell: str) -> str:
    return cell.strip().rstrip(".)").replace(",", ".")


def is_ordinal(cell: str) -> bool:
    return bool(ORDINAL.match(cell.strip()))


def _kind(lab: str) -> str:
    if re.fullmatch(r"\d+(\.\d+)*", lab):
        return "num"
    if re.fullmatch(r"[a-zđ]", lab):
        return "lower"
    if re.fullmatch(r"[IVXLC]+(\.\d+)+", lab):
        return "mixed"  # "I.1", "III.1.2": a group under a Roman part
    if re.fullmatch(r"[A-Z]", lab) and lab not in "IVXLC":
        return "upper"
    if roman_value(lab):
        return "roman" if len(lab) > 1 or lab == "I" else "upper-or-roman"
    return "other"


def follows(lab: str, seen: list[str]) -> bool:
    """Does ``lab`` continue a numbering already present in ``seen`` (or start a new one)?"""
    k = _kind(lab)
    if k in ("num", "mixed"):
        parts = lab.split(".")
        last = int(parts[-1])
        if last == 1:
            return True
        return ".".join(parts[:-1] + [str(last - 1)]) in seen or ".".join(parts[:-1] + [f"{last - 1:02d}"]) in seen
    if k in ("upper", "lower", "upper-or-roman"):
        if lab in ("A", "a") or chr(ord(lab) - 1) in seen:
            return True
    if k in ("roman", "upper-or-roman"):
        v = roman_value(lab)
        return v == 1 or any(roman_value(s) == v - 1 and _kind(s) in ("roman", "upper-or-roman") for s in seen)
    return False


def is_child(lab: str, parent: str | None) -> bool:
    if parent is None:
        return False
    kl, kp = _kind(lab), _kind(parent)
    if kl in ("num", "mixed") and kp in ("num", "mixed", "roman", "upper-or-roman") and "." in lab:
        return lab.startswith(parent + ".") and lab.count(".") == parent.count(".") + 1 and lab.endswith(".1")
    if kp in ("upper", "upper-or-roman") and kl in ("roman", "upper-or-roman") and lab == "I":
        return True
    if kp in ("roman", "upper-or-roman", "upper", "mixed") and kl == "num" and lab == "1":
        return True
    if kp == "num" and kl == "lower" and lab == "a":
        return True
    return False


def _resumes(lab: str, cur_lab: str | None, seen: list[str], nxt: str) -> bool:
    """Does ``lab`` resume the item numbering after a merged group row ("II | Hạ tầng số" then
    "3 | Phủ sóng 4G …" when rows 1, 2 came under "I")? Its predecessor was seen, the current
    row is a group of another kind of label, and text (not a points figure) follows it."""
    if cur_lab is None or _kind(lab) != "num" or _kind(cur_lab) == "num" or "." in lab or int(lab) < 2:
        return False
    if not (str(int(lab) - 1) in seen or f"{int(lab) - 1:02d}" in seen):
        return False
    return len(nxt) >= 3 and not is_ordinal(nxt) and bool(re.search(r"[^\W\d_]{2}", nxt))


_SUB_ROW = {"-", "+", "–", "•"}
_WORDY = re.compile(r"[^\W\d_]{3}")  # a cell of words, not a number or a points figure


def _skips_to(lab: str, current: list[str], nxt: str) -> bool:
    """A row closed by the portal ("… | |") after four cells or more, and a label a little past its own ("37 | … |
    |" then "39 | Khẩn trương …", "19" then "22"): the document skipped or reordered a number, the row still ends
    there (an empty cell early in a row, "1 | Ban hành kế hoạch | | 3 | …", is no close: the row is too short)."""
    if current[-1] != "" or not is_ordinal(current[0]) or len(current) < 5:
        return False
    cur = norm_label(current[0])
    if _kind(lab) != "num" or _kind(cur) != "num" or "." in lab or "." in cur:
        return False
    return 0 <= int(lab) - int(cur) <= 3 and not is_ordinal(nxt) and bool(_WORDY.search(nxt))


def _prefix_label(cell: str) -> str | None:
    """"1.1. Có đủ các chức danh …": the ordinal a cell opens with, in a table with no ordinal column."""
    m = PREFIX_LABEL.match(cell.strip())
    return m.group("lab") if m else None


def _labelled_rows(cells: list[str]) -> list[list[str]] | None:
    """Rows of a table whose first column holds its ordinal and its text together ("1. Tổ chức bộ máy (10 điểm)",
    "1.1. Có đủ các chức danh …", a criteria table with no TT column): a row starts at such a cell after a row
    the portal closed (an empty cell) when the label continues the numbering. None if the stream is not such."""
    labels = [_prefix_label(c) for c in cells]
    k = next((i for i, lab in enumerate(labels) if lab and follows(lab, [])), None)
    if k is None or k == 0 or sum(1 for lab in labels[k:] if lab) < 3:
        return None
    rows: list[list[str]] = _header_rows(cells[:k])
    seen = [labels[k]]
    current = [cells[k]]
    for cell, lab in zip(cells[k + 1:], labels[k + 1:]):
        if lab and current[-1] == "" and follows(lab, seen):
            rows.append(current)
            current = [cell]
            seen.append(lab)
            continue
        current.append(cell)
    rows.append(current)
    return rows


def split_rows(cells: list[str]) -> list[list[str]]:
    """Group a flat cell stream into rows (the header row first when there is one)."""
    if not cells:
        return []
    if not is_ordinal(cells[0]) and not _ORDINAL_HEAD.match(fold(cells[0]).strip("*_ ")):
        labelled = _labelled_rows(cells)  # no ordinal column: its labels stand at the start of the text cells
        if labelled is not None:
            return labelled
    k = 0
    if not is_ordinal(cells[0]):
        k = next((i for i in range(1, len(cells)) if is_ordinal(cells[i]) and follows(norm_label(cells[i]), [])), len(cells))
        if k == len(cells):  # a table cut by a part heading goes on at "4": its first row opens after a closed cell
            k = next((i for i in range(1, len(cells) - 1) if cells[i - 1] == "" and is_ordinal(cells[i])
                      and _kind(norm_label(cells[i])) == "num" and _WORDY.search(cells[i + 1])), len(cells))
    rows: list[list[str]] = _header_rows(cells[:k]) if k else []
    width = len(rows[0]) if rows else 0
    n = column_numbers(cells, k)
    if n:  # "1 | 2 | 3 | … | 11" under the header numbers its columns: a header row, not items
        rows.append(cells[k:k + n])
        k += n
        while k < len(cells) and cells[k] == "":
            k += 1
    # rows that resume at "4" take "3" as seen, so that "5" follows
    first = norm_label(cells[k]) if k < len(cells) else ""
    seen: list[str] = [str(int(first) - 1)] if first.isdigit() and int(first) > 1 else []
    current: list[str] = []
    body = cells[k:]
    for i, cell in enumerate(body):
        if current and current[-1] == "" and cell.strip() in _SUB_ROW and len(current) >= 3:
            rows.append(current)  # "- | Diện tích | Ha | …": a sub-row opened after a closed row
            current = [cell]
            continue
        lab = norm_label(cell) if is_ordinal(cell) else None
        nxt = body[i + 1] if i + 1 < len(body) else ""
        if current and lab is not None and len(current) >= 2 and (follows(lab, seen) or _skips_to(lab, current, nxt)):
            cur_lab = norm_label(current[0]) if is_ordinal(current[0]) else None
            # portals close a row with "|" and open the next with "|": an empty cell before a label
            # that continues the numbering is a row boundary (merged cells make rows shorter)
            closed = current[-1] == "" and (is_ordinal(current[0]) or current[0].strip() in _SUB_ROW)
            if (width and len(current) >= width) or is_child(lab, cur_lab) or _resumes(lab, cur_lab, seen, nxt) or closed:
                rows.append(current)
                current = [cell]
                seen.append(lab)
                continue
        if not current and lab is not None:
            seen.append(lab)
        current.append(cell)
    if current:
        rows.append(current)
    return rows


def _header_rows(cells: list[str]) -> list[list[str]]:
    """The header cells split into rows where the portal closed one row and opened the next (an
    empty cell between them): "TT | Sản phẩm | Kế hoạch 2026 | …" over "Lượng (Tấn) | Giá trị … | …"."""
    groups: list[list[str]] = [[]]
    for c in cells:
        if c == "":
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(c)
    groups = [g for g in groups if g]
    if len(groups) < 2 or any(len(g) < 2 for g in groups):
        return [cells]
    return groups


def column_numbers(cells: list[str], k: int = 0) -> int:
    """How many cells from ``k`` on number the columns: "1", "2", … "n" (n ≥ 4), else 0."""
    n = 0
    while k + n < len(cells) and cells[k + n].strip(" *()") == str(n + 1):
        n += 1
    return n if n >= 4 else 0


def render_row(row: list[str]) -> str:
    cells = list(row)
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


_PART_HEADING = re.compile(r"^\s*(?:[IVXLC]{1,6}|[A-ZĐ])\s*[.)]\s+(?=\S)")  # "II. NHIỆM VỤ", "B. QUY TRÌNH NỘI BỘ"


def _breaks_table(ln: Line) -> bool:
    f = fold(ln.text)
    return bool(APPENDIX.match(f)) or (bool(_PART_HEADING.match(ln.text)) and is_upper_line(ln.text)) or ln.kind in ("header", "title", "sign")


# an annex's caption in brackets, or the tail of one wrapped over lines ("… Chính phủ)")
_CAPTION = re.compile(r"^[*_\s]*\(.*\)[*_.\s]*$|^[^()]*\)[*_.\s]*$")


_ORDINAL_HEAD = re.compile(r"^\W*(?:stt|tt|so\s+tt|so\s+thu\s+tu)\W*$")


def _opens_with_ordinal_column(lines: list[Line], pipe: int) -> bool:
    """"DANH MỤC NHIỆM VỤ" / "|" / "**STT**" / "|" / "Nhiệm vụ" …: the row opens with its pipe, and the
    ordinal column, always the first, comes after it; the line above is the table's title, no cell."""
    nxt = next((ln for ln in lines[pipe + 1 : pipe + 4] if ln.kind != "blank"), None)
    return nxt is not None and bool(_ORDINAL_HEAD.match(fold(nxt.text).strip("*_ ")))


def _row_label(lines: list[Line], i: int) -> str | None:
    """The ordinal in line ``i`` when it is a cell of its own between two ``|`` lines."""
    if 0 < i < len(lines) - 1 and is_ordinal(lines[i].text) and PIPE_LINE.match(lines[i - 1].text) \
            and PIPE_LINE.match(lines[i + 1].text):
        return norm_label(lines[i].text)
    return None


def _resumes_rows(lines: list[Line], region: list[int], pipe: int) -> bool:
    """Does the run of ``|`` lines from ``pipe`` on carry on the rows of ``region`` after a cell too
    long for ``MAX_CELL_LINES`` (a report's "Kết quả thực hiện" of 30 lines)? Its first row label is
    the next of the region's last one ("11" … "12"), not a new table's "1"."""
    last = next((lab for i in range(region[-1], region[0], -1) if (lab := _row_label(lines, i))), None)
    if last is None:
        return False
    end = min(len(lines), pipe + 4 * MAX_CELL_LINES)
    first = next((lab for i in range(pipe, end) if (lab := _row_label(lines, i))), None)
    return first is not None and first.split(".")[-1] not in ("1", "01") and follows(first, [last])


_BARE_ROMAN = re.compile(r"^\s*[IVXLC]{1,6}\s*[.)]\s*$")


def _heading_goes_on(prev: Line, ln: Line) -> bool:
    """``ln``, in capitals, is the rest of the part heading ``prev`` begins ("I." / "NÂNG CAO NHẬN THỨC …", "II. HOÀN"
    / "THIỆN CƠ CHẾ …", where a bold run that held it together was lost)."""
    return is_upper_line(ln.text) and (bool(_BARE_ROMAN.match(prev.text)) or _breaks_table(prev))


def _breaks_gap(gap: list[Line]) -> bool:
    """A part heading between two runs of cells ends the table, its Roman number on a line of its own or not."""
    texts = [g for g in gap if g.kind != "blank"]
    return any(_breaks_table(g) for g in gap) or any(_heading_goes_on(a, b) for a, b in zip(texts, texts[1:]))


def _ends_part_heading(lines: list[Line], i: int) -> bool:
    """Line ``i`` is the rest of a part heading above it: the table goes on below the heading, the line is no cell."""
    k = i - 1
    while k >= 0 and lines[k].kind == "blank":
        k -= 1
    return k >= 0 and _heading_goes_on(lines[k], lines[i])


def find_regions(lines: list[Line]) -> list[tuple[int, int]]:
    """(first line, last pipe line) of every run of ``|`` lines dense enough to be a table."""
    pipes = [i for i, ln in enumerate(lines) if PIPE_LINE.match(ln.text) and ln.kind not in ("header", "sign")]
    regions: list[list[int]] = []
    for p in pipes:
        if regions:
            last = regions[-1][-1]
            gap = lines[last + 1 : p]
            if not _breaks_gap(gap) and (
                    len(gap) <= MAX_CELL_LINES or (len(gap) <= MAX_RESUMED_CELL_LINES and _resumes_rows(lines, regions[-1], p))):
                regions[-1].append(p)
                continue
        regions.append([p])
    out = []
    for reg in regions:
        if len(reg) < MIN_PIPES:
            continue
        first = reg[0] - 1
        # the first cell is the text just before the first "|" (a continued line belongs to it)
        while first > 0 and starts_lower(lines[first].text) and not PIPE_LINE.match(lines[first - 1].text) \
                and lines[first - 1].kind == "text" and reg[0] - first < 4:
            first -= 1
        if first < 0 or lines[first].kind != "text" or PIPE_LINE.match(lines[first].text) \
                or _CAPTION.match(" ".join(ln.text.strip() for ln in lines[first:reg[0]])) \
                or _opens_with_ordinal_column(lines, reg[0]) or _ends_part_heading(lines, first):
            first = reg[0]  # "(Kèm theo Quyết định số …)" above the opening "|" is the caption, no cell
        out.append((first, reg[-1]))
    return out


def _row_runs(lines: list[Line]) -> None:
    """Mark runs of rows already written as "a | b | c" (PDF and Word tables) as tables; a lone row
    only where the reader found it in a table."""
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and lines[j].kind == "text" and lines[j].text.count(" | ") >= 1:
            j += 1
        if j - i >= 2 or j - i == 1 and lines[i].row:
            yield i, j
            i = j
        else:
            i += 1


def tab_rows(lines: list[Line]) -> None:
    """Rows of a table pasted from a word processor ("1<TAB>Tiêu chí<TAB>10") become " | " rows.

    Copying a Word or spreadsheet table as plain text separates cells by tabs; the
    cleaning that follows would turn them into spaces and run the row into prose. A run
    of two or more consecutive lines, each with at least two cells between tabs, is a
    table (an empty cell, two tabs in a row, stays in place); a lone tabbed line is not.
    """
    def cells(ln: Line) -> list[str] | None:
        t = ln.text.strip(" \t\r\u00a0")
        if ln.kind != "text" or "\t" not in t:
            return None
        parts = [" ".join(c.split()) for c in re.split(r"\t", t)]
        return parts if sum(1 for c in parts if c) >= 2 else None

    rows = [cells(ln) for ln in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and rows[j] is not None:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                lines[k].text = " | ".join(rows[k])
        i = max(j, i + 1)


_MD_ROW = re.compile(r"^\s*\|(.*\|.*)\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _open_row_runs(lines: list[Line]) -> set[int]:
    """Indexes of "| a | b" rows in a run where some row does not close with a pipe.

    Such a run is a table typed with leading pipes only; a row of it that ends in "|"
    has an empty last cell ("| Tỷ lệ … | % | 85 | "), not the closing pipe of markdown.
    """
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind == "text" and lines[j].text.lstrip().startswith("|") \
                and "|" in lines[j].text.strip()[1:] and not _MD_RULE.match(lines[j].text):
            j += 1
        if j > i and any(not lines[k].text.rstrip().endswith("|") for k in range(i, j)):
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def markdown_rows(lines: list[Line]) -> list[Line]:
    """The lines with markdown pipe-table rows rewritten as " | " rows and their rule lines dropped."""
    out = []
    keep = _open_row_runs(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "text" and "|" in ln.text and _MD_RULE.match(ln.text):
            continue
        m = _MD_ROW.match(ln.text) if ln.kind == "text" and i not in keep else None
        if m:
            ln.text = " | ".join(" ".join(c.split()) for c in m.group(1).split("|")).rstrip(" |")
            if "|" not in ln.text:
                ln.text += " | "  # a group row with one filled cell ("| **A. Định danh** | | |") stays a row
        out.append(ln)
    return out


_CELL_SEP = re.compile(r"\s*(?<!\S)\|(?!\S)\s*")


def row_cells(text: str) -> list[str]:
    """Cells of a " | " row; an empty cell ("a | | b") and a closing pipe ("15 |") are read as empty cells."""
    return [c.strip() for c in _CELL_SEP.split(text.strip())]


def mark_row_tables(draft: Draft) -> None:
    runs = list(_row_runs(draft.lines))
    for a, b in runs:
        idx = len(draft.tables)
        rows = [row_cells(ln.text) for ln in draft.lines[a:b]]
        draft.tables.append(rows)
        for ln, row in zip(draft.lines[a:b], rows):
            ln.kind, ln.table = "table", idx
            ln.text = render_row(row)


@stage("tables")
def tables(draft: Draft) -> None:
    draft.lines = markdown_rows(draft.lines)
    mark_row_tables(draft)
    lines = draft.lines
    regions = find_regions(lines)
    if not regions:
        return
    out: list[Line] = []
    pos = 0
    for first, last in regions:
        out.extend(lines[pos:first])
        cells: list[str] = []
        pages: list[Line] = []
        buf: list[Line] = []
        for ln in lines[first : last + 1]:
            if PIPE_LINE.match(ln.text):
                if not cells and not any(b.text.strip() for b in buf):
                    continue  # the pipe that opens the table: no cell before it
                cells.append(" ".join(b.text.strip() for b in buf if b.text.strip()))
                pages.append(buf[0] if buf else ln)
                buf = []
            elif ln.kind != "blank":
                buf.append(ln)
        rows = split_rows(cells)
        idx = len(draft.tables)
        draft.tables.append(rows)
        c = 0
        for row in rows:
            src = pages[c] if c < len(pages) else lines[first]
            c += len(row)
            out.append(Line(render_row(row), src.page, src.src, [], "table", idx))
        pos = last + 1
    out.extend(lines[pos:])
    draft.lines = out
