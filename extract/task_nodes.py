"""The structure the task readers walk: a document's numbered nodes and their pieces.

Plans, decisions and regulations number what they assign ("I.", "1.", "1.1.", "a)", "Điều 5.",
dashes) and label owners and deadlines ("- Cơ quan chủ trì: …", "Thời gian hoàn thành: …").
``parse_nodes`` turns the cleaned text into a tree of ``Node``s, each holding its title,
paragraphs, dashes and labels (``Piece``s), and re-joins hard-wrapped lines so that a number
wrapped onto its own line is not taken for a heading. The predicates below it say where a node
stands: in an article, in a section that assigns duties, in an article of rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.agencies import _VERB_START, looks_like_agency
from extract.numbers import fold
from normalize.model import NormalizedDocument
from normalize.patterns import ARTICLE, CHAPTER, SECTION_PART, SIGN_PREFIX
from normalize.text import is_upper_line
from vnplan.lang import alternation, phrases

MARK = re.compile(r"[*_]+")
_KEYS = (
    r"(?:cơ quan|đơn vị)[^:;()]{0,20}?(?:chủ trì|phối hợp|thực hiện)[^:;()]{0,30}|chủ trì(?:\s+thực hiện)?|"
    r"phối hợp(?:\s+thực hiện)?|trách nhiệm(?:\s+thực hiện)?|sản phẩm(?:\s+đầu ra)?|kết quả(?:\s+đầu ra)?|"
    r"(?:nguồn\s+)?kinh phí|hình thức|ghi chú|"
    r"thời gian\s+(?:thực\s+)?(?:hiện|hoàn thành|hoàn thiện|triển khai|thực hiện)|thời hạn(?:\s+hoàn thành|\s+thực hiện)?|"
    r"tiến độ(?:\s+thực hiện|\s+hoàn thành)?|thời gian"
)
_LABEL = re.compile(rf"^[-+•–*\s]*(?P<key>{_KEYS})\s*[*_]*\s*:\s*(?P<val>.*)$", re.I)
# owner/deadline words inside a line: "… (Chủ trì: Sở Y tế; phối hợp: Sở Tài chính; thời gian: Quý I/2024)"
_INLINE = re.compile(rf"(?:(?<=[(;.])|(?<=[(;.]\s))\s*[-+]?\s*(?P<key>{_KEYS})\s*[*_]*\s*:", re.I)
_NUM = re.compile(r"^\s*[*_]*\s*(?P<num>\d{1,2}(?:[.,]\d{1,2}){1,4}\.?|\d{1,2}[.)])(?:\s+|$)(?P<rest>.*)$")
_ROMAN = re.compile(r"^\s*[*_]*\s*(?P<num>[IVX]{1,5})\.\s+(?P<rest>.*)$")
# "a) …", and "a. Chủ trì …" (a letter and a full stop, then a capital: no abbreviation reads so)
_LETTER = re.compile(r"^\s*[*_]*\s*(?P<num>[a-zđ])(?:\)\s+|\.\s+(?=[A-ZĐÀ-Ỹ]))(?P<rest>.*)$")
_DASH = re.compile(r"^\s*[-–•+]\s+\S")
# a chapter holds sections (Mục), a section articles; an article holds numbered clauses
DEPTH_CHAPTER, DEPTH_SECTION, DEPTH_ARTICLE = -0.5, -0.25, 0
_PARTS = (DEPTH_CHAPTER, DEPTH_SECTION, 0, 1)  # the levels whose title may say they assign work
ENDS = (".", ";", ":", "!", "?")
_END_OF_BODY = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?", re.I)  # recipients list: the body is over
# articles that assign no duty (scope, definitions, principles …): vnplan/lang/vi/article_kinds.tsv
_RULE_ARTICLE = re.compile(rf"^\W*(?:{alternation(phrases('article_kinds'))})\b")
_NO_DUTY_ARTICLE = re.compile(rf"^\W*(?:{alternation(phrases('article_kinds', kind='rules'))})\b")
# … unless its title names duties beside it: "Điều 6. Thẩm quyền, trách nhiệm quản lý nhà nước của các cơ quan"
# ("… đổi mới sáng tạo và nhiệm vụ được giao" at the end of a long title is what the power is for)
_NAMES_DUTIES = re.compile(r"^\W*(?:\w+\s+){0,2}\w+\s*(?:,|\bva\b)\s*(?:trach nhiem|nhiem vu|nghia vu)\b")


def _assigns_no_duty(title: str, kinds: re.Pattern = _NO_DUTY_ARTICLE) -> bool:
    """An article title of one of ``kinds`` (rules by default) that names no duty beside it."""
    f = fold(title)
    return bool(kinds.match(f)) and not _NAMES_DUTIES.match(f)


_APPENDIX = re.compile(r"^PH[ỤU] L[ỤU]C\b")


def rule_article(heading: str) -> bool:
    """Is ``heading`` an article of rules ("Điều 9. Cơ cấu tổ chức của Quỹ", "Điều 2. Nguyên tắc …")?
    Such an article assigns no duty, and the numbers in it (a body's units, a scope) are no targets."""
    m = ARTICLE.match(fold(heading))
    return bool(m and _assigns_no_duty(m.group("rest")))
# Where plans assign duties in prose ("IV. TỔ CHỨC THỰC HIỆN", "Trách nhiệm của các cơ quan").
# A section headed just "NHIỆM VỤ" (no "và giải pháp") lists who does what as well.
# The parts on funding and reporting ("VI. KINH PHÍ THỰC HIỆN", "VII. CHẾ ĐỘ BÁO CÁO") say who budgets and who
# reports by when as well.
_DUTY_SECTION = re.compile(
    r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|phân\s+công|^\W*(?:[IVX]+|\d+)?[.)]?\s*nhiệm\s+vụ\s*:?\s*$"
    r"|^\W*(?:[IVX]+|\d+)?[.)]?\s*(?:kinh\s+phí\s+thực\s+hiện|chế\s+độ\s+(?:thông\s+tin,?\s+)?báo\s+cáo)\s*:?\s*$", re.I
)


