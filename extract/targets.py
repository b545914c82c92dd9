"""Targets (chỉ tiêu): one item per measurable quantity a plan commits to.

Plans state targets as percentages ("đạt trên 70%"), ratios ("11/11 dịch vụ công"),
ranges ("từ 20%-30%") and counts ("ít nhất 01 mô hình", "của 5 huyện, thành phố"),
often several in one sentence ("100% bệnh viện và 50% cơ sở khám chữa bệnh khác …").
This module finds those quantities clause by clause, keeps the ones that state an
outcome, and reads around each one: the comparator from the words, the metric
(the clause without its number), the level it applies to (from the heading above),
adjustments ("Địa bàn thành phố tăng thêm 15%") and a deadline.

Rules (documented here because the evaluator and reviewers rely on them):
- comparator: trên / đạt trên / hơn / vượt → ">"; tối thiểu / ít nhất / không dưới /
  không thấp hơn / "từ X trở lên" → ">="; không quá / tối đa / không vượt quá → "<=";
  dưới / thấp hơn → "<"; a range (20%-30%) → "range" with value_max; otherwise "=".
- ratios ``a/b`` name the scope: when the clause states a percentage beside it
  ("11/11 dịch vụ công … (100%)", "14/14 dịch vụ công … đạt 50%") the percentage is
  the target; a ratio alone becomes the share it states (100·a/b, unit "%"), with
  extra fields ``numerator`` and ``denominator``.
- "đạt X%" reads as ">=" unless X is 100 (all of them: "=").
- counts are targets only with a comparator word, or, inside a section about targets
  (chỉ tiêu, mục tiêu, tiêu chí, nhiệm vụ), when a target verb (hoàn thành, đạt, triển
  khai …) governs them. Scope counts ("nhất là 25 dịch vụ công", "đối với …"), counts in
  parentheses or followed by a colon that lists them, legal references, dates, heading
  numbers, enumerators "(1)", award quotas and points are never targets.
- targets stated in table cells (task tables, the criterion column of scoring tables)
  are targets too, with the level of the table's title; the thresholds of scoring
  formulas ("Tỷ lệ >= 90%: điểm tối đa") are not. "tăng thêm N%" and "(Thành phố đạt
  trên 85%)" adjust the targets they refer to; they are not targets.
- applies_to: the level named by the nearest heading that addresses a group
  ("Đối với cấp xã"), else by the counted subject ("100% các xã …" → cấp xã, "100% cán
  bộ, công chức …" → cá nhân), else "tỉnh" (the plan's own province).
- deadline: the sentence's own words ("hoàn thành trong tháng 6/2023", a leading
  "Năm 2022,"), else the block's "Thời gian hoàn thành: …", else the heading's ("… đến
  năm 2025"); a year before the plan's year is history, not a deadline; "từ ngày …"
  sets ``start``.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.evidence import evidence_for
from extract.levels import TINH, heading_chain, level_at, own_heading_level, subject_level
from extract.numbers import (
    Quantity,
    clean_value,
    find_counts,
    find_number_words,
    find_percents,
    find_ratios,
    fold,
    mask_references,
)
from extract.campaign import block_deadline, find_deadline_phrase, plan_year, to_deadline
from normalize.model import NormalizedDocument
from vnplan.schema import Target

# ---------------------------------------------------------------- vocabulary (folded)

_CMP_BEFORE = [  # (pattern at the end of the text before the number, comparator)
    (r"(?:khong duoi|khong thap hon|toi thieu(?: la| tu| dat| co)?|it nhat(?: la| tu| dat| co)?)\s*$", ">="),
    (r"(?:khong qua|khong vuot qua|toi da(?: la)?|khong nhieu hon)\s*$", "<="),
    (r"(?:tren|hon|vuot|cao hon|lon hon)\s*$", ">"),
    (r"(?:duoi|thap hon|nho hon|it hon)\s*$", "<"),
]
_CMP_AFTER_GE = re.compile(r"^\s*(?:tro len|tro len\b)")
_TARGET_VERBS = (
    "hoan thanh", "dat", "phan dau", "bao dam", "dam bao", "xay dung", "thanh lap", "trien khai",
    "thu nhan", "lam sach", "dong bo", "so hoa", "thuc hien",
)
# predicate verbs used to share a predicate between coordinated targets
_PREDICATE = re.compile(
    r"\s(?:được|đã|phải|sẽ|lắp đặt|thực hiện|sử dụng|đăng ký|tham gia|thành lập|thông báo|kích hoạt|có|"
    r"hoàn thành|triển khai|kết nối|khai báo|ứng dụng|áp dụng|tiếp nhận|giải quyết|cung cấp|xử lý|hài lòng|"
    r"tổ chức|bố trí|lưu trữ|cập nhật|nộp|chấp nhận|đạt)\s",
    re.IGNORECASE,
)
_TARGET_SECTION = re.compile(r"chi tieu|muc tieu|tieu chi|nhiem vu|noi dung thi dua|tien do")
_EXCLUDED_SECTION = re.compile(
    r"khen thuong|noi nhan|kinh phi|ho so de nghi|to chuc thuc hien|ket qua (?:dat duoc|thuc hien|trien khai)"
    r"|tinh hinh|thuc trang|danh gia ket qua|can cu"
)
_PAST = re.compile(r"\b(?:da dat|da co|da hoan thanh|da thuc hien|hien co|hien dat|hien nay|dat duoc trong nam qua)\b[^;]{0,40}$")
_SCORING_CLAUSE = re.compile(r"diem toi da|diem\s*=|xet diem|tinh diem|: ?diem|thang diem|[<>]=?\s*\d+(?:,\d+)?\s*%|\*\s*\d")
_ADJUST = re.compile(r"(tang them|cong them|giam|giam bot|tang)\s*$")
_PLACE = re.compile(r"\b(dia ban|thanh pho|thi tran|thi xa|phuong|quan|huyen|xa)\b")


def _is_adjustment(text: str, cs: int, q: Quantity) -> bool:
    """"Địa bàn thành phố tăng thêm 15%" adjusts other targets; "Số hồ sơ trực tuyến
    tăng 20% so với năm trước" is a target of its own."""
    if q.unit != "%":
        return False
    before = fold(text[cs:q.start])
    return bool(_ADJUST.search(before[-20:])) and bool(_PLACE.search(before))
