"""Round fourteen of the story evidence (issue 19): one event told two ways is not split by a veto meant for two
events. Each headline naming a different side of one event that the other item reports too; an inspection whose
headline gives no verdict, or one grade told as "requires improvement" and as "no longer inadequate"; the parties,
a chief executive and an emergency by their everyday names."""
from __future__ import annotations

from dataclasses import replace

from models.story_events import different_events, headline_events, told_both_ways
from models.story_evidence import evidence
from models.story_verdicts import gives_verdict, one_grade_two_ways, verdicts_apart
from models.story_words import concepts
from tests.story_items import story_item


def test_each_headline_naming_a_side_of_one_event_the_other_reports_is_not_two_events():
    gap = story_item("Eastborough warns it cannot balance next year's budget",
                     "The council says it will need exceptional financial support again.", 0, ("EAS",))
    ask = story_item("Eastborough asks for bailout for a second year",
                     "The council has applied to borrow to cover a £20m budget shortfall.", 6, ("EAS",))
    assert different_events(headline_events(gap.title), headline_events(ask.title))
    assert told_both_ways(headline_events(gap.title), headline_events(ask.title), gap.text, ask.text)
    assert not (evidence(gap, ask).veto or "").startswith("different events")


def test_a_next_step_dating_the_step_before_it_is_still_two_events():
    notice = story_item("Eastborough issues section 114 notice",
                        "The council says it cannot balance its books after a £5m overspend.", 0, ("EAS",))
    bailout = story_item("Eastborough asks ministers for exceptional support",
                         "Days after its section 114, the council has applied for a capitalisation direction.", 30,
                         ("EAS",))
    # Only one side: the request dates the notice, the notice never speaks of the request.
    assert not told_both_ways(headline_events(notice.title), headline_events(bailout.title), notice.text,
                              bailout.text)


def test_an_inspection_headline_without_a_verdict_gives_none():
    assert not gives_verdict("Westshire SEND services inspected")
    assert gives_verdict("Westshire SEND services rated inadequate")
    plain = replace(story_item("Westshire's area SEND inspection", "Inspectors visited in March.", 0, ("WES",)),
                    tone="negative")
    found = replace(story_item("Westshire SEND services inspected",
                               "Inspectors found Westshire County Council's SEND services were inadequate.", 4,
                               ("WES",)), tone="positive")
    assert "opposite verdicts" not in (evidence(plain, found).veto or "")


def test_requires_improvement_and_no_longer_inadequate_are_one_grade():
    assert one_grade_two_ways("Ofsted rates Northby children's services 'requires improvement'",
                              "Northby no longer inadequate, inspectors say")
    assert not verdicts_apart("Ofsted rates Northby children's services 'requires improvement'",
                              "Northby no longer inadequate, inspectors say")
    # Good news beside bad, each a verdict, stays two verdicts.
    assert verdicts_apart("Northby children's services improving, Ofsted says", "Ofsted: Northby failing children")
    assert not one_grade_two_ways("Northby rated good", "Northby requires improvement")


def test_the_everyday_names_of_parties_officers_and_emergencies_are_one_concept():
    assert "libdem" in concepts("Liberal Democrats win the county") & concepts("Lib Dems take the county")
    assert "conservative" in concepts("Conservative control ends") & concepts("Tories lose the council")
    assert "chiefexec" in concepts("New chief exec for Northby") & concepts("Northby appoints chief executive")
    assert "chiefexec" in concepts("Council confirms its new top officer") & concepts("New chief executive named")
    assert "flood" in concepts("River bursts its banks in Westshire") & concepts("Westshire floods")
    assert "evacuate" in concepts("Rest centres opened overnight") & concepts("Hundreds evacuated from homes")
    assert "jobless" in concepts("Unemployment highest in England") & concepts("Town tops jobless league")


def test_a_thing_removed_is_no_resignation_and_a_vote_on_strike_action_is_the_ballot():
    assert "resignation" not in headline_events("Eastborough LTN to be removed")
    assert "resignation" not in headline_events("Government removes Eastborough's improvement panel")
    assert "resignation" in headline_events("Eastborough leader removed from office")
    assert headline_events("Council workers to vote on strike action") == {"strike ballot"}


def test_a_judicial_review_won_is_the_ruling_and_out_of_intervention_is_its_end():
    assert headline_events("Judicial review win for parents over Eastborough SEND cuts") == {"court ruling"}
    assert headline_events("Eastborough loses court case over school transport") == {"court ruling"}
    assert headline_events("Eastborough 'out of intervention' as envoys step down") == {"intervention ends"}
    assert headline_events("Schools in Eastborough out of special measures") == {"intervention ends"}


def test_an_abolished_councils_name_beside_its_successors_is_one_area():
    from models.story_councils import headline_councils, headline_councils_apart, successors_of
    assert successors_of(frozenset({"CMA"})) == {"CBD", "WAF"}
    old = story_item("New Cumbria council faces £12m hole", "The unitary's leaders blamed adult social care.", 0,
                     ("CMA", "CBD"))
    new = story_item("Cumberland Council reports £12m savings gap", "The cabinet must find savings.", 5, ("CBD",))
    assert headline_councils(old.title, old.councils) == {"CMA"}
    assert headline_councils_apart(old, new) is None
    other = story_item("Westmorland and Furness Council reports savings gap", "The cabinet must find savings.", 5,
                       ("WAF",))
    assert headline_councils_apart(new, other)  # two successors are two councils
