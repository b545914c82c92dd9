"""Language data kept as data: the vocabularies every stage reads, and the one way to fold.

Like spaCy's ``spacy/lang/vi/``, what vnplan knows of Vietnamese administrative wording
lives in files under ``vnplan/lang/vi/`` (one TSV per vocabulary: comparators, award
forms, ranks, document types, …), each entry with where it was seen, so that a new
phrasing is a new line, not a new regular expression in some extractor. Everything is
matched on the *folded* form (:func:`fold`): accents removed, đ → d, lower case, the
same length as the input, so an offset in the folded text is an offset in the original.
This module sits at the bottom with :mod:`vnplan.schema`: normalize and extract import
it; it imports none of them.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent / "vi"


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character: one char in, one out."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            got = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            got = base if len(base) == 1 else ch
        self[code] = got
        return got


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Accent- and case-insensitive form of ``text``, same length (one char per char)."""
    return text.translate(_FOLD)


@functools.lru_cache(maxsize=None)
def vocabulary(name: str) -> tuple[dict, ...]:
    """The rows of ``vnplan/lang/vi/<name>.tsv`` (``#`` lines are comments)."""
    path = DATA / f"{name}.tsv"
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t"))


def phrases(name: str, column: str = "phrase", **where: str) -> list[str]:
    """The folded phrases of a vocabulary, longest first, optionally only rows with ``where``."""
    rows = [r for r in vocabulary(name) if all(r.get(k) == v for k, v in where.items())]
    return sorted({fold(r[column]) for r in rows}, key=len, reverse=True)


def alternation(words: list[str]) -> str:
    """A regex alternation of folded phrases whose spaces match any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def mapping(name: str, key: str = "phrase", value: str = "canonical") -> dict[str, str]:
    """folded ``key`` → ``value`` over a vocabulary's rows."""
    return {fold(r[key]): r[value] for r in vocabulary(name)}


# the two places a tone mark may sit in "uy", "oa", "oe" ("ủy"/"uỷ", "hòa"/"hoà"): both are written
_TONE_PAIRS = [("ủy", "uỷ"), ("ùy", "uỳ"), ("úy", "uý"), ("ũy", "uỹ"), ("ụy", "uỵ"),
               ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
               ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ")]


def tone_spellings(phrase: str) -> list[str]:
    """``phrase`` and its spelling with the other tone placement ("tỉnh ủy" → also "tỉnh uỷ")."""
    other = phrase
    for a, b in _TONE_PAIRS:
        other = other.replace(a, "\0").replace(b, a).replace("\0", b)
    return [phrase] if other == phrase else [phrase, other]
