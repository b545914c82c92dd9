"""Task tables: TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành.

Columns are found by their header words, whatever their order ("Nội dung công việc",
"Đơn vị chủ trì", "Thời hạn" …), and a second header row that splits "Cơ quan thực hiện"
into "Chủ trì | Phối hợp" is read too. Rows come from ``ndoc.tables`` when normalize
rebuilt them, else from " | " rows of the text, else from cells flattened one per line
between "|" lines (raw portal copies). A row with a task but no owner, deadline or
ordinal of its own is a group heading ("I | Hoàn thiện thể chế"), kept as ``group``.
"""

from __future__ import annotations

import re
from typing import Iterator

from extract.agencies import looks_like_agency
from extract.raw_task import RawTask
from normalize.model import NormalizedDocument

_TT = re.compile(r"^(?:\d{1,2}(?:[.,]\d{1,2}){0,3}\.?|[IVX]{1,5}(?:\.\d{1,2}){0,3}|[A-Z]|[a-zđ])$")
# the steps of an internal procedure ("quy trình nội bộ"): each is done by whoever holds the file
# within its time limit, which the gold reads as a procedure, not a task (gold/README.md)
_STEP = re.compile(r"^(?:Bước|B)\s*\d{1,2}\b", re.I)


def _cell_spans(text: str, cells: list[str], lo: int, hi: int) -> tuple[list[tuple[int, int] | None], int]:
    """Locate each non-empty cell of a row in text[lo:hi] in order (whitespace-insensitive)."""
    spans: list[tuple[int, int] | None] = []
    pos = lo
    for c in cells:
        words = c.split()
        if not words:
            spans.append(None)
            continue
        pat = r"\s*".join(re.escape(w) for w in words[:12])
        m = re.compile(pat).search(text, pos, hi)
        if not m:
            spans.append(None)
            continue
        e = m.end()
        if len(words) > 12:
            tail = re.compile(r"\s*".join(re.escape(w) for w in words[-6:])).search(text, e, hi)
            e = tail.end() if tail else e
        spans.append((m.start(), e))
        pos = e
    return spans, pos


