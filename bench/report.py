"""Benchmark results: one row per measurement, printed as a table and written as Markdown."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.machine import Machine
from bench.stats import Summary

RESULTS_DIR = Path(__file__).resolve().parent / "results"
NOT_PRESENT = "not present"


@dataclass(frozen=True)
class Result:
    """One measured (or not measurable) case. Times in milliseconds; None where it does not apply."""

    suite: str
    case: str
    where: str  # backend and size, or "—"
    latency: Summary | None = None
    throughput: str = ""  # e.g. "812 req/s", "41,000 items/s"
    ratio: str = ""  # e.g. "1.8× floor"
    peak_mb: float | None = None
    target: str = ""
    verdict: str = ""  # "ok", "MISS", "not present", "n/a"
    note: str = ""

    @classmethod
    def absent(cls, suite: str, case: str, where: str, why: str, target: str = "") -> "Result":
        """A case that cannot be measured in this build, and why."""
        return cls(suite=suite, case=case, where=where, target=target, verdict=NOT_PRESENT, note=why)


HEADER = ("suite", "case", "where", "n", "p50 ms", "p95 ms", "p99 ms", "throughput", "ratio",
          "peak MB", "target", "verdict", "note")


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def cells(result: Result) -> tuple[str, ...]:
    """The table cells of one result."""
    lat = result.latency
    timing = (str(lat.n), _ms(lat.p50), _ms(lat.p95), _ms(lat.p99)) if lat else ("", "", "", "")
    peak = f"{result.peak_mb:.1f}" if result.peak_mb is not None else ""
    return (result.suite, result.case, result.where, *timing, result.throughput, result.ratio, peak,
            result.target, result.verdict, result.note)


def markdown_table(results: list[Result]) -> str:
    """A Markdown table of `results` (pipes in text escaped)."""
    rows = [HEADER, tuple("---" for _ in HEADER)]
    rows += [tuple(c.replace("|", "\\|") for c in cells(r)) for r in results]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def plain_line(result: Result) -> str:
    """One result as a terminal line, printed as soon as it is measured."""
    return "  ".join(c for c in cells(result) if c)


BATCH_SUITE, BATCH_CASE = "webhook", "POST /webhooks/coverage, 500 items"  # the batch benchmark's row


def bars(results: list[Result]) -> list[str]:
    """Issue 17's performance bars, one line each per database: the floor ratios, the mixed load and
    the 500-item webhook batch (the `webhook` suite's row; said to be not measured when it did not run)."""
    lines = []
    measured = [r for r in results if r.suite in ("floor", "mixed", BATCH_SUITE)]
    for backend in dict.fromkeys(r.where.split()[0].rstrip(",") for r in measured):
        rows = [r for r in measured if r.where.split()[0].rstrip(",") == backend]
        for r in rows:
            if r.suite == "floor" and r.case.startswith("Herald") and r.latency:
                clients = r.note.split(";")[0]
                lines.append(f"- {r.where}, floor, {clients}: {r.ratio}; Herald p50 {_ms(r.latency.p50)} ms, "
                             f"p99 {_ms(r.latency.p99)} ms, {r.throughput}; target {r.target}: {r.verdict}")
            elif r.suite == "mixed" and r.target and r.latency:
                refused = next((p.strip() for p in r.note.split(";") if p.strip().startswith("refused")), "")
                lines.append(f"- {r.where}, mixed load: {r.throughput}, p99 {_ms(r.latency.p99)} ms, {refused}; "
                             f"target {r.target}: {r.verdict}")
            elif r.suite == BATCH_SUITE and r.case == BATCH_CASE:
                took = f"p50 {_ms(r.latency.p50)} ms" if r.latency else r.note
                lines.append(f"- {r.where}, {BATCH_CASE}: {took}; target {r.target}: {r.verdict}")
        if not any(r.suite == BATCH_SUITE and r.case == BATCH_CASE for r in rows):
            lines.append(f"- {backend}, {BATCH_CASE}: not measured in this run (the `{BATCH_SUITE}` suite)")
    return lines


def write_markdown(results: list[Result], machine: Machine, settings_line: str,
                   path: Path = RESULTS_DIR / "latest.md") -> Path:
    """Write the results with the machine they ran on; returns the path written."""
    summary = bars(results)
    text = "\n".join(["# Herald benchmark results", "", *machine.lines(), f"- settings: {settings_line}",
                      *(["", "## Issue 17 bars", "", *summary] if summary else []),
                      "", markdown_table(results), ""])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
