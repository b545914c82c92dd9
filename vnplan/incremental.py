"""Incremental runs: a file whose bytes, and the vnplan that read it, have not changed since
its outputs were written is not read again.

``OUT/.vnplan-state`` keeps, per output stem, the sha256 of the input's bytes, the
fingerprint of the vnplan that processed it (its version, the source of its four packages,
its vocabularies and the restorer model's inputs) and the result line of the report. A
file is reused when all three still hold and both outputs are there; ``--force`` redoes
everything. The state file is written atomically after each run.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from vnplan.io import write_atomic
from vnplan.results import FileResult

STATE_NAME = ".vnplan-state"  # JSON, without the .json a glob of the outputs would take
_PACKAGES = ("vnplan", "ingest", "normalize", "extract")


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """What the outputs depend on besides the input: version, code, data files, restorer."""
    from vnplan import __version__

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(__version__.encode())
    for pkg in _PACKAGES:
        for p in sorted((root / pkg).rglob("*")):
            if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json", ".xz") and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode())
                h.update(hashlib.sha256(p.read_bytes()).digest())
    try:
        from normalize.diacritics.model import model_fingerprint

        h.update(model_fingerprint().encode())
    except Exception:  # noqa: BLE001 - no restorer: outputs do not depend on one
        pass
    return h.hexdigest()[:24]


def file_sha256(path: Path) -> Optional[str]:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def load_state(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / STATE_NAME).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def reusable(state: dict, path: Path, stem: str, out_dir: Path, sha: Optional[str], fp: str) -> Optional[FileResult]:
    """The stored result of ``stem`` when its input and vnplan are unchanged and its outputs exist."""
    entry = state.get(stem)
    if not entry or sha is None or entry.get("sha256") != sha or entry.get("fingerprint") != fp:
        return None
    if not ((out_dir / f"{stem}.json").is_file() and (out_dir / f"{stem}.txt").is_file()):
        return None
    result = entry.get("result") or {}
    if result.get("status") in (None, "failed") or result.get("source") != str(path):
        return None
    res = FileResult(**{k: v for k, v in result.items() if k in FileResult.__dataclass_fields__})
    res.reused = True
    return res


def save_state(out_dir: Path, state: dict) -> None:
    # ASCII escapes: a file name that is not UTF-8 (kept by Python as surrogates) is stored as is
    write_atomic(out_dir / STATE_NAME, json.dumps(state, ensure_ascii=True, indent=1, sort_keys=True) + "\n")


def record(state: dict, stem: str, sha: Optional[str], fp: str, res: FileResult) -> None:
    if sha is not None and res.status != "failed":
        state[stem] = {"sha256": sha, "fingerprint": fp, "result": asdict(res)}
    else:
        state.pop(stem, None)
