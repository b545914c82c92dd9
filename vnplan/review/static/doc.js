// Document page: the normalized text with highlights, the item list with the gold diff,
// and the reviewer's actions (accept, edit, delete, add from a selection, save).
// Offsets from the server count Unicode code points; the text is cut into segments
// (data-o = code-point offset), so a selection maps back to offsets exactly.
"use strict";
const STEM = decodeURIComponent(location.pathname.replace(/^\/doc\//, ""));
const API = "/api/documents/" + encodeURIComponent(STEM);
const SHORT = {targets: "Target", tasks: "Task", scoring_criteria: "Scoring", awards: "Award"};
const STATUS_TEXT = {match: "match", wrong: "wrong", extra: "extra", missing: "missing", rejected: "rejected"};
let S = null;          // server state
let FIELDS = {}, TYPES = [], LABELS = {};
let selKey = null;
let form = null;       // {mode: "edit"|"add", key, span, type}
let selection = null;  // {span: [s, e], text}

const $ = id => document.getElementById(id);
function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}
function get(obj, path) {
  return path.split(".").reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj);
}
function show(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.join("; ") : "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}
function cpLen(s) { return Array.from(s).length; }
function message(text, kind) { const m = $("msg"); m.textContent = text || ""; m.className = kind || ""; }

// ------------------------------------------------------------------ server
async function call(path, body) {
  const res = await fetch(API + path, {method: body === undefined ? "GET" : "POST",
    headers: {"Content-Type": "application/json"}, body: body === undefined ? undefined : JSON.stringify(body)});
  let data = {};
  try { data = await res.json(); } catch (e) { data = {detail: `server answered ${res.status}`}; }
  return {ok: res.ok, status: res.status, data};
}

function apply(data) {
  const was = visibleRows().findIndex(r => r.key === selKey);
  S = data;
  const keys = visibleRows().map(r => r.key);
  if (S.focus !== undefined && S.focus !== null && keys.includes(S.focus)) selKey = S.focus;
  else if (!keys.includes(selKey)) selKey = keys[Math.min(Math.max(was, 0), keys.length - 1)] ?? null;
  render();
  if (selKey) select(selKey, {text: true, list: true});
}

async function load() {
  const r = await call("");
  if (!r.ok) { message(r.data.detail, "error"); return; }
  FIELDS = r.data.fields; TYPES = r.data.types; LABELS = r.data.type_labels;
  apply(r.data);
  message(`${S.rows.length} item(s). Press ? for keys. Select text in the document to add a missed item.`);
}

async function action(path, body, okText) {
  const r = await call(path, body);
  if (!r.ok) { message(r.data.detail, "error"); return r; }
  apply(r.data);
  message(okText || r.data.message, "ok");
  return r;
}

// ------------------------------------------------------------------ rendering
function visibleRows() {
  const f = $("filter").value;
  if (!S) return [];
  return S.rows.filter(r => f === "all" || (f === "diff" ? r.status !== "match" : r.status === f));
}

function render() {
  document.title = `vnplan review — ${STEM}`;
  $("title").textContent = STEM;
  $("chips").innerHTML = TYPES.map(t => {
    const s = S.summary[t];
    if (!s.gold && !s.pred) return "";
    return `<span class="chip" title="${esc(LABELS[t])}: gold ${s.gold}, vnplan ${s.pred}; tp ${s.tp} fp ${s.fp} fn ${s.fn}; P ${s.precision} R ${s.recall}">${SHORT[t]} <b>F1</b> ${s.f1.toFixed(2)} · ${s.gold}/${s.pred}</span>`;
  }).join("");
  $("unsaved").textContent = S.unsaved ? `${S.unsaved} unsaved change(s)` : (S.has_gold_file ? "saved" : "no gold file yet");
  $("progress").textContent = `Reviewed ${S.progress.reviewed} of ${S.progress.total}`;
  const byKey = Object.fromEntries(S.rows.map(r => [r.key, r]));
  $("text").innerHTML = S.segments.map(seg => {
    if (!seg.k.length) return `<span data-o="${seg.o}">${esc(seg.t)}</span>`;
    const first = byKey[seg.k[0]];
    const goldOnly = seg.k.every(k => byKey[k].status === "missing");
    // where items overlap, each item's first and last character are marked, so that its bounds show
    const cls = `hl ${first.type}${seg.k.length > 1 ? " multi" : ""}${goldOnly ? " gold-only" : ""}` +
      `${seg.s.length ? " start" : ""}${seg.e.length ? " end" : ""}`;
    const tip = seg.k.length > 1 ? ` title="${seg.k.length} items overlap here (click to go through them)"` : "";
    return `<span data-o="${seg.o}" data-k="${esc(seg.k.join(" "))}" class="${cls}"${tip}>${esc(seg.t)}</span>`;
  }).join("");
  const counts = {};
  S.rows.forEach(r => { counts[r.status] = (counts[r.status] || 0) + 1; });
  $("counts").textContent = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(" · ");
  renderItems();
}

function fieldRows(r) {
  const item = r.gold || r.pred;
  const specs = FIELDS[r.type];
  let html = "";
  for (const sp of specs) {
    const v = get(item, sp.path);
    const wrong = r.wrong_fields[sp.path];
    if ((v === undefined || v === null || (Array.isArray(v) && !v.length)) && !wrong) continue;
    html += `<tr class="${wrong ? "diff" : ""}"><td class="k">${esc(sp.label)}</td><td>${esc(show(v))}` +
      (wrong ? `<div class="pv">vnplan: ${esc(show(wrong[1]))}</div>` : "") + `</td></tr>`;
  }
  const ev = get(item, "evidence.text");
  html += `<tr><td class="k">Evidence</td><td>${esc(ev)}</td></tr>`;
  return `<table>${html}</table>`;
}

function renderItems() {
  const rows = visibleRows();
  $("items").innerHTML = rows.map(r => {
    const who = r.status === "missing" ? "gold only" : r.status === "extra" || r.status === "rejected" ? "vnplan only" : "vnplan + gold";
    const wrong = Object.keys(r.wrong_fields);
    return `<div class="card ${r.type} ${r.status}${r.key === selKey ? " sel" : ""}${r.reviewed ? " reviewed" : ""}" data-key="${esc(r.key)}" role="option" aria-selected="${r.key === selKey}">
      <div class="head"><span class="type">${SHORT[r.type]}</span><span class="badge ${r.status}">${STATUS_TEXT[r.status]}</span>${r.reviewed ? '<span class="badge reviewed">✓ reviewed</span>' : ""}
        <span>${who}${r.gold_id ? " · gold " + esc(r.gold_id) : ""}${r.pred && r.pred.id ? " · vnplan " + esc(r.pred.id) : ""}</span>${wrong.length ? `<span class="pv">wrong: ${esc(wrong.join(", "))}</span>` : ""}</div>
      <div class="label">${esc(r.label)}</div>
      <div class="fields">${fieldRows(r)}
        <div class="actions">
          ${r.pred && r.status !== "match" ? '<button data-act="accept">Accept <kbd>a</kbd></button>' : ""}
          <button data-act="edit">Edit <kbd>e</kbd></button>
          <button data-act="delete" class="danger">${r.gold ? "Delete" : "Reject"} <kbd>d</kbd></button>
          <button data-act="reviewed">${r.reviewed ? "Not reviewed" : "Mark reviewed"} <kbd>r</kbd></button>
        </div></div></div>`;
  }).join("") || '<p style="padding:8px">No items to show.</p>';
}

function select(key, opts = {}) {
  selKey = key;
  document.querySelectorAll("#items .card.sel").forEach(c => { c.classList.remove("sel"); c.setAttribute("aria-selected", "false"); });
  const card = document.querySelector(`#items .card[data-key="${CSS.escape(key)}"]`);
  if (card) { card.classList.add("sel"); card.setAttribute("aria-selected", "true"); if (opts.list) card.scrollIntoView({block: "nearest"}); }
  document.querySelectorAll("#text .hl.active").forEach(s => s.classList.remove("active"));
  const segs = Array.from(document.querySelectorAll("#text .hl")).filter(s => s.dataset.k.split(" ").includes(key));
  segs.forEach(s => s.classList.add("active"));
  if (opts.text && segs.length) segs[0].scrollIntoView({block: "center"});
}

function move(step) {
  const rows = visibleRows();
  if (!rows.length) return;
  let i = rows.findIndex(r => r.key === selKey);
  i = i < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, i + step));
  select(rows[i].key, {text: true, list: true});
}

