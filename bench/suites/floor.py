"""Herald against the bare-Bolt floor: the same signed `/coverage this week`, interleaved.

Both run under gunicorn in the Procfile's shape (`procfile_web_shape`) at once, on the same
database for Herald; only one is loaded at a time. Each round loads one, then the other, at one
client and at 50, the order swapped every round so a slow spell on the shared machine hits both
alike. The verdicts are on medians over the rounds:

- one client: Herald's p50 at most 2× the floor's;
- 50 clients: at least 60 % of the floor's throughput, p99 at most 150 ms, no errors.
"""
from __future__ import annotations

import secrets
import statistics
from dataclasses import dataclass

from bench.databases import BenchDatabase
from bench.loadclient import LoadOutcome
from bench.report import Result
from bench.stats import Summary
from bench.suites.http import COMMAND, COMMAND_TEXT, Server, load, start_server

SUITE = "floor"
FLOOR_APP = "bench.bolt_floor:app"
LEVELS = (1, 50)
MAX_P50_RATIO = 2.0
MIN_THROUGHPUT_SHARE = 0.60
MAX_P99_MS = 150.0


@dataclass(frozen=True)
class Rounds:
    """What several load runs of one server at one level measured, summarised by their medians."""

    outcomes: tuple[LoadOutcome, ...]

    def median(self, field: str) -> float:
        if field == "per_second":
            return statistics.median(o.per_second for o in self.outcomes)
        return statistics.median(getattr(o, field) for o in self.outcomes)

    @property
    def errors(self) -> int:
        return sum(o.errors for o in self.outcomes)

    def summary(self) -> Summary:
        return Summary(n=sum(o.requests for o in self.outcomes), p50=self.median("p50"), p95=self.median("p95"),
                       p99=self.median("p99"), mean=self.median("mean"))


@dataclass(frozen=True)
class Comparison:
    """Herald's rounds against the floor's at one load level, with the verdict on the targets."""

    level: int
    herald: Rounds
    floor: Rounds

    @property
    def p50_ratio(self) -> float:
        return self.herald.median("p50") / self.floor.median("p50")

    @property
    def throughput_share(self) -> float:
        return self.herald.median("per_second") / self.floor.median("per_second")

    @property
    def target(self) -> str:
        if self.level == 1:
            return f"p50 ≤ {MAX_P50_RATIO:g}× floor"
        return f"≥ {MIN_THROUGHPUT_SHARE:.0%} of floor's req/s, p99 ≤ {MAX_P99_MS:g} ms, 0 errors"

    @property
    def met(self) -> bool:
        if self.level == 1:
            return self.p50_ratio <= MAX_P50_RATIO and self.herald.errors == 0
        return (self.throughput_share >= MIN_THROUGHPUT_SHARE and self.herald.median("p99") <= MAX_P99_MS
                and self.herald.errors == 0)

    @property
    def ratio(self) -> str:
        return f"p50 {self.p50_ratio:.2f}× floor; {self.throughput_share:.0%} of its req/s"


def run(db: BenchDatabase, seconds: float, rounds: int, log=print) -> list[Result]:
    """Load Herald and the floor alternately, `rounds` times at each level; a row for each, with ratios."""
    from tests.fakes.slack_api import FakeSlackAPI
    secret = secrets.token_hex(16)
    where = f"{db.backend} {db.items:,}"
    measured: dict[tuple[str, int], list[LoadOutcome]] = {}
    with FakeSlackAPI() as slack_api:
        servers: dict[str, Server] = {}
        try:
            servers["Herald"] = start_server(db, secret, slack_api.api_url)
            servers["floor"] = start_server(db, secret, slack_api.api_url, target=FLOOR_APP)
            for server in servers.values():  # warm both: imports, pools, first queries
                load(server, "/slack/events", 2, 1.0, secret, slack=True)
            for index in range(rounds):
                for level in LEVELS:
                    order = ("Herald", "floor") if index % 2 == 0 else ("floor", "Herald")
                    for name in order:
                        outcome = load(servers[name], "/slack/events", level, seconds, secret, slack=True)
                        measured.setdefault((name, level), []).append(outcome)
                        log(f"  round {index + 1} {name:6} {level:2} client(s): p50 {outcome.p50:.2f} ms, "
                            f"p99 {outcome.p99:.1f} ms, {outcome.per_second:,.0f} req/s, errors {outcome.errors}")
        finally:
            for server in servers.values():
                server.stop()
    results = []
    for level in LEVELS:
        comparison = Comparison(level, Rounds(tuple(measured[("Herald", level)])),
                                Rounds(tuple(measured[("floor", level)])))
        results += rows(comparison, where, rounds)
        for row in results[-2:]:
            log(row)
    return results


def rows(comparison: Comparison, where: str, rounds: int) -> list[Result]:
    """The floor's row and Herald's row (with the ratios and the verdict) for one level."""
    clients = f"{comparison.level} client{'s' if comparison.level > 1 else ''}"
    medians = f"medians of {rounds} interleaved rounds"
    case = f"signed {COMMAND} {COMMAND_TEXT}"
    floor = Result(SUITE, f"bare-Bolt floor: {case}", where, comparison.floor.summary(),
                   throughput=f"{comparison.floor.median('per_second'):,.0f} req/s", verdict="n/a",
                   note=f"{clients}; {medians}; errors {comparison.floor.errors}")
    herald = Result(SUITE, f"Herald: {case}", where, comparison.herald.summary(),
                    throughput=f"{comparison.herald.median('per_second'):,.0f} req/s", ratio=comparison.ratio,
                    target=comparison.target, verdict="ok" if comparison.met else "MISS",
                    note=f"{clients}; {medians}; errors {comparison.herald.errors}")
    return [floor, herald]
