"""The quality of tone, council and story judgements on the labelled test split (tests/data) stays at
or above the floors in bench/quality.py, so a change that makes a judgement worse fails here."""
import pytest

from bench.quality import FLOORS, council_examples, headline_measures, measure, pair_examples, tone_examples


def test_the_labelled_sets_are_big_enough_and_split():
    assert len(tone_examples("test")) + len(tone_examples("dev")) >= 300
    assert len(council_examples("test")) + len(council_examples("dev")) >= 300
    assert len(pair_examples("test")) + len(pair_examples("dev")) >= 100
    assert not {e.headline for e in tone_examples("test")} & {e.headline for e in tone_examples("dev")}
    assert not {e.headline for e in council_examples("test")} & {e.headline for e in council_examples("dev")}


@pytest.fixture(scope="module")
def measures():
    return headline_measures(measure("test"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_judgement_holds_its_floor_on_the_test_split(measures, name):
    assert measures[name] >= FLOORS[name], f"{name} fell to {measures[name]:.3f} (floor {FLOORS[name]})"


def test_a_persons_tone_overrides_become_labelled_examples(herald):
    from bench.quality import evaluate_tone, herald_tone, override_examples
    from tests.coverage_fixtures import run
    from tests.test_coverage_judgement import NOW, _store
    with herald.session() as s:
        item = _store(s, "https://x.example/o", "Council praised for new homes", "", NOW)
    run(herald, f"coverage tone {item} negative")
    examples = override_examples(herald.settings.DATABASE_URL)
    assert [(e.headline, e.tone) for e in examples] == [("Council praised for new homes", "negative")]
    report = evaluate_tone(examples, herald_tone)
    assert report.n == 1 and report.confusion == {("negative", "positive"): 1}
