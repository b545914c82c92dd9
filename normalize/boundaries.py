"""Find where the document proper starts and ends, and drop what surrounds it.

A Vietnamese administrative document opens with the issuing body and the national
motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"), then
"Số: …", place and date, and the document type (KẾ HOẠCH, QUYẾT ĐỊNH …). It closes with
"./.", the "Nơi nhận:" list and the signature block (TM./KT. CHỦ TỊCH, role, name),
optionally followed by appendices (PHỤ LỤC …). Everything before the opening and after
the closing (or after the last appendix) is page chrome and is dropped. Labelled
fields found before the opening ("Số hiệu: | 186/KH-UBND", "Người ký: | …") are kept in
``draft.header`` as a fallback source for the document block. All cues are matched on
folded text, so OCR output without diacritics is cut the same way.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, Line, stage
from normalize.junk import is_portal_line, self_reference
from normalize.patterns import (
    APPENDIX,
    BULLET,
    DOC_TYPE_LINE,
    DOC_TYPE_PREFIX,
    END_MARK,
    ISSUER_START,
    MOTTO,
    MOTTO_2,
    NUMBER_LINE,
    NUMBER_VALUE,
    PERSON_TITLE,
    PIPE_LINE,
    PREAMBLE,
    RECIPIENTS,
    RULE_LINE,
    SIGN_PREFIX,
    SIGN_ROLE,
    find_number,
)
from normalize.text import fold, is_upper_line

_LABEL = re.compile(r"^\s*([^:|]{2,40}?)\s*:\s*(?:\|\s*)?(.*)$")


def _window(folded: list[str], i: int, n: int = 3) -> str:
    return " ".join(folded[i : i + n])


def _skip(ln: Line) -> bool:
    return ln.kind == "blank" or bool(PIPE_LINE.match(ln.text) or RULE_LINE.match(ln.text))


def find_start(lines: list[Line], folded: list[str]) -> int:
    """Index of the first line of the document proper (0 when no opening is recognised)."""
    anchor = None
    for i, f in enumerate(folded):
        w = _window(folded, i)
        m = MOTTO.search(w)
        if m and m.start() <= len(f):
            ahead = " ".join(folded[i : i + 20])
            if MOTTO_2.search(ahead) or any(NUMBER_LINE.match(x) or DOC_TYPE_LINE.match(x) for x in folded[i : i + 20]):
                anchor = i
                break
    if anchor is None:
        for i, f in enumerate(folded):
            if NUMBER_LINE.match(f) and NUMBER_VALUE.search(lines[i].text):
                anchor = i
                break
    if anchor is None:
        for i, f in enumerate(folded):
            if DOC_TYPE_LINE.match(f) and (is_upper_line(lines[i].text) or len(f.split()) <= 3):
                anchor = i
                break
            m = DOC_TYPE_PREFIX.match(f)  # "KẾ HOẠCH Triển khai …" on one line
            if m and is_upper_line(lines[i].text[: m.end()]) and not is_upper_line(lines[i].text[m.end():]):
                anchor = i
                break
    if anchor is None:
        return 0
    # the issuing body sits just before the motto (left column of the header table)
    start, j, seen = anchor, anchor - 1, 0
    while j >= 0 and seen < 6:
        ln = lines[j]
        if _skip(ln):
            j -= 1
            continue
        seen += 1
        if NUMBER_LINE.match(folded[j]):
            j -= 1  # "Số: …" under the issuing body, when the columns were read one after the other
            continue
        if not is_upper_line(ln.text):
            break
        if ISSUER_START.match(folded[j]) or ISSUER_START.match(folded[j].split("|")[-1]):
            start = j
        j -= 1
    return start


def portal_fields(lines: list[Line]) -> dict:
    """``Label: | value`` pairs from the text before the document (portal metadata)."""
    out: dict[str, str] = {}
    texts = [cell.strip() for ln in lines if not _skip(ln) for cell in ln.text.split("|") if cell.strip()]
    i = 0
    while i < len(texts):
        m = _LABEL.match(texts[i])
        if m and len(m.group(1).split()) <= 5 and not any(ch.isdigit() for ch in m.group(1)):
            label, value = m.group(1).strip(), m.group(2).strip(" |")
            if not value and i + 1 < len(texts) and not _LABEL.match(texts[i + 1]):
                value = texts[i + 1].strip(" |")
                i += 1
            if value and label not in out:
                out[label] = value
        i += 1
    return out


def _is_name(text: str) -> bool:
    t = PERSON_TITLE.match(fold(text.strip()))
    words = text.strip()[t.end():].split() if t else text.strip().split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


def _closing_line(ln: Line, f: str) -> bool:
    t = ln.text.strip()
    return (
        _skip(ln)
        or bool(BULLET.match(t))
        or bool(RECIPIENTS.match(f))
        or bool(SIGN_ROLE.match(f) or SIGN_PREFIX.match(f))
        or (t.startswith("(") and t.endswith(")") and len(t) < 40)
        or bool(re.match(r"^[*_]*\(.*\)[*_]*\s*[;.,]?$", t))  # "(Sở Công Thương gửi văn bản đến các đơn vị);"
        or (is_upper_line(t) and len(t.split()) <= 3)
        or _is_name(t)
        or f.startswith("luu")
        or len(t) <= 3
        or (t[:1].islower() and len(t) < 40)  # a recipient wrapped onto the next line ("b/c);")
    )


def _wrapped_recipient(lines: list[Line], i: int) -> bool:
    """A recipient wrapped onto its own line: "- TTgCP, các PTTg: Nguyễn Hòa Bình, Bùi" / "Thanh Sơn," /
    "Hồ Đức Phớc, …, Lê Thành Long," / "Mai Văn Chính, Hồ Quốc Dũng (để b/c);" — the line before is a
    recipient left open (no ";" or "." at its end), this one ends as a list entry does."""
    t = lines[i].text.strip().strip("*_").strip()
    k = i - 1
    while k >= 0 and _skip(lines[k]):
        k -= 1
    if k < 0 or not t or len(t) > 120 or t[-1] not in ",;":
        return False
    prev = lines[k].text.strip().strip("*_").strip()
    if not prev or prev[-1] in ";.:":
        return False
    while k >= 0 and not BULLET.match(lines[k].text.strip()):  # back to the entry it continues
        k -= 1
        if k < 0 or i - k > 4:
            return False
    return True


def _closing_at(lines: list[Line], folded: list[str], i: int) -> bool:
    return _closing_line(lines[i], folded[i]) or _wrapped_recipient(lines, i)


def find_closing(lines: list[Line], folded: list[str], start: int) -> tuple[int | None, int]:
    """(first line of the closing block or None, index just after the closing block)."""
    n = len(lines)
    rec = next((i for i in range(start, n) if RECIPIENTS.match(folded[i]) and i > start + 5), None)
    end_mark = None  # the last "./." before "Nơi nhận" (or in the whole text when there is none)
    for i in range(start, rec if rec is not None else n):
        if END_MARK.search(lines[i].text):
            end_mark = i
    if rec is None and end_mark is None:
        return None, n
    first = rec if rec is not None else end_mark + 1
    if end_mark is not None and (rec is None or end_mark >= rec - 8):
        first = end_mark + 1
    # role lines printed before "Nơi nhận" (two-column layouts read row by row)
    for i in range(max(start, first - 6), first):
        if (SIGN_ROLE.match(folded[i]) or SIGN_PREFIX.match(folded[i])) and is_upper_line(lines[i].text):
            first = i
            break
    i = first
    while i < n and not _continues(lines, folded, i):
        if _closing_at(lines, folded, i):
            i += 1
        elif _signature_ahead(lines, folded, i):
            i += 1  # a filing note ("09 KH") between the recipients and the signature cell
        else:
            break
    return first, i


def _signature_ahead(lines: list[Line], folded: list[str], i: int) -> bool:
    """A short line followed within three lines by a signature role ("TM. ỦY BAN NHÂN DÂN")."""
    if len(lines[i].text.strip()) > 20:
        return False
    return any(SIGN_PREFIX.match(folded[k]) or (SIGN_ROLE.match(folded[k]) and is_upper_line(lines[k].text))
               for k in range(i + 1, min(i + 4, len(lines))))


def _find_number(lines: list[Line], folded: list[str], start: int, header: dict) -> str | None:
    """The document's own number, from its opening block (up to the grounds, "Căn cứ …", whose
    wrapped lines may begin "số 64/2025/QH15 …"), else from the portal's "Số hiệu" field."""
    opening = []
    for i in range(start, min(len(lines), start + 25)):
        if PREAMBLE.match(folded[i]):
            break
        if not _skip(lines[i]):
            opening.append(lines[i].text)
    number = find_number(opening)
    if number:
        return number
    for k, v in header.items():
        if fold(k).startswith("so hieu"):
            return v.strip()
    return None


