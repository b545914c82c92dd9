// Documents page: one row per document with counts and F1 per item type (GET /api/documents).
"use strict";
const TYPES = ["targets", "tasks", "scoring_criteria", "awards"];
let docs = [];
let sel = 0;

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

function f1cell(r, hasGold) {
  if (!hasGold) return '<td title="no gold file, or no items of this type">—</td>';
  const cls = r.f1 >= 0.8 ? "f1-hi" : r.f1 < 0.5 ? "f1-lo" : "";
  return `<td class="${cls}" title="tp ${r.tp}, fp ${r.fp}, fn ${r.fn}; P ${r.precision}, R ${r.recall}">${r.f1.toFixed(2)}</td>`;
}

function prf(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : (fn ? 0 : 1);
  const r = tp + fn ? tp / (tp + fn) : (fp ? 0 : 1);
  return {tp, fp, fn, precision: +p.toFixed(4), recall: +r.toFixed(4), f1: p + r ? 2 * p * r / (p + r) : 0};
}

function render() {
  const body = document.querySelector("#docs tbody");
  body.innerHTML = docs.map((d, i) => {
    if (d.error) return `<tr data-i="${i}" class="${i === sel ? "sel" : ""}"><td class="stem">${esc(d.stem)}</td><td colspan="11" class="f1-lo" style="text-align:left">${esc(d.error)}</td></tr>`;
    const hasGold = d.has_gold_file || TYPES.some(t => d.summary[t].gold);
    const cells = TYPES.map(t => `<td>${d.summary[t].gold}/${d.summary[t].pred}</td>${f1cell(d.summary[t], hasGold && (d.summary[t].gold + d.summary[t].pred) > 0)}`).join("");
    return `<tr data-i="${i}" class="${i === sel ? "sel" : ""}"><td class="stem"><a href="/doc/${encodeURIComponent(d.stem)}">${esc(d.stem)}</a></td>
      <td>${d.has_gold_file ? "yes" : "no"}</td><td>${d.unsaved || ""}</td><td>${d.progress.reviewed}/${d.progress.total}</td>${cells}</tr>`;
  }).join("");
  const ok = docs.filter(d => !d.error);
  const withGold = ok.filter(d => d.has_gold_file || TYPES.some(t => d.summary[t].gold));
  const tot = TYPES.map(t => {
    const s = k => withGold.reduce((a, d) => a + d.summary[t][k], 0);
    const g = ok.reduce((a, d) => a + d.summary[t].gold, 0), p = ok.reduce((a, d) => a + d.summary[t].pred, 0);
    return `<td>${g}/${p}</td>${f1cell(prf(s("tp"), s("fp"), s("fn")), withGold.length > 0 && g + p > 0)}`;
  }).join("");
  document.querySelector("#docs tfoot").innerHTML = `<tr><th class="stem">All (${docs.length})</th><th>${withGold.length}</th><th></th><th>${ok.reduce((a, d) => a + d.progress.reviewed, 0)}/${ok.reduce((a, d) => a + d.progress.total, 0)}</th>${tot}</tr>`;
}

async function load() {
  const res = await fetch("/api/documents");
  const data = await res.json();
  const msg = document.getElementById("msg");
  if (!res.ok) { msg.textContent = data.detail; msg.className = "error"; return; }
  docs = data.documents;
  document.getElementById("who").textContent = "reviewer: " + data.reviewer;
  document.getElementById("dirs").textContent = `vnplan output: ${data.out_dir} · gold: ${data.gold_dir}`;
  msg.textContent = docs.length ? `${docs.length} document(s). Open one to review it.` : "No documents: the output folder has no <stem>.json.";
  msg.className = "";
  render();
}

document.addEventListener("keydown", e => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "j" || e.key === "ArrowDown") sel = Math.min(sel + 1, docs.length - 1);
  else if (e.key === "k" || e.key === "ArrowUp") sel = Math.max(sel - 1, 0);
  else if (e.key === "Enter" && docs[sel]) { location.href = "/doc/" + encodeURIComponent(docs[sel].stem); return; }
  else return;
  e.preventDefault();
  render();
});
load();