def _key_of(label: str) -> str:
    k = label.lower()
    if "chủ trì" in k:
        return "lead"
    if "phối hợp" in k:
        return "support"
    if k.strip() == "thời gian":
        return "when"  # a bare "Thời gian:" is a deadline only next to owner lines
    if k.startswith(("thời", "tiến độ")):
        return "deadline"
    if k.startswith(("cơ quan", "đơn vị", "trách nhiệm")):
        return "lead"  # "Đơn vị thực hiện:", "Trách nhiệm:"
    return "other"  # "Sản phẩm:", "Kinh phí:" … belong to the task, not to its owners


@dataclass
class Piece:
    kind: str  # title | body | dash | label
    start: int
    end: int
    text: str
    key: str = ""  # lead | support | deadline for labels
    blank_before: bool = False


@dataclass
class Node:
    number: str
    depth: int
    start: int
    pieces: list[Piece] = field(default_factory=list)
    parent: Optional["Node"] = None
    heading_agencies: Optional[str] = None  # the agency phrase when this node's title names an agency
    topic_list: bool = False  # a lettered item among siblings that mostly name topics, not agencies
    addressed: bool = False  # a numbered item of a directive (Chỉ thị, Công điện, Công văn): it assigns work
    has_children: bool = False  # numbered or lettered items below it (set by the reader of the tree)

    def title(self) -> Optional[Piece]:
        return self.pieces[0] if self.pieces and self.pieces[0].kind == "title" else None


def _plausible(number: str, stack: list[Node]) -> bool:
    """Does "2.3" follow the open headings (next sibling of one of them, or first child)?"""
    try:
        parts = [int(x) for x in re.split(r"[.,]", number)]
    except ValueError:
        return True
    for node in reversed(stack):
        try:
            prev = [int(x) for x in re.split(r"[.,]", node.number)] if node.number and node.depth in range(1, 6) else None
        except ValueError:
            prev = None
        if prev is None:
            if parts[-1] == 1 or len(parts) == 1 and node.depth <= 0:
                return parts[-1] == 1 or node.depth < 0
            continue
        if len(prev) == len(parts) and prev[:-1] == parts[:-1] and parts[-1] == prev[-1] + 1:
            return True
        if len(prev) == len(parts) - 1 and prev == parts[:-1] and parts[-1] == 1:
            return True
    return False


