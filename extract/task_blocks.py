"""Task blocks and per-agency sections: the line parser of the task readers.

1. Blocks: a numbered task followed by owner/deadline lines ("- Cơ quan chủ trì: …",
   "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: …", also "Đơn vị chủ trì", "Chủ trì:",
   "Phối hợp:", "Thời hạn:", "Tiến độ:"), or with them inline in parentheses.
2. Per-agency sections: a heading that names an agency ("1. Công an tỉnh") and, under
   it, numbered or dashed tasks each with its deadline line; the heading is the lead,
   agencies after "phối hợp với" in the task sentence are the support.
3. Items without owner lines: under an agency heading they are that agency's duties;
   elsewhere their sentences are read as duty sentences (``extract.task_items``, with
   ``extract.task_sentences``).

The text is parsed into a tree of numbered nodes by ``extract.task_nodes``; who a heading
names as owner is ``extract.task_owners``'.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from extract.agencies import looks_like_agency
from extract.document import doc_type_of
from extract.numbers import fold
from extract.raw_task import RawTask
from extract.regulated_body import BARE_DUTY_TITLE, delegates_powers, regulated_body
from extract.task_items import CONTENTS_INTRO, notice_addressee, unlabelled_tasks
from extract.task_nodes import (DEPTH_ARTICLE, ENDS, MARK, Node, Piece, article_of, in_duty_section, in_rule_article,
                               parse_nodes, under, under_duty_part)
from extract.task_owners import (RULES_FOR, agency_heading, collective_heading, intro_owner, lists_rights,
                                 mark_topic_lists, place_names)
from extract.task_parts import part_tasks
from extract.task_schedule import is_schedule_heading, period_of, schedule_tasks
from extract.task_sentences import TASK_NOUNS, assignment, deadline_in
from normalize.model import NormalizedDocument
from vnplan.lang import phrases

_ADDRESSED_TYPES = ("Chỉ thị", "Công điện", "Công văn")
_RIGHTS_OF = re.compile(r"^\W*(?:các\s+)?quyền(?:\s+lợi)?\s+(?:của|được)\b", re.I)


def _lists_rights(title: str) -> bool:
    """"1. Quyền của thương nhân …", "1. Đơn vị thoát nước có các quyền sau:": what follows is rights, not duties."""
    return bool(_RIGHTS_OF.match(title) or lists_rights(title))
# one owner label naming both: "X chủ trì; Y phối hợp", "X chủ trì, phối hợp với Y"
_LEAD_THEN_SUPPORT = re.compile(
    r"^(?P<lead>.+?)\s+chủ trì\s*(?:[,;]\s*(?:phối hợp(?:\s+với)?\s+(?P<a>.+?)|(?P<b>.+?)\s+phối hợp)|)\s*\.?$", re.I)


_DUTY_WORDS = re.compile(r"trách nhiệm|nhiệm vụ|nghĩa vụ|chủ trì|phối hợp", re.I)
_ASKS = re.compile(r"^\W*(?:đề nghị|giao|yêu cầu)\s", re.I)  # "Điều 12. Đề nghị Ủy ban Mặt trận …" asks a body


def _bare_name_article(n: Node) -> bool:
    """"Điều 7. Ban Kiểm soát Quỹ": an article titled by a body's name alone, outside a part that
    assigns work; where one of its clauses says it lists duties, it describes the body (members,
    term, duties, powers), and only the clauses that say so are the body's tasks. An article with no
    title ("Điều 2." / "Giao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:") names no one."""
    t = n.title()
    return n.depth == DEPTH_ARTICLE and n.heading_agencies is not None and t is not None and bool(t.text.strip()) \
        and not _DUTY_WORDS.search(t.text) and not _ASKS.match(t.text) and not under_duty_part(n) \
        and not RULES_FOR.match(MARK.sub("", t.text).strip())  # "Quy định đối với cán bộ …": all its clauses are theirs


def _receives_powers(node: Node, named: dict[int, Optional[str]]) -> bool:
    """In a decision that hands powers down, is ``node`` (or the article it stands in) titled by the body that
    receives them and by nothing else ("Điều 2. Sở Giáo dục và Đào tạo")?"""
    article = article_of(node)
    t = article.title() if article is not None else None
    return t is not None and named.get(id(article)) is not None and not _DUTY_WORDS.search(t.text) \
        and looks_like_agency(MARK.sub("", t.text).strip(" .:"))


# a heading under a body's own part that names what a rule sets for it ("a) Mức kinh phí:", "b) Nội dung chi:",
# "c) Trình tự thực hiện"): vnplan/lang/vi/section_kinds.tsv, the rows whose ``duties`` is ``none``
_RULE_HEADING = re.compile(rf"^\W*(?:{'|'.join(phrases('section_kinds', duties='none'))})\b"  # phrases are regexes
                           r"(?!\s+(?:bao dam|dam bao))")  # "b) Điều kiện bảo đảm:" lists what the body is to secure


def _rule_heading(node: Node) -> bool:
    """A short heading that names what a rule sets, or a "label: text" item whose whole label does ("a. Nội
    dung cắt giảm, đơn giản hóa: Giảm 02 ngày so với quy định."; not "1. Điều kiện cơ sở vật chất: Sở Giáo
    dục và Đào tạo chủ trì …", whose label only begins with one)."""
    t = node.title()
    if t is None:
        return False
    text = fold(MARK.sub("", t.text))
    if len(text.split()) <= 8 and _RULE_HEADING.match(text):
        return True
    label = text.split(":", 1)[0] if ":" in text else ""
    m = _RULE_HEADING.match(label) if label and len(label.split()) <= 8 else None
    return bool(m) and not label[m.end():].strip(" .,;")


# a heading that names an administrative procedure by what it does ("2. Thủ tục điều chỉnh chương trình phát
# triển nhà ở cấp tỉnh", "1. Tên thủ tục hành chính: Cấp giấy phép …"): what follows describes the procedure
# (its steps, the bodies that handle them, its time limits), which sets no one a task; a plan's part on
# procedures in general ("2. Thủ tục hành chính được cắt giảm …") is not one
_PROCEDURE_TITLE = re.compile(r"^\W*(?:tên\s+thủ tục(?:\s+hành chính)?\s*:|thủ tục\s+(?:cấp|điều chỉnh|thẩm định|công bố|"
                              r"đăng ký|phê duyệt|giải quyết|công nhận|xác nhận|thu hồi|gia hạn|chấp thuận|cho phép|"
                              r"thành lập|giải thể|tiếp nhận|đề nghị|xét|lập|sửa đổi|hỗ trợ|xây dựng|chuyển đổi|"
                              r"bổ nhiệm|miễn nhiệm|kiểm tra|đánh giá|quyết toán|thanh toán|báo cáo|thông báo|"
                              r"cho thuê|mua|bán|đổi|hủy|chấm dứt|tạm ngừng)\b)", re.I)


def _procedure_title(node: Node) -> bool:
    t = node.title()
    return t is not None and bool(_PROCEDURE_TITLE.match(MARK.sub("", t.text)))


def _titles_between(node: Node, anc: Node) -> str:
    """The titles of ``node`` and of its ancestors below ``anc``, joined."""
    out, n = [], node
    while n is not None and n is not anc:
        t = n.title()
        out.append(t.text if t is not None else "")
        n = n.parent
    return " ".join(out)


def block_tasks(ndoc: NormalizedDocument, skip: list[tuple[int, int]]) -> list[RawTask]:
    nodes = parse_nodes(ndoc, skip)
    parents = {id(n.parent) for n in nodes if n.parent is not None}
    for n in nodes:
        n.has_children = id(n) in parents  # (a role titling a clause owns the points below it)
    named = {id(n): agency_heading(n) for n in nodes}  # read once: the topic lists and the loop below use it
    subject = regulated_body(ndoc.text)
    if subject:  # "Điều 2. Nhiệm vụ và quyền hạn" of a decision on the functions of <subject>
        for n in nodes:
            t = n.title()
            if n.depth == DEPTH_ARTICLE and named[id(n)] is None and t is not None \
                    and BARE_DUTY_TITLE.match(fold(MARK.sub("", t.text))):
                named[id(n)] = subject
    mark_topic_lists(nodes, named)
    doc_type = doc_type_of(ndoc)
    if doc_type == "Thông báo":  # a conclusion notice: its part of tasks ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP …")
        # assigns work: to the body its closing line sends it to, else to the bodies its items name
        addressee = notice_addressee(ndoc.text)
        task_parts = {id(n) for n in nodes if n.depth in (0, 1) and not n.number.startswith("Điều")
                      and named[id(n)] is None and n.title() is not None and TASK_NOUNS.search(n.title().text)}
        for n in nodes:
            if id(n) in task_parts and addressee:
                named[id(n)] = addressee
            if n.parent is not None and id(n.parent) in task_parts:
                n.addressed = True  # its items are duties
    if doc_type in _ADDRESSED_TYPES:  # a directive's numbered items each tell a body what to do
        for n in nodes:
            n.addressed = n.depth >= 1 and not under(n, "NN") and not under(n, "PL")
    # "1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban nhân dân các tỉnh, thành phố:" / "a) …": a paragraph that
    # closes a node with a colon names the owner of the items under it, which are its duties
    intros = {id(n): intro_owner(MARK.sub("", n.pieces[-1].text).strip().rstrip(":").strip())
              for n in nodes if named[id(n)] is None and n.pieces and n.pieces[-1].kind == "body"
              and n.pieces[-1].text.rstrip().endswith(":")}
    for n in nodes:
        if n.parent is not None and intros.get(id(n.parent)):
            n.addressed = True
    # articles that say which of their clauses are duties ("2. Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:")
    separating = {id(n.parent) for n in nodes if n.parent is not None and n.title() is not None
                  and _DUTY_WORDS.search(n.title().text)}
    out, consumed = part_tasks(nodes)  # "a) Nhiệm vụ … b) Cơ quan thực hiện … c) Thời gian …"
    delegating = delegates_powers(ndoc.text)
    for node in nodes:
        if under(node, "NN") or id(node) in consumed:
            continue
        if delegating and _receives_powers(node, named):
            continue  # "Điều 2. Sở Giáo dục và Đào tạo" / "1. Quyết định việc nâng bậc lương …": powers handed down
        heading = named[id(node)] or collective_heading(node)
        node.heading_agencies = heading or intros.get(id(node))
        pieces = list(node.pieces)
        if heading and pieces and pieces[0].kind == "title":
            t = pieces[0]
            inline = t.text.split(":", 1)[1].strip() if ":" in t.text and not place_names(t.text) else ""
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
        if owner is None and (_rule_heading(node) or _procedure_title(node)):
            continue  # "c) Trình tự thực hiện" / "Căn cứ dự toán …, cơ quan … lập hồ sơ …": a procedure, not a duty
        while owner is None and anc is not None:
            t = anc.title()
            if anc.heading_agencies is None and t is not None and (CONTENTS_INTRO.search(t.text) or _lists_rights(t.text)):
                break  # "1. Hội đồng … bao gồm:" over "a) Các Hội đồng thẩm định …": members or contents, no duties;
                # over what a body may do: rights, no duties
            if anc.heading_agencies is None and (_rule_heading(anc) or _procedure_title(anc)):
                break  # "1. Cơ quan … / a) Mức kinh phí: / - Kinh phí … 1.446.000 đồng/ha/năm": what a rule sets for it
            if id(anc) in separating and _bare_name_article(anc) and not _DUTY_WORDS.search(_titles_between(node, anc)):
                break  # "Điều 7. Ban Kiểm soát Quỹ" / "2. Nhiệm kỳ … là 05 năm": the body described, not its duties
            owner, anc = anc.heading_agencies, anc.parent
        if in_rule_article(node):
            continue  # "Điều 3. Cơ cấu tổ chức", "Điều 1. Phạm vi điều chỉnh": rules, not duties
        up = node.parent.title() if node.parent is not None else None
        if up is not None and node.parent.heading_agencies is None and _lists_rights(up.text):
            continue  # "1. Tổ giúp việc có quyền hạn sau:" / "a) Đề nghị cơ quan liên quan …": what it may do
        in_duty = in_duty_section(node)
        schedule = _schedule_context(node)
        owners_follow = False  # "- Cơ quan thực hiện:" left empty, its bodies on the "+" lines below it
        for content, labels in units:
            follows_owners, owners_follow = owners_follow, \
                bool(labels) and labels[-1].key in ("lead", "support") and not re.search(r"\w", labels[-1].text)
            # a form's blank field ("Cơ quan phối hợp giải quyết hồ sơ: ……", "Thời gian thực hiện:") names no one
            labels = [p for p in labels if p.key == "other" or re.search(r"\w", p.text)]
            if labels and all(p.key == "other" for p in labels):
                labels = []
            if not labels:
                if schedule is not None and not heading:  # "Tiến độ thực hiện": each dated statement is a task
                    found, content = schedule_tasks(content, schedule)
                    out += found
                # "+ Sở Xây dựng đăng tải thông điệp …" under an empty "Cơ quan thực hiện:": each body line a duty
                out += unlabelled_tasks(node, content, owner, heading, in_duty or follows_owners)
                continue
            if len(content) > 1 and content[0].kind == "title" and len(content[0].text.split()) <= 15 \
                    and not content[0].text.endswith(ENDS):
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
            items = _content_items(content)
            if items:  # "- Nội dung:" / "+ Tổng kết …" / "+ Tập huấn …" / "- Cơ quan thực hiện: …": one task per item
                out += [replace(rt, text=p.text.lstrip("-–•+ "), start=p.start, end=p.end,
                                deadline=rt.deadline or deadline_in(p.text)) for p in items]
                continue
            out.append(rt)
    return out


def _content_items(content: list[Piece]) -> list[Piece]:
    """The sub-items of a block's "Nội dung:" line, when it lists two or more of them (else [])."""
    if len(content) < 3 or not content[0].text.rstrip().endswith(":") or CONTENTS_INTRO.search(content[0].text):
        return []
    return content[1:] if all(p.kind == "dash" for p in content[1:]) else []


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


# the words that close an opening before its items ("… ngoài trời. Cụ thể:", "…, cụ thể như sau:")
