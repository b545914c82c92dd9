"""Abbreviations defined in the text give back their own Đ.

Plans define their abbreviations: ``định danh điện tử (ĐDĐT)``.  Stripped text turns
the abbreviation into ``DDDT``, and no model can tell which D was a Đ -- but once the
words before the parenthesis are restored, their initials spell it.  The spelling found
at the definition is then used for every occurrence of the abbreviation in the text.
"""

from __future__ import annotations

import re

from normalize.diacritics.syllables import strip_marks

DEFINITION = re.compile(r"((?:[^\W\d_]+[ \t]+){2,8})\(([A-ZĐ]{2,8})\)")


def learn(restored: str) -> dict[str, str]:
    """{stripped abbreviation: spelling from its definition}, where the two differ."""
    found: dict[str, str] = {}
    for m in DEFINITION.finditer(restored):
        abbr = m.group(2)
        words = m.group(1).split()[-len(abbr):]
        if len(words) != len(abbr):
            continue
        initials = "".join(w[0] for w in words).upper()
        if strip_marks(initials) != strip_marks(abbr) or initials == abbr:
            continue
        found.setdefault(strip_marks(abbr), initials)
    return found


def apply(original: str, restored: str, spans) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Replace stripped abbreviations in the restored spans by their defined spelling.

    Returns the new text and [(start, end, old, new)]; replacements keep their length.
    """
    found = learn(restored)
    if not found:
        return restored, []
    pattern = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, found)) + r")(?![^\W\d_])")
    chars = list(restored)
    changes = []
    for s, e in spans:
        for m in pattern.finditer(restored, s, e):
            if original[m.start() : m.end()] != m.group(1):
                continue  # only where the input had the mark-less form
            new = found[m.group(1)]
            chars[m.start() : m.end()] = list(new)
            changes.append((m.start(), m.end(), m.group(1), new))
    return "".join(chars), changes
