"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC) and VNI-Windows, both ways.

Government offices typed documents in these font encodings for two decades, and old
plans still circulate as such files. Neither is known to Python's codecs, so the
tables are written out here:

- TCVN3 (TCVN 5712:1993, VN3 / "ABC"): one byte per precomposed *lowercase* letter;
  of the capitals only Ă Â Ê Ô Ơ Ư Đ have codes (accented capitals were drawn by the
  ``.VnTimeH``-style fonts from the lowercase codes). Decoding therefore yields
  lowercase accented letters inside capitalised words; :func:`recase_words` puts
  them back in upper case where the rest of the word is.
- VNI-Windows: a base letter followed by a mark byte (``a`` + ``ù`` = ``á``,
  ``a`` + ``á`` = ``ấ``); ơ ư đ and the i-letters and ỵ are single bytes.

The encoders are the exact inverse of the decoders and exist so that tests can
round-trip real sentences.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- TCVN3 -------------------------------------------------------------------------

TCVN3_TO_UNICODE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
UNICODE_TO_TCVN3: dict[str, int] = {v: k for k, v in TCVN3_TO_UNICODE.items()}


_TCVN3_TABLE = {b: ch for b, ch in TCVN3_TO_UNICODE.items()}
_TCVN3_UNMAPPED = bytes(b for b in range(0x80, 0x100) if b not in TCVN3_TO_UNICODE)


def decode_tcvn3(raw: bytes) -> tuple[str, int]:
    """Bytes in TCVN3 → Unicode text; returns (text, number of bytes with no mapping)."""
    unmapped = len(raw) - len(raw.translate(None, _TCVN3_UNMAPPED))
    text = raw.decode("latin-1").translate(_TCVN3_TABLE).replace("\xa0", " ")
    return recase_words(text), unmapped


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (accented capitals are written with their lowercase code)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch])
        elif ch.lower() in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch.lower()])
        else:
            raise ValueError(f"character {ch!r} has no TCVN3 code")
    return bytes(out)


# --- VNI-Windows --------------------------------------------------------------------

# mark byte (lowercase form) → (modifier, tone); modifier ^ circumflex, ( breve
_VNI_MARKS = {
    "ù": ("", "acute"), "ø": ("", "grave"), "û": ("", "hook"), "õ": ("", "tilde"), "ï": ("", "dot"),
    "â": ("^", ""), "á": ("^", "acute"), "à": ("^", "grave"), "å": ("^", "hook"), "ã": ("^", "tilde"), "ä": ("^", "dot"),
    "ê": ("(", ""), "é": ("(", "acute"), "è": ("(", "grave"), "ú": ("(", "hook"), "ü": ("(", "tilde"), "ë": ("(", "dot"),
}
_TONE_MARK = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323", "": ""}
_MOD_MARK = {"^": "\u0302", "(": "\u0306", "": ""}
# single-byte letters (lowercase form): ô is ơ, ö is ư, ñ is đ
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
# which modifiers each base accepts (ơ and ư carry their horn already)
_VNI_BASES = {"a": "^(", "e": "^", "o": "^", "u": "", "y": "", "ơ": "", "ư": ""}


@lru_cache(maxsize=None)
def _vni_letter(base: str, mark: str) -> str | None:
    lower_base = base.lower()
    lower_base = _VNI_SINGLE.get(lower_base, lower_base) if lower_base in ("ô", "ö") else lower_base
    mod, tone = _VNI_MARKS[mark.lower()]
    allowed = _VNI_BASES.get(lower_base)
    if allowed is None or (mod and mod not in allowed):
        return None
    if lower_base == "y" and tone == "dot":
        return None  # ỵ is the single byte î
    letter = unicodedata.normalize("NFC", lower_base + _MOD_MARK[mod] + _TONE_MARK[tone])
    return letter.upper() if base.isupper() else letter


