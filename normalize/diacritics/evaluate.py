"""Measuring the restorer: leave-one-document-out on stripped text, on English-OCR'd
renderings, and against a hand-restored gold file.

Syllable accuracy counts letter tokens of the reference (case-sensitive, exact marks).
For stripped text the tokens line up one to one; for OCR output and gold files the
restored tokens are aligned to the reference with a Levenshtein alignment over tokens
(a merged or split word counts as wrong).

Every figure is also given tone-placement-normalized (``placement`` in the JSON,
"tone placement normalized" in the log): before comparing, each word's tone mark is
taken off and put back at one fixed place, so that the old and new placement rules
(``hoà``/``hòa``, ``thuỷ``/``thủy``, both correct spellings of one word) compare equal.
Nothing else is forgiven: letters, vowel marks, the tone itself and letter case must
still match.  The strict figure is the headline.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from normalize.diacritics.syllables import DECOMP, TONELESS, TOKEN_RE, strip_marks
from normalize.diacritics.tokens import Tally, share


@dataclass
class Score(Tally):
    correct: int = 0
    total: int = 0
    baseline: int = 0
    placement: int = 0  # correct once tone placement is normalized (hoà = hòa)
    errors: Counter = field(default_factory=Counter)  # (reference word, restored word or "") -> count

    def top_errors(self, n: int = 15) -> list[tuple[str, str, int]]:
        """The most frequent mistakes: [(reference word, what was written instead, count)]
        ("" when the word is missing from the output)."""
        return [(r, h, c) for (r, h), c in self.errors.most_common(n)]

    @property
    def accuracy(self) -> float:
        return share(self.correct, self.total)

    @property
    def placement_accuracy(self) -> float:
        return share(self.placement, self.total)

    @property
    def baseline_accuracy(self) -> float:
        return share(self.baseline, self.total)


def words(text: str) -> list[str]:
    return [t for t in TOKEN_RE.findall(text) if t.isalpha()]


def placement_key(word: str) -> str:
    """``hoà`` and ``hòa`` -> ``hoa\u0300``: the word without its tone, then the tone
    (case kept; a word with two tone marks is not Vietnamese and stays as it is)."""
    tones = [DECOMP[ch][2] for ch in word if ch in DECOMP and DECOMP[ch][2]]
    if len(tones) != 1:
        return word
    return "".join(TONELESS.get(ch, ch) for ch in word) + tones[0]


def placement_words(tokens: list[str]) -> list[str]:
    return [placement_key(t) for t in tokens]


def aligned_correct(hyp: list[str], ref: list[str]) -> int:
    """Number of reference tokens matched exactly by an optimal token alignment."""
    if not ref or not hyp:
        return 0
    ops = Levenshtein.editops(hyp, ref)
    wrong = sum(1 for op in ops if op.tag in ("replace", "insert"))
    return len(ref) - wrong


def aligned_errors(hyp: list[str], ref: list[str]) -> Counter:
    """(reference word, restored word) for every reference word the alignment gets wrong;
    the restored word is "" where the output lacks the word."""
    out: Counter = Counter()
    for op in Levenshtein.opcodes(hyp, ref):
        if op.tag in ("replace", "insert"):
            h = hyp[op.src_start : op.src_end]
            for k, r in enumerate(ref[op.dest_start : op.dest_end]):
                out[(r, h[k] if k < len(h) else "")] += 1
    return out


def score_aligned(restored: str, damaged: str, reference: str) -> Score:
    """Line-by-line aligned accuracy when lines correspond, else whole text."""
    ref, hyp = words(reference), words(restored)
    return _aligned_score(hyp, ref, aligned_correct(words(damaged), ref))


def _aligned_score(hyp: list[str], ref: list[str], baseline: int) -> Score:
    """One alignment of ``hyp`` to ``ref`` gives both the mistakes and the correct count."""
    errors = aligned_errors(hyp, ref)
    return Score(len(ref) - sum(errors.values()), len(ref), baseline,
                 aligned_correct(placement_words(hyp), placement_words(ref)), errors)


def score_stripped(restored: str, reference: str) -> Score:
    ref = words(reference)
    hyp = words(restored)
    if len(hyp) != len(ref):
        return _aligned_score(hyp, ref, aligned_correct(words(strip_marks(reference)), ref))
    correct = sum(h == r for h, r in zip(hyp, ref))
    base = sum(strip_marks(r) == r for r in ref)
    placed = sum(h == r or placement_key(h) == placement_key(r) for h, r in zip(hyp, ref))
    return Score(correct, len(ref), base, placed, Counter((r, h) for h, r in zip(hyp, ref) if h != r))


def limit_text(text: str, max_chars: int | None) -> str:
    if not max_chars or len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars)
    return text[: cut if cut > 0 else max_chars]


def leave_one_out(texts: dict[str, str], lexicon, restore_fn, build_fn, max_chars=None, log=print) -> Score:
    total = Score()
    for name in sorted(texts):
        t0 = time.time()
        train = {k: v for k, v in texts.items() if k != name}
        model = build_fn(train, texts[name])
        ref = limit_text(texts[name], max_chars)
        out = restore_fn(model, strip_marks(ref))
        sc = score_stripped(out, ref)
        total.add(sc)
        log(f"  {name}: {sc.accuracy:.2%} ({sc.correct}/{sc.total}; baseline {sc.baseline_accuracy:.2%}) {time.time() - t0:.1f}s")
    return total


def join_pages(pages: list[str]) -> str:
    """A document's pages as one text, page breaks as blank lines (edges of a page trimmed)."""
    return "\n\n".join(p.strip() for p in pages)


