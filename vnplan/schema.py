"""Pydantic models for the output contract in SCHEMA.md.

Every consumer of vnplan (database loaders, the evaluator, the review app) reads
exactly this shape, so the models are the one place the shape is defined; the JSON
Schema printed by ``vnplan schema`` is generated from them. Field names here are the
contract: add fields freely, never rename one without a major version bump.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnplan.versions import SCHEMA_VERSION  # noqa: F401  (re-exported: vnplan.schema.SCHEMA_VERSION)

Comparator = Literal[">", ">=", "=", "<=", "<", "range"]
Kind = Literal["base", "bonus", "penalty"]
Method = Literal["ratio_times_max", "yes_no", "per_item", "threshold", "other"]
IngestMethod = Literal["text", "pdf-text", "ocr", "docx", "html", "mixed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


def _iso_date(value: Optional[str]) -> Optional[str]:
    """Accept only real ISO dates (``2023-02-30`` is refused with a message)."""
    if value is None or value == "":
        return None
    try:
        _dt.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not a valid ISO date YYYY-MM-DD: {value!r}") from exc
    return value


class Evidence(_Model):
    text: str = Field(description="The exact sentence(s) of the normalized text the item came from.")
    span: tuple[int, int] = Field(description="[start, end) character offsets into <stem>.txt.")
    section: Optional[str] = Field(None, description='Heading path, e.g. "III.1.2" or "Phụ lục 2/II/1".')
    page: Optional[int] = Field(None, description="1-based page number where the input had pages.")


class Period(_Model):
    start: Optional[str] = None
    end: Optional[str] = None
    text: str = ""
    phases: list[str] = Field(default_factory=list, description='Stages named in the period ("Giai đoạn 1: …").')
    evidence: Optional[Evidence] = None

    _check_dates = field_validator("start", "end")(classmethod(lambda cls, v: _iso_date(v)))


class Deadline(_Model):
    text: str = Field(description="The original words of the deadline.")
    start: Optional[str] = None
    end: Optional[str] = Field(None, description="Last day of the period named (ISO date).")
    recurring: bool = False
    kind: Optional[str] = Field(
        None, description="date | month | quarter | year | range | recurring | conditional | reference | other"
    )

    _check_dates = field_validator("start", "end")(classmethod(lambda cls, v: _iso_date(v)))


class Milestone(_Model):
    name: str
    text: str = ""
    end: Optional[str] = None
    start: Optional[str] = None
    evidence: Optional[Evidence] = None

    _check_dates = field_validator("start", "end")(classmethod(lambda cls, v: _iso_date(v)))


class Campaign(_Model):
    period: Optional[Period] = None
    milestones: list[Milestone] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class IngestInfo(_Model):
    method: IngestMethod = "text"
    diacritics_restored: bool = False
    pages: Optional[int] = None
    encoding: Optional[str] = None
    ocr_confidence: Optional[float] = None


class DocumentInfo(_Model):
    id: str = Field(description="sha256 of the raw bytes, first 16 hex digits.")
    source: str
    number: Optional[str] = None
    doc_type: Optional[str] = None
    issuer: Optional[str] = None
    province: Optional[str] = None
    issued_date: Optional[str] = None
    issued_date_text: Optional[str] = Field(None, description="The date line as written (kept when the date is incomplete).")
    issued_year: Optional[int] = Field(None, description="Year of issue, also when the day is unreadable.")
    issued_month: Optional[int] = Field(None, ge=1, le=12, description="Month of issue, also when the day is unreadable.")
    title: Optional[str] = None
    signer: Optional[str] = None
    ingest: IngestInfo = Field(default_factory=IngestInfo)
    warnings: list[str] = Field(default_factory=list)

    _check_dates = field_validator("issued_date")(classmethod(lambda cls, v: _iso_date(v)))


class _Item(_Model):
    id: str
    evidence: Evidence
    confidence: float = Field(0.8, ge=0.0, le=1.0)
    warnings: list[str] = Field(default_factory=list)


class Target(_Item):
    metric: str
    comparator: Comparator = "="
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: str = "%"
    unit_text: Optional[str] = Field(None, description='The words of a `count` ("mô hình") or of a money or points unit '
                                                       '("tỷ đồng"); since 1.3.0.')
    applies_to: Optional[str] = None
    adjustments: list[str] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    numerator: Optional[float] = Field(None, description='For a ratio target ("11/11"): the count stated.')
    denominator: Optional[float] = Field(None, description='For a ratio target ("11/11"): out of how many.')


class Task(_Item):
    text: str
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    layout: Optional[str] = Field(None, description="Where the task was read: block | assignment | table | …")
    group: Optional[str] = Field(None, description="The heading of the group of tasks it belongs to.")


class ScoringCriterion(_Item):
    group: Optional[str] = None
    level: Optional[str] = None
    criterion: str
    kind: Kind = "base"
    max_points: Optional[float] = None
    method: Method = "other"
    per_item_points: Optional[float] = None
    threshold: Optional[float] = None
    formula_text: Optional[str] = None
    target_value: Optional[float] = Field(None, description="The ratio (%) that earns full points.")
    min_ratio: Optional[float] = Field(None, description="Below this ratio (%) the criterion earns nothing.")


class Award(_Item):
    form: str
    grantor: Optional[str] = None
    recipient: Optional[str] = None
    level: Optional[str] = None
    max_count: Optional[int] = None
    rank: Optional[str] = None
    prize_vnd: Optional[int] = None
    notes: list[str] = Field(default_factory=list, description="Conditions on the quota, e.g. per-district limits.")
    per_unit_limit: Optional[int] = Field(None, description="At most this many per unit (district, agency).")
    parent_id: Optional[str] = Field(
        None, description="The id of the total quota this quota is a part of (a breakdown per level or kind)."
    )
    max_share: Optional[float] = Field(
        None, description='A quota given as a share, in % ("không quá 10% tập thể" → 10); max_count is then null.'
    )


class StageError(_Model):
    stage: str = Field(description='The stage that failed, e.g. "extract.awards".')
    code: str = Field("E001", description="E001: the stage raised; its part of the output is empty.")
    error: str = Field(description="One line: the exception and its message.")


Status = Literal["ok", "partial", "not_a_plan"]


class Extraction(_Model):
    """One document's extraction: what ``vnplan run`` writes as ``<stem>.json``."""

    schema_version: str = SCHEMA_VERSION
    status: Status = Field(
        "ok",
        description="ok; partial (a stage failed: see errors, the other parts stand); "
        "not_a_plan (not an administrative document: no items, the reason in status_reason).",
    )
    status_reason: Optional[str] = None
    errors: list[StageError] = Field(default_factory=list)
    document: DocumentInfo
    campaign: Optional[Campaign] = None
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    scoring_criteria: list[ScoringCriterion] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)

    def to_json(self) -> str:
        """The file ``vnplan run`` writes: keys in the order of this schema (``schema_version``,
        ``status``, …, ``document``, the items), two-space indent, Vietnamese as is."""
        import json

        return json.dumps(self.model_dump(mode="json", exclude_none=False), ensure_ascii=False, indent=2) + "\n"


ITEM_TYPES: dict[str, type[_Item]] = {
    "targets": Target,
    "tasks": Task,
    "scoring_criteria": ScoringCriterion,
    "awards": Award,
}


def json_schema() -> dict:
    """The published JSON Schema of one extraction file."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"vnplan extraction {SCHEMA_VERSION}"
    return schema