function current() { return S && S.rows.find(r => r.key === selKey); }

// ------------------------------------------------------------------ forms
function inputFor(sp, value) {
  const id = "f-" + sp.path.replace(/\./g, "-");
  const v = value === undefined || value === null ? "" : value;
  if (sp.kind === "bool") return `<input type="checkbox" id="${id}" name="${sp.path}" ${v ? "checked" : ""}>`;
  if (sp.kind === "select") {
    const opts = sp.options.includes(v) || v === "" ? sp.options : [v, ...sp.options];
    return `<select id="${id}" name="${sp.path}">${opts.map(o => `<option ${o === v ? "selected" : ""}>${esc(o)}</option>`).join("")}</select>`;
  }
  if (sp.kind === "lines") return `<textarea id="${id}" name="${sp.path}" rows="2">${esc(Array.isArray(v) ? v.join("\n") : v)}</textarea>`;
  if (sp.kind === "longtext") return `<textarea id="${id}" name="${sp.path}" rows="3">${esc(v)}</textarea>`;
  const ph = sp.kind === "date" ? ' placeholder="YYYY-MM-DD"' : sp.kind === "number" || sp.kind === "int" ? ' inputmode="decimal"' : "";
  return `<input type="text" id="${id}" name="${sp.path}" value="${esc(v)}"${ph}>`;
}

