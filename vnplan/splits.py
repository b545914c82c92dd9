"""The fixed split of the gold set into ``seeds``, ``dev`` and ``test``.

vnplan is judged on documents it has never seen, so one part of the real documents is
kept out of development: no code change may be made for what it shows, and its score
is the headline figure. The rule is fixed and written here and in the README, so that it
cannot drift towards the documents that happen to score well:

* ``seeds``: the plans the project started from (``corpus/NNN_*.txt``, gold named
  ``NNN_<hash>``); in-sample.
* the 32 real documents of ``corpus/real/``: sorted by file name, every third one
  (the 3rd, 6th, 9th, …: index % 3 == 2) is ``test``, the others are ``dev``.
* every other document with gold (``corpus/admin/``, added for development from
  ``shared/admin-text``) is ``dev``: adding documents never moves one into or out of ``test``.

A gold file belongs to the split of its corpus document; the rule needs only the gold
folder, so ``vnplan evaluate --split test`` works on any checkout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SPLITS = ("seeds", "dev", "test", "real", "all")
_SEED = re.compile(r"^\d{3}_[0-9a-f]{16}$")


def _source(gold_file: Path) -> str:
    try:
        return (json.loads(gold_file.read_text(encoding="utf-8")).get("document") or {}).get("source") or ""
    except (OSError, ValueError):
        return ""


def split_of_stems(gold_dir: Path) -> dict[str, str]:
    """stem → ``seeds`` | ``dev`` | ``test`` for every gold file in ``gold_dir``."""
    gold_dir = Path(gold_dir)
    out: dict[str, str] = {}
    real: list[str] = []
    for g in sorted(p for p in gold_dir.glob("*.json") if not p.name.startswith(".")):
        source = _source(g)
        if "/real/" in source:
            real.append(g.stem)
        elif _SEED.match(g.stem) and "/" not in source.removeprefix("corpus/"):
            out[g.stem] = "seeds"
        else:
            out[g.stem] = "dev"
    for i, stem in enumerate(sorted(real)):
        out[stem] = "test" if i % 3 == 2 else "dev"
    return out


def stems_in(gold_dir: Path, split: str) -> set[str]:
    """The gold stems of ``split`` (``real`` = dev + test, ``all`` = everything)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    table = split_of_stems(gold_dir)
    if split == "all":
        return set(table)
    if split == "real":
        return {s for s, v in table.items() if v in ("dev", "test")}
    return {s for s, v in table.items() if v == split}
