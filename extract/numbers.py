"""Vietnamese numbers as they appear in plans: digits, separators, words, money.

Vietnamese writes thousands with dots and decimals with commas (``20.000.000`` is
twenty million, ``0,5`` is a half), pads counts with zeros (``01 mô hình``) and often
repeats a count in words (``02 (hai)``). Targets, scoring points, award quotas and
prize money are all read through this module so that every extractor agrees on what
a number is, and so that dates, legal references (``06/QĐ-TTg``) and heading numbers
(``2.2.1.``) are never mistaken for quantities.

``fold`` removes diacritics one character at a time (the result has the same length
as the input), so patterns can be matched accent-insensitively on OCR'd or restored
text while offsets still point into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# ---------------------------------------------------------------- accent folding

from vnplan.lang import fold, vocabulary  # noqa: E402,F401  (one fold for every stage; re-exported here)


# ---------------------------------------------------------------- digit numbers

# A number token: 20.000.000 | 1.251 | 0,5 | 12,5 | 01 | 70
NUMBER_RE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_FULL = re.compile(rf"^(?:{NUMBER_RE})$")


def parse_number(token: str) -> Optional[float]:
    """``"20.000.000"`` → 20000000, ``"0,5"`` → 0.5, ``"01"`` → 1, ``"1.251"`` → 1251.

    A dot followed by exactly three digits is a thousands separator; a comma is the
    decimal mark. ``"1.5"`` (English decimal) is read as 1.5 as a last resort.
    Returns None for anything else.
    """
    tok = token.strip().replace(" ", "")
    if not tok:
        return None
    if _NUMBER_FULL.match(tok):
        return float(tok.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", tok):  # English-style decimal, e.g. OCR "1.5"
        return float(tok)
    words = words_to_number(token)
    return float(words) if words is not None else None


def as_int(value: Optional[float]) -> Optional[int]:
    """An integral float as int (20000000.0 → 20000000); None stays None."""
    if value is None:
        return None
    return int(round(value)) if abs(value - round(value)) < 1e-9 else None


def clean_value(value: Optional[float]) -> Optional[float]:
    """Return ints for integral values so JSON shows ``70`` not ``70.0``."""
    if value is None:
        return None
    i = as_int(value)
    return i if i is not None else value


# ---------------------------------------------------------------- number words

# words, as written with diacritics, that may be part of a spelled number
_WORD_FORMS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mươi": -10,
    "linh": -1, "lẻ": -1, "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
}
NUMBER_WORD_RE = r"(?:" + "|".join(sorted((re.escape(w) for w in _WORD_FORMS), key=len, reverse=True)) + r")"
_WORD_SEQ = re.compile(rf"(?<!\w){NUMBER_WORD_RE}(?:\s+{NUMBER_WORD_RE})*(?!\w)", re.IGNORECASE)


def words_to_number(text: str) -> Optional[int]:
    """``"mười lăm"`` → 15, ``"hai mươi mốt"`` → 21, ``"một trăm"`` → 100,
    ``"ba trăm linh năm"`` → 305, ``"hai triệu"`` → 2000000. None if not a number."""
    words = text.strip().lower().split()
    if not words or any(w not in _WORD_FORMS for w in words):
        return None
    total, group, current = 0, 0, 0
    for w in words:
        v = _WORD_FORMS[w]
        if w == "mười":
            current += 10
        elif w == "mươi":
            current = (current or 1) * 10
        elif v == -1:  # linh / lẻ: the next digit is a unit
            continue
        elif v == 100:
            group += (current or 1) * 100
            current = 0
        elif v >= 1000:
            total += (group + current or 1) * v
            group, current = 0, 0
        else:
            if w in ("mốt", "lăm", "nhăm") and current % 10 != 0:
                return None
            current += v
    return total + group + current


# Count nouns: what a quantity in a plan counts. Generic administrative vocabulary.
# count nouns and units (vnplan/lang/vi/count_nouns.tsv)
COUNT_NOUNS = tuple(r["phrase"] for r in vocabulary("count_nouns"))

_SPELLED_AFTER = re.compile(r"\s*\(\s*" + NUMBER_WORD_RE + r"(?:\s+" + NUMBER_WORD_RE + r")*\s*\)", re.IGNORECASE)
# admin-unit nouns that extend a unit: "5 huyện, thành phố", "02 xã, phường, thị trấn"
_UNIT_EXT = re.compile(r"(?:\s*,\s*|\s+và\s+|\s+hoặc\s+)(thành phố|thị xã|thị trấn|phường|xã|tổ dân phố|tổ|bản|ấp|khu phố|quận|huyện|ban\s*,\s*ngành|ngành)(?!\w)")


def find_number_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of spelled numbers that state a quantity: followed by a count
    noun (``hai tập thể``) or spelled out after digits (``02 (hai)``). Lone ``năm``
    (also "year") counts only inside a longer spelled number."""
    out = []
    lower = text.lower()
    for m in _WORD_SEQ.finditer(text):
        words = m.group(0).lower().split()
        val = words_to_number(" ".join(words))
        if val is None:
            continue
        if len(words) == 1 and words[0] in ("năm", "tư", "không", "linh", "lẻ", "mươi", "lăm", "mốt", "nhăm", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"):
            continue
        before = lower[max(0, m.start() - 2): m.start()]
        after = lower[m.end(): m.end() + 20]
        in_parens = before.endswith("(") and after.startswith(")")
        if in_parens or any(after.lstrip().startswith(n) for n in COUNT_NOUNS):
            out.append((m.start(), m.end(), val))
    return out


# ---------------------------------------------------------------- quantities in text


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str  # "%", "ratio", "count", "VND", "points"
    value_max: Optional[float] = None
    denominator: Optional[float] = None
    text: str = ""


_PCT = re.compile(
    rf"(?<![\d/.,])({NUMBER_RE})\s*%?\s*(?:-|–|—|đến|tới)\s*({NUMBER_RE})\s*%|(?<![\d/.,])({NUMBER_RE})\s*%"
)
_RATIO = re.compile(r"(?<![\d/.,])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/.,]*\d)(?!\s*[/\-]?\s*[A-ZĐa-zđ]{1,4}[-/])")
_DATE_LIKE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\d{1,2}\s*/\s*(?:19|20)\d{2}")


def find_percents(text: str) -> list[Quantity]:
    """Percentages and percentage ranges (``70%``, ``20%-30%``, ``20-30%``, ``0,5%``)."""
    out = []
    for m in _PCT.finditer(text):
        if m.group(1):
            lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
            if lo is not None and hi is not None and lo < hi:
                out.append(Quantity(m.start(), m.end(), lo, "%", value_max=hi, text=m.group(0)))
                continue
            # not a real range: fall back to the last percentage
            v = parse_number(m.group(2))
            s = m.start(2)
            out.append(Quantity(s, m.end(), v, "%", text=text[s:m.end()]))
        else:
            v = parse_number(m.group(3))
            if v is not None:
                out.append(Quantity(m.start(), m.end(), v, "%", text=m.group(0)))
    return out


def find_ratios(text: str) -> list[Quantity]:
    """Ratios of whole numbers (``11/11``, ``14/14``) that are not dates (``30/11``,
    ``6/2023``) nor document numbers (``06/QĐ-TTg``), hours of a watch (``12/24 giờ``) nor map
    scales (``1/500``). A ratio is kept only when the
    numerator does not exceed the denominator (a day/month pair usually does, or is
    followed by a year)."""
    out = []
    for m in _RATIO.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b == 0 or a > b or b >= 1900:
            continue
        tail = text[m.end(): m.end() + 6]
        if re.match(r"\s*/\s*\d", tail) or re.match(r"\s*(?:giờ|h\b)", tail, re.I) or (a == 1 and b >= 100):
            continue  # "trực 24/24 giờ" is a watch, "bản đồ tỷ lệ 1/500" a scale
        before = text[max(0, m.start() - 8): m.start()].lower()
        if re.search(r"(ngày|tháng|số|quý)\s*$", before) or re.search(r"(ngay|thang|so)\s*$", fold(before)):
            continue
        out.append(Quantity(m.start(), m.end(), float(a), "ratio", denominator=float(b), text=m.group(0)))
    return out


_VND_FOLDED = re.compile(
    rf"({NUMBER_RE})\s*(ty|trieu|nghin|ngan)?\s*(?:dong|vnd)\b"
    r"|(\d{1,3}(?:\.\d{3})+)()\s*d\b"  # "500.000đ": a bare đ only after a grouped amount (3đ is points)
)
_SCALE_WORD = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 1000, "ngàn": 1000,
               "ty": 10**9, "trieu": 10**6, "nghin": 1000, "ngan": 1000}