_NOT_COUNT_BEFORE = re.compile(r"\b(nhat la|trong do|gom|theo|bao gom|thuoc|tai|voi|doi voi|cua cac|o|la|va)\s*[\"“”]?\s*$")
_NUMBER_UNITS_EXCLUDED = ("tập thể", "cá nhân", "điểm", "giải", "lần", "tin", "bài", "tuổi")


def _comparator(before_folded: str, after_folded: str, q: Quantity) -> str:
    if q.value_max is not None:
        return "range"
    for pat, cmp in _CMP_BEFORE:
        if re.search(pat, before_folded[-30:]):
            if cmp == ">" and re.search(r"(?:tu du|tu)\s+\S*\s*$", before_folded[-12:]):
                continue
            return cmp
    if re.search(r"\btu\s*$", before_folded[-8:]) and _CMP_AFTER_GE.match(after_folded):
        return ">="
    if _CMP_AFTER_GE.match(after_folded):
        return ">="
    if re.search(r"\bdat(?: ty le| muc)?\s*$", before_folded[-20:]) and q.value < 100:
        return ">="  # "đạt 50%" reads as at least 50%; "đạt 100%" is exactly all
    return "="


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into clauses at ';' and sentence ends."""
    out, s = [], start
    for m in re.finditer(r";\s*|\.\s+(?=[A-ZĐÀ-Ỹ0-9(\-+])|\.\s*$", text[start:end]):
        e = start + m.start()
        if e > s:
            out.append((s, e))
        s = start + m.end()
    if s < end:
        out.append((s, end))
    return out


_LEAD = re.compile(
    r"^\s*(?:[-+•*]\s*|\(\d{1,2}\)\s*|\d{1,2}(?:[.,]\d{1,2}){0,3}\s*[.)]\s*|[a-zđ]\)\s*)+", re.IGNORECASE
)


_DEADLINE_IN_METRIC = re.compile(
    r"\(?\s*,?\s*(?:phấn đấu\s+)?(?:hoàn thành|xong)?\s*(?:trong|trước|đến hết|đến)\s+(?:ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}\d?|quý\s+[IV]+\s*(?:/|năm)\s*\d{4}|năm\s+\d{4})\s*\)?",
    re.IGNORECASE,
)


# comparator / linking words that stand right before a number; matched on the written
# words so that "điện tử" is not taken for "từ" (text without diacritics matches its folded form)
_CMP_WORDS = (
    "phải đạt", "đạt tỷ lệ", "đạt tỉ lệ", "đạt trên", "đạt tối thiểu", "đạt ít nhất", "đạt mức", "đạt", "trên",
    "hơn", "tối thiểu là", "tối thiểu từ", "tối thiểu", "ít nhất là", "ít nhất", "không dưới", "không quá",
    "không vượt quá", "tối đa", "dưới", "từ", "là", "bằng", "chiếm", "mức",
)
_CMP_TAIL = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(_CMP_WORDS + tuple(fold(w) for w in _CMP_WORDS), key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)


def _strip_trailing_cmp(s: str) -> str:
    """Drop the comparator / linking words right before a number ("… đạt trên")."""
    for _ in range(3):
        m = _CMP_TAIL.search(s)
        if not m or m.start() == len(s):
            break
        s = s[: m.start()]
    return s


def _clean_metric(s: str) -> str:
    s = _LEAD.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;:.-–")
    s = re.sub(r"^(?:và|hoặc|với|cho|đối với|phấn đấu)\s+", "", s, flags=re.IGNORECASE)
    s = _strip_trailing_cmp(s).rstrip(" ,;:")  # left over once the number is removed
    if len(s) > 220:
        cut = s.rfind(" ", 0, 220)
        s = s[: cut if cut > 0 else 220] + " …"
    return s


def _context(ndoc: NormalizedDocument, offset: int) -> Optional[str]:
    """"target" or "excluded" from the innermost heading that says which, else None."""
    for _, head in heading_chain(ndoc, offset):
        f = fold(head)
        if _TARGET_SECTION.search(f):
            return "target"
        if _EXCLUDED_SECTION.search(f):
            return "excluded"
    return None


# ---------------------------------------------------------------- candidates


def _quantities(masked: str, cs: int, ce: int, target_ctx: bool) -> list[Quantity]:
    seg = masked[cs:ce]
    found: list[Quantity] = []
    for q in find_percents(seg) + find_ratios(seg):
        q.start += cs
        q.end += cs
        if _PAST.search(fold(masked[cs:q.start])):
            continue  # "đã đạt 75%" reports a result, it sets no target
        found.append(q)
    for q in find_counts(seg):
        q.start += cs
        q.end += cs
        if any(o.start <= q.start < o.end or q.start <= o.start < q.end for o in found):
            continue
        if q.unit.lower().startswith(_NUMBER_UNITS_EXCLUDED):
            continue
        if re.search(r"^[^.;]{0,40}:", masked[q.end:ce]):
            continue  # "02 dịch vụ công liên thông: Đăng ký khai sinh …" enumerates, it sets no target
        if re.search(r"\bkhen thuong|\bxet khen", fold(masked[cs:ce])):
            continue  # award quotas ("không quá 02 xã … được xét khen thưởng") are awards
        before = fold(masked[cs:q.start])
        opened = masked.rfind("(", cs, q.start)
        if opened >= 0 and masked.find(")", opened, q.start) < 0:
            continue  # a count in parentheses explains, it is not a target
        cmp_word = any(re.search(p, before[-30:]) for p, _ in _CMP_BEFORE[:2])
        if not cmp_word:
            if not target_ctx or _NOT_COUNT_BEFORE.search(before[-20:]):
                continue
            # a target verb must govern it ("Hoàn thành … của 5 huyện", "triển khai … “05 mô hình điểm”")
            if not re.search(r"\b(?:" + "|".join(_TARGET_VERBS) + r")\b", before):
                continue
        found.append(q)
    found.sort(key=lambda q: q.start)
    return found


def _drop_restatements(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"11/11 … (100%)": keep the ratio; "14/14 … đạt 50%": keep the percentage."""
    out: list[Quantity] = []
    for q in qs:
        if out and out[-1].unit == "ratio" and q.unit == "%":
            between = text[out[-1].end:q.start]
            if not re.search(r";|\s(?:và|,)\s*$", between):
                out[-1] = q  # "(100%)" restates the ratio, "… đạt 50%" is what the ratio's items reach
                continue
        out.append(q)
    return out


