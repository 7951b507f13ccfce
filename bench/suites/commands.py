"""Command latency: `herald.run_command(text, Actor.cli())` — parse, query, build the reply, commit.

Each command is timed many times after a warm-up, interleaved with the bare SQL floor where there
is one, on a frozen clock. A family that is not built in
this build is reported as not present; its floor is still measured.
The clock stands where the data ends (`datagen.week_anchor`): nothing is in its future.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy.engine import Engine

from bench import floors
from bench.databases import BenchDatabase
from bench.report import Result
from bench.stats import Summary, time_interleaved, traced_peak_mb
from config import Settings
from handlers.context import Actor
from handlers.router import family_for, split_command
from models.clock import FrozenClock
from models.periods import parse_period
from runtime import Herald

SUITE = "command"
FloorFactory = Callable[[Engine, Settings, FrozenClock], Callable[[], list]]


@dataclass(frozen=True)
class CommandCase:
    """A command to time, its p95 target, and (for coverage) the bare query under it."""

    text: str
    target_p95_ms: float
    floor: FloorFactory | None = None
    max_floor_ratio: float | None = None

    @property
    def target(self) -> str:
        ratio = f", ≤ {self.max_floor_ratio:g}× floor" if self.max_floor_ratio else ""
        return f"p95 ≤ {self.target_p95_ms:g} ms{ratio}"


def _this_week_floor(engine: Engine, settings: Settings, clock: FrozenClock) -> Callable[[], list]:
    return floors.period_floor(engine, parse_period("this week", clock.now(), settings.tz))


def _thurrock_negative_floor(engine: Engine, settings: Settings, clock: FrozenClock) -> Callable[[], list]:
    period = parse_period("last month", clock.now(), settings.tz)
    return floors.council_tone_floor(engine, period, floors.council_code(engine, "thurrock"), "negative")


CASES = (
    CommandCase("coverage this week", 10, _this_week_floor, 3),
    CommandCase("coverage last month council:Thurrock negative", 10, _thurrock_negative_floor, 3),
    CommandCase("programme", 10),
    CommandCase("peer-challenge stats", 10),
)


def run(db: BenchDatabase, now, runs: int, warmup: int, log=print) -> list[Result]:
    """Time every case on one database; returns one or two rows per case (handler, floor)."""
    clock = FrozenClock(now)
    herald = Herald.build(Settings.load({"DATABASE_URL": db.url}), clock=clock)
    where = f"{db.backend} {db.items:,}"
    results: list[Result] = []
    try:
        for case in CASES:
            rows = measure_case(herald, clock, case, where, runs, warmup)
            for row in rows:
                log(row)
            results += rows
    finally:
        herald.engine.dispose()
    return results


def measure_case(herald: Herald, clock: FrozenClock, case: CommandCase, where: str, runs: int,
                 warmup: int) -> list[Result]:
    """The handler's (and its floor's) latency for one case."""
    floor = case.floor(herald.engine, herald.settings, clock) if case.floor else None
    family = family_for(split_command(case.text)[0])
    if family is None or not family.ready:
        rows = [Result.absent(SUITE, case.text, where, "command not built in this build", case.target)]
        if floor:
            (floor_lat,) = time_interleaved([floor], runs, warmup)
            rows.append(Result(SUITE, "floor: " + case.text, where, floor_lat, verdict="n/a",
                               note="bare SQL: count and tone breakdown"))
        return rows

    def handler() -> None:
        herald.run_command(case.text, Actor.cli())

    reply, _ = herald.run_command(case.text, Actor.cli())
    if reply.is_error:
        return [Result(SUITE, case.text, where, target=case.target, verdict="error",
                       note=f"the command answered an error: {reply.title}")]
    timed = time_interleaved([handler, floor] if floor else [handler], runs, warmup)
    peak = traced_peak_mb(handler)
    rows = [_handler_row(case, where, timed[0], timed[1] if floor else None, peak)]
    if floor:
        rows.append(Result(SUITE, "floor: " + case.text, where, timed[1], verdict="n/a",
                           note="bare SQL: count and tone breakdown"))
    return rows


def _handler_row(case: CommandCase, where: str, handler: Summary, floor: Summary | None,
                 peak_mb: float) -> Result:
    ratio_p95 = handler.p95 / floor.p95 if floor else None
    meets = handler.p95 <= case.target_p95_ms and (
        ratio_p95 is None or case.max_floor_ratio is None or ratio_p95 <= case.max_floor_ratio)
    ratio = f"p50 {handler.p50 / floor.p50:.1f}×, p95 {ratio_p95:.1f}× floor" if floor else ""
    return Result(SUITE, case.text, where, handler, ratio=ratio, peak_mb=peak_mb, target=case.target,
                  verdict="ok" if meets else "MISS")
