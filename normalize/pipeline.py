"""Normalize pipeline (minimal for now: NFC text, no structure)."""

from __future__ import annotations

import unicodedata

from ingest.model import IngestedDocument
from normalize.model import NormalizedDocument


def normalize_document(doc: IngestedDocument, **options) -> NormalizedDocument:
    text = unicodedata.normalize("NFC", doc.text.replace("\r\n", "\n"))
    return NormalizedDocument(source=doc.source, doc_id=doc.id, text=text, method=doc.method, encoding=doc.encoding)
