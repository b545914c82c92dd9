"""Recognise text that is not part of a document: portal chrome and layout debris.

Legal portals wrap the document in navigation, copyright notices, login prompts, ads
and a repeat of the document's own title ("Kế hoạch 186/KH-UBND năm 2023 …"). The
boundary stage cuts the document out by its structure; these tests only decide where
the tail after the last appendix stops being the document. The vocabulary is that of
web sites in general (login, copyright, download, cookies), never of one site.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, stage
from normalize.patterns import PIPE_LINE, RULE_LINE
from normalize.text import fold

_PORTAL = re.compile(
    r"ban quyen|copyright|dang nhap|dang xuat|mat khau|\bclick\b|\btai ve\b|download|quy khach|hotline|"
    r"ma so thue|www\.|https?://|\.com\b|luot xem|quang cao|cookie|van ban nay (chua|da|duoc|thuoc)|"
    r"noi dung sua doi|dinh kem theo van ban|file attached|all rights reserved|dieu khoan su dung|"
    r"chinh sach bao mat|dang ky (thanh vien|tai khoan)|bai viet lien quan|tin lien quan|"
    r"tra cuu van ban"
)


def is_portal_line(text: str, folded: str | None = None) -> bool:
    """A line that reads like web-site chrome rather than administrative prose."""
    return bool(_PORTAL.search(folded if folded is not None else fold(text)))


def self_reference(number: str | None):
    """A pattern for a line that starts by naming this very document ("Kế hoạch 186/KH-UBND …")."""
    if not number:
        return None
    num = re.escape(fold(number).replace("–", "-")).replace("/", r"\s*/\s*").replace(r"\-", "[-–]")  # either dash
    return re.compile(r"^\s*[a-z]+( [a-z]+)?\s+(so\s+)?" + num + r"\b")


@stage("debris")
def debris(draft: Draft) -> None:
    """Drop layout debris outside tables: lone ``|`` lines and horizontal rules (``-------``)."""
    keep = []
    for ln in draft.lines:
        if ln.kind != "table" and (PIPE_LINE.match(ln.text) or RULE_LINE.match(ln.text)):
            continue
        keep.append(ln)
    draft.lines = keep