def _metrics(text: str, cs: int, ce: int, qs: list[Quantity]) -> list[str]:
    """Metric of each quantity of one clause; coordinated quantities share a predicate."""
    bounds = []
    prev_end = cs
    for i, q in enumerate(qs):
        if i + 1 < len(qs):
            nxt = qs[i + 1].start
            gap = text[q.end:nxt]
            m = None
            for m in re.finditer(r"\s+và\s+|,\s+|\s+\+\s+", gap):
                pass
            seg_end = q.end + m.start() if m else nxt
            next_start = q.end + m.end() if m else nxt
        else:
            seg_end, next_start = ce, ce
        bounds.append((prev_end, seg_end))
        prev_end = next_start
    metrics = []
    last_pred = ""
    lq = qs[-1]
    after_last = text[lq.end:bounds[-1][1]]
    pm = _PREDICATE.search(" " + after_last + " ")
    if pm:
        last_pred = after_last[max(0, pm.start() - 1):].strip()
    for (s, e), q in zip(bounds, qs):
        # a quantity inside parentheses is measured by the words inside them
        op = text.rfind("(", s, q.start)
        if op >= 0 and text.find(")", op, q.start) < 0 and len(text[op + 1:q.start].split()) >= 2:
            s = op + 1
            close = text.find(")", q.end, e)
            e = close if close >= 0 else e
        enum = list(re.finditer(r"\(\d{1,2}\)|\b[a-zđ]\)\s", text[s:q.start]))
        if enum:  # "…, gồm: (1) Hoàn thành 100% …" → the metric starts at its enumerator
            s = s + enum[-1].end()
        colon = text.rfind(":", s, q.start)
        if colon >= 0 and not text[colon + 1:q.start].strip(" ,(tTừừTrêntrên"):
            s = colon + 1  # "… trực tuyến: 11/11 Dịch vụ công …" → the metric starts after the colon
        elif colon >= 0 and own_heading_level(text[s:colon + 1]):
            s = colon + 1  # "1. Đối với cấp huyện: phấn đấu 100% …" → the heading is not the metric
        before = _DEADLINE_IN_METRIC.sub("", _strip_trailing_cmp(text[s:q.start]))
        after = re.sub(r"^\s*trở lên\b", "", _DEADLINE_IN_METRIC.sub("", text[q.end:e]))
        unit = "" if q.unit in ("%", "ratio") else text[q.end - len(q.unit):q.end]
        core = before + " " + unit + " " + after
        if q is not lq and last_pred and not _PREDICATE.search(" " + after + " ") and last_pred not in core:
            core = core.rstrip() + " " + last_pred
        metrics.append(_clean_metric(core))
    return metrics