function buildFields(type, item, wrong) {
  $("formfields").innerHTML = FIELDS[type].map(sp => {
    const w = wrong && wrong[sp.path];
    return `<label for="f-${sp.path.replace(/\./g, "-")}">${esc(sp.label)}${sp.required ? " *" : ""}</label>${inputFor(sp, get(item, sp.path))}` +
      (w ? `<div class="pred">vnplan says: ${esc(show(w[1]))}</div>` : "") +
      `<div class="ferr" data-err="${sp.path}"></div>`;
  }).join("");
}

function openForm(f) {
  form = f;
  $("formerror").textContent = "";
  if (f.mode === "edit") {
    const r = current();
    $("formtitle").textContent = `Edit ${LABELS[r.type].toLowerCase()}${r.gold_id ? " " + r.gold_id : ""}` + (r.gold ? "" : " (saved into the gold as corrected)");
    $("formtypes").innerHTML = "";
    $("formevidence").textContent = get(r.gold || r.pred, "evidence.text") || "";
    buildFields(r.type, r.gold || r.pred, r.wrong_fields);
    form.initial = formValues();
  } else {
    $("formtitle").textContent = "Add an item from the selected text";
    $("formtypes").innerHTML = TYPES.map((t, i) => `<label><input type="radio" name="type" value="${t}" ${t === f.type ? "checked" : ""}> ${esc(LABELS[t])} <kbd>Alt+${i + 1}</kbd></label>`).join("");
    $("formevidence").textContent = f.text;
    buildFields(f.type, guess(f.type, f.text));
  }
  $("formdlg").classList.add("open");
  const first = $("formfields").querySelector("input[type=text], textarea, select");
  if (first) first.focus();
}

function isoDate(y, m, d) {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function guessDeadline(text) {
  // Generic Vietnamese date wording: "ngày 30/11/2024", "tháng 9/2024", "năm 2024".
  let m = text.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/);
  if (m) { const end = isoDate(+m[3], +m[2], +m[1]); if (end) return {text: m[0], end}; }
  m = text.match(/tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/i);
  if (m && +m[1] >= 1 && +m[1] <= 12) return {text: m[0], end: isoDate(+m[2], +m[1], new Date(Date.UTC(+m[2], +m[1], 0)).getUTCDate())};
  m = text.match(/năm\s+(\d{4})/i);
  if (m) return {text: m[0], end: `${m[1]}-12-31`};
  return null;
}