def _raw_flat_tables(text: str) -> Iterator[list[list[tuple[str, int, int]]]]:
    """Tables flattened one cell per line between '|' lines (portal copies) → rows of (cell, start, end)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    pipes = [i for i, (_, l) in enumerate(lines) if l.strip() == "|"]
    regions: list[list[int]] = []
    for i in pipes:
        gap = lines[regions[-1][-1] + 1: i] if regions else []
        if regions and len(gap) <= 40 and not any(re.match(r"\s*PH[ỤU]\s*L[ỤU]C", l, re.I) for _, l in gap):
            regions[-1].append(i)
        else:
            regions.append([i])
    for reg in regions:
        if len(reg) < 6:
            continue
        cells: list[tuple[str, int, int]] = []
        first = reg[0] - 1
        bounds = [first - 1] + reg
        for a, b in zip(bounds, bounds[1:]):
            chunk = lines[a + 1: b]
            body = " ".join(l.strip() for _, l in chunk if l.strip())
            s = chunk[0][0] if chunk else lines[b][0]
            e = chunk[-1][0] + len(chunk[-1][1]) if chunk else s
            cells.append((body, s, e))
        header: list[tuple[str, int, int]] = []
        rows: list[list[tuple[str, int, int]]] = []
        for c in cells:
            if not rows and not (header and _TT.match(c[0])):
                header.append(c)
                continue
            ncols = max(len(header), 2)
            if not rows or len(rows[-1]) >= ncols or (_TT.match(c[0]) and len(rows[-1]) >= 2):
                rows.append([c])
            else:
                rows[-1].append(c)
        yield [header] + rows


def _sources(ndoc: NormalizedDocument) -> Iterator[tuple[list[list[str]], list[tuple[int, int] | None], str | None]]:
    """Every table as (rows of cells, span of each row, section), from the best source available."""
    text = ndoc.text
    if ndoc.tables:
        for t in ndoc.tables:
            pos, spans = t.start, []
            line_spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[: t.end]) if m.start() >= t.start]
            if len(line_spans) == len(t.rows):  # one row per line, as normalize writes them
                yield t.rows, line_spans, t.section
                continue
            for row in t.rows:
                cs, pos2 = _cell_spans(text, row, pos, t.end)
                found = [s for s in cs if s]
                spans.append((found[0][0], found[-1][1]) if found else None)
                pos = pos2 if found else pos
            yield t.rows, spans, t.section
        return
    piped = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"^[^\n]*\S[ \t]\|[ \t]\S[^\n]*$", text, re.M)]
    if piped:
        block: list[tuple[int, int, str]] = []
        for item in piped + [(-1, -1, "")]:
            if block and (item[0] < 0 or text[block[-1][1]:item[0]].count("\n") > 2):
                yield [[c.strip() for c in l.split("|")] for _, _, l in block], [(a, b) for a, b, _ in block], None
                block = []
            if item[0] >= 0:
                block.append(item)
        return
    for rows in _raw_flat_tables(text):
        yield [[c for c, _, _ in r] for r in rows], [(r[0][1], r[-1][2]) for r in rows], None


def tables(ndoc: NormalizedDocument) -> Iterator[tuple[list[list[str]], list[tuple[int, int] | None], str | None]]:
    """Every table as (rows of cells, span of each row, section). Rows that a portal merged
    ("II | Hạ tầng số | 3 | …") are split apart upstream, by ``normalize.tables.split_rows``."""
    yield from _sources(ndoc)


# a column naming the legal act each row rests on ("Tên VB quy định …", "Tên VBQPPL quy định …", "Căn cứ pháp
# lý", "Văn bản quy định"); not "Tên văn bản, nội dung giao quy định chi tiết", the acts a plan is to draft
_LEGAL_BASIS = re.compile(r"^\W*(?:tên (?:vbqppl|vb|văn bản)\s+quy định\b|căn cứ(?: pháp lý)?\W*$|"
                          r"văn bản (?:quy định|quy phạm|qppl)\b)")


def _columns(header: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        k = " ".join(h.lower().split())
        if _LEGAL_BASIS.match(k):
            continue  # "Tên VB quy định nội dung sửa đổi, bổ sung": the act a row rests on, not its content
        if "chủ trì" in k and "lead" not in cols:
            cols["lead"] = i
        elif "phối hợp" in k and "support" not in cols:
            cols["support"] = i
        elif re.search(r"thời gian|thời hạn|tiến độ", k) and "deadline" not in cols:
            cols["deadline"] = i
        elif re.search(r"nhiệm vụ|nội dung|công việc|giải pháp", k) and "task" not in cols:
            cols["task"] = i
        elif re.search(r"(?:cơ quan|đơn vị) (?:thực hiện|chịu trách nhiệm)|trách nhiệm", k) and "lead" not in cols:
            cols["lead"] = i
        elif re.fullmatch(r"s?tt|số tt|số thứ tự", k) and "tt" not in cols:
            cols["tt"] = i
    return cols


def table_tasks(ndoc: NormalizedDocument) -> list[RawTask]:
    out: list[RawTask] = []
    last: tuple[dict[str, int], int] | None = None  # the columns of the last task table and its width
    for rows, spans, _section in tables(ndoc):
        hdr = next((i for i, r in enumerate(rows[:3]) if {"task", "lead"} <= set(_columns(r))
                    or {"task", "deadline"} <= set(_columns(r)) and "support" in _columns(r)), None)
        if hdr is None:
            # a group row ("II. HOÀN THIỆN CƠ CHẾ …") that a portal set outside the table cuts it in
            # parts; the parts after it have no header but the same columns, numbered on
            if last is None or not rows or abs(len(rows[0]) - last[1]) > 1 or not _TT.match(rows[0][0].strip()):
                continue
            cols, first = dict(last[0]), 0
        else:
            cols = _columns(rows[hdr])
            first = hdr + 1
            last = (cols, len(rows[hdr]))
        if hdr is not None and first < len(rows):  # "Cơ quan thực hiện" split into "Chủ trì | Phối hợp" on a second header row
            whole = _columns(rows[first])
            sub = {k: v for k, v in whole.items() if k in ("lead", "support")}
            if sub and not any(_TT.match(" ".join(c.split())) for c in rows[first][:1]):
                if len(rows[first]) > len(rows[hdr]) and "task" in whole:
                    cols = whole  # a Word header whose merged cells repeat on the second row: its columns are the row's
                    last = (cols, len(rows[first]))
                else:
                    cols.update(sub)
                first += 1
        group = None
        width = last[1]  # the header's width (its second row's when that row holds the columns)
        for row, span in zip(rows[first:], spans[first:]):
            cell = lambda k, r=row: _cell(r, cols, k)  # noqa: E731
            tt, task = cell("tt"), cell("task")
            if not cell("tt") and "tt" not in cols and row:
                tt = " ".join(row[0].split()) if _TT.match(" ".join(row[0].split())) else ""
            owners = cell("lead") or cell("support") or cell("deadline")
            if not task or span is None:
                continue
            if _STEP.match(tt) or _STEP.match(" ".join(row[0].split()) if row else ""):
                continue  # "Bước 2 | Phân công thụ lý hồ sơ | Lãnh đạo Phòng | 0,5 ngày làm việc": a procedure's step
            if len(_columns(row[2:])) >= 2:  # a group row merged with the header it repeats under it
                group = task
                continue
            if not owners and (re.fullmatch(r"\d{1,2}\.?|[IVX]{1,5}(?:\.\d{1,2}){0,3}|[A-Z]", tt) or not tt):
                group = task
                continue
            sub = _sub_row(row, cols, width)
            if sub:
                cell = lambda k, r=row[: len(row) - len(sub) - 1]: _cell(r, cols, k)  # noqa: E731  (the row's own task)
            out.append(RawTask(cell("task"), span[0], span[1], cell("lead"), cell("support"), cell("deadline"),
                               "table" if cell("lead") else "", "table" if cell("support") else "", "table", group))
            if sub:  # the row's second task, its ordinal and last columns spanning both
                at = {k: cols[k] - cols["task"] for k in ("task", "lead", "support", "deadline") if k in cols and cols[k] >= cols["task"]}
                own = {k: " ".join(sub[i].split()) if i < len(sub) else "" for k, i in at.items()}
                lead, support = own.get("lead") or cell("lead"), own.get("support") or cell("support")
                out.append(RawTask(own["task"], span[0], span[1], lead, support, own.get("deadline") or cell("deadline"),
                                   "table" if lead else "", "table" if support else "", "table", group))
    return out


def _cell(row: list[str], cols: dict[str, int], key: str) -> str:
    """The whitespace-collapsed text of a row's ``key`` column ("" where the row has none)."""
    return " ".join(row[cols[key]].split()) if key in cols and cols[key] < len(row) else ""


def _sub_row(row: list[str], cols: dict[str, int], width: int) -> list[str]:
    """A second row a portal ran into this one ("1 | Xây dựng hạ tầng … | Trung tâm … | … | | Xây dựng hạ tầng
    kỹ thuật dự phòng … | Trung tâm …"): the row is wider than its header and, after an empty cell (the
    row's end), holds another task with its owners, the ordinal and the columns after them spanning both. [] if not."""
    if "task" not in cols or len(row) <= width:
        return []
    for e in range(cols["task"] + 1, len(row) - 1):
        rest = row[e + 1:]
        if not row[e].strip() and len(rest) <= width - cols["task"] and len(rest[0].split()) >= 4 \
                and not _TT.match(rest[0].strip()) and not looks_like_agency(rest[0]) and rest[0] != rest[0].upper():
            return rest
    return []

