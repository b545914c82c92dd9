"""The tables data teams load and export: names, columns, types and keys.

These definitions are the contract of docs/database.md (its "Tables" part is generated
from them by ``python -m vnplan.tables``, and a test keeps the two in sync): add columns
freely, never rename one. The loader (vnplan.database), the exporter (vnplan.tables) and
the flattening of extractions into rows (vnplan.flatten) all follow them. Plain data, no
pandas or Arrow here, so that anything may import it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

TABLES_VERSION = "1"
TYPES = ("TEXT", "DOUBLE", "BIGINT", "INTEGER", "BOOLEAN", "DATE", "TIMESTAMP")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of TYPES
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str = ""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(*specs: tuple[str, str, str] | tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)


_DEADLINE = _cols(
    ("deadline_text", "TEXT", "deadline in the plan's own words"),
    ("deadline_start", "DATE", "start of the deadline period, if any"),
    ("deadline_end", "DATE", "last day of the deadline period (quarter/month → its last day)"),
    ("deadline_recurring", "BOOLEAN", "true for recurring deadlines (hằng năm, hằng quý…)"),
    ("deadline_kind", "TEXT", "date, month, quarter, year, range, recurring, conditional, reference, other"),
)
_EVIDENCE = _cols(
    ("evidence_text", "TEXT", "the sentence(s) the item came from"),
    ("evidence_start", "INTEGER", "start offset into <stem>.txt"),
    ("evidence_end", "INTEGER", "end offset (exclusive) into <stem>.txt"),
    ("section", "TEXT", 'heading path, e.g. "III.1.2"'),
    ("page", "INTEGER", "1-based page where the input had pages"),
)
_ITEM_HEAD = _cols(
    ("doc_id", "TEXT", "documents.doc_id"),
    ("item_id", "TEXT", "item id within the document (t1, k1, s1, a1…)"),
    ("position", "INTEGER", "1-based order of the item in its list"),
)
_ITEM_TAIL = _EVIDENCE + _cols(
    ("confidence", "DOUBLE", "0..1"),
    ("warnings", "TEXT", "JSON array of strings"),
    ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
)
# Columns the item tables share (the deadline ones where the item has a deadline). The
# other columns of an item table are its own, each named after the item's JSON field but
# for RENAMED_FIELDS: that is how vnplan.flatten fills them.
SHARED_ITEM_COLUMNS = frozenset(c.name for c in _ITEM_HEAD + _DEADLINE + _ITEM_TAIL)
RENAMED_FIELDS = {"criterion_group": "group"}  # column → JSON field (GROUP is an SQL keyword)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            _cols(
                ("doc_id", "TEXT", "document.id: sha256 of the raw bytes, first 16 hex"),
                ("schema_version", "TEXT", "schema_version of the extraction file"),
                ("source", "TEXT", "input path as given to vnplan run"),
                ("output_file", "TEXT", "name of the <stem>.json file loaded"),
                ("number", "TEXT", "số hiệu, e.g. 186/KH-UBND"),
                ("doc_type", "TEXT", "Kế hoạch, Quyết định…"),
                ("issuer", "TEXT", "issuing body"),
                ("province", "TEXT", "canonical province name"),
                ("issued_date", "DATE", ""),
                ("title", "TEXT", ""),
                ("signer", "TEXT", ""),
                ("ingest_method", "TEXT", "text, pdf-text, ocr, docx, mixed"),
                ("diacritics_restored", "BOOLEAN", ""),
                ("pages", "INTEGER", "page count where the input had pages"),
                ("encoding", "TEXT", "detected text encoding"),
                ("ocr_confidence", "DOUBLE", ""),
                ("campaign_start", "DATE", "emulation period start"),
                ("campaign_end", "DATE", "emulation period end"),
                ("campaign_text", "TEXT", "emulation period in the plan's words"),
                ("n_targets", "INTEGER", "item counts of this document"),
                ("n_tasks", "INTEGER", ""),
                ("n_scoring_criteria", "INTEGER", ""),
                ("n_awards", "INTEGER", ""),
                ("warnings", "TEXT", "JSON array of document warnings"),
                ("status", "TEXT", "ok, partial (a stage failed: see errors), not_a_plan (no items)"),
                ("status_reason", "TEXT", "why a document is not_a_plan"),
                ("errors", "TEXT", "JSON array of {stage, code, error} for stages that failed, or NULL"),
                ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
                ("content_sha256", "TEXT", "sha256 of the <stem>.json file's bytes: unchanged files are not reloaded"),
                ("extracted_at", "TIMESTAMP", "UTC time the extraction was written (run-report or file time)"),
                ("run_id", "TEXT", "runs.run_id of the load that wrote this document's rows"),
            ),
            ("doc_id",),
            "one row per extraction file",
        ),
        Table(
            "targets",
            _ITEM_HEAD
            + _cols(
                ("metric", "TEXT", "what is measured"),
                ("comparator", "TEXT", "> >= = <= < range"),
                ("value", "DOUBLE", ""),
                ("value_max", "DOUBLE", "upper bound for ranges"),
                ("unit", "TEXT", "%, count, VND, points, free text"),
                ("applies_to", "TEXT", "tỉnh, sở ngành, cấp huyện, cấp xã, …, free text"),
                ("adjustments", "TEXT", "JSON array of strings"),
                ("unit_text", "TEXT", "the counted noun of a `count` (mô hình), the words of a VND or points unit"),
            )
            + _DEADLINE
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "chỉ tiêu: one measurable target per row",
        ),
        Table(
            "tasks",
            _ITEM_HEAD + _cols(("text", "TEXT", "the task")) + _DEADLINE + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "nhiệm vụ; owners are in task_agencies",
        ),
        Table(
            "task_agencies",
            _cols(
                ("doc_id", "TEXT", "documents.doc_id"),
                ("task_id", "TEXT", "tasks.item_id"),
                ("role", "TEXT", "lead, support"),
                ("position", "INTEGER", "1-based order within the role"),
                ("agency", "TEXT", "agency name as extracted"),
            ),
            ("doc_id", "task_id", "role", "position"),
            "one row per lead or supporting agency of a task",
        ),
        Table(
            "scoring_criteria",
            _ITEM_HEAD
            + _cols(
                ("criterion_group", "TEXT", "the criterion's group heading (JSON field `group`)"),
                ("level", "TEXT", "who is scored: cấp huyện, sở ngành…"),
                ("criterion", "TEXT", ""),
                ("kind", "TEXT", "base, bonus, penalty"),
                ("max_points", "DOUBLE", ""),
                ("method", "TEXT", "ratio_times_max, yes_no, per_item, threshold, other"),
                ("per_item_points", "DOUBLE", ""),
                ("threshold", "DOUBLE", ""),
                ("formula_text", "TEXT", ""),
            )
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "rows of a scoring table (thang điểm)",
        ),
        Table(
            "awards",
            _ITEM_HEAD
            + _cols(
                ("form", "TEXT", "Bằng khen, Giấy khen, …"),
                ("grantor", "TEXT", ""),
                ("recipient", "TEXT", "tập thể, cá nhân"),
                ("level", "TEXT", ""),
                ("max_count", "BIGINT", "quota: không quá N → N"),
                ("rank", "TEXT", "Nhất, Nhì, Ba where ranked"),
                ("prize_vnd", "BIGINT", "prize in đồng"),
                ("parent_id", "TEXT", "item_id of the total quota this quota breaks down, or NULL"),
                ("max_share", "DOUBLE", "a quota given as a share, in % (max_count is then NULL)"),
            )
            + _ITEM_TAIL,
            ("doc_id", "item_id"),
            "khen thưởng quotas",
        ),
        Table(
            "milestones",
            _cols(
                ("doc_id", "TEXT", "documents.doc_id"),
                ("position", "INTEGER", "1-based order in campaign.milestones"),
                ("name", "TEXT", "sơ kết, tổng kết…"),
                ("text", "TEXT", "the milestone in the plan's words"),
                ("start_date", "DATE", ""),
                ("end_date", "DATE", ""),
                ("extra", "TEXT", "JSON object of fields this table version does not know, or NULL"),
            ),
            ("doc_id", "position"),
            "campaign milestones",
        ),
        Table(
            "runs",
            _cols(
                ("run_id", "TEXT", "unique id of one load (or export)"),
                ("loaded_at", "TIMESTAMP", "UTC time of the load"),
                ("source_dir", "TEXT", "the output folder read"),
                ("vnplan_version", "TEXT", ""),
                ("files_read", "INTEGER", "extraction files found"),
                ("documents_inserted", "INTEGER", "documents new to the database"),
                ("documents_replaced", "INTEGER", "documents whose rows were replaced by a newer extraction"),
                ("documents_unchanged", "INTEGER", "documents already loaded with the same content"),
                ("documents_skipped", "INTEGER", "older than the loaded extraction, or invalid and skipped"),
                ("rows_written", "BIGINT", "rows inserted into all item tables by this load"),
                ("report_failed", "INTEGER", "files run-report.json lists as failed"),
                ("schema_versions", "TEXT", "distinct schema_version values read, comma separated"),
            ),
            ("run_id",),
            "one row per load",
        ),
    )
}
ITEM_TABLES = ("targets", "tasks", "scoring_criteria", "awards")
DOCUMENT_TABLES = ("documents", "targets", "tasks", "task_agencies", "scoring_criteria", "awards", "milestones")


def markdown_columns(table: str) -> str:
    """The column table of docs/database.md for one table (a test keeps the doc in sync)."""
    lines = ["| column | type | notes |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in TABLES[table].columns]
    return "\n".join(lines)


def markdown_tables() -> str:
    """The "Tables" part of docs/database.md: ``python -m vnplan.tables`` prints it."""
    parts = []
    for t in TABLES.values():
        parts.append(f"### {t.name}\n\n{t.doc[0].upper()}{t.doc[1:]}. Key: `({', '.join(t.key)})`.\n\n{markdown_columns(t.name)}\n")
    return "\n".join(parts)
