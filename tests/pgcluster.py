"""A throwaway PostgreSQL cluster for the test suite, started with the server binaries on PATH."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PgCluster:
    datadir: Path
    port: int
    socket_dir: Path

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        _run(["pg_ctl", "-D", str(self.datadir), "-m", "immediate", "stop"], check=False)
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def _run(args: list[str], check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: run the server as the unprivileged `nobody`.
        args = ["runuser", "-u", _pg_user(), "--", *args]
    return subprocess.run(args, check=check, capture_output=True, text=True, env=env)


def _pg_user() -> str:
    return os.environ.get("HERALD_TEST_PG_USER", "nobody")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binaries_present() -> bool:
    return shutil.which("initdb") is not None and shutil.which("pg_ctl") is not None


def start_cluster() -> PgCluster:
    """initdb a fresh cluster in a temporary folder and start it on a free loopback port."""
    root = Path(tempfile.mkdtemp(prefix="herald-pg-"))
    datadir, sockdir = root / "data", root / "sock"
    sockdir.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, user=_pg_user())
        shutil.chown(sockdir, user=_pg_user())
        os.chmod(root, 0o755)
    _run(["initdb", "-D", str(datadir), "-U", "postgres", "--auth=trust", "-E", "UTF8",
          "--no-sync", "--locale=C"])
    port = _free_port()
    opts = (f"-p {port} -k {sockdir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300")
    _run(["pg_ctl", "-D", str(datadir), "-o", opts, "-w", "-t", "60", "-l", str(root / "log"), "start"])
    return PgCluster(datadir=datadir, port=port, socket_dir=sockdir)
