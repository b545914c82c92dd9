"""Items without owner or deadline lines: under an agency heading, that agency's duties; elsewhere, read
sentence by sentence as duty sentences (``extract.task_sentences``). Part 3 of the task block reader
(:mod:`extract.task_blocks`), with what it needs to tell a duty from a case, a closing paragraph or a list of
contents.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.agencies import _VERB_START, looks_like_agency, split_agencies
from extract.deadlines import deadline_only
from extract.raw_task import RawTask
from extract.task_nodes import DEPTH_ARTICLE, ENDS, Node, Piece
from extract.task_owners import ASKS, intro_owner, specific_agency
from extract.task_schedule import TRAILING_PERIOD, schedule_tasks
from extract.task_sentences import (BARE_KIND, ENUM_MARK, LIST_INTRO, OPINION_OPENER, SENTENCE, SUMMARY, assignment,
                                    deadline_in, enumerated_items, inline_items)
from normalize.text import is_upper_line

# a notice's part that lists what the addressee is to do: "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"
# "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các cơ quan liên quan biết, thực hiện"
_NOTICE_TO = re.compile(r"thông báo (?:để|đến|cho) (?P<who>[^.;:]{3,120}?)(?:,? và (?:các|những) [^.;:]{0,80}?)?,? "
                        r"(?:được )?biết,? (?:và )?(?:thực hiện|triển khai)", re.I)


def notice_addressee(text: str) -> Optional[str]:
    """The body a notice is sent to act on it, from its closing sentence, if it is one body."""
    m = None
    for m in _NOTICE_TO.finditer(text):
        pass  # the last one: the closing sentence
    who = m.group("who").strip() if m else ""
    if BARE_KIND.match(re.sub(r"^(?:các|những)\s+", "", who)):
        return None  # "thông báo để các cơ quan biết, thực hiện": everyone concerned, no one body
    return who if who and looks_like_agency(who) and len(split_agencies(who)) == 1 else None
_GROUP_OWNER = re.compile(r"^các\s", re.I)  # "Trách nhiệm của các cơ quan, đơn vị": everyone, not one agency
_DUTY_TITLE = re.compile(r"^\W*(?:trách nhiệm|nhiệm vụ|quyền hạn)(?:\s+\S+){0,14}\s*:?\s*$", re.I)
CONTENTS_INTRO = re.compile(r"\s(?:gồm|bao gồm)\s*:\s*$", re.I)
# the paragraphs that close a document after its last section: "Trên đây là Kế hoạch …", "Trong quá trình
# thực hiện, nếu có khó khăn, vướng mắc …", "Yêu cầu các sở, ngành … nghiêm túc triển khai", "Văn phòng Chính
# phủ trân trọng thông báo./." — no part of the last body's duty they follow
_CLOSES_DOCUMENT = re.compile(
    r"^\W*(?:trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai)[^.;]{0,80}?,?\s*"
    r"(?:nếu|trường\s+hợp)\s+có\s+(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh)"
    r"|(?:yêu\s+cầu|đề\s+nghị)\s+(?:thủ\s+trưởng\s+)?các\s[^.]{0,160}?\bnghiêm\s+túc\b"
    r"|[^.;]{0,60}?(?:trân\s+trọng|xin)\s+thông\s+báo\W*$)", re.I)


def _closes_document(text: str) -> bool:
    return bool(SUMMARY.match(text) or _CLOSES_DOCUMENT.match(text) or _NOTICE_TO.search(text))


_GIAO = re.compile(r"^\W*giao\s+\S", re.I)
# a paragraph or sentence that only adds a case to the duty before it ("Trường hợp quá thời hạn …, UBND cấp xã
# phải …"): part of that duty, not one of its own (a numbered clause that opens so is still a task)
_CASE_OPEN = re.compile(r"^\W*(?:trong\s+)?trường\s+hợp\b", re.I)
_AUDIENCE = re.compile(r"^\W*(?:đối với|về)\s", re.I)
def _item_task(p: Piece, owner: str, in_duty: bool, intro: str) -> RawTask:
    """One item under an owner: the owner's duty, supported by those the item or its intro names.
    Under "các cơ quan, đơn vị" (or several owners), an item naming its agency is that agency's; so is,
    under any owner, an item that assigns itself ("Giao Thanh tra thành phố tổ chức thanh tra …")."""
    words = p.text.lstrip("-–•+ ")
    if _GROUP_OWNER.match(owner) or _GIAO.match(words) or len(split_agencies(owner)) > 1:
        own = assignment(words, p.start, in_duty)
        if own is not None and own.lead:
            return own
    return RawTask(words if p.kind == "dash" else p.text, p.start, p.end, owner, "", deadline_in(p.text),
                   lead_from="heading", layout="agency-section").support_from_words(p.text, intro)


_THEN = re.compile(r"[.,;]?\s*(?:cụ thể(?:\s+như\s+sau)?|như\s+sau)\s*$", re.I)


def unlabelled_tasks(node: Node, content: list[Piece], owner: Optional[str], heading: Optional[str],
                      in_duty: bool) -> list[RawTask]:
    """Tasks without owner/deadline lines: items under an agency heading, and duty sentences."""
    out: list[RawTask] = []
    # an upper-case line ("C. TỔ CHỨC THỰC HIỆN") is the title of what comes next, never a duty, nor is a
    # clause that only names whose or which duties follow ("1. Trách nhiệm trong việc quản lý …")
    content = [p for p in content if not (is_upper_line(p.text) and len(p.text.split()) <= 12)
               and not (p.kind == "title" and _DUTY_TITLE.match(p.text) and not p.text.rstrip().endswith(ENDS[:2]))]
    if not content:
        return out
    # an item titled by an agency's name assigns it what follows, in a duty section or not
    # (a directive's "2. Sở Nông nghiệp và Môi trường" + dashes has no "Tổ chức thực hiện" above it);
    # "Đối với các sở, ban, ngành" titles an audience (criteria, awards), not an assignment
    audience = heading is not None and bool(_AUDIENCE.match(node.title().text))
    named = heading is not None and not audience and specific_agency(heading) and not node.topic_list
    # "c) Đối với các cơ quan …" under criteria is no assignment, nor "i) Doanh nghiệp số" in a list of topics
    lettered = node.depth == 6 and not audience and not (heading and node.topic_list and not in_duty)
    if heading and (in_duty or lettered or named) and content and content[0].kind == "body":
        # "a) Sở Y tế: chỉ đạo …" / "2. Sở Nội vụ: theo dõi …" (no owner lines): the heading agency's duty
        # the document's closing paragraphs after the last body's duty, or a case for difficulties between its duties
        content = [p for k, p in enumerate(content) if not (k and _closes_document(p.text))]
        rest = content[1:]
        text = " ".join(p.text for p in content)
        if text.rstrip().endswith(":") and node.depth == DEPTH_ARTICLE:
            return out  # "Trách nhiệm của … được thực hiện theo … và các quy định sau:" opens the clauses
        lead_in = content[0].text.rstrip()
        if rest and lead_in.endswith(":") and all(p.kind == "dash" for p in rest) and not CONTENTS_INTRO.search(lead_in):
            # "4. Sở Khoa học và Công nghệ" / "Chủ trì, phối hợp với các sở, ngành …:" / "- Triển khai …" / "- Hỗ trợ …":
            # each dash is one duty of the heading's body, supported by those its opening line names
            return [_item_task(p, heading, in_duty, lead_in) for p in rest]
        parts = enumerated_items(content[0].text) if not rest else []
        if parts:  # "a) Bộ Công an: (1) Tiếp tục đầu tư …; (2) Tham mưu ban hành …": one duty each
            return [RawTask(part, content[0].start + off, content[0].start + off + len(part), heading, "",
                            deadline_in(part), lead_from="heading", layout="agency-section").support_from_words(part)
                    for off, part in parts]
        return [RawTask(text, content[0].start, content[-1].end, heading, "", deadline_in(text), lead_from="heading",
                        layout="agency-section").support_from_words(text, heading)]
    if owner and (not heading or content[0].kind == "dash") and (lettered or in_duty or named):
        # "1. Sở X chịu trách nhiệm: a) … b) …", "a) Sở Nội vụ: - … - …": each item is a task of the heading agency
        listing = False
        for p in content:
            if p.kind == "title" and (len(content) > 1 or node.has_children) and not p.text.endswith(ENDS):
                continue  # "2.3. Về hành chính tư pháp" over its points: a heading, the points are the tasks
            if p.kind != "dash":  # "… gửi kèm bộ Cẩm nang gồm:" and its dashes list contents, not duties
                listing = bool(CONTENTS_INTRO.search(p.text))
            if listing or (p.kind == "body" and out and _CASE_OPEN.match(p.text)):
                continue
            out.append(_item_task(p, owner, in_duty, owner))
        return out
    intro: Optional[RawTask] = None  # "…, các cơ quan, đơn vị, địa phương thực hiện các hoạt động sau:"
    opened = False  # a piece ended "… có ý kiến như sau:" (a letter passing on a leader's instructions)
    for i, p in enumerate(content):
        instructed, opened = opened, opened or bool(OPINION_OPENER.search(p.text))
        if p.kind == "title" and heading:
            continue
        if p.kind == "dash" and intro is not None:
            out.append(RawTask(p.text.lstrip("-–•+ "), p.start, p.end, intro.lead, "", deadline_in(p.text),
                               lead_from="text", layout="assignment").support_from_words(p.text))
            continue
        intro = None
        if p.kind == "body" and p.text.rstrip().endswith(":") and i + 1 < len(content) and content[i + 1].kind == "dash":
            # "…, Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị … thực hiện nghiêm túc …. Cụ thể:":
            # the bodies the opening asks own the dashes under it
            who = intro_owner(_THEN.sub("", p.text.rstrip().rstrip(":")))
            if who and ASKS.search(p.text):
                intro = RawTask(p.text, p.start, p.end, who, "", None, lead_from="text", layout="assignment")
                continue
        pos = 0
        parts = enumerated_items(p.text)
        item = ENUM_MARK.match(p.text) if p.kind == "body" and not parts else None
        if item:  # "(1) Bộ Y tế chỉ đạo …" / "- Chủ trì, phối hợp …": a numbered item and the dashes under it
            rt = assignment(p.text[item.end():], p.start + item.end(), in_duty, item_start=True)
            if rt:
                out.append(rt)
                intro = rt
                continue
        # "… đề nghị: (i) X …. Đồng thời … (ii) Y …": items run over sentences; "3. Khẩn trương …: (1) Thanh tra
        # Chính phủ ban hành …; (2) Bộ Công an chủ trì …" under a part the document assigns
        whole = inline_items(p.text) or (parts if in_duty or ENUM_MARK.match(p.text) else [])
        if whole:
            for off, part in whole:
                rt = assignment(part, p.start + off, True)
                if rt:
                    out.append(rt)
            continue
        for k, sent in enumerate(SENTENCE.split(p.text)):
            start = p.start + p.text.find(sent, pos) if p.text.find(sent, pos) >= 0 else p.start
            pos = max(pos, start - p.start + len(sent))
            if k > 0 and out and out[-1].start >= p.start and not out[-1].deadline and deadline_only(sent):
                out[-1].deadline, out[-1].end = sent.strip(" .;"), start + len(sent.rstrip())
                continue  # "… quy trình điện tử. Hoàn thành trước ngày 30/11/2025.": the duty's deadline
            parts = inline_items(sent)
            if parts:  # "…, đề nghị: (i) UBND Thành phố chỉ đạo …; (ii) Bộ Công Thương …": one duty each
                for off, part in parts:
                    rt = assignment(part, start + off, True)
                    if rt:
                        out.append(rt)
                continue
            if k > 0 and out and _CASE_OPEN.match(sent):
                continue
            item_start = k == 0 and p.kind == "title" and node.depth in (1, 2, 6)  # "c) Bộ Quốc phòng …"
            opens = bool(LIST_INTRO.search(sent))
            rt = assignment(sent, start, True if opens or instructed else in_duty, item_start, opens_list=opens,
                            instructed=instructed)
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
