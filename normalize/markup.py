"""Character-level cleaning: whitespace, invisible characters and word-processor markup.

Plans exported from Word through Markdown converters carry ``**bold**`` and ``*italic*``
markers (sometimes spanning two lines, e.g. a signature block); portals add
non-breaking and zero-width spaces. None of it is content, and all of it breaks
pattern matching downstream, so it goes first.
"""

from __future__ import annotations

import re
import unicodedata

from normalize.draft import Draft, stage
from normalize.patterns import BODY_HEADS, RULE_LINE
from normalize.tables import tab_rows
from normalize.text import nfc

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_STRAY = re.compile(r"(?<!\*)\*\*(?!\*)|(?<=\S)__|__(?=\S)")
_ESCAPE = re.compile(r"\\([-*_.#+()\[\]!|>`])")
_HEADING_HASH = re.compile(r"^\s{0,3}#{1,6}\s+")


# a function word glued to the name after it by a portal ("Trách nhiệm củaTrung tâm …", "vàPhát triển"):
# no Vietnamese word has a capital inside, so the space goes back (brands such as "TikTok" are not
# function words and stay as written)
_GLUED_WORD = re.compile(r"(?<![^\W\d_])(của|và|các|cho|với|tại|theo|về|để|từ|đến|là|được|trong|thuộc)"
                         r"(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
# … and the head word of a body glued to its name by OCR ("1. SởY tế", "BộTài chính"): a body's name goes on
# with a capital, followed by lower case or a space ("Y tế"); an acronym glued to it ("SởGTVT") is left alone
_GLUED_HEAD = re.compile(rf"(?<![^\W\d_])({'|'.join(BODY_HEADS + ('Viện',))})(?=[A-ZĐÀ-Ỹ](?:[a-zà-ỹđ]|\s))")
_HEADER_LINES = 12  # the opening block of a document, where a short rule stands under the issuing body
_RULE_RUN = re.compile(r"(?<=\S) ?_{3,} ?(?=\S)")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \u00a0]{5,}(?=\S)")  # text laid out in two columns with spaces


# a consolidated text (VBHN) marks amended points with a footnote right after their label: "a) [26]", "3. [5] Sở …"
_LABEL_FOOTNOTE = re.compile(r"^(\s*[*_]*\s*(?:\d{1,2}(?:\.\d{1,2}){0,4}[.)]|[a-zđ]\))[*_]*)\s*\[\d{1,3}\](?=\s|$)")


@stage("clean")
def clean(draft: Draft) -> None:
    """NFC, one kind of space, no invisible or control characters, no trailing blanks.

    Tab-separated table rows are turned into " | " rows first (tabs become spaces here).
    Where a wide run of spaces separated two columns, and how far a line was indented, is
    kept on the line (``gap``, ``indent``) for the stages that lay such blocks out again."""
    tab_rows(draft.lines)
    for i, ln in enumerate(draft.lines):
        t = nfc(ln.text.replace("\r", ""))
        t = _INVISIBLE.sub("", t)
        t = _CONTROL.sub("", t)
        ln.indent = len(t.expandtabs(8)) - len(t.lstrip(" \t\u00a0"))  # a tab counts as the columns it spans
        gap = _COLUMN_GAP.search(t)
        ln.gap = len(_SPACES.sub(" ", t[: gap.start()])) if gap else None
        t = _SPACES.sub(" ", t).rstrip()
        t = _GLUED_WORD.sub(r"\1 ", t)
        t = _GLUED_HEAD.sub(r"\1 ", t)
        t = _LABEL_FOOTNOTE.sub(r"\1", t)  # "a) [26]" / "Thiết lập …": the consolidation's footnote mark, not text
        if "|" in t and i < _HEADER_LINES:  # a header cell "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP": the rule parts two cells
            t = _RULE_RUN.sub(" | ", t)
        ln.text = t
        if not t.strip():
            ln.kind = "blank"


def strip_markup(text: str) -> str:
    """``**a**`` → ``a``, ``*a*`` → ``a``, Markdown escapes and heading hashes removed."""
    text = _HEADING_HASH.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    prev = None
    while prev != text:
        prev = text
        text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\1", text)
    text = _STRAY.sub("", text)
    return text


_WHOLE_BOLD = re.compile(r"^\s*\*\*(?:(?!\*\*).)+\*\*\s*$")  # one bold run, the whole line


def _opens_bold(text: str) -> bool:
    return text.count("**") % 2 == 1 and text.lstrip().startswith("**")


