"""The document's type and title as its opening block prints them.

A type heading ("QUYẾT ĐỊNH", "KẾ HOẠCH") and the line under it; or, for a dispatch with no
type heading, its "V/v …" subject line under the number, wrapped up to the place-and-date
line; or the type the portal's field or the number's code names. Read by
:mod:`extract.document`, which assembles the document block.
"""

from __future__ import annotations

import re

from normalize.patterns import DATE_LINE, DOC_TYPE_LINE, DOC_TYPES, NUMBER_LINE, NUMBER_TYPE_CODES
from normalize.text import fold, is_upper_line, sentence_case


def find_type(lines: list[str]) -> tuple[str | None, int | None]:
    for i, ln in enumerate(lines):
        m = DOC_TYPE_LINE.match(fold(ln))
        if m:
            key = re.sub(r"\s+", " ", m.group(1))
            return DOC_TYPES.get(key), i
    return None, None


def type_from(value: str | None) -> str | None:
    if not value:
        return None
    f = re.sub(r"\s+", " ", fold(value)).strip()
    return DOC_TYPES.get(f)


def type_from_number(number: str | None) -> str | None:
    if not number or "/" not in number:
        return None
    code = number.split("/")[-1].split("-")[0]
    return NUMBER_TYPE_CODES.get(code)


def find_title(lines: list[str], type_index: int | None, keep: list[str]) -> str | None:
    if type_index is None or type_index + 1 >= len(lines):
        return None
    title = lines[type_index + 1].strip()
    if not title or NUMBER_LINE.match(fold(title)):
        return None
    if is_upper_line(title):
        title = sentence_case(title, keep=keep + ["Đề án"])
        title = re.sub(r"([“\"«]\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)
    return title.strip().rstrip(".;,")


ABOUT = re.compile(r"^\W*v/v\b", re.I)
# "V/v đẩy nhanh tiến độ …", "Số: 5331/CT-CS V/v:", "Số: 5387/CT-CS v/v trả lời …" (in lower case only right after a
# number's code, not a cited letter's "… công văn số 12 v/v …")
_ABOUT_INSIDE = re.compile(r"(?:\sV|(?<=[A-ZĐ])\sv)/[vV](?=[\s:]|$)")


# "V/v chính sách thuế Hà Nội, ngày 01 tháng 12 năm 2025 Kính gửi: …" (fold keeps offsets; "ng ày" split by OCR)
_DATE_AFTER_PLACE = re.compile(r",\s*ng\s?ay\s+\d{1,2}\s+thang\b|\skinh\s+gui\b")


# "thuế TNCN Hà Nội, ngày …": an abbreviation before a place in words ends the subject; a place in capitals
# ("TÂY NINH, ngày …", "TP. HỒ CHÍ MINH") is walked over whole
_ABBREVIATION = re.compile(r"^[A-ZĐ]{3,}$")


def _subject_end(line: str) -> int | None:
    """Where a subject line runs into the place-and-date ("… Hà Nội, ngày 01 tháng 12") or "Kính gửi":
    the place is the capitalised words before the comma."""
    m = _DATE_AFTER_PLACE.search(fold(line))
    if not m:
        return None
    if m.group(0).lstrip().startswith("kinh"):
        return m.start()
    words = list(re.finditer(r"\S+", line[: m.start()]))
    k = len(words)
    while k > 0 and len(words) - k < 6 and (words[k - 1].group(0)[:1].isupper() or words[k - 1].group(0) in "-–"
                                            or fold(words[k - 1].group(0)) in ("pho", "tinh")) \
            and not (_ABBREVIATION.match(words[k - 1].group(0)) and k < len(words) and not words[k].group(0).isupper()):
        k -= 1  # "Hà Nội", "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"; "thuế TNCN Hà Nội": no place has "TNCN"
    while k < len(words) and not words[k].group(0)[:1].isupper():
        k += 1  # the walk stops on a capital: "… thuế tỉnh Lâm Đồng" keeps "tỉnh" in the subject
    if k == len(words):
        return m.start()  # "V/v thuế, ngày 01 tháng 12 năm 2025": no place, the date follows the comma
    return words[k].start() if k > 0 else None


def subject_line(lines: list[str]) -> str | None:
    """A dispatch has no type heading; its title is the "V/v …" line under its number, wrapped
    over the lines up to the place-and-date line or "Kính gửi"."""
    for i, ln in enumerate(lines[:20]):
        inside = _ABOUT_INSIDE.search(ln) if not ABOUT.match(ln) else None
        if inside:  # "Độc lập - Tự do - Hạnh phúc Số: 5529/CT-CS V/v quản lý thuế Hà Nội, ngày …"
            ln = ln[inside.start() + 1:]
        # (or "Về hướng dẫn đánh giá …" right under the number line, without the "V/v")
        if ABOUT.match(ln) or (i > 0 and NUMBER_LINE.match(fold(lines[i - 1])) and re.match(r"^\W*Về\s", ln)):
            cut = _subject_end(ln)  # the place-and-date or "Kính gửi" run into the line
            if cut is not None:
                return re.sub(r"\s+", " ", ln[:cut]).strip(" *_|").rstrip(".;,")
            parts = [ln.strip(" *_")]
            for nxt in lines[i + 1 : i + 5]:
                f = fold(nxt)
                if f.startswith("kinh gui") or NUMBER_LINE.match(f) or not nxt.strip():
                    break
                if DATE_LINE.search(f):  # "V/v:" / "Chính sách thuế TNCN Hà Nội, ngày 19 …": its end on the date's line
                    cut = _subject_end(nxt)
                    if cut and re.search(r"\b[a-zà-ỹđ]", nxt[:cut]):  # subject words, not the place alone
                        parts.append(nxt[:cut].strip(" *_|"))
                    break
                parts.append(nxt.strip(" *_"))
            return re.sub(r"\s+", " ", " ".join(parts)).strip(" |").rstrip(".;,")
    return None