_PART = re.compile(r"^\W*(?:dieu\s+\d{1,3}\s*[.:]|chuong\s+(?:[ivxlc]+|\d{1,2})\b|[ivx]{1,4}\.\s+\S)")
_ATTACHED = re.compile(r"^\(?\s*(ban\s*hanh\s*)?kem\s*theo\b")


def _continues(lines: list[Line], folded: list[str], i: int) -> bool:
    """Does line ``i`` open more of the document: an appendix, or a plan attached to a decision?"""
    f = folded[i]
    return bool(
        APPENDIX.match(f)
        or _ATTACHED.match(f.lstrip(" *_"))  # "* (Ban hành kèm theo …": an italic marker left before the note
        or (DOC_TYPE_LINE.match(f) and is_upper_line(lines[i].text))
        or MOTTO.search(_window(folded, i))
        or (ISSUER_START.match(f) and is_upper_line(lines[i].text) and MOTTO.search(" ".join(folded[i : i + 6])))
    )


def _inside_note(lines: list[Line], i: int) -> bool:
    """Line ``i`` runs on from an open parenthesis: "(Ban hành kèm theo" / "Nghị quyết số 64/2025/NQ-HĐND …)"
    names the document inside an annex's own note, not in a portal's listing after it."""
    k = i - 1
    while k >= 0 and _skip(lines[k]):
        k -= 1
    return k >= 0 and lines[k].text.count("(") > lines[k].text.count(")") \
        and bool(_ATTACHED.match(fold(lines[k].text).lstrip(" *_")))


