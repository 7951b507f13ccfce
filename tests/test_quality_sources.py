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


def test_story_thresholds_are_chosen_on_some_pairs_and_judged_on_others(monkeypatch):
    from bench import story_cv
    from models.story_evidence import Evidence
    monkeypatch.setattr(story_cv, "GRID", {**{k: (v[0],) for k, v in story_cv.GRID.items()}, "same_at": (0.3, 0.6)})
    pairs = [story_cv.Scored("a", True, Evidence(None, 0.7)) for _ in range(6)] + \
            [story_cv.Scored("a", False, Evidence(None, 0.4)) for _ in range(4)] + \
            [story_cv.Scored("b", False, Evidence("about different councils")) for _ in range(2)]
    assert [sum(p.same for p in fold) for fold in story_cv.folds(pairs, 2)] == [3, 3]
    assert story_cv.choose(pairs).same_at == 0.6  # 0.3 lets the 0.4 pairs in
    assert story_cv.cross_validate(pairs, 2) == (6, 0, 0)
    assert "| each of 2 folds | the other folds | 12 | 1.000 | 1.000 |" in story_cv.report(pairs, 2)


def test_each_labelled_file_holds_its_floor():
    from bench.quality_sources import SOURCE_FLOORS
    scored = {(s.kind, s.name): r for s, r in score_all()}
    assert set(SOURCE_FLOORS) <= set(scored)
    for key, (precision, recall) in SOURCE_FLOORS.items():
        report = scored[key]
        assert report.precision >= precision and report.recall >= recall, \
            f"{key}: {report.precision:.3f} / {report.recall:.3f} under {precision} / {recall}"
