"""Does a learned filter over the rules' items beat the rules? (issue 12: "learned where rules stay brittle")

The rules propose items; a spaCy text classifier (bag of words and bigrams of the item's
words, its evidence, the headings above it and how it was read) decides which to keep,
trained on the gold of the ``seeds`` and ``dev`` documents and never on ``test``. It is
measured by 3-fold cross-validation over the ``dev`` documents (seeds always in training):
for each threshold, how many right items (matched to gold) and false alarms it keeps of
those the rules found. A filter is worth shipping only if it drops false alarms faster
than right items.

    pip install 'spacy>=3.7'   # the design card's package; not needed by vnplan itself
    python bench/learned_filter.py

Figures printed on the development machine (2025-12 gold, rules of this commit) are in the
README under "Learned filter".
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textcat import development_documents, spacy_missing, train_textcat  # noqa: E402

KINDS = ("targets", "tasks")
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
MAIN = {"targets": "metric", "tasks": "text", "scoring_criteria": "criterion", "awards": "form"}


def features(ndoc, kind: str, item: dict) -> str:
    """The words a classifier sees: the item, its evidence, the headings above it, how it was read."""
    from extract.levels import heading_chain

    heads = [h for _, h in heading_chain(ndoc, item["evidence"]["span"][0])][:3]
    words = f"{item.get(MAIN[kind]) or ''} {item['evidence']['text']}".lower()
    head_words = " ".join("h_" + w for h in heads for w in h.lower().split()[:12])
    return f"{words} {head_words} layout_{item.get('layout')} lead_{len(item.get('lead') or [])} deadline_{bool(item.get('deadline'))}"


def candidates() -> dict[str, list[tuple[str, str, bool]]]:
    """stem → (kind, features, right) for every item the rules find in the seeds and dev documents."""
    from vnplan.matching import match_items

    out = {}
    for stem, split, gold, ndoc, ext in development_documents(ROOT):
        rows = []
        for kind in KINDS:
            right = {j for _, j, _ in match_items(kind, gold[kind], ext[kind])}
            rows += [(kind, features(ndoc, kind, it), j in right) for j, it in enumerate(ext[kind])]
        out[stem] = (split, rows)
    return out


def train(rows: list[tuple[str, str, bool]], kind: str):
    return train_textcat([(t, y) for k, t, y in rows if k == kind], "KEEP", "DROP", epochs=12, batch_size=16)


def main() -> int:
    if spacy_missing():
        return 2
    data = candidates()
    dev = sorted(s for s, (sp, _) in data.items() if sp == "dev")
    print(f"{'type':8} {'threshold':>9} {'right kept':>11} {'false alarms kept':>18}")
    for kind in KINDS:
        probs = []
        for fold_no in range(3):
            held = set(dev[fold_no::3])
            nlp = train([r for s, (_, rows) in data.items() if s not in held for r in rows], kind)
            probs += [(nlp(t).cats["KEEP"], y) for s in held for k, t, y in data[s][1] if k == kind]
        n_right, n_false = sum(y for _, y in probs), sum(not y for _, y in probs)
        print(f"{kind:8} {'rules':>9} {n_right:>11} {n_false:>18}")
        for thr in THRESHOLDS:
            kept = [y for p, y in probs if p >= thr]
            print(f"{kind:8} {thr:>9.2f} {sum(kept):>11} {len(kept) - sum(kept):>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
