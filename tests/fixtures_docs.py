"""Builders of test documents: text-layer and scanned PDFs, images, .docx, legacy text.

Tests make their fixtures themselves (in tmp_path) so that the real reading paths
run everywhere: a PDF with a Vietnamese text layer (reportlab + DejaVu Sans, which
has the Vietnamese glyphs), a "scan" made by rendering lines of a corpus plan to an
image, slightly blurred, and embedding it in a PDF, Word files and images.

    from fixtures_docs import corpus_lines, make_text_pdf, make_scanned_pdf
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
A4_MM = (210, 297)


# --- text ----------------------------------------------------------------------------

def corpus_lines(n: int = 20, start: str = "I. MỤC ĐÍCH", pattern: str = "002_*.txt") -> list[str]:
    """``n`` non-empty lines of a diacritized corpus plan, from the first line starting with ``start``."""
    path = sorted(CORPUS.glob(pattern))[0]
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    first = next((i for i, ln in enumerate(lines) if ln.startswith(start)), 0)
    body = [ln for ln in lines[first:] if ln and ln != "|"]
    return body[:n]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 the way Windows writes it: base letter, then a combining tone."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in nfd if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


# --- images --------------------------------------------------------------------------

def _font(size_px: int, bold: bool = False):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT_BOLD if bold else FONT), size_px)


def wrap(lines: list[str], font, width_px: int) -> list[str]:
    """Re-wrap lines so that none is wider than ``width_px`` when drawn with ``font``."""
    out: list[str] = []
    for line in lines:
        words, cur = line.split(), ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if cur and font.getlength(trial) > width_px:
                out.append(cur)
                cur = w
            else:
                cur = trial
        out.append(cur)
    return out


def render_page(lines: list[str], dpi: int = 300, font_pt: float = 12, blur: float = 0.8, margin_mm: float = 20,
                line_spacing: float = 1.5, page_mm: tuple[float, float] | None = A4_MM, fit: bool = True):
    """Draw ``lines`` black on white like a printed page; returns (PIL image, lines drawn).

    Lines are re-wrapped to the text width; with ``fit`` only as many as fit on the page
    are drawn. ``page_mm=None`` makes a page just tall enough for the lines.
    """
    from PIL import Image, ImageDraw, ImageFilter

    px = dpi / 25.4
    size = round(font_pt * dpi / 72)
    font = _font(size)
    margin = round(margin_mm * px)
    width = round((page_mm or A4_MM)[0] * px)
    drawn = wrap(lines, font, width - 2 * margin)
    step = round(size * line_spacing)
    if page_mm is None:
        height = 2 * margin + step * len(drawn)
    else:
        height = round(page_mm[1] * px)
        if fit:
            drawn = drawn[: max(1, (height - 2 * margin) // step)]
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(drawn):
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    return img, drawn


def make_image(path: Path, lines: list[str], fmt: str | None = None, dpi: int = 300, **kw) -> Path:
    """Save rendered lines as an image file (format from the suffix unless ``fmt``)."""
    img, _ = render_page(lines, dpi=dpi, page_mm=None, **kw)
    img.save(path, format=fmt, dpi=(dpi, dpi))
    return Path(path)


def make_blank_image(path: Path, drawing: bool = True) -> Path:
    """A picture with no text: a few shapes on white (or nothing)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1200, 900), "white")
    if drawing:
        d = ImageDraw.Draw(img)
        d.ellipse((200, 150, 600, 550), fill=(200, 60, 60))
        d.rectangle((700, 300, 1000, 700), fill=(60, 120, 200))
    img.save(path, dpi=(300, 300))
    return Path(path)


# --- PDFs ----------------------------------------------------------------------------

def _register_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_BOLD)))


def make_text_pdf(path: Path, pages: list[list[str]], table: list[list[str]] | None = None, table_on_page: int = 1,
                  encrypt: str | None = None, font_pt: float = 11) -> Path:
    """A PDF with a real text layer: one list of paragraphs per page, optionally a ruled table.

    ``encrypt`` sets a user password (the file cannot be opened without it).
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    style = ParagraphStyle("vi", fontName="DejaVuSans", fontSize=font_pt, leading=font_pt * 1.4)
    story = []
    for n, paragraphs in enumerate(pages, start=1):
        if n > 1:
            story.append(PageBreak())
        half = (len(paragraphs) + 1) // 2 if table and n == table_on_page else len(paragraphs)
        story.extend(Paragraph(p, style) for p in paragraphs[:half])
        if table and n == table_on_page:
            story.append(Spacer(1, 8))
            t = Table([[Paragraph(c, style) for c in row] for row in table])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
            story.append(Spacer(1, 8))
        story.extend(Paragraph(p, style) for p in paragraphs[half:])
    kwargs = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", canPrint=1)
    SimpleDocTemplate(str(path), pagesize=A4, **kwargs).build(story)
    return Path(path)


def make_scanned_pdf(path: Path, pages: list[list[str]], dpi: int = 300, blur: float = 0.8, **kw) -> Path:
    """A PDF of page images only (no text layer), each page rendered from lines of text."""
    images = [render_page(lines, dpi=dpi, blur=blur, **kw)[0].convert("RGB") for lines in pages]
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return Path(path)


def make_mixed_pdf(path: Path, text_paragraphs: list[str], scanned_lines: list[str], dpi: int = 300) -> Path:
    """Page 1 with a text layer, page 2 a scanned image of ``scanned_lines``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    c = Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSans", 11)
    y = A4[1] - 72
    for para in text_paragraphs:
        c.drawString(60, y, para)
        y -= 16
    c.showPage()
    img, _ = render_page(scanned_lines, dpi=dpi)
    c.drawImage(ImageReader(img.convert("RGB")), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return Path(path)


# --- Word ----------------------------------------------------------------------------

def make_docx(path: Path, before: list[str], table: list[list[str]] | None = None, after: list[str] = (),
              merge_first_row: bool = False) -> Path:
    """A .docx: paragraphs, then a table (rows of cells), then more paragraphs."""
    import docx

    d = docx.Document()
    for p in before:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
        if merge_first_row:
            t.cell(0, 0).merge(t.cell(0, len(table[0]) - 1))
            t.cell(0, 0).text = table[0][0]
    for p in after:
        d.add_paragraph(p)
    d.save(path)
    return Path(path)