def find_money(text: str) -> list[Quantity]:
    """Money amounts in đồng: ``20.000.000 đồng`` → 20000000, ``20 triệu đồng`` →
    20000000, ``1,5 tỷ đồng`` → 1500000000. Matched accent-insensitively (``dong``)."""
    out = []
    for m in _VND_FOLDED.finditer(fold(text)):
        g = 1 if m.group(1) else 3
        v = parse_number(text[m.start(g): m.end(g)])
        if v is None:
            continue
        scale = _SCALE_WORD.get(m.group(2) or "", 1)
        out.append(Quantity(m.start(), m.end(), v * scale, "VND", text=text[m.start(): m.end()]))
    return out


def parse_vnd(text: str) -> Optional[int]:
    """The first money amount of ``text`` in đồng, or None."""
    found = find_money(text)
    return as_int(found[0].value) if found else None


_POINTS = re.compile(rf"(?<![\d/.,])({NUMBER_RE})\s*(?:điểm|đ\b|diem|diém|điêm)", re.IGNORECASE)


def find_points(text: str) -> list[Quantity]:
    """Points (``0,5 điểm``, ``3đ``, ``05 điểm/lần``)."""
    out = []
    for m in _POINTS.finditer(text):
        v = parse_number(m.group(1))
        if v is not None:
            out.append(Quantity(m.start(), m.end(), v, "points", text=m.group(0)))
    return out


