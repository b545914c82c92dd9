"""Parse the heading hierarchy into a section tree over the assembled text.

Vietnamese plans number their parts I., II. / 1., 2. / 1.1., 2.2.1. / a), b), and
appendices PHỤ LỤC 1, 2 … whose tables number rows A, B / I, II / 1, 2. Paths are
written as in SCHEMA.md: "III.1.2" in the body (a dotted number is written whole, so
"1.2." under "III." is "III.1.2"), "Phụ lục 2/II/1" inside an appendix, and a table row
adds "/<label>" to the section the table sits in. Decisions and regulations are built of
chapters and articles ("Chương II", "Điều 19. Trách nhiệm của …") holding numbered
clauses and lettered points: "Điều 19.2.a". Dashes and plus signs are list items,
not sections. A number only counts as a heading when it continues the numbering in
force (1 starts a list, 3 must follow 2), so a stray "1." at the start of a wrapped
line is not taken for a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.model import Section
from normalize.patterns import APPENDIX, ARTICLE, CHAPTER, LETTERED, NUMBERED, ROMAN, SECTION_PART, roman_value
from normalize.tables import follows, is_ordinal, norm_label
from normalize.text import fold, is_upper_line

TABLE_RANK = 20
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the order of lettered items in Vietnamese documents
_NUM = re.compile(r"\d+(\.\d+)*")


@dataclass
class _Open:
    rank: int
    label: str
    section: Section
    table: bool = False


def _appendix_label(text: str) -> str | None:
    f = fold(text)
    m = APPENDIX.match(f)
    if not m or not (is_upper_line(text) or len(text) < 20):
        return None
    n = m.group("n")
    if n:
        n = n.upper() if not n.isdigit() else str(int(n))
        return f"Phụ lục {n}"
    return "Phụ lục"


_OCR_ROMAN = re.compile(r"^\s*(?P<n>[IVXLC1lií|]{1,5})\s*[.)]\s+(?=\S)", re.I)


_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def _ocr_roman(text: str, seen: dict) -> str | None:
    """An OCR-damaged Roman heading ("11. ĐỐI TƯỢNG", "Iii. TIÊU CHÍ") that is the next one due."""
    m = _OCR_ROMAN.match(text)
    if not m or not is_upper_line(text[m.end():]) or seen.get("roman") is None:
        return None
    cand = re.sub(r"[1lií|]", "I", m.group("n")).upper()
    v = roman_value(cand)
    return cand if v and v == seen["roman"] + 1 else None


def _lost_strokes(text: str) -> set[int]:
    """Offsets of part headings in capitals numbered like the part before them where the part after
    them is numbered two on ("II." / "II." / "IV.": a stroke of "III." lost in a scan). Only then: a
    numbering that repeats and goes on by one is the document's own and stays as it is."""
    parts: list[tuple[int, int]] = []  # (offset, value) of the Roman part headings, in order
    out: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        at, pos = pos, pos + len(line) + 1
        if _appendix_label(line):
            parts = []  # an annex numbers its parts from I again
            continue
        m = ROMAN.match(line)
        v = roman_value(m.group("n")) if m and is_upper_line(line[m.end():]) else None
        if not v:
            continue
        if len(parts) >= 2 and parts[-1][1] == parts[-2][1] and v == parts[-1][1] + 2 and v - 1 < len(_ROMANS):
            out.add(parts[-1][0])
        parts.append((at, v))
    return out


# a chapter holds sections (Mục), a section articles; an article holds numbered clauses (rank 2)
RANK_CHAPTER, RANK_SECTION, RANK_ARTICLE = 0.8, 1.2, 1.5


def _legal_heading(text: str, seen: dict) -> tuple[float, str] | None:
    """"Chương II" / "Điều 19. Trách nhiệm của …": a chapter or article that fits the numbering."""
    f = fold(text)
    m = ARTICLE.match(f)
    if m:
        n = int(m.group("n"))
        if n == 1 or seen.get("article") in (n - 1, n - 2):  # a repealed or missing article may leave a gap
            return RANK_ARTICLE, f"Điều {n}"
        if seen.get("chapter_open") and n > (seen.get("article") or 0):
            # "Chương III. TỔ CHỨC THỰC HIỆN" / "Điều 58. Trách nhiệm …": the first article of a chapter, after
            # articles a portal's tables swallowed (a procedure list's steps), opens it whatever the gap
            return RANK_ARTICLE, f"Điều {n}"
        return None
    m = CHAPTER.match(f)
    if m and (len(text) < 120 or is_upper_line(text)):
        return RANK_CHAPTER, f"Chương {m.group('n').upper()}"
    m = SECTION_PART.match(f)
    if m and seen.get("chapter") and (len(text) < 120 or is_upper_line(text)):
        return RANK_SECTION, f"Mục {m.group('n').upper()}"
    return None


