"""The words around a target's number: its comparator and its metric.

"đạt trên 70%" is ">" 70, "tối thiểu 01 mô hình" is ">=" 1, "từ 85% trở lên" is ">=" 85,
"20%-30%" is a range (rules in ``extract.targets``). The metric is the clause without its
number, its comparator words, its enumerator and its deadline words; coordinated
quantities share the predicate ("100% bệnh viện và 50% cơ sở khám chữa bệnh khác lắp đặt
thiết bị …" → "bệnh viện … lắp đặt thiết bị …", "cơ sở khám chữa bệnh khác lắp đặt …").
A ratio restated as a percentage ("11/11 … (100%)") is one quantity, not two.
"""

from __future__ import annotations

import re

from extract.levels import own_heading_level
from extract.numbers import Quantity, fold
from vnplan.lang import alternation, phrases, vocabulary

# (pattern at the end of the text before the number, comparator), from vnplan/lang/vi/comparators.tsv
CMP_BEFORE = [
    (rf"(?:\b(?:{alternation(phrases('comparators', comparator=c, position='before'))})"
     rf"|(?<![<>=≥≤])(?:{alternation(phrases('comparators', comparator=c, position='symbol'))}))\s*$", c)
    for c in (">=", "<=", ">", "<")
]
_CMP_AFTER_GE = re.compile(rf"^\s*(?:{alternation(phrases('comparators', comparator='>=', position='after'))})\b")
# predicate verbs used to share a predicate between coordinated targets
_PREDICATE = re.compile(
    r"\s(?:được|đã|phải|sẽ|lắp đặt|thực hiện|sử dụng|đăng ký|tham gia|thành lập|thông báo|kích hoạt|có|"
    r"hoàn thành|triển khai|kết nối|khai báo|ứng dụng|áp dụng|tiếp nhận|giải quyết|cung cấp|xử lý|hài lòng|"
    r"tổ chức|bố trí|lưu trữ|cập nhật|nộp|chấp nhận|đạt)\s",
    re.IGNORECASE,
)


def comparator(before_folded: str, after_folded: str, q: Quantity) -> str:
    if q.value_max is not None:
        return "range"
    for pat, cmp in CMP_BEFORE:
        if re.search(pat, before_folded[-30:]):
            if cmp == ">" and re.search(r"(?:tu du|tu)\s+\S*\s*$", before_folded[-12:]):
                continue
            return cmp
    if re.search(r"\btu\s*$", before_folded[-8:]) and _CMP_AFTER_GE.match(after_folded):
        return ">="
    if _CMP_AFTER_GE.match(after_folded):
        return ">="
    if re.search(r"\bdat(?: ty le| muc)?\s*$", before_folded[-20:]) and (q.value < 100 or q.unit != "%"):
        return ">="  # "đạt 50%", "đạt 1.700 ha" read as at least; "đạt 100%" is exactly all
    return "="



_LEAD = re.compile(
    r"^\s*(?:[-+•*]\s*|\(\d{1,2}\)\s*|\d{1,2}(?:[.,]\d{1,2}){0,3}\s*[.)]\s*|[a-zđ]\)\s*)+", re.IGNORECASE
)


_DEADLINE_IN_METRIC = re.compile(
    r"\(?\s*,?\s*(?:phấn đấu\s+)?(?:hoàn thành|xong)?\s*(?:trong|trước|đến hết|đến|chậm nhất(?:\s+là)?|vào)\s+(?:ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}\d?|quý\s+[IV]+\s*(?:/|năm)\s*\d{4}|năm\s+\d{4})\s*\)?",
    re.IGNORECASE,
)


# comparator / linking words that stand right before a number; matched on the written
# words so that "điện tử" is not taken for "từ" (text without diacritics matches its folded form)
_CMP_WORDS = tuple(r["phrase"] for r in vocabulary("comparators") if r["position"] == "before") + (
    # linking words that stand between a metric and its number
    "phải đạt", "đạt tỷ lệ", "đạt tỉ lệ", "đạt trên", "đạt tối thiểu", "đạt ít nhất", "đạt mức", "đạt",
    "từ", "là", "bằng", "chiếm", "mức",
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



def drop_restatements(text: str, qs: list[Quantity]) -> list[Quantity]:
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


def metrics_of(text: str, cs: int, ce: int, qs: list[Quantity]) -> list[str]:
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
    subject = among = ""
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
        if q is qs[0]:
            subject = before.strip() if _COMPLEMENT.match(after) else ""
            among = before.strip()
        elif not before.strip(" ,;:") and subject and _COMPLEMENT.match(after):
            # "Tỷ lệ … đạt không dưới 60% đối với cấp tỉnh và không dưới 40% đối với cấp huyện":
            # the second number has no words of its own before it; it shares the first one's subject
            before = subject
        elif among and _AMONG.match(before):
            # "Tỷ lệ … đạt trên 45%, trong đó cấp xã đạt trên 30%": a part of the same subject
            before = among + " " + _AMONG.sub("", before, count=1)
        core = before + " " + unit + " " + after
        if q is not lq and last_pred and not _PREDICATE.search(" " + after + " ") and last_pred not in core:
            core = core.rstrip() + " " + last_pred
        metrics.append(_clean_metric(core))
    return metrics


_AMONG = re.compile(r"^[\s,;]*trong đó\s+", re.IGNORECASE)
# what follows a number that qualifies a subject stated earlier ("… 40% đối với cấp huyện")
_COMPLEMENT = re.compile(r"^\s*(?:đối với|tại|ở|trong|của|thuộc)\s", re.IGNORECASE)

