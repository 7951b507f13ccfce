"""Questions read as commands: exact-command accuracy, "not sure" share and state changes, per split.

Each labelled question (`tests/data/questions/*.tsv`) goes through `handlers.ask.understand` on the
demo data at a frozen clock, then through the whole router (`Herald.run_command`, as chat does) to
check that no question changed anything. A question is *exact* when the command run is the labelled
one (same family and words, any order or case); a change is right when it is offered, never run.
Of the rest, *offered* counts those whose labelled command is among the readings offered as buttons.
"""
from __future__ import annotations

import csv
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, inspect, select, table

from bench.report import Result
from config import Settings
from handlers.args import tokenize
from handlers.ask import understand
from handlers.context import Actor, Context
from handlers.errors import HeraldError
from models.clock import FrozenClock
from models.db import make_engine
from models.demo import load_demo
from models.migrate import upgrade_with_reference_data
from runtime import Herald

SUITE = "ask"
DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "questions"
FROZEN = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # Monday; the labels' "this week" etc.
TARGET_EXACT, TARGET_OFFERED = 0.90, 0.90


@dataclass(frozen=True)
class Labelled:
    question: str
    command: str  # "coverage last month council:Thurrock", or "offer:feeds add"

    @property
    def is_offer(self) -> bool:
        return self.command.startswith("offer:")


@dataclass
class Score:
    """How a split was read."""

    total: int = 0
    exact: int = 0
    unsure: int = 0
    offered_right: int = 0  # not exact, but the labelled command is among the offered readings
    state_changes: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def exact_share(self) -> float:
        return self.exact / self.total if self.total else 0.0

    @property
    def unsure_share(self) -> float:
        return self.unsure / self.total if self.total else 0.0

    @property
    def offered_share(self) -> float:
        rest = self.total - self.exact
        return self.offered_right / rest if rest else 1.0


def load_split(name: str) -> list[Labelled]:
    """The labelled questions of a split ("dev" or "test")."""
    with (DATA / f"{name}.tsv").open(encoding="utf-8", newline="") as handle:
        return [Labelled(row["question"], row["command"]) for row in csv.DictReader(handle, delimiter="\t")]


def command_words(command: str) -> Counter:
    """A command as a bag of lower-case words (quotes and a leading slash dropped)."""
    text = command.strip().lstrip("/")
    try:
        tokens = [t for t, _quoted in tokenize(text)]
    except HeraldError:
        tokens = text.split()
    words = Counter()
    for token in tokens:
        key, sep, value = token.partition(":")
        words[f"{key.lower()}:{value.lower()}" if sep else token.lower()] += 1
    return words


def same_command(a: str, b: str) -> bool:
    """Whether two commands are the same command (family and words, in any order or case)."""
    return command_words(a) == command_words(b)


def _offer_matches(label: str, command: str) -> bool:
    wanted = label.removeprefix("offer:").split()
    return command.lower().split()[:len(wanted)] == [w.lower() for w in wanted]


def demo_herald(directory: Path) -> Herald:
    """A Herald on a new SQLite database holding the demo data, its clock frozen at `FROZEN`."""
    url = f"sqlite:///{directory / 'ask.db'}"
    engine = make_engine(url)
    try:
        upgrade_with_reference_data(engine)
    finally:
        engine.dispose()
    herald = Herald.build(Settings.load({"DATABASE_URL": url}), clock=FrozenClock(FROZEN))
    with herald.session() as session:
        load_demo(session, FROZEN, herald.settings.tz)
    return herald


def table_counts(herald: Herald) -> dict[str, int]:
    """Rows per table: what a question must leave exactly as it was."""
    names = inspect(herald.engine).get_table_names()
    with herald.engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names}


def score(herald: Herald, rows: list[Labelled], run_replies: bool = True) -> Score:
    """Read every question; with `run_replies`, also answer each through the router and count changes."""
    result = Score(total=len(rows))
    before = table_counts(herald) if run_replies else {}
    for row in rows:
        with herald.session() as session:
            ctx = Context(session=session, actor=Actor.cli(), clock=herald.clock, settings=herald.settings)
            seen = understand(row.question, ctx, herald.families)
            session.rollback()
        _tally(result, row, seen)
        if run_replies:
            herald.run_command(row.question, Actor.cli())
    if run_replies:
        after = table_counts(herald)
        result.state_changes = sum(abs(after[name] - before.get(name, 0)) for name in after)
    return result


def _tally(result: Score, row: Labelled, seen) -> None:
    commands = [r.command for r in seen.readings]
    if seen.kind == "choose":
        result.unsure += 1
    if row.is_offer:
        right = seen.kind == "offer" and _offer_matches(row.command, commands[0])
    else:
        right = seen.kind == "run" and same_command(commands[0], row.command)
    if right:
        result.exact += 1
        return
    if not row.is_offer and seen.kind == "choose" and any(same_command(c, row.command) for c in commands):
        result.offered_right += 1
    result.misses.append(f"{row.question!r}: {seen.kind} {commands} (wanted {row.command})")


def run(log=print) -> list[Result]:
    """Score both splits on the demo data; the test split carries the targets."""
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        herald = demo_herald(Path(tmp))
        try:
            for split in ("dev", "test", "fresh"):
                found = score(herald, load_split(split))
                results += _rows(split, found)
                for row in results[-4:]:
                    log(row)
        finally:
            herald.engine.dispose()
    return results


def _rows(split: str, s: Score) -> list[Result]:
    where = f"{split} split, {s.total} questions"
    held_out = split in ("test", "fresh")

    def verdict(ok: bool) -> str:
        return ("ok" if ok else "MISS") if held_out else "n/a"

    rest = s.total - s.exact
    return [
        Result(SUITE, "exactly the labelled command", where, throughput=f"{s.exact_share:.1%} ({s.exact}/{s.total})",
               target=f"≥ {TARGET_EXACT:.0%}" if held_out else "", verdict=verdict(s.exact_share >= TARGET_EXACT)),
        Result(SUITE, "the rest: right command offered", where,
               throughput=f"{s.offered_share:.1%} ({s.offered_right}/{rest})",
               target=f"≥ {TARGET_OFFERED:.0%}" if held_out else "",
               verdict=verdict(s.offered_share >= TARGET_OFFERED)),
        Result(SUITE, "answered \"not sure\" (readings offered)", where,
               throughput=f"{s.unsure_share:.1%} ({s.unsure}/{s.total})", verdict="n/a"),
        Result(SUITE, "state changes from questions", where, throughput=str(s.state_changes), target="0",
               verdict=verdict(s.state_changes == 0) if held_out else ("ok" if s.state_changes == 0 else "MISS")),
    ]
