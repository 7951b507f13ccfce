"""The twenty-kills harness: clock processes that start in a fraction of a second, a pool of a
leader and a warm standby, and the kill points, observed from outside Herald.

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
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, text, update

from models.db import make_engine
from models.digest import ClockLease, DigestRun

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


KILLS = 20
POST_HOLD = 0.4  # seconds the fake Slack holds its answer to a post it already has
PHASES = ("starting", "claimed", "posting", "recorded")
PHASE_WAIT = 6.0


@dataclass
class KillPoint:
    """One kill, as printed for a replay: the phase chosen, the jitter, and what had happened by then."""

    number: int
    phase: str
    jitter: float
    reached: bool  # the phase was observed (False: it did not come within PHASE_WAIT, killed anyway)
    posts: int
    sent: int

    def __str__(self) -> str:
        seen = "" if self.reached else " (phase not reached)"
        return f"kill {self.number}: {self.phase}+{self.jitter:.2f}s{seen}, posts={self.posts} sent={self.sent}"


class ClockPool:
    """Clock processes on one database: a leader and a warm standby, replaced as they are killed."""

    def __init__(self, database_url: str, env: dict[str, str], logs: Path):
        self.logs = logs
        self.forker = ClockForker(env)
        self.engine = make_engine(database_url)
        self.alive: list[int] = []
        self.started = 0

    def top_up(self) -> None:
        """Start clocks until two are alive."""
        while len(self.alive) < 2:
            self.started += 1
            self.alive.append(self.forker.start(self.logs / f"clock{self.started}.log"))

    def query(self, sql, **params) -> list[tuple]:
        """Rows of a SQL string, or of a SQLAlchemy statement (typed: the same on SQLite and PostgreSQL)."""
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql) if isinstance(sql, str) else sql, params))

    def leader(self) -> tuple[int, str] | None:
        """The live clock holding an unexpired lease, and its holder name."""
        rows = self.query(select(ClockLease.holder).where(ClockLease.name == "clock",
                                                          ClockLease.expires_at > datetime.now(timezone.utc)))
        for pid in self.alive:
            if rows and f":{pid}:" in rows[0][0]:
                return pid, rows[0][0]
        return None

    def kill(self, pid: int, holder: str) -> None:
        """SIGKILL the clock, and expire its lease (the dead cannot renew it)."""
        self.forker.signal_and_wait(pid, signal.SIGKILL)
        self.alive.remove(pid)
        with self.engine.begin() as conn:  # the lease of a dead clock, expired now rather than in 2 s
            conn.execute(update(ClockLease).where(ClockLease.holder == holder)
                         .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))

    def close(self) -> None:
        for pid in self.alive:
            self.forker.signal_and_wait(pid, signal.SIGTERM)
        self.forker.close()
        self.engine.dispose()


def progress(pool: ClockPool, slack) -> tuple[int, int, int]:
    """(posts Slack has received, runs sent, parts recorded)."""
    (sent, parts), = pool.query(select(func.count().filter(DigestRun.status == "sent"),
                                       func.coalesce(func.sum(DigestRun.delivered_parts), 0)))
    posts = len(slack.server.received("/api/chat.postMessage")) + len(
        slack.server.received("/api/files.completeUploadExternal"))
    return posts, sent, parts


def await_phase(pool: ClockPool, slack, phase: str, holder: str) -> bool:
    """Wait until the leader reaches `phase` (see the table above); False if it did not in PHASE_WAIT."""
    before = progress(pool, slack)
    deadline = time.monotonic() + PHASE_WAIT
    while time.monotonic() < deadline:
        if phase == "starting":
            return True
        if phase == "claimed" and pool.query(
                "SELECT 1 FROM digest_runs WHERE status = 'sending' AND claimed_by = :holder", holder=holder):
            return True
        now = progress(pool, slack)
        if (phase == "posting" and now[0] > before[0]) or (phase == "recorded" and now[2] > before[2]):
            return True
        time.sleep(0.01)
    return False


def wait_for_leader(pool: ClockPool) -> tuple[int, str]:
    """The clock that holds the lease (pid, holder), once one does."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if (found := pool.leader()) is not None:
            return found
        assert all(pool.forker.alive(pid) for pid in pool.alive), "a clock process died on its own"
        time.sleep(0.02)
    raise AssertionError("no clock took the lease")


def _jitter(rng: random.Random, phase: str) -> float:
    """How long after reaching `phase` the kill comes: anywhere in the start, inside a held post, or at once."""
    return rng.uniform(0, {"starting": 0.8, "posting": POST_HOLD * 0.75}.get(phase, 0.1))


def kill_at_random_points(pool: ClockPool, slack, rng: random.Random) -> list[KillPoint]:
    """Twenty times: wait for the leader, let it reach a phase (each phase five times, in a shuffled
    order), wait a random jitter, SIGKILL it; the standby takes over. Each kill is printed."""
    schedule = list(PHASES) * (KILLS // len(PHASES))
    rng.shuffle(schedule)
    points = []
    for number, phase in enumerate(schedule, start=1):
        pool.top_up()
        pid, holder = wait_for_leader(pool)
        jitter = _jitter(rng, phase)
        reached = await_phase(pool, slack, phase, holder)
        time.sleep(jitter)
        pool.kill(pid, holder)
        points.append(KillPoint(number, phase, jitter, reached, *progress(pool, slack)[:2]))
        print(points[-1], f"t={time.monotonic():.1f}", flush=True)
    return points


if __name__ == "__main__":
    serve()
