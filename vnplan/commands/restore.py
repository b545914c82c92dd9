"""``vnplan restore``, ``vnplan train-restorer`` and ``vnplan eval-restore``: the diacritic
restorer (normalize.diacritics) on the command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

PROJECT = Path(__file__).resolve().parents[2]


def gold_source_of(gold: Path) -> Path:
    """``gold/<stem>.restored.txt`` restores ``corpus/<stem>.txt`` (the naming convention)."""
    return PROJECT / "corpus" / (gold.name.removesuffix(".restored.txt").removesuffix(".txt") + ".txt")


def default_gold() -> tuple[Optional[Path], Optional[Path]]:
    """The first hand-restored gold text in gold/ whose damaged source is in corpus/."""
    for gold in sorted((PROJECT / "gold").glob("*.restored.txt")):
        if gold_source_of(gold).exists():
            return gold, gold_source_of(gold)
    return None, None


def _fail(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(1)


def _read_input(file: str) -> str:
    from normalize.diacritics.syllables import nfc

    if file == "-":
        return nfc(sys.stdin.read())
    p = Path(file)
    if not p.is_file():
        _fail(f"{file}: no such file")
    try:
        return nfc(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        _fail(f"{file}: not UTF-8 text")
    return ""


def register(app: typer.Typer) -> None:
    @app.command()
    def restore(
        file: str = typer.Argument(..., help="A text file, or - for stdin."),
        report: Optional[Path] = typer.Option(None, "--report", help="Write per-token confidence and unresolved tokens (JSON)."),
        mode: str = typer.Option("auto", "--mode", help="auto (detect), strip (marks removed) or ocr (English OCR damage)."),
        force: bool = typer.Option(False, "--force", help="Restore every block, even those that look accented."),
        corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of diacritized plans (default: the project's corpus/ or $VNPLAN_CORPUS)."),
    ) -> None:
        """Restore Vietnamese diacritics in FILE and write the text to stdout."""
        from normalize.diacritics import load_model
        from normalize.diacritics import restore as do_restore
        from vnplan.io import write_json

        if mode not in ("auto", "strip", "ocr"):
            _fail(f"--mode {mode}: expected auto, strip or ocr")
        text = _read_input(file)
        model = load_model(corpus, log=lambda m: typer.echo(m, err=True))
        res = do_restore(text, model, mode=None if mode == "auto" else mode, force=force)
        sys.stdout.write(res.text)
        sys.stdout.flush()
        for w in res.warnings:
            typer.echo(f"# {w}", err=True)
        if report:
            write_json(report, {"source": file, **res.report()})

    @app.command("train-restorer")
    def train_restorer(
        corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of plans (default: the project's corpus/ or $VNPLAN_CORPUS)."),
        ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="Render the plans and read them with tesseract -l eng (cached) to learn the OCR channel."),
        max_pages: Optional[int] = typer.Option(None, "--max-pages", help="Render at most N pages per plan and variant."),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Parallel tesseract runs (default: number of CPUs)."),
    ) -> None:
        """Rebuild the restorer model (language model + OCR channel) into the cache.

        The rendered-and-OCR'd pages are cached per plan and variant, so only new plans
        cost tesseract time (about 2-5 s a page and variant on one core)."""
        from normalize.diacritics import ocrsynth
        from normalize.diacritics.model import cache_dir, corpus_dir, corpus_texts, load_model

        folder = corpus or corpus_dir()
        if not folder.is_dir():
            _fail(f"{folder}: not a folder")
        texts = corpus_texts(folder)
        typer.echo(f"{len(texts)} diacritized plan(s) in {folder}: {', '.join(sorted(texts)) or '-'}", err=True)
        if ocr:
            if not ocrsynth.tesseract_available():
                typer.echo("tesseract with the eng model not found: OCR channel not trained", err=True)
            else:
                for name, text in sorted(texts.items()):
                    for variant in ocrsynth.VARIANTS:
                        t0 = time.time()
                        n = len(ocrsynth.page_texts(text, max_pages))
                        pages = ocrsynth.build_pairs(cache_dir(), text, variant, max_pages=max_pages, jobs=jobs,
                                                     indices=ocrsynth.training_indices(n, variant))
                        typer.echo(f"  {name} [{variant}]: {len(pages)} page(s) ({time.time() - t0:.1f}s)", err=True)
        t0 = time.time()
        model = load_model(folder, rebuild=True)
        m = model.meta
        typer.echo(f"model {m.get('key')}: {len(model.syllables)} syllables, {len(model.lm.tri)} trigrams, "
                   f"OCR pages {m.get('ocr_pages')}, lexicon {', '.join(m.get('lexicon', []))} "
                   f"({time.time() - t0:.1f}s) in {cache_dir()}")

    @app.command("eval-restore")
    def eval_restore(
        corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of plans (default: the project's corpus/)."),
        gold: Optional[Path] = typer.Option(None, "--gold", help="Hand-restored gold text (default: gold/<stem>.restored.txt)."),
        gold_source: Optional[Path] = typer.Option(None, "--gold-source", help="The damaged text the gold restores (default: corpus/<stem>.txt)."),
        max_chars: Optional[int] = typer.Option(None, "--max-chars", help="Use at most N characters of each held-out plan (speed)."),
        max_pages: Optional[int] = typer.Option(None, "--max-pages", help="Use at most N OCR pages per plan and variant (speed)."),
        skip_ocr: bool = typer.Option(False, "--skip-ocr", help="Skip the English-OCR evaluation."),
        json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures as JSON."),
        html_out: Optional[Path] = typer.Option(None, "--html", help="Also write a page: a bar per measure against "
                                                "its target, and the words most often restored wrong."),
    ) -> None:
        """Print syllable/word accuracy of the restorer (and the no-restoration baseline) and its most frequent mistakes."""
        from normalize.diacritics.evaluate import run_eval
        from normalize.diacritics.model import cache_dir, corpus_dir
        from vnplan.io import write_json

        if gold is None:
            gold, found_source = default_gold()
            gold_source = gold_source or found_source
        elif gold_source is None:
            gold_source = gold_source_of(gold)
        figures = run_eval(corpus or corpus_dir(), cache_dir(), gold, gold_source, max_chars, max_pages, skip_ocr,
                           log=typer.echo)
        if json_out:
            write_json(json_out, figures)
        if html_out:
            from vnplan.io import write_atomic
            from vnplan.restore_report import render_restore_report

            write_atomic(html_out, render_restore_report(figures))
            typer.echo(f"report: {html_out}")
