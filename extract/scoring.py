"""Scoring criteria (thang điểm): the rows of a plan's scoring tables.

Emulation plans score units against a table: TT | Chỉ tiêu, nhiệm vụ | Điểm tối đa |
Cách tính điểm, grouped under roman numerals (I. Công tác tham mưu … 30) inside
sections A. ĐIỂM CƠ BẢN / B. ĐIỂM CỘNG / C. ĐIỂM TRỪ. Rows are read from
a stream of cells (``extract.scoring_cells``: tables as flattened, rebuilt or " | "
rows); tables interleaved by OCR are read by ``extract.scoring_interleaved``.

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
from typing import Optional

from extract.evidence import evidence_for
from extract.levels import detect_level
from extract.numbers import clean_value, find_percents, fold, parse_number
from extract.scoring_cells import Cell, appendix_level, cell_streams, split_appendices, title_level
from extract.scoring_interleaved import FULL_AT, NONE_BELOW, interleaved_rows
from extract.target_tables import year_tables
from normalize.model import NormalizedDocument
from vnplan.lang import alternation, mapping
from vnplan.schema import ScoringCriterion


_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
_LETTER = re.compile(r"^[A-DĐ]$")
_TT = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?\.?$")
_POINTS_CELL = re.compile(r"^\d{1,4}(?:,\d{1,2})?\s*(?:điểm|đ)?$", re.IGNORECASE)
_FILLER = re.compile(r"^(?:kết quả(?:\s+\S+){0,2}|điểm|kq|\d{1,3}\s*%|…+|\.+|-+|x)$", re.IGNORECASE)
_NO_LIMIT = re.compile(r"không hạn chế|theo nhiệm vụ|phát sinh|theo tính chất", re.IGNORECASE)
_SCORE_WORDS = r"diem toi da|cach tinh diem|thang diem|diem chuan|huong dan cham|muc diem|diem tu cham"
_HEADER_WORDS = re.compile(_SCORE_WORDS + r"|so diem")
# "Số điểm | … | Đơn giá | Thành tiền": a cost estimate counting sampling or survey points, not a score table
# (not "hoàn thành tiến độ", folded "hoan thanh tien do")
_COST_HEADER = re.compile(r"\bdon gia\b|(?<!hoan )\bthanh tien\b(?! do)")
_SCORE_HEADER = re.compile(_SCORE_WORDS)


def _is_method(text: str) -> bool:
    """A "how to score" cell: "Điểm = Tỷ lệ x điểm tối đa", "Có được 3đ; không có được 0đ",
    "Có: 10 điểm; không: 0 điểm", "Số sáng kiến × 2", "Mỗi sáng kiến cộng 02 điểm",
    "Đạt từ 95% trở lên: 50 điểm; dưới 95%: 0 điểm"."""
    f = fold(text)
    return bool(re.search(
        r"diem\s*=|=\s*ty le|\bduoc\s+\d|khong co\s*:|khong co\b[^;]{0,15}?\d+\s*(?:diem|d)\b|[x×*]\s*\d|\d\s*d\b.*khong|diem toi da"
        r"|\bco\b[^;]{0,20}?\d+\s*(?:diem|d)\b|^moi\b[^;]{0,80}?\b(?:cong|tru|tinh)\s*\d+(?:,\d+)?\s*(?:diem|d)\b"
        r"|:\s*\d+(?:,\d+)?\s*(?:diem|d)\b"  # a scale: "Ban hành đúng hạn: 5 điểm; chậm: 2 điểm"
        r"|^(?:(?:cong|tru)\s*)?\d+(?:,\d+)?\s*(?:diem|d)\s*/\s*\w|^(?:cong|tru)\s*\d+(?:,\d+)?\s*(?:diem|d)\b", f))  # "Trừ 02 điểm/lần"


# ---------------------------------------------------------------- row reading


def _points(text: str) -> Optional[float]:
    m = re.match(r"^(\d{1,4}(?:,\d{1,2})?)", text.strip())
    return parse_number(m.group(1)) if m else None


_PER_ITEM = [
    re.compile(r"m[ỗo]i\s+[^;()]{1,80}?(?:cộng|trừ|được(?:\s+tính)?|tính)?\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:điểm|đ)\b", re.IGNORECASE),
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


# "Điểm = (Số văn bản được ký số / Tổng số văn bản đi) x 35": a share times the maximum
_RATIO_TIMES = re.compile(r"diem\s*=\s*\([^()]*/[^()]*\)\s*[x×*]\s*(?:\d|diem toi da)")
# "Điểm đạt được = Tỷ lệ hồ sơ trực tuyến x 15", "Điểm = Chỉ số SIPAS (%) x 20": a rate times the maximum
_RATE_TIMES = re.compile(r"=\s*(?:ty\s*le|chi so)\b[^;=]{0,60}?[x×*]\s*(?:\d|diem)")
# "Đạt từ 95% trở lên: 50 điểm": the rate that earns the row's maximum
# (the rate may be followed by what it is a share of: "từ 90% kế hoạch vốn trở lên: 25 điểm")
_RATE_POINTS = re.compile(
    r"(?:dat\s+)?(?:tu\s+)?(\d{1,3}(?:,\d+)?)\s*%(?:\s+[^\s:;,%]+){0,5}?\s*tro len\s*:?\s*(\d{1,3}(?:,\d{1,2})?)\s*(?:diem|d)\b")


def _full_at(f: str, max_points: float) -> Optional[float]:
    """The rate stated to earn ``max_points`` ("từ 95% trở lên: 50 điểm" with a maximum of 50 → 95)."""
    for m in _RATE_POINTS.finditer(f):
        if parse_number(m.group(2)) == max_points:
            return parse_number(m.group(1))
    return None


_OUTCOME = re.compile(r"(?:^|[;.]\s*)([^:;.]{3,120}?)\s*:\s*(\d{1,3}(?:,\d{1,2})?\s*(?:diem|d)\b|khong (?:cham|tinh|duoc|co) diem)")


def _two_outcomes(pairs: list[tuple[str, str]]) -> bool:
    """A scale of exactly two outcomes (``_OUTCOME`` pairs), one worth nothing, with no rate in it:
    "Ban hành đúng hạn: 5 điểm; ban hành chậm hoặc không ban hành: 0 điểm" is a yes/no criterion."""
    zero = [p[1].startswith("khong") or parse_number(re.match(r"\d+(?:,\d+)?", p[1]).group(0)) == 0 for p in pairs]
    bands = any(_RATE_BAND.match(p[0].strip()) for p in pairs)  # "Đạt từ 95% trở lên: …" is a rate scale
    return not bands and len(pairs) == 2 and sorted(zero) == [False, True]


_RATE_BAND = re.compile(r"^(?:dat\s+)?(?:tu\s+|duoi\s+|tren\s+)?\d+(?:,\d+)?\s*%")


def _several_steps(pairs: list[tuple[str, str]]) -> bool:
    """A scale of three or more outcomes with points between none and all ("từ 95% trở lên: 20 điểm;
    từ 85% đến dưới 95%: 10 điểm; dưới 85%: 0 điểm"): no single rate earns the maximum."""
    points = {p[1] for p in pairs if not p[1].startswith("khong")}
    return len(pairs) >= 3 and len(points) >= 3


def _method(criterion: str, method: str, max_points: Optional[float] = None) -> str:
    f = fold(method)
    fc = fold(criterion)
    outcomes = _OUTCOME.findall(f)
    if _several_steps(outcomes):
        return "other"
    if re.search(r"[>≥]=?\s*\d+\s*%\s*:\s*diem toi da", f) or (max_points is not None and _full_at(f, max_points)):
        return "threshold"
    if re.search(r"ty\s*le\s*[x*×]\s*(?:diem|thang diem|so diem)", f) or re.search(r"diem\s*=\s*ty le", f) \
            or _RATIO_TIMES.search(f) or _RATE_TIMES.search(f):
        return "ratio_times_max"
    if re.search(r"\bco\b.*duoc\s*\d+.*khong", f) or re.search(r"co\s*:\s*\d+.*khong\s*:\s*0", f) \
            or _two_outcomes(outcomes):
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



def _group_points(text: str, cells: list[Cell], i: int) -> bool:
    """Is cells[i] the points of the group row just read ("II | Kết quả | 60"), not the number of
    the next row ("IV | Điểm trừ" then "6 | Chậm gửi báo cáo")? On the group's own line it is;
    on a later line it is not when a criterion follows it."""
    if not _POINTS_CELL.match(cells[i].text) or cells[i].first:  # the first cell of a row is its number
        return False
    if "\n" not in text[cells[i - 1].end: cells[i].start]:
        return True
    nxt = cells[i + 1].text if i + 1 < len(cells) else ""
    return not (len(nxt) > 3 and not _TT.match(nxt) and not _POINTS_CELL.match(nxt) and not _FILLER.match(nxt)
                and not _ROMAN.match(nxt) and not _is_method(nxt))


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
            level = appendix_level(t, level)
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
        if (_ROMAN.match(t) or (_LETTER.match(t) and c.first is not False)) and nxt and not _TT.match(nxt) \
                and (kind == "base" or _kind_of(nxt)):  # "II | Kết quả …", "A | Công tác chỉ đạo …"
            flush()
            group = f"{t}. {nxt}"
            kind = _kind_of(nxt) or "base"  # "II | Điểm thưởng" opens bonus rows
            i += 2
            if i < len(cells) and _group_points(ndoc.text, cells, i):
                i += 1
            continue
        if row and row.get("criterion") and row.get("max") is None and not row.get("nolimit") and not row.get("method") \
                and _POINTS_CELL.match(t) and (not nxt or _is_method(nxt) or _FILLER.match(nxt) or _NO_LIMIT.search(nxt)
                                               or _TT.match(nxt) or _ROMAN.match(nxt) or _LETTER.match(nxt)
                                               or c.first is False):  # mid-row: the points column, not a row number
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
    method = _method(crit, method_text or "", row.get("max"))
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
    full = FULL_AT.search(fold(method_text or ""))
    if full and method in ("threshold", "ratio_times_max"):  # "Tỷ lệ >= 80%: điểm tối đa"
        sc.threshold = clean_value(parse_number(full.group(2)))
    elif method == "threshold" and row.get("max") is not None:  # "Đạt từ 95% trở lên: 50 điểm"
        sc.threshold = clean_value(_full_at(fold(method_text or ""), row["max"]))
    below = NONE_BELOW.search(fold(method_text or ""))
    if below:  # "dưới 80% không chấm điểm"
        sc.warnings.append(f"below {below.group(1)}%: no emulation points")
        sc.min_ratio = clean_value(parse_number(below.group(1)))  # type: ignore[attr-defined]
    pct = find_percents(crit)
    if pct:  # "… đạt trên 70%": the target the criterion scores
        sc.target_value = clean_value(pct[-1].value)  # type: ignore[attr-defined]
    return sc


# ---------------------------------------------------------------- points per rank

_RANK_POINTS = re.compile(rf"\bhang\s+({alternation(list(mapping('ranks')))})\s*:\s*(\d{{1,3}}(?:,\d{{1,2}})?)\s*(?:diem|d)\b")
_RANK_NAMES = mapping("ranks")  # vnplan/lang/vi/ranks.tsv


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

def extract_scoring(ndoc: NormalizedDocument) -> list[ScoringCriterion]:
    streams = cell_streams(ndoc)
    items: list[ScoringCriterion] = []
    for cells, start in streams:
        for seg in split_appendices(cells):
            head = fold(" ".join(c.text for c in seg[:20]))
            if not _HEADER_WORDS.search(head) or (_COST_HEADER.search(head) and not _SCORE_HEADER.search(head)):
                continue
            items.extend(_read_stream(ndoc, seg, title_level(ndoc, start)))
    inter = interleaved_rows(ndoc)
    if inter:  # drop table fragments of the same OCR'd table (header rows read as tables)
        lo = min(it.evidence.span[0] for it in inter) - 600
        hi = max(it.evidence.span[1] for it in inter) + 600
        items = [it for it in items if not lo <= it.evidence.span[0] <= hi] + inter
    items.extend(_rank_points(ndoc))
    # a targets table by year ("Số điểm chi trả … | điểm | 20 | 40") holds targets, not scoring rows
    spans = [(a, b) for a, b, targets in year_tables(ndoc) if targets]
    items = [it for it in items if not any(a <= it.evidence.span[0] < b for a, b in spans)]
    for i, it in enumerate(items, 1):
        it.id = f"s{i}"
    return items
