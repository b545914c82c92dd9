"""Join hard-wrapped lines and page-break splits back into paragraphs.

Portal copies wrap every ~80 characters; word-processor exports put each paragraph on
one line but split a sentence where a page ended (a blank line, then the sentence goes
on in lower case); OCR does both. A line continues the previous one unless it starts a
heading or list item (I., 1., 1.1., a), -, +, PHỤ LỤC …), or the previous line closed
a sentence, or a heading in capitals gives way to text, or a numbered heading ended
well short of the line width. Headings and list items thus stay on their own lines.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, Line, stage
from normalize.patterns import APPENDIX, ARTICLE, BODY_HEADS, BARE_MARKER, BULLET, LETTERED, NUMBERED, RECIPIENTS, ROMAN, SIGN_PREFIX, SIGN_ROLE, is_list_start
from normalize.text import fold, is_upper_line, starts_lower

# a body's name opening a line: after a colon it is the first of the items the colon announces ("… như sau:" /
# "Sở Y tế chủ trì …"), not the rest of a wrapped sentence
_BODY_START = re.compile(rf"^(?:{'|'.join(BODY_HEADS + ('UBND', 'Công an', 'Văn phòng', 'Hội đồng', 'Các', 'Mỗi'))})\s")
# a legal ground, capitalised: only a sentence opens with it ("… căn cứ vào" inside one is lower case)
GROUND = re.compile(r"^\W*Căn cứ\s")
_TERMINATED = re.compile(r"([.!?;:…]|\./\.)[\s”\"'’)]*$")
# Word lists are written with their marks and matched with them: folded, "Quỹ" would be "quý"
# (a quarter, waiting for its number), "sổ" "sở" and "tài" "tại". A word written without any
# mark (text whose diacritics are lost) matches by its letters alone.
def _forms(*words: str) -> frozenset:
    return frozenset(w for x in words for w in (x, fold(x)))


# words after which a sentence cannot end: a wrapped line ending with one goes on
_CONNECTORS = _forms(
    "của", "và", "các", "theo", "về", "với", "tại", "cho", "để", "trong", "từ", "đến", "là", "được", "có",
    "hoặc", "như", "ở", "những", "nhưng", "một", "cũng", "vào", "trên", "dưới", "gồm", "bao", "kèm", "thuộc", "nhằm",
    "việt",
    "sở", "số",  # sở / số never end a sentence
)
# words that wait for a number ("ngày" / "15/6", "khoản" / "2. …"); they continue only into a digit
_NUMERIC = _forms("số", "ngày", "năm", "tháng", "quý", "khoản", "điều", "điểm", "mục", "phần", "chương", "lần")
# comparator words that wait for their number, even over a blank line ("đạt" / "80% …")
_WAITS_FOR_NUMBER = (" dat", " toi thieu", " toi da", " it nhat", " khong qua", " khong duoi")
# after a blank line only a clear dangling word or comma continues (else it is a paragraph break)
_STRONG = _forms("của", "và", "các", "theo", "với", "tại", "cho", "để", "trong", "từ", "đến", "là", "được", "sở", "số",
                 "hoặc", "như", "nhằm", "gồm", "thuộc", "vào", "những", "nhưng")


def _last_word(text: str) -> str:
    """The last word, lower-cased, with its marks (markup and punctuation around it dropped)."""
    words = text.split()
    return words[-1].strip("*_()[]\"'“”‘’,").lower() if words else ""


def _width(lines: list[Line]) -> int:
    lens = sorted(len(ln.text) for ln in lines if ln.kind == "text" and ln.text.strip())
    if not lens:
        return 80
    return lens[int(len(lens) * 0.75)]


def _is_numbered_start(text: str) -> bool:
    return bool(ROMAN.match(text) or LETTERED.match(text) or NUMBERED.match(text))


def _laid_out(draft: Draft, width: int) -> bool:
    """Is the text a page layout's lines (a PDF text layer, OCR), wrapped where the line was
    full? A portal copy wraps at a width too, but its paragraph breaks need no short line;
    text with one paragraph a line has many lines far longer than its usual width."""
    if draft.pages < 1:
        return False
    lens = [len(ln.text.strip()) for ln in draft.lines if ln.kind == "text" and ln.text.strip()]
    return len(lens) >= 20 and sum(n > 1.15 * width for n in lens) <= 0.02 * len(lens)


def should_join(para: str, last: str, nxt: str, blank_between: bool, width: int, after: str | None = None,
                blank_paragraphs: bool = False, wrapped: bool = False) -> bool:
    """Does line ``nxt`` continue paragraph ``para`` whose last physical line is ``last``?
    ``blank_paragraphs``: the document sets its paragraphs apart with blank lines, so a line
    break without one is a wrap even after a short first line ("2. Tập đoàn Điện lực" / "Việt Nam …").
    ``wrapped``: the text is a page layout's lines (see :func:`_laid_out`), so a line that fills
    the width and ends with a colon was cut by the wrap, not by the writer ("… đối tượng như:" /
    "Truyền thông trực tiếp; …"): a list under a colon opens with its marker."""
    nxt = nxt.strip()
    prev = last.rstrip()
    if BARE_MARKER.match(nxt):
        return False  # "2." alone: the next item starts here, its text on the line below
    if prev.endswith(" |"):
        return False  # "… - Lưu: HC, PLTP. |" / "CHỦ TỊCH": a portal's table cell ends there
    if BARE_MARKER.match(para) and not is_list_start(nxt):
        return True  # "2." / "Quy trình cấp mới …": the marker's own text
    bare_article = ARTICLE.match(fold(para))
    if bare_article and not bare_article.group("rest").strip(" *_") and not is_list_start(nxt) \
            and not ARTICLE.match(fold(nxt)):
        return True  # "Điều 19." / "Trách nhiệm của Ủy ban nhân dân cấp xã": the article's own title
    f = fold(nxt)
    if APPENDIX.match(f) and is_upper_line(nxt) or RECIPIENTS.match(f):
        return False
    if APPENDIX.match(fold(para)) and len(para.split()) <= 3:
        return False  # "PHỤ LỤC 2" stays alone above its caption
    if ARTICLE.match(f) and not (_last_word(prev) in _CONNECTORS and not _TERMINATED.search(prev) and not prev.endswith(")")):
        return False  # "(Chi tiết theo Phụ lục đính kèm)" / "Điều 2. Giao …": an article opens its own line
    if is_list_start(nxt):
        m = NUMBERED.match(nxt)
        if m and not blank_between and not _TERMINATED.search(prev) and _last_word(prev) in _CONNECTORS | _NUMERIC \
                and not BULLET.match(nxt):
            return True  # "… theo khoản" / "2. …": a wrapped reference, not a heading
        b = BULLET.match(nxt)
        if b and nxt[b.start()] in "-–" and starts_lower(nxt[b.end():]) and not _TERMINATED.search(prev) \
                and not prev.endswith(","):
            return True  # "kinh tế" / "- xã hội": a compound wrapped at its dash
        return False
    if starts_lower(nxt):
        return True
    if GROUND.match(nxt) and _last_word(prev) not in _CONNECTORS:
        return False  # "Kính gửi: Ủy ban nhân dân …" / "Căn cứ Luật …": a ground opens its own paragraph
    if wrapped and not blank_between and prev.endswith(":") and len(prev) >= 0.9 * width \
            and not is_upper_line(nxt) and not is_upper_line(para) and not _BODY_START.match(nxt):
        return True
    if _TERMINATED.search(prev):
        return False
    if nxt[:1].isdigit() and (prev[-1:] in "≥≤<>=" or fold(prev).endswith(_WAITS_FOR_NUMBER)):
        return True  # "Đến hết năm 2025: Có ≥" / "30% doanh nghiệp …": a comparator waits for its number
    if blank_between:
        return prev.endswith(",") or _last_word(prev) in _STRONG
    up_para, up_next = is_upper_line(para), is_upper_line(nxt)
    if up_para and not up_next and _is_numbered_start(para) and len(para.split()) >= 4 and not prev.endswith(","):
        return False  # "I. VỀ KẾT QUẢ ĐẠT ĐƯỢC" / "Thực hiện nghiêm …": a heading in capitals, even ending in "được"
    if _last_word(prev) in _CONNECTORS or prev.endswith(",") or (_last_word(prev) in _NUMERIC and nxt[:1].isdigit()):
        return True
    if up_para and up_next:
        return True
    if up_para and not up_next:
        return False
    # (a marker with only a footnote reference, "a) [2]", stays a line of its own as before)
    if _is_numbered_start(para) and not (blank_paragraphs and len(re.sub(r"\[\d+\]", " ", para).split()) > 2):
        if len(prev) < 0.55 * width:
            return False  # the heading line ended well short of the width
        if after is not None and len(nxt) < 0.55 * width and starts_lower(after) and not _is_numbered_start(after):
            return False  # ``nxt`` is the short, indented first line of the paragraph under the heading
    return True


_ROLE_COMPLETE = re.compile(r"(dan|tich|doc|ban|truong|phong|ubnd|hdnd|uy|thu)\W*$")


def _join_sign(lines: list[Line]) -> list[Line]:
    """In the signature block, put "TM. ỦY BAN NHÂN / DÂN" back on one line."""
    out: list[Line] = []
    for ln in lines:
        if out and ln.kind == "sign" and out[-1].kind == "sign":
            prev, f = out[-1], fold(ln.text)
            pf = fold(prev.text)
            if SIGN_PREFIX.match(pf) and not _ROLE_COMPLETE.search(pf) and is_upper_line(prev.text) \
                    and is_upper_line(ln.text, 2) and not (SIGN_ROLE.match(f) or SIGN_PREFIX.match(f) or RECIPIENTS.match(f)) \
                    and len(ln.text.split()) <= 3:
                prev.join(ln)
                continue
        out.append(ln)
    return out


def _next_texts(lines: list[Line]) -> list[str | None]:
    """For each line, the text of the next non-blank text line right after it (None if none)."""
    out: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].kind == "text" and lines[i].text.strip():
            nxt = lines[i].text
        elif lines[i].kind != "blank":
            nxt = None
    return out


def _blank_separated(lines: list[Line]) -> bool:
    """Do (nearly) all numbered and lettered items start after a blank line? Portal copies of word
    files set every paragraph apart so; their hard wraps then fall anywhere, the short first line
    of an item included."""
    starts = gaps = 0
    prev = None
    for ln in lines:
        empty = ln.kind == "blank" or not ln.text.strip()
        if not empty and ln.kind == "text" and _is_numbered_start(ln.text) and prev is not None:
            starts += 1
            gaps += prev == "blank"
        prev = "blank" if empty else ln.kind
    return starts >= 8 and gaps >= 0.9 * starts


@stage("lines")
def join_lines(draft: Draft) -> None:
    width = _width(draft.lines)
    blank_paragraphs = _blank_separated(draft.lines)
    wrapped = _laid_out(draft, width)
    out: list[Line] = []
    para: Line | None = None
    last, last_bold = "", False
    blank = False
    following = _next_texts(draft.lines)
    for k, ln in enumerate(draft.lines):
        if ln.kind == "blank":
            blank = True
            continue
        if ln.kind != "text":
            if para is not None:
                out.append(para)
                para = None
            out.append(ln)
            blank = False
            continue
        # a line that was one bold run ("**Điều 5. Tổ chức thực hiện**") is a whole heading: a plain line
        # under it that opens with a capital starts the text below it
        ends_heading = last_bold and not ln.bold and (bool(ARTICLE.match(fold(last))) or _is_numbered_start(last)) \
            and not starts_lower(ln.text.strip()) and not is_upper_line(ln.text)
        if para is not None and not ends_heading \
                and should_join(para.text, last, ln.text, blank, width, following[k], blank_paragraphs, wrapped):
            para.join(Line(ln.text.strip(), ln.page, ln.src, list(ln.breaks)))
        else:
            if para is not None:
                out.append(para)
            para = Line(ln.text.strip(), ln.page, ln.src, list(ln.breaks), "text")
        last, last_bold = ln.text, ln.bold
        blank = False
    if para is not None:
        out.append(para)
    draft.lines = _join_sign(out)