# ---------------------------------------------------------------- adjustments

_ADJ_RE = re.compile(r"([^;:()]*?(?:tăng thêm|giảm|tang them|giam)\s+\d+(?:,\d+)?\s*%)", re.IGNORECASE)


def _adjustment_notes(ndoc: NormalizedDocument) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, subject, [adjustment, …]) for each "(Về chỉ tiêu X: A tăng thêm 10%; …)"."""
    text = ndoc.text
    out = []
    for m in re.finditer(r"\(?\s*(?:Về|Ve|Đối với)\s+(?:các\s+)?chỉ\s+tiêu\s+([^:()]{3,120}):([^()]*?tăng\s+thêm[^()]*)\)?", text, re.IGNORECASE):
        adjs = [re.sub(r"\s+", " ", a).strip(" ;,.") for a in _ADJ_RE.findall(m.group(2))]
        if adjs:
            out.append((m.start(), m.end(), m.group(1).strip(), adjs))
    return out


def _related(subject: str, metric: str) -> bool:
    a = {w for w in re.findall(r"\w+", fold(subject)) if len(w) > 2}
    b = {w for w in re.findall(r"\w+", fold(metric)) if len(w) > 2}
    if not a:
        return False
    return len(a & b) / len(a) >= 0.5


# ---------------------------------------------------------------- main


def _units(ndoc: NormalizedDocument):
    """(start, end, table_level, in_table) spans to read: the lines outside tables, and
    the cells of tables (criterion / task cells; a cell that is only a number or a
    scoring formula is skipped)."""
    from extract.scoring import table_cells  # scoring reads the same tables

    text = ndoc.text
    cells, spans = table_cells(ndoc)
    for cell, level in cells:
        t = cell.text
        if len(t) < 12 or not re.search(r"\d", t) or _SCORING_CLAUSE.search(fold(t)):
            continue
        if re.search(r"\bphu luc\b", fold(t)):
            continue
        yield cell.start, cell.end, level, True
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if any(s <= ls < e for s, e in spans) or line.count("|") >= 2:
            continue
        yield ls, le, None, False


_PLACE_PAREN = re.compile(r"^\(\s*(?:thanh pho|thi xa|thi tran|dia ban|rieng|doi voi|quan|huyen)\b")


def extract_targets(ndoc: NormalizedDocument) -> list[Target]:
    text = ndoc.text
    masked = mask_references(text)
    targets: list[Target] = []
    year = plan_year(ndoc)
    seen: set[tuple[int, int]] = set()
    for ls, le, table_level, in_table in _units(ndoc):
        line = text[ls:le]
        if not re.search(r"\d", line) and not find_number_words(line):
            continue
        ctx = _context(ndoc, ls)
        if ctx == "excluded" and not in_table:
            continue
        target_ctx = in_table or ctx == "target" or bool(re.search(r"chi tieu|muc tieu|phan dau", fold(line)))
        for cs, ce in _clauses(masked, ls, le):
            clause_f = fold(text[cs:ce])
            if _SCORING_CLAUSE.search(clause_f):
                continue
            qs = _quantities(masked, cs, ce, target_ctx)
            qs = [q for q in qs if not _is_adjustment(text, cs, q)]
            qs = _drop_restatements(text, qs)
            # "(Thành phố đạt trên 85%)" after a target adjusts it; it is not a target
            place_adj: dict[int, str] = {}
            kept = []
            for q in qs:
                op = text.rfind("(", cs, q.start)
                if kept and op >= 0 and text.find(")", op, q.start) < 0 and _PLACE_PAREN.match(fold(text[op:q.start])):
                    close = text.find(")", q.end, le)
                    place_adj[id(kept[-1])] = re.sub(r"\s+", " ", text[op + 1: close if close > 0 else q.end]).strip()
                    continue
                kept.append(q)
            qs = kept
            if not qs:
                continue
            metrics = _metrics(text, cs, ce, qs)
            for q, metric in zip(qs, metrics):
                if (q.start, q.end) in seen or len(metric) < 4:
                    continue
                seen.add((q.start, q.end))
                before_f = fold(text[cs:q.start])
                after_f = fold(text[q.end:min(ce, q.end + 30)])
                cmp = _comparator(before_f, after_f, q)
                value, unit = q.value, q.unit
                if q.unit == "ratio" and q.denominator:  # "11/11 …" with no percentage: the share it states
                    value, unit = 100.0 * q.value / q.denominator, "%"
                ev = evidence_for(ndoc, ls, le, widen=False) if in_table else evidence_for(ndoc, q.start, q.end)
                warnings: list[str] = []
                deadline = _deadline_for(ndoc, cs, ce, ls, le, warnings, year, in_table)
                level = table_level if in_table else (own_heading_level(line) or level_at(ndoc, ls))
                subject = q.unit if q.unit not in ("%", "ratio") else text[q.end:min(ce, q.end + 60)]
                level = level or subject_level(subject) or TINH
                t = Target(
                    id=f"t{len(targets) + 1}",
                    metric=metric,
                    comparator=cmp,
                    value=clean_value(value),
                    value_max=clean_value(q.value_max),
                    unit=unit,
                    applies_to=level,
                    deadline=deadline,
                    evidence=ev,
                    confidence=(0.9 if target_ctx else 0.7) if q.unit in ("%", "ratio") else (0.75 if target_ctx else 0.6),
                    warnings=warnings,
                )
                if q.denominator is not None:
                    t.numerator = clean_value(q.value)  # type: ignore[attr-defined]
                    t.denominator = clean_value(q.denominator)  # type: ignore[attr-defined]
                # inline adjustment "(địa bàn thị trấn … tăng thêm 10%; …)" in the same clause
                inline = [re.sub(r"\s+", " ", a).strip(" ;,.(") for a in _ADJ_RE.findall(text[q.end:le])]
                if inline and q is qs[-1]:
                    t.adjustments = inline
                if id(q) in place_adj:
                    t.adjustments.append(place_adj[id(q)])
                targets.append(t)
    _attach_adjustments(ndoc, targets)
    return targets


_START_PHRASE = re.compile(r"(?:bat dau\s+)?tu\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}")
_YEAR_LEAD = re.compile(r"^\W*nam\s+((?:19|20)\d\d)\s*,")


def _deadline_for(ndoc, cs, ce, ls, le, warnings, year, in_table=False):
    """The target's own deadline words, else its block's ("Thời gian hoàn thành: …"),
    else its heading's ("… đến năm 2025"). "từ ngày …" in the sentence sets ``start``."""
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
    if phrase is None and not in_table:
        phrase = block_deadline(ndoc, le)
    if phrase is None and not in_table:
        for _, head in heading_chain(ndoc, ls):
            p = find_deadline_phrase(head)
            if p:
                phrase = p
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


def _attach_adjustments(ndoc: NormalizedDocument, targets: list[Target]) -> None:
    """Attach "(Về chỉ tiêu X: A tăng thêm 10%; B tăng thêm 15%)" to the targets of the
    same section whose metric shares most words with X."""
    for start, _end, subject, adjs in _adjustment_notes(ndoc):
        chain = heading_chain(ndoc, start)
        sec_start = chain[0][0] if chain else 0
        for t in targets:
            s = t.evidence.span[0]
            full = t.unit == "%" and t.value is not None and t.value >= 100
            if sec_start <= s < start and not full and _related(subject, t.metric):
                for a in adjs:
                    if a not in t.adjustments:
                        t.adjustments.append(a)
