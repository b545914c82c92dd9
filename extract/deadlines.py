"""Deadlines: turn the Vietnamese words of a time limit into a normalized Deadline.

Plans state deadlines in many forms ("Quý I/2023", "Trong tháng 02 năm 2023",
"Trước ngày 15/12/2023", "Năm 2023 và thường xuyên", "Sau khi có Chỉ thị …",
"Theo KH 69 …"). Every extractor that meets a deadline (tasks, targets, campaign
milestones) calls ``parse_deadline`` so all of them agree on one reading:
``end`` is the last day of the period named, ``start`` is set only by "từ …",
the original words are kept in ``text``, and anything doubtful (an impossible
date, a year that had to be guessed but could not be) becomes a warning instead
of a silent guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from vnplan.schema import Deadline

_YEAR = r"(?P<y>(?:19|20)\d\d)(?P<fn>\d)?(?!\d)"  # a glued footnote digit (20231) is tolerated
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Document references: their dates are issue dates, never deadlines ("KH số 134/KH-UBND ngày 16/5/2022").
_DOC_WORDS = (
    r"kế hoạch|kh|quyết định|qđ|nghị quyết|nq|chỉ thị|ct|công văn|cv|văn bản|thông báo|tb|"
    r"nghị định|nđ|thông tư|tt|đề án|chương trình|hướng dẫn|luật"
)
_DOC_REF = re.compile(
    rf"(?:\b(?:{_DOC_WORDS})\b\.?\s*(?:số\s*)?\d+[\w/\-.đĐ]*|\bsố\s*\d+/[\w\-đĐ]+|\b\d+/[a-zđ]{{1,6}}-[\w\-đĐ]+)"
    r"(?:\s*,?\s*ngày\s*\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4})?",
    re.I,
)
_REFERENCE_START = re.compile(r"^(?:thực hiện\s+|lộ trình\s+|tiến độ\s+)?(?:theo|căn cứ)\b", re.I)
# a time limit counted from an event or from the decision: "trong thời hạn 03 ngày làm việc", "chậm nhất 05 ngày
# làm việc kể từ ngày ban hành Quyết định" (a bare "trong 02 ngày" is how long something lasts, not a limit)
TIME_LIMIT = (r"(?:(?:trong\s+(?:thời hạn|thời gian|vòng)|chậm nhất(?:\s+sau)?|không quá|tối đa)\s+\d{1,3}\s+ngày(?:\s+làm việc)?"
              r"|trong\s+\d{1,3}\s+ngày\s+làm việc)(?:\s*,?\s*kể từ\s[^.;,]{3,100})?")
_TIME_LIMIT = re.compile(TIME_LIMIT, re.I)
_CONDITIONAL = re.compile(r"\b(?:sau khi|ngay sau khi|khi có|khi được|khi\s+\w+\s+có|tùy theo|tuỳ theo|căn cứ|kể từ)\b|"
                          + TIME_LIMIT, re.I)
# a line or sentence that only dates the duty before it: "Thời hạn: trong tháng 12/2025.", "Hoàn thành trước ngày
# 30/11/2025.", "Thời hạn chậm nhất 05 ngày làm việc, kể từ ngày ban hành Quyết định."
_DEADLINE_ONLY = re.compile(r"^\W*(?:hoàn thành|thời (?:gian|hạn)(?: (?:hoàn thành|thực hiện))?)(?: xong)?\s*:?\s*"
                            r"(?P<when>(?:trước|trong|chậm nhất|không quá|tối đa|xong trước|hoàn thành trước|đến)\b[^.;,]{3,120}"
                            r"(?:,\s*kể từ\s[^.;]{3,100})?)[.;]?\s*$", re.I)


def deadline_only(text: str) -> str | None:
    """The deadline words of a line that states only a deadline (else None)."""
    m = _DEADLINE_ONLY.match(text)
    return m.group("when") if m else None


_RECURRING = re.compile(
    r"thường\s*xuyên|liên\s*tục|hằng\s*(?:năm|quý|tháng|tuần|ngày)|hàng\s*(?:năm|quý|tháng|tuần|ngày)|định\s*kỳ",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:thời\s*gian|thời\s*hạn|tiến\s*độ)[^:]{0,30}:\s*", re.I)


@dataclass
class _Hit:
    kind: str  # date | daymonth | month | quarter | half | year
    start: int
    end: int
    year: Optional[int]
    month: Optional[int] = None
    day: Optional[int] = None
    quarter: Optional[int] = None
    half: Optional[int] = None
    footnote: bool = False

    def _months(self) -> tuple[int, int]:
        """First and last month of the period named."""
        if self.kind == "month":
            return self.month, self.month
        if self.kind == "quarter":
            return 3 * self.quarter - 2, 3 * self.quarter
        if self.kind == "half":
            return (1, 6) if self.half == 1 else (7, 12)
        return 1, 12

    def _bounds(self) -> tuple[Optional[dt.date], Optional[dt.date]]:
        """(first day, last day) of the period named; (None, None) without a year or for an impossible date."""
        y = self.year
        if y is None:
            return None, None
        try:
            if self.kind in ("date", "daymonth"):
                d = dt.date(y, self.month, self.day)
                return d, d
            first, last = self._months()
            return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        except ValueError:
            return None, None

    def first_day(self) -> Optional[dt.date]:
        return self._bounds()[0]

    def last_day(self) -> Optional[dt.date]:
        return self._bounds()[1]


_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "tháng 10 - 11/2024": a span of months, not the date 10/11/2024 (the year comes from the later month)
    ("month", re.compile(r"tháng\s*(?P<m>\d{1,2})(?=\s*[-–]\s*\d{1,2}\s*/\s*(?:19|20)\d\d)", re.I)),
    ("date", re.compile(rf"(?<![\d/])(?P<d>\d{{1,2}})\s*[/.\-]\s*(?P<m>\d{{1,2}})\s*[/.\-]\s*{_YEAR}")),
    ("date", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:năm|/)\s*{_YEAR}", re.I)),
    ("half", re.compile(rf"(?:6|06|sáu)\s*tháng\s*(?P<h>đầu|cuối)\s*năm(?:\s*{_YEAR})?", re.I)),
    ("quarter", re.compile(rf"quý\s*(?P<q>iv|i{{1,3}}|[1-4])\b(?:\s*(?:/|-|năm)\s*{_YEAR})?", re.I)),
    ("month", re.compile(rf"tháng\s*(?P<m>\d{{1,2}})\s*(?:/|-|năm)\s*{_YEAR}", re.I)),
    ("month", re.compile(rf"(?<![\d/])(?P<m>\d{{1,2}})\s*/\s*{_YEAR}")),
    ("daymonth", re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")),
    ("daymonth", re.compile(r"ngày\s*(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?!\s*(?:năm|/)\s*\d)", re.I)),
    ("month", re.compile(r"(?<!\d\s)(?<!\d)tháng\s*(?P<m>\d{1,2})(?![\d/])(?!\s*(?:năm|/|-)\s*\d)", re.I)),
    ("year", re.compile(rf"(?:năm|cuối năm)\s*{_YEAR}", re.I)),
    ("year", re.compile(rf"(?<![\d/.,])(?<!tháng )(?<!quý )\b{_YEAR}")),
]


def _find_hits(s: str, warnings: list[str]) -> list[_Hit]:
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(s):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            g = m.groupdict()
            year = int(g["y"]) if g.get("y") else None
            hit = _Hit(kind, m.start(), m.end(), year, footnote=bool(g.get("fn")))
            if g.get("m"):
                hit.month = int(g["m"])
                if not 1 <= hit.month <= 12:
                    warnings.append(f"impossible month {hit.month} in {m.group(0)!r}")
                    continue
            if g.get("d"):
                hit.day = int(g["d"])
            if g.get("q"):
                hit.quarter = _ROMAN_Q[g["q"].lower()]
            if g.get("h"):
                hit.half = 1 if g["h"].lower() == "đầu" else 2
            taken.append((m.start(), m.end()))
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return hits


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(" .;,")


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


def _day_before(d: Optional[dt.date]) -> Optional[dt.date]:
    return d - dt.timedelta(days=1) if d else None


def _last_of_list(hits: list[_Hit], s: str) -> Optional[_Hit]:
    """The last of a list of periods of one kind ("Quý II và Quý IV năm 2025", "tháng 6 và
    tháng 12"): work due at each of them is done by the last one."""
    if len(hits) < 2 or len({h.kind for h in hits}) > 1:
        return None
    if all(re.fullmatch(r"\s*(?:,|;|và|hoặc)\s*", s[a.end:b.start]) for a, b in zip(hits, hits[1:])):
        return hits[-1]
    return None


def parse_deadline(text: str, default_year: int | None = None) -> tuple[Deadline | None, list[str]]:
    """Parse deadline words into a Deadline (or None for empty text) and warnings.

    ``default_year`` (the plan's year) completes forms without a year ("trước ngày 16/6",
    "Quý I"); without it such a date is left empty with a warning.
    """
    words = _clean(_LABEL.sub("", _clean(text)))
    if not words:
        return None, []
    warnings: list[str] = []
    low = words.lower().replace("*", "")
    recurring = bool(_RECURRING.search(low))
    if _TIME_LIMIT.search(low):  # "05 ngày làm việc kể từ ngày 01/12/2025": a count of days from an event, no end
        return Deadline(text=words, start=None, end=None, recurring=recurring, kind="conditional"), warnings
    is_reference = bool(_REFERENCE_START.search(low))
    masked = _DOC_REF.sub(lambda m: " " * len(m.group(0)), low)
    hits = [] if is_reference else _find_hits(masked, warnings)

    # Fill missing years: from a later hit of the same phrase ("từ tháng 3 đến tháng 6/2023"), else the plan's year.
    for i, h in enumerate(hits):
        if h.year is None:
            later = next((x.year for x in hits[i + 1:] if x.year), None)
            if later:
                h.year = later
            elif default_year:
                h.year = default_year
            else:
                warnings.append(f"no year in {words[h.start:h.end]!r} and the plan's year is unknown")
        if h.footnote:
            warnings.append(f"year in {words[h.start:h.end]!r} has a trailing digit (footnote marker?)")
    for h in hits:
        if h.kind in ("date", "daymonth") and h.year and h.first_day() is None:
            warnings.append(f"impossible date {words[h.start:h.end]!r}")

    start = end = None
    kind: Optional[str] = None
    if hits:
        def before(h: _Hit, n: int = 14) -> str:
            return masked[max(0, h.start - n):h.start]

        from_hit = next((h for h in hits if re.search(r"(?:từ|bắt đầu)\s*(?:ngày\s*)?$", before(h))), None)
        to_hit = next(
            (h for h in hits if h is not from_hit and re.search(r"(?:đến|tới|den|-|–)\s*(?:hết\s*)?(?:ngày\s*|năm\s*)?$", before(h))),
            None,
        )
        if from_hit and to_hit and to_hit.start > from_hit.start:
            start, end, kind = from_hit.first_day(), to_hit.last_day(), "range"
        elif from_hit:
            start, kind = from_hit.first_day(), "range"
            if to_hit:
                end = to_hit.last_day()
        else:
            h = to_hit or _last_of_list(hits, masked) or hits[0]
            kind = {"daymonth": "date", "half": "other"}.get(h.kind, h.kind)
            if to_hit and to_hit is not hits[0] and hits[0].start < to_hit.start:
                start, kind = hits[0].first_day(), "range"  # "2022 - 2025", "tháng 3 đến tháng 6"
            if h.kind in ("month", "quarter", "half", "year") and re.search(r"trước\s*$", before(h, 8)):
                end = _day_before(h.first_day())  # "trước tháng 3/2023": before March begins
            else:
                end = h.last_day()
            if kind != "range" and h is not hits[-1] and len({x.last_day() for x in hits if x.year}) > 1:
                warnings.append(f"several dates in {words!r}; the first one is taken")
        if end is None and start is None and not any("impossible" in w or "no year" in w for w in warnings):
            warnings.append(f"could not read a date in {words!r}")
    elif is_reference:
        kind = "reference"
    elif _CONDITIONAL.search(low):
        kind = "conditional"
    elif recurring:
        kind = "recurring"
    else:
        kind = "other"
        warnings.append(f"deadline not understood: {words!r}")
    return Deadline(text=words, start=_iso(start), end=_iso(end), recurring=recurring, kind=kind), warnings
