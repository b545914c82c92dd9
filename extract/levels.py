"""The administrative level an item applies to, read from words.

Plans address targets, scoring tables and award quotas to levels of government
(tỉnh, sở ngành, cấp huyện, cấp xã, thôn/tổ) or to people and firms (cá nhân,
doanh nghiệp). They name them in many ways ("UBND các huyện, thành phố",
"xã, phường, thị trấn", "thôn, tổ dân phố", "các sở, ban, ngành"); this module maps
those words onto one small vocabulary so items from different provinces compare.
Matching is done on accent-folded text so OCR'd or restored text works too.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from extract.numbers import fold

TINH = "tỉnh"
SO_NGANH = "sở ngành"
HUYEN = "cấp huyện"
XA = "cấp xã"
THON = "thôn, tổ"
CA_NHAN = "cá nhân"
DOANH_NGHIEP = "doanh nghiệp"

LEVELS = (TINH, SO_NGANH, HUYEN, XA, THON, CA_NHAN, DOANH_NGHIEP)

# (level, folded pattern). Order matters only for ties at the same offset.
_PATTERNS: list[tuple[str, str]] = [
    (THON, r"\bthon\s*,\s*(?:to|ban|xom|ap)\b|\bcap thon\b|\bthon\s*,\s*xom\b|\bto dan pho\b|\bthon\s*,\s*ban\b|\bap\s*,\s*khu vuc\b|\bkhu dan cu\b|\bthon\b"),
    (XA, r"\bcap xa\b|\bxa\s*,\s*phuong\b|\bphuong\s*,\s*xa\b|\bubnd (?:cac )?xa\b|\bcac xa\b|\bthi tran\b|\bcap co so\b"),
    (HUYEN, r"\bcap huyen\b|\bhuyen\s*,\s*(?:thi xa|thanh pho|quan)\b|\bubnd (?:cac )?huyen\b|\bcac huyen\b|\bquan\s*,\s*huyen\b"),
    (SO_NGANH, r"\bso\s*,\s*ban\s*,\s*nganh\b|\bso\s*,\s*nganh\b|\bso nganh\b|\bco quan\s*,\s*(?:to chuc\s*,\s*)?don vi cap tinh\b|\bdoan the (?:cap )?tinh\b|\bcac so\b|\bcap tinh\b"),
    (DOANH_NGHIEP, r"\bdoanh nghiep\b"),
    (CA_NHAN, r"\bca nhan\b|\bcan bo\s*,\s*cong chuc\b|\bnguoi dan\b|\bdoanh nhan\b"),
    (TINH, r"\btoan tinh\b|\bdia ban tinh\b|\bubnd tinh\b|\buy ban nhan dan tinh\b"),
]
_COMPILED = [(lvl, re.compile(p)) for lvl, p in _PATTERNS]

# An "addressed to" lead-in: "Đối với cấp huyện", "Về cá nhân:", "a) Cấp xã".
_ADDRESS = re.compile(r"(?:^|\b)(?:doi voi|ve|cho)\s+(.{0,160})")


def detect_level(text: str, *, default: Optional[str] = None) -> Optional[str]:
    """The first level named in ``text`` (earliest mention wins), or ``default``.

    >>> detect_level("1.2. Đối với Ủy ban nhân dân, Tổ công tác thực hiện Đề án 06 cấp huyện")
    'cấp huyện'
    """
    f = fold(text)
    best: Optional[tuple[int, int, str]] = None
    for rank, (lvl, rx) in enumerate(_COMPILED):
        m = rx.search(f)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, lvl)
    return best[2] if best else default


def addressed_level(text: str) -> Optional[str]:
    """Level of a heading that addresses a group ("Đối với cấp xã", "Về tập thể: …
    cấp huyện", "b) Cấp xã:"). Returns None for headings that do not name a level."""
    f = fold(text)
    m = _ADDRESS.search(f)
    target = text[m.start(1):] if m else text
    return detect_level(target)


def detect_recipient(text: str) -> Optional[str]:
    """``tập thể`` or ``cá nhân`` when the words name one of them (first mention wins)."""
    f = fold(text)
    a = re.search(r"\btap the\b|\bdon vi\b", f)
    b = re.search(r"\bca nhan\b", f)
    if a and (not b or a.start() < b.start()):
        return "tập thể"
    if b:
        return "cá nhân"
    return None


