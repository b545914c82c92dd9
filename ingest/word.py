"""Word .docx files (python-docx): paragraphs and tables in document order.

Plans circulate as Word files. Each table row becomes one line of cells separated
by `` | `` (merged cells counted once), placed where the table stands in the body,
and the rows are also kept as cells on the page; small layout tables (the header and
signature blocks) are read cell by cell instead. A .docx has no fixed pages, so the
document is one page of ``has_pages=False``.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

from ingest.model import IngestError, Page
from ingest.options import IngestOptions
from ingest.text import fix_legacy_font_text
from ingest.word_numbering import ListLabels


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats across the span
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(cells)
    return rows


def _layout_lines(table) -> list[str] | None:
    """Lines of a layout table, or None for a data table.

    The header of a plan (issuing body | motto, number | place and date) and its signature
    block (Nơi nhận | TM. ỦY BAN NHÂN DÂN …) are laid out as small borderless tables of at
    most two columns whose cells hold several lines. Joined into one row they would run
    the number into the issuing body; read cell by cell, line by line, they come out as a
    printed page reads.
    """
    rows = table.rows
    if len(rows) > 3 or any(len({id(c._tc) for c in r.cells}) > 2 for r in rows):
        return None
    cells = []
    for r in rows:
        seen = set()
        for c in r.cells:
            if id(c._tc) not in seen:
                seen.add(id(c._tc))
                cells.append(c)
    if not any(len([ln for ln in c.text.splitlines() if ln.strip()]) > 1 for c in cells):
        return None
    return [ln.strip() for c in cells for ln in c.text.splitlines() if ln.strip()]


def read_docx(raw: bytes, opts: IngestOptions) -> tuple[list[Page], str, list[str]]:
    """Return ([one page], "docx", warnings)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    warnings: list[str] = []
    try:  # what the archive unpacks to, before anything is unpacked: a small zip may hold gigabytes
        expanded = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(f"damaged .docx: {str(exc).strip()[:100] or type(exc).__name__}") from None
    if expanded > opts.max_expanded_mb * 1e6:
        raise IngestError(f".docx unpacks to {expanded / 1e6:,.0f} MB, over the limit of {opts.max_expanded_mb:g} MB "
                          f"(ingest option max_expanded_mb; --max-expanded-mb)")
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(f"damaged .docx: {str(exc).strip()[:100] or type(exc).__name__}") from None
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    labels = ListLabels(document)
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            layout = _layout_lines(block)
            if layout is not None:
                lines.extend(layout)
                continue
            rows = _table_rows(block)
            if rows:
                tables.append(rows)
                lines.extend(" | ".join(r) for r in rows)
        else:
            label = labels.label(block) if block.text.strip() else ""
            lines.append(f"{label} {block.text}" if label else block.text)  # Word's automatic numbering
    text = unicodedata.normalize("NFC", "\n".join(lines))
    text, legacy = fix_legacy_font_text(text)
    if legacy:
        warnings.append(f"text in legacy {legacy} font encoding, converted")
    return [Page(1, text, method="docx", tables=tables)], "docx", warnings
