"""Structural cues of Vietnamese administrative documents, as regular expressions.

Every pattern here is general knowledge of how a Vietnamese plan, decision or report is
laid out (Decree 30/2020/NĐ-CP form): the issuing body and national motto block, the
"Số: …" line, the document-type title, numbered headings, the "Nơi nhận" list, the
signature block and the appendices. Patterns that must survive lost diacritics are
written against the *folded* text (see ``normalize.text.fold``).
"""

from __future__ import annotations

import re

from vnplan.lang import alternation, fold, phrases, vocabulary

# --- matched against folded text (no accents, lower case) ---------------------------
MOTTO = re.compile(r"cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam")
MOTTO_2 = re.compile(r"doc\s*lap\s*[-–—]?\s*tu\s*do\s*[-–—]?\s*hanh\s*phuc")
ISSUER_START = re.compile(
    r"^\s*(uy\s*ban\s*nhan\s*dan|ubnd|hoi\s*dong\s*nhan\s*dan|hdnd|so\s+\w|bo\s+\w|ban\s+\w|"
    r"tinh\s*uy|thanh\s*uy|huyen\s*uy|van\s*phong|cong\s*an|chinh\s*phu|thu\s*tuong|"
    # the central bodies ("KIỂM TOÁN NHÀ NƯỚC", "NGÂN HÀNG NHÀ NƯỚC"): vnplan/lang/vi/central_bodies.tsv
    r"(?:" + alternation(phrases("central_bodies")) + r")\b)"
)
# a rank or degree printed before a signer's name ("Thượng tướng …", "PGS.TS. …"): vnplan/lang/vi/person_titles.tsv
PERSON_TITLE = re.compile(r"^(?:" + alternation(phrases("person_titles")) + r")\s+")
NUMBER_LINE = re.compile(r"^\s*s[o6b]\s*(hieu)?\s*(?:[:.;]\s*|\s+(?=\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[a-z]))(\S.*)$")  # "Số: 12/…", "Số 2696/QĐ-UBND"
NUMBER_VALUE = re.compile(r"(\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ0-9]+(?:\s*[-–]\s*[A-Za-zĐđ0-9]+)*)")
# "… Hạnh phúc Số: 5529/CT-CS": the number printed after other words on its line
INLINE_NUMBER = re.compile(r"(?:^|\s)(?:Số|SỐ)\s*:\s*(\d[\w.]*/[\wĐđ./-]*[\wĐđ])")


def find_number(lines: list[str]) -> str | None:
    """The document's own number in its opening lines: "Số: 12/KH-UBND", "Số 2696/QĐ-UBND", a
    label that ends its line with the value on the next ("Số:" / "138/2025/QĐ-UBND"), or one
    printed after the motto on the same line. Read by the boundary stage (to know where a
    portal's tail naming the document begins) and by the document block."""
    for i, ln in enumerate(lines):
        f = fold(ln)
        labelled = NUMBER_LINE.match(f)
        inline = INLINE_NUMBER.search(ln) if not labelled else None
        if inline:  # "Độc lập - Tự do - Hạnh phúc Số: 5529/CT-CS V/v …", "------------------ Số: 1661/NQ-UBTVQH15"
            return re.sub(r"\s+", "", inline.group(1)).replace("–", "-")
        if labelled or (re.search(r"\bso\s*:\s*$", f) and i + 1 < len(lines)):
            # "Độc lập - Tự do - Hạnh phúc Số:" / "812/CT-CS": a header cell ending in its label
            m = NUMBER_VALUE.search(ln) or (i + 1 < len(lines) and NUMBER_VALUE.search("Số: " + lines[i + 1].strip(" *_")))
            if m:
                return re.sub(r"\s+", "", m.group(1)).replace("–", "-")
    return None
