"""Duty sentences: "Giao Sở Nội vụ chủ trì, phối hợp với Công an tỉnh theo dõi …".

Plans assign many tasks in prose, mostly under "Tổ chức thực hiện": an agency (after
"Giao", "Đề nghị", or at the start of the sentence) followed by what it is to do, the
agencies it works with ("phối hợp với …") and, sometimes, a deadline in the same words
("trước ngày 15/12", "trước ngày 15 tháng 12 hằng năm", "trong 6 tháng đầu năm 2025", "định kỳ hằng tháng", "…; thực hiện thường xuyên."). A statement addressed to everyone ("Các sở,
ngành …") without a deadline is a directive, not a task; a dated reporting duty without
a named actor is a task with no lead.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.agencies import acronym_body, cut_purpose, looks_like_agency
from extract.deadlines import TIME_LIMIT
from extract.raw_task import RawTask
from vnplan.lang import vocabulary

ASSIGN_VERB = re.compile(r"^(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)\b", re.I)
# a case, a purpose, a topic ("Về việc góp vốn … hay chưa, đề nghị Thuế tỉnh …") or a connective ("Do vậy, …") before
# the actor, up to a comma
_LEAD_IN = re.compile(
    r"^(?:[-+•]\s*)?(?:(?P<topic>Về\s[^:]{3,400}?):\s+|[^:]{3,80}:\s+)?(?:(?:(?:Căn cứ|Trên cơ sở|Để|Nhằm|Trong quá trình|Hằng năm|Hàng năm|Khi|Sau khi|Trong|Đối với|Trường hợp|Chậm nhất|Về (?:việc|vấn đề))(?:[^.;,()]|\([^()]*\)){0,200}?|Do vậy|Do đó|Vì vậy|Theo đó),\s*(?=\S+\s+\S+))?"
    r"(?:Định kỳ[^,]{0,40}?(?:hàng|hằng)\s+(?:tháng|quý|năm)\s*,?\s*)?(?P<giao>(?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu|Ủy quyền|Khuyến khích)\s+)?"
)
_GENERAL_ACTOR = re.compile(r"^(?:các|người đứng đầu|thủ trưởng)\b", re.I)
# kinds of body that a collective owner names when the issuer assigns it work by name ("Giao các Sở, ngành, …")
_NAMED_KINDS = re.compile(r"(?<!cơ )(?<!cán )(?<!toàn )\b(?:sở|bộ(?! phận)|ngành|ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b", re.I)
# a bare kind of body ("Cơ quan, tổ chức, hộ gia đình …" cut at its first comma) names no one
BARE_KIND = re.compile(r"^(?:cơ quan|tổ chức|đơn vị|cá nhân|hộ gia đình|thanh tra|doanh nghiệp|người dân)$", re.I)
# "… là kênh …", "… được …" define or entitle; "… là cơ quan đầu mối, theo dõi …" gives a role and a duty
_DEFINES = re.compile(r"(?:^|\s)(?:là(?!\s+(?:cơ quan|đơn vị|đầu mối))|bao gồm|gồm|được|có quyền|có (?:các )?chức năng|"
                      r"phải đáp ứng|hoạt động dưới)(?:\s|$)", re.I)
_LISTS = re.compile(r"\s(?:bao gồm|gồm)(?:\s|$)", re.I)
# the closing formula of a decision: "… chịu trách nhiệm thi hành Quyết định này"
# ("Tổ chức thực hiện Nghị quyết này", a council's charge to the People's Committee, is a task)
_ACTS = r"(?:Quyết định|Chỉ thị|Quy định|Quy chế|Nghị định|Nghị quyết|Thông tư|Công điện)"
# (also "Căn cứ Quyết định này thực hiện./.", "Căn cứ Quyết định thi hành./.")
CLOSING_FORMULA = re.compile(rf"^(?:(?:chịu trách nhiệm\s+)?(?:(?:triển khai\s+)?thực hiện\s+nghiêm túc|thi hành|thực hiện)\s+"
                             rf"{_ACTS}\s+này(?:\s+kể từ ngày[^.;]*)?|căn cứ\s+{_ACTS}(?:\s+này)?\s+(?:để\s+)?(?:thi hành|thực hiện))\W*$", re.I)
# "Trên đây là Kế hoạch …": the closing summary of a plan, which assigns nothing of its own
SUMMARY = re.compile(r"^\W*trên đây là\b", re.I)
# … the same at the end of a longer sentence: "… và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành
# Quyết định này", "… có trách nhiệm triển khai thực hiện nghiêm túc Chỉ thị này"
# ("… thi hành Quyết định này kể từ ngày ký./." or "… kể từ ngày 01 tháng 12 năm 2025", "… thi hành Quyết định này. Quyết định này có hiệu lực thi hành kể từ ngày ký")
CLOSING_END = re.compile(rf"(?:chịu|có) trách nhiệm\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thi hành|thực hiện)(?:\s+nghiêm túc)?\s+"
                          rf"{_ACTS}\s+này(?:\s+kể từ ngày[^.;]*)?(?:\.\s*{_ACTS}\s+này có hiệu lực[^.]*)?\W*$", re.I)
_PERIOD = (
    r"(?:ngày\s+)?(?:(?:06|6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\s+(?:hàng|hằng)\s+tháng|tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|quý\s+[IV1-4]+(?:/\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4})"
)
# "trước ngày 15/12", "vào tháng 6 và tháng 12 hằng năm", "định kỳ 6 tháng", "định kỳ hằng quý"
_DL_IN = re.compile(
    r"(?:định kỳ\s+(?:ngày\s+\d{1,2}\s+)?|ngày\s+\d{1,2}\s+)(?:hàng|hằng)\s+(?:tháng|quý|năm|tuần)"
    r"|định kỳ\s+(?:\d{1,2}|sáu|ba)\s+tháng(?:\s+(?:một\s+)?lần)?"
    # "Định kỳ trước ngày 05 của tháng cuối quý", "định kỳ vào ngày 20 hằng tháng"
    r"|định kỳ\s+(?:trước|vào)\s+ngày\s+\d{1,2}(?:\s+(?:của|hằng|hàng))?\s+(?:tháng|quý)(?![ \t]*\d)(?:\s+(?:cuối|đầu)\s+(?:quý|năm))?"
    rf"|(?:trước|chậm nhất|xong trước|hoàn thành trước|trong|đến hết|vào)\s+{_PERIOD}"
    rf"(?:\s*(?:,|và|hoặc)\s+{_PERIOD})*(?:\s+(?:hàng|hằng)\s+(?:năm|quý|tháng))?"
    # "…; thực hiện thường xuyên.", "… báo cáo kết quả về UBND tỉnh hằng tháng.": closing the sentence
    r"|(?:(?:thực hiện|triển khai)\s+)?(?:thường xuyên|(?:hàng|hằng)\s+(?:tháng|quý|năm|tuần))(?=\s*[.;]?\s*$)",
    re.I,
)
_LIMIT = re.compile(TIME_LIMIT, re.I)
_REPORTING = re.compile(r"\b(?:báo cáo|gửi|nộp)\b", re.I)
SENTENCE = re.compile(r"(?<=[.;])\s+(?=giao\s)|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])")


# a recurrence stated anywhere in a duty ("thường xuyên kiểm tra …", "định kỳ báo cáo …"): SCHEMA.md
# reads it as the task's deadline (end null, recurring)
_RECURRING = re.compile(r"\b(?:thường xuyên|(?:hằng|hàng) (?:năm|quý|tháng|tuần|ngày)|định kỳ(?:,? (?:và |hoặc )?đột xuất)?)\b",
                        re.I)


# "… có trách nhiệm …" after a role (vnplan/lang/vi/role_heads.tsv): the marker, not the first verb,
# ends the actor, whose name may hold a verb of its own ("Người chủ trì soạn thảo văn bản đi", "Văn
# thư cơ quan, đơn vị gửi văn bản"); the role is the task's lead as written
DUTY_MARK = re.compile(r"\s(?:có|chịu)\s+trách\s+nhiệm\s", re.I)
_CONDITION = re.compile(r"^(?:trường hợp|nếu|khi|trong|sau|đối với|việc|mọi|mỗi)\b", re.I)
MAX_MARKED_ACTOR = 16  # words
ROLE_RE = re.compile("^(?:" + "|".join(re.escape(r["phrase"]) for r in vocabulary("role_heads")) + r")\b", re.I)


def _marked_actor(rest: str) -> str:
    m = DUTY_MARK.search(rest)
    if not m:
        return ""
    actor = rest[: m.start()].strip(" ,")
    if not actor or len(actor.split()) > MAX_MARKED_ACTOR or _CONDITION.match(actor) or not actor[:1].isupper():
        return ""
    if not ROLE_RE.match(actor) or re.search(r"[;:]", actor):
        return ""
    return actor


def deadline_in(sentence: str) -> str:
    """The deadline words of a duty: a date or period first, else a recurrence, else a time limit
    ("trong thời hạn 03 ngày làm việc"), which only counts when nothing dates the duty."""
    m = _DL_IN.search(sentence) or _RECURRING.search(sentence) or _LIMIT.search(sentence)
    return m.group(0) if m else ""


_ENACTS = re.compile(r"^(?:quyết định|quyết nghị)\b[^.;]*\bnhư sau\s*:?\s*$", re.I)


def assignment(sentence: str, start: int, in_duty: bool, item_start: bool = False,
               opens_list: bool = False, instructed: bool = False) -> Optional[RawTask]:
    """ "Giao Sở X chủ trì, phối hợp với Y làm Z" → lead X, support Y, task "Z" (None if not a duty sentence).
    ``instructed``: the sentence stands under "… có ý kiến như sau:", which assigns what follows as "Giao" does."""
    m = _LEAD_IN.match(sentence)
    rest = sentence[m.end():] if m else sentence
    actor = cut_purpose(rest)
    role = _marked_actor(rest)
    if role:
        actor = role  # "Văn thư cơ quan, đơn vị gửi văn bản có trách nhiệm theo dõi …": the marker ends the actor
    elif actor == rest or not actor or not (looks_like_agency(actor) or acronym_body(actor) and ASSIGN_VERB.match(rest[len(actor):].strip())):
        dl = _DL_IN.search(sentence)
        if dl and _REPORTING.search(sentence) and re.match(r"(?:trước|chậm nhất|định kỳ)", dl.group(0), re.I):
            # a dated reporting duty without a named actor ("Định kỳ hằng tháng … báo cáo kết quả về …")
            return RawTask(sentence.strip(), start, start + len(sentence.rstrip()), deadline=dl.group(0), layout="assignment")
        return None
    after = rest[len(actor):].strip(" ,")
    # "… theo chức năng quản lý của mình, có trách nhiệm …": the scope phrase before the duty verb
    after = re.sub(r"^(?:theo|căn cứ|trong phạm vi)\s[^,;]{0,60}?,?\s*(?=(?:có|chịu) trách nhiệm\b)", "", after, flags=re.I)
    giao = bool(m and m.group("giao")) or instructed
    defines = not giao and (_LISTS.search(actor) or _DEFINES.match(after))
    if re.search(r"\sthì\s", actor):
        # "Khi nhận được thư …, thì bộ phận văn thư phải có trách nhiệm xử lý …": the body after "thì" is the
        # actor where the case gives it a duty; "Trường hợp thuộc thẩm quyền …, Thủ tướng Chính phủ thì cơ quan …
        # đề xuất …" is a step of a procedure
        actor = re.split(r"\sthì\s", actor)[-1]
        if not ((looks_like_agency(actor) or len(actor.split()) <= 6)
                and re.match(r"(?:phải|có trách nhiệm|chịu trách nhiệm)\b", after)):
            return None
    if _ENACTS.match(after):
        return None  # "Ủy ban Thường vụ Quốc hội quyết định sắp xếp … như sau:": what the document itself decides
    if BARE_KIND.match(actor.strip()) or CLOSING_FORMULA.match(after) or CLOSING_END.search(after) or defines:
        return None  # "Cổng TTĐT tỉnh là …", "UBND cấp xã bao gồm …", "Sở Tư pháp được …" define or entitle

    # "2. Về dự án …: Bộ Xây dựng khẩn trương rà soát …": an answer on a topic addressed to a body
    topical = bool(m and m.group("topic")) and not _GENERAL_ACTOR.match(actor) \
        and not re.search(r"\b(?:tặng|khen)", actor, re.I)  # "Về tập thể: UBND tỉnh tặng Bằng khen …" is an award
    # "c) Bộ Quốc phòng phát huy …, chỉ đạo …": an item that opens with a named body and what it is to do
    named_item = item_start and not m.group(0).strip() if m else item_start
    named_item = named_item and not _GENERAL_ACTOR.match(actor) and not re.search(r"\d", actor) \
        and not re.match(r"(?:đã|đang|là|được|thi đua|phấn đấu)\b", after, re.I)  # results, emulation contents
    if not (in_duty or giao or ASSIGN_VERB.match(after) or topical or named_item):
        return None
    ask = re.match(r"(?:yêu cầu|đề nghị)\s+", after, re.I)
    if ask:
        # "Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường … thực hiện một số nội dung sau:": the bodies asked
        # are the actors, as after "Giao"; the issuer asking everyone names no one and is a general directive
        at = sentence.find(after)
        return assignment(after[ask.end():], start + at + ask.end(), in_duty, item_start=False, opens_list=opens_list,
                          instructed=True) if at >= 0 else None
    deadline = deadline_in(sentence)
    named_kinds = (instructed or bool(m and m.group("giao") and m.group("giao").lower().startswith("giao"))) \
        and _NAMED_KINDS.search(actor)  # "Giao các Sở, ngành, UBND các xã …": work assigned by name
    if _GENERAL_ACTOR.match(actor) and not deadline and not (in_duty and ASSIGN_VERB.match(after)) and not opens_list \
            and not named_kinds:
        return None  # a general directive to everyone, not a task (but "… có trách nhiệm …" under a duty heading is one)
    text = re.sub(r"^(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)\s+", "", after, flags=re.I)
    rt = RawTask(text[:1].upper() + text[1:], start, start + len(sentence.rstrip()), actor, "", deadline,
                 lead_from="role" if role else "text", layout="assignment")
    return rt.support_from_words(after)


_INLINE_MARK = re.compile(r"(?:^|[:;,.]\s*)\((?P<m>[ivx]{1,4}|\d{1,2})\)\s+")
_INLINE_LEAD = re.compile(r"\b(?:giao|đề nghị|yêu cầu|như sau|sau)\s*:\s*$", re.I)


def inline_items(sent: str) -> list[tuple[int, str]]:
    """(offset, text) of the items of "… đề nghị: (i) X làm A; (ii) Y làm B", else []."""
    marks = list(_INLINE_MARK.finditer(sent))
    if len(marks) < 2 or not _INLINE_LEAD.search(sent[: marks[0].start() + 1]):
        return []
    out = []
    for a, b in zip(marks, marks[1:] + [None]):
        end = b.start() if b is not None else len(sent)
        out.append((a.end(), sent[a.end(): end].strip(" ;,")))
    return out


ENUM_MARK = re.compile(r"\((?P<m>\d{1,2}|[ivx]{1,4})\)\s+")  # "(1) ", "(ii) "; .match: a paragraph numbered so
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def enumerated_items(text: str) -> list[tuple[int, str]]:
    """(offset, text) of the parts of "…: (1) Thanh tra … ban hành …; (2) Bộ Công an chủ trì …" (from one after
    a colon, or from the number a paragraph opens with), numbered in order, each after ";" or "."; else [].
    Parts numbered the other way ("(i)", "(ii)" inside "(3) … tập trung: (i) …") stay in their part."""
    marks = []
    for m in ENUM_MARK.finditer(text):
        before = text[: m.start()].rstrip(" *_")
        value = int(m.group("m")) if m.group("m").isdigit() else _ROMAN.get(m.group("m"))
        roman = not m.group("m").isdigit()
        if not marks:
            if value is not None and ((value == 1 and before.endswith(":")) or not before):
                marks.append((m, roman))  # "…: (1) …", or a paragraph that opens with its number ("(2) …; (3) …")
                first = value
            continue
        if roman == marks[0][1] and value == first + len(marks) and before.endswith((";", ".")):
            marks.append((m, roman))
    if len(marks) < 2:
        return []
    out = []
    for (a, _), nxt in zip(marks, marks[1:] + [None]):
        end = nxt[0].start() if nxt is not None else len(text)
        part = text[a.end(): end]
        out.append((a.end() + len(part) - len(part.lstrip(" ;,*")), part.strip(" ;,*")))
    return out


# the formula of a letter or notice that passes on a leader's instructions: what follows is assigned
# ("Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:", "… Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:");
# a department's own opinion ("Cục Thuế có ý kiến như sau:", an answer to a taxpayer) assigns nothing
OPINION_OPENER = re.compile(r"\b(?:Thủ\s+tướng|Chủ\s+tịch|Bộ\s+trưởng|Thứ\s+trưởng|Chủ\s+nhiệm)"
                            r"\b[^:;,.]{0,160}?(?:(?:có|cho)\s+ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo|kết\s+luận(?:,?\s+chỉ\s+đạo)?)"
                            r"\s+như\s+sau\s*:\s*$")
# the words that name work to be done in a part's title or a list's opening ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP …",
# "… thực hiện tốt một số nhiệm vụ, giải pháp sau đây:")
TASK_NOUNS = re.compile(r"\b(?:nhiệm vụ|giải pháp)\b", re.I)
# a duty sentence that opens a list: "… thực hiện các hoạt động sau:", "… có trách nhiệm:"
LIST_INTRO = re.compile(r"(?:(?:các|những|một số)\s+(?:nội dung|nhiệm vụ|giải pháp|hoạt động|công việc|việc)(?:,?\s+\S+){0,3}\s+(?:sau|như sau)"
                         r"(?:\s+đây)?|trách nhiệm|nhiệm vụ)\s*:\s*$", re.I)
