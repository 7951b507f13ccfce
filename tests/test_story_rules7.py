"""Round seven of the story rule: words that are another event's in other senses, and ... (issue 19)."""
from __future__ import annotations

from models.story_events import different_events, events


def test_a_deal_struck_is_a_deal_agreed_not_a_strike():
    assert events("Coventry City Council strikes deal on equal pay with unions") == {"settlement"}
    assert not different_events(events("Equal pay claims at Coventry settled"),
                                events("Coventry strikes a deal on equal pay"))
    assert "strike" in events("Bin workers strike over pay")


def test_a_gap_that_opens_is_a_budget_gap_and_asking_whitehall_for_help_a_bailout():
    found = events("County hall asks Whitehall for help as £34m gap opens")
    assert found == {"bailout", "budget gap"}
    assert not different_events(found, events("Worcestershire to seek exceptional support"))
    assert events("Cheshire East faces £100m budget hole") == {"budget gap"}
    assert events("New library opens in Leek") == {"opening"}
    assert events("Council asks government to rethink") == frozenset()


def test_the_information_commissioner_is_no_intervention_and_its_penalty_a_ruling():
    found = events("Information commissioner issues penalty to south London borough")
    assert found == {"court ruling"}
    assert not different_events(events("Sutton fined over data breach"), found)
    assert events("Government appoints commissioner at Woking") == {"appointment", "intervention"}


def test_a_strike_voted_for_is_a_step_of_the_dispute_not_the_strike_held():
    ballot = events("Glasgow council workers vote to strike")
    assert ballot == {"strike ballot"} == events("Council social workers back industrial action")
    held = events("Glasgow schools shut as teachers strike")
    assert not ballot & held and not different_events(ballot, held)


def test_a_reviews_findings_are_an_investigations_not_a_decision_on_the_scheme():
    found = events("Armada Way chainsaw decision broke council rules, review finds")
    assert found == {"investigation"}
    assert different_events(found, events("Armada Way redesign approved by Plymouth cabinet"))
