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


_PAGE_NUMBER = re.compile(r"^\W*(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?\W*$", re.I)  # "2", "- 3 -", "Trang 4"
_EDGE = 2.0  # points: a rule this close to a line lies on it


class TableRows(list):
    """A table's rows of cells, and whether a page break left it open at its foot or its head."""

    open_top = False
    open_bottom = False


def _open_ends(page) -> tuple[float | None, float | None]:
    """Where the page's vertical rules begin and end with no rule across them, at the head and
    the foot of the page's text (a page number aside): a table row a page break cut in two.

    A row that runs over a page break has no rule under it at the foot of the first page and
    none above it at the head of the next (Word and browsers draw its sides only), so
    pdfplumber's ruled-table finder sees no cell there and the row's text falls out of the
    table, column fragments interleaved. A rule is drawn there: only where the vertical rules
    reach the page's first or last line of text, so that a table ruled by its columns alone
    in the middle of a page is not made one row."""
    edges = page.edges
    verticals = [e for e in edges if e.get("orientation") == "v"]
    if not verticals:
        return None, None
    lines = [ln for ln in page.extract_text_lines(strip=True) if not _PAGE_NUMBER.match(ln["text"])]
    if not lines:
        return None, None
    # (a rule drawn as a thin filled rectangle has edges across its ends too: only a rule across a cell counts)
    horizontals = [e["top"] for e in edges if e.get("orientation") == "h" and e["x1"] - e["x0"] > _EDGE * 2]
    top, bottom = min(e["top"] for e in verticals), max(e["bottom"] for e in verticals)

    def ruled(y: float) -> bool:
        return any(abs(h - y) <= _EDGE for h in horizontals)

    head = top if not ruled(top) and not any(ln["bottom"] <= top + _EDGE for ln in lines) else None
    foot = bottom if not ruled(bottom) and not any(ln["top"] >= bottom - _EDGE for ln in lines) else None
    return head, foot


def page_blocks(page) -> list[tuple[float, str | list[list[str]]]]:
    """(top, block) of one pdfplumber page in reading order: a block is a line of text or
    a table's rows of cells (:class:`TableRows`)."""
    head, foot = _open_ends(page)
    extra = [y for y in (head, foot) if y is not None]
    tables = page.find_tables({"explicit_horizontal_lines": extra} if extra else {})
    blocks: list[tuple[float, str | list[list[str]]]] = []
    for table in tables:
        rows = TableRows([_clean_cell(c) for c in row] for row in table.extract())
        rows[:] = [r for r in rows if any(r)]
        if rows:
            rows.open_top = head is not None and abs(table.bbox[1] - head) <= _EDGE
            rows.open_bottom = foot is not None and abs(table.bbox[3] - foot) <= _EDGE
            blocks.append((table.bbox[1], rows))
    bboxes = [t.bbox for t in tables]
    rest = page.filter(lambda obj: not any(_inside(obj, b) for b in bboxes)) if bboxes else page
    blocks.extend(column_blocks(rest.extract_text_lines(return_chars=True, strip=True)))
    blocks.sort(key=lambda b: b[0])
    return blocks


def render_blocks(blocks) -> tuple[str, list[list[list[str]]]]:
    """The page text, tables written one row a line with cells between `` | ``, and the tables' rows."""
    tables = [list(b) for _, b in blocks if isinstance(b, list)]
    text = "\n".join(b if isinstance(b, str) else "\n".join(" | ".join(r) for r in b) for _, b in blocks)
    return unicodedata.normalize("NFC", text), tables


def read_text_layer(page) -> tuple[str, list[list[list[str]]]]:
    """Text of one pdfplumber page with its tables as `` | `` rows, in reading order."""
    return render_blocks(page_blocks(page))


_LABEL = re.compile(r"^(?:[a-zđ]|[ivxlc]{1,5})[.)]?$")  # "a", "đ)", "ii.": a row's own number, in lower case


def _content(blocks: list) -> list:
    """The blocks without a running page number."""
    return [b for b in blocks if not (isinstance(b[1], str) and _PAGE_NUMBER.match(b[1]))]


def join_continued_rows(pages_blocks: list[list | None]) -> None:
    """A table row that a page break cut in two is one row again.

    The page ends in a table left open at its foot and the next page begins (its page number
    aside) with a table of as many columns left open at its head; the first row there has its
    first cell empty (the number was printed above the break) or going on in lower case ("1.3.
    Lưu trữ … hoạt động" / "của trung tâm.", not a row's own "a)"): its cells are appended to the
    last row's, and the row leaves the second table. A table of one row (a header at the foot of
    a page) takes nothing. ``None`` stands for a page read some other way (OCR)."""
    for prev, cur in zip(pages_blocks, pages_blocks[1:]):
        if not prev or not cur:
            continue
        before, after = _content(prev), _content(cur)
        if not before or not after:
            continue
        table, nxt = before[-1][1], after[0][1]
        if not isinstance(table, TableRows) or not isinstance(nxt, TableRows) or not table.open_bottom \
                or not nxt.open_top or len(table) < 2:
            continue
        last, first = table[-1], nxt[0]
        lead = first[0].strip()
        if len(last) != len(first) or lead and not (lead[:1].islower() and not _LABEL.match(lead)):
            continue
        table[-1] = [" ".join(x for x in (a, b) if x) for a, b in zip(last, first)]
        nxt.pop(0)
        if not nxt:
            cur.remove(after[0])


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
        layers: list[list | None] = []
        for number, ppage in enumerate(plumber_pages, start=1):
            try:
                layers.append(page_blocks(ppage))
            except Exception as exc:  # a broken content stream on one page
                warnings.append(f"page {number}: text layer unreadable ({type(exc).__name__})")
                layers.append([])
        layer_texts = [render_blocks(b)[0] for b in layers]  # as read, before rows are carried over a break
        good = [usable(t, opts.min_text_chars) for t in layer_texts]
        join_continued_rows([b if ok else None for b, ok in zip(layers, good)])
        for number, (ppage, blocks, ok) in enumerate(zip(plumber_pages, layers, good), start=1):
            text, tables = render_blocks(blocks)  # (a page judged unusable took no part in the joins)
            if ok:
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
            pages.append(Page(number, unicodedata.normalize("NFC", result.text), confidence=result.confidence, method="ocr",
                              tables=result.tables))
    kinds = {p.method for p in pages}
    method = "mixed" if len(kinds) > 1 else kinds.pop()
    low = [p.number for p in pages if p.confidence is not None and p.confidence < 0.6 and p.text.strip()]
    if low:
        warnings.append(f"low OCR confidence on page(s) {', '.join(map(str, low))}")
    return pages, method, warnings
