"""Schedule sections: the dated statements of "Tiến độ thực hiện" / "Lộ trình thực hiện".

Many plans end with a schedule ("V. TIẾN ĐỘ THỰC HIỆN", "Lộ trình triển khai", "Thời gian
và tiến độ thực hiện") whose statements pair a period with what is to be done in it:

    1. Giai đoạn 1: Từ năm 2022 đến năm 2025
    - Năm 2022, ban hành Kế hoạch và tổ chức phát động Phong trào thi đua. …
    - Quý I/2024: Sở Nội vụ tham mưu sơ kết …
    2. Giai đoạn 2: Từ năm 2025 đến năm 2030
    Trên cơ sở …, Ủy ban nhân dân tỉnh tiếp tục triển khai giai đoạn 2 …

Each such statement is a task with that period as its deadline: the period it opens with,
else the period of the phase heading it stands under, else a dated phrase inside it
("… tổng kết trong quý IV/2025"). The lead is the agency the statement names as its
subject, if any. A phase heading with no action ("Giai đoạn 1: Từ năm 2022 đến năm 2025")
and a date label ("Thời gian sơ kết: dự kiến tháng 8/2023") are not tasks.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.agencies import _VERB_START, cut_purpose, looks_like_agency
from extract.raw_task import RawTask
from extract.task_sentences import deadline_in

# A schedule heading: "TIẾN ĐỘ THỰC HIỆN", "Lộ trình triển khai", "Thời gian và tiến độ thực hiện".
_HEADING = re.compile(r"^(?:thời gian\s*(?:,|và)\s*)?(?:tiến độ|lộ trình)\b", re.I)
# "Giai đoạn 1:", "Bước 2 -", "Đợt 1." before the period of a phase.
_PHASE = re.compile(r"^(?:giai đoạn|bước|đợt|phase)\s+(?:\d{1,2}|[IVX]{1,4})\s*(?:[:.\-–)]\s*|(?=\())", re.I)
_ONE = (
    r"(?:ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
    r"|(?:tháng|quý)\s+(?:[IVX]{1,4}|\d{1,2})(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
    r"|\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?|năm\s+\d{4}|\d{4})"
)
# The period a statement opens with: "Năm 2022", "Từ năm 2023 đến năm 2025", "Quý I/2024",
# "Trong tháng 6/2024", "Giai đoạn 2023 - 2025", "Từ nay đến hết năm 2025",
# "Kể từ ngày 01 tháng 7 năm 2026 đến hết ngày 31 tháng 12 năm 2027".
_LEAD_PERIOD = re.compile(
    rf"^\(?(?:(?:kể từ|từ|trong|đến hết|đến|trước|chậm nhất|hết|cuối|đầu|giai đoạn)\s+)?(?:nay|{_ONE})"
    rf"(?:\s*(?:đến hết|đến|tới|-|–)\s*{_ONE})?\)?",
    re.I,
)
# The period a statement closes with, in brackets: "… tiến tới thí điểm (2025 - 2026).",
# "… (2026 trở đi)", "… (xuyên suốt 2025 - 2035)", "… (Quý I/2025)".
TRAILING_PERIOD = re.compile(
    rf"\(\s*(?:(?:xuyên suốt|từ|trong|giai đoạn|trước|đến hết|đến)\s+)?{_ONE}"
    rf"(?:\s*(?:đến hết|đến|tới|-|–)\s*{_ONE})?(?:\s+trở đi)?\s*\)\W*$",
    re.I,
)
# "Thời gian sơ kết: Dự kiến tháng 8/2023." — a date label, not a statement of work.
_DATE_LABEL = re.compile(rf"^[^:]{{0,60}}:\s*(?:dự kiến\s+)?(?:\S+\s+){{0,3}}{_ONE}\W*$", re.I)
_LEAD_IN = re.compile(r"^(?:Trên cơ sở|Căn cứ|Sau khi|Để|Trong quá trình|Trong thời gian)\s", re.I)
_SHARE = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%\s+")  # "100% các cơ quan, đơn vị tổ chức …"
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ\d])")
_GROUP_SUBJECT = re.compile(
    r"^các\s+(?:cơ quan|tổ chức|đơn vị|sở|ban|ngành|đoàn thể|địa phương|doanh nghiệp)"
    r"(?:\s*,\s*(?:cơ quan|tổ chức|đơn vị|sở|ban|ngành|đoàn thể|địa phương|doanh nghiệp))*"
    r"(?:\s+(?:liên quan|trên địa bàn tỉnh))?(?=\s)",
    re.I,
)


def is_schedule_heading(title: str) -> bool:
    """"V. TIẾN ĐỘ THỰC HIỆN" is one; "Tiến độ: Quý 3/2024" (a deadline label) is not."""
    t = title.strip(" *_:")
    return bool(_HEADING.match(t)) and ":" not in t and not re.search(r"\d", t) and len(t.split()) <= 10


def period_of(title: str) -> str:
    """The period a phase heading states with no action ("Giai đoạn 2: Từ năm 2025 đến năm 2030"), else ""."""
    period, words = _period(title)
    return period if period and not _has_action(words) else ""


def _period(text: str) -> tuple[str, str]:
    """("Từ năm 2023 đến năm 2025", "triển khai …") for a statement that opens with a period."""
    s = _PHASE.sub("", text.strip(), count=1).strip()
    m = _LEAD_PERIOD.match(s)
    if not m or not re.search(r"\d", m.group(0)):
        return "", text.strip()
    return m.group(0).strip("() "), s[m.end():].lstrip(" ,:;.-–)")


def _subject(rest: str) -> tuple[str, str]:
    """The agency a statement names as its subject, and the statement without it."""
    sentences = _SENTENCES.split(rest)
    for i, sent in enumerate(sentences):
        bodies = [sent]
        if _LEAD_IN.match(sent):  # "Trên cơ sở tổng kết, đánh giá …, Ủy ban nhân dân tỉnh tiếp tục …"
            bodies += [sent[m.end():] for m in re.finditer(r",\s+", sent)]
        for body in bodies:
            body = _SHARE.sub("", body)
            group = _GROUP_SUBJECT.match(body)
            actor = group.group(0) if group else cut_purpose(body)
            after = body[len(actor):].strip(" ,")
            if actor and actor != body and _VERB_START.match(after) and (group or looks_like_agency(actor)):
                text = " ".join(sentences[:i] + [after] + sentences[i + 1:]) if i == 0 else rest
                return actor, text
    return "", rest


def _has_action(words: str) -> bool:
    return len(words.split()) >= 3 and not re.match(r"(?:dự kiến|thời gian|giai đoạn)\b", words, re.I)


def _task(text: str, start: int, end: int, deadline: str) -> RawTask:
    lead, words = _subject(text)
    words = words.strip()
    words = words[:1].upper() + words[1:]
    rt = RawTask(words, start, end, lead, "", deadline, lead_from="text" if lead else "", layout="schedule")
    return rt.support_from_words(words)


def schedule_tasks(content: list, heading_period: Optional[str] = None) -> tuple[list[RawTask], list]:
    """The dated statements of a node in a schedule section, and the pieces left for other readers.

    ``content`` are the node's pieces (title, body, dash); a title that states only a period
    ("Giai đoạn 2: Từ năm 2025 đến năm 2030") dates the statements under it that state none.
    """
    out: list[RawTask] = []
    rest: list = []
    title = content[0] if content and content[0].kind == "title" else None
    period_of_title = ""
    used_title = False
    for p in content:
        text = re.sub(r"^[-–•+]\s+", "", p.text).strip()
        if _DATE_LABEL.match(text):
            continue  # "Thời gian tổng kết: Dự kiến tháng 12/2023": a milestone, not a task
        period, words = _period(text)
        trailing = None if period else TRAILING_PERIOD.search(text)
        if trailing:
            period, words = trailing.group(0).strip(" .;()"), text[: trailing.start()].rstrip(" ,")
        if p is title:
            if period and not _has_action(words):
                period_of_title = period
                continue
            if not (period and text.endswith((".", ";"))):
                rest.append(p)
                continue
        if period and _has_action(words):
            out.append(_task(words, p.start, p.end, period))
            continue
        inherited = period_of_title or heading_period
        if inherited and _has_action(text):
            start = title.start if (title is not None and period_of_title and not used_title) else p.start
            used_title = used_title or start != p.start
            out.append(_task(text, start, p.end, inherited))
            continue
        inside = deadline_in(text)
        if inside and _has_action(text):
            out.append(_task(text, p.start, p.end, inside))
            continue
        rest.append(p)
    return out, rest
