"""Lay a two-column closing block out again: recipients first, then the signature.

The end of a plan is a two-column table: "Nơi nhận:" and the recipients on the left, the
signing role, "(Đã ký)" and the signer's name on the right.  Text copied out of a PDF or
an OCR reading keeps both columns on each line, separated by a wide run of spaces:

    Nơi nhận:                          KT. CHỦ TỊCH
    - Bộ Công an (C06);                PHÓ CHỦ TỊCH
    - UBND các huyện;                  Đinh Công Thành

Read row by row, the signer's name ends up glued to a recipient.  This stage splits each
line of the closing block (the ``sign`` lines marked by ``boundaries``) at its column gap
and puts the left column's lines first and the right column's after them; a line that
stands far to the right on its own (``(Đã ký)`` under the role) belongs to the right
column.  A closing block without column gaps is left as it is.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, Line, stage

RIGHT_INDENT = 20  # a line indented this far in a two-column block stands in the right column
_RECIPIENT_LINE = re.compile(r"^\s*(?:[-+•–]|nơi nhận)", re.IGNORECASE)


def split_columns(block: list[Line]) -> list[Line]:
    """The lines of a closing block, the left column's first (unchanged without gaps)."""
    if not any(ln.gap for ln in block):
        return block
    left: list[Line] = []
    right: list[Line] = []
    seen_gap = False
    for ln in block:
        if ln.gap and 0 < ln.gap < len(ln.text):
            a, b = ln.text[: ln.gap].strip(), ln.text[ln.gap :].strip()
            left.append(Line(a, ln.page, ln.src, [], ln.kind))
            right.append(Line(b, ln.page, ln.src, [], ln.kind))
            seen_gap = True
        elif ln.indent >= RIGHT_INDENT or (seen_gap and not _RECIPIENT_LINE.match(ln.text)):
            # far to the right, or, once the columns have shown, a line that is no recipient
            # ("Nguyễn Văn Bình" under "- Lưu: VT.      CHỦ TỊCH", written without indentation)
            right.append(Line(ln.text.strip(), ln.page, ln.src, [], ln.kind))
        else:
            left.append(ln)
    return left + right


@stage("closing")
def closing(draft: Draft) -> None:
    lines = draft.lines
    signs = [i for i, ln in enumerate(lines) if ln.kind == "sign"]
    if not signs:
        return
    a, b = signs[0], signs[-1] + 1
    if any(ln.gap for ln in lines[a:b] if ln.kind == "sign"):
        draft.lines = lines[:a] + split_columns([ln for ln in lines[a:b] if ln.kind != "blank"]) + lines[b:]
