"""The quality of Herald's judgements on labelled data: tone, councils, story pairs (and relevance).

`python -m bench.quality [--split test10|test9|…|test2|test|dev] [--database URL]` (and the `quality` suite of
`make bench`) prints three tables: tone accuracy with per-class precision, recall and the confusion;
council precision and recall; story-pair precision and recall (and relevance). The labelled sets are
in `tests/data/` (each with a README). `test10` (in each kind's `held_out/`) is the held-out split,
written blind by engineers who saw neither the rules nor the other sets, and never tuned on; `test9`, `test8`,
`test7`, `test6`, `test5`, `test4`, `test3`, `test2` and `test` were held out once and are tuned on now (the tone
model trains on them). With `--database`, the tone overrides people made in that Herald are scored too: each
override is a labelled example.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
TONES = ("positive", "neutral", "negative")
SPLITS = ("test10", "test11", "test12", "test13", "test9", "test8", "test7", "test6", "test5", "test4", "test3",
          "test2", "test", "dev")
HELD_OUT = "test10"  # tests/data/<kind>/held_out/test10.csv: no rule or model has learnt from it
# A second held-out split, of councils and story pairs only, written to be hard both ways (rewrites sharing few
# words, other stories sharing many; places named by institutions, towns and nicknames): tests/data/<kind>/held_out/.
HARD_HELD_OUT = "test11"
# A third, of story pairs only, written as a natural week's coverage (some rewrites easy, many not) while the sentence
# encoder was being tuned on the labelled pairs, and scored before it shipped: tests/data/stories/held_out/test12.csv.
WEEK_HELD_OUT = "test12"
# A fourth, of story pairs only, written under writers' briefs no labelled file shares (a council press office's week as
# the media told it; the sector's week, trade press beside regional and national papers), so that the sentence encoder,
# tuned on the labelled pairs, has met neither its style nor its topics: tests/data/stories/held_out/test13.csv.
BRIEF_HELD_OUT = "test13"


# What the held-out split (test10) must keep reaching, a little under what it reached after councils rounds sixteen to
# eighteen, stories rounds sixteen and seventeen, 2,783 more blind story pairs in the fit and the story model's word
# terms and meaning without names (tone 0.919 / 0.964 / 0.974, councils 0.992 / 0.972, stories 0.959 / 0.731, relevance
# 0.944 / 1.000), then councils round nineteen and stories rounds nineteen and twenty (stories 0.960 / 0.746), then the
# sentence encoder back and stories train19 in the fit (stories 0.967 / 0.762), then councils and stories rounds
# twenty-one (stories 0.966 / 0.746: the threshold 0.81 → 0.82), then the sentence encoder tuned on the labelled pairs
# and councils rounds twenty-two to twenty-four (councils 0.992 / 0.975, stories 0.976 / 0.850). First
# scored on the previous main: tone 0.909 / 0.955 / 0.961, councils 0.992 / 0.967, stories 0.876 / 0.731, relevance
# 0.944 / 1.000 (bench/results/judgement10-test10.md). CI asserts them.
# test10 was written blind by six engineers who saw neither rules nor data, only the label definitions (councils and
# stories each by two, 296 + 298 headlines and 186 + 196 pairs), and only its totals are read: tune on it and these
# figures stop meaning anything.
# The earlier splits are tuned on (the tone and story models train on them), so bench/quality_sources.py guards them
# file by file, and CROSS_SOURCE_FLOORS the tone model fitted on one author's headlines and scored on another's.
FLOORS = {
    "tone accuracy": 0.90, "tone negative recall": 0.95, "tone positive precision": 0.95,
    "councils precision": 0.98, "councils recall": 0.96,
    "stories precision": 0.97, "stories recall": 0.83,
    "relevance precision": 0.93, "relevance recall": 0.97,  # the issue sets no target
}
# What the hard held-out split (test11) must keep reaching, a little under what it reached at the end of its first
# session (councils 0.978 / 0.978, stories 0.956 / 0.605; scored as it landed: councils 0.978 / 0.976, stories 0.941 /
# 0.637; bench/results/judgement11-test11.md), then with the sentence encoder tuned (stories 0.965 / 0.693). CI asserts
# them.
HARD_FLOORS = {"councils precision": 0.97, "councils recall": 0.965, "stories precision": 0.95, "stories recall": 0.66}
# What test12 must keep reaching (scored before the tuned encoder shipped: 0.974 / 0.771; with it, 0.957 / 0.812). CI
# asserts them.
WEEK_FLOORS = {"stories precision": 0.95, "stories recall": 0.79}
# What test13 must keep reaching (scored as it landed, with the round-thirty-one model: 0.964 / 0.839). CI asserts them.
BRIEF_FLOORS = {"stories precision": 0.95, "stories recall": 0.82}
# Each held-out split's floors, the first the one `make bench` reads people's overrides beside.
HELD_OUT_FLOORS = {HELD_OUT: FLOORS, HARD_HELD_OUT: HARD_FLOORS, WEEK_HELD_OUT: WEEK_FLOORS,
                   BRIEF_HELD_OUT: BRIEF_FLOORS}
# The targets, printed beside the measures.
TARGETS = {
    "tone accuracy": 0.85, "tone negative recall": 0.90, "tone positive precision": 0.90,
    "councils precision": 0.97, "councils recall": 0.97,
    "stories precision": 0.95, "stories recall": 0.80,
}


@dataclass(frozen=True)
class ToneExample:
    headline: str
    tone: str


@dataclass(frozen=True)
class CouncilExample:
    headline: str
    codes: frozenset[str]


@dataclass(frozen=True)
class PairExample:
    title_a: str
    summary_a: str
    title_b: str
    summary_b: str
    hours_apart: float
    same: bool


def _rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _split_rows(kind: str, split: str) -> list[dict]:
    """The rows of one labelled set's split: `dev` is `dev.csv` and the seen first test split
    (`test.csv`), and for councils the older `council_headlines.csv` too; the held-out split lives
    apart, in `held_out/`, so nothing that trains on a kind's files finds it; a missing file is none."""
    held_out = {name: [f"held_out/{name}.csv"] for name in HELD_OUT_FLOORS}
    names = {"dev": ["dev.csv", "test.csv"], **held_out}.get(split, [f"{split}.csv"])
    paths = [DATA_DIR / kind / name for name in names]
    if kind == "councils" and split == "dev":
        paths.append(DATA_DIR / "council_headlines.csv")
    return [row for path in paths if path.exists() for row in _rows(path)]


