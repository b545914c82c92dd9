"""Pipeline wiring: ingest → normalize → extract → outputs, one file at a time.

Data flows one way. Each file is processed in isolation: a file that fails is
reported with a one-line reason and the batch goes on. Outputs are written
atomically, inputs are only ever read.
"""

from __future__ import annotations

import datetime as dt
import time
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from vnplan import incremental
from vnplan.discovery import SKIP_NAMES, discover  # noqa: F401  (re-exported: vnplan.pipeline.discover)
from vnplan.io import map_leaves, write_atomic, write_json
from vnplan.results import FileResult
from vnplan.versions import SCHEMA_VERSION

if TYPE_CHECKING:  # the schema (pydantic) is loaded by the processes that read files, not by a -j N parent
    from vnplan.schema import Extraction



def process(path: Path, **options) -> tuple[Extraction, str, list[str]]:
    """Run one file through every stage; returns (extraction, normalized text, warnings)."""
    from extract import extract_document
    from ingest import ingest_file
    from normalize import normalize_document

    ingested = ingest_file(path, **options.get("ingest", {}))
    ndoc = normalize_document(ingested, **options.get("normalize", {}))
    extraction = extract_document(ndoc, **options.get("extract", {}))
    warnings = list(dict.fromkeys(ingested.warnings + ndoc.warnings + extraction.document.warnings))
    return extraction, ndoc.text, warnings


def _printable(text: str) -> str:
    """A file name that was not valid UTF-8 (kept as surrogates by Python) with U+FFFD instead."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _printable_leaf(value):
    return _printable(value) if isinstance(value, str) else value


def _output_stem(path: Path, used: set[str]) -> str:
    stem = _printable(path.stem)
    if stem in used:
        import hashlib

        stem = f"{stem}-{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"
    used.add(stem)
    return stem


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


class FileTimeLimit(BaseException):
    """A file took longer than ``--max-seconds`` (a BaseException: no stage may swallow it)."""


class _time_limit:
    """Raise FileTimeLimit in this (main) thread after ``seconds`` (SIGALRM); no limit when
    ``seconds`` is falsy or off the main thread. Python code is stopped where it runs; a
    long call inside a C library is stopped when it returns."""

    def __init__(self, seconds: Optional[float]):
        import threading

        self.seconds = seconds if seconds and threading.current_thread() is threading.main_thread() else None

    def __enter__(self):
        import signal

        self.expired = False
        if self.seconds:
            def on_alarm(signum, frame):
                self.expired = True
                raise self._over()

            self.previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        import signal

        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            if self.expired and exc[0] is None:
                # the alarm came while a finalizer ran (a weakref callback, a __del__), where Python only
                # prints an exception: the file still went over its limit
                raise self._over()
        return False

    def _over(self) -> FileTimeLimit:
        return FileTimeLimit(f"over the time limit of {self.seconds:g} s a file (--max-seconds)")


def process_one(path: Path, stem: str, out_dir: Path, options: dict) -> FileResult:
    """Process one file and write its outputs; every failure becomes a failed result."""
    from ingest.model import IngestError

    t0 = time.perf_counter()
    options = dict(options)
    max_seconds = options.pop("max_seconds", None)
    options.pop("max_memory_mb", None)  # watched from outside, by the parent of the worker (vnplan/workers.py)
    try:
        if path.resolve() in {(out_dir / f"{stem}{ext}").resolve() for ext in (".txt", ".json")}:
            raise IngestError("its output would overwrite the input file: choose another output folder")
        with _time_limit(max_seconds):
            extraction, text, warnings = process(path, **options)
        write_atomic(out_dir / f"{stem}.txt", text)
        write_atomic(out_dir / f"{stem}.json", extraction.to_json())  # keys in schema order
        note = extraction.status_reason
        if extraction.errors:
            note = "; ".join(f"{e.stage}: {e.error}" for e in extraction.errors)
        res = FileResult(
            str(path),
            extraction.status,
            note=note,
            method=extraction.document.ingest.method,
            output=str(out_dir / f"{stem}.json"),
            warnings=warnings,
            counts={k: len(getattr(extraction, k)) for k in ("targets", "tasks", "scoring_criteria", "awards")},
        )
    except (IngestError, FileTimeLimit) as exc:
        res = FileResult(str(path), "failed", error=f"{path}: {exc}")
    except Exception as exc:  # isolate the failure, keep the batch going
        res = FileResult(str(path), "failed", error=f"{path}: {_one_line(exc)}")
        res.warnings.append(traceback.format_exc(limit=3).strip().splitlines()[-1])
    res.seconds = round(time.perf_counter() - t0, 3)
    return res


def _warm_up() -> None:
    """Load the diacritic restorer once per worker process, before its first file."""
    try:
        from normalize.diacritics import load_model

        load_model()
    except Exception:  # the restore stage reports its own failures per file
        pass


def _stop_on_term():
    """SIGTERM stops a run the way Ctrl+C does (KeyboardInterrupt): the pool and its workers
    are stopped and the report of what finished is written. Returns the previous handler."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def on_term(signum, frame):
        raise KeyboardInterrupt("stopped by SIGTERM")

    try:
        return signal.signal(signal.SIGTERM, on_term)
    except (ValueError, OSError):
        return None


def _restore_term(previous) -> None:
    import signal

    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass


