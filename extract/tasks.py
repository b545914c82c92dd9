"""Tasks (nhiệm vụ): who does what by when, in the layouts plans use.

1. Blocks: a numbered task followed by owner/deadline lines ("- Cơ quan chủ trì: …",
   "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: …", also "Đơn vị chủ trì", "Chủ trì:",
   "Phối hợp:", "Thời hạn:", "Tiến độ:").
2. Per-agency sections: a heading that names an agency ("1. Công an tỉnh") and, under
   it, numbered or dashed tasks each with its deadline line; the heading is the lead,
   agencies after "phối hợp với" in the task sentence are the support.
3. Task tables (TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành),
   columns found by their header words, whatever their order.
4. Duty sentences, mostly under "Tổ chức thực hiện": "Giao Sở Nội vụ chủ trì, phối hợp
   với Công an tỉnh theo dõi …" (lead, support and an inline deadline if one is stated);
   statements addressed to everyone without a deadline are directives, not tasks.

The default year for deadlines without one is the plan's year (``plan_year``).
It reads the cleaned text (paragraphs joined, tables as ``ndoc.tables`` or " | " rows)
and degrades to raw text: hard-wrapped lines are re-joined here, and tables flattened
one cell per line between "|" lines are rebuilt. This module holds all the readers
because they share one line parser and one way of building a Task; it is longer than
most modules for that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from extract.agencies import (
    _HEAD_RE,
    _VERB_START,
    canonical_agencies,
    cut_purpose,
    known_prefix,
    looks_like_agency,
    parse_agencies,
)
from extract.deadlines import parse_deadline
from extract.evidence import evidence_for
from normalize.model import NormalizedDocument
from vnplan.schema import Task

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
_TT = re.compile(r"^(?:\d{1,2}(?:[.,]\d{1,2}){0,3}\.?|[IVX]{1,5}|[A-Z]|[a-zđ])$")
_ENDS = (".", ";", ":", "!", "?")
_END_OF_BODY = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?", re.I)  # recipients list: the body is over
_APPENDIX = re.compile(r"^PH[ỤU] L[ỤU]C\b")
_DUTY = re.compile(
    r"\s+(?:chịu trách nhiệm|có trách nhiệm|có nhiệm vụ|thực hiện)(?:\s+(?:các\s+)?(?:nội dung|nhiệm vụ)(?:\s+sau)?)?\s*$", re.I
)
# Where plans assign duties in prose ("IV. TỔ CHỨC THỰC HIỆN", "Trách nhiệm của các cơ quan").
_DUTY_SECTION = re.compile(r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|phân\s+công", re.I)
_ASSIGN_VERB = re.compile(r"^(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)\b", re.I)
_LEAD_IN = re.compile(
    r"^(?:[-+•]\s*)?(?:[^:]{3,80}:\s+)?(?:(?:Căn cứ|Trên cơ sở|Để|Trong quá trình)[^,]{0,160},\s*)?"
    r"(?:Định kỳ[^,]{0,40}?(?:hàng|hằng)\s+(?:tháng|quý|năm)\s*,?\s*)?(?P<giao>(?:Giao|giao|Đề nghị|Yêu cầu|Ủy quyền)\s+)?"
)
_GENERAL_ACTOR = re.compile(r"^(?:các|người đứng đầu|thủ trưởng)\b", re.I)
_DL_IN = re.compile(
    r"(?:định kỳ\s+(?:ngày\s+\d{1,2}\s+)?|ngày\s+\d{1,2}\s+)(?:hàng|hằng)\s+(?:tháng|quý|năm|tuần)"
    r"|(?:trước|chậm nhất|xong trước|hoàn thành trước|trong|đến hết)\s+(?:ngày\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{4})?"
    r"|\d{1,2}\s+(?:hàng|hằng)\s+tháng|tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?|quý\s+[IV1-4]+(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|năm\s+\d{4})",
    re.I,
)
_REPORTING = re.compile(r"\b(?:báo cáo|gửi|nộp)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=giao\s)|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])")
_ELLIPSIS = re.compile(r"\.{2,}|…")
_PHOI_HOP = re.compile(r"phối hợp(?:\s+(?:với|cùng))?\s+(?P<who>[^.]+)", re.I)


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

    def title(self) -> Optional[Piece]:
        return self.pieces[0] if self.pieces and self.pieces[0].kind == "title" else None


@dataclass
class RawTask:
    text: str
    start: int
    end: int
    lead: str = ""
    support: str = ""
    deadline: str = ""
    lead_from: str = ""  # label | heading | table
    support_from: str = ""
    layout: str = "block"
    group: Optional[str] = None


# ---------------------------------------------------------------- plan year

def plan_year(ndoc: NormalizedDocument) -> Optional[int]:
    """The plan's year: the last year in its title ("… năm 2023"), else its issue date's year."""
    text = ndoc.text
    head = ndoc.header or {}
    m = re.search(r"^\s*[*#\s]*K[ẾE]\s*HO[ẠA]CH\s*[*]*\s*$", text[:20000], re.M | re.I)
    if m:
        region = text[m.end(): m.end() + 700]
        stop = re.search(r"\n\s*(?:Căn cứ|Thực hiện|Thi hành|Nhằm|I\.)\s", region)
        region = region[: stop.start()] if stop else region
        years = [int(y.group(2)) for y in re.finditer(r"(\S+\s+)?(?:năm|NĂM)\s+((?:19|20)\d\d)(?!\d)", region)
                 if not re.match(r"(?:đến|tới|nhìn|hướng|đoạn)\s", (y.group(1) or "").lower())]
        if years:
            return years[-1]
    for value in (head.get("issued_date"), head.get("date")):
        if isinstance(value, str) and re.match(r"(?:19|20)\d\d-", value):
            return int(value[:4])
    m = re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)", text[:5000])
    if m:
        return int(m.group(1))
    m = re.search(r"ngày\s+\d{1,2}/\d{1,2}/((?:19|20)\d\d)", text[:3000])
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- tables

def _cell_spans(text: str, cells: list[str], lo: int, hi: int) -> tuple[list[tuple[int, int] | None], int]:
    """Locate each non-empty cell of a row in text[lo:hi] in order (whitespace-insensitive)."""
    spans: list[tuple[int, int] | None] = []
    pos = lo
    for c in cells:
        words = c.split()
        if not words:
            spans.append(None)
            continue
        pat = r"\s*".join(re.escape(w) for w in words[:12])
        m = re.compile(pat).search(text, pos, hi)
        if not m:
            spans.append(None)
            continue
        e = m.end()
        if len(words) > 12:
            tail = re.compile(r"\s*".join(re.escape(w) for w in words[-6:])).search(text, e, hi)
            e = tail.end() if tail else e
        spans.append((m.start(), e))
        pos = e
    return spans, pos


def _raw_flat_tables(text: str) -> Iterator[list[list[tuple[str, int, int]]]]:
    """Tables flattened one cell per line between '|' lines (portal copies) → rows of (cell, start, end)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    pipes = [i for i, (_, l) in enumerate(lines) if l.strip() == "|"]
    regions: list[list[int]] = []
    for i in pipes:
        gap = lines[regions[-1][-1] + 1: i] if regions else []
        if regions and len(gap) <= 40 and not any(re.match(r"\s*PH[ỤU]\s*L[ỤU]C", l, re.I) for _, l in gap):
            regions[-1].append(i)
        else:
            regions.append([i])
    for reg in regions:
        if len(reg) < 6:
            continue
        cells: list[tuple[str, int, int]] = []
        first = reg[0] - 1
        bounds = [first - 1] + reg
        for a, b in zip(bounds, bounds[1:]):
            chunk = lines[a + 1: b]
            body = " ".join(l.strip() for _, l in chunk if l.strip())
            s = chunk[0][0] if chunk else lines[b][0]
            e = chunk[-1][0] + len(chunk[-1][1]) if chunk else s
            cells.append((body, s, e))
        header: list[tuple[str, int, int]] = []
        rows: list[list[tuple[str, int, int]]] = []
        for c in cells:
            if not rows and not (header and _TT.match(c[0])):
                header.append(c)
                continue
            ncols = max(len(header), 2)
            if not rows or len(rows[-1]) >= ncols or (_TT.match(c[0]) and len(rows[-1]) >= 2):
                rows.append([c])
            else:
                rows[-1].append(c)
        yield [header] + rows


