"""Task blocks and per-agency sections: the line parser of the task readers.

1. Blocks: a numbered task followed by owner/deadline lines ("- Cơ quan chủ trì: …",
   "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: …", also "Đơn vị chủ trì", "Chủ trì:",
   "Phối hợp:", "Thời hạn:", "Tiến độ:"), or with them inline in parentheses.
2. Per-agency sections: a heading that names an agency ("1. Công an tỉnh") and, under
   it, numbered or dashed tasks each with its deadline line; the heading is the lead,
   agencies after "phối hợp với" in the task sentence are the support.
3. Items without owner lines: under an agency heading they are that agency's duties;
   elsewhere their sentences are read as duty sentences (``extract.task_sentences``).

The text is parsed into a tree of numbered nodes (I., 1., 1.1., a), dashes, labels). It
reads the cleaned text and degrades to raw text: hard-wrapped lines are re-joined here,
and a number wrapped onto its own line is not taken for a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.agencies import _VERB_START, cut_purpose, looks_like_agency, split_agencies
from extract.numbers import fold
from extract.raw_task import RawTask
from extract.regulated_body import BARE_DUTY_TITLE, regulated_body
from extract.task_parts import part_tasks
from extract.task_schedule import TRAILING_PERIOD, is_schedule_heading, period_of, schedule_tasks
from extract.task_sentences import BARE_KIND, LIST_INTRO, SENTENCE, assignment, deadline_in, inline_items
from normalize.model import NormalizedDocument
from normalize.patterns import ARTICLE, CHAPTER, SIGN_PREFIX
from normalize.text import is_upper_line
from vnplan.lang import alternation, phrases

_MARK = re.compile(r"[*_]+")
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
_LETTER = re.compile(r"^\s*[*_]*\s*(?P<num>[a-zđ])\)\s+(?P<rest>.*)$")
_DASH = re.compile(r"^\s*[-–•+]\s+\S")
DEPTH_CHAPTER, DEPTH_ARTICLE = -0.5, 0  # a chapter holds articles; an article holds numbered clauses
_ENDS = (".", ";", ":", "!", "?")
_END_OF_BODY = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?", re.I)  # recipients list: the body is over
_GROUP_OWNER = re.compile(r"^các\s", re.I)  # "Trách nhiệm của các cơ quan, đơn vị": everyone, not one agency
# articles that assign no duty (scope, definitions, principles …): vnplan/lang/vi/article_kinds.tsv
_RULE_ARTICLE = re.compile(rf"^\W*(?:{alternation(phrases('article_kinds'))})\b")
_NO_DUTY_ARTICLE = re.compile(rf"^\W*(?:{alternation(phrases('article_kinds', kind='rules'))})\b")
_DUTY_TITLE = re.compile(r"^\W*(?:trách nhiệm|nhiệm vụ|quyền hạn)(?:\s+\S+){0,14}\s*:?\s*$", re.I)
_GIAO = re.compile(r"^\W*giao\s+\S", re.I)
_AUDIENCE = re.compile(r"^\W*(?:đối với|về)\s", re.I)
_COLLECTIVE_HEAD = re.compile(r"^\W*(?:các|mọi)\s+(?:cơ quan|đơn vị|doanh nghiệp|tổ chức|địa phương|cá nhân|hộ|tập thể)\b", re.I)
_APPENDIX = re.compile(r"^PH[ỤU] L[ỤU]C\b")
_DUTY = re.compile(
    r"\s+(?:chịu trách nhiệm|có trách nhiệm|có nhiệm vụ|thực hiện)(?:\s+(?:các\s+)?(?:nội dung|nhiệm vụ))?"
    r"(?:\s+(?:như\s+)?sau(?:\s+đây)?)?\s*$", re.I
)
# Where plans assign duties in prose ("IV. TỔ CHỨC THỰC HIỆN", "Trách nhiệm của các cơ quan").
# A section headed just "NHIỆM VỤ" (no "và giải pháp") lists who does what as well.
_DUTY_SECTION = re.compile(
    r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|phân\s+công|^\W*(?:[IVX]+|\d+)?[.)]?\s*nhiệm\s+vụ\s*:?\s*$", re.I
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


def _parse_nodes(ndoc: NormalizedDocument, skip: list[tuple[int, int]]) -> list[Node]:
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
        plain = _MARK.sub("", line).strip()
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
        if legal:  # "Chương V", "Điều 19. Trách nhiệm của …" (normalize.patterns)
            depth = DEPTH_ARTICLE if article else DEPTH_CHAPTER
            label = ("Điều " if article else "Chương ") + legal.group("n").upper()
            _open_node(stack, nodes, label, depth, lstart, lend, line[legal.start("rest"):])
            blank = False
            continue
        num = _NUM.match(line) or _ROMAN.match(line) or _LETTER.match(line)
        if num and _NUM.match(line) and not _plausible(num.group("num").rstrip(".)"), stack):
            rest = num.group("rest").strip()
            if not rest or rest[:1].islower() or (last is not None and not last.text.endswith(_ENDS)):
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
        wrapped = not blank and not prev_text.rstrip("*").endswith(_ENDS) and (
            len(prev_text) >= wrap_at or not plain[:1].isupper())
        if last is not None and (lower_start or wrapped or (last.kind == "label" and not last.text.strip())):
            joined = f"{last.text} {plain}".strip()
            if last.kind == "title" and not lower_start and looks_like_agency(last.text) and (
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


def _article_of(node: Optional[Node]) -> Optional[Node]:
    """The article (Điều N) ``node`` is, or stands in; None outside any article."""
    while node is not None and not _is_article(node):
        node = node.parent
    return node


def _in_article(node: Node) -> bool:
    return _article_of(node.parent) is not None


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


# "Điều 23. Trách nhiệm và quyền hạn của Giám đốc Công ty …": the article names its owner by construction
_ARTICLE_OWNER = re.compile(
    r"^(?:trách nhiệm|nhiệm vụ|quyền hạn)(?:(?:\s*,\s*|\s+và\s+)(?:trách nhiệm|nhiệm vụ|quyền hạn|quyền|nghĩa vụ))*"
    r"\s+(?:của|đối với)\s+(?P<who>[^:;.]+?)(?:\s+(?:trong|về|khi|đối với)\s.*)?\s*:?$", re.I)
# an article may leave out the "của": "Điều 6. Trách nhiệm Văn phòng UBND tỉnh", "Trách nhiệm cá nhân trong …"
_ARTICLE_OWNER_BARE = re.compile(
    r"^(?:trách nhiệm|nhiệm vụ)\s+(?P<who>(?:(?-i:[A-ZĐ])|(?:các|cá nhân|cơ quan|đơn vị)\b)[^:;.]*?)"
    r"(?:\s+(?:trong|về|khi|đối với)\s.*)?\s*:?$", re.I)


def _agency_heading(node: Node) -> Optional[str]:
    """The agency phrase a node's title names ("Công an tỉnh - Cơ quan thường trực…", "Tòa án …: task")."""
    t = node.title()
    if t is None or not t.text:
        return None
    # an article, or a clause inside one, titled by whose duties follow (a collective included:
    # "Trách nhiệm của các cơ quan, đơn vị xử lý …"; a clause below naming its agency still wins)
    m = _ARTICLE_OWNER.match(_MARK.sub("", t.text).strip())
    if m and len(m.group("who").split()) <= 20 and (node.depth == DEPTH_ARTICLE or _in_article(node)):
        return m.group("who").strip()
    m = _ARTICLE_OWNER_BARE.match(_MARK.sub("", t.text).strip()) if node.depth == DEPTH_ARTICLE else None
    if m and len(m.group("who").split()) <= 20 and (looks_like_agency(m.group("who")) or not m.group("who")[:1].isupper()):
        return m.group("who").strip()
    title = re.sub(r"^(?:đề nghị|giao|yêu cầu)\s*:\s*", "", t.text, flags=re.I)  # "6. Đề nghị: Hiệp hội …"
    head = title.split(":", 1)[0] if ":" in title else title
    head = _MARK.sub("", head).strip()
    head = re.sub(r"^(?:đối với|trách nhiệm của|nhiệm vụ của|nhiệm vụ giao|đề nghị|giao|yêu cầu)\s+", "", head, flags=re.I)
    head = _DUTY.sub("", head).strip()  # "11. Các đơn vị cấp nước sạch … có trách nhiệm" (with or without a colon)
    if _DEFINES.search(head):
        return None  # "Chi cục trưởng là người đứng đầu …", "3. Các đơn vị thuộc Chi cục gồm:" describe, not assign
    if ":" in title and title.split(":", 1)[1].strip() and re.fullmatch(r"các\s+\w+", head, re.I):
        # "5. Các Bộ: Quốc phòng, Công an chủ động …": the names run on after the colon, each one a
        # "Bộ …"; an item whose own sub-items name their bodies ("(1) Bộ Tài chính …") has no one owner
        names = cut_purpose(title.split(":", 1)[1].strip())
        kind = head.split()[1].capitalize()
        if len(node.pieces) > 1 or not names or not all(n[:1].isupper() and len(n.split()) <= 5 for n in names.split(", ")):
            return None
        return ", ".join(f"{kind} {n}" for n in names.split(", "))
    if looks_like_agency(head):
        return head
    # "1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan:" + "a) …": the items are its duties
    rest = node.pieces[1:]
    if title.rstrip().endswith(":") and (not rest or rest[0].kind == "dash"):
        return _intro_owner(head)  # only a list's intro: a paragraph after it is read as a duty sentence
    return None


