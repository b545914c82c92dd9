"""Abbreviations defined in the text give back their own Đ.

Plans define their abbreviations: ``định danh điện tử (ĐDĐT)``.  Stripped text turns
the abbreviation into ``DDDT``, and no model can tell which D was a Đ -- but once the
words before the parenthesis are restored, their initials spell it.  The spelling found
at the definition is then used for every occurrence of the abbreviation in the text.

The rule is per document: nothing is learned across documents, so an abbreviation
that a held-out plan defines for itself is given back even when no other plan uses it.
Restoration changes lengths (``dugc`` -> ``được``, a glued token split in two), so the
restored text is mapped back to the input through the decoder's edits.

An English OCR model damages the definition too: its brackets come out as ``{DDDT)`` or
``[DDDT]``, and a capital Đ as a B (``(BDBT)``).  Either is still read as a definition
when the restored initials agree with it letter by letter except where they hold a Đ;
the damaged spelling is then given back wherever it occurs, like the mark-less one.
"""

from __future__ import annotations

import re

from normalize.diacritics.syllables import strip_marks

ABBREVIATION = re.compile(r"[({\[]([A-ZĐ]{2,8})[)}\]]")  # OCR reads ( as { or [
WORD_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a definition may wrap onto the next line
WINDOW = 200  # characters looked at before "(ABBR)"


def learn(restored: str) -> dict[str, str]:
    """{stripped abbreviation: spelling from its definition}, where the two differ.

    A definition is ``(ABBR)`` right after as many words as ABBR has letters."""
    found: dict[str, str] = {}
    for m in ABBREVIATION.finditer(restored):
        abbr = m.group(1)
        key = strip_marks(abbr)
        if key in found:
            continue
        before = restored[max(0, m.start() - WINDOW) : m.start()]
        words = re.search(r"(?<![^\W\d_])((?:[^\W\d_]+" + WORD_GAP + "){%d})$" % len(abbr), before)
        if words is None:
            continue
        initials = "".join(w[0] for w in words.group(1).split()).upper()
        if initials == abbr or not _spells(initials, abbr):
            continue
        found[key] = initials
        found.setdefault(strip_marks(initials), initials)
    return found


def _spells(initials: str, abbr: str) -> bool:
    """Whether ``abbr`` is ``initials`` without their marks, or with an OCR-damaged Đ
    (``BDBT`` for ``ĐDĐT``): any letter may stand where the initials have a Đ."""
    return len(initials) == len(abbr) and all(
        a == strip_marks(i) or i == "Đ" for i, a in zip(initials, abbr))


def apply(original: str, restored: str, spans, edits=()) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Replace stripped abbreviations in the restored spans by their defined spelling.

    ``edits``: the decoder's [(start, end, output)] in ``original`` offsets, in order, which
    turned ``original`` into ``restored`` (everything between them is copied unchanged).
    Returns the new text and [(start, end, old, new)] in ``original`` offsets; a
    replacement keeps its length, so the restored text keeps its other offsets.
    """
    found = learn(restored)
    if not found:
        return restored, []
    edits = sorted(edits)
    new_at: list[tuple[int, int]] = []  # where each edit lies in the restored text
    shift = 0
    for s, e, out in edits:
        new_at.append((s + shift, s + shift + len(out)))
        shift += len(out) - (e - s)
    pattern = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, found)) + r")(?![^\W\d_])")
    chars = list(restored)
    changes = []
    j, shift = 0, 0
    for m in pattern.finditer(restored):
        a, b = m.span()
        while j < len(edits) and new_at[j][1] <= a:
            s, e, out = edits[j]
            shift += len(out) - (e - s)
            j += 1
        if j < len(edits) and new_at[j][0] < b:  # the match touches an edited token
            if new_at[j] != (a, b):
                continue
            start, end = edits[j][0], edits[j][1]
        else:
            start, end = a - shift, b - shift
        if original[start:end] != m.group(1) or not any(s <= start and end <= e for s, e in spans):
            continue  # only where the input had the mark-less form, inside a restored block
        new = found[m.group(1)]
        chars[a:b] = list(new)
        changes.append((start, end, m.group(1), new))
    return "".join(chars), changes
