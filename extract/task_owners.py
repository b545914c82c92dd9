"""Who a node of the structure assigns its duties to: the owner a heading names.

"1. Công an tỉnh", "Điều 9. Trách nhiệm của Sở Tư pháp", "a) Bộ Tài chính chủ trì, phối hợp
với các bộ liên quan:", "5. Các chủ rừng là tổ chức:", a body line "Ủy ban nhân dân các tỉnh,
thành phố:" above lettered items: each names the owner of the items under it. A list of
lettered topics where one title happens to read as a body is a topic list, not an owner.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.agencies import _VERB_START, MODAL, acronym_body, cut_purpose, looks_like_agency, split_agencies
from extract.task_nodes import DEPTH_ARTICLE, MARK, Node, in_article, in_duty_section, under_duty_part
from extract.task_sentences import BARE_KIND, LIST_INTRO, ROLE_RE, TASK_NOUNS
from vnplan.lang import vocabulary

# "Các loại hình dịch vụ:", "Các trường hợp sau:": objects or cases, not a collective owner (object_nouns.tsv)
_OBJECTS = re.compile(r"^(?:các|mỗi)\s+(?:" + "|".join(re.escape(r["phrase"]) for r in vocabulary("object_nouns")) + r")\b", re.I)
_COLLECTIVE_HEAD = re.compile(r"^\W*(?:các|mọi)\s+(?:cơ quan|đơn vị|doanh nghiệp|tổ chức|địa phương|cá nhân|hộ|tập thể)\b", re.I)
_DUTY = re.compile(
    r"\s+(?:chịu trách nhiệm|có (?:các |những )?(?:quyền hạn(?:\s*,\s*|\s+và\s+))?(?:nhiệm vụ|trách nhiệm)"
    r"(?:(?:\s*,\s*|\s+và\s+)(?:quyền hạn|nhiệm vụ|trách nhiệm))*"
    r"|có (?:các |những )?(?:quyền(?: hạn)?\s*(?:,|và)\s*)?nghĩa vụ|thực hiện)(?:\s+(?:các\s+)?(?:nội dung|nhiệm vụ))?"
    r"(?:\s+(?:như\s+)?sau(?:\s+đây)?)?\s*$", re.I
)
# "Điều 23. Trách nhiệm và quyền hạn của Giám đốc Công ty …", "Điều 2. Quyền và nghĩa vụ của thương nhân …",
# "2. Nghĩa vụ của thương nhân …": the article or clause names its owner by construction ("4. Quyền hạn
# của Hội đồng …" alone lists powers, which are no duties)
_ARTICLE_OWNER = re.compile(
    r"^(?:trách nhiệm|nhiệm vụ|nghĩa vụ|(?:thẩm quyền|quyền hạn|quyền)(?=\s*(?:,|và)\s*(?:trách nhiệm|nhiệm vụ|nghĩa vụ)))"
    r"(?:(?:\s*,\s*|\s+và\s+)(?:trách nhiệm|nhiệm vụ|quyền hạn|thẩm quyền|quyền|nghĩa vụ))*"  # "Trách nhiệm, thẩm quyền của"
    r"\s+(?:của|đối với)\s+(?P<who>[^:;.]+?)(?:\s+(?:trong|về|khi|đối với)\s.*)?\s*:?$", re.I)
# "Điều 5. Quy định đối với cán bộ, nhân viên quản lý chợ": the rules an article sets for a body or a group of
# people are their duties ("Quy định về hàng hóa …" names a topic, "Quy định của …" whose rules they are)
RULES_FOR = re.compile(r"^(?:các\s+)?quy định\s+đối với\s+(?P<who>[^:;.]+?)\s*:?$", re.I)
# an article may leave out the "của": "Điều 6. Trách nhiệm Văn phòng UBND tỉnh", "Trách nhiệm cá nhân trong …"
_ARTICLE_OWNER_BARE = re.compile(
    r"^(?:trách nhiệm|nhiệm vụ)\s+(?P<who>(?:(?-i:[A-ZĐ])|(?:các|cá nhân|cơ quan|đơn vị)\b)[^:;.]*?)"
    r"(?:\s+(?:trong|về|khi|đối với)\s.*)?\s*:?$", re.I)

# "Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì", "Điều 13. Nội dung các cơ quan,
# đơn vị khác có trách nhiệm chủ trì": the body before the duty words owns the article's clauses
_ARTICLE_OWNER_DUTY = re.compile(
    r"^(?:(?:các\s+)?(?:nội dung|công việc|việc|nhiệm vụ)\s+)?(?P<who>(?:(?-i:[A-ZĐ])|các\s)[^:;.]*?)"
    r"\s+(?:có|chịu)\s+trách\s+nhiệm(?:\s+(?:chủ trì|thực hiện|phối hợp))?\s*:?$", re.I)


def agency_heading(node: Node) -> Optional[str]:
    """The agency phrase a node's title names ("Công an tỉnh - Cơ quan thường trực…", "Tòa án …: task")."""
    t = node.title()
    if t is None or not t.text:
        return None
    # an article, or a clause inside one, titled by whose duties follow (a collective included:
    # "Trách nhiệm của các cơ quan, đơn vị xử lý …"; a clause below naming its agency still wins)
    plain = MARK.sub("", t.text).strip()
    m = _ARTICLE_OWNER.match(plain)
    if m and len(m.group("who").split()) <= 30 and (node.depth == DEPTH_ARTICLE or in_article(node)):
        return m.group("who").strip()
    m = RULES_FOR.match(plain) if node.depth == DEPTH_ARTICLE else None
    if m and len(m.group("who").split()) <= 20 and (looks_like_agency(m.group("who")) or ROLE_RE.match(m.group("who"))):
        return m.group("who").strip()
    m = _ARTICLE_OWNER_BARE.match(plain) if node.depth == DEPTH_ARTICLE else None
    if m and len(m.group("who").split()) <= 20 and (looks_like_agency(m.group("who")) or not m.group("who")[:1].isupper()):
        return m.group("who").strip()
    if (node.depth == DEPTH_ARTICLE or node.depth == 1 and node.has_children) and ROLE_RE.match(plain) \
            and len(plain.split()) <= 25 and under_duty_part(node):
        return plain.rstrip(" .:")  # "Chương III. TỔ CHỨC THỰC HIỆN" / "Điều 28. Cán bộ, công chức, viên chức tiếp nhận …"
    m = _ARTICLE_OWNER_DUTY.match(plain) if node.depth == DEPTH_ARTICLE else None
    if m and len(m.group("who").split()) <= 20 and (looks_like_agency(m.group("who")) or _COLLECTIVE_HEAD.match(m.group("who"))):
        return m.group("who").strip()
    after = t.text.split(":", 1)[1].strip() if ":" in t.text else ""
    named_after = _TAIL_OWNER.match(after)
    if named_after and looks_like_agency(named_after.group("who")) and not BARE_KIND.match(named_after.group("who")):
        return named_after.group("who")  # "1. Đối với hệ thống đang sử dụng: Đơn vị thoát nước có trách nhiệm:"
    title = re.sub(r"^(?:đề nghị|giao|yêu cầu)\s*:\s*", "", t.text, flags=re.I)  # "6. Đề nghị: Hiệp hội …"
    head = title.split(":", 1)[0] if ":" in title else title
    head = _ALIAS.sub("", MARK.sub("", head)).strip()
    head = re.sub(r"^(?:đối với|trách nhiệm của|nhiệm vụ của|nhiệm vụ giao|đề nghị|giao|yêu cầu)\s+", "", head, flags=re.I)
    head = _DUTY.sub("", head).strip()  # "11. Các đơn vị cấp nước sạch … có trách nhiệm" (with or without a colon)
    duty = _DUTY_INTRO.match(head) if title.rstrip().endswith(":") else None
    if duty and (looks_like_agency(duty.group("who")) or acronym_body(duty.group("who"))) and not BARE_KIND.match(duty.group("who")):
        return duty.group("who")  # "1. Sở Tài chính có trách nhiệm quản lý về nghiệp vụ, bao gồm:" lists its duties
    if _DEFINES.search(head) or lists_rights(head):
        return None  # "Chi cục trưởng là người đứng đầu …", "3. Các đơn vị thuộc Chi cục gồm:" describe, not assign;
        # "1. Đơn vị thoát nước có các quyền sau:" lists rights
    names = place_names(title)
    if names and looks_like_agency(head) and _LEVEL_END.search(head):
        return f"{head} {names}"  # "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền" over dashed duties
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
    if title.rstrip().endswith(":") and (not rest or rest[0].kind == "dash" or _VERB_START.match(rest[0].text.lstrip("-–•+ "))):
        # only a list's intro, or the owner of a paragraph that opens with what it is to do ("1. Sở Tài chính chủ
        # trì, phối hợp với …:" / "Xây dựng quy trình điện tử …"); a paragraph with its own subject is read as a
        # duty sentence
        # "Điều 2. Giao Sở Y tế căn cứ Danh mục … có trách nhiệm:": asked by name, whatever the words before the duty
        words = MARK.sub("", title.split(":", 1)[0]).strip()
        asked = intro_owner(_DUTY.sub("", words).strip()) if _ASKED.match(title) and _DUTY.search(words) else None
        return intro_owner(head) or asked
    return None


