"""Readers: one per input format, chosen by content. (Minimal text reader for now.)"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from ingest.model import IngestedDocument, IngestError, Page


def ingest_file(path, **options) -> IngestedDocument:
    path = Path(path)
    if not path.exists():
        raise IngestError("no such file")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 text ({exc.reason})") from None
    text = unicodedata.normalize("NFC", text)
    return IngestedDocument(str(path), hashlib.sha256(raw).hexdigest(), "text", [Page(1, text)], encoding="utf-8")
