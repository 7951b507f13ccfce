"""A load client, run in its own process: N threads, each on one keep-alive connection, for S seconds.

`python -m bench.loadclient URL PATH --concurrency 50 --seconds 5 [--slack-command /coverage
--slack-text "this week"]` prints one JSON line: request count, errors, statuses and latency
percentiles. Slack requests are signed per Slack's scheme (HMAC-SHA256 over `v0:ts:body`) with the
secret in `BENCH_SLACK_SIGNING_SECRET`.
"""
from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import secrets
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from urllib.parse import urlencode, urlsplit

from bench.stats import summarize


@dataclass(frozen=True)
class LoadOutcome:
    """What one load run measured (latencies in milliseconds)."""

    requests: int
    errors: int
    statuses: dict[str, int]
    seconds: float
    p50: float
    p95: float
    p99: float
    mean: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def slash_command_body(command: str, text: str, sequence: int | str) -> bytes:
    """The form Slack posts for a slash command (response_url on loopback). `sequence` makes the
    trigger_id, which Herald deduplicates on: give each request its own, or repeats are not run."""
    return urlencode({
        "token": "bench", "team_id": "T0BENCH", "team_domain": "bench", "channel_id": "C0BENCH",
        "channel_name": "comms", "user_id": "U0BENCH", "user_name": "bench", "command": command,
        "text": text, "api_app_id": "A0BENCH", "is_enterprise_install": "false",
        "response_url": os.environ.get("BENCH_RESPONSE_URL", "http://127.0.0.1:9/response"),
        "trigger_id": f"{sequence}.bench"}).encode()


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """Slack's request signature headers for `body` at `timestamp`."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}",
            "Content-Type": "application/x-www-form-urlencoded"}


class Worker(threading.Thread):
    """One client: sends requests back to back until the deadline, recording each latency."""

    def __init__(self, args: argparse.Namespace, start: threading.Barrier, deadline: list[float], prefix: str):
        super().__init__(daemon=True)
        self.args, self.start_barrier, self.deadline = args, start, deadline
        self.prefix = prefix  # unique to this run and thread, so no two requests share a trigger_id
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()
        self.errors = 0

    def run(self) -> None:
        parts = urlsplit(self.args.url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        secret = os.environ.get("BENCH_SLACK_SIGNING_SECRET", "")
        self.start_barrier.wait()
        sequence = 0
        while time.monotonic() < self.deadline[0]:
            sequence += 1
            method, body, headers = "GET", None, {}
            if self.args.slack_command:
                body = slash_command_body(self.args.slack_command, self.args.slack_text,
                                          f"{self.prefix}.{sequence}")
                method, headers = "POST", sign(secret, body, int(time.time()))
            started = time.perf_counter_ns()
            try:
                conn.request(method, self.args.path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                status = 0
            self.latencies.append((time.perf_counter_ns() - started) / 1e6)
            self.statuses[str(status)] += 1
            if not 200 <= status < 300:
                self.errors += 1
        conn.close()


def run_load(args: argparse.Namespace) -> LoadOutcome:
    """Run the threads and merge what they saw."""
    barrier = threading.Barrier(args.concurrency + 1)
    deadline = [float("inf")]
    run_token = secrets.token_hex(4)
    workers = [Worker(args, barrier, deadline, f"{run_token}.{n}") for n in range(args.concurrency)]
    for worker in workers:
        worker.start()
    deadline[0] = time.monotonic() + args.seconds
    started = time.monotonic()
    barrier.wait()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies = [ms for w in workers for ms in w.latencies]
    statuses: Counter[str] = Counter()
    for worker in workers:
        statuses.update(worker.statuses)
    summary = summarize(latencies) if latencies else summarize([0.0])
    return LoadOutcome(requests=len(latencies), errors=sum(w.errors for w in workers),
                       statuses=dict(statuses), seconds=elapsed, p50=summary.p50, p95=summary.p95,
                       p99=summary.p99, mean=summary.mean)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.loadclient")
    parser.add_argument("url")
    parser.add_argument("path")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--slack-command")
    parser.add_argument("--slack-text", default="")
    print(json.dumps(asdict(run_load(parser.parse_args()))))


if __name__ == "__main__":
    main()
