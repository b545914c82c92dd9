"""Plain objects that the ingest stage hands to normalize.

Like pdfplumber's Page, they are meant to be printed and inspected: a document is a
list of pages of raw text plus where it came from and how it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


class IngestError(Exception):
    """A file that cannot be read; the message is one line naming the reason."""


@dataclass
class Page:
    number: int  # 1-based
    text: str
    confidence: Optional[float] = None  # OCR mean word confidence in [0, 1]
    method: str = "text"  # text | pdf-text | ocr | docx | html
    tables: list[list[list[str]]] = field(default_factory=list)  # rows of cells

    def __repr__(self) -> str:
        head = self.text[:60].replace("\n", " ")
        return f"<Page {self.number} {self.method} {len(self.text)} chars {head!r}>"


@dataclass
class IngestedDocument:
    source: str
    sha256: str
    method: str  # text | pdf-text | ocr | docx | html | mixed
    pages: list[Page]
    encoding: Optional[str] = None
    has_pages: bool = False  # True where the input format had real pages (PDF, images)
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.sha256[:16]

    @property
    def text(self) -> str:
        return "\n\f\n".join(p.text for p in self.pages) if self.has_pages else "\n".join(p.text for p in self.pages)

    @property
    def ocr_confidence(self) -> Optional[float]:
        vals = [p.confidence for p in self.pages if p.confidence is not None]
        return round(sum(vals) / len(vals), 4) if vals else None

    def __repr__(self) -> str:
        return f"<IngestedDocument {self.source} {self.method} {len(self.pages)} page(s)>"
