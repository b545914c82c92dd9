"""Normalize pipeline: run the registered stages, assemble the text, parse its structure.

``normalize_document(doc, restore=True, stages=None)`` turns an ingested document into a
:class:`NormalizedDocument`. The line stages run in ``DEFAULT_STAGES`` order, each one
job (see ``normalize.draft.stage``); then the lines are assembled into the text that is
saved as ``<stem>.txt`` (one paragraph, heading, list item or table row per line), and
sections, table spans, page starts and footnote flags are computed over that text.
"""

from __future__ import annotations

from ingest.model import IngestedDocument
from normalize import boundaries, closing, header, junk, lines, markup, pages, privacy, restore_hook, tables  # noqa: F401  (register stages)
from normalize.draft import STAGES, Draft
from normalize.flags import flag_footnotes
from normalize.model import NormalizedDocument, Table
from normalize.sections import parse_sections
from normalize.text import nfc

DEFAULT_STAGES = [
    "clean",  # NFC, spaces, invisible characters
    "page_furniture",  # running page numbers
    "markup",  # **bold**, *italic*
    "boundaries",  # cut the document out of portal chrome; portal fields -> header
    "closing",  # a two-column closing block: recipients, then the signature
    "privacy",  # private e-mail / mobile numbers -> [email] / [phone]
    "restore",  # diacritic restoration hook (option restore=True)
    "header",  # issuing body, motto, number, date, type, title on their own lines
    "tables",  # cells between "|" lines -> rows
    "debris",  # lone "|" lines, horizontal rules
    "lines",  # hard wraps and page-break splits -> paragraphs
]


def assemble(draft: Draft) -> tuple[str, list[int], list[Table], set[int]]:
    """Text, page starts, tables with spans, and the offsets of table-row lines."""
    parts: list[str] = []
    offset = 0
    page_at: dict[int, int] = {}
    spans: dict[int, list[int]] = {}
    table_lines: set[int] = set()
    for ln in draft.lines:
        if ln.kind == "blank" or not ln.text.strip():
            continue
        text = nfc(ln.text.strip())
        lead = len(ln.text) - len(ln.text.lstrip())
        page_at.setdefault(ln.page, offset)
        for pos, pg in ln.breaks:
            page_at.setdefault(pg, offset + max(0, min(len(text), pos - lead)))
        if ln.table is not None:
            span = spans.setdefault(ln.table, [offset, offset + len(text)])
            span[1] = offset + len(text)
            table_lines.add(offset)
        parts.append(text)
        offset += len(text) + 1
    text = "\n".join(parts)
    page_starts: list[int] = []
    if draft.pages:
        known = sorted(page_at)
        for p in range(1, draft.pages + 1):
            if p in page_at:
                page_starts.append(page_at[p])
            elif not known or p < known[0]:
                page_starts.append(0)
            else:
                later = [page_at[k] for k in known if k > p]
                page_starts.append(later[0] if later else len(text))
        for i in range(1, len(page_starts)):  # keep them sorted whatever joining did
            page_starts[i] = max(page_starts[i], page_starts[i - 1])
    tbls = [Table(start=s, end=e, rows=draft.tables[i]) for i, (s, e) in sorted(spans.items())]
    return text, page_starts, tbls, table_lines


def normalize_document(doc: IngestedDocument, restore: bool = True, stages: list[str] | None = None, **options) -> NormalizedDocument:
    draft = pages.draft_from(doc, restore=restore, **options)
    failures: list = []
    for name in stages or DEFAULT_STAGES:
        # a stage that raises is skipped and recorded, the document goes on without it (an
        # unknown name is still a ValueError naming the known stages)
        STAGES.run(name, draft, failures=failures)
    text, page_starts, tbls, table_lines = assemble(draft)
    sec_warnings: list[str] = []
    sections = parse_sections(text, table_lines, sec_warnings)
    ndoc = NormalizedDocument(
        source=doc.source,
        doc_id=doc.id,
        text=text,
        sections=sections,
        tables=tbls,
        page_starts=page_starts,
        method=doc.method,
        encoding=doc.encoding,
        diacritics_restored=draft.diacritics_restored,
        ocr_confidence=doc.ocr_confidence,
        warnings=list(draft.warnings),
        header={k: v for k, v in draft.header.items() if not k.startswith("_")},
        errors=[f.as_dict() for f in failures],
    )
    for t in ndoc.tables:  # the section the table sits in (not the one its first row opens)
        around = [sec for sec in sections if sec.start <= t.start < sec.end and sec.start not in table_lines]
        t.section = max(around, key=lambda sec: sec.start).path if around else None
    ndoc.warnings.extend(sec_warnings)
    ndoc.warnings.extend(flag_footnotes(text))
    return ndoc