@dataclass(frozen=True)
class RelevanceExample:
    headline: str
    ours: bool


def relevance_examples(split: str) -> list[RelevanceExample]:
    """The labelled regional-feed headlines of a split."""
    return [RelevanceExample(r["headline"], r["ours"] == "1") for r in _split_rows("relevance", split)]


def tone_examples(split: str) -> list[ToneExample]:
    """The labelled tone headlines of a split."""
    return [ToneExample(r["headline"], r["tone"]) for r in _split_rows("tone", split)]


def council_examples(split: str) -> list[CouncilExample]:
    """The labelled council headlines of a split."""
    return [CouncilExample(r["headline"], frozenset(filter(None, r["councils"].split(";"))))
            for r in _split_rows("councils", split)]


def pair_examples(split: str) -> list[PairExample]:
    """The labelled story pairs of a split."""
    return [PairExample(r["title_a"], r["summary_a"], r["title_b"], r["summary_b"], float(r["hours_apart"]),
                        r["same"] == "1") for r in _split_rows("stories", split)]


@dataclass(frozen=True)
class ToneReport:
    """Accuracy, each tone's precision and recall, and the confusion (labelled → judged)."""

    n: int
    accuracy: float
    precision: dict[str, float]
    recall: dict[str, float]
    confusion: dict[tuple[str, str], int]
    misses: list[str] = field(default_factory=list)


def evaluate_tone(examples: Iterable[ToneExample], tone: Callable[[str], str]) -> ToneReport:
    """Score `tone` (a headline → "positive"|"neutral"|"negative") on labelled examples."""
    confusion: Counter = Counter()
    misses = []
    n = 0
    for example in examples:
        got = tone(example.headline)
        confusion[(example.tone, got)] += 1
        n += 1
        if got != example.tone:
            misses.append(f"{example.headline!r}: labelled {example.tone}, judged {got}")
    right = sum(confusion[(t, t)] for t in TONES)
    precision = {t: _ratio(confusion[(t, t)], sum(confusion[(o, t)] for o in TONES)) for t in TONES}
    recall = {t: _ratio(confusion[(t, t)], sum(confusion[(t, o)] for o in TONES)) for t in TONES}
    return ToneReport(n, _ratio(right, n), precision, recall, dict(confusion), misses)


