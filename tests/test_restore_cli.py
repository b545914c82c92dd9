"""The restorer's commands: ``vnplan restore``, ``train-restorer`` and ``eval-restore``,
run on a small corpus of plans written for the test, with the cache in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from normalize.diacritics.syllables import strip_marks
from vnplan.cli import app

ROOT = Path(__file__).resolve().parents[1]

PLAN_A = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 88/KH-UBND
KẾ HOẠCH
Triển khai dịch vụ công trực tuyến năm 2024

Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai dịch vụ công trực tuyến như sau:
1. Các sở, ban, ngành tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến.
2. Công an tỉnh chủ trì cấp tài khoản định danh điện tử cho người dân.
3. Thời gian hoàn thành: trong quý IV năm 2024.
"""

PLAN_B = """ỦY BAN NHÂN DÂN TỈNH NINH THUẬN
Số: 12/KH-UBND
KẾ HOẠCH
Phát động phong trào thi đua chuyển đổi số năm 2024

Ủy ban nhân dân tỉnh phát động phong trào thi đua trên địa bàn tỉnh như sau:
1. Nâng cao tỷ lệ hồ sơ được tiếp nhận và giải quyết trực tuyến.
2. Sở Nội vụ hướng dẫn khen thưởng các tập thể, cá nhân có thành tích xuất sắc.
3. Thời gian thực hiện: từ ngày ban hành Kế hoạch đến hết năm 2024.
"""


