"""The working state the normalize stages pass along, and the stage registry.

Normalization is a sequence of small stages, each with one job (like spaCy pipeline
components): each is registered by name with ``@stage("name")`` and called as
``fn(draft)``; the pipeline runs them in the order of ``DEFAULT_STAGES`` or an order the
caller chooses. Until the text is assembled, a document is a list of :class:`Line`
objects, each remembering the page it came from (and where a page begins inside a
joined line), so page offsets survive joining and dropping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from vnplan.stages import Registry


@dataclass
class Line:
    text: str
    page: int = 1  # page of the first character
    src: int = 0  # 1-based line number in the ingested text (for warnings)
    breaks: list[tuple[int, int]] = field(default_factory=list)  # (position, page) where a later page begins
    kind: str = "text"  # text | blank | header | title | table | sign
    table: Optional[int] = None  # index into Draft.tables for table rows
    gap: Optional[int] = None  # where a wide run of spaces stood between two columns (set by "clean")
    indent: int = 0  # spaces before the first character in the input (set by "clean")
    bold: bool = False  # the whole line was one bold run, "**Điều 5. Tổ chức thực hiện**" (set by "markup")
    row: bool = False  # a table row as the reader found it (a PDF or Word table), even a table of one row

    def join(self, other: "Line", sep: str = " ") -> None:
        """Append ``other`` to this line, keeping track of page starts inside it."""
        base = len(self.text) + len(sep)
        if other.page != self.page and not any(p == other.page for _, p in self.breaks):
            self.breaks.append((base, other.page))
        self.breaks.extend((base + pos, p) for pos, p in other.breaks)
        self.text = self.text + sep + other.text

    def __repr__(self) -> str:
        return f"<Line {self.src} p{self.page} {self.kind} {self.text[:50]!r}>"


@dataclass
class Draft:
    lines: list[Line]
    pages: int = 0  # number of input pages (0 when the input had none)
    header: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    options: dict = field(default_factory=dict)
    diacritics_restored: bool = False

    def texts(self) -> list[str]:
        return [ln.text for ln in self.lines]


StageFn = Callable[[Draft], None]
STAGES = Registry("normalize")  # the one stage protocol (vnplan.stages): a Draft in, the Draft changed


def stage(name: str, default_config: dict | None = None) -> Callable[[StageFn], StageFn]:
    """Register a line stage under ``name``."""
    return STAGES.stage(name, default_config)
