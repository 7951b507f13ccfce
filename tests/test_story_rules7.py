"""Round seven of the story rule (issue 19): words that are another event's in other senses ("strikes a deal"),
a strike ballot as a step of the dispute, a town of the council the other item names, and the trade press
naming its own awards."""
from __future__ import annotations

from models.story_events import different_events, events
from tests.story_items import story_item


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


def test_commissioners_and_intervention_are_one_concept():
    from models.story_words import concepts
    assert "intervention" in concepts("Commissioners sent into Middlesbrough") & concepts(
        "Middlesbrough intervention begins as ministers lose patience")



def test_a_town_of_the_council_the_other_item_names_is_no_name_apart():
    from models.story_evidence import evidence
    found = evidence(story_item("Hillingdon takes Home Office to court over asylum hotel",
                                "Hillingdon Council launches legal action to stop a hotel being used for asylum seekers.",
                                councils=("HIL",)),
                     story_item("Council sues government over use of Hayes hotel",
                                "Hillingdon says the use breaches planning rules.", councils=("HIL",), hours=25))
    assert found.veto is None and found.names_apart is None


def test_another_town_of_the_same_council_keeps_the_names_apart():
    from models.story_evidence import evidence
    found = evidence(story_item("North Yorkshire Council scraps Whitby car park plan",
                                "North Yorkshire Council has dropped plans for a multi-storey car park in Whitby.",
                                councils=("NYE",)),
                     story_item("North Yorkshire rethinks Scarborough seafront scheme",
                                "The county's executive has dropped its plans for the Futurist site.",
                                councils=("NYE",)))
    assert found.names_apart == "whitby / scarborough"


def test_east_anglia_is_the_area_of_norfolk_and_suffolk():
    from models.council_family import area_words
    assert "anglia" in area_words(("NFK",)) and "anglia" in area_words(("SFK",))


def test_a_council_suing_is_a_court_case_and_refusals_and_purchases_one_concept_each():
    from models.story_words import concepts
    assert events("Council sues government over use of Hayes hotel") == {"court"}
    assert not different_events(events("Hillingdon takes Home Office to court over asylum hotel"),
                                events("Council sues government over use of Hayes hotel"))
    assert "reject" in concepts("Mayfield Market Town refused by councillors") & concepts("Horsham rejects 3,000 homes")
    assert "buy" in concepts("Council snaps up seafront hotels") & concepts("Blackpool buys Tower Headland hotels")
    assert "bins" in concepts("refuse collections")  # refuse the noun stays rubbish


def test_the_trade_press_naming_its_awards_is_no_name_of_the_story():
    from models.story_names import names
    assert names("Wigan Council named LGC Council of the Year for second time", "") == {"wigan"}
