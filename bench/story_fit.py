"""Fit the story model (`models/story_model.py`) on the labelled pairs, and say what it is worth on files
it never saw.

`python -m bench.story_fit [--extra DIR|CSV] [--check]` works out every labelled pair's evidence once
(`bench.story_cv.scored_pairs`: `tests/data/stories/*.csv`, never `held_out/`; the sentence encoder's three cosines
as `bench/story_cosines.csv` records them, read by encoders tuned without the pair's file, since the shipped encoder
was tuned on these pairs: `bench/meaning_tune.py`), then:

- leave one file out: a model is fitted on the other files, its threshold chosen on them (by leaving
  each of those out in turn), and judged on the file left out: what fitting is worth on a writer or round
  it never saw;
- fits on every pair the rule does not decide alone (no veto, titles not alike) and chooses the
  threshold the same way, then writes `models/story_weights.json`, and the same without the sentence
  encoder's cosines as `models/story_weights_without_sentences.json` (for pairs a batch had no time to read
  as sentences; `--check`: only says whether the shipped files are what the data gives).

Deterministic (lbfgs, no randomness; the sentence cosines are read from `bench/story_cosines.csv`, not computed).
Needs scikit-learn, a development dependency: Herald only reads the weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.story_cv import Scored, scored_pairs
from models.story_match import decide
from models.story_model import FEATURES, WEIGHTS_FILE, WEIGHTS_FILE_WITHOUT_SENTENCES, Feature, StoryModel

# Over the 0.95: a threshold chosen on some files is looser on others, and each blind set written since has
# scored about 0.02 under the pooled left-out figure. The goal is the strictest of 0.96 / 0.965 / 0.97 at which the
# seed's own example (LGC's "LGA launches 'light touch' sector regulation blueprint" and the MJ's "LG Group unveils
# plans for self regulation", 48 h apart) stays one story. With test8 in the fit that is 0.96: at 0.965 the threshold
# rises to 0.78 and the pair (0.773) splits (bench/results/judgement9-test9.md). With the word terms and the meaning
# without names (7 Dec 2026, morning) the pair scores about 0.91 against a threshold of 0.80; read as sentences too
# (all-MiniLM-L6-v2) and with stories round nineteen, about 0.89 against 0.78; with train19's hard pairs in the fit
# and rounds twenty-one, 0.88 against 0.82. The goal stays 0.96, as each blind set written since has scored at or a
# little under the pooled figure (test10: 0.954 at pooled 0.962; at the end of 7 Dec, test10 0.966 and test11,
# written hard, 0.956 at pooled 0.959). With the encoder tuned on the labelled pairs, the pair scores 0.91 against 0.81
# (pooled 0.960; test10 0.976, test11 0.965, test12 0.957).
PRECISION_GOAL = 0.96
C = 1.0  # logistic regression's inverse regularisation on standardised features
# Word terms (models/story_terms.py) enter the fit as 0/1 columns scaled by TERMS_SCALE, so their regularisation is
# C * TERMS_SCALE² (much stronger than the features'): thousands of words, each seen in a few pairs, must not carry
# a judgement alone. Only terms of at least TERMS_MIN_PAIRS labelled pairs are learnt. Chosen by leaving each file
# out (bench/results/stories-terms16.md): on 9,505 pairs, pooled recall at precision 0.96 is 0.779 / 0.790 / 0.796 /
# 0.797 / 0.799 / 0.785 / 0.782 at scale 0.1 / 0.15 / 0.25 / 0.3 / 0.35 / 0.5 / 0.7: 0.3, the middle of the plateau.
TERMS_SCALE = 0.3
TERMS_MIN_PAIRS = 5
THRESHOLDS = np.round(np.arange(0.30, 0.99, 0.01), 2)


@dataclass(frozen=True)
class Pairs:
    """The labelled pairs as arrays: each pair's file, label, whether the rule decides it alone (a veto:
    no; titles alike: yes), and its features (`models.story_model.FEATURES`)."""

    files: np.ndarray
    same: np.ndarray
    decided: np.ndarray
    decided_same: np.ndarray
    features: np.ndarray
    terms: np.ndarray  # each pair's word terms (`models.story_terms`), a frozenset per pair
    named: tuple[Feature, ...] = FEATURES  # the features' columns

    def subset(self, keep: np.ndarray) -> "Pairs":
        """The pairs where `keep` is true."""
        return Pairs(self.files[keep], self.same[keep], self.decided[keep], self.decided_same[keep],
                     self.features[keep], self.terms[keep], self.named)

    def without_sentences(self) -> "Pairs":
        """The pairs with the sentence encoder's cosines left out of the features."""
        keep = [n for n, f in enumerate(self.named) if f.group != "sentences"]
        return Pairs(self.files, self.same, self.decided, self.decided_same, self.features[:, keep], self.terms,
                     tuple(self.named[n] for n in keep))


