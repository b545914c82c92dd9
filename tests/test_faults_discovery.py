"""Discovery never raises: a folder with a symbolic-link loop, a dangling link or a folder
that cannot be read still gives every readable file, and each bad path is one failed line
in the run report (issue 14, item 1)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from vnplan.pipeline import discover

PLAN = "KẾ HOẠCH\nSố: 12/KH-UBND\nI. MỤC TIÊU\n1. Phấn đấu đạt 90% hồ sơ trực tuyến trong năm 2026.\n"


def make_tree(root: Path) -> Path:
    (root / "a").mkdir(parents=True)
    (root / "a" / "plan1.txt").write_text(PLAN, encoding="utf-8")
    (root / "b").mkdir()
    (root / "b" / "plan2.txt").write_text(PLAN, encoding="utf-8")
    os.symlink(root, root / "a" / "loop")  # a link back to the top: a loop
    os.symlink(root / "nowhere.txt", root / "b" / "dangling.txt")  # a link to nothing
    return root


def test_a_link_loop_and_a_dangling_link_are_failed_results_not_exceptions(tmp_path):
    root = make_tree(tmp_path / "in")
    files, failed = discover([root])
    assert sorted(f.name for f in files) == ["plan1.txt", "plan2.txt"]
    reasons = {Path(r.source).name: r.error for r in failed}
    assert "loop" in reasons["loop"] and "dangling.txt" in reasons
    assert "broken symbolic link" in reasons["dangling.txt"]


def test_a_looping_path_on_the_command_line_says_loop_not_missing(tmp_path):
    os.symlink(tmp_path / "l2", tmp_path / "l1")
    os.symlink(tmp_path / "l1", tmp_path / "l2")
    files, failed = discover([tmp_path / "l1"])
    assert files == [] and "symbolic link loop" in failed[0].error


def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    root = make_tree(tmp_path / "in")
    real_scandir = os.scandir

    def scandir(path):  # as for a user without the right to list "b" (root may list anything)
        if Path(path).name == "b":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, failed = discover([root])
    assert [f.name for f in files] == ["plan1.txt"]
    assert any(r.source.endswith("/b") and "permission denied" in r.error for r in failed)


def test_run_goes_on_reports_each_bad_path_and_exits_1(tmp_path):
    root = make_tree(tmp_path / "in")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "run", str(root), "-o", str(out), "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    status = {Path(f["source"]).name: f["status"] for f in report["files"]}
    assert status["plan1.txt"] != "failed" and status["plan2.txt"] != "failed"
    assert status["loop"] == "failed" and status["dangling.txt"] == "failed"
    assert "Traceback" not in proc.stderr
    assert sum("loop" in line or "dangling" in line for line in proc.stderr.splitlines()) >= 2


def test_an_output_path_that_is_a_file_or_an_input_folder_is_refused_in_one_line(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for out in (tmp_path / "afile", root):
        proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "run", str(root), "-o", str(out), "--no-progress"],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and str(out) in proc.stderr
    assert sorted(p.name for p in root.iterdir()) == ["plan.txt"]  # nothing written among the inputs
