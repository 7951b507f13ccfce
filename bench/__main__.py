"""`python -m bench [--sizes 10k,100k,1M] [--backends sqlite,postgresql] [--suites …]` (`make bench`).

Prints each result as it is measured, then the whole table, and writes `bench/results/latest.md`.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bench import datagen, databases, machine, report
from bench.databases import BenchDatabase
from bench.report import Result

SUITES = ("quality", "ask", "commands", "http", "floor", "layers", "mixed", "feeds", "digest", "webhook", "lines",
          "parliament")
HTTP_SUITES = {"http", "floor", "layers", "mixed"}  # measured through gunicorn at --http-size
BACKENDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    backends: tuple[str, ...]
    suites: tuple[str, ...]
    runs: int
    warmup: int
    http_seconds: float
    http_size: int
    floor_rounds: int
    mixed_seconds: float
    output: Path

    def describe(self) -> str:
        sizes = ", ".join(f"{s:,}" for s in self.sizes)
        text = (f"sizes {sizes} items; backends {', '.join(self.backends)}; suites {', '.join(self.suites)}; "
                f"{self.runs} timed runs after {self.warmup} warm-up")
        if HTTP_SUITES & set(self.suites):
            text += f"; HTTP {self.http_seconds:g} s per load level at {self.http_size:,} items"
        if "floor" in self.suites:
            text += f"; floor: {self.floor_rounds} interleaved rounds"
        if "mixed" in self.suites:
            text += f"; mixed load {self.mixed_seconds:g} s"
        return text


def parse_size(text: str) -> int:
    """'10k' → 10000, '1M' → 1000000, '2500' → 2500."""
    text = text.strip().lower().replace("_", "").replace(",", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    try:
        value = int(float(number) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use 10k, 100k, 1M)") from None
    if value < 100:
        raise argparse.ArgumentTypeError("a size must be at least 100 items")
    return value


def _choices(allowed: tuple[str, ...]):
    def parse(text: str) -> tuple[str, ...]:
        picked = tuple(part.strip() for part in text.split(",") if part.strip())
        unknown = [p for p in picked if p not in allowed]
        if unknown or not picked:
            raise argparse.ArgumentTypeError(f"choose from {', '.join(allowed)}")
        return picked
    return parse


def parse_options(argv: list[str]) -> Options:
    """Read the command line (see --help)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description="Measure Herald on generated data "
                                     "and write the results as Markdown (see README, Benchmarks).")
    parser.add_argument("--sizes", default="10k", help="coverage items per database, e.g. 10k,100k,1M")
    parser.add_argument("--backends", type=_choices(BACKENDS), default=BACKENDS,
                        help=f"comma-separated, from {','.join(BACKENDS)} (default: both)")
    parser.add_argument("--suites", type=_choices(SUITES), default=SUITES,
                        help=f"comma-separated, from {','.join(SUITES)} (default: all)")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per command")
    parser.add_argument("--warmup", type=int, default=20, help="untimed runs first")
    parser.add_argument("--http-seconds", type=float, default=5.0, help="load duration per level")
    parser.add_argument("--http-size", type=parse_size, help="database size for the HTTP suite "
                        "(default: the smallest of --sizes)")
    parser.add_argument("--floor-rounds", type=int, default=3, help="interleaved rounds of Herald and "
                        "the bare-Bolt floor per load level")
    parser.add_argument("--mixed-seconds", type=float, default=20.0, help="duration of the mixed load")
    parser.add_argument("--output", type=Path, default=report.RESULTS_DIR / "latest.md",
                        help="where to write the Markdown results")
    args = parser.parse_args(argv)
    try:
        sizes = tuple(sorted({parse_size(s) for s in args.sizes.split(",") if s.strip()}))
    except argparse.ArgumentTypeError as exc:
        parser.error(f"--sizes: {exc}")
    if not sizes:
        parser.error("--sizes: give at least one size")
    return Options(sizes=sizes, backends=args.backends, suites=args.suites, runs=max(1, args.runs),
                   warmup=max(0, args.warmup), http_seconds=args.http_seconds,
                   http_size=args.http_size or sizes[0], floor_rounds=max(1, args.floor_rounds),
                   mixed_seconds=args.mixed_seconds, output=args.output)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen suites; write and print the results."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    started = datetime.now(timezone.utc)
    anchor = datagen.week_anchor(started)
    described = machine.describe(started)
    results: list[Result] = []

    def log(item: object) -> None:
        print(report.plain_line(item) if isinstance(item, Result) else item, flush=True)

    quality = _quality_suite(options, log)
    with ExitStack() as stack:
        servers = {}
        if "postgresql" in options.backends and {"commands", "feeds", "webhook", "lines", "parliament",
                                                  *HTTP_SUITES} & set(options.suites):
            servers["postgresql"] = stack.enter_context(databases.postgres_server(log))
        settings_line = options.describe()
        if "postgresql" in servers:
            settings_line += f"; {databases.server_version(servers['postgresql'])} (throwaway cluster with " \
                "fsync off unless BENCH_DATABASE_URL is set)"
        results += _database_suites(options, anchor, servers.get("postgresql"), log)
        results += _standalone_suites(options, anchor, servers.get("postgresql"), log)

    path = report.write_markdown(results, described, settings_line, options.output)
    if quality:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n" + quality + "\n")
    print()
    print(report.markdown_table(results))
    if summary := report.bars(results):
        print("\nIssue 17 bars:")
        print("\n".join(summary))
    print(f"\nwritten to {path}")
    return 0