def ocr_leave_one_out(texts: dict[str, str], lexicon, cdir, build_fn, restore_fn, variants=None,
                      max_pages: int | None = None, log=print) -> tuple[dict[str, Score], dict[str, Score]]:
    """Per rendering variant: restore each held-out document's OCR pages with a model
    (language model and OCR channel) trained on the other documents only.

    Returns two figures per variant: *per page* (each OCR page restored alone) and *per
    document* (the document's OCR pages joined in order, page breaks as blank lines,
    restored as one text as ``vnplan run`` restores a document, and scored against its
    clean pages joined the same way).  Context that spans pages -- an abbreviation defined
    once (ĐDĐT) and used throughout -- only counts in the second."""
    from normalize.diacritics import ocrsynth

    variants = variants or list(ocrsynth.VARIANTS)
    pages_of, train_of = {}, {}
    for name, text in texts.items():
        for v in variants:
            got = ocrsynth.load_pairs(cdir, text, v) or []
            if len(got) < len(ocrsynth.page_texts(text, max_pages)) and ocrsynth.tesseract_available():
                got = ocrsynth.build_pairs(cdir, text, v, max_pages=max_pages)
            pages_of[(name, v)] = got
            # the model is trained as `vnplan train-restorer` trains it: on a subset of the pages
            want = set(ocrsynth.training_indices(len(ocrsynth.page_texts(text)), v))
            train_of[(name, v)] = [p for p in got if p["index"] in want]
    per_page = {v: Score() for v in variants}
    per_doc = {v: Score() for v in variants}
    for name in sorted(texts):
        t0 = time.time()
        train = {k: t for k, t in texts.items() if k != name}
        train_pages = [p for (k, v), ps in train_of.items() if k != name for p in ps]
        model = build_fn(train, train_pages, texts[name])
        parts = []
        for v in variants:
            pages = pages_of[(name, v)][:max_pages]
            sc = Score()
            for page in pages:
                out = restore_fn(model, page["ocr"])
                sc.add(score_aligned(out, page["ocr"], page["clean"]))
            per_page[v].add(sc)
            doc = Score()
            if pages:
                ocr, clean = join_pages([p["ocr"] for p in pages]), join_pages([p["clean"] for p in pages])
                doc = score_aligned(restore_fn(model, ocr), ocr, clean)
                per_doc[v].add(doc)
            parts.append(f"{v} page {sc.accuracy:.2%} doc {doc.accuracy:.2%} (baseline {sc.baseline_accuracy:.2%}, "
                         f"{sc.total} words)")
        log(f"  {name}: " + "; ".join(parts) + f" {time.time() - t0:.1f}s")
    return per_page, per_doc


def gold_score(model, source_text: str, gold_text: str, restore_fn) -> Score:
    """A hand-restored gold file against the restorer's output for its source."""
    out = restore_fn(model, source_text)
    return score_aligned(out, source_text, gold_text)


