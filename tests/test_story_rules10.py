"""Round ten of the story evidence (issue 19): the way a council's matter turned (halted, resumed, or going ahead)
is evidence that two items sharing its words are a step and its reversal, weighed by the story model, and
`/coverage explain` says so."""
from __future__ import annotations

from models.story_evidence import evidence
from models.story_model import FEATURES, story_model
from models.story_turns import item_turn, turn
from tests.story_items import story_item


def test_a_headline_tells_whether_its_matter_halted_or_resumed():
    assert turn("Kirklees pauses Dewsbury sports centre closure after campaign") == "halted"
    assert turn("Rural school closures off the table in Powys") == "halted"
    assert turn("Libraries safe in East Sussex") == "halted"
    assert turn("Ealing U-turn on LTNs") == "halted"
    assert turn("Larne port checks resume") == "resumed"
    assert turn("Burnley's Towneley Hall reopens") == "resumed"
    assert turn("Kirklees Council confirms Dewsbury sports centre closure") is None


def test_a_reopening_delayed_is_a_halt_and_a_summary_can_tell_the_turn():
    assert turn("Doncaster Sheffield Airport reopening delayed") == "halted"
    assert item_turn("Powys school closures", "The council's cabinet has withdrawn the plans. It had consulted.") \
        == "halted"
    assert item_turn("Powys school closures", "") is None


def test_a_step_and_its_reversal_are_two_turns_and_two_rewrites_of_a_halt_are_one():
    confirmed = story_item("Kirklees Council confirms Dewsbury sports centre closure",
                           "The council says the building is no longer viable.", councils=("KIR",))
    paused = story_item("Kirklees pauses Dewsbury sports centre closure after campaign",
                        "The council says it will look at community ownership.", 36, councils=("KIR",))
    found = evidence(confirmed, paused)
    # Round twelve: a halt beside a step taking the matter forward, both in headlines, is a veto (models.story_turns).
    assert found.veto == "opposite turns of a matter (halted / decided)"
    rewrite = story_item("Dewsbury sports centre closure put on hold", "Kirklees Council has paused the plan.", 40,
                         councils=("KIR",))
    assert evidence(paused, rewrite).turns is None


def test_the_model_weighs_turns_apart_against_one_story_and_explain_names_it():
    weights = dict(zip((f.name for f in FEATURES), story_model().coefficients))
    assert weights["turns_apart"] < 0
    # The halt told in the summary only: halted and resumed in both headlines are a veto (tests/test_story_rules11.py).
    suspended = story_item("Mid and East Antrim pulls port checks staff", "Staff were withdrawn from Larne port.",
                           councils=("MEA",))
    resumed = story_item("Larne port checks resume", "Mid and East Antrim staff returned to Larne port.", 70,
                         councils=("MEA",))
    found = evidence(suspended, resumed)
    assert found.turns == "halted / resumed"
    pushes = {push.label for push in story_model().judge(found, rule_same=True, explain=len(FEATURES)).pushes}
    assert "two turns of one council's matter (backed, then paused)" in pushes


def test_rewrites_in_the_sectors_other_words_share_their_concepts():
    from models.story_words import concepts

    assert {"road"} <= concepts("Worcestershire to spend extra £10m on potholes") & \
        concepts("County pledges millions to fix crumbling roads")
    assert concepts("Flintshire to move to four-weekly black bin collections") & \
        concepts("Residents' anger as bins to be emptied once a month") >= {"monthly"}
    assert "quits" in concepts("Soulsby confirms he will not stand again") & concepts("Leicester mayor to stand down")
    assert "error" in concepts("IT glitch sends wrong bills to Fife homes") & concepts("Fife billing error")
    assert "hmo" in concepts("Leicester curbs new HMOs") & concepts("Shared-house limits to protect family homes")
