"""The output contract: models, JSON Schema, date validation."""

import pytest
from pydantic import ValidationError

from vnplan.schema import SCHEMA_VERSION, Deadline, Extraction, json_schema


def test_json_schema_names_every_contracted_field():
    schema = json_schema()
    props = schema["properties"]
    for key in ("schema_version", "document", "campaign", "targets", "tasks", "scoring_criteria", "awards"):
        assert key in props
    target = schema["$defs"]["Target"]["properties"]
    for key in ("metric", "comparator", "value", "value_max", "unit", "applies_to", "adjustments", "deadline", "evidence", "confidence", "warnings"):
        assert key in target


def test_impossible_date_is_refused():
    with pytest.raises(ValidationError, match="not a valid ISO date"):
        Deadline(text="31/11/2023", end="2023-11-31")


def test_minimal_extraction_round_trips():
    ex = Extraction.model_validate({"document": {"id": "abc", "source": "x.txt"}})
    assert ex.schema_version == SCHEMA_VERSION
    assert Extraction.model_validate_json(ex.model_dump_json()) == ex
