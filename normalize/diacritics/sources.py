"""What the restorer model is built from, read cheaply: whether a text is diacritized (so it
can teach tone marks), and a file list's names, sizes and times (a cache key that reads no
file). Used by the model (corpus plans) and the shipped text alike."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from normalize.diacritics.syllables import DECOMP, has_marks
from normalize.diacritics.tokens import line_items

MIN_MARKED_RATIO = 0.45  # a document below this share of marked syllables is "stripped"


def marked_ratio(text: str) -> float:
    """Share of Vietnamese-looking letter tokens that carry a diacritic."""
    n = marked = 0
    for _s, _e, tok in line_items(text):
        if tok.isalpha() and all(ch in DECOMP for ch in tok) and not tok.isupper():
            n += 1
            marked += has_marks(tok)
    return marked / n if n else 0.0


def is_diacritized(text: str) -> bool:
    return marked_ratio(text) >= MIN_MARKED_RATIO


def stat_signature(paths: Iterable[Path]) -> tuple:
    """(path, size, mtime) of each file, (path, None, None) for one that cannot be read."""
    out = []
    for p in paths:
        try:
            st = Path(p).stat()
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)