def as_arrays(scored: list[Scored]) -> Pairs:
    """The pairs' evidence as features; a held-back file's halves ("train6-odd") count as one file."""
    rows, decided, decided_same = [], [], []
    terms = np.empty(len(scored), dtype=object)
    for n, pair in enumerate(scored):
        found = pair.found
        rows.append([f.value(found, decide(found).same) for f in FEATURES])
        decided.append(found.veto is not None or found.titles_alike is not None)
        decided_same.append(found.veto is None and found.titles_alike is not None)
        terms[n] = found.terms
    return Pairs(np.array([p.source.rsplit("-", 1)[0] if p.source.endswith(("-odd", "-even")) else p.source
                           for p in scored]),
                 np.array([p.same for p in scored]), np.array(decided), np.array(decided_same),
                 np.array(rows, dtype=float), terms)


@dataclass(frozen=True)
class Fitted:
    """A fit's weights: per unit of each feature, the intercept, the features' means, and each word term's."""

    coefficients: np.ndarray
    intercept: float
    means: np.ndarray
    terms: dict[str, float]


def term_matrix(terms: np.ndarray, vocabulary: dict[str, int]) -> "scipy.sparse.csr_matrix":
    """The pairs' word terms as a sparse 0/1 matrix over `vocabulary` (a term's column)."""
    from scipy.sparse import csr_matrix
    cells = [(row, vocabulary[t]) for row, pair_terms in enumerate(terms) for t in pair_terms if t in vocabulary]
    rows, columns = zip(*cells) if cells else ((), ())
    return csr_matrix((np.ones(len(cells)), (rows, columns)), shape=(len(terms), len(vocabulary)))


def fit(pairs: Pairs) -> Fitted:
    """The model's weights, fitted on the pairs the rule leaves to the model."""
    from collections import Counter

    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    open_pairs = pairs.subset(~pairs.decided)
    seen = Counter(t for pair_terms in open_pairs.terms for t in pair_terms)
    learnt = sorted(t for t, pairs_with in seen.items() if pairs_with >= TERMS_MIN_PAIRS)
    vocabulary = {t: n for n, t in enumerate(learnt)}
    scaler = StandardScaler().fit(open_pairs.features)
    columns = hstack([csr_matrix(scaler.transform(open_pairs.features)),
                      TERMS_SCALE * term_matrix(open_pairs.terms, vocabulary)]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000).fit(columns, open_pairs.same)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    width = len(pairs.named)
    coefficients = model.coef_[0][:width] / scale
    intercept = float(model.intercept_[0] - (coefficients * scaler.mean_).sum())
    terms = {t: float(w) * TERMS_SCALE for t, w in zip(vocabulary, model.coef_[0][width:])}
    return Fitted(coefficients, intercept, scaler.mean_, terms)


def terms_sum(pairs: Pairs, terms: dict[str, float]) -> np.ndarray:
    """Each pair's word terms' weights, summed."""
    return np.array([sum(terms.get(t, 0.0) for t in pair_terms) for pair_terms in pairs.terms], dtype=float)


def probabilities(pairs: Pairs, fitted: "Fitted | StoryModel") -> np.ndarray:
    """How sure the model is of each pair being one story (the rule's own decisions as 1 and 0)."""
    z = pairs.features @ np.array(fitted.coefficients) + fitted.intercept + terms_sum(pairs, fitted.terms)
    p = 1 / (1 + np.exp(-z))
    return np.where(pairs.decided, pairs.decided_same.astype(float), p)


def counts(pairs: Pairs, p: np.ndarray, threshold: float) -> tuple[int, int, int]:
    """True positives, false positives and false negatives at `threshold`."""
    got = p >= threshold
    return int((got & pairs.same).sum()), int((got & ~pairs.same).sum()), int((~got & pairs.same).sum())


