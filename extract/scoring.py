"""Scoring criteria (thang điểm): the rows of a plan's scoring tables.

Emulation plans score units against a table: TT | Chỉ tiêu, nhiệm vụ | Điểm tối đa |
Cách tính điểm, grouped under roman numerals (I. Công tác tham mưu … 30) inside
sections A. ĐIỂM CƠ BẢN / B. ĐIỂM CỘNG / C. ĐIỂM TRỪ. Tables reach us flattened
(one cell per line between ``|`` lines), rebuilt by normalize (one row per line,
cells joined by `` | ``) or interleaved by OCR. Rows are read here as a *stream of
cells* — a row number, the criterion, then optional max points and method — so
misaligned rows and empty result columns do not matter.

The OCR-interleaved layout ("NỘI DUNG | CHUẨN HƯỚNG DẪN CHẤM": criterion words,
max points and "a = …, b = …, Tỷ lệ = a/b, + Tỷ lệ >= 90%: Điểm tối đa" mixed on
the same lines) is read by anchoring on "<max points> a = …" and the "Tỷ lệ = a/b"
formula.

Fields: kind from the section (A/B/C "ĐIỂM CỘNG", or a roman group "Điểm thưởng" →
bonus, "Điểm trừ" → penalty) or the words (trừ N điểm); method ratio_times_max
("Điểm = Tỷ lệ x điểm tối đa"; ``threshold`` holds the rate giving full points,
"Tỷ lệ >= 90%: Điểm tối đa" → 90, and a cut-off "< 70%: không xét điểm" goes to
``warnings`` and ``min_ratio``), yes_no ("Có được 3đ; không có được 0đ", "Có: 10
điểm; không: 0 điểm"), per_item ("mỗi văn bản cộng 01 điểm", "× 0,5đ", "05
điểm/lần"; two different rates in one row → other), else other. "Không hạn chế" /
"Theo nhiệm vụ phát sinh" in the points column leave ``max_points`` null and become
``formula_text``. The level comes from the table's title ("… CHO CẤP XÃ", "Bảng chấm
điểm đối với UBND cấp xã"). Points granted per rank ("cộng điểm thi đua …: Hạng Nhất:
3 điểm") are one bonus row per rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.evidence import evidence_for
from extract.levels import detect_level, heading_chain
from extract.numbers import clean_value, find_percents, fold, parse_number
from normalize.model import NormalizedDocument
from vnplan.schema import ScoringCriterion


@dataclass
class Cell:
    text: str
    start: int
    end: int


_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
_LETTER = re.compile(r"^[A-DĐ]$")
_TT = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?\.?$")
_POINTS_CELL = re.compile(r"^\d{1,4}(?:,\d{1,2})?\s*(?:điểm|đ)?$", re.IGNORECASE)
_FILLER = re.compile(r"^(?:kết quả.*|điểm|kq|\d{1,3}\s*%|…+|\.+|-+|x)$", re.IGNORECASE)
_NO_LIMIT = re.compile(r"không hạn chế|theo nhiệm vụ|phát sinh|theo tính chất", re.IGNORECASE)
_HEADER_WORDS = re.compile(r"diem toi da|cach tinh diem|thang diem|diem chuan|huong dan cham|so diem")


def _is_method(text: str) -> bool:
    """A "how to score" cell: "Điểm = Tỷ lệ x điểm tối đa", "Có được 3đ; không có được 0đ",
    "Có: 10 điểm; không: 0 điểm", "Số sáng kiến × 2"."""
    f = fold(text)
    return bool(re.search(
        r"diem\s*=|=\s*ty le|\bduoc\s+\d|khong co|[x×*]\s*\d|\d\s*d\b.*khong|diem toi da"
        r"|\bco\b[^;]{0,20}?\d+\s*(?:diem|d)\b", f))


# ---------------------------------------------------------------- cell streams


def _cells_from_tables(ndoc: NormalizedDocument) -> list[tuple[list[Cell], int]]:
    out = []
    text = ndoc.text
    for t in ndoc.tables:
        cells: list[Cell] = []
        pos = t.start
        for row in t.rows:
            for c in row:
                c = (c or "").strip()
                if not c:
                    continue
                i = text.find(c, pos, t.end + 1)
                if i < 0:
                    i = text.find(c.split()[0], pos, t.end + 1) if c.split() else -1
                    s, e = (i, i + len(c)) if i >= 0 else (pos, pos)
                else:
                    s, e = i, i + len(c)
                pos = max(pos, s)
                cells.append(Cell(c, s, e))
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


# ---------------------------------------------------------------- row reading


def _points(text: str) -> Optional[float]:
    m = re.match(r"^(\d{1,4}(?:,\d{1,2})?)", text.strip())
    return parse_number(m.group(1)) if m else None


_PER_ITEM = [
    re.compile(r"m[ỗo]i\s+[^;()]{1,40}?(?:cộng|trừ|được)?\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:điểm|đ)\b", re.IGNORECASE),
    re.compile(r"(?:cộng|trừ)\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:điểm|đ)\s*/", re.IGNORECASE),
    re.compile(r"(\d{1,3}(?:,\d{1,2})?)\s*(?:điểm|đ)\s*/\s*\w+", re.IGNORECASE),
    re.compile(r"[x×*]\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:điểm|đ)?\s*$", re.IGNORECASE),
]


def _per_item_points(criterion: str, method: str) -> Optional[float]:
    for src in (method, criterion):
        for rx in _PER_ITEM:
            m = rx.search(src)
            if m:
                return parse_number(m.group(1))
    return None


def _method(criterion: str, method: str) -> str:
    f = fold(method)
    fc = fold(criterion)
    if re.search(r"[>≥]=?\s*\d+\s*%\s*:\s*diem toi da", f):
        return "threshold"
    if re.search(r"ty\s*le\s*[x*×]\s*(?:diem|thang diem|so diem)", f) or re.search(r"diem\s*=\s*ty le", f):
        return "ratio_times_max"
    if re.search(r"\bco\b.*duoc\s*\d+.*khong", f) or re.search(r"co\s*:\s*\d+.*khong\s*:\s*0", f):
        return "yes_no"
    if _per_item_points(criterion, method) is not None or re.search(r"[x×*]\s*\d", f) or re.search(r"\bmoi\b", fc):
        return "per_item"
    return "other"


_KIND = {"diem co ban": "base", "diem cong": "bonus", "diem thuong": "bonus", "diem tru": "penalty"}


def _kind_of(text: str) -> Optional[str]:
    f = fold(text)
    for k, v in _KIND.items():
        if k in f:
            return v
    return None


def _title_level(ndoc: NormalizedDocument, start: int) -> Optional[str]:
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


def _read_stream(ndoc: NormalizedDocument, cells: list[Cell], level: Optional[str]) -> list[ScoringCriterion]:
    items: list[ScoringCriterion] = []
    kind = "base"
    group: Optional[str] = None
    row: Optional[dict] = None

    def flush():
        nonlocal row
        if row and row.get("criterion"):
            items.append(_make(ndoc, row, kind, group, level))
        row = None

    i = 0
    while i < len(cells):
        c = cells[i]
        t = c.text
        f = fold(t)
        if "phu luc" in f:  # a new appendix inside the same region: new level, fresh sections
            flush()
            lvl = None
            for m in re.finditer(r"(?:cho|doi voi)\s+(.{3,60})", f):
                lvl = lvl or detect_level(t[m.start(1):m.end(1)])
            level = lvl or detect_level(re.split(r"\(", t)[0]) or level
            kind, group = "base", None
            i += 1
            continue
        if _HEADER_WORDS.search(f) and len(t) < 60 and not row:
            i += 1
            continue
        nxt = cells[i + 1].text if i + 1 < len(cells) else ""
        if _LETTER.match(t) and _kind_of(nxt):
            flush()
            kind = _kind_of(nxt) or kind
            group = None if kind == "base" else f"{t}. " + re.sub(r"\s+", " ", nxt).strip()
            i += 2
            continue
        if _ROMAN.match(t) and nxt and not _TT.match(nxt) and (kind == "base" or _kind_of(nxt)):
            flush()
            group = f"{t}. {nxt}"
            kind = _kind_of(nxt) or "base"  # "II | Điểm thưởng" opens bonus rows
            i += 2
            if i < len(cells) and _POINTS_CELL.match(cells[i].text):
                i += 1
            continue
        if row and row.get("criterion") and row.get("max") is None and not row.get("nolimit") and not row.get("method") \
                and _POINTS_CELL.match(t) and (not nxt or _is_method(nxt) or _FILLER.match(nxt) or _NO_LIMIT.search(nxt)
                                               or _TT.match(nxt) or _ROMAN.match(nxt) or _LETTER.match(nxt)):
            row["max"] = _points(t)
            row["end"] = c.end
            i += 1
            continue
        if _TT.match(t) and (row is None or row.get("criterion")) and nxt and not _TT.match(nxt) and not _FILLER.match(nxt) \
                and not _POINTS_CELL.match(nxt) and not _is_method(nxt):
            flush()
            row = {"tt": t, "start": c.start, "end": c.end}
            i += 1
            continue
        if row is None:
            i += 1
            continue
        if not row.get("criterion"):
            row["criterion"] = t
            row["crit_span"] = (c.start, c.end)
            row["end"] = c.end
        elif row.get("max") is None and not row.get("nolimit") and _POINTS_CELL.match(t):
            row["max"] = _points(t)
            row["end"] = c.end
        elif row.get("max") is None and not row.get("nolimit") and _NO_LIMIT.search(t) and len(t) < 40:
            row["nolimit"] = t
            row["end"] = c.end
        elif not row.get("method") and _is_method(t):
            row["method"] = t
            row["end"] = c.end
        elif _FILLER.match(t) or _TT.match(t) or _ROMAN.match(t) or _LETTER.match(t):
            pass
        elif not row.get("method") and not row.get("max") and len(t) > 3:
            row["criterion"] += " " + t  # a wrapped criterion cell
            row["end"] = c.end
        i += 1
    flush()
    return items


def _make(ndoc, row: dict, kind: str, group: Optional[str], level: Optional[str]) -> ScoringCriterion:
    crit = re.sub(r"\s+", " ", row["criterion"]).strip()
    method_text = row.get("method")
    k = kind
    fc = fold(crit)
    if k == "base" and re.search(r"\btru\s+\d", fc):
        k = "penalty"
    method = _method(crit, method_text or "")
    warnings: list[str] = []
    if row.get("nolimit"):
        warnings.append(f"no maximum: {row['nolimit']}")
    per_item = _per_item_points(crit, method_text or "") if method == "per_item" or k != "base" else None
    rates = set(re.findall(r"(\d+(?:,\d+)?)\s*(?:điểm|đ)\s*/", crit, re.IGNORECASE))
    if len(rates) > 1:  # "Biểu dương 05 điểm/lần; nhân rộng 10 điểm/lần": no single rate
        method, per_item = "other", None
    ev = evidence_for(ndoc, row["start"], row["end"], widen=False)
    sc = ScoringCriterion(
        id="s0", group=group, level=level, criterion=crit, kind=k, max_points=clean_value(row.get("max")),
        method=method if method_text or k == "base" else ("per_item" if per_item is not None else "other"),
        per_item_points=clean_value(per_item), formula_text=method_text or row.get("nolimit"),
        evidence=ev, confidence=0.85 if row.get("max") is not None or k != "base" else 0.6, warnings=warnings,
    )
    pct = find_percents(crit)
    if pct:  # "… đạt trên 70%": the target the criterion scores
        sc.target_value = clean_value(pct[-1].value)  # type: ignore[attr-defined]
    return sc


# ---------------------------------------------------------------- OCR-interleaved layout

# "<criterion words> <max points> a = Tổng số …" (the variable may be OCR'd: "ở =", "3 =")
_A_EQ = re.compile(r"(?m)^(.{0,60}?)\s(\d{1,3})\s+\S{1,2}\s*=\s*t\w{1,4}ng\s+s")
_RATIO_FORMULA = re.compile(r"t\s*y\s*l\S{0,2}\s*=\s*a\b(?:\s*[/l1]\s*b\b)?")
_FULL_AT = re.compile(r"(?:([<>≥≤]=?)\s*)?(\d{1,3})\s*%\s*:\s*\S{1,3}i\S{0,2}m\s+t\S{1,3}\s+da")
_NONE_BELOW = re.compile(r"<\s*(\d{1,3})\s*%\s*:\s*khong\s+xet")


def _interleaved(ndoc: NormalizedDocument) -> list[ScoringCriterion]:
    text = ndoc.text
    f = fold(text)
    items: list[ScoringCriterion] = []
    anchors = list(_A_EQ.finditer(f))
    for n, m in enumerate(anchors):
        block_end = anchors[n + 1].start() if n + 1 < len(anchors) else len(text)
        block_end = min(block_end, m.end() + 1500)
        fm = _RATIO_FORMULA.search(f, m.end(), block_end)
        full_any = _FULL_AT.search(f, m.end(), block_end)
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
        full = _FULL_AT.search(tail)
        below = _NONE_BELOW.search(tail)
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


# ---------------------------------------------------------------- points per rank

_RANK_POINTS = re.compile(r"\bh\w{0,2}ng\s+(nhat|nhi|nhu|ba|tu|nam|khuyen khich)\s*:\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:diem|d)\b")
_RANK_NAMES = {"nhat": "Nhất", "nhi": "Nhì", "nhu": "Nhì", "ba": "Ba", "tu": "Tư", "nam": "Năm", "khuyen khich": "Khuyến khích"}


def _rank_points(ndoc: NormalizedDocument) -> list[ScoringCriterion]:
    """"cộng điểm thi đua … cho huyện, thị xã, thành phố, cụ thể: a) Hạng Nhất: 3 điểm …":
    one bonus row per rank."""
    text, f = ndoc.text, fold(ndoc.text)
    out = []
    for m in _RANK_POINTS.finditer(f):
        lead = f[max(0, m.start() - 400): m.start()]
        cm = None
        for cm in re.finditer(r"(cong (?:them )?diem[^:\n]*?|diem cong[^:\n]*?|diem thuong[^:\n]*?)(?:,\s*cu the)?\s*:", lead):
            pass
        if cm is None:
            continue
        off = max(0, m.start() - 400)
        group = re.sub(r"\s+", " ", text[off + cm.start(1): off + cm.end(1)]).strip(" ,.:")
        group = group[:1].upper() + group[1:]
        out.append(ScoringCriterion(
            id="s0", group=group, level=detect_level(group), criterion=f"Hạng {_RANK_NAMES[m.group(1)]}",
            kind="bonus", max_points=clean_value(parse_number(m.group(2))), method="other",
            evidence=evidence_for(ndoc, m.start(), m.end(), widen=False), confidence=0.7,
        ))
    return out


# ---------------------------------------------------------------- entry point


def _split_appendices(cells: list[Cell]) -> list[list[Cell]]:
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
    streams = _cells_from_tables(ndoc) if ndoc.tables else _cells_from_text(ndoc)
    cells: list[tuple[Cell, Optional[str]]] = []
    spans = []
    for stream, start in streams:
        if not stream:
            continue
        spans.append((start, stream[-1].end))
        level = _title_level(ndoc, start)
        for seg in _split_appendices(stream):
            t = seg[0].text
            if re.search(r"\bphu luc\b", fold(t)):
                lvl = None
                for m in re.finditer(r"(?:cho|doi voi)\s+(.{3,60})", fold(t)):
                    lvl = lvl or detect_level(t[m.start(1):m.end(1)])
                level = lvl or detect_level(re.split(r"\(", t)[0]) or level
            cells.extend((c, level) for c in seg)
    return cells, spans


def extract_scoring(ndoc: NormalizedDocument) -> list[ScoringCriterion]:
    streams = _cells_from_tables(ndoc) if ndoc.tables else _cells_from_text(ndoc)
    items: list[ScoringCriterion] = []
    for cells, start in streams:
        for seg in _split_appendices(cells):
            head = fold(" ".join(c.text for c in seg[:20]))
            if not _HEADER_WORDS.search(head):
                continue
            items.extend(_read_stream(ndoc, seg, _title_level(ndoc, start)))
    inter = _interleaved(ndoc)
    if inter:  # drop table fragments of the same OCR'd table (header rows read as tables)
        lo = min(it.evidence.span[0] for it in inter) - 600
        hi = max(it.evidence.span[1] for it in inter) + 600
        items = [it for it in items if not lo <= it.evidence.span[0] <= hi] + inter
    items.extend(_rank_points(ndoc))
    for i, it in enumerate(items, 1):
        it.id = f"s{i}"
    return items
