"""Which items a reviewer has looked at: "reviewed N of M" per document.

A reviewer marks an item reviewed once its fields were checked against the text, whether
or not anything was changed. The marks are not gold (they say who looked, not what is
right), so they live beside it, in ``gold/.review-state.json`` ({stem: [row keys]}), written
atomically on each change; the row keys are those of ``vnplan.review.rows`` (a gold item's
id, or a vnplan item's index for an item not in the gold).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from vnplan.io import write_json

FILE_NAME = ".review-state.json"


class ReviewedState:
    def __init__(self, gold_dir: Path | str):
        self.path = Path(gold_dir) / FILE_NAME
        self.lock = threading.RLock()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._marks = {str(k): set(map(str, v)) for k, v in data.items() if isinstance(v, list)}
        except (OSError, ValueError, AttributeError):
            self._marks = {}

    def keys(self, stem: str) -> set[str]:
        with self.lock:
            return set(self._marks.get(stem, ()))

    def mark(self, stem: str, key: str, reviewed: bool) -> None:
        with self.lock:
            marks = self._marks.setdefault(stem, set())
            (marks.add if reviewed else marks.discard)(key)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json(self.path, {s: sorted(k) for s, k in sorted(self._marks.items()) if k})

    def progress(self, stem: str, row_keys: list[str]) -> dict:
        """{"reviewed": n, "total": m} over the rows the page shows (marks of rows gone are not counted)."""
        marks = self.keys(stem)
        return {"reviewed": sum(k in marks for k in row_keys), "total": len(row_keys)}
