"""OCR of page images with tesseract (pytesseract), Vietnamese model by default.

One call per page gives both the text (rebuilt line by line from tesseract's word
boxes) and a confidence: the mean of the word confidences, scaled to 0..1. A page
where tesseract finds no confident word has no text; the caller decides whether
that is an error (a lone image) or a warning (one blank page in a scan).
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import IngestError
from ingest.ocr_tables import find_grids, table_rows

DEFAULT_LANG = "vie"
DEFAULT_DPI = 300
DEFAULT_PSM = 3  # fully automatic page segmentation (plans have two-column header blocks)
MIN_WORD_CONF = 50  # a word below this (0..100) does not count as "text found"
MAX_WIDTH_PX = 3300  # no upscaling beyond this width (A4 at ~400 dpi)


@dataclass
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence in [0, 1]; None when no words
    words: int
    confident_chars: int  # letters/digits in words with confidence >= MIN_WORD_CONF
    tables: list[list[list[str]]] = field(default_factory=list)  # ruled tables, rows of NFC cells (ingest.ocr_tables)


def check_tesseract(lang: str) -> None:
    """Fail with one line when tesseract or the language model is missing."""
    import pytesseract

    if not shutil.which(getattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract")):
        raise IngestError("OCR needed but tesseract is not installed (apt install tesseract-ocr tesseract-ocr-vie)")
    langs = _languages()
    if langs is None:  # pragma: no cover - odd tesseract builds
        return
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise IngestError(f"OCR language model {'+'.join(missing)!r} is not installed (apt install tesseract-ocr-{missing[0]})")


@lru_cache(maxsize=1)
def _languages() -> frozenset[str] | None:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except Exception:  # pragma: no cover
        return None


def prepare(image, dpi: int | None):
    """Grayscale on white, and scale up images of low resolution so letters are tall enough."""
    from PIL import Image

    img = image
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")  # transparent background would turn black in grayscale
        img = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    if img.mode != "L":
        img = img.convert("L")
    if dpi and dpi < 200:
        # scale towards 300 dpi, but never past ~A4 width at 400 dpi: scanners often write a
        # wrong 72 dpi into full-size pages, and those need no scaling
        factor = min(DEFAULT_DPI / dpi, MAX_WIDTH_PX / img.width)
        if factor > 1.1:
            img = img.resize((round(img.width * factor), round(img.height * factor)), Image.LANCZOS)
            dpi = round(dpi * factor)
    return img, dpi or DEFAULT_DPI


def ocr_image(image, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM, dpi: int | None = None, timeout: int = 300) -> OcrResult:
    """OCR one page image (PIL) → :class:`OcrResult`."""
    import pytesseract

    img, dpi = prepare(image, dpi)
    config = f"--psm {psm} --dpi {dpi}"
    saved = os.environ.get("OMP_THREAD_LIMIT")
    if saved is None:  # one thread per tesseract: on few cores its OpenMP threads only contend
        os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        data = pytesseract.image_to_data(img, lang=lang, config=config, output_type=pytesseract.Output.DICT, timeout=timeout)
    except pytesseract.TesseractError as exc:  # a subclass of RuntimeError: catch it first
        raise IngestError(f"OCR failed: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc}") from None
    except RuntimeError as exc:  # pytesseract raises a plain RuntimeError on timeout
        raise IngestError(f"OCR timed out after {timeout} s") from exc
    finally:
        if saved is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
    grids = _grids(img, dpi)
    boxes = []  # (line key, word box) in tesseract's reading order
    confs: list[float] = []
    confident_chars = 0
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        boxes.append((key, (data["left"][i], data["top"][i], data["width"][i], data["height"][i], word)))
        confs.append(conf)
        if conf >= MIN_WORD_CONF:
            confident_chars += sum(ch.isalnum() for ch in word)
    owner = [_grid_of(grids, box) for _, box in boxes]
    read = [table_rows(g, [box for (_, box), o in zip(boxes, owner) if o == k]) for k, g in enumerate(grids)]
    kept = {k for k, rows in enumerate(read) if rows is not None}  # the others are read as text lines
    tables = sorted((grids[k].top, [[unicodedata.normalize("NFC", c) for c in r] for r in read[k]]) for k in kept if read[k])
    lines: dict[tuple, list[str]] = {}
    line_top: dict[tuple, int] = {}
    for (key, box), o in zip(boxes, owner):
        if o not in kept:
            lines.setdefault(key, []).append(box[4])
            line_top.setdefault(key, box[1])
    text_lines, last_par, found = [], None, []
    for key, words in lines.items():  # dict keeps tesseract's reading order
        while tables and line_top[key] > tables[0][0]:  # a table goes where the text below it begins
            text_lines += ["", *(" | ".join(r) for r in tables[0][1]), ""]
            found.append(tables.pop(0)[1])
        par = key[:3]
        if last_par is not None and par != last_par and key[1] != last_par[1]:
            text_lines.append("")  # blank line between blocks
        text_lines.append(" ".join(words))
        last_par = par
    for _, rows in tables:
        text_lines += ["", *(" | ".join(r) for r in rows)]
        found.append(rows)
    confidence = round(sum(confs) / len(confs) / 100, 4) if confs else None
    return OcrResult("\n".join(text_lines), confidence, len(confs), confident_chars, found)


def _grids(img, dpi: int) -> list:
    """The ruled tables of the page (none where numpy is missing: the page is then read as text lines)."""
    try:
        return find_grids(img, dpi)
    except ImportError:  # pragma: no cover - numpy ships with the OCR dependencies
        return []


def _grid_of(grids: list, box: tuple) -> int | None:
    left, top, width, height, _ = box
    cx, cy = left + width // 2, top + height // 2
    return next((k for k, g in enumerate(grids) if g.x0 <= cx <= g.x1 and g.top <= cy < g.bottom), None)
