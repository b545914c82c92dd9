"""The review app's API, as the page uses it: list, diff, edit (refused and accepted),
accept, delete, add from a selection, save (atomic, history, audit log).

Each test builds a small output folder and gold folder of its own (a reworded plan, not a
seed file): one target with a wrong deadline, two tasks, one award only vnplan found, and
one target that vnplan missed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vnplan.evaluation import evaluate_dirs
from vnplan.io import dumps
from vnplan.review import create_app

STEM = "kh_chuyen_doi_so_2024"
TEXT = """ỦY BAN NHÂN DÂN TỈNH MẪU
KẾ HOẠCH
Thực hiện chuyển đổi số năm 2024 𝟮𝟬𝟮𝟰 (characters outside the BMP: offsets count code points)

I. MỤC TIÊU
1. Phấn đấu 80% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến, hoàn thành trước ngày 30/11/2024.
2. Tỷ lệ người dân có tài khoản định danh điện tử đạt trên 60% trong năm 2024.

II. NHIỆM VỤ
1. Sở Thông tin và Truyền thông chủ trì rà soát hạ tầng mạng, hoàn thành trong tháng 9/2024.
2. Công an tỉnh hướng dẫn kích hoạt tài khoản định danh, hoàn thành trước ngày 31/12/2024.
""" + "".join(f"{i}. Các nội dung khác thực hiện theo quy định hiện hành.\n" for i in range(3, 63)) + """
III. KHEN THƯỞNG
Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 03 tập thể.
"""
T1 = "1. Phấn đấu 80% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến, hoàn thành trước ngày 30/11/2024."
T2 = "2. Tỷ lệ người dân có tài khoản định danh điện tử đạt trên 60% trong năm 2024."
K1 = "1. Sở Thông tin và Truyền thông chủ trì rà soát hạ tầng mạng, hoàn thành trong tháng 9/2024."
K2 = "2. Công an tỉnh hướng dẫn kích hoạt tài khoản định danh, hoàn thành trước ngày 31/12/2024."
A1 = "Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 03 tập thể."


def _ev(sentence: str, gold: bool = False) -> dict:
    at = TEXT.index(sentence)
    return {"text": sentence, "span": [0, 0] if gold else [at, at + len(sentence)], "section": None, "page": None}


def _items(gold: bool) -> dict:
    target = {"id": "t1", "metric": "hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "comparator": ">=", "value": 80,
              "value_max": None, "unit": "%", "adjustments": [],
              "deadline": {"text": "trước ngày 30/11/2024", "start": None, "end": "2024-12-31", "recurring": False},
              "evidence": _ev(T1, gold), "confidence": 0.9, "warnings": []}
    tasks = [
        {"id": "k1", "text": "rà soát hạ tầng mạng", "lead": ["Sở Thông tin và Truyền thông"], "support": [],
         "deadline": {"text": "trong tháng 9/2024", "start": None, "end": "2024-09-30", "recurring": False},
         "evidence": _ev(K1, gold), "confidence": 0.9, "warnings": []},
        {"id": "k2", "text": "hướng dẫn kích hoạt tài khoản định danh", "lead": ["Công an tỉnh"], "support": [],
         "deadline": {"text": "trước ngày 31/12/2024", "start": None, "end": "2024-12-31", "recurring": False},
         "evidence": _ev(K2, gold), "confidence": 0.9, "warnings": []},
    ]
    return {"targets": [target], "tasks": tasks}


def make_review_fixture(root: Path, with_gold: bool = True) -> tuple[Path, Path]:
    """OUT/<stem>.json + .txt as `vnplan run` writes them, and (optionally) gold/<stem>.json.

    The gold was made by accepting vnplan's items unchecked, so it repeats vnplan's wrong
    target deadline (2024-12-31 where the text says 30/11/2024) and lacks the 60% target.
    """
    out, gold = root / "out", root / "gold"
    out.mkdir(parents=True)
    gold.mkdir(parents=True)
    doc = {"id": "0123456789abcdef", "source": f"plans/{STEM}.txt", "doc_type": "Kế hoạch", "province": "Mẫu",
           "ingest": {"method": "text", "diacritics_restored": False, "pages": None}}
    award = {"id": "a1", "form": "Bằng khen", "grantor": "Chủ tịch UBND tỉnh", "recipient": "tập thể", "max_count": 3,
             "evidence": _ev(A1), "confidence": 0.8, "warnings": []}
    pred = {"schema_version": "1.0.0", "document": doc, "campaign": None, **_items(gold=False),
            "scoring_criteria": [], "awards": [award]}
    (out / f"{STEM}.json").write_text(dumps(pred), encoding="utf-8")
    (out / f"{STEM}.txt").write_text(TEXT, encoding="utf-8")
    (out / "run-report.json").write_text('{"summary": {}}', encoding="utf-8")
    if with_gold:
        g = {"schema_version": "1.0.0", "document": doc, "campaign": None, **_items(gold=True), "scoring_criteria": [], "awards": []}
        (gold / f"{STEM}.json").write_text(dumps(g), encoding="utf-8")
    return out, gold


@pytest.fixture
def dirs(tmp_path):
    return make_review_fixture(tmp_path)


@pytest.fixture
def client(dirs):
    out, gold = dirs
    return TestClient(create_app(out, gold, reviewer="lan"))


def _doc(client) -> dict:
    res = client.get(f"/api/documents/{STEM}")
    assert res.status_code == 200, res.text
    return res.json()


def _row(state: dict, status: str, kind: str) -> dict:
    rows = [r for r in state["rows"] if r["status"] == status and r["type"] == kind]
    assert len(rows) == 1, [(r["type"], r["status"]) for r in state["rows"]]
    return rows[0]


def test_documents_are_listed_with_counts_and_f1(client):
    data = client.get("/api/documents").json()
    assert [d["stem"] for d in data["documents"]] == [STEM]  # run-report.json is not a document
    s = data["documents"][0]["summary"]
    assert s["targets"]["gold"] == 1 and s["targets"]["pred"] == 1 and s["targets"]["f1"] == 1.0
    assert s["awards"] == {**s["awards"], "gold": 0, "pred": 1, "fp": 1, "f1": 0.0}
    assert client.get("/").status_code == 200 and "documents" in client.get("/").text


def test_document_shows_text_highlights_and_the_diff_from_gold(client):
    st = _doc(client)
    assert st["text"] == TEXT
    assert "".join(seg["t"] for seg in st["segments"]) == TEXT
    assert _row(st, "match", "targets")["span"] == [TEXT.index(T1), TEXT.index(T1) + len(T1)]
    assert _row(st, "extra", "awards")["pred"]["form"] == "Bằng khen"
    # gold spans are [0, 0]: a gold-only item is found by its evidence text
    client.post(f"/api/documents/{STEM}/delete", json={"key": _row(st, "match", "targets")["key"]})
    st = _doc(client)
    assert _row(st, "extra", "targets")["span"][0] == TEXT.index(T1)
    highlighted = {k for seg in st["segments"] for k in seg["k"]}
    assert {r["key"] for r in st["rows"]} <= highlighted
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/api/documents/..%2Fgold").status_code == 404


@pytest.mark.parametrize("field,value,needle", [
    ("deadline.end", "2024-02-30", "2024-02-30"),
    ("value", "tám mươi", "not a number"),
    ("comparator", "about", "comparator"),
    ("metric", "   ", "must not be empty"),
])
def test_a_bad_edit_is_refused_with_a_readable_message(client, field, value, needle):
    key = _row(_doc(client), "match", "targets")["key"]
    res = client.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {field: value}})
    assert res.status_code == 422
    body = res.json()
    assert needle in body["detail"] and field in body["errors"]
    assert _doc(client)["unsaved"] == 0  # nothing changed


def test_scoring_max_points_must_be_a_number(client):
    res = client.post(f"/api/documents/{STEM}/add", json={"type": "scoring_criteria", "span": [0, 10],
                                                          "fields": {"criterion": "Tỷ lệ", "max_points": "mười"}})
    assert res.status_code == 422 and "'mười' is not a number" in res.json()["errors"]["max_points"]


def test_edit_corrects_a_deadline_and_the_diff_follows(client):
    key = _row(_doc(client), "match", "targets")["key"]
    res = client.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"deadline.end": "2024-11-30", "value": "80"}})
    assert res.status_code == 200, res.text
    st = res.json()
    row = _row(st, "wrong", "targets")
    assert row["wrong_fields"] == {"deadline.end": ["2024-11-30", "2024-12-31"]}
    assert row["gold"]["value"] == 80 and isinstance(row["gold"]["value"], int)
    assert "applies_to" not in row["gold"]  # only the submitted fields change
    assert row["gold"]["evidence"]["span"] == [TEXT.index(T1), TEXT.index(T1) + len(T1)]  # located on edit
    assert st["unsaved"] == 1 and st["focus"] == key


def test_accept_copies_vnplan_item_and_delete_rejects_or_removes(client):
    st = _doc(client)
    award = _row(st, "extra", "awards")
    st = client.post(f"/api/documents/{STEM}/accept", json={"key": award["key"]}).json()
    got = _row(st, "match", "awards")
    assert got["gold"]["max_count"] == 3 and got["key"] == "awards/g/a1"
    st = client.post(f"/api/documents/{STEM}/delete", json={"key": "awards/g/a1"}).json()
    assert _row(st, "extra", "awards")
    st = client.post(f"/api/documents/{STEM}/delete", json={"key": _row(st, "extra", "awards")["key"]}).json()
    assert _row(st, "rejected", "awards") and st["unsaved"] == 3
    res = client.post(f"/api/documents/{STEM}/accept", json={"key": "tasks/g/zzz"})
    assert res.status_code == 422 and "no item" in res.json()["detail"]


def test_add_from_a_selection_uses_the_selected_text_as_evidence(client):
    start = TEXT.index(T2)
    res = client.post(f"/api/documents/{STEM}/add", json={
        "type": "targets", "span": [start - 1, start + len(T2) + 1],  # sloppy selection: spaces trimmed
        "fields": {"metric": "tài khoản định danh điện tử", "comparator": ">", "value": "60", "deadline.end": "2024-12-31"}})
    assert res.status_code == 200, res.text
    row = _row(res.json(), "missing", "targets")
    assert row["gold"]["id"] == "t2"
    assert row["gold"]["evidence"] == {"text": T2, "span": [start, start + len(T2)]}
    assert row["gold"]["deadline"] == {"text": "", "end": "2024-12-31"}
    bad = client.post(f"/api/documents/{STEM}/add", json={"type": "targets", "span": [5, 99999], "fields": {"metric": "x"}})
    assert bad.status_code == 422 and "outside the document text" in bad.json()["detail"]
    bad = client.post(f"/api/documents/{STEM}/add", json={"type": "plans", "span": [0, 5], "fields": {}})
    assert bad.status_code == 422 and "unknown item type" in bad.json()["detail"]


def test_save_writes_stable_gold_keeps_history_and_appends_audit(client, dirs):
    out, gold = dirs
    gpath = gold / f"{STEM}.json"
    original = gpath.read_text(encoding="utf-8")
    key = _row(_doc(client), "match", "targets")["key"]
    client.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"deadline.end": "2024-11-30"}})
    res = client.post(f"/api/documents/{STEM}/save")
    assert res.status_code == 200, res.text
    saved = gpath.read_text(encoding="utf-8")
    assert saved == dumps(json.loads(saved))  # pretty, sorted keys, trailing newline
    assert json.loads(saved)["targets"][0]["deadline"]["end"] == "2024-11-30"
    history = sorted((gold / ".history" / STEM).glob("*.json"))
    assert [h.read_text(encoding="utf-8") for h in history] == [original]
    audit = [json.loads(line) for line in (gold / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(audit) == 1
    entry = audit[0]
    assert (entry["who"], entry["action"], entry["item_id"], entry["stem"]) == ("lan", "edit", "t1", STEM)
    assert entry["before"]["deadline"]["end"] == "2024-12-31" and entry["after"]["deadline"]["end"] == "2024-11-30"
    assert entry["when"].endswith("Z") and entry["saved_at"] >= entry["when"]
    # a second save keeps the first saved version too; nothing to save is a no-op
    client.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k2"})
    client.post(f"/api/documents/{STEM}/save")
    history = sorted((gold / ".history" / STEM).glob("*.json"))
    assert [h.read_text(encoding="utf-8") for h in history] == [original, saved]
    assert client.post(f"/api/documents/{STEM}/save").json()["save"]["saved"] is False
    assert len((gold / "audit.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert not list(gold.glob(".*.tmp")) and not list(gold.glob("*.tmp"))


def test_saving_changes_what_evaluate_reports(client, dirs):
    out, gold = dirs
    before = evaluate_dirs(gold, out)["total"]["targets"]
    assert before["field_accuracy"]["deadline.end"] == {"checked": 1, "right": 1, "accuracy": 1.0}
    key = _row(_doc(client), "match", "targets")["key"]
    client.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"deadline.end": "2024-11-30"}})
    start = TEXT.index(T2)
    client.post(f"/api/documents/{STEM}/add", json={"type": "targets", "span": [start, start + len(T2)],
                                                     "fields": {"metric": "tài khoản định danh điện tử", "value": "60"}})
    assert evaluate_dirs(gold, out)["total"]["targets"] == before  # not saved yet
    client.post(f"/api/documents/{STEM}/save")
    after = evaluate_dirs(gold, out)["total"]["targets"]
    assert after["field_accuracy"]["deadline.end"]["right"] == 0
    assert (after["tp"], after["fn"], after["recall"]) == (1, 1, 0.5)


def test_a_failed_write_leaves_the_old_gold_and_keeps_the_changes(client, dirs, monkeypatch):
    out, gold = dirs
    gpath = gold / f"{STEM}.json"
    original = gpath.read_bytes()
    client.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"})
    import vnplan.io

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vnplan.io.os, "replace", broken_replace)
    res = client.post(f"/api/documents/{STEM}/save")
    assert res.status_code == 500 and "No space left on device" in res.json()["detail"]
    monkeypatch.undo()
    assert gpath.read_bytes() == original
    assert not [p for p in gold.rglob("*") if p.name.endswith(".tmp")]
    assert not (gold / "audit.jsonl").exists()
    assert _doc(client)["unsaved"] == 1
    assert client.post(f"/api/documents/{STEM}/save").status_code == 200


def test_a_gold_file_changed_on_disk_is_not_overwritten(client, dirs):
    out, gold = dirs
    client.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"})
    gpath = gold / f"{STEM}.json"
    gpath.write_text(gpath.read_text(encoding="utf-8").replace("rà soát", "kiểm tra"), encoding="utf-8")
    res = client.post(f"/api/documents/{STEM}/save")
    assert res.status_code == 409 and "changed on disk" in res.json()["detail"]
    assert "kiểm tra" in gpath.read_text(encoding="utf-8")
    st = client.post(f"/api/documents/{STEM}/discard").json()
    assert st["unsaved"] == 0 and any(r["gold_id"] == "k1" for r in st["rows"])


def test_without_a_gold_file_the_first_save_creates_it(tmp_path):
    out, gold = make_review_fixture(tmp_path, with_gold=False)
    client = TestClient(create_app(out, gold, reviewer="minh"))
    st = _doc(client)
    assert not st["has_gold_file"] and {r["status"] for r in st["rows"]} == {"extra"}
    key = next(r["key"] for r in st["rows"] if r["type"] == "tasks")
    client.post(f"/api/documents/{STEM}/accept", json={"key": key})
    res = client.post(f"/api/documents/{STEM}/save").json()
    assert res["save"]["history"] is None
    saved = json.loads((gold / f"{STEM}.json").read_text(encoding="utf-8"))
    assert len(saved["tasks"]) == 1 and saved["document"]["source"] == f"plans/{STEM}.txt"
    assert json.loads((gold / "audit.jsonl").read_text(encoding="utf-8"))["action"] == "accept"


def test_changes_from_another_origin_or_host_name_are_refused(dirs):
    out, gold = dirs
    client = TestClient(create_app(out, gold, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8765")
    assert client.get(f"/api/documents/{STEM}").status_code == 200
    res = client.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"}, headers={"Origin": "http://evil.example"})
    assert res.status_code == 403 and "not from http://evil.example" in res.json()["detail"]
    ok = client.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"}, headers={"Origin": "http://127.0.0.1:8765"})
    assert ok.status_code == 200
    assert client.get("/api/documents", headers={"Host": "rebound.example:8765"}).status_code == 400


def test_a_broken_gold_file_is_named_not_a_crash(dirs):
    out, gold = dirs
    (gold / f"{STEM}.json").write_text('{"targets": [', encoding="utf-8")
    client = TestClient(create_app(out, gold))
    doc = client.get("/api/documents").json()["documents"][0]
    assert "not valid UTF-8 JSON" in doc["error"] and doc["summary"] is None
    res = client.get(f"/api/documents/{STEM}")
    assert res.status_code == 500 and f"{STEM}.json" in res.json()["detail"]


def test_cli_review_refuses_a_missing_output_folder(tmp_path):
    from typer.testing import CliRunner

    from vnplan.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["review", "--help"])
    assert res.exit_code == 0 and "--gold" in res.output and "--reviewer" in res.output
    res = runner.invoke(app, ["review", str(tmp_path / "nowhere")])
    assert res.exit_code == 1 and "output folder not found" in res.output


def test_overlapping_items_keep_their_bounds_in_the_segments():
    from vnplan.review.rows import segments

    rows = [{"key": "A", "span": [0, 4]}, {"key": "B", "span": [2, 6]}]
    got = [(s["t"], s["k"], s["s"], s["e"]) for s in segments("abcdefg", rows)]
    assert got == [("ab", ["A"], ["A"], []), ("cd", ["A", "B"], ["B"], ["A"]), ("ef", ["B"], [], ["B"]), ("g", [], [], [])]


def test_two_servers_keep_each_others_reviewed_marks(tmp_path):
    from vnplan.review.progress import ReviewedState

    a, b = ReviewedState(tmp_path), ReviewedState(tmp_path)  # both loaded before either marks
    a.mark("plan", "t1", True)
    b.mark("plan", "t2", True)
    assert ReviewedState(tmp_path).keys("plan") == {"t1", "t2"}
    assert not list(tmp_path.glob("*.json"))  # beside the gold files, not among them