def _wrap_width(text: str) -> float:
    """Length from which an unterminated line counts as hard-wrapped (infinite for paragraph-per-line text)."""
    lengths = sorted(len(l.strip()) for l in text.split("\n") if l.strip())
    if not lengths or sum(n > 110 for n in lengths) > 0.05 * len(lengths):
        return float("inf")
    return 0.6 * lengths[int(0.9 * (len(lengths) - 1))]


def parse_nodes(ndoc: NormalizedDocument, skip: list[tuple[int, int]]) -> list[Node]:
    root = Node("", -1, 0)
    nodes: list[Node] = [root]
    stack = [root]
    blank = False
    last_text = ""  # the previous non-blank line: a long unterminated one was hard-wrapped
    wrap_at = _wrap_width(ndoc.text)
    pending: list[Piece] = []
    for off, line in ndoc.lines():
        if pending:
            stack[-1].pieces += pending
            pending = []
        if any(a <= off < b for a, b in skip) or " | " in line or line.strip() == "|":
            blank = True
            continue
        plain = MARK.sub("", line).strip()
        if not plain:
            blank = True
            continue
        lstart = off + (len(line) - len(line.lstrip()))
        lend = off + len(line.rstrip())
        cur = stack[-1]
        prev_text, last_text = last_text, plain
        last = cur.pieces[-1] if cur.pieces else None
        inline = [m for m in _INLINE.finditer(plain) if m.start("key") > 0]
        m = _LABEL.match(line)
        if m:
            cur.pieces += _labels(plain, [_LABEL.match(plain)] + inline, lstart, lend, blank)
            blank = False
            continue
        if inline:  # the task sentence carries its owners: keep the sentence, then the labels
            head = plain[: inline[0].start()].rstrip(" (;,.-")
            labels = _labels(plain, inline, lstart, lend, blank)
            line = line[: len(line) - len(line.lstrip())] + head
            plain = head
            lend = lstart + len(head)
            pending = labels
        if _END_OF_BODY.match(plain) or _is_signature(plain) or _APPENDIX.match(plain):
            while len(stack) > 1:
                stack.pop()
            node = Node("PL" if _APPENDIX.match(plain) else "NN", 0, lstart, parent=root)
            node.pieces.append(Piece("title", lstart, lend, plain))
            stack.append(node)
            nodes.append(node)
            blank = False
            continue
        folded = fold(line)
        article = ARTICLE.match(folded)
        legal = article or CHAPTER.match(folded)
        part = None if legal else SECTION_PART.match(folded)
        if part and (len(line) >= 120 and not is_upper_line(line) or all(n.depth != DEPTH_CHAPTER for n in stack)):
            part = None
        if legal or part:  # "Chương V", "Mục 3. …", "Điều 19. Trách nhiệm của …" (normalize.patterns)
            legal = legal or part
            depth = DEPTH_ARTICLE if article else DEPTH_SECTION if part else DEPTH_CHAPTER
            label = ("Điều " if article else "Mục " if part else "Chương ") + legal.group("n").upper()
            rest = line[legal.start("rest"):] if legal.group("rest") is not None else ""
            _open_node(stack, nodes, label, depth, lstart, lend, rest)
            blank = False
            continue
        num = _NUM.match(line) or _ROMAN.match(line) or _LETTER.match(line)
        if num and _NUM.match(line) and not _plausible(num.group("num").rstrip(".)"), stack):
            rest = num.group("rest").strip()
            if not rest or rest[:1].islower() or (last is not None and not last.text.endswith(ENDS)):
                num = None  # "06." wrapped onto its own line is not a heading
        if num:
            n = num.group("num").rstrip(".)")
            depth = 0 if _ROMAN.match(line) else 6 if _LETTER.match(line) else len(re.split(r"[.,]", n))
            _open_node(stack, nodes, n, depth, lstart, lend, num.group("rest"))
            blank = False
            continue
        if _DASH.match(line):
            cur.pieces.append(Piece("dash", lstart, lend, plain, blank_before=blank))
            blank = False
            continue
        # a continuation line or a new paragraph
        lower_start = plain[:1].islower()
        bracket_open = last is not None and last.text.count("(") > last.text.count(")")  # "… tổ chức (các" / "Ban …)"
        wrapped = not blank and not prev_text.rstrip("*").endswith(ENDS) and (
            len(prev_text) >= wrap_at or not plain[:1].isupper() or bracket_open)
        if last is not None and (lower_start or wrapped or (last.kind == "label" and not last.text.strip())):
            joined = f"{last.text} {plain}".strip()
            if last.kind == "title" and not lower_start and not bracket_open and looks_like_agency(last.text) and (
                    _VERB_START.match(plain) or not looks_like_agency(joined)):
                cur.pieces.append(Piece("body", lstart, lend, plain, blank_before=blank))
            else:
                last.text, last.end = joined, lend
        else:
            cur.pieces.append(Piece("body", lstart, lend, plain, blank_before=blank))
        blank = False
    if pending:
        stack[-1].pieces += pending
    return nodes


