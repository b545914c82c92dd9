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
The readers live beside this module (``task_blocks``: blocks and per-agency sections;
``task_tables``: task tables; ``task_sentences``: duty sentences); each returns RawTasks
(``raw_task``), and this module resolves their agencies against the gazetteer, reads
their deadlines and builds the schema Tasks.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.blank_forms import blank_form_spans
from extract.agencies import (HEADS, _HEAD_RE, _NOT_HEAD, acronym_body, canonical_agencies, cut_purpose, known_prefix,
                              looks_like_agency, parse_agencies)
from extract.numbers import fold
from extract.deadlines import deadline_only, parse_deadline
from extract.evidence import evidence_for
from extract.document import central_issuer
from extract.raw_task import RawTask
from extract.task_blocks import block_tasks
from extract.task_sentences import CLOSING_END, CLOSING_FORMULA, DUTY_MARK, ROLE_RE, SUMMARY
from extract.task_tables import table_tasks, tables
from normalize.model import NormalizedDocument
from vnplan.lang import vocabulary
from vnplan.schema import Task


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


# ---------------------------------------------------------------- assembly

def _raw_tasks(ndoc: NormalizedDocument) -> list[RawTask]:
    forms = blank_form_spans(ndoc)  # a model decision an annex prints: its duties are no one's yet
    from_tables = [t for t in table_tasks(ndoc) if not any(a <= t.start < b for a, b in forms)]
    skip = list(forms)
    for rows, spans, _ in tables(ndoc):
        found = [s for s in spans if s]
        if found:
            skip.append((found[0][0], found[-1][1] + 1))
    tasks = from_tables + block_tasks(ndoc, skip)
    tasks.sort(key=lambda r: r.start)
    return tasks


def owner_phrases(ndoc: NormalizedDocument) -> list[str]:
    """Every owner phrase of a plan as written (lead/support labels, table cells, agency headings)."""
    out = []
    for rt in _raw_tasks(ndoc):
        out += [p for p in (rt.lead, rt.support if rt.support_from != "text" else "") if p]
    return out


def _support_from_text(phrase: str, city: bool = False, central: bool = False) -> list[str]:
    keep = []
    for m in parse_agencies(phrase, city, central):
        if not m.known and m.kind != "group":
            m = known_prefix(m.written) or m  # the purpose clause began with a verb we do not list
        if (m.known or m.kind == "group" or _HEAD_RE.match(m.name)) and m.name not in keep:
            keep.append(m.name)
    return keep


_CITY_LINE = re.compile(r"^\W*(?:(?:uy ban nhan dan|ubnd)\s+)?thanh pho\s+(?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)\b")
_BODY_LINE = re.compile(r"^\W*(?:uy ban nhan dan|ubnd)\b")


def central_city(ndoc: NormalizedDocument) -> bool:
    """Whether a centrally-run city issues the plan ("ỦY BAN NHÂN DÂN / THÀNH PHỐ HẢI PHÒNG"):
    its "Công an thành phố" is the provincial-level body a province calls "Công an tỉnh"."""
    head = [fold(ln) for ln in ndoc.text[:1500].split("\n")[:8]]  # the columns of the header may interleave
    return any(_CITY_LINE.match(f) for f in head) and any(_BODY_LINE.match(f) for f in head)


# an award quota read as a duty ("Ban Chỉ đạo …: Không quá 05 cá nhân;"), or a line that only
# introduces what follows ("Ban bầu cử đại biểu Quốc hội:") is no task
_QUOTA = re.compile(r"^(?:[^:]{0,120}:\s*)?(?:không quá|tối đa|mỗi \w+ (?:xét )?chọn|chọn)?\s*\d{1,3}\s+"
                    r"(?:tập thể|cá nhân|trường hợp)\b", re.I)
# "… Sở Tài chính mỗi đơn vị đề nghị không quá 01 tập thể, 03 cá nhân": how many each may propose for an
# award (an award quota, read by extract/awards.py), not a duty
_PROPOSAL_QUOTA = re.compile(r"\bđề nghị (?:khen thưởng )?(?:không quá|tối đa) \d{1,3} (?:tập thể|cá nhân)\b", re.I)
# "- Đối với Ban Tổ chức Tỉnh ủy;": the addressee of such a quota, cut off at its semicolon
_AUDIENCE_ONLY = re.compile(r"^đối với\s+(?P<who>.+)$", re.I)



# the document's last sentence asking everyone to act ("Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.")
_LAST_REQUEST = re.compile(r"^\W*(?:đề nghị|yêu cầu)\s+(?:thủ trưởng\s+)?các\s[^.]{0,160}\./\.\W*$", re.I)


