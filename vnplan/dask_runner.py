"""``vnplan run --dask local`` and ``--scheduler tcp://host:8786``: each file one Dask task.

A task carries the file's bytes and name, so workers on other machines need no shared
folder; the worker reads the file as ``vnplan run`` would (ingest, normalize, extract, each
failure isolated) and returns the outputs' text; the client writes them atomically, one
report line per file, exactly as with the process pool. ``--dask local`` starts a
``distributed.LocalCluster`` on loopback (one single-threaded worker process per job).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from vnplan.io import write_atomic
from vnplan.results import FileResult


def process_bytes(name: str, data: bytes, options: dict) -> dict:
    """Run on a worker: the file's outputs as text, or its one-line error."""
    import tempfile

    from ingest.model import IngestError
    from vnplan.pipeline import FileTimeLimit, _one_line, _time_limit, process

    t0 = time.perf_counter()
    options = dict(options)
    max_seconds = options.pop("max_seconds", None)
    with tempfile.TemporaryDirectory(prefix="vnplan-dask-") as tmp:
        path = Path(tmp) / Path(name).name
        path.write_bytes(data)
        try:
            with _time_limit(max_seconds):
                extraction, text, warnings = process(path, **options)
        except (IngestError, FileTimeLimit) as exc:
            return {"error": str(exc), "seconds": time.perf_counter() - t0}
        except Exception as exc:  # noqa: BLE001 - isolate the failure, keep the batch going
            return {"error": _one_line(exc), "seconds": time.perf_counter() - t0}
    note = extraction.status_reason
    if extraction.errors:
        note = "; ".join(f"{e.stage}: {e.error}" for e in extraction.errors)
    return {"json": extraction.to_json(), "text": text, "warnings": warnings, "status": extraction.status,
            "note": note, "method": extraction.document.ingest.method, "seconds": time.perf_counter() - t0,
            "counts": {k: len(getattr(extraction, k)) for k in ("targets", "tasks", "scoring_criteria", "awards")}}


def _source_of(json_text: str, path: Path) -> str:
    """The document block names the file on the client, not the worker's temporary copy."""
    import json

    data = json.loads(json_text)
    data["document"]["source"] = str(path)
    from vnplan.schema import Extraction

    return Extraction.model_validate(data).to_json()


def run_dask(jobs_list, out_dir: Path, options: dict, jobs: int, on_progress, results_out: list[FileResult],
             scheduler: str) -> None:
    """Process ``jobs_list`` [(path, stem)] on a Dask cluster; append one result per file."""
    from distributed import Client, LocalCluster, as_completed

    cluster: Optional[LocalCluster] = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        client = Client(scheduler, timeout="30s")
    try:
        futures = {}
        for path, stem in jobs_list:
            try:
                data = path.read_bytes()
            except OSError as exc:
                res = FileResult(str(path), "failed", error=f"{path}: cannot read: {exc.strerror or exc}")
                results_out.append(res)
                if on_progress:
                    on_progress(path, res)
                continue
            fut = client.submit(process_bytes, path.name, data, options, pure=False, key=f"vnplan-{stem}-{time.time_ns()}")
            futures[fut] = (path, stem)
        for fut in as_completed(futures):
            path, stem = futures[fut]
            try:
                got = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker lost with the task: the file failed
                got = {"error": f"worker failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
            if "error" in got:
                res = FileResult(str(path), "failed", error=f"{path}: {got['error']}")
            else:
                write_atomic(out_dir / f"{stem}.txt", got["text"])
                write_atomic(out_dir / f"{stem}.json", _source_of(got["json"], path))
                res = FileResult(str(path), got["status"], note=got["note"], method=got["method"],
                                 output=str(out_dir / f"{stem}.json"), warnings=got["warnings"], counts=got["counts"])
            res.seconds = round(got.get("seconds", 0.0), 3)
            results_out.append(res)
            if on_progress:
                on_progress(path, res)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
