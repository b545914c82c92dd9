"""Can a learned model add the tasks the rules miss? (issue 12: "learned where rules stay brittle")

``bench/learned_filter.py`` showed that a classifier over the rules' own items cannot tell
their false alarms from right ones. The rules' misses are structure misses: a unit of the
document (a numbered or dashed item, a paragraph) that holds a task and that no rule read.
This bench trains a spaCy text classifier over every unit of the document structure (the
units ``extract.task_blocks`` parses), labelled from the gold of the ``seeds`` and ``dev``
documents (a unit is a task when a gold task's evidence is the unit's text), and adds, as
tasks, the units it scores above a threshold that no rule task covers. It is measured by
3-fold cross-validation over the ``dev`` documents (seeds always in training), as tasks F1
of the rules alone against the rules plus the proposals. ``test`` is never read.

    pip install 'spacy>=3.7'
    python bench/learned_proposer.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textcat import development_documents, spacy_missing, train_textcat  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def _units(ndoc):
    """(node, piece) for every title, body and dash piece of the parsed structure."""
    from extract import task_blocks as tb
    from extract import task_nodes as tn

    nodes = tn.parse_nodes(ndoc, [])
    for n in nodes:
        if tn.under(n, "NN"):
            continue
        for p in n.pieces:
            if p.kind in ("title", "body", "dash") and len(p.text.split()) >= 4:
                yield n, p


def _heads(node) -> list[str]:
    out = []
    while node is not None:
        t = node.title()
        if t is not None:
            out.append(t.text)
        node = node.parent
    return out[1:4]


def features(node, piece) -> str:
    """The words a classifier sees: the unit's first words, the headings above it, its kind and depth."""
    words = " ".join(piece.text.lower().split()[:25])
    head_words = " ".join("h_" + w for h in _heads(node) for w in h.lower().split()[:10])
    end = "end_colon" if piece.text.rstrip().endswith(":") else "end_semi" if piece.text.rstrip().endswith(";") else "end_other"
    return f"{words} {head_words} kind_{piece.kind} depth_{node.depth} {end}"


def candidates():
    """stem → (split, units, gold tasks, rule tasks) for the seeds and dev documents."""
    from rapidfuzz import fuzz

    from vnplan.matching import fold

    out = {}
    for stem, split, gold, ndoc, ext in development_documents(ROOT):
        rules = ext["tasks"]
        golds = [fold(t["evidence"]["text"]) for t in gold["tasks"]]
        spans = [tuple(t["evidence"]["span"]) for t in rules]
        units = []
        for node, piece in _units(ndoc):
            text = fold(piece.text)
            label = any(fuzz.partial_ratio(text, gt) >= 92 and len(text) <= 1.6 * len(gt) + 20 for gt in golds if gt)
            covered = any(a < piece.end and piece.start < b for a, b in spans)
            units.append((features(node, piece), label, covered, piece.text))
        out[stem] = (split, units, gold["tasks"], rules)
    return out


def train(rows: list[tuple[str, bool]]):
    return train_textcat(rows, "TASK", "OTHER", epochs=10, batch_size=32)


def main() -> int:
    if spacy_missing():
        return 2
    from vnplan.matching import match_items

    data = candidates()
    dev = sorted(s for s, (sp, *_rest) in data.items() if sp == "dev")
    totals = {thr: [0, 0, 0] for thr in ("rules", *THRESHOLDS)}  # tp, predicted, gold
    for fold_no in range(3):
        held = set(dev[fold_no::3])
        nlp = train([(f, y) for s, (_, units, _, _) in data.items() if s not in held for f, y, _, _ in units])
        for s in held:
            _, units, gold, rules = data[s]
            scores = [nlp(f).cats["TASK"] for f, _, covered, _ in units]
            for thr in totals:
                added = [] if thr == "rules" else [
                    {"text": text, "evidence": {"text": text}, "deadline": None}
                    for (f, _, covered, text), p in zip(units, scores) if not covered and p >= thr]
                pred = rules + added
                t = totals[thr]
                t[0] += len(match_items("tasks", gold, pred))
                t[1] += len(pred)
                t[2] += len(gold)
    print(f"{'tasks':>10} {'gold':>6} {'found':>6} {'right':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for thr, (tp, npred, ngold) in totals.items():
        p, r = tp / npred if npred else 1.0, tp / ngold if ngold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        name = "rules" if thr == "rules" else f"+ >= {thr}"
        print(f"{name:>10} {ngold:>6} {npred:>6} {tp:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
