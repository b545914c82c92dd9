"""The evaluator: how an extraction is scored against a hand-checked gold file.

Each test builds a tiny gold/pred pair by hand (a plan from an imaginary province, with
its own agencies, numbers and year) and checks the figures an engineer would expect.
"""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vnplan.evaluation import compare_document, evaluate_dirs, numbers_in
from vnplan.matching import field_equal, similarity
from vnplan.schema import Extraction

ROOT = Path(__file__).resolve().parents[1]


def ev(text, span=(0, 0), section=None):
    return {"text": text, "span": list(span), "section": section, "page": None}


def plan():
    """A small gold extraction: two targets, two tasks, one scoring row, two award quotas."""
    return {
        "schema_version": "1.0.0",
        "document": {"id": "0123456789abcdef", "source": "corpus/kh_99.txt", "number": "99/KH-UBND", "province": "Bình Phước"},
        "campaign": None,
        "targets": [
            {"id": "t1", "metric": "hồ sơ thủ tục hành chính xử lý trực tuyến", "comparator": ">=", "value": 60, "value_max": None,
             "unit": "%", "applies_to": "cấp xã", "deadline": {"text": "năm 2025", "end": "2025-12-31"},
             "evidence": ev("- Tối thiểu 60% hồ sơ thủ tục hành chính được xử lý trực tuyến.")},
            {"id": "t2", "metric": "bệnh viện sử dụng thẻ căn cước", "comparator": "=", "value": 100, "value_max": None,
             "unit": "%", "applies_to": "cấp huyện", "deadline": None,
             "evidence": ev("- 100% bệnh viện và 40% phòng khám sử dụng thẻ căn cước.")},
        ],
        "tasks": [
            {"id": "k1", "text": "Xây dựng kế hoạch kiểm tra việc thực hiện Đề án", "lead": ["Sở Nội vụ"], "support": ["Công an tỉnh"],
             "deadline": {"text": "Quý II/2024", "end": "2024-06-30"},
             "evidence": ev("2.1. Xây dựng kế hoạch kiểm tra việc thực hiện Đề án.")},
            {"id": "k2", "text": "Tuyên truyền về định danh điện tử trên báo, đài", "lead": ["Sở Thông tin và Truyền thông"], "support": [],
             "deadline": {"text": "Thường xuyên", "end": None},
             "evidence": ev("2.2. Tuyên truyền về định danh điện tử trên báo, đài.")},
        ],
        "scoring_criteria": [
            {"id": "s1", "criterion": "Tỷ lệ tài khoản định danh mức 2 được kích hoạt", "kind": "base", "max_points": 30,
             "method": "ratio_times_max", "threshold": 85, "group": "I", "level": "cấp huyện",
             "evidence": ev("Tỷ lệ tài khoản định danh mức 2 được kích hoạt | 30 | Tỷ lệ >= 85%: điểm tối đa")},
        ],
        "awards": [
            {"id": "a1", "form": "Bằng khen", "grantor": "Chủ tịch UBND tỉnh", "recipient": "tập thể", "max_count": 12,
             "rank": None, "prize_vnd": None, "level": None,
             "evidence": ev("Tặng Bằng khen của Chủ tịch UBND tỉnh cho không quá 12 tập thể, 15 cá nhân.")},
            {"id": "a2", "form": "Bằng khen", "grantor": "Chủ tịch UBND tỉnh", "recipient": "cá nhân", "max_count": 15,
             "rank": None, "prize_vnd": None, "level": None,
             "evidence": ev("Tặng Bằng khen của Chủ tịch UBND tỉnh cho không quá 12 tập thể, 15 cá nhân.")},
        ],
    }


def test_perfect_prediction_scores_one_everywhere():
    gold = plan()
    res = compare_document(gold, copy.deepcopy(gold))
    for kind in ("targets", "tasks", "scoring_criteria", "awards"):
        assert res[kind]["f1"] == 1.0, kind
        assert all(not m["wrong_fields"] for m in res[kind]["matched"])


def test_missing_item_lowers_recall_only():
    gold, pred = plan(), plan()
    del pred["awards"][1]
    r = compare_document(gold, pred)["awards"]
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 1)
    assert r["precision"] == 1.0 and r["recall"] == 0.5
    assert [m["id"] for m in r["missing"]] == ["a2"]


