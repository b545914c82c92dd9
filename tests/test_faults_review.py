"""The review app holds against hostile or careless clients (issue 14, item 6): two servers
on one gold folder lose no save, an audit that cannot be written keeps the gold as it was,
fields are strictly typed, valid Unicode and bounded, and the Host check stays on."""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient

from test_review_api import STEM, _doc, _row, make_review_fixture
from vnplan.review import create_app


@pytest.fixture
def dirs(tmp_path):
    return make_review_fixture(tmp_path)


def _client(dirs, **kw):
    out, gold = dirs
    return TestClient(create_app(out, gold, reviewer="lan", **kw))


def test_two_servers_on_one_gold_folder_lose_no_save(dirs, monkeypatch):
    """Two review servers on one folder, each with an edit, save at the same moment (the
    write slowed down so that the two saves overlap): one is written, the other gets 409."""
    import time

    import vnplan.review.store as store_mod

    out, gold = dirs
    servers = [_client(dirs), _client(dirs)]
    key = _row(_doc(servers[0]), "match", "targets")["key"]
    for i, c in enumerate(servers):
        assert c.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"metric": f"chỉ tiêu {i}"}}).status_code == 200
    real_write = store_mod.write_json

    def slow_write(path, data):
        time.sleep(0.3)
        return real_write(path, data)

    monkeypatch.setattr(store_mod, "write_json", slow_write)
    codes = {}

    def save(i):
        codes[i] = servers[i].post(f"/api/documents/{STEM}/save").status_code

    threads = [threading.Thread(target=save, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes.values()) == [200, 409]
    winner = next(i for i, code in codes.items() if code == 200)
    saved = json.loads((gold / f"{STEM}.json").read_text(encoding="utf-8"))
    assert any(t.get("metric") == f"chỉ tiêu {winner}" for t in saved["targets"])
    assert len((gold / "audit.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_an_audit_that_cannot_be_written_leaves_the_gold_as_it_was(dirs):
    out, gold = dirs
    c = _client(dirs)
    original = (gold / f"{STEM}.json").read_bytes()
    (gold / "audit.jsonl").mkdir()  # cannot be opened for appending, even by root
    c.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"})
    res = c.post(f"/api/documents/{STEM}/save")
    assert res.status_code == 500 and "could not write" in res.json()["detail"]
    assert (gold / f"{STEM}.json").read_bytes() == original and _doc(c)["unsaved"] == 1


@pytest.mark.parametrize("value, needle", [
    ("\ud800 hỏng", "not valid Unicode"),
    (None, "must not be empty"),
    ({"a": 1}, "must be text"),
    ([True, 5], "must be text"),
    ("x" * 30_000, "over the limit"),
])
def test_fields_are_strictly_typed_valid_and_bounded(dirs, value, needle):
    c = _client(dirs)
    key = _row(_doc(c), "match", "targets")["key"]
    body = json.dumps({"key": key, "fields": {"metric": value}})  # ASCII escapes: a lone surrogate as a client sends it
    res = c.post(f"/api/documents/{STEM}/edit", content=body, headers={"content-type": "application/json"})
    assert res.status_code == 422 and needle in json.dumps(res.json(), ensure_ascii=False)
    assert _doc(c)["unsaved"] == 0


def test_a_request_too_large_is_refused_before_it_is_read(dirs):
    c = _client(dirs)
    body = json.dumps({"key": "x", "fields": {"metric": "a" * 2_000_000}})
    res = c.post(f"/api/documents/{STEM}/edit", content=body, headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_the_host_check_stays_on_with_an_allow_list(dirs):
    c = _client(dirs, allowed_hosts=["127.0.0.1", "localhost", "review.lan"])
    assert c.get("/api/documents", headers={"host": "review.lan"}).status_code == 200
    assert c.get("/api/documents", headers={"host": "evil.example"}).status_code == 400


def test_undo_takes_back_the_last_change_one_at_a_time(dirs):
    c = _client(dirs)
    before = _doc(c)
    key = _row(before, "match", "targets")["key"]
    c.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"metric": "chỉ tiêu sửa"}})
    c.post(f"/api/documents/{STEM}/delete", json={"key": "tasks/g/k1"})
    assert _doc(c)["unsaved"] == 2
    st = c.post(f"/api/documents/{STEM}/undo").json()
    assert st["unsaved"] == 1 and any(r["key"] == "tasks/g/k1" for r in st["rows"])  # the task is back
    st = c.post(f"/api/documents/{STEM}/undo").json()
    assert st["unsaved"] == 0 and st["rows"] == before["rows"]
    assert c.post(f"/api/documents/{STEM}/undo").json()["message"] == "Nothing to undo."


def test_unsaved_changes_survive_a_stop_of_the_server(dirs):
    out, gold = dirs
    with _client(dirs) as c:  # leaving the block runs the app's shutdown, as Ctrl+C does
        key = _row(_doc(c), "match", "targets")["key"]
        c.post(f"/api/documents/{STEM}/edit", json={"key": key, "fields": {"metric": "chỉ tiêu giữ lại"}})
    assert (gold / ".drafts" / f"{STEM}.json").is_file()
    with _client(dirs) as c:
        st = _doc(c)
        assert st["unsaved"] == 1 and "chỉ tiêu giữ lại" in json.dumps(st["rows"], ensure_ascii=False)
        assert c.post(f"/api/documents/{STEM}/save").status_code == 200
    assert not (gold / ".drafts" / f"{STEM}.json").exists()
