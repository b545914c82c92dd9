"""Render ``evaluate_dirs`` results as one self-contained HTML page.

A reviewer fixing the extractors wants to see, per document and item type, what was
missed, what was invented and which fields were wrong, each next to the sentence it came
from. The page has no external assets (inline CSS, bars as inline SVG), so it can be
mailed or opened offline.
"""

from __future__ import annotations

import html
import json
from typing import Any

from vnplan.matching import ITEM_TYPES, MAIN_TEXT, get_field

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
.miss{border-left:4px solid #c0392b}.extra{border-left:4px solid #e67e22}.wrong{border-left:4px solid #2c7fb8}
.item{margin:6px 0;padding:4px 10px;background:#fafafa}.ev{color:#555;font-style:italic;white-space:pre-wrap}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:3px;background:#eee;margin-right:4px}
details{margin:4px 0}summary{cursor:pointer}code{background:#f3f3f3;padding:0 3px}
"""
_COLORS = {"precision": "#2c7fb8", "recall": "#41ab5d", "f1": "#6a51a3"}


def _e(x: Any) -> str:
    if x is None:
        return "<i>null</i>"
    if not isinstance(x, str):
        x = json.dumps(x, ensure_ascii=False)
    return html.escape(x)


def _bars(metrics: dict[str, dict]) -> str:
    """Inline SVG: one group of P/R/F1 bars per item type."""
    w, row_h, label_w, bar_w = 600, 54, 130, 380
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{row_h * len(metrics) + 10}" role="img">']
    for n, (kind, r) in enumerate(metrics.items()):
        y = n * row_h + 5
        parts.append(f'<text x="0" y="{y + 28}" font-size="13">{html.escape(kind)}</text>')
        for k, key in enumerate(("precision", "recall", "f1")):
            v = float(r.get(key) or 0.0)
            yy = y + k * 16
            parts.append(f'<rect x="{label_w}" y="{yy}" width="{bar_w}" height="13" fill="#eee"/>')
            parts.append(f'<rect x="{label_w}" y="{yy}" width="{bar_w * v:.1f}" height="13" fill="{_COLORS[key]}"/>')
            parts.append(f'<text x="{label_w + bar_w + 6}" y="{yy + 11}" font-size="11">{key[0].upper() if key != "f1" else "F1"} {v:.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _item_line(kind: str, item: dict) -> str:
    main = item.get(MAIN_TEXT[kind])
    facts = []
    for f in ("value", "value_max", "unit", "max_points", "max_count", "rank", "prize_vnd", "recipient", "deadline.end"):
        v = get_field(item, f)
        if v is not None:
            facts.append(f'<span class="tag">{html.escape(f)}={_e(v)}</span>')
    sec = get_field(item, "evidence.section")
    ev = get_field(item, "evidence.text") or ""
    return (
        f'<b>{_e(item.get("id"))}</b> {_e(main)} {"".join(facts)}'
        f'{f" <span class=tag>§ {_e(sec)}</span>" if sec else ""}<div class="ev">{html.escape(ev)}</div>'
    )


def _type_section(kind: str, r: dict) -> str:
    out = [f"<h3>{html.escape(kind)}: P {r['precision']:.3f} · R {r['recall']:.3f} · F1 {r['f1']:.3f} "
           f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})</h3>"]
    if r["missing"]:
        out.append(f"<details open><summary>Misses ({len(r['missing'])})</summary>")
        out += [f'<div class="item miss">{_item_line(kind, g)}</div>' for g in r["missing"]]
        out.append("</details>")
    if r["extra"]:
        out.append(f"<details open><summary>False alarms ({len(r['extra'])})</summary>")
        out += [f'<div class="item extra">{_item_line(kind, p)}</div>' for p in r["extra"]]
        out.append("</details>")
    wrong = [m for m in r["matched"] if m["wrong_fields"]]
    if wrong:
        out.append(f"<details open><summary>Wrong fields on matched items ({len(wrong)} of {len(r['matched'])})</summary>")
        for m in wrong:
            rows = "".join(
                f"<tr><td><code>{html.escape(f)}</code></td><td>{_e(g)}</td><td>{_e(p)}</td></tr>" for f, (g, p) in m["wrong_fields"].items()
            )
            out.append(
                f'<div class="item wrong">{_item_line(kind, m["gold"])}'
                f'<table><tr><th>field</th><th>gold</th><th>extracted</th></tr>{rows}</table>'
                f'<div class="ev">extracted from: {html.escape(get_field(m["pred"], "evidence.text") or "")}</div></div>'
            )
        out.append("</details>")
    spans = r.get("spans")
    if spans and spans["bad"]:
        out.append(f"<details><summary>Evidence spans not holding their numbers ({len(spans['bad'])} of {spans['items']})</summary><ul>")
        out += [f"<li>{_e(b['id'])}: in range {b['in_range']}, missing {_e(b['missing_numbers'])}</li>" for b in spans["bad"]]
        out.append("</ul></details>")
    return "\n".join(out)


def _field_table(total: dict) -> str:
    rows = []
    for kind in ITEM_TYPES:
        for f, c in total[kind]["field_accuracy"].items():
            acc = "–" if c["accuracy"] is None else f"{c['accuracy']:.3f}"
            rows.append(f"<tr><td>{kind}</td><td><code>{f}</code></td><td class=num>{acc}</td><td class=num>{c['right']}/{c['checked']}</td></tr>")
    return "<table><tr><th>type</th><th>field</th><th>accuracy</th><th>right/checked</th></tr>" + "".join(rows) + "</table>"


def _fmt(v) -> str:
    return "–" if v is None else f"{v:.3f}"


def _summary(result: dict) -> str:
    """The three headline figures, when the result has them (``evaluate_dirs`` since schema 1.2.0)."""
    s = result.get("summary")
    if not s:
        return ""
    return (f"<p><b>mean item F1 {_fmt(s['mean_item_f1'])}</b> over {_e(', '.join(s['types_present']) or 'no type')}"
            f" · <b>field accuracy {_fmt(s['field_accuracy'])}</b> · <b>document block {_fmt(s['document_block'])}</b></p>")


def _document_block(result: dict) -> str:
    block = result.get("document_block")
    if not block:
        return ""
    rows = "".join(f"<tr><td><code>{_e(f)}</code></td><td class=num>{_fmt(c['accuracy'])}</td>"
                   f"<td class=num>{c['right']}/{c['checked']}</td></tr>" for f, c in block["fields"].items())
    return ("<h3>Document block</h3><table><tr><th>field</th><th>accuracy</th><th>right/checked</th></tr>"
            f"{rows}</table>")


def render_report(result: dict) -> str:
    """The whole HTML page for an ``evaluate_dirs`` result."""
    rows = []
    for k, r in result["rates"].items():
        rows.append(f"<tr><td>{html.escape(k)}</td><td class=num>{_fmt(r['rate'])}</td><td class=num>{r['right']}/{r['of']}</td></tr>")
    rates = "".join(rows)
    body = [
        "<h1>vnplan evaluation</h1>",
        f"<p>gold: <code>{_e(result.get('gold_dir'))}</code> · predictions: <code>{_e(result.get('pred_dir'))}</code>"
        f" · split: <code>{_e(result.get('split', 'all'))}</code> ({len(result['documents'])} documents)</p>",
        _summary(result),
        "<h2>Total</h2>",
        _bars({k: result["total"][k] for k in ITEM_TYPES}),
        f"<table><tr><th>rate</th><th>value</th><th>right/of</th></tr>{rates}</table>",
        "<h3>Field accuracy on matched items</h3>",
        _field_table(result["total"]),
        _document_block(result),
    ]
    for stem, d in result["documents"].items():
        body.append(f"<h2>{html.escape(stem)}{' — no prediction file' if d['missing_pred'] else ''}</h2>")
        body.append(_bars({k: d["types"][k] for k in ITEM_TYPES}))
        for kind in ITEM_TYPES:
            body.append(_type_section(kind, d["types"][kind]))
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>vnplan evaluation</title>'
        f"<style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n"
    )
