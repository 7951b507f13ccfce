"""Each labelled file is scored on its own (bench/quality_sources.py), so a rule that fits one file
and not the others shows, and a directory of sets written elsewhere is scored before it is copied in."""
import csv

from bench.quality_sources import score_all, sources, sources_table


def test_every_labelled_file_of_each_kind_is_a_source():
    names = {(s.kind, s.name) for s in sources()}
    assert {("councils", "test2"), ("councils", "council_headlines"), ("stories", "dev"),
            ("relevance", "test2")} <= names


def test_an_outside_directory_is_scored_file_by_file(tmp_path):
    with (tmp_path / "councils.csv").open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerows([("headline", "councils"), ("Thurrock Council issues section 114 notice", "THR"),
                          ("Leeds Rhinos sign new prop", "")])
    with (tmp_path / "relevance.csv").open("w", newline="") as fh:
        csv.writer(fh).writerows([("headline", "ours"), ("Man jailed after Leeds city centre stabbing", "0"),
                                  ("Thurrock Council sets its budget", "1")])
    scored = dict(((s.kind, s.name), r) for s, r in score_all(tmp_path))
    outside = scored[("councils", f"{tmp_path.name}/councils.csv")]
    assert (outside.n, outside.true_positives, outside.false_positives, outside.false_negatives) == (2, 1, 0, 0)
    relevance = scored[("relevance", f"{tmp_path.name}/relevance.csv")]
    assert (relevance.precision, relevance.recall) == (1.0, 1.0)
    assert f"| councils | {tmp_path.name}/councils.csv | 2 | 1.000 | 1.000 |" in sources_table(list(
        (s, r) for s, r in score_all(tmp_path)))
