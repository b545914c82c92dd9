"""Benchmark of the diacritic restorer: syllables per second on one core for stripped
text and for English-OCR'd text, and the wall time to restore a 30-page plan (model load
from cache included).

    python bench/bench_restore.py [--pages 30] [--repeat 3]

The text is the diacritized plans of corpus/ with their marks removed; a "page" is
2,400 characters (an A4 page of a typed plan, ~450 syllables).  The OCR'd text is the
"scan1" renderings that `vnplan train-restorer` read with tesseract (skipped before it has
run); the channel's caches (candidates per token, mark-less forms, near keys) are emptied
before each repeat.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGE_CHARS = 2400


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass

    from normalize.diacritics import model as modelmod
    from normalize.diacritics import restore_if_needed
    from normalize.diacritics.decode import restore_text, strip_candidates
    from normalize.diacritics.evaluate import words
    from normalize.diacritics.syllables import strip_marks

    texts = modelmod.corpus_texts(modelmod.corpus_dir())
    if not texts:
        sys.exit("error: no diacritized plans in corpus/")
    t0 = time.perf_counter()
    model = modelmod.load_model()
    print(f"model ready in {time.perf_counter() - t0:.2f}s (first call builds it when missing)")

    stripped = strip_marks("\n\n".join(texts[k] for k in sorted(texts)))
    n = len(words(stripped))
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        restore_text(model, stripped, strip_candidates)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"stripped text: {n} syllables in {best:.2f}s = {n / best:,.0f} syllables/s (one core, best of {args.repeat})")

    from normalize.diacritics import ocrsynth
    from normalize.diacritics.decode import ocr_candidates
    from normalize.diacritics.evaluate import join_pages

    pages = [p for k in sorted(texts) for p in ocrsynth.load_pairs(modelmod.cache_dir(), texts[k], "scan1") or []]
    if pages and model.channel is not None:
        ocr = join_pages([p["ocr"] for p in pages])
        n_ocr = len(words(ocr))
        best = None
        for _ in range(args.repeat):
            for memo in ("_memo", "_bare", "_near"):  # every cache of the channel starts cold
                model.channel.__dict__.pop(memo, None)
            t0 = time.perf_counter()
            restore_text(model, ocr, ocr_candidates)
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        print(f"English-OCR'd text: {n_ocr} words in {best:.2f}s = {n_ocr / best:,.0f} words/s (one core, best of "
              f"{args.repeat})")
    else:
        print("English-OCR'd text: skipped (run `vnplan train-restorer` first)")

    plan = stripped
    while len(plan) < args.pages * PAGE_CHARS:
        plan += "\n\n" + stripped
    plan = plan[: args.pages * PAGE_CHARS]
    modelmod._LOADED.clear()  # measure a cold start from the cached model file
    t0 = time.perf_counter()
    res = restore_if_needed(plan)
    dt = time.perf_counter() - t0
    print(f"{args.pages}-page plan ({len(words(plan))} syllables, mode={res.mode}): {dt:.2f}s "
          f"including model load and detection")


if __name__ == "__main__":
    main()
