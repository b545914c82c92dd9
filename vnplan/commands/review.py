"""``vnplan review``: serve the review app (vnplan/review) on the local machine.

Only option parsing lives here; the app is built by ``vnplan.review.create_app`` and run
with uvicorn, bound to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Optional

import typer


def _default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers)
        return "reviewer"


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        out: Path = typer.Argument(..., help="Output folder of `vnplan run` (<stem>.json and <stem>.txt)."),
        gold: Path = typer.Option(Path("gold"), "--gold", help="Gold folder: gold/<stem>.json is written here, with audit.jsonl and .history/."),
        port: int = typer.Option(8765, "--port", help="Port to listen on (0: any free port)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; keep the default so only this machine can reach it."),
        reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Name written to the audit log (default: your login name)."),
        allow_host: Optional[list[str]] = typer.Option(None, "--allow-host", help="A host name the page may be opened "
                                                       "under besides this machine's loopback (repeatable), e.g. with --host 0.0.0.0."),
    ) -> None:
        """Review and correct extractions in the browser; saving writes the gold set (with history and an audit log)."""
        import socket

        import uvicorn

        from vnplan.review import create_app

        if not out.is_dir():
            typer.echo(f"error: output folder not found: {out}", err=True)
            raise typer.Exit(1)
        if gold.exists() and not gold.is_dir():
            typer.echo(f"error: --gold is not a folder: {gold}", err=True)
            raise typer.Exit(1)
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"warning: binding {host}: anyone who can reach it can change the gold set", err=True)
        if port == 0:
            with socket.socket() as s:
                s.bind((host, 0))
                port = s.getsockname()[1]
        loopback = ["127.0.0.1", "localhost", "::1", "[::1]"]
        # the Host check is always on: loopback, the address bound (unless a wildcard) and --allow-host names
        allowed = loopback + ([host] if host not in ("0.0.0.0", "::", "") and host not in loopback else []) + list(allow_host or [])
        if host in ("0.0.0.0", "::") and not allow_host:
            typer.echo("note: only http://127.0.0.1 is accepted as the page's host; give --allow-host NAME for the "
                       "name others will use", err=True)
        web = create_app(out, gold, reviewer or _default_reviewer(), allowed_hosts=allowed)
        n = len(web.state.store.stems())
        typer.echo(f"vnplan review: {n} document(s) from {out}, gold in {gold}")
        typer.echo(f"open http://{host}:{port}/  (Ctrl+C to stop)")
        uvicorn.run(web, host=host, port=port, log_level="warning")
