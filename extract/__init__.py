"""Text → schema items.

``extract_document(ndoc)`` runs the registered extractors (document header, campaign,
targets, tasks, scoring criteria, awards) over a :class:`NormalizedDocument` and
returns a validated :class:`vnplan.schema.Extraction`.
"""

__all__ = ["extract_document"]


def extract_document(ndoc, **options):
    from extract.pipeline import extract_document as _impl

    return _impl(ndoc, **options)
