"""The working gold of each document, and saving it without ever losing a version.

A reviewer's changes (accept, edit, delete, add, reject) go to an in-memory working copy
of ``gold/<stem>.json`` (started from the prediction's ``document`` block when there is no
gold file yet). Saving then

1. copies the gold file now on disk to ``gold/.history/<stem>/<UTC timestamp>.json``,
2. writes the working copy with ``vnplan.io.write_json`` (atomic, sorted keys, indented),
3. appends one line per change to ``gold/audit.jsonl``:
   ``{when, who, action, stem, type, item_id, before, after, saved_at}``.

A gold file changed on disk since it was opened is not overwritten (``Conflict``).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from vnplan.io import dumps, write_atomic, write_json
from vnplan.review.fields import ID_PREFIX
from vnplan.schema import SCHEMA_VERSION

ITEM_TYPES = ("targets", "tasks", "scoring_criteria", "awards")
AUDIT_NAME = "audit.jsonl"
LOCK_NAME = ".review.lock"
DRAFTS_DIR = ".drafts"  # unsaved changes kept when the server stops (Ctrl+C)
UNDO_DEPTH = 100
HISTORY_DIR = ".history"


class Conflict(RuntimeError):
    """The gold file changed on disk after the reviewer opened it."""


class BadGold(ValueError):
    """A gold file that cannot be read as an extraction (the message names the file and why)."""


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _digest(data: Optional[bytes]) -> Optional[str]:
    return hashlib.sha256(data).hexdigest() if data is not None else None


@dataclass
class Draft:
    """One document's working gold and the changes not saved yet."""

    gold: dict
    base_digest: Optional[str]
    changes: list[dict] = field(default_factory=list)
    rejected: set[str] = field(default_factory=set)
    undo: list[tuple] = field(default_factory=list)  # (gold, rejected, number of changes) before each action


