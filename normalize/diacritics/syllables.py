"""Vietnamese letters taken apart: base letter, vowel modifier, tone.

Everything the restorer does rests on two questions about a token: what is it once
its marks are removed (the key that indexes candidate syllables), and which fully
marked syllables are consistent with the marks that survived.  Both are answered
here with precomputed per-character tables so that they cost one ``str.translate``.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_MODS = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
_VOWELS = "aeiouy"

# char -> (base, modifier or "", tone or "")
DECOMP: dict[str, tuple[str, str, str]] = {}


def _build_tables() -> None:
    bases = _VOWELS + _VOWELS.upper()
    for b in bases:
        for mod in ["", *_MODS]:
            for tone in ["", *_TONES]:
                ch = unicodedata.normalize("NFC", b + mod + tone)
                if len(ch) != 1:
                    continue
                DECOMP[ch] = (b, _MODS.get(mod, ""), _TONES.get(tone, ""))
    for b in "bcdfghjklmnpqrstvwxz" + "bcdfghjklmnpqrstvwxz".upper():
        DECOMP[b] = (b, "", "")
    DECOMP["đ"] = ("d", "-", "")
    DECOMP["Đ"] = ("D", "-", "")


_build_tables()

_TONE_COMBINING = {v: k for k, v in _TONES.items()}
_MOD_COMBINING = {v: k for k, v in _MODS.items()}
# char -> the same letter without its tone mark (ữ -> ư), for backing off
TONELESS = {ch: unicodedata.normalize("NFC", b + _MOD_COMBINING.get(m, "")) if m != "-" else ch
            for ch, (b, m, t) in DECOMP.items()}

_STRIP = str.maketrans({ch: parts[0] for ch, parts in DECOMP.items() if ch != parts[0]})
MARKED_CHARS = frozenset(ch for ch, parts in DECOMP.items() if parts[1] or parts[2])
VIET_LETTERS = "".join(sorted(DECOMP))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """``"Quyết định"`` -> ``"Quyet dinh"`` (NFC input; other characters kept)."""
    return text.translate(_STRIP)


def has_marks(token: str) -> bool:
    return any(ch in MARKED_CHARS for ch in token)


def consistent(observed: str, candidate: str) -> bool:
    """True when ``candidate`` could be ``observed`` with some marks removed.

    Every mark present in ``observed`` (a modifier such as the circumflex, a tone, the
    stroke of đ) must be present in ``candidate`` at the same place; missing marks are free.
    """
    if len(observed) != len(candidate):
        return False
    for o, c in zip(observed, candidate):
        if o == c:
            continue
        po = DECOMP.get(o)
        pc = DECOMP.get(c)
        if po is None or pc is None or po[0] != pc[0]:
            return False
        if po[1] and po[1] != pc[1]:
            return False
        if po[2] and po[2] != pc[2]:
            return False
    return True


# A token is a run of letters/digits plus the junk glyphs English OCR puts in place of
# Vietnamese vowels; anything else (space, punctuation) separates tokens.
JUNK = "¢¥£€§©®&@$¤µ¶ß"
TOKEN_RE = re.compile(r"(?:[^\W_]|[" + re.escape(JUNK) + r"])+", re.UNICODE)
LETTERS_RE = re.compile(r"^[^\W\d_]+$", re.UNICODE)
DIGITS_RE = re.compile(r"^\d+$")


def case_of(token: str) -> str:
    """'lower', 'upper', 'title' or 'mixed'."""
    if token.islower():
        return "lower"
    if token.isupper():
        return "upper" if len(token) > 1 else "title"
    if token[:1].isupper() and token[1:].islower():
        return "title"
    return "mixed"


def apply_case(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    if case == "title":
        return word[:1].upper() + word[1:]
    return word