DATE_LINE = re.compile(
    r"(?P<place>[^,\n]{0,40}),?\s*ngay\s*(?P<d>[0-9oO]{0,2})\s*(?P<dsep>[/.]?)\s*thang\s*(?P<m>[0-9oO]{0,2})\s*[/.]?\s*nam\s*(?P<y>\d{4})"
)
# document types (folded form -> canonical form), from vnplan/lang/vi/doc_types.tsv
DOC_TYPES = {fold(r["phrase"]): r["canonical"] for r in vocabulary("doc_types")}
DOC_TYPE_LINE = re.compile(r"^\s*(" + "|".join(k.replace(" ", r"\s*") for k in DOC_TYPES) + r")\s*$")
DOC_TYPE_PREFIX = re.compile(r"^\s*(" + "|".join(k.replace(" ", r"\s*") for k in DOC_TYPES) + r")\s+(?=\S)")
# abbreviations in document numbers (186/KH-UBND) -> type
NUMBER_TYPE_CODES = {r["code"]: r["canonical"] for r in vocabulary("doc_types") if r["code"]}
RECIPIENTS = re.compile(r"^\s*no[a-z]?\s*nh[a-z]{1,2}n\s*:")  # "Nơi nhận:" (OCR: "Not nhdn")
SIGN_ROLE = re.compile(
    r"^\s*(\*\*)?\s*((tm|kt|tl|tuq|q)\s*\.\s*)?(uy\s*ban\s*nhan\s*dan|ubnd|(pho\s*)?chu\s*tich|(pho\s*)?giam\s*doc|"
    r"(pho\s*)?truong\s*ban|(pho\s*)?chanh\s*van\s*phong|(pho\s*)?bi\s*thu|thu\s*truong|bo\s*truong|"
    r"thu\s*tuong|(pho\s*)?truong\s*phong|(pho\s*)?cuc\s*truong|(pho\s*)?tong\s*kiem\s*toan|(pho\s*)?thong\s*doc|"
    r"(pho\s*)?chanh\s*an|(pho\s*)?vien\s*truong|(pho\s*)?chu\s*nhiem|(pho\s*)?tong\s*giam\s*doc|(pho\s*)?tong\s*cuc\s*truong)\b"
)
SIGN_PREFIX = re.compile(r"^\s*(\*\*)?\s*(tm|kt|tl|tuq|q)\s*\.\s*\S")
APPENDIX = re.compile(r"^\s*(\*\*)?\s*phu\s*luc(\s+(?P<n>[0-9]+|[ivxlc]+\b|[a-z]\b))?")
END_MARK = re.compile(r"\./\.\s*$")
# legal structure (Law on legal documents): Chương > Mục > Điều > khoản (1.) > điểm (a));
# markdown emphasis before the word is allowed ("**Điều 5. …**"); ``rest`` is the title
CHAPTER = re.compile(r"^\s*[*_]*\s*chuong\s+(?P<n>[ivxlc]+|\d{1,2})\b\s*[.:]?\s*(?P<rest>.*)$")
# "Mục 3. PHỐI HỢP …" (or "Mục 2" alone, its title on the next line) groups articles inside a
# chapter; a wrapped reference "Mục 2 Phần XI của …" is not one
SECTION_PART = re.compile(r"^\s*[*_]*\s*muc\s+(?P<n>\d{1,2}|[ivxlc]{1,5})\s*(?:[.:]\s*(?P<rest>\S.*)|[.:]?[*_]*\s*)$")
ARTICLE = re.compile(r"^\s*[*_]*\s*dieu\s+(?P<n>\d{1,3})\s*(?:[.:]\s*|$)(?P<rest>.*)$")

# --- matched against the original text ---------------------------------------------
ROMAN = re.compile(r"^\s*(?P<n>[IVXLC]{1,6})\s*[.)]\s+(?=\S)")
NUMBERED = re.compile(r"^\s*(?P<n>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.|\))?\s+(?=\S)")
# "a) …", "A) …", and "a. Chủ trì …" (a small letter and a full stop, then a capital: no wrapped
# sentence goes on so)
LETTERED = re.compile(r"^\s*(?:(?P<n>[a-zđA-ZĐ])\)\s*(?=\S)|(?P<n2>[a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ]))")
# a list marker alone on its line, its text on the next ("2.", "a)", "III."): portal copies of word files
BARE_MARKER = re.compile(r"^\s*[*_]*\s*(?:\d{1,2}(?:\.\d{1,2}){0,4}[.)]|[a-zđ]\)|[IVXLC]{1,6}[.)])\s*[*_]*\s*$")
# the words a body's name opens with, as written ("Sở Y tế", "Chi cục Kiểm lâm"), for the stages that need to
# see a name begin without the gazetteer (which extract/ reads: vnplan/lang/vi/agency_heads.tsv)
BODY_HEADS = ("Sở", "Bộ", "Ban", "Cục", "Chi cục", "Phòng", "Trung tâm", "Ủy ban", "Uỷ ban")
BULLET = re.compile(r"^\s*[-–—+•*▪●○]\s*(?=\S)")
# a number in brackets opening an item, "(1) Tiêu chí xác định …" (a capital follows: "(1)" inside a sentence does not)
PAREN_NUMBER = re.compile(r"^\s*\(\d{1,2}\)\s+(?=\S)")
PIPE_LINE = re.compile(r"^\s*\|\s*$")
# the grounds under the title ("Căn cứ …", "Xét đề nghị …", "Thực hiện …"), folded: the opening block ends there
PREAMBLE = re.compile(r"^\W*(?:can cu|thuc hien|xet de nghi|theo de nghi)\b")
RULE_LINE = re.compile(r"^\s*[-_=~.·*]{3,}\s*$")

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in ROMAN_VALUES for c in s):
        return None
    total, prev = 0, 0
    for c in reversed(s):
        v = ROMAN_VALUES[c]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def is_list_start(line: str) -> bool:
    """A line that begins a heading or list item and so never continues the line before."""
    if ROMAN.match(line) or LETTERED.match(line) or BULLET.match(line):
        return True
    p = PAREN_NUMBER.match(line)
    if p and line[p.end()].isupper():
        return True
    m = NUMBERED.match(line)
    if m and (m.group("dot") or "." in m.group("n")):
        return True
    return False


# the number a table cell opens with where the table has no ordinal column: "1. Tổ chức …", "1.1. Có đủ …",
# "2.3 Thực hiện …" (a dot is needed: "1 ngày làm việc" is a duration)
PREFIX_LABEL = re.compile(r"^(?P<lab>\d{1,2}(?:\.\d{1,2}){1,3}(?=\.?\s)|\d{1,2}(?=\.\s))\.?\s+(?=[^\W\d_])")
