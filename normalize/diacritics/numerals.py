"""Roman heading numerals that English OCR misread (``11.`` for ``II.``, ``I1l.`` for ``III.``),
given back by their position.

Plans number their top-level parts ``I.``, ``II.``, ``III.`` in order, each opening a
heading line in capitals.  A token at the start of such a line that is made of
numeral-like glyphs (I V X and the 1 l | that English OCR prints for I) and, read as a
Roman numeral, is the next number of the sequence seen so far, is that numeral.  A
token that is already a valid numeral advances the sequence; anything else is left to
the word restorer.  Nothing depends on the wording of the heading.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^([ \t]*)([IVXl1|]{1,5})(\.[ \t]+)(\S.*)$")
LOOKALIKE = str.maketrans({"l": "I", "1": "I", "|": "I"})
_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(s: str) -> int | None:
    """The value of a Roman numeral in canonical form (``IV``, not ``IIII``), else None."""
    if not s or any(ch not in _VALUES for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = _VALUES[a]
        total += -va if b in _VALUES and _VALUES[b] > va else va
    return total if 0 < total < 40 and to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = ""
    for value, glyph in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += glyph
            n -= value
    return out


def _capitalized(rest: str) -> bool:
    letters = [ch for ch in rest if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def heading_numerals(text: str) -> dict[int, str]:
    """{line index: Roman numeral} for the heading lines of ``text`` whose numeral is
    known: valid as read, or misread and fixed by the sequence."""
    found: dict[int, str] = {}
    last = 0
    for n, line in enumerate(text.split("\n")):
        m = HEADING.match(line)
        if not m or not _capitalized(m.group(4)):
            continue
        tok = m.group(2)
        value = roman_value(tok)
        if value is not None:
            last = value
            found[n] = tok
            continue
        value = roman_value(tok.translate(LOOKALIKE))
        if value is None or value != last + 1 or (tok == "1" and last == 0):
            continue  # "1." opening the first heading is as likely an Arabic 1
        last = value
        found[n] = to_roman(value)
    return found


FIRST_TOKEN = re.compile(r"^([ \t]*)([^\s.]+)(?=\.)")


def apply(restored: str, numerals: dict[int, str], lines: set[int] | None = None) -> tuple[str, list[tuple[int, str, str]]]:
    """Write the numerals at the start of their lines of ``restored`` (the restorer may have
    read them as words); returns the text and [(line index, old, new)] for the changed ones."""
    if not numerals:
        return restored, []
    out = restored.split("\n")
    changes = []
    for n, numeral in numerals.items():
        if n >= len(out) or (lines is not None and n not in lines):
            continue
        m = FIRST_TOKEN.match(out[n])
        if m and m.group(2) != numeral:
            changes.append((n, m.group(2), numeral))
            out[n] = m.group(1) + numeral + out[n][m.end():]
    return "\n".join(out), changes
