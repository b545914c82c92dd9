"""Cleaning, structure and diacritic restoration.

``normalize_document(ingested)`` turns raw page text into a :class:`NormalizedDocument`:
the body of the plan without portal boilerplate or markup, lines joined back into
paragraphs, tables rebuilt, a section tree, and diacritics restored where needed.
"""

from normalize.model import NormalizedDocument, Section, Table

__all__ = ["NormalizedDocument", "Section", "Table", "normalize_document"]


def normalize_document(doc, **options) -> NormalizedDocument:
    from normalize.pipeline import normalize_document as _impl

    return _impl(doc, **options)
