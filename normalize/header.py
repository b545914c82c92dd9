"""Tidy the opening block: issuing body, motto, number, place and date, type and title.

The opening of a Vietnamese administrative document is a two-column table (issuing
body | national motto; "Số: …" | place, date). Portals flatten it to cells between
``|`` lines, OCR reads it row by row with both columns on one line, and hard wraps split
"Hà Giang, ngày 14 / tháng 6 năm 2023". This stage gives each element its own line,
puts the document type alone on a line and the title (which may run over several lines)
on the next one, and marks these lines so that paragraph joining leaves them alone.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, Line, stage
from normalize.patterns import (
    DATE_LINE,
    DOC_TYPE_PREFIX,
    DOC_TYPE_LINE,
    ISSUER_START,
    MOTTO,
    MOTTO_2,
    NUMBER_LINE,
    PIPE_LINE,
    PREAMBLE,
    ROMAN,
    RULE_LINE,
    SIGN_ROLE,
    is_list_start,
)
from normalize.text import fold, is_upper_line, starts_lower

def _enacting_body(body: list[Line], j: int, issuer_text: str) -> bool:
    """"ỦY BAN THƯỜNG VỤ QUỐC HỘI" / "CHÍNH PHỦ" / "BỘ TRƯỞNG BỘ …" right above "Căn cứ …": the body that
    enacts (the issuer the header names, or its head), printed under the title, not a line of it; a
    title's last line that only starts like a body ("BỘ CHI THƯỜNG XUYÊN …") stays in the title."""
    f = " ".join(fold(body[j].text).split())
    after = [b for b in body[j + 1:] if b.kind != "blank"][:2]
    if after and _SESSION.match(fold(after[0].text)):
        after = after[1:]  # "HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN" / "KHÓA XVIII, KỲ HỌP THỨ 20" / "Căn cứ …"
    nxt = after[0] if after else None
    return bool(SIGN_ROLE.match(f) or (ISSUER_START.match(f) and f in issuer_text)) and nxt is not None \
        and bool(PREAMBLE.match(fold(nxt.text)))


_SESSION = re.compile(r"^\W*khoa\s+[ivxlc]+\b")
_PLACE_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ.]*$")
_BARE_NUMBER = re.compile(r"^\s*so\s*(?:hieu)?\s*:\s*$")


def _split_at(ln: Line, pos: int) -> list[Line]:
    if pos <= 0 or pos >= len(ln.text):
        return [ln]
    a, b = ln.text[:pos].rstrip(), ln.text[pos:].strip()
    return [Line(a, ln.page, ln.src, [], "header"), Line(b, ln.page, ln.src, [], "header")]


def _date_split_pos(text: str) -> int:
    """Where "Place, ngày …" begins inside a line that also holds "Số: …"."""
    f = fold(text)
    m = re.search(r",?\s*ngay\s*\d", f)
    if not m:
        return -1
    words = text[: m.start()].split(" ")
    k = len(words)
    while k > 0 and _PLACE_WORD.match(words[k - 1]) and not any(c.isdigit() for c in words[k - 1]) and "/" not in words[k - 1]:
        k -= 1
    if k == len(words) or k == 0:
        return -1
    return len(" ".join(words[:k])) + 1


def _split_elements(ln: Line) -> list[Line]:
    """Split a line holding two header elements (OCR reads both columns as one line)."""
    f = fold(ln.text)
    for pat in (MOTTO, MOTTO_2):
        m = pat.search(f)
        if m and m.start() > 0 and f[: m.start()].strip():
            head, tail = _split_at(ln, m.start())
            return [head] + _split_elements(tail)
    if NUMBER_LINE.match(f) and DATE_LINE.search(f):
        return _split_at(ln, _date_split_pos(ln.text))
    return [ln]