def _intro_owner(head: str) -> Optional[str]:
    """The owner of what follows a colon: "Bộ Tài chính chủ trì, phối hợp với …", "Bộ Tài chính chỉ
    đạo Bảo hiểm xã hội Việt Nam" (a body, a verb and a short object). The whole phrase is kept:
    the lead is read up to its verb and "phối hợp với …" gives each item's support."""
    if _DEFINES.search(head):
        return None  # "Báo cáo bao gồm các nội dung sau:" lists contents
    if looks_like_agency(head):
        return None if BARE_KIND.match(head) else head  # "Cơ quan:" is a label
    actor = cut_purpose(head)
    rest = head[len(actor):].strip(" ,")
    if actor != head and not BARE_KIND.match(actor) and looks_like_agency(actor) and _VERB_START.match(rest) \
            and len(rest.split()) <= 12 and not (_OBJECT_LIST.search(rest) and not LIST_INTRO.search(rest + ":")):
        return head
    return None


# "… tổ chức bồi dưỡng các chương trình sau", "… được quyết định": what follows is objects or powers
_OBJECT_LIST = re.compile(r"(?:\bsau|\bđây)$|\b(?:được|có quyền)\b", re.I)


_DEFINES = re.compile(r"\s(?:là|gồm|bao gồm)(?:\s|$)", re.I)


