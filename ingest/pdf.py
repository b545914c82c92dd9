"""PDF files: the text layer page by page (pdfplumber), OCR where there is none.

Tables that pdfplumber finds are read as rows of cells and written into the page
text as one line per row, cells separated by `` | ``, at the table's place on the
page, so that downstream sees rows rather than interleaved cell fragments. A page
whose text layer is missing or unusable (too few letters, undecodable glyphs) is
rasterized at ``dpi`` and OCR'd. Truncated, damaged and encrypted files are refused
with a one-line reason.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from ingest.columns import column_blocks
from ingest.model import IngestError, Page
from ingest.ocr import check_tesseract, ocr_image
from ingest.options import IngestOptions
from ingest.text import fix_legacy_font_text

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CID = re.compile(r"\(cid:\d+\)")


def _open(raw: bytes, password: str | None):
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%%EOF" not in raw[-65536:]:  # some scanners pad after the marker
        raise IngestError("truncated PDF: no %%EOF end marker (file cut short?)")
    try:
        return pdfplumber.open(io.BytesIO(raw), password=password or "")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        name = type(cause).__name__
        if name == "PDFPasswordIncorrect":
            if password:
                raise IngestError("encrypted PDF: the password given is wrong") from None
            raise IngestError("encrypted PDF: password-protected (give the password with the ingest option password)") from None
        if "Encrypt" in name:
            raise IngestError(f"encrypted PDF: unsupported encryption ({cause})") from None
        raise IngestError(f"damaged PDF: {name}: {str(cause).strip()[:120]}") from None


def _inside(obj: dict, bbox: tuple) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _clean_cell(cell) -> str:
    return " ".join((cell or "").split())


def read_text_layer(page) -> tuple[str, list[list[list[str]]]]:
    """Text of one pdfplumber page with its tables as `` | `` rows, in reading order."""
    tables = page.find_tables()
    blocks: list[tuple[float, str]] = []
    rows_of_tables: list[list[list[str]]] = []
    for table in tables:
        rows = [[_clean_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            rows_of_tables.append(rows)
            blocks.append((table.bbox[1], "\n".join(" | ".join(r) for r in rows)))
    bboxes = [t.bbox for t in tables]
    rest = page.filter(lambda obj: not any(_inside(obj, b) for b in bboxes)) if bboxes else page
    blocks.extend(column_blocks(rest.extract_text_lines(return_chars=True, strip=True)))
    blocks.sort(key=lambda b: b[0])
    return unicodedata.normalize("NFC", "\n".join(text for _, text in blocks)), rows_of_tables


def drop_cid_codes(text: str) -> tuple[str, int]:
    """The text without pdfplumber's ``(cid:N)`` placeholders (glyphs with no character), and
    how many there were."""
    n = len(_CID.findall(text))
    return (_CID.sub("", text), n) if n else (text, 0)


def usable(text: str, min_chars: int) -> bool:
    """Enough real letters and digits, not mostly undecodable glyphs."""
    cids = len(_CID.findall(text))
    alnum = sum(ch.isalnum() for ch in _CID.sub("", text))
    bad = text.count("\ufffd") + cids
    return alnum >= min_chars and bad <= 0.05 * max(alnum, 1)


def read_pdf(raw: bytes, opts: IngestOptions) -> tuple[list[Page], str, list[str]]:
    """Return (pages, method, warnings); method is pdf-text, ocr or mixed."""
    warnings: list[str] = []
    pdf = _open(raw, opts.password)
    with pdf:
        try:
            plumber_pages = pdf.pages
        except Exception as exc:
            raise IngestError(f"damaged PDF: cannot read its page list ({type(exc).__name__})") from None
        if not plumber_pages:
            raise IngestError("PDF has no pages")
        pages: list[Page] = []
        for number, ppage in enumerate(plumber_pages, start=1):
            try:
                text, tables = read_text_layer(ppage)
            except Exception as exc:  # a broken content stream on one page
                warnings.append(f"page {number}: text layer unreadable ({type(exc).__name__})")
                text, tables = "", []
            if usable(text, opts.min_text_chars):
                text, cids = drop_cid_codes(text)
                if cids:  # a damaged or cut file, or a font without a character map: say so
                    warnings.append(f"page {number}: {cids} undecodable glyph(s) (cid:N) dropped from the text layer")
                fixed, legacy = fix_legacy_font_text(text)
                if legacy:
                    warnings.append(f"page {number}: text layer in legacy {legacy} font encoding, converted")
                pages.append(Page(number, fixed, method="pdf-text", tables=tables))
                continue
            if not opts.ocr:
                warnings.append(f"page {number}: no usable text layer and OCR is off")
                pages.append(Page(number, text, method="pdf-text", tables=tables))
                continue
            check_tesseract(opts.lang)
            try:
                image = ppage.to_image(resolution=opts.dpi).original
            except Exception as exc:
                raise IngestError(f"damaged PDF: page {number} cannot be rendered ({type(exc).__name__})") from None
            result = ocr_image(image, lang=opts.lang, psm=opts.psm, dpi=opts.dpi, timeout=opts.ocr_timeout)
            layer_chars = sum(ch.isalnum() for ch in _CID.sub("", text))
            if layer_chars and result.confident_chars < 2 * layer_chars + opts.min_text_chars:
                # a short page (a title, a page number): the text layer was right after all
                pages.append(Page(number, text, method="pdf-text", tables=tables))
                continue
            if not result.confident_chars:
                warnings.append(f"page {number}: no text found (blank page?)")
            pages.append(Page(number, unicodedata.normalize("NFC", result.text), confidence=result.confidence, method="ocr"))
    kinds = {p.method for p in pages}
    method = "mixed" if len(kinds) > 1 else kinds.pop()
    low = [p.number for p in pages if p.confidence is not None and p.confidence < 0.6 and p.text.strip()]
    if low:
        warnings.append(f"low OCR confidence on page(s) {', '.join(map(str, low))}")
    return pages, method, warnings
