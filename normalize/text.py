"""Small text helpers shared by the normalize stages and the document extractor.

Vietnamese plans reach us with and without diacritics (OCR with an English model drops
them, some portals strip them), so structural cues are matched on a *folded* form:
accents removed, đ → d, lower case. ``fold`` keeps the string length for NFC text, so an
offset found in the folded string is an offset in the original.
"""

from __future__ import annotations

import re
import unicodedata

from vnplan.lang import fold  # noqa: F401  (one fold for every stage; re-exported here)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_upper_line(text: str, min_letters: int = 3) -> bool:
    """True for a line written in capitals (a heading or title line)."""
    ls = letters(text)
    if len(ls) < min_letters:
        return False
    upper = sum(1 for c in ls if c.isupper())
    return upper / len(ls) >= 0.85


def starts_lower(text: str) -> bool:
    for c in text.lstrip(" \t\"“'‘(«"):
        if c.isalpha():
            return c.islower()
        return False
    return False


VN_VOWELS = set("aeiouy")


def sentence_case(text: str, keep: list[str] | None = None) -> str:
    """Turn an ALL CAPS title into sentence case, keeping acronyms and the names in ``keep``.

    An acronym is a capitalised token without a vowel (UBND, HĐND, CCCD) or with digits.
    """
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        core = letters(w)
        if core and (not (set(fold(core)) & VN_VOWELS) or any(ch.isdigit() for ch in w)):
            out.append(w)
        else:
            out.append(w.lower())
    result = " ".join(out)
    for name in keep or []:
        result = re.sub(re.escape(name.lower()), name, result)
    for i, c in enumerate(result):
        if c.isalpha():
            result = result[:i] + c.upper() + result[i + 1 :]
            break
    return result
