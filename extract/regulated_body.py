"""Whose duties a "functions and duties" decision lists.

Every state agency is set up by a decision "Quy định chức năng, nhiệm vụ, quyền hạn và cơ
cấu tổ chức của <body>" (Decree 45/2025/NĐ-CP form: Điều 1 Vị trí và chức năng, Điều 2
Nhiệm vụ và quyền hạn, Điều 3 Cơ cấu tổ chức, Điều 4 Tổ chức thực hiện). Its article
"Nhiệm vụ và quyền hạn" names no owner: the owner is the body in the title, and each
clause of the article is one of its duties. :func:`regulated_body` reads that body from
the opening of the document ("Căn cứ …" grounds name other bodies and are skipped).
"""

from __future__ import annotations

import re
from typing import Optional

from vnplan.lang import fold

# "(quy định) chức năng, nhiệm vụ, quyền hạn (và cơ cấu tổ chức) của <body> (thuộc …)"
# … or "(Điều lệ / Quy chế) tổ chức và hoạt động của <body>", a fund's or a council's charter
_FUNCTIONS_OF = re.compile(
    r"(?:chuc nang,?\s+nhiem vu,?\s+(?:va\s+)?quyen han(?:,?\s+(?:va\s+)?co cau to chuc(?:,?\s+bo may)?)?"
    r"|(?:dieu le|quy che)\s+to chuc va hoat dong)\s+cua\s+"
    r"(?P<who>[^;.:()]+?)(?=\s+thuoc\s|\s*[;.:(]|\s*$)")
# an article titled by duties alone: "Nhiệm vụ và quyền hạn", "Nhiệm vụ, quyền hạn", "Chức năng, nhiệm vụ"
BARE_DUTY_TITLE = re.compile(r"^\W*(?:chuc nang,?\s+(?:va\s+)?)?nhiem vu(?:,|\s+va)?\s*(?:quyen han)?\s*\W*$")
OPENING = 4000  # characters: the title sits in the opening block, before the body


def regulated_body(text: str) -> Optional[str]:
    """The body whose functions and duties the document lays down, written as the text writes
    it in mixed case where it does ("TRUNG TÂM …" in the title, "Trung tâm …" in the body)."""
    opening = text[:OPENING]
    for line in opening.split("\n"):
        f = fold(line)
        if f.lstrip(" *_").startswith("can cu"):
            continue
        m = _FUNCTIONS_OF.search(f)
        if not m:
            continue
        name = line[m.start("who"):m.end("who")].strip(" *_")
        if len(name.split()) < 2 or len(name.split()) > 15:
            return None
        if name.isupper():  # the same name in running text gives its proper capitals
            folded, target = fold(text), fold(name)
            at = folded.find(target)
            while at >= 0:
                cand = text[at:at + len(name)]
                if not cand.isupper():
                    return cand
                at = folded.find(target, at + 1)
            return name[:1] + name[1:].lower()
        return name
    return None


# a decision that hands powers down: its title ("Phân cấp cho Sở …", "Quy định việc phân cấp …",
# "Ủy quyền cho …") or its scope clause ("Quyết định này quy định việc phân cấp của …")
_DELEGATION = re.compile(r"^\W*(?:(?:(?:\d+\.\s*)?quyet dinh nay\s+)?quy dinh\s+(?:viec\s+|ve\s+)?)?(?:phan cap|uy quyen)\b")


def delegates_powers(text: str) -> bool:
    """Does the document hand powers down (a decentralisation or entrustment decision)? Then an article
    titled by the body that receives them ("Điều 2. Sở Giáo dục và Đào tạo") lists powers, not duties."""
    for line in text[:OPENING].split("\n"):
        f = fold(line).strip(" *_")
        if f.startswith("can cu"):
            continue
        if _DELEGATION.match(f):
            return True
    return False