def _die_with_parent() -> None:
    """Linux: this worker gets SIGKILL when the process that started it dies (the fork
    server, which exits with ``vnplan run``), so a killed run leaves no worker behind."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _watch_run(run_pid: int, every: float = 1.0) -> None:
    """End this worker when ``vnplan run`` (``run_pid``) is gone: killed with SIGKILL, it
    cannot stop its pool, and a worker waiting on its queue would wait for ever."""
    import os
    import threading

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="vnplan-run-watch", daemon=True).start()


def _worker_start(run_pid: int) -> None:
    import signal

    _die_with_parent()
    _watch_run(run_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle: it stops the pool
    _warm_up()


def _run_parallel(jobs_list, out_dir: Path, options: dict, jobs: int, on_progress,
                  results_out: list[FileResult]) -> None:
    """``jobs`` supervised worker processes (vnplan/workers.py): a file that hangs, eats
    memory or kills its worker fails alone, and a new worker takes the next file."""
    import multiprocessing as mp
    import os

    from vnplan.workers import run_supervised

    try:  # build the model once here if it is missing, so workers only read it from the cache
        from normalize.diacritics.model import ensure_built

        ensure_built()
    except Exception:  # the restore stage reports its own failures per file
        pass
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    if ctx.get_start_method() == "forkserver":
        # the fork server loads the restorer once; every worker forked from it shares that copy
        # (vnplan/preload.py freezes it out of the garbage collector's reach, so pages stay shared)
        ctx.set_forkserver_preload(["vnplan.preload"])
    options = dict(options)
    max_memory_mb = options.pop("max_memory_mb", None)
    results: dict[int, FileResult] = {}

    def on_result(i: int, path: Path, res: FileResult) -> None:
        results[i] = res
        if on_progress:
            on_progress(path, res)

    try:
        run_supervised(jobs_list, out_dir, options, jobs, on_result, ctx, os.getpid(), max_memory_mb=max_memory_mb)
    finally:
        results_out.extend(results[i] for i in sorted(results))


def run_batch(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    on_progress: Optional[Callable[[Path, FileResult], None]] = None,
    on_start: Optional[Callable[[int], None]] = None,
    jobs: int = 1,
    **options,
) -> dict:
    """Process every input file, write outputs and ``run-report.json``; return the report.

    ``jobs`` > 1 processes files in that many worker processes (OCR'd scans dominate a
    batch's time, and tesseract runs one page per process); the report keeps input order.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.timezone.utc)
    files, results = discover(paths, exclude=out_dir)
    missing_before = list(results)
    if on_start:
        on_start(len(files))
    used: set[str] = set()
    jobs_list = [(path, _output_stem(path, used)) for path in files]
    # incremental: a file whose bytes and whose vnplan are unchanged keeps its outputs (--force redoes it)
    force = bool(options.pop("force", False))
    fp = incremental.fingerprint()
    state = {} if force else incremental.load_state(out_dir)
    shas = {stem: incremental.file_sha256(path) for path, stem in jobs_list}
    order = {str(path): i for i, (path, _stem) in enumerate(jobs_list)}
    done: list[FileResult] = []
    todo = []
    for path, stem in jobs_list:
        old = incremental.reusable(state, path, stem, out_dir, shas[stem], fp)
        if old is not None:
            done.append(old)
            if on_progress:
                on_progress(path, old)
        else:
            todo.append((path, stem))
    interrupted = None
    previous = _stop_on_term()
    scheduler = options.pop("dask", None)  # "local" or a scheduler address (vnplan/dask_runner.py)
    try:
        if scheduler and todo:
            from vnplan.dask_runner import run_dask

            run_dask(todo, out_dir, options, jobs, on_progress, done, scheduler)
        elif jobs > 1 and len(todo) > 1:
            _run_parallel(todo, out_dir, options, min(jobs, len(todo)), on_progress, done)
        else:
            for path, stem in todo:
                res = process_one(path, stem, out_dir, options)
                done.append(res)
                if on_progress:
                    on_progress(path, res)
    except KeyboardInterrupt as exc:  # SIGINT, or SIGTERM (see _stop_on_term): report what finished
        interrupted = str(exc) or "interrupted"
    finally:
        _restore_term(previous)
        stem_of = {str(path): stem for path, stem in jobs_list}
        for res in done:
            incremental.record(state, stem_of.get(res.source, ""), shas.get(stem_of.get(res.source, "")), fp, res)
        try:
            incremental.save_state(out_dir, state)
        except (OSError, ValueError):
            pass  # only a shortcut for the next run
    results.extend(sorted(done, key=lambda r: order.get(r.source, 0)))
    report = {
        "schema_version": SCHEMA_VERSION,
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "output_dir": str(out_dir),
        "summary": {
            "files": len(results),
            "ok": sum(r.status == "ok" for r in results),
            "partial": sum(r.status == "partial" for r in results),
            "not_a_plan": sum(r.status == "not_a_plan" for r in results),
            "failed": sum(r.status == "failed" for r in results),
            "reused": sum(r.reused for r in results),
        },
        "files": [asdict(r) for r in results],
    }
    if interrupted:
        report["interrupted"] = f"{interrupted}: {len(results) - len(missing_before)} of {len(jobs_list)} files done"
    write_json(out_dir / "run-report.json", map_leaves(report, _printable_leaf))  # odd file names must not lose the report
    if interrupted:
        raise KeyboardInterrupt(report["interrupted"])
    return report