# one owner label naming both: "X chủ trì; Y phối hợp", "X chủ trì, phối hợp với Y"
_LEAD_THEN_SUPPORT = re.compile(
    r"^(?P<lead>.+?)\s+chủ trì\s*(?:[,;]\s*(?:phối hợp(?:\s+với)?\s+(?P<a>.+?)|(?P<b>.+?)\s+phối hợp)|)\s*\.?$", re.I)


def block_tasks(ndoc: NormalizedDocument, skip: list[tuple[int, int]]) -> list[RawTask]:
    nodes = _parse_nodes(ndoc, skip)
    named = {id(n): _agency_heading(n) for n in nodes}  # read once: the topic lists and the loop below use it
    subject = regulated_body(ndoc.text)
    if subject:  # "Điều 2. Nhiệm vụ và quyền hạn" of a decision on the functions of <subject>
        for n in nodes:
            t = n.title()
            if n.depth == DEPTH_ARTICLE and named[id(n)] is None and t is not None \
                    and BARE_DUTY_TITLE.match(fold(_MARK.sub("", t.text))):
                named[id(n)] = subject
    _mark_topic_lists(nodes, named)
    out, consumed = part_tasks(nodes)  # "a) Nhiệm vụ … b) Cơ quan thực hiện … c) Thời gian …"
    for node in nodes:
        if _under(node, "NN") or id(node) in consumed:
            continue
        heading = named[id(node)] or _collective_heading(node)
        node.heading_agencies = heading
        last = node.pieces[-1] if node.pieces else None
        if heading is None and last is not None and last.kind == "body" and last.text.rstrip().endswith(":"):
            # "1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban nhân dân các tỉnh, thành phố:" / "a) …": its items' owner
            node.heading_agencies = _intro_owner(_MARK.sub("", last.text).strip().rstrip(":").strip())
        pieces = list(node.pieces)
        if heading and pieces and pieces[0].kind == "title":
            t = pieces[0]
            inline = t.text.split(":", 1)[1].strip() if ":" in t.text else ""
            pieces[0] = Piece("body", t.end - len(inline), t.end, inline) if inline else None
            pieces = [p for p in pieces if p is not None]
        units: list[tuple[list[Piece], list[Piece]]] = []
        for p in pieces:
            if p.kind == "label":
                if not units:
                    units.append(([], []))
                last = units[-1][0][-1] if units[-1][0] else None
                if not units[-1][1] and len(units[-1][0]) > 1 and last is not None and last.kind == "dash" \
                        and last.start == p.start:
                    # "- Giao Sở X chủ trì …; thời gian: …": a label inside a dashed item is that item's own
                    units[-1][0].pop()
                    units.append(([last], []))
                units[-1][1].append(p)
            elif not units or units[-1][1]:
                units.append(([p], []))
            else:
                units[-1][0].append(p)
        owner = heading
        anc = node.parent
        while owner is None and anc is not None:
            owner, anc = anc.heading_agencies, anc.parent
        if _in_rule_article(node):
            continue  # "Điều 3. Cơ cấu tổ chức", "Điều 1. Phạm vi điều chỉnh": rules, not duties
        in_duty = _in_duty_section(node)
        schedule = _schedule_context(node)
        for content, labels in units:
            if labels and all(p.key == "other" for p in labels):
                labels = []
            if not labels:
                if schedule is not None and not heading:  # "Tiến độ thực hiện": each dated statement is a task
                    found, content = schedule_tasks(content, schedule)
                    out += found
                out += _unlabelled_tasks(node, content, owner, heading, in_duty)
                continue
            if len(content) > 1 and content[0].kind == "title" and len(content[0].text.split()) <= 15 \
                    and not content[0].text.endswith(_ENDS):
                content = content[1:]  # "2.1. Về pháp lý" is a heading, the paragraphs below are the task
            text = " ".join(p.text for p in content).strip()
            start = content[0].start if content else labels[0].start
            got = {k: " ".join(p.text for p in labels if p.key == k).strip() for k in ("lead", "support", "deadline", "when")}
            got["deadline"] = got["deadline"] or got["when"]
            split = _LEAD_THEN_SUPPORT.match(got["lead"]) if got["lead"] and not got["support"] else None
            if split:  # "Đơn vị thực hiện: X chủ trì; Y phối hợp." / "X chủ trì, phối hợp với Y"
                got["lead"], got["support"] = split.group("lead"), (split.group("a") or split.group("b") or "")
            own = assignment(text, start, False) if not (got["lead"] or owner) else None
            if not (got["lead"] or got["support"] or owner or any(p.key == "deadline" for p in labels)
                    or (own is not None and own.lead)):
                continue  # a bare "Thời gian:" line alone is a schedule, not a task
            rt = RawTask(text, min(start, labels[0].start), labels[-1].end, got["lead"], got["support"], got["deadline"],
                         "label" if got["lead"] else "", "label" if got["support"] else "")
            if not rt.lead and owner:
                rt.lead, rt.lead_from, rt.layout = owner, "heading", "agency-section"
            elif not rt.lead:
                # no "Cơ quan chủ trì:" line, but the task names its lead itself:
                # "1. Công an tỉnh chủ trì, phối hợp với … hướng dẫn …; Thời gian hoàn thành: …"
                if own is not None and own.lead:
                    rt.lead, rt.lead_from = own.lead, "text"
            if not rt.support and rt.lead_from in ("heading", "text"):
                rt.support_from_words(text)
            out.append(rt)
    return out


