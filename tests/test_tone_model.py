"""The trained tone model: its pure-Python scoring is the fitted model's, the committed weights are
what the shipped data fits, and it explains a verdict by the words that pushed it."""
import subprocess
import sys

import pytest

from feeds.tone_direction import direction_features
from feeds.tone import explain_tone, linear_model, rules_tone, tone_of
from feeds.tone_model import LinearToneModel, char_terms, tokens, vector
from feeds.tone_train import FitConfig, Labelled, fit, shipped_examples


def _dot(model: LinearToneModel, text: str) -> list[float]:
    """The scores the plain way: every feature of `vector` times its weight."""
    x = vector(tokens(text), model.idf, rules_tone(text), model.scale, model.sublinear)
    scores = list(model.intercept)
    for name, value in x.items():
        for c, w in enumerate(model.weights.get(name, ())):
            scores[c] += value * w
    return scores


def test_the_fast_path_scores_exactly_as_the_feature_vector():
    model = linear_model()
    texts = [e.headline for e in shipped_examples()[::7]] + ["", "£", "Assess assess assess", "Council"]
    for text in texts:
        assert model.scores(tokens(text), rules_tone(text)) == pytest.approx(_dot(model, text), abs=1e-9)


def test_character_ngrams_are_per_word_and_padded():
    assert char_terms("ab") == [" a", "ab", "b ", " ab", "ab ", " ab "]
    assert tokens("Council's £2m 'black hole' - S114!") == ["council's", "£2m", "black", "hole", "s114"]


def test_which_way_a_measure_moved_is_read_from_the_measure_and_the_movement():
    assert direction_features("complaints fall to record low") == {"x lower-is-better down": 1.0}
    assert direction_features("resident satisfaction falls") == {"x higher-is-better down": 1.0}
    assert direction_features("waiting times rise again") == {"x lower-is-better up": 1.0}
    assert direction_features("recycling rate climbs") == {"x higher-is-better up": 1.0}
    assert direction_features("council sets its budget") == {}


def test_a_tiny_model_learns_words_it_never_saw_whole_from_their_characters():
    examples = [Labelled(h, t) for h, t in [
        ("Council overspends again", "negative"), ("Overspending council warned", "negative"),
        ("Budget overspend deepens", "negative"), ("Council praised for new park", "positive"),
        ("Praise for library team", "positive"), ("Council praises volunteers", "positive"),
        ("Cabinet meets on Tuesday", "neutral"), ("Committee meeting on Thursday", "neutral"),
        ("Meeting dates published", "neutral")]]
    model = LinearToneModel(fit(examples, FitConfig(min_df=1, extras_scale=0.0)))
    assert model.predict("Overspent council").tone == "negative"  # "overspent" is in no example
    assert model.predict("Praiseworthy council").tone == "positive"


def test_the_committed_weights_are_what_the_shipped_data_fits():
    committed = linear_model()
    refitted = LinearToneModel(fit(shipped_examples()))
    assert committed.about["examples"] == len(shipped_examples())
    assert set(committed.idf) == set(refitted.idf)
    texts = [e.headline for e in shipped_examples()]
    agree = sum(committed.predict(t, rules_tone(t)).tone == refitted.predict(t, rules_tone(t)).tone for t in texts)
    assert agree >= len(texts) - 2, "feeds/tone_weights.json is stale: run python -m feeds.tone_train"


def test_a_verdict_is_explained_by_the_words_that_pushed_it_and_the_rules():
    judged = explain_tone("Council issues section 114 notice as overspend grows")
    assert judged.tone == "negative" and judged.runner_up in ("neutral", "positive")
    assert judged.pushes and all(p.weight > 0 for p in judged.pushes)
    pushed = {p.words for p in judged.pushes}
    assert pushed & {"114", "section", "overspend", "section 114", "(rules' score)"}
    assert judged.rules.tone == "negative" and any(h.words == "section 114" for h in judged.hits)
    assert abs(judged.score - (judged.probabilities["positive"] - judged.probabilities["negative"])) < 1e-3
    assert tone_of("Council issues section 114 notice as overspend grows") == (judged.tone, judged.score)


def test_scoring_a_headline_loads_no_scikit_learn():
    code = ("import sys; from feeds.tone import tone_of; tone_of('Council praised for new homes'); "
            "assert 'sklearn' not in sys.modules and 'numpy' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
