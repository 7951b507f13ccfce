"""Round eight of the story rule (issue 19): different actors and different meetings of one decision are
different stories (two national bodies, a county and its districts, a cabinet and full council)."""
from __future__ import annotations

from models.story_events import different_events, events, headline_events
from models.story_evidence import evidence
from models.story_match import same_story
from tests.story_items import story_item


def test_two_national_bodies_reports_are_two_stories():
    lga = story_item("LGA warns councils face £8bn funding gap by 2028",
                     "The Local Government Association's analysis says councils need billions more.")
    ccn = story_item("CCN: shire areas face steepest rise in SEND costs",
                     "New analysis for the County Councils Network says county deficits could reach £5bn.", 20)
    found = evidence(lga, ccn)
    assert found.veto == "about different national bodies (the LGA / the CCN)"
    assert not same_story(lga, ccn).same
    rewrite = story_item("Town halls £8bn short by 2028, says LGA", "The Local Government Association's figures.", 3)
    assert evidence(lga, rewrite).veto is None


def test_a_countys_bid_and_its_districts_rival_bid_are_two_stories():
    county = story_item("Suffolk submits single-unitary bid", "The county council sent its LGR proposal to ministers.",
                        councils=("SFK",))
    districts = story_item("Suffolk districts submit three-unitary bid", "Five district councils have backed a rival model.",
                           47, councils=("SFK",))
    assert evidence(county, districts).veto == "one is a tier's news (a county's districts, a mayor), the other another tier's"
    told_twice = story_item("Suffolk's districts back three unitaries", "The district councils' rival plan.", 5,
                            councils=("SFK",))
    assert evidence(districts, told_twice).veto is None


def test_a_cabinets_backing_and_full_councils_approval_are_two_steps():
    cabinet = story_item("Croydon cabinet backs 9.99% council tax rise",
                         "The executive mayor and cabinet will recommend the increase to full council.", councils=("CRY",))
    full = story_item("Croydon council tax rise approved by full council", "Councillors voted the budget through.", 60,
                      councils=("CRY",))
    assert evidence(cabinet, full).veto == "one is the cabinet's decision, the other full council's"
    assert "cabinet" in same_story(cabinet, full).reason
    again = story_item("Croydon's cabinet agrees 9.99% rise", "The cabinet backed the budget on Monday.", 2,
                       councils=("CRY",))
    assert evidence(cabinet, again).veto is None


def test_a_councils_name_counts_once_in_the_words_shared_however_many_words_it_has():
    def scored(name: str, code: str) -> float:
        appointed = story_item(f"{name} Council appoints new chief executive",
                               "The council has named its new head of paid service.", councils=(code,))
        # One word shared beside the name: sharing the name alone is a veto (tests/test_story_rules11.py).
        bins = story_item(f"Three-weekly bins for {name}", f"{name} Council's new chief executive will reduce general "
                          "waste collections.", 14, councils=(code,))
        found = evidence(appointed, bins)
        assert found.same_council
        return found.score

    assert scored("East Riding of Yorkshire", "ERY") == scored("Leeds", "LDS") == scored("Stoke-on-Trent", "STE")


def test_a_mayors_decision_and_a_council_of_its_area_are_two_tiers_news():
    city = story_item("Hull City Council sets 4.99% council tax rise", "The city council agreed its budget.",
                      councils=("KHL",))
    mayor = story_item("Campbell rules out mayoral council tax charge",
                       "The Hull and East Yorkshire mayor confirmed the combined authority will set a zero precept.", 20,
                       councils=("HYCA",))
    assert evidence(city, mayor).veto == "one is a tier's news (a county's districts, a mayor), the other another tier's"
    deal = story_item("Cumbria devolution deal agreed", "Cumberland and Westmorland and Furness councils agreed a deal.",
                      councils=("CBD", "WAF"))
    to_get_a_mayor = story_item("Cumbria to get mayor by 2027", "The two councils will create a mayoral authority.", 17,
                                councils=("CMA",))
    assert evidence(deal, to_get_a_mayor).veto is None


def test_a_sale_is_an_event_and_the_buyers_purchase_the_same_one():
    assert events("Lancashire County Council to sell County Hall") == {"sale"}
    assert events("Lewes landmark up for sale as county moves out") == {"sale"}
    assert different_events(events("Lancashire County Council to sell County Hall"),
                            events("Combined county authority for Lancashire approved by Parliament"))
    assert not different_events(events("Derby County sells Pride Park"), events("Derby City Council to buy Pride Park"))


def test_services_restored_after_an_attack_are_the_attacks_end_not_the_attack():
    attack = events("Cyber attack disrupts services at central London boroughs")
    restored = events("Westminster restores online services after cyber attack")
    assert attack == {"data breach"} and restored == {"data breach ends"}
    assert different_events(attack, restored)
    assert not different_events(restored, events("Council systems back online after ransomware"))


def test_an_earlier_event_a_headline_dates_is_background_not_its_news():
    resigned = headline_events("Oldham leader resigns weeks after surviving no-confidence vote")
    assert resigned == {"resignation"}
    assert different_events(events("Vote of no confidence fails in Oldham"), resigned)
    assert headline_events("Leader quits after budget defeat") == {"resignation", "budget"}  # a cause, not a date


def test_a_by_election_is_the_next_event_after_a_resignation():
    called = events("Date set for Cambridgeshire and Peterborough mayoral by-election")
    assert called == {"appointment"}
    assert different_events(events("Cambridgeshire and Peterborough mayor resigns"), called)
    assert not different_events(events("Mayor quits, triggering by-election"), events("Mayor resigns"))
