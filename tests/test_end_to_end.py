"""End to end: `vnplan run corpus/` as a new user would run it, checked against the contract."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "vnplan.cli", "run", str(CORPUS), "-o", str(out), "--no-progress"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


def test_every_corpus_plan_gets_a_json_and_its_text(corpus_out):
    plans = sorted(p.stem for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name.lower() != "readme.md")
    assert plans, "corpus is empty"
    for stem in plans:
        assert (corpus_out / f"{stem}.json").is_file()
        assert (corpus_out / f"{stem}.txt").is_file()
    report = json.loads((corpus_out / "run-report.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"files": len(plans), "ok": len(plans), "partial": 0, "not_a_plan": 0, "failed": 0, "reused": 0}
    assert all(f["method"] and f["seconds"] >= 0 for f in report["files"])


def test_outputs_validate_against_the_published_json_schema(corpus_out):
    schema = json.loads(subprocess.run([sys.executable, "-m", "vnplan.cli", "schema"], capture_output=True, text=True, check=True).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(corpus_out.glob("*.json")):
        if path.name == "run-report.json":
            continue
        errors = sorted(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))), key=str)
        assert not errors, f"{path.name}: {errors[0].message}"


def test_evidence_spans_point_into_the_saved_text(corpus_out):
    for path in sorted(corpus_out.glob("*.json")):
        if path.name == "run-report.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (corpus_out / f"{path.stem}.txt").read_text(encoding="utf-8")
        for kind in ("targets", "tasks", "scoring_criteria", "awards"):
            for item in data[kind]:
                start, end = item["evidence"]["span"]
                assert 0 <= start <= end <= len(text)
                assert text[start:end] == item["evidence"]["text"], (path.name, item["id"])


def test_document_block_is_filled_for_every_plan(corpus_out):
    for path in sorted(corpus_out.glob("*.json")):
        if path.name == "run-report.json":
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))["document"]
        assert doc["id"] and doc["source"]
        gold = Path(__file__).resolve().parents[1] / "gold" / path.name
        if gold.exists():  # the type the document itself declares (a Thông báo, a Công điện …)
            assert doc["doc_type"] == json.loads(gold.read_text(encoding="utf-8"))["document"]["doc_type"], path.name
        if "/" not in doc["source"].removeprefix("corpus/"):  # the seed plans (corpus/NNN_*.txt)
            assert doc["doc_type"] == "Kế hoạch" and doc["province"], path.name
        assert doc["title"], path.name
