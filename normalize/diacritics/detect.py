"""Does this text (or this block of it) need its diacritics restored, and of which kind?

Signals, measured on tokens that look Vietnamese (their mark-less form is a known
syllable key): the share that carry no mark at all (≈15 % in accented Vietnamese,
100 % in stripped text), and signs of English OCR: marked tokens that are no Vietnamese
syllable (``tuyén``), letters glued to digits or junk glyphs (``1¢``, ``K&``, ``s6``).
"""

from __future__ import annotations

from dataclasses import dataclass

from normalize.diacritics.syllables import JUNK, has_marks, strip_marks
from normalize.diacritics.tokens import Tally, line_items, share

STRIPPED_DOC = 0.5  # unmarked share above which a document is "stripped"
STRIPPED_BLOCK = 0.7  # … a block of an otherwise accented document
OCR_SIGNS = 0.04  # share of OCR-damage tokens above which the OCR channel is used
MIN_TOKENS = 8


@dataclass
class Signals(Tally):
    vi_tokens: int = 0
    unmarked: int = 0
    ocr_signs: int = 0
    letter_tokens: int = 0

    @property
    def unmarked_ratio(self) -> float:
        return share(self.unmarked, self.vi_tokens)

    @property
    def ocr_ratio(self) -> float:
        return share(self.ocr_signs, self.letter_tokens)


def signals(model, text: str) -> Signals:
    return block_signals(model, text, [(0, len(text))])[0]


def block_signals(model, text: str, spans: list[tuple[int, int]]) -> list[Signals]:
    """The signals of each (start, end) span of ``text`` (sorted, not overlapping), in one
    pass over the text: the document's are their sum, so nothing is read twice."""
    out = [Signals() for _ in spans]
    if not spans:
        return out
    cands, sylls = model.cands, model.syllables
    k, (bs, be) = 0, spans[0]
    sg = out[0]
    for s, e, tok in line_items(text):
        if s == e:
            continue
        while s >= be and k + 1 < len(spans):
            k += 1
            bs, be = spans[k]
            sg = out[k]
        if s < bs or s >= be:
            continue
        has_alpha = any(ch.isalpha() for ch in tok)
        if not has_alpha:
            continue
        sg.letter_tokens += 1
        lower = tok.lower()
        if not tok.isalpha() or any(ch in JUNK for ch in tok):
            sg.ocr_signs += 1
            continue
        if has_marks(lower) and lower not in sylls:
            sg.ocr_signs += 1
            sg.vi_tokens += 1
            continue
        if strip_marks(lower) in cands:
            sg.vi_tokens += 1
            sg.unmarked += not has_marks(lower)
    return out


def document_mode(sg: Signals) -> str:
    """'none', 'strip' or 'ocr' for a whole document."""
    if sg.vi_tokens < 3:
        return "none"
    if sg.ocr_ratio >= OCR_SIGNS and sg.unmarked_ratio >= 0.3:
        return "ocr"
    if sg.unmarked_ratio >= STRIPPED_DOC:
        return "strip"
    return "none"


def block_needs(sg: Signals, doc_mode: str) -> bool:
    """Whether a block of a document in ``doc_mode`` is restored."""
    if sg.vi_tokens == 0:
        return False
    looks_accented = sg.vi_tokens >= MIN_TOKENS and sg.unmarked_ratio < 0.3 and sg.ocr_ratio < 0.02
    if doc_mode == "ocr":
        # in English OCR even marked syllables are suspect (Két for Kết): short blocks too
        return not looks_accented
    if doc_mode == "strip":
        if sg.vi_tokens < 3:
            return sg.unmarked > 0 or sg.ocr_signs > 0
        return sg.unmarked_ratio >= 0.35 or sg.ocr_ratio >= OCR_SIGNS
    return sg.vi_tokens >= MIN_TOKENS and sg.unmarked_ratio >= STRIPPED_BLOCK
