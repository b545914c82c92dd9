"""Robustness to the input format: the same real plans as portal markdown, as a PDF printed by
a browser, as a Word file and as a scan of the PDF, each scored against the same gold.

vnplan's real documents arrive as portal markdown, but users also bring PDFs and .docx
files. Each ``dev`` real plan of ``corpus/real/`` is read once as it ships (markdown); the
text that run produced (paragraphs one a line, tables as `` | `` rows, table group rows
kept in their table) is laid out as an HTML page (DejaVu Serif, ruled tables), printed to
PDF by headless Chromium (the wrapped lines, page breaks and tables cut by them of a real
typeset PDF) and written as a .docx (python-docx: paragraphs and Word tables); with ``scan``
the printed PDFs of a few pages are rasterised at 300 dpi, blurred a little and read back
through the OCR path. The versions go through ``vnplan run`` and ``vnplan evaluate``; the figures show what a format
costs. The layout starts from vnplan's own reading of the markdown, so the PDF and Word
figures measure the PDF and Word paths, not the markdown one.

    python bench/bench_formats.py                 # the dev real plans, PDF and Word
    python bench/bench_formats.py --split test    # the held-out ones (a figure to report)
    python bench/bench_formats.py --formats pdf --keep /tmp/formats
    python bench/bench_formats.py --formats scan  # the printed PDFs of at most 8 pages rasterised and OCR'd
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalize.tables import row_cells  # noqa: E402
from vnplan.evaluation import ITEM_TYPES, evaluate_dirs  # noqa: E402
from vnplan.pipeline import run_batch  # noqa: E402
from vnplan.splits import split_of_stems  # noqa: E402

STYLE = ('body{font-family:"DejaVu Serif",serif;font-size:13pt;margin:2cm}'
         "table{border-collapse:collapse;margin:6pt 0}td{border:1px solid #000;padding:2px 4px;vertical-align:top;"
         "font-size:11pt}p{text-align:justify;margin:3pt 0}")


def is_row(line: str) -> bool:
    return " | " in line or line.startswith("| ") or line.endswith(" |")


def blocks(text: str) -> list[str | list[list[str]]]:
    """Paragraphs and tables of a run's text; a line between two rows of a table (a group row,
    written without bars) is a row of one cell in that table."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    out: list[str | list[list[str]]] = []
    for i, ln in enumerate(lines):
        table = out[-1] if out and isinstance(out[-1], list) else None
        if is_row(ln):
            row = row_cells(ln)  # "6 | text | | ": the empty cells stay
            row = row[1:] if row and not row[0] and ln.lstrip().startswith("|") else row
            (table.append(row) if table is not None else out.append([row]))
        elif table is not None and i + 1 < len(lines) and is_row(lines[i + 1]) and len(ln) < 200:
            table.append([ln.strip()])
        else:
            out.append(ln)
    return out


def to_html(parts) -> str:
    body = []
    for part in parts:
        if isinstance(part, str):
            body.append(f"<p>{html.escape(part)}</p>")
            continue
        width = max(len(r) for r in part)
        rows = []
        for r in part:
            if len(r) == 1 and width > 1:
                rows.append(f'<tr><td colspan="{width}">{html.escape(r[0])}</td></tr>')
            else:
                rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "<td></td>" * (width - len(r)) + "</tr>")
        body.append("<table>" + "".join(rows) + "</table>")
    return f'<!doctype html><html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{"".join(body)}</body></html>'


def to_docx(parts, path: Path) -> None:
    from docx import Document

    doc = Document()
    for part in parts:
        if isinstance(part, str):
            doc.add_paragraph(part)
            continue
        width = max(len(r) for r in part)
        table = doc.add_table(rows=len(part), cols=width)
        table.style = "Table Grid"
        for i, r in enumerate(part):
            if len(r) == 1 and width > 1:
                table.cell(i, 0).merge(table.cell(i, width - 1)).text = r[0]
                continue
            for j, c in enumerate(r):
                table.cell(i, j).text = c
    doc.save(str(path))


def browser() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def print_pdf(exe: str, page: Path, pdf: Path) -> None:
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=False)


def scan_pdf(pdf: Path, out: Path, dpi: int = 300, blur: float = 0.8) -> None:
    """The pages of ``pdf`` as a scanner gives them: gray images at ``dpi``, slightly blurred, in an
    image-only PDF (so that ``vnplan run`` OCRs them)."""
    import pdfplumber
    from PIL import ImageFilter

    with pdfplumber.open(str(pdf)) as doc:
        pages = [p.to_image(resolution=dpi).original.convert("L").filter(ImageFilter.GaussianBlur(blur)) for p in doc.pages]
    pages[0].save(str(out), save_all=True, append_images=pages[1:], resolution=dpi)