# ---------------------------------------------------------------- heading context
# Levels are mostly named by the heading an item sits under ("1.3. Đối với … cấp xã"),
# so the heading chain above an offset is computed here too.

_HEADING = re.compile(
    r"^\s*(?:\*\*)?(?:(?P<roman>[IVXL]{1,5})\s*[.)]|(?P<appx>PH[UỤ] L[UỤ]C|Ph[uụ] l[uụ]c)\b|(?P<num>\d{1,2}(?:[.,]\d{1,2}){0,3})\s*[.)]|(?P<alpha>[a-zđA-ZĐ])\s*\))\s*\S"
)


def heading_depth(line: str) -> Optional[int]:
    """Depth of a numbered heading line: Phụ lục 0, I. 1, 1. 2, 1.2. 3, 1.2.3. 4, a) 6."""
    m = _HEADING.match(line)
    if not m:
        return None
    if m.group("appx"):
        return 0
    if m.group("roman"):
        return 1
    if m.group("num"):
        return 2 + len(re.findall(r"[.,]\d", m.group("num")))
    return 6


def _lines(ndoc) -> list[tuple[int, str]]:
    cache = getattr(ndoc, "_vnplan_lines", None)
    if cache is None or cache[0] is not ndoc.text:
        cache = (ndoc.text, ndoc.lines())
        try:
            ndoc._vnplan_lines = cache
        except AttributeError:
            pass
    return cache[1]


def _heading_text(lines: list[tuple[int, str]], k: int) -> str:
    """A heading line plus its hard-wrapped continuation (raw text only)."""
    parts = [lines[k][1].strip()]
    for _, nxt in lines[k + 1: k + 3]:
        s = nxt.strip()
        if not s or s[0] in "-+•|(" or heading_depth(s) is not None or parts[-1].endswith((".", ":", ";")):
            break
        parts.append(s)
    return " ".join(parts)


def heading_chain(ndoc, offset: int, *, include_own: bool = False) -> list[tuple[int, str]]:
    """(offset, heading text) of the headings above ``offset``, innermost first.

    Uses ``ndoc.sections`` when normalize found them, else numbered lines of the text
    (I., 1., 1.2., a), Phụ lục). The paragraph that contains ``offset`` is included
    only when ``include_own``.
    """
    text = ndoc.text
    line_start = text.rfind("\n", 0, offset) + 1
    chain: list[tuple[int, str]] = []
    if getattr(ndoc, "sections", None):
        for s in sorted((s for s in ndoc.sections if s.start <= offset < s.end), key=lambda s: -s.start):
            if s.start >= line_start and not include_own:
                continue
            chain.append((s.start, s.heading))
        return chain
    lines = _lines(ndoc)
    starts = [o for o, _ in lines]
    k = bisect.bisect_right(starts, offset) - 1
    limit = None
    for i in range(k, -1, -1):
        d = heading_depth(lines[i][1])
        if d is None or (limit is not None and d >= limit):
            continue
        if i != k or include_own:
            chain.append((lines[i][0], _heading_text(lines, i)))
        limit = d
        if d == 0:
            break
    return chain


def own_heading_level(line: str) -> Optional[str]:
    """Level of a line that opens with its own heading ("b) Cấp xã: Tặng …",
    "2.3. Đối với UBND cấp xã: 90% hộ kinh doanh …")."""
    m = re.match(r"^\W*(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*([^:]{2,80}):", line, re.IGNORECASE)
    if m:
        lvl = addressed_level(m.group(1))
        return lvl if lvl != TINH else None
    return None


def level_at(ndoc, offset: int, *, default: Optional[str] = None) -> Optional[str]:
    """Level named by the nearest heading above ``offset`` that addresses a group."""
    for _, head in heading_chain(ndoc, offset):
        f = fold(head)
        body = re.sub(r"^\W*(?:[ivxl]{1,5}|\d{1,2}(?:[.,]\d{1,2}){0,3}|[a-z])\s*[.)]\s*", "", f)
        # a short heading, or a lead-in that addresses a government level ("2. Giải thưởng … đối với
        # UBND các huyện:"); "… dịch vụ công đối với người dân" names no level
        lead_in = body.rstrip().endswith(":") and re.search(r"\bdoi voi\b", body)
        if re.match(r"(?:doi voi|ve|rieng|cap|tap the|ca nhan)\b", body) or len(body) <= 60 or lead_in:
            lvl = addressed_level(head)
            if lvl and lvl != TINH and not (lead_in and len(body) > 60 and lvl in (CA_NHAN, DOANH_NGHIEP)):
                return lvl  # ("2. Văn phòng UBND tỉnh" names an agency, not a level)
    return default


