"""Files → raw text with pages.

``ingest_file(path)`` picks a reader by the file's content (not only its suffix) and
returns an :class:`IngestedDocument`. Readers are registered by name so that the
pipeline can be configured rather than hard-wired.
"""

from ingest.model import IngestedDocument, IngestError, Page

__all__ = ["IngestedDocument", "IngestError", "Page", "ingest_file"]


def ingest_file(path, **options) -> IngestedDocument:  # pragma: no cover - replaced by ingest.readers
    from ingest.readers import ingest_file as _impl

    return _impl(path, **options)
