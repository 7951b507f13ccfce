"""Latency samples and their summary (p50/p95/p99), timed with a monotonic nanosecond clock."""
from __future__ import annotations

import math
import time
import tracemalloc
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Summary:
    """Percentiles of a set of latency samples, in milliseconds."""

    n: int
    p50: float
    p95: float
    p99: float
    mean: float


def percentile(sorted_ms: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted samples."""
    if not sorted_ms:
        raise ValueError("no samples")
    rank = max(1, min(len(sorted_ms), math.ceil(fraction * len(sorted_ms))))
    return sorted_ms[rank - 1]


def summarize(samples_ms: list[float]) -> Summary:
    """p50/p95/p99 and the mean of `samples_ms`."""
    ordered = sorted(samples_ms)
    return Summary(n=len(ordered), p50=percentile(ordered, 0.50), p95=percentile(ordered, 0.95),
                   p99=percentile(ordered, 0.99), mean=sum(ordered) / len(ordered))


def time_once(call: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - start) / 1e6


def time_interleaved(calls: list[Callable[[], object]], runs: int, warmup: int) -> list[Summary]:
    """Time several calls alternately (so machine noise hits them alike); warm-up runs are dropped."""
    for _ in range(warmup):
        for call in calls:
            call()
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for index, call in enumerate(calls):
            samples[index].append(time_once(call))
    return [summarize(s) for s in samples]


def traced_peak_mb(call: Callable[[], object]) -> float:
    """Peak Python heap (MB) allocated while `call` runs, measured with tracemalloc (run apart from timing)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6
