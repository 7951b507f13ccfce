"""Round nine of the story evidence (issue 19): two stages of one council's matter (put out to consultation, then
decided) are evidence of two stories, weighed by the story model, and `/coverage explain` says so."""
from __future__ import annotations

from models.story_evidence import evidence

from models.story_match import judge
from models.story_model import FEATURES, story_model
from models.story_stages import item_stage, stage
from tests.story_items import story_item


def test_a_headline_tells_its_matters_stage():
    assert stage("Perth and Kinross Council consults on closing Blairgowrie recycling centre") == "proposed"
    assert stage("Double council tax for second homes in Cornwall? Have your say") == "proposed"
    assert stage("Havering applies to raise tax above cap") == "proposed"
    assert stage("Stoke-on-Trent school closures confirmed") == "decided"
    assert stage("Swansea Council signs Blue Eden partnership deal") == "decided"
    assert stage("Sutton's levelling up bid turned down") == "decided"
    assert stage("Birmingham bin strike: all-out action begins") is None


def test_a_consultation_approved_is_still_the_consultation_and_a_dated_one_is_background():
    assert stage("Edinburgh approves workplace parking levy consultation") == "proposed"
    assert stage("Library closures confirmed after consultation") == "decided"
    assert stage("Charges agreed following a six-week consultation") == "decided"


def test_a_headline_with_no_stage_is_read_by_its_summarys_first_sentence():
    assert item_stage("Second home owners in Cornwall to pay double",
                      "Council tax on second properties will double next year, the council has decided. "
                      "Owners were consulted in the spring.") == "decided"
    assert item_stage("Blairgowrie recycling centre to shut", "") is None


def test_a_consultation_and_its_decision_are_two_stages_of_one_matter():
    consults = story_item("Stoke-on-Trent consults on two school closures",
                          "Stoke-on-Trent City Council launched a consultation on closing two primary schools.",
                          councils=("STE",))
    decided = story_item("Stoke-on-Trent school closures confirmed",
                         "Stoke-on-Trent City Council's cabinet confirmed the closure of two primary schools.", 70,
                         councils=("STE",))
    found = evidence(consults, decided)
    assert found.veto is None and found.stages == "proposed / decided"
    rewrite = story_item("Two Stoke primaries could close as council asks parents' views",
                         "Stoke-on-Trent City Council is consulting on closing two primary schools.", 3,
                         councils=("STE",))
    assert evidence(consults, rewrite).stages is None


def test_the_model_weighs_stages_apart_against_one_story_and_explain_says_so():
    weights = dict(zip((f.name for f in FEATURES), story_model().coefficients))
    assert weights["stages_apart"] < 0
    consults = story_item("Woking Council consults on sale of town centre assets",
                          "Woking Borough Council has begun a consultation on selling property to cut its debt.",
                          councils=("WOI",))
    agreed = story_item("Woking agrees to sell town centre assets",
                        "Woking Borough Council's executive approved the sale of property to cut its debt.", 40,
                        councils=("WOI",))
    found = evidence(consults, agreed)
    assert found.stages == "proposed / decided"
    apart = judge(found)
    together = judge(evidence(consults, story_item(agreed.title.replace("agrees to sell", "to sell"),
                                                   agreed.summary.replace("approved the sale of", "will sell"), 40,
                                                   councils=("WOI",))))
    assert apart.score < together.score
    pushes = {push.label for push in story_model().judge(found, rule_same=True, explain=len(FEATURES)).pushes}
    assert "two stages of one matter (a proposal, its decision)" in pushes


def test_more_ways_of_telling_an_intervention_ended():
    from models.story_events import different_events, headline_events

    ended = headline_events("Tower Hamlets taken out of government intervention")
    assert ended == frozenset({"intervention ends"})
    for title in ("Tower Hamlets emerges from government oversight", "No commissioners for Spelthorne, minister decides",
                  "Liverpool council to regain full control from commissioners"):
        assert headline_events(title) == ended, title
        assert not different_events(headline_events(title), headline_events("Envoys withdrawn from Tower Hamlets"))
    assert headline_events("Commissioners sent into Spelthorne") == frozenset({"intervention"})


def test_a_mayoral_race_won_is_an_election_not_an_award():
    from models.story_events import different_events, headline_events

    race = headline_events("Reform UK wins Greater Lincolnshire mayoral race")
    assert race == frozenset({"appointment"})
    assert not different_events(race, headline_events("Greater Lincolnshire mayor elected"))
    assert headline_events("Wigan Council wins MJ award") == frozenset({"award"})