def _under(node: Node, number: str) -> bool:
    n: Optional[Node] = node
    while n is not None:
        if n.number == number and n.depth == 0:
            return True
        n = n.parent
    return False


def _in_rule_article(node: Node) -> bool:
    """Inside an article whose title says it assigns no duty (vnplan/lang/vi/article_kinds.tsv)."""
    article = _article_of(node)
    t = article.title() if article is not None else None
    return t is not None and bool(_NO_DUTY_ARTICLE.match(fold(t.text)))


def _in_duty_section(node: Node) -> bool:
    """Under a heading that assigns work ("Tổ chức thực hiện", "Trách nhiệm …"), or inside an
    article of a decision or regulation, where a clause naming an agency is its duty."""
    n: Optional[Node] = node
    while n is not None:
        if _is_article(n):
            t = n.title()
            return not (t is not None and _RULE_ARTICLE.match(fold(t.text)))
        t = n.title()
        if t is not None and n.depth in (DEPTH_CHAPTER, 0, 1) and _DUTY_SECTION.search(t.text) \
                and len(t.text.split()) <= (20 if n.depth <= 0 else 12):  # a part's title may run long
            return True
        n = n.parent
    return False


def _schedule_context(node: Node) -> Optional[str]:
    """None outside a schedule section; inside one, the period of the nearest phase heading above ("" if none)."""
    period = ""
    n = node.parent
    while n is not None:
        t = n.title()
        if t is not None and is_schedule_heading(t.text):
            return period
        period = period or (period_of(t.text) if t is not None else "")
        n = n.parent
    t = node.title()
    return "" if t is not None and is_schedule_heading(t.text) else None


