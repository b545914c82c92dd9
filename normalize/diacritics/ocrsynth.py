"""Synthetic English-OCR damage: render diacritized text, read it back with ``tesseract -l eng``.

This is how the restorer learns what an English OCR model does to Vietnamese (é for ế,
6 for ố, 1 for l, lost and glued letters) without anyone listing the confusions by
hand.  Pages are rendered with Pillow in DejaVu fonts, read with pytesseract, and the
(clean, damaged) page pairs are cached per document (keyed by the document's text and
the render settings) so that training is reproducible and runs tesseract only once per
page; training and evaluation share the cache (training needs a subset of the pages).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RENDER_VERSION = "r1"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSerif.ttf", "DejaVuSans.ttf"]
LINES_PER_PAGE = 40
WRAP = 78
FONT_PX = 30
# Rendering variants: a clean page, and two scan-like ones (downsampled, blurred, noisy,
# binarized) that make tesseract produce the damage seen on real scans (ctia, ty 16, ngudi).
VARIANTS = {
    "clean": {"scale": 1.0, "blur": 0.0, "noise": 0.0},
    "scan1": {"scale": 0.5, "blur": 0.6, "noise": 0.0},
    "scan2": {"scale": 0.6, "blur": 0.8, "noise": 20.0},
    "bold": {"scale": 0.5, "blur": 0.6, "noise": 0.0, "font": "DejaVuSerif-Bold.ttf"},
    "thick": {"scale": 0.6, "blur": 0.6, "noise": 0.0, "thicken": 3},  # dark photocopy
}
# Training may read each page in some of the variants only (see training_indices) to save
# tesseract time, which is what ``vnplan train-restorer`` spends.  Reading every page in
# every variant (stride 1) takes twice as long once, and is worth it: held-out English-OCR
# accuracy 94.85% against 94.57% with stride 2 (the evaluation reads every page in every
# variant either way).
TRAIN_STRIDE = 1


def tesseract_available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return "eng" in pytesseract.get_languages(config="")
    except Exception:
        return False


def page_texts(text: str, max_pages: int | None = None) -> list[str]:
    """Split a document into page-sized blocks of wrapped, non-empty lines."""
    lines: list[str] = []
    for raw in text.splitlines():
        raw = " ".join(raw.replace("|", " ").split())
        if len(raw) < 3:
            continue
        lines.extend(textwrap.wrap(raw, WRAP) or [])
    pages = ["\n".join(lines[i : i + LINES_PER_PAGE]) for i in range(0, len(lines), LINES_PER_PAGE)]
    return pages[:max_pages] if max_pages else pages


def render_page(text: str, font_name: str):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT_DIR / font_name), FONT_PX)
    lines = text.splitlines()
    line_h = int(FONT_PX * 1.6)
    img = Image.new("L", (int(FONT_PX * WRAP * 0.62) + 120, line_h * len(lines) + 120), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((60, 60 + i * line_h), line, font=font, fill=0)
    return img


def degrade(img, scale: float, blur: float, noise: float, seed: int, thicken: int = 0, font: str = ""):
    from PIL import Image, ImageFilter

    if scale == 1.0 and not blur and not noise and not thicken:
        return img
    w, h = img.size
    img = img.resize((max(1, int(w * scale)), max(1, int(h * scale))), Image.BILINEAR)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        import numpy as np

        arr = np.asarray(img).astype(float) + np.random.default_rng(seed).normal(0, noise, img.size[::-1])
        img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    img = img.point(lambda v: 255 if v > 150 else 0)
    if thicken:
        img = img.filter(ImageFilter.MinFilter(thicken))
    return img


def ocr_page(text: str, font_name: str, variant: str = "clean", seed: int = 0) -> str:
    import pytesseract

    img = degrade(render_page(text, font_name), seed=seed, **VARIANTS[variant])
    return pytesseract.image_to_string(img, lang="eng", config="--psm 6")


_VERSION: list[str] = []


def _tesseract_version() -> str:
    if not _VERSION:
        try:
            import pytesseract

            _VERSION.append(str(pytesseract.get_tesseract_version()))
        except Exception:
            _VERSION.append("none")
    return _VERSION[0]


def doc_key(text: str, variant: str = "clean") -> str:
    h = hashlib.sha256()
    if variant != "clean":
        h.update(f"{variant}|{VARIANTS[variant]}".encode())
    h.update(f"{_tesseract_version()}|{RENDER_VERSION}|{FONTS}|{LINES_PER_PAGE}|{WRAP}|{FONT_PX}\n".encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:20]


def pairs_path(cache_dir: Path, text: str, variant: str = "clean") -> Path:
    return Path(cache_dir) / "ocr-pairs" / f"{doc_key(text, variant)}.json"


def _indexed(pages: list[dict]) -> list[dict]:
    return [p if "index" in p else {**p, "index": i} for i, p in enumerate(pages)]


def load_pairs(cache_dir: Path, text: str, variant: str = "clean") -> list[dict] | None:
    """Every cached page pair of this document and variant, in page order (or None)."""
    p = pairs_path(cache_dir, text, variant)
    if not p.exists():
        return None
    try:
        pages = _indexed(json.loads(p.read_text(encoding="utf-8"))["pages"])
    except (OSError, ValueError, KeyError):
        return None
    return sorted(pages, key=lambda pg: pg["index"])


def training_indices(n_pages: int, variant: str) -> list[int]:
    """The pages of a document that train the channel in ``variant``: every TRAIN_STRIDE-th,
    offset by the variant, so that each page is read in about len(VARIANTS)/TRAIN_STRIDE
    renderings and all damage kinds are seen at a fraction of the tesseract time."""
    stride = max(1, min(TRAIN_STRIDE, n_pages))
    k = list(VARIANTS).index(variant) % stride
    return [i for i in range(n_pages) if i % stride == k]


def training_pairs(cache_dir: Path, text: str, variant: str, max_pages: int | None = None) -> list[dict]:
    want = set(training_indices(len(page_texts(text, max_pages)), variant))
    return [p for p in load_pairs(cache_dir, text, variant) or [] if p["index"] in want]


def build_pairs(cache_dir: Path, text: str, variant: str = "clean", max_pages: int | None = None, log=None,
                jobs: int | None = None, indices: list[int] | None = None) -> list[dict]:
    """Render and OCR pages of one document (cached, added to what is cached); returns
    [{"clean":…, "ocr":…, "font":…, "variant":…, "index":…}] for ``indices`` (default: all)."""
    texts = page_texts(text, max_pages)
    wanted = list(range(len(texts))) if indices is None else [i for i in indices if i < len(texts)]
    cached = {p["index"]: p for p in load_pairs(cache_dir, text, variant) or []}
    missing = [i for i in wanted if i not in cached]
    if not missing:
        return [cached[i] for i in wanted]

    def one(i: int) -> dict:
        clean = texts[i]
        font = FONTS[i % len(FONTS)] if variant == "clean" else VARIANTS[variant].get("font", "DejaVuSerif.ttf")
        page = {"clean": clean, "ocr": ocr_page(clean, font, variant, seed=i), "font": font, "variant": variant,
                "index": i}
        if log:
            log(f"ocr {variant} page {i + 1}/{len(texts)}")
        return page

    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs > 1 and len(missing) > 1:
        # tesseract runs as a subprocess: threads are enough, one OpenMP thread each
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        with ThreadPoolExecutor(jobs) as pool:
            done = list(pool.map(one, missing))
    else:
        done = [one(i) for i in missing]
    cached.update((p["index"], p) for p in done)
    p = pairs_path(cache_dir, text, variant)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps({"pages": [cached[i] for i in sorted(cached)]}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(p)
    return [cached[i] for i in wanted]
