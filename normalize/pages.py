"""Pages: split the ingested text into lines that remember their page, and drop page furniture.

A PDF or scan keeps its pages (``doc.has_pages``); every line carries its page number
through the stages so that ``NormalizedDocument.page_starts`` can be rebuilt after lines
are joined or dropped. Running page numbers ("- 3 -", "Trang 3", "3") at the top or
bottom of a page are furniture, not content, and are dropped.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.model import IngestedDocument
from normalize.draft import Draft, Line, stage
from normalize.text import fold

_PAGE_NO = re.compile(r"^\s*[-–—]?\s*(trang\s*)?\d{1,3}(\s*/\s*\d{1,3})?\s*[-–—]?\s*$")


def draft_from(doc: IngestedDocument, **options) -> Draft:
    lines: list[Line] = []
    src = 0
    pages = doc.pages if doc.has_pages else []
    if pages:
        for page in pages:
            text = page.text.replace("\r\n", "\n").replace("\f", "\n")
            for t in (text[:-1] if text.endswith("\n") else text).split("\n"):
                src += 1
                lines.append(Line(t, page.number, src))
    else:
        for t in doc.text.replace("\r\n", "\n").replace("\f", "\n").split("\n"):
            src += 1
            lines.append(Line(t, 1, src))
    rows = reader_rows(doc)
    if rows:
        for ln in lines:
            ln.row = ln.text in rows
    return Draft(lines=lines, pages=len(pages), options=dict(options))


def reader_rows(doc: IngestedDocument) -> set[str]:
    """The rows of the tables the reader found (PDF, Word), as its text writes them. A table of
    one row (a header the page break parted from its body, a one-line box) is known to be a
    row only here: the text alone would take it for a line of prose."""
    return {unicodedata.normalize("NFC", " | ".join(r)) for p in doc.pages for t in p.tables for r in t if len(r) >= 2}


@stage("page_furniture")
def page_furniture(draft: Draft) -> None:
    if draft.pages < 2:
        return
    drop: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(draft.lines):
        if ln.text.strip():
            by_page.setdefault(ln.page, []).append(i)
    for idx in by_page.values():
        for i in (idx[0], idx[-1]):
            if _PAGE_NO.match(fold(draft.lines[i].text)):
                drop.add(i)
    draft.lines = [ln for i, ln in enumerate(draft.lines) if i not in drop]