def join_bold_runs(lines: list) -> None:
    """A bold run that a portal wrapped over lines is one heading: "**Điều 19." +
    "Trách nhiệm của Ủy ban nhân dân cấp xã**", "**2. Sở" + "Khoa học và Công nghệ**".
    Lines are joined when a line opens ``**`` without closing it and the run closes within
    the next three lines, none of them blank; the markers are dropped after, as usual."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind != "blank" and _opens_bold(ln.text) and len(ln.text) < 200:
            end = None
            for j in range(i + 1, min(i + 4, len(lines))):
                if lines[j].kind == "blank" or not lines[j].text.strip() or lines[j].table is not None:
                    break
                if lines[j].text.count("**") % 2 == 1:
                    end = j
                    break
            if end is not None:
                for j in range(i + 1, end + 1):
                    ln.join(lines[j])
                    lines[j].text, lines[j].kind = "", "blank"
                i = end
        i += 1


@stage("markup")
def markup(draft: Draft) -> None:
    """Drop word-processor markup; bold/italic markers may open on one line and close on the next."""
    join_bold_runs(draft.lines)
    for ln in draft.lines:
        ln.bold = _WHOLE_BOLD.match(ln.text) is not None
        if RULE_LINE.match(ln.text):
            continue  # "______" under a heading is a rule, not a pair of bold markers
        if "*" in ln.text or "_" in ln.text or "\\" in ln.text or "#" in ln.text:
            if ln.gap and 0 < ln.gap < len(ln.text):  # two columns: each keeps its own markers, the gap moves
                left, right = _unmark(ln.text[: ln.gap]).rstrip(), _unmark(ln.text[ln.gap :]).strip()
                new, ln.gap = f"{left} {right}", len(left)
            else:
                new = _unmark(ln.text)
            if new.strip() != ln.text.strip():
                ln.text = new.rstrip()
                if not ln.text.strip():
                    ln.kind = "blank"


_LEFT_OVER = re.compile(r"\((\*+)\)|\*+")  # a footnote mark "(*)" stays
_BULLET_STAR = re.compile(r"^(\s*)\*\s+(?=\S)")


_GLUED = re.compile(r"(?<=[^\W_])\*\*(?=[^\W_])")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWEL_LETTERS = frozenset(c for c in "aăâeêioôơuưy" + "àằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ")


def _toned(ch: str) -> bool:
    return any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", ch))


def _inside_syllable(text: str, a: int, b: int) -> bool:
    """"Ho**àng": the marker cuts one syllable, its tone on the vowel after it, none before it in the word."""
    left = re.search(r"[^\W\d_]+$", text[:a])
    if not left or not (_toned(text[b]) and text[b].islower() and text[b] in _VOWEL_LETTERS):
        return False
    vowels = [c for c in left.group(0).lower() if c in _VOWEL_LETTERS]
    # an onset, or an onset and the glide of "oa", "oe", "uy", "uâ" ("Ho" + "àng"); "theo" + "ý" are two words
    return not any(map(_toned, left.group(0))) and (not vowels or (len(vowels) == 1 and left.group(0)[-1].lower() in "ou"))


def _unglue(text: str) -> str:
    """"xuất khẩu**đạt": a marker glued between two words keeps them apart once it is gone
    (a closing marker gets the space after it, an opening one the space before)."""
    out, last = [], 0
    for m in _GLUED.finditer(text):
        if (text[m.start() - 1].isdigit() and text[m.end()].isdigit()) or _inside_syllable(text, m.start(), m.end()):
            out.append(text[last: m.start()])  # "năm 202**5*", "Nguyễn Ho**àng Long**": one number, one syllable
            last = m.end()
            continue
        closing = text[: m.start()].count("**") % 2 == 1
        out.append(text[last: m.start()] + ("** " if closing else " **"))
        last = m.end()
    return "".join(out) + text[last:]


def _unmark(text: str) -> str:
    new = strip_markup(_unglue(text))
    # an opening/closing marker left alone on a line edge (``**KT. CHỦ TỊCH``)
    new = re.sub(r"^\*{1,2}(?=\S)|(?<=\S)\*{1,2}$", "", new)
    # portal crawls close emphasis after a space ("*để tổng hợp *", "**Điều 1. **Ban"): once
    # the pairs are gone, a star left inside a line is markup, never content
    bullet = _BULLET_STAR.match(new)
    head, rest = (new[: bullet.end()], new[bullet.end():]) if bullet else ("", new)
    return head + _LEFT_OVER.sub(lambda m: m.group(0) if m.group(1) else "", rest)