def page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return len(doc.pages)


def scores(gold: Path, pred: Path) -> dict:
    res = evaluate_dirs(gold, pred, "all")
    return {**{k: res["total"][k] for k in ITEM_TYPES}, "summary": res["summary"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--formats", default="pdf,docx",
                    help="comma-separated: pdf, docx, scan (the PDF rasterised and OCR'd; default pdf,docx)")
    ap.add_argument("--scan-pages", type=int, default=8, help="scan only the plans of at most N pages (OCR is slow)")
    ap.add_argument("--gold", default=str(ROOT / "gold"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="write the inputs and outputs here instead of a temporary folder")
    ap.add_argument("--split", default="dev", choices=("dev", "test"),
                    help="the real plans of this split (default dev; test only to report, never to tune)")
    args = ap.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    if set(formats) - {"pdf", "docx", "scan"}:
        ap.error(f"--formats: pdf, docx, scan, not {','.join(sorted(set(formats) - {'pdf', 'docx', 'scan'}))}")
    if "scan" in formats:  # the scan is made from the printed PDF: print it first
        formats = [f for f in formats if f not in ("pdf", "scan")] + ["pdf", "scan"]
    gold_all = Path(args.gold)
    splits = split_of_stems(gold_all)
    stems = sorted(p.stem for p in (ROOT / "corpus" / "real").glob("*.md") if splits.get(p.stem) == args.split)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vnplan-formats-"))
    work.mkdir(parents=True, exist_ok=True)
    gold = work / "gold"
    gold.mkdir(exist_ok=True)
    for s in stems:
        shutil.copy(gold_all / f"{s}.json", gold / f"{s}.json")
    print(f"{len(stems)} {args.split} real plans; work folder {work}")
    run_batch([ROOT / "corpus" / "real" / f"{s}.md" for s in stems], work / "out-md", jobs=args.jobs)
    results = {"markdown (as shipped)": scores(gold, work / "out-md")}
    exe = browser()
    for fmt in formats:
        folder = work / f"in-{fmt}"
        shutil.rmtree(folder, ignore_errors=True)  # a --keep folder of an earlier run
        shutil.rmtree(work / "gold-scan", ignore_errors=True) if fmt == "scan" else None
        folder.mkdir()
        if fmt == "scan":
            pdfs = [p for p in sorted((work / "in-pdf").glob("*.pdf")) if page_count(p) <= args.scan_pages]
            subset = work / "gold-scan"
            subset.mkdir(exist_ok=True)
            for p in pdfs:
                scan_pdf(p, folder / p.name)
                shutil.copy(gold / f"{p.stem}.json", subset / f"{p.stem}.json")
            run_batch(sorted(folder.iterdir()), work / "out-scan", jobs=args.jobs)
            results[f"markdown, the {len(pdfs)} scanned"] = scores(subset, work / "out-md")
            results[f"scanned (≤ {args.scan_pages} pages, OCR)"] = scores(subset, work / "out-scan")
            continue
        for s in stems:
            parts = blocks((work / "out-md" / f"{s}.txt").read_text(encoding="utf-8"))
            if fmt == "docx":
                to_docx(parts, folder / f"{s}.docx")
            elif fmt == "pdf" and exe:
                page = folder / f"{s}.html"
                page.write_text(to_html(parts), encoding="utf-8")
                print_pdf(exe, page, folder / f"{s}.pdf")
                page.unlink()
                if not (folder / f"{s}.pdf").exists():
                    print(f"{s}: the browser printed no PDF (the document scores as missed)")
        if fmt == "pdf" and not exe:
            print("pdf: skipped (no chromium / google-chrome on PATH)")
            continue
        run_batch(sorted(folder.iterdir()), work / f"out-{fmt}", jobs=args.jobs)
        results[{"pdf": "PDF printed by Chromium", "docx": "Word .docx"}[fmt]] = scores(gold, work / f"out-{fmt}")
    print(f"\n{'format':30} " + " ".join(f"{k[:16]:>16}" for k in ITEM_TYPES) + f" {'field acc.':>10} {'doc block':>9}")
    for name, res in results.items():
        f1s = " ".join(f"{res[k]['f1']:>16.3f}" if res[k]["tp"] + res[k]["fn"] else f"{'–':>16}" for k in ITEM_TYPES)
        print(f"{name:30} {f1s} {res['summary']['field_accuracy']:>10.3f} {res['summary']['document_block']:>9.3f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