class GoldStore:
    """Predictions in ``out_dir``, gold files in ``gold_dir``, working copies in memory."""

    def __init__(self, out_dir: Path | str, gold_dir: Path | str, reviewer: str = "reviewer"):
        self.out_dir = Path(out_dir)
        self.gold_dir = Path(gold_dir)
        self.reviewer = reviewer
        self.lock = threading.RLock()
        self._drafts: dict[str, Draft] = {}

    # ------------------------------------------------------------ reading
    def stems(self) -> list[str]:
        """Documents with a prediction (``OUT/<stem>.json`` holding a ``document`` block)."""
        out = []
        for path in sorted(self.out_dir.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue
            if isinstance(data, dict) and "document" in data:
                out.append(path.stem)
        return out

    def has(self, stem: str) -> bool:
        if not stem or any(c in stem for c in "/\\\0") or stem.startswith("."):
            return False
        try:
            return "document" in self.pred(stem)
        except (OSError, ValueError, TypeError):
            return False

    def pred(self, stem: str) -> dict:
        return json.loads((self.out_dir / f"{stem}.json").read_text(encoding="utf-8"))

    def text(self, stem: str) -> str:
        path = self.out_dir / f"{stem}.txt"
        if not path.is_file():
            return ""
        with open(path, encoding="utf-8", newline="") as fh:  # offsets count every character, \r included
            return fh.read()

    def gold_path(self, stem: str) -> Path:
        return self.gold_dir / f"{stem}.json"

    def has_gold_file(self, stem: str) -> bool:
        return self.gold_path(stem).is_file()

    def draft(self, stem: str) -> Draft:
        """The working copy of ``stem`` (read from disk the first time)."""
        with self.lock:
            if stem not in self._drafts:
                self._drafts[stem] = self._load(stem)
            return self._drafts[stem]

    def _load(self, stem: str) -> Draft:
        path = self.gold_path(stem)
        if path.is_file():
            raw = path.read_bytes()
            try:
                gold = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise BadGold(f"{path}: not valid UTF-8 JSON ({exc})") from None
            if not isinstance(gold, dict):
                raise BadGold(f"{path}: not a JSON object")
        else:
            raw = None
            pred = self.pred(stem)
            gold = {"schema_version": pred.get("schema_version", SCHEMA_VERSION), "document": copy.deepcopy(pred.get("document") or {}),
                    "campaign": None}
        for kind in ITEM_TYPES:
            gold[kind] = list(gold.get(kind) or [])
            if not all(isinstance(it, dict) for it in gold[kind]):
                raise BadGold(f"{path}: {kind} must be a list of objects")
            seen: set[str] = set()
            for item in gold[kind]:
                if not item.get("id") or item["id"] in seen:
                    item["id"] = new_id(kind, gold[kind])
                seen.add(item["id"])
        return self._kept_draft(stem, _digest(raw)) or Draft(gold=gold, base_digest=_digest(raw))

    def discard(self, stem: str) -> None:
        with self.lock:
            self._drafts.pop(stem, None)
            (self.gold_dir / DRAFTS_DIR / f"{stem}.json").unlink(missing_ok=True)

    def checkpoint(self, stem: str) -> None:
        """Remember the working gold before an action, for ``undo``."""
        d = self.draft(stem)
        d.undo.append((copy.deepcopy(d.gold), set(d.rejected), len(d.changes)))
        del d.undo[:-UNDO_DEPTH]

    def undo(self, stem: str) -> bool:
        """Take back the last unsaved action (False when there is none)."""
        with self.lock:
            d = self.draft(stem)
            if not d.undo:
                return False
            d.gold, d.rejected, n = d.undo.pop()
            del d.changes[n:]
            return True

    # ------------------------------------------------------------ drafts across a stop
    def keep_drafts(self) -> list[str]:
        """Write every document's unsaved changes to ``gold/.drafts/<stem>.json`` (the server is
        stopping); the next start takes them up again. Returns the stems kept."""
        kept = []
        with self.lock:
            for stem, d in self._drafts.items():
                if d.changes:
                    write_json(self.gold_dir / DRAFTS_DIR / f"{stem}.json",
                               {"base_digest": d.base_digest, "gold": d.gold, "rejected": sorted(d.rejected),
                                "changes": d.changes})
                    kept.append(stem)
        return kept

    def _kept_draft(self, stem: str, base_digest: Optional[str]) -> Optional[Draft]:
        path = self.gold_dir / DRAFTS_DIR / f"{stem}.json"
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if kept.get("base_digest") != base_digest:  # the gold changed since: the draft no longer applies
            return None
        return Draft(gold=kept["gold"], base_digest=base_digest, changes=list(kept.get("changes") or []),
                     rejected=set(kept.get("rejected") or []))

    # ------------------------------------------------------------ changing
    def record(self, stem: str, action: str, kind: str, item_id: Optional[str], before: Any, after: Any) -> None:
        self.draft(stem).changes.append({
            "when": utc_now(), "who": self.reviewer, "action": action, "stem": stem, "type": kind,
            "item_id": item_id, "before": copy.deepcopy(before), "after": copy.deepcopy(after),
        })

    # ------------------------------------------------------------ saving
    def save(self, stem: str) -> dict:
        """Write the working gold of ``stem``: under a lock on the gold folder (another review
        server on the same folder waits, then finds the version changed: Conflict), the audit
        lines first (if they cannot be written, the gold is not), the history copy, the gold."""
        with self.lock, self._folder_lock():
            d = self.draft(stem)
            if not d.changes:
                return {"saved": False, "changes": 0, "history": None, "path": str(self.gold_path(stem))}
            path = self.gold_path(stem)
            on_disk = path.read_bytes() if path.is_file() else None
            if _digest(on_disk) != d.base_digest:
                raise Conflict(f"{path} changed on disk since it was opened (another reviewer saved it); not "
                               f"overwritten. Discard reloads it (your {len(d.changes)} unsaved change(s) would have "
                               f"to be redone)")
            saved_at = utc_now()
            audit = self.gold_dir / AUDIT_NAME
            before = audit.stat().st_size if audit.is_file() else None
            self._append_audit([{**c, "saved_at": saved_at} for c in d.changes])
            try:
                history = None
                if on_disk is not None:
                    history = self._history_path(stem)
                    write_atomic(history, on_disk)
                write_json(path, d.gold)
            except BaseException:  # the gold was not written: neither are its audit lines
                if before is None:
                    audit.unlink(missing_ok=True)
                else:
                    os.truncate(audit, before)
                raise
            n = len(d.changes)
            d.changes = []
            d.undo = []
            (self.gold_dir / DRAFTS_DIR / f"{stem}.json").unlink(missing_ok=True)
            d.base_digest = _digest(dumps(d.gold).encode("utf-8"))
            return {"saved": True, "changes": n, "history": str(history) if history else None, "path": str(path)}

    def _folder_lock(self):
        """An exclusive lock on ``gold/.review.lock`` (fcntl), held while one save checks the
        version on disk and writes: two review servers on one folder cannot interleave."""
        import contextlib
        import fcntl

        @contextlib.contextmanager
        def held():
            self.gold_dir.mkdir(parents=True, exist_ok=True)
            with open(self.gold_dir / LOCK_NAME, "a+") as fh:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

        return held()

    def _history_path(self, stem: str) -> Path:
        folder = self.gold_dir / HISTORY_DIR / stem
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
        path = folder / f"{stamp}.json"
        n = 1
        while path.exists():
            path = folder / f"{stamp}-{n}.json"
            n += 1
        return path

    def _append_audit(self, entries: list[dict]) -> None:
        self.gold_dir.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
        with open(self.gold_dir / AUDIT_NAME, "a", encoding="utf-8") as fh:
            fh.write(lines)
            fh.flush()
            os.fsync(fh.fileno())

    def audit(self) -> list[dict]:
        path = self.gold_dir / AUDIT_NAME
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def new_id(kind: str, items: list[dict]) -> str:
    """The next free id of ``kind`` (``t7`` after ``t6``) among ``items``."""
    prefix = ID_PREFIX[kind]
    used = {str(i.get("id")) for i in items}
    n = 0
    for ident in used:
        if ident.startswith(prefix) and ident[len(prefix):].isdigit():
            n = max(n, int(ident[len(prefix):]))
    n += 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"
