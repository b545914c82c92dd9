"""The signer of a document: the name printed under its last signing role.

"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Trần Văn Mi": the role is an upper-case line (or
the right column of a two-column closing block read row by row), the name a line of two to
five capitalised words below it, possibly after "(Đã ký)", or run into the role line when
the lines were joined. Surnames (vnplan/lang/vi/surnames.tsv) tell an upper-case name from
an upper-case heading.
"""

from __future__ import annotations

import re

from normalize.patterns import APPENDIX, DOC_TYPE_LINE, PERSON_TITLE, SIGN_PREFIX, SIGN_ROLE
from normalize.text import fold, is_upper_line
from vnplan.lang import vocabulary

# first words that make a capitalised line a body's name, not a person's
_NOT_NAME_START = {"tinh", "thanh", "huyen", "xa", "uy", "so", "ban", "bo", "cong", "hoi", "van", "noi", "phong", "cuc"}


def _name_like(text: str) -> bool:
    words = text.strip().split()
    return (
        2 <= len(words) <= 5
        and fold(words[0]) not in _NOT_NAME_START
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not SIGN_ROLE.match(fold(text))
        and not SIGN_PREFIX.match(fold(text))
        and not DOC_TYPE_LINE.match(fold(text))  # "KẾ HOẠCH" under a second header block is no name
        and not APPENDIX.match(fold(text))  # nor "PHỤ LỤC" under the issuing body of an appendix
        and (not text.isupper() or fold(words[0]) in _SURNAMES)  # "NHỮNG QUY ĐỊNH CHUNG" is a heading
        and not re.match(r"^chuong\s+(?:[ivxlc]+|\d+)$", fold(text).strip())  # nor "Chương I" of an attached regulation
    )


_SURNAMES = {fold(r["phrase"]) for r in vocabulary("surnames")}  # vnplan/lang/vi/surnames.tsv
# a signature block whose line breaks were lost: "… PHÓ THỦ TƯỚNG(Đã ký)Nguyễn Hòa Bình |"
_SIGNED_AT = re.compile(r"[(\[]\s*da\s+ky\b")
_GLUED_SIGNED = re.compile(r"\s*([(\[]\s*Đã\s+ký\s*[)\]])\s*", re.I)
_SIGNED = re.compile(r"^\s*[(\[]\s*(?:da\s+ky|ky)\b[^)\]]*[)\]]\s*")  # "(Đã ký)", "[Đã ký]", "(Ký, đóng dấu)"


_DEPUTY = re.compile(r"^(?:pho|thu truong)\s")


def _role_at(line: str) -> int | None:
    """Where an upper-case signing role starts in ``line`` (None if it holds none): at the
    start ("KT. CHỦ TỊCH"), after a label ("Nơi nhận: TM. ỦY BAN NHÂN DÂN"), or after the
    left column of a two-column layout read row by row ("- Bộ Công an; KT. CHỦ TỊCH")."""
    folded = fold(line)  # same length as the line: one fold serves every tail
    for m in re.finditer(r"\S+", line):
        k = m.start()  # (the patterns are anchored with "^": match a slice, not at a position)
        signed = _SIGNED_AT.search(folded, k)  # "… PHÓ THỦ TƯỚNG (Đã ký) Nguyễn Hòa Bình": the role ends there
        cell = line.find(" | ", k)  # "… PHÓ CHỦ TỊCH Hoàng Xuân Tân | PHẦN I …": a portal's signature cell ends there
        end = min(signed.start() if signed else len(line), cell if cell >= 0 else len(line))
        role = line[k:end].split()
        name = [w for w in role if w[:1].isupper() and w[1:].islower()]
        if cell >= 0 and 2 <= len(name) <= 4 and role[-len(name):] == name and len(role) - len(name) >= 2:
            role = role[: -len(name)]  # a name run into the role's cell ("… PHÓ CHỦ TỊCH Hoàng Xuân Tân |")
        if (SIGN_ROLE.match(folded[k:]) or SIGN_PREFIX.match(folded[k:])) and is_upper_line(" ".join(role)):
            return k
    return None


def _name_in(line: str) -> str | None:
    """The signer's name in a line under the role: the line itself, or what follows "(Đã ký)",
    without a rank or degree before it ("Đại tướng …", vnplan/lang/vi/person_titles.tsv)."""
    m = _SIGNED.match(fold(line))  # fold keeps the length, so its offsets are the line's
    line = line[m.end():].strip() if m else line.strip()
    t = PERSON_TITLE.match(fold(line))
    line = line[t.end():].strip() if t else line
    if line.isupper() and _DEPUTY.match(fold(line)):
        return None  # "PHÓ TRƯỞNG THUẾ TỈNH" under "KT. TRƯỞNG THUẾ TỈNH": a deputy's role, not a person named Phó
    return line if _name_like(line) else None


def _name_after_role(line: str, at: int) -> str | None:
    """A name run into the role line ("… PHÓ CHỦ TỊCH Trần Văn Mi"): the title-case words
    after the last upper-case one."""
    words = line[at:].split(" | ")[0].split()  # "… PHÓ CHỦ TỊCH Hoàng Xuân Tân | PHẦN I …": the signature cell ends there
    k = len(words)
    while k > 0 and not words[k - 1].isupper():
        k -= 1
    return _name_in(" ".join(words[k:])) if 0 < k < len(words) else None


def find_signer(text: str, body_start: int = 0) -> str | None:
    """The name printed under the last signing role (CHỦ TỊCH, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH …),
    possibly after "(Đã ký)", or run into the role line when the lines were joined."""
    lines = text[body_start:].split("\n")
    stop = next((i for i, ln in enumerate(lines) if APPENDIX.match(fold(ln)) and is_upper_line(ln)), len(lines))
    lines = [_GLUED_SIGNED.sub(r" \1 ", ln).rstrip(" |") for ln in lines]
    found = None
    for i in range(stop):
        at = _role_at(lines[i])
        if at is None:
            continue
        name = _name_after_role(lines[i], at)
        for nxt in lines[i + 1 : i + 4]:
            if name:
                break
            if _role_at(nxt) is None:
                name = _name_in(nxt)
        if name:
            found = name.title() if name.isupper() else name
    return found