_BODY_HEAD = re.compile(rf"\b(?:{HEADS})\s", re.I)  # "Tập đoàn Điện lực Việt Nam" before "(EVN)"
_SCALES = "|".join(re.escape(r["phrase"]) for r in vocabulary("unit_scales"))  # "Mức 1,5 triệu đồng/tháng"
# what a statement is, whatever its owner: a motto or principle ("Phương châm: Phòng cháy là chính, …"), a step of
# a procedure ("- Bước 2: Chủ tịch UBND tỉnh căn cứ …"), a release from liability ("… không chịu trách nhiệm do …"),
# a notice's closing line ("Văn phòng Chính phủ thông báo để UBND tỉnh … biết, thực hiện"), a level of spending
# or a fee ("a) Mức 400.000 đồng/người/buổi áp dụng đối với Trưởng ban"), what a body is ("1. Cục là tổ chức thuộc
# bộ, thực hiện chức năng tham mưu …"), a procedure's time limit ("a) Đối với hồ sơ cho thuê đất thì thời gian xác
# định nghĩa vụ tài chính của cơ quan thuế là 05 ngày làm việc")
_NOT_A_DUTY = re.compile(r"^\W*(?:(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.?)\s*)?(?:(?:phương châm|nguyên tắc|quan điểm)\s*:"
                         rf"|mức\s+(?:chi\s+|thu\s+|hỗ\s+trợ\s+)?\d[\d.,]*\s*(?:(?:{_SCALES})\s+)?(?:đồng|%|lần)"
                         r"|(?:\S+\s+){1,8}?là\s+(?:tổ chức|cơ quan|đơn vị)(?:\s+\S+){0,3}?\s+(?:thuộc|trực thuộc)\s"
                         r"|bước\s+\d{1,2}\b|(?:\S+\s+){0,20}?không\s+(?:phải\s+)?chịu\s+trách\s+nhiệm\b"
                         r"|(?:\S+\s+){1,12}?(?:thông báo|trả lời|có ý kiến) (?:để|đến|cho)\s[^.;]{0,150}?\bbiết"
                         r"(?:,?\s+(?:và\s+)?(?:chỉ đạo\s+)?(?:thực hiện|triển khai)|\W*$)"
                         r"|(?:đối với\s[^.;]{0,200}?\bthì\s+)?thời (?:gian|hạn)\s[^.;]{0,150}?\blà\s+(?:không quá\s+|tối đa\s+)?"
                         r"\d{1,3}(?:,\d)?\s+ngày"
                         r")",
                         re.I)


# an answer's advice to read the law ("Cục Hải quan đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để
# thực hiện.", "… nghiên cứu quy định tại khoản 6 Điều 16 Luật …", "Thuế tỉnh X căn cứ các quy định trên và hồ sơ thực tế
# để xử lý theo quy định", "… để thực hiện và liên hệ với Bộ … để được hướng dẫn"): no duty of a body. Only the rules
# and the file are named, and at most the act of applying them: an act of its own ("để rà soát và xử lý", "để xác định",
# "phối hợp với …") keeps the request a task.
_APPLY = (r"(?:thực hiện|áp dụng|xử lý|hướng dẫn(?:\s+(?:đơn vị|công ty|doanh nghiệp|người nộp thuế))?\s+thực hiện)"
          r"(?:\s+(?:đúng|theo(?:\s+đúng)?)(?:\s+(?:các\s+)?quy định(?:\s+(?:của\s+)?pháp luật)?)?|\s+cho phù hợp)?"
          r"(?:,?\s+(?:và\s+)?theo thẩm quyền)?")
_READ_THE_LAW = re.compile(r"^(?:căn cứ|nghiên cứu)\s+(?:vào\s+|trên cơ sở\s+)?(?:các\s+)?(?:quy định|văn bản)\b"
                           r"(?P<rules>(?:(?!\bđể\b).){0,400}?)"  # citations run on with ";"
                           rf"(?P<apply>\bđể\s+{_APPLY}(?:\s+và\s+liên hệ\s+(?:với\s+)?[^;]{{0,120}}?\s+để được"
                           r"\s+(?:hướng dẫn|giải đáp|trao đổi)[^;]{0,120}?)?)?\W*$", re.I)
# the acts of duty_verbs.tsv (case kept: "Quyết định số …" is a citation), not its words that only end an owner's name
# ("tại", "theo thẩm quyền", "trong việc", "căn cứ")
_DUTY_VERB = re.compile(r"\b(?:" + "|".join(re.escape(r["phrase"]) for r in vocabulary("duty_verbs")
                                            if r["phrase"] not in ("tại", "để", "nhằm", "căn cứ", "trên cơ sở")
                                            and not r["phrase"].startswith(("trong ", "theo "))) + r")\b")


