"""Fit the story model (`models/story_model.py`) on the labelled pairs, and say what it is worth on files
it never saw.

`python -m bench.story_fit [--extra DIR|CSV] [--check]` works out every labelled pair's evidence once
(`bench.story_cv.scored_pairs`: `tests/data/stories/*.csv`, never `held_out/`), then:

- leave one file out: a model is fitted on the other files, its threshold chosen on them (by leaving
  each of those out in turn), and judged on the file left out: what fitting is worth on a writer or round
  it never saw;
- the blind-written files (`BLIND`: each written by an engineer who saw none of the rules or other files)
  told apart: pooled and worst file, the figure a new writer's set is likeliest to get;
- fits on every pair the rule does not decide alone (no veto, titles not alike) and chooses the
  threshold the same way, then writes `models/story_weights.json` (`--check`: only says whether the
  shipped file is what the data gives).

The even rows of a held-back file (`HELD_BACK`: written blind, odd rows read, even rows never) are never
fitted or chosen on: they are only judged, by models fitted without their file, and told pooled.

Deterministic (lbfgs, no randomness). Needs scikit-learn, a development dependency: Herald only reads the
weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.story_cv import HELD_BACK as RULE_HELD_BACK
from bench.story_cv import Scored, scored_pairs
from models.story_match import decide
from models.story_model import FEATURES, WEIGHTS_FILE, StoryModel, story_model



@dataclass(frozen=True)
class Rule:
    """How the threshold is chosen from the pairs of each file judged by a model fitted on the others: the lowest
    at which their pair precision reaches `goal`, pooled, or (`each_file`) in every file on its own."""

    goal: float
    each_file: bool = True

    def __str__(self) -> str:
        return f"{'each file' if self.each_file else 'pooled'} {self.goal}"


# A new writer's set is one file, not the pool: the pooled figure is carried by the easy self-written files, and
# each blind set written since scored under it (test8 0.953 against 0.965 pooled). So every file left out must reach
# the goal alone. 0.94, not the issue's 0.95: 0.95 (threshold 0.84) refuses the seed's own example (LGC's "LGA
# launches 'light touch' sector regulation blueprint" and the MJ's "LG Group unveils plans for self regulation", 48 h
# apart, with their summaries: 0.79). Measured in bench/results/stories-fit14.md.
RULE = Rule(0.94)
# Files whose even rows are only judged, never fitted or chosen on: the rule's held-back files and test8 (held out
# until test9 was written, its misses never read).
HELD_BACK = RULE_HELD_BACK | {"test8"}
# Written blind by engineers who saw none of Herald's rules or labelled files: what a new writer is like. The rest
# (dev, test, test2-test5, train3) were written by, or beside, the rules' authors and flatter any pooled figure.
BLIND = frozenset({"test6", "test7"}) | HELD_BACK
C = 1.0  # logistic regression's inverse regularisation on standardised features
THRESHOLDS = np.round(np.arange(0.30, 0.99, 0.01), 2)


@dataclass(frozen=True)
class Pairs:
    """The labelled pairs as arrays: each pair's file, label, whether the rule decides it alone (a veto:
    no; titles alike: yes), its features (`models.story_model.FEATURES`), and whether it is a held-back
    file's even row (only ever judged)."""

    files: np.ndarray
    same: np.ndarray
    decided: np.ndarray
    decided_same: np.ndarray
    features: np.ndarray
    even: np.ndarray

    def subset(self, keep: np.ndarray) -> "Pairs":
        """The pairs where `keep` is true."""
        return Pairs(self.files[keep], self.same[keep], self.decided[keep], self.decided_same[keep],
                     self.features[keep], self.even[keep])


