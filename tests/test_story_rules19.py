"""Round nineteen of the story evidence (issue 19, recall on train18): a national body named by one item and described
by the other ("Solace" / "the chief executives' professional body") is a name told two ways; a council named only
inside a longer place's name ("Bradford Road") or in the summary of an item whose headline gives a town of the other
item's council is a passing mention, no "different councils"; a district is in its county's combined county
authority's family; a matter kept open or no longer under intervention is a halt, and a halt told after "after" or
"as" is background; a step taken to save a thing is the halt's own; a blaze, a cathedral city and a council's own
headline about a trust are no other organisation's news; an inspection's move told the same way by both headlines
is one verdict; a budget a sum short is a budget gap, and tower blocks are buildings."""
from __future__ import annotations

import pytest

from models.council_family import one_family
from models.story_bodies import body_told_two_ways, sector_bodies
from models.story_events import headline_events
from models.story_evidence import evidence
from models.story_names import organisations
from models.story_passing import named_inside_names, without_passing
from models.story_turns import halt_against_step, turn
from models.story_verdicts import verdicts_apart
from tests.story_items import story_item


@pytest.mark.parametrize("text, body", [
    ("the network representing england's counties says care costs will soar", "the CCN"),
    ("a survey by the chief executives' professional body finds morale falling", "Solace"),
    ("the performance watchdog published its first annual review", "Oflog"),
    ("whitehall's spending watchdog says the plan is missing", "the NAO"),
    ("the body representing scotland's councils rejected the offer", "Cosla"),
    ("the accountancy body's survey of treasury returns", "CIPFA"),
    ("the group representing district councils wants more time", "the DCN"),
])
def test_a_body_described_is_that_body(text, body):
    assert body in sector_bodies(text)


def test_another_nations_spending_watchdog_is_not_the_nao():
    assert sector_bodies("the welsh public spending watchdog criticised the scheme") == frozenset()
    assert sector_bodies("scotland's local government watchdog says the council must move faster") == frozenset()


@pytest.mark.parametrize("one, other, body", [
    ("solace warns of chief executive churn", "the chief executives' professional body warns of churn", "Solace"),
    ("audit wales says the savings plan lacks detail", "the welsh public spending watchdog says the plan is thin",
     "Audit Wales"),
    ("the accounts commission urges eastmoor to speed up", "scotland's council spending watchdog urges more pace",
     "the Accounts Commission"),
    ("oflog publishes its first report", "oflog's first report is out", None),  # both name it: a word shared
    ("the performance watchdog reports", "the performance watchdog's report", None),  # neither names it
])
def test_a_body_told_two_ways(one, other, body):
    assert body_told_two_ways(one, other) == body


def test_a_body_told_two_ways_counts_as_shared():
    one = story_item("Accounts Commission tells Falkirk to quicken reform", "The report finds slow progress.", 0,
                     ("FAL",))
    other = story_item("Falkirk must move faster, says Scottish spending watchdog", "Councillors will respond.", 6,
                       ("FAL",))
    assert "a body told two ways" in evidence(one, other).shared


@pytest.mark.parametrize("codes, title, summary, passing", [
    (("BRD",), "Cycle lane on Bradford Road gets go-ahead", "", {"BRD"}),  # a road's name
    (("BRD",), "Cycle lane gets go-ahead", "Work starts on Bradford's Forster Square next week.", set()),  # its own
    (("BRD",), "Bradford approves cycle lane", "", set()),
    (("BRD",), "Cycle Lane On Bradford Road Gets Go-Ahead", "", set()),  # Title Case: every word capitalised
])
def test_a_council_named_only_inside_a_place_name(codes, title, summary, passing):
    assert named_inside_names(codes, title, summary) == passing


def test_a_neighbour_named_in_the_summary_beside_a_town_of_the_other_council():
    kirklees = story_item("Kirklees agrees £3m to rebuild Holmfirth pool", "The cabinet backed the plan.", 0, ("KIR",))
    swimmers = story_item("Holmfirth swimmers face a year without a pool", "Clubs will travel to Wakefield while the "
                          "work goes on.", 8, ("WKF",))
    assert without_passing(swimmers, kirklees).councils == ()
    assert evidence(kirklees, swimmers).veto != "about different councils"
    own = story_item("Wakefield approves new pool", "Clubs from Holmfirth will use it.", 8, ("WKF",))
    assert without_passing(own, kirklees).councils == ("WKF",)  # its headline names its own council


def test_a_district_is_in_its_county_combined_authoritys_family():
    assert one_family(("LIC",), ("GLCA",))


@pytest.mark.parametrize("title, turned", [
    ("Eastmoor confirms Riverside pool will stay open", "halted"),
    ("Westvale no longer under government intervention", "halted"),
    ("Northfield homes approved after rail station scrapped", None),  # the scrapping is background
    ("Two village schools face closure as pupil numbers drop", None),
    ("Library closure paused as campaign grows", "halted"),
])
def test_turns(title, turned):
    assert turn(title) == turned


def test_a_step_taken_to_save_is_the_halts_own():
    saved = story_item("Threatened Westvale bus routes saved", "", 0, ("WVL",))
    step = story_item("Westvale agrees £2m to save bus routes", "", 4, ("WVL",))
    assert halt_against_step(saved, step) is None
    cut = story_item("Westvale agrees bus cuts to save £2m", "", 4, ("WVL",))
    assert halt_against_step(saved, cut) is not None


@pytest.mark.parametrize("title, found", [
    ("Fire destroys pavilion in Westvale park", set()),  # a blaze
    ("Cathedral city's summer festival safe for three years", set()),
    ("Westshire Fire and Rescue to cut 100 jobs", {"fire", "rescue"}),
    ("Fire service to close two stations", {"fire"}),
])
def test_organisations(title, found):
    assert organisations(title) == found


def test_a_councils_own_headline_about_a_trust_is_the_councils():
    council = story_item("Croydon confirms local trust will run library", "The trust takes over in May.", 0, ("CRY",))
    group = story_item("Volunteers to take over Croydon library", "The group has signed a deal with the council.", 5)
    assert not (evidence(council, group).veto or "").startswith("one is about another organisation")


@pytest.mark.parametrize("one, other, apart", [
    ("Westvale children's services slip to 'requires improvement'",
     "Ofsted downgrade for Westvale after previous 'good' rating", False),
    ("Ofsted rates Eastmoor children's services 'good'", "Eastmoor welcomes upgrade as inspectors praise teams", False),
    ("Ofsted rates Eastmoor children's services 'good'", "Eastmoor children's services rated 'inadequate'", True),
])
def test_inspection_verdicts(one, other, apart):
    assert verdicts_apart(one, other) is apart


@pytest.mark.parametrize("title, kinds", [
    ("Housing budget almost £20m short, report warns", {"budget gap"}),
    ("Care budget goes £8m over as demand rises", {"budget gap"}),
    ("Tower blocks to make way for 300 homes", set()),
    ("Council blocks tower plan", {"refusal"}),
])
def test_events(title, kinds):
    assert headline_events(title) == kinds