_LEVEL_END = re.compile(r"\bcác\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s*,\s*(?:xã|phường|thị trấn|đặc khu))*$", re.I)
_PLACE_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ-]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ-]*){0,3}$")


def place_names(title: str) -> str:
    """"Gia Thuận, Tân Điền, Gò Công Đông" after the colon of a title: the places a body of each
    names ("Ủy ban nhân dân các xã: …"), else ""."""
    if ":" not in title:
        return ""
    after = MARK.sub("", title.split(":", 1)[1]).strip(" .;")
    parts = [p.strip() for p in re.split(r",|\svà\s", after) if p.strip()]
    return after if len(parts) >= 2 and all(_PLACE_NAME.match(p) for p in parts) else ""


def intro_owner(head: str) -> Optional[str]:
    """The owner of what follows a colon: "Bộ Tài chính chủ trì, phối hợp với …", "Bộ Tài chính chỉ
    đạo Bảo hiểm xã hội Việt Nam" (a body, a verb and a short object). The whole phrase is kept:
    the lead is read up to its verb and "phối hợp với …" gives each item's support."""
    head = _PURPOSE.sub("", head)  # "Để nâng cao hiệu quả …, các Sở, ngành … triển khai những nội dung sau:"
    relay = _RELAY.match(head)
    if relay and looks_like_agency(relay.group("by")):
        head = head[relay.start("ask"):]  # "Bộ Tài chính đề nghị UBND các tỉnh … chỉ đạo:": the body asked owns them
    if _DEFINES.search(head):
        return None  # "Báo cáo bao gồm các nội dung sau:" lists contents
    asked = _ASKED.match(head)
    if asked:  # "Đề nghị Thường trực Tỉnh ủy tập trung … trong đó lưu ý một số nội dung trọng tâm sau:"
        actor = cut_purpose(head[asked.end():])
        rest = head[asked.end() + len(actor):].strip(" ,")
        return actor if actor and rest and looks_like_agency(actor) and not BARE_KIND.match(actor) \
            and _VERB_START.match(rest) else None
    if looks_like_agency(head):
        return None if BARE_KIND.match(head) else head  # "Cơ quan:" is a label
    actor = cut_purpose(head)
    rest = _SCOPE.sub("", head[len(actor):].strip(" ,"))  # "… theo chức năng, nhiệm vụ được giao triển khai …"
    rest = re.sub(rf"^{MODAL}\s+", "", rest)  # "… Đà Nẵng cần tập trung thực hiện …"
    partners = _WITH_PARTNERS.match(rest)
    opens_list = bool(LIST_INTRO.search(rest + ":"))
    # a list of work may follow a longer opening ("… tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:"), not
    # the issuer enacting its plan ("… ban hành Kế hoạch … với các nội dung sau:")
    short = len(re.sub(r"\([^()]*\)", " ", rest).split()) <= 12 or (partners and looks_like_agency(rest[partners.end():])) \
        or (opens_list and bool(TASK_NOUNS.search(rest)) and not _ENACTS_PLAN.match(rest))
    if actor != head and not BARE_KIND.match(actor) and looks_like_agency(actor) and _VERB_START.match(rest) \
            and short and not (_OBJECT_LIST.search(rest) and not opens_list):
        return head
    return None