def _open_node(stack: list[Node], nodes: list[Node], number: str, depth: float, lstart: int, lend: int,
               rest: str) -> None:
    """Close the open nodes at ``depth`` or deeper and open a numbered one titled ``rest``."""
    while len(stack) > 1 and stack[-1].depth >= depth:
        stack.pop()
    node = Node(number, depth, lstart, parent=stack[-1])
    node.pieces.append(Piece("title", lend - len(rest.rstrip()) if rest.strip() else lend, lend, rest.strip()))
    stack.append(node)
    nodes.append(node)


def _is_article(n: Node) -> bool:
    return n.depth == DEPTH_ARTICLE and n.number.startswith("Điều ")


def article_of(node: Optional[Node]) -> Optional[Node]:
    """The article (Điều N) ``node`` is, or stands in; None outside any article."""
    while node is not None and not _is_article(node):
        node = node.parent
    return node


def in_article(node: Node) -> bool:
    return article_of(node.parent) is not None


def _is_signature(line: str) -> bool:
    """"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the signature block ends the body as "Nơi nhận" does."""
    return bool(SIGN_PREFIX.match(fold(line))) and is_upper_line(line)


def _labels(plain: str, matches: list, lstart: int, lend: int, blank: bool) -> list[Piece]:
    """Label pieces for the key matches of one line (each value runs to the next key)."""
    out = []
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(plain)
        val = plain[m.start("val") if "val" in m.re.groupindex else m.end(): stop].strip(" ;,")
        if val.endswith(")") and val.count(")") > val.count("("):
            val = val[:-1].rstrip(" ;,")
        out.append(Piece("label", lstart, lend, val.strip("*_ "), _key_of(m.group("key")), blank))
    return out


def under(node: Node, number: str) -> bool:
    n: Optional[Node] = node
    while n is not None:
        if n.number == number and n.depth == 0:
            return True
        n = n.parent
    return False


def in_rule_article(node: Node) -> bool:
    """Inside an article whose title says it assigns no duty (vnplan/lang/vi/article_kinds.tsv)."""
    article = article_of(node)
    t = article.title() if article is not None else None
    return t is not None and _assigns_no_duty(t.text)


def under_duty_part(node: Node) -> bool:
    """Is ``node`` inside a chapter or part that assigns work ("Chương III. TỔ CHỨC THỰC HIỆN")?"""
    n = node.parent
    while n is not None:
        # a chapter's name may stand on the line after "Chương III", as its first piece
        names = [p.text for p in n.pieces[:2] if p.text.strip()][:1]
        if n.depth in _PARTS and not _is_article(n) and names and _DUTY_SECTION.search(names[0]) \
                and len(names[0].split()) <= 20:
            return True
        n = n.parent
    return False


def in_duty_section(node: Node) -> bool:
    """Under a heading that assigns work ("Tổ chức thực hiện", "Trách nhiệm …"), or inside an
    article of a decision or regulation, where a clause naming an agency is its duty; or a
    numbered item of a directive."""
    if node.addressed:
        return True
    n: Optional[Node] = node
    while n is not None:
        if _is_article(n):
            t = n.title()
            return not (t is not None and _assigns_no_duty(t.text, _RULE_ARTICLE))
        t = n.title()
        if t is not None and n.depth in _PARTS and _DUTY_SECTION.search(t.text) \
                and len(t.text.split()) <= (20 if n.depth <= 0 else 12):  # a part's title may run long
            return True
        n = n.parent
    return False