def run_eval(corpus, cdir, gold=None, gold_source=None, max_chars=None, max_pages=None,
             skip_ocr=False, log=print) -> dict:
    """The three evaluations of ``vnplan eval-restore``; returns the figures as a dict."""
    from pathlib import Path

    from normalize.diacritics import ocrsynth, restore
    from normalize.diacritics import lexicon as lexmod
    from normalize.diacritics.model import build_model, corpus_texts, load_model
    from normalize.diacritics.shipped import shipped_texts, without_copies

    cdir = Path(cdir)
    texts = corpus_texts(Path(corpus))
    shipped = shipped_texts()  # language-model text; a copy of the held-out plan is left out
    lex = lexmod.load_lexicon(cdir)
    running = lexmod.load_running_text()
    figures: dict = {"documents": sorted(texts)}

    def rf(model, text):
        return restore(text, model).text

    log(f"(1) stripped text, leave-one-document-out over {len(texts)} diacritized plan(s); the language model also "
        f"reads {len(shipped)} shipped document(s), less any copy of the plan under test")
    if len(texts) >= 2:
        sc = leave_one_out(texts, lex, rf,
                           lambda tr, held: build_model(tr, lex, running=running, extra=without_copies(shipped, held)),
                           max_chars=max_chars, log=log)
        log(f"    syllable accuracy {sc.accuracy:.2%} (baseline without restoration {sc.baseline_accuracy:.2%}; "
            f"{sc.total} syllables; tone placement normalized {sc.placement_accuracy:.2%})")
        figures["stripped_loo"] = {"accuracy": sc.accuracy, "baseline": sc.baseline_accuracy, "syllables": sc.total,
                                   "placement": sc.placement_accuracy, "top_errors": sc.top_errors()}
        _log_errors(sc, log)
    else:
        log("    skipped: needs at least two diacritized plans")

    if skip_ocr:
        log("(2) English-OCR'd text: skipped (--skip-ocr)")
    elif not ocrsynth.tesseract_available():
        log("(2) English-OCR'd text: skipped (tesseract with the eng model not found)")
    elif len(texts) >= 2:
        log("(2) rendered pages read with tesseract -l eng, leave-one-document-out (word accuracy)")
        per_page, per_doc = ocr_leave_one_out(
            texts, lex, cdir, lambda tr, pages, held: build_model(tr, lex, pages, running, extra=without_copies(shipped, held)),
                                              rf, max_pages=max_pages, log=log)
        log("    per page (each OCR page restored alone):")
        figures["ocr_loo"] = _ocr_figures(per_page, log)
        log("    per document (a document's OCR pages joined, page breaks as blank lines, restored as one text "
            "as `vnplan run` does):")
        figures["ocr_loo_document"] = _ocr_figures(per_doc, log)

    if gold and gold_source and Path(gold).exists() and Path(gold_source).exists():
        log(f"(3) gold: {gold} vs restoring {gold_source}")
        model = load_model(Path(corpus), cdir)
        src = Path(gold_source).read_text(encoding="utf-8")
        ref = Path(gold).read_text(encoding="utf-8")
        sc = gold_score(model, src, ref, rf)
        log(f"    word accuracy {sc.accuracy:.2%} (before restoring {sc.baseline_accuracy:.2%}; {sc.total} words; "
            f"tone placement normalized {sc.placement_accuracy:.2%})")
        figures["gold"] = {"accuracy": sc.accuracy, "baseline": sc.baseline_accuracy, "words": sc.total,
                           "placement": sc.placement_accuracy, "top_errors": sc.top_errors()}
        _log_errors(sc, log)
    else:
        log(f"(3) gold: skipped ({gold} or {gold_source} not found)")
    return figures


def _ocr_figures(res: dict[str, Score], log) -> dict:
    """Log one OCR figure per rendering variant and for all of them; return them as a dict."""
    total = Score()
    for sc in res.values():
        total.add(sc)
    figures = {}
    for v, sc in [*res.items(), ("all", total)]:
        log(f"      {v:6s}: word accuracy {sc.accuracy:.2%} (before restoring {sc.baseline_accuracy:.2%}; "
            f"{sc.total} words; tone placement normalized {sc.placement_accuracy:.2%})")
        figures[v] = {"accuracy": sc.accuracy, "baseline": sc.baseline_accuracy, "words": sc.total,
                      "placement": sc.placement_accuracy, "top_errors": sc.top_errors()}
    _log_errors(total, log, "      ")
    return figures


def _log_errors(sc: Score, log, indent: str = "    ", n: int = 10) -> None:
    """One line of the most frequent mistakes: "đạt→đất ×122, ĐDĐT→(missing) ×3 …"."""
    top = sc.top_errors(n)
    if top:
        log(f"{indent}most frequent errors: " + ", ".join(f"{r}→{h or '(missing)'} ×{c}" for r, h, c in top))
