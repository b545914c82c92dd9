"""OCR quality: syllable accuracy on a rendered, slightly blurred page of a corpus plan.

Takes the first ``--lines`` lines (with letters) of the normalized text of a
diacritized corpus plan, draws them on an A4 page at ``--dpi`` with DejaVu Sans,
blurs it (Gaussian, ``--blur`` px), embeds the image in a PDF with no text layer,
reads that PDF back through ``ingest_file`` (so the real rasterize + OCR path runs)
and prints the syllable accuracy against the text that was drawn:

    accuracy = matched syllables / reference syllables

with syllables aligned by difflib (longest matching blocks, order kept). Usage:

    python bench/eval_ocr.py                  # corpus/002*, 40 lines, 300 dpi, blur 0.8
    python bench/eval_ocr.py --file corpus/001_….txt --lines 30 --json
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures_docs import make_scanned_pdf  # noqa: E402  (renders pages; shared with the tests)

_SYLLABLE = re.compile(r"\w+")


def syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text))


def syllable_accuracy(reference: str, hypothesis: str) -> tuple[float, int, int]:
    """(accuracy, matched, reference count): aligned exact syllable matches / reference syllables."""
    ref, hyp = syllables(reference), syllables(hypothesis)
    if not ref:
        return 0.0, 0, 0
    matcher = difflib.SequenceMatcher(a=ref, b=hyp, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(ref), matched, len(ref)


def page_lines(path: Path, n: int) -> list[str]:
    """First ``n`` lines with letters of the normalized text of ``path`` (raw text if normalize fails)."""
    from ingest import ingest_file

    doc = ingest_file(path)
    try:
        from normalize import normalize_document

        text = normalize_document(doc).text
    except Exception:  # the benchmark measures OCR, not normalize
        text = doc.text
    lines = [ln.strip() for ln in text.splitlines() if any(c.isalpha() for c in ln)]
    return lines[:n]


def evaluate(path: Path, n_lines: int = 40, dpi: int = 300, blur: float = 0.8, font_pt: float = 12, psm: int = 3) -> dict:
    from ingest import ingest_file

    from fixtures_docs import render_page

    lines = page_lines(path, n_lines)
    _, drawn = render_page(lines, dpi=dpi, blur=blur, font_pt=font_pt)
    reference = "\n".join(drawn)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "scan.pdf"
        make_scanned_pdf(pdf, [drawn], dpi=dpi, blur=blur, font_pt=font_pt)
        t0 = time.perf_counter()
        doc = ingest_file(pdf, dpi=dpi, psm=psm)
        seconds = time.perf_counter() - t0
    accuracy, matched, total = syllable_accuracy(reference, doc.text)
    return {
        "source": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "lines_drawn": len(drawn),
        "dpi": dpi,
        "blur": blur,
        "font_pt": font_pt,
        "psm": psm,
        "method": doc.method,
        "ocr_confidence": doc.ocr_confidence,
        "reference_syllables": total,
        "matched_syllables": matched,
        "syllable_accuracy": round(accuracy, 4),
        "seconds": round(seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", type=Path, default=None, help="corpus plan (default: corpus/002*.txt)")
    ap.add_argument("--lines", type=int, default=40)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--blur", type=float, default=0.8)
    ap.add_argument("--font-pt", type=float, default=12)
    ap.add_argument("--psm", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    path = args.file or sorted((ROOT / "corpus").glob("002_*.txt"))[0]
    r = evaluate(path, args.lines, args.dpi, args.blur, args.font_pt, args.psm)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=2))
    else:
        print(
            f"OCR syllable accuracy: {r['syllable_accuracy']:.2%} ({r['matched_syllables']}/{r['reference_syllables']} syllables, "
            f"{r['lines_drawn']} lines of {r['source']}, {r['dpi']} dpi, blur {r['blur']}, psm {r['psm']}, "
            f"mean confidence {r['ocr_confidence']}, {r['seconds']} s)"
        )
    return 0 if r["syllable_accuracy"] >= 0.97 else 1


if __name__ == "__main__":
    sys.exit(main())