def _database(backend: str, size: int, anchor: datetime, pg_server: str | None, log) -> BenchDatabase:
    spec = datagen.DataSpec(items=size, anchor=anchor)
    if backend == "sqlite":
        return databases.sqlite_database(spec, log)
    return databases.postgres_database(pg_server, spec, log)


def _database_suites(options: Options, anchor: datetime, pg_server: str | None, log) -> list[Result]:
    from bench.suites import commands, floor, http, layers, mixed
    results: list[Result] = []
    http_sizes = {options.http_size} if HTTP_SUITES & set(options.suites) else set()
    command_sizes = set(options.sizes) if "commands" in options.suites else set()
    for backend in options.backends:
        for size in sorted(command_sizes | http_sizes):
            db = _database(backend, size, anchor, pg_server, log)
            if size in command_sizes:
                log(f"— commands on {backend}, {size:,} items")
                results += commands.run(db, anchor, options.runs, options.warmup, log)
            if size in http_sizes and "http" in options.suites:
                log(f"— HTTP on {backend}, {size:,} items")
                results += http.run(db, options.http_seconds, log)
            if size in http_sizes and "floor" in options.suites:
                log(f"— Herald against the bare-Bolt floor on {backend}, {size:,} items")
                results += floor.run(db, options.http_seconds, options.floor_rounds, log)
            if size in http_sizes and "layers" in options.suites:
                log(f"— where a /coverage request's time goes, per layer, on {backend}, {size:,} items")
                results += layers.run(db, log=log)
            if size in http_sizes and "mixed" in options.suites:
                log(f"— mixed load on {backend}, {size:,} items")
                results += mixed.run(_database(backend, size, anchor, pg_server, log), options.mixed_seconds, log)
    return results


def _quality_suite(options: Options, log) -> str:
    """The judgement-quality tables (bench/quality.py) on the held-out splits (`HELD_OUT_FLOORS`), then on
    the first test split for continuity (seen since, so part of dev), and the tone cross-validation
    (bench/tone_cv.py), printed first: they take a minute or two and need no database."""
    if "quality" not in options.suites:
        return ""
    from bench import quality
    overrides = os.environ.get("BENCH_OVERRIDES_DATABASE_URL")
    held_out = [quality.render(quality.measure(split, overrides if split == quality.HELD_OUT else None), split)
                for split in quality.HELD_OUT_FLOORS]
    earlier = quality.render(quality.measure("test"), "test")
    from bench import quality_sources
    by_source = quality_sources.sources_table(quality_sources.score_all())
    text = "\n\n".join([*held_out, earlier, by_source, quality.tone_cross_validation()])
    log(f"— judgement quality (tone, councils, stories, relevance) on tests/data: the held-out splits "
        f"({quality.HELD_OUT}; {quality.HARD_HELD_OUT} written hard both ways; {quality.WEEK_HELD_OUT} a natural "
        f"week's story pairs; {quality.BRIEF_HELD_OUT} story pairs under briefs no labelled file shares), then the "
        f"first test split (seen, for continuity)")
    log(text)
    return text


def _standalone_suites(options: Options, anchor: datetime, pg_server: str | None, log) -> list[Result]:
    from bench.suites import ask, digest, feeds, lines, parliament, webhook
    results: list[Result] = []
    if "ask" in options.suites:
        log("— questions read as commands (tests/data/questions)")
        results += ask.run(log)
    if "feeds" in options.suites:
        log("— feed ingestion")
        results += feeds.run(options.runs, log, options.backends, pg_server)
    if "digest" in options.suites:
        log("— weekly digest")
        results += digest.run(anchor, log)
    if "parliament" in options.suites:
        log("\n== parliament: polling 5,000 contributions and 1,000 questions from loopback fakes ==")
        results += parliament.run(options.runs, log, options.backends, pg_server)
    if "webhook" in options.suites:
        log("— a 500-item coverage webhook")
        results += webhook.run(options.backends, pg_server, log)
    if "lines" in options.suites:
        log("— /lines <words> on 10,000 lines to take")
        results += lines.run(options.runs, options.warmup, options.backends, pg_server, log)
    return results


def run() -> int:
    """`main`, with a missing server or a server that will not start said in one line."""
    try:
        return main()
    except RuntimeError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(run())
