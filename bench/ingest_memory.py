"""Peak memory while ingesting many new items, measured in a process of its own.

`python -m bench.ingest_memory DATABASE_URL FEEDS` adds FEEDS loopback feeds of 1,000 new stories
each, polls them all in one `poll_due_feeds` call, and prints the resident high-water marks
(VmHWM) of this process and of its parsing child as JSON. A new process, so that nothing the
benchmark did before counts; resident memory, so that C allocations (SQLite, the driver) count.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FIRST_FEED = 10_000  # stories numbered far from the timed runs' ones


@dataclass(frozen=True)
class MemoryRun:
    """What the measuring process reported."""

    parent_mb: float
    child_mb: float
    created: int
    seconds: float


def measure_in_subprocess(url: str, feeds: int) -> MemoryRun:
    """Run this module in a new interpreter against `url` and read its report."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "bench.ingest_memory", url, str(feeds)], cwd=root,
                          capture_output=True, text=True, check=True, timeout=1800)
    return MemoryRun(**json.loads(done.stdout.strip().splitlines()[-1]))


def high_water_mb(pid: int | str = "self") -> float:
    """The resident high-water mark of a process, in MB (Linux `/proc`)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc: this measurement needs Linux")


def main(url: str, feeds: int) -> MemoryRun:
    """Ingest `feeds` × 1,000 new items in one poll and report the peaks."""
    from bench.suites.feeds import _FeedServer
    from config import Settings
    from feeds.parse import shared_parser
    from feeds.poll import poll_due_feeds
    from models.clock import FrozenClock
    from models.outlet import Feed
    from runtime import Herald
    from tests.fakes.http import FakeServer

    now = datetime.now(timezone.utc).replace(microsecond=0)
    server_feeds: _FeedServer | None = None
    with FakeServer(default=lambda rec: server_feeds.answer(rec)) as server:
        server_feeds = _FeedServer(server, now)
        settings = Settings.load({"DATABASE_URL": url, "HERALD_ALLOW_PRIVATE_FEEDS": True,
                                  "HERALD_FEED_DOMAIN_INTERVAL": 0})  # every feed is on one loopback host
        herald = Herald.build(settings, clock=FrozenClock(now))
        with herald.session() as session:
            session.add_all([Feed(url=f"{server.url}/feed-{n}.xml", name=f"Bench feed {n}", added_at=now,
                                  baseline_done=True) for n in range(FIRST_FEED, FIRST_FEED + feeds)])
        started = time.monotonic()
        report = poll_due_feeds(herald, None)
        seconds = time.monotonic() - started
        child_pid = shared_parser().pid
        child_mb = high_water_mb(child_pid) if child_pid is not None else 0.0
        herald.engine.dispose()
    if report.failed:
        raise RuntimeError(f"feeds failed: {report.failed[:3]}")
    return MemoryRun(high_water_mb(), child_mb, report.created, seconds)


if __name__ == "__main__":
    result = main(sys.argv[1], int(sys.argv[2]))
    print(json.dumps(result.__dict__))
