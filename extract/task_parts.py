"""Tasks laid out as parts: "a) Nhiệm vụ: … b) Cơ quan thực hiện: … c) Thời gian thực hiện: …".

Programmes issued by a decision often state each task as a numbered item whose lettered
parts name what is to be done, who does it and by when:

    1.2. Triển khai, phát triển dữ liệu:
    a) Nhiệm vụ:
    - Triển khai rà soát, hoàn thiện, chuẩn hóa cơ sở dữ liệu …
    - Phối hợp triển khai số hóa …
    b) Cơ quan thực hiện:
    - Đơn vị chủ trì: Các Sở, ban, ngành.
    - Đơn vị phối hợp: Sở Khoa học và Công nghệ, UBND xã, phường.
    c) Thời gian thực hiện: Triển khai theo lộ trình …

The owner and time parts cover every duty of the "Nhiệm vụ" part: one task per dashed
duty (or one for its text), each with that lead, support and deadline (SCHEMA.md:
"a Cơ quan thực hiện / Thời gian thực hiện block: one task per sub-item it covers"). The
part names are the label words the block reader knows (``_KEYS`` there), matched on the
part's title; nodes are the block reader's (``extract.task_blocks``), read by duck typing.
"""

from __future__ import annotations

import re

from extract.raw_task import RawTask

_WHAT = re.compile(r"^\W*(?:nội dung\s+)?nhiệm vụ(?:\s+cụ thể)?\s*:?\s*(?P<rest>.*)$", re.I)
_WHO = re.compile(r"^\W*(?:cơ quan|đơn vị|trách nhiệm)\s+(?:thực hiện|chủ trì)\s*:?\s*(?P<rest>.*)$", re.I)
_WHEN = re.compile(r"^\W*(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:?\s*(?P<rest>.*)$", re.I)


def _title(node) -> str:
    t = node.title()
    return t.text if t is not None else ""


def part_tasks(nodes: list) -> tuple[list[RawTask], set[int]]:
    """Tasks of items laid out as parts, and the ids of the part nodes they consumed."""
    children: dict[int, list] = {}
    for n in nodes:
        if n.parent is not None and n.depth == 6:  # lettered parts
            children.setdefault(id(n.parent), []).append(n)
    out: list[RawTask] = []
    consumed: set[int] = set()
    for parts in children.values():
        what = next((p for p in parts if _WHAT.match(_title(p))), None)
        who = next((p for p in parts if _WHO.match(_title(p))), None)
        if what is None or who is None:
            continue
        when = next((p for p in parts if _WHEN.match(_title(p))), None)
        lead = " ".join(p.text for p in who.pieces if p.kind == "label" and p.key == "lead")
        lead = lead or _WHO.match(_title(who)).group("rest")
        support = " ".join(p.text for p in who.pieces if p.kind == "label" and p.key == "support")
        deadline = _WHEN.match(_title(when)).group("rest") if when is not None else ""
        duties = [p for p in what.pieces if p.kind == "dash"]
        if not duties:
            body = [p for p in what.pieces if p.kind in ("title", "body")]
            text = " ".join([_WHAT.match(_title(what)).group("rest")] + [p.text for p in body[1:]]).strip()
            if not text:
                continue
            duties = [type(body[0])("body", body[0].start, body[-1].end, text)]
        for d in duties:
            text = re.sub(r"^[-–•+]\s*", "", d.text).strip()
            out.append(RawTask(text, d.start, d.end, lead.strip(" ."), support.strip(" ."), deadline.strip(" ."),
                               "label", "label" if support else "", layout="parts"))
        consumed.update(id(p) for p in (what, who, when) if p is not None)
    return out, consumed