@dataclass(frozen=True)
class MatchReport:
    """Precision and recall of a set-valued or pairwise judgement."""

    n: int
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int
    misses: list[str] = field(default_factory=list)


def evaluate_councils(examples: Iterable[CouncilExample], find: Callable[[str], Iterable[str]]) -> MatchReport:
    """Micro precision and recall of `find` (a headline → council codes) over labelled headlines."""
    tp = fp = fn = n = 0
    misses = []
    for example in examples:
        got = set(find(example.headline))
        n += 1
        tp, fp, fn = tp + len(got & example.codes), fp + len(got - example.codes), fn + len(example.codes - got)
        if got != example.codes:
            misses.append(f"{example.headline!r}: labelled {sorted(example.codes)}, found {sorted(got)}")
    return MatchReport(n, _ratio(tp, tp + fp), _ratio(tp, tp + fn), tp, fp, fn, misses)


def evaluate_pairs(examples: Iterable[PairExample], same: Callable[[PairExample], bool]) -> MatchReport:
    """Pair precision and recall of `same` (are these two items one story?) over labelled pairs."""
    tp = fp = fn = n = 0
    misses = []
    for example in examples:
        got = same(example)
        n += 1
        tp, fp, fn = tp + (got and example.same), fp + (got and not example.same), fn + (example.same and not got)
        if got != example.same:
            misses.append(f"{example.title_a!r} / {example.title_b!r}: labelled {'same' if example.same else 'different'}")
    return MatchReport(n, _ratio(tp, tp + fp), _ratio(tp, tp + fn), tp, fp, fn, misses)


def evaluate_relevance(examples: Iterable[RelevanceExample], keep: Callable[[str], bool]) -> MatchReport:
    """Precision and recall of `keep` (does a regional feed's item count as ours?)."""
    tp = fp = fn = n = 0
    misses = []
    for example in examples:
        got = keep(example.headline)
        n += 1
        tp, fp, fn = tp + (got and example.ours), fp + (got and not example.ours), fn + (example.ours and not got)
        if got != example.ours:
            misses.append(f"{example.headline!r}: labelled {'ours' if example.ours else 'not ours'}")
    return MatchReport(n, _ratio(tp, tp + fp), _ratio(tp, tp + fn), tp, fp, fn, misses)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


# ----- Herald's judges, as the rest of Herald runs them -----------------------------------------

def herald_tone(headline: str) -> str:
    """Herald's tone of a headline (feeds.tone)."""
    from feeds.tone import tone_of
    return tone_of(headline)[0]


def herald_council_finder() -> Callable[[str], list[str]]:
    """Herald's council matcher over the shipped council data, in an in-memory SQLite database."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from feeds.councils import build_matcher
    from models.council import Council, CouncilName
    from models.councils_data import load_councils
    from models.db import Base
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Council.__table__, CouncilName.__table__])
    with Session(engine) as session:
        load_councils(session)
        matcher = build_matcher(session)
    return matcher.find


def herald_same_story(find_councils: Callable[[str], list[str]]) -> Callable[[PairExample], bool]:
    """Herald's story rule on a labelled pair (models.story_match), each item classified as ingestion
    classifies it: councils from title and summary, tone from the title."""
    from models.story_match import same_story
    from models.story_text import StoryText
    from feeds.tone import tone_of
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)

    def text(title: str, summary: str, at: datetime) -> StoryText:
        return StoryText(title, summary, at, tuple(find_councils(f"{title}\n{summary}")), tone_of(title)[0])

    def same(example: PairExample) -> bool:
        a = text(example.title_a, example.summary_a, when)
        b = text(example.title_b, example.summary_b, when + timedelta(hours=example.hours_apart))
        return same_story(a, b).same
    return same


def herald_keeps(find_councils: Callable[[str], list[str]]) -> Callable[[str], bool]:
    """The default rule of a regional feed (`mentions`) on a headline, with no programmes, campaigns or
    spokespeople defined: a council named (not a place in crime, weather or sport news), or the word
    council, councillor or Cllr."""
    from models.relevance import judge_relevance, off_topic, speaks_of_a_council
    return lambda headline: judge_relevance("mentions", find_councils(headline), (), (),
                                            speaks_of_a_council(headline), off_topic(headline)).relevant


def override_examples(database_url: str) -> list[ToneExample]:
    """Every tone a person set by hand in a Herald database, as a labelled example."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from models.coverage import CoverageItem
    with Session(create_engine(database_url)) as session:
        return [ToneExample(title, tone) for title, tone in session.execute(
            select(CoverageItem.title, CoverageItem.tone).where(CoverageItem.tone_overridden.is_(True)))]


