"""End to end over HTTP: gunicorn on loopback serving `app:app`, load from a second process.

Signed `/slack/events` slash commands and `/healthz`, one client and 50 concurrent clients. The
server's Slack Web API is a loopback fake, so nothing leaves the machine. If this build has no
`/slack/events`, that is reported and `/healthz` is still measured.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path

from bench.databases import BenchDatabase
from bench.loadclient import LoadOutcome, sign, slash_command_body
from bench.report import Result
from bench.stats import Summary
from handlers.router import family_for

SUITE = "http"
ROOT = Path(__file__).resolve().parents[2]
LEVELS = (1, 50)
COMMAND, COMMAND_TEXT = "/coverage", "this week"
TARGETS = {1: (15.0, "p95", "p95 ≤ 15 ms, no errors"), 50: (300.0, "p99", "p99 < 300 ms, no errors")}


@dataclass
class Server:
    """A running gunicorn master and the URL it serves."""

    process: subprocess.Popen
    url: str

    def worker_peak_mb(self) -> float:
        """The largest peak resident size (VmHWM) among the master's worker processes."""
        peaks = [_vm_hwm_mb(pid) for pid in _children(self.process.pid)]
        return max(peaks, default=0.0)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_web_shape(procfile: Path = ROOT / "Procfile") -> tuple[int, int]:
    """(worker processes, threads per worker) that the Procfile's `web:` line runs by default, so the
    bench measures what is deployed."""
    line = next(text for text in procfile.read_text().splitlines() if text.startswith("web:"))
    shape = []
    for option, variable in (("--workers", "WEB_CONCURRENCY"), ("--threads", "WEB_THREADS")):
        found = re.search(rf"{option} \$\{{{variable}:-(\d+)\}}", line)
        if not found:
            raise ValueError(f"the Procfile's web line has no `{option} ${{{variable}:-N}}`: {line}")
        shape.append(int(found.group(1)))
    return shape[0], shape[1]


def start_server(db: BenchDatabase, secret: str, slack_api_url: str,
                 extra_env: dict[str, str] | None = None, target: str = "app:app") -> Server:
    """gunicorn as the Procfile runs it (`procfile_web_shape`), waiting until /healthz answers.
    `target` is the WSGI app it serves: Herald, or the bare-Bolt floor (`bench.bolt_floor:app`)."""
    workers, threads = procfile_web_shape()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "HERALD_", "TEAMS_"))}
    env.update(DATABASE_URL=db.url, SLACK_SIGNING_SECRET=secret, SLACK_BOT_TOKEN="xoxb-bench-token",
               SLACK_API_URL=slack_api_url, **(extra_env or {}))
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads),
         "--log-level", "warning", "--chdir", str(ROOT), target], env=env, cwd=ROOT)
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} (see its output above)")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def slack_events_status(server: Server, secret: str) -> int:
    """The status a single signed slash command gets (404: no Slack endpoint in this build)."""
    body = slash_command_body(COMMAND, COMMAND_TEXT, f"status-{secrets.token_hex(4)}")
    request = urllib.request.Request(server.url + "/slack/events", data=body, method="POST",
                                     headers=sign(secret, body, int(time.time())))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def load(server: Server, path: str, concurrency: int, seconds: float, secret: str,
         slack: bool) -> LoadOutcome:
    """Run the load client in a second process and read its outcome."""
    command = [sys.executable, "-m", "bench.loadclient", server.url, path, "--concurrency", str(concurrency),
               "--seconds", str(seconds)]
    if slack:
        command += ["--slack-command", COMMAND, "--slack-text", COMMAND_TEXT]
    env = dict(os.environ, BENCH_SLACK_SIGNING_SECRET=secret)
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return LoadOutcome(**json.loads(done.stdout.strip().splitlines()[-1]))


def run(db: BenchDatabase, seconds: float, log=print) -> list[Result]:
    """healthz and signed slash commands at each load level against one database."""
    from tests.fakes.slack_api import FakeSlackAPI
    where = f"{db.backend} {db.items:,}"
    secret = secrets.token_hex(16)
    results: list[Result] = []
    with FakeSlackAPI() as slack_api:
        server = start_server(db, secret, slack_api.api_url)
        try:
            health = {}
            for level in LEVELS:
                outcome = load(server, "/healthz", level, seconds, secret, slack=False)
                health[level] = outcome
                results.append(_row("GET /healthz", where, level, outcome, None))
                log(results[-1])
            status = slack_events_status(server, secret)
            name = f"signed {COMMAND} {COMMAND_TEXT}"
            if status == 404:
                results.append(Result.absent(SUITE, name, where, "POST /slack/events is 404 in this build"))
                log(results[-1])
            else:
                for level in LEVELS:
                    outcome = load(server, "/slack/events", level, seconds, secret, slack=True)
                    results.append(_row(name, where, level, outcome, health[level]))
                    if not family_for("coverage").ready:
                        results[-1] = replace(results[-1], verdict="n/a",
                                              note=results[-1].note + "; /coverage not built: its 'coming soon' answer")
                    log(results[-1])
            peak = server.worker_peak_mb()
        finally:
            server.stop()
    # Peak resident size of the busiest worker over the whole suite.
    return [r if r.latency is None else replace(r, peak_mb=peak) for r in results]


def _row(name: str, where: str, level: int, outcome: LoadOutcome, health: LoadOutcome | None) -> Result:
    latency = Summary(n=outcome.requests, p50=outcome.p50, p95=outcome.p95, p99=outcome.p99, mean=outcome.mean)
    note = f"{level} client{'s' if level > 1 else ''}; errors {outcome.errors}"
    if outcome.errors:
        note += f" (statuses {outcome.statuses})"
    if health is None:
        return Result(SUITE, name, where, latency, throughput=f"{outcome.per_second:,.0f} req/s", verdict="n/a",
                      note=note)
    limit, which, target = TARGETS[level]
    measured = outcome.p95 if which == "p95" else outcome.p99
    meets = measured <= limit and outcome.errors == 0
    ratio = f"p50 {outcome.p50 / health.p50:.1f}× healthz, {outcome.per_second / health.per_second:.2f}× its req/s"
    return Result(SUITE, name, where, latency, throughput=f"{outcome.per_second:,.0f} req/s", ratio=ratio,
                  target=target, verdict="ok" if meets else "MISS", note=note)
