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
- "tối thiểu 02 lần/năm" (at least / not under, times per period) is a target in unit
  "lần/năm"; other counts of "lần" are not.
- counts are targets only with a comparator word, or, inside a section about targets
  (chỉ tiêu, mục tiêu, tiêu chí, nhiệm vụ), when a target verb (hoàn thành, đạt, triển
  khai …) governs them. Scope counts ("nhất là 25 dịch vụ công", "đối với …"), counts in
  parentheses or followed by a colon that lists them, legal references, dates, heading
  numbers, enumerators "(1)", award quotas and points are never targets.
- targets stated in table cells (task tables, the criterion column of scoring tables)
  are targets too, with the level of the table's title; the thresholds of scoring
  formulas ("Tỷ lệ >= 90%: điểm tối đa", "Đạt từ 95% trở lên: 50 điểm") are not. Tables by year
  ("Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026") are read by their header in
  ``extract.target_tables``: one target per value cell, its column's year the deadline. "tăng thêm N%" and "(Thành phố đạt
  trên 85%)" adjust the targets they refer to; they are not targets.
- applies_to: the level named by the nearest heading that addresses a group
  ("Đối với cấp xã"), else by the counted subject ("100% các xã …" → cấp xã, "100% cán
  bộ, công chức …" → cá nhân), else "tỉnh" (the plan's own province).
  A clause that opens with its subject names the level before the counted subject does
  ("Các sở, ban, ngành thi đua bảo đảm 100% …" → sở ngành, "Mỗi huyện … có ít nhất 02 …").
- deadline: the sentence's own words ("hoàn thành trong tháng 6/2023", a leading
  "Năm 2022,"), else the block's "Thời gian hoàn thành: …", else the heading's ("… đến
  năm 2025"); a year before the plan's year is history, not a deadline; "từ ngày …"
  sets ``start``.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.campaign import plan_year
from extract.document import is_normative
from extract.evidence import evidence_for
from extract.levels import (TINH, heading_chain, leading_level, level_at, named_level, own_heading_level,
                            place_level, subject_level)
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
from extract.scoring_cells import table_cells  # scoring reads the same tables
from extract.target_deadlines import deadline_for
from extract.target_adjustments import attach_adjustments, inline_adjustments, is_adjustment, place_adjustments
from extract.target_tables import year_tables
from extract.target_years import year_lines
from extract.task_nodes import rule_article
from extract.units import normalize_unit
from extract.target_metrics import CMP_BEFORE, comparator, drop_restatements, metrics_of
from normalize.model import NormalizedDocument
from vnplan.lang import alternation, phrases, vocabulary
from vnplan.schema import Target

# ---------------------------------------------------------------- vocabulary (folded)

_TARGET_VERBS = (
    "hoan thanh", "dat", "phan dau", "bao dam", "dam bao", "xay dung", "thanh lap", "trien khai",
    "thu nhan", "lam sach", "dong bo", "so hoa", "thuc hien", "to chuc", "trang bi", "lap dat", "dao tao",
    "tap huan", "ban hanh", "duy tri", "nang cap", "cung cap", "ho tro", "phat trien",
)
# What a heading says about the numbers under it (vnplan/lang/vi/section_kinds.tsv)
_SECTION_KINDS = [(kind, re.compile("|".join(r["phrase"] for r in vocabulary("section_kinds") if r["kind"] == kind)))
                  for kind in ("target", "excluded")]
# a fact or an estimate, not a target (vnplan/lang/vi/quantity_cues.tsv): "đã đạt 75%", "34/34 địa phương đã
# công bố", "chiếm khoảng 75%", "dự kiến: 85%-90%"; a bare share in brackets after a name is a statistic
_PAST = re.compile(rf"\b(?:{alternation(phrases('quantity_cues', kind='result'))})\b[^;]{{0,40}}$")
_PAST_AFTER = re.compile(rf"^\W*(?:[\w-]+\s+){{0,3}}?(?:{alternation(phrases('quantity_cues', kind='result_after'))})\s")
_ESTIMATE = re.compile(rf"\b(?:{alternation(phrases('quantity_cues', kind='estimate'))})\s*:?\s*$")
# a share of a budget, a pay or a fee right after the number ("Tối đa 10% tổng mức chi", "50% mức phí")
_SHARE_OF = re.compile(rf"^\s*(?:(?:cua|tong)\s+)?(?:{alternation(phrases('quantity_cues', kind='share_of'))})\b")
# a tolerance or a factor of a formula: "890 mg ± 7,5%", "Tiền lương 01 tiết dạy x 150%"
_FORMULA_BEFORE = re.compile(r"(?:±|\+/-|[x×*=])\s*$")
# a rate of support, a fee or a formula's parameter, not a target ("Thành phố hỗ trợ 50% …", "giảm 50% mức phí")
_RATE_CUE = re.compile(rf"\b(?:{alternation(phrases('quantity_cues', kind='rate'))})\s+"
                       r"(?:(?:toi da|khong qua|den|tu|hon|tren|it nhat)\s+){0,2}$")
_BRACKETED_SHARE = re.compile(r"\(\s*(?:[^\W\d]+\s+){0,2}$")  # "Hồ Chí Minh (87,73%)", "(chiếm 52,3%)"
_FOOTNOTE = re.compile(r"^\s*\[\d{1,3}\]")  # "[5] Tỷ lệ TTHC …": a portal copy's footnote, commentary
_SCORING_CLAUSE = re.compile(
    r"diem toi da|diem\s*=|xet diem|tinh diem|: ?diem|thang diem|\*\s*\d"
    # a band of a scale ("> 90%: 10 điểm", "< 50% thì …", a cell "> 90%" alone), not a share to reach ("Có > 30%
    # doanh nghiệp …", "đạt > 90%.": OCR's ≥)
    r"|^\W*[<>]=?\s*\d+(?:,\d+)?\s*%\W*$|[<>]=?\s*\d+(?:,\d+)?\s*%(?=\s*(?::|thi\b|duoc\b|tinh\b|den\b|-))"
    r"|%[^;:]{0,20}:\s*\d+(?:,\d+)?\s*(?:diem|d)\b"  # a scale: "Đạt từ 95% trở lên: 50 điểm"
    r"|:\s*\d+(?:,\d+)?\s*diem\s*;"  # an outcome of a scale: "… đã ban hành kế hoạch: 8 điểm; …"
    r"|\b(?:duoc\s+tinh|tinh\s+la)\s+\d+(?:,\d+)?\s*diem\b"  # a band of a scale: "Đến 10% tính là 0,5 điểm", "… được tính 1 điểm"
)
# a voting quorum ("số phiếu tín nhiệm trên tổng số thành viên Hội đồng … 80%"): SCHEMA.md, no target
_QUORUM = re.compile(r"\bphieu (?:tin nhiem|bau|bieu quyet|dong y|tan thanh)\b|\bbieu quyet tan thanh\b")
_NOT_COUNT_BEFORE = re.compile(r"\b(nhat la|trong do|gom|theo|bao gom|thuoc|tai|voi|doi voi|cua cac|o|la|va)\s*[\"“”]?\s*$")
# a number right after the noun it qualifies names a kind, it counts nothing: "mô hình 4 lớp", "chính quyền 4 cấp"
_NAMED_BY_NUMBER = re.compile(r"\b(?:mo hinh|chinh quyen|he thong|giai doan|muc do|muc|phuong an|phuong cham|nguyen tac)\s*$")
_RATE = re.compile(r"\s*/\s*(năm|quý|tháng|tuần)\b", re.IGNORECASE)  # "02 lần/năm"
_NUMBER_UNITS_EXCLUDED = ("tập thể", "cá nhân", "điểm", "giải", "lần", "tin", "bài", "tuổi")
# days are a procedure's time limit ("trong thời hạn 03 ngày làm việc"), unless a time is cut to reach
# them ("rút ngắn còn không quá 10 ngày làm việc")
_CUT_TO = re.compile(r"\b(?:rut ngan|giam)\b[^.;]{0,80}\bcon\s+(?:khong qua\s+|toi da\s+|duoi\s+)?$")
# "02 điểm hỗ trợ", "03 điểm giao dịch": after "điểm" a word that is not a connector makes it a place, not points
_PLACE_POINT = re.compile(
    r"^\s+(?!(?:cho|neu|khi|moi|doi voi|tren|theo|trong|va|hoac|toi da|cong|tru|thuong|tro len|duoc|la|thi|/)\b)(?!(?:den|duoi)\s+(?:duoi\s+)?\d)[a-z]{2,}"
)


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


_TARGET_CUE = re.compile(r"chi tieu|muc tieu|phan dau")  # a line that names its target (folded)


def _context(ndoc: NormalizedDocument, offset: int, normative: bool = False) -> Optional[str]:
    """"target" or "excluded" from the innermost heading that says which, else None; in a
    normative document, where no heading marks targets, "excluded": its articles and annexes
    state rules ("Mức vốn vay … không được vượt quá 70% …", "yêu cầu tối thiểu là 06 cán bộ")."""
    for _, head in heading_chain(ndoc, offset):
        if rule_article(head):
            return "excluded"  # "Điều 9. Cơ cấu tổ chức": "không quá 05 đơn vị cấp phòng" is a rule
        kind = _heading_kind(head)
        if kind:
            return kind
    return "excluded" if normative else None


_OWN_LABEL = re.compile(r"^\W*(?:(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]\s*)?([^:]{3,80}):")


# the excluded kinds' phrases at the start of a label ("Tên thủ tục hành chính:", "Kinh phí:"), whole words
_EXCLUDED_LABEL = re.compile(r"^\W*(?:" + "|".join(r["phrase"].lstrip("^") for r in vocabulary("section_kinds")
                                                     if r["kind"] == "excluded") + r")\b")


def _label_kind(line: str) -> Optional[str]:
    """"excluded" where the label a line opens with names what is no target, as a heading would ("1. Tên thủ tục
    hành chính: Giải quyết … từ 81% trở lên": a procedure's name, who qualifies); the label must begin with the
    phrase ("b) Công dân được cấp căn cước: đạt 100%" is no "căn cứ", "Tạo điều kiện cho …" no "điều kiện")."""
    m = _OWN_LABEL.match(line)
    # a label may list several heads ("Thành phần, cấu tạo, công thức hóa học, hàm lượng tính trên trọng lượng:"):
    # its first is what must be short
    return "excluded" if m and len(m.group(1).split(",")[0].split()) <= 8 and _EXCLUDED_LABEL.match(fold(m.group(1))) \
        else None


def _heading_kind(head: str) -> Optional[str]:
    """What one heading (or a table column's header) says about the numbers under it, target words first."""
    f = fold(head)
    return next((kind for kind, rx in _SECTION_KINDS if rx.search(f)), None)


# ---------------------------------------------------------------- candidates


_CONDITION_START = re.compile(r"^\W*(?:nếu|trường hợp|khi|đối với trường hợp)\b", re.IGNORECASE)


def _conditional(masked: str, q: Quantity, cs: int, ce: int) -> bool:
    """A number inside a condition sets no target: "Bán kính phục vụ tối đa 01 km thì diện tích …",
    "Nếu tỷ lệ … dưới 50% …" (a rule of a regulation, not a commitment)."""
    return bool(re.search(r"\bthì\b", masked[q.end: ce]) or _CONDITION_START.match(masked[cs: q.start])
                or _BENEFIT_AFTER.search(masked[q.end: ce]))


# "thiệt hại trên 70% diện tích, hỗ trợ 6.000.000 đồng/ha": the share is the condition of an amount paid
_BENEFIT_AFTER = re.compile(r"\b(?:hỗ trợ|mức hỗ trợ|được hỗ trợ|mức chi|được chi|chi trả|thưởng)\s+(?:tối đa\s+|không quá\s+)?"
                            r"\d[\d.,]*\s*(?:đồng|nghìn|triệu|tỷ)", re.I)


def _quantities(masked: str, cs: int, ce: int, target_ctx: bool) -> list[Quantity]:
    seg = masked[cs:ce]
    found: list[Quantity] = []
    for q in find_percents(seg) + find_ratios(seg):
        q.start += cs
        q.end += cs
        before = fold(masked[cs:q.start])
        if _PAST.search(before) or _conditional(masked, q, cs, ce) or _ESTIMATE.search(before[-25:]) \
                or _PAST_AFTER.match(fold(masked[q.end:ce])) or _RATE_CUE.search(before[-40:]) \
                or _SHARE_OF.match(fold(masked[q.end:ce])) or _FORMULA_BEFORE.search(masked[cs:q.start]):
            continue  # "đã đạt 75%" reports a result, "dự kiến 10%" forecasts: neither sets a target
        bracket = _BRACKETED_SHARE.search(masked[max(cs, q.start - 20):q.start])
        if q.unit == "%" and bracket and masked[q.end:q.end + 2].strip().startswith(")") \
                and not re.search(r"\d\s*/\s*\d", masked[cs:q.start]) and not any(
                    re.search(p, fold(bracket.group(0)) + " ") for p, _ in CMP_BEFORE[:2]) \
                and not re.search(r"\b(?:dat|tren|hon)\s*$", fold(bracket.group(0))):
            continue  # "Sơn La (87,26%)", "(chiếm 52,3%)" after words: a statistic, not "11/11 … (100%)"
        found.append(q)
    for q in find_counts(seg):
        q.start += cs
        q.end += cs
        if any(o.start <= q.start < o.end or q.start <= o.start < q.end for o in found) or _conditional(masked, q, cs, ce):
            continue
        rate = _RATE.match(masked, q.end) if q.unit == "lần" else None
        if rate and re.search(CMP_BEFORE[0][0], fold(masked[cs:q.start])[-30:]):
            # "tối thiểu 02 lần/năm": a frequency committed to, in times per period
            q.unit, q.end = f"lần/{rate.group(1).lower()}", rate.end()
        elif q.unit.lower().startswith("ngày") and not _CUT_TO.search(fold(masked[cs:q.start])):
            continue
        elif q.unit.lower().startswith(_NUMBER_UNITS_EXCLUDED) and not _PLACE_POINT.match(fold(masked[q.end:ce])) \
                and not (target_ctx and q.unit.lower() == "điểm" and re.match(r"\s*tro len", fold(masked[q.end:ce]))):
            continue  # (under a targets heading, "đạt từ 6,5 điểm trở lên" is an index score to reach)
        if re.search(r"^[^.;]{0,40}:", masked[q.end:ce]):
            continue  # "02 dịch vụ công liên thông: Đăng ký khai sinh …" enumerates, it sets no target
        if re.search(r"\bkhen thuong|\bxet khen", fold(masked[cs:ce])):
            continue  # award quotas ("không quá 02 xã … được xét khen thưởng") are awards
        before = fold(masked[cs:q.start])
        opened = masked.rfind("(", cs, q.start)
        if opened >= 0 and masked.find(")", opened, q.start) < 0:
            continue  # a count in parentheses explains, it is not a target
        if _NAMED_BY_NUMBER.search(before[-20:]):
            continue
        # ≥, ≤; "trên" (>) only after a verb of attainment: "phát hành trên 50 sản phẩm" is more than 50,
        # "đăng thông tin trên 02 nền tảng" is on two
        cmp_word = any(re.search(p, before[-30:]) for p, _ in CMP_BEFORE[:2]) or bool(_GT_AFTER_VERB.search(before[-40:]))
        if not cmp_word:
            if not target_ctx or _NOT_COUNT_BEFORE.search(before[-20:]):
                continue
            # a target verb must govern it ("Hoàn thành … của 5 huyện", "triển khai … “05 mô hình điểm”")
            if not re.search(r"\b(?:" + "|".join(_TARGET_VERBS) + r")\b", before):
                continue
        found.append(q)
    found.sort(key=lambda q: q.start)
    return found



# ---------------------------------------------------------------- main


def _units(ndoc: NormalizedDocument):
    """(start, end, table_level, in_table) spans to read: the lines outside tables, and
    the cells of tables (criterion / task cells; a cell that is only a number or a
    scoring formula is skipped)."""

    text = ndoc.text
    cells, spans = table_cells(ndoc)
    for cell, level in cells:
        t = cell.text
        if len(t) < 12 or not re.search(r"\d", t) or _SCORING_CLAUSE.search(fold(t)):
            continue
        if cell.column and _heading_kind(cell.column) == "excluded":
            continue  # a "Kết quả thực hiện" column reports what was done, not what is to be reached
        if re.search(r"\bphu luc\b", fold(t)):
            continue
        yield cell.start, cell.end, level, True
    pos = 0
    quoted = quoted_rules(text)
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if any(s <= ls < e for s, e in spans) or line.count("|") >= 2 or _FOOTNOTE.match(line) \
                or any(ls < e and le > s for s, e in quoted):
            continue
        yield ls, le, None, False


# another text quoted after "… quy định:" ("Căn cứ khoản 2 Điều 49 Luật Quản lý thuế …, quy định: “Điều 49. …”"):
# its numbers are that text's rules, not what this document commits to
_QUOTE_OPEN = re.compile(r"(?:quy định|như sau)\s*:\s*\n?\s*[“\"]", re.I)


def quoted_rules(text: str) -> list[tuple[int, int]]:
    """(start, end) of the passages another document's wording is quoted in, up to the closing quote."""
    out = []
    for m in _QUOTE_OPEN.finditer(text):
        end = text.find("”" if m.group(0).endswith("“") else '"', m.end())
        if end < 0 or end - m.end() > 6000:
            continue
        out.append((m.end() - 1, end + 1))
    return out


# a filing note ("- Lưu: VT (TC04/10).KT14/11.": clerks' codes, not ratios) or a procedure's time limit
# ("a) Thời gian giải quyết: … (cắt giảm 01/03 ngày làm việc, tỷ lệ 33,33%)": a cut already made)
_NOT_TARGET_LINE = re.compile(r"^\W*(?:[a-zđ]\)\s*)?(?:lưu|nơi nhận|thời (?:gian|hạn) giải quyết)\s*:", re.I)


def extract_targets(ndoc: NormalizedDocument) -> list[Target]:
    text = ndoc.text
    masked = mask_references(text)
    targets: list[Target] = []
    year = plan_year(ndoc)
    seen: set[tuple[int, int]] = set()
    normative = is_normative(ndoc)
    by_year = year_tables(ndoc)  # "Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026": read by their header
    by_year += year_lines(ndoc, [(s, e) for s, e, _ in by_year])  # "…: năm 2025 đạt 600 tin, bài; năm 2026 …"
    for ls, le, table_level, in_table in _units(ndoc):
        if any(s <= ls < e for s, e, _ in by_year):
            continue
        line = text[ls:le]
        if not re.search(r"\d", line) and not find_number_words(line) or _NOT_TARGET_LINE.match(line):
            continue
        ctx = _context(ndoc, ls, normative)
        if ctx == "excluded" and (not in_table or normative) \
                or ctx != "target" and not _TARGET_CUE.search(fold(line)) and _label_kind(line) == "excluded":
            continue
        target_ctx = in_table or ctx == "target" or bool(_TARGET_CUE.search(fold(line)))
        for cs, ce in _clauses(masked, ls, le):
            clause_f = fold(text[cs:ce])
            if _SCORING_CLAUSE.search(clause_f) or _QUORUM.search(clause_f):
                continue
            qs = _quantities(masked, cs, ce, target_ctx)
            qs = [q for q in qs if not is_adjustment(text, cs, q)]
            qs = drop_restatements(text, qs)
            # "(Thành phố đạt trên 85%)" after a target adjusts it; it is not a target
            qs, place_adj = place_adjustments(text, cs, le, qs)
            if not qs:
                continue
            metrics = metrics_of(text, cs, ce, qs)
            prev, prev_cmp = None, "="
            for q, metric in zip(qs, metrics):
                if (q.start, q.end) in seen or len(metric) < 4:
                    continue
                seen.add((q.start, q.end))
                before_f = fold(text[cs:q.start])
                after_f = fold(text[q.end:min(ce, q.end + 30)])
                cmp = comparator(before_f, after_f, q)
                between = fold(text[prev.end:q.start]) if prev is not None else ""
                if cmp == "=" and prev_cmp != "=" and re.search(r"(?:\bva|,)\s*$", between) and len(between) < 120 \
                        and not re.search(r"\d|\bdat\b", between):
                    cmp = prev_cmp  # "Tối thiểu 70% hộ … và 50% hộ …": coordinated numbers share the comparator
                prev, prev_cmp = q, cmp
                value, unit = q.value, q.unit
                if q.unit == "ratio" and q.denominator:  # "11/11 …" with no percentage: the share it states
                    value, unit = 100.0 * q.value / q.denominator, "%"
                ev = evidence_for(ndoc, ls, le, widen=False) if in_table else evidence_for(ndoc, q.start, q.end)
                warnings: list[str] = []
                deadline = deadline_for(ndoc, cs, ce, ls, le, warnings, year, in_table)
                level = table_level if in_table else (own_heading_level(line) or level_at(ndoc, ls))
                subject = q.unit if q.unit not in ("%", "ratio") else text[q.end:min(ce, q.end + 60)]
                # the clause's own subject ("Các sở, ban, ngành thi đua bảo đảm 100% …", "Mỗi huyện … có ít nhất 02 …")
                level = (level or leading_level(text[cs:q.start]) or subject_level(subject) or place_level(subject)
                         or named_level(metric) or TINH)
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
                inline = inline_adjustments(text, q.end, le)
                if inline and q is qs[-1]:
                    t.adjustments = inline
                if id(q) in place_adj:
                    t.adjustments.append(place_adj[id(q)])
                targets.append(t)
    targets += [t for _, _, ts in by_year for t in ts]
    targets.sort(key=lambda t: t.evidence.span[0])
    for i, t in enumerate(targets, start=1):
        t.id = f"t{i}"
        t.unit, t.unit_text, factor = normalize_unit(t.unit, t.metric)  # the contract's units (extract/units.py)
        if factor != 1:
            t.value = clean_value(t.value * factor) if t.value is not None else None
            t.value_max = clean_value(t.value_max * factor) if t.value_max is not None else None
    attach_adjustments(ndoc, targets)
    return targets


_GT_AFTER_VERB = re.compile(r"\b(?:dat|co|phan dau|tang|len|thu hut|phat hanh|xay dung|thanh lap|phat trien|trien khai)"
                            r"\s+(?:tren|hon)\s*$")
