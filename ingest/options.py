"""Settings of the ingest stage, with the defaults documented in one place.

``ingest_file(path, **options)`` accepts any of these fields as keyword arguments
(the pipeline passes ``options["ingest"]``); unknown names are refused so that a
typo does not silently fall back to a default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Optional

from ingest.model import IngestError


@dataclass
class IngestOptions:
    reader: Optional[str] = None  # force a reader by name (text | pdf | image | docx); None: sniff
    lang: str = "vie"  # tesseract language model(s), e.g. "vie+eng"
    dpi: int = 300  # rasterizing resolution for PDF pages without a text layer (>= 200)
    psm: int = 3  # tesseract page segmentation mode
    ocr: bool = True  # allow OCR at all (False: scanned pages are an error)
    ocr_timeout: int = 300  # seconds per page
    min_text_chars: int = 20  # a PDF page with fewer letters/digits in its text layer is OCR'd
    password: Optional[str] = None  # for encrypted PDFs
    max_text_mb: float = 20.0  # text files above this are refused (plans are well under 1 MB)
    max_file_mb: float = 200.0  # PDFs, images, .docx above this are refused
    max_expanded_mb: float = 200.0  # a .docx whose parts unpack to more than this is refused (zip bomb)
    max_chars: int = 5_000_000  # text after ingest above this many characters is refused (a plan: < 200,000)

    @classmethod
    def from_kwargs(cls, **kwargs) -> "IngestOptions":
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise TypeError(f"unknown ingest option(s): {', '.join(unknown)}")
        opts = cls(**{k: v for k, v in kwargs.items() if v is not None or k in ("reader", "password")})
        if opts.dpi < 200:
            raise IngestError(f"dpi {opts.dpi} is too low for OCR (use >= 200)")
        return opts
