"""Is this a Vietnamese syllable? Used to tell right decodings from wrong ones.

A legacy-encoded file decoded with the wrong table still gives letters, but not
Vietnamese ones: ``Vieät`` read as TCVN3 is ``Vieọt``, which no syllable spells.
Scoring candidate decodings by how many of their accented words are well-formed
syllables (onset + vowel nucleus + coda, at most one tone) picks the right one.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave acute tilde hook dot-below
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "uyê|uya|uyu|uây|uôi|ươi|ươu|iêu|yêu|oai|oay|oao|oeo|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODAS = "ch|ng|nh|c|k|m|n|p|t"  # k: ethnic place names (Đắk Lắk)
_SYLLABLE = re.compile(rf"^(?:{_ONSETS})?(?:{_NUCLEI})(?:{_CODAS})?$")
VIETNAMESE_LETTERS = set(
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz"
)


def strip_tone(word: str) -> tuple[str, int]:
    """Lowercase word without its tone mark, and how many tone marks it had."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES)), tones


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (any case, NFC or not)."""
    base, tones = strip_tone(word)
    if tones > 1 or not base:
        return False
    return bool(_SYLLABLE.match(base))


_TOKEN = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> float:
    """Score a candidate decoding: + for accented syllables, − for impossible words.

    Only words with non-ASCII letters count: plain ASCII reads the same in every
    candidate and says nothing about which table is right.
    """
    score = 0.0
    for word in _TOKEN.findall(text):
        if word.isascii():
            continue
        if all(c.lower() in VIETNAMESE_LETTERS for c in word) and is_syllable(word):
            score += 1
        else:
            score -= 1
    return score


def syllable_ratio(text: str) -> tuple[int, int]:
    """(valid accented syllables, accented words) in ``text``."""
    good = total = 0
    for word in _TOKEN.findall(text):
        if word.isascii():
            continue
        total += 1
        good += all(c.lower() in VIETNAMESE_LETTERS for c in word) and is_syllable(word)
    return good, total
