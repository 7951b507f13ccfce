"""Command latency: `herald.run_command(text, Actor.cli())` — parse, query, build the reply, commit.

Each command is timed many times after a warm-up, interleaved with its floors (`bench/floors.py`):
its own SQL replayed bare, and for the coverage answers the stricter minimal floor; all on a frozen
clock. A family that is not built in this build is reported as not present.
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
    """A command to time, its p95 target, its ratio target, and (for coverage) the minimal floor."""

    text: str
    target_p95_ms: float
    floor: FloorFactory | None = None
    max_floor_ratio: float | None = None

    @property
    def target(self) -> str:
        ratio = f", ≤ {self.max_floor_ratio:g}× its SQL" if self.max_floor_ratio else ""
        return f"p95 ≤ {self.target_p95_ms:g} ms{ratio}"


def _this_week_floor(engine: Engine, settings: Settings, clock: FrozenClock) -> Callable[[], list]:
    return floors.period_floor(engine, parse_period("this week", clock.now(), settings.tz))


def _thurrock_negative_floor(engine: Engine, settings: Settings, clock: FrozenClock) -> Callable[[], list]:
    period = parse_period("last month", clock.now(), settings.tz)
    return floors.council_tone_floor(engine, period, floors.council_code(engine, "thurrock"), "negative")


CASES = (
    CommandCase("coverage this week", 10, _this_week_floor, 3),
    CommandCase("coverage last month council:Thurrock negative", 10, _thurrock_negative_floor, 3),
    CommandCase("programme", 10, None, 3),
    CommandCase("peer-challenge stats", 10, None, 3),
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
    """The handler's latency for one case, with its own SQL replayed bare and (coverage) the minimal floor."""
    minimal = case.floor(herald.engine, herald.settings, clock) if case.floor else None
    family = family_for(split_command(case.text)[0])
    if family is None or not family.ready:
        rows = [Result.absent(SUITE, case.text, where, "command not built in this build", case.target)]
        if minimal:
            (floor_lat,) = time_interleaved([minimal], runs, warmup)
            rows.append(Result(SUITE, "minimal floor: " + case.text, where, floor_lat, verdict="n/a",
                               note=MINIMAL_NOTE))
        return rows

    def handler() -> None:
        herald.run_command(case.text, Actor.cli())

    reply, _ = herald.run_command(case.text, Actor.cli())
    if reply.is_error:
        return [Result(SUITE, case.text, where, target=case.target, verdict="error",
                       note=f"the command answered an error: {reply.title}")]
    statements = floors.statements_of(herald.engine, handler)
    own = floors.replay_floor(herald.engine, statements)
    timed = time_interleaved([handler, own] + ([minimal] if minimal else []), runs, warmup)
    peak = traced_peak_mb(handler)
    rows = [_handler_row(case, where, timed[0], timed[1], timed[2] if minimal else None, peak),
            Result(SUITE, "its own SQL: " + case.text, where, timed[1], verdict="n/a",
                   note=f"the {len(statements)} statement{'s' if len(statements) != 1 else ''} it sends, "
                        "replayed bare in one transaction")]
    if minimal:
        rows.append(Result(SUITE, "minimal floor: " + case.text, where, timed[2], verdict="n/a", note=MINIMAL_NOTE))
    return rows


MINIMAL_NOTE = "bare SQL: count and tone breakdown only"


def _handler_row(case: CommandCase, where: str, handler: Summary, own: Summary, minimal: Summary | None,
                 peak_mb: float) -> Result:
    ratio_p95 = handler.p95 / own.p95
    meets = handler.p95 <= case.target_p95_ms and (case.max_floor_ratio is None or ratio_p95 <= case.max_floor_ratio)
    ratio = f"p50 {handler.p50 / own.p50:.1f}×, p95 {ratio_p95:.1f}× its SQL"
    if minimal:
        ratio += f"; p95 {handler.p95 / minimal.p95:.1f}× minimal floor"
    return Result(SUITE, case.text, where, handler, ratio=ratio, peak_mb=peak_mb, target=case.target,
                  verdict="ok" if meets else "MISS")
