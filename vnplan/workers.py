"""Supervised worker processes for ``vnplan run -j N``: a file that hangs or eats memory
costs that file, not the batch.

A process pool of the standard library cannot do this: one worker that dies (killed by
the kernel for memory, or by us) breaks the whole pool and every file still queued
fails with it, and a call hung inside a C library (a regular expression, a PDF parser)
never returns, so the in-process time limit (SIGALRM, ``pipeline._time_limit``) cannot
stop it. Here the parent hands one file at a time to each worker over a pipe and
watches them:

- a worker still busy ``grace`` seconds after the file's time limit is killed, the file
  fails with "hung: killed after N s", and a new worker takes its place;
- a worker whose resident memory grows by more than ``max_memory_mb`` while it reads one
  file is killed, the file fails with "over the memory limit", and it is replaced;
- a worker that dies on its own (out of memory, a crash in a C library) is replaced and
  its file tried once more (the worker may have died of the file before it); a file that
  kills a second worker fails;
- on Ctrl+C or SIGTERM every worker is ended and nothing is left running.

Workers are forked from a fork server that has loaded the restorer once (vnplan/preload.py).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Optional

from vnplan.procs import rss_kib

GRACE_SECONDS = 10.0  # after the in-process time limit, before a worker counts as hung
POLL_SECONDS = 0.25


def _serve(conn, run_pid: int) -> None:
    """A worker: read (path, stem, out_dir, options), write back a FileResult, until None."""
    from vnplan.pipeline import _worker_start, process_one

    _worker_start(run_pid)
    trim = _malloc_trim()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(process_one(*job))
        trim()  # give the file's freed memory back, so that two workers' high-water marks do not add up


def _malloc_trim():
    """glibc's ``malloc_trim(0)``: return freed heap pages to the system (a no-op elsewhere)."""
    import gc

    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return lambda: (gc.collect(), libc.malloc_trim(0))
    except (OSError, AttributeError):
        return lambda: None


class _Worker:
    def __init__(self, ctx, run_pid: int, serve=_serve):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=serve, args=(child, run_pid), daemon=True)
        self.proc.start()
        child.close()
        self.job: Optional[tuple[int, Path]] = None  # (index, path) of the file it reads
        self.started = 0.0
        self.base_kib = 0

    def give(self, index: int, path: Path, payload: tuple) -> None:
        self.base_kib = rss_kib(self.proc.pid)
        self.job, self.started = (index, path), time.monotonic()
        self.conn.send(payload)

    def end(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


def _death(w: _Worker) -> str:
    """Why a worker is gone: "worker died (killed by signal 9), perhaps out of memory"."""
    w.proc.join(timeout=2)
    code = w.proc.exitcode
    why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"worker died ({why}), perhaps out of memory"


def run_supervised(jobs_list, out_dir: Path, options: dict, jobs: int, on_result: Callable[[int, Path, object], None],
                   ctx, run_pid: int, max_memory_mb: Optional[float] = None, grace: float = GRACE_SECONDS,
                   serve=_serve) -> None:
    """Process ``jobs_list`` [(path, stem)] in ``jobs`` supervised workers; ``on_result(i, path, result)``
    is called once per file, in the order files finish. ``serve`` is the workers' loop (``_serve``;
    the fault tests give one that hangs, dies or eats memory on purpose)."""
    from multiprocessing.connection import wait

    from vnplan.pipeline import FileResult

    max_seconds = options.get("max_seconds")
    pending = list(enumerate(jobs_list))[::-1]
    workers: list[_Worker] = []

    retried: set[int] = set()

    def fail(w: _Worker, why: str, kill: bool, retry: bool = False) -> None:
        i, path = w.job
        w.end(kill=kill)
        workers.remove(w)
        if retry and i not in retried:  # a worker that died may have died of the file before: one more try
            retried.add(i)
            pending.append((i, jobs_list[i]))
        else:
            on_result(i, path, FileResult(str(path), "failed", error=f"{path}: {why}",
                                          seconds=round(time.monotonic() - w.started, 3)))
        if pending:
            workers.append(_Worker(ctx, run_pid, serve))  # a new worker takes its place

    try:
        workers.extend(_Worker(ctx, run_pid, serve) for _ in range(min(jobs, len(pending))))
        while True:
            for k, w in enumerate(workers):
                if w.job is None and pending:
                    if not w.proc.is_alive():  # died idle (after its last result): a new one, the file waits for it
                        w.end(kill=True)
                        w = workers[k] = _Worker(ctx, run_pid, serve)
                    i, (path, stem) = pending.pop()
                    try:
                        w.give(i, path, (path, stem, out_dir, options))
                    except OSError:  # the pipe broke as the file was handed over: the file goes back to the queue
                        pending.append((i, (path, stem)))
                        w.job = None
                        w.end(kill=True)
                        workers[k] = _Worker(ctx, run_pid, serve)
            busy = [w for w in workers if w.job is not None]
            if not busy:
                if pending:
                    continue  # a hand-over failed and its worker was replaced: the files wait for the new one
                break
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=POLL_SECONDS)
            now = time.monotonic()
            for w in busy:
                if w.conn in ready or w.conn.poll():  # a result that came in meanwhile is taken before any kill
                    try:
                        res = w.conn.recv()
                    except (EOFError, OSError):
                        fail(w, _death(w), kill=True, retry=True)
                        continue
                    i, path = w.job
                    w.job = None
                    on_result(i, path, res)
                elif w.proc.sentinel in ready or not w.proc.is_alive():
                    fail(w, _death(w), kill=True, retry=True)
                elif max_seconds and now - w.started > max_seconds + grace:
                    fail(w, f"hung: killed after {now - w.started:.0f} s (--max-seconds {max_seconds:g})", kill=True)
                elif max_memory_mb and rss_kib(w.proc.pid) - w.base_kib > max_memory_mb * 1024:
                    fail(w, f"over the memory limit of {max_memory_mb:g} MB a file (--max-memory-mb)", kill=True)
    except BaseException:
        # stopped (Ctrl+C, SIGTERM): no new file starts, the running ones are ended, nothing is left
        for w in workers:
            w.proc.terminate()
        for w in workers:
            w.end(kill=False)
        raise
    for w in workers:
        w.end()
