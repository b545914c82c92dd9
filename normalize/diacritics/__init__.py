"""Restoring Vietnamese diacritics in stripped and English-OCR-damaged text.

``restore_if_needed(text)`` is what the normalize stage calls: it decides per document
and per paragraph block whether restoration is needed (see :mod:`.detect`), restores
those blocks with a syllable trigram model learned from the diacritized plans in
corpus/ plus installed word lists and prose (see :mod:`.lexicon`), and, for English-OCR
damage, a channel learned from rendered-and-OCR'd corpus text (:mod:`.ocrsynth`,
:mod:`.channel`).  Text that needs nothing comes back byte for byte.

Measured with ``vnplan eval-restore``; speed with ``python bench/bench_restore.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from normalize.diacritics import acronyms, numerals
from normalize.diacritics.decode import TokenChoice, blocks, ocr_candidates, restore_text, strip_candidates
from normalize.diacritics.detect import Signals, block_needs, block_signals, document_mode, signals
from normalize.diacritics.model import RestorerModel, load_model
from normalize.diacritics.syllables import TOKEN_RE

LOW_CONFIDENCE = 0.6

__all__ = ["RestoreResult", "RestorerModel", "TokenChoice", "load_model", "restore", "restore_if_needed"]


@dataclass
class RestoreResult:
    text: str
    restored: bool
    mode: str = "none"  # none | strip | ocr
    warnings: list[str] = field(default_factory=list)
    tokens: list[TokenChoice] = field(default_factory=list)
    blocks_restored: int = 0
    blocks_total: int = 0
    unmarked_ratio: float = 0.0
    ocr_ratio: float = 0.0
    unknown: list[dict] = field(default_factory=list)  # [{"line": n, "token": t}] left as unknown words

    @property
    def low_confidence(self) -> list[TokenChoice]:
        return [t for t in self.tokens if t.confidence < LOW_CONFIDENCE]

    def report(self) -> dict:
        return {
            "restored": self.restored,
            "mode": self.mode,
            "blocks_restored": self.blocks_restored,
            "blocks_total": self.blocks_total,
            "unmarked_ratio": round(self.unmarked_ratio, 4),
            "ocr_ratio": round(self.ocr_ratio, 4),
            "warnings": self.warnings,
            "tokens": [
                {"start": t.start, "end": t.end, "original": t.original, "restored": t.output,
                 "confidence": t.confidence, "alternatives": t.alternatives}
                for t in self.tokens
            ],
            "unresolved": [
                {"start": t.start, "end": t.end, "original": t.original, "restored": t.output,
                 "confidence": t.confidence, "alternatives": t.alternatives}
                for t in self.low_confidence
            ],
            "unknown": self.unknown,
        }


def restore(text: str, model: RestorerModel | None = None, mode: str | None = None, force: bool = False) -> RestoreResult:
    """Restore ``text``. ``mode`` forces 'strip' or 'ocr'; ``force`` restores every block."""
    model = model or load_model()
    all_blocks = blocks(text)
    per_block = block_signals(model, text, all_blocks)  # one pass: the document's signals are their sum
    doc_sg = Signals()
    for sg in per_block:
        doc_sg.add(sg)
    doc_mode = mode or document_mode(doc_sg)
    if force and doc_mode == "none":
        doc_mode = "strip"
    spans = [(s, e) for (s, e), sg in zip(all_blocks, per_block) if force or block_needs(sg, doc_mode)]
    res = RestoreResult(text=text, restored=False, mode="none", blocks_total=len(all_blocks),
                        unmarked_ratio=doc_sg.unmarked_ratio, ocr_ratio=doc_sg.ocr_ratio)
    if not spans:
        return res
    block_mode = doc_mode if doc_mode != "none" else "strip"
    if block_mode == "ocr" and model.channel is None:
        res.warnings.append("diacritics: OCR channel not trained: English-OCR damage detected, but no rendered-and-"
                            "OCR'd page pairs are cached, so the text was restored as if only its marks were "
                            "missing (expect lower accuracy); run `vnplan train-restorer` once to train it")
        block_mode = "strip"
    fn = ocr_candidates if block_mode == "ocr" else strip_candidates
    new_text, choices = restore_text(model, text, fn, _join_broken(text, spans) if block_mode == "ocr" else spans)
    # abbreviations defined in the text (through the decoder's edits: lengths may differ)
    new_text, changes = acronyms.apply(text, new_text, spans, [(c.start, c.end, c.output) for c in choices])
    if changes:
        redone = {s for s, _e, _old, _new in changes}
        choices = [c for c in choices if c.start not in redone]
        choices.extend(TokenChoice(s, e, old, new, 1.0, [new]) for s, e, old, new in changes)
        choices.sort(key=lambda t: t.start)
    new_text = _heading_numerals(text, new_text, spans, choices)
    res.text, res.tokens, res.mode = new_text, choices, block_mode
    res.blocks_restored = len(spans)
    res.restored = new_text != text
    res.unknown = _unknown_words(model, text, new_text, spans)
    if res.restored:
        low = res.low_confidence
        msg = (f"diacritics restored ({block_mode}) in {len(spans)} of {len(all_blocks)} blocks; "
               f"{len(choices)} tokens decided, {len(low)} with confidence < {LOW_CONFIDENCE}")
        if low:
            msg += ": " + ", ".join(f"{t.original}→{t.output}" for t in low[:10]) + (" …" if len(low) > 10 else "")
        res.warnings.append(msg)
    return res


SENTENCE_END = ".:;!?"


def _join_broken(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """English OCR puts blank lines inside sentences (between the lines of a table cell, a
    wrapped paragraph): adjacent restored blocks are decoded as one where the first does
    not end a sentence, so that the language model keeps its context across the gap."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not text[out[-1][1] : s].strip() and text[: out[-1][1]].rstrip()[-1:] not in SENTENCE_END:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _span_lines(text: str, spans) -> set[int]:
    lines: set[int] = set()
    for s, e in spans:
        first = text.count("\n", 0, s)
        lines.update(range(first, first + text.count("\n", s, e) + 1))
    return lines


def _heading_numerals(old: str, new: str, spans, choices: list[TokenChoice]) -> str:
    """Roman heading numerals misread by OCR (``11.`` for ``II.``), fixed by position."""
    if old.count("\n") != new.count("\n"):
        return new
    new, changes = numerals.apply(new, numerals.heading_numerals(old), _span_lines(old, spans))
    if changes:
        starts = [0]
        for line in old.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        for n, _was, numeral in changes:
            m = numerals.FIRST_TOKEN.match(old.split("\n")[n])
            if m:
                s = starts[n] + m.start(2)
                choices.append(TokenChoice(s, s + len(m.group(2)), m.group(2), numeral, 1.0, [numeral]))
        choices.sort(key=lambda t: t.start)
    return new


def _unknown_words(model, old: str, new: str, spans) -> list[dict]:
    """Words of the restored blocks that the model does not know (not abbreviations)."""
    vocab = model.lm.uni
    lines = _span_lines(old, spans)
    out = []
    for n, line in enumerate(new.split("\n")):
        if n not in lines:
            continue
        for tok in TOKEN_RE.findall(line):
            if tok.isdigit() or (tok.isupper() and tok.isalpha()) or tok.lower() in vocab:
                continue
            out.append({"line": n + 1, "token": tok})
    return out


def restore_if_needed(text: str, model: RestorerModel | None = None) -> RestoreResult:
    """The normalize stage's entry point: restore only where the text needs it."""
    return restore(text, model)
