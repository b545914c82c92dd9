"""HTTP routes of the review app (FastAPI): two static pages and a small JSON API.

Pages: ``/`` (documents with their figures against the gold) and ``/doc/<stem>`` (text,
highlights, items, diff). API, all JSON:

- ``GET  /api/documents``                      documents, counts, F1 per type, unsaved changes
- ``GET  /api/documents/{stem}``               text, segments, rows, figures, field specs
- ``POST /api/documents/{stem}/accept|edit|delete|add|save|discard|undo``
- ``POST /api/documents/{stem}/reviewed``      mark an item reviewed (or not): {key, reviewed}

Refused input answers 422 ``{"detail": "one line", "errors": {field: message}}``; the page
shows both. Every answer to an action carries the new document state, so the page never
has to guess what changed.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from fastapi import Body, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from vnplan.review import actions
from vnplan.review.fields import FIELD_SPECS, TYPE_LABELS, FormError
from vnplan.review.progress import ReviewedState
from vnplan.review.rows import ITEM_TYPES, build_rows, segments
from vnplan.review.store import BadGold, Conflict, GoldStore

STATIC = Path(__file__).with_name("static")
MAX_BODY_BYTES = 1_000_000  # one item's fields; a plan's longest task is a few kB


def _refuse(status: int, detail: str, errors: Optional[dict] = None) -> JSONResponse:
    return JSONResponse({"detail": detail, "errors": errors or {}}, status_code=status)


def create_app(out_dir: Path | str, gold_dir: Path | str, reviewer: str = "reviewer",
               allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """The review app over predictions in ``out_dir`` and gold files in ``gold_dir``.

    ``allowed_hosts`` (e.g. ``["127.0.0.1", "localhost"]``) refuses requests naming another
    host (DNS rebinding); changes from a page of another origin are always refused.
    """
    store = GoldStore(out_dir, gold_dir, reviewer)
    marks = ReviewedState(gold_dir, store._folder_lock)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        # stopping (Ctrl+C): unsaved changes are kept in gold/.drafts/ and taken up at the next start
        kept = store.keep_drafts()
        if kept:
            print(f"vnplan review: unsaved changes of {len(kept)} document(s) kept in {store.gold_dir / '.drafts'}; "
                  f"they are taken up again at the next start", file=sys.stderr)

    app = FastAPI(title="vnplan review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.store = store
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def size_limit(request: Request, call_next):
        if request.method not in ("GET", "HEAD"):
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                return _refuse(411, "a change must say its size (Content-Length)")
            if int(length) > MAX_BODY_BYTES:
                return _refuse(413, f"request of {int(length):,} bytes refused: the limit is {MAX_BODY_BYTES:,}")
        return await call_next(request)

    @app.middleware("http")
    async def same_origin_only(request: Request, call_next):
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD") and origin and urlsplit(origin).netloc != request.headers.get("host"):
            return _refuse(403, f"changes are accepted only from the review page itself, not from {origin}")
        return await call_next(request)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def need(stem: str) -> None:
        if not store.has(stem):
            raise HTTPException(404, f"no document {stem!r} in {store.out_dir}")

    def state(stem: str, focus: Optional[str] = None, message: str = "") -> dict:
        d = store.draft(stem)
        text = store.text(stem)
        rows, summary = build_rows(d.gold, store.pred(stem), text, d.rejected)
        reviewed = marks.keys(stem)
        for r in rows:
            r["reviewed"] = r["key"] in reviewed
        return {
            "stem": stem, "reviewer": store.reviewer, "text": text, "rows": rows, "summary": summary,
            "progress": marks.progress(stem, [r["key"] for r in rows]),
            "segments": segments(text, rows), "has_gold_file": store.has_gold_file(stem),
            "gold_path": str(store.gold_path(stem)), "unsaved": len(d.changes), "focus": focus, "message": message,
        }

    @app.get("/", include_in_schema=False)
    def index_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/doc/{stem}", include_in_schema=False)
    def doc_page(stem: str) -> FileResponse:
        need(stem)
        return FileResponse(STATIC / "doc.html")

    @app.get("/api/documents")
    def list_documents() -> dict:
        docs = []
        with store.lock:
            for stem in store.stems():
                try:
                    d = store.draft(stem)
                except BadGold as exc:
                    docs.append({"stem": stem, "has_gold_file": True, "unsaved": 0, "summary": None, "error": str(exc)})
                    continue
                rows, summary = build_rows(d.gold, store.pred(stem), store.text(stem), d.rejected)
                docs.append({"stem": stem, "has_gold_file": store.has_gold_file(stem), "unsaved": len(d.changes),
                             "summary": summary, "error": None,
                             "progress": marks.progress(stem, [r["key"] for r in rows])})
        return {"documents": docs, "reviewer": store.reviewer, "out_dir": str(store.out_dir), "gold_dir": str(store.gold_dir)}

    @app.get("/api/documents/{stem}")
    def get_document(stem: str) -> dict:
        need(stem)
        with store.lock:
            return {**state(stem), "fields": FIELD_SPECS, "type_labels": TYPE_LABELS, "types": list(ITEM_TYPES)}

    def act(stem: str, fn, *args, message: str = "") -> Any:
        need(stem)
        with store.lock:
            store.checkpoint(stem)
            try:
                focus = fn(store, stem, *args)
            except FormError as exc:
                store.undo(stem)  # nothing changed: drop the checkpoint with it
                return _refuse(422, "Not saved: " + str(exc), exc.errors)
            except actions.ActionError as exc:
                store.undo(stem)
                return _refuse(422, str(exc))
            return state(stem, focus, message)

    @app.post("/api/documents/{stem}/undo")
    def undo(stem: str) -> Any:
        need(stem)
        with store.lock:
            done = store.undo(stem)
            return state(stem, None, "Last change taken back." if done else "Nothing to undo.")

    @app.post("/api/documents/{stem}/reviewed")
    def reviewed(stem: str, key: str = Body(...), reviewed: bool = Body(True)) -> Any:
        need(stem)
        with store.lock:
            if key not in {r["key"] for r in state(stem)["rows"]}:
                return _refuse(422, f"no item {key!r} in {stem}")
            try:
                marks.mark(stem, key, reviewed)
            except OSError as exc:
                return _refuse(500, f"could not write {marks.path}: {exc.strerror or exc}")
            return state(stem, key, "Marked reviewed." if reviewed else "Marked not reviewed.")

    @app.post("/api/documents/{stem}/accept")
    def accept(stem: str, key: str = Body(..., embed=True)) -> Any:
        return act(stem, actions.accept, key, message="Accepted into the working gold.")

    @app.post("/api/documents/{stem}/edit")
    def edit(stem: str, key: str = Body(...), fields: dict[str, Any] = Body(...)) -> Any:
        return act(stem, actions.edit, key, fields, message="Edited in the working gold.")

    @app.post("/api/documents/{stem}/delete")
    def delete(stem: str, key: str = Body(..., embed=True)) -> Any:
        return act(stem, actions.delete, key, message="Deleted (or rejected).")

    @app.post("/api/documents/{stem}/add")
    def add(stem: str, type: str = Body(...), span: list[int] = Body(...), fields: dict[str, Any] = Body(default_factory=dict)) -> Any:
        return act(stem, actions.add, type, span, fields, message="Added to the working gold.")

    @app.post("/api/documents/{stem}/save")
    def save(stem: str) -> Any:
        need(stem)
        with store.lock:
            try:
                res = store.save(stem)
            except Conflict as exc:
                return _refuse(409, str(exc))
            except OSError as exc:
                return _refuse(500, f"could not write {store.gold_path(stem)}: {exc.strerror or exc}")
            msg = f"Saved {res['changes']} change(s) to {res['path']}." if res["saved"] else "Nothing to save."
            return {**state(stem, None, msg), "save": res}

    @app.post("/api/documents/{stem}/discard")
    def discard(stem: str) -> Any:
        need(stem)
        with store.lock:
            store.discard(stem)
            return state(stem, None, "Unsaved changes discarded; gold reloaded from disk.")

    @app.exception_handler(BadGold)
    def bad_gold(request, exc: BadGold) -> JSONResponse:
        return _refuse(500, str(exc))

    @app.exception_handler(HTTPException)
    def http_error(request, exc: HTTPException) -> JSONResponse:
        return _refuse(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    def bad_request(request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors()]
        return _refuse(422, "bad request: " + "; ".join(parts))

    return app
