"""The machine a benchmark ran on, for the results table: cores, CPU, Python, date, database versions."""
from __future__ import annotations

import os
import platform
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True)
class Machine:
    cores: int
    cpu: str
    memory_gb: float
    python: str
    sqlite: str
    date: str
    load: float  # 1-minute load average when the run started

    def lines(self) -> list[str]:
        """Markdown bullet lines describing the machine."""
        return [f"- machine: {self.cores} cores (`nproc`), CPU `{self.cpu}`, {self.memory_gb:.0f} GB RAM; "
                "shared and noisy (other jobs run beside the benchmark), so read ratios before absolutes",
                f"- load average when the run started: {self.load:.1f} on {self.cores} cores",
                f"- Python {self.python}, SQLite {self.sqlite}",
                f"- run at {self.date}"]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):
        return 0.0


def describe(now: datetime | None = None) -> Machine:
    """Describe this machine now."""
    when = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    return Machine(cores=len(os.sched_getaffinity(0)), cpu=_cpu_model(), memory_gb=_memory_gb(),
                   python=platform.python_version(), sqlite=sqlite3.sqlite_version, date=when,
                   load=os.getloadavg()[0])
