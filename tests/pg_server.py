"""A throwaway PostgreSQL server on loopback, for the database tests and the benchmark.

It installs nothing: it uses the server binaries of the Debian/Ubuntu ``postgresql``
package (``/usr/lib/postgresql/<version>/bin``, installed by scripts/setup.sh), runs
``initdb`` into a temporary folder (as the ``postgres`` user when we are root, since
initdb refuses root), starts it on a free port on 127.0.0.1 with its socket in that
folder, and removes everything on stop. Tests that need it use the ``pg_url`` fixture
(a fresh database per test); where no server can start they are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional

import pytest


class ServerUnavailable(Exception):
    """Why a PostgreSQL server could not be started here (one line)."""


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerUnavailable("no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """``with PostgresServer() as pg: pg.url`` → ``postgresql://postgres@127.0.0.1:PORT/postgres``."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root: Optional[Path] = None
        self.port: Optional[int] = None
        self._prefix: list[str] = []

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        """Run a server binary, as the ``postgres`` user when we are root."""
        cmd = list(args)
        if self._prefix and self._prefix[0] == "su":  # su -c takes one shell string
            cmd = self._prefix + [" ".join(shlex.quote(a) for a in args)]
        elif self._prefix:
            cmd = self._prefix + cmd
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.root or "/")

    def start(self) -> "PostgresServer":
        # /tmp: reachable by the postgres user, and short enough for a unix socket path
        base = "/tmp" if os.access("/tmp", os.W_OK) else None
        self.root = Path(tempfile.mkdtemp(prefix="vnplan-pg-", dir=base))
        if os.geteuid() == 0:
            runner = shutil.which("runuser")
            try:
                import pwd

                pw = pwd.getpwnam("postgres")
            except KeyError:
                self.stop()
                raise ServerUnavailable("running as root and there is no `postgres` user to run initdb as")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._prefix = [runner, "-u", "postgres", "--"] if runner else ["su", "postgres", "-s", "/bin/sh", "-c"]
        data = self.root / "data"
        res = self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
        if res.returncode != 0:
            self.stop()
            raise ServerUnavailable(f"initdb failed: {_last_line(res)}")
        for _ in range(3):  # the free port can be taken between picking and binding
            self.port = _free_port()
            opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=40 -c shared_buffers=32MB"
            res = self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"), "-o", opts, "-w", "-t", "30", "start")
            if res.returncode == 0:
                return self
        log = (self.root / "server.log").read_text(errors="replace") if (self.root / "server.log").exists() else ""
        self.stop()
        raise ServerUnavailable(f"pg_ctl start failed: {log.strip().splitlines()[-1] if log.strip() else _last_line(res)}")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self, name: Optional[str] = None) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.root is None:
            return
        if (self.root / "data" / "postmaster.pid").exists():
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", timeout=30)
            except subprocess.TimeoutExpired:
                pass
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> "PostgresServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _last_line(res: subprocess.CompletedProcess) -> str:
    text = (res.stderr or res.stdout or "").strip()
    return text.splitlines()[-1] if text else f"exit status {res.returncode}"


@pytest.fixture(scope="session")
def pg_server():
    """One server for the whole test session; skipped (with the reason) where none can start."""
    try:
        server = PostgresServer().start()
    except ServerUnavailable as exc:
        pytest.skip(f"PostgreSQL server cannot start here: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """URL of a fresh, empty database on the session's server."""
    return pg_server.create_database()
