"""Check a hand-made gold file against its document before it is committed.

Usage: python scripts/check_gold.py gold/<stem>.json [corpus file]

Checks what a gold maker can get wrong without noticing: the shape (``vnplan.schema``),
unique item ids, award ``parent_id`` pointing at an award, the ``document.id`` being the
sha256 of the raw bytes, and every ``evidence.text`` occurring in the document once
markdown markup and whitespace are folded away. Needs only pydantic and the standard
library, so it runs before the project is installed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.schema import Extraction  # noqa: E402


def fold(text: str) -> str:
    """Markdown emphasis, heading marks, table pipes and whitespace folded away."""
    text = re.sub(r"\*+|_{2,}|^#+\s*", " ", text, flags=re.M)
    text = text.replace("|", " ").replace("\\", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def find_source(gold_path: Path, data: dict) -> Path | None:
    src = (data.get("document") or {}).get("source")
    for cand in ([ROOT / src] if src else []) + sorted((ROOT / "corpus").rglob(gold_path.stem + ".*")):
        if cand.is_file():
            return cand
    return None


def check(gold_path: Path, source: Path | None = None) -> list[str]:
    problems: list[str] = []
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        Extraction.model_validate(data)
    except Exception as exc:  # pydantic's message lists every field
        problems.append(f"schema: {exc}")
    source = source or find_source(gold_path, data)
    if source is None:
        return problems + ["no corpus file found for this gold (document.source)"]
    raw = source.read_bytes()
    want = hashlib.sha256(raw).hexdigest()[:16]
    if (data.get("document") or {}).get("id") != want:
        problems.append(f"document.id should be {want}")
    doc = fold(raw.decode("utf-8", errors="replace"))
    for kind in ("targets", "tasks", "scoring_criteria", "awards"):
        items = data.get(kind) or []
        ids = [it.get("id") for it in items]
        if len(ids) != len(set(ids)):
            problems.append(f"{kind}: duplicate ids")
        for it in items:
            ev = fold(((it.get("evidence") or {}).get("text")) or "")
            if not ev:
                problems.append(f"{kind} {it.get('id')}: empty evidence")
            elif ev not in doc:
                problems.append(f"{kind} {it.get('id')}: evidence not found in the document: {ev[:80]!r}")
    award_ids = {a.get("id") for a in data.get("awards") or []}
    for a in data.get("awards") or []:
        if a.get("parent_id") and a["parent_id"] not in award_ids:
            problems.append(f"awards {a.get('id')}: parent_id {a['parent_id']} is no award")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    gold = Path(argv[0])
    problems = check(gold, Path(argv[1]) if len(argv) > 1 else None)
    for p in problems:
        print(f"{gold.name}: {p}")
    counts = json.loads(gold.read_text(encoding="utf-8"))
    print(f"{gold.name}: {'OK' if not problems else f'{len(problems)} problem(s)'}; "
          + ", ".join(f"{k} {len(counts.get(k) or [])}" for k in ("targets", "tasks", "scoring_criteria", "awards")))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