def _type_line(folded: list[str], lines: list[Line], limit: int = 40) -> int | None:
    for i in range(min(limit, len(lines))):
        if DOC_TYPE_LINE.match(folded[i]) and lines[i].kind != "blank":
            return i
    # "KẾ HOẠCH Triển khai …" on one line (Word exports): split the type from the title
    for i in range(min(limit, len(lines))):
        m = DOC_TYPE_PREFIX.match(folded[i])
        if m and is_upper_line(lines[i].text[: m.end()]) and not is_upper_line(lines[i].text[m.end():]):
            head, tail = _split_at(lines[i], m.end())
            lines[i : i + 1] = [head, Line(tail.text, tail.page, tail.src, [], "text")]
            folded[i : i + 1] = [fold(head.text), fold(tail.text)]
            return i
    return None


@stage("header")
def header(draft: Draft) -> None:
    lines = draft.lines
    folded = [fold(ln.text) for ln in lines]
    t = _type_line(folded, lines)
    zone_end = t
    if zone_end is None:
        zone_end = next((i + 1 for i, f in enumerate(folded[:30]) if DATE_LINE.search(f)), 0)
    zone: list[Line] = []
    cells: list[Line] = []
    for ln in lines[:zone_end]:  # a header table written as "cell | cell" rows: one line per cell
        if " | " in ln.text:
            cells.extend(Line(c.strip(), ln.page, ln.src, [], ln.kind) for c in ln.text.split(" | "))
        else:
            cells.append(ln)
    for ln in cells:
        if ln.kind == "blank" or not ln.text.strip() or PIPE_LINE.match(ln.text) or RULE_LINE.match(ln.text):
            continue
        zone.extend(_split_elements(ln))
    # join elements the layout split over two lines (motto, place-and-date)
    merged: list[Line] = []
    for ln in zone:
        ln.kind = "header"
        if merged:
            prev = merged[-1]
            both = fold(prev.text + " " + ln.text)
            for pat in (MOTTO, MOTTO_2, DATE_LINE):
                if pat.search(both) and not pat.search(fold(prev.text)) and not pat.search(fold(ln.text)):
                    prev.join(ln)
                    break
            else:
                if _BARE_NUMBER.match(fold(prev.text)) and not DATE_LINE.search(fold(ln.text)):
                    prev.join(ln)  # "Số:" with its value on the next line (a portal's cell break)
                else:
                    merged.append(ln)
            continue
        merged.append(ln)
    rest = lines[zone_end:]
    if t is not None and rest:
        type_ln = rest[0]
        type_ln.kind = "header"
        body = rest[1:]
        i = 0
        while i < len(body) and body[i].kind == "blank":
            i += 1
        title: Line | None = None
        issuer_text = " ".join(" ".join(fold(m.text).split()) for m in merged)  # the issuer as the header names it
        if i < len(body) and body[i].kind == "text" and not is_list_start(body[i].text):
            first = body[i]
            title = Line(first.text.strip(), first.page, first.src, list(first.breaks), "title")
            j = i + 1
            if is_upper_line(first.text, min_letters=1):  # "VỀ" alone, then "VIỆC …" on the next line
                while j < len(body) and body[j].kind != "blank" and is_upper_line(body[j].text) and not ROMAN.match(body[j].text) \
                        and not RULE_LINE.match(body[j].text) and not _enacting_body(body, j, issuer_text):
                    body[j].text = body[j].text.strip()  # an indented continuation line
                    title.join(body[j])
                    j += 1
            else:
                has_blank_after = any(b.kind == "blank" for b in body[i + 1 : i + 4])
                while j < len(body) and body[j].kind != "blank" and not is_list_start(body[j].text) \
                        and not RULE_LINE.match(body[j].text) and (has_blank_after or starts_lower(body[j].text)) \
                        and not is_upper_line(body[j].text) and not PREAMBLE.match(fold(body[j].text)):
                    # (a decision's enacting body "ỦY BAN NHÂN DÂN TỈNH …" and its "Căn cứ …" end the title)
                    if len(title.text) > 400:
                        break
                    body[j].text = body[j].text.strip()  # an indented continuation line
                    title.join(body[j])
                    j += 1
            body = body[j:]
        draft.lines = merged + [type_ln] + ([title] if title else []) + body
    else:
        draft.lines = merged + rest
