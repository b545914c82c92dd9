"""Cutting a line into the items the language model sees.

Letter runs become lower-case syllables, digit runs ``<n>``, letter-digit mixtures
``<x>``; punctuation between tokens becomes its own item (its first character) so
that the model knows where clauses start.  Offsets are kept so that restored words are
written back in place and everything else on the line stays byte for byte.
"""

from __future__ import annotations

from dataclasses import fields

from normalize.diacritics.syllables import DIGITS_RE, LETTERS_RE, TOKEN_RE

NUM = "<n>"
MIXED = "<x>"


def lm_class(lower: str) -> str:
    if LETTERS_RE.match(lower):
        return lower
    if DIGITS_RE.match(lower):
        return NUM
    if any(ch.isalpha() for ch in lower):
        return MIXED
    return lower


def line_items(line: str) -> list[tuple[int, int, str]]:
    """[(start, end, token)]; a punctuation item has start == end and its first character as token."""
    items: list[tuple[int, int, str]] = []
    pos = 0
    for m in TOKEN_RE.finditer(line):
        gap = line[pos : m.start()].strip()
        if gap and items:
            items.append((pos, pos, gap[0]))
        items.append((m.start(), m.end(), m.group()))
        pos = m.end()
    return items


def lm_sequence(line: str) -> list[str]:
    out = []
    for s, e, tok in line_items(line):
        out.append(tok if s == e else lm_class(tok.lower()))
    return out


class Tally:
    """Mixin for a dataclass of counts: ``a.add(b)`` adds ``b`` field by field."""

    def add(self, other) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