function guess(type, text) {
  // A first fill for a new item from the selected words: its main text (without the
  // list numbering), a target's percentage and a deadline's date. The reviewer checks them.
  const main = {targets: "metric", tasks: "text", scoring_criteria: "criterion", awards: "form"}[type];
  const words = text.replace(/\s+/g, " ").trim().replace(/^(?:[-+•*–]|\d+(?:\.\d+)*\.?|[a-zđ]\))\s+/i, "");
  const item = {[main]: type === "awards" ? "" : words};
  if (type === "targets") {
    const m = text.match(/(\d+(?:[.,]\d+)?)\s*%/);
    if (m) { item.value = m[1].replace(",", "."); item.unit = "%"; item.comparator = /trên|hơn|vượt/i.test(text) ? ">" : /ít nhất|tối thiểu|trở lên/i.test(text) ? ">=" : "="; }
  }
  if (type === "awards") {
    const f = text.match(/(Huân chương[^,.;:]*|Bằng khen|Giấy khen|Cờ thi đua|Chiến sĩ thi đua)/i);
    if (f) item.form = f[1].trim();
    const n = text.match(/không quá\s+(\d+)/i);
    if (n) item.max_count = String(+n[1]);
  }
  if (type === "targets" || type === "tasks") {
    const dl = guessDeadline(text);
    if (dl) item.deadline = dl;
  }
  return item;
}

function closeForm() {
  form = null;
  $("formdlg").classList.remove("open");
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
}

function formValues() {
  const out = {};
  $("formfields").querySelectorAll("[name]").forEach(el => { out[el.name] = el.type === "checkbox" ? el.checked : el.value; });
  return out;
}

async function submitForm() {
  if (!form) return;
  document.querySelectorAll("#formfields .ferr").forEach(e => { e.textContent = ""; });
  document.querySelectorAll("#formfields .invalid").forEach(e => e.classList.remove("invalid"));
  let fields = formValues();
  if (form.mode === "edit") {
    // only what the reviewer changed: a field the gold left out (unchecked) stays out
    fields = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== form.initial[k]));
    if (!Object.keys(fields).length) { closeForm(); message("No field was changed."); return; }
  }
  const r = form.mode === "edit"
    ? await call("/edit", {key: selKey, fields})
    : await call("/add", {type: form.type, span: form.span, fields});
  if (!r.ok) {
    $("formerror").textContent = r.data.detail;
    let firstBad = null;
    for (const [path, msg] of Object.entries(r.data.errors || {})) {
      const slot = document.querySelector(`#formfields [data-err="${CSS.escape(path)}"]`);
      if (slot) slot.textContent = msg;
      const el = document.querySelector(`#formfields [name="${CSS.escape(path)}"]`);
      if (el) { el.classList.add("invalid"); firstBad = firstBad || el; }
    }
    if (firstBad) firstBad.focus();
    message(r.data.detail, "error");
    return;
  }
  const mode = form.mode;
  closeForm();
  window.getSelection().removeAllRanges();
  $("selbar").style.display = "none";
  apply(r.data);
  message(mode === "edit" ? "Edited in the working gold (press s to save)." : "Added to the working gold (press s to save).", "ok");
}

// ------------------------------------------------------------------ selection → offsets
function pointOffset(node, off) {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement.closest("[data-o]");
    return seg ? +seg.dataset.o + cpLen(node.data.slice(0, off)) : null;
  }
  if (node.id === "text") {
    const child = node.childNodes[off];
    if (child) return +child.dataset.o;
    return cpLen(S.text);
  }
  const seg = node.closest && node.closest("[data-o]");
  if (!seg) return null;
  return +seg.dataset.o + (off > 0 ? cpLen(seg.textContent) : 0);
}

