"""Run the registered extractors over a normalized document.

Each extractor is a small object with one job, registered by name (like spaCy's
pipeline components): it reads the NormalizedDocument and returns items of one type.
The order and the set of extractors are configurable.
"""

from __future__ import annotations

import importlib
from typing import Callable

from normalize.model import NormalizedDocument
from vnplan.schema import Campaign, DocumentInfo, Extraction, IngestInfo

# name -> "module:function"; each function takes (ndoc) and returns its part.
REGISTRY: dict[str, str] = {
    "document": "extract.document:extract_document_info",
    "campaign": "extract.campaign:extract_campaign",
    "targets": "extract.targets:extract_targets",
    "tasks": "extract.tasks:extract_tasks",
    "scoring_criteria": "extract.scoring:extract_scoring",
    "awards": "extract.awards:extract_awards",
}
DEFAULT_PIPELINE = list(REGISTRY)


def _load(name: str) -> Callable | None:
    mod_name, func = REGISTRY[name].split(":")
    try:
        module = importlib.import_module(mod_name)
    except ModuleNotFoundError as exc:
        if exc.name == mod_name:
            return None
        raise
    return getattr(module, func)


def _base_document(ndoc: NormalizedDocument) -> DocumentInfo:
    return DocumentInfo(
        id=ndoc.doc_id,
        source=ndoc.source,
        ingest=IngestInfo(
            method=ndoc.method,
            diacritics_restored=ndoc.diacritics_restored,
            pages=len(ndoc.page_starts) or None,
            encoding=ndoc.encoding,
            ocr_confidence=ndoc.ocr_confidence,
        ),
    )


def extract_document(ndoc: NormalizedDocument, pipeline: list[str] | None = None) -> Extraction:
    parts: dict = {"document": _base_document(ndoc)}
    for name in pipeline or DEFAULT_PIPELINE:
        fn = _load(name)
        if fn is None:
            continue
        if name == "document":
            parts["document"] = fn(ndoc, parts["document"])
        else:
            parts[name] = fn(ndoc)
    if isinstance(parts.get("campaign"), Campaign) and not parts["campaign"].period and not parts["campaign"].milestones:
        parts["campaign"] = None
    return Extraction.model_validate(parts)