# ----- tables ---------------------------------------------------------------------------------

def tone_table(report: ToneReport, title: str) -> str:
    """Accuracy, per-class precision and recall, and the confusion, as Markdown."""
    lines = [f"### {title}: {report.n} headlines, accuracy {report.accuracy:.3f}", "",
             "| labelled \\ judged | " + " | ".join(TONES) + " | precision | recall |",
             "| --- | " + " | ".join("---:" for _ in TONES) + " | ---: | ---: |"]
    for t in TONES:
        cells = " | ".join(str(report.confusion.get((t, o), 0)) for o in TONES)
        lines.append(f"| {t} | {cells} | {report.precision[t]:.3f} | {report.recall[t]:.3f} |")
    return "\n".join(lines)


def match_table(report: MatchReport, title: str, unit: str) -> str:
    """Precision and recall with their counts, as Markdown."""
    return "\n".join([f"### {title}: {report.n} {unit}", "",
                      "| precision | recall | true pos. | false pos. | false neg. |",
                      "| ---: | ---: | ---: | ---: | ---: |",
                      f"| {report.precision:.3f} | {report.recall:.3f} | {report.true_positives} | "
                      f"{report.false_positives} | {report.false_negatives} |"])


@dataclass(frozen=True)
class QualityReports:
    tone: ToneReport
    councils: MatchReport
    stories: MatchReport
    relevance: MatchReport
    overrides: ToneReport | None = None


def headline_measures(reports: "QualityReports") -> dict[str, float]:
    """The measures that have floors and targets, by name (of the judgements the split has labels for)."""
    measures = {"tone accuracy": (reports.tone, reports.tone.accuracy),
                "tone negative recall": (reports.tone, reports.tone.recall["negative"]),
                "tone positive precision": (reports.tone, reports.tone.precision["positive"]),
                "councils precision": (reports.councils, reports.councils.precision),
                "councils recall": (reports.councils, reports.councils.recall),
                "stories precision": (reports.stories, reports.stories.precision),
                "stories recall": (reports.stories, reports.stories.recall),
                "relevance precision": (reports.relevance, reports.relevance.precision),
                "relevance recall": (reports.relevance, reports.relevance.recall)}
    return {name: value for name, (report, value) in measures.items() if report.n}


def targets_table(reports: "QualityReports", floors: dict[str, float] = FLOORS) -> str:
    """Each headline measure of the split (those it has labels for) against the issue's target and the CI floor,
    as Markdown."""
    lines = ["### Against the targets", "", "| measure | value | target | CI floor | target met |",
             "| --- | ---: | ---: | ---: | --- |"]
    for name, value in headline_measures(reports).items():
        target, floor = TARGETS.get(name), floors.get(name)
        met = "—" if target is None else "yes" if value >= target else "**no**"
        lines.append(f"| {name} | {value:.3f} | {'—' if target is None else f'{target:.2f}'} | "
                     f"{'—' if floor is None else f'{floor:.2f}'} | {met} |")
    return "\n".join(lines)


def measure(split: str, database_url: str | None = None) -> QualityReports:
    """All three judgements on one split (and the overrides in `database_url`, if given)."""
    overrides = None
    if database_url:
        overrides = evaluate_tone(override_examples(database_url), herald_tone)
    find = herald_council_finder()
    return QualityReports(evaluate_tone(tone_examples(split), herald_tone),
                          evaluate_councils(council_examples(split), find),
                          evaluate_pairs(pair_examples(split), herald_same_story(find)),
                          evaluate_relevance(relevance_examples(split), herald_keeps(find)), overrides)


