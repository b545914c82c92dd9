"""Which items a reviewer has looked at: "reviewed N of M" per document.

A reviewer marks an item reviewed once its fields were checked against the text, whether
or not anything was changed. The marks are not gold (they say who looked, not what is
right), so they live beside it, in ``gold/.review-state/marks.json`` ({stem: [row keys]}; a folder
of its own, so that no reader of ``gold/*.json`` takes it for a gold file). Each change
re-reads the file under the gold folder's lock and writes it atomically, so two review
servers on one folder keep each other's marks. The row keys are those of
``vnplan.review.rows`` (a gold item's id, or a vnplan item's index for an item not in the gold).
"""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

from vnplan.io import write_json

FILE_NAME = Path(".review-state") / "marks.json"


class ReviewedState:
    def __init__(self, gold_dir: Path | str, folder_lock=contextlib.nullcontext):
        self.path = Path(gold_dir) / FILE_NAME
        self.lock = threading.RLock()
        self.folder_lock = folder_lock  # the gold folder's lock (vnplan.review.store), shared with saves
        self._marks = self._read()

    def _read(self) -> dict[str, set[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(k): set(map(str, v)) for k, v in data.items() if isinstance(v, list)}
        except (OSError, ValueError, AttributeError):
            return {}

    def keys(self, stem: str) -> set[str]:
        with self.lock:
            return set(self._marks.get(stem, ()))

    def mark(self, stem: str, key: str, reviewed: bool) -> None:
        """Mark one row; another server's marks written meanwhile are kept (read again under the lock)."""
        with self.lock, self.folder_lock():
            marks = self._read()
            row = marks.setdefault(stem, set())
            (row.add if reviewed else row.discard)(key)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json(self.path, {s: sorted(k) for s, k in sorted(marks.items()) if k})
            self._marks = marks  # only once written

    def progress(self, stem: str, row_keys: list[str]) -> dict:
        """{"reviewed": n, "total": m} over the rows the page shows (marks of rows gone are not counted)."""
        marks = self.keys(stem)
        return {"reviewed": sum(k in marks for k in row_keys), "total": len(row_keys)}
