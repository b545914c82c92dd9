"""A spaCy bag-of-words classifier for the learned benches (bench/learned_filter.py,
bench/learned_proposer.py): one positive and one negative label, trained reproducibly
(seed 0, a fixed number of epochs) on (text, yes/no) rows."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path


def spacy_missing() -> bool:
    """True (with a message) when spaCy, an optional extra, is not installed."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        print("spaCy is not installed: pip install 'spacy>=3.7'", file=sys.stderr)
        return True
    return False


def train_textcat(rows: list[tuple[str, bool]], yes: str, no: str, epochs: int, batch_size: int):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(0)
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    tc = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                                   "ngram_size": 2, "no_output_layer": False, "length": 262144}})
    tc.add_label(yes)
    tc.add_label(no)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {yes: float(y), no: float(not y)}}) for t, y in rows]
    optimizer = nlp.initialize(lambda: examples)
    rnd = random.Random(0)
    for _ in range(epochs):
        rnd.shuffle(examples)
        for batch in minibatch(examples, size=batch_size):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def development_documents(root: Path):
    """(stem, split, gold, normalized document, the rules' extraction) for every gold document
    of ``seeds`` and ``dev``; ``test`` is never opened."""
    from extract import extract_document
    from ingest import ingest_file
    from normalize import normalize_document
    from vnplan.splits import split_of_stems

    split = split_of_stems(root / "gold")
    for g in sorted((root / "gold").glob("*.json")):
        if split[g.stem] == "test":
            continue  # never looked at
        gold = json.loads(g.read_text(encoding="utf-8"))
        ndoc = normalize_document(ingest_file(root / gold["document"]["source"]), restore=False)
        yield g.stem, split[g.stem], gold, ndoc, extract_document(ndoc).model_dump(mode="json")
