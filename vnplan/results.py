"""What ``vnplan run`` says of each input file (one line of ``run-report.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class FileResult:
    source: str
    status: str  # ok | partial (a stage failed, the rest written) | not_a_plan (no items) | failed
    seconds: float = 0.0
    method: Optional[str] = None
    output: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    error: Optional[str] = None
    counts: dict = field(default_factory=dict)
    reused: bool = False  # outputs of an earlier run kept: input and vnplan unchanged (vnplan/incremental.py)
    note: Optional[str] = None  # why a file is not_a_plan, or which stages failed (partial)