def choose_threshold(pairs: Pairs) -> float:
    """The lowest threshold at which the pairs of each file, judged by a model fitted on the others,
    reach `PRECISION_GOAL` together."""
    p = np.zeros(len(pairs.same))
    for name in np.unique(pairs.files):
        out = pairs.files == name
        p[out] = probabilities(pairs.subset(out), fit(pairs.subset(~out)))
    for threshold in THRESHOLDS:
        tp, fp, _ = counts(pairs, p, threshold)
        if tp + fp and tp / (tp + fp) >= PRECISION_GOAL:
            return float(threshold)
    return float(THRESHOLDS[-1])


def fitted_model(pairs: Pairs) -> StoryModel:
    """The model fitted on `pairs`, its threshold chosen on them."""
    fitted = fit(pairs)
    terms = {t: round(w, 6) for t, w in fitted.terms.items()}
    open_pairs = pairs.subset(~pairs.decided)
    return StoryModel(tuple(round(float(c), 6) for c in fitted.coefficients), round(fitted.intercept, 6),
                      tuple(round(float(m), 6) for m in fitted.means), choose_threshold(pairs), terms,
                      round(float(terms_sum(open_pairs, terms).mean()), 6), pairs.named)


def weights_json(model: StoryModel, pairs: Pairs) -> str:
    """The weights file's text for `model`."""
    spec = {"about": {"pairs": int(len(pairs.same)), "same": int(pairs.same.sum()),
                      "files": sorted(set(pairs.files.tolist())), "precision_goal": PRECISION_GOAL, "c": C,
                      "terms_scale": TERMS_SCALE, "terms_min_pairs": TERMS_MIN_PAIRS},
            "features": [f.name for f in model.features], "coefficients": list(model.coefficients),
            "intercept": model.intercept, "means": list(model.means), "threshold": model.threshold,
            "terms": model.terms, "terms_mean": model.terms_mean}
    return json.dumps(spec, indent=1, sort_keys=True) + "\n"


def _measures(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def report(pairs: Pairs, shipped: StoryModel) -> str:
    """Leave one file out, and the shipped model on each file, as Markdown."""
    lines = ["### Story model: fitted on the other files, judged on one", "",
             "| judged on | pairs | threshold | precision | recall | false pos. | shipped model (seen) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    total = np.zeros(3, dtype=int)
    for name in sorted(set(pairs.files.tolist())):
        out = pairs.files == name
        model = fitted_model(pairs.subset(~out))
        held = pairs.subset(out)
        tp, fp, fn = counts(held, probabilities(held, model), model.threshold)
        total += (tp, fp, fn)
        s_tp, s_fp, s_fn = counts(held, probabilities(held, shipped), shipped.threshold)
        precision, recall = _measures(tp, fp, fn)
        s_precision, s_recall = _measures(s_tp, s_fp, s_fn)
        lines.append(f"| {name} | {len(held.same)} | {model.threshold:.2f} | {precision:.3f} | {recall:.3f} | {fp} | "
                     f"{s_precision:.3f} / {s_recall:.3f} |")
    precision, recall = _measures(*total)
    lines.append(f"| **every file, each left out** | {len(pairs.same)} | | {precision:.3f} | {recall:.3f} | {total[1]} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Fit, report and write (or check) the story model's weights."""
    parser = argparse.ArgumentParser(prog="python -m bench.story_fit", description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, help="a directory whose stories.csv to include, or a CSV of pairs")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped weights are the fit's")
    parser.add_argument("--no-report", action="store_true", help="leave out the leave-one-file-out table")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    scored = scored_pairs(args.extra)
    unrecorded = sum(not pair.cross_fitted for pair in scored)
    if unrecorded:
        print(f"{unrecorded} pairs' sentence cosines are the shipped encoder's, not read without their file: "
              "run bench/meaning_tune.py when labelled pairs change", file=sys.stderr)
    pairs = as_arrays(scored)
    fits = [(WEIGHTS_FILE, pairs), (WEIGHTS_FILE_WITHOUT_SENTENCES, pairs.without_sentences())]
    status = 0
    for path, these in fits:
        model = fitted_model(these)
        text = weights_json(model, these)
        if not args.no_report:
            print(f"\n{path.name}\n\n{report(these, model)}")
        if args.check:
            same = path.exists() and path.read_text(encoding="utf-8") == text
            verdict = "the fit of the labelled pairs" if same else "NOT the fit: run python -m bench.story_fit"
            print(f"{path.name}: {verdict}")
            status = status or (0 if same else 1)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} (threshold {model.threshold:.2f}, {len(these.same)} pairs)")
    return status or (1 if args.check and unrecorded and args.extra is None else 0)


if __name__ == "__main__":
    raise SystemExit(main())
