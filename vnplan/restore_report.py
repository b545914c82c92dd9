"""``vnplan eval-restore --html``: the restorer's figures and its most frequent mistakes as a page.

The figures are what ``normalize.diacritics.evaluate.run_eval`` returns (also written by
``--json``): one accuracy per measure, the baseline before restoring, and the words
most often restored wrong.  Each measure gets a bar against its target and a table of
those mistakes, so a reader sees at once what is met and which words to work on.  One
self-contained file (inline CSS), like the extraction report.
"""

from __future__ import annotations

from vnplan.report_html import _CSS, _e

# measure key in the figures -> the accuracy it is meant to reach
TARGETS = {"stripped_loo": 0.98, "ocr_loo": 0.95, "ocr_loo_document": 0.95, "gold": 0.95}
LABELS = {
    "stripped_loo": "Stripped text, leave-one-document-out (syllables)",
    "ocr_loo": "English-OCR'd renderings, held out, page by page (words)",
    "ocr_loo_document": "English-OCR'd renderings, held out, each document as one text (words)",
    "gold": "Hand-restored gold of a real scan (words)",
}


def _bar(value: float, baseline: float | None, target: float | None) -> str:
    """A 0–100 % bar: the accuracy in blue (green when it meets the target), the baseline
    as a grey tick, the target as a red line."""
    color = "#41ab5d" if target is not None and value >= target else "#2c7fb8"
    marks = ""
    if baseline is not None:
        marks += f'<div style="position:absolute;left:{baseline * 100:.1f}%;top:0;bottom:0;border-left:2px solid #999"></div>'
    if target is not None:
        marks += f'<div style="position:absolute;left:{target * 100:.1f}%;top:-3px;bottom:-3px;border-left:2px solid #c0392b"></div>'
    return (f'<div style="position:relative;width:360px;height:14px;background:#eee">'
            f'<div style="width:{value * 100:.1f}%;height:100%;background:{color}"></div>{marks}</div>')


def _row(label: str, fig: dict, target: float | None) -> str:
    met = "" if target is None else ("✓" if fig["accuracy"] >= target else "✗")
    size = fig.get("syllables") or fig.get("words")
    return (f"<tr><td>{_e(label)}</td><td class=num>{fig['accuracy']:.2%}</td><td>{_bar(fig['accuracy'], fig.get('baseline'), target)}</td>"
            f"<td class=num>{fig.get('baseline', 0):.2%}</td><td class=num>{size or ''}</td>"
            f"<td class=num>{'' if target is None else f'{target:.0%} {met}'}</td></tr>")


def _errors(label: str, top: list) -> str:
    if not top:
        return ""
    rows = "".join(f"<tr><td>{_e(r)}</td><td>{_e(h) if h else '<i>missing</i>'}</td><td class=num>{c}</td></tr>"
                   for r, h, c in top)
    return (f"<details><summary>{_e(label)}: most frequent mistakes</summary>"
            f"<table><tr><th>reference</th><th>restored as</th><th>times</th></tr>{rows}</table></details>")


def render_restore_report(figures: dict) -> str:
    head = ("<tr><th>measure</th><th>accuracy</th><th>(grey: before restoring, red: target)</th>"
            "<th>before</th><th>tokens</th><th>target</th></tr>")
    rows, details = [], []
    for key, label in LABELS.items():
        fig = figures.get(key)
        if not fig:
            continue
        if "accuracy" in fig:  # one figure
            rows.append(_row(label, fig, TARGETS.get(key)))
            details.append(_errors(label, fig.get("top_errors") or []))
            continue
        for variant, vfig in fig.items():  # one figure per OCR rendering, then "all"
            is_all = variant == "all"
            rows.append(_row(f"{label} — {'all renderings' if is_all else variant}", vfig, TARGETS.get(key) if is_all else None))
            if is_all:
                details.append(_errors(label, vfig.get("top_errors") or []))
    docs = ", ".join(_e(d) for d in figures.get("documents", []))
    return (f"<!doctype html><html lang=vi><head><meta charset=utf-8><title>vnplan eval-restore</title>"
            f"<style>{_CSS}</style></head><body><h1>Diacritic restoration: evaluation</h1>"
            f"<p>Diacritized plans used: {docs or '<i>none</i>'}. Produced by <code>vnplan eval-restore --html</code>.</p>"
            f"<table>{head}{''.join(rows)}</table><h2>Mistakes</h2>{''.join(details)}</body></html>")
