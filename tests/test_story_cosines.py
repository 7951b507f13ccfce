"""The story pairs' cosines read by encoders tuned without their file (`bench/meaning_tune.py`), which the story
model is fitted on (`bench.story_cosines`)."""
from __future__ import annotations

import csv

from bench.meaning_tune import FOLDS, folds_of, labelled_pairs
from bench.story_cosines import COSINES_FILE, Cosines, cross_fitted_cosines, pair_key


def test_a_pair_is_found_by_its_texts():
    key = pair_key("Council sets budget", "Tax rises 4.99%.", "Budget agreed", "")
    assert key == pair_key("Council sets budget", "Tax rises 4.99%.", "Budget agreed", "")
    assert key != pair_key("Budget agreed", "", "Council sets budget", "Tax rises 4.99%.")
    assert key != pair_key("Council sets budget", "", "Tax rises 4.99%. Budget agreed", "")  # where a side ends counts


def test_the_recorded_cosines_are_read_by_key(tmp_path):
    path = tmp_path / "cosines.csv"
    path.write_text("key,source,titles,texts,title_to_text\nabc,train3,0.5,0.25,0.75\n", encoding="utf-8")
    assert cross_fitted_cosines(path) == {"abc": Cosines(0.5, 0.25, 0.75)}
    assert cross_fitted_cosines(tmp_path / "missing.csv") == {}


def test_every_labelled_pair_has_cosines_read_without_its_file():
    """One row a labelled pair, in the labelled files' order, each a cosine; a file added without tuning again
    fails here (and in the story model's own check)."""
    pairs = labelled_pairs()
    with COSINES_FILE.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["key"], row["source"]) for row in rows] == [(pair.key, pair.source) for pair in pairs]
    assert all(-1 <= float(row[name]) <= 1.0001 for row in rows for name in ("titles", "texts", "title_to_text"))


def test_the_files_are_dealt_into_folds_of_about_the_same_size():
    pairs = labelled_pairs()
    fold = folds_of(pairs)
    sizes = [sum(fold[pair.source] == k for pair in pairs) for k in range(FOLDS)]
    assert set(fold.values()) == set(range(FOLDS)) and max(sizes) - min(sizes) < max(sizes) * 0.1
