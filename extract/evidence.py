"""Evidence: tie every extracted value to the sentence it came from.

Extractors find a match at some offset of ``NormalizedDocument.text``; ``evidence_for``
widens it to the enclosing sentence(s) and fills section path and page, so a reviewer
can always see where a value was read.
"""

from __future__ import annotations

import re

from normalize.model import NormalizedDocument
from vnplan.schema import Evidence

_SENT_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-ZĐÀ-Ỹ0-9\-+•(])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) around text[start:end] (a line ends a sentence too)."""
    s = text.rfind("\n", 0, start) + 1
    for m in _SENT_END.finditer(text, s, start):
        s = m.end()
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    m = _SENT_END.search(text, max(end, s), e)
    if m:
        e = m.start()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, min(end, len(text)))


def evidence_for(ndoc: NormalizedDocument, start: int, end: int, widen: bool = True) -> Evidence:
    """Evidence for text[start:end], widened to whole sentences unless ``widen`` is False."""
    if widen:
        start, end = sentence_bounds(ndoc.text, start, end)
    return Evidence(
        text=ndoc.text[start:end],
        span=(start, end),
        section=ndoc.section_of(start),
        page=ndoc.page_of(start),
    )
