"""General Vietnamese word lists from installed packages (nothing downloaded).

The corpus of plans is small; these lists give the restorer the syllables and
two-/three-syllable words it has not seen in plans yet:

* Debian ``hunspell-vi``: ~6.6k syllables (``/usr/share/hunspell/vi_VN.dic``);
* the underthesea wheel: ``corpus/data/Viet74K.txt`` (~74k words, many multi-syllable);
* the ``vie`` tesseract model's word list (``combine_tessdata -u`` + ``dawg2wordlist``);
* Vietnamese administrative unit names (provinces, districts, wards) from the
  underthesea wheel's ``address/data/mapping.json``;
* running text: the tagged VLSP 2013 test sentences that the underthesea wheel ships with
  its POS model (``pipeline/pos_tag/models/*/test_output.txt``, ~3k sentences of
  legal/news prose) -- the only source of general syllable frequencies and contexts.

Each source that is missing is skipped; :func:`lexicon_sources` says which were found.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from normalize.diacritics.syllables import nfc

HUNSPELL_DIC = Path("/usr/share/hunspell/vi_VN.dic")
TESSDATA_DIRS = [Path("/usr/share/tesseract-ocr/5/tessdata"), Path("/usr/share/tesseract-ocr/4.00/tessdata")]


def _underthesea_file() -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec("underthesea")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    p = Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"
    return p if p.exists() else None


def _vie_traineddata() -> Path | None:
    for d in TESSDATA_DIRS:
        p = d / "vie.traineddata"
        if p.exists():
            return p
    return None


def _underthesea_running_text() -> Path | None:
    p = _underthesea_file()
    if p is None:
        return None
    root = p.parents[2] / "pipeline" / "pos_tag" / "models"
    found = sorted(root.glob("*/test_output.txt")) if root.is_dir() else []
    return found[-1] if found else None


def _underthesea_places() -> Path | None:
    p = _underthesea_file()
    if p is None:
        return None
    q = p.parents[2] / "address" / "data" / "mapping.json"
    return q if q.exists() else None


def _read_places(p: Path) -> list[str]:
    import json

    data = json.loads(p.read_text(encoding="utf-8"))
    names: set[str] = set()
    for key in ("province_names", "old_province_names"):
        for v in (data.get(key) or {}).values():
            names.add(v.get("name", ""))
    for row in data.get("ward_mapping") or []:
        for k, v in row.items():
            if not k.endswith("_key") and isinstance(v, str) and k != "mapping_type":
                names.add(v)
    return sorted(n for n in names if n)


def lexicon_sources() -> dict[str, Path]:
    found = {}
    if HUNSPELL_DIC.exists():
        found["hunspell"] = HUNSPELL_DIC
    p = _underthesea_file()
    if p:
        found["underthesea"] = p
    p = _underthesea_places()
    if p:
        found["underthesea-places"] = p
    p = _underthesea_running_text()
    if p:
        found["underthesea-text"] = p
    p = _vie_traineddata()
    if p and shutil.which("combine_tessdata") and shutil.which("dawg2wordlist"):
        found["tesseract-vie"] = p
    return found


def sources_digest() -> str:
    h = hashlib.sha256()
    for name, p in sorted(lexicon_sources().items()):
        h.update(name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _read_hunspell(p: Path) -> list[str]:
    lines = p.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return [ln.split("/")[0].strip() for ln in lines if ln.strip()]


def _read_tesseract_words(p: Path, cache_dir: Path) -> list[str]:
    digest = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
    out = cache_dir / f"vie-words-{digest}.txt"
    if not out.exists():
        with tempfile.TemporaryDirectory() as tmp:
            prefix = str(Path(tmp) / "vie.")
            subprocess.run(["combine_tessdata", "-u", str(p), prefix], check=True, capture_output=True)
            uc, dawg = Path(prefix + "lstm-unicharset"), Path(prefix + "lstm-word-dawg")
            if not (uc.exists() and dawg.exists()):
                return []
            listed = Path(tmp) / "words.txt"
            subprocess.run(["dawg2wordlist", str(uc), str(dawg), str(listed)], check=True, capture_output=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(listed.read_text(encoding="utf-8", errors="replace"), encoding="utf-8")
    return out.read_text(encoding="utf-8").splitlines()


def load_lexicon(cache_dir: Path) -> dict[str, list[list[str]]]:
    """Word lists per source, each word as its list of lower-case syllables."""
    result: dict[str, list[list[str]]] = {}
    for name, p in lexicon_sources().items():
        if name == "underthesea-text":
            continue
        try:
            if name == "hunspell":
                words = _read_hunspell(p)
            elif name == "underthesea-places":
                words = _read_places(p)
            elif name == "underthesea":
                words = p.read_text(encoding="utf-8", errors="replace").splitlines()
            else:
                words = _read_tesseract_words(p, cache_dir)
        except (OSError, subprocess.CalledProcessError):
            continue
        seqs = []
        for w in words:
            w = nfc(w.strip().lower())
            if not w or any(ch.isdigit() for ch in w):
                continue
            sylls = w.replace("-", " ").split()
            if sylls:
                seqs.append(sylls)
        result[name] = seqs
    return result


def load_running_text() -> list[list[str]]:
    """Sentences (lists of lower-case syllables and punctuation) of the installed tagged text."""
    p = lexicon_sources().get("underthesea-text")
    if p is None:
        return []
    sentences: list[list[str]] = []
    cur: list[str] = []
    for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.split("\t", 1)[0].strip()
        if not word:
            if cur:
                sentences.append(cur)
            cur = []
            continue
        cur.extend(nfc(word.lower()).replace("_", " ").split())
    if cur:
        sentences.append(cur)
    return sentences
