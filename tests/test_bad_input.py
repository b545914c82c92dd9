"""Bad input: each bad file is refused with a one-line reason, and a batch goes on.

First every kind of bad file through ``ingest_file``; then ``vnplan run`` on a folder
mixing good and bad files, as a user would run it: one report line per bad file,
every good file processed, exit status 1, inputs untouched, no temporary files left.
"""

import hashlib
import json
import random
import re
import shutil
import subprocess
import sys

import pytest

from fixtures_docs import CORPUS, corpus_lines, make_blank_image, make_docx, make_image, make_text_pdf
from ingest import IngestError, ingest_file

PLAN_TEXT = "\n".join(corpus_lines(30))


def big_text_file(path, mb=50):
    chunk = (PLAN_TEXT + "\n").encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(mb * 1_000_000 // len(chunk) + 1):
            fh.write(chunk)
    return path


def make_bad_files(folder):
    """Write one file of each bad kind; returns {file name: expected reason (regex)}."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.bin").write_bytes(random.Random(7).randbytes(20000))
    good_pdf = make_text_pdf(folder / "_tmp.pdf", [corpus_lines(6)]).read_bytes()
    (folder / "_tmp.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) * 2 // 3])
    make_text_pdf(folder / "encrypted.pdf", [corpus_lines(6)], encrypt="mat-khau")
    make_blank_image(folder / "no-text.png")
    big_text_file(folder / "huge.txt")
    return {
        "empty.txt": r"empty file",
        "garbage.bin": r"binary data",
        "truncated.pdf": r"truncated PDF",
        "encrypted.pdf": r"encrypted PDF: password-protected",
        "no-text.png": r"no text found",
        "huge.txt": r"too large: 5\d\.\d MB exceeds the 20 MB limit",
    }


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    return folder, make_bad_files(folder)


@pytest.mark.parametrize(
    "name", ["empty.txt", "garbage.bin", "truncated.pdf", "encrypted.pdf", "no-text.png", "huge.txt"]
)
def test_each_bad_file_is_refused_with_one_line_naming_the_reason(bad_dir, name):
    folder, reasons = bad_dir
    with pytest.raises(IngestError, match=reasons[name]) as info:
        ingest_file(folder / name)
    assert "\n" not in str(info.value)


def test_missing_path_and_folder_are_refused(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        ingest_file(tmp_path / "khong-co.txt")
    with pytest.raises(IngestError, match="is a folder"):
        ingest_file(tmp_path)


def test_encrypted_pdf_opens_with_its_password(bad_dir):
    folder, _ = bad_dir
    doc = ingest_file(folder / "encrypted.pdf", password="mat-khau")
    assert corpus_lines(1)[0] in doc.text
    with pytest.raises(IngestError, match="password given is wrong"):
        ingest_file(folder / "encrypted.pdf", password="sai")


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    with pytest.raises(IngestError, match=r"exceeds the 0.001 MB limit"):
        ingest_file(path, max_text_mb=0.001)
    assert ingest_file(path).text == PLAN_TEXT


def test_high_bytes_that_read_as_no_language_are_refused(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(5000)))
    with pytest.raises(IngestError, match="unknown text encoding"):
        ingest_file(path)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("whitespace.txt", b" \n\t\n  ", "no text found"),
        ("not-really.pdf", "Kế hoạch".encode(), "no PDF header"),
        ("photo.jpg", b"GIF89a" + bytes(40), "damaged or unreadable image"),
        ("ke-hoach.rtf", b"{\\rtf1\\ansi Ke hoach}", "RTF is not supported"),
    ],
)
def test_other_disguised_or_empty_files(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        ingest_file(tmp_path / name)


def _fingerprints(folder):
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(*args):
    return subprocess.run([sys.executable, "-m", "vnplan.cli", "run", *map(str, args), "--no-progress"],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_run_on_a_folder_mixing_good_and_bad_files(tmp_path, jobs):
    inputs = tmp_path / "inputs"
    reasons = make_bad_files(inputs / "bad")
    shutil.copy(sorted(CORPUS.glob("002_*.txt"))[0], inputs / "ke-hoach-thi-dua.txt")
    make_text_pdf(inputs / "ke-hoach.pdf", [corpus_lines(10)])
    (inputs / "sub").mkdir()
    make_docx(inputs / "sub" / "ke-hoach-word.docx", corpus_lines(8))
    make_image(inputs / "trang-scan.png", corpus_lines(5))
    good = ["ke-hoach-thi-dua", "ke-hoach", "ke-hoach-word", "trang-scan"]
    missing = tmp_path / "khong-ton-tai.pdf"
    before = _fingerprints(inputs)
    out = tmp_path / "out"

    proc = _run(inputs, missing, "-o", out, "--jobs", jobs)

    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    sources = [f["source"] for f in report["files"]]
    assert sources[0] == str(missing) and sources[1:] == sorted(sources[1:])  # input order, whatever the workers did
    by_name = {f["source"].split("/")[-1]: f for f in report["files"]}
    s = report["summary"]
    # body fragments without the header of an official document are processed, not failed: not_a_plan
    assert (s["files"], s["ok"] + s["not_a_plan"], s["failed"]) == (len(good) + len(reasons) + 1, len(good), len(reasons) + 1)
    for name, reason in reasons.items():
        entry = by_name[name]
        assert entry["status"] == "failed"
        assert entry["error"].startswith(str(inputs / "bad" / name) + ": ")
        assert "\n" not in entry["error"]
        assert re.search(reason, entry["error"]), entry["error"]
        assert not (out / f"{name.rsplit('.', 1)[0]}.json").exists()  # no output for a failed file
    assert "no such file" in by_name[missing.name]["error"]
    for stem in good:
        entry = next(f for f in report["files"] if f["source"].endswith(tuple(f"{stem}{s}" for s in (".txt", ".pdf", ".docx", ".png"))))
        assert entry["status"] in ("ok", "not_a_plan"), entry
        assert (out / f"{stem}.json").is_file() and (out / f"{stem}.txt").is_file()
    assert {f["method"] for f in report["files"] if f["status"] != "failed"} == {"text", "pdf-text", "docx", "ocr"}
    # one stderr line per failure, naming the file
    failed_lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("FAILED")]
    assert len(failed_lines) == len(reasons) + 1
    # inputs untouched, outputs complete (atomic writes leave no temporary files)
    assert _fingerprints(inputs) == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_run_exit_status_is_zero_when_every_file_is_good_and_outputs_inside_inputs_are_skipped(tmp_path):
    inputs = tmp_path / "plans"
    inputs.mkdir()
    make_text_pdf(inputs / "a.pdf", [corpus_lines(6)])
    (inputs / "b.txt").write_text("\n".join(corpus_lines(12, start="2. Yêu cầu")), encoding="utf-8")
    out = inputs / "out"  # output folder inside the input folder
    first = _run(inputs, "-o", out)
    second = _run(inputs, "-o", out)  # must not read the first run's outputs as plans
    assert (first.returncode, second.returncode) == (0, 0), (first.stderr[-1500:], second.stderr[-1500:])
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    s = report["summary"]
    assert (s["files"], s["ok"] + s["not_a_plan"], s["failed"]) == (2, 2, 0)


def test_run_refuses_to_overwrite_an_input_with_its_output(tmp_path):
    plan = tmp_path / "b.txt"
    plan.write_text(PLAN_TEXT, encoding="utf-8")
    before = plan.read_bytes()
    proc = _run(plan, "-o", tmp_path)
    assert proc.returncode == 1 and "overwrite the input" in proc.stderr
    assert plan.read_bytes() == before


def test_ingest_command_prints_one_line_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "ingest", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: {path}: empty file (0 bytes)"


def test_file_name_that_is_not_utf8_does_not_break_the_report(tmp_path):
    import os

    inputs = tmp_path / "plans"
    inputs.mkdir()
    try:
        odd = inputs / os.fsdecode(b"k\xe9-hoach.txt")  # a Latin-1 name from an old archive
        odd.write_text(PLAN_TEXT, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("file system refuses names that are not UTF-8")
    (inputs / "empty.txt").write_bytes(b"")
    proc = _run(inputs, "-o", tmp_path / "out")
    assert proc.returncode == 1
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    s = report["summary"]
    assert (s["files"], s["ok"] + s["not_a_plan"], s["failed"]) == (2, 1, 1)
    assert any(f["source"].endswith("k\ufffd-hoach.txt") and f["status"] != "failed" for f in report["files"])


def test_text_that_is_no_plan_is_processed_with_a_status_saying_so(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ghi-chu.txt").write_text(
        "Danh sách đi chợ: rau, cá, gạo.\n- Phấn đấu tiết kiệm trên 70% tiền chợ trong tháng 12/2025.\n", encoding="utf-8")

    proc = _run(tmp_path / "in", "-o", tmp_path / "out")

    assert proc.returncode == 0, proc.stderr  # not a failure
    assert "1 not a plan" in proc.stdout
    out = json.loads((tmp_path / "out" / "ghi-chu.json").read_text(encoding="utf-8"))
    assert out["status"] == "not_a_plan" and out["status_reason"].startswith("not a plan: ")
    assert out["targets"] == [] and out["tasks"] == []  # the percentage sentence is no target
    entry = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))["files"][0]
    assert entry["status"] == "not_a_plan" and entry["note"].startswith("not a plan: ")