def _reads_the_law(text: str) -> bool:
    """Only the rules are named (and at most applying them). Where no "để …" closes the request it must be "nghiên cứu
    quy định …" and the citation alone, no verb of a duty after it ("… quy định tại khoản 6 Điều 16 Luật …, khoản 1 Điều
    11 Nghị định …", not "… quy định hiện hành, xây dựng kế hoạch …"; "Căn cứ quy định …, thu hồi …" is a ground and a
    duty). A verb the duty list lacks ("chấn chỉnh") goes unseen."""
    m = _READ_THE_LAW.match(text)
    if not m:
        return False
    if m.group("apply") is not None:
        return True
    rules = m.group("rules")
    return text[:2].lower() == "ng" and not _DUTY_VERB.search(rules)


# a purpose clause left without its verb ("Đề nghị Công ty … liên hệ với Thuế tỉnh … / để được cơ quan thuế trao đổi …":
# the verb went to the owner): someone sent to ask, no duty
_PURPOSE_ONLY = re.compile(r"^\W*để\s+được\s", re.I)
# a request to contact another body for guidance ("đề nghị Hội đồng … liên hệ với Bộ Khoa học và Công nghệ … để được
# hướng dẫn"): someone sent to ask, no duty
_ASK_ELSEWHERE = re.compile(r"\bliên hệ\s+(?:trực tiếp\s+)?(?:với\s+)?[^.;]{0,200}?\bđể\s+được\s+"
                            r"(?:hướng dẫn|giải đáp|trao đổi|hỗ trợ|xem xét)", re.I)


def _sent_elsewhere(rt: RawTask, sentence: str) -> bool:
    """The request itself is to contact someone ("đề nghị Công ty liên hệ với … để được hướng dẫn"): the owner was read
    up to "liên hệ", or the task starts with it; a duty that only mentions a referral ("… thẩm định hồ sơ và hướng dẫn chủ
    đầu tư liên hệ với Sở Xây dựng để được hướng dẫn") stays."""
    asks = bool(re.search(r"\sliên hệ\b", rt.lead or "", re.I)) or rt.text.lower().startswith("liên hệ")
    return asks and bool(_ASK_ELSEWHERE.search(sentence)) and not DUTY_MARK.search(sentence)
# a block's label before what is to be done ("Nội dung: Triển khai …"): no part of the task's text
_CONTENT_LABEL = re.compile(r"^(?:nội dung(?: thực hiện| công việc| hoạt động)?|nhiệm vụ(?: cụ thể)?)\s*:\s*(?=\S)", re.I)
# a permission or a possibility, not a duty: "Công ty … được phép tiếp nhận …", "Đoàn kiểm tra có thể …"
# (the owner read up to the modal), "Được phép thực hiện …"
_PERMITTED = re.compile(r"\s(?:được|được phép|có thể|không được)$", re.I)
# an owner read up to a word that cannot end a body's name: the sentence was cut at a verb inside a
# clause ("Cơ quan thuế không trực tiếp trả …": a negation, "Ban Chỉ đạo làm việc theo các hình thức như …":
# a list of ways), so it states no duty of a body
_NOT_AN_OWNER = re.compile(r"(?<!\bhàng)\s(?:không|như)$", re.I)  # ("Cục Hàng không": "hàng không" is a word)
# … or at a mark of time: what a body did or is doing ("Về vấn đề này, Chính phủ đã ban hành Nghị quyết …") is a
# fact, unless a duty follows ("Các cơ sở … đang tổ chức … có trách nhiệm hoàn thành …": the owner runs on)
_DONE = re.compile(r"\s(?:đã|đang)$", re.I)
# … or a case clause left at its end ("Ban, ngành thành phố làm chủ đầu tư trước khi …", "Cá nhân, tổ chức có …"):
# the body is the words before it
_OWNER_TAIL = re.compile(r"(?:\s+(?:trước khi|trước ngày|sau khi|khi|trong|của|có|theo thời gian))+$", re.I)
_PERMITTED_TEXT = re.compile(r"^\W*(?:được phép|có thể)\s", re.I)