_VNI_PAIR = re.compile(
    "([aeouyôöAEOUYÔÖ])([" + "".join(_VNI_MARKS) + "".join(_VNI_MARKS).upper() + "])|([" + "".join(_VNI_SINGLE) + "".join(_VNI_SINGLE).upper() + "])"
)


def _single(ch: str) -> str:
    low = _VNI_SINGLE.get(ch.lower())
    if low is None:
        return ch
    return low.upper() if ch.isupper() else low


def decode_vni(raw: bytes) -> tuple[str, int]:
    """Bytes in VNI-Windows → Unicode text; returns (text, count of mark bytes left unpaired)."""
    stray = 0

    def sub(m: re.Match) -> str:
        nonlocal stray
        if m.group(3):
            return _single(m.group(3))
        letter = _vni_letter(m.group(1), m.group(2))
        if letter:
            return letter
        stray += 1
        return _single(m.group(1)) + m.group(2)

    return _VNI_PAIR.sub(sub, raw.decode("cp1252", errors="replace")), stray


def _vni_encode_letter(ch: str) -> str:
    upper = ch.isupper()
    low = ch.lower()
    inverse_single = {v: k for k, v in _VNI_SINGLE.items()}
    if low in inverse_single and low in ("đ", "í", "ì", "ỉ", "ĩ", "ị", "ỵ", "ơ", "ư"):
        s = inverse_single[low]
        return s.upper() if upper else s
    decomposed = unicodedata.normalize("NFD", low)
    base, marks = decomposed[0], decomposed[1:]
    mod = "^" if "\u0302" in marks else "(" if "\u0306" in marks else ""
    horn = "\u031b" in marks
    tone = next((name for name, m in _TONE_MARK.items() if m and m in marks), "")
    if horn:
        base = {"o": "ô", "u": "ö"}[base]
    if not mod and not tone and not horn:
        return ch
    mark = next((m for m, val in _VNI_MARKS.items() if val == (mod, tone)), None)
    if mark is None:
        raise ValueError(f"character {ch!r} has no VNI form")
    pair = base + (mark if (mod or tone) else "")
    return pair.upper() if upper else pair


def encode_vni(text: str) -> bytes:
    """Unicode → VNI-Windows bytes."""
    parts = []
    for ch in unicodedata.normalize("NFC", text):
        parts.append(ch if ord(ch) < 0x80 else _vni_encode_letter(ch))
    return "".join(parts).encode("cp1252")


# --- helpers --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _accented_lowers_only(word: str) -> bool:
    """Every lowercase letter of ``word`` is a non-ASCII (accented) one."""
    return all(not c.islower() or ord(c) >= 0x80 for c in word)


def _recase_line(line: str) -> str:
    words = _WORD.findall(line)
    mixed = [w for w in words if not w.islower() and not w.isupper() and _accented_lowers_only(w)]
    if not mixed:
        return line
    fix = {}
    # pass 1: two or more capitals (CộNG, HOạCH) is a capitalised word
    for w in mixed:
        if sum(c.isupper() for c in w) >= 2:
            fix[w] = w.upper()
    # pass 2: one capital (Kế, Về) only on a line otherwise in capitals (a heading)
    single = [w for w in mixed if w not in fix]
    if single:
        others = [fix.get(w, w) for w in words if w not in single and sum(c.isalpha() for c in w) >= 2]
        if others and sum(w.isupper() for w in others) >= 0.7 * len(others):
            fix.update((w, w.upper()) for w in single)
    if not fix:
        return line
    return _WORD.sub(lambda m: fix.get(m.group(0), m.group(0)), line)


def recase_words(text: str) -> str:
    """Upper-case the accented lowercase letters of words that are written in capitals.

    TCVN3 has no codes for accented capitals: ``CỘNG HÒA`` decodes as ``CộNG HòA``.
    Words with two or more capitals are upper-cased; words like ``Kế`` only on a
    line that is otherwise in capitals (a heading), so ``Hà Nội`` stays as it is.
    """
    return "\n".join(_recase_line(line) for line in text.split("\n"))
