"""Candidates per token and Viterbi decoding of a line with the trigram model.

For each token the restorer lists what it could be: for stripped text, the known
syllables with the same letters that agree with any marks still present; for English
OCR damage, also what the learned channel proposes.  Fixed items (numbers, codes,
abbreviations, punctuation) have one candidate.  A trigram Viterbi with a small beam
picks the sequence; each changed token gets a confidence from its local context.
"""

from __future__ import annotations

import functools
import math
import re
from array import array
from dataclasses import dataclass, field

from normalize.diacritics import clattice, discourse, splits
from normalize.diacritics.lattice import Scorer, local_confidence, viterbi
from normalize.diacritics.syllables import apply_case, case_of, consistent, has_marks, strip_marks
from normalize.diacritics.tokens import line_items, lm_class

MAX_CANDS = 8
UNIGRAM_GAP = 7.0  # candidates this much (log) rarer than the most frequent one are dropped
KEEP_MARKED_BONUS = 3.0  # log-odds that a marked, valid syllable is already right
DIGIT_WORD_PENALTY = 0.0  # a digit token read as a word pays this on top of the channel (held-out OCR)
IDENTITY_LOGP = -2.0  # an unknown OCR token left as it is (codes, names, abbreviations)
NUM_KEY = "<n>"


@dataclass
class TokenChoice:
    start: int
    end: int
    original: str
    output: str
    confidence: float
    alternatives: list[str]


def strip_candidates(model, tok: str) -> list[tuple[str, str, float]] | None:
    """[(lm_key, output, log_channel)] for a letter token, or None when it stays as is."""
    if not tok.isalpha():
        return None
    case = case_of(tok)
    if case == "mixed":
        return None
    lower = tok.lower()
    cands = model.cands.get(strip_marks(lower))
    if not cands:
        return None
    marked = has_marks(lower)
    out = []
    uni = model.lm.uni
    top = None
    for c in cands:
        if marked and not consistent(lower, c):
            continue
        u = uni.get(c, -99.0)
        if top is None:
            top = u
        elif u < top - UNIGRAM_GAP:
            break
        bonus = KEEP_MARKED_BONUS if (marked and c == lower) else 0.0
        out.append((c, apply_case(c, case), bonus))
        if len(out) >= MAX_CANDS:
            break
    if not out or (len(out) == 1 and out[0][1] == tok):
        return None
    return out


VOWELS_RE = re.compile("[aeiouy]")
GLUED_DIGITS = re.compile(r"^([^\W\d_]+)(\d+)$")
LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})


def ocr_case(tok: str) -> str:
    letters = [ch for ch in tok if ch.isalpha()]
    if not letters:
        return "lower"
    upper = sum(ch.isupper() for ch in letters)
    if len(letters) > 1 and upper * 2 >= len(letters) and upper > 1:
        return "upper"
    if tok[:1] == "I" and len(tok) > 1 and tok[1:].islower():
        return "lower"  # a capital I is how English OCR reads a lower-case l (Iy -> lý)
    return "title" if letters[0].isupper() and tok[:1].isalpha() else "lower"


def ocr_candidates(model, tok: str) -> list[tuple[str, str, float]] | None:
    """Candidates for a token of English-OCR'd text: the channel's, plus the token as is."""
    ch = model.channel
    lower = tok.translate(LIGATURES).lower()
    if tok.isdigit():
        if ch is None or len(tok) > 2:
            return None
        # a short number may be a misread syllable (ty 16 -> tỷ lệ); the number stays likely
        seen = ch.table.get(lower) or {}
        total = sum(seen.values())
        out = [(NUM_KEY, tok, math.log((seen.get(lower, 0) + 4) / (total + 5)))]
        for c, lp in ch.candidates(lower, model.cands, model.lm.uni):
            if c.isalpha():
                out.append((c, c, lp + DIGIT_WORD_PENALTY))
        return out if len(out) > 1 else None
    if ch is None:
        return strip_candidates(model, tok)
    glued = GLUED_DIGITS.match(tok)
    if glued and (len(glued.group(1)) >= 3 or len(glued.group(2)) >= 2):
        # a word glued to a number (thang8): restore the word, give the number its space back
        word, num = glued.groups()
        got = ocr_candidates(model, word) or [(lm_class(word.lower()), word, 0.0)]
        return [(k, f"{o} {num}", lp) for k, o, lp in got]
    case = ocr_case(tok)
    if case == "upper" and tok.isalpha() and not VOWELS_RE.search(strip_marks(lower)):
        # capitals without a vowel are an abbreviation (KH, TP, ĐDĐT), never a syllable: keep
        # the letters, only the stroke of Đ may be given back
        return strip_candidates(model, tok)
    if case == "title" and lower in ch.false_title:
        case = "lower"
    form = model.forms.get(lower)
    if form is not None and case != "lower":
        return [(lm_class(lower), form, 0.0)] if form != tok else None
    forms = model.forms if case != "lower" else {}
    # a misread mixed-case name (VNelD, QReode) is written as the plans write it
    out = [(c, forms.get(c) or apply_case(c, case), lp) for c, lp in ch.candidates(lower, model.cands, model.lm.uni)]
    keys = {c for c, _o, _l in out}
    if lower not in keys and (tok.isalpha() or not out):
        ident = 0.0 if lower in model.syllables else IDENTITY_LOGP
        out.append((lm_class(lower), tok, ident))
    if tok.isalpha():
        out.extend(splits.split_candidates(model, lower, case))
    if not out or (len(out) == 1 and out[0][1] == tok):
        return None
    return out


