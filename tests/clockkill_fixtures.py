"""Clock processes that start in a fraction of a second, for the twenty-kills test.

Starting `flask --app app clock` costs about three seconds of imports; twenty kills on two cores
would spend most of the test starting processes. So a forker process imports Herald once and then
forks each clock: every clock is still its own OS process running the real `flask clock` command
(`flask.cli` with `--app app clock`), SIGKILLed like any other. Run as
`python -m tests.clockkill_fixtures`; each line on its stdin is a log path, and it answers with
the new clock's pid. Children are reaped by the kernel (SIGCHLD ignored), so a killed clock's
pid disappears at once.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _preload() -> None:
    """Import what a clock imports (no connections, no threads), so a fork starts warm."""
    import flask.cli  # noqa: F401
    import app  # noqa: F401
    import bot.routes  # noqa: F401
    import cli  # noqa: F401
    import digests.clock  # noqa: F401


def _run_clock_child(log_path: str) -> None:
    """In the forked child: log to `log_path` and run the real `flask --app app clock` command."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    from flask.cli import cli
    try:
        cli.main(args=["--app", "app", "clock"], prog_name="flask")
    finally:
        os._exit(0)


def serve() -> None:
    """Fork one clock per log path read from stdin; answer each with the child's pid."""
    _preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    print("ready", flush=True)
    for line in iter(sys.stdin.readline, ""):
        pid = os.fork()
        if pid == 0:
            _run_clock_child(line.strip())
        print(pid, flush=True)


class ClockForker:
    """The test's handle on the forker: `start(log)` gives a clock pid; `kill`, `stop`, `alive`."""

    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.clockkill_fixtures"], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def start(self, log: Path) -> int:
        self.process.stdin.write(f"{log}\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    @staticmethod
    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True

    def signal_and_wait(self, pid: int, signum: int, seconds: float = 15) -> None:
        """Send `signum` and wait until the process is gone (SIGKILL after `seconds`)."""
        if not self.alive(pid):
            return
        os.kill(pid, signum)
        deadline = time.monotonic() + seconds
        while self.alive(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


if __name__ == "__main__":
    serve()
