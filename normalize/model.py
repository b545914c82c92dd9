"""The normalized document: clean text plus its structure.

Everything downstream (extraction, evidence offsets, the review page) points into
``NormalizedDocument.text``, which is saved beside the JSON as ``<stem>.txt``.
Sections, tables and pages are spans over that text, so any offset can be mapped
back to its heading path and page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Section:
    path: str  # "III.1.2", "Phụ lục 2/II/1"
    heading: str  # the heading line as it appears in text
    start: int  # offset of the heading line
    end: int  # offset where the section (with its subsections) ends
    level: int = 0

    def __repr__(self) -> str:
        return f"<Section {self.path} [{self.start}:{self.end}] {self.heading[:50]!r}>"


@dataclass
class Table:
    start: int
    end: int
    rows: list[list[str]]
    section: Optional[str] = None

    def __repr__(self) -> str:
        return f"<Table [{self.start}:{self.end}] {len(self.rows)} rows>"


@dataclass
class NormalizedDocument:
    source: str
    doc_id: str
    text: str
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # offset where page i+1 begins; empty if no pages
    method: str = "text"
    encoding: Optional[str] = None
    diacritics_restored: bool = False
    ocr_confidence: Optional[float] = None
    warnings: list[str] = field(default_factory=list)
    header: dict = field(default_factory=dict)  # metadata found around the body (portal fields etc.)
    errors: list[dict] = field(default_factory=list)  # {stage, code, error} of stages that failed and were skipped

    def page_of(self, offset: int) -> Optional[int]:
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def section_of(self, offset: int) -> Optional[str]:
        """Deepest section whose span contains ``offset``."""
        best: Optional[Section] = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.start >= best.start):
                best = s
        return best.path if best else None

    def lines(self) -> list[tuple[int, str]]:
        """(offset, line) for every line of the text."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, line))
            pos += len(line) + 1
        return out

    def __repr__(self) -> str:
        return (
            f"<NormalizedDocument {self.source} {len(self.text)} chars, "
            f"{len(self.sections)} sections, {len(self.tables)} tables>"
        )
