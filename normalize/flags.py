"""Flag, don't guess: suspicious tokens are reported with their offset, never rewritten.

A footnote reference exported from Word lands glued to the word or number before it:
"xong trong tháng 11/20231" (year 2023, footnote 1), "lý do chính đáng)2.". Removing
the digit could destroy a real number, so the text stays as it is and a warning names
the position; extractors can read the warnings and treat the value with care.
"""

from __future__ import annotations

import re

# a year followed by one or two extra digits: 11/20231, năm 20232
_GLUED_YEAR = re.compile(r"(?:(?<=\d/)|(?<=\bnăm )|(?<=\bNăm ))((?:19|20)\d{2})(\d{1,2})(?!\d)")
# a digit glued after a closing bracket or a word, before punctuation: "chính đáng)2." "điển hình3;"
_GLUED_MARK = re.compile(r"(?<=[)\]”\"])(\d{1,2})(?=[.,;:]?(?:\s|$))|(?<=[a-zà-ỹđ]{3})(\d)(?=[.,;:](?:\s|$))")


def footnote_markers(text: str) -> list[tuple[int, str, str]]:
    """(offset of the marker, marker, the token it is glued to) for each suspected footnote marker."""
    out = []
    for m in _GLUED_YEAR.finditer(text):
        out.append((m.start(2), m.group(2), m.group(0)))
    for m in _GLUED_MARK.finditer(text):
        g = 1 if m.group(1) else 2
        s = max(0, m.start(g) - 12)
        out.append((m.start(g), m.group(g), text[s : m.end(g)].split()[-1] if text[s : m.end(g)].split() else m.group(g)))
    return sorted(out)


def flag_footnotes(text: str) -> list[str]:
    return [
        f"possible footnote marker {mark!r} glued to {token!r} at offset {pos} (text left unchanged)"
        for pos, mark, token in footnote_markers(text)
    ]
