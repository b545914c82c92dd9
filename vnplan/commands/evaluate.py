"""``vnplan evaluate``: score an output folder against the gold set.

Kept apart from the core CLI so the evaluator (vnplan.evaluation) stays a library the
review app can import; this module parses options, formats the text table and prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from vnplan.matching import ITEM_TYPES


def register(app: typer.Typer) -> None:
    @app.command()
    def evaluate(
        gold: Path = typer.Option(Path("gold"), "--gold", help="Folder of gold/<stem>.json files."),
        pred: Path = typer.Option(..., "--pred", help="Output folder of `vnplan run` (<stem>.json and <stem>.txt)."),
        fmt: str = typer.Option("text", "--format", help="text (a table) or json (every figure and item)."),
        html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML report here."),
        split: str = typer.Option(
            "all", "--split",
            help="Which gold documents: seeds (in-sample), dev, test (held out), real (dev+test) or all. "
                 "The fixed rule is in vnplan/splits.py and the README.",
        ),
    ) -> None:
        """Precision, recall and F1 per item type, field accuracy, document block, deadline and number rates.

        Example: vnplan run corpus/ -o out && vnplan evaluate --gold gold --pred out --split test
        """
        from vnplan.evaluation import evaluate_dirs
        from vnplan.splits import SPLITS

        if fmt not in ("text", "json"):
            typer.echo(f"error: --format must be text or json, not {fmt!r}", err=True)
            raise typer.Exit(2)
        if split not in SPLITS:
            typer.echo(f"error: --split must be one of {', '.join(SPLITS)}, not {split!r}", err=True)
            raise typer.Exit(2)
        try:
            result = evaluate_dirs(gold, pred, split=split)
        except (FileNotFoundError, json.JSONDecodeError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        if fmt == "json":
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            typer.echo(format_text(result))
        if html:
            from vnplan.io import write_atomic
            from vnplan.report_html import render_report

            write_atomic(html, render_report(result))
            if fmt == "text":
                typer.echo(f"HTML report: {html}")


def format_text(result: dict) -> str:
    """A readable table of ``evaluate_dirs`` figures."""
    lines = []
    head = f"{'document':28} {'type':17} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"
    lines.append(head)
    lines.append("-" * len(head))

    def row(name, kind, r):
        lines.append(
            f"{name:28} {kind:17} {r['tp'] + r['fn']:5d} {r['tp'] + r['fp']:5d} {r['tp']:4d} "
            f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
        )

    for stem, d in result["documents"].items():
        for kind in ITEM_TYPES:
            row(stem + (" (no pred)" if d["missing_pred"] else ""), kind, d["types"][kind])
    lines.append("-" * len(head))
    for kind in ITEM_TYPES:
        row("TOTAL", kind, result["total"][kind])
    lines.append("")
    lines.append("Field accuracy on matched items (right/checked):")
    for kind in ITEM_TYPES:
        parts = []
        for f, c in result["total"][kind]["field_accuracy"].items():
            acc = "-" if c["accuracy"] is None else f"{c['accuracy']:.3f}"
            parts.append(f"{f} {acc} ({c['right']}/{c['checked']})")
        lines.append(f"  {kind:17} " + "; ".join(parts))
    lines.append("")
    names = {"deadline_end_exact": "deadline end exact (matched tasks)", "numbers_exact": "numbers exact (matched items)",
             "spans_hold_numbers": "evidence spans holding their numbers (pred items)"}
    for k, r in result["rates"].items():
        val = "-" if r["rate"] is None else f"{r['rate']:.3f}"
        lines.append(f"{names[k]:52} {val} ({r['right']}/{r['of']})")
    block = result.get("document_block")
    if block:
        lines.append("")
        parts = [f"{f} {'-' if c['accuracy'] is None else format(c['accuracy'], '.3f')} ({c['right']}/{c['checked']})"
                 for f, c in block["fields"].items() if c["checked"]]
        lines.append("Document block: " + "; ".join(parts))
    s = result.get("summary")
    if s:
        def fmt(v):
            return "-" if v is None else f"{v:.3f}"
        lines.append("")
        lines.append(f"Summary ({result.get('split', 'all')}, {len(result['documents'])} documents): "
                     f"mean item F1 {fmt(s['mean_item_f1'])} over {', '.join(s['types_present']) or 'no item type'}; "
                     f"field accuracy {fmt(s['field_accuracy'])}; document block {fmt(s['document_block'])}")
    return "\n".join(lines)