_ENACTS_PLAN = re.compile(r"^ban hành\b", re.I)
# "chủ trì, phối hợp (với) <bodies>": however many bodies it names, the intro of what follows
_WITH_PARTNERS = re.compile(r"chủ trì,?\s+phối hợp(?:\s+(?:với|cùng))?\s+", re.I)
# a purpose clause before the actor, up to the comma before a body ("Để …, hiệu quả …, các Sở, ngành …")
_PURPOSE = re.compile(r"^(?:Để|Nhằm)\s[^:;]{0,300}?,\s+(?=(?:các|Các)\s|(?:thành phố|tỉnh)\s+(?-i:[A-ZĐ])|(?-i:[A-ZĐ]))")
# the issuer naming itself before it asks a body ("Bộ Tài chính (trân trọng) đề nghị UBND các tỉnh …")
_ASK = r"(?:trân trọng\s+)?(?P<ask>(?:đề nghị|yêu cầu)\s)"
_RELAY = re.compile(rf"^(?P<by>[^,;:]{{3,80}}?)\s+{_ASK}", re.I)
ASKS = re.compile(rf"\s{_ASK}", re.I)  # the issuer asks the bodies it names, anywhere in a paragraph
# the remit between an actor and its verb: "theo chức năng, nhiệm vụ, thẩm quyền quy định"
_SCOPE = re.compile(r"^theo\s+chức\s+năng(?:\s*,\s*(?:nhiệm vụ|quyền hạn|thẩm quyền))*(?:\s+(?:được giao|quy định|của mình))?"
                    r"\s*,?\s*", re.I)
