"""Image files (PNG, JPEG, TIFF incl. multi-page, GIF, BMP, WebP): OCR each frame.

A scan sent as photos or a fax TIFF is one page per frame. An image on which OCR
finds no confident word is refused ("no text found") rather than passed on empty.
"""

from __future__ import annotations

import io
import unicodedata
import warnings as _warnings

from ingest.model import IngestError, Page
from ingest.ocr import check_tesseract, ocr_image
from ingest.options import IngestOptions

MAX_PIXELS = 200_000_000  # refuse decompression bombs before decoding


def _dpi_of(frame) -> int | None:
    dpi = frame.info.get("dpi")
    try:
        value = int(round(float(dpi[0]))) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    return value if value and value > 1 else None


def read_image(raw: bytes, opts: IngestOptions) -> tuple[list[Page], str, list[str]]:
    """Return (pages, "ocr", warnings)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    check_tesseract(opts.lang)
    warnings: list[str] = []
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(raw))
            if img.width * img.height > MAX_PIXELS:
                raise IngestError(f"image too large ({img.width}x{img.height} pixels)")
            frames = []
            for frame in ImageSequence.Iterator(img):
                frame.load()
                frames.append((ImageOps.exif_transpose(frame.copy()), _dpi_of(frame)))  # phone photos: upright
    except IngestError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise IngestError(f"damaged or unreadable image ({str(exc).strip()[:100] or type(exc).__name__})") from None
    pages: list[Page] = []
    for number, (frame, dpi) in enumerate(frames, start=1):
        result = ocr_image(frame, lang=opts.lang, psm=opts.psm, dpi=dpi, timeout=opts.ocr_timeout)
        if not result.confident_chars:
            warnings.append(f"page {number}: no text found")
        pages.append(Page(number, unicodedata.normalize("NFC", result.text), confidence=result.confidence, method="ocr",
                          tables=result.tables))
    if not any(p.text.strip() for p in pages) or all(f"page {p.number}: no text found" in warnings for p in pages):
        raise IngestError("no text found: OCR found no text in the image")
    return pages, "ocr", warnings