@pytest.fixture()
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(PLAN_A, encoding="utf-8")
    (corpus / "b.txt").write_text(PLAN_B, encoding="utf-8")
    (corpus / "stripped.txt").write_text(strip_marks(PLAN_B), encoding="utf-8")  # left out of training
    monkeypatch.setenv("VNPLAN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("VNPLAN_CORPUS", str(corpus))
    (tmp_path / "no-text").mkdir()
    monkeypatch.setenv("VNPLAN_TEXT_DIR", str(tmp_path / "no-text"))  # a model of these two plans only
    return tmp_path


def test_restore_reads_stdin_and_writes_report(env):
    report = env / "report.json"
    res = CliRunner().invoke(app, ["restore", "-", "--report", str(report)],
                             input="Uy ban nhan dan tinh ban hanh Ke hoach so 88/KH-UBND\n")
    assert res.exit_code == 0, res.output
    assert "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 88/KH-UBND" in res.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["restored"] is True and data["mode"] == "strip"
    tok = {t["original"]: t for t in data["tokens"]}
    assert tok["hanh"]["restored"] == "hành" and 0 < tok["hanh"]["confidence"] <= 1
    assert isinstance(data["unresolved"], list)
    assert (env / "cache").is_dir() and list((env / "cache").glob("restorer-*.pkl"))


def test_restore_file_leaves_accented_text_alone(env):
    f = env / "accented.txt"
    f.write_text(PLAN_A, encoding="utf-8")
    res = CliRunner().invoke(app, ["restore", str(f)])
    assert res.exit_code == 0
    assert res.stdout == PLAN_A


def test_restore_bad_input_is_one_line_error(env):
    res = CliRunner().invoke(app, ["restore", str(env / "missing.txt")])
    assert res.exit_code == 1
    assert "no such file" in res.output
    res = CliRunner().invoke(app, ["restore", "-", "--mode", "sometimes"], input="x")
    assert res.exit_code == 1 and "--mode" in res.output


def test_train_restorer_without_ocr_names_the_training_plans(env):
    res = CliRunner().invoke(app, ["train-restorer", "--no-ocr"])
    assert res.exit_code == 0, res.output
    assert "2 diacritized plan(s)" in res.output and "stripped.txt" not in res.output.split("\n")[0]
    assert "trigrams" in res.output


def test_eval_restore_prints_accuracy_and_baseline(env):
    out = env / "figures.json"
    res = CliRunner().invoke(app, ["eval-restore", "--skip-ocr", "--max-chars", "2000", "--json", str(out),
                                   "--gold", str(env / "none.txt")])
    assert res.exit_code == 0, res.output
    assert "syllable accuracy" in res.output and "baseline" in res.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    loo = figures["stripped_loo"]
    assert loo["accuracy"] > loo["baseline"] + 0.5


def test_eval_restore_names_its_most_frequent_mistakes_and_draws_a_page(env):
    out, page = env / "figures.json", env / "restore.html"
    res = CliRunner().invoke(app, ["eval-restore", "--skip-ocr", "--max-chars", "2000", "--json", str(out),
                                   "--html", str(page), "--gold", str(env / "none.txt")])
    assert res.exit_code == 0, res.output
    loo = json.loads(out.read_text(encoding="utf-8"))["stripped_loo"]
    wrong = round((1 - loo["accuracy"]) * loo["syllables"])
    top = loo["top_errors"]
    # each mistake is (reference, restored, times), most frequent first, and they are real mistakes
    assert top and all(r != h and c >= 1 for r, h, c in top) and [c for *_, c in top] == sorted((c for *_, c in top), reverse=True)
    assert sum(c for *_, c in top) <= wrong
    r, h, c = top[0]
    assert f"most frequent errors: {r}→{h or '(missing)'} ×{c}" in res.output
    html = page.read_text(encoding="utf-8")
    assert "Stripped text, leave-one-document-out" in html and f"{loo['accuracy']:.2%}" in html and r in html


# what an English OCR model does to a few Vietnamese letters (a stand-in for tesseract)
LOOKALIKES = str.maketrans({"ế": "é", "ề": "é", "ê": "é", "ố": "6", "ộ": "o", "đ": "d", "Đ": "D", "ệ": "¢"})


def fake_english_ocr(text, font_name, variant="clean", seed=0):
    return strip_marks(text.translate(LOOKALIKES)) + "\n"


def test_eval_restore_prints_ocr_accuracy_per_page_and_per_document(env, monkeypatch):
    # the rendered-and-OCR'd pages come from a stand-in for tesseract, so that the test
    # runs without it; the evaluation is the one `vnplan eval-restore` runs on the corpus
    from normalize.diacritics import ocrsynth

    monkeypatch.setattr(ocrsynth, "tesseract_available", lambda: True)
    monkeypatch.setattr(ocrsynth, "ocr_page", fake_english_ocr)
    monkeypatch.setattr(ocrsynth, "LINES_PER_PAGE", 5)  # two pages a plan, joined for the per-document figure
    out = env / "figures.json"
    res = CliRunner().invoke(app, ["eval-restore", "--max-chars", "2000", "--max-pages", "2", "--json", str(out),
                                   "--gold", str(env / "none.txt")])
    assert res.exit_code == 0, res.output
    assert "per page (each OCR page restored alone)" in res.output
    assert "per document (a document's OCR pages joined" in res.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    page, doc = figures["ocr_loo"]["all"], figures["ocr_loo_document"]["all"]
    assert set(figures["ocr_loo_document"]) == set(ocrsynth.VARIANTS) | {"all"}
    # the same held-out words are scored both ways, and restoring beats leaving the damage
    assert doc["words"] == page["words"] > 0
    assert doc["accuracy"] > doc["baseline"] + 0.3 and page["accuracy"] > page["baseline"] + 0.3


@pytest.mark.slow
def test_train_restorer_renders_and_reads_pages_once(env):
    from normalize.diacritics import ocrsynth

    if not ocrsynth.tesseract_available():
        pytest.skip("tesseract with the eng model is not installed")
    res = CliRunner().invoke(app, ["train-restorer", "--max-pages", "1", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert "a.txt [clean]: 1 page(s)" in res.output and "b.txt [thick]: 1 page(s)" in res.output
    assert "OCR pages 0" not in res.output and "OCR channel not trained" not in res.output
    cached = list((env / "cache" / "ocr-pairs").glob("*.json"))
    assert len(cached) == 2 * len(ocrsynth.VARIANTS)
    # the second run reads the cache instead of running tesseract again
    before = {p: p.stat().st_mtime_ns for p in cached}
    res = CliRunner().invoke(app, ["train-restorer", "--max-pages", "1"])
    assert res.exit_code == 0
    assert {p: p.stat().st_mtime_ns for p in cached} == before


OCR_DAMAGED = """Nguoi dan tinh ndp dich vu cong truc tuyén, tang ty 1¢ hd so duoc tiép nhan
va xir ly tryc tuyén trén dia ban tinh; Déc 1ap - Tw do - Hanh phic; K& hoach s6 12
Céac s&, ban, nganh tinh huéng dan ngudi dan nop hd so truc tuyén trong nam 2024.
"""


def test_ocr_damage_without_a_trained_channel_is_flagged_in_the_document(env):
    # no OCR page pairs in the (empty) cache: the text is restored as stripped text, and
    # both `vnplan restore` and the document say why its quality is low
    from ingest import ingest_file
    from normalize import normalize_document

    f = env / "scan.txt"
    f.write_text(OCR_DAMAGED, encoding="utf-8")
    res = CliRunner().invoke(app, ["restore", str(f)])
    assert res.exit_code == 0
    assert "OCR channel not trained" in res.stderr and "vnplan train-restorer" in res.stderr
    nd = normalize_document(ingest_file(f))
    assert nd.diacritics_restored
    assert any("OCR channel not trained" in w for w in nd.warnings)