# whole counts; a decimal only as a score ("đạt từ 6,5 điểm trở lên")
_COUNT = re.compile(rf"(?<![\d/.,\-])(\d{{1,3}}(?:\.\d{{3}})+|\d{{1,2}},\d{{1,2}}(?=\s+(?:điểm|diem)\b)|\d{{1,5}})(?![\d/.,%]|\s*%|\s*/)")


_FOLDED_NOUNS = sorted({fold(n) for n in COUNT_NOUNS}, key=len, reverse=True)
_NOUN_FORMS: dict[str, set[str]] = {}
for _n in COUNT_NOUNS:
    _NOUN_FORMS.setdefault(fold(_n), set()).add(_n)
_UNIT_EXT_FOLDED = re.compile(fold(_UNIT_EXT.pattern))
_MARKED_ONLY = {fold("sở"), fold("bậc")}


def _noun_after(text: str, lower: str, pos: int) -> Optional[tuple[int, int]]:
    """(unit_start, unit_end) of the count noun phrase starting at ``pos``, or None.
    ``lower`` is the accent-folded text, so "don vi" (OCR) reads like "đơn vị"."""
    m = _SPELLED_AFTER.match(text, pos)
    if m:
        pos = m.end()
    while pos < len(text) and text[pos] == " ":
        pos += 1
    noun = next((n for n in _FOLDED_NOUNS if lower.startswith(n, pos) and not lower[pos + len(n):pos + len(n) + 1].isalpha()), None)
    if noun is None:
        return None
    written = text[pos:pos + len(noun)].lower()
    if written != noun and written not in _NOUN_FORMS[noun]:
        return None  # "phương thức" is not "phường"; text without diacritics (OCR) passes
    if noun in _MARKED_ONLY and written not in _NOUN_FORMS[noun]:
        return None  # unmarked "so", "bac" are far more often "số"/"so với", "bắc" than "sở", "bậc"
    start, end = pos, pos + len(noun)
    while True:
        ext = _UNIT_EXT_FOLDED.match(lower, end)
        if not ext:
            break
        end = ext.end()
    return start, end


def find_counts(text: str) -> list[Quantity]:
    """Counts followed by a count noun (``5 huyện, thành phố`` → 5 "huyện, thành phố",
    ``01 mô hình``, ``02 (hai) xã``, ``hai tập thể``)."""
    out = []
    lower = fold(text)
    for m in _COUNT.finditer(text):
        span = _noun_after(text, lower, m.end())
        if span is None:
            continue
        before = lower[max(0, m.start() - 12): m.start()]
        if re.search(r"\b(so|ngay|thang|nam|quy|muc|khoan|dieu|phu luc|tiet|muc|giai doan|de an|ke hoach|quyet dinh|"
                     r"chi thi|nghi quyet|nghi dinh|cong van|thong bao|kh|qd|nq|(?<!toi )da)\s*$", before):  # "đã 5 …", not "tối đa 5 …"
            continue
        v = parse_number(m.group(1))
        out.append(Quantity(m.start(), span[1], v, text[span[0]:span[1]], text=text[m.start():span[1]]))
    for s, e, v in find_number_words(text):
        if any(q.start <= s < q.end for q in out):
            continue
        span = _noun_after(text, lower, e)
        if span is None:
            continue
        out.append(Quantity(s, span[1], float(v), text[span[0]:span[1]], text=text[s:span[1]]))
    out.sort(key=lambda q: q.start)
    return out


def mask_references(text: str) -> str:
    """``text`` with dates, legal references and heading numbers blanked out (same length),
    so number finders do not read ``06/QĐ-TTg``, ``14/6/2023`` or ``2.2.1.`` as quantities."""
    def blank(m: re.Match) -> str:
        return " " * (m.end() - m.start())

    t = re.sub(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}", blank, text)
    t = re.sub(r"\b\d+[/-](?:\d{4}/)?[A-ZĐ][\w\-/Đ]*", blank, t)  # 06/QĐ-TTg, 107/2021/NĐ-CP, 27-CT/TU
    t = re.sub(r"(?i)(tháng|thang)\s+\d{1,2}\s*(?:/|năm|nam)\s*\d{4}\d?", blank, t)
    t = re.sub(r"\b\d{1,2}\s*/\s*(?:19|20)\d{2}\d?\b", blank, t)
    t = re.sub(r"(?i)(?:năm|nam|giai đoạn|giai doan)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?", blank, t)
    t = re.sub(r"(?m)^\s*(?:\d+\.)+\d*\s", blank, t)  # heading numbers 2.2.1.
    t = re.sub(r"(?m)^\s*\(?\d+\)\s", blank, t)
    t = re.sub(r"\(\d{1,2}\)", blank, t)  # enumerators (1), (2)
    return t