# ---------------------------------------------------------------- counted subjects

_SUBJECTS = [
    (r"^\W*(?:cac\s+)?(?:xa|phuong|thi tran)\b", XA),
    (r"^\W*(?:cac\s+)?(?:huyen|quan|thi xa|thanh pho)\b", HUYEN),
    (r"^\W*(?:cac\s+)?(?:thon|xom|to dan pho|ban|ap)\b", THON),
    (r"^\W*(?:cac\s+)?(?:can bo|cong chuc|vien chuc|dang vien|cong nhan vien|nguoi lao dong|doan vien|hoi vien)\b", CA_NHAN),
    (r"^\W*(?:cac\s+)?(?:so\s*,\s*ban|so\s*,\s*nganh|so nganh|co quan\s*,\s*don vi cap tinh)\b", SO_NGANH),
    (r"^\W*(?:cac\s+)?doanh nghiep\b", DOANH_NGHIEP),
]


_PEOPLE_OF_LEVEL = re.compile(
    r"^\W*(?:cac\s+)?(?:(?:can bo|cong chuc|vien chuc|nguoi lao dong)(?:\s*,\s*|\s+va\s+|\s+))+cap (xa|huyen)\b"
)


def subject_level(after: str) -> Optional[str]:
    """Level named by the counted subject right after a number ("100% các xã, phường …",
    "100% chữ ký số cho đội ngũ giáo viên" → cá nhân; "100% cán bộ, công chức cấp xã" → cấp xã:
    the people of a level are counted for that level)."""
    f = fold(after)
    m = _PEOPLE_OF_LEVEL.match(f)
    if m:
        return XA if m.group(1) == "xa" else HUYEN
    for pat, lvl in _SUBJECTS:
        if re.search(pat, f):
            return lvl
    if re.search(r"\b(?:doi ngu|can bo|cong chuc|vien chuc|giao vien|nguoi lao dong|doan vien)\b", f[:60]):
        return CA_NHAN
    return None


_LEADING = re.compile(
    r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-z])\s*[.)]\s*|\(\d{1,2}\)\s*)?"
    r"(?:moi\s+|(?=cac\s)|(?:ubnd|uy ban nhan dan)\s+(?=(?:cac\s+)?(?:huyen|xa|thi xa|quan|phuong)\b))"
)


def leading_level(before: str) -> Optional[str]:
    """Level of the subject a clause opens with, before its number: "Mỗi huyện, thị xã … có ít nhất 02 …",
    "Các sở, ban, ngành thi đua bảo đảm 100% …", "UBND các huyện … phấn đấu 80% …"."""
    f = fold(before)
    m = _LEADING.match(f)
    return subject_level(f[m.end():]) if m else None


_PLACE = re.compile(r"\b(?:tai|o|cua|thuoc)\s+(?=(?:cac\s+|moi\s+)?(?:so|xa|phuong|huyen|quan|thi xa|thon|to dan pho|ap|ubnd)\b)")


def place_level(subject: str) -> Optional[str]:
    """Level of the place the counted subject belongs to, before its verb: "90% hồ sơ công việc
    tại các sở, ban, ngành được xử lý …" → sở ngành, "hồ sơ của các xã …" → cấp xã."""
    f = fold(subject)
    f = re.split(r"\b(?:duoc|dat|co|phai|se)\b", f, maxsplit=1)[0]
    m = _PLACE.search(f)
    if not m:
        return None
    lvl = subject_level(f[m.end():])
    return lvl if lvl in (SO_NGANH, HUYEN, XA, THON) else None


_NAMED_LEVEL = re.compile(r"\bcap (xa|huyen)\b")


def named_level(text: str) -> Optional[str]:
    """Level a phrase names outright ("tỷ lệ hồ sơ … của cấp xã", "UBND cấp xã ban hành …"),
    for items whose heading and counted subject name none."""
    named = {XA if m.group(1) == "xa" else HUYEN for m in _NAMED_LEVEL.finditer(fold(text))}
    return named.pop() if len(named) == 1 else None  # "UBND cấp huyện, UBND cấp xã" names no single one
