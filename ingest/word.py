"""Word .docx files (python-docx): paragraphs and tables in document order.

Plans circulate as Word files. Each table row becomes one line of cells separated
by `` | `` (merged cells counted once), placed where the table stands in the body,
and the rows are also kept as cells on the page. A .docx has no fixed pages, so the
document is one page of ``has_pages=False``.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

from ingest.model import IngestError, Page
from ingest.options import IngestOptions
from ingest.text import fix_legacy_font_text


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


def read_docx(raw: bytes, opts: IngestOptions) -> tuple[list[Page], str, list[str]]:
    """Return ([one page], "docx", warnings)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    warnings: list[str] = []
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(f"damaged .docx: {str(exc).strip()[:100] or type(exc).__name__}") from None
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            rows = _table_rows(block)
            if rows:
                tables.append(rows)
                lines.extend(" | ".join(r) for r in rows)
        else:
            lines.append(block.text)
    text = unicodedata.normalize("NFC", "\n".join(lines))
    text, legacy = fix_legacy_font_text(text)
    if legacy:
        warnings.append(f"text in legacy {legacy} font encoding, converted")
    return [Page(1, text, method="docx", tables=tables)], "docx", warnings