def find_end(lines: list[Line], folded: list[str], main_end: int, number: str | None) -> int:
    """Keep appendices and attached documents after the closing block; stop at page chrome."""
    n = len(lines)
    j, seen = main_end, 0
    while j < n and seen < 5:
        if not _skip(lines[j]):
            if _continues(lines, folded, j):
                break
            # the rest of a closing block (recipients, a filing note, the signature) is no reason
            # to stop looking for the regulation or plan the decision issues
            if not _closing_at(lines, folded, j):
                seen += 1
        j += 1
    else:
        return main_end
    if j >= n:
        return main_end
    selfref = self_reference(number)
    portal = [is_portal_line(ln.text, f) for ln, f in zip(lines, folded)]
    # where the document's own structure (an article, a chapter, a Roman-numbered part) still
    # stands: web words before it ("quảng cáo", "đăng nhập" in a regulation on a web portal) are prose
    last_part = max((i for i in range(j, n) if _PART.match(folded[i])), default=-1)
    for i in range(j, n):
        # one web-ish word ("đăng nhập vào Cổng dịch vụ công") is not enough: chrome comes in clusters
        if (selfref is not None and selfref.match(folded[i]) and not _inside_note(lines, i)) or (
                i > last_part and portal[i] and sum(portal[i : i + 12]) >= 3):
            k = i
            while k > j and _skip(lines[k - 1]):
                k -= 1
            return k
    return n


@stage("boundaries")
def boundaries(draft: Draft) -> None:
    lines = draft.lines
    if not lines:
        return
    folded = [fold(ln.text) for ln in lines]
    start = find_start(lines, folded)
    fields = portal_fields(lines[:start])
    for k, v in fields.items():
        draft.header.setdefault(k, v)
    closing, main_end = find_closing(lines, folded, start)
    number = _find_number(lines, folded, start, draft.header)
    end = find_end(lines, folded, main_end, number)
    if closing is not None:
        for ln in lines[closing:main_end]:
            if ln.kind == "text":
                ln.kind = "sign"
    draft.header["_boundaries"] = {"start_line": lines[start].src, "end_line": lines[end - 1].src if end else 0,
                                   "dropped_before": start, "dropped_after": len(lines) - end}
    draft.lines = lines[start:end]