NUMBER_AFTER = "%/"  # 16%, 16/2022: a percentage, a code or a date


def _word_slot(text: str, items, idx: int) -> bool:
    """A short digit token may be a misread syllable (``Ty 16 hé so``) unless what touches
    it marks it as a number: ``16%``, ``16/2022``, ``104/16``, ``16.5``, ``16,5``, ``2-16``,
    or list numbering (``16.`` or ``16)`` opening a line)."""
    s, e, _tok = items[idx]
    after, before = text[e : e + 1], text[s - 1 : s] if s else ""
    if after in NUMBER_AFTER or before in "/-" and before or (after in ".,:-" and text[e + 1 : e + 2].isdigit()):
        return False
    if before in ".," and text[s - 2 : s - 1].isdigit():
        return False
    line_start = text.rfind("\n", 0, s) + 1
    return not (after in ".)" and not text[line_start:s].strip())


OPERATOR_LETTERS = ("x", "X")
OPERAND_BEFORE = ")]%"


def _operator_slot(text: str, s: int, e: int) -> bool:
    """A lone ``x`` is no Vietnamese syllable but the multiplication sign of a formula
    (``Điểm = Tỷ lệ x điểm tối đa``, ``0,5 x số xã``, ``(a+b) x 2``) when a number stands
    next to it, a bracket or percentage closes before it, or its line holds an equation;
    there it stays as written.
    Elsewhere (``thị x,``, ``x hội``) it may still be a ``xã`` whose mark the OCR lost."""
    before = text[max(0, s - 16) : s].rstrip(" \t")[-1:]
    after = text[e : e + 16].lstrip(" \t")[:1]
    if before.isdigit() or after.isdigit() or (before and before in OPERAND_BEFORE):
        return True
    line_start, line_end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    return "=" in text[line_start : len(text) if line_end < 0 else line_end]


@dataclass
class Decoded:
    """One block after Viterbi: its items, candidate columns (and the same on ids) and chosen path."""

    text: str
    offset: int
    items: list
    columns: list
    ids: list
    flat: list  # per column, its ids packed for the C lattice (``_packed``)
    ambiguous: list[int]
    compound_at: set
    bonus_at: set
    path: list[int] = field(default_factory=list)
    probs: list | None = None  # per column, each candidate's posterior (from the C lattice)


def _packed(col_ids: list) -> tuple[bytes, bytes, bytes, int]:
    """A column for the C lattice: its first syllables, second syllables (-1: none) and channel
    scores as machine arrays, and its length (built once per token: the blocks join bytes)."""
    first = array("q", [w[0] if type(w) is tuple else w for w, _c in col_ids])
    second = array("q", [w[1] if type(w) is tuple else -1 for w, _c in col_ids])
    return first.tobytes(), second.tobytes(), array("d", [c for _w, c in col_ids]).tobytes(), len(col_ids)


@functools.lru_cache(maxsize=65536)
def _fixed(i: int) -> tuple[bytes, bytes, bytes, int]:
    return _packed([(i, 0.0)])


def prepare_block(model, text: str, offset: int, candidates_fn, scorer: Scorer, memo) -> Decoded | None:
    """Candidates for each token of ``text`` (None when no token is in doubt).

    ``memo`` (token -> candidates and their ids) is shared by the blocks of one call."""
    items = line_items(text)
    columns, ids, flat, ambiguous, compound_at = [], [], [], [], set()
    for idx, (s, e, tok) in enumerate(items):
        if s == e:
            cands = None
        else:
            got = memo.get(tok)
            if got is None:
                cands = candidates_fn(model, tok) or None  # an empty list: nothing to choose, as None
                col_ids = None if cands is None else [(scorer.id(c[0]), c[2]) for c in cands]
                got = memo[tok] = (cands, col_ids, cands is not None and any(type(c[0]) is tuple for c in cands),
                                   None if cands is None else _packed(col_ids))
            cands, col_ids, compound, packed = got
        if cands is not None and tok.isdigit() and not _word_slot(text, items, idx):
            cands = None
        if cands is not None and tok in OPERATOR_LETTERS and _operator_slot(text, s, e):
            cands = None
        if cands is None:
            key = tok if s == e else lm_class(tok.lower())
            columns.append([(key, tok, 0.0)])
            i = scorer.id(key)
            ids.append([(i, 0.0)])
            flat.append(_fixed(i))
        else:
            columns.append(cands)
            ids.append(col_ids)
            flat.append(packed)
            ambiguous.append(idx)
            if compound:
                compound_at.add(idx)
    if not ambiguous:
        return None
    places = getattr(model, "places", None)
    bonus_at = set()
    if places:
        caps = [e > s and tok[:1].isupper() for s, e, tok in items]
        bonus_at = {i for i in range(1, len(items)) if caps[i] and caps[i - 1] and len(columns[i]) + len(columns[i - 1]) > 2}
    return Decoded(text, offset, items, columns, ids, flat, ambiguous, compound_at, bonus_at)


