"""Pack the official documents of ``shared/admin-text`` as training text for the restorer.

Usage: python scripts/pack_text.py [../shared/admin-text] [normalize/diacritics/data/admin-text.jsonl.xz]

Each document is read and cleaned the way ``vnplan run`` cleans an input (ingest, then
normalize without restoring diacritics: portal lines, markdown and table pipes gone,
wrapped lines joined), so the language model learns the words of the documents, not their
markup. The result is one JSON line per document, ``{"file": …, "sha256": …, "text": …}``
(sha256 of the source bytes, so ``vnplan eval-restore`` can leave out any copy of a
document under test), compressed with xz. Run once by a maintainer; the packed file ships
in the repository, and building the model reads only it.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import ingest_file  # noqa: E402
from normalize import normalize_document  # noqa: E402


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else ROOT.parent / "shared" / "admin-text"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "normalize" / "diacritics" / "data" / "admin-text.jsonl.xz"
    files = sorted(p for p in src.glob("*.md") if p.name.lower() != "readme.md")
    lines = []
    for i, p in enumerate(files, 1):
        text = normalize_document(ingest_file(p), restore=False).text
        lines.append(json.dumps({"file": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
                                 "text": text}, ensure_ascii=False))
        if i % 50 == 0:
            print(f"{i}/{len(files)}", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with lzma.open(tmp, "wt", encoding="utf-8", preset=9) as fh:
        fh.write("\n".join(lines) + "\n")
    tmp.replace(out)
    print(f"{len(lines)} documents, {sum(len(x) for x in lines):,} characters -> {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