def _defines_body(text: str, acronym: str) -> bool:
    """Does the document name a body by ``acronym``: "Trung tâm Hành động bom mìn quốc gia Việt Nam (VNMAC)",
    "Tập đoàn Điện lực Việt Nam (EVN)" (a body's head word in the words before the bracket)?"""
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        before = text[max(0, m.start() - 120):m.start()]
        heads = list(_BODY_HEAD.finditer(before))
        name = before[heads[-1].start():].strip() if heads else ""  # the nearest head word: the name it starts
        if name and not _NOT_HEAD.match(name) and cut_purpose(name) == name and not re.search(r"[;.\n]", name):
            return True
    return False


def _no_task(text: str) -> bool:
    t = text.strip(" ;.")
    audience = _AUDIENCE_ONLY.match(t)
    if _PROPOSAL_QUOTA.search(t) or (audience and len(t.split()) <= 15 and looks_like_agency(audience.group("who"))):
        return True
    return bool(_QUOTA.match(t)) or (t.endswith(":") and len(t) < 80 and ":" not in t[:-1]) \
        or t.lower() in ("có trách nhiệm", "chịu trách nhiệm") or bool(SUMMARY.match(t) or CLOSING_FORMULA.match(t)) \
        or bool(CLOSING_END.search(t)) \
        or len(t.split()) < 2 or (len(t.split()) <= 25 and looks_like_agency(t)) \
        or bool(_LAST_REQUEST.match(text.strip()))  # "Trình", names alone: a heading; the closing request


def extract_tasks(ndoc: NormalizedDocument) -> list[Task]:
    year = plan_year(ndoc)
    city, central = central_city(ndoc), central_issuer(ndoc)
    tasks: list[Task] = []
    for rt in _raw_tasks(ndoc):
        only = deadline_only(re.sub(r"^[-+•–]\s+", "", rt.text)) if rt.layout != "table" else None
        if only:  # "Thời gian hoàn thành trước ngày 31/12/2025." under a task: that task's deadline, no task
            if tasks and tasks[-1].deadline is None and tasks[-1].evidence.section == evidence_for(ndoc, rt.start, rt.end).section:
                tasks[-1].deadline, dw = parse_deadline(only, year)
                tasks[-1].warnings = [w for w in tasks[-1].warnings if w != "no deadline stated"] + dw
            continue
        if rt.layout != "table" and (_no_task(re.sub(r"^[-+•–]\s+", "", rt.text))
                                     or (rt.layout != "schedule" and _NOT_A_DUTY.match(ndoc.text[rt.start:rt.end]))
                                     or _PERMITTED.search(rt.lead or "") or _PERMITTED_TEXT.match(rt.text)
                                     or _reads_the_law(rt.text) or _PURPOSE_ONLY.match(rt.text)
                                     or _sent_elsewhere(rt, ndoc.text[rt.start:rt.end])):
            continue
        if rt.lead and acronym_body(rt.lead) and not _defines_body(ndoc.text, rt.lead.strip()):
            continue  # "CSDL có trách nhiệm lưu trữ …": an acronym owns a duty only where the document names a body by it
        if rt.lead and rt.lead_from in ("text", "heading"):
            if _NOT_AN_OWNER.search(rt.lead.strip()) or (_DONE.search(rt.lead.strip())
                                                          and not DUTY_MARK.search(ndoc.text[rt.start:rt.end])):
                continue
            rt.lead = _OWNER_TAIL.sub("", rt.lead.strip())
        warnings: list[str] = []
        lead_m = parse_agencies(rt.lead, city, central) if rt.lead and rt.lead_from != "role" else []
        lead = [m.name for m in lead_m] if rt.lead_from != "role" else [rt.lead.strip()]
        if rt.lead_from == "heading" and rt.lead.strip() and (not lead or ROLE_RE.match(rt.lead.strip())):
            # "Điều 6. Trách nhiệm của tổ chức, doanh nghiệp … có sản phẩm …": owners no gazetteer knows, and
            # roles ("Điều 28. Cán bộ, công chức, viên chức tiếp nhận …"), as written
            who = " ".join(rt.lead.split()).strip(" :.")
            lead = [who[:1].upper() + who[1:]]
        support = (_support_from_text(rt.support, city, central) if rt.support_from == "text"
                   else canonical_agencies(rt.support, city, central))
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
        text = _CONTENT_LABEL.sub("", text)  # (the label needs words after it: the text never empties)
        text = text[:1].upper() + text[1:]
        extra = {"layout": rt.layout}
        if rt.group:
            extra["group"] = rt.group
        tasks.append(Task(id=f"k{len(tasks) + 1}", text=text or ev.text, lead=lead, support=support,
                          deadline=deadline, evidence=ev, confidence=round(max(0.1, min(conf, 0.95)), 2),
                          warnings=list(dict.fromkeys(warnings)), **extra))
    return tasks