_SENTENCE_WORDS = re.compile(r"\b(?:căn cứ|theo|có trách nhiệm|phải|được|thực hiện|triển khai|tổ chức|phối hợp)\b", re.I)


def _collective_heading(node: Node) -> Optional[str]:
    """"5. Các chủ rừng là tổ chức (…)", "4. Các cơ sở nuôi trồng thủy sản:" under a duty heading:
    a collective addressed by name, which the gazetteer cannot know, followed by its duties."""
    t = node.title()
    if t is None or node.depth not in (1, 2, 6) or not _in_duty_section(node.parent or node):
        return None
    head = _MARK.sub("", re.sub(r"\([^()]*\)?|\(.*$", " ", t.text.split(":", 1)[0])).strip(" .")
    has_duties = ":" in t.text or any(p.kind == "dash" for p in node.pieces)
    if not has_duties or not re.match(r"^(?:Các|Mỗi)\s+\w", head) or len(head.split()) > 10 or _SENTENCE_WORDS.search(head):
        return None
    return head


def _mark_topic_lists(nodes: list[Node], named: dict[int, Optional[str]]) -> None:
    """Lettered items are a list of addressees ("a) Sở Tài chính: … b) Công an tỉnh: …") only when
    most of them name agencies; in a list of topics ("a) Thể chế … i) Doanh nghiệp số") one
    title that happens to read as a body is a topic too."""
    siblings: dict[int, list[Node]] = {}
    for n in nodes:
        if n.depth == 6 and n.parent is not None:
            siblings.setdefault(id(n.parent), []).append(n)
    for group in siblings.values():
        agencies = sum(named[id(n)] is not None for n in group)
        if agencies * 2 < len(group):
            for n in group:
                n.topic_list = True


def _specific_agency(heading: str) -> bool:
    """A heading that names particular agencies ("Sở Tài chính", "Công an tỉnh, Sở Y tế"), not
    a collective ("Các cơ quan, đơn vị trên địa bàn tỉnh", "Các doanh nghiệp") that an emulation
    plan's contents or criteria are addressed to."""
    pieces = split_agencies(heading)
    return bool(pieces) and not any(_COLLECTIVE_HEAD.match(p) for p in pieces)