_ASKED = re.compile(r"^(?:đề nghị|giao|yêu cầu)\s+", re.I)  # the issuer asks a named body: what follows is its
# "… tổ chức bồi dưỡng các chương trình sau", "… được quyết định": what follows is objects or powers
_OBJECT_LIST = re.compile(r"(?:\bsau|\bđây)$|\b(?:được|có (?:các |những )?quyền)\b", re.I)
# the short name a body is given once ("Ban Quản lý … (sau đây gọi tắt là “Ban Quản lý”) có trách nhiệm:")
_ALIAS = re.compile(r"\s*\((?:sau\s+đây\s+)?(?:được\s+)?(?:gọi\s+tắt|gọi\s+chung|gọi|viết\s+tắt)\s+là\b[^()]*\)", re.I)
_DEFINES = re.compile(r"\s(?:là|gồm|bao gồm)(?:\s|$)", re.I)
_TAIL_OWNER = re.compile(r"^(?P<who>[^:;,]{3,80}?)\s+(?:có|chịu)\s+trách\s+nhiệm\s*:?\s*$", re.I)
# "có các quyền sau", "có quyền hạn sau": rights and powers; "có quyền hạn và trách nhiệm", "có các quyền
# và nghĩa vụ sau" also give duties
RIGHTS = re.compile(r"\scó\s+(?:các\s+|những\s+)?quyền(?:\s+hạn)?\b(?!\s*(?:,|và)\s*(?:nghĩa vụ|trách nhiệm|nhiệm vụ))", re.I)
# "UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:", "… phân cấp cho …:": powers a body hands down (the words before
# the verb name that body; "Sở Nội vụ chủ trì tham mưu UBND tỉnh phân cấp cho UBND cấp xã:" lists duties)
_DELEGATES = re.compile(r"\s(?:(?:ủy|uỷ)\s+quyền|phân\s+cấp)\s+cho\s[^:;.]*:?\s*$", re.I)


def lists_rights(text: str) -> bool:
    """What follows ``text`` is rights or powers handed down, not duties."""
    m = _DELEGATES.search(text)
    return bool(RIGHTS.search(text) or (m and looks_like_agency(text[: m.start()])))


# … or the body named as the focal point for a work: "Cơ quan quân sự … cấp tỉnh là đầu mối thu thập … có trách nhiệm:"
_DUTY_INTRO = re.compile(r"^(?P<who>[^,;:]+?)\s+(?:(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|là\s+(?:cơ\s+quan\s+|đơn\s+vị\s+)?đầu\s+mối)\s",
                         re.I)
_SENTENCE_WORDS = re.compile(r"\b(?:căn cứ|theo|có trách nhiệm|phải|được|thực hiện|triển khai|(?<!là )tổ chức|phối hợp)\b", re.I)


def collective_heading(node: Node) -> Optional[str]:
    """"5. Các chủ rừng là tổ chức (…)", "4. Các cơ sở nuôi trồng thủy sản:" under a duty heading:
    a collective addressed by name, which the gazetteer cannot know, followed by its duties."""
    t = node.title()
    if t is None or node.depth not in (1, 2, 6) or not (node.addressed or in_duty_section(node.parent or node)):
        return None
    head = MARK.sub("", re.sub(r"\([^()]*\)?|\(.*$", " ", t.text.split(":", 1)[0])).strip(" .")
    if ":" in t.text and t.text.split(":", 1)[1].strip() and re.fullmatch(r"(?:Các|Mỗi)\s+\w+", head):
        return None  # "b) Các Bộ: Tài chính, Y tế … khẩn trương …": the names run on after the colon
    has_duties = ":" in t.text or any(p.kind == "dash" for p in node.pieces)
    if not has_duties or not re.match(r"^(?:Các|Mỗi)\s+\w", head) or len(head.split()) > 10 or _SENTENCE_WORDS.search(head) \
            or _OBJECTS.match(head):
        return None
    return head


def mark_topic_lists(nodes: list[Node], named: dict[int, Optional[str]]) -> None:
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


def specific_agency(heading: str) -> bool:
    """A heading that names particular agencies ("Sở Tài chính", "Công an tỉnh, Sở Y tế"), not
    a collective ("Các cơ quan, đơn vị trên địa bàn tỉnh", "Các doanh nghiệp") that an emulation
    plan's contents or criteria are addressed to."""
    pieces = split_agencies(heading)
    return bool(pieces) and not any(_COLLECTIVE_HEAD.match(p) for p in pieces)
