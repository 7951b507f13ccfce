"""Round eleven of the story evidence (issue 19): two councils of one family each named by its own headline are two
councils' news; neighbouring places whose names share a stem are not one word; inspections of two services of one
council are two verdicts."""
from __future__ import annotations

from models.story_councils import headline_councils
from models.story_evidence import evidence
from models.story_mentions import unmentioned
from models.story_names import names
from models.story_outcomes import outcomes_apart
from models.story_services import service
from models.story_stages import stage
from models.story_turns import opposite_turns
from models.story_words import concepts
from tests.story_items import story_item


def test_a_headline_names_a_council_as_such_by_its_whole_name():
    assert headline_councils("Essex County Council agrees to sell County Hall", ("ESS", "CHL")) == {"ESS"}
    assert headline_councils("Norwich City Council budget approved", ("NOW",)) == {"NOW"}
    assert headline_councils("Lincolnshire County Council appoints commissioner", ("LIN", "LIC")) == {"LIN"}
    assert headline_councils("Solihull council loses appeal", ("SOL",)) == {"SOL"}
    assert headline_councils("Essex unitary raises tax", ("ESS",)) == frozenset()  # a place, not the council
    assert headline_councils("Essex unitary raises tax", ("ESS",), formal=False) == {"ESS"}


def test_a_county_and_its_district_each_named_by_its_headline_are_two_councils_news():
    county = story_item("Suffolk County Council approves budget", "Council tax rises by 4.99%.", councils=("SFK",))
    district = story_item("Ipswich Borough Council approves budget", "Its share of the bill rises by £5.", 3,
                          councils=("IPS",))
    found = evidence(county, district)
    assert found.veto and "different councils" in found.veto
    rewrite = story_item("Suffolk budget agreed with 4.99% rise", "The county council approved its budget.", 5,
                         councils=("SFK",))
    assert evidence(county, rewrite).veto is None


def test_neighbours_whose_names_share_a_stem_are_not_one_word():
    assert concepts("Oxford") & concepts("Oxfordshire") == frozenset()
    assert concepts("Northampton plans") & concepts("Northumberland plans") == {"plan"}
    assert concepts("Oxford's budget") & concepts("Oxford budget") == {"oxford", "budge"}
    assert concepts("Highland Council") & concepts("the Highlands") == concepts("Highland")  # one place


def test_an_item_names_the_service_an_inspector_judged():
    assert service("Derby SEND services improve, inspectors say") == "SEND"
    assert service("Children with special needs let down in Derby") == "SEND"
    assert service("Derby children's services rated good") == "children's services"
    assert service("Derby adult social care requires improvement, says CQC") == "adult social care"
    assert service("Derby budget approved") is None


def test_inspections_of_two_services_of_one_council_are_two_verdicts():
    send = story_item("Derby SEND services still failing, Ofsted finds", "A joint area inspection found little "
                      "progress.", councils=("DER",))
    children = story_item("Derby children's services rated good by Ofsted", "Inspectors praised help for "
                          "children in care.", 20, councils=("DER",))
    found = evidence(send, children)
    assert found.veto == "inspections of two services (SEND / children's services)"
    rewrite = story_item("Inspectors find Derby special needs support still poor", "Ofsted and the CQC revisited.", 4,
                         councils=("DER",))
    assert evidence(send, rewrite).veto is None


def test_a_contest_won_and_the_same_contest_lost_are_two_results_however_alike_the_titles():
    won = story_item("Epping council wins appeal over warehouse scheme", "The inspector backed its refusal.",
                     councils=("EPP",))
    lost = story_item("Epping council loses appeal over warehouse scheme", "The inspector overturned its refusal.",
                      30, councils=("EPP",))
    assert evidence(won, lost).veto == "opposite outcomes of a contest (won / lost)"
    rewrite = story_item("Epping council wins appeal on warehouse plan", "A planning inspector sided with the "
                         "council.", 3, councils=("EPP",))
    assert evidence(won, rewrite).veto is None
    assert outcomes_apart("Leader survives no-confidence vote", "Motion fails to oust leader") is None  # one vote


def test_a_vote_faced_and_survived_and_a_sale_offered_and_made_are_two_stages():
    assert stage("Hastings leader faces no-confidence vote") == "proposed"
    assert stage("Hastings leader survives no-confidence vote") == "decided"
    assert stage("Wyre puts civic centre up for sale") == "proposed"
    assert stage("Wyre sells civic centre to developer") == "decided"


def test_a_neighbour_whose_name_shares_a_stem_is_not_mentioned():
    one = story_item("Southwark launches four-day week trial", "Staff will test a shorter week.", councils=("SWK",))
    other = story_item("Southampton City Council announces four-day week pilot", "Staff in two departments will "
                       "trial a shorter week.", 17, councils=("STH",))
    assert unmentioned(names(other.title, other.summary), one) == {"southampton"}


def test_a_matter_halted_and_the_same_matter_resumed_are_a_step_and_its_reversal():
    halted = story_item("Leeds Bradford rail link opening delayed", "The council says trains will now run in 2029.",
                        councils=("LDS",))
    resumed = story_item("Leeds Bradford rail link to open in 2027", "The council has found a new contractor.", 30,
                         councils=("LDS",))
    assert opposite_turns(halted, resumed) is None  # "to open" is no resumption
    restarted = story_item("Work on Leeds rail link restarts", "Contractors are back on site.", 30, councils=("LDS",))
    assert evidence(halted, restarted).veto == "opposite turns of a matter (halted / resumed)"
    rewrite = story_item("Leeds rail link faces delay", "The opening is postponed to 2029.", 3, councils=("LDS",))
    assert opposite_turns(halted, rewrite) is None


def test_the_sectors_words_for_a_tourist_tax_and_school_taxis_are_one():
    assert concepts("Edinburgh tourist tax set at 5%") & concepts("visitor levy") == {"tourist", "levy"}
    assert "trans" in concepts("School taxi bill soars") & concepts("SEND transport overspend")


def test_one_councils_two_matters_sharing_only_its_name_are_two_stories():
    chief = story_item("North East Lincolnshire Council appoints new chief executive", "The council has named its "
                       "new head of paid service.", councils=("NEL",))
    bins = story_item("Three-weekly bins for North East Lincolnshire", "The council will cut general waste "
                      "collections from July.", 14, councils=("NEL",))
    assert evidence(chief, bins).veto == "nothing in common but the council's name"
    rewrite = story_item("New boss for North East Lincolnshire", "The council's chief executive starts in May.", 5,
                         councils=("NEL",))
    assert evidence(chief, rewrite).veto is None  # the chief executive is a word in common
    bills = story_item("North East Lincolnshire bills up 7.5%", "", 3, councils=("NEL",))
    tax = story_item("North East Lincolnshire agrees 7.49% council tax rise", "", 5, councils=("NEL",))
    assert evidence(bills, tax).veto is None  # one figure told two ways