def _tables(ndoc: NormalizedDocument) -> Iterator[tuple[list[list[str]], list[tuple[int, int] | None], str | None]]:
    """Every table as (rows of cells, span of each row, section), from the best source available."""
    text = ndoc.text
    if ndoc.tables:
        for t in ndoc.tables:
            pos, spans = t.start, []
            line_spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[: t.end]) if m.start() >= t.start]
            if len(line_spans) == len(t.rows):  # one row per line, as normalize writes them
                yield t.rows, line_spans, t.section
                continue
            for row in t.rows:
                cs, pos2 = _cell_spans(text, row, pos, t.end)
                found = [s for s in cs if s]
                spans.append((found[0][0], found[-1][1]) if found else None)
                pos = pos2 if found else pos
            yield t.rows, spans, t.section
        return
    piped = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"^[^\n]*\S[ \t]\|[ \t]\S[^\n]*$", text, re.M)]
    if piped:
        block: list[tuple[int, int, str]] = []
        for item in piped + [(-1, -1, "")]:
            if block and (item[0] < 0 or text[block[-1][1]:item[0]].count("\n") > 2):
                yield [[c.strip() for c in l.split("|")] for _, _, l in block], [(a, b) for a, b, _ in block], None
                block = []
            if item[0] >= 0:
                block.append(item)
        return
    for rows in _raw_flat_tables(text):
        yield [[c for c, _, _ in r] for r in rows], [(r[0][1], r[-1][2]) for r in rows], None


