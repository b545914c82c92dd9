"""Vietnamese vocabularies of administrative documents, one TSV file each (read by vnplan.lang)."""