function readSelection() {
  const sel = window.getSelection();
  if (!sel.rangeCount || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const box = $("text");
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  const s = pointOffset(range.startContainer, range.startOffset), e = pointOffset(range.endContainer, range.endOffset);
  if (s === null || e === null || e <= s) return null;
  return {span: [s, e], text: Array.from(S.text).slice(s, e).join(""), rect: range.getBoundingClientRect()};
}

function onSelectionDone() {
  selection = readSelection();
  const bar = $("selbar");
  if (!selection || !selection.text.trim()) { bar.style.display = "none"; return; }
  bar.style.display = "block";
  bar.style.left = Math.max(8, selection.rect.left + window.scrollX) + "px";
  bar.style.top = (selection.rect.bottom + window.scrollY + 6) + "px";
}

function addFromSelection() {
  const sel = selection || readSelection();
  if (!sel || !sel.text.trim()) { message("Select some text of the document first, then press n.", "error"); return; }
  openForm({mode: "add", type: "targets", span: sel.span, text: sel.text});
}

// ------------------------------------------------------------------ commands
function doAccept() { const r = current(); if (r) action("/accept", {key: r.key}); }
function doEdit() { if (current()) openForm({mode: "edit"}); }
function doDelete() { const r = current(); if (r) action("/delete", {key: r.key}); }
function doReviewed() { const r = current(); if (r) action("/reviewed", {key: r.key, reviewed: !r.reviewed}); }
async function doSave() {
  const r = await action("/save", {});
  if (r.ok && r.data.save) message(r.data.message + (r.data.save.history ? ` Previous version kept in ${r.data.save.history}.` : ""), "ok");
}
function toggleHelp(open) { $("helpdlg").classList.toggle("open", open ?? !$("helpdlg").classList.contains("open")); }

$("items").addEventListener("click", e => {
  const card = e.target.closest(".card");
  if (!card) return;
  const btn = e.target.closest("button[data-act]");
  select(card.dataset.key, {text: true});
  if (btn) ({accept: doAccept, edit: doEdit, delete: doDelete, reviewed: doReviewed})[btn.dataset.act]();
});
$("text").addEventListener("click", e => {
  const seg = e.target.closest(".hl");
  if (!seg || !window.getSelection().isCollapsed) return;
  const keys = seg.dataset.k.split(" ");
  const i = keys.indexOf(selKey);
  const key = keys[(i + 1) % keys.length];
  if (!visibleRows().some(r => r.key === key)) { $("filter").value = "all"; renderItems(); }
  select(key, {list: true});
});
$("text").addEventListener("mouseup", () => setTimeout(onSelectionDone, 0));
$("addsel").addEventListener("mousedown", e => e.preventDefault());
$("addsel").addEventListener("click", addFromSelection);
$("filter").addEventListener("change", () => { renderItems(); if (selKey) select(selKey, {list: true}); });
$("save").addEventListener("click", doSave);
$("undo").addEventListener("click", () => action("/undo", {}));
$("discard").addEventListener("click", () => { if (!S.unsaved || confirm("Drop all unsaved changes of this document?")) action("/discard", {}); });
$("helpbtn").addEventListener("click", () => toggleHelp(true));
$("helpclose").addEventListener("click", () => toggleHelp(false));
$("formcancel").addEventListener("click", closeForm);
$("form").addEventListener("submit", e => { e.preventDefault(); submitForm(); });
$("formtypes").addEventListener("change", e => {
  if (e.target.name === "type" && form) { form.type = e.target.value; buildFields(form.type, guess(form.type, form.text)); }
});
window.addEventListener("beforeunload", e => { if (S && S.unsaved) { e.preventDefault(); e.returnValue = ""; } });

document.addEventListener("keydown", e => {
  if (form) {
    if (e.key === "Escape") { e.preventDefault(); closeForm(); }
    else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submitForm(); }
    else if (form.mode === "add" && e.altKey && /^[1-4]$/.test(e.key)) {
      const t = TYPES[+e.key - 1]; form.type = t; $("formtypes").querySelector(`[value="${t}"]`).checked = true; buildFields(t, guess(t, form.text));
    }
    return;
  }
  if ($("helpdlg").classList.contains("open")) { if (e.key === "Escape" || e.key === "?") { e.preventDefault(); toggleHelp(false); } return; }
  if (e.key === "Escape" && e.target.closest("input, textarea, select")) { e.target.blur(); return; }
  if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {j: () => move(1), k: () => move(-1), ArrowDown: () => move(1), ArrowUp: () => move(-1),
    a: doAccept, e: doEdit, d: doDelete, r: doReviewed, s: doSave, u: () => action("/undo", {}), n: addFromSelection, "?": () => toggleHelp(true),
    f: () => { $("filter").value = $("filter").value === "all" ? "diff" : "all"; renderItems(); if (selKey) select(selKey, {list: true}); },
    Escape: () => { $("selbar").style.display = "none"; }};
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
});
load();