def _columns(header: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        k = " ".join(h.lower().split())
        if "chủ trì" in k and "lead" not in cols:
            cols["lead"] = i
        elif "phối hợp" in k and "support" not in cols:
            cols["support"] = i
        elif re.search(r"thời gian|thời hạn|tiến độ", k) and "deadline" not in cols:
            cols["deadline"] = i
        elif re.search(r"nhiệm vụ|nội dung|công việc|giải pháp", k) and "task" not in cols:
            cols["task"] = i
        elif re.search(r"(?:cơ quan|đơn vị) (?:thực hiện|chịu trách nhiệm)|trách nhiệm", k) and "lead" not in cols:
            cols["lead"] = i
        elif re.fullmatch(r"s?tt|số tt|số thứ tự", k) and "tt" not in cols:
            cols["tt"] = i
    return cols


def _table_tasks(ndoc: NormalizedDocument) -> list[RawTask]:
    out: list[RawTask] = []
    for rows, spans, _section in _tables(ndoc):
        hdr = next((i for i, r in enumerate(rows[:3]) if {"task", "lead"} <= set(_columns(r))
                    or {"task", "deadline"} <= set(_columns(r)) and "support" in _columns(r)), None)
        if hdr is None:
            continue
        cols = _columns(rows[hdr])
        first = hdr + 1
        if first < len(rows):  # "Cơ quan thực hiện" split into "Chủ trì | Phối hợp" on a second header row
            sub = {k: v for k, v in _columns(rows[first]).items() if k in ("lead", "support")}
            if sub and not any(_TT.match(" ".join(c.split())) for c in rows[first][:1]):
                cols.update(sub)
                first += 1
        group = None
        for row, span in zip(rows[first:], spans[first:]):
            cell = lambda k: " ".join(row[cols[k]].split()) if k in cols and cols[k] < len(row) else ""  # noqa: E731
            tt, task = cell("tt"), cell("task")
            if not cell("tt") and "tt" not in cols and row:
                tt = " ".join(row[0].split()) if _TT.match(" ".join(row[0].split())) else ""
            owners = cell("lead") or cell("support") or cell("deadline")
            if not task or span is None:
                continue
            if not owners and (re.fullmatch(r"\d{1,2}\.?|[IVX]{1,5}|[A-Z]", tt) or not tt):
                group = task
                continue
            out.append(RawTask(task, span[0], span[1], cell("lead"), cell("support"), cell("deadline"),
                               "table" if cell("lead") else "", "table" if cell("support") else "", "table", group))
    return out


# ---------------------------------------------------------------- blocks and per-agency sections

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
        if _END_OF_BODY.match(plain) or _APPENDIX.match(plain):
            while len(stack) > 1:
                stack.pop()
            node = Node("NN" if _END_OF_BODY.match(plain) else "PL", 0, lstart, parent=root)
            node.pieces.append(Piece("title", lstart, lend, plain))
            stack.append(node)
            nodes.append(node)
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
            while len(stack) > 1 and stack[-1].depth >= depth:
                stack.pop()
            node = Node(n, depth, lstart, parent=stack[-1])
            rest = num.group("rest")
            node.pieces.append(Piece("title", lend - len(rest.rstrip()) if rest.strip() else lend, lend, rest.strip()))
            stack.append(node)
            nodes.append(node)
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


def _agency_heading(node: Node) -> Optional[str]:
    """The agency phrase a node's title names ("Công an tỉnh - Cơ quan thường trực…", "Tòa án …: task")."""
    t = node.title()
    if t is None or not t.text:
        return None
    head = t.text.split(":", 1)[0] if ":" in t.text else t.text
    head = _MARK.sub("", head).strip()
    head = re.sub(r"^(?:đối với|trách nhiệm của|nhiệm vụ của|nhiệm vụ giao)\s+", "", head, flags=re.I)
    if ":" in t.text:
        head = _DUTY.sub("", head).strip()
    return head if looks_like_agency(head) else None


def _block_tasks(ndoc: NormalizedDocument, skip: list[tuple[int, int]]) -> list[RawTask]:
    out: list[RawTask] = []
    for node in _parse_nodes(ndoc, skip):
        if _under(node, "NN"):
            continue
        heading = _agency_heading(node)
        node.heading_agencies = heading
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
                units[-1][1].append(p)
            elif not units or units[-1][1]:
                units.append(([p], []))
            else:
                units[-1][0].append(p)
        owner = heading
        anc = node.parent
        while owner is None and anc is not None:
            owner, anc = anc.heading_agencies, anc.parent
        in_duty = _in_duty_section(node)
        for content, labels in units:
            if labels and all(p.key == "other" for p in labels):
                labels = []
            if not labels:
                out += _unlabelled_tasks(node, content, owner, heading, in_duty)
                continue
            if len(content) > 1 and content[0].kind == "title" and len(content[0].text.split()) <= 15 \
                    and not content[0].text.endswith(_ENDS):
                content = content[1:]  # "2.1. Về pháp lý" is a heading, the paragraphs below are the task
            text = " ".join(p.text for p in content).strip()
            start = content[0].start if content else labels[0].start
            got = {k: " ".join(p.text for p in labels if p.key == k).strip() for k in ("lead", "support", "deadline", "when")}
            got["deadline"] = got["deadline"] or got["when"]
            if not (got["lead"] or got["support"] or owner or any(p.key == "deadline" for p in labels)):
                continue  # a bare "Thời gian:" line alone is a schedule, not a task
            rt = RawTask(text, min(start, labels[0].start), labels[-1].end, got["lead"], got["support"], got["deadline"],
                         "label" if got["lead"] else "", "label" if got["support"] else "")
            if not rt.lead and owner:
                rt.lead, rt.lead_from, rt.layout = owner, "heading", "agency-section"
            if not rt.support and rt.lead_from == "heading":
                m = _PHOI_HOP.search(_ELLIPSIS.sub(" ", text))
                if m:
                    rt.support, rt.support_from = m.group("who"), "text"
            out.append(rt)
    return out


def _under(node: Node, number: str) -> bool:
    n: Optional[Node] = node
    while n is not None:
        if n.number == number and n.depth == 0:
            return True
        n = n.parent
    return False


def _in_duty_section(node: Node) -> bool:
    n: Optional[Node] = node
    while n is not None:
        t = n.title()
        if t is not None and n.depth in (0, 1) and _DUTY_SECTION.search(t.text) and len(t.text.split()) <= 12:
            return True
        n = n.parent
    return False


def _unlabelled_tasks(node: Node, content: list[Piece], owner: Optional[str], heading: Optional[str],
                      in_duty: bool) -> list[RawTask]:
    """Tasks without owner/deadline lines: items under an agency heading, and duty sentences."""
    out: list[RawTask] = []
    if not content:
        return out
    if heading and (in_duty or node.depth == 6) and content and content[0].kind == "body":
        # "a) Sở Y tế: chỉ đạo …" / "2. Sở Nội vụ: theo dõi …" (no owner lines): the heading agency's duty
        text = " ".join(p.text for p in content)
        rt = RawTask(text, content[0].start, content[-1].end, heading, "", _deadline_in(text), lead_from="heading",
                     layout="agency-section")
        m = _PHOI_HOP.search(_ELLIPSIS.sub(" ", text))
        if m:
            rt.support, rt.support_from = m.group("who"), "text"
        return [rt]
    if owner and not heading and (node.depth == 6 or in_duty):
        for p in content:  # "1. Sở X chịu trách nhiệm: a) … b) …": each item is a task of the heading agency
            if p.kind == "title" and len(content) > 1 and not p.text.endswith(_ENDS):
                continue
            rt = RawTask(p.text, p.start, p.end, owner, "", _deadline_in(p.text), lead_from="heading",
                         layout="agency-section")
            m = _PHOI_HOP.search(_ELLIPSIS.sub(" ", p.text))
            if m:
                rt.support, rt.support_from = m.group("who"), "text"
            out.append(rt)
        return out
    for p in content:
        if p.kind == "title" and heading:
            continue
        pos = 0
        for sent in _SENTENCE.split(p.text):
            start = p.start + p.text.find(sent, pos) if p.text.find(sent, pos) >= 0 else p.start
            pos = max(pos, start - p.start + len(sent))
            rt = _assignment(sent, start, in_duty)
            if rt:
                out.append(rt)
    return out


def _deadline_in(sentence: str) -> str:
    m = _DL_IN.search(sentence)
    return m.group(0) if m else ""


def _assignment(sentence: str, start: int, in_duty: bool) -> Optional[RawTask]:
    """ "Giao Sở X chủ trì, phối hợp với Y làm Z" → lead X, support Y, task "Z" (None if not a duty sentence)."""
    m = _LEAD_IN.match(sentence)
    rest = sentence[m.end():] if m else sentence
    actor = cut_purpose(rest)
    if actor == rest or not actor or not looks_like_agency(actor):
        dl = _DL_IN.search(sentence)
        if dl and _REPORTING.search(sentence) and re.match(r"(?:trước|chậm nhất|định kỳ)", dl.group(0), re.I):
            # a dated reporting duty without a named actor ("Định kỳ hằng tháng … báo cáo kết quả về …")
            return RawTask(sentence.strip(), start, start + len(sentence.rstrip()), deadline=dl.group(0), layout="assignment")
        return None
    after = rest[len(actor):].strip(" ,")
    if not (in_duty or (m and m.group("giao")) or _ASSIGN_VERB.match(after)):
        return None
    if re.match(r"(?:yêu cầu|đề nghị)\b", after, re.I):
        return None  # the issuer asking everyone: a general directive
    deadline = _deadline_in(sentence)
    if _GENERAL_ACTOR.match(actor) and not deadline:
        return None  # a general directive to everyone, not a task
    text = re.sub(r"^(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)\s+", "", after, flags=re.I)
    rt = RawTask(text[:1].upper() + text[1:], start, start + len(sentence.rstrip()), actor, "", deadline,
                 lead_from="text", layout="assignment")
    ph = _PHOI_HOP.search(_ELLIPSIS.sub(" ", after))
    if ph:
        rt.support, rt.support_from = ph.group("who"), "text"
    return rt


# ---------------------------------------------------------------- assembly

def _raw_tasks(ndoc: NormalizedDocument) -> list[RawTask]:
    table_tasks = _table_tasks(ndoc)
    skip = []
    for rows, spans, _ in _tables(ndoc):
        found = [s for s in spans if s]
        if found:
            skip.append((found[0][0], found[-1][1] + 1))
    tasks = table_tasks + _block_tasks(ndoc, skip)
    tasks.sort(key=lambda r: r.start)
    return tasks


def owner_phrases(ndoc: NormalizedDocument) -> list[str]:
    """Every owner phrase of a plan as written (lead/support labels, table cells, agency headings)."""
    out = []
    for rt in _raw_tasks(ndoc):
        out += [p for p in (rt.lead, rt.support if rt.support_from != "text" else "") if p]
    return out


def _support_from_text(phrase: str) -> list[str]:
    keep = []
    for m in parse_agencies(phrase):
        if not m.known and m.kind != "group":
            m = known_prefix(m.written) or m  # the purpose clause began with a verb we do not list
        if (m.known or m.kind == "group" or _HEAD_RE.match(m.name)) and m.name not in keep:
            keep.append(m.name)
    return keep


def extract_tasks(ndoc: NormalizedDocument) -> list[Task]:
    year = plan_year(ndoc)
    tasks: list[Task] = []
    for rt in _raw_tasks(ndoc):
        warnings: list[str] = []
        lead_m = parse_agencies(rt.lead) if rt.lead else []
        lead = [m.name for m in lead_m]
        support = _support_from_text(rt.support) if rt.support_from == "text" else canonical_agencies(rt.support)
        deadline, dw = parse_deadline(rt.deadline, year) if rt.deadline else (None, [])
        warnings += dw
        conf = 0.45
        conf += 0.2 if lead else 0.0
        conf += 0.1 if (rt.support or rt.layout != "table") else 0.0
        if deadline is not None and (deadline.end or deadline.start or deadline.kind in ("recurring", "conditional", "reference")):
            conf += 0.15
        elif deadline is not None:
            conf += 0.05
        conf += 0.1 if len(rt.text) >= 15 else 0.0
        if lead_m and not all(m.known or m.kind == "group" for m in lead_m):
            conf -= 0.1  # an agency not in the gazetteer: kept as written
        if not lead:
            warnings.append("no lead agency stated")
        if not rt.text:
            warnings.append("task text is empty")
        if deadline is None and rt.layout != "table":
            warnings.append("no deadline stated")
        ev = evidence_for(ndoc, rt.start, rt.end, widen=False)
        text = re.sub(r"^[-+•–]\s+", "", rt.text).strip()
        text = text[:1].upper() + text[1:]
        extra = {"layout": rt.layout}
        if rt.group:
            extra["group"] = rt.group
        tasks.append(Task(id=f"k{len(tasks) + 1}", text=text or ev.text, lead=lead, support=support,
                          deadline=deadline, evidence=ev, confidence=round(max(0.1, min(conf, 0.95)), 2),
                          warnings=list(dict.fromkeys(warnings)), **extra))
    return tasks
