"""``vnplan run --dask local`` and ``--scheduler tcp://host:8786``: each file one Dask task.

A task carries the file's bytes and name, so workers on other machines need no shared
folder; the worker reads the file as ``vnplan run`` would (ingest, normalize, extract, each
failure isolated) and returns the outputs' text; the client writes them atomically, one
report line per file, exactly as with the process pool. ``--dask local`` starts a
``distributed.LocalCluster`` on loopback (one single-threaded worker process per job).
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from vnplan.io import write_atomic
from vnplan.results import FileResult


def process_bytes(name: str, data: bytes, options: dict, shown_as: str) -> dict:
    """Run on a worker: ``vnplan.pipeline.process_one`` on a temporary copy of the file, its
    result line (naming the client's file ``shown_as``) and, unless it failed, its outputs' text."""
    import tempfile

    from vnplan.pipeline import process_one

    with tempfile.TemporaryDirectory(prefix="vnplan-dask-") as tmp:
        path = Path(tmp) / "in" / Path(name).name
        path.parent.mkdir()
        out = Path(tmp) / "out"
        out.mkdir()
        path.write_bytes(data)
        res = process_one(path, path.stem, out, options)
        got = {"result": asdict(res)}
        if res.status != "failed":
            got["json"] = (out / f"{path.stem}.json").read_text(encoding="utf-8")
            got["text"] = (out / f"{path.stem}.txt").read_text(encoding="utf-8")
        if res.error:
            got["result"]["error"] = res.error.replace(str(path), shown_as)
    return got


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
            fut = client.submit(process_bytes, path.name, data, options, str(path), pure=False,
                                key=f"vnplan-{stem}-{time.time_ns()}")
            futures[fut] = (path, stem)
        for fut in as_completed(futures):
            path, stem = futures[fut]
            try:
                got = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker lost with the task: the file failed
                from vnplan.pipeline import _one_line

                got = {"result": asdict(FileResult(str(path), "failed", error=f"{path}: worker failed: {_one_line(exc)}"))}
            res = FileResult(**got["result"])
            res.source = str(path)
            if res.status != "failed":
                write_atomic(out_dir / f"{stem}.txt", got["text"])
                write_atomic(out_dir / f"{stem}.json", _source_of(got["json"], path))
                res.output = str(out_dir / f"{stem}.json")
            results_out.append(res)
            if on_progress:
                on_progress(path, res)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
