"""Official documents shipped with vnplan as language-model text (``data/*.jsonl.xz`` here).

``scripts/pack_text.py`` packs the documents of ``shared/admin-text`` (cleaned the way
``vnplan run`` cleans an input) into ``normalize/diacritics/data/admin-text.jsonl.xz``
(source and licence: ``corpus/README.md``); it sits beside the code, not in ``corpus/``,
so that ``vnplan run corpus/`` does not take it for a document. The restorer's
language model reads them beside the diacritized plans of ``corpus/``. They are training
text only: ``vnplan eval-restore`` never tests on them, and leaves out of its models any
of them that copies the plan under test (:func:`without_copies`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from normalize.diacritics.sources import is_diacritized, stat_signature
from normalize.diacritics.syllables import TOKEN_RE, nfc


DATA = Path(__file__).resolve().parent / "data"
SHIPPED_GLOB = "*.jsonl.xz"  # official documents shipped as training text (corpus/README.md)
_SHIPPED: dict[tuple, dict[str, str]] = {}


def text_dir() -> Path:
    """Where the packed text is read from: ``VNPLAN_TEXT_DIR`` if set (a folder of
    ``*.jsonl.xz`` packs; an empty folder means none), else this package's data/."""
    import os

    env = os.environ.get("VNPLAN_TEXT_DIR")
    return Path(env) if env else DATA


def _shipped_files(folder: Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else text_dir()
    return sorted(folder.glob(SHIPPED_GLOB)) if folder.is_dir() else []


def shipped_texts(folder: Path | None = None) -> dict[str, str]:
    """"text/<pack>/<file>" -> cleaned text of every diacritized document packed in
    ``folder/*.jsonl.xz`` (default: this package's data/, made by scripts/pack_text.py):
    language-model text only, never a held-out document of ``vnplan eval-restore``."""
    import json
    import lzma

    files = _shipped_files(folder)
    sig = stat_signature(files)
    if sig in _SHIPPED:
        return dict(_SHIPPED[sig])
    out = {}
    for p in files:
        try:
            with lzma.open(p, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        doc = json.loads(line)
                        if is_diacritized(doc["text"]):
                            out[f"text/{p.name.split('.')[0]}/{doc['file']}"] = doc["text"]
        except (OSError, EOFError, lzma.LZMAError, ValueError, KeyError):
            continue  # a damaged pack is no training text; the key below still changes with it
    _SHIPPED[sig] = out
    return dict(out)


def shipped_digest(folder: Path | None = None) -> str:
    h = hashlib.sha256()
    for p in _shipped_files(folder):
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _shingles(text: str, n: int = 8) -> set:
    toks = TOKEN_RE.findall(nfc(text).lower())
    return {tuple(toks[i:i + n]) for i in range(0, max(0, len(toks) - n + 1))}


def without_copies(shipped: dict[str, str], held_out: str, share: float = 0.3) -> dict[str, str]:
    """``shipped`` less every document that shares ``share`` or more of its 8-word runs with
    ``held_out``: a copy, or a near copy, of a document under test leaks its wording."""
    ref = _shingles(held_out)
    out = {}
    for name, text in shipped.items():
        sh = _shingles(text)
        if not sh or len(sh & ref) < share * len(sh):
            out[name] = text
    return out