def _unlabelled_tasks(node: Node, content: list[Piece], owner: Optional[str], heading: Optional[str],
                      in_duty: bool) -> list[RawTask]:
    """Tasks without owner/deadline lines: items under an agency heading, and duty sentences."""
    out: list[RawTask] = []
    # an upper-case line ("C. TỔ CHỨC THỰC HIỆN") is the title of what comes next, never a duty, nor is a
    # clause that only names whose or which duties follow ("1. Trách nhiệm trong việc quản lý …")
    content = [p for p in content if not (is_upper_line(p.text) and len(p.text.split()) <= 12)
               and not (p.kind == "title" and _DUTY_TITLE.match(p.text) and not p.text.rstrip().endswith(_ENDS[:2]))]
    if not content:
        return out
    # an item titled by an agency's name assigns it what follows, in a duty section or not
    # (a directive's "2. Sở Nông nghiệp và Môi trường" + dashes has no "Tổ chức thực hiện" above it);
    # "Đối với các sở, ban, ngành" titles an audience (criteria, awards), not an assignment
    audience = heading is not None and bool(_AUDIENCE.match(node.title().text))
    named = heading is not None and not audience and _specific_agency(heading) and not node.topic_list
    # "c) Đối với các cơ quan …" under criteria is no assignment, nor "i) Doanh nghiệp số" in a list of topics
    lettered = node.depth == 6 and not audience and not (heading and node.topic_list and not in_duty)
    if heading and (in_duty or lettered or named) and content and content[0].kind == "body":
        # "a) Sở Y tế: chỉ đạo …" / "2. Sở Nội vụ: theo dõi …" (no owner lines): the heading agency's duty
        text = " ".join(p.text for p in content)
        if text.rstrip().endswith(":") and node.depth == DEPTH_ARTICLE:
            return out  # "Trách nhiệm của … được thực hiện theo … và các quy định sau:" opens the clauses
        return [RawTask(text, content[0].start, content[-1].end, heading, "", deadline_in(text), lead_from="heading",
                        layout="agency-section").support_from_words(text)]
    if owner and (not heading or content[0].kind == "dash") and (lettered or in_duty or named):
        # "1. Sở X chịu trách nhiệm: a) … b) …", "a) Sở Nội vụ: - … - …": each item is a task of the heading agency
        for p in content:
            if p.kind == "title" and len(content) > 1 and not p.text.endswith(_ENDS):
                continue
            # under "các cơ quan, đơn vị", an item naming its agency is that agency's; so is, under any
            # owner, an item that assigns itself ("Giao Thanh tra thành phố tổ chức thanh tra …")
            own = assignment(p.text, p.start, in_duty) if _GROUP_OWNER.match(owner) or _GIAO.match(p.text) else None
            if own is not None and own.lead:
                out.append(own)
                continue
            out.append(RawTask(p.text, p.start, p.end, owner, "", deadline_in(p.text), lead_from="heading",
                               layout="agency-section").support_from_words(p.text, owner))
        return out
    intro: Optional[RawTask] = None  # "…, các cơ quan, đơn vị, địa phương thực hiện các hoạt động sau:"
    for p in content:
        if p.kind == "title" and heading:
            continue
        if p.kind == "dash" and intro is not None:
            out.append(RawTask(p.text.lstrip("-–•+ "), p.start, p.end, intro.lead, "", deadline_in(p.text),
                               lead_from="text", layout="assignment").support_from_words(p.text))
            continue
        intro = None
        pos = 0
        for k, sent in enumerate(SENTENCE.split(p.text)):
            start = p.start + p.text.find(sent, pos) if p.text.find(sent, pos) >= 0 else p.start
            pos = max(pos, start - p.start + len(sent))
            parts = inline_items(sent)
            if parts:  # "…, đề nghị: (i) UBND Thành phố chỉ đạo …; (ii) Bộ Công Thương …": one duty each
                for off, part in parts:
                    rt = assignment(part, start + off, True)
                    if rt:
                        out.append(rt)
                continue
            item_start = k == 0 and p.kind == "title" and node.depth in (1, 2, 6)  # "c) Bộ Quốc phòng …"
            opens = bool(LIST_INTRO.search(sent))
            rt = assignment(sent, start, True if opens else in_duty, item_start, opens_list=opens)
            if rt and LIST_INTRO.search(sent):
                intro = rt  # it opens the dashed items below: each is one of its duties
            elif rt:
                out.append(rt)
            elif p.kind in ("title", "dash") and sent.strip() == p.text.strip():
                # "1. Hoàn thiện hạ tầng … (2025 - 2026)": an item that opens with what is to be done
                # and closes with its period is a dated task, with the owner of its heading if any
                found, _ = schedule_tasks([p]) if _VERB_START.match(p.text.lstrip("-–•+ ")) \
                    and TRAILING_PERIOD.search(p.text) else ([], None)
                for t in found:
                    if owner and not t.lead:
                        t.lead, t.lead_from = owner, "heading"
                out += found
    return out


