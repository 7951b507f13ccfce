"""Round 12 of the tone model: wrong positives. Praise beside bad news and a plan undone are features
of the model, a wrong positive costs more than a missed one in the fit, and bench/tone_cv scores
each labelled file with a model fitted on the others."""
from feeds.tone import explain_tone
from feeds.tone_direction import direction_features
from feeds.tone_model import LinearToneModel, _praise_beside_bad_news, extras, tokens
from feeds.tone_train import CHOSEN, FitConfig, Labelled, fit


def _clean(text: str) -> str:
    return " ".join(tokens(text))


def test_a_plan_or_promise_missed_or_undone_is_a_setback():
    for headline in ("Council's much-praised pilot scheme quietly axed", "New homes target missed by a third",
                     "Plans for new swimming pool dropped as costs spiral"):
        assert direction_features(_clean(headline), setback=True).get("x setback") == 1.0, headline
    for headline in ("Council agrees plans for new swimming pool", "Complaints fall to record low"):
        assert "x setback" not in direction_features(_clean(headline), setback=True), headline
    assert direction_features(_clean("Flagship scheme axed")) == {}  # only when asked: round 11's model


def test_a_ruling_or_payout_against_the_council_is_read_as_such():
    for headline in ("Family awarded compensation after ombudsman upholds complaint",
                     "Cyclist injured by pothole wins payout from council",
                     "Court of Appeal rules against council in landmark housing case"):
        assert direction_features(_clean(headline), setback=True).get("x against the council") == 1.0, headline
    for headline in ("Council wins award for its parks", "Council wins appeal over housing scheme"):
        assert "x against the council" not in direction_features(_clean(headline), setback=True), headline


def test_praise_beside_bad_news_needs_both_and_counts_negation_as_the_rules_do():
    assert _praise_beside_bad_news(_clean("Award-winning council issues s114 notice"))
    assert _praise_beside_bad_news(_clean("Council celebrates new HQ as services are cut"))
    assert not _praise_beside_bad_news(_clean("Council praised for new park"))
    assert not _praise_beside_bad_news(_clean("Council issues section 114 notice"))
    assert not _praise_beside_bad_news(_clean("Council praised as report finds no failings"))


def test_the_shipped_model_is_given_the_clash_features():
    assert "clash" in CHOSEN.extras and CHOSEN.positive_weight < 1.0
    found = extras(tokens("Award-winning council's flagship scheme axed"), None, 1.0, CHOSEN.extras)
    assert found["x praise beside bad news"] == 1.0 and found["x setback"] == 1.0


def test_a_lower_positive_weight_makes_the_fit_slower_to_call_a_headline_positive():
    examples = [Labelled(h, t) for h, t in [
        ("Council praised for new park", "positive"), ("Library wins award", "positive"),
        ("Council praised by inspectors", "positive"), ("Cabinet meets on Tuesday", "neutral"),
        ("Meeting dates published", "neutral"), ("Council budget report published", "neutral"),
        ("Council overspends again", "negative"), ("Budget gap widens", "negative"),
        ("Library to close", "negative")]]
    probe = "Council praised as library meeting dates published"

    def p_positive(weight: float) -> float:
        config = FitConfig(min_df=1, extras_scale=0.0, positive_weight=weight)
        return LinearToneModel(fit(examples, config)).predict(probe).probabilities["positive"]
    assert p_positive(0.5) < p_positive(1.0)


def test_explain_still_names_the_words_and_the_score():
    judged = explain_tone("Award-winning council issues section 114 notice")
    assert judged.tone == "negative"
    assert judged.pushes and all(p.weight > 0 for p in judged.pushes)
    assert abs(judged.score - (judged.probabilities["positive"] - judged.probabilities["negative"])) < 1e-3


def test_each_file_is_scored_by_a_model_fitted_on_the_others():
    from bench.tone_cv import by_file, by_file_table, linear_trainer
    words = [("Council praised for new park", "positive"), ("Library wins award", "positive"),
             ("Cabinet meets on Tuesday", "neutral"), ("Meeting dates published", "neutral"),
             ("Council overspends again", "negative"), ("Library to close", "negative")]
    sources = {"a": [Labelled(h, t) for h, t in words[::2]], "b": [Labelled(h, t) for h, t in words[1::2]]}
    reports = by_file(linear_trainer(FitConfig(min_df=1, extras_scale=0.0)), sources)
    assert set(reports) == {"a", "b", "pooled"}
    assert reports["pooled"].n == 6 and reports["a"].n == 3
    assert sum(reports["pooled"].confusion.values()) == 6
    assert "| pooled | 6 |" in by_file_table("words", reports, wrong_positives=False)
