"""Readers: one per input format, chosen by content, registered by name.

``ingest_file(path, **options)`` checks the path and its size, sniffs the format from
the first bytes (magic numbers; the suffix only breaks ties and names the mistake
when content and suffix disagree), runs the reader registered under that name and
returns an :class:`IngestedDocument`. Every refusal is an :class:`IngestError` whose
message is one line naming the reason.

Size policy: text files above ``max_text_mb`` (default 20 MB) and other files above
``max_file_mb`` (default 200 MB) are refused before being read. A plan is well
under 1 MB of text; a 50 MB "text file" is a dump or a mistake, not a plan.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Callable

from ingest.model import IngestedDocument, IngestError, Page
from ingest.options import IngestOptions

# reader(raw bytes, options) -> (pages, method, warnings) or (pages, method, warnings, encoding)
Reader = Callable[[bytes, IngestOptions], tuple]

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp"}


def _read_text(raw: bytes, opts: IngestOptions):
    from ingest.text import decode_text

    text, encoding, warnings = decode_text(raw)
    parts = text.split("\f")
    if len(parts) > 1:  # form feeds (pdftotext output) are page breaks
        if not parts[-1].strip():
            parts.pop()
        pages = [Page(i, part.strip("\n"), method="text") for i, part in enumerate(parts, start=1)]
    else:
        pages = [Page(1, text, method="text")]
    return pages, "text", warnings, encoding


def _read_pdf(raw: bytes, opts: IngestOptions):
    from ingest.pdf import read_pdf

    return read_pdf(raw, opts)


def _read_image(raw: bytes, opts: IngestOptions):
    from ingest.image import read_image

    return read_image(raw, opts)


def _read_docx(raw: bytes, opts: IngestOptions):
    from ingest.word import read_docx

    return read_docx(raw, opts)


def _read_html(raw: bytes, opts: IngestOptions):
    from ingest.html import read_html

    return read_html(raw, opts)


READERS: dict[str, Reader] = {"text": _read_text, "pdf": _read_pdf, "image": _read_image, "docx": _read_docx,
                              "html": _read_html}
PAGED = {"pdf", "image"}  # formats with real pages


def register_reader(name: str, reader: Reader, paged: bool = False) -> None:
    """Add or replace a reader; ``reader(raw, options)`` returns (pages, method, warnings[, encoding])."""
    READERS[name] = reader
    if paged:
        PAGED.add(name)


def sniff(head: bytes, suffix: str) -> str:
    """Name of the reader for a file starting with ``head`` (raises for known-unsupported formats)."""
    suffix = suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if suffix != ".zip" else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise IngestError("legacy Word .doc or encrypted Office file (OLE) is not supported: save it as .docx or PDF")
    if head.startswith(b"{\\rtf"):
        raise IngestError("RTF is not supported: save it as .docx or PDF")
    if (
        head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith(b"\xff\xd8\xff")
        or head[:4] in (b"II*\x00", b"MM\x00*")
        or head[:6] in (b"GIF87a", b"GIF89a")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (head[:2] == b"BM" and suffix == ".bmp")
    ):
        return "image"
    if suffix == ".pdf":
        raise IngestError("named .pdf but has no PDF header (damaged, or not a PDF)")
    if suffix == ".docx":
        raise IngestError("named .docx but is not a Word (zip) file")
    if suffix in IMAGE_SUFFIXES:
        raise IngestError(f"named {suffix} but is not a known image format")
    from ingest.html import looks_like_html

    if looks_like_html(head):
        return "html"  # a saved web page (whatever its name: portals serve .aspx, .php …)
    return "text"


def _check_zip(raw: bytes) -> None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except zipfile.BadZipFile:
        raise IngestError("damaged .docx: not a valid zip archive (truncated?)") from None
    if "word/document.xml" not in names:
        kind = "spreadsheet (.xlsx)" if any(n.startswith("xl/") for n in names) else "zip archive"
        raise IngestError(f"{kind} is not a supported plan format (text, PDF, image, .docx)")


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def ingest_file(path, **options) -> IngestedDocument:
    """Read one plan file into pages of raw text; raise :class:`IngestError` if it cannot be read."""
    opts = IngestOptions.from_kwargs(**options)
    path = Path(path)
    if not path.exists():
        raise IngestError("no such file")
    if path.is_dir():
        raise IngestError("is a folder, not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except PermissionError:
        raise IngestError("cannot read: permission denied") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if size == 0:
        raise IngestError("empty file (0 bytes)")
    name = opts.reader or sniff(head, path.suffix)
    if name != "zip" and name not in READERS:
        raise IngestError(f"no reader named {name!r} (known: {', '.join(sorted(READERS))})")
    limit_mb = opts.max_text_mb if name == "text" else opts.max_file_mb
    if size > limit_mb * 1e6:
        kind, knob = ("text file", "--max-text-mb") if name == "text" else ("file", "ingest option max_file_mb")
        raise IngestError(f"{kind} too large: {_size(size)} exceeds the {limit_mb:g} MB limit ({knob})")
    raw = path.read_bytes()
    if name in ("docx", "zip"):
        _check_zip(raw)
        name = "docx"
    result = READERS[name](raw, opts)
    pages, method, warnings = result[:3]
    chars = sum(len(p.text) for p in pages)
    if chars > opts.max_chars:
        raise IngestError(f"{chars:,} characters after reading, over the limit of {opts.max_chars:,} "
                          f"(ingest option max_chars; --max-chars)")
    encoding = result[3] if len(result) > 3 else None
    if not any(p.text.strip() for p in pages):
        raise IngestError("no text found" + (" (whitespace only)" if name == "text" else ""))
    return IngestedDocument(
        source=str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace"),  # JSON-safe
        sha256=hashlib.sha256(raw).hexdigest(),
        method=method,
        pages=pages,
        encoding=encoding,
        has_pages=name in PAGED or len(pages) > 1,
        warnings=list(warnings),
    )
