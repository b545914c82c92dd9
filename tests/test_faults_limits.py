"""Per-file limits of ``vnplan run`` (issue 14, item 2): a .docx that unpacks to too much, a
text too long after reading and a file that takes too long are each one failed line, and
the files after them are processed."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fixtures_docs import corpus_lines, make_docx
from ingest import IngestError, ingest_file
from vnplan.pipeline import process_one

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "001_3d950fac20eead32.txt"


def bomb(path: Path, mb: int) -> Path:
    """A small .docx with a part that unpacks to ``mb`` MB of zeros."""
    make_docx(path, corpus_lines(5))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/padding.bin", b"\0" * (mb * 1_000_000))
    return path


def test_a_docx_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(tmp_path):
    path = bomb(tmp_path / "bomb.docx", 30)
    assert path.stat().st_size < 200_000
    try:
        ingest_file(path, max_expanded_mb=20)
        raise AssertionError("not refused")
    except IngestError as exc:
        assert re.search(r"unpacks to 3[01] MB", str(exc)) and "max_expanded_mb" in str(exc)
    assert ingest_file(path, max_expanded_mb=50).pages  # under the limit it is read


def test_a_text_too_long_after_reading_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n".join(corpus_lines(30)) * 20, encoding="utf-8")
    try:
        ingest_file(path, max_chars=10_000)
        raise AssertionError("not refused")
    except IngestError as exc:
        assert "characters after reading" in str(exc) and "max_chars" in str(exc)


def test_a_file_over_the_time_limit_fails_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    res = process_one(SEED, "slow", out, {"max_seconds": 0.01})
    assert res.status == "failed" and "time limit of 0.01 s" in res.error
    assert not (out / "slow.json").exists()
    assert process_one(SEED, "next", out, {"max_seconds": 600}).status == "ok"  # the next file goes on


def test_run_reports_each_limit_and_goes_on(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    bomb(inp / "a_bomb.docx", 30)
    shutil.copy(SEED, inp / "b_plan.txt")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "run", str(inp), "-o", str(out), "-j", "1",
                           "--no-progress", "--max-expanded-mb", "20"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "a_bomb.docx" in proc.stderr and "unpacks to" in proc.stderr
    assert (out / "b_plan.json").exists() and "Traceback" not in proc.stderr


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the finalizer's own report
def test_an_alarm_that_lands_in_a_finalizer_still_fails_the_file():
    """Python only prints an exception raised inside a finalizer: the limit must hold anyway."""
    import gc
    import time
    import weakref

    from vnplan.pipeline import FileTimeLimit, _time_limit

    class Held:
        pass

    with pytest.raises(FileTimeLimit):
        with _time_limit(0.02):
            held = Held()
            weakref.finalize(held, time.sleep, 0.2)  # the alarm comes while this runs
            del held
            gc.collect()