def as_arrays(scored: list[Scored]) -> Pairs:
    """The pairs' evidence as features; a held-back file's halves ("train6-odd") count as one file, its even
    rows (the 2nd, 4th, ... of the file) marked."""
    rows, decided, decided_same, files, even = [], [], [], [], []
    seen: dict[str, int] = {}
    for pair in scored:
        found = pair.found
        rows.append([f.value(found, decide(found).same) for f in FEATURES])
        decided.append(found.veto is not None or found.titles_alike is not None)
        decided_same.append(found.veto is None and found.titles_alike is not None)
        name = pair.source.rsplit("-", 1)[0] if pair.source.endswith(("-odd", "-even")) else pair.source
        files.append(name)
        seen[name] = seen.get(name, 0) + 1
        even.append(name in HELD_BACK and seen[name] % 2 == 0)
    return Pairs(np.array(files), np.array([p.same for p in scored]), np.array(decided), np.array(decided_same),
                 np.array(rows, dtype=float), np.array(even))


def fit(pairs: Pairs) -> tuple[np.ndarray, float, np.ndarray]:
    """Coefficients per unit of each feature, the intercept and the features' means, fitted on the pairs
    the rule leaves to the model."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    open_pairs = pairs.subset(~pairs.decided)
    scaler = StandardScaler().fit(open_pairs.features)
    model = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(open_pairs.features), open_pairs.same)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    coefficients = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (coefficients * scaler.mean_).sum())
    return coefficients, intercept, scaler.mean_


def probabilities(pairs: Pairs, coefficients: np.ndarray, intercept: float) -> np.ndarray:
    """How sure the model is of each pair being one story (the rule's own decisions as 1 and 0)."""
    z = pairs.features @ coefficients + intercept
    p = 1 / (1 + np.exp(-z))
    return np.where(pairs.decided, pairs.decided_same.astype(float), p)


def counts(pairs: Pairs, p: np.ndarray, threshold: float) -> tuple[int, int, int]:
    """True positives, false positives and false negatives at `threshold`."""
    got = p >= threshold
    return int((got & pairs.same).sum()), int((got & ~pairs.same).sum()), int((~got & pairs.same).sum())


def choose_threshold(pairs: Pairs, rule: Rule = RULE) -> float:
    """The lowest threshold at which the pairs of each file, judged by a model fitted on the others, reach the
    rule's precision (pooled, or in every file alone). Held-back even rows are never chosen on."""
    pairs = pairs.subset(~pairs.even)
    p = np.zeros(len(pairs.same))
    for name in np.unique(pairs.files):
        out = pairs.files == name
        coefficients, intercept, _ = fit(pairs.subset(~out))
        p[out] = probabilities(pairs.subset(out), coefficients, intercept)
    groups = [pairs.files == name for name in np.unique(pairs.files)] if rule.each_file else [pairs.files == pairs.files]
    for threshold in THRESHOLDS:
        if all(_measures(*counts(pairs.subset(g), p[g], threshold))[0] >= rule.goal for g in groups):
            return float(threshold)
    return float(THRESHOLDS[-1])


def fitted_model(pairs: Pairs, rule: Rule = RULE) -> StoryModel:
    """The model fitted on `pairs` but held-back even rows, its threshold chosen on them by `rule`."""
    pairs = pairs.subset(~pairs.even)
    coefficients, intercept, means = fit(pairs)
    return StoryModel(tuple(round(float(c), 6) for c in coefficients), round(intercept, 6),
                      tuple(round(float(m), 6) for m in means), choose_threshold(pairs, rule))


def weights_json(model: StoryModel, pairs: Pairs) -> str:
    """The weights file's text for `model`."""
    used = pairs.subset(~pairs.even)
    spec = {"about": {"pairs": int(len(used.same)), "same": int(used.same.sum()), "judged_only": int(pairs.even.sum()),
                      "files": sorted(set(used.files.tolist())), "threshold_rule": str(RULE), "c": C},
            "features": [f.name for f in FEATURES], "coefficients": list(model.coefficients),
            "intercept": model.intercept, "means": list(model.means), "threshold": model.threshold}
    return json.dumps(spec, indent=1, sort_keys=True) + "\n"


def _measures(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def _judged(pairs: Pairs, model: StoryModel) -> np.ndarray:
    """True positives, false positives and false negatives of `model` on `pairs`."""
    return np.array(counts(pairs, probabilities(pairs, np.array(model.coefficients), model.intercept),
                           model.threshold))


def report(pairs: Pairs, shipped: StoryModel, rule: Rule = RULE) -> str:
    """Leave one file out, and the shipped model on each file, as Markdown; then the blind-written files
    together. A held-back file's row is its odd rows; its even rows are judged (by the model fitted without the
    file) but told only pooled, never file by file."""
    lines = ["### Story model: fitted on the other files, judged on one", "",
             "| judged on | pairs | threshold | precision | recall | false pos. | shipped model (seen) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    total, blind, even = np.zeros(3, dtype=int), np.zeros(3, dtype=int), np.zeros(3, dtype=int)
    worst, worst_even = 1.0, 1.0
    for name in sorted(set(pairs.files.tolist())):
        model = fitted_model(pairs.subset(pairs.files != name), rule)
        held = pairs.subset((pairs.files == name) & ~pairs.even)
        found, seen = _judged(held, model), _judged(held, shipped)
        total += found
        precision, recall = _measures(*found)
        if name in BLIND:
            blind += found
            worst = min(worst, precision)
        if name in HELD_BACK:
            judged_even = _judged(pairs.subset((pairs.files == name) & pairs.even), model)
            even += judged_even
            if judged_even[0] + judged_even[2]:  # a half with one-story pairs in it
                worst_even = min(worst_even, _measures(*judged_even)[0])
        s_precision, s_recall = _measures(*seen)
        lines.append(f"| {name}{' (odd rows)' if name in HELD_BACK else ''} | {len(held.same)} | {model.threshold:.2f} | "
                     f"{precision:.3f} | {recall:.3f} | {found[1]} | {s_precision:.3f} / {s_recall:.3f} |")
    precision, recall = _measures(*total)
    lines.append(f"| **every file, each left out** | {int((~pairs.even).sum())} | | {precision:.3f} | {recall:.3f} | "
                 f"{total[1]} | |")
    lines += ["", "| blind-written files, each left out | precision | recall | false pos. | worst file's precision |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for label, (tp, fp, fn), low in (("odd rows and whole files", blind, worst),
                                     ("held-back even rows (never fitted, chosen or read)", even, worst_even)):
        precision, recall = _measures(tp, fp, fn)
        lines.append(f"| {label} | {precision:.3f} | {recall:.3f} | {fp} | {low:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Fit, report and write (or check) the story model's weights."""
    parser = argparse.ArgumentParser(prog="python -m bench.story_fit", description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, help="a directory whose stories.csv to include, or a CSV of pairs")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped weights are the fit's")
    parser.add_argument("--no-report", action="store_true", help="leave out the leave-one-file-out table")
    parser.add_argument("--rule", metavar="each:GOAL|pooled:GOAL",
                        help="only report, thresholds chosen so that every file left out (each) or all of them "
                             "together (pooled) reach GOAL")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    pairs = as_arrays(scored_pairs(args.extra))
    if args.rule:
        kind, goal = args.rule.split(":")
        print(report(pairs, story_model(), Rule(float(goal), each_file=kind == "each")))
        return 0
    model = fitted_model(pairs)
    text = weights_json(model, pairs)
    if not args.no_report:
        print(report(pairs, model))
    if args.check:
        same = WEIGHTS_FILE.exists() and WEIGHTS_FILE.read_text(encoding="utf-8") == text
        print(f"{WEIGHTS_FILE.name}: {'the fit of the labelled pairs' if same else 'NOT the fit: run python -m bench.story_fit'}")
        return 0 if same else 1
    WEIGHTS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE} (threshold {model.threshold:.2f}, {int((~pairs.even).sum())} pairs fitted on, "
          f"{int(pairs.even.sum())} only judged)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