def test_extra_item_lowers_precision_only():
    gold, pred = plan(), plan()
    pred["targets"].append({"id": "t9", "metric": "phòng khám sử dụng thẻ căn cước", "comparator": "=", "value": 40, "unit": "%",
                            "evidence": ev("- 100% bệnh viện và 40% phòng khám sử dụng thẻ căn cước.")})
    r = compare_document(gold, pred)["targets"]
    assert r["recall"] == 1.0 and r["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert [x["id"] for x in r["extra"]] == ["t9"]


def test_two_quotas_from_one_sentence_pair_by_number():
    """Same sentence, same form: the counts decide which gold item each prediction is."""
    gold, pred = plan(), plan()
    pred["awards"].reverse()
    pred["awards"][0]["recipient"] = "tập thể"  # the 15-quota now claims the wrong recipient
    r = compare_document(gold, pred)["awards"]
    pairs = {m["gold"]["id"]: m["pred"]["max_count"] for m in r["matched"]}
    assert pairs == {"a1": 12, "a2": 15}
    wrong = {m["gold"]["id"]: m["wrong_fields"] for m in r["matched"]}
    assert wrong["a2"] == {"recipient": ["cá nhân", "tập thể"]}


def test_wrong_deadline_is_a_wrong_field_not_a_miss():
    gold, pred = plan(), plan()
    pred["tasks"][0]["deadline"] = {"text": "Quý II/2024", "end": "2024-06-29"}
    r = compare_document(gold, pred)["tasks"]
    assert r["f1"] == 1.0
    m = next(m for m in r["matched"] if m["gold"]["id"] == "k1")
    assert m["wrong_fields"] == {"deadline.end": ["2024-06-30", "2024-06-29"]}


def test_unrelated_items_do_not_match():
    gold = plan()
    other = {"id": "x", "metric": "số cuộc họp giao ban", "value": 4, "unit": "count", "evidence": ev("Tổ chức 04 cuộc họp giao ban mỗi năm.")}
    assert similarity("targets", gold["targets"][0], other) < 0.55


def test_rows_of_one_table_sharing_words_do_not_match():
    """Two task-table rows with common words ("thông tin", "quy định") but no common phrase."""
    a = {"id": "k1", "text": "Chấp hành chế độ thông tin báo cáo theo quy định", "deadline": None,
         "evidence": ev("10.1 | Chấp hành chế độ thông tin báo cáo theo quy định")}
    b = {"id": "k2", "text": "Triển khai hệ thống thông tin về nhà ở, kết nối với cơ sở dữ liệu đất đai, bảo đảm theo quy định",
         "deadline": None, "evidence": ev("6.15 | Triển khai hệ thống thông tin về nhà ở, kết nối với cơ sở dữ liệu đất đai, bảo đảm theo quy định | Sở Xây dựng")}
    assert similarity("tasks", a, b) < 0.5
    assert compare_document({"tasks": [a]}, {"tasks": [b]})["tasks"]["tp"] == 0


def test_ocr_text_without_diacritics_still_matches_restored_gold():
    gold = {"id": "a1", "form": "Bằng khen", "recipient": "tập thể", "max_count": 7, "level": "cấp xã",
            "evidence": ev("b) Cấp xã: Tặng Bằng khen của Chủ tịch UBND tỉnh cho 07 tập thể tiêu biểu.")}
    pred = {"id": "x", "form": "Bang khen", "recipient": "tập thể", "max_count": 7, "level": "cấp xã",
            "evidence": ev("b) Cap xa: Tang Bang khen cua Chu tich UBND tinh cho 07 tap thé tiéu biéu.")}
    r = compare_document({"awards": [gold]}, {"awards": [pred]})["awards"]
    assert r["tp"] == 1 and r["matched"][0]["wrong_fields"] == {"form": ["Bằng khen", "Bang khen"]}


def test_field_rules_fold_case_and_abbreviations():
    assert field_equal("lead", ["Ủy ban nhân dân cấp huyện", "Sở Y tế"], ["sở y tế", "UBND cấp huyện"])
    assert not field_equal("lead", ["Sở Y tế"], ["Sở Y tế", "Công an tỉnh"])
    assert field_equal("value", 20, 20.0) and not field_equal("value", 20, 30)
    assert not field_equal("deadline.end", "2023-03-31", None)


def test_vietnamese_numbers_are_read_in_spans():
    nums = numbers_in("kèm theo tiền thưởng 20.000.000 đồng; 0,5 điểm; 01 mô hình; 11/11 dịch vụ; không quá hai xã")
    assert {20000000.0, 0.5, 1.0, 11.0, 2.0} <= nums


def test_span_check_uses_the_saved_text():
    text = "Mở đầu.\nTặng Bằng khen cho không quá 12 tập thể, 15 cá nhân.\n"
    gold, pred = plan(), plan()
    s = text.index("Tặng")
    e = text.index("\n", s)
    for a in pred["awards"]:
        a["evidence"]["span"] = [s, e]
    pred["awards"][1]["evidence"]["span"] = [0, 7]  # points at "Mở đầu." which has no 15
    spans = compare_document(gold, pred, text)["awards"]["spans"]
    assert spans["in_range"] == 2 and spans["numbers_found"] == 1
    assert spans["bad"][0]["id"] == "a2" and spans["bad"][0]["missing_numbers"] == [15]


def _write_pair(tmp_path):
    gdir, pdir = tmp_path / "gold", tmp_path / "out"
    gdir.mkdir(), pdir.mkdir()
    gold, pred = plan(), plan()
    del pred["tasks"][1]
    pred["targets"][0]["deadline"]["end"] = "2025-12-30"
    (gdir / "kh_99.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (pdir / "kh_99.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    return gdir, pdir


def test_evaluate_dirs_totals_and_rates(tmp_path):
    gdir, pdir = _write_pair(tmp_path)
    res = evaluate_dirs(gdir, pdir)
    assert res["total"]["tasks"]["recall"] == 0.5
    assert res["total"]["targets"]["field_accuracy"]["deadline.end"] == {"checked": 2, "right": 1, "accuracy": 0.5}
    assert res["rates"]["deadline_end_exact"] == {"right": 1, "of": 1, "rate": 1.0}
    assert res["rates"]["numbers_exact"]["rate"] == 1.0


def test_cli_json_and_html_report(tmp_path):
    gdir, pdir = _write_pair(tmp_path)
    html = tmp_path / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "vnplan.cli", "evaluate", "--gold", str(gdir), "--pred", str(pdir), "--format", "json", "--html", str(html)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["documents"]["kh_99"]["types"]["tasks"]["fn"] == 1
    page = html.read_text(encoding="utf-8")
    assert "2.2. Tuyên truyền về định danh điện tử trên báo, đài." in page  # the miss, with its evidence
    assert "<svg" in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # the headline figures and the document block, as the text report prints them
    s = res["summary"]
    assert f"mean item F1 {s['mean_item_f1']:.3f}" in page and "Document block" in page
    assert res["document_block"]["fields"]["number"]["checked"] == 1


def test_document_block_compares_whole_strings():
    from vnplan.eval_document import compare_document_block

    gold = {"document": {"number": "186/KH-UBND", "title": "Chuyển đổi số năm 2025", "signer": "Nguyễn Văn A"}}
    pred = {"document": {"number": "186 / KH-UBND", "title": "Chuyển đổi số năm 2025 Căn cứ Luật Tổ chức chính quyền",
                         "signer": "NGUYỄN VĂN A"}}
    got = compare_document_block(gold, pred)
    assert (got["number"][2], got["title"][2], got["signer"][2]) == (True, False, True)


def test_cli_names_a_missing_folder(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "evaluate", "--gold", str(tmp_path / "nope"), "--pred", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "gold folder not found" in proc.stderr


def test_gold_files_follow_the_schema():
    files = sorted((ROOT / "gold").glob("*.json"))
    assert files, "no gold files"
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        Extraction.model_validate(data)
        assert (ROOT / data["document"]["source"]).is_file(), f"{path.name} has no corpus document"
        assert (ROOT / data["document"]["source"]).stem == path.stem
        for kind in ("targets", "tasks", "scoring_criteria", "awards"):
            ids = [it["id"] for it in data[kind]]
            assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids in {kind}"
            assert all(it["evidence"]["text"].strip() for it in data[kind])


def test_the_councils_are_one_name_however_spelt():
    assert field_equal("lead", ["Các sở, cơ quan thuộc UBND tỉnh"], ["Các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh"])
    assert field_equal("lead", ["Thường trực Hội đồng nhân dân thành phố"], ["Thường trực HĐND thành phố"])
    assert not field_equal("lead", ["Thường trực HĐND thành phố"], ["UBND thành phố"])