def decode_block(model, text: str, offset: int, candidates_fn, scorer: Scorer, memo) -> Decoded | None:
    """:func:`prepare_block` and the Viterbi path and posteriors through its columns (the Python lattice)."""
    d = prepare_block(model, text, offset, candidates_fn, scorer, memo)
    if d is not None:
        _decode(scorer, [d], getattr(model, "places", None), fast=False)
    return d


def _decode(scorer: Scorer, decoded: list[Decoded], places, fast: bool) -> None:
    """Path and posteriors of each block: the C lattice for all at once, else the Python one."""
    if not decoded or (fast and clattice.decode(scorer, decoded, places)):
        return
    for d in decoded:
        d.path = viterbi(scorer, d.ids, places, d.bonus_at, d.compound_at)
        keys = [col[ci][0] for col, ci in zip(d.ids, d.path)]
        d.probs = [local_confidence(scorer, keys, i, col) if len(col) > 1 else None for i, col in enumerate(d.ids)]


def render(d: Decoded) -> tuple[str, list[TokenChoice]]:
    """The block's text with the chosen candidates, and each choice with its posterior and rivals."""
    parts, pos, choices = [], 0, []
    for idx in d.ambiguous:
        s, e, tok = d.items[idx]
        col, ci = d.columns[idx], d.path[idx]
        out = col[ci][1]
        probs = [1.0] if len(col) < 2 else d.probs[idx]  # (every decoding fills the posteriors: _decode)
        # the three likeliest, ties in candidate order (a stable sort, reversed, keeps it)
        alts = [col[j][1] for j in sorted(range(len(col)), key=probs.__getitem__, reverse=True)[:3]]
        choices.append(TokenChoice(s + d.offset, e + d.offset, tok, out, round(probs[ci], 4), alts))
        parts.append(d.text[pos:s])
        parts.append(out)
        pos = e
    parts.append(d.text[pos:])
    return "".join(parts), choices


def restore_line(model, line: str, candidates_fn=None, scorer=None, memo=None) -> tuple[str, list[TokenChoice]]:
    """Restore one line or block; returns the new text and the choices made on ambiguous tokens."""
    scorer = scorer or Scorer(model.lm)
    d = decode_block(model, line, 0, candidates_fn or strip_candidates, scorer, {} if memo is None else memo)
    return (line, []) if d is None else render(d)


BLOCK_RE = re.compile(r"\n[ \t\r\f\v]*\n")


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraph blocks of ``text`` (runs of lines without a blank line)."""
    out, pos = [], 0
    for m in BLOCK_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def restore_text(model, text: str, candidates_fn=None, spans=None) -> tuple[str, list[TokenChoice]]:
    """Restore ``text`` block by block (context runs across wrapped lines, not blank lines),
    then read again the blocks where the document's own sure wording may change an unsure
    choice (:mod:`.discourse`).

    ``spans``: restrict to these (start, end) regions; the rest is copied unchanged.
    """
    scorer, memo = Scorer(model.lm), {}
    fn = candidates_fn or strip_candidates
    decoded = []
    fast = clattice.available()
    for s, e in (spans if spans is not None else blocks(text)):
        d = prepare_block(model, text[s:e], s, fn, scorer, memo)
        if d is not None:
            decoded.append(d)
    places = getattr(model, "places", None)
    _decode(scorer, decoded, places, fast)
    names = scorer.names
    again = discourse.rescore(decoded, lambda i: str(names[i]).isalpha(), scorer.unigram, scorer.bigram, _packed)
    _decode(scorer, [decoded[n] for n in again], places, fast)
    parts, pos, choices = [], 0, []
    for d in decoded:
        new, ch = render(d)
        parts.append(text[pos : d.offset])
        parts.append(new)
        choices.extend(ch)
        pos = d.offset + len(d.text)
    parts.append(text[pos:])
    return "".join(parts), choices
