"""Run the registered extractors over a normalized document.

Each extractor is a stage of :data:`STAGES` (the one stage protocol of
:mod:`vnplan.stages`): it reads the NormalizedDocument and returns its part of the
output. The order and the set of stages are configurable. Before any item stage runs,
the document-kind gate (:mod:`extract.doc_kind`) decides whether this is an
administrative document at all; a page that is not gets status ``not_a_plan`` and no
items. A stage that raises is recorded in ``errors`` (status ``partial``) and the other
stages go on, so one failing extractor does not lose the document.
"""

from __future__ import annotations

from normalize.model import NormalizedDocument
from vnplan.schema import Campaign, DocumentInfo, Extraction, IngestInfo
from vnplan.stages import Registry, StageFailure

STAGES = Registry("extract")
STAGES.lazy("document", "extract.document:extract_document_info")
STAGES.lazy("campaign", "extract.campaign:extract_campaign")
STAGES.lazy("targets", "extract.targets:extract_targets")
STAGES.lazy("tasks", "extract.tasks:extract_tasks")
STAGES.lazy("scoring_criteria", "extract.scoring:extract_scoring")
STAGES.lazy("awards", "extract.awards:extract_awards")
DEFAULT_PIPELINE = list(STAGES)
ITEM_STAGES = ("campaign", "targets", "tasks", "scoring_criteria", "awards")


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


def extract_document(ndoc: NormalizedDocument, pipeline: list[str] | None = None, gate: bool = True) -> Extraction:
    """The extraction of ``ndoc``; ``gate=False`` extracts items from any text (a fragment)."""
    from extract.doc_kind import document_kind

    parts: dict = {"document": _base_document(ndoc)}
    failures: list[StageFailure] = []
    status, reason = "ok", None
    if gate:
        is_doc, why = document_kind(ndoc)
        if not is_doc:
            status, reason = "not_a_plan", why
    for name in pipeline or DEFAULT_PIPELINE:
        if status == "not_a_plan" and name in ITEM_STAGES:
            continue
        if name == "document":
            got = STAGES.run(name, ndoc, parts["document"], failures=failures)
            if got is not None:
                parts["document"] = got
        else:
            got = STAGES.run(name, ndoc, failures=failures)
            if got is not None:
                parts[name] = got
    if isinstance(parts.get("campaign"), Campaign) and not parts["campaign"].period and not parts["campaign"].milestones:
        parts["campaign"] = None
    errors = list(ndoc.errors) + [f.as_dict() for f in failures]
    if errors and status == "ok":
        status = "partial"
    parts.update(status=status, status_reason=reason, errors=errors)
    return Extraction.model_validate(parts)