def _body_heading(text: str, seen: dict, warnings: list | None = None) -> tuple[float, str] | None:
    """(rank, label) when ``text`` starts a body heading that fits the numbering in force."""
    legal = _legal_heading(text, seen)
    if legal:
        return legal
    m = ROMAN.match(text)
    if m:
        v = roman_value(m.group("n"))
        if v and (v == 1 or seen.get("roman") == v - 1):
            return 1, m.group("n")
    cand = _ocr_roman(text, seen)
    if cand:
        if warnings is not None:
            warnings.append(f"heading {text.split()[0]!r} read as Roman numeral {cand}. (OCR damage; text left unchanged)")
        return 1, cand
    m = NUMBERED.match(text)
    if m and (m.group("dot") or "." in m.group("n")):
        lab = m.group("n")
        parts = [str(int(p)) for p in lab.split(".")]
        lab = ".".join(parts)
        last = int(parts[-1])
        prev = ".".join(parts[:-1] + [str(last - 1)])
        if last == 1 or prev in seen["nums"]:
            return 1 + len(parts), lab
        return None
    m = LETTERED.match(text)
    if m:
        ch = (m.group("n") or m.group("n2")).lower()
        i = _LETTERS.find(ch)
        prev = seen.get("letter")
        if ch == "a" or (i > 0 and prev in (_LETTERS[i - 1], _LETTERS[i - 2] if _LETTERS[i - 1] == "đ" else None)):
            return 10, ch
    return None


def _path(stack: list[_Open]) -> str:
    """Join labels; a number followed by its own sub-number ("1", "1.2") is written once."""
    out = ""
    in_appendix = bool(stack) and stack[0].rank == 0
    for i, o in enumerate(stack):
        nxt = stack[i + 1] if i + 1 < len(stack) else None
        if nxt and o.table == nxt.table and _NUM.fullmatch(o.label) and _NUM.fullmatch(nxt.label) \
                and nxt.label.startswith(o.label + "."):
            continue
        if not out:
            out = o.label
        else:
            out += ("/" if in_appendix or o.table else ".") + o.label
    return out


def parse_sections(text: str, table_lines: set[int], warnings: list | None = None) -> list[Section]:
    """Sections over ``text``; ``table_lines`` holds the offsets of lines that are table rows."""
    sections: list[Section] = []
    stack: list[_Open] = []
    seen: dict = {"nums": set(), "roman": None, "letter": None}
    table_seen: list[str] = []

    def close_from(k: int, at: int) -> None:
        while len(stack) > k:
            o = stack.pop()
            o.section.end = at

    def push(rank: int, label: str, line: str, at: int, table: bool = False) -> None:
        sec = Section(path="", heading=line[:200], start=at, end=len(text), level=len(stack))
        stack.append(_Open(rank, label, sec, table))
        sec.path = _path(stack)
        sec.level = len(stack) - 1
        sections.append(sec)

    lost = _lost_strokes(text)
    pos = 0
    for line in text.split("\n"):
        at = pos
        pos += len(line) + 1
        if at in table_lines:
            first = line.split(" | ")[0].strip()
            if not is_ordinal(first):
                continue
            lab = norm_label(first)
            if not follows(lab, table_seen):
                continue
            table_seen.append(lab)
            kind = "num" if lab[0].isdigit() else ("lower" if lab.islower() else "upper")
            rank = TABLE_RANK + (lab.count(".") + 2 if kind == "num" else 1 if kind == "upper" else 9)
            k = next((i for i, o in enumerate(stack) if o.table and o.rank >= rank), len(stack))
            close_from(k, at)
            push(rank, lab, line, at, table=True)
            continue
        if stack and stack[-1].table:
            k = next(i for i, o in enumerate(stack) if o.table)
            close_from(k, at)
            table_seen = []
        app = _appendix_label(line)
        if app:
            close_from(0, at)
            seen = {"nums": set(), "roman": None, "letter": None}
            push(0, app, line, at)
            continue
        if at in lost and seen.get("roman") is not None and seen["roman"] < len(_ROMANS):
            h = (1, _ROMANS[seen["roman"]])
            if warnings is not None:
                warnings.append(f"heading {line.split()[0]!r} read as Roman numeral {h[1]}. (OCR damage; text left unchanged)")
        else:
            h = _body_heading(line, seen, warnings)
        if not h:
            continue
        rank, label = h
        seen["chapter_open"] = rank in (RANK_CHAPTER, RANK_SECTION)  # "Chương III" / "Mục 1. …" / "Điều 58. …"
        if rank == RANK_ARTICLE:
            seen["article"] = int(label.split()[1])
            seen["nums"] = set()
            seen["letter"] = None
        elif rank in (RANK_CHAPTER, RANK_SECTION):
            seen["chapter"] = seen.get("chapter") or rank == RANK_CHAPTER
            seen["nums"] = set()
            seen["letter"] = None
        elif rank == 1:
            seen["roman"] = roman_value(label)
            seen["nums"] = set()
            seen["letter"] = None
        elif rank < 10:
            seen["nums"].add(label)
            seen["letter"] = None
        else:
            seen["letter"] = label
        k = next((i for i, o in enumerate(stack) if o.rank >= rank and not o.table), len(stack))
        close_from(k, at)
        push(rank, label, line, at)
    close_from(0, len(text))
    return sections
