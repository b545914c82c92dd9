"""Adjustments: words that change other targets rather than set one.

"Địa bàn thành phố tăng thêm 15%" raises the targets it follows; "(Thành phố đạt trên 85%)"
after a target sets a place's own figure for it; a note "(Về chỉ tiêu X: A tăng thêm 10%;
B tăng thêm 15%)" applies to the targets of its section whose metric shares most words
with X. None of these is a target of its own: they go to the ``adjustments`` of the
targets they refer to. "Số hồ sơ trực tuyến tăng 20% so với năm trước" names no place
and stays a target.
"""

from __future__ import annotations

import re

from extract.levels import heading_chain
from extract.numbers import Quantity, fold
from normalize.model import NormalizedDocument
from vnplan.schema import Target

_ADJUST = re.compile(r"(tang them|cong them|giam|giam bot|tang)\s*$")
_PLACE = re.compile(r"\b(dia ban|thanh pho|thi tran|thi xa|phuong|quan|huyen|xa)\b")


def is_adjustment(text: str, cs: int, q: Quantity) -> bool:
    """"Địa bàn thành phố tăng thêm 15%" adjusts other targets; "Số hồ sơ trực tuyến
    tăng 20% so với năm trước" is a target of its own."""
    if q.unit != "%":
        return False
    before = fold(text[cs:q.start])
    return bool(_ADJUST.search(before[-20:])) and bool(_PLACE.search(before))


_ADJ_RE = re.compile(r"([^;:()]*?(?:tăng thêm|giảm|tang them|giam)\s+\d+(?:,\d+)?\s*%)", re.IGNORECASE)


def _adjustment_notes(ndoc: NormalizedDocument) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, subject, [adjustment, …]) for each "(Về chỉ tiêu X: A tăng thêm 10%; …)"."""
    text = ndoc.text
    out = []
    for m in re.finditer(r"\(?\s*(?:Về|Ve|Đối với)\s+(?:các\s+)?chỉ\s+tiêu\s+([^:()]{3,120}):([^()]*?tăng\s+thêm[^()]*)\)?", text, re.IGNORECASE):
        adjs = [re.sub(r"\s+", " ", a).strip(" ;,.") for a in _ADJ_RE.findall(m.group(2))]
        if adjs:
            out.append((m.start(), m.end(), m.group(1).strip(), adjs))
    return out


def _related(subject: str, metric: str) -> bool:
    a = {w for w in re.findall(r"\w+", fold(subject)) if len(w) > 2}
    b = {w for w in re.findall(r"\w+", fold(metric)) if len(w) > 2}
    if not a:
        return False
    return len(a & b) / len(a) >= 0.5



_PLACE_PAREN = re.compile(r"^\(\s*(?:thanh pho|thi xa|thi tran|dia ban|rieng|doi voi|quan|huyen)\b")


def place_adjustments(text: str, cs: int, le: int, qs: list[Quantity]) -> tuple[list[Quantity], dict[int, str]]:
    """Split "(Thành phố đạt trên 85%)" quantities off: (the targets, {id(target): its place's figure})."""
    place_adj: dict[int, str] = {}
    kept: list[Quantity] = []
    for q in qs:
        op = text.rfind("(", cs, q.start)
        if kept and op >= 0 and text.find(")", op, q.start) < 0 and _PLACE_PAREN.match(fold(text[op:q.start])):
            close = text.find(")", q.end, le)
            place_adj[id(kept[-1])] = re.sub(r"\s+", " ", text[op + 1: close if close > 0 else q.end]).strip()
            continue
        kept.append(q)
    return kept, place_adj


def inline_adjustments(text: str, start: int, end: int) -> list[str]:
    """"(địa bàn thị trấn … tăng thêm 10%; …)" in text[start:end]."""
    return [re.sub(r"\s+", " ", a).strip(" ;,.(") for a in _ADJ_RE.findall(text[start:end])]


def attach_adjustments(ndoc: NormalizedDocument, targets: list[Target]) -> None:
    """Attach "(Về chỉ tiêu X: A tăng thêm 10%; B tăng thêm 15%)" to the targets of the
    same section whose metric shares most words with X."""
    for start, _end, subject, adjs in _adjustment_notes(ndoc):
        chain = heading_chain(ndoc, start)
        sec_start = chain[0][0] if chain else 0
        for t in targets:
            s = t.evidence.span[0]
            full = t.unit == "%" and t.value is not None and t.value >= 100
            if sec_start <= s < start and not full and _related(subject, t.metric):
                for a in adjs:
                    if a not in t.adjustments:
                        t.adjustments.append(a)