def _labelled(report: MatchReport, title: str, unit: str) -> str:
    """`match_table`, or a line saying the split has no labels of the kind (test11 has no relevance labels)."""
    if report.n:
        return match_table(report, title, unit)
    return f"### {title.split(' of ')[0]}: no labelled {unit} in this split"


def render(reports: QualityReports, split: str, show_misses: bool = False) -> str:
    """The three quality tables (and the overrides table) as Markdown."""
    held_out = split in HELD_OUT_FLOORS
    parts = [f"## Judgement quality on the {split} split (tests/data)"
             f"{' — held out, never tuned on' if held_out else ' — seen: part of dev' if split == 'test' else ''}",
             "",
             (tone_table(reports.tone, "Tone" if held_out else "Tone (the shipped model is trained on this split: "
                         "its honest figures are the held-out and cross-validated ones)")
              if reports.tone.n else "### Tone: no labelled headlines in this split"), "",
             _labelled(reports.councils, "Councils", "headlines"), "",
             _labelled(reports.stories, "Stories", "pairs"), "",
             _labelled(reports.relevance, "Relevance of a regional feed's items (default rule)", "headlines"), "",
             targets_table(reports, HELD_OUT_FLOORS.get(split, FLOORS))]
    if reports.overrides is not None:
        parts += ["", tone_table(reports.overrides, "Tone on people's overrides (the model's call vs theirs)")
                  if reports.overrides.n else "### Tone on people's overrides: none yet"]
    if show_misses:
        for name, report in (("tone", reports.tone), ("councils", reports.councils), ("stories", reports.stories),
                             ("relevance", reports.relevance)):
            parts += ["", f"#### {name} misses", *(f"- {miss}" for miss in report.misses)]
    return "\n".join(parts)


# What the shipped tone model's configuration must keep reaching across sets written by different
# people (fitted on one, scored on the other; bench/tone_cv.py), a little under what it reached; CI
# asserts them. test2 is in the model's training data now, so these are the honest floors.
# Reached on 6 Dec 2026 (bench/results/tone-cv-1330.md): 0.893 / 0.951 and 0.793 / 0.856.
CROSS_SOURCE_FLOORS = {
    "tone train3→project accuracy": 0.87, "tone train3→project negative recall": 0.93,
    "tone project→train3 accuracy": 0.77, "tone project→train3 negative recall": 0.83,
}


def tone_cross_source() -> dict[str, float]:
    """The shipped configuration fitted on train3 and scored on the project's sets (dev, test, test2),
    and the reverse: accuracy and negative recall each way."""
    from bench.tone_cv import CHOSEN_NAME, PROJECT, candidates, score, sources
    by_source, trainer = sources(), candidates()[CHOSEN_NAME]
    project = [e for name in PROJECT for e in by_source[name]]
    found = {}
    for name, train, test in (("train3→project", by_source["train3"], project),
                              ("project→train3", project, by_source["train3"])):
        report = score(trainer(train), test)
        found[f"tone {name} accuracy"] = report.accuracy
        found[f"tone {name} negative recall"] = report.recall["negative"]
    return found


def tone_cross_validation(folds: int = 5) -> str:
    """The rules' and the shipped model's cross-validated tone figures (bench/tone_cv.py) as Markdown:
    k-fold over every labelled set, each set left out, and across sets written by different people."""
    from bench.tone_cv import CHOSEN_NAME, candidates, evaluate, sources, table
    every, by_source = candidates(), sources()
    results = {name: evaluate(every[name], by_source, folds) for name in ("rules", CHOSEN_NAME)}
    return table(results, by_source, folds)


def main(argv: list[str] | None = None) -> int:
    """Print the quality tables for a split."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default=HELD_OUT)
    parser.add_argument("--database", help="a Herald database URL whose tone overrides to score as well")
    parser.add_argument("--misses", action="store_true", help="list every wrong judgement")
    parser.add_argument("--no-cv", action="store_true", help="leave out the tone cross-validation (a minute)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    print(render(measure(args.split, args.database), args.split, args.misses))
    if not args.no_cv:
        print("\n" + tone_cross_validation())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
